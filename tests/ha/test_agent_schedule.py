"""Commands for later: appliance timers, ThinQ Voice's scheduled actions, listing and cancelling.

Over the simulator: each test checks what the simulator received (nothing before the time
came) and what was answered; scheduled actions survive an unload and a reload of the entry.
"""

from datetime import timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import persistent_notification
from homeassistant.core import Event, HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.agent.retry import GRACE
from custom_components.thinq_voice.agent.schedule import (
    MISSED_GRACE,
    ScheduledAction,
    next_occurrence,
    store_key,
)
from custom_components.thinq_voice.const import EVENT_SCHEDULED_ACTION
from custom_components.thinq_voice.voice.model import (
    ClockTime,
    Command,
    Direction,
    FanSpeed,
    Intent,
    Location,
    Mode,
    Quantity,
    TargetPhrase,
    Unit,
)
from simulator import Simulator

from .test_conversation import controls, speech, talk

SEOUL = ZoneInfo("Asia/Seoul")


async def say(hass: HomeAssistant, text: str, language: str = "ko") -> str:
    """Say a sentence, let the confirming reads happen, and return the answer."""
    result = await talk(hass, text, language)
    await later(hass, timedelta(seconds=5))
    return speech(result)


async def later(hass: HomeAssistant, delta: timedelta) -> None:
    """Let Home Assistant's timers run as if `delta` had passed."""
    async_fire_time_changed(hass, dt_util.utcnow() + delta)
    await hass.async_block_till_done()


def ac_power(sim: Simulator, alias: str) -> str:
    return str(sim.find(alias).state["operation"]["airConOperationMode"])


def stored(hass_storage: dict[str, Any], entry: MockConfigEntry) -> list[dict[str, Any]]:
    return list(hass_storage[store_key(entry.entry_id)]["data"]["actions"])


def test_next_occurrence_picks_the_coming_time() -> None:
    """Clock times are read in the local zone; the half of the day, when not said, is the next one."""
    now = dt_util.as_utc(dt_util.now(SEOUL).replace(year=2026, month=11, day=25, hour=15, minute=10))
    dt_util.set_default_time_zone(SEOUL)
    try:
        local = lambda at: dt_util.as_local(next_occurrence(at, now))  # noqa: E731
        assert (local(ClockTime(19)).day, local(ClockTime(19)).hour) == (25, 19)
        assert (local(ClockTime(9)).day, local(ClockTime(9)).hour) == (26, 9)
        assert (
            local(ClockTime(7, 30, meridiem_known=False)).hour,
            local(ClockTime(7, 30, False)).minute,
        ) == (19, 30)
        assert (
            local(ClockTime(3, meridiem_known=False)).day,
            local(ClockTime(3, meridiem_known=False)).hour,
        ) == (
            26,
            3,
        )
        assert (
            local(ClockTime(12, meridiem_known=False)).day,
            local(ClockTime(12, meridiem_known=False)).hour,
        ) == (
            26,
            0,
        )
        assert (local(ClockTime(8, days_ahead=1)).day, local(ClockTime(8, days_ahead=1)).hour) == (26, 8)
        assert (local(ClockTime(16, days_ahead=1)).day, local(ClockTime(16, days_ahead=1)).hour) == (26, 16)
    finally:
        dt_util.set_default_time_zone(dt_util.UTC)


@pytest.mark.parametrize(
    "command",
    [
        Command(Intent.START),
        Command(Intent.SET_TEMPERATURE, None, Quantity(23, Unit.DEGREES)),
        Command(Intent.SET_TEMPERATURE, None, Quantity(2, Unit.DEGREES), Direction.UP),
        Command(Intent.SET_MODE, None, Mode.COOL),
        Command(Intent.SET_FAN_SPEED, None, FanSpeed.HIGH),
        Command(Intent.MUTE, None, True),
        Command(Intent.SET_TEMPERATURE, TargetPhrase("", "", "", location=Location.FREEZER), Quantity(-20)),
    ],
)
def test_stored_form_round_trips(command: Command) -> None:
    action = ScheduledAction("id", dt_util.utcnow(), "device", None, "냉장고", command, "ko")
    assert ScheduledAction.from_dict(action.as_dict()) == action


