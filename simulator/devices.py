"""Simulated appliances: LG-shaped profile and state plus the behaviour that changes the state.

Every device is advanced by virtual seconds (`advance`) and controlled by validated writes
(`control`). Both return LG push codes (`WASHING_IS_COMPLETE`, ...) to send; the simulator turns
state differences into DEVICE_STATUS pushes itself. Changes are piecewise linear in time and
transitions carry the leftover time, so the outcome does not depend on how often `advance` runs.
"""

from dataclasses import dataclass
import math
from typing import Any, ClassVar, override

from .errors import ApiError
from .profile import JsonObject, State, Write

EPSILON = 1e-9


def approach(value: float, goal: float, step: float) -> float:
    """Move `value` toward `goal` by at most `step`."""
    if value < goal:
        return min(goal, value + step)
    return max(goal, value - step)


def half_degrees(value: float) -> float | int:
    """Round to LG's 0.5 steps, as an int when whole."""
    rounded = round(value * 2) / 2
    return int(rounded) if rounded.is_integer() else rounded


def hours_minutes(seconds: float) -> tuple[int, int]:
    """Whole hours and minutes, rounding up like an appliance's remaining-time display."""
    minutes = math.ceil(max(seconds, 0.0) / 60 - EPSILON)
    return divmod(minutes, 60)


@dataclass(eq=False)
class Device:
    """A device with a generic behaviour: writes are stored, nothing changes by itself."""

    device_id: str
    alias: str
    device_type: str
    model_name: str
    profile: JsonObject
    state: State
    online: bool = True
    # (resource, property) pairs the behaviour reads from the state; a real profile whose state
    # lacks one of them gets the generic behaviour instead (see `make_device`).
    NEEDS: ClassVar[tuple[tuple[str, str], ...]] = ()

    def __post_init__(self) -> None:
        """Read the internal values from the initial state."""
        self.resync()

    @classmethod
    def fits(cls, state: State) -> bool:
        """Whether every part of `state` holds what this behaviour reads."""
        parts = state if isinstance(state, list) else [state]
        return bool(parts) and all(
            isinstance(part, dict)
            and all(
                isinstance(part.get(resource), dict) and name in part[resource]
                for resource, name in cls.NEEDS
            )
            for part in parts
        )

    def part(self, location: str | None = None) -> JsonObject:
        """The state block of one location (the only block for devices without locations)."""
        if isinstance(self.state, dict):
            return self.state
        if location is None:
            return self.state[0]
        for item in self.state:
            if item.get("location", {}).get("locationName") == location:
                return item
        raise KeyError(location)

    def resync(self) -> None:
        """Reload internal values after the state was patched from outside."""

    def evolving(self) -> bool:
        """Whether `advance` may change anything (idle devices are skipped)."""
        return False

    def advance(self, seconds: float) -> list[str]:
        """Let `seconds` of virtual time pass; returns push codes."""
        return []

    def control(self, writes: list[Write]) -> list[str]:
        """Apply validated writes (power first, as the appliance would); returns push codes."""
        codes = []
        for write in sorted(writes, key=lambda write: write.resource != "operation"):
            codes += self.apply(write)
        return codes

    def apply(self, write: Write) -> list[str]:
        """Apply one write; subclasses refuse or add behaviour here."""
        self.store(write)
        return []

    def store(self, write: Write) -> None:
        """Put the written value into the state."""
        target = self.part(write.location).setdefault(write.resource, {})
        if isinstance(target, list):
            for item in target:
                if all(item.get(key) == value for key, value in write.selector.items() if key in item):
                    item[write.prop] = write.value
                    return
            target.append({**write.selector, write.prop: write.value})
            return
        target[write.prop] = write.value
        if "unit" in write.selector and "unit" in target:
            target["unit"] = write.selector["unit"]


def pollution_level(pm25: float) -> str:
    """LG's totalPollutionLevel for a PM2.5 value (Korean AQI bands)."""
    if pm25 <= 15:
        return "GOOD"
    if pm25 <= 35:
        return "NORMAL"
    if pm25 <= 75:
        return "BAD"
    return "VERY_BAD"


