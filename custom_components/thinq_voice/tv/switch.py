"""The TV's screen as a switch."""

from typing import Any, override

from homeassistant.components.switch import SwitchEntity

from ..api import webos
from .coordinator import TvCoordinator
from .entity import TvEntity


class TvScreenSwitch(TvEntity, SwitchEntity):
    """The TV's picture: off keeps the sound playing (radio, music apps)."""

    _attr_translation_key = "screen"

    def __init__(self, coordinator: TvCoordinator) -> None:
        """Attach the switch to the TV."""
        super().__init__(coordinator, "screen")

    @property
    @override
    def available(self) -> bool:
        """Return whether the TV is on: the screen of a TV in standby cannot be switched."""
        return self.coordinator.client.connected

    @property
    @override
    def is_on(self) -> bool:
        """Return whether the picture shows."""
        return self.coordinator.data.screen_on

    @override
    async def async_turn_on(self, **kwargs: Any) -> None:
        """Show the picture."""
        await self.coordinator.async_request(webos.TURN_ON_SCREEN)

    @override
    async def async_turn_off(self, **kwargs: Any) -> None:
        """Hide the picture."""
        await self.coordinator.async_request(webos.TURN_OFF_SCREEN)
