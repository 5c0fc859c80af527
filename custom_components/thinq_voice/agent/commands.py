"""Commands carried out now, one handler per intent: power, run, temperature, mode, fan, humidity.

Each handler gets the `ApplianceCommand` of one appliance and the parsed command, makes the
service calls and returns the answer, or raises `ActionError` with the reason. A TV's commands
are in `tv`; commands for later in `later`.
"""

from dataclasses import dataclass
from typing import Any

from homeassistant.components.climate.const import HVACMode
from homeassistant.components.vacuum.const import VacuumEntityFeature
from homeassistant.const import STATE_OFF, STATE_ON
from homeassistant.core import Context, HomeAssistant

from ..voice.model import Command, Direction, FanSpeed, Intent, Mode, Quantity, QuestionIntent, Unit
from .appliance_command import UNAVAILABLE, ActionError, ApplianceCommand
from .entities import HVAC_MODES, NO_READING, TV_INTENTS, ApplianceEntities, temperature_value
from .speech import number_words
from .targets import TargetAppliance, control_in_flight
from .tv import async_tv

# A relative humidity change without a number moves by LG's step.
_HUMIDITY_STEP = 5
# The feature a robot cleaner must declare for each service the agent calls on it.
_VACUUM_FEATURES = {
    "start": VacuumEntityFeature.START,
    "pause": VacuumEntityFeature.PAUSE,
    "stop": VacuumEntityFeature.STOP,
    "return_to_base": VacuumEntityFeature.RETURN_HOME,
}


@dataclass(frozen=True, slots=True)
class Done:
    """What a command carried out now came to, and what would put the appliance back as it was."""

    speech: str
    failed: bool
    undo: Command | None


async def async_command(
    hass: HomeAssistant, appliance: TargetAppliance, command: Command, language: str, context: Context
) -> Done:
    """Carry out a command now; the way back (`undo_command`) is read before it runs."""
    act = ApplianceCommand(hass, appliance, language, context)
    undo = undo_command(act.entities, command)
    try:
        return Done(await _async_execute(act, command), False, undo)
    except ActionError as err:
        return Done(err.speech, True, undo)


async def async_execute(
    hass: HomeAssistant, appliance: TargetAppliance, command: Command, language: str, context: Context
) -> str:
    """Carry out a command now; return the answer or raise ActionError with the reason."""
    return await _async_execute(ApplianceCommand(hass, appliance, language, context), command)


async def _async_execute(act: ApplianceCommand, command: Command) -> str:
    """Carry out a command with the handler of its intent."""
    entities = act.entities
    match command.intent:
        case Intent.TURN_ON | Intent.TURN_OFF:
            return await _power(act, command.intent is Intent.TURN_ON)
        case Intent.START | Intent.RESUME:
            return await _run(act, "started" if command.intent is Intent.START else "resumed")
        case Intent.PAUSE | Intent.STOP:
            return await _halt(act, command.intent is Intent.STOP)
        case Intent.RETURN_TO_BASE if vacuum := entities.one("vacuum"):
            await _async_vacuum(act, vacuum, "return_to_base")
            return act.say("returning")
        case Intent.SET_TEMPERATURE:
            return await _set_temperature(act, command)
        case Intent.SET_MODE if isinstance(command.value, Mode):
            return await _set_mode(act, command.value)
        case Intent.SET_FAN_SPEED:
            return await _set_fan_speed(act, command)
        case Intent.SET_HUMIDITY if entities.one("humidifier"):
            return await _set_humidity(act, command)
        case Intent.EXPRESS_FREEZE if switch := entities.express_freeze():
            on = command.value is not False
            await act.async_call("switch", "turn_on" if on else "turn_off", switch)
            return act.say("express_on" if on else "express_off")
        case Intent.OPEN_DOOR | Intent.CLOSE_DOOR:
            return _door_cannot_move(act)
        case intent if intent in TV_INTENTS and (player := entities.one("media_player")):
            return await async_tv(act, player, command)
    raise act.refusal("unsupported")


async def _run(act: ApplianceCommand, answer: str) -> str:
    """Start or resume: a robot cleaner's start, the appliance's start button, else its power."""
    if vacuum := act.entities.one("vacuum"):
        await _async_vacuum(act, vacuum, "start")
        return act.say(answer)
    if button := act.entities.run_button("START"):
        await act.async_call("button", "press", button)
        return act.say(answer)
    return await _power(act, True)