class AirConditioner(Device):
    """Room temperature drifts toward the target while cooling or heating, toward ambient otherwise."""

    NEEDS = (
        ("temperature", "currentTemperature"),
        ("temperature", "targetTemperature"),
        ("operation", "airConOperationMode"),
        ("airConJobMode", "currentJobMode"),
    )

    ACTIVE_RATE = 0.15  # °C per minute while the compressor works
    PASSIVE_RATE = 0.03  # °C per minute toward the outside temperature
    TARGET_PROPS: ClassVar[dict[str, set[str]]] = {
        "coolTargetTemperature": {"COOL", "AIR_DRY"},
        "heatTargetTemperature": {"HEAT"},
        "autoTargetTemperature": {"AUTO"},
    }

    @override
    def __post_init__(self) -> None:
        sensors = self.part().get("airQualitySensor", {})
        self._ambient = float(self.part()["temperature"]["currentTemperature"])
        self._ambient_humidity = float(sensors.get("humidity", 55))
        self._ambient_pm = float(sensors.get("PM2", 15))
        self._air_clean = False
        self._timers: dict[str, float] = {}  # "Start"/"Stop" -> virtual seconds left
        super().__post_init__()

    @override
    def resync(self) -> None:
        sensors = self.part().get("airQualitySensor", {})
        self._current = float(self.part()["temperature"]["currentTemperature"])
        self._humidity = float(sensors.get("humidity", self._ambient_humidity))
        self._pm = float(sensors.get("PM2", self._ambient_pm))

    @property
    def powered(self) -> bool:
        """Whether the unit is on."""
        return bool(self.part()["operation"]["airConOperationMode"] == "POWER_ON")

    @property
    def job_mode(self) -> str:
        """The current job mode (COOL, HEAT, FAN, ...)."""
        return str(self.part()["airConJobMode"]["currentJobMode"])

    @override
    def evolving(self) -> bool:
        resting = (self._current, self._humidity, self._pm) == (
            self._ambient,
            self._ambient_humidity,
            self._ambient_pm,
        )
        return self.powered or bool(self._timers) or not resting

    @override
    def apply(self, write: Write) -> list[str]:
        resource, prop = write.resource, write.prop
        if resource == "operation" and prop == "airConOperationMode":
            self._timers.pop("Start" if write.value == "POWER_ON" else "Stop", None)
            self._clear_timer_state()
        elif resource == "operation" and prop == "airCleanOperationMode":
            self._require_power()
            self._air_clean = write.value == "START"
            return []
        elif resource in ("temperature", "temperatureInUnits"):
            self._set_target(write)
            return []
        elif resource == "timer" and prop.startswith("relative"):
            self._set_timer(write)
            return []
        elif resource in ("airConJobMode", "airFlow", "windDirection"):
            self._require_power()
        return super().apply(write)

    def _require_power(self) -> None:
        if not self.powered:
            raise ApiError("2304", "the air conditioner is off")

    def _set_target(self, write: Write) -> None:
        self._require_power()
        mode = self.job_mode
        if mode in ("FAN", "AIR_CLEAN") or mode not in self.TARGET_PROPS.get(write.prop, {mode}):
            raise ApiError("2305", f"{write.prop} can't be set in {mode} mode")
        value = float(write.value)
        if write.selector.get("unit") == "F":
            value = (value - 32) * 5 / 9
        self.part()["temperature"]["targetTemperature"] = half_degrees(value)
        # LG reports the target in both units where the state lists them (`temperatureInUnits`).
        for item in self.part().get("temperatureInUnits", []):
            if "targetTemperature" in item:
                celsius = half_degrees(value)
                item["targetTemperature"] = (
                    celsius if item.get("unit") != "F" else round(celsius * 9 / 5 + 32)
                )

    def _set_timer(self, write: Write) -> None:
        timer = self.part().setdefault("timer", {})
        which = "Start" if write.prop.endswith("Start") or write.prop == "relativeStartTimer" else "Stop"
        if write.prop == f"relative{which}Timer":  # only UNSET is writable: cancel
            self._timers.pop(which, None)
            self._clear_timer_state()
            return
        if (which == "Stop") != self.powered:
            raise ApiError(
                "2302", f"a {which.lower()} timer needs the unit {'on' if which == 'Stop' else 'off'}"
            )
        timer[write.prop] = int(write.value)
        hours, minutes = timer.get(f"relativeHourTo{which}", 0), timer.get(f"relativeMinuteTo{which}", 0)
        self._timers[which] = (hours * 60 + minutes) * 60.0
        timer[f"relative{which}Timer"] = "SET"

    def _clear_timer_state(self) -> None:
        timer = self.part().setdefault("timer", {})
        for which in ("Start", "Stop"):
            if which not in self._timers:
                timer[f"relative{which}Timer"] = "UNSET"
                timer.pop(f"relativeHourTo{which}", None)
                timer.pop(f"relativeMinuteTo{which}", None)

    @override
    def advance(self, seconds: float) -> list[str]:
        while seconds > EPSILON:
            step = min([seconds, *self._timers.values()])
            self._drift(step)
            seconds -= step
            for which in list(self._timers):
                self._timers[which] -= step
                if self._timers[which] <= EPSILON:
                    del self._timers[which]
                    self.part()["operation"]["airConOperationMode"] = (
                        "POWER_ON" if which == "Start" else "POWER_OFF"
                    )
            self._clear_timer_state()
            for which, left in self._timers.items():
                timer = self.part()["timer"]
                timer[f"relativeHourTo{which}"], timer[f"relativeMinuteTo{which}"] = hours_minutes(left)
        self._report()
        return []

    def _drift(self, seconds: float) -> None:
        minutes = seconds / 60
        mode, target = self.job_mode, float(self.part()["temperature"]["targetTemperature"])
        goal, rate = self._ambient, self.PASSIVE_RATE
        if self.powered and mode in ("COOL", "AIR_DRY"):
            goal = min(target, self._ambient)
            rate = self.ACTIVE_RATE if self._current > goal else self.PASSIVE_RATE
        elif self.powered and mode == "HEAT":
            goal = max(target, self._ambient)
            rate = self.ACTIVE_RATE if self._current < goal else self.PASSIVE_RATE
        elif self.powered and mode == "AUTO":
            goal, rate = target, self.ACTIVE_RATE
        self._current = approach(self._current, goal, rate * minutes)
        drying = self.powered and mode in ("COOL", "AIR_DRY")
        self._humidity = approach(
            self._humidity, 45 if drying else self._ambient_humidity, (0.3 if drying else 0.05) * minutes
        )
        cleaning = self.powered and (mode == "AIR_CLEAN" or self._air_clean)
        self._pm = approach(
            self._pm, 3 if cleaning else self._ambient_pm, (1.0 if cleaning else 0.1) * minutes
        )

    def _report(self) -> None:
        self.part()["temperature"]["currentTemperature"] = half_degrees(self._current)
        sensors = self.part().get("airQualitySensor")
        if sensors is not None:
            readings = {
                "humidity": round(self._humidity),
                "PM1": round(self._pm * 0.6),
                "PM2": round(self._pm),
                "PM10": round(self._pm * 1.5),
                "totalPollutionLevel": pollution_level(self._pm),
            }
            # Only the sensors this unit has: some real ACs report humidity but no dust.
            sensors.update({name: value for name, value in readings.items() if name in sensors})


