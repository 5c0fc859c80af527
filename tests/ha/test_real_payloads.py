"""Every real or published LG payload, end to end: the simulator hosts it, Home Assistant shows it.

One appliance per test, from HA core's `lg_thinq` fixtures (real appliances) and LG's spec
examples, served by the simulator over loopback HTTP to a real Home Assistant.
"""

from collections.abc import AsyncIterator
import copy
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID, STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.api.models import (
    DeviceProfile,
    DeviceState,
    JsonValue,
    PropertyKey,
    PropertySpec,
)
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.properties import claimed, unique_id
from simulator import DEFAULT_TOKEN, Simulator
from tests.api.test_sdk_oracle import sdk_devices

from .conftest import fixture_devices

PAYLOADS = fixture_devices()


SPECIALISED = ("climate", "fan", "humidifier", "vacuum", "water_heater")

# Values of LG's spec examples no entity shows yet (by fixture), and why. The test fails when this
# list is out of date either way. HA core's real appliances have none.
KNOWN_GAPS: dict[str, dict[str, str]] = {
    "spec example refrigerator": {
        "powerSave.powerSaveEnabled": "in the state, not in the profile",
        "refrigeration.expressModeName": "which compartment express mode cools: no entity description yet",
    },
    "spec refrigerator": {
        "powerSave.powerSaveEnabled": "in the state, not in the profile",
        "refrigeration.expressModeName": "which compartment express mode cools: no entity description yet",
    },
    "spec example plant_cultivator": {
        f"light.{name}@{part}": "minutes of the light schedule: only the hours have entities"
        for name in ("startMinute", "endMinute")
        for part in ("UPPER", "LOWER")
    },
    "spec example washer": {
        "timer.relativeHourToStop@MAIN": "a delayed stop the profile does not declare",
        "timer.relativeMinuteToStop@MAIN": "a delayed stop the profile does not declare",
    },
    "spec washer": {
        "timer.relativeHourToStop@MAIN": "a delayed stop the profile does not declare",
        "timer.relativeMinuteToStop@MAIN": "a delayed stop the profile does not declare",
    },
    "spec example washtower": {
        "timer.relativeHourToStop@dryer": "a delayed stop the profile does not declare",
        "timer.relativeMinuteToStop@dryer": "a delayed stop the profile does not declare",
    },
    "spec example water_heater": dict.fromkeys(
        (
            "waterHeaterJobMode.currentJobMode",
            "temperature.currentTemperature",
            "temperature.targetTemperature",
            "operation.waterHeaterOperationMode",
        ),
        "VACATION is away mode: the water heater's operation has no name for it",
    ),
}
_LOWER_OVEN = {
    f"{key}@LOWER": "the state reports a LOWER oven the profile does not declare"
    for key in (
        "runState.currentState",
        "cook.cookMode",
        "temperature.targetTemperature",
        "remoteControlEnable.remoteControlEnabled",
        "timer.remainHour",
        "timer.remainMinute",
        "timer.remainSecond",
    )
}
KNOWN_GAPS["spec example oven"] = KNOWN_GAPS["spec oven"] = _LOWER_OVEN
KNOWN_GAPS["spec example cooktop"] = {
    f"timer.{name}@{part}": "burner timers in the state, not in the profile"
    for name in ("remainHour", "remainMinute")
    for part in ("LEFT_FRONT", "RIGHT_FRONT", "LEFT_REAR")
}


@pytest.fixture(params=PAYLOADS, ids=[alias for alias, *_ in PAYLOADS])
def payload(request: pytest.FixtureRequest) -> tuple[str, str, Any, Any]:
    """Return one fixture appliance: alias, device type, profile, state."""
    found: tuple[str, str, Any, Any] = request.param
    return found


@pytest.fixture
async def simulator(payload: tuple[str, str, Any, Any]) -> AsyncIterator[Simulator]:
    """Run the simulator with the one fixture appliance."""
    alias, device_type, profile, state = copy.deepcopy(payload)
    sim = Simulator(fleet="ko", tokens=(DEFAULT_TOKEN,), devices=0)
    sim.add_device(device_type, alias, device_id="real-0", profile=profile, state=state, model_name="REAL")
    await sim.start()
    yield sim
    await sim.stop()


@pytest.fixture
async def shown(hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry) -> dict[str, str]:
    """Set the appliance up through Home Assistant; return each entity's unique id suffix and state."""
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    found = {}
    for entry in er.async_entries_for_config_entry(er.async_get(hass), config_entry.entry_id):
        state = hass.states.get(entry.entity_id)
        assert state is not None, entry.entity_id
        found[entry.unique_id.removeprefix("real-0_")] = state.state
    return found


