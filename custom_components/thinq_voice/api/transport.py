"""One account's HTTP to ThinQ Connect: LG's headers, the response envelope, and LG's errors as `ThinQError`s.

Every request first passes the rate-limit back-off and the hour's request budget; the endpoints
themselves are in `client.py`.
"""

import asyncio
import base64
from collections.abc import Mapping
import json
import logging
import math
import re
from typing import Any
import uuid

import aiohttp

from .const import (
    API_KEY,
    AUTHENTICATION_ERROR_CODES,
    COMMAND_REFUSED_REASONS,
    DEVICE_OFFLINE_ERROR_CODES,
    NOT_FOUND_ERROR_CODES,
    RATE_LIMIT_ERROR_CODES,
    SERVER_ERROR_CODES,
    SERVICE_PHASE,
    UNSUPPORTED_COUNTRY_ERROR_CODES,
    base_url_for_country,
)
from .errors import (
    ThinQAuthenticationError,
    ThinQBadRequestError,
    ThinQCommandRefusedError,
    ThinQConnectionError,
    ThinQDeviceOfflineError,
    ThinQError,
    ThinQInvalidResponseError,
    ThinQNotFoundError,
    ThinQRateLimitError,
    ThinQServerError,
    ThinQUnsupportedCountryError,
)
from .models import JsonObject, JsonValue
from .safe_text import safe_text
from .throttle import Priority, RateLimitBackoff, RequestBudget

_LOGGER = logging.getLogger(__name__)

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_REDACTED = "***"
# Long enough for LG's messages, short enough that an HTML page never ends up in a log line (escaped:
# a newline in LG's text cannot start a forged one).
_MAX_MESSAGE_LENGTH = 200


