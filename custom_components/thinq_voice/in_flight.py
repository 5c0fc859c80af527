"""Controls on their way: sent (or being sent), not yet shown by the appliance's own report.

Between a control and the appliance's report, the state an entity shows is stale: a fan just
told to turn off still shows on. A command may therefore be skipped as "already so" only when
the appliance's confirmed state (its last read or push) holds the value and no control to that
property is on its way; otherwise it is sent.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util

from .sent_controls import reported_values, same_value

if TYPE_CHECKING:
    from .coordinator import Appliance

# LG's cloud may go on reporting the old value for a while after a control; a control counts as
# on its way until the appliance reports its value, or for this long.
IN_FLIGHT_LIFETIME = timedelta(seconds=60)

type PropertyRef = tuple[str, str, str, str | None]


@dataclass(frozen=True, slots=True)
class ControlInFlight:
    """The last control sent to one property: its value, whose action sent it, and when."""

    value: Any
    context_id: str | None
    sent_at: datetime


class ControlsInFlight:
    """The last control to each property of an account's appliances, until the appliance reports it."""

    def __init__(self) -> None:
        """Start with nothing on its way."""
        self._sent: dict[PropertyRef, ControlInFlight] = {}

    def add(
        self,
        device_id: str,
        resource: str,
        prop: str,
        location: str | None,
        value: Any,
        context_id: str | None,
    ) -> None:
        """Note a control about to be sent; it replaces any earlier one to the same property."""
        self._sent[(device_id, resource, prop, location)] = ControlInFlight(
            value, context_id, dt_util.utcnow()
        )

    def get(
        self, appliance: Appliance, resource: str, prop: str, location: str | None = None
    ) -> ControlInFlight | None:
        """Return the control on its way to a property, or None once the appliance has reported it."""
        ref = (appliance.info.device_id, resource, prop, location)
        sent = self._sent.get(ref)
        if sent is None or not _landed(appliance, ref, sent):
            return sent
        del self._sent[ref]
        return None

    def any_for(self, appliance: Appliance) -> bool:
        """Return whether any control to the appliance is still on its way."""
        device_id = appliance.info.device_id
        refs = [ref for ref in self._sent if ref[0] == device_id]
        return any(self.get(appliance, *ref[1:]) is not None for ref in refs)


def _landed(appliance: Appliance, ref: PropertyRef, sent: ControlInFlight) -> bool:
    """Return whether the appliance reported the control since it was sent (or it is too old to wait for)."""
    if dt_util.utcnow() - sent.sent_at >= IN_FLIGHT_LIFETIME:
        return True
    state = appliance.state
    if state is None or appliance.updated_at is None or appliance.updated_at < sent.sent_at:
        return False
    _, resource, prop, location = ref
    return any(same_value(value, sent.value) for value in reported_values(state, resource, prop, location))
