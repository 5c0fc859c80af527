"""Run the demo: a real Home Assistant with ThinQ Voice and the simulator (see scripts/demo)."""

import argparse
import asyncio
import contextlib
from pathlib import Path
import signal
import socket

import harness


def lan_address() -> str | None:
    """Return this machine's LAN address, if it has one."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))  # TEST-NET address: nothing is sent
        except OSError:
            return None
        address: str = probe.getsockname()[0]
        return address


async def main() -> None:
    """Start everything, print how to log in, run until interrupted."""
    parser = argparse.ArgumentParser(description="ThinQ Voice demo")
    parser.add_argument("--fleet", choices=sorted(harness.FLEET_SETTINGS), default="ko")
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument(
        "--config-dir", type=Path, default=Path.home() / ".cache" / "thinq-voice" / "demo-config"
    )
    args = parser.parse_args()
    print(
        f"Starting Home Assistant and the simulator ({args.fleet} fleet); the first start takes a minute...",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with harness.running(
        fleet=args.fleet, config_dir=args.config_dir, ha_port=args.port, host="0.0.0.0"
    ) as run:
        urls = [run.ha_url] + ([f"http://{lan}:{args.port}"] if (lan := lan_address()) else [])
        print(
            "\nThinQ Voice demo is ready.\n"
            f"  Home Assistant: {'  or  '.join(urls)}\n"
            f"  Login:          {harness.DEMO_USER} / {harness.DEMO_PASSWORD}\n"
            f"  Simulator:      {run.simulator_url}/admin/devices\n"
            "  Talk to it:     open Assist (top right of the Overview) and choose 'ThinQ Voice', then say\n"
            "                  '거실 에어컨 23도로 맞춰줘' or 'start the washer'.\n"
            "Press Ctrl-C to stop.",
            flush=True,
        )
        with contextlib.suppress(asyncio.CancelledError):
            await stop.wait()
    print("Stopped.")


if __name__ == "__main__":
    asyncio.run(main())
