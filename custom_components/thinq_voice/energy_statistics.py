"""LG's energy readings as long-term statistics: per-appliance hourly bars in the Energy dashboard.

Each metered appliance gets an external statistic `thinq_voice:energy_<device id>` in Wh. Every
import writes the whole series again from its first hour, its running sum continuing from the
last statistic before that hour: importing the same readings twice changes nothing, and a value LG
corrects later replaces the old one without counting it twice.
"""

from datetime import datetime, timedelta

from homeassistant.components.recorder.models import StatisticData, StatisticMeanType, StatisticMetaData
from homeassistant.components.recorder.statistics import (
    async_add_external_statistics,
    statistics_during_period,
)
from homeassistant.const import UnitOfEnergy
from homeassistant.core import HomeAssistant
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util, slugify
from homeassistant.util.unit_conversion import EnergyConverter

from .api.models import DeviceInfo
from .const import DOMAIN

# How far back the last sum before a series is looked for: beyond a year nothing of ours is older.
_SUM_LOOKBACK = timedelta(days=400)


def statistic_id(device_id: str) -> str:
    """Return the external statistic id of an appliance's energy."""
    return f"{DOMAIN}:energy_{slugify(device_id)}"


def utc_hours(series: dict[datetime, float]) -> dict[datetime, float]:
    """Move local wall-clock hours to the UTC hours the recorder keeps (top of the hour)."""
    zone = dt_util.get_default_time_zone()
    hours: dict[datetime, float] = {}
    for local, value in series.items():
        start = dt_util.as_utc(local.replace(tzinfo=zone)).replace(minute=0, second=0, microsecond=0)
        hours[start] = hours.get(start, 0.0) + value
    return hours


async def async_import_energy(hass: HomeAssistant, info: DeviceInfo, series: dict[datetime, float]) -> None:
    """Import an appliance's hourly watt-hours (local hours) as its energy statistic."""
    if "recorder" not in hass.config.components or not series:
        return
    hours = utc_hours(series)
    stat_id = statistic_id(info.device_id)
    first = min(hours)
    running = await _async_sum_before(hass, stat_id, first)
    statistics: list[StatisticData] = []
    for start in sorted(hours):
        running += hours[start]
        statistics.append(StatisticData(start=start, state=hours[start], sum=round(running, 3)))
    metadata = StatisticMetaData(
        mean_type=StatisticMeanType.NONE,
        has_sum=True,
        name=info.alias,
        source=DOMAIN,
        statistic_id=stat_id,
        unit_class=EnergyConverter.UNIT_CLASS,
        unit_of_measurement=UnitOfEnergy.WATT_HOUR,
    )
    async_add_external_statistics(hass, metadata, statistics)


async def _async_sum_before(hass: HomeAssistant, stat_id: str, start: datetime) -> float:
    """Return the running sum of the last statistic before `start` (0 for a first import)."""
    rows = await get_instance(hass).async_add_executor_job(
        statistics_during_period, hass, start - _SUM_LOOKBACK, start, {stat_id}, "hour", None, {"sum"}
    )
    found = rows.get(stat_id)
    return float(found[-1].get("sum") or 0.0) if found else 0.0
