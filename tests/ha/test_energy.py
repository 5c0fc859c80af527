"""Energy end to end: sensors from setup, reads within the budget, statistics for the Energy dashboard."""

from collections.abc import Iterator
from datetime import datetime, timedelta
import logging
from typing import Any
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder import Recorder
from homeassistant.components.recorder.statistics import statistics_during_period
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed
from pytest_homeassistant_custom_component.components.recorder.common import async_wait_recording_done

from custom_components.thinq_voice.api import ThinQConnectClient, ThinQNotFoundError, ThinQServerError
from custom_components.thinq_voice.api.throttle import RequestBudget
from custom_components.thinq_voice.const import DOMAIN
from custom_components.thinq_voice.coordinator import BACKGROUND_OVERHEAD
from custom_components.thinq_voice.energy import ApplianceEnergy, EnergyReader
from custom_components.thinq_voice.energy_statistics import async_import_energy, statistic_id
from simulator import Simulator, energy as sim_energy

# A fixed afternoon in Home Assistant's zone: fifteen hours of today are itemised.
NOW = datetime(2026, 11, 20, 15, 30)
METERED = (
    "거실 에어컨",
    "안방 에어컨",
    "냉장고",
    "김치냉장고",
    "세탁기",
    "건조기",
    "식기세척기",
    "오븐",
    "스타일러",
    "제습기",
)


@pytest.fixture
async def mock_recorder_before_hass(async_test_recorder: Any) -> None:
    """Prepare the recorder's database before Home Assistant starts, as Home Assistant's tests do."""


@pytest.fixture(autouse=True)
async def homeassistant_core(recorder_mock: Recorder, hass: HomeAssistant) -> None:
    """Run these tests with the recorder (set up before Home Assistant's core integration)."""
    assert await async_setup_component(hass, "homeassistant", {})


@pytest.fixture(autouse=True)
def frozen_afternoon(freezer: FrozenDateTimeFactory) -> None:
    """Freeze the clock at NOW in Home Assistant's zone."""
    freezer.move_to(NOW.replace(tzinfo=dt_util.get_default_time_zone()))


# Energy's share of the background requests of an hour: the overhead less the device list.
SHARE = BACKGROUND_OVERHEAD - 1


@pytest.fixture
def generous_budget() -> Iterator[None]:
    """A budget with room for every read: for tests about what is read, not when."""
    with (
        patch("custom_components.thinq_voice.HOURLY_REQUEST_BUDGET", 1000),
        patch("custom_components.thinq_voice.coordinator.HOURLY_REQUEST_BUDGET", 1000),
    ):
        yield


def energy_entity(hass: HomeAssistant, device_id: str, key: str) -> str | None:
    """Return the entity id of an appliance's energy sensor, if it exists."""
    return er.async_get(hass).async_get_entity_id("sensor", DOMAIN, f"{device_id}_{key}")


def usage_requests(caplog: pytest.LogCaptureFixture) -> list[str]:
    """Return the energy usage queries the simulator answered."""
    return [r.getMessage() for r in caplog.records if r.name == "simulator" and "/usage?" in r.getMessage()]


