"""Announcements on the satellites of the appliance's room, the dryer offer, quiet hours, the notify fallback."""

from datetime import timedelta

from homeassistant.components import assist_pipeline, conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.announce import OFFERS, Offer, async_take_offer, in_quiet_hours
from custom_components.thinq_voice.const import (
    CONF_ANNOUNCE_DEVICES,
    CONF_ANNOUNCEMENTS,
    CONF_NOTIFY_TARGET,
    CONF_QUIET_END,
    CONF_QUIET_START,
    DOMAIN,
)
from simulator import Simulator
from tests.ha.satellites import RecordingNotify, RecordingSatellite, async_setup_satellites

AGENT = "conversation.thinq_voice"
WASH_SECONDS = 45 * 60


@pytest.fixture(autouse=True)
def quiet_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting up twelve appliances (states, profiles, energy) spends most of an hour's polling budget;
    the poll that sees the appliance change comes when the budget has room again, as an hour later."""
    monkeypatch.setattr("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000)
    monkeypatch.setattr("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000)


@pytest.fixture
def laundry_room() -> RecordingSatellite:
    """The satellite in the laundry room."""
    return RecordingSatellite("Laundry speaker")


@pytest.fixture
def bedroom() -> RecordingSatellite:
    """A satellite in another room."""
    return RecordingSatellite("Bedroom speaker")


@pytest.fixture
def phone() -> RecordingNotify:
    """The notify entity picked in the options."""
    return RecordingNotify()


@pytest.fixture
async def home(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    simulator: Simulator,
    laundry_room: RecordingSatellite,
    bedroom: RecordingSatellite,
    phone: RecordingNotify,
) -> MockConfigEntry:
    """Satellites in two rooms, the washer and dryer in the laundry room, every appliance announced."""
    await async_setup_satellites(hass, [laundry_room, bedroom], phone, AGENT)
    areas, devices, entities = ar.async_get(hass), dr.async_get(hass), er.async_get(hass)
    laundry, sleeping = areas.async_create("Laundry room"), areas.async_create("Bedroom")
    for alias in ("세탁기", "건조기"):
        device = devices.async_get_device_by_identifier(
            (DOMAIN, simulator.find(alias).device_id), init_integration.entry_id
        )
        assert device is not None
        devices.async_update_device(device.id, area_id=laundry.id)
    for satellite, area in ((laundry_room, laundry), (bedroom, sleeping)):
        assert satellite.entity_id is not None
        entities.async_update_entity(satellite.entity_id, area_id=area.id)
    set_options(hass, init_integration, {CONF_ANNOUNCE_DEVICES: list(simulator.device_ids)})
    return init_integration


def set_options(hass: HomeAssistant, entry: MockConfigEntry, announcements: dict[str, object]) -> None:
    """Set the announcement options; they are read when an event comes, no reload needed."""
    hass.config_entries.async_update_entry(entry, options={**entry.options, **announcements})


async def finish_wash(hass: HomeAssistant, entry: MockConfigEntry, simulator: Simulator) -> None:
    """Start the simulated washer, let its 45 minutes pass and poll."""
    washer = simulator.find("세탁기").device_id
    await entry.runtime_data.async_control(washer, "operation", "washerOperationMode", "START", "MAIN")
    await hass.async_block_till_done()
    simulator.advance(WASH_SECONDS)
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


async def reply(hass: HomeAssistant, satellite: RecordingSatellite, text: str, language: str) -> str:
    """Answer on a satellite, as its Assist pipeline hands the words to the agent."""
    result = await conversation.async_converse(
        hass, text, None, Context(), language=language, agent_id=AGENT, satellite_id=satellite.entity_id
    )
    return str(result.response.speech["plain"]["speech"])


def run_state(simulator: Simulator, alias: str) -> str:
    """Return a simulated appliance's run state."""
    state = simulator.find(alias).state
    part = state[0] if isinstance(state, list) else state
    return str(part["runState"]["currentState"])


def test_quiet_hours() -> None:
    """Quiet hours may run past midnight."""
    night, morning = dt_util.parse_time("22:00"), dt_util.parse_time("07:00")
    assert in_quiet_hours(dt_util.parse_time("23:30"), night, morning)
    assert in_quiet_hours(dt_util.parse_time("06:59"), night, morning)
    assert not in_quiet_hours(dt_util.parse_time("12:00"), night, morning)
    assert in_quiet_hours(dt_util.parse_time("12:00"), morning, night)
    assert not in_quiet_hours(dt_util.parse_time("12:00"), None, night)


