"""A generated corpus: intents × appliances × values × particles × endings × fillers × orders.

Every sentence comes with what it must do, so precision (wrong actions) and recall (sentences
understood) are measured apart, per class and per language. A sentence acts when its parse has
a command for now whose target has no unplaced words (the agent refuses those); it must act
exactly as expected, and a must-not-act sentence (`Case.expected` None) must not act at all.
The lists are ours, written for this generator; `cases()` is deterministic.
"""

from collections.abc import Iterator
from dataclasses import dataclass
import random

from custom_components.thinq_voice.voice import (
    ApplianceEvent,
    ClockTime,
    Command,
    DeviceType,
    Direction,
    FanSpeed,
    Intent,
    Mode,
    NotUnderstood,
    ParseResult,
    Quantity,
    Question,
    QuestionIntent,
    TargetPhrase,
    Unit,
)
from custom_components.thinq_voice.voice.korean import josa

_D = DeviceType
_I = Intent
_E = ApplianceEvent

# What a command does, compared field by field: (intent, kind, area, value, direction, delay,
# clock time, (kind, event) of a condition).
type Expected = tuple[object, ...]


@dataclass(frozen=True, slots=True)
class Case:
    """One generated sentence; `expected` None means it must not act."""

    text: str
    language: str
    kind: str
    expected: tuple[Expected, ...] | None


def expect(
    intent: Intent,
    device: DeviceType | None,
    area: str | None = None,
    value: object = None,
    direction: Direction | None = None,
    delay: float | None = None,
    at: ClockTime | None = None,
    when: tuple[DeviceType | None, ApplianceEvent] | None = None,
) -> Expected:
    """Return the expected summary of one command (delay in seconds)."""
    return (intent, device, area, value, direction, delay, at, when)


def summarize(command: Command) -> Expected:
    """Reduce a parsed command to the fields `expect` names."""
    target = command.target
    when = command.when
    return expect(
        command.intent,
        target.device_type if target else None,
        target.area if target else None,
        command.value,
        command.direction,
        command.delay.total_seconds() if command.delay is not None else None,
        command.at,
        (when.target.device_type, when.event) if when else None,
    )


def acts(result: ParseResult) -> tuple[Expected, ...] | None:
    """Return what a parse makes the agent do, or None when it does nothing (refusal, question, later…).

    A condition ("when") is a command too: it is kept for later, so it must be the right one.
    """
    if isinstance(result, NotUnderstood):
        return None
    if all(isinstance(part, Question) for part in result.parts):
        return tuple(
            ask(part.intent, *_said(part.target)) for part in result.parts if isinstance(part, Question)
        )
    commands = [part for part in result.parts if isinstance(part, Command)]
    if not commands or any(_unknown_name(command) for command in commands):
        return None
    return tuple(summarize(command) for command in commands)


def ask(intent: QuestionIntent, device: DeviceType | None = None, area: str | None = None) -> Expected:
    """Return the expected summary of a question: it is answered, nothing is done."""
    return ("?", intent, device, area)


def _said(target: TargetPhrase | None) -> tuple[DeviceType | None, str | None]:
    return (target.device_type, target.area) if target else (None, None)


def _unknown_name(command: Command) -> bool:
    """Return whether a command names something by words no appliance here has (the agent refuses)."""
    return any(
        phrase is not None and phrase.unplaced
        for phrase in (command.target, command.when and command.when.target)
    )


def _deg(amount: float) -> Quantity:
    return Quantity(float(amount), Unit.DEGREES)


# (spoken name, kind, area) — Korean.
KO_DEVICES = (
    ("에어컨", _D.AIR_CONDITIONER, None),
    ("거실 에어컨", _D.AIR_CONDITIONER, "거실"),
    ("안방 에어컨", _D.AIR_CONDITIONER, "안방"),
    ("세탁기", _D.WASHER, None),
    ("건조기", _D.DRYER, None),
    ("식기세척기", _D.DISH_WASHER, None),
    ("식세기", _D.DISH_WASHER, None),
    ("공기청정기", _D.AIR_PURIFIER, None),
    ("로봇청소기", _D.ROBOT_CLEANER, None),
    ("스타일러", _D.STYLER, None),
    ("제습기", _D.DEHUMIDIFIER, None),
    ("가습기", _D.HUMIDIFIER, None),
    ("티비", _D.TV, None),
    ("tv", _D.TV, None),
)
_KO_RUNNERS = [
    device for device in KO_DEVICES if device[1] in {_D.WASHER, _D.DRYER, _D.DISH_WASHER, _D.STYLER}
]
_KO_POWERED = [device for device in KO_DEVICES if device[1] not in {_D.WASHER, _D.DRYER, _D.DISH_WASHER}]
_KO_ACS = [device for device in KO_DEVICES if device[1] is _D.AIR_CONDITIONER]

