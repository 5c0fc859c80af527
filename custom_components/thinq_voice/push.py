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

from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, issue_registry as ir
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.storage import Store

from .api import ThinQConnectClient, ThinQError, ThinQMessage
from .api.models import DeviceState, PropertyKey, PushType
from .api.push import DEFAULT_KEEPALIVE, PushChannel, async_end_session
from .api.push_session import PushSession, PushState
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
# Setting push up from nothing costs the route, the client registration, the device-list
# subscription and a certificate: it starts once the background share has room for them.
SETUP_REQUESTS = 4
SETUP_RETRY = timedelta(minutes=10)
STORAGE_VERSION = 1
SAVE_DELAY = 5.0
KEEPALIVE = DEFAULT_KEEPALIVE
# Run states in which an appliance reports something at least every few minutes.
_IDLE_STATES = {"POWER_OFF", "INITIAL", "END", "SLEEP", "STANDBY", "DETECTING", "RESERVED", "PAUSE"}


def issue_id(entry_id: str) -> str:
    """Return the id of the repair issue of an entry's push channel."""
    return f"push_down_{entry_id}"


def storage_key(entry_id: str) -> str:
    """Return the storage key of an entry's push session (it holds the certificate's private key)."""
    return f"{DOMAIN}.push.{entry_id}"


class PushLink:
    """Connects one account's coordinator to LG's push channel."""

    def __init__(self, coordinator: ThinQVoiceCoordinator) -> None:
        """Prepare; `async_start` sets the channel up."""
        self.coordinator = coordinator
        entry = coordinator.config_entry
        self._store: Store[dict[str, Any]] = Store(
            coordinator.hass, STORAGE_VERSION, storage_key(entry.entry_id)
        )
        self.channel = PushChannel(
            coordinator.client,
            entry.data[CONF_CLIENT_ID],
            on_message=self._on_message,
            on_state=self._on_state,
            on_session=self._session_changed,
            # Only a test endpoint (the simulator) names its own certificate authority.
            trust_server_ca=bool(entry.data.get(CONF_BASE_URL)),
            keepalive=KEEPALIVE,
        )
        self.offered = False
        self._tried = False
        self._retry_at = 0.0
        self._was_connected = False
        self._stop_watch: CALLBACK_TYPE | None = None
        self._stop_on_shutdown: CALLBACK_TYPE | None = None

    @callback
    def _session_changed(self) -> None:
        """Store the session (a little later), and poll as the subscriptions made so far allow."""
        self._store.async_delay_save(self.channel.session.as_json, SAVE_DELAY)
        if self.coordinator.data is not None:
            self.coordinator.async_push_health_changed()

    @property
    def healthy(self) -> bool:
        """Return whether reports arrive by push now."""
        return self.channel.connected

    def covers(self, device_id: str) -> bool:
        """Return whether an appliance's state reports arrive by push now."""
        return self.healthy and device_id in self.channel.session.events_until

    async def async_start(self) -> None:
        """Set push up for the appliances known, now or once the budget allows; else polling serves.

        What an earlier run set up at LG (stored) is taken up without a request.
        """
        hass = self.coordinator.hass
        self.channel.session = PushSession.from_json(await self._store.async_load())
        self._stop_watch = async_track_time_interval(
            hass, self._async_watch, WATCH_INTERVAL, cancel_on_shutdown=True
        )
        # Home Assistant stopping does not unload the entry: the connection closes all the same.
        self._stop_on_shutdown = hass.bus.async_listen_once(EVENT_HOMEASSISTANT_STOP, self._async_shutdown)
        await self._async_try_start()

    async def _async_shutdown(self, _event: Event) -> None:
        self._stop_on_shutdown = None
        await self.async_stop()

    async def _async_try_start(self) -> None:
        coordinator = self.coordinator
        self._tried = True
        if (
            not self.channel.session.restorable
            and coordinator.client.budget.available(Priority.BACKGROUND) < SETUP_REQUESTS
        ):
            LOGGER.debug("LG's push waits for the request budget")
            self._tried = False
            return
        appliances = coordinator.data or {}
        try:
            self.offered = await self.channel.async_start(
                _subscription_order(appliances, coordinator.read_first), _notifying(appliances)
            )
        except ThinQError as err:
            LOGGER.warning("LG's push could not be set up, polling meanwhile: %s", err)
            self._retry_at = time.monotonic() + SETUP_RETRY.total_seconds()

    async def async_stop(self) -> None:
        """Close push on unload; what LG holds stays, for the next start (removal ends it)."""
        if self._stop_watch is not None:
            self._stop_watch()
            self._stop_watch = None
        if self._stop_on_shutdown is not None:
            self._stop_on_shutdown()
            self._stop_on_shutdown = None
        if self.offered:
            await self.channel.async_stop(unregister=False)
            await self._store.async_save(self.channel.session.as_json())
        ir.async_delete_issue(self.coordinator.hass, DOMAIN, issue_id(self.coordinator.config_entry.entry_id))

    def polling_base(self, configured: timedelta, *, all_covered: bool) -> timedelta:
        """Return the interval polling starts from: the safety read while push brings every report."""
        return max(configured, SAFETY_INTERVAL) if self.healthy and all_covered else configured

    @property
    def confirm_timeout(self) -> float | None:
        """Return how long an answer waits for a pushed report, or None without push."""
        return PUSH_CONFIRM_TIMEOUT if self.healthy else None

    async def async_sync_devices(self, appliances: dict[str, Appliance]) -> None:
        """Follow the appliances the coordinator reads (added, removed, excluded)."""
        if self.offered:
            await self.channel.async_sync_devices(
                _subscription_order(appliances, self.coordinator.read_first), _notifying(appliances)
            )

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
        registered = message.device_id if message.push_type == PushType.DEVICE_REGISTERED else None
        self.coordinator.async_device_list_changed(registered or None)

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


def _subscription_order(appliances: dict[str, Appliance], first: set[str]) -> list[str]:
    """Return the appliances in the order worth subscribing.

    Those actions wait for come first, then those that run (a cycle's end is what people wait to
    hear), then the others.
    """

    def runs(device_id: str) -> bool:
        return any((key.resource, key.name) == RUN_STATE for key in appliances[device_id].profile.properties)

    return sorted(appliances, key=lambda device_id: (device_id not in first, not runs(device_id), device_id))


def _notifying(appliances: dict[str, Appliance]) -> list[str]:
    """Return the appliances whose profile names notification codes (the others have none to push)."""
    return [device_id for device_id, appliance in appliances.items() if appliance.profile.push_codes]


async def async_remove_push(hass: HomeAssistant, entry_id: str, client: ThinQConnectClient) -> None:
    """The entry is deleted: end what LG holds for its client, then forget the stored session.

    Unloading leaves it all at LG (a reload or restart takes it up again); only deleting ends it.
    """
    store: Store[dict[str, Any]] = Store(hass, STORAGE_VERSION, storage_key(entry_id))
    session = PushSession.from_json(await store.async_load())
    if session.registered:
        await async_end_session(client, session)
    await store.async_remove()


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
