"""A restart of Home Assistant sets every appliance up again from what the last run kept.

Real restarts: Home Assistant stops (writing what it keeps) and a new one starts on the same
storage, against the same simulator with its real mosquitto broker. Nothing is mocked.
"""

from collections.abc import AsyncIterator
import contextlib
from datetime import timedelta
from typing import Any

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_test_home_assistant

from custom_components import thinq_voice
from custom_components.thinq_voice import device_cache, push as push_module
from custom_components.thinq_voice.agent.schedule import store_key as schedules_key
from custom_components.thinq_voice.agent.when import store_key as when_key
from custom_components.thinq_voice.api import Priority, ThinQBudgetError
from custom_components.thinq_voice.appliances import ACTION_STORE_KINDS, async_waiting_appliances
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.device_cache import storage_key
from simulator import Simulator
from simulator.broker import mosquitto_path

from .push_helpers import healthy
from .test_conversation import speech, talk

pytestmark = [
    pytest.mark.push,
    pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed"),
]
# What setting an appliance up asks of LG, unless kept from an earlier run.
PER_APPLIANCE = ("GET /devices/{id}/profile", "GET /devices/{id}/state", "GET /devices/energy/{id}/profile")
PUSH_SET_UP = ("GET /route", "POST /client", "POST /push/devices", "POST /client/certificate")


def sent(simulator: Simulator, endpoints: tuple[str, ...]) -> dict[str, int]:
    """Return how often the simulated LG cloud was asked each of these."""
    return {endpoint: simulator.requests_by_endpoint.get(endpoint, 0) for endpoint in endpoints}


def switch_id(hass: HomeAssistant, simulator: Simulator) -> str:
    found = er.async_get(hass).async_get_entity_id(
        "switch", DOMAIN, f"{simulator.find('냉장고').device_id}_powerSave_powerSaveEnabled"
    )
    assert found is not None
    return found


@pytest.fixture(autouse=True)
def roomy_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Room for the background reads after a restart (the budget's own tests keep LG's 100)."""
    monkeypatch.setattr(thinq_voice, "HOURLY_REQUEST_BUDGET", 200)


@contextlib.asynccontextmanager
async def restarted(first: HomeAssistant, entry: MockConfigEntry) -> AsyncIterator[HomeAssistant]:
    """Stop Home Assistant and start another on its storage, with the entry set up again."""
    await first.async_stop()
    async with async_test_home_assistant() as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        assert await async_setup_component(hass, "homeassistant", {})
        again = MockConfigEntry(
            domain=DOMAIN, entry_id=entry.entry_id, unique_id=entry.unique_id, data=dict(entry.data)
        )
        again.add_to_hass(hass)
        assert await hass.config_entries.async_setup(again.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
        yield hass
        assert await hass.config_entries.async_unload(again.entry_id)
        await hass.async_stop(force=True)


async def test_a_restart_reads_only_the_device_list(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """Profiles, energy profiles, states and the push session come from storage after a restart.

    The entities show the kept states at once; a command is sent even where the kept state shows
    its value already (it is no report), and a background read replaces the kept states.
    """
    coordinator = await healthy(init_integration, simulator)
    await hass.services.async_call(
        "switch", "turn_on", {ATTR_ENTITY_ID: switch_id(hass, simulator)}, blocking=True
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert simulator.find("냉장고").state["powerSave"]["powerSaveEnabled"] is True
    assert coordinator.push.channel.session.restorable
    before = sent(simulator, (*PER_APPLIANCE, *PUSH_SET_UP, "GET /devices"))
    async with restarted(hass, init_integration) as again:
        entry = again.config_entries.async_entries(DOMAIN)[0]
        restored: ThinQVoiceCoordinator = entry.runtime_data
        assert len(restored.data) == len(simulator.device_ids)
        assert all(appliance.restored for appliance in restored.data.values())
        after = sent(simulator, (*PER_APPLIANCE, *PUSH_SET_UP, "GET /devices"))
        assert {key: after[key] - before[key] for key in after if after[key] != before[key]} == {
            "GET /devices": 1
        }
        switch = switch_id(again, simulator)
        assert again.states.get(switch).state == "on"  # type: ignore[union-attr]
        # LG turned it off meanwhile (the app, another home): "on" is sent, not taken as done.
        simulator.patch_state(simulator.find("냉장고").device_id, {"powerSave": {"powerSaveEnabled": False}})
        controls = len(simulator.control_log)
        await again.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True)
        assert len(simulator.control_log) == controls + 1
        reads = simulator.requests_by_endpoint["GET /devices/{id}/state"]
        await restored.async_refresh()
        assert simulator.requests_by_endpoint["GET /devices/{id}/state"] > reads
        assert not any(appliance.restored for appliance in restored.data.values())
        assert hass_storage[push_module.storage_key(entry.entry_id)]["data"]["registered"] is True


async def test_a_restart_with_the_hour_spent_sets_up_without_a_request(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """With nothing left of the hour for setting up, a restart sets every appliance up from what was kept.

    LG's device list is read once the budget allows; commands keep their own reserve meanwhile.
    """
    coordinator = await healthy(init_integration, simulator)
    with contextlib.suppress(ThinQBudgetError):
        while True:
            coordinator.client.budget.acquire(Priority.CONFIRM)
    requests = sum(simulator.requests_by_endpoint.values())
    async with restarted(hass, init_integration) as again:
        entry = again.config_entries.async_entries(DOMAIN)[0]
        assert entry.state is ConfigEntryState.LOADED
        assert len(entry.runtime_data.data) == len(simulator.device_ids)
        assert sum(simulator.requests_by_endpoint.values()) == requests
        assert entry.runtime_data.client.budget.available(Priority.CONTROL) > 0


async def test_waiting_appliances_are_read_first(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """An appliance a scheduled action waits for is read as the restart sets up; the others wait."""
    assert await async_setup_component(hass, "conversation", {})
    assert speech(await talk(hass, "1시간 뒤에 로봇청소기 돌려줘")).endswith("예약했어요.")
    washer = simulator.find("로봇청소기").device_id
    reads = dict(simulator.requests_by_device)
    async with restarted(hass, init_integration) as again:
        coordinator: ThinQVoiceCoordinator = again.config_entries.async_entries(DOMAIN)[0].runtime_data
        assert coordinator.read_first == {washer}
        assert not coordinator.data[washer].restored
        assert coordinator.data[simulator.find("건조기").device_id].restored
        assert simulator.requests_by_device[washer] == reads[washer] + 1


async def test_waiting_appliances_are_found_in_the_agent_stores(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """The stores read are the agent's own (their keys); damaged or foreign ones are passed over."""
    assert [schedules_key("e"), when_key("e")] == [f"{DOMAIN}.e.{kind}" for kind in ACTION_STORE_KINDS]
    hass_storage[schedules_key("e")] = {
        "version": 1,
        "data": {"actions": [{"thinq_device_id": "a"}, "damaged", {"thinq_device_id": 3}]},
    }
    hass_storage[when_key("e")] = {
        "version": 1,
        "data": {"actions": [{"watched": "b", "thinq_device_id": "c"}]},
    }
    assert await async_waiting_appliances(hass, "e") == {"a", "b", "c"}
    hass_storage[when_key("e")] = {"version": 9, "data": {"actions": [{"watched": "b"}]}}
    assert await async_waiting_appliances(hass, "e") == {"a"}


