"""Appliance behaviour through the HTTP API, with a frozen clock moved by `sim.advance`."""

from typing import Any

import pytest

from simulator import Simulator

from .conftest import Api, error_code

WASHER_START = {"location": {"locationName": "MAIN"}, "operation": {"washerOperationMode": "START"}}
WASHER_STOP = {"location": {"locationName": "MAIN"}, "operation": {"washerOperationMode": "STOP"}}


def pushes(sim: Simulator, device_id: str, push_type: str = "DEVICE_PUSH") -> list[dict[str, Any]]:
    return [m for m in sim.push_log if m["deviceId"] == device_id and m["pushType"] == push_type]


async def ok(api: Api, device_id: str, body: dict[str, Any]) -> None:
    status, answer = await api.control(device_id, body)
    assert status == 200, answer
    assert answer["response"] == {}


async def refused(api: Api, device_id: str, body: Any) -> str:
    status, answer = await api.control(device_id, body)
    assert status == 400, answer
    return error_code(answer)


async def test_ac_cools_toward_target_and_drifts_back_when_off(api: Api, sim: Simulator) -> None:
    ac = sim.find("Living Room AC")
    await ok(api, ac.device_id, {"operation": {"airConOperationMode": "POWER_ON"}})
    await ok(api, ac.device_id, {"temperature": {"targetTemperature": 22, "unit": "C"}})
    sim.advance(10 * 60)
    state = await api.get(f"/devices/{ac.device_id}/state")
    assert state["temperature"]["currentTemperature"] == 26.5  # 28 - 0.15 °C/min * 10 min
    sim.advance(60 * 60)
    assert ac.state["temperature"]["currentTemperature"] == 22  # type: ignore[call-overload]
    assert ac.part()["airQualitySensor"]["humidity"] < 58
    await ok(api, ac.device_id, {"operation": {"airConOperationMode": "POWER_OFF"}})
    sim.advance(50 * 60)
    assert ac.part()["temperature"]["currentTemperature"] == 23.5
    reports = pushes(sim, ac.device_id, "DEVICE_STATUS")
    assert {"operation": {"airConOperationMode": "POWER_ON"}} in [m["report"] for m in reports]
    assert any("currentTemperature" in m["report"].get("temperature", {}) for m in reports)


async def test_ac_heat_auto_air_clean_and_fahrenheit(api: Api, sim: Simulator) -> None:
    ac = sim.find("Bedroom AC")
    await ok(
        api,
        ac.device_id,
        {"operation": {"airConOperationMode": "POWER_ON"}, "airConJobMode": {"currentJobMode": "HEAT"}},
    )
    await ok(api, ac.device_id, {"temperature": {"heatTargetTemperature": 28}})
    sim.advance(10 * 60)
    assert ac.part()["temperature"]["currentTemperature"] == 27.5
    await ok(api, ac.device_id, {"temperatureInUnits": {"unit": "F", "heatTargetTemperature": 72}})
    assert ac.part()["temperature"]["targetTemperature"] == 22
    await ok(api, ac.device_id, {"airConJobMode": {"currentJobMode": "AUTO"}})
    await ok(api, ac.device_id, {"temperature": {"autoTargetTemperature": 21}})
    sim.advance(60 * 60)
    assert ac.part()["temperature"]["currentTemperature"] == 21
    await ok(api, ac.device_id, {"airConJobMode": {"currentJobMode": "AIR_CLEAN"}})
    sim.advance(30 * 60)
    assert ac.part()["airQualitySensor"]["PM2"] == 3
    assert ac.part()["airQualitySensor"]["totalPollutionLevel"] == "GOOD"
    await ok(api, ac.device_id, {"airConJobMode": {"currentJobMode": "COOL"}})
    await ok(api, ac.device_id, {"operation": {"airCleanOperationMode": "START"}})
    await ok(
        api, ac.device_id, {"airFlow": {"windStrength": "HIGH"}, "windDirection": {"rotateUpDown": True}}
    )
    assert ac.part()["windDirection"]["rotateUpDown"] is True


