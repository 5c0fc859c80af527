"""Fault injection through Python attributes and the admin API."""

import asyncio
import time

import aiohttp
import pytest

from simulator import DEFAULT_TOKEN, RateLimit, Simulator

from .conftest import Api, error_code, lg_headers


async def test_latency(api: Api, sim: Simulator) -> None:
    sim.faults.latency_ms = 150
    started = time.monotonic()
    await api.get("/devices")
    assert time.monotonic() - started >= 0.15


async def test_fail_next_and_fail_rate(api: Api, sim: Simulator) -> None:
    sim.faults.fail_next = 2
    for _ in range(2):
        status, body = await api.call("GET", "/devices")
        assert (status, error_code(body)) == (500, "2000")
    assert (await api.call("GET", "/devices"))[0] == 200
    sim.faults.fail_rate = 1.0
    assert (await api.call("GET", "/route"))[0] == 500
    sim.faults.fail_rate = 0.5
    statuses = [(await api.call("GET", "/route"))[0] for _ in range(40)]
    assert 5 < statuses.count(500) < 35


async def test_hang_outlasts_the_client_timeout(api: Api, sim: Simulator) -> None:
    sim.faults.hang_s = 30
    with pytest.raises(TimeoutError):
        async with api.session.get(
            "/devices", headers=lg_headers(), timeout=aiohttp.ClientTimeout(total=0.2)
        ):
            pass


async def test_stop_releases_hanging_requests(sim: Simulator) -> None:
    sim.faults.hang_s = 30
    async with aiohttp.ClientSession(base_url=sim.base_url) as session:
        request = asyncio.create_task(session.get("/devices", headers=lg_headers()))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await sim.stop()
        assert time.monotonic() - started < 5
        response = await request
        assert response.status == 500
        response.release()


@pytest.mark.parametrize("code", ["1306", "1314"])
async def test_rate_limit(api: Api, sim: Simulator, code: str) -> None:
    sim.faults.rate_limit = RateLimit(3, 60, code)
    for _ in range(3):
        assert (await api.call("GET", "/devices"))[0] == 200
    status, body = await api.call("GET", "/devices")
    assert (status, error_code(body)) == (429, code)


async def test_rate_limit_window_slides(api: Api, sim: Simulator) -> None:
    sim.faults.rate_limit = RateLimit(1, 0.2)
    assert (await api.call("GET", "/devices"))[0] == 200
    assert (await api.call("GET", "/devices"))[0] == 429
    await asyncio.sleep(0.25)
    assert (await api.call("GET", "/devices"))[0] == 200


async def test_revoked_token(api: Api, sim: Simulator) -> None:
    sim.faults.revoked_tokens.add(DEFAULT_TOKEN)
    status, body = await api.call("GET", "/devices")
    assert (status, error_code(body)) == (401, "1103")


async def test_malformed_json(api: Api, sim: Simulator) -> None:
    sim.faults.malformed = True
    async with api.session.get("/devices", headers=lg_headers()) as resp:
        assert resp.status == 200
        assert resp.content_type == "application/json"
        with pytest.raises(ValueError):
            await resp.json()


async def test_state_lag(api: Api, sim: Simulator) -> None:
    """Reads show the state from before the controls of the last N seconds, then catch up."""
    ac = sim.find("Living Room AC").device_id
    washer = sim.find("Washer").device_id
    sim.faults.state_lag_s = 1.0
    power = "airConOperationMode"
    assert (await api.get(f"/devices/{ac}/state"))["operation"][power] == "POWER_OFF"
    assert (await api.control(ac, {"operation": {power: "POWER_ON"}}))[0] == 200
    await asyncio.sleep(0.5)
    assert (await api.control(ac, {"temperature": {"targetTemperature": 20, "unit": "C"}}))[0] == 200
    assert sim.device(ac).state["operation"][power] == "POWER_ON"
    lagging = await api.get(f"/devices/{ac}/state")
    assert lagging["operation"][power] == "POWER_OFF"
    assert lagging["temperature"]["targetTemperature"] != 20
    # A device nobody controlled reads live.
    assert await api.get(f"/devices/{washer}/state") == sim.device(washer).state
    await asyncio.sleep(0.75)
    # The first control is older than the lag: the state from before the second one shows.
    between = await api.get(f"/devices/{ac}/state")
    assert between["operation"][power] == "POWER_ON"
    assert between["temperature"]["targetTemperature"] != 20
    await asyncio.sleep(0.3)
    assert await api.get(f"/devices/{ac}/state") == sim.device(ac).state


async def test_state_lag_ignores_refused_controls(api: Api, sim: Simulator) -> None:
    ac = sim.find("Living Room AC").device_id
    sim.faults.state_lag_s = 30
    status, _ = await api.control(ac, {"temperature": {"targetTemperature": 20, "unit": "C"}})
    assert status != 200  # the AC is off
    assert await api.get(f"/devices/{ac}/state") == sim.device(ac).state


