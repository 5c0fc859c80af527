"""Carry out a parsed command or answer a question on one appliance, through HA services.

Every action is a Home Assistant service call on an exposed entity, so logbook, context and
permissions apply as if the user had pressed the button. ThinQ Voice's own entities are found
by their unique ids (`<device>_<resource>_<property>[_<LOCATION>][_<COMMAND>]`); other
integrations' entities by domain (climate, fan, vacuum, humidifier, water_heater, media_player).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
import math
from typing import Any

from homeassistant.components.climate.const import HVACMode
from homeassistant.components.vacuum.const import VacuumEntityFeature
from homeassistant.const import ATTR_ENTITY_ID, STATE_OFF, STATE_ON, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import Context, HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..voice.model import (
    App,
    Command,
    DeviceType,
    Direction,
    FanSpeed,
    Intent,
    Location,
    Mode,
    Quantity,
    Question,
    QuestionIntent,
    Unit,
)
from .confirmations import offline_run_state, unavailable_error
from .readings import reading_answer, reading_entity
from .speech import clock_words, duration_words, number_words, say, speech
from .targets import TargetAppliance, control_in_flight, name_key, thinq_updated_at

_TV_INTENTS = {Intent.SET_VOLUME, Intent.MUTE, Intent.LAUNCH_APP, Intent.SET_CHANNEL}
# How an app's name reads in a TV's source list, and how it is said.
_APP_KEYS: dict[App, tuple[str, ...]] = {
    App.YOUTUBE: ("youtube",),
    App.NETFLIX: ("netflix",),
    App.DISNEY_PLUS: ("disney",),
    App.TVING: ("tving",),
    App.WAVVE: ("wavve",),
    App.COUPANG_PLAY: ("coupang",),
    App.WATCHA: ("watcha",),
    App.PRIME_VIDEO: ("primevideo", "amazon"),
}

LAUNDRY = {DeviceType.WASHER, DeviceType.DRYER, DeviceType.DISH_WASHER, DeviceType.STYLER, DeviceType.OVEN}
_HVAC_MODES = {
    Mode.COOL: HVACMode.COOL,
    Mode.HEAT: HVACMode.HEAT,
    Mode.DRY: HVACMode.DRY,
    Mode.FAN: HVACMode.FAN_ONLY,
    Mode.AUTO: HVACMode.HEAT_COOL,
}
# LG mode names a canonical mode word may stand for, in order of preference.
_MODE_NAMES: dict[Mode, tuple[str, ...]] = {
    Mode.COOL: ("cool",),
    Mode.HEAT: ("heat",),
    Mode.DRY: ("air_dry", "dry", "dehumidification", "smart_dehumidification"),
    Mode.FAN: ("fan", "fan_only"),
    Mode.AUTO: ("auto", "smart", "smart_dehumidification"),
    Mode.AIR_CLEAN: ("clean", "air_clean", "purify"),
    Mode.SLEEP: ("sleep",),
    Mode.TURBO: ("turbo", "power", "jet", "rapid_dehumidification", "high"),
    Mode.SILENT: ("silent", "quiet", "silent_dehumidification"),
}
_FAN_NAMES: dict[FanSpeed, tuple[str, ...]] = {
    FanSpeed.LOW: ("low", "slow", "wind_1"),
    FanSpeed.MID: ("mid", "medium", "wind_2"),
    FanSpeed.HIGH: ("high", "power", "turbo", "wind_3"),
    FanSpeed.AUTO: ("auto",),
}
# Run states of a laundry-style appliance that mean it is not working on anything.
_IDLE_RUN_STATES = {
    "power_off",
    "initial",
    "end",
    "sleep",
    "standby",
    "pause",
    "reserved",
    "error",
    "complete",
    "done",
    "idle",
    "off",
}
# States that are no reading of the appliance: nothing can be said from them.
_NO_READING = {STATE_UNAVAILABLE, STATE_UNKNOWN}
# A state read longer ago than this is answered with its age ("5분 전 기준으로").
STALE_AFTER = timedelta(minutes=2)


# The cause of an ActionError when an entity is unavailable and nothing tells why.
UNAVAILABLE = "unavailable"


class ActionError(Exception):
    """The action cannot be done; `speech` tells the user why.

    `cause` names the kind of failure where one is known: an exceptions.* translation key of
    ThinQ Voice (`errors.ERROR_KEYS`), or UNAVAILABLE. A scheduled action tries again on the
    causes that pass (`errors.RETRYABLE_KEYS`).
    """

    def __init__(self, speech: str, cause: str | None = None) -> None:
        """Keep the answer and the cause."""
        super().__init__(speech)
        self.speech = speech
        self.cause = cause


@dataclass(slots=True)
class Entities:
    """An appliance's exposed entities with their registry entries."""

    hass: HomeAssistant
    appliance: TargetAppliance

    def entries(self) -> list[er.RegistryEntry]:
        """Return the registry entries of the appliance's exposed entities."""
        registry = er.async_get(self.hass)
        return [entry for entity_id in self.appliance.entity_ids if (entry := registry.async_get(entity_id))]

    def one(self, domain: str) -> str | None:
        """Return the appliance's first exposed entity of a domain."""
        found = self.appliance.entities(domain)
        return found[0] if found else None

    def thinq(
        self,
        domain: str,
        *parts: str,
        location: str | None = None,
        suffix: str | None = None,
        excluding: str | None = None,
    ) -> str | None:
        """Return a ThinQ Voice entity whose unique id has all `parts` (and location/suffix).

        `excluding` names a unique-id part the entity must not have.
        """
        for entry in self.entries():
            if entry.platform != DOMAIN or entry.domain != domain or not entry.unique_id:
                continue
            unique_id = entry.unique_id
            if not all(f"_{part}" in unique_id for part in parts):
                continue
            if excluding is not None and excluding in unique_id:
                continue
            if location is not None and f"_{location}" not in unique_id:
                continue
            if suffix is not None and not unique_id.endswith(f"_{suffix}"):
                continue
            return entry.entity_id
        return None


def _supports(hass: HomeAssistant, entity_id: str, feature: int) -> bool:
    """Return whether an entity's state lists a supported feature."""
    state = hass.states.get(entity_id)
    return bool(state and int(state.attributes.get("supported_features", 0)) & feature)


