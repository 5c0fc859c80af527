"""Which Home Assistant entity each profile property becomes.

The profile decides the platform (a writable enum is a select, a read-only number a sensor, a
write-only operation enum a set of buttons); this module names the properties LG documents, so
every entity has a translation key, and lists the properties that specialised entities (climate,
fan, humidifier, vacuum, water heater, timers) take over so they are not duplicated generically.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from homeassistant.const import Platform

from .api.models import DeviceProfile, DeviceState, PropertyKey, PropertySpec, PropertyType

RUN_STATE = ("runState", "currentState")
REMOTE_CONTROL = ("remoteControlEnable", "remoteControlEnabled")

# Translation key of every property LG documents, by (resource, property). A property missing here
# gets no entity of its own (it stays reachable through the `set_property` action): an entity
# without a translated name would show up nameless.
PROPERTY_KEYS: dict[tuple[str, str], str] = {
    RUN_STATE: "run_state",
    ("runState", "cockState"): "cock_state",
    ("runState", "growthMode"): "growth_mode",
    ("runState", "windVolume"): "wind_volume",
    ("cookingZone", "currentState"): "cooking_zone_state",
    REMOTE_CONTROL: "remote_control",
    ("doorStatus", "doorState"): "door",
    ("dishWashingStatus", "rinseRefill"): "rinse_refill",
    ("dishWashingCourse", "currentDishWashingCourse"): "dish_washing_course",
    ("preference", "rinseLevel"): "rinse_level",
    ("preference", "softeningLevel"): "softening_level",
    ("preference", "mCReminder"): "machine_clean_reminder",
    ("preference", "cleanLReminder"): "clean_reminder",
    ("preference", "signalLevel"): "signal_level",
    ("cycle", "cycleCount"): "cycle_count",
    ("refrigeration", "expressMode"): "express_mode",
    ("refrigeration", "expressFridge"): "express_fridge",
    ("refrigeration", "ecoFriendlyMode"): "eco_friendly_mode",
    ("refrigeration", "freshAirFilter"): "fresh_air_filter",
    ("refrigeration", "oneTouchFilter"): "one_touch_filter",
    ("powerSave", "powerSaveEnabled"): "power_save",
    ("waterFilterInfo", "usedTime"): "water_filter_used_time",
    ("filterInfo", "usedTime"): "filter_used_time",
    ("filterInfo", "filterLifetime"): "filter_lifetime",
    ("temperature", "targetTemperature"): "target_temperature",
    ("temperature", "currentTemperature"): "current_temperature",
    ("temperature", "dayTargetTemperature"): "day_target_temperature",
    ("temperature", "nightTargetTemperature"): "night_target_temperature",
    ("airQualitySensor", "PM1"): "pm1",
    ("airQualitySensor", "PM2"): "pm2_5",
    ("airQualitySensor", "PM10"): "pm10",
    ("airQualitySensor", "humidity"): "humidity",
    ("airQualitySensor", "temperature"): "temperature",
    ("airQualitySensor", "odor"): "odor",
    # LG's own spelling in AC profiles and states (HA core's fixtures, the spec's AC example).
    ("airQualitySensor", "oder"): "odor",
    ("airQualitySensor", "odorLevel"): "odor_level",
    ("airQualitySensor", "totalPollution"): "total_pollution",
    ("airQualitySensor", "totalPollutionLevel"): "total_pollution_level",
    ("airQualitySensor", "monitoringEnabled"): "air_quality_monitoring",
    ("airFlow", "windStrength"): "wind_strength",
    ("airFlow", "windStrengthDetail"): "wind_strength_detail",
    ("airFlow", "windStrengthLevel"): "wind_strength",
    ("airFlow", "windStep"): "wind_step",
    ("airFlow", "windAngle"): "wind_angle",
    ("airFlow", "warmMode"): "warm_mode",
    ("airFlow", "windTemperature"): "wind_temperature",
    ("humidity", "currentHumidity"): "humidity",
    ("humidity", "warmMode"): "warm_mode",
    ("operation", "autoMode"): "auto_mode",
    ("operation", "sleepMode"): "sleep_mode",
    ("operation", "hygieneDryMode"): "hygiene_dry_mode",
    ("operation", "hotWaterMode"): "hot_water",
    ("operation", "hoodOperationMode"): "power",
    ("operation", "lightStatus"): "light_brightness",
    ("display", "light"): "display_light",
    ("moodLamp", "moodLampState"): "mood_lamp",
    ("misc", "uvNano"): "uv_nano",
    ("battery", "percent"): "battery",
    ("battery", "level"): "battery_level",
    ("robotCleanerJobMode", "currentJobMode"): "clean_mode",
    ("stickCleanerJobMode", "currentJobMode"): "stick_cleaner_mode",
    ("cook", "cookMode"): "cook_mode",
    ("power", "powerLevel"): "power_level",
    ("ventilation", "fanSpeed"): "fan_speed",
    ("lamp", "lampBrightness"): "lamp_brightness",
    ("light", "brightness"): "light_brightness",
    ("light", "duration"): "light_duration",
    ("light", "startHour"): "light_start_hour",
    ("light", "endHour"): "light_end_hour",
    ("recipe", "beerRemain"): "beer_remain",
    ("recipe", "recipeName"): "recipe",
    ("recipe", "wortInfo"): "wort",
    ("recipe", "yeastInfo"): "yeast",
    ("timer", "elapsedDayState"): "elapsed_days_state",
    ("timer", "elapsedDayTotal"): "elapsed_days_total",
    ("timer", "relativeHourToStart"): "delayed_start_hours",
    ("timer", "relativeHourToStop"): "delayed_stop_hours",
    ("sleepTimer", "relativeHourToStop"): "sleep_timer_hours",
}

# Operation enums whose values each become a button (remote start, stop, power off...). A
# property here that the profile makes write-only is a command, not a state.
OPERATION_BUTTON_KEYS: dict[tuple[str, str], str] = {
    ("operation", "washerOperationMode"): "",
    ("operation", "dryerOperationMode"): "",
    ("operation", "dishWasherOperationMode"): "",
    ("operation", "stylerOperationMode"): "",
    ("operation", "ovenOperationMode"): "",
    ("operation", "operationMode"): "",
    ("operation", "airCleanOperationMode"): "air_clean_",
}

# Read states that mean a run has ended and the appliance is waiting to be emptied.
COMPLETE_STATES = frozenset({"END", "COMPLETE", "DONE", "COOK_COMPLETE", "CLEANING_IS_DONE", "RUNNING_END"})
ERROR_STATES = frozenset({"ERROR"})
# Read states in which nothing runs: no time is left and there is no end time.
IDLE_STATES = COMPLETE_STATES | frozenset({"POWER_OFF", "INITIAL", "SLEEP", "STANDBY", "POWER_FAIL"})

# Timers LG splits into hour/minute/second parts, joined into one duration sensor per location.
# (translation key, properties); the first property must be present.
DURATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("remaining_time", ("remainHour", "remainMinute", "remainSecond")),
    ("total_time", ("totalHour", "totalMinute")),
    ("running_time", ("runningHour", "runningMinute")),
    ("delayed_start", ("relativeHourToStart", "relativeMinuteToStart")),
    ("delayed_stop", ("relativeHourToStop", "relativeMinuteToStop")),
)
DURATION_RESOURCES = ("timer", "sleepTimer")

# Profiles for which a specialised entity exists: the resource that reveals the kind and the
# properties that entity takes over (resource, or (resource, property)).
CLIMATE_MARKERS = ("airConJobMode", "boilerJobMode")
FAN_MARKERS = ("airPurifierJobMode", "airFanJobMode")
FAN_POWER_PROPS = ("ceilingfanOperationMode", "airPurifierOperationMode", "airFanOperationMode")
HUMIDIFIER_MARKERS = ("dehumidifierJobMode", "humidifierJobMode")
VACUUM_OPERATION = ("operation", "cleanOperationMode")
# A hood's fan speed (0 is off): a fan entity.
HOOD_FAN = ("ventilation", "fanSpeed")
WATER_HEATER_MARKER = "waterHeaterJobMode"

# Locations named in entity names (generated translations exist for each of them).
LOCATIONS = (
    "fridge",
    "freezer",
    "main",
    "mini",
    "top",
    "middle",
    "bottom",
    "upper",
    "lower",
    "wine_upper",
    "wine_lower",
    "left_front",
    "right_front",
    "left_rear",
    "right_rear",
    "center",
    "washer",
    "dryer",
)


@dataclass(frozen=True, slots=True)
class Naming:
    """An entity's translation key and placeholders, with its location folded in."""

    translation_key: str
    placeholders: dict[str, str]


