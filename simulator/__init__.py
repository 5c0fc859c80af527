"""An appliance simulator that speaks LG's ThinQ Connect API (`python -m simulator`).

It plays the LG cloud for the integration, its tests and the demo; it imports nothing from
`custom_components`.
"""

from .devices import Device
from .errors import API_KEY, DEFAULT_TOKEN, ApiError
from .faults import Faults, RateLimit
from .server import ControlLogEntry, Simulator

__all__ = [
    "API_KEY",
    "DEFAULT_TOKEN",
    "ApiError",
    "ControlLogEntry",
    "Device",
    "Faults",
    "RateLimit",
    "Simulator",
]
