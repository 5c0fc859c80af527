"""Parsing of every ThinQ Connect fixture: profiles, states, device lists and messages."""

from pathlib import Path
from typing import Any

import pytest

from custom_components.thinq_voice.api import (
    DeviceInfo,
    DeviceProfile,
    DeviceState,
    DeviceType,
    LocationStyle,
    PropertyKey,
    PropertyType,
    PushType,
    RangeSpec,
    Route,
    ThinQInvalidResponseError,
    ThinQMessage,
)
from custom_components.thinq_voice.api.models import parse_devices
from tests.conftest import THINQ_FIXTURES

from .conftest import all_fixture_files, load, spec_examples

EXAMPLES = spec_examples()
PROFILE_EXAMPLES = sorted(name for name in EXAMPLES if name.endswith("-profile-example"))
STATE_EXAMPLES = sorted(name for name in EXAMPLES if name.endswith("-object-example"))


def _classify(path: Path, data: Any) -> list[tuple[str, Any]]:
    """Split a fixture file into (kind, payload) pairs."""
    name = path.name
    if path.parent.parent.name == "ha-core-fixtures":
        if name.startswith("energy_"):
            return [("energy", data)]
        kind = {"profile.json": "profile", "status.json": "state", "device.json": "device"}[name]
        return [(kind, data)]
    pairs: list[tuple[str, Any]] = []
    for key, value in data.items():
        if key == "_source":
            continue
        if key == "profile_response" or key.endswith("-profile-example"):
            pairs.append(("profile", value))
        elif key == "state_response" or key.endswith("-object-example"):
            pairs.append(("state", value))
        elif key == "control_request" or key.endswith("-command-example"):
            pairs.append(("state", value))  # a control body is a partial state
        elif isinstance(value, dict) and ("push" in value or "event" in value):
            pairs.append(("message", value))
    return pairs


@pytest.mark.parametrize("path", all_fixture_files(), ids=lambda p: str(p.relative_to(THINQ_FIXTURES)))
def test_every_fixture_file_parses(path: Path) -> None:
    pairs = _classify(path, load(str(path.relative_to(THINQ_FIXTURES))))
    assert pairs
    for kind, payload in pairs:
        if kind == "profile":
            profile = DeviceProfile.from_json(payload)
            assert profile.properties
            for spec in profile.properties.values():
                assert isinstance(spec.type, PropertyType)
                assert spec.readable or spec.writable
        elif kind == "state":
            assert DeviceState.from_json(payload).values
        elif kind == "device":
            assert DeviceInfo.from_json(payload).device_id
        elif kind == "energy":
            # LG wraps energy answers once more; reading them is the energy module's.
            assert payload["resultCode"] == "0000"
        else:
            assert ThinQMessage.from_json(payload).device_id


def test_all_examples_cover_the_documented_device_types() -> None:
    # LG's spec has one profile and one state example per device type.
    assert len(PROFILE_EXAMPLES) == len(STATE_EXAMPLES) == len(DeviceType) == 29


@pytest.mark.parametrize("name", PROFILE_EXAMPLES)
def test_spec_profiles_keep_every_resource(name: str) -> None:
    raw = EXAMPLES[name]
    profile = DeviceProfile.from_json(raw)
    bodies = raw.values() if "property" not in raw else [raw]
    expected: set[str] = set()
    for body in bodies:
        blocks = body["property"] if isinstance(body["property"], list) else [body["property"]]
        for block in blocks:
            expected |= {resource for resource in block if resource != "location"}
        expected |= set(body.get("extensionProperty", {}))
    assert set(profile.resources) == expected


@pytest.mark.parametrize("name", STATE_EXAMPLES)
def test_spec_states_parse(name: str) -> None:
    state = DeviceState.from_json(EXAMPLES[name])
    assert all(isinstance(key, PropertyKey) for key in state.values)


