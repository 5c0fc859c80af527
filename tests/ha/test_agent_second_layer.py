"""The agent's second layer, turn by turn, through a real Home Assistant to the simulator.

Every dialogue of `second_layer_corpus` runs on a fresh simulator fleet (and the simulated TV
where it needs one). After each sentence the controls the simulator received are compared, in
order, with the expected ones, and the answer with the expected words; a sentence partly carried
out while another part was misunderstood fails, since its controls differ.
"""

import asyncio
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
import functools
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components import thinq_voice
from custom_components.thinq_voice.api import ThinQConnectClient
from custom_components.thinq_voice.const import CONF_CONFIRM_START, CONF_FALLBACK_AGENT, NO_FALLBACK_AGENT
from simulator import Simulator
from simulator.server import ControlLogEntry
from simulator.tv import SimulatedTv

from .second_layer_corpus import ENGLISH, KOREAN, TV, Dialogue, Point, Sent, Turn

AGENT = "conversation.thinq_voice"
DIALOGUES = KOREAN + ENGLISH
# Keys of a control body that say where it goes or in which unit, not what it changes.
_ADDRESS_KEYS = {"locationName", "unit"}


def utterances(dialogues: tuple[Dialogue, ...]) -> int:
    """Count the sentences the user says."""
    return sum(len(dialogue.turns) for dialogue in dialogues)


def test_corpus_size() -> None:
    """Issue #8's second layer: at least 110 sentences, about half of them in each language."""
    korean, english = utterances(KOREAN), utterances(ENGLISH)
    assert korean + english >= 110
    assert min(korean, english) >= 0.4 * (korean + english)
    assert {dialogue.fleet for dialogue in KOREAN} == {"ko"}
    assert {dialogue.fleet for dialogue in ENGLISH} == {"en"}
    assert set(Counter(dialogue.point for dialogue in DIALOGUES)) == set(Point)
    ids = [dialogue.id for dialogue in DIALOGUES]
    assert len(ids) == len(set(ids))


@pytest.fixture(autouse=True)
def unthrottled_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run the turns in seconds: LG's 3 s control spacing and hourly budget are tested in tests/api."""
    monkeypatch.setattr(
        thinq_voice, "ThinQConnectClient", functools.partial(ThinQConnectClient, control_interval=0)
    )
    monkeypatch.setattr(thinq_voice, "HOURLY_REQUEST_BUDGET", 1_000_000)


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant) -> None:
    """Load HA's conversation component, whose default agent is the fallback."""
    assert await async_setup_component(hass, "conversation", {})


@pytest.fixture
def fleet(dialogue: Dialogue) -> str:
    """Run the fleet the dialogue speaks about."""
    return dialogue.fleet


def sent_by_appliance(sim: Simulator, entry: ControlLogEntry) -> Iterator[Sent]:
    """Split one control body into the property changes it carries."""
    alias = sim.device(entry.device_id).alias
    body: dict[str, Any] = entry.body if isinstance(entry.body, dict) else {}
    location = (
        body.get("location", {}).get("locationName") if isinstance(body.get("location"), dict) else None
    )
    for resource, block in body.items():
        if resource == "location" or not isinstance(block, dict):
            continue
        where = block.get("locationName", location)
        # An air conditioner's target goes through temperatureInUnits (as LG's SDK sends it):
        # the same temperature as far as the dialogue goes.
        named = "temperature" if resource == "temperatureInUnits" else resource
        for prop, value in block.items():
            if prop not in _ADDRESS_KEYS:
                yield Sent(alias, named, prop, value, where, entry.code)


def sent_to_tv(uri: str, payload: dict[str, Any]) -> Sent | None:
    """Return a TV request that changes something; reads ("get…", "list…") are not controls."""
    method = uri.removeprefix("ssap://")
    if method.rsplit("/", 1)[-1].startswith(("get", "list")):
        return None
    return Sent(TV, "ssap", method, payload or None)


def describe(sent: list[Sent] | tuple[Sent, ...]) -> list[str]:
    """Write controls one a line, the way the corpus spells them."""
    if not sent:
        return ["(nothing sent)"]
    lines = []
    for one in sent:
        where = f" @{one.location}" if one.location else ""
        refused = f" REFUSED {one.refused}" if one.refused else ""
        lines.append(f"{one.alias}: {one.resource}.{one.prop} = {one.value!r}{where}{refused}")
    return lines


def mismatch(turn: Turn, sent: list[Sent], answer: str, asked: bool) -> str | None:
    """Return a readable diff of what a turn expected and what happened, or None when they agree."""
    problems = []
    if sent != list(turn.sends):
        expected, actual = describe(turn.sends), describe(sent)
        problems.append("  controls:")
        problems.extend(f"    - {line}" for line in expected if line not in actual)
        problems.extend(f"    + {line}" for line in actual if line not in expected)
        if set(expected) == set(actual):
            problems.append(f"    order: expected {expected}, got {actual}")
    if turn.answer is not None and answer != turn.answer:
        problems.append(f"  answer:\n    - {turn.answer}\n    + {answer}")
    if missing := [words for words in turn.says if words not in answer]:
        problems.append(f"  answer {answer!r} lacks {missing}")
    if asked != turn.asks:
        problems.append(f"  {'asked back' if asked else 'did not ask back'} ({answer!r})")
    if not problems:
        return None
    return "\n".join([f"{turn.text!r}:", *problems])