# Politeness levels and endings after the 어/아 form of a verb ("켜" + ending).
KO_ENDINGS = (
    "",
    "줘",
    " 줘",
    "줘요",
    "주세요",
    " 주세요",
    "줄래?",
    "줄래요?",
    " 줄 수 있어?",
    " 주시겠어요?",
    "도 돼",
    "요",
)
KO_FILLERS = ("", "어 ", "저기 ", "아 맞다 ", "그 뭐냐 ", "지니야 ", "음 ", "저기요 ")
KO_SOFTENERS = ("", " 좀")


def _ko_target(name: str, rng: random.Random) -> str:
    """Say an appliance name with one of the ways it is followed: nothing, 을/를, 좀."""
    return rng.choice((name, josa(name, "을/를"), f"{name} 좀", josa(name, "은/는")))


def _ko_power(rng: random.Random) -> Iterator[Case]:
    for name, kind, area in _KO_POWERED:
        for ending in KO_ENDINGS:
            for stem, intent in (("켜", _I.TURN_ON), ("꺼", _I.TURN_OFF)):
                text = f"{rng.choice(KO_FILLERS)}{_ko_target(name, rng)} {stem}{ending}"
                yield Case(text, "ko", "power", (expect(intent, kind, area),))


def _ko_run(rng: random.Random) -> Iterator[Case]:
    verbs = (
        ("돌려", _I.START),
        ("시작해", _I.START),
        ("작동시켜", _I.START),
        ("멈춰", _I.STOP),
        ("정지해", _I.STOP),
        ("일시정지해", _I.PAUSE),
        ("다시 시작해", _I.RESUME),
        ("이어서 해", _I.RESUME),
    )
    for name, kind, area in _KO_RUNNERS:
        for verb, intent in verbs:
            for ending in KO_ENDINGS:
                text = f"{rng.choice(KO_FILLERS)}{_ko_target(name, rng)} {verb}{ending}"
                yield Case(text, "ko", "run", (expect(intent, kind, area),))
    # Code-switching: the appliance or the verb in English.
    for english, kind in (("washer", _D.WASHER), ("dryer", _D.DRYER), ("dishwasher", _D.DISH_WASHER)):
        for verb in ("돌려", "돌려줘", "시작해줘", "start 해줘"):
            yield Case(
                f"{english}{rng.choice(KO_SOFTENERS)} {verb}",
                "ko",
                "code_switching",
                (expect(_I.START, kind),),
            )


def _ko_temperature(rng: random.Random) -> Iterator[Case]:
    """Destination (particle 로) against amount (no particle), set and relative."""
    ups = (("올려", Direction.UP), ("높여", Direction.UP), ("내려", Direction.DOWN), ("낮춰", Direction.DOWN))
    for name, kind, area in _KO_ACS:
        for degrees in range(18, 31):
            prop = rng.choice(("", "온도 ", "온도를 ", "설정 온도 "))
            for verb in ("맞춰", "설정해", "해", "바꿔"):
                ending = rng.choice(KO_ENDINGS[1:])
                text = f"{rng.choice(KO_FILLERS)}{name} {prop}{degrees}도로 {verb}{ending}"
                yield Case(
                    text, "ko", "temperature_set", (expect(_I.SET_TEMPERATURE, kind, area, _deg(degrees)),)
                )
            verb, _ = rng.choice(ups)
            text = f"{name} {prop}{degrees}도로 {verb}{rng.choice(KO_ENDINGS[1:])}"
            yield Case(text, "ko", "destination", (expect(_I.SET_TEMPERATURE, kind, area, _deg(degrees)),))
        for step in (1, 2, 3):
            for verb, direction in ups:
                prop = rng.choice(("", "온도 ", "온도를 "))
                text = f"{rng.choice(KO_FILLERS)}{name} {prop}{step}도 {verb}{rng.choice(KO_ENDINGS[1:])}"
                yield Case(
                    text, "ko", "amount", (expect(_I.SET_TEMPERATURE, kind, area, _deg(step), direction),)
                )
                text = f"{name} {prop}{step}도만 {verb}{rng.choice(KO_ENDINGS[1:])}"
                yield Case(
                    text, "ko", "amount", (expect(_I.SET_TEMPERATURE, kind, area, _deg(step), direction),)
                )


