"""When-then sentences: the condition ("세탁 끝나면", "when the washer finishes") and what follows.

The condition is split off before the grammars read the rest, so a command with a condition can
never be read as a command for now. A condition that is said but cannot be read makes the whole
sentence `Reason.CONDITION`: "세탁기 돌면 에어컨 꺼줘" must not switch the air conditioner off.
"""

from dataclasses import dataclass
import re

from .model import ApplianceEvent

_E = ApplianceEvent

# Korean events as (words before the verb, verb stem), by event. Every stem takes 면 directly
# (it ends in a vowel or ㄹ). Preheated and door events come first: "예열 끝나면" is preheated.
_KO_EVENT_STEMS: tuple[tuple[ApplianceEvent, tuple[tuple[str, str], ...]], ...] = (
    (
        _E.PREHEATED,
        (
            (r"예열\s?(?:이\s?)?(?:다\s?)?", "되"),
            (r"예열\s?(?:이\s?)?(?:다\s?)?", "끝나"),
            (r"예열\s?(?:이\s?)?완료\s?", "되"),
        ),
    ),
    (_E.DOOR_OPEN, ((r"(?:문|도어)\s?(?:이|을|를)?\s?", "열리"), (r"(?:문|도어)\s?(?:을|를)?\s?", "열"))),
    (
        _E.ERROR,
        (
            (r"(?:에러|오류|고장|문제|이상)\s?(?:가|이)?\s?", "나"),
            (r"(?:에러|오류|고장|문제|이상)\s?(?:가|이)?\s?", "생기"),
            (r"(?:에러|오류)\s?(?:가|이)?\s?", "뜨"),
        ),
    ),
    (_E.PAUSED, ((r"일시\s?정지\s?", "되"), (r"일시\s?정지\s?", "하"), ("", "멈추"))),
    (
        _E.STARTED,
        (
            (r"(?:(?:돌기|돌아가기|작동하기)\s?)?시작\s?", "되"),
            (r"(?:(?:돌기|돌아가기|작동하기)\s?)?시작\s?", "하"),
            ("", "켜지"),
        ),
    ),
    (
        _E.FINISHED,
        (
            (r"(?:다\s?)?", "끝나"),
            (r"(?:다\s?)?", "끝내"),
            (r"(?:다\s?)?", "마치"),
            (r"다\s?", "되"),
            (r"다\s?", "돌"),
            (r"완료\s?", "되"),
            (r"완료\s?", "하"),
            (r"종료\s?", "되"),
        ),
    ),
)
# The past of a stem's last syllable, for "-았을 때": 끝나 → 끝났, 되 → 됐, 돌 → 돌았.
_KO_PAST = {
    "나": "났",
    "되": "됐",
    "돌": "돌았",
    "치": "쳤",
    "지": "졌",
    "리": "렸",
    "하": "했",
    "추": "췄",
    "기": "겼",
    "뜨": "떴",
    "내": "냈",
    "열": "열었",
}
_RIEUL = 8
_FINAL_COUNT = 28


def _with_rieul(syllable: str) -> str:
    """Return a syllable with ㄹ as its final consonant (나 → 날 for "끝날 때"); 돌 stays 돌."""
    if (ord(syllable) - 0xAC00) % _FINAL_COUNT:
        return syllable
    return chr(ord(syllable) + _RIEUL)


def _ko_forms(before: str, stem: str) -> str:
    """Return the regex of a condition: -면, -고 나서, -자마자, -거든, -ㄹ 때, -았을 때."""
    head, last = stem[:-1], stem[-1]
    forms = [
        rf"{stem}(?:으?면|고\s?나(?:서|면)|자마자|거든|는\s?대로)",
        rf"{head}{_with_rieul(last)}\s?때",
        rf"{head}{_KO_PAST[last]}(?:\s?을\s?때|으면)",
    ]
    return f"{before}(?:{'|'.join(forms)})"


_KO_CONDITION = re.compile(
    "(?:"
    + "|".join(
        f"(?P<{event.value}>" + "|".join(_ko_forms(before, stem) for before, stem in stems) + ")"
        for event, stems in _KO_EVENT_STEMS
    )
    + r")(?:에|에는)?(?:\s|,|$)"
)
# Words that end like a condition (-면, -ㄹ 때, -고 나서, -자마자, -거든, -동안): when no event above
# was read, the sentence is refused rather than acted on without its condition.
_KO_CONDITION_ENDINGS = ("면", "자마자", "거든", "동안", "때", "는대로")
_KO_NOT_CONDITIONS = frozenset(
    {
        "화면",
        "라면",
        "전면",
        "후면",
        "측면",
        "양면",
        "앞면",
        "뒷면",
        "장면",
        "표면",
        "냉면",
        "수면",
        "면",
        "어때",
        "어떄",
    }
)
_KO_NOTIFY = re.compile(
    r"^(?:(?:나|저|우리)(?:한테|에게|께)\s?)?(?:알려|말해|얘기해|이야기해|알림\s?(?:보내|해|줘|주|울려)|알람\s?(?:울려|해))"
    r"\S*(?:\s?(?:줘|주세요|줄래|줄래요|줘요|줄\s?수\s?있어|주실래요))?$|^알림$"
)

