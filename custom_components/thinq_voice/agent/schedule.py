"""Commands for later that no appliance timer can hold: kept by ThinQ Voice, across restarts.

"1시간 반 뒤에 로봇청소기 돌려줘" or "at 7 pm turn off the TV" become a `ScheduledAction`: the
command, the device it goes to and when. Actions are saved in Home Assistant's storage the
moment they are made, so a restart loses none; one that fell due while Home Assistant was down
still runs if it is at most `MISSED_GRACE` late, and is dropped with a warning otherwise (an
air conditioner switching on hours late is worse than not at all).
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
import logging
from typing import Any
from uuid import uuid4

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.event import async_track_point_in_utc_time
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..voice.model import (
    App,
    ClockTime,
    Command,
    Direction,
    FanSpeed,
    Intent,
    Location,
    Mode,
    Quantity,
    TargetPhrase,
    Unit,
    Value,
)
from .speech import speech
from .targets import TargetAppliance

_LOGGER = logging.getLogger(__name__)

STORAGE_VERSION = 1
# A scheduled action that fell due while Home Assistant was stopped runs if it is this late at most.
MISSED_GRACE = timedelta(minutes=15)
# An action that fell due while Home Assistant was stopped waits this long after loading, so the
# appliances' entities (set up next to the agent, maybe after it) are there when it runs.
OVERDUE_DELAY = timedelta(seconds=10)
# Nothing is kept for longer than LG keeps a delayed start: a week ahead is a misheard sentence.
LONGEST_AHEAD = timedelta(days=7)


def store_key(entry_id: str) -> str:
    """Return the storage key of a config entry's scheduled actions."""
    return f"{DOMAIN}.{entry_id}.schedules"


def _store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    return Store(hass, STORAGE_VERSION, store_key(entry_id))


