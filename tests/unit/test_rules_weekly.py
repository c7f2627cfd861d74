"""Capacity, load, next targets, ISO weeks and the weekly plan's life cycle."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mktplanner.domain.enums import MetricKind, WeekState
from mktplanner.domain.rules.weekly import (
    CapacityLevel,
    MetricFacts,
    TaskFacts,
    WeekAction,
    capacity_hours,
    capacity_level,
    check_transition,
    edit_problems,
    iso_week_of,
    load,
    monday_of,
    next_iso_week,
    previous_iso_week,
    round_hours,
    shift_iso_week,
    submit_warnings,
    suggest_next_target,
    week_dates,
    week_load,
    weeks_in_iso_year,
)

# --- capacity -------------------------------------------------------------------------------


def test_capacity_examples_from_the_method() -> None:
    assert round_hours(capacity_hours(40, 0.0, 0.65)) == 26.0
    assert round_hours(capacity_hours(40, 0.4, 0.65)) == 15.6
    assert round_hours(capacity_hours(20, 0.0, 0.65)) == 13.0
    assert capacity_hours(40, 1.0, 0.65) == 0.0


def test_capacity_clamps_nonsense_inputs() -> None:
    assert capacity_hours(-10, 0.0, 0.65) == 0.0
    assert capacity_hours(40, 1.5, 0.65) == 0.0
    assert capacity_hours(40, -0.5, 2.0) == 40.0


def test_round_hours_half_up_for_display() -> None:
    assert round_hours(15.600000000000001) == 15.6
    assert round_hours(0.25) == 0.3
    assert round_hours(0.05) == 0.1


@pytest.mark.parametrize(
    ("planned", "level"),
    [
        (0, CapacityLevel.OK),
        (23, CapacityLevel.OK),
        (23.4, CapacityLevel.AMBER),
        (25, CapacityLevel.AMBER),
        (26, CapacityLevel.AMBER),
        (26.05, CapacityLevel.RED),
        (27, CapacityLevel.RED),
        (30, CapacityLevel.RED),
    ],
)
def test_capacity_level_of_26_hours(planned: float, level: CapacityLevel) -> None:
    capacity = capacity_hours(40, 0.0, 0.65)
    assert capacity_level(planned, capacity) is level


def test_load() -> None:
    capacity = capacity_hours(40, 0.0, 0.65)
    result = week_load(27, capacity)
    assert result.load == pytest.approx(27 / 26)
    assert result.level is CapacityLevel.RED
    assert load(5, 0) is None
    assert capacity_level(0, 0) is CapacityLevel.OK
    assert capacity_level(1, 0) is CapacityLevel.RED


_share = st.floats(0, 1)
_hours = st.floats(0, 168)


@given(_hours, _hours, _share, _share, _share)
def test_capacity_is_monotonic(h1: float, h2: float, u: float, p1: float, p2: float) -> None:
    lo_h, hi_h = sorted((h1, h2))
    lo_p, hi_p = sorted((p1, p2))
    assert 0 <= capacity_hours(lo_h, u, lo_p) <= capacity_hours(hi_h, u, lo_p)
    assert capacity_hours(lo_h, u, lo_p) <= capacity_hours(lo_h, u, hi_p)
    assert capacity_hours(hi_h, lo_p, 0.65) >= capacity_hours(hi_h, hi_p, 0.65)  # more unplannable
    assert capacity_hours(hi_h, u, hi_p) <= hi_h


@given(st.floats(0, 200), st.floats(0.1, 168))
def test_more_planned_hours_never_lower_the_level(planned: float, capacity: float) -> None:
    order = [CapacityLevel.OK, CapacityLevel.AMBER, CapacityLevel.RED]
    assert order.index(capacity_level(planned, capacity)) <= order.index(
        capacity_level(planned + 1, capacity)
    )


# --- next targets -----------------------------------------------------------------------------


def test_next_target_raises_the_bar_slowly() -> None:
    assert suggest_next_target(100, MetricKind.COUNT) == 101
    assert suggest_next_target(10, MetricKind.COUNT) == 11  # 10.1 rounded up
    assert suggest_next_target(0, MetricKind.COUNT) == 0
    assert suggest_next_target(3, "count") == 4
    assert suggest_next_target(1000.00, MetricKind.MONEY, "RUB") == 1010.00
    assert suggest_next_target(1234.50, MetricKind.MONEY, "RUB") == 1246.85  # 1246.845 half-up
    assert suggest_next_target(1250, MetricKind.MONEY, "JPY") == 1263  # 1262.5 half-up
    assert suggest_next_target(1.5, MetricKind.NUMBER) == 1.52  # 1.515 half-up
    assert suggest_next_target(None, MetricKind.COUNT) is None
    assert suggest_next_target(float("nan"), MetricKind.NUMBER) is None


# --- ISO weeks --------------------------------------------------------------------------------


def test_weeks_in_iso_year() -> None:
    assert [weeks_in_iso_year(y) for y in (2020, 2021, 2024, 2025, 2026)] == [53, 52, 52, 52, 53]


def test_iso_week_boundaries() -> None:
    assert next_iso_week(2025, 52) == (2026, 1)
    assert next_iso_week(2026, 52) == (2026, 53)
    assert next_iso_week(2026, 53) == (2027, 1)
    assert previous_iso_week(2027, 1) == (2026, 53)
    assert previous_iso_week(2026, 1) == (2025, 52)
    assert previous_iso_week(2025, 10) == (2025, 9)
    assert monday_of(2026, 1) == dt.date(2025, 12, 29)
    assert week_dates(2026, 53) == (dt.date(2026, 12, 28), dt.date(2027, 1, 3))
    assert iso_week_of(dt.date(2027, 1, 3)) == (2026, 53)
    assert shift_iso_week(2025, 50, 5) == (2026, 3)


_weeks = st.dates(dt.date(1900, 1, 8), dt.date(2200, 12, 20)).map(iso_week_of)


@given(_weeks)
def test_next_and_previous_round_trip(week: tuple[int, int]) -> None:
    nxt = next_iso_week(*week)
    assert previous_iso_week(*nxt) == week
    assert next_iso_week(*previous_iso_week(*week)) == week
    assert monday_of(*nxt) - monday_of(*week) == dt.timedelta(days=7)
    assert shift_iso_week(*week, 1) == nxt


# --- life cycle --------------------------------------------------------------------------------

DONE_TASK = TaskFacts(id=1, est_hours=4, actual_hours=5, end_product="Client asks 3 questions")


@pytest.mark.parametrize(
    ("state", "action", "new_state"),
    [
        ("draft", "submit", WeekState.SUBMITTED),
        ("submitted", "approve", WeekState.APPROVED),
        ("submitted", "return", WeekState.DRAFT),
        ("approved", "close", WeekState.CLOSED),
        ("closed", "reopen", WeekState.APPROVED),
    ],
)
def test_allowed_transitions(state: str, action: str, new_state: WeekState) -> None:
    check = check_transition(state, action, tasks=[DONE_TASK])
    assert check.allowed and check.new_state is new_state and check.problems == ()


@pytest.mark.parametrize(
    ("state", "action"),
    [
        ("draft", "approve"),
        ("draft", "close"),
        ("submitted", "close"),
        ("approved", "submit"),
        ("closed", "submit"),
        ("closed", "return"),
        ("approved", "reopen"),
        ("draft", "reopen"),
        ("bogus", "submit"),
        ("draft", "explode"),
    ],
)
def test_refused_transitions(state: str, action: str) -> None:
    check = check_transition(state, action)
    assert not check.allowed and check.new_state is None
    (p,) = check.problems
    assert p.code == "transition_not_allowed"
    assert p.params == {"state": state, "action": action}


def test_close_needs_actuals() -> None:
    tasks = [DONE_TASK, TaskFacts(id=2, est_hours=2, actual_hours=None, end_product="x")]
    metrics = [
        MetricFacts(id=7, actual=3),
        MetricFacts(id=8, actual=None),
        MetricFacts(id=9, actual=None, not_measured=True),
    ]
    check = check_transition(WeekState.APPROVED, WeekAction.CLOSE, tasks=tasks, metrics=metrics)
    assert not check.allowed
    (p,) = check.problems
    assert p.code == "close_needs_actuals"
    assert p.params == {"tasks": 1, "metrics": 1, "task_ids": [2], "metric_ids": [8]}
    fixed = [DONE_TASK, TaskFacts(id=2, est_hours=2, actual_hours=0.0)]
    assert check_transition("approved", "close", tasks=fixed, metrics=metrics[::2]).allowed


def test_submit_warnings() -> None:
    tasks = [
        TaskFacts(id=1, est_hours=20, end_product="Landing page live"),
        TaskFacts(id=2, est_hours=10, end_product="  "),
    ]
    check = check_transition("draft", "submit", tasks=tasks, capacity=26.0)
    assert check.allowed
    assert [(w.code, w.params) for w in check.warnings] == [
        ("over_capacity", {"planned": 30.0, "capacity": 26.0}),
        ("task_without_end_product", {"task_id": 2, "index": 1}),
    ]
    assert submit_warnings(tasks[:1], 26.0) == []
    assert check_transition("submitted", "approve", tasks=tasks[:1], capacity=15.6).warnings[
        0
    ].code == ("over_capacity")


def test_edit_rules() -> None:
    assert edit_problems("draft") == []
    assert [p.code for p in edit_problems("draft", actuals=True)] == ["actuals_in_draft"]
    assert edit_problems("approved", actuals=True) == []
    assert edit_problems("submitted") == []
    assert [p.code for p in edit_problems(WeekState.CLOSED)] == ["week_closed"]
    assert [p.code for p in edit_problems("closed", actuals=True)] == ["week_closed"]
