"""Grammar-neutral reading of one clause, and the rules that turn it into commands or questions."""

from dataclasses import dataclass, field, replace
from datetime import timedelta
from enum import Enum, auto

from .model import (
    Action,
    App,
    ClockTime,
    Command,
    DeviceType,
    Direction,
    FanSpeed,
    Intent,
    Mode,
    Quantity,
    Question,
    QuestionIntent,
    Reason,
    TargetPhrase,
    Unit,
)


class Verb(Enum):
    """The action word of a clause, before the values decide the intent."""

    ON = auto()
    OFF = auto()
    START = auto()
    PAUSE = auto()
    RESUME = auto()
    STOP = auto()
    RETURN = auto()
    SET = auto()
    UP = auto()
    DOWN = auto()
    OPEN = auto()
    CLOSE = auto()
    CANCEL = auto()
    """지워, 삭제, clear, delete: only a schedule can be cancelled this way."""


class Prop(Enum):
    """A property word: 온도 / temperature, 습도, 모드, 바람 / fan, 문 / door, 급속냉동, 예약 / timer."""

    TEMPERATURE = auto()
    HUMIDITY = auto()
    MODE = auto()
    FAN = auto()
    DOOR = auto()
    EXPRESS_FREEZE = auto()
    VOLUME = auto()
    CHANNEL = auto()
    SCHEDULE = auto()


class Modifier(Enum):
    """An adverb that changes the verb: 다시 / again, 잠깐 / briefly, 따뜻하게 / warmer."""

    AGAIN = auto()
    BRIEFLY = auto()
    WARMER = auto()
    COOLER = auto()
    STRONGER = auto()
    """더 세게, 한 단계 강하게: a step up in fan speed (세게 alone is the highest speed)."""
    WEAKER = auto()
    """더 약하게, 약하게 한 단계: a step down in fan speed."""


class DayPart(Enum):
    """The part of the day said with a clock time; it decides what a 1-12 hour means."""

    MORNING = auto()
    """오전, 아침, 새벽, am: 12 is midnight."""
    AFTERNOON = auto()
    """오후, pm: 12 is noon."""
    DAYTIME = auto()
    """낮: 12 is noon, 1-6 the afternoon, 7-11 the morning."""
    EVENING = auto()
    """저녁, in the evening: 12 is midnight, other hours the afternoon or evening."""
    NIGHT = auto()
    """밤, at night: 12 is midnight, 1-5 the small hours, 6-11 the evening."""


def clock_time(
    hour: int, minute: int, part: DayPart | None, days_ahead: int, weekday: int | None = None
) -> ClockTime | None:
    """Return the time of day said, or None when the hour or minute cannot be one ("25시", "13 pm")."""
    if not 0 <= minute <= 59:
        return None
    if part is None:
        if 1 <= hour <= 12:
            return ClockTime(hour, minute, meridiem_known=False, days_ahead=days_ahead, weekday=weekday)
        if hour == 24 and minute == 0:
            hour = 0
        return ClockTime(hour, minute, days_ahead=days_ahead, weekday=weekday) if 0 <= hour <= 23 else None
    if not 1 <= hour <= 12:
        return None
    match part:
        case DayPart.MORNING:
            hour %= 12
        case DayPart.AFTERNOON:
            hour = hour % 12 + 12
        case DayPart.DAYTIME:
            hour = hour + 12 if hour <= 6 else hour
        case DayPart.EVENING:
            hour = 0 if hour == 12 else hour + 12
        case DayPart.NIGHT:
            hour = 0 if hour == 12 else hour if hour <= 5 else hour + 12
    return ClockTime(hour, minute, days_ahead=days_ahead, weekday=weekday)


