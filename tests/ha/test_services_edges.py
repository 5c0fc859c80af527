"""The set_property and get_energy_usage actions at their edges: what the profile forbids is told, with what it
allows, before anything is sent to LG; an appliance LG does not meter says so."""

import copy
import json
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator
from tests.conftest import THINQ_FIXTURES

CUSTOM_AC = "custom-ac-0001"


def device_field(hass: HomeAssistant, entry: MockConfigEntry, device_id: str) -> dict[str, str]:
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, device_id), entry.entry_id)
    assert device is not None
    return {"device_id": device.id}


@pytest.fixture
async def with_custom_ac(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set ThinQ Voice up with an extra AC whose profile makes power saving writable without listing values."""
    spec = json.loads((THINQ_FIXTURES / "spec" / "air_conditioner.json").read_text(encoding="utf-8"))
    profile: dict[str, Any] = copy.deepcopy(spec["profile_response"])
    del profile["property"]["powerSave"]["powerSaveEnabled"]["value"]
    simulator.add_device(
        "DEVICE_AIR_CONDITIONER",
        "서재 에어컨",
        device_id=CUSTOM_AC,
        profile=profile,
        state=spec["state_response"],
    )
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    return config_entry


async def set_property(hass: HomeAssistant, field: dict[str, str], **data: Any) -> None:
    await hass.services.async_call(DOMAIN, "set_property", {**field, **data}, blocking=True)


async def test_a_read_only_property_is_refused_before_lg_hears_of_it(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    washer = simulator.find("세탁기").device_id
    sent = len(simulator.control_log)
    with pytest.raises(ServiceValidationError) as info:
        await set_property(
            hass,
            device_field(hass, init_integration, washer),
            resource="runState",
            property="currentState",
            value="RUNNING",
        )
    assert info.value.translation_key == "read_only_property"
    assert info.value.translation_placeholders is not None
    assert info.value.translation_placeholders["device"] == "세탁기"
    assert info.value.translation_placeholders["property"] == "runState.currentState"
    assert str(info.value).startswith("runState.currentState of 세탁기 can be read but not written")
    assert len(simulator.control_log) == sent


async def test_a_number_without_a_range_names_what_it_takes(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    ac = simulator.find("거실 에어컨").device_id
    sent = len(simulator.control_log)
    with pytest.raises(ServiceValidationError) as info:
        await set_property(
            hass,
            device_field(hass, init_integration, ac),
            resource="timer",
            property="relativeHourToStart",
            value="two hours",
        )
    assert info.value.translation_key == "invalid_property_value"
    assert info.value.translation_placeholders is not None
    assert info.value.translation_placeholders["allowed"] == "a number"
    assert info.value.translation_placeholders["value"] == "two hours"
    assert len(simulator.control_log) == sent
    # The same property takes a number: that is sent.
    await set_property(
        hass,
        device_field(hass, init_integration, ac),
        resource="timer",
        property="relativeHourToStart",
        value=2,
    )
    assert simulator.control_log[-1].body["timer"]["relativeHourToStart"] == 2


async def test_a_switch_without_listed_values_takes_true_or_false(
    hass: HomeAssistant, simulator: Simulator, with_custom_ac: MockConfigEntry
) -> None:
    field = device_field(hass, with_custom_ac, CUSTOM_AC)
    with pytest.raises(ServiceValidationError) as info:
        await set_property(hass, field, resource="powerSave", property="powerSaveEnabled", value="yes")
    assert info.value.translation_key == "invalid_property_value"
    assert info.value.translation_placeholders is not None
    assert info.value.translation_placeholders["allowed"] == "true, false"
    await set_property(hass, field, resource="powerSave", property="powerSaveEnabled", value=True)
    assert simulator.control_log[-1].device_id == CUSTOM_AC
    assert simulator.control_log[-1].body == {"powerSave": {"powerSaveEnabled": True}}


async def test_energy_of_an_appliance_lg_does_not_meter(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    robot = simulator.find("로봇청소기").device_id
    with pytest.raises(HomeAssistantError) as info:
        await hass.services.async_call(
            DOMAIN,
            "get_energy_usage",
            {
                **device_field(hass, init_integration, robot),
                "period": "day",
                "start": "2026-11-01",
                "end": "2026-11-02",
            },
            blocking=True,
            return_response=True,
        )
    assert info.value.translation_key == "no_energy"
    assert str(info.value).startswith("LG reports no energy use for this appliance")
    assert not any("usage" in path for path in simulator.requests_by_endpoint if robot in path)