class AirPurifier(Device):
    """Particulate matter falls while running (faster at higher fan speeds) and recovers when off."""

    NEEDS = (
        ("airQualitySensor", "PM2"),
        ("operation", "airPurifierOperationMode"),
        ("airFlow", "windStrength"),
    )

    CLEAN_RATE: ClassVar[dict[str, float]] = {"LOW": 0.5, "MID": 1.0, "HIGH": 2.0, "AUTO": 1.5, "POWER": 3.0}

    @override
    def __post_init__(self) -> None:
        self._ambient_pm = float(self.part()["airQualitySensor"]["PM2"])
        super().__post_init__()

    @override
    def resync(self) -> None:
        self._pm = float(self.part()["airQualitySensor"]["PM2"])

    @property
    def powered(self) -> bool:
        """Whether the purifier is on."""
        return bool(self.part()["operation"]["airPurifierOperationMode"] == "POWER_ON")

    @override
    def evolving(self) -> bool:
        return self.powered or self._pm != self._ambient_pm

    @override
    def apply(self, write: Write) -> list[str]:
        if write.resource in ("airPurifierJobMode", "airFlow") and not self.powered:
            raise ApiError("2304", "the air purifier is off")
        return super().apply(write)

    @override
    def advance(self, seconds: float) -> list[str]:
        minutes = seconds / 60
        if self.powered:
            rate = self.CLEAN_RATE.get(self.part()["airFlow"]["windStrength"], 1.0)
            self._pm = approach(self._pm, 2, rate * minutes)
        else:
            self._pm = approach(self._pm, self._ambient_pm, 0.2 * minutes)
        sensors = self.part()["airQualitySensor"]
        sensors.update(PM1=round(self._pm * 0.6), PM2=round(self._pm), PM10=round(self._pm * 1.4))
        sensors["totalPollutionLevel"] = pollution_level(self._pm)
        return []


