"""English times: delays up to days and weeks, clock times with a day or weekday, unreadable times.

"in 40 minutes", "in two days", "tomorrow at 7 am", "the day after tomorrow at 8 am", "on friday at
7 pm"; "next month" is too far (`FAR`) and "tomorrow" or "later" alone cannot be read (`TIME_WORDS`).
"""

import re

from .clause import Clause, DayPart, clock_time
from .model import Quantity, Unit

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DELAY = re.compile(
    r"\b(?:in|after|within)?\s?(?P<num>\d+(?:\.\d+)?|(?<=in )an?|(?<=after )an?)\s?"
    r"(?P<unit>hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?)\b(?: (?:from now|later|time))?"
)
# Times beyond what can be scheduled, refused with that reason: never done now.
FAR = re.compile(
    r"\bnext (?:month|year)\b|\b(?:in|after) (?:a|an|one|\d+|a few|few|several|a couple of) (?:months?|years?)\b"
    r"|\b(?:in|after) (?:a few|few|several|a couple of) weeks\b"
)
# Time words left once the times that can be read were taken: "tomorrow", "later", "next week".
TIME_WORDS = frozenset(
    {
        "today",
        "tomorrow",
        "tonight",
        "later",
        "soon",
        "morning",
        "afternoon",
        "evening",
        "night",
        "noon",
        "weekend",
        "week",
        "weeks",
        "weekday",
        "daily",
        "day",
        "days",
        "next",
        "hour",
        "hours",
        "minute",
        "minutes",
        "am",
        "pm",
        "oclock",
        "midnight",
        "before",
        "eventually",
        "sometime",
        *_WEEKDAYS,
    }
)
_TIME_UNITS = {"h": Unit.HOURS, "m": Unit.MINUTES, "s": Unit.SECONDS, "d": Unit.DAYS, "w": Unit.DAYS}


_CLOCK = re.compile(
    r"(?:\b(?P<at>at) )?(?:(?P<hour>\b\d{1,2})(?:[.\s](?P<minute>\d{2}))?(?![\d.])"
    r"(?:\s?(?P<meridiem>[ap])\s?m\b|\s(?P<oclock>oclock|o clock)\b)?|\b(?P<noon>noon|midday|midnight)\b)"
    r"(?!\s?(?:degrees?|percent|per cent|%|°))"
    r"(?: (?P<part>in the (?:morning|afternoon|evening)|at night|tonight))?"
)
_CLOCK_DAY = re.compile(
    r"\b(?:(?:on )?(?:the )?day after tomorrow(?: (?:morning|afternoon|evening|night))?"
    r"|tomorrow(?: (?:morning|afternoon|evening|night))?|this (?:morning|afternoon|evening)|tonight"
    r"|(?:on |this )?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?: (?:morning|afternoon|evening|night))?)\b"
)
_DAY_PARTS = {
    "am": DayPart.MORNING,
    "pm": DayPart.AFTERNOON,
    "morning": DayPart.MORNING,
    "afternoon": DayPart.AFTERNOON,
    "evening": DayPart.EVENING,
    "night": DayPart.NIGHT,
    "tonight": DayPart.NIGHT,
}


def take_clock(text: str, clause: Clause) -> tuple[str, int | None]:
    """Take a time of day ("at 7:30 pm", "tomorrow at noon"); also return the hour of a bare "at N".

    A number counts as a time with "at" before it or am/pm or o'clock after it.
    """
    match = next(
        (
            found
            for found in _CLOCK.finditer(text)
            if found["at"] or found["meridiem"] or found["oclock"] or found["noon"]
        ),
        None,
    )
    if match is None:
        return text, None
    text = f"{text[: match.start()]} {text[match.end() :]}"
    day_words: list[str] = []
    weekday: int | None = None
    if day := _CLOCK_DAY.search(text):
        day_words = day.group().split()
        weekday = _WEEKDAYS.index(day["weekday"]) if day["weekday"] else None
        text = f"{text[: day.start()]} {text[day.end() :]}"
    # Trailing verbs ("turn the ac on at 7 pm") are looked for at the very end.
    text = " ".join(text.split())
    days_ahead = (2 if "after" in day_words else 1) if "tomorrow" in day_words else 0
    part: DayPart | None
    if match["noon"]:
        part = DayPart.MORNING if match["noon"] == "midnight" else DayPart.AFTERNOON
        clause.set_clock(clock_time(12, 0, part, days_ahead, weekday))
        return text, None
    if match["meridiem"]:
        part = _DAY_PARTS[match["meridiem"] + "m"]
    elif match["part"]:
        part = _DAY_PARTS[match["part"].split()[-1]]
    else:
        part = _DAY_PARTS.get(day_words[-1]) if day_words else None
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    clause.set_clock(clock_time(hour, minute, part, days_ahead, weekday))
    bare = part is None and not match["minute"] and not match["oclock"]
    return text, hour if bare else None


def take_delay(text: str, clause: Clause) -> str:
    """Take delays ("in 2 hours", "in two days", "after an hour") into the clause; return the rest."""

    def take(match: re.Match[str]) -> str:
        number = float(match["num"]) if match["num"][0].isdigit() else 1.0
        amount = number * (7 if match["unit"][0] == "w" else 1)
        clause.add_quantity(Quantity(amount, _TIME_UNITS[match["unit"][0]]))
        return " "

    return " ".join(_DELAY.sub(take, text).split())
