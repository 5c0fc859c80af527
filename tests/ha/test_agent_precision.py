"""Sentences the agent must not act on: conditions, negations, unreadable times; nothing is sent."""

from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, intent
from homeassistant.setup import async_setup_component
import pytest

from simulator import Simulator

from .test_conversation import controls, speech, talk


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component, whose default agent is the fallback."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        # A condition that cannot come (the washer is not running, nothing is planned) is said at once.
        ("세탁 끝나면 건조기 돌려줘", "ko", "세탁기는 지금 작동하지 않고 예약된 것도 없어서"),
        ("빨래 끝나면 알려줘", "ko", "세탁기는 지금 작동하지 않고"),
        ("세탁기 다 돌면 에어컨 꺼줘", "ko", "세탁기는 지금 작동하지 않고"),
        ("when the washer finishes, start the dryer", "en", "isn't running and nothing is scheduled"),
        ("tell me when the oven is preheated", "en", "isn't running"),
        ("세탁기 돌면 에어컨 꺼줘", "ko", "조건"),
        ("if the washer stops, turn off the ac", "en", "condition"),
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_when_then_is_declined_and_sends_nothing(
    hass: HomeAssistant, simulator: Simulator, text: str, language: str, said: str
) -> None:
    """A command with a condition is never carried out at once: the agent says why, sends nothing."""
    result = await talk(hass, text, language)
    assert said in speech(result)
    assert "아무것도 보내지 않았어요" in speech(result) or "send anything" in speech(result)
    assert not simulator.control_log


