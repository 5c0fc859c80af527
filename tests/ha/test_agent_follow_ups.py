"""Parts that lean on another part or on the last turn, through a real Home Assistant and the simulator.

"그거" in the same sentence waits for the same choice as the part before it; "거실 거" after the
bedroom air conditioner is the living room's air conditioner; "예약 취소해줘" means what has
something scheduled.
"""

from datetime import timedelta

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from simulator import Simulator

AGENT = "conversation.thinq_voice"


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component."""
    assert await async_setup_component(hass, "conversation", {})


async def say(hass: HomeAssistant, text: str, conversation_id: str = "follow-ups") -> str:
    """Say a Korean sentence in one conversation, let the appliances report back; return the answer."""
    result = await conversation.async_converse(
        hass, text, conversation_id, Context(), language="ko", agent_id=AGENT
    )
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])


@pytest.mark.usefixtures("init_integration")
async def test_it_waits_for_the_same_choice_as_the_part_before(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """ "에어컨 켜서 23도로 맞춰줘" asks once; the answer settles both parts."""
    assert await say(hass, "에어컨 켜서 23도로 맞춰줘") == "거실 에어컨이요, 안방 에어컨이요?"
    assert await say(hass, "거실") == "거실 에어컨을 켰어요. 거실 에어컨을 켜고 온도를 23도로 맞췄어요."
    living_room = simulator.find("거실 에어컨")
    assert living_room.state["temperature"]["targetTemperature"] == 23
    assert all(entry.device_id == living_room.device_id for entry in simulator.control_log)


@pytest.mark.usefixtures("init_integration")
async def test_another_area_means_the_same_kind(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "거실 거 꺼줘" after the bedroom air conditioner is the living room's air conditioner."""
    assert await say(hass, "에어컨 켜서 23도로 맞춰줘") == "거실 에어컨이요, 안방 에어컨이요?"
    await say(hass, "거실")
    assert await say(hass, "안방 에어컨 꺼줘") == "안방 에어컨은 이미 꺼져 있어요."
    assert await say(hass, "거실 거 꺼줘") == "거실 에어컨을 껐어요."
    living_room = simulator.find("거실 에어컨")
    assert living_room.state["operation"]["airConOperationMode"] == "POWER_OFF"


@pytest.mark.usefixtures("init_integration")
async def test_cancelling_without_a_name_means_what_is_scheduled(hass: HomeAssistant) -> None:
    """ "예약 취소해줘" goes to the one appliance with something scheduled."""
    assert (await say(hass, "1시간 뒤에 제습기 꺼줘")).endswith("제습기 끄기를 예약했어요.")
    assert await say(hass, "예약 취소해줘") == "제습기 예약을 취소했어요."
    assert await say(hass, "예약된 거 뭐 있어?") == "예약된 건 없어요."
