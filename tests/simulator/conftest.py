"""Fixtures: a simulator on loopback and a tiny LG-style HTTP client for it."""

import base64
from collections.abc import AsyncIterator
from typing import Any
import uuid

import aiohttp
import pytest

from simulator import API_KEY, DEFAULT_TOKEN, Simulator


def lg_headers(token: str | None = DEFAULT_TOKEN, **overrides: str | None) -> dict[str, str]:
    headers: dict[str, str | None] = {
        "Authorization": f"Bearer {token}" if token else None,
        "x-country": "KR",
        "x-message-id": base64.urlsafe_b64encode(uuid.uuid4().bytes)[:-2].decode(),
        "x-client-id": "thinq-voice-test-client",
        "x-api-key": API_KEY,
        "x-service-phase": "OP",
    }
    headers.update({key.replace("_", "-"): value for key, value in overrides.items()})
    return {key: value for key, value in headers.items() if value is not None}


class Api:
    """Calls the simulator like LG's SDK does; returns (HTTP status, decoded body)."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def call(
        self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None, **params: str
    ) -> tuple[int, Any]:
        async with self.session.request(
            method,
            path,
            json=body,
            headers=headers if headers is not None else lg_headers(),
            params=params or None,
        ) as resp:
            return resp.status, await resp.json(content_type=None)

    async def get(self, path: str, **params: str) -> Any:
        status, body = await self.call("GET", path, **params)
        assert status == 200, body
        return body["response"]

    async def control(self, device_id: str, body: Any) -> tuple[int, Any]:
        return await self.call(
            "POST", f"/devices/{device_id}/control", body, lg_headers(**{"x-conditional-control": "true"})
        )

    async def admin(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        async with self.session.request(method, path, json=body) as resp:
            return resp.status, await resp.json(content_type=None)


@pytest.fixture(autouse=True)
def _loopback_sockets(socket_enabled: None) -> None:
    """Let tests open sockets; pytest-socket still only allows connections to 127.0.0.1."""


@pytest.fixture
async def sim() -> AsyncIterator[Simulator]:
    simulator = Simulator(fleet="en", speed=0)
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest.fixture
async def api(sim: Simulator) -> AsyncIterator[Api]:
    async with aiohttp.ClientSession(base_url=sim.base_url) as session:
        yield Api(session)


def error_code(body: Any) -> str:
    return str(body["error"]["code"])
