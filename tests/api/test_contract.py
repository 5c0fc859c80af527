"""The client against the simulator: every endpoint and every injected fault, over loopback HTTP."""

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from custom_components.thinq_voice.api import (
    DeviceProfile,
    ThinQAuthenticationError,
    ThinQBadRequestError,
    ThinQCommandRefusedError,
    ThinQConnectClient,
    ThinQConnectionError,
    ThinQDeviceOfflineError,
    ThinQInvalidResponseError,
    ThinQMessage,
    ThinQNotFoundError,
    ThinQRateLimitError,
    ThinQServerError,
)
from custom_components.thinq_voice.api.energy import EnergyPeriod
from simulator import Simulator

from .conftest import FakeClock

TOKEN = "thinqpat_thinq_voice_demo"
CLIENT_ID = "thinq-voice-contract-test"


@pytest.fixture
async def sim() -> AsyncIterator[Simulator]:
    simulator = Simulator(fleet="ko", tokens=(TOKEN,), speed=0)
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest.fixture
def client(sim: Simulator, session: aiohttp.ClientSession, clock: FakeClock) -> ThinQConnectClient:
    return ThinQConnectClient(
        session,
        access_token=TOKEN,
        country="KR",
        client_id=CLIENT_ID,
        base_url=sim.base_url,
        hourly_request_budget=1000,
        request_timeout=5.0,
        clock=clock,
        sleep=clock.sleep,
    )


def device_id(sim: Simulator, alias: str) -> str:
    return sim.find(alias).device_id


async def test_route_devices_profiles_and_states(sim: Simulator, client: ThinQConnectClient) -> None:
    route = await client.async_get_route()
    assert route.api_server == sim.base_url
    assert route.mqtt_server is None  # no broker in this simulator: see tests/api/test_push.py
    devices = await client.async_get_devices()
    assert {d.device_id for d in devices} == set(sim.device_ids)
    assert {"거실 에어컨", "세탁기", "냉장고", "김치냉장고", "오븐"} <= {d.alias for d in devices}
    for device in devices:
        assert device.known_type is not None, device.device_type
        profile = await client.async_get_device_profile(device.device_id)
        state = await client.async_get_device_state(device.device_id)
        assert profile.properties, device.alias
        assert state.values, device.alias
        for key in state.values:
            # Every state value belongs to a resource the profile knows (or is the location itself).
            assert key.resource in profile.resources or key.resource == "location", (device.alias, key)


async def test_validated_controls_reach_the_devices(sim: Simulator, client: ThinQConnectClient) -> None:
    ac = device_id(sim, "거실 에어컨")
    profile = await client.async_get_device_profile(ac)
    await client.async_control(ac, profile, "operation", "airConOperationMode", "POWER_ON")
    await client.async_control(ac, profile, "airConJobMode", "currentJobMode", "COOL")
    target = profile.get("temperature", "targetTemperature")
    assert target is not None
    await client.async_control(ac, profile, "temperature", "targetTemperature", 24)
    state = await client.async_get_device_state(ac)
    assert state.get("operation", "airConOperationMode") == "POWER_ON"
    assert state.get("temperature", "targetTemperature") == 24
    assert sim.control_log[-1].body == {"temperature": {"targetTemperature": 24, "unit": "C"}}
    assert all(entry.code is None for entry in sim.control_log)


async def test_fridge_compartment_payload_is_accepted(sim: Simulator, client: ThinQConnectClient) -> None:
    fridge = device_id(sim, "냉장고")
    profile = await client.async_get_device_profile(fridge)
    spec = profile.get("temperature", "targetTemperature", "FRIDGE")
    assert spec is not None and spec.writable
    await client.async_control(fridge, profile, "temperature", "targetTemperature", 3, "FRIDGE")
    assert sim.control_log[-1].code is None
    state = await client.async_get_device_state(fridge)
    assert state.get("temperature", "targetTemperature", "FRIDGE") == 3


