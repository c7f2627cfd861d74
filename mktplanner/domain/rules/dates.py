"""Calendar arithmetic used by the rules: months (first days, clamped shifts) and ISO weeks."""

from __future__ import annotations

import calendar
import datetime as dt
from typing import NamedTuple

MIN_ISO_YEAR = 1
MAX_ISO_YEAR = 9998  # 9999's last ISO week runs past date.max


class IsoWeek(NamedTuple):
    year: int
    week: int


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def month_start(day: dt.date) -> dt.date:
    """The first day of the month containing ``day``."""
    return day.replace(day=1)


def month_end(day: dt.date) -> dt.date:
    """The last day of the month containing ``day``."""
    return day.replace(day=days_in_month(day.year, day.month))


def is_first_of_month(day: dt.date) -> bool:
    return day.day == 1


def add_months(day: dt.date, months: int) -> dt.date:
    """Shift by whole months keeping the day of month, clamped to the month's end
    (Jan 31 + 1 month = Feb 28 or 29). Raises ``OverflowError`` beyond year 1..9999."""
    index = day.year * 12 + (day.month - 1) + months
    year, month0 = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("date out of range")
    month = month0 + 1
    return dt.date(year, month, min(day.day, days_in_month(year, month)))


def months_between(first: dt.date, last: dt.date) -> int:
    """Whole calendar months from ``first``'s month to ``last``'s month (Jan -> Mar = 2)."""
    return (last.year - first.year) * 12 + (last.month - first.month)


def weeks_in_iso_year(year: int) -> int:
    """52 or 53: December 28 always lies in the last ISO week of its ISO year."""
    return dt.date(year, 12, 28).isocalendar().week


def iso_week_of(day: dt.date) -> IsoWeek:
    cal = day.isocalendar()
    return IsoWeek(cal.year, cal.week)


def is_valid_iso_week(year: int, week: int) -> bool:
    return MIN_ISO_YEAR <= year <= MAX_ISO_YEAR and 1 <= week <= weeks_in_iso_year(year)


def monday_of(year: int, week: int) -> dt.date:
    """Monday of ISO week ``week`` of ISO year ``year`` (raises ``ValueError`` if invalid)."""
    return dt.date.fromisocalendar(year, week, 1)


def sunday_of(year: int, week: int) -> dt.date:
    return dt.date.fromisocalendar(year, week, 7)


def next_iso_week(year: int, week: int) -> IsoWeek:
    """The ISO week after (year, week): 52 or 53 -> week 1 of the next year."""
    if week >= weeks_in_iso_year(year):
        return IsoWeek(year + 1, 1)
    return IsoWeek(year, week + 1)


def previous_iso_week(year: int, week: int) -> IsoWeek:
    """The ISO week before (year, week): week 1 -> 52 or 53 of the previous year."""
    if week <= 1:
        return IsoWeek(year - 1, weeks_in_iso_year(year - 1))
    return IsoWeek(year, week - 1)


def shift_iso_week(year: int, week: int, weeks: int) -> IsoWeek:
    """(year, week) moved by ``weeks`` (may be negative), through the calendar."""
    return iso_week_of(monday_of(year, week) + dt.timedelta(weeks=weeks))
