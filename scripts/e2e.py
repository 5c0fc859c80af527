"""End-to-end check on a real Home Assistant 2026.11 process (run by scripts/e2e).

Boots HA from a fresh config dir with the simulator, onboards the owner over REST, runs the
config flow over REST, and checks that the entry loads and appliances have states.
"""

import asyncio
import json
from pathlib import Path
import sys
import tempfile
import time

import harness

CHECKS: list[str] = []


def check(condition: bool, what: str) -> None:
    """Record a passed check or stop with the failure."""
    if not condition:
        raise AssertionError(what)
    CHECKS.append(what)
    print(f"  ok  {what}", flush=True)


async def wait_for(predicate, what: str, timeout: float = 60):  # type: ignore[no-untyped-def]
    """Poll an async predicate until it returns a truthy value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := await predicate():
            return result
        await asyncio.sleep(0.5)
    raise AssertionError(f"timed out waiting for {what}")


async def converse(run: harness.Harness, text: str) -> str:
    """Say a Korean sentence to the ThinQ Voice agent over REST; return the answer."""
    result = await run.api(
        "POST",
        "/api/conversation/process",
        {"text": text, "language": "ko", "agent_id": "conversation.thinq_voice"},
    )
    return str(result["response"]["speech"]["plain"]["speech"])


async def robot_starts(run: harness.Harness) -> int:
    """Return how many start commands the simulated robot cleaner has received."""
    async with run.session.get(f"{run.simulator_url}/admin/control-log") as response:
        log = await response.json()
    return sum(
        1
        for entry in log
        if entry.get("code") is None
        and entry.get("body", {}).get("operation", {}).get("cleanOperationMode") == "START"
    )


async def check_schedule_survives_restart(run: harness.Harness) -> None:
    """A start set by voice for a minute later survives a restart of Home Assistant and fires."""
    speech = await converse(run, "1분 뒤에 로봇청소기 돌려줘")
    check(speech.endswith("로봇청소기 시작을 예약했어요."), f"a start for later is scheduled: {speech}")
    check(await robot_starts(run) == 0, "nothing was started now")
    started = time.monotonic()
    pid = run.hass.pid
    await run.restart_hass()
    check(
        run.restarts == 1 and run.hass.pid != pid,
        "Home Assistant restarted itself (homeassistant.restart); the harness started it again",
    )

    async def loaded() -> bool:
        entries = await run.api("GET", "/api/config/config_entries/entry?domain=thinq_voice")
        return all(entry["state"] == "loaded" for entry in entries)

    await wait_for(loaded, "the entries to load again after the restart")
    print(f"Home Assistant restarted in {time.monotonic() - started:.1f} s", flush=True)
    speech = await converse(run, "예약된 거 뭐 있어?")
    check("로봇청소기 시작" in speech, f"the scheduled start is listed after the restart: {speech}")

    async def fired() -> bool:
        return await robot_starts(run) == 1

    await wait_for(fired, "the scheduled start to reach the simulator", timeout=120)
    check(
        await robot_starts(run) == 1,
        "the scheduled start fired against the simulator, once, after the restart",
    )


async def check_automation_editor(run: harness.Harness) -> None:
    """The automation editor offers ThinQ Voice's device triggers, conditions, actions and blueprints."""
    devices = await run.ws({"type": "config/device_registry/list"})
    washer = next(device for device in devices if device["name"] == "세탁기")
    for kind in ("trigger", "condition", "action"):
        offered = await run.ws({"type": f"device_automation/{kind}/list", "device_id": washer["id"]})
        ours = {item["type"] for item in offered if item.get("domain") == "thinq_voice"}
        check(bool(ours), f"the automation editor offers the washer's {kind}s: {', '.join(sorted(ours))}")
    blueprints = await run.ws({"type": "blueprint/list", "domain": "automation"})
    shipped = sorted(path for path in blueprints if path.startswith("thinq_voice/"))
    check(len(shipped) == 3, f"the shipped blueprints are offered: {', '.join(shipped)}")


def print_log(config_dir: Path) -> None:
    """Print what Home Assistant logged about ThinQ Voice, to tell why a check failed."""
    for name in ("home-assistant.log.1", "home-assistant.log"):
        path = config_dir / name
        if path.exists():
            print(f"--- {name} (thinq_voice lines)")
            for line in path.read_text(errors="replace").splitlines():
                if "thinq_voice" in line:
                    print(line[:4000])