async def setup(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Set the entry up and let the first energy reads finish."""
    entry.add_to_hass(hass)
    await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)


async def read_everything(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    """Give energy an unlimited share and let it read all that is due."""
    reader = entry.runtime_data.energy
    reader.share = RequestBudget(1000)
    reader.async_read_when_due()
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_sensors_from_setup_within_the_share(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Every metered appliance has its energy sensors and values at setup; then energy keeps to its share."""
    caplog.set_level(logging.INFO, logger="simulator")
    await setup(hass, config_entry)
    metered = [simulator.find(alias).device_id for alias in METERED]
    for device_id in metered:
        assert energy_entity(hass, device_id, "energy_today") is not None
        assert energy_entity(hass, device_id, "energy_this_month") is not None
    for alias in ("공기청정기", "로봇청소기"):
        assert energy_entity(hass, simulator.find(alias).device_id, "energy_today") is None
    # Usage reads keep to energy's share: the first appliances' histories (their totals) at once.
    assert len(usage_requests(caplog)) == SHARE
    with_values = [
        device_id
        for device_id in metered
        if (state := hass.states.get(energy_entity(hass, device_id, "energy_today") or "")) is not None
        and state.state not in ("unknown", "unavailable")
    ]
    assert with_values == metered[:SHARE]
    ac = metered[0]
    state = hass.states.get(energy_entity(hass, ac, "energy_today") or "")
    assert state is not None
    assert state.attributes["unit_of_measurement"] == "kWh"
    assert state.attributes["state_class"] == "total"
    assert state.attributes["last_reset"] == "2026-11-20T00:00:00-08:00"
    assert state.attributes["device_class"] == "energy"
    today = sim_energy.daily_wh(ac, "DEVICE_AIR_CONDITIONER", NOW.date(), NOW)
    assert float(state.state) == pytest.approx(today / 1000, abs=0.001)
    month = sum(
        sim_energy.daily_wh(ac, "DEVICE_AIR_CONDITIONER", NOW.date().replace(day=day), NOW)
        for day in range(1, 21)
    )
    month_state = hass.states.get(energy_entity(hass, ac, "energy_this_month") or "")
    assert month_state is not None
    assert float(month_state.state) == pytest.approx(month / 1000, abs=0.001)
    # Over the next hours every appliance gets its history, today's hours and its months.
    for _ in range(50):
        freezer.tick(timedelta(minutes=10))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)
    for device_id in metered:
        assert hass.states.get(energy_entity(hass, device_id, "energy_today") or "").state != "unknown"  # type: ignore[union-attr]
    periods = [query.split("period=")[1].split("&")[0] for query in usage_requests(caplog)]
    assert set(periods) == {"DAILY", "MONTHLY"}
    assert periods.count("MONTHLY") == len(metered)


async def test_energy_waits_for_the_budget(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Polling and controls keep their margin: energy waits, and its sensors come once it can read."""
    caplog.set_level(logging.INFO, logger="simulator")
    with patch.object(EnergyReader, "_client_allows", return_value=False):
        await setup(hass, config_entry)
        assert not [
            r for r in caplog.records if r.name == "simulator" and "/devices/energy/" in r.getMessage()
        ]
    ac = simulator.find("거실 에어컨").device_id
    assert energy_entity(hass, ac, "energy_today") is None
    freezer.tick(timedelta(minutes=20))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    entity_id = energy_entity(hass, ac, "energy_today")
    assert entity_id is not None
    # The first hour's background budget went to setting up and polling: the values follow it.
    assert hass.states.get(entity_id).state == "unknown"  # type: ignore[union-attr]
    for _ in range(6):
        freezer.tick(timedelta(minutes=10))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)
    assert hass.states.get(entity_id).state != "unknown"  # type: ignore[union-attr]


@pytest.mark.usefixtures("generous_budget")
async def test_bad_answer_logged_once_never_zero(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An answer not in LG's shape is said once per appliance, clearly, and shows as unknown, not 0."""
    real = sim_energy.usage

    def broken(
        device_id: str, device_type: str, query: dict[str, str], now: datetime, properties: list[str]
    ) -> dict[str, Any]:
        if device_type == "DEVICE_WASHER":
            return {"dataList": [{"energyUsage": 5, "usedDate": query["startDate"]}]}
        return real(device_id, device_type, query, now, properties)

    with patch("simulator.server.energy.usage", side_effect=broken):
        await setup(hass, config_entry)
        await read_everything(hass, config_entry)
        freezer.tick(timedelta(hours=2))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)
    washer = simulator.find("세탁기").device_id
    state = hass.states.get(energy_entity(hass, washer, "energy_today") or "")
    assert state is not None and state.state == "unknown"
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING and "세탁기" in r.getMessage()]
    assert len({r.getMessage() for r in warnings}) == len(warnings) >= 1
    assert "not understood" in warnings[0].getMessage()


