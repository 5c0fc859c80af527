"""LG's own SDK (thinqconnect, test dependency only) as the oracle for control bodies.

For every fixture appliance the SDK knows and every property the SDK lets us write, the body our
client builds for a change equals the body the SDK sends for it: same resource and property
names, the unit and location the SDK adds, the properties it sends together.
"""

import asyncio
import copy
import inspect
from typing import Any

import pytest
from thinqconnect.devices.connect_device import ConnectBaseDevice
from thinqconnect.devices.const import Property
from thinqconnect.integration.homeassistant.api import DEVICE_TYPE_API_MAP

from custom_components.thinq_voice.api.models import (
    DeviceProfile,
    DeviceState,
    JsonValue,
    PropertySpec,
    PropertyType,
    RangeSpec,
    build_control_payload,
    sdk_companions,
)
from tests.ha.conftest import fixture_devices

# The SDK's setters that take a timer's hour and minute (or a hood's two speeds) at once, by the
# property they set first; the other property's own entry is the same change.
GROUPED_SETTERS = {
    "relative_hour_to_start": ("set_relative_time_to_start", 0),
    "relative_hour_to_stop": ("set_relative_time_to_stop", 0),
    "absolute_hour_to_start": ("set_absolute_time_to_start", 0),
    "absolute_hour_to_stop": ("set_absolute_time_to_stop", 0),
    "sleep_timer_relative_hour_to_stop": ("set_sleep_timer_relative_time_to_stop", 0),
}
# Properties the SDK writes only together with the one named here: no change of their own.
WRITTEN_WITH = {
    "relative_minute_to_start": "relative_hour_to_start",
    "relative_minute_to_stop": "relative_hour_to_stop",
    "absolute_minute_to_start": "absolute_hour_to_start",
    "absolute_minute_to_stop": "absolute_hour_to_stop",
    "sleep_timer_relative_minute_to_stop": "sleep_timer_relative_hour_to_stop",
}
# Where we deliberately send something the SDK would not, and why.
DIFFERENCES = {
    # The SDK has no setter for the plain `temperature.targetTemperature` an AC profile declares
    # writable; we send it (with its unit) only when the profile offers no mode target: LG's spec
    # example shows that body.
    ("temperature", "targetTemperature"): "no SDK setter; LG's spec example body",
}


class RecordingApi:
    """Stands in for the SDK's ThinQApi: records the bodies instead of posting them."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def async_post_device_control(self, device_id: str, payload: Any, timeout: float = 15) -> None:
        self.sent.append(copy.deepcopy(dict(payload)))


def sdk_devices(device_type: str, profile: Any, state: Any) -> list[tuple[ConnectBaseDevice, RecordingApi]]:
    """Build the SDK's device (and its per-location sub-devices) for a fixture."""
    api = RecordingApi()
    device = DEVICE_TYPE_API_MAP[device_type](
        thinq_api=api,
        device_id="oracle",
        device_type=device_type,
        model_name="FIXTURE",
        alias="oracle",
        reportable=True,
        group_id=None,
        profile=copy.deepcopy(profile),
    )
    device.set_status(copy.deepcopy(state))
    subs = list(getattr(device, "_sub_devices", {}).values())
    return [(device, api)] + [(sub, api) for sub in subs]


def _value_for(spec: PropertySpec) -> JsonValue:
    """A value the profile allows: the last enum value, the top of a range, true, or 2."""
    values = spec.write_values
    if isinstance(values, RangeSpec):
        return int(values.max) if float(values.max).is_integer() else values.max
    if isinstance(values, tuple) and values:
        return values[-1]
    return True if spec.type is PropertyType.BOOLEAN else 2


def _cases() -> list[tuple[str, str, Any, Any]]:
    return [case for case in fixture_devices() if case[1] in DEVICE_TYPE_API_MAP]


def _target(body: dict[str, Any], companions: set[tuple[str, str]]) -> tuple[str, str, JsonValue, str | None]:
    """Return the (resource, property, value, unit) an SDK body changes, companions aside."""
    for resource, block in body.items():
        if resource == "location" or not isinstance(block, dict):
            continue
        for prop, value in block.items():
            if prop not in ("unit", "locationName") and (resource, prop) not in companions:
                return resource, prop, value, block.get("unit")
    raise AssertionError(f"nothing changed in {body}")


@pytest.mark.parametrize(("alias", "device_type", "profile", "state"), _cases(), ids=[c[0] for c in _cases()])
def test_our_bodies_are_the_sdks(alias: str, device_type: str, profile: Any, state: Any) -> None:
    """Every property the SDK writes: the same change gives the same body."""
    ours = DeviceProfile.from_json(profile)
    our_state = DeviceState.from_json(state)
    compared = 0
    for device, api in sdk_devices(device_type, profile, state):
        named = getattr(device, "location_name", None)
        location = next((loc for loc in ours.locations if str(loc).lower() == str(named).lower()), None)
        sdk_profile = device.profiles
        for name in sdk_profile.writable_properties:
            if name in WRITTEN_WITH:
                assert WRITTEN_WITH[name] in sdk_profile.writable_properties or name.startswith(
                    "relative_minute"
                ), name
                continue
            single = sdk_profile._get_attribute_payload(Property(name), None)
            resource, block = next(iter(single.items()))
            prop = next(iter(block))
            unit = "F" if name.endswith("_f") else "C" if name.endswith("_c") else None
            spec = ours.get(resource, prop, location, unit) or ours.get(resource, prop, location)
            if (
                spec is None
                and location is None
                and any(key.resource == resource and key.name == prop for key in ours.properties)
            ):
                continue  # a part's property: compared on the SDK's sub-device of that part
            assert spec is not None and spec.writable, (alias, name, resource, prop)
            value = _value_for(spec)
            setter, *rest = GROUPED_SETTERS.get(name, (f"set_{name}",))
            if not hasattr(device, setter):
                # The SDK declares it writable but has no setter for it: nothing to compare with.
                continue
            method = getattr(device, setter)
            # The purifier's sleep timer setter takes the hour alone, the AC's hour and minute.
            takes = len(inspect.signature(method).parameters)
            asyncio.run(method(value, *rest[: takes - 1]))
            sdk_body = api.sent.pop()
            companions = set(sdk_companions(ours, our_state, resource, prop, location))
            # A WashTower part's body is wrapped in the part's name, as our SUB_DEVICE bodies are.
            inner = sdk_body[location] if location in sdk_body and len(sdk_body) == 1 else sdk_body
            changed = _target(inner, companions)
            assert changed[:3] == (resource, prop, value), (alias, name, sdk_body)
            our_body = build_control_payload(
                ours,
                resource,
                prop,
                value,
                location,
                unit=changed[3],
                together=sdk_companions(ours, our_state, resource, prop, location),
            )
            assert our_body == sdk_body, (alias, name)
            compared += 1
    assert compared or not any(spec.writable for spec in ours.properties.values()), alias
