"""What the agent remembers between turns of one conversation.

Two things, by conversation id: a sentence waiting for the user to pick an appliance ("거실
에어컨이요, 안방 에어컨이요?"), and the last action with the appliances it went to, so that
"그거 꺼줘", "더 낮춰" or "and the bedroom one too" know what they refer to.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from homeassistant.util import dt as dt_util

from ..voice.model import Action, Command
from .targets import TargetAppliance

# Both are forgotten after this much silence: a follow-up minutes later is a new conversation.
CONTEXT_TTL = timedelta(minutes=3)


@dataclass(slots=True)
class Step:
    """One part of a sentence and what it was resolved to.

    `options` is set while the user still has to pick among them; `appliances` is then empty.
    `whole_home` marks a question about the whole home ("지금 돌아가는 거 뭐 있어?"): it is asked of
    every appliance, and "그거" after it must not mean all of them.
    """

    part: Action
    appliances: list[TargetAppliance]
    options: list[TargetAppliance] = field(default_factory=list)
    whole_home: bool = False


@dataclass(slots=True)
class Conversation:
    """The context of one conversation."""

    language: str
    expires: datetime
    pending: list[Step] = field(default_factory=list)
    """A whole sentence that waits for an answer; nothing of it has been done yet."""
    confirming: bool = False
    """The open question is "정말 시작할까요?" rather than "which one?"."""
    last_action: Action | None = None
    last_appliances: list[TargetAppliance] = field(default_factory=list)
    undo: list[tuple[TargetAppliance, Command]] = field(default_factory=list)
    """What puts the last action's appliances back as they were, for "아니, 거실 거"."""


class ConversationMemory:
    """Conversation contexts by id, each forgotten after CONTEXT_TTL of silence."""

    def __init__(self) -> None:
        """Start empty."""
        self._conversations: dict[str, Conversation] = {}

    def get(self, conversation_id: str) -> Conversation | None:
        """Return the context of a conversation if it is still fresh."""
        now = dt_util.utcnow()
        for cid in [cid for cid, kept in self._conversations.items() if kept.expires <= now]:
            del self._conversations[cid]
        return self._conversations.get(conversation_id)

    def ask(
        self, conversation_id: str, steps: list[Step], language: str, *, confirming: bool = False
    ) -> None:
        """Keep a sentence open until the user picks among a step's options or confirms it."""
        conversation = self._touch(conversation_id, language)
        conversation.pending = steps
        conversation.confirming = confirming

    def done(
        self,
        conversation_id: str,
        action: Action,
        appliances: list[TargetAppliance],
        language: str,
        undo: list[tuple[TargetAppliance, Command]] | None = None,
    ) -> None:
        """Remember what was last done, on what, and how to take it back, for the follow-ups."""
        conversation = self._touch(conversation_id, language)
        conversation.pending = []
        conversation.last_action = action
        conversation.last_appliances = appliances
        conversation.undo = undo or []

    def _touch(self, conversation_id: str, language: str) -> Conversation:
        expires = dt_util.utcnow() + CONTEXT_TTL
        conversation = self.get(conversation_id)
        if conversation is None:
            conversation = self._conversations[conversation_id] = Conversation(language, expires)
        conversation.language = language
        conversation.expires = expires
        return conversation
