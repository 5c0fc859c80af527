"""The webOS client at the protocol's odd corners, against a TV that says what each test scripts.

The simulated TV (tests/api/test_webos.py) follows the protocol; real TVs of other years and
firmware also ping, send partial updates, stray non-JSON frames, and answer register oddly. A
scripted TV over real loopback WebSockets says exactly that, and the tests look at what the
client's public API then tells.
"""

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
import contextlib
import json
import logging
from typing import Any

import aiohttp
from aiohttp import WSMsgType, web
from aiohttp.test_utils import TestServer
import pytest

from custom_components.thinq_voice.api.webos import (
    GET_CURRENT_CHANNEL,
    GET_INPUTS,
    GET_SYSTEM_INFO,
    GET_VOLUME,
    LIST_LAUNCH_POINTS,
    TvState,
    WebOsClient,
    WebOsConnectionError,
    WebOsPairingRefusedError,
)
from simulator.tv import SimulatedTv

type Script = Callable[[web.WebSocketResponse], Awaitable[None]]
KEY = "scripted-key"


class ScriptedTv:
    """A webOS TV on loopback whose every connection runs `script`."""

    def __init__(self, script: Script) -> None:
        self.script = script
        self.server: TestServer | None = None

    async def start(self) -> str:
        app = web.Application()
        app.router.add_get("/", self._socket)
        self.server = TestServer(app, host="127.0.0.1", port=0)
        await self.server.start_server()
        return f"127.0.0.1:{self.server.port}"

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.close()

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(autoping=False)
        await ws.prepare(request)
        await self.script(ws)
        return ws


async def receive(ws: web.WebSocketResponse) -> dict[str, Any]:
    """Return the client's next JSON message."""
    while True:
        message = await ws.receive()
        if message.type is WSMsgType.TEXT:
            data: dict[str, Any] = json.loads(message.data)
            return data
        if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSED, WSMsgType.CLOSING):
            raise ConnectionError("the client left")


async def until_closed(ws: web.WebSocketResponse) -> None:
    """Keep the connection until the client closes it."""
    async for _ in ws:
        pass


async def answer_hello(ws: web.WebSocketResponse) -> None:
    hello = await receive(ws)
    assert hello["type"] == "hello"
    await ws.send_json({"type": "hello", "id": hello["id"], "payload": {"deviceUUID": "scripted-uuid"}})


async def serve_session(ws: web.WebSocketResponse, subscribed: dict[str, str]) -> None:
    """Register the client with KEY, answer its set-up requests; fill `subscribed` (uri -> id)."""
    await answer_hello(ws)
    register = await receive(ws)
    await ws.send_json({"type": "registered", "id": register["id"], "payload": {"client-key": KEY}})
    while len(subscribed) < 6:
        request = await receive(ws)
        if request["type"] == "subscribe":
            subscribed[request["uri"]] = request["id"]
        await ws.send_json({"type": "response", "id": request["id"], "payload": {"returnValue": True}})


@contextlib.asynccontextmanager
async def scripted_client(session: aiohttp.ClientSession, script: Script) -> AsyncIterator[WebOsClient]:
    """Yield a client (holding KEY) of a scripted TV."""
    tv = ScriptedTv(script)
    host = await tv.start()
    client = WebOsClient(session, host, client_key=KEY, request_timeout=2)
    try:
        yield client
    finally:
        await client.async_close()
        await tv.stop()


async def wait_for(predicate: Callable[[], bool]) -> None:
    async with asyncio.timeout(5):
        while not predicate():
            await asyncio.sleep(0.01)


async def close_after_hello(ws: web.WebSocketResponse) -> None:
    await receive(ws)
    await ws.close()


async def garbage_hello(ws: web.WebSocketResponse) -> None:
    await receive(ws)
    await ws.send_str("<html>not SSAP</html>")
    await until_closed(ws)


async def list_hello(ws: web.WebSocketResponse) -> None:
    await receive(ws)
    await ws.send_str("[1, 2, 3]")
    await until_closed(ws)


async def odd_register_answer(ws: web.WebSocketResponse) -> None:
    await answer_hello(ws)
    register = await receive(ws)
    await ws.send_json({"type": "response", "id": register["id"], "payload": {"returnValue": True}})
    await until_closed(ws)


@pytest.mark.parametrize(
    ("script", "told"),
    [
        (close_after_hello, "closed the connection during the handshake"),
        (garbage_hello, "not JSON"),
        (list_hello, "not a JSON object"),
        (odd_register_answer, "Unexpected answer to register: response"),
    ],
)
async def test_a_broken_handshake_is_a_connection_error(
    session: aiohttp.ClientSession, script: Script, told: str
) -> None:
    async with scripted_client(session, script) as client:
        with pytest.raises(WebOsConnectionError, match=told):
            await client.async_connect()
        assert not client.connected


async def test_registered_without_a_key_when_pairing_is_refused(session: aiohttp.ClientSession) -> None:
    async def keyless(ws: web.WebSocketResponse) -> None:
        await answer_hello(ws)
        register = await receive(ws)
        await ws.send_json({"type": "registered", "id": register["id"], "payload": {}})
        await until_closed(ws)

    async with scripted_client(session, keyless) as client:
        with pytest.raises(WebOsPairingRefusedError, match="without a client key"):
            await client.async_pair(timeout=2)
        assert client.client_key is None


