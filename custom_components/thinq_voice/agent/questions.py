"""Answers to questions about appliances, from the states Home Assistant holds for them.

"세탁기 얼마나 남았어?", "what's the living room temperature?", "지금 돌아가는 거 뭐 있어?",
"what can the dryer do?": the entity that answers is found by `entities`; an answer read from an
old state says how old it is. Battery, mode and filter readings are in `readings`.
"""

from datetime import datetime, timedelta

from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util

from ..const import DOMAIN
from ..voice.model import Command, FanSpeed, Intent, Mode, Question, QuestionIntent
from .confirmations import offline_run_state
from .entities import IDLE_RUN_STATES, NO_READING, ApplianceEntities, temperature_value
from .readings import async_reading_answer
from .speech import Speech, number_words, speech
from .targets import TargetAppliance, thinq_appliance, thinq_updated_at

# A state read longer ago than this is answered with its age ("5분 전 기준으로").
STALE_AFTER = timedelta(minutes=2)
# What an appliance can be asked, by the question that finds the entity answering it.
_QUESTION_EXAMPLES = (
    (QuestionIntent.REMAINING_TIME, "example_remaining"),
    (QuestionIntent.STATE, "example_state"),
    (QuestionIntent.CURRENT_TEMPERATURE, "example_current_temperature"),
    (QuestionIntent.CURRENT_HUMIDITY, "example_current_humidity"),
    (QuestionIntent.DOOR, "example_door"),
    (QuestionIntent.AIR_QUALITY, "example_air"),
)


async def async_answer(
    hass: HomeAssistant, appliances: list[TargetAppliance], question: Question, language: str
) -> str:
    """Answer a question about one appliance, or about all of them for "what is running?"."""
    words = speech(language)
    if question.intent is QuestionIntent.WHAT_IS_RUNNING:
        running = [
            appliance.name
            if ApplianceEntities(hass, appliance).is_running()
            else words.say("running_offline_item", device=appliance.name)
            for appliance in appliances
            if ApplianceEntities(hass, appliance).is_running() or _was_running_offline(hass, appliance)
        ]
        if not running:
            return words.say("nothing_running")
        return words.say("running_list", devices=", ".join(running))
    appliance = appliances[0]
    entities = ApplianceEntities(hass, appliance)
    if question.intent is QuestionIntent.CAPABILITIES:
        return words.say(
            "capabilities", device=appliance.name, examples=", ".join(_examples(entities, words))
        )
    answer = await _answer_state(entities, question, words)
    # An answer read from an old state says how old it is, and so does one from a state kept from
    # before Home Assistant restarted, however recent: nothing was heard of the appliance since.
    # Other integrations' devices have no read time; an offline appliance's answer says so itself.
    known = thinq_appliance(hass, appliance.thinq_device_id)
    if known is None or not known.online:
        return answer
    age = dt_util.utcnow() - known.updated_at if known.updated_at else timedelta(0)
    if age >= STALE_AFTER:
        return words.as_of(words.say("as_of", age=words.duration(age)), answer)
    if known.restored:
        return words.as_of(words.say("as_of_restart"), answer)
    return answer


async def _answer_state(entities: ApplianceEntities, question: Question, words: Speech) -> str:
    """Answer a question from the state Home Assistant holds for the appliance."""
    hass, appliance = entities.hass, entities.appliance
    device = appliance.name
    state = entities.state(entities.question(question))
    if (
        question.intent in (QuestionIntent.STATE, QuestionIntent.REMAINING_TIME)
        and (state is None or state.state in NO_READING)
        and _was_running_offline(hass, appliance)
    ):
        # Not "not running": it was, the last time LG heard from it.
        return words.say("offline_last_running", device=device)
    if state is None or (state.state in NO_READING and question.intent is not QuestionIntent.REMAINING_TIME):
        return words.say("unavailable", device=device)
    match question.intent:
        case QuestionIntent.REMAINING_TIME:
            return _remaining(entities, state, words, thinq_updated_at(hass, appliance))
        case QuestionIntent.CURRENT_TEMPERATURE | QuestionIntent.TARGET_TEMPERATURE:
            value = temperature_value(state, question.intent)
            if value is None:
                return words.say("unavailable", device=device)
            current = question.intent is QuestionIntent.CURRENT_TEMPERATURE
            return words.say(
                "current_temperature" if current else "target_temperature",
                device=words.with_location(device, question.target.location if question.target else None),
                temperature=words.degrees(value, hass.config.units.temperature_unit),
            )
        case QuestionIntent.CURRENT_HUMIDITY:
            # A humidifier reads it as an attribute, which it leaves out while its sensor has no reading.
            humidity = (
                state.attributes.get("current_humidity") if state.domain == "humidifier" else state.state
            )
            if humidity is None:
                return words.say("unavailable", device=device)
            return words.say("current_humidity", device=device, humidity=f"{number_words(humidity)}%")
        case QuestionIntent.DOOR:
            return words.say("door_state", device=device, door=words.door(state.state == STATE_ON))
        case QuestionIntent.AIR_QUALITY:
            return words.say("air_quality", device=device, readings=_air_quality(entities, words))
        case QuestionIntent.BATTERY | QuestionIntent.MODE | QuestionIntent.FILTER:
            return await async_reading_answer(hass, appliance, state, question.intent, words.code)
        case _:
            # STATE, and "what is running?" asked about one appliance.
            return words.say("state", device=device, state=await _state_words(hass, state, words))


