"""LG's MQTT push: the client certificate, the connection and the subscriptions that feed it.

The set-up follows LG's SDK (`thinqconnect.mqtt_client`): read the MQTT server from `GET /route`,
register the client (`POST /client`), make a key pair and a CSR, have LG sign it
(`POST /client/certificate`, which also names the topic), then connect over TLS with that client
certificate and subscribe to the topic. Which appliances publish there is chosen by
`POST /event/{id}/subscribe` (state reports, renewed before they expire) and
`POST /push/{id}/subscribe` (notifications); `POST /push/devices` adds the device-list messages.

The private key lives in memory only: it is never logged, stored or shown in diagnostics.
"""

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from enum import StrEnum
import hashlib
import logging
import os
from pathlib import Path
import random
import ssl
import tempfile
from typing import Any
from urllib.parse import urlsplit

import aiomqtt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from .client import ThinQConnectClient
from .const import EVENT_SUBSCRIPTION_MAX_HOURS, ErrorCode
from .errors import ThinQBadRequestError, ThinQError, ThinQInvalidResponseError, ThinQRateLimitError
from .models import JsonValue, ThinQMessage
from .safe_text import safe_text
from .throttle import Priority

_LOGGER = logging.getLogger(__name__)
# paho reports every lost socket as an error; the channel handles them (see `PushHealth`), so its
# own lines are only wanted when debugging.
_MQTT_LOGGER = logging.getLogger(f"{__name__}.mqtt")
_MQTT_LOGGER.setLevel(logging.CRITICAL)

DEFAULT_MQTT_PORT = 8883
# LG's SDK pings every 6 s; half a minute finds a dead socket within a minute without waking a
# phone-sized broker connection all the time.
DEFAULT_KEEPALIVE = 30
CONNECT_TIMEOUT = 15.0
BACKOFF_MIN = 1.0
BACKOFF_MAX = 300.0
# A certificate is renewed once this share of its life has passed.
CERTIFICATE_RENEW_SHARE = 0.8
# Event subscriptions last LG's maximum and are renewed this long before they end.
EVENT_RENEW_BEFORE = timedelta(hours=1)
MAINTAIN_INTERVAL = 60.0
# Event subscriptions found at LG (made before a restart) are renewed this long after setting up.
ADOPTED_RENEWAL = timedelta(hours=2)
# A message LG sends twice (at-least-once delivery) arrives again within seconds.
DUPLICATE_WINDOW = 30.0
_RECENT_MESSAGES = 256
_KEY_SIZE = 2048
# Failed connections in a row after which the certificate is replaced: a revoked or expired one
# fails every attempt, and LG says no more than a TLS alert.
_FAILURES_BEFORE_NEW_CERTIFICATE = 2
# Longest text of the broker's (a reason it gave for closing) in the channel's health and log lines.
_MAX_BROKER_TEXT = 200
# LG answers these when a subscription or registration already exists: nothing to do.
_ALREADY_DONE = {ErrorCode.ALREADY_SUBSCRIBED_PUSH.value}

type MessageHandler = Callable[[ThinQMessage], None]
type StateHandler = Callable[["PushState"], None]


class PushState(StrEnum):
    """Where the push channel is."""

    STOPPED = "stopped"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"


@dataclass(frozen=True, slots=True)
class PushCredentials:
    """The client certificate LG signed, its private key and the topic it may read."""

    certificate_pem: str
    private_key_pem: bytes = field(repr=False)
    topic: str
    issued_at: datetime
    expires_at: datetime

    @property
    def renew_at(self) -> datetime:
        """When to ask for the next certificate."""
        return self.issued_at + (self.expires_at - self.issued_at) * CERTIFICATE_RENEW_SHARE


