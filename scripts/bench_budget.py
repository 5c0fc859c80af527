"""Budget benchmark: commands possible in an hour before ThinQ Voice refuses one (prints figures).

A real in-process Home Assistant with ThinQ Voice runs against the simulator's twelve-appliance
home while a simulated clock moves: two hours of the coordinator's own polling, device list and
energy reads (push off: the worst case), then people's commands, each a control and its confirming
read, through Home Assistant's switch action. It prints how many commands went before the first
refusal, for a burst at the start of the third hour and for a household giving one every 72 s
(50 an hour), and the requests of the last hour against LG's 100.

Run: scripts/envrun test python scripts/bench_budget.py
Nothing here is timed: the figures are counts.

`scripts/envrun test python scripts/bench_budget.py first-hour [1 12 200]` prints what the first
hour of an install with push asks of LG, by endpoint: set up fresh at 0, Home Assistant restarted
at +10 and +20 minutes (a real stop and start on the same storage), an hour of simulated time in
all, the timers HA would run (refreshes, push maintenance, energy) driven minute by minute.
"""

import asyncio
from collections.abc import Callable
import contextlib
from datetime import UTC, datetime, timedelta
import functools
import json
import logging
from pathlib import Path
import subprocess
import sys
import tempfile
from typing import Any
from unittest.mock import patch

from aiohttp import ThreadedResolver
from bench_hass import add_entry, running_hass
from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.util import dt as dt_util

from custom_components import thinq_voice
from custom_components.thinq_voice import coordinator as coordinator_module
from custom_components.thinq_voice.api import Priority, ThinQConnectClient
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


RESTARTS = (timedelta(minutes=10), timedelta(minutes=20))
# The hour's last minute: at 60 the requests of minute 0 leave the budget's window.
HOUR = timedelta(minutes=59)


class FirstHour:
    """One install's first hour on simulated time: set up, restarted twice, driven minute by minute."""

    def __init__(self, appliances: int, time: SimulatedTime, config_dir: Path) -> None:
        self.appliances = appliances
        self.time = time
        self.config_dir = config_dir
        self.simulator = Simulator(
            fleet="ko",
            tokens=(DEFAULT_TOKEN,),
            push=True,
            speed=0,
            devices=None if appliances == 12 else appliances,
        )
        self.entry_id: str | None = None
        self.phases: list[dict[str, Any]] = []

    async def run(self) -> dict[str, Any]:
        """Run the hour; return the requests by endpoint and what each start set up."""
        await self.simulator.start()
        try:
            ends = [*RESTARTS, HOUR]
            for index, end in enumerate(ends):
                await self._run_until(end, restarted=index > 0)
        finally:
            await self.simulator.stop()
        return {
            "appliances": self.appliances,
            "by_endpoint": dict(sorted(self.simulator.requests_by_endpoint.items())),
            "total": sum(self.simulator.requests_by_endpoint.values()),
            "phases": self.phases,
        }

    async def _run_until(self, end: timedelta, *, restarted: bool) -> None:
        """Start Home Assistant (again), note what the start set up, and drive its timers until `end`.

        A start the budget holds back is retried every minute, as Home Assistant retries it.
        """
        before = sum(self.simulator.requests_by_endpoint.values())
        async with running_hass(self.simulator, config_dir=self.config_dir) as hass:
            entry = await add_entry(hass, self.simulator, self.entry_id, required=False)
            self.entry_id = entry.entry_id
            if entry.state is ConfigEntryState.LOADED:
                # Push connects within seconds of real time: the minutes below pass in less.
                with contextlib.suppress(TimeoutError):
                    await until(lambda: entry.runtime_data.push.healthy, timeout=15)
            phase: dict[str, Any] = {
                "at_minutes": round(self.time.elapsed / 60),
                "start": "restart" if restarted else "fresh",
                "set_up": len(entry.runtime_data.data) if entry.state is ConfigEntryState.LOADED else 0,
                "start_requests": sum(self.simulator.requests_by_endpoint.values()) - before,
            }
            next_refresh = self.time.elapsed
            while self.time.elapsed < end.total_seconds():
                self.time.elapsed = min(end.total_seconds(), self.time.elapsed + STEP.total_seconds())
                if entry.state is not ConfigEntryState.LOADED:
                    await hass.config_entries.async_reload(entry.entry_id)
                    phase["set_up_at_minutes"] = None
                    if entry.state is ConfigEntryState.LOADED:
                        phase["set_up_at_minutes"] = round(self.time.elapsed / 60)
                    continue
                coordinator = entry.runtime_data
                if self.time.elapsed >= next_refresh:
                    await coordinator.async_refresh()
                    next_refresh = self.time.elapsed + (coordinator.update_interval or STEP).total_seconds()
                await self._tick_timers(coordinator)
                await hass.async_block_till_done()
            loaded = entry.state is ConfigEntryState.LOADED
            client = entry.runtime_data.client if loaded else None
            phase["push_subscribed"] = len(entry.runtime_data.push.channel.subscribed) if loaded else 0
            phase["left_for_commands"] = client.budget.available(Priority.CONTROL) if client else 0
            phase["requests"] = sum(self.simulator.requests_by_endpoint.values()) - before
            phase["endpoints"] = dict(self.simulator.requests_by_endpoint)
            self.phases.append(phase)

    async def _tick_timers(self, coordinator: Any) -> None:
        """Run, on simulated time, what HA's timers would: push set-up retries and renewals, energy."""
        link = coordinator.push
        await link._async_watch(dt_util.utcnow())  # noqa: SLF001 - HA's timer, on simulated time
        if link.offered:
            await link.channel.async_maintain()
        if round(self.time.elapsed) % 600 == 0:
            coordinator.energy.async_read_when_due()


