"""Pieces that are easier to check without HTTP."""

import pytest

from simulator import ApiError, Simulator, server
from simulator.clock import SimClock
from simulator.devices import Device, half_degrees, hours_minutes, pollution_level
from simulator.profile import check_value, diff_state, merge_state, parse_control


def test_clock() -> None:
    with pytest.raises(ValueError):
        SimClock(-1)
    clock = SimClock(0)
    clock.advance(5)
    assert clock.now() == 5


def test_helpers() -> None:
    assert half_degrees(24.26) == 24.5
    assert half_degrees(24.1) == 24
    assert hours_minutes(3601) == (1, 1)
    assert [pollution_level(value) for value in (10, 30, 50, 90)] == ["GOOD", "NORMAL", "BAD", "VERY_BAD"]
    assert str(ApiError("2304")) == "2304 Command not supported in power off"


def test_check_value_kinds() -> None:
    check_value({"type": "string", "mode": ["w"]}, "x", "p")
    with pytest.raises(ApiError):
        check_value({"type": "string"}, 1, "p")
    with pytest.raises(ApiError):
        check_value({"type": "mystery"}, 1, "p")
    with pytest.raises(ApiError):
        check_value(
            {"type": "range", "value": {"w": {"min": 0, "max": 10, "step": 1, "except": [5]}}}, 5, "p"
        )


def test_parse_control_location_must_be_a_string() -> None:
    profile = {"property": [{"location": {"locationName": "MAIN"}}]}
    with pytest.raises(ApiError) as err:
        parse_control(profile, {"location": {"locationName": 1}, "operation": {}})
    assert err.value.code == "1102"


def test_diff_and_merge() -> None:
    assert diff_state({"a": [1]}, {"a": [1, 2]}) == {"a": [1, 2]}
    assert diff_state({"a": 1}, {"a": 1, "b": 2}) == {"b": 2}
    assert merge_state([{"locationName": "A", "v": 1}], [{"locationName": "B", "v": 2}]) == [
        {"locationName": "A", "v": 1},
        {"locationName": "B", "v": 2},
    ]


def test_generic_device() -> None:
    device = Device(
        "id", "alias", "DEVICE_HOOD", "M", {"property": {}}, [{"location": {"locationName": "MAIN"}}]
    )
    assert not device.evolving()
    assert device.advance(60) == []
    with pytest.raises(KeyError):
        device.part("UPPER")


def test_push_log_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server, "PUSH_LOG_LIMIT", 3)
    sim = Simulator(speed=0)
    for index in range(5):
        sim.add_device("washer", f"extra {index}")
    assert [message["alias"] for message in sim.push_log] == ["extra 2", "extra 3", "extra 4"]
