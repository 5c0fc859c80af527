"""The simulator's push side: certificates, the broker's faults through /admin/faults, /admin/stats."""

from collections.abc import AsyncIterator

import aiohttp
import pytest

from custom_components.thinq_voice.api.push import make_key_and_csr
from simulator import Simulator
from simulator.__main__ import build_parser, make_simulator
from simulator.broker import CertificateAuthority, mosquitto_path

from .conftest import Api, error_code

pytestmark = pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed")
CSR = "MIICijCCAXICAQAwETEPMA0GA1UEAwwGbGdfdGhpbnEwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQ"


@pytest.fixture
async def push_api() -> AsyncIterator[tuple[Simulator, Api]]:
    sim = Simulator(fleet="ko", speed=0, push=True)
    await sim.start()
    async with aiohttp.ClientSession(base_url=sim.base_url) as session:
        yield sim, Api(session)
    await sim.stop()


async def test_certificate_needs_a_registered_client_and_a_csr(push_api: tuple[Simulator, Api]) -> None:
    """`/client/certificate` signs a CSR for a registered client and names its topic."""
    sim, api = push_api
    route = await api.get("/route")
    assert route["mqttServer"] == sim.mqtt_server
    assert error_code((await api.call("POST", "/client/certificate", {"csr": CSR}))[1]) == "1102"
    assert (await api.call("POST", "/client", {"type": "MQTT"}))[0] == 200
    assert error_code((await api.call("POST", "/client/certificate", {}))[1]) == "1101"
    assert error_code((await api.call("POST", "/client/certificate", {"csr": CSR}))[1]) == "1102"
    _, csr = make_key_and_csr()
    status, body = await api.call("POST", "/client/certificate", {"service-code": "SVC202", "csr": csr})
    assert status == 200
    result = body["response"]["result"]
    assert result["certificatePem"].startswith("-----BEGIN CERTIFICATE-----")
    assert result["subscriptions"] == ["app/clients/thinq-voice-test-client/push"]


async def test_admin_faults_drive_the_broker(push_api: tuple[Simulator, Api]) -> None:
    """Broker stop/start, stall and message faults are set and shown through /admin/faults."""
    sim, api = push_api
    assert sim.push is not None
    async with api.session.post(
        "/admin/faults",
        json={"broker": "stop", "mqtt_stalled": True, "mqtt_duplicated": True, "certificate_lifetime_s": 60},
    ) as response:
        view = await response.json()
    assert view["broker"] == "stopped"
    assert view["mqtt_stalled"] is True
    assert view["mqtt_duplicated"] is True
    assert view["certificate_lifetime_s"] == 60
    async with api.session.post("/admin/faults", json={"broker": "explode"}) as response:
        assert response.status == 400
    async with api.session.delete("/admin/faults") as response:
        view = await response.json()
    assert view["broker"] == "running"
    assert view["mqtt_stalled"] is False
    assert view["mqtt_duplicated"] is False
    async with api.session.post(
        "/admin/faults", json={"broker": "restart", "revoke_certificates": True}
    ) as response:
        assert (await response.json())["broker"] == "running"


async def test_stats_count_requests_per_endpoint_and_device(push_api: tuple[Simulator, Api]) -> None:
    """/admin/stats counts every LG call by endpoint and by device."""
    sim, api = push_api
    washer = sim.find("세탁기").device_id
    await api.get(f"/devices/{washer}/state")
    await api.get(f"/devices/{washer}/state")
    await api.get("/devices")
    async with api.session.get("/admin/stats") as response:
        stats = await response.json()
    assert stats["by_endpoint"]["GET /devices/{id}/state"] == 2
    assert stats["by_endpoint"]["GET /devices"] == 1
    assert stats["by_device"] == {washer: 2}
    assert stats["requests"] == 3
    assert stats["push"] == {"clients": 0, "published": 0, "dropped": 0}


async def test_storm_needs_subscriptions_and_a_broker() -> None:
    """A storm publishes repeats of subscribed devices' state; without a broker it is refused."""
    sim = Simulator(fleet="ko", speed=0)
    with pytest.raises(ValueError, match="no push broker"):
        sim.storm()
    with pytest.raises(ValueError, match="no push broker"):
        await sim.apply_push_faults({"broker": "stop"})


def test_cli_push_flags() -> None:
    """The CLI turns push and its message faults on."""
    args = build_parser().parse_args(
        [
            "--push",
            "--mqtt-duplicated",
            "--mqtt-malformed",
            "--mqtt-out-of-order",
            "--certificate-lifetime",
            "30",
        ]
    )
    sim = make_simulator(args)
    assert sim.push is not None
    assert sim.push.faults.duplicated and sim.push.faults.malformed and sim.push.faults.out_of_order
    assert sim.push.faults.certificate_lifetime_s == 30


def test_ca_refuses_a_broken_csr_and_revokes() -> None:
    """The CA reads LG's bare CSR body, refuses garbage, and lists what it revoked."""
    ca = CertificateAuthority("127.0.0.1")
    with pytest.raises(ValueError):
        ca.sign_csr(CSR, 60)
    assert ca.revoke_all() == 0
    assert "X509 CRL" in ca.crl_pem()
