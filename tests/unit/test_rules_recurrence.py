"""Occurrences of recurring actions across month and year ends."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from mktplanner.domain.rules.dates import add_months, days_in_month, months_between
from mktplanner.domain.rules.recurrence import MAX_OCCURRENCES, occurrences

D = dt.date


def test_single_occurrence() -> None:
    assert occurrences("none", D(2025, 3, 5), D(2025, 6, 1)) == [D(2025, 3, 5)]
    assert occurrences("none", None, D(2025, 6, 1)) == []
    assert occurrences("none", D(2025, 3, 5), None, window_start=D(2025, 4, 1)) == []


def test_weekly_across_the_year_end() -> None:
    assert occurrences("weekly", D(2025, 12, 17), D(2026, 1, 14)) == [
        D(2025, 12, 17),
        D(2025, 12, 24),
        D(2025, 12, 31),
        D(2026, 1, 7),
        D(2026, 1, 14),
    ]
    assert occurrences("weekly", D(2025, 12, 17), D(2026, 1, 13))[-1] == D(2026, 1, 7)


def test_monthly_clamps_to_month_end() -> None:
    assert occurrences("monthly", D(2025, 1, 31), D(2025, 5, 31)) == [
        D(2025, 1, 31),
        D(2025, 2, 28),
        D(2025, 3, 31),
        D(2025, 4, 30),
        D(2025, 5, 31),
    ]
    assert occurrences("monthly", D(2024, 1, 31), D(2024, 3, 1)) == [D(2024, 1, 31), D(2024, 2, 29)]
    assert occurrences("monthly", D(2025, 11, 30), D(2026, 2, 28)) == [
        D(2025, 11, 30),
        D(2025, 12, 30),
        D(2026, 1, 30),
        D(2026, 2, 28),
    ]


def test_windows() -> None:
    start, due = D(2025, 1, 6), D(2025, 12, 29)
    march = occurrences("weekly", start, due, window_start=D(2025, 3, 1), window_end=D(2025, 3, 31))
    assert march == [D(2025, 3, 3), D(2025, 3, 10), D(2025, 3, 17), D(2025, 3, 24), D(2025, 3, 31)]
    q2 = occurrences(
        "monthly", D(2025, 1, 31), due, window_start=D(2025, 4, 1), window_end=D(2025, 6, 30)
    )
    assert q2 == [D(2025, 4, 30), D(2025, 5, 31), D(2025, 6, 30)]
    assert occurrences("weekly", start, None) == [start]
    assert occurrences("weekly", start, None, window_end=D(2025, 1, 20)) == [
        D(2025, 1, 6),
        D(2025, 1, 13),
        D(2025, 1, 20),
    ]
    assert occurrences("monthly", start, D(2025, 1, 1)) == []  # due before start


def test_capped() -> None:
    assert len(occurrences("weekly", D(1, 1, 1), D(9999, 12, 31))) == MAX_OCCURRENCES


_dates = st.dates(D(1900, 1, 1), D(2200, 12, 31))


@given(_dates, st.integers(0, 60))
def test_monthly_occurrences_properties(start: dt.date, span: int) -> None:
    due = add_months(start, span)
    dates = occurrences("monthly", start, due)
    assert len(dates) == span + 1 and dates[0] == start and dates[-1] == due
    for i, day in enumerate(dates):
        assert months_between(start, day) == i
        assert day.day == min(start.day, days_in_month(day.year, day.month))


@given(_dates, st.integers(0, 400), _dates, st.integers(0, 200))
def test_window_is_a_filter(start: dt.date, days: int, ws: dt.date, wdays: int) -> None:
    due = start + dt.timedelta(days=days)
    we = ws + dt.timedelta(days=wdays)
    for kind in ("weekly", "monthly"):
        full = occurrences(kind, start, due)
        assert occurrences(kind, start, due, window_start=ws, window_end=we) == [
            d for d in full if ws <= d <= we
        ]
