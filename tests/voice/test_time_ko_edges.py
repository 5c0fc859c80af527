"""Korean times the corpus does not say: two days for one time, weeks counted in native numbers."""

from datetime import timedelta

import pytest

from custom_components.thinq_voice.voice import (
    ClockTime,
    Command,
    Intent,
    Language,
    NotUnderstood,
    Reason,
    Utterance,
    parse,
)


@pytest.mark.parametrize(
    "text",
    [
        "내일 금요일 7시에 세탁기 돌려줘",
        "모레 일요일 저녁 8시에 에어컨 꺼줘",
        "오늘 월요일 정오에 건조기 돌려줘",
    ],
)
def test_a_day_and_a_weekday_for_one_time_is_refused(text: str) -> None:
    # "내일 금요일": which one is meant? Nothing is scheduled for a day the user did not mean.
    assert parse(text, "ko") == NotUnderstood(text, Language.KO, Reason.MISSING_VALUE)


def test_a_weekday_alone_is_scheduled() -> None:
    result = parse("금요일 저녁 7시에 세탁기 돌려줘", "ko")
    assert isinstance(result, Utterance)
    (command,) = result.parts
    assert isinstance(command, Command)
    assert command.at == ClockTime(hour=19, minute=0, meridiem_known=True, days_ahead=0, weekday=4)


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("두 주 뒤에 세탁기 돌려줘", 14),
        ("세 주일 후에 세탁기 돌려줘", 21),
        ("2주 뒤에 세탁기 돌려줘", 14),
        ("3일 후에 세탁기 돌려줘", 3),
    ],
)
def test_weeks_and_days_ahead(text: str, days: int) -> None:
    result = parse(text, "ko")
    assert isinstance(result, Utterance)
    (command,) = result.parts
    assert isinstance(command, Command)
    assert command.intent is Intent.START
    assert command.delay == timedelta(days=days)


@pytest.mark.parametrize(
    ("text", "days"),
    [("이틀 뒤에 세탁기 돌려줘", 2), ("일주일 있다가 세탁기 돌려줘", 7)],
)
def test_days_ahead_in_words(text: str, days: int) -> None:
    result = parse(text, "ko")
    assert isinstance(result, Utterance)
    (command,) = result.parts
    assert isinstance(command, Command)
    assert command.delay == timedelta(days=days)


@pytest.mark.parametrize(
    ("text", "days_ahead"),
    [("이틀 뒤 저녁 7시에 세탁기 돌려줘", 2), ("3일 후 저녁 7시에 세탁기 돌려줘", 3)],
)
def test_a_clock_time_some_days_ahead(text: str, days_ahead: int) -> None:
    result = parse(text, "ko")
    assert isinstance(result, Utterance)
    (command,) = result.parts
    assert isinstance(command, Command)
    assert command.at == ClockTime(
        hour=19, minute=0, meridiem_known=True, days_ahead=days_ahead, weekday=None
    )
    assert command.delay is None
