"""The simulated webOS TV: SSAP handshake and errors, admin view, CLI flags."""

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from simulator import Simulator
from simulator.__main__ import build_parser, make_simulator, serve


@pytest.fixture
async def tv_sim() -> AsyncIterator[Simulator]:
    simulator = Simulator(fleet="ko", speed=0, tv=True)
    await simulator.start()
    yield simulator
    await simulator.stop()


async def exchange(ws: aiohttp.ClientWebSocketResponse, message: dict[str, Any]) -> dict[str, Any]:
    await ws.send_json(message)
    async with asyncio.timeout(5):
        answer: dict[str, Any] = await ws.receive_json()
    return answer


async def test_python_api(tv_sim: Simulator) -> None:
    assert tv_sim.tv is not None
    assert tv_sim.tv.name == "거실 TV"
    assert tv_sim.tv_host == f"127.0.0.1:{tv_sim.tv.port}"
    assert tv_sim.tv_url == f"ws://127.0.0.1:{tv_sim.tv.port}/"
    assert Simulator().tv_url == ""


async def test_ssap_protocol_errors(tv_sim: Simulator) -> None:
    async with aiohttp.ClientSession() as session, session.ws_connect(tv_sim.tv_url) as ws:
        await ws.send_bytes(b"binary is ignored")
        await ws.send_str("not json")
        hello = await exchange(ws, {"type": "hello", "id": "h"})
        assert hello["payload"]["deviceUUID"] == tv_sim.tv.uuid  # type: ignore[union-attr]
        early = await exchange(ws, {"type": "request", "id": "1", "uri": "ssap://audio/getVolume"})
        assert early["type"] == "error" and early["error"].startswith("401")
        await ws.send_json({"type": "register", "id": "r", "payload": {}})
        assert (await ws.receive_json())["payload"]["pairingType"] == "PROMPT"
        key = (await ws.receive_json())["payload"]["client-key"]
        assert key in tv_sim.tv.client_keys  # type: ignore[union-attr]
        for uri, payload in (
            ("ssap://audio/setMute", {"mute": "yes"}),
            ("ssap://system.notifications/createToast", {"message": ""}),
            ("ssap://tv/switchInput", {"inputId": "HDMI_9"}),
            ("ssap://tv/openChannel", {"channelNumber": "999"}),
        ):
            answer = await exchange(ws, {"type": "request", "id": "2", "uri": uri, "payload": payload})
            assert answer["type"] == "error" and answer["error"].startswith("400"), uri


async def register(tv_url: str, key: str | None = None) -> dict[str, Any]:
    """Register with the TV (with a stored key, if given); return its last answer."""
    payload = {"client-key": key} if key else {}
    async with aiohttp.ClientSession() as session, session.ws_connect(tv_url) as ws:
        await exchange(ws, {"type": "hello", "id": "h"})
        answer = await exchange(ws, {"type": "register", "id": "r", "payload": payload})
        if answer["type"] == "response":
            answer = await ws.receive_json()
    return answer


async def test_pairings_survive_a_restart_with_a_keys_file(tmp_path: Path) -> None:
    keys_file = tmp_path / "tv-keys.json"
    args = build_parser().parse_args(
        ["--port", "0", "--tv", "--tv-port", "0", "--tv-keys-file", str(keys_file)]
    )
    first = make_simulator(args)
    await first.start()
    try:
        key = (await register(first.tv_url))["payload"]["client-key"]
    finally:
        await first.stop()
    assert keys_file.stat().st_mode & 0o777 == 0o600
    second = make_simulator(args)
    await second.start()
    try:
        answer = await register(second.tv_url, key)
    finally:
        await second.stop()
    # Registered at once with the stored key: no pairing prompt after the restart.
    assert answer == {"type": "registered", "id": "r", "payload": {"client-key": key}}


async def test_admin_view_and_settings(tv_sim: Simulator) -> None:
    async with aiohttp.ClientSession(base_url=tv_sim.base_url) as session:
        async with session.get("/admin/tv") as response:
            view = await response.json()
        assert view["state"]["power"] == "Active"
        assert view["state"]["channel"]["channelNumber"] == "5"
        assert view["pairing"] == "accept" and view["paired_clients"] == 0
        async with session.post(
            "/admin/tv", json={"pairing": "refuse", "slow_ms": 10, "power": "off"}
        ) as response:
            view = await response.json()
        assert (view["pairing"], view["faults"]["slow_ms"], view["state"]["power"]) == ("refuse", 10, "off")
        async with session.get(tv_sim.tv_url) as response:
            assert response.status == 503  # a TV in standby does not answer
        async with session.post("/admin/tv", json={"power": "on", "drop": True}) as response:
            assert (await response.json())["state"]["power"] == "Active"
        for bad in ({"volume": 3}, {"pairing": "maybe"}, {"slow_ms": -1}, {"power": "half"}, [1]):
            async with session.post("/admin/tv", json=bad) as response:
                assert response.status == 400, bad


async def test_admin_without_tv() -> None:
    sim = Simulator(fleet="en", speed=0)
    await sim.start()
    try:
        async with aiohttp.ClientSession() as session, session.get(f"{sim.base_url}/admin/tv") as response:
            assert response.status == 404
    finally:
        await sim.stop()


def test_tv_flags() -> None:
    args = build_parser().parse_args(
        ["--tv", "--tv-port", "0", "--tv-pairing", "refuse", "--tv-tls-port", "0"]
    )
    sim = make_simulator(args)
    assert sim.tv is not None and sim.tv.pairing == "refuse"
    assert build_parser().parse_args([]).tv is False
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--tv-pairing", "maybe"])


async def test_serve_prints_the_tv(capsys: pytest.CaptureFixture[str]) -> None:
    stop = asyncio.Event()
    args = build_parser().parse_args(["--port", "0", "--tv", "--tv-port", "0", "--tv-tls-port", "0"])
    task = asyncio.create_task(serve(args, stop))
    out = ""
    for _ in range(200):
        await asyncio.sleep(0.02)
        out += capsys.readouterr().out
        if "webOS TV" in out or task.done():
            break
    stop.set()
    await task
    assert "webOS TV: 127.0.0.1:" in out
