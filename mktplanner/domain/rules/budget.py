"""Budget arithmetic: the period's months, plan and actual by month and by channel,
variance, rollover and the bottom-up gap. Integer minor units throughout.

Inputs are anything with the right attributes (``BudgetLine`` / ``Expense`` rows fit the
:class:`LineLike` / :class:`ExpenseLike` protocols; :class:`LineFacts` / :class:`ExpenseFacts`
are plain stand-ins).

- A line or expense booked on an action (``action_id``) counts for the action's channel
  when the caller passes ``action_channel`` (action id -> channel id); otherwise, and for
  rows with neither, it counts under the key ``None`` ("no channel"). An expense that names
  a channel keeps it even if its action runs on another one.
- Refunds are negative expenses and simply reduce the actual.
- Variance is ``actual − plan``: positive means overspent, negative means underspent.
- Rollover (when the budget enables it): what is left of a month (available − actual,
  negative when overspent) is added to the next month's available amount; without
  rollover every month starts afresh from its plan.
- The bottom-up gap compares the actions' budgets (``needed``) with the fixed total
  (``total × months`` for a per-month total, ``total`` for a per-period total): ``short_by``
  when the plan does not fit, ``unallocated`` when money is left. In top-down mode there
  is no fixed sum: the budget to find is ``needed_minor``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol, TypeVar

from mktplanner.domain.enums import BudgetBasis
from mktplanner.domain.money import split_evenly
from mktplanner.domain.rules.dates import add_months, month_start, months_between

K = TypeVar("K")


class LineLike(Protocol):
    @property
    def month(self) -> dt.date: ...
    @property
    def amount_minor(self) -> int: ...
    @property
    def channel_id(self) -> int | None: ...
    @property
    def action_id(self) -> int | None: ...


class ExpenseLike(Protocol):
    @property
    def date(self) -> dt.date: ...
    @property
    def amount_minor(self) -> int: ...
    @property
    def channel_id(self) -> int | None: ...
    @property
    def action_id(self) -> int | None: ...


@dataclass(frozen=True)
class LineFacts:
    month: dt.date
    amount_minor: int
    channel_id: int | None = None
    action_id: int | None = None


@dataclass(frozen=True)
class ExpenseFacts:
    date: dt.date
    amount_minor: int
    channel_id: int | None = None
    action_id: int | None = None


# --- months -----------------------------------------------------------------------------------


def period_months(start: dt.date, months: int) -> list[dt.date]:
    """First days of the ``months`` months of a period starting in ``start``'s month."""
    first = month_start(start)
    return [add_months(first, i) for i in range(max(0, months))]


def period_end(start: dt.date, months: int) -> dt.date:
    """The last day of the period (the day before the month after it)."""
    return add_months(month_start(start), months) - dt.timedelta(days=1)


# --- grouping ---------------------------------------------------------------------------------


def effective_channel(
    channel_id: int | None, action_id: int | None, action_channel: Mapping[int, int | None] | None
) -> int | None:
    if channel_id is not None:
        return channel_id
    if action_id is not None and action_channel:
        return action_channel.get(action_id)
    return None


def _in(month: dt.date, months: set[dt.date] | None) -> bool:
    return months is None or month in months


def _month_set(months: Iterable[dt.date] | None) -> set[dt.date] | None:
    return None if months is None else {month_start(m) for m in months}


def _by_month(
    rows: Iterable[tuple[dt.date, int]], months: Sequence[dt.date] | None
) -> dict[dt.date, int]:
    result: dict[dt.date, int] = {month_start(m): 0 for m in months} if months is not None else {}
    for day, amount in rows:
        key = month_start(day)
        if months is None or key in result:
            result[key] = result.get(key, 0) + amount
    return dict(sorted(result.items())) if months is None else result


def planned_by_month(
    lines: Iterable[LineLike], months: Sequence[dt.date] | None = None
) -> dict[dt.date, int]:
    """Planned sum per month; with ``months`` every month is present (zeros too) and lines
    outside them are left out."""
    return _by_month(((ln.month, ln.amount_minor) for ln in lines), months)


def actual_by_month(
    expenses: Iterable[ExpenseLike], months: Sequence[dt.date] | None = None
) -> dict[dt.date, int]:
    return _by_month(((e.date, e.amount_minor) for e in expenses), months)


def planned_by_channel(
    lines: Iterable[LineLike],
    action_channel: Mapping[int, int | None] | None = None,
    months: Iterable[dt.date] | None = None,
) -> dict[int | None, int]:
    wanted = _month_set(months)
    result: dict[int | None, int] = {}
    for ln in lines:
        if _in(month_start(ln.month), wanted):
            key = effective_channel(ln.channel_id, ln.action_id, action_channel)
            result[key] = result.get(key, 0) + ln.amount_minor
    return result


def actual_by_channel(
    expenses: Iterable[ExpenseLike],
    action_channel: Mapping[int, int | None] | None = None,
    months: Iterable[dt.date] | None = None,
) -> dict[int | None, int]:
    wanted = _month_set(months)
    result: dict[int | None, int] = {}
    for e in expenses:
        if _in(month_start(e.date), wanted):
            key = effective_channel(e.channel_id, e.action_id, action_channel)
            result[key] = result.get(key, 0) + e.amount_minor
    return result


