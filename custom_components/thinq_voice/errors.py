"""Failures told truly: one table from each kind of ThinQ failure to the message Home Assistant shows.

The coordinator (a failed refresh), the actions (services.py) and the entities (through
`thinq_exception_handler`) all go through this table, so a revoked token is never told as an
offline appliance and ThinQ Voice's own request budget is never blamed on LG. Values a user
typed reach messages and logs only through `log_safe`.
"""

from collections.abc import Callable, Coroutine
from datetime import timedelta
import math
from typing import Any, Concatenate, Protocol

from homeassistant.exceptions import ConfigEntryAuthFailed, HomeAssistantError, ServiceValidationError
from homeassistant.helpers.update_coordinator import UpdateFailed
from homeassistant.util import dt as dt_util

from .api import (
    ThinQAuthenticationError,
    ThinQBudgetError,
    ThinQCommandRefusedError,
    ThinQConnectionError,
    ThinQDeviceOfflineError,
    ThinQError,
    ThinQInvalidResponseError,
    ThinQInvalidValueError,
    ThinQNotFoundError,
    ThinQRateLimitError,
    ThinQServerError,
    ThinQUnsupportedCountryError,
)
from .api.safe_text import safe_text
from .const import DOMAIN

# Each kind of failure and the exceptions.* translation key that tells it; the first match wins,
# so a subclass comes before its base. A refusal names its reason (refused_<reason>).
ERROR_KEYS: tuple[tuple[type[ThinQError], str], ...] = (
    (ThinQAuthenticationError, "invalid_token"),
    (ThinQBudgetError, "budget_held_control"),
    (ThinQRateLimitError, "rate_limited_control"),
    (ThinQDeviceOfflineError, "device_offline"),
    (ThinQNotFoundError, "unknown_device"),
    (ThinQInvalidValueError, "invalid_value"),
    (ThinQConnectionError, "cloud_unreachable"),
    (ThinQServerError, "cloud_unavailable"),
    (ThinQInvalidResponseError, "cloud_unavailable"),
    (ThinQUnsupportedCountryError, "unsupported_country"),
)
# Anything else LG turned down (a malformed or disallowed request).
FALLBACK_KEY = "control_failed"
# Keys that are about one appliance: a refresh of the whole account that fails so says it generally.
_APPLIANCE_KEYS = {"device_offline", "unknown_device", "invalid_value", FALLBACK_KEY}
# Failures that may pass: the cloud or the appliance is back, a budget frees. A scheduled action
# meeting one of these tries again; the others (a refusal, a bad value, a revoked token) do not.
RETRYABLE_KEYS = frozenset(
    {
        "budget_held_control",
        "rate_limited_control",
        "device_offline",
        "cloud_unreachable",
        "cloud_unavailable",
    }
)
# Longest echo of a user's value in a message or a log line.
MAX_ECHO = 64


def error_key(err: ThinQError) -> str:
    """Return the translation key that tells this failure."""
    if isinstance(err, ThinQCommandRefusedError):
        return f"refused_{err.reason}"
    return next((key for kind, key in ERROR_KEYS if isinstance(err, kind)), FALLBACK_KEY)


def error_placeholders(err: ThinQError, device: str) -> dict[str, str]:
    """Return the placeholders of the failure's message."""
    placeholders = {"device": log_safe(device)}
    if isinstance(err, ThinQRateLimitError):
        placeholders["seconds"] = str(max(1, math.ceil(err.retry_after)))
    if isinstance(err, ThinQBudgetError):
        placeholders["limit"] = str(err.limit)
        placeholders["time"] = dt_util.as_local(
            dt_util.utcnow() + timedelta(seconds=err.retry_after)
        ).strftime("%H:%M")
    if isinstance(err, ThinQInvalidValueError):
        placeholders["value"] = log_safe(err.value)
        placeholders["allowed"] = log_safe(err.allowed, 4 * MAX_ECHO)
    return placeholders


def translated_error(err: ThinQError, device: str) -> HomeAssistantError:
    """Return the Home Assistant error that tells a failure about an appliance.

    A value the profile does not allow is the caller's input: a validation error (HTTP 400, no
    error log line); everything else is a failure of the call.
    """
    kind = ServiceValidationError if isinstance(err, ThinQInvalidValueError) else HomeAssistantError
    return kind(
        translation_domain=DOMAIN,
        translation_key=error_key(err),
        translation_placeholders=error_placeholders(err, device),
    )


def refresh_error(err: ThinQError) -> UpdateFailed | ConfigEntryAuthFailed:
    """Return what a failed refresh of the account raises (the token was found rejected already)."""
    if isinstance(err, ThinQAuthenticationError):
        return ConfigEntryAuthFailed(translation_domain=DOMAIN, translation_key="invalid_token")
    key = error_key(err)
    if key in _APPLIANCE_KEYS or key.startswith("refused_"):
        key = "update_failed"
    elif key in ("rate_limited_control", "budget_held_control"):
        # The refresh waits by itself: there is nothing to try again.
        key = key.removesuffix("_control")
    retry_after = err.retry_after if isinstance(err, ThinQRateLimitError) else None
    return UpdateFailed(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=error_placeholders(err, ""),
        retry_after=retry_after,
    )


class _OfAppliance(Protocol):
    @property
    def appliance_name(self) -> str: ...


def thinq_exception_handler[EntityT: _OfAppliance, **P](
    func: Callable[Concatenate[EntityT, P], Coroutine[Any, Any, None]],
) -> Callable[Concatenate[EntityT, P], Coroutine[Any, Any, None]]:
    """Decorate an entity's call to its appliance: a ThinQ failure becomes its translated error."""

    async def handler(self: EntityT, /, *args: P.args, **kwargs: P.kwargs) -> None:
        try:
            await func(self, *args, **kwargs)
        except ThinQError as err:
            raise translated_error(err, self.appliance_name) from err

    return handler


def log_safe(value: object, limit: int = MAX_ECHO) -> str:
    """Return a value as text fit for a message or a log line: escaped, cut to `limit` characters."""
    return safe_text(value, limit)
