"""Text LG's cloud or a TV sends cannot forge a log line: it is escaped and cut before it is logged."""

import logging

import aiohttp
import pytest

from custom_components.thinq_voice.api import ThinQConnectClient, ThinQDeviceOfflineError
from custom_components.thinq_voice.api.safe_text import safe_text
from custom_components.thinq_voice.api.webos import LAUNCH, WebOsClient, WebOsCommandError
from custom_components.thinq_voice.errors import log_safe
from simulator.tv import SimulatedTv

from .conftest import FakeClock
from .fake_lg import FakeLG, lg_error

# What Home Assistant would log a TV's refusal as (its media player shows the error).
_LOGGER = logging.getLogger("custom_components.thinq_voice.test")
TOKEN = "thinqpat_0123456789abcdef_secret"
# A newline and a line that looks like Home Assistant's own, a bidi override, then 100 kB.
HOSTILE = (
    "device busy\n2026-12-02 04:00:00.000 CRITICAL (MainThread) [homeassistant.core] forged\u202e"
    + "x" * 100_000
)


def assert_one_line_each(caplog: pytest.LogCaptureFixture) -> None:
    """Every record is one short line: nothing LG wrote starts a line of its own."""
    assert caplog.records
    for record in caplog.records:
        message = record.getMessage()
        assert "\n" not in message and "\r" not in message and "\u202e" not in message
        assert len(message) < 400
    assert not any("CRITICAL" in line.split(" ", 1)[0] for line in caplog.text.splitlines())


def test_safe_text_escapes_and_caps() -> None:
    assert safe_text("a\nb\r\x00c\u202e\t", 50) == "a\\nb\\r\\x00c\\u202e\\t"
    assert safe_text("거실 에어컨 on", 50) == "거실 에어컨 on"
    assert safe_text("y" * 10, 10) == "y" * 10
    assert safe_text("y" * 11, 10) == "y" * 9 + "…"
    # An escape is never cut in half.
    assert safe_text("ab" + "\n" * 10, 7) == "ab\\n\\n…"
    assert safe_text(None, 10) == "None"
    assert len(safe_text(HOSTILE, 200)) == 200


def test_log_safe_is_the_api_escape() -> None:
    assert log_safe(HOSTILE) == safe_text(HOSTILE, 64)
    assert log_safe(HOSTILE, 300) == safe_text(HOSTILE, 300)


async def test_hostile_lg_error_message_cannot_forge_a_log_line(
    lg: FakeLG, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="custom_components.thinq_voice")
    lg.reply("GET", "/devices/washer-1/state", lg_error("1222", HOSTILE, status=400))
    clock = FakeClock()
    client = ThinQConnectClient(
        session,
        access_token=TOKEN,
        country="KR",
        client_id="thinq-voice-test",
        base_url=lg.base_url,  # type: ignore[attr-defined]
        clock=clock,
        sleep=clock.sleep,
    )
    with pytest.raises(ThinQDeviceOfflineError) as info:
        await client.async_get_device_state("washer-1")
    told = str(info.value)
    assert "\n" not in told
    # What LG said is still readable, escaped, and cut to 200 characters.
    assert "device busy\\n2026-12-02 04:00:00.000 CRITICAL" in told
    assert len(told) < 300
    assert_one_line_each(caplog)
    assert any("LG error 1222 (device busy\\n" in record.getMessage() for record in caplog.records)


async def test_hostile_tv_error_cannot_forge_a_log_line(
    session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="custom_components.thinq_voice")
    tv = SimulatedTv()
    await tv.start()
    try:
        client = WebOsClient(session, f"127.0.0.1:{tv.port}")
        await client.async_pair(timeout=5)
        # The simulated TV, like a real one, repeats the unknown app id in its error.
        with pytest.raises(WebOsCommandError) as info:
            await client.async_request(LAUNCH, {"id": HOSTILE})
        await client.async_close()
    finally:
        await tv.stop()
    told = str(info.value)
    assert told.startswith(f"{LAUNCH}: 400 no app device busy\\n2026-12-02")
    assert "\n" not in told and "\u202e" not in told
    assert len(told) < len(LAUNCH) + 210
    _LOGGER.warning("The TV refused: %s", info.value)
    assert_one_line_each(caplog)
