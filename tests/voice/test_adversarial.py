"""Hand-written near misses: none of these may act; the "X 말고 Y" ones act on Y only."""

import pytest

from custom_components.thinq_voice.voice import DeviceType, Intent, NotUnderstood, Reason, parse

from .generated import acts

MUST_NOT_ACT = {
    "에어컨 켜지 마": Reason.NEGATION,
    "세탁기 절대 돌리지 마": Reason.NEGATION,
    "에어컨 끄지 마라": Reason.NEGATION,
    "거실 에어컨 안 켜도 돼": Reason.NEGATION,
    "다음 달에 세탁기 돌려줘": Reason.TIME_TOO_FAR,
    "내년에 건조기 돌려줘": Reason.TIME_TOO_FAR,
    "내일 세탁기 돌려줘": Reason.TIME_UNREADABLE,
    "나중에 세탁기 돌려줘": Reason.TIME_UNREADABLE,
    "주말에 로봇청소기 돌려줘": Reason.TIME_UNREADABLE,
    "다음 주 화요일 세탁기 돌려줘": Reason.TIME_UNREADABLE,
    "매일 아침 7시에 에어컨 켜줘": Reason.TIME_UNREADABLE,
    "에어컨 25리터로 맞춰줘": Reason.UNPLACED,
    "세탁기 3 돌려줘": Reason.UNPLACED,
    "세탁기 돌면 에어컨 꺼줘": Reason.CONDITION,
    "7시까지 에어컨 켜줘": Reason.UNPLACED,
    "don't turn on the ac": Reason.NEGATION,
    "never start the washer": Reason.NEGATION,
    "start the washer next month": Reason.TIME_TOO_FAR,
    "start the washer tomorrow": Reason.TIME_UNREADABLE,
    "turn on the ac next week": Reason.TIME_UNREADABLE,
    "set the ac to 25 liters": Reason.UNPLACED,
    "start the washer 3": Reason.UNPLACED,
    "turn on the ac until 7 pm": Reason.CONDITION,
    "if it gets hot turn on the ac": Reason.CONDITION,
}


@pytest.mark.parametrize(("text", "reason"), MUST_NOT_ACT.items())
def test_must_not_act(text: str, reason: Reason) -> None:
    result = parse(text)
    assert isinstance(result, NotUnderstood), result
    assert result.reason is reason


@pytest.mark.parametrize(
    "text",
    ["세탁기 건조기 돌려줘", "다음 달 세탁기 말고", "turn off the kitchen lights"],
)
def test_unplaced_words_do_not_act(text: str) -> None:
    """Words no grammar places stay in the target: the agent acts only if a name has them."""
    assert acts(parse(text)) is None


@pytest.mark.parametrize(
    ("text", "intent", "device"),
    [
        ("세탁기 말고 건조기 돌려줘", Intent.START, DeviceType.DRYER),
        ("에어컨 말고 공기청정기 켜줘", Intent.TURN_ON, DeviceType.AIR_PURIFIER),
        ("start the dryer, not the washer", Intent.START, DeviceType.DRYER),
        ("turn off the washer not the dryer", Intent.TURN_OFF, DeviceType.WASHER),
        ("건조기 돌려놓을래?", Intent.START, DeviceType.DRYER),
        ("식세기 돌려도 될까?", Intent.START, DeviceType.DISH_WASHER),
        ("crank the ac up to 24", Intent.SET_TEMPERATURE, DeviceType.AIR_CONDITIONER),
    ],
)
def test_acts_on_what_is_meant(text: str, intent: Intent, device: DeviceType) -> None:
    done = acts(parse(text))
    assert done is not None
    assert [(summary[0], summary[1]) for summary in done] == [(intent, device)]
