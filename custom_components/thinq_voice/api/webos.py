"""Async client of LG webOS TVs over the LAN: SSAP, JSON over a WebSocket (no Home Assistant imports).

A TV listens on ws://host:3000 and, with a self-signed certificate, on wss://host:3001. The client
says hello, registers with its permission manifest and the client key the TV gave at pairing, then
sends requests (answered by id) and keeps subscriptions whose updates it fans out to callbacks::

    client = WebOsClient(session, "192.168.1.20", client_key=stored_key)
    await client.async_connect()          # WebOsPairingRefusedError if the TV no longer knows the key
    await client.async_request(SET_VOLUME, {"volume": 20})
    client.state.volume                   # kept current by subscriptions

Pairing: `async_pair()` connects without a key; the TV shows a prompt and returns a new key once
the user accepts it. The key is a secret: it never appears in logs, exception messages or reprs.
"""

import asyncio
from collections.abc import Callable, Mapping
import contextlib
from dataclasses import dataclass, field
import itertools
import json
import logging
import ssl
from typing import Any, Final

import aiohttp

from .safe_text import safe_text

_LOGGER = logging.getLogger(__name__)

type JsonObject = dict[str, Any]
type StateCallback = Callable[[TvState], None]
type SubscriptionCallback = Callable[[JsonObject], None]

DEFAULT_PORT: Final = 3000
DEFAULT_SECURE_PORT: Final = 3001
CONNECT_TIMEOUT: Final = 5.0
REQUEST_TIMEOUT: Final = 10.0
# The user has to find the remote and press OK: give them a minute.
PAIRING_TIMEOUT: Final = 60.0
# aiowebostv's figure: a TV that stops answering pings for this long is gone.
HEARTBEAT: Final = 5.0
# Channel and app lists of a real TV run into megabytes.
MAX_MESSAGE_SIZE: Final = 8 * 1024 * 1024
RECONNECT_FIRST_DELAY: Final = 1.0
RECONNECT_MAX_DELAY: Final = 10.0
# Longest text of the TV's (an error it answered) in an error message or a log line.
_MAX_TV_TEXT: Final = 200

# SSAP endpoints this client uses.
TURN_OFF: Final = "ssap://system/turnOff"
GET_SYSTEM_INFO: Final = "ssap://system/getSystemInfo"
GET_SOFTWARE_INFO: Final = "ssap://com.webos.service.update/getCurrentSWInformation"
GET_POWER_STATE: Final = "ssap://com.webos.service.tvpower/power/getPowerState"
TURN_OFF_SCREEN: Final = "ssap://com.webos.service.tvpower/power/turnOffScreen"
TURN_ON_SCREEN: Final = "ssap://com.webos.service.tvpower/power/turnOnScreen"
GET_VOLUME: Final = "ssap://audio/getVolume"
SET_VOLUME: Final = "ssap://audio/setVolume"
VOLUME_UP: Final = "ssap://audio/volumeUp"
VOLUME_DOWN: Final = "ssap://audio/volumeDown"
SET_MUTE: Final = "ssap://audio/setMute"
LAUNCH: Final = "ssap://com.webos.applicationManager/launch"
LIST_LAUNCH_POINTS: Final = "ssap://com.webos.applicationManager/listLaunchPoints"
GET_FOREGROUND_APP: Final = "ssap://com.webos.applicationManager/getForegroundAppInfo"
GET_INPUTS: Final = "ssap://tv/getExternalInputList"
SWITCH_INPUT: Final = "ssap://tv/switchInput"
OPEN_CHANNEL: Final = "ssap://tv/openChannel"
CHANNEL_UP: Final = "ssap://tv/channelUp"
CHANNEL_DOWN: Final = "ssap://tv/channelDown"
GET_CURRENT_CHANNEL: Final = "ssap://tv/getCurrentChannel"
PLAY: Final = "ssap://media.controls/play"
PAUSE: Final = "ssap://media.controls/pause"
CREATE_TOAST: Final = "ssap://system.notifications/createToast"

