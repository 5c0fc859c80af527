"""Opening a socket to a TV and registering on it: with the stored key, or by pairing.

Registering sends the permission manifest and the client key the TV gave at pairing. Without a
key (or with one the TV forgot) the TV shows a prompt; pairing waits for the user to accept it
and returns the new key. The key is a secret: it never appears in logs or exception messages.
"""

import asyncio
import json
import ssl
from typing import Final

import aiohttp

from .const import CONNECT_TIMEOUT, MAX_MESSAGE_SIZE, JsonObject
from .errors import WebOsConnectionError, WebOsPairingRefusedError, WebOsTimeoutError, tv_text

# What the TV lists on its prompt; the permissions cover every endpoint in const.py.
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


async def async_open_socket(session: aiohttp.ClientSession, url: str) -> aiohttp.ClientWebSocketResponse:
    """Open the WebSocket to a TV's URL (ws:// or wss://).

    Raises:
        aiohttp.ClientError, OSError, TimeoutError: nothing answers there.
    """
    async with asyncio.timeout(CONNECT_TIMEOUT):
        # Our own heartbeat (see SsapConnection): aiohttp's re-arms its timer while closing.
        return await session.ws_connect(
            url,
            autoping=False,
            max_msg_size=MAX_MESSAGE_SIZE,
            ssl=_insecure_context() if url.startswith("wss:") else True,
        )


async def async_register(
    ws: aiohttp.ClientWebSocketResponse,
    client_key: str | None,
    request_timeout: float,
    pairing_timeout: float | None,
) -> tuple[JsonObject, str]:
    """Say hello, then register; return the hello payload and the client key.

    Without `pairing_timeout` a prompt on the TV means it does not know the key.

    Raises:
        WebOsPairingRefusedError: the TV wants a new pairing, or the user declined the prompt.
        WebOsTimeoutError: nobody accepted the prompt within `pairing_timeout`.
        WebOsConnectionError: the TV closed the socket or answered nonsense.
    """
    async with asyncio.timeout(request_timeout):
        await ws.send_json({"type": "hello", "id": "hello"})
        hello = await _receive(ws)
    payload: JsonObject = {"forcePairing": False, "pairingType": "PROMPT", "manifest": MANIFEST}
    if client_key:
        payload["client-key"] = client_key
    async with asyncio.timeout(request_timeout):
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
        raise WebOsPairingRefusedError(f"The TV refused the pairing: {tv_text(message.get('error'))}")
    if message.get("type") != "registered":
        raise WebOsConnectionError(f"Unexpected answer to register: {tv_text(message.get('type'))}")
    key = message.get("payload", {}).get("client-key") or client_key
    if not isinstance(key, str):
        raise WebOsPairingRefusedError("The TV registered us without a client key")
    return dict(hello.get("payload", {})), key


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
