"""Commands for later, together: the appliances' own timers, ThinQ Voice's scheduler, when-then.

"2시간 뒤에 세탁기 돌려줘" goes on the appliance's own timer where it has one for it, else to the
`schedule.Scheduler`; "세탁 끝나면 건조기 돌려줘" waits in the `when.WhenBook`. Both run their command
unattended when the time or the event comes (`retry`), and tell the user how it went. This module
also lists what is planned and cancels it.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
import logging
import math

from homeassistant.components import persistent_notification
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import CALLBACK_TYPE, Context, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util

from ..const import DOMAIN, EVENT_SCHEDULED_ACTION
from ..errors import MAX_ECHO, log_safe
from ..voice.model import Action, Command, Intent
from .appliance_command import ActionError, ApplianceCommand
from .entities import ApplianceEntities
from .retry import Attempt, UnattendedCommand
from .schedule import LONGEST_AHEAD, ScheduledAction, Scheduler, due_at, new_action
from .speech import Speech, speech
from .targets import ApplianceIndex, TargetAppliance, match, thinq_updated_at
from .when import WhenAction, WhenBook, new_when_action, why_never

_LOGGER = logging.getLogger(__name__)
_STARTS = (Intent.START, Intent.RESUME, Intent.TURN_ON)


@dataclass(frozen=True, slots=True)
class DeviceTimer:
    """A timer running on the appliance itself: a delayed start or an on/off timer."""

    intent: Intent
    due: datetime


def device_timers(hass: HomeAssistant, appliance: TargetAppliance) -> list[DeviceTimer]:
    """Return the timers the appliance reports, from its delayed start/stop sensors."""
    entities = ApplianceEntities(hass, appliance)
    climate = entities.one("climate") is not None
    read_at = thinq_updated_at(hass, appliance) or dt_util.utcnow()
    timers: list[DeviceTimer] = []
    for key, intent in (
        ("delayed_start", Intent.TURN_ON if climate else Intent.START),
        ("delayed_stop", Intent.TURN_OFF if climate else Intent.START),
    ):
        state = entities.state(entities.delayed(key))
        try:
            minutes = float(state.state) if state else 0.0
        except ValueError:
            continue
        if minutes > 0:
            timers.append(DeviceTimer(intent, read_at + timedelta(minutes=minutes)))
    return timers


async def _async_set_device_timer(act: ApplianceCommand, command: Command, due: datetime) -> str | None:
    """Put a command for later on the appliance's own timer; None when it has none for it.

    Washers, dryers and the like take a delayed start in whole hours: a delay is rounded up, so
    nothing starts early, and a clock time to the nearest hour; the answer says when it starts.
    An air conditioner's on/off timer is used for whole hours only; other delays are kept by
    ThinQ Voice instead (see `schedule`), which is exact to the minute.
    """
    climate = act.entities.one("climate") is not None
    hours_exact = (due - dt_util.utcnow()).total_seconds() / 3600
    if command.intent is Intent.START and not climate:
        number = act.entities.hour_timer("relativeHourToStart")
        rounded = math.ceil(hours_exact - 1 / 60) if command.at is None else round(hours_exact)
        hours = max(1, rounded)
        if number is None or not _timer_takes(act, number, hours):
            return None
        return await _async_set_timer_hours(act, number, hours, "started_delayed")
    if command.intent in (Intent.TURN_ON, Intent.TURN_OFF) and climate:
        hours = round(hours_exact)
        on = command.intent is Intent.TURN_ON
        number = act.entities.hour_timer("relativeHourToStart" if on else "relativeHourToStop")
        if (
            hours < 1
            or abs(hours_exact - hours) > 1 / 60
            or number is None
            or not _timer_takes(act, number, hours)
        ):
            return None
        return await _async_set_timer_hours(act, number, hours, "timer_on_set" if on else "timer_off_set")
    return None


def _timer_takes(act: ApplianceCommand, number: str, hours: int) -> bool:
    """Return whether an hour timer reaches `hours`; a longer delay ("3일 뒤에") is kept by ThinQ Voice instead."""
    state = act.hass.states.get(number)
    return state is not None and float(state.attributes["min"]) <= hours <= float(state.attributes["max"])


async def _async_set_timer_hours(act: ApplianceCommand, number: str, hours: int, answer: str) -> str:
    """Set an appliance's hour timer (within its range); say when it goes off."""
    await act.async_call("number", "set_value", number, value=hours)
    delay = timedelta(hours=hours)
    return act.say(
        answer,
        delay=act.speech.duration(delay),
        clock=act.speech.moment(dt_util.as_local(dt_util.utcnow() + delay), delay),
    )


