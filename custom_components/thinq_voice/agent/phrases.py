"""The user's own phrases: `<config>/thinq_voice_phrases.yaml`, read when the entry loads.

```yaml
ko:
  빨래 시작: 세탁기 돌려줘
  잘 자:
    - 거실 에어컨 꺼줘
    - 공기청정기 꺼줘
en:
  laundry time: start the washer
```

A sentence that matches a phrase (ignoring case, spacing and end punctuation) is understood as
the sentence or sentences it stands for. Edit the file, then reload ThinQ Voice.
"""

from pathlib import Path
import re

import yaml

from ..const import LOGGER
from .speech import SUPPORTED_LANGUAGES

PHRASES_FILE = "thinq_voice_phrases.yaml"
_NOT_KEY = re.compile(r"[\s.,!?~]+")

type Phrases = dict[str, dict[str, list[str]]]


def phrase_key(text: str) -> str:
    """Return how a phrase is compared: lower case, no spaces or end punctuation."""
    return _NOT_KEY.sub("", text).lower()


def load_phrases(config_dir: str) -> Phrases:
    """Read the phrases file; a missing file is no phrases, a broken one is logged and ignored."""
    path = Path(config_dir) / PHRASES_FILE
    if not path.exists():
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        LOGGER.error("Ignoring %s: it is not valid YAML (%s)", PHRASES_FILE, err)
        return {}
    phrases: Phrases = {}
    if not isinstance(data, dict):
        LOGGER.error("Ignoring %s: expected languages (ko, en) at the top", PHRASES_FILE)
        return {}
    for language, entries in data.items():
        if str(language) not in SUPPORTED_LANGUAGES or not isinstance(entries, dict):
            LOGGER.error(
                "Ignoring the %s section of %s: expected ko or en with phrases", language, PHRASES_FILE
            )
            continue
        for phrase, meaning in entries.items():
            sentences = [meaning] if isinstance(meaning, str) else meaning
            if (
                not isinstance(sentences, list)
                or not sentences
                or not all(isinstance(s, str) and s.strip() for s in sentences)
            ):
                LOGGER.error(
                    "Ignoring the phrase %r in %s: it must stand for a sentence or a list of them",
                    phrase,
                    PHRASES_FILE,
                )
                continue
            phrases.setdefault(str(language), {})[phrase_key(str(phrase))] = sentences
    return phrases


def expand(phrases: Phrases, text: str, language: str) -> list[str]:
    """Return the sentences a user's phrase stands for, or the text itself."""
    return phrases.get(language, {}).get(phrase_key(text), [text])
