"""The parse result: what a sentence asks for, before any Home Assistant entity is involved."""

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from .korean import PARTICLES


class Language(StrEnum):
    """The grammar that read the sentence."""

    KO = "ko"
    EN = "en"


class Intent(StrEnum):
    """What a command asks an appliance to do."""

    TURN_ON = "turn_on"
    TURN_OFF = "turn_off"
    START = "start"
    PAUSE = "pause"
    RESUME = "resume"
    STOP = "stop"
    RETURN_TO_BASE = "return_to_base"
    SET_TEMPERATURE = "set_temperature"
    SET_MODE = "set_mode"
    SET_FAN_SPEED = "set_fan_speed"
    SET_HUMIDITY = "set_humidity"
    EXPRESS_FREEZE = "express_freeze"
    OPEN_DOOR = "open_door"
    CLOSE_DOOR = "close_door"
    SET_VOLUME = "set_volume"
    MUTE = "mute"
    LAUNCH_APP = "launch_app"
    SET_CHANNEL = "set_channel"
    CANCEL_SCHEDULE = "cancel_schedule"
    """Cancel what is set for later on the target ("세탁기 예약 취소해줘", "cancel the AC timer")."""
    NOTIFY = "notify"
    """Tell the user; only with ``Command.when`` ("빨래 끝나면 알려줘"): nothing is done to an appliance."""


class ApplianceEvent(StrEnum):
    """Something an appliance reports that a when-then command waits for."""

    FINISHED = "finished"
    STARTED = "started"
    PAUSED = "paused"
    ERROR = "error"
    PREHEATED = "preheated"
    DOOR_OPEN = "door_open"


class QuestionIntent(StrEnum):
    """What a question asks about."""

    STATE = "state"
    REMAINING_TIME = "remaining_time"
    CURRENT_TEMPERATURE = "current_temperature"
    TARGET_TEMPERATURE = "target_temperature"
    CURRENT_HUMIDITY = "current_humidity"
    DOOR = "door"
    AIR_QUALITY = "air_quality"
    WHAT_IS_RUNNING = "what_is_running"
    CAPABILITIES = "capabilities"
    """What can I say to this appliance?"""
    SCHEDULES = "schedules"
    """What is set for later ("예약된 거 뭐 있어?", "what's scheduled?"); target None = whole home."""
    BATTERY = "battery"
    """"로봇청소기 배터리 얼마야?", "how much battery does the vacuum have?"."""
    MODE = "mode"
    """The current mode: "에어컨 지금 무슨 모드야?", "what mode is the ac in?"."""
    FILTER = "filter"
    """What is left of the filter's life: "공기청정기 필터 얼마나 남았어?"."""


class DeviceType(StrEnum):
    """Appliance kind named in a target phrase.

    Values are ThinQ Connect ``deviceType`` names without ``DEVICE_``, lower-cased, so
    ``DeviceType(info.device_type.removeprefix("DEVICE_").lower())`` works; ``tv`` is the only
    member that is not a ThinQ Connect type (LG TVs come through webOS).
    """

    AIR_CONDITIONER = "air_conditioner"
    REFRIGERATOR = "refrigerator"
    KIMCHI_REFRIGERATOR = "kimchi_refrigerator"
    WASHER = "washer"
    DRYER = "dryer"
    DISH_WASHER = "dish_washer"
    AIR_PURIFIER = "air_purifier"
    ROBOT_CLEANER = "robot_cleaner"
    OVEN = "oven"
    STYLER = "styler"
    DEHUMIDIFIER = "dehumidifier"
    HUMIDIFIER = "humidifier"
    WATER_PURIFIER = "water_purifier"
    MICROWAVE_OVEN = "microwave_oven"
    COOKTOP = "cooktop"
    HOOD = "hood"
    WINE_CELLAR = "wine_cellar"
    CEILING_FAN = "ceiling_fan"
    WATER_HEATER = "water_heater"
    SYSTEM_BOILER = "system_boiler"
    TV = "tv"


class Location(StrEnum):
    """Part of a multi-part appliance; values are ThinQ Connect ``locationName`` values."""

    FRIDGE = "FRIDGE"
    FREEZER = "FREEZER"
    UPPER = "UPPER"
    LOWER = "LOWER"
    TOP = "TOP"
    MIDDLE = "MIDDLE"
    BOTTOM = "BOTTOM"


class Unit(StrEnum):
    """Unit of a spoken number."""

    DEGREES = "°"
    """Degrees without a scale ("23도", "23 degrees"): the device's own unit."""
    CELSIUS = "°C"
    FAHRENHEIT = "°F"
    PERCENT = "%"
    SECONDS = "s"
    MINUTES = "min"
    HOURS = "h"
    DAYS = "d"


