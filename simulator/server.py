"""The simulator: an aiohttp server speaking LG's ThinQ Connect API, plus an admin API for tests."""

import asyncio
import base64
from collections.abc import Awaitable, Callable, Iterable
import copy
from datetime import UTC, datetime, tzinfo
import functools
import json
import logging
from pathlib import Path
import random
import re
import time
from typing import Any, NamedTuple
import uuid

from aiohttp import WSMsgType, web

from . import energy
from .broker import STORM_MESSAGES, PushBroker
from .clock import SimClock
from .devices import Device, describe
from .errors import API_KEY, DEFAULT_TOKEN, ApiError
from .faults import Faults
from .fleet import DeviceSpec, build_device, default_fleet, generated_fleet, load_fleet_file
from .profile import JsonObject, diff_state, merge_state, parse_control
from .tv import Pairing, SimulatedTv

_LOGGER = logging.getLogger("simulator")

SERVICE_ID = "thinq-voice-simulator"
USER_NUMBER = "KR2400000000001"
TICK_INTERVAL_S = 0.2  # real seconds between background simulation steps
PUSH_LOG_LIMIT = 10_000
_COUNTRY = re.compile(r"^[A-Z]{2}$")
_MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")  # url-safe base64 of 16 bytes, unpadded

type Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
_dumps = functools.partial(json.dumps, ensure_ascii=False)


class ControlLogEntry(NamedTuple):
    """One control call: the device, the body sent, LG's error code (None if accepted), wall time."""

    device_id: str
    body: Any
    code: str | None
    time: float


def _timestamp() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")


def _message_id() -> str:
    return base64.urlsafe_b64encode(uuid.uuid4().bytes)[:-2].decode()


