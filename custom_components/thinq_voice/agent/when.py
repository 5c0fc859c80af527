"""Commands for when something happens: "세탁 끝나면 건조기 돌려줘", "tell me when the oven is preheated".

A `WhenAction` waits for one appliance event (`thinq_voice_appliance_event`, fired from pushes and
polling alike) and then runs its command as a scheduled action runs (the same path as a spoken
command, with the same refusals), or just tells the user. It is saved in Home Assistant's storage
the moment it is made, so it survives restarts; it runs once, and is dropped unanswered after
`WHEN_LIFETIME` (tomorrow's wash must not start tonight's forgotten dryer).
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import timedelta
import logging
from typing import Any

from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from ..appliance_events import ApplianceEventType, RunPhase, event_types, run_phases
from ..const import DOMAIN, EVENT_APPLIANCE
from ..voice.model import ApplianceEvent, Command
from .schedule import ScheduledAction, new_action
from .targets import TargetAppliance, thinq_appliance

_LOGGER = logging.getLogger(__name__)

STORAGE_VERSION = 1
# A condition not met within a day is dropped: a wash days later is another wash.
WHEN_LIFETIME = timedelta(days=1)
EVENT_TYPES: dict[ApplianceEvent, ApplianceEventType] = {
    ApplianceEvent.FINISHED: ApplianceEventType.FINISHED,
    ApplianceEvent.STARTED: ApplianceEventType.STARTED,
    ApplianceEvent.PAUSED: ApplianceEventType.PAUSED,
    ApplianceEvent.ERROR: ApplianceEventType.ERROR,
    ApplianceEvent.PREHEATED: ApplianceEventType.PREHEATED,
    ApplianceEvent.DOOR_OPEN: ApplianceEventType.DOOR_OPENED,
}
# Events that only come while (or after) the appliance runs: waiting for them needs a run.
_DURING_A_RUN = {
    ApplianceEvent.FINISHED,
    ApplianceEvent.PAUSED,
    ApplianceEvent.ERROR,
    ApplianceEvent.PREHEATED,
}
_ACTIVE = {RunPhase.RUNNING, RunPhase.PAUSED, RunPhase.RESERVED}
# The books of every loaded agent, so announcements can tell what a when-action already handles.
WHEN_BOOKS: HassKey[set[WhenBook]] = HassKey(f"{DOMAIN}_when_books")


def store_key(entry_id: str) -> str:
    """Return the storage key of a config entry's when-actions."""
    return f"{DOMAIN}.{entry_id}.when"


def _store(hass: HomeAssistant, entry_id: str) -> Store[dict[str, Any]]:
    return Store(hass, STORAGE_VERSION, store_key(entry_id))


async def async_remove_when_actions(hass: HomeAssistant, entry_id: str) -> None:
    """Delete a config entry's saved when-actions (the entry is removed)."""
    await _store(hass, entry_id).async_remove()