@pytest.mark.usefixtures("init_integration")
async def test_ac_off_in_40_minutes_is_kept_and_runs(hass: HomeAssistant, simulator: Simulator) -> None:
    """No whole hour: ThinQ Voice keeps the action; nothing is sent until it falls due."""
    await say(hass, "거실 에어컨 켜줘")
    before = len(simulator.control_log)
    events: list[Event] = []
    hass.bus.async_listen(EVENT_SCHEDULED_ACTION, events.append)
    answer = await say(hass, "40분 있다가 거실 에어컨 꺼줘")
    assert answer.startswith("40분 뒤(") and answer.endswith("에 거실 에어컨 끄기를 예약했어요.")
    assert len(simulator.control_log) == before
    assert "거실 에어컨 끄기" in await say(hass, "예약된 거 뭐 있어?")
    await later(hass, timedelta(minutes=39))
    assert ac_power(simulator, "거실 에어컨") == "POWER_ON"
    await later(hass, timedelta(minutes=41))
    assert ac_power(simulator, "거실 에어컨") == "POWER_OFF"
    assert controls(simulator, "거실 에어컨")[-1] == {"operation": {"airConOperationMode": "POWER_OFF"}}
    assert [(event.data["succeeded"], event.data["confirmed"]) for event in events] == [(True, True)]
    assert await say(hass, "예약된 거 뭐 있어?") == "예약된 건 없어요."


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_ac_off_in_whole_hours_uses_its_timer(hass: HomeAssistant, simulator: Simulator) -> None:
    """Whole hours go on the AC's own off timer; it is listed and cancelled on the AC."""
    await say(hass, "turn on the living room AC", "en")
    answer = await say(hass, "turn the living room AC off in 2 hours", "en")
    assert answer.startswith("Set the Living Room AC timer: it turns off in 2 hours, at ")
    assert controls(simulator, "Living Room AC")[-1] == {"timer": {"relativeHourToStop": 2}}
    listed = await say(hass, "what's scheduled?", "en")
    # Two hours on may be past midnight: "tomorrow at 12:04 AM".
    assert listed.startswith(
        (
            "Scheduled: the Living Room AC will turn off at ",
            "Scheduled: the Living Room AC will turn off tomorrow at ",
        )
    )
    assert await say(hass, "cancel the living room AC timer", "en") == (
        "Cancelled what was scheduled for the Living Room AC."
    )
    assert controls(simulator, "Living Room AC")[-1] == {"timer": {"relativeStopTimer": "UNSET"}}
    assert await say(hass, "what's scheduled?", "en") == "Nothing is scheduled."
    assert ac_power(simulator, "Living Room AC") == "POWER_ON"


@pytest.mark.usefixtures("init_integration")
async def test_washer_delayed_start_listed_and_cancelled(hass: HomeAssistant, simulator: Simulator) -> None:
    """A washer's start for later is its own delayed start; cancelling stops the reservation."""
    answer = await say(hass, "세탁기 2시간 뒤에 돌려줘")
    assert answer.startswith("세탁기가 2시간 뒤, ") and answer.endswith("에 시작하도록 예약했어요.")
    assert controls(simulator, "세탁기")[-1]["timer"] == {"relativeHourToStart": 2}
    washer = simulator.find("세탁기")
    assert washer.state[0]["runState"]["currentState"] == "RESERVED"
    assert "세탁기 시작" in await say(hass, "세탁기 예약 있어?")
    assert await say(hass, "세탁기 예약 취소해줘") == "세탁기 예약을 취소했어요."
    assert controls(simulator, "세탁기")[-1]["operation"] == {"washerOperationMode": "STOP"}
    assert washer.state[0]["runState"]["currentState"] == "INITIAL"
    assert await say(hass, "세탁기 예약 취소해줘") == "세탁기에는 예약된 게 없어요."


