"""Resolve the words naming an appliance to Home Assistant devices and entities.

Any entity exposed to Assist counts, whatever integration made it, so ThinQ Voice also drives
core `lg_thinq` or `webostv` entities. Entities are grouped by device: "세탁기" names the washer
device, and the action picks the entity of that device that can do what was asked.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
import re
from typing import Any

from homeassistant.components.homeassistant.exposed_entities import (
    async_listen_entity_updates,
    async_should_expose,
)
from homeassistant.const import EVENT_STATE_CHANGED, STATE_UNAVAILABLE
from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import area_registry as ar, device_registry as dr, entity_registry as er

from ..const import DOMAIN
from ..coordinator import Appliance as ThinQAppliance
from ..entry_kinds import account_runtime, account_runtimes, account_with_appliance, tv_runtime
from ..voice.model import DeviceType, TargetPhrase

ASSIST = "conversation"
_NOT_KEY = re.compile(r"[\s\-_.,'’]+")

# What a device's entities say about the kind of appliance, for devices of other integrations.
_DOMAIN_TYPES: dict[str, DeviceType] = {
    "climate": DeviceType.AIR_CONDITIONER,
    "vacuum": DeviceType.ROBOT_CLEANER,
    "water_heater": DeviceType.WATER_HEATER,
}
_HUMIDIFIER_TYPES = {"dehumidifier": DeviceType.DEHUMIDIFIER, "humidifier": DeviceType.HUMIDIFIER}


def name_key(text: str) -> str:
    """Return the matching key of a name: lower case, without spaces or punctuation."""
    return _NOT_KEY.sub("", text).lower()


@dataclass(slots=True)
class TargetAppliance:
    """A device (or a lone entity) that can be named in a sentence."""

    name: str
    keys: set[str]
    entity_ids: list[str]
    area_id: str | None = None
    device_id: str | None = None
    device_type: DeviceType | None = None
    thinq_device_id: str | None = None
    area_keys: set[str] = field(default_factory=set)

    def entities(self, domain: str) -> list[str]:
        """Return this appliance's exposed entities of a domain."""
        return [entity_id for entity_id in self.entity_ids if entity_id.split(".", 1)[0] == domain]


def thinq_device_types(hass: HomeAssistant) -> dict[str, DeviceType]:
    """Return the kind of every ThinQ Voice appliance, by ThinQ device id."""
    types: dict[str, DeviceType] = {}
    # A TV entry's TV is typed by its media player's device class.
    for coordinator in account_runtimes(hass):
        for device_id, appliance in coordinator.data.items():
            kind = appliance.info.device_type.removeprefix("DEVICE_").lower()
            if kind in DeviceType:
                types[device_id] = DeviceType(kind)
    return types


def thinq_appliance(hass: HomeAssistant, thinq_device_id: str | None) -> ThinQAppliance | None:
    """Return what the loaded ThinQ account knows of an appliance by LG's id; None for other devices."""
    coordinator = account_with_appliance(hass, thinq_device_id)
    return coordinator.data[thinq_device_id] if coordinator and thinq_device_id else None


def thinq_updated_at(hass: HomeAssistant, appliance: TargetAppliance) -> datetime | None:
    """Return when ThinQ Voice last read a ThinQ appliance's state; None for other devices."""
    known = thinq_appliance(hass, appliance.thinq_device_id)
    return known.updated_at if known else None


def control_in_flight(hass: HomeAssistant, appliance: TargetAppliance) -> bool:
    """Return whether ThinQ Voice sent the appliance a control it has not reported yet.

    Until it has, the state Home Assistant shows may be stale: "already on" is not to be said.
    """
    device = dr.async_get(hass).async_get(appliance.device_id) if appliance.device_id else None
    entry = (
        hass.config_entries.async_get_entry(device.config_entry_id)
        if device and device.config_entry_id
        else None
    )
    if tv := tv_runtime(entry):
        return tv.power_in_flight
    coordinator = account_runtime(entry)
    known = coordinator.data.get(appliance.thinq_device_id or "") if coordinator else None
    return coordinator is not None and known is not None and coordinator.in_flight.any_for(known)


