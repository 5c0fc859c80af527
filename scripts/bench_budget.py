"""Budget benchmark: commands possible in an hour before ThinQ Voice refuses one (prints figures).

A real in-process Home Assistant with ThinQ Voice runs against the simulator's twelve-appliance
home while a simulated clock moves: two hours of the coordinator's own polling, device list and
energy reads (push off: the worst case), then people's commands, each a control and its confirming
read, through Home Assistant's switch action. It prints how many commands went before the first
refusal, for a burst at the start of the third hour and for a household giving one every 72 s
(50 an hour), and the requests of the last hour against LG's 100.

Run: scripts/envrun test python scripts/bench_budget.py
Nothing here is timed: the figures are counts.
"""

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
import functools
import sys
from typing import Any
from unittest.mock import patch

from aiohttp import ThreadedResolver
from bench_hass import add_entry, running_hass
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util

from custom_components import thinq_voice
from custom_components.thinq_voice import coordinator as coordinator_module
from custom_components.thinq_voice.api import ThinQConnectClient
from custom_components.thinq_voice.const import DOMAIN
from simulator import DEFAULT_TOKEN, Simulator

# With push, a control no report confirmed is read after this (real) time; short, to run quickly.
PUSH_CONFIRM_READ = timedelta(seconds=0.3)
START = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
WARM_UP = timedelta(hours=2)
STEP = timedelta(minutes=1)
HOUSEHOLD_GAP = timedelta(seconds=72)
# Translation keys of a command held back for lack of budget, ours or (told as) LG's.
REFUSALS = {"budget_held_control", "rate_limited_control"}


def loopback_resolver() -> ThreadedResolver:
    """Return a plain resolver Home Assistant can close as it closes the test plugin's."""
    resolver = ThreadedResolver()
    resolver.real_close = resolver.close  # type: ignore[attr-defined]
    return resolver


async def until(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    """Wait (real time) until the condition holds."""
    async with asyncio.timeout(timeout):
        while not condition():
            await asyncio.sleep(0.05)


class SimulatedTime:
    """The one clock of the run: the client's budget and Home Assistant's `utcnow` both read it."""

    def __init__(self) -> None:
        self.elapsed = 0.0

    def monotonic(self) -> float:
        return self.elapsed

    def utcnow(self) -> datetime:
        return START + timedelta(seconds=self.elapsed)


class Household:
    """Home Assistant with ThinQ Voice, driven minute by minute on simulated time."""

    def __init__(
        self, hass: HomeAssistant, time: SimulatedTime, entry: Any, switch: str, *, push: bool
    ) -> None:
        self.hass = hass
        self.push = push
        self.time = time
        self.coordinator = entry.runtime_data
        self.switch = switch
        self.next_refresh = time.elapsed
        self.on = False

    async def advance(self, delta: timedelta) -> None:
        """Move time on, refreshing whenever the coordinator's interval says so."""
        end = self.time.elapsed + delta.total_seconds()
        while self.time.elapsed < end:
            self.time.elapsed = min(end, self.time.elapsed + STEP.total_seconds())
            if self.time.elapsed >= self.next_refresh:
                await self.coordinator.async_refresh()
                await self.hass.async_block_till_done()
                interval = self.coordinator.update_interval or timedelta(minutes=3)
                self.next_refresh = self.time.elapsed + interval.total_seconds()

    async def command(self) -> bool:
        """Toggle the fridge's power saving; return False if the budget refused it."""
        self.on = not self.on
        try:
            await self.hass.services.async_call(
                "switch", "turn_on" if self.on else "turn_off", {ATTR_ENTITY_ID: self.switch}, blocking=True
            )
        except HomeAssistantError as err:
            if err.translation_key in REFUSALS:
                return False
            raise
        if self.push:
            # The appliance's pushed report confirms it; a read follows only if none came.
            await asyncio.sleep(PUSH_CONFIRM_READ.total_seconds() + 0.2)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        return True

    def spent_this_hour(self) -> int:
        """Return the requests of the last hour by the client's budget."""
        client: ThinQConnectClient = self.coordinator.client
        return int(thinq_voice.HOURLY_REQUEST_BUDGET - client.remaining_budget)


async def run(pattern: str, push: bool) -> tuple[int, int, int]:
    """Warm up two hours, then give commands in the pattern; return (commands, reads, spent)."""
    time = SimulatedTime()
    simulator = Simulator(fleet="ko", tokens=(DEFAULT_TOKEN,), push=push)
    await simulator.start()
    clock: Callable[[], float] = time.monotonic
    try:
        with (
            # Loopback only: no zeroconf resolver (outside pytest nobody sets HA's frame helper up for it).
            patch(
                "homeassistant.helpers.aiohttp_client._async_make_resolver", return_value=loopback_resolver()
            ),
            patch.object(dt_util, "utcnow", time.utcnow),
            patch.object(
                thinq_voice,
                "ThinQConnectClient",
                functools.partial(ThinQConnectClient, control_interval=0, clock=clock),
            ),
            # The confirming read follows each control at once (the figures count requests).
            patch.object(coordinator_module, "CONFIRM_DELAY", timedelta(0)),
            patch.object(coordinator_module, "PUSH_CONFIRM_READ", PUSH_CONFIRM_READ),
        ):
            async with running_hass(simulator) as hass:
                entry = await add_entry(hass, simulator)
                fridge = simulator.find("냉장고").device_id
                switch = er.async_get(hass).async_get_entity_id(
                    "switch", DOMAIN, f"{fridge}_powerSave_powerSaveEnabled"
                )
                assert switch is not None
                home = Household(hass, time, entry, switch, push=push)
                if push:
                    await until(lambda: entry.runtime_data.push.healthy)
                await home.advance(WARM_UP)
                reads_before = simulator.requests_by_device.get(fridge, 0)
                commands = 0
                while commands < 200 and await home.command():
                    commands += 1
                    if pattern == "household":
                        await home.advance(HOUSEHOLD_GAP)
                reads = simulator.requests_by_device.get(fridge, 0) - reads_before - commands
                return commands, reads, home.spent_this_hour()
    finally:
        await simulator.stop()


async def main() -> None:
    """Print the figures for a burst and for a household's steady use."""
    print("Commands before the budget refuses one (at most 200 tried), after two hours with 12 appliances:")
    for push in (False, True):
        for pattern in ("burst", "household"):
            commands, reads, spent = await run(pattern, push)
            print(
                f"  {'push' if push else 'polling':>7} {pattern:>9}: {commands:3d} commands went, "
                f"{reads:3d} confirming reads; requests in the last hour {spent}/{thinq_voice.HOURLY_REQUEST_BUDGET}"
            )


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
