"""LG's push, played for real: Debian's mosquitto with TLS and client certificates, and its CA.

LG hands each client a certificate for AWS IoT and publishes to `app/clients/<client-id>/push`.
Here a certificate authority made at start signs the clients' CSRs (`POST /client/certificate`),
mosquitto accepts only certificates it signed (and not revoked), and the simulator publishes
every state change and notification at QoS 1. A small TCP relay stands in front of mosquitto,
so a connection can be stalled (the socket stays open, nothing passes) and the address survives
a broker restart.
"""

import asyncio
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
import ipaddress
import json
import logging
import os
from pathlib import Path
import shutil
import socket
import ssl
import tempfile
from typing import Any

import aiomqtt
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

_LOGGER = logging.getLogger("simulator.broker")

MOSQUITTO = "mosquitto"
PUBLISHER_ID = "thinq-voice-simulator"
DEFAULT_CERTIFICATE_LIFETIME_S = 365 * 24 * 3600.0
STORM_MESSAGES = 500
_CHUNK = 65536


def topic_for(client_id: str) -> str:
    """Return the topic LG names for a client."""
    return f"app/clients/{client_id}/push"


def mosquitto_path() -> str | None:
    """Return mosquitto's path, or None when it is not installed."""
    return shutil.which(MOSQUITTO) or next(
        (str(path) for path in (Path("/usr/sbin/mosquitto"),) if path.exists()), None
    )


def _free_port(host: str) -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        port: int = probe.getsockname()[1]
        return port


def _pem(certificate: x509.Certificate) -> str:
    return certificate.public_bytes(serialization.Encoding.PEM).decode("ascii")


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


class CertificateAuthority:
    """Signs the broker's own certificate and the clients' CSRs; keeps the revocation list."""

    def __init__(self, host: str) -> None:
        """Make a fresh CA key and root certificate, and a server certificate for `host`."""
        now = datetime.now(UTC)
        self.key = ec.generate_private_key(ec.SECP256R1())
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ThinQ Voice simulator CA")])
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self.key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .add_extension(
                x509.KeyUsage(
                    digital_signature=True,
                    content_commitment=False,
                    key_encipherment=False,
                    data_encipherment=False,
                    key_agreement=False,
                    key_cert_sign=True,
                    crl_sign=True,
                    encipher_only=False,
                    decipher_only=False,
                ),
                critical=True,
            )
            .sign(self.key, hashes.SHA256())
        )
        self.server_key = ec.generate_private_key(ec.SECP256R1())
        self.server_certificate = self._sign(
            self.server_key.public_key(),
            "localhost",
            timedelta(days=3650),
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(host))]
            ),
        )
        self.issued: list[x509.Certificate] = []
        self.revoked: set[int] = set()

    @property
    def pem(self) -> str:
        """Return the root certificate (what a client must trust to reach the broker)."""
        return _pem(self.certificate)

    def sign_csr(self, csr_text: str, lifetime_s: float) -> str:
        """Sign a CSR (PEM, or LG's PEM body without BEGIN/END lines); returns the certificate PEM.

        Raises:
            ValueError: the CSR cannot be read or its signature is wrong.
        """
        text = csr_text.strip()
        if "BEGIN" not in text:
            body = "\n".join(text[i : i + 64] for i in range(0, len(text), 64))
            text = f"-----BEGIN CERTIFICATE REQUEST-----\n{body}\n-----END CERTIFICATE REQUEST-----\n"
        csr = x509.load_pem_x509_csr(text.encode("ascii"))
        if not csr.is_signature_valid:
            raise ValueError("the CSR's signature is wrong")
        certificate = self._sign(csr.public_key(), "lg_thinq", timedelta(seconds=lifetime_s))
        self.issued.append(certificate)
        return _pem(certificate)

    def sign_key(self, public_key: Any, name: str) -> str:
        """Sign a key of the simulator's own (the publisher's)."""
        return _pem(self._sign(public_key, name, timedelta(days=3650)))

    def revoke_all(self) -> int:
        """Revoke every client certificate issued so far; returns how many."""
        serials = {certificate.serial_number for certificate in self.issued}
        added = len(serials - self.revoked)
        self.revoked |= serials
        return added

    def crl_pem(self) -> str:
        """Return the revocation list, signed by the CA."""
        now = datetime.now(UTC)
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.certificate.subject)
            .last_update(now - timedelta(minutes=5))
            .next_update(now + timedelta(days=30))
        )
        for serial in sorted(self.revoked):
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder().serial_number(serial).revocation_date(now).build()
            )
        return (
            builder.sign(self.key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM).decode("ascii")
        )

    def _sign(
        self,
        public_key: Any,
        common_name: str,
        lifetime: timedelta,
        extension: x509.ExtensionType | None = None,
    ) -> x509.Certificate:
        now = datetime.now(UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
            .issuer_name(self.certificate.subject)
            .public_key(public_key)
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(minutes=5))
            .not_valid_after(now + lifetime)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(public_key), critical=False)
            .add_extension(
                x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False
            )
        )
        if extension is not None:
            builder = builder.add_extension(extension, critical=False)
        return builder.sign(self.key, hashes.SHA256())


