"""How one voice turn moves between ThinQ Voice's modules: "거실 에어컨 23도로 맞춰줘", end to end.

A real Home Assistant with ThinQ Voice on the simulator's ko fleet (the fixtures of tests/ha) hears
the sentence through `conversation.async_converse`; `sys.setprofile` follows every Python call of
the turn. Of the calls made from one module of `custom_components.thinq_voice` into another, it
prints:
- hops: how many such calls the turn makes, and over how many modules;
- re-entries: calls along an edge taken before (the turn went back to a module it had left, e.g.
  the dialogue asking the actions module three times for three pieces of one command);
- calls back into a module still on the stack, and module pairs called in both directions;
- the call edges, in the order first taken, with their counts.
A coroutine resumed after an await is not counted again: only the first entry into a frame is.
Run (prints, asserts nothing about the figures):
scripts/envrun test python -m pytest -p no:randomly --no-cov -q -s scripts/voice_turn_hops.py
"""

from collections import Counter
from collections.abc import Callable
import sys
from types import FrameType
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.setup import async_setup_component
import pytest

from tests.ha.conftest import *  # noqa: F403  (the simulator, the config entry and HA's set-up)

PACKAGE = "custom_components.thinq_voice"
SENTENCE = "거실 에어컨 23도로 맞춰줘"
# The agent's entity: what runs on the turn's behalf has it on the stack.
ENTRY = "conversation"
# Data models (and their submodules): reading a value is no hop.
DATA_MODULES = ("api.models", "voice.model")


def _module_of(frame: FrameType) -> str | None:
    """Return the module of a frame of the package (without the package prefix), else None."""
    name = str(frame.f_globals.get("__name__", ""))
    if name == PACKAGE or name.startswith(f"{PACKAGE}."):
        return name.removeprefix(PACKAGE).lstrip(".") or "__init__"
    return None


def _stack_modules(frame: FrameType | None) -> list[str]:
    """Return the package modules on the stack below a frame, innermost first."""
    found: list[str] = []
    while frame is not None:
        if (module := _module_of(frame)) is not None:
            found.append(module)
        frame = frame.f_back
    return found


class HopTracer:
    """Counts the calls of one turn that go from one module of the package into another.

    Only calls made on the turn's behalf count: with the agent's entity (`conversation`) on the
    stack. An object calling a method it inherits from another module is not a hop, and neither is
    reading a data model (`api.models`, `voice.model`).
    """

    def __init__(self) -> None:
        """Start with nothing seen."""
        self.edges: Counter[tuple[str, str]] = Counter()
        self.modules: set[str] = set()
        self.call_backs = 0
        # Frames entered once; kept alive so that their ids are not reused during the turn.
        self._entered: dict[int, FrameType] = {}

    def profile(self, frame: FrameType, event: str, _arg: Any) -> Callable[..., Any] | None:
        """Record a call into the package (sys.setprofile's callback)."""
        if event != "call" or (callee := _module_of(frame)) is None or id(frame) in self._entered:
            return None
        self._entered[id(frame)] = frame
        below = _stack_modules(frame.f_back)
        if ENTRY not in below or callee.startswith(DATA_MODULES):
            return None
        self.modules.add(callee)
        caller = below[0]
        if caller == callee or _same_object(frame):
            return None
        self.edges[(caller, callee)] += 1
        if callee in below:
            self.call_backs += 1  # a module still at work is called again by what it called
        return None

    def report(self) -> str:
        """Return the figures as text: all of them, then those without the parser (`voice`)."""
        agent_edges = Counter({edge: n for edge, n in self.edges.items() if not edge[1].startswith("voice.")})
        agent_modules = {module for module in self.modules if not module.startswith("voice.")}
        pairs = sorted({tuple(sorted(edge)) for edge in self.edges if (edge[1], edge[0]) in self.edges})
        lines = [
            f"voice turn: {SENTENCE!r}",
            f"hops (calls from one module of the package into another): {sum(self.edges.values())}",
            f"distinct edges: {len(self.edges)}; modules touched: {len(self.modules)}",
            f"re-entries (calls along an edge already taken: back to a module it had left): "
            f"{sum(self.edges.values()) - len(self.edges)}",
            f"calls back into a module still on the stack: {self.call_backs}",
            f"module pairs called both ways: {len(pairs)}",
            *(f"  {a} <-> {b}" for a, b in pairs),
            f"without the parser (voice.*): hops {sum(agent_edges.values())}, distinct edges "
            f"{len(agent_edges)}, modules {len(agent_modules)}, "
            f"re-entries {sum(agent_edges.values()) - len(agent_edges)}",
            "edges (first taken first):",
            *(f"  {caller} -> {callee} x{count}" for (caller, callee), count in self.edges.items()),
        ]
        return "\n".join(lines)


def _same_object(frame: FrameType) -> bool:
    """Return whether a method call stays on one object (a subclass calling what it inherits)."""
    caller = frame.f_back
    this = frame.f_locals.get("self")
    return this is not None and caller is not None and caller.f_locals.get("self") is this


@pytest.mark.usefixtures("init_integration")
async def test_voice_turn_hops(hass: HomeAssistant) -> None:
    """Say the sentence once (warming caches), then trace the same turn and print the figures."""
    assert await async_setup_component(hass, "conversation", {})
    agent = "conversation.thinq_voice"
    await conversation.async_converse(
        hass, "안방 에어컨 상태 어때", None, Context(), language="ko", agent_id=agent
    )
    tracer = HopTracer()
    sys.setprofile(tracer.profile)
    try:
        result = await conversation.async_converse(
            hass, SENTENCE, None, Context(), language="ko", agent_id=agent
        )
    finally:
        sys.setprofile(None)
    print()
    print(result.response.speech["plain"]["speech"])
    print(tracer.report())
