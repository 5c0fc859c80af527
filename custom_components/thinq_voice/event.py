"""Events: an appliance's notifications (run complete, errors, filter and water alerts).

They come from run-state changes the coordinator sees and, with MQTT push, from LG's push codes
directly; both arrive through the same dispatcher signal.
"""

from typing import override

from homeassistant.components.event import EventEntity
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoiceEntity, async_add_appliance_entities
from .notifications import completion_code, error_code, signal_notification
from .properties import RUN_STATE

PARALLEL_UPDATES = 0


def event_types(appliance: Appliance) -> list[str]:
    """Return the notifications an appliance can send: its push codes and what its run state tells."""
    profile = appliance.profile
    codes = list(profile.push_codes)
    if any((key.resource, key.name) == RUN_STATE for key in profile.properties):
        codes.extend(code for code in (completion_code(profile), error_code(profile)) if code not in codes)
    return [code.lower() for code in codes]


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a notification event entity to every appliance that has notifications."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceNotificationEvent]:
        types = event_types(appliance)
        return [ThinQVoiceNotificationEvent(coordinator, appliance, types)] if types else []

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceNotificationEvent(ThinQVoiceEntity, EventEntity):
    """Fires when the appliance finishes, fails or needs attention."""

    _attr_translation_key = "notification"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, types: list[str]) -> None:
        """List the notifications this appliance can send."""
        super().__init__(coordinator, appliance.info.device_id, "notification")
        self._attr_event_types = types

    @override
    async def async_added_to_hass(self) -> None:
        """Listen for the entry's notifications."""
        await super().async_added_to_hass()
        self.async_on_remove(
            async_dispatcher_connect(
                self.hass, signal_notification(self.coordinator.config_entry.entry_id), self._notified
            )
        )

    @callback
    def _notified(self, device_id: str, code: str, location: str | None) -> None:
        event_type = code.lower()
        if device_id != self.device_id or event_type not in self.event_types:
            return
        self._trigger_event(event_type, {"location": location.lower()} if location else None)
        self.async_write_ha_state()
