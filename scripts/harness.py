"""Boots a real Home Assistant with ThinQ Voice and the simulator, for scripts/demo, e2e and soak.

ThinQ Voice is installed the way HACS installs it: the `custom_components/thinq_voice` folder is
copied into the config dir (again at every start, so the checkout's code runs). In a new config
dir the owner is onboarded and the entries are created over HA's REST API, through the flows a user
clicks through; a config dir the harness made before is reused: the owner logs in with the
password generated for it, and the entries, history and scheduled actions stay.

Home Assistant 2026.11 keeps its HTTP settings in storage, not in configuration.yaml: the harness
writes them there before HA starts (see `write_http_config`). When HA restarts itself (from its UI
or an integration, exiting with RESTART_EXIT_CODE), the harness starts it again on the same dir.
"""

import asyncio
from collections.abc import AsyncIterator
import contextlib
from dataclasses import asdict, dataclass, field
import json
import os
from pathlib import Path
import secrets
import shutil
import signal
import socket
import sys
from typing import Any

import aiohttp
from homeassistant.components.http import config as http_config
from homeassistant.components.http.const import CONF_SERVER_HOST, CONF_SERVER_PORT
from homeassistant.const import RESTART_EXIT_CODE
from homeassistant.util import dt as dt_util

REPO = Path(__file__).resolve().parent.parent
DEMO_USER = "demo"
SIMULATOR_TOKEN = "thinqpat_thinq_voice_demo"
FLEET_SETTINGS = {
    "ko": {"language": "ko", "country": "KR", "time_zone": "Asia/Seoul"},
    "en": {"language": "en", "country": "US", "time_zone": "America/New_York"},
}
# Files the harness keeps in a config dir it made: the owner's password (owner-only), the fleet and
# the simulator's ports (the entries point at them), the simulated TV's pairings.
PASSWORD_FILE = "demo-owner-password"
STATE_FILE = "thinq-voice-demo.json"
TV_KEYS_FILE = "simulator-tv-keys.json"


def free_port() -> int:
    """Return a TCP port free on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def write_private(path: Path, text: str) -> None:
    """Write a file only its owner can read."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(text)


@dataclass
class DemoState:
    """What a config dir made by the harness needs to start again: its fleet and simulator ports."""

    fleet: str
    simulator_port: int
    tv_port: int

    @classmethod
    def load(cls, config_dir: Path) -> DemoState:
        """Read the state of a config dir the harness made."""
        return cls(**json.loads((config_dir / STATE_FILE).read_text()))

    def save(self, config_dir: Path) -> None:
        """Write the state into the config dir."""
        (config_dir / STATE_FILE).write_text(json.dumps(asdict(self)))


def is_onboarded(config_dir: Path) -> bool:
    """Return whether the harness made this config dir and onboarded its owner."""
    return all((config_dir / name).exists() for name in (STATE_FILE, PASSWORD_FILE, ".storage/onboarding"))


def create_config_dir(config_dir: Path, fleet: str) -> None:
    """Create a fresh config dir, removing one the harness (or an older demo) made before.

    A directory that is not the harness's own is left alone: the harness never wipes a user's files.
    """
    if config_dir.exists():
        ours = (config_dir / STATE_FILE).exists() or (
            config_dir / "custom_components" / "thinq_voice"
        ).exists()
        if any(config_dir.iterdir()) and not ours:
            raise SystemExit(
                f"{config_dir} is not a ThinQ Voice demo config dir: choose another --config-dir"
            )
        shutil.rmtree(config_dir)
    config_dir.mkdir(parents=True)
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
        f"{base}"
    )
    # What the automation and script editors save into (configuration.yaml includes them).
    (config_dir / "automations.yaml").write_text("[]\n")
    (config_dir / "scripts.yaml").write_text("{}\n")
    write_private(config_dir / PASSWORD_FILE, secrets.token_urlsafe(12))


def forget_request_budgets(config_dir: Path) -> None:
    """Forget the hour's requests and the push session ThinQ Voice kept: they were the previous simulator's.

    The stored budget mirrors what LG saw in the last hour; the simulator started for this run is a
    new process that has seen none, so keeping them would hold a demo started a few times within an
    hour back for the rest of that hour. (A restart of Home Assistant alone keeps them, as it should.)
    """
    for path in (config_dir / ".storage").glob("thinq_voice.request_budget.*"):
        path.unlink()
    # The push session too: its client registration and certificate were the previous simulator's.
    for path in (config_dir / ".storage").glob("thinq_voice.push.*"):
        path.unlink()


