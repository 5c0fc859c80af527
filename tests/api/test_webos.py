"""The webOS SSAP client against the simulated TV over real loopback WebSockets."""

import asyncio
from collections.abc import AsyncIterator
import logging

import aiohttp
import pytest

from custom_components.thinq_voice.api import webos
from custom_components.thinq_voice.api.webos import (
    WebOsClient,
    WebOsCommandError,
    WebOsConnectionError,
    WebOsPairingRefusedError,
    WebOsTimeoutError,
    parse_host,
)
from custom_components.thinq_voice.api.wol import async_send_magic_packet, magic_packet, normalize_mac
from simulator.tv import SimulatedTv


@pytest.fixture
async def tv() -> AsyncIterator[SimulatedTv]:
    simulated = SimulatedTv()
    await simulated.start()
    yield simulated
    await simulated.stop()


async def paired(session: aiohttp.ClientSession, tv: SimulatedTv, **kwargs: float) -> WebOsClient:
    client = WebOsClient(session, f"127.0.0.1:{tv.port}", **kwargs)  # type: ignore[arg-type]
    await client.async_pair(timeout=5)
    return client


async def wait_until(predicate, timeout: float = 5.0) -> None:  # type: ignore[no-untyped-def]
    async with asyncio.timeout(timeout):
        while not predicate():
            await asyncio.sleep(0.01)


def test_parse_host() -> None:
    assert parse_host(" 192.168.1.20 ") == ("192.168.1.20", None)
    assert parse_host("tv.local:3000") == ("tv.local", 3000)
    assert parse_host("[fe80::1]:3001") == ("fe80::1", 3001)
    assert parse_host("[fe80::1]") == ("fe80::1", None)
    assert parse_host("fe80::1") == ("fe80::1", None)


