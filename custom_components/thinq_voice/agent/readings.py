"""Answers read from an appliance's entities: battery, current mode, filter life.

"로봇청소기 배터리 얼마야?", "에어컨 지금 무슨 모드야?", "공기청정기 필터 얼마나 남았어?" — and the same
without naming the appliance, when only one exposed appliance can answer.
"""

from homeassistant.const import STATE_OFF
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.translation import async_get_translations

from ..const import DOMAIN
from ..voice.model import QuestionIntent
from .speech import Speech, say, speech
from .targets import TargetAppliance

# Where an appliance keeps its mode: (domain, attribute holding it; None = the state).
_MODE_PLACES = (("climate", None), ("humidifier", "mode"), ("fan", "preset_mode"))
_MODE_ATTRIBUTES: dict[str, str | None] = dict(_MODE_PLACES)


def reading_entity(hass: HomeAssistant, appliance: TargetAppliance, question: QuestionIntent) -> str | None:
    """Return the entity that answers a battery, mode or filter question, if the appliance has one."""
    if question is QuestionIntent.BATTERY:
        return _with_device_class(hass, appliance, "battery") or next(
            (
                entity_id
                for entity_id in appliance.entities("vacuum")
                if (state := hass.states.get(entity_id)) and "battery_level" in state.attributes
            ),
            None,
        )
    if question is QuestionIntent.MODE:
        for domain, attribute in _MODE_PLACES:
            for entity_id in appliance.entities(domain):
                state = hass.states.get(entity_id)
                if state is not None and (attribute is None or state.attributes.get(attribute)):
                    return entity_id
        return _thinq_entity(hass, appliance, "select", ("job_mode", "operation_mode"))
    return _thinq_entity(hass, appliance, "sensor", ("filter_lifetime", "filter_remain"))


async def async_reading_answer(
    hass: HomeAssistant, appliance: TargetAppliance, state: State, question: QuestionIntent, language: str
) -> str:
    """Say the battery level, the mode or what is left of the filter's life."""
    device = appliance.name
    match question:
        case QuestionIntent.BATTERY:
            # A robot of another integration may declare a battery it does not read (None).
            level = _as_float(state.attributes.get("battery_level", state.state))
            if level is None:
                return say(language, "unavailable", device=device)
            return say(language, "battery_level", device=device, level=f"{_number(level)}%")
        case QuestionIntent.MODE:
            words = speech(language)
            if state.state == STATE_OFF and state.domain in _MODE_ATTRIBUTES:
                # An appliance that is off has no mode running: "꺼져 있어요", not "off 모드".
                return words.say("state", device=device, state=words.switched(False))
            mode = await _mode_words(hass, state, words)
            if mode is None:
                return words.say("mode_unnamed", device=device)
            return words.say("mode_now", device=device, mode=mode)
        case _:
            used = _thinq_entity(hass, appliance, "sensor", ("filter_used_time",))
            used_state = hass.states.get(used) if used else None
            # A duration sensor in hours: a number once it reads at all (no reading is answered before).
            lifetime = float(state.state)
            used_hours = _as_float(used_state.state) if used_state else None
            left = lifetime - used_hours if used_hours is not None else lifetime
            return say(language, "filter_left", device=device, hours=_number(max(left, 0)))


async def _mode_words(hass: HomeAssistant, state: State, words: Speech) -> str | None:
    """Name the mode an entity reports in the conversation's language, never as LG's raw value.

    The entity's own translation comes first (a dehumidifier's "smart_humidity" is "스마트 제습"),
    then the agent's words for common modes, then LG's value where it is a word of the language
    (English), then Home Assistant's names for its domain's states ("cool" is "냉방").
    """
    attribute = _MODE_ATTRIBUTES.get(state.domain)
    raw = str(state.attributes.get(attribute) or "") if attribute else state.state
    place = f"state_attributes.{attribute}.state.{raw}" if attribute else f"state.{raw}"
    entry = er.async_get(hass).async_get(state.entity_id)
    if entry and entry.platform == DOMAIN and entry.translation_key:
        own = await async_get_translations(hass, words.code, "entity", [DOMAIN])
        key = f"component.{DOMAIN}.entity.{state.domain}.{entry.translation_key}.{place}"
        if key in own:
            return words.mode_named(own[key])
    if (said := words.mode_reading(raw) or words.unnamed_mode(raw)) is not None:
        return said
    named = await async_get_translations(hass, words.code, "entity_component", [state.domain])
    text = named.get(f"component.{state.domain}.entity_component._.{place}")
    return words.mode_named(text) if text else None


def _with_device_class(hass: HomeAssistant, appliance: TargetAppliance, device_class: str) -> str | None:
    for entity_id in appliance.entities("sensor"):
        state = hass.states.get(entity_id)
        if state and state.attributes.get("device_class") == device_class:
            return entity_id
    return None


def _thinq_entity(
    hass: HomeAssistant, appliance: TargetAppliance, domain: str, keys: tuple[str, ...]
) -> str | None:
    """Return a ThinQ Voice entity of the appliance whose translation key is one of `keys`."""
    registry = er.async_get(hass)
    for entity_id in appliance.entities(domain):
        entry = registry.async_get(entity_id)
        if entry and entry.platform == DOMAIN and (entry.translation_key or "").startswith(keys):
            return entity_id
    return None


def _as_float(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None


def _number(number: float) -> str:
    return str(int(number)) if number == int(number) else f"{number:.1f}"
