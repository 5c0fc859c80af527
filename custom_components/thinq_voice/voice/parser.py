"""Entry point: normalise the text, pick the grammar by script, build the result."""

from dataclasses import replace
import re
import unicodedata

from . import conditions, grammar_en, grammar_ko
from .clause import Clause, build
from .model import (
    Action,
    Command,
    Intent,
    Language,
    NotUnderstood,
    ParseResult,
    Reason,
    TargetPhrase,
    Utterance,
    WhenEvent,
)

MAX_LENGTH = 300
"""Longest accepted input, in characters: a spoken command is far shorter."""

_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")
_LATIN = re.compile(r"[a-z]")
# Keep what numbers, contractions and clause breaks need (23.5, -20, °, %, it's, ","); everything
# else separates words.
_PUNCTUATION = re.compile(r"[^\w\s.,%°'\-/]|_")
_LOOSE_DOTS = re.compile(r"(?<!\d)\.|\.(?!\d)")
# Words that take back the last target: "아니, 거실 거", "그거 말고 안방 거", "not that one, the bedroom one".
_CORRECTION_WORDS = (
    r"아니(?:야|요|오)?|아뇨|아냐|(?:그거|그게|그건|이거|저거)?\s?말고|no|nope|not (?:that|this|the)(?: one)?"
    r"|i meant?|i said"
)
_BREAK = r"(?:\s*,\s*|\s+|$)"
_CORRECTION = re.compile(rf"^(?:{_CORRECTION_WORDS}){_BREAK}")
# ... and words that open a follow-up naming another appliance: "and the bedroom one too".
_FOLLOW_UP_OPENERS = re.compile(
    rf"^(?:{_CORRECTION_WORDS}|그럼|그리고|and|also|then|what about|how about){_BREAK}"
)


def parse(text: str, language: str | None = None) -> ParseResult:
    """Understand one sentence of a Korean or English appliance command or question.

    Args:
        text: The sentence as transcribed.
        language: The conversation language ("ko", "en", "ko-KR", ...) or None. Any Hangul
            routes the sentence to the Korean grammar and other text to the English one,
            whatever the hint says, so mixed sentences ("TV 켜줘") work in either pipeline; the
            hint only names the language of a result that has no words to go by.

    Returns:
        An `Utterance` with one or more parts, or `NotUnderstood` with a reason. Never raises.
    """
    hint = _language(language)
    if language and hint is None:
        return NotUnderstood(text, None, Reason.UNSUPPORTED_LANGUAGE)
    if len(text) > MAX_LENGTH:
        return NotUnderstood(text, hint, Reason.TOO_LONG)
    normal = unicodedata.normalize("NFKC", text).lower()
    if not normal.strip():
        return NotUnderstood(text, hint, Reason.EMPTY)
    if not any(char.isalnum() for char in normal):
        return NotUnderstood(text, hint, Reason.NO_WORDS)
    question_mark = "?" in normal
    words = _words(normal)
    if _HANGUL.search(words):
        found = Language.KO
    elif _LATIN.search(words):
        found = Language.EN
    elif words.isascii():
        return NotUnderstood(text, hint, Reason.NO_INTENT)
    else:
        return NotUnderstood(text, None, Reason.UNSUPPORTED_LANGUAGE)
    result = _read(words, found, question_mark)
    if isinstance(result, Reason):
        return NotUnderstood(text, found, result)
    return Utterance(text, found, result)


def _read(words: str, language: Language, question_mark: bool) -> tuple[Action, ...] | Reason:
    """Read the words of a sentence in a language, its condition first."""
    grammar = grammar_ko if language is Language.KO else grammar_en
    split = (conditions.split_korean if language is Language.KO else conditions.split_english)(
        grammar.prepare(words)
    )
    if split is False:
        return Reason.CONDITION
    if isinstance(split, conditions.Condition):
        return _read_condition(split, language)
    clauses = grammar.parse_clauses(words, question_mark)
    if not clauses:
        return Reason.EMPTY
    actions = build(clauses)
    return actions if isinstance(actions, Reason) else tuple(actions)


def _read_condition(split: conditions.Condition, language: Language) -> tuple[Action, ...] | Reason:
    """Read a when-then sentence: every part waits for the event; nothing is for now."""
    grammar = grammar_ko if language is Language.KO else grammar_en
    subjects = grammar.read_targets(split.subject)
    if len(subjects) != 1 or subjects[0].every or not (subjects[0].key or subjects[0].pronoun):
        return Reason.CONDITION
    when = WhenEvent(subjects[0], split.event)
    if split.notify:
        return (Command(Intent.NOTIFY, when=when),)
    main = _read(split.main, language, question_mark=False) if split.main else Reason.CONDITION
    if isinstance(main, Reason):
        return main
    if not all(isinstance(part, Command) for part in main):
        return Reason.CONDITION
    return tuple(replace(part, when=when) for part in main if isinstance(part, Command))


def _language(language: str | None) -> Language | None:
    if not language:
        return None
    try:
        return Language(language.lower().replace("_", "-").split("-")[0])
    except ValueError:
        return None


def parse_fragment(text: str) -> tuple[TargetPhrase, ...]:
    """Read a follow-up that only names appliances: "아니, 거실 거", "and the bedroom one too", "둘 다".

    The agent repeats the conversation's last action on them. Returns the target phrases, or an
    empty tuple when the sentence says more than names (a verb, a value, a question) or nothing.
    """
    words = _FOLLOW_UP_OPENERS.sub("", _words(unicodedata.normalize("NFKC", text).lower()))
    if not words or len(text) > MAX_LENGTH:
        return ()
    grammar = grammar_ko if _HANGUL.search(words) else grammar_en
    clauses = grammar.parse_clauses(words, question_mark=False)
    if not clauses or not all(_names_only(clause) for clause in clauses):
        return ()
    return tuple(target for clause in clauses for target in clause.targets)


def is_correction(text: str) -> bool:
    """Return whether a follow-up takes back the last target rather than adding one.

    True when it starts with a correction word: "아니, 거실 거", "그거 말고 거실 거", "말고 거실",
    "no, the living room one", "not that one, the bedroom one", "I meant the living room one".
    The agent then does the last action on the new target instead of the old one; `parse_fragment`
    gives the new target either way.
    """
    return bool(_CORRECTION.match(_words(unicodedata.normalize("NFKC", text).lower())))


def _names_only(clause: Clause) -> bool:
    return (
        clause.verb is None
        and clause.question is None
        and not clause.has_value
        and not clause.modifiers
        and bool(clause.targets)
    )


def _words(normal: str) -> str:
    """Return normalised text as words: punctuation that numbers do not need becomes space."""
    return " ".join(_LOOSE_DOTS.sub(" ", _PUNCTUATION.sub(" ", normal)).split())
