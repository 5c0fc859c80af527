"""An in-process Home Assistant with ThinQ Voice against the simulator, for the benchmarks.

Uses the test environment's Home Assistant (the one pytest-homeassistant-custom-component
pins) so the agent and setup benchmarks run without booting a server.
"""

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
import contextlib
import functools
import logging
from pathlib import Path
import subprocess
import sys
import tempfile
from typing import Any
from unittest.mock import patch

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import homeassistant  # noqa: E402, F401, I001 - first, so voluptuous resolves to probatio
from pytest_homeassistant_custom_component.common import (  # noqa: E402
    MockConfigEntry,
    async_test_home_assistant,
)

from custom_components import thinq_voice  # noqa: E402
from custom_components.thinq_voice.api import ThinQConnectClient  # noqa: E402
from custom_components.thinq_voice.const import CONF_BASE_URL, CONF_CLIENT_ID, DOMAIN  # noqa: E402
from homeassistant import loader  # noqa: E402
from homeassistant.const import CONF_ACCESS_TOKEN, CONF_COUNTRY  # noqa: E402
from homeassistant.core import HomeAssistant  # noqa: E402
from homeassistant.setup import async_setup_component  # noqa: E402
from simulator import DEFAULT_TOKEN, Simulator  # noqa: E402


# Benchmarks measure our code: LG's control spacing and hourly budget would only add waiting.
BUDGET = 10_000_000


def lift_lg_limits() -> None:
    """Turn off the control spacing and raise the request budget (the client still counts)."""
    thinq_voice.ThinQConnectClient = functools.partial(ThinQConnectClient, control_interval=0)  # type: ignore[misc]
    thinq_voice.HOURLY_REQUEST_BUDGET = BUDGET


def run_each_in_own_process(
    script: str, values: list[str], run_one: Callable[[str], Coroutine[Any, Any, None]]
) -> None:
    """Run `run_one(value)` for each value, each in a fresh process of `script`.

    A process holds one test Home Assistant; the parent re-runs the script with one value each.
    """
    if len(sys.argv) > 1:
        lift_lg_limits()
        # Refusals HA's agent or our entities log are not benchmark output.
        logging.disable(logging.CRITICAL)
        asyncio.run(run_one(sys.argv[1]))
        return
    for value in values:
        subprocess.run([sys.executable, script, value], check=True)


@contextlib.asynccontextmanager
async def running_hass(
    simulator: Simulator, *, language: str = "ko", config_dir: Path | None = None
) -> AsyncIterator[HomeAssistant]:
    """Yield a started Home Assistant with conversation loaded and nothing else.

    Its HTTP server (a dependency of conversation) binds no port, as in the test plugin's own
    tests: the benchmarks call HA in-process, and a demo may hold port 8123. A `config_dir` given
    is kept (its storage too), so a second run on it is a restart; by default each run is fresh.
    """
    with (
        tempfile.TemporaryDirectory(prefix="thinq-voice-bench-") as fresh_dir,
        patch("homeassistant.components.http.HomeAssistantHTTP.async_bind"),
        patch("homeassistant.components.http.HomeAssistantHTTP.start"),
    ):
        config_dir = config_dir or Path(fresh_dir)
        if not (config_dir / "custom_components").exists():
            (config_dir / "custom_components").symlink_to(REPO / "custom_components")
        async with async_test_home_assistant(config_dir=config_dir) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)
            hass.config.language = language
            assert await async_setup_component(hass, "homeassistant", {})
            assert await async_setup_component(hass, "conversation", {})
            yield hass
            await hass.async_stop(force=True)


async def add_entry(
    hass: HomeAssistant, simulator: Simulator, entry_id: str | None = None, *, required: bool = True
) -> MockConfigEntry:
    """Add and set up a ThinQ Voice entry for the simulator's account (`entry_id`: the same one again).

    Unless `required`, an entry that does not set up (yet) is returned as it is.
    """
    entry = MockConfigEntry(
        domain=DOMAIN,
        entry_id=entry_id,
        unique_id=min(simulator.device_ids),
        data={
            CONF_ACCESS_TOKEN: DEFAULT_TOKEN,
            CONF_COUNTRY: "KR",
            CONF_CLIENT_ID: "thinq-voice-bench",
            CONF_BASE_URL: simulator.base_url,
        },
    )
    entry.add_to_hass(hass)
    loaded = await hass.config_entries.async_setup(entry.entry_id)
    assert loaded or not required
    await hass.async_block_till_done()
    return entry
