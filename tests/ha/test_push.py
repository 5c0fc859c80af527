"""Push first, end to end: a real HA, the simulator and its real mosquitto broker on loopback.

The fault matrix: for each fault of the push channel, nothing is lost (HA ends up showing what the
appliance shows), nothing is duplicated (a notification fires once), entities stay available
(the appliances are reachable all along) and push recovers without a restart.
"""

import asyncio
from datetime import timedelta
import time
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, Event, EventStateChangedData, HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er, issue_registry as ir
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components import thinq_voice
from custom_components.thinq_voice import coordinator as coordinator_module, push as push_module
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import ThinQVoiceCoordinator
from custom_components.thinq_voice.diagnostics import async_get_config_entry_diagnostics
from simulator import Simulator
from simulator.broker import mosquitto_path

from .push_helpers import delivered, healthy, until

pytestmark = [
    pytest.mark.push,
    pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed"),
    pytest.mark.usefixtures("entity_registry_enabled_by_default"),
]
STATE_READ = "GET /devices/{id}/state"
UNCONFIRMED_KO = "에 명령을 보냈어요. 아직 기기에서 확인되지 않았어요."


@pytest.fixture(autouse=True)
def roomy_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Room for the reads of reconnecting within the hour of setting up.

    Setting up spends half of an hour's 100 requests (profiles, states, energy profiles, push set-up),
    and these tests reconnect within that hour: a larger budget keeps them about push (the budget
    has its own tests, and a read it postpones comes with a later refresh).
    """
    monkeypatch.setattr(thinq_voice, "HOURLY_REQUEST_BUDGET", 200)


def coordinator_of(entry: MockConfigEntry) -> ThinQVoiceCoordinator:
    coordinator: ThinQVoiceCoordinator = entry.runtime_data
    return coordinator


def entity_id(hass: HomeAssistant, domain: str, unique_id: str) -> str:
    found = er.async_get(hass).async_get_entity_id(domain, DOMAIN, unique_id)
    assert found is not None, unique_id
    return found


def target_temperature(hass: HomeAssistant, climate: str) -> Any:
    state = hass.states.get(climate)
    return state.attributes.get("temperature") if state else None


async def test_push_first(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A change on the appliance reaches HA without any read; polling drops to the safety read."""
    coordinator = await healthy(init_integration, simulator)
    assert coordinator.update_interval is not None
    assert coordinator.update_interval >= push_module.SAFETY_INTERVAL
    ac = simulator.find("거실 에어컨").device_id
    climate = entity_id(hass, "climate", f"{ac}_climate")
    reads = simulator.requests_by_endpoint.get(STATE_READ, 0)
    simulator.patch_state(ac, {"temperature": {"targetTemperature": 26}})
    await until(lambda: target_temperature(hass, climate) == 26)
    assert simulator.requests_by_endpoint.get(STATE_READ, 0) == reads
    diagnostics = await async_get_config_entry_diagnostics(hass, init_integration)
    assert diagnostics["push"]["state"] == "connected"
    assert diagnostics["push"]["messages"] >= 1
    assert "PRIVATE" not in str(diagnostics)


async def test_confirmed_by_the_appliance_report(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A voice command is answered from the appliance's pushed report, without a confirming read."""
    await healthy(init_integration, simulator)
    reads = simulator.requests_by_endpoint.get(STATE_READ, 0)
    started = time.monotonic()
    result = await conversation.async_converse(
        hass, "거실 에어컨 켜줘", None, Context(), language="ko", agent_id="conversation.thinq_voice"
    )
    elapsed = time.monotonic() - started
    speech = result.response.speech["plain"]["speech"]
    assert UNCONFIRMED_KO not in speech, speech
    assert simulator.find("거실 에어컨").state["operation"]["airConOperationMode"] == "POWER_ON"
    assert simulator.requests_by_endpoint.get(STATE_READ, 0) == reads
    print(f"confirmed turn by push: {elapsed:.2f} s")  # noqa: T201 - a figure, not an assertion


async def test_unconfirmed_then_told_when_it_failed(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """No report in time: "not yet confirmed" within ~1.5 s; a later read that shows failure notifies."""
    coordinator = await healthy(init_integration, simulator)
    simulator.set_faults({"state_lag_s": 60})
    assert simulator.push is not None
    simulator.push.stall(True)  # the report is held back, as LG's cloud sometimes does
    monkey_read = timedelta(seconds=0.5)
    coordinator.ledger.confirm_delay = monkey_read
    started = time.monotonic()
    result = await conversation.async_converse(
        hass, "거실 에어컨 켜줘", None, Context(), language="ko", agent_id="conversation.thinq_voice"
    )
    elapsed = time.monotonic() - started
    assert UNCONFIRMED_KO in result.response.speech["plain"]["speech"]
    assert elapsed < push_module.PUSH_CONFIRM_TIMEOUT + 1.0
    # The confirming read shows the old state (LG lags): the user hears of it.
    await until(
        lambda: (
            any(
                key.startswith(f"{DOMAIN}_late_failure")
                for key in hass.data.get("persistent_notification", {})
            )
            or bool(hass.states.async_entity_ids("persistent_notification"))
        )
    )


async def test_notification_fires_once_with_push(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """LG's push code and the run state's end tell the same ending: the event fires once."""
    coordinator = await healthy(init_integration, simulator)
    washer = simulator.find("세탁기").device_id
    event = entity_id(hass, "event", f"{washer}_notification")
    fired: list[str] = []
    hass.bus.async_listen(
        "state_changed",
        lambda e: fired.append(e.data["new_state"].state) if e.data["entity_id"] == event else None,
    )
    simulator.patch_state(
        washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "RUNNING"}}
    )
    simulator.patch_state(washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "END"}})
    simulator.notify(washer, "WASHING_IS_COMPLETE")
    await until(lambda: bool(fired))
    await delivered(coordinator, simulator)  # the push code arrived too, after the run state's end
    assert len(fired) == 1
    assert hass.states.get(event).attributes["event_type"] == "washing_is_complete"  # type: ignore[union-attr]


