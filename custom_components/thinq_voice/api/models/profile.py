"""A device's capability profile (`GET /devices/{id}/profile`), read generically into `PropertySpec`s."""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
import json

from ..errors import ThinQInvalidResponseError
from .payload import (
    LOCATION,
    LOCATION_NAME,
    UNIT,
    JsonScalar,
    LocationStyle,
    PropertyKey,
    is_number,
    list_entry_key,
    object_location,
)

# Float tolerance when checking that a value sits on a range's step.
_STEP_TOLERANCE = 1e-6


class PropertyType(StrEnum):
    """The `type` of a profile property; UNKNOWN keeps types LG may add later."""

    ENUM = "enum"
    RANGE = "range"
    NUMBER = "number"
    BOOLEAN = "boolean"
    STRING = "string"
    LIST = "list"
    UNKNOWN = "unknown"


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


def _number_text(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else str(number)


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
            location = object_location(entry)
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
        if resource == LOCATION:
            continue
        if isinstance(content, dict):
            _read_profile_properties(resource, content, location, None, style, properties)
        elif isinstance(content, list):
            for entry in content:
                if not isinstance(entry, dict):
                    continue
                entry_location, entry_unit, entry_style = list_entry_key(entry, location, style)
                rest = {
                    k: v for k, v in entry.items() if k != LOCATION_NAME and not (entry_unit and k == UNIT)
                }
                _read_profile_properties(resource, rest, entry_location, entry_unit, entry_style, properties)
        else:
            # A bare value at resource level has no property name; keep it under an empty one.
            key = PropertyKey(resource, "", location)
            properties[key] = _read_spec(key, content, style)


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
    if not is_number(low) or not is_number(high):
        return None
    excluded = raw.get("except")
    return RangeSpec(
        min=float(low),
        max=float(high),
        step=float(step) if is_number(step) and step else None,
        excluded=tuple(float(v) for v in excluded if is_number(v)) if isinstance(excluded, list) else (),
    )


def _strings(value: object) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []
