"""Control points: status at 89/90/100/101 %, overdue, unplanned; periods; pace."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mktplanner.domain.enums import Cadence, ControlStatus
from mktplanner.domain.rules.budget import ExpenseFacts, LineFacts
from mktplanner.domain.rules.control import (
    evaluate,
    is_overdue,
    next_period_start,
    pace,
    period_bounds,
    spend_level,
    unplanned_spend,
)

D = dt.date
TODAY = D(2025, 3, 12)


@pytest.mark.parametrize(
    ("spent", "status"),
    [
        (0, ControlStatus.OK),
        (89_00, ControlStatus.OK),
        (89_99, ControlStatus.OK),
        (90_00, ControlStatus.WARNING),
        (100_00, ControlStatus.WARNING),
        (100_01, ControlStatus.OVER),
        (101_00, ControlStatus.OVER),
    ],
)
def test_spend_levels_against_a_limit_of_100(spent: int, status: ControlStatus) -> None:
    result = evaluate(100_00, spent, today=TODAY)
    assert result.status is status
    assert result.flags == (() if status is ControlStatus.OK else (status,))


def test_percent_and_left() -> None:
    result = evaluate(100_00, 101_00, today=TODAY)
    assert result.percent == pytest.approx(101.0) and result.left_minor == -1_00
    assert evaluate(0, 0, today=TODAY).percent is None


def test_zero_limit() -> None:
    assert spend_level(0, 0) is ControlStatus.OK
    assert spend_level(0, 1) is ControlStatus.OVER


def test_overdue() -> None:
    due = D(2025, 3, 10)
    assert evaluate(100, 0, today=TODAY, next_due=due).status is ControlStatus.OVERDUE
    assert evaluate(100, 0, today=TODAY, next_due=due, last_check=D(2025, 3, 1)).status is (
        ControlStatus.OVERDUE
    )
    assert evaluate(100, 0, today=TODAY, next_due=due, last_check=due).status is ControlStatus.OK
    assert not is_overdue(TODAY, TODAY, None)  # due today is not overdue yet
    assert not is_overdue(None, TODAY, None)


def test_most_pressing_status_first() -> None:
    result = evaluate(100, 95, today=TODAY, next_due=D(2025, 3, 1), unplanned=True)
    assert result.status is ControlStatus.UNPLANNED
    assert result.flags == (ControlStatus.UNPLANNED, ControlStatus.OVERDUE, ControlStatus.WARNING)
    over = evaluate(100, 101, today=TODAY, next_due=D(2025, 3, 1))
    assert over.flags == (ControlStatus.OVER, ControlStatus.OVERDUE)


def test_period_bounds() -> None:
    assert period_bounds(Cadence.DAILY, TODAY) == (TODAY, TODAY)
    assert period_bounds("weekly", D(2025, 3, 12)) == (D(2025, 3, 10), D(2025, 3, 16))
    assert period_bounds("weekly", D(2025, 12, 31)) == (D(2025, 12, 29), D(2026, 1, 4))
    assert period_bounds("monthly", D(2024, 2, 10)) == (D(2024, 2, 1), D(2024, 2, 29))
    assert next_period_start("monthly", D(2025, 12, 5)) == D(2026, 1, 1)
    with pytest.raises(ValueError):
        period_bounds("hourly", TODAY)


@given(st.dates(D(1000, 1, 10), D(9000, 1, 1)), st.sampled_from(list(Cadence)))
def test_period_contains_the_day(day: dt.date, cadence: Cadence) -> None:
    first, last = period_bounds(cadence, day)
    assert first <= day <= last
    assert period_bounds(cadence, first) == period_bounds(cadence, last) == (first, last)


def test_unplanned_spend() -> None:
    ads, seo, landing = 1, 2, 10
    lines = [
        LineFacts(D(2025, 3, 1), 500_00, channel_id=ads),
        LineFacts(D(2025, 3, 1), 100_00, action_id=landing),
    ]
    expenses = [
        ExpenseFacts(D(2025, 3, 2), 100_00, channel_id=ads),  # planned on the channel
        ExpenseFacts(D(2025, 3, 3), 50_00, action_id=landing),  # planned on the action
        ExpenseFacts(D(2025, 3, 4), 70_00, channel_id=seo),  # no line for SEO
        ExpenseFacts(D(2025, 3, 5), 30_00, channel_id=seo),
        ExpenseFacts(D(2025, 4, 1), 20_00, channel_id=ads),  # no line in April
        ExpenseFacts(D(2025, 3, 6), 5_00),  # nowhere
        ExpenseFacts(D(2025, 3, 7), -9_00, channel_id=3),  # a refund alone is not spend
    ]
    found = unplanned_spend(expenses, lines, {landing: ads})
    assert [(u.month, u.channel_id, u.action_id, u.amount_minor) for u in found] == [
        (D(2025, 3, 1), seo, None, 100_00),
        (D(2025, 3, 1), None, None, 5_00),
        (D(2025, 4, 1), ads, None, 20_00),
    ]


def test_action_spend_counts_as_planned_through_its_channel() -> None:
    lines = [LineFacts(D(2025, 3, 1), 500_00, channel_id=1)]
    expenses = [ExpenseFacts(D(2025, 3, 2), 100_00, action_id=10)]
    assert unplanned_spend(expenses, lines, {10: 1}) == []
    assert len(unplanned_spend(expenses, lines)) == 1


def test_pace_in_a_month() -> None:
    start, end = D(2025, 4, 1), D(2025, 4, 30)
    p = pace(300_00, 120_00, start, end, D(2025, 4, 10))
    assert (p.days_in_period, p.elapsed_days, p.remaining_days) == (30, 10, 20)
    assert p.projected_minor == 360_00  # 12 a day for 30 days: over the limit of 300
    assert p.daily_allowance_minor == 9_00  # (300 − 120) / 20
    over = pace(300_00, 310_00, start, end, D(2025, 4, 10))
    assert over.daily_allowance_minor == 0
    odd = pace(100_00, 10_00, start, end, D(2025, 4, 3))
    assert odd.projected_minor == 100_00 and odd.daily_allowance_minor == 333  # floor of 333.33


def test_pace_edges() -> None:
    start, end = D(2025, 4, 1), D(2025, 4, 30)
    last_day = pace(300_00, 280_00, start, end, end)
    assert last_day.remaining_days == 0 and last_day.daily_allowance_minor is None
    assert last_day.projected_minor == 280_00
    before = pace(300_00, 0, start, end, D(2025, 3, 30))
    assert before.projected_minor is None and before.daily_allowance_minor == 10_00
    after = pace(300_00, 100_00, start, end, D(2025, 5, 3))
    assert after.elapsed_days == 30 and after.projected_minor == 100_00
    day = pace(50, 20, TODAY, TODAY, TODAY)
    assert (day.days_in_period, day.projected_minor, day.daily_allowance_minor) == (1, 20, None)
