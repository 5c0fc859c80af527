"""Korean times: clock times with days and weekdays, spans of days, and words no time can be read from.

"내일 아침 7시에", "모레 저녁 8시 반에", "금요일 저녁 7시에", "이틀 뒤에", "2주 뒤"; "다음 달에" is too far
(`FAR`) and "나중에" or "저녁에" alone cannot be read (`TIME_WORDS`), so the grammar refuses them.
"""

import re

from .clause import Clause, DayPart, clock_time
from .model import Quantity, Unit
from .numbers import parse_korean_number, parse_native

# A time of day: "오후 7시에", "저녁 7시 반에", "내일 아침 7시 30분에", "일곱 시에", "정오에".
_CLOCK = re.compile(
    r"(?<![가-힣\d])(?:(?P<day>오늘|내일\s?모레|낼\s?모레|내일|낼|모레|글피"
    r"|(?P<span>이틀|사흘|나흘|닷새|엿새|\d)\s?(?:일\s?)?(?:뒤|후)(?:에)?)\s?)?"
    r"(?:(?:이번\s?주\s?)?(?P<weekday>[월화수목금토일])요일\s?(?:날\s?)?(?:에\s?)?)?"
    r"(?:(?P<part>오전|오후|아침|저녁|밤|낮|새벽)\s?)?"
    r"(?:(?P<hour>\d{1,2}|열한|열두|다섯|여섯|일곱|여덟|아홉|한|두|세|네|열)\s?시(?!간)"
    r"(?:\s?(?:(?P<minute>\d{1,2}|[이삼사오]?십\s?[일이삼사오육칠팔구]?|[일이삼사오육칠팔구])\s?분|(?P<half>반)))?"
    r"|(?P<noon>정오|자정))"
    r"(?:\s?정각)?(?:에는|에|쯤에?|경에?)?(?=\s|$)"
)
_DAYS_AHEAD = {"오늘": 0, "내일": 1, "낼": 1, "모레": 2, "내일모레": 2, "낼모레": 2, "글피": 3}
_SPAN_DAYS = {
    "이틀": 2,
    "사흘": 3,
    "나흘": 4,
    "닷새": 5,
    "엿새": 6,
    "이레": 7,
    "일주일": 7,
    "한주": 7,
    "한주일": 7,
}
_WEEKDAYS = "월화수목금토일"
# "이틀 뒤에", "3일 후", "일주일 있다가", "2주 뒤": a delay of whole days.
_DAY_SPAN = re.compile(
    r"(?<![가-힣\d])(?:(?P<word>이틀|사흘|나흘|닷새|엿새|이레|일주일|한\s?주일?)|(?P<days>\d+)\s?일|(?P<weeks>\d+|두|세)\s?주일?)"
    r"\s?(?:뒤|후|있다가|지나서)(?:에는|에)?(?=\s|$)"
)
# Times beyond what can be scheduled: refused with that reason, never done now.
FAR = re.compile(r"다음\s?달|담달|내년|다음\s?해|연말|(?:한|두|세|몇|\d+)\s?(?:달|개월)|몇\s?주")
# Time words left over once the times that can be read were taken: "다음 주에", "이따가", "저녁에".
TIME_WORDS = frozenset(
    {
        "오늘",
        "내일",
        "낼",
        "모레",
        "글피",
        "내일모레",
        "이따",
        "이따가",
        "있다가",
        "나중",
        "나중에",
        "아침",
        "저녁",
        "밤",
        "새벽",
        "오전",
        "오후",
        "낮",
        "점심",
        "주말",
        "평일",
        "매일",
        "매주",
        "다음주",
        "다음날",
        "이번주",
        "곧",
        "이후",
        "정각",
        "쯤",
        "시",
        "시에",
        "분",
        "반",
        "자정",
        "정오",
        "하루",
        "주",
        "다음",
        "이번",
        "후",
        "뒤",
        "전",
        "뒤에",
        "후에",
        "전에",
        "날",
        "요일",
        *(f"{day}요일" for day in "월화수목금토일"),
    }
)
_DAY_PARTS = {
    "오전": DayPart.MORNING,
    "아침": DayPart.MORNING,
    "새벽": DayPart.MORNING,
    "오후": DayPart.AFTERNOON,
    "낮": DayPart.DAYTIME,
    "저녁": DayPart.EVENING,
    "밤": DayPart.NIGHT,
}


def take_clock(text: str, clause: Clause) -> str:
    """Take a time of day, with its day or weekday, into the clause; return the rest of the text."""
    match = _CLOCK.search(text)
    if match is None:
        return text
    if match["span"]:
        span = match["span"]
        days_ahead = int(span) if span.isdigit() else _SPAN_DAYS[span]
    else:
        days_ahead = _DAYS_AHEAD.get("".join((match["day"] or "").split()), 0)
    weekday = _WEEKDAYS.index(match["weekday"]) if match["weekday"] else None
    if match["noon"]:
        part = DayPart.AFTERNOON if match["noon"] == "정오" else DayPart.MORNING
        clause.set_clock(clock_time(12, 0, part, days_ahead, weekday))
    else:
        hour = match["hour"]
        minute = "30" if match["half"] else match["minute"] or "0"
        clause.set_clock(
            clock_time(
                int(hour) if hour.isdigit() else parse_native(hour) or 0,
                int(minute) if minute.isdigit() else parse_korean_number(minute) or 0,
                _DAY_PARTS.get(match["part"] or ""),
                days_ahead,
                weekday,
            )
        )
    if weekday is not None and match["day"]:
        clause.bad_time = True  # "내일 금요일 7시에": two days said
    return f"{text[: match.start()]} {text[match.end() :]}"


def take_day_span(text: str, clause: Clause) -> str:
    """Take a delay of whole days ("이틀 뒤에", "3일 후", "2주 뒤")."""
    match = _DAY_SPAN.search(text)
    if match is None:
        return text
    if match["word"]:
        days = _SPAN_DAYS["".join(match["word"].split())]
    elif match["days"]:
        days = int(match["days"])
    else:
        weeks = match["weeks"]
        days = 7 * (int(weeks) if weeks.isdigit() else parse_native(weeks) or 0)
    clause.add_quantity(Quantity(float(days), Unit.DAYS))
    return f"{text[: match.start()]} {text[match.end() :]}"