def test_ha_air_conditioner_profile() -> None:
    profile = DeviceProfile.from_json(load("ha-core-fixtures/air_conditioner/profile.json"))
    mode = profile.get("airConJobMode", "currentJobMode")
    assert mode is not None
    assert mode.type is PropertyType.ENUM
    assert mode.readable and mode.writable
    assert mode.write_values == ("AIR_CLEAN", "COOL", "AIR_DRY")
    target = profile.get("temperature", "targetTemperature")
    assert target is not None
    assert target.write_values == RangeSpec(min=18, max=30, step=1)
    cool = profile.get("temperature", "coolTargetTemperature")
    assert cool is not None and not cool.readable and cool.writable
    assert profile.get("temperature", "currentTemperature") is not None
    fahrenheit = profile.get("temperatureInUnits", "coolTargetTemperature", unit="F")
    assert fahrenheit is not None
    assert fahrenheit.write_values == RangeSpec(min=64, max=86, step=2)
    assert profile.get("temperatureInUnits", "unit") is None  # the unit is the key, not a property
    swing = profile.get("windDirection", "rotateUpDown")
    assert swing is not None and swing.type is PropertyType.BOOLEAN
    assert profile.push_codes == ("WATER_IS_FULL",)
    assert profile.get("airQualitySensor", "oder") is not None  # LG's typo is kept as is


def test_ha_air_conditioner_state_and_device() -> None:
    state = DeviceState.from_json(load("ha-core-fixtures/air_conditioner/status.json"))
    assert state.get("temperature", "targetTemperature") == 19
    assert state.get("temperature", "unit") == "C"
    assert state.get("operation", "airConOperationMode") == "POWER_ON"
    assert state.get("missing", "nothing") is None
    device = DeviceInfo.from_json(load("ha-core-fixtures/air_conditioner/device.json"))
    assert device.known_type is DeviceType.AIR_CONDITIONER
    assert device.alias == "Test air conditioner"
    assert device.model_name == "PAC_910604_WW"
    assert device.reportable is True


def test_ha_washer_profile_is_a_location_list() -> None:
    profile = DeviceProfile.from_json(load("ha-core-fixtures/washer/profile.json"))
    assert profile.locations == ("MAIN",)
    start = profile.get("operation", "washerOperationMode", "MAIN")
    assert start is not None
    assert start.location_style is LocationStyle.OBJECT
    assert start.write_values == ("START", "STOP", "POWER_OFF", "POWER_ON")
    detergent = profile.get("detergent", "detergentSetting", "MAIN")
    assert detergent is not None
    assert detergent.is_constant and detergent.type is PropertyType.STRING
    assert detergent.read_values == ("NORMAL",)
    delay = profile.get("timer", "relativeHourToStart", "MAIN")
    assert delay is not None and delay.write_values == RangeSpec(1, 19, 1)
    assert profile.get("operation", "washerOperationMode") is None  # location is part of the key


def test_ha_washer_state_single_object_with_location() -> None:
    state = DeviceState.from_json(load("ha-core-fixtures/washer/status.json"))
    assert state.get("runState", "currentState", "MAIN") == "POWER_OFF"
    assert state.get("timer", "remainMinute", "MAIN") == 45
    assert state.locations == ("MAIN",)


def test_spec_washer_state_is_a_list() -> None:
    state = DeviceState.from_json(EXAMPLES["washer-object-example"])
    assert state.get("runState", "currentState", "MAIN") == "INITIAL"


def test_kimchi_fridge_locations() -> None:
    profile = DeviceProfile.from_json(EXAMPLES["kimchi_refrigerator-profile-example"])
    assert profile.locations == ("TOP", "MIDDLE", "BOTTOM")
    bottom = profile.get("temperature", "targetTemperature", "BOTTOM")
    assert bottom is not None and bottom.location_style is LocationStyle.RESOURCE_LIST
    assert "RICE_GRAIN" in (bottom.read_values or ())
    state = DeviceState.from_json(load("ha-core-fixtures/kimchi_refrigerator/status.json"))
    assert state.get("temperature", "targetTemperature", "TOP") == 6
    assert state.get("temperature", "targetTemperature", "MIDDLE") == "KIMCHI"


