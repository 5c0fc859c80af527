"""Coordinator: one per ThinQ Connect account, holding every included appliance."""

import asyncio
from collections.abc import Coroutine, Mapping
from datetime import UTC, datetime, timedelta
import time
from typing import Any, override

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntry
from homeassistant.core import Context, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed, HomeAssistantError
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .api import (
    Priority,
    ThinQAuthenticationError,
    ThinQBudgetError,
    ThinQConnectClient,
    ThinQDeviceOfflineError,
    ThinQError,
    ThinQRateLimitError,
    ThinQServerError,
)
from .api.const import DEFAULT_HOURLY_REQUEST_BUDGET
from .api.models import DeviceInfo, DeviceState
from .appliances import Appliance, ApplianceCatalog, async_waiting_appliances
from .const import CONF_REFRESH_INTERVAL, CONFIRM_DELAY, DEFAULT_REFRESH_INTERVAL, DOMAIN, LOGGER
from .controls import async_send_control
from .device_cache import DeviceCache
from .energy import EnergyReader
from .errors import log_safe, refresh_error
from .in_flight import ControlsInFlight
from .notifications import derived_notifications, signal_notification
from .push import PUSH_CONFIRM_READ, SAFETY_INTERVAL, PushLink
from .sent_controls import ControlLedger, SentControl, async_tell_late_failure

# Appliance lives in appliances.py; the platforms know it from here, beside the coordinator.
__all__ = ["Appliance", "ThinQVoiceConfigEntry", "ThinQVoiceCoordinator", "polling_interval"]

type ThinQVoiceConfigEntry = ConfigEntry[ThinQVoiceCoordinator]

# State reads run side by side, but not all at once: a large home would otherwise burst
# dozens of requests at LG in the same second.
MAX_PARALLEL_READS = 4
# LG's hourly limit per account, as far as anyone has measured it (see api/const.py).
HOURLY_REQUEST_BUDGET = DEFAULT_HOURLY_REQUEST_BUDGET
# Requests of every hour that polling, energy and the device list never touch: they are for
# people. A command costs a control and a confirming read; confirming reads leave the last
# CONTROL_RESERVE requests to controls alone (the answer then says "sent, not yet confirmed"), so a
# household gets (50 - 20) / 2 + 20 = 35 commands in an hour of full polling before one is refused.
PEOPLE_RESERVE = 50
CONTROL_RESERVE = 20
# Background requests of an hour that are not state reads: the hourly device list, energy history.
BACKGROUND_OVERHEAD = 5
# How much longer than the confirming read's delay an answer waits without push: LG's answer to the read.
CONFIRM_MARGIN = 3.0
# LG's push code for an ending and the run state that ended arrive close together: one notification.
NOTIFY_ONCE_WITHIN = 120.0
# While kept states from before a restart wait for their read, refreshes come this often (each
# reads what the background share allows, nothing when it is spent).
RESTORED_READ_INTERVAL = timedelta(minutes=1)
# An appliance whose reports arrive by push is read once this old (a little under the safety
# interval, so one refresh reads it rather than the next).
SAFETY_READ_AGE = SAFETY_INTERVAL * 0.9


def polling_interval(configured: timedelta, appliances: int) -> timedelta:
    """Return the refresh interval: the configured one, stretched so polling fits the background share."""
    polling_share = HOURLY_REQUEST_BUDGET - PEOPLE_RESERVE - BACKGROUND_OVERHEAD
    budget_interval = timedelta(seconds=appliances * 3600 / polling_share)
    return max(configured, budget_interval)


