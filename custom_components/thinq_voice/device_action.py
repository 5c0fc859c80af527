"""Device actions: start, pause or stop, power off, a delayed start and any property the appliance lets us set.

Each goes through the coordinator like a button press or `thinq_voice.set_property`: checked
against the profile first, refused with a translated reason (remote start off, out of range).
"""

from typing import Any

from homeassistant.const import CONF_DEVICE_ID, CONF_DOMAIN, CONF_TYPE
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType, TemplateVarsType
import voluptuous as vol

from .api import ThinQError
from .api.models import DeviceProfile, JsonScalar, PropertySpec, PropertyType, RangeSpec
from .appliance_events import appliance_for_device
from .const import DOMAIN
from .errors import translated_error

CONF_LOCATION = "location"
CONF_HOURS = "hours"
CONF_PROPERTY = "property"
CONF_VALUE = "value"
# Action type → the operation commands that carry it out, in order of preference.
COMMANDS: dict[str, tuple[str, ...]] = {
    "start": ("START",),
    "stop": ("STOP", "PAUSE"),
    "power_off": ("POWER_OFF",),
}
DELAYED_START = "delayed_start"
SET_PROPERTY = "set_property"
ACTION_TYPES = [*COMMANDS, DELAYED_START, SET_PROPERTY]
DELAY_PROPERTY = ("timer", "relativeHourToStart")
# An air conditioner's air-purifying function has a START of its own: it does not start the AC.
_NOT_THE_APPLIANCE = "airCleanOperationMode"

ACTION_SCHEMA = cv.DEVICE_ACTION_BASE_SCHEMA.extend(
    {
        vol.Required(CONF_TYPE): vol.In(ACTION_TYPES),
        vol.Optional(CONF_LOCATION): cv.string,
        vol.Optional(CONF_HOURS): vol.All(vol.Coerce(int), vol.Range(min=0, max=24)),
        vol.Optional(CONF_PROPERTY): cv.string,
        vol.Optional(CONF_VALUE): vol.Any(bool, int, float, cv.string),
    }
)


def command_specs(profile: DeviceProfile, action: str) -> list[tuple[PropertySpec, str]]:
    """Return the operation properties (one per part) and the command that carry out an action."""
    found: list[tuple[PropertySpec, str]] = []
    for spec in profile.properties.values():
        if spec.key.resource != "operation" or spec.key.name == _NOT_THE_APPLIANCE or not spec.writable:
            continue
        values = spec.write_values if isinstance(spec.write_values, tuple) else ()
        if command := next((command for command in COMMANDS[action] if command in values), None):
            found.append((spec, command))
    return found


def delay_specs(profile: DeviceProfile) -> list[PropertySpec]:
    """Return the writable delayed-start hours (one per part)."""
    return [
        spec
        for spec in profile.properties.values()
        if (spec.key.resource, spec.key.name) == DELAY_PROPERTY and spec.writable
    ]


def settable_specs(profile: DeviceProfile) -> dict[str, PropertySpec]:
    """Return the properties a user can set, by their readable key (`temperature.targetTemperature@FRIDGE`)."""
    return {
        str(spec.key): spec
        for spec in profile.properties.values()
        if spec.writable and spec.type is not PropertyType.UNKNOWN
    }


def _specs_for(profile: DeviceProfile, action: str) -> list[PropertySpec]:
    if action in COMMANDS:
        return [spec for spec, _ in command_specs(profile, action)]
    if action == DELAYED_START:
        return delay_specs(profile)
    return list(settable_specs(profile).values())