def _ko_volume_humidity_fan(rng: random.Random) -> Iterator[Case]:
    for level in (5, 10, 15, 20, 30):
        word = rng.choice(("볼륨", "소리", "음량"))
        particle = "으로" if str(level)[-1] in "0136789" else "로"
        for verb in ("맞춰", "줄여", "키워"):
            text = f"티비 {word} {level}{particle} {verb}{rng.choice(KO_ENDINGS[1:])}"
            yield Case(text, "ko", "destination", (expect(_I.SET_VOLUME, _D.TV, None, Quantity(level)),))
    for step in (1, 2, 3, 5):
        for verb, direction in (
            ("올려", Direction.UP),
            ("키워", Direction.UP),
            ("줄여", Direction.DOWN),
            ("내려", Direction.DOWN),
        ):
            text = f"tv 볼륨 {step} {verb}{rng.choice(KO_ENDINGS[1:])}"
            yield Case(text, "ko", "amount", (expect(_I.SET_VOLUME, _D.TV, None, Quantity(step), direction),))
    yield Case(
        "TV 볼륨 up", "ko", "code_switching", (expect(_I.SET_VOLUME, _D.TV, None, None, Direction.UP),)
    )
    yield Case(
        "TV 볼륨 down 해줘",
        "ko",
        "code_switching",
        (expect(_I.SET_VOLUME, _D.TV, None, None, Direction.DOWN),),
    )
    for percent in (40, 45, 50, 55, 60):
        for said in (f"{percent}%로", f"{percent}퍼센트로", f"{percent}프로로"):
            text = f"제습기 습도 {said} 맞춰{rng.choice(KO_ENDINGS[1:])}"
            yield Case(
                text,
                "ko",
                "humidity",
                (expect(_I.SET_HUMIDITY, _D.DEHUMIDIFIER, None, Quantity(percent, Unit.PERCENT)),),
            )
    speeds = (
        ("약풍으로", FanSpeed.LOW),
        ("약하게", FanSpeed.LOW),
        ("중간으로", FanSpeed.MID),
        ("강풍으로", FanSpeed.HIGH),
        ("세게", FanSpeed.HIGH),
        ("자동으로", FanSpeed.AUTO),
    )
    for name, kind, area in (*_KO_ACS, ("공기청정기", _D.AIR_PURIFIER, None)):
        for said, speed in speeds:
            word = rng.choice(("바람", "바람 세기", "풍량", "바람을"))
            text = f"{rng.choice(KO_FILLERS)}{name} {word} {said} 해{rng.choice(KO_ENDINGS[1:])}"
            yield Case(text, "ko", "fan", (expect(_I.SET_FAN_SPEED, kind, area, speed),))
    modes = (
        ("냉방", Mode.COOL),
        ("제습", Mode.DRY),
        ("송풍", Mode.FAN),
        ("자동", Mode.AUTO),
        ("난방", Mode.HEAT),
    )
    for name, kind, area in _KO_ACS:
        for said, mode in modes:
            text = f"{name} {said} 모드로 {rng.choice(('바꿔', '해', '맞춰'))}{rng.choice(KO_ENDINGS[1:])}"
            yield Case(text, "ko", "mode", (expect(_I.SET_MODE, kind, area, mode),))


_KO_PARTS = {"아침": 0, "오전": 0, "저녁": 12, "오후": 12}


def _ko_times(rng: random.Random) -> Iterator[Case]:
    """Delays and clock times at every scale, before or after the appliance."""
    delays = (
        ("10분", 600),
        ("30분", 1800),
        ("한 시간", 3600),
        ("1시간", 3600),
        ("두 시간", 7200),
        ("한 시간 반", 5400),
        ("2시간 반", 9000),
        ("90분", 5400),
        ("이틀", 172800),
        ("사흘", 259200),
        ("나흘", 345600),
        ("3일", 259200),
        ("일주일", 604800),
    )
    for name, kind, area in _KO_RUNNERS:
        for said, seconds in delays:
            after = rng.choice(("뒤에", "후에", "있다가"))
            for order in (f"{said} {after} {name} 돌려", f"{name} {said} {after} 돌려"):
                text = f"{rng.choice(KO_FILLERS)}{order}{rng.choice(KO_ENDINGS[1:])}"
                yield Case(text, "ko", "time", (expect(_I.START, kind, area, delay=seconds),))
    days = (
        ("내일", 1),
        ("모레", 2),
        ("내일모레", 2),
        ("글피", 3),
        ("이틀 뒤", 2),
        ("사흘 후", 3),
        ("오늘", 0),
    )
    for name, kind, area in (*_KO_RUNNERS, *_KO_ACS):
        intent = _I.START if kind is not _D.AIR_CONDITIONER else _I.TURN_ON
        verb = "돌려" if intent is _I.START else "켜"
        for day, ahead in days:
            for part, shift in _KO_PARTS.items():
                hour = rng.randint(1, 11)
                half = rng.choice(("", " 반", " 30분"))
                clock = ClockTime(hour + shift, 30 if half else 0, days_ahead=ahead)
                text = f"{day} {part} {hour}시{half}에 {_ko_target(name, rng)} {verb}{rng.choice(KO_ENDINGS[1:])}"
                yield Case(text, "ko", "time", (expect(intent, kind, area, at=clock),))
        for weekday, day in enumerate("월화수목금토일"):
            hour = rng.randint(1, 11)
            text = f"{day}요일 저녁 {hour}시에 {name} {verb}{rng.choice(KO_ENDINGS[1:])}"
            clock = ClockTime(hour + 12, 0, weekday=weekday)
            yield Case(text, "ko", "time", (expect(intent, kind, area, at=clock),))


