"""Actions: write any profile property, and read an appliance's energy history.

Both are checked before anything is sent to LG: a property against the appliance's profile, a
period against what LG's history answers in one call. What is wrong is told as a translated
validation error naming what is allowed (HTTP 400 over REST, no error in the log); values echoed
back go through `log_safe`.
"""

from datetime import date
import json
from typing import Any

from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv, device_registry as dr
import voluptuous as vol

from .api import (
    DeviceProfile,
    Priority,
    PropertySpec,
    PropertyType,
    RangeSpec,
    ThinQError,
    ThinQInvalidValueError,
)
from .api.energy import EnergyPeriod
from .api.models import validate_value
from .const import DOMAIN
from .coordinator import ThinQVoiceCoordinator
from .energy import usage_rows
from .entry_kinds import account_runtime
from .errors import FALLBACK_KEY, MAX_ECHO, error_key, log_safe, translated_error

SERVICE_SET_PROPERTY = "set_property"
SERVICE_GET_ENERGY_USAGE = "get_energy_usage"
ATTR_RESOURCE = "resource"
ATTR_PROPERTY = "property"
ATTR_VALUE = "value"
ATTR_LOCATION = "location"
ATTR_PERIOD = "period"
ATTR_START = "start"
ATTR_END = "end"
# The action's period names, and LG's for them (the values LG's SDK sends).
PERIODS = {"day": EnergyPeriod.DAILY, "month": EnergyPeriod.MONTHLY}
# The longest history LG answers in one call.
MAX_DAYS = 31
MAX_MONTHS = 12

SET_PROPERTY_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): cv.string,
        vol.Required(ATTR_RESOURCE): cv.string,
        vol.Required(ATTR_PROPERTY): cv.string,
        vol.Required(ATTR_VALUE): vol.Any(bool, int, float, str),
        vol.Optional(ATTR_LOCATION): cv.string,
    }
)
GET_ENERGY_USAGE_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_DEVICE_ID): cv.string,
        vol.Required(ATTR_PERIOD): vol.In(list(PERIODS)),
        vol.Required(ATTR_START): cv.date,
        vol.Required(ATTR_END): cv.date,
    }
)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the integration's actions."""
    hass.services.async_register(
        DOMAIN, SERVICE_SET_PROPERTY, _async_set_property, schema=SET_PROPERTY_SCHEMA
    )
    hass.services.async_register(
        DOMAIN,
        SERVICE_GET_ENERGY_USAGE,
        _async_get_energy_usage,
        schema=GET_ENERGY_USAGE_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )


def _appliance(hass: HomeAssistant, device_id: str) -> tuple[ThinQVoiceCoordinator, str]:
    """Return the coordinator and LG device id behind a Home Assistant device id."""
    device = dr.async_get(hass).async_get(device_id)
    lg_id = (
        next((ident for domain, ident in device.identifiers if domain == DOMAIN), None) if device else None
    )
    if device is None or lg_id is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_device",
            translation_placeholders={"device": log_safe(device_id)},
        )
    # A device belongs to one config entry (HA 2026.10+).
    coordinator = account_runtime(hass.config_entries.async_get_entry(device.config_entry_id))
    if coordinator is not None and lg_id in coordinator.data:
        return coordinator, lg_id
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="device_not_loaded",
        translation_placeholders={"device": log_safe(device_id)},
    )


async def _async_set_property(call: ServiceCall) -> None:
    """Write one property after checking it against the appliance's profile."""
    coordinator, device_id = _appliance(call.hass, call.data[ATTR_DEVICE_ID])
    appliance = coordinator.data[device_id]
    resource, prop, value = call.data[ATTR_RESOURCE], call.data[ATTR_PROPERTY], call.data[ATTR_VALUE]
    location = call.data.get(ATTR_LOCATION)
    check_property(appliance.profile, appliance.info.alias, resource, prop, value, location)
    try:
        await coordinator.async_control(device_id, resource, prop, value, location, context=call.context)
    except ThinQError as err:
        raise translated_error(err, appliance.info.alias) from err


def check_property(
    profile: DeviceProfile, device: str, resource: str, prop: str, value: Any, location: str | None
) -> None:
    """Check a write against the profile: property, location, writability and value.

    Raises:
        ServiceValidationError: what is wrong, naming what the profile allows.
    """
    specs = [spec for key, spec in profile.properties.items() if (key.resource, key.name) == (resource, prop)]
    placeholders = {"device": log_safe(device), "property": log_safe(f"{resource}.{prop}")}
    if not specs:
        writable = sorted(
            {f"{key.resource}.{key.name}" for key, spec in profile.properties.items() if spec.writable}
        )
        raise _invalid("unknown_property", placeholders, writable)
    locations = sorted({spec.key.location for spec in specs if spec.key.location is not None})
    at_location = [spec for spec in specs if spec.key.location == location]
    if location is None and not at_location and len(locations) == 1:
        at_location = specs
    if not at_location:
        raise _invalid("invalid_location", {**placeholders, "location": log_safe(location or "-")}, locations)
    spec = at_location[0]
    if not spec.writable:
        raise _invalid("read_only_property", placeholders, [])
    try:
        validate_value(spec, value)
    except ThinQInvalidValueError as err:
        raise _invalid(
            "invalid_property_value", {**placeholders, "value": log_safe(value)}, _allowed(spec)
        ) from err


def _allowed(spec: PropertySpec) -> list[str]:
    """Name the values a property takes, as they are written in a call."""
    values = spec.write_values
    if isinstance(values, RangeSpec):
        return [values.describe()]
    if values:
        return [
            json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value for value in values
        ]
    if spec.type is PropertyType.BOOLEAN:
        return ["true", "false"]
    return [spec.describe_writable()]


def _invalid(key: str, placeholders: dict[str, str], allowed: list[str]) -> ServiceValidationError:
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders={**placeholders, "allowed": log_safe(", ".join(allowed), 4 * MAX_ECHO)},
    )


async def _async_get_energy_usage(call: ServiceCall) -> ServiceResponse:
    """Return an appliance's energy use per day or month, in watt-hours."""
    coordinator, device_id = _appliance(call.hass, call.data[ATTR_DEVICE_ID])
    start: date = call.data[ATTR_START]
    end: date = call.data[ATTR_END]
    _check_period(call.data[ATTR_PERIOD], start, end)
    period = PERIODS[call.data[ATTR_PERIOD]]
    device = coordinator.data[device_id].info.alias
    try:
        prop = await coordinator.energy.async_property(device_id)
        if prop is None:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="no_energy")
        # Someone waits for this answer: it is not background reading.
        history = await coordinator.client.async_get_energy_usage(
            device_id, prop, period, start, end, priority=Priority.CONFIRM
        )
    except ThinQError as err:
        if error_key(err) in (FALLBACK_KEY, "unknown_device"):
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="energy_failed") from err
        raise translated_error(err, device) from err
    return {"period": call.data[ATTR_PERIOD], "unit": "Wh", "usage": usage_rows(history)}


def _check_period(period: str, start: date, end: date) -> None:
    """Check that LG answers the period in one call.

    Raises:
        ServiceValidationError: the start is after the end, or the period is too long.
    """
    if start > end:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="start_after_end")
    if period == "day" and (end - start).days >= MAX_DAYS:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="too_many_days",
            translation_placeholders={"limit": str(MAX_DAYS)},
        )
    if period == "month" and (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="too_many_months",
            translation_placeholders={"limit": str(MAX_MONTHS)},
        )
