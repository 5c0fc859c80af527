"""Energy: what LG meters per appliance, read within the request budget, for sensors and statistics.

For each appliance LG meters (its energy profile names a property) three reads are made, in
this order of use to people:
- the daily history of the last month, today included: today's and this month's totals at once;
- today alone, which LG itemises by the hour: the hourly bars of the Energy dashboard;
- the monthly history of the past year, for the long-term statistics.
The daily history is read again once a day, today's hours at most once an hour, the months once
a month. Reading energy profiles is part of setting the appliances up (their sensors exist from
setup on); usage reads are background requests and take no more than energy's share of the
background budget, so polling keeps its own.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from homeassistant.core import callback
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.util import dt as dt_util

from .api import (
    Priority,
    ThinQBadRequestError,
    ThinQBudgetError,
    ThinQError,
    ThinQInvalidResponseError,
    ThinQNotFoundError,
)
from .api.energy import EnergyHistory, EnergyPeriod, EnergyUsage, Granularity
from .api.throttle import RequestBudget
from .const import LOGGER
from .energy_statistics import async_import_energy

if TYPE_CHECKING:
    from .coordinator import ThinQVoiceCoordinator

# LG itemises today by completed hours: reading more often than hourly brings nothing new.
TODAY_INTERVAL = timedelta(hours=1)
# How often energy looks for due reads (and appliances that joined), whatever polling does.
CHECK_INTERVAL = timedelta(minutes=10)
# Days of daily history kept and imported (LG answers up to a month per query).
HISTORY_DAYS = 30
HISTORY_MONTHS = 12


@dataclass(slots=True)
class ApplianceEnergy:
    """What LG reported of one metered appliance's energy use, in watt-hours, by local time."""

    prop: str
    hours: dict[datetime, float] = field(default_factory=dict)
    days: dict[date, float] = field(default_factory=dict)
    months: dict[date, float] = field(default_factory=dict)
    history_read_on: date | None = None
    hours_read_at: datetime | None = None
    months_read_for: date | None = None
    # After a failed read the appliance waits, so that one bad answer does not block the others.
    retry_at: datetime | None = None

    def today_total(self, today: date) -> float | None:
        """Return today's watt-hours: the itemised hours, or the day's row before those were read."""
        if self.hours_read_at is not None and self.hours_read_at.date() == today:
            return sum(value for hour, value in self.hours.items() if hour.date() == today)
        return self.days.get(today)

    def month_total(self, today: date) -> float | None:
        """Return this month's watt-hours, or None until the days of this month are known."""
        if self.history_read_on is None or (today_used := self.today_total(today)) is None:
            return None
        first = month_start(today)
        return today_used + sum(value for day, value in self.days.items() if first <= day < today)

    def keep(self, rows: EnergyHistory, today: date) -> None:
        """Remember an answer's rows by what they cover; forget what fell out of the window."""
        for row in rows.rows:
            self._store(row)
        oldest = today - timedelta(days=HISTORY_DAYS)
        self.hours = {hour: value for hour, value in self.hours.items() if hour.date() >= oldest}
        self.days = {day: value for day, value in self.days.items() if day >= oldest}

    def hourly_series(self, today: date) -> dict[datetime, float]:
        """Return the watt-hours per local hour for the Energy dashboard, from all LG reported.

        Hours LG itemised are theirs. What a past day's total holds beyond its itemised hours (all
        of it, for days read only as history) goes in the day's last hour; a month before the
        daily window goes in its last hour, and the part of the month the window starts in that
        lies before the window in the hour just before the window.
        """
        window = today - timedelta(days=HISTORY_DAYS)
        series: dict[datetime, float] = {}
        for first, total in self.months.items():
            after = month_start(first, -1)
            if after <= window:
                series[_midnight(after) - _HOUR] = total
            elif first < window:
                inside = sum(value for day, value in self.days.items() if window <= day < after)
                series[_midnight(window) - _HOUR] = max(total - inside, 0.0)
        for day, total in self.days.items():
            if window <= day < today:
                itemised = sum(value for hour, value in self.hours.items() if hour.date() == day)
                if (rest := round(total - itemised, 3)) > 0:
                    series[_midnight(day) + timedelta(hours=23)] = rest
        for hour, value in self.hours.items():
            if hour.date() >= window:
                series[hour] = series.get(hour, 0.0) + value
        return series

    def _store(self, row: EnergyUsage) -> None:
        if row.granularity is Granularity.HOUR:
            self.hours[row.start] = row.watt_hours
        elif row.granularity is Granularity.DAY:
            self.days[row.day] = row.watt_hours
        else:
            self.months[row.day] = row.watt_hours


_HOUR = timedelta(hours=1)


class _Postponed(Exception):
    """The request budget, or energy's share of it, is spent for now: reading waits a refresh."""