def collect_appliances(hass: HomeAssistant) -> list[TargetAppliance]:
    """Return every device and lone entity with at least one entity exposed to Assist."""
    entities = er.async_get(hass)
    devices = dr.async_get(hass)
    areas = ar.async_get(hass)
    thinq_types = thinq_device_types(hass)
    by_device: dict[str, TargetAppliance] = {}
    lone: list[TargetAppliance] = []
    for state in hass.states.async_all():
        entity_id = state.entity_id
        if not async_should_expose(hass, ASSIST, entity_id):
            continue
        entry = entities.async_get(entity_id)
        device = devices.async_get(entry.device_id) if entry and entry.device_id else None
        if device is None:
            names = [state.name, *_aliases(entry)]
            area_id = entry.area_id if entry else None
            lone.append(
                TargetAppliance(
                    name=state.name,
                    keys={name_key(name) for name in names if name},
                    entity_ids=[entity_id],
                    area_id=area_id,
                )
            )
            continue
        appliance = by_device.get(device.id)
        if appliance is None:
            name = device.name_by_user or device.name or state.name
            thinq_id = next((ident for domain, ident in device.identifiers if domain == DOMAIN), None)
            appliance = TargetAppliance(
                name=name,
                keys={name_key(name)},
                entity_ids=[],
                area_id=device.area_id,
                device_id=device.id,
                thinq_device_id=thinq_id,
                device_type=thinq_types.get(thinq_id) if thinq_id else None,
            )
            by_device[device.id] = appliance
        appliance.entity_ids.append(entity_id)
        appliance.keys.update(name_key(alias) for alias in _aliases(entry))
        if entry and entry.area_id and appliance.area_id is None:
            appliance.area_id = entry.area_id
    result = [*by_device.values(), *lone]
    for appliance in result:
        if appliance.device_type is None:
            appliance.device_type = _guess_type(hass, appliance.entity_ids)
        if appliance.area_id and (area := areas.async_get_area(appliance.area_id)):
            appliance.area_keys = {name_key(area.name), *(name_key(alias) for alias in area.aliases)}
    return result


class ApplianceIndex:
    """`collect_appliances`, kept between turns until something it is made of changes.

    Walking every state, registry entry and exposure setting is most of a turn's work in a large
    home; it only changes when entities, devices, areas or what is exposed to Assist change, or
    an entity appears, disappears or comes back (its attributes may tell its kind).
    """

    def __init__(self, hass: HomeAssistant) -> None:
        """Start empty; `async_start` listens for changes."""
        self.hass = hass
        self._appliances: list[TargetAppliance] | None = None

    def get(self) -> list[TargetAppliance]:
        """Return the appliances, collecting them when something changed since the last time."""
        if self._appliances is None:
            self._appliances = collect_appliances(self.hass)
        return list(self._appliances)

    @callback
    def async_start(self) -> CALLBACK_TYPE:
        """Listen for what changes the appliances; return the function that stops listening."""
        bus = self.hass.bus
        stops = [
            bus.async_listen(er.EVENT_ENTITY_REGISTRY_UPDATED, self._async_forget),
            bus.async_listen(dr.EVENT_DEVICE_REGISTRY_UPDATED, self._async_forget),
            bus.async_listen(ar.EVENT_AREA_REGISTRY_UPDATED, self._async_forget),
            bus.async_listen(EVENT_STATE_CHANGED, self._async_forget, event_filter=_appears_or_goes),
            async_listen_entity_updates(self.hass, ASSIST, self._async_forget),
        ]

        @callback
        def stop() -> None:
            for unsubscribe in stops:
                unsubscribe()

        return stop

    @callback
    def _async_forget(self, _event: Event[Any] | None = None) -> None:
        self._appliances = None


@callback
def _appears_or_goes(data: EventStateChangedData) -> bool:
    old, new = data["old_state"], data["new_state"]
    return old is None or new is None or (old.state == STATE_UNAVAILABLE) != (new.state == STATE_UNAVAILABLE)


def _aliases(entry: er.RegistryEntry | None) -> list[str]:
    """Return an entity's aliases; the registry also keeps a marker for "its own name" there."""
    return [alias for alias in entry.aliases if isinstance(alias, str)] if entry else []


def _guess_type(hass: HomeAssistant, entity_ids: Iterable[str]) -> DeviceType | None:
    """Guess the appliance kind of another integration's device from its entities."""
    for entity_id in entity_ids:
        domain = entity_id.split(".", 1)[0]
        if domain in _DOMAIN_TYPES:
            return _DOMAIN_TYPES[domain]
        state = hass.states.get(entity_id)
        device_class = state.attributes.get("device_class") if state else None
        if domain == "humidifier" and device_class in _HUMIDIFIER_TYPES:
            return _HUMIDIFIER_TYPES[device_class]
        if domain == "media_player" and device_class == "tv":
            return DeviceType.TV
    return None


def match(appliances: list[TargetAppliance], target: TargetPhrase) -> list[TargetAppliance]:
    """Return the appliances a target phrase names, best matches only.

    A full name or alias wins; then area plus kind ("거실 에어컨" where the device is just
    "에어컨" in the living room); then the kind alone; then names containing the words.
    """
    exact = [appliance for appliance in appliances if any(target.matches(key) for key in appliance.keys)]
    if exact:
        return exact
    area_key = name_key(target.area) if target.area else None
    pool = appliances
    if area_key:
        in_area = [appliance for appliance in appliances if area_key in appliance.area_keys]
        pool = in_area or [
            appliance for appliance in appliances if any(area_key in key for key in appliance.keys)
        ]
    if target.device_type is not None:
        typed = [appliance for appliance in pool if appliance.device_type is target.device_type]
        if typed:
            return typed
        if area_key:
            return []
    if target.key:
        containing = [
            appliance
            for appliance in pool
            if any(target.key in key or (len(key) >= 2 and key in target.key) for key in appliance.keys)
        ]
        if containing:
            return containing
    if area_key and target.key in ("", area_key):
        return pool
    return []
