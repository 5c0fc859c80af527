"""Binary sensors: doors, remote control and other read-only yes/no properties."""

from dataclasses import dataclass
from typing import override

from homeassistant.components.binary_sensor import BinarySensorEntity, BinarySensorEntityDescription
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.const import EntityCategory, Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import PropertySpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoicePropertyEntity, async_add_appliance_entities
from .properties import PROPERTY_KEYS, generic_specs

PARALLEL_UPDATES = 0


@dataclass(kw_only=True, frozen=True)
class ThinQVoiceBinarySensorEntityDescription(BinarySensorEntityDescription):
    """How a property is shown as a binary sensor; `on_values` are the values meaning on."""

    on_values: frozenset[object] = frozenset({True})


BINARY_SENSORS: dict[str, ThinQVoiceBinarySensorEntityDescription] = {
    description.key: description
    for description in (
        ThinQVoiceBinarySensorEntityDescription(
            key="door", device_class=BinarySensorDeviceClass.DOOR, on_values=frozenset({"OPEN"})
        ),
        ThinQVoiceBinarySensorEntityDescription(
            key="remote_control", entity_category=EntityCategory.DIAGNOSTIC
        ),
        ThinQVoiceBinarySensorEntityDescription(
            key="rinse_refill", device_class=BinarySensorDeviceClass.PROBLEM
        ),
    )
}


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the binary sensors of every appliance, now and as appliances join."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceBinarySensor]:
        entities = []
        for spec in generic_specs(appliance.profile, Platform.BINARY_SENSOR):
            key = PROPERTY_KEYS[(spec.key.resource, spec.key.name)]
            description = BINARY_SENSORS.get(key, ThinQVoiceBinarySensorEntityDescription(key=key))
            entities.append(ThinQVoiceBinarySensor(coordinator, appliance, spec, description))
        return entities

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceBinarySensor(ThinQVoicePropertyEntity, BinarySensorEntity):
    """A read-only yes/no property."""

    entity_description: ThinQVoiceBinarySensorEntityDescription

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        spec: PropertySpec,
        description: ThinQVoiceBinarySensorEntityDescription,
    ) -> None:
        """Describe the binary sensor from its property."""
        super().__init__(coordinator, appliance, spec, description.key)
        self.entity_description = description

    @property
    @override
    def is_on(self) -> bool | None:
        """Return whether the property has an "on" value; None when the state lacks it."""
        value = self.property_value
        if value is None:
            return None
        return value in self.entity_description.on_values
