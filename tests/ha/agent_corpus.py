"""Utterances for the agent over the simulator's fleets, each with what must happen.

An expectation is either a control the named appliance must receive (`Sends`) or words the
answer must contain while nothing reaches any appliance (`Says`). The sentence forms reuse the
parser corpus's endings, so the two corpora grow together.
"""

from dataclasses import dataclass

from custom_components.thinq_voice.voice.korean import josa
from tests.voice import corpus_en, corpus_ko

# Any of LG's per-mode target temperature properties counts (coolTargetTemperature in COOL...).
ANY_TARGET_TEMPERATURE = "*TargetTemperature"


@dataclass(frozen=True, slots=True)
class Sends:
    """The appliance `alias` receives `resource.prop = value` (at `location`, if given)."""

    alias: str
    resource: str
    prop: str
    value: object
    location: str | None = None


@dataclass(frozen=True, slots=True)
class Says:
    """The answer contains `words` and nothing is sent to any appliance."""

    words: str


type Expectation = Sends | Says
type Case = tuple[str, Expectation]

_RUN_PROPS = {
    "세탁기": "washerOperationMode",
    "건조기": "dryerOperationMode",
    "식기세척기": "dishWasherOperationMode",
    "스타일러": "stylerOperationMode",
    "Washer": "washerOperationMode",
    "Dryer": "dryerOperationMode",
    "Dishwasher": "dishWasherOperationMode",
    "Styler": "stylerOperationMode",
}


def _ac_power(alias: str, on: bool) -> Sends:
    return Sends(alias, "operation", "airConOperationMode", "POWER_ON" if on else "POWER_OFF")


