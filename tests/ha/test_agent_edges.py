"""The agent on the less travelled paths of ThinQ appliances and the TV, through a real Home Assistant,
the simulator and the simulated TV: run buttons standing in for power, refusals that send nothing, a
fan already at its top speed, areas given to one entity, the TV's own examples, a TV that is off."""

from datetime import timedelta
from typing import Any

from homeassistant.components import conversation
from homeassistant.components.homeassistant.exposed_entities import DATA_EXPOSED_ENTITIES, async_should_expose
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.const import DOMAIN
from simulator import Simulator
from simulator.tv import SimulatedTv

AGENT = "conversation.thinq_voice"


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component."""
    assert await async_setup_component(hass, "conversation", {})


async def say(hass: HomeAssistant, text: str, conversation_id: str | None = None) -> str:
    """Say a Korean sentence to the agent, let the appliances report back; return the answer."""
    result = await conversation.async_converse(
        hass, text, conversation_id, Context(), language="ko", agent_id=AGENT
    )
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    return str(result.response.speech["plain"]["speech"])


def bodies(simulator: Simulator, alias: str) -> list[Any]:
    """Return the control bodies the simulator carried out for an appliance."""
    device_id = simulator.find(alias).device_id
    return [
        entry.body for entry in simulator.control_log if entry.device_id == device_id and entry.code is None
    ]


@pytest.mark.usefixtures("init_integration")
async def test_an_appliance_without_power_starts_and_stops_with_its_run_buttons(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """An oven has no power switch: "켜줘" starts it and "꺼줘" stops it, said as such."""
    assert await say(hass, "오븐 켜줘") == "오븐을 시작했어요."
    assert await say(hass, "오븐 꺼줘") == "오븐을 멈췄어요."
    sent = bodies(simulator, "오븐")
    assert len(sent) == 2
    assert "START" in str(sent[0]) and "STOP" in str(sent[1])


@pytest.mark.parametrize(
    "text",
    [
        "김치냉장고 급속냉동 켜줘",
        "세탁기 볼륨 올려줘",
        "세탁기 충전하러 가",
        "김치냉장고 냉동실 온도 영하 18도로 맞춰줘",
        "로봇청소기 모드 뭐야",
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_what_an_appliance_cannot_do_is_refused_and_nothing_is_sent(
    hass: HomeAssistant, simulator: Simulator, text: str
) -> None:
    device = text.split(" ", 1)[0]
    assert await say(hass, text) == f"{device}는 그 명령을 지원하지 않아요."
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_a_fan_at_its_top_speed_and_a_mode_an_ac_lacks(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    assert await say(hass, "제습기 바람 한 단계 올려줘") == "제습기 바람 세기는 이미 가장 센 강풍이에요."
    assert await say(hass, "거실 에어컨 취침 모드로") == (
        "거실 에어컨에는 수면 모드가 없어요. 있는 모드: 냉방, 난방, 제습, 송풍, 자동, 공기청정."
    )
    assert not simulator.control_log


async def test_an_area_given_to_one_entity_places_its_appliance(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """The styler's device has no area, one of its sensors is in 드레스룸: the styler is there."""
    area = ar.async_get(hass).async_create("드레스룸")
    registry = er.async_get(hass)
    styler = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, simulator.find("스타일러").device_id), init_integration.entry_id
    )
    assert styler is not None and styler.area_id is None
    sensor = next(
        entry for entry in er.async_entries_for_device(registry, styler.id) if entry.domain == "sensor"
    )
    registry.async_update_entity(sensor.entity_id, area_id=area.id)
    await hass.async_block_till_done()
    assert await say(hass, "드레스룸 뭐 해?") == "스타일러는 지금 대기예요."
    assert await say(hass, "드레스룸 켜줘") == "스타일러를 시작했어요."
    assert bodies(simulator, "스타일러")


