"""Dialogues for the agent's second layer (issue #8), over the simulator's ko and en fleets.

A dialogue is a list of turns in one conversation. Each turn says what the user says, the
controls the simulator must receive for it (device, resource, property, value, in order; none
means nothing may be sent) and the answer (exactly, or words it must contain).
"""

from dataclasses import dataclass, field
from datetime import timedelta
from enum import IntEnum

TV = "거실 TV"  # the simulated webOS TV's name, in both fleets


class Point(IntEnum):
    """The points of issue #8 a dialogue covers."""

    SEVERAL_ACTIONS = 1
    RELATIVE_CHANGES = 2
    FOLLOW_UPS = 3
    ANSWERS = 4
    START_CONFIRMATION = 5
    TIME_IN_SPEECH = 6


@dataclass(frozen=True, slots=True)
class Sent:
    """One control the simulator received: `alias` got `resource.prop = value`.

    `location` is the compartment or part the body names; `refused` is LG's error code when the
    simulator refused the control (it still reached the appliance). For the TV, `resource` is
    "ssap" and `prop` the request's URI.
    """

    alias: str
    resource: str
    prop: str
    value: object
    location: str | None = None
    refused: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    """One sentence of a dialogue and what must follow from it.

    `answer` is the exact answer; `says` are words it must contain (used where part of the
    answer depends on the clock). `asks` is whether the agent waits for a reply. `after` is
    the silence before the sentence; `conversation` moves the sentence into another one.
    `offline` are the appliances that drop off the network just before the sentence, before
    Home Assistant could notice. What Home Assistant's timers did during the silence (a
    scheduled action running) counts as sent for the turn after it.
    """

    text: str
    sends: tuple[Sent, ...] = ()
    answer: str | None = None
    says: tuple[str, ...] = ()
    asks: bool = False
    after: timedelta | None = None
    conversation: str | None = None
    offline: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dialogue:
    """Turns in one conversation over a fresh simulator fleet and Home Assistant.

    `patches` are simulator state patches by alias applied before the first turn, `offline`
    the aliases the simulator reports offline (and Home Assistant has read so), `confirm_start` the device kinds whose start
    must be confirmed (options flow), `tv` whether the simulated TV is set up too.
    `wrong` says what the agent does wrong while the dialogue fails (an xfail).
    """

    id: str
    fleet: str
    point: Point
    turns: tuple[Turn, ...]
    patches: dict[str, dict[str, object]] = field(default_factory=dict)
    offline: tuple[str, ...] = ()
    confirm_start: tuple[str, ...] = ()
    tv: bool = False
    wrong: str | None = None


def ac_power(alias: str, on: bool) -> Sent:
    """The AC `alias` is turned on or off."""
    return Sent(alias, "operation", "airConOperationMode", "POWER_ON" if on else "POWER_OFF")


def cool_to(alias: str, degrees: int) -> Sent:
    """The AC `alias` (in cooling mode) gets a new target temperature."""
    return Sent(alias, "temperature", "coolTargetTemperature", degrees)


def run(alias: str, prop: str, command: str = "START") -> Sent:
    """A laundry-style appliance (or the robot cleaner) gets a run command."""
    return Sent(alias, "operation", prop, command)


_P = Point
MINUTE = timedelta(minutes=1)

# ko fleet ---------------------------------------------------------------------------------------
LIVING, BEDROOM = "거실 에어컨", "안방 에어컨"
WASHER, DRYER, DISHWASHER, STYLER = "세탁기", "건조기", "식기세척기", "스타일러"
PURIFIER, ROBOT, FRIDGE, DEHUMIDIFIER = "공기청정기", "로봇청소기", "냉장고", "제습기"
WASHER_RUN = Sent(WASHER, "operation", "washerOperationMode", "START", "MAIN")
DRYER_RUN = run(DRYER, "dryerOperationMode")
DISHWASHER_RUN = run(DISHWASHER, "dishWasherOperationMode")
STYLER_RUN = run(STYLER, "stylerOperationMode")
ROBOT_RUN = run(ROBOT, "cleanOperationMode")
REMOTE_OFF = {"remoteControlEnable": {"remoteControlEnabled": False}}

