"""Occurrences of a recurring action: one definition, many dates.

- ``none``: one occurrence, on ``start``.
- ``weekly``: ``start``, ``start + 7 days``, ... up to and including ``due``.
- ``monthly``: the same day of month as ``start``, clamped to each month's end
  (Jan 31 → Feb 28 or 29 → Mar 31: every date is computed from ``start``, so one short
  month does not pull the following ones earlier), up to and including ``due``.

Without ``start`` there is no occurrence. Without ``due`` a recurring action has only its
first occurrence unless a window end is given. ``window_start`` / ``window_end`` (inclusive)
limit the result to a visible range (a week, a month, the tactical period), and
:data:`MAX_OCCURRENCES` caps it in any case.
"""

from __future__ import annotations

import datetime as dt

from mktplanner.domain.enums import Recurrence
from mktplanner.domain.rules.dates import add_months, months_between

MAX_OCCURRENCES = 5000


def occurrences(
    recurrence: Recurrence | str,
    start: dt.date | None,
    due: dt.date | None,
    *,
    window_start: dt.date | None = None,
    window_end: dt.date | None = None,
) -> list[dt.date]:
    if start is None:
        return []
    if recurrence not in (Recurrence.WEEKLY, Recurrence.MONTHLY):
        inside = (window_start is None or start >= window_start) and (
            window_end is None or start <= window_end
        )
        return [start] if inside else []
    last = due if due is not None else (window_end if window_end is not None else start)
    if window_end is not None and window_end < last:
        last = window_end
    first = start if window_start is None or window_start < start else window_start
    if recurrence == Recurrence.WEEKLY:
        return _weekly(start, first, last)
    return _monthly(start, first, last)


def _weekly(start: dt.date, first: dt.date, last: dt.date) -> list[dt.date]:
    skip = max(0, -(-(first - start).days // 7))  # weeks before the window (ceil)
    result: list[dt.date] = []
    day = start + dt.timedelta(weeks=skip)
    while day <= last and len(result) < MAX_OCCURRENCES:
        result.append(day)
        if day > dt.date.max - dt.timedelta(weeks=1):
            break
        day += dt.timedelta(weeks=1)
    return result


def _monthly(start: dt.date, first: dt.date, last: dt.date) -> list[dt.date]:
    result: list[dt.date] = []
    n = max(0, months_between(start, first) - 1)
    while len(result) < MAX_OCCURRENCES:
        try:
            day = add_months(start, n)
        except OverflowError:
            break
        if day > last:
            break
        if day >= first:
            result.append(day)
        n += 1
    return result
