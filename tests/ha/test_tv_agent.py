"""TV commands through the agent, in Korean and English, down to the simulated TV over SSAP."""

import asyncio

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from simulator.tv import SimulatedTv

AGENT = "conversation.thinq_voice"


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, "conversation", {})


@pytest.fixture
async def home(tv: SimulatedTv, init_integration: MockConfigEntry, init_tv: MockConfigEntry) -> SimulatedTv:
    """The ko appliance home (whose entry owns the agent) and the TV entry, both loaded."""
    return tv


async def say(hass: HomeAssistant, text: str, language: str) -> str:
    result = await conversation.async_converse(hass, text, None, Context(), language=language, agent_id=AGENT)
    # Let the TV's subscription updates reach the media player before the next sentence.
    await asyncio.sleep(0.05)
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])


@pytest.mark.parametrize(
    ("text", "language", "answer", "check"),
    [
        ("볼륨 20으로", "ko", "거실 TV 볼륨을 20으로 맞췄어요.", lambda tv: tv.state.volume == 20),
        ("거실 TV 볼륨 5 올려줘", "ko", "거실 TV 볼륨을 17로 맞췄어요.", lambda tv: tv.state.volume == 17),
        ("TV 소리 줄여줘", "ko", "거실 TV 소리를 줄였어요.", lambda tv: tv.state.volume == 11),
        ("turn the volume up", "en", "Turned the 거실 TV volume up.", lambda tv: tv.state.volume == 13),
        ("mute the TV", "en", "Muted the 거실 TV.", lambda tv: tv.state.muted),
        ("티비 소리 꺼줘", "ko", "거실 TV를 음소거했어요.", lambda tv: tv.state.muted),
        (
            "유튜브 틀어줘",
            "ko",
            "거실 TV에서 유튜브를 틀었어요.",
            lambda tv: tv.state.app_id == "youtube.leanback.v4",
        ),
        ("put on netflix", "en", "Opened Netflix on the 거실 TV.", lambda tv: tv.state.app_id == "netflix"),
        ("채널 11번", "ko", "거실 TV를 11번으로 돌렸어요.", lambda tv: tv.channel["channelName"] == "MBC"),
        ("TV 채널 올려줘", "ko", "거실 TV 채널을 올렸어요.", lambda tv: tv.channel["channelNumber"] == "7"),
        ("거실 TV 꺼줘", "ko", "거실 TV를 껐어요.", lambda tv: tv.state.power == "off"),
    ],
)
async def test_tv_commands(
    hass: HomeAssistant, home: SimulatedTv, text: str, language: str, answer: str, check: object
) -> None:
    assert await say(hass, text, language) == answer
    assert check(home)  # type: ignore[operator]


async def test_unmute_and_missing_app(hass: HomeAssistant, home: SimulatedTv) -> None:
    await say(hass, "TV 음소거 해줘", "ko")
    assert home.state.muted
    assert await say(hass, "음소거 해제해줘", "ko") == "거실 TV 음소거를 풀었어요."
    assert not home.state.muted
    assert await say(hass, "왓챠 틀어줘", "ko") == "거실 TV에 왓챠가 없어요."
    assert await say(hass, "볼륨 120으로", "ko") == "거실 TV는 120으로 맞출 수 없어요. 0부터 100까지 돼요."
    assert await say(hass, "set the TV channel down", "en") == "Switched the 거실 TV to the previous channel."
    assert home.channel["channelNumber"] == "13"


async def test_off_tv_answers_why(hass: HomeAssistant, home: SimulatedTv) -> None:
    await home.apply({"power": "off"})
    await asyncio.sleep(0.1)
    await hass.async_block_till_done()
    answer = await say(hass, "볼륨 20으로", "ko")
    assert answer == "TV에 연결할 수 없습니다. 꺼져 있을 수 있습니다."
