"""Config flow of a webOS TV: host form errors, pairing, SSDP, reauth and reconfigure, over real sockets."""

from unittest.mock import patch

from homeassistant.config_entries import SOURCE_SSDP, SOURCE_USER
from homeassistant.const import CONF_HOST, CONF_NAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers.service_info.ssdp import ATTR_UPNP_FRIENDLY_NAME, ATTR_UPNP_UDN, SsdpServiceInfo
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import CONF_CLIENT_KEY, CONF_MAC, DOMAIN
from simulator.tv import SimulatedTv

from .conftest import TV_KEY


async def start_tv_flow(hass: HomeAssistant) -> str:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"next_step_id": "tv"})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "tv"
    return result["flow_id"]


def ssdp_info(tv: SimulatedTv, location: str = "http://127.0.0.1:1754/") -> SsdpServiceInfo:
    return SsdpServiceInfo(
        ssdp_usn=f"uuid:{tv.uuid}::urn:lge-com:service:webos-second-screen:1",
        ssdp_st="urn:lge-com:service:webos-second-screen:1",
        ssdp_location=location,
        upnp={ATTR_UPNP_UDN: f"uuid:{tv.uuid}", ATTR_UPNP_FRIENDLY_NAME: "[LG] webOS TV OLED65C3KNA"},
    )


async def test_pairing_accepted_creates_entry(hass: HomeAssistant, tv: SimulatedTv) -> None:
    flow_id = await start_tv_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        flow_id, {CONF_HOST: f"  127.0.0.1:{tv.port} ", CONF_NAME: " 거실 TV "}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pairing"
    assert result["description_placeholders"] == {"name": "거실 TV", "host": f"127.0.0.1:{tv.port}"}
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "거실 TV"
    key = result["data"][CONF_CLIENT_KEY]
    assert key in tv.client_keys and key != TV_KEY
    assert result["data"][CONF_HOST] == f"127.0.0.1:{tv.port}"
    assert result["data"][CONF_MAC] == tv.mac
    assert result["result"].unique_id == tv.uuid
    await hass.async_block_till_done()
    assert result["result"].supports_options is False  # a TV has nothing to choose


@pytest.mark.parametrize(
    ("host", "error"),
    [
        ("", "host_required"),
        ("   ", "host_required"),
        ("not a host", "invalid_host"),
        ("tv.local/path", "invalid_host"),
        ("tv.local:99999", "invalid_host"),
        ("tv.local:", "invalid_host"),
        ("user@tv.local", "invalid_host"),
        ("tv.local?x=1", "invalid_host"),
    ],
)
async def test_host_errors(hass: HomeAssistant, host: str, error: str) -> None:
    flow_id = await start_tv_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: host})
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {CONF_HOST: error}


async def test_ipv6_host_and_default_name(hass: HomeAssistant) -> None:
    flow_id = await start_tv_flow(hass)
    result = await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: "[fe80::1]:3000"})
    assert result["step_id"] == "pairing"
    assert result["description_placeholders"] == {"name": "LG webOS TV", "host": "[fe80::1]:3000"}


async def test_pairing_refused_then_accepted(hass: HomeAssistant, tv: SimulatedTv) -> None:
    tv.pairing = "refuse"
    flow_id = await start_tv_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: f"127.0.0.1:{tv.port}"})
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "pairing_refused"}
    tv.pairing = "accept"
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_pairing_timeout(hass: HomeAssistant, tv: SimulatedTv) -> None:
    tv.pairing = "ignore"
    flow_id = await start_tv_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: f"127.0.0.1:{tv.port}"})
    with patch("custom_components.thinq_voice.tv.config_flow.PAIRING_TIMEOUT", 0.2):
        result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["errors"] == {"base": "pairing_timeout"}


async def test_tv_unreachable(hass: HomeAssistant, tv: SimulatedTv) -> None:
    await tv.apply({"power": "off"})
    flow_id = await start_tv_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: f"127.0.0.1:{tv.port}"})
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["errors"] == {"base": "tv_cannot_connect"}


