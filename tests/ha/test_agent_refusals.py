"""Commands the agent refuses, and why it says so, through a real Home Assistant and the simulator.

An appliance that is offline, a fan speed or a step it does not have, a door that cannot be told:
each is said in the conversation's language, and nothing goes to LG.
"""

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from simulator import Simulator

from .helpers import say


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component."""
    assert await async_setup_component(hass, "conversation", {})


async def take_offline(
    hass: HomeAssistant, entry: MockConfigEntry, simulator: Simulator, *aliases: str
) -> None:
    """Take appliances offline at LG; the next refresh makes their entities unavailable."""
    for alias in aliases:
        simulator.device(simulator.find(alias).device_id).online = False
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


async def test_an_offline_appliance_is_not_set_and_its_door_is_not_told(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """An offline air conditioner gets no temperature; an offline fridge's door is not made up."""
    await take_offline(hass, init_integration, simulator, "거실 에어컨", "냉장고")
    assert await say(hass, "거실 에어컨 23도로 맞춰줘") == (
        "거실 에어컨의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )
    assert await say(hass, "냉장고 문 열어줘") == "냉장고 문은 원격으로 열거나 닫을 수 없어요."
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_a_fan_speed_or_step_an_appliance_lacks_is_refused(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """A dehumidifier has no middle speed, and a washer has no fan to step."""
    assert await say(hass, "제습기 바람 중풍으로 해줘") == (
        "제습기에는 중풍 바람 세기가 없어요. 있는 세기: 약풍, 강풍."
    )
    assert await say(hass, "세탁기 바람 한 단계 올려줘") == "세탁기는 그 명령을 지원하지 않아요."
    assert not simulator.control_log