class StallableRelay:
    """A TCP relay in front of the broker; while stalled it keeps sockets open and passes nothing."""

    def __init__(self, host: str, upstream_port: int) -> None:
        """Relay connections on a port of `host` to `upstream_port`."""
        self.host = host
        self.upstream_port = upstream_port
        self.port = 0
        self.stalled = False
        self._resumed = asyncio.Event()
        self._resumed.set()
        self._server: asyncio.Server | None = None
        self._writers: set[asyncio.StreamWriter] = set()

    async def start(self) -> int:
        """Listen; returns the port clients use."""
        self._server = await asyncio.start_server(self._relay, self.host, 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self.port

    def stall(self, stalled: bool) -> None:
        """Stop (or resume) passing bytes, without closing anything."""
        self.stalled = stalled
        if stalled:
            self._resumed.clear()
        else:
            self._resumed.set()

    def drop_all(self) -> None:
        """Close every relayed connection (the broker went away)."""
        for writer in list(self._writers):
            writer.close()

    async def stop(self) -> None:
        """Stop listening and close every connection."""
        self.stall(False)
        self.drop_all()
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _relay(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            up_reader, up_writer = await asyncio.open_connection(self.host, self.upstream_port)
        except OSError:
            writer.close()
            return
        self._writers |= {writer, up_writer}
        try:
            await asyncio.gather(self._pipe(reader, up_writer), self._pipe(up_reader, writer))
        finally:
            self._writers -= {writer, up_writer}
            for end in (writer, up_writer):
                end.close()

    async def _pipe(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while data := await reader.read(_CHUNK):
                await self._resumed.wait()
                writer.write(data)
                await writer.drain()
        except OSError:
            pass
        finally:
            writer.close()


@dataclass(slots=True)
class PushFaults:
    """What goes wrong on the push channel."""

    malformed: bool = False  # a broken message before every real one
    duplicated: bool = False  # every message twice
    out_of_order: bool = False  # messages in swapped pairs
    certificate_lifetime_s: float = DEFAULT_CERTIFICATE_LIFETIME_S
    _held: dict[str, Any] | None = field(default=None, repr=False)

    def as_dict(self) -> dict[str, Any]:
        """JSON view for the admin API."""
        return {
            "mqtt_malformed": self.malformed,
            "mqtt_duplicated": self.duplicated,
            "mqtt_out_of_order": self.out_of_order,
            "certificate_lifetime_s": self.certificate_lifetime_s,
        }


class PushBroker:
    """mosquitto, its CA, the relay and the simulator's own publishing connection."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        """Prepare; `start` makes the CA and runs mosquitto."""
        self.host = host
        self.faults = PushFaults()
        self.clients: set[str] = set()
        self.published = 0
        self.dropped = 0
        self._ca: CertificateAuthority | None = None
        self._dir: Path | None = None
        self._process: asyncio.subprocess.Process | None = None
        self._relay: StallableRelay | None = None
        self._broker_port = 0
        self._queue: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self._publisher: asyncio.Task[None] | None = None
        self._connected = asyncio.Event()

    @property
    def ca(self) -> CertificateAuthority:
        """Return the certificate authority (after `start`)."""
        if self._ca is None:
            raise RuntimeError("the broker is not started")
        return self._ca

    @property
    def address(self) -> str:
        """Return the `mqttServer` LG's route names."""
        return f"mqtts://{self.host}:{self._relay.port if self._relay else 0}"

    @property
    def running(self) -> bool:
        """Return whether mosquitto runs."""
        return self._process is not None and self._process.returncode is None

    async def start(self) -> str:
        """Make the CA, start mosquitto and the relay; returns the `mqttServer` address.

        Raises:
            RuntimeError: mosquitto is not installed or does not start.
        """
        if mosquitto_path() is None:
            raise RuntimeError("mosquitto is not installed (scripts/setup installs it)")
        loop = asyncio.get_running_loop()
        self._ca = await loop.run_in_executor(None, CertificateAuthority, self.host)
        self._dir = Path(tempfile.mkdtemp(prefix="thinq-voice-broker-"))
        self._broker_port = _free_port(self.host)
        self._write_files()
        self._relay = StallableRelay(self.host, self._broker_port)
        await self._relay.start()
        await self.start_broker()
        return self.address

    async def stop(self) -> None:
        """Stop everything and remove the broker's files."""
        await self.stop_broker()
        if self._relay is not None:
            await self._relay.stop()
            self._relay = None
        if self._dir is not None:
            shutil.rmtree(self._dir, ignore_errors=True)
            self._dir = None

    async def start_broker(self) -> None:
        """Start mosquitto (again) and wait until it listens."""
        if self.running:
            return
        assert self._dir is not None
        path = mosquitto_path()
        assert path is not None
        self._process = await asyncio.create_subprocess_exec(
            path,
            "-c",
            str(self._dir / "mosquitto.conf"),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        for _ in range(100):
            try:
                _, writer = await asyncio.open_connection(self.host, self._broker_port)
            except OSError:
                if self._process.returncode is not None:
                    raise RuntimeError("mosquitto did not start") from None
                await asyncio.sleep(0.05)
                continue
            writer.close()
            self._publisher = asyncio.get_running_loop().create_task(self._publish_forever())
            return
        raise RuntimeError("mosquitto does not listen")

    async def stop_broker(self) -> None:
        """Stop mosquitto; connected clients lose their connection and their session."""
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            process.terminate()
            await process.wait()
        # The publisher goes with the broker (it has no goodbye left to wait for) and comes back with it.
        if self._publisher is not None:
            self._publisher.cancel()
            await asyncio.gather(self._publisher, return_exceptions=True)
            self._publisher = None
        if self._relay is not None:
            self._relay.drop_all()
        self._connected.clear()

    async def restart_broker(self) -> None:
        """Stop mosquitto and start it again."""
        await self.stop_broker()
        await self.start_broker()

    def stall(self, stalled: bool) -> None:
        """Hold (or release) every byte between clients and the broker."""
        if self._relay is not None:
            self._relay.stall(stalled)

    @property
    def stalled(self) -> bool:
        """Return whether the channel is stalled."""
        return self._relay is not None and self._relay.stalled

    async def revoke_certificates(self) -> int:
        """Revoke every client certificate issued so far; the broker restarts to read the list."""
        count = self.ca.revoke_all()
        self._write_files()
        await self.restart_broker()
        return count

    def issue(self, client_id: str, csr: str) -> str:
        """Sign a client's CSR and remember the client as a receiver of messages."""
        certificate = self.ca.sign_csr(csr, self.faults.certificate_lifetime_s)
        self.clients.add(client_id)
        return certificate

    def publish(self, message: dict[str, Any]) -> None:
        """Publish one LG message to every client, with the faults in force (lost while stopped)."""
        if not self.clients:
            return
        if not self.running:
            self.dropped += 1
            return
        stamped = {**message, "timestamp": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")}
        payloads = [json.dumps(stamped, ensure_ascii=False).encode()]
        if self.faults.out_of_order:
            held, self.faults._held = self.faults._held, stamped  # noqa: SLF001
            if held is None:
                return
            payloads.append(json.dumps(held, ensure_ascii=False).encode())
        if self.faults.duplicated:
            payloads = [payload for payload in payloads for _ in range(2)]
        if self.faults.malformed:
            payloads = [broken for payload in payloads for broken in (payload[: len(payload) // 2], payload)]
        for client_id in self.clients:
            for payload in payloads:
                self._queue.put_nowait((topic_for(client_id), payload))

    def storm(self, messages: list[dict[str, Any]], count: int = STORM_MESSAGES) -> None:
        """Publish `count` messages at once, cycling through `messages` (repeats of the current state)."""
        for index in range(count):
            self.publish({**messages[index % len(messages)], "storm": index})

    def _write_files(self) -> None:
        assert self._dir is not None and self._ca is not None
        ca = self._ca
        files = {
            "ca.pem": ca.pem,
            "server.pem": _pem(ca.server_certificate),
            "server.key": _key_pem(ca.server_key).decode("ascii"),
            "crl.pem": ca.crl_pem(),
        }
        for name, text in files.items():
            (self._dir / name).write_text(text, encoding="ascii")
        (self._dir / "mosquitto.conf").write_text(
            "\n".join(
                [
                    "persistence false",
                    "log_dest none",
                    "user root" if _running_as_root() else "",
                    f"listener {self._broker_port} {self.host}",
                    f"cafile {self._dir / 'ca.pem'}",
                    f"certfile {self._dir / 'server.pem'}",
                    f"keyfile {self._dir / 'server.key'}",
                    f"crlfile {self._dir / 'crl.pem'}",
                    "require_certificate true",
                    "use_identity_as_username true",
                    "",
                ]
            ),
            encoding="ascii",
        )

    async def _publish_forever(self) -> None:
        while True:
            try:
                await self._publish_connected()
            except aiomqtt.MqttError as err:
                _reraise_cancellation()
                _LOGGER.debug("The simulator's publisher lost the broker: %s", err)
            self._connected.clear()
            await asyncio.sleep(0.1)

    async def _publish_connected(self) -> None:
        loop = asyncio.get_running_loop()
        context = await loop.run_in_executor(None, self._publisher_context)
        publisher = aiomqtt.Client(
            self.host, self._broker_port, identifier=PUBLISHER_ID, tls_context=context, timeout=5
        )
        try:
            async with publisher as client:
                self._connected.set()
                while True:
                    topic, payload = await self._queue.get()
                    await client.publish(topic, payload, qos=1)
                    self.published += 1
        finally:
            # A broker that went away can still fail this connection's futures later: take those errors.
            for future in (publisher._connected, publisher._disconnected):  # noqa: SLF001
                future.add_done_callback(lambda done: done.cancelled() or done.exception())

    def _publisher_context(self) -> ssl.SSLContext:
        assert self._dir is not None
        key = ec.generate_private_key(ec.SECP256R1())
        certificate = self.ca.sign_key(key.public_key(), PUBLISHER_ID)
        path = self._dir / "publisher.pem"
        path.write_bytes(_key_pem(key) + certificate.encode("ascii"))
        context = ssl.create_default_context(cadata=self.ca.pem)
        context.load_cert_chain(path)
        path.unlink()
        return context

    async def wait_publisher(self, timeout: float = 5.0) -> None:
        """Wait until the simulator can publish (tests, after a broker restart)."""
        async with asyncio.timeout(timeout):
            await self._connected.wait()


def _running_as_root() -> bool:
    # mosquitto started by root drops to its own user, which could not read our files.
    return hasattr(os, "geteuid") and os.geteuid() == 0


def _reraise_cancellation() -> None:
    """Cancel for real: aiomqtt's exit can turn a cancellation into an MqttError."""
    task = asyncio.current_task()
    if task is not None and task.cancelling():
        raise asyncio.CancelledError
