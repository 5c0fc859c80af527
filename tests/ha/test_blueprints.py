"""The blueprints shipped in blueprints/automation/thinq_voice, loaded through Home Assistant's blueprint machinery."""

from datetime import timedelta
from pathlib import Path
import shutil

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.automation.helpers import async_get_blueprints
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator

from .satellites import RecordingNotify, RecordingSatellite, async_setup_satellites
from .test_conversation import AGENT

BLUEPRINTS = Path(__file__).parents[2] / "blueprints" / "automation" / "thinq_voice"
NAMES = sorted(path.name for path in BLUEPRINTS.glob("*.yaml"))


@pytest.fixture(autouse=True)
def quiet_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting up twelve appliances (states, profiles, energy) spends most of an hour's polling budget;
    the poll that sees the appliance change comes when the budget has room again, as an hour later."""
    monkeypatch.setattr("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000)
    monkeypatch.setattr("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000)


@pytest.fixture
def blueprint_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Put the repository's blueprints where Home Assistant looks for them, as a user imports them."""
    hass.config.config_dir = str(tmp_path)
    target = tmp_path / "blueprints" / "automation" / "thinq_voice"
    shutil.copytree(BLUEPRINTS, target)
    return target


@pytest.fixture
async def room(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> tuple[RecordingSatellite, RecordingNotify]:
    """A voice satellite and a phone."""
    satellite, phone = RecordingSatellite("Laundry speaker"), RecordingNotify()
    await async_setup_satellites(hass, [satellite], phone, AGENT)
    return satellite, phone


def device(hass: HomeAssistant, entry: MockConfigEntry, simulator: Simulator, alias: str) -> str:
    """Return the Home Assistant device id of a simulated appliance."""
    found = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, simulator.find(alias).device_id), entry.entry_id
    )
    assert found is not None
    return found.id


async def use(hass: HomeAssistant, name: str, inputs: dict[str, object]) -> None:
    """Set up one automation from a blueprint."""
    assert await async_setup_component(
        hass,
        "automation",
        {"automation": [{"use_blueprint": {"path": f"thinq_voice/{name}.yaml", "input": inputs}}]},
    )
    await hass.async_block_till_done()
    assert hass.states.async_entity_ids("automation"), "the blueprint did not make an automation"


async def test_every_blueprint_is_valid(hass: HomeAssistant, blueprint_dir: Path) -> None:
    """Each file is a blueprint Home Assistant accepts, with inputs it can ask for."""
    assert await async_setup_component(hass, "automation", {})
    assert len(NAMES) == 3
    for name in NAMES:
        blueprint = await async_get_blueprints(hass).async_get_blueprint(f"thinq_voice/{name}")
        assert blueprint.inputs, name


async def test_laundry_done_asks_and_starts_the_dryer(
    hass: HomeAssistant,
    blueprint_dir: Path,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    room: tuple[RecordingSatellite, RecordingNotify],
) -> None:
    """The washer finishing asks on the satellite; "응" starts the dryer through the device action."""
    satellite, _ = room
    satellite.hears = "응"
    hass.config.language = "ko"
    await use(
        hass,
        "laundry_done_offer_dryer",
        {
            "washer": device(hass, init_integration, simulator, "세탁기"),
            "dryer": device(hass, init_integration, simulator, "건조기"),
            "satellite": satellite.entity_id,
        },
    )
    coordinator = init_integration.runtime_data
    await coordinator.async_control(
        simulator.find("세탁기").device_id, "operation", "washerOperationMode", "START", "MAIN"
    )
    await hass.async_block_till_done()
    simulator.advance(45 * 60)
    await coordinator.async_refresh()
    await hass.async_block_till_done()
    assert satellite.questions == ["세탁이 끝났어요. 건조기 돌릴까요?"]
    assert simulator.find("건조기").state["runState"]["currentState"] in {"DETECTING", "RUNNING"}


async def test_door_left_open_notifies(
    hass: HomeAssistant,
    blueprint_dir: Path,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    room: tuple[RecordingSatellite, RecordingNotify],
    freezer: FrozenDateTimeFactory,
) -> None:
    """The fridge door open for the chosen minutes sends the message to the phone."""
    _, phone = room
    await use(
        hass,
        "door_left_open",
        {
            "appliance": device(hass, init_integration, simulator, "냉장고"),
            "door": "binary_sensor.naengjanggo_main_door",
            "minutes": 2,
            "notify_target": "notify.phone",
        },
    )
    simulator.patch_state(
        simulator.find("냉장고").device_id, {"doorStatus": [{"locationName": "MAIN", "doorState": "OPEN"}]}
    )
    await init_integration.runtime_data.async_refresh()
    await hass.async_block_till_done()
    freezer.tick(timedelta(minutes=2, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert [message for message, _ in phone.messages] == ["문이 열려 있어요."]


async def test_energy_report(
    hass: HomeAssistant,
    blueprint_dir: Path,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    room: tuple[RecordingSatellite, RecordingNotify],
    freezer: FrozenDateTimeFactory,
) -> None:
    """At the chosen time, the week's energy of the appliance goes to the phone in kWh."""
    _, phone = room
    at = (dt_util.now() + timedelta(minutes=1)).replace(second=0, microsecond=0)
    await use(
        hass,
        "energy_report",
        {
            "appliance": device(hass, init_integration, simulator, "거실 에어컨"),
            "at": at.strftime("%H:%M:%S"),
            "notify_target": "notify.phone",
        },
    )
    freezer.move_to(at + timedelta(seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert len(phone.messages) == 1
    message, title = phone.messages[0]
    assert message.endswith("kWh (7 days)")
    assert title == "거실 에어컨"
    # A time trigger stays armed for tomorrow: the automation is switched off before the test ends.
    await hass.services.async_call("automation", "turn_off", {"entity_id": "all"}, blocking=True)