async def test_same_tv_again_updates_host(
    hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry
) -> None:
    tv_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(tv_entry, data={**tv_entry.data, CONF_HOST: "192.0.2.1"})
    flow_id = await start_tv_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: f"127.0.0.1:{tv.port}"})
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert tv_entry.data[CONF_HOST] == f"127.0.0.1:{tv.port}"


async def test_ssdp_discovery_pairs(hass: HomeAssistant, tv: SimulatedTv) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_SSDP}, data=ssdp_info(tv)
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "pairing"
    assert result["description_placeholders"]["name"] == "[LG] webOS TV OLED65C3KNA"
    # Discovery gives the TV's address; the simulated TV listens on another port than 3000.
    flow = hass.config_entries.flow._progress[result["flow_id"]]
    flow._host = f"127.0.0.1:{tv.port}"  # type: ignore[attr-defined]
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["result"].unique_id == tv.uuid


async def test_ssdp_known_tv_gets_new_host(
    hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry
) -> None:
    tv_entry.add_to_hass(hass)
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_SSDP}, data=ssdp_info(tv, "http://192.168.1.77:1754/")
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert tv_entry.data[CONF_HOST] == "192.168.1.77"


async def test_ssdp_without_address(hass: HomeAssistant, tv: SimulatedTv) -> None:
    result = await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_SSDP}, data=ssdp_info(tv, "")
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "invalid_discovery"


async def test_reauth_pairs_again(hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry) -> None:
    tv.client_keys.clear()
    tv_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(tv_entry.entry_id)
    await hass.async_block_till_done()
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["step_id"] for flow in flows] == ["reauth_tv"]
    flow_id = flows[0]["flow_id"]
    tv.pairing = "refuse"
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["errors"] == {"base": "pairing_refused"}
    tv.pairing = "accept"
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert tv_entry.data[CONF_CLIENT_KEY] in tv.client_keys
    await hass.async_block_till_done()


async def test_reauth_other_tv(hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry) -> None:
    tv_entry.add_to_hass(hass)
    result = await tv_entry.start_reauth_flow(hass)
    assert result["step_id"] == "reauth_tv"
    tv.uuid = "another-tv"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "wrong_tv"


async def test_reconfigure_new_address(
    hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry
) -> None:
    tv_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(tv_entry, data={**tv_entry.data, CONF_HOST: "192.0.2.1"})
    result = await tv_entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure_tv"
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_HOST: "bad host"})
    assert result["errors"] == {CONF_HOST: "invalid_host"}
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {CONF_HOST: "127.0.0.1:1"})
    assert result["errors"] == {"base": "tv_cannot_connect"}
    tv.client_keys.clear()
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_HOST: f"127.0.0.1:{tv.port}"}
    )
    assert result["errors"] == {"base": "tv_key_rejected"}
    tv.client_keys.add(TV_KEY)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_HOST: f"127.0.0.1:{tv.port}"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert tv_entry.data[CONF_HOST] == f"127.0.0.1:{tv.port}"
    await hass.async_block_till_done()


async def test_reconfigure_other_tv(hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry) -> None:
    tv_entry.add_to_hass(hass)
    tv.uuid = "another-tv"
    result = await tv_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_HOST: f"127.0.0.1:{tv.port}"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "wrong_tv"


async def test_tv_without_mac(hass: HomeAssistant, tv: SimulatedTv) -> None:
    tv.mac = ""
    flow_id = await start_tv_flow(hass)
    await hass.config_entries.flow.async_configure(flow_id, {CONF_HOST: f"127.0.0.1:{tv.port}"})
    result = await hass.config_entries.flow.async_configure(flow_id, {})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert CONF_MAC not in result["data"]
    await hass.async_block_till_done()