class Mode(StrEnum):
    """Canonical operating-mode tokens; the agent maps them onto a profile's enum values."""

    COOL = "cool"
    HEAT = "heat"
    DRY = "dry"
    FAN = "fan"
    AUTO = "auto"
    AIR_CLEAN = "air_clean"
    SLEEP = "sleep"
    TURBO = "turbo"
    SILENT = "silent"


class FanSpeed(StrEnum):
    """Canonical fan-speed tokens (LG ``windStrength`` LOW/MID/HIGH/AUTO)."""

    LOW = "low"
    MID = "mid"
    HIGH = "high"
    AUTO = "auto"


class App(StrEnum):
    """A TV app named in a command ("유튜브 틀어줘", "put on netflix")."""

    YOUTUBE = "youtube"
    NETFLIX = "netflix"
    DISNEY_PLUS = "disney_plus"
    TVING = "tving"
    WAVVE = "wavve"
    COUPANG_PLAY = "coupang_play"
    WATCHA = "watcha"
    PRIME_VIDEO = "prime_video"


class Direction(StrEnum):
    """Direction of a relative change ("2도 올려줘", "turn it down")."""

    UP = "up"
    DOWN = "down"


class Reason(StrEnum):
    """Why a sentence was not understood."""

    EMPTY = "empty"
    """Nothing but whitespace, a wake word or softeners."""
    TOO_LONG = "too_long"
    """Longer than any spoken command (see ``MAX_LENGTH``)."""
    NO_WORDS = "no_words"
    """No letters or digits at all (emoji, punctuation)."""
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    """The language hint is not Korean or English, or the text is in another script."""
    NO_INTENT = "no_intent"
    """No command or question was recognised."""
    MISSING_VALUE = "missing_value"
    """A setting verb without a usable value ("에어컨 맞춰줘")."""
    CONDITION = "condition"
    """A condition ("-면", "when", "if", "until") that could not be read: nothing may run now."""
    NEGATION = "negation"
    """A negated request ("켜지 마", "don't start"): the sentence says what not to do."""
    TIME_UNREADABLE = "time_unreadable"
    """A time word that could not be placed ("다음 달에", "내일" without a clock time)."""
    TIME_TOO_FAR = "time_too_far"
    """A time beyond what can be scheduled ("열흘 뒤에", "in two weeks")."""
    UNPLACED = "unplaced"
    """Words the grammar could not place: a number without a role, an unknown unit."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """A spoken number and its unit; the amount is not range-checked."""

    amount: float
    unit: Unit | None = None


type Value = Quantity | Mode | FanSpeed | App | bool
"""A command's value: a number, a mode, fan-speed or app token, or on/off (express freeze, mute)."""


@dataclass(frozen=True, slots=True)
class ClockTime:
    """A time of day said in a command ("오후 7시에", "at 7:30 pm").

    Attributes:
        hour: 0-23 when the half of the day is known ("오후 7시" → 19, "at 19:30" → 19,
            "at noon" → 12); 1-12 as said when it is not ("7시에", "at 7"): the agent then
            picks the next 7 o'clock, morning or evening.
        minute: 0-59 ("7시 반" → 30).
        meridiem_known: Whether ``hour`` is on the 24-hour clock.
        days_ahead: 1 for "내일" / "tomorrow", 2 for "모레", ...; else 0 (the next such time from now).
        weekday: 0 (Monday) to 6 when a day of the week was said ("금요일 저녁 7시에", "on friday
            at 7 pm"): the next such day, today included while the time is still ahead.
    """

    hour: int
    minute: int = 0
    meridiem_known: bool = True
    days_ahead: int = 0
    weekday: int | None = None