@pytest.mark.parametrize(
    ("setup", "body", "code"),
    [
        ([], {"temperature": {"targetTemperature": 24, "unit": "C"}}, "2304"),
        ([], {"airFlow": {"windStrength": "LOW"}}, "2304"),
        ([], {"operation": {"airCleanOperationMode": "START"}}, "2304"),
        (["FAN"], {"temperature": {"targetTemperature": 24, "unit": "C"}}, "2305"),
        (["COOL"], {"temperature": {"heatTargetTemperature": 24}}, "2305"),
        (["HEAT"], {"temperature": {"coolTargetTemperature": 24}}, "2305"),
        (["COOL"], {"temperature": {"targetTemperature": 31, "unit": "C"}}, "1102"),
        (["COOL"], {"temperature": {"targetTemperature": 24.5, "unit": "C"}}, "1102"),
        (["COOL"], {"temperature": {"targetTemperature": 24, "unit": "K"}}, "1102"),
        (["COOL"], {"temperature": {"currentTemperature": 24}}, "2207"),
        (["COOL"], {"airConJobMode": {"currentJobMode": "TURBO"}}, "1102"),
        (["COOL"], {"powerSave": {"powerSaveEnabled": "yes"}}, "1102"),
        (["COOL"], {"spaceship": {"warp": 9}}, "2207"),
        (["COOL"], {"airFlow": {}}, "1102"),
        (["COOL"], {"airFlow": "HIGH"}, "1102"),
        (["COOL"], {"temperature": {"unit": "C"}}, "1101"),
        (["COOL"], {}, "1101"),
        (["COOL"], [1, 2], "1101"),
        (["COOL"], {"location": {"locationName": "MAIN"}, "airFlow": {"windStrength": "LOW"}}, "1102"),
        (["COOL"], {"timer": {"relativeHourToStart": 1}}, "2302"),
    ],
)
async def test_ac_refusals(api: Api, sim: Simulator, setup: list[str], body: Any, code: str) -> None:
    ac = sim.find("Living Room AC")
    for mode in setup:
        await ok(
            api,
            ac.device_id,
            {"operation": {"airConOperationMode": "POWER_ON"}, "airConJobMode": {"currentJobMode": mode}},
        )
    before = list(sim.push_log)
    assert await refused(api, ac.device_id, body) == code
    assert sim.push_log == before
    assert sim.control_log[-1].code == code


async def test_refused_body_changes_nothing(api: Api, sim: Simulator) -> None:
    ac = sim.find("Living Room AC")
    body = {
        "operation": {"airConOperationMode": "POWER_ON"},
        "airConJobMode": {"currentJobMode": "FAN"},
        "temperature": {"targetTemperature": 20, "unit": "C"},
    }
    assert await refused(api, ac.device_id, body) == "2305"
    assert ac.part()["operation"]["airConOperationMode"] == "POWER_OFF"


async def test_ac_sleep_and_start_timers(api: Api, sim: Simulator) -> None:
    ac = sim.find("Living Room AC")
    await ok(api, ac.device_id, {"timer": {"relativeHourToStart": 1, "relativeMinuteToStart": 30}})
    assert ac.part()["timer"]["relativeStartTimer"] == "SET"
    sim.advance(45 * 60)
    assert ac.part()["timer"]["relativeHourToStart"] == 0
    assert ac.part()["timer"]["relativeMinuteToStart"] == 45
    sim.advance(45 * 60)
    assert ac.part()["operation"]["airConOperationMode"] == "POWER_ON"
    assert ac.part()["timer"]["relativeStartTimer"] == "UNSET"
    await ok(api, ac.device_id, {"timer": {"relativeHourToStop": 2}})
    await ok(api, ac.device_id, {"timer": {"relativeStopTimer": "UNSET"}})
    assert ac.part()["timer"]["relativeStopTimer"] == "UNSET"
    await ok(api, ac.device_id, {"timer": {"relativeMinuteToStop": 30}})
    sim.advance(31 * 60)
    assert ac.part()["operation"]["airConOperationMode"] == "POWER_OFF"
    await ok(api, ac.device_id, {"timer": {"absoluteHourToStart": 7, "absoluteMinuteToStart": 30}})
    assert ac.part()["timer"]["absoluteHourToStart"] == 7