async def test_a_changed_model_or_an_old_profile_is_read_again(
    hass: HomeAssistant,
    monkeypatch: pytest.MonkeyPatch,
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """LG's device list naming another model drops the kept profile; an old one is checked in the background.

    A profile LG changed (a firmware update) sets the entry up again with it; an unchanged one costs
    its one read.
    """
    entry_id = init_integration.entry_id
    # Reloads close push: each waits for it to be up (closing a connection half made races paho).
    await healthy(init_integration, simulator)
    profiles = simulator.requests_by_endpoint["GET /devices/{id}/profile"]
    simulator.find("냉장고").model_name = "GR-NEW"
    assert await hass.config_entries.async_reload(entry_id)
    await hass.async_block_till_done()
    assert simulator.requests_by_endpoint["GET /devices/{id}/profile"] == profiles + 1
    coordinator = await healthy(init_integration, simulator)
    monkeypatch.setattr(device_cache, "PROFILE_MAX_AGE", timedelta(0))  # every kept profile is old now
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert simulator.requests_by_endpoint["GET /devices/{id}/profile"] == profiles + 2
    assert init_integration.runtime_data is coordinator
    for device_id in simulator.device_ids:
        simulator.device(device_id).profile["notification"] = {"push": ["NEW_CODE"]}
    await coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert init_integration.runtime_data is not coordinator  # set up again with the new profile
    await healthy(init_integration, simulator)


async def test_a_damaged_cache_costs_only_itself(
    hass: HomeAssistant, hass_storage: dict[str, Any], simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """What cannot be read from the kept data is asked of LG; the rest is used; deleting the entry drops it."""
    key = storage_key(config_entry.entry_id)
    washer = simulator.find("세탁기")
    hass_storage[key] = {
        "version": 1,
        "data": {
            "profiles": {
                washer.device_id: {
                    "model": [washer.device_type, washer.model_name],
                    "profile": "not a profile",
                }
            },
            "energy": {washer.device_id: {}},
            "states": {
                washer.device_id: {"values": [["runState", None, None, None, "RUNNING"]]},
                simulator.find("건조기").device_id: {"values": "damaged"},
            },
        },
    }
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    coordinator: ThinQVoiceCoordinator = config_entry.runtime_data
    assert len(coordinator.data) == len(simulator.device_ids)
    assert not any(appliance.restored for appliance in coordinator.data.values())
    assert simulator.requests_by_endpoint["GET /devices/{id}/profile"] == len(simulator.device_ids)
    await hass.config_entries.async_remove(config_entry.entry_id)
    await hass.async_block_till_done()
    assert key not in hass_storage
