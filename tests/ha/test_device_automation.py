"""Device triggers, conditions and actions through Home Assistant's automation engine, on the simulator."""

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.device_automation import DeviceAutomationType
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.script import Script, async_validate_actions_config
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
    async_get_device_automations,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
import voluptuous as vol

from custom_components.thinq_voice import device_action, device_condition, device_trigger
from custom_components.thinq_voice.api.models import DeviceProfile, DeviceState
from custom_components.thinq_voice.appliance_events import (
    ApplianceEventType,
    RunPhase,
    code_meaning,
    doors_open,
    event_types,
    has_power_state,
    run_phase,
    run_states,
    state_changes,
)
from custom_components.thinq_voice.const import DOMAIN, EVENT_APPLIANCE
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.device_action import property_value, settable_specs
from simulator import Simulator

WASHER_MINUTES = 45


@pytest.fixture(autouse=True)
def quiet_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting up twelve appliances (states, profiles, energy) spends most of an hour's polling budget;
    the poll that sees the appliance change comes when the budget has room again, as an hour later."""
    monkeypatch.setattr("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000)
    monkeypatch.setattr("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000)


@pytest.fixture(autouse=True)
async def device_automation(hass: HomeAssistant) -> None:
    """Load the automation editor's back end, as Home Assistant's default config does."""
    assert await async_setup_component(hass, "device_automation", {})


def device_id(hass: HomeAssistant, sim: Simulator, alias: str) -> str:
    """Return the Home Assistant device id of a simulated appliance."""
    entry = hass.config_entries.async_entries(DOMAIN)[0]
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, sim.find(alias).device_id), entry.entry_id
    )
    assert device is not None
    return device.id


async def refresh(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Poll every appliance once, as the coordinator's timer does."""
    coordinator: ThinQVoiceCoordinator = entry.runtime_data
    await coordinator.async_refresh()
    await hass.async_block_till_done()


async def automation(
    hass: HomeAssistant, trigger: dict[str, Any], condition: list[Any] | None = None
) -> None:
    """Set up one automation that fires `test_fired` with the trigger's description."""
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": {
                "trigger": trigger,
                "condition": condition or [],
                "action": {"event": "test_fired", "event_data": {"what": "{{ trigger.description }}"}},
            }
        },
    )
    await hass.async_block_till_done()


def test_run_phases_and_changes() -> None:
    """LG's many run states come down to a few phases; a change of phase is an event."""
    assert run_phase("SPINNING") is RunPhase.RUNNING
    assert run_phase("END") is RunPhase.FINISHED
    assert run_phase("PAUSE") is RunPhase.PAUSED
    assert run_phase("RESERVED") is RunPhase.RESERVED
    assert run_phase("POWER_OFF") is RunPhase.OFF
    assert run_phase(3) is None

    def state(run: str, door: str = "CLOSE") -> DeviceState:
        return DeviceState.from_json({"runState": {"currentState": run}, "doorStatus": {"doorState": door}})

    assert state_changes(None, state("RUNNING")) == []
    assert state_changes(state("INITIAL"), state("DETECTING")) == [(ApplianceEventType.STARTED, None)]
    assert state_changes(state("PAUSE"), state("RUNNING")) == []
    assert state_changes(state("RUNNING"), state("PAUSE")) == [(ApplianceEventType.PAUSED, None)]
    assert state_changes(state("RINSING"), state("END")) == [(ApplianceEventType.FINISHED, None)]
    assert state_changes(state("RUNNING"), state("ERROR")) == [(ApplianceEventType.ERROR, None)]
    assert state_changes(state("PREHEATING"), state("COOKING_IN_PROGRESS")) == [
        (ApplianceEventType.PREHEATED, None)
    ]
    assert state_changes(state("INITIAL"), state("INITIAL", "OPEN")) == [
        (ApplianceEventType.DOOR_OPENED, None)
    ]


