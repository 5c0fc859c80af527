"""Typed views of ThinQ Connect payloads: devices, profiles, states, messages, control payloads.

Profiles and states are read generically, without per-model code. Every property becomes a
`PropertyKey(resource, name, location, unit)`:

- `location` is set for multi-part appliances. LG spells a part three ways, kept in
  `LocationStyle`: a `property` list of objects with `location.locationName` (laundry, oven,
  cooktop, plant cultivator), a resource that is a list of objects with `locationName` (fridge
  `temperature` and `doorStatus`, kimchi fridge, wine cellar), and a profile split into sub-devices
  (WashTower `washer` / `dryer`).
- `unit` is set for resource lists keyed by unit (AC `temperatureInUnits`, oven `temperature`).

Unknown resources, properties and device types are kept as they are.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
import json
import math
from typing import TypeIs, cast, override

from .const import DeviceType
from .errors import ThinQInvalidResponseError, ThinQInvalidValueError

type JsonScalar = str | int | float | bool | None
type JsonValue = JsonScalar | list[JsonValue] | dict[str, JsonValue]
type JsonObject = dict[str, JsonValue]

# Celsius is the default when a resource accepts several units: `temperature` ranges are in °C,
# the °F ranges live in `temperatureInUnits`.
_PREFERRED_UNIT = "C"
# Float tolerance when checking that a value sits on a range's step.
_STEP_TOLERANCE = 1e-6
_LOCATION = "location"
_LOCATION_NAME = "locationName"
_UNIT = "unit"


class PropertyType(StrEnum):
    """The `type` of a profile property; UNKNOWN keeps types LG may add later."""

    ENUM = "enum"
    RANGE = "range"
    NUMBER = "number"
    BOOLEAN = "boolean"
    STRING = "string"
    LIST = "list"
    UNKNOWN = "unknown"


class LocationStyle(StrEnum):
    """How a location (part of an appliance) is written in profiles, states and control bodies."""

    OBJECT = "object"
    """`property` is a list of objects carrying `location.locationName`."""
    RESOURCE_LIST = "resource_list"
    """The resource is a list of objects carrying `locationName`."""
    SUB_DEVICE = "sub_device"
    """The profile is split into named sub-devices (WashTower `washer` / `dryer`)."""


class PushType(StrEnum):
    """The `pushType` values of MQTT messages."""

    DEVICE_STATUS = "DEVICE_STATUS"
    DEVICE_PUSH = "DEVICE_PUSH"
    DEVICE_REGISTERED = "DEVICE_REGISTERED"
    DEVICE_UNREGISTERED = "DEVICE_UNREGISTERED"
    DEVICE_ALIAS_CHANGED = "DEVICE_ALIAS_CHANGED"


@dataclass(frozen=True, slots=True)
class PropertyKey:
    """Identifies one property of a device: resource, property name, part and unit."""

    resource: str
    name: str
    location: str | None = None
    unit: str | None = None

    @override
    def __str__(self) -> str:
        """Readable form, for example `temperature.targetTemperature@FRIDGE`."""
        text = f"{self.resource}.{self.name}"
        if self.location is not None:
            text += f"@{self.location}"
        if self.unit is not None:
            text += f"[{self.unit}]"
        return text


@dataclass(frozen=True, slots=True)
class RangeSpec:
    """Allowed numbers of a `range` property: min..max on a step grid, minus `excluded`."""

    min: float
    max: float
    step: float | None = None
    excluded: tuple[float, ...] = ()

    def contains(self, value: float) -> bool:
        """Return whether `value` is allowed."""
        if not self.min <= value <= self.max or value in self.excluded:
            return False
        if not self.step:
            return True
        steps = (value - self.min) / self.step
        return abs(steps - round(steps)) < _STEP_TOLERANCE

    def describe(self) -> str:
        """Describe the range for error messages."""
        text = f"{_number_text(self.min)}..{_number_text(self.max)}"
        if self.step:
            text += f" step {_number_text(self.step)}"
        if self.excluded:
            text += " except " + ", ".join(_number_text(v) for v in self.excluded)
        return text


type AllowedValues = tuple[JsonScalar, ...] | RangeSpec | None


@dataclass(frozen=True, slots=True)
class PropertySpec:
    """What the profile says about one property.

    `read_values` / `write_values` are a tuple of allowed values (enum, boolean, list, constants),
    a `RangeSpec` (range) or None (number, string, or not given).
    """

    key: PropertyKey
    type: PropertyType
    readable: bool
    writable: bool
    read_values: AllowedValues = None
    write_values: AllowedValues = None
    location_style: LocationStyle | None = None

    @property
    def is_constant(self) -> bool:
        """Return whether the profile gave a bare value (for example `"detergentSetting": "NORMAL"`)."""
        return not self.writable and isinstance(self.read_values, tuple) and len(self.read_values) == 1

    def describe_writable(self) -> str:
        """Describe the values that may be written, for error messages."""
        values = self.write_values
        if isinstance(values, RangeSpec):
            return values.describe()
        if values:
            return "one of " + ", ".join(json.dumps(v) for v in values)
        if self.type is PropertyType.BOOLEAN:
            return "true or false"
        if self.type is PropertyType.NUMBER:
            return "a number"
        return f"a {self.type.value} value"


@dataclass(frozen=True, slots=True)
class DeviceProfile:
    """A device's capability profile, keyed by `PropertyKey`."""

    properties: Mapping[PropertyKey, PropertySpec]
    push_codes: tuple[str, ...] = ()
    error_codes: tuple[str, ...] = ()

    @classmethod
    def from_json(cls, data: object) -> DeviceProfile:
        """Read a profile (the `response` of `GET /devices/{id}/profile`).

        Raises:
            ThinQInvalidResponseError: the payload is not a profile.
        """
        if not isinstance(data, dict):
            raise ThinQInvalidResponseError(f"Device profile is a {type(data).__name__}, not an object")
        properties: dict[PropertyKey, PropertySpec] = {}
        push_codes: list[str] = []
        error_codes: list[str] = []
        if "property" in data or not _is_sub_device_profile(data):
            _read_profile_body(data, None, properties, push_codes, error_codes)
        else:
            for sub_device, body in data.items():
                _read_profile_body(body, sub_device, properties, push_codes, error_codes)
        return cls(properties, tuple(dict.fromkeys(push_codes)), tuple(dict.fromkeys(error_codes)))

    def get(
        self, resource: str, name: str, location: str | None = None, unit: str | None = None
    ) -> PropertySpec | None:
        """Return the spec of one property, or None if the profile does not have it."""
        return self.properties.get(PropertyKey(resource, name, location, unit))

    @property
    def resources(self) -> tuple[str, ...]:
        """Resource names in profile order, without duplicates."""
        return tuple(dict.fromkeys(key.resource for key in self.properties))

    @property
    def locations(self) -> tuple[str, ...]:
        """Location names (parts) in profile order, without duplicates."""
        return tuple(dict.fromkeys(key.location for key in self.properties if key.location is not None))

    def writable(self) -> list[PropertySpec]:
        """Return the specs of every writable property."""
        return [spec for spec in self.properties.values() if spec.writable]