_EN_EVENTS: tuple[tuple[ApplianceEvent, str], ...] = (
    (
        _E.PREHEATED,
        r"(?:is |gets |has )?(?:preheated|(?:done|finished|through) preheating|finishes preheating|"
        r"is (?:up to temperature|hot))",
    ),
    (_E.DOOR_OPEN, r"door (?:is )?(?:opens|opened|open|is left open)"),
    (_E.ERROR, r"(?:has|gets|shows|throws) an? (?:error|problem|fault)|errors out|fails|breaks down"),
    (_E.PAUSED, r"(?:is |gets )?pauses?d?|is paused"),
    (_E.STARTED, r"(?:starts|started|begins|has started|is started|turns on|comes on|starts running)"),
    (
        _E.FINISHED,
        r"(?:is |gets |has |s )?(?:finish(?:es|ed)?|done|ends|ended|complete[sd]?|completed|through)"
        r"(?: (?:its |the |with the )?(?:cycle|run|program|washing|drying|cleaning|laundry|dishes|load))?",
    ),
)
_EN_EVENT = "|".join(f"(?P<{event.value}>{pattern})" for event, pattern in _EN_EVENTS)
_EN_WHEN_WORD = (
    r"(?:when(?! (?:will|does|do|did|is|are|was|can|should|would)\b)|once|whenever|as soon as|after|if)"
)
_EN_CONDITION_FIRST = re.compile(
    rf"^{_EN_WHEN_WORD} (?P<cond>.+?) (?:{_EN_EVENT})(?:,| then|$| )\s*(?:then )?(?P<main>.*)$"
)
_EN_CONDITION_LAST = re.compile(rf"^(?P<main>.+?),? {_EN_WHEN_WORD} (?P<cond>.+?) (?:{_EN_EVENT})$")
# A condition said in any other words; "after 2 hours" is a delay, "when will" / "when does" a question.
_EN_ANY_CONDITION = re.compile(
    r"\b(?:if|unless|until|till|whenever|once|as soon as|before)\b"
    r"|\bwhen\b(?! (?:will|does|do|did|is|are|was|can|should|would)\b)"
    r"|\bafter\b(?! (?:\d|an? |one |two |three |four |five |six |ten |half |twenty |thirty |forty |fifty |tomorrow))"
)
_EN_QUESTION = re.compile(
    r"^(?:how|what|which|where|who|when (?:will|does|do|did|is|are|was|can|should|would)"
    r"|is|are|does|do|did|has|have|will|was)\b"
)
_EN_NOTIFY = re.compile(
    r"^(?:please )?(?:tell me|let me know|notify me|alert me|remind me|ping me|give me a (?:shout|heads up)"
    r"|send (?:me )?a notification|announce it|say so)(?: please)?$"
)


@dataclass(frozen=True, slots=True)
class Condition:
    """A sentence split at its condition: the event words, the appliance words, the rest."""

    event: ApplianceEvent
    subject: str
    """The words naming the appliance of the event ("세탁", "the washer")."""
    main: str
    """What to do when it happens; empty for a bare notification."""
    notify: bool
    """The main part only asks to be told ("알려줘", "tell me")."""


def split_korean(text: str) -> Condition | bool | None:
    """Split a Korean sentence at its condition.

    Returns the `Condition`, None when the sentence has none, or False when it has a condition
    that could not be read (the caller refuses the sentence).
    """
    match = _KO_CONDITION.search(text)
    if match is None:
        words = text.replace(",", " ").split()
        return False if any(_is_condition_word(words, index) for index in range(len(words))) else None
    event = next(event for event in ApplianceEvent if match[event.value])
    subject = text[: match.start()].strip(" ,")
    main = text[match.end() :].strip(" ,")
    if not subject or split_korean(main) is not None:
        return False
    notify = bool(_KO_NOTIFY.match(main))
    return Condition(event, subject, "" if notify else main, notify)


def _is_condition_word(words: list[str], index: int) -> bool:
    """Return whether a word ends like a condition ("돌면", "때", "나서"), not a noun like 화면."""
    word = words[index]
    if word in _KO_NOT_CONDITIONS or word.endswith(("어때", "려면")):
        # "어때" asks; "끝나려면" says what for ("끝나려면 얼마나 걸려?").
        return False
    if (
        word.endswith("면")
        and words[index + 1 : index + 2]
        and words[index + 1].startswith(("돼", "되", "될"))
    ):
        # "뭐라고 하면 돼?" asks what will do; it sets no condition.
        return False
    return word.endswith(_KO_CONDITION_ENDINGS) or word in {"나서", "나면", "대로"}


def split_english(text: str) -> Condition | bool | None:
    """Split an English sentence at its condition; same results as `split_korean`."""
    match = _EN_CONDITION_FIRST.match(text) or _EN_CONDITION_LAST.match(text)
    if match is None:
        # "how long until the dryer finishes?" asks; only a command with a condition is refused.
        asks = _EN_QUESTION.match(text)
        return False if _EN_ANY_CONDITION.search(text) and not asks else None
    event = next(event for event in ApplianceEvent if match[event.value])
    main = match["main"].strip(" ,")
    notify = bool(_EN_NOTIFY.match(main))
    if _EN_ANY_CONDITION.search(main) or _EN_ANY_CONDITION.search(match["cond"]):
        return False
    return Condition(event, match["cond"].strip(" ,"), "" if notify else main, notify)
