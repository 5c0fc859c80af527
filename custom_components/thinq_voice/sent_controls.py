"""The ledger of sent controls: what LG accepted, and whether each appliance has reported it yet.

A control is confirmed by the appliance's own report: a push (`DEVICE_STATUS`) that shows it, or
a read shortly after. Whoever sent it (the agent) can wait for that verdict under the context of
its service call; controls nobody asks about are dropped after a while.
"""

import asyncio
from collections.abc import Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
import time
from typing import Any

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import async_get_translations

from .api.models import DeviceState, JsonValue
from .const import DOMAIN

# Sent controls are remembered until someone asks whether they were confirmed, but not for ever:
# controls of automations or the UI are never asked about.
SENT_CONTROL_LIFETIME = 60.0
MAX_SENT_CONTROLS = 100

type ReadAppliance = Callable[[str], Coroutine[Any, Any, None]]
type StartTask = Callable[[Coroutine[Any, Any, None], str, bool], asyncio.Task[None]]
type LateFailure = Callable[[SentControl], None]


@dataclass(slots=True, eq=False)
class SentControl:
    """A control LG accepted, and whether the appliance has reported it yet."""

    device_id: str
    resource: str
    prop: str
    value: Any
    location: str | None
    context_id: str | None
    # The appliance's state when the control was sent, for properties it does not report.
    state_before: DeviceState | None
    confirmed: asyncio.Future[bool]
    sent_at: float = field(default_factory=time.monotonic)
    # Someone was told "sent, not yet confirmed": a later read that shows it failed is told too.
    answered_unconfirmed: bool = False


def reports_control(state: DeviceState, control: SentControl) -> bool:
    """Return whether a state read after a control shows that the appliance carried it out.

    A property the state reports must hold the value sent. Other write-only properties (a
    washer's START) never show up: the state must have changed instead.
    """
    if reported := reported_values(state, control.resource, control.prop, control.location):
        return any(same_value(value, control.value) for value in reported)
    return control.state_before is not None and state.values != control.state_before.values


def reported_values(state: DeviceState, resource: str, prop: str, location: str | None) -> list[JsonValue]:
    """Return the values a state reports for a property that was written.

    LG reports a mode's own write (coolTargetTemperature) under the plain name
    (targetTemperature), and a target written through temperatureInUnits (as LG's SDK does)
    under temperature too. Empty for write-only properties.
    """
    resources = {resource, "temperature"} if resource == "temperatureInUnits" else {resource}
    same_part = [
        (key.name, value)
        for key, value in state.values.items()
        if key.resource in resources and (location is None or key.location == location)
    ]
    return [value for name, value in same_part if name == prop] or [
        value for name, value in same_part if name and prop.endswith(name[0].upper() + name[1:])
    ]


def same_value(reported: JsonValue, sent: Any) -> bool:
    """Compare as LG does: numbers by value (23 == 23.0), anything else exactly."""
    if isinstance(reported, int | float) and isinstance(sent, int | float):
        return isinstance(reported, bool) == isinstance(sent, bool) and float(reported) == float(sent)
    if isinstance(sent, tuple):
        return reported == list(sent)
    return bool(reported == sent)


def settle(controls: Iterable[SentControl], state: DeviceState | None) -> None:
    """Decide the controls still open by a state read after them; without one, none is confirmed."""
    for control in controls:
        if not control.confirmed.done():
            control.confirmed.set_result(state is not None and reports_control(state, control))


