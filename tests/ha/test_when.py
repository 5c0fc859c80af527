"""When-then commands end to end: said to the agent, kept across a restart, fired by the simulated washer."""

from typing import Any

from homeassistant.components import conversation, persistent_notification
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.agent.when import store_key
from custom_components.thinq_voice.const import CONF_ANNOUNCE_DEVICES, DOMAIN
from simulator import Simulator

from .satellites import RecordingNotify, RecordingSatellite, async_setup_satellites
from .test_conversation import AGENT, controls, speech, talk

WASH_SECONDS = 45 * 60


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component, whose default agent is the fallback."""
    assert await async_setup_component(hass, "conversation", {})


@pytest.fixture(autouse=True)
def quiet_hour(monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting up twelve appliances (states, profiles, energy) spends most of an hour's polling budget;
    the poll that sees the appliance change comes when the budget has room again, as an hour later."""
    monkeypatch.setattr("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000)
    monkeypatch.setattr("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000)


async def say(hass: HomeAssistant, text: str, language: str = "ko") -> str:
    """Say a sentence and return the answer."""
    result = await talk(hass, text, language)
    await hass.async_block_till_done()
    return speech(result)


async def finish_wash(hass: HomeAssistant, entry: MockConfigEntry, simulator: Simulator) -> None:
    """Let the running wash's 45 minutes pass on the simulator and poll."""
    simulator.advance(WASH_SECONDS)
    await entry.runtime_data.async_refresh()
    await hass.async_block_till_done()


def told(hass: HomeAssistant) -> list[str]:
    """Return the notifications ThinQ Voice left for the user."""
    return [
        item["message"] for item in persistent_notification._async_get_or_create_notifications(hass).values()
    ]


def stored(hass_storage: dict[str, Any], entry: MockConfigEntry) -> list[dict[str, Any]]:
    """Return the saved when-actions."""
    return list(hass_storage[store_key(entry.entry_id)]["data"]["actions"])


def run_state(simulator: Simulator, alias: str) -> str:
    """Return a simulated appliance's run state."""
    state = simulator.find(alias).state
    part = state[0] if isinstance(state, list) else state
    return str(part["runState"]["currentState"])


async def test_dryer_starts_when_the_wash_ends_seen_by_polling(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator, hass_storage: dict[str, Any]
) -> None:
    """Without push, the poll that sees the wash end starts the dryer, and nothing else is sent."""
    assert await say(hass, "세탁기 돌려줘") == "세탁기를 시작했어요."
    assert await say(hass, "세탁 끝나면 건조기 돌려줘") == "세탁기가 끝나면 건조기 시작을 예약했어요."
    assert controls(simulator, "건조기") == []
    assert [
        (when["watched_name"], when["event"], when["intent"])
        for when in stored(hass_storage, init_integration)
    ] == [("세탁기", "finished", "start")]
    assert await say(hass, "예약된 거 뭐 있어?") == "예약된 건 1개예요: 세탁기가 끝나면 건조기 시작."

    sent_before = len(simulator.control_log)

    await finish_wash(hass, init_integration, simulator)
    assert run_state(simulator, "건조기") in {"DETECTING", "RUNNING"}
    assert [entry.body for entry in simulator.control_log[sent_before:]] == controls(simulator, "건조기")
    assert len(simulator.control_log) == sent_before + 1
    assert "세탁기가 끝났어요. 건조기를 시작했어요." in told(hass)
    assert stored(hass_storage, init_integration) == []
    assert await say(hass, "예약된 거 뭐 있어?") == "예약된 건 없어요."


async def test_told_on_the_satellite_it_was_said_to_in_english(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """Said to a satellite, the outcome is told on that satellite; the announcer leaves the dryer to it."""
    kitchen = RecordingSatellite("Kitchen speaker")
    await async_setup_satellites(hass, [kitchen], RecordingNotify(), AGENT)
    hass.config_entries.async_update_entry(
        init_integration,
        options={**init_integration.options, CONF_ANNOUNCE_DEVICES: list(simulator.device_ids)},
    )
    await init_integration.runtime_data.async_control(
        simulator.find("세탁기").device_id, "operation", "washerOperationMode", "START", "MAIN"
    )
    await hass.async_block_till_done()
    result = await conversation.async_converse(
        hass,
        "when the washer finishes, start the dryer",
        None,
        Context(),
        language="en",
        agent_id=AGENT,
        satellite_id=kitchen.entity_id,
    )
    assert speech(result) == "OK, the 건조기 will start when the 세탁기 finishes."
    await finish_wash(hass, init_integration, simulator)
    assert kitchen.announcements == ["The 세탁기 has finished. Started the 건조기."]
    assert kitchen.questions == []


async def test_notify_cancel_and_refusal(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """ "빨래 끝나면 알려줘" only tells; a cancelled one does nothing; a refusal at the time is told with its reason."""
    await say(hass, "세탁기 돌려줘")
    assert await say(hass, "빨래 끝나면 알려줘") == "세탁기가 끝나면 알려 드릴게요."
    asked = await talk(hass, "세탁 끝나면 에어컨 꺼줘")
    assert speech(asked) == "거실 에어컨이요, 안방 에어컨이요?"
    picked = await talk(hass, "거실", conversation_id=asked.conversation_id)
    assert speech(picked) == "세탁기가 끝나면 거실 에어컨 끄기를 예약했어요."
    assert await say(hass, "세탁 끝나면 건조기 돌려줘") == "세탁기가 끝나면 건조기 시작을 예약했어요."
    assert await say(hass, "거실 에어컨 예약 취소해줘") == "거실 에어컨 예약을 취소했어요."
    simulator.patch_state(
        simulator.find("건조기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    sent_before = len(simulator.control_log)
    await finish_wash(hass, init_integration, simulator)
    messages = told(hass)
    assert "세탁기가 끝났어요." in messages
    assert any(message.startswith("세탁기가 끝났어요. ") and "원격" in message for message in messages)
    assert controls(simulator, "거실 에어컨") == []
    assert all(entry.code is not None for entry in simulator.control_log[sent_before:])
    assert run_state(simulator, "건조기") == "INITIAL"


async def test_conditions_that_cannot_come_are_said_at_once(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator, hass_storage: dict[str, Any]
) -> None:
    """No such event, or nothing running and nothing planned: said at once, nothing kept, nothing sent."""
    assert (
        await say(hass, "냉장고 끝나면 알려줘")
        == "냉장고는 그걸 알려 주지 않아서 맡지 않았어요. 아무것도 보내지 않았어요."
    )
    assert (
        await say(hass, "건조 끝나면 알려줘")
        == "건조기는 지금 작동하지 않고 예약된 것도 없어서 맡지 않았어요. 아무것도 보내지 않았어요."
    )
    # A run that is planned is enough: the dryer starts when the wash ends, and can end after it.
    await say(hass, "세탁기 돌려줘")
    await say(hass, "세탁 끝나면 건조기 돌려줘")
    assert await say(hass, "건조 끝나면 알려줘") == "건조기가 끝나면 알려 드릴게요."
    assert await say(hass, "냉장고 문 열리면 알려줘") == "냉장고가 문이 열리면 알려 드릴게요."
    assert len(stored(hass_storage, init_integration)) == 3
    assert DOMAIN


async def test_what_cannot_be_awaited_and_what_is_damaged(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator, hass_storage: dict[str, Any]
) -> None:
    """No ThinQ appliance of that name, or one that never reports it, is said; a damaged saved one is dropped."""
    assert await say(hass, "TV 끝나면 건조기 돌려줘") == "tv가 어떤 기기인지 찾지 못했어요."
    assert await say(hass, "에어컨 끝나면 건조기 돌려줘") == (
        "거실 에어컨은 그걸 알려 주지 않아서 맡지 않았어요. 아무것도 보내지 않았어요."
    )
    await say(hass, "세탁기 돌려줘")
    await say(hass, "빨래 끝나면 알려줘")
    saved = stored(hass_storage, init_integration)
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    hass_storage[store_key(init_integration.entry_id)]["data"]["actions"] = [*saved, {"id": "broken"}]
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert [when["id"] for when in stored(hass_storage, init_integration)] == [saved[0]["id"]]
    # The account is removed: what it kept goes with it.
    await hass.config_entries.async_remove(init_integration.entry_id)
    assert store_key(init_integration.entry_id) not in hass_storage
