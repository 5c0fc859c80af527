"""Parser behaviour beyond the corpus: bad input, language routing, the result model."""

from datetime import timedelta
import time

import pytest

from custom_components.thinq_voice.voice import (
    MAX_LENGTH,
    ClockTime,
    Command,
    DeviceType,
    Direction,
    Intent,
    Language,
    NotUnderstood,
    Quantity,
    Reason,
    TargetPhrase,
    Unit,
    Utterance,
    is_correction,
    parse,
    parse_fragment,
)


@pytest.mark.parametrize(
    ("text", "language", "reason", "found"),
    [
        ("", None, Reason.EMPTY, None),
        ("   \n\t ", "ko", Reason.EMPTY, Language.KO),
        ("😀😀😀", None, Reason.NO_WORDS, None),
        ("?!...", "en", Reason.NO_WORDS, Language.EN),
        ("12345", "ko", Reason.NO_INTENT, Language.KO),
        ("こんにちは", None, Reason.UNSUPPORTED_LANGUAGE, None),
        ("Включи свет", None, Reason.UNSUPPORTED_LANGUAGE, None),
        ("세탁기 켜줘", "fr", Reason.UNSUPPORTED_LANGUAGE, None),
        ("세" * (MAX_LENGTH + 1), "ko", Reason.TOO_LONG, Language.KO),
        ("지니야 좀 제발", "ko", Reason.EMPTY, Language.KO),
        ("please", "en", Reason.EMPTY, Language.EN),
    ],
)
def test_not_understood(text: str, language: str | None, reason: Reason, found: Language | None) -> None:
    result = parse(text, language)
    assert result == NotUnderstood(text, found, reason)


@pytest.mark.parametrize(
    "text",
    [
        "세탁기 켜줘 " * 180,
        "a" * 2000,
        "이" * 2000,
        "turn on the " + "and the washer " * 130,
        "에어컨 " + "이십 " * 600 + "도로 맞춰줘",
        "1" * 2000,
        "ㅋ" * 2000,
    ],
)
def test_long_input_completes(text: str) -> None:
    # Not a timing assertion: these inputs must simply come back (no catastrophic backtracking).
    result = parse(text, None)
    assert isinstance(result, NotUnderstood)
    assert result.reason is Reason.TOO_LONG


@pytest.mark.parametrize(
    "text",
    [
        "세탁기 " * 40 + "켜줘",
        "이십 " * 90 + "도로 맞춰줘",
        "turn on the washer and the dryer and the styler and " * 5,
        "에어컨" * 90 + " 켜",
        "-" * 290 + " 1",
        "what is " * 35,
    ],
)
def test_longest_accepted_input_completes(text: str) -> None:
    assert len(text) <= MAX_LENGTH
    started = time.perf_counter()
    result = parse(text, None)
    assert isinstance(result, Utterance | NotUnderstood)
    # Loose sanity bound only (seconds, not the sub-millisecond target), so slow CI cannot flake.
    assert time.perf_counter() - started < 5


def test_script_routing_beats_hint() -> None:
    korean = parse("TV 켜줘", "en")
    english = parse("turn on the tv", "ko-KR")
    assert isinstance(korean, Utterance)
    assert korean.language is Language.KO
    assert isinstance(english, Utterance)
    assert english.language is Language.EN


def test_language_variants_accepted() -> None:
    for language in ("ko", "KO", "ko-KR", "ko_KR", "en", "en-US", None, ""):
        assert isinstance(parse("세탁기 켜줘", language), Utterance)


def test_utterance_keeps_original_text() -> None:
    text = "지니야, 세탁기 켜줘!"
    result = parse(text, "ko")
    assert isinstance(result, Utterance)
    assert result.text == text


def test_nfd_hangul_is_composed() -> None:
    import unicodedata

    result = parse(unicodedata.normalize("NFD", "세탁기 켜줘"), "ko")
    assert isinstance(result, Utterance)
    assert result.parts[0].target is not None
    assert result.parts[0].target.key == "세탁기"


def test_full_target_fields() -> None:
    result = parse("거실에 있는 에어컨을 꺼줘", "ko")
    assert isinstance(result, Utterance)
    assert result.parts == (
        Command(
            Intent.TURN_OFF,
            TargetPhrase(
                "거실 에어컨", "거실에어컨", "거실에에어컨을", DeviceType.AIR_CONDITIONER, area="거실"
            ),
        ),
    )


def test_relative_and_delta() -> None:
    up = Command(Intent.SET_TEMPERATURE, value=Quantity(2, Unit.DEGREES), direction=Direction.UP)
    down = Command(Intent.SET_TEMPERATURE, value=Quantity(2, Unit.DEGREES), direction=Direction.DOWN)
    absolute = Command(Intent.SET_TEMPERATURE, value=Quantity(23, Unit.DEGREES))
    unsized = Command(Intent.SET_TEMPERATURE, direction=Direction.UP)
    assert up.relative and up.delta == 2
    assert down.delta == -2
    assert not absolute.relative and absolute.delta is None
    assert unsized.relative and unsized.delta is None


