"""Boots a real Home Assistant with ThinQ Voice and the simulator, for scripts/demo and scripts/e2e.

ThinQ Voice is installed the way HACS installs it: the `custom_components/thinq_voice` folder
is copied into a fresh config dir. The owner is onboarded and the config entry is created
over HA's REST API, through the same flow a user clicks through.
"""

import asyncio
from collections.abc import AsyncIterator
import contextlib
from dataclasses import dataclass
import os
from pathlib import Path
import shutil
import signal
import socket
import sys
from typing import Any

import aiohttp

REPO = Path(__file__).resolve().parent.parent
DEMO_USER = "demo"
DEMO_PASSWORD = "thinq-voice-demo"
SIMULATOR_TOKEN = "thinqpat_thinq_voice_demo"
FLEET_SETTINGS = {
    "ko": {"language": "ko", "country": "KR", "time_zone": "Asia/Seoul"},
    "en": {"language": "en", "country": "US", "time_zone": "America/New_York"},
}


def free_port() -> int:
    """Return a TCP port free on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass
class Harness:
    """A running simulator and Home Assistant, with an onboarded owner."""

    config_dir: Path
    ha_url: str
    simulator_url: str
    tv_host: str
    token: str
    simulator: asyncio.subprocess.Process
    hass: asyncio.subprocess.Process
    session: aiohttp.ClientSession
    fleet: str
    ha_output: Any

    async def restart_hass(self) -> None:
        """Stop Home Assistant the way a user does (SIGTERM), start it on the same config dir."""
        await stop(self.hass)
        self.hass = await start_hass(self.config_dir, self.ha_output)
        await wait_for_http(self.session, f"{self.ha_url}/manifest.json", self.hass, "Home Assistant", 300)

    @property
    def headers(self) -> dict[str, str]:
        """Return the owner's authorization header."""
        return {"Authorization": f"Bearer {self.token}"}

    async def api(self, method: str, path: str, payload: Any = None) -> Any:
        """Call HA's REST API as the owner and return the JSON answer."""
        async with self.session.request(
            method, f"{self.ha_url}{path}", json=payload, headers=self.headers
        ) as response:
            body = await response.json(content_type=None)
            if response.status >= 400:
                raise RuntimeError(f"{method} {path} answered {response.status}: {body}")
            return body


