"""Agent benchmark: ThinQ Voice's agent beside Home Assistant's own, on the same sentences.

Prints each agent's turn latency (p50, p95) and the share of the corpus it understands, in one
run, for Korean over the ko fleet and English over the en fleet: first the single commands and
questions (tests/ha/agent_corpus.py), then the second layer's dialogues (several actions,
relative changes, follow-ups; tests/ha/second_layer_corpus.py), each said turn by turn in one
conversation. Before them, the parser's precision (wrong actions) and recall on the generated
corpus (tests/voice/generated.py), per class. Run:
scripts/envrun test python scripts/bench_agent.py
"""

from datetime import timedelta
import statistics
import time

from bench_hass import add_entry, run_each_in_own_process, running_hass
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import intent
from homeassistant.util import dt as dt_util
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.thinq_voice.voice import parse
from simulator import DEFAULT_TOKEN, Simulator
from tests.ha.agent_corpus import english_cases, korean_cases
from tests.ha.second_layer_corpus import ENGLISH, KOREAN
from tests.voice.generated import Tally, cases, measure as measure_generated

AGENTS = {"ThinQ Voice": "conversation.thinq_voice", "HA default": conversation.HOME_ASSISTANT_AGENT}
NOT_UNDERSTOOD = {
    intent.IntentResponseErrorCode.NO_INTENT_MATCH,
    intent.IntentResponseErrorCode.NO_VALID_TARGETS,
}
OUR_NOT_UNDERSTOOD = ("무슨 말씀인지 모르겠어요", "didn't understand", "찾지 못했어요", "couldn't find")


def percentile(samples: list[float], share: float) -> float:
    """Return a percentile in milliseconds."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] * 1000


def understood(result: conversation.ConversationResult) -> bool:
    """Return whether a turn was understood (acted on or answered), not a no-match."""
    response = result.response
    speech = response.speech.get("plain", {}).get("speech", "")
    if response.response_type is intent.IntentResponseType.ERROR and response.error_code in NOT_UNDERSTOOD:
        return False
    return bool(speech) and not any(words in speech for words in OUR_NOT_UNDERSTOOD)


async def measure(
    hass: HomeAssistant,
    agent_id: str,
    sentences: list[str],
    language: str,
    conversation_id: str | None = None,
) -> tuple[list[float], int]:
    """Say every sentence to one agent; return latencies and how many it understood."""
    latencies: list[float] = []
    hits = 0
    for text in sentences:
        started = time.perf_counter()
        result = await conversation.async_converse(
            hass, text, conversation_id, Context(), language=language, agent_id=agent_id
        )
        latencies.append(time.perf_counter() - started)
        hits += understood(result)
        # As in real use, the next sentence comes after the appliance has reported the change.
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
        await hass.async_block_till_done()
    return latencies, hits


def report(name: str, latencies: list[float], hits: int) -> None:
    """Print one agent's line."""
    print(
        f"{name:<12} {percentile(latencies, 0.5):8.2f} {percentile(latencies, 0.95):8.2f} "
        f"{statistics.mean(latencies) * 1000:8.2f} {hits / len(latencies):10.1%}"
    )


async def run(fleet: str, language: str, sentences: list[str], dialogues: list[list[str]]) -> None:
    """Benchmark both agents on one language."""
    simulator = Simulator(fleet=fleet, tokens=(DEFAULT_TOKEN,))
    await simulator.start()
    try:
        async with running_hass(simulator, language=language) as hass:
            entry = await add_entry(hass, simulator)
            # The simulator reports a change at once, so the confirming read follows the control
            # right away: the figures are the agent's own work plus the control and the read. With
            # LG's cloud an answer about a control also waits CONFIRM_DELAY for the report.
            entry.runtime_data.confirm_delay = timedelta(0)
            header = f"{'agent':<12} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'understood':>11}"
            print(f"\n{language}: {len(sentences)} sentences over the {fleet} fleet\n{header}")
            for name, agent_id in AGENTS.items():
                await measure(hass, agent_id, sentences[:5], language)  # warm caches (intents, translations)
                report(name, *await measure(hass, agent_id, sentences, language))
            turns = sum(len(turns) for turns in dialogues)
            print(f"{language}: second layer, {turns} turns in {len(dialogues)} conversations\n{header}")
            for name, agent_id in AGENTS.items():
                latencies: list[float] = []
                hits = 0
                for index, turns in enumerate(dialogues):
                    took, understood_here = await measure(hass, agent_id, turns, language, f"{name}-{index}")
                    latencies += took
                    hits += understood_here
                report(name, latencies, hits)
    finally:
        await simulator.stop()


def report_generated(language: str) -> None:
    """Print the parser's precision (wrong actions) and recall on the generated corpus, per class."""
    corpus = [case for case in cases() if case.language == language]
    tallies, _ = measure_generated(corpus, parse)
    print(f"\n{language}: generated corpus, {len(corpus)} sentences (parser)")
    print(f"{'class':<18} {'sentences':>9} {'acted':>6} {'wrong':>6} {'precision':>10} {'recall':>8}")
    total = Tally()
    for (_, kind), tally in sorted(tallies.items()):
        print(
            f"{kind:<18} {tally.total:>9} {tally.acted:>6} {tally.wrong:>6} {tally.precision:>10.1%} {tally.recall:>8.1%}"
        )
        total.total += tally.total
        total.right += tally.right
        total.wrong += tally.wrong
        total.acted += tally.acted
    print(
        f"{'all':<18} {total.total:>9} {total.acted:>6} {total.wrong:>6} {total.precision:>10.1%} {total.recall:>8.1%}"
    )


async def run_language(language: str) -> None:
    """Benchmark one language over its fleet."""
    report_generated(language)
    cases = korean_cases() if language == "ko" else english_cases()
    # The TV's dialogues need the simulated TV: they are left out here, as are bad-input cases
    # (empty, overlong), which say nothing about understanding.
    dialogues = [
        [turn.text for turn in dialogue.turns]
        for dialogue in (KOREAN if language == "ko" else ENGLISH)
        if not dialogue.tv
    ]
    await run(language, language, [text for text, _ in cases if text.strip() and len(text) < 300], dialogues)


def main() -> None:
    """Run Korean, then English, each in a fresh process."""
    run_each_in_own_process(__file__, ["ko", "en"], run_language)


if __name__ == "__main__":
    main()