async def async_remove_schedules(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a config entry's saved actions (the entry is removed)."""
    await _store(hass, entry_id).async_remove()


def due_at(command: Command, now: datetime) -> datetime:
    """Return when a command for later (`command.later`: a delay or a clock time) falls due (UTC).

    A clock time means its next occurrence in Home Assistant's time zone; when the half of the
    day was not said ("7시에", "at 7"), the earlier of 7 am and 7 pm that is still ahead.
    """
    if command.delay is not None:
        return now + command.delay
    assert command.at is not None  # only commands for later are kept
    return next_occurrence(command.at, now)


def next_occurrence(at: ClockTime, now: datetime) -> datetime:
    """Return the next moment (UTC) the clock shows `at`, counted from `now` (on its weekday, if said)."""
    local_now = dt_util.as_local(now)
    hours = [at.hour] if at.meridiem_known else sorted({at.hour % 12, at.hour % 12 + 12})
    candidates: list[datetime] = []
    for hour in hours:
        moment = local_now.replace(hour=hour, minute=at.minute, second=0, microsecond=0)
        if at.weekday is not None:
            # "금요일 7시에": the next Friday at 7, today when it is Friday and 7 is still ahead.
            moment += timedelta(days=(at.weekday - local_now.weekday()) % 7)
            if moment <= local_now:
                moment += timedelta(days=7)
        else:
            moment += timedelta(days=at.days_ahead)
            if moment <= local_now:
                moment += timedelta(days=1)
        candidates.append(moment)
    return dt_util.as_utc(min(candidates))


@dataclass(frozen=True, slots=True)
class ScheduledAction:
    """A command that waits for its time.

    Attributes:
        action_id: Stable id, used to cancel it.
        due: When to run it (UTC).
        device_id: The Home Assistant device it goes to, or None for a lone entity.
        entity_id: The lone entity it goes to, when there is no device.
        thinq_device_id: LG's id of a ThinQ appliance: it outlives the Home Assistant device id,
            which a restart soon after setup can renew (HA writes its device registry late).
        name: The appliance's name when the action was made, for answers and notifications.
        command: What to do (intent, value, direction, location; never a delay).
        language: The language it was asked in: the answer when it runs is in that language.
    """

    action_id: str
    due: datetime
    device_id: str | None
    entity_id: str | None
    name: str
    command: Command
    language: str
    thinq_device_id: str | None = None

    def is_for(self, appliance: TargetAppliance) -> bool:
        """Return whether the action goes to this appliance."""
        return (
            (self.thinq_device_id is not None and self.thinq_device_id == appliance.thinq_device_id)
            or (self.device_id is not None and self.device_id == appliance.device_id)
            or (self.entity_id is not None and self.entity_id in appliance.entity_ids)
        )

    def as_dict(self) -> dict[str, Any]:
        """Return the stored form."""
        command = self.command
        return {
            "id": self.action_id,
            "due": self.due.isoformat(),
            "device_id": self.device_id,
            "entity_id": self.entity_id,
            "thinq_device_id": self.thinq_device_id,
            "name": self.name,
            "language": self.language,
            "intent": command.intent.value,
            "value": _value_dict(command.value),
            "direction": command.direction.value if command.direction else None,
            "location": command.target.location.value if command.target and command.target.location else None,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ScheduledAction:
        """Read the stored form; raise ValueError (or KeyError, TypeError) when it is damaged."""
        due = dt_util.parse_datetime(str(data["due"]))
        if due is None or due.tzinfo is None:
            raise ValueError(f"bad due time {data['due']!r}")
        location = Location(data["location"]) if data.get("location") else None
        target = TargetPhrase(text="", key="", raw_key="", location=location) if location else None
        command = Command(
            Intent(data["intent"]),
            target,
            _value_from_dict(data.get("value")),
            Direction(data["direction"]) if data.get("direction") else None,
        )
        if not data.get("device_id") and not data.get("entity_id"):
            raise ValueError("no device or entity")
        return cls(
            action_id=str(data["id"]),
            due=dt_util.as_utc(due),
            device_id=data.get("device_id"),
            entity_id=data.get("entity_id"),
            name=str(data["name"]),
            command=command,
            language=speech(str(data.get("language"))).code,
            thinq_device_id=data.get("thinq_device_id"),
        )


def new_action(due: datetime, appliance: TargetAppliance, command: Command, language: str) -> ScheduledAction:
    """Make a scheduled action for an appliance with a fresh id; the command loses its timing."""
    now_command = Command(command.intent, command.target, command.value, command.direction)
    lone_entity = None if appliance.device_id else appliance.entity_ids[0]
    return ScheduledAction(
        uuid4().hex,
        due,
        appliance.device_id,
        lone_entity,
        appliance.name,
        now_command,
        language,
        appliance.thinq_device_id,
    )


def _value_dict(value: Value | None) -> dict[str, Any] | None:
    match value:
        case None:
            return None
        case bool():
            return {"bool": value}
        case Quantity():
            return {"amount": value.amount, "unit": value.unit.value if value.unit else None}
        case Mode():
            return {"mode": value.value}
        case FanSpeed():
            return {"fan_speed": value.value}
        case App():
            return {"app": value.value}


def _value_from_dict(data: Any) -> Value | None:
    if data is None:
        return None
    if not isinstance(data, dict):
        raise TypeError(f"bad value {data!r}")
    if "bool" in data:
        return bool(data["bool"])
    if "amount" in data:
        return Quantity(float(data["amount"]), Unit(data["unit"]) if data.get("unit") else None)
    if "mode" in data:
        return Mode(data["mode"])
    if "fan_speed" in data:
        return FanSpeed(data["fan_speed"])
    if "app" in data:
        return App(data["app"])
    raise ValueError(f"bad value {data!r}")


type Runner = Callable[[ScheduledAction], Awaitable[None]]


class Scheduler:
    """The scheduled actions of one config entry: saved, armed, run, then forgotten when finished."""

    def __init__(self, hass: HomeAssistant, entry_id: str, run: Runner) -> None:
        """Keep the store; nothing is read or armed before `async_load`."""
        self.hass = hass
        self._store = _store(hass, entry_id)
        self._run = run
        self._actions: dict[str, ScheduledAction] = {}
        self._timers: dict[str, CALLBACK_TYPE] = {}

    @property
    def actions(self) -> list[ScheduledAction]:
        """Return the waiting actions, soonest first."""
        return sorted(self._actions.values(), key=lambda action: action.due)

    async def async_load(self) -> None:
        """Read the saved actions and arm them; one that fell due a moment ago runs shortly."""
        stored = await self._store.async_load() or {}
        now = dt_util.utcnow()
        for data in stored.get("actions", []):
            try:
                action = ScheduledAction.from_dict(data)
            except (KeyError, TypeError, ValueError) as err:
                _LOGGER.warning("Dropping a damaged scheduled action (%s)", err)
                continue
            if action.due <= now - MISSED_GRACE:
                _LOGGER.warning(
                    "Dropping the scheduled %s of %s: it was due at %s, while Home Assistant was stopped",
                    action.command.intent.value,
                    action.name,
                    action.due.isoformat(),
                )
                continue
            self._actions[action.action_id] = action
            self._arm(action, now + OVERDUE_DELAY if action.due <= now else action.due)
        await self._async_save()

    async def async_add(self, action: ScheduledAction) -> None:
        """Keep an action, saved before this returns, and arm it."""
        self._actions[action.action_id] = action
        await self._async_save()
        self._arm(action, action.due)

    async def async_cancel(self, actions: list[ScheduledAction]) -> None:
        """Forget actions before they run."""
        for action in actions:
            self._actions.pop(action.action_id, None)
            if cancel := self._timers.pop(action.action_id, None):
                cancel()
        await self._async_save()

    @callback
    def async_stop(self) -> None:
        """Disarm every action (unload); they stay saved for the next start."""
        for cancel in self._timers.values():
            cancel()
        self._timers.clear()

    def _arm(self, action: ScheduledAction, when: datetime) -> None:
        """Run the action when it falls due: one timer per action id, disarmed when it is cancelled.

        Kept (listed, cancellable, saved) until `async_finish`, also while it tries again: a
        restart meanwhile runs it again.
        """

        async def _due(_now: datetime) -> None:
            self._timers.pop(action.action_id, None)
            if not self.hass.is_running:
                # Still booting: other integrations' entities may not be there yet.
                self._timers[action.action_id] = async_at_started(self.hass, _started)
                return
            await self._run(action)

        async def _started(_hass: HomeAssistant) -> None:
            self._timers.pop(action.action_id, None)
            await self._run(action)

        # A stored action repeated by hand is armed once, as the one kept under its id.
        if disarm := self._timers.pop(action.action_id, None):
            disarm()
        self._timers[action.action_id] = async_track_point_in_utc_time(self.hass, _due, when)

    def is_waiting(self, action: ScheduledAction) -> bool:
        """Return whether an action is still kept: not cancelled, not finished."""
        return action.action_id in self._actions

    async def async_finish(self, action: ScheduledAction) -> None:
        """Forget an action that ran: its outcome was told."""
        if self._actions.pop(action.action_id, None) is not None:
            await self._async_save()

    async def _async_save(self) -> None:
        await self._store.async_save({"actions": [action.as_dict() for action in self.actions]})