async def _halt(act: ApplianceCommand, stop: bool) -> str:
    """Pause or stop: a robot cleaner's pause or stop, the appliance's stop button, else its power."""
    answer = "stopped" if stop else "paused"
    if vacuum := act.entities.one("vacuum"):
        # A robot that cannot "stop" (LG's) stops where it is by pausing.
        await _async_vacuum(act, vacuum, *(("stop", "pause") if stop else ("pause",)))
        return act.say(answer)
    if button := act.entities.run_button("STOP"):
        await act.async_call("button", "press", button)
        return act.say(answer)
    return await _power(act, False)


async def _power(act: ApplianceCommand, on: bool) -> str:
    """Turn an appliance on or off with whatever entity it has for power."""
    entities = act.entities
    service = "turn_on" if on else "turn_off"
    answer = act.say("turned_on" if on else "turned_off")
    if entity_id := entities.power():
        if _already(act, entity_id, on):
            return act.say("already_on" if on else "already_off")
        await act.async_call(entity_id.split(".", 1)[0], service, entity_id)
        return answer
    if vacuum := entities.one("vacuum"):
        await _async_vacuum(act, vacuum, "start" if on else "return_to_base")
        return answer
    if button := entities.run_button("POWER_ON" if on else "POWER_OFF"):
        await act.async_call("button", "press", button)
        return answer
    if button := entities.run_button("START" if on else "STOP"):
        await act.async_call("button", "press", button)
        return act.say("started" if on else "stopped")
    switches = act.appliance.entities("switch")
    if act.appliance.thinq_device_id is None and len(switches) == 1:
        # A plug or relay of another integration: its one switch is its power. A ThinQ appliance's
        # switches are settings (express freeze, power save): never its power.
        if _already(act, switches[0], on):
            return act.say("already_on" if on else "already_off")
        await act.async_call("switch", service, switches[0])
        return answer
    raise act.refusal("power_not_remote")


def _already(act: ApplianceCommand, entity_id: str, on: bool) -> bool:
    """Return whether the power entity already reports what is asked; nothing is sent then.

    Only from the appliance's own report: not while a control is on its way.
    """
    state = act.hass.states.get(entity_id)
    return (
        state is not None
        and state.state not in NO_READING
        and (state.state != STATE_OFF) == on
        and not control_in_flight(act.hass, act.appliance)
    )


async def _async_vacuum(act: ApplianceCommand, vacuum: str, *services: str) -> None:
    """Call the first of `services` the robot declares it supports; refuse before calling if none."""
    state = act.hass.states.get(vacuum)
    features = int(state.attributes.get("supported_features", 0)) if state else 0
    service = next((name for name in services if features & _VACUUM_FEATURES[name]), None)
    if service is None:
        raise act.refusal("unsupported")
    await act.async_call("vacuum", service, vacuum)


async def _set_temperature(act: ApplianceCommand, command: Command) -> str:
    """Set a target temperature, absolute or relative, after checking the allowed range."""
    entity_id = act.entities.temperature(command)
    if entity_id is None:
        raise act.refusal("unsupported")
    state = act.hass.states.get(entity_id)
    if state is None or state.state in NO_READING:
        raise act.refusal("unavailable", UNAVAILABLE)
    domain = entity_id.split(".", 1)[0]
    target = _target_temperature(
        act, command, state.attributes, temperature_value(state, QuestionIntent.TARGET_TEMPERATURE)
    )
    label = act.speech.with_location(act.device, command.target.location if command.target else None)
    if domain == "number":
        await act.async_check_range(entity_id, target, "min", "max", label, "°")
        await act.async_call("number", "set_value", entity_id, value=target)
        return act.say("temperature_set", device=label, temperature=act.degrees(target))
    await act.async_check_range(entity_id, target, "min_temp", "max_temp", label, "°")
    data: dict[str, Any] = {"temperature": target}
    if domain == "climate" and state.state == HVACMode.OFF:
        # Asking an AC that is off for 23 degrees means "cool to 23": HA's set_temperature
        # takes the mode to switch on in, the way a remote's temperature button does.
        modes = state.attributes.get("hvac_modes", ())
        mode = next(
            (mode for mode in (HVACMode.COOL, HVACMode.HEAT_COOL, HVACMode.HEAT) if mode in modes), None
        )
        if mode is not None:
            data["hvac_mode"] = mode
    await act.async_call(domain, "set_temperature", entity_id, **data)
    key = "turned_on_temperature_set" if "hvac_mode" in data else "temperature_set"
    return act.say(key, device=label, temperature=act.degrees(target))


