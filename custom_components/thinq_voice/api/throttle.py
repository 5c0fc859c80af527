"""Client-side throttling: control spacing per device, an hourly budget, and back-off after 1306/1314.

All three take an injectable monotonic clock (and the spacer an injectable sleep, the budget an
injectable wall clock) so tests run without waiting.
"""

import asyncio
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from enum import IntEnum
import math
import time

from .errors import ThinQBudgetError, ThinQRateLimitError

type Clock = Callable[[], float]
type Sleep = Callable[[float], Awaitable[None]]

_HOUR = 3600.0


def _monotonic() -> float:
    return time.monotonic()


def _wall_time() -> float:
    return time.time()


class Priority(IntEnum):
    """Whom a request serves; each kind may only spend what leaves the reserve of those above it."""

    # Polling, energy history, the device list: what nobody is waiting for.
    BACKGROUND = 0
    # Reads someone waits for: the read that confirms a command, setting the appliances up.
    CONFIRM = 1
    # A person's command (voice, UI, automation): may spend the whole budget.
    CONTROL = 2


class RequestBudget:
    """A rolling-window request budget: at most `limit` requests in any `window` seconds.

    People come first: background requests only spend what leaves `people_reserve` requests for
    commands and the reads that confirm them, and confirming reads leave `control_reserve` for the
    commands themselves, so a busy hour of polling never refuses a command.

    The times of the requests can be exported as wall-clock timestamps and restored in another
    process, so a restart does not give back the hour's spent requests.
    """

    def __init__(
        self,
        limit: int,
        *,
        people_reserve: int = 0,
        control_reserve: int = 0,
        window: float = _HOUR,
        clock: Clock | None = None,
        wall_clock: Clock | None = None,
    ) -> None:
        """Create a budget; `limit` must be at least 1 and the reserves must nest within it.

        Without clocks, `time.monotonic` and `time.time` are looked up at each call (so a test
        that freezes time moves the budget's hour with it).
        """
        if limit < 1:
            raise ValueError("the request budget must allow at least one request")
        if not 0 <= control_reserve <= people_reserve < limit:
            raise ValueError("reserves must satisfy 0 <= control_reserve <= people_reserve < limit")
        self.limit = limit
        self.window = window
        self._kept = {
            Priority.BACKGROUND: people_reserve,
            Priority.CONFIRM: control_reserve,
            Priority.CONTROL: 0,
        }
        self._clock = clock or _monotonic
        self._wall_clock = wall_clock or _wall_time
        self._sent: deque[float] = deque()
        self._listeners: list[Callable[[], None]] = []

    @property
    def remaining(self) -> int:
        """Requests a command may still spend in the current window."""
        return self.available(Priority.CONTROL)

    def available(self, priority: Priority) -> int:
        """Requests of this priority that may still be sent in the current window."""
        self._forget_old(self._clock())
        return max(0, self.limit - self._kept[priority] - len(self._sent))

    def check(self, priority: Priority = Priority.CONTROL, count: int = 1) -> None:
        """Raise unless `count` requests of this priority may be sent now, without using any budget.

        Raises:
            ThinQBudgetError: the budget (or the part of it this priority may use) is spent;
                `retry_after` says when the requests of this priority may go.
        """
        now = self._clock()
        self._forget_old(now)
        allowed = self.limit - self._kept[priority] - count
        if len(self._sent) <= allowed:
            return
        # The requests may go once enough of the oldest ones have left the window (at the latest,
        # when all of them have).
        freeing = self._sent[min(len(self._sent) - 1, len(self._sent) - allowed - 1)]
        raise ThinQBudgetError(
            f"ThinQ Voice's budget of {self.limit} requests per {self.window:.0f} s leaves no room "
            f"for a {priority.name.lower()} request; retry in {freeing + self.window - now:.0f} s",
            retry_after=freeing + self.window - now,
            limit=self.limit,
        )

    def acquire(self, priority: Priority = Priority.CONTROL) -> None:
        """Use one request of the budget.

        Raises:
            ThinQBudgetError: see `check`.
        """
        self.check(priority)
        self._sent.append(self._clock())
        for listener in self._listeners:
            listener()

    def add_listener(self, listener: Callable[[], None]) -> Callable[[], None]:
        """Call `listener` after each request is counted; return a function that stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def export(self) -> list[float]:
        """Return the wall-clock times (Unix seconds) of the requests still in the window."""
        now = self._clock()
        self._forget_old(now)
        offset = self._wall_clock() - now
        return [sent + offset for sent in self._sent]

    def restore(self, timestamps: Iterable[float]) -> None:
        """Count requests sent at these wall-clock times (by an earlier process) as spent too.

        Times that left the window are dropped; times in the future (the wall clock was set back)
        count as now, so the budget errs on the side of LG's limit.
        """
        now = self._clock()
        wall_now = self._wall_clock()
        restored = [
            now - max(0.0, wall_now - timestamp)
            for timestamp in timestamps
            if math.isfinite(timestamp) and wall_now - timestamp < self.window
        ]
        self._sent = deque(sorted([*self._sent, *restored]))
        self._forget_old(now)

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
