"""The plain data each chart draws, and the already-translated strings it shows.

Services build the data (the same objects feed the app's dashboard and the PDF, so both show
the same numbers); the UI or the report fills the labels with translated text. Charts never
translate and never compute business figures: progress, completion and ROMI arrive computed.

Money is integer minor units with its currency code. A ``None`` value means "not known"
(no measurement yet, a ratio with a zero denominator) and is drawn as a gap with "—".
Label classes are keyword-only and have no default wording (a missing translation is a
``TypeError`` at the call, not an English word in a Russian PDF); "" hides an optional text.
Templates in labels use ``{name}`` placeholders that the chart fills with locale-formatted
values (``{progress}``, ``{week}``, ``{year}``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# --- goal progress ---------------------------------------------------------------


@dataclass(frozen=True)
class GoalPoint:
    date: dt.date
    value: float


@dataclass(frozen=True)
class GoalSeries:
    baseline: float | None
    target: float | None
    baseline_date: dt.date | None = None
    deadline: dt.date | None = None
    measurements: tuple[GoalPoint, ...] = ()  # any order; drawn by date
    today: dt.date | None = None
    progress: float | None = None  # latest progress (domain.rules.goals), 0.43 = 43 %


@dataclass(frozen=True, kw_only=True)
class GoalLabels:
    title: str  # the goal's title
    subtitle: str = ""  # e.g. "Progress {progress}" (filled with "43 %"), or pre-formatted
    y_axis: str = ""  # the metric and unit, e.g. "Conversion, %"
    baseline: str
    target: str
    actual: str
    expected: str = ""  # legend of the baseline -> target line; "" hides the line
    deadline: str
    today: str
    no_data: str


# --- budget by month ---------------------------------------------------------------


@dataclass(frozen=True)
class BudgetMonth:
    month: dt.date  # any day of the month; the first is customary
    plan_minor: int
    actual_minor: int | None = None  # None: the month has not started (no bar, line stops)


@dataclass(frozen=True)
class BudgetSeries:
    months: tuple[BudgetMonth, ...]
    currency: str
    total_minor: int | None = None  # a bottom-up budget's fixed total, drawn on the cumulative axis


@dataclass(frozen=True, kw_only=True)
class BudgetLabels:
    title: str
    plan: str
    actual: str
    over: str  # an actual bar above its month's plan
    cumulative_plan: str
    cumulative_actual: str
    total: str
    y_axis: str  # the currency symbol is appended
    y2_axis: str
    no_data: str


# --- channels ------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelAmount:
    name: str
    amount_minor: int
    color: str | None = None  # the channel's own colour, if it has one


@dataclass(frozen=True)
class ChannelSpend:
    channels: tuple[ChannelAmount, ...]  # drawn largest first
    currency: str


@dataclass(frozen=True, kw_only=True)
class ChannelSpendLabels:
    title: str
    x_axis: str  # the currency symbol is appended
    no_data: str


@dataclass(frozen=True)
class ChannelKpi:
    name: str
    cpl_minor: int | None  # spend / leads; None when there were no leads
    romi: float | None  # (revenue - spend) / spend; 0.35 = 35 %; None when no spend
    color: str | None = None


@dataclass(frozen=True)
class ChannelKpis:
    channels: tuple[ChannelKpi, ...]  # drawn in this order, top to bottom
    currency: str


@dataclass(frozen=True, kw_only=True)
class ChannelKpiLabels:
    title: str
    cpl: str
    romi: str
    no_data: str


# --- team ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TeamWeek:
    iso_year: int
    iso_week: int
    planned_hours: float
    capacity_hours: float


@dataclass(frozen=True)
class TeamWeeks:
    weeks: tuple[TeamWeek, ...]  # drawn in this order (chronological)


@dataclass(frozen=True, kw_only=True)
class TeamLabels:
    title: str
    planned: str
    over: str
    capacity: str
    y_axis: str
    week_tick: str  # {week}, {year}
    no_data: str


@dataclass(frozen=True)
class PersonShare:
    name: str
    completion: float | None  # 0..1; None: nothing planned


@dataclass(frozen=True)
class PersonCompletion:
    people: tuple[PersonShare, ...]  # drawn in this order, top to bottom


@dataclass(frozen=True, kw_only=True)
class CompletionLabels:
    title: str
    x_axis: str
    no_data: str


# --- SWOT ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SwotCounts:
    strengths: int = 0
    weaknesses: int = 0
    opportunities: int = 0
    threats: int = 0

    @property
    def total(self) -> int:
        return self.strengths + self.weaknesses + self.opportunities + self.threats


@dataclass(frozen=True, kw_only=True)
class SwotLabels:
    title: str
    strengths: str
    weaknesses: str
    opportunities: str
    threats: str
    internal: str
    external: str
    y_axis: str
    no_data: str


# --- tactical timeline ---------------------------------------------------------------


@dataclass(frozen=True)
class TimelineAction:
    title: str
    start: dt.date | None
    due: dt.date | None
    direction: str = ""  # the direction's name (legend entry)
    color: str | None = None  # the direction's colour
    late: bool = False  # past due and not done (computed by the caller's rule)
    done: bool = False


@dataclass(frozen=True)
class TimelineData:
    actions: tuple[TimelineAction, ...]  # drawn in this order, top to bottom
    today: dt.date | None = None
    span: tuple[dt.date, dt.date] | None = None  # fixed x range (pages share one); else fitted


@dataclass(frozen=True, kw_only=True)
class TimelineLabels:
    title: str
    late: str
    done: str
    today: str
    no_dates: str  # shown on the row of an action without dates
    no_data: str