class ControlLedger:
    """Keeps the sent controls of one account and schedules the reads that confirm them."""

    def __init__(
        self,
        hass: HomeAssistant,
        read: ReadAppliance,
        start_task: StartTask,
        confirm_delay: timedelta,
        late_failure: LateFailure,
    ) -> None:
        """Keep controls; `read` reads one appliance, `start_task(coro, name, tracked)` runs a task.

        `late_failure` hears of a control answered "not yet confirmed" that a later read showed
        was not carried out.
        """
        self.hass = hass
        self._read = read
        self._start_task = start_task
        self._late_failure = late_failure
        # How long after a control the appliance is read to confirm it (when no push confirms it first).
        self.confirm_delay = confirm_delay
        self.sent: list[SentControl] = []
        self._pending: dict[str, asyncio.Task[None]] = {}

    @callback
    def remember(self, control: SentControl) -> None:
        """Keep a sent control, dropping those too old or too many to be asked about."""
        expired = time.monotonic() - SENT_CONTROL_LIFETIME
        self.forget([sent for sent in self.sent if sent.sent_at < expired])
        self.sent.append(control)
        self.forget(self.sent[:-MAX_SENT_CONTROLS])

    @callback
    def forget(self, controls: Iterable[SentControl]) -> None:
        """Drop sent controls; one still waiting for its read counts as unconfirmed."""
        dropped = list(controls)
        if not dropped:
            return
        settle(dropped, None)
        self.sent = [control for control in self.sent if control not in dropped]

    def open_for(self, device_id: str) -> list[SentControl]:
        """Return the controls to an appliance still waiting for a verdict."""
        return [
            control
            for control in self.sent
            if control.device_id == device_id and not control.confirmed.done()
        ]

    @callback
    def judge(self, controls: Iterable[SentControl], state: DeviceState | None) -> None:
        """Settle controls by a read; tell of those someone was told about and that failed."""
        judged = list(controls)
        settle(judged, state)
        if state is None:
            return
        for control in judged:
            if control.answered_unconfirmed and not control.confirmed.result():
                self._late_failure(control)
        self.forget(control for control in judged if control.answered_unconfirmed)

    @callback
    def confirm_reported(self, device_id: str, state: DeviceState) -> bool:
        """Confirm the open controls a pushed state shows; the others keep waiting. True if any was."""
        confirmed = [control for control in self.open_for(device_id) if reports_control(state, control)]
        settle(confirmed, state)
        return bool(confirmed)

    async def async_wait(self, context_id: str, timeout: float) -> dict[str, bool]:
        """Wait at most `timeout` seconds for the appliances to confirm the controls of a context.

        Returns, by device id, whether every control of the context to that appliance was
        confirmed; a control still unconfirmed at the timeout counts as not. The controls are
        forgotten then. A context that sent nothing returns at once with {}.
        """
        controls = [control for control in self.sent if control.context_id == context_id]
        if not controls:
            return {}
        if waiting := [control.confirmed for control in controls if not control.confirmed.done()]:
            await asyncio.wait(waiting, timeout=timeout)
        confirmed: dict[str, bool] = {}
        for control in controls:
            done = control.confirmed.done() and control.confirmed.result()
            confirmed[control.device_id] = confirmed.get(control.device_id, True) and done
        # Those still open wait for their read, which may show later that they failed.
        late = [control for control in controls if not control.confirmed.done()]
        for control in late:
            control.answered_unconfirmed = True
            control.context_id = None
        self.forget(control for control in controls if control not in late)
        return confirmed

    @callback
    def schedule_confirm(self, device_id: str, delay: timedelta | None = None) -> None:
        """Read the appliance once after a control, replacing a confirming read already waiting."""
        if waiting := self._pending.pop(device_id, None):
            waiting.cancel()
        wait = self.confirm_delay if delay is None else delay

        async def _confirm() -> None:
            await asyncio.sleep(wait.total_seconds())
            # From here on a newer control no longer cancels this read: it judges the older ones.
            self._pending.pop(device_id, None)
            await self._read(device_id)

        # A read seconds away must not hold up Home Assistant waiting for its tasks; one due at
        # once is part of the control's own work, tracked like it.
        self._pending[device_id] = self._start_task(_confirm(), f"thinq_voice confirm {device_id}", not wait)

    @callback
    def cancel(self) -> None:
        """Cancel the confirming reads still waiting and forget the sent controls (on unload)."""
        for waiting in self._pending.values():
            waiting.cancel()
        self._pending.clear()
        self.forget(self.sent)


async def async_tell_late_failure(hass: HomeAssistant, name: str, control: SentControl) -> None:
    """Tell the user, in Home Assistant's language, that a control was not carried out after all."""
    key = f"component.{DOMAIN}.exceptions.control_not_carried_out.message"
    texts = await async_get_translations(hass, hass.config.language, "exceptions", {DOMAIN})
    template = texts.get(key) or "{device} did not carry out the command ({command})."
    command = f"{control.prop} = {control.value}"
    persistent_notification.async_create(
        hass,
        template.replace("{device}", name).replace("{command}", command),
        title=name,
        notification_id=f"{DOMAIN}_late_failure_{control.device_id}",
    )
