"""Specialised platforms on the appliance types only LG's fixtures describe, and error paths."""

from datetime import timedelta
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.api import ThinQNotFoundError
from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator

from .helpers import bodies, call, entity_by_unique_id

pytestmark = [pytest.mark.fast_controls, pytest.mark.real_confirm_delay]


@pytest.fixture
async def loaded(
    hass: HomeAssistant, add_fixture_devices: list[str], config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set up the home plus every fixture appliance."""
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry


def fixture_id(simulator: Simulator, alias: str) -> str:
    """Return the device id of a fixture appliance."""
    return simulator.find(alias).device_id


@pytest.mark.usefixtures("loaded")
async def test_water_heater(hass: HomeAssistant, simulator: Simulator) -> None:
    """Target temperature, operation mode and vacation as away mode."""
    device = fixture_id(simulator, "spec example water_heater")
    heater = entity_by_unique_id(hass, "water_heater", f"{device}_water_heater")
    state = hass.states.get(heater)
    assert state is not None
    assert state.attributes["away_mode"] == "on"
    assert state.attributes["temperature"] == 52
    await call(hass, "water_heater", "set_temperature", heater, temperature=50)
    await call(hass, "water_heater", "set_operation_mode", heater, operation_mode="heat_pump")
    await call(hass, "water_heater", "set_away_mode", heater, away_mode=True)
    await call(hass, "water_heater", "set_away_mode", heater, away_mode=False)
    assert bodies(simulator, device) == [
        {"temperature": {"targetTemperature": 50}},
        {"waterHeaterJobMode": {"currentJobMode": "HEAT_PUMP"}},
        {"waterHeaterJobMode": {"currentJobMode": "VACATION"}},
        {"waterHeaterJobMode": {"currentJobMode": "HEAT_PUMP"}},
    ]


@pytest.mark.usefixtures("loaded")
async def test_boiler_and_ceiling_fan(hass: HomeAssistant, simulator: Simulator) -> None:
    """A boiler is a climate entity; a ceiling fan has ordered speeds and turns off at 0 %."""
    boiler = fixture_id(simulator, "spec example system_boiler")
    climate = entity_by_unique_id(hass, "climate", f"{boiler}_climate")
    state = hass.states.get(climate)
    assert state is not None
    assert state.state == "cool"
    await call(hass, "climate", "set_hvac_mode", climate, hvac_mode="off")
    # Turned on again before the boiler reported being off: the stale "on" does not swallow it.
    await call(hass, "climate", "turn_on", climate)
    assert bodies(simulator, boiler) == [
        {"operation": {"boilerOperationMode": "POWER_OFF"}},
        {"operation": {"boilerOperationMode": "POWER_ON"}},
    ]
    fan_device = fixture_id(simulator, "spec example ceiling_fan")
    fan = entity_by_unique_id(hass, "fan", f"{fan_device}_fan")
    fan_state = hass.states.get(fan)
    assert fan_state is not None
    assert fan_state.attributes["percentage"] == 25
    await call(hass, "fan", "set_percentage", fan, percentage=100)
    await call(hass, "fan", "set_percentage", fan, percentage=0)
    # On again before the fan reported being off: the stale "on" does not swallow it.
    await call(hass, "fan", "turn_on", fan)
    assert bodies(simulator, fan_device) == [
        {"airFlow": {"windStrength": "TURBO"}},
        {"operation": {"ceilingfanOperationMode": "POWER_OFF"}},
        {"operation": {"ceilingfanOperationMode": "POWER_ON"}},
    ]


@pytest.mark.usefixtures("loaded")
async def test_humidifier_and_purifier_fan(hass: HomeAssistant, simulator: Simulator) -> None:
    """A humidifier reads its humidity from the air sensor; the purifier fan has numbered speeds."""
    device = fixture_id(simulator, "spec example humidifier")
    humidifier = hass.states.get(entity_by_unique_id(hass, "humidifier", f"{device}_humidifier"))
    assert humidifier is not None
    assert humidifier.attributes["current_humidity"] == 36
    assert humidifier.attributes["action"] == "humidifying"
    fan_device = fixture_id(simulator, "spec example air_purifier_fan")
    fan = entity_by_unique_id(hass, "fan", f"{fan_device}_fan")
    await call(hass, "fan", "turn_on", fan, preset_mode="space_clean", percentage=1)
    assert bodies(simulator, fan_device) == [
        {"airFanJobMode": {"currentJobMode": "SPACE_CLEAN"}},
        {"airFlow": {"windStrength": "WIND_1"}},
    ]


async def test_climate_modes(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Turning on, presets back to none and a temperature with a mode."""
    device = simulator.device_ids[0]
    climate = entity_by_unique_id(hass, "climate", f"{device}_climate")
    simulator.patch_state(
        device,
        {"operation": {"airConOperationMode": "POWER_ON"}, "airConJobMode": {"currentJobMode": "AIR_CLEAN"}},
    )
    freezer_refresh = init_integration.runtime_data.async_refresh_appliance
    await freezer_refresh(device)
    state = hass.states.get(climate)
    assert state is not None
    assert state.attributes["preset_mode"] == "air_clean"
    # Air clean runs the fan without cooling: fan only, never unknown.
    assert state.state == "fan_only"
    await call(hass, "climate", "turn_on", climate)
    await call(hass, "climate", "set_preset_mode", climate, preset_mode="none")
    await call(hass, "climate", "set_temperature", climate, temperature=24, hvac_mode="heat")
    assert bodies(simulator, device) == [
        {"airConJobMode": {"currentJobMode": "COOL"}},
        {"airConJobMode": {"currentJobMode": "HEAT"}},
        # The mode just sent decides LG's property, before the appliance reports it.
        {"temperatureInUnits": {"heatTargetTemperature": 24, "unit": "C"}},
    ]


async def test_control_errors(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Server failures and appliances that left the account are explained."""
    device = simulator.device_ids[2]
    target = entity_by_unique_id(hass, "switch", f"{device}_powerSave_powerSaveEnabled")
    simulator.faults.fail_next = 1
    with pytest.raises(HomeAssistantError) as excinfo:
        await call(hass, "switch", "turn_on", target)
    # LG's 2000 is LG's own server failing: the user is told to try later, not that the control was bad.
    assert excinfo.value.translation_key == "cloud_unavailable"
    simulator.remove_device(device)
    with pytest.raises(HomeAssistantError) as excinfo:
        await call(hass, "switch", "turn_on", target)
    assert excinfo.value.translation_key == "unknown_device"
    coordinator = init_integration.runtime_data
    with pytest.raises(HomeAssistantError) as excinfo:
        await coordinator.async_control("not-an-appliance", "a", "b", 1)
    assert excinfo.value.translation_key == "unknown_device"


async def test_refresh_failures(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """When no appliance can be read the entities turn unavailable; they recover on the next read."""
    target = entity_by_unique_id(hass, "switch", f"{simulator.device_ids[2]}_powerSave_powerSaveEnabled")
    simulator.faults.fail_next = 100
    freezer.tick(timedelta(minutes=20))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get(target).state == STATE_UNAVAILABLE  # type: ignore[union-attr]
    simulator.faults.fail_next = 0
    freezer.tick(timedelta(minutes=20))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get(target).state == "off"  # type: ignore[union-attr]


async def test_unknown_location_is_named(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """A part LG names that we have no translation for keeps its own name as a placeholder."""
    profile = {
        "property": [
            {
                "location": {"locationName": "LEFT"},
                "runState": {
                    "currentState": {"type": "enum", "mode": ["r"], "value": {"r": ["RUNNING", "END"]}}
                },
            },
            {
                "location": {"locationName": "RIGHT_SIDE"},
                "runState": {
                    "currentState": {"type": "enum", "mode": ["r"], "value": {"r": ["RUNNING", "END"]}}
                },
                # Only a Fahrenheit range, and a number LG gives no range for (so no entity).
                "temperature": [
                    {
                        "unit": "F",
                        "targetTemperature": {
                            "type": "range",
                            "mode": ["r", "w"],
                            "value": {"w": {"min": 90, "max": 500, "step": 5}},
                        },
                    }
                ],
                "humidity": {"targetHumidity": {"type": "number", "mode": ["r", "w"]}},
            },
        ]
    }
    state = [
        {"location": {"locationName": "LEFT"}, "runState": {"currentState": "RUNNING"}},
        {"location": {"locationName": "RIGHT_SIDE"}, "runState": {"currentState": "END"}},
    ]
    simulator.add_device("DEVICE_FUTURE", "Future", device_id="future", profile=profile, state=state)
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    registry = er.async_get(hass)
    left = registry.async_get(entity_by_unique_id(hass, "sensor", "future_runState_currentState_RIGHT_SIDE"))
    assert left is not None
    assert left.translation_key == "run_state_for_location"
    oven = hass.states.get(
        entity_by_unique_id(hass, "number", "future_temperature_targetTemperature_RIGHT_SIDE")
    )
    assert oven is not None
    # LG gives Fahrenheit; HA shows it in the metric system of the test instance.
    assert oven.attributes["max"] == 260
    assert registry.async_get_entity_id("number", DOMAIN, "future_humidity_targetHumidity_RIGHT_SIDE") is None
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, "future"), config_entry.entry_id)
    assert device is not None


async def test_purifier_auto_speed_and_no_energy(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """An automatic wind strength has no percentage; an appliance without energy data says so."""
    purifier = simulator.find("공기청정기").device_id
    simulator.patch_state(purifier, {"airFlow": {"windStrength": "AUTO"}})
    await init_integration.runtime_data.async_refresh_appliance(purifier)
    state = hass.states.get(entity_by_unique_id(hass, "fan", f"{purifier}_fan"))
    assert state is not None
    assert state.attributes["percentage"] is None
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, purifier), init_integration.entry_id)
    assert device is not None
    client = init_integration.runtime_data.client
    with (
        patch.object(client, "async_get_energy_profile", side_effect=ThinQNotFoundError("no energy")),
        pytest.raises(HomeAssistantError) as excinfo,
    ):
        await hass.services.async_call(
            DOMAIN,
            "get_energy_usage",
            {"device_id": device.id, "period": "day", "start": "2026-11-01", "end": "2026-11-02"},
            blocking=True,
            return_response=True,
        )
    assert excinfo.value.translation_key == "no_energy"


async def test_vacuum_without_run_state(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """A robot whose state has no run state yet shows an unknown activity, not a guess."""
    from simulator.profile import find_template

    template = find_template("robot_cleaner")
    # A type without simulated behaviour: the vacuum entity comes from the profile alone.
    simulator.add_device(
        "DEVICE_FUTURE_ROBOT", "Robot 2", device_id="robot-2", profile=template.profile, state={}
    )
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    state = hass.states.get(entity_by_unique_id(hass, "vacuum", "robot-2_vacuum"))
    assert state is not None
    assert state.state == "unknown"
