"""Diagnostics for ThinQ Voice, with secrets and serial numbers redacted."""

from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.const import CONF_ACCESS_TOKEN
from homeassistant.core import HomeAssistant

from .api import Priority, RequestBudget
from .api.models import DeviceProfile, DeviceState, PropertySpec, RangeSpec
from .const import CONF_CLIENT_ID, CONF_CLIENT_KEY, CONF_MAC
from .entry_kinds import AnyConfigEntry, is_tv_entry
from .tv.diagnostics import tv_diagnostics

# Keys redacted wherever they appear: the token and client id, and the identifiers LG puts
# in payloads (serial numbers, the account's user number, MAC addresses).
TO_REDACT = {
    CONF_ACCESS_TOKEN,
    CONF_CLIENT_ID,
    CONF_CLIENT_KEY,
    CONF_MAC,
    "serialNumber",
    "serial_number",
    "userNumber",
    "userList",
    "macAddress",
    "mac",
}


async def async_get_config_entry_diagnostics(hass: HomeAssistant, entry: AnyConfigEntry) -> dict[str, Any]:
    """Return the entry, and each appliance's profile and last state, or the TV's state."""
    if is_tv_entry(entry):
        return async_redact_data(tv_diagnostics(entry), TO_REDACT)
    coordinator = entry.runtime_data
    appliances = {
        device_id: {
            "device_type": appliance.info.device_type,
            "model_name": appliance.info.model_name,
            "online": appliance.online,
            "updated_at": appliance.updated_at.isoformat() if appliance.updated_at else None,
            "profile": _profile(appliance.profile),
            "state": _state(appliance.state) if appliance.state else None,
        }
        for device_id, appliance in coordinator.data.items()
    }
    return async_redact_data(
        {
            "entry": {"data": dict(entry.data), "options": dict(entry.options)},
            "known_devices": len(coordinator.known_devices),
            "request_budget": _budget(coordinator.client.budget),
            "update_interval_seconds": coordinator.update_interval.total_seconds()
            if coordinator.update_interval
            else None,
            "energy": coordinator.energy.as_diagnostics(),
            "push": coordinator.push.diagnostics(),
            "appliances": appliances,
        },
        TO_REDACT,
    )


def _budget(budget: RequestBudget) -> dict[str, Any]:
    """Show the hour's requests, and what each kind of request may still spend of it."""
    return {
        "hourly_limit": budget.limit,
        "spent_last_hour": budget.limit - budget.remaining,
        "available": {priority.name.lower(): budget.available(priority) for priority in Priority},
    }


# The client keeps parsed models, not LG's payloads; these views show what it understood.
def _profile(profile: DeviceProfile) -> dict[str, Any]:
    return {
        "properties": {str(key): _spec(spec) for key, spec in profile.properties.items()},
        "push_codes": list(profile.push_codes),
        "error_codes": list(profile.error_codes),
    }


def _spec(spec: PropertySpec) -> dict[str, Any]:
    return {
        "type": spec.type.value,
        "mode": ("r" if spec.readable else "") + ("w" if spec.writable else ""),
        "read": _values(spec.read_values),
        "write": _values(spec.write_values),
    }


def _values(values: object) -> Any:
    if isinstance(values, RangeSpec):
        return {"min": values.min, "max": values.max, "step": values.step, "except": list(values.excluded)}
    return list(values) if isinstance(values, tuple) else None


def _state(state: DeviceState) -> dict[str, Any]:
    return {str(key): value for key, value in state.values.items()}