def _own_suffix(key: PropertyKey) -> str:
    """Return the unique id suffix of a property's own entity (after the device id)."""
    return unique_id("real-0", key.resource, key.name, key.location).removeprefix("real-0_")


def _showing(key: PropertyKey, profile: DeviceProfile, suffixes: dict[str, str]) -> list[str]:
    """Return the entities (unique id suffixes) that show one state value."""
    if key.name == "unit":
        # The unit of a resource's temperatures is shown with them.
        return [s for s in suffixes if s.startswith(f"{key.resource}_") or s in SPECIALISED]
    found = [suffix for suffix in suffixes if suffix == _own_suffix(key)]
    if key in claimed(profile) or PropertyKey(key.resource, key.name, key.location) in claimed(profile):
        found += [suffix for suffix in suffixes if suffix in SPECIALISED]
        found += [s for s in suffixes if s.startswith(f"{key.resource}_") and not s.endswith("end_time")]
    for which in ("Start", "Stop"):
        if key.name in (f"absolute{which}Timer", f"absoluteHourTo{which}", f"absoluteMinuteTo{which}"):
            found += [s for s in suffixes if s.startswith(f"timer_absolute_{which.lower()}")]
        if key.name == f"relative{which}Timer":
            hours = PropertyKey(key.resource, f"relativeHourTo{which}", key.location)
            found += [s for s in suffixes if s == _own_suffix(hours)]
    return found


def _no_timer(key: PropertyKey, value: JsonValue) -> bool:
    """Return whether a value is LG's flag for a timer that is not set: there is nothing to show."""
    return key.name.endswith("Timer") and value == "UNSET"


def _values(state: Any) -> dict[PropertyKey, JsonValue]:
    return {
        key: value
        for key, value in DeviceState.from_json(state).values.items()
        if value is not None and not isinstance(value, dict | list) and key.name
    }


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_no_value_is_lost(payload: tuple[str, str, Any, Any], shown: dict[str, str]) -> None:
    """Every value the state holds appears in an entity whose state is not unknown."""
    alias, _, profile_json, state_json = payload
    profile = DeviceProfile.from_json(profile_json)
    lost: dict[str, str] = {}
    for key, value in _values(state_json).items():
        showing = _showing(key, profile, shown)
        if not showing and not _no_timer(key, value):
            lost[str(key)] = f"{value!r}: no entity"
        elif all(shown[suffix] in (STATE_UNKNOWN, STATE_UNAVAILABLE) for suffix in showing):
            if not _no_timer(key, value):
                lost[str(key)] = f"{value!r}: " + ", ".join(f"{s}={shown[s]}" for s in showing)
    assert lost.keys() == KNOWN_GAPS.get(alias, {}).keys(), lost


def _entity_covers(spec: PropertySpec, profile: DeviceProfile, suffixes: dict[str, str]) -> bool:
    """Return whether an entity sets a writable property (itself, or with the property it goes with)."""
    key = spec.key
    plain = PropertyKey(key.resource, key.name, key.location)
    if _own_suffix(key) in suffixes or any(s.startswith(f"{_own_suffix(key)}_") for s in suffixes):
        return True  # its own entity, or one button per value (START, STOP...)
    if (key in claimed(profile) or plain in claimed(profile)) and any(s in SPECIALISED for s in suffixes):
        return True
    for which in ("Start", "Stop"):
        if key.name in (f"absoluteHourTo{which}", f"absoluteMinuteTo{which}"):
            return (
                f"timer_absolute_{which.lower()}" + (f"_{key.location}" if key.location else "") in suffixes
            )
    return False


# Writable properties only `thinq_voice.set_property` reaches, and why.
SET_PROPERTY_ONLY = {
    "relativeMinuteToStart": "minutes of a delayed start: the hours' entity sends them as 0, as LG's SDK does",
    "relativeMinuteToStop": "minutes of a delayed stop: LG's SDK leaves them out, hours are what we offer",
    "relativeMinuteToStop@sleepTimer": "minutes of a sleep timer: sent as 0 with its hours",
    "relativeStartTimer": "LG's SET/UNSET flag: cancelling a timer, a property set directly",
    "relativeStopTimer": "LG's SET/UNSET flag: cancelling a timer, a property set directly",
    "absoluteStartTimer": "LG's SET/UNSET flag: cancelling a timer, a property set directly",
    "absoluteStopTimer": "LG's SET/UNSET flag: cancelling a timer, a property set directly",
    "remainHour": "a cooktop burner's timer: sent with its power level (as LG's SDK does), no entity yet",
    "remainMinute": "a cooktop burner's timer: sent with its power level (as LG's SDK does), no entity yet",
}


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_every_writable_property_is_reachable(
    payload: tuple[str, str, Any, Any], shown: dict[str, str]
) -> None:
    """Each writable property has an entity of its own kind, or a named reason to be set_property's."""
    _, _, profile_json, _ = payload
    profile = DeviceProfile.from_json(profile_json)
    unreachable = [
        str(spec.key)
        for spec in profile.writable()
        if not _entity_covers(spec, profile, shown)
        and spec.key.name not in SET_PROPERTY_ONLY
        and f"{spec.key.name}@{spec.key.resource}" not in SET_PROPERTY_ONLY
    ]
    assert not unreachable