_NOTHING_SENT = (
    "아무것도 보내지 않았어요",
    "didn't send anything",
    "아무것도 바꾸지 않았어요",
    "didn't change anything",
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("거실 에어컨 켜지 마", "ko"),
        ("세탁기 돌리지 마세요", "ko"),
        ("거실 에어컨 안 꺼도 돼", "ko"),
        ("다음 달에 세탁기 돌려줘", "ko"),
        ("내일 세탁기 돌려줘", "ko"),
        ("나중에 건조기 돌려줘", "ko"),
        ("7시까지 거실 에어컨 켜줘", "ko"),
        ("거실 에어컨 25리터로 맞춰줘", "ko"),
        ("세탁기 3 돌려줘", "ko"),
        ("세탁기 건조기 돌려줘", "ko"),
        ("냉장고 꺼줘", "ko"),
        ("don't turn on the living room ac", "en"),
        ("start the washer next month", "en"),
        ("start the washer tomorrow", "en"),
        ("set the living room ac to 25 liters", "en"),
        ("turn off the fridge", "en"),
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_must_not_act(hass: HomeAssistant, simulator: Simulator, text: str, language: str) -> None:
    """Near misses are answered with the reason and nothing reaches any appliance."""
    result = await talk(hass, text, language)
    assert any(words in speech(result) for words in _NOTHING_SENT), speech(result)
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_fridge_cannot_be_switched_off(hass: HomeAssistant, simulator: Simulator) -> None:
    """The fridge has no remote power: say so; its express-freeze switch is left alone."""
    result = await talk(hass, "냉장고 꺼줘")
    assert speech(result) == "냉장고는 원격으로 켜거나 끌 수 없어요. 아무것도 바꾸지 않았어요."
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_not_this_but_that_acts_on_that_only(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "세탁기 말고 건조기 돌려줘" starts the dryer and never the washer."""
    result = await talk(hass, "세탁기 말고 건조기 돌려줘")
    assert speech(result) == "건조기를 시작했어요."
    assert not controls(simulator, "세탁기")
    assert controls(simulator, "건조기")[-1]["operation"] == {"dryerOperationMode": "START"}


@pytest.mark.usefixtures("init_integration")
async def test_destination_and_amount(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "18도로 낮춰" goes to 18; "2도 올려" goes up by 2 from there."""
    await talk(hass, "거실 에어컨 18도로 낮춰줘")
    assert simulator.find("거실 에어컨").state["temperature"]["targetTemperature"] == 18
    await talk(hass, "거실 에어컨 2도 올려줘")
    assert simulator.find("거실 에어컨").state["temperature"]["targetTemperature"] == 20


@pytest.mark.parametrize(
    ("text", "language"), [("불 꺼줘", "ko"), ("거실 불 꺼줘", "ko"), ("turn off the kitchen lights", "en")]
)
@pytest.mark.usefixtures("init_integration")
async def test_not_ours_goes_to_the_fallback_agent(
    hass: HomeAssistant, simulator: Simulator, text: str, language: str
) -> None:
    """A sentence naming no appliance of ours is handed over, not answered "X이 어떤 기기인지"."""
    result = await talk(hass, text, language)
    assert "찾지 못했어요" not in speech(result)
    assert "couldn't find a device" not in speech(result)
    assert result.response.response_type is intent.IntentResponseType.ERROR  # HA's agent: no such light
    assert not simulator.control_log


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("제습기 냉방 모드로 해줘", "제습기에는 냉방 모드가 없어요. 있는 모드: "),
        ("공기청정기 난방 모드로 해줘", "공기청정기에는 난방 모드가 없어요. 있는 모드: "),
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_missing_mode_names_the_ones_there_are(
    hass: HomeAssistant, simulator: Simulator, text: str, said: str
) -> None:
    """A mode the profile lacks is refused with the modes it has; nothing is sent."""
    result = await talk(hass, text)
    assert speech(result).startswith(said), speech(result)
    assert not simulator.control_log


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        ("로봇청소기 배터리 얼마야?", "ko", "로봇청소기 배터리는 "),
        ("배터리 얼마나 남았어?", "ko", "로봇청소기 배터리는 "),
        ("거실 에어컨 지금 무슨 모드야?", "ko", "거실 에어컨은 지금 "),
        ("공기청정기 필터 얼마나 남았어?", "ko", "공기청정기는 그 명령을 지원하지 않아요"),
        ("거실은 지금 몇 도야?", "ko", "거실 에어컨"),
        ("제습기 지금 무슨 모드야?", "ko", "제습기는 지금 "),
        # The air purifier is off: it has no mode running, and says so.
        ("what mode is the air purifier in?", "en", "공기청정기 is off."),
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_attribute_questions(
    hass: HomeAssistant, simulator: Simulator, text: str, language: str, said: str
) -> None:
    """Battery, mode, filter life and a room's temperature are answered from the exposed entities."""
    result = await talk(hass, text, language)
    assert said in speech(result), speech(result)
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_filter_life_once_exposed(hass: HomeAssistant, simulator: Simulator) -> None:
    """Filter sensors are diagnostics, not exposed by default; exposed, they answer the question."""
    registry = er.async_get(hass)
    for entry in list(registry.entities.values()):
        if entry.translation_key in {"filter_lifetime", "filter_used_time"}:
            async_expose_entity(hass, "conversation", entry.entity_id, True)
    result = await talk(hass, "거실 에어컨 필터 얼마나 남았어?")
    assert speech(result).startswith("거실 에어컨 필터는 "), speech(result)
    assert speech(result).endswith("시간 더 쓸 수 있어요.")


@pytest.mark.usefixtures("init_integration")
async def test_awaited_appliance_must_be_named_too(hass: HomeAssistant, simulator: Simulator) -> None:
    """A when-then command whose awaited appliance has words no name has is refused, not kept."""
    await talk(hass, "세탁기 돌려줘")  # running: the condition can happen
    await hass.async_block_till_done()
    sent = len(simulator.control_log)
    result = await talk(hass, "세탁기 건조기 다 끝나면 알려줘")
    assert speech(result) == "'건조기'가 무슨 뜻인지 몰라서 아무것도 보내지 않았어요."
    assert len(simulator.control_log) == sent