@pytest.mark.usefixtures("init_integration")
async def test_clock_time_start_of_an_appliance_without_a_timer(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """ "오후 7시에": kept for that time, never started now."""
    answer = await say(hass, "오후 7시에 로봇청소기 돌려줘")
    assert answer.endswith("오후 7시에 로봇청소기 시작을 예약했어요.")
    assert not controls(simulator, "로봇청소기")


@pytest.mark.usefixtures("init_integration")
async def test_scheduled_actions_survive_a_reload(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """Saved as soon as made, armed again after a reload, run once; cancelled ones never run."""
    await say(hass, "1시간 반 뒤에 로봇청소기 돌려줘")
    await say(hass, "3시간 뒤에 식기세척기 돌려줘")
    assert [action["intent"] for action in stored(hass_storage, init_integration)] == ["start", "start"]
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert "로봇청소기 시작" in await say(hass, "예약된 거 뭐 있어?")
    assert await say(hass, "식기세척기 예약 취소해줘") == "식기세척기 예약을 취소했어요."
    await later(hass, timedelta(hours=4))
    assert controls(simulator, "로봇청소기") == [{"operation": {"cleanOperationMode": "START"}}]
    assert not controls(simulator, "식기세척기")
    assert stored(hass_storage, init_integration) == []


@pytest.mark.usefixtures("init_integration")
async def test_missed_actions_run_when_a_little_late_and_drop_when_old(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An action due while Home Assistant was down runs if recent; an old or damaged one is dropped."""
    await say(hass, "1시간 뒤에 로봇청소기 돌려줘")
    await say(hass, "2시간 뒤에 식기세척기 돌려줘")
    await hass.config_entries.async_unload(init_integration.entry_id)
    actions = stored(hass_storage, init_integration)
    now = dt_util.utcnow()
    actions[0]["due"] = (now - timedelta(minutes=5)).isoformat()
    actions[1]["due"] = (now - MISSED_GRACE - timedelta(minutes=1)).isoformat()
    actions.append({"id": "broken", "due": "not a time"})
    hass_storage[store_key(init_integration.entry_id)]["data"]["actions"] = actions
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert not controls(simulator, "로봇청소기")  # not before the appliances are set up
    await later(hass, timedelta(seconds=15))
    assert controls(simulator, "로봇청소기") == [{"operation": {"cleanOperationMode": "START"}}]
    assert not controls(simulator, "식기세척기")
    assert "while Home Assistant was stopped" in caplog.text
    assert "Dropping a damaged scheduled action" in caplog.text
    assert stored(hass_storage, init_integration) == []


@pytest.mark.usefixtures("init_integration")
async def test_action_finds_its_appliance_by_lg_id(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """A restart soon after setup can give the appliance a new Home Assistant device id."""
    await say(hass, "1시간 뒤에 로봇청소기 돌려줘")
    await hass.config_entries.async_unload(init_integration.entry_id)
    actions = stored(hass_storage, init_integration)
    assert actions[0]["thinq_device_id"] == simulator.find("로봇청소기").device_id
    actions[0]["device_id"] = "a-device-id-from-before-the-restart"
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert "로봇청소기 시작" in await say(hass, "로봇청소기 예약 있어?")
    await later(hass, timedelta(hours=1, minutes=1))
    assert controls(simulator, "로봇청소기") == [{"operation": {"cleanOperationMode": "START"}}]


async def pass_time(hass: HomeAssistant, freezer: FrozenDateTimeFactory, delta: timedelta) -> None:
    """Let time pass in steps of a few seconds, running Home Assistant's timers on the way."""
    end = dt_util.utcnow() + delta
    while dt_util.utcnow() < end:
        freezer.tick(timedelta(seconds=5))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()


@pytest.mark.usefixtures("init_integration")
async def test_failed_action_is_notified(
    hass: HomeAssistant, simulator: Simulator, freezer: FrozenDateTimeFactory
) -> None:
    """An appliance offline for the whole grace window: tried again, then told once, with the reason."""
    await say(hass, "30분 뒤에 로봇청소기 돌려줘")
    simulator.device(simulator.find("로봇청소기").device_id).online = False
    events: list[Event] = []
    hass.bus.async_listen(EVENT_SCHEDULED_ACTION, events.append)
    await pass_time(hass, freezer, timedelta(minutes=30) + GRACE + timedelta(minutes=1))
    assert [event.data["succeeded"] for event in events] == [False]
    assert events[0].data["tries"] > 3
    assert "전원과 Wi-Fi" in events[0].data["speech"]
    notifications = persistent_notification._async_get_or_create_notifications(hass)
    assert any("로봇청소기 시작이 실행되지 않았어요" in item["message"] for item in notifications.values())
    assert not controls(simulator, "로봇청소기")


@pytest.mark.usefixtures("init_integration")
async def test_action_due_in_a_cloud_outage_is_retried(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """LG fails when the action falls due and is back 11 s later: the action runs, told once as done."""
    await say(hass, "30분 뒤에 로봇청소기 돌려줘")
    events: list[Event] = []
    hass.bus.async_listen(EVENT_SCHEDULED_ACTION, events.append)
    await pass_time(hass, freezer, timedelta(minutes=29))
    simulator.set_faults({"fail_rate": 1.0})
    await init_integration.runtime_data.async_refresh()
    robot = next(state.entity_id for state in hass.states.async_all("vacuum") if "로봇청소기" in state.name)
    assert hass.states.get(robot).state == "unavailable"  # type: ignore[union-attr]
    await pass_time(hass, freezer, timedelta(minutes=1, seconds=1))
    assert not events  # failed once, waiting to try again
    await pass_time(hass, freezer, timedelta(seconds=11))
    simulator.faults.reset()
    await pass_time(hass, freezer, timedelta(seconds=30))
    assert controls(simulator, "로봇청소기") == [{"operation": {"cleanOperationMode": "START"}}]
    assert [(event.data["succeeded"], event.data["confirmed"]) for event in events] == [(True, True)]
    assert events[0].data["tries"] >= 2
    assert not persistent_notification._async_get_or_create_notifications(hass)


@pytest.mark.usefixtures("init_integration")
async def test_too_far_ahead_and_nothing_to_cancel(hass: HomeAssistant, simulator: Simulator) -> None:
    assert await say(hass, "200시간 뒤에 로봇청소기 돌려줘") == (
        "일주일보다 먼 예약은 할 수 없어요. 아무것도 바꾸지 않았어요."
    )
    assert await say(hass, "예약 취소해줘") == "예약된 건 없어요."
    assert await say(hass, "로봇청소기 예약 취소해줘") == "로봇청소기에는 예약된 게 없어요."
    assert not simulator.control_log


async def test_removing_the_entry_deletes_its_actions(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    await say(hass, "1시간 뒤에 로봇청소기 돌려줘")
    assert store_key(init_integration.entry_id) in hass_storage
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert store_key(init_integration.entry_id) not in hass_storage
