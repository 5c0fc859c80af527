"""The compact expected-parse notation of the corpus files.

A line is ``utterance | part ; part ...`` or ``utterance | ! reason``. A part is
``intent target [v=VALUE] [dir=up|down] [implied] [delay=SECONDS] [at=HH:MM[?][+DAYS]] [pron] [every]``
where target is ``-`` (no target) or ``key:type/LOCATION@area`` with every piece optional
(``:fridge/FREEZER``, ``거실:@거실``). Values: ``23°``, ``23°C``, ``74°F``, ``50%``, ``23`` (no unit), a mode,
fan-speed or app token, or ``on``/``off`` (express freeze; mute: ``on`` mutes). A clock time is
``at=19:30`` on the 24-hour clock, ``at=7:00?`` when the half of the day was not said, ``at=08:00+1`` for
tomorrow. ``implied`` marks a relative change that did not say what to change.
Everything not written must be absent: the comparison is exact.
"""

from datetime import timedelta

from custom_components.thinq_voice.voice import (
    App,
    ClockTime,
    Command,
    DeviceType,
    Direction,
    FanSpeed,
    Intent,
    Location,
    Mode,
    Quantity,
    Question,
    QuestionIntent,
    Unit,
)

TYPES = {
    "ac": DeviceType.AIR_CONDITIONER,
    "fridge": DeviceType.REFRIGERATOR,
    "kimchi": DeviceType.KIMCHI_REFRIGERATOR,
    "washer": DeviceType.WASHER,
    "dryer": DeviceType.DRYER,
    "dish": DeviceType.DISH_WASHER,
    "purifier": DeviceType.AIR_PURIFIER,
    "robot": DeviceType.ROBOT_CLEANER,
    "oven": DeviceType.OVEN,
    "styler": DeviceType.STYLER,
    "dehum": DeviceType.DEHUMIDIFIER,
    "hum": DeviceType.HUMIDIFIER,
    "tv": DeviceType.TV,
}
_UNITS = (("°C", Unit.CELSIUS), ("°F", Unit.FAHRENHEIT), ("°", Unit.DEGREES), ("%", Unit.PERCENT))

type Summary = tuple[object, ...]


def expected_parts(spec: str) -> list[Summary]:
    """Return the summaries the parts of a spec describe."""
    return [_part(part.split()) for part in spec.split(";")]


def summarize(part: Command | Question) -> Summary:
    """Reduce a parsed part to what the spec notation can express."""
    target = part.target
    target_summary = (
        None
        if target is None
        else (target.key, target.device_type, target.location, target.area, target.pronoun, target.every)
    )
    if isinstance(part, Question):
        return (part.intent, target_summary, None, None, None, None, False)
    return (part.intent, target_summary, part.value, part.direction, part.delay, part.at, part.implied)


def _part(tokens: list[str]) -> Summary:
    intent_name, target_spec, *options = tokens
    intent: Intent | QuestionIntent = (
        Intent(intent_name) if intent_name in Intent else QuestionIntent(intent_name)
    )
    flags = {option for option in options if "=" not in option}
    values = dict(option.split("=", 1) for option in options if "=" in option)
    target = (
        None if target_spec == "-" else _target(target_spec, pronoun="pron" in flags, every="every" in flags)
    )
    value = _value(intent, values["v"]) if "v" in values else None
    direction = Direction(values["dir"]) if "dir" in values else None
    delay = timedelta(seconds=float(values["delay"])) if "delay" in values else None
    at = _clock(values["at"]) if "at" in values else None
    return (intent, target, value, direction, delay, at, "implied" in flags)


def _clock(spec: str) -> ClockTime:
    spec, _, days = spec.partition("+")
    hour, _, minute = spec.removesuffix("?").partition(":")
    return ClockTime(int(hour), int(minute), meridiem_known=not spec.endswith("?"), days_ahead=int(days or 0))


def _target(spec: str, *, pronoun: bool, every: bool) -> tuple[object, ...]:
    spec, _, area = spec.partition("@")
    key, _, rest = spec.partition(":")
    type_name, _, location = rest.partition("/")
    device_type = (TYPES.get(type_name) or DeviceType(type_name)) if type_name else None
    return (
        key,
        device_type,
        Location(location) if location else None,
        area.replace("_", " ") or None,
        pronoun,
        every,
    )


def _value(intent: Intent | QuestionIntent, text: str) -> object:
    if intent in (Intent.EXPRESS_FREEZE, Intent.MUTE):
        return text == "on"
    if intent is Intent.LAUNCH_APP:
        return App(text)
    if intent is Intent.SET_MODE:
        return Mode(text)
    if intent is Intent.SET_FAN_SPEED:
        return FanSpeed(text)
    for suffix, unit in _UNITS:
        if text.endswith(suffix):
            return Quantity(float(text.removesuffix(suffix)), unit)
    return Quantity(float(text))
