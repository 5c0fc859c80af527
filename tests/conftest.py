"""Shared test setup.

`custom_components` is imported before any HA fixture runs: otherwise the test package of
pytest-homeassistant-custom-component can shadow ours and HA reports "Integration not found".
"""

import importlib.util
from pathlib import Path

import custom_components  # noqa: F401

FIXTURES = Path(__file__).parent / "fixtures"
THINQ_FIXTURES = FIXTURES / "thinq_connect"
BROWSER_TESTS = Path(__file__).parent / "browser"


def pytest_ignore_collect(collection_path: Path) -> bool | None:
    """Leave the browser tests out where Playwright is not installed.

    They drive Debian's chromium against a real Home Assistant from the runtime environment
    (scripts/test runs them there); the unit suite runs in the test environments, without Playwright.
    """
    if collection_path == BROWSER_TESTS and importlib.util.find_spec("playwright") is None:
        return True
    return None
