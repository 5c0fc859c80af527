"""A TV entry in Home Assistant: media player, screen switch, toasts, Wake-on-LAN, reconnect, diagnostics."""

import asyncio
from collections.abc import Callable
from unittest.mock import AsyncMock, patch

from homeassistant.components.media_player import ATTR_MEDIA_VOLUME_LEVEL
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice import async_remove_config_entry_device
from custom_components.thinq_voice.const import CONF_CLIENT_KEY, CONF_MAC, DOMAIN
from custom_components.thinq_voice.diagnostics import async_get_config_entry_diagnostics
from simulator.tv import SimulatedTv

from .conftest import TV_KEY

PLAYER = "media_player.geosil_tv"


async def wait_for(hass: HomeAssistant, predicate: Callable[[], bool], timeout: float = 5.0) -> None:
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.02)
            await hass.async_block_till_done()


def entity_id(hass: HomeAssistant, domain: str, suffix: str | None, tv: SimulatedTv) -> str:
    unique_id = tv.uuid if suffix is None else f"{tv.uuid}_{suffix}"
    found = er.async_get(hass).async_get_entity_id(domain, DOMAIN, unique_id)
    assert found is not None
    return found


async def call(hass: HomeAssistant, domain: str, service: str, target: str, **data: object) -> None:
    await hass.services.async_call(domain, service, {"entity_id": target, **data}, blocking=True)


async def test_media_player_actions_reach_the_tv(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    assert init_tv.state is ConfigEntryState.LOADED
    player = entity_id(hass, "media_player", None, tv)
    state = hass.states.get(player)
    assert state is not None and state.state == "on"
    assert state.attributes["device_class"] == "tv"
    assert state.attributes[ATTR_MEDIA_VOLUME_LEVEL] == 0.12
    assert state.attributes["media_channel"] == "5" and state.attributes["media_title"] == "SBS"
    assert state.attributes["source"] == "Live TV"
    assert state.attributes["source_list"][:3] == ["HDMI 1", "HDMI 2", "Live TV"]
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, tv.uuid), init_tv.entry_id)
    assert device is not None and device.name == "거실 TV" and device.model == tv.model_name
    assert (dr.CONNECTION_NETWORK_MAC, tv.mac) in device.connections

    await call(hass, "media_player", "volume_set", player, volume_level=0.2)
    assert tv.state.volume == 20
    await call(hass, "media_player", "volume_up", player)
    assert tv.state.volume == 21
    await call(hass, "media_player", "volume_down", player)
    await call(hass, "media_player", "volume_mute", player, is_volume_muted=True)
    assert tv.state.muted
    await wait_for(hass, lambda: hass.states.get(player).attributes.get("is_volume_muted") is True)  # type: ignore[union-attr]
    assert hass.states.get(player).attributes[ATTR_MEDIA_VOLUME_LEVEL] == 0.2  # type: ignore[union-attr]
    await call(hass, "media_player", "select_source", player, source="YouTube")
    assert tv.state.app_id == "youtube.leanback.v4"
    await wait_for(hass, lambda: hass.states.get(player).attributes.get("source") == "YouTube")  # type: ignore[union-attr]
    assert "media_channel" not in hass.states.get(player).attributes  # type: ignore[union-attr]
    await call(hass, "media_player", "select_source", player, source="HDMI 2")
    assert tv.state.app_id == "com.webos.app.hdmi2"
    await wait_for(hass, lambda: hass.states.get(player).attributes.get("source") == "HDMI 2")  # type: ignore[union-attr]
    with pytest.raises(ServiceValidationError):
        await call(hass, "media_player", "select_source", player, source="Nope")
    await call(
        hass, "media_player", "play_media", player, media_content_type="channel", media_content_id="11"
    )
    assert tv.channel["channelName"] == "MBC" and tv.state.app_id == "com.webos.app.livetv"
    await call(
        hass, "media_player", "play_media", player, media_content_type="app", media_content_id="netflix"
    )
    assert tv.state.app_id == "netflix"
    with pytest.raises(ServiceValidationError):
        await call(
            hass, "media_player", "play_media", player, media_content_type="music", media_content_id="x"
        )
    with pytest.raises(HomeAssistantError):
        await call(
            hass, "media_player", "play_media", player, media_content_type="channel", media_content_id="99"
        )
    await call(hass, "media_player", "media_next_track", player)
    assert tv.channel["channelNumber"] == "13"
    await call(hass, "media_player", "media_previous_track", player)
    assert tv.channel["channelNumber"] == "11"
    await call(hass, "media_player", "media_pause", player)
    assert tv.state.playback == "paused"
    await call(hass, "media_player", "media_play", player)
    assert tv.state.playback == "playing"
    await call(hass, "media_player", "turn_off", player)
    assert tv.state.power == "off"
    await wait_for(hass, lambda: hass.states.get(player).state == "off")  # type: ignore[union-attr]
    with pytest.raises(HomeAssistantError):
        await call(hass, "media_player", "volume_up", player)


