"""A real Home Assistant (scripts/harness.py, with the simulator) and Debian's chromium, for the browser tests.

The harness is asynchronous and Playwright's sync API runs its own loop, so each Home Assistant runs
in a thread of its own (`Demo`). Nothing is downloaded: chromium is the system's.
"""

import asyncio
from collections.abc import Coroutine
import concurrent.futures
from dataclasses import dataclass
import json
import os
from pathlib import Path
import shutil
import sys
import threading
from typing import Any

from playwright.sync_api import BrowserContext, Page, Playwright, ViewportSize, expect
import pytest

sys.path.insert(0, str(Path(__file__).parents[2] / "scripts"))
import harness

from .ui import UiStrings

# Without these, chromium calls Google's hosts (updates, sync, field trials), which a closed network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INTERNET_ONLY_DOMAINS = {"met", "radio_browser"}
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
# HA's frontend answers within a second or two; only a cold first page load takes longer.
expect.set_options(timeout=20_000)


class Demo:
    """A harness (simulator and Home Assistant) running in a thread with its own event loop."""

    def __init__(self, fleet: str, config_dir: Path) -> None:
        """Prepare a harness for `fleet` on a fresh `config_dir`."""
        self.fleet = fleet
        self.config_dir = config_dir
        self.run: harness.Harness | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._ready: concurrent.futures.Future[harness.Harness] = concurrent.futures.Future()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=asyncio.run, args=(self._main(),), daemon=True)

    def start(self) -> harness.Harness:
        """Start the harness; return once Home Assistant has started, its owner onboarded."""
        self._thread.start()
        self.run = self._ready.result(timeout=600)
        return self.run

    def stop(self) -> None:
        """Stop Home Assistant and the simulator."""
        if self._loop is not None and self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(timeout=120)

    def call[T](self, coroutine: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the harness's loop (its REST and WebSocket session) and return its result."""
        assert self._loop is not None
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout=120)

    async def _main(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        try:
            async with harness.running(
                fleet=self.fleet,
                config_dir=self.config_dir,
                ha_port=harness.free_port(),
                fresh=True,
                push=False,
                entries=False,
            ) as run:
                await remove_entries_needing_internet(run)
                self._ready.set_result(run)
                await self._stop.wait()
        except BaseException as error:
            if not self._ready.done():
                self._ready.set_exception(error)
            raise

    def simulator_state(self, alias: str) -> Any:
        """Return the simulator's state of the appliance called `alias`."""
        assert self.run is not None
        run = self.run

        async def devices() -> Any:
            async with run.session.get(f"{run.simulator_url}/admin/devices") as response:
                return await response.json()

        return next(device["state"] for device in self.call(devices()) if device["alias"] == alias)

    def entries(self) -> list[dict[str, Any]]:
        """Return ThinQ Voice's config entries as HA's REST API lists them."""
        assert self.run is not None
        entries: list[dict[str, Any]] = self.call(
            self.run.api("GET", "/api/config/config_entries/entry?domain=thinq_voice")
        )
        return entries

    def stored_entries(self) -> list[dict[str, Any]]:
        """Return ThinQ Voice's config entries as HA stored them (with their options)."""
        stored = json.loads((self.config_dir / ".storage" / "core.config_entries").read_text())
        return [entry for entry in stored["data"]["entries"] if entry["domain"] == "thinq_voice"]


async def remove_entries_needing_internet(run: harness.Harness) -> None:
    """Delete the entries Home Assistant's onboarding adds that need the internet (weather, radio).

    Offline, they keep failing to set up and show as errors on the pages the screenshots show.
    """
    for entry in await run.api("GET", "/api/config/config_entries/entry"):
        if entry["domain"] in INTERNET_ONLY_DOMAINS:
            await run.api("DELETE", f"/api/config/config_entries/entry/{entry['entry_id']}")


@dataclass
class Session:
    """One UI language: its Home Assistant, its strings, a logged-in page and where screenshots go."""

    demo: Demo
    ui: UiStrings
    page: Page
    screenshots: Path

    @property
    def url(self) -> str:
        """Return Home Assistant's address."""
        assert self.demo.run is not None
        return self.demo.run.ha_url

    def screenshot(self, name: str, height: int = VIEWPORT["height"]) -> None:
        """Save what the page shows as `<language>-<name>.png`, in a window `height` pixels high."""
        self.page.set_viewport_size({**VIEWPORT, "height": height})
        self.page.screenshot(path=self.screenshots / f"{self.ui.language}-{name}.png", animations="disabled")
        self.page.set_viewport_size(VIEWPORT)


def chromium_path() -> str:
    """Return the system's chromium (Debian's package; scripts/setup installs it)."""
    path = os.environ.get("THINQ_VOICE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail(f"no chromium at {path}: scripts/setup installs Debian's chromium")
    return path


def launch(playwright: Playwright, ui: UiStrings, profile: Path) -> BrowserContext:
    """Start chromium with a fresh profile, in the UI's language."""
    return playwright.chromium.launch_persistent_context(
        profile,
        executable_path=chromium_path(),
        args=CHROMIUM_ARGS,
        headless=True,
        locale=ui.locale,
        viewport=VIEWPORT,
    )


def log_in(page: Page, ha_url: str, password: str, ui: UiStrings) -> None:
    """Log the owner in on Home Assistant's login page."""
    page.goto(ha_url)
    page.get_by_role("textbox", name=ui.username).fill(harness.DEMO_USER)
    page.get_by_role("textbox", name=ui.password).fill(password)
    page.get_by_role("button", name=ui.log_in, exact=True).click()
    page.wait_for_url("**/home/**")
