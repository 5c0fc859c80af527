"""The request budget: people first, and an hour that outlives the process."""

import math

import pytest

from custom_components.thinq_voice.api import Priority, RequestBudget, ThinQBudgetError

from .conftest import FakeClock

HOUR = 3600.0


def spend(budget: RequestBudget, priority: Priority, clock: FakeClock, *, every: float = 0.0) -> int:
    """Spend requests of one priority until the budget refuses; return how many went."""
    sent = 0
    while True:
        try:
            budget.acquire(priority)
        except ThinQBudgetError:
            return sent
        sent += 1
        clock.advance(every)


def test_background_leaves_the_reserve_for_people() -> None:
    clock = FakeClock()
    budget = RequestBudget(10, people_reserve=5, control_reserve=2, clock=clock, wall_clock=clock)
    assert spend(budget, Priority.BACKGROUND, clock, every=60) == 5
    assert budget.available(Priority.BACKGROUND) == 0
    assert budget.available(Priority.CONFIRM) == 3
    assert budget.remaining == 5
    with pytest.raises(ThinQBudgetError) as held:
        budget.check(Priority.BACKGROUND)
    # The first background request leaves the window an hour after it was sent (5 minutes ago).
    assert held.value.retry_after == pytest.approx(HOUR - 300)
    assert held.value.limit == 10
    assert held.value.code is None
    assert spend(budget, Priority.CONFIRM, clock) == 3
    assert spend(budget, Priority.CONTROL, clock) == 2
    with pytest.raises(ThinQBudgetError) as full:
        budget.check(Priority.CONTROL)
    assert full.value.retry_after == pytest.approx(HOUR - 300)
    clock.advance(HOUR - 300)
    # One request left the window: a control may go, background still has to wait for five.
    assert budget.available(Priority.CONTROL) == 1
    assert budget.available(Priority.BACKGROUND) == 0


def test_retry_after_counts_what_each_priority_needs() -> None:
    clock = FakeClock()
    budget = RequestBudget(4, people_reserve=2, clock=clock, wall_clock=clock)
    for _ in range(4):
        budget.acquire(Priority.CONTROL)
        clock.advance(100)
    with pytest.raises(ThinQBudgetError) as control:
        budget.check(Priority.CONTROL)
    with pytest.raises(ThinQBudgetError) as background:
        budget.check(Priority.BACKGROUND)
    # A control needs the oldest request gone, background the three oldest.
    assert control.value.retry_after == pytest.approx(HOUR - 400)
    assert background.value.retry_after == pytest.approx(HOUR - 200)


@pytest.mark.parametrize(("people", "control"), [(10, 0), (3, 4), (-1, 0), (0, -1)])
def test_reserves_must_nest_within_the_limit(people: int, control: int) -> None:
    with pytest.raises(ValueError, match="reserves"):
        RequestBudget(10, people_reserve=people, control_reserve=control)


def test_export_and_restore_across_processes() -> None:
    first_clock = FakeClock(start=500.0)
    wall = FakeClock(start=1_800_000_000.0)
    first = RequestBudget(100, people_reserve=50, clock=first_clock, wall_clock=wall)
    for _ in range(30):
        first.acquire(Priority.BACKGROUND)
        first_clock.advance(60)
        wall.advance(60)
    exported = first.export()
    assert len(exported) == 30
    assert exported[0] == pytest.approx(1_800_000_000.0)
    # A new process, its monotonic clock from another origin, ten minutes later by the wall clock.
    wall.advance(600)
    second_clock = FakeClock(start=7.0)
    second = RequestBudget(100, people_reserve=50, clock=second_clock, wall_clock=wall)
    second.restore(exported)
    assert second.remaining == 70
    assert second.available(Priority.BACKGROUND) == 20
    assert second.export() == pytest.approx(exported)
    # The first request sent leaves the window exactly an hour after it was sent.
    second_clock.advance(HOUR - 30 * 60 - 600)
    assert second.remaining == 71


def test_restore_drops_old_and_bad_times_and_keeps_future_ones() -> None:
    clock = FakeClock()
    wall = FakeClock(start=1_800_000_000.0)
    budget = RequestBudget(10, clock=clock, wall_clock=wall)
    budget.acquire()
    now = wall()
    budget.restore([now - HOUR - 1, now - 10, math.nan, math.inf, now + 500])
    # The future time (the wall clock went back) counts as sent now: kept the longest.
    assert budget.remaining == 7
    assert budget.export() == pytest.approx([now - 10, now, now])


def test_listeners_hear_each_counted_request() -> None:
    clock = FakeClock()
    budget = RequestBudget(2, clock=clock, wall_clock=clock)
    heard: list[int] = []
    stop = budget.add_listener(lambda: heard.append(budget.remaining))
    budget.acquire()
    stop()
    budget.acquire()
    with pytest.raises(ThinQBudgetError):
        budget.acquire()
    assert heard == [1]


def test_default_clocks_follow_the_time_module(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr("time.monotonic", lambda: now[0])
    monkeypatch.setattr("time.time", lambda: now[0] + 1_000_000)
    budget = RequestBudget(1)
    budget.acquire()
    assert budget.export() == [1_000_100.0]
    now[0] += HOUR
    assert budget.remaining == 1


def test_check_for_several_requests() -> None:
    clock = FakeClock()
    budget = RequestBudget(4, people_reserve=1, clock=clock, wall_clock=clock)
    budget.acquire(Priority.CONFIRM)
    clock.advance(100)
    budget.check(Priority.CONFIRM, count=3)
    budget.acquire(Priority.CONFIRM)
    with pytest.raises(ThinQBudgetError) as two:
        budget.check(Priority.CONFIRM, count=3)
    # Three of the four fit once the first request has left the window.
    assert two.value.retry_after == pytest.approx(HOUR - 100)
    with pytest.raises(ThinQBudgetError) as too_many:
        budget.check(Priority.CONFIRM, count=5)
    assert too_many.value.retry_after == pytest.approx(HOUR)
