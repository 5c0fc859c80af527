"""The agent's answers on the less travelled paths: offline appliances, unsupported requests,
questions about humidity and air, presets, and falling back to power for start/stop."""

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from simulator import Simulator


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


async def say_to(hass: HomeAssistant, text: str, language: str = "ko") -> str:
    """Say a sentence to the agent and return its spoken answer."""
    result = await conversation.async_converse(
        hass, text, None, Context(), language=language, agent_id="conversation.thinq_voice"
    )
    return result.response.speech["plain"]["speech"]


async def settle(hass: HomeAssistant) -> None:
    """Let the confirming read after a control happen."""
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_nothing_running(hass: HomeAssistant, simulator: Simulator) -> None:
    """With every appliance idle, nothing is running."""
    assert await say_to(hass, "what is running?", "en") == "Nothing is running right now."


@pytest.mark.usefixtures("init_integration")
async def test_offline_appliance(
    hass: HomeAssistant, simulator: Simulator, freezer: FrozenDateTimeFactory
) -> None:
    """An offline appliance's state is not made up, and its door cannot be told either."""
    for alias in ("세탁기", "냉장고"):
        simulator.device(simulator.find(alias).device_id).online = False
    entry = next(iter(hass.config_entries.async_entries("thinq_voice")))
    await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done()
    # The state kept from before the reload is all there is until LG is asked again: told as of then.
    assert await say_to(hass, "세탁기 상태 어때?") == "다시 시작하기 전 기준으로 세탁기는 지금 대기예요."
    assert (await say_to(hass, "what is the washer doing?", "en")).startswith(
        "As last read before the restart, the 세탁기 is"
    )
    # An hour on, the budget reads every appliance again (the first reads after the reload took part).
    freezer.tick(timedelta(hours=1))
    await entry.runtime_data.async_refresh()
    assert (
        await say_to(hass, "세탁기 상태 어때?")
        == "세탁기의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )
    assert await say_to(hass, "냉장고 문 열어줘") == "냉장고 문은 원격으로 열거나 닫을 수 없어요."
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_unsupported_requests(hass: HomeAssistant, simulator: Simulator) -> None:
    """A request the appliance has no control for is answered as such, and nothing is sent."""
    assert await say_to(hass, "세탁기 강풍으로 해줘") == "세탁기는 그 명령을 지원하지 않아요."
    assert await say_to(hass, "세탁기 냉방 모드로 바꿔줘") == "세탁기는 그 명령을 지원하지 않아요."
    # A mode the appliance lacks: the ones it has are named.
    assert (
        await say_to(hass, "공기청정기 수면 모드로 해줘")
        == "공기청정기에는 수면 모드가 없어요. 있는 모드: 자동, 공기청정."
    )
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_questions(hass: HomeAssistant, simulator: Simulator) -> None:
    """Humidity, air quality and a compartment's target temperature are read from the entities."""
    answer = await say_to(hass, "제습기 습도 어때?")
    assert answer.startswith("제습기 습도는 ")
    assert answer.endswith("%예요.")
    answer = await say_to(hass, "공기청정기 공기 어때?")
    assert answer.startswith("공기청정기 기준으로 ")
    assert "미세먼지" in answer
    assert await say_to(hass, "냉장고 냉동실 설정 온도 알려줘") == "냉장고 냉동실 설정 온도는 영하 18도예요."


@pytest.mark.usefixtures("init_integration")
async def test_ac_preset_and_power_fallbacks(hass: HomeAssistant, simulator: Simulator) -> None:
    """An AC mode that is not an HVAC mode is a preset; start and stop mean power for an AC."""
    assert await say_to(hass, "거실 에어컨 시작해줘") == "거실 에어컨을 켰어요."
    await settle(hass)
    assert (
        await say_to(hass, "거실 에어컨 공기청정 모드로 바꿔줘") == "거실 에어컨을 공기청정 모드로 바꿨어요."
    )
    await settle(hass)
    assert await say_to(hass, "거실 에어컨 멈춰") == "거실 에어컨을 껐어요."
    ac = simulator.find("거실 에어컨")
    assert ac.state["operation"]["airConOperationMode"] == "POWER_OFF"
