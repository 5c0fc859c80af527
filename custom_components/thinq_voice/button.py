"""Buttons: remote start, stop, pause and power off, from write-only operation enums."""

from typing import override

from homeassistant.components.button import ButtonEntity
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import JsonScalar, PropertySpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoiceEntity, async_add_appliance_entities
from .properties import OPERATION_BUTTON_KEYS, generic_specs, naming

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add one button per operation command of every appliance, now and as appliances join."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceButton]:
        return [
            ThinQVoiceButton(coordinator, appliance, spec, command)
            for spec in generic_specs(appliance.profile, Platform.BUTTON)
            if isinstance(spec.write_values, tuple)
            for command in spec.write_values
            if isinstance(command, str)
        ]

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceButton(ThinQVoiceEntity, ButtonEntity):
    """Sends one operation command; the appliance may refuse it (remote control off, wrong state)."""

    def __init__(
        self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, spec: PropertySpec, command: str
    ) -> None:
        """Name the button after its command."""
        key = spec.key
        super().__init__(coordinator, appliance.info.device_id, key.resource, key.name, key.location, command)
        self.spec = spec
        self.command: JsonScalar = command
        prefix = OPERATION_BUTTON_KEYS[(spec.key.resource, spec.key.name)]
        named = naming(appliance.profile, f"{prefix}{command.lower()}", spec.key.location)
        self._attr_translation_key = named.translation_key
        self._attr_translation_placeholders = named.placeholders

    @override
    async def async_press(self) -> None:
        """Send the command."""
        key = self.spec.key
        await self.async_send(key.resource, key.name, self.command, key.location)
