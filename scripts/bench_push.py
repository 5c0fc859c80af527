"""Push benchmark: today's polling beside LG's push, in one run. Figures, not assertions.

For each mode (polling: the simulator offers no MQTT server; push: it runs its real mosquitto):
- appliance change -> HA state, p50/p95 (push measured; polling follows from its interval: a
  change waits for the next read, uniformly within it);
- a voice command's turn, p50/p95, Korean and English (the answer waits for the appliance to
  confirm: a confirming read 2 s later with polling, its pushed report with push);
- requests per appliance per hour at the defaults, for 1, 12 and 200 appliances (from the
  coordinator's own intervals and the subscriptions' renewals);
- commands possible in the first hour after setting up, before the request budget refuses one
  (measured against the real budget), and in an hour of steady running (from the intervals).
Run: scripts/envrun test python scripts/bench_push.py
"""

import asyncio
from datetime import timedelta
import json
import logging
import statistics
import subprocess
import sys
import time
from typing import Any

from bench_hass import add_entry, lift_lg_limits, running_hass
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er, frame

from custom_components.thinq_voice import coordinator as coordinator_module, push as push_module
from custom_components.thinq_voice.api import ThinQError
from custom_components.thinq_voice.api.const import EVENT_SUBSCRIPTION_MAX_HOURS
from custom_components.thinq_voice.const import DEFAULT_REFRESH_INTERVAL, DEVICE_LIST_INTERVAL, DOMAIN
from simulator import DEFAULT_TOKEN, Simulator

SAMPLES = 30
SENTENCES = {
    "ko": ["거실 에어컨 켜줘", "거실 에어컨 {}도로 맞춰줘", "거실 에어컨 꺼줘"],
    "en": [
        "turn on the living room AC",
        "set the living room AC to {} degrees",
        "turn off the living room AC",
    ],
}
UNCONFIRMED = ("아직 기기에서 확인되지 않았어요", "hasn't confirmed yet")


def percentiles(samples: list[float]) -> str:
    """Return 'p50 / p95' in milliseconds."""
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"{statistics.median(ordered) * 1000:8.0f} / {p95 * 1000:8.0f} ms"


async def until(check: Any, timeout: float = 10.0) -> None:
    """Wait until `check()` holds."""
    async with asyncio.timeout(timeout):
        while not check():
            await asyncio.sleep(0.005)


async def change_latency(hass: HomeAssistant, simulator: Simulator) -> list[float]:
    """Change the appliance, time until HA's state shows it (push only: polling waits its interval)."""
    ac = simulator.find("거실 에어컨" if simulator.fleet == "ko" else "Living Room AC").device_id
    climate = er.async_get(hass).async_get_entity_id("climate", DOMAIN, f"{ac}_climate")
    samples = []
    for index in range(SAMPLES):
        target = 18 + index % 10
        if simulator.device(ac).state["temperature"]["targetTemperature"] == target:
            target += 1
        started = time.perf_counter()
        simulator.patch_state(ac, {"temperature": {"targetTemperature": target}})
        await until(
            lambda t=target: (
                (s := hass.states.get(climate)) is not None and s.attributes.get("temperature") == t
            )
        )
        samples.append(time.perf_counter() - started)
    return samples


async def voice_turns(hass: HomeAssistant, language: str) -> tuple[list[float], int]:
    """Say commands that control the AC; return turn latencies and how many were answered unconfirmed."""
    latencies: list[float] = []
    unconfirmed = 0
    for index in range(SAMPLES):
        template = SENTENCES[language][index % 3]
        text = template.format(20 + index % 6) if "{}" in template else template
        started = time.perf_counter()
        result = await conversation.async_converse(
            hass, text, None, Context(), language=language, agent_id="conversation.thinq_voice"
        )
        latencies.append(time.perf_counter() - started)
        speech = result.response.speech.get("plain", {}).get("speech", "")
        unconfirmed += any(words in speech for words in UNCONFIRMED)
        await asyncio.sleep(0.1)
    return latencies, unconfirmed