class Dehumidifier(Device):
    """Humidity falls to the target while on and creeps back to the room's level when off."""

    NEEDS = (
        ("humidity", "currentHumidity"),
        ("humidity", "targetHumidity"),
        ("operation", "dehumidifierOperationMode"),
    )

    @override
    def __post_init__(self) -> None:
        self._ambient = float(self.part()["humidity"]["currentHumidity"])
        super().__post_init__()

    @override
    def resync(self) -> None:
        self._humidity = float(self.part()["humidity"]["currentHumidity"])

    @property
    def powered(self) -> bool:
        """Whether the dehumidifier is on."""
        return bool(self.part()["operation"]["dehumidifierOperationMode"] == "POWER_ON")

    @override
    def evolving(self) -> bool:
        return self.powered or self._humidity != self._ambient

    @override
    def apply(self, write: Write) -> list[str]:
        if write.resource not in {"operation", "timer"} and not self.powered:
            raise ApiError("2304", "the dehumidifier is off")
        return super().apply(write)

    @override
    def advance(self, seconds: float) -> list[str]:
        minutes = seconds / 60
        target = float(self.part()["humidity"]["targetHumidity"])
        if self.powered and self._humidity > target:
            self._humidity = approach(self._humidity, target, 0.5 * minutes)
        elif not self.powered:
            self._humidity = approach(self._humidity, self._ambient, 0.1 * minutes)
        self.part()["humidity"]["currentHumidity"] = round(self._humidity)
        return []


