"""The client over real loopback HTTP against a small fake of LG's API."""

import asyncio
from datetime import date
import logging
import re
import socket

import aiohttp
from aiohttp import web
import pytest

from custom_components.thinq_voice.api import (
    API_KEY,
    SUPPORTED_COUNTRIES,
    DeviceProfile,
    Priority,
    Region,
    ThinQAuthenticationError,
    ThinQBadRequestError,
    ThinQBudgetError,
    ThinQCommandRefusedError,
    ThinQConnectClient,
    ThinQConnectionError,
    ThinQDeviceOfflineError,
    ThinQError,
    ThinQInvalidResponseError,
    ThinQInvalidValueError,
    ThinQNotFoundError,
    ThinQRateLimitError,
    ThinQServerError,
    ThinQUnsupportedCountryError,
    base_url_for_country,
    generate_message_id,
    region_for_country,
)
from custom_components.thinq_voice.api.energy import EnergyPeriod

from .conftest import FakeClock, load
from .fake_lg import FakeLG, envelope, lg_error

TOKEN = "thinqpat_0123456789abcdef_secret"
CLIENT_ID = "thinq-voice-5f1c2f0e-secret-client"
DEVICE = "MW2-2E247F93-B570-46A6-B827-920E9E10F966"
AC_PROFILE = load("ha-core-fixtures/air_conditioner/profile.json")
AC_STATE = load("ha-core-fixtures/air_conditioner/status.json")


def make_client(
    lg: FakeLG, session: aiohttp.ClientSession | None, clock: FakeClock | None = None, **kwargs: object
) -> ThinQConnectClient:
    clock = clock or FakeClock()
    options: dict[str, object] = {
        "access_token": TOKEN,
        "country": "kr",
        "client_id": CLIENT_ID,
        "base_url": lg.base_url,  # type: ignore[attr-defined]
        "clock": clock,
        "sleep": clock.sleep,
        **kwargs,
    }
    return ThinQConnectClient(session, **options)  # type: ignore[arg-type]


