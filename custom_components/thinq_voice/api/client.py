"""Async client of LG's ThinQ Connect cloud API."""

import asyncio
import base64
from collections.abc import Mapping
from datetime import date
import json
import logging
import math
import re
import time
from types import TracebackType
from typing import Any, Self, override
from urllib.parse import quote
import uuid

import aiohttp

from .const import (
    API_KEY,
    AUTHENTICATION_ERROR_CODES,
    CLIENT_REGISTER_BODY,
    CLIENT_UNREGISTER_BODY,
    COMMAND_REFUSED_REASONS,
    DEFAULT_CONTROL_INTERVAL,
    DEFAULT_HOURLY_REQUEST_BUDGET,
    DEFAULT_RATE_LIMIT_BACKOFF,
    DEFAULT_REQUEST_TIMEOUT,
    DEVICE_OFFLINE_ERROR_CODES,
    EVENT_SUBSCRIPTION_MAX_HOURS,
    NOT_FOUND_ERROR_CODES,
    RATE_LIMIT_ERROR_CODES,
    SERVER_ERROR_CODES,
    SERVICE_PHASE,
    UNSUPPORTED_COUNTRY_ERROR_CODES,
    base_url_for_country,
)
from .energy import EnergyHistory, EnergyPeriod, EnergyProfile, energy_date
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
from .models import (
    DeviceInfo,
    DeviceProfile,
    DeviceState,
    JsonObject,
    JsonValue,
    Route,
    build_control_payload,
    parse_devices,
)
from .safe_text import safe_text
from .throttle import Clock, ControlSpacer, Priority, RateLimitBackoff, RequestBudget, Sleep

_LOGGER = logging.getLogger(__name__)

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_REDACTED = "***"
# Setting push up and keeping it is paid like the reads people wait for: it is what answers them,
# and it spares the confirming reads and most of the polling.
_PUSH = Priority.CONFIRM
# Long enough for LG's messages, short enough that an HTML page never ends up in a log line (escaped:
# a newline in LG's text cannot start a forged one).
_MAX_MESSAGE_LENGTH = 200


def generate_message_id() -> str:
    """Return a fresh `x-message-id`: a UUID4 in url-safe base64 without padding (22 characters)."""
    return base64.urlsafe_b64encode(uuid.uuid4().bytes).decode("ascii").rstrip("=")