async def test_pings_during_the_handshake_are_skipped(session: aiohttp.ClientSession) -> None:
    subscribed: dict[str, str] = {}

    async def pinging(ws: web.WebSocketResponse) -> None:
        await ws.ping(b"hello?")
        await serve_session(ws, subscribed)
        await until_closed(ws)

    async with scripted_client(session, pinging) as client:
        await client.async_connect()
        assert client.connected
        assert client.info is not None and client.info.uuid == "scripted-uuid"


async def test_tv_ping_gets_a_pong_and_stray_frames_are_ignored(
    session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="custom_components.thinq_voice")
    subscribed: dict[str, str] = {}
    pong = asyncio.Event()

    async def chatty(ws: web.WebSocketResponse) -> None:
        await serve_session(ws, subscribed)
        await ws.ping(b"are you there")
        message = await ws.receive()
        if message.type is WSMsgType.PONG and message.data == b"are you there":
            pong.set()
        await ws.send_str("{not json")
        await ws.send_bytes(b"\x00binary")
        update = {"returnValue": True, "volumeStatus": {"volume": 33, "muteStatus": True}}
        await ws.send_json({"type": "response", "id": subscribed[GET_VOLUME], "payload": update})
        request = await receive(ws)
        await ws.send_json(
            {"type": "response", "id": request["id"], "payload": {"returnValue": True, "x": 1}}
        )
        await until_closed(ws)

    async with scripted_client(session, chatty) as client:
        await client.async_connect()
        async with asyncio.timeout(5):
            await pong.wait()
        await wait_for(lambda: client.state.volume == 33)
        assert client.state.muted is True
        # The connection outlived the stray frames: requests are still answered.
        assert await client.async_request(GET_SYSTEM_INFO) == {"returnValue": True, "x": 1}
        assert client.connected
    assert "Ignoring a message from the TV that is not JSON" in caplog.text


async def test_partial_updates_keep_what_the_tv_did_not_say(session: aiohttp.ClientSession) -> None:
    subscribed: dict[str, str] = {}
    sent = asyncio.Event()
    full: list[tuple[str, dict[str, Any]]] = [
        (GET_VOLUME, {"volumeStatus": {"volume": 20, "muteStatus": False}}),
        (GET_CURRENT_CHANNEL, {"channelId": "7_11_1_0", "channelNumber": "11", "channelName": "MBC"}),
        (LIST_LAUNCH_POINTS, {"launchPoints": [{"id": "netflix", "title": "Netflix"}]}),
        (GET_INPUTS, {"devices": [{"id": "HDMI_1", "label": "PlayStation", "appId": "com.webos.app.hdmi1"}]}),
    ]
    partial: list[tuple[str, dict[str, Any]]] = [
        # Older webOS sends the volume flat; here only the mute changed.
        (GET_VOLUME, {"mute": True}),
        (GET_VOLUME, {"volumeStatus": {"soundOutput": "external_arc"}}),
        # No channel (an app is in front), no list of apps or inputs (a change notice only).
        (GET_CURRENT_CHANNEL, {"channelModeId": 0}),
        (LIST_LAUNCH_POINTS, {"change": "added"}),
        (GET_INPUTS, {"returnValue": True}),
    ]

    async def updating(ws: web.WebSocketResponse) -> None:
        await serve_session(ws, subscribed)
        for uri, payload in [*full, *partial]:
            await ws.send_json({"type": "response", "id": subscribed[uri], "payload": payload})
        sent.set()
        await until_closed(ws)

    async with scripted_client(session, updating) as client:
        states: list[TvState] = []
        client.add_state_callback(states.append)
        await client.async_connect()
        async with asyncio.timeout(5):
            await sent.wait()
        await wait_for(lambda: client.state.muted is True)
        await asyncio.sleep(0.05)  # the rest of the partial updates
        assert client.state.volume == 20
        assert client.state.channel is not None and client.state.channel.name == "MBC"
        assert client.state.apps == {"netflix": "Netflix"}
        assert client.state.inputs == {"HDMI_1": "PlayStation"}
        assert client.state.input_apps == {"com.webos.app.hdmi1": "HDMI_1"}


async def test_subscription_made_before_connecting_starts_on_connect(session: aiohttp.ClientSession) -> None:
    tv = SimulatedTv()
    tv.client_keys.add(KEY)
    await tv.start()
    client = WebOsClient(session, f"127.0.0.1:{tv.port}", client_key=KEY)
    seen: list[dict[str, Any]] = []
    try:
        await client.async_subscribe(GET_SYSTEM_INFO, seen.append)
        assert not seen
        await client.async_connect()
        await wait_for(lambda: bool(seen))
        assert seen[0]["modelName"] == tv.model_name
    finally:
        await client.async_close()
        await tv.stop()


async def test_keeper_without_a_pairing_callback_stops_when_the_key_is_forgotten(
    session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="custom_components.thinq_voice")
    tv = SimulatedTv(pairing="ignore")
    tv.client_keys.add(KEY)
    await tv.start()
    client = WebOsClient(session, f"127.0.0.1:{tv.port}", client_key=KEY, reconnect_first_delay=0.01)
    try:
        await client.async_connect()
        client.start_keeping_connected()
        tv.client_keys.clear()
        await tv.drop_connections()
        await wait_for(lambda: "no longer accepts our key" in caplog.text)
        await asyncio.sleep(0.1)
        # Nobody is told and nothing more is tried: the TV sees no new connection.
        assert not client.connected
        assert tv.view()["connections"] == 0
    finally:
        await client.async_close()
        await tv.stop()
