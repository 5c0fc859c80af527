"""LG's MQTT push: the client certificate, the connection and the subscriptions that feed it.

The set-up follows LG's SDK (`thinqconnect.mqtt_client`): read the MQTT server from `GET /route`,
register the client (`POST /client`), make a key pair and a CSR, have LG sign it
(`POST /client/certificate`, which also names the topic), then connect over TLS with that client
certificate and subscribe to the topic. Which appliances publish there is chosen by
`POST /event/{id}/subscribe` (state reports, renewed before they expire) and
`POST /push/{id}/subscribe` (notifications); `POST /push/devices` adds the device-list messages.

All of that outlives a restart at LG: the channel keeps it in a `PushSession` (see
push_session.py) that its owner stores and hands back, so a restart sets push up again without a
request. Subscribing is background work, staged over as many rounds as the hour's budget needs.
"""

import asyncio
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from datetime import UTC, datetime, timedelta
import hashlib
import logging
import random

import aiomqtt
from cryptography import x509

from .client import ThinQConnectClient
from .const import EVENT_SUBSCRIPTION_MAX_HOURS, ErrorCode
from .errors import (
    ThinQBadRequestError,
    ThinQBudgetError,
    ThinQError,
    ThinQInvalidResponseError,
    ThinQRateLimitError,
)
from .models import JsonValue, ThinQMessage
from .push_session import (
    PushCredentials,
    PushHealth,
    PushSession,
    PushState,
    make_key_and_csr,
    mqtt_address,
    read_certificate_answer,
    tls_context,
)
from .safe_text import safe_text
from .throttle import Priority

_LOGGER = logging.getLogger(__name__)
# paho reports every lost socket as an error; the channel handles them (see `PushHealth`), so its
# own lines are only wanted when debugging.
_MQTT_LOGGER = logging.getLogger(f"{__name__}.mqtt")
_MQTT_LOGGER.setLevel(logging.CRITICAL)

# LG's SDK pings every 6 s; half a minute finds a dead socket within a minute without waking a
# phone-sized broker connection all the time.
DEFAULT_KEEPALIVE = 30
CONNECT_TIMEOUT = 15.0
BACKOFF_MIN = 1.0
BACKOFF_MAX = 300.0
# Event subscriptions last LG's maximum and are renewed this long before they end.
EVENT_RENEW_BEFORE = timedelta(hours=1)
MAINTAIN_INTERVAL = 60.0
# Event subscriptions LG holds that the stored session has no end for are renewed this long after
# setting up (out of the hour of setting up).
ADOPTED_RENEWAL = timedelta(hours=2)
# A message LG sends twice (at-least-once delivery) arrives again within seconds.
DUPLICATE_WINDOW = 30.0
_RECENT_MESSAGES = 256
# Failed connections in a row after which the certificate is replaced: a revoked or expired one
# fails every attempt, and LG says no more than a TLS alert.
_FAILURES_BEFORE_NEW_CERTIFICATE = 2
# Longest text of the broker's (a reason it gave for closing) in the channel's health and log lines.
_MAX_BROKER_TEXT = 200
# LG answers these when a subscription or registration already exists: nothing to do.
_ALREADY_DONE = {ErrorCode.ALREADY_SUBSCRIBED_PUSH.value}

type MessageHandler = Callable[[ThinQMessage], None]
type StateHandler = Callable[["PushState"], None]