async def first_hour(appliances: int) -> dict[str, Any]:
    """Measure one install's first hour (in its own process: one test HA at a time)."""
    time = SimulatedTime()
    clock: Callable[[], float] = time.monotonic
    with (
        tempfile.TemporaryDirectory(prefix="thinq-voice-first-hour-") as config_dir,
        patch("homeassistant.helpers.aiohttp_client._async_make_resolver", return_value=loopback_resolver()),
        patch.object(dt_util, "utcnow", time.utcnow),
        patch.object(
            thinq_voice,
            "ThinQConnectClient",
            functools.partial(ThinQConnectClient, control_interval=0, clock=clock),
        ),
    ):
        return await FirstHour(appliances, time, Path(config_dir)).run()


def print_first_hour(figures: dict[str, Any]) -> None:
    """Print one install's first hour: its starts, then its requests by endpoint."""
    print(f"{figures['appliances']} appliances: {figures['total']} requests in the first hour")
    for phase in figures["phases"]:
        joined = phase.get("set_up_at_minutes", phase["at_minutes"])
        when = f"loaded at +{joined} min" if joined is not None else "not loaded within the hour"
        print(
            f"  +{phase['at_minutes']:>2} min {phase['start']:<7}: {phase['start_requests']:>3} requests to start, "
            f"{phase['set_up']:>3} appliances set up at once ({when}); {phase['requests']:>3} requests "
            f"until the next start; {phase['push_subscribed']:>3} subscribed to push, "
            f"{phase['left_for_commands']:>3} requests left for commands"
        )
    for endpoint, count in figures["by_endpoint"].items():
        print(f"    {endpoint:<42} {count:>5}")


def run_first_hours(sizes: list[str]) -> None:
    """Measure each size in its own process and print the figures."""
    if len(sizes) == 1 and sizes[0].startswith("one:"):
        logging.disable(logging.CRITICAL)
        print(json.dumps(asyncio.run(first_hour(int(sizes[0].removeprefix("one:"))))), flush=True)
        return
    for size in sizes or ["1", "12", "200"]:
        output = subprocess.run(
            [sys.executable, __file__, "first-hour", f"one:{size}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        figures = json.loads(output.strip().splitlines()[-1])
        print_first_hour(figures)
        print(json.dumps(figures), flush=True)


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
    if sys.argv[1:2] == ["first-hour"]:
        run_first_hours(sys.argv[2:])
    else:
        sys.exit(asyncio.run(main()))