async def test_washer_cycle_ends_with_completion_push(sim: Simulator, api: Api) -> None:
    washer = sim.find("Washer")
    await ok(api, washer.device_id, WASHER_START)
    state = (await api.get(f"/devices/{washer.device_id}/state"))[0]
    assert state["runState"]["currentState"] == "DETECTING"
    assert (state["timer"]["remainHour"], state["timer"]["remainMinute"]) == (0, 45)
    seen = []
    for _ in range(45):
        sim.advance(60)
        seen.append(washer.part()["runState"]["currentState"])
    assert seen[0] == "DETECTING"
    assert {"RUNNING", "RINSING", "SPINNING"} <= set(seen)
    assert seen.index("RUNNING") < seen.index("RINSING") < seen.index("SPINNING") < seen.index("END")
    assert washer.part()["timer"]["remainMinute"] == 0
    assert washer.part()["cycle"]["cycleCount"] == 11
    [done] = pushes(sim, washer.device_id)
    assert done == {
        "pushType": "DEVICE_PUSH",
        "serviceId": "thinq-voice-simulator",
        "deviceId": washer.device_id,
        "deviceType": "DEVICE_WASHER",
        "pushCode": "WASHING_IS_COMPLETE",
        "userList": ["KR2400000000001"],
    }
    statuses = [m["report"] for m in pushes(sim, washer.device_id, "DEVICE_STATUS")]
    assert statuses[0][0]["location"] == {"locationName": "MAIN"}
    assert statuses[0][0]["runState"] == {"currentState": "DETECTING"}


async def test_washer_runs_in_real_time_at_high_speed(api: Api, sim: Simulator) -> None:
    import asyncio

    washer = sim.find("Washer")
    sim.set_speed(3600)  # 45 minutes in 0.75 s
    await ok(api, washer.device_id, WASHER_START)
    async with asyncio.timeout(5):
        while not pushes(sim, washer.device_id):
            await asyncio.sleep(0.05)
    assert washer.part()["runState"]["currentState"] == "END"