class Simulator:
    """LG's ThinQ Connect cloud with a fleet of simulated appliances, on a real loopback HTTP server."""

    def __init__(
        self,
        fleet: str = "ko",
        tokens: Iterable[str] = (DEFAULT_TOKEN,),
        speed: float = 1.0,
        devices: int | None = None,
        fleet_file: str | Path | None = None,
        *,
        seed: int = 0,
        tv: bool = False,
        tv_pairing: Pairing = "accept",
        tv_port: int = 0,
        tv_tls_port: int | None = None,
        tv_keys_file: Path | None = None,
        push: bool = False,
    ) -> None:
        """Build the fleet: `fleet_file` if given, else `devices` generated ones, else the default home.

        With `tv`, a webOS TV also listens on `tv_port` (ws://) and, if given, `tv_tls_port` (wss://);
        it keeps its pairings in `tv_keys_file`, if given, across restarts.
        With `push`, a real MQTT broker (mosquitto) carries LG's push messages; without it the
        route names no MQTT server and clients poll.
        """
        self.tokens: set[str] = set(tokens)
        self.clock = SimClock(speed)
        self.faults = Faults()
        self.control_log: list[ControlLogEntry] = []
        self.push_log: list[JsonObject] = []
        self.push = PushBroker() if push else None
        self.mqtt_server: str | None = None
        # Requests per endpoint ("GET /devices/{id}/state") and per device id, for /admin/stats.
        self.requests_by_endpoint: dict[str, int] = {}
        self.requests_by_device: dict[str, int] = {}
        if fleet_file is not None:
            self.fleet, built = load_fleet_file(Path(fleet_file))
        elif devices is not None:
            self.fleet, built = fleet, generated_fleet(fleet, devices)
        else:
            self.fleet, built = fleet, default_fleet(fleet)
        self._devices: dict[str, Device] = {device.device_id: device for device in built}
        self.push_subscriptions: set[str] = set()
        self.event_subscriptions: dict[str, float] = {}  # device id -> virtual expiry time
        self.device_push_clients: set[str] = set()
        self.clients: dict[str, JsonObject] = {}
        self._random = random.Random(seed)
        self._last_tick = self.clock.now()
        self._streams: set[asyncio.Queue[JsonObject | None]] = set()
        self._stopping = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._ticker: asyncio.Task[None] | None = None
        self.base_url = ""
        # Countries whose calls LG refuses with 1307 (tests set it; LG's own list is not public).
        self.unsupported_countries: set[str] = set()
        self.tv = (
            SimulatedTv("거실 TV" if fleet == "ko" else "Living Room TV", tv_pairing, tv_keys_file)
            if tv
            else None
        )
        self._tv_ports = (tv_port, tv_tls_port)
        self.tv_host = ""
        # LG dates energy rows in the appliance's local time; tests set Home Assistant's zone here.
        self.timezone: tzinfo | None = None
        # Real energy profile answers of devices added with one (else: the answer of their type).
        self.energy_profiles: dict[str, JsonObject] = {}

    # Python API ---------------------------------------------------------------------------------

    @property
    def device_ids(self) -> list[str]:
        """Ids of all devices, in fleet order."""
        return list(self._devices)

    def device(self, device_id: str) -> Device:
        """The device with this id (KeyError if there is none)."""
        self.tick()
        return self._devices[device_id]

    def find(self, alias_or_id: str) -> Device:
        """A device by id or alias (KeyError if there is none)."""
        if alias_or_id in self._devices:
            return self._devices[alias_or_id]
        for device in self._devices.values():
            if device.alias == alias_or_id:
                return device
        raise KeyError(alias_or_id)

    def set_speed(self, speed: float) -> None:
        """Change the clock speed (virtual seconds per real second; 0 freezes it)."""
        self.tick()
        self.clock.set_speed(speed)

    def advance(self, seconds: float) -> None:
        """Move the virtual clock forward and let the devices catch up."""
        self.tick()
        self.clock.advance(seconds)
        self.tick()

    def add_device(
        self,
        kind: str,
        alias: str,
        device_id: str | None = None,
        state: Any = None,
        *,
        model_name: str | None = None,
        profile: JsonObject | None = None,
        energy_profile: JsonObject | None = None,
    ) -> Device:
        """Add a device (template name or DEVICE_* type) and announce it with DEVICE_REGISTERED.

        `energy_profile` is a real energy profile answer to serve instead of the one of its type.
        """
        device = build_device(
            self.fleet, DeviceSpec(alias, kind, device_id, model_name, True, state, profile)
        )
        if device.device_id in self._devices:
            raise ValueError(f"device {device.device_id} already exists")
        if energy_profile is not None:
            self.energy_profiles[device.device_id] = energy_profile
        self._devices[device.device_id] = device
        self._emit(device, "DEVICE_REGISTERED", {"modelName": device.model_name, "alias": device.alias})
        return device

    def remove_device(self, device_id: str) -> None:
        """Remove a device and announce it with DEVICE_UNREGISTERED."""
        device = self._devices.pop(device_id)
        self.energy_profiles.pop(device_id, None)
        self.push_subscriptions.discard(device_id)
        self.event_subscriptions.pop(device_id, None)
        self._emit(device, "DEVICE_UNREGISTERED", {"alias": device.alias})

    def patch_state(self, device_id: str, patch: Any) -> Device:
        """Merge an LG-shaped partial state into a device (as if someone used the appliance)."""
        device = self.device(device_id)
        before = copy.deepcopy(device.state)
        if isinstance(device.state, list) and isinstance(patch, dict):
            location = patch.get("location", {}).get("locationName")
            merge_state(device.part(location), patch)
        else:
            device.state = merge_state(device.state, patch)
        device.resync()
        self._report(device, before)
        return device

    def notify(self, device_id: str, code: str) -> None:
        """Send one of the appliance's notifications (`DEVICE_PUSH`), as when a cycle ends."""
        self._emit(self.device(device_id), "DEVICE_PUSH", {"pushCode": code})

    def set_faults(self, settings: JsonObject) -> None:
        """Apply admin-style fault settings; `offline`/`online`/`lagging_devices` take lists of aliases or ids.

        Raises:
            KeyError: an unknown device.
            TypeError, ValueError: bad settings (nothing is changed then).
        """
        if not isinstance(settings, dict):
            raise TypeError("fault settings must be a JSON object")
        settings = dict(settings)
        offline, online = settings.pop("offline", []), settings.pop("online", [])
        targets = [(self.find(name), False) for name in offline] + [
            (self.find(name), True) for name in online
        ]
        lagging = settings.pop("lagging_devices", None)
        lagging_ids = None if lagging is None else {self.find(name).device_id for name in lagging}
        self.faults.update(settings)
        if lagging_ids is not None:
            self.faults.lagging_devices = lagging_ids
        for device, state in targets:
            device.online = state

    def tick(self) -> None:
        """Advance every device to the clock's current time."""
        now = self.clock.now()
        elapsed, self._last_tick = now - self._last_tick, now
        if elapsed <= 0:
            return
        for device in list(self._devices.values()):
            if not device.evolving():
                continue
            before = copy.deepcopy(device.state)
            codes = device.advance(elapsed)
            self._report(device, before, codes)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Serve on host:port (0 picks a free port); returns the base URL."""
        app = web.Application(middlewares=[self._middleware])
        self._add_routes(app)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0][1]
        self.base_url = f"http://{host}:{bound}"
        if self.push is not None:
            self.mqtt_server = await self.push.start()
        self._stopping.clear()
        self._ticker = asyncio.create_task(self._tick_forever())
        if self.tv is not None:
            self.tv_host = await self.tv.start(host, *self._tv_ports)
        _LOGGER.info(
            "ThinQ Connect simulator listening on %s with %d devices", self.base_url, len(self._devices)
        )
        return self.base_url

    async def stop(self) -> None:
        """Stop serving; hanging requests and push streams end at once."""
        self._stopping.set()
        for queue in self._streams:
            queue.put_nowait(None)
        if self._ticker is not None:
            self._ticker.cancel()
            await asyncio.gather(self._ticker, return_exceptions=True)
            self._ticker = None
        if self.tv is not None:
            await self.tv.stop()
        if self.push is not None:
            await self.push.stop()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def tv_url(self) -> str:
        """Return the simulated TV's SSAP WebSocket URL ("" without a TV or before start)."""
        return f"ws://{self.tv_host}/" if self.tv_host else ""

    async def _tick_forever(self) -> None:
        # Pushes (e.g. a wash ending) must happen even when nobody is polling.
        while True:
            await asyncio.sleep(TICK_INTERVAL_S)
            self.tick()

    # Pushes ---------------------------------------------------------------------------------------

    def _report(self, device: Device, before: Any, codes: Iterable[str] = ()) -> None:
        report = diff_state(before, device.state)
        if report is not None:
            # A copy: the report must not change along with the live state.
            self._emit(device, "DEVICE_STATUS", {"report": copy.deepcopy(report)})
        for code in codes:
            self._emit(device, "DEVICE_PUSH", {"pushCode": code})

    def _emit(self, device: Device, push_type: str, fields: JsonObject) -> None:
        message = {
            "pushType": push_type,
            "serviceId": SERVICE_ID,
            "deviceId": device.device_id,
            "deviceType": device.device_type,
            **fields,
            "userList": [USER_NUMBER],
        }
        self.push_log.append(message)
        if self.push is not None and self._subscribed(device.device_id, push_type):
            self.push.publish(message)
        if len(self.push_log) > PUSH_LOG_LIMIT:
            del self.push_log[: len(self.push_log) - PUSH_LOG_LIMIT]
        for queue in self._streams:
            queue.put_nowait(message)

    def _subscribed(self, device_id: str, push_type: str) -> bool:
        """Return whether LG would publish this message: state reports need a live event subscription."""
        if push_type == "DEVICE_STATUS":
            return device_id in self._live_events()
        if push_type == "DEVICE_PUSH":
            return device_id in self.push_subscriptions
        return bool(self.device_push_clients)

    def storm(self, count: int = STORM_MESSAGES) -> None:
        """Publish `count` reports of the devices' current state at once (they change nothing)."""
        if self.push is None:
            raise ValueError("no push broker: start the simulator with push")
        messages: list[JsonObject] = [
            {
                "pushType": "DEVICE_STATUS",
                "serviceId": SERVICE_ID,
                "deviceId": device.device_id,
                "deviceType": device.device_type,
                "report": copy.deepcopy(device.state),
                "userList": [USER_NUMBER],
            }
            for device in self._devices.values()
            if device.device_id in self._live_events()
        ]
        if messages:
            self.push.storm(messages, count)

    async def apply_push_faults(self, settings: JsonObject) -> None:
        """Apply the push channel's faults (admin keys `broker`, `mqtt_*`, `revoke_certificates`...).

        Raises:
            ValueError: no broker, or an unknown value.
        """
        if self.push is None:
            raise ValueError("no push broker: start the simulator with push")
        push = self.push
        if "mqtt_stalled" in settings:
            push.stall(bool(settings["mqtt_stalled"]))
        for key in ("malformed", "duplicated", "out_of_order"):
            if f"mqtt_{key}" in settings:
                setattr(push.faults, key, bool(settings[f"mqtt_{key}"]))
        if "certificate_lifetime_s" in settings:
            push.faults.certificate_lifetime_s = float(settings["certificate_lifetime_s"])
        if settings.get("revoke_certificates"):
            await push.revoke_certificates()
        action = settings.get("broker")
        if action not in (None, "stop", "start", "restart"):
            raise ValueError("broker must be stop, start or restart")
        if action == "stop":
            await push.stop_broker()
        elif action == "start":
            await push.start_broker()
        elif action == "restart":
            await push.restart_broker()
        if storm := settings.get("mqtt_storm"):
            self.storm(int(storm))

    def _push_view(self) -> JsonObject:
        if self.push is None:
            return {}
        return {
            **self.push.faults.as_dict(),
            "broker": "running" if self.push.running else "stopped",
            "mqtt_stalled": self.push.stalled,
        }

    # HTTP plumbing --------------------------------------------------------------------------------

    def _add_routes(self, app: web.Application) -> None:
        app.router.add_get("/route", self._route)
        app.router.add_get("/devices", self._devices_list)
        app.router.add_get("/devices/{id}/profile", self._profile)
        app.router.add_get("/devices/{id}/state", self._state)
        app.router.add_post("/devices/{id}/control", self._control)
        app.router.add_get("/devices/energy/{id}/profile", self._energy_profile)
        app.router.add_get("/devices/energy/{id}/usage", self._energy_usage)
        app.router.add_get("/push", self._push_list)
        app.router.add_get("/push/devices", self._push_devices_list)
        app.router.add_post("/push/devices", self._push_devices_subscribe)
        app.router.add_delete("/push/devices", self._push_devices_unsubscribe)
        app.router.add_post("/push/{id}/subscribe", self._push_subscribe)
        app.router.add_delete("/push/{id}/unsubscribe", self._push_unsubscribe)
        app.router.add_get("/event", self._event_list)
        app.router.add_post("/event/{id}/subscribe", self._event_subscribe)
        app.router.add_delete("/event/{id}/unsubscribe", self._event_unsubscribe)
        app.router.add_post("/client", self._client_register)
        app.router.add_delete("/client", self._client_unregister)
        app.router.add_post("/client/certificate", self._client_certificate)
        app.router.add_get("/admin/stats", self._admin_stats)
        app.router.add_get("/admin/devices", self._admin_devices)
        app.router.add_post("/admin/devices", self._admin_add_device)
        app.router.add_get("/admin/devices/{id}", self._admin_device)
        app.router.add_delete("/admin/devices/{id}", self._admin_remove_device)
        app.router.add_post("/admin/devices/{id}/state", self._admin_patch_state)
        app.router.add_get("/admin/control-log", self._admin_control_log)
        app.router.add_get("/admin/push-log", self._admin_push_log)
        app.router.add_get("/admin/faults", self._admin_faults)
        app.router.add_post("/admin/faults", self._admin_set_faults)
        app.router.add_delete("/admin/faults", self._admin_reset_faults)
        app.router.add_get("/admin/clock", self._admin_clock)
        app.router.add_post("/admin/clock", self._admin_set_clock)
        app.router.add_get("/admin/push-stream", self._admin_push_stream)
        app.router.add_get("/admin/tv", self._admin_tv)
        app.router.add_post("/admin/tv", self._admin_set_tv)

    @web.middleware
    async def _middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        self.tick()
        if request.path.startswith("/admin/"):
            return await handler(request)
        message_id = request.headers.get("x-message-id") or _message_id()
        request["message_id"] = message_id
        self._count(request)
        try:
            await self._inject_delays()
            self._check_headers(request)
            response = await handler(request)
        except ApiError as err:
            _LOGGER.info("%s %s -> %s %s", request.method, request.path_qs, err.status, err.code)
            return web.json_response(
                {
                    "messageId": message_id,
                    "timestamp": _timestamp(),
                    "error": {"code": err.code, "message": err.message},
                },
                status=err.status,
            )
        _LOGGER.info("%s %s -> %s", request.method, request.path_qs, response.status)
        if self.faults.malformed and isinstance(response, web.Response) and response.text:
            return web.Response(
                status=response.status,
                text=response.text[: len(response.text) // 2],
                content_type="application/json",
            )
        return response

    def _count(self, request: web.Request) -> None:
        resource = request.match_info.route.resource
        endpoint = f"{request.method} {resource.canonical if resource else request.path}"
        self.requests_by_endpoint[endpoint] = self.requests_by_endpoint.get(endpoint, 0) + 1
        if device_id := request.match_info.get("id"):
            self.requests_by_device[device_id] = self.requests_by_device.get(device_id, 0) + 1

    async def _inject_delays(self) -> None:
        faults = self.faults
        if faults.latency_ms:
            await self._sleep(faults.latency_ms / 1000)
        if faults.hang_s:
            await self._sleep(faults.hang_s)
        if faults.fail_next > 0:
            faults.fail_next -= 1
            raise ApiError(faults.fail_code, "injected failure")
        if faults.fail_rate and self._random.random() < faults.fail_rate:
            raise ApiError(faults.fail_code, "injected failure")

    async def _sleep(self, seconds: float) -> None:
        # Wakes early when the simulator stops, so a hanging request never holds up shutdown.
        try:
            async with asyncio.timeout(seconds):
                await self._stopping.wait()
        except TimeoutError:
            return
        raise ApiError("2000", "the simulator is stopping")

    def _check_headers(self, request: web.Request) -> None:
        headers = request.headers
        if headers.get("x-api-key") != API_KEY:
            raise ApiError("1301", "x-api-key is missing or wrong")
        missing = [name for name in ("x-country", "x-message-id", "x-client-id") if not headers.get(name)]
        if missing:
            raise ApiError("1216", f"missing header {', '.join(missing)}")
        if not _COUNTRY.match(headers["x-country"]):
            raise ApiError("1216", "x-country must be an ISO 3166 alpha-2 code")
        if self.unsupported_countries and headers["x-country"] in self.unsupported_countries:
            raise ApiError("1307", "ThinQ Connect is not offered in this country")
        if not _MESSAGE_ID.match(headers["x-message-id"]):
            raise ApiError("1104", "x-message-id must be 22 url-safe base64 characters")
        scheme, _, token = headers.get("Authorization", "").partition(" ")
        if scheme != "Bearer" or token not in self.tokens or token in self.faults.revoked_tokens:
            raise ApiError("1103", "the access token is missing, unknown or revoked")
        self.faults.count_call(token)

    def _ok(self, request: web.Request, response: Any, status: int = 200) -> web.Response:
        body = {"messageId": request["message_id"], "timestamp": _timestamp(), "response": response}
        return web.json_response(body, status=status, dumps=_dumps)

    def _device_for(self, request: web.Request, *, connected: bool = False) -> Device:
        device = self._devices.get(request.match_info["id"])
        if device is None:
            raise ApiError("1205", "no such device")
        if connected:
            self._require_online(device)
        return device

    @staticmethod
    def _require_online(device: Device) -> None:
        if not device.online:
            raise ApiError("1222", "the device is not connected")

    @staticmethod
    async def _json_body(request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        try:
            return await request.json()
        except ValueError as err:
            raise ApiError("1000", "the body is not JSON") from err

    # LG endpoints ---------------------------------------------------------------------------------

    async def _route(self, request: web.Request) -> web.Response:
        return self._ok(
            request,
            {
                "apiServer": self.base_url,
                **({"mqttServer": self.mqtt_server} if self.mqtt_server else {}),
                "webSocketServer": f"{self.base_url.replace('http', 'ws', 1)}/admin/push-stream",
            },
        )

    async def _devices_list(self, request: web.Request) -> web.Response:
        return self._ok(
            request,
            [
                {
                    "deviceId": device.device_id,
                    "deviceInfo": {
                        "deviceType": device.device_type,
                        "modelName": device.model_name,
                        "alias": device.alias,
                        "reportable": True,
                    },
                }
                for device in self._devices.values()
            ],
        )

    async def _profile(self, request: web.Request) -> web.Response:
        return self._ok(request, self._device_for(request).profile)

    async def _state(self, request: web.Request) -> web.Response:
        device = self._device_for(request, connected=True)
        lagging = self.faults.lagging_state(device.device_id)
        return self._ok(request, device.state if lagging is None else lagging)

    async def _control(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        body = await self._json_body(request)
        code: str | None = None
        try:
            self._require_online(device)
            writes = parse_control(device.profile, body)
            before, saved = copy.deepcopy(device.state), copy.deepcopy(vars(device))
            try:
                codes = device.control(writes)
            except ApiError:
                vars(device).update(saved)  # a refused body changes nothing, even if it had several writes
                raise
            self.faults.note_control(device.device_id, before)
            self._report(device, before, codes)
        except ApiError as err:
            code = err.code
            raise
        finally:
            self.control_log.append(ControlLogEntry(device.device_id, body, code, time.time()))
        if self.faults.accepted_hang_s:
            await self._sleep(self.faults.accepted_hang_s)
        if self.faults.accepted_malformed:
            return web.Response(status=200, text='{"messageId": "', content_type="application/json")
        return self._ok(request, {})

    async def _energy_profile(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        return self._ok(
            request, self.energy_profiles.get(device.device_id, energy.profile(device.device_type))
        )

    async def _energy_usage(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        # Local wall time of the appliance: the system's zone unless a test set another.
        now = datetime.now(self.timezone).replace(tzinfo=None)
        metered = energy.metered_properties(
            self.energy_profiles.get(device.device_id, energy.profile(device.device_type))
        )
        result = energy.usage(device.device_id, device.device_type, dict(request.query), now, metered)
        return self._ok(request, result)

    async def _push_list(self, request: web.Request) -> web.Response:
        return self._ok(request, [{"deviceId": device_id} for device_id in self.push_subscriptions])

    async def _push_subscribe(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        if device.device_id in self.push_subscriptions:
            raise ApiError("1207")
        self.push_subscriptions.add(device.device_id)
        return self._ok(request, {})

    async def _push_unsubscribe(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        if device.device_id not in self.push_subscriptions:
            raise ApiError("1206")
        self.push_subscriptions.discard(device.device_id)
        return self._ok(request, {})

    async def _push_devices_list(self, request: web.Request) -> web.Response:
        return self._ok(request, [{"clientId": client} for client in sorted(self.device_push_clients)])

    async def _push_devices_subscribe(self, request: web.Request) -> web.Response:
        client = request.headers["x-client-id"]
        if client in self.device_push_clients:
            raise ApiError("1207")
        self.device_push_clients.add(client)
        return self._ok(request, {})

    async def _push_devices_unsubscribe(self, request: web.Request) -> web.Response:
        client = request.headers["x-client-id"]
        if client not in self.device_push_clients:
            raise ApiError("1206")
        self.device_push_clients.discard(client)
        return self._ok(request, {})

    def _live_events(self) -> dict[str, float]:
        now = self.clock.now()
        for device_id in [key for key, expiry in self.event_subscriptions.items() if expiry <= now]:
            del self.event_subscriptions[device_id]
        return self.event_subscriptions

    async def _event_list(self, request: web.Request) -> web.Response:
        return self._ok(request, [{"deviceId": device_id} for device_id in self._live_events()])

    async def _event_subscribe(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        body = await self._json_body(request)
        expire = body.get("expire") if isinstance(body, dict) else None
        if not isinstance(expire, dict):
            raise ApiError("1101", "expire is required")
        hours = expire.get("timer")
        if (
            expire.get("unit") != "HOUR"
            or not isinstance(hours, int)
            or isinstance(hours, bool)
            or not 1 <= hours <= 24
        ):
            raise ApiError("1102", "expire must be {unit: HOUR, timer: 1..24}")
        self.event_subscriptions[device.device_id] = self.clock.now() + hours * 3600
        return self._ok(request, {})

    async def _event_unsubscribe(self, request: web.Request) -> web.Response:
        device = self._device_for(request)
        if device.device_id not in self._live_events():
            raise ApiError("1204")
        del self.event_subscriptions[device.device_id]
        return self._ok(request, {})

    async def _client_register(self, request: web.Request) -> web.Response:
        body = await self._json_body(request)
        if not isinstance(body, dict) or "type" not in body:
            raise ApiError("1101", "the body needs at least 'type'")
        self.clients[request.headers["x-client-id"]] = body
        return self._ok(request, {})

    async def _client_unregister(self, request: web.Request) -> web.Response:
        if self.clients.pop(request.headers["x-client-id"], None) is None:
            raise ApiError("1102", "this client is not registered")
        return self._ok(request, {})

    async def _client_certificate(self, request: web.Request) -> web.Response:
        client = request.headers["x-client-id"]
        if client not in self.clients:
            raise ApiError("1102", "register the client (POST /client) first")
        if self.push is None:
            raise ApiError("1305", "this simulator offers no MQTT push (start it with push)")
        body = await self._json_body(request)
        csr = body.get("csr") if isinstance(body, dict) else None
        if not isinstance(csr, str) or not csr:
            raise ApiError("1101", "csr is required")
        try:
            certificate = self.push.issue(client, csr)
        except ValueError as err:
            raise ApiError("1102", "the csr is not a valid certificate signing request") from err
        # caCertificatePem is the simulator's own: LG's broker is signed by a public root.
        result = {
            "certificatePem": certificate,
            "subscriptions": [f"app/clients/{client}/push"],
            "caCertificatePem": self.push.ca.pem,
        }
        return self._ok(request, {"resultCode": "0000", "result": result})

    # Admin endpoints ------------------------------------------------------------------------------

    def _admin_device_for(self, request: web.Request) -> Device:
        try:
            return self.find(request.match_info["id"])
        except KeyError:
            raise web.HTTPNotFound(
                text=_dumps({"error": "no such device"}), content_type="application/json"
            ) from None

    @staticmethod
    async def _admin_body(request: web.Request) -> Any:
        try:
            return await request.json()
        except ValueError:
            raise web.HTTPBadRequest(
                text=_dumps({"error": "the body is not JSON"}), content_type="application/json"
            ) from None

    async def _admin_devices(self, request: web.Request) -> web.Response:
        return web.json_response([describe(device) for device in self._devices.values()], dumps=_dumps)

    async def _admin_device(self, request: web.Request) -> web.Response:
        device = self._admin_device_for(request)
        return web.json_response({**describe(device), "profile": device.profile}, dumps=_dumps)

    async def _admin_add_device(self, request: web.Request) -> web.Response:
        body = await self._admin_body(request)
        try:
            device = self.add_device(
                body["type"],
                body["alias"],
                body.get("id"),
                body.get("state"),
                model_name=body.get("model"),
                profile=body.get("profile"),
                energy_profile=body.get("energyProfile"),
            )
        except (KeyError, TypeError, ValueError) as err:
            raise web.HTTPBadRequest(
                text=_dumps({"error": str(err)}), content_type="application/json"
            ) from None
        return web.json_response(describe(device), status=201, dumps=_dumps)

    async def _admin_remove_device(self, request: web.Request) -> web.Response:
        self.remove_device(self._admin_device_for(request).device_id)
        return web.json_response({}, status=200)

    async def _admin_patch_state(self, request: web.Request) -> web.Response:
        device = self._admin_device_for(request)
        body = await self._admin_body(request)
        if isinstance(body, dict) and "online" in body:
            device.online = bool(body.pop("online"))
        if body:
            self.patch_state(device.device_id, body)
        return web.json_response(describe(device), dumps=_dumps)

    async def _admin_control_log(self, request: web.Request) -> web.Response:
        entries = [entry._asdict() for entry in self.control_log]
        return web.json_response(
            [
                {"deviceId": e["device_id"], "body": e["body"], "code": e["code"], "time": e["time"]}
                for e in entries
            ],
            dumps=_dumps,
        )

    async def _admin_push_log(self, request: web.Request) -> web.Response:
        return web.json_response(self.push_log, dumps=_dumps)

    def _faults_view(self) -> JsonObject:
        offline = [device.device_id for device in self._devices.values() if not device.online]
        return {**self.faults.as_dict(), "offline": offline, **self._push_view()}

    async def _admin_faults(self, request: web.Request) -> web.Response:
        return web.json_response(self._faults_view(), dumps=_dumps)

    async def _admin_stats(self, request: web.Request) -> web.Response:
        push = self.push
        return web.json_response(
            {
                "requests": sum(self.requests_by_endpoint.values()),
                "by_endpoint": self.requests_by_endpoint,
                "by_device": self.requests_by_device,
                "push": None
                if push is None
                else {"clients": len(push.clients), "published": push.published, "dropped": push.dropped},
            },
            dumps=_dumps,
        )

    async def _admin_set_faults(self, request: web.Request) -> web.Response:
        body = await self._admin_body(request)
        push_keys = (
            {"broker", "revoke_certificates", "certificate_lifetime_s"}
            | {key for key in body if isinstance(key, str) and key.startswith("mqtt_")}
            if isinstance(body, dict)
            else set()
        )
        try:
            if push_settings := {key: body.pop(key) for key in push_keys if key in body}:
                await self.apply_push_faults(push_settings)
            self.set_faults(body)
        except (KeyError, TypeError, ValueError) as err:
            raise web.HTTPBadRequest(
                text=_dumps({"error": str(err)}), content_type="application/json"
            ) from None
        return web.json_response(self._faults_view(), dumps=_dumps)

    def _admin_tv_for(self) -> SimulatedTv:
        if self.tv is None:
            raise web.HTTPNotFound(
                text=_dumps({"error": "no TV: start the simulator with --tv"}),
                content_type="application/json",
            )
        return self.tv

    async def _admin_tv(self, request: web.Request) -> web.Response:
        return web.json_response(self._admin_tv_for().view(), dumps=_dumps)

    async def _admin_set_tv(self, request: web.Request) -> web.Response:
        tv = self._admin_tv_for()
        body = await self._admin_body(request)
        try:
            await tv.apply(body)
        except (TypeError, ValueError) as err:
            raise web.HTTPBadRequest(
                text=_dumps({"error": str(err)}), content_type="application/json"
            ) from None
        return web.json_response(tv.view(), dumps=_dumps)

    async def _admin_reset_faults(self, request: web.Request) -> web.Response:
        self.faults.reset()
        if self.push is not None:
            await self.apply_push_faults(
                {
                    "mqtt_stalled": False,
                    "mqtt_malformed": False,
                    "mqtt_duplicated": False,
                    "mqtt_out_of_order": False,
                }
            )
            await self.push.start_broker()
        for device in self._devices.values():
            device.online = True
        return web.json_response(self._faults_view(), dumps=_dumps)

    def _clock_view(self) -> JsonObject:
        return {"speed": self.clock.speed, "now": self.clock.now()}

    async def _admin_clock(self, request: web.Request) -> web.Response:
        return web.json_response(self._clock_view())

    async def _admin_set_clock(self, request: web.Request) -> web.Response:
        body = await self._admin_body(request)
        try:
            if "speed" in body:
                self.set_speed(float(body["speed"]))
            if "advance_s" in body:
                self.advance(float(body["advance_s"]))
        except (TypeError, ValueError) as err:
            raise web.HTTPBadRequest(
                text=_dumps({"error": str(err)}), content_type="application/json"
            ) from None
        return web.json_response(self._clock_view())

    async def _admin_push_stream(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(heartbeat=30)
        await ws.prepare(request)
        queue: asyncio.Queue[JsonObject | None] = asyncio.Queue()
        self._streams.add(queue)
        reader = asyncio.create_task(self._drain(ws, queue))
        try:
            while (message := await queue.get()) is not None:
                await ws.send_str(_dumps(message))
        finally:
            self._streams.discard(queue)
            reader.cancel()
            await ws.close()
        return ws

    @staticmethod
    async def _drain(ws: web.WebSocketResponse, queue: asyncio.Queue[JsonObject | None]) -> None:
        # The stream is one-way; reading is only how a client's close is noticed.
        async for message in ws:
            if message.type is WSMsgType.ERROR:
                break
        queue.put_nowait(None)
