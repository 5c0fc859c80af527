"""The TV as a media player entity: power, volume, sources (apps and inputs), channels and playback."""

from typing import Any, override

from homeassistant.components.media_player import MediaPlayerEntity
from homeassistant.components.media_player.const import (
    MediaPlayerDeviceClass,
    MediaPlayerEntityFeature,
    MediaPlayerState,
    MediaType,
)
from homeassistant.exceptions import ServiceValidationError

from ..api import webos
from ..const import DOMAIN
from .coordinator import TvCoordinator
from .entity import TvEntity

# The app webOS runs while it shows broadcast TV.
LIVE_TV_APP = "com.webos.app.livetv"
_ALWAYS = (
    MediaPlayerEntityFeature.TURN_OFF
    | MediaPlayerEntityFeature.VOLUME_SET
    | MediaPlayerEntityFeature.VOLUME_STEP
    | MediaPlayerEntityFeature.VOLUME_MUTE
    | MediaPlayerEntityFeature.SELECT_SOURCE
    | MediaPlayerEntityFeature.PLAY_MEDIA
    | MediaPlayerEntityFeature.PLAY
    | MediaPlayerEntityFeature.PAUSE
    | MediaPlayerEntityFeature.NEXT_TRACK
    | MediaPlayerEntityFeature.PREVIOUS_TRACK
)


class TvMediaPlayer(TvEntity, MediaPlayerEntity):
    """An LG webOS TV; off whenever its socket is down, since a TV in standby does not answer."""

    _attr_name = None
    _attr_device_class = MediaPlayerDeviceClass.TV

    def __init__(self, coordinator: TvCoordinator) -> None:
        """Offer turning on only where Wake-on-LAN can do it."""
        super().__init__(coordinator, None)
        self._attr_supported_features = _ALWAYS | (
            MediaPlayerEntityFeature.TURN_ON if coordinator.mac else MediaPlayerEntityFeature(0)
        )

    @property
    @override
    def state(self) -> MediaPlayerState:
        """Return on while the TV answers, off otherwise."""
        return MediaPlayerState.ON if self.coordinator.is_on else MediaPlayerState.OFF

    @property
    @override
    def volume_level(self) -> float | None:
        """Return the volume from 0 to 1."""
        volume = self.coordinator.data.volume
        return None if volume is None else volume / 100

    @property
    @override
    def is_volume_muted(self) -> bool | None:
        """Return whether the TV is muted."""
        return self.coordinator.data.muted

    @property
    @override
    def source_list(self) -> list[str]:
        """Return the inputs, then the apps, by the names the TV gives them."""
        state = self.coordinator.data
        inputs = list(state.inputs.values())
        return inputs + [title for app_id, title in state.apps.items() if app_id not in state.input_apps]

    @property
    @override
    def source(self) -> str | None:
        """Return the input or app in the foreground."""
        state = self.coordinator.data
        if state.app_id in state.input_apps:
            return state.inputs.get(state.input_apps[state.app_id])
        return state.apps.get(state.app_id or "")

    @property
    @override
    def media_content_type(self) -> MediaType | None:
        """Return channel while broadcast TV is on."""
        return MediaType.CHANNEL if self._on_live_tv else None

    @property
    @override
    def media_channel(self) -> str | None:
        """Return the channel number while broadcast TV is on."""
        channel = self.coordinator.data.channel
        return channel.number if channel and self._on_live_tv else None

    @property
    @override
    def media_title(self) -> str | None:
        """Return the channel name while broadcast TV is on."""
        channel = self.coordinator.data.channel
        return channel.name if channel and self._on_live_tv else None

    @property
    def _on_live_tv(self) -> bool:
        return self.coordinator.data.app_id == LIVE_TV_APP

    @override
    async def async_turn_on(self) -> None:
        """Wake the TV over the LAN."""
        await self.coordinator.async_wake()

    @override
    async def async_turn_off(self) -> None:
        """Put the TV in standby."""
        await self.coordinator.async_turn_off()

    @override
    async def async_toggle(self) -> None:
        """Toggle from where the TV is headed: right after "turn off" it still answers, but toggling wakes it."""
        if self.coordinator.headed_on:
            await self.async_turn_off()
        else:
            await self.async_turn_on()

    @override
    async def async_set_volume_level(self, volume: float) -> None:
        """Set the volume (0 to 1)."""
        await self.coordinator.async_request(webos.SET_VOLUME, {"volume": round(volume * 100)})

    @override
    async def async_volume_up(self) -> None:
        """Turn the volume up one step."""
        await self.coordinator.async_request(webos.VOLUME_UP)

    @override
    async def async_volume_down(self) -> None:
        """Turn the volume down one step."""
        await self.coordinator.async_request(webos.VOLUME_DOWN)

    @override
    async def async_mute_volume(self, mute: bool) -> None:
        """Mute or unmute."""
        await self.coordinator.async_request(webos.SET_MUTE, {"mute": mute})

    @override
    async def async_select_source(self, source: str) -> None:
        """Switch to an input or launch an app, by the name in the source list."""
        state = self.coordinator.data
        if input_id := next((key for key, label in state.inputs.items() if label == source), None):
            await self.coordinator.async_request(webos.SWITCH_INPUT, {"inputId": input_id})
            return
        if app_id := next((key for key, title in state.apps.items() if title == source), None):
            await self.coordinator.async_request(webos.LAUNCH, {"id": app_id})
            return
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="tv_unknown_source",
            translation_placeholders={"source": source},
        )

    @override
    async def async_play_media(self, media_type: MediaType | str, media_id: str, **kwargs: Any) -> None:
        """Tune to a channel by number, or launch an app by id."""
        if media_type == MediaType.CHANNEL:
            await self.coordinator.async_request(webos.OPEN_CHANNEL, {"channelNumber": str(media_id)})
        elif media_type == MediaType.APP:
            await self.coordinator.async_request(webos.LAUNCH, {"id": media_id})
        else:
            raise ServiceValidationError(
                translation_domain=DOMAIN,
                translation_key="tv_media_type",
                translation_placeholders={"media_type": str(media_type)},
            )

    @override
    async def async_media_play(self) -> None:
        """Resume playback."""
        await self.coordinator.async_request(webos.PLAY)

    @override
    async def async_media_pause(self) -> None:
        """Pause playback."""
        await self.coordinator.async_request(webos.PAUSE)

    @override
    async def async_media_next_track(self) -> None:
        """Next channel, as the remote's P+ does."""
        await self.coordinator.async_request(webos.CHANNEL_UP)

    @override
    async def async_media_previous_track(self) -> None:
        """Previous channel."""
        await self.coordinator.async_request(webos.CHANNEL_DOWN)
