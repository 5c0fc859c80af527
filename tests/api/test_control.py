"""Validation of control values against profiles, and control payload shapes."""

from typing import Any

import pytest

from custom_components.thinq_voice.api import (
    DeviceProfile,
    JsonValue,
    ThinQInvalidValueError,
    build_control_payload,
    validate_value,
)

from .conftest import load, spec_examples

EXAMPLES = spec_examples()
AC = DeviceProfile.from_json(load("ha-core-fixtures/air_conditioner/profile.json"))
WASHER = DeviceProfile.from_json(load("ha-core-fixtures/washer/profile.json"))
FRIDGE = DeviceProfile.from_json(EXAMPLES["refrigerator-profile-example"])


def profile(name: str) -> DeviceProfile:
    return DeviceProfile.from_json(EXAMPLES[f"{name}-profile-example"])


@pytest.mark.parametrize(
    ("device", "args", "expected"),
    [
        (
            AC,
            ("operation", "airConOperationMode", "POWER_ON"),
            {"operation": {"airConOperationMode": "POWER_ON"}},
        ),
        (AC, ("airConJobMode", "currentJobMode", "COOL"), {"airConJobMode": {"currentJobMode": "COOL"}}),
        (
            AC,
            ("temperature", "targetTemperature", 24),
            {"temperature": {"targetTemperature": 24, "unit": "C"}},
        ),
        (AC, ("windDirection", "rotateUpDown", True), {"windDirection": {"rotateUpDown": True}}),
        (AC, ("timer", "absoluteHourToStart", 10), {"timer": {"absoluteHourToStart": 10}}),
        (AC, ("powerSave", "powerSaveEnabled", False), {"powerSave": {"powerSaveEnabled": False}}),
        (
            WASHER,
            ("operation", "washerOperationMode", "START"),
            {"location": {"locationName": "MAIN"}, "operation": {"washerOperationMode": "START"}},
        ),
        (
            WASHER,
            ("timer", "relativeHourToStart", 3, "MAIN"),
            {"location": {"locationName": "MAIN"}, "timer": {"relativeHourToStart": 3}},
        ),
        (
            FRIDGE,
            ("temperature", "targetTemperature", 3, "FRIDGE"),
            {"temperature": {"locationName": "FRIDGE", "targetTemperature": 3, "unit": "C"}},
        ),
        (
            FRIDGE,
            ("temperature", "targetTemperature", -18, "FREEZER"),
            {"temperature": {"locationName": "FREEZER", "targetTemperature": -18, "unit": "C"}},
        ),
        (FRIDGE, ("refrigeration", "expressMode", True), {"refrigeration": {"expressMode": True}}),
        (
            profile("oven"),
            ("operation", "ovenOperationMode", "STOP", "UPPER"),
            {"location": {"locationName": "UPPER"}, "operation": {"ovenOperationMode": "STOP"}},
        ),
        (
            profile("mini_washcombo"),
            ("operation", "washerOperationMode", "START"),
            {"location": {"locationName": "MINI"}, "operation": {"washerOperationMode": "START"}},
        ),
        (
            profile("washtower"),
            ("operation", "dryerOperationMode", "START"),
            {"dryer": {"operation": {"dryerOperationMode": "START"}}},
        ),
        (
            profile("cooktop"),
            ("operation", "operationMode", "POWER_OFF"),
            {"operation": {"operationMode": "POWER_OFF"}},
        ),
        (
            profile("cooktop"),
            ("power", "powerLevel", 5, "LEFT_REAR"),
            {"location": {"locationName": "LEFT_REAR"}, "power": {"powerLevel": 5}},
        ),
        (profile("wine_cellar"), ("operation", "lightStatus", 90), {"operation": {"lightStatus": 90}}),
        (
            profile("robot_cleaner"),
            ("operation", "cleanOperationMode", "HOMING"),
            {"operation": {"cleanOperationMode": "HOMING"}},
        ),
        (profile("hood"), ("lamp", "lampBrightness", 0), {"lamp": {"lampBrightness": 0}}),
        (profile("microwave_oven"), ("ventilation", "fanSpeed", 0), {"ventilation": {"fanSpeed": 0}}),
        (profile("humidifier"), ("humidity", "targetHumidity", 45), {"humidity": {"targetHumidity": 45}}),
        (
            AC,
            ("temperatureInUnits", "coolTargetTemperature", 20),
            {"temperatureInUnits": {"coolTargetTemperature": 20, "unit": "C"}},
        ),
    ],
)
def test_payloads(device: DeviceProfile, args: tuple[Any, ...], expected: dict[str, Any]) -> None:
    assert build_control_payload(device, *args) == expected


