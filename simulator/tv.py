"""A simulated LG webOS TV speaking SSAP (JSON over a WebSocket), for tests and the demo.

It serves ws:// on its own port (a real TV uses 3000) and, optionally, wss:// with a freshly made
self-signed certificate (a real TV uses 3001). Pairing shows no prompt: it is accepted, refused or
left unanswered as configured. State changes reach every subscriber, as on a TV.
"""

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import asdict, dataclass, field
import datetime as dt
import json
import logging
from pathlib import Path
import secrets
import ssl
import tempfile
from typing import Any, Literal

from aiohttp import WSMsgType, web

_LOGGER = logging.getLogger(__name__)

type JsonObject = dict[str, Any]
type Pairing = Literal["accept", "refuse", "ignore"]
PAIRING_MODES: tuple[Pairing, ...] = ("accept", "refuse", "ignore")
# Seconds before the simulated user presses OK or Cancel on the prompt.
PROMPT_DELAY_S = 0.05
TV_UUID = "5d2b0bbe-92c7-4d1c-9a3e-0e3d9c1b7a11"
TV_MAC = "a8:23:fe:12:34:56"
LIVE_TV = "com.webos.app.livetv"
PREFIX = "ssap://"


@dataclass(slots=True)
class TvState:
    """What the simulated TV is doing; `power` uses webOS words (Active, Screen Off, off)."""

    power: str = "Active"
    volume: int = 12
    muted: bool = False
    app_id: str = LIVE_TV
    channel_index: int = 0
    playback: str = "playing"
    toasts: list[str] = field(default_factory=list)
    apps: dict[str, str] = field(
        default_factory=lambda: {
            LIVE_TV: "Live TV",
            "youtube.leanback.v4": "YouTube",
            "netflix": "Netflix",
            "com.disney.disneyplus-prod": "Disney+",
            "tving.webos": "TVING",
            "com.webos.app.browser": "Web Browser",
            "com.webos.app.hdmi1": "HDMI 1",
            "com.webos.app.hdmi2": "HDMI 2",
        }
    )
    inputs: dict[str, str] = field(
        default_factory=lambda: {"HDMI_1": "com.webos.app.hdmi1", "HDMI_2": "com.webos.app.hdmi2"}
    )
    channels: list[JsonObject] = field(
        default_factory=lambda: [
            {"channelId": "7_5_1_0", "channelNumber": "5", "channelName": "SBS"},
            {"channelId": "7_7_1_0", "channelNumber": "7", "channelName": "KBS2"},
            {"channelId": "7_9_1_0", "channelNumber": "9", "channelName": "KBS1"},
            {"channelId": "7_11_1_0", "channelNumber": "11", "channelName": "MBC"},
            {"channelId": "7_13_1_0", "channelNumber": "13", "channelName": "EBS"},
        ]
    )


@dataclass(slots=True)
class TvFaults:
    """Faults of the simulated TV: slow replies, late answers and dropped connections.

    `slow_ms` holds every message that long before the TV looks at it; `late_answer_ms` lets the
    TV carry a request out at once (its subscribers hear of the change) and answer that much later,
    as a busy TV does, while it keeps answering pings.
    """

    slow_ms: int = 0
    late_answer_ms: int = 0


@dataclass(slots=True)
class _Subscriber:
    ws: web.WebSocketResponse
    message_id: str


