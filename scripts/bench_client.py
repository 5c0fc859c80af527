"""Benchmark of the ThinQ Connect client against the simulator (prints figures, asserts nothing).

Run: scripts/envrun test python scripts/bench_client.py [--rounds N]
"""

import argparse
import asyncio
from pathlib import Path
import statistics
import sys
import time

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from custom_components.thinq_voice.api import ThinQConnectClient
from custom_components.thinq_voice.api.const import DEFAULT_HOURLY_REQUEST_BUDGET
from custom_components.thinq_voice.const import DEFAULT_REFRESH_INTERVAL, DEVICE_LIST_INTERVAL
from custom_components.thinq_voice.coordinator import BACKGROUND_OVERHEAD, polling_interval
from simulator import DEFAULT_TOKEN, Simulator


def percentile(samples: list[float], share: float) -> float:
    """Return a percentile of the samples, in milliseconds."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


async def timed(samples: list[float], call) -> None:  # type: ignore[no-untyped-def]
    """Time one awaited call."""
    started = time.perf_counter()
    await call()
    samples.append(time.perf_counter() - started)


async def main() -> None:
    """Measure round trips, then print the request rate the integration's defaults produce."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    args = parser.parse_args()
    sim = Simulator(fleet="ko", tokens=(DEFAULT_TOKEN,))
    base_url = await sim.start()
    try:
        async with aiohttp.ClientSession() as session:
            # A large budget and no control spacing: this measures the client, not its throttles.
            client = ThinQConnectClient(
                session,
                access_token=DEFAULT_TOKEN,
                country="KR",
                client_id="thinq-voice-bench",
                base_url=base_url,
                control_interval=0,
                hourly_request_budget=1_000_000,
            )
            devices = await client.async_get_devices()
            ac = next(device for device in devices if device.device_type == "DEVICE_AIR_CONDITIONER")
            profile = await client.async_get_device_profile(ac.device_id)
            await client.async_control(ac.device_id, profile, "operation", "airConOperationMode", "POWER_ON")
            samples: dict[str, list[float]] = {"device list": [], "state": [], "profile": [], "control": []}
            for index in range(args.rounds):
                await timed(samples["device list"], client.async_get_devices)
                await timed(samples["state"], lambda: client.async_get_device_state(ac.device_id))
                await timed(samples["profile"], lambda: client.async_get_device_profile(ac.device_id))
                target = 20 + index % 5
                await timed(
                    samples["control"],
                    lambda target=target: client.async_control(
                        ac.device_id, profile, "temperature", "targetTemperature", target
                    ),
                )
    finally:
        await sim.stop()
    print(f"ThinQ Connect client round trips to the simulator over loopback HTTP ({args.rounds} each)")
    print(f"{'call':<12} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8}")
    for name, values in samples.items():
        print(
            f"{name:<12} {percentile(values, 0.5):8.2f} {percentile(values, 0.95):8.2f} {statistics.mean(values) * 1000:8.2f}"
        )
    print()
    print(
        f"Requests per device per hour at the defaults (budget {DEFAULT_HOURLY_REQUEST_BUDGET}/h per account,"
    )
    print(f"refresh interval {DEFAULT_REFRESH_INTERVAL.total_seconds():.0f} s, widened to fit the budget;")
    print(
        f"energy reads take at most {BACKGROUND_OVERHEAD - 1} requests/h for the account, the device list 1):"
    )
    for count in (1, 4, 12, 50, 200):
        interval = polling_interval(DEFAULT_REFRESH_INTERVAL, count)
        per_device = 3600 / interval.total_seconds() + 3600 / DEVICE_LIST_INTERVAL.total_seconds() / count
        total = per_device * count
        print(
            f"  {count:>3} devices: state every {interval.total_seconds() / 60:5.1f} min, "
            f"{per_device:5.2f} requests/device/h, {total:6.1f} requests/h for the account "
            f"({total / DEFAULT_HOURLY_REQUEST_BUDGET:.0%} of the budget)"
        )


if __name__ == "__main__":
    asyncio.run(main())