def _by_alias(alias: str) -> Any:
    return next(case for case in PAYLOADS if case[0] == alias)


async def _sdk(alias: str, setter: str, *args: Any) -> dict[str, Any]:
    _, device_type, profile, state = _by_alias(alias)
    device, api = sdk_devices(device_type, profile, state)[0]
    await getattr(device, setter)(*args)
    return api.sent[-1]


async def _act(
    hass: HomeAssistant, simulator: Simulator, domain: str, service: str, suffix: str, **data: Any
) -> Any:
    """Call an entity action on the fixture appliance; return the body the simulator accepted."""
    entity_id = er.async_get(hass).async_get_entity_id(domain, DOMAIN, f"real-0_{suffix}")
    assert entity_id is not None, suffix
    await hass.services.async_call(domain, service, {ATTR_ENTITY_ID: entity_id, **data}, blocking=True)
    await hass.async_block_till_done()  # the confirming read
    accepted = [entry for entry in simulator.control_log if entry.code is None]
    return accepted[-1].body


@pytest.mark.fast_controls
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("payload", [_by_alias("ha core hood")], indirect=True, ids=["hood"])
async def test_hood_fan_sends_the_lamp_too(
    hass: HomeAssistant, simulator: Simulator, shown: dict[str, str]
) -> None:
    """The hood's fan entity: speed and the lamp's brightness in one body, as LG's SDK sends them."""
    assert shown["fan"] == "off"
    body = await _act(hass, simulator, "fan", "set_percentage", "fan", percentage=60)
    assert body == await _sdk("ha core hood", "set_fan_speed", 3)
    body = await _act(hass, simulator, "number", "set_value", "lamp_lampBrightness", value=1)
    assert body == {"ventilation": {"fanSpeed": 3}, "lamp": {"lampBrightness": 1}}


@pytest.mark.fast_controls
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("payload", [_by_alias("ha core air_conditioner")], indirect=True, ids=["ac"])
async def test_ac_timer_and_target_as_the_sdk(
    hass: HomeAssistant, simulator: Simulator, shown: dict[str, str]
) -> None:
    """The AC's start timer at 13:14 shows; setting it and the target sends the SDK's bodies."""
    assert shown["timer_absolute_start"] == "13:14:00"
    assert shown["climate"] == "cool"
    body = await _act(hass, simulator, "time", "set_value", "timer_absolute_start", time="10:36")
    assert body == await _sdk("ha core air_conditioner", "set_absolute_time_to_start", 10, 36)
    body = await _act(hass, simulator, "climate", "set_temperature", "climate", temperature=24)
    assert body == await _sdk("ha core air_conditioner", "set_cool_target_temperature_c", 24)


@pytest.mark.fast_controls
@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("payload", [_by_alias("ha core air_conditioner2")], indirect=True, ids=["ac2"])
async def test_ac_wind_detail_and_step(
    hass: HomeAssistant, simulator: Simulator, shown: dict[str, str]
) -> None:
    """Fan modes set windStrengthDetail (the SDK's wind strength there); wind step and strength stay reachable."""
    assert shown["airFlow_windStep"] == "6.0"
    assert shown["airFlow_windStrength"] == "high"
    body = await _act(hass, simulator, "climate", "set_fan_mode", "climate", fan_mode="breeze")
    assert body == await _sdk("ha core air_conditioner2", "set_wind_strength", "BREEZE")
    body = await _act(hass, simulator, "number", "set_value", "airFlow_windStep", value=3)
    assert body == await _sdk("ha core air_conditioner2", "set_wind_step", 3)


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
@pytest.mark.parametrize("payload", [_by_alias("ha core washer")], indirect=True, ids=["washer"])
async def test_an_idle_washer_has_no_time_left(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry, shown: dict[str, str]
) -> None:
    """LG keeps 45 minutes in a powered-off washer's state: nothing is left, there is no end time."""
    assert shown["timer_remaining_time_MAIN"] == "0"
    assert shown["timer_end_time_MAIN"] == STATE_UNKNOWN
    await config_entry.runtime_data.async_refresh_appliance("real-0")
    await hass.async_block_till_done()
    end = er.async_get(hass).async_get_entity_id("sensor", DOMAIN, "real-0_timer_end_time_MAIN")
    assert end is not None
    state = hass.states.get(end)
    assert state is not None
    assert state.state == STATE_UNKNOWN
