"""LG's MQTT push channel against the simulator's real broker (mosquitto on loopback)."""

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import aiohttp
import pytest

from custom_components.thinq_voice.api import Priority, ThinQConnectClient, ThinQMessage
from custom_components.thinq_voice.api.errors import ThinQInvalidResponseError
from custom_components.thinq_voice.api.push import PushChannel
from custom_components.thinq_voice.api.push_session import (
    PushCredentials,
    PushSession,
    PushState,
    make_key_and_csr,
    mqtt_address,
    read_certificate_answer,
)
from simulator import DEFAULT_TOKEN, Simulator
from simulator.broker import mosquitto_path

pytestmark = pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed")

CLIENT_ID = "thinq-voice-push-test"


class Received:
    """Collects what a channel delivers."""

    def __init__(self) -> None:
        self.messages: list[ThinQMessage] = []
        self.states: list[PushState] = []
        self.changed = asyncio.Event()

    def message(self, message: ThinQMessage) -> None:
        self.messages.append(message)
        self.changed.set()

    def state(self, state: PushState) -> None:
        self.states.append(state)
        self.changed.set()

    async def until(self, check: Callable[[], bool], timeout: float = 10.0) -> None:
        async with asyncio.timeout(timeout):
            while not check():
                self.changed.clear()
                await self.changed.wait()


@pytest.fixture
async def sim() -> AsyncIterator[Simulator]:
    simulator = Simulator(fleet="ko", speed=0, push=True)
    await simulator.start()
    yield simulator
    await simulator.stop()


@pytest.fixture
async def client(sim: Simulator) -> AsyncIterator[ThinQConnectClient]:
    async with aiohttp.ClientSession() as session:
        yield ThinQConnectClient(
            session, access_token=DEFAULT_TOKEN, country="KR", client_id=CLIENT_ID, base_url=sim.base_url
        )


async def _channel(
    client: ThinQConnectClient, sim: Simulator, keepalive: int = 30, session: PushSession | None = None
) -> tuple[PushChannel, Received]:
    received = Received()
    channel = PushChannel(
        client,
        CLIENT_ID,
        on_message=received.message,
        on_state=received.state,
        keepalive=keepalive,
        trust_server_ca=True,
    )
    if session is not None:
        channel.session = session
    assert await channel.async_start(sim.device_ids, sim.device_ids)
    await received.until(lambda: channel.connected)
    assert sim.push is not None
    await sim.push.wait_publisher()
    return channel, received


async def test_state_changes_and_notifications_arrive(client: ThinQConnectClient, sim: Simulator) -> None:
    """A state change and a device-list change reach the client, typed; stop ends every subscription."""
    channel, received = await _channel(client, sim)
    washer = sim.find("세탁기")
    sim.patch_state(washer.device_id, {"remoteControlEnable": {"remoteControlEnabled": False}})
    await received.until(lambda: any(m.device_id == washer.device_id for m in received.messages))
    report = next(m for m in received.messages if m.device_id == washer.device_id)
    assert report.push_type == "DEVICE_STATUS"
    assert report.report is not None
    assert report.report.get("remoteControlEnable", "remoteControlEnabled", "MAIN") is False
    sim.add_device("washer", "새 세탁기")
    await received.until(lambda: any(m.push_type == "DEVICE_REGISTERED" for m in received.messages))
    assert channel.health.subscribed_devices == len(sim.device_ids) - 1
    assert channel.health.certificates_issued == 1
    await channel.async_stop()
    assert channel.health.state is PushState.STOPPED
    assert not sim.event_subscriptions
    assert not sim.push_subscriptions
    assert CLIENT_ID not in sim.clients


