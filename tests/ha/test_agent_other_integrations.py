"""The agent driving other integrations' devices, through a real Home Assistant: template vacuums, switches
and fans, a generic hygrostat and a generic thermostat, beside ThinQ Voice's simulated appliances.

What each says is checked, and what it did through the helpers (input_boolean, input_number) its
template actions drive.
"""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.const import EVENT_CALL_SERVICE
from homeassistant.core import Context, HomeAssistant, ServiceCall
from homeassistant.exceptions import HomeAssistantError
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from simulator import Simulator

AGENT = "conversation.thinq_voice"


def helper(action: str, entity_id: str, **data: Any) -> list[dict[str, Any]]:
    """A template action calling one helper's service."""
    step: dict[str, Any] = {"action": action, "target": {"entity_id": entity_id}}
    if data:
        step["data"] = data
    return [step]


TEMPLATES: list[dict[str, Any]] = [
    {
        "vacuum": [
            {
                "name": "물걸레 로봇",
                "unique_id": "mop",
                "state": "{{ 'cleaning' if is_state('input_boolean.mop_runs', 'on') else 'docked' }}",
                "start": helper("input_boolean.turn_on", "input_boolean.mop_runs"),
                "pause": helper("input_boolean.turn_off", "input_boolean.mop_runs"),
                "return_to_base": helper("input_boolean.turn_off", "input_boolean.mop_runs"),
            },
            {
                # Only start and return: it can neither pause nor stop where it is.
                "name": "윈도우봇",
                "unique_id": "window",
                "state": "{{ 'cleaning' if is_state('input_boolean.window_runs', 'on') else 'docked' }}",
                "start": helper("input_boolean.turn_on", "input_boolean.window_runs"),
                "return_to_base": helper("input_boolean.turn_off", "input_boolean.window_runs"),
            },
        ],
        "switch": [
            {
                "name": "전기장판",
                "unique_id": "blanket",
                "state": "{{ is_state('input_boolean.blanket', 'on') }}",
                "turn_on": helper("input_boolean.turn_on", "input_boolean.blanket"),
                "turn_off": helper("input_boolean.turn_off", "input_boolean.blanket"),
            },
            {
                # Its action runs a service that fails (registered by the test that uses it).
                "name": "고장난 플러그",
                "unique_id": "broken",
                "state": "{{ false }}",
                "turn_on": [{"action": "relay.turn_on"}],
                "turn_off": [],
            },
            {
                "name": "현관 히터",
                "unique_id": "porch",
                "state": "{{ false }}",
                "availability": "{{ false }}",
                "turn_on": [],
                "turn_off": [],
            },
        ],
        "fan": [
            {
                "name": "선풍기",
                "unique_id": "fan",
                "state": "{{ true }}",
                "percentage": "{{ states('input_number.fan_percentage') | int }}",
                "speed_count": 5,
                "turn_on": [],
                "turn_off": [],
                "set_percentage": helper(
                    "input_number.set_value", "input_number.fan_percentage", value="{{ percentage }}"
                ),
            },
            {"name": "환풍기", "unique_id": "vent", "state": "{{ true }}", "turn_on": [], "turn_off": []},
            {
                # A preset of its integration's own, which nothing names in Korean.
                "name": "서큘레이터",
                "unique_id": "circulator",
                "state": "{{ true }}",
                "preset_mode": "{{ 'jet_swirl' }}",
                "preset_modes": ["jet_swirl"],
                "turn_on": [],
                "turn_off": [],
                "set_preset_mode": [],
            },
        ],
    }
]


