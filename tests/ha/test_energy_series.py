"""What an appliance's energy readings add up to: totals for the sensors, hours for the statistics."""

from datetime import date, datetime

from custom_components.thinq_voice.api.energy import EnergyHistory
from custom_components.thinq_voice.energy import ApplianceEnergy, month_start, usage_rows

TODAY = date(2026, 11, 20)


def answer(*rows: tuple[str, float]) -> EnergyHistory:
    """Return a usage answer in LG's shape with these (usedDate, Wh) rows."""
    data = [{"energyUsage": value, "usedDate": used} for used, value in rows]
    return EnergyHistory.from_json({"resultCode": "0000", "result": {"dataList": data}}, "energyUsage")


def test_totals() -> None:
    """Today is its itemised hours once read (before: the day's row); the month adds the days before."""
    energy = ApplianceEnergy("energyUsage")
    assert energy.today_total(TODAY) is None
    assert energy.month_total(TODAY) is None
    energy.keep(answer(("20261031", 9.0), ("20261101", 1.0), ("20261119", 2.0), ("20261120", 3.0)), TODAY)
    energy.history_read_on = TODAY
    assert energy.today_total(TODAY) == 3.0
    assert energy.month_total(TODAY) == 6.0
    energy.keep(answer(("2026112000", 1.5), ("2026112001", 2.5)), TODAY)
    energy.hours_read_at = datetime(2026, 11, 20, 2, 5)
    assert energy.today_total(TODAY) == 4.0
    assert energy.month_total(TODAY) == 7.0
    first = ApplianceEnergy("energyUsage", history_read_on=date(2026, 12, 1))
    first.keep(answer(("20261130", 5.0), ("20261201", 1.0)), date(2026, 12, 1))
    assert first.month_total(date(2026, 12, 1)) == 1.0


def test_hourly_series() -> None:
    """Itemised hours stay, the rest of a day goes in its last hour, months before the window in theirs."""
    energy = ApplianceEnergy("energyUsage")
    energy.keep(
        answer(
            ("202609", 300.0),
            ("202610", 310.0),
            ("202611", 99.0),
            ("2026100105", 1.0),
            ("20261021", 10.0),
            ("20261031", 11.0),
            ("20261119", 20.0),
            ("2026111922", 4.0),
            ("2026111923", 30.0),
            ("20261120", 7.0),
            ("2026112008", 2.0),
        ),
        TODAY,
    )
    # An hour older than the window is forgotten.
    assert datetime(2026, 10, 1, 5) not in energy.hours
    series = energy.hourly_series(TODAY)
    assert series == {
        datetime(2026, 9, 30, 23): 300.0,
        # October before the daily window (which starts on the 21st), just before it.
        datetime(2026, 10, 20, 23): 310.0 - 21.0,
        datetime(2026, 10, 21, 23): 10.0,
        datetime(2026, 10, 31, 23): 11.0,
        # The 19th's hours are more than its total (LG corrected it): nothing is added.
        datetime(2026, 11, 19, 22): 4.0,
        datetime(2026, 11, 19, 23): 30.0,
        # Today: only the hours LG itemised; the day's row is not complete yet.
        datetime(2026, 11, 20, 8): 2.0,
    }
    assert sum(series.values()) == 300.0 + 310.0 + 36.0


def test_month_start_and_rows() -> None:
    """Months count back across years; answers become rows of local dates."""
    assert month_start(date(2026, 1, 31), 1) == date(2025, 12, 1)
    assert month_start(date(2026, 11, 20), -1) == date(2026, 12, 1)
    rows = usage_rows(answer(("2026112008", 2.0), ("20261119", 20.0), ("202610", 310.0)))
    assert rows == [
        {"date": "2026-10", "energy": 310.0},
        {"date": "2026-11-19", "energy": 20.0},
        {"date": "2026-11-20T08:00", "energy": 2.0},
    ]