def naming(profile: DeviceProfile, key: str, location: str | None) -> Naming:
    """Name an entity: the location is in the name only when the appliance has several parts.

    LG names locations in English capitals; known ones get their own translated names
    (`target_temperature_fridge`), others a placeholder (`target_temperature_for_location`).
    """
    if location is None or len(profile.locations) < 2:
        return Naming(key, {})
    if location.lower() in LOCATIONS:
        return Naming(f"{key}_{location.lower()}", {})
    return Naming(f"{key}_for_location", {"location": location.replace("_", " ").title()})


def unique_id(device_id: str, *parts: str | None) -> str:
    """Return the unique id of an appliance's entity; the agent finds entities by it too.

    `<device>_<resource>_<property>[_<LOCATION>][_<COMMAND>]` for a property's entity (a button adds
    its command; a timer sensor names its timer for the property), `<device>_<key>` for an entity of
    the whole appliance (climate, fan, energy). Parts that are None are left out.
    """
    return "_".join([device_id, *(part for part in parts if part is not None)])


def is_on_off_pair(values: Iterable[object]) -> tuple[str, str] | None:
    """Return (on, off) for two-valued enums such as ON/OFF, POWER_ON/POWER_OFF, WARM_ON/WARM_OFF."""
    strings = [value for value in values if isinstance(value, str)]
    if len(strings) != 2:
        return None
    on = next((v for v in strings if v == "ON" or v.endswith("_ON")), None)
    off = next((v for v in strings if v == "OFF" or v.endswith("_OFF")), None)
    if on is None or off is None or on.removesuffix("ON") != off.removesuffix("OFF"):
        return None
    return on, off


