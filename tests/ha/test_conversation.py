"""The conversation agent end to end: sentence → HA service → simulator, and the answer."""

from datetime import timedelta
from pathlib import Path
from typing import Any

from homeassistant.components import conversation
from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import entity_registry as er, intent
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.thinq_voice.agent.phrases import PHRASES_FILE
from custom_components.thinq_voice.const import CONF_FALLBACK_AGENT, NO_FALLBACK_AGENT
from simulator import Simulator

AGENT = "conversation.thinq_voice"


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component, whose default agent is the fallback."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


async def talk(
    hass: HomeAssistant, text: str, language: str = "ko", conversation_id: str | None = None
) -> conversation.ConversationResult:
    """Say a sentence to the ThinQ Voice agent."""
    return await conversation.async_converse(
        hass, text, conversation_id, Context(), language=language, agent_id=AGENT
    )


def speech(result: conversation.ConversationResult) -> str:
    """Return the spoken answer."""
    return result.response.speech["plain"]["speech"]


def controls(sim: Simulator, alias: str) -> list[dict[str, Any]]:
    """Return the control bodies the simulator accepted for a device."""
    device_id = sim.find(alias).device_id
    return [entry.body for entry in sim.control_log if entry.device_id == device_id and entry.code is None]


@pytest.mark.usefixtures("init_integration")
async def test_agent_is_listed(hass: HomeAssistant) -> None:
    """The agent is an entity of the conversation platform with Korean and English."""
    state = hass.states.get(AGENT)
    assert state is not None
    agent = conversation.async_get_agent(hass, AGENT)
    assert agent is not None
    assert agent.supported_languages == ["ko", "en"]


@pytest.mark.usefixtures("init_integration")
async def test_set_ac_temperature_ko(hass: HomeAssistant, simulator: Simulator) -> None:
    """지니야, 거실 에어컨 23도로 맞춰줘 reaches the living-room AC."""
    result = await talk(hass, "지니야, 거실 에어컨 23도로 맞춰줘")
    assert speech(result) == "거실 에어컨을 켜고 온도를 23도로 맞췄어요."
    assert result.response.response_type is intent.IntentResponseType.ACTION_DONE
    ac = simulator.find("거실 에어컨")
    assert ac.state["operation"]["airConOperationMode"] == "POWER_ON"
    assert ac.state["temperature"]["targetTemperature"] == 23
    assert not controls(simulator, "안방 에어컨")


@pytest.mark.usefixtures("init_integration")
async def test_start_washer_ko(hass: HomeAssistant, simulator: Simulator) -> None:
    """세탁기 돌려줘 presses the washer's remote start."""
    result = await talk(hass, "세탁기 좀 돌려줘")
    assert speech(result) == "세탁기를 시작했어요."
    assert controls(simulator, "세탁기")[-1]["operation"] == {"washerOperationMode": "START"}