# Domains whose entities switch an appliance on and off (turn_on / turn_off), in order of preference.
_POWER_DOMAINS = ("climate", "fan", "humidifier", "water_heater", "media_player")


def _power_entity(entities: Entities) -> str | None:
    """Return the entity that switches the appliance on and off, if it has one."""
    return next((found for domain in _POWER_DOMAINS if (found := entities.one(domain))), None)


def _run_button(entities: Entities, command: str) -> str | None:
    """Return the button sending a run command (START, STOP, POWER_OFF) to the appliance itself.

    An AC's air-purifying function has START/STOP buttons of its own: they are not the AC's.
    """
    return entities.thinq("button", "operation", suffix=command, excluding="airCleanOperationMode")


def supports(hass: HomeAssistant, appliance: TargetAppliance, part: Command | Question) -> bool:
    """Return whether the appliance has an entity that can do or answer this part."""
    entities = Entities(hass, appliance)
    if isinstance(part, Question):
        return _question_entity(entities, part) is not None or (
            part.intent is QuestionIntent.WHAT_IS_RUNNING and _is_running(hass, entities) is not None
        )
    match part.intent:
        case Intent.OPEN_DOOR | Intent.CLOSE_DOOR:
            return (
                appliance.device_type
                in (DeviceType.REFRIGERATOR, DeviceType.KIMCHI_REFRIGERATOR, DeviceType.WINE_CELLAR)
                or _door_entity(entities) is not None
            )
        case Intent.SET_TEMPERATURE:
            return _temperature_entity(entities, part) is not None
        case Intent.EXPRESS_FREEZE:
            return entities.thinq("switch", "refrigeration", "expressMode") is not None
        case intent if intent in _TV_INTENTS:
            return entities.one("media_player") is not None
        case Intent.CANCEL_SCHEDULE:
            return True
        case _:
            return bool(appliance.entity_ids)


async def async_execute(
    hass: HomeAssistant, appliance: TargetAppliance, command: Command, language: str, context: Context
) -> str:
    """Carry out a command; return the answer or raise ActionError with the reason."""
    entities = Entities(hass, appliance)
    device = appliance.name
    match command.intent:
        case Intent.TURN_ON | Intent.TURN_OFF:
            return await _power(hass, entities, command.intent is Intent.TURN_ON, language, context)
        case Intent.START | Intent.RESUME:
            key = "started" if command.intent is Intent.START else "resumed"
            if vacuum := entities.one("vacuum"):
                await _call(hass, "vacuum", "start", vacuum, context, language, device)
                return say(language, key, device=device)
            if button := _run_button(entities, "START"):
                await _call(hass, "button", "press", button, context, language, device)
                return say(language, key, device=device)
            return await _power(hass, entities, True, language, context)
        case Intent.PAUSE | Intent.STOP:
            key = "paused" if command.intent is Intent.PAUSE else "stopped"
            if vacuum := entities.one("vacuum"):
                # A robot that cannot "stop" (LG's) stops where it is by pausing.
                stops = _supports(hass, vacuum, VacuumEntityFeature.STOP)
                service = "stop" if command.intent is Intent.STOP and stops else "pause"
                await _call(hass, "vacuum", service, vacuum, context, language, device)
                return say(language, key, device=device)
            if button := _run_button(entities, "STOP"):
                await _call(hass, "button", "press", button, context, language, device)
                return say(language, key, device=device)
            return await _power(hass, entities, False, language, context)
        case Intent.RETURN_TO_BASE:
            if vacuum := entities.one("vacuum"):
                await _call(hass, "vacuum", "return_to_base", vacuum, context, language, device)
                return say(language, "returning", device=device)
        case Intent.SET_TEMPERATURE:
            return await _set_temperature(hass, entities, command, language, context)
        case Intent.SET_MODE if isinstance(command.value, Mode):
            return await _set_mode(hass, entities, command.value, language, context)
        case Intent.SET_FAN_SPEED:
            return await _set_fan_speed(hass, entities, command, language, context)
        case Intent.SET_HUMIDITY if entities.one("humidifier"):
            return await _set_humidity(hass, entities, command, language, context)
        case Intent.EXPRESS_FREEZE:
            if switch := entities.thinq("switch", "refrigeration", "expressMode"):
                on = command.value is not False
                await _call(
                    hass, "switch", "turn_on" if on else "turn_off", switch, context, language, device
                )
                return say(language, "express_on" if on else "express_off", device=device)
        case Intent.OPEN_DOOR | Intent.CLOSE_DOOR:
            return _door_cannot_move(hass, entities, language)
        case intent if intent in _TV_INTENTS and (player := entities.one("media_player")):
            return await _tv(hass, player, device, command, language, context)
    raise ActionError(say(language, "unsupported", device=device))


async def async_answer(
    hass: HomeAssistant, appliances: list[TargetAppliance], question: Question, language: str
) -> str:
    """Answer a question about one appliance, or about all of them for "what is running?"."""
    if question.intent is QuestionIntent.WHAT_IS_RUNNING:
        running = [
            appliance.name
            if _is_running(hass, Entities(hass, appliance))
            else say(language, "running_offline_item", device=appliance.name)
            for appliance in appliances
            if _is_running(hass, Entities(hass, appliance)) or _was_running_offline(hass, appliance)
        ]
        if not running:
            return say(language, "nothing_running")
        return say(language, "running_list", devices=", ".join(running))
    appliance = appliances[0]
    entities = Entities(hass, appliance)
    if question.intent is QuestionIntent.CAPABILITIES:
        examples = ", ".join(_examples(hass, entities, language))
        return say(language, "capabilities", device=appliance.name, examples=examples)
    answer = await _answer_state(hass, entities, question, language)
    # LG is polled every few minutes: an answer read from an old state says how old it is.
    updated_at = thinq_updated_at(hass, appliance)
    age = dt_util.utcnow() - updated_at if updated_at else timedelta(0)
    if age < STALE_AFTER:
        return answer
    return speech(language).as_of(say(language, "as_of", age=duration_words(age, language)), answer)


