"""Whether the ThinQ appliances a turn controlled have reported the change, before saying "done"."""

import asyncio
from collections.abc import Iterable

from homeassistant.core import HomeAssistant

from ..const import DOMAIN
from ..coordinator import ThinQVoiceCoordinator
from .targets import Appliance

# How much longer than the coordinator's confirm delay an answer waits: LG's answer to the read.
CONFIRM_MARGIN = 3.0


async def async_unconfirmed(
    hass: HomeAssistant, context_id: str, appliances: Iterable[Appliance]
) -> set[str]:
    """Return the ThinQ ids of the appliances that have not confirmed the controls of a context.

    Every account involved is waited on at once. Appliances of other integrations and the TV
    keep no record of controls, so they are never in the result.
    """
    device_ids = {appliance.thinq_device_id for appliance in appliances if appliance.thinq_device_id}
    coordinators = [
        coordinator
        for entry in hass.config_entries.async_loaded_entries(DOMAIN)
        if isinstance(coordinator := entry.runtime_data, ThinQVoiceCoordinator)
        and not device_ids.isdisjoint(coordinator.data)
    ]
    verdicts = await asyncio.gather(
        *(
            coordinator.async_wait_confirmed(
                context_id, coordinator.confirm_delay.total_seconds() + CONFIRM_MARGIN
            )
            for coordinator in coordinators
        )
    )
    return {
        device_id
        for verdict in verdicts
        for device_id, confirmed in verdict.items()
        if not confirmed and device_id in device_ids
    }
