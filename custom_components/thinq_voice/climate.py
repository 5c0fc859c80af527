"""Climate: air conditioners and system boilers, from their job mode, power and temperature."""

from typing import Any, override

from homeassistant.components.climate import ClimateEntity
from homeassistant.components.climate.const import ATTR_HVAC_MODE, ClimateEntityFeature, HVACMode
from homeassistant.const import ATTR_TEMPERATURE, UnitOfTemperature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import DeviceProfile, RangeSpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import HeadingToggle, OldTemperatureNames, async_add_appliance_entities, number_value
from .properties import CLIMATE_MARKERS, climate_wind_property

PARALLEL_UPDATES = 1

# LG job modes that are HVAC modes; the others (AIR_CLEAN, ENERGY_SAVING...) become presets.
HVAC_MODES = {
    "COOL": HVACMode.COOL,
    "HEAT": HVACMode.HEAT,
    "AUTO": HVACMode.HEAT_COOL,
    "AIR_DRY": HVACMode.DRY,
    "FAN": HVACMode.FAN_ONLY,
}
# The target property LG wants per job mode; `targetTemperature` is the fallback.
TARGET_PROPERTIES = {
    "COOL": "coolTargetTemperature",
    "AIR_DRY": "coolTargetTemperature",
    "HEAT": "heatTargetTemperature",
    "AUTO": "autoTargetTemperature",
}
POWER_PROPERTIES = ("airConOperationMode", "boilerOperationMode")
TEMPERATURE = "temperature"
TEMPERATURE_IN_UNITS = "temperatureInUnits"
SWING = "windDirection"
PRESET_NONE = "none"


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a climate entity to every air conditioner or boiler."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceClimate]:
        job = next((r for r in CLIMATE_MARKERS if r in appliance.profile.resources), None)
        return [ThinQVoiceClimate(coordinator, appliance, job)] if job else []

    async_add_appliance_entities(entry, async_add_entities, make)


def _enum(profile: DeviceProfile, resource: str, name: str) -> list[str]:
    spec = profile.get(resource, name)
    if spec is None or not spec.writable or not isinstance(spec.write_values, tuple):
        return []
    return [str(value) for value in spec.write_values]