class SimulatedTv:
    """An LG webOS TV on loopback: SSAP over aiohttp WebSockets."""

    def __init__(
        self, name: str = "webOS TV", pairing: Pairing = "accept", keys_file: Path | None = None
    ) -> None:
        """Create a TV that is on and pairs as `pairing` says.

        It knows no client keys, unless `keys_file` holds some: like a real TV it then remembers
        its pairings across restarts, writing each new key there.
        """
        self.name = name
        self.model_name = "OLED65C3KNA"
        self.uuid = TV_UUID
        self.mac = TV_MAC
        self.pairing: Pairing = pairing
        self.state = TvState()
        self.faults = TvFaults()
        self.keys_file = keys_file
        self.client_keys: set[str] = (
            set(json.loads(keys_file.read_text())) if keys_file is not None and keys_file.exists() else set()
        )
        self.command_log: list[tuple[str, JsonObject]] = []
        self._sockets: set[web.WebSocketResponse] = set()
        self._subscribers: dict[str, list[_Subscriber]] = {}
        self._late_answers: set[asyncio.Task[None]] = set()
        self._runners: list[web.AppRunner] = []
        self._tls_dir: tempfile.TemporaryDirectory[str] | None = None
        self.port = 0
        self.tls_port: int | None = None
        self._handlers: dict[str, Callable[[JsonObject], Awaitable[JsonObject]]] = {
            "system/turnOff": self._turn_off,
            "system/getSystemInfo": self._system_info,
            "com.webos.service.update/getCurrentSWInformation": self._software_info,
            "com.webos.service.tvpower/power/getPowerState": self._power_state,
            "com.webos.service.tvpower/power/turnOffScreen": self._screen_off,
            "com.webos.service.tvpower/power/turnOnScreen": self._screen_on,
            "audio/getVolume": self._volume,
            "audio/setVolume": self._set_volume,
            "audio/volumeUp": self._volume_up,
            "audio/volumeDown": self._volume_down,
            "audio/setMute": self._set_mute,
            "com.webos.applicationManager/launch": self._launch,
            "com.webos.applicationManager/listLaunchPoints": self._launch_points,
            "com.webos.applicationManager/getForegroundAppInfo": self._foreground_app,
            "tv/getExternalInputList": self._input_list,
            "tv/switchInput": self._switch_input,
            "tv/openChannel": self._open_channel,
            "tv/channelUp": self._channel_up,
            "tv/channelDown": self._channel_down,
            "tv/getCurrentChannel": self._current_channel,
            "media.controls/play": self._play,
            "media.controls/pause": self._pause,
            "system.notifications/createToast": self._toast,
        }

    # Lifecycle -----------------------------------------------------------------------------------

    async def start(self, host: str = "127.0.0.1", port: int = 0, tls_port: int | None = None) -> str:
        """Serve ws:// on host:port (0: a free port) and wss:// on tls_port if given; return "host:port"."""
        self.port = await self._serve(host, port, None)
        if tls_port is not None:
            self.tls_port = await self._serve(host, tls_port, await asyncio.to_thread(self._tls_context))
        _LOGGER.info("Simulated webOS TV listening on %s:%s", host, self.port)
        return f"{host}:{self.port}"

    async def stop(self) -> None:
        """Close every connection and stop serving."""
        for task in list(self._late_answers):
            task.cancel()
        await self.drop_connections()
        for runner in self._runners:
            await runner.cleanup()
        self._runners.clear()
        if self._tls_dir is not None:
            self._tls_dir.cleanup()
            self._tls_dir = None

    async def _serve(self, host: str, port: int, context: ssl.SSLContext | None) -> int:
        app = web.Application()
        app.router.add_get("/", self._socket)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5)
        await runner.setup()
        await web.TCPSite(runner, host, port, ssl_context=context).start()
        self._runners.append(runner)
        bound: int = runner.addresses[0][1]
        return bound

    def _tls_context(self) -> ssl.SSLContext:
        """Make a self-signed certificate, like the one a TV carries, and a server context for it."""
        from cryptography import x509  # noqa: PLC0415 - only the TLS variant needs it
        from cryptography.hazmat.primitives import hashes, serialization  # noqa: PLC0415
        from cryptography.hazmat.primitives.asymmetric import ec  # noqa: PLC0415
        from cryptography.x509.oid import NameOID  # noqa: PLC0415

        key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "webOS TV")])
        now = dt.datetime.now(dt.UTC)
        cert = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=30))
            .sign(key, hashes.SHA256())
        )
        self._tls_dir = tempfile.TemporaryDirectory(prefix="webos-tv-")
        cert_file, key_file = Path(self._tls_dir.name, "cert.pem"), Path(self._tls_dir.name, "key.pem")
        cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
        key_file.write_bytes(
            key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert_file, key_file)
        return context

    # Admin ---------------------------------------------------------------------------------------

    def view(self) -> JsonObject:
        """Return the TV's state, settings and faults as JSON (the admin view); no client keys."""
        return {
            "name": self.name,
            "model_name": self.model_name,
            "uuid": self.uuid,
            "mac": self.mac,
            "port": self.port,
            "tls_port": self.tls_port,
            "pairing": self.pairing,
            "paired_clients": len(self.client_keys),
            "connections": len(self._sockets),
            "state": {**asdict(self.state), "channel": self.channel},
            "faults": asdict(self.faults),
            "command_log": [{"uri": uri, "payload": payload} for uri, payload in self.command_log[-50:]],
        }

    async def apply(self, settings: Any) -> None:
        """Apply admin settings: pairing, slow_ms, power ("on" wakes the TV), drop (close sockets).

        Raises:
            TypeError: the settings are not a JSON object.
            ValueError: an unknown key or value (nothing is changed then).
        """
        if not isinstance(settings, dict):
            raise TypeError("TV settings must be a JSON object")
        unknown = set(settings) - {"pairing", "slow_ms", "late_answer_ms", "power", "drop"}
        if unknown:
            raise ValueError(f"unknown TV settings: {sorted(unknown)}")
        pairing = settings.get("pairing", self.pairing)
        if pairing not in PAIRING_MODES:
            raise ValueError(f"pairing must be one of {PAIRING_MODES}")
        slow_ms = settings.get("slow_ms", self.faults.slow_ms)
        if not isinstance(slow_ms, int) or slow_ms < 0:
            raise ValueError("slow_ms must be a whole number of milliseconds")
        power = settings.get("power")
        if power not in (None, "on", "off"):
            raise ValueError("power must be on or off")
        late_ms = settings.get("late_answer_ms", self.faults.late_answer_ms)
        if not isinstance(late_ms, int) or late_ms < 0:
            raise ValueError("late_answer_ms must be a whole number of milliseconds")
        self.pairing, self.faults.slow_ms, self.faults.late_answer_ms = pairing, slow_ms, late_ms
        if power == "on":
            self.state.power = "Active"
        elif power == "off":
            self.state.power = "off"
            await self.drop_connections()
        if settings.get("drop"):
            await self.drop_connections()

    async def drop_connections(self) -> None:
        """Close every open SSAP connection, as a TV does when its network drops."""
        for ws in list(self._sockets):
            await ws.close()

    @property
    def channel(self) -> JsonObject:
        """Return the channel the TV is tuned to."""
        return self.state.channels[self.state.channel_index]

    # SSAP ----------------------------------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.StreamResponse:
        if self.state.power == "off":
            # A TV in standby does not answer on its SSAP port.
            raise web.HTTPServiceUnavailable
        ws = web.WebSocketResponse(max_msg_size=8 * 1024 * 1024)
        await ws.prepare(request)
        self._sockets.add(ws)
        registered = False
        try:
            async for message in ws:
                if message.type is not WSMsgType.TEXT:
                    continue
                try:
                    data = json.loads(message.data)
                except ValueError:
                    continue
                if self.faults.slow_ms:
                    await asyncio.sleep(self.faults.slow_ms / 1000)
                kind = data.get("type")
                if kind == "hello":
                    await self._send(ws, "hello", data.get("id"), self._hello())
                elif kind == "register":
                    registered = await self._register(ws, data)
                elif kind in ("request", "subscribe"):
                    await self._request(ws, data, registered)
        finally:
            self._sockets.discard(ws)
            for subscribers in self._subscribers.values():
                subscribers[:] = [sub for sub in subscribers if sub.ws is not ws]
        return ws

    def _hello(self) -> JsonObject:
        return {
            "protocolVersion": 1,
            "deviceType": "tv",
            "deviceOS": "webOS",
            "deviceOSVersion": "4.1.0",
            "deviceOSReleaseVersion": "23.20.50",
            "deviceUUID": self.uuid,
            "pairingTypes": ["PIN", "PROMPT", "COMBINED"],
        }

    async def _register(self, ws: web.WebSocketResponse, data: JsonObject) -> bool:
        message_id = data.get("id")
        key = data.get("payload", {}).get("client-key")
        if key in self.client_keys:
            await self._send(ws, "registered", message_id, {"client-key": key})
            return True
        await self._send(ws, "response", message_id, {"pairingType": "PROMPT", "returnValue": True})
        await asyncio.sleep(PROMPT_DELAY_S)
        if self.pairing == "accept":
            key = secrets.token_hex(16)
            self.client_keys.add(key)
            self._save_keys()
            await self._send(ws, "registered", message_id, {"client-key": key})
            return True
        if self.pairing == "refuse":
            await ws.send_json(
                {"type": "error", "id": message_id, "error": "403 User denied access", "payload": {}}
            )
        return False

    def _save_keys(self) -> None:
        """Remember the pairings in `keys_file`, readable by its owner only."""
        if self.keys_file is None:
            return
        self.keys_file.touch(mode=0o600)
        self.keys_file.write_text(json.dumps(sorted(self.client_keys)))

    async def _request(self, ws: web.WebSocketResponse, data: JsonObject, registered: bool) -> None:
        message_id = data.get("id")
        uri = str(data.get("uri", ""))
        handler = self._handlers.get(uri.removeprefix(PREFIX))
        if not registered:
            await self._error(ws, message_id, "401 insufficient permissions (not registered)")
            return
        if handler is None:
            await self._error(ws, message_id, "404 no such service or method")
            return
        payload = data.get("payload") or {}
        if data.get("type") == "subscribe":
            self._subscribers.setdefault(uri.removeprefix(PREFIX), []).append(
                _Subscriber(ws, str(message_id))
            )
            await self._send(ws, "response", message_id, {**await handler({}), "subscribed": True})
            return
        self.command_log.append((uri, payload))
        try:
            answer = await handler(payload)
        except (TypeError, ValueError) as err:
            await self._error(ws, message_id, f"400 {err}")
            return
        if self.faults.late_answer_ms:
            task = asyncio.create_task(self._answer_late(ws, message_id, answer))
            self._late_answers.add(task)
            task.add_done_callback(self._late_answers.discard)
            return
        await self._send(ws, "response", message_id, answer)
        if self.state.power == "off":
            await self.drop_connections()

    async def _answer_late(self, ws: web.WebSocketResponse, message_id: Any, answer: JsonObject) -> None:
        await asyncio.sleep(self.faults.late_answer_ms / 1000)
        await self._send(ws, "response", message_id, answer)

    @staticmethod
    async def _send(ws: web.WebSocketResponse, kind: str, message_id: Any, payload: JsonObject) -> None:
        if not ws.closed:
            await ws.send_json({"type": kind, "id": message_id, "payload": payload})

    @staticmethod
    async def _error(ws: web.WebSocketResponse, message_id: Any, error: str) -> None:
        await ws.send_json({"type": "error", "id": message_id, "error": error, "payload": {}})

    async def _changed(self, *endpoints: str) -> None:
        """Send the new value of each endpoint to its subscribers."""
        for endpoint in endpoints:
            answer = await self._handlers[endpoint]({})
            for subscriber in list(self._subscribers.get(endpoint, [])):
                await self._send(subscriber.ws, "response", subscriber.message_id, answer)

    # Endpoints -----------------------------------------------------------------------------------

    async def _turn_off(self, payload: JsonObject) -> JsonObject:
        # The sockets close once the answer is out (see _request): the TV goes to standby.
        self.state.power = "off"
        return {"returnValue": True}

    async def _system_info(self, payload: JsonObject) -> JsonObject:
        return {"returnValue": True, "modelName": self.model_name, "receiverType": "atsc", "features": {}}

    async def _software_info(self, payload: JsonObject) -> JsonObject:
        return {
            "returnValue": True,
            "product_name": "webOSTV 23",
            "model_name": "HE_DTV_W23O_AFABATAA",
            "major_ver": "23",
            "minor_ver": "20.50",
            "device_id": self.mac,
        }

    async def _power_state(self, payload: JsonObject) -> JsonObject:
        return {"returnValue": True, "state": self.state.power}

    async def _screen_off(self, payload: JsonObject) -> JsonObject:
        self.state.power = "Screen Off"
        await self._changed("com.webos.service.tvpower/power/getPowerState")
        return {"returnValue": True}

    async def _screen_on(self, payload: JsonObject) -> JsonObject:
        self.state.power = "Active"
        await self._changed("com.webos.service.tvpower/power/getPowerState")
        return {"returnValue": True}

    async def _volume(self, payload: JsonObject) -> JsonObject:
        return {
            "returnValue": True,
            "volumeStatus": {
                "volume": self.state.volume,
                "muteStatus": self.state.muted,
                "maxVolume": 100,
                "soundOutput": "tv_speaker",
            },
        }

    async def _set_volume(self, payload: JsonObject) -> JsonObject:
        volume = payload.get("volume")
        if not isinstance(volume, int) or isinstance(volume, bool) or not 0 <= volume <= 100:
            raise ValueError("volume must be a whole number from 0 to 100")
        self.state.volume = volume
        await self._changed("audio/getVolume")
        return {"returnValue": True}

    async def _volume_up(self, payload: JsonObject) -> JsonObject:
        self.state.volume = min(100, self.state.volume + 1)
        await self._changed("audio/getVolume")
        return {"returnValue": True}

    async def _volume_down(self, payload: JsonObject) -> JsonObject:
        self.state.volume = max(0, self.state.volume - 1)
        await self._changed("audio/getVolume")
        return {"returnValue": True}

    async def _set_mute(self, payload: JsonObject) -> JsonObject:
        if not isinstance(payload.get("mute"), bool):
            raise TypeError("mute must be true or false")
        self.state.muted = payload["mute"]
        await self._changed("audio/getVolume")
        return {"returnValue": True}

    async def _launch(self, payload: JsonObject) -> JsonObject:
        app_id = payload.get("id")
        if app_id not in self.state.apps:
            raise ValueError(f"no app {app_id}")
        await self._foreground(app_id)
        return {"returnValue": True, "id": app_id}

    async def _foreground(self, app_id: str) -> None:
        self.state.app_id = app_id
        await self._changed("com.webos.applicationManager/getForegroundAppInfo")

    async def _launch_points(self, payload: JsonObject) -> JsonObject:
        return {
            "returnValue": True,
            "launchPoints": [{"id": app_id, "title": title} for app_id, title in self.state.apps.items()],
        }

    async def _foreground_app(self, payload: JsonObject) -> JsonObject:
        return {"returnValue": True, "appId": self.state.app_id, "windowId": ""}

    async def _input_list(self, payload: JsonObject) -> JsonObject:
        return {
            "returnValue": True,
            "devices": [
                {"id": input_id, "label": input_id.replace("_", " "), "appId": app_id}
                for input_id, app_id in self.state.inputs.items()
            ],
        }

    async def _switch_input(self, payload: JsonObject) -> JsonObject:
        input_id = payload.get("inputId")
        if input_id not in self.state.inputs:
            raise ValueError(f"no input {input_id}")
        await self._foreground(self.state.inputs[input_id])
        return {"returnValue": True}

    async def _open_channel(self, payload: JsonObject) -> JsonObject:
        for index, channel in enumerate(self.state.channels):
            if payload.get("channelNumber") == channel["channelNumber"] or (
                payload.get("channelId") == channel["channelId"]
            ):
                return await self._tune(index)
        raise ValueError("no such channel")

    async def _tune(self, index: int) -> JsonObject:
        self.state.channel_index = index % len(self.state.channels)
        await self._changed("tv/getCurrentChannel")
        if self.state.app_id != LIVE_TV:
            await self._foreground(LIVE_TV)
        return {"returnValue": True}

    async def _channel_up(self, payload: JsonObject) -> JsonObject:
        return await self._tune(self.state.channel_index + 1)

    async def _channel_down(self, payload: JsonObject) -> JsonObject:
        return await self._tune(self.state.channel_index - 1)

    async def _current_channel(self, payload: JsonObject) -> JsonObject:
        return {"returnValue": True, **self.channel}

    async def _play(self, payload: JsonObject) -> JsonObject:
        self.state.playback = "playing"
        return {"returnValue": True}

    async def _pause(self, payload: JsonObject) -> JsonObject:
        self.state.playback = "paused"
        return {"returnValue": True}

    async def _toast(self, payload: JsonObject) -> JsonObject:
        message = payload.get("message")
        if not isinstance(message, str) or not message:
            raise ValueError("a toast needs a message")
        self.state.toasts.append(message)
        return {"returnValue": True, "toastId": f"toast-{len(self.state.toasts)}"}
