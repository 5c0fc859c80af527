"""`python -m simulator`: argument parsing, configuration and serving."""

import asyncio
import os
from pathlib import Path
import signal
import sys

import aiohttp
import pytest

from simulator import DEFAULT_TOKEN, RateLimit
from simulator.__main__ import build_parser, main, make_simulator, serve

REPO = Path(__file__).parents[2]


def test_defaults() -> None:
    args = build_parser().parse_args([])
    assert (args.fleet, args.port, args.host, args.speed) == ("ko", 8990, "127.0.0.1", 1.0)
    sim = make_simulator(args)
    assert sim.tokens == {DEFAULT_TOKEN}
    assert len(sim.device_ids) == 12


def test_all_flags() -> None:
    args = build_parser().parse_args(
        [
            "--fleet", "en", "--devices", "24", "--port", "0", "--speed", "600", "--token", "t1", "--token", "t2",
            "--latency-ms", "20", "--fail-rate", "0.1", "--rate-limit", "100/3600:1314",
            "--offline", "Washer 1", "--offline", "Dryer 2", "--malformed", "--state-lag", "4.5",
        ]
    )  # fmt: skip
    sim = make_simulator(args)
    assert sim.tokens == {"t1", "t2"}
    assert len(sim.device_ids) == 24
    assert sim.clock.speed == 600
    assert (sim.faults.latency_ms, sim.faults.fail_rate, sim.faults.malformed) == (20, 0.1, True)
    assert sim.faults.rate_limit == RateLimit(100, 3600.0, "1314")
    assert sim.faults.state_lag_s == 4.5
    assert [sim.device(i).alias for i in sim.device_ids if not sim.device(i).online] == [
        "Washer 1",
        "Dryer 2",
    ]


@pytest.mark.parametrize(
    "argv",
    [
        ["--fail-rate", "2"],
        ["--rate-limit", "many"],
        ["--fleet", "fr"],
        ["--devices", "x"],
        ["--state-lag", "-1"],
    ],
)
def test_bad_flags(argv: list[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(argv)


def test_unknown_offline_device() -> None:
    with pytest.raises(KeyError):
        make_simulator(build_parser().parse_args(["--offline", "Toaster"]))


async def test_serve_until_stopped(capsys: pytest.CaptureFixture[str]) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(serve(build_parser().parse_args(["--port", "0", "--fleet", "en"]), stop))
    for _ in range(100):
        await asyncio.sleep(0.02)
        if "Access token" in capsys.readouterr().out or task.done():
            break
    stop.set()
    await task


def test_main_handles_ctrl_c(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def interrupted(coroutine: object) -> None:
        coroutine.close()  # type: ignore[attr-defined]
        raise KeyboardInterrupt

    monkeypatch.setattr(asyncio, "run", interrupted)
    assert main(["--port", "0", "--verbose"]) == 0
    assert "stopped" in capsys.readouterr().out


async def test_python_dash_m_prints_url_and_token() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "simulator",
        "--port",
        "0",
        "--fleet",
        "en",
        cwd=REPO,
        stdout=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        # As a shell script's background job starts it: SIGINT ignored, yet Ctrl-C's signal stops it.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_IGN),
    )
    try:
        assert process.stdout is not None
        async with asyncio.timeout(30):
            first = (await process.stdout.readline()).decode()
            second = (await process.stdout.readline()).decode()
        assert first.startswith("ThinQ Connect simulator: http://127.0.0.1:")
        assert second.strip() == f"Access token: {DEFAULT_TOKEN}"
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"{first.split(': ')[1].strip()}/admin/devices") as resp,
        ):
            assert len(await resp.json()) == 12
    finally:
        process.send_signal(signal.SIGINT)
        # Generous: with the suite's HA tests on both cores, the child's clean-up waits its turn.
        async with asyncio.timeout(60):
            assert await process.wait() == 0
            assert "stopped" in (await process.stdout.read()).decode()
