"""Bodies of `POST /devices/{id}/control`: a value validated against the profile, in the shape LG expects."""

from collections.abc import Mapping
import json

from ..errors import ThinQInvalidValueError
from .payload import (
    LOCATION,
    LOCATION_NAME,
    UNIT,
    JsonObject,
    JsonScalar,
    JsonValue,
    LocationStyle,
    is_number,
)
from .profile import AllowedValues, DeviceProfile, PropertySpec, PropertyType, RangeSpec
from .state import DeviceState

# Celsius is the default when a resource accepts several units: `temperature` ranges are in °C,
# the °F ranges live in `temperatureInUnits`.
_PREFERRED_UNIT = "C"


def build_control_payload(
    profile: DeviceProfile,
    resource: str,
    prop: str,
    value: JsonValue,
    location: str | None = None,
    *,
    unit: str | None = None,
    together: Mapping[tuple[str, str], JsonValue] | None = None,
) -> JsonObject:
    """Validate a value against the profile and build the body of `POST /devices/{id}/control`.

    Shapes:
        - no location: `{resource: {prop: value}}`, plus `"unit"` when the resource has one
          (AC: `{"temperature": {"targetTemperature": 24, "unit": "C"}}`);
        - `location.locationName` parts (laundry, oven, cooktop):
          `{"location": {"locationName": "MAIN"}, resource: {prop: value}}`;
        - resource lists keyed by `locationName` (fridge compartments): the location goes inside
          the resource, next to the unit the profile gives for that compartment:
          `{"temperature": {"locationName": "FRIDGE", "targetTemperature": 3, "unit": "C"}}`. The
          profile describes the compartment's range in that very object, so the body mirrors it;
        - sub-devices (WashTower): `{"dryer": {resource: {prop: value}}}`.

    When the property exists at a single location the location may be omitted. When the resource
    accepts several units and `unit` is not given, Celsius is used (see `_PREFERRED_UNIT`).

    `together` adds properties LG's SDK always sends in the same body, each validated the same way
    (`{(resource, property): value}`): a timer's hour and minute, a hood's fan speed and lamp.

    Raises:
        ThinQInvalidValueError: the property is unknown, read-only, needs a location or unit, or
            the value is not allowed.
    """
    payload = _single_payload(profile, resource, prop, value, location, unit)
    for (other_resource, other_prop), other_value in (together or {}).items():
        extra = _single_payload(profile, other_resource, other_prop, other_value, location, unit)
        for name, content in extra.items():
            current = payload.get(name)
            if isinstance(current, dict) and isinstance(content, dict):
                payload[name] = {**current, **content}
            else:
                payload[name] = content
    return payload


def _single_payload(
    profile: DeviceProfile, resource: str, prop: str, value: JsonValue, location: str | None, unit: str | None
) -> JsonObject:
    spec = _find_spec(profile, resource, prop, value, location, unit)
    validate_value(spec, value)
    body: JsonObject = {prop: list(value) if isinstance(value, tuple) else value}
    key = spec.key
    if key.unit is not None:
        body[UNIT] = key.unit
    elif prop != UNIT and (unit_spec := profile.get(resource, UNIT, key.location)) is not None:
        body[UNIT] = _unit_for(unit_spec, unit, resource, prop, value)
    match spec.location_style:
        case LocationStyle.OBJECT:
            return {LOCATION: {LOCATION_NAME: key.location}, resource: body}
        case LocationStyle.RESOURCE_LIST:
            return {resource: {LOCATION_NAME: key.location, **body}}
        case LocationStyle.SUB_DEVICE if key.location is not None:
            return {key.location: {resource: body}}
        case _:
            return {resource: body}


def _find_spec(
    profile: DeviceProfile, resource: str, prop: str, value: JsonValue, location: str | None, unit: str | None
) -> PropertySpec:
    candidates = [s for k, s in profile.properties.items() if k.resource == resource and k.name == prop]
    if not candidates:
        raise _invalid(
            resource, prop, value, location, "a property of this device's profile", "is not in the profile"
        )
    locations = list(dict.fromkeys(s.key.location for s in candidates))
    if location is None and None not in locations:
        if len(locations) > 1:
            raise _invalid(
                resource,
                prop,
                value,
                location,
                "a location: " + ", ".join(map(str, locations)),
                "needs a location",
            )
        location = locations[0]
    at_location = [s for s in candidates if s.key.location == location]
    if not at_location:
        allowed = ", ".join(str(loc) for loc in locations)
        raise _invalid(
            resource, prop, value, location, f"a location: {allowed}", f"has no location {location!r}"
        )
    by_unit = {s.key.unit: s for s in at_location}
    if unit in by_unit:
        return by_unit[unit]
    if None in by_unit:
        return by_unit[None]
    if unit is None and _PREFERRED_UNIT in by_unit:
        return by_unit[_PREFERRED_UNIT]
    allowed = ", ".join(str(u) for u in by_unit)
    raise _invalid(resource, prop, value, location, f"a unit: {allowed}", f"has no unit {unit!r}")


