"""Sensors: read-only profile values, run timers, air quality and energy."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import override

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    PERCENTAGE,
    EntityCategory,
    Platform,
    UnitOfDensity,
    UnitOfEnergy,
    UnitOfTemperature,
    UnitOfTime,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from .api.models import PropertySpec, PropertyType
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoiceEntity, ThinQVoicePropertyEntity, async_add_appliance_entities, number_value
from .properties import (
    DURATION_RESOURCES,
    DURATIONS,
    IDLE_STATES,
    PROPERTY_KEYS,
    RUN_STATE,
    generic_specs,
    naming,
    reported_only_specs,
)

PARALLEL_UPDATES = 0
ENERGY_SENSORS = ("energy_today", "energy_this_month")


@dataclass(kw_only=True, frozen=True)
class ThinQVoiceSensorEntityDescription(SensorEntityDescription):
    """How a property is shown as a sensor."""


_MEASUREMENT = SensorStateClass.MEASUREMENT

SENSORS: dict[str, ThinQVoiceSensorEntityDescription] = {
    description.key: description
    for description in (
        ThinQVoiceSensorEntityDescription(
            key="pm1",
            device_class=SensorDeviceClass.PM1,
            native_unit_of_measurement=UnitOfDensity.MICROGRAMS_PER_CUBIC_METER,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="pm2_5",
            device_class=SensorDeviceClass.PM25,
            native_unit_of_measurement=UnitOfDensity.MICROGRAMS_PER_CUBIC_METER,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="pm10",
            device_class=SensorDeviceClass.PM10,
            native_unit_of_measurement=UnitOfDensity.MICROGRAMS_PER_CUBIC_METER,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="humidity",
            device_class=SensorDeviceClass.HUMIDITY,
            native_unit_of_measurement=PERCENTAGE,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="temperature",
            device_class=SensorDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="target_temperature",
            device_class=SensorDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        ),
        ThinQVoiceSensorEntityDescription(
            key="current_temperature",
            device_class=SensorDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="day_target_temperature",
            device_class=SensorDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        ),
        ThinQVoiceSensorEntityDescription(
            key="night_target_temperature",
            device_class=SensorDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        ),
        ThinQVoiceSensorEntityDescription(
            key="battery",
            device_class=SensorDeviceClass.BATTERY,
            native_unit_of_measurement=PERCENTAGE,
            state_class=_MEASUREMENT,
        ),
        ThinQVoiceSensorEntityDescription(
            key="odor", state_class=_MEASUREMENT, entity_registry_enabled_default=False
        ),
        ThinQVoiceSensorEntityDescription(
            key="total_pollution", state_class=_MEASUREMENT, entity_registry_enabled_default=False
        ),
        ThinQVoiceSensorEntityDescription(
            key="cycle_count",
            state_class=SensorStateClass.TOTAL_INCREASING,
            # A count of cycles: "10", not "10.0".
            suggested_display_precision=0,
            entity_category=EntityCategory.DIAGNOSTIC,
        ),
        ThinQVoiceSensorEntityDescription(
            key="filter_used_time",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.HOURS,
            entity_category=EntityCategory.DIAGNOSTIC,
        ),
        ThinQVoiceSensorEntityDescription(
            key="filter_lifetime",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.HOURS,
            entity_category=EntityCategory.DIAGNOSTIC,
        ),
        ThinQVoiceSensorEntityDescription(
            key="water_filter_used_time",
            # LG counts water filter use in months, a unit the duration device class lacks.
            native_unit_of_measurement=UnitOfTime.MONTHS,
            entity_category=EntityCategory.DIAGNOSTIC,
        ),
        ThinQVoiceSensorEntityDescription(key="beer_remain", native_unit_of_measurement=PERCENTAGE),
        ThinQVoiceSensorEntityDescription(
            key="elapsed_days_state",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.DAYS,
        ),
        ThinQVoiceSensorEntityDescription(
            key="elapsed_days_total",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.DAYS,
        ),
        ThinQVoiceSensorEntityDescription(key="light_duration", native_unit_of_measurement=UnitOfTime.HOURS),
        ThinQVoiceSensorEntityDescription(
            key="air_quality_monitoring", entity_registry_enabled_default=False
        ),
        ThinQVoiceSensorEntityDescription(key="rinse_level", entity_category=EntityCategory.DIAGNOSTIC),
        ThinQVoiceSensorEntityDescription(key="softening_level", entity_category=EntityCategory.DIAGNOSTIC),
        ThinQVoiceSensorEntityDescription(
            key="machine_clean_reminder", entity_registry_enabled_default=False
        ),
        ThinQVoiceSensorEntityDescription(key="clean_reminder", entity_registry_enabled_default=False),
        ThinQVoiceSensorEntityDescription(key="signal_level", entity_registry_enabled_default=False),
        ThinQVoiceSensorEntityDescription(key="battery_level", entity_registry_enabled_default=False),
        ThinQVoiceSensorEntityDescription(key="wind_volume", entity_registry_enabled_default=False),
        ThinQVoiceSensorEntityDescription(key="light_start_hour", entity_registry_enabled_default=False),
        ThinQVoiceSensorEntityDescription(key="light_end_hour", entity_registry_enabled_default=False),
        # Timers joined from their hour / minute / second parts.
        ThinQVoiceSensorEntityDescription(
            key="remaining_time",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.MINUTES,
        ),
        ThinQVoiceSensorEntityDescription(
            key="total_time",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.MINUTES,
            entity_registry_enabled_default=False,
        ),
        ThinQVoiceSensorEntityDescription(
            key="running_time",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.MINUTES,
        ),
        ThinQVoiceSensorEntityDescription(
            key="delayed_start",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.MINUTES,
        ),
        ThinQVoiceSensorEntityDescription(
            key="delayed_stop",
            device_class=SensorDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.MINUTES,
        ),
        ThinQVoiceSensorEntityDescription(key="end_time", device_class=SensorDeviceClass.TIMESTAMP),
        ThinQVoiceSensorEntityDescription(
            key="energy_today",
            device_class=SensorDeviceClass.ENERGY,
            native_unit_of_measurement=UnitOfEnergy.WATT_HOUR,
            suggested_unit_of_measurement=UnitOfEnergy.KILO_WATT_HOUR,
            # A total since the day's (month's) start, not a meter: LG may correct a value down,
            # which total_increasing would take for a reset and count again.
            state_class=SensorStateClass.TOTAL,
        ),
        ThinQVoiceSensorEntityDescription(
            key="energy_this_month",
            device_class=SensorDeviceClass.ENERGY,
            native_unit_of_measurement=UnitOfEnergy.WATT_HOUR,
            suggested_unit_of_measurement=UnitOfEnergy.KILO_WATT_HOUR,
            # A total since the day's (month's) start, not a meter: LG may correct a value down,
            # which total_increasing would take for a reset and count again.
            state_class=SensorStateClass.TOTAL,
        ),
    )
}


def _part_seconds(part: str) -> int:
    """Return the seconds one unit of a timer part stands for (`remainHour` -> 3600)."""
    if "Hour" in part:
        return 3600
    return 60 if "Minute" in part else 1


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the sensors of every appliance, now and as appliances join."""
    async_add_appliance_entities(entry, async_add_entities, _appliance_sensors)
    coordinator = entry.runtime_data
    with_energy: set[str] = set()

    @callback
    def _add_energy_sensors() -> None:
        # Appliances LG meters, as their energy profiles become known (at setup for most).
        new = [d for d in coordinator.data if coordinator.energy.metered(d) and d not in with_energy]
        with_energy.intersection_update(coordinator.data)
        with_energy.update(new)
        async_add_entities(
            ThinQVoiceEnergySensor(coordinator, coordinator.data[device_id], key)
            for device_id in new
            for key in ENERGY_SENSORS
        )

    _add_energy_sensors()
    entry.async_on_unload(coordinator.async_add_listener(_add_energy_sensors))