def test_refrigerator_compartments_and_doors() -> None:
    profile = DeviceProfile.from_json(EXAMPLES["refrigerator-profile-example"])
    freezer = profile.get("temperature", "targetTemperature", "FREEZER")
    assert freezer is not None and freezer.write_values == RangeSpec(-21, -16, 1)
    unit = profile.get("temperature", "unit", "FRIDGE")
    assert unit is not None and unit.is_constant and unit.read_values == ("C",)
    door = profile.get("doorStatus", "doorState", "MAIN")
    assert door is not None and not door.writable
    state = DeviceState.from_json(EXAMPLES["refrigerator-object-example"])
    assert state.get("temperature", "targetTemperature", "FREEZER") == -13
    assert state.get("doorStatus", "doorState", "MAIN") == "CLOSE"
    assert state.get("refrigeration", "expressModeName") == "FREEZER"


def test_oven_locations_and_unit_lists() -> None:
    profile = DeviceProfile.from_json(load("spec/oven.json")["profile_response"])
    assert profile.get("temperature", "targetTemperature", "UPPER", "F") is not None
    assert profile.get("temperature", "targetTemperature", "UPPER", "C") is not None
    assert profile.get("info", "type") is not None  # extensionProperty constant kept
    state = DeviceState.from_json(EXAMPLES["oven-object-example"])
    assert state.get("temperature", "targetTemperature", "LOWER") == 350
    assert state.get("cook", "cookMode", "LOWER") == "BAKE"
    assert state.locations == ("UPPER", "LOWER")


def test_cooktop_extension_property_is_device_level() -> None:
    profile = DeviceProfile.from_json(EXAMPLES["cooktop-profile-example"])
    assert set(profile.locations) == {"LEFT_FRONT", "RIGHT_FRONT", "LEFT_REAR"}
    power_off = profile.get("operation", "operationMode")
    assert power_off is not None and power_off.writable and power_off.location_style is None


def test_washtower_is_split_into_sub_devices() -> None:
    profile = DeviceProfile.from_json(EXAMPLES["washtower-profile-example"])
    dryer = profile.get("operation", "dryerOperationMode", "dryer")
    assert dryer is not None and dryer.location_style is LocationStyle.SUB_DEVICE
    assert "DRYING_IS_COMPLETE" in profile.push_codes
    assert "POWER_FAIL_ERROR" in profile.error_codes
    state = DeviceState.from_json(EXAMPLES["washtower-object-example"])
    assert state.get("runState", "currentState", "washer") == "POWER_OFF"
    assert state.get("timer", "relativeHourToStop", "dryer") == 0


def test_microwave_string_modes() -> None:
    profile = DeviceProfile.from_json(EXAMPLES["microwave_oven-profile-example"])
    fan = profile.get("ventilation", "fanSpeed")
    assert fan is not None and fan.readable and fan.writable
    state_spec = profile.get("runState", "currentState")
    assert state_spec is not None and state_spec.readable and not state_spec.writable


def test_list_type_and_robot_cleaner_push_codes() -> None:
    purifier = DeviceProfile.from_json(EXAMPLES["water_purifier-profile-example"])
    water = purifier.get("waterInfo", "waterType")
    assert water is not None and water.type is PropertyType.LIST
    state = DeviceState.from_json(EXAMPLES["water_purifier-object-example"])
    assert state.get("waterInfo", "waterType") == ["COLD", "NORMAL", "HOT", "SODA"]
    robot = DeviceProfile.from_json(EXAMPLES["robot_cleaner-profile-example"])
    assert "CLEANING_IS_COMPLETED" in robot.push_codes
    assert "BRUSH_ERROR" in robot.error_codes


def test_range_with_except_and_step() -> None:
    spec = RangeSpec(min=0, max=100, step=10, excluded=(50,))
    assert spec.contains(40)
    assert not spec.contains(50)
    assert not spec.contains(45)
    assert not spec.contains(110)
    assert spec.describe() == "0..100 step 10 except 50"
    assert RangeSpec(min=0.5, max=2).contains(1.3)
    assert RangeSpec(min=0.5, max=2).describe() == "0.5..2"


