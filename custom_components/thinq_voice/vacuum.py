"""Vacuums: robot cleaners (start, pause, return to base, activity)."""

from typing import Any, override

from homeassistant.components.vacuum import StateVacuumEntity
from homeassistant.components.vacuum.const import VacuumActivity, VacuumEntityFeature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoiceEntity, async_add_appliance_entities
from .properties import RUN_STATE, VACUUM_OPERATION

PARALLEL_UPDATES = 1

ACTIVITIES = {
    "CHARGING": VacuumActivity.DOCKED,
    "WORKING": VacuumActivity.CLEANING,
    "MACROSECTOR": VacuumActivity.CLEANING,
    "HOMING": VacuumActivity.RETURNING,
    "PAUSE": VacuumActivity.PAUSED,
    "ERROR": VacuumActivity.ERROR,
}
# Commands by feature; each needs the profile to list the command as writable.
COMMANDS = {
    VacuumEntityFeature.START: "START",
    VacuumEntityFeature.PAUSE: "PAUSE",
    VacuumEntityFeature.RETURN_HOME: "HOMING",
}


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a vacuum entity to every robot cleaner."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceVacuum]:
        spec = appliance.profile.get(*VACUUM_OPERATION)
        return [ThinQVoiceVacuum(coordinator, appliance)] if spec is not None and spec.writable else []

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceVacuum(ThinQVoiceEntity, StateVacuumEntity):
    """A robot cleaner; its battery is a separate sensor."""

    _attr_name = None
    _attr_translation_key = "vacuum"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> None:
        """Offer the commands the profile lists."""
        super().__init__(coordinator, appliance.info.device_id, "vacuum")
        spec = appliance.profile.get(*VACUUM_OPERATION)
        commands = (
            set(spec.write_values) if spec is not None and isinstance(spec.write_values, tuple) else set()
        )
        features = VacuumEntityFeature.STATE
        for feature, command in COMMANDS.items():
            if command in commands:
                features |= feature
        self._attr_supported_features = features

    @property
    @override
    def activity(self) -> VacuumActivity | None:
        """Return what the robot is doing; states LG adds later count as idle."""
        value = self.state_value(*RUN_STATE)
        if value is None:
            return None
        return ACTIVITIES.get(str(value), VacuumActivity.IDLE)

    async def _command(self, command: str) -> None:
        await self.async_send(*VACUUM_OPERATION, command)

    @override
    async def async_start(self) -> None:
        """Start or resume cleaning."""
        await self._command("START")

    @override
    async def async_pause(self) -> None:
        """Pause cleaning."""
        await self._command("PAUSE")

    @override
    async def async_return_to_base(self, **kwargs: Any) -> None:
        """Send the robot home."""
        await self._command("HOMING")
