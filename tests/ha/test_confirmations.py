"""Answers people can trust: the agent says "done" only once the appliance reports the change.

The simulator's `state_lag_s` fault makes LG's cloud report appliances late, as it does for real.
"""

import asyncio
from datetime import timedelta
import functools

from homeassistant.components import conversation
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components import thinq_voice
from custom_components.thinq_voice import sent_controls as sent_controls_module
from custom_components.thinq_voice.api import ThinQConnectClient
from custom_components.thinq_voice.api.models import DeviceState
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.sent_controls import SENT_CONTROL_LIFETIME, SentControl, reports_control
from simulator import Simulator

UNCONFIRMED_KO = "{}에 명령을 보냈어요. 아직 기기에서 확인되지 않았어요."
UNCONFIRMED_EN = "I sent it to the {}, but it hasn't confirmed yet."
POWER = "airConOperationMode"


async def say_to(hass: HomeAssistant, text: str, language: str = "ko") -> str:
    """Say a sentence to the agent and return its spoken answer."""
    result = await conversation.async_converse(
        hass, text, None, Context(), language=language, agent_id="conversation.thinq_voice"
    )
    return str(result.response.speech["plain"]["speech"])


def coordinator_of(entry: MockConfigEntry) -> ThinQVoiceCoordinator:
    """Return the coordinator of an account entry."""
    coordinator = entry.runtime_data
    assert isinstance(coordinator, ThinQVoiceCoordinator)
    return coordinator


async def set_power(
    hass: HomeAssistant, entry: MockConfigEntry, device_id: str, value: str, context: Context | None = None
) -> None:
    """Power an AC on or off through the set_property action."""
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, device_id), entry.entry_id)
    assert device is not None
    await hass.services.async_call(
        DOMAIN,
        "set_property",
        {"device_id": device.id, "resource": "operation", "property": POWER, "value": value},
        blocking=True,
        context=context,
    )


@pytest.mark.parametrize(
    ("fleet", "text", "done"),
    [
        ("ko", "거실 에어컨 켜줘", "거실 에어컨을 켰어요."),
        ("ko", "세탁기 돌려줘", "세탁기를 시작했어요."),
        ("en", "turn on the living room AC", "Turned on the Living Room AC."),
        ("en", "start the washer", "Started the Washer."),
    ],
)
async def test_done_once_the_appliance_reports_it(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, text: str, done: str
) -> None:
    """A control the appliance reports (a readable power state, or a start it cannot read) is done."""
    assert await say_to(hass, text, simulator.fleet) == done
    assert coordinator_of(init_integration).sent_controls == []


@pytest.mark.parametrize(
    ("fleet", "text", "alias", "answer"),
    [
        ("ko", "거실 에어컨 켜줘", "거실 에어컨", UNCONFIRMED_KO),
        ("ko", "세탁기 돌려줘", "세탁기", UNCONFIRMED_KO),
        ("en", "turn on the living room AC", "Living Room AC", UNCONFIRMED_EN),
        ("en", "start the washer", "Washer", UNCONFIRMED_EN),
    ],
)
async def test_lagging_appliance_is_not_done(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    text: str,
    alias: str,
    answer: str,
) -> None:
    """While LG still reports the old state, the agent says the command was sent, not done."""
    simulator.faults.state_lag_s = 60
    before = len(simulator.control_log)
    assert await say_to(hass, text, simulator.fleet) == answer.format(alias)
    device_id = simulator.find(alias).device_id
    sent = simulator.control_log[before:]
    assert [(entry.device_id, entry.code) for entry in sent] == [(device_id, None)]
    assert coordinator_of(init_integration).sent_controls == []


