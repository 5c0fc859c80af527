"""Fixtures for tests that run ThinQ Voice inside a real Home Assistant core.

The appliances are the simulator's, reached over real loopback HTTP; nothing is mocked.
"""

from collections.abc import AsyncIterator, Generator, Iterator
from datetime import timedelta
from functools import partial
import json
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant.const import CONF_ACCESS_TOKEN, CONF_COUNTRY, CONF_HOST
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice import coordinator as coordinator_module, push as push_module
from custom_components.thinq_voice.api import ThinQConnectClient, push as api_push
from custom_components.thinq_voice.const import (
    CONF_BASE_URL,
    CONF_CLIENT_ID,
    CONF_CLIENT_KEY,
    CONF_MAC,
    DOMAIN,
)
from simulator import DEFAULT_TOKEN, Simulator
from simulator.tv import SimulatedTv
from tests.conftest import THINQ_FIXTURES

CLIENT_ID = "thinq-voice-00000000-0000-4000-8000-000000000000"


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers the fixtures below read."""
    for marker in (
        "fleet(name): the simulator's home for a module or test (default: ko)",
        "fast_controls: controls to one appliance go back to back, not 3 s apart",
        "real_confirm_delay: the confirming read comes CONFIRM_DELAY after a control, not at once",
    ):
        config.addinivalue_line("markers", marker)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(enable_custom_integrations: None) -> None:
    """Let HA load integrations from custom_components."""


@pytest.fixture(autouse=True)
async def homeassistant_core(hass: HomeAssistant) -> None:
    """Set up HA's core integration: `conversation`, a dependency, needs its exposed entities."""
    assert await async_setup_component(hass, "homeassistant", {})