class CycleAppliance(Device):
    """Washer, dryer, dishwasher, styler: a program with phases, remote start, pause and delayed start.

    LG's operation modes have no PAUSE: STOP pauses a running cycle (as the Start/Pause button does),
    STOP again (or on a reservation) cancels it; START resumes.
    """

    NEEDS = (("runState", "currentState"),)

    operation_prop: ClassVar[str]
    phases: ClassVar[tuple[tuple[str, float], ...]]  # (runState, share of the cycle)
    cycle_minutes: ClassVar[int]
    end_state: ClassVar[str] = "END"
    complete_push: ClassVar[str]
    IDLE: ClassVar[frozenset[str]] = frozenset({"INITIAL", "END", "COMPLETE"})

    @override
    def __post_init__(self) -> None:
        self._remaining = 0.0
        self._delay = 0.0
        self._resume_state = self.phases[0][0]
        super().__post_init__()

    @property
    def run_state(self) -> str:
        """The current runState.currentState."""
        return str(self.part()["runState"]["currentState"])

    @run_state.setter
    def run_state(self, value: str) -> None:
        self.part()["runState"]["currentState"] = value

    @property
    def running(self) -> bool:
        """Whether a cycle is in progress (not paused)."""
        return self.run_state in {name for name, _ in self.phases}

    @property
    def cycle_seconds(self) -> float:
        """Length of one program in virtual seconds."""
        return self.cycle_minutes * 60.0

    @override
    def resync(self) -> None:
        timer = self.part().get("timer", {})
        if self.running and self._remaining <= EPSILON:
            remain = (timer.get("remainHour", 0) * 60 + timer.get("remainMinute", 0)) * 60.0
            self._remaining = remain or self.cycle_seconds
        if self.run_state == "RESERVED" and self._delay <= EPSILON:
            self._delay = (
                timer.get("relativeHourToStart", 0) * 60 + timer.get("relativeMinuteToStart", 0)
            ) * 60.0

    @override
    def evolving(self) -> bool:
        return self.running or self.run_state == "RESERVED"

    @override
    def control(self, writes: list[Write]) -> list[str]:
        if not self.part().get("remoteControlEnable", {}).get("remoteControlEnabled", False):
            raise ApiError("2301", "remote control is off on the appliance")
        return super().control(writes)

    @override
    def apply(self, write: Write) -> list[str]:
        if write.resource == "operation" and write.prop == self.operation_prop:
            self._operate(str(write.value))
            return []
        if write.resource == "timer" and write.prop in ("relativeHourToStart", "relativeHourToStop"):
            self._reserve(write.prop, int(write.value))
            return []
        return super().apply(write)

    def _operate(self, command: str) -> None:
        state = self.run_state
        if command in ("POWER_ON", "WAKE_UP"):
            if state in ("POWER_OFF", "SLEEP"):
                self._reset("INITIAL")
            return
        if command == "POWER_OFF":
            self._reset("POWER_OFF")
            return
        if state == "POWER_OFF":
            raise ApiError("2304", "the appliance is off")
        if command == "START":
            if state == "PAUSE":
                self.run_state = self._resume_state
            elif state in self.IDLE or state == "RESERVED":
                self._check_can_start()
                self._begin()
            else:
                raise ApiError("2302", f"can't start while {state}")
        elif self.running:  # STOP
            self._resume_state = state
            self.run_state = "PAUSE"
        elif state in ("PAUSE", "RESERVED"):
            self._reset("INITIAL")
        else:
            raise ApiError("2302", f"nothing to stop while {state}")

    def _check_can_start(self) -> None:
        """Refuse a start the appliance itself would refuse (2302)."""

    def _reserve(self, prop: str, hours: int) -> None:
        state = self.run_state
        if state == "POWER_OFF":
            raise ApiError("2304", "the appliance is off")
        if state not in self.IDLE and state != "RESERVED":
            raise ApiError("2302", f"can't reserve while {state}")
        if hours == 0:
            self._reset("INITIAL")
            return
        self._check_can_start()
        # relativeHourToStop means "finish in N hours", so the start waits for N hours minus the cycle.
        self._delay = hours * 3600.0 - (self.cycle_seconds if prop == "relativeHourToStop" else 0.0)
        self._delay = max(self._delay, 0.0)
        self._remaining = 0.0
        self.run_state = "RESERVED"
        self._show_timer()

    def _begin(self) -> None:
        self._delay = 0.0
        self._remaining = self.cycle_seconds
        self.run_state = self.phases[0][0]
        self._show_timer()

    def _reset(self, state: str) -> None:
        self._delay = self._remaining = 0.0
        self.run_state = state
        self._show_timer()

    def _finish(self) -> list[str]:
        self._remaining = 0.0
        self.run_state = self.end_state
        return [self.complete_push]

    @override
    def advance(self, seconds: float) -> list[str]:
        codes: list[str] = []
        while seconds > EPSILON or (self.run_state == "RESERVED" and self._delay <= EPSILON):
            if self.run_state == "RESERVED":
                step = min(seconds, self._delay)
                self._delay -= step
                if self._delay <= EPSILON:
                    self._begin()
            elif self.running:
                step = min(seconds, self._remaining)
                self._remaining -= step
                if self._remaining <= EPSILON:
                    codes += self._finish()
                else:
                    self.run_state = self._phase()
            else:
                break
            seconds -= step
        self._show_timer()
        return codes

    def _phase(self) -> str:
        done = 1 - self._remaining / self.cycle_seconds
        share = 0.0
        for name, part in self.phases:
            share += part
            if done < share - EPSILON:
                return name
        return self.phases[-1][0]

    def _show_timer(self) -> None:
        timer = self.part().setdefault("timer", {})
        if self.running or self.run_state == "PAUSE":
            left = self._remaining
        elif self.run_state == self.end_state:
            left = 0.0
        else:
            left = self.cycle_seconds
        timer["remainHour"], timer["remainMinute"] = hours_minutes(left)
        timer["totalHour"], timer["totalMinute"] = hours_minutes(self.cycle_seconds)
        if "relativeHourToStart" in timer:
            timer["relativeHourToStart"], timer["relativeMinuteToStart"] = hours_minutes(self._delay)
        if "relativeHourToStop" in timer:
            finish = self._delay + self.cycle_seconds if self.run_state == "RESERVED" else 0.0
            timer["relativeHourToStop"], timer["relativeMinuteToStop"] = hours_minutes(finish)


class Washer(CycleAppliance):
    """A 45-minute wash: DETECTING, RUNNING, RINSING, SPINNING, END."""

    operation_prop = "washerOperationMode"
    phases = (("DETECTING", 0.05), ("RUNNING", 0.45), ("RINSING", 0.3), ("SPINNING", 0.2))
    cycle_minutes = 45
    complete_push = "WASHING_IS_COMPLETE"

    @override
    def _finish(self) -> list[str]:
        cycle = self.part().get("cycle")
        if cycle is not None:
            cycle["cycleCount"] = cycle.get("cycleCount", 0) + 1
        return super()._finish()