@dataclass(slots=True)
class PushHealth:
    """What the channel has been doing, for diagnostics and the coordinator's decisions."""

    state: PushState = PushState.STOPPED
    connected_since: datetime | None = None
    disconnected_since: datetime | None = None
    last_message_at: datetime | None = None
    messages: int = 0
    ignored_messages: int = 0
    duplicate_messages: int = 0
    connections: int = 0
    failed_connections: int = 0
    certificates_issued: int = 0
    last_error: str | None = None
    certificate_expires_at: datetime | None = None
    subscribed_devices: int = 0
    events_renew_at: datetime | None = None

    def as_dict(self) -> dict[str, Any]:
        """Return the health as plain JSON values (no secret is part of it)."""
        return {
            key: value.isoformat()
            if isinstance(value, datetime)
            else str(value)
            if isinstance(value, PushState)
            else value
            for key, value in ((name, getattr(self, name)) for name in self.__dataclass_fields__)
        }


def make_key_and_csr() -> tuple[bytes, str]:
    """Return a new private key (PEM) and a CSR for it, as LG expects it (PEM body only)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=_KEY_SIZE)
    key_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    csr = (
        x509.CertificateSigningRequestBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "lg_thinq")]))
        .sign(key, hashes.SHA512())
    )
    lines = csr.public_bytes(serialization.Encoding.PEM).decode("ascii").strip().splitlines()
    return key_pem, "".join(lines[1:-1])


def read_certificate_answer(answer: JsonValue) -> tuple[str, str]:
    """Return the certificate (PEM) and the topic from LG's `/client/certificate` answer.

    Raises:
        ThinQInvalidResponseError: the answer has no certificate or no topic.
    """
    body = answer.get("result", answer) if isinstance(answer, dict) else None
    if not isinstance(body, dict):
        raise ThinQInvalidResponseError("The certificate answer is not an object")
    certificate = body.get("certificatePem")
    topics = body.get("subscriptions")
    if not isinstance(certificate, str) or not isinstance(topics, list) or not topics:
        raise ThinQInvalidResponseError("The certificate answer has no certificatePem or subscriptions")
    topic = topics[0]
    if not isinstance(topic, str):
        raise ThinQInvalidResponseError("The certificate answer's topic is not a string")
    return certificate, topic


def mqtt_address(server: str) -> tuple[str, int]:
    """Return host and port of the `mqttServer` of `GET /route` (`mqtts://host:8883`)."""
    parts = urlsplit(server if "://" in server else f"mqtts://{server}")
    if not parts.hostname:
        raise ThinQInvalidResponseError("The MQTT server has no host")
    return parts.hostname, parts.port or DEFAULT_MQTT_PORT


def tls_context(credentials: PushCredentials, extra_ca_pem: str | None) -> ssl.SSLContext:
    """Return a TLS context presenting the client certificate (blocking: run it in an executor).

    The server is checked against the system's authorities (LG's broker is AWS IoT, signed by
    Amazon's root), plus `extra_ca_pem` when the API named one of its own (a test endpoint).
    """
    context = ssl.create_default_context()
    if extra_ca_pem:
        context.load_verify_locations(cadata=extra_ca_pem)
    # The ssl module loads keys from files only: the file lives for the call, readable by us alone.
    descriptor, path = tempfile.mkstemp(prefix="thinq-voice-", suffix=".pem")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(credentials.private_key_pem + b"\n" + credentials.certificate_pem.encode("ascii"))
        context.load_cert_chain(path)
    finally:
        Path(path).unlink()
    return context


class PushChannel:
    """LG's MQTT push for one account: set-up, the connection, renewals and tear-down.

    `on_message` receives each new message (duplicates and unreadable ones are dropped and
    counted); `on_state` hears every change of `PushState`. The connection is kept up by itself:
    lost, it is tried again with a growing back-off; `request_reconnect` forces a new one when
    the caller believes the channel went silent.
    """

    def __init__(
        self,
        client: ThinQConnectClient,
        client_id: str,
        *,
        on_message: MessageHandler,
        on_state: StateHandler,
        keepalive: int = DEFAULT_KEEPALIVE,
        trust_server_ca: bool = False,
        reserve: int = 0,
    ) -> None:
        """Prepare the channel; nothing is sent before `async_start`.

        Subscribing never takes the client's hourly budget below `reserve` requests (kept for
        controls); what is left over is subscribed by later maintenance rounds.
        """
        self._client = client
        self._client_id = client_id
        self._on_message = on_message
        self._on_state = on_state
        self.keepalive = keepalive
        self.reserve = reserve
        self._trust_server_ca = trust_server_ca
        self.health = PushHealth()
        self._address: tuple[str, int] | None = None
        self._credentials: PushCredentials | None = None
        self._server_ca: str | None = None
        self._events_until: dict[str, datetime] = {}
        self._push_devices: set[str] = set()
        self._recent: deque[tuple[float, bytes]] = deque(maxlen=_RECENT_MESSAGES)
        self._wake = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._failures = 0

    @property
    def connected(self) -> bool:
        """Return whether messages can arrive now."""
        return self.health.state is PushState.CONNECTED

    @property
    def subscribed(self) -> set[str]:
        """Return the devices whose state reports this client receives."""
        return set(self._events_until)

    async def async_start(self, device_ids: Iterable[str]) -> bool:
        """Set the channel up and start connecting; False when LG offers no MQTT server.

        Raises:
            ThinQError: a set-up call failed (nothing keeps running then).
        """
        route = await self._client.async_get_route(priority=Priority.CONFIRM)
        if not route.mqtt_server:
            return False
        self._address = mqtt_address(route.mqtt_server)
        await _async_idempotent(self._client.async_register_client())
        await _async_idempotent(self._client.async_subscribe_push_devices())
        await self._async_adopt_subscriptions()
        await self.async_sync_devices(device_ids)
        self._set_state(PushState.CONNECTING)
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._async_connect_forever(), name="thinq_voice push"),
            loop.create_task(self._async_maintain_forever(), name="thinq_voice push renewals"),
        ]
        return True

    async def async_stop(self, *, unregister: bool = True) -> None:
        """Close the connection; with `unregister`, also end the subscriptions and the client."""
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        self._set_state(PushState.STOPPED)
        if not unregister or self._address is None:
            return
        # The client first: the per-appliance subscriptions then end as far as the hour's budget
        # allows (what is left is taken over by the next start, not made again).
        calls: list[Awaitable[object]] = [
            self._client.async_unregister_client(),
            self._client.async_unsubscribe_push_devices(),
        ]
        calls += [self._client.async_unsubscribe_events(device_id) for device_id in self._events_until]
        calls += [self._client.async_unsubscribe_push(device_id) for device_id in self._push_devices]
        for call in calls:
            await _async_ignore(call)
        self._events_until.clear()
        self._push_devices.clear()

    def request_reconnect(self, reason: str) -> None:
        """Drop the connection and make a new one (the caller found the channel silent)."""
        if self.connected:
            _LOGGER.info("Reconnecting LG's push channel: %s", reason)
            self.health.last_error = reason
            self._wake.set()

    async def async_sync_devices(self, device_ids: Iterable[str]) -> None:
        """Subscribe the devices not yet subscribed, and end the subscriptions of devices gone.

        Subscriptions cost requests: what the hourly budget does not allow now is done by a
        later maintenance round.
        """
        wanted = set(device_ids)
        for device_id in set(self._events_until) - wanted:
            del self._events_until[device_id]
            await _async_ignore(self._client.async_unsubscribe_events(device_id))
        for device_id in self._push_devices - wanted:
            self._push_devices.discard(device_id)
            await _async_ignore(self._client.async_unsubscribe_push(device_id))
        await self._async_subscribe(wanted)

    async def _async_adopt_subscriptions(self) -> None:
        """Take over the subscriptions LG still holds for this client (from before a restart).

        Two reads instead of two subscriptions per appliance: a restart soon after another must
        not spend the hour's budget again. LG does not say when an event subscription ends, so an
        adopted one is renewed soon, spread out of the hour of setting up.
        """
        self._push_devices |= _device_ids(await self._client.async_get_push_subscriptions())
        renew = datetime.now(UTC) + EVENT_RENEW_BEFORE + ADOPTED_RENEWAL
        for device_id in _device_ids(await self._client.async_get_event_subscriptions()):
            self._events_until.setdefault(device_id, renew)

    async def async_maintain(self) -> None:
        """Renew the event subscriptions about to end (the certificate renews with its connection)."""
        due = datetime.now(UTC) + EVENT_RENEW_BEFORE
        renew = {device_id for device_id, until in self._events_until.items() if until <= due}
        for device_id in renew:
            del self._events_until[device_id]
        await self._async_subscribe(renew | self._push_devices)

    async def _async_subscribe(self, device_ids: set[str]) -> None:
        for device_id in sorted(device_ids):
            if self._client.budget.available(Priority.CONFIRM) <= self.reserve + 1:
                _LOGGER.debug("Push subscriptions wait for the request budget")
                break
            try:
                if device_id not in self._push_devices:
                    await _async_idempotent(self._client.async_subscribe_push(device_id))
                    self._push_devices.add(device_id)
                if device_id not in self._events_until:
                    await self._client.async_subscribe_events(device_id, EVENT_SUBSCRIPTION_MAX_HOURS)
                    self._events_until[device_id] = datetime.now(UTC) + timedelta(
                        hours=EVENT_SUBSCRIPTION_MAX_HOURS
                    )
            except ThinQRateLimitError:
                _LOGGER.debug("Push subscriptions wait for the request budget")
                break
            except ThinQError as err:
                _LOGGER.debug("Subscribing an appliance to push failed: %s", err)
        self.health.subscribed_devices = len(self._events_until)
        self.health.events_renew_at = (
            min(self._events_until.values()) - EVENT_RENEW_BEFORE if self._events_until else None
        )

    async def _async_maintain_forever(self) -> None:
        while True:
            await asyncio.sleep(MAINTAIN_INTERVAL)
            await self.async_maintain()

    async def _async_issue_certificate(self) -> PushCredentials:
        loop = asyncio.get_running_loop()
        key_pem, csr = await loop.run_in_executor(None, make_key_and_csr)
        answer = await self._client.async_issue_certificate(csr)
        certificate_pem, topic = read_certificate_answer(answer)
        if self._trust_server_ca and isinstance(answer, dict):
            body = answer.get("result", answer)
            ca = body.get("caCertificatePem") if isinstance(body, dict) else None
            self._server_ca = ca if isinstance(ca, str) else None
        certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
        self.health.certificates_issued += 1
        self.health.certificate_expires_at = certificate.not_valid_after_utc
        return PushCredentials(
            certificate_pem=certificate_pem,
            private_key_pem=key_pem,
            topic=topic,
            issued_at=max(certificate.not_valid_before_utc, datetime.now(UTC) - timedelta(minutes=5)),
            expires_at=certificate.not_valid_after_utc,
        )

    async def _async_connect_forever(self) -> None:
        delay = BACKOFF_MIN
        while True:
            try:
                await self._async_connect_once()
                delay = BACKOFF_MIN
                continue
            except aiomqtt.MqttError as err:
                if (task := asyncio.current_task()) is not None and task.cancelling():
                    # aiomqtt's exit can turn a cancellation into an MqttError: stop for real.
                    raise asyncio.CancelledError from err
                self._failed(f"MQTT: {safe_text(str(err), _MAX_BROKER_TEXT)}")
            except ThinQError as err:
                self._failed(f"certificate: {type(err).__name__}")
            except OSError as err:  # the TLS context: a certificate LG sent that does not load
                self._failed(f"TLS: {type(err).__name__}")
            self._set_state(PushState.DISCONNECTED)
            await asyncio.sleep(delay * random.uniform(0.8, 1.2))
            delay = min(delay * 2, BACKOFF_MAX)

    def _failed(self, error: str) -> None:
        self.health.last_error = error
        self._failures += 1
        self.health.failed_connections += 1
        if self._failures >= _FAILURES_BEFORE_NEW_CERTIFICATE:
            # The broker may be refusing the certificate (revoked, expired): ask for a new one.
            self._credentials = None
            self._failures = 0
        _LOGGER.debug("LG's push channel is down: %s", error)

    async def _async_connect_once(self) -> None:
        """Connect, read messages until the connection ends or must be renewed."""
        assert self._address is not None
        credentials = self._credentials
        if credentials is None or credentials.renew_at <= datetime.now(UTC):
            credentials = self._credentials = await self._async_issue_certificate()
        loop = asyncio.get_running_loop()
        context = await loop.run_in_executor(None, tls_context, credentials, self._server_ca)
        host, port = self._address
        self._wake.clear()
        client = aiomqtt.Client(
            host,
            port,
            identifier=self._client_id,
            tls_context=context,
            keepalive=self.keepalive,
            clean_session=False,
            timeout=CONNECT_TIMEOUT,
            logger=_MQTT_LOGGER,
        )
        try:
            await self._async_use(client, credentials)
        finally:
            _settle_late_errors(client)
        self._set_state(PushState.DISCONNECTED)

    async def _async_use(self, client: aiomqtt.Client, credentials: PushCredentials) -> None:
        """Read messages over one connection until it ends or its certificate must be renewed."""
        loop = asyncio.get_running_loop()
        async with client as mqtt:
            await mqtt.subscribe(credentials.topic, qos=1)
            self._failures = 0
            self.health.connections += 1
            self._set_state(PushState.CONNECTED)
            renew_in = (credentials.renew_at - datetime.now(UTC)).total_seconds()
            reader = loop.create_task(self._async_read(mqtt))
            waker = loop.create_task(self._wake.wait())
            try:
                await asyncio.wait((reader, waker), timeout=max(renew_in, 1.0), return_when="FIRST_COMPLETED")
            finally:
                waker.cancel()
                reader.cancel()
                await asyncio.gather(waker, return_exceptions=True)
                if reader.done() and not reader.cancelled() and (error := reader.exception()):
                    raise error
                await asyncio.gather(reader, return_exceptions=True)

    async def _async_read(self, mqtt: aiomqtt.Client) -> None:
        async for message in mqtt.messages:
            payload = message.payload
            if isinstance(payload, bytes | bytearray | str):
                self._received(payload if isinstance(payload, bytes | bytearray) else payload.encode())

    def _received(self, payload: bytes | bytearray) -> None:
        now = asyncio.get_running_loop().time()
        self.health.last_message_at = datetime.now(UTC)
        digest = hashlib.blake2b(payload, digest_size=16).digest()
        while self._recent and self._recent[0][0] < now - DUPLICATE_WINDOW:
            self._recent.popleft()
        if any(seen == digest for _, seen in self._recent):
            self.health.duplicate_messages += 1
            return
        self._recent.append((now, digest))
        try:
            message = ThinQMessage.from_json(payload)
        except ThinQInvalidResponseError:
            self.health.ignored_messages += 1
            _LOGGER.debug("Ignoring an unreadable push message (%d bytes)", len(payload))
            return
        self.health.messages += 1
        self._on_message(message)

    def _set_state(self, state: PushState) -> None:
        if state is self.health.state:
            return
        now = datetime.now(UTC)
        if state is PushState.CONNECTED:
            self.health.connected_since, self.health.disconnected_since = now, None
        elif self.health.state is PushState.CONNECTED or self.health.disconnected_since is None:
            self.health.connected_since, self.health.disconnected_since = None, now
        self.health.state = state
        self._on_state(state)


async def _async_idempotent(call: Awaitable[object]) -> None:
    """Await a subscribe or register call; LG saying it exists already is success."""
    try:
        await call
    except ThinQBadRequestError as err:
        if err.code not in _ALREADY_DONE:
            raise


def _settle_late_errors(client: aiomqtt.Client) -> None:
    """Take the errors paho may still report on a connection we have left behind.

    A connection given up (a timeout, a refused certificate) can still hear from paho later; its
    error then lands on a future nobody waits for any more, which asyncio would report.
    """
    for future in (client._connected, client._disconnected):  # noqa: SLF001 - aiomqtt keeps them private
        future.add_done_callback(lambda done: done.cancelled() or done.exception())


def _device_ids(answer: JsonValue) -> set[str]:
    """Return the device ids of a subscription list (`[{"deviceId": …}]` or bare ids)."""
    found: set[str] = set()
    for entry in answer if isinstance(answer, list) else []:
        device_id = entry.get("deviceId") if isinstance(entry, dict) else entry
        if isinstance(device_id, str):
            found.add(device_id)
    return found


async def _async_ignore(call: Awaitable[object]) -> None:
    """Await an unsubscribe call whose failure changes nothing for us."""
    try:
        await call
    except ThinQError as err:
        _LOGGER.debug("Ending a push subscription failed: %s", err)
