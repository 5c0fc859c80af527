"""Admin API, push stream and the Python API around devices."""

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from simulator import Simulator
from simulator.devices import AirPurifier, Device
from tests.conftest import THINQ_FIXTURES

from .conftest import Api

HA_CORE = THINQ_FIXTURES / "ha-core-fixtures"


async def test_admin_devices_views(api: Api, sim: Simulator) -> None:
    status, devices = await api.admin("GET", "/admin/devices")
    assert status == 200
    assert [d["alias"] for d in devices][:2] == ["Living Room AC", "Bedroom AC"]
    assert devices[4]["state"][0]["runState"]["currentState"] == "INITIAL"
    status, one = await api.admin("GET", f"/admin/devices/{sim.device_ids[2]}")
    assert one["alias"] == "Refrigerator"
    assert one["profile"]["property"]["temperature"][0]["locationName"] == "FRIDGE"
    status, by_alias = await api.admin("GET", "/admin/devices/Refrigerator")
    assert by_alias["deviceId"] == sim.device_ids[2]
    assert (await api.admin("GET", "/admin/devices/nope"))[0] == 404


async def test_admin_patch_state(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    status, body = await api.admin(
        "POST",
        f"/admin/devices/{washer.device_id}/state",
        {"remoteControlEnable": {"remoteControlEnabled": False}, "online": False},
    )
    assert status == 200
    assert body["online"] is False
    assert body["state"][0]["remoteControlEnable"]["remoteControlEnabled"] is False
    assert sim.push_log[-1]["report"] == [
        {"location": {"locationName": "MAIN"}, "remoteControlEnable": {"remoteControlEnabled": False}}
    ]
    fridge = sim.find("Refrigerator")
    await api.admin(
        "POST",
        f"/admin/devices/{fridge.device_id}/state",
        {"doorStatus": [{"locationName": "MAIN", "doorState": "OPEN"}]},
    )
    assert fridge.part()["doorStatus"] == [{"doorState": "OPEN", "locationName": "MAIN"}]
    washer_list_patch = [
        {
            "location": {"locationName": "MAIN"},
            "runState": {"currentState": "RUNNING"},
            "timer": {"remainHour": 0, "remainMinute": 10},
        }
    ]
    await api.admin("POST", f"/admin/devices/{washer.device_id}/state", washer_list_patch)
    sim.advance(10 * 60)
    assert washer.part()["runState"]["currentState"] == "END"
    status, body = await api.admin("POST", f"/admin/devices/{washer.device_id}/state", {})
    assert status == 200
    async with api.session.post(f"/admin/devices/{washer.device_id}/state", data=b"{") as resp:
        assert resp.status == 400


async def test_admin_patch_reservation_and_ac_sensor(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    sim.patch_state(
        washer.device_id,
        {
            "runState": {"currentState": "RESERVED"},
            "timer": {"relativeHourToStart": 1, "relativeMinuteToStart": 0},
        },
    )
    sim.advance(3600)
    assert washer.part()["runState"]["currentState"] == "DETECTING"
    ac = sim.find("Living Room AC")
    sim.patch_state(ac.device_id, {"temperature": {"currentTemperature": 31}})
    sim.advance(60 * 60)
    assert ac.part()["temperature"]["currentTemperature"] == 29  # 31 - 0.03 °C/min * 60 min, in 0.5 steps


async def test_admin_add_and_remove_device(api: Api, sim: Simulator) -> None:
    status, body = await api.admin(
        "POST",
        "/admin/devices",
        {"type": "washer", "alias": "Second Washer", "state": {"runState": {"currentState": "END"}}},
    )
    assert status == 201
    device_id = body["deviceId"]
    assert body["state"][0]["runState"]["currentState"] == "END"
    assert sim.push_log[-1]["pushType"] == "DEVICE_REGISTERED"
    assert sim.push_log[-1]["alias"] == "Second Washer"
    assert device_id in [d["deviceId"] for d in await api.get("/devices")]
    assert (await api.admin("POST", "/admin/devices", {"type": "washer", "alias": "Second Washer"}))[0] == 400
    assert (await api.admin("POST", "/admin/devices", {"type": "toaster", "alias": "Toaster"}))[0] == 400
    assert (await api.admin("POST", "/admin/devices", {"alias": "No type"}))[0] == 400
    custom = {
        "type": "DEVICE_WINE_CELLAR",
        "alias": "Cellar",
        "id": "cellar-1",
        "profile": {
            "property": {
                "operation": {
                    "lightStatus": {
                        "type": "range",
                        "mode": ["r", "w"],
                        "value": {"w": {"min": 0, "max": 100}},
                    }
                }
            }
        },
        "state": {"operation": {"lightStatus": 0}},
    }
    assert (await api.admin("POST", "/admin/devices", custom))[0] == 201
    status, answer = await api.control("cellar-1", {"operation": {"lightStatus": 40}})
    assert status == 200, answer
    assert sim.device("cellar-1").state == {"operation": {"lightStatus": 40}}
    assert (await api.admin("DELETE", f"/admin/devices/{device_id}"))[0] == 200
    assert sim.push_log[-1]["pushType"] == "DEVICE_UNREGISTERED"
    assert device_id not in sim.device_ids
    assert (await api.admin("DELETE", f"/admin/devices/{device_id}"))[0] == 404


async def test_admin_logs(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    body = {"operation": {"washerOperationMode": "START"}}
    await api.control(washer.device_id, body)
    status, log = await api.admin("GET", "/admin/control-log")
    assert status == 200
    assert log[-1]["deviceId"] == washer.device_id
    assert log[-1]["body"] == body
    assert log[-1]["code"] is None
    entry = sim.control_log[-1]
    device_id, sent, code, when = entry
    assert (device_id, sent, code) == (washer.device_id, body, None)
    assert when > 0
    status, pushes = await api.admin("GET", "/admin/push-log")
    assert pushes[-1]["pushType"] == "DEVICE_STATUS"


async def test_admin_clock(api: Api, sim: Simulator) -> None:
    _, clock = await api.admin("GET", "/admin/clock")
    assert clock["speed"] == 0
    _, clock = await api.admin("POST", "/admin/clock", {"speed": 600, "advance_s": 60})
    assert clock["speed"] == 600
    assert clock["now"] >= 60
    assert (await api.admin("POST", "/admin/clock", {"speed": -1}))[0] == 400
    assert (await api.admin("POST", "/admin/clock", {"advance_s": "soon"}))[0] == 400


async def test_push_stream(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    async with api.session.ws_connect("/admin/push-stream") as ws:
        await asyncio.sleep(0.05)
        await api.control(washer.device_id, {"operation": {"washerOperationMode": "START"}})
        sim.advance(45 * 60)
        received: list[dict[str, Any]] = []
        async with asyncio.timeout(5):
            while not any(m.get("pushCode") == "WASHING_IS_COMPLETE" for m in received):
                received.append(await ws.receive_json())
    assert received[0]["pushType"] == "DEVICE_STATUS"
    assert received[0]["deviceId"] == washer.device_id


async def test_push_stream_ends_when_simulator_stops(sim: Simulator) -> None:
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"{sim.base_url}/admin/push-stream") as ws,
    ):
        await asyncio.sleep(0.05)
        await sim.stop()
        message = await ws.receive()
        assert message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.CLOSING)


async def test_python_api(sim: Simulator) -> None:
    assert sim.device(sim.device_ids[0]).alias == "Living Room AC"
    with pytest.raises(KeyError):
        sim.device("nope")
    with pytest.raises(KeyError):
        sim.find("nope")
    device = sim.add_device("DEVICE_STYLER", "Hall Styler", device_id="styler-2")
    assert sim.device("styler-2") is device
    assert device.device_type == "DEVICE_STYLER"
    assert device.profile["notification"]["push"] == ["STYLING_IS_COMPLETE", "ERROR_HAS_OCCURRED"]
    sim.remove_device("styler-2")
    with pytest.raises(ValueError):
        sim.add_device("washer", "Washer")
    with pytest.raises(ValueError):
        sim.set_speed(-1)
    with pytest.raises(ValueError):
        sim.advance(-1)
    with pytest.raises(TypeError):
        sim.set_faults([])  # type: ignore[arg-type]


@pytest.mark.parametrize("folder", sorted(p.name for p in HA_CORE.iterdir() if (p / "profile.json").exists()))
async def test_admin_hosts_every_real_profile(api: Api, sim: Simulator, folder: str) -> None:
    """A real appliance from HA core's fixtures joins through /admin/devices and answers like LG."""
    real = {
        name: json.loads((HA_CORE / folder / f"{name}.json").read_text())
        for name in ("device", "profile", "status")
    }
    info = real["device"]["deviceInfo"]
    status, added = await api.admin(
        "POST",
        "/admin/devices",
        {
            "type": info["deviceType"],
            "alias": info["alias"],
            "model": info["modelName"],
            "profile": real["profile"],
            "state": real["status"],
        },
    )
    assert status == 201, added
    device_id = added["deviceId"]
    assert await api.get(f"/devices/{device_id}/profile") == real["profile"]
    assert await api.get(f"/devices/{device_id}/state") == real["status"]
    sim.advance(3600)
    assert type(await api.get(f"/devices/{device_id}/state")) is type(real["status"])


async def test_a_real_purifier_without_air_quality_is_a_generic_device(sim: Simulator) -> None:
    """HA core's purifier has no airQualitySensor: the simulator keeps it without the purifier model."""
    folder = HA_CORE / "air_purifier"
    device = sim.add_device(
        "DEVICE_AIR_PURIFIER",
        "Real purifier",
        profile=json.loads((folder / "profile.json").read_text()),
        state=json.loads((folder / "status.json").read_text()),
    )
    assert type(device) is Device
    template = sim.add_device("air_purifier", "Template purifier")
    assert type(template) is AirPurifier