class Dryer(CycleAppliance):
    """A 60-minute dry ending with a cool-down."""

    operation_prop = "dryerOperationMode"
    phases = (("DETECTING", 0.05), ("RUNNING", 0.8), ("COOLING", 0.15))
    cycle_minutes = 60
    complete_push = "DRYING_IS_COMPLETE"


class Styler(CycleAppliance):
    """A 40-minute refresh: steam, dry, cool; LG's styler ends in COMPLETE."""

    operation_prop = "stylerOperationMode"
    phases = (("PRESTEAM", 0.1), ("STEAM", 0.3), ("DRYING", 0.45), ("COOLING", 0.15))
    cycle_minutes = 40
    end_state = "COMPLETE"
    complete_push = "STYLING_IS_COMPLETE"


class DishWasher(CycleAppliance):
    """A 90-minute wash; it won't start with the door open."""

    operation_prop = "dishWasherOperationMode"
    phases = (("RUNNING", 0.6), ("RINSING", 0.2), ("DRYING", 0.2))
    cycle_minutes = 90
    complete_push = "CLEANING_IS_COMPLETE"

    @override
    def _check_can_start(self) -> None:
        if self.part().get("doorStatus", {}).get("doorState") == "OPEN":
            raise ApiError("2302", "the door is open")


class Oven(Device):
    """Each cavity (UPPER/LOWER) preheats for 8 minutes, then cooks for 30."""

    NEEDS = (("runState", "currentState"),)

    PREHEAT_S = 8 * 60.0
    COOK_S = 30 * 60.0
    ACTIVE = frozenset({"PREHEATING", "COOKING_IN_PROGRESS"})

    @override
    def __post_init__(self) -> None:
        self._left: dict[str, float] = {}
        super().__post_init__()

    def _locations(self) -> list[str]:
        return (
            [str(item["location"]["locationName"]) for item in self.state]
            if isinstance(self.state, list)
            else []
        )

    @override
    def evolving(self) -> bool:
        return any(
            self.part(location)["runState"]["currentState"] in self.ACTIVE for location in self._locations()
        )

    @override
    def resync(self) -> None:
        for location in self._locations():
            state = self.part(location)["runState"]["currentState"]
            if state in self.ACTIVE and location not in self._left:
                self._left[location] = self.PREHEAT_S if state == "PREHEATING" else self.COOK_S

    @override
    def control(self, writes: list[Write]) -> list[str]:
        for write in writes:
            if (
                not self.part(write.location)
                .get("remoteControlEnable", {})
                .get("remoteControlEnabled", False)
            ):
                raise ApiError("2301", f"remote control is off for the {write.location} oven")
        return super().control(writes)

    @override
    def apply(self, write: Write) -> list[str]:
        if write.resource != "operation" or write.location is None:
            return super().apply(write)
        part = self.part(write.location)
        state = part["runState"]["currentState"]
        if write.value == "START":
            if state in self.ACTIVE:
                raise ApiError("2302", f"already {state}")
            part["runState"]["currentState"] = "PREHEATING"
            self._left[write.location] = self.PREHEAT_S
        elif state in self.ACTIVE:  # STOP
            part["runState"]["currentState"] = "INITIAL"
            self._left.pop(write.location, None)
        else:
            raise ApiError("2302", f"nothing to stop while {state}")
        self._show_timer(write.location)
        return []

    @override
    def advance(self, seconds: float) -> list[str]:
        codes = []
        for location in self._locations():
            part, left = self.part(location), seconds
            while location in self._left and left > EPSILON:
                step = min(left, self._left[location])
                self._left[location] -= step
                left -= step
                if self._left[location] > EPSILON:
                    continue
                if part["runState"]["currentState"] == "PREHEATING":
                    part["runState"]["currentState"] = "COOKING_IN_PROGRESS"
                    self._left[location] = self.COOK_S
                    codes.append("PREHEATING_IS_COMPLETE")
                else:
                    part["runState"]["currentState"] = "DONE"
                    del self._left[location]
                    codes.append("COOKING_IS_COMPLETE")
            self._show_timer(location)
        return codes

    def _show_timer(self, location: str) -> None:
        left = self._left.get(location, 0.0)
        if self.part(location)["runState"]["currentState"] == "PREHEATING":
            left += self.COOK_S
        seconds = math.ceil(left - EPSILON)
        timer = self.part(location).setdefault("timer", {})
        timer["remainHour"], rest = divmod(seconds, 3600)
        timer["remainMinute"], timer["remainSecond"] = divmod(rest, 60)