# What the TV lists on its prompt; the permissions cover every endpoint above.
MANIFEST: Final[JsonObject] = {
    "manifestVersion": 1,
    "appVersion": "1.0",
    "signed": {
        "appId": "io.github.thinq-voice",
        "vendorId": "io.github.thinq-voice",
        "localizedAppNames": {"": "ThinQ Voice", "ko-KR": "ThinQ Voice"},
        "localizedVendorNames": {"": "ThinQ Voice"},
        "created": "20261124",
        "serial": "thinq-voice-1",
        "permissions": ["LAUNCH", "CONTROL_AUDIO", "CONTROL_POWER", "READ_INSTALLED_APPS"],
    },
    "permissions": [
        "LAUNCH",
        "CONTROL_AUDIO",
        "CONTROL_DISPLAY",
        "CONTROL_INPUT_MEDIA_PLAYBACK",
        "CONTROL_INPUT_TV",
        "CONTROL_POWER",
        "CONTROL_TV_SCREEN",
        "READ_CURRENT_CHANNEL",
        "READ_INPUT_DEVICE_LIST",
        "READ_INSTALLED_APPS",
        "READ_POWER_STATE",
        "READ_RUNNING_APPS",
        "READ_TV_CHANNEL_LIST",
        "READ_TV_CURRENT_TIME",
        "WRITE_NOTIFICATION_TOAST",
    ],
    "signatures": [{"signatureVersion": 1, "signature": "thinq-voice"}],
}


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


@dataclass(slots=True, frozen=True)
class Channel:
    """A broadcast channel."""

    channel_id: str
    number: str
    name: str


@dataclass(slots=True)
class TvState:
    """What the subscriptions say about the TV; `None` until the TV has told."""

    power: str | None = None
    volume: int | None = None
    muted: bool | None = None
    app_id: str | None = None
    channel: Channel | None = None
    apps: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, str] = field(default_factory=dict)
    input_apps: dict[str, str] = field(default_factory=dict)

    @property
    def screen_on(self) -> bool:
        """Return whether the picture shows (the TV can run with the screen off)."""
        return self.power == "Active"


@dataclass(slots=True, frozen=True)
class TvInfo:
    """What the TV says about itself when we connect."""

    uuid: str
    model_name: str
    mac: str | None
    software_version: str | None


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


