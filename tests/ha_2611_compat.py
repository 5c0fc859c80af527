"""Lets pytest-homeassistant-custom-component 0.13.375 (made for HA 2026.10.4) run on HA 2026.11.0.

Loaded first, with `-p tests.ha_2611_compat`, by scripts/test's second pytest run; it changes
nothing on 2026.10.4. What 2026.11 changed under the plugin:
- HA 2026.11 makes `import httpx` resolve to httpx2 and must come before anything imports httpx,
  but the plugin imports respx (which imports httpx) before Home Assistant: importing Home
  Assistant here first keeps that order.
- the plugin imports `_clear_logger_overwrites` from the logger component, which 2026.11 moved
  to its helpers module.
"""

from homeassistant.components import logger
from homeassistant.components.logger import helpers

if not hasattr(logger, "_clear_logger_overwrites"):
    logger._clear_logger_overwrites = helpers._clear_logger_overwrites  # type: ignore[attr-defined]
