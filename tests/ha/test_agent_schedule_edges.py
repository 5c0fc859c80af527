"""Scheduled actions at their edges, through a real Home Assistant, the simulator and the simulated TV:
a TV app for later that outlives a reload, stored actions damaged in ways a hand edit leaves, a weekday
time already past today, an action due while Home Assistant is still starting, and retries that end
because the user cancelled, the entry unloaded or the appliance came back or vanished."""

from datetime import datetime, timedelta
import logging
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import persistent_notification
from homeassistant.const import EVENT_HOMEASSISTANT_STARTED
from homeassistant.core import CoreState, Event, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.agent.retry import GRACE
from custom_components.thinq_voice.agent.schedule import store_key
from custom_components.thinq_voice.const import EVENT_SCHEDULED_ACTION
from simulator import Simulator
from simulator.tv import SimulatedTv

from .test_agent_schedule import later, pass_time, say, stored
from .test_conversation import controls

SEOUL = ZoneInfo("Asia/Seoul")
ROBOT_START = [{"operation": {"cleanOperationMode": "START"}}]


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, "conversation", {})


def outcomes(hass: HomeAssistant) -> list[Event]:
    """Collect the scheduled actions' outcome events from now on."""
    events: list[Event] = []
    hass.bus.async_listen(EVENT_SCHEDULED_ACTION, events.append)
    return events


def notifications(hass: HomeAssistant) -> list[str]:
    return [
        item["message"] for item in persistent_notification._async_get_or_create_notifications(hass).values()
    ]


