"""Setup benchmark: time and memory of setting up ThinQ Voice for 12 and 200 appliances.

Each size runs in a fresh process: the simulator's default home (12) and a generated fleet (200).
Run: scripts/envrun test python scripts/bench_setup.py
"""

import resource
import sys
import time
import tracemalloc

from bench_hass import BUDGET, add_entry, run_each_in_own_process, running_hass

from simulator import DEFAULT_TOKEN, Simulator


async def run(count: int) -> None:
    """Set up one entry and print what it took."""
    simulator = Simulator(fleet="ko", tokens=(DEFAULT_TOKEN,), devices=None if count == 12 else count)
    await simulator.start()
    try:
        async with running_hass(simulator) as hass:
            tracemalloc.start()
            rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            started = time.perf_counter()
            entry = await add_entry(hass, simulator)
            elapsed = time.perf_counter() - started
            current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            entities = len(hass.states.async_all())
            requests = BUDGET - entry.runtime_data.client.remaining_budget
            print(
                f"{count:>4} appliances: setup {elapsed:6.2f} s, {entities:>5} states, "
                f"Python memory held {current / 2**20:6.1f} MiB (peak {peak / 2**20:6.1f} MiB), "
                f"process peak RSS +{(rss_after - rss_before) / 1024:6.1f} MiB, "
                f"{requests} requests to set up ({requests / count:.1f} per appliance)"
            )
    finally:
        await simulator.stop()


async def run_size(count: str) -> None:
    """Benchmark one fleet size."""
    await run(int(count))


def main() -> None:
    """Run each size in its own process."""
    if len(sys.argv) == 1:
        print(
            "ThinQ Voice setup against the simulator (in-process Home Assistant, loopback HTTP)", flush=True
        )
    run_each_in_own_process(__file__, ["12", "200"], run_size)
    if len(sys.argv) == 1:
        print("Requests per device per hour at the defaults: scripts/bench_client.py")


if __name__ == "__main__":
    main()