async def _async_cancel_device_timers(act: ApplianceCommand) -> bool:
    """Cancel the timers on the appliance; return whether there were any.

    An air conditioner's timers are unset through their `relative*Timer` switch (LG only
    accepts UNSET there); a reserved laundry run is cancelled by its stop command, as on the
    appliance's own panel.
    """
    timers = device_timers(act.hass, act.appliance)
    if not timers:
        return False
    if act.entities.one("climate") is not None:
        for timer in timers:
            which = "relativeStartTimer" if timer.intent is Intent.TURN_ON else "relativeStopTimer"
            data = {
                "device_id": act.appliance.device_id,
                "resource": "timer",
                "property": which,
                "value": "UNSET",
            }
            await act.async_call_service(DOMAIN, "set_property", data)
        return True
    button = act.entities.run_button("STOP")
    if button is None:
        raise act.refusal("unsupported")
    await act.async_call("button", "press", button)
    return True


def when_at(moment: datetime, words: Speech) -> str:
    """Say a moment as a clock time, "tomorrow" included when it is not today."""
    day = dt_util.as_local(moment).date()
    days_ahead = (day - dt_util.as_local(dt_util.utcnow()).date()).days
    clock = words.clock(dt_util.as_local(moment))
    if days_ahead <= 0:
        return words.say("when_at", clock=clock)
    if days_ahead == 1:
        return words.say("when_tomorrow_at", clock=clock)
    return words.say("when_on", date=words.date(day), clock=clock)


def _action_words(intent: Intent, words: Speech) -> str:
    """Name what a command does, as a noun in Korean ("시작") and a verb in English ("start")."""
    return words.say(f"action_{intent.value}")


def _when_item(when: WhenAction, words: Speech) -> str:
    """Say one when-action in the list of what is planned."""
    event = words.say("when_event", device=when.watched_name, event=words.say(f"event_{when.event.value}"))
    if when.action.command.intent is Intent.NOTIFY:
        return words.say("when_notify_item", when=event)
    action = _action_words(when.action.command.intent, words)
    return words.say("schedule_item", when=event, device=when.action.name, action=action)


