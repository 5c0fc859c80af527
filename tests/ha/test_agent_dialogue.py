"""The agent's second layer over the simulator: several actions in a sentence, quantifiers,
follow-ups in the same conversation, relative changes and "what can I say?".

Each test checks what the simulator received and what was answered.
"""

from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er, intent
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.const import CONF_CONFIRM_START, DOMAIN
from simulator import Simulator

from .test_conversation import controls, speech, talk


async def say_in(hass: HomeAssistant, text: str, conversation_id: str, language: str = "ko") -> str:
    """Say a sentence in a conversation, let the appliances report back, and return the answer."""
    result = await talk(hass, text, language, conversation_id)
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    return speech(result)


def power(sim: Simulator, alias: str) -> str:
    """Return an AC's power state as the simulator holds it."""
    return str(sim.find(alias).state["operation"]["airConOperationMode"])


@pytest.mark.usefixtures("init_integration")
async def test_two_starts_in_one_sentence_run_in_spoken_order(
    hass: HomeAssistant, simulator: Simulator
) -> None:
    """식기세척기 돌리고 로봇청소기도 시작해 starts both, the dishwasher first, in one answer."""
    answer = await say_in(hass, "식기세척기 돌리고 로봇청소기도 시작해", "m1")
    assert answer == "식기세척기를 시작했어요. 로봇청소기를 시작했어요."
    order = [entry.device_id for entry in simulator.control_log]
    dishwasher, robot = simulator.find("식기세척기").device_id, simulator.find("로봇청소기").device_id
    assert order.index(dishwasher) < order.index(robot)
    assert controls(simulator, "로봇청소기")[-1]["operation"] == {"cleanOperationMode": "START"}


