"""Fixtures for the ThinQ Connect client tests."""

from collections.abc import AsyncIterator
import json
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from tests.conftest import THINQ_FIXTURES

from .fake_lg import FakeLG


def load(relative: str) -> Any:
    """Load one fixture file under tests/fixtures/thinq_connect."""
    return json.loads((THINQ_FIXTURES / relative).read_text(encoding="utf-8"))


def all_fixture_files() -> list[Path]:
    """Every JSON file under tests/fixtures/thinq_connect."""
    return sorted(THINQ_FIXTURES.rglob("*.json"))


def spec_examples() -> dict[str, Any]:
    """The spec's examples by name, `$ref` entries resolved."""
    examples: dict[str, Any] = load("spec/all_examples.json")
    resolved = {}
    for name, value in examples.items():
        if isinstance(value, dict) and "$ref" in value:
            value = examples[value["$ref"].rsplit("/", 1)[-1]]
        resolved[name] = value
    return resolved


class FakeClock:
    """A monotonic clock that only moves when told to (or when something sleeps on it)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def _loopback_sockets(socket_enabled: None) -> None:
    """Let tests open sockets; pytest-socket still only allows connections to 127.0.0.1."""


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    """One aiohttp session for a test's clients."""
    async with aiohttp.ClientSession() as shared:
        yield shared


@pytest.fixture
async def lg() -> AsyncIterator[FakeLG]:
    """A stand-in for LG's cloud on loopback."""
    fake = FakeLG()
    fake.base_url = await fake.start()  # type: ignore[attr-defined]
    yield fake
    await fake.stop()