async def check_energy(run: harness.Harness) -> None:
    """Energy sensors exist from setup with values, and LG's readings are long-term statistics."""

    async def energy_sensors() -> list[dict[str, object]]:
        states = await run.api("GET", "/api/states")
        return [state for state in states if str(state["entity_id"]).endswith("_energy_today")]

    sensors = await wait_for(energy_sensors, "energy sensors")
    with_values = [state for state in sensors if state["state"] not in ("unavailable", "unknown")]
    check(
        bool(with_values), f"{len(sensors)} appliances have energy sensors, {len(with_values)} with a value"
    )

    async def energy_statistics() -> list[str]:
        found = await run.ws({"type": "recorder/list_statistic_ids", "statistic_type": "sum"})
        return [
            item["statistic_id"] for item in found if item["statistic_id"].startswith("thinq_voice:energy_")
        ]

    # The recorder writes imported statistics on its next commit.
    ours = await wait_for(energy_statistics, "energy statistics", timeout=30)
    check(bool(ours), f"{len(ours)} appliances have an energy statistic for the Energy dashboard")
    rows = await run.ws(
        {
            "type": "recorder/statistics_during_period",
            "start_time": "2000-01-01T00:00:00Z",
            "statistic_ids": ours[:1],
            "period": "day",
            "types": ["change", "sum"],
        }
    )
    days = rows.get(ours[0], [])
    check(
        len(days) >= 28 and all(day["change"] >= 0 for day in days), f"{ours[0]} has {len(days)} days of use"
    )


async def main() -> int:
    """Run the checks; return the process exit code."""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="thinq-voice-e2e-") as tmp:
        config_dir = Path(tmp) / "config"
        # With push, as users run it: the restart check below sets every appliance up again from
        # what the first start kept (profiles, states, LG's push session), within the same hour.
        async with harness.running(
            fleet="ko", config_dir=config_dir, ha_port=harness.free_port(), speed=60, push=True
        ) as run:
            print(f"Home Assistant up at {run.ha_url} after {time.monotonic() - started:.1f} s", flush=True)
            entries = await run.api("GET", "/api/config/config_entries/entry?domain=thinq_voice")
            check(
                len(entries) == 2 and all(entry["state"] == "loaded" for entry in entries),
                "the ThinQ Voice account and TV entries are loaded",
            )
            tv_state = await run.api("GET", "/api/states/media_player.geosil_tv")
            check(tv_state["state"] == "on", "the simulated TV is on, reached over SSAP")

            async def appliance_states() -> list[dict[str, object]]:
                states = await run.api("GET", "/api/states")
                return [
                    state
                    for state in states
                    if state["entity_id"].startswith(("sensor.", "climate.", "select."))
                    and state["state"] not in ("unavailable", "unknown")
                    and "thinq" not in state["entity_id"]
                ]

            states = await wait_for(appliance_states, "appliance entities with a state")
            check(bool(states), f"{len(states)} appliance entities have a state")
            await check_energy(run)
            await check_automation_editor(run)
            result = await run.api(
                "POST",
                "/api/conversation/process",
                {
                    "text": "지니야, 거실 에어컨 23도로 맞춰줘",
                    "language": "ko",
                    "agent_id": "conversation.thinq_voice",
                },
            )
            speech = result["response"]["speech"]["plain"]["speech"]
            check(speech.endswith("23도로 맞췄어요."), f"the agent answered in Korean: {speech}")
            async with run.session.get(f"{run.simulator_url}/admin/devices/거실 에어컨") as response:
                ac = await response.json()
            state = ac.get("state", ac)
            check(state["temperature"]["targetTemperature"] == 23, "the simulated AC received 23 degrees")
            result = await run.api(
                "POST",
                "/api/services/conversation/process?return_response",
                {"text": "start the washer", "language": "en", "agent_id": "conversation.thinq_voice"},
            )
            speech = result["service_response"]["response"]["speech"]["plain"]["speech"]
            check(speech == "Started the 세탁기.", f"the conversation.process action answered: {speech}")
            result = await run.api(
                "POST",
                "/api/conversation/process",
                {
                    "text": "거실 TV 볼륨 20으로 해줘",
                    "language": "ko",
                    "agent_id": "conversation.thinq_voice",
                },
            )
            speech = result["response"]["speech"]["plain"]["speech"]
            async with run.session.get(f"{run.simulator_url}/admin/tv") as response:
                tv = await response.json()
            check(tv["state"]["volume"] == 20, f"the simulated TV's volume is 20 after: {speech}")
            try:
                await check_schedule_survives_restart(run)
            except AssertionError:
                print_log(config_dir)
                raise
            log = (config_dir / "home-assistant.log").read_text(errors="replace")
            entries_file = json.loads((config_dir / ".storage" / "core.config_entries").read_text())
            client_id = next(
                entry["data"]["client_id"]
                for entry in entries_file["data"]["entries"]
                if entry["domain"] == "thinq_voice"
            )
            check(client_id not in log, "the HA log does not contain the client id")
            ours = [
                line
                for line in log.splitlines()
                if "thinq_voice" in line and (" ERROR " in line or " WARNING " in line)
            ]
            ours = [line for line in ours if "We found a custom integration" not in line]
            check(not ours, "the HA log has no error or warning from thinq_voice:\n" + "\n".join(ours))
            check(harness.SIMULATOR_TOKEN not in log, "the HA log does not contain the token")
            tv_key = next(
                entry["data"]["client_key"]
                for entry in entries_file["data"]["entries"]
                if entry["domain"] == "thinq_voice" and "client_key" in entry["data"]
            )
            check(tv_key not in log, "the HA log does not contain the TV's client key")
    print(f"e2e: {len(CHECKS)} passed, 0 failed in {time.monotonic() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
