"""Push first: LG's MQTT messages keep the coordinator's appliances current; polling stands in.

While the channel is healthy, state reports are merged into the appliances as they arrive, LG's
notification codes fire the event entities, controls are confirmed by the appliance's own report,
and polling drops to a slow safety read. A dead channel is noticed three ways — MQTT's keepalive,
silence while an appliance is running, a control that a read confirms but no push reported — and
reconnected with back-off; meanwhile polling takes over, a read after reconnecting fills the gap,
and a repair issue tells the user when push stays down.
"""

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
import time
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, callback
from homeassistant.helpers import device_registry as dr, issue_registry as ir
from homeassistant.helpers.event import async_track_time_interval

from .api import ThinQError, ThinQMessage
from .api.models import DeviceState, PropertyKey, PushType
from .api.push import DEFAULT_KEEPALIVE, PushChannel, PushState
from .api.throttle import Priority
from .const import CONF_BASE_URL, CONF_CLIENT_ID, DOMAIN, LOGGER
from .properties import RUN_STATE

if TYPE_CHECKING:
    from .coordinator import Appliance, ThinQVoiceCoordinator

# While push is healthy each appliance is still read this often, in case a report was lost.
SAFETY_INTERVAL = timedelta(hours=1)
# A channel down this long gets a repair issue (it reconnects by itself meanwhile).
REPAIR_AFTER = timedelta(minutes=15)
# No message at all this long while an appliance runs: the channel is taken for dead.
SILENCE_LIMIT = timedelta(minutes=10)
WATCH_INTERVAL = timedelta(seconds=30)
# How long an answer waits for the appliance's pushed report before it says "not yet confirmed".
PUSH_CONFIRM_TIMEOUT = 1.5
# A control no push confirmed within this is read once: the read tells whether push missed it.
PUSH_CONFIRM_READ = timedelta(seconds=5)
# Requests kept for controls: subscribing waits rather than spend them. Setting push up costs the
# route, the client registration and the device-list subscription before any appliance's.
SETUP_RESERVE = 5
SETUP_REQUESTS = 3
SETUP_RETRY = timedelta(minutes=10)
KEEPALIVE = DEFAULT_KEEPALIVE
# Run states in which an appliance reports something at least every few minutes.
_IDLE_STATES = {"POWER_OFF", "INITIAL", "END", "SLEEP", "STANDBY", "DETECTING", "RESERVED", "PAUSE"}


def issue_id(entry_id: str) -> str:
    """Return the id of the repair issue of an entry's push channel."""
    return f"push_down_{entry_id}"


