"""Sentences the agent must not act on: conditions, negations, unreadable times; nothing is sent."""

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest

from simulator import Simulator

from .test_conversation import speech, talk


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component, whose default agent is the fallback."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


@pytest.mark.parametrize(
    ("text", "language", "said"),
    [
        ("세탁 끝나면 건조기 돌려줘", "ko", "세탁이 끝나면 할 일은 아직 맡을 수 없어요"),
        ("빨래 끝나면 알려줘", "ko", "빨래가 끝나면"),
        ("세탁기 다 돌면 에어컨 꺼줘", "ko", "세탁기가 끝나면"),
        ("when the washer finishes, start the dryer", "en", "when the washer finishes"),
        ("tell me when the oven is preheated", "en", "when the oven is preheated"),
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
    assert "아무것도 보내지 않았어요" in speech(result) or "didn't send anything" in speech(result)
    assert not simulator.control_log
