"""Typed views of LG's energy answers: which properties an appliance meters, and its usage history.

Both endpoints wrap their answer once more inside the envelope's `response`:

- `GET /devices/energy/{id}/profile` -> `{"resultCode": "0000", "result": {"property": ["energyUsage"]}}`;
  an appliance LG does not meter answers `"property": []` or an empty `result`.
- `GET /devices/energy/{id}/usage?property=&period=&startDate=&endDate=` ->
  `{"resultCode": "0000", "result": {"dataList": [{"energyUsage": 80.0, "usedDate": "2024101008"}],
  "property": ["energyUsage"]}}`, values in watt-hours.

`period` is `DAILY` (dates `YYYYMMDD`) or `MONTHLY` (dates `YYYYMM`), the values LG's SDK sends.
A row's `usedDate` says what it covers: `YYYYMMDDHH` one hour (LG itemises today by the hour),
`YYYYMMDD` one day, `YYYYMM` one month. Dates are the appliance's local time.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
import math
import re
from typing import Self

from .errors import ThinQInvalidResponseError
from .models import JsonObject, JsonValue

# LG's resultCode for an answer that carries data.
RESULT_OK = "0000"
_USED_DATE = re.compile(r"^\d{6}(\d{2}(\d{2})?)?$")


class EnergyPeriod(StrEnum):
    """The `period` of a usage query (LG's SDK: `USAGE_DAILY`, `USAGE_MONTHLY`)."""

    DAILY = "DAILY"
    MONTHLY = "MONTHLY"


class Granularity(StrEnum):
    """What one usage row covers, told by the length of its `usedDate`."""

    HOUR = "hour"
    DAY = "day"
    MONTH = "month"


_DATE_FORMATS: Mapping[EnergyPeriod, tuple[str, re.Pattern[str], str]] = {
    EnergyPeriod.DAILY: ("%Y%m%d", re.compile(r"^\d{8}$"), "YYYYMMDD"),
    EnergyPeriod.MONTHLY: ("%Y%m", re.compile(r"^\d{6}$"), "YYYYMM"),
}


def energy_date(value: date | str, period: EnergyPeriod) -> str:
    """Return a query date in LG's format for the period (a string must already be in it).

    Raises:
        ValueError: the string is not in the period's format.
    """
    date_format, pattern, label = _DATE_FORMATS[period]
    if isinstance(value, date):
        return value.strftime(date_format)
    if not pattern.match(value):
        raise ValueError(f"{period} dates must look like {label}")
    return value


def _result(response: JsonValue, what: str) -> JsonObject:
    """Unwrap `{"resultCode", "result"}`; anything else is not LG's energy answer."""
    if not isinstance(response, dict) or not isinstance(result := response.get("result"), dict):
        raise ThinQInvalidResponseError(f"The energy {what} answer has no result object")
    code = response.get("resultCode", RESULT_OK)
    if code != RESULT_OK:
        raise ThinQInvalidResponseError(f"The energy {what} answer has resultCode {code!r}")
    return result


@dataclass(frozen=True, slots=True)
class EnergyProfile:
    """The energy properties LG meters for an appliance (none: LG does not meter it)."""

    properties: tuple[str, ...]

    @property
    def metered(self) -> str | None:
        """Return the property to read usage by, or None for an appliance LG does not meter."""
        return self.properties[0] if self.properties else None

    @classmethod
    def from_json(cls, response: JsonValue) -> Self:
        """Read an energy profile answer.

        Raises:
            ThinQInvalidResponseError: the answer is not LG's shape.
        """
        properties = _result(response, "profile").get("property", [])
        if not isinstance(properties, list) or not all(isinstance(p, str) and p for p in properties):
            raise ThinQInvalidResponseError("The energy profile's property is not a list of names")
        return cls(tuple(p for p in properties if isinstance(p, str)))


@dataclass(frozen=True, slots=True)
class EnergyUsage:
    """One row of a usage history: the watt-hours used in the hour, day or month starting at `start`."""

    start: datetime
    """Local wall time (naive): LG dates rows in the appliance's time zone."""
    granularity: Granularity
    watt_hours: float

    @property
    def day(self) -> date:
        """Return the day the row falls in (a month's row: its first day)."""
        return self.start.date()


def _usage_row(row: JsonValue, prop: str) -> EnergyUsage | None:
    """Read one `dataList` row; None when its date or value cannot be trusted."""
    if not isinstance(row, dict):
        return None
    used, value = row.get("usedDate"), row.get(prop)
    if not isinstance(used, str) or not _USED_DATE.match(used):
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if not math.isfinite(value) or value < 0:
        return None
    granularity = {6: Granularity.MONTH, 8: Granularity.DAY, 10: Granularity.HOUR}[len(used)]
    try:
        start = datetime(int(used[:4]), int(used[4:6]), int(used[6:8] or 1), int(used[8:10] or 0))
    except ValueError:
        return None
    return EnergyUsage(start, granularity, float(value))


@dataclass(frozen=True, slots=True)
class EnergyHistory:
    """A usage answer: the rows LG sent for one property, oldest first.

    Rows whose date or value is not a usable number are left out (never read as 0) and counted
    in `skipped`, so the caller can say so.
    """

    prop: str
    rows: tuple[EnergyUsage, ...]
    skipped: int = 0

    @property
    def total(self) -> float | None:
        """Return the watt-hours of all rows; None when LG sent none (unknown, not 0)."""
        return sum(row.watt_hours for row in self.rows) if self.rows else None

    @classmethod
    def from_json(cls, response: JsonValue, prop: str) -> Self:
        """Read a usage answer for `prop`.

        Raises:
            ThinQInvalidResponseError: the answer is not LG's shape (no `result.dataList` list).
        """
        data = _result(response, "usage").get("dataList")
        if not isinstance(data, list):
            raise ThinQInvalidResponseError("The energy usage answer has no dataList")
        rows = [row for row in (_usage_row(item, prop) for item in data) if row is not None]
        rows.sort(key=lambda row: row.start)
        return cls(prop, tuple(rows), len(data) - len(rows))
