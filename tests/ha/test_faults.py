"""Faults told truly, end to end through Home Assistant against the simulator's faults.

The right cause (a rejected token, LG's outage, our own budget, an offline appliance), a reauth
only when the token is really rejected, validation before anything is sent, values that cannot
forge a log line, and the appliance's own report after an unclear answer from LG.
"""

import logging
from typing import Any

from homeassistant.config_entries import SOURCE_REAUTH
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import intent, issue_registry as ir
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.errors import log_safe
from simulator import DEFAULT_TOKEN, Simulator

from .helpers import call, entity_id, ha_device, press, sent
from .test_conversation import speech, talk

pytestmark = [pytest.mark.fleet("en"), pytest.mark.fast_controls]


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component for the agent's tests."""
    assert await async_setup_component(hass, "conversation", {})


def coordinator_of(entry: MockConfigEntry) -> ThinQVoiceCoordinator:
    """Return an account entry's coordinator."""
    coordinator = entry.runtime_data
    assert isinstance(coordinator, ThinQVoiceCoordinator)
    return coordinator


def reauth_flows(hass: HomeAssistant, entry: MockConfigEntry) -> list[Any]:
    """Return the entry's reauth flows in progress."""
    return list(entry.async_get_active_flows(hass, {SOURCE_REAUTH}))


def reauth_issue(hass: HomeAssistant, entry: MockConfigEntry) -> ir.IssueEntry | None:
    """Return the error-level repair Home Assistant raises with a reauth flow."""
    return ir.async_get(hass).async_get_issue(
        "homeassistant", f"config_entry_reauth_{DOMAIN}_{entry.entry_id}"
    )