def install_integration(config_dir: Path) -> None:
    """Copy ThinQ Voice into the config dir as HACS does, replacing an older copy."""
    target = config_dir / "custom_components" / "thinq_voice"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        REPO / "custom_components" / "thinq_voice", target, ignore=shutil.ignore_patterns("__pycache__")
    )
    # The shipped blueprints, as a user imports them: offered in the automation editor.
    blueprints = config_dir / "blueprints" / "automation" / "thinq_voice"
    if blueprints.exists():
        shutil.rmtree(blueprints)
    shutil.copytree(REPO / "blueprints" / "automation" / "thinq_voice", blueprints)


def write_http_config(config_dir: Path, host: str | None, port: int) -> None:
    """Store HA's HTTP settings as its stable HTTP config, where HA 2026.11 reads them.

    HA 2026.11 migrates an `http:` block of configuration.yaml into storage as a *pending* config,
    raises a deprecated-YAML repair and, unless someone confirms the pending config within five
    minutes, reverts it and restarts. Written in HA's storage format before HA starts, the settings
    are the stable config: nothing pending, nothing to revert, no repair. HA's own schema fills the
    defaults. `host` None listens on every interface (HA's default); the demo owns these settings.
    """
    config = http_config.HTTP_STORAGE_SCHEMA(
        {CONF_SERVER_PORT: port} | ({CONF_SERVER_HOST: [host]} if host else {})
    )
    stored = {
        "version": http_config.STORAGE_VERSION,
        "minor_version": http_config.STORAGE_MINOR_VERSION,
        "key": http_config.STORAGE_KEY,
        "data": {
            http_config.KEY_STABLE: config
            | {
                http_config.HTTP_CONFIG_CREATED_AT: dt_util.utcnow().isoformat(),
                http_config.HTTP_CONFIG_ERROR: None,
                http_config.HTTP_CONFIG_ERROR_MESSAGE: None,
            },
            http_config.KEY_PENDING: None,
            http_config.KEY_YAML_MIGRATION_DONE: True,
        },
    }
    (config_dir / ".storage").mkdir(exist_ok=True)
    write_private(config_dir / ".storage" / http_config.STORAGE_KEY, json.dumps(stored, indent=2))


