"""Selects: writable enum properties (modes, courses, levels)."""

from typing import override

from homeassistant.components.select import SelectEntity, SelectEntityDescription
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import PropertySpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoicePropertyEntity, async_add_appliance_entities
from .properties import PROPERTY_KEYS, generic_specs

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the selects of every appliance, now and as appliances join."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceSelect]:
        return [
            ThinQVoiceSelect(coordinator, appliance, spec)
            for spec in generic_specs(appliance.profile, Platform.SELECT)
        ]

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceSelect(ThinQVoicePropertyEntity, SelectEntity):
    """A writable enum; the options are the values the profile allows to write, in lower case."""

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, spec: PropertySpec) -> None:
        """List the writable values as options."""
        key = PROPERTY_KEYS[(spec.key.resource, spec.key.name)]
        super().__init__(coordinator, appliance, spec, key)
        self.entity_description = SelectEntityDescription(key=key)
        values = spec.write_values if isinstance(spec.write_values, tuple) else ()
        # Values LG only reports (a humidifier's AUTO wind) are options too, so the state shows
        # them; choosing one gets LG's profile refusal, translated.
        readable = spec.read_values if isinstance(spec.read_values, tuple) else ()
        self._values = {str(value).lower(): value for value in (*values, *readable)}
        self._attr_options = list(self._values)

    @property
    @override
    def current_option(self) -> str | None:
        """Return the current value, or None when it is one the profile does not let us write."""
        value = self.property_value
        option = None if value is None else str(value).lower()
        return option if option in self._values else None

    @override
    async def async_select_option(self, option: str) -> None:
        """Write the chosen value."""
        await self.async_send_value(self._values[option])
