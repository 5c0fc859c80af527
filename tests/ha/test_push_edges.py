"""Ending push at LG when the entry is deleted, with LG failing every call meanwhile.

A real Home Assistant, the simulated LG cloud over loopback and its real mosquitto broker.
"""

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice import push as push_module
from simulator import Simulator
from simulator.broker import mosquitto_path

from .push_helpers import healthy

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