@dataclass
class Harness:
    """A running simulator and Home Assistant, with the owner logged in."""

    config_dir: Path
    ha_url: str
    simulator_url: str
    tv_host: str
    simulator: asyncio.subprocess.Process
    hass: asyncio.subprocess.Process
    session: aiohttp.ClientSession
    fleet: str
    ha_output: Any
    tokens: dict[str, str] = field(default_factory=dict)
    restarts: int = 0
    watcher: asyncio.Task[int] | None = None

    @property
    def password(self) -> str:
        """Return the owner's password, generated once for this config dir."""
        return (self.config_dir / PASSWORD_FILE).read_text()

    @property
    def headers(self) -> dict[str, str]:
        """Return the owner's authorization header."""
        return {"Authorization": f"Bearer {self.tokens['access_token']}"}

    def watch(self) -> None:
        """Start Home Assistant again whenever it restarts itself; `watcher` ends when HA stops."""
        self.watcher = asyncio.create_task(self._keep_running())

    async def _keep_running(self) -> int:
        while (code := await self.hass.wait()) == RESTART_EXIT_CODE:
            self.restarts += 1
            print("Home Assistant is restarting; starting it again on the same config dir.", flush=True)
            self.hass = await start_hass(self.config_dir, self.ha_output)
        return code

    async def restart_hass(self) -> None:
        """Restart Home Assistant as its UI does (the homeassistant.restart action); wait until it answers.

        A restart asked for while HA is still starting may hang, so the harness waits until HA has
        started; HA refuses to restart while its recorder migrates the database: it asks again.
        """
        await self.wait_until_started()
        before = self.hass
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 300
        while not await self._ask_restart():
            if loop.time() > deadline:
                raise RuntimeError("Home Assistant kept refusing to restart")
            await asyncio.sleep(2)
        while self.hass is before:
            if self.watcher is None or self.watcher.done() or loop.time() > deadline:
                raise RuntimeError("Home Assistant did not come back after its restart")
            await asyncio.sleep(0.2)
        await wait_for_http(self.session, f"{self.ha_url}/manifest.json", self.hass, "Home Assistant", 300)
        await self.wait_until_started()

    async def wait_until_started(self, timeout: float = 300) -> None:
        """Wait until Home Assistant has finished starting (it answers HTTP while still starting)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while (await self.api("GET", "/api/config"))["state"] != "RUNNING":
            if loop.time() > deadline:
                raise RuntimeError(f"Home Assistant did not finish starting within {timeout:.0f} s")
            await asyncio.sleep(0.5)

    async def _ask_restart(self) -> bool:
        """Call homeassistant.restart; return whether HA accepted it."""
        try:
            async with self.session.post(
                f"{self.ha_url}/api/services/homeassistant/restart", json={}, headers=self.headers
            ) as response:
                return response.status < 400
        except aiohttp.ClientError:
            return True  # HA closed the connection: it is stopping

    async def api(self, method: str, path: str, payload: Any = None) -> Any:
        """Call HA's REST API as the owner and return the JSON answer."""
        url = f"{self.ha_url}{path}"
        async with self.session.request(method, url, json=payload, headers=self.headers) as response:
            if response.status != 401:
                return await answer_of(response, method, path)
        # The access token lasts 30 minutes; a demo and a soak run longer.
        self.tokens |= await grant(self.session, self.ha_url, "refresh_token", self.tokens["refresh_token"])
        async with self.session.request(method, url, json=payload, headers=self.headers) as response:
            return await answer_of(response, method, path)

    async def ws(self, message: dict[str, Any]) -> Any:
        """Send one command over HA's WebSocket API as the owner and return its result."""
        await self.api("GET", "/api/")  # renews the access token if it expired
        async with self.session.ws_connect(f"{self.ha_url}/api/websocket") as socket_:
            await socket_.receive_json()
            await socket_.send_json({"type": "auth", "access_token": self.tokens["access_token"]})
            if (answer := await socket_.receive_json())["type"] != "auth_ok":
                raise RuntimeError(f"the WebSocket API refused the owner: {answer}")
            await socket_.send_json({"id": 1, **message})
            answer = await socket_.receive_json()
        if not answer["success"]:
            raise RuntimeError(f"{message['type']} failed: {answer['error']}")
        return answer["result"]

    async def check_http_config(self) -> None:
        """Fail unless HA runs on its stable HTTP config with nothing pending (that would revert)."""
        config = await self.ws({"type": "http/config"})
        if config["active_config_type"] != "stable" or config["pending"] is not None:
            raise RuntimeError(f"Home Assistant does not run on a stable HTTP config: {config}")


async def answer_of(response: aiohttp.ClientResponse, method: str, path: str) -> Any:
    """Return the JSON body of an answer of HA's REST API; raise if it is an error."""
    body = await response.json(content_type=None)
    if response.status >= 400:
        raise RuntimeError(f"{method} {path} answered {response.status}: {body}")
    return body


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


async def grant(session: aiohttp.ClientSession, ha_url: str, grant_type: str, value: str) -> dict[str, str]:
    """Exchange an authorization code or a refresh token for tokens at HA's /auth/token."""
    key = "code" if grant_type == "authorization_code" else "refresh_token"
    async with session.post(
        f"{ha_url}/auth/token", data={"grant_type": grant_type, key: value, "client_id": f"{ha_url}/"}
    ) as response:
        response.raise_for_status()
        tokens: dict[str, str] = await response.json()
    return tokens


async def onboard(
    session: aiohttp.ClientSession, ha_url: str, language: str, password: str
) -> dict[str, str]:
    """Create the owner through HA's onboarding API and return its tokens."""
    client_id = f"{ha_url}/"
    async with session.post(
        f"{ha_url}/api/onboarding/users",
        json={
            "client_id": client_id,
            "name": "ThinQ Voice Demo",
            "username": DEMO_USER,
            "password": password,
            "language": language,
        },
    ) as response:
        response.raise_for_status()
        auth_code = (await response.json())["auth_code"]
    tokens = await grant(session, ha_url, "authorization_code", auth_code)
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    for step, payload in (
        ("core_config", {}),
        ("analytics", {}),
        ("integration", {"client_id": client_id, "redirect_uri": f"{ha_url}/?auth_callback=1"}),
    ):
        async with session.post(f"{ha_url}/api/onboarding/{step}", json=payload, headers=headers) as response:
            response.raise_for_status()
    return tokens