@pytest.mark.usefixtures("init_integration")
async def test_turn_on_then_set(hass: HomeAssistant, simulator: Simulator) -> None:
    """안방 에어컨 켜서 26도로 맞춰줘 turns the bedroom AC on and sets 26 degrees."""
    answer = await say_in(hass, "안방 에어컨 켜서 26도로 맞춰줘", "m2")
    assert answer.startswith("안방 에어컨을 켰어요.")
    assert "26도로 맞췄어요." in answer
    assert power(simulator, "안방 에어컨") == "POWER_ON"
    assert any(
        value == 26
        for key, value in simulator.find("안방 에어컨").state["temperature"].items()
        if "arget" in key
    )
    assert not controls(simulator, "거실 에어컨")


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_english_two_targets_and_all(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "start the dryer and the styler" starts both; "all the ACs" reaches every AC."""
    answer = await say_in(hass, "start the dryer and the styler", "e1", "en")
    assert answer == "Started the Dryer. Started the Styler."
    assert controls(simulator, "Dryer")[-1]["operation"] == {"dryerOperationMode": "START"}
    assert controls(simulator, "Styler")[-1]["operation"] == {"stylerOperationMode": "START"}
    answer = await say_in(hass, "turn on all the air conditioners", "e1", "en")
    assert answer == "Turned on the Living Room AC. Turned on the Bedroom AC."
    answer = await say_in(hass, "all the ACs off", "e1", "en")
    assert answer == "Turned off the Living Room AC. Turned off the Bedroom AC."
    assert power(simulator, "Living Room AC") == power(simulator, "Bedroom AC") == "POWER_OFF"


@pytest.mark.usefixtures("init_integration")
async def test_quantifier_reaches_every_ac(hass: HomeAssistant, simulator: Simulator) -> None:
    """에어컨 다 켜줘 / 에어컨 모두 꺼줘: every AC, no question."""
    answer = await say_in(hass, "에어컨 다 켜줘", "m3")
    assert answer == "거실 에어컨을 켰어요. 안방 에어컨을 켰어요."
    assert power(simulator, "거실 에어컨") == power(simulator, "안방 에어컨") == "POWER_ON"
    answer = await say_in(hass, "에어컨 모두 꺼줘", "m3")
    assert answer == "거실 에어컨을 껐어요. 안방 에어컨을 껐어요."
    assert power(simulator, "거실 에어컨") == power(simulator, "안방 에어컨") == "POWER_OFF"


@pytest.mark.usefixtures("init_integration")
async def test_ambiguous_part_holds_the_whole_sentence(hass: HomeAssistant, simulator: Simulator) -> None:
    """식기세척기 돌리고 에어컨 켜줘 asks which AC before starting anything, then does both."""
    result = await talk(hass, "식기세척기 돌리고 에어컨 켜줘", "ko", "m4")
    assert speech(result) == "거실 에어컨이요, 안방 에어컨이요?"
    assert result.continue_conversation
    assert not simulator.control_log
    answer = await say_in(hass, "안방", "m4")
    assert answer == "식기세척기를 시작했어요. 안방 에어컨을 켰어요."
    assert controls(simulator, "식기세척기")
    assert power(simulator, "안방 에어컨") == "POWER_ON"
    assert not controls(simulator, "거실 에어컨")


@pytest.mark.usefixtures("init_integration")
async def test_unknown_part_holds_the_whole_sentence(hass: HomeAssistant, simulator: Simulator) -> None:
    """A part naming nothing known stops the sentence: the dishwasher does not start either."""
    answer = await say_in(hass, "식기세척기 돌리고 보일러 켜줘", "m5")
    assert answer == "보일러가 어떤 기기인지 찾지 못했어요."
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_refused_part_is_named_and_the_rest_runs(hass: HomeAssistant, simulator: Simulator) -> None:
    """The washer's remote start is off: it is named with the reason, the dryer still starts."""
    simulator.patch_state(
        simulator.find("세탁기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    result = await talk(hass, "세탁기 돌리고 건조기도 돌려줘", "ko", "m6")
    answer = speech(result)
    assert "세탁기의 원격 제어가 꺼져 있어요" in answer
    assert answer.endswith("건조기를 시작했어요. 세탁기에는 하지 못했어요.")
    # Done in part is not a success: Assist clients and automations are told so.
    assert result.response.response_type is intent.IntentResponseType.ERROR
    assert result.response.error_code is intent.IntentResponseErrorCode.FAILED_TO_HANDLE
    assert not controls(simulator, "세탁기")
    assert controls(simulator, "건조기")[-1]["operation"] == {"dryerOperationMode": "START"}


@pytest.mark.usefixtures("init_integration")
async def test_ask_back_both_and_cancel(hass: HomeAssistant, simulator: Simulator) -> None:
    """An ask-back takes "둘 다" for every choice, and "취소할게" drops it."""
    assert await say_in(hass, "에어컨 켜줘", "m7") == "거실 에어컨이요, 안방 에어컨이요?"
    assert await say_in(hass, "둘 다", "m7") == "거실 에어컨을 켰어요. 안방 에어컨을 켰어요."
    assert power(simulator, "거실 에어컨") == power(simulator, "안방 에어컨") == "POWER_ON"
    before = len(simulator.control_log)
    await say_in(hass, "에어컨 꺼줘", "m7")
    assert await say_in(hass, "취소할게", "m7") == "알겠어요, 취소할게요."
    assert len(simulator.control_log) == before


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_english_follow_ups(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "both of them", "and the bedroom one too", "turn it down a degree", "forget it"."""
    assert await say_in(hass, "turn on the ac", "e2", "en") == "Which one: Living Room AC, Bedroom AC?"
    answer = await say_in(hass, "both of them", "e2", "en")
    assert answer == "Turned on the Living Room AC. Turned on the Bedroom AC."
    assert await say_in(hass, "turn off the living room ac", "e2", "en") == "Turned off the Living Room AC."
    assert await say_in(hass, "and the bedroom one too", "e2", "en") == "Turned off the Bedroom AC."
    assert power(simulator, "Bedroom AC") == "POWER_OFF"
    assert await say_in(hass, "set the bedroom ac to 24 degrees", "e2", "en")
    assert await say_in(hass, "turn it down a degree", "e2", "en") == "Set the Bedroom AC to 23°C."
    await say_in(hass, "turn on the ac", "e2", "en")
    before = len(simulator.control_log)
    assert await say_in(hass, "forget it", "e2", "en") == "OK, never mind."
    assert len(simulator.control_log) == before


@pytest.mark.usefixtures("init_integration")
async def test_pronoun_correction_and_ellipsis(hass: HomeAssistant, simulator: Simulator) -> None:
    """그거 꺼줘, 안방 것도, 아니 거실 거, 더 낮춰, 2도 올려줘 follow the last device and action."""
    await say_in(hass, "에어컨 다 켜줘", "m8")
    assert await say_in(hass, "거실 에어컨 꺼줘", "m8") == "거실 에어컨을 껐어요."
    assert await say_in(hass, "안방 것도", "m8") == "안방 에어컨을 껐어요."
    assert power(simulator, "안방 에어컨") == "POWER_OFF"
    assert await say_in(hass, "그거 켜줘", "m8") == "안방 에어컨을 켰어요."
    # The correction also puts back the appliance that was not meant.
    assert (
        await say_in(hass, "아니, 거실 거", "m8")
        == "거실 에어컨을 켰어요. 안방 에어컨은 원래대로 되돌렸어요."
    )
    assert power(simulator, "거실 에어컨") == "POWER_ON"
    assert power(simulator, "안방 에어컨") == "POWER_OFF"
    assert await say_in(hass, "거실 에어컨 24도로 맞춰줘", "m8") == "거실 에어컨 온도를 24도로 맞췄어요."
    assert await say_in(hass, "더 낮춰", "m8") == "거실 에어컨 온도를 23도로 맞췄어요."
    assert await say_in(hass, "2도 올려줘", "m8") == "거실 에어컨 온도를 25도로 맞췄어요."
    assert await say_in(hass, "조금 더 시원하게", "m8") == "거실 에어컨 온도를 24도로 맞췄어요."
    # A question about the whole home leaves "그거" on the last appliance named.
    assert "작동 중" in await say_in(hass, "지금 돌아가는 거 뭐 있어?", "m8")
    assert await say_in(hass, "그거 꺼줘", "m8") == "거실 에어컨을 껐어요."
    assert power(simulator, "안방 에어컨") == "POWER_OFF"
    assert not [entry for entry in controls(simulator, "안방 에어컨") if "temperature" in entry]


@pytest.mark.usefixtures("init_integration")
async def test_correction_puts_the_temperature_back(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "아니, 거실 거" after a temperature change: the bedroom AC gets its old target back."""
    await say_in(hass, "에어컨 다 켜줘", "c1")
    assert await say_in(hass, "안방 에어컨 20도로 맞춰줘", "c1") == "안방 에어컨 온도를 20도로 맞췄어요."
    answer = await say_in(hass, "아니 거실 에어컨", "c1")
    assert answer == "거실 에어컨 온도를 20도로 맞췄어요. 안방 에어컨은 원래대로 되돌렸어요."
    assert simulator.find("안방 에어컨").state["temperature"]["targetTemperature"] == 25
    assert simulator.find("거실 에어컨").state["temperature"]["targetTemperature"] == 20
    # "and the bedroom one too" adds; it takes nothing back.
    assert await say_in(hass, "안방 것도", "c1") == "안방 에어컨 온도를 20도로 맞췄어요."
    assert simulator.find("거실 에어컨").state["temperature"]["targetTemperature"] == 20


@pytest.mark.usefixtures("init_integration")
async def test_correction_puts_mode_and_fan_speed_back(hass: HomeAssistant, simulator: Simulator) -> None:
    """A corrected mode or fan speed goes back to what the appliance had before."""
    await say_in(hass, "에어컨 다 켜줘", "c3")
    before = simulator.find("안방 에어컨").state["airFlow"]["windStrength"]
    assert (
        await say_in(hass, "안방 에어컨 바람 세게 해줘", "c3") == "안방 에어컨 바람 세기를 강풍으로 바꿨어요."
    )
    answer = await say_in(hass, "아니, 거실 거", "c3")
    assert answer == "거실 에어컨 바람 세기를 강풍으로 바꿨어요. 안방 에어컨은 원래대로 되돌렸어요."
    assert simulator.find("안방 에어컨").state["airFlow"]["windStrength"] == before
    assert simulator.find("거실 에어컨").state["airFlow"]["windStrength"] == "HIGH"
    assert await say_in(hass, "거실 에어컨 제습 모드로 바꿔줘", "c4") == "거실 에어컨을 제습 모드로 바꿨어요."
    answer = await say_in(hass, "아니 안방 에어컨", "c4")
    assert answer == "안방 에어컨을 제습 모드로 바꿨어요. 거실 에어컨은 원래대로 되돌렸어요."
    assert simulator.find("거실 에어컨").state["airConJobMode"]["currentJobMode"] == "COOL"
    assert simulator.find("안방 에어컨").state["airConJobMode"]["currentJobMode"] == "AIR_DRY"


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_correction_in_english(hass: HomeAssistant, simulator: Simulator) -> None:
    await say_in(hass, "turn on all the ACs", "c2", "en")
    assert await say_in(hass, "turn off the bedroom AC", "c2", "en") == "Turned off the Bedroom AC."
    answer = await say_in(hass, "no, the living room one", "c2", "en")
    assert answer == "Turned off the Living Room AC. Put the Bedroom AC back as it was."
    assert power(simulator, "Bedroom AC") == "POWER_ON"
    assert power(simulator, "Living Room AC") == "POWER_OFF"


@pytest.mark.usefixtures("init_integration")
async def test_more_follows_the_last_change(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "더 올려" after a fan change is the fan speed; after a temperature change the temperature."""
    await say_in(hass, "거실 에어컨 켜줘", "i1")
    assert (
        await say_in(hass, "거실 에어컨 바람 약하게 해줘", "i1")
        == "거실 에어컨 바람 세기를 약풍으로 바꿨어요."
    )
    assert await say_in(hass, "더 올려", "i1") == "거실 에어컨 바람 세기를 중풍으로 바꿨어요."
    assert controls(simulator, "거실 에어컨")[-1] == {"airFlow": {"windStrength": "MID"}}
    assert not [entry for entry in controls(simulator, "거실 에어컨") if "temperature" in entry]
    assert await say_in(hass, "거실 에어컨 24도로 맞춰줘", "i1") == "거실 에어컨 온도를 24도로 맞췄어요."
    assert await say_in(hass, "조금 더 올려줘", "i1") == "거실 에어컨 온도를 25도로 맞췄어요."


async def test_renamed_and_hidden_appliances_are_seen_at_once(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """The agent keeps its list of appliances between turns, but not past a change to them."""
    assert await say_in(hass, "거실 에어컨 켜줘", "r1") == "거실 에어컨을 켰어요."
    devices = dr.async_get(hass)
    lg_id = simulator.find("거실 에어컨").device_id
    device = devices.async_get_device_by_identifier((DOMAIN, lg_id), init_integration.entry_id)
    assert device is not None
    devices.async_update_device(device.id, name_by_user="큰방 에어컨")
    assert await say_in(hass, "큰방 에어컨 꺼줘", "r1") == "큰방 에어컨을 껐어요."
    assert power(simulator, "거실 에어컨") == "POWER_OFF"
    for entry in er.async_entries_for_device(er.async_get(hass), device.id):
        async_expose_entity(hass, "conversation", entry.entity_id, False)
    before = len(simulator.control_log)
    assert await say_in(hass, "큰방 에어컨 켜줘", "r2") == "큰방 에어컨이 어떤 기기인지 찾지 못했어요."
    assert len(simulator.control_log) == before


@pytest.mark.usefixtures("init_integration")
async def test_context_expires(
    hass: HomeAssistant, simulator: Simulator, freezer: FrozenDateTimeFactory
) -> None:
    """After minutes of silence "그거" names nothing any more."""
    await say_in(hass, "거실 에어컨 켜줘", "m9")
    freezer.tick(timedelta(minutes=4))
    before = len(simulator.control_log)
    assert await say_in(hass, "그거 꺼줘", "m9") == "어떤 기기를 말씀하시는 건가요?"
    assert len(simulator.control_log) == before


@pytest.mark.usefixtures("init_integration")
async def test_relative_fan_speed_and_humidity(hass: HomeAssistant, simulator: Simulator) -> None:
    """Fan speed one step from the current one; humidity by LG's step; limits are told."""
    await say_in(hass, "거실 에어컨이랑 제습기 켜줘", "m10")
    answer = await say_in(hass, "거실 에어컨 바람 한 단계 올려줘", "m10")
    assert answer == "거실 에어컨 바람 세기를 강풍으로 바꿨어요."
    assert controls(simulator, "거실 에어컨")[-1]["airFlow"] == {"windStrength": "HIGH"}
    before = len(simulator.control_log)
    answer = await say_in(hass, "바람 한 단계 더 올려줘", "m10")
    assert answer == "거실 에어컨 바람 세기는 이미 가장 센 강풍이에요."
    assert len(simulator.control_log) == before
    assert await say_in(hass, "제습기 습도 올려줘", "m10") == "제습기 습도를 55%로 맞췄어요."
    assert controls(simulator, "제습기")[-1]["humidity"] == {"targetHumidity": 55}
    assert await say_in(hass, "습도 10% 내려줘", "m10") == "제습기 습도를 45%로 맞췄어요."
    answer = await say_in(hass, "습도 30% 올려줘", "m10")
    assert "30%부터 70%까지" in answer
    assert controls(simulator, "제습기")[-1]["humidity"] == {"targetHumidity": 45}


@pytest.mark.usefixtures("init_integration")
async def test_what_can_i_say_ko(hass: HomeAssistant, simulator: Simulator) -> None:
    """건조기한테 뭐라고 할 수 있어? lists the dryer's commands and questions; nothing is sent."""
    answer = await say_in(hass, "건조기한테 뭐라고 할 수 있어?", "m11")
    assert answer.startswith("건조기에는 이렇게 말할 수 있어요: ")
    assert "시작해" in answer
    assert "얼마나 남았어?" in answer
    assert "23도로" not in answer
    assert (await say_in(hass, "세탁기는?", "m11")).startswith("세탁기에는 이렇게 말할 수 있어요: ")
    result = await talk(hass, "오늘 날씨 어때", "ko", "m11")
    assert result.response.response_type is intent.IntentResponseType.ERROR
    answer = await say_in(hass, "거실 에어컨으로 뭘 할 수 있어?", "m11")
    assert "23도로 맞춰줘" in answer
    assert "바람 세게 해줘" in answer
    assert not simulator.control_log


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_what_can_i_say_en(hass: HomeAssistant, simulator: Simulator) -> None:
    """ "what can I say to the dryer?" answers in English."""
    answer = await say_in(hass, "what can I say to the dryer?", "e3", "en")
    assert answer.startswith("You can say this to the Dryer: ")
    assert "start it" in answer
    assert "how long is left?" in answer
    answer = await say_in(hass, "what can the refrigerator do?", "e3", "en")
    assert "turn on express freeze" in answer
    assert "is the door open?" in answer
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_stale_state_says_its_age(
    hass: HomeAssistant, simulator: Simulator, freezer: FrozenDateTimeFactory
) -> None:
    """An answer from a state read minutes ago says how old it is; the end time is from that read."""
    await say_in(hass, "세탁기 돌려줘", "m12")
    fresh = speech(await talk(hass, "세탁기 얼마나 남았어?", "ko", "m12"))
    assert fresh.startswith("세탁기는 ")
    freezer.tick(timedelta(minutes=5))
    stale = speech(await talk(hass, "세탁기 얼마나 남았어?", "ko", "m12"))
    assert stale == f"5분 전 기준으로 {fresh}"
    assert speech(await talk(hass, "세탁기 상태 어때?", "ko", "m12")).startswith(
        "5분 전 기준으로 세탁기는 지금 "
    )
    english = speech(await talk(hass, "what is the washer doing?", "en", "m12"))
    assert english.startswith("As of 5 minutes ago, the 세탁기 is ")


async def test_start_waits_for_a_yes(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A confirmed kind asks "정말 시작할까요?"; yes runs the sentence, no drops it, other kinds just run."""
    hass.config_entries.async_update_entry(
        init_integration, options={CONF_CONFIRM_START: ["washer", "robot_cleaner"]}
    )
    result = await talk(hass, "세탁기 돌리고 건조기도 돌려줘", "ko", "c1")
    assert speech(result) == "정말 세탁기를 시작할까요?"
    assert result.continue_conversation
    assert not simulator.control_log
    assert await say_in(hass, "응", "c1") == "세탁기를 시작했어요. 건조기를 시작했어요."
    assert controls(simulator, "세탁기")[-1]["operation"] == {"washerOperationMode": "START"}
    before = len(simulator.control_log)
    assert await say_in(hass, "로봇청소기 돌려줘", "c2") == "정말 로봇청소기를 시작할까요?"
    assert await say_in(hass, "아니", "c2") == "알겠어요, 취소할게요."
    assert (
        await say_in(hass, "start the robot vacuum", "c3", "en")
        == "Do you really want to start the 로봇청소기?"
    )
    assert await say_in(hass, "스타일러 돌려줘", "c3") == "스타일러를 시작했어요."
    assert len(simulator.control_log) == before + 1
    assert await say_in(hass, "식기세척기 돌려줘", "c4") == "식기세척기를 시작했어요."
