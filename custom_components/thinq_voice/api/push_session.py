"""What the push channel keeps: what LG holds for its client (kept between restarts), and its health.

Setting push up costs the route, the client registration, a certificate and two subscriptions
per appliance: a third of LG's hourly requests for a home of twelve. LG keeps all of it beyond
our process (the certificate until it expires, event subscriptions for their hours, the rest until
unsubscribed), so the caller stores a `PushSession` and hands it back after a restart: push then
comes back without a request.

The certificate's private key is part of the stored form (`as_json`) and of nothing else: it is
never in a representation, a log line, diagnostics or an error.
"""

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
import os
from pathlib import Path
import ssl
import tempfile
from typing import Any
from urllib.parse import urlsplit

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from .errors import ThinQInvalidResponseError
from .models import JsonValue

DEFAULT_MQTT_PORT = 8883
# A certificate is renewed once this share of its life has passed.
CERTIFICATE_RENEW_SHARE = 0.8
_KEY_SIZE = 2048


class PushState(StrEnum):
    """Where the push channel is."""

    STOPPED = "stopped"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"


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
class PushSession:
    """What LG holds for this client; empty for a client LG has not seen yet.

    `events_until`: when each appliance's state-report subscription ends. `push_devices`: the
    appliances whose notification codes this client receives.
    """

    mqtt_server: str | None = None
    registered: bool = False
    device_list_subscribed: bool = False
    credentials: PushCredentials | None = None
    server_ca: str | None = field(default=None, repr=False)
    events_until: dict[str, datetime] = field(default_factory=dict)
    push_devices: set[str] = field(default_factory=set)

    @property
    def restorable(self) -> bool:
        """Return whether push can come back from this session without a request."""
        return self.mqtt_server is not None and self.registered and self.credentials is not None

    def as_json(self) -> dict[str, JsonValue]:
        """Return the stored form (it holds the private key: storage only, never a log)."""
        credentials = self.credentials
        return {
            "mqtt_server": self.mqtt_server,
            "registered": self.registered,
            "device_list_subscribed": self.device_list_subscribed,
            "credentials": None
            if credentials is None
            else {
                "certificate_pem": credentials.certificate_pem,
                "private_key_pem": credentials.private_key_pem.decode("ascii"),
                "topic": credentials.topic,
                "issued_at": credentials.issued_at.isoformat(),
                "expires_at": credentials.expires_at.isoformat(),
            },
            "server_ca": self.server_ca,
            "events_until": {device_id: until.isoformat() for device_id, until in self.events_until.items()},
            "push_devices": list[JsonValue](sorted(self.push_devices)),
        }

    @classmethod
    def from_json(cls, data: object) -> PushSession:
        """Read the stored form; what is damaged is left out (push then sets that part up again)."""
        if not isinstance(data, dict):
            return cls()
        server, ca = data.get("mqtt_server"), data.get("server_ca")
        events = data.get("events_until")
        pushed = data.get("push_devices")
        return cls(
            mqtt_server=server if isinstance(server, str) else None,
            registered=data.get("registered") is True,
            device_list_subscribed=data.get("device_list_subscribed") is True,
            credentials=_credentials(data.get("credentials")),
            server_ca=ca if isinstance(ca, str) else None,
            events_until={
                device_id: until
                for device_id, text in (events.items() if isinstance(events, dict) else ())
                if isinstance(device_id, str) and (until := _aware_time(text)) is not None
            },
            push_devices={d for d in pushed if isinstance(d, str)} if isinstance(pushed, list) else set(),
        )


def _credentials(data: Any) -> PushCredentials | None:
    if not isinstance(data, dict):
        return None
    certificate, key, topic = data.get("certificate_pem"), data.get("private_key_pem"), data.get("topic")
    issued, expires = _aware_time(data.get("issued_at")), _aware_time(data.get("expires_at"))
    if not (isinstance(certificate, str) and isinstance(key, str) and isinstance(topic, str)):
        return None
    if issued is None or expires is None:
        return None
    return PushCredentials(certificate, key.encode("ascii"), topic, issued, expires)


def _aware_time(text: object) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


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
