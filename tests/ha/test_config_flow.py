"""Config flow tests: every field, every error, recovery, reauth, reconfigure and options."""

from typing import Any

from homeassistant.config_entries import SOURCE_RECONFIGURE, SOURCE_USER
from homeassistant.const import CONF_ACCESS_TOKEN, CONF_COUNTRY
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import (
    CONF_ADVANCED,
    CONF_BASE_URL,
    CONF_CLIENT_ID,
    CONF_CONFIRM_START,
    CONF_EXCLUDED_DEVICES,
    CONF_FALLBACK_AGENT,
    CONF_INCLUDED_DEVICES,
    CONF_REFRESH_INTERVAL,
    DOMAIN,
    NO_FALLBACK_AGENT,
)
from simulator import DEFAULT_TOKEN, RateLimit, Simulator

OTHER_TOKEN = "thinqpat_another_account_token"


def user_input(base_url: str, token: str = DEFAULT_TOKEN, country: str = "KR") -> dict[str, Any]:
    """Return what a user types into the form."""
    return {CONF_ACCESS_TOKEN: token, CONF_COUNTRY: country, CONF_ADVANCED: {CONF_BASE_URL: base_url}}


async def start_user_flow(hass: HomeAssistant) -> str:
    """Open the user step and return the flow id."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    assert result["menu_options"] == ["cloud", "tv"]
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "cloud"})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "cloud"
    assert result["errors"] == {}
    return result["flow_id"]


async def test_user_flow_creates_entry(hass: HomeAssistant, simulator: Simulator) -> None:
    """A valid token lists the appliances and creates an entry named after the country."""
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, user_input(f"  {simulator.base_url}/  ", token=f" {DEFAULT_TOKEN} ")
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "ThinQ (KR)"
    data = result["data"]
    assert data[CONF_ACCESS_TOKEN] == DEFAULT_TOKEN
    assert data[CONF_COUNTRY] == "KR"
    assert data[CONF_BASE_URL] == simulator.base_url
    assert data[CONF_CLIENT_ID].startswith("thinq-voice-")
    entry = result["result"]
    assert entry.unique_id == min(simulator.device_ids)
    assert DEFAULT_TOKEN not in entry.unique_id


async def test_client_id_is_new_per_entry(hass: HomeAssistant, simulator: Simulator) -> None:
    """Each entry keeps its own client id, made once."""
    ids = set()
    for _ in range(2):
        flow_id = await start_user_flow(hass)
        result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
        ids.add(result["data"][CONF_CLIENT_ID])
        await hass.config_entries.async_remove(result["result"].entry_id)
    assert len(ids) == 2


@pytest.mark.parametrize(
    ("form", "field", "error"),
    [
        ({CONF_ACCESS_TOKEN: "", CONF_COUNTRY: "KR"}, CONF_ACCESS_TOKEN, "token_required"),
        ({CONF_ACCESS_TOKEN: "   ", CONF_COUNTRY: "KR"}, CONF_ACCESS_TOKEN, "token_required"),
        ({CONF_ACCESS_TOKEN: "short", CONF_COUNTRY: "KR"}, CONF_ACCESS_TOKEN, "invalid_token_format"),
        (
            {CONF_ACCESS_TOKEN: "thinqpat with spaces in it", CONF_COUNTRY: "KR"},
            CONF_ACCESS_TOKEN,
            "invalid_token_format",
        ),
        (
            {
                CONF_ACCESS_TOKEN: DEFAULT_TOKEN,
                CONF_COUNTRY: "KR",
                CONF_ADVANCED: {CONF_BASE_URL: "not a url"},
            },
            CONF_BASE_URL,
            "invalid_base_url",
        ),
        (
            {
                CONF_ACCESS_TOKEN: DEFAULT_TOKEN,
                CONF_COUNTRY: "KR",
                CONF_ADVANCED: {CONF_BASE_URL: "ftp://127.0.0.1"},
            },
            CONF_BASE_URL,
            "invalid_base_url",
        ),
        (
            {CONF_ACCESS_TOKEN: DEFAULT_TOKEN, CONF_COUNTRY: "KR", CONF_ADVANCED: {CONF_BASE_URL: "http://"}},
            CONF_BASE_URL,
            "invalid_base_url",
        ),
        (
            {
                CONF_ACCESS_TOKEN: DEFAULT_TOKEN,
                CONF_COUNTRY: "KR",
                CONF_ADVANCED: {CONF_BASE_URL: "http://[::1"},
            },
            CONF_BASE_URL,
            "invalid_base_url",
        ),
        (
            {
                CONF_ACCESS_TOKEN: DEFAULT_TOKEN,
                CONF_COUNTRY: "KR",
                CONF_ADVANCED: {CONF_BASE_URL: "http://127.0.0.1:1/?x=1"},
            },
            CONF_BASE_URL,
            "invalid_base_url",
        ),
    ],
)
async def test_malformed_fields_get_a_form_error(
    hass: HomeAssistant, simulator: Simulator, form: dict[str, Any], field: str, error: str
) -> None:
    """Blank or malformed fields answer with a translated error on that field, never a crash."""
    flow_id = await start_user_flow(hass)
    form = {CONF_ADVANCED: {CONF_BASE_URL: simulator.base_url}, **form}
    result = await hass.config_entries.flow.async_configure(flow_id, form)
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {field: error}
    assert not simulator.control_log
    # The user fixes the field and the same flow goes on to create the entry.
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.parametrize("country", ["XX", "", "kr"])
async def test_country_outside_the_selector(hass: HomeAssistant, simulator: Simulator, country: str) -> None:
    """The country selector only admits LG's countries; anything else is a schema error (HTTP 400)."""
    flow_id = await start_user_flow(hass)
    with pytest.raises(InvalidData):
        await hass.config_entries.flow.async_configure(
            flow_id, user_input(simulator.base_url, country=country)
        )


