"""No command swallowed by a stale picture: on every platform, commands given within a second all go.

Between a control and the appliance's report Home Assistant still shows the old state. A command
may be skipped only when the appliance's own report already matches and nothing is on its way;
each case below starts from a state the appliance reported, then gives its commands back to back
(the confirming read comes 2 s later, as in real use) and reads the simulator's control log.
"""

from dataclasses import dataclass, field
import json
from typing import Any
from unittest.mock import AsyncMock, patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.in_flight import IN_FLIGHT_LIFETIME
from simulator import Simulator
from simulator.tv import SimulatedTv
from tests.ha.conftest import SPEC
from tests.ha.helpers import entity_id

WATER_HEATER = "Water Heater"
HOOD = "Hood"

# The appliance is read 2 s after a control, as in real use: commands within a second see the old state.
pytestmark = [pytest.mark.fleet("en"), pytest.mark.fast_controls, pytest.mark.real_confirm_delay]


@pytest.fixture
async def loaded(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> ThinQVoiceCoordinator:
    """Set up the English home plus a water heater and a hood (LG's spec examples)."""
    examples = json.loads((SPEC / "all_examples.json").read_text(encoding="utf-8"))
    for device_type, alias, example in (
        ("DEVICE_WATER_HEATER", WATER_HEATER, "water_heater"),
        ("DEVICE_HOOD", HOOD, "hood"),
    ):
        simulator.add_device(
            device_type,
            alias,
            profile=examples[f"{example}-profile-example"],
            state=examples[f"{example}-object-example"],
            model_name="SPEC",
        )
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry.runtime_data


@dataclass(frozen=True)
class Case:
    """Commands to one entity, given back to back after the appliance reported `reported`."""

    alias: str
    entity: str
    reported: dict[str, Any]
    commands: list[tuple[str, dict[str, Any]]]
    sent: list[dict[str, Any]]
    domain: str = field(default="")


def power(name: str, value: str) -> dict[str, Any]:
    """Return a power state (or control body) of an appliance."""
    return {"operation": {name: value}}


AC = "airConOperationMode"
PURIFIER = "airPurifierOperationMode"
DEHUMIDIFIER = "dehumidifierOperationMode"
FRIDGE_TEMPERATURE = {"temperature": {"locationName": "FRIDGE", "unit": "C"}}

CASES: dict[str, Case] = {
    "climate off→on": Case(
        "Living Room AC", "climate", power(AC, "POWER_OFF"), [("turn_on", {})], [power(AC, "POWER_ON")]
    ),
    "climate on→off→on": Case(
        "Living Room AC",
        "climate",
        power(AC, "POWER_ON"),
        [("turn_off", {}), ("turn_on", {})],
        [power(AC, "POWER_OFF"), power(AC, "POWER_ON")],
    ),
    "climate off→heat→off→heat": Case(
        "Living Room AC",
        "climate",
        power(AC, "POWER_OFF"),
        [
            ("set_hvac_mode", {"hvac_mode": "heat"}),
            ("set_hvac_mode", {"hvac_mode": "off"}),
            ("set_hvac_mode", {"hvac_mode": "heat"}),
        ],
        [
            power(AC, "POWER_ON"),
            {"airConJobMode": {"currentJobMode": "HEAT"}},
            power(AC, "POWER_OFF"),
            power(AC, "POWER_ON"),
            {"airConJobMode": {"currentJobMode": "HEAT"}},
        ],
    ),
    "climate set→set back": Case(
        "Living Room AC",
        "climate",
        {**power(AC, "POWER_ON"), "airFlow": {"windStrength": "MID"}},
        [("set_fan_mode", {"fan_mode": "high"}), ("set_fan_mode", {"fan_mode": "mid"})],
        [{"airFlow": {"windStrength": "HIGH"}}, {"airFlow": {"windStrength": "MID"}}],
    ),
    "fan off→on": Case(
        "Air Purifier", "fan", power(PURIFIER, "POWER_OFF"), [("turn_on", {})], [power(PURIFIER, "POWER_ON")]
    ),
    "fan on→off→on": Case(
        "Air Purifier",
        "fan",
        power(PURIFIER, "POWER_ON"),
        [("turn_off", {}), ("turn_on", {})],
        [power(PURIFIER, "POWER_OFF"), power(PURIFIER, "POWER_ON")],
    ),
    "fan set→set back": Case(
        "Air Purifier",
        "fan",
        {**power(PURIFIER, "POWER_ON"), "airFlow": {"windStrength": "HIGH"}},
        [("set_percentage", {"percentage": 100}), ("set_percentage", {"percentage": 75})],
        [{"airFlow": {"windStrength": "POWER"}}, {"airFlow": {"windStrength": "HIGH"}}],
    ),
    "humidifier off→on": Case(
        "Dehumidifier",
        "humidifier",
        power(DEHUMIDIFIER, "POWER_OFF"),
        [("turn_on", {})],
        [power(DEHUMIDIFIER, "POWER_ON")],
    ),
    "humidifier on→off→on": Case(
        "Dehumidifier",
        "humidifier",
        power(DEHUMIDIFIER, "POWER_ON"),
        [("turn_off", {}), ("turn_on", {})],
        [power(DEHUMIDIFIER, "POWER_OFF"), power(DEHUMIDIFIER, "POWER_ON")],
    ),
    "humidifier set→set back": Case(
        "Dehumidifier",
        "humidifier",
        {**power(DEHUMIDIFIER, "POWER_ON"), "humidity": {"targetHumidity": 50}},
        [("set_humidity", {"humidity": 45}), ("set_humidity", {"humidity": 50})],
        [{"humidity": {"targetHumidity": 45}}, {"humidity": {"targetHumidity": 50}}],
    ),
    "vacuum start→home→start": Case(
        "Robot Vacuum",
        "vacuum",
        {"runState": {"currentState": "CHARGING"}},
        [("start", {}), ("return_to_base", {}), ("start", {})],
        [
            power("cleanOperationMode", "START"),
            power("cleanOperationMode", "HOMING"),
            power("cleanOperationMode", "START"),
        ],
    ),
    "water heater set→set back": Case(
        WATER_HEATER,
        "water_heater",
        {"temperature": {"targetTemperature": 52}},
        [("set_temperature", {"temperature": 50}), ("set_temperature", {"temperature": 52})],
        [{"temperature": {"targetTemperature": 50}}, {"temperature": {"targetTemperature": 52}}],
    ),
    "water heater away on→off→on": Case(
        WATER_HEATER,
        "water_heater",
        {"waterHeaterJobMode": {"currentJobMode": "VACATION"}},
        [("set_away_mode", {"away_mode": False}), ("set_away_mode", {"away_mode": True})],
        [
            {"waterHeaterJobMode": {"currentJobMode": "HEAT_PUMP"}},
            {"waterHeaterJobMode": {"currentJobMode": "VACATION"}},
        ],
    ),
    "climate on→off→toggle": Case(
        "Living Room AC",
        "climate",
        power(AC, "POWER_ON"),
        [("turn_off", {}), ("toggle", {})],
        [power(AC, "POWER_OFF"), power(AC, "POWER_ON")],
    ),
    "fan on→off→toggle": Case(
        "Air Purifier",
        "fan",
        power(PURIFIER, "POWER_ON"),
        [("turn_off", {}), ("toggle", {})],
        [power(PURIFIER, "POWER_OFF"), power(PURIFIER, "POWER_ON")],
    ),
    "humidifier off→on→toggle": Case(
        "Dehumidifier",
        "humidifier",
        power(DEHUMIDIFIER, "POWER_OFF"),
        [("turn_on", {}), ("toggle", {})],
        [power(DEHUMIDIFIER, "POWER_ON"), power(DEHUMIDIFIER, "POWER_OFF")],
    ),
    "switch on→off→toggle": Case(
        "Refrigerator",
        "powerSave_powerSaveEnabled",
        {"powerSave": {"powerSaveEnabled": True}},
        [("turn_off", {}), ("toggle", {})],
        [{"powerSave": {"powerSaveEnabled": False}}, {"powerSave": {"powerSaveEnabled": True}}],
        domain="switch",
    ),
    "switch off→on": Case(
        "Refrigerator",
        "powerSave_powerSaveEnabled",
        {"powerSave": {"powerSaveEnabled": False}},
        [("turn_on", {})],
        [{"powerSave": {"powerSaveEnabled": True}}],
        domain="switch",
    ),
    "switch on→off→on": Case(
        "Refrigerator",
        "powerSave_powerSaveEnabled",
        {"powerSave": {"powerSaveEnabled": True}},
        [("turn_off", {}), ("turn_on", {})],
        [{"powerSave": {"powerSaveEnabled": False}}, {"powerSave": {"powerSaveEnabled": True}}],
        domain="switch",
    ),
    "select set→set back": Case(
        "Refrigerator",
        "refrigeration_freshAirFilter",
        {"refrigeration": {"freshAirFilter": "OFF"}},
        [("select_option", {"option": "auto"}), ("select_option", {"option": "off"})],
        [{"refrigeration": {"freshAirFilter": "AUTO"}}, {"refrigeration": {"freshAirFilter": "OFF"}}],
        domain="select",
    ),
    "number set→set back": Case(
        "Refrigerator",
        "temperature_targetTemperature_FRIDGE",
        {},
        [("set_value", {"value": 5}), ("set_value", {"value": 3})],
        [
            {"temperature": {**FRIDGE_TEMPERATURE["temperature"], "targetTemperature": 5}},
            {"temperature": {**FRIDGE_TEMPERATURE["temperature"], "targetTemperature": 3}},
        ],
        domain="number",
    ),
}


def sent_since(simulator: Simulator, alias: str, start: int) -> list[Any]:
    """Return the bodies of the controls an appliance received since `start` in the control log."""
    device_id = simulator.find(alias).device_id
    return [entry.body for entry in simulator.control_log[start:] if entry.device_id == device_id]


async def reported(
    hass: HomeAssistant,
    simulator: Simulator,
    coordinator: ThinQVoiceCoordinator,
    alias: str,
    state: dict[str, Any],
) -> int:
    """Make the appliance report a state (and Home Assistant show it); return the control log's length."""
    device_id = simulator.find(alias).device_id
    if state:
        simulator.patch_state(device_id, state)
    await coordinator.async_refresh_appliance(device_id)
    await hass.async_block_till_done()
    return len(simulator.control_log)


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
async def test_commands_within_a_second_all_go(
    hass: HomeAssistant, simulator: Simulator, loaded: ThinQVoiceCoordinator, case: Case
) -> None:
    """Every command of the sequence reaches the appliance, in order."""
    domain = case.domain or case.entity
    target = entity_id(hass, simulator, domain, case.alias, case.entity)
    start = await reported(hass, simulator, loaded, case.alias, case.reported)
    for service, data in case.commands:
        await hass.services.async_call(domain, service, {ATTR_ENTITY_ID: target, **data}, blocking=True)
    assert sent_since(simulator, case.alias, start) == case.sent


async def test_hood_fan_off_then_toggled_turns_on(
    hass: HomeAssistant, simulator: Simulator, loaded: ThinQVoiceCoordinator
) -> None:
    """A hood's fan turned off, then toggled within a second: it turns on again."""
    fan = entity_id(hass, simulator, "fan", HOOD, "fan")
    start = await reported(hass, simulator, loaded, HOOD, {"ventilation": {"fanSpeed": 2}})
    await hass.services.async_call("fan", "turn_off", {ATTR_ENTITY_ID: fan}, blocking=True)
    await hass.services.async_call("fan", "toggle", {ATTR_ENTITY_ID: fan}, blocking=True)
    assert [body["ventilation"] for body in sent_since(simulator, HOOD, start)] == [
        {"fanSpeed": 0},
        {"fanSpeed": 1},
    ]


async def test_button_pressed_again_goes_again(
    hass: HomeAssistant, simulator: Simulator, loaded: ThinQVoiceCoordinator
) -> None:
    """Start, stop and start again within a second: three presses, three commands."""
    start = await reported(hass, simulator, loaded, "Dishwasher", {})
    for command in ("START", "STOP", "START"):
        button = entity_id(
            hass, simulator, "button", "Dishwasher", f"operation_dishWasherOperationMode_{command}"
        )
        await hass.services.async_call("button", "press", {ATTR_ENTITY_ID: button}, blocking=True)
    assert sent_since(simulator, "Dishwasher", start) == [
        power("dishWasherOperationMode", command) for command in ("START", "STOP", "START")
    ]


async def test_reported_state_still_skips(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, simulator: Simulator, loaded: ThinQVoiceCoordinator
) -> None:
    """Once the appliance reported the value and nothing is on its way, "turn on" sends nothing."""
    fan = entity_id(hass, simulator, "fan", "Air Purifier", "fan")
    start = await reported(hass, simulator, loaded, "Air Purifier", power(PURIFIER, "POWER_ON"))
    await hass.services.async_call("fan", "turn_on", {ATTR_ENTITY_ID: fan}, blocking=True)
    assert sent_since(simulator, "Air Purifier", start) == []
    # Turned off; the read after it still shows on (LG's cloud lags): the off is still on its way.
    await hass.services.async_call("fan", "turn_off", {ATTR_ENTITY_ID: fan}, blocking=True)
    simulator.patch_state(simulator.find("Air Purifier").device_id, power(PURIFIER, "POWER_ON"))
    await loaded.async_refresh_appliance(simulator.find("Air Purifier").device_id)
    await hass.services.async_call("fan", "turn_on", {ATTR_ENTITY_ID: fan}, blocking=True)
    assert sent_since(simulator, "Air Purifier", start) == [
        power(PURIFIER, "POWER_OFF"),
        power(PURIFIER, "POWER_ON"),
    ]
    # A control the appliance never reported stops counting after a while; its report rules again.
    freezer.tick(IN_FLIGHT_LIFETIME)
    await hass.services.async_call("fan", "turn_on", {ATTR_ENTITY_ID: fan}, blocking=True)
    assert len(sent_since(simulator, "Air Purifier", start)) == 2


async def test_power_on_of_one_action_goes_once(
    hass: HomeAssistant, simulator: Simulator, loaded: ThinQVoiceCoordinator
) -> None:
    """An action that powers on and then sets the mode ("켜서 난방으로") sends POWER_ON once."""
    climate = entity_id(hass, simulator, "climate", "Living Room AC", "climate")
    start = await reported(hass, simulator, loaded, "Living Room AC", power(AC, "POWER_OFF"))
    context = Context()
    await hass.services.async_call(
        "climate", "turn_on", {ATTR_ENTITY_ID: climate}, blocking=True, context=context
    )
    await hass.services.async_call(
        "climate",
        "set_hvac_mode",
        {ATTR_ENTITY_ID: climate, "hvac_mode": "heat"},
        blocking=True,
        context=context,
    )
    await hass.services.async_call(
        "climate",
        "set_temperature",
        {ATTR_ENTITY_ID: climate, "temperature": 26},
        blocking=True,
        context=context,
    )
    assert sent_since(simulator, "Living Room AC", start) == [
        power(AC, "POWER_ON"),
        {"airConJobMode": {"currentJobMode": "HEAT"}},
        # The mode just sent, not yet reported, picks the property.
        {"temperatureInUnits": {"heatTargetTemperature": 26, "unit": "C"}},
    ]


async def talk(hass: HomeAssistant, text: str) -> str:
    """Say an English sentence to the ThinQ Voice agent and return its answer."""
    result = await conversation.async_converse(
        hass, text, None, Context(), language="en", agent_id="conversation.thinq_voice"
    )
    return str(result.response.speech["plain"]["speech"])


async def test_agent_says_already_on_only_from_the_report(
    hass: HomeAssistant, simulator: Simulator, loaded: ThinQVoiceCoordinator
) -> None:
    """ "Already on" comes from the appliance's report; right after "turn off", "turn on" is sent."""
    assert await async_setup_component(hass, "conversation", {})
    start = await reported(hass, simulator, loaded, "Air Purifier", power(PURIFIER, "POWER_ON"))
    assert await talk(hass, "turn on the air purifier") == "The Air Purifier is already on."
    # LG's cloud reports late: the read after "turn off" still shows the purifier on.
    simulator.faults.state_lag_s = 30
    assert "hasn't confirmed" in await talk(hass, "turn off the air purifier")
    assert hass.states.get(entity_id(hass, simulator, "fan", "Air Purifier", "fan")).state == "on"  # type: ignore[union-attr]
    assert await talk(hass, "turn on the air purifier") != "The Air Purifier is already on."
    assert sent_since(simulator, "Air Purifier", start) == [
        power(PURIFIER, "POWER_OFF"),
        power(PURIFIER, "POWER_ON"),
    ]


@pytest.mark.usefixtures("loaded")
async def test_tv_commands_within_a_second_all_go(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    """The TV: a volume set and set back, mute and unmute, off then on again, all reach it."""
    assert await async_setup_component(hass, "conversation", {})
    player = er.async_get(hass).async_get_entity_id("media_player", DOMAIN, tv.uuid)
    assert player is not None
    start = len(tv.command_log)
    for service, data in (
        ("volume_set", {"volume_level": 0.3}),
        ("volume_set", {"volume_level": 0.2}),
        ("volume_mute", {"is_volume_muted": True}),
        ("volume_mute", {"is_volume_muted": False}),
    ):
        await hass.services.async_call(
            "media_player", service, {ATTR_ENTITY_ID: player, **data}, blocking=True
        )
    assert [(uri.rsplit("/", 1)[-1], payload) for uri, payload in tv.command_log[start:]] == [
        ("setVolume", {"volume": 30}),
        ("setVolume", {"volume": 20}),
        ("setMute", {"mute": True}),
        ("setMute", {"mute": False}),
    ]
    with (
        patch(
            "custom_components.thinq_voice.tv.coordinator.async_send_magic_packet", new=AsyncMock()
        ) as wake,
        # A TV takes a moment to go to standby: its socket is still up when "turn on" comes.
        patch.object(tv, "drop_connections", new=AsyncMock()),
    ):
        assert await talk(hass, "turn off the TV") == "Turned off the 거실 TV."
        assert hass.states.get(player).state == "on"  # type: ignore[union-attr]
        assert await talk(hass, "turn on the TV") == "Turned on the 거실 TV."
        # Turned off again, then toggled while it still answers: toggling wakes it.
        await hass.services.async_call("media_player", "turn_off", {ATTR_ENTITY_ID: player}, blocking=True)
        await hass.services.async_call("media_player", "toggle", {ATTR_ENTITY_ID: player}, blocking=True)
    assert [uri.rsplit("/", 1)[-1] for uri, _ in tv.command_log[-2:]] == ["turnOff", "turnOff"]
    assert wake.await_count == 2