@pytest.mark.usefixtures("init_integration")
async def test_remote_control_off_is_explained(hass: HomeAssistant, simulator: Simulator) -> None:
    """A refused start (2301) is explained and changes nothing."""
    simulator.patch_state(
        simulator.find("세탁기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    result = await talk(hass, "세탁기 돌려줘")
    assert "원격 제어가 꺼져 있어요" in speech(result)
    assert not controls(simulator, "세탁기")


@pytest.mark.usefixtures("init_integration")
async def test_out_of_range_is_refused_with_range(hass: HomeAssistant, simulator: Simulator) -> None:
    """A temperature outside the AC's range is answered with the range; nothing is sent."""
    result = await talk(hass, "거실 에어컨 40도로 맞춰줘")
    assert "40도로 맞출 수 없어요" in speech(result)
    assert "18도부터 30도까지" in speech(result)
    assert not controls(simulator, "거실 에어컨")


@pytest.mark.usefixtures("init_integration")
async def test_freezer_minus_twenty(hass: HomeAssistant, simulator: Simulator) -> None:
    """냉동실 영하 20도 sets the freezer compartment."""
    result = await talk(hass, "냉장고 냉동실 영하 20도로 맞춰줘")
    assert speech(result) == "냉장고 냉동실 온도를 영하 20도로 맞췄어요."
    body = controls(simulator, "냉장고")[-1]
    assert body["temperature"]["locationName"] == "FREEZER"
    assert body["temperature"]["targetTemperature"] == -20


@pytest.mark.usefixtures("init_integration")
async def test_ambiguous_asks_back_and_continues(hass: HomeAssistant, simulator: Simulator) -> None:
    """에어컨 켜줘 with two ACs asks which one, then acts on the answer."""
    result = await talk(hass, "에어컨 켜줘", conversation_id="c1")
    assert speech(result) == "거실 에어컨이요, 안방 에어컨이요?"
    assert result.continue_conversation
    assert not simulator.control_log
    result = await talk(hass, "거실", conversation_id=result.conversation_id)
    assert speech(result) == "거실 에어컨을 켰어요."
    assert controls(simulator, "거실 에어컨")
    assert not controls(simulator, "안방 에어컨")


@pytest.mark.usefixtures("init_integration")
async def test_ask_back_can_be_cancelled(hass: HomeAssistant, simulator: Simulator) -> None:
    """취소할게 drops the open question."""
    result = await talk(hass, "에어컨 꺼줘", conversation_id="c2")
    result = await talk(hass, "취소할게", conversation_id=result.conversation_id)
    assert speech(result) == "알겠어요, 취소할게요."
    assert not simulator.control_log


@pytest.mark.usefixtures("init_integration")
async def test_fridge_door_is_answered_honestly(hass: HomeAssistant, simulator: Simulator) -> None:
    """냉장고 문 열어줘 cannot be done; the answer says whether the door is open now."""
    result = await talk(hass, "냉장고 문 열어줘")
    assert speech(result) == "냉장고 문은 원격으로 열거나 닫을 수 없어요. 지금은 문이 닫혀 있어요."
    assert not simulator.control_log


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_english_start_dishwasher(hass: HomeAssistant, simulator: Simulator) -> None:
    """English commands over the English fleet."""
    result = await talk(hass, "start the dishwasher", language="en")
    assert speech(result) == "Started the Dishwasher."
    assert controls(simulator, "Dishwasher")[-1]["operation"] == {"dishWasherOperationMode": "START"}


@pytest.mark.parametrize("fleet", ["en"])
@pytest.mark.usefixtures("init_integration")
async def test_english_freezer(hass: HomeAssistant, simulator: Simulator) -> None:
    """Set the freezer to minus 20."""
    result = await talk(hass, "set the freezer to minus 20", language="en")
    assert speech(result) == "Set the Refrigerator freezer to -20°C."
    assert controls(simulator, "Refrigerator")[-1]["temperature"]["targetTemperature"] == -20


@pytest.mark.usefixtures("init_integration")
async def test_unknown_sentence_goes_to_fallback(hass: HomeAssistant, simulator: Simulator) -> None:
    """A sentence the agent does not read goes to Home Assistant's agent."""
    result = await talk(hass, "오늘 날씨 어때")
    assert result.response.response_type is intent.IntentResponseType.ERROR
    assert not simulator.control_log


async def test_no_fallback_answers_itself(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """With no fallback agent, the agent says it did not understand."""
    config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(config_entry, options={CONF_FALLBACK_AGENT: NO_FALLBACK_AGENT})
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    result = await talk(hass, "asdf qwer", language="en")
    assert speech(result) == "Sorry, I didn't understand that."


@pytest.mark.usefixtures("init_integration")
async def test_unexposed_appliance_is_not_used(hass: HomeAssistant, simulator: Simulator) -> None:
    """An appliance whose entities the user hid from Assist is not acted on."""
    registry = er.async_get(hass)
    device_id = simulator.find("세탁기").device_id
    for entry in registry.entities.values():
        if entry.unique_id.startswith(device_id):
            async_expose_entity(hass, "conversation", entry.entity_id, False)
    result = await talk(hass, "세탁기 돌려줘")
    assert "찾지 못했어요" in speech(result)
    assert not simulator.control_log


@pytest.mark.parametrize("text", ["", "   ", "😀😀", "x" * 2000])
@pytest.mark.usefixtures("init_integration")
async def test_bad_input_sends_nothing(hass: HomeAssistant, simulator: Simulator, text: str) -> None:
    """Empty, emoji-only and overlong input get an answer and send nothing."""
    result = await talk(hass, text)
    assert speech(result)
    assert not simulator.control_log


async def test_user_phrases(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry, tmp_path: Path
) -> None:
    """Phrases from the config dir stand for the sentences the user wrote for them."""
    hass.config.config_dir = str(tmp_path)
    (tmp_path / PHRASES_FILE).write_text(
        "ko:\n  빨래 시작!: 세탁기 돌려줘\n  잘 자:\n    - 거실 에어컨 꺼줘\n    - 공기청정기 꺼줘\n"
        "  이상한 문구: 블라블라\nen:\n  laundry time: start the washer\n  broken: [1, 2]\nfr:\n  bonjour: hello\n",
        encoding="utf-8",
    )
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    result = await talk(hass, "빨래 시작")
    assert speech(result) == "세탁기를 시작했어요."
    assert controls(simulator, "세탁기")[-1]["operation"] == {"washerOperationMode": "START"}
    result = await talk(hass, "잘 자.")
    assert speech(result) == "거실 에어컨은 이미 꺼져 있어요. 공기청정기는 이미 꺼져 있어요."
    result = await talk(hass, "이상한 문구")
    assert "이해하지 못했어요" in speech(result)


@pytest.mark.parametrize("content", ["ko: [unclosed", "- just a list", "ko: not a mapping"])
async def test_broken_phrases_file_is_ignored(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    content: str,
) -> None:
    """A broken phrases file is reported in the log and the agent works without it."""
    hass.config.config_dir = str(tmp_path)
    (tmp_path / PHRASES_FILE).write_text(content, encoding="utf-8")
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    assert PHRASES_FILE in caplog.text
    result = await talk(hass, "세탁기 돌려줘")
    assert speech(result) == "세탁기를 시작했어요."


@pytest.mark.usefixtures("init_integration")
async def test_remaining_time(hass: HomeAssistant, simulator: Simulator) -> None:
    """A running washer tells its time left and end; an idle dryer says it is not running."""
    result = await talk(hass, "건조 얼마나 남았어?")
    assert speech(result) == "건조기는 지금 작동 중이 아니에요."
    await talk(hass, "세탁기 돌려줘")
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
    await hass.async_block_till_done()
    result = await talk(hass, "세탁기 언제 끝나?")
    assert speech(result).startswith("세탁기는 ")
    assert "남았어요." in speech(result)
    assert "쯤 끝나요." in speech(result)
    result = await talk(hass, "what is running?", language="en")
    assert speech(result) == "Running now: 세탁기."


async def test_other_integrations_entities(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """Exposed entities of other integrations are driven through their own services."""
    assert await async_setup_component(hass, "input_boolean", {"input_boolean": {"heater": {}}})
    hass.states.async_set("sensor.room", "19", {"unit_of_measurement": "°C"})
    assert await async_setup_component(
        hass,
        "climate",
        {
            "climate": {
                "platform": "generic_thermostat",
                "name": "보일러",
                "heater": "input_boolean.heater",
                "target_sensor": "sensor.room",
            }
        },
    )
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    result = await talk(hass, "보일러 21도로 맞춰줘")
    assert speech(result) == "보일러를 켜고 온도를 21도로 맞췄어요."
    state = hass.states.get("climate.boilreo")
    assert state is not None
    assert state.attributes["temperature"] == 21
    assert state.state == "heat"
    assert not simulator.control_log