def korean_cases() -> list[Case]:
    """Return the Korean utterances over the ko fleet."""
    cases: list[Case] = []
    acs = ("거실 에어컨", "안방 에어컨")
    for index, name in enumerate(acs):
        forms = (name, josa(name, "을/를"), f"{name} 좀", name.replace(" ", ""))
        # On and off alternate, so that every sentence changes the appliance.
        for ending_index, (on, off) in enumerate(
            zip(corpus_ko.ON_ENDINGS, corpus_ko.OFF_ENDINGS, strict=False)
        ):
            cases.append((f"{forms[(ending_index + index) % 4]} {on}", _ac_power(name, True)))
            cases.append((f"{forms[(ending_index + index + 1) % 4]} {off}", _ac_power(name, False)))
        for degrees in range(18, 31):
            form = ("{} {}도로 맞춰줘", "{} 온도 {}도로 설정해 주세요", "{} {}도로 바꿔줘")[degrees % 3]
            text = form.format(name if degrees % 3 != 2 else josa(name, "을/를"), degrees)
            cases.append((text, Sends(name, "temperature", ANY_TARGET_TEMPERATURE, degrees)))
        for words, degrees in (("이십삼 도", 23), ("스물네 도", 24), ("이십오도", 25), ("열아홉 도", 19)):
            cases.append(
                (f"{name} {words}로 맞춰줘", Sends(name, "temperature", ANY_TARGET_TEMPERATURE, degrees))
            )
        for words, mode in (("냉방", "COOL"), ("제습", "AIR_DRY"), ("송풍", "FAN"), ("난방", "HEAT")):
            cases.append(
                (f"{name} {words} 모드로 바꿔줘", Sends(name, "airConJobMode", "currentJobMode", mode))
            )
            cases.append(
                (
                    f"{josa(name, '을/를')} {josa(words, '으로/로')} 해줘",
                    Sends(name, "airConJobMode", "currentJobMode", mode),
                )
            )
        for words, speed in (("약풍", "LOW"), ("중풍", "MID"), ("강풍", "HIGH")):
            cases.append(
                (f"{name} {josa(words, '으로/로')} 해줘", Sends(name, "airFlow", "windStrength", speed))
            )
        cases.append((f"{name} 40도로 맞춰줘", Says("30도까지 돼요")))
        cases.append((f"{name} 10도로 맞춰줘", Says("30도까지 돼요")))
        cases.append((f"{name} 지금 몇 도야?", Says("현재 온도는")))
        cases.append((f"{name} 설정 온도 알려줘", Says("설정 온도는")))
    for name in ("세탁기", "건조기", "식기세척기", "스타일러"):
        forms = (name, josa(name, "을/를"), f"{name} 좀", josa(name, "은/는"))
        for ending_index, ending in enumerate(corpus_ko.START_ENDINGS):
            cases.append(
                (f"{forms[ending_index % 4]} {ending}", Sends(name, "operation", _RUN_PROPS[name], "START"))
            )
        for ending_index, ending in enumerate(corpus_ko.STOP_ENDINGS):
            cases.append(
                (f"{forms[ending_index % 4]} {ending}", Sends(name, "operation", _RUN_PROPS[name], "STOP"))
            )
        cases.append((f"{name} 상태 어때?", Says(name)))
        cases.append((f"{name} 얼마나 남았어?", Says(name)))
    for hours in (1, 2, 3, 5):
        cases.append(
            (f"세탁기 {hours}시간 뒤에 돌려줘", Sends("세탁기", "timer", "relativeHourToStart", hours))
        )
    cases.append(("세탁기 두 시간 있다가 돌려줘", Sends("세탁기", "timer", "relativeHourToStart", 2)))
    cases.append(("건조 얼마나 남았어?", Says("건조기")))
    for degrees in (1, 2, 3, 4, 5, 6):
        cases.append(
            (
                f"냉장고 냉장실 {degrees}도로 맞춰줘",
                Sends("냉장고", "temperature", "targetTemperature", degrees, "FRIDGE"),
            )
        )
    for degrees in (16, 17, 18, 19, 20, 21):
        cases.append(
            (
                f"냉동실 영하 {degrees}도로 맞춰줘",
                Sends("냉장고", "temperature", "targetTemperature", -degrees, "FREEZER"),
            )
        )
    cases.append(
        ("냉동실 마이너스 18도로 해줘", Sends("냉장고", "temperature", "targetTemperature", -18, "FREEZER"))
    )
    cases.append(("냉동실 영하 30도로 맞춰줘", Says("맞출 수 없어요")))
    cases.append(("급속냉동 켜줘", Sends("냉장고", "refrigeration", "expressMode", True)))
    cases.append(("냉장고 급속 냉동 켜 줘", Sends("냉장고", "refrigeration", "expressMode", True)))
    cases.append(("냉장고 급속냉동 꺼줘", Sends("냉장고", "refrigeration", "expressMode", False)))
    cases.append(("냉장고 문 열어줘", Says("원격으로 열거나 닫을 수 없어요")))
    cases.append(("냉장고 문 닫아줘", Says("원격으로 열거나 닫을 수 없어요")))
    cases.append(("냉장고 문 열려 있어?", Says("문은 닫혀 있어요")))
    for on, off in zip(corpus_ko.ON_ENDINGS[:8], corpus_ko.OFF_ENDINGS[:8], strict=True):
        cases.append(
            (f"공기청정기 {on}", Sends("공기청정기", "operation", "airPurifierOperationMode", "POWER_ON"))
        )
        cases.append(
            (f"공기청정기 {off}", Sends("공기청정기", "operation", "airPurifierOperationMode", "POWER_OFF"))
        )
    cases.append(
        ("공기청정기 자동 모드로 해줘", Sends("공기청정기", "airPurifierJobMode", "currentJobMode", "AUTO"))
    )
    cases.append(("공기청정기 공기 어때?", Says("미세먼지")))
    cases.append(("공청기 미세먼지 알려줘", Says("미세먼지")))
    for text in ("로봇청소기 돌려줘", "로봇청소기 청소 시작해", "로청 돌려", "로봇청소기 청소해줘"):
        cases.append((text, Sends("로봇청소기", "operation", "cleanOperationMode", "START")))
    for text in (
        "로봇청소기 충전대로 돌아가",
        "로청 충전대로 보내줘",
        "로봇청소기 복귀해",
        "로봇청소기 집으로 돌아가줘",
    ):
        cases.append((text, Sends("로봇청소기", "operation", "cleanOperationMode", "HOMING")))
    cases.append(("로봇청소기 일시정지해", Sends("로봇청소기", "operation", "cleanOperationMode", "PAUSE")))
    for on, off in zip(corpus_ko.ON_ENDINGS[:6], corpus_ko.OFF_ENDINGS[:6], strict=True):
        cases.append((f"제습기 {on}", Sends("제습기", "operation", "dehumidifierOperationMode", "POWER_ON")))
        cases.append(
            (f"제습기 {off}", Sends("제습기", "operation", "dehumidifierOperationMode", "POWER_OFF"))
        )
    for percent in (40, 50, 60):
        cases.append(
            (f"제습기 습도 {percent}%로 맞춰줘", Sends("제습기", "humidity", "targetHumidity", percent))
        )
    cases.append(("제습기 습도 90%로 맞춰줘", Says("맞출 수 없어요")))
    for index, wake in enumerate(("지니야", "지니야,", "헤이 지니", "하이 엘지", "헤이 엘지,")):
        on = index % 2 == 1  # the AC is on after the sentences before
        cases.append((f"{wake} 거실 에어컨 {'켜줘' if on else '꺼줘'}", _ac_power("거실 에어컨", on)))
        cases.append(
            (
                f"{wake} 안방 에어컨 23도로 맞춰줘",
                Sends("안방 에어컨", "temperature", ANY_TARGET_TEMPERATURE, 23),
            )
        )
        # The purifier was left off by the sentences before: it alternates the other way round.
        power = "POWER_OFF" if on else "POWER_ON"
        cases.append(
            (
                f"{wake} 공기청정기 {'꺼줘' if on else '켜줘'}",
                Sends("공기청정기", "operation", "airPurifierOperationMode", power),
            )
        )
    for name in ("세탁기", "건조기", "식기세척기", "스타일러"):
        cases.append((f"{name.replace(' ', '')}돌려줘", Sends(name, "operation", _RUN_PROPS[name], "START")))
        cases.append((f"{name} 언제 끝나?", Says(name)))
        cases.append((f"{name} 뭐 해?", Says(name)))
    for name in ("거실 에어컨", "안방 에어컨", "공기청정기", "제습기"):
        cases.append((f"{name} 상태 알려줘", Says(name)))
    cases.append(("냉장고 냉동실 설정 온도 알려줘", Says("냉동실 설정 온도는")))
    cases.append(("냉장실 몇 도로 돼 있어?", Says("설정 온도는")))
    cases.append(("지금 돌아가는 거 뭐 있어?", Says("작동")))
    cases.append(("보일러 켜줘", Says("찾지 못했어요")))
    cases.append(("건조기한테 뭐라고 할 수 있어?", Says("얼마나 남았어?")))
    cases.append(("거실 에어컨으로 뭘 할 수 있어?", Says("23도로 맞춰줘")))
    cases.append(("냉장고한테 무슨 말 할 수 있어?", Says("급속냉동 켜줘")))
    cases.append(("식기세척기 돌리고 보일러 켜줘", Says("보일러가 어떤 기기인지 찾지 못했어요")))
    cases.append(("식기세척기 3시간 뒤에 돌려줘", Says("식기세척기 시작을 예약했어요")))
    cases.append(("", Says("")))
    cases.append(("지니야", Says("")))
    cases.append(("ㅋㅋㅋㅋ", Says("")))
    cases.append(("🙂🙂🙂", Says("")))
    cases.append(("세탁기 " * 400, Says("")))
    return cases