class DoorWatcher(Device):
    """Sends DOOR_IS_OPEN once a door has stayed open for a minute."""

    DOOR_ALERT_S = 60.0

    @override
    def __post_init__(self) -> None:
        self._open_for: dict[str, float] = {}
        super().__post_init__()

    def _doors(self) -> list[JsonObject]:
        doors = self.part().get("doorStatus", [])
        return doors if isinstance(doors, list) else [doors]

    @override
    def evolving(self) -> bool:
        return any(door.get("doorState") == "OPEN" for door in self._doors())

    @override
    def advance(self, seconds: float) -> list[str]:
        codes = []
        for door in self._doors():
            name = str(door.get("locationName", "MAIN"))
            if door.get("doorState") != "OPEN":
                self._open_for.pop(name, None)
                continue
            before = self._open_for.get(name, 0.0)
            self._open_for[name] = before + seconds
            if before < self.DOOR_ALERT_S <= before + seconds:
                codes.append("DOOR_IS_OPEN")
        return codes


class Refrigerator(DoorWatcher):
    """FRIDGE/FREEZER targets kept in step in °C and °F; express freeze runs for two hours."""

    EXPRESS_S = 2 * 3600.0

    @override
    def __post_init__(self) -> None:
        self._express_left = 0.0
        super().__post_init__()

    @override
    def resync(self) -> None:
        if self.part().get("refrigeration", {}).get("expressMode") and self._express_left <= EPSILON:
            self._express_left = self.EXPRESS_S

    @override
    def evolving(self) -> bool:
        return self._express_left > EPSILON or super().evolving()

    @override
    def apply(self, write: Write) -> list[str]:
        if write.resource in ("temperature", "temperatureInUnits"):
            self._set_target(write)
            return []
        if write.resource == "refrigeration" and write.prop == "expressMode":
            self._express_left = self.EXPRESS_S if write.value else 0.0
        return super().apply(write)

    def _set_target(self, write: Write) -> None:
        location = write.selector["locationName"]
        if write.prop == "targetTemperatureF":
            fahrenheit = int(write.value)
            celsius = self._clamp_celsius(location, round((fahrenheit - 32) * 5 / 9))
        else:
            celsius = int(write.value)
            fahrenheit = round(celsius * 9 / 5 + 32)
        for item in self.part().get("temperature", []):
            if item.get("locationName") == location:
                item["targetTemperature"] = celsius
        for item in self.part().get("temperatureInUnits", []):
            if item.get("locationName") == location:
                item["targetTemperatureC"], item["targetTemperatureF"] = celsius, fahrenheit

    def _clamp_celsius(self, location: str, celsius: int) -> int:
        for item in self.profile["property"].get("temperatureInUnits", []):
            if item.get("locationName") == location and "targetTemperatureC" in item:
                bounds = item["targetTemperatureC"]["value"]["w"]
                return int(min(max(celsius, bounds["min"]), bounds["max"]))
        return celsius

    @override
    def advance(self, seconds: float) -> list[str]:
        codes = super().advance(seconds)
        if self._express_left > EPSILON:
            self._express_left -= seconds
            if self._express_left <= EPSILON:
                self._express_left = 0.0
                self.part()["refrigeration"]["expressMode"] = False
                codes.append("FROZEN_IS_COMPLETE")
        return codes


class KimchiRefrigerator(DoorWatcher):
    """TOP/MIDDLE/BOTTOM compartments; ThinQ Connect only reports them, so writes are refused by the profile."""