async def test_laundry_location_payload_and_refusal(sim: Simulator, client: ThinQConnectClient) -> None:
    washer = device_id(sim, "세탁기")
    profile = await client.async_get_device_profile(washer)
    sim.patch_state(
        washer, {"location": {"locationName": "MAIN"}, "remoteControlEnable": {"remoteControlEnabled": False}}
    )
    with pytest.raises(ThinQCommandRefusedError) as info:
        await client.async_control(washer, profile, "operation", "washerOperationMode", "START")
    assert info.value.code == "2301"
    assert info.value.reason == "remote_control_off"
    assert sim.control_log[-1].body == {
        "location": {"locationName": "MAIN"},
        "operation": {"washerOperationMode": "START"},
    }


async def test_energy(sim: Simulator, client: ThinQConnectClient) -> None:
    ac = device_id(sim, "거실 에어컨")
    assert (await client.async_get_energy_profile(ac)).metered == "energyUsage"
    assert (await client.async_get_energy_profile(device_id(sim, "로봇청소기"))).metered is None
    sim.timezone = UTC
    today = datetime.now(UTC).date()
    usage = await client.async_get_energy_usage(
        ac, "energyUsage", EnergyPeriod.DAILY, today - timedelta(days=6), today
    )
    assert len(usage.rows) == 7 and usage.skipped == 0
    month = await client.async_get_energy_usage(
        ac, "energyUsage", EnergyPeriod.DAILY, today.replace(day=1), today
    )
    monthly = await client.async_get_energy_usage(ac, "energyUsage", EnergyPeriod.MONTHLY, today, today)
    assert monthly.total == pytest.approx(month.total)


async def test_push_event_and_client_endpoints(sim: Simulator, client: ThinQConnectClient) -> None:
    washer = device_id(sim, "세탁기")
    await client.async_register_client()
    assert CLIENT_ID in sim.clients
    await client.async_subscribe_push(washer)
    assert await client.async_get_push_subscriptions() == [{"deviceId": washer}]
    with pytest.raises(ThinQBadRequestError) as already:
        await client.async_subscribe_push(washer)
    assert already.value.code == "1207"
    await client.async_unsubscribe_push(washer)
    assert await client.async_get_push_subscriptions() == []
    await client.async_subscribe_push_devices()
    assert await client.async_get_push_devices() == [{"clientId": CLIENT_ID}]
    await client.async_unsubscribe_push_devices()
    await client.async_subscribe_events(washer, hours=24)
    assert await client.async_get_event_subscriptions() == [{"deviceId": washer}]
    await client.async_unsubscribe_events(washer)
    with pytest.raises(ThinQNotFoundError) as not_subscribed:
        await client.async_unsubscribe_events(washer)
    assert not_subscribed.value.code == "1204"
    await client.async_unregister_client()
    assert CLIENT_ID not in sim.clients


async def test_simulator_push_messages_parse(sim: Simulator, client: ThinQConnectClient) -> None:
    ac = device_id(sim, "거실 에어컨")
    profile = await client.async_get_device_profile(ac)
    await client.async_control(ac, profile, "operation", "airConOperationMode", "POWER_ON")
    washer = device_id(sim, "세탁기")
    sim.patch_state(washer, {"location": {"locationName": "MAIN"}, "runState": {"currentState": "RUNNING"}})
    sim.remove_device(device_id(sim, "건조기"))
    assert sim.push_log
    for raw in sim.push_log:
        message = ThinQMessage.from_json(raw)
        assert message.device_id
    statuses = [ThinQMessage.from_json(raw) for raw in sim.push_log if raw["pushType"] == "DEVICE_STATUS"]
    assert any(m.report and m.report.get("operation", "airConOperationMode") == "POWER_ON" for m in statuses)
    assert any(m.report and m.report.get("runState", "currentState", "MAIN") == "RUNNING" for m in statuses)


async def test_unknown_device(client: ThinQConnectClient) -> None:
    with pytest.raises(ThinQNotFoundError) as info:
        await client.async_get_device_state("no-such-device")
    assert info.value.code == "1205"


async def test_fault_latency(sim: Simulator, client: ThinQConnectClient) -> None:
    sim.set_faults({"latency_ms": 300})
    loop = asyncio.get_running_loop()
    start = loop.time()
    assert await client.async_get_devices()
    assert loop.time() - start >= 0.3


async def test_fault_server_error(sim: Simulator, client: ThinQConnectClient) -> None:
    sim.set_faults({"fail_next": 1})
    with pytest.raises(ThinQServerError) as info:
        await client.async_get_devices()
    assert info.value.code == "2000" and info.value.status == 500
    assert await client.async_get_devices()