class ThinQVoiceCoordinator(DataUpdateCoordinator[dict[str, Appliance]]):
    """Reads the account's appliances within LG's request limits and sends controls."""

    config_entry: ThinQVoiceConfigEntry

    def __init__(self, hass: HomeAssistant, entry: ThinQVoiceConfigEntry, client: ThinQConnectClient) -> None:
        """Set up the coordinator for an entry and its client."""
        interval = timedelta(
            seconds=entry.options.get(CONF_REFRESH_INTERVAL, DEFAULT_REFRESH_INTERVAL.total_seconds())
        )
        super().__init__(hass, LOGGER, config_entry=entry, name=DOMAIN, update_interval=interval)
        self.client = client
        self.catalog = ApplianceCatalog(hass, entry, client, DeviceCache(hass, entry.entry_id))
        self._read_slots = asyncio.Semaphore(MAX_PARALLEL_READS)
        self.ledger = ControlLedger(
            hass, self.async_refresh_appliance, self._start_task, CONFIRM_DELAY, self._async_late_failure
        )
        self.push = PushLink(self)
        # Set when push reconnects: the next refresh reads what the channel may have lost, paid
        # like a read someone waits for.
        self.fill_gap = False
        # Set when LG announces an appliance added: it joins at the next refresh, paid the same way.
        self._joining = False
        # Appliances that actions kept by the agent wait for: read first after a restart.
        self.read_first: set[str] = set()
        self._notified: dict[tuple[str, str], float] = {}
        # What entities must not take for done yet (see in_flight.py).
        self.in_flight = ControlsInFlight()
        self._configured_interval = interval
        # Energy's share of the background requests: the overhead less the hourly device list.
        self.energy = EnergyReader(self, requests_per_hour=BACKGROUND_OVERHEAD - 1)

    async def async_load_kept(self) -> None:
        """Read what earlier runs kept (profiles, states) and which appliances actions wait for."""
        await self.catalog.cache.async_load()
        self.read_first = await async_waiting_appliances(self.hass, self.config_entry.entry_id)

    @property
    def known_devices(self) -> dict[str, DeviceInfo]:
        """Return the account's appliances as LG's device list last named them."""
        return self.catalog.known_devices

    @property
    def confirm_delay(self) -> timedelta:
        """Return how long after a control the appliance is read to confirm it."""
        return self.ledger.confirm_delay

    @confirm_delay.setter
    def confirm_delay(self, delay: timedelta) -> None:
        self.ledger.confirm_delay = delay

    @property
    def confirm_timeout(self) -> float:
        """Return how long an answer waits for the appliance to confirm a control."""
        covered = self.data is not None and all(self.push.covers(device_id) for device_id in self.data)
        if covered and (timeout := self.push.confirm_timeout) is not None:
            return timeout
        return self.confirm_delay.total_seconds() + CONFIRM_MARGIN

    @property
    def sent_controls(self) -> list[SentControl]:
        """Return the controls LG accepted that nobody has asked about yet."""
        return self.ledger.sent

    @callback
    def _start_task(self, coro: Coroutine[Any, Any, None], name: str, tracked: bool) -> asyncio.Task[None]:
        if tracked:
            return self.config_entry.async_create_task(self.hass, coro, name)
        return self.config_entry.async_create_background_task(self.hass, coro, name)

    @property
    def excluded_devices(self) -> set[str]:
        """Return the ids of the appliances the user left out in the options."""
        return self.catalog.excluded_devices

    @override
    async def _async_update_data(self) -> dict[str, Appliance]:
        """Read the device list when due, then the states of the appliances due, as the budget allows.

        Setting up is read for someone waiting, and so are the read that fills what a push channel
        lost while it was down and an appliance LG announced; other refreshes are background reads
        that only spend what leaves the people's reserve.
        """
        setting_up = self.data is None
        priority = Priority.CONFIRM if setting_up or self.fill_gap or self._joining else Priority.BACKGROUND
        read_all, self.fill_gap, self._joining = self.fill_gap, False, False
        try:
            if self.catalog.list_due:
                await self._async_read_device_list(priority, setting_up)
            await self.catalog.async_learn_profiles(priority, self._has_state)
            appliances = self._appliances()
            due = self._due(appliances, read_all, setting_up)
            if len(due) > (available := self.client.budget.available(priority)):
                LOGGER.debug(
                    "Reading %s of %s appliances due: the rest waits for the budget", available, len(due)
                )
            results = await asyncio.gather(
                *(self._async_read_state(appliance, priority) for appliance in due[:available]),
                return_exceptions=True,
            )
        except ThinQBudgetError as err:
            if self.data is not None:
                # Our own budget holds polling back for people: keep the last states.
                LOGGER.debug("Refresh held back by ThinQ Voice's request budget: %s", err)
                return self.data
            raise refresh_error(err) from err
        except ThinQError as err:
            raise await self._async_refresh_error(err) from err
        await self._async_raise_for_read_errors(results)
        self.async_token_accepted()
        if priority is Priority.BACKGROUND and await self.catalog.async_check_oldest_profile():
            self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)
        self.update_interval = self._polling_interval(appliances)
        if self.push.offered:
            self.config_entry.async_create_background_task(
                self.hass, self.push.async_sync_devices(appliances), "thinq_voice push subscriptions"
            )
        return appliances

    async def _async_read_device_list(self, priority: Priority, setting_up: bool) -> None:
        """Read LG's device list; setting up, a list kept by the last run stands in while the budget is spent."""
        try:
            changed = await self.catalog.async_read_device_list(priority)
        except ThinQBudgetError:
            if setting_up and self.catalog.take_kept_list():
                LOGGER.debug("Setting up from the kept device list: the budget holds LG's back for now")
                return
            raise
        if changed & (self.data or {}).keys():
            self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)

    def _has_state(self, device_id: str) -> bool:
        appliance = self.data.get(device_id) if self.data else None
        return (appliance is not None and appliance.state is not None) or self.catalog.cache.state(
            device_id
        ) is not None

    def _appliances(self) -> dict[str, Appliance]:
        """Return the appliances to show: those known before, and new ones with their kept state."""
        previous = self.data or {}
        appliances: dict[str, Appliance] = {}
        for device_id, info in self.catalog.known_devices.items():
            profile = self.catalog.profiles.get(device_id)
            if device_id in self.excluded_devices or profile is None:
                continue
            appliance = previous.get(device_id)
            if appliance is None:
                appliance = Appliance(info=info, profile=profile)
                if (kept := self.catalog.cache.state(device_id)) is not None:
                    appliance.state, appliance.online = kept.state, kept.online
                    appliance.updated_at, appliance.restored = kept.updated_at, True
            appliance.info = info
            appliances[device_id] = appliance
        return appliances

    def _due(self, appliances: dict[str, Appliance], read_all: bool, setting_up: bool) -> list[Appliance]:
        """Return the appliances to read now, those actions wait for first, then the stalest.

        Setting up reads only what has no kept state (and what actions wait for); later, a kept
        state is read soon, and an appliance whose reports arrive by push only for the safety read.
        """
        now = dt_util.utcnow()

        def due(appliance: Appliance) -> bool:
            device_id = appliance.info.device_id
            if read_all or appliance.state is None or device_id in self.read_first:
                return True
            if setting_up:
                return False
            if appliance.restored or not self.push.covers(device_id):
                return True
            return appliance.updated_at is None or now - appliance.updated_at >= SAFETY_READ_AGE

        return sorted(
            (appliance for appliance in appliances.values() if due(appliance)),
            key=lambda appliance: (
                appliance.info.device_id not in self.read_first,
                appliance.updated_at is not None and not appliance.restored,
                appliance.updated_at or datetime.min.replace(tzinfo=UTC),
            ),
        )

    def _polling_interval(self, appliances: dict[str, Appliance]) -> timedelta:
        """Return the next refresh's delay: soon while kept states wait for a read, else as push allows."""
        polled = [device_id for device_id in appliances if not self.push.covers(device_id)]
        base = self.push.polling_base(self._configured_interval, all_covered=not polled)
        interval = polling_interval(base, len(polled) or len(appliances))
        if any(appliance.restored for appliance in appliances.values()):
            return min(interval, RESTORED_READ_INTERVAL)
        return interval

    async def _async_refresh_error(self, err: ThinQError) -> UpdateFailed | ConfigEntryAuthFailed:
        """Return what a failed refresh raises; a token is taken as rejected only when LG says so twice."""
        if isinstance(err, ThinQAuthenticationError) and not await self.async_token_rejected():
            return refresh_error(ThinQServerError("LG refused the access token once, then accepted it"))
        return refresh_error(err)

    async def async_token_rejected(self) -> bool:
        """Ask LG once more whether it rejects the token.

        One 1103 can be a hiccup of LG's token service; a reauth flow and its repair ask the user
        for a new token, so they wait for a second rejection.
        """
        try:
            # Asked for someone: the user is about to be asked for a new token, or not.
            await self.client.async_get_route(priority=Priority.CONFIRM)
        except ThinQAuthenticationError:
            return True
        except ThinQError as err:
            LOGGER.debug("Checking the access token again failed: %s", err)
        return False

    @callback
    def async_token_accepted(self) -> None:
        """Close a reauth flow (and with it its repair) once LG accepts the token again."""
        for flow in self.config_entry.async_get_active_flows(self.hass, {SOURCE_REAUTH}):
            self.hass.config_entries.flow.async_abort(flow["flow_id"])

    async def _async_raise_for_read_errors(self, results: list[BaseException | None]) -> None:
        """Fail the refresh for errors that concern the account; one appliance's trouble is only logged.

        Our own budget refusing some reads (a command took the last requests meanwhile) is not a failure.
        """
        if unexpected := [
            r for r in results if isinstance(r, BaseException) and not isinstance(r, ThinQError)
        ]:
            raise unexpected[0]
        errors = [r for r in results if isinstance(r, ThinQError) and not isinstance(r, ThinQBudgetError)]
        # The account's troubles first: a rejected token or a limit is not one appliance's.
        for kind in (ThinQAuthenticationError, ThinQRateLimitError):
            if first := next((error for error in errors if isinstance(error, kind)), None):
                raise await self._async_refresh_error(first) from first
        if errors and len(errors) == len(results):
            raise await self._async_refresh_error(errors[0]) from errors[0]
        for error in errors:
            LOGGER.debug("Reading one appliance failed: %s", error)

    async def _async_read_state(self, appliance: Appliance, priority: Priority) -> None:
        """Read one appliance's state; an offline appliance is marked, not raised."""
        async with self._read_slots:
            try:
                state = await self.client.async_get_device_state(appliance.info.device_id, priority=priority)
            except ThinQDeviceOfflineError:
                if appliance.online:
                    LOGGER.info("%s is offline", log_safe(appliance.info.alias))
                appliance.online = False
                self._keep(appliance)
                return
        if not appliance.online:
            LOGGER.info("%s is back online", log_safe(appliance.info.alias))
        appliance.previous_state = None if appliance.restored else appliance.state
        appliance.state = state
        appliance.online = True
        appliance.restored = False
        appliance.updated_at = dt_util.utcnow()
        self._keep(appliance)
        for code, location in derived_notifications(appliance.profile, appliance.previous_state, state):
            self.async_notify(appliance.info.device_id, code, location)

    @callback
    def _keep(self, appliance: Appliance) -> None:
        """Keep an appliance's state for the next start (saved a little later)."""
        if appliance.state is not None:
            self.catalog.cache.keep_state(
                appliance.info.device_id, appliance.state, appliance.online, appliance.updated_at
            )

    @callback
    def async_notify(self, device_id: str, code: str, location: str | None = None) -> None:
        """Pass a notification (a push code, or one derived from a run state) to the event entities.

        LG's push code and the run state's change tell the same ending: it is passed on once.
        """
        now = time.monotonic()
        if now - self._notified.get((device_id, code), -NOTIFY_ONCE_WITHIN) < NOTIFY_ONCE_WITHIN:
            return
        self._notified[(device_id, code)] = now
        async_dispatcher_send(
            self.hass, signal_notification(self.config_entry.entry_id), device_id, code, location
        )

    async def async_refresh_appliance(self, device_id: str) -> None:
        """Read one appliance now, judge the controls sent to it so far and tell the entities."""
        # Controls sent while the read is under way are judged by their own, later read.
        judged = self.ledger.open_for(device_id)
        appliance = self.data.get(device_id) if self.data else None
        if appliance is None:
            self.ledger.judge(judged, None)
            return
        if self.push.covers(device_id) and not judged:
            return  # the appliance's own report confirmed everything: no request needed
        try:
            await self._async_read_state(appliance, Priority.CONFIRM)
        except ThinQError as err:
            LOGGER.debug("Confirming a control failed: %s", err)
            self.ledger.judge(judged, None)
            return
        state = appliance.state if appliance.online else None
        self.ledger.judge(judged, state)
        self.async_token_accepted()
        # A report can be a little slower than a read right after the control; only one that
        # never came in the push's own time says the channel is dead.
        due = time.monotonic() - PUSH_CONFIRM_READ.total_seconds()
        if self.push.covers(device_id) and any(
            control.confirmed.result() and control.sent_at <= due for control in judged
        ):
            self.push.missed_control(device_id)
        if not self.last_update_success:
            # LG answered again: the failed refresh is over, and polling starts afresh.
            self.async_set_updated_data(self.data)
            return
        # Not async_set_updated_data: that would restart the polling timer, and a command every
        # few minutes would then keep every other appliance from being read.
        self.async_update_listeners()

    @callback
    def async_apply_report(self, appliance: Appliance, report: DeviceState) -> None:
        """Merge a pushed partial state into an appliance, confirm controls it shows, tell entities."""
        if appliance.state is None:
            return
        appliance.previous_state = appliance.state
        appliance.state = appliance.state.merged(report)
        appliance.online = True
        appliance.updated_at = dt_util.utcnow()
        self._keep(appliance)
        device_id = appliance.info.device_id
        self.ledger.confirm_reported(device_id, appliance.state)
        for code, location in derived_notifications(
            appliance.profile, appliance.previous_state, appliance.state
        ):
            self.async_notify(device_id, code, location)
        self.async_update_listeners()

    @callback
    def async_device_list_changed(self, registered: str | None = None) -> None:
        """LG announced an appliance added, registered again or removed: read the device list now.

        An appliance registered again may be another model: its kept profiles are forgotten and,
        if it was set up, the entry is set up again with its new profile.
        """
        self.catalog.read_list_soon()
        if registered is not None:
            self.catalog.forget(registered)
            if self.data and registered in self.data:
                self.hass.config_entries.async_schedule_reload(self.config_entry.entry_id)
                return
        # Someone just added (or removed) an appliance: it joins as setting up would.
        self._joining = True
        self.config_entry.async_create_background_task(
            self.hass, self.async_request_refresh(), "thinq_voice device list changed"
        )

    @callback
    def async_push_health_changed(self) -> None:
        """Poll as push allows: slowly while it is healthy, at the usual pace while it is down."""
        interval = self._polling_interval(self.data or {})
        if interval != self.update_interval:
            self.update_interval = interval
            if self.data is not None:
                self._schedule_refresh()
        self.async_update_listeners()

    @callback
    def _async_late_failure(self, control: SentControl) -> None:
        """Tell the user that a control answered "not yet confirmed" was not carried out after all."""
        appliance = self.data.get(control.device_id) if self.data else None
        name = appliance.info.alias if appliance else control.device_id
        self.config_entry.async_create_background_task(
            self.hass, async_tell_late_failure(self.hass, name, control), "thinq_voice late failure"
        )

    async def async_wait_confirmed(self, context_id: str, timeout: float) -> dict[str, bool]:
        """Wait at most `timeout` seconds for the controls of a context (see `ControlLedger.async_wait`)."""
        return await self.ledger.async_wait(context_id, timeout)

    async def async_control(
        self,
        device_id: str,
        resource: str,
        prop: str,
        value: Any,
        location: str | None = None,
        context: Context | None = None,
        *,
        unit: str | None = None,
        together: Mapping[tuple[str, str], Any] | None = None,
    ) -> None:
        """Send a control; raise the ThinQError when it fails (`errors.translated_error` tells it).

        `unit` is the temperature unit the value is in. `together`: other properties sent in the
        same body; by default those LG's SDK sends with this one (`models.sdk_companions`).

        The control is remembered under its context until the confirming read judges it (see
        `async_wait_confirmed`). When LG's answer leaves open whether the control went through (a
        malformed answer, a timeout after sending), the appliance is read before anything is said.

        Raises:
            ThinQError: the control failed, or the appliance does not report it after an unclear answer.
        """
        appliance = self.data.get(device_id) if self.data else None
        if appliance is None:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="unknown_device")
        control = SentControl(
            device_id=device_id,
            resource=resource,
            prop=prop,
            value=value,
            location=location,
            context_id=context.id if context else None,
            state_before=appliance.state,
            confirmed=self.hass.loop.create_future(),
        )
        await async_send_control(self, appliance, control, unit=unit, together=together)

    @callback
    def async_cancel_confirms(self) -> None:
        """Cancel the confirmation reads still waiting, and forget the sent controls (on unload)."""
        self.ledger.cancel()