def test_unknown_resources_types_and_device_types_are_kept() -> None:
    profile = DeviceProfile.from_json(
        {
            "property": {
                "futureThing": {
                    "level": {"mode": ["r", "w"], "type": "hologram", "value": {"w": [1, 2]}},
                    "legacy": {"value": {"r": ["A"]}},
                    "flag": True,
                    "count": 3,
                    "options": ["X", "Y"],
                    "weird": None,
                },
                "bareResource": "SINGLE",
            }
        }
    )
    bare = profile.get("bareResource", "")
    assert bare is not None and bare.is_constant and bare.read_values == ("SINGLE",)
    level = profile.get("futureThing", "level")
    assert level is not None and level.type is PropertyType.UNKNOWN and level.writable
    legacy = profile.get("futureThing", "legacy")
    assert legacy is not None and legacy.readable and not legacy.writable
    flag = profile.get("futureThing", "flag")
    assert flag is not None and flag.type is PropertyType.BOOLEAN
    count = profile.get("futureThing", "count")
    assert count is not None and count.type is PropertyType.NUMBER
    options = profile.get("futureThing", "options")
    assert options is not None and options.type is PropertyType.LIST
    weird = profile.get("futureThing", "weird")
    assert weird is not None and weird.type is PropertyType.UNKNOWN
    device = DeviceInfo.from_json({"deviceId": "x", "deviceInfo": {"deviceType": "DEVICE_TELEPORTER"}})
    assert device.device_type == "DEVICE_TELEPORTER"
    assert device.known_type is None
    assert device.alias == "x"
    state = DeviceState.from_json(
        {"futureThing": {"level": 2}, "bare": 5, "listy": [1, {"unit": "K", "t": 3}]}
    )
    assert state.get("futureThing", "level") == 2
    assert state.get("bare", "") == 5
    assert state.get("listy", "t", unit="K") == 3


def test_profile_edge_shapes() -> None:
    assert DeviceProfile.from_json({}).properties == {}
    odd = DeviceProfile.from_json(
        {
            "property": {
                "temperature": ["junk", {"targetTemperature": {"type": "number", "mode": ["r"]}}],
                "bad": {"r": {"type": "range", "mode": ["r"], "value": {"r": {"min": "x"}}}},
            },
            "extensionProperty": "junk",
        }
    )
    target = odd.get("temperature", "targetTemperature")
    assert target is not None and target.type is PropertyType.NUMBER
    bad = odd.get("bad", "r")
    assert bad is not None and bad.read_values is None
    object_without_location = DeviceProfile.from_json(
        {"property": [{"operation": {"mode": {"type": "enum", "mode": ["w"], "value": {"w": ["A"]}}}}]}
    )
    assert object_without_location.get("operation", "mode") is not None
    assert object_without_location.writable()[0].key == PropertyKey("operation", "mode")


@pytest.mark.parametrize(
    "payload",
    [[], "profile", {"property": 3}, {"property": ["x"]}, {"washer": {"property": {}}, "dryer": 1}],
)
def test_malformed_profiles_raise_invalid_response(payload: object) -> None:
    if isinstance(payload, dict) and "washer" in payload:
        # Not every value is a sub-device profile, so this is read as a plain (empty) profile.
        assert DeviceProfile.from_json(payload).properties == {}
        return
    with pytest.raises(ThinQInvalidResponseError):
        DeviceProfile.from_json(payload)


def test_sub_device_part_must_be_an_object() -> None:
    with pytest.raises(ThinQInvalidResponseError):
        DeviceProfile.from_json({"washer": {"property": {}}, "dryer": {"property": {}}, "x": {"property": 1}})


@pytest.mark.parametrize("payload", ["state", 3, None, ["x"]])
def test_malformed_states_raise_invalid_response(payload: object) -> None:
    with pytest.raises(ThinQInvalidResponseError):
        DeviceState.from_json(payload)


