"""The generated corpus: no wrong action at all, and at least 98% understood in each language."""

from custom_components.thinq_voice.voice import parse

from .generated import Tally, cases, measure

CASES = cases()
TALLIES, WRONG = measure(CASES, parse)


def test_corpus_is_large_and_covers_both_languages() -> None:
    for language in ("ko", "en"):
        assert sum(tally.total for (lang, _), tally in TALLIES.items() if lang == language) >= 1500
    assert any(case.expected is None for case in CASES)


def test_no_wrong_action() -> None:
    """Precision: a sentence acts exactly as expected, or not at all."""
    assert not WRONG, f"{len(WRONG)} wrong actions:\n" + "\n".join(WRONG[:50])


def test_recall_per_language() -> None:
    for language in ("ko", "en"):
        tally = Tally()
        for (lang, _), each in TALLIES.items():
            if lang == language:
                tally.total += each.total
                tally.right += each.right
        assert tally.recall >= 0.98, f"{language}: {tally.right}/{tally.total}"


def test_every_must_not_act_sentence_is_refused() -> None:
    """The adversarial classes are all-or-nothing: each near miss does nothing."""
    refused = {case.kind for case in CASES if case.expected is None}
    for (language, kind), tally in TALLIES.items():
        if kind in refused:
            assert tally.right == tally.total, f"{language} {kind}: {tally.right}/{tally.total}"