async def test_state_lag_through_admin_api(api: Api, sim: Simulator) -> None:
    ac = sim.find("Living Room AC").device_id
    status, body = await api.admin("POST", "/admin/faults", {"state_lag_s": 30})
    assert (status, body["state_lag_s"]) == (200, 30)
    await api.control(ac, {"operation": {"airConOperationMode": "POWER_ON"}})
    assert (await api.get(f"/devices/{ac}/state"))["operation"]["airConOperationMode"] == "POWER_OFF"
    status, body = await api.admin("DELETE", "/admin/faults")
    assert body["state_lag_s"] == 0
    assert (await api.get(f"/devices/{ac}/state"))["operation"]["airConOperationMode"] == "POWER_ON"
    await api.admin("POST", "/admin/faults", {"state_lag_s": 30})
    await api.control(ac, {"operation": {"airConOperationMode": "POWER_OFF"}})
    await api.admin("POST", "/admin/faults", {"state_lag_s": 0})
    assert (await api.get(f"/devices/{ac}/state"))["operation"]["airConOperationMode"] == "POWER_OFF"


async def test_state_lag_of_some_devices(api: Api, sim: Simulator) -> None:
    ac = sim.find("Living Room AC").device_id
    bedroom = sim.find("Bedroom AC").device_id
    status, body = await api.admin(
        "POST", "/admin/faults", {"state_lag_s": 30, "lagging_devices": ["Bedroom AC"]}
    )
    assert body["lagging_devices"] == [bedroom]
    for device_id in (ac, bedroom):
        await api.control(device_id, {"operation": {"airConOperationMode": "POWER_ON"}})
    assert (await api.get(f"/devices/{ac}/state"))["operation"]["airConOperationMode"] == "POWER_ON"
    assert (await api.get(f"/devices/{bedroom}/state"))["operation"]["airConOperationMode"] == "POWER_OFF"
    status, body = await api.admin("POST", "/admin/faults", {"lagging_devices": ["no such device"]})
    assert status == 400
    status, body = await api.admin("DELETE", "/admin/faults")
    assert body["lagging_devices"] == []


async def test_admin_faults_endpoint(api: Api, sim: Simulator) -> None:
    status, body = await api.admin("GET", "/admin/faults")
    assert status == 200
    assert body["rate_limit"] is None
    status, body = await api.admin(
        "POST",
        "/admin/faults",
        {
            "latency_ms": 1,
            "fail_rate": 0.0,
            "fail_next": 1,
            "hang_s": 0,
            "rate_limit": "5/60:1314",
            "revoke_tokens": ["old-token"],
            "malformed": False,
            "offline": ["Washer"],
        },
    )
    assert status == 200
    assert body["rate_limit"] == {"calls": 5, "window_s": 60.0, "code": "1314"}
    assert body["revoked_tokens"] == 1
    assert "old-token" not in str(body)
    assert body["offline"] == [sim.find("Washer").device_id]
    assert (await api.call("GET", "/devices"))[0] == 500
    status, body = await api.admin(
        "POST", "/admin/faults", {"rate_limit": {"calls": 2, "window_s": 10}, "online": ["Washer"]}
    )
    assert body["rate_limit"]["code"] == "1306"
    assert body["offline"] == []
    status, body = await api.admin("DELETE", "/admin/faults")
    assert body["rate_limit"] is None
    assert body["latency_ms"] == 0
    assert sim.faults.revoked_tokens == set()


@pytest.mark.parametrize(
    "body",
    [
        {"bogus": 1},
        {"fail_rate": 2},
        {"latency_ms": -1},
        {"state_lag_s": -2},
        {"rate_limit": "lots"},
        {"rate_limit": {"calls": 1, "window_s": 0}},
        {"rate_limit": {"calls": 1, "window_s": 5, "code": "9999"}},
        {"offline": ["no such device"]},
        [1],
    ],
)
async def test_admin_faults_rejects_bad_settings(api: Api, sim: Simulator, body: object) -> None:
    status, answer = await api.admin("POST", "/admin/faults", body)
    assert status == 400
    assert answer["error"]
    assert sim.faults.as_dict()["rate_limit"] is None


async def test_admin_offline_via_delete_restores(api: Api, sim: Simulator) -> None:
    sim.set_faults({"offline": [sim.device_ids[0]]})
    assert not sim.device(sim.device_ids[0]).online
    await api.admin("DELETE", "/admin/faults")
    assert sim.device(sim.device_ids[0]).online


def test_rate_limit_parse() -> None:
    assert RateLimit.parse("10/3600") == RateLimit(10, 3600.0, "1306")
    assert RateLimit.parse("10/0.5:1314") == RateLimit(10, 0.5, "1314")
    with pytest.raises(ValueError):
        RateLimit.parse("10/60:1999")