class PushLink:
    """Connects one account's coordinator to LG's push channel."""

    def __init__(self, coordinator: ThinQVoiceCoordinator) -> None:
        """Prepare; `async_start` sets the channel up."""
        self.coordinator = coordinator
        entry = coordinator.config_entry
        self.channel = PushChannel(
            coordinator.client,
            entry.data[CONF_CLIENT_ID],
            on_message=self._on_message,
            on_state=self._on_state,
            # Only a test endpoint (the simulator) names its own certificate authority.
            trust_server_ca=bool(entry.data.get(CONF_BASE_URL)),
            reserve=SETUP_RESERVE,
            keepalive=KEEPALIVE,
        )
        self.offered = False
        self._tried = False
        self._retry_at = 0.0
        self._was_connected = False
        self._stop_watch: CALLBACK_TYPE | None = None

    @property
    def healthy(self) -> bool:
        """Return whether reports arrive by push now."""
        return self.channel.connected

    async def async_start(self) -> None:
        """Set push up for the appliances known, now or once the budget allows; else polling serves."""
        self._stop_watch = async_track_time_interval(
            self.coordinator.hass, self._async_watch, WATCH_INTERVAL, cancel_on_shutdown=True
        )
        await self._async_try_start()

    async def _async_try_start(self) -> None:
        coordinator = self.coordinator
        self._tried = True
        if coordinator.client.budget.available(Priority.CONFIRM) <= SETUP_RESERVE + SETUP_REQUESTS:
            LOGGER.debug("LG's push waits for the request budget")
            self._tried = False
            return
        try:
            self.offered = await self.channel.async_start(coordinator.data or {})
        except ThinQError as err:
            LOGGER.warning("LG's push could not be set up, polling meanwhile: %s", err)
            self._retry_at = time.monotonic() + SETUP_RETRY.total_seconds()

    async def async_stop(self) -> None:
        """End push (subscriptions and client registration) on unload."""
        if self._stop_watch is not None:
            self._stop_watch()
            self._stop_watch = None
        if self.offered:
            await self.channel.async_stop()
        ir.async_delete_issue(self.coordinator.hass, DOMAIN, issue_id(self.coordinator.config_entry.entry_id))

    def polling_base(self, configured: timedelta) -> timedelta:
        """Return the interval polling starts from: the safety read while push is healthy."""
        return max(configured, SAFETY_INTERVAL) if self.healthy else configured

    @property
    def confirm_timeout(self) -> float | None:
        """Return how long an answer waits for a pushed report, or None without push."""
        return PUSH_CONFIRM_TIMEOUT if self.healthy else None

    async def async_sync_devices(self, device_ids: set[str]) -> None:
        """Follow the appliances the coordinator reads (added, removed, excluded)."""
        if self.offered and device_ids != self.channel.subscribed:
            await self.channel.async_sync_devices(device_ids)

    @callback
    def missed_control(self, device_id: str) -> None:
        """A read confirmed a control the channel never reported: take the channel for dead."""
        self.channel.request_reconnect(f"no report of a control to {device_id}")

    @callback
    def _on_state(self, state: PushState) -> None:
        coordinator = self.coordinator
        if state is PushState.CONNECTED:
            ir.async_delete_issue(coordinator.hass, DOMAIN, issue_id(coordinator.config_entry.entry_id))
            if self._was_connected:
                # Whatever changed while the channel was down never arrives: read it.
                coordinator.fill_gap = True
                coordinator.config_entry.async_create_background_task(
                    coordinator.hass, coordinator.async_request_refresh(), "thinq_voice read after reconnect"
                )
            self._was_connected = True
        coordinator.async_push_health_changed()

    @callback
    def _on_message(self, message: ThinQMessage) -> None:
        handlers: dict[str, Callable[[ThinQMessage], None]] = {
            PushType.DEVICE_STATUS: self._status,
            PushType.DEVICE_PUSH: self._notification,
            PushType.DEVICE_ALIAS_CHANGED: self._alias_changed,
            PushType.DEVICE_REGISTERED: self._device_list_changed,
            PushType.DEVICE_UNREGISTERED: self._device_list_changed,
        }
        if handler := handlers.get(message.push_type):
            handler(message)

    def _appliance(self, message: ThinQMessage) -> Appliance | None:
        data = self.coordinator.data
        return data.get(message.device_id) if data else None

    def _status(self, message: ThinQMessage) -> None:
        appliance = self._appliance(message)
        if appliance is None or appliance.state is None or message.report is None:
            return
        report = newer_part(appliance, message.report, message.timestamp)
        if not report.values:
            return
        self.coordinator.async_apply_report(appliance, report)

    def _notification(self, message: ThinQMessage) -> None:
        if self._appliance(message) is not None and message.push_code:
            self.coordinator.async_notify(message.device_id, message.push_code)

    def _alias_changed(self, message: ThinQMessage) -> None:
        coordinator = self.coordinator
        info = coordinator.known_devices.get(message.device_id)
        if info is None or not message.alias:
            return
        info = replace(info, alias=message.alias)
        coordinator.known_devices[message.device_id] = info
        if appliance := self._appliance(message):
            appliance.info = info
        registry = dr.async_get(coordinator.hass)
        entry_id = coordinator.config_entry.entry_id
        if device := registry.async_get_device_by_identifier((DOMAIN, message.device_id), entry_id):
            registry.async_update_device(device.id, name=message.alias)
        coordinator.async_update_listeners()

    def _device_list_changed(self, message: ThinQMessage) -> None:
        self.coordinator.async_device_list_changed()

    async def _async_watch(self, now: datetime) -> None:
        """Notice a silent channel, and raise a repair issue when push stays down."""
        coordinator = self.coordinator
        health = self.channel.health
        entry_id = coordinator.config_entry.entry_id
        if not self._tried or (self._retry_at and time.monotonic() >= self._retry_at):
            self._retry_at = 0.0
            await self._async_try_start()
        if not self.offered:
            return
        if self.healthy:
            last = health.last_message_at or health.connected_since
            if last is not None and now - last > SILENCE_LIMIT and any_running(coordinator.data):
                self.channel.request_reconnect("no message while an appliance runs")
            return
        down_since = health.disconnected_since
        if down_since is not None and now - down_since > REPAIR_AFTER:
            ir.async_create_issue(
                coordinator.hass,
                DOMAIN,
                issue_id(entry_id),
                is_fixable=False,
                severity=ir.IssueSeverity.WARNING,
                translation_key="push_down",
                translation_placeholders={"minutes": str(int((now - down_since).total_seconds() // 60))},
            )

    def diagnostics(self) -> dict[str, Any]:
        """Return the channel's health (nothing secret is part of it)."""
        return {"offered": self.offered, **self.channel.health.as_dict()}


def newer_part(appliance: Appliance, report: DeviceState, timestamp: str | None) -> DeviceState:
    """Return the part of a report not older than what the appliance shows already.

    LG's messages can arrive out of order; a timestamped report never overwrites a value a later
    report set. Reports without a timestamp are taken in arrival order.
    """
    if timestamp is None:
        return report
    times = appliance.report_times
    newer: dict[PropertyKey, Any] = {}
    for key, value in report.values.items():
        if times.get(key, "") <= timestamp:
            newer[key] = value
            times[key] = timestamp
    return DeviceState(newer)


def any_running(appliances: dict[str, Appliance] | None) -> bool:
    """Return whether an appliance is running (and so reports at least every few minutes)."""
    for appliance in (appliances or {}).values():
        if appliance.state is None or not appliance.online:
            continue
        for key, value in appliance.state.values.items():
            if (key.resource, key.name) == RUN_STATE and isinstance(value, str) and value not in _IDLE_STATES:
                return True
    return False
