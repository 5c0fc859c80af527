"""Humidifiers and dehumidifiers: power, target humidity and job modes."""

from typing import override

from homeassistant.components.humidifier import HumidifierEntity
from homeassistant.components.humidifier.const import (
    HumidifierAction,
    HumidifierDeviceClass,
    HumidifierEntityFeature,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import RangeSpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import HeadingToggle, async_add_appliance_entities, number_value

PARALLEL_UPDATES = 1

# Job-mode resource -> (power property, device class, action while on).
KINDS = {
    "dehumidifierJobMode": (
        "dehumidifierOperationMode",
        HumidifierDeviceClass.DEHUMIDIFIER,
        HumidifierAction.DRYING,
    ),
    "humidifierJobMode": (
        "humidifierOperationMode",
        HumidifierDeviceClass.HUMIDIFIER,
        HumidifierAction.HUMIDIFYING,
    ),
}
HUMIDITY = "humidity"


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a humidifier entity to every humidifier and dehumidifier."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceHumidifier]:
        job = next((resource for resource in KINDS if resource in appliance.profile.resources), None)
        return [ThinQVoiceHumidifier(coordinator, appliance, job)] if job else []

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceHumidifier(HeadingToggle, HumidifierEntity):
    """Power, target humidity within the profile's range and job modes."""

    _attr_name = None
    _attr_translation_key = "humidifier"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, job: str) -> None:
        """Read the humidity range and modes the profile offers."""
        super().__init__(coordinator, appliance.info.device_id, "humidifier")
        profile = appliance.profile
        self._job = job
        self._power, self._attr_device_class, self._running_action = KINDS[job]
        target = profile.get(HUMIDITY, "targetHumidity")
        if target is not None and isinstance(target.write_values, RangeSpec):
            self._attr_min_humidity = target.write_values.min
            self._attr_max_humidity = target.write_values.max
            self._attr_target_humidity_step = target.write_values.step
        spec = profile.get(job, "currentJobMode")
        modes = spec.write_values if spec is not None and isinstance(spec.write_values, tuple) else ()
        if modes:
            self._attr_available_modes = [str(mode).lower() for mode in modes]
            self._attr_supported_features = HumidifierEntityFeature.MODES

    @property
    @override
    def is_on(self) -> bool | None:
        """Return whether the appliance is powered."""
        value = self.state_value("operation", self._power)
        return None if value is None else value == "POWER_ON"

    @property
    @override
    def action(self) -> HumidifierAction | None:
        """Return drying or humidifying while on, off otherwise."""
        if self.is_on is None:
            return None
        return self._running_action if self.is_on else HumidifierAction.OFF

    @property
    @override
    def current_humidity(self) -> float | None:
        """Return the room humidity."""
        value = number_value(self.state_value(HUMIDITY, "currentHumidity"))
        return value if value is not None else number_value(self.state_value("airQualitySensor", "humidity"))

    @property
    @override
    def target_humidity(self) -> float | None:
        """Return the target humidity."""
        return number_value(self.state_value(HUMIDITY, "targetHumidity"))

    @property
    @override
    def mode(self) -> str | None:
        """Return the job mode."""
        value = self.state_value(self._job, "currentJobMode")
        return value.lower() if isinstance(value, str) else None

    @override
    async def async_turn_on(self, **kwargs: object) -> None:
        """Power on."""
        await self.async_send("operation", self._power, "POWER_ON")

    @override
    def _headed_on(self) -> bool:
        return self.heading_to("operation", self._power) == "POWER_ON"

    @override
    async def async_turn_off(self, **kwargs: object) -> None:
        """Power off."""
        await self.async_send("operation", self._power, "POWER_OFF")

    @override
    async def async_set_humidity(self, humidity: int) -> None:
        """Set the target humidity."""
        await self.async_send(HUMIDITY, "targetHumidity", humidity)

    @override
    async def async_set_mode(self, mode: str) -> None:
        """Switch to the job mode."""
        await self.async_send(self._job, "currentJobMode", mode.upper())