KOREAN: tuple[Dialogue, ...] = (
    Dialogue(
        "ko-two-appliances-in-spoken-order",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "식기세척기 돌리고 로봇청소기도 시작해",
                (DISHWASHER_RUN, ROBOT_RUN),
                "식기세척기를 시작했어요. 로봇청소기를 시작했어요.",
            ),
            Turn(
                "로봇청소기 일시정지하고 식기세척기도 멈춰줘",
                (
                    run(ROBOT, "cleanOperationMode", "PAUSE"),
                    run(DISHWASHER, "dishWasherOperationMode", "STOP"),
                ),
                "로봇청소기를 일시정지했어요. 식기세척기를 멈췄어요.",
            ),
            Turn(
                "건조기 돌리고 세탁기도 돌려줘",
                (DRYER_RUN, WASHER_RUN),
                "건조기를 시작했어요. 세탁기를 시작했어요.",
            ),
            Turn(
                "스타일러랑 식기세척기 돌려줘",
                (STYLER_RUN, DISHWASHER_RUN),
                "스타일러를 시작했어요. 식기세척기를 시작했어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-one-appliance-several-actions",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "안방 에어컨 켜고 바람 강풍으로 해줘",
                (ac_power(BEDROOM, True), Sent(BEDROOM, "airFlow", "windStrength", "HIGH")),
                "안방 에어컨을 켰어요. 안방 에어컨 바람 세기를 강풍으로 바꿨어요.",
            ),
            Turn(
                "안방 에어컨 제습 모드로 바꾸고 22도로 맞춰줘",
                (Sent(BEDROOM, "airConJobMode", "currentJobMode", "AIR_DRY"), cool_to(BEDROOM, 22)),
                "안방 에어컨을 제습 모드로 바꿨어요. 안방 에어컨 온도를 22도로 맞췄어요.",
            ),
            Turn(
                "제습기 켜고 습도 40%로 맞춰줘",
                (
                    Sent(DEHUMIDIFIER, "operation", "dehumidifierOperationMode", "POWER_ON"),
                    Sent(DEHUMIDIFIER, "humidity", "targetHumidity", 40),
                ),
                "제습기를 켰어요. 제습기 습도를 40%로 맞췄어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-quantifiers",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "에어컨 전부 켜줘",
                (ac_power(LIVING, True), ac_power(BEDROOM, True)),
                "거실 에어컨을 켰어요. 안방 에어컨을 켰어요.",
            ),
            Turn(
                "에어컨 다 23도로 맞춰줘",
                (cool_to(LIVING, 23), cool_to(BEDROOM, 23)),
                "거실 에어컨 온도를 23도로 맞췄어요. 안방 에어컨 온도를 23도로 맞췄어요.",
            ),
            Turn(
                "에어컨 다 끄고 공기청정기 켜줘",
                (
                    ac_power(LIVING, False),
                    ac_power(BEDROOM, False),
                    Sent(PURIFIER, "operation", "airPurifierOperationMode", "POWER_ON"),
                ),
                "거실 에어컨을 껐어요. 안방 에어컨을 껐어요. 공기청정기를 켰어요.",
            ),
            Turn(
                "에어컨 모두 꺼줘",
                (),
                "거실 에어컨은 이미 꺼져 있어요. 안방 에어컨은 이미 꺼져 있어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-unknown-or-ambiguous-part-holds-the-sentence",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn("건조기 돌리고 가습기 켜줘", (), "가습기가 어떤 기기인지 찾지 못했어요."),
            Turn("보일러 켜고 세탁기 돌려줘", (), "보일러가 어떤 기기인지 찾지 못했어요."),
            Turn("로봇청소기 돌리고 정수기 꺼줘", (), "정수기가 어떤 기기인지 찾지 못했어요."),
            Turn("세탁기 돌리고 에어컨 23도로 맞춰줘", (), "거실 에어컨이요, 안방 에어컨이요?", asks=True),
            Turn(
                "거실",
                (
                    WASHER_RUN,
                    ac_power(LIVING, True),
                    Sent(LIVING, "airConJobMode", "currentJobMode", "COOL"),
                    cool_to(LIVING, 23),
                ),
                "세탁기를 시작했어요. 거실 에어컨을 켜고 온도를 23도로 맞췄어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-refused-parts-are-named",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "세탁기 돌리고 건조기도 돌려줘",
                (Sent(WASHER, "operation", "washerOperationMode", "START", "MAIN", "2301"), DRYER_RUN),
                "세탁기의 원격 제어가 꺼져 있어요. 기기에서 원격 시작 버튼을 먼저 눌러 주세요. 건조기를 시작했어요. 세탁기에는 하지 못했어요.",
            ),
            Turn(
                "식기세척기랑 세탁기 돌려줘",
                (DISHWASHER_RUN, Sent(WASHER, "operation", "washerOperationMode", "START", "MAIN", "2301")),
                "식기세척기를 시작했어요. 세탁기의 원격 제어가 꺼져 있어요. 기기에서 원격 시작 버튼을 먼저 눌러 주세요. 세탁기에는 하지 못했어요.",
            ),
            Turn(
                "스타일러 돌리고 로봇청소기도 돌려줘",
                (Sent(STYLER, "operation", "stylerOperationMode", "START", None, "1222"), ROBOT_RUN),
                "스타일러의 연결이 끊겨 있어요. 전원과 Wi-Fi를 확인하세요. 로봇청소기를 시작했어요. 스타일러에는 하지 못했어요.",
                offline=(STYLER,),
            ),
        ),
        patches={WASHER: REMOTE_OFF},
    ),
    Dialogue(
        "ko-out-of-range-part-is-named",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "거실 에어컨 켜고 35도로 맞춰줘",
                (ac_power(LIVING, True),),
                "거실 에어컨을 켰어요. 거실 에어컨은 35도로 맞출 수 없어요. 18도부터 30도까지 돼요. 거실 에어컨에는 하지 못했어요.",
            ),
            Turn(
                "스타일러 돌리고 냉장실 10도로 맞춰줘",
                (STYLER_RUN,),
                "스타일러를 시작했어요. 냉장고 냉장실은 10도로 맞출 수 없어요. 0도부터 7도까지 돼요. 냉장고에는 하지 못했어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-relative-temperature",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn("거실 에어컨 켜줘", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn("2도 올려줘", (cool_to(LIVING, 26),), "거실 에어컨 온도를 26도로 맞췄어요."),
            Turn("조금 더 시원하게", (cool_to(LIVING, 25),), "거실 에어컨 온도를 25도로 맞췄어요."),
            Turn("조금 따뜻하게 해줘", (cool_to(LIVING, 26),), "거실 에어컨 온도를 26도로 맞췄어요."),
            Turn(
                "거실 에어컨 온도 3도 낮춰줘", (cool_to(LIVING, 23),), "거실 에어컨 온도를 23도로 맞췄어요."
            ),
            Turn("1도 내려줘", (cool_to(LIVING, 22),), "거실 에어컨 온도를 22도로 맞췄어요."),
        ),
    ),
    Dialogue(
        "ko-relative-out-of-range",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn("안방 에어컨 켜줘", (ac_power(BEDROOM, True),), "안방 에어컨을 켰어요."),
            Turn(
                "안방 에어컨 10도 올려줘",
                (),
                "안방 에어컨은 35도로 맞출 수 없어요. 18도부터 30도까지 돼요.",
            ),
            Turn("8도 내려줘", (), "안방 에어컨은 17도로 맞출 수 없어요. 18도부터 30도까지 돼요."),
            Turn("5도 올려줘", (cool_to(BEDROOM, 30),), "안방 에어컨 온도를 30도로 맞췄어요."),
            Turn("조금 더 따뜻하게", (), "안방 에어컨은 31도로 맞출 수 없어요. 18도부터 30도까지 돼요."),
        ),
    ),
    Dialogue(
        "ko-fan-speed-steps",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn("거실 에어컨 켜줘", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn(
                "거실 에어컨 바람 한 단계 내려줘",
                (Sent(LIVING, "airFlow", "windStrength", "LOW"),),
                "거실 에어컨 바람 세기를 약풍으로 바꿨어요.",
            ),
            Turn("바람 한 단계 더 내려줘", (), "거실 에어컨 바람 세기는 이미 가장 약한 약풍이에요."),
            Turn(
                "바람 한 단계 올려줘",
                (Sent(LIVING, "airFlow", "windStrength", "MID"),),
                "거실 에어컨 바람 세기를 중풍으로 바꿨어요.",
            ),
            Turn(
                "바람 세게 해줘",
                (Sent(LIVING, "airFlow", "windStrength", "HIGH"),),
                "거실 에어컨 바람 세기를 강풍으로 바꿨어요.",
            ),
            Turn("바람 한 단계 더 올려줘", (), "거실 에어컨 바람 세기는 이미 가장 센 강풍이에요."),
        ),
    ),
    Dialogue(
        "ko-fridge-relative",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn(
                "냉장실 1도 올려줘",
                (Sent(FRIDGE, "temperature", "targetTemperature", 4, "FRIDGE"),),
                "냉장고 냉장실 온도를 4도로 맞췄어요.",
            ),
            Turn(
                "냉동실 2도 낮춰줘",
                (Sent(FRIDGE, "temperature", "targetTemperature", -20, "FREEZER"),),
                "냉장고 냉동실 온도를 영하 20도로 맞췄어요.",
            ),
            Turn("냉장실 5도 올려줘", (), "냉장고 냉장실은 9도로 맞출 수 없어요. 0도부터 7도까지 돼요."),
        ),
    ),
    Dialogue(
        "ko-tv-volume",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn("TV 소리 줄여줘", (Sent(TV, "ssap", "audio/volumeDown", None),), "거실 TV 소리를 줄였어요."),
            Turn(
                "거실 TV 볼륨 5 올려줘",
                (Sent(TV, "ssap", "audio/setVolume", {"volume": 16}),),
                "거실 TV 볼륨을 16으로 맞췄어요.",
            ),
            Turn(
                "볼륨 3 낮춰줘",
                (Sent(TV, "ssap", "audio/setVolume", {"volume": 13}),),
                "거실 TV 볼륨을 13으로 맞췄어요.",
            ),
            Turn("볼륨 90 올려줘", (), "거실 TV는 103으로 맞출 수 없어요. 0부터 100까지 돼요."),
        ),
        tv=True,
    ),
    Dialogue(
        "ko-send-home-then-stop",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn("로봇청소기 돌리고 식기세척기도 돌려줘", (ROBOT_RUN, DISHWASHER_RUN)),
            Turn(
                "로봇청소기 충전대로 보내고 식기세척기 멈춰줘",
                (
                    run(ROBOT, "cleanOperationMode", "HOMING"),
                    run(DISHWASHER, "dishWasherOperationMode", "STOP"),
                ),
                "로봇청소기가 충전대로 돌아가요. 식기세척기를 멈췄어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-return-home-then-stop",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn("로봇청소기 돌리고 식기세척기도 돌려줘", (ROBOT_RUN, DISHWASHER_RUN)),
            Turn(
                "로봇청소기 복귀하고 식기세척기 멈춰줘",
                (
                    run(ROBOT, "cleanOperationMode", "HOMING"),
                    run(DISHWASHER, "dishWasherOperationMode", "STOP"),
                ),
                "로봇청소기가 충전대로 돌아가요. 식기세척기를 멈췄어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-robot-cleaner-stops-by-pausing",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "로봇청소기랑 식기세척기 돌려줘",
                (ROBOT_RUN, DISHWASHER_RUN),
                "로봇청소기를 시작했어요. 식기세척기를 시작했어요.",
            ),
            Turn(
                "로봇청소기 멈추고 식기세척기도 멈춰줘",
                (
                    run(ROBOT, "cleanOperationMode", "PAUSE"),
                    run(DISHWASHER, "dishWasherOperationMode", "STOP"),
                ),
                "로봇청소기를 멈췄어요. 식기세척기를 멈췄어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-offline-appliance-named-with-its-reason",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "스타일러 돌리고 건조기도 돌려줘",
                (DRYER_RUN,),
                "스타일러의 연결이 끊겨 있어요. 전원과 Wi-Fi를 확인하세요. 건조기를 시작했어요. 스타일러에는 하지 못했어요.",
            ),
        ),
        offline=(STYLER,),
    ),
    Dialogue(
        "ko-power-on-not-sent-twice",
        "ko",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "거실 에어컨 켜서 송풍 모드로 바꿔줘",
                (ac_power(LIVING, True), Sent(LIVING, "airConJobMode", "currentJobMode", "FAN")),
                "거실 에어컨을 켰어요. 거실 에어컨을 송풍 모드로 바꿨어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-only-particle",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn("거실 에어컨 켜줘", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn("1도만 내려줘", (cool_to(LIVING, 23),), "거실 에어컨 온도를 23도로 맞췄어요."),
        ),
    ),
    Dialogue(
        "ko-purifier-fan-steps",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn(
                "공기청정기 켜줘",
                (Sent(PURIFIER, "operation", "airPurifierOperationMode", "POWER_ON"),),
                "공기청정기를 켰어요.",
            ),
            Turn(
                "공기청정기 바람 한 단계 내려줘",
                (Sent(PURIFIER, "airFlow", "windStrength", "MID"),),
                "공기청정기 바람 세기를 중풍으로 바꿨어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-weaker-by-a-step",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn("거실 에어컨 켜줘", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn(
                "바람 한 단계 더 약하게",
                (Sent(LIVING, "airFlow", "windStrength", "LOW"),),
                "거실 에어컨 바람 세기를 약풍으로 바꿨어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-percent-particle-out-of-range",
        "ko",
        _P.RELATIVE_CHANGES,
        (
            Turn(
                "제습기 켜줘",
                (Sent(DEHUMIDIFIER, "operation", "dehumidifierOperationMode", "POWER_ON"),),
                "제습기를 켰어요.",
            ),
            Turn("제습기 습도 30% 올려줘", (), "제습기는 80%로 맞출 수 없어요. 30%부터 70%까지 돼요."),
        ),
    ),
    Dialogue(
        "ko-both-after-an-ask-back",
        "ko",
        _P.FOLLOW_UPS,
        (
            Turn("에어컨 23도로 맞춰줘", (), "거실 에어컨이요, 안방 에어컨이요?", asks=True),
            Turn(
                "둘 다",
                (
                    ac_power(LIVING, True),
                    Sent(LIVING, "airConJobMode", "currentJobMode", "COOL"),
                    cool_to(LIVING, 23),
                    ac_power(BEDROOM, True),
                    Sent(BEDROOM, "airConJobMode", "currentJobMode", "COOL"),
                    cool_to(BEDROOM, 23),
                ),
                "거실 에어컨을 켜고 온도를 23도로 맞췄어요. 안방 에어컨을 켜고 온도를 23도로 맞췄어요.",
            ),
            Turn(
                "더 낮춰",
                (cool_to(LIVING, 22), cool_to(BEDROOM, 22)),
                "거실 에어컨 온도를 22도로 맞췄어요. 안방 에어컨 온도를 22도로 맞췄어요.",
            ),
        ),
    ),
    Dialogue(
        "ko-cancel-or-replace-an-ask-back",
        "ko",
        _P.FOLLOW_UPS,
        (
            Turn("에어컨 켜줘", (), "거실 에어컨이요, 안방 에어컨이요?", asks=True),
            Turn("취소할게", (), "알겠어요, 취소할게요."),
            Turn("그거 꺼줘", (), "어떤 기기를 말씀하시는 건가요?"),
            Turn("에어컨 꺼줘", (), "거실 에어컨이요, 안방 에어컨이요?", asks=True),
            Turn("됐어", (), "알겠어요, 취소할게요."),
            Turn("에어컨 켜줘", (), "거실 에어컨이요, 안방 에어컨이요?", asks=True),
            Turn("세탁기 돌려줘", (WASHER_RUN,), "세탁기를 시작했어요."),
            Turn("건조기도", (DRYER_RUN,), "건조기를 시작했어요."),
        ),
    ),
    Dialogue(
        "ko-pronouns-and-ellipses",
        "ko",
        _P.FOLLOW_UPS,
        (
            Turn("거실 에어컨 켜줘", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn("그거 꺼줘", (), "어떤 기기를 말씀하시는 건가요?", conversation="ko-elsewhere"),
            Turn("그거 꺼줘", (ac_power(LIVING, False),), "거실 에어컨을 껐어요."),
            Turn("스타일러 돌려줘", (STYLER_RUN,), "스타일러를 시작했어요."),
            Turn("그거 멈춰줘", (run(STYLER, "stylerOperationMode", "STOP"),), "스타일러를 멈췄어요."),
            Turn("안방 에어컨 켜줘", (ac_power(BEDROOM, True),), "안방 에어컨을 켰어요."),
            Turn("거실 것도", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn("그거 꺼줘", (ac_power(LIVING, False),), "거실 에어컨을 껐어요."),
        ),
    ),
    Dialogue(
        "ko-context-expires",
        "ko",
        _P.FOLLOW_UPS,
        (
            Turn(
                "공기청정기 켜줘",
                (Sent(PURIFIER, "operation", "airPurifierOperationMode", "POWER_ON"),),
                "공기청정기를 켰어요.",
            ),
            Turn(
                "그거 꺼줘",
                (Sent(PURIFIER, "operation", "airPurifierOperationMode", "POWER_OFF"),),
                "공기청정기를 껐어요.",
                after=2 * MINUTE,
            ),
            Turn("그거 켜줘", (), "어떤 기기를 말씀하시는 건가요?", after=4 * MINUTE),
            Turn("에어컨 켜줘", (), "거실 에어컨이요, 안방 에어컨이요?", asks=True),
            Turn("안방", (), "죄송해요, 무슨 말씀인지 모르겠어요.", after=4 * MINUTE),
        ),
    ),
    Dialogue(
        "ko-what-can-i-say-stale-state-and-clock-time",
        "ko",
        _P.ANSWERS,
        (
            Turn(
                "건조기한테 뭐라고 할 수 있어?",
                (),
                says=("건조기에는 이렇게 말할 수 있어요: ", "시작해", "얼마나 남았어?"),
            ),
            Turn("세탁기는?", (), says=("세탁기에는 이렇게 말할 수 있어요: ", "2시간 뒤에 돌려줘")),
            Turn(
                "제습기로 뭘 할 수 있어?",
                (),
                says=("제습기에는 이렇게 말할 수 있어요: ", "습도 50%로 맞춰줘"),
            ),
            Turn("로봇청소기한테 뭐라고 하면 돼?", (), says=("로봇청소기에는", "충전대로 돌아가")),
            Turn("세탁기 돌려줘", (WASHER_RUN,), "세탁기를 시작했어요."),
            Turn("세탁기 얼마나 남았어?", (), "세탁기는 45분 남았어요. 오후 10시 45분쯤 끝나요."),
            Turn(
                "세탁기 얼마나 남았어?",
                (),
                "5분 전 기준으로 세탁기는 45분 남았어요. 오후 10시 45분쯤 끝나요.",
                after=5 * MINUTE,
            ),
            Turn("세탁기 상태 어때?", (), says=("6분 전 기준으로 세탁기는 지금 ",), after=MINUTE),
            Turn("건조기 얼마나 남았어?", (), "6분 전 기준으로 건조기는 지금 작동 중이 아니에요."),
        ),
    ),
    Dialogue(
        "ko-start-confirmation",
        "ko",
        _P.START_CONFIRMATION,
        (
            Turn("세탁기 돌려줘", (), "정말 세탁기를 시작할까요?", asks=True),
            Turn("응", (WASHER_RUN,), "세탁기를 시작했어요."),
            Turn("로봇청소기 돌려줘", (), "정말 로봇청소기를 시작할까요?", asks=True),
            Turn("아니", (), "알겠어요, 취소할게요."),
            Turn("건조기랑 로봇청소기 돌려줘", (), "정말 로봇청소기를 시작할까요?", asks=True),
            Turn("네", (DRYER_RUN, ROBOT_RUN), "건조기를 시작했어요. 로봇청소기를 시작했어요."),
            Turn("스타일러 돌려줘", (STYLER_RUN,), "스타일러를 시작했어요."),
        ),
        confirm_start=("washer", "robot_cleaner"),
    ),
    Dialogue(
        "ko-timers-and-schedules",
        "ko",
        _P.TIME_IN_SPEECH,
        (
            Turn("거실 에어컨 켜줘", (ac_power(LIVING, True),), "거실 에어컨을 켰어요."),
            Turn(
                "40분 있다가 거실 에어컨 꺼줘", (), "40분 뒤(오후 10시 40분)에 거실 에어컨 끄기를 예약했어요."
            ),
            Turn(
                "세탁기 2시간 뒤에 돌려줘",
                (Sent(WASHER, "timer", "relativeHourToStart", 2, "MAIN"),),
                "세탁기가 2시간 뒤, 오전 12시에 시작하도록 예약했어요.",
            ),
            Turn("내일 아침 8시에 로봇청소기 돌려줘", (), "내일 오전 8시에 로봇청소기 시작을 예약했어요."),
            Turn(
                "예약된 거 뭐 있어?",
                (),
                "예약된 건 3개예요: 오후 10시 40분에 거실 에어컨 끄기, 내일 오전 12시에 세탁기 시작, "
                "내일 오전 8시에 로봇청소기 시작.",
            ),
            Turn("로봇청소기 예약 취소해줘", (), "로봇청소기 예약을 취소했어요."),
            Turn(
                "거실 에어컨 켜져 있어?",
                (ac_power(LIVING, False),),
                "거실 에어컨은 지금 꺼져 있어요.",
                after=41 * MINUTE,
            ),
            Turn(
                "세탁기 예약 취소해줘",
                (Sent(WASHER, "operation", "washerOperationMode", "STOP", "MAIN"),),
                "세탁기 예약을 취소했어요.",
            ),
            Turn("예약된 거 뭐 있어?", (), "예약된 건 없어요."),
            Turn(
                "200시간 뒤에 식기세척기 돌려줘",
                (),
                "일주일보다 먼 예약은 할 수 없어요. 아무것도 바꾸지 않았어요.",
            ),
            Turn("오후 11시에 거실 에어컨 켜줘", (), "오후 11시에 거실 에어컨 켜기를 예약했어요."),
            Turn("예약 다 취소해줘", (), "거실 에어컨 예약을 취소했어요."),
            # Nothing is scheduled, and the appliance just talked about is the one meant.
            Turn("예약 취소해줘", (), "거실 에어컨에는 예약된 게 없어요."),
        ),
    ),
    Dialogue(
        "ko-ac-timer-in-whole-hours",
        "ko",
        _P.TIME_IN_SPEECH,
        (
            Turn("안방 에어컨 켜줘", (ac_power(BEDROOM, True),), "안방 에어컨을 켰어요."),
            Turn(
                "안방 에어컨 1시간 뒤에 꺼줘",
                (Sent(BEDROOM, "timer", "relativeHourToStop", 1),),
                says=("안방 에어컨이 1시간 뒤, ", "에 꺼지도록 기기 타이머를 맞췄어요."),
            ),
            Turn("안방 에어컨 타이머 언제야?", (), says=("예약된 건 1개예요: ", "안방 에어컨 끄기")),
            Turn(
                "안방 에어컨 타이머 취소해줘",
                (Sent(BEDROOM, "timer", "relativeStopTimer", "UNSET"),),
                "안방 에어컨 예약을 취소했어요.",
            ),
            Turn("안방 에어컨 예약 있어?", (), "안방 에어컨에는 예약된 게 없어요."),
            Turn("30분 뒤에 공기청정기 꺼줘", (), says=("30분 뒤(", ")에 공기청정기 끄기를 예약했어요.")),
            Turn("공기청정기 예약 취소", (), "공기청정기 예약을 취소했어요."),
        ),
    ),
)

# en fleet ---------------------------------------------------------------------------------------
EN_LIVING, EN_BEDROOM = "Living Room AC", "Bedroom AC"
EN_WASHER, EN_DRYER, EN_DISHWASHER, EN_STYLER = "Washer", "Dryer", "Dishwasher", "Styler"
EN_PURIFIER, EN_ROBOT, EN_FRIDGE, EN_DEHUMIDIFIER = (
    "Air Purifier",
    "Robot Vacuum",
    "Refrigerator",
    "Dehumidifier",
)
EN_WASHER_RUN = Sent(EN_WASHER, "operation", "washerOperationMode", "START", "MAIN")
EN_DRYER_RUN = run(EN_DRYER, "dryerOperationMode")
EN_DISHWASHER_RUN = run(EN_DISHWASHER, "dishWasherOperationMode")
EN_STYLER_RUN = run(EN_STYLER, "stylerOperationMode")
EN_ROBOT_RUN = run(EN_ROBOT, "cleanOperationMode")
EN_WHICH_AC = "Which one: Living Room AC, Bedroom AC?"

ENGLISH: tuple[Dialogue, ...] = (
    Dialogue(
        "en-two-appliances-in-spoken-order",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "start the dishwasher and the robot vacuum",
                (EN_DISHWASHER_RUN, EN_ROBOT_RUN),
                "Started the Dishwasher. Started the Robot Vacuum.",
            ),
            Turn(
                "send the robot vacuum home and stop the dishwasher",
                (
                    run(EN_ROBOT, "cleanOperationMode", "HOMING"),
                    run(EN_DISHWASHER, "dishWasherOperationMode", "STOP"),
                ),
                "The Robot Vacuum is returning to its dock. Stopped the Dishwasher.",
            ),
            Turn(
                "start the dryer and then the washer",
                (EN_DRYER_RUN, EN_WASHER_RUN),
                "Started the Dryer. Started the Washer.",
            ),
            Turn(
                "run the styler and the dishwasher",
                (EN_STYLER_RUN, EN_DISHWASHER_RUN),
                "Started the Styler. Started the Dishwasher.",
            ),
        ),
    ),
    Dialogue(
        "en-one-appliance-several-actions",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "turn on the bedroom ac and set the fan speed to high",
                (ac_power(EN_BEDROOM, True), Sent(EN_BEDROOM, "airFlow", "windStrength", "HIGH")),
                "Turned on the Bedroom AC. Set the Bedroom AC fan speed to high.",
            ),
            Turn(
                "set the bedroom ac to dry mode and 22 degrees",
                (Sent(EN_BEDROOM, "airConJobMode", "currentJobMode", "AIR_DRY"), cool_to(EN_BEDROOM, 22)),
                "Set the Bedroom AC to dry mode. Set the Bedroom AC to 22°C.",
            ),
            Turn(
                "turn on the dehumidifier and set the humidity to 40 percent",
                (
                    Sent(EN_DEHUMIDIFIER, "operation", "dehumidifierOperationMode", "POWER_ON"),
                    Sent(EN_DEHUMIDIFIER, "humidity", "targetHumidity", 40),
                ),
                "Turned on the Dehumidifier. Set the Dehumidifier humidity to 40%.",
            ),
        ),
    ),
    Dialogue(
        "en-quantifiers",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "turn on every air conditioner",
                (ac_power(EN_LIVING, True), ac_power(EN_BEDROOM, True)),
                "Turned on the Living Room AC. Turned on the Bedroom AC.",
            ),
            Turn(
                "set all the acs to 23 degrees",
                (cool_to(EN_LIVING, 23), cool_to(EN_BEDROOM, 23)),
                "Set the Living Room AC to 23°C. Set the Bedroom AC to 23°C.",
            ),
            Turn(
                "turn off all the acs and turn on the air purifier",
                (
                    ac_power(EN_LIVING, False),
                    ac_power(EN_BEDROOM, False),
                    Sent(EN_PURIFIER, "operation", "airPurifierOperationMode", "POWER_ON"),
                ),
                "Turned off the Living Room AC. Turned off the Bedroom AC. Turned on the Air Purifier.",
            ),
            Turn(
                "turn off both air conditioners",
                (),
                "The Living Room AC is already off. The Bedroom AC is already off.",
            ),
        ),
    ),
    Dialogue(
        "en-unknown-or-ambiguous-part-holds-the-sentence",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "start the dishwasher and turn on the heater", (), "I couldn't find a device called heater."
            ),
            Turn("turn on the boiler and start the dryer", (), "I couldn't find a device called boiler."),
            Turn("start the styler and the jacuzzi", (), "I couldn't find a device called jacuzzi."),
            Turn("start the washer and set the ac to 23 degrees", (), EN_WHICH_AC, asks=True),
            Turn(
                "bedroom",
                (
                    EN_WASHER_RUN,
                    ac_power(EN_BEDROOM, True),
                    Sent(EN_BEDROOM, "airConJobMode", "currentJobMode", "COOL"),
                    cool_to(EN_BEDROOM, 23),
                ),
                "Started the Washer. Turned on the Bedroom AC and set it to 23°C.",
            ),
        ),
    ),
    Dialogue(
        "en-refused-parts-are-named",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "start the dryer and the washer",
                (EN_DRYER_RUN, Sent(EN_WASHER, "operation", "washerOperationMode", "START", "MAIN", "2301")),
                "Started the Dryer. Washer has remote control turned off: press its remote start button first. Not done: Washer.",
            ),
            Turn(
                "start the dishwasher and the styler",
                (
                    EN_DISHWASHER_RUN,
                    Sent(EN_STYLER, "operation", "stylerOperationMode", "START", None, "1222"),
                ),
                "Started the Dishwasher. Styler is offline: check its power and Wi-Fi. Not done: Styler.",
                offline=(EN_STYLER,),
            ),
        ),
        patches={EN_WASHER: REMOTE_OFF},
    ),
    Dialogue(
        "en-out-of-range-part-is-named",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "start the styler and set the fridge to 10 degrees",
                (EN_STYLER_RUN,),
                "Started the Styler. The Refrigerator can't be set to 10°C; it accepts 0°C to 7°C. Not done: Refrigerator.",
            ),
        ),
    ),
    Dialogue(
        "en-relative-temperature",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn("turn on the living room ac", (ac_power(EN_LIVING, True),), "Turned on the Living Room AC."),
            Turn("turn it up 2 degrees", (cool_to(EN_LIVING, 26),), "Set the Living Room AC to 26°C."),
            Turn("a little cooler", (cool_to(EN_LIVING, 25),), "Set the Living Room AC to 25°C."),
            Turn("make it a bit warmer", (cool_to(EN_LIVING, 26),), "Set the Living Room AC to 26°C."),
            Turn(
                "turn down the living room ac by 3 degrees",
                (cool_to(EN_LIVING, 23),),
                "Set the Living Room AC to 23°C.",
            ),
            Turn("turn it down a degree", (cool_to(EN_LIVING, 22),), "Set the Living Room AC to 22°C."),
        ),
    ),
    Dialogue(
        "en-relative-out-of-range",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn("turn on the bedroom ac", (ac_power(EN_BEDROOM, True),), "Turned on the Bedroom AC."),
            Turn(
                "turn the bedroom ac up 10 degrees",
                (),
                "The Bedroom AC can't be set to 35°C; it accepts 18°C to 30°C.",
            ),
            Turn(
                "turn it down 8 degrees", (), "The Bedroom AC can't be set to 17°C; it accepts 18°C to 30°C."
            ),
            Turn("turn it up 5 degrees", (cool_to(EN_BEDROOM, 30),), "Set the Bedroom AC to 30°C."),
            Turn("a bit warmer", (), "The Bedroom AC can't be set to 31°C; it accepts 18°C to 30°C."),
        ),
    ),
    Dialogue(
        "en-fan-speed-steps",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn("turn on the living room ac", (ac_power(EN_LIVING, True),), "Turned on the Living Room AC."),
            Turn(
                "fan speed up",
                (Sent(EN_LIVING, "airFlow", "windStrength", "HIGH"),),
                "Set the Living Room AC fan speed to high.",
            ),
            Turn("fan speed up", (), "The Living Room AC fan is already at its highest speed, high."),
            Turn(
                "fan speed down",
                (Sent(EN_LIVING, "airFlow", "windStrength", "MID"),),
                "Set the Living Room AC fan speed to mid.",
            ),
            Turn(
                "turn the living room ac fan speed down",
                (Sent(EN_LIVING, "airFlow", "windStrength", "LOW"),),
                "Set the Living Room AC fan speed to low.",
            ),
            Turn("fan speed down", (), "The Living Room AC fan is already at its lowest speed, low."),
        ),
    ),
    Dialogue(
        "en-humidity-relative",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn(
                "turn on the dehumidifier",
                (Sent(EN_DEHUMIDIFIER, "operation", "dehumidifierOperationMode", "POWER_ON"),),
                "Turned on the Dehumidifier.",
            ),
            Turn(
                "raise the dehumidifier humidity by 10 percent",
                (Sent(EN_DEHUMIDIFIER, "humidity", "targetHumidity", 60),),
                "Set the Dehumidifier humidity to 60%.",
            ),
            Turn(
                "turn the humidity up 20 percent",
                (),
                "The Dehumidifier can't be set to 80%; it accepts 30% to 70%.",
            ),
        ),
    ),
    Dialogue(
        "en-tv-volume",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn(
                "turn the volume down",
                (Sent(TV, "ssap", "audio/volumeDown", None),),
                "Turned the 거실 TV volume down.",
            ),
            Turn(
                "turn the TV volume up by 5",
                (Sent(TV, "ssap", "audio/setVolume", {"volume": 16}),),
                "Set the 거실 TV volume to 16.",
            ),
            Turn(
                "turn the volume down by 5",
                (Sent(TV, "ssap", "audio/setVolume", {"volume": 11}),),
                "Set the 거실 TV volume to 11.",
            ),
            Turn("turn the volume up by 95", (), "The 거실 TV can't be set to 106; it accepts 0 to 100."),
        ),
        tv=True,
    ),
    Dialogue(
        "en-it-means-the-appliance-just-named",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn("turn on the bedroom ac", (ac_power(EN_BEDROOM, True),), "Turned on the Bedroom AC."),
            Turn(
                "turn on the dehumidifier and set it to 40 percent",
                (
                    Sent(EN_DEHUMIDIFIER, "operation", "dehumidifierOperationMode", "POWER_ON"),
                    Sent(EN_DEHUMIDIFIER, "humidity", "targetHumidity", 40),
                ),
                "Turned on the Dehumidifier. Set the Dehumidifier humidity to 40%.",
            ),
        ),
    ),
    Dialogue(
        "en-offline-appliance-named-with-its-reason",
        "en",
        _P.SEVERAL_ACTIONS,
        (
            Turn(
                "start the dryer and the styler",
                (EN_DRYER_RUN,),
                "Started the Dryer. Styler is offline: check its power and Wi-Fi. Not done: Styler.",
            ),
        ),
        offline=(EN_STYLER,),
    ),
    Dialogue(
        "en-the-bedroom-one-as-a-choice",
        "en",
        _P.FOLLOW_UPS,
        (
            Turn("turn on the ac", (), EN_WHICH_AC, asks=True),
            Turn("the bedroom one", (ac_power(EN_BEDROOM, True),), "Turned on the Bedroom AC."),
        ),
    ),
    Dialogue(
        "en-volume-down-by-5",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn(
                "volume down by 5",
                (Sent(TV, "ssap", "audio/setVolume", {"volume": 7}),),
                "Set the 거실 TV volume to 7.",
            ),
        ),
        tv=True,
    ),
    Dialogue(
        "en-fan-speed-one-step",
        "en",
        _P.RELATIVE_CHANGES,
        (
            Turn("turn on the living room ac", (ac_power(EN_LIVING, True),), "Turned on the Living Room AC."),
            Turn(
                "turn the fan speed down one step",
                (Sent(EN_LIVING, "airFlow", "windStrength", "LOW"),),
                "Set the Living Room AC fan speed to low.",
            ),
        ),
    ),
    Dialogue(
        "en-both-after-an-ask-back",
        "en",
        _P.FOLLOW_UPS,
        (
            Turn("set the ac to 23 degrees", (), EN_WHICH_AC, asks=True),
            Turn(
                "both of them",
                (
                    ac_power(EN_LIVING, True),
                    Sent(EN_LIVING, "airConJobMode", "currentJobMode", "COOL"),
                    cool_to(EN_LIVING, 23),
                    ac_power(EN_BEDROOM, True),
                    Sent(EN_BEDROOM, "airConJobMode", "currentJobMode", "COOL"),
                    cool_to(EN_BEDROOM, 23),
                ),
                "Turned on the Living Room AC and set it to 23°C. Turned on the Bedroom AC and set it to 23°C.",
            ),
            Turn(
                "lower it more",
                (cool_to(EN_LIVING, 22), cool_to(EN_BEDROOM, 22)),
                "Set the Living Room AC to 22°C. Set the Bedroom AC to 22°C.",
            ),
        ),
    ),
    Dialogue(
        "en-cancel-or-replace-an-ask-back",
        "en",
        _P.FOLLOW_UPS,
        (
            Turn("turn on the ac", (), EN_WHICH_AC, asks=True),
            Turn("forget it", (), "OK, never mind."),
            Turn("turn it off", (), "Which device do you mean?"),
            Turn("turn off the air conditioner", (), EN_WHICH_AC, asks=True),
            Turn("never mind", (), "OK, never mind."),
            Turn("turn on the ac", (), EN_WHICH_AC, asks=True),
            Turn("start the washer", (EN_WASHER_RUN,), "Started the Washer."),
            Turn("and the dryer too", (EN_DRYER_RUN,), "Started the Dryer."),
        ),
    ),
    Dialogue(
        "en-pronouns-and-ellipses",
        "en",
        _P.FOLLOW_UPS,
        (
            Turn("turn on the living room ac", (ac_power(EN_LIVING, True),), "Turned on the Living Room AC."),
            Turn("turn it off", (), "Which device do you mean?", conversation="en-elsewhere"),
            Turn("turn it off", (ac_power(EN_LIVING, False),), "Turned off the Living Room AC."),
            Turn("start the styler", (EN_STYLER_RUN,), "Started the Styler."),
            Turn("stop it", (run(EN_STYLER, "stylerOperationMode", "STOP"),), "Stopped the Styler."),
            Turn("turn on the bedroom ac", (ac_power(EN_BEDROOM, True),), "Turned on the Bedroom AC."),
            Turn(
                "and the living room one too", (ac_power(EN_LIVING, True),), "Turned on the Living Room AC."
            ),
            Turn("turn that off", (ac_power(EN_LIVING, False),), "Turned off the Living Room AC."),
        ),
    ),
    Dialogue(
        "en-context-expires",
        "en",
        _P.FOLLOW_UPS,
        (
            Turn(
                "turn on the air purifier",
                (Sent(EN_PURIFIER, "operation", "airPurifierOperationMode", "POWER_ON"),),
                "Turned on the Air Purifier.",
            ),
            Turn(
                "turn it off",
                (Sent(EN_PURIFIER, "operation", "airPurifierOperationMode", "POWER_OFF"),),
                "Turned off the Air Purifier.",
                after=2 * MINUTE,
            ),
            Turn("turn it on", (), "Which device do you mean?", after=4 * MINUTE),
            Turn("turn on the ac", (), EN_WHICH_AC, asks=True),
            Turn("bedroom", (), "Sorry, I didn't understand that.", after=4 * MINUTE),
        ),
    ),
    Dialogue(
        "en-what-can-i-say-stale-state-and-clock-time",
        "en",
        _P.ANSWERS,
        (
            Turn(
                "what can I say to the dryer?",
                (),
                says=("You can say this to the Dryer: ", "start it", "how long is left?"),
            ),
            Turn(
                "what can I tell the washer?",
                (),
                says=("You can say this to the Washer: ", "start it in 2 hours"),
            ),
            Turn(
                "what can the dehumidifier do?",
                (),
                says=("You can say this to the Dehumidifier: ", "set the humidity to 50 percent"),
            ),
            Turn("what can I say to the robot vacuum?", (), says=("Robot Vacuum", "send it home")),
            Turn("start the washer", (EN_WASHER_RUN,), "Started the Washer."),
            Turn(
                "how long is left on the washer?",
                (),
                "The Washer has 45 minutes left; it finishes around 10:45 PM.",
            ),
            Turn(
                "how much time is left on the washer?",
                (),
                "As of 5 minutes ago, the Washer has 45 minutes left; it finishes around 10:45 PM.",
                after=5 * MINUTE,
            ),
            Turn(
                "what is the washer doing?", (), says=("As of 6 minutes ago, the Washer is ",), after=MINUTE
            ),
            Turn("how long until the dryer finishes?", (), "As of 6 minutes ago, the Dryer isn't running."),
        ),
    ),
    Dialogue(
        "en-start-confirmation",
        "en",
        _P.START_CONFIRMATION,
        (
            Turn("start the washer", (), "Do you really want to start the Washer?", asks=True),
            Turn("yes", (EN_WASHER_RUN,), "Started the Washer."),
            Turn("start the robot vacuum", (), "Do you really want to start the Robot Vacuum?", asks=True),
            Turn("no", (), "OK, never mind."),
            Turn(
                "start the dryer and the robot vacuum",
                (),
                "Do you really want to start the Robot Vacuum?",
                asks=True,
            ),
            Turn("go ahead", (EN_DRYER_RUN, EN_ROBOT_RUN), "Started the Dryer. Started the Robot Vacuum."),
            Turn("start the styler", (EN_STYLER_RUN,), "Started the Styler."),
        ),
        confirm_start=("washer", "robot_cleaner"),
    ),
    Dialogue(
        "en-timers-and-schedules",
        "en",
        _P.TIME_IN_SPEECH,
        (
            Turn("turn on the bedroom ac", (ac_power(EN_BEDROOM, True),), "Turned on the Bedroom AC."),
            Turn(
                "turn the bedroom AC off in 2 hours",
                (Sent(EN_BEDROOM, "timer", "relativeHourToStop", 2),),
                "Set the Bedroom AC timer: it turns off in 2 hours, at 12:00 AM.",
            ),
            Turn(
                "start the robot vacuum at 7 am", (), "OK, the Robot Vacuum will start tomorrow at 7:00 AM."
            ),
            # The dryer's own timer only says when to finish: ThinQ Voice keeps the start.
            Turn("start the dryer in 3 hours", (), "OK, the Dryer will start in 3 hours (1:00 AM)."),
            Turn(
                "turn off the living room ac in 30 minutes",
                (),
                "OK, the Living Room AC will turn off in 30 minutes (10:30 PM).",
            ),
            Turn(
                "what's scheduled?",
                (),
                "Scheduled: the Living Room AC will turn off at 10:30 PM; the Bedroom AC will turn off "
                "tomorrow at 12:00 AM; the Dryer will start tomorrow at 1:00 AM; the Robot Vacuum will "
                "start tomorrow at 7:00 AM.",
            ),
            Turn("cancel the dryer schedule", (), "Cancelled what was scheduled for the Dryer."),
            Turn(
                "cancel the bedroom AC timer",
                (Sent(EN_BEDROOM, "timer", "relativeStopTimer", "UNSET"),),
                "Cancelled what was scheduled for the Bedroom AC.",
            ),
            Turn("is anything scheduled?", (EN_ROBOT_RUN,), "Nothing is scheduled.", after=9 * 60 * MINUTE),
            Turn("start the dishwasher at 25", (), "Sorry, I didn't understand that."),
            # 14 whole hours ahead: the AC's own timer takes it.
            Turn(
                "turn off the bedroom ac at 9 pm",
                (Sent(EN_BEDROOM, "timer", "relativeHourToStop", 14),),
                "Set the Bedroom AC timer: it turns off in 14 hours, at 9:00 PM.",
            ),
            Turn(
                "cancel all timers",
                (Sent(EN_BEDROOM, "timer", "relativeStopTimer", "UNSET"),),
                "Cancelled what was scheduled for the Bedroom AC.",
            ),
        ),
    ),
)
