"""Run the demo: a real Home Assistant with ThinQ Voice and the simulator (see scripts/demo)."""

import argparse
import asyncio
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


def parse_arguments() -> argparse.Namespace:
    """Read the command line."""
    parser = argparse.ArgumentParser(description="ThinQ Voice demo")
    parser.add_argument(
        "--fleet",
        choices=sorted(harness.FLEET_SETTINGS),
        help="the simulated household (default: the config dir's, or ko for a new one)",
    )
    parser.add_argument("--port", type=int, default=8123)
    parser.add_argument(
        "--lan", action="store_true", help="listen on every interface, not only on this machine (loopback)"
    )
    parser.add_argument(
        "--fresh", action="store_true", help="start over: a new config dir, owner, password and entries"
    )
    parser.add_argument(
        "--config-dir", type=Path, default=Path.home() / ".cache" / "thinq-voice" / "demo-config"
    )
    return parser.parse_args()


async def main() -> int:
    """Start everything, print how to log in, run until interrupted or Home Assistant stops."""
    args = parse_arguments()
    reuse = not args.fresh and harness.is_onboarded(args.config_dir)
    print(
        f"Starting Home Assistant and the simulator in {args.config_dir}"
        f" ({'as it was left' if reuse else 'new'}); the first start takes a minute...",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    async with harness.running(
        fleet=args.fleet, config_dir=args.config_dir, ha_port=args.port, lan=args.lan, fresh=args.fresh
    ) as run:
        urls = [run.ha_url]
        if args.lan and (lan := lan_address()):
            urls.append(f"http://{lan}:{args.port}")
        print(
            f"\nThinQ Voice demo is ready ({run.fleet} fleet).\n"
            f"  Home Assistant: {'  or  '.join(urls)}"
            f"{'' if args.lan else '  (this machine only; --lan opens it to your network)'}\n"
            f"  Login:          {harness.DEMO_USER} / {run.password}"
            f"  (kept in {args.config_dir / harness.PASSWORD_FILE})\n"
            f"  Simulator:      {run.simulator_url}/admin/devices\n"
            "  Talk to it:     open Assist (top right of the Overview) and choose 'ThinQ Voice', then say\n"
            "                  '거실 에어컨 23도로 맞춰줘' or 'start the washer'.\n"
            "Restarting Home Assistant keeps the demo running. Press Ctrl-C to stop; run it again to continue\n"
            "where you left off (--fresh starts over).",
            flush=True,
        )
        assert run.watcher is not None
        stopped = asyncio.create_task(stop.wait())
        await asyncio.wait((stopped, run.watcher), return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        if run.watcher.done():
            code = run.watcher.result()
            print(f"Home Assistant stopped (exit code {code}); see {args.config_dir / 'home-assistant.log'}.")
            return 0 if code == 0 else 1
    print("Stopped.")
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