async def _answer_state(hass: HomeAssistant, entities: Entities, question: Question, language: str) -> str:
    """Answer a question from the state Home Assistant holds for the appliance."""
    device = entities.appliance.name
    entity_id = _question_entity(entities, question)
    state = hass.states.get(entity_id) if entity_id else None
    if (
        question.intent in (QuestionIntent.STATE, QuestionIntent.REMAINING_TIME)
        and (state is None or state.state in _NO_READING)
        and _was_running_offline(hass, entities.appliance)
    ):
        # Not "not running": it was, the last time LG heard from it.
        return say(language, "offline_last_running", device=device)
    if state is None or (state.state in _NO_READING and question.intent is not QuestionIntent.REMAINING_TIME):
        return say(language, "unavailable", device=device)
    match question.intent:
        case QuestionIntent.REMAINING_TIME:
            return _remaining(hass, entities, state, language, thinq_updated_at(hass, entities.appliance))
        case QuestionIntent.CURRENT_TEMPERATURE | QuestionIntent.TARGET_TEMPERATURE:
            value = _temperature_value(state, question.intent)
            if value is None:
                return say(language, "unavailable", device=device)
            key = (
                "current_temperature"
                if question.intent is QuestionIntent.CURRENT_TEMPERATURE
                else "target_temperature"
            )
            return say(
                language,
                key,
                device=_with_location(
                    device, question.target.location if question.target else None, language
                ),
                temperature=_degrees(hass, value, language),
            )
        case QuestionIntent.CURRENT_HUMIDITY:
            humidity = state.attributes.get("current_humidity", state.state)
            return say(language, "current_humidity", device=device, humidity=f"{number_words(humidity)}%")
        case QuestionIntent.DOOR:
            return say(language, "door_state", device=device, door=_door_words(state, language))
        case QuestionIntent.AIR_QUALITY:
            return say(
                language, "air_quality", device=device, readings=_air_quality(hass, entities, language)
            )
        case QuestionIntent.BATTERY | QuestionIntent.MODE | QuestionIntent.FILTER:
            return reading_answer(hass, entities.appliance, state, question.intent, language)
        case _:
            # STATE, and "what is running?" asked about one appliance.
            return say(language, "state", device=device, state=await _state_words(hass, state, language))


async def _power(hass: HomeAssistant, entities: Entities, on: bool, language: str, context: Context) -> str:
    """Turn an appliance on or off with whatever entity it has for power."""
    device = entities.appliance.name
    service = "turn_on" if on else "turn_off"
    answer = say(language, "turned_on" if on else "turned_off", device=device)
    if entity_id := _power_entity(entities):
        state = hass.states.get(entity_id)
        # "Already on" only from the appliance's own report: not while a control is on its way.
        if (
            state is not None
            and state.state not in _NO_READING
            and (state.state != STATE_OFF) == on
            and not control_in_flight(hass, entities.appliance)
        ):
            return say(language, "already_on" if on else "already_off", device=device)
        await _call(hass, entity_id.split(".", 1)[0], service, entity_id, context, language, device)
        return answer
    if vacuum := entities.one("vacuum"):
        await _call(hass, "vacuum", "start" if on else "return_to_base", vacuum, context, language, device)
        return answer
    if button := _run_button(entities, "POWER_ON" if on else "POWER_OFF"):
        await _call(hass, "button", "press", button, context, language, device)
        return answer
    if not on and (button := _run_button(entities, "STOP")):
        await _call(hass, "button", "press", button, context, language, device)
        return say(language, "stopped", device=device)
    if on and (button := _run_button(entities, "START")):
        await _call(hass, "button", "press", button, context, language, device)
        return say(language, "started", device=device)
    switches = entities.appliance.entities("switch")
    if entities.appliance.thinq_device_id is None and len(switches) == 1:
        # A plug or relay of another integration: its one switch is its power. A ThinQ appliance's
        # switches are settings (express freeze, power save): never its power.
        await _call(hass, "switch", service, switches[0], context, language, device)
        return answer
    raise ActionError(say(language, "power_not_remote", device=device))


async def _tv(
    hass: HomeAssistant, player: str, device: str, command: Command, language: str, context: Context
) -> str:
    """Carry out a TV command through the media player's services."""
    amount = command.value.amount if isinstance(command.value, Quantity) else None
    match command.intent:
        case Intent.SET_VOLUME if command.direction is not None and amount is None:
            up = command.direction is Direction.UP
            await _call(
                hass, "media_player", "volume_up" if up else "volume_down", player, context, language, device
            )
            return say(language, "volume_up" if up else "volume_down", device=device)
        case Intent.SET_VOLUME if amount is not None:
            volume = amount
            if command.delta is not None:
                # "볼륨 5 올려줘": a step from the volume the TV reports.
                state = hass.states.get(player)
                current = state.attributes.get("volume_level") if state else None
                if current is None:
                    raise ActionError(say(language, "unavailable", device=device), UNAVAILABLE)
                volume = round(float(current) * 100) + command.delta
            if not 0 <= volume <= 100:
                raise ActionError(
                    say(
                        language,
                        "out_of_range",
                        device=device,
                        temperature=number_words(volume),
                        minimum="0",
                        maximum="100",
                    )
                )
            await _call(
                hass,
                "media_player",
                "volume_set",
                player,
                context,
                language,
                device,
                volume_level=volume / 100,
            )
            return say(language, "volume_set", device=device, volume=number_words(volume))
        case Intent.MUTE:
            muted = command.value is not False
            await _call(
                hass, "media_player", "volume_mute", player, context, language, device, is_volume_muted=muted
            )
            return say(language, "muted" if muted else "unmuted", device=device)
        case Intent.LAUNCH_APP if isinstance(command.value, App):
            app = command.value
            spoken = speech(language).app(app)
            state = hass.states.get(player)
            sources = state.attributes.get("source_list") or [] if state else []
            source = next(
                (name for name in sources if any(key in name_key(str(name)) for key in _APP_KEYS[app])), None
            )
            if source is None:
                raise ActionError(say(language, "app_missing", device=device, app=spoken))
            await _call(
                hass, "media_player", "select_source", player, context, language, device, source=source
            )
            return say(language, "app_launched", device=device, app=spoken)
        case Intent.SET_CHANNEL if amount is not None and command.direction is None:
            channel = number_words(amount)
            await _call(
                hass,
                "media_player",
                "play_media",
                player,
                context,
                language,
                device,
                media_content_type="channel",
                media_content_id=channel,
            )
            return say(language, "channel_set", device=device, channel=channel)
        case Intent.SET_CHANNEL:
            up = command.direction is not Direction.DOWN
            service = "media_next_track" if up else "media_previous_track"
            await _call(hass, "media_player", service, player, context, language, device)
            return say(language, "channel_up" if up else "channel_down", device=device)
    raise ActionError(say(language, "unsupported", device=device))