FAULTS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "broker stopped and restarted": ({"broker": "stop"}, {"broker": "start"}),
    "silent stall": ({"mqtt_stalled": True}, {"mqtt_stalled": False}),
    "certificate revoked": ({"revoke_certificates": True}, {}),
    "malformed messages": ({"mqtt_malformed": True}, {"mqtt_malformed": False}),
    "duplicated messages": ({"mqtt_duplicated": True}, {"mqtt_duplicated": False}),
    "out-of-order messages": ({"mqtt_out_of_order": True}, {"mqtt_out_of_order": False}),
    "message storm": ({"mqtt_storm": 300}, {}),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_fault_matrix(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, fault: str
) -> None:
    """Through each fault: nothing lost, nothing duplicated, always available, push back unaided."""
    coordinator = await healthy(init_integration, simulator)
    ac = simulator.find("거실 에어컨").device_id
    washer = simulator.find("세탁기").device_id
    climate = entity_id(hass, "climate", f"{ac}_climate")
    event = entity_id(hass, "event", f"{washer}_notification")
    unavailable: list[str] = []
    fired: list[str] = []

    def watch(changed: Event[EventStateChangedData]) -> None:
        new = changed.data["new_state"]
        if new is None:
            return
        if new.state == "unavailable" and new.entity_id.startswith(("climate.", "event.", "sensor.")):
            unavailable.append(new.entity_id)
        if new.entity_id == event:
            fired.append(new.state)

    hass.bus.async_listen("state_changed", watch)
    simulator.patch_state(
        washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "RUNNING"}}
    )
    await until(lambda: coordinator.data[washer].state.get("runState", "currentState", "MAIN") == "RUNNING")  # type: ignore[union-attr]
    connections = coordinator.push.channel.health.connections
    apply, lift = FAULTS[fault]
    await simulator.apply_push_faults(apply)
    await asyncio.sleep(0.3)
    for temperature in (20, 21, 22):
        simulator.patch_state(ac, {"temperature": {"targetTemperature": temperature}})
    simulator.patch_state(washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "END"}})
    simulator.notify(washer, "WASHING_IS_COMPLETE")
    if fault in ("broker stopped and restarted", "silent stall"):
        await until(lambda: not coordinator.push.healthy)
    await asyncio.sleep(0.5)
    await simulator.apply_push_faults(lift)
    await until(lambda: coordinator.push.healthy)
    if fault in ("broker stopped and restarted", "silent stall", "certificate revoked"):
        assert coordinator.push.channel.health.connections > connections
    # Nothing lost: what a lost message carried comes with the read after reconnecting.
    await until(lambda: target_temperature(hass, climate) == 22)
    await until(lambda: bool(fired))
    await asyncio.sleep(1.0)
    assert target_temperature(hass, climate) == 22
    assert len(fired) == 1, fired
    assert not unavailable
    assert not ir.async_get(hass).async_get_issue(DOMAIN, push_module.issue_id(init_integration.entry_id))


async def test_device_list_and_alias_messages(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """A renamed appliance is renamed in HA; an added one joins without waiting for the hourly list."""
    coordinator = await healthy(init_integration, simulator)
    washer = simulator.find("세탁기")
    simulator._emit(washer, "DEVICE_ALIAS_CHANGED", {"alias": "빨래 기계"})
    await until(lambda: coordinator.known_devices[washer.device_id].alias == "빨래 기계")
    device = dr.async_get(hass).async_get_device_by_identifier(
        (DOMAIN, washer.device_id), init_integration.entry_id
    )
    assert device is not None
    assert device.name == "빨래 기계"
    added = simulator.add_device("washer", "세탁기 2", device_id="pushed-washer")
    await until(lambda: added.device_id in coordinator.data)
    await until(lambda: added.device_id in coordinator.push.channel.subscribed)


async def test_silence_reconnects_and_down_raises_a_repair(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry
) -> None:
    """Silence while an appliance runs reconnects; push down for long raises a repair, fixed unaided."""
    coordinator = await healthy(init_integration, simulator)
    washer = simulator.find("세탁기").device_id
    simulator.patch_state(
        washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "RUNNING"}}
    )
    await until(lambda: push_module.any_running(coordinator.data))
    connections = coordinator.push.channel.health.connections
    later = dt_util.utcnow() + push_module.SILENCE_LIMIT + timedelta(minutes=1)
    await coordinator.push._async_watch(later)
    await until(lambda: coordinator.push.channel.health.connections > connections)
    assert simulator.push is not None
    await simulator.push.stop_broker()
    await until(lambda: not coordinator.push.healthy)
    issue = push_module.issue_id(init_integration.entry_id)
    await coordinator.push._async_watch(dt_util.utcnow() + push_module.REPAIR_AFTER * 2)
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue) is not None
    assert coordinator.update_interval is not None
    assert coordinator.update_interval < push_module.SAFETY_INTERVAL  # polling stands in
    await simulator.push.start_broker()
    await until(lambda: coordinator.push.healthy)
    assert ir.async_get(hass).async_get_issue(DOMAIN, issue) is None