TIME_UNITS = {Unit.SECONDS: 1, Unit.MINUTES: 60, Unit.HOURS: 3600, Unit.DAYS: 86400}
_TEMPERATURE_UNITS = {Unit.DEGREES, Unit.CELSIUS, Unit.FAHRENHEIT}
_HUMIDITY_DEVICES = {DeviceType.DEHUMIDIFIER, DeviceType.HUMIDIFIER}
# Words that say what a relative change changes; without one the change is implied ("더 올려").
_CHANGED_PROPS = {Prop.TEMPERATURE, Prop.HUMIDITY, Prop.FAN, Prop.VOLUME, Prop.CHANNEL}
_NAMING_UNITS = _TEMPERATURE_UNITS | {Unit.PERCENT}
_CANCELLING_VERBS = {Verb.STOP, Verb.OFF, Verb.CANCEL}
# Adverbs that are a relative change by themselves ("조금 더 시원하게", "바람 더 약하게").
_DIRECTIONS = {
    Modifier.WARMER: Direction.UP,
    Modifier.COOLER: Direction.DOWN,
    Modifier.STRONGER: Direction.UP,
    Modifier.WEAKER: Direction.DOWN,
}
_FAN_STEPS = {Modifier.STRONGER, Modifier.WEAKER}


@dataclass(slots=True)
class Clause:
    """What a grammar found in one clause."""

    verb: Verb | None = None
    question: QuestionIntent | None = None
    quantity: Quantity | None = None
    delay: timedelta | None = None
    at: ClockTime | None = None
    bad_time: bool = False
    """A clock time was said that is not one ("25시에", "at 13 pm")."""
    refusal: Reason | None = None
    """Why the clause must not be acted on although parts of it were read: a negation, a time or
    words the grammar could not place."""
    destination: bool = False
    """The number is where to go, not how far ("25도로 올려", "lower it to 22"): a relative verb
    then sets it."""
    mode: Mode | None = None
    fan_speed: FanSpeed | None = None
    app: App | None = None
    mute: bool | None = None
    props: set[Prop] = field(default_factory=set)
    modifiers: set[Modifier] = field(default_factory=set)
    targets: list[TargetPhrase] = field(default_factory=list)

    @property
    def has_value(self) -> bool:
        """Whether the clause carries a setting even without a verb ("에어컨 23도로")."""
        return (
            self.quantity is not None
            or self.mode is not None
            or self.fan_speed is not None
            or self.app is not None
            or self.mute is not None
        )

    def add_quantity(self, quantity: Quantity) -> None:
        """Keep a time span as the delay and the first other number as the value."""
        if quantity.unit in TIME_UNITS:
            seconds = quantity.amount * TIME_UNITS[quantity.unit]
            self.delay = (self.delay or timedelta()) + timedelta(seconds=seconds)
        elif self.quantity is None:
            self.quantity = quantity

    def set_clock(self, at: ClockTime | None) -> None:
        """Keep a clock time, or remember that the one said was not a time of day."""
        self.at = at
        self.bad_time = at is None

    def borrow_time(self, other: Clause) -> None:
        """Take the time of a clause that only said when ("오후 7시에, 에어컨 꺼줘")."""
        if self.delay is None and self.at is None and not self.bad_time:
            self.delay, self.at, self.bad_time = other.delay, other.at, other.bad_time


def build(clauses: list[Clause]) -> list[Action] | Reason:
    """Turn the clauses of a sentence into actions, in spoken order.

    A clause without a verb or value lends its targets to the next one ("세탁기, 건조기 꺼줘");
    a clause without targets reuses the previous clause's ("에어컨 켜고 23도로 맞춰줘").
    """
    # A refusal counts once the sentence asks for something: "오늘 날씨 어때" is not ours at all.
    acts = any(clause.verb is not None or clause.has_value for clause in clauses)
    for clause in clauses:
        if clause.refusal is Reason.NEGATION or (acts and clause.refusal is not None):
            return clause.refusal
    actions: list[Action] = []
    carried: list[TargetPhrase] = []
    previous: list[TargetPhrase] = []
    for index, clause in enumerate(clauses):
        last = index == len(clauses) - 1
        if clause.verb is None and clause.question is None and not clause.has_value and not last:
            carried.extend(clause.targets)
            clauses[index + 1].borrow_time(clause)
            continue
        targets = carried + clause.targets or previous
        carried = []
        previous = targets
        spoken: list[TargetPhrase | None] = [*targets]
        built = _build_clause(clause, spoken or [None])
        if isinstance(built, Reason):
            return built
        actions.extend(built)
    return actions