@pytest.fixture
async def others(hass: HomeAssistant, config_entry: MockConfigEntry) -> MockConfigEntry:
    """Set the other integrations up, then ThinQ Voice (its platforms would hide YAML ones set up later)."""
    assert await async_setup_component(hass, "conversation", {})
    booleans = {name: {} for name in ("mop_runs", "window_runs", "blanket", "humidifier_runs", "boiler_runs")}
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": booleans})
    fan_percentage = {"min": 0, "max": 100, "step": 1, "initial": 40}
    assert await async_setup_component(
        hass, "input_number", {"input_number": {"fan_percentage": fan_percentage}}
    )
    assert await async_setup_component(hass, "template", {"template": TEMPLATES})
    hass.states.async_set("sensor.bedroom_humidity", "35", {"unit_of_measurement": "%"})
    hass.states.async_set("sensor.boiler_room", "unknown", {"unit_of_measurement": "°C"})
    hygrostat = {
        "platform": "generic_hygrostat",
        "name": "가습기",
        "humidifier": "input_boolean.humidifier_runs",
        "target_sensor": "sensor.bedroom_humidity",
        "device_class": "humidifier",
        "target_humidity": 45,
    }
    assert await async_setup_component(hass, "humidifier", {"humidifier": hygrostat})
    thermostat = {
        "platform": "generic_thermostat",
        "name": "보일러",
        "heater": "input_boolean.boiler_runs",
        "target_sensor": "sensor.boiler_room",
        "target_temp": 20,
    }
    assert await async_setup_component(hass, "climate", {"climate": thermostat})
    await hass.async_block_till_done()
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    return config_entry


async def say(hass: HomeAssistant, text: str) -> str:
    result = await conversation.async_converse(hass, text, None, Context(), language="ko", agent_id=AGENT)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])


def is_on(hass: HomeAssistant, entity_id: str) -> bool:
    return hass.states.is_state(entity_id, "on")


@pytest.mark.usefixtures("others")
async def test_a_vacuum_is_powered_by_starting_and_docking(hass: HomeAssistant, simulator: Simulator) -> None:
    assert await say(hass, "물걸레 로봇 켜줘") == "물걸레 로봇을 켰어요."
    assert is_on(hass, "input_boolean.mop_runs")
    assert await say(hass, "물걸레 로봇 뭐 해?") == "물걸레 로봇은 지금 청소 중이에요."
    assert await say(hass, "물걸레 로봇 멈춰") == "물걸레 로봇을 멈췄어요."
    assert not is_on(hass, "input_boolean.mop_runs")
    assert await say(hass, "물걸레 로봇 켜줘") == "물걸레 로봇을 켰어요."
    assert await say(hass, "물걸레 로봇 꺼줘") == "물걸레 로봇을 껐어요."
    assert not is_on(hass, "input_boolean.mop_runs")
    assert not simulator.control_log


