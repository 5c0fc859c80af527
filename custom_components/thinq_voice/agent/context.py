"""What the agent remembers between turns of one conversation: an open question."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from homeassistant.util import dt as dt_util

from ..voice.model import Action
from .targets import Appliance

# An ask-back ("거실 에어컨이요, 안방 에어컨이요?") is forgotten after this much silence.
PENDING_TTL = timedelta(minutes=3)


@dataclass(slots=True)
class PendingChoice:
    """A command waiting for the user to pick one of several appliances."""

    action: Action
    options: list[Appliance]
    language: str
    expires: datetime


class ConversationMemory:
    """Open questions by conversation id, each forgotten after PENDING_TTL."""

    def __init__(self) -> None:
        """Start empty."""
        self._pending: dict[str, PendingChoice] = {}

    def remember(self, conversation_id: str, action: Action, options: list[Appliance], language: str) -> None:
        """Keep a question open for the next turn of this conversation."""
        self._forget_expired()
        self._pending[conversation_id] = PendingChoice(
            action, options, language, dt_util.utcnow() + PENDING_TTL
        )

    def take(self, conversation_id: str) -> PendingChoice | None:
        """Return and forget the open question of a conversation, if it is still fresh."""
        self._forget_expired()
        return self._pending.pop(conversation_id, None)

    def _forget_expired(self) -> None:
        now = dt_util.utcnow()
        for conversation_id in [cid for cid, pending in self._pending.items() if pending.expires <= now]:
            del self._pending[conversation_id]