async def test_country_lg_refuses(hass: HomeAssistant, simulator: Simulator) -> None:
    """A country LG's API refuses (1307) is reported on the country field."""
    simulator.unsupported_countries.add("KR")
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["errors"] == {CONF_COUNTRY: "unsupported_country"}
    result = await hass.config_entries.flow.async_configure(
        flow_id, user_input(simulator.base_url, country="US")
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_blank_base_url_uses_lg_server_for_country(
    hass: HomeAssistant, simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without a base URL the country's LG server is used, and no URL is stored."""
    # The real LG cloud is the one thing that cannot run here: its address points at the simulator.
    monkeypatch.setattr(
        "custom_components.thinq_voice.api.transport.base_url_for_country", lambda country: simulator.base_url
    )
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_ACCESS_TOKEN: DEFAULT_TOKEN, CONF_COUNTRY: "KR", CONF_ADVANCED: {CONF_BASE_URL: "  "}}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_BASE_URL not in result["data"]
    entry = result["result"]
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_RECONFIGURE, "entry_id": entry.entry_id}
    )
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ACCESS_TOKEN: DEFAULT_TOKEN, CONF_COUNTRY: "KR", CONF_ADVANCED: {}}
    )
    assert result["reason"] == "reconfigure_successful"
    assert CONF_BASE_URL not in entry.data


async def test_rejected_token(hass: HomeAssistant, simulator: Simulator) -> None:
    """A token LG does not know is reported on the token field."""
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, user_input(simulator.base_url, token="thinqpat_not_a_known_token")
    )
    assert result["errors"] == {CONF_ACCESS_TOKEN: "invalid_token"}
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_rate_limited(hass: HomeAssistant, simulator: Simulator) -> None:
    """LG's rate limit is reported as such."""
    simulator.faults.rate_limit = RateLimit(calls=0, window_s=3600, code="1314")
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["errors"] == {"base": "exceeded_api_calls"}


async def test_cannot_connect(hass: HomeAssistant, simulator: Simulator) -> None:
    """A server that answers 5xx or nothing is a connection error."""
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input("http://127.0.0.1:9"))
    assert result["errors"] == {"base": "cannot_connect"}
    simulator.faults.fail_rate = 1.0
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["errors"] == {"base": "cannot_connect"}
    simulator.faults.fail_rate = 0.0
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_malformed_answer(hass: HomeAssistant, simulator: Simulator) -> None:
    """Malformed JSON from the API is a connection error, not a crash."""
    simulator.faults.malformed = True
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["errors"] == {"base": "cannot_connect"}


async def test_no_devices(hass: HomeAssistant, simulator: Simulator) -> None:
    """An account without appliances cannot be added yet."""
    for device_id in list(simulator.device_ids):
        simulator.remove_device(device_id)
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["errors"] == {"base": "no_devices"}


