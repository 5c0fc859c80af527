"""Every real or published LG payload, end to end: the simulator hosts it, Home Assistant shows it.

One appliance per test, from HA core's `lg_thinq` fixtures (real appliances) and LG's spec
examples, served by the simulator over loopback HTTP to a real Home Assistant.
"""

from collections.abc import AsyncIterator
import copy
from typing import Any

from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.api.models import DeviceProfile, DeviceState, JsonValue, PropertyKey
from custom_components.thinq_voice.properties import claimed, unique_suffix
from simulator import DEFAULT_TOKEN, Simulator

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


def _showing(key: PropertyKey, profile: DeviceProfile, suffixes: dict[str, str]) -> list[str]:
    """Return the entities (unique id suffixes) that show one state value."""
    if key.name == "unit":
        # The unit of a resource's temperatures is shown with them.
        return [s for s in suffixes if s.startswith(f"{key.resource}_") or s in SPECIALISED]
    found = [suffix for suffix in suffixes if suffix == unique_suffix(key)]
    if key in claimed(profile) or PropertyKey(key.resource, key.name, key.location) in claimed(profile):
        found += [suffix for suffix in suffixes if suffix in SPECIALISED]
        found += [s for s in suffixes if s.startswith(f"{key.resource}_") and not s.endswith("end_time")]
    for which in ("Start", "Stop"):
        if key.name in (f"absolute{which}Timer", f"absoluteHourTo{which}", f"absoluteMinuteTo{which}"):
            found += [s for s in suffixes if s.startswith(f"timer_absolute_{which.lower()}")]
        if key.name == f"relative{which}Timer":
            hours = PropertyKey(key.resource, f"relativeHourTo{which}", key.location)
            found += [s for s in suffixes if s == unique_suffix(hours)]
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
