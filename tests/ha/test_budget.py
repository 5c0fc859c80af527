"""The request budget inside Home Assistant: people before polling, and our own refusals told as ours."""

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant import loader
from homeassistant.components import conversation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_test_home_assistant,
)

from custom_components.thinq_voice.api import Priority, ThinQBudgetError
from custom_components.thinq_voice.budget_store import storage_key
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import (
    CONTROL_RESERVE,
    HOURLY_REQUEST_BUDGET,
    ThinQVoiceCoordinator,
)
from custom_components.thinq_voice.device_cache import storage_key as device_cache_key
from simulator import Simulator


def entity_id(hass: HomeAssistant, simulator: Simulator, platform: str, alias: str, suffix: str) -> str:
    """Return the entity id of an appliance's entity from its unique id."""
    found = er.async_get(hass).async_get_entity_id(
        platform, DOMAIN, f"{simulator.find(alias).device_id}_{suffix}"
    )
    assert found is not None
    return found


def spend(coordinator: ThinQVoiceCoordinator, priority: Priority) -> None:
    """Spend what the budget allows this priority, as an hour of busy polling or talking would."""
    while True:
        try:
            coordinator.client.budget.acquire(priority)
        except ThinQBudgetError:
            return


def accepted(simulator: Simulator) -> int:
    """Return how many controls the simulator accepted."""
    return len([entry for entry in simulator.control_log if entry.code is None])


async def tick(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Move time on and let the scheduled work run."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_polling_yields_to_commands(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """With polling's share spent, refreshes read nothing and keep the states; commands still go."""
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    washer = simulator.find("세탁기").device_id
    read_at = coordinator.data[washer].updated_at
    spend(coordinator, Priority.BACKGROUND)
    await tick(hass, freezer, timedelta(minutes=20))
    assert coordinator.last_update_success
    assert coordinator.data[washer].updated_at == read_at
    switch = entity_id(hass, simulator, "switch", "냉장고", "powerSave_powerSaveEnabled")
    assert hass.states.get(switch).state == "off"  # type: ignore[union-attr]
    await hass.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True)
    await hass.async_block_till_done()
    # The control went, and so did the read that confirms it.
    assert accepted(simulator) == 1
    assert hass.states.get(switch).state == "on"  # type: ignore[union-attr]


async def test_own_budget_refusal_is_told_as_ours(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A command our own budget holds back says so, and when it can go, in English and Korean."""
    assert await async_setup_component(hass, "conversation", {})
    spend(init_integration.runtime_data, Priority.CONTROL)
    switch = entity_id(hass, simulator, "switch", "냉장고", "powerSave_powerSaveEnabled")
    with pytest.raises(HomeAssistantError) as held:
        await hass.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True)
    assert held.value.translation_key == "budget_held_control"
    message = str(held.value)
    assert message.startswith("ThinQ Voice held this command back, not LG")
    assert "LG limited" not in message
    assert "100 requests an hour" in message
    seconds = int(held.value.translation_placeholders["seconds"])
    assert 3500 < seconds <= 3600
    result = await conversation.async_converse(
        hass, "거실 에어컨 켜줘", None, Context(), language="ko", agent_id="conversation.thinq_voice"
    )
    speech = result.response.speech["plain"]["speech"]
    assert speech.startswith("LG가 아니라 ThinQ Voice가 이 명령을 보류했습니다.")
    assert f"{seconds}초 뒤" in speech or f"{seconds - 1}초 뒤" in speech
    assert accepted(simulator) == 0


async def test_a_command_does_not_delay_the_others(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """The read confirming one appliance's command leaves the polling of the others on time."""
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    await tick(hass, freezer, timedelta(hours=1))
    interval = coordinator.update_interval
    assert interval is not None
    washer = simulator.find("세탁기").device_id
    read_at = coordinator.data[washer].updated_at
    await tick(hass, freezer, interval - timedelta(minutes=1))
    switch = entity_id(hass, simulator, "switch", "냉장고", "powerSave_powerSaveEnabled")
    await hass.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True)
    await hass.async_block_till_done()
    await tick(hass, freezer, timedelta(minutes=1, seconds=1))
    assert coordinator.data[washer].updated_at != read_at