async def test_finished_wash_offers_the_dryer_in_korean(
    hass: HomeAssistant,
    home: MockConfigEntry,
    simulator: Simulator,
    laundry_room: RecordingSatellite,
    bedroom: RecordingSatellite,
) -> None:
    """The laundry room hears that the wash is done and is asked about the dryer; "응" starts it."""
    hass.config.language = "ko"
    await finish_wash(hass, home, simulator)
    assert laundry_room.questions == ["세탁이 끝났어요. 건조기를 돌릴까요?"]
    assert bedroom.questions == bedroom.announcements == []
    assert await reply(hass, laundry_room, "응", "ko") == "건조기를 시작했어요."
    assert run_state(simulator, "건조기") in {"DETECTING", "RUNNING"}


async def test_no_leaves_the_dryer_alone_in_english(
    hass: HomeAssistant, home: MockConfigEntry, simulator: Simulator, laundry_room: RecordingSatellite
) -> None:
    """In English, "no" sends nothing; the question is asked once and answered once."""
    hass.config.language = "en"
    await finish_wash(hass, home, simulator)
    assert laundry_room.questions == ["The wash is done. Shall I start the 건조기?"]
    sent = len(simulator.control_log)
    assert await reply(hass, laundry_room, "no", "en") == "OK."
    assert len(simulator.control_log) == sent
    assert run_state(simulator, "건조기") == "INITIAL"


