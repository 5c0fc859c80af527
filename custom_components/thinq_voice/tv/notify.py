"""Toasts: short messages shown in a corner of the TV picture."""

from typing import override

from homeassistant.components.notify import NotifyEntity

from ..api import webos
from .coordinator import TvCoordinator
from .entity import TvEntity


class TvToast(TvEntity, NotifyEntity):
    """Shows a message as a toast on the TV."""

    _attr_translation_key = "toast"

    def __init__(self, coordinator: TvCoordinator) -> None:
        """Attach the notifier to the TV."""
        super().__init__(coordinator, "toast")

    @property
    @override
    def available(self) -> bool:
        """Return whether the TV is on to show it."""
        return self.coordinator.client.connected

    @override
    async def async_send_message(self, message: str, title: str | None = None) -> None:
        """Show the message; a title goes before it, as the toast has a single line."""
        text = f"{title}: {message}" if title else message
        await self.coordinator.async_request(webos.CREATE_TOAST, {"message": text})