@pytest.mark.usefixtures("others")
async def test_a_vacuum_that_cannot_pause_or_stop_says_so_in_the_agents_words(hass: HomeAssistant) -> None:
    assert await say(hass, "윈도우봇 켜줘") == "윈도우봇을 켰어요."
    # Its features are read before calling: no entity id, no service name, nothing sent.
    assert await say(hass, "윈도우봇 멈춰") == "윈도우봇은 그 명령을 지원하지 않아요."
    assert await say(hass, "윈도우봇 일시정지해줘") == "윈도우봇은 그 명령을 지원하지 않아요."
    # A robot that declares a battery it cannot read (as Home Assistant shows such a robot).
    robot = hass.states.get("vacuum.windoubos")
    assert robot is not None
    hass.states.async_set(robot.entity_id, robot.state, {**robot.attributes, "battery_level": None})
    assert await say(hass, "윈도우봇 배터리 얼마야?") == (
        "윈도우봇의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )
    assert is_on(hass, "input_boolean.window_runs")


@pytest.mark.usefixtures("others")
async def test_a_failure_of_another_integration_is_told_without_its_ids(hass: HomeAssistant) -> None:
    """An error raised by what the device's action runs is told as a failure naming the appliance."""

    async def fail(call: ServiceCall) -> None:
        raise HomeAssistantError("switch.gojangnan_peulreogeu: relay.turn_on failed")

    hass.services.async_register("relay", "turn_on", fail)
    assert await say(hass, "고장난 플러그 켜줘") == (
        "고장난 플러그를 제어하지 못했어요. 기기 상태를 확인해 주세요."
    )


@pytest.mark.usefixtures("others")
async def test_a_plug_is_switched_and_an_unavailable_one_is_told_offline(hass: HomeAssistant) -> None:
    assert await say(hass, "전기장판 켜줘") == "전기장판을 켰어요."
    assert is_on(hass, "input_boolean.blanket")
    # Already on, as the plug reports it: said so, nothing sent (as a ThinQ appliance does).
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    assert await say(hass, "전기장판 켜줘") == "전기장판은 이미 켜져 있어요."
    assert not calls
    assert await say(hass, "전기장판 꺼줘") == "전기장판을 껐어요."
    assert not is_on(hass, "input_boolean.blanket")
    calls.clear()
    assert await say(hass, "전기장판 꺼줘") == "전기장판은 이미 꺼져 있어요."
    assert not calls
    # Home Assistant would skip an unavailable entity without a word: the agent tells it.
    assert await say(hass, "현관 히터 켜줘") == "현관 히터의 연결이 끊겨 있어요. 전원과 Wi-Fi를 확인하세요."


@pytest.mark.usefixtures("others")
async def test_a_fan_with_five_speeds_steps_by_number_up_to_its_top(hass: HomeAssistant) -> None:
    # 40 % of five speeds is the second.
    assert await say(hass, "선풍기 바람 한 단계 올려줘") == "선풍기 바람 세기를 3단계로 바꿨어요."
    assert hass.states.get("input_number.fan_percentage").state == "60.0"  # type: ignore[union-attr]
    assert await say(hass, "선풍기 바람 한 단계 올려줘") == "선풍기 바람 세기를 4단계로 바꿨어요."
    assert await say(hass, "선풍기 바람 한 단계 올려줘") == "선풍기 바람 세기를 5단계로 바꿨어요."
    assert await say(hass, "선풍기 바람 한 단계 올려줘") == "선풍기 바람 세기는 이미 가장 센 5단계예요."
    assert hass.states.get("input_number.fan_percentage").state == "100.0"  # type: ignore[union-attr]
    assert await say(hass, "선풍기 켜줘") == "선풍기는 이미 켜져 있어요."
    # A preset nothing names in Korean is not read out as its raw value.
    assert await say(hass, "서큘레이터 지금 무슨 모드야?") == (
        "서큘레이터는 지금 한국어 이름이 없는 모드로 작동 중이에요."
    )
    # A fan without speeds has no step to take.
    assert await say(hass, "환풍기 바람 한 단계 올려줘") == "환풍기는 그 명령을 지원하지 않아요."
    # A numbered speed of five, and one it lacks.
    assert await say(hass, "선풍기 바람 세기 2로 해줘") == "선풍기 바람 세기를 2단계로 바꿨어요."
    assert hass.states.get("input_number.fan_percentage").state == "40.0"  # type: ignore[union-attr]
    assert await say(hass, "선풍기 바람 세기 6으로 해줘") == (
        "선풍기에는 6단계 바람 세기가 없어요. 1단계부터 5단계까지 있어요."
    )
    assert await say(hass, "환풍기 바람 세기 2로 해줘") == "환풍기는 그 명령을 지원하지 않아요."


@pytest.mark.usefixtures("others")
async def test_a_humidifier_of_another_integration_takes_its_humidity(hass: HomeAssistant) -> None:
    assert await say(hass, "가습기 습도 올려줘") == "가습기 습도를 50%로 맞췄어요."
    assert await say(hass, "가습기 습도 40%로 맞춰줘") == "가습기 습도를 40%로 맞췄어요."
    state = hass.states.get("humidifier.gaseubgi")
    assert state is not None and state.attributes["humidity"] == 40
    # A hygrostat has no modes to tell.
    assert await say(hass, "가습기 모드 뭐야") == "가습기는 그 명령을 지원하지 않아요."
    assert await say(hass, "가습기 습도 어때?") == "가습기 습도는 35%예요."
    # Its sensor without a reading: the humidifier leaves its humidity out, and that is said.
    hass.states.async_set("sensor.bedroom_humidity", "unknown", {"unit_of_measurement": "%"})
    await hass.async_block_till_done()
    assert (
        await say(hass, "가습기 습도 어때?")
        == "가습기의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )


@pytest.mark.usefixtures("others")
async def test_a_thermostat_without_a_room_reading(hass: HomeAssistant) -> None:
    assert (
        await say(hass, "보일러 지금 몇 도야")
        == "보일러의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )
    assert await say(hass, "보일러 23도로 맞춰줘") == "보일러를 켜고 온도를 23도로 맞췄어요."
    state = hass.states.get("climate.boilreo")
    assert state is not None and state.attributes["temperature"] == 23 and state.state == "heat"


DESK_FAN = {
    "name": "Desk Fan",
    "unique_id": "desk_fan",
    "state": "{{ true }}",
    "percentage": "{{ states('input_number.desk_fan_percentage') | int }}",
    "speed_count": 5,
    "turn_on": [],
    "turn_off": [],
    "set_percentage": helper(
        "input_number.set_value", "input_number.desk_fan_percentage", value="{{ percentage }}"
    ),
}


@pytest.mark.fleet("en")
async def test_in_english_a_numbered_speed_and_a_start_on_a_weekday(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    assert await async_setup_component(hass, "conversation", {})
    percentage = {"min": 0, "max": 100, "step": 1, "initial": 40}
    assert await async_setup_component(
        hass, "input_number", {"input_number": {"desk_fan_percentage": percentage}}
    )
    assert await async_setup_component(hass, "template", {"template": [{"fan": [DESK_FAN]}]})
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    await hass.config.async_set_time_zone("Asia/Seoul")
    # Wednesday 25 November 2026, 20:00 in Seoul.
    freezer.move_to(datetime(2026, 11, 25, 20, 0, tzinfo=ZoneInfo("Asia/Seoul")))
    assert await say_en(hass, "turn up the desk fan") == "Set the Desk Fan fan speed to speed 3."
    assert hass.states.get("input_number.desk_fan_percentage").state == "60.0"  # type: ignore[union-attr]
    assert await say_en(hass, "start the robot vacuum on friday at 7 pm") == (
        "OK, the Robot Vacuum will start on Nov 27 at 7:00 PM."
    )
    assert not simulator.control_log


async def say_en(hass: HomeAssistant, text: str) -> str:
    result = await conversation.async_converse(hass, text, None, Context(), language="en", agent_id=AGENT)
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])


ENGLISH_TEMPLATES: list[dict[str, Any]] = [
    {
        "vacuum": [
            {
                # Only start and return: it can neither pause nor stop where it is.
                "name": "Window Bot",
                "unique_id": "window_bot",
                "state": "{{ 'cleaning' if is_state('input_boolean.bot_runs', 'on') else 'docked' }}",
                "start": helper("input_boolean.turn_on", "input_boolean.bot_runs"),
                "return_to_base": helper("input_boolean.turn_off", "input_boolean.bot_runs"),
            }
        ],
        "switch": [
            {
                "name": "Heated Blanket",
                "unique_id": "heated_blanket",
                "state": "{{ is_state('input_boolean.heated_blanket', 'on') }}",
                "turn_on": helper("input_boolean.turn_on", "input_boolean.heated_blanket"),
                "turn_off": helper("input_boolean.turn_off", "input_boolean.heated_blanket"),
            },
            {
                "name": "Broken Plug",
                "unique_id": "broken_plug",
                "state": "{{ false }}",
                "turn_on": [{"action": "relay.turn_on"}],
                "turn_off": [],
            },
        ],
    }
]


@pytest.mark.fleet("en")
async def test_in_english_what_a_device_cannot_do_is_already_or_fails(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """A robot without pause or stop, a plug already on, a failing plug: said in the agent's words."""
    assert await async_setup_component(hass, "conversation", {})
    booleans = {"bot_runs": {"initial": True}, "heated_blanket": {"initial": True}}
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": booleans})
    assert await async_setup_component(hass, "template", {"template": ENGLISH_TEMPLATES})
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()

    async def fail(call: ServiceCall) -> None:
        raise HomeAssistantError("switch.broken_plug: relay.turn_on failed")

    hass.services.async_register("relay", "turn_on", fail)
    calls = async_capture_events(hass, EVENT_CALL_SERVICE)
    assert await say_en(hass, "stop the window bot") == "The Window Bot doesn't support that."
    assert await say_en(hass, "turn on the heated blanket") == "The Heated Blanket is already on."
    assert not calls
    assert is_on(hass, "input_boolean.bot_runs")
    assert (
        await say_en(hass, "turn on the broken plug")
        == "I couldn't control the Broken Plug. Please check it."
    )
    assert not simulator.control_log