def _ko_conditions(rng: random.Random) -> Iterator[Case]:
    subjects = (
        ("세탁", _D.WASHER),
        ("빨래", _D.WASHER),
        ("세탁기", _D.WASHER),
        ("건조기", _D.DRYER),
        ("식세기", _D.DISH_WASHER),
        ("설거지", _D.DISH_WASHER),
    )
    events = (
        ("끝나면", _E.FINISHED),
        ("다 되면", _E.FINISHED),
        ("다 돌면", _E.FINISHED),
        ("끝나고 나서", _E.FINISHED),
        ("끝났을 때", _E.FINISHED),
        ("끝나자마자", _E.FINISHED),
        ("멈추면", _E.PAUSED),
        ("에러 나면", _E.ERROR),
        ("시작하면", _E.STARTED),
    )
    mains = (
        ("알려줘", expect(_I.NOTIFY, None)),
        ("나한테 알려 주세요", expect(_I.NOTIFY, None)),
        ("건조기 돌려줘", expect(_I.START, _D.DRYER)),
        ("에어컨 꺼줘", expect(_I.TURN_OFF, _D.AIR_CONDITIONER)),
        ("스타일러 시작해줘", expect(_I.START, _D.STYLER)),
    )
    for subject, kind in subjects:
        for said, event in events:
            main, expected = rng.choice(mains)
            said_subject = rng.choice((subject, josa(subject, "이/가")))
            text = f"{rng.choice(KO_FILLERS)}{said_subject} {said} {main}"
            when = (kind, event)
            yield Case(text, "ko", "condition", ((*expected[:7], when),))
    yield Case(
        "오븐 예열 다 되면 알려줘",
        "ko",
        "condition",
        (expect(_I.NOTIFY, None, when=(_D.OVEN, _E.PREHEATED)),),
    )
    yield Case(
        "냉장고 문 열리면 알려줘",
        "ko",
        "condition",
        (expect(_I.NOTIFY, None, when=(_D.REFRIGERATOR, _E.DOOR_OPEN)),),
    )


def _ko_corrections(rng: random.Random) -> Iterator[Case]:
    """ "X 말고 Y" acts on Y only; "-지 말고" keeps the appliance."""
    pairs = (
        ("세탁기", "건조기", _D.DRYER),
        ("건조기", "세탁기", _D.WASHER),
        ("식기세척기", "스타일러", _D.STYLER),
    )
    for rejected, meant, kind in pairs:
        for ending in KO_ENDINGS[1:]:
            text = f"{rng.choice(KO_FILLERS)}{rejected} 말고 {meant} 돌려{ending}"
            yield Case(text, "ko", "correction", (expect(_I.START, kind),))
    for name, kind, area in _KO_ACS:
        for rejected, meant in ((25, 24), (20, 22), (27, 26)):
            text = f"{name} {rejected}도 말고 {meant}도로 맞춰{rng.choice(KO_ENDINGS[1:])}"
            yield Case(text, "ko", "correction", (expect(_I.SET_TEMPERATURE, kind, area, _deg(meant)),))
        text = f"{name} 끄지 말고 바람 약하게 해{rng.choice(KO_ENDINGS[1:])}"
        yield Case(text, "ko", "correction", (expect(_I.SET_FAN_SPEED, kind, area, FanSpeed.LOW),))
    yield Case(
        "거실 에어컨 말고 안방 에어컨 꺼줘",
        "ko",
        "correction",
        (expect(_I.TURN_OFF, _D.AIR_CONDITIONER, "안방"),),
    )