def _appliance_sensors(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[Entity]:
    entities: list[Entity] = []
    specs = generic_specs(appliance.profile, Platform.SENSOR)
    for spec in [*specs, *reported_only_specs(appliance.profile, appliance.state)]:
        key = PROPERTY_KEYS[(spec.key.resource, spec.key.name)]
        description = SENSORS.get(key, ThinQVoiceSensorEntityDescription(key=key))
        if spec.type is PropertyType.ENUM:
            entities.append(ThinQVoiceEnumSensor(coordinator, appliance, spec, description))
        else:
            entities.append(ThinQVoicePropertySensor(coordinator, appliance, spec, description))
    profile = appliance.profile
    parts = {(k.resource, k.name, k.location) for k in profile.properties}
    locations = [None, *profile.locations]
    for resource in DURATION_RESOURCES:
        for key, names in DURATIONS:
            for location in locations:
                if (resource, names[0], location) not in parts:
                    continue
                present = tuple(n for n in names if (resource, n, location) in parts)
                sensor_key = "sleep_timer" if resource == "sleepTimer" else key
                entities.append(
                    ThinQVoiceDurationSensor(
                        coordinator, appliance, resource, present, location, SENSORS[key], sensor_key
                    )
                )
                if key == "remaining_time":
                    entities.append(
                        ThinQVoiceEndTimeSensor(
                            coordinator, appliance, resource, present, location, SENSORS["end_time"]
                        )
                    )
    return entities


class ThinQVoicePropertySensor(ThinQVoicePropertyEntity, SensorEntity):
    """A read-only number or range property."""

    entity_description: ThinQVoiceSensorEntityDescription

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        spec: PropertySpec,
        description: ThinQVoiceSensorEntityDescription,
    ) -> None:
        """Describe the sensor from its property."""
        super().__init__(coordinator, appliance, spec, description.key)
        self.entity_description = description

    @property
    @override
    def native_value(self) -> StateType:
        """Return the property's value."""
        return number_value(self.property_value)