def _examples(entities: ApplianceEntities, words: Speech) -> list[str]:
    """Return what can be said to an appliance, from the entities it has: "켜줘", "23도로 맞춰줘"."""
    found: list[str] = []
    # Any operation button counts here, an air-purifying function's too.
    one, run_button = entities.one, entities.operation_button
    if entities.power() or run_button("POWER_ON") or one("switch"):
        found.append("example_power")
    if one("vacuum") or run_button("START"):
        found.append("example_start")
    if "example_start" in found:
        found.append("example_start_later")
    elif "example_power" in found:
        found.append("example_off_later")
    if one("vacuum") or run_button("STOP"):
        found.append("example_stop")
    if one("vacuum"):
        found.append("example_return")
    if entities.temperature(Command(Intent.SET_TEMPERATURE)):
        found.append("example_temperature")
    if any(entities.mode_call(mode) for mode in Mode):
        found.append("example_mode")
    if any(entities.fan_call(speed) for speed in FanSpeed):
        found.append("example_fan")
    if one("humidifier"):
        found.append("example_humidity")
    if entities.express_freeze():
        found.append("example_express")
    if one("media_player"):
        found.extend(("example_volume", "example_app", "example_channel"))
    found += [key for intent, key in _QUESTION_EXAMPLES if entities.question(Question(intent))]
    found.append("example_schedules")
    return [words.say(key) for key in found]


async def _state_words(hass: HomeAssistant, state: State, words: Speech) -> str:
    """Return an entity state as words in the conversation's language, with its ending."""
    if state.state in (STATE_ON, STATE_OFF):
        return words.switched(state.state == STATE_ON)
    text = state.state
    entry = er.async_get(hass).async_get(state.entity_id)
    if entry and entry.platform == DOMAIN and entry.translation_key:
        translations = await async_get_translations(hass, words.code, "entity", [DOMAIN])
        text = translations.get(
            f"component.{DOMAIN}.entity.{state.domain}.{entry.translation_key}.state.{state.state}", text
        )
    if text == state.state:
        # Climate, vacuum and media-player states are named by Home Assistant ("cool" → "냉방").
        translations = await async_get_translations(hass, words.code, "entity_component", [state.domain])
        text = translations.get(f"component.{state.domain}.entity_component._.state.{state.state}", text)
    return words.state(text)


def _remaining(entities: ApplianceEntities, state: State, words: Speech, read_at: datetime | None) -> str:
    """Say how long a run had left when the state was read, and when it ends."""
    device = entities.appliance.name
    # An idle appliance keeps the last program's time on its display: that is not time left.
    if entities.is_running() is False:
        return words.say("not_running", device=device)
    try:
        amount = float(state.state)
    except ValueError:
        return words.say("not_running", device=device)
    unit = state.attributes.get("unit_of_measurement", "min")
    remaining = (
        timedelta(hours=amount)
        if unit == "h"
        else timedelta(seconds=amount)
        if unit == "s"
        else timedelta(minutes=amount)
    )
    if remaining <= timedelta(0):
        return words.say("not_running", device=device)
    ends = (read_at or dt_util.utcnow()) + remaining
    return words.say(
        "remaining",
        device=device,
        remaining=words.duration(remaining),
        clock=words.clock(dt_util.as_local(ends)),
    )


def _air_quality(entities: ApplianceEntities, words: Speech) -> str:
    """Read the appliance's particulate sensors."""
    readings = []
    for device_class, name in words.particulates.items():
        state = entities.state(entities.device_class("sensor", device_class))
        if state and state.state not in NO_READING:
            readings.append(f"{name} {number_words(state.state)}㎍/㎥")
    return ", ".join(readings)


def _was_running_offline(hass: HomeAssistant, appliance: TargetAppliance) -> bool:
    """Return whether an appliance that is offline now was running when LG last heard from it."""
    run_state = offline_run_state(hass, appliance.thinq_device_id) if appliance.thinq_device_id else None
    return run_state is not None and run_state.lower() not in IDLE_RUN_STATES
