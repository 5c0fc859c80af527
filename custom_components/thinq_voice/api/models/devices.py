"""The entries of `GET /devices` and the servers of `GET /route`."""

from dataclasses import dataclass

from ..const import DeviceType
from ..errors import ThinQInvalidResponseError
from .payload import str_or_none


@dataclass(frozen=True, slots=True)
class DeviceInfo:
    """One entry of `GET /devices`; `alias` falls back to the device id when LG sends none."""

    device_id: str
    device_type: str
    alias: str
    model_name: str | None = None
    reportable: bool | None = None
    group_id: str | None = None

    @property
    def known_type(self) -> DeviceType | None:
        """The device type as a `DeviceType`, or None for a type LG added later."""
        try:
            return DeviceType(self.device_type)
        except ValueError:
            return None

    @classmethod
    def from_json(cls, data: object) -> DeviceInfo:
        """Read one device entry.

        Raises:
            ThinQInvalidResponseError: the entry has no device id.
        """
        if not isinstance(data, dict) or not isinstance(device_id := data.get("deviceId"), str):
            raise ThinQInvalidResponseError("Device entry has no deviceId")
        info = data.get("deviceInfo")
        if not isinstance(info, dict):
            info = {}
        reportable = info.get("reportable")
        return cls(
            device_id=device_id,
            device_type=str_or_none(info.get("deviceType")) or "",
            model_name=str_or_none(info.get("modelName")),
            alias=str_or_none(info.get("alias")) or device_id,
            reportable=reportable if isinstance(reportable, bool) else None,
            group_id=str_or_none(info.get("groupId")),
        )


@dataclass(frozen=True, slots=True)
class Route:
    """The servers returned by `GET /route`."""

    api_server: str | None
    mqtt_server: str | None
    websocket_server: str | None

    @classmethod
    def from_json(cls, data: object) -> Route:
        """Read a route response.

        Raises:
            ThinQInvalidResponseError: the payload is not an object.
        """
        if not isinstance(data, dict):
            raise ThinQInvalidResponseError("Route response is not an object")
        return cls(
            api_server=str_or_none(data.get("apiServer")),
            mqtt_server=str_or_none(data.get("mqttServer")),
            websocket_server=str_or_none(data.get("webSocketServer")),
        )


def parse_devices(data: object) -> list[DeviceInfo]:
    """Read the `response` of `GET /devices`.

    Raises:
        ThinQInvalidResponseError: the payload is not a list of device entries.
    """
    if not isinstance(data, list):
        raise ThinQInvalidResponseError("Device list is not a list")
    return [DeviceInfo.from_json(entry) for entry in data]
