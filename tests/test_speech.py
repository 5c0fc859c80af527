"""The agent's wording in each language it speaks (`agent.speech`): what a new language must say too."""

from datetime import date, datetime, timedelta

import pytest

from custom_components.thinq_voice.agent.speech import (
    SUPPORTED_LANGUAGES,
    language_code,
    number_words,
    speech,
)


def test_every_language_has_every_message() -> None:
    """A message missing in one language would fail only when said: every language has them all."""
    keys = {code: set(speech(code).messages) for code in SUPPORTED_LANGUAGES}
    assert keys["ko"] == keys["en"]


@pytest.mark.parametrize(
    ("tag", "code"), [("ko", "ko"), ("ko-KR", "ko"), ("en-US", "en"), ("de", "en"), (None, "en")]
)
def test_a_language_tag_picks_the_wording(tag: str | None, code: str) -> None:
    """Korean for a Korean tag; English for English and for any language the agent does not speak."""
    assert language_code(tag) == code
    assert speech(code).code == code


def test_values_are_written_as_said() -> None:
    """Whole numbers lose their ".0", a numeric sensor's state too."""
    assert number_words(23.0) == "23"
    assert number_words("22.5") == "22.5"
    assert number_words("40.0") == "40"


def test_korean_and_english_grammar() -> None:
    """Particles, speeds without names, dates and times of day, in each language."""
    korean, english = speech("ko"), speech("en")
    assert korean.say("turned_on", device="에어컨") == "에어컨을 켰어요."
    assert korean.speed_step(5, 6) == "5단계"
    assert english.speed_step(5, 6) == "speed 5"
    assert korean.speed_step(2, 3) == "중풍"
    assert korean.date(date(2026, 12, 3)) == "12월 3일"
    assert english.date(date(2026, 12, 3)) == "Dec 3"
    assert korean.clock(datetime(2026, 12, 3, 15, 20)) == "오후 3시 20분"
    assert english.clock(datetime(2026, 12, 3, 0, 5)) == "12:05 AM"
    assert korean.duration(timedelta(hours=1, minutes=5)) == "1시간 5분"
    assert english.duration(timedelta(minutes=1)) == "1 minute"
    assert korean.degrees(-18, "°C") == "영하 18도"
    assert english.degrees(-18, "°C") == "-18°C"
    assert korean.which(["거실 에어컨", "안방 TV"]) == "거실 에어컨이요, 안방 TV요?"