async def test_editor_lists_what_each_appliance_can_do(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """The automation editor offers each appliance the triggers, conditions and actions its profile has."""
    washer = device_id(hass, simulator, "세탁기")
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "device_automation/trigger/list", "device_id": washer})
    triggers = (await client.receive_json())["result"]
    kinds = {(trigger["type"], trigger.get("subtype")) for trigger in triggers if trigger["domain"] == DOMAIN}
    assert {
        ("started", None),
        ("paused", None),
        ("finished", None),
        ("error", None),
        ("notification", "washing_is_complete"),
        ("notification", "error_during_washing"),
        ("offline", None),
        ("online", None),
        ("remaining_time_below", None),
    } == kinds
    await client.send_json_auto_id({"type": "device_automation/condition/list", "device_id": washer})
    conditions = {
        condition["type"]
        for condition in (await client.receive_json())["result"]
        if condition["domain"] == DOMAIN
    }
    assert conditions == {"is_running", "is_idle", "is_paused", "is_remote_start_enabled", "is_power_on"}
    await client.send_json_auto_id({"type": "device_automation/action/list", "device_id": washer})
    actions = {
        action["type"] for action in (await client.receive_json())["result"] if action["domain"] == DOMAIN
    }
    assert actions == {"start", "stop", "power_off", "delayed_start", "set_property"}
    await client.send_json_auto_id(
        {
            "type": "device_automation/action/capabilities",
            "action": {"domain": DOMAIN, "device_id": washer, "type": "delayed_start"},
        }
    )
    fields = (await client.receive_json())["result"]["extra_fields"]
    assert fields == [{"name": "hours", "required": True, "type": "integer", "valueMin": 1, "valueMax": 19}]

    fridge = device_id(hass, simulator, "냉장고")
    fridge_triggers = await async_get_device_automations(hass, DeviceAutomationType.TRIGGER, fridge)
    assert {trigger["type"] for trigger in fridge_triggers} >= {"door_open", "notification"}
    assert "started" not in {trigger["type"] for trigger in fridge_triggers}
    door = next(trigger for trigger in fridge_triggers if trigger["type"] == "door_open")
    await client.send_json_auto_id({"type": "device_automation/trigger/capabilities", "trigger": door})
    assert (await client.receive_json())["result"]["extra_fields"][0]["name"] == "for"
    oven = device_id(hass, simulator, "오븐")
    oven_triggers = await async_get_device_automations(hass, DeviceAutomationType.TRIGGER, oven)
    assert "preheated" in {trigger["type"] for trigger in oven_triggers}
    await client.send_json_auto_id(
        {
            "type": "device_automation/action/capabilities",
            "action": {"domain": DOMAIN, "device_id": oven, "type": "start"},
        }
    )
    oven_fields = (await client.receive_json())["result"]["extra_fields"]
    assert oven_fields[0]["name"] == "location"
    assert {option[0] for option in oven_fields[0]["options"]} == {"LOWER", "UPPER"}


async def test_cycle_triggers_fire_from_polling(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """A wash started by a device action, paused, resumed and finished fires each trigger once."""
    washer = device_id(hass, simulator, "세탁기")
    fired = async_capture_events(hass, "test_fired")
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "trigger": {"platform": "device", "domain": DOMAIN, "device_id": washer, "type": kind},
                    "action": {"event": "test_fired", "event_data": {"kind": kind}},
                }
                for kind in ("started", "paused", "finished")
            ]
        },
    )
    for action in ("start", "stop", "start"):
        await _device_action(hass, washer, action)
    simulator.advance(WASHER_MINUTES * 60)
    await refresh(hass, init_integration)
    # LG's push code about the same ending arrives too: it is the same ending.
    init_integration.runtime_data.async_notify(simulator.find("세탁기").device_id, "WASHING_IS_COMPLETE")
    await hass.async_block_till_done()
    assert [event.data["kind"] for event in fired] == ["started", "paused", "finished"]


