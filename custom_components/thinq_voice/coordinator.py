"""Coordinator: one per ThinQ Connect account, holding every included appliance."""

import asyncio
from collections.abc import Coroutine, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
import time
from typing import Any, override

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntry
from homeassistant.core import Context, HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed, HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .api import (
    Priority,
    ThinQAuthenticationError,
    ThinQBudgetError,
    ThinQConnectClient,
    ThinQConnectionError,
    ThinQDeviceOfflineError,
    ThinQError,
    ThinQInvalidResponseError,
    ThinQRateLimitError,
    ThinQServerError,
)
from .api.const import DEFAULT_HOURLY_REQUEST_BUDGET
from .api.models import DeviceInfo, DeviceProfile, DeviceState, PropertyKey, sdk_companions
from .const import (
    CONF_EXCLUDED_DEVICES,
    CONF_REFRESH_INTERVAL,
    CONFIRM_DELAY,
    DEFAULT_REFRESH_INTERVAL,
    DEVICE_LIST_INTERVAL,
    DOMAIN,
    LOGGER,
)
from .energy import EnergyReader
from .errors import log_safe, refresh_error
from .in_flight import ControlsInFlight
from .notifications import derived_notifications, signal_notification
from .push import PUSH_CONFIRM_READ, PushLink
from .sent_controls import ControlLedger, SentControl, async_tell_late_failure

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


def polling_interval(configured: timedelta, appliances: int) -> timedelta:
    """Return the refresh interval: the configured one, stretched so polling fits the background share."""
    polling_share = HOURLY_REQUEST_BUDGET - PEOPLE_RESERVE - BACKGROUND_OVERHEAD
    budget_interval = timedelta(seconds=appliances * 3600 / polling_share)
    return max(configured, budget_interval)


