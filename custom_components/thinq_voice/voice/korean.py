"""Korean helpers: final consonants (받침), particle (조사) choice for answers, particle stripping.

Particle choice follows the pronunciation of the word's last sound:

* Hangul: the syllable's 받침 (``(code - 0xAC00) % 28``); ㄹ counts as a vowel for 으로/로.
* Digits: the Sino-Korean reading of the number, so the last non-zero digit decides
  (1 일, 3 삼, 6 육, 7 칠, 8 팔, 0 영 have a 받침), except that trailing zeros are read as a
  place word: 10 십, 100 백, 1000 천, 10000 만.
* Latin letters: an all-capital word of up to four letters is spelled out, so its last letter
  decides (L 엘, M 엠, N 엔, R 알 have a 받침: "TV를", "AC를", "LG를", "HDMI를"). Other words are
  read as English: a final m, n, ng, l, k, p or t is a 받침 ("Oven을", "Robot을"); anything
  else, including a silent r, is not ("Washer를", "Dryer를").
* A word with no readable last sound (empty, symbols only) gets both forms: "을(를)".
"""

import re

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3
_RIEUL = 8  # index of ㄹ among the 28 final-consonant slots

# (after a consonant, after a vowel)
_PAIRS: dict[str, tuple[str, str]] = {
    "을/를": ("을", "를"),
    "이/가": ("이", "가"),
    "은/는": ("은", "는"),
    "과/와": ("과", "와"),
    "으로/로": ("으로", "로"),
    "아/야": ("아", "야"),
    "이에요/예요": ("이에요", "예요"),
    "이랑/랑": ("이랑", "랑"),
    "이나/나": ("이나", "나"),
}
_PAIRS |= {f"{vowel}/{consonant}": (consonant, vowel) for consonant, vowel in list(_PAIRS.values())}

# Final consonant index of the Sino-Korean reading of each digit (0 = none).
_DIGIT_FINALS = {
    "0": 21,
    "1": _RIEUL,
    "2": 0,
    "3": 16,
    "4": 0,
    "5": 0,
    "6": 1,
    "7": _RIEUL,
    "8": _RIEUL,
    "9": 0,
}
# Trailing zeros read as a place word: 십 (ㅂ), 백 (ㄱ), 천 (ㄴ), 만 (ㄴ).
_PLACE_FINALS = {1: 17, 2: 1, 3: 4, 4: 4}
_LETTER_FINALS = {"l": _RIEUL, "r": _RIEUL, "m": 16, "n": 4}
_WORD_FINALS = (("ng", 21), ("ck", 1), ("l", _RIEUL), ("m", 16), ("n", 4), ("k", 1), ("p", 17), ("t", 19))
_LAST_SOUND = re.compile(r"([0-9]+|[A-Za-z]+|[\uac00-\ud7a3])[^0-9A-Za-z\uac00-\ud7a3]*$")


def is_hangul_syllable(char: str) -> bool:
    """Return whether ``char`` is one precomposed Hangul syllable (가-힣)."""
    return len(char) == 1 and _HANGUL_FIRST <= ord(char) <= _HANGUL_LAST


def final_consonant_index(word: str) -> int | None:
    """Return the 받침 index (0 = none, 8 = ㄹ) of how ``word`` ends, or None if unreadable."""
    if word.rstrip().endswith("%"):
        return 0  # "80%" is read "팔십 퍼센트"
    match = _LAST_SOUND.search(word)
    if match is None:
        return None
    last = match.group(1)
    if is_hangul_syllable(last):
        return (ord(last) - _HANGUL_FIRST) % 28
    if last.isdigit():
        stripped = last.rstrip("0")
        zeros = len(last) - len(stripped)
        if not stripped:
            return _DIGIT_FINALS["0"]
        if zeros:
            return _PLACE_FINALS.get(zeros, _PLACE_FINALS[4])
        return _DIGIT_FINALS[stripped[-1]]
    if last.isupper() and len(last) <= 4:
        return _LETTER_FINALS.get(last[-1].lower(), 0)
    lower = last.lower()
    return next((index for ending, index in _WORD_FINALS if lower.endswith(ending)), 0)


def has_final_consonant(word: str) -> bool:
    """Return whether ``word`` is read with a final consonant (받침), per the module rules."""
    return bool(final_consonant_index(word))


def particle_for(word: str, pair: str) -> str:
    """Return the particle of ``pair`` (e.g. "을/를") that fits after ``word``.

    Raises:
        ValueError: ``pair`` is not one of the supported pairs.
    """
    try:
        after_consonant, after_vowel = _PAIRS[pair]
    except KeyError:
        raise ValueError(f"unsupported particle pair: {pair!r}") from None
    index = final_consonant_index(word)
    if index is None:
        return f"{after_consonant}({after_vowel})"
    if index == 0 or (index == _RIEUL and after_consonant == "으로"):
        return after_vowel
    return after_consonant


def josa(word: str, pair: str) -> str:
    """Return ``word`` followed by the fitting particle: ``josa("에어컨", "을/를") == "에어컨을"``.

    Raises:
        ValueError: ``pair`` is not one of the supported pairs.
    """
    return word + particle_for(word, pair)


# Particles stripped from the end of a target word, longest first. The flag says whether the
# particle only follows a consonant (True), only a vowel (False) or either (None); a particle
# whose allomorph does not fit the syllable before it is part of the word ("사과" keeps 과).
_PARTICLES: tuple[tuple[str, bool | None], ...] = (
    ("에서는", None),
    ("에서도", None),
    ("으로는", True),
    ("에게서", None),
    ("에서", None),
    ("에게", None),
    ("한테", None),
    ("께서", None),
    ("으로", True),
    ("이랑", True),
    ("하고", None),
    ("까지", None),
    ("부터", None),
    ("처럼", None),
    ("이나", True),
    ("이요", True),
    ("은", True),
    ("는", False),
    ("이", True),
    ("가", False),
    ("을", True),
    ("를", False),
    ("과", True),
    ("와", False),
    ("랑", False),
    ("로", False),
    ("도", None),
    ("의", None),
    ("에", None),
    ("만", None),
    ("께", None),
    ("요", False),
)
PARTICLES = frozenset(particle for particle, _ in _PARTICLES)
"""Every particle `split_particle` strips."""
CONJUNCTIONS = frozenset({"하고", "이랑", "랑", "과", "와"})
"""Particles that join two nouns ("세탁기랑 건조기"): they split a phrase into several targets."""


def split_particle(word: str) -> tuple[str, str]:
    """Split a trailing particle off ``word``: ``"에어컨을"`` → ``("에어컨", "을")``.

    The stem must keep at least two characters and the particle's allomorph must fit it, so
    "거실로" → ("거실", "로") (ㄹ takes 로) but "사과", "포도" and "하나" are left whole.
    """
    for particle, after_consonant in _PARTICLES:
        if len(word) < len(particle) + 2 or not word.endswith(particle):
            continue
        stem = word[: -len(particle)]
        last = stem[-1]
        if after_consonant is not None:
            if not is_hangul_syllable(last):
                # Digits and Latin letters: use their reading ("TV를", "AC로").
                if has_final_consonant(stem) != after_consonant and particle != "로":
                    continue
            else:
                index = (ord(last) - _HANGUL_FIRST) % 28
                fits = (
                    index != 0
                    if after_consonant
                    else index in {0, _RIEUL}
                    if particle == "로"
                    else index == 0
                )
                if not fits:
                    continue
        return stem, particle
    return word, ""
