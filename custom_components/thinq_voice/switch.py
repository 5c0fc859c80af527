"""Switches: writable booleans and on/off enums (power save, express freeze, mood lamp...)."""

from typing import Any, override

from homeassistant.components.switch import SwitchEntity, SwitchEntityDescription
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import JsonValue, PropertySpec
from .coordinator import Appliance, ThinQVoiceCoordinator
from .entity import HeadingToggle, ThinQVoicePropertyEntity, async_add_appliance_entities
from .entry_kinds import AnyConfigEntry, is_tv_entry
from .properties import PROPERTY_KEYS, generic_specs, is_on_off_pair
from .sent_controls import same_value
from .tv.switch import TvScreenSwitch

PARALLEL_UPDATES = 1


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AnyConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the TV's screen switch, or the switches of every appliance, now and as appliances join."""
    if is_tv_entry(entry):
        async_add_entities([TvScreenSwitch(entry.runtime_data)])
        return

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceSwitch]:
        return [
            ThinQVoiceSwitch(coordinator, appliance, spec)
            for spec in generic_specs(appliance.profile, Platform.SWITCH)
        ]

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceSwitch(HeadingToggle, ThinQVoicePropertyEntity, SwitchEntity):
    """A writable boolean, or an enum with an on and an off value."""

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, spec: PropertySpec) -> None:
        """Work out which values mean on and off."""
        key = PROPERTY_KEYS[(spec.key.resource, spec.key.name)]
        super().__init__(coordinator, appliance, spec, key)
        self.entity_description = SwitchEntityDescription(key=key)
        pair = is_on_off_pair(spec.write_values) if isinstance(spec.write_values, tuple) else None
        self._on: JsonValue = pair[0] if pair else True
        self._off: JsonValue = pair[1] if pair else False

    @property
    @override
    def is_on(self) -> bool | None:
        """Return whether the property holds its on value."""
        value = self.property_value
        return None if value is None else value == self._on

    @override
    async def async_turn_on(self, **kwargs: Any) -> None:
        """Write the on value."""
        await self.async_send_value(self._on)

    @override
    def _headed_on(self) -> bool:
        key = self.spec.key
        return same_value(self.heading_to(key.resource, key.name, key.location), self._on)

    @override
    async def async_turn_off(self, **kwargs: Any) -> None:
        """Write the off value."""
        await self.async_send_value(self._off)