async def test_fault_timeout(sim: Simulator, client: ThinQConnectClient) -> None:
    sim.set_faults({"hang_s": 30})
    client.request_timeout = 0.3
    with pytest.raises(ThinQConnectionError, match="timed out"):
        await client.async_get_devices()


@pytest.mark.parametrize("code", ["1306", "1314"])
async def test_fault_rate_limit_after_n_calls(
    sim: Simulator, client: ThinQConnectClient, clock: FakeClock, code: str
) -> None:
    sim.set_faults({"rate_limit": f"3/3600:{code}"})
    for _ in range(3):
        await client.async_get_route()
    with pytest.raises(ThinQRateLimitError) as info:
        await client.async_get_route()
    assert info.value.code == code
    assert info.value.retry_after > 0
    sim.set_faults({"rate_limit": None})
    # The client keeps quiet for the back-off, even though the server would answer again.
    with pytest.raises(ThinQRateLimitError):
        await client.async_get_devices()
    clock.advance(info.value.retry_after)
    assert await client.async_get_devices()


async def test_fault_revoked_token(sim: Simulator, client: ThinQConnectClient) -> None:
    sim.set_faults({"revoke_tokens": [TOKEN]})
    with pytest.raises(ThinQAuthenticationError) as info:
        await client.async_get_devices()
    assert info.value.code == "1103"
    assert TOKEN not in str(info.value)


async def test_fault_device_offline(sim: Simulator, client: ThinQConnectClient) -> None:
    ac = device_id(sim, "거실 에어컨")
    profile = await client.async_get_device_profile(ac)
    sim.set_faults({"offline": ["거실 에어컨"]})
    with pytest.raises(ThinQDeviceOfflineError) as info:
        await client.async_get_device_state(ac)
    assert info.value.code == "1222"
    with pytest.raises(ThinQDeviceOfflineError):
        await client.async_control(ac, profile, "operation", "airConOperationMode", "POWER_ON")
    sim.set_faults({"online": ["거실 에어컨"]})
    assert (await client.async_get_device_state(ac)).values


async def test_fault_malformed_json(sim: Simulator, client: ThinQConnectClient) -> None:
    sim.set_faults({"malformed": True})
    with pytest.raises(ThinQInvalidResponseError):
        await client.async_get_devices()
    with pytest.raises(ThinQInvalidResponseError):
        await client.async_get_device_profile(device_id(sim, "냉장고"))


async def test_fault_command_refused_power_off(sim: Simulator, client: ThinQConnectClient) -> None:
    ac = device_id(sim, "거실 에어컨")
    profile: DeviceProfile = await client.async_get_device_profile(ac)
    await client.async_control(ac, profile, "operation", "airConOperationMode", "POWER_OFF")
    with pytest.raises(ThinQCommandRefusedError) as info:
        await client.async_control(ac, profile, "airConJobMode", "currentJobMode", "COOL")
    assert info.value.code == "2304" and info.value.reason == "power_off"


async def test_faults_through_the_admin_api(
    sim: Simulator, client: ThinQConnectClient, session: aiohttp.ClientSession
) -> None:
    async with session.post(f"{sim.base_url}/admin/faults", json={"fail_next": 1}) as response:
        assert response.status == 200
    with pytest.raises(ThinQServerError):
        await client.async_get_route()
    async with session.delete(f"{sim.base_url}/admin/faults") as response:
        assert response.status == 200
    assert (await client.async_get_route()).api_server == sim.base_url


async def test_spacing_against_the_simulator(
    sim: Simulator, client: ThinQConnectClient, clock: FakeClock
) -> None:
    ac = device_id(sim, "거실 에어컨")
    profile = await client.async_get_device_profile(ac)
    for mode in ("POWER_ON", "POWER_OFF", "POWER_ON"):
        await client.async_control(ac, profile, "operation", "airConOperationMode", mode)
    assert clock.slept == [pytest.approx(3.0), pytest.approx(3.0)]
    assert [entry.body["operation"]["airConOperationMode"] for entry in sim.control_log] == [
        "POWER_ON",
        "POWER_OFF",
        "POWER_ON",
    ]