async def test_screen_switch_and_toast(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    screen = entity_id(hass, "switch", "screen", tv)
    assert hass.states.get(screen).state == "on"  # type: ignore[union-attr]
    await call(hass, "switch", "turn_off", screen)
    assert tv.state.power == "Screen Off"
    await wait_for(hass, lambda: hass.states.get(screen).state == "off")  # type: ignore[union-attr]
    await call(hass, "switch", "turn_on", screen)
    assert tv.state.power == "Active"
    toast = entity_id(hass, "notify", "toast", tv)
    await hass.services.async_call(
        "notify", "send_message", {"entity_id": toast, "message": "세탁이 끝났어요"}, blocking=True
    )
    await hass.services.async_call(
        "notify", "send_message", {"entity_id": toast, "message": "끝", "title": "세탁기"}, blocking=True
    )
    assert tv.state.toasts == ["세탁이 끝났어요", "세탁기: 끝"]
    await tv.apply({"power": "off"})
    await wait_for(hass, lambda: hass.states.get(screen).state == "unavailable")  # type: ignore[union-attr]
    assert hass.states.get(toast).state == "unavailable"  # type: ignore[union-attr]


async def test_turn_on_sends_wake_on_lan(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    player = entity_id(hass, "media_player", None, tv)
    with patch(
        "custom_components.thinq_voice.tv.coordinator.async_send_magic_packet", new=AsyncMock()
    ) as send:
        await call(hass, "media_player", "turn_on", player)
    send.assert_awaited_once_with(tv.mac)


async def test_turn_on_without_mac(hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry) -> None:
    tv_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        tv_entry, data={key: value for key, value in tv_entry.data.items() if key != CONF_MAC}
    )
    await hass.config_entries.async_setup(tv_entry.entry_id)
    await hass.async_block_till_done()
    player = entity_id(hass, "media_player", None, tv)
    assert not hass.states.get(player).attributes["supported_features"] & 128  # type: ignore[union-attr]
    await tv_entry.runtime_data.async_stop()
    with pytest.raises(HomeAssistantError) as caught:
        await tv_entry.runtime_data.async_wake()
    assert caught.value.translation_key == "tv_turn_on_unsupported"


async def test_reconnects_after_the_tv_drops_the_connection(
    hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry
) -> None:
    """The keeper reconnects at once after a drop, then backs off while the TV stays away."""
    tv_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(tv_entry.entry_id)
    await hass.async_block_till_done()
    player = entity_id(hass, "media_player", None, tv)
    client = tv_entry.runtime_data.client
    dropped = client._connection
    await tv.apply({"drop": True})
    await wait_for(hass, lambda: client._connection is not dropped and client.connected)
    # The power state arrives by subscription just after the new socket registers.
    await wait_for(hass, lambda: hass.states.get(player).state == "on")  # type: ignore[union-attr]
    await call(hass, "media_player", "volume_set", player, volume_level=0.33)
    assert tv.state.volume == 33


async def test_tv_off_at_start_is_off_not_failed(
    hass: HomeAssistant, tv: SimulatedTv, tv_entry: MockConfigEntry
) -> None:
    await tv.apply({"power": "off"})
    tv_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(tv_entry.entry_id)
    await hass.async_block_till_done()
    assert tv_entry.state is ConfigEntryState.LOADED
    player = entity_id(hass, "media_player", None, tv)
    assert hass.states.get(player).state == "off"  # type: ignore[union-attr]
    assert not hass.states.get(player).attributes.get("source_list")  # type: ignore[union-attr]
    await hass.config_entries.async_unload(tv_entry.entry_id)


async def test_forgotten_key_starts_reauth(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    client = init_tv.runtime_data.client
    client._reconnect_first_delay = 0.05
    tv.client_keys.clear()
    await tv.apply({"drop": True})
    await wait_for(hass, lambda: bool(hass.config_entries.flow.async_progress_by_handler(DOMAIN)))
    assert hass.config_entries.flow.async_progress_by_handler(DOMAIN)[0]["step_id"] == "reauth_tv"


async def test_diagnostics_redact_the_key(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    diagnostics = await async_get_config_entry_diagnostics(hass, init_tv)
    assert diagnostics["entry"]["data"][CONF_CLIENT_KEY] == "**REDACTED**"
    assert diagnostics["entry"]["data"][CONF_MAC] == "**REDACTED**"
    assert diagnostics["state"]["volume"] == 12 and diagnostics["connected"]
    assert TV_KEY not in str(diagnostics) and tv.mac not in str(diagnostics)


async def test_unload_and_device_removal(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, tv.uuid), init_tv.entry_id)
    assert device is not None
    assert not await async_remove_config_entry_device(hass, init_tv, device)
    client = init_tv.runtime_data.client
    assert await hass.config_entries.async_unload(init_tv.entry_id)
    assert not client.connected


async def test_slow_tv_that_carries_it_out_is_told_as_done(
    hass: HomeAssistant, tv: SimulatedTv, init_tv: MockConfigEntry
) -> None:
    """A busy TV answers after the timeout but did change the volume: no "unreachable", not shown off."""
    client = init_tv.runtime_data.client
    client._request_timeout = 0.3
    tv.faults.late_answer_ms = 800
    player = entity_id(hass, "media_player", None, tv)
    await call(hass, "media_player", "volume_set", player, volume_level=0.3)
    assert tv.state.volume == 30
    await wait_for(hass, lambda: hass.states.get(player).attributes.get(ATTR_MEDIA_VOLUME_LEVEL) == 0.3)  # type: ignore[union-attr]
    assert hass.states.get(player).state == "on"  # type: ignore[union-attr]
    # A TV that never answers is told as such, not as unreachable.
    tv.faults.late_answer_ms = 60_000
    with (
        patch("custom_components.thinq_voice.tv.coordinator.LATE_ANSWER_WAIT", 0.3),
        pytest.raises(HomeAssistantError) as excinfo,
    ):
        await call(hass, "media_player", "volume_set", player, volume_level=0.4)
    assert excinfo.value.translation_key == "tv_no_answer"
    assert tv.state.volume == 40
