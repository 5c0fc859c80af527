"""JSON value types, and how LG's payloads address one property: `PropertyKey` and its location.

Shared by the profile, state and control-body readers; see the package's docstring for the three
ways LG writes a location.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
import math
from typing import TypeIs, override

type JsonScalar = str | int | float | bool | None
type JsonValue = JsonScalar | list[JsonValue] | dict[str, JsonValue]
type JsonObject = dict[str, JsonValue]

LOCATION = "location"
LOCATION_NAME = "locationName"
UNIT = "unit"


class LocationStyle(StrEnum):
    """How a location (part of an appliance) is written in profiles, states and control bodies."""

    OBJECT = "object"
    """`property` is a list of objects carrying `location.locationName`."""
    RESOURCE_LIST = "resource_list"
    """The resource is a list of objects carrying `locationName`."""
    SUB_DEVICE = "sub_device"
    """The profile is split into named sub-devices (WashTower `washer` / `dryer`)."""


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


def object_location(entry: Mapping[str, object]) -> str | None:
    """Return the part an object names in `location.locationName`, if any."""
    location = entry.get(LOCATION)
    if isinstance(location, dict) and isinstance(name := location.get(LOCATION_NAME), str):
        return name
    return None


def list_entry_key(
    entry: Mapping[str, object], location: str | None, style: LocationStyle | None
) -> tuple[str | None, str | None, LocationStyle | None]:
    """Return the (location, unit, style) an entry of a resource list is keyed by."""
    if isinstance(name := entry.get(LOCATION_NAME), str):
        return name, None, LocationStyle.RESOURCE_LIST
    if isinstance(unit := entry.get(UNIT), str):
        return location, unit, style
    return location, None, style


def is_number(value: object) -> TypeIs[int | float]:
    """Return whether a JSON value is a finite number (booleans are not)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def str_or_none(value: object) -> str | None:
    """Return the value if it is a string, else None."""
    return value if isinstance(value, str) else None