async def test_pairing_accepted_then_key_reused(
    session: aiohttp.ClientSession, tv: SimulatedTv, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = await paired(session, tv)
    key = client.client_key
    assert key in tv.client_keys
    assert client.info is not None
    assert client.info.uuid == tv.uuid
    assert client.info.mac == tv.mac
    assert client.info.model_name == tv.model_name
    assert client.state.volume == tv.state.volume
    assert client.state.power == "Active"
    assert client.state.channel is not None and client.state.channel.number == "5"
    assert client.state.apps["youtube.leanback.v4"] == "YouTube"
    assert client.state.inputs["HDMI_1"] == "HDMI 1"
    assert client.state.input_apps["com.webos.app.hdmi1"] == "HDMI_1"
    await client.async_close()
    assert not client.connected

    again = WebOsClient(session, f"127.0.0.1:{tv.port}", client_key=key)
    await again.async_connect()
    await again.async_connect()  # already connected: nothing happens
    assert again.connected
    assert len(tv.client_keys) == 1
    assert key not in repr(again)
    await again.async_close()
    assert key is not None and key not in caplog.text


async def test_pairing_refused(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    tv.pairing = "refuse"
    client = WebOsClient(session, f"127.0.0.1:{tv.port}")
    with pytest.raises(WebOsPairingRefusedError):
        await client.async_pair(timeout=5)
    assert not client.connected
    assert not tv.client_keys


async def test_pairing_times_out(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    tv.pairing = "ignore"
    client = WebOsClient(session, f"127.0.0.1:{tv.port}")
    with pytest.raises(WebOsTimeoutError):
        await client.async_pair(timeout=0.2)


async def test_forgotten_key_is_a_pairing_error(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    client = WebOsClient(session, f"127.0.0.1:{tv.port}", client_key="forgotten-secret-key")
    with pytest.raises(WebOsPairingRefusedError) as caught:
        await client.async_connect()
    assert "forgotten-secret-key" not in str(caught.value)


async def test_unreachable_tv(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    port = tv.port
    await tv.stop()
    client = WebOsClient(session, f"127.0.0.1:{port}", client_key="key")
    with pytest.raises(WebOsConnectionError):
        await client.async_connect()
    with pytest.raises(WebOsConnectionError):
        await client.async_request(webos.GET_VOLUME)


async def test_commands_and_subscriptions(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    client = await paired(session, tv)
    changes: list[int | None] = []
    stop = client.add_state_callback(lambda state: changes.append(state.volume))
    await client.async_request(webos.SET_VOLUME, {"volume": 20})
    await wait_until(lambda: client.state.volume == 20)
    await client.async_request(webos.VOLUME_UP)
    await wait_until(lambda: client.state.volume == 21)
    await client.async_request(webos.VOLUME_DOWN)
    await client.async_request(webos.SET_MUTE, {"mute": True})
    await wait_until(lambda: client.state.muted is True)
    stop()
    assert 20 in changes
    await client.async_request(webos.LAUNCH, {"id": "netflix"})
    await wait_until(lambda: client.state.app_id == "netflix")
    await client.async_request(webos.OPEN_CHANNEL, {"channelNumber": "11"})
    await wait_until(lambda: client.state.channel is not None and client.state.channel.name == "MBC")
    assert client.state.app_id == "com.webos.app.livetv"
    await client.async_request(webos.CHANNEL_UP)
    await wait_until(lambda: client.state.channel is not None and client.state.channel.number == "13")
    await client.async_request(webos.CHANNEL_DOWN)
    await client.async_request(webos.SWITCH_INPUT, {"inputId": "HDMI_2"})
    await wait_until(lambda: client.state.app_id == "com.webos.app.hdmi2")
    await client.async_request(webos.PAUSE)
    assert tv.state.playback == "paused"
    await client.async_request(webos.PLAY)
    assert tv.state.playback == "playing"
    await client.async_request(webos.CREATE_TOAST, {"message": "빨래 끝!"})
    assert tv.state.toasts == ["빨래 끝!"]
    await client.async_request(webos.TURN_OFF_SCREEN)
    await wait_until(lambda: client.state.power == "Screen Off")
    assert not client.state.screen_on
    await client.async_request(webos.TURN_ON_SCREEN)
    await wait_until(lambda: client.state.screen_on)
    assert (await client.async_request(webos.GET_CURRENT_CHANNEL))["channelNumber"] == "11"
    seen: list[dict[str, object]] = []
    await client.async_subscribe(webos.GET_POWER_STATE, seen.append)
    assert seen == [{"returnValue": True, "state": "Active", "subscribed": True}]
    assert [uri for uri, _ in tv.command_log][:2] == [webos.GET_SYSTEM_INFO, webos.GET_SOFTWARE_INFO]
    await client.async_close()


async def test_command_errors(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    client = await paired(session, tv)
    with pytest.raises(WebOsCommandError) as caught:
        await client.async_request(webos.SET_VOLUME, {"volume": 101})
    assert caught.value.uri == webos.SET_VOLUME
    with pytest.raises(WebOsCommandError):
        await client.async_request("ssap://no/such/endpoint")
    with pytest.raises(WebOsCommandError):
        await client.async_request(webos.LAUNCH, {"id": "not.installed"})
    await client.async_close()


async def test_subscription_the_tv_refuses(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    """A refused subscription is not kept: reconnecting does not trip over it again."""
    client = await paired(session, tv, reconnect_first_delay=0.05)
    with pytest.raises(WebOsCommandError):
        await client.async_subscribe("ssap://no/such/endpoint", lambda payload: None)
    await client.async_request(webos.SET_VOLUME, {"volume": 9})
    await wait_until(lambda: client.state.volume == 9)
    client.start_keeping_connected()
    powers: list[str | None] = []
    client.add_state_callback(lambda state: powers.append(state.power))
    await tv.apply({"drop": True})
    await wait_until(lambda: None in powers)
    await wait_until(lambda: client.connected and client.state.power == "Active")
    powers.clear()
    await asyncio.sleep(0.5)  # a connection failed over the refusal would drop and retry by now
    assert None not in powers
    await client.async_request(webos.SET_VOLUME, {"volume": 11})
    await wait_until(lambda: client.state.volume == 11)
    await client.async_close()


async def test_subscription_refused_while_away_is_dropped_on_reconnect(
    session: aiohttp.ClientSession, tv: SimulatedTv
) -> None:
    """A subscription asked for while disconnected that the TV refuses later costs no connection."""
    client = await paired(session, tv, reconnect_first_delay=0.05)
    client.start_keeping_connected()
    await tv.apply({"power": "off"})
    await wait_until(lambda: not client.connected)
    updates: list[object] = []
    await client.async_subscribe("ssap://no/such/endpoint", updates.append)
    await tv.apply({"power": "on"})
    await wait_until(lambda: client.connected and client.state.power == "Active")
    powers: list[str | None] = []
    client.add_state_callback(lambda state: powers.append(state.power))
    await asyncio.sleep(0.5)  # a connection failed over the refusal would drop and retry by now
    assert None not in powers
    await client.async_request(webos.SET_VOLUME, {"volume": 12})
    await wait_until(lambda: client.state.volume == 12)
    assert not updates
    await client.async_close()


async def test_a_cancelled_request_leaves_the_connection_usable(
    session: aiohttp.ClientSession, tv: SimulatedTv
) -> None:
    """The answer that comes after the caller gave up finds nobody waiting and breaks nothing."""
    client = await paired(session, tv)
    tv.faults.late_answer_ms = 300
    request = asyncio.create_task(client.async_request(webos.SET_VOLUME, {"volume": 7}))
    await wait_until(lambda: tv.state.volume == 7)
    request.cancel()
    with pytest.raises(asyncio.CancelledError):
        await request
    tv.faults.late_answer_ms = 0
    await asyncio.sleep(0.4)  # the late answer arrives
    assert client.connected
    await client.async_request(webos.SET_VOLUME, {"volume": 8})
    await wait_until(lambda: client.state.volume == 8)
    await client.async_close()


async def test_late_answer_without_a_pending_request() -> None:
    """A timeout that kept no answer to wait for is raised again as it is."""
    timeout = WebOsTimeoutError("The TV did not answer ssap://audio/getVolume")
    with pytest.raises(WebOsTimeoutError) as caught:
        await WebOsClient.async_late_answer(webos.GET_VOLUME, timeout, 0.1)
    assert caught.value is timeout


async def test_slow_reply_times_out(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    client = await paired(session, tv, request_timeout=0.3)
    await tv.apply({"slow_ms": 600})
    with pytest.raises(WebOsTimeoutError):
        await client.async_request(webos.GET_VOLUME)
    await tv.apply({"slow_ms": 0})
    await client.async_close()


async def test_turn_off_closes_the_socket(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    client = await paired(session, tv)
    powers: list[str | None] = []
    client.add_state_callback(lambda state: powers.append(state.power))
    await client.async_request(webos.TURN_OFF)
    await wait_until(lambda: not client.connected)
    assert powers[-1] is None
    with pytest.raises(WebOsConnectionError):
        await client.async_connect()
    await tv.apply({"power": "on"})
    await client.async_connect()
    assert client.state.power == "Active"
    await client.async_close()


async def test_reconnects_with_back_off_after_a_drop(session: aiohttp.ClientSession, tv: SimulatedTv) -> None:
    client = await paired(session, tv, reconnect_first_delay=0.05, reconnect_max_delay=0.2)
    client.start_keeping_connected()
    client.start_keeping_connected()  # one keeper only
    await tv.apply({"power": "off"})
    await wait_until(lambda: not client.connected)
    await asyncio.sleep(0.5)  # a few failed tries, backing off
    await tv.apply({"power": "on"})
    await wait_until(lambda: client.connected and client.state.power == "Active")
    # The keeper reconnects at once after a drop, faster than polling `connected` can see.
    powers: list[str | None] = []
    client.add_state_callback(lambda state: powers.append(state.power))
    await tv.apply({"drop": True})
    await wait_until(lambda: None in powers)
    await wait_until(lambda: client.connected)
    await client.async_request(webos.SET_VOLUME, {"volume": 30})
    await wait_until(lambda: client.state.volume == 30)
    await client.async_close()
    assert not client.connected


async def test_keeper_stops_when_the_key_is_forgotten(
    session: aiohttp.ClientSession, tv: SimulatedTv
) -> None:
    client = await paired(session, tv, reconnect_first_delay=0.05)
    lost = asyncio.Event()
    client.on_pairing_lost = lost.set
    client.start_keeping_connected()
    tv.client_keys.clear()
    await tv.apply({"drop": True})
    async with asyncio.timeout(5):
        await lost.wait()
    await client.async_close()


async def test_secure_fallback_accepts_the_self_signed_certificate(session: aiohttp.ClientSession) -> None:
    tv = SimulatedTv()
    await tv.start(tls_port=0)
    try:
        assert tv.tls_port is not None
        client = WebOsClient(session, "127.0.0.1", client_key=None)
        # No TV on 127.0.0.1:3000 here; point the second try at the simulated wss port.
        client._urls = ["ws://127.0.0.1:1/", f"wss://127.0.0.1:{tv.tls_port}/"]
        await client.async_pair(timeout=5)
        assert client.connected
        await client.async_close()
        # The shared session still verifies certificates for everyone else.
        with pytest.raises(aiohttp.ClientConnectorError):
            await session.ws_connect(f"wss://127.0.0.1:{tv.tls_port}/")
    finally:
        await tv.stop()


def test_magic_packet_bytes() -> None:
    packet = magic_packet("A8-23-FE-12-34-56")
    assert len(packet) == 102
    assert packet[:6] == b"\xff" * 6
    assert packet[6:] == bytes([0xA8, 0x23, 0xFE, 0x12, 0x34, 0x56]) * 16
    assert normalize_mac("a823.fe12.3456") == "a8:23:fe:12:34:56"
    with pytest.raises(ValueError, match="MAC"):
        normalize_mac("not-a-mac")


async def test_magic_packet_is_sent_over_udp() -> None:
    received: asyncio.Future[bytes] = asyncio.get_running_loop().create_future()

    class Receiver(asyncio.DatagramProtocol):
        def datagram_received(self, data: bytes, addr: tuple[str | object, int]) -> None:
            received.set_result(data)

    transport, _ = await asyncio.get_running_loop().create_datagram_endpoint(
        Receiver, local_addr=("127.0.0.1", 0)
    )
    port = transport.get_extra_info("sockname")[1]
    try:
        await async_send_magic_packet("a8:23:fe:12:34:56", "127.0.0.1", port)
        async with asyncio.timeout(5):
            assert await received == magic_packet("a8:23:fe:12:34:56")
    finally:
        transport.close()


async def test_silent_tv_is_detected_by_the_heartbeat(
    session: aiohttp.ClientSession, tv: SimulatedTv, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A TV that stops answering (unplugged, closes nothing) is dropped after a ping goes unanswered."""
    monkeypatch.setattr(webos.connection, "HEARTBEAT", 0.1)
    client = await paired(session, tv)
    # While the simulated TV sleeps on a slow reply it reads nothing, so it answers no ping either.
    await tv.apply({"slow_ms": 500})
    with pytest.raises(WebOsConnectionError):
        await client.async_request(webos.GET_VOLUME)
    assert not client.connected
    await tv.apply({"slow_ms": 0})
    await asyncio.sleep(0.6)  # the simulated TV wakes up and notices the closed socket
    await client.async_close()
