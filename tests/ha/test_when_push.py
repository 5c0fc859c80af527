"""When-then and announcements over push: the simulator's real mosquitto broker, an HA restart in between.

The washer's end reaches Home Assistant as LG's MQTT report and push code; no state read is needed
for the dryer to start or for the laundry room to hear it. Latencies are printed, never asserted.
"""

import time
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.thinq_voice.const import CONF_ANNOUNCE_DEVICES, DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from simulator import Simulator
from simulator.broker import mosquitto_path

from .push_helpers import healthy, until
from .satellites import RecordingNotify, RecordingSatellite, async_setup_satellites
from .test_conversation import AGENT, controls, speech, talk
from .test_when import run_state, told

pytestmark = [
    pytest.mark.push,
    pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed"),
]
WASH_SECONDS = 45 * 60
STATE_READ = "GET /devices/{id}/state"


@pytest.fixture(autouse=True)
def roomy_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Two set-ups of twelve appliances within minutes (the restart) spend more than LG allows an hour."""
    monkeypatch.setattr("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000)
    monkeypatch.setattr("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000)


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component, whose default agent is the fallback."""
    assert await async_setup_component(hass, "conversation", {})


async def test_dryer_starts_by_push_across_a_restart(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator, hass_storage: dict[str, Any]
) -> None:
    """ "세탁 끝나면 건조기 돌려줘", then HA restarts; the pushed end of the wash starts the dryer, nothing else."""
    await healthy(init_integration, simulator)
    assert speech(await talk(hass, "세탁기 돌려줘")) in {
        "세탁기를 시작했어요.",
        "세탁기에 명령을 보냈어요. 아직 기기에서 확인되지 않았어요.",
    }
    await until(lambda: run_state(simulator, "세탁기") != "INITIAL")
    await until(
        lambda: init_integration.runtime_data.data[simulator.find("세탁기").device_id].state is not None
    )
    answer = speech(await talk(hass, "세탁 끝나면 건조기 돌려줘"))
    assert answer == "세탁기가 끝나면 건조기 시작을 예약했어요."

    # Home Assistant stops and starts again: the command was saved the moment it was made.
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    await healthy(init_integration, simulator)
    sent_before, reads_before = len(simulator.control_log), simulator.requests_by_endpoint.get(STATE_READ, 0)

    finished_at = time.monotonic()
    simulator.advance(WASH_SECONDS)
    await until(lambda: run_state(simulator, "건조기") in {"DETECTING", "RUNNING"})
    started_after = time.monotonic() - finished_at
    await until(lambda: "세탁기가 끝났어요. 건조기를 시작했어요." in told(hass))
    print(f"wash end (simulator) → dryer started, over push: {started_after * 1000:.0f} ms")  # noqa: T201
    assert [entry.body for entry in simulator.control_log[sent_before:]] == controls(simulator, "건조기")
    assert len(simulator.control_log) == sent_before + 1
    # No poll was needed to see the wash end (the dryer's confirmation may read the dryer).
    washer_reads = simulator.requests_by_endpoint.get(STATE_READ, 0) - reads_before
    print(f"state reads after the wash ended: {washer_reads}")  # noqa: T201


async def test_announcement_latency_over_push(
    hass: HomeAssistant, init_integration: MockConfigEntry, simulator: Simulator
) -> None:
    """The laundry room hears the wash end about as soon as LG pushes it; the figure is printed."""
    laundry = RecordingSatellite("Laundry speaker")
    await async_setup_satellites(hass, [laundry], RecordingNotify(), AGENT)
    area = ar.async_get(hass).async_create("Laundry room")
    washer = simulator.find("세탁기").device_id
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, washer), init_integration.entry_id)
    assert device is not None and laundry.entity_id is not None
    dr.async_get(hass).async_update_device(device.id, area_id=area.id)
    er.async_get(hass).async_update_entity(laundry.entity_id, area_id=area.id)
    hass.config_entries.async_update_entry(
        init_integration, options={**init_integration.options, CONF_ANNOUNCE_DEVICES: [washer]}
    )
    hass.config.language = "ko"
    await healthy(init_integration, simulator)
    coordinator: ThinQVoiceCoordinator = init_integration.runtime_data

    def washer_state() -> object:
        state = coordinator.data[washer].state
        return state.get("runState", "currentState", "MAIN") if state else None

    samples = []
    for _ in range(5):
        heard = len(laundry.questions) + len(laundry.announcements)
        simulator.patch_state(
            washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "RUNNING"}}
        )
        await until(lambda: washer_state() == "RUNNING")
        pushed_at = time.monotonic()
        simulator.patch_state(
            washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "END"}}
        )
        simulator.notify(washer, "WASHING_IS_COMPLETE")
        await until(lambda h=heard: len(laundry.questions) + len(laundry.announcements) > h)  # type: ignore[misc]
        samples.append(time.monotonic() - pushed_at)
    assert laundry.questions[0] == "세탁이 끝났어요. 건조기를 돌릴까요?"
    samples.sort()
    print(  # noqa: T201 - figures, not assertions
        f"wash end pushed → satellite speaking: median {samples[2] * 1000:.0f} ms, "
        f"max {samples[-1] * 1000:.0f} ms over {len(samples)} runs"
    )
