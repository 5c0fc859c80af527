"""Shared test setup.

`custom_components` is imported before any HA fixture runs: otherwise the test package of
pytest-homeassistant-custom-component can shadow ours and HA reports "Integration not found".
"""

from pathlib import Path

import custom_components  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures"
THINQ_FIXTURES = FIXTURES / "thinq_connect"