_ROW_DATES = {Granularity.HOUR: "%Y-%m-%dT%H:00", Granularity.DAY: "%Y-%m-%d", Granularity.MONTH: "%Y-%m"}


def usage_rows(history: EnergyHistory) -> list[dict[str, str | float]]:
    """Return a usage answer as rows of local date (hour, day or month) and watt-hours."""
    return [
        {"date": row.start.strftime(_ROW_DATES[row.granularity]), "energy": row.watt_hours}
        for row in history.rows
    ]


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)


def _seconds_now() -> float:
    """Return Home Assistant's clock in seconds: energy's share follows it (and a frozen test's)."""
    return dt_util.utcnow().timestamp()


def month_start(day: date, months_back: int = 0) -> date:
    """Return the first day of the month `months_back` months before `day`'s."""
    year, month = divmod(day.year * 12 + day.month - 1 - months_back, 12)
    return date(year, month + 1, 1)


class EnergyReader:
    """Reads the energy of an account's metered appliances and keeps it for sensors and statistics."""

    def __init__(self, coordinator: ThinQVoiceCoordinator, *, requests_per_hour: int) -> None:
        """Attach the reader to the coordinator whose appliances it reads, with its hourly share."""
        self.coordinator = coordinator
        # Device id -> what LG reported; an appliance LG does not meter has None.
        self.appliances: dict[str, ApplianceEnergy | None] = {}
        self.share = RequestBudget(requests_per_hour, clock=_seconds_now)
        self._reading = False
        self._warned: set[tuple[str, str]] = set()

    async def async_setup(self) -> None:
        """Learn which appliances LG meters before the sensors are made, then read what is due."""
        await self.async_read_profiles()
        entry = self.coordinator.config_entry
        # Ended on unload, and when Home Assistant stops without unloading the entry.
        entry.async_on_unload(
            async_track_time_interval(
                self.coordinator.hass, self._async_check, CHECK_INTERVAL, cancel_on_shutdown=True
            )
        )
        self.async_read_when_due()

    @callback
    def _async_check(self, _now: datetime) -> None:
        self.async_read_when_due()

    def as_diagnostics(self) -> dict[str, object]:
        """Return what was read, by device id: today's and this month's watt-hours and what is known."""
        today = dt_util.now().date()
        return {
            device_id: None
            if energy is None
            else {
                "property": energy.prop,
                "today_wh": energy.today_total(today),
                "month_wh": energy.month_total(today),
                "hours": len(energy.hours),
                "days": len(energy.days),
                "months": len(energy.months),
            }
            for device_id, energy in self.appliances.items()
        }

    def metered(self, device_id: str) -> ApplianceEnergy | None:
        """Return the energy of an appliance LG meters (None: not metered, or not known yet)."""
        return self.appliances.get(device_id)

    async def async_property(self, device_id: str) -> str | None:
        """Return the energy property an appliance reports, reading its energy profile once.

        Raises:
            ThinQError: the energy profile could not be read.
        """
        if device_id not in self.appliances:
            await self._async_read_profile(device_id)
        energy = self.appliances[device_id]
        return energy.prop if energy else None

    async def async_read_profiles(self) -> None:
        """Learn which appliances LG meters, so their sensors exist from setup on (and on joining)."""
        learned = False
        for device_id in list(self.coordinator.data):
            if device_id in self.appliances:
                continue
            if not self.coordinator.catalog.cache.energy(device_id)[0] and not self._client_allows(
                Priority.CONFIRM
            ):
                break
            try:
                await self._async_read_profile(device_id)
            except ThinQError as err:
                self._warn_once(device_id, "profile", err)
            else:
                learned = True
        if learned:
            # The sensor platform adds the sensors of the appliances found metered.
            self.coordinator.async_update_listeners()

    async def _async_read_profile(self, device_id: str) -> None:
        """Learn what LG meters an appliance by: kept from an earlier run, else asked of LG and kept."""
        cache = self.coordinator.catalog.cache
        known, metered = cache.energy(device_id)
        if not known:
            try:
                profile = await self.coordinator.client.async_get_energy_profile(
                    device_id, priority=Priority.CONFIRM
                )
            except ThinQNotFoundError, ThinQBadRequestError:
                # LG answers an error instead of an empty profile for some appliances it does not meter.
                metered = None
            else:
                metered = profile.metered
            cache.keep_energy(device_id, metered)
        self.appliances[device_id] = ApplianceEnergy(metered) if metered else None

    @callback
    def async_read_when_due(self) -> None:
        """Read what is due in the background, as far as energy's share allows."""
        if self._reading or not self.coordinator.data:
            return
        self._reading = True
        self.coordinator.config_entry.async_create_background_task(
            self.coordinator.hass, self._async_read_due(), "thinq_voice energy"
        )

    async def _async_read_due(self) -> None:
        try:
            await self.async_read_profiles()
            while (due := self._next_due()) is not None:
                device_id, read = due
                await read(device_id)
        except _Postponed:
            LOGGER.debug("Energy reading postponed: its share of the request budget is spent for now")
        finally:
            self._reading = False
        for device_id in set(self.appliances) - set(self.coordinator.data):
            del self.appliances[device_id]

    def _client_allows(self, priority: Priority) -> bool:
        return self.coordinator.client.budget.available(priority) > 0

    def _next_due(self) -> tuple[str, Callable[[str], Awaitable[None]]] | None:
        """Return the most useful read still due.

        First each appliance's first history (its sensors' values), then today's hours of each
        (after midnight: today's value and its hourly bars), then each history of the new day,
        the months of each (once a month), and only then today's hours again, the stalest first.
        """
        now = dt_util.now().replace(tzinfo=None)
        metered = [
            (device_id, energy)
            for device_id, energy in self.appliances.items()
            if energy is not None
            and device_id in self.coordinator.data
            and (energy.retry_at is None or energy.retry_at <= now)
        ]
        rounds: list[tuple[Callable[[ApplianceEnergy], bool], Callable[[str], Awaitable[None]]]] = [
            (lambda energy: energy.history_read_on is None, self._async_read_history),
            (
                lambda energy: energy.hours_read_at is None or energy.hours_read_at.date() != now.date(),
                self._async_read_today,
            ),
            (lambda energy: energy.history_read_on != now.date(), self._async_read_history),
            (lambda energy: energy.months_read_for != month_start(now.date()), self._async_read_months),
        ]
        for due, read in rounds:
            for device_id, energy in metered:
                if due(energy):
                    return device_id, read
        stale = [
            (read_at, device_id)
            for device_id, energy in metered
            if (read_at := energy.hours_read_at) is not None and now - read_at >= TODAY_INTERVAL
        ]
        return (min(stale)[1], self._async_read_today) if stale else None

    async def _async_read_history(self, device_id: str) -> None:
        today = dt_util.now().date()
        start = today - timedelta(days=HISTORY_DAYS)
        if await self._async_read(device_id, EnergyPeriod.DAILY, start, today):
            self._energy(device_id).history_read_on = today

    async def _async_read_today(self, device_id: str) -> None:
        now = dt_util.now().replace(tzinfo=None)
        await self._async_read(device_id, EnergyPeriod.DAILY, now.date(), now.date())
        self._energy(device_id).hours_read_at = now

    async def _async_read_months(self, device_id: str) -> None:
        today = dt_util.now().date()
        start = month_start(today, HISTORY_MONTHS - 1)
        if await self._async_read(device_id, EnergyPeriod.MONTHLY, start, today):
            self._energy(device_id).months_read_for = month_start(today)

    def _energy(self, device_id: str) -> ApplianceEnergy:
        energy = self.appliances[device_id]
        assert energy is not None
        return energy

    async def _async_read(
        self, device_id: str, period: EnergyPeriod, start: date, end: date
    ) -> EnergyHistory | None:
        """Read one history into the appliance's energy, tell the entities and import it.

        Returns None when the read failed (logged; the appliance waits an hour before the next).

        Raises:
            _Postponed: the budget (or energy's share of it) is spent for now; nothing was sent.
        """
        energy = self._energy(device_id)
        appliance = self.coordinator.data[device_id]
        if not self._client_allows(Priority.BACKGROUND) or self.share.available(Priority.CONTROL) < 1:
            raise _Postponed
        self.share.acquire(Priority.CONTROL)
        try:
            history = await self.coordinator.client.async_get_energy_usage(
                device_id, energy.prop, period, start, end, priority=Priority.BACKGROUND
            )
        except ThinQBudgetError as err:
            raise _Postponed from err
        except ThinQError as err:
            self._warn_once(device_id, str(period), err)
            energy.retry_at = dt_util.now().replace(tzinfo=None) + TODAY_INTERVAL
            return None
        if history.skipped:
            self._warn_once(
                device_id,
                f"{period} rows",
                ThinQInvalidResponseError(f"{history.skipped} usage rows without a usable date or value"),
            )
        energy.keep(history, dt_util.now().date())
        self.coordinator.async_update_listeners()
        await async_import_energy(
            self.coordinator.hass, appliance.info, energy.hourly_series(dt_util.now().date())
        )
        return history

    def _warn_once(self, device_id: str, what: str, err: ThinQError) -> None:
        """Log a failed energy read: an unexpected answer once per appliance and kind, clearly."""
        alias = (
            self.coordinator.data[device_id].info.alias if device_id in self.coordinator.data else device_id
        )
        if not isinstance(err, ThinQInvalidResponseError):
            LOGGER.debug("Reading the energy %s of %s failed: %s", what, alias, err)
            return
        if (device_id, what) not in self._warned:
            self._warned.add((device_id, what))
            LOGGER.warning(
                "LG's energy %s answer for %s was not understood and is ignored: %s", what, alias, err
            )
