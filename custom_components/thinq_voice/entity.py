"""Base entities of ThinQ Voice appliances."""

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol, cast, override

from homeassistant.const import MAJOR_VERSION, MINOR_VERSION
from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .api.models import JsonValue, PropertySpec
from .const import DOMAIN
from .coordinator import Appliance, ThinQVoiceConfigEntry, ThinQVoiceCoordinator
from .errors import thinq_exception_handler
from .properties import naming, unique_id
from .sent_controls import same_value

MANUFACTURER = "LG Electronics"

# Home Assistant 2026.11 reads a climate or water heater's temperatures from native_* members and
# makes the old names (temperature_unit, current_temperature, target_temperature) final, deprecated;
# before 2026.11 it reads only the old names. Our entities provide the native_* members; on an older
# Home Assistant this mixin serves the old names from them. Strict mypy checks the 2026.11 API.
if TYPE_CHECKING or (MAJOR_VERSION, MINOR_VERSION) >= (2026, 11):

    class OldTemperatureNames:
        """Nothing to add: this Home Assistant reads the native_* temperature members."""

else:

    class OldTemperatureNames:
        """The temperature members Home Assistant before 2026.11 reads, from the native_* ones."""

        @property
        def temperature_unit(self) -> str:
            """Return the unit the appliance reports temperatures in."""
            return self.native_temperature_unit

        @property
        def current_temperature(self) -> float | None:
            """Return the measured temperature."""
            return self.native_current_temperature

        @property
        def target_temperature(self) -> float | None:
            """Return the target temperature."""
            return self.native_target_temperature


class ThinQVoiceEntity(CoordinatorEntity[ThinQVoiceCoordinator]):
    """An entity of one appliance, available while the appliance is online."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: ThinQVoiceCoordinator, device_id: str, *key: str | None) -> None:
        """Attach the entity to its appliance; the parts of `key` make the unique id (`unique_id`)."""
        super().__init__(coordinator)
        self.device_id = device_id
        self._written_for: tuple[object, ...] | None = None
        info = coordinator.data[device_id].info
        self._attr_unique_id = unique_id(device_id, *key)
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, device_id)},
            manufacturer=MANUFACTURER,
            model=info.model_name,
            model_id=info.model_name,
            name=info.alias,
        )

    @property
    def appliance(self) -> Appliance:
        """Return the appliance this entity belongs to."""
        return self.coordinator.data[self.device_id]

    @property
    def appliance_name(self) -> str:
        """Return the appliance's name, as the LG account knows it."""
        return self.appliance.info.alias

    def _reading(self) -> tuple[object, ...]:
        """Return what the entity's state is made of: the refresh outcome and its appliance's read."""
        appliance = self.coordinator.data.get(self.device_id) if self.coordinator.data else None
        if appliance is None:
            return (self.coordinator.last_update_success, None)
        return (
            self.coordinator.last_update_success,
            appliance.online,
            appliance.updated_at,
            id(appliance.state),
        )

    @callback
    @override
    def _handle_coordinator_update(self) -> None:
        """Write the state only when its appliance was read again (or refreshing failed or recovered).

        Confirming a control reads one appliance: the other appliances' entities, hundreds in a
        large home, have nothing new to write.
        """
        reading = self._reading()
        if reading == self._written_for:
            return
        self._written_for = reading
        super()._handle_coordinator_update()

    @property
    def available(self) -> bool:
        """Return whether the appliance is known, online and has a state."""
        if not super().available or self.device_id not in self.coordinator.data:
            return False
        appliance = self.appliance
        return appliance.online and appliance.state is not None

    def already_reported(
        self, resource: str, name: str, value: JsonValue, location: str | None = None
    ) -> bool:
        """Return whether a command to set this value may be skipped as already done.

        Only when the appliance's own last report holds the value and no control to the property
        is on its way: right after "turn off", the entity still shows on, and "turn on" must go.
        A state kept from before a restart is no report: the command goes.
        """
        return (
            not self.appliance.restored
            and same_value(self.state_value(resource, name, location), value)
            and self.coordinator.in_flight.get(self.appliance, resource, name, location) is None
        )

    def heading_to(self, resource: str, name: str, location: str | None = None) -> JsonValue:
        """Return the value a property is headed for: the control on its way, else the appliance's report."""
        sent = self.coordinator.in_flight.get(self.appliance, resource, name, location)
        return self.state_value(resource, name, location) if sent is None else sent.value

    def state_value(self, resource: str, name: str, location: str | None = None) -> JsonValue:
        """Return one value of the appliance's last state (None when it has none)."""
        state = self.appliance.state
        return None if state is None else state.get(resource, name, location)

    @thinq_exception_handler
    async def async_send(
        self,
        resource: str,
        name: str,
        value: Any,
        location: str | None = None,
        *,
        unit: str | None = None,
        together: Mapping[tuple[str, str], Any] | None = None,
    ) -> None:
        """Send a control; the state shown changes only once the appliance reports it.

        A failure is raised as its translated error (`errors.ERROR_KEYS`). The context Home
        Assistant set for the service call lets whoever called it (the agent) wait for the
        appliance to confirm the control. `together` are properties sent in the same body (a
        timer's minute with its hour, a hood's lamp with its fan), as LG's SDK does.
        """
        await self.coordinator.async_control(
            self.device_id,
            resource,
            name,
            value,
            location,
            context=self._context,
            unit=unit,
            together=together,
        )


