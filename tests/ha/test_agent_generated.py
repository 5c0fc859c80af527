"""A sample of the generated corpus through the real agent, HA services and the simulator.

Acting sentences reach their appliance and no other; must-not-act sentences (and when-then
commands, which the agent declines until they can be kept) send nothing at all.
"""

import functools
import random

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest

from custom_components import thinq_voice
from custom_components.thinq_voice.api import ThinQConnectClient
from custom_components.thinq_voice.voice import DeviceType
from simulator import Simulator
from tests.voice.generated import Case, cases

_D = DeviceType
ALIASES = {
    "ko": {
        (_D.AIR_CONDITIONER, "거실"): "거실 에어컨",
        (_D.AIR_CONDITIONER, "안방"): "안방 에어컨",
        (_D.WASHER, None): "세탁기",
        (_D.DRYER, None): "건조기",
        (_D.DISH_WASHER, None): "식기세척기",
        (_D.AIR_PURIFIER, None): "공기청정기",
        (_D.STYLER, None): "스타일러",
        (_D.DEHUMIDIFIER, None): "제습기",
    },
    "en": {
        (_D.AIR_CONDITIONER, "living room"): "Living Room AC",
        (_D.AIR_CONDITIONER, "bedroom"): "Bedroom AC",
        (_D.WASHER, None): "Washer",
        (_D.DRYER, None): "Dryer",
        (_D.DISH_WASHER, None): "Dishwasher",
        (_D.AIR_PURIFIER, None): "Air Purifier",
        (_D.STYLER, None): "Styler",
        (_D.DEHUMIDIFIER, None): "Dehumidifier",
    },
}
_ACTING = {"power", "run", "temperature_set", "destination", "amount", "correction", "fan", "mode"}
_NOT_UNDERSTOOD = ("무슨 말씀인지", "didn't understand", "알아듣지 못", "찾지 못했어요", "couldn't find")


def _sample(language: str, size: int) -> list[tuple[Case, str | None]]:
    """Return acting cases on one fleet appliance with its alias, and must-not-act cases with None."""
    rng = random.Random(17)
    acting: list[tuple[Case, str | None]] = []
    silent: list[tuple[Case, str | None]] = []
    for case in cases():
        if case.language != language:
            continue
        if case.expected is None or case.kind == "condition":
            silent.append((case, None))
        elif case.kind in _ACTING and len(case.expected) == 1:
            alias = ALIASES[language].get((case.expected[0][1], case.expected[0][2]))  # type: ignore[arg-type]
            if alias is not None:
                acting.append((case, alias))
    return rng.sample(acting, size) + rng.sample(silent, size)


@pytest.fixture(autouse=True)
async def setup_conversation(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> None:
    """HA's conversation component; LG's control spacing is tested in tests/api."""
    monkeypatch.setattr(
        thinq_voice, "ThinQConnectClient", functools.partial(ThinQConnectClient, control_interval=0)
    )
    monkeypatch.setattr(thinq_voice, "HOURLY_REQUEST_BUDGET", 1_000_000)
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


@pytest.mark.parametrize("fleet", ["ko", "en"])
@pytest.mark.usefixtures("init_integration")
async def test_generated_sample(hass: HomeAssistant, simulator: Simulator, fleet: str) -> None:
    """No sentence of the sample reaches an appliance it does not name, and no near miss sends anything."""
    failures = []
    for case, alias in _sample(fleet, 40):
        before = len(simulator.control_log)
        result = await conversation.async_converse(
            hass, case.text, None, Context(), language=fleet, agent_id="conversation.thinq_voice"
        )
        await hass.async_block_till_done()
        speech = result.response.speech.get("plain", {}).get("speech", "")
        sent = {entry.device_id for entry in simulator.control_log[before:]}
        if alias is None:
            ok = not sent
        else:
            ok = sent <= {simulator.find(alias).device_id} and not any(
                words in speech for words in _NOT_UNDERSTOOD
            )
        if not ok:
            failures.append(f"{case.kind} {case.text!r}: answered {speech!r}, sent to {sorted(sent)}")
    assert not failures, "\n".join(failures)