async def async_set_device_timer(
    hass: HomeAssistant,
    appliance: TargetAppliance,
    command: Command,
    due: datetime,
    language: str,
    context: Context,
) -> str | None:
    """Put a command for later on the appliance's own timer; None when it has none for it.

    Washers, dryers and the like take a delayed start in whole hours: a delay is rounded up, so
    nothing starts early, and a clock time to the nearest hour; the answer says when it starts.
    An air conditioner's on/off timer is used for whole hours only; other delays are kept by
    ThinQ Voice instead (see `schedule`), which is exact to the minute.
    """
    entities = Entities(hass, appliance)
    device = appliance.name
    ahead = due - dt_util.utcnow()
    hours_exact = ahead.total_seconds() / 3600
    if command.intent is Intent.START and entities.one("climate") is None:
        number = entities.thinq("number", "timer", "relativeHourToStart")
        if number is None:
            return None
        rounded = math.ceil(hours_exact - 1 / 60) if command.at is None else round(hours_exact)
        return await _set_timer_hours(
            hass, number, max(1, rounded), "started_delayed", device, language, context
        )
    if command.intent in (Intent.TURN_ON, Intent.TURN_OFF) and entities.one("climate") is not None:
        hours = round(hours_exact)
        if hours < 1 or abs(hours_exact - hours) > 1 / 60:
            return None
        which = "relativeHourToStart" if command.intent is Intent.TURN_ON else "relativeHourToStop"
        number = entities.thinq("number", "timer", which)
        if number is None:
            return None
        key = "timer_on_set" if command.intent is Intent.TURN_ON else "timer_off_set"
        return await _set_timer_hours(hass, number, hours, key, device, language, context)
    return None


async def _set_timer_hours(
    hass: HomeAssistant, number: str, hours: int, answer: str, device: str, language: str, context: Context
) -> str:
    """Set an appliance's hour timer, within its range; say when it goes off."""
    await _check_range(hass, number, hours, "min", "max", device, language, "h")
    await _call(hass, "number", "set_value", number, context, language, device, value=hours)
    return say(
        language,
        answer,
        device=device,
        delay=duration_words(timedelta(hours=hours), language),
        clock=clock_words(dt_util.utcnow() + timedelta(hours=hours), language),
    )


@dataclass(frozen=True, slots=True)
class DeviceTimer:
    """A timer running on the appliance itself: a delayed start or an on/off timer."""

    intent: Intent
    due: datetime


def device_timers(hass: HomeAssistant, appliance: TargetAppliance) -> list[DeviceTimer]:
    """Return the timers the appliance reports, from its delayed start/stop sensors."""
    entities = Entities(hass, appliance)
    climate = entities.one("climate") is not None
    read_at = thinq_updated_at(hass, appliance) or dt_util.utcnow()
    timers: list[DeviceTimer] = []
    for key, intent in (
        ("timer_delayed_start", Intent.TURN_ON if climate else Intent.START),
        ("timer_delayed_stop", Intent.TURN_OFF if climate else Intent.START),
    ):
        sensor = entities.thinq("sensor", key)
        state = hass.states.get(sensor) if sensor else None
        try:
            minutes = float(state.state) if state else 0.0
        except ValueError:
            continue
        if minutes > 0:
            timers.append(DeviceTimer(intent, read_at + timedelta(minutes=minutes)))
    return timers


async def async_cancel_device_timers(
    hass: HomeAssistant, appliance: TargetAppliance, language: str, context: Context
) -> bool:
    """Cancel the timers on the appliance; return whether there were any.

    An air conditioner's timers are unset through their `relative*Timer` switch (LG only
    accepts UNSET there); a reserved laundry run is cancelled by its stop command, as on the
    appliance's own panel.
    """
    timers = device_timers(hass, appliance)
    if not timers:
        return False
    entities = Entities(hass, appliance)
    device = appliance.name
    if entities.one("climate") is not None:
        for timer in timers:
            which = "relativeStartTimer" if timer.intent is Intent.TURN_ON else "relativeStopTimer"
            await _call_service(
                hass,
                DOMAIN,
                "set_property",
                {"device_id": appliance.device_id, "resource": "timer", "property": which, "value": "UNSET"},
                context,
                language,
                device,
            )
        return True
    button = _run_button(entities, "STOP")
    if button is None:
        raise ActionError(say(language, "unsupported", device=device))
    await _call(hass, "button", "press", button, context, language, device)
    return True


def undo_command(hass: HomeAssistant, appliance: TargetAppliance, command: Command) -> Command | None:
    """Return what puts the appliance back as it is now, before `command` runs; None if nothing.

    Covers what a correction ("아니, 거실 거") can take back safely: power, a temperature, an
    air conditioner's mode and a fan speed.
    A command that changes nothing (already on) needs no undo.
    """
    entities = Entities(hass, appliance)
    power_entity = _power_entity(entities)
    power = hass.states.get(power_entity) if power_entity else None
    was_on = None if power is None or power.state in _NO_READING else power.state != STATE_OFF
    match command.intent:
        case Intent.TURN_ON | Intent.TURN_OFF if was_on is not None:
            if was_on == (command.intent is Intent.TURN_ON):
                return None
            return Command(Intent.TURN_ON if was_on else Intent.TURN_OFF)
        case Intent.SET_TEMPERATURE:
            if was_on is False:
                return Command(Intent.TURN_OFF)  # the request switched it on: off it goes again
            entity_id = _temperature_entity(entities, command)
            state = hass.states.get(entity_id) if entity_id else None
            current = _temperature_value(state, QuestionIntent.TARGET_TEMPERATURE) if state else None
            if current is None:
                return None
            return Command(Intent.SET_TEMPERATURE, command.target, Quantity(current, Unit.DEGREES))
        case Intent.SET_MODE | Intent.SET_FAN_SPEED if was_on is False:
            return Command(Intent.TURN_OFF)  # the request switched it on: off it goes again
        case Intent.SET_MODE if power is not None and power.domain == "climate":
            mode = next((mode for mode, hvac in _HVAC_MODES.items() if hvac == power.state), None)
            return Command(Intent.SET_MODE, value=mode) if mode is not None else None
        case Intent.SET_FAN_SPEED:
            _, speed = _fan_steps(hass, entities)
            return Command(Intent.SET_FAN_SPEED, value=speed) if speed is not None else None
    return None