@dataclass(slots=True)
class Appliance:
    """One appliance: what the account says of it, its profile and its last known state."""

    info: DeviceInfo
    profile: DeviceProfile
    state: DeviceState | None = None
    online: bool = True
    updated_at: datetime | None = None
    # The state before the latest read, so entities can tell what changed (run ended, door opened).
    previous_state: DeviceState | None = field(default=None, repr=False)
    # When LG stamped the last pushed value of each property, so a late message changes nothing newer.
    report_times: dict[PropertyKey, str] = field(default_factory=dict, repr=False)


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
        self.known_devices: dict[str, DeviceInfo] = {}
        self._profiles: dict[str, DeviceProfile] = {}
        self._device_list_read_at: datetime | None = None
        self._read_slots = asyncio.Semaphore(MAX_PARALLEL_READS)
        self.ledger = ControlLedger(
            hass, self.async_refresh_appliance, self._start_task, CONFIRM_DELAY, self._async_late_failure
        )
        self.push = PushLink(self)
        # Set when push reconnects or LG announces an appliance added or removed: the next refresh
        # reads what the channel may have lost, paid like a read someone waits for.
        self.fill_gap = False
        self._notified: dict[tuple[str, str], float] = {}
        # What entities must not take for done yet (see in_flight.py).
        self.in_flight = ControlsInFlight()
        self._configured_interval = interval
        # Energy's share of the background requests: the overhead less the hourly device list.
        self.energy = EnergyReader(self, requests_per_hour=BACKGROUND_OVERHEAD - 1)

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
        return self.push.confirm_timeout or self.confirm_delay.total_seconds() + CONFIRM_MARGIN

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
        return set(self.config_entry.options.get(CONF_EXCLUDED_DEVICES, []))

    @override
    async def _async_update_data(self) -> dict[str, Appliance]:
        """Read the device list when due, then the states of the appliances the budget allows.

        Setting up is read for someone waiting, and so is the read that fills what a push channel
        lost while it was down; other refreshes are background reads that only spend what leaves
        the people's reserve, stalest appliances first.
        """
        priority = Priority.CONFIRM if self.data is None or self.fill_gap else Priority.BACKGROUND
        self.fill_gap = False
        try:
            now = dt_util.utcnow()
            if self._device_list_read_at is None or now - self._device_list_read_at >= DEVICE_LIST_INTERVAL:
                await self._async_read_device_list(priority)
                self._device_list_read_at = now
            await self._async_read_missing_profiles(priority)
            previous = self.data or {}
            appliances = {
                device_id: previous.get(device_id) or Appliance(info=info, profile=self._profiles[device_id])
                for device_id, info in self.known_devices.items()
                if device_id not in self.excluded_devices and device_id in self._profiles
            }
            for device_id, appliance in appliances.items():
                appliance.info = self.known_devices[device_id]
            stalest_first = sorted(
                appliances.values(),
                key=lambda appliance: (appliance.updated_at is not None, appliance.updated_at),
            )
            due = stalest_first[: self.client.budget.available(priority)]
            if len(due) < len(appliances):
                LOGGER.debug(
                    "Reading %s of %s appliances: the rest waits for the budget", len(due), len(appliances)
                )
            results = await asyncio.gather(
                *(self._async_read_state(appliance, priority) for appliance in due),
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
        self._async_token_accepted()
        self.update_interval = polling_interval(
            self.push.polling_base(self._configured_interval), len(appliances)
        )
        if self.push.offered:
            self.config_entry.async_create_background_task(
                self.hass, self.push.async_sync_devices(set(appliances)), "thinq_voice push subscriptions"
            )
        return appliances

    async def _async_refresh_error(self, err: ThinQError) -> UpdateFailed | ConfigEntryAuthFailed:
        """Return what a failed refresh raises; a token is taken as rejected only when LG says so twice."""
        if isinstance(err, ThinQAuthenticationError) and not await self._async_token_rejected():
            return refresh_error(ThinQServerError("LG refused the access token once, then accepted it"))
        return refresh_error(err)

    async def _async_token_rejected(self) -> bool:
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
    def _async_token_accepted(self) -> None:
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

    async def _async_read_device_list(self, priority: Priority) -> None:
        """Read the account's appliances and forget removed ones."""
        devices = {
            device.device_id: device for device in await self.client.async_get_devices(priority=priority)
        }
        for device_id in self._profiles.keys() - devices.keys():
            del self._profiles[device_id]
        self.known_devices = devices
        self._remove_stale_devices()

    async def _async_read_missing_profiles(self, priority: Priority) -> None:
        """Fetch the profiles still missing, as far as the hourly budget allows this round.

        Setting up costs a profile and a state read per appliance: a large account needs more
        than LG allows in an hour, so its appliances join over the following refreshes instead
        of the whole setup failing.
        """
        missing = self.known_devices.keys() - self._profiles.keys() - self.excluded_devices
        for device_id in missing:
            # Each new profile brings a state read this round, as do the appliances already known.
            if self.client.budget.available(priority) < len(self._profiles) + 2:
                if not self._profiles:
                    # Not one appliance fits: setting up waits for the budget instead of showing none.
                    self.client.budget.check(priority, count=2)
                LOGGER.debug(
                    "Postponing %s appliances to stay within the hourly budget",
                    len(missing - self._profiles.keys()),
                )
                return
            self._profiles[device_id] = await self.client.async_get_device_profile(
                device_id, priority=priority
            )

    @callback
    def _remove_stale_devices(self) -> None:
        """Remove devices that left the account or were excluded from this entry.

        The agent's own service device (named by the entry id) stays. A device belongs to one
        config entry since HA 2026.11, so it is removed rather than detached.
        """
        registry = dr.async_get(self.hass)
        keep = (self.known_devices.keys() - self.excluded_devices) | {self.config_entry.entry_id}
        for device in dr.async_entries_for_config_entry(registry, self.config_entry.entry_id):
            ids = {identifier[1] for identifier in device.identifiers if identifier[0] == DOMAIN}
            if ids and not ids & keep:
                registry.async_remove_device(device.id)

    async def _async_read_state(self, appliance: Appliance, priority: Priority) -> None:
        """Read one appliance's state; an offline appliance is marked, not raised."""
        async with self._read_slots:
            try:
                state = await self.client.async_get_device_state(appliance.info.device_id, priority=priority)
            except ThinQDeviceOfflineError:
                if appliance.online:
                    LOGGER.info("%s is offline", log_safe(appliance.info.alias))
                appliance.online = False
                return
        if not appliance.online:
            LOGGER.info("%s is back online", log_safe(appliance.info.alias))
        appliance.previous_state = appliance.state
        appliance.state = state
        appliance.online = True
        appliance.updated_at = dt_util.utcnow()
        for code, location in derived_notifications(appliance.profile, appliance.previous_state, state):
            self.async_notify(appliance.info.device_id, code, location)

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
        if self.push.healthy and not judged:
            return  # the appliance's own report confirmed everything: no request needed
        try:
            await self._async_read_state(appliance, Priority.CONFIRM)
        except ThinQError as err:
            LOGGER.debug("Confirming a control failed: %s", err)
            self.ledger.judge(judged, None)
            return
        state = appliance.state if appliance.online else None
        self.ledger.judge(judged, state)
        self._async_token_accepted()
        # A report can be a little slower than a read right after the control; only one that
        # never came in the push's own time says the channel is dead.
        due = time.monotonic() - PUSH_CONFIRM_READ.total_seconds()
        if self.push.healthy and any(
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
        device_id = appliance.info.device_id
        self.ledger.confirm_reported(device_id, appliance.state)
        for code, location in derived_notifications(
            appliance.profile, appliance.previous_state, appliance.state
        ):
            self.async_notify(device_id, code, location)
        self.async_update_listeners()

    @callback
    def async_device_list_changed(self) -> None:
        """LG announced an appliance added or removed: read the device list at the next refresh, now."""
        self._device_list_read_at = None
        # Someone just added (or removed) an appliance: worth a read like a reconnect's.
        self.fill_gap = True
        self.config_entry.async_create_background_task(
            self.hass, self.async_request_refresh(), "thinq_voice device list changed"
        )

    @callback
    def async_push_health_changed(self) -> None:
        """Poll as push allows: slowly while it is healthy, at the usual pace while it is down."""
        appliances = len(self.data) if self.data else 0
        interval = polling_interval(self.push.polling_base(self._configured_interval), appliances)
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
        # On its way from now: even a control whose outcome is unclear may have reached the appliance.
        self.in_flight.add(device_id, resource, prop, location, value, context.id if context else None)
        try:
            await self.client.async_control(
                device_id,
                appliance.profile,
                resource,
                prop,
                value,
                location=location,
                unit=unit,
                together=sdk_companions(appliance.profile, appliance.state, resource, prop, location)
                if together is None
                else together,
            )
        except ThinQInvalidResponseError, ThinQConnectionError:
            if not await self._async_carried_out(control):
                raise
            LOGGER.debug("%s carried out a control LG answered unclearly", log_safe(appliance.info.alias))
            return
        except ThinQDeviceOfflineError:
            appliance.online = False
            self.async_update_listeners()
            raise
        except ThinQAuthenticationError as err:
            if not await self._async_token_rejected():
                raise ThinQServerError("LG refused the access token once, then accepted it") from err
            self.config_entry.async_start_reauth(self.hass)
            raise
        self._async_token_accepted()
        self.ledger.remember(control)
        if self.push.healthy and appliance.state is not None:
            # The report can come before LG's answer to the control does.
            self.ledger.confirm_reported(device_id, appliance.state)
        # With push, the appliance's report confirms it; a read only follows when none came.
        self.ledger.schedule_confirm(device_id, PUSH_CONFIRM_READ if self.push.healthy else None)

    async def _async_carried_out(self, control: SentControl) -> bool:
        """Read the appliance after an unclear answer to a control; return whether it reports it.

        LG may pass a control on and then fail to answer (or answer garbage): the appliance, not
        the transport, says what happened. The read also shows the new state at once.
        """
        self.ledger.remember(control)
        await asyncio.sleep(self.confirm_delay.total_seconds())
        await self.async_refresh_appliance(control.device_id)
        return control.confirmed.done() and control.confirmed.result()

    @callback
    def async_cancel_confirms(self) -> None:
        """Cancel the confirmation reads still waiting, and forget the sent controls (on unload)."""
        self.ledger.cancel()
