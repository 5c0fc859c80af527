"""Async client of LG's ThinQ Connect cloud API."""

import asyncio
from collections.abc import Mapping
from datetime import date
import time
from types import TracebackType
from typing import Self, override
from urllib.parse import quote

import aiohttp

from .const import (
    CLIENT_REGISTER_BODY,
    CLIENT_UNREGISTER_BODY,
    DEFAULT_CONTROL_INTERVAL,
    DEFAULT_HOURLY_REQUEST_BUDGET,
    DEFAULT_RATE_LIMIT_BACKOFF,
    DEFAULT_REQUEST_TIMEOUT,
    EVENT_SUBSCRIPTION_MAX_HOURS,
)
from .energy import EnergyHistory, EnergyPeriod, EnergyProfile, energy_date
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
from .throttle import Clock, ControlSpacer, Priority, RateLimitBackoff, RequestBudget, Sleep
from .transport import ThinQTransport

# Setting push up and keeping it is paid like the reads people wait for: it is what answers them,
# and it spares the confirming reads and most of the polling.
_PUSH = Priority.CONFIRM


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
        monotonic = clock or time.monotonic
        self._transport = ThinQTransport(
            session,
            access_token=access_token,
            country=country,
            client_id=client_id,
            base_url=base_url,
            request_timeout=request_timeout,
            budget=RequestBudget(
                hourly_request_budget,
                people_reserve=people_reserve,
                control_reserve=control_reserve,
                clock=clock,
                wall_clock=wall_clock,
            ),
            backoff=RateLimitBackoff(rate_limit_backoff, clock=monotonic),
        )
        self._spacer = ControlSpacer(control_interval, clock=monotonic, sleep=sleep)

    @property
    def base_url(self) -> str:
        """The API root the client calls."""
        return self._transport.base_url

    @property
    def country(self) -> str:
        """The account's country, upper case."""
        return self._transport.country

    @property
    def request_timeout(self) -> float:
        """Seconds allowed for each request, body included."""
        return self._transport.request_timeout

    @request_timeout.setter
    def request_timeout(self, seconds: float) -> None:
        self._transport.request_timeout = seconds

    @property
    def budget(self) -> RequestBudget:
        """The account's requests of the rolling hour (exported and restored across restarts)."""
        return self._transport.budget

    @property
    def remaining_budget(self) -> int:
        """Requests a control may still spend in the current rolling hour."""
        return self.budget.remaining

    @override
    def __repr__(self) -> str:
        """Describe the client without its secrets."""
        return f"ThinQConnectClient(base_url={self.base_url!r}, country={self.country!r})"

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
        await self._transport.close()

    # Devices

    async def async_get_route(self, *, priority: Priority = Priority.BACKGROUND) -> Route:
        """Return LG's API, MQTT and WebSocket servers for the account (`GET /route`)."""
        return Route.from_json(await self._transport.request("GET", "/route", priority=priority))

    async def async_get_devices(self, *, priority: Priority = Priority.BACKGROUND) -> list[DeviceInfo]:
        """Return the account's devices (`GET /devices`); LG asks to call this rarely."""
        return parse_devices(await self._transport.request("GET", "/devices", priority=priority))

    async def async_get_device_profile(
        self, device_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> DeviceProfile:
        """Return a device's capability profile (`GET /devices/{id}/profile`)."""
        return DeviceProfile.from_json(await self.async_get_device_profile_json(device_id, priority=priority))

    async def async_get_device_profile_json(
        self, device_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> JsonValue:
        """Return a device's profile as LG sent it, to keep (read it with `DeviceProfile.from_json`)."""
        return await self._transport.request(
            "GET", f"/devices/{_quote(device_id)}/profile", priority=priority
        )

    async def async_get_device_state(
        self, device_id: str, *, priority: Priority = Priority.BACKGROUND
    ) -> DeviceState:
        """Return a device's current state (`GET /devices/{id}/state`)."""
        return DeviceState.from_json(
            await self._transport.request("GET", f"/devices/{_quote(device_id)}/state", priority=priority)
        )

    async def async_post_device_control(self, device_id: str, payload: Mapping[str, JsonValue]) -> JsonValue:
        """Send an already-built control body (`POST /devices/{id}/control`), spaced per device.

        Waits until `control_interval` seconds have passed since the last control to the same device.

        Raises:
            ThinQRateLimitError: a back-off after LG's limit is running (raised before waiting).
            ThinQBudgetError: the budget is used up (raised before waiting).
        """
        self._transport.backoff.check()
        self.budget.check(Priority.CONTROL)
        async with self._spacer.slot(device_id):
            return await self._transport.request(
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
            await self._transport.request(
                "GET", f"/devices/energy/{_quote(device_id)}/profile", priority=priority
            )
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
        response = await self._transport.request(
            "GET", f"/devices/energy/{_quote(device_id)}/usage", params=params, priority=priority
        )
        return EnergyHistory.from_json(response, energy_property)

    # Push (completion messages) and device-list pushes

    async def async_get_push_subscriptions(self) -> JsonValue:
        """Return the devices whose push messages this client receives (`GET /push`)."""
        return await self._transport.request("GET", "/push", priority=_PUSH)

    async def async_subscribe_push(self, device_id: str) -> None:
        """Receive a device's push messages (`POST /push/{id}/subscribe`)."""
        await self._transport.request(
            "POST", f"/push/{_quote(device_id)}/subscribe", expect_response=False, priority=_PUSH
        )

    async def async_unsubscribe_push(self, device_id: str) -> None:
        """Stop a device's push messages (`DELETE /push/{id}/unsubscribe`)."""
        await self._transport.request(
            "DELETE", f"/push/{_quote(device_id)}/unsubscribe", expect_response=False, priority=_PUSH
        )

    async def async_get_push_devices(self) -> JsonValue:
        """Return the device-list push subscriptions (`GET /push/devices`)."""
        return await self._transport.request("GET", "/push/devices", priority=_PUSH)

    async def async_subscribe_push_devices(self) -> None:
        """Receive device registered / unregistered / alias-changed pushes (`POST /push/devices`)."""
        await self._transport.request("POST", "/push/devices", expect_response=False, priority=_PUSH)

    async def async_unsubscribe_push_devices(self) -> None:
        """Stop device-list pushes (`DELETE /push/devices`)."""
        await self._transport.request("DELETE", "/push/devices", expect_response=False, priority=_PUSH)

    # Events (state changes)

    async def async_get_event_subscriptions(self) -> JsonValue:
        """Return the devices whose state-change events this client receives (`GET /event`)."""
        return await self._transport.request("GET", "/event", priority=_PUSH)

    async def async_subscribe_events(self, device_id: str, hours: int = EVENT_SUBSCRIPTION_MAX_HOURS) -> None:
        """Receive a device's state-change events for `hours` (1-24) (`POST /event/{id}/subscribe`).

        The default is LG's maximum so that renewals, which cost API calls, are rare.

        Raises:
            ValueError: hours is outside 1-24.
        """
        if not 1 <= hours <= EVENT_SUBSCRIPTION_MAX_HOURS:
            raise ValueError(f"hours must be between 1 and {EVENT_SUBSCRIPTION_MAX_HOURS}")
        body: JsonObject = {"expire": {"unit": "HOUR", "timer": hours}}
        await self._transport.request(
            "POST", f"/event/{_quote(device_id)}/subscribe", body=body, expect_response=False, priority=_PUSH
        )

    async def async_unsubscribe_events(self, device_id: str) -> None:
        """Stop a device's state-change events (`DELETE /event/{id}/unsubscribe`)."""
        await self._transport.request(
            "DELETE", f"/event/{_quote(device_id)}/unsubscribe", expect_response=False, priority=_PUSH
        )

    # MQTT client registration

    async def async_register_client(self, body: Mapping[str, JsonValue] | None = None) -> JsonValue:
        """Register this client id for MQTT (`POST /client`), with LG's SDK body by default."""
        return await self._transport.request(
            "POST", "/client", body=dict(body or CLIENT_REGISTER_BODY), expect_response=False, priority=_PUSH
        )

    async def async_unregister_client(self, body: Mapping[str, JsonValue] | None = None) -> JsonValue:
        """Unregister this client id (`DELETE /client`)."""
        return await self._transport.request(
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
        return await self._transport.request("POST", "/client/certificate", body=body, priority=_PUSH)


def _quote(device_id: str) -> str:
    # Device ids go into the path; quoting keeps a `/` or `?` in an id from changing the endpoint.
    return quote(device_id, safe="")