async def test_one_refused_token_raises_no_reauth(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A single 1103 is asked about again: LG accepts the token, so no reauth flow and no repair."""
    coordinator = coordinator_of(init_integration)
    simulator.set_faults({"fail_next": 1, "fail_code": "1103"})
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert not reauth_flows(hass, init_integration)
    assert reauth_issue(hass, init_integration) is None
    assert getattr(coordinator.last_exception, "translation_key", None) == "cloud_unavailable"
    await coordinator.async_refresh()
    assert coordinator.last_update_success


async def test_rejected_token_reauth_is_cleared_when_calls_succeed(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A token refused twice starts a reauth and its repair; both go once LG accepts calls again."""
    coordinator = coordinator_of(init_integration)
    simulator.faults.revoked_tokens.add(DEFAULT_TOKEN)
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert reauth_flows(hass, init_integration)
    assert reauth_issue(hass, init_integration) is not None
    # The agent names the token, not the appliance's power and Wi-Fi.
    answer = speech(await talk(hass, "turn on the living room ac", "en"))
    assert "access token" in answer
    assert "Wi-Fi" not in answer
    simulator.faults.revoked_tokens.clear()
    await coordinator.async_refresh_appliance(simulator.find("Washer").device_id)
    await hass.async_block_till_done()
    assert not reauth_flows(hass, init_integration)
    assert reauth_issue(hass, init_integration) is None


async def test_control_with_one_refused_token(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A control meeting one 1103 says LG had trouble; a revoked token says so, and starts a reauth."""
    button = entity_id(hass, simulator, "button", "Dryer", "operation_dryerOperationMode_START")
    simulator.set_faults({"fail_next": 1, "fail_code": "1103"})
    with pytest.raises(HomeAssistantError) as excinfo:
        await call(hass, "button", "press", button)
    assert excinfo.value.translation_key == "cloud_unavailable"
    assert not reauth_flows(hass, init_integration)
    simulator.faults.revoked_tokens.add(DEFAULT_TOKEN)
    with pytest.raises(HomeAssistantError) as excinfo:
        await call(hass, "button", "press", button)
    assert excinfo.value.translation_key == "invalid_token"
    await hass.async_block_till_done()
    assert reauth_flows(hass, init_integration)


async def test_cloud_outage_is_not_told_as_wifi(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """While LG fails, the agent says so and answers with an error response; offline is offline."""
    coordinator = coordinator_of(init_integration)
    simulator.set_faults({"fail_rate": 1.0})
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    result = await talk(hass, "start the dryer", "en")
    assert "LG's ThinQ cloud is having trouble" in speech(result)
    assert result.response.response_type is intent.IntentResponseType.ERROR
    assert result.response.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    simulator.faults.reset()
    simulator.set_faults({"offline": ["Dryer"]})
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert "check its power and Wi-Fi" in speech(await talk(hass, "start the dryer", "en"))


async def test_own_budget_is_not_blamed_on_lg(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A control our own hourly budget holds says so, with when a request frees; nothing is sent."""
    budget = coordinator_of(init_integration).client.budget
    while budget.remaining:
        budget.acquire()
    button = entity_id(hass, simulator, "button", "Dryer", "operation_dryerOperationMode_START")
    with pytest.raises(HomeAssistantError) as excinfo:
        await call(hass, "button", "press", button)
    assert excinfo.value.translation_key == "budget_held_control"
    assert int(excinfo.value.translation_placeholders["seconds"]) > 0
    assert "not LG" in str(excinfo.value)
    assert sent(simulator, "Dryer") == []


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("data", "key", "named"),
    [
        ({"resource": "temperature", "property": "nope", "value": 1}, "unknown_property", "temperature."),
        (
            {"resource": "temperature", "property": "targetTemperature", "value": 3, "location": "ATTIC"},
            "invalid_location",
            "FREEZER, FRIDGE",
        ),
        (
            {"resource": "temperature", "property": "targetTemperature", "value": 30, "location": "FRIDGE"},
            "invalid_property_value",
            "..",
        ),
        (
            {"resource": "temperature", "property": "targetTemperature", "value": 30},
            "invalid_location",
            "FREEZER, FRIDGE",
        ),
    ],
)
async def test_set_property_is_checked_against_the_profile(
    hass: HomeAssistant, simulator: Simulator, data: dict[str, Any], key: str, named: str
) -> None:
    """A wrong property, location or value is a validation error naming what is allowed."""
    with pytest.raises(ServiceValidationError) as excinfo:
        await hass.services.async_call(
            DOMAIN, "set_property", {**ha_device(hass, simulator, "Refrigerator"), **data}, blocking=True
        )
    assert excinfo.value.translation_key == key
    assert named in excinfo.value.translation_placeholders["allowed"]
    assert sent(simulator, "Refrigerator") == []


@pytest.mark.usefixtures("init_integration")
async def test_set_property_enum_and_read_only(hass: HomeAssistant, simulator: Simulator) -> None:
    """An enum names its values; a read-only property says so."""
    device = ha_device(hass, simulator, "Living Room AC")
    with pytest.raises(ServiceValidationError) as excinfo:
        await hass.services.async_call(
            DOMAIN,
            "set_property",
            {**device, "resource": "airFlow", "property": "windStrength", "value": "GALE"},
            blocking=True,
        )
    assert excinfo.value.translation_key == "invalid_property_value"
    assert "HIGH" in excinfo.value.translation_placeholders["allowed"]
    with pytest.raises(ServiceValidationError) as excinfo:
        await hass.services.async_call(
            DOMAIN,
            "set_property",
            {**device, "resource": "temperature", "property": "currentTemperature", "value": 20},
            blocking=True,
        )
    assert excinfo.value.translation_key == "read_only_property"
    assert sent(simulator, "Living Room AC") == []


@pytest.mark.usefixtures("init_integration")
async def test_energy_period_is_checked(hass: HomeAssistant, simulator: Simulator) -> None:
    """A period longer than LG answers in one call is refused before anything is asked."""
    device = ha_device(hass, simulator, "Washer")
    for period, start, end, key in (
        ("day", "2026-10-01", "2026-11-01", "too_many_days"),
        ("month", "2025-11-01", "2026-11-01", "too_many_months"),
    ):
        with pytest.raises(ServiceValidationError) as excinfo:
            await hass.services.async_call(
                DOMAIN,
                "get_energy_usage",
                {**device, "period": period, "start": start, "end": end},
                blocking=True,
                return_response=True,
            )
        assert excinfo.value.translation_key == key


@pytest.mark.usefixtures("init_integration")
async def test_hostile_values_forge_no_log_line(
    hass: HomeAssistant,
    simulator: Simulator,
    hass_client: ClientSessionGenerator,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A newline and a 100 kB value give HTTP 400 with a bounded, escaped message and no log line."""
    assert await async_setup_component(hass, "api", {})
    client = await hass_client()
    device = ha_device(hass, simulator, "Refrigerator")
    forged = "1\nCRITICAL homeassistant forged line\r\x1b[31m"
    caplog.set_level(logging.DEBUG)
    for data in (
        {"resource": "temperature", "property": "targetTemperature", "location": "FRIDGE", "value": forged},
        {
            "resource": "temperature",
            "property": "targetTemperature",
            "location": "FRIDGE",
            "value": "x" * 100_000,
        },
        {"resource": forged, "property": "y" * 100_000, "value": 1},
        {"resource": "temperature", "property": "targetTemperature", "location": forged, "value": 1},
    ):
        response = await client.post(f"/api/services/{DOMAIN}/set_property", json={**device, **data})
        assert response.status == 400
        message = (await response.json())["message"]
        assert "\n" not in message
        assert "\r" not in message
        assert "\x1b" not in message
        assert len(message) < 600
    assert sent(simulator, "Refrigerator") == []
    for record in caplog.records:
        text = record.getMessage()
        assert record.levelno < logging.ERROR, text
        assert "\nCRITICAL" not in text
        assert len(text) < 5_000


def test_log_safe() -> None:
    """Control characters are escaped, long text is cut, Korean stays readable."""
    assert log_safe("a\nb\x00c\u202e") == "a\\nb\\x00c\\u202e"
    assert log_safe("거실 에어컨") == "거실 에어컨"
    assert log_safe("x" * 1000) == "x" * 63 + "…"
    assert log_safe("\n" * 100) == "\\n" * 31 + "…"
    assert log_safe(23.5) == "23.5"


async def test_accepted_then_malformed_is_read_back(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """LG carries out a control and answers garbage: the appliance's report makes it a success."""
    simulator.set_faults({"accepted_malformed": True})
    result = await talk(hass, "set the living room ac to 25 degrees", "en")
    assert speech(result).endswith("set it to 25°C.")
    assert result.response.response_type is intent.IntentResponseType.ACTION_DONE
    state = hass.states.get(entity_id(hass, simulator, "climate", "Living Room AC", "climate"))
    assert state is not None
    assert state.attributes["temperature"] == 25


async def test_accepted_then_timeout_is_read_back(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """LG carries out a control and its answer never comes: the appliance is read before answering."""
    coordinator_of(init_integration).client.request_timeout = 0.2
    simulator.set_faults({"accepted_hang_s": 5})
    button = entity_id(hass, simulator, "button", "Dryer", "operation_dryerOperationMode_START")
    await call(hass, "button", "press", button)
    assert simulator.find("Dryer").state["runState"]["currentState"] != "POWER_OFF"
    # Nothing carried out and nothing reported: the failure is told as LG's, truly.
    simulator.faults.reset()
    simulator.set_faults({"offline": ["Washer"]})
    simulator.set_faults({"hang_s": 5})
    with pytest.raises(HomeAssistantError) as excinfo:
        await press(hass, simulator, "Washer", "operation_washerOperationMode_MAIN_START")
    assert excinfo.value.translation_key == "cloud_unreachable"


async def test_offline_appliance_keeps_its_last_run(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A washer that went offline mid-cycle is not "not running": it was, marked as last known."""
    assert speech(await talk(hass, "start the washer", "en")) == "Started the Washer."
    simulator.set_faults({"offline": ["Washer"]})
    await coordinator_of(init_integration).async_refresh_appliance(simulator.find("Washer").device_id)
    await hass.async_block_till_done()
    running = speech(await talk(hass, "what is running?", "en"))
    assert "Washer (running when last checked, offline now)" in running
    answer = speech(await talk(hass, "how long until the washer finishes?", "en"))
    assert answer == "The Washer was running when last checked; it is offline now."
    # An idle appliance that went offline is not listed as running.
    simulator.set_faults({"offline": ["Dryer"]})
    await coordinator_of(init_integration).async_refresh_appliance(simulator.find("Dryer").device_id)
    assert "Dryer" not in speech(await talk(hass, "what is running?", "en"))


@pytest.mark.parametrize("fleet", ["ko"])
async def test_offline_appliance_keeps_its_last_run_ko(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """세탁 중에 연결이 끊긴 세탁기: 마지막으로 확인했을 때 작동 중이었다고 말한다."""
    await talk(hass, "세탁기 돌려줘")
    simulator.set_faults({"offline": ["세탁기"]})
    await coordinator_of(init_integration).async_refresh_appliance(simulator.find("세탁기").device_id)
    await hass.async_block_till_done()
    assert "세탁기(마지막 확인 때 작동 중, 지금은 연결 끊김)" in speech(
        await talk(hass, "지금 돌아가는 거 뭐 있어?")
    )
    assert speech(await talk(hass, "세탁기 얼마나 남았어?")) == (
        "세탁기는 마지막으로 확인했을 때 작동 중이었어요, 지금은 연결이 끊겨 있어요."
    )


async def test_hostile_alias_forges_no_log_line(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """An appliance named with a newline (names are the user's, in LG's app) cannot forge a log line."""
    evil = simulator.add_device("washer", "Evil\nCRITICAL homeassistant forged " + "x" * 500).device_id
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    caplog.set_level(logging.INFO)
    simulator.set_faults({"offline": [evil]})
    await coordinator_of(config_entry).async_refresh_appliance(evil)
    simulator.set_faults({"online": [evil]})
    await coordinator_of(config_entry).async_refresh_appliance(evil)
    said = [record.getMessage() for record in caplog.records if "offline" in record.getMessage()]
    assert said
    assert all("\n" not in text and len(text) < 200 for text in said)