@dataclass(frozen=True, slots=True)
class WhenAction:
    """A command waiting for an appliance event.

    Attributes:
        action: What to do, to which appliance, in which language (for NOTIFY: the appliance
            watched); its `due` is when the wait ends unanswered.
        watched: LG's id of the appliance whose event is awaited.
        watched_name: That appliance's name when the command was made.
        event: The event awaited.
        satellite_id: The voice satellite the command was said to: it is told there.
    """

    action: ScheduledAction
    watched: str
    watched_name: str
    event: ApplianceEvent
    satellite_id: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the stored form."""
        return {
            **self.action.as_dict(),
            "watched": self.watched,
            "watched_name": self.watched_name,
            "event": self.event.value,
            "satellite_id": self.satellite_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WhenAction:
        """Read the stored form; raise ValueError (or KeyError, TypeError) when it is damaged."""
        return cls(
            ScheduledAction.from_dict(data),
            str(data["watched"]),
            str(data["watched_name"]),
            ApplianceEvent(data["event"]),
            data.get("satellite_id"),
        )


def new_when_action(
    appliance: TargetAppliance,
    command: Command,
    watched: TargetAppliance,
    language: str,
    satellite_id: str | None,
) -> WhenAction:
    """Make a when-action: the command loses its condition; it expires after `WHEN_LIFETIME`."""
    assert command.when is not None  # only commands with a condition wait
    assert watched.thinq_device_id is not None  # only ThinQ appliances report events
    action = new_action(dt_util.utcnow() + WHEN_LIFETIME, appliance, replace(command, when=None), language)
    return WhenAction(action, watched.thinq_device_id, watched.name, command.when.event, satellite_id)


def why_never(
    hass: HomeAssistant, watched: TargetAppliance, event: ApplianceEvent, planned: bool
) -> str | None:
    """Return why an event cannot come (a message key), or None when it can.

    An appliance reports only the events its profile has; an ending, pause, error or preheat
    needs a run: under way, or planned (`planned`: a timer, a scheduled start, another when-action).
    """
    appliance = thinq_appliance(hass, watched.thinq_device_id)
    if appliance is None or EVENT_TYPES[event] not in event_types(appliance.profile):
        return "when_never_reported"
    if event in _DURING_A_RUN and not run_phases(appliance) & _ACTIVE and not planned:
        return "when_never_idle"
    return None


def is_watched(hass: HomeAssistant, thinq_device_id: str, event_type: str) -> bool:
    """Return whether a when-action of any agent waits for this appliance event."""
    return any(book.watching(thinq_device_id, event_type) for book in hass.data.get(WHEN_BOOKS, set()))


type WhenRunner = Callable[[WhenAction], Awaitable[None]]


class WhenBook:
    """The when-actions of one config entry: saved, matched against appliance events, run once."""

    def __init__(self, hass: HomeAssistant, entry_id: str, run: WhenRunner) -> None:
        """Keep the store; nothing is read before `async_load`."""
        self.hass = hass
        self._store = _store(hass, entry_id)
        self._run = run
        self._actions: dict[str, WhenAction] = {}

    @property
    def actions(self) -> list[WhenAction]:
        """Return the waiting when-actions, oldest first, without those that expired."""
        now = dt_util.utcnow()
        return sorted(
            (when for when in self._actions.values() if when.action.due > now),
            key=lambda when: when.action.due,
        )

    async def async_load(self) -> None:
        """Read the saved when-actions; expired or damaged ones are dropped."""
        stored = await self._store.async_load() or {}
        for data in stored.get("actions", []):
            try:
                when = WhenAction.from_dict(data)
            except (KeyError, TypeError, ValueError) as err:
                _LOGGER.warning("Dropping a damaged when-action (%s)", err)
                continue
            self._actions[when.action.action_id] = when
        self._actions = {when.action.action_id: when for when in self.actions}
        await self._async_save()

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Follow appliance events; return the function that stops it."""
        books = self.hass.data.setdefault(WHEN_BOOKS, set())
        books.add(self)
        stop_events = self.hass.bus.async_listen(EVENT_APPLIANCE, self._async_event)

        @callback
        def _stop() -> None:
            stop_events()
            books.discard(self)

        return _stop

    def watching(self, thinq_device_id: str, event_type: str) -> bool:
        """Return whether a when-action waits for this appliance event."""
        return any(
            when.watched == thinq_device_id and EVENT_TYPES[when.event] == event_type for when in self.actions
        )

    def waits_to_start(self, thinq_device_id: str) -> bool:
        """Return whether a when-action will start this appliance (a run is then planned)."""
        return any(when.action.thinq_device_id == thinq_device_id for when in self.actions)

    async def async_add(self, when: WhenAction) -> None:
        """Keep a when-action, saved before this returns."""
        self._actions[when.action.action_id] = when
        await self._async_save()

    async def async_cancel(self, whens: list[WhenAction]) -> None:
        """Forget when-actions before they run."""
        for when in whens:
            self._actions.pop(when.action.action_id, None)
        await self._async_save()

    async def _async_event(self, event: Event[dict[str, Any]]) -> None:
        lg_id, kind = event.data.get("thinq_device_id"), event.data.get("type")
        due = [when for when in self.actions if when.watched == lg_id and EVENT_TYPES[when.event] == kind]
        if not due:
            return
        for when in due:
            self._actions.pop(when.action.action_id, None)
        await self._async_save()
        for when in due:
            _LOGGER.info("%s reported %s: running what was asked for then", when.watched_name, kind)
            await self._run(when)

    async def _async_save(self) -> None:
        await self._store.async_save({"actions": [when.as_dict() for when in self._actions.values()]})