def _ko_must_not_act(rng: random.Random) -> Iterator[Case]:
    """Near misses: negations, unreadable or distant times, unknown units, bare numbers, conditions."""
    for name, _kind, _area in KO_DEVICES:
        for verb in (
            "켜지 마",
            "끄지 마세요",
            "돌리지 마",
            "켜지 말아줘",
            "안 켜도 돼",
            "끄지 않아도 돼",
            "켜면 안 돼",
        ):
            yield Case(f"{rng.choice(KO_FILLERS)}{name} {verb}", "ko", "negation", None)
        for when in (
            "다음 달에",
            "내년에",
            "두 달 뒤에",
            "내일",
            "나중에",
            "이따가",
            "저녁에",
            "주말에",
            "다음 주에",
            "매일 아침 7시에",
            "7시까지",
            "한 달 있다가",
        ):
            yield Case(f"{when} {name} 켜줘", "ko", "time_refused", None)
        for value in ("25리터로 맞춰줘", "3 켜줘", "5킬로로 해줘", "12 돌려줘"):
            yield Case(f"{name} {value}", "ko", "unplaced", None)
        yield Case(f"{name} 돌면 에어컨 꺼줘", "ko", "condition_refused", None)
    for first, second in (("세탁기", "건조기"), ("에어컨", "공기청정기"), ("식세기", "스타일러")):
        yield Case(f"{first} {second} 돌려줘", "ko", "unplaced", None)


_Q = QuestionIntent


def _ko_questions(rng: random.Random) -> Iterator[Case]:
    """Questions by appliance, by room or by attribute alone; none of them acts."""
    for name, kind, area in KO_DEVICES:
        said = rng.choice((name, josa(name, "은/는")))
        for form, intent in (
            ("상태 어때?", _Q.STATE),
            ("뭐 하고 있어?", _Q.STATE),
            ("얼마나 남았어?", _Q.REMAINING_TIME),
            ("언제 끝나?", _Q.REMAINING_TIME),
            ("필터 얼마나 남았어?", _Q.FILTER),
            ("지금 무슨 모드야?", _Q.MODE),
        ):
            yield Case(f"{rng.choice(KO_FILLERS)}{said} {form}", "ko", "question", (ask(intent, kind, area),))
    for area in ("거실", "안방", "주방", "아이방"):
        for text, intent in (
            (f"{josa(area, '은/는')} 지금 몇 도야?", _Q.CURRENT_TEMPERATURE),
            (f"{area} 온도 어때?", _Q.CURRENT_TEMPERATURE),
            (f"{area} 공기 어때?", _Q.AIR_QUALITY),
            (f"{area} 습도 어때?", _Q.CURRENT_HUMIDITY),
        ):
            yield Case(text, "ko", "question", (ask(intent, None, area),))
    for text, intent, kind in (
        ("공기 질 괜찮아?", _Q.AIR_QUALITY, None),
        ("미세먼지 어때?", _Q.AIR_QUALITY, None),
        ("배터리 얼마나 남았어?", _Q.BATTERY, None),
        ("로봇청소기 배터리 얼마야?", _Q.BATTERY, _D.ROBOT_CLEANER),
        ("필터 수명 얼마나 남았어?", _Q.FILTER, None),
        ("지금 돌아가는 거 뭐 있어?", _Q.WHAT_IS_RUNNING, None),
    ):
        yield Case(text, "ko", "question", (ask(intent, kind),))


# English ------------------------------------------------------------------------------------------

EN_DEVICES = (
    ("ac", _D.AIR_CONDITIONER, None),
    ("air conditioner", _D.AIR_CONDITIONER, None),
    ("living room ac", _D.AIR_CONDITIONER, "living room"),
    ("bedroom air conditioner", _D.AIR_CONDITIONER, "bedroom"),
    ("washer", _D.WASHER, None),
    ("washing machine", _D.WASHER, None),
    ("dryer", _D.DRYER, None),
    ("dishwasher", _D.DISH_WASHER, None),
    ("air purifier", _D.AIR_PURIFIER, None),
    ("robot vacuum", _D.ROBOT_CLEANER, None),
    ("styler", _D.STYLER, None),
    ("dehumidifier", _D.DEHUMIDIFIER, None),
    ("tv", _D.TV, None),
)
_EN_RUNNERS = [
    device for device in EN_DEVICES if device[1] in {_D.WASHER, _D.DRYER, _D.DISH_WASHER, _D.STYLER}
]
_EN_POWERED = [device for device in EN_DEVICES if device[1] not in {_D.WASHER, _D.DRYER, _D.DISH_WASHER}]
_EN_ACS = [device for device in EN_DEVICES if device[1] is _D.AIR_CONDITIONER]
EN_OPENERS = (
    "",
    "please ",
    "could you ",
    "can you ",
    "would you ",
    "um ",
    "uh could you ",
    "hey ",
    "so ",
    "i need you to ",
    "go ahead and ",
)
EN_CLOSERS = ("", " please", " for me", " now", " thanks")
_EN_DETERMINERS = ("the ", "my ", "")