async def commands_before_refusal(hass: HomeAssistant, simulator: Simulator, entry_id: str) -> int:
    """Send commands (power on/off, two appliances in turn) until the budget refuses one."""
    entry = hass.config_entries.async_get_entry(entry_id)
    assert entry is not None
    coordinator = entry.runtime_data
    acs = [
        device.device_id
        for device in (simulator.find(n) for n in simulator.device_ids)
        if "AIR_CON" in device.device_type
    ]
    sent = 0
    while sent < 500:
        device_id = acs[sent % len(acs)]
        value = "POWER_ON" if (sent // len(acs)) % 2 == 0 else "POWER_OFF"
        try:
            await coordinator.async_control(
                device_id, "operation", "airConOperationMode", value, context=Context()
            )
        except HomeAssistantError, ThinQError:
            return sent
        sent += 1
        # Each command's confirmation (a read with polling, the pushed report with push) comes first.
        await asyncio.sleep(
            0.3 if coordinator.push.healthy else coordinator.confirm_delay.total_seconds() + 0.2
        )
        await hass.async_block_till_done()
    return sent


async def run_mode(mode: str) -> None:
    """Measure one mode (`polling` or `push`), with Korean and English, and print JSON figures."""
    push = mode == "push"
    figures: dict[str, Any] = {"mode": mode}
    for language in ("ko", "en"):
        simulator = Simulator(fleet=language, tokens=(DEFAULT_TOKEN,), push=push)
        await simulator.start()
        try:
            async with running_hass(simulator, language=language) as hass:
                frame.async_setup(hass)
                entry = await add_entry(hass, simulator)
                coordinator = entry.runtime_data
                if push:
                    await until(lambda c=coordinator: c.push.healthy, timeout=30)
                    assert simulator.push is not None
                    await simulator.push.wait_publisher()
                    figures["change_to_state"] = percentiles(await change_latency(hass, simulator))
                latencies, unconfirmed = await voice_turns(hass, language)
                figures[f"voice_{language}"] = percentiles(latencies)
                figures[f"voice_{language}_unconfirmed"] = f"{unconfirmed}/{SAMPLES}"
        finally:
            await simulator.stop()
    print(json.dumps(figures, ensure_ascii=False), flush=True)


async def run_budget(mode: str) -> None:
    """Count the commands the real budget allows in the hour of setting up."""
    push = mode == "push"
    simulator = Simulator(fleet="ko", tokens=(DEFAULT_TOKEN,), push=push)
    await simulator.start()
    try:
        async with running_hass(simulator) as hass:
            frame.async_setup(hass)
            entry = await add_entry(hass, simulator)
            coordinator = entry.runtime_data
            if push:
                await until(
                    lambda: coordinator.push.healthy and bool(coordinator.push.channel.subscribed), timeout=30
                )
                await asyncio.sleep(1)
            setup = sum(simulator.requests_by_endpoint.values())
            commands = await commands_before_refusal(hass, simulator, entry.entry_id)
            print(
                json.dumps({"mode": mode, "setup_requests": setup, "commands_first_hour": commands}),
                flush=True,
            )
    finally:
        await simulator.stop()


def requests_per_appliance_hour(appliances: int, push: bool) -> float:
    """Requests per appliance per hour at the defaults, from the coordinator's own intervals."""
    base = push_module.SAFETY_INTERVAL if push else DEFAULT_REFRESH_INTERVAL
    interval = coordinator_module.polling_interval(max(DEFAULT_REFRESH_INTERVAL, base), appliances)
    reads = timedelta(hours=1) / interval
    device_list = (timedelta(hours=1) / DEVICE_LIST_INTERVAL) / appliances
    # Push: each appliance's event subscription is renewed an hour before its 24 h end.
    renewals = 1 / (EVENT_SUBSCRIPTION_MAX_HOURS - 1) if push else 0.0
    return reads + device_list + renewals


def steady_commands(push: bool, appliances: int = 12) -> float:
    """Commands an hour of steady running leaves room for, before the budget refuses one."""
    budget = coordinator_module.HOURLY_REQUEST_BUDGET
    background = requests_per_appliance_hour(appliances, push) * appliances
    # A command costs its control, and with polling the read that confirms it.
    per_command = 1 if push else 2
    return (budget - background) / per_command


def main() -> None:
    """Run every measurement in its own process, then print the table."""
    if len(sys.argv) > 1:
        kind, mode = sys.argv[1].split(":")
        # Latencies measure our code: LG's control spacing and hourly budget would only add
        # waiting. The budget run keeps both, as a household meets them.
        if kind == "turns":
            lift_lg_limits()
        logging.disable(logging.CRITICAL)
        asyncio.run(run_mode(mode) if kind == "turns" else run_budget(mode))
        return

    rows: dict[str, dict[str, Any]] = {"polling": {}, "push": {}}
    for kind in ("turns", "budget"):
        for mode in ("polling", "push"):
            output = subprocess.run(
                [sys.executable, __file__, f"{kind}:{mode}"], check=True, capture_output=True, text=True
            ).stdout
            rows[mode].update(json.loads(output.strip().splitlines()[-1]))
            print(output.strip().splitlines()[-1], flush=True)
    polling_interval = coordinator_module.polling_interval(DEFAULT_REFRESH_INTERVAL, 12)
    rows["polling"]["change_to_state"] = (
        f"{polling_interval.total_seconds() / 2 * 1000:8.0f} / {polling_interval.total_seconds() * 0.95 * 1000:8.0f} ms"
        " (the poll interval, 12 appliances)"
    )
    print(f"{'figure':<42} {'polling (today)':>34} {'push':>34}")
    for key in ("change_to_state", "voice_ko", "voice_ko_unconfirmed", "voice_en", "voice_en_unconfirmed"):
        print(f"{key:<42} {rows['polling'].get(key, '-'):>34} {rows['push'].get(key, '-'):>34}")
    for appliances in (1, 12, 200):
        polling = requests_per_appliance_hour(appliances, push=False)
        pushed = requests_per_appliance_hour(appliances, push=True)
        print(
            f"{f'requests/appliance/hour, {appliances} appliances':<42} {polling:>34.2f} {pushed:>34.2f}  (push/polling {pushed / polling:.2f})"
        )
    print(
        f"{'setup requests (12 appliances)':<42} {rows['polling']['setup_requests']:>34} {rows['push']['setup_requests']:>34}"
    )
    print(
        f"{'commands in the hour of setting up':<42} {rows['polling']['commands_first_hour']:>34} {rows['push']['commands_first_hour']:>34}"
    )
    print(
        f"{'commands in an hour of steady running':<42} {steady_commands(False):>34.0f} {steady_commands(True):>34.0f}"
    )


if __name__ == "__main__":
    main()
