"""Every corpus sentence parses to exactly its expected result."""

import pytest

from custom_components.thinq_voice.voice import Language, NotUnderstood, Reason, Utterance, parse

from . import corpus_en, corpus_ko
from .spec import expected_parts, summarize

KO_CASES = corpus_ko.cases()
EN_CASES = corpus_en.cases()


def test_corpus_size() -> None:
    assert len(KO_CASES) >= 300
    assert len(EN_CASES) >= 200
    assert len({utterance for utterance, _ in KO_CASES}) == len(KO_CASES)
    assert len({utterance for utterance, _ in EN_CASES}) == len(EN_CASES)


def _check(utterance: str, spec: str, language: Language) -> None:
    result = parse(utterance, language.value)
    if spec.startswith("!"):
        assert isinstance(result, NotUnderstood), result
        assert result.reason is Reason(spec.removeprefix("!").strip())
        return
    assert isinstance(result, Utterance), result
    assert result.language is language
    assert [summarize(part) for part in result.parts] == expected_parts(spec)


@pytest.mark.parametrize(("utterance", "spec"), KO_CASES, ids=[case[0] for case in KO_CASES])
def test_korean(utterance: str, spec: str) -> None:
    _check(utterance, spec, Language.KO)


@pytest.mark.parametrize(("utterance", "spec"), EN_CASES, ids=[case[0] for case in EN_CASES])
def test_english(utterance: str, spec: str) -> None:
    _check(utterance, spec, Language.EN)
