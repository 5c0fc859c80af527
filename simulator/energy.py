"""Deterministic energy history for `GET /devices/energy/{id}/usage`.

LG does not publish the response shape; the simulator answers with
`{"property", "period", "unit": "Wh", "dataList": [{"usedDate", "energyUsage"}]}`.
"""

import calendar
from datetime import date, timedelta
import hashlib
from typing import Any

from .errors import ApiError

ENERGY_PROPERTY = "energyUsage"
ENERGY_PROFILE: dict[str, Any] = {
    "property": {ENERGY_PROPERTY: {"mode": ["r"], "type": "number", "unit": "Wh"}}
}
MAX_DAYS = 31
MAX_MONTHS = 12

# Typical daily consumption in Wh by device type; a device's days vary from 50% to 150% of it.
DAILY_WH: dict[str, int] = {
    "DEVICE_AIR_CONDITIONER": 6000,
    "DEVICE_REFRIGERATOR": 1200,
    "DEVICE_KIMCHI_REFRIGERATOR": 700,
    "DEVICE_WASHER": 500,
    "DEVICE_DRYER": 1800,
    "DEVICE_DISH_WASHER": 900,
    "DEVICE_AIR_PURIFIER": 300,
    "DEVICE_ROBOT_CLEANER": 60,
    "DEVICE_OVEN": 1000,
    "DEVICE_STYLER": 700,
    "DEVICE_DEHUMIDIFIER": 2500,
}


def daily_wh(device_id: str, device_type: str, day: date) -> int:
    """One day's consumption: the same answer for the same device and day, every time."""
    digest = hashlib.sha256(f"{device_id}/{day.isoformat()}".encode()).digest()
    share = 0.5 + int.from_bytes(digest[:4]) / 2**32
    return round(DAILY_WH.get(device_type, 400) * share)


def _parse(text: str | None, period: str, name: str) -> date:
    if not text:
        raise ApiError("1101", f"{name} is required")
    try:
        if period == "DAY" and len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if period == "MONTH" and len(text) == 6:
            return date(int(text[:4]), int(text[4:]), 1)
    except ValueError:
        pass
    raise ApiError("1102", f"{name} must be {'YYYYMMDD' if period == 'DAY' else 'YYYYMM'}")


def usage(
    device_id: str, device_type: str, prop: str | None, period: str | None, start: str | None, end: str | None
) -> dict[str, Any]:
    """The usage response for a query, validated like LG validates its parameters."""
    if not prop or not period:
        raise ApiError("1101", "property and period are required")
    if prop != ENERGY_PROPERTY:
        raise ApiError("1102", f"unknown property {prop!r}")
    if period not in ("DAY", "MONTH"):
        raise ApiError("1102", "period must be DAY or MONTH")
    first, last = _parse(start, period, "startDate"), _parse(end, period, "endDate")
    if first > last:
        raise ApiError("1102", "startDate is after endDate")
    data = []
    if period == "DAY":
        if (last - first).days >= MAX_DAYS:
            raise ApiError("1102", f"at most {MAX_DAYS} days per query")
        day = first
        while day <= last:
            data.append(
                {"usedDate": day.strftime("%Y%m%d"), ENERGY_PROPERTY: daily_wh(device_id, device_type, day)}
            )
            day += timedelta(days=1)
    else:
        months = (last.year - first.year) * 12 + last.month - first.month + 1
        if months > MAX_MONTHS:
            raise ApiError("1102", f"at most {MAX_MONTHS} months per query")
        for index in range(months):
            year, month = divmod(first.month - 1 + index, 12)
            month_start = date(first.year + year, month + 1, 1)
            days = calendar.monthrange(month_start.year, month_start.month)[1]
            total = sum(
                daily_wh(device_id, device_type, month_start + timedelta(days=offset))
                for offset in range(days)
            )
            data.append({"usedDate": month_start.strftime("%Y%m"), ENERGY_PROPERTY: total})
    return {"property": prop, "period": period, "unit": "Wh", "dataList": data}
