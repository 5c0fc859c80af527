"""What happens to an appliance, as one Home Assistant event for automations, the agent and announcements.

A cycle starting, pausing, finishing or failing, an oven done preheating, a door opening, LG's
notification codes and an appliance going offline or coming back are fired as the bus event
`thinq_voice_appliance_event`. They are read from the coordinator's appliance states (whatever
brought them: a poll, a confirming read or a push) and from its notification signal (push codes, and
those derived from a run state), so device triggers, "세탁 끝나면 …" commands and announcements
all work from pushes and, when push is down, from polling.
"""

from dataclasses import dataclass, field
from enum import StrEnum
import time
from typing import Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from .api.models import DeviceProfile, DeviceState, JsonValue
from .const import DOMAIN, EVENT_APPLIANCE
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entry_kinds import account_with_appliance
from .notifications import completion_code, error_code, signal_notification
from .properties import COMPLETE_STATES, ERROR_STATES, REMOTE_CONTROL, RUN_STATE

DOOR_STATE = ("doorStatus", "doorState")
# LG's code for an oven that reached its temperature.
PREHEATED_CODE = "PREHEATING_IS_COMPLETE"
PREHEATING = "PREHEATING"
# A state change and LG's push code about the same ending arrive within seconds of each other, in
# either order: the second one within this window is the same ending, not a new one.
SAME_EVENT_WINDOW = 600.0
# A push code naming no part and a state naming one arrive this close together when they tell the same.
SAME_SOURCE_GAP = 60.0


class ApplianceEventType(StrEnum):
    """The `type` of a `thinq_voice_appliance_event`."""

    STARTED = "started"
    PAUSED = "paused"
    FINISHED = "finished"
    ERROR = "error"
    PREHEATED = "preheated"
    DOOR_OPENED = "door_opened"
    NOTIFICATION = "notification"
    OFFLINE = "offline"
    ONLINE = "online"


class RunPhase(StrEnum):
    """What a run state means, whatever LG calls it on this appliance."""

    OFF = "off"
    IDLE = "idle"
    RESERVED = "reserved"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    ERROR = "error"


_OFF_STATES = frozenset({"POWER_OFF", "SLEEP", "POWER_FAIL"})
_IDLE_STATES = frozenset(
    {
        "INITIAL",
        "STANDBY",
        "IDLE",
        "CANCEL",
        "CHARGING",
        "STAY",
        "SETDATE",
        "INITIALIZING",
        "DIAGNOSIS",
        "FOTA",
    }
)
_RESERVED_STATES = frozenset({"RESERVED", "RESERVATION"})
_PAUSED_STATES = frozenset({"PAUSE", "RINSE_HOLD", "FROZEN_PREVENT_PAUSE"})


def run_phase(value: JsonValue) -> RunPhase | None:
    """Return the phase a run state stands for; None when there is no run state."""
    if not isinstance(value, str):
        return None
    state = value.upper()
    if state in _OFF_STATES:
        return RunPhase.OFF
    if state in _IDLE_STATES:
        return RunPhase.IDLE
    if state in _RESERVED_STATES:
        return RunPhase.RESERVED
    if state in _PAUSED_STATES:
        return RunPhase.PAUSED
    if state in COMPLETE_STATES:
        return RunPhase.FINISHED
    if state in ERROR_STATES:
        return RunPhase.ERROR
    return RunPhase.RUNNING


def run_states(state: DeviceState | None) -> dict[str | None, str]:
    """Return an appliance's run states by location (None for a one-part appliance)."""
    if state is None:
        return {}
    return {
        key.location: value
        for key, value in state.values.items()
        if (key.resource, key.name) == RUN_STATE and isinstance(value, str)
    }


def run_phases(appliance: Appliance) -> set[RunPhase]:
    """Return the phases of every part of an appliance (empty without a run state)."""
    return {phase for value in run_states(appliance.state).values() if (phase := run_phase(value))}


def doors_open(state: DeviceState | None) -> set[str | None]:
    """Return the locations whose door is open."""
    if state is None:
        return set()
    return {
        key.location
        for key, value in state.values.items()
        if (key.resource, key.name) == DOOR_STATE and value == "OPEN"
    }


def remote_start_enabled(appliance: Appliance) -> bool:
    """Return whether the appliance accepts remote starts (any part, for a multi-part one)."""
    state = appliance.state
    return state is not None and any(
        value is True for key, value in state.values.items() if (key.resource, key.name) == REMOTE_CONTROL
    )