def _build_clause(clause: Clause, targets: list[TargetPhrase | None]) -> list[Action] | Reason:
    if clause.question is not None:
        return [Question(clause.question, target) for target in targets]
    if clause.bad_time or (clause.at is not None and clause.delay is not None):
        return Reason.MISSING_VALUE
    if _number_without_role(clause):
        return Reason.UNPLACED
    decided = _decide(clause, targets[0])
    if isinstance(decided, Reason):
        return decided
    implied = _implied(clause)
    return [
        Command(intent, target, value, direction, clause.delay, clause.at, direction is not None and implied)
        for target in targets
        for intent, value, direction in decided
    ]


type _Decision = tuple[Intent, Quantity | Mode | FanSpeed | App | bool | None, Direction | None]


def _decide(clause: Clause, target: TargetPhrase | None) -> list[_Decision] | Reason:
    verb = clause.verb
    if verb is None:
        # "조금 더 시원하게", "바람 더 약하게": these adverbs are a relative setting even without a verb.
        if not clause.has_value and not clause.modifiers & _DIRECTIONS.keys():
            return Reason.NO_INTENT
        verb = Verb.SET
    timed = clause.delay is not None or clause.at is not None
    if Prop.SCHEDULE in clause.props and verb in _CANCELLING_VERBS and not timed:
        return [(Intent.CANCEL_SCHEDULE, None, None)]
    if tv := _tv_decision(clause, verb):
        return [tv]
    if Prop.EXPRESS_FREEZE in clause.props and verb not in {Verb.UP, Verb.DOWN, Verb.OPEN, Verb.CLOSE}:
        return [(Intent.EXPRESS_FREEZE, verb not in {Verb.OFF, Verb.STOP, Verb.PAUSE}, None)]
    match verb:
        case Verb.ON:
            return [(Intent.TURN_ON, None, None), *_settings(clause, target)]
        case Verb.OFF:
            return [(Intent.TURN_OFF, None, None)]
        case Verb.START:
            if Modifier.AGAIN in clause.modifiers:
                return [(Intent.RESUME, None, None)]
            return _settings(clause, target) or [(Intent.START, None, None)]
        case Verb.STOP:
            return [(Intent.PAUSE if Modifier.BRIEFLY in clause.modifiers else Intent.STOP, None, None)]
        case Verb.PAUSE:
            return [(Intent.PAUSE, None, None)]
        case Verb.RESUME:
            return [(Intent.RESUME, None, None)]
        case Verb.RETURN:
            return [(Intent.RETURN_TO_BASE, None, None)]
        case Verb.OPEN:
            return [(Intent.OPEN_DOOR, None, None)]
        case Verb.CLOSE:
            return [(Intent.CLOSE_DOOR, None, None)]
        case Verb.CANCEL:
            return Reason.NO_INTENT
        case Verb.UP | Verb.DOWN:
            return [_relative(clause, target, Direction.UP if verb is Verb.UP else Direction.DOWN)]
        case Verb.SET:
            for modifier, direction in _DIRECTIONS.items():
                if modifier in clause.modifiers:
                    return [_relative(clause, target, direction)]
            return _settings(clause, target) or Reason.MISSING_VALUE


