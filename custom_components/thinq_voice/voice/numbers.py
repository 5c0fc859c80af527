"""Spoken numbers: Sino-Korean (이십삼), native Korean (스물세) and English words (twenty three)."""

import re

_SINO_DIGITS = {
    "영": 0,
    "공": 0,
    "일": 1,
    "이": 2,
    "삼": 3,
    "사": 4,
    "오": 5,
    "육": 6,
    "륙": 6,
    "칠": 7,
    "팔": 8,
    "구": 9,
}
_SINO_PLACES = {"십": 10, "백": 100, "천": 1000}
SINO_CHARS = "".join(_SINO_DIGITS) + "".join(_SINO_PLACES) + "만"

_NATIVE_TENS = {
    "열": 10,
    "스물": 20,
    "스무": 20,
    "서른": 30,
    "마흔": 40,
    "쉰": 50,
    "예순": 60,
    "일흔": 70,
    "여든": 80,
    "아흔": 90,
}
_NATIVE_ONES = {
    "하나": 1,
    "한": 1,
    "둘": 2,
    "두": 2,
    "셋": 3,
    "세": 3,
    "석": 3,
    "넷": 4,
    "네": 4,
    "넉": 4,
    "다섯": 5,
    "여섯": 6,
    "일곱": 7,
    "여덟": 8,
    "아홉": 9,
}


def _alternation(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


NATIVE_PATTERN = f"(?:(?:{_alternation(_NATIVE_TENS)})\\s?(?:{_alternation(_NATIVE_ONES)})?|(?:{_alternation(_NATIVE_ONES)}))"
"""Regex source for one native Korean number of 1-99, optionally spaced ("스물 세")."""


def parse_sino(text: str) -> int | None:
    """Return the value of a Sino-Korean number ("이십삼" → 23, "백" → 100), spaces ignored.

    Returns None when ``text`` is not a well-formed number: two digits in a row ("이삼"),
    places out of order ("십백") or other characters.
    """
    text = "".join(text.split())
    if not text:
        return None
    if text in {"영", "공"}:
        return 0
    total = 0
    section = 0
    digit: int | None = None
    last_place = 10_000
    for char in text:
        if char in _SINO_DIGITS:
            if digit is not None or _SINO_DIGITS[char] == 0:
                return None
            digit = _SINO_DIGITS[char]
        elif char in _SINO_PLACES:
            place = _SINO_PLACES[char]
            if place >= last_place:
                return None
            section += (digit or 1) * place
            digit = None
            last_place = place
        elif char == "만" and total == 0:
            total = (section + (digit or 0) or 1) * 10_000
            section, digit, last_place = 0, None, 10_000
        else:
            return None
    return total + section + (digit or 0)


def parse_native(text: str) -> int | None:
    """Return the value of a native Korean number ("스물세" → 23, "한" → 1), spaces ignored."""
    text = "".join(text.split())
    for tens_word, tens in _NATIVE_TENS.items():
        if text == tens_word:
            return tens
        if text.startswith(tens_word) and (ones := _NATIVE_ONES.get(text[len(tens_word) :])):
            return tens + ones
    return _NATIVE_ONES.get(text)


def parse_korean_number(text: str) -> int | None:
    """Return the value of a Sino-Korean or native Korean number, or None."""
    value = parse_sino(text)
    return value if value is not None else parse_native(text)


_EN_ONES = {
    "zero": 0,
    "oh": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fourty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_NUMBER_WORDS = frozenset(_EN_ONES) | frozenset(_EN_TENS) | {"hundred"}
# "one" is also a pronoun ("that one"); it counts as a number only before a unit-like word.
_AFTER_ONE = frozenset(
    {
        "hour",
        "hours",
        "minute",
        "minutes",
        "degree",
        "degrees",
        "percent",
        "point",
        "and",
        "second",
        "seconds",
        "half",
        "hundred",
    }
)


def _word_value(words: list[str]) -> int | None:
    """Return the value of a run of English number words ("twenty three", "one hundred")."""
    current = 0
    for word in words:
        if word in _EN_ONES:
            if current % 10 or (current and _EN_ONES[word] >= 10):
                return None
            current += _EN_ONES[word]
        elif word in _EN_TENS:
            if current % 100:
                return None
            current += _EN_TENS[word]
        else:  # "hundred"
            if current >= 100:
                return None
            current = (current or 1) * 100
    return current


def english_words_to_digits(text: str) -> str:
    """Rewrite English number words as digits: "set to twenty three point five" → "set to 23.5".

    Also "a"/"an" before a time unit ("in an hour" → "in 1 hour"), "and a half"/"half" after a
    number ("2 and a half hours" → "2.5 hours", "an hour and a half" → "1.5 hour"), and "half an
    hour" → "30 minutes". Runs that are not a well-formed number are left alone.
    """
    words = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text).split()
    out: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if word in _EN_NUMBER_WORDS and (
            word != "one" or (index + 1 < len(words) and words[index + 1] in _AFTER_ONE)
        ):
            end = index
            while end < len(words) and words[end] in _EN_NUMBER_WORDS:
                end += 1
            value = _word_value(words[index:end])
            if value is not None:
                number = str(value)
                if end + 1 < len(words) and words[end] == "point" and words[end + 1].isdigit():
                    number += "." + words[end + 1]
                    end += 2
                elif end + 1 < len(words) and words[end] == "point" and words[end + 1] in _EN_ONES:
                    number += f".{_EN_ONES[words[end + 1]]}"
                    end += 2
                out.append(number)
                index = end
                continue
        out.append(word)
        index += 1
    joined = " ".join(out)
    joined = re.sub(r"\bhalf (?:an|a) hour\b", "30 minutes", joined)
    joined = re.sub(r"\b(?:an?|one) (hour|minute|second)s?\b", r"1 \1", joined)
    joined = re.sub(r"\b(\d+) (hours?|minutes?|degrees?) and (?:a )?half\b", r"\1.5 \2", joined)
    return re.sub(r"\b(\d+) and (?:a )?half\b", r"\1.5", joined)