def power_values(appliance: Appliance) -> list[str]:
    """Return the appliance's readable on/off operation values (an AC's POWER_ON, a purifier's ...)."""
    state = appliance.state
    if state is None:
        return []
    return [
        value
        for key, value in state.values.items()
        if key.resource == "operation"
        and isinstance(value, str)
        and value.endswith(("POWER_ON", "POWER_OFF"))
    ]


def has_power_state(profile: DeviceProfile) -> bool:
    """Return whether a profile tells whether the appliance is on: an on/off mode, or a run state."""
    return any(
        (spec.key.resource, spec.key.name) == RUN_STATE
        or (
            spec.key.resource == "operation"
            and spec.readable
            and isinstance(spec.read_values, tuple)
            and "POWER_OFF" in {str(value) for value in spec.read_values}
        )
        for spec in profile.properties.values()
    )


def is_powered(appliance: Appliance) -> bool:
    """Return whether the appliance is on: its on/off mode says so, or its run state is not off."""
    if values := power_values(appliance):
        return any(value.endswith("POWER_ON") for value in values)
    phases = run_phases(appliance)
    return bool(phases) and phases != {RunPhase.OFF}


def run_state_values(profile: DeviceProfile) -> set[str]:
    """Return every run state the profile names (any part)."""
    return {
        str(value)
        for spec in profile.properties.values()
        if (spec.key.resource, spec.key.name) == RUN_STATE and isinstance(spec.read_values, tuple)
        for value in spec.read_values
    }


def has_run_state(profile: DeviceProfile) -> bool:
    """Return whether the appliance reports a run state."""
    return any((key.resource, key.name) == RUN_STATE for key in profile.properties)


def event_types(profile: DeviceProfile) -> list[ApplianceEventType]:
    """Return the events an appliance can have, from its run states, doors and push codes."""
    types: list[ApplianceEventType] = []
    states = run_state_values(profile)
    codes = set(profile.push_codes)
    if has_run_state(profile):
        types += [ApplianceEventType.STARTED, ApplianceEventType.FINISHED]
        if not states or states & _PAUSED_STATES:
            types.append(ApplianceEventType.PAUSED)
    if states & ERROR_STATES or error_code(profile) in codes:
        types.append(ApplianceEventType.ERROR)
    if PREHEATING in states or PREHEATED_CODE in codes:
        types.append(ApplianceEventType.PREHEATED)
    if any((key.resource, key.name) == DOOR_STATE for key in profile.properties):
        types.append(ApplianceEventType.DOOR_OPENED)
    return types


def state_changes(
    before: DeviceState | None, after: DeviceState
) -> list[tuple[ApplianceEventType, str | None]]:
    """Return the (event, location) a new state stands for, compared with the one before it."""
    if before is None:
        return []
    found: list[tuple[ApplianceEventType, str | None]] = []
    old_states = run_states(before)
    for location, value in run_states(after).items():
        previous = old_states.get(location)
        if previous is None or previous == value:
            continue
        was, now = run_phase(previous), run_phase(value)
        if now is RunPhase.RUNNING and was not in (RunPhase.RUNNING, RunPhase.PAUSED):
            found.append((ApplianceEventType.STARTED, location))
        elif now is RunPhase.PAUSED and was is RunPhase.RUNNING:
            found.append((ApplianceEventType.PAUSED, location))
        elif now is RunPhase.FINISHED and was is not RunPhase.FINISHED:
            found.append((ApplianceEventType.FINISHED, location))
        elif now is RunPhase.ERROR:
            found.append((ApplianceEventType.ERROR, location))
        if previous == PREHEATING and now is RunPhase.RUNNING:
            found.append((ApplianceEventType.PREHEATED, location))
    found.extend(
        (ApplianceEventType.DOOR_OPENED, location) for location in doors_open(after) - doors_open(before)
    )
    return found


def code_meaning(profile: DeviceProfile, code: str) -> ApplianceEventType | None:
    """Return the event a notification code means beyond itself: an ending, a failure, preheating."""
    if code == completion_code(profile):
        return ApplianceEventType.FINISHED
    if code == error_code(profile):
        return ApplianceEventType.ERROR
    if code == PREHEATED_CODE:
        return ApplianceEventType.PREHEATED
    return None


@dataclass(slots=True)
class _Seen:
    """What the watcher last saw of one appliance."""

    state: DeviceState | None
    online: bool
    # When each (event, location) last fired, to tell one ending reported twice from a new one.
    fired: dict[tuple[ApplianceEventType, str | None], float] = field(default_factory=dict)


