"""Sending one control for a person: to LG, then judged by the appliance's own report or a read.

A control LG answers unclearly (garbage, a timeout after sending) is judged by the appliance: it
is read before anything is said. A rejected token is taken as rejected only when LG says so twice.
"""

import asyncio
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .api import (
    ThinQAuthenticationError,
    ThinQConnectionError,
    ThinQDeviceOfflineError,
    ThinQInvalidResponseError,
    ThinQServerError,
)
from .api.models import sdk_companions
from .const import LOGGER
from .errors import log_safe
from .push import PUSH_CONFIRM_READ
from .sent_controls import SentControl

if TYPE_CHECKING:
    from .appliances import Appliance
    from .coordinator import ThinQVoiceCoordinator


async def async_send_control(
    coordinator: ThinQVoiceCoordinator,
    appliance: Appliance,
    control: SentControl,
    *,
    unit: str | None,
    together: Mapping[tuple[str, str], Any] | None,
) -> None:
    """Send a control to LG and have it judged (see `ThinQVoiceCoordinator.async_control`).

    Raises:
        ThinQError: the control failed, or the appliance does not report it after an unclear answer.
    """
    resource, prop, location = control.resource, control.prop, control.location
    # On its way from now: even a control whose outcome is unclear may have reached the appliance.
    coordinator.in_flight.add(control.device_id, resource, prop, location, control.value, control.context_id)
    try:
        await coordinator.client.async_control(
            control.device_id,
            appliance.profile,
            resource,
            prop,
            control.value,
            location=location,
            unit=unit,
            together=sdk_companions(appliance.profile, appliance.state, resource, prop, location)
            if together is None
            else together,
        )
    except ThinQInvalidResponseError, ThinQConnectionError:
        if not await _async_carried_out(coordinator, control):
            raise
        LOGGER.debug("%s carried out a control LG answered unclearly", log_safe(appliance.info.alias))
        return
    except ThinQDeviceOfflineError:
        appliance.online = False
        coordinator.async_update_listeners()
        raise
    except ThinQAuthenticationError as err:
        if not await coordinator.async_token_rejected():
            raise ThinQServerError("LG refused the access token once, then accepted it") from err
        coordinator.config_entry.async_start_reauth(coordinator.hass)
        raise
    coordinator.async_token_accepted()
    # Only an appliance whose reports arrive by push can confirm by itself.
    ledger, covered = coordinator.ledger, coordinator.push.covers(control.device_id)
    ledger.remember(control)
    if covered and appliance.state is not None:
        # The report can come before LG's answer to the control does.
        ledger.confirm_reported(control.device_id, appliance.state)
    # With push, the appliance's report confirms it; a read only follows when none came.
    ledger.schedule_confirm(control.device_id, PUSH_CONFIRM_READ if covered else None)


async def _async_carried_out(coordinator: ThinQVoiceCoordinator, control: SentControl) -> bool:
    """Read the appliance after an unclear answer to a control; return whether it reports it.

    LG may pass a control on and then fail to answer (or answer garbage): the appliance, not
    the transport, says what happened. The read also shows the new state at once.
    """
    coordinator.ledger.remember(control)
    await asyncio.sleep(coordinator.confirm_delay.total_seconds())
    await coordinator.async_refresh_appliance(control.device_id)
    return control.confirmed.done() and control.confirmed.result()