def english_cases() -> list[Case]:
    """Return the English utterances over the en fleet."""
    cases: list[Case] = []
    for index, name in enumerate(("Living Room AC", "Bedroom AC")):
        for on, off in zip(corpus_en.ON_FORMS, corpus_en.OFF_FORMS, strict=True):
            cases.append((on.format(name.lower() if index else name), _ac_power(name, True)))
            cases.append((off.format(name), _ac_power(name, False)))
        for degrees in range(18, 31):
            form = ("set the {} to {} degrees", "{} to {}", "make the {} {} degrees")[degrees % 3]
            cases.append(
                (form.format(name, degrees), Sends(name, "temperature", ANY_TARGET_TEMPERATURE, degrees))
            )
        cases.append(
            (
                f"set the {name} to twenty three degrees",
                Sends(name, "temperature", ANY_TARGET_TEMPERATURE, 23),
            )
        )
        for words, mode in (("cool", "COOL"), ("dry", "AIR_DRY"), ("fan", "FAN"), ("heat", "HEAT")):
            cases.append(
                (f"set the {name} to {words} mode", Sends(name, "airConJobMode", "currentJobMode", mode))
            )
        for words, speed in (("low", "LOW"), ("medium", "MID"), ("high", "HIGH")):
            cases.append(
                (f"set the {name} fan speed to {words}", Sends(name, "airFlow", "windStrength", speed))
            )
        cases.append((f"set the {name} to 40 degrees", Says("to 30°C")))
        cases.append((f"what is the temperature of the {name}?", Says("is at")))
    for name in ("Washer", "Dryer", "Dishwasher", "Styler"):
        for form in corpus_en.START_FORMS:
            cases.append((form.format(name.lower()), Sends(name, "operation", _RUN_PROPS[name], "START")))
        for form in corpus_en.STOP_FORMS[:4]:
            cases.append((form.format(name.lower()), Sends(name, "operation", _RUN_PROPS[name], "STOP")))
        cases.append((f"what is the {name.lower()} doing?", Says(name)))
        cases.append((f"how long until the {name.lower()} finishes?", Says(name)))
    for hours in (1, 2, 4):
        cases.append(
            (f"start the washer in {hours} hours", Sends("Washer", "timer", "relativeHourToStart", hours))
        )
    for degrees in (1, 3, 5):
        cases.append(
            (
                f"set the fridge to {degrees} degrees",
                Sends("Refrigerator", "temperature", "targetTemperature", degrees, "FRIDGE"),
            )
        )
    for degrees in (16, 18, 20):
        cases.append(
            (
                f"set the freezer to minus {degrees}",
                Sends("Refrigerator", "temperature", "targetTemperature", -degrees, "FREEZER"),
            )
        )
    cases.append(("turn on express freeze", Sends("Refrigerator", "refrigeration", "expressMode", True)))
    cases.append(("open the fridge door", Says("can't be opened or closed remotely")))
    cases.append(("is the fridge door open?", Says("door is closed")))
    for on, off in zip(corpus_en.ON_FORMS[:5], corpus_en.OFF_FORMS[:5], strict=True):
        cases.append(
            (
                on.format("air purifier"),
                Sends("Air Purifier", "operation", "airPurifierOperationMode", "POWER_ON"),
            )
        )
        cases.append(
            (
                off.format("air purifier"),
                Sends("Air Purifier", "operation", "airPurifierOperationMode", "POWER_OFF"),
            )
        )
    cases.append(("how is the air quality?", Says("PM")))
    for text in ("start the robot vacuum", "start vacuuming", "run the robot vacuum"):
        cases.append((text, Sends("Robot Vacuum", "operation", "cleanOperationMode", "START")))
    for text in (
        "send the robot vacuum home",
        "robot vacuum go back to the dock",
        "return the robot vacuum to base",
    ):
        cases.append((text, Sends("Robot Vacuum", "operation", "cleanOperationMode", "HOMING")))
    cases.append(
        ("pause the robot vacuum", Sends("Robot Vacuum", "operation", "cleanOperationMode", "PAUSE"))
    )
    for on, off in zip(corpus_en.ON_FORMS[:4], corpus_en.OFF_FORMS[:4], strict=True):
        cases.append(
            (
                on.format("dehumidifier"),
                Sends("Dehumidifier", "operation", "dehumidifierOperationMode", "POWER_ON"),
            )
        )
        cases.append(
            (
                off.format("dehumidifier"),
                Sends("Dehumidifier", "operation", "dehumidifierOperationMode", "POWER_OFF"),
            )
        )
    for percent in (40, 50, 60):
        cases.append(
            (
                f"set the dehumidifier to {percent} percent",
                Sends("Dehumidifier", "humidity", "targetHumidity", percent),
            )
        )
    for index, wake in enumerate(("hey google,", "ok google", "alexa,", "hey genie")):
        on = index % 2 == 1  # the AC is on after the sentences before
        cases.append(
            (f"{wake} turn {'on' if on else 'off'} the living room ac", _ac_power("Living Room AC", on))
        )
        cases.append(
            (
                f"{wake} set the bedroom ac to 24 degrees",
                Sends("Bedroom AC", "temperature", ANY_TARGET_TEMPERATURE, 24),
            )
        )
        cases.append(
            (
                f"{wake} start the dishwasher",
                Sends("Dishwasher", "operation", "dishWasherOperationMode", "START"),
            )
        )
        # The dehumidifier starts off: it alternates the other way round.
        power = "POWER_OFF" if on else "POWER_ON"
        cases.append(
            (
                f"{wake} turn {'off' if on else 'on'} the dehumidifier",
                Sends("Dehumidifier", "operation", "dehumidifierOperationMode", power),
            )
        )
    for name in ("Washer", "Dryer", "Dishwasher", "Styler"):
        cases.append((f"how much time is left on the {name.lower()}?", Says(name)))
        cases.append((f"when will the {name.lower()} be done?", Says(name)))
        cases.append((f"please run the {name.lower()}", Sends(name, "operation", _RUN_PROPS[name], "START")))
    for name in ("Living Room AC", "Bedroom AC", "Air Purifier", "Dehumidifier"):
        cases.append((f"what is the {name.lower()} doing?", Says(name)))
        cases.append((f"what's the status of the {name.lower()}?", Says(name)))
    cases.append(("what is the freezer set to?", Says("freezer is set to")))
    cases.append(("what is running?", Says("")))
    cases.append(("turn on the boiler", Says("couldn't find")))
    cases.append(("what can I say to the dryer?", Says("how long is left?")))
    cases.append(("what can the living room ac do?", Says("set it to 23 degrees")))
    cases.append(("start the dishwasher and the boiler", Says("couldn't find a device called boiler")))
    cases.append(("", Says("")))
    cases.append(("hey google", Says("")))
    cases.append(("!!!???", Says("")))
    cases.append(("washer " * 400, Says("")))
    return cases