async def test_broker_restart_reconnects(client: ThinQConnectClient, sim: Simulator) -> None:
    """A broker that goes away and comes back is reconnected to, and messages flow again."""
    channel, received = await _channel(client, sim)
    assert sim.push is not None
    await sim.push.stop_broker()
    await received.until(lambda: not channel.connected)
    await sim.push.start_broker()
    await received.until(lambda: channel.connected, timeout=15)
    await sim.push.wait_publisher()
    sim.patch_state(sim.find("세탁기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}})
    await received.until(lambda: bool(received.messages))
    assert channel.health.connections == 2
    await channel.async_stop(unregister=False)


async def test_silent_stall_is_noticed_by_keepalive(client: ThinQConnectClient, sim: Simulator) -> None:
    """A connection where nothing passes any more is dropped by the keepalive and made again."""
    channel, received = await _channel(client, sim, keepalive=1)
    assert sim.push is not None
    sim.push.stall(True)
    await received.until(lambda: not channel.connected, timeout=10)
    sim.push.stall(False)
    await received.until(lambda: channel.connected, timeout=15)
    await channel.async_stop(unregister=False)


async def test_revoked_certificate_is_replaced(client: ThinQConnectClient, sim: Simulator) -> None:
    """A revoked certificate fails every connection: a new one is asked for, and push comes back."""
    channel, received = await _channel(client, sim)
    assert sim.push is not None
    await sim.push.revoke_certificates()
    await received.until(lambda: channel.health.certificates_issued == 2, timeout=30)
    await received.until(lambda: channel.connected, timeout=30)
    await channel.async_stop(unregister=False)


async def test_duplicates_and_malformed_messages_are_dropped(
    client: ThinQConnectClient, sim: Simulator
) -> None:
    """A message delivered twice is handed over once; a broken one is counted and skipped."""
    channel, received = await _channel(client, sim)
    assert sim.push is not None
    sim.push.faults.duplicated = True
    sim.push.faults.malformed = True
    washer = sim.find("세탁기")
    sim.patch_state(washer.device_id, {"remoteControlEnable": {"remoteControlEnabled": False}})
    await received.until(lambda: bool(received.messages))
    async with asyncio.timeout(5):
        while channel.health.duplicate_messages < 2:
            await asyncio.sleep(0.05)
    assert len(received.messages) == 1
    assert channel.health.ignored_messages >= 1
    await channel.async_stop(unregister=False)


async def test_certificate_is_renewed_before_it_expires(client: ThinQConnectClient, sim: Simulator) -> None:
    """A short-lived certificate is replaced before its end, without losing the connection for long."""
    assert sim.push is not None
    sim.push.faults.certificate_lifetime_s = 4
    channel, received = await _channel(client, sim)
    await received.until(lambda: channel.health.certificates_issued >= 2, timeout=15)
    await received.until(lambda: channel.connected)
    await channel.async_stop(unregister=False)


async def test_event_subscriptions_are_renewed(
    client: ThinQConnectClient, sim: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Maintenance renews the event subscriptions due to end, and only those."""
    channel, _ = await _channel(client, sim)
    requests = sim.requests_by_endpoint.get("POST /event/{id}/subscribe", 0)
    await channel.async_maintain()
    assert sim.requests_by_endpoint["POST /event/{id}/subscribe"] == requests
    soon = datetime.now(UTC) + timedelta(minutes=5)
    channel.session.events_until = dict.fromkeys(channel.session.events_until, soon)
    await channel.async_maintain()
    assert sim.requests_by_endpoint["POST /event/{id}/subscribe"] == requests + len(sim.device_ids)
    assert channel.health.events_renew_at is not None
    assert channel.health.events_renew_at > soon
    await channel.async_stop(unregister=False)


async def test_no_mqtt_server_means_no_push(client: ThinQConnectClient) -> None:
    """A simulator without a broker names no MQTT server: the channel says so and sends nothing else."""
    sim = Simulator(fleet="ko", speed=0)
    await sim.start()
    try:
        async with aiohttp.ClientSession() as session:
            plain = ThinQConnectClient(
                session, access_token=DEFAULT_TOKEN, country="KR", client_id=CLIENT_ID, base_url=sim.base_url
            )
            channel = PushChannel(plain, CLIENT_ID, on_message=lambda _: None, on_state=lambda _: None)
            assert not await channel.async_start(sim.device_ids)
            assert sim.requests_by_endpoint == {"GET /route": 1}
    finally:
        await sim.stop()


def test_certificate_answer_and_address_parsing() -> None:
    """LG's certificate answer is read wrapped or flat; bad ones raise; addresses default the port."""
    answer = {"certificatePem": "PEM", "subscriptions": ["app/clients/x/push"]}
    assert read_certificate_answer({"result": answer}) == ("PEM", "app/clients/x/push")
    assert read_certificate_answer(answer) == ("PEM", "app/clients/x/push")
    for bad in (
        None,
        {"result": []},
        {"certificatePem": "PEM", "subscriptions": []},
        {**answer, "subscriptions": [1]},
    ):
        with pytest.raises(ThinQInvalidResponseError):
            read_certificate_answer(bad)
    assert mqtt_address("mqtts://a3p-ats.iot.us-west-2.amazonaws.com:8883") == (
        "a3p-ats.iot.us-west-2.amazonaws.com",
        8883,
    )
    assert mqtt_address("broker.example") == ("broker.example", 8883)
    with pytest.raises(ThinQInvalidResponseError):
        mqtt_address("mqtts://:1")


def test_private_key_stays_out_of_repr() -> None:
    """The key pair's private half never shows in a representation (logs, diagnostics)."""
    key_pem, csr = make_key_and_csr()
    assert b"PRIVATE KEY" in key_pem
    assert "BEGIN" not in csr
    now = datetime.now(UTC)
    credentials = PushCredentials("CERT", key_pem, "topic", now, now + timedelta(days=10))
    assert "PRIVATE" not in repr(credentials)
    assert credentials.renew_at == now + timedelta(days=8)


async def test_a_restart_takes_up_the_stored_session(client: ThinQConnectClient, sim: Simulator) -> None:
    """A new start with the session kept from the last one asks LG for nothing but its two lists.

    The route, the registration and the certificate are reused; the subscriptions LG still holds
    are taken over (what it dropped is made again), and messages flow.
    """
    first, _ = await _channel(client, sim)
    await first.async_stop(unregister=False)
    stored = first.session.as_json()
    assert "PRIVATE" not in repr(first.session)
    dropped = min(sim.event_subscriptions)
    del sim.event_subscriptions[dropped]  # LG let one lapse meanwhile
    before = dict(sim.requests_by_endpoint)
    second, received = await _channel(client, sim, session=PushSession.from_json(stored))
    sent = {key: count - before.get(key, 0) for key, count in sim.requests_by_endpoint.items()}
    assert {key: count for key, count in sent.items() if count} == {
        "GET /push": 1,
        "GET /event": 1,
        "POST /event/{id}/subscribe": 1,
    }
    assert second.subscribed == set(sim.device_ids)
    assert second.health.certificates_issued == 0
    sim.patch_state(sim.find("세탁기").device_id, {"remoteControlEnable": {"remoteControlEnabled": False}})
    await received.until(lambda: bool(received.messages))
    await second.async_stop()
    assert not second.session.registered
    assert CLIENT_ID not in sim.clients


def test_a_damaged_session_is_read_as_far_as_it_goes() -> None:
    """What is damaged in a stored session is left out; push sets that part up again."""
    assert PushSession.from_json(None) == PushSession()
    now = datetime.now(UTC)
    session = PushSession.from_json(
        {
            "mqtt_server": "mqtts://broker:8883",
            "registered": True,
            "credentials": {
                "certificate_pem": "C",
                "private_key_pem": "K",
                "topic": "t",
                "issued_at": "soon",
            },
            "events_until": {"a": now.isoformat(), "b": "2026-01-01T00:00:00", "c": 5},
            "push_devices": ["a", 3],
        }
    )
    assert session.credentials is None
    assert not session.restorable
    assert session.events_until == {"a": now}
    assert session.push_devices == {"a"}


async def test_removed_devices_are_unsubscribed_and_failures_are_survived(
    client: ThinQConnectClient, sim: Simulator
) -> None:
    """Devices gone are unsubscribed; a certificate LG refuses and broken TLS are retried, not fatal."""
    channel, received = await _channel(client, sim)
    keep = set(sim.device_ids[:3])
    await channel.async_sync_devices(keep)
    assert channel.subscribed == keep
    assert set(sim.event_subscriptions) == keep
    # LG refuses new certificates for a while: the channel keeps trying, and comes back.
    sim.set_faults({"fail_next": 1})
    channel.session.credentials = None
    channel.request_reconnect("test")
    await received.until(lambda: channel.health.certificates_issued >= 2 and channel.connected, timeout=30)
    assert channel.health.failed_connections >= 1
    await channel.async_stop(unregister=False)


async def test_subscriptions_wait_for_the_budget(sim: Simulator) -> None:
    """Subscribing is background work: it stops where the people's reserve starts, a later round goes on.

    State reports come first for every appliance, notifications after them.
    """
    async with aiohttp.ClientSession() as session:
        tight = ThinQConnectClient(
            session,
            access_token=DEFAULT_TOKEN,
            country="KR",
            client_id=CLIENT_ID,
            base_url=sim.base_url,
            hourly_request_budget=30,
            people_reserve=15,
        )
        channel = PushChannel(
            tight, CLIENT_ID, on_message=lambda _: None, on_state=lambda _: None, trust_server_ca=True
        )
        try:
            assert await channel.async_start(sim.device_ids, sim.device_ids)
            # The route, the registration and the device-list subscription, then state reports up to
            # the reserve, counted as LG saw them (on a loaded machine one may time out on our side);
            # the MQTT connection's certificate, asked for meanwhile, may take one of their places.
            seen = sim.requests_by_endpoint
            assert seen["POST /event/{id}/subscribe"] + seen.get("POST /client/certificate", 0) == 15 - 3
            assert 0 < len(channel.subscribed) <= 15 - 3
            assert not channel.session.push_devices
            assert tight.budget.available(Priority.BACKGROUND) == 0
            tight.budget.limit = 1000
            await channel.async_maintain()
            assert channel.subscribed == set(sim.device_ids)
            assert channel.session.push_devices == set(sim.device_ids)
        finally:
            await channel.async_stop(unregister=False)


async def test_an_appliance_lg_refuses_is_not_asked_again(client: ThinQConnectClient, sim: Simulator) -> None:
    """An appliance LG refuses to subscribe is left out; one that failed on LG's side is tried again."""
    channel, _ = await _channel(client, sim)
    refused, failed = sorted(sim.device_ids)[:2]
    for device_id in (refused, failed):
        del channel.session.events_until[device_id]
        del sim.event_subscriptions[device_id]
    sim.set_faults({"fail_next": 1, "fail_code": "1102"})
    await channel.async_maintain()
    assert refused not in channel.subscribed
    assert failed in channel.subscribed
    del channel.session.events_until[failed]
    sim.set_faults({"fail_next": 1, "fail_code": "2000"})
    await channel.async_maintain()
    assert failed not in channel.subscribed
    await channel.async_maintain()
    assert failed in channel.subscribed
    assert refused not in channel.subscribed
    await channel.async_stop(unregister=False)


async def test_an_appliance_lg_refuses_notifications_for_is_not_asked_again(
    client: ThinQConnectClient, sim: Simulator
) -> None:
    """LG refusing an appliance's notifications (a bad request) leaves it out; its state reports stay."""
    channel, _ = await _channel(client, sim)
    refused = min(sim.device_ids)
    channel.session.push_devices.discard(refused)
    sim.push_subscriptions.discard(refused)
    sim.set_faults({"fail_next": 1, "fail_code": "1102"})
    await channel.async_maintain()
    assert refused not in channel.session.push_devices
    assert refused not in sim.push_subscriptions
    asked = sim.requests_by_endpoint["POST /push/{id}/subscribe"]
    await channel.async_maintain()
    assert sim.requests_by_endpoint["POST /push/{id}/subscribe"] == asked
    assert refused in channel.subscribed
    await channel.async_stop(unregister=False)
