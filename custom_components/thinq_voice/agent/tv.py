"""A TV's voice commands through its media player: volume, mute, apps, channels."""

from ..voice.model import App, Command, Direction, Intent, Quantity
from .appliance_command import UNAVAILABLE, ApplianceCommand
from .speech import number_words
from .targets import name_key

# How an app's name reads in a TV's source list.
_APP_KEYS: dict[App, tuple[str, ...]] = {
    App.YOUTUBE: ("youtube",),
    App.NETFLIX: ("netflix",),
    App.DISNEY_PLUS: ("disney",),
    App.TVING: ("tving",),
    App.WAVVE: ("wavve",),
    App.COUPANG_PLAY: ("coupang",),
    App.WATCHA: ("watcha",),
    App.PRIME_VIDEO: ("primevideo", "amazon"),
}


async def async_tv(act: ApplianceCommand, player: str, command: Command) -> str:
    """Carry out a TV command through the media player's services."""
    amount = command.value.amount if isinstance(command.value, Quantity) else None
    match command.intent:
        case Intent.SET_VOLUME if command.direction is not None and amount is None:
            up = command.direction is Direction.UP
            await act.async_call("media_player", "volume_up" if up else "volume_down", player)
            return act.say("volume_up" if up else "volume_down")
        case Intent.SET_VOLUME if amount is not None:
            return await _set_volume(act, player, amount, command.delta)
        case Intent.MUTE:
            muted = command.value is not False
            await act.async_call("media_player", "volume_mute", player, is_volume_muted=muted)
            return act.say("muted" if muted else "unmuted")
        case Intent.LAUNCH_APP if isinstance(command.value, App):
            return await _launch(act, player, command.value)
        case Intent.SET_CHANNEL if amount is not None and command.direction is None:
            channel = number_words(amount)
            await act.async_call(
                "media_player",
                "play_media",
                player,
                media_content_type="channel",
                media_content_id=channel,
            )
            return act.say("channel_set", channel=channel)
        case Intent.SET_CHANNEL:
            up = command.direction is not Direction.DOWN
            await act.async_call("media_player", "media_next_track" if up else "media_previous_track", player)
            return act.say("channel_up" if up else "channel_down")
    raise act.refusal("unsupported")


async def _set_volume(act: ApplianceCommand, player: str, amount: float, delta: float | None) -> str:
    """Set the volume (0-100), or move it by `delta` from the volume the TV reports ("볼륨 5 올려줘")."""
    volume = amount
    if delta is not None:
        state = act.hass.states.get(player)
        current = state.attributes.get("volume_level") if state else None
        if current is None:
            raise act.refusal("unavailable", UNAVAILABLE)
        volume = round(float(current) * 100) + delta
    if not 0 <= volume <= 100:
        raise act.refusal("out_of_range", temperature=number_words(volume), minimum="0", maximum="100")
    await act.async_call("media_player", "volume_set", player, volume_level=volume / 100)
    return act.say("volume_set", volume=number_words(volume))


async def _launch(act: ApplianceCommand, player: str, app: App) -> str:
    """Open an app by picking it from the TV's sources."""
    spoken = act.speech.app(app)
    state = act.hass.states.get(player)
    sources = state.attributes.get("source_list") or [] if state else []
    source = next(
        (name for name in sources if any(key in name_key(str(name)) for key in _APP_KEYS[app])), None
    )
    if source is None:
        raise act.refusal("app_missing", app=spoken)
    await act.async_call("media_player", "select_source", player, source=source)
    return act.say("app_launched", app=spoken)