def test_spec_command_examples_are_rebuilt() -> None:
    """Each spec command example is what build_control_payload makes from its profile."""
    rebuilt = 0
    for name, command in EXAMPLES.items():
        if not name.endswith("-command-example"):
            continue
        device = name.removesuffix("-command-example")
        spec_profile = DeviceProfile.from_json(EXAMPLES[f"{device}-profile-example"])
        location = command.get("location", {}).get("locationName")
        if location and location not in spec_profile.locations:
            continue  # the oven example controls LOWER, its profile example only has UPPER
        sub_device = next((k for k in command if k in ("washer", "dryer")), None)
        body = command[sub_device] if sub_device else command
        for resource, props in body.items():
            if resource == "location":
                continue
            for prop, value in props.items():
                if spec_profile.get(resource, prop, location or sub_device) is None and (
                    not any(k.resource == resource and k.name == prop for k in spec_profile.properties)
                ):
                    continue  # the dehumidifier example uses a humidifier resource
                payload = build_control_payload(spec_profile, resource, prop, value, location or sub_device)
                assert payload == {
                    **({"location": {"locationName": location}} if location else {}),
                    **({sub_device: {resource: {prop: value}}} if sub_device else {resource: {prop: value}}),
                }, name
                rebuilt += 1
    assert rebuilt >= 20


@pytest.mark.parametrize(
    ("device", "args", "allowed"),
    [
        (AC, ("operation", "airConOperationMode", "TURBO"), 'one of "POWER_ON", "POWER_OFF"'),
        (AC, ("operation", "airConOperationMode", True), 'one of "POWER_ON", "POWER_OFF"'),
        (AC, ("temperature", "targetTemperature", 31), "18..30 step 1"),
        (AC, ("temperature", "targetTemperature", 17), "18..30 step 1"),
        (AC, ("temperature", "targetTemperature", 24.5), "18..30 step 1"),
        (AC, ("temperature", "targetTemperature", "24"), "18..30 step 1"),
        (AC, ("temperature", "targetTemperature", True), "18..30 step 1"),
        (AC, ("temperature", "targetTemperature", float("nan")), "18..30 step 1"),
        (AC, ("windDirection", "rotateUpDown", 1), "one of true, false"),
        (AC, ("windDirection", "rotateUpDown", "true"), "one of true, false"),
        (AC, ("timer", "absoluteHourToStart", "10"), "a number"),
        (AC, ("temperature", "currentTemperature", 20), "nothing (read-only)"),
        (AC, ("temperature", "unit", "C"), "nothing (read-only)"),
        (AC, ("airQualitySensor", "PM1", 3), "nothing (read-only)"),
        (WASHER, ("runState", "currentState", "RUNNING"), "nothing (read-only)"),
        (WASHER, ("detergent", "detergentSetting", "NORMAL"), "nothing (read-only)"),
        (WASHER, ("timer", "relativeHourToStart", 0), "1..19 step 1"),
        (WASHER, ("timer", "relativeHourToStart", 20), "1..19 step 1"),
        (profile("wine_cellar"), ("operation", "lightStatus", 95), "0..100 step 10"),
        (FRIDGE, ("temperature", "targetTemperature", 3, "FREEZER"), "-21..-16 step 1"),
        (FRIDGE, ("doorStatus", "doorState", "OPEN", "MAIN"), "nothing (read-only)"),
    ],
)
def test_bad_values_are_refused(device: DeviceProfile, args: tuple[Any, ...], allowed: str) -> None:
    with pytest.raises(ThinQInvalidValueError) as info:
        build_control_payload(device, *args)
    error = info.value
    assert error.allowed == allowed
    assert error.resource == args[0] and error.prop == args[1]
    assert allowed in str(error)


def test_except_values_are_refused() -> None:
    spec = DeviceProfile.from_json(
        {
            "property": {
                "t": {
                    "v": {
                        "type": "range",
                        "mode": ["w"],
                        "value": {"w": {"min": 0, "max": 5, "step": 1, "except": [3]}},
                    }
                }
            }
        }
    ).get("t", "v")
    assert spec is not None
    validate_value(spec, 2)
    with pytest.raises(ThinQInvalidValueError, match="except 3"):
        validate_value(spec, 3)


