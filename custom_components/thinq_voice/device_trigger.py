"""Device triggers: a cycle started, paused, finished or failed, a door left open, LG's notifications.

Run and notification triggers follow `thinq_voice_appliance_event` (pushes and polling both fire
it); a door left open and the time left follow their entities' states. Each appliance is offered
only what its profile can tell.
"""

from typing import Any

from homeassistant.components.device_automation import DEVICE_TRIGGER_BASE_SCHEMA
from homeassistant.components.homeassistant.triggers import (
    event as event_trigger,
    numeric_state as numeric_state_trigger,
    state as state_trigger,
)
from homeassistant.const import (
    CONF_BELOW,
    CONF_DEVICE_ID,
    CONF_DOMAIN,
    CONF_ENTITY_ID,
    CONF_EVENT_DATA,
    CONF_FOR,
    CONF_PLATFORM,
    CONF_TYPE,
    STATE_ON,
    STATE_UNAVAILABLE,
    STATE_UNKNOWN,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant
from homeassistant.helpers import config_validation as cv, entity_registry as er
from homeassistant.helpers.trigger import TriggerActionType, TriggerInfo
from homeassistant.helpers.typing import ConfigType
import voluptuous as vol

from .appliance_events import ApplianceEventType, appliance_for_device, event_types
from .const import DOMAIN, EVENT_APPLIANCE
from .coordinator import Appliance
from .properties import unique_id

CONF_SUBTYPE = "subtype"
CONF_EVENT_TYPE = "event_type"
DOOR_OPEN = "door_open"
REMAINING_TIME_BELOW = "remaining_time_below"
# Triggers that follow `thinq_voice_appliance_event` of the same type.
EVENT_TRIGGERS = (
    ApplianceEventType.STARTED,
    ApplianceEventType.PAUSED,
    ApplianceEventType.FINISHED,
    ApplianceEventType.ERROR,
    ApplianceEventType.PREHEATED,
    ApplianceEventType.NOTIFICATION,
    ApplianceEventType.OFFLINE,
    ApplianceEventType.ONLINE,
)
TRIGGER_TYPES = {*(kind.value for kind in EVENT_TRIGGERS), DOOR_OPEN, REMAINING_TIME_BELOW}
# The longest time left a laundry or oven program shows, in minutes.
MAX_REMAINING_MINUTES = 24 * 60

TRIGGER_SCHEMA = DEVICE_TRIGGER_BASE_SCHEMA.extend(
    {
        vol.Required(CONF_TYPE): vol.In(TRIGGER_TYPES),
        vol.Optional(CONF_SUBTYPE): cv.string,
        vol.Optional(CONF_ENTITY_ID): cv.entity_id_or_uuid,
        vol.Optional(CONF_FOR): cv.positive_time_period_dict,
        vol.Optional(CONF_BELOW): vol.All(vol.Coerce(int), vol.Range(min=1, max=MAX_REMAINING_MINUTES)),
    }
)


def property_entities(
    hass: HomeAssistant, device_id: str, appliance: Appliance, domain: str, resource: str, name: str
) -> list[er.RegistryEntry]:
    """Return the device's ThinQ Voice entities of a property, one per part, by their exact unique ids."""
    state_locations = appliance.state.locations if appliance.state else ()
    wanted = {
        unique_id(appliance.info.device_id, resource, name, location)
        for location in (None, *appliance.profile.locations, *state_locations)
    }
    return [
        entry
        for entry in er.async_entries_for_device(er.async_get(hass), device_id)
        if entry.platform == DOMAIN and entry.domain == domain and entry.unique_id in wanted
    ]


async def async_get_triggers(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List the triggers an appliance can fire."""
    if (found := appliance_for_device(hass, device_id)) is None:
        return []
    _, appliance = found
    base = {CONF_PLATFORM: "device", CONF_DEVICE_ID: device_id, CONF_DOMAIN: DOMAIN}
    triggers: list[dict[str, Any]] = [
        {**base, CONF_TYPE: kind.value} for kind in event_types(appliance.profile) if kind in EVENT_TRIGGERS
    ]
    triggers += [
        {**base, CONF_TYPE: ApplianceEventType.NOTIFICATION.value, CONF_SUBTYPE: code.lower()}
        for code in appliance.profile.push_codes
    ]
    triggers += [
        {**base, CONF_TYPE: kind.value} for kind in (ApplianceEventType.OFFLINE, ApplianceEventType.ONLINE)
    ]
    triggers += [
        {**base, CONF_TYPE: DOOR_OPEN, CONF_ENTITY_ID: entry.id}
        # The door sensors (a fridge has one per compartment).
        for entry in property_entities(hass, device_id, appliance, "binary_sensor", "doorStatus", "doorState")
    ]
    triggers += [
        {**base, CONF_TYPE: REMAINING_TIME_BELOW, CONF_ENTITY_ID: entry.id}
        # The time-left sensors (an oven has one per cavity).
        for entry in property_entities(hass, device_id, appliance, "sensor", "timer", "remaining_time")
    ]
    return triggers


async def async_get_trigger_capabilities(hass: HomeAssistant, config: ConfigType) -> dict[str, vol.Schema]:
    """Ask how long a door stays open, or below how many minutes left."""
    if config[CONF_TYPE] == DOOR_OPEN:
        return {"extra_fields": vol.Schema({vol.Optional(CONF_FOR): cv.positive_time_period_dict})}
    if config[CONF_TYPE] == REMAINING_TIME_BELOW:
        return {
            "extra_fields": vol.Schema(
                {
                    vol.Required(CONF_BELOW): vol.All(
                        vol.Coerce(int), vol.Range(min=1, max=MAX_REMAINING_MINUTES)
                    )
                }
            )
        }
    return {}


async def async_validate_trigger_config(hass: HomeAssistant, config: ConfigType) -> ConfigType:
    """Check the trigger's fields: an entity for door and time-left triggers, a limit for time left."""
    config = TRIGGER_SCHEMA(config)
    kind = config[CONF_TYPE]
    if kind in (DOOR_OPEN, REMAINING_TIME_BELOW) and CONF_ENTITY_ID not in config:
        raise vol.Invalid(f"a {kind} trigger needs the entity_id of the appliance's sensor")
    if kind == REMAINING_TIME_BELOW and CONF_BELOW not in config:
        raise vol.Invalid("a remaining_time_below trigger needs `below` (minutes)")
    return config


async def async_attach_trigger(
    hass: HomeAssistant, config: ConfigType, action: TriggerActionType, trigger_info: TriggerInfo
) -> CALLBACK_TYPE:
    """Follow the appliance's events, or its door or time-left entity."""
    kind = config[CONF_TYPE]
    if kind == DOOR_OPEN:
        door: dict[str, Any] = {
            CONF_PLATFORM: "state",
            CONF_ENTITY_ID: config[CONF_ENTITY_ID],
            state_trigger.CONF_TO: STATE_ON,
            # Coming back online with the door open is not the door opening.
            state_trigger.CONF_NOT_FROM: [STATE_UNAVAILABLE, STATE_UNKNOWN],
        }
        if CONF_FOR in config:
            door[CONF_FOR] = config[CONF_FOR]
        door = await state_trigger.async_validate_trigger_config(hass, door)
        return await state_trigger.async_attach_trigger(
            hass, door, action, trigger_info, platform_type="device"
        )
    if kind == REMAINING_TIME_BELOW:
        time_left = await numeric_state_trigger.async_validate_trigger_config(
            hass,
            {
                CONF_PLATFORM: "numeric_state",
                CONF_ENTITY_ID: config[CONF_ENTITY_ID],
                CONF_BELOW: config[CONF_BELOW],
            },
        )
        return await numeric_state_trigger.async_attach_trigger(
            hass, time_left, action, trigger_info, platform_type="device"
        )
    event_data: dict[str, Any] = {CONF_DEVICE_ID: config[CONF_DEVICE_ID], "type": kind}
    if CONF_SUBTYPE in config:
        event_data["code"] = config[CONF_SUBTYPE]
    event = await event_trigger.async_validate_trigger_config(
        hass,
        {
            CONF_PLATFORM: "event",
            CONF_EVENT_TYPE: EVENT_APPLIANCE,
            CONF_EVENT_DATA: event_data,
        },
    )
    return await event_trigger.async_attach_trigger(hass, event, action, trigger_info, platform_type="device")