def _unit_for(unit_spec: PropertySpec, unit: str | None, resource: str, prop: str, value: JsonValue) -> str:
    choices = [
        u for u in _as_tuple(unit_spec.read_values) + _as_tuple(unit_spec.write_values) if isinstance(u, str)
    ]
    choices = list(dict.fromkeys(choices))
    if unit is not None:
        if choices and unit not in choices:
            raise _invalid(
                resource,
                prop,
                value,
                unit_spec.key.location,
                "a unit: " + ", ".join(choices),
                f"has no unit {unit!r}",
            )
        return unit
    if _PREFERRED_UNIT in choices or not choices:
        return _PREFERRED_UNIT
    return choices[0]


def validate_value(spec: PropertySpec, value: JsonValue) -> None:
    """Check that `value` may be written to the property described by `spec`.

    Raises:
        ThinQInvalidValueError: the property is read-only or the value is not allowed.
    """
    key = spec.key
    if not spec.writable:
        raise _invalid(key.resource, key.name, value, key.location, "nothing (read-only)", "is read-only")
    allowed = spec.write_values
    ok: bool
    match spec.type:
        case PropertyType.BOOLEAN:
            ok = isinstance(value, bool) and (not allowed or value in _as_tuple(allowed))
        case PropertyType.RANGE:
            ok = is_number(value) and (not isinstance(allowed, RangeSpec) or allowed.contains(float(value)))
        case PropertyType.NUMBER:
            ok = is_number(value)
        case PropertyType.ENUM:
            ok = (
                isinstance(value, str | int | float)
                and not isinstance(value, bool)
                and (not allowed or _contains(_as_tuple(allowed), value))
            )
        case PropertyType.LIST:
            ok = isinstance(value, list | tuple) and (
                not allowed or all(_contains(_as_tuple(allowed), v) for v in value)
            )
        case PropertyType.STRING:
            ok = isinstance(value, str)
        case _:
            ok = value is None or isinstance(value, str | int | float | bool)
    if not ok:
        raise _invalid(
            key.resource, key.name, value, key.location, spec.describe_writable(), "does not accept"
        )


def _invalid(
    resource: str, prop: str, value: JsonValue, location: str | None, allowed: str, problem: str
) -> ThinQInvalidValueError:
    where = f"{resource}.{prop}" + (f"@{location}" if location is not None else "")
    if problem == "does not accept":
        message = f"{where} does not accept {json.dumps(value)}; allowed: {allowed}"
    else:
        message = f"{where} {problem}; expected {allowed}"
    return ThinQInvalidValueError(
        message, resource=resource, prop=prop, value=value, allowed=allowed, location=location
    )


def _contains(allowed: tuple[JsonScalar, ...], value: JsonValue) -> bool:
    # `True in (1,)` is true in Python; compare types as well so booleans never match numbers.
    return any(type(a) is type(value) and a == value for a in allowed) or (
        is_number(value) and any(is_number(a) and a == value for a in allowed)
    )


def _as_tuple(values: AllowedValues) -> tuple[JsonScalar, ...]:
    return values if isinstance(values, tuple) else ()


# Properties LG's SDK (thinqconnect) always sends in one body with another: (resource, property)
# -> its companions. A timer's minute goes with its hour (the SDK's `set_*_time_to_*` take both);
# a hood's lamp with its fan speed and back (`HoodDevice.set_fan_speed` sends the lamp's current
# brightness too); a cooktop burner's power level with its timer. `relativeMinuteToStop` is not
# here: the SDK leaves it out when it is 0, and an hour-only change is what we send.
_SDK_COMPANIONS: Mapping[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("timer", "relativeHourToStart"): (("timer", "relativeMinuteToStart"),),
    ("timer", "absoluteHourToStart"): (("timer", "absoluteMinuteToStart"),),
    ("timer", "absoluteHourToStop"): (("timer", "absoluteMinuteToStop"),),
    ("sleepTimer", "relativeHourToStop"): (("sleepTimer", "relativeMinuteToStop"),),
    ("ventilation", "fanSpeed"): (("lamp", "lampBrightness"),),
    ("lamp", "lampBrightness"): (("ventilation", "fanSpeed"),),
    ("power", "powerLevel"): (("timer", "remainHour"), ("timer", "remainMinute")),
    ("timer", "remainHour"): (("power", "powerLevel"), ("timer", "remainMinute")),
    ("timer", "remainMinute"): (("power", "powerLevel"), ("timer", "remainHour")),
}
# Companions sent with the appliance's current value; the others (timer minutes) start at 0.
_KEEP_CURRENT = frozenset(
    {
        ("lamp", "lampBrightness"),
        ("ventilation", "fanSpeed"),
        ("power", "powerLevel"),
        ("timer", "remainHour"),
        ("timer", "remainMinute"),
    }
)


def sdk_companions(
    profile: DeviceProfile, state: DeviceState | None, resource: str, prop: str, location: str | None = None
) -> dict[tuple[str, str], JsonValue]:
    """Return what LG's SDK sends together with a change of `resource.prop` (see `_SDK_COMPANIONS`).

    Only a companion the profile lets us write is added; one whose current value is unknown is left out.
    """
    together: dict[tuple[str, str], JsonValue] = {}
    for companion in _SDK_COMPANIONS.get((resource, prop), ()):
        spec = profile.get(*companion, location)
        if spec is None or not spec.writable:
            continue
        if companion not in _KEEP_CURRENT:
            together[companion] = 0
        elif state is not None and (current := state.get(*companion, location)) is not None:
            together[companion] = current
    return together