def test_state_merge_applies_a_report() -> None:
    state = DeviceState.from_json(load("ha-core-fixtures/air_conditioner/status.json"))
    report = DeviceState.from_json({"operation": {"airConOperationMode": "POWER_OFF"}})
    merged = state.merged(report)
    assert merged.get("operation", "airConOperationMode") == "POWER_OFF"
    assert merged.get("temperature", "targetTemperature") == 19
    assert state.get("operation", "airConOperationMode") == "POWER_ON"


def test_device_list_and_route() -> None:
    devices = parse_devices([load("ha-core-fixtures/air_conditioner/device.json"), {"deviceId": "b"}])
    assert [d.device_id for d in devices] == ["MW2-2E247F93-B570-46A6-B827-920E9E10F966", "b"]
    assert devices[1].device_type == "" and devices[1].reportable is None
    with pytest.raises(ThinQInvalidResponseError):
        parse_devices({"devices": []})
    with pytest.raises(ThinQInvalidResponseError):
        parse_devices([{"deviceInfo": {}}])
    route = Route.from_json(
        {"apiServer": "https://api-kic.lgthinq.com", "mqttServer": "mqtts://x:8883", "webSocketServer": 3}
    )
    assert route.mqtt_server == "mqtts://x:8883" and route.websocket_server is None
    with pytest.raises(ThinQInvalidResponseError):
        Route.from_json([])


@pytest.mark.parametrize(
    "name",
    [
        "event_message_example",
        "complete_operation_example",
        "register_device_example",
        "delete_device_example",
        "change_nickname_example",
    ],
)
def test_wrapped_spec_messages(name: str) -> None:
    raw = load("spec/mqtt_messages.json")[name]
    message = ThinQMessage.from_json(raw)
    body = raw.get("event") or raw["push"]
    assert message.push_type == body["pushType"]
    assert message.device_id == body["deviceId"]
    assert message.message_id == raw["messageId"]
    assert message.timestamp == raw["timestamp"]


def test_message_shapes_agree() -> None:
    wrapped = load("spec/mqtt_messages.json")["event_message_example"]
    flat = wrapped["event"]
    for payload in (wrapped, flat, json_text := __import__("json").dumps(flat), json_text.encode()):
        message = ThinQMessage.from_json(payload)
        assert message.push_type == PushType.DEVICE_STATUS
        assert message.report is not None
        assert message.report.get("operation", "airConOperationMode") == "POWER_ON"
        assert message.user_list == ("KR1910213944934",)
        assert message.device_type == "DEVICE_WASHER"
    push = ThinQMessage.from_json(load("spec/mqtt_messages.json")["complete_operation_example"]["push"])
    assert push.push_code == "WASHING_IS_COMPLETE" and push.report is None and push.message_id is None
    registered = ThinQMessage.from_json(load("spec/mqtt_messages.json")["register_device_example"])
    assert registered.model_name == "FH0D7DDNK0_WIFI" and registered.alias == "t10_test"
    assert registered.user_number == "KR1812273049127"


def test_laundry_report_as_location_list() -> None:
    message = ThinQMessage.from_json(
        {
            "pushType": "DEVICE_STATUS",
            "deviceId": "w",
            "report": [{"location": {"locationName": "MINI"}, "runState": {"currentState": "RUNNING"}}],
        }
    )
    assert message.report is not None
    assert message.report.get("runState", "currentState", "MINI") == "RUNNING"


@pytest.mark.parametrize(
    "payload", ["not json", b"\xff", [], {"pushType": 1, "deviceId": "x"}, {"event": {}}]
)
def test_malformed_messages(payload: object) -> None:
    with pytest.raises(ThinQInvalidResponseError):
        ThinQMessage.from_json(payload)


def test_property_key_text() -> None:
    assert (
        str(PropertyKey("temperature", "targetTemperature", "FRIDGE"))
        == "temperature.targetTemperature@FRIDGE"
    )
    assert str(PropertyKey("temperatureInUnits", "coolTargetTemperature", unit="F")) == (
        "temperatureInUnits.coolTargetTemperature[F]"
    )
