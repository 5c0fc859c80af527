"""Carrying out a command nobody waits for (a scheduled action; later a when-then action).

Nobody is there to say "try again", so the command does: an appliance that is offline, LG's
cloud failing, a request budget that is spent or an entity that is briefly unavailable may all
pass within minutes. Such an attempt is made again with back-off until it succeeds, fails for a
reason that does not pass (a refusal, a value out of range, a rejected token), or the grace
window ends; then the outcome is handed over once, for the caller to tell the user.

Between attempts nothing runs: the next one is a Home Assistant timer, cancelled on unload.
"""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
import logging

from homeassistant.core import CALLBACK_TYPE, Context, HassJob, HomeAssistant, callback
from homeassistant.helpers.event import async_call_later
from homeassistant.util import dt as dt_util

from ..entry_kinds import account_with_appliance
from ..errors import RETRYABLE_KEYS
from ..voice.model import Command
from .appliance_command import UNAVAILABLE, ActionError
from .commands import async_execute
from .confirmations import async_unconfirmed
from .speech import say
from .targets import TargetAppliance

_LOGGER = logging.getLogger(__name__)

# How long a command keeps trying after it fell due: an air conditioner switching on a quarter
# of an hour late is worse than being told it could not.
GRACE = timedelta(minutes=10)
# Seconds between attempts; the last one repeats until the grace window ends.
BACKOFF = (15.0, 30.0, 60.0, 120.0, 240.0)
# Failures that may pass: ThinQ Voice's own (errors.RETRYABLE_KEYS), an entity of any integration
# that is unavailable, and a TV that does not answer (it may be starting).
RETRYABLE_CAUSES = RETRYABLE_KEYS | {UNAVAILABLE, "tv_not_connected"}


@dataclass(frozen=True, slots=True)
class Attempt:
    """What carrying out a command came to.

    Attributes:
        speech: The answer, or the reason it failed, in the command's language.
        succeeded: The command went out.
        confirmed: The appliance reported it (ThinQ appliances only).
        cause: The kind of failure (`ActionError.cause`), None when unknown or on success.
        tries: How many attempts were made.
    """

    speech: str
    succeeded: bool
    confirmed: bool = False
    cause: str | None = None
    tries: int = 1

    @property
    def may_pass(self) -> bool:
        """Return whether the failure may pass, so trying again makes sense."""
        return not self.succeeded and self.cause in RETRYABLE_CAUSES


type Finder = Callable[[], TargetAppliance | None]
type OutcomeHandler = Callable[[Attempt], Awaitable[None]]


class UnattendedCommand:
    """One command carried out for someone who is not there, tried again while its failure may pass.

    `find` looks the appliance up before each attempt (its entities may come back meanwhile);
    `wanted` tells whether the command still stands (it may be cancelled between attempts);
    `on_outcome` gets the final attempt, once. Every attempt runs under `context`.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        find: Finder,
        command: Command,
        language: str,
        name: str,
        context: Context,
        on_outcome: OutcomeHandler,
        wanted: Callable[[], bool] = lambda: True,
    ) -> None:
        """Keep what the attempts need; nothing runs before `async_run`."""
        self.hass = hass
        self._find = find
        self.command = command
        self.language = language
        self.name = name
        self.context = context
        self._on_outcome = on_outcome
        self._wanted = wanted
        self._deadline = dt_util.utcnow() + GRACE
        self._tries = 0
        # Disarms the next attempt; nothing to disarm while an attempt runs or after the last.
        self._next: CALLBACK_TYPE = _nothing_armed

    async def async_run(self) -> None:
        """Make an attempt; hand over its outcome, or arm the next attempt."""
        self._next = _nothing_armed
        self._tries += 1
        appliance = self._find()
        if appliance is None:
            attempt = Attempt(say(self.language, "no_target", name=self.name), False, cause=UNAVAILABLE)
        else:
            attempt = await _async_attempt(self.hass, appliance, self.command, self.language, self.context)
        attempt = replace(attempt, tries=self._tries)
        delay = BACKOFF[min(self._tries, len(BACKOFF)) - 1]
        if not attempt.may_pass or dt_util.utcnow() + timedelta(seconds=delay) > self._deadline:
            await self._on_outcome(attempt)
            return
        if not self._wanted():
            return  # cancelled meanwhile: nobody is told of an action they took back
        _LOGGER.debug(
            "Trying the %s of a scheduled action again in %s s (%s)",
            self.command.intent.value,
            delay,
            attempt.cause,
        )
        self._next = async_call_later(self.hass, delay, HassJob(self._async_again, cancel_on_shutdown=True))

    @callback
    def cancel(self) -> None:
        """Drop the next attempt (the entry unloads)."""
        self._next()
        self._next = _nothing_armed

    async def _async_again(self, _now: datetime) -> None:
        if not self._wanted():
            return
        if (appliance := self._find()) is not None:
            await _async_look_again(self.hass, appliance)
        await self.async_run()


def _nothing_armed() -> None:
    """Stand for the next attempt's timer when none is armed."""


async def _async_attempt(
    hass: HomeAssistant, appliance: TargetAppliance, command: Command, language: str, context: Context
) -> Attempt:
    """Carry out the command once; as for a spoken one, it is confirmed only once the appliance says so."""
    try:
        speech = await async_execute(hass, appliance, command, language, context)
    except ActionError as err:
        # Every service call of a command turns Home Assistant's errors into an ActionError.
        return Attempt(err.speech, False, cause=err.cause)
    confirmed = not await async_unconfirmed(hass, context.id, [appliance])
    return Attempt(speech, True, confirmed)


async def _async_look_again(hass: HomeAssistant, appliance: TargetAppliance) -> None:
    """Read a ThinQ appliance before the next attempt: one request tells whether LG and it are back."""
    if appliance.thinq_device_id and (coordinator := account_with_appliance(hass, appliance.thinq_device_id)):
        await coordinator.async_refresh_appliance(appliance.thinq_device_id)
