"""What the agent says, in every language it speaks: one module per language.

`speech(language)` is a conversation's wording (`korean.Korean`, `english.English`, both shaped by
`base.Speech`); nothing else in the integration branches on the language. A new language is a
new module here with its `Speech`, added to `_LANGUAGES`.
"""

from .base import Speech, number_words
from .english import ENGLISH
from .korean import KOREAN

# Korean first: it is the agent's first language, and Assist lists them in this order.
_LANGUAGES: tuple[Speech, ...] = (KOREAN, ENGLISH)
_BY_CODE = {language.code: language for language in _LANGUAGES}
SUPPORTED_LANGUAGES = [language.code for language in _LANGUAGES]
# Replies that say yes to a question ("정말 시작할까요?") or drop it, in any language.
YES_WORDS = frozenset().union(*(language.yes_words for language in _LANGUAGES))
CANCEL_WORDS = frozenset().union(*(language.cancel_words for language in _LANGUAGES))

__all__ = [
    "SUPPORTED_LANGUAGES",
    "Speech",
    "language_code",
    "number_words",
    "say",
    "speech",
]


def language_code(tag: str | None) -> str:
    """Return the language the agent speaks for a language tag ("ko-KR" → "ko"); English otherwise."""
    lowered = (tag or "").lower()
    return next((code for code in _BY_CODE if lowered.startswith(code)), ENGLISH.code)


def speech(language: str) -> Speech:
    """Return the wording of a language the agent speaks ("ko", "en"); English for any other."""
    return _BY_CODE.get(language, ENGLISH)


def say(language: str, key: str, **values: object) -> str:
    """Return message `key` in `language` with values filled in."""
    return speech(language).say(key, **values)
