"""LG endpoints, envelopes and header checks over real loopback HTTP."""

from datetime import UTC, datetime, timedelta
import logging
from typing import Any

import pytest

from simulator import DEFAULT_TOKEN, Simulator

from .conftest import Api, error_code, lg_headers


async def test_route_and_envelope(api: Api, sim: Simulator) -> None:
    headers = lg_headers()
    status, body = await api.call("GET", "/route", headers=headers)
    assert status == 200
    assert body["messageId"] == headers["x-message-id"]
    assert body["timestamp"]
    assert body["response"]["apiServer"] == sim.base_url
    # Without a broker (the simulator's `push` off) the route names no MQTT server: clients poll.
    assert "mqttServer" not in body["response"]
    assert body["response"]["webSocketServer"].startswith("ws://127.0.0.1")


async def test_devices_list_has_the_english_fleet(api: Api, sim: Simulator) -> None:
    devices = await api.get("/devices")
    assert [device["deviceInfo"]["alias"] for device in devices] == [
        "Living Room AC",
        "Bedroom AC",
        "Refrigerator",
        "Kimchi Fridge",
        "Washer",
        "Dryer",
        "Dishwasher",
        "Air Purifier",
        "Robot Vacuum",
        "Oven",
        "Styler",
        "Dehumidifier",
    ]
    assert [device["deviceId"] for device in devices] == sim.device_ids
    assert devices[0]["deviceInfo"] == {
        "deviceType": "DEVICE_AIR_CONDITIONER",
        "modelName": "PAC_910604_WW",
        "alias": "Living Room AC",
        "reportable": True,
    }


