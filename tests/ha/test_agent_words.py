"""What the agent says is said in the user's words, through a real Home Assistant and the simulator:
modes by their translated names (an AC that is off is off, not "off mode"), delays of days as days with
their date, what an appliance cannot do in the agent's own words, a plug that is already on."""

from datetime import datetime, timedelta

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest

from simulator import Simulator

from .helpers import say


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


@pytest.mark.usefixtures("init_integration")
async def test_modes_are_said_in_korean_and_an_ac_that_is_off_is_off(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """An AC that is off is off; a dehumidifier's LG mode is named by its Korean translation."""
    assert await say(hass, "거실 에어컨 지금 무슨 모드야?") == "거실 에어컨은 지금 꺼져 있어요."
    assert await say(hass, "제습기 지금 무슨 모드야?") == "제습기는 지금 꺼져 있어요."
    assert await say(hass, "제습기 켜줘") == "제습기를 켰어요."
    assert await say(hass, "제습기 지금 무슨 모드야?") == "제습기는 지금 스마트 제습 모드예요."
    assert await say(hass, "거실 에어컨 켜줘") == "거실 에어컨을 켰어요."
    assert await say(hass, "거실 에어컨 지금 무슨 모드야?") == "거실 에어컨은 지금 냉방 모드예요."


@pytest.mark.fleet("en")
@pytest.mark.usefixtures("init_integration")
async def test_modes_are_said_in_english_and_an_ac_that_is_off_is_off(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """The same in English: off is off, LG's modes by their English names."""
    assert await say(hass, "what mode is the living room ac in?", "en") == "The Living Room AC is off."
    assert await say(hass, "turn on the dehumidifier", "en") == "Turned on the Dehumidifier."
    assert await say(hass, "what mode is the dehumidifier in?", "en") == (
        "The Dehumidifier is in smart humidity mode."
    )


def _clock_ko(local: datetime) -> str:
    half = "오전" if local.hour < 12 else "오후"
    return f"{half} {local.hour % 12 or 12}시" + (f" {local.minute}분" if local.minute else "")


@pytest.mark.usefixtures("init_integration")
async def test_a_delay_of_days_is_said_in_days_with_its_date(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """ "3일 뒤에" is three days with the date and weekday it falls on, not 72 hours."""
    due = dt_util.now() + timedelta(days=3)
    weekday = "월화수목금토일"[due.weekday()]
    assert await say(hass, "3일 뒤에 건조기 돌려줘") == (
        f"3일 뒤 {due.month}월 {due.day}일 ({weekday}) {_clock_ko(due)}에 건조기 시작을 예약했어요."
    )
    # Beyond the washer's own timer (19 hours): kept by ThinQ Voice, said the same way, nothing sent now.
    assert await say(hass, "3일 뒤에 세탁기 돌려줘") == (
        f"3일 뒤 {due.month}월 {due.day}일 ({weekday}) {_clock_ko(due)}에 세탁기 시작을 예약했어요."
    )
    assert not simulator.control_log
    # Less than a day is said as before, by the hour.
    assert (await say(hass, "5시간 뒤에 로봇청소기 돌려줘")).startswith("5시간 뒤(")


@pytest.mark.fleet("en")
@pytest.mark.usefixtures("init_integration")
async def test_a_delay_of_days_is_said_in_days_with_its_date_in_english(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """ "in 2 days" is said as days with the weekday and date, not 48 hours."""
    due = dt_util.now() + timedelta(days=2)
    clock = f"{due.hour % 12 or 12}:{due.minute:02d} {'AM' if due.hour < 12 else 'PM'}"
    assert await say(hass, "start the dryer in 2 days", "en") == (
        f"OK, the Dryer will start in 2 days, {due:%A} {due.day} {due:%B} at {clock}."
    )


@pytest.mark.usefixtures("init_integration")
async def test_a_numbered_fan_speed_is_a_step_of_the_ordered_speeds(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """ "바람 세기 2로" is the second of the AC's ordered speeds, never 2 degrees; one it lacks names the range."""
    assert await say(hass, "거실 에어컨 켜줘") == "거실 에어컨을 켰어요."
    assert await say(hass, "거실 에어컨 바람 세기 2로 해줘") == "거실 에어컨 바람 세기를 중풍으로 바꿨어요."
    ac = simulator.find("거실 에어컨")
    assert ac.state["airFlow"]["windStrength"] == "MID"
    sent = len(simulator.control_log)
    assert await say(hass, "거실 에어컨 바람 세기 7로 해줘") == (
        "거실 에어컨에는 7단계 바람 세기가 없어요. 1단계부터 3단계까지 있어요."
    )
    assert len(simulator.control_log) == sent
    # Said as a step: "2단계로" is the fan's, with or without "바람".
    assert await say(hass, "거실 에어컨 바람 3단계로 해줘") == "거실 에어컨 바람 세기를 강풍으로 바꿨어요."
    assert await say(hass, "거실 에어컨 2단계로 해줘") == "거실 에어컨 바람 세기를 중풍으로 바꿨어요."
    assert ac.state["airFlow"]["windStrength"] == "MID"


@pytest.mark.fleet("en")
@pytest.mark.usefixtures("init_integration")
async def test_a_numbered_fan_speed_in_english(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "fan speed 3" is the AC's third speed, not 3 degrees; "fan speed 0" names the range."""
    assert await say(hass, "turn on the living room ac", "en") == "Turned on the Living Room AC."
    assert await say(hass, "set the living room ac fan speed to 3", "en") == (
        "Set the Living Room AC fan speed to high."
    )
    assert simulator.find("Living Room AC").state["airFlow"]["windStrength"] == "HIGH"
    assert await say(hass, "set the living room ac fan speed to 0", "en") == (
        "The Living Room AC has no fan speed 0; it has speed 1 to speed 3."
    )
