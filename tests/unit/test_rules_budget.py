"""Budget arithmetic: months, plan vs actual, rollover, the bottom-up gap; exact money."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mktplanner.domain.enums import BudgetBasis
from mktplanner.domain.errors import DomainError
from mktplanner.domain.money import split_evenly, to_major, to_minor
from mktplanner.domain.rules.budget import (
    ExpenseFacts,
    GapStatus,
    LineFacts,
    actual_by_action,
    actual_by_channel,
    actual_by_month,
    budget_gap,
    fixed_total,
    month_rows,
    monthly_gaps,
    period_end,
    period_months,
    planned_by_action,
    planned_by_channel,
    planned_by_month,
    spread_over_months,
    variance,
)

D = dt.date
ADS, SEO = 1, 2
LANDING = 10  # an action running on ADS
ACTION_CHANNEL = {LANDING: ADS}

LINES = [
    LineFacts(D(2025, 1, 1), 500_00, channel_id=ADS),
    LineFacts(D(2025, 1, 1), 300_00, channel_id=SEO),
    LineFacts(D(2025, 2, 1), 500_00, channel_id=ADS),
    LineFacts(D(2025, 2, 1), 200_00, action_id=LANDING),
    LineFacts(D(2025, 9, 1), 999_00, channel_id=SEO),  # outside a 6-month period
]
EXPENSES = [
    ExpenseFacts(D(2025, 1, 5), 450_00, channel_id=ADS),
    ExpenseFacts(D(2025, 1, 20), 320_00, channel_id=SEO),
    ExpenseFacts(D(2025, 2, 3), 600_00, channel_id=ADS),
    ExpenseFacts(D(2025, 2, 10), 150_00, action_id=LANDING),
    ExpenseFacts(D(2025, 2, 11), -50_00, channel_id=ADS),  # a refund
    ExpenseFacts(D(2025, 3, 1), 10_00),  # neither channel nor action
]
MONTHS = period_months(D(2025, 1, 15), 6)


def test_period_months() -> None:
    assert MONTHS == [D(2025, m, 1) for m in range(1, 7)]
    assert period_months(D(2025, 11, 1), 3) == [D(2025, 11, 1), D(2025, 12, 1), D(2026, 1, 1)]
    assert period_end(D(2025, 7, 1), 6) == D(2025, 12, 31)
    assert period_end(D(2023, 9, 1), 6) == D(2024, 2, 29)
    assert period_months(D(2025, 1, 1), 0) == []


def test_plan_and_actual_per_month() -> None:
    assert planned_by_month(LINES, MONTHS) == {
        D(2025, 1, 1): 800_00,
        D(2025, 2, 1): 700_00,
        D(2025, 3, 1): 0,
        D(2025, 4, 1): 0,
        D(2025, 5, 1): 0,
        D(2025, 6, 1): 0,
    }
    assert planned_by_month(LINES)[D(2025, 9, 1)] == 999_00
    actual = actual_by_month(EXPENSES, MONTHS)
    assert actual[D(2025, 1, 1)] == 770_00
    assert actual[D(2025, 2, 1)] == 700_00  # refund subtracted
    assert actual[D(2025, 3, 1)] == 10_00


def test_plan_and_actual_per_channel() -> None:
    assert planned_by_channel(LINES, ACTION_CHANNEL, MONTHS) == {ADS: 1200_00, SEO: 300_00}
    assert planned_by_channel(LINES, None, MONTHS) == {ADS: 1000_00, SEO: 300_00, None: 200_00}
    assert actual_by_channel(EXPENSES, ACTION_CHANNEL) == {ADS: 1150_00, SEO: 320_00, None: 10_00}
    assert planned_by_action(LINES) == {LANDING: 200_00}
    assert actual_by_action(EXPENSES, [D(2025, 2, 1)]) == {LANDING: 150_00}


def test_variance_per_channel_and_month() -> None:
    by_channel = variance(
        planned_by_channel(LINES, ACTION_CHANNEL, MONTHS),
        actual_by_channel(EXPENSES, ACTION_CHANNEL, MONTHS),
    )
    assert {k: v.diff_minor for k, v in by_channel.items()} == {
        ADS: -50_00,
        SEO: 20_00,
        None: 10_00,
    }
    assert by_channel[SEO].overspent and not by_channel[ADS].overspent
    by_month = variance(planned_by_month(LINES, MONTHS), actual_by_month(EXPENSES, MONTHS))
    assert by_month[D(2025, 1, 1)].diff_minor == -30_00
    assert by_month[D(2025, 3, 1)].diff_minor == 10_00


def test_rollover_carries_unspent_and_overspent() -> None:
    lines = [LineFacts(m, 800_00, channel_id=ADS) for m in MONTHS[:3]]
    spent = [
        ExpenseFacts(D(2025, 1, 9), 600_00, ADS),  # 200 unspent
        ExpenseFacts(D(2025, 2, 9), 1100_00, ADS),  # 1000 available, 100 overspent
        ExpenseFacts(D(2025, 3, 9), 500_00, ADS),
    ]
    rows = month_rows(lines, spent, MONTHS[:3], rollover=True)
    assert [(r.carried_in_minor, r.available_minor, r.left_minor) for r in rows] == [
        (0, 800_00, 200_00),
        (200_00, 1000_00, -100_00),
        (-100_00, 700_00, 200_00),
    ]
    assert [r.variance_minor for r in rows] == [-200_00, 300_00, -300_00]
    plain = month_rows(lines, spent, MONTHS[:3], rollover=False)
    assert [(r.carried_in_minor, r.available_minor) for r in plain] == [(0, 800_00)] * 3


def test_bottom_up_gap() -> None:
    # $800 a month for 6 months = 4800; actions need 5000 -> short by 200
    gap = budget_gap(800_00, BudgetBasis.PER_MONTH, 6, [3000_00, 2000_00, None])
    assert (gap.fixed_minor, gap.needed_minor, gap.unbudgeted_actions) == (4800_00, 5000_00, 1)
    assert gap.status is GapStatus.SHORT
    assert (gap.short_by_minor, gap.unallocated_minor) == (200_00, 0)
    per_period = budget_gap(6000_00, "per_period", 6, [3000_00, 2000_00])
    assert per_period.status is GapStatus.UNALLOCATED and per_period.unallocated_minor == 1000_00
    assert budget_gap(100, "per_period", 6, [60, 40]).status is GapStatus.BALANCED
    assert fixed_total(800_00, "per_month", 12) == 9600_00
    gaps = monthly_gaps(800_00, planned_by_month(LINES, MONTHS[:2]))
    assert gaps[D(2025, 1, 1)].status is GapStatus.BALANCED
    assert gaps[D(2025, 2, 1)].unallocated_minor == 100_00


def test_spread_over_months() -> None:
    assert spread_over_months(1000_01, D(2025, 1, 20), D(2025, 3, 2)) == {
        D(2025, 1, 1): 333_34,
        D(2025, 2, 1): 333_34,
        D(2025, 3, 1): 333_33,
    }
    assert spread_over_months(500, D(2025, 1, 20), None) == {D(2025, 1, 1): 500}


@given(st.integers(-(10**15), 10**15), st.integers(1, 400))
def test_split_evenly_sums_exactly(total: int, parts: int) -> None:
    pieces = split_evenly(total, parts)
    assert len(pieces) == parts and sum(pieces) == total
    assert max(pieces) - min(pieces) <= 1


@given(
    st.integers(-(10**15), 10**15),
    st.dates(D(2000, 1, 1), D(2100, 1, 1)),
    st.dates(D(2000, 1, 1), D(2100, 1, 1)),
)
def test_spread_sums_exactly(amount: int, a: dt.date, b: dt.date) -> None:
    start, due = sorted((a, b))
    assert sum(spread_over_months(amount, start, due).values()) == amount


@given(st.integers(-(10**18), 10**18), st.sampled_from(["RUB", "JPY", "KWD", "USD"]))
def test_minor_major_round_trip_is_exact(minor: int, currency: str) -> None:
    assert to_minor(to_major(minor, currency), currency) == minor


def test_to_minor_refuses_sub_minor_precision() -> None:
    assert to_minor("12.34", "RUB") == 1234
    assert to_minor(Decimal("0.1") + Decimal("0.2"), "USD") == 30
    with pytest.raises(DomainError) as err:
        to_minor("1.005", "RUB")
    assert err.value.first.code == "too_precise"


_amounts = st.lists(st.integers(-(10**12), 10**12), max_size=30)


@given(_amounts, _amounts, st.booleans())
def test_month_rows_conserve_money(plans: list[int], spends: list[int], rollover: bool) -> None:
    months = period_months(D(2025, 1, 1), 12)
    lines = [LineFacts(months[i % 12], a, channel_id=ADS) for i, a in enumerate(plans)]
    spent = [
        ExpenseFacts(months[i % 12] + dt.timedelta(days=i % 28), a) for i, a in enumerate(spends)
    ]
    rows = month_rows(lines, spent, months, rollover=rollover)
    assert sum(r.planned_minor for r in rows) == sum(plans)
    assert sum(r.actual_minor for r in rows) == sum(spends)
    if rollover:
        assert rows[-1].left_minor == sum(plans) - sum(spends)
