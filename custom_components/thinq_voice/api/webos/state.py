"""What a TV is and what it is doing, read from its answers and subscription updates."""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final

from .const import (
    GET_CURRENT_CHANNEL,
    GET_FOREGROUND_APP,
    GET_INPUTS,
    GET_POWER_STATE,
    GET_VOLUME,
    LIST_LAUNCH_POINTS,
    JsonObject,
)


@dataclass(slots=True, frozen=True)
class Channel:
    """A broadcast channel."""

    channel_id: str
    number: str
    name: str


@dataclass(slots=True)
class TvState:
    """What the subscriptions say about the TV; `None` until the TV has told."""

    power: str | None = None
    volume: int | None = None
    muted: bool | None = None
    app_id: str | None = None
    channel: Channel | None = None
    apps: dict[str, str] = field(default_factory=dict)
    inputs: dict[str, str] = field(default_factory=dict)
    input_apps: dict[str, str] = field(default_factory=dict)

    @property
    def screen_on(self) -> bool:
        """Return whether the picture shows (the TV can run with the screen off)."""
        return self.power == "Active"


@dataclass(slots=True, frozen=True)
class TvInfo:
    """What the TV says about itself when we connect."""

    uuid: str
    model_name: str
    mac: str | None
    software_version: str | None


def read_info(host: str, hello: JsonObject, system: JsonObject, software: JsonObject) -> TvInfo:
    """Return what the TV is, from its hello and its system and software answers."""
    return TvInfo(
        uuid=str(hello.get("deviceUUID") or software.get("device_id") or host),
        model_name=str(system.get("modelName", "webOS TV")),
        mac=software.get("device_id"),
        software_version=software.get("product_name"),
    )


# Each updates the state from one subscription's payload, and says whether to tell listeners.
type StateUpdate = Callable[[TvState, JsonObject], bool]


def _power(state: TvState, payload: JsonObject) -> bool:
    state.power = payload.get("state", state.power)
    return True


def _volume(state: TvState, payload: JsonObject) -> bool:
    # Newer webOS nests the values in volumeStatus; older ones send them flat.
    status = payload.get("volumeStatus", payload)
    if "volume" in status:
        state.volume = int(status["volume"])
    muted = status.get("muteStatus", status.get("mute"))
    if muted is not None:
        state.muted = bool(muted)
    return True


def _app(state: TvState, payload: JsonObject) -> bool:
    state.app_id = payload.get("appId") or None
    return True


def _channel(state: TvState, payload: JsonObject) -> bool:
    if payload.get("channelId"):
        state.channel = Channel(
            str(payload["channelId"]),
            str(payload.get("channelNumber", "")),
            str(payload.get("channelName", "")),
        )
    return True


def _apps(state: TvState, payload: JsonObject) -> bool:
    if "launchPoints" not in payload:
        return False
    state.apps = {str(app["id"]): str(app.get("title", app["id"])) for app in payload["launchPoints"]}
    return True


def _inputs(state: TvState, payload: JsonObject) -> bool:
    if "devices" not in payload:
        return False
    devices = payload["devices"]
    state.inputs = {str(item["id"]): str(item.get("label", item["id"])) for item in devices}
    state.input_apps = {str(item["appId"]): str(item["id"]) for item in devices if "appId" in item}
    return True


# The subscriptions that keep the state current, in the order they are made.
STATE_UPDATES: Final[dict[str, StateUpdate]] = {
    GET_POWER_STATE: _power,
    GET_VOLUME: _volume,
    GET_FOREGROUND_APP: _app,
    GET_CURRENT_CHANNEL: _channel,
    LIST_LAUNCH_POINTS: _apps,
    GET_INPUTS: _inputs,
}
