"""The simulator's push broker at its edges: CSRs in both forms, a broker not started or that cannot start,
and an MQTT client hearing the simulator through the relay while the broker is told to start again."""

import asyncio
from pathlib import Path
import ssl

import aiomqtt
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
import pytest

from custom_components.thinq_voice.api.push import make_key_and_csr
from simulator import broker as broker_module
from simulator.broker import CertificateAuthority, PushBroker, StallableRelay, mosquitto_path, topic_for

needs_mosquitto = pytest.mark.skipif(mosquitto_path() is None, reason="mosquitto is not installed")


def pem_csr() -> tuple[bytes, str]:
    """Return a key and its CSR as a whole PEM document (BEGIN/END lines included)."""
    key, body = make_key_and_csr()
    lines = "\n".join(body[i : i + 64] for i in range(0, len(body), 64))
    return key, f"-----BEGIN CERTIFICATE REQUEST-----\n{lines}\n-----END CERTIFICATE REQUEST-----\n"


def test_ca_signs_a_whole_pem_csr_and_refuses_a_forged_one() -> None:
    ca = CertificateAuthority("127.0.0.1")
    _, csr = pem_csr()
    certificate = x509.load_pem_x509_certificate(ca.sign_csr(csr, 60).encode("ascii"))
    assert certificate.issuer == ca.certificate.subject
    assert ca.issued[-1] == certificate
    # The same request with its signature changed: someone else's key, or bytes bent on the way.
    der = bytearray(x509.load_pem_x509_csr(csr.encode("ascii")).public_bytes(serialization.Encoding.DER))
    der[-1] ^= 0xFF
    forged = x509.load_der_x509_csr(bytes(der)).public_bytes(serialization.Encoding.PEM).decode("ascii")
    with pytest.raises(ValueError, match="signature is wrong"):
        ca.sign_csr(forged, 60)
    assert len(ca.issued) == 1


async def test_a_broker_never_started_is_harmless() -> None:
    push = PushBroker()
    with pytest.raises(RuntimeError, match="not started"):
        _ = push.ca
    assert not push.running
    push.stall(True)
    assert not push.stalled
    push.publish({"deviceId": "washer", "pushType": "DEVICE_STATUS"})
    assert (push.published, push.dropped) == (0, 0)  # nobody to send it to
    await push.stop()
    assert push.address == "mqtts://127.0.0.1:0"


async def test_start_without_mosquitto_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(broker_module, "mosquitto_path", lambda: None)
    push = PushBroker()
    with pytest.raises(RuntimeError, match="scripts/setup installs it"):
        await push.start()
    assert not push.running


async def test_a_mosquitto_that_exits_at_once_is_told(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "mosquitto"
    broken.write_text("#!/bin/sh\necho 'Error: unable to open configuration' >&2\nexit 3\n")
    broken.chmod(0o755)
    monkeypatch.setattr(broker_module, "mosquitto_path", lambda: str(broken))
    push = PushBroker()
    try:
        with pytest.raises(RuntimeError, match="did not start"):
            await push.start()
        assert not push.running
    finally:
        await push.stop()


def client_context(push: PushBroker, client_id: str, folder: Path) -> ssl.SSLContext:
    """Return the TLS context of a client the broker issued a certificate to, as ThinQ Voice gets one."""
    key, csr = make_key_and_csr()
    chain = folder / "client.pem"
    chain.write_bytes(key + push.issue(client_id, csr).encode("ascii"))
    context = ssl.create_default_context(cadata=push.ca.pem)
    context.load_cert_chain(chain)
    return context


@needs_mosquitto
async def test_a_client_hears_the_simulator_and_a_second_start_changes_nothing(tmp_path: Path) -> None:
    push = PushBroker()
    address = await push.start()
    try:
        host, port = address.removeprefix("mqtts://").rsplit(":", 1)
        context = client_context(push, "client-a", tmp_path)
        await push.wait_publisher()
        async with aiomqtt.Client(host, int(port), identifier="client-a", tls_context=context) as client:
            await client.subscribe(topic_for("client-a"), qos=1)
            push.publish({"deviceId": "washer", "report": {"runState": {"currentState": "RUNNING"}}})
            first = await asyncio.wait_for(anext(aiter(client.messages)), 5)
            # Starting a broker that runs does nothing: the client keeps its connection and session.
            await push.start_broker()
            assert push.running and push.address == address
            push.publish({"deviceId": "washer", "report": {"runState": {"currentState": "END"}}})
            second = await asyncio.wait_for(anext(aiter(client.messages)), 5)
        assert b"RUNNING" in bytes(first.payload)
        assert b"END" in bytes(second.payload)
        assert push.published == 2
    finally:
        await push.stop()
    assert not push.running


def test_ca_signs_a_key_for_the_publisher() -> None:
    ca = CertificateAuthority("127.0.0.1")
    key = ec.generate_private_key(ec.SECP256R1())
    certificate = x509.load_pem_x509_certificate(ca.sign_key(key.public_key(), "simulator").encode("ascii"))
    assert certificate.public_key() == key.public_key()


async def test_a_relay_never_started_stops_quietly() -> None:
    relay = StallableRelay("127.0.0.1", 1)
    relay.stall(True)
    assert relay.stalled
    await relay.stop()
    assert not relay.stalled and relay.port == 0
