"""The kept device list and profiles as the account changes under a running entry.

A real Home Assistant against the simulated LG cloud over loopback: LG's device list read again
while the entry runs names another model or drops an appliance, and a background check of an old
profile meets a failing cloud.
"""

import contextlib
from datetime import timedelta
from typing import Any

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_test_home_assistant

from custom_components import thinq_voice
from custom_components.thinq_voice import appliances, device_cache
from custom_components.thinq_voice.api import Priority, ThinQBudgetError
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.device_cache import storage_key
from simulator import Simulator
from simulator.broker import mosquitto_path

from .push_helpers import healthy

PROFILE = "GET /devices/{id}/profile"


@pytest.fixture(autouse=True)
def roomy_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Room for the reads beyond setting up (the budget's own tests keep LG's 100)."""
    monkeypatch.setattr(thinq_voice, "HOURLY_REQUEST_BUDGET", 200)


@pytest.fixture
def list_always_due(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every refresh reads LG's device list again (it is otherwise read once an hour)."""
    monkeypatch.setattr(appliances, "DEVICE_LIST_INTERVAL", timedelta(0))


@pytest.mark.usefixtures("list_always_due")
async def test_a_model_changed_while_running_is_read_again(
    hass: HomeAssistant, hass_storage: dict[str, Any], simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """LG's list naming another model for a set-up appliance: the entry is set up again with LG's new profile."""
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    fridge = simulator.find("냉장고")
    profiles = simulator.requests_by_endpoint[PROFILE]
    fridge.model_name = "GR-NEW"
    await coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert simulator.requests_by_endpoint[PROFILE] > profiles
    assert init_integration.state is ConfigEntryState.LOADED
    assert init_integration.runtime_data is not coordinator
    coordinator = init_integration.runtime_data
    await coordinator.catalog.cache.async_save()
    kept = hass_storage[storage_key(init_integration.entry_id)]["data"]
    assert kept["profiles"][fridge.device_id]["model"] == [fridge.device_type, "GR-NEW"]
    assert kept["devices"][fridge.device_id]["deviceInfo"]["modelName"] == "GR-NEW"
    assert fridge.device_id in coordinator.data


@pytest.mark.usefixtures("list_always_due")
async def test_an_appliance_gone_from_the_list_leaves_the_device_registry(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """An appliance LG no longer lists is removed from Home Assistant; the rest and the agent's device stay."""
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    registry, entry_id = dr.async_get(hass), init_integration.entry_id
    dryer = simulator.find("건조기").device_id
    assert registry.async_get_device_by_identifier((DOMAIN, dryer), entry_id) is not None
    simulator.remove_device(dryer)
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert registry.async_get_device_by_identifier((DOMAIN, dryer), entry_id) is None
    for device_id in simulator.device_ids:
        assert registry.async_get_device_by_identifier((DOMAIN, device_id), entry_id) is not None
    assert registry.async_get_device_by_identifier((DOMAIN, entry_id), entry_id) is not None


@pytest.mark.push
@pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed")
async def test_a_failed_check_of_an_old_profile_keeps_the_entry(
    hass: HomeAssistant,
    monkeypatch: pytest.MonkeyPatch,
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """LG failing the background read of an old profile neither reloads the entry nor fails the refresh."""
    # With push up a refresh reads no state: the profile check is its one request to LG.
    coordinator = await healthy(init_integration, simulator)
    monkeypatch.setattr(device_cache, "PROFILE_MAX_AGE", timedelta(0))  # every kept profile is old now
    simulator.set_faults({"fail_next": 1})
    await coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert simulator.faults.fail_next == 0
    assert coordinator.last_update_success
    assert init_integration.state is ConfigEntryState.LOADED
    assert init_integration.runtime_data is coordinator
    # The check is tried again at the next refresh; LG's profile is the kept one: nothing is set up again.
    profiles = simulator.requests_by_endpoint[PROFILE]
    await coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert simulator.requests_by_endpoint[PROFILE] == profiles + 1
    assert init_integration.runtime_data is coordinator


@pytest.mark.push
@pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed")
async def test_an_unreadable_kept_list_entry_costs_only_its_appliance(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """Restarting with the hour spent sets up from the kept list; an entry damaged there waits for LG's list."""
    coordinator = await healthy(init_integration, simulator)
    with contextlib.suppress(ThinQBudgetError):
        while True:
            coordinator.client.budget.acquire(Priority.CONFIRM)
    await hass.async_stop()
    washer = simulator.find("세탁기").device_id
    hass_storage[storage_key(init_integration.entry_id)]["data"]["devices"][washer] = {
        "deviceInfo": "damaged"
    }
    requests = sum(simulator.requests_by_endpoint.values())
    async with async_test_home_assistant() as again:
        again.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        assert await async_setup_component(again, "homeassistant", {})
        entry = MockConfigEntry(
            domain=DOMAIN,
            entry_id=init_integration.entry_id,
            unique_id=init_integration.unique_id,
            data=dict(init_integration.data),
        )
        entry.add_to_hass(again)
        assert await again.config_entries.async_setup(entry.entry_id)
        await again.async_block_till_done(wait_background_tasks=True)
        assert entry.state is ConfigEntryState.LOADED
        assert set(entry.runtime_data.data) == set(simulator.device_ids) - {washer}
        assert sum(simulator.requests_by_endpoint.values()) == requests
        assert await again.config_entries.async_unload(entry.entry_id)
        await again.async_stop(force=True)
