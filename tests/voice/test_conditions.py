"""When-then sentences: the condition is read into `Command.when`, or the sentence is refused."""

import pytest

from custom_components.thinq_voice.voice import (
    ApplianceEvent,
    Command,
    DeviceType,
    Intent,
    NotUnderstood,
    Reason,
    Utterance,
    parse,
)

_E = ApplianceEvent
_D = DeviceType

CASES = [
    ("세탁 끝나면 건조기 돌려줘", _D.WASHER, _E.FINISHED, [(Intent.START, _D.DRYER)]),
    ("빨래 끝나면 알려줘", _D.WASHER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    ("세탁기 다 돌면 에어컨 꺼줘", _D.WASHER, _E.FINISHED, [(Intent.TURN_OFF, _D.AIR_CONDITIONER)]),
    ("세탁기가 끝났을 때 나한테 알려 줘", _D.WASHER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    ("건조기 다 되면 스타일러 돌려 주세요", _D.DRYER, _E.FINISHED, [(Intent.START, _D.STYLER)]),
    ("식세기 끝나고 나서 로봇청소기 돌려줘", _D.DISH_WASHER, _E.FINISHED, [(Intent.START, _D.ROBOT_CLEANER)]),
    ("세탁기 끝나자마자 알려줘", _D.WASHER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    ("오븐 예열 다 되면 알려줘", _D.OVEN, _E.PREHEATED, [(Intent.NOTIFY, None)]),
    ("오븐 예열 끝나면 알림 보내줘", _D.OVEN, _E.PREHEATED, [(Intent.NOTIFY, None)]),
    ("냉장고 문 열리면 알려줘", _D.REFRIGERATOR, _E.DOOR_OPEN, [(Intent.NOTIFY, None)]),
    ("세탁기 에러 나면 알려줘", _D.WASHER, _E.ERROR, [(Intent.NOTIFY, None)]),
    ("세탁기 멈추면 알려줘", _D.WASHER, _E.PAUSED, [(Intent.NOTIFY, None)]),
    ("건조기 시작하면 에어컨 켜줘", _D.DRYER, _E.STARTED, [(Intent.TURN_ON, _D.AIR_CONDITIONER)]),
    ("지니야 세탁기 좀 끝나면 알려줘", _D.WASHER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    (
        "세탁 끝나면 건조기 돌리고 에어컨 꺼줘",
        _D.WASHER,
        _E.FINISHED,
        [(Intent.START, _D.DRYER), (Intent.TURN_OFF, _D.AIR_CONDITIONER)],
    ),
    ("세탁기 다 됐으면 건조기 돌려줘", _D.WASHER, _E.FINISHED, [(Intent.START, _D.DRYER)]),
    ("세탁 끝났으면 알려줘", _D.WASHER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    ("when the washer finishes, start the dryer", _D.WASHER, _E.FINISHED, [(Intent.START, _D.DRYER)]),
    ("tell me when the oven is preheated", _D.OVEN, _E.PREHEATED, [(Intent.NOTIFY, None)]),
    ("start the dryer when the washer is done", _D.WASHER, _E.FINISHED, [(Intent.START, _D.DRYER)]),
    (
        "once the dishwasher is done, turn the ac off",
        _D.DISH_WASHER,
        _E.FINISHED,
        [(Intent.TURN_OFF, _D.AIR_CONDITIONER)],
    ),
    ("let me know when the laundry is done", _D.WASHER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    ("could you tell me when the dryer finishes", _D.DRYER, _E.FINISHED, [(Intent.NOTIFY, None)]),
    ("notify me if the washer has an error", _D.WASHER, _E.ERROR, [(Intent.NOTIFY, None)]),
    ("alert me when the fridge door opens", _D.REFRIGERATOR, _E.DOOR_OPEN, [(Intent.NOTIFY, None)]),
    ("when the dryer starts turn on the ac", _D.DRYER, _E.STARTED, [(Intent.TURN_ON, _D.AIR_CONDITIONER)]),
]


@pytest.mark.parametrize(("text", "subject", "event", "parts"), CASES, ids=[case[0] for case in CASES])
def test_condition_is_read(
    text: str, subject: DeviceType, event: ApplianceEvent, parts: list[tuple[Intent, DeviceType | None]]
) -> None:
    result = parse(text)
    assert isinstance(result, Utterance), result
    commands = [part for part in result.parts if isinstance(part, Command)]
    assert len(commands) == len(result.parts)
    for command in commands:
        assert command.when is not None
        assert command.when.target.device_type is subject
        assert command.when.event is event
        assert not command.later
    assert [(c.intent, c.target.device_type if c.target else None) for c in commands] == parts


REFUSED = [
    "세탁기 돌면 에어컨 꺼줘",
    "세탁기 돌아가는 동안 에어컨 켜줘",
    "에어컨 켜거든 알려줘",
    "끝나면 건조기 돌려줘",
    "세탁 끝나면 세탁 끝나면 알려줘",
    "if the washer stops, turn off the ac",
    "turn on the ac until 7 pm",
    "when the washer stops start the dryer",
    "start the dryer unless the washer is running",
    "when it rains turn off the dehumidifier",
]


@pytest.mark.parametrize("text", REFUSED)
def test_unreadable_condition_is_refused(text: str) -> None:
    result = parse(text)
    assert isinstance(result, NotUnderstood), result
    assert result.reason is Reason.CONDITION


@pytest.mark.parametrize(
    "text",
    [
        "tv 화면 꺼줘",
        "스타일러 끝나려면 얼마나 걸려?",
        "안방 온도 어때?",
        "how long until the dryer finishes?",
        "when will the washer finish?",
        "turn off the ac after 2 hours",
        "공기청정기 수면 모드로 해줘",
        "로봇청소기한테 뭐라고 하면 돼?",
    ],
)
def test_words_that_look_like_conditions(text: str) -> None:
    result = parse(text)
    assert isinstance(result, Utterance), result
    assert all(getattr(part, "when", None) is None for part in result.parts)
