"""LG's energy answers: the real shapes (HA core's fixtures), bad answers, and LG's SDK as the oracle."""

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
import logging
from typing import Any, override

import aiohttp
import pytest
from thinqconnect import ThinQApi
from thinqconnect.devices.air_conditioner import AirConditionerDevice
from thinqconnect.devices.connect_device import USAGE_DAILY, USAGE_MONTHLY
from thinqconnect.integration.homeassistant.api import HABridge

from custom_components.thinq_voice.api import ThinQConnectClient, ThinQInvalidResponseError
from custom_components.thinq_voice.api.energy import (
    EnergyHistory,
    EnergyPeriod,
    EnergyProfile,
    Granularity,
    energy_date,
)
from custom_components.thinq_voice.energy import month_start
from simulator import DEFAULT_TOKEN, Simulator

from .conftest import FakeClock, load

AC = "ha-core-fixtures/air_conditioner"
# Profiles LG sent for appliances it meters, meters nothing of, and answers without a list for.
ENERGY_PROFILES = {
    "ha-core-fixtures/kimchi_refrigerator/energy_profile.json": ("energyUsage",),
    "ha-core-fixtures/washtower_dryer/energy_profile.json": (),
    "ha-core-fixtures/air_conditioner1/energy_profile.json": (),
}
# HA core's usage answers and the watt-hours they add up to.
USAGE_ANSWERS = {
    f"{AC}/energy_today.json": 150.0,
    f"{AC}/energy_yesterday.json": 100.0,
    f"{AC}/energy_this_month.json": 500.0,
    f"{AC}/energy_last_month.json": 700.0,
    f"{AC}/energy_20241001_20241010.json": 550.0,
    f"{AC}/energy_20241001_20241031.json": 4960.0,
}


@pytest.mark.parametrize(("path", "properties"), ENERGY_PROFILES.items())
def test_real_energy_profiles(path: str, properties: tuple[str, ...]) -> None:
    """A profile lists what LG meters; an empty list or result means nothing is metered."""
    profile = EnergyProfile.from_json(load(path))
    assert profile.properties == properties
    assert profile.metered == (properties[0] if properties else None)
    # LG's SDK reads the same list from the same answer.
    device = AirConditionerDevice(
        thinq_api=FixtureThinQApi(None),
        device_id="fixture",
        device_type="DEVICE_AIR_CONDITIONER",
        model_name="FIXTURE",
        alias="AC",
        reportable=True,
        profile=load(f"{AC}/profile.json"),
        energy_profile=load(path),
    )
    assert tuple(device.energy_properties) == properties


@pytest.mark.parametrize(("path", "total"), USAGE_ANSWERS.items())
def test_real_usage_answers(path: str, total: float) -> None:
    """Every real usage answer is read whole, each row by what it covers."""
    history = EnergyHistory.from_json(load(path), "energyUsage")
    assert history.total == total
    assert history.skipped == 0


def test_rows_say_what_they_cover() -> None:
    """Hours (today), days and months are told apart by LG's date; rows come oldest first."""
    today = EnergyHistory.from_json(load(f"{AC}/energy_today.json"), "energyUsage")
    assert [(row.start, row.granularity) for row in today.rows] == [
        (datetime(2024, 10, 10, 8), Granularity.HOUR),
        (datetime(2024, 10, 10, 9), Granularity.HOUR),
    ]
    days = EnergyHistory.from_json(load(f"{AC}/energy_yesterday.json"), "energyUsage")
    assert days.rows[0].granularity is Granularity.DAY and days.rows[0].day == date(2024, 10, 9)
    month = EnergyHistory.from_json(load(f"{AC}/energy_last_month.json"), "energyUsage")
    assert month.rows[0].granularity is Granularity.MONTH and month.rows[0].day == date(2024, 9, 1)
    shuffled = {
        "result": {
            "dataList": [
                {"energyUsage": 1, "usedDate": "20241002"},
                {"energyUsage": 2, "usedDate": "20241001"},
            ]
        }
    }
    assert [row.watt_hours for row in EnergyHistory.from_json(shuffled, "energyUsage").rows] == [2.0, 1.0]