class ThinQVoiceClimate(OldTemperatureNames, HeadingToggle, ClimateEntity):
    """An air conditioner: HVAC mode from job mode and power, fan speed, swing and target temperature."""

    _attr_name = None
    _attr_translation_key = "climate"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, job_resource: str) -> None:
        """Read the modes, speeds and temperature range the profile offers."""
        super().__init__(coordinator, appliance.info.device_id, "climate")
        profile = appliance.profile
        self._job = job_resource
        self._power = next(
            (name for name in POWER_PROPERTIES if (spec := profile.get("operation", name)) and spec.writable),
            None,
        )
        jobs = _enum(profile, job_resource, "currentJobMode")
        self._jobs = jobs
        self._attr_hvac_modes = [HVACMode.OFF] if self._power else []
        self._attr_hvac_modes += [HVAC_MODES[job] for job in jobs if job in HVAC_MODES]
        presets = [job.lower() for job in jobs if job not in HVAC_MODES]
        features = ClimateEntityFeature(0)
        if self._power:
            features |= ClimateEntityFeature.TURN_ON | ClimateEntityFeature.TURN_OFF
        if presets:
            self._attr_preset_modes = [PRESET_NONE, *presets]
            features |= ClimateEntityFeature.PRESET_MODE
        self._wind = climate_wind_property(profile)
        if fan_modes := _enum(profile, "airFlow", self._wind):
            self._attr_fan_modes = [mode.lower() for mode in fan_modes]
            features |= ClimateEntityFeature.FAN_MODE
        if profile.get(SWING, "rotateUpDown") is not None:
            self._attr_swing_modes = ["off", "on"]
            features |= ClimateEntityFeature.SWING_MODE
        if profile.get(SWING, "rotateLeftRight") is not None:
            self._attr_swing_horizontal_modes = ["off", "on"]
            features |= ClimateEntityFeature.SWING_HORIZONTAL_MODE
        if any(
            (spec := profile.get(TEMPERATURE, name)) is not None and spec.writable
            for name in ("targetTemperature", *TARGET_PROPERTIES.values())
        ):
            features |= ClimateEntityFeature.TARGET_TEMPERATURE
        self._attr_supported_features = features

    @property
    def _job_mode(self) -> str | None:
        value = self.state_value(self._job, "currentJobMode")
        return value if isinstance(value, str) else None

    @property
    def _powered(self) -> bool:
        return self._power is None or self.state_value("operation", self._power) == "POWER_ON"

    def _target_range(self) -> RangeSpec | None:
        """Return the range of the property a target temperature is written to in this mode."""
        profile = self.appliance.profile
        name = self._target_property()
        spec = profile.get(TEMPERATURE_IN_UNITS, name, unit=self._unit)
        if spec is None or not isinstance(spec.write_values, RangeSpec):
            spec = profile.get(TEMPERATURE, name)
        if spec is None or not isinstance(spec.write_values, RangeSpec):
            spec = profile.get(TEMPERATURE, "targetTemperature")
        return spec.write_values if spec is not None and isinstance(spec.write_values, RangeSpec) else None

    def _target_property(self) -> str:
        # A temperature set right after "heat" goes to heatTargetTemperature, reported or not yet.
        job_sent = self.coordinator.in_flight.get(self.appliance, self._job, "currentJobMode")
        name = TARGET_PROPERTIES.get(str(job_sent.value) if job_sent else self._job_mode or "")
        if (
            name is not None
            and (spec := self.appliance.profile.get(TEMPERATURE, name)) is not None
            and spec.writable
        ):
            return name
        return "targetTemperature"

    @property
    def native_temperature_unit(self) -> str:
        """Return the unit the appliance reports in."""
        return UnitOfTemperature.FAHRENHEIT if self._unit == "F" else UnitOfTemperature.CELSIUS

    @property
    def _unit(self) -> str:
        """Return LG's name of the unit the appliance reports in (C or F)."""
        return "F" if self.state_value(TEMPERATURE, "unit") == "F" else "C"

    @property
    @override
    def hvac_mode(self) -> HVACMode | None:
        """Return off when powered off, else the HVAC mode of the job mode.

        A job mode that is a preset (AIR_CLEAN) runs the fan without cooling or heating: fan only.
        """
        if not self._powered:
            return HVACMode.OFF
        job = self._job_mode
        if job is None:
            return None
        return HVAC_MODES.get(job, HVACMode.FAN_ONLY)

    @property
    @override
    def preset_mode(self) -> str | None:
        """Return the job mode when it is a preset, else none."""
        if not self.preset_modes:
            return None
        job = (self._job_mode or "").lower()
        return job if job in self.preset_modes else PRESET_NONE

    @property
    @override
    def fan_mode(self) -> str | None:
        """Return the wind strength."""
        value = self.state_value("airFlow", self._wind)
        return value.lower() if isinstance(value, str) else None

    @property
    @override
    def swing_mode(self) -> str | None:
        """Return whether the vane swings up and down."""
        value = self.state_value(SWING, "rotateUpDown")
        return None if value is None else "on" if value else "off"

    @property
    @override
    def swing_horizontal_mode(self) -> str | None:
        """Return whether the vane swings left and right."""
        value = self.state_value(SWING, "rotateLeftRight")
        return None if value is None else "on" if value else "off"

    @property
    def native_current_temperature(self) -> float | None:
        """Return the room temperature."""
        return number_value(self.state_value(TEMPERATURE, "currentTemperature"))

    @property
    def native_target_temperature(self) -> float | None:
        """Return the target temperature."""
        return number_value(self.state_value(TEMPERATURE, "targetTemperature"))

    @property
    @override
    def min_temp(self) -> float:
        """Return the lowest target the profile allows in this mode."""
        bounds = self._target_range()
        return bounds.min if bounds else super().min_temp

    @property
    @override
    def max_temp(self) -> float:
        """Return the highest target the profile allows in this mode."""
        bounds = self._target_range()
        return bounds.max if bounds else super().max_temp

    @property
    @override
    def target_temperature_step(self) -> float | None:
        """Return the profile's step."""
        bounds = self._target_range()
        return bounds.step if bounds and bounds.step else None

    async def _async_power_on(self) -> None:
        """Power on first, unless the appliance reported it is on, or this same action just sent it.

        "켜서 송풍으로" powers on and sets the mode in one action: its POWER_ON need not go twice.
        """
        if self._power is None:
            return
        sent = self.coordinator.in_flight.get(self.appliance, "operation", self._power)
        if (
            sent is not None
            and sent.value == "POWER_ON"
            and self._context
            and sent.context_id == self._context.id
        ):
            return
        if not self.already_reported("operation", self._power, "POWER_ON"):
            await self.async_send("operation", self._power, "POWER_ON")

    @override
    async def async_turn_on(self) -> None:
        """Power the appliance on."""
        await self._async_power_on()

    @override
    def _headed_on(self) -> bool:
        return self._power is None or self.heading_to("operation", self._power) == "POWER_ON"

    @override
    async def async_turn_off(self) -> None:
        """Power the appliance off."""
        if self._power is not None:
            await self.async_send("operation", self._power, "POWER_OFF")

    @override
    async def async_set_hvac_mode(self, hvac_mode: HVACMode) -> None:
        """Power off, or power on and switch to the job mode of the HVAC mode."""
        if hvac_mode is HVACMode.OFF:
            await self.async_turn_off()
            return
        job = next(job for job, mode in HVAC_MODES.items() if mode is hvac_mode and job in self._jobs)
        await self._async_power_on()
        await self.async_send(self._job, "currentJobMode", job)

    @override
    async def async_set_preset_mode(self, preset_mode: str) -> None:
        """Switch to the preset's job mode; none goes back to cooling (or the first HVAC mode)."""
        if preset_mode == PRESET_NONE:
            job = next(job for job in self._jobs if job in HVAC_MODES)
        else:
            job = next(job for job in self._jobs if job.lower() == preset_mode)
        await self._async_power_on()
        await self.async_send(self._job, "currentJobMode", job)

    @override
    async def async_set_fan_mode(self, fan_mode: str) -> None:
        """Set the wind strength."""
        await self.async_send("airFlow", self._wind, fan_mode.upper())

    @override
    async def async_set_swing_mode(self, swing_mode: str) -> None:
        """Start or stop the up-and-down swing."""
        await self.async_send(SWING, "rotateUpDown", swing_mode == "on")

    @override
    async def async_set_swing_horizontal_mode(self, swing_horizontal_mode: str) -> None:
        """Start or stop the left-and-right swing."""
        await self.async_send(SWING, "rotateLeftRight", swing_horizontal_mode == "on")

    @override
    async def async_set_temperature(self, **kwargs: Any) -> None:
        """Set the target temperature, in the property LG wants for the current mode."""
        if (hvac_mode := kwargs.get(ATTR_HVAC_MODE)) is not None:
            await self.async_set_hvac_mode(hvac_mode)
        if (temperature := kwargs.get(ATTR_TEMPERATURE)) is not None:
            value = int(temperature) if float(temperature).is_integer() else temperature
            name, unit = self._target_property(), self._unit
            # LG's SDK writes a mode's target through `temperatureInUnits`, in the unit shown.
            spec = self.appliance.profile.get(TEMPERATURE_IN_UNITS, name, unit=unit)
            resource = TEMPERATURE_IN_UNITS if spec is not None and spec.writable else TEMPERATURE
            await self.async_send(resource, name, value, unit=unit)
