"""Device conditions: running, idle, paused, door open, remote start enabled, power on.

They read the appliance's last known state (from a push or a poll), the same state its entities show.
"""

from collections.abc import Callable
from typing import Any

from homeassistant.const import CONF_CONDITION, CONF_DEVICE_ID, CONF_DOMAIN, CONF_TYPE
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import condition
from homeassistant.helpers.config_validation import DEVICE_CONDITION_BASE_SCHEMA
from homeassistant.helpers.typing import ConfigType, TemplateVarsType
import voluptuous as vol

from .api.models import DeviceProfile
from .appliance_events import (
    DOOR_STATE,
    RunPhase,
    appliance_for_device,
    doors_open,
    has_power_state,
    has_run_state,
    is_powered,
    remote_start_enabled,
    run_phases,
)
from .const import DOMAIN
from .coordinator import Appliance
from .properties import REMOTE_CONTROL

# What each condition reads, and which profiles can tell it.
CONDITIONS: dict[str, tuple[Callable[[Appliance], bool], Callable[[DeviceProfile], bool]]] = {
    "is_running": (lambda appliance: RunPhase.RUNNING in run_phases(appliance), has_run_state),
    "is_idle": (
        lambda appliance: (
            bool(run_phases(appliance))
            and run_phases(appliance) <= {RunPhase.IDLE, RunPhase.FINISHED, RunPhase.OFF}
        ),
        has_run_state,
    ),
    "is_paused": (lambda appliance: RunPhase.PAUSED in run_phases(appliance), has_run_state),
    "is_door_open": (
        lambda appliance: bool(doors_open(appliance.state)),
        lambda profile: any((key.resource, key.name) == DOOR_STATE for key in profile.properties),
    ),
    "is_remote_start_enabled": (
        remote_start_enabled,
        lambda profile: any((key.resource, key.name) == REMOTE_CONTROL for key in profile.properties),
    ),
    "is_power_on": (is_powered, has_power_state),
}

CONDITION_SCHEMA = DEVICE_CONDITION_BASE_SCHEMA.extend({vol.Required(CONF_TYPE): vol.In(list(CONDITIONS))})


async def async_get_conditions(hass: HomeAssistant, device_id: str) -> list[dict[str, Any]]:
    """List the conditions an appliance's profile can tell."""
    if (found := appliance_for_device(hass, device_id)) is None:
        return []
    profile = found[1].profile
    return [
        {CONF_CONDITION: "device", CONF_DEVICE_ID: device_id, CONF_DOMAIN: DOMAIN, CONF_TYPE: kind}
        for kind, (_, offered) in CONDITIONS.items()
        if offered(profile)
    ]


@callback
def async_condition_from_config(hass: HomeAssistant, config: ConfigType) -> condition.ConditionCheckerType:
    """Return the test of one condition; an appliance that is unknown, offline or unread passes none."""
    test, _ = CONDITIONS[config[CONF_TYPE]]
    device_id = config[CONF_DEVICE_ID]

    def _check(hass: HomeAssistant, variables: TemplateVarsType = None) -> bool:
        found = appliance_for_device(hass, device_id)
        if found is None:
            return False
        appliance = found[1]
        return appliance.online and appliance.state is not None and test(appliance)

    return _check