@pytest.mark.usefixtures("init_integration")
async def test_a_delayed_start_without_a_device_timer_is_kept_by_home_assistant(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """A robot cleaner has no start timer of its own: Home Assistant keeps the start; nothing is sent yet."""
    answer = await say(hass, "2시간 뒤에 로봇청소기 돌려줘")
    assert answer.startswith("2시간 뒤(") and answer.endswith("에 로봇청소기 시작을 예약했어요.")
    assert not simulator.control_log


async def test_the_tv_says_what_it_can_do_and_a_step_needs_its_volume(
    hass: HomeAssistant,
    simulator: Simulator,
    tv: SimulatedTv,
    config_entry: MockConfigEntry,
    tv_entry: MockConfigEntry,
) -> None:
    for entry in (config_entry, tv_entry):
        entry.add_to_hass(hass)
        await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    assert await say(hass, "거실 TV 뭐 할 수 있어") == (
        "거실 TV에는 이렇게 말할 수 있어요: 켜줘, 꺼줘, 40분 있다가 꺼줘, 볼륨 올려줘, 유튜브 틀어줘, "
        "7번 채널 틀어줘, 뭐 해?, 예약된 거 있어?."
    )
    assert await say(hass, "거실 TV 꺼줘") == "거실 TV를 껐어요."
    # A TV in standby reports no volume: "5 up" from what is not said.
    volume_before = tv.state.volume
    assert (
        await say(hass, "거실 TV 볼륨 5 올려줘")
        == "거실 TV의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )
    assert tv.state.volume == volume_before
    assert await say(hass, "거실 TV 뭐 해?") == "거실 TV는 지금 꺼져 있어요."
    # With the TV's entry loaded too, an offline washer's question still finds its last state.
    for alias in ("세탁기", "거실 에어컨"):
        simulator.device(simulator.find(alias).device_id).online = False
    await config_entry.runtime_data.async_refresh()
    await hass.async_block_till_done()
    assert (
        await say(hass, "세탁기 상태 어때?")
        == "세탁기의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )
    # An offline air conditioner reported no run state to fall back on.
    assert await say(hass, "거실 에어컨 뭐 해?") == (
        "거실 에어컨의 상태를 지금은 알 수 없어요. 연결이 끊겼을 수 있어요."
    )


@pytest.mark.usefixtures("init_integration")
async def test_no_name_is_asked_for_and_an_ambiguous_answer_is_asked_again(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    assert await say(hass, "켜줘", "w1") == "어떤 기기를 말씀하시는 건가요?"
    assert await say(hass, "에어컨 켜줘", "w2") == "거실 에어컨이요, 안방 에어컨이요?"
    # "에어컨" names both again: the question stands.
    assert await say(hass, "에어컨", "w2") == "거실 에어컨이요, 안방 에어컨이요?"
    assert not simulator.control_log
    assert await say(hass, "안방", "w2") == "안방 에어컨을 켰어요."
    assert bodies(simulator, "안방 에어컨") and not bodies(simulator, "거실 에어컨")


@pytest.mark.usefixtures("init_integration")
async def test_when_actions_kept_and_refused_are_listed_as_such(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    assert await say(hass, "냉장고 끝나면 알려줘") == (
        "냉장고는 그걸 알려 주지 않아서 맡지 않았어요. 아무것도 보내지 않았어요."
    )
    assert await say(hass, "세탁기 돌려줘") == "세탁기를 시작했어요."
    assert await say(hass, "세탁기 끝나면 알려줘") == "세탁기가 끝나면 알려 드릴게요."
    assert await say(hass, "예약된 거 있어?") == "예약된 건 1개예요: 세탁기가 끝나면 알림."


async def test_appliances_stay_hidden_when_new_entities_are_not_exposed(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """The user turned off exposing new entities to Assist: ThinQ Voice does not expose its own either."""
    assert await async_setup_component(hass, "homeassistant", {})
    hass.data[DATA_EXPOSED_ENTITIES].async_set_expose_new_entities("conversation", False)
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    registry = er.async_get(hass)
    washer = [
        entry
        for entry in registry.entities.values()
        if entry.platform == DOMAIN and "setaggi" in entry.entity_id
    ]
    assert washer
    assert not any(async_should_expose(hass, "conversation", entry.entity_id) for entry in washer)
    assert await say(hass, "세탁기 돌려줘") == "세탁기가 어떤 기기인지 찾지 못했어요."
    assert not simulator.control_log


async def test_the_same_kind_in_another_area_and_a_refused_part_named(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """ "거실 거" after the bedroom AC is the living room's AC, not its purifier or robot."""
    area = ar.async_get(hass).async_create("거실")
    devices = dr.async_get(hass)
    for alias in ("거실 에어컨", "공기청정기", "로봇청소기"):
        device = devices.async_get_device_by_identifier(
            (DOMAIN, simulator.find(alias).device_id), init_integration.entry_id
        )
        assert device is not None
        devices.async_update_device(device.id, area_id=area.id)
    await hass.async_block_till_done()
    assert await say(hass, "안방 에어컨 켜줘", "a1") == "안방 에어컨을 켰어요."
    assert await say(hass, "거실 거 켜줘", "a1") == "거실 에어컨을 켰어요."
    assert bodies(simulator, "거실 에어컨") and not bodies(simulator, "공기청정기")
    # The oven has nothing to stop: the dishwasher still starts, and the answer ends naming the oven.
    assert await say(hass, "식기세척기 돌리고 오븐 꺼줘", "a2") == (
        "식기세척기를 시작했어요. 오븐의 지금 상태에서는 할 수 없는 명령이에요. 오븐에는 하지 못했어요."
    )
    assert bodies(simulator, "식기세척기") and not bodies(simulator, "오븐")