async def test_headers_on_every_call(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/route", {"apiServer": "https://api-kic.lgthinq.com", "mqttServer": "mqtts://m:8883"})
    lg.reply("POST", f"/devices/{DEVICE}/control", {})
    client = make_client(lg, session)
    route = await client.async_get_route()
    assert route.mqtt_server == "mqtts://m:8883"
    await client.async_post_device_control(DEVICE, {"operation": {"airConOperationMode": "POWER_ON"}})
    get, post = lg.requests
    for request in (get, post):
        assert request.headers["Authorization"] == f"Bearer {TOKEN}"
        assert request.headers["x-country"] == "KR"
        assert request.headers["x-client-id"] == CLIENT_ID
        assert request.headers["x-api-key"] == API_KEY
        assert request.headers["x-service-phase"] == "OP"
        assert re.fullmatch(r"[A-Za-z0-9_-]{22}", request.headers["x-message-id"])
    assert "x-conditional-control" not in get.headers
    assert post.headers["x-conditional-control"] == "true"
    assert get.headers["x-message-id"] != post.headers["x-message-id"]
    assert post.body == {"operation": {"airConOperationMode": "POWER_ON"}}


def test_message_ids() -> None:
    ids = {generate_message_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(len(i) == 22 and "=" not in i for i in ids)


async def test_device_endpoints(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/devices", [load("ha-core-fixtures/air_conditioner/device.json")])
    lg.reply("GET", f"/devices/{DEVICE}/profile", AC_PROFILE)
    lg.reply("GET", f"/devices/{DEVICE}/state", AC_STATE)
    lg.reply("POST", f"/devices/{DEVICE}/control", {})
    client = make_client(lg, session)
    devices = await client.async_get_devices()
    assert [d.alias for d in devices] == ["Test air conditioner"]
    profile = await client.async_get_device_profile(DEVICE)
    state = await client.async_get_device_state(DEVICE)
    assert state.get("temperature", "targetTemperature") == 19
    assert await client.async_control(DEVICE, profile, "temperature", "targetTemperature", 22) == {}
    assert lg.requests[-1].body == {"temperature": {"targetTemperature": 22, "unit": "C"}}


async def test_device_ids_are_quoted(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/devices/a%2Fb/state", {"operation": {"x": 1}})
    client = make_client(lg, session)
    with pytest.raises(ThinQBadRequestError):  # the fake routes on the decoded path: no route
        await client.async_get_device_state("a/b?x")
    assert lg.requests[0].raw_path == "/devices/a%2Fb%3Fx/state"


async def test_invalid_value_never_leaves_the_machine(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    client = make_client(lg, session)
    profile = DeviceProfile.from_json(AC_PROFILE)
    with pytest.raises(ThinQInvalidValueError):
        await client.async_control(DEVICE, profile, "temperature", "targetTemperature", 99)
    with pytest.raises(ThinQInvalidValueError):
        await client.async_control(DEVICE, profile, "temperature", "currentTemperature", 20)
    assert lg.requests == []
    assert client.remaining_budget == 100


async def test_energy_endpoints(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply(
        "GET",
        f"/devices/energy/{DEVICE}/profile",
        load("ha-core-fixtures/kimchi_refrigerator/energy_profile.json"),
    )
    lg.reply(
        "GET",
        f"/devices/energy/{DEVICE}/usage",
        load("ha-core-fixtures/air_conditioner/energy_yesterday.json"),
    )
    client = make_client(lg, session)
    assert (await client.async_get_energy_profile(DEVICE)).metered == "energyUsage"
    usage = await client.async_get_energy_usage(
        DEVICE, "energyUsage", EnergyPeriod.DAILY, date(2026, 1, 1), "20260107"
    )
    assert usage.total == 100.0
    # The parameter names and values LG's SDK sends.
    assert lg.requests[-1].query == {
        "property": "energyUsage",
        "period": "DAILY",
        "startDate": "20260101",
        "endDate": "20260107",
    }
    await client.async_get_energy_usage(
        DEVICE, "energyUsage", EnergyPeriod.MONTHLY, date(2026, 1, 1), "202603"
    )
    assert lg.requests[-1].query["period"] == "MONTHLY"
    assert lg.requests[-1].query["startDate"] == "202601"
    with pytest.raises(ValueError, match="YYYYMM"):
        await client.async_get_energy_usage(DEVICE, "energyUsage", EnergyPeriod.MONTHLY, "20260101", "202603")
    assert len(lg.requests) == 3
    lg.reply("GET", f"/devices/energy/{DEVICE}/usage", {"dataList": []})
    with pytest.raises(ThinQInvalidResponseError):
        await client.async_get_energy_usage(DEVICE, "energyUsage", EnergyPeriod.DAILY, "20260101", "20260101")


async def test_push_event_and_client_endpoints(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/push", [{"deviceId": DEVICE}])
    lg.reply("POST", f"/push/{DEVICE}/subscribe", {})
    lg.reply("DELETE", f"/push/{DEVICE}/unsubscribe", web.Response(status=200))
    lg.reply("GET", "/push/devices", [])
    lg.reply("POST", "/push/devices", {})
    lg.reply("DELETE", "/push/devices", web.json_response({"messageId": "m", "timestamp": "t"}))
    lg.reply("GET", "/event", [{"deviceId": DEVICE}])
    lg.reply("POST", f"/event/{DEVICE}/subscribe", {})
    lg.reply("DELETE", f"/event/{DEVICE}/unsubscribe", {})
    lg.reply("POST", "/client", {})
    lg.reply("DELETE", "/client", {})
    client = make_client(lg, session)
    assert await client.async_get_push_subscriptions() == [{"deviceId": DEVICE}]
    await client.async_subscribe_push(DEVICE)
    await client.async_unsubscribe_push(DEVICE)
    assert await client.async_get_push_devices() == []
    await client.async_subscribe_push_devices()
    await client.async_unsubscribe_push_devices()
    assert await client.async_get_event_subscriptions() == [{"deviceId": DEVICE}]
    await client.async_subscribe_events(DEVICE)
    await client.async_subscribe_events(DEVICE, hours=1)
    await client.async_unsubscribe_events(DEVICE)
    await client.async_register_client()
    await client.async_unregister_client()
    await client.async_register_client({"type": "MQTT", "service-code": "SVC202", "device-type": "607"})
    bodies = [(r.method, r.path, r.body) for r in lg.requests]
    assert ("POST", f"/event/{DEVICE}/subscribe", {"expire": {"unit": "HOUR", "timer": 24}}) in bodies
    assert ("POST", f"/event/{DEVICE}/subscribe", {"expire": {"unit": "HOUR", "timer": 1}}) in bodies
    assert (
        "POST",
        "/client",
        {"type": "MQTT", "service-code": "SVC202", "device-type": "607", "allowExist": True},
    ) in bodies
    assert ("DELETE", "/client", {"type": "MQTT", "service-code": "SVC202"}) in bodies
    assert bodies[-1][2] == {"type": "MQTT", "service-code": "SVC202", "device-type": "607"}
    for hours in (0, 25):
        with pytest.raises(ValueError, match="between 1 and 24"):
            await client.async_subscribe_events(DEVICE, hours=hours)


@pytest.mark.parametrize(
    ("code", "status", "error_type"),
    [
        ("1103", 401, ThinQAuthenticationError),
        ("1218", 401, ThinQAuthenticationError),
        ("1301", 401, ThinQAuthenticationError),
        ("1302", 401, ThinQAuthenticationError),
        ("1306", 429, ThinQRateLimitError),
        ("1314", 429, ThinQRateLimitError),
        ("1222", 400, ThinQDeviceOfflineError),
        ("1205", 404, ThinQNotFoundError),
        ("1212", 403, ThinQNotFoundError),
        ("1307", 400, ThinQUnsupportedCountryError),
        ("1000", 400, ThinQBadRequestError),
        ("1101", 400, ThinQBadRequestError),
        ("1102", 400, ThinQBadRequestError),
        ("1104", 400, ThinQBadRequestError),
        ("1311", 400, ThinQBadRequestError),
        ("2207", 400, ThinQBadRequestError),
        ("1207", 409, ThinQBadRequestError),
        ("9999", 400, ThinQBadRequestError),
        ("2000", 500, ThinQServerError),
        ("2208", 400, ThinQServerError),
        ("2210", 400, ThinQServerError),
        ("0000", 400, ThinQServerError),
        ("9999", 503, ThinQServerError),
        ("2301", 400, ThinQCommandRefusedError),
    ],
)
async def test_error_codes(
    lg: FakeLG, session: aiohttp.ClientSession, code: str, status: int, error_type: type[ThinQError]
) -> None:
    lg.reply("GET", f"/devices/{DEVICE}/state", lg_error(code, "LG says no", status))
    client = make_client(lg, session)
    with pytest.raises(error_type) as info:
        await client.async_get_device_state(DEVICE)
    assert type(info.value) is error_type
    assert info.value.code == code
    assert info.value.status == status
    assert "LG says no" in str(info.value)


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("2301", "remote_control_off"),
        ("2302", "in_state"),
        ("2303", "in_error"),
        ("2304", "power_off"),
        ("2305", "in_mode"),
    ],
)
async def test_command_refused_reasons(
    lg: FakeLG, session: aiohttp.ClientSession, code: str, reason: str
) -> None:
    lg.reply("POST", f"/devices/{DEVICE}/control", lg_error(code))
    client = make_client(lg, session)
    with pytest.raises(ThinQCommandRefusedError) as info:
        await client.async_post_device_control(DEVICE, {"operation": {"airConOperationMode": "POWER_ON"}})
    assert info.value.reason == reason
    assert info.value.code == code


async def test_numeric_code_is_read_as_text(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/devices", web.json_response({"error": {"code": 1222}}, status=400))
    with pytest.raises(ThinQDeviceOfflineError) as info:
        await make_client(lg, session).async_get_devices()
    assert info.value.code == "1222"


@pytest.mark.parametrize(
    ("response", "error_type"),
    [
        (
            web.Response(
                text="<html><body>502 Bad Gateway</body></html>", status=502, content_type="text/html"
            ),
            ThinQServerError,
        ),
        (
            web.Response(text="<html>oops</html>", status=200, content_type="text/html"),
            ThinQInvalidResponseError,
        ),
        (web.Response(text="{not json", status=200), ThinQInvalidResponseError),
        (web.Response(body=b"\xff\xfe", status=200), ThinQInvalidResponseError),
        (web.Response(status=200), ThinQInvalidResponseError),
        (web.json_response([1, 2]), ThinQInvalidResponseError),
        (web.json_response({"messageId": "m"}), ThinQInvalidResponseError),
        (web.json_response({"response": "a string"}), ThinQInvalidResponseError),
        (web.json_response({"response": {"property": 5}}), ThinQInvalidResponseError),
        (web.json_response({"error": {"message": "no code"}}, status=400), ThinQInvalidResponseError),
        (web.json_response({"error": "flat"}, status=400), ThinQBadRequestError),
        (web.Response(text="nope", status=401), ThinQAuthenticationError),
        (web.Response(text="nope", status=403), ThinQAuthenticationError),
        (web.Response(text="nope", status=404), ThinQNotFoundError),
        (web.Response(text="nope", status=418), ThinQBadRequestError),
        (web.Response(text="slow down", status=429), ThinQRateLimitError),
    ],
)
async def test_malformed_and_http_errors(
    lg: FakeLG, session: aiohttp.ClientSession, response: web.Response, error_type: type[ThinQError]
) -> None:
    lg.reply("GET", f"/devices/{DEVICE}/profile", response)
    with pytest.raises(error_type) as info:
        await make_client(lg, session).async_get_device_profile(DEVICE)
    assert type(info.value) is error_type
    assert "<html" not in str(info.value)


async def test_timeout(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    async def hang(_: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return envelope({})

    lg.handle("GET", "/devices", hang)
    client = make_client(lg, session, request_timeout=5)
    assert client.request_timeout == 5
    client.request_timeout = 0.2  # changed on a client in use, as the HA tests do
    with pytest.raises(ThinQConnectionError, match=r"timed out after 0\.2 s"):
        await client.async_get_devices()


async def test_connection_refused(session: aiohttp.ClientSession) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = ThinQConnectClient(
        session, access_token=TOKEN, country="KR", client_id=CLIENT_ID, base_url=f"http://127.0.0.1:{port}/"
    )
    assert client.base_url == f"http://127.0.0.1:{port}"
    with pytest.raises(ThinQConnectionError) as info:
        await client.async_get_devices()
    assert TOKEN not in str(info.value) and CLIENT_ID not in str(info.value)


async def test_injected_session_is_left_open(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/devices", [])
    async with make_client(lg, session) as client:
        assert await client.async_get_devices() == []
    assert not session.closed


async def test_owned_session_is_closed(lg: FakeLG) -> None:
    lg.reply("GET", "/devices", [])
    client = make_client(lg, None)
    await client.close()  # nothing to close yet
    async with client:
        assert await client.async_get_devices() == []
        owned = client._transport.session
        assert owned is not None and not owned.closed
    assert owned.closed
    assert client._transport.session is None


def test_regions() -> None:
    assert base_url_for_country("KR") == "https://api-kic.lgthinq.com"
    assert base_url_for_country("us") == "https://api-aic.lgthinq.com"
    assert base_url_for_country("GB") == "https://api-eic.lgthinq.com"
    assert base_url_for_country("DE") == "https://api-eic.lgthinq.com"
    assert region_for_country("BR") is Region.AMERICAS
    assert region_for_country("AU") is Region.ASIA_PACIFIC
    assert len(SUPPORTED_COUNTRIES) > 150
    assert {"KR", "US", "GB", "DE", "FR", "CA", "MX", "JP"} <= SUPPORTED_COUNTRIES
    with pytest.raises(ThinQUnsupportedCountryError):
        base_url_for_country("AQ")


def test_client_construction() -> None:
    client = ThinQConnectClient(None, access_token=TOKEN, country="de", client_id=CLIENT_ID)
    assert client.base_url == "https://api-eic.lgthinq.com"
    assert client.country == "DE"
    assert TOKEN not in repr(client) and CLIENT_ID not in repr(client)
    with pytest.raises(ThinQUnsupportedCountryError):
        ThinQConnectClient(None, access_token=TOKEN, country="AQ", client_id=CLIENT_ID)
    with pytest.raises(ValueError, match="alpha-2"):
        ThinQConnectClient(None, access_token=TOKEN, country="KOR", client_id=CLIENT_ID)
    with pytest.raises(ValueError, match="must not be empty"):
        ThinQConnectClient(None, access_token="", country="KR", client_id=CLIENT_ID)


async def test_controls_to_one_device_are_spaced(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("POST", f"/devices/{DEVICE}/control", {})
    lg.reply("POST", "/devices/other/control", {})
    clock = FakeClock()
    client = make_client(lg, session, clock)
    body = {"operation": {"airConOperationMode": "POWER_ON"}}
    await client.async_post_device_control(DEVICE, body)
    await client.async_post_device_control("other", body)  # another device does not wait
    assert clock.slept == []
    clock.advance(1.0)
    await client.async_post_device_control(DEVICE, body)
    assert clock.slept == [pytest.approx(2.0)]
    clock.advance(10.0)
    await client.async_post_device_control(DEVICE, body)
    assert len(clock.slept) == 1
    await asyncio.gather(*(client.async_post_device_control(DEVICE, body) for _ in range(3)))
    assert clock.slept[1:] == [pytest.approx(3.0)] * 3
    assert len(lg.requests) == 7


async def test_control_spacing_real_sleep(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("POST", f"/devices/{DEVICE}/control", {})
    client = ThinQConnectClient(
        session,
        access_token=TOKEN,
        country="KR",
        client_id=CLIENT_ID,
        base_url=lg.base_url,  # type: ignore[attr-defined]
        control_interval=0.05,
    )
    loop = asyncio.get_running_loop()
    start = loop.time()
    for _ in range(3):
        await client.async_post_device_control(DEVICE, {"a": {"b": 1}})
    assert loop.time() - start >= 0.1


async def test_hourly_budget(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/devices", [])
    clock = FakeClock()
    client = make_client(lg, session, clock, hourly_request_budget=3)
    for _ in range(3):
        await client.async_get_devices()
        clock.advance(60)
    assert client.remaining_budget == 0
    with pytest.raises(ThinQBudgetError) as info:
        await client.async_get_devices()
    assert info.value.retry_after == pytest.approx(3600 - 180)
    assert info.value.code is None
    with pytest.raises(ThinQRateLimitError):
        await client.async_post_device_control(DEVICE, {"a": {"b": 1}})
    assert len(lg.requests) == 3
    clock.advance(3600 - 180)
    await client.async_get_devices()
    assert len(lg.requests) == 4
    with pytest.raises(ValueError, match="at least one"):
        make_client(lg, session, clock, hourly_request_budget=0)


async def test_reads_yield_to_people(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", f"/devices/{DEVICE}/state", AC_STATE)
    lg.reply("POST", f"/devices/{DEVICE}/control", {})
    clock = FakeClock()
    client = make_client(
        lg, session, clock, hourly_request_budget=4, people_reserve=2, control_reserve=1, wall_clock=clock
    )
    for _ in range(2):
        await client.async_get_device_state(DEVICE)
    with pytest.raises(ThinQBudgetError):
        await client.async_get_device_state(DEVICE)
    await client.async_post_device_control(DEVICE, {"a": {"b": 1}})
    with pytest.raises(ThinQBudgetError):
        await client.async_get_device_state(DEVICE, priority=Priority.CONFIRM)
    await client.async_post_device_control(DEVICE, {"a": {"b": 2}})
    assert [request.method for request in lg.requests] == ["GET", "GET", "POST", "POST"]
    assert client.remaining_budget == 0


@pytest.mark.parametrize("code", ["1306", "1314"])
async def test_backoff_after_lg_rate_limit(lg: FakeLG, session: aiohttp.ClientSession, code: str) -> None:
    lg.reply("GET", "/devices", lg_error(code, "Exceeded User API calls", 429))
    clock = FakeClock()
    client = make_client(lg, session, clock, rate_limit_backoff=600)
    with pytest.raises(ThinQRateLimitError) as first:
        await client.async_get_devices()
    assert first.value.retry_after == 600 and first.value.code == code
    clock.advance(100)
    with pytest.raises(ThinQRateLimitError) as second:
        await client.async_get_devices()
    assert second.value.retry_after == pytest.approx(500) and second.value.code == code
    with pytest.raises(ThinQRateLimitError):
        await client.async_post_device_control(DEVICE, {"a": {"b": 1}})
    assert len(lg.requests) == 1  # refused locally, LG is not hammered
    lg.reply("GET", "/devices", [])
    clock.advance(500)
    assert await client.async_get_devices() == []


@pytest.mark.parametrize(
    ("header", "expected"), [("120", 120.0), ("soon", 900.0), ("-5", 900.0), ("inf", 900.0)]
)
async def test_retry_after_header(
    lg: FakeLG, session: aiohttp.ClientSession, header: str, expected: float
) -> None:
    lg.reply("GET", "/devices", lg_error("1306", status=429, headers={"Retry-After": header}))
    client = make_client(lg, session)
    with pytest.raises(ThinQRateLimitError) as info:
        await client.async_get_devices()
    assert info.value.retry_after == expected


async def test_http_429_without_code_backs_off(lg: FakeLG, session: aiohttp.ClientSession) -> None:
    lg.reply("GET", "/devices", web.Response(text="slow", status=429, headers={"Retry-After": "30"}))
    clock = FakeClock()
    client = make_client(lg, session, clock)
    with pytest.raises(ThinQRateLimitError) as info:
        await client.async_get_devices()
    assert info.value.retry_after == 30
    with pytest.raises(ThinQRateLimitError):
        await client.async_get_devices()
    assert len(lg.requests) == 1


async def test_secrets_never_in_errors_or_logs(
    lg: FakeLG, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = f"token {TOKEN} from client {CLIENT_ID} is invalid"
    scenarios: list[web.Response] = [
        lg_error("1103", echo, 401),
        lg_error("1306", echo, 429),
        lg_error("2301", echo),
        lg_error("2000", echo, 500),
        lg_error("1222", echo),
        web.Response(text=f"<html>{TOKEN}</html>", status=502),
        web.Response(text=f"{TOKEN}", status=200),
    ]
    errors: list[ThinQError] = []
    for response in scenarios:
        lg.reply("GET", "/devices", response)
        client = make_client(lg, session)
        with pytest.raises(ThinQError) as info:
            await client.async_get_devices()
        errors.append(info.value)

    async def hang(_: web.Request) -> web.Response:
        await asyncio.sleep(5)
        return envelope({})

    lg.handle("GET", "/devices", hang)
    with pytest.raises(ThinQConnectionError) as timeout:
        await make_client(lg, session, request_timeout=0.1).async_get_devices()
    errors.append(timeout.value)
    with pytest.raises(ThinQInvalidValueError) as invalid:
        await make_client(lg, session).async_control(DEVICE, DeviceProfile.from_json(AC_PROFILE), "x", "y", 1)
    errors.append(invalid.value)
    assert "***" in str(errors[0])
    for error in errors:
        for text in (str(error), repr(error), *map(str, error.args)):
            assert TOKEN not in text
            assert CLIENT_ID not in text
    assert caplog.records
    for record in caplog.records:
        assert TOKEN not in record.getMessage()
        assert CLIENT_ID not in record.getMessage()
