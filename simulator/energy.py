"""Deterministic energy answers in LG's real shapes (HA core's `lg_thinq` fixtures, LG's SDK 1.0.14).

- `GET /devices/energy/{id}/profile`: `{"resultCode": "0000", "result": {"property": ["energyUsage"]}}`,
  or `"property": []` for an appliance LG does not meter.
- `GET /devices/energy/{id}/usage`: `{"resultCode": "0000", "result": {"dataList": [...], "property": [...]}}`
  with `period=DAILY` (dates `YYYYMMDD`) or `MONTHLY` (`YYYYMM`). A DAILY query for today alone is
  answered by the hour (`usedDate` `YYYYMMDDHH`, completed hours only), as LG does.

Values are watt-hours: the same for the same device and hour on every call, and a day is the
sum of its hours, a month the sum of its days.
"""

import calendar
from datetime import date, datetime, timedelta
import hashlib
from typing import Any

from .errors import ApiError

ENERGY_PROPERTY = "energyUsage"
RESULT_OK = "0000"
MAX_DAYS = 31
MAX_MONTHS = 12

# Typical daily consumption in Wh by device type; types not listed are not metered by LG.
DAILY_WH: dict[str, int] = {
    "DEVICE_AIR_CONDITIONER": 6000,
    "DEVICE_REFRIGERATOR": 1200,
    "DEVICE_KIMCHI_REFRIGERATOR": 700,
    "DEVICE_WASHER": 500,
    "DEVICE_DRYER": 1800,
    "DEVICE_DISH_WASHER": 900,
    "DEVICE_OVEN": 1000,
    "DEVICE_STYLER": 700,
    "DEVICE_DEHUMIDIFIER": 2500,
}


# A device added with a real energy profile of a type not listed above.
OTHER_DAILY_WH = 400


def metered(device_type: str) -> bool:
    """Return whether LG reports energy for this kind of appliance (here: the types above)."""
    return device_type in DAILY_WH


def profile(device_type: str) -> dict[str, Any]:
    """The energy profile answer for a device type."""
    return {
        "resultCode": RESULT_OK,
        "result": {"property": [ENERGY_PROPERTY] if metered(device_type) else []},
    }


def metered_properties(answer: dict[str, Any]) -> list[str]:
    """Return the properties an energy profile answer lists (a real one may have no list)."""
    properties = answer.get("result", {}).get("property", [])
    return [prop for prop in properties if isinstance(prop, str)] if isinstance(properties, list) else []


def hourly_wh(device_id: str, device_type: str, hour: datetime) -> float:
    """One hour's consumption, to a tenth of a watt-hour: between 0% and 200% of the average hour."""
    digest = hashlib.sha256(f"{device_id}/{hour:%Y%m%d%H}".encode()).digest()
    share = 2 * int.from_bytes(digest[:4]) / 2**32
    return round(DAILY_WH.get(device_type, OTHER_DAILY_WH) / 24 * share, 1)


def daily_wh(device_id: str, device_type: str, day: date, now: datetime) -> float:
    """One day's consumption: the sum of its hours, up to the last completed hour before `now`."""
    start = datetime(day.year, day.month, day.day)
    hours = [start + timedelta(hours=offset) for offset in range(24)]
    return round(sum(hourly_wh(device_id, device_type, h) for h in hours if h + timedelta(hours=1) <= now), 1)


def _parse(text: str | None, period: str, name: str) -> date:
    if not text:
        raise ApiError("1101", f"{name} is required")
    try:
        if period == "DAILY" and len(text) == 8:
            return date(int(text[:4]), int(text[4:6]), int(text[6:]))
        if period == "MONTHLY" and len(text) == 6:
            return date(int(text[:4]), int(text[4:]), 1)
    except ValueError:
        pass
    raise ApiError("1102", f"{name} must be {'YYYYMMDD' if period == 'DAILY' else 'YYYYMM'}")


def _rows(device_id: str, device_type: str, period: str, first: date, last: date, now: datetime) -> list[Any]:
    today = now.date()
    if period == "DAILY" and first == last == today:
        start = datetime(today.year, today.month, today.day)
        return [
            {ENERGY_PROPERTY: hourly_wh(device_id, device_type, hour), "usedDate": f"{hour:%Y%m%d%H}"}
            for hour in (start + timedelta(hours=offset) for offset in range(now.hour))
        ]
    if period == "DAILY":
        if (last - first).days >= MAX_DAYS:
            raise ApiError("1102", f"at most {MAX_DAYS} days per query")
        days = [first + timedelta(days=offset) for offset in range((last - first).days + 1)]
        return [
            {ENERGY_PROPERTY: daily_wh(device_id, device_type, day, now), "usedDate": f"{day:%Y%m%d}"}
            for day in days
        ]
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    if months > MAX_MONTHS:
        raise ApiError("1102", f"at most {MAX_MONTHS} months per query")
    rows = []
    for index in range(months):
        year, month = divmod(first.month - 1 + index, 12)
        month_start = date(first.year + year, month + 1, 1)
        length = calendar.monthrange(month_start.year, month_start.month)[1]
        days = [month_start + timedelta(days=offset) for offset in range(length)]
        total = sum(daily_wh(device_id, device_type, day, now) for day in days if day <= today)
        rows.append({ENERGY_PROPERTY: round(total, 1), "usedDate": f"{month_start:%Y%m}"})
    return rows


def usage(
    device_id: str,
    device_type: str,
    query: dict[str, str],
    now: datetime,
    properties: list[str],
) -> dict[str, Any]:
    """The usage answer for a query, validated as LG's SDK validates it; `now` is local wall time.

    `properties` are those the device's energy profile lists.
    """
    prop, period = query.get("property"), query.get("period")
    if not prop or not period:
        raise ApiError("1101", "property and period are required")
    if prop not in properties:
        raise ApiError("1102", f"unknown energy property {prop!r}")
    if period not in ("DAILY", "MONTHLY"):
        raise ApiError("1102", "period must be DAILY or MONTHLY")
    first = _parse(query.get("startDate"), period, "startDate")
    last = _parse(query.get("endDate"), period, "endDate")
    if first > last:
        raise ApiError("1102", "startDate is after endDate")
    if last > now.date():
        raise ApiError("1102", "endDate is in the future")
    data = _rows(device_id, device_type, period, first, last, now)
    return {"resultCode": RESULT_OK, "result": {"dataList": data, "property": [prop]}}