def planned_by_action(
    lines: Iterable[LineLike], months: Iterable[dt.date] | None = None
) -> dict[int, int]:
    """Planned sum per action (lines booked on an action only)."""
    wanted = _month_set(months)
    result: dict[int, int] = {}
    for ln in lines:
        if ln.action_id is not None and _in(month_start(ln.month), wanted):
            result[ln.action_id] = result.get(ln.action_id, 0) + ln.amount_minor
    return result


def actual_by_action(
    expenses: Iterable[ExpenseLike], months: Iterable[dt.date] | None = None
) -> dict[int, int]:
    wanted = _month_set(months)
    result: dict[int, int] = {}
    for e in expenses:
        if e.action_id is not None and _in(month_start(e.date), wanted):
            result[e.action_id] = result.get(e.action_id, 0) + e.amount_minor
    return result


# --- variance ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variance:
    plan_minor: int
    actual_minor: int

    @property
    def diff_minor(self) -> int:
        """actual − plan: > 0 overspent, < 0 underspent."""
        return self.actual_minor - self.plan_minor

    @property
    def overspent(self) -> bool:
        return self.diff_minor > 0


def variance(plan: Mapping[K, int], actual: Mapping[K, int]) -> dict[K, Variance]:
    """Plan against actual for every key of either side (plan's keys first)."""
    keys = list(plan) + [k for k in actual if k not in plan]
    return {k: Variance(plan.get(k, 0), actual.get(k, 0)) for k in keys}


@dataclass(frozen=True)
class MonthRow:
    month: dt.date
    planned_minor: int
    actual_minor: int
    carried_in_minor: int  # from the previous month (0 without rollover)

    @property
    def available_minor(self) -> int:
        return self.planned_minor + self.carried_in_minor

    @property
    def left_minor(self) -> int:
        """available − actual: what rolls into the next month (negative: overspent)."""
        return self.available_minor - self.actual_minor

    @property
    def variance_minor(self) -> int:
        """actual − plan of this month alone."""
        return self.actual_minor - self.planned_minor


def month_rows(
    lines: Iterable[LineLike],
    expenses: Iterable[ExpenseLike],
    months: Sequence[dt.date],
    rollover: bool = False,
) -> list[MonthRow]:
    """One row per month of the period: plan, actual, what came in from the month before."""
    plan = planned_by_month(lines, months)
    actual = actual_by_month(expenses, months)
    rows: list[MonthRow] = []
    carried = 0
    for m in plan:
        row = MonthRow(m, plan[m], actual[m], carried if rollover else 0)
        rows.append(row)
        carried = row.left_minor
    return rows


# --- the gap ------------------------------------------------------------------------------------


class GapStatus(StrEnum):
    BALANCED = "balanced"
    SHORT = "short"  # the actions need more than the fixed sum
    UNALLOCATED = "unallocated"  # money left that no action uses


@dataclass(frozen=True)
class BudgetGap:
    fixed_minor: int
    needed_minor: int
    unbudgeted_actions: int = 0  # actions without a budget (not counted in needed)

    @property
    def short_by_minor(self) -> int:
        return max(0, self.needed_minor - self.fixed_minor)

    @property
    def unallocated_minor(self) -> int:
        return max(0, self.fixed_minor - self.needed_minor)

    @property
    def status(self) -> GapStatus:
        if self.needed_minor > self.fixed_minor:
            return GapStatus.SHORT
        if self.needed_minor < self.fixed_minor:
            return GapStatus.UNALLOCATED
        return GapStatus.BALANCED


def fixed_total(total_minor: int, basis: BudgetBasis | str, months: int) -> int:
    """The fixed sum for the whole period."""
    if basis == BudgetBasis.PER_MONTH:
        return total_minor * max(0, months)
    return total_minor


def budget_gap(
    total_minor: int,
    basis: BudgetBasis | str,
    months: int,
    needed: Iterable[int | None],
) -> BudgetGap:
    """The actions' budgets (``None``: not budgeted) against the fixed total of the period."""
    amounts = list(needed)
    return BudgetGap(
        fixed_total(total_minor, basis, months),
        sum(a for a in amounts if a is not None),
        sum(1 for a in amounts if a is None),
    )


def monthly_gaps(
    total_per_month_minor: int, planned: Mapping[dt.date, int]
) -> dict[dt.date, BudgetGap]:
    """Per month: the planned lines against a fixed per-month total."""
    return {m: BudgetGap(total_per_month_minor, amount) for m, amount in planned.items()}


def spread_over_months(
    amount_minor: int, start: dt.date, due: dt.date | None
) -> dict[dt.date, int]:
    """An action's budget split evenly over the months it runs (start's month to due's
    month), exactly: the parts add up to the amount, earlier months take the extra units."""
    last = due if due is not None and due >= start else start
    months = period_months(start, months_between(start, last) + 1)
    return dict(zip(months, split_evenly(amount_minor, len(months)), strict=True))