def test_delay_is_timedelta() -> None:
    result = parse("세탁기 1시간 30분 뒤에 돌려줘", "ko")
    assert isinstance(result, Utterance)
    command = result.parts[0]
    assert isinstance(command, Command)
    assert command.delay == timedelta(hours=1, minutes=30)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("포도도 켜줘", "포도", True),
        ("마루가 켜줘", "마루가", True),
        ("마루가 켜줘", "마루", True),
        ("마루가를 켜줘", "마루가", True),
        ("거실 에어컨 켜줘", "거실 에어컨", True),
        ("거실 에어컨 켜줘", "거실에어컨", True),
        ("거실 에어컨 켜줘", "안방 에어컨", False),
        ("거실 에어컨 켜줘", "", False),
        ("에어컨을 켜줘", "에어", False),
        ("turn on the Living Room AC", "living room ac", True),
    ],
)
def test_target_matches(text: str, name: str, expected: bool) -> None:
    result = parse(text, None)
    assert isinstance(result, Utterance)
    target = result.parts[0].target
    assert target is not None
    assert target.matches(name) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("아니, 거실 거", [("거실", False)]),
        ("안방 것도", [("안방", False)]),
        ("둘 다", [("", True)]),
        ("both of them", [("", True)]),
        ("and the bedroom one too", [("bedroom", False)]),
        ("no, the living room one", [("livingroom", False)]),
        ("아니 거실 에어컨", [("거실에어컨", False)]),
        ("아니야 안방 거", [("안방", False)]),
        ("아냐, 거실", [("거실", False)]),
        ("그거 말고 거실 거", [("거실", False)]),
        ("말고 거실", [("거실", False)]),
        ("not that one, the bedroom one", [("bedroom", False)]),
        ("no the bedroom AC", [("bedroomac", False)]),
        ("I meant the living room one", [("livingroom", False)]),
        ("세탁기는?", [("세탁기", False)]),
        ("켜줘", []),
        ("2도", []),
        ("   ", []),
        ("세탁기 " * 100, []),
    ],
)
def test_parse_fragment(text: str, expected: list[tuple[str, bool]]) -> None:
    """A follow-up that only names appliances gives their phrases; anything more gives none."""
    assert [(target.key, target.every) for target in parse_fragment(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("아니, 거실 거", True),
        ("아니 거실 에어컨", True),
        ("아니야 안방 거", True),
        ("아냐, 거실", True),
        ("아니요, 안방", True),
        ("그거 말고 거실 거", True),
        ("그거말고 거실 거", True),
        ("말고 거실", True),
        ("No, the living room one.", True),
        ("not that one, the bedroom one", True),
        ("no the bedroom AC", True),
        ("nope, the dryer", True),
        ("I meant the living room one", True),
        ("안방 것도", False),
        ("그리고 안방 거", False),
        ("and the bedroom one too", False),
        ("nothing on the tv", False),
        ("거실 에어컨 꺼줘", False),
        ("", False),
    ],
)
def test_is_correction(text: str, expected: bool) -> None:
    assert is_correction(text) is expected


@pytest.mark.parametrize(
    ("text", "at"),
    [
        ("낮 2시에 켜줘", ClockTime(14)),
        ("낮 11시에 켜줘", ClockTime(11)),
        ("저녁 12시에 꺼줘", ClockTime(0)),
        ("밤 1시에 꺼줘", ClockTime(1)),
        ("오전 12시에 꺼줘", ClockTime(0)),
        ("오후 12시 5분에 켜줘", ClockTime(12, 5)),
        ("0시에 꺼줘", ClockTime(0)),
        ("24시에 꺼줘", ClockTime(0)),
        ("일곱 시 삼십 분에 켜줘", ClockTime(7, 30, meridiem_known=False)),
        ("열두 시에 꺼줘", ClockTime(12, meridiem_known=False)),
        ("내일 정오에 켜줘", ClockTime(12, days_ahead=1)),
        ("turn it on at 12 pm", ClockTime(12)),
        ("turn it on at 5 in the afternoon", ClockTime(17)),
        ("turn it off at 8 in the morning", ClockTime(8)),
        ("turn it off tonight at 9", ClockTime(21)),
        ("turn it off this evening at 6", ClockTime(18)),
        ("start it tomorrow at noon", ClockTime(12, days_ahead=1)),
        ("start it at 0:30", ClockTime(0, 30)),
        ("start it at 7 30", ClockTime(7, 30, meridiem_known=False)),
    ],
)
def test_clock_times(text: str, at: ClockTime) -> None:
    result = parse(text, None)
    assert isinstance(result, Utterance), result
    command = result.parts[0]
    assert isinstance(command, Command)
    assert command.at == at
    assert command.delay is None
    assert command.later


@pytest.mark.parametrize(
    "text", ["24시 30분에 꺼줘", "오후 0시에 꺼줘", "turn it off at 0 pm", "turn it off at 24:30"]
)
def test_impossible_clock_times(text: str) -> None:
    result = parse(text, None)
    assert isinstance(result, NotUnderstood)
    assert result.reason is Reason.MISSING_VALUE


def test_now_is_not_later() -> None:
    result = parse("에어컨 꺼줘", "ko")
    assert isinstance(result, Utterance)
    command = result.parts[0]
    assert isinstance(command, Command)
    assert not command.later
    assert not command.implied
