"""Expose ThinQ Voice's appliance entities to Assist, so the agent can reach them."""

from homeassistant.components.homeassistant.const import DATA_EXPOSED_ENTITIES
from homeassistant.components.homeassistant.exposed_entities import async_expose_entity
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er

from .targets import ASSIST


@callback
def async_expose_new_entities(hass: HomeAssistant, entry: ConfigEntry) -> CALLBACK_TYPE:
    """Expose the entry's entities as they are created; return the function that stops it.

    Call it before the platforms are set up, so that no entity is created unseen.
    """

    registry = er.async_get(hass)

    @callback
    def _entity_created(event: Event[er.EventEntityRegistryUpdatedData]) -> None:
        if event.data["action"] != "create":
            return
        entity = registry.async_get(event.data["entity_id"])
        if entity is not None and entity.config_entry_id == entry.entry_id:
            _expose(hass, entity)

    for entity in er.async_entries_for_config_entry(registry, entry.entry_id):
        _expose(hass, entity)
    return hass.bus.async_listen(er.EVENT_ENTITY_REGISTRY_UPDATED, _entity_created)


@callback
def _expose(hass: HomeAssistant, entity: er.RegistryEntry) -> None:
    """Expose one appliance entity to Assist, as HA does for climate or fan entities.

    Home Assistant exposes only some domains by default, and a washer's start button, a fridge
    compartment's temperature or a run-state sensor is in none of them: without this the agent
    could not reach them. It decides only for entities not yet decided, and only while the user
    lets new entities be exposed, so an entity the user hid from Assist stays hidden.
    """
    if entity.domain == "conversation" or "should_expose" in entity.options.get(ASSIST, {}):
        return
    if not hass.data[DATA_EXPOSED_ENTITIES].async_get_expose_new_entities(ASSIST):
        return
    usable = entity.entity_category is None and entity.hidden_by is None and entity.disabled_by is None
    async_expose_entity(hass, ASSIST, entity.entity_id, usable)
