"""`python -m simulator`: serve the simulator until Ctrl-C (flags in simulator/README.md)."""

import argparse
import asyncio
from collections.abc import Sequence
import contextlib
import logging
from pathlib import Path
import signal
import sys

from .errors import DEFAULT_TOKEN
from .faults import RateLimit
from .server import Simulator
from .tv import PAIRING_MODES

DEFAULT_PORT = 8990
# A real webOS TV's SSAP ports.
DEFAULT_TV_PORT = 3000

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def _rate_limit(text: str) -> RateLimit:
    try:
        return RateLimit.parse(text)
    except ValueError as err:
        raise argparse.ArgumentTypeError(str(err)) from None


def _fail_rate(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return value


def _non_negative(text: str) -> float:
    value = float(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be >= 0")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (see simulator/README.md)."""
    parser = argparse.ArgumentParser(prog="python -m simulator", description="LG ThinQ Connect API simulator")
    parser.add_argument("--fleet", choices=("ko", "en"), default="ko", help="default home and alias language")
    parser.add_argument("--fleet-file", help="JSON or YAML fleet file (overrides --fleet's devices)")
    parser.add_argument("--devices", type=int, help="generate N devices cycling through the types")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help="0 picks a free port")
    parser.add_argument("--speed", type=float, default=1.0, help="virtual seconds per real second")
    parser.add_argument(
        "--token", action="append", help=f"accepted access token, repeatable (default {DEFAULT_TOKEN})"
    )
    parser.add_argument("--latency-ms", type=int, default=0, help="added latency per API call")
    parser.add_argument(
        "--fail-rate", type=_fail_rate, default=0.0, help="share of API calls failing with 500/2000"
    )
    parser.add_argument("--rate-limit", type=_rate_limit, help="N/WINDOW_S[:1306|1314] calls per token")
    parser.add_argument(
        "--offline", action="append", default=[], metavar="ALIAS_OR_ID", help="device that is offline (1222)"
    )
    parser.add_argument("--malformed", action="store_true", help="answer API calls with truncated JSON")
    parser.add_argument(
        "--state-lag",
        type=_non_negative,
        default=0.0,
        metavar="SECONDS",
        help="state reads show a device as it was before its controls of the last SECONDS",
    )
    parser.add_argument("--verbose", action="store_true", help="log every request")
    parser.add_argument(
        "--tv", action="store_true", help="also simulate an LG webOS TV (SSAP over WebSocket)"
    )
    parser.add_argument(
        "--tv-port", type=int, default=DEFAULT_TV_PORT, help="the TV's ws:// port; 0 picks one"
    )
    parser.add_argument("--tv-tls-port", type=int, help="also serve wss:// (self-signed) on this port")
    parser.add_argument(
        "--tv-pairing", choices=PAIRING_MODES, default="accept", help="how the TV answers a pairing prompt"
    )
    parser.add_argument(
        "--tv-keys-file",
        type=Path,
        metavar="PATH",
        help="the TV remembers its pairings in this file across restarts, as a real TV does",
    )
    parser.add_argument(
        "--push", action="store_true", help="carry LG's push over a real MQTT broker (Debian's mosquitto)"
    )
    parser.add_argument("--mqtt-malformed", action="store_true", help="push: a broken message before each")
    parser.add_argument("--mqtt-duplicated", action="store_true", help="push: every message twice")
    parser.add_argument("--mqtt-out-of-order", action="store_true", help="push: messages in swapped pairs")
    parser.add_argument(
        "--certificate-lifetime",
        type=_non_negative,
        metavar="SECONDS",
        help="push: lifetime of the client certificates the simulator signs (default a year)",
    )
    return parser


def make_simulator(args: argparse.Namespace) -> Simulator:
    """A simulator configured from parsed arguments (raises KeyError for an unknown --offline)."""
    sim = Simulator(
        fleet=args.fleet,
        tokens=args.token or (DEFAULT_TOKEN,),
        speed=args.speed,
        devices=args.devices,
        fleet_file=args.fleet_file,
        tv=args.tv,
        tv_pairing=args.tv_pairing,
        tv_port=args.tv_port,
        tv_tls_port=args.tv_tls_port,
        tv_keys_file=args.tv_keys_file,
        push=args.push,
    )
    sim.faults.latency_ms = args.latency_ms
    sim.faults.fail_rate = args.fail_rate
    sim.faults.rate_limit = args.rate_limit
    sim.faults.malformed = args.malformed
    sim.faults.state_lag_s = args.state_lag
    for name in args.offline:
        sim.find(name).online = False
    if sim.push is not None:
        sim.push.faults.malformed = args.mqtt_malformed
        sim.push.faults.duplicated = args.mqtt_duplicated
        sim.push.faults.out_of_order = args.mqtt_out_of_order
        if args.certificate_lifetime:
            sim.push.faults.certificate_lifetime_s = args.certificate_lifetime
    return sim


async def serve(args: argparse.Namespace, stop: asyncio.Event | None = None) -> None:
    """Run until `stop` is set (or forever, until Ctrl-C cancels it)."""
    sim = make_simulator(args)
    base_url = await sim.start(args.host, args.port)
    print(f"ThinQ Connect simulator: {base_url}", flush=True)
    print(f"Access token: {min(sim.tokens)}", flush=True)
    print(
        f"Fleet {sim.fleet}: {len(sim.device_ids)} devices; admin API at {base_url}/admin/devices", flush=True
    )
    if sim.mqtt_server:
        print(f"MQTT push: {sim.mqtt_server} (mosquitto, client certificates)", flush=True)
    if sim.tv is not None:
        print(f"webOS TV: {sim.tv_host} ({sim.tv_url}); admin view at {base_url}/admin/tv", flush=True)
    stop = stop or asyncio.Event()
    # SIGTERM (how scripts stop it) and SIGINT (Ctrl-C) end it alike, and the broker it started goes
    # with it. SIGINT is handled here, not left to Python: a program started in the background by a
    # non-interactive shell inherits SIGINT ignored, and would not stop on it otherwise.
    loop = asyncio.get_running_loop()
    for signum in STOP_SIGNALS:
        loop.add_signal_handler(signum, stop.set)
    try:
        await stop.wait()
    finally:
        for signum in STOP_SIGNALS:
            loop.remove_signal_handler(signum)
        await sim.stop()


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of `python -m simulator`."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING, format="%(asctime)s %(name)s %(message)s"
    )
    with contextlib.suppress(KeyboardInterrupt):  # Ctrl-C before serving started
        asyncio.run(serve(args))
    print("stopped", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
