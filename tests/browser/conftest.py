"""Fixtures of the browser tests: one Home Assistant per UI language, a logged-in page, the screenshots' dir.

Every UI language gets its own Home Assistant: a fresh config dir, the owner onboarded in that
language, the simulator's household of that language and no ThinQ Voice entry yet (the tests add it
through the UI).
"""

from collections.abc import Generator, Iterator
import os
from pathlib import Path

from playwright.sync_api import Playwright, sync_playwright
import pytest

from .demo import Demo, Session, launch, log_in
from .ui import UI_STRINGS


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Start Playwright's driver (shipped in its wheel)."""
    with sync_playwright() as running:
        yield running


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $THINQ_VOICE_SCREENSHOTS (scripts/screenshots: docs/images) or a temp dir."""
    if target := os.environ.get("THINQ_VOICE_SCREENSHOTS"):
        path = Path(target)
        path.mkdir(parents=True, exist_ok=True)
        return path
    return tmp_path_factory.mktemp("screenshots")


@pytest.fixture(scope="module", params=list(UI_STRINGS))
def session(
    request: pytest.FixtureRequest,
    playwright: Playwright,
    tmp_path_factory: pytest.TempPathFactory,
    screenshots: Path,
) -> Iterator[Session]:
    """A Home Assistant in one UI language, and a browser page in that language, logged in as its owner."""
    ui = UI_STRINGS[request.param]
    demo = Demo(ui.language, tmp_path_factory.mktemp(f"ha-{ui.language}"))
    try:
        run = demo.start()
        context = launch(playwright, ui, tmp_path_factory.mktemp(f"chromium-{ui.language}"))
        try:
            page = context.new_page()
            log_in(page, run.ha_url, run.password, ui)
            yield Session(demo, ui, page, screenshots)
        finally:
            context.close()
    finally:
        demo.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """On a failure, keep what the page showed and the end of Home Assistant's log, for whoever reads the report."""
    report: pytest.TestReport = yield
    session = getattr(item, "funcargs", {}).get("session")
    if report.when == "call" and report.failed and isinstance(session, Session):
        picture = session.demo.config_dir / f"failure-{item.name}.png"
        session.page.screenshot(path=picture)
        log = session.demo.config_dir / "home-assistant.log"
        tail = log.read_text(errors="replace").splitlines()[-40:] if log.exists() else []
        report.sections.append(
            ("browser", f"the page: {picture}\nHome Assistant's log ends:\n" + "\n".join(tail))
        )
    return report
