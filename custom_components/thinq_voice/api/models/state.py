"""A device's state (`GET /devices/{id}/state`, or a push `report`), keyed by `PropertyKey`."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import cast

from ..errors import ThinQInvalidResponseError
from .payload import LOCATION, LOCATION_NAME, UNIT, JsonValue, PropertyKey, list_entry_key, object_location


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
                _read_state_resources(entry, object_location(entry), values)
        elif isinstance(data, dict):
            # HA's washer fixture is one such object, with its `location`, instead of a list.
            _read_state_resources(data, object_location(data), values)
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


def _read_state_resources(
    resources: Mapping[str, object], location: str | None, values: dict[PropertyKey, JsonValue]
) -> None:
    for resource, content in resources.items():
        if resource == LOCATION:
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
                entry_location, entry_unit, _ = list_entry_key(entry, location, None)
                for name, value in entry.items():
                    if name == LOCATION_NAME or (entry_unit is not None and name == UNIT):
                        continue
                    values[PropertyKey(resource, name, entry_location, entry_unit)] = value
        else:
            # A bare value at resource level has no property name; keep it under an empty one.
            values[PropertyKey(resource, "", location)] = cast(JsonValue, content)


def _is_sub_device_state(content: Mapping[str, object]) -> bool:
    """Return whether a state object holds sub-devices (WashTower `washer`) rather than properties."""
    return bool(content) and all(isinstance(v, dict) for v in content.values())
