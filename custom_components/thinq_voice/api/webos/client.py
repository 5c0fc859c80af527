"""The client of one webOS TV: connecting, pairing, staying connected, requests and the TV's state."""

import asyncio
from collections.abc import Callable, Mapping
import contextlib
from functools import partial
import itertools
import logging
from typing import Any

import aiohttp

from .connection import SsapConnection, async_late_answer
from .const import (
    DEFAULT_PORT,
    DEFAULT_SECURE_PORT,
    GET_SOFTWARE_INFO,
    GET_SYSTEM_INFO,
    PAIRING_TIMEOUT,
    RECONNECT_FIRST_DELAY,
    RECONNECT_MAX_DELAY,
    REQUEST_TIMEOUT,
    JsonObject,
)
from .errors import (
    WebOsCommandError,
    WebOsConnectionError,
    WebOsPairingRefusedError,
    WebOsTimeoutError,
    tv_text,
)
from .handshake import async_open_socket, async_register
from .state import STATE_UPDATES, StateUpdate, TvInfo, TvState, read_info

_LOGGER = logging.getLogger(__package__)

type StateCallback = Callable[[TvState], None]
type SubscriptionCallback = Callable[[JsonObject], None]


def parse_host(host: str) -> tuple[str, int | None]:
    """Split "host" or "host:port" ("[v6]:port" for IPv6); the port is None when not given."""
    text = host.strip()
    if text.startswith("["):
        address, _, rest = text[1:].partition("]")
        return address, int(rest[1:]) if rest.startswith(":") else None
    if text.count(":") == 1:
        address, port = text.split(":")
        return address, int(port)
    return text, None