class Later:
    """One agent's commands for later: kept, listed, cancelled, and run when they fall due."""

    def __init__(self, hass: HomeAssistant, entry_id: str, appliances: ApplianceIndex) -> None:
        """Keep an entry's scheduled and when-actions; nothing is read before `async_start`."""
        self.hass = hass
        self._appliances = appliances
        self.scheduler = Scheduler(hass, entry_id, self._async_run_scheduled)
        self.whens = WhenBook(hass, entry_id, self._async_run_when)
        # Scheduled actions trying again after a failure that may pass.
        self._unattended: set[UnattendedCommand] = set()

    async def async_start(self) -> CALLBACK_TYPE:
        """Take up the saved actions; return the function that stops them (they stay saved)."""
        await self.scheduler.async_load()
        await self.whens.async_load()
        stop_whens = self.whens.async_start()

        @callback
        def _stop() -> None:
            self.scheduler.async_stop()
            for run in self._unattended:
                run.cancel()
            self._unattended.clear()
            stop_whens()

        return _stop

    # Keeping ----------------------------------------------------------------------------------

    async def async_schedule(self, act: ApplianceCommand, command: Command) -> str:
        """Set the appliance's own timer where it has one for this, else keep a scheduled action."""
        now = dt_util.utcnow()
        due = due_at(command, now)
        if due - now > LONGEST_AHEAD:
            raise ActionError(act.speech.say("too_far_ahead"))
        answer = await _async_set_device_timer(act, command, due)
        if answer is not None:
            return answer
        await self.scheduler.async_add(new_action(due, act.appliance, command, act.language))
        words = act.speech
        when = (
            words.when_in(command.delay, dt_util.as_local(due))
            if command.delay is not None
            else when_at(due, words)
        )
        return act.say("scheduled", when=when, action=_action_words(command.intent, words))

    async def async_keep_when(self, act: ApplianceCommand, command: Command, satellite_id: str | None) -> str:
        """Keep a command for when an appliance reports an event; say at once when that can never come."""
        assert command.when is not None
        words = act.speech
        awaited = act.appliance if command.intent is Intent.NOTIFY else self.awaited(command)
        if isinstance(awaited, str):
            return words.say(awaited, name=command.when.target.text)
        event = command.when.event
        if reason := why_never(self.hass, awaited, event, self._plans_a_run(awaited)):
            return words.say(reason, device=awaited.name)
        await self.whens.async_add(
            new_when_action(act.appliance, command, awaited, act.language, satellite_id)
        )
        when = words.say("when_event", device=awaited.name, event=words.say(f"event_{event.value}"))
        if command.intent is Intent.NOTIFY:
            return words.say("when_notify_kept", when=when)
        return act.say("scheduled", when=when, action=_action_words(command.intent, words))

    def awaited(self, command: Command) -> TargetAppliance | str:
        """Return the ThinQ appliance whose event a command waits for, or why there is none (a message key).

        Of several that fit the words, the ones that can report the event now count ("세탁 끝나면":
        the washer that is running).
        """
        assert command.when is not None
        found = [
            candidate
            for candidate in match(self._appliances.get(), command.when.target)
            if candidate.thinq_device_id
        ]
        event = command.when.event
        # None can: the first one's reason is said (they are all of the kind named).
        found = [
            candidate for candidate in found if not why_never(self.hass, candidate, event, False)
        ] or found[:1]
        if not found:
            return "no_target"
        return found[0] if len(found) == 1 else "which_device"

    def never_comes(self, part: Action, appliances: list[TargetAppliance], language: str) -> str | None:
        """Say at once why a command's condition can never come, before anything else is asked."""
        if not isinstance(part, Command) or part.when is None:
            return None
        targets = (
            [appliance for appliance in match(appliances, part.when.target) if appliance.thinq_device_id]
            if part.intent is Intent.NOTIFY
            else [self.awaited(part)]
        )
        awaited = [target for target in targets if not isinstance(target, str)]
        if len(awaited) != 1:
            return None  # named nothing, or several: resolving the parts says so
        reason = why_never(self.hass, awaited[0], part.when.event, self._plans_a_run(awaited[0]))
        return speech(language).say(reason, device=awaited[0].name) if reason else None

    def _plans_a_run(self, appliance: TargetAppliance) -> bool:
        """Return whether a run of the appliance is planned: its timer, a scheduled start, a when-action."""
        return (
            bool(device_timers(self.hass, appliance))
            or any(action.command.intent in _STARTS for action in self._scheduled_for(appliance))
            or self.whens.waits_to_start(appliance.thinq_device_id or "")
        )

    # Listing and cancelling ----------------------------------------------------------------------

    def _scheduled_for(self, appliance: TargetAppliance) -> list[ScheduledAction]:
        """Return ThinQ Voice's scheduled actions for an appliance."""
        return [action for action in self.scheduler.actions if action.is_for(appliance)]

    def _whens_for(self, appliance: TargetAppliance) -> list[WhenAction]:
        """Return the when-actions that go to an appliance or wait for it."""
        return [
            when
            for when in self.whens.actions
            if when.action.is_for(appliance) or when.watched == appliance.thinq_device_id
        ]

    def has_plans(self, appliance: TargetAppliance) -> bool:
        """Return whether anything is set for later on an appliance."""
        return bool(
            self._scheduled_for(appliance)
            or self._whens_for(appliance)
            or device_timers(self.hass, appliance)
        )

    def plans_answer(self, appliances: list[TargetAppliance], language: str, *, whole_home: bool) -> str:
        """List what is set for later: ThinQ Voice's actions and the appliances' own timers."""
        words = speech(language)
        kept = (
            self.scheduler.actions
            if whole_home
            else [action for appliance in appliances for action in self._scheduled_for(appliance)]
        )
        # (when, which appliance, what it will do), from ThinQ Voice and from the appliances.
        planned = [(action.due, action.name, action.command.intent) for action in kept] + [
            (timer.due, appliance.name, timer.intent)
            for appliance in appliances
            for timer in device_timers(self.hass, appliance)
        ]
        items = [
            (
                due,
                words.say(
                    "schedule_item",
                    when=when_at(due, words),
                    device=name,
                    action=_action_words(intent, words),
                ),
            )
            for due, name, intent in planned
        ]
        whens = (
            self.whens.actions
            if whole_home
            else list(
                {id(when): when for appliance in appliances for when in self._whens_for(appliance)}.values()
            )
        )
        items.sort(key=lambda item: item[0])
        items += [(when.action.due, _when_item(when, words)) for when in whens]
        if not items:
            if whole_home or len(appliances) != 1:
                return words.say("schedules_none")
            return words.say("schedules_none_device", device=appliances[0].name)
        return words.say(
            "schedules_list", count=len(items), items=words.list_separator.join(text for _, text in items)
        )

    async def async_cancel(self, act: ApplianceCommand) -> str:
        """Cancel ThinQ Voice's actions and the appliance's own timers."""
        kept = self._scheduled_for(act.appliance)
        if kept:
            await self.scheduler.async_cancel(kept)
        whens = self._whens_for(act.appliance)
        if whens:
            await self.whens.async_cancel(whens)
        had_timers = await _async_cancel_device_timers(act)
        if not kept and not whens and not had_timers:
            return act.say("schedules_none_device")
        return act.say("schedule_cancelled")

    # Running -------------------------------------------------------------------------------------

    def _find(self, action: ScheduledAction) -> TargetAppliance | None:
        """Return the appliance an action goes to, as it is now."""
        return next((candidate for candidate in self._appliances.get() if action.is_for(candidate)), None)

    async def _async_run_scheduled(self, action: ScheduledAction) -> None:
        """Run an action that fell due, again while its failure may pass (`retry`)."""

        async def _async_outcome(attempt: Attempt) -> None:
            self._unattended.discard(run)
            await self.scheduler.async_finish(action)
            _tell_outcome(self.hass, action, attempt, run.context)

        run = self._unattended_run(action, _async_outcome, wanted=lambda: self.scheduler.is_waiting(action))
        await run.async_run()

    async def _async_run_when(self, when: WhenAction) -> None:
        """Do what was asked for when the event came, tried again like a scheduled action; tell the user."""
        action = when.action
        told = speech(action.language).say(f"when_told_{when.event.value}", device=when.watched_name)
        if action.command.intent is Intent.NOTIFY:
            await _async_tell(self.hass, when, told)
            return

        async def _async_outcome(attempt: Attempt) -> None:
            self._unattended.discard(run)
            _tell_outcome(self.hass, action, attempt, run.context, notify=False)
            await _async_tell(self.hass, when, f"{told} {attempt.speech}")

        run = self._unattended_run(action, _async_outcome)
        await run.async_run()

    def _unattended_run(
        self,
        action: ScheduledAction,
        outcome: Callable[[Attempt], Awaitable[None]],
        wanted: Callable[[], bool] = lambda: True,
    ) -> UnattendedCommand:
        """Return a kept action's command, run with nobody waiting, kept until it has an outcome."""
        run = UnattendedCommand(
            self.hass,
            lambda: self._find(action),
            action.command,
            action.language,
            action.name,
            Context(),
            outcome,
            wanted=wanted,
        )
        self._unattended.add(run)
        return run


