"""Spoken numbers in Korean and English."""

import pytest

from custom_components.thinq_voice.voice.numbers import (
    english_words_to_digits,
    parse_korean_number,
    parse_native,
    parse_sino,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("일", 1),
        ("삼", 3),
        ("십", 10),
        ("십팔", 18),
        ("이십", 20),
        ("이십삼", 23),
        ("이십 삼", 23),
        ("백", 100),
        ("이백오십", 250),
        ("천", 1000),
        ("만", 10000),
        ("삼만 오천", 35000),
        ("영", 0),
        ("공", 0),
        ("이삼", None),
        ("십백", None),
        ("영일", None),
        ("만만", None),
        ("세탁기", None),
        ("", None),
    ],
)
def test_parse_sino(text: str, expected: int | None) -> None:
    assert parse_sino(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("하나", 1),
        ("한", 1),
        ("두", 2),
        ("세", 3),
        ("넷", 4),
        ("다섯", 5),
        ("열", 10),
        ("열여덟", 18),
        ("스물", 20),
        ("스무", 20),
        ("스물세", 23),
        ("스물 셋", 23),
        ("서른", 30),
        ("아흔아홉", 99),
        ("스물열", None),
        ("세탁", None),
    ],
)
def test_parse_native(text: str, expected: int | None) -> None:
    assert parse_native(text) == expected


def test_parse_korean_number_prefers_sino() -> None:
    assert parse_korean_number("이십삼") == 23
    assert parse_korean_number("스물세") == 23
    assert parse_korean_number("오븐") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("set to twenty three", "set to 23"),
        ("set to twenty-three", "set to 23"),
        ("set to twenty three point five", "set to 23.5"),
        ("set to twenty point 5", "set to 20.5"),
        ("one hundred degrees", "100 degrees"),
        ("minus twenty", "minus 20"),
        ("in an hour", "in 1 hour"),
        ("in a minute", "in 1 minute"),
        ("in half an hour", "in 30 minutes"),
        ("in an hour and a half", "in 1.5 hour"),
        ("in two and a half hours", "in 2.5 hours"),
        ("turn on that one", "turn on that one"),
        ("one degree", "1 degree"),
        # A run that is not one number is read word by word.
        ("twenty twenty", "twenty 20"),
        ("three twenty", "three 20"),
        ("twelve three", "twelve 3"),
        ("one hundred hundred", "one hundred 100"),
        ("no numbers here", "no numbers here"),
    ],
)
def test_english_words_to_digits(text: str, expected: str) -> None:
    assert english_words_to_digits(text) == expected