def _en_sentence(opener: str, verb: str, name: str, particle: str, closer: str, rng: random.Random) -> str:
    """Say "turn on the ac" or "turn the ac on" (phrasal verbs split or not)."""
    noun = f"{rng.choice(_EN_DETERMINERS)}{name}"
    if particle and rng.random() < 0.5:
        return f"{opener}{verb} {noun} {particle}{closer}"
    return f"{opener}{verb}{' ' + particle if particle else ''} {noun}{closer}"


def _en_commands(rng: random.Random) -> Iterator[Case]:
    power = (
        ("turn", "on", _I.TURN_ON),
        ("switch", "on", _I.TURN_ON),
        ("power", "on", _I.TURN_ON),
        ("turn", "off", _I.TURN_OFF),
        ("switch", "off", _I.TURN_OFF),
        ("shut", "off", _I.TURN_OFF),
        ("power", "off", _I.TURN_OFF),
    )
    for name, kind, area in _EN_POWERED:
        for verb, particle, intent in power:
            for opener in EN_OPENERS:
                text = _en_sentence(opener, verb, name, particle, rng.choice(EN_CLOSERS), rng)
                yield Case(text, "en", "power", (expect(intent, kind, area),))
    run = (
        ("start", "", _I.START),
        ("run", "", _I.START),
        ("kick off", "", _I.START),
        ("fire", "up", _I.START),
        ("stop", "", _I.STOP),
        ("pause", "", _I.PAUSE),
        ("resume", "", _I.RESUME),
        ("continue", "", _I.RESUME),
    )
    for name, kind, area in _EN_RUNNERS:
        for verb, particle, intent in run:
            for opener in EN_OPENERS:
                text = _en_sentence(opener, verb, name, particle, rng.choice(EN_CLOSERS), rng)
                yield Case(text, "en", "run", (expect(intent, kind, area),))


def _en_settings(rng: random.Random) -> Iterator[Case]:
    for name, kind, area in _EN_ACS:
        for degrees in range(18, 31):
            unit = rng.choice((" degrees", "", " degrees celsius"))
            value = Quantity(
                float(degrees), Unit.CELSIUS if "celsius" in unit else Unit.DEGREES if unit else None
            )
            opener = rng.choice(EN_OPENERS)
            text = f"{opener}set the {name} to {degrees}{unit}"
            yield Case(text, "en", "temperature_set", (expect(_I.SET_TEMPERATURE, kind, area, value),))
            verb = rng.choice(("lower", "raise", "turn down", "turn up"))
            text = f"{opener}{verb} the {name} to {degrees}{unit}"
            yield Case(text, "en", "destination", (expect(_I.SET_TEMPERATURE, kind, area, value),))
        for step in (1, 2, 3):
            for verb, direction in (
                ("lower", Direction.DOWN),
                ("raise", Direction.UP),
                ("turn down", Direction.DOWN),
                ("turn up", Direction.UP),
            ):
                text = f"{rng.choice(EN_OPENERS)}{verb} the {name} by {step} degrees"
                yield Case(
                    text, "en", "amount", (expect(_I.SET_TEMPERATURE, kind, area, _deg(step), direction),)
                )
        for said, speed in (
            ("low", FanSpeed.LOW),
            ("medium", FanSpeed.MID),
            ("high", FanSpeed.HIGH),
            ("auto", FanSpeed.AUTO),
        ):
            text = f"{rng.choice(EN_OPENERS)}set the {name} fan speed to {said}"
            yield Case(text, "en", "fan", (expect(_I.SET_FAN_SPEED, kind, area, speed),))
        for said, mode in (("cool", Mode.COOL), ("dry", Mode.DRY), ("heat", Mode.HEAT), ("auto", Mode.AUTO)):
            text = f"{rng.choice(EN_OPENERS)}set the {name} to {said} mode"
            yield Case(text, "en", "mode", (expect(_I.SET_MODE, kind, area, mode),))
    for level in (5, 10, 15, 20):
        verb = rng.choice(("set", "turn down", "turn up", "lower"))
        text = f"{rng.choice(EN_OPENERS)}{verb} the tv volume to {level}"
        yield Case(text, "en", "destination", (expect(_I.SET_VOLUME, _D.TV, None, Quantity(level)),))
        text = f"{rng.choice(EN_OPENERS)}turn the tv volume down by {level}"
        yield Case(
            text, "en", "amount", (expect(_I.SET_VOLUME, _D.TV, None, Quantity(level), Direction.DOWN),)
        )
    for percent in (40, 50, 60):
        text = f"{rng.choice(EN_OPENERS)}set the dehumidifier humidity to {percent} percent"
        yield Case(
            text,
            "en",
            "humidity",
            (expect(_I.SET_HUMIDITY, _D.DEHUMIDIFIER, None, Quantity(percent, Unit.PERCENT)),),
        )