def generate_message_id() -> str:
    """Return a fresh `x-message-id`: a UUID4 in url-safe base64 without padding (22 characters)."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("=")


class ThinQTransport:
    """Sends requests for one account and turns every answer into its `response` or a `ThinQError`.

    Arguments as `ThinQConnectClient`'s of the same names.

    Raises:
        ThinQUnsupportedCountryError: no base_url was given and the country is not served.
        ValueError: the country is not two letters or a secret is empty.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession | None,
        *,
        access_token: str,
        country: str,
        client_id: str,
        base_url: str | None,
        request_timeout: float,
        budget: RequestBudget,
        backoff: RateLimitBackoff,
    ) -> None:
        """Check the account's identity and keep what every request needs."""
        country = country.upper()
        if not _COUNTRY.match(country):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code")
        if not access_token or not client_id:
            raise ValueError("access_token and client_id must not be empty")
        self.base_url = (base_url or base_url_for_country(country)).rstrip("/")
        self.country = country
        self.request_timeout = request_timeout
        self.budget = budget
        self.backoff = backoff
        self._session = session
        self._owns_session = session is None
        self._access_token = access_token
        self._client_id = client_id

    @property
    def session(self) -> aiohttp.ClientSession | None:
        """The session in use, None before the first request when the transport makes its own."""
        return self._session

    async def close(self) -> None:
        """Close the session if the transport created it; an injected session is left open."""
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    async def request(
        self,
        method: str,
        path: str,
        *,
        body: JsonObject | None = None,
        params: Mapping[str, str] | None = None,
        priority: Priority = Priority.BACKGROUND,
        expect_response: bool = True,
    ) -> JsonValue:
        """Send one request of the given priority and return the envelope's `response`.

        Controls are the requests of priority CONTROL. With `expect_response` False a missing
        `response` (or an empty body) returns None.
        """
        self.backoff.check()
        self.budget.acquire(priority)
        headers = self._headers(control=priority is Priority.CONTROL)
        message_id = headers["x-message-id"]
        try:
            async with asyncio.timeout(self.request_timeout):
                async with self._get_session().request(
                    method, self.base_url + path, json=body, params=params, headers=headers
                ) as response:
                    status = response.status
                    raw = await response.read()
                    retry_after = response.headers.get("Retry-After")
        except TimeoutError:
            _LOGGER.debug("%s %s (message %s) timed out", method, path, message_id)
            raise ThinQConnectionError(
                f"{method} {path} timed out after {self.request_timeout:g} s"
            ) from None
        except aiohttp.ClientError as err:
            _LOGGER.debug("%s %s (message %s) failed: %s", method, path, message_id, type(err).__name__)
            raise ThinQConnectionError(
                f"{method} {path} failed: {safe_text(self._redact(str(err)), _MAX_MESSAGE_LENGTH) or type(err).__name__}"
            ) from None
        _LOGGER.debug("%s %s (message %s) -> HTTP %s", method, path, message_id, status)
        return self._parse(method, path, status, raw, retry_after, expect_response)

    def _parse(
        self,
        method: str,
        path: str,
        status: int,
        raw: bytes,
        retry_after: str | None,
        expect_response: bool,
    ) -> JsonValue:
        try:
            payload: Any = json.loads(raw)
        except ValueError:  # also UnicodeDecodeError
            payload = None
            is_json = False
        else:
            is_json = True
        if isinstance(payload, dict) and isinstance(error := payload.get("error"), dict):
            raise self._api_error(method, path, status, error, retry_after)
        if status >= 400:
            raise self._http_error(method, path, status, retry_after)
        if not raw.strip() and not expect_response:
            return None
        if not is_json or not isinstance(payload, dict):
            raise ThinQInvalidResponseError(
                f"{method} {path}: response is not a JSON envelope", status=status
            )
        if "response" not in payload:
            if expect_response:
                raise ThinQInvalidResponseError(f"{method} {path}: envelope has no `response`", status=status)
            return None
        result: JsonValue = payload["response"]
        return result

    def _api_error(
        self, method: str, path: str, status: int, error: Mapping[str, Any], retry_after: str | None
    ) -> ThinQError:
        code = error.get("code")
        code = str(code) if isinstance(code, str | int) and not isinstance(code, bool) else None
        raw_message = error.get("message")
        lg_message = (
            safe_text(self._redact(raw_message), _MAX_MESSAGE_LENGTH) if isinstance(raw_message, str) else ""
        )
        message = f"{method} {path}: LG error {code}" + (f" ({lg_message})" if lg_message else "")
        _LOGGER.debug("%s", message)
        if code is None:
            return ThinQInvalidResponseError(f"{method} {path}: error without a code", status=status)
        if code in RATE_LIMIT_ERROR_CODES:
            delay = self.backoff.trip(code, _seconds(retry_after))
            return ThinQRateLimitError(message, retry_after=delay, code=code, status=status)
        if code in AUTHENTICATION_ERROR_CODES:
            return ThinQAuthenticationError(message, code=code, status=status)
        if code in DEVICE_OFFLINE_ERROR_CODES:
            return ThinQDeviceOfflineError(message, code=code, status=status)
        if (reason := COMMAND_REFUSED_REASONS.get(code)) is not None:
            return ThinQCommandRefusedError(message, reason=reason, code=code, status=status)
        if code in NOT_FOUND_ERROR_CODES:
            return ThinQNotFoundError(message, code=code, status=status)
        if code in UNSUPPORTED_COUNTRY_ERROR_CODES:
            return ThinQUnsupportedCountryError(message, code=code, status=status)
        if code in SERVER_ERROR_CODES or status >= 500:
            return ThinQServerError(message, code=code, status=status)
        return ThinQBadRequestError(message, code=code, status=status)

    def _http_error(self, method: str, path: str, status: int, retry_after: str | None) -> ThinQError:
        """Map an HTTP error that carries no LG error object (a proxy page, for example)."""
        message = f"{method} {path}: HTTP {status}"
        if status == 429:
            delay = self.backoff.trip(None, _seconds(retry_after))
            return ThinQRateLimitError(message, retry_after=delay, status=status)
        if status >= 500:
            return ThinQServerError(message, status=status)
        if status in (401, 403):
            return ThinQAuthenticationError(message, status=status)
        if status == 404:
            return ThinQNotFoundError(message, status=status)
        return ThinQBadRequestError(message, status=status)

    def _headers(self, control: bool) -> dict[str, str]:
        headers = {
            "Authorization": f"Bearer {self._access_token}",
            "x-country": self.country,
            "x-message-id": generate_message_id(),
            "x-client-id": self._client_id,
            "x-api-key": API_KEY,
            "x-service-phase": SERVICE_PHASE,
        }
        if control:
            headers["x-conditional-control"] = "true"
        return headers

    def _get_session(self) -> aiohttp.ClientSession:
        # Created on first use, inside the running loop, as aiohttp requires.
        if self._session is None:
            self._session = aiohttp.ClientSession()
        return self._session

    def _redact(self, text: str) -> str:
        return text.replace(self._access_token, _REDACTED).replace(self._client_id, _REDACTED)


def _seconds(header: str | None) -> float | None:
    """Read a Retry-After header given in seconds; dates and garbage are ignored."""
    if header is None:
        return None
    try:
        seconds = float(header)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None
