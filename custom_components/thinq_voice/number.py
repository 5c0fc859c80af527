"""Numbers: writable ranges (fridge temperatures, delayed start, fan speed, brightness...)."""

from dataclasses import dataclass
from typing import override

from homeassistant.components.number import (
    NumberDeviceClass,
    NumberEntity,
    NumberEntityDescription,
    NumberMode,
)
from homeassistant.const import PERCENTAGE, Platform, UnitOfTemperature, UnitOfTime
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .api.models import PropertySpec, RangeSpec
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .entity import ThinQVoicePropertyEntity, async_add_appliance_entities, number_value
from .properties import PROPERTY_KEYS, generic_specs

PARALLEL_UPDATES = 1


@dataclass(kw_only=True, frozen=True)
class ThinQVoiceNumberEntityDescription(NumberEntityDescription):
    """How a property is set as a number; `bounds` apply when the profile gives no range."""

    bounds: RangeSpec | None = None


_HOURS = RangeSpec(min=0, max=24, step=1)
# The flag LG reports beside a relative timer's hours (SET / UNSET).
TIMER_FLAGS = {
    ("timer", "relativeHourToStart"): "relativeStartTimer",
    ("timer", "relativeHourToStop"): "relativeStopTimer",
    ("sleepTimer", "relativeHourToStop"): "relativeStopTimer",
}

NUMBERS: dict[str, ThinQVoiceNumberEntityDescription] = {
    description.key: description
    for description in (
        ThinQVoiceNumberEntityDescription(
            key="target_temperature",
            device_class=NumberDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
            mode=NumberMode.BOX,
        ),
        ThinQVoiceNumberEntityDescription(
            key="wind_temperature",
            device_class=NumberDeviceClass.TEMPERATURE,
            native_unit_of_measurement=UnitOfTemperature.CELSIUS,
        ),
        ThinQVoiceNumberEntityDescription(
            key="delayed_start_hours",
            device_class=NumberDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.HOURS,
            bounds=_HOURS,
        ),
        ThinQVoiceNumberEntityDescription(
            key="delayed_stop_hours",
            device_class=NumberDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.HOURS,
            bounds=_HOURS,
        ),
        ThinQVoiceNumberEntityDescription(
            key="sleep_timer_hours",
            device_class=NumberDeviceClass.DURATION,
            native_unit_of_measurement=UnitOfTime.HOURS,
            bounds=_HOURS,
            entity_registry_enabled_default=False,
        ),
        ThinQVoiceNumberEntityDescription(key="light_brightness", native_unit_of_measurement=PERCENTAGE),
        # The hood's fan entity sets the same speed; the number stays for who used it before.
        ThinQVoiceNumberEntityDescription(key="fan_speed", entity_registry_enabled_default=False),
        ThinQVoiceNumberEntityDescription(key="wind_step", mode=NumberMode.SLIDER),
    )
}


async def async_setup_entry(
    hass: HomeAssistant, entry: ThinQVoiceConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the numbers of every appliance, now and as appliances join."""

    def make(coordinator: ThinQVoiceCoordinator, appliance: Appliance) -> list[ThinQVoiceNumber]:
        entities = []
        for spec in generic_specs(appliance.profile, Platform.NUMBER):
            key = PROPERTY_KEYS[(spec.key.resource, spec.key.name)]
            description = NUMBERS.get(key, ThinQVoiceNumberEntityDescription(key=key))
            bounds = spec.write_values if isinstance(spec.write_values, RangeSpec) else description.bounds
            # A number LG gives no range for, and we know none for, cannot be offered safely.
            if bounds is not None:
                entities.append(ThinQVoiceNumber(coordinator, appliance, spec, description, bounds))
        return entities

    async_add_appliance_entities(entry, async_add_entities, make)


class ThinQVoiceNumber(ThinQVoicePropertyEntity, NumberEntity):
    """A writable range, bounded by the profile."""

    entity_description: ThinQVoiceNumberEntityDescription

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        spec: PropertySpec,
        description: ThinQVoiceNumberEntityDescription,
        bounds: RangeSpec,
    ) -> None:
        """Take the range from the profile."""
        super().__init__(coordinator, appliance, spec, description.key)
        self.entity_description = description
        self._attr_native_min_value = bounds.min
        self._attr_native_max_value = bounds.max
        self._attr_native_step = bounds.step or 1
        if spec.key.unit == "F":
            self._attr_native_unit_of_measurement = UnitOfTemperature.FAHRENHEIT

    @property
    @override
    def native_value(self) -> float | None:
        """Return the current value; a relative timer LG flags UNSET (and gives no hours for) is 0."""
        value = number_value(self.property_value)
        key = self.spec.key
        flag = TIMER_FLAGS.get((key.resource, key.name))
        if (
            value is None
            and flag is not None
            and self.state_value(key.resource, flag, key.location) == "UNSET"
        ):
            return 0
        return value

    @override
    async def async_set_native_value(self, value: float) -> None:
        """Write the value; whole numbers are sent as integers, as LG's examples do."""
        await self.async_send_value(int(value) if float(value).is_integer() else value)