async def test_one_appliance_of_two_lags(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Each appliance of a sentence is answered by what it reports."""
    simulator.set_faults({"state_lag_s": 60, "lagging_devices": ["세탁기"]})
    assert await say_to(hass, "거실 에어컨 켜고 세탁기 돌려줘") == (
        "거실 에어컨을 켰어요. " + UNCONFIRMED_KO.format("세탁기")
    )
    assert {entry.device_id for entry in simulator.control_log} == {
        simulator.find("거실 에어컨").device_id,
        simulator.find("세탁기").device_id,
    }


async def test_refusals_keep_their_answer(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A refused command was never sent: its reason is told, not "sent"."""
    simulator.faults.state_lag_s = 60
    simulator.patch_state(
        simulator.find("세탁기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}}
    )
    await init_integration.runtime_data.async_refresh()
    answer = await say_to(hass, "세탁기 돌려줘")
    assert answer
    assert "명령을 보냈어요" not in answer


@pytest.mark.usefixtures("init_tv")
async def test_tv_keeps_its_answer(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """The TV is controlled over the LAN with no confirming read: its answer stays."""
    simulator.faults.state_lag_s = 60
    assert await say_to(hass, "거실 TV 볼륨 20으로 해줘") == "거실 TV 볼륨을 20으로 맞췄어요."


async def test_failed_confirming_read(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A confirming read that fails leaves the command unconfirmed, and nothing breaks."""
    coordinator = coordinator_of(init_integration)
    coordinator.confirm_delay = timedelta(seconds=0.2)
    turn = asyncio.create_task(say_to(hass, "거실 에어컨 켜줘"))
    while not simulator.control_log:
        await asyncio.sleep(0.01)
    simulator.faults.fail_next = 1
    assert await turn == UNCONFIRMED_KO.format("거실 에어컨")
    assert coordinator.sent_controls == []
    assert init_integration.state is ConfigEntryState.LOADED


async def test_set_property_records_and_confirms(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A control through the action is recorded under the call's context and confirmed by the read."""
    coordinator = coordinator_of(init_integration)
    ac = simulator.find("거실 에어컨").device_id
    context = Context()
    await set_power(hass, init_integration, ac, "POWER_ON", context)
    assert [(control.device_id, control.context_id) for control in coordinator.sent_controls] == [
        (ac, context.id)
    ]
    assert await coordinator.async_wait_confirmed(context.id, 5) == {ac: True}
    assert coordinator.sent_controls == []
    # Asked again, or about a context that sent nothing: nothing to wait for.
    assert await coordinator.async_wait_confirmed(context.id, 5) == {}
    simulator.faults.state_lag_s = 60
    context = Context()
    await set_power(hass, init_integration, ac, "POWER_OFF", context)
    assert await coordinator.async_wait_confirmed(context.id, 5) == {ac: False}


async def test_unasked_controls_do_not_pile_up(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Controls nobody asks about (automations, the UI) are forgotten: too old, or too many."""
    monkeypatch.setattr(
        thinq_voice, "ThinQConnectClient", functools.partial(ThinQConnectClient, control_interval=0)
    )
    monkeypatch.setattr(sent_controls_module, "MAX_SENT_CONTROLS", 3)
    config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(config_entry.entry_id)
    await hass.async_block_till_done()
    coordinator = coordinator_of(config_entry)
    ac = simulator.find("거실 에어컨").device_id
    for value in ("POWER_ON", "POWER_OFF"):
        await set_power(hass, config_entry, ac, value)
    await hass.async_block_till_done()
    old = coordinator.sent_controls[0]
    old.sent_at -= SENT_CONTROL_LIFETIME + 1
    await set_power(hass, config_entry, ac, "POWER_ON")
    assert old not in coordinator.sent_controls
    assert len(coordinator.sent_controls) == 2
    for value in ("POWER_OFF", "POWER_ON", "POWER_OFF"):
        await set_power(hass, config_entry, ac, value)
    assert len(coordinator.sent_controls) == 3
    await hass.async_block_till_done()


async def test_unload_forgets_waiting_controls(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Unloading cancels the confirming reads; whoever waits hears "not confirmed" at once."""
    coordinator = coordinator_of(init_integration)
    coordinator.confirm_delay = timedelta(hours=1)
    ac = simulator.find("거실 에어컨").device_id
    context = Context()
    await set_power(hass, init_integration, ac, "POWER_ON", context)
    waiting = asyncio.create_task(coordinator.async_wait_confirmed(context.id, 60))
    await asyncio.sleep(0)
    assert not waiting.done()
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert await waiting == {ac: False}
    assert coordinator.sent_controls == []


def test_how_a_state_shows_a_control() -> None:
    """Values compare as LG sends them; write-only properties show as a changed state."""
    loop = asyncio.new_event_loop()
    before = DeviceState.from_json(
        {"temperature": {"targetTemperature": 22, "unit": "C"}, "run": {"mode": "OFF"}}
    )

    def control(prop: str, value: object, location: str | None = None) -> SentControl:
        resource = "run" if prop == "start" else "temperature"
        return SentControl("ac", resource, prop, value, location, None, before, loop.create_future())

    after = DeviceState.from_json(
        {"temperature": {"targetTemperature": 23, "unit": "C"}, "run": {"mode": "OFF"}}
    )
    assert reports_control(after, control("targetTemperature", 23.0))
    assert not reports_control(after, control("targetTemperature", 22))
    assert not reports_control(after, control("targetTemperature", True))
    # Where the state has no such part, the property counts as not reported.
    assert reports_control(before, control("targetTemperature", 22))
    assert not reports_control(before, control("targetTemperature", 22, "FRIDGE"))
    assert not reports_control(after, control("unit", "c"))
    assert reports_control(after, control("unit", "C"))
    # The AC's write-only cooling target shows as its plain target.
    assert reports_control(after, control("coolTargetTemperature", 23))
    assert not reports_control(after, control("coolTargetTemperature", 22))
    assert reports_control(after, control("start", "START"))
    assert not reports_control(before, control("start", "START"))
    loop.close()
