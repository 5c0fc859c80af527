"""Which entity of an appliance does what a sentence asks: its power, a temperature, a mode.

Any integration's entities count, by domain (climate, fan, vacuum, humidifier, water_heater,
media_player); ThinQ Voice's own are found by their exact unique ids, built by the function that
names them when they are created (`properties.unique_id`), from the properties of the appliance.
"""

from collections.abc import Iterable
from functools import cached_property
from typing import Any

from homeassistant.components.climate.const import HVACMode
from homeassistant.const import STATE_ON, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import entity_registry as er

from ..const import DOMAIN
from ..properties import OPERATION_BUTTON_KEYS, unique_id
from ..voice.model import Command, DeviceType, FanSpeed, Intent, Location, Mode, Question, QuestionIntent
from .readings import reading_entity
from .targets import TargetAppliance, thinq_appliance

# States that are no reading of the appliance: nothing can be said from them.
NO_READING = {STATE_UNAVAILABLE, STATE_UNKNOWN}
# Run states of a laundry-style appliance that mean it is not working on anything.
IDLE_RUN_STATES = {
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
TV_INTENTS = {Intent.SET_VOLUME, Intent.MUTE, Intent.LAUNCH_APP, Intent.SET_CHANNEL}
# Domains whose entities switch an appliance on and off (turn_on / turn_off), in order of preference.
_POWER_DOMAINS = ("climate", "fan", "humidifier", "water_heater", "media_player")
# Domains whose entities tell an appliance's state without a run-state sensor, in order of preference.
_STATE_DOMAINS = ("vacuum", "climate", "fan", "humidifier", "media_player")
# The operation enums whose buttons run the appliance itself: an AC's air-purifying function has
# START/STOP buttons of its own (airCleanOperationMode), which are not the AC's.
_OPERATIONS = tuple(name for resource, name in OPERATION_BUTTON_KEYS if resource == "operation")
_RUN_OPERATIONS = tuple(
    name
    for (resource, name), prefix in OPERATION_BUTTON_KEYS.items()
    if resource == "operation" and not prefix
)
HVAC_MODES = {
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
# Where a fan speed lives, and the attributes holding its choices and its current value.
_FAN_PLACES = (
    ("climate", "fan_modes", "fan_mode", "set_fan_mode", "fan_mode"),
    ("fan", "preset_modes", "preset_mode", "set_preset_mode", "preset_mode"),
    ("select", "options", None, "select_option", "option"),
)
# Fan speeds in order, for "바람 한 단계 올려줘".
_FAN_STEPS = (FanSpeed.LOW, FanSpeed.MID, FanSpeed.HIGH)

type ServiceCall = tuple[str, str, str, dict[str, Any]]
"""domain, service, entity id and data of the call that makes a setting."""


class ApplianceEntities:
    """An appliance's exposed entities, and which of them does what."""

    def __init__(self, hass: HomeAssistant, appliance: TargetAppliance) -> None:
        """Look at one appliance's entities."""
        self.hass = hass
        self.appliance = appliance

    def entries(self) -> list[er.RegistryEntry]:
        """Return the registry entries of the appliance's exposed entities."""
        registry = er.async_get(self.hass)
        return [entry for entity_id in self.appliance.entity_ids if (entry := registry.async_get(entity_id))]

    def one(self, domain: str) -> str | None:
        """Return the appliance's first exposed entity of a domain."""
        found = self.appliance.entities(domain)
        return found[0] if found else None

    def state(self, entity_id: str | None) -> State | None:
        """Return an entity's state, None for no entity."""
        return self.hass.states.get(entity_id) if entity_id else None

    @cached_property
    def _locations(self) -> tuple[str, ...]:
        """Return the locations (parts) of a ThinQ appliance, from its profile and its state."""
        known = thinq_appliance(self.hass, self.appliance.thinq_device_id)
        if known is None:
            return ()
        return tuple(
            dict.fromkeys((*known.profile.locations, *(known.state.locations if known.state else ())))
        )

    def thinq(
        self,
        domain: str,
        resource: str,
        names: Iterable[str],
        location: str | None = None,
        command: str | None = None,
    ) -> str | None:
        """Return the exposed ThinQ Voice entity of a property (one of `names`) by its unique id.

        Without a location, the property of any part counts, the first of the appliance's entities
        first; a location said ("위 칸") is that part, also where LG names it more closely (a wine
        cellar's WINE_UPPER).
        """
        device = self.appliance.thinq_device_id
        if device is None:
            return None
        places: list[str | None] = (
            [None, *self._locations]
            if location is None
            else [place for place in self._locations if place == location or place.endswith(f"_{location}")]
        )
        wanted = {unique_id(device, resource, name, place, command) for name in names for place in places}
        return next(
            (
                entry.entity_id
                for entry in self.entries()
                if entry.platform == DOMAIN and entry.domain == domain and entry.unique_id in wanted
            ),
            None,
        )

    def power(self) -> str | None:
        """Return the entity that switches the appliance on and off, if it has one."""
        return next((found for domain in _POWER_DOMAINS if (found := self.one(domain))), None)

    def run_button(self, command: str) -> str | None:
        """Return the button sending a run command (START, STOP, POWER_OFF) to the appliance itself."""
        return self.thinq("button", "operation", _RUN_OPERATIONS, command=command)

    def operation_button(self, command: str) -> str | None:
        """Return a button sending an operation command, to the appliance or one of its functions."""
        return self.thinq("button", "operation", _OPERATIONS, command=command)

    def express_freeze(self) -> str | None:
        """Return a refrigerator's express-freeze switch."""
        return self.thinq("switch", "refrigeration", ("expressMode",))

    def hour_timer(self, which: str) -> str | None:
        """Return the number setting an hour timer (`relativeHourToStart` / `relativeHourToStop`)."""
        return self.thinq("number", "timer", (which,))

    def delayed(self, key: str) -> str | None:
        """Return the sensor of a delayed start or stop (`delayed_start`, `delayed_stop`)."""
        return self.thinq("sensor", "timer", (key,))

    def temperature(self, part: Command | Question) -> str | None:
        """Return the entity holding the target temperature a part is about."""
        location = part.target.location if part.target else None
        if location is None and self.appliance.device_type is DeviceType.REFRIGERATOR:
            location = Location.FRIDGE
        if location is not None:
            return self.thinq("number", "temperature", ("targetTemperature",), location.value)
        return (
            self.one("climate")
            or self.one("water_heater")
            or self.thinq("number", "temperature", ("targetTemperature",))
        )

    def device_class(self, domain: str, device_class: str) -> str | None:
        """Return an exposed entity of a domain with a device class."""
        for entity_id in self.appliance.entities(domain):
            state = self.hass.states.get(entity_id)
            if state and state.attributes.get("device_class") == device_class:
                return entity_id
        return None

    def door(self) -> str | None:
        """Return the appliance's door sensor."""
        return self.device_class("binary_sensor", "door")

    def remaining_time(self, location: str | None) -> str | None:
        """Return the sensor of a run's remaining time."""
        return self.thinq("sensor", "timer", ("remaining_time",), location) or self._translated(
            "remaining_time"
        )

    def _translated(self, key: str) -> str | None:
        """Return a ThinQ sensor whose translation key starts with `key` (e.g. remaining_time_main)."""
        for entry in self.entries():
            if (
                entry.platform == DOMAIN
                and entry.domain == "sensor"
                and (entry.translation_key or "").startswith(key)
            ):
                return entry.entity_id
        return None

    def question(self, question: Question) -> str | None:
        """Return the entity that answers a question about this appliance."""
        location = question.target.location.value if question.target and question.target.location else None
        match question.intent:
            case QuestionIntent.STATE | QuestionIntent.WHAT_IS_RUNNING:
                return self.thinq("sensor", "runState", ("currentState",), location) or next(
                    (found for domain in _STATE_DOMAINS if (found := self.one(domain))), None
                )
            case QuestionIntent.REMAINING_TIME:
                return self.remaining_time(location)
            case QuestionIntent.CURRENT_TEMPERATURE:
                return (
                    self.one("climate")
                    or self.thinq("sensor", "temperature", ("currentTemperature",))
                    or self.device_class("sensor", "temperature")
                )
            case QuestionIntent.TARGET_TEMPERATURE:
                return self.temperature(question)
            case QuestionIntent.CURRENT_HUMIDITY:
                return self.one("humidifier") or self.device_class("sensor", "humidity")
            case QuestionIntent.DOOR:
                return self.door()
            case QuestionIntent.AIR_QUALITY:
                return self.device_class("sensor", "pm25") or self.device_class("sensor", "pm10")
            case QuestionIntent.CAPABILITIES | QuestionIntent.SCHEDULES:
                # Any appliance can be asked what it can do, and can have something scheduled.
                return self.appliance.entity_ids[0] if self.appliance.entity_ids else None
            case QuestionIntent.BATTERY | QuestionIntent.MODE | QuestionIntent.FILTER:
                return reading_entity(self.hass, self.appliance, question.intent)

    def mode_call(self, mode: Mode) -> ServiceCall | None:
        """Return the call that switches to a mode: HVAC mode, preset, humidifier mode or mode select."""
        if (climate := self.one("climate")) and (state := self.hass.states.get(climate)):
            if mode in HVAC_MODES and HVAC_MODES[mode] in state.attributes.get("hvac_modes", ()):
                return "climate", "set_hvac_mode", climate, {"hvac_mode": HVAC_MODES[mode]}
            if preset := _pick(state.attributes.get("preset_modes") or (), _MODE_NAMES[mode]):
                return "climate", "set_preset_mode", climate, {"preset_mode": preset}
        for domain, attribute, service, field in (
            ("fan", "preset_modes", "set_preset_mode", "preset_mode"),
            ("humidifier", "available_modes", "set_mode", "mode"),
            ("select", "options", "select_option", "option"),
        ):
            for entity_id in self.appliance.entities(domain):
                state = self.hass.states.get(entity_id)
                if state and (choice := _pick(state.attributes.get(attribute) or (), _MODE_NAMES[mode])):
                    return domain, service, entity_id, {field: choice}
        return None

    def fan_call(self, speed: FanSpeed) -> ServiceCall | None:
        """Return the call that sets a fan speed on an air conditioner, a fan or a fan-speed select."""
        for domain, attribute, _, service, field in _FAN_PLACES:
            for entity_id in self.appliance.entities(domain):
                state = self.hass.states.get(entity_id)
                if state and (choice := _pick(state.attributes.get(attribute) or (), _FAN_NAMES[speed])):
                    return domain, service, entity_id, {field: choice}
        return None

    def fan_steps(self) -> tuple[list[FanSpeed], FanSpeed | None]:
        """Return the stepped fan speeds the appliance offers, slowest first, and the one it runs at."""
        for domain, attribute, current, _, _ in _FAN_PLACES:
            for entity_id in self.appliance.entities(domain):
                state = self.hass.states.get(entity_id)
                options = state.attributes.get(attribute) if state else None
                if state is None or not options:
                    continue
                steps = [speed for speed in _FAN_STEPS if _pick(options, _FAN_NAMES[speed])]
                value = str(state.attributes.get(current) if current else state.state).lower()
                now = next((speed for speed in steps if value in _FAN_NAMES[speed]), None)
                if steps:
                    return steps, now
        return [], None

    def is_running(self) -> bool | None:
        """Return whether the appliance is working now, or None when nothing tells."""
        run_state = self.state(self.thinq("sensor", "runState", ("currentState",)))
        if run_state and run_state.state not in NO_READING:
            return run_state.state not in IDLE_RUN_STATES
        for domain, running in (
            ("vacuum", {"cleaning"}),
            ("climate", None),
            ("fan", {STATE_ON}),
            ("humidifier", {STATE_ON}),
        ):
            state = self.state(self.one(domain))
            if state and state.state not in NO_READING:
                return state.state != HVACMode.OFF if running is None else state.state in running
        return None

    def supports(self, part: Command | Question) -> bool:
        """Return whether the appliance has an entity that can do or answer this part."""
        if isinstance(part, Question):
            return self.question(part) is not None or (
                part.intent is QuestionIntent.WHAT_IS_RUNNING and self.is_running() is not None
            )
        match part.intent:
            case Intent.OPEN_DOOR | Intent.CLOSE_DOOR:
                return (
                    self.appliance.device_type
                    in (DeviceType.REFRIGERATOR, DeviceType.KIMCHI_REFRIGERATOR, DeviceType.WINE_CELLAR)
                    or self.door() is not None
                )
            case Intent.SET_TEMPERATURE:
                return self.temperature(part) is not None
            case Intent.EXPRESS_FREEZE:
                return self.express_freeze() is not None
            case intent if intent in TV_INTENTS:
                return self.one("media_player") is not None
            case Intent.CANCEL_SCHEDULE:
                return True
            case _:
                return bool(self.appliance.entity_ids)


def supports(hass: HomeAssistant, appliance: TargetAppliance, part: Command | Question) -> bool:
    """Return whether the appliance has an entity that can do or answer this part."""
    return ApplianceEntities(hass, appliance).supports(part)


def temperature_value(state: State, intent: QuestionIntent) -> float | None:
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


def _pick(options: Iterable[Any], wanted: tuple[str, ...]) -> str | None:
    """Return the first option whose lower-case name is one of `wanted`, in their order."""
    by_name = {str(option).lower(): str(option) for option in options}
    return next((by_name[name] for name in wanted if name in by_name), None)