async def async_get_actions(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List what an appliance's profile lets us do to it."""
    if (found := appliance_for_device(hass, device_id)) is None:
        return []
    profile = found[1].profile
    return [
        {CONF_DEVICE_ID: device_id, CONF_DOMAIN: DOMAIN, CONF_TYPE: action}
        for action in ACTION_TYPES
        if _specs_for(profile, action)
    ]


async def async_get_action_capabilities(hass: HomeAssistant, config: ConfigType) -> dict[str, vol.Schema]:
    """Ask for the part of a multi-part appliance, the hours of a delay, or the property and value."""
    if (found := appliance_for_device(hass, config[CONF_DEVICE_ID])) is None:
        return {}
    action = config[CONF_TYPE]
    specs = _specs_for(found[1].profile, action)
    fields: dict[Any, Any] = {}
    if action == SET_PROPERTY:
        fields[vol.Required(CONF_PROPERTY)] = vol.In(sorted(settable_specs(found[1].profile)))
        fields[vol.Required(CONF_VALUE)] = cv.string
        return {"extra_fields": vol.Schema(fields)}
    locations = sorted({spec.key.location for spec in specs if spec.key.location is not None})
    if len(locations) > 1:
        fields[vol.Required(CONF_LOCATION)] = vol.In(locations)
    if action == DELAYED_START:
        hours = specs[0].write_values
        low, high = (int(hours.min), int(hours.max)) if isinstance(hours, RangeSpec) else (1, 24)
        fields[vol.Required(CONF_HOURS)] = vol.All(vol.Coerce(int), vol.Range(min=low, max=high))
    return {"extra_fields": vol.Schema(fields)} if fields else {}


async def async_validate_action_config(hass: HomeAssistant, config: ConfigType) -> ConfigType:
    """Check the fields each action needs; the value itself is checked against the profile when sent."""
    config = ACTION_SCHEMA(config)
    action = config[CONF_TYPE]
    if action == DELAYED_START and CONF_HOURS not in config:
        raise vol.Invalid("a delayed_start action needs `hours`")
    if action == SET_PROPERTY and (CONF_PROPERTY not in config or CONF_VALUE not in config):
        raise vol.Invalid("a set_property action needs `property` and `value`")
    return config


async def async_call_action_from_config(
    hass: HomeAssistant, config: ConfigType, variables: TemplateVarsType, context: Context | None
) -> None:
    """Send the action's control to the appliance."""
    device_id = config[CONF_DEVICE_ID]
    found = appliance_for_device(hass, device_id)
    if found is None:
        # Home Assistant checked that the device exists: its account is what is missing.
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="device_not_loaded",
            translation_placeholders={"device": device_id},
        )
    coordinator, appliance = found
    spec, value = _control(appliance.profile, config)
    try:
        await coordinator.async_control(
            appliance.info.device_id,
            spec.key.resource,
            spec.key.name,
            value,
            spec.key.location,
            context=context,
        )
    except ThinQError as err:
        raise translated_error(err, appliance.info.alias) from err


def _control(profile: DeviceProfile, config: ConfigType) -> tuple[PropertySpec, JsonScalar]:
    """Return the property and value an action writes; raise a translated error when there is none."""
    action = config[CONF_TYPE]
    if action == SET_PROPERTY:
        spec = settable_specs(profile).get(config[CONF_PROPERTY])
        if spec is None:
            raise _not_offered(config[CONF_PROPERTY])
        return spec, property_value(spec, config[CONF_VALUE])
    location = config.get(CONF_LOCATION)
    if action in COMMANDS:
        commands = [
            (spec, command)
            for spec, command in command_specs(profile, action)
            if location is None or spec.key.location == location
        ]
        if not commands:
            raise _not_offered(action)
        return commands[0]
    delays = [spec for spec in delay_specs(profile) if location is None or spec.key.location == location]
    if not delays:
        raise _not_offered(action)
    return delays[0], int(config[CONF_HOURS])


def property_value(spec: PropertySpec, raw: Any) -> JsonScalar:
    """Read a value typed in the automation editor as the property's type ("true", "23", "COOL")."""
    text = str(raw).strip()
    match spec.type:
        case PropertyType.BOOLEAN:
            try:
                return bool(cv.boolean(raw))
            except vol.Invalid:
                raise _bad_value(spec, text) from None
        case PropertyType.RANGE | PropertyType.NUMBER:
            try:
                number = float(text)
            except ValueError:
                raise _bad_value(spec, text) from None
            return int(number) if number.is_integer() else number
        case PropertyType.ENUM:
            values = spec.write_values if isinstance(spec.write_values, tuple) else ()
            return next((value for value in values if str(value).lower() == text.lower()), text)
        case _:
            return text


def _not_offered(what: str) -> HomeAssistantError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="action_not_offered",
        translation_placeholders={"action": what},
    )


def _bad_value(spec: PropertySpec, text: str) -> HomeAssistantError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="invalid_action_value",
        translation_placeholders={"value": text, "allowed": spec.describe_writable()},
    )
