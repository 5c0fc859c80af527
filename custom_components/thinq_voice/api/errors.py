"""Exceptions raised by the ThinQ Connect client.

Every exception carries LG's string error code in `.code` when the API sent one (None otherwise)
and the HTTP status in `.status` when there was a response. Messages never contain the access
token or the client id: the client redacts them before building an exception.
"""

from typing import Literal

type RefusalReason = Literal["remote_control_off", "in_state", "in_error", "power_off", "in_mode"]


class ThinQError(Exception):
    """Base class of every error raised by the client."""

    def __init__(self, message: str, *, code: str | None = None, status: int | None = None) -> None:
        """Store the message, LG's error code and the HTTP status."""
        super().__init__(message)
        self.code = code
        self.status = status


class ThinQConnectionError(ThinQError):
    """The API could not be reached: network failure or timeout."""


class ThinQInvalidResponseError(ThinQError):
    """The API answered with something that is not the documented JSON shape."""


class ThinQAuthenticationError(ThinQError):
    """The access token is invalid, revoked or unknown (1103, 1218, 1301, 1302)."""


class ThinQRateLimitError(ThinQError):
    """Too many calls: LG answered 1306/1314 (or 429), or the back-off after that refused the call.

    The subclass `ThinQBudgetError` is ThinQ Voice's own budget refusing, with LG never asked.
    """

    def __init__(
        self, message: str, *, retry_after: float, code: str | None = None, status: int | None = None
    ) -> None:
        """Store how many seconds to wait before the next call may succeed."""
        super().__init__(message, code=code, status=status)
        self.retry_after = retry_after


class ThinQBudgetError(ThinQRateLimitError):
    """ThinQ Voice's own hourly budget, not LG, holds the call back: nothing was sent to LG."""

    def __init__(self, message: str, *, retry_after: float, limit: int) -> None:
        """Store when the call may go and the budget's hourly limit."""
        super().__init__(message, retry_after=retry_after)
        self.limit = limit


class ThinQDeviceOfflineError(ThinQError):
    """The device is not connected to LG's cloud (1222)."""


class ThinQCommandRefusedError(ThinQError):
    """The device refused a command in its current state (2301-2305)."""

    def __init__(
        self, message: str, *, reason: RefusalReason, code: str | None = None, status: int | None = None
    ) -> None:
        """Store why the device refused the command."""
        super().__init__(message, code=code, status=status)
        self.reason: RefusalReason = reason


class ThinQNotFoundError(ThinQError):
    """The device or subscription does not exist or is not owned by the account (1205, 1212...)."""


class ThinQBadRequestError(ThinQError):
    """LG rejected the request as malformed or not allowed (1000, 1101, 1102, 1104, 1311, 2207...)."""


class ThinQServerError(ThinQError):
    """LG's servers failed (2000, 22xx, HTTP 5xx); retrying later may succeed."""


class ThinQUnsupportedCountryError(ThinQError):
    """The country is not served by ThinQ Connect (1307, or unknown locally)."""


class ThinQInvalidValueError(ThinQError):
    """A control value does not fit the device profile; raised before anything is sent."""

    def __init__(
        self,
        message: str,
        *,
        resource: str,
        prop: str,
        value: object,
        allowed: str,
        location: str | None = None,
    ) -> None:
        """Store what was asked for and a description of what the profile allows."""
        super().__init__(message)
        self.resource = resource
        self.prop = prop
        self.value = value
        self.allowed = allowed
        self.location = location