async def log_in(session: aiohttp.ClientSession, ha_url: str, password: str) -> dict[str, str]:
    """Log the owner in through HA's login flow, as the login page does, and return its tokens."""
    client_id = f"{ha_url}/"
    async with session.post(
        f"{ha_url}/auth/login_flow",
        json={
            "client_id": client_id,
            "handler": ["homeassistant", None],
            "redirect_uri": f"{ha_url}/?auth_callback=1",
        },
    ) as response:
        response.raise_for_status()
        flow_id = (await response.json())["flow_id"]
    async with session.post(
        f"{ha_url}/auth/login_flow/{flow_id}",
        json={"client_id": client_id, "username": DEMO_USER, "password": password},
    ) as response:
        response.raise_for_status()
        result = await response.json()
    if result.get("type") != "create_entry":
        raise RuntimeError(f"the owner could not log in with the stored password: {result.get('errors')}")
    return await grant(session, ha_url, "authorization_code", result["result"])


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


async def start_simulator(
    config_dir: Path, state: DemoState, speed: float, log: Any, *, push: bool = True
) -> asyncio.subprocess.Process:
    """Start the simulator (ThinQ Connect, a webOS TV and, with `push`, LG's MQTT broker)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "simulator",
        "--fleet",
        state.fleet,
        "--port",
        str(state.simulator_port),
        "--speed",
        str(speed),
        "--tv",
        "--tv-port",
        str(state.tv_port),
        "--tv-keys-file",
        str(config_dir / TV_KEYS_FILE),
        *(["--push"] if push else []),
        cwd=REPO,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        # Its stdout is only the banner telling a CLI user which token to paste: the harness
        # already knows it, and the log keeps no token.
        stdout=asyncio.subprocess.DEVNULL,
        stderr=log,
        start_new_session=True,
    )


@contextlib.asynccontextmanager
async def running(
    *,
    fleet: str | None,
    config_dir: Path,
    ha_port: int,
    lan: bool = False,
    fresh: bool = False,
    speed: float = 1.0,
    push: bool = True,
    entries: bool = True,
) -> AsyncIterator[Harness]:
    """Start the simulator and Home Assistant on `config_dir`, HA restarting whenever it asks to.

    A config dir the harness made before is reused unless `fresh`; otherwise a new one is made
    (fleet `fleet`, default ko), its owner onboarded and ThinQ Voice added (unless not `entries`:
    the browser tests add it through the UI). HA listens on loopback only, unless `lan`.
    """
    reuse = not fresh and is_onboarded(config_dir)
    if reuse:
        state = DemoState.load(config_dir)
        if fleet not in (None, state.fleet):
            raise SystemExit(
                f"{config_dir} holds the {state.fleet} fleet: add --fresh to start over with {fleet}"
            )
        forget_request_budgets(config_dir)
    else:
        state = DemoState(fleet or "ko", free_port(), free_port())
        create_config_dir(config_dir, state.fleet)
    install_integration(config_dir)
    write_http_config(config_dir, None if lan else "127.0.0.1", ha_port)
    sim_log = (config_dir / "simulator.log").open("ab")
    simulator = await start_simulator(config_dir, state, speed, sim_log, push=push)
    ha_output = (config_dir / "hass.out").open("ab")
    harness = Harness(
        config_dir,
        f"http://127.0.0.1:{ha_port}",
        f"http://127.0.0.1:{state.simulator_port}",
        f"127.0.0.1:{state.tv_port}",
        simulator,
        await start_hass(config_dir, ha_output),
        aiohttp.ClientSession(),
        state.fleet,
        ha_output,
    )
    try:
        await wait_for_http(
            harness.session, f"{harness.simulator_url}/admin/devices", simulator, "the simulator", 30
        )
        await wait_for_http(
            harness.session, f"{harness.ha_url}/manifest.json", harness.hass, "Home Assistant", 300
        )
        settings = FLEET_SETTINGS[state.fleet]
        if reuse:
            harness.tokens = await log_in(harness.session, harness.ha_url, harness.password)
        else:
            harness.tokens = await onboard(
                harness.session, harness.ha_url, settings["language"], harness.password
            )
            if entries:
                await create_entry(harness, settings["country"])
                await create_tv_entry(harness)
            state.save(config_dir)
        await harness.wait_until_started()
        await harness.check_http_config()
        harness.watch()
        yield harness
    finally:
        if harness.watcher is not None:
            harness.watcher.cancel()
        await harness.session.close()
        await asyncio.gather(stop(harness.hass), stop(simulator))
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