def _temperature_entity(entities: Entities, part: Command | Question) -> str | None:
    """Return the entity holding the target temperature a part is about."""
    location = part.target.location if part.target else None
    if location is None and entities.appliance.device_type is DeviceType.REFRIGERATOR:
        location = Location.FRIDGE
    if location is not None:
        return entities.thinq("number", "temperature", "targetTemperature", location=location.value)
    return (
        entities.one("climate")
        or entities.one("water_heater")
        or entities.thinq("number", "temperature", "targetTemperature")
    )


async def _set_temperature(
    hass: HomeAssistant, entities: Entities, command: Command, language: str, context: Context
) -> str:
    """Set a target temperature, absolute or relative, after checking the allowed range."""
    device = entities.appliance.name
    entity_id = _temperature_entity(entities, command)
    if entity_id is None:
        raise ActionError(say(language, "unsupported", device=device))
    state = hass.states.get(entity_id)
    if state is None or state.state in _NO_READING:
        raise ActionError(say(language, "unavailable", device=device), UNAVAILABLE)
    domain = entity_id.split(".", 1)[0]
    current = _temperature_value(state, QuestionIntent.TARGET_TEMPERATURE)
    if command.relative:
        step = float(state.attributes.get("target_temp_step") or state.attributes.get("step") or 1)
        delta = (
            command.delta
            if command.delta is not None
            else (step if command.direction and command.direction.value == "up" else -step)
        )
        if current is None:
            raise ActionError(say(language, "unavailable", device=device), UNAVAILABLE)
        target = current + delta
    elif isinstance(command.value, Quantity):
        target = command.value.amount
    else:
        raise ActionError(say(language, "unsupported", device=device))
    label = _with_location(device, command.target.location if command.target else None, language)
    if domain == "number":
        await _check_range(hass, entity_id, target, "min", "max", label, language, "°")
        await _call(hass, "number", "set_value", entity_id, context, language, device, value=target)
        return say(language, "temperature_set", device=label, temperature=_degrees(hass, target, language))
    await _check_range(hass, entity_id, target, "min_temp", "max_temp", label, language, "°")
    data: dict[str, Any] = {"temperature": target}
    turned_on = domain == "climate" and state.state == HVACMode.OFF
    if turned_on:
        # Asking an AC that is off for 23 degrees means "cool to 23": HA's set_temperature
        # takes the mode to switch on in, the way a remote's temperature button does.
        modes = state.attributes.get("hvac_modes", ())
        data["hvac_mode"] = next(
            (mode for mode in (HVACMode.COOL, HVACMode.HEAT_COOL, HVACMode.HEAT) if mode in modes), None
        )
        turned_on = data["hvac_mode"] is not None
        if not turned_on:
            del data["hvac_mode"]
    await _call(hass, domain, "set_temperature", entity_id, context, language, device, **data)
    key = "turned_on_temperature_set" if turned_on else "temperature_set"
    return say(language, key, device=label, temperature=_degrees(hass, target, language))


# A relative humidity change without a number moves by LG's step.
_HUMIDITY_STEP = 5


async def _set_humidity(
    hass: HomeAssistant, entities: Entities, command: Command, language: str, context: Context
) -> str:
    """Set the target humidity, absolute or relative to the one Home Assistant shows."""
    device = entities.appliance.name
    humidifier = entities.one("humidifier") or ""
    state = hass.states.get(humidifier)
    if command.direction is not None:
        current = state.attributes.get("humidity") if state else None
        if current is None:
            raise ActionError(say(language, "unavailable", device=device), UNAVAILABLE)
        delta = command.delta
        if delta is None:
            delta = _HUMIDITY_STEP if command.direction is Direction.UP else -_HUMIDITY_STEP
        humidity = round(float(current) + delta)
    elif isinstance(command.value, Quantity):
        humidity = round(command.value.amount)
    else:
        raise ActionError(say(language, "unsupported", device=device))
    await _check_range(hass, humidifier, humidity, "min_humidity", "max_humidity", device, language, "%")
    await _call(hass, "humidifier", "set_humidity", humidifier, context, language, device, humidity=humidity)
    return say(language, "humidity_set", device=device, humidity=f"{humidity}%")


type _ServiceCall = tuple[str, str, str, dict[str, Any]]
"""domain, service, entity id and data of the call that makes a setting."""


def _mode_target(hass: HomeAssistant, entities: Entities, mode: Mode) -> _ServiceCall | None:
    """Return the call that switches to a mode: HVAC mode, preset, humidifier mode or mode select."""
    if (climate := entities.one("climate")) and (state := hass.states.get(climate)):
        if mode in _HVAC_MODES and _HVAC_MODES[mode] in state.attributes.get("hvac_modes", ()):
            return "climate", "set_hvac_mode", climate, {"hvac_mode": _HVAC_MODES[mode]}
        if preset := _pick(state.attributes.get("preset_modes") or (), _MODE_NAMES[mode]):
            return "climate", "set_preset_mode", climate, {"preset_mode": preset}
    for domain, attribute, service, field in (
        ("fan", "preset_modes", "set_preset_mode", "preset_mode"),
        ("humidifier", "available_modes", "set_mode", "mode"),
        ("select", "options", "select_option", "option"),
    ):
        for entity_id in entities.appliance.entities(domain):
            state = hass.states.get(entity_id)
            if state and (choice := _pick(state.attributes.get(attribute) or (), _MODE_NAMES[mode])):
                return domain, service, entity_id, {field: choice}
    return None


