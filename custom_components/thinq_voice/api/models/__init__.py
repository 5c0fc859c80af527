"""Typed views of ThinQ Connect payloads: devices, profiles, states, messages, control payloads.

Profiles and states are read generically, without per-model code. Every property becomes a
`PropertyKey(resource, name, location, unit)`:

- `location` is set for multi-part appliances. LG spells a part three ways, kept in
  `LocationStyle`: a `property` list of objects with `location.locationName` (laundry, oven,
  cooktop, plant cultivator), a resource that is a list of objects with `locationName` (fridge
  `temperature` and `doorStatus`, kimchi fridge, wine cellar), and a profile split into sub-devices
  (WashTower `washer` / `dryer`).
- `unit` is set for resource lists keyed by unit (AC `temperatureInUnits`, oven `temperature`).


The package is cut by concern: `payload` (JSON types, `PropertyKey` and locations), `profile`,
`state`, `control` (bodies of control requests), `devices` (device list and route) and `messages`
(MQTT). Import from the package; every name below is its public surface.
"""

from .control import build_control_payload, sdk_companions, validate_value
from .devices import DeviceInfo, Route, parse_devices
from .messages import PushType, ThinQMessage
from .payload import JsonObject, JsonScalar, JsonValue, LocationStyle, PropertyKey
from .profile import AllowedValues, DeviceProfile, PropertySpec, PropertyType, RangeSpec
from .state import DeviceState

__all__ = [
    "AllowedValues",
    "DeviceInfo",
    "DeviceProfile",
    "DeviceState",
    "JsonObject",
    "JsonScalar",
    "JsonValue",
    "LocationStyle",
    "PropertyKey",
    "PropertySpec",
    "PropertyType",
    "PushType",
    "RangeSpec",
    "Route",
    "ThinQMessage",
    "build_control_payload",
    "parse_devices",
    "sdk_companions",
    "validate_value",
]