def write_config(config_dir: Path, fleet: str, port: int, host: str) -> None:
    """Create a fresh config dir with ThinQ Voice copied in, as HACS would."""
    if config_dir.exists():
        shutil.rmtree(config_dir)
    (config_dir / "custom_components").mkdir(parents=True)
    shutil.copytree(
        REPO / "custom_components" / "thinq_voice",
        config_dir / "custom_components" / "thinq_voice",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    settings = FLEET_SETTINGS[fleet]
    base = (REPO / "scripts" / "demo_configuration.yaml").read_text()
    (config_dir / "configuration.yaml").write_text(
        "homeassistant:\n"
        "  name: ThinQ Voice\n"
        f"  language: {settings['language']}\n"
        f"  country: {settings['country']}\n"
        f"  time_zone: {settings['time_zone']}\n"
        "  unit_system: metric\n"
        "  latitude: 37.5665\n  longitude: 126.978\n  elevation: 38\n"
        "http:\n"
        f"  server_host: {host}\n"
        f"  server_port: {port}\n"
        f"{base}"
    )


async def wait_for_http(
    session: aiohttp.ClientSession, url: str, process: asyncio.subprocess.Process, what: str, timeout: float
) -> None:
    """Wait until a URL answers, failing early if the process died."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while loop.time() < deadline:
        if process.returncode is not None:
            raise RuntimeError(f"{what} exited with {process.returncode} before it answered")
        with contextlib.suppress(aiohttp.ClientError, OSError):
            async with session.get(url) as response:
                if response.status < 500:
                    return
        await asyncio.sleep(0.5)
    raise RuntimeError(f"{what} did not answer at {url} within {timeout:.0f} s")


async def onboard(session: aiohttp.ClientSession, ha_url: str, language: str) -> str:
    """Create the owner through HA's onboarding API and return an access token."""
    client_id = f"{ha_url}/"
    async with session.post(
        f"{ha_url}/api/onboarding/users",
        json={
            "client_id": client_id,
            "name": "ThinQ Voice Demo",
            "username": DEMO_USER,
            "password": DEMO_PASSWORD,
            "language": language,
        },
    ) as response:
        response.raise_for_status()
        auth_code = (await response.json())["auth_code"]
    async with session.post(
        f"{ha_url}/auth/token",
        data={"grant_type": "authorization_code", "code": auth_code, "client_id": client_id},
    ) as response:
        response.raise_for_status()
        token: str = (await response.json())["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    for step, payload in (
        ("core_config", {}),
        ("analytics", {}),
        ("integration", {"client_id": client_id, "redirect_uri": f"{ha_url}/?auth_callback=1"}),
    ):
        async with session.post(f"{ha_url}/api/onboarding/{step}", json=payload, headers=headers) as response:
            response.raise_for_status()
    return token


async def create_entry(harness: Harness, country: str) -> dict[str, Any]:
    """Run ThinQ Voice's config flow over the REST API, pointing it at the simulator."""
    form = await harness.api(
        "POST", "/api/config/config_entries/flow", {"handler": "thinq_voice", "show_advanced_options": True}
    )
    if form.get("type") != "menu":
        raise RuntimeError(f"the config flow did not show its menu: {form}")
    menu = form
    form = await harness.api(
        "POST", f"/api/config/config_entries/flow/{menu['flow_id']}", {"next_step_id": "cloud"}
    )
    if form.get("step_id") != "cloud":
        raise RuntimeError(f"the config flow did not show the account form: {form}")
    result: dict[str, Any] = await harness.api(
        "POST",
        f"/api/config/config_entries/flow/{form['flow_id']}",
        {
            "access_token": SIMULATOR_TOKEN,
            "country": country,
            "advanced": {"base_url": harness.simulator_url},
        },
    )
    if result.get("type") != "create_entry":
        raise RuntimeError(f"the config flow did not create an entry: {result}")
    return result


async def create_tv_entry(harness: Harness) -> dict[str, Any]:
    """Add the simulated TV through the TV config flow over REST: menu, host, then pairing."""
    menu = await harness.api("POST", "/api/config/config_entries/flow", {"handler": "thinq_voice"})
    flow = f"/api/config/config_entries/flow/{menu['flow_id']}"
    form = await harness.api("POST", flow, {"next_step_id": "tv"})
    if form.get("step_id") != "tv":
        raise RuntimeError(f"the config flow did not show the TV form: {form}")
    name = "거실 TV" if harness.fleet == "ko" else "Living Room TV"
    pairing = await harness.api("POST", flow, {"host": harness.tv_host, "name": name})
    if pairing.get("step_id") != "pairing":
        raise RuntimeError(f"the config flow did not ask for pairing: {pairing}")
    # The simulated TV accepts its pairing prompt by itself.
    result: dict[str, Any] = await harness.api("POST", flow, {})
    if result.get("type") != "create_entry":
        raise RuntimeError(f"the TV config flow did not create an entry: {result}")
    return result


@contextlib.asynccontextmanager
async def running(
    *,
    fleet: str,
    config_dir: Path,
    ha_port: int,
    host: str = "127.0.0.1",
    simulator_port: int | None = None,
    speed: float = 1.0,
    log_file: Path | None = None,
) -> AsyncIterator[Harness]:
    """Start the simulator and a fresh Home Assistant; onboard the owner and add ThinQ Voice."""
    write_config(config_dir, fleet, ha_port, host)
    simulator_port = simulator_port or free_port()
    tv_port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    sim_log = (config_dir / "simulator.log").open("ab")
    simulator = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "simulator",
        "--fleet",
        fleet,
        "--port",
        str(simulator_port),
        "--speed",
        str(speed),
        "--tv",
        "--tv-port",
        str(tv_port),
        cwd=REPO,
        env=env,
        # Its stdout is only the banner telling a CLI user which token to paste: the harness
        # already knows it, and the log keeps no token.
        stdout=asyncio.subprocess.DEVNULL,
        stderr=sim_log,
        start_new_session=True,
    )
    ha_output = (log_file or config_dir / "hass.out").open("ab")
    hass = await start_hass(config_dir, ha_output)
    ha_url = f"http://127.0.0.1:{ha_port}"
    simulator_url = f"http://127.0.0.1:{simulator_port}"
    session = aiohttp.ClientSession()
    harness: Harness | None = None
    try:
        await wait_for_http(session, f"{simulator_url}/admin/devices", simulator, "the simulator", 30)
        await wait_for_http(session, f"{ha_url}/manifest.json", hass, "Home Assistant", 300)
        settings = FLEET_SETTINGS[fleet]
        token = await onboard(session, ha_url, settings["language"])
        harness = Harness(
            config_dir,
            ha_url,
            simulator_url,
            f"127.0.0.1:{tv_port}",
            token,
            simulator,
            hass,
            session,
            fleet,
            ha_output,
        )
        await create_entry(harness, settings["country"])
        await create_tv_entry(harness)
        yield harness
    finally:
        await session.close()
        await asyncio.gather(stop(harness.hass if harness else hass), stop(simulator))
        sim_log.close()
        ha_output.close()


async def start_hass(config_dir: Path, output: Any) -> asyncio.subprocess.Process:
    """Start Home Assistant on a config dir, its output going to `output`."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "homeassistant",
        "--config",
        str(config_dir),
        cwd=config_dir,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        stdout=output,
        stderr=output,
        start_new_session=True,
    )


async def stop(process: asyncio.subprocess.Process) -> None:
    """Stop a process with SIGTERM, killing it if it has not ended within a minute."""
    if process.returncode is None:
        process.send_signal(signal.SIGTERM)
    try:
        await asyncio.wait_for(process.wait(), 60)
    except TimeoutError:
        process.kill()
        await process.wait()
