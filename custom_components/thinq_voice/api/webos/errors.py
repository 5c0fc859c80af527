"""What the webOS client raises, and how text the TV sent goes into a message."""

import asyncio
from typing import Final

from ..safe_text import safe_text
from .const import JsonObject

# Longest text of the TV's (an error it answered) in an error message or a log line.
_MAX_TV_TEXT: Final = 200


class WebOsError(Exception):
    """Base class of every error raised by the webOS client."""


class WebOsConnectionError(WebOsError):
    """The TV could not be reached, or the connection broke."""


class WebOsTimeoutError(WebOsError):
    """The TV did not answer in time (a request, or a pairing prompt nobody accepted).

    After a request, `late_answer` still waits for the TV's answer: a busy TV may have carried
    it out and answer late (see `WebOsClient.async_late_answer`).
    """

    def __init__(self, message: str, late_answer: asyncio.Future[JsonObject] | None = None) -> None:
        """Keep the answer that may still come."""
        super().__init__(message)
        self.late_answer = late_answer


class WebOsPairingRefusedError(WebOsError):
    """The TV refused to register us: the prompt was declined, or the stored key is no longer valid."""


class WebOsCommandError(WebOsError):
    """The TV answered a request with an error."""

    def __init__(self, uri: str, message: str) -> None:
        """Name the endpoint and the TV's error."""
        super().__init__(f"{uri}: {message}")
        self.uri = uri


def tv_text(value: object) -> str:
    """Return text the TV sent, fit for an error message and a log line."""
    return safe_text(value, _MAX_TV_TEXT)
