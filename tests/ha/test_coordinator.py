"""Polling within LG's budget, appliances joining and leaving, and notifications."""

from datetime import timedelta
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.api.models import DeviceProfile, DeviceState
from custom_components.thinq_voice.const import DEFAULT_REFRESH_INTERVAL, DOMAIN
from custom_components.thinq_voice.coordinator import HOURLY_REQUEST_BUDGET, polling_interval
from custom_components.thinq_voice.notifications import RUN_COMPLETE, RUN_ERROR, derived_notifications
from simulator import RateLimit, Simulator


async def tick(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Move time on and let the scheduled work run."""
    freezer.tick(delta)
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


def test_polling_fits_lg_budget() -> None:
    """A twelve-appliance home at the default interval polls fewer times an hour than LG allows."""
    interval = polling_interval(DEFAULT_REFRESH_INTERVAL, 12)
    reads_per_hour = 12 * timedelta(hours=1) / interval
    assert reads_per_hour + 25 <= HOURLY_REQUEST_BUDGET
    assert polling_interval(DEFAULT_REFRESH_INTERVAL, 1) == DEFAULT_REFRESH_INTERVAL


def test_derived_notifications() -> None:
    """Run-state changes stand for LG's completion and error push codes."""
    profile = DeviceProfile.from_json(
        {
            "notification": {"push": ["WASHING_IS_COMPLETE", "ERROR_DURING_WASHING"]},
            "property": {
                "runState": {
                    "currentState": {
                        "type": "enum",
                        "mode": ["r"],
                        "value": {"r": ["RUNNING", "END", "ERROR"]},
                    }
                }
            },
        }
    )
    running = DeviceState.from_json({"runState": {"currentState": "RUNNING"}})
    ended = DeviceState.from_json({"runState": {"currentState": "END"}})
    failed = DeviceState.from_json({"runState": {"currentState": "ERROR"}})
    assert derived_notifications(profile, None, ended) == []
    assert derived_notifications(profile, running, running) == []
    assert derived_notifications(profile, running, ended) == [("WASHING_IS_COMPLETE", None)]
    assert derived_notifications(profile, running, failed) == [("ERROR_DURING_WASHING", None)]
    bare = DeviceProfile.from_json({"property": {}})
    assert derived_notifications(bare, running, ended) == [(RUN_COMPLETE, None)]
    assert derived_notifications(bare, running, failed) == [(RUN_ERROR, None)]


async def test_appliances_join_and_leave(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A new appliance gets its device and entities without a restart; a removed one disappears."""
    devices = dr.async_get(hass)
    entities = er.async_get(hass)
    washer = simulator.device_ids[4]
    added = simulator.add_device("washer", "세탁기 2", device_id="new-washer")
    simulator.remove_device(washer)
    await tick(hass, freezer, timedelta(hours=1, minutes=1))
    assert (
        devices.async_get_device_by_identifier((DOMAIN, added.device_id), init_integration.entry_id)
        is not None
    )
    assert devices.async_get_device_by_identifier((DOMAIN, washer), init_integration.entry_id) is None
    # The agent's service device is not an appliance of the account, and stays.
    agent_device = (DOMAIN, init_integration.entry_id)
    assert devices.async_get_device_by_identifier(agent_device, init_integration.entry_id) is not None
    unique_ids = {
        entry.unique_id for entry in er.async_entries_for_config_entry(entities, init_integration.entry_id)
    }
    assert any(uid.startswith("new-washer_") for uid in unique_ids)
    assert not any(uid.startswith(f"{washer}_") for uid in unique_ids)


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_run_end_fires_event(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A wash that ends fires the washer's notification event, once."""
    washer = simulator.device_ids[4]
    event_id = er.async_get(hass).async_get_entity_id("event", DOMAIN, f"{washer}_notification")
    assert event_id is not None
    simulator.patch_state(washer, {"runState": {"currentState": "RUNNING"}})
    await tick(hass, freezer, timedelta(minutes=20))
    assert hass.states.get(event_id).state == "unknown"  # type: ignore[union-attr]
    simulator.patch_state(
        washer, {"runState": {"currentState": "END"}, "timer": {"remainHour": 0, "remainMinute": 0}}
    )
    await tick(hass, freezer, timedelta(minutes=20))
    state = hass.states.get(event_id)
    assert state is not None
    assert state.attributes["event_type"] == "washing_is_complete"
    assert state.attributes["location"] == "main"
    fired_at = state.state
    await tick(hass, freezer, timedelta(minutes=20))
    assert hass.states.get(event_id).state == fired_at  # type: ignore[union-attr]


async def test_offline_during_refresh_is_logged_once(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An appliance that drops off logs once at info level, and once when it is back."""
    dryer = simulator.find("건조기")
    dryer.online = False
    await tick(hass, freezer, timedelta(minutes=10))
    await tick(hass, freezer, timedelta(minutes=10))
    assert caplog.text.count("건조기 is offline") == 1
    dryer.online = True
    await tick(hass, freezer, timedelta(minutes=10))
    assert caplog.text.count("건조기 is back online") == 1


async def test_budget_and_confirm_edges(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A nearly spent budget keeps the last states; a failed confirming read changes nothing."""
    coordinator = init_integration.runtime_data
    washer = simulator.device_ids[4]
    read_at = coordinator.data[washer].updated_at
    with patch.object(coordinator.client.budget, "available", return_value=3):
        await tick(hass, freezer, timedelta(minutes=10))
    assert coordinator.last_update_success
    assert coordinator.data[washer].updated_at == read_at
    simulator.faults.fail_next = 1
    await coordinator.async_refresh_appliance(washer)
    assert coordinator.data[washer].updated_at == read_at
    await coordinator.async_refresh_appliance("not-an-appliance")


async def test_rate_limited_device_list(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """LG's limit while reading the device list fails the refresh with LG's wait time."""
    simulator.faults.rate_limit = RateLimit(0, 3600)
    await tick(hass, freezer, timedelta(hours=1, minutes=1))
    coordinator = init_integration.runtime_data
    assert not coordinator.last_update_success
    assert coordinator.last_exception is not None
    assert coordinator.last_exception.translation_key == "rate_limited"  # type: ignore[attr-defined]
