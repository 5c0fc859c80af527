"""Push at the account's edges: appliances registered again, and ending push while LG fails.

A real Home Assistant, the simulated LG cloud over loopback and its real mosquitto broker.
"""

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice import push as push_module
from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator
from simulator.broker import mosquitto_path

from .push_helpers import healthy, until

pytestmark = [
    pytest.mark.push,
    pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed"),
]


async def test_deleting_the_entry_while_lg_fails_still_deletes_it(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """LG failing to end the client and its subscriptions does not stop the entry and its session going."""
    await healthy(init_integration, simulator)
    simulator.set_faults({"fail_rate": 1.0})
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert not hass.config_entries.async_entries(init_integration.domain)
    assert push_module.storage_key(init_integration.entry_id) not in hass_storage
    # LG did not hear of it: its client ends by itself once LG no longer publishes to it.
    assert simulator.clients


async def test_an_appliance_registered_again_comes_back_as_its_new_model(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """LG announcing an appliance registered (again, under its old id) by push: it joins with LG's new profile."""
    await healthy(init_integration, simulator)
    washer = simulator.find("세탁기")
    simulator.remove_device(washer.device_id)
    await until(lambda: washer.device_id not in init_integration.runtime_data.data)
    profiles = simulator.requests_by_endpoint["GET /devices/{id}/profile"]
    simulator.add_device("washer", "세탁기", device_id=washer.device_id, model_name="WM-NEW")
    await until(lambda: washer.device_id in (init_integration.runtime_data.data or {}))
    await hass.async_block_till_done()
    assert simulator.requests_by_endpoint["GET /devices/{id}/profile"] == profiles + 1
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, washer.device_id), init_integration.entry_id
    )
    assert device is not None
    assert device.model == "WM-NEW"