async def _set_mode(
    hass: HomeAssistant, entities: Entities, mode: Mode, language: str, context: Context
) -> str:
    """Switch the operating mode."""
    device = entities.appliance.name
    call = _mode_target(hass, entities, mode)
    if call is None:
        # "제습기 저소음 모드로": say which of the modes we know the appliance has.
        offered = [_mode_words(other, language) for other in Mode if _mode_target(hass, entities, other)]
        if not offered:
            raise ActionError(say(language, "unsupported", device=device))
        raise ActionError(
            say(
                language,
                "mode_missing",
                device=device,
                mode=_mode_words(mode, language),
                modes=", ".join(offered),
            )
        )
    domain, service, entity_id, data = call
    await _call(hass, domain, service, entity_id, context, language, device, **data)
    return say(language, "mode_set", device=device, mode=_mode_words(mode, language))


def _mode_words(mode: Mode, language: str) -> str:
    return speech(language).mode(mode)


# Where a fan speed lives, and the attributes holding its choices and its current value.
_FAN_PLACES = (
    ("climate", "fan_modes", "fan_mode", "set_fan_mode", "fan_mode"),
    ("fan", "preset_modes", "preset_mode", "set_preset_mode", "preset_mode"),
    ("select", "options", None, "select_option", "option"),
)
# Fan speeds in order, for "바람 한 단계 올려줘".
_FAN_STEPS = (FanSpeed.LOW, FanSpeed.MID, FanSpeed.HIGH)


def _fan_target(hass: HomeAssistant, entities: Entities, speed: FanSpeed) -> _ServiceCall | None:
    """Return the call that sets a fan speed on an air conditioner, a fan or a fan-speed select."""
    for domain, attribute, _, service, field in _FAN_PLACES:
        for entity_id in entities.appliance.entities(domain):
            state = hass.states.get(entity_id)
            if state and (choice := _pick(state.attributes.get(attribute) or (), _FAN_NAMES[speed])):
                return domain, service, entity_id, {field: choice}
    return None


def _fan_steps(hass: HomeAssistant, entities: Entities) -> tuple[list[FanSpeed], FanSpeed | None]:
    """Return the stepped fan speeds an appliance offers, slowest first, and the one it runs at."""
    for domain, attribute, current, _, _ in _FAN_PLACES:
        for entity_id in entities.appliance.entities(domain):
            state = hass.states.get(entity_id)
            options = state.attributes.get(attribute) if state else None
            if state is None or not options:
                continue
            steps = [speed for speed in _FAN_STEPS if _pick(options, _FAN_NAMES[speed])]
            value = str(state.attributes.get(current) if current else state.state).lower()
            now = next((speed for speed in steps if value in _FAN_NAMES[speed]), None)
            if steps:
                return steps, now
    return [], None


async def _set_fan_speed(
    hass: HomeAssistant, entities: Entities, command: Command, language: str, context: Context
) -> str:
    """Set the fan speed, or move it one step from the current one ("바람 한 단계 올려줘")."""
    device = entities.appliance.name
    speed = command.value if isinstance(command.value, FanSpeed) else None
    if command.direction is not None:
        steps, current = _fan_steps(hass, entities)
        if current is None and (fan := entities.one("fan")):
            return await _step_fan_percentage(hass, fan, device, command.direction, language, context)
        if current is None:
            raise ActionError(say(language, "unsupported", device=device))
        index = steps.index(current) + (1 if command.direction is Direction.UP else -1)
        if not 0 <= index < len(steps):
            key = "fan_speed_highest" if index > 0 else "fan_speed_lowest"
            raise ActionError(say(language, key, device=device, speed=_fan_words(current, language)))
        speed = steps[index]
    call = _fan_target(hass, entities, speed) if speed is not None else None
    if speed is None or call is None:
        offered = [_fan_words(other, language) for other in FanSpeed if _fan_target(hass, entities, other)]
        if speed is None or not offered:
            raise ActionError(say(language, "unsupported", device=device))
        raise ActionError(
            say(
                language,
                "fan_speed_missing",
                device=device,
                speed=_fan_words(speed, language),
                speeds=", ".join(offered),
            )
        )
    domain, service, entity_id, data = call
    await _call(hass, domain, service, entity_id, context, language, device, **data)
    return say(language, "fan_speed_set", device=device, speed=_fan_words(speed, language))


async def _step_fan_percentage(
    hass: HomeAssistant, fan: str, device: str, direction: Direction, language: str, context: Context
) -> str:
    """Move a fan that has ordered speeds (an air purifier) one speed up or down."""
    state = hass.states.get(fan)
    percentage = state.attributes.get("percentage") if state else None
    step = state.attributes.get("percentage_step") if state else None
    if percentage is None or not step:
        raise ActionError(say(language, "unsupported", device=device))
    count = round(100 / float(step))
    index = max(1, round(float(percentage) / float(step)))
    target = index + (1 if direction is Direction.UP else -1)

    def speed_words(position: int) -> str:
        return speech(language).speed_step(position, count)

    if not 1 <= target <= count:
        key = "fan_speed_highest" if target > count else "fan_speed_lowest"
        raise ActionError(say(language, key, device=device, speed=speed_words(index)))
    await _call(
        hass, "fan", "set_percentage", fan, context, language, device, percentage=target * 100 // count
    )
    return say(language, "fan_speed_set", device=device, speed=speed_words(target))


def _fan_words(speed: FanSpeed, language: str) -> str:
    return speech(language).fan_speed(speed)


def _pick(options: Iterable[Any], wanted: tuple[str, ...]) -> str | None:
    """Return the first option whose lower-case name is one of `wanted`, in their order."""
    by_name = {str(option).lower(): str(option) for option in options}
    return next((by_name[name] for name in wanted if name in by_name), None)


