"""Every corpus utterance through the real agent and HA services to the simulator.

Each utterance must make exactly the appliance it names receive the expected control, or be
answered with the expected words while nothing at all is sent.
"""

from datetime import timedelta
import functools
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components import thinq_voice
from custom_components.thinq_voice.api import ThinQConnectClient
from simulator import Simulator

from .agent_corpus import ANY_TARGET_TEMPERATURE, Case, Sends, english_cases, korean_cases

KOREAN = korean_cases()
ENGLISH = english_cases()


def test_corpus_size() -> None:
    """The issue asks for at least 300 Korean and 200 English utterances."""
    assert len(KOREAN) >= 300
    assert len(ENGLISH) >= 200


@pytest.fixture(autouse=True)
def unthrottled_client(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run hundreds of turns in seconds: LG's 3 s control spacing and hourly budget are tested in tests/api."""
    monkeypatch.setattr(
        thinq_voice, "ThinQConnectClient", functools.partial(ThinQConnectClient, control_interval=0)
    )
    monkeypatch.setattr(thinq_voice, "HOURLY_REQUEST_BUDGET", 1_000_000)


def _matches(body: dict[str, Any], expected: Sends) -> bool:
    """Return whether a control body carries the expected property value."""
    block = body.get(expected.resource)
    if block is None and expected.resource == "temperature":
        # An air conditioner's target goes through temperatureInUnits, as LG's SDK sends it.
        block = body.get("temperatureInUnits")
    if not isinstance(block, dict):
        return False
    if expected.prop == ANY_TARGET_TEMPERATURE:
        values = [
            value for key, value in block.items() if key.endswith(("TargetTemperature", "targetTemperature"))
        ]
    else:
        values = [block[expected.prop]] if expected.prop in block else []
    if expected.value not in values or any(value is True or value is False for value in values) != isinstance(
        expected.value, bool
    ):
        return False
    if expected.location is None:
        return True
    location = block.get("locationName") or body.get("location", {}).get("locationName")
    return location == expected.location


async def _run(hass: HomeAssistant, sim: Simulator, cases: list[Case], language: str) -> list[str]:
    """Say every case and return a description of each one that went wrong."""
    await hass.async_block_till_done()
    failures = []
    for text, expected in cases:
        before = len(sim.control_log)
        result = await conversation.async_converse(
            hass, text, None, Context(), language=language, agent_id="conversation.thinq_voice"
        )
        speech = result.response.speech.get("plain", {}).get("speech", "")
        sent = sim.control_log[before:]
        # The user speaks again only after the appliance has reported the change.
        async_fire_time_changed(hass, dt_util.utcnow() + timedelta(seconds=5))
        await hass.async_block_till_done()
        if isinstance(expected, Sends):
            target = sim.find(expected.alias).device_id
            ok = any(entry.device_id == target and _matches(entry.body, expected) for entry in sent) and all(
                entry.device_id == target for entry in sent
            )
        else:
            ok = not sent and expected.words in speech and bool(speech)
        if not ok:
            failures.append(
                f"{text[:60]!r}: expected {expected}, answered {speech!r}, sent {[(e.device_id[:8], e.body) for e in sent]}"
            )
    return failures


@pytest.mark.parametrize("fleet", ["ko", "en"])
@pytest.mark.usefixtures("init_integration")
async def test_corpus(hass: HomeAssistant, simulator: Simulator, fleet: str) -> None:
    """Korean utterances over the ko fleet, English ones over the en fleet."""
    cases = KOREAN if fleet == "ko" else ENGLISH
    failures = await _run(hass, simulator, cases, fleet)
    assert not failures, f"{len(failures)} of {len(cases)} failed:\n" + "\n".join(failures)