def _en_times(rng: random.Random) -> Iterator[Case]:
    delays = (
        ("in 10 minutes", 600),
        ("in 30 minutes", 1800),
        ("in an hour", 3600),
        ("in two hours", 7200),
        ("in an hour and a half", 5400),
        ("in 90 minutes", 5400),
        ("in two days", 172800),
        ("in 3 days", 259200),
        ("in a day", 86400),
        ("in a week", 604800),
        ("after 2 hours", 7200),
    )
    for name, kind, area in _EN_RUNNERS:
        for said, seconds in delays:
            opener = rng.choice(EN_OPENERS)
            for text in (f"{opener}start the {name} {said}", f"{opener}{said} start the {name}"):
                yield Case(text, "en", "time", (expect(_I.START, kind, area, delay=seconds),))
        for day, ahead in (("tomorrow", 1), ("the day after tomorrow", 2)):
            hour = rng.randint(1, 11)
            meridiem, shift = rng.choice((("am", 0), ("pm", 12)))
            text = f"{rng.choice(EN_OPENERS)}start the {name} {day} at {hour} {meridiem}"
            yield Case(
                text,
                "en",
                "time",
                (expect(_I.START, kind, area, at=ClockTime(hour + shift, 0, days_ahead=ahead)),),
            )
        for weekday, day in enumerate(
            ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
        ):
            hour = rng.randint(1, 11)
            text = f"start the {name} on {day} at {hour} pm"
            yield Case(
                text,
                "en",
                "time",
                (expect(_I.START, kind, area, at=ClockTime(hour + 12, 0, weekday=weekday)),),
            )


def _en_conditions(rng: random.Random) -> Iterator[Case]:
    subjects = (
        ("washer", _D.WASHER),
        ("laundry", _D.WASHER),
        ("dryer", _D.DRYER),
        ("dishwasher", _D.DISH_WASHER),
    )
    events = (
        ("finishes", _E.FINISHED),
        ("is done", _E.FINISHED),
        ("is finished", _E.FINISHED),
        ("starts", _E.STARTED),
        ("is paused", _E.PAUSED),
        ("has an error", _E.ERROR),
    )
    mains = (
        ("tell me", expect(_I.NOTIFY, None)),
        ("let me know", expect(_I.NOTIFY, None)),
        ("start the styler", expect(_I.START, _D.STYLER)),
        ("turn off the ac", expect(_I.TURN_OFF, _D.AIR_CONDITIONER)),
    )
    for subject, kind in subjects:
        for said, event in events:
            main, expected = rng.choice(mains)
            word = rng.choice(("when", "once", "as soon as"))
            when = (kind, event)
            yield Case(f"{main} {word} the {subject} {said}", "en", "condition", ((*expected[:7], when),))
            if expected[0] is not _I.NOTIFY:
                yield Case(
                    f"{word} the {subject} {said}, {main}", "en", "condition", ((*expected[:7], when),)
                )
    yield Case(
        "tell me when the oven is preheated",
        "en",
        "condition",
        (expect(_I.NOTIFY, None, when=(_D.OVEN, _E.PREHEATED)),),
    )


def _en_corrections(rng: random.Random) -> Iterator[Case]:
    for meant, rejected, kind in (
        ("dryer", "washer", _D.DRYER),
        ("washer", "dryer", _D.WASHER),
        ("styler", "dishwasher", _D.STYLER),
    ):
        yield Case(f"start the {meant}, not the {rejected}", "en", "correction", (expect(_I.START, kind),))
        yield Case(f"start not the {rejected} but the {meant}", "en", "correction", (expect(_I.START, kind),))
        yield Case(
            f"{rng.choice(EN_OPENERS)}start the {meant} instead of the {rejected}",
            "en",
            "correction",
            (expect(_I.START, kind),),
        )
    yield Case(
        "turn off the bedroom ac, not the living room one",
        "en",
        "correction",
        (expect(_I.TURN_OFF, _D.AIR_CONDITIONER, "bedroom"),),
    )