@pytest.fixture(autouse=True)
def no_deprecated_calls(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """Fail a test in which Home Assistant reports ThinQ Voice using a deprecated API."""
    yield
    reports = [
        record.getMessage()
        for phase in ("setup", "call")
        for record in caplog.get_records(phase)
        if "Detected that custom integration 'thinq_voice'" in record.getMessage()
    ]
    assert not reports, reports


@pytest.fixture(autouse=True)
def loopback_sockets(socket_enabled: None) -> None:
    """Allow sockets; pytest-socket still limits connections to 127.0.0.1."""


@pytest.fixture
def fleet(request: pytest.FixtureRequest) -> str:
    """Return the simulator fleet: the Korean home unless `pytest.mark.fleet(...)` names another.

    A module may also override this fixture (or parametrize it) where the fleet depends on other fixtures.
    """
    marker = request.node.get_closest_marker("fleet")
    return str(marker.args[0]) if marker is not None else "ko"


@pytest.fixture(autouse=True)
def fast_controls(request: pytest.FixtureRequest) -> Iterator[None]:
    """With `pytest.mark.fast_controls`, send controls to one appliance back to back.

    LG wants 3 s between them (the spacing is tested in tests/api). Autouse, so that the patch is in
    place before any fixture sets the integration up.
    """
    if request.node.get_closest_marker("fast_controls") is None:
        yield
        return
    with patch(
        "custom_components.thinq_voice.ThinQConnectClient", partial(ThinQConnectClient, control_interval=0.0)
    ):
        yield


@pytest.fixture(autouse=True)
def prompt_confirming_reads(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Read an appliance right after a control: the agent waits for that read before it answers.

    `pytest.mark.real_confirm_delay` keeps the real delay, for tests that look at what Home Assistant
    shows between a control and its confirming read.
    """
    if request.node.get_closest_marker("real_confirm_delay") is None:
        monkeypatch.setattr(coordinator_module, "CONFIRM_DELAY", timedelta(0))


@pytest.fixture
async def simulator(request: pytest.FixtureRequest, fleet: str) -> AsyncIterator[Simulator]:
    """Run the appliance simulator on loopback; for tests marked `push`, with its real MQTT broker.

    With push, appliances change only when told (speed 0).
    """
    push = request.node.get_closest_marker("push") is not None
    sim = Simulator(fleet=fleet, tokens=(DEFAULT_TOKEN,), **({"speed": 0, "push": True} if push else {}))
    await sim.start()
    yield sim
    await sim.stop()


@pytest.fixture(autouse=True)
def quick_push_channel(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """In tests marked `push`, a dead connection is noticed in seconds, not the half minute LG's broker suits."""
    if request.node.get_closest_marker("push") is None:
        return
    monkeypatch.setattr(push_module, "KEEPALIVE", 1)
    monkeypatch.setattr(api_push, "CONNECT_TIMEOUT", 2.0)
    monkeypatch.setattr(api_push, "BACKOFF_MIN", 0.2)
    monkeypatch.setattr(api_push, "BACKOFF_MAX", 1.0)


@pytest.fixture
def base_url(simulator: Simulator) -> str:
    """Return the simulator's base URL."""
    return simulator.base_url


@pytest.fixture
def config_entry(hass: HomeAssistant, simulator: Simulator) -> MockConfigEntry:
    """Return a config entry for the simulator's account; its appliances keep Home Assistant's time."""
    simulator.timezone = dt_util.get_default_time_zone()
    return MockConfigEntry(
        domain=DOMAIN,
        title="ThinQ (KR)",
        unique_id=min(simulator.device_ids),
        data={
            CONF_ACCESS_TOKEN: DEFAULT_TOKEN,
            CONF_COUNTRY: "KR",
            CONF_CLIENT_ID: CLIENT_ID,
            CONF_BASE_URL: simulator.base_url,
        },
    )


@pytest.fixture
async def init_integration(hass: HomeAssistant, config_entry: MockConfigEntry) -> MockConfigEntry:
    """Set up ThinQ Voice against the simulator, its first energy reads included."""
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    return config_entry


TV_KEY = "0123456789abcdef0123456789abcdef"


@pytest.fixture
async def tv() -> AsyncIterator[SimulatedTv]:
    """Run a simulated webOS TV on loopback that already knows TV_KEY."""
    simulated = SimulatedTv("거실 TV")
    simulated.client_keys.add(TV_KEY)
    await simulated.start()
    yield simulated
    await simulated.stop()


@pytest.fixture
def tv_entry(tv: SimulatedTv) -> MockConfigEntry:
    """Return a config entry for the simulated TV, paired before."""
    return MockConfigEntry(
        domain=DOMAIN,
        title="거실 TV",
        unique_id=tv.uuid,
        data={CONF_HOST: f"127.0.0.1:{tv.port}", CONF_CLIENT_KEY: TV_KEY, CONF_MAC: tv.mac},
    )


@pytest.fixture
async def init_tv(hass: HomeAssistant, tv_entry: MockConfigEntry) -> MockConfigEntry:
    """Set up the TV entry."""
    tv_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(tv_entry.entry_id)
    await hass.async_block_till_done()
    return tv_entry


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Enable entities that are disabled by default."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
    ):
        yield


SPEC = THINQ_FIXTURES / "spec"
HA_CORE = THINQ_FIXTURES / "ha-core-fixtures"
# all_examples.json names device types in lower case, some the other way round.
_TYPE_NAMES = {"main_washcombo": "WASHCOMBO_MAIN", "mini_washcombo": "WASHCOMBO_MINI"}


def fixture_devices() -> list[tuple[str, str, Any, Any]]:
    """Return (alias, device type, profile, state) of every shared fixture payload pair."""
    found: list[tuple[str, str, Any, Any]] = []
    examples = json.loads((SPEC / "all_examples.json").read_text(encoding="utf-8"))
    for key, profile in examples.items():
        if not key.endswith("-profile-example"):
            continue
        name = key.removesuffix("-profile-example")
        state = examples.get(f"{name}-object-example")
        if state is not None:
            device_type = "DEVICE_" + _TYPE_NAMES.get(name, name.upper())
            found.append((f"spec example {name}", device_type, profile, state))
    for path in sorted(SPEC.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        if "profile_response" in doc and "state_response" in doc:
            device_type = "DEVICE_" + path.stem.upper()
            found.append((f"spec {path.stem}", device_type, doc["profile_response"], doc["state_response"]))
    for folder in ha_core_folders():
        profile = json.loads((folder / "profile.json").read_text(encoding="utf-8"))
        state = json.loads((folder / "status.json").read_text(encoding="utf-8"))
        device = json.loads((folder / "device.json").read_text(encoding="utf-8"))
        found.append((f"ha core {folder.name}", device["deviceInfo"]["deviceType"], profile, state))
    return found


# The HA core fixtures collected first; those added later come after them, so the simulator ids
# (`fixture-NN`), and with them the unique ids in the snapshots, of the first ones stay.
_FIRST_HA_CORE = ("air_conditioner", "kimchi_refrigerator", "washer")


def ha_core_folders() -> list[Path]:
    """Return the HA core fixture folders that hold an appliance (profile, state and device entry)."""
    folders = [folder for folder in HA_CORE.iterdir() if (folder / "profile.json").exists()]
    return sorted(folders, key=lambda folder: (folder.name not in _FIRST_HA_CORE, folder.name))


def fixture_energy_profile(alias: str) -> Any:
    """Return the real energy profile answer HA core recorded for a fixture appliance, if any."""
    path = HA_CORE / alias.removeprefix("ha core ") / "energy_profile.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


@pytest.fixture
def add_fixture_devices(simulator: Simulator) -> Generator[list[str]]:
    """Add every shared fixture payload pair to the simulator as a device; yield their ids.

    Fifty appliances need more than the hourly request budget of a normal home to set up.
    """
    ids = [
        simulator.add_device(
            device_type,
            alias,
            device_id=f"fixture-{index:02d}",
            profile=profile,
            state=state,
            model_name="FIXTURE",
            energy_profile=fixture_energy_profile(alias),
        ).device_id
        for index, (alias, device_type, profile, state) in enumerate(fixture_devices())
    ]
    with (
        patch("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000),
        patch("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000),
    ):
        yield ids