async def test_dryer_refusal_is_said(
    hass: HomeAssistant, home: MockConfigEntry, simulator: Simulator, laundry_room: RecordingSatellite
) -> None:
    """A yes to a dryer whose remote start is off is answered with the reason, as a spoken command is."""
    hass.config.language = "ko"
    simulator.patch_state(
        simulator.find("건조기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    await finish_wash(hass, home, simulator)
    answer = await reply(hass, laundry_room, "네", "ko")
    assert "원격" in answer
    assert run_state(simulator, "건조기") == "INITIAL"


async def test_attention_in_a_room_without_satellite_goes_to_the_phone(
    hass: HomeAssistant,
    home: MockConfigEntry,
    simulator: Simulator,
    laundry_room: RecordingSatellite,
    bedroom: RecordingSatellite,
    phone: RecordingNotify,
) -> None:
    """The dishwasher (no area) needing salt goes to the notify entity; without one, nowhere."""
    hass.config.language = "ko"
    set_options(
        hass,
        home,
        {CONF_ANNOUNCE_DEVICES: list(simulator.device_ids), CONF_NOTIFY_TARGET: "notify.phone"},
    )
    home.runtime_data.async_notify(simulator.find("식기세척기").device_id, "SALT_REFILL_IS_NEEDED")
    await hass.async_block_till_done()
    assert phone.messages == [("식기세척기: 소금 보충 필요.", "ThinQ Voice")] or phone.messages[0][
        0
    ].startswith("식기세척기: ")
    assert laundry_room.announcements == bedroom.announcements == []


async def test_quiet_hours_keep_the_room_silent(
    hass: HomeAssistant,
    home: MockConfigEntry,
    simulator: Simulator,
    laundry_room: RecordingSatellite,
    phone: RecordingNotify,
) -> None:
    """In quiet hours the satellites say nothing; the phone still gets it. An unpicked appliance says nothing."""
    hass.config.language = "en"
    now = dt_util.now()
    set_options(
        hass,
        home,
        {
            CONF_ANNOUNCE_DEVICES: [simulator.find("세탁기").device_id],
            CONF_NOTIFY_TARGET: "notify.phone",
            CONF_QUIET_START: (now - timedelta(hours=1)).strftime("%H:%M:%S"),
            CONF_QUIET_END: (now + timedelta(hours=1)).strftime("%H:%M:%S"),
        },
    )
    assert home.options[CONF_QUIET_START]
    await finish_wash(hass, home, simulator)
    home.runtime_data.async_notify(simulator.find("식기세척기").device_id, "SALT_REFILL_IS_NEEDED")
    await hass.async_block_till_done()
    assert laundry_room.questions == laundry_room.announcements == []
    assert phone.messages == [("The wash is done.", "ThinQ Voice")]


async def test_errors_and_other_endings_are_announced(
    hass: HomeAssistant, home: MockConfigEntry, simulator: Simulator, laundry_room: RecordingSatellite
) -> None:
    """An error and a dryer ending are announced without a question; a satellite that cannot ask just tells."""
    hass.config.language = "ko"
    dryer = simulator.find("건조기").device_id
    coordinator = home.runtime_data
    coordinator.async_notify(dryer, "DRYING_FAILED")
    coordinator.async_notify(dryer, "DRYING_IS_COMPLETE")
    await hass.async_block_till_done()
    assert laundry_room.announcements == ["건조기에 오류가 생겼어요. 확인해 주세요.", "건조가 끝났어요."]
    assert laundry_room.questions == []


async def test_a_satellite_that_cannot_ask_just_tells(
    hass: HomeAssistant, home: MockConfigEntry, simulator: Simulator, laundry_room: RecordingSatellite
) -> None:
    """With Home Assistant's own agent in the pipeline (it cannot hold a conversation) the wash is only told."""
    hass.config.language = "ko"
    pipeline = assist_pipeline.async_get_pipeline(hass)
    await assist_pipeline.async_update_pipeline(
        hass, pipeline, conversation_engine="conversation.home_assistant"
    )
    await finish_wash(hass, home, simulator)
    assert laundry_room.questions == []
    assert laundry_room.announcements == ["세탁이 끝났어요."]
    # Nothing is left waiting for an answer; a start is no news to announce.
    assert async_take_offer(hass, laundry_room.entity_id) is None
    started = len(laundry_room.announcements)
    await home.runtime_data.async_control(
        simulator.find("세탁기").device_id, "operation", "washerOperationMode", "START", "MAIN"
    )
    await hass.async_block_till_done()
    assert len(laundry_room.announcements) == started


def test_offers_expire(hass: HomeAssistant) -> None:
    """A question left unanswered too long is no longer answered by a later "응"."""
    hass.data[OFFERS] = {"assist_satellite.kitchen": Offer("dryer", "건조기", "ko", hass.loop.time() - 1)}
    assert async_take_offer(hass, "assist_satellite.kitchen") is None
    assert async_take_offer(hass, None) is None


async def test_another_sentence_drops_the_question(
    hass: HomeAssistant, home: MockConfigEntry, simulator: Simulator, laundry_room: RecordingSatellite
) -> None:
    """Saying something else instead of yes or no is understood as said; the dryer question is gone."""
    hass.config.language = "ko"
    await finish_wash(hass, home, simulator)
    answer = await reply(hass, laundry_room, "지금 돌아가는 거 뭐 있어?", "ko")
    assert "건조기를 시작했어요" not in answer
    assert async_take_offer(hass, laundry_room.entity_id) is None
    assert run_state(simulator, "건조기") == "INITIAL"


async def test_options_flow_keeps_announcements(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """The options flow stores the announcement section; empty fields are not stored, no section keeps them."""
    washer = simulator.find("세탁기").device_id
    base = {
        "refresh_interval": 180,
        "included_devices": list(init_integration.runtime_data.known_devices),
        "fallback_agent": "none",
    }

    async def configure(user_input: dict[str, object]) -> dict[str, object]:
        flow = await hass.config_entries.options.async_init(init_integration.entry_id)
        assert flow["type"] is FlowResultType.FORM
        result = await hass.config_entries.options.async_configure(flow["flow_id"], user_input)
        assert result["type"] is FlowResultType.CREATE_ENTRY
        await hass.async_block_till_done()
        return dict(init_integration.options)

    chosen = {CONF_ANNOUNCE_DEVICES: [washer], CONF_QUIET_START: "22:00:00", CONF_QUIET_END: "07:00:00"}
    stored = await configure({**base, CONF_ANNOUNCEMENTS: chosen})
    assert {key: stored.get(key) for key in (*chosen, CONF_NOTIFY_TARGET)} == {
        **chosen,
        CONF_NOTIFY_TARGET: None,
    }
    assert (await configure(base))[CONF_ANNOUNCE_DEVICES] == [washer]