async def _async_tell(hass: HomeAssistant, when: WhenAction, message: str) -> None:
    """Say it on the satellite the command was said to; else leave it as a notification."""
    satellite = when.satellite_id
    if satellite and (state := hass.states.get(satellite)) and state.state != STATE_UNAVAILABLE:
        try:
            await hass.services.async_call(
                "assist_satellite",
                "announce",
                {"entity_id": satellite, "message": message},
                blocking=True,
            )
        except HomeAssistantError as err:
            _LOGGER.info("Could not tell %s on %s: %s", log_safe(message), satellite, err)
        else:
            return
    persistent_notification.async_create(
        hass,
        message,
        title=speech(when.action.language).say("announce_title"),
        notification_id=f"{DOMAIN}_when_{when.action.action_id}",
    )


@callback
def _tell_outcome(
    hass: HomeAssistant, action: ScheduledAction, attempt: Attempt, context: Context, *, notify: bool = True
) -> None:
    """Tell how a scheduled action ended, once: an event, and a notification when it failed.

    A when-action (`notify` False) tells its outcome itself, where it was asked for.
    """
    hass.bus.async_fire(
        EVENT_SCHEDULED_ACTION,
        {
            "device_id": action.device_id,
            "entity_id": action.entity_id,
            "name": action.name,
            "intent": action.command.intent.value,
            "due": action.due.isoformat(),
            "succeeded": attempt.succeeded,
            "confirmed": attempt.confirmed,
            "speech": attempt.speech,
            "tries": attempt.tries,
        },
        context=context,
    )
    intent = action.command.intent
    if attempt.succeeded:
        _LOGGER.info("Ran the scheduled %s of %s", intent.value, log_safe(action.name))
        return
    _LOGGER.warning(
        "The scheduled %s of %s failed after %s tries: %s",
        intent.value,
        log_safe(action.name),
        attempt.tries,
        log_safe(attempt.speech, 4 * MAX_ECHO),
    )
    if not notify:
        return
    words = speech(action.language)
    persistent_notification.async_create(
        hass,
        words.say(
            "scheduled_failed",
            when=when_at(action.due, words),
            device=action.name,
            action=_action_words(intent, words),
            reason=attempt.speech,
        ),
        title=words.say("scheduled_failed_title"),
        notification_id=f"{DOMAIN}_schedule_{action.action_id}",
    )
