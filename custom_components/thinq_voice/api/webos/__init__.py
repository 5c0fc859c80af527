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

The modules: const (ports, timeouts, endpoints), errors, handshake (socket, hello, register and
pairing), connection (one registered socket: requests, subscription updates, heartbeat), state
(what the TV is and does) and client (WebOsClient: connecting, reconnecting, requests, state).
"""

from .client import StateCallback, SubscriptionCallback, WebOsClient, parse_host
from .const import (
    CHANNEL_DOWN,
    CHANNEL_UP,
    CONNECT_TIMEOUT,
    CREATE_TOAST,
    DEFAULT_PORT,
    DEFAULT_SECURE_PORT,
    GET_CURRENT_CHANNEL,
    GET_FOREGROUND_APP,
    GET_INPUTS,
    GET_POWER_STATE,
    GET_SOFTWARE_INFO,
    GET_SYSTEM_INFO,
    GET_VOLUME,
    LAUNCH,
    LIST_LAUNCH_POINTS,
    MAX_MESSAGE_SIZE,
    OPEN_CHANNEL,
    PAIRING_TIMEOUT,
    PAUSE,
    PLAY,
    RECONNECT_FIRST_DELAY,
    RECONNECT_MAX_DELAY,
    REQUEST_TIMEOUT,
    SET_MUTE,
    SET_VOLUME,
    SWITCH_INPUT,
    TURN_OFF,
    TURN_OFF_SCREEN,
    TURN_ON_SCREEN,
    VOLUME_DOWN,
    VOLUME_UP,
    JsonObject,
)
from .errors import (
    WebOsCommandError,
    WebOsConnectionError,
    WebOsError,
    WebOsPairingRefusedError,
    WebOsTimeoutError,
)
from .state import Channel, TvInfo, TvState

__all__ = [
    "CHANNEL_DOWN",
    "CHANNEL_UP",
    "CONNECT_TIMEOUT",
    "CREATE_TOAST",
    "DEFAULT_PORT",
    "DEFAULT_SECURE_PORT",
    "GET_CURRENT_CHANNEL",
    "GET_FOREGROUND_APP",
    "GET_INPUTS",
    "GET_POWER_STATE",
    "GET_SOFTWARE_INFO",
    "GET_SYSTEM_INFO",
    "GET_VOLUME",
    "LAUNCH",
    "LIST_LAUNCH_POINTS",
    "MAX_MESSAGE_SIZE",
    "OPEN_CHANNEL",
    "PAIRING_TIMEOUT",
    "PAUSE",
    "PLAY",
    "RECONNECT_FIRST_DELAY",
    "RECONNECT_MAX_DELAY",
    "REQUEST_TIMEOUT",
    "SET_MUTE",
    "SET_VOLUME",
    "SWITCH_INPUT",
    "TURN_OFF",
    "TURN_OFF_SCREEN",
    "TURN_ON_SCREEN",
    "VOLUME_DOWN",
    "VOLUME_UP",
    "Channel",
    "JsonObject",
    "StateCallback",
    "SubscriptionCallback",
    "TvInfo",
    "TvState",
    "WebOsClient",
    "WebOsCommandError",
    "WebOsConnectionError",
    "WebOsError",
    "WebOsPairingRefusedError",
    "WebOsTimeoutError",
    "parse_host",
]