class RobotCleaner(Device):
    """Cleans for 40 minutes on battery, returns home, and charges back to full."""

    NEEDS = (("runState", "currentState"),)

    CLEAN_S = 40 * 60.0
    HOMING_S = 60.0
    DRAIN_PER_MIN = 1.0
    CHARGE_PER_MIN = 2.0

    @override
    def __post_init__(self) -> None:
        self._clean_left = 0.0
        self._home_left = 0.0
        self._worked = 0.0
        super().__post_init__()

    @override
    def resync(self) -> None:
        self._battery = float(self.part().get("battery", {}).get("percent", 100))

    @property
    def run_state(self) -> str:
        """The current runState.currentState."""
        return str(self.part()["runState"]["currentState"])

    @run_state.setter
    def run_state(self, value: str) -> None:
        self.part()["runState"]["currentState"] = value

    @override
    def evolving(self) -> bool:
        return self.run_state in ("WORKING", "HOMING") or (
            self.run_state == "CHARGING" and self._battery < 100
        )

    @override
    def apply(self, write: Write) -> list[str]:
        if write.resource != "operation":
            return super().apply(write)
        state, command = self.run_state, write.value
        if command == "START":
            if state == "WORKING":
                raise ApiError("2302", "already cleaning")
            if self._battery < 15:
                raise ApiError("2302", "the battery is too low")
            if self._clean_left <= EPSILON:
                self._clean_left, self._worked = self.CLEAN_S, 0.0
            self.run_state = "WORKING"
        elif command == "PAUSE":
            if state not in ("WORKING", "HOMING"):
                raise ApiError("2302", f"nothing to pause while {state}")
            self.run_state = "PAUSE"
        elif command == "HOMING":
            if state in ("CHARGING", "HOMING"):
                raise ApiError("2302", f"already {state}")
            self._clean_left, self._home_left = 0.0, self.HOMING_S
            self.run_state = "HOMING"
        elif state == "SLEEP":  # WAKE_UP
            self.run_state = "STANDBY"
        return []

    @override
    def advance(self, seconds: float) -> list[str]:
        codes = []
        while seconds > EPSILON:
            state = self.run_state
            if state == "WORKING":
                step = min(seconds, self._clean_left)
                self._clean_left -= step
                self._worked += step
                self._battery = max(0.0, self._battery - self.DRAIN_PER_MIN * step / 60)
                if self._clean_left <= EPSILON:
                    self.run_state, self._home_left = "HOMING", self.HOMING_S
            elif state == "HOMING":
                step = min(seconds, self._home_left)
                self._home_left -= step
                if self._home_left <= EPSILON:
                    self.run_state = "CHARGING"
                    codes.append("CLEANING_IS_COMPLETED")
            elif state == "CHARGING":
                step = seconds
                self._battery = min(100.0, self._battery + self.CHARGE_PER_MIN * step / 60)
            else:
                break
            seconds -= step
        battery = self.part().setdefault("battery", {})
        battery["percent"] = round(self._battery)
        battery["level"] = next(level for floor, level in self.LEVELS if self._battery >= floor)
        timer = self.part().setdefault("timer", {})
        timer["runningHour"], timer["runningMinute"] = divmod(int(self._worked // 60), 60)
        return codes

    LEVELS: ClassVar[tuple[tuple[float, str], ...]] = (
        (95, "FULL"),
        (60, "HIGH"),
        (30, "MID"),
        (10, "LOW"),
        (1, "DOCK_LEVEL"),
        (0, "MOVELESS"),
    )


DEVICE_CLASSES: dict[str, type[Device]] = {
    "DEVICE_AIR_CONDITIONER": AirConditioner,
    "DEVICE_AIR_PURIFIER": AirPurifier,
    "DEVICE_DEHUMIDIFIER": Dehumidifier,
    "DEVICE_WASHER": Washer,
    "DEVICE_DRYER": Dryer,
    "DEVICE_STYLER": Styler,
    "DEVICE_DISH_WASHER": DishWasher,
    "DEVICE_OVEN": Oven,
    "DEVICE_REFRIGERATOR": Refrigerator,
    "DEVICE_KIMCHI_REFRIGERATOR": KimchiRefrigerator,
    "DEVICE_ROBOT_CLEANER": RobotCleaner,
}


def make_device(
    device_id: str, alias: str, device_type: str, model_name: str, profile: JsonObject, state: State
) -> Device:
    """A device of the class that simulates `device_type` (generic for types without behaviour)."""
    cls = DEVICE_CLASSES.get(device_type, Device)
    if not cls.fits(state):
        cls = Device
    return cls(device_id, alias, device_type, model_name, profile, state)


def describe(device: Device) -> dict[str, Any]:
    """The admin view of a device."""
    return {
        "deviceId": device.device_id,
        "alias": device.alias,
        "deviceType": device.device_type,
        "modelName": device.model_name,
        "online": device.online,
        "state": device.state,
    }
