"""Control points: is the money of a period spent as planned, and is the check done on time?

Status of a control point for one period (:func:`evaluate`):

- ``over``: spent > limit (exactly the limit is not over);
- ``warning``: spent >= 90 % of the limit (:data:`WARNING_PERCENT`), integer arithmetic;
  a limit of 0 with nothing spent is ``ok``;
- ``overdue``: ``next_due`` lies before today and no check was made on or after it;
- ``unplanned``: money went to a channel or action without a budget line (the caller
  passes the finding of :func:`unplanned_spend` for the point's target);
- ``ok`` otherwise.

Several can hold at once; :class:`ControlEvaluation` keeps them all in ``flags`` and shows
the most pressing as ``status``: over > unplanned > overdue > warning > ok (money already
lost first, then money nobody planned, then a missed check, then a near miss).

Periods (:func:`period_bounds`): a day; an ISO week (Monday..Sunday); a calendar month.

Pace (:func:`pace`): the days up to and including today are elapsed (today's spending is
in ``spent``); projected spend = spent / elapsed days × days in the period (half-up to the
minor unit); recommended daily spend for the days after today =
max(0, limit − spent) / remaining days, rounded *down* so that following it never breaks
the limit; ``None`` when no day remains.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from mktplanner.domain.enums import Cadence, ControlStatus
from mktplanner.domain.rules.budget import ExpenseLike, LineLike, effective_channel
from mktplanner.domain.rules.dates import month_end, month_start

WARNING_PERCENT = 90

_PRECEDENCE = (
    ControlStatus.OVER,
    ControlStatus.UNPLANNED,
    ControlStatus.OVERDUE,
    ControlStatus.WARNING,
)


def period_bounds(cadence: Cadence | str, day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day (inclusive) of the cadence's period containing ``day``."""
    if cadence == Cadence.DAILY:
        return day, day
    if cadence == Cadence.WEEKLY:
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if cadence == Cadence.MONTHLY:
        return month_start(day), month_end(day)
    raise ValueError(f"unknown cadence: {cadence!r}")


def next_period_start(cadence: Cadence | str, day: dt.date) -> dt.date:
    """The first day of the period after the one containing ``day`` (a next due date)."""
    return period_bounds(cadence, day)[1] + dt.timedelta(days=1)


def spend_level(limit_minor: int, spent_minor: int) -> ControlStatus:
    """ok / warning / over for the money alone."""
    if spent_minor > limit_minor:
        return ControlStatus.OVER
    if spent_minor > 0 and spent_minor * 100 >= limit_minor * WARNING_PERCENT:
        return ControlStatus.WARNING
    return ControlStatus.OK


def is_overdue(next_due: dt.date | None, today: dt.date, last_check: dt.date | None) -> bool:
    if next_due is None or next_due >= today:
        return False
    return last_check is None or last_check < next_due


@dataclass(frozen=True)
class ControlEvaluation:
    status: ControlStatus
    flags: tuple[ControlStatus, ...]  # every status that holds, most pressing first
    limit_minor: int
    spent_minor: int

    @property
    def left_minor(self) -> int:
        return self.limit_minor - self.spent_minor

    @property
    def percent(self) -> float | None:
        """Spent as a percentage of the limit (``None`` for a zero limit)."""
        return None if self.limit_minor == 0 else self.spent_minor * 100 / self.limit_minor


def evaluate(
    limit_minor: int,
    spent_minor: int,
    *,
    today: dt.date,
    next_due: dt.date | None = None,
    last_check: dt.date | None = None,
    unplanned: bool = False,
) -> ControlEvaluation:
    held = {spend_level(limit_minor, spent_minor)}
    if is_overdue(next_due, today, last_check):
        held.add(ControlStatus.OVERDUE)
    if unplanned:
        held.add(ControlStatus.UNPLANNED)
    flags = tuple(s for s in _PRECEDENCE if s in held)
    return ControlEvaluation(
        flags[0] if flags else ControlStatus.OK, flags, limit_minor, spent_minor
    )


# --- unplanned spend --------------------------------------------------------------------------


@dataclass(frozen=True)
class UnplannedSpend:
    month: dt.date
    channel_id: int | None
    action_id: int | None
    amount_minor: int


def unplanned_spend(
    expenses: Iterable[ExpenseLike],
    lines: Iterable[LineLike],
    action_channel: Mapping[int, int | None] | None = None,
) -> list[UnplannedSpend]:
    """Money spent in a month where no budget line covers it.

    An expense is covered by a line of its month booked on its action, or on its channel
    (its own, else its action's). Spend with neither channel nor action is never covered.
    Amounts are summed per (month, channel, action); only positive sums are reported
    (a refund of planned money does not count). Sorted by month, then by amount, largest first.
    """
    planned_actions: set[tuple[dt.date, int]] = set()
    planned_channels: set[tuple[dt.date, int]] = set()
    for ln in lines:
        m = month_start(ln.month)
        if ln.action_id is not None:
            planned_actions.add((m, ln.action_id))
            channel = effective_channel(None, ln.action_id, action_channel)
            if channel is not None:
                planned_channels.add((m, channel))
        if ln.channel_id is not None:
            planned_channels.add((m, ln.channel_id))
    sums: dict[tuple[dt.date, int | None, int | None], int] = {}
    for e in expenses:
        m = month_start(e.date)
        channel = effective_channel(e.channel_id, e.action_id, action_channel)
        if e.action_id is not None and (m, e.action_id) in planned_actions:
            continue
        if channel is not None and (m, channel) in planned_channels:
            continue
        key = (m, channel, e.action_id)
        sums[key] = sums.get(key, 0) + e.amount_minor
    found = [UnplannedSpend(m, c, a, amount) for (m, c, a), amount in sums.items() if amount > 0]
    return sorted(found, key=lambda u: (u.month, -u.amount_minor))


# --- pace -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pace:
    days_in_period: int
    elapsed_days: int  # up to and including today, within the period
    remaining_days: int  # after today, within the period
    projected_minor: int | None  # at the current pace, by the period's end
    daily_allowance_minor: int | None  # recommended daily spend for the remaining days


def _div_half_up(numerator: int, denominator: int) -> int:
    q, r = divmod(numerator, denominator)
    return q + 1 if 2 * r >= denominator else q


def pace(limit_minor: int, spent_minor: int, start: dt.date, end: dt.date, today: dt.date) -> Pace:
    days = (end - start).days + 1
    if days <= 0:
        return Pace(0, 0, 0, None, None)
    elapsed = min(days, max(0, (today - start).days + 1))
    remaining = days - elapsed
    projected = _div_half_up(spent_minor * days, elapsed) if elapsed else None
    allowance = max(0, limit_minor - spent_minor) // remaining if remaining else None
    return Pace(days, elapsed, remaining, projected, allowance)