class _OnOff(Protocol):
    async def async_turn_on(self, **kwargs: Any) -> None: ...

    async def async_turn_off(self, **kwargs: Any) -> None: ...


class HeadingToggle(ThinQVoiceEntity):
    """An on/off entity that toggles from where the appliance is headed.

    Home Assistant's own toggle reads the state shown, which a control on its way leaves stale:
    right after "turn off" it would turn off again. Toggling after "turn off" turns on.
    """

    def _headed_on(self) -> bool:
        """Return whether the appliance is on, or on its way to on (see `heading_to`)."""
        raise NotImplementedError

    async def async_toggle(self, **kwargs: Any) -> None:
        """Turn off what is (or is about to be) on, else turn on."""
        # Each platform's entity (fan, switch, climate...) brings its own turn on and off.
        entity = cast(_OnOff, self)
        if self._headed_on():
            await entity.async_turn_off(**kwargs)
        else:
            await entity.async_turn_on(**kwargs)


class ThinQVoicePropertyEntity(ThinQVoiceEntity):
    """An entity showing or setting one profile property."""

    def __init__(
        self,
        coordinator: ThinQVoiceCoordinator,
        appliance: Appliance,
        spec: PropertySpec,
        translation_key: str,
    ) -> None:
        """Name the entity after its property and location."""
        key = spec.key
        super().__init__(coordinator, appliance.info.device_id, key.resource, key.name, key.location)
        self.spec = spec
        named = naming(appliance.profile, translation_key, spec.key.location)
        self._attr_translation_key = named.translation_key
        self._attr_translation_placeholders = named.placeholders

    @property
    def property_value(self) -> JsonValue:
        """Return the property's current value; unit-keyed values are read from the plain resource."""
        state = self.appliance.state
        if state is None:
            return None
        key = self.spec.key
        value = state.get(key.resource, key.name, key.location, key.unit)
        if value is None and key.unit is not None:
            value = state.get(key.resource, key.name, key.location)
        return value

    async def async_send_value(self, value: Any) -> None:
        """Write this property."""
        await self.async_send(self.spec.key.resource, self.spec.key.name, value, self.spec.key.location)


@callback
def async_add_appliance_entities(
    entry: ThinQVoiceConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
    make_entities: Callable[[ThinQVoiceCoordinator, Appliance], Iterable[Entity]],
) -> None:
    """Add entities for every appliance now and for each one that joins the account later."""
    coordinator = entry.runtime_data
    added: set[str] = set()

    @callback
    def _add_new_appliances() -> None:
        new = [device_id for device_id in coordinator.data if device_id not in added]
        # An appliance removed and added again gets its entities back.
        added.intersection_update(coordinator.data)
        if not new:
            return
        added.update(new)
        async_add_entities(
            [
                entity
                for device_id in new
                for entity in make_entities(coordinator, coordinator.data[device_id])
            ]
        )

    _add_new_appliances()
    entry.async_on_unload(coordinator.async_add_listener(_add_new_appliances))


def number_value(value: JsonValue) -> float | None:
    """Return a state value as a number, or None when it is not one."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)
