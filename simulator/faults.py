"""Fault injection settings: latency, failures, hangs, rate limits, revoked tokens, malformed bodies, lag.

Controls can also be carried out and then answered badly (truncated JSON, or no answer in time).
"""

from collections import deque
from dataclasses import dataclass, field
import re
import time
from typing import Any

from .errors import ERRORS, ApiError

_RATE_LIMIT = re.compile(r"^(\d+)/(\d+(?:\.\d+)?)(?::(1306|1314))?$")


@dataclass(slots=True)
class RateLimit:
    """At most `calls` API calls per token in any `window_s` seconds, else LG error `code`."""

    calls: int
    window_s: float
    code: str = "1306"

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """Parse `N/WINDOW_S[:CODE]`, e.g. `100/3600:1314`."""
        match = _RATE_LIMIT.match(text)
        if match is None:
            raise ValueError(f"rate limit {text!r} is not N/WINDOW_S[:1306|1314]")
        return cls(int(match[1]), float(match[2]), match[3] or "1306")


@dataclass(slots=True)
class Faults:
    """What goes wrong on LG API calls (the admin API is never affected).

    Offline devices are not here: each device has its own `online` flag.
    """

    latency_ms: int = 0
    fail_rate: float = 0.0  # share of calls answered with HTTP 500 / 2000
    fail_next: int = 0  # the next N calls fail, then this counts down to 0
    fail_code: str = "2000"  # LG's code for those failures ("1103": a token refused once)
    hang_s: float = 0.0  # hold each call this long before answering (beyond any client timeout)
    rate_limit: RateLimit | None = None
    revoked_tokens: set[str] = field(default_factory=set)
    malformed: bool = False  # answer with truncated JSON
    # Controls carried out by the appliance, then answered with truncated JSON, or held this long
    # (beyond a client's timeout): LG passed the command on but its answer went wrong.
    accepted_malformed: bool = False
    accepted_hang_s: float = 0.0
    # State reads show each device as it was before its controls of the last N seconds, as LG's
    # cloud does when an appliance reports late.
    state_lag_s: float = 0.0
    lagging_devices: set[str] = field(default_factory=set)  # ids of the devices that lag; empty: all
    _calls: dict[str, deque[float]] = field(default_factory=dict, repr=False)
    # Device id -> (monotonic time of a control, the device's state just before it), oldest first.
    _states_before: dict[str, deque[tuple[float, Any]]] = field(default_factory=dict, repr=False)

    def reset(self) -> None:
        """Clear every fault."""
        self.latency_ms, self.fail_rate, self.fail_next, self.hang_s = 0, 0.0, 0, 0.0
        self.rate_limit, self.malformed, self.state_lag_s = None, False, 0.0
        self.fail_code, self.accepted_malformed, self.accepted_hang_s = "2000", False, 0.0
        self.revoked_tokens.clear()
        self.lagging_devices.clear()
        self._calls.clear()
        self._states_before.clear()

    def count_call(self, token: str) -> None:
        """Record an API call by `token`; raise LG's limit error once it is over the limit."""
        limit = self.rate_limit
        if limit is None:
            return
        now = time.monotonic()
        calls = self._calls.setdefault(token, deque())
        while calls and calls[0] <= now - limit.window_s:
            calls.popleft()
        if len(calls) >= limit.calls:
            raise ApiError(limit.code, f"more than {limit.calls} calls in {limit.window_s:g} s")
        calls.append(now)

    def note_control(self, device_id: str, state_before: Any) -> None:
        """Remember a device's state before a control it accepted, while reads lag."""
        if self.state_lag_s and (not self.lagging_devices or device_id in self.lagging_devices):
            self._states_before.setdefault(device_id, deque()).append((time.monotonic(), state_before))

    def lagging_state(self, device_id: str) -> Any:
        """Return the state a read shows instead of the live one, or None when the device does not lag."""
        controls = self._states_before.get(device_id)
        if controls is None:
            return None
        now = time.monotonic()
        while controls and controls[0][0] <= now - self.state_lag_s:
            controls.popleft()
        if not controls:
            del self._states_before[device_id]
            return None
        return controls[0][1]

    def as_dict(self) -> dict[str, Any]:
        """JSON view for the admin API (revoked tokens are counted, not shown)."""
        limit = self.rate_limit
        return {
            "latency_ms": self.latency_ms,
            "fail_rate": self.fail_rate,
            "fail_next": self.fail_next,
            "fail_code": self.fail_code,
            "hang_s": self.hang_s,
            "rate_limit": None
            if limit is None
            else {"calls": limit.calls, "window_s": limit.window_s, "code": limit.code},
            "revoked_tokens": len(self.revoked_tokens),
            "malformed": self.malformed,
            "accepted_malformed": self.accepted_malformed,
            "accepted_hang_s": self.accepted_hang_s,
            "state_lag_s": self.state_lag_s,
            "lagging_devices": sorted(self.lagging_devices),
        }

    def update(self, data: dict[str, Any]) -> None:
        """Apply the admin API's partial settings; raises ValueError on bad input."""
        unknown = set(data) - {
            "latency_ms",
            "fail_rate",
            "fail_next",
            "fail_code",
            "hang_s",
            "rate_limit",
            "revoke_tokens",
            "malformed",
            "accepted_malformed",
            "accepted_hang_s",
            "state_lag_s",
        }
        if unknown:
            raise ValueError(f"unknown fault settings: {', '.join(sorted(unknown))}")
        if "latency_ms" in data:
            self.latency_ms = _non_negative(int(data["latency_ms"]), "latency_ms")
        if "fail_rate" in data:
            self.fail_rate = float(data["fail_rate"])
            if not 0.0 <= self.fail_rate <= 1.0:
                raise ValueError("fail_rate must be between 0 and 1")
        if "fail_next" in data:
            self.fail_next = _non_negative(int(data["fail_next"]), "fail_next")
        if "fail_code" in data:
            self.fail_code = _error_code(data["fail_code"])
        if "accepted_malformed" in data:
            self.accepted_malformed = bool(data["accepted_malformed"])
        if "accepted_hang_s" in data:
            self.accepted_hang_s = _non_negative(float(data["accepted_hang_s"]), "accepted_hang_s")
        if "hang_s" in data:
            self.hang_s = _non_negative(float(data["hang_s"]), "hang_s")
        if "rate_limit" in data:
            self.rate_limit = _rate_limit(data["rate_limit"])
            self._calls.clear()
        if "revoke_tokens" in data:
            self.revoked_tokens.update(str(token) for token in data["revoke_tokens"])
        if "malformed" in data:
            self.malformed = bool(data["malformed"])
        if "state_lag_s" in data:
            self.state_lag_s = _non_negative(float(data["state_lag_s"]), "state_lag_s")
            if not self.state_lag_s:
                self._states_before.clear()


def _non_negative[N: (int, float)](value: N, name: str) -> N:
    if value < 0:
        raise ValueError(f"{name} must be >= 0")
    return value


def _error_code(value: Any) -> str:
    code = str(value)
    if code not in ERRORS:
        raise ValueError(f"fail_code must be one of LG's codes: {', '.join(ERRORS)}")
    return code


def _rate_limit(value: Any) -> RateLimit | None:
    if value is None:
        return None
    if isinstance(value, str):
        return RateLimit.parse(value)
    limit = RateLimit(int(value["calls"]), float(value["window_s"]), str(value.get("code", "1306")))
    if limit.code not in ("1306", "1314") or limit.calls < 0 or limit.window_s <= 0:
        raise ValueError("rate_limit needs calls >= 0, window_s > 0 and code 1306 or 1314")
    return limit