@pytest.mark.usefixtures("generous_budget")
async def test_statistics_hourly_idempotent_continuous(
    recorder_mock: Recorder, hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """LG's hours become hourly statistics, history fills the days before; importing again changes nothing."""
    await setup(hass, config_entry)
    await read_everything(hass, config_entry)
    await async_wait_recording_done(hass)
    washer = simulator.find("세탁기").device_id
    stat_id = statistic_id(washer)
    zone = dt_util.get_default_time_zone()
    start = datetime(2025, 11, 1, tzinfo=zone)

    async def rows() -> list[dict[str, Any]]:
        found = await recorder_mock.async_add_executor_job(
            statistics_during_period, hass, start, None, {stat_id}, "hour", None, {"sum", "state"}
        )
        return [dict(row) for row in found[stat_id]]

    first = await rows()
    today = [
        row
        for row in first
        if dt_util.as_local(dt_util.utc_from_timestamp(row["start"])).date() == NOW.date()
    ]
    midnight = datetime(NOW.year, NOW.month, NOW.day)
    expected = [
        sim_energy.hourly_wh(washer, "DEVICE_WASHER", midnight + timedelta(hours=h)) for h in range(15)
    ]
    assert [row["state"] for row in today] == pytest.approx(expected)
    sums = [row["sum"] for row in first]
    assert sums == sorted(sums)
    # Everything LG reported over the year is in the statistic once: the months before the daily
    # window, then the days, then today's hours.
    year = sum(
        sim_energy.daily_wh(washer, "DEVICE_WASHER", day, NOW)
        for day in (NOW.date() - timedelta(days=offset) for offset in range(400))
        if day >= datetime(2025, 12, 1).date()
    )
    assert sums[-1] == pytest.approx(year, abs=0.5)
    energy = config_entry.runtime_data.energy.metered(washer)
    assert isinstance(energy, ApplianceEnergy)
    await async_import_energy(
        hass, config_entry.runtime_data.data[washer].info, energy.hourly_series(NOW.date())
    )
    await async_wait_recording_done(hass)
    assert await rows() == first


@pytest.mark.usefixtures("generous_budget")
async def test_usage_action_today_by_the_hour(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry
) -> None:
    """The action asks LG with LG's period names; today alone comes back per hour, as LG sends it."""
    await setup(hass, config_entry)
    washer = simulator.find("세탁기").device_id
    device = dr.async_get(hass).async_get_device_by_identifier((DOMAIN, washer), config_entry.entry_id)
    assert device is not None
    response = await hass.services.async_call(
        DOMAIN,
        "get_energy_usage",
        {"device_id": device.id, "period": "day", "start": NOW.date(), "end": NOW.date()},
        blocking=True,
        return_response=True,
    )
    assert response is not None
    rows = response["usage"]
    assert isinstance(rows, list)
    assert [row["date"] for row in rows] == [f"2026-11-20T{hour:02d}:00" for hour in range(15)]
    midnight = datetime(NOW.year, NOW.month, NOW.day)
    assert rows[3]["energy"] == sim_energy.hourly_wh(washer, "DEVICE_WASHER", midnight + timedelta(hours=3))


@pytest.mark.usefixtures("generous_budget")
async def test_profiles_that_fail_and_appliances_that_leave(
    hass: HomeAssistant,
    simulator: Simulator,
    config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An energy profile LG refuses means not metered; one that fails is asked again; a gone appliance is dropped."""
    washer = simulator.find("세탁기").device_id
    dryer = simulator.find("건조기").device_id
    ac = simulator.find("거실 에어컨").device_id
    real = ThinQConnectClient.async_get_energy_profile

    async def profile(client: ThinQConnectClient, device_id: str, **kwargs: Any) -> Any:
        if device_id == washer:
            raise ThinQNotFoundError("no energy profile")
        if device_id == dryer:
            raise ThinQServerError("LG is down")
        return await real(client, device_id, **kwargs)

    with patch.object(ThinQConnectClient, "async_get_energy_profile", profile):
        await setup(hass, config_entry)
    reader = config_entry.runtime_data.energy
    assert energy_entity(hass, washer, "energy_today") is None
    assert washer in reader.appliances and reader.metered(washer) is None
    assert dryer not in reader.appliances
    simulator.remove_device(ac)
    for _ in range(7):
        freezer.tick(timedelta(minutes=10))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)
    assert reader.metered(dryer) is not None
    assert energy_entity(hass, dryer, "energy_today") is not None
    assert ac not in reader.appliances


@pytest.mark.usefixtures("generous_budget")
async def test_real_appliances_metered_as_lg_says(
    hass: HomeAssistant, simulator: Simulator, config_entry: MockConfigEntry, add_fixture_devices: list[str]
) -> None:
    """HA core's real appliances: energy sensors where LG's recorded energy profile lists a property."""
    await setup(hass, config_entry)
    metered = {
        simulator.device(device_id).alias: energy_entity(hass, device_id, "energy_today") is not None
        for device_id in add_fixture_devices
        if simulator.device(device_id).alias.startswith("ha core ")
    }
    assert metered["ha core kimchi_refrigerator"]
    assert not metered["ha core air_conditioner1"]
    assert not metered["ha core washtower_dryer"]