async def test_a_control_push_missed_reconnects(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A control that a read shows carried out, but no push reported, makes the channel reconnect."""
    coordinator = await healthy(init_integration, simulator)
    ac = simulator.find("거실 에어컨").device_id
    simulator.event_subscriptions.clear()  # LG stops publishing this account's reports, silently
    connections = coordinator.push.channel.health.connections
    monkeypatch.setattr(coordinator_module, "PUSH_CONFIRM_READ", timedelta(0))
    await coordinator.async_control(ac, "operation", "airConOperationMode", "POWER_ON", context=Context())
    await until(lambda: coordinator.push.channel.health.connections > connections)


async def test_a_reload_takes_push_up_again_and_removal_ends_it(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, hass_storage: dict[str, Any]
) -> None:
    """A reload keeps what LG holds and sets push up again without a request; deleting the entry ends it.

    The stored session holds the certificate's private key: it is in storage, never in diagnostics.
    """
    await healthy(init_integration, simulator)
    subscribed = len(simulator.event_subscriptions)
    issued = simulator.requests_by_endpoint["POST /client/certificate"]
    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()
    coordinator = await healthy(init_integration, simulator)
    assert simulator.requests_by_endpoint["POST /client/certificate"] == issued
    assert coordinator.push.channel.health.certificates_issued == 0
    assert len(simulator.event_subscriptions) == subscribed
    stored = hass_storage[push_module.storage_key(init_integration.entry_id)]["data"]
    assert "PRIVATE KEY" in stored["credentials"]["private_key_pem"]
    diagnostics = await async_get_config_entry_diagnostics(hass, init_integration)
    assert "PRIVATE" not in str(diagnostics)
    assert stored["credentials"]["certificate_pem"] not in str(diagnostics)
    await hass.config_entries.async_remove(init_integration.entry_id)
    await hass.async_block_till_done()
    assert not simulator.clients
    assert not simulator.device_push_clients
    assert len(simulator.event_subscriptions) < subscribed
    assert push_module.storage_key(init_integration.entry_id) not in hass_storage


def test_newer_part_and_running() -> None:
    """A late report changes only what no newer report set; only a running appliance expects traffic."""
    from custom_components.thinq_voice.api.models import DeviceInfo, DeviceProfile, DeviceState
    from custom_components.thinq_voice.coordinator import Appliance

    appliance = Appliance(DeviceInfo("w", "DEVICE_WASHER", "w"), DeviceProfile.from_json({"property": {}}))
    newer = DeviceState.from_json({"runState": {"currentState": "END"}, "timer": {"remainMinute": 0}})
    older = DeviceState.from_json({"runState": {"currentState": "RUNNING"}, "cycle": {"cycleCount": 3}})
    assert push_module.newer_part(appliance, newer, "2026-01-01T00:00:02.000000") == newer
    kept = push_module.newer_part(appliance, older, "2026-01-01T00:00:01.000000")
    assert kept == DeviceState.from_json({"cycle": {"cycleCount": 3}})
    assert push_module.newer_part(appliance, older, None) == older
    assert not push_module.any_running(None)
    assert not push_module.any_running({"w": appliance})
    appliance.state = older
    assert push_module.any_running({"w": appliance})
    appliance.online = False
    assert not push_module.any_running({"w": appliance})


async def test_setup_waits_for_the_budget_and_retries_after_a_failure(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    simulator: Simulator,
    init_integration: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Push set up from nothing waits while the budget is short and retries after LG fails; polling meanwhile."""
    coordinator = coordinator_of(init_integration)
    await healthy(init_integration, simulator)
    await coordinator.push.async_stop()
    hass_storage.pop(push_module.storage_key(init_integration.entry_id))  # nothing kept from before
    link = push_module.PushLink(coordinator)
    with monkeypatch.context() as short:
        short.setattr(coordinator.client.budget, "available", lambda priority: 0)
        await link.async_start()
    assert not link.offered
    simulator.set_faults({"fail_next": 1})
    await link._async_watch(dt_util.utcnow())
    assert not link.offered
    monkeypatch.setattr(push_module, "SETUP_RETRY", timedelta(0))
    link._retry_at = 1.0
    await link._async_watch(dt_util.utcnow())
    assert link.offered
    await link.async_stop()