class ApplianceWatcher:
    """Turns one account's appliance states and notifications into `thinq_voice_appliance_event`s."""

    def __init__(self, hass: HomeAssistant, coordinator: ThinQVoiceCoordinator) -> None:
        """Watch a coordinator's appliances; nothing fires for the states already known."""
        self.hass = hass
        self.coordinator = coordinator
        self._seen: dict[str, _Seen] = {
            device_id: _Seen(appliance.state, appliance.online)
            for device_id, appliance in (coordinator.data or {}).items()
        }

    @callback
    def async_start(self, entry: ThinQVoiceConfigEntry) -> CALLBACK_TYPE:
        """Listen to the coordinator and its notifications; return the function that stops it."""
        stop_states = self.coordinator.async_add_listener(self._states_updated)
        stop_notifications = async_dispatcher_connect(
            self.hass, signal_notification(entry.entry_id), self._notified
        )

        @callback
        def _stop() -> None:
            stop_states()
            stop_notifications()

        return _stop

    @callback
    def _states_updated(self) -> None:
        for device_id, appliance in (self.coordinator.data or {}).items():
            seen = self._seen.get(device_id)
            if seen is None:
                self._seen[device_id] = _Seen(appliance.state, appliance.online)
                continue
            if seen.online != appliance.online:
                seen.online = appliance.online
                self._fire(
                    appliance, ApplianceEventType.ONLINE if appliance.online else ApplianceEventType.OFFLINE
                )
            if appliance.state is None or appliance.state is seen.state:
                continue
            before, seen.state = seen.state, appliance.state
            for event_type, location in state_changes(before, appliance.state):
                self._fire(appliance, event_type, location)

    @callback
    def _notified(self, device_id: str, code: str, location: str | None) -> None:
        appliance = (self.coordinator.data or {}).get(device_id)
        if appliance is None:
            return
        self._fire(appliance, ApplianceEventType.NOTIFICATION, location, code=code)
        if meaning := code_meaning(appliance.profile, code):
            self._fire(appliance, meaning, location)

    @callback
    def _fire(
        self,
        appliance: Appliance,
        event_type: ApplianceEventType,
        location: str | None = None,
        code: str | None = None,
    ) -> None:
        device_id = appliance.info.device_id
        if len(appliance.profile.locations) < 2:
            location = None  # LG names the one part of a washer MAIN; it is the washer
        seen = self._seen.setdefault(device_id, _Seen(appliance.state, appliance.online))
        if code is None and not self._is_new(seen, event_type, location):
            return
        device = dr.async_get(self.hass).async_get_device_by_identifier(
            (DOMAIN, device_id), self.coordinator.config_entry.entry_id
        )
        data: dict[str, Any] = {
            "device_id": device.id if device else None,
            "thinq_device_id": device_id,
            "name": appliance.info.alias,
            "type": event_type.value,
            "location": location.lower() if location else None,
        }
        if code is not None:
            data["code"] = code.lower()
        self.hass.bus.async_fire(EVENT_APPLIANCE, data)

    @staticmethod
    def _is_new(seen: _Seen, event_type: ApplianceEventType, location: str | None) -> bool:
        """Return whether an event is news: one ending, failure or preheat is told once, however reported."""
        now = time.monotonic()
        if event_type is ApplianceEventType.STARTED:
            # A new run: its ending will be news again.
            for done in _ONCE_PER_RUN:
                seen.fired.pop((done, location), None)
                seen.fired.pop((done, None), None)
        if event_type in _ONCE_PER_RUN:
            if now - seen.fired.get((event_type, location), -SAME_EVENT_WINDOW) < SAME_EVENT_WINDOW:
                return False
            # A push code may name no part of a multi-part appliance while its state does.
            others = [
                fired
                for (kind, where), fired in seen.fired.items()
                if kind is event_type and (where is None) != (location is None)
            ]
            if any(now - fired < SAME_SOURCE_GAP for fired in others):
                return False
        seen.fired[(event_type, location)] = now
        return True


_ONCE_PER_RUN = (ApplianceEventType.FINISHED, ApplianceEventType.ERROR, ApplianceEventType.PREHEATED)


def thinq_id(hass: HomeAssistant, device_id: str) -> str | None:
    """Return LG's id of the appliance behind a Home Assistant device id, or None."""
    device = dr.async_get(hass).async_get(device_id)
    if device is None:
        return None
    return next((ident for domain, ident in device.identifiers if domain == DOMAIN), None)


def appliance_for_device(
    hass: HomeAssistant, device_id: str
) -> tuple[ThinQVoiceCoordinator, Appliance] | None:
    """Return the coordinator and appliance behind a Home Assistant device id, if it is loaded."""
    if (lg_id := thinq_id(hass, device_id)) is None:
        return None
    if (coordinator := account_with_appliance(hass, lg_id)) is None:
        return None
    return coordinator, coordinator.data[lg_id]