def _target_temperature(
    act: ApplianceCommand, command: Command, attributes: Any, current: float | None
) -> float:
    """Return the temperature a command asks for: said, or a step from the current one."""
    if command.relative:
        step = float(attributes.get("target_temp_step") or attributes.get("step") or 1)
        delta = (
            command.delta
            if command.delta is not None
            else (step if command.direction and command.direction.value == "up" else -step)
        )
        if current is None:
            raise act.refusal("unavailable", UNAVAILABLE)
        return current + delta
    if isinstance(command.value, Quantity):
        return command.value.amount
    raise act.refusal("unsupported")


async def _set_humidity(act: ApplianceCommand, command: Command) -> str:
    """Set the target humidity, absolute or relative to the one Home Assistant shows."""
    humidifier = act.entities.one("humidifier") or ""
    state = act.hass.states.get(humidifier)
    if command.direction is not None:
        current = state.attributes.get("humidity") if state else None
        if current is None:
            raise act.refusal("unavailable", UNAVAILABLE)
        delta = command.delta
        if delta is None:
            delta = _HUMIDITY_STEP if command.direction is Direction.UP else -_HUMIDITY_STEP
        humidity = round(float(current) + delta)
    elif isinstance(command.value, Quantity):
        humidity = round(command.value.amount)
    else:
        raise act.refusal("unsupported")
    await act.async_check_range(humidifier, humidity, "min_humidity", "max_humidity", act.device, "%")
    await act.async_call("humidifier", "set_humidity", humidifier, humidity=humidity)
    return act.say("humidity_set", humidity=f"{humidity}%")


async def _set_mode(act: ApplianceCommand, mode: Mode) -> str:
    """Switch the operating mode."""
    call = act.entities.mode_call(mode)
    if call is None:
        # "제습기 저소음 모드로": say which of the modes we know the appliance has.
        offered = [act.speech.mode(other) for other in Mode if act.entities.mode_call(other)]
        if not offered:
            raise act.refusal("unsupported")
        raise act.refusal("mode_missing", mode=act.speech.mode(mode), modes=", ".join(offered))
    domain, service, entity_id, data = call
    await act.async_call(domain, service, entity_id, **data)
    return act.say("mode_set", mode=act.speech.mode(mode))


async def _set_fan_speed(act: ApplianceCommand, command: Command) -> str:
    """Set the fan speed, or move it one step from the current one ("바람 한 단계 올려줘")."""
    speed = command.value if isinstance(command.value, FanSpeed) else None
    if isinstance(command.value, Quantity) and command.direction is None:
        return await _numbered_fan_speed(act, command.value.amount)
    if command.direction is not None:
        steps, current = act.entities.fan_steps()
        if current is None and (fan := act.entities.one("fan")):
            return await _step_fan_percentage(act, fan, command.direction)
        if current is None:
            raise act.refusal("unsupported")
        index = steps.index(current) + (1 if command.direction is Direction.UP else -1)
        if not 0 <= index < len(steps):
            key = "fan_speed_highest" if index > 0 else "fan_speed_lowest"
            raise act.refusal(key, speed=act.speech.fan_speed(current))
        speed = steps[index]
    call = act.entities.fan_call(speed) if speed is not None else None
    if speed is None or call is None:
        offered = [act.speech.fan_speed(other) for other in FanSpeed if act.entities.fan_call(other)]
        if speed is None or not offered:
            raise act.refusal("unsupported")
        raise act.refusal("fan_speed_missing", speed=act.speech.fan_speed(speed), speeds=", ".join(offered))
    domain, service, entity_id, data = call
    await act.async_call(domain, service, entity_id, **data)
    return act.say("fan_speed_set", speed=act.speech.fan_speed(speed))