def _number_without_role(clause: Clause) -> bool:
    """Return whether a bare number has nothing to set ("세탁기 3 돌려줘", "start the washer 3")."""
    quantity = clause.quantity
    if quantity is None or quantity.unit is not None or clause.destination:
        return False
    if clause.props & _CHANGED_PROPS:
        return False
    return clause.verb not in {None, Verb.SET, Verb.UP, Verb.DOWN}


def _tv_decision(clause: Clause, verb: Verb) -> _Decision | None:
    """Decide the TV commands that are not numbers: an app, mute, and sound on/off."""
    if clause.app is not None and verb in {Verb.ON, Verb.START, Verb.SET, Verb.OPEN}:
        return (Intent.LAUNCH_APP, clause.app, None)
    if clause.mute is not None:
        # "음소거 꺼줘" and "음소거 해제" turn muting off.
        return (Intent.MUTE, clause.mute != (verb in {Verb.OFF, Verb.CANCEL}), None)
    if Prop.VOLUME in clause.props and verb in {Verb.ON, Verb.OFF} and clause.quantity is None:
        # "소리 꺼줘" mutes; "소리 켜줘" brings the sound back.
        return (Intent.MUTE, verb is Verb.OFF, None)
    return None


def _settings(clause: Clause, target: TargetPhrase | None) -> list[_Decision]:
    """Return the SET_* decisions for the values in the clause (mode, fan speed, number)."""
    decisions: list[_Decision] = []
    if clause.mode is not None:
        decisions.append((Intent.SET_MODE, clause.mode, None))
    if clause.fan_speed is not None:
        decisions.append((Intent.SET_FAN_SPEED, clause.fan_speed, None))
    if clause.quantity is not None:
        decisions.append((_number_intent(clause, target), clause.quantity, None))
    return decisions


def _relative(clause: Clause, target: TargetPhrase | None, direction: Direction) -> _Decision:
    if clause.destination and clause.quantity is not None:
        # "25도로 올려", "lower it to 22": the number is the new setting.
        decided = _relative(replace(clause, destination=False), target, direction)
        return (decided[0], clause.quantity, None)
    if (Prop.FAN in clause.props or clause.modifiers & _FAN_STEPS) and clause.quantity is None:
        return (Intent.SET_FAN_SPEED, None, direction)
    if _implied(clause) and target is not None and target.device_type is DeviceType.TV:
        # "TV 올려줘": what goes up on a TV is its sound.
        return (Intent.SET_VOLUME, clause.quantity, direction)
    return (_number_intent(clause, target), clause.quantity, direction)


def _implied(clause: Clause) -> bool:
    """Whether the clause leaves out what to change ("더 올려", "turn it up").

    A property word, a degree or percent unit, or warmer/cooler or stronger/weaker all say it.
    """
    unit = clause.quantity.unit if clause.quantity is not None else None
    return not (
        clause.props & _CHANGED_PROPS or unit in _NAMING_UNITS or clause.modifiers & _DIRECTIONS.keys()
    )


def _number_intent(clause: Clause, target: TargetPhrase | None) -> Intent:
    """Decide what a number sets.

    Volume and channel go by their word; temperature or humidity by unit, then property, then device.
    """
    if Prop.VOLUME in clause.props:
        return Intent.SET_VOLUME
    if Prop.CHANNEL in clause.props:
        return Intent.SET_CHANNEL
    unit = clause.quantity.unit if clause.quantity is not None else None
    if unit is None and Prop.FAN in clause.props and Prop.TEMPERATURE not in clause.props:
        # "바람 세기 2로", "fan speed 2": a numbered speed, never a temperature.
        return Intent.SET_FAN_SPEED
    if unit is Unit.PERCENT or (unit not in _TEMPERATURE_UNITS and Prop.HUMIDITY in clause.props):
        return Intent.SET_HUMIDITY
    if unit is None and Prop.TEMPERATURE not in clause.props and target is not None:
        if target.device_type in _HUMIDITY_DEVICES:
            return Intent.SET_HUMIDITY
    return Intent.SET_TEMPERATURE