async def test_a_tv_app_for_later_outlives_a_reload_and_opens(
    hass: HomeAssistant,
    simulator: Simulator,
    tv: SimulatedTv,
    config_entry: MockConfigEntry,
    tv_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    for entry in (config_entry, tv_entry):
        entry.add_to_hass(hass)
        await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    answer = await say(hass, "10분 뒤에 거실 TV 넷플릭스 틀어줘")
    assert "거실 TV" in answer and "예약했어요" in answer
    assert [action["value"] for action in stored(hass_storage, config_entry)] == [{"app": "netflix"}]
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    assert not [uri for uri, _ in tv.command_log if uri.endswith("/launch")]
    await later(hass, timedelta(minutes=11))
    assert ("ssap://com.webos.applicationManager/launch", {"id": "netflix"}) in tv.command_log
    assert stored(hass_storage, config_entry) == []


async def test_damaged_stored_actions_are_dropped_and_the_sound_one_kept(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    robot = simulator.find("로봇청소기").device_id
    due = (dt_util.utcnow() + timedelta(hours=1)).isoformat()
    sound = {
        "id": "sound",
        "due": due,
        "device_id": None,
        "entity_id": None,
        "thinq_device_id": robot,
        "name": "로봇청소기",
        "language": "ko",
        "intent": "start",
        "value": None,
        "direction": None,
        "location": None,
    }
    damaged = [
        {**sound, "id": "value-not-an-object", "value": "7"},
        {**sound, "id": "value-of-no-kind", "value": {"colour": "red"}},
        {**sound, "id": "for-nobody"},
    ]
    kept = {**sound, "device_id": "a-device-id-from-before"}
    hass_storage[store_key(config_entry.entry_id)] = {
        "version": 1,
        "key": store_key(config_entry.entry_id),
        # The sound one repeated by a hand edit: kept and run once.
        "data": {"actions": [kept, *damaged, kept]},
    }
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert sum("Dropping a damaged scheduled action" in message for message in warnings) == 3
    assert [action["id"] for action in stored(hass_storage, config_entry)] == ["sound"]
    assert "로봇청소기 시작" in await say(hass, "예약된 거 뭐 있어?")
    await later(hass, timedelta(hours=1, minutes=1))
    assert controls(simulator, "로봇청소기") == ROBOT_START


@pytest.mark.usefixtures("init_integration")
async def test_a_weekday_time_already_past_today_is_next_week(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    await hass.config.async_set_time_zone("Asia/Seoul")
    # Friday 27 November 2026, 20:00 in Seoul.
    freezer.move_to(datetime(2026, 11, 27, 20, 0, tzinfo=SEOUL))
    await say(hass, "금요일 저녁 7시에 로봇청소기 돌려줘")
    await say(hass, "금요일 밤 9시에 식기세척기 돌려줘")
    due = {
        action["name"]: dt_util.parse_datetime(action["due"]).astimezone(SEOUL)  # type: ignore[union-attr]
        for action in stored(hass_storage, init_integration)
    }
    assert due["로봇청소기"] == datetime(2026, 12, 4, 19, 0, tzinfo=SEOUL)
    assert due["식기세척기"] == datetime(2026, 11, 27, 21, 0, tzinfo=SEOUL)
    assert not simulator.control_log


async def test_an_action_due_while_home_assistant_starts_waits_until_it_has_started(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Other integrations' entities may not be there yet: the action runs once Home Assistant has started."""
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    await say(hass, "1시간 뒤에 로봇청소기 돌려줘")
    await hass.config_entries.async_unload(config_entry.entry_id)
    hass.set_state(CoreState.not_running)
    assert await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    await later(hass, timedelta(hours=1, minutes=1))
    assert not controls(simulator, "로봇청소기")
    hass.set_state(CoreState.running)
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STARTED)
    await hass.async_block_till_done()
    assert controls(simulator, "로봇청소기") == ROBOT_START


async def test_an_action_cancelled_while_it_waits_to_try_again_is_dropped_silently(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    events = outcomes(hass)
    await say(hass, "30분 뒤에 로봇청소기 돌려줘")
    robot = simulator.device(simulator.find("로봇청소기").device_id)
    robot.online = False
    await pass_time(hass, freezer, timedelta(minutes=30, seconds=5))
    assert not events  # failed once, waiting to try again
    assert await say(hass, "로봇청소기 예약 취소해줘") == "로봇청소기 예약을 취소했어요."
    robot.online = True
    await pass_time(hass, freezer, GRACE)
    assert not controls(simulator, "로봇청소기")
    assert not events
    assert not notifications(hass)
    # Unloading afterwards finds nothing left to stop.
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert not events


async def test_unloading_stops_the_retries_and_a_new_start_runs_the_action_again(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    freezer: FrozenDateTimeFactory,
) -> None:
    events = outcomes(hass)
    await say(hass, "30분 뒤에 로봇청소기 돌려줘")
    robot = simulator.device(simulator.find("로봇청소기").device_id)
    robot.online = False
    await pass_time(hass, freezer, timedelta(minutes=30, seconds=5))
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    robot.online = True
    await pass_time(hass, freezer, timedelta(minutes=2))
    assert not controls(simulator, "로봇청소기")
    assert not events
    # Kept until its outcome was told: the next start runs it (a few minutes late is still in time).
    assert [action["name"] for action in stored(hass_storage, init_integration)] == ["로봇청소기"]
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    await pass_time(hass, freezer, timedelta(seconds=20))
    assert controls(simulator, "로봇청소기") == ROBOT_START
    assert [event.data["succeeded"] for event in events] == [True]


PLUG = {
    "switch": [
        {
            "name": "전기장판",
            "unique_id": "blanket",
            "state": "{{ is_state('input_boolean.blanket', 'on') }}",
            "availability": "{{ is_state('input_boolean.blanket_reachable', 'on') }}",
            "turn_on": [
                {"action": "input_boolean.turn_on", "target": {"entity_id": "input_boolean.blanket"}}
            ],
            "turn_off": [
                {"action": "input_boolean.turn_off", "target": {"entity_id": "input_boolean.blanket"}}
            ],
        }
    ]
}


@pytest.fixture
async def plug(hass: HomeAssistant, config_entry: MockConfigEntry) -> MockConfigEntry:
    """A plug of another integration whose reachability a test switches, beside ThinQ Voice."""
    booleans = {"blanket": {}, "blanket_reachable": {"initial": True}}
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": booleans})
    assert await async_setup_component(hass, "template", {"template": [PLUG]})
    await hass.async_block_till_done()
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry


@pytest.mark.usefixtures("plug")
async def test_a_plug_unreachable_when_due_is_switched_once_it_is_back(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    events = outcomes(hass)
    assert "예약했어요" in await say(hass, "30분 뒤에 전기장판 켜줘")
    await hass.services.async_call(
        "input_boolean", "turn_off", {"entity_id": "input_boolean.blanket_reachable"}
    )
    await pass_time(hass, freezer, timedelta(minutes=30, seconds=5))
    assert hass.states.is_state("input_boolean.blanket", "off")
    assert not events
    await hass.services.async_call(
        "input_boolean", "turn_on", {"entity_id": "input_boolean.blanket_reachable"}
    )
    await pass_time(hass, freezer, timedelta(minutes=1))
    assert hass.states.is_state("input_boolean.blanket", "on")
    assert [(event.data["succeeded"], event.data["name"]) for event in events] == [(True, "전기장판")]
    assert events[0].data["tries"] >= 2


@pytest.mark.usefixtures("plug")
async def test_a_plug_gone_when_due_is_told_once_the_grace_has_passed(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    events = outcomes(hass)
    assert "예약했어요" in await say(hass, "30분 뒤에 전기장판 켜줘")
    hass.states.async_remove("switch.jeongijangpan")
    await pass_time(hass, freezer, timedelta(minutes=30) + GRACE + timedelta(minutes=1))
    assert [event.data["succeeded"] for event in events] == [False]
    assert events[0].data["tries"] > 3
    assert any("전기장판" in message for message in notifications(hass))
    assert hass.states.is_state("input_boolean.blanket", "off")


async def test_an_appliance_back_online_is_read_again_and_started_beside_a_tv(
    hass: HomeAssistant,
    simulator: Simulator,
    tv: SimulatedTv,
    config_entry: MockConfigEntry,
    tv_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The TV's entry comes first: looking the robot up again passes it by and reads the robot."""
    for entry in (tv_entry, config_entry):
        entry.add_to_hass(hass)
        await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    events = outcomes(hass)
    await say(hass, "30분 뒤에 로봇청소기 돌려줘")
    robot = simulator.device(simulator.find("로봇청소기").device_id)
    robot.online = False
    await pass_time(hass, freezer, timedelta(minutes=30, seconds=5))
    assert not events
    robot.online = True
    await pass_time(hass, freezer, timedelta(seconds=30))
    assert controls(simulator, "로봇청소기") == ROBOT_START
    assert [event.data["succeeded"] for event in events] == [True]
    assert events[0].data["tries"] == 2


async def test_stored_commands_without_a_value_are_refused_when_due(
    hass: HomeAssistant,
    simulator: Simulator,
    tv: SimulatedTv,
    config_entry: MockConfigEntry,
    tv_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A hand-edited action asking for a temperature, a humidity or a volume without saying which
    is refused by the appliance's name when due, nothing sent."""
    due = (dt_util.utcnow() + timedelta(minutes=1)).isoformat()
    blank = {
        "due": due,
        "device_id": "a-device-id-from-before",
        "entity_id": None,
        "language": "ko",
        "value": None,
        "direction": None,
        "location": None,
    }
    actions = [
        {
            **blank,
            "id": "t",
            "intent": "set_temperature",
            "name": "거실 에어컨",
            "thinq_device_id": simulator.find("거실 에어컨").device_id,
        },
        {
            **blank,
            "id": "h",
            "intent": "set_humidity",
            "name": "제습기",
            "thinq_device_id": simulator.find("제습기").device_id,
        },
    ]
    hass_storage[store_key(config_entry.entry_id)] = {
        "version": 1,
        "key": store_key(config_entry.entry_id),
        "data": {"actions": actions},
    }
    events = outcomes(hass)
    for entry in (config_entry, tv_entry):
        entry.add_to_hass(hass)
        await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    await say(hass, "1분 뒤에 거실 TV 볼륨 10으로 해줘")
    tv_action = next(action for action in stored(hass_storage, config_entry) if action["name"] == "거실 TV")
    tv_action.update(value=None)
    hass_storage[store_key(config_entry.entry_id)]["data"]["actions"] = [*actions, tv_action]
    assert await hass.config_entries.async_reload(config_entry.entry_id)
    await hass.async_block_till_done()
    await later(hass, timedelta(minutes=2))
    said = sorted(event.data["speech"] for event in events)
    assert said == [
        "거실 TV는 그 명령을 지원하지 않아요.",
        "거실 에어컨은 그 명령을 지원하지 않아요.",
        "제습기는 그 명령을 지원하지 않아요.",
    ]
    assert not simulator.control_log
    assert not [uri for uri, _ in tv.command_log if "setVolume" in uri]