async def _numbered_fan_speed(act: ApplianceCommand, number: float) -> str:
    """Set speed `number` (from 1) of a fan whose speeds are ordered; refuse one it lacks, naming the range."""
    steps, _current = act.entities.fan_steps()
    fan = act.entities.one("fan")
    state = act.hass.states.get(fan) if fan and not steps else None
    step = state.attributes.get("percentage_step") if state else None
    count = len(steps) or (round(100 / float(step)) if step else 0)
    if count < 2:
        raise act.refusal("unsupported")
    if not number.is_integer() or not 1 <= number <= count:
        low, high = act.speech.numbered_speed(1), act.speech.numbered_speed(count)
        raise act.refusal("fan_speed_out_of_range", speed=number_words(number), minimum=low, maximum=high)
    position = int(number)
    if steps:
        return await _set_fan_speed(act, Command(Intent.SET_FAN_SPEED, value=steps[position - 1]))
    assert fan is not None  # counted from its percentage step
    await act.async_call("fan", "set_percentage", fan, percentage=position * 100 // count)
    return act.say("fan_speed_set", speed=act.speech.speed_step(position, count))


async def _step_fan_percentage(act: ApplianceCommand, fan: str, direction: Direction) -> str:
    """Move a fan that has ordered speeds (an air purifier) one speed up or down."""
    state = act.hass.states.get(fan)
    percentage = state.attributes.get("percentage") if state else None
    step = state.attributes.get("percentage_step") if state else None
    if percentage is None or not step:
        raise act.refusal("unsupported")
    count = round(100 / float(step))
    index = max(1, round(float(percentage) / float(step)))
    target = index + (1 if direction is Direction.UP else -1)
    if not 1 <= target <= count:
        key = "fan_speed_highest" if target > count else "fan_speed_lowest"
        raise act.refusal(key, speed=act.speech.speed_step(index, count))
    await act.async_call("fan", "set_percentage", fan, percentage=target * 100 // count)
    return act.say("fan_speed_set", speed=act.speech.speed_step(target, count))


def _door_cannot_move(act: ApplianceCommand) -> str:
    """Explain that doors do not move remotely, and tell whether the door is open now."""
    state = act.entities.state(act.entities.door())
    if state is None or state.state in NO_READING:
        return act.say("door_cannot_open_unknown")
    return act.say("door_cannot_open", door=act.speech.door(state.state == STATE_ON))


def undo_command(entities: ApplianceEntities, command: Command) -> Command | None:
    """Return what puts the appliance back as it is now, before `command` runs; None if nothing.

    Covers what a correction ("아니, 거실 거") can take back safely: power, a temperature, an
    air conditioner's mode and a fan speed.
    A command that changes nothing (already on) needs no undo.
    """
    power = entities.state(entities.power())
    was_on = None if power is None or power.state in NO_READING else power.state != STATE_OFF
    match command.intent:
        case Intent.TURN_ON | Intent.TURN_OFF if was_on is not None:
            if was_on == (command.intent is Intent.TURN_ON):
                return None
            return Command(Intent.TURN_ON if was_on else Intent.TURN_OFF)
        case Intent.SET_TEMPERATURE:
            if was_on is False:
                return Command(Intent.TURN_OFF)  # the request switched it on: off it goes again
            state = entities.state(entities.temperature(command))
            current = temperature_value(state, QuestionIntent.TARGET_TEMPERATURE) if state else None
            if current is None:
                return None
            return Command(Intent.SET_TEMPERATURE, command.target, Quantity(current, Unit.DEGREES))
        case Intent.SET_MODE | Intent.SET_FAN_SPEED if was_on is False:
            return Command(Intent.TURN_OFF)  # the request switched it on: off it goes again
        case Intent.SET_MODE if power is not None and power.domain == "climate":
            mode = next((mode for mode, hvac in HVAC_MODES.items() if hvac == power.state), None)
            return Command(Intent.SET_MODE, value=mode) if mode is not None else None
        case Intent.SET_FAN_SPEED:
            _, speed = entities.fan_steps()
            return Command(Intent.SET_FAN_SPEED, value=speed) if speed is not None else None
    return None