def _insecure_context() -> ssl.SSLContext:
    """Return a TLS context that takes the TV's self-signed certificate.

    webOS TVs serve a certificate signed by nobody, so it cannot be verified. The context is used
    for the connection to this one TV only, never on the shared session. PROTOCOL_TLS_CLIENT
    without loading CA files keeps this free of blocking file I/O.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


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
        self._urls = (
            [f"ws://{_url_host(address)}:{port}/"]
            if port is not None
            else [
                f"ws://{_url_host(address)}:{DEFAULT_PORT}/",
                f"wss://{_url_host(address)}:{DEFAULT_SECURE_PORT}/",
            ]
        )
        self._session = session
        self._client_key = client_key
        self._request_timeout = request_timeout
        self._reconnect_first_delay = reconnect_first_delay
        self._reconnect_max_delay = reconnect_max_delay
        self._ws: aiohttp.ClientWebSocketResponse | None = None
        self._reader: asyncio.Task[None] | None = None
        self._keeper: asyncio.Task[None] | None = None
        self._ids = itertools.count(1)
        self._pending: dict[str, asyncio.Future[JsonObject]] = {}
        self._subscriptions: dict[str, SubscriptionCallback] = {}
        self._subscription_ids: dict[str, str] = {}
        self._state_callbacks: list[StateCallback] = []
        self._connect_lock = asyncio.Lock()
        self._closing = False
        self.state = TvState()
        self.info: TvInfo | None = None
        self._hello: JsonObject = {}
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
        return self._ws is not None and not self._ws.closed

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
            await self._async_open(pairing_timeout=None)
            await self._async_after_register()

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
            key = await self._async_open(pairing_timeout=timeout)
            await self._async_after_register()
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
            if self.connected and self._reader is not None:
                await asyncio.shield(self._reader)
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

    async def _async_open(self, pairing_timeout: float | None) -> str:
        """Open the socket on the first URL that answers, say hello and register; return the key."""
        last_error: Exception | None = None
        for url in self._urls:
            try:
                async with asyncio.timeout(CONNECT_TIMEOUT):
                    # Our own heartbeat (see _async_read): aiohttp's re-arms its timer while closing.
                    ws = await self._session.ws_connect(
                        url,
                        autoping=False,
                        max_msg_size=MAX_MESSAGE_SIZE,
                        ssl=_insecure_context() if url.startswith("wss:") else True,
                    )
            except (aiohttp.ClientError, OSError, TimeoutError) as err:
                last_error = err
                continue
            try:
                hello, key = await self._async_handshake(ws, pairing_timeout)
            except BaseException:
                await ws.close()
                raise
            self._ws = ws
            self._reader = asyncio.get_running_loop().create_task(
                self._async_read(ws), name=f"webos reader {self.host}"
            )
            self._hello = hello
            _LOGGER.debug("Connected to the TV at %s", url)
            return key
        raise WebOsConnectionError(f"Cannot connect to the TV at {self.host}: {_tv_text(str(last_error))}")

    async def _async_handshake(
        self, ws: aiohttp.ClientWebSocketResponse, pairing_timeout: float | None
    ) -> tuple[JsonObject, str]:
        """Say hello, then register; return the hello payload and the client key."""
        async with asyncio.timeout(self._request_timeout):
            await ws.send_json({"type": "hello", "id": "hello"})
            hello = await _receive(ws)
        payload: JsonObject = {"forcePairing": False, "pairingType": "PROMPT", "manifest": MANIFEST}
        if self._client_key:
            payload["client-key"] = self._client_key
        async with asyncio.timeout(self._request_timeout):
            await ws.send_json({"type": "register", "id": "register", "payload": payload})
            message = await _receive(ws)
        if message.get("type") == "response" and message.get("payload", {}).get("pairingType") == "PROMPT":
            if pairing_timeout is None:
                # The TV did not know our key and now shows a prompt nobody asked for.
                raise WebOsPairingRefusedError("The TV asks for a new pairing")
            try:
                async with asyncio.timeout(pairing_timeout):
                    message = await _receive(ws)
            except TimeoutError as err:
                raise WebOsTimeoutError("Nobody accepted the pairing prompt on the TV") from err
        if message.get("type") == "error":
            raise WebOsPairingRefusedError(f"The TV refused the pairing: {_tv_text(message.get('error'))}")
        if message.get("type") != "registered":
            raise WebOsConnectionError(f"Unexpected answer to register: {_tv_text(message.get('type'))}")
        key = message.get("payload", {}).get("client-key") or self._client_key
        if not isinstance(key, str):
            raise WebOsPairingRefusedError("The TV registered us without a client key")
        self._client_key = key
        return dict(hello.get("payload", {})), key

    async def _async_after_register(self) -> None:
        """Read what the TV is, then (re)subscribe to its state."""
        system = await self.async_request(GET_SYSTEM_INFO)
        software = await self.async_request(GET_SOFTWARE_INFO)
        self.info = TvInfo(
            uuid=str(self._hello.get("deviceUUID") or software.get("device_id") or self.host),
            model_name=str(system.get("modelName", "webOS TV")),
            mac=software.get("device_id"),
            software_version=software.get("product_name"),
        )
        for uri, callback in (
            (GET_POWER_STATE, self._on_power),
            (GET_VOLUME, self._on_volume),
            (GET_FOREGROUND_APP, self._on_app),
            (GET_CURRENT_CHANNEL, self._on_channel),
            (LIST_LAUNCH_POINTS, self._on_apps),
            (GET_INPUTS, self._on_inputs),
        ):
            self._subscriptions.setdefault(uri, callback)
        for uri in list(self._subscriptions):
            await self._async_subscribe_on_tv(uri)

    async def _async_disconnect(self) -> None:
        ws, self._ws = self._ws, None
        if ws is not None:
            await ws.close()
        if self._reader is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None

    async def _async_read(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        """Route answers to their requests and updates to subscribers until the socket ends.

        A quiet socket gets a ping; a TV that then stays silent for another HEARTBEAT is gone
        (unplugged TVs close nothing).
        """
        pinged = False
        try:
            while True:
                try:
                    message = await ws.receive(timeout=HEARTBEAT)
                except TimeoutError:
                    if pinged:
                        _LOGGER.debug("The TV at %s stopped answering", self.host)
                        break
                    pinged = True
                    await ws.ping()
                    continue
                pinged = False
                if message.type is aiohttp.WSMsgType.PING:
                    await ws.pong(message.data)
                    continue
                if message.type in (
                    aiohttp.WSMsgType.CLOSE,
                    aiohttp.WSMsgType.CLOSING,
                    aiohttp.WSMsgType.CLOSED,
                    aiohttp.WSMsgType.ERROR,
                ):
                    break
                if message.type is not aiohttp.WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(message.data)
                except ValueError:
                    _LOGGER.debug("Ignoring a message from the TV that is not JSON")
                    continue
                self._dispatch(data)
        finally:
            if self._ws is ws:
                self._ws = None
            await ws.close()
            for future in self._pending.values():
                if not future.done():
                    future.set_exception(WebOsConnectionError("The connection to the TV closed"))
            self._pending.clear()
            self._subscription_ids.clear()
            self.state.power = None
            _LOGGER.debug("The connection to the TV at %s closed", self.host)
            self._notify()

    def _dispatch(self, data: JsonObject) -> None:
        message_id = str(data.get("id"))
        # A subscription's first answer and its updates share the id; both go to the callback
        # here, in the order they arrived, so no update is lost or overtaken by the first answer.
        uri = self._subscription_ids.get(message_id)
        payload = data.get("payload", {})
        if uri is not None and data.get("type") == "response" and payload.get("returnValue") is not False:
            self._subscriptions[uri](payload)
        future = self._pending.pop(message_id, None)
        if future is not None and not future.done():
            future.set_result(data)

    # Requests and subscriptions ------------------------------------------------------------------

    async def async_request(self, uri: str, payload: Mapping[str, Any] | None = None) -> JsonObject:
        """Send one request; return the answer's payload.

        Raises:
            WebOsConnectionError: not connected, or the connection broke.
            WebOsTimeoutError: no answer within the request timeout.
            WebOsCommandError: the TV answered with an error.
        """
        message = await self._async_send("request", uri, payload)
        return dict(message.get("payload", {}))

    async def async_subscribe(self, uri: str, callback: SubscriptionCallback) -> None:
        """Subscribe to an endpoint; the callback gets every update, also after reconnecting."""
        self._subscriptions[uri] = callback
        if self.connected:
            await self._async_subscribe_on_tv(uri)

    def add_state_callback(self, callback: StateCallback) -> Callable[[], None]:
        """Call `callback` with the state on every change; return the function that stops it."""
        self._state_callbacks.append(callback)
        return lambda: self._state_callbacks.remove(callback)

    async def _async_subscribe_on_tv(self, uri: str) -> None:
        message_id = str(next(self._ids))
        self._subscription_ids[message_id] = uri
        try:
            await self._async_send("subscribe", uri, None, message_id)
        except WebOsError:
            self._subscription_ids.pop(message_id, None)
            raise

    async def _async_send(
        self, kind: str, uri: str, payload: Mapping[str, Any] | None, message_id: str | None = None
    ) -> JsonObject:
        ws = self._ws
        if ws is None or ws.closed:
            raise WebOsConnectionError("Not connected to the TV")
        message_id = message_id or str(next(self._ids))
        future: asyncio.Future[JsonObject] = asyncio.get_running_loop().create_future()
        self._pending[message_id] = future
        pending = self._pending

        def _forget(done: asyncio.Future[JsonObject]) -> None:
            # Kept until answered, failed or given up on, so a late answer still finds it.
            pending.pop(message_id or "", None)
            if not done.cancelled():
                done.exception()  # nobody may wait for a late answer: not an unretrieved error

        future.add_done_callback(_forget)
        try:
            await ws.send_json({"type": kind, "id": message_id, "uri": uri, "payload": dict(payload or {})})
            async with asyncio.timeout(self._request_timeout):
                message = await asyncio.shield(future)
        except TimeoutError as err:
            raise WebOsTimeoutError(f"The TV did not answer {uri}", late_answer=future) from err
        except (aiohttp.ClientError, ConnectionError) as err:
            future.cancel()
            raise WebOsConnectionError(f"Sending {uri} failed: {err}") from err
        except asyncio.CancelledError:
            future.cancel()
            raise
        return _checked(uri, message)

    @staticmethod
    async def async_late_answer(uri: str, err: WebOsTimeoutError, timeout: float) -> JsonObject:
        """Wait up to `timeout` more seconds for the answer to a request that timed out.

        Raises:
            WebOsTimeoutError: still no answer (the request is given up on).
            WebOsConnectionError: the connection closed meanwhile.
            WebOsCommandError: the TV answered with an error.
        """
        if err.late_answer is None:
            raise err
        try:
            async with asyncio.timeout(timeout):
                message = await err.late_answer
        except TimeoutError as late:
            err.late_answer.cancel()
            raise WebOsTimeoutError(f"The TV did not answer {uri}") from late
        return dict(_checked(uri, message).get("payload", {}))

    # State ---------------------------------------------------------------------------------------

    def _on_power(self, payload: JsonObject) -> None:
        self.state.power = payload.get("state", self.state.power)
        self._notify()

    def _on_volume(self, payload: JsonObject) -> None:
        # Newer webOS nests the values in volumeStatus; older ones send them flat.
        status = payload.get("volumeStatus", payload)
        if "volume" in status:
            self.state.volume = int(status["volume"])
        muted = status.get("muteStatus", status.get("mute"))
        if muted is not None:
            self.state.muted = bool(muted)
        self._notify()

    def _on_app(self, payload: JsonObject) -> None:
        self.state.app_id = payload.get("appId") or None
        self._notify()

    def _on_channel(self, payload: JsonObject) -> None:
        if payload.get("channelId"):
            self.state.channel = Channel(
                str(payload["channelId"]),
                str(payload.get("channelNumber", "")),
                str(payload.get("channelName", "")),
            )
        self._notify()

    def _on_apps(self, payload: JsonObject) -> None:
        if "launchPoints" in payload:
            self.state.apps = {
                str(app["id"]): str(app.get("title", app["id"])) for app in payload["launchPoints"]
            }
            self._notify()

    def _on_inputs(self, payload: JsonObject) -> None:
        if "devices" in payload:
            devices = payload["devices"]
            self.state.inputs = {str(item["id"]): str(item.get("label", item["id"])) for item in devices}
            self.state.input_apps = {
                str(item["appId"]): str(item["id"]) for item in devices if "appId" in item
            }
            self._notify()

    def _notify(self) -> None:
        for callback in list(self._state_callbacks):
            callback(self.state)


def _checked(uri: str, message: JsonObject) -> JsonObject:
    """Return an answer, or raise the error the TV answered with."""
    answer = message.get("payload", {})
    if message.get("type") == "error" or answer.get("returnValue") is False:
        raise WebOsCommandError(uri, _tv_text(message.get("error") or answer.get("errorText") or "refused"))
    return message


async def _receive(ws: aiohttp.ClientWebSocketResponse) -> JsonObject:
    """Read one JSON message during the handshake."""
    message = await ws.receive()
    while message.type in (aiohttp.WSMsgType.PING, aiohttp.WSMsgType.PONG):
        message = await ws.receive()
    if message.type is not aiohttp.WSMsgType.TEXT:
        raise WebOsConnectionError("The TV closed the connection during the handshake")
    try:
        data = json.loads(message.data)
    except ValueError as err:
        raise WebOsConnectionError("The TV sent a message that is not JSON") from err
    if not isinstance(data, dict):
        raise WebOsConnectionError("The TV sent a message that is not a JSON object")
    return data


def _tv_text(value: object) -> str:
    """Return text the TV sent, fit for an error message and a log line."""
    return safe_text(value, _MAX_TV_TEXT)


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
