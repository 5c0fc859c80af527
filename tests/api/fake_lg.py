"""A small loopback stand-in for LG's API, for client tests until (and besides) the simulator."""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
import json
from typing import Any

from aiohttp import web
from aiohttp.test_utils import TestServer

type Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class Recorded:
    """One request the fake server received."""

    method: str
    path: str
    raw_path: str
    headers: dict[str, str]
    query: dict[str, str]
    body: Any


def envelope(response: Any) -> web.Response:
    """LG's success envelope."""
    return web.json_response(
        {"messageId": "abcdefghijklmnopqrstuv", "timestamp": "2026-01-01T00:00:00", "response": response}
    )


def lg_error(
    code: str, message: str = "error", status: int = 400, headers: dict[str, str] | None = None
) -> web.Response:
    """LG's error body."""
    return web.json_response({"error": {"code": code, "message": message}}, status=status, headers=headers)


@dataclass
class FakeLG:
    """Answers every request from `routes` ((method, path) -> handler) and records it."""

    routes: dict[tuple[str, str], Handler] = field(default_factory=dict)
    requests: list[Recorded] = field(default_factory=list)
    server: TestServer | None = None

    def reply(self, method: str, path: str, response: web.StreamResponse | Any) -> None:
        """Answer (method, path) with a fixed response, or an envelope around a JSON value."""

        async def handler(_: web.Request) -> web.StreamResponse:
            if isinstance(response, web.StreamResponse):
                # A Response can be sent once; build a fresh copy each time.
                assert isinstance(response, web.Response)
                return web.Response(
                    body=response.body, status=response.status, headers=dict(response.headers)
                )
            return envelope(response)

        self.routes[(method, path)] = handler

    def handle(self, method: str, path: str, handler: Handler) -> None:
        self.routes[(method, path)] = handler

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        raw = await request.read()
        self.requests.append(
            Recorded(
                method=request.method,
                path=request.path,
                raw_path=request.raw_path,
                headers=dict(request.headers),
                query=dict(request.query),
                body=json.loads(raw) if raw else None,
            )
        )
        handler = self.routes.get((request.method, request.path))
        if handler is None:
            return lg_error("1000", f"no route {request.method} {request.path}", status=404)
        return await handler(request)

    async def start(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._dispatch)
        self.server = TestServer(app, host="127.0.0.1", port=0)
        await self.server.start_server()
        return str(self.server.make_url("")).rstrip("/")

    async def stop(self) -> None:
        if self.server is not None:
            await self.server.close()


async def slow(seconds: float) -> web.Response:
    await asyncio.sleep(seconds)
    return envelope({})