@dataclass(frozen=True, slots=True)
class DeviceState:
    """A device's current state (or a partial report), keyed by `PropertyKey`."""

    values: Mapping[PropertyKey, JsonValue] = field(default_factory=dict)

    @classmethod
    def from_json(cls, data: object) -> DeviceState:
        """Read a state (the `response` of `GET /devices/{id}/state`, or a push `report`).

        Raises:
            ThinQInvalidResponseError: the payload is neither an object nor a list of objects.
        """
        values: dict[PropertyKey, JsonValue] = {}
        if isinstance(data, list):
            for entry in data:
                if not isinstance(entry, dict):
                    raise ThinQInvalidResponseError("Device state list holds a non-object")
                _read_state_resources(entry, _object_location(entry), values)
        elif isinstance(data, dict):
            # HA's washer fixture is one such object, with its `location`, instead of a list.
            _read_state_resources(data, _object_location(data), values)
        else:
            raise ThinQInvalidResponseError(f"Device state is a {type(data).__name__}, not an object")
        return cls(values)

    def get(
        self, resource: str, name: str, location: str | None = None, unit: str | None = None
    ) -> JsonValue:
        """Return one value, or None if the state does not have it."""
        return self.values.get(PropertyKey(resource, name, location, unit))

    @property
    def locations(self) -> tuple[str, ...]:
        """Location names (parts) present in the state."""
        return tuple(dict.fromkeys(key.location for key in self.values if key.location is not None))

    def merged(self, report: DeviceState) -> DeviceState:
        """Return this state updated with a partial report (for example from a push)."""
        return DeviceState({**self.values, **report.values})


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One entry of `GET /devices`; `alias` falls back to the device id when LG sends none."""

    device_id: str
    device_type: str
    alias: str
    model_name: str | None = None
    reportable: bool | None = None
    group_id: str | None = None

    @property
    def known_type(self) -> DeviceType | None:
        """The device type as a `DeviceType`, or None for a type LG added later."""
        try:
            return DeviceType(self.device_type)
        except ValueError:
            return None

    @classmethod
    def from_json(cls, data: object) -> DeviceInfo:
        """Read one device entry.

        Raises:
            ThinQInvalidResponseError: the entry has no device id.
        """
        if not isinstance(data, dict) or not isinstance(device_id := data.get("deviceId"), str):
            raise ThinQInvalidResponseError("Device entry has no deviceId")
        info = data.get("deviceInfo")
        if not isinstance(info, dict):
            info = {}
        reportable = info.get("reportable")
        return cls(
            device_id=device_id,
            device_type=_str_or_none(info.get("deviceType")) or "",
            model_name=_str_or_none(info.get("modelName")),
            alias=_str_or_none(info.get("alias")) or device_id,
            reportable=reportable if isinstance(reportable, bool) else None,
            group_id=_str_or_none(info.get("groupId")),
        )


@dataclass(frozen=True, slots=True)
class Route:
    """The servers returned by `GET /route`."""

    api_server: str | None
    mqtt_server: str | None
    websocket_server: str | None

    @classmethod
    def from_json(cls, data: object) -> Route:
        """Read a route response.

        Raises:
            ThinQInvalidResponseError: the payload is not an object.
        """
        if not isinstance(data, dict):
            raise ThinQInvalidResponseError("Route response is not an object")
        return cls(
            api_server=_str_or_none(data.get("apiServer")),
            mqtt_server=_str_or_none(data.get("mqttServer")),
            websocket_server=_str_or_none(data.get("webSocketServer")),
        )


@dataclass(frozen=True, slots=True)
class ThinQMessage:
    """A push or event message from LG's MQTT broker, in either of its two shapes.

    The broker sends a flat object (`{"pushType", "deviceId", "report", ...}`); LG's spec examples
    wrap the same object in `{"messageId", "timestamp", "event" | "push": {...}}`.
    """

    push_type: str
    device_id: str
    device_type: str | None = None
    report: DeviceState | None = None
    push_code: str | None = None
    alias: str | None = None
    model_name: str | None = None
    service_id: str | None = None
    user_number: str | None = None
    user_list: tuple[str, ...] = ()
    message_id: str | None = None
    timestamp: str | None = None

    @classmethod
    def from_json(cls, data: object) -> ThinQMessage:
        """Read a message from a decoded JSON value, a JSON string or bytes.

        Raises:
            ThinQInvalidResponseError: the message is not JSON or has neither shape.
        """
        if isinstance(data, str | bytes | bytearray):
            try:
                data = json.loads(data)
            except ValueError:
                raise ThinQInvalidResponseError("Message is not JSON") from None
        if not isinstance(data, dict):
            raise ThinQInvalidResponseError("Message is not a JSON object")
        body = data
        for wrapper in ("event", "push"):
            if isinstance(data.get(wrapper), dict):
                body = data[wrapper]
                break
        push_type = body.get("pushType")
        device_id = body.get("deviceId")
        if not isinstance(push_type, str) or not isinstance(device_id, str):
            raise ThinQInvalidResponseError("Message has no pushType or deviceId")
        report = body.get("report")
        user_list = body.get("userList")
        return cls(
            push_type=push_type,
            device_id=device_id,
            device_type=_str_or_none(body.get("deviceType")),
            report=None if report is None else DeviceState.from_json(report),
            push_code=_str_or_none(body.get("pushCode")),
            alias=_str_or_none(body.get("alias")),
            model_name=_str_or_none(body.get("modelName")),
            service_id=_str_or_none(body.get("serviceId")),
            user_number=_str_or_none(body.get("userNumber")),
            user_list=tuple(u for u in user_list if isinstance(u, str))
            if isinstance(user_list, list)
            else (),
            message_id=_str_or_none(data.get("messageId")),
            timestamp=_str_or_none(data.get("timestamp")),
        )


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
        body[_UNIT] = key.unit
    elif prop != _UNIT and (unit_spec := profile.get(resource, _UNIT, key.location)) is not None:
        body[_UNIT] = _unit_for(unit_spec, unit, resource, prop, value)
    match spec.location_style:
        case LocationStyle.OBJECT:
            return {_LOCATION: {_LOCATION_NAME: key.location}, resource: body}
        case LocationStyle.RESOURCE_LIST:
            return {resource: {_LOCATION_NAME: key.location, **body}}
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
            ok = _is_number(value) and (not isinstance(allowed, RangeSpec) or allowed.contains(float(value)))
        case PropertyType.NUMBER:
            ok = _is_number(value)
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
        _is_number(value) and any(_is_number(a) and a == value for a in allowed)
    )


def _is_number(value: object) -> TypeIs[int | float]:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _as_tuple(values: AllowedValues) -> tuple[JsonScalar, ...]:
    return values if isinstance(values, tuple) else ()


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


def _str_or_none(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _is_sub_device_profile(data: Mapping[str, object]) -> bool:
    return bool(data) and all(isinstance(v, dict) and "property" in v for v in data.values())


def _read_profile_body(
    body: Mapping[str, object],
    sub_device: str | None,
    properties: dict[PropertyKey, PropertySpec],
    push_codes: list[str],
    error_codes: list[str],
) -> None:
    style = LocationStyle.SUB_DEVICE if sub_device is not None else None
    prop_block = body.get("property", {})
    if isinstance(prop_block, dict):
        _read_profile_resources(prop_block, sub_device, style, properties)
    elif isinstance(prop_block, list):
        for entry in prop_block:
            if not isinstance(entry, dict):
                raise ThinQInvalidResponseError("Device profile property list holds a non-object")
            location = _object_location(entry)
            entry_style = LocationStyle.OBJECT if location is not None else style
            _read_profile_resources(entry, location or sub_device, entry_style, properties)
    else:
        raise ThinQInvalidResponseError("Device profile `property` is neither an object nor a list")
    extension = body.get("extensionProperty")
    if isinstance(extension, dict):
        _read_profile_resources(extension, sub_device, style, properties)
    notification = body.get("notification")
    if isinstance(notification, dict):
        push_codes.extend(_strings(notification.get("push")))
    push_codes.extend(_strings(body.get("push")))
    error_codes.extend(_strings(body.get("error")))


def _read_profile_resources(
    resources: Mapping[str, object],
    location: str | None,
    style: LocationStyle | None,
    properties: dict[PropertyKey, PropertySpec],
) -> None:
    for resource, content in resources.items():
        if resource == _LOCATION:
            continue
        if isinstance(content, dict):
            _read_profile_properties(resource, content, location, None, style, properties)
        elif isinstance(content, list):
            for entry in content:
                if not isinstance(entry, dict):
                    continue
                entry_location, entry_unit, entry_style = _list_entry_key(entry, location, style)
                rest = {
                    k: v for k, v in entry.items() if k != _LOCATION_NAME and not (entry_unit and k == _UNIT)
                }
                _read_profile_properties(resource, rest, entry_location, entry_unit, entry_style, properties)
        else:
            # A bare value at resource level has no property name; keep it under an empty one.
            key = PropertyKey(resource, "", location)
            properties[key] = _read_spec(key, content, style)


def _list_entry_key(
    entry: Mapping[str, object], location: str | None, style: LocationStyle | None
) -> tuple[str | None, str | None, LocationStyle | None]:
    """Return the (location, unit, style) an entry of a resource list is keyed by."""
    if isinstance(name := entry.get(_LOCATION_NAME), str):
        return name, None, LocationStyle.RESOURCE_LIST
    if isinstance(unit := entry.get(_UNIT), str):
        return location, unit, style
    return location, None, style


def _read_profile_properties(
    resource: str,
    content: Mapping[str, object],
    location: str | None,
    unit: str | None,
    style: LocationStyle | None,
    properties: dict[PropertyKey, PropertySpec],
) -> None:
    for name, raw in content.items():
        key = PropertyKey(resource, name, location, unit)
        properties[key] = _read_spec(key, raw, style)


def _read_spec(key: PropertyKey, raw: object, style: LocationStyle | None) -> PropertySpec:
    if not isinstance(raw, dict):
        # A bare value is a read-only constant, for example `"detergentSetting": "NORMAL"`.
        constant: JsonScalar = raw if isinstance(raw, str | int | float | bool) else None
        values: tuple[JsonScalar, ...] = tuple(raw) if isinstance(raw, list) else (constant,)
        kind = _constant_type(raw)
        return PropertySpec(
            key, kind, readable=True, writable=False, read_values=values, location_style=style
        )
    kind = _property_type(raw.get("type"))
    value_block = raw.get("value")
    value_block = value_block if isinstance(value_block, dict) else {}
    mode = raw.get("mode")
    if isinstance(mode, list | str) and mode:
        # LG writes ["r", "w"], and some profiles (microwave oven) "r" or "rw".
        flags = set("".join(m for m in mode if isinstance(m, str)))
        readable, writable = "r" in flags, "w" in flags
    else:
        readable, writable = True, "w" in value_block
    read_values = _allowed(kind, value_block.get("r"))
    write_values = _allowed(kind, value_block["w"]) if "w" in value_block else read_values
    if kind is PropertyType.ENUM and _is_number_placeholder(read_values) and not writable:
        # A kimchi fridge declares its temperature as an enum whose one option is
        # `TEMPERATURE_NUMBER` and then reports a number (6): it is a number.
        kind, read_values, write_values = PropertyType.NUMBER, None, None
    return PropertySpec(
        key,
        kind,
        readable=readable,
        writable=writable,
        read_values=read_values,
        write_values=write_values if writable else None,
        location_style=style,
    )


def _is_number_placeholder(values: AllowedValues) -> bool:
    return (
        isinstance(values, tuple)
        and bool(values)
        and all(isinstance(v, str) and v.endswith("_NUMBER") for v in values)
    )


def _property_type(name: object) -> PropertyType:
    try:
        return PropertyType(name) if isinstance(name, str) else PropertyType.UNKNOWN
    except ValueError:
        return PropertyType.UNKNOWN


def _constant_type(raw: object) -> PropertyType:
    if isinstance(raw, bool):
        return PropertyType.BOOLEAN
    if isinstance(raw, int | float):
        return PropertyType.NUMBER
    if isinstance(raw, list):
        return PropertyType.LIST
    if isinstance(raw, str):
        return PropertyType.STRING
    return PropertyType.UNKNOWN


def _allowed(kind: PropertyType, raw: object) -> AllowedValues:
    if kind is PropertyType.RANGE:
        return _range(raw)
    if isinstance(raw, list):
        return tuple(v for v in raw if v is None or isinstance(v, str | int | float | bool))
    return None


def _range(raw: object) -> RangeSpec | None:
    if not isinstance(raw, dict):
        return None
    low, high, step = raw.get("min"), raw.get("max"), raw.get("step")
    if not _is_number(low) or not _is_number(high):
        return None
    excluded = raw.get("except")
    return RangeSpec(
        min=float(low),
        max=float(high),
        step=float(step) if _is_number(step) and step else None,
        excluded=tuple(float(v) for v in excluded if _is_number(v)) if isinstance(excluded, list) else (),
    )


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _object_location(entry: Mapping[str, object]) -> str | None:
    location = entry.get(_LOCATION)
    if isinstance(location, dict) and isinstance(name := location.get(_LOCATION_NAME), str):
        return name
    return None


def _read_state_resources(
    resources: Mapping[str, object], location: str | None, values: dict[PropertyKey, JsonValue]
) -> None:
    for resource, content in resources.items():
        if resource == _LOCATION:
            continue
        if isinstance(content, dict):
            if location is None and _is_sub_device_state(content):
                _read_state_resources(content, resource, values)
                continue
            for name, value in content.items():
                values[PropertyKey(resource, name, location)] = value
        elif isinstance(content, list):
            for entry in content:
                if not isinstance(entry, dict):
                    continue
                entry_location, entry_unit, _ = _list_entry_key(entry, location, None)
                for name, value in entry.items():
                    if name == _LOCATION_NAME or (entry_unit is not None and name == _UNIT):
                        continue
                    values[PropertyKey(resource, name, entry_location, entry_unit)] = value
        else:
            # A bare value at resource level has no property name; keep it under an empty one.
            values[PropertyKey(resource, "", location)] = cast(JsonValue, content)


def _is_sub_device_state(content: Mapping[str, object]) -> bool:
    """Return whether a state object holds sub-devices (WashTower `washer`) rather than properties."""
    return bool(content) and all(isinstance(v, dict) for v in content.values())


def parse_devices(data: object) -> list[DeviceInfo]:
    """Read the `response` of `GET /devices`.

    Raises:
        ThinQInvalidResponseError: the payload is not a list of device entries.
    """
    if not isinstance(data, list):
        raise ThinQInvalidResponseError("Device list is not a list")
    return [DeviceInfo.from_json(entry) for entry in data]


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
