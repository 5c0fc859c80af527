"""An account with more appliances than LG's hourly budget can set up at once."""

from collections.abc import AsyncIterator

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.api.const import DEFAULT_HOURLY_REQUEST_BUDGET
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import CONTROL_RESERVE
from simulator import DEFAULT_TOKEN, Simulator


@pytest.fixture
async def simulator() -> AsyncIterator[Simulator]:
    """Override the fleet: sixty appliances, more than one hour's budget sets up."""
    sim = Simulator(fleet="ko", tokens=(DEFAULT_TOKEN,), devices=60)
    await sim.start()
    yield sim
    await sim.stop()


async def test_large_account_loads_in_stages(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """Setup loads what the budget allows now instead of failing; the rest follows later."""
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert config_entry.state is ConfigEntryState.LOADED
    coordinator = config_entry.runtime_data
    loaded = len(coordinator.data)
    assert 30 < loaded < 60
    assert len(coordinator.known_devices) == 60
    devices = dr.async_entries_for_config_entry(dr.async_get(hass), config_entry.entry_id)
    appliances = [
        device
        for device in devices
        if any(ident[1] in coordinator.data for ident in device.identifiers if ident[0] == DOMAIN)
    ]
    assert len(appliances) == loaded
    # Setting up (the device list, a profile and a state per appliance, and what else it reads)
    # never spent what the budget keeps for people's commands.
    spent = DEFAULT_HOURLY_REQUEST_BUDGET - coordinator.client.remaining_budget
    assert spent == sum(simulator.requests_by_endpoint.values())
    assert 1 + 2 * loaded <= spent <= DEFAULT_HOURLY_REQUEST_BUDGET - CONTROL_RESERVE