@pytest.mark.parametrize(
    ("device", "args", "message"),
    [
        (AC, ("nope", "nothing", 1), "is not in the profile"),
        (FRIDGE, ("temperature", "targetTemperature", 3), "needs a location"),
        (FRIDGE, ("temperature", "targetTemperature", 3, "CELLAR"), "has no location 'CELLAR'"),
        (AC, ("temperatureInUnits", "coolTargetTemperature", 20, None), None),
        (AC, ("temperature", "targetTemperature", 24, None), None),
    ],
)
def test_lookup_problems(device: DeviceProfile, args: tuple[Any, ...], message: str | None) -> None:
    if message is None:
        assert build_control_payload(device, *args)
        return
    with pytest.raises(ThinQInvalidValueError, match=message):
        build_control_payload(device, *args)


def test_units() -> None:
    assert build_control_payload(AC, "temperature", "targetTemperature", 24, unit="F") == {
        "temperature": {"targetTemperature": 24, "unit": "F"}
    }
    with pytest.raises(ThinQInvalidValueError, match="has no unit 'K'"):
        build_control_payload(AC, "temperature", "targetTemperature", 24, unit="K")
    assert build_control_payload(AC, "temperatureInUnits", "coolTargetTemperature", 70, unit="F") == {
        "temperatureInUnits": {"coolTargetTemperature": 70, "unit": "F"}
    }
    with pytest.raises(ThinQInvalidValueError, match=r"64\.\.86 step 2"):
        build_control_payload(AC, "temperatureInUnits", "coolTargetTemperature", 71, unit="F")
    with pytest.raises(ThinQInvalidValueError, match="has no unit 'K'"):
        build_control_payload(AC, "temperatureInUnits", "coolTargetTemperature", 20, unit="K")
    fahrenheit_only = DeviceProfile.from_json(
        {
            "property": {
                "temperature": {
                    "targetTemperature": {"type": "number", "mode": ["w"]},
                    "unit": {"type": "enum", "mode": ["r"], "value": {"r": ["F"]}},
                },
                "temperatureInUnits": [{"unit": "F", "t": {"type": "number", "mode": ["w"]}}],
            }
        }
    )
    assert build_control_payload(fahrenheit_only, "temperature", "targetTemperature", 70) == {
        "temperature": {"targetTemperature": 70, "unit": "F"}
    }
    with pytest.raises(ThinQInvalidValueError, match="has no unit None"):
        build_control_payload(fahrenheit_only, "temperatureInUnits", "t", 70)


@pytest.mark.parametrize(
    ("spec_json", "good", "bad"),
    [
        ({"type": "list", "mode": ["w"], "value": {"w": ["A", "B"]}}, ["A"], ["C"]),
        ({"type": "list", "mode": ["w"], "value": {"w": ["A", "B"]}}, ("A", "B"), "A"),
        ({"type": "string", "mode": ["w"]}, "hello", 3),
        ({"type": "enum", "mode": ["w"]}, "ANY", None),
        ({"type": "enum", "mode": ["w"], "value": {"w": [1, 2]}}, 2, True),
        ({"type": "boolean", "mode": ["w"]}, False, 0),
        ({"type": "range", "mode": ["w"]}, 7.5, "7"),
        ({"type": "hologram", "mode": ["w"]}, "x", [1]),
    ],
)
def test_types(spec_json: dict[str, Any], good: JsonValue, bad: JsonValue) -> None:
    device = DeviceProfile.from_json({"property": {"r": {"p": spec_json}}})
    payload = build_control_payload(device, "r", "p", good)
    assert payload == {"r": {"p": list(good) if isinstance(good, tuple) else good}}
    with pytest.raises(ThinQInvalidValueError):
        build_control_payload(device, "r", "p", bad)


def test_write_values_fall_back_to_read_values() -> None:
    device = DeviceProfile.from_json(
        {"property": {"r": {"p": {"type": "enum", "mode": ["r", "w"], "value": {"r": ["A"]}}}}}
    )
    assert build_control_payload(device, "r", "p", "A") == {"r": {"p": "A"}}
    with pytest.raises(ThinQInvalidValueError, match='one of "A"'):
        build_control_payload(device, "r", "p", "B")