def claimed(profile: DeviceProfile) -> set[PropertyKey]:
    """Return the properties a specialised entity (climate, fan, timers...) covers."""
    resources = set(profile.resources)
    taken: set[PropertyKey] = set()

    def take(resource: str, name: str | None = None) -> None:
        taken.update(k for k in profile.properties if k.resource == resource and name in (None, k.name))

    if resources & set(CLIMATE_MARKERS):
        for resource in (*CLIMATE_MARKERS, "temperature", "temperatureInUnits", "windDirection"):
            take(resource)
        take("operation", "airConOperationMode")
        take("operation", "boilerOperationMode")
        take("airFlow", climate_wind_property(profile))
    if resources & set(FAN_MARKERS) or any(k.name in FAN_POWER_PROPS for k in profile.properties):
        for resource in FAN_MARKERS:
            take(resource)
        for name in FAN_POWER_PROPS:
            take("operation", name)
        take("airFlow", "windStrength")
    if resources & set(HUMIDIFIER_MARKERS):
        for resource in HUMIDIFIER_MARKERS:
            take(resource)
        take("operation", "dehumidifierOperationMode")
        take("operation", "humidifierOperationMode")
        take("humidity", "targetHumidity")
        take("humidity", "currentHumidity")
    if VACUUM_OPERATION in {(k.resource, k.name) for k in profile.properties}:
        take(*VACUUM_OPERATION)
        take(*RUN_STATE)
    if WATER_HEATER_MARKER in resources:
        take(WATER_HEATER_MARKER)
        take("operation", "waterHeaterOperationMode")
        take("temperature")
    for resource in DURATION_RESOURCES:
        for _, names in DURATIONS:
            for name in names:
                taken.update(
                    k
                    for k, spec in profile.properties.items()
                    if k.resource == resource and k.name == name and not spec.writable
                )
    # Both lists describe the same temperatures: `temperatureInUnits` repeats `temperature` per unit.
    if "temperature" in resources:
        take("temperatureInUnits")
    return taken