class WebOsClient:
    """One connection to one webOS TV, with subscriptions and automatic reconnection."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        host: str,
        *,
        client_key: str | None = None,
        request_timeout: float = REQUEST_TIMEOUT,
        reconnect_first_delay: float = RECONNECT_FIRST_DELAY,
        reconnect_max_delay: float = RECONNECT_MAX_DELAY,
    ) -> None:
        """Prepare a client; `host` may carry a port, then only ws:// on that port is tried."""
        address, port = parse_host(host)
        self.host = address
        url_host = f"[{address}]" if ":" in address else address
        self._urls = (
            [f"ws://{url_host}:{port}/"]
            if port is not None
            else [f"ws://{url_host}:{DEFAULT_PORT}/", f"wss://{url_host}:{DEFAULT_SECURE_PORT}/"]
        )
        self._session = session
        self._client_key = client_key
        self._request_timeout = request_timeout
        self._reconnect_first_delay = reconnect_first_delay
        self._reconnect_max_delay = reconnect_max_delay
        self._connection: SsapConnection | None = None
        self._keeper: asyncio.Task[None] | None = None
        self._ids = itertools.count(1)
        self._subscriptions: dict[str, SubscriptionCallback] = {}
        self._state_callbacks: list[StateCallback] = []
        self._connect_lock = asyncio.Lock()
        self._closing = False
        self.state = TvState()
        self.info: TvInfo | None = None
        self.on_pairing_lost: Callable[[], None] | None = None

    def __repr__(self) -> str:
        """Name the TV, never the client key."""
        return f"WebOsClient(host={self.host!r}, connected={self.connected})"

    @property
    def client_key(self) -> str | None:
        """Return the key the TV gave at pairing."""
        return self._client_key

    @property
    def connected(self) -> bool:
        """Return whether the socket is open and registered."""
        return self._connection is not None and not self._connection.closed

    # Connection ------------------------------------------------------------------------------

    async def async_connect(self) -> None:
        """Connect and register with the stored key, then subscribe to the TV's state.

        Raises:
            WebOsConnectionError: the TV is off or unreachable.
            WebOsPairingRefusedError: the TV wants a new pairing (no key, or it forgot ours).
            WebOsTimeoutError: the TV accepted the connection but did not answer.
        """
        async with self._connect_lock:
            if self.connected:
                return
            self._closing = False
            hello, _ = await self._async_open(pairing_timeout=None)
            await self._async_after_register(hello)

    async def async_pair(self, timeout: float = PAIRING_TIMEOUT) -> str:
        """Pair: connect without a key, wait for the user to accept the prompt, return the key.

        Raises:
            WebOsPairingRefusedError: the user declined the prompt.
            WebOsTimeoutError: nobody answered the prompt within `timeout` seconds.
            WebOsConnectionError: the TV is off or unreachable.
        """
        async with self._connect_lock:
            await self._async_disconnect()
            self._closing = False
            self._client_key = None
            hello, key = await self._async_open(pairing_timeout=timeout)
            await self._async_after_register(hello)
        return key

    async def async_close(self) -> None:
        """Stop reconnecting and close the socket; pending requests fail."""
        self._closing = True
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
            self._keeper = None
        await self._async_disconnect()

    def start_keeping_connected(self) -> None:
        """Reconnect in the background whenever the connection is down, backing off to the max delay.

        The loop ends on `async_close()`, or when the TV refuses our key: then `on_pairing_lost`
        is called, since only a new pairing can help.
        """
        if self._keeper is None or self._keeper.done():
            self._closing = False
            self._keeper = asyncio.get_running_loop().create_task(
                self._async_keep_connected(), name=f"webos keep connected {self.host}"
            )

    async def _async_keep_connected(self) -> None:
        delay = self._reconnect_first_delay
        while not self._closing:
            if (connection := self._connection) is not None and not connection.closed:
                await connection.async_wait_closed()
                delay = self._reconnect_first_delay
                continue
            try:
                await self.async_connect()
            except WebOsPairingRefusedError:
                _LOGGER.debug("The TV at %s no longer accepts our key", self.host)
                if self.on_pairing_lost is not None:
                    self.on_pairing_lost()
                return
            except (WebOsConnectionError, WebOsTimeoutError) as err:
                _LOGGER.debug("Reconnecting to %s failed (%s); next try in %.0f s", self.host, err, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self._reconnect_max_delay)

    async def _async_open(self, pairing_timeout: float | None) -> tuple[JsonObject, str]:
        """Open the socket on the first URL that answers and register; return the TV's hello and the key."""
        last_error: Exception | None = None
        for url in self._urls:
            try:
                ws = await async_open_socket(self._session, url)
            except (aiohttp.ClientError, OSError, TimeoutError) as err:
                last_error = err
                continue
            try:
                hello, key = await async_register(
                    ws, self._client_key, self._request_timeout, pairing_timeout
                )
            except BaseException:
                await ws.close()
                raise
            self._connection = SsapConnection(ws, self.host, self._ids, self._on_update, self._on_closed)
            self._client_key = key
            _LOGGER.debug("Connected to the TV at %s", url)
            return hello, key
        raise WebOsConnectionError(f"Cannot connect to the TV at {self.host}: {tv_text(str(last_error))}")

    async def _async_after_register(self, hello: JsonObject) -> None:
        """Read what the TV is, then (re)subscribe to its state."""
        system = await self.async_request(GET_SYSTEM_INFO)
        software = await self.async_request(GET_SOFTWARE_INFO)
        self.info = read_info(self.host, hello, system, software)
        for uri, update in STATE_UPDATES.items():
            self._subscriptions.setdefault(uri, partial(self._update_state, update))
        for uri in list(self._subscriptions):
            try:
                await self._async_subscribe_on_tv(uri)
            except WebOsCommandError as err:
                # A TV that refuses an endpoint (another webOS version) refuses it on every
                # connection: forget it rather than fail the connection over it.
                _LOGGER.debug("The TV at %s refused the subscription to %s: %s", self.host, uri, err)
                del self._subscriptions[uri]

    async def _async_disconnect(self) -> None:
        connection, self._connection = self._connection, None
        if connection is not None:
            await connection.async_close()

    def _on_closed(self, connection: SsapConnection) -> None:
        if self._connection is connection:
            self._connection = None
        self.state.power = None
        self._notify()

    # Requests and subscriptions ------------------------------------------------------------------

    async def async_request(self, uri: str, payload: Mapping[str, Any] | None = None) -> JsonObject:
        """Send one request; return the answer's payload.

        Raises:
            WebOsConnectionError: not connected, or the connection broke.
            WebOsTimeoutError: no answer within the request timeout.
            WebOsCommandError: the TV answered with an error.
        """
        message = await self._live_connection().async_request(uri, payload, self._request_timeout)
        return dict(message.get("payload", {}))

    @staticmethod
    async def async_late_answer(uri: str, err: WebOsTimeoutError, timeout: float) -> JsonObject:
        """Wait up to `timeout` more seconds for the answer to a request that timed out.

        Raises:
            WebOsTimeoutError: still no answer (the request is given up on).
            WebOsConnectionError: the connection closed meanwhile.
            WebOsCommandError: the TV answered with an error.
        """
        return await async_late_answer(uri, err, timeout)

    async def async_subscribe(self, uri: str, callback: SubscriptionCallback) -> None:
        """Subscribe to an endpoint; the callback gets every update, also after reconnecting.

        Raises:
            WebOsCommandError: the TV refused the subscription; it is not kept.
        """
        self._subscriptions[uri] = callback
        if self.connected:
            try:
                await self._async_subscribe_on_tv(uri)
            except WebOsCommandError:
                del self._subscriptions[uri]
                raise

    def add_state_callback(self, callback: StateCallback) -> Callable[[], None]:
        """Call `callback` with the state on every change; return the function that stops it."""
        self._state_callbacks.append(callback)
        return lambda: self._state_callbacks.remove(callback)

    async def _async_subscribe_on_tv(self, uri: str) -> None:
        await self._live_connection().async_subscribe(uri, self._request_timeout)

    def _live_connection(self) -> SsapConnection:
        connection = self._connection
        if connection is None or connection.closed:
            raise WebOsConnectionError("Not connected to the TV")
        return connection

    def _on_update(self, uri: str, payload: JsonObject) -> None:
        self._subscriptions[uri](payload)

    # State ---------------------------------------------------------------------------------------

    def _update_state(self, update: StateUpdate, payload: JsonObject) -> None:
        if update(self.state, payload):
            self._notify()

    def _notify(self) -> None:
        for callback in list(self._state_callbacks):
            callback(self.state)