class PushChannel:
    """LG's MQTT push for one account: set-up, the connection, renewals and tear-down.

    `on_message` receives each new message (duplicates and unreadable ones are dropped and
    counted); `on_state` hears every change of `PushState`; `on_session` is called whenever
    `session` changed and should be stored. The connection is kept up by itself: lost, it is
    tried again with a growing back-off; `request_reconnect` forces a new one when the caller
    believes the channel went silent.
    """

    def __init__(
        self,
        client: ThinQConnectClient,
        client_id: str,
        *,
        on_message: MessageHandler,
        on_state: StateHandler,
        on_session: Callable[[], None] | None = None,
        keepalive: int = DEFAULT_KEEPALIVE,
        trust_server_ca: bool = False,
    ) -> None:
        """Prepare the channel; nothing is sent before `async_start`.

        Set `session` first to take up what an earlier process set up at LG.
        """
        self._client = client
        self._client_id = client_id
        self._on_message = on_message
        self._on_state = on_state
        self._on_session = on_session or (lambda: None)
        self.keepalive = keepalive
        self._trust_server_ca = trust_server_ca
        self.health = PushHealth()
        self.session = PushSession()
        self._address: tuple[str, int] | None = None
        # In the order they are to be subscribed (the first are worth the most).
        self._wanted_events: list[str] = []
        self._wanted_push: list[str] = []
        # Appliances LG refused to subscribe: not asked again by this process.
        self._refused: set[str] = set()
        self._take_over = False
        self._subscribing = asyncio.Lock()
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
        return set(self.session.events_until)

    async def async_start(self, device_ids: Iterable[str], notifying: Iterable[str] = ()) -> bool:
        """Set the channel up and start connecting; False when LG offers no MQTT server.

        Only what the session lacks is asked of LG: a restored session starts without a request.
        `notifying` are the devices whose notification codes are wanted too (see `async_sync_devices`).

        Raises:
            ThinQError: a set-up call failed (nothing keeps running then).
        """
        session = self.session
        if session.mqtt_server is None:
            route = await self._client.async_get_route(priority=Priority.BACKGROUND)
            if not route.mqtt_server:
                return False
            session.mqtt_server = route.mqtt_server
        self._address = mqtt_address(session.mqtt_server)
        if not session.registered:
            await _async_idempotent(self._client.async_register_client())
            session.registered = True
        if not session.device_list_subscribed:
            await _async_idempotent(self._client.async_subscribe_push_devices())
            session.device_list_subscribed = True
        # What a stored session holds is checked against LG once, when the budget allows.
        self._take_over = bool(session.events_until or session.push_devices)
        self._on_session()
        self._set_state(PushState.CONNECTING)
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._async_connect_forever(), name="thinq_voice push"),
            loop.create_task(self._async_maintain_forever(), name="thinq_voice push renewals"),
        ]
        await self.async_sync_devices(device_ids, notifying)
        return True

    async def async_stop(self, *, unregister: bool = True) -> None:
        """Close the connection; with `unregister`, also end the subscriptions and the client at LG.

        Without it the session stays as it is, for the next start to take up.
        """
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        self._set_state(PushState.STOPPED)
        if unregister:
            await async_end_session(self._client, self.session)
            self._on_session()

    def request_reconnect(self, reason: str) -> None:
        """Drop the connection and make a new one (the caller found the channel silent)."""
        if self.connected:
            _LOGGER.info("Reconnecting LG's push channel: %s", reason)
            self.health.last_error = reason
            self._wake.set()

    async def async_sync_devices(self, device_ids: Iterable[str], notifying: Iterable[str] = ()) -> None:
        """Subscribe the devices not yet subscribed, and end the subscriptions of devices gone.

        State reports come first for every device, in the order given, then the notification codes
        of `notifying`.
        Subscriptions are background requests: what the hour's budget leaves no room for now is
        subscribed by a later maintenance round.
        """
        self._wanted_events = list(dict.fromkeys(device_ids))
        self._wanted_push = [
            device_id for device_id in dict.fromkeys(notifying) if device_id in self._wanted_events
        ]
        session = self.session
        for device_id in set(session.events_until) - set(self._wanted_events):
            del session.events_until[device_id]
            await _async_ignore(self._client.async_unsubscribe_events(device_id))
        for device_id in session.push_devices - set(self._wanted_push):
            session.push_devices.discard(device_id)
            await _async_ignore(self._client.async_unsubscribe_push(device_id))
        await self._async_subscribe()

    async def async_maintain(self) -> None:
        """Renew the event subscriptions about to end, and go on with those still to make."""
        due = datetime.now(UTC) + EVENT_RENEW_BEFORE
        events = self.session.events_until
        for device_id in [device_id for device_id, until in events.items() if until <= due]:
            del events[device_id]
        await self._async_subscribe()

    async def _async_subscribe(self) -> None:
        """Make the subscriptions still missing, as far as the budget's background share allows.

        One round at a time: a round asked for while another runs is left to that one (and the next).
        """
        if self._subscribing.locked():
            return
        async with self._subscribing:
            await self._async_subscribe_round()

    async def _async_subscribe_round(self) -> None:
        try:
            if self._take_over:
                await self._async_take_over()
            for device_id in self._wanted_events:
                if device_id not in self.session.events_until and device_id not in self._refused:
                    await self._async_subscribe_one(device_id, events=True)
            for device_id in self._wanted_push:
                if device_id not in self.session.push_devices and device_id not in self._refused:
                    await self._async_subscribe_one(device_id, events=False)
        except ThinQBudgetError, ThinQRateLimitError:
            _LOGGER.debug("Push subscriptions wait for the request budget")
        finally:
            self._on_session()
            events = self.session.events_until
            self.health.subscribed_devices = len(events)
            self.health.events_renew_at = min(events.values()) - EVENT_RENEW_BEFORE if events else None

    async def _async_subscribe_one(self, device_id: str, *, events: bool) -> None:
        """Subscribe one device's state reports (`events`) or notifications, paid as background work.

        Raises:
            ThinQBudgetError: the budget's background share is spent for now.
        """
        self._client.budget.check(Priority.BACKGROUND)
        try:
            if events:
                await self._client.async_subscribe_events(device_id, EVENT_SUBSCRIPTION_MAX_HOURS)
                self.session.events_until[device_id] = datetime.now(UTC) + timedelta(
                    hours=EVENT_SUBSCRIPTION_MAX_HOURS
                )
            else:
                await _async_idempotent(self._client.async_subscribe_push(device_id))
                self.session.push_devices.add(device_id)
        except ThinQBadRequestError as err:
            _LOGGER.debug("LG refused to subscribe an appliance to push: %s", err)
            self._refused.add(device_id)
        except ThinQBudgetError, ThinQRateLimitError:
            raise
        except ThinQError as err:
            _LOGGER.debug("Subscribing an appliance to push failed: %s", err)

    async def _async_take_over(self) -> None:
        """Check the stored subscriptions against those LG holds (two reads instead of re-making them).

        LG's lists are the truth: what it dropped is subscribed again. An event subscription the
        session has no end for is renewed soon, spread out of the hour of setting up.
        """
        self._client.budget.check(Priority.BACKGROUND, count=2)
        pushed = _device_ids(await self._client.async_get_push_subscriptions())
        held = _device_ids(await self._client.async_get_event_subscriptions())
        session = self.session
        renew = datetime.now(UTC) + EVENT_RENEW_BEFORE + ADOPTED_RENEWAL
        session.push_devices = pushed
        session.events_until = {device_id: session.events_until.get(device_id, renew) for device_id in held}
        self._take_over = False

    async def _async_maintain_forever(self) -> None:
        while True:
            await asyncio.sleep(MAINTAIN_INTERVAL)
            await self.async_maintain()

    async def _async_issue_certificate(self) -> PushCredentials:
        loop = asyncio.get_running_loop()
        key_pem, csr = await loop.run_in_executor(None, make_key_and_csr)
        try:
            answer = await self._client.async_issue_certificate(csr)
        except ThinQBadRequestError:
            # LG no longer knows the client (ended elsewhere, or a stored session outlived it).
            await _async_idempotent(self._client.async_register_client())
            answer = await self._client.async_issue_certificate(csr)
        certificate_pem, topic = read_certificate_answer(answer)
        if self._trust_server_ca and isinstance(answer, dict):
            body = answer.get("result", answer)
            ca = body.get("caCertificatePem") if isinstance(body, dict) else None
            self.session.server_ca = ca if isinstance(ca, str) else None
        certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
        self.health.certificates_issued += 1
        credentials = PushCredentials(
            certificate_pem=certificate_pem,
            private_key_pem=key_pem,
            topic=topic,
            issued_at=max(certificate.not_valid_before_utc, datetime.now(UTC) - timedelta(minutes=5)),
            expires_at=certificate.not_valid_after_utc,
        )
        self.session.credentials = credentials
        self._on_session()
        return credentials

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
            self.session.credentials = None
            self._failures = 0
            self._on_session()
        _LOGGER.debug("LG's push channel is down: %s", error)

    async def _async_connect_once(self) -> None:
        """Connect, read messages until the connection ends or must be renewed."""
        assert self._address is not None
        credentials = self.session.credentials
        if credentials is None or credentials.renew_at <= datetime.now(UTC):
            credentials = await self._async_issue_certificate()
        self.health.certificate_expires_at = credentials.expires_at
        loop = asyncio.get_running_loop()
        context = await loop.run_in_executor(None, tls_context, credentials, self.session.server_ca)
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
    error then lands on a future nobody waits for any more, which asyncio would report. One given
    up while connecting (the channel stopped) is marked disconnected: paho's late word on it would
    otherwise ask the cancelled connection for its error, and raise.
    """
    connected, disconnected = client._connected, client._disconnected  # noqa: SLF001 - aiomqtt keeps them private
    for future in (connected, disconnected):
        future.add_done_callback(lambda done: done.cancelled() or done.exception())
    if connected.cancelled() and not disconnected.done():
        disconnected.set_result(None)


async def async_end_session(client: ThinQConnectClient, session: PushSession) -> None:
    """End at LG what a session holds: the client first, then the subscriptions the budget allows.

    What is left (the hour's budget is spent) ends by itself: event subscriptions expire, and LG
    stops publishing to a client it no longer knows. The session is emptied.
    """
    if not session.registered:
        return
    calls: list[Awaitable[object]] = [
        client.async_unregister_client(),
        client.async_unsubscribe_push_devices(),
    ]
    calls += [client.async_unsubscribe_events(device_id) for device_id in session.events_until]
    calls += [client.async_unsubscribe_push(device_id) for device_id in session.push_devices]
    for call in calls:
        await _async_ignore(call)
    session.registered = session.device_list_subscribed = False
    session.credentials = None
    session.events_until.clear()
    session.push_devices.clear()


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
