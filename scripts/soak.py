"""Soak check of the demo (run by scripts/soak): does its Home Assistant live past the first minutes?

Starts the demo as scripts/demo does (loopback, real time, ko fleet) in a fresh config dir on a free
port, waits (default 6 minutes: past HA's 5-minute trial of a pending HTTP config), then checks that
Home Assistant is the same process, answers its API and a Korean command, runs on its stable HTTP
config, raises no repair of ours and logged no ThinQ Voice warning. Prints its figures.
"""

import argparse
import asyncio
from pathlib import Path
import sys
import tempfile
import time

import harness

# HA's notice about any custom integration, not a warning about ThinQ Voice's behaviour.
CUSTOM_INTEGRATION_NOTICE = "We found a custom integration"
FAILURES: list[str] = []


def check(condition: bool, what: str) -> None:
    """Print a check's outcome; remember failures."""
    print(f"  {'ok  ' if condition else 'FAIL'}  {what}", flush=True)
    if not condition:
        FAILURES.append(what)


def rss_mib(pid: int) -> float:
    """Return a process's resident memory in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def watch(run: harness.Harness, seconds: float, pid: int) -> None:
    """Wait, saying every minute whether Home Assistant is still the same process."""
    started = time.monotonic()
    while (elapsed := time.monotonic() - started) < seconds:
        await asyncio.sleep(min(60, seconds - elapsed))
        alive = run.hass.pid == pid and run.hass.returncode is None
        print(
            f"  {time.monotonic() - started:5.0f} s: Home Assistant pid {run.hass.pid}"
            f" ({'same process' if alive else 'NOT the process it started as'}),"
            f" RSS {rss_mib(run.hass.pid) if alive else 0:.0f} MiB",
            flush=True,
        )


async def command_reaches_the_ac(run: harness.Harness) -> tuple[str, float]:
    """Say a Korean command; return the answer and its round trip in seconds."""
    started = time.perf_counter()
    result = await run.api(
        "POST",
        "/api/conversation/process",
        {"text": "거실 에어컨 25도로 맞춰줘", "language": "ko", "agent_id": "conversation.thinq_voice"},
    )
    elapsed = time.perf_counter() - started
    return str(result["response"]["speech"]["plain"]["speech"]), elapsed


async def final_checks(run: harness.Harness, pid: int, config_dir: Path) -> None:
    """Check the demo after the wait."""
    check(run.hass.pid == pid and run.restarts == 0, f"Home Assistant is the same process (pid {pid})")
    api = await run.api("GET", "/api/")
    check(api.get("message") == "API running.", "Home Assistant's API answers")
    http = await run.ws({"type": "http/config"})
    check(
        http["active_config_type"] == "stable" and http["pending"] is None and http["revert_at"] is None,
        "HA runs on its stable HTTP config, nothing pending, no revert scheduled",
    )
    issues = (await run.ws({"type": "repairs/list_issues"}))["issues"]
    ours = [
        issue["issue_id"]
        for issue in issues
        if {issue["domain"], issue["issue_domain"]} & {"http", "thinq_voice"}
    ]
    check(not ours, f"no HTTP or ThinQ Voice repair (others: {sorted(i['issue_id'] for i in issues)})")
    speech, elapsed = await command_reaches_the_ac(run)
    async with run.session.get(f"{run.simulator_url}/admin/devices/거실 에어컨") as response:
        ac = await response.json()
    check(
        ac.get("state", ac)["temperature"]["targetTemperature"] == 25,
        f"a Korean command reached the AC in {elapsed:.2f} s: {speech}",
    )
    log = (config_dir / "home-assistant.log").read_text(errors="replace").splitlines()
    warnings = [line for line in log if " WARNING " in line or " ERROR " in line]
    thinq_voice = [
        line for line in warnings if "thinq_voice" in line and CUSTOM_INTEGRATION_NOTICE not in line
    ]
    check(not thinq_voice, "the log holds no ThinQ Voice warning or error:\n" + "\n".join(thinq_voice))
    check(not any("Pending HTTP config" in line for line in log), "HA did not revert an HTTP config")
    print(
        f"  ({len(warnings)} warning or error lines from other parts of HA, none ThinQ Voice's)", flush=True
    )


async def main() -> int:
    """Run the soak; return the exit code."""
    parser = argparse.ArgumentParser(description="ThinQ Voice demo soak check")
    parser.add_argument("--minutes", type=float, default=6.0, help="how long the demo runs before the checks")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="thinq-voice-soak-") as tmp:
        config_dir = Path(tmp) / "config"
        async with harness.running(fleet="ko", config_dir=config_dir, ha_port=harness.free_port()) as run:
            pid = run.hass.pid
            print(
                f"soak: the demo is up after {time.monotonic() - started:.0f} s (pid {pid},"
                f" RSS {rss_mib(pid):.0f} MiB); waiting {args.minutes:g} minutes",
                flush=True,
            )
            await watch(run, args.minutes * 60, pid)
            await final_checks(run, pid, config_dir)
            rss = rss_mib(run.hass.pid) if run.hass.returncode is None else 0
    total = time.monotonic() - started
    print(
        f"soak: {'FAILED' if FAILURES else 'passed'} after {total / 60:.1f} minutes,"
        f" Home Assistant RSS at the end {rss:.0f} MiB",
        flush=True,
    )
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