@pytest.mark.parametrize(
    "answer",
    [
        None,
        [],
        {"property": ["energyUsage"]},
        {"resultCode": "0000"},
        {"resultCode": "0000", "result": []},
        {"resultCode": "1102", "result": {"property": ["energyUsage"]}},
        {"resultCode": "0000", "result": {"property": "energyUsage"}},
        {"resultCode": "0000", "result": {"property": [1]}},
        {"resultCode": "0000", "result": {"property": {"energyUsage": {}}}},
    ],
)
def test_bad_energy_profiles(answer: Any) -> None:
    """Anything but LG's shape is refused as an unexpected answer, never read as 'not metered'."""
    with pytest.raises(ThinQInvalidResponseError):
        EnergyProfile.from_json(answer)


@pytest.mark.parametrize(
    "answer",
    [
        {"dataList": [{"energyUsage": 1, "usedDate": "20241001"}]},
        {"resultCode": "0000", "result": {}},
        {"resultCode": "0000", "result": {"dataList": {"energyUsage": 1}}},
        {"resultCode": "2000", "result": {"dataList": []}},
    ],
)
def test_bad_usage_answers(answer: Any) -> None:
    """A usage answer without LG's wrapped dataList is refused, not summed to 0."""
    with pytest.raises(ThinQInvalidResponseError):
        EnergyHistory.from_json(answer, "energyUsage")


def test_bad_rows_are_left_out_and_counted() -> None:
    """Rows with no usable date or value are skipped (never 0 Wh); an empty list is unknown."""
    rows = [
        {"energyUsage": 5, "usedDate": "20241001"},
        {"energyUsage": "7", "usedDate": "20241002"},
        {"energyUsage": True, "usedDate": "20241003"},
        {"energyUsage": -1, "usedDate": "20241004"},
        {"energyUsage": float("nan"), "usedDate": "20241005"},
        {"usedDate": "20241006"},
        {"energyUsage": 1, "usedDate": "2024-10-07"},
        {"energyUsage": 1, "usedDate": "20241332"},
        {"energyUsage": 1, "usedDate": 20241008},
        "20241009",
        {"energyUsage": 0, "usedDate": "2024101023"},
    ]
    history = EnergyHistory.from_json({"resultCode": "0000", "result": {"dataList": rows}}, "energyUsage")
    assert [row.watt_hours for row in history.rows] == [5.0, 0.0]
    assert history.skipped == 9
    assert history.total == 5.0
    empty = EnergyHistory.from_json({"resultCode": "0000", "result": {"dataList": []}}, "energyUsage")
    assert empty.total is None


def test_query_dates() -> None:
    """Dates go out in the period's format; a string in another format is refused before sending."""
    assert energy_date(date(2026, 1, 7), EnergyPeriod.DAILY) == "20260107"
    assert energy_date(date(2026, 1, 7), EnergyPeriod.MONTHLY) == "202601"
    assert energy_date("202603", EnergyPeriod.MONTHLY) == "202603"
    with pytest.raises(ValueError, match="YYYYMMDD"):
        energy_date("202601", EnergyPeriod.DAILY)


# LG's SDK as the oracle, both talking to the simulator over loopback HTTP.


class SimulatorThinQApi(ThinQApi):
    """LG's SDK client, pointed at the simulator instead of LG's servers (nothing else changed)."""

    def __init__(self, base_url: str, **kwargs: Any) -> None:
        """Create the SDK client for the simulator's base URL."""
        super().__init__(**kwargs)
        self._simulator_url = base_url

    @override
    def _get_url_from_endpoint(self, endpoint: str) -> str:
        return f"{self._simulator_url}/{endpoint}"