async def _device_action(hass: HomeAssistant, device_id: str, type: str, **fields: Any) -> None:
    """Run one device action through a script, as an automation would."""
    sequence = await async_validate_actions_config(
        hass, [{"domain": DOMAIN, "device_id": device_id, "type": type, **fields}]
    )
    await Script(hass, sequence, "test", DOMAIN).async_run(context=Context())
    await hass.async_block_till_done()


async def test_push_codes_fire_notification_triggers(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """A code LG pushes fires its notification trigger, and the ending it means."""
    dishwasher = device_id(hass, simulator, "식기세척기")
    events = async_capture_events(hass, EVENT_APPLIANCE)
    fired = async_capture_events(hass, "test_fired")
    await automation(
        hass,
        {
            "platform": "device",
            "domain": DOMAIN,
            "device_id": dishwasher,
            "type": "notification",
            "subtype": "salt_refill_is_needed",
        },
    )
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    lg_id = simulator.find("식기세척기").device_id
    coordinator.async_notify(lg_id, "RINSE_IS_NOT_ENOUGH")
    coordinator.async_notify(lg_id, "SALT_REFILL_IS_NEEDED")
    coordinator.async_notify(lg_id, "CLEANING_IS_COMPLETE")
    await hass.async_block_till_done()
    assert len(fired) == 1
    assert [(event.data["type"], event.data.get("code")) for event in events] == [
        ("notification", "rinse_is_not_enough"),
        ("notification", "salt_refill_is_needed"),
        ("notification", "cleaning_is_complete"),
        ("finished", None),
    ]
    assert events[-1].data["device_id"] == dishwasher


async def test_offline_and_online(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """An appliance dropping off LG's cloud and coming back fires offline, then online."""
    events = async_capture_events(hass, EVENT_APPLIANCE)
    simulator.set_faults({"offline": ["건조기"]})
    await refresh(hass, init_integration)
    simulator.set_faults({"online": ["건조기"]})
    await refresh(hass, init_integration)
    assert [event.data["type"] for event in events] == ["offline", "online"]


async def test_door_left_open_and_time_left(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A door open for the minutes asked fires once; so does a program's time left dropping below a limit."""
    fridge, washer = device_id(hass, simulator, "냉장고"), device_id(hass, simulator, "세탁기")
    door = next(
        trigger
        for trigger in await async_get_device_automations(hass, DeviceAutomationType.TRIGGER, fridge)
        if trigger["type"] == "door_open"
    )
    time_left = next(
        trigger
        for trigger in await async_get_device_automations(hass, DeviceAutomationType.TRIGGER, washer)
        if trigger["type"] == "remaining_time_below"
    )
    fired = async_capture_events(hass, "test_fired")
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "trigger": {**door, "for": {"minutes": 5}},
                    "action": {"event": "test_fired", "event_data": {"kind": "door"}},
                },
                {
                    "trigger": {**time_left, "below": 10},
                    "action": {"event": "test_fired", "event_data": {"kind": "time"}},
                },
            ]
        },
    )
    fridge_id = simulator.find("냉장고").device_id
    simulator.patch_state(fridge_id, {"doorStatus": [{"locationName": "MAIN", "doorState": "OPEN"}]})
    await refresh(hass, init_integration)
    assert fired == []
    freezer.tick(timedelta(minutes=5, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert [event.data["kind"] for event in fired] == ["door"]

    await _device_action(hass, washer, "start")
    simulator.advance((WASHER_MINUTES - 9) * 60)
    await refresh(hass, init_integration)
    assert [event.data["kind"] for event in fired] == ["door", "time"]


async def test_conditions_read_the_last_state(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """Conditions tell a running washer from an idle one, and a remote start left off."""
    washer = device_id(hass, simulator, "세탁기")
    fired = async_capture_events(hass, "test_fired")
    assert await async_setup_component(
        hass,
        "automation",
        {
            "automation": [
                {
                    "trigger": {"platform": "event", "event_type": "check"},
                    "condition": {"condition": "device", "domain": DOMAIN, "device_id": washer, "type": kind},
                    "action": {"event": "test_fired", "event_data": {"kind": kind}},
                }
                for kind in ("is_running", "is_idle", "is_paused", "is_remote_start_enabled", "is_power_on")
            ]
        },
    )

    async def holding() -> list[str]:
        fired.clear()
        hass.bus.async_fire("check")
        await hass.async_block_till_done()
        return sorted(event.data["kind"] for event in fired)

    assert await holding() == ["is_idle", "is_power_on", "is_remote_start_enabled"]
    await _device_action(hass, washer, "start")
    assert await holding() == ["is_power_on", "is_remote_start_enabled", "is_running"]
    simulator.patch_state(
        simulator.find("세탁기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    await refresh(hass, init_integration)
    assert await holding() == ["is_power_on", "is_running"]


async def test_actions_send_controls_and_say_why_not(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """Actions reach the simulator; a refusal and a bad value come back as translated errors."""
    washer = device_id(hass, simulator, "세탁기")
    lg_id = simulator.find("세탁기").device_id
    await _device_action(hass, washer, "delayed_start", hours=3)
    assert simulator.find("세탁기").state[0]["runState"]["currentState"] == "RESERVED"
    await _device_action(hass, washer, "stop")
    await _device_action(hass, washer, "power_off")
    assert simulator.find("세탁기").state[0]["runState"]["currentState"] == "POWER_OFF"
    sent = [entry for entry in simulator.control_log if entry.device_id == lg_id]
    assert len(sent) == 3

    oven = device_id(hass, simulator, "오븐")
    await _device_action(hass, oven, "start", location="LOWER")
    assert simulator.find("오븐").state[1]["runState"]["currentState"] == "PREHEATING"
    assert simulator.find("오븐").state[0]["runState"]["currentState"] == "INITIAL"

    ac = device_id(hass, simulator, "거실 에어컨")
    await _device_action(hass, ac, "set_property", property="operation.airConOperationMode", value="power_on")
    await _device_action(hass, ac, "set_property", property="airConJobMode.currentJobMode", value="cool")
    assert simulator.find("거실 에어컨").state["airConJobMode"]["currentJobMode"] == "COOL"
    with pytest.raises(HomeAssistantError) as refused:
        await _device_action(hass, ac, "set_property", property="temperature.targetTemperature", value="hot")
    assert refused.value.translation_key == "invalid_action_value"

    dryer = device_id(hass, simulator, "건조기")
    simulator.patch_state(
        simulator.find("건조기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    with pytest.raises(HomeAssistantError) as off:
        await _device_action(hass, dryer, "start")
    assert off.value.translation_key == "refused_remote_control_off"


def test_typed_values() -> None:
    """Values typed in the editor become the property's type."""
    profile = DeviceProfile.from_json(
        {
            "property": {
                "a": {
                    "on": {"type": "boolean", "mode": ["r", "w"]},
                    "level": {
                        "type": "range",
                        "mode": ["w"],
                        "value": {"w": {"min": 0, "max": 10, "step": 0.5}},
                    },
                    "mode": {"type": "enum", "mode": ["w"], "value": {"w": ["COOL", "HEAT"]}},
                    "name": {"type": "string", "mode": ["w"]},
                }
            }
        }
    )
    specs = settable_specs(profile)
    assert property_value(specs["a.on"], "on") is True
    assert property_value(specs["a.level"], "3") == 3
    assert property_value(specs["a.level"], "2.5") == 2.5
    assert property_value(specs["a.mode"], "heat") == "HEAT"
    assert property_value(specs["a.name"], " x ") == "x"
    with pytest.raises(HomeAssistantError):
        property_value(specs["a.on"], "maybe")


async def test_what_cannot_be_done_is_said(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    hass_ws_client: WebSocketGenerator,
) -> None:
    """Incomplete configs are refused; an action the appliance lacks or an unknown device is explained."""
    washer, fridge = device_id(hass, simulator, "세탁기"), device_id(hass, simulator, "냉장고")
    base = {"platform": "device", "domain": DOMAIN, "device_id": washer}
    for incomplete in ({"type": "door_open"}, {"type": "remaining_time_below", "entity_id": "sensor.x"}):
        with pytest.raises(vol.Invalid):
            await device_trigger.async_validate_trigger_config(hass, {**base, **incomplete})
    action = {"domain": DOMAIN, "device_id": washer}
    for incomplete in ({"type": "delayed_start"}, {"type": "set_property", "property": "x"}):
        with pytest.raises(vol.Invalid):
            await device_action.async_validate_action_config(hass, {**action, **incomplete})
    for config, key in (
        ({"device_id": fridge, "type": "power_off"}, "action_not_offered"),
        ({"device_id": fridge, "type": "delayed_start", "hours": 2}, "action_not_offered"),
        (
            {"device_id": washer, "type": "set_property", "property": "nope.nope", "value": "1"},
            "action_not_offered",
        ),
    ):
        with pytest.raises(HomeAssistantError) as err:
            await _device_action(hass, **config)
        assert err.value.translation_key == key

    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {
            "type": "device_automation/action/capabilities",
            "action": {"domain": DOMAIN, "device_id": washer, "type": "set_property"},
        }
    )
    fields = {field["name"] for field in (await client.receive_json())["result"]["extra_fields"]}
    assert fields == {"property", "value"}
    assert await device_trigger.async_get_trigger_capabilities(hass, {**base, "type": "finished"}) == {}
    assert not await device_condition.async_get_conditions(hass, "not-a-device")
    assert not await device_action.async_get_actions(hass, "not-a-device")
    assert not await device_trigger.async_get_triggers(hass, "not-a-device")
    assert (
        await device_action.async_get_action_capabilities(hass, {**action, "device_id": "x", "type": "start"})
        == {}
    )

    # Unloaded, the appliance passes no condition and takes no action.
    check = device_condition.async_condition_from_config(
        hass, {"condition": "device", "domain": DOMAIN, "device_id": washer, "type": "is_idle"}
    )
    assert check(hass, None)
    await hass.config_entries.async_unload(init_integration.entry_id)
    assert not check(hass, None)
    with pytest.raises(HomeAssistantError) as unloaded:
        await _device_action(hass, washer, "start")
    assert unloaded.value.translation_key == "device_not_loaded"


def test_power_and_meanings() -> None:
    """An on/off mode tells whether an appliance is on; push codes mean endings, failures and preheating."""
    profile = DeviceProfile.from_json(
        {
            "notification": {"push": ["COOKING_IS_COMPLETE", "ERROR_HAS_OCCURRED", "PREHEATING_IS_COMPLETE"]},
            "property": {
                "operation": {
                    "airConOperationMode": {
                        "type": "enum",
                        "mode": ["r", "w"],
                        "value": {"r": ["POWER_ON", "POWER_OFF"], "w": ["POWER_ON", "POWER_OFF"]},
                    }
                }
            },
        }
    )
    assert has_power_state(profile)
    assert code_meaning(profile, "COOKING_IS_COMPLETE") is ApplianceEventType.FINISHED
    assert code_meaning(profile, "ERROR_HAS_OCCURRED") is ApplianceEventType.ERROR
    assert code_meaning(profile, "PREHEATING_IS_COMPLETE") is ApplianceEventType.PREHEATED
    assert code_meaning(profile, "TIME_TO_CLEAN") is None
    assert event_types(profile) == [ApplianceEventType.ERROR, ApplianceEventType.PREHEATED]
    assert run_states(None) == {}
    assert doors_open(None) == set()
