"""Water heaters: target temperature and job modes as operation modes."""

from typing import Any, override

from homeassistant.components.water_heater import WaterHeaterEntity
from homeassistant.components.water_heater.const import (
    STATE_ECO,
    STATE_HEAT_PUMP,
    STATE_HIGH_DEMAND,
    WaterHeaterEntityFeature,
)
from homeassistant.const import ATTR_TEMPERATURE, UnitOfTemperature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import OldTemperatureNames, ThinQVoiceEntity, async_add_appliance_entities, number_value
from .properties import WATER_HEATER_MARKER

PARALLEL_UPDATES = 1

# LG job modes as HA operation modes; VACATION is HA's away mode.
OPERATION_MODES = {"HEAT_PUMP": STATE_HEAT_PUMP, "AUTO": STATE_ECO, "TURBO": STATE_HIGH_DEMAND}
AWAY_MODE = "VACATION"
JOB = "currentJobMode"
TEMPERATURE = "temperature"


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a water heater entity to every water heater."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceWaterHeater]:
        if WATER_HEATER_MARKER not in appliance.profile.resources:
            return []
        return [ThinQVoiceWaterHeater(coordinator, appliance)]

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceWaterHeater(OldTemperatureNames, ThinQVoiceEntity, WaterHeaterEntity):
    """Target temperature, operation mode and away (vacation) mode."""

    _attr_name = None
    _attr_translation_key = "water_heater"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> None:
        """Read the modes the profile offers."""
        super().__init__(coordinator, appliance.info.device_id, "water_heater")
        profile = appliance.profile
        spec = profile.get(WATER_HEATER_MARKER, JOB)
        jobs = [str(v) for v in spec.write_values] if spec and isinstance(spec.write_values, tuple) else []
        self._jobs = jobs
        features = WaterHeaterEntityFeature(0)
        if (target := profile.get(TEMPERATURE, "targetTemperature")) is not None and target.writable:
            features |= WaterHeaterEntityFeature.TARGET_TEMPERATURE
        self._attr_operation_list = [OPERATION_MODES[job] for job in jobs if job in OPERATION_MODES]
        if self._attr_operation_list:
            features |= WaterHeaterEntityFeature.OPERATION_MODE
        if AWAY_MODE in jobs:
            features |= WaterHeaterEntityFeature.AWAY_MODE
        self._attr_supported_features = features

    @property
    def native_temperature_unit(self) -> str:
        """Return the unit LG reports water temperatures in."""
        return UnitOfTemperature.CELSIUS

    @property
    def native_current_temperature(self) -> float | None:
        """Return the water temperature."""
        return number_value(self.state_value(TEMPERATURE, "currentTemperature"))

    @property
    def native_target_temperature(self) -> float | None:
        """Return the target temperature."""
        return number_value(self.state_value(TEMPERATURE, "targetTemperature"))

    @property
    @override
    def current_operation(self) -> str | None:
        """Return the operation mode of the job mode."""
        return OPERATION_MODES.get(str(self.state_value(WATER_HEATER_MARKER, JOB)))

    @property
    @override
    def is_away_mode_on(self) -> bool | None:
        """Return whether the heater is in vacation mode."""
        return self.state_value(WATER_HEATER_MARKER, JOB) == AWAY_MODE

    @override
    async def async_set_temperature(self, **kwargs: Any) -> None:
        """Set the target temperature."""
        temperature = kwargs[ATTR_TEMPERATURE]
        await self.async_send(
            TEMPERATURE,
            "targetTemperature",
            int(temperature) if float(temperature).is_integer() else temperature,
        )

    @override
    async def async_set_operation_mode(self, operation_mode: str) -> None:
        """Switch to the job mode of the operation mode."""
        job = next(job for job, mode in OPERATION_MODES.items() if mode == operation_mode)
        await self.async_send(WATER_HEATER_MARKER, JOB, job)

    @override
    async def async_turn_away_mode_on(self) -> None:
        """Switch to vacation mode."""
        await self.async_send(WATER_HEATER_MARKER, JOB, AWAY_MODE)

    @override
    async def async_turn_away_mode_off(self) -> None:
        """Leave vacation mode for the first other mode the heater offers."""
        await self.async_send(WATER_HEATER_MARKER, JOB, next(job for job in self._jobs if job != AWAY_MODE))
