"""An account and a TV loaded side by side: each helper finds its own kind and nothing else."""

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.entry_kinds import (
    account_runtime,
    account_runtimes,
    account_with_appliance,
    is_tv_entry,
    loaded_account_entries,
    tv_runtime,
)
from custom_components.thinq_voice.tv.coordinator import TvCoordinator
from simulator import Simulator


async def test_each_kind_is_found_by_its_own_helpers(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, init_tv: MockConfigEntry
) -> None:
    assert is_tv_entry(init_tv) and not is_tv_entry(init_integration)
    account = account_runtime(init_integration)
    assert isinstance(account, ThinQVoiceCoordinator)
    assert isinstance(tv_runtime(init_tv), TvCoordinator)
    assert account_runtime(init_tv) is None and tv_runtime(init_integration) is None
    assert loaded_account_entries(hass) == [init_integration]
    assert account_runtimes(hass) == [account]
    washer = next(iter(simulator.device_ids))
    assert account_with_appliance(hass, washer) is account
    assert account_with_appliance(hass, "no-such-appliance") is None
    assert account_with_appliance(hass, None) is None


async def test_entries_not_loaded_or_not_ours_have_no_runtime(
    hass: HomeAssistant, init_integration: MockConfigEntry, init_tv: MockConfigEntry
) -> None:
    other = MockConfigEntry(domain="another_integration", data={})
    other.add_to_hass(hass)
    assert account_runtime(other) is None and tv_runtime(other) is None
    assert account_runtime(None) is None and tv_runtime(None) is None
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert await hass.config_entries.async_unload(init_tv.entry_id)
    assert account_runtime(init_integration) is None and tv_runtime(init_tv) is None
    assert loaded_account_entries(hass) == [] and account_runtimes(hass) == []


async def test_removing_either_kind(
    hass: HomeAssistant, init_integration: MockConfigEntry, init_tv: MockConfigEntry
) -> None:
    await hass.config_entries.async_remove(init_tv.entry_id)
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert hass.config_entries.async_entries() == []
