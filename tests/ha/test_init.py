"""Setting up, unloading, retrying and re-authenticating the config entry."""

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import DOMAIN
from simulator import DEFAULT_TOKEN, Simulator


async def test_load_unload(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """The entry loads and unloads cleanly."""
    assert init_integration.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.NOT_LOADED


async def test_setup_retry_when_unreachable(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """A network failure at setup makes HA retry later."""
    await simulator.stop()
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert config_entry.state is ConfigEntryState.SETUP_RETRY


async def test_revoked_token_starts_reauth(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """A token LG no longer accepts fails setup and opens a reauth flow."""
    simulator.faults.revoked_tokens.add(DEFAULT_TOKEN)
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert config_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]


async def test_remove_device_only_when_gone(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A device still on the account can't be deleted by hand; one that left can."""
    assert await async_setup_component(hass, "config", {})
    registry = dr.async_get(hass)
    device = registry.async_get_device_by_identifier(
        (DOMAIN, simulator.device_ids[0]), init_integration.entry_id
    )
    assert device is not None
    from custom_components.thinq_voice import async_remove_config_entry_device

    assert not await async_remove_config_entry_device(hass, init_integration, device)
    stale = registry.async_get_or_create(
        config_entry_id=init_integration.entry_id, identifiers={(DOMAIN, "gone")}
    )
    assert await async_remove_config_entry_device(hass, init_integration, stale)