async def run_dialogue(
    hass: HomeAssistant,
    sim: Simulator,
    dialogue: Dialogue,
    tv: SimulatedTv | None,
    freezer: FrozenDateTimeFactory | None,
) -> list[str]:
    """Say every turn of a dialogue; return a diff for each turn that went otherwise."""
    failures = []
    for turn in dialogue.turns:
        before, tv_before = len(sim.control_log), len(tv.command_log) if tv else 0
        if turn.after is not None:
            assert freezer is not None
            freezer.tick(turn.after)
            # What fell due in the silence (a scheduled action) runs before the user speaks, and
            # the appliance reports the change.
            for settle in (timedelta(0), timedelta(seconds=5)):
                async_fire_time_changed(hass, dt_util.utcnow() + settle)
                await hass.async_block_till_done()
        if turn.offline:
            sim.set_faults({"offline": list(turn.offline)})
        result = await conversation.async_converse(
            hass,
            turn.text,
            turn.conversation or dialogue.id,
            Context(),
            language=dialogue.fleet,
            agent_id=AGENT,
        )
        answer = str(result.response.speech.get("plain", {}).get("speech", ""))
        sent = [one for entry in sim.control_log[before:] for one in sent_by_appliance(sim, entry)]
        if tv is not None:
            sent.extend(
                one for uri, payload in tv.command_log[tv_before:] if (one := sent_to_tv(uri, payload))
            )
        if problem := mismatch(turn, sent, answer, result.continue_conversation):
            failures.append(problem)
        # The user speaks again only after the appliances (and the TV) have reported the change.
        if tv is not None:
            await asyncio.sleep(0.05)
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
        await hass.async_block_till_done()
    return failures


async def prepare(hass: HomeAssistant, sim: Simulator, entry: MockConfigEntry, dialogue: Dialogue) -> None:
    """Put the fleet and the options in the state the dialogue starts from."""
    for alias, patch in dialogue.patches.items():
        sim.patch_state(sim.find(alias).device_id, patch)
    if dialogue.offline:
        sim.set_faults({"offline": list(dialogue.offline)})
    if dialogue.patches or dialogue.offline:
        # A poll brings the patched states, and the appliances gone offline, into Home Assistant.
        await entry.runtime_data.async_refresh()
        await hass.async_block_till_done()
    # Sentences the agent does not understand are answered by it, not by HA's own agent.
    options = {CONF_FALLBACK_AGENT: NO_FALLBACK_AGENT, CONF_CONFIRM_START: list(dialogue.confirm_start)}
    hass.config_entries.async_update_entry(entry, options=options)


def dialogues(*, tv: bool, timed: bool) -> list[Any]:
    """Return the dialogues with or without the TV and with or without silences, as parameters."""
    chosen = [
        dialogue
        for dialogue in DIALOGUES
        if dialogue.tv == tv and any(turn.after for turn in dialogue.turns) == timed
    ]
    return [
        pytest.param(
            dialogue,
            id=dialogue.id,
            marks=[pytest.mark.xfail(strict=True, reason=dialogue.wrong)] if dialogue.wrong else [],
        )
        for dialogue in chosen
    ]


def test_every_dialogue_runs() -> None:
    """Each dialogue is run by exactly one of the tests below."""
    runs = [
        param.values[0].id
        for tv, timed in ((False, False), (False, True), (True, False))
        for param in dialogues(tv=tv, timed=timed)
    ]
    assert sorted(runs) == sorted(dialogue.id for dialogue in DIALOGUES)


@pytest.mark.parametrize("dialogue", dialogues(tv=False, timed=False))
async def test_dialogue(
    hass: HomeAssistant, simulator: Simulator, init_integration: MockConfigEntry, dialogue: Dialogue
) -> None:
    """Each turn sends exactly the expected controls, in order, and answers as expected."""
    await prepare(hass, simulator, init_integration, dialogue)
    failures = await run_dialogue(hass, simulator, dialogue, None, None)
    assert not failures, f"{dialogue.id} ({dialogue.fleet}):\n" + "\n".join(failures)


# 05:00 UTC is 22:00 in Home Assistant's test time zone (US/Pacific): clock times are fixed.
@pytest.mark.freeze_time("2026-05-04 05:00:00")
@pytest.mark.parametrize("dialogue", dialogues(tv=False, timed=True))
async def test_dialogue_over_time(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    dialogue: Dialogue,
) -> None:
    """Dialogues with silences between turns: the clock is Home Assistant's, moved by hand."""
    await prepare(hass, simulator, init_integration, dialogue)
    failures = await run_dialogue(hass, simulator, dialogue, None, freezer)
    assert not failures, f"{dialogue.id} ({dialogue.fleet}):\n" + "\n".join(failures)


@pytest.mark.parametrize("dialogue", dialogues(tv=True, timed=False))
async def test_dialogue_with_tv(
    hass: HomeAssistant,
    simulator: Simulator,
    init_integration: MockConfigEntry,
    init_tv: MockConfigEntry,
    tv: SimulatedTv,
    dialogue: Dialogue,
) -> None:
    """Dialogues that also reach the simulated webOS TV; its requests count as controls."""
    await prepare(hass, simulator, init_integration, dialogue)
    failures = await run_dialogue(hass, simulator, dialogue, tv, None)
    assert not failures, f"{dialogue.id} ({dialogue.fleet}):\n" + "\n".join(failures)