async def test_profile_and_state(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    profile = await api.get(f"/devices/{washer.device_id}/profile")
    assert profile["property"][0]["location"] == {"locationName": "MAIN"}
    assert "WASHING_IS_COMPLETE" in profile["notification"]["push"]
    state = await api.get(f"/devices/{washer.device_id}/state")
    assert state[0]["runState"]["currentState"] == "INITIAL"
    assert state[0]["remoteControlEnable"]["remoteControlEnabled"] is True


@pytest.mark.parametrize(
    "path", ["/devices/nope/profile", "/devices/nope/state", "/devices/energy/nope/profile"]
)
async def test_unknown_device_is_1205(api: Api, path: str) -> None:
    status, body = await api.call("GET", path)
    assert (status, error_code(body)) == (404, "1205")
    assert body["error"]["message"]


async def test_unknown_device_control_is_1205(api: Api) -> None:
    status, body = await api.control("nope", {"operation": {"airConOperationMode": "POWER_ON"}})
    assert (status, error_code(body)) == (404, "1205")


@pytest.mark.parametrize(
    ("overrides", "status", "code"),
    [
        ({"x_api_key": None}, 401, "1301"),
        ({"x_api_key": "wrong"}, 401, "1301"),
        ({"x_country": None}, 400, "1216"),
        ({"x_country": "korea"}, 400, "1216"),
        ({"x_message_id": None}, 400, "1216"),
        ({"x_message_id": "short"}, 400, "1104"),
        ({"x_message_id": "!" * 22}, 400, "1104"),
        ({"x_client_id": None}, 400, "1216"),
        ({"Authorization": None}, 401, "1103"),
        ({"Authorization": "Basic abc"}, 401, "1103"),
        ({"Authorization": "Bearer unknown"}, 401, "1103"),
    ],
)
async def test_header_checks(api: Api, overrides: dict[str, str | None], status: int, code: str) -> None:
    got_status, body = await api.call("GET", "/devices", headers=lg_headers(**overrides))
    assert (got_status, error_code(body)) == (status, code)


async def test_other_tokens_can_be_configured() -> None:
    sim = Simulator(tokens=("a", "b"), speed=0)
    await sim.start()
    try:
        import aiohttp

        async with aiohttp.ClientSession(base_url=sim.base_url) as session:
            api = Api(session)
            assert (await api.call("GET", "/devices", headers=lg_headers("b")))[0] == 200
            assert (await api.call("GET", "/devices", headers=lg_headers(DEFAULT_TOKEN)))[0] == 401
    finally:
        await sim.stop()


async def test_requests_are_logged_without_the_token(
    api: Api, sim: Simulator, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="simulator")
    await api.get("/devices")
    await api.call("GET", "/devices", headers=lg_headers("thinqpat_secret_wrong"))
    await api.control(sim.device_ids[0], {"operation": {"airConOperationMode": "POWER_ON"}})
    text = "\n".join(record.getMessage() for record in caplog.records)
    assert "GET /devices -> 200" in text
    assert "-> 401 1103" in text
    assert DEFAULT_TOKEN not in text
    assert "thinqpat_secret_wrong" not in text
    assert "Bearer" not in text


def _rows(answer: dict[str, Any]) -> list[dict[str, Any]]:
    assert answer["resultCode"] == "0000"
    rows: list[dict[str, Any]] = answer["result"]["dataList"]
    return rows


async def test_energy_profile_and_usage(api: Api, sim: Simulator) -> None:
    """LG's real shapes: a wrapped profile and wrapped usage rows, a day the sum of its hours."""
    device_id = sim.find("Living Room AC").device_id
    profile = await api.get(f"/devices/energy/{device_id}/profile")
    assert profile == {"resultCode": "0000", "result": {"property": ["energyUsage"]}}
    robot = await api.get(f"/devices/energy/{sim.find('Robot Vacuum').device_id}/profile")
    assert robot["result"]["property"] == []
    query = {"property": "energyUsage", "period": "DAILY", "startDate": "20260101", "endDate": "20260107"}
    days = await api.get(f"/devices/energy/{device_id}/usage", **query)
    assert days["result"]["property"] == ["energyUsage"]
    assert [row["usedDate"] for row in _rows(days)] == [f"2026010{day}" for day in range(1, 8)]
    assert all(0 < row["energyUsage"] <= 12000 for row in _rows(days))
    assert await api.get(f"/devices/energy/{device_id}/usage", **query) == days
    months = await api.get(
        f"/devices/energy/{device_id}/usage",
        property="energyUsage",
        period="MONTHLY",
        startDate="202511",
        endDate="202602",
    )
    assert [row["usedDate"] for row in _rows(months)] == ["202511", "202512", "202601", "202602"]
    january = await api.get(f"/devices/energy/{device_id}/usage", **{**query, "endDate": "20260131"})
    assert _rows(months)[2]["energyUsage"] == pytest.approx(sum(row["energyUsage"] for row in _rows(january)))


async def test_today_by_the_hour(api: Api, sim: Simulator) -> None:
    """Today alone comes by the completed hour (YYYYMMDDHH), and adds up to today's day row."""
    device_id = sim.find("Washer").device_id
    sim.timezone = UTC
    now = datetime.now(UTC)
    today = now.strftime("%Y%m%d")
    query = {"property": "energyUsage", "period": "DAILY", "startDate": today, "endDate": today}
    hours = _rows(await api.get(f"/devices/energy/{device_id}/usage", **query))
    assert [row["usedDate"] for row in hours] == [f"{today}{hour:02d}" for hour in range(now.hour)]
    yesterday = (now - timedelta(days=1)).strftime("%Y%m%d")
    both = _rows(await api.get(f"/devices/energy/{device_id}/usage", **{**query, "startDate": yesterday}))
    assert [row["usedDate"] for row in both] == [yesterday, today]
    assert both[1]["energyUsage"] == pytest.approx(sum(row["energyUsage"] for row in hours))


async def test_real_energy_profile_served_as_recorded(api: Api, sim: Simulator) -> None:
    """A device added with a real energy profile answers it, and meters what it lists."""
    empty = {"resultCode": "0000", "result": {}}
    ac = sim.add_device("DEVICE_AIR_CONDITIONER", "AC1", energy_profile=empty)
    assert await api.get(f"/devices/energy/{ac.device_id}/profile") == empty
    query = {"property": "energyUsage", "period": "DAILY", "startDate": "20260101", "endDate": "20260102"}
    status, body = await api.call("GET", f"/devices/energy/{ac.device_id}/usage", **query)
    assert (status, error_code(body)) == (400, "1102")
    listed = {"resultCode": "0000", "result": {"property": ["energyUsage"]}}
    # A kind the simulator does not meter by itself, metered because its profile says so.
    purifier = sim.add_device("air_purifier", "Purifier 2", energy_profile=listed)
    assert all(
        row["energyUsage"] > 0
        for row in _rows(await api.get(f"/devices/energy/{purifier.device_id}/usage", **query))
    )
    sim.remove_device(ac.device_id)
    assert ac.device_id not in sim.energy_profiles


async def test_unmetered_appliance_has_no_usage(api: Api, sim: Simulator) -> None:
    query = {"property": "energyUsage", "period": "DAILY", "startDate": "20260101", "endDate": "20260102"}
    status, body = await api.call(
        "GET", f"/devices/energy/{sim.find('Robot Vacuum').device_id}/usage", **query
    )
    assert (status, error_code(body)) == (400, "1102")


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"period": "DAILY", "startDate": "20260101", "endDate": "20260102"}, "1101"),
        ({"property": "energyUsage", "startDate": "20260101", "endDate": "20260102"}, "1101"),
        ({"property": "water", "period": "DAILY", "startDate": "20260101", "endDate": "20260102"}, "1102"),
        (
            {"property": "energyUsage", "period": "DAY", "startDate": "20260101", "endDate": "20260102"},
            "1102",
        ),
        ({"property": "energyUsage", "period": "DAILY", "endDate": "20260102"}, "1101"),
        (
            {"property": "energyUsage", "period": "DAILY", "startDate": "202601", "endDate": "20260102"},
            "1102",
        ),
        (
            {"property": "energyUsage", "period": "DAILY", "startDate": "20261301", "endDate": "20260102"},
            "1102",
        ),
        (
            {"property": "energyUsage", "period": "MONTHLY", "startDate": "20260101", "endDate": "202602"},
            "1102",
        ),
        (
            {"property": "energyUsage", "period": "DAILY", "startDate": "20260105", "endDate": "20260102"},
            "1102",
        ),
        (
            {"property": "energyUsage", "period": "DAILY", "startDate": "20260101", "endDate": "20260301"},
            "1102",
        ),
        (
            {"property": "energyUsage", "period": "MONTHLY", "startDate": "202401", "endDate": "202602"},
            "1102",
        ),
        (
            {"property": "energyUsage", "period": "MONTHLY", "startDate": "209901", "endDate": "209902"},
            "1102",
        ),
    ],
)
async def test_energy_usage_validation(api: Api, sim: Simulator, params: dict[str, str], code: str) -> None:
    status, body = await api.call("GET", f"/devices/energy/{sim.device_ids[0]}/usage", **params)
    assert (status, error_code(body)) == (400, code)