async def _check_range(
    hass: HomeAssistant,
    entity_id: str,
    value: float,
    low_attr: str,
    high_attr: str,
    device: str,
    language: str,
    unit: str,
) -> None:
    """Refuse, with the allowed range, a value outside what the entity accepts."""
    state = hass.states.get(entity_id)
    if state is None:
        return
    low, high = state.attributes.get(low_attr), state.attributes.get(high_attr)
    if low is None or high is None or float(low) <= value <= float(high):
        return
    if unit == "°":
        shown = {
            name: _degrees(hass, number, language)
            for name, number in (("temperature", value), ("minimum", float(low)), ("maximum", float(high)))
        }
    else:
        shown = {
            name: f"{number_words(number)}{unit}"
            for name, number in (("temperature", value), ("minimum", low), ("maximum", high))
        }
    raise ActionError(say(language, "out_of_range", device=device, **shown))


async def _call(
    hass: HomeAssistant,
    domain: str,
    service: str,
    entity_id: str,
    context: Context,
    language: str,
    device: str,
    **data: Any,
) -> None:
    """Call a service on an entity; a refusal becomes an ActionError carrying the translated reason."""
    await _call_service(hass, domain, service, {ATTR_ENTITY_ID: entity_id, **data}, context, language, device)


async def _call_service(
    hass: HomeAssistant,
    domain: str,
    service: str,
    data: dict[str, Any],
    context: Context,
    language: str,
    device: str,
) -> None:
    """Call a service; a refusal becomes an ActionError carrying the translated reason.

    Home Assistant skips an unavailable entity without an error: that is told, not taken for done.
    """
    entity_id = data.get(ATTR_ENTITY_ID)
    state = hass.states.get(entity_id) if isinstance(entity_id, str) else None
    if isinstance(entity_id, str) and state is not None and state.state == STATE_UNAVAILABLE:
        # Why: a rejected token or LG's outage is not the appliance's power or Wi-Fi.
        if cause := unavailable_error(hass, entity_id):
            raise ActionError(await _reason(hass, cause, language) or str(cause), cause.translation_key)
        raise ActionError(say(language, "offline", device=device), UNAVAILABLE)
    try:
        await hass.services.async_call(domain, service, data, blocking=True, context=context)
    except ServiceValidationError as err:
        raise ActionError(
            await _reason(hass, err, language) or say(language, "unsupported", device=device), _cause(err)
        ) from err
    except HomeAssistantError as err:
        raise ActionError(await _reason(hass, err, language) or str(err), _cause(err)) from err


def _cause(err: HomeAssistantError) -> str | None:
    """Return the kind of a failure ThinQ Voice raised (its translation key), else None."""
    return err.translation_key if err.translation_domain == DOMAIN else None


async def _reason(hass: HomeAssistant, err: HomeAssistantError, language: str) -> str | None:
    """Return a translated exception message in the conversation's language."""
    if err.translation_domain is None or err.translation_key is None:
        return None
    translations = await async_get_translations(hass, language, "exceptions", [err.translation_domain])
    template = translations.get(
        f"component.{err.translation_domain}.exceptions.{err.translation_key}.message"
    )
    if template is None:
        return None
    placeholders = err.translation_placeholders or {}
    try:
        return template.format(**placeholders)
    except KeyError:
        return template


def _question_entity(entities: Entities, question: Question) -> str | None:
    """Return the entity that answers a question about this appliance."""
    location = question.target.location.value if question.target and question.target.location else None
    match question.intent:
        case QuestionIntent.STATE | QuestionIntent.WHAT_IS_RUNNING:
            return (
                entities.thinq("sensor", "runState", "currentState", location=location)
                or entities.one("vacuum")
                or entities.one("climate")
                or entities.one("fan")
                or entities.one("humidifier")
                or entities.one("media_player")
            )
        case QuestionIntent.REMAINING_TIME:
            return entities.thinq("sensor", "remaining_time", location=location) or _suffix_entity(
                entities, "sensor", "remaining_time"
            )
        case QuestionIntent.CURRENT_TEMPERATURE:
            return (
                entities.one("climate")
                or entities.thinq("sensor", "temperature", "currentTemperature")
                or _device_class(entities, "sensor", "temperature")
            )
        case QuestionIntent.TARGET_TEMPERATURE:
            return _temperature_entity(entities, question)
        case QuestionIntent.CURRENT_HUMIDITY:
            return entities.one("humidifier") or _device_class(entities, "sensor", "humidity")
        case QuestionIntent.DOOR:
            return _door_entity(entities)
        case QuestionIntent.AIR_QUALITY:
            return _device_class(entities, "sensor", "pm25") or _device_class(entities, "sensor", "pm10")
        case QuestionIntent.CAPABILITIES | QuestionIntent.SCHEDULES:
            # Any appliance can be asked what it can do, and can have something scheduled.
            return entities.appliance.entity_ids[0] if entities.appliance.entity_ids else None
        case QuestionIntent.BATTERY | QuestionIntent.MODE | QuestionIntent.FILTER:
            return reading_entity(entities.hass, entities.appliance, question.intent)


def _examples(hass: HomeAssistant, entities: Entities, language: str) -> list[str]:
    """Return what can be said to an appliance, from the entities it has: "켜줘", "23도로 맞춰줘"."""
    found: list[str] = []
    thinq = entities.thinq
    if _power_entity(entities) or thinq("button", "operation", suffix="POWER_ON") or entities.one("switch"):
        found.append("example_power")
    if entities.one("vacuum") or thinq("button", "operation", suffix="START"):
        found.append("example_start")
    if "example_start" in found:
        found.append("example_start_later")
    elif "example_power" in found:
        found.append("example_off_later")
    if entities.one("vacuum") or thinq("button", "operation", suffix="STOP"):
        found.append("example_stop")
    if entities.one("vacuum"):
        found.append("example_return")
    dummy = Command(Intent.SET_TEMPERATURE)
    if _temperature_entity(entities, dummy):
        found.append("example_temperature")
    if any(_mode_target(hass, entities, mode) for mode in Mode):
        found.append("example_mode")
    if any(_fan_target(hass, entities, speed) for speed in FanSpeed):
        found.append("example_fan")
    if entities.one("humidifier"):
        found.append("example_humidity")
    if thinq("switch", "refrigeration", "expressMode"):
        found.append("example_express")
    if entities.one("media_player"):
        found.extend(("example_volume", "example_app", "example_channel"))
    for intent, key in (
        (QuestionIntent.REMAINING_TIME, "example_remaining"),
        (QuestionIntent.STATE, "example_state"),
        (QuestionIntent.CURRENT_TEMPERATURE, "example_current_temperature"),
        (QuestionIntent.CURRENT_HUMIDITY, "example_current_humidity"),
        (QuestionIntent.DOOR, "example_door"),
        (QuestionIntent.AIR_QUALITY, "example_air"),
    ):
        if _question_entity(entities, Question(intent)):
            found.append(key)
    found.append("example_schedules")
    return [say(language, key) for key in found]


