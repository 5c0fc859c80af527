"""What the ThinQ coordinators know of a turn's appliances: whether they reported a change, why they are unavailable."""

import asyncio
from collections.abc import Iterable

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import device_registry as dr, entity_registry as er

from ..const import DOMAIN
from ..entry_kinds import account_runtime, account_runtimes
from ..properties import RUN_STATE
from .targets import TargetAppliance


async def async_unconfirmed(
    hass: HomeAssistant, context_id: str, appliances: Iterable[TargetAppliance]
) -> set[str]:
    """Return the ThinQ ids of the appliances that have not confirmed the controls of a context.

    Every account involved is waited on at once. Appliances of other integrations and the TV
    keep no record of controls, so they are never in the result.
    """
    device_ids = {appliance.thinq_device_id for appliance in appliances if appliance.thinq_device_id}
    coordinators = [
        coordinator for coordinator in account_runtimes(hass) if not device_ids.isdisjoint(coordinator.data)
    ]
    verdicts = await asyncio.gather(
        *(
            coordinator.async_wait_confirmed(context_id, coordinator.confirm_timeout)
            for coordinator in coordinators
        )
    )
    return {
        device_id
        for verdict in verdicts
        for device_id, confirmed in verdict.items()
        if not confirmed and device_id in device_ids
    }


def unavailable_error(hass: HomeAssistant, entity_id: str) -> HomeAssistantError | None:
    """Return why a ThinQ Voice entity is unavailable, or None when it is not one or nothing tells.

    The account's failed refresh (a rejected token, LG's outage, a budget) comes first: it makes
    every appliance unavailable, online or not.
    """
    entry = er.async_get(hass).async_get(entity_id)
    if entry is None or entry.platform != DOMAIN or entry.config_entry_id is None:
        return None
    coordinator = account_runtime(hass.config_entries.async_get_entry(entry.config_entry_id))
    if coordinator is None:
        return None
    failure = coordinator.last_exception
    if not coordinator.last_update_success and isinstance(failure, HomeAssistantError):
        return failure if failure.translation_key else None
    device = dr.async_get(hass).async_get(entry.device_id) if entry.device_id else None
    for domain, device_id in device.identifiers if device else ():
        if domain == DOMAIN and (appliance := coordinator.data.get(device_id)) and not appliance.online:
            return HomeAssistantError(
                translation_domain=DOMAIN,
                translation_key="device_offline",
                translation_placeholders={"device": appliance.info.alias},
            )
    return None


def offline_run_state(hass: HomeAssistant, thinq_device_id: str) -> str | None:
    """Return the run state a ThinQ appliance last reported when it is offline now, else None.

    Its entities are unavailable then, but a washer that went offline mid-cycle was running.
    """
    for coordinator in account_runtimes(hass):
        appliance = coordinator.data.get(thinq_device_id)
        if appliance is None or appliance.online or appliance.state is None:
            continue
        for key, value in appliance.state.values.items():
            if (key.resource, key.name) == RUN_STATE and isinstance(value, str):
                return value
    return None