async def test_already_configured(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """The same account cannot be added twice."""
    config_entry.add_to_hass(hass)
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_second_account_is_added(hass: HomeAssistant, simulator: Simulator) -> None:
    """An entry of another account does not stop a new account from being added."""
    MockConfigEntry(domain=DOMAIN, unique_id="another-account-device", data={}).add_to_hass(hass)
    flow_id = await start_user_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, user_input(simulator.base_url))
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_reauth(hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry) -> None:
    """A new token of the same account replaces the old one."""
    simulator.tokens.add(OTHER_TOKEN)
    result = await init_integration.start_reauth_flow(hass)
    assert result["step_id"] == "reauth_confirm"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_ACCESS_TOKEN: ""})
    assert result["errors"] == {CONF_ACCESS_TOKEN: "token_required"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ACCESS_TOKEN: "thinqpat_unknown_token_value"}
    )
    assert result["errors"] == {CONF_ACCESS_TOKEN: "invalid_token"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ACCESS_TOKEN: OTHER_TOKEN}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert init_integration.data[CONF_ACCESS_TOKEN] == OTHER_TOKEN
    assert init_integration.data[CONF_CLIENT_ID].startswith("thinq-voice-")


async def test_reauth_wrong_account(hass: HomeAssistant, config_entry: MockConfigEntry) -> None:
    """A token of another account is refused during reauth."""
    other = Simulator(fleet="en", tokens=(OTHER_TOKEN,))
    await other.start()
    try:
        config_entry.add_to_hass(hass)
        hass.config_entries.async_update_entry(
            config_entry, data={**config_entry.data, CONF_BASE_URL: other.base_url}
        )
        result = await config_entry.start_reauth_flow(hass)
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {CONF_ACCESS_TOKEN: OTHER_TOKEN}
        )
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "wrong_account"
    finally:
        await other.stop()


async def test_reconfigure(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Reconfigure changes the base URL and token; bad fields get errors first."""
    result = await init_integration.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input("http://bad host", token=DEFAULT_TOKEN)
    )
    assert result["errors"] == {CONF_BASE_URL: "invalid_base_url"}
    simulator.tokens.add(OTHER_TOKEN)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], user_input(simulator.base_url + "/", token=OTHER_TOKEN)
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert init_integration.data[CONF_ACCESS_TOKEN] == OTHER_TOKEN
    assert init_integration.data[CONF_BASE_URL] == simulator.base_url


async def test_reconfigure_wrong_account(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """Reconfigure refuses another account's appliances."""
    other = Simulator(fleet="en", tokens=(OTHER_TOKEN,))
    await other.start()
    try:
        result = await init_integration.start_reconfigure_flow(hass)
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], user_input(other.base_url, token=OTHER_TOKEN)
        )
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "wrong_account"
    finally:
        await other.stop()


async def test_same_account_after_first_device_left(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """The account is still recognized after the appliance naming it left."""
    simulator.remove_device(init_integration.unique_id)
    simulator.tokens.add(OTHER_TOKEN)
    result = await init_integration.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_ACCESS_TOKEN: OTHER_TOKEN}
    )
    assert result["reason"] == "reauth_successful"


async def test_options(hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry) -> None:
    """Options set the refresh interval and store the appliances left out."""
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["type"] is FlowResultType.FORM
    keep = sorted(simulator.device_ids)[:3]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {CONF_REFRESH_INTERVAL: 120, CONF_INCLUDED_DEVICES: keep, CONF_FALLBACK_AGENT: NO_FALLBACK_AGENT},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options[CONF_REFRESH_INTERVAL] == 120
    assert set(init_integration.options[CONF_EXCLUDED_DEVICES]) == set(simulator.device_ids) - set(keep)
    assert init_integration.options[CONF_FALLBACK_AGENT] == NO_FALLBACK_AGENT
    assert init_integration.options[CONF_CONFIRM_START] == []
    await hass.async_block_till_done()
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {
            CONF_REFRESH_INTERVAL: 120,
            CONF_INCLUDED_DEVICES: keep,
            CONF_FALLBACK_AGENT: NO_FALLBACK_AGENT,
            CONF_CONFIRM_START: ["washer", "robot_cleaner"],
        },
    )
    assert init_integration.options[CONF_CONFIRM_START] == ["washer", "robot_cleaner"]
    await hass.async_block_till_done()
