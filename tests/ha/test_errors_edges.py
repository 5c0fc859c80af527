"""Failures told truly: a value the profile does not allow is the user's input; a revoked token asks for a new one."""

from datetime import timedelta

from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ConfigEntryAuthFailed, ServiceValidationError
from homeassistant.helpers.update_coordinator import UpdateFailed
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice import appliances
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from simulator import DEFAULT_TOKEN, Simulator

from .helpers import call, entity_id, sent

pytestmark = [pytest.mark.fleet("en"), pytest.mark.fast_controls]


@pytest.mark.usefixtures("init_integration")
async def test_a_value_off_the_profiles_step_is_refused_before_sending(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """Home Assistant checks a number's range, not its step: ThinQ Voice refuses 3.5 °C naming what fits."""
    fridge = entity_id(hass, simulator, "number", "Refrigerator", "temperature_targetTemperature_FRIDGE")
    before = sent(simulator, "Refrigerator")
    with pytest.raises(ServiceValidationError) as excinfo:
        await call(hass, "number", "set_value", fridge, value=3.5)
    err = excinfo.value
    assert (err.translation_domain, err.translation_key) == (DOMAIN, "invalid_value")
    assert err.translation_placeholders["value"] == "3.5"
    assert err.translation_placeholders["allowed"]
    assert sent(simulator, "Refrigerator") == before


async def test_a_token_revoked_before_the_hourly_list_read_asks_for_a_new_one(
    hass: HomeAssistant,
    monkeypatch: pytest.MonkeyPatch,
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """LG refusing the token on the device list, and again when asked once more, starts reauthentication."""
    monkeypatch.setattr(appliances, "DEVICE_LIST_INTERVAL", timedelta(0))
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    simulator.faults.revoked_tokens.add(DEFAULT_TOKEN)
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert isinstance(coordinator.last_exception, ConfigEntryAuthFailed)
    assert coordinator.last_exception.translation_key == "invalid_token"
    assert [
        flow["context"]["source"] for flow in init_integration.async_get_active_flows(hass, {SOURCE_REAUTH})
    ]


async def test_a_refused_device_list_read_is_told_as_a_failed_update(
    hass: HomeAssistant,
    monkeypatch: pytest.MonkeyPatch,
    simulator: Simulator,
    init_integration: MockConfigEntry,
) -> None:
    """LG turning the account's device list down is a failed update, not told as one appliance's failure."""
    monkeypatch.setattr(appliances, "DEVICE_LIST_INTERVAL", timedelta(0))
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data
    simulator.set_faults({"fail_next": 1, "fail_code": "1000"})
    await coordinator.async_refresh()
    assert isinstance(coordinator.last_exception, UpdateFailed)
    assert coordinator.last_exception.translation_key == "update_failed"
    await coordinator.async_refresh()
    assert coordinator.last_update_success
