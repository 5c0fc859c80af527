"""Actions: write any profile property, and read an appliance's energy history."""

from datetime import date
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import ATTR_DEVICE_ID
from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv, device_registry as dr
import voluptuous as vol

from .api import Priority, ThinQBudgetError, ThinQError, ThinQRateLimitError
from .const import DOMAIN
from .coordinator import ThinQVoiceConfigEntry, ThinQVoiceCoordinator, budget_held_error

SERVICE_SET_PROPERTY = "set_property"
SERVICE_GET_ENERGY_USAGE = "get_energy_usage"
ATTR_RESOURCE = "resource"
ATTR_PROPERTY = "property"
ATTR_VALUE = "value"
ATTR_LOCATION = "location"
ATTR_PERIOD = "period"
ATTR_START = "start"
ATTR_END = "end"
PERIODS = {"day": "DAY", "month": "MONTH"}

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
            translation_placeholders={"device": device_id},
        )
    # A device belongs to one config entry (HA 2026.10+).
    entry: ThinQVoiceConfigEntry | None = hass.config_entries.async_get_entry(device.config_entry_id)
    if (
        entry is not None
        and entry.domain == DOMAIN
        and entry.state is ConfigEntryState.LOADED
        and isinstance(entry.runtime_data, ThinQVoiceCoordinator)
        and lg_id in entry.runtime_data.data
    ):
        return entry.runtime_data, lg_id
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="device_not_loaded",
        translation_placeholders={"device": device_id},
    )


async def _async_set_property(call: ServiceCall) -> None:
    """Write one property after checking it against the appliance's profile."""
    coordinator, device_id = _appliance(call.hass, call.data[ATTR_DEVICE_ID])
    await coordinator.async_control(
        device_id,
        call.data[ATTR_RESOURCE],
        call.data[ATTR_PROPERTY],
        call.data[ATTR_VALUE],
        call.data.get(ATTR_LOCATION),
        context=call.context,
    )


async def _async_get_energy_usage(call: ServiceCall) -> ServiceResponse:
    """Return an appliance's energy use per day or month, in watt-hours."""
    coordinator, device_id = _appliance(call.hass, call.data[ATTR_DEVICE_ID])
    start: date = call.data[ATTR_START]
    end: date = call.data[ATTR_END]
    if start > end:
        raise ServiceValidationError(translation_domain=DOMAIN, translation_key="start_after_end")
    period = PERIODS[call.data[ATTR_PERIOD]]
    client = coordinator.client
    try:
        prop = await coordinator.energy.async_property(device_id)
        if prop is None:
            raise HomeAssistantError(translation_domain=DOMAIN, translation_key="no_energy")
        # Someone waits for this answer: it is not background reading.
        response = await client.async_get_energy_usage(
            device_id, prop, period, start, end, priority=Priority.CONFIRM
        )
    except ThinQBudgetError as err:
        raise budget_held_error(err) from err
    except ThinQRateLimitError as err:
        raise HomeAssistantError(
            translation_domain=DOMAIN,
            translation_key="rate_limited_control",
            translation_placeholders={"seconds": str(round(err.retry_after))},
        ) from err
    except ThinQError as err:
        raise HomeAssistantError(translation_domain=DOMAIN, translation_key="energy_failed") from err
    return {"period": call.data[ATTR_PERIOD], "unit": "Wh", "usage": _usage_rows(response, prop)}


def _usage_rows(response: Any, prop: str) -> list[dict[str, Any]]:
    """Turn LG's `dataList` into rows of ISO date and watt-hours."""
    rows: list[dict[str, Any]] = []
    data = response.get("dataList") if isinstance(response, dict) else None
    scale = 1000 if isinstance(response, dict) and response.get("unit") == "kWh" else 1
    for entry in data if isinstance(data, list) else []:
        if not isinstance(entry, dict) or not isinstance(day := entry.get("usedDate"), str):
            continue
        value = entry.get(prop)
        if len(day) == 8:
            day = f"{day[:4]}-{day[4:6]}-{day[6:]}"
        elif len(day) == 6:
            day = f"{day[:4]}-{day[4:]}"
        rows.append({"date": day, "energy": value * scale if isinstance(value, int | float) else None})
    return rows