class ThinQConnectClient:
    """Talks to the ThinQ Connect API for one account (one personal access token).

    Every call sends LG's required headers, parses the `{"messageId", "timestamp", "response"}`
    envelope and turns every failure into a `ThinQError` subclass. Calls are throttled: controls to
    one device are spaced by `control_interval` seconds (the call waits), at most
    `hourly_request_budget` requests go out per rolling hour, and after LG reports 1306/1314 the
    client makes no call for `rate_limit_backoff` seconds (or LG's Retry-After). The budget puts
    people first (see `RequestBudget`): each call has a `Priority`, controls the highest, reads
    `BACKGROUND` unless the caller says someone waits for them. A spent budget raises
    `ThinQBudgetError`, LG's limit `ThinQRateLimitError`, at once instead of calling.
    """

    def __init__(
        self,
        session: aiohttp.ClientSession | None,
        *,
        access_token: str,
        country: str,
        client_id: str,
        base_url: str | None = None,
        request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
        control_interval: float = DEFAULT_CONTROL_INTERVAL,
        hourly_request_budget: int = DEFAULT_HOURLY_REQUEST_BUDGET,
        people_reserve: int = 0,
        control_reserve: int = 0,
        rate_limit_backoff: float = DEFAULT_RATE_LIMIT_BACKOFF,
        clock: Clock | None = None,
        wall_clock: Clock | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        """Create a client.

        Args:
            session: a shared aiohttp session, or None to let the client own one (closed by `close()`).
            access_token: LG personal access token (`thinqpat_...`).
            country: ISO 3166-1 alpha-2 country of the account, sent as `x-country`.
            client_id: this installation's stable client id (never one per request or restart).
            base_url: API root; None picks `https://api-{kic|aic|eic}.lgthinq.com` from the country.
            request_timeout: seconds allowed for each request, body included.
            control_interval: minimum seconds between two controls to the same device.
            hourly_request_budget: maximum requests per rolling hour for this account.
            people_reserve: requests of the hour background reads must leave for people.
            control_reserve: requests of the hour confirming reads must leave for controls.
            rate_limit_backoff: seconds without any call after LG answers 1306/1314.
            clock: monotonic clock, injectable for tests (None: `time.monotonic`).
            wall_clock: Unix time, for exporting and restoring the budget, injectable for tests
                (None: `time.time`).
            sleep: async sleep used to space controls, injectable for tests.

        Raises:
            ThinQUnsupportedCountryError: no base_url was given and the country is not served.
            ValueError: the country is not two letters, a secret is empty, or the budget and its
                reserves do not fit (see `RequestBudget`).
        """
        country = country.upper()
        if not _COUNTRY.match(country):
            raise ValueError("country must be an ISO 3166-1 alpha-2 code")
        if not access_token or not client_id:
            raise ValueError("access_token and client_id must not be empty")
        self._base_url = (base_url or base_url_for_country(country)).rstrip("/")
        self._session = session
        self._owns_session = session is None
        self._access_token = access_token
        self._client_id = client_id
        self.country = country
        self.request_timeout = request_timeout
        self.budget = RequestBudget(
            hourly_request_budget,
            people_reserve=people_reserve,
            control_reserve=control_reserve,
            clock=clock,
            wall_clock=wall_clock,
        )
        self._backoff = RateLimitBackoff(rate_limit_backoff, clock=clock or time.monotonic)
        self._spacer = ControlSpacer(control_interval, clock=clock or time.monotonic, sleep=sleep)

    @property
    def base_url(self) -> str:
        """The API root the client calls."""
        return self._base_url

    @property
    def remaining_budget(self) -> int:
        """Requests a control may still spend in the current rolling hour."""
        return self.budget.remaining

    @override
    def __repr__(self) -> str:
        """Describe the client without its secrets."""
        return f"ThinQConnectClient(base_url={self._base_url!r}, country={self.country!r})"

    async def __aenter__(self) -> Self:
        """Enter `async with`; the client is ready as it is."""
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        """Close the client (and its own session) on leaving `async with`."""
        await self.close()

    async def close(self) -> None:
        """Close the session if the client created it; an injected session is left open."""
        if self._owns_session and self._session is not None:
            await self._session.close()
            self._session = None

    # Devices

    async def async_get_route(self, *, priority: Priority = Priority.BACKGROUND) -> Route:
        """Return LG's API, MQTT and WebSocket servers for the account (`GET /route`)."""
        return Route.from_json(await self._request("GET", "/route", priority=priority))

    async def async_get_devices(self, *, priority: Priority = Priority.BACKGROUND) -> list[DeviceInfo]:
        """Return the account's devices (`GET /devices`); LG asks to call this rarely."""
        return parse_devices(await self._request("GET", "/devices", priority=priority))

    async def async_get_device_profile(
        self, device_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> DeviceProfile:
        """Return a device's capability profile (`GET /devices/{id}/profile`)."""
        return DeviceProfile.from_json(
            await self._request("GET", f"/devices/{_quote(device_id)}/profile", priority=priority)
        )

    async def async_get_device_state(
        self, device_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> DeviceState:
        """Return a device's current state (`GET /devices/{id}/state`)."""
        return DeviceState.from_json(
            await self._request("GET", f"/devices/{_quote(device_id)}/state", priority=priority)
        )

    async def async_post_device_control(self, device_id: str, payload: Mapping[str, JsonValue]) -> JsonValue:
        """Send an already-built control body (`POST /devices/{id}/control`), spaced per device.

        Waits until `control_interval` seconds have passed since the last control to the same device.

        Raises:
            ThinQRateLimitError: a back-off after LG's limit is running (raised before waiting).
            ThinQBudgetError: the budget is used up (raised before waiting).
        """
        self._backoff.check()
        self.budget.check(Priority.CONTROL)
        async with self._spacer.slot(device_id):
            return await self._request(
                "POST",
                f"/devices/{_quote(device_id)}/control",
                body=dict(payload),
                priority=Priority.CONTROL,
                expect_response=False,
            )

    async def async_control(
        self,
        device_id: str,
        profile: DeviceProfile,
        resource: str,
        prop: str,
        value: JsonValue,
        location: str | None = None,
        *,
        unit: str | None = None,
        together: Mapping[tuple[str, str], JsonValue] | None = None,
    ) -> JsonValue:
        """Validate a value against the profile, then send it (see `models.build_control_payload`).

        Raises:
            ThinQInvalidValueError: the value does not fit the profile; nothing was sent.
        """
        payload = build_control_payload(
            profile, resource, prop, value, location, unit=unit, together=together
        )
        return await self.async_post_device_control(device_id, payload)

    # Energy

    async def async_get_energy_profile(
        self, device_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> EnergyProfile:
        """Return which energy properties LG meters for a device (`GET /devices/energy/{id}/profile`)."""
        return EnergyProfile.from_json(
            await self._request("GET", f"/devices/energy/{_quote(device_id)}/profile", priority=priority)
        )

    async def async_get_energy_usage(
        self,
        device_id: str,
        energy_property: str,
        period: EnergyPeriod,
        start: date | str,
        end: date | str,
        *,
        priority: Priority = Priority.BACKGROUND,
    ) -> EnergyHistory:
        """Return a device's energy history (`GET /devices/energy/{id}/usage`).

        Dates are `date` objects or strings in LG's format: YYYYMMDD for DAILY, YYYYMM for MONTHLY.
        A DAILY query for today alone is answered by the hour.

        Raises:
            ValueError: a date is not in the period's format.
            ThinQInvalidResponseError: the answer is not LG's usage shape.
        """
        params = {
            "property": energy_property,
            "period": str(period),
            "startDate": energy_date(start, period),
            "endDate": energy_date(end, period),
        }
        response = await self._request(
            "GET", f"/devices/energy/{_quote(device_id)}/usage", params=params, priority=priority
        )
        return EnergyHistory.from_json(response, energy_property)

    # Push (completion messages) and device-list pushes

    async def async_get_push_subscriptions(self) -> JsonValue:
        """Return the devices whose push messages this client receives (`GET /push`)."""
        return await self._request("GET", "/push", priority=_PUSH)

    async def async_subscribe_push(self, device_id: str) -> None:
        """Receive a device's push messages (`POST /push/{id}/subscribe`)."""
        await self._request(
            "POST", f"/push/{_quote(device_id)}/subscribe", expect_response=False, priority=_PUSH
        )

    async def async_unsubscribe_push(self, device_id: str) -> None:
        """Stop a device's push messages (`DELETE /push/{id}/unsubscribe`)."""
        await self._request(
            "DELETE", f"/push/{_quote(device_id)}/unsubscribe", expect_response=False, priority=_PUSH
        )

    async def async_get_push_devices(self) -> JsonValue:
        """Return the device-list push subscriptions (`GET /push/devices`)."""
        return await self._request("GET", "/push/devices", priority=_PUSH)

    async def async_subscribe_push_devices(self) -> None:
        """Receive device registered / unregistered / alias-changed pushes (`POST /push/devices`)."""
        await self._request("POST", "/push/devices", expect_response=False, priority=_PUSH)

    async def async_unsubscribe_push_devices(self) -> None:
        """Stop device-list pushes (`DELETE /push/devices`)."""
        await self._request("DELETE", "/push/devices", expect_response=False, priority=_PUSH)

    # Events (state changes)

    async def async_get_event_subscriptions(self) -> JsonValue:
        """Return the devices whose state-change events this client receives (`GET /event`)."""
        return await self._request("GET", "/event", priority=_PUSH)

    async def async_subscribe_events(self, device_id: str, hours: int = EVENT_SUBSCRIPTION_MAX_HOURS) -> None:
        """Receive a device's state-change events for `hours` (1-24) (`POST /event/{id}/subscribe`).

        The default is LG's maximum so that renewals, which cost API calls, are rare.

        Raises:
            ValueError: hours is outside 1-24.
        """
        if not 1 <= hours <= EVENT_SUBSCRIPTION_MAX_HOURS:
            raise ValueError(f"hours must be between 1 and {EVENT_SUBSCRIPTION_MAX_HOURS}")
        body: JsonObject = {"expire": {"unit": "HOUR", "timer": hours}}
        await self._request(
            "POST", f"/event/{_quote(device_id)}/subscribe", body=body, expect_response=False, priority=_PUSH
        )

    async def async_unsubscribe_events(self, device_id: str) -> None:
        """Stop a device's state-change events (`DELETE /event/{id}/unsubscribe`)."""
        await self._request(
            "DELETE", f"/event/{_quote(device_id)}/unsubscribe", expect_response=False, priority=_PUSH
        )

    # MQTT client registration

    async def async_register_client(self, body: Mapping[str, JsonValue] | None = None) -> JsonValue:
        """Register this client id for MQTT (`POST /client`), with LG's SDK body by default."""
        return await self._request(
            "POST", "/client", body=dict(body or CLIENT_REGISTER_BODY), expect_response=False, priority=_PUSH
        )

    async def async_unregister_client(self, body: Mapping[str, JsonValue] | None = None) -> JsonValue:
        """Unregister this client id (`DELETE /client`)."""
        return await self._request(
            "DELETE",
            "/client",
            body=dict(body or CLIENT_UNREGISTER_BODY),
            expect_response=False,
            priority=_PUSH,
        )

    async def async_issue_certificate(self, csr: str) -> JsonValue:
        """Have LG sign this client's key for MQTT (`POST /client/certificate`).

        `csr` is the PEM body of a certificate signing request, without its BEGIN/END lines, as
        LG's SDK sends it. The answer holds `certificatePem` and the `subscriptions` (topics).
        """
        body: JsonObject = {"service-code": CLIENT_REGISTER_BODY["service-code"], "csr": csr}
        return await self._request("POST", "/client/certificate", body=body, priority=_PUSH)

    # Transport

    async def _request(
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
        self._backoff.check()
        self.budget.acquire(priority)
        headers = self._headers(control=priority is Priority.CONTROL)
        message_id = headers["x-message-id"]
        try:
            async with asyncio.timeout(self.request_timeout):
                async with self._get_session().request(
                    method, self._base_url + path, json=body, params=params, headers=headers
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
            delay = self._backoff.trip(code, _seconds(retry_after))
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
            delay = self._backoff.trip(None, _seconds(retry_after))
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


def _quote(device_id: str) -> str:
    # Device ids go into the path; quoting keeps a `/` or `?` in an id from changing the endpoint.
    return quote(device_id, safe="")


def _seconds(header: str | None) -> float | None:
    """Read a Retry-After header given in seconds; dates and garbage are ignored."""
    if header is None:
        return None
    try:
        seconds = float(header)
    except ValueError:
        return None
    return seconds if math.isfinite(seconds) and seconds >= 0 else None