# What setting an appliance up asks of LG, unless kept from an earlier run.
PER_APPLIANCE_READS = (
    "GET /devices/{id}/profile",
    "GET /devices/{id}/state",
    "GET /devices/energy/{id}/profile",
)


def requests_lg_saw(simulator: Simulator) -> int:
    """Return how many requests reached the simulated LG cloud."""
    return sum(simulator.requests_by_endpoint.values())


async def test_budget_survives_a_reload(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A reload keeps the hour's requests: the new setup adds its own to them."""
    await hass.async_block_till_done(wait_background_tasks=True)
    before = init_integration.runtime_data.client.budget.export()
    assert len(before) == requests_lg_saw(simulator)
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    after = init_integration.runtime_data.client.budget.export()
    assert after[: len(before)] == pytest.approx(before)
    assert len(after) == requests_lg_saw(simulator) > len(before)


async def test_budget_survives_a_restart(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """Home Assistant stopped and started again on the same storage remembers the hour's requests."""
    switch = entity_id(hass, simulator, "switch", "냉장고", "powerSave_powerSaveEnabled")
    await hass.services.async_call("switch", "turn_on", {ATTR_ENTITY_ID: switch}, blocking=True)
    await hass.async_block_till_done(wait_background_tasks=True)
    before = init_integration.runtime_data.client.budget.export()
    await hass.async_stop()
    assert hass_storage[storage_key(init_integration.entry_id)]["data"]["sent"] == pytest.approx(before)
    async with async_test_home_assistant() as restarted:
        restarted.data.pop(loader.DATA_CUSTOM_COMPONENTS)
        assert await async_setup_component(restarted, "homeassistant", {})
        entry = MockConfigEntry(
            domain=DOMAIN,
            entry_id=init_integration.entry_id,
            unique_id=init_integration.unique_id,
            data=dict(init_integration.data),
        )
        entry.add_to_hass(restarted)
        assert await restarted.config_entries.async_setup(entry.entry_id)
        await restarted.async_block_till_done(wait_background_tasks=True)
        after = entry.runtime_data.client.budget.export()
        assert after[: len(before)] == pytest.approx(before)
        assert len(after) == requests_lg_saw(simulator)
        await restarted.async_stop(force=True)


async def test_a_reload_loop_stays_within_lg_limit(
    hass: HomeAssistant, hass_storage: dict[str, Any], simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Reloading again and again reads the device list only; with nothing kept it stops at the budget.

    Profiles and states are kept across reloads, so a reload sets every appliance up from them. Were
    they lost each time, reloading would stop sending once the hour is spent, leaving room for commands.
    """
    entry_id = init_integration.entry_id
    reads = {endpoint: simulator.requests_by_endpoint.get(endpoint, 0) for endpoint in PER_APPLIANCE_READS}
    lists = simulator.requests_by_endpoint["GET /devices"]
    for _ in range(6):
        await hass.config_entries.async_reload(entry_id)
        await hass.async_block_till_done()
        assert init_integration.state is ConfigEntryState.LOADED
    assert {
        endpoint: simulator.requests_by_endpoint.get(endpoint, 0) for endpoint in PER_APPLIANCE_READS
    } == reads
    assert simulator.requests_by_endpoint["GET /devices"] == lists + 6
    for _ in range(6):
        await hass.config_entries.async_unload(entry_id)
        hass_storage.pop(device_cache_key(entry_id))
        await hass.config_entries.async_setup(entry_id)
        await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.SETUP_RETRY
    assert init_integration.reason is not None
    assert "ThinQ Voice's own request budget" in init_integration.reason
    assert requests_lg_saw(simulator) <= HOURLY_REQUEST_BUDGET - CONTROL_RESERVE


async def test_unreadable_stored_budget_is_ignored(
    hass: HomeAssistant, hass_storage: dict[str, Any], simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """A damaged stored budget costs nothing but itself; the entry is deleted with its budget."""
    key = storage_key(config_entry.entry_id)
    hass_storage[key] = {"version": 1, "key": key, "data": {"sent": ["soon", True, None, 1e400]}}
    config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert len(config_entry.runtime_data.client.budget.export()) == requests_lg_saw(simulator)
    await hass.config_entries.async_remove(config_entry.entry_id)
    await hass.async_block_till_done()
    assert key not in hass_storage