class ThinQVoiceEnumSensor(ThinQVoicePropertySensor):
    """A read-only enum property, with the profile's values as translated options."""

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        spec: PropertySpec,
        description: ThinQVoiceSensorEntityDescription,
    ) -> None:
        """List the profile's values as the sensor's options."""
        super().__init__(
            coordinator,
            appliance,
            spec,
            replace(
                description,
                device_class=SensorDeviceClass.ENUM,
                native_unit_of_measurement=None,
                state_class=None,
            ),
        )
        values = spec.read_values if isinstance(spec.read_values, tuple) else ()
        self._attr_options = [str(value).lower() for value in values]

    @property
    @override
    def native_value(self) -> StateType:
        """Return the value in lower case, as HA state translations want it; unknown values are None."""
        value = self.property_value
        if value is None:
            return None
        option = str(value).lower()
        return option if option in (self.options or ()) else None


class _TimerSensor(ThinQVoiceEntity, SensorEntity):
    """Base of sensors built from the hour / minute / second parts of a timer."""

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        resource: str,
        parts: tuple[str, ...],
        location: str | None,
        description: SensorEntityDescription,
        key: str,
    ) -> None:
        """Remember which parts make up the timer."""
        super().__init__(coordinator, appliance.info.device_id, resource, key, location)
        self.entity_description = description
        self._resource = resource
        self._parts = parts
        self._location = location
        named = naming(appliance.profile, key, location)
        self._attr_translation_key = named.translation_key
        self._attr_translation_placeholders = named.placeholders

    def seconds(self) -> int | None:
        """Return the timer in seconds, or None when the state has none of its parts.

        A remaining time is 0 while nothing runs: LG keeps the last program's time in the state of
        an idle or powered-off washer (45 minutes left while POWER_OFF).
        """
        if self._resource == "timer" and self._parts[0] == "remainHour" and self._idle():
            return 0
        values = [
            number_value(self.state_value(self._resource, part, self._location)) for part in self._parts
        ]
        if all(value is None for value in values):
            return None
        return int(
            sum((value or 0) * _part_seconds(part) for value, part in zip(values, self._parts, strict=True))
        )

    def _idle(self) -> bool:
        return self.state_value(*RUN_STATE, self._location) in IDLE_STATES


class ThinQVoiceDurationSensor(_TimerSensor):
    """A timer in minutes: time left, total time, running time or a delayed start or stop."""

    @property
    @override
    def native_value(self) -> StateType:
        """Return the timer in minutes."""
        seconds = self.seconds()
        return None if seconds is None else round(seconds / 60, 1) if seconds % 60 else seconds // 60


class ThinQVoiceEndTimeSensor(_TimerSensor):
    """When the running program ends: the time of the last reading plus the time left then."""

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        resource: str,
        parts: tuple[str, ...],
        location: str | None,
        description: SensorEntityDescription,
    ) -> None:
        """Set up the end-time sensor of a timer."""
        super().__init__(coordinator, appliance, resource, parts, location, description, "end_time")

    @property
    @override
    def native_value(self) -> datetime | None:
        """Return the end time; None when nothing runs. Anchored on the reading, so it does not drift."""
        seconds = self.seconds()
        updated_at = self.appliance.updated_at
        if not seconds or updated_at is None:
            return None
        return (updated_at + timedelta(seconds=seconds)).replace(microsecond=0)


class ThinQVoiceEnergySensor(ThinQVoiceEntity, SensorEntity):
    """Energy used today or this month, as LG reports it (read rarely: LG limits requests)."""

    def __init__(self, coordinator: ThinQVoiceCoordinator, appliance: Appliance, key: str) -> None:
        """Attach the sensor to the appliance's energy readings."""
        super().__init__(coordinator, appliance.info.device_id, key)
        self.entity_description = SENSORS[key]
        self._attr_translation_key = key

    @override
    def _reading(self) -> tuple[object, ...]:
        """Energy readings come apart from state reads: a new one is news too."""
        return (*super()._reading(), self.native_value)

    @property
    @override
    def available(self) -> bool:
        """Return whether the appliance is on the account and LG meters it."""
        return (
            self.coordinator.last_update_success
            and self.device_id in self.coordinator.data
            and self.coordinator.energy.metered(self.device_id) is not None
        )

    @property
    @override
    def native_value(self) -> StateType:
        """Return the watt-hours LG reported; unknown until they were read."""
        energy = self.coordinator.energy.metered(self.device_id)
        if energy is None:
            return None
        today = dt_util.now().date()
        if self.entity_description.key == "energy_today":
            return energy.today_total(today)
        return energy.month_total(today)

    @property
    @override
    def last_reset(self) -> datetime:
        """Return the start of the day (or month) the total counts from, in local time."""
        start = dt_util.start_of_local_day()
        return start if self.entity_description.key == "energy_today" else start.replace(day=1)