async def test_washer_pause_resume_stop(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    await ok(api, washer.device_id, WASHER_START)
    sim.advance(10 * 60)
    await ok(api, washer.device_id, WASHER_STOP)
    assert washer.part()["runState"]["currentState"] == "PAUSE"
    sim.advance(60 * 60)
    assert washer.part()["timer"]["remainMinute"] == 35
    await ok(api, washer.device_id, WASHER_START)
    assert washer.part()["runState"]["currentState"] == "RUNNING"
    assert await refused(api, washer.device_id, WASHER_START) == "2302"
    await ok(api, washer.device_id, WASHER_STOP)
    await ok(api, washer.device_id, WASHER_STOP)
    assert washer.part()["runState"]["currentState"] == "INITIAL"
    assert await refused(api, washer.device_id, WASHER_STOP) == "2302"


async def test_washer_power(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    await ok(api, washer.device_id, {"operation": {"washerOperationMode": "POWER_OFF"}})
    assert await refused(api, washer.device_id, WASHER_START) == "2304"
    assert await refused(api, washer.device_id, {"timer": {"relativeHourToStart": 2}}) == "2304"
    await ok(api, washer.device_id, {"operation": {"washerOperationMode": "POWER_ON"}})
    assert washer.part()["runState"]["currentState"] == "INITIAL"
    await ok(api, washer.device_id, {"operation": {"washerOperationMode": "POWER_ON"}})
    assert washer.part()["runState"]["currentState"] == "INITIAL"


async def test_remote_control_off_refuses_with_2301(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    status, _ = await api.admin(
        "POST",
        f"/admin/devices/{washer.device_id}/state",
        {"remoteControlEnable": {"remoteControlEnabled": False}},
    )
    assert status == 200
    assert await refused(api, washer.device_id, WASHER_START) == "2301"
    assert washer.part()["runState"]["currentState"] == "INITIAL"
    assert sim.control_log[-1].code == "2301"
    assert sim.control_log[-1].body == WASHER_START


async def test_delayed_start(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    await ok(
        api, washer.device_id, {"location": {"locationName": "MAIN"}, "timer": {"relativeHourToStart": 3}}
    )
    state = washer.part()
    assert state["runState"]["currentState"] == "RESERVED"
    assert (state["timer"]["relativeHourToStart"], state["timer"]["relativeMinuteToStart"]) == (3, 0)
    sim.advance(2 * 3600 + 30 * 60)
    assert (state["timer"]["relativeHourToStart"], state["timer"]["relativeMinuteToStart"]) == (0, 30)
    sim.advance(31 * 60)
    assert state["runState"]["currentState"] == "DETECTING"
    assert await refused(api, washer.device_id, {"timer": {"relativeHourToStart": 2}}) == "2302"
    assert await refused(api, washer.device_id, {"timer": {"relativeHourToStart": 0}}) == "1102"


async def test_reservation_can_be_started_now_or_cancelled(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    await ok(api, washer.device_id, {"timer": {"relativeHourToStart": 1}})
    await ok(api, washer.device_id, WASHER_START)
    assert washer.part()["runState"]["currentState"] == "DETECTING"
    await ok(api, washer.device_id, WASHER_STOP)
    await ok(api, washer.device_id, WASHER_STOP)
    await ok(api, washer.device_id, {"timer": {"relativeHourToStart": 1}})
    await ok(api, washer.device_id, WASHER_STOP)
    assert washer.part()["runState"]["currentState"] == "INITIAL"


@pytest.mark.parametrize(
    ("alias", "mode", "minutes", "phases", "end", "code"),
    [
        ("Dryer", "dryerOperationMode", 60, {"DETECTING", "RUNNING", "COOLING"}, "END", "DRYING_IS_COMPLETE"),
        (
            "Dishwasher",
            "dishWasherOperationMode",
            90,
            {"RUNNING", "RINSING", "DRYING"},
            "END",
            "CLEANING_IS_COMPLETE",
        ),
        (
            "Styler",
            "stylerOperationMode",
            40,
            {"PRESTEAM", "STEAM", "DRYING", "COOLING"},
            "COMPLETE",
            "STYLING_IS_COMPLETE",
        ),
    ],
)
async def test_other_cycles(
    api: Api, sim: Simulator, alias: str, mode: str, minutes: int, phases: set[str], end: str, code: str
) -> None:
    device = sim.find(alias)
    await ok(api, device.device_id, {"operation": {mode: "START"}})
    seen = set()
    for _ in range(minutes):
        sim.advance(60)
        seen.add(device.part()["runState"]["currentState"])
    assert seen == phases | {end}
    assert [m["pushCode"] for m in pushes(sim, device.device_id)] == [code]
    await ok(api, device.device_id, {"operation": {mode: "START"}})  # a new cycle after the end


async def test_dryer_finish_by_timer(api: Api, sim: Simulator) -> None:
    dryer = sim.find("Dryer")
    await ok(api, dryer.device_id, {"timer": {"relativeHourToStop": 4}})
    assert dryer.part()["runState"]["currentState"] == "RESERVED"
    assert dryer.part()["timer"]["relativeHourToStop"] == 4
    sim.advance(3 * 3600)
    assert dryer.part()["runState"]["currentState"] == "DETECTING"
    sim.advance(3600)
    assert dryer.part()["runState"]["currentState"] == "END"


async def test_dishwasher_refuses_with_door_open(api: Api, sim: Simulator) -> None:
    dishwasher = sim.find("Dishwasher")
    sim.patch_state(dishwasher.device_id, {"doorStatus": {"doorState": "OPEN"}})
    assert (
        await refused(api, dishwasher.device_id, {"operation": {"dishWasherOperationMode": "START"}})
        == "2302"
    )
    assert await refused(api, dishwasher.device_id, {"timer": {"relativeHourToStart": 1}}) == "2207"


async def test_fridge_compartments_in_both_body_shapes(api: Api, sim: Simulator) -> None:
    fridge = sim.find("Refrigerator")
    await ok(
        api,
        fridge.device_id,
        {"temperature": {"locationName": "FRIDGE", "targetTemperature": 2, "unit": "C"}},
    )
    await ok(
        api, fridge.device_id, {"temperatureInUnits": {"locationName": "FREEZER", "targetTemperatureC": -20}}
    )
    state = await api.get(f"/devices/{fridge.device_id}/state")
    assert state["temperature"] == [
        {"locationName": "FRIDGE", "targetTemperature": 2, "unit": "C"},
        {"locationName": "FREEZER", "targetTemperature": -20, "unit": "C"},
    ]
    assert state["temperatureInUnits"][0] == {
        "locationName": "FRIDGE",
        "targetTemperatureC": 2,
        "targetTemperatureF": 36,
        "unit": "C",
    }
    assert state["temperatureInUnits"][1]["targetTemperatureF"] == -4
    await ok(
        api, fridge.device_id, {"temperatureInUnits": {"locationName": "FRIDGE", "targetTemperatureF": 45}}
    )
    assert fridge.part()["temperature"][0]["targetTemperature"] == 7
    assert (
        await refused(
            api,
            fridge.device_id,
            {"temperature": {"locationName": "FRIDGE", "targetTemperature": 9, "unit": "C"}},
        )
        == "1102"
    )
    assert (
        await refused(
            api,
            fridge.device_id,
            {"temperature": {"locationName": "FREEZER", "targetTemperature": 3, "unit": "C"}},
        )
        == "1102"
    )
    assert (
        await refused(
            api, fridge.device_id, {"temperature": {"locationName": "PANTRY", "targetTemperature": 3}}
        )
        == "1102"
    )
    assert await refused(api, fridge.device_id, {"temperature": {"targetTemperature": 3}}) == "1101"
    report = pushes(sim, fridge.device_id, "DEVICE_STATUS")[0]["report"]
    assert report["temperature"] == [{"locationName": "FRIDGE", "targetTemperature": 2, "unit": "C"}]


async def test_fridge_express_freeze_door_and_power_save(api: Api, sim: Simulator) -> None:
    fridge = sim.find("Refrigerator")
    await ok(api, fridge.device_id, {"refrigeration": {"expressMode": True}})
    await ok(api, fridge.device_id, {"powerSave": {"powerSaveEnabled": True}})
    sim.advance(2 * 3600)
    assert fridge.part()["refrigeration"]["expressMode"] is False
    await ok(api, fridge.device_id, {"refrigeration": {"expressMode": True}})
    await ok(api, fridge.device_id, {"refrigeration": {"expressMode": False}})
    sim.patch_state(fridge.device_id, {"doorStatus": [{"locationName": "MAIN", "doorState": "OPEN"}]})
    sim.advance(30)
    sim.advance(40)
    sim.advance(600)
    sim.patch_state(fridge.device_id, {"doorStatus": [{"locationName": "MAIN", "doorState": "CLOSE"}]})
    sim.advance(60)
    assert [m["pushCode"] for m in pushes(sim, fridge.device_id)] == ["FROZEN_IS_COMPLETE", "DOOR_IS_OPEN"]
    assert (
        await refused(api, fridge.device_id, {"doorStatus": {"locationName": "MAIN", "doorState": "OPEN"}})
        == "2207"
    )


async def test_kimchi_fridge_compartments_are_read_only(api: Api, sim: Simulator) -> None:
    kimchi = sim.find("Kimchi Fridge")
    state = await api.get(f"/devices/{kimchi.device_id}/state")
    assert [item["locationName"] for item in state["temperature"]] == ["TOP", "MIDDLE", "BOTTOM"]
    assert [item["doorState"] for item in state["doorStatus"]] == ["CLOSE"] * 3
    assert (
        await refused(
            api, kimchi.device_id, {"temperature": {"locationName": "TOP", "targetTemperature": "FRIDGE"}}
        )
        == "2207"
    )
    sim.patch_state(kimchi.device_id, {"doorStatus": [{"locationName": "MIDDLE", "doorState": "OPEN"}]})
    sim.advance(120)
    assert [m["pushCode"] for m in pushes(sim, kimchi.device_id)] == ["DOOR_IS_OPEN"]
    report = pushes(sim, kimchi.device_id, "DEVICE_STATUS")[0]["report"]
    assert report == {"doorStatus": [{"locationName": "MIDDLE", "doorState": "OPEN"}]}


async def test_air_purifier(api: Api, sim: Simulator) -> None:
    purifier = sim.find("Air Purifier")
    assert await refused(api, purifier.device_id, {"airFlow": {"windStrength": "HIGH"}}) == "2304"
    await ok(api, purifier.device_id, {"operation": {"airPurifierOperationMode": "POWER_ON"}})
    await ok(
        api,
        purifier.device_id,
        {"airPurifierJobMode": {"currentJobMode": "AUTO"}, "airFlow": {"windStrength": "HIGH"}},
    )
    sim.advance(10 * 60)
    sensors = purifier.part()["airQualitySensor"]
    assert sensors["PM2"] == 12
    assert sensors["totalPollutionLevel"] == "GOOD"
    sim.advance(60 * 60)
    assert sensors["PM2"] == 2
    await ok(api, purifier.device_id, {"operation": {"airPurifierOperationMode": "POWER_OFF"}})
    sim.advance(10 * 60)
    assert sensors["PM2"] == 4


async def test_dehumidifier(api: Api, sim: Simulator) -> None:
    dehumidifier = sim.find("Dehumidifier")
    assert await refused(api, dehumidifier.device_id, {"humidity": {"targetHumidity": 45}}) == "2304"
    await ok(api, dehumidifier.device_id, {"operation": {"dehumidifierOperationMode": "POWER_ON"}})
    await ok(
        api,
        dehumidifier.device_id,
        {"humidity": {"targetHumidity": 45}, "dehumidifierJobMode": {"currentJobMode": "CLOTHES_DRY"}},
    )
    assert await refused(api, dehumidifier.device_id, {"humidity": {"targetHumidity": 47}}) == "1102"
    sim.advance(20 * 60)
    assert dehumidifier.part()["humidity"]["currentHumidity"] == 58
    sim.advance(60 * 60)
    assert dehumidifier.part()["humidity"]["currentHumidity"] == 45
    await ok(api, dehumidifier.device_id, {"operation": {"dehumidifierOperationMode": "POWER_OFF"}})
    sim.advance(30 * 60)
    assert dehumidifier.part()["humidity"]["currentHumidity"] == 48


async def test_robot_cleaner(api: Api, sim: Simulator) -> None:
    robot = sim.find("Robot Vacuum")
    start = {"operation": {"cleanOperationMode": "START"}}
    assert await refused(api, robot.device_id, {"operation": {"cleanOperationMode": "PAUSE"}}) == "2302"
    assert await refused(api, robot.device_id, {"operation": {"cleanOperationMode": "HOMING"}}) == "2302"
    await ok(api, robot.device_id, start)
    assert await refused(api, robot.device_id, start) == "2302"
    sim.advance(10 * 60)
    assert robot.part()["battery"]["percent"] == 90
    await ok(api, robot.device_id, {"operation": {"cleanOperationMode": "PAUSE"}})
    sim.advance(10 * 60)
    await ok(api, robot.device_id, start)
    sim.advance(30 * 60)
    assert robot.part()["runState"]["currentState"] == "HOMING"
    assert robot.part()["timer"]["runningMinute"] == 40
    sim.advance(60)
    assert robot.part()["runState"]["currentState"] == "CHARGING"
    assert robot.part()["battery"]["level"] == "HIGH"
    assert [m["pushCode"] for m in pushes(sim, robot.device_id)] == ["CLEANING_IS_COMPLETED"]
    sim.advance(3600)
    assert robot.part()["battery"] == {"level": "FULL", "percent": 100}
    await ok(api, robot.device_id, start)
    await ok(api, robot.device_id, {"operation": {"cleanOperationMode": "HOMING"}})
    sim.advance(60)
    assert robot.part()["runState"]["currentState"] == "CHARGING"
    sim.patch_state(robot.device_id, {"runState": {"currentState": "SLEEP"}, "battery": {"percent": 5}})
    await ok(api, robot.device_id, {"operation": {"cleanOperationMode": "WAKE_UP"}})
    assert robot.part()["runState"]["currentState"] == "STANDBY"
    assert await refused(api, robot.device_id, start) == "2302"


async def test_oven_upper_and_lower(api: Api, sim: Simulator) -> None:
    oven = sim.find("Oven")
    lower = {"location": {"locationName": "LOWER"}}
    assert await refused(api, oven.device_id, {"operation": {"ovenOperationMode": "START"}}) == "1101"
    assert (
        await refused(
            api,
            oven.device_id,
            {"location": {"locationName": "MIDDLE"}, "operation": {"ovenOperationMode": "START"}},
        )
        == "1102"
    )
    assert await refused(api, oven.device_id, {**lower, "operation": {"ovenOperationMode": "STOP"}}) == "2302"
    await ok(
        api,
        oven.device_id,
        {
            **lower,
            "cook": {"cookMode": "CONVECTION_BAKE"},
            "temperature": {"targetTemperature": 400, "unit": "F"},
        },
    )
    assert oven.part("LOWER")["temperature"] == {"targetTemperature": 400, "unit": "F"}
    await ok(api, oven.device_id, {**lower, "operation": {"ovenOperationMode": "START"}})
    assert (
        await refused(api, oven.device_id, {**lower, "operation": {"ovenOperationMode": "START"}}) == "2302"
    )
    assert oven.part("LOWER")["timer"] == {"remainHour": 0, "remainMinute": 38, "remainSecond": 0}
    sim.advance(8 * 60)
    assert oven.part("LOWER")["runState"]["currentState"] == "COOKING_IN_PROGRESS"
    sim.advance(30 * 60)
    assert oven.part("LOWER")["runState"]["currentState"] == "DONE"
    assert oven.part("UPPER")["runState"]["currentState"] == "INITIAL"
    assert [m["pushCode"] for m in pushes(sim, oven.device_id)] == [
        "PREHEATING_IS_COMPLETE",
        "COOKING_IS_COMPLETE",
    ]
    upper = {"location": {"locationName": "UPPER"}}
    await ok(api, oven.device_id, {**upper, "operation": {"ovenOperationMode": "START"}})
    await ok(api, oven.device_id, {**upper, "operation": {"ovenOperationMode": "STOP"}})
    sim.patch_state(oven.device_id, {**upper, "remoteControlEnable": {"remoteControlEnabled": False}})
    assert (
        await refused(api, oven.device_id, {**upper, "operation": {"ovenOperationMode": "START"}}) == "2301"
    )
    sim.patch_state(oven.device_id, {**lower, "runState": {"currentState": "PREHEATING"}})
    sim.advance(8 * 60)
    assert oven.part("LOWER")["runState"]["currentState"] == "COOKING_IN_PROGRESS"


async def test_offline_device_is_1222(api: Api, sim: Simulator) -> None:
    washer = sim.find("Washer")
    washer.online = False
    status, body = await api.call("GET", f"/devices/{washer.device_id}/state")
    assert (status, error_code(body)) == (400, "1222")
    assert await refused(api, washer.device_id, WASHER_START) == "1222"
    assert (await api.call("GET", f"/devices/{washer.device_id}/profile"))[0] == 200