@dataclass(frozen=True, slots=True)
class TargetPhrase:
    """The words naming what a command or question is about.

    Attributes:
        text: The name words with particles, softeners, location words (냉동실, freezer)
            and property words (온도, temperature, 문, door) removed, e.g. "거실 에어컨",
            "living room ac". It keeps the area word: the resolver can match it as an alias.
            Empty when only a location, a pronoun or an activity was said.
        key: ``text`` lower-cased without whitespace: "거실에어컨", "livingroomac".
        raw_key: Like ``key`` but before particles were stripped. Match it first: a name can end
            in a particle-like syllable (a device called "포도" must not become "포").
        device_type: Appliance kind named in the phrase (에어컨, fridge, 빨래 → washer).
        location: Part of the appliance (냉동실 → FREEZER, upper oven → UPPER).
        area: The area word as said (거실, "living room"), if any.
        pronoun: The phrase was a pronoun (그거, it): the agent resolves it from context.
        every: A quantifier (다, 모두, 전부, all, every, both) asks for every appliance the
            phrase fits, not one of them.
        unplaced: Words of the phrase that are no appliance kind, area, location or pronoun
            ("트롬", "다음"), lower-case without spaces: a name the user gave, which the agent
            finds in the appliance's names, or words nobody can place: then nothing is done.
    """

    text: str
    key: str
    raw_key: str
    device_type: DeviceType | None = None
    location: Location | None = None
    area: str | None = None
    pronoun: bool = False
    every: bool = False
    unplaced: tuple[str, ...] = ()

    def matches(self, name: str) -> bool:
        """Return whether a device name or alias is what was said.

        Exact forms first (``raw_key``, then ``key``); then the name followed by one particle,
        so a device called "포도" matches "포도도 켜줘" although ``key`` became "포".
        """
        candidate = "".join(name.lower().split())
        if not candidate:
            return False
        if candidate in {self.raw_key, self.key}:
            return True
        return self.raw_key.startswith(candidate) and self.raw_key[len(candidate) :] in PARTICLES


@dataclass(frozen=True, slots=True)
class WhenEvent:
    """The condition of a when-then command: "세탁 끝나면", "when the washer finishes".

    Attributes:
        target: The appliance whose event is awaited.
        event: What it must report.
    """

    target: TargetPhrase
    event: ApplianceEvent


@dataclass(frozen=True, slots=True)
class Command:
    """One action in a sentence.

    Attributes:
        intent: What to do.
        target: What to do it to; None when the sentence names nothing ("켜줘", "2도 올려줘"):
            the agent uses the conversation's context (the satellite's area, the last device).
        value: The setting for ``SET_*`` intents; on/off for ``EXPRESS_FREEZE`` and ``MUTE`` (True
            mutes); the `App` for ``LAUNCH_APP``. For a relative
            change it is the step size, possibly None ("온도 올려줘": the agent picks a step).
        direction: Set for relative changes ("2도 올려줘" → UP with 2°); None for absolute ones.
        delay: Do it after this long ("2시간 뒤에 돌려줘", "turn it off in 40 minutes").
        at: Do it at this time of day ("오후 7시에 꺼줘", "at 7 pm"); never set with ``delay``.
        implied: A relative change said without what to change ("더 올려", "turn it up"): the
            ``intent`` is the parser's guess (temperature; volume for a TV) and the agent may
            take the property of the conversation's last change instead (fan speed after
            "바람 세게 해줘").
        when: Do it when an appliance reports an event ("세탁 끝나면 건조기 돌려줘"), never at
            once. ``NOTIFY`` commands always have it and no ``target``.
    """

    intent: Intent
    target: TargetPhrase | None = None
    value: Value | None = None
    direction: Direction | None = None
    delay: timedelta | None = None
    at: ClockTime | None = None
    implied: bool = False
    when: WhenEvent | None = None

    @property
    def later(self) -> bool:
        """Whether the command is for later, not now."""
        return self.delay is not None or self.at is not None

    @property
    def relative(self) -> bool:
        """Whether the value is a change from the current setting rather than a new setting."""
        return self.direction is not None

    @property
    def delta(self) -> float | None:
        """The signed numeric change of a relative command, if a number was said."""
        if self.direction is None or not isinstance(self.value, Quantity):
            return None
        return self.value.amount if self.direction is Direction.UP else -self.value.amount


@dataclass(frozen=True, slots=True)
class Question:
    """One question in a sentence; ``target`` is None for "what is running?" or "공기 어때?"."""

    intent: QuestionIntent
    target: TargetPhrase | None = None


type Action = Command | Question


@dataclass(frozen=True, slots=True)
class Utterance:
    """An understood sentence: one or more commands and questions, in spoken order."""

    text: str
    language: Language
    parts: tuple[Action, ...]


@dataclass(frozen=True, slots=True)
class NotUnderstood:
    """A sentence the parser could not read; ``language`` is None when it is neither KO nor EN."""

    text: str
    language: Language | None
    reason: Reason


type ParseResult = Utterance | NotUnderstood

DECLINED = frozenset(
    {Reason.CONDITION, Reason.NEGATION, Reason.TIME_UNREADABLE, Reason.TIME_TOO_FAR, Reason.UNPLACED}
)
"""Reasons that were understood well enough to be told back: never handed to another agent,
which could act on the part it does understand."""
