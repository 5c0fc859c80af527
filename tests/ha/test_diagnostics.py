"""Diagnostics redact the token, the client id and serial numbers."""

import json

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.diagnostics import async_get_config_entry_diagnostics
from simulator import DEFAULT_TOKEN, Simulator
from tests.ha.conftest import CLIENT_ID


async def test_diagnostics_redact_secrets(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Profiles and states are there, and the hour's budget; secrets are not."""
    await hass.async_block_till_done(wait_background_tasks=True)
    diagnostics = await async_get_config_entry_diagnostics(hass, init_integration)
    text = json.dumps(diagnostics, default=str)
    assert DEFAULT_TOKEN not in text
    assert CLIENT_ID not in text
    assert diagnostics["entry"]["data"]["access_token"] == "**REDACTED**"
    assert diagnostics["entry"]["data"]["client_id"] == "**REDACTED**"
    assert diagnostics["known_devices"] == len(simulator.device_ids)
    budget = diagnostics["request_budget"]
    spent = budget["spent_last_hour"]
    assert spent == sum(simulator.requests_by_endpoint.values())
    # Background reads leave 50 requests to people, confirming reads 20 to controls.
    assert budget["available"] == {"background": 50 - spent, "confirm": 80 - spent, "control": 100 - spent}
    washer = diagnostics["appliances"][simulator.device_ids[4]]
    assert washer["device_type"] == "DEVICE_WASHER"
    assert washer["profile"]["properties"]["runState.currentState@MAIN"]["type"] == "enum"
    assert washer["state"]["runState.currentState@MAIN"]
    fridge = diagnostics["appliances"][simulator.device_ids[2]]
    assert fridge["profile"]["properties"]["temperature.targetTemperature@FRIDGE"]["write"]["max"] == 7


def test_serials_are_redacted() -> None:
    """Serial numbers and user numbers LG puts in payloads are redacted wherever they appear."""
    from homeassistant.components.diagnostics import async_redact_data

    from custom_components.thinq_voice.diagnostics import TO_REDACT

    redacted = async_redact_data(
        {"a": {"serialNumber": "SN1", "userNumber": "U1", "macAddress": "M"}}, TO_REDACT
    )
    assert "SN1" not in json.dumps(redacted)