async def test_push_subscriptions(api: Api, sim: Simulator) -> None:
    device_id = sim.device_ids[4]
    assert await api.get("/push") == []
    assert (await api.call("POST", f"/push/{device_id}/subscribe"))[0] == 200
    assert await api.get("/push") == [{"deviceId": device_id}]
    status, body = await api.call("POST", f"/push/{device_id}/subscribe")
    assert (status, error_code(body)) == (400, "1207")
    assert (await api.call("DELETE", f"/push/{device_id}/unsubscribe"))[0] == 200
    status, body = await api.call("DELETE", f"/push/{device_id}/unsubscribe")
    assert (status, error_code(body)) == (400, "1206")
    status, body = await api.call("POST", "/push/nope/subscribe")
    assert error_code(body) == "1205"


async def test_push_devices_subscription(api: Api) -> None:
    assert await api.get("/push/devices") == []
    assert (await api.call("POST", "/push/devices"))[0] == 200
    assert await api.get("/push/devices") == [{"clientId": "thinq-voice-test-client"}]
    assert error_code((await api.call("POST", "/push/devices"))[1]) == "1207"
    assert (await api.call("DELETE", "/push/devices"))[0] == 200
    assert error_code((await api.call("DELETE", "/push/devices"))[1]) == "1206"


async def test_event_subscriptions_expire(api: Api, sim: Simulator) -> None:
    device_id = sim.device_ids[0]
    body = {"expire": {"unit": "HOUR", "timer": 2}}
    assert (await api.call("POST", f"/event/{device_id}/subscribe", body))[0] == 200
    assert await api.get("/event") == [{"deviceId": device_id}]
    sim.advance(2 * 3600 + 1)
    assert await api.get("/event") == []
    assert error_code((await api.call("DELETE", f"/event/{device_id}/unsubscribe"))[1]) == "1204"
    assert (await api.call("POST", f"/event/{device_id}/subscribe", body))[0] == 200
    assert (await api.call("DELETE", f"/event/{device_id}/unsubscribe"))[0] == 200


@pytest.mark.parametrize(
    ("body", "code"),
    [
        (None, "1101"),
        ({}, "1101"),
        ({"expire": {"unit": "HOUR", "timer": 0}}, "1102"),
        ({"expire": {"unit": "HOUR", "timer": 25}}, "1102"),
        ({"expire": {"unit": "HOUR", "timer": 4464}}, "1102"),
        ({"expire": {"unit": "DAY", "timer": 1}}, "1102"),
        ({"expire": {"unit": "HOUR", "timer": True}}, "1102"),
    ],
)
async def test_event_subscribe_validation(api: Api, sim: Simulator, body: object, code: str) -> None:
    status, answer = await api.call("POST", f"/event/{sim.device_ids[0]}/subscribe", body)
    assert (status, error_code(answer)) == (400, code)


async def test_event_subscribe_rejects_non_json(api: Api, sim: Simulator) -> None:
    async with api.session.post(
        f"/event/{sim.device_ids[0]}/subscribe", data=b"{not json", headers=lg_headers()
    ) as resp:
        assert resp.status == 400
        assert error_code(await resp.json()) == "1000"


async def test_client_register_and_unregister(api: Api, sim: Simulator) -> None:
    body = {"type": "MQTT", "service-code": "SVC202", "device-type": "607"}
    assert (await api.call("POST", "/client", body))[0] == 200
    assert sim.clients == {"thinq-voice-test-client": body}
    assert error_code((await api.call("POST", "/client", {"service-code": "x"}))[1]) == "1101"
    assert (await api.call("DELETE", "/client", {"type": "MQTT"}))[0] == 200
    assert error_code((await api.call("DELETE", "/client", {"type": "MQTT"}))[1]) == "1102"