def _suffix_entity(entities: Entities, domain: str, key: str) -> str | None:
    """Return a ThinQ entity whose translation key starts with `key` (e.g. remaining_time_main)."""
    for entry in entities.entries():
        if (
            entry.platform == DOMAIN
            and entry.domain == domain
            and (entry.translation_key or "").startswith(key)
        ):
            return entry.entity_id
    return None


def _device_class(entities: Entities, domain: str, device_class: str) -> str | None:
    """Return an exposed entity of a domain with a device class."""
    for entity_id in entities.appliance.entities(domain):
        state = entities.hass.states.get(entity_id)
        if state and state.attributes.get("device_class") == device_class:
            return entity_id
    return None


def _door_entity(entities: Entities) -> str | None:
    """Return the appliance's door sensor."""
    return _device_class(entities, "binary_sensor", "door")


def _door_words(state: State, language: str) -> str:
    """Say whether a door is open."""
    return speech(language).door(state.state == STATE_ON)


def _door_cannot_move(hass: HomeAssistant, entities: Entities, language: str) -> str:
    """Explain that doors do not move remotely, and tell whether the door is open now."""
    device = entities.appliance.name
    door = _door_entity(entities)
    state = hass.states.get(door) if door else None
    if state is None or state.state in _NO_READING:
        return say(language, "door_cannot_open_unknown", device=device)
    return say(language, "door_cannot_open", device=device, door=_door_words(state, language))


def _temperature_value(state: State, intent: QuestionIntent) -> float | None:
    """Read a current or target temperature from a climate, water heater, number or sensor state."""
    if state.domain in ("climate", "water_heater"):
        key = "current_temperature" if intent is QuestionIntent.CURRENT_TEMPERATURE else "temperature"
        value = state.attributes.get(key)
    else:
        value = state.state
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _degrees(hass: HomeAssistant, value: float, language: str) -> str:
    """Write a temperature the way it is said: "23도" in Korean, "23°C" in English."""
    return speech(language).degrees(value, hass.config.units.temperature_unit)


def _with_location(device: str, location: Location | None, language: str) -> str:
    """Name a part of an appliance: "냉장고 냉동실", "Refrigerator freezer"."""
    return speech(language).with_location(device, location)


async def _state_words(hass: HomeAssistant, state: State, language: str) -> str:
    """Return an entity state as words in the conversation's language, with its ending."""
    if state.state in (STATE_ON, STATE_OFF):
        return speech(language).switched(state.state == STATE_ON)
    text = state.state
    registry = er.async_get(hass)
    entry = registry.async_get(state.entity_id)
    if entry and entry.platform == DOMAIN and entry.translation_key:
        translations = await async_get_translations(hass, language, "entity", [DOMAIN])
        text = translations.get(
            f"component.{DOMAIN}.entity.{state.domain}.{entry.translation_key}.state.{state.state}", text
        )
    if text == state.state:
        # Climate, vacuum and media-player states are named by Home Assistant ("cool" → "냉방").
        translations = await async_get_translations(hass, language, "entity_component", [state.domain])
        text = translations.get(f"component.{state.domain}.entity_component._.state.{state.state}", text)
    return speech(language).state(text)


def _remaining(
    hass: HomeAssistant, entities: Entities, state: State, language: str, read_at: datetime | None
) -> str:
    """Say how long a run had left when the state was read, and when it ends."""
    device = entities.appliance.name
    # An idle appliance keeps the last program's time on its display: that is not time left.
    if _is_running(hass, entities) is False:
        return say(language, "not_running", device=device)
    try:
        minutes = float(state.state)
    except ValueError:
        return say(language, "not_running", device=device)
    unit = state.attributes.get("unit_of_measurement", "min")
    remaining = (
        timedelta(hours=minutes)
        if unit == "h"
        else timedelta(seconds=minutes)
        if unit == "s"
        else timedelta(minutes=minutes)
    )
    if remaining <= timedelta(0):
        return say(language, "not_running", device=device)
    ends = (read_at or dt_util.utcnow()) + remaining
    return say(
        language,
        "remaining",
        device=device,
        remaining=duration_words(remaining, language),
        clock=clock_words(ends, language),
    )


def _air_quality(hass: HomeAssistant, entities: Entities, language: str) -> str:
    """Read the appliance's particulate sensors."""
    readings = []
    for device_class, name in speech(language).particulates.items():
        entity_id = _device_class(entities, "sensor", device_class)
        state = hass.states.get(entity_id) if entity_id else None
        if state and state.state not in _NO_READING:
            readings.append(f"{name} {number_words(state.state)}㎍/㎥")
    return ", ".join(readings)


def _was_running_offline(hass: HomeAssistant, appliance: TargetAppliance) -> bool:
    """Return whether an appliance that is offline now was running when LG last heard from it."""
    run_state = offline_run_state(hass, appliance.thinq_device_id) if appliance.thinq_device_id else None
    return run_state is not None and run_state.lower() not in _IDLE_RUN_STATES


def _is_running(hass: HomeAssistant, entities: Entities) -> bool | None:
    """Return whether the appliance is working now, or None when nothing tells."""
    run_state = entities.thinq("sensor", "runState", "currentState")
    if run_state and (state := hass.states.get(run_state)) and state.state not in _NO_READING:
        return state.state not in _IDLE_RUN_STATES
    for domain, running in (
        ("vacuum", {"cleaning"}),
        ("climate", None),
        ("fan", {STATE_ON}),
        ("humidifier", {STATE_ON}),
    ):
        entity_id = entities.one(domain)
        if entity_id and (state := hass.states.get(entity_id)) and state.state not in _NO_READING:
            return state.state != HVACMode.OFF if running is None else state.state in running
    return None