@pytest.fixture
async def sim() -> AsyncIterator[Simulator]:
    """Run the simulator on loopback."""
    simulator = Simulator(fleet="en", tokens=(DEFAULT_TOKEN,))
    await simulator.start()
    yield simulator
    await simulator.stop()


def _usage_queries(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        record.getMessage().split(" -> ")[0].split("/usage?")[1]
        for record in caplog.records
        if record.name == "simulator" and "/usage?" in record.getMessage()
    ]


async def test_sdk_reads_energy_as_we_do(
    sim: Simulator, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    """Same appliance, same question: the SDK's query string equals ours, and so do the totals."""
    caplog.set_level(logging.INFO, logger="simulator")
    device_id = sim.find("Living Room AC").device_id
    ours = ThinQConnectClient(
        session,
        access_token=DEFAULT_TOKEN,
        country="KR",
        client_id="thinq-voice-test",
        base_url=sim.base_url,
        clock=FakeClock(),
    )
    sdk_api = SimulatorThinQApi(
        sim.base_url,
        session=session,
        access_token=DEFAULT_TOKEN,
        country_code="KR",
        client_id="thinq-voice-test",
    )
    sdk_profile = await sdk_api.async_get_device_energy_profile(device_id)
    profile = await ours.async_get_energy_profile(device_id)
    device = AirConditionerDevice(
        thinq_api=sdk_api,
        device_id=device_id,
        device_type="DEVICE_AIR_CONDITIONER",
        model_name="SIM",
        alias="Living Room AC",
        reportable=True,
        profile=load(f"{AC}/profile.json"),
        energy_profile=sdk_profile,
    )
    assert tuple(device.energy_properties) == profile.properties == ("energyUsage",)
    bridge = HABridge(device)
    sim.timezone = UTC
    today = datetime.now(UTC).date()
    cases = [
        (EnergyPeriod.DAILY, USAGE_DAILY, today.replace(day=1), today),
        (EnergyPeriod.DAILY, USAGE_DAILY, today, today),
        (EnergyPeriod.MONTHLY, USAGE_MONTHLY, month_start(today, 11), today),
    ]
    for period, sdk_period, start, end in cases:
        assert str(period) == sdk_period
        caplog.clear()
        sdk_total = await bridge.async_get_energy_usage(
            energy_property="energyUsage", period=sdk_period, start_date=start, end_date=end
        )
        history = await ours.async_get_energy_usage(device_id, "energyUsage", period, start, end)
        sdk_query, our_query = _usage_queries(caplog)
        assert our_query == sdk_query
        assert history.total == pytest.approx(sdk_total) or (history.total is None and sdk_total == 0)


class FixtureThinQApi(ThinQApi):
    """LG's SDK client answering from one of HA core's recorded energy answers."""

    def __init__(self, answer: Any) -> None:
        """Create the SDK client; every request is answered with `answer`."""
        super().__init__(session=None, access_token="token", country_code="KR", client_id="oracle")  # type: ignore[arg-type]
        self.answer = answer

    @override
    async def async_request(self, method: str, endpoint: str, **kwargs: Any) -> Any:
        return self.answer


@pytest.mark.parametrize("path", USAGE_ANSWERS)
async def test_sdk_totals_on_real_answers(path: str) -> None:
    """On every real usage answer, the SDK's total equals ours."""
    sdk_api = FixtureThinQApi(load(path))
    device = AirConditionerDevice(
        thinq_api=sdk_api,
        device_id="fixture",
        device_type="DEVICE_AIR_CONDITIONER",
        model_name="FIXTURE",
        alias="AC",
        reportable=True,
        profile=load(f"{AC}/profile.json"),
        energy_profile=load("ha-core-fixtures/kimchi_refrigerator/energy_profile.json"),
    )
    day = date(2024, 10, 10)
    sdk_total = await HABridge(device).async_get_energy_usage(
        energy_property="energyUsage", period=USAGE_DAILY, start_date=day, end_date=day
    )
    assert EnergyHistory.from_json(load(path), "energyUsage").total == pytest.approx(sdk_total)
