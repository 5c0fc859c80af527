"""Push and event messages from LG's MQTT broker."""

from dataclasses import dataclass
from enum import StrEnum
import json

from ..errors import ThinQInvalidResponseError
from .payload import str_or_none
from .state import DeviceState


class PushType(StrEnum):
    """The `pushType` values of MQTT messages."""

    DEVICE_STATUS = "DEVICE_STATUS"
    DEVICE_PUSH = "DEVICE_PUSH"
    DEVICE_REGISTERED = "DEVICE_REGISTERED"
    DEVICE_UNREGISTERED = "DEVICE_UNREGISTERED"
    DEVICE_ALIAS_CHANGED = "DEVICE_ALIAS_CHANGED"


@dataclass(frozen=True, slots=True)
class ThinQMessage:
    """A push or event message from LG's MQTT broker, in either of its two shapes.

    The broker sends a flat object (`{"pushType", "deviceId", "report", ...}`); LG's spec examples
    wrap the same object in `{"messageId", "timestamp", "event" | "push": {...}}`.
    """

    push_type: str
    device_id: str
    device_type: str | None = None
    report: DeviceState | None = None
    push_code: str | None = None
    alias: str | None = None
    model_name: str | None = None
    service_id: str | None = None
    user_number: str | None = None
    user_list: tuple[str, ...] = ()
    message_id: str | None = None
    timestamp: str | None = None

    @classmethod
    def from_json(cls, data: object) -> ThinQMessage:
        """Read a message from a decoded JSON value, a JSON string or bytes.

        Raises:
            ThinQInvalidResponseError: the message is not JSON or has neither shape.
        """
        if isinstance(data, str | bytes | bytearray):
            try:
                data = json.loads(data)
            except ValueError:
                raise ThinQInvalidResponseError("Message is not JSON") from None
        if not isinstance(data, dict):
            raise ThinQInvalidResponseError("Message is not a JSON object")
        body = data
        for wrapper in ("event", "push"):
            if isinstance(data.get(wrapper), dict):
                body = data[wrapper]
                break
        push_type = body.get("pushType")
        device_id = body.get("deviceId")
        if not isinstance(push_type, str) or not isinstance(device_id, str):
            raise ThinQInvalidResponseError("Message has no pushType or deviceId")
        report = body.get("report")
        user_list = body.get("userList")
        return cls(
            push_type=push_type,
            device_id=device_id,
            device_type=str_or_none(body.get("deviceType")),
            report=None if report is None else DeviceState.from_json(report),
            push_code=str_or_none(body.get("pushCode")),
            alias=str_or_none(body.get("alias")),
            model_name=str_or_none(body.get("modelName")),
            service_id=str_or_none(body.get("serviceId")),
            user_number=str_or_none(body.get("userNumber")),
            user_list=tuple(u for u in user_list if isinstance(u, str))
            if isinstance(user_list, list)
            else (),
            message_id=str_or_none(data.get("messageId")),
            timestamp=str_or_none(data.get("timestamp")),
        )
