"""Client-side throttling: control spacing per device, an hourly budget, and back-off after 1306/1314.

All three take an injectable monotonic clock (and the spacer an injectable sleep) so tests run
without waiting.
"""

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
import time

from .errors import ThinQRateLimitError

type Clock = Callable[[], float]
type Sleep = Callable[[float], Awaitable[None]]

_HOUR = 3600.0


class RequestBudget:
    """A rolling-window request budget: at most `limit` requests in any `window` seconds."""

    def __init__(self, limit: int, *, window: float = _HOUR, clock: Clock = time.monotonic) -> None:
        """Create a budget; `limit` must be at least 1."""
        if limit < 1:
            raise ValueError("the request budget must allow at least one request")
        self.limit = limit
        self.window = window
        self._clock = clock
        self._sent: deque[float] = deque()

    @property
    def remaining(self) -> int:
        """Requests that may still be sent in the current window."""
        self._forget_old(self._clock())
        return self.limit - len(self._sent)

    def check(self) -> None:
        """Raise if no request may be sent now, without using any budget.

        Raises:
            ThinQRateLimitError: the budget is used up; `retry_after` says when a slot frees.
        """
        now = self._clock()
        self._forget_old(now)
        if len(self._sent) >= self.limit:
            retry_after = self._sent[0] + self.window - now
            raise ThinQRateLimitError(
                f"Local budget of {self.limit} requests per {self.window:.0f} s is used up; "
                f"retry in {retry_after:.0f} s",
                retry_after=retry_after,
            )

    def acquire(self) -> None:
        """Use one request of the budget.

        Raises:
            ThinQRateLimitError: the budget is used up; `retry_after` says when a slot frees.
        """
        self.check()
        self._sent.append(self._clock())

    def _forget_old(self, now: float) -> None:
        while self._sent and self._sent[0] <= now - self.window:
            self._sent.popleft()


class RateLimitBackoff:
    """Refuses every call for a while after LG reported that the account hit its rate limit."""

    def __init__(self, default_backoff: float, *, clock: Clock = time.monotonic) -> None:
        """Create the back-off; `default_backoff` applies when LG sends no Retry-After."""
        self.default_backoff = default_backoff
        self._clock = clock
        self._until = 0.0
        self._code: str | None = None

    def trip(self, code: str | None, retry_after: float | None) -> float:
        """Start (or extend) the back-off and return its length in seconds."""
        delay = self.default_backoff if retry_after is None else retry_after
        self._until = max(self._until, self._clock() + delay)
        self._code = code
        return delay

    def check(self) -> None:
        """Raise while the back-off lasts.

        Raises:
            ThinQRateLimitError: the back-off lasts `retry_after` more seconds.
        """
        retry_after = self._until - self._clock()
        if retry_after > 0:
            raise ThinQRateLimitError(
                f"ThinQ API rate limit reached; not calling again for {retry_after:.0f} s",
                retry_after=retry_after,
                code=self._code,
            )


class ControlSpacer:
    """Keeps at least `interval` seconds between the end of one control and the next, per device."""

    def __init__(
        self, interval: float, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep
    ) -> None:
        """Create a spacer; an interval of 0 disables spacing."""
        self.interval = interval
        self._clock = clock
        self._sleep = sleep
        self._locks: dict[str, asyncio.Lock] = {}
        self._last_done: dict[str, float] = {}

    @asynccontextmanager
    async def slot(self, device_id: str) -> AsyncIterator[None]:
        """Wait for the device's turn, then hold it while the control is sent."""
        lock = self._locks.setdefault(device_id, asyncio.Lock())
        async with lock:
            last = self._last_done.get(device_id)
            if last is not None:
                wait = last + self.interval - self._clock()
                if wait > 0:
                    await self._sleep(wait)
            try:
                yield
            finally:
                # Measured from the end: the device acts on a command after LG has answered.
                self._last_done[device_id] = self._clock()
