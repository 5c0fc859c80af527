"""A simulation clock that runs faster (or slower, or not at all) than real time."""

import time


class SimClock:
    """Virtual seconds since the simulator was created, at `speed` virtual seconds per real second.

    Changing the speed keeps the virtual time continuous; `advance` jumps it forward, which lets
    tests run a frozen clock (speed 0) and move it deterministically.
    """

    def __init__(self, speed: float = 1.0) -> None:
        """Start the clock at zero."""
        if speed < 0:
            raise ValueError("speed must be >= 0")
        self._speed = speed
        self._base_virtual = 0.0
        self._base_real = time.monotonic()

    @property
    def speed(self) -> float:
        """Virtual seconds per real second."""
        return self._speed

    def now(self) -> float:
        """Current virtual time in seconds."""
        return self._base_virtual + (time.monotonic() - self._base_real) * self._speed

    def set_speed(self, speed: float) -> None:
        """Change the speed from now on."""
        if speed < 0:
            raise ValueError("speed must be >= 0")
        self._base_virtual = self.now()
        self._base_real = time.monotonic()
        self._speed = speed

    def advance(self, seconds: float) -> None:
        """Jump the virtual time forward."""
        if seconds < 0:
            raise ValueError("the clock only moves forward")
        self._base_virtual += seconds