def climate_wind_property(profile: DeviceProfile) -> str:
    """Return the wind property an air conditioner's fan modes set.

    LG's SDK sets `windStrengthDetail` (the finer one) when the profile has it, else `windStrength`;
    the other then stays a select of its own.
    """
    spec = profile.get("airFlow", "windStrengthDetail")
    return "windStrengthDetail" if spec is not None and spec.writable else "windStrength"


def generic_platform(spec: PropertySpec) -> Platform | None:
    """Return the platform a property not covered by a specialised entity belongs to."""
    key = spec.key
    if (key.resource, key.name) in OPERATION_BUTTON_KEYS:
        return Platform.BUTTON if spec.writable and spec.write_values else None
    if (key.resource, key.name) not in PROPERTY_KEYS:
        return None
    match spec.type:
        case PropertyType.ENUM:
            if spec.writable and isinstance(spec.write_values, tuple) and len(spec.write_values) > 1:
                return Platform.SWITCH if is_on_off_pair(spec.write_values) else Platform.SELECT
            if not spec.readable:
                return None
            if key.resource == "doorStatus":
                return Platform.BINARY_SENSOR
            return Platform.SENSOR
        case PropertyType.BOOLEAN:
            if spec.writable:
                return Platform.SWITCH
            return Platform.BINARY_SENSOR if spec.readable else None
        case PropertyType.RANGE | PropertyType.NUMBER:
            if spec.writable:
                return Platform.NUMBER
            return Platform.SENSOR if spec.readable else None
        case _:
            return None


def generic_specs(profile: DeviceProfile, platform: Platform) -> list[PropertySpec]:
    """Return the properties of a profile that become generic entities of `platform`.

    A resource keyed by unit (oven °C and °F ranges) becomes one entity, in Celsius when offered.
    """
    taken = claimed(profile)
    specs = [
        spec
        for key, spec in profile.properties.items()
        if key not in taken and generic_platform(spec) is platform
    ]
    chosen: dict[tuple[str, str, str | None], PropertySpec] = {}
    for spec in specs:
        slot = (spec.key.resource, spec.key.name, spec.key.location)
        current = chosen.get(slot)
        if current is None or (current.key.unit not in (None, "C") and spec.key.unit == "C"):
            chosen[slot] = spec
    return list(chosen.values())


# Read-only values LG reports in the state without declaring them in the profile: an enum's values,
# or None for a number (an AC's air quality level in HA core's fixtures, the spec AC's wind step).
REPORTED_ONLY: dict[tuple[str, str], tuple[str, ...] | None] = {
    ("airQualitySensor", "totalPollutionLevel"): ("GOOD", "NORMAL", "BAD", "VERY_BAD", "INVALID"),
    ("airFlow", "windStep"): None,
}


def reported_only_specs(profile: DeviceProfile, state: DeviceState | None) -> list[PropertySpec]:
    """Return read-only specs for values the state reports but the profile leaves out."""
    if state is None:
        return []
    specs = []
    for key in state.values:
        if (key.resource, key.name) not in REPORTED_ONLY or key in profile.properties:
            continue
        values = REPORTED_ONLY[(key.resource, key.name)]
        kind = PropertyType.NUMBER if values is None else PropertyType.ENUM
        specs.append(PropertySpec(key, kind, readable=True, writable=False, read_values=values))
    return specs
