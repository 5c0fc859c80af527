"""Fans: air purifiers, purifier fans and ceiling fans (power, speed and job modes as presets)."""

import math
import re
from typing import Any, override

from homeassistant.components.fan import FanEntity
from homeassistant.components.fan.const import FanEntityFeature
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.util.percentage import (
    ordered_list_item_to_percentage,
    percentage_to_ordered_list_item,
    percentage_to_ranged_value,
    ranged_value_to_percentage,
)

from .api.models import DeviceProfile, RangeSpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import HeadingToggle, async_add_appliance_entities, number_value
from .properties import FAN_MARKERS, FAN_POWER_PROPS, HOOD_FAN

PARALLEL_UPDATES = 1

# LG lists wind strengths in no particular order; this is their order from weakest to strongest.
SPEED_ORDER = ("SLOW", "LOW", "MID", "HIGH", "POWER", "TURBO")
# Speeds the appliance picks itself: not a point on the percentage scale.
AUTOMATIC_SPEEDS = frozenset({"AUTO"})
_NUMBERED = re.compile(r"^WIND_(\d+)$")


def speed_rank(speed: str) -> tuple[int, int]:
    """Sort key of a wind strength: numbered speeds (WIND_1...) in order, then named ones."""
    if match := _NUMBERED.match(speed):
        return (0, int(match[1]))
    return (1, SPEED_ORDER.index(speed) if speed in SPEED_ORDER else len(SPEED_ORDER))


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a fan entity to every air purifier and fan."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[FanEntity]:
        profile = appliance.profile
        power = next((name for name in FAN_POWER_PROPS if profile.get("operation", name) is not None), None)
        if power:
            return [ThinQVoiceFan(coordinator, appliance, power)]
        speed = profile.get(*HOOD_FAN)
        if speed is not None and speed.writable and isinstance(speed.write_values, RangeSpec):
            return [ThinQVoiceHoodFan(coordinator, appliance, speed.write_values)]
        return []

    async_add_appliance_entities(entry, async_add_entities, make)


def _writable_values(profile: DeviceProfile, resource: str, name: str) -> list[str]:
    spec = profile.get(resource, name)
    if spec is None or not spec.writable or not isinstance(spec.write_values, tuple):
        return []
    return [str(value) for value in spec.write_values]


class ThinQVoiceFan(HeadingToggle, FanEntity):
    """Power, wind strength as a percentage and job modes as presets."""

    _attr_name = None
    _attr_translation_key = "fan"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, power: str) -> None:
        """Read the speeds and modes the profile offers."""
        super().__init__(coordinator, appliance.info.device_id, "fan")
        profile = appliance.profile
        self._power = power
        self._job = next((r for r in FAN_MARKERS if r in profile.resources), None)
        features = FanEntityFeature.TURN_ON | FanEntityFeature.TURN_OFF
        speeds = _writable_values(profile, "airFlow", "windStrength")
        self._speeds = sorted((s for s in speeds if s not in AUTOMATIC_SPEEDS), key=speed_rank)
        if self._speeds:
            self._attr_speed_count = len(self._speeds)
            features |= FanEntityFeature.SET_SPEED
        self._jobs = _writable_values(profile, self._job, "currentJobMode") if self._job else []
        if self._jobs:
            self._attr_preset_modes = [job.lower() for job in self._jobs]
            features |= FanEntityFeature.PRESET_MODE
        self._attr_supported_features = features

    @property
    @override
    def is_on(self) -> bool | None:
        """Return whether the fan is powered."""
        value = self.state_value("operation", self._power)
        return None if value is None else value == "POWER_ON"

    @property
    @override
    def percentage(self) -> int | None:
        """Return the speed as a percentage; None while the appliance picks its own speed."""
        value = self.state_value("airFlow", "windStrength")
        if value not in self._speeds:
            return None
        return ordered_list_item_to_percentage(self._speeds, str(value))

    @property
    @override
    def preset_mode(self) -> str | None:
        """Return the job mode."""
        value = self.state_value(self._job, "currentJobMode") if self._job else None
        return value.lower() if isinstance(value, str) else None

    @override
    async def async_turn_on(
        self, percentage: int | None = None, preset_mode: str | None = None, **kwargs: Any
    ) -> None:
        """Power on, then apply the speed or preset asked for."""
        if not self.already_reported("operation", self._power, "POWER_ON"):
            await self.async_send("operation", self._power, "POWER_ON")
        if preset_mode is not None:
            await self.async_set_preset_mode(preset_mode)
        if percentage is not None:
            await self.async_set_percentage(percentage)

    @override
    def _headed_on(self) -> bool:
        return self.heading_to("operation", self._power) == "POWER_ON"

    @override
    async def async_turn_off(self, **kwargs: Any) -> None:
        """Power off."""
        await self.async_send("operation", self._power, "POWER_OFF")

    @override
    async def async_set_percentage(self, percentage: int) -> None:
        """Set the wind strength nearest the percentage; 0 turns the fan off."""
        if percentage == 0:
            await self.async_turn_off()
            return
        await self.async_send(
            "airFlow", "windStrength", percentage_to_ordered_list_item(self._speeds, percentage)
        )

    @override
    async def async_set_preset_mode(self, preset_mode: str) -> None:
        """Switch to the job mode."""
        if self._job is not None:
            await self.async_send(self._job, "currentJobMode", preset_mode.upper())


class ThinQVoiceHoodFan(HeadingToggle, FanEntity):
    """A hood's (or ventilator's) fan: speed 0 is off, 1 to the profile's maximum a percentage.

    The lamp's brightness goes in the same body (`models.sdk_companions`), as LG's SDK sends it.
    """

    _attr_name = None
    _attr_translation_key = "fan"

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, speeds: RangeSpec) -> None:
        """Read the speeds the profile offers."""
        super().__init__(coordinator, appliance.info.device_id, "fan")
        self._speeds = (max(speeds.min, 1), speeds.max)
        self._attr_speed_count = int(speeds.max - self._speeds[0] + 1)
        self._attr_supported_features = (
            FanEntityFeature.TURN_ON | FanEntityFeature.TURN_OFF | FanEntityFeature.SET_SPEED
        )

    @property
    def _speed(self) -> float | None:
        return number_value(self.state_value(*HOOD_FAN))

    @property
    @override
    def is_on(self) -> bool | None:
        """Return whether the fan turns."""
        speed = self._speed
        return None if speed is None else speed > 0

    @property
    @override
    def percentage(self) -> int | None:
        """Return the speed as a percentage."""
        speed = self._speed
        if speed is None:
            return None
        return 0 if speed <= 0 else ranged_value_to_percentage(self._speeds, speed)

    @override
    async def async_turn_on(
        self, percentage: int | None = None, preset_mode: str | None = None, **kwargs: Any
    ) -> None:
        """Turn the fan on at the speed asked for, else at the lowest."""
        await self.async_set_percentage(percentage if percentage is not None else 1)

    @override
    def _headed_on(self) -> bool:
        return (number_value(self.heading_to(*HOOD_FAN)) or 0) > 0

    @override
    async def async_turn_off(self, **kwargs: Any) -> None:
        """Stop the fan."""
        await self.async_send(*HOOD_FAN, 0)

    @override
    async def async_set_percentage(self, percentage: int) -> None:
        """Set the speed nearest the percentage; 0 stops the fan."""
        speed = 0 if percentage == 0 else math.ceil(percentage_to_ranged_value(self._speeds, percentage))
        await self.async_send(*HOOD_FAN, speed)