def _en_questions(rng: random.Random) -> Iterator[Case]:
    for name, kind, area in EN_DEVICES:
        for form, intent in (
            ("what is the {} doing?", _Q.STATE),
            ("is the {} running?", _Q.STATE),
            ("how long until the {} finishes?", _Q.REMAINING_TIME),
            ("how much time is left on the {}?", _Q.REMAINING_TIME),
            ("what mode is the {} in?", _Q.MODE),
            ("how is the {} filter?", _Q.FILTER),
        ):
            yield Case(
                f"{rng.choice((*EN_OPENERS[5:7], ''))}{form.format(name)}",
                "en",
                "question",
                (ask(intent, kind, area),),
            )
    for area in ("living room", "bedroom", "kitchen"):
        yield Case(
            f"what is the temperature in the {area}?",
            "en",
            "question",
            (ask(_Q.CURRENT_TEMPERATURE, None, area),),
        )
        yield Case(f"how is the air in the {area}?", "en", "question", (ask(_Q.AIR_QUALITY, None, area),))
    for text, intent, kind in (
        ("how is the air quality?", _Q.AIR_QUALITY, None),
        ("how much battery does the robot vacuum have?", _Q.BATTERY, _D.ROBOT_CLEANER),
        ("what is running?", _Q.WHAT_IS_RUNNING, None),
    ):
        yield Case(text, "en", "question", (ask(intent, kind),))


def _en_must_not_act(rng: random.Random) -> Iterator[Case]:
    for name, _kind, _area in EN_DEVICES:
        for said in (
            f"don't turn on the {name}",
            f"do not start the {name}",
            f"never turn off the {name}",
            f"no need to turn on the {name}",
        ):
            yield Case(f"{rng.choice(EN_OPENERS[:1] + EN_OPENERS[5:])}{said}", "en", "negation", None)
        for when in (
            "next month",
            "next year",
            "in two months",
            "tomorrow",
            "later",
            "next week",
            "tonight",
            "every day",
            "in a few weeks",
            "until 7 pm",
            "before noon",
        ):
            yield Case(f"turn on the {name} {when}", "en", "time_refused", None)
        for value in ("to 25 liters", "to 5 kg", "3"):
            yield Case(
                f"set the {name} {value}" if value != "3" else f"start the {name} 3", "en", "unplaced", None
            )
        yield Case(f"if the {name} stops, turn off the ac", "en", "condition_refused", None)


def cases() -> list[Case]:
    """Return every generated case, the same list on every run."""
    rng = random.Random(16)
    generators = (
        _ko_power,
        _ko_run,
        _ko_temperature,
        _ko_volume_humidity_fan,
        _ko_times,
        _ko_conditions,
        _ko_corrections,
        _ko_questions,
        _ko_must_not_act,
        _en_commands,
        _en_settings,
        _en_times,
        _en_conditions,
        _en_corrections,
        _en_questions,
        _en_must_not_act,
    )
    found: dict[str, Case] = {}
    for generator in generators:
        for case in generator(rng):
            found.setdefault(f"{case.language}:{case.text}", case)
    return list(found.values())


@dataclass(slots=True)
class Tally:
    """Counts of one class: sentences, right actions (or right refusals), wrong actions, misses."""

    total: int = 0
    right: int = 0
    wrong: int = 0
    acted: int = 0

    @property
    def precision(self) -> float:
        """Share of the sentences that acted which acted rightly."""
        return (self.acted - self.wrong) / self.acted if self.acted else 1.0

    @property
    def recall(self) -> float:
        """Share of sentences that did what they say (acted rightly, or rightly did nothing)."""
        return self.right / self.total if self.total else 1.0


def measure(corpus: list[Case], parse: object) -> tuple[dict[tuple[str, str], Tally], list[str]]:
    """Parse every case; return tallies by (language, class) and a line per wrong action."""
    tallies: dict[tuple[str, str], Tally] = {}
    wrong: list[str] = []
    for case in corpus:
        tally = tallies.setdefault((case.language, case.kind), Tally())
        tally.total += 1
        done = acts(parse(case.text, case.language))  # type: ignore[operator]
        tally.acted += done is not None
        if done == case.expected:
            tally.right += 1
        elif done is not None:
            tally.wrong += 1
            wrong.append(f"{case.language} {case.kind}: {case.text!r} did {done}, expected {case.expected}")
    return tallies, wrong
