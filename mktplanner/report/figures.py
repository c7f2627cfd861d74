"""The pack's charts: plain chart data built from the pack's data, drawn by ``charts/`` as SVG.

Each function returns a :class:`Chart`: the figure rendered to SVG by
:func:`mktplanner.charts.render.to_svg` (text stays text, in DejaVu Sans) and parsed by
``QSvgRenderer``, which paints it on the PDF as vectors (crisp at any zoom and in print) and
on preview images. The figures are made at the width they are printed at, so the chart
fonts keep their designed sizes.

User text in a chart (a goal's title, a direction's name) must come out literally: charts
are built with matplotlib's ``text.parse_math`` off, so ``$5 and $10`` is not read as
mathematics.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import matplotlib
from matplotlib.figure import Figure
from PySide6.QtCore import QByteArray, QRectF
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

from mktplanner.charts import data as cd
from mktplanner.charts.render import to_svg
from mktplanner.domain.rules.goals import MeasurementPoint
from mktplanner.report.data import PackData
from mktplanner.report.texts import Texts

PT = 72.0


@dataclass
class Chart:
    """A chart ready to paint: its SVG and its size in points."""

    svg: bytes
    width: float
    height: float

    def __post_init__(self) -> None:
        self._renderer: QSvgRenderer | None = None

    def paint(self, painter: QPainter, rect: QRectF) -> None:
        if self._renderer is None:
            self._renderer = QSvgRenderer(QByteArray(self.svg))
        self._renderer.render(painter, rect)


def make_chart(build: Callable[[], Figure]) -> Chart:
    with matplotlib.rc_context({"text.parse_math": False}):
        fig = build()
    buffer = io.BytesIO()
    to_svg(fig, buffer)
    return Chart(buffer.getvalue(), fig.get_figwidth() * PT, fig.get_figheight() * PT)


def _d(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


# --- goals -------------------------------------------------------------------------------------


def goal_chart(
    goal: dict[str, Any],
    points: tuple[MeasurementPoint, ...],
    pack: PackData,
    tx: Texts,
    width_pt: float,
    height_pt: float,
) -> Chart:
    from mktplanner.charts.goals import goal_progress

    series = cd.GoalSeries(
        baseline=goal["baseline"],
        target=goal["target"],
        baseline_date=_d(goal["baseline_date"]),
        deadline=_d(goal["deadline"]),
        measurements=tuple(cd.GoalPoint(p.date, p.value) for p in points),
        today=pack.today,
        progress=goal["progress"],
    )
    metric = goal["metric"] or ""
    unit = goal["unit"] or ""
    labels = cd.GoalLabels(
        title=goal["title"],
        subtitle=tx.translate("report", "Progress {progress}"),
        y_axis=unit if unit else metric if len(metric) <= 24 else "",  # the title says the rest
        baseline=tx.translate("report", "Baseline"),
        target=tx.translate("report", "Target"),
        actual=tx.translate("report", "Actual"),
        expected=tx.translate("report", "Expected path"),
        deadline=tx.translate("report", "Deadline"),
        today=tx.translate("report", "Today"),
        no_data=tx.translate("report", "No measurements yet"),
    )
    return make_chart(
        lambda: goal_progress(
            series, labels, tx.locale, width_in=width_pt / PT, height_in=height_pt / PT
        )
    )


# --- tactical timeline -------------------------------------------------------------------------


def timeline_charts(
    actions: list[dict[str, Any]],
    pack: PackData,
    tx: Texts,
    width_pt: float,
    max_height_pt: float,
) -> list[Chart]:
    """The timeline split into pages of as many rows as fit ``max_height_pt``; one date range."""
    from mktplanner.charts.tactical import HEADER_IN, ROW_IN, timeline, timeline_height
    from mktplanner.charts.tactical import timeline_pages as split

    first, last = pack.period
    rows = [
        cd.TimelineAction(
            title=a["title"],
            start=a["start"],
            due=a["due"],
            direction=a["direction_name"] or "",
            late=a["status"] in ("planned", "in_progress")
            and a["due"] is not None
            and a["due"] < pack.today,
            done=a["status"] == "done",
        )
        for a in actions
        if a["status"] != "cancelled"
    ]
    span = (first, last) if pack.period_is_custom else None
    data = cd.TimelineData(actions=tuple(rows), today=pack.today, span=span)
    per_page = max(4, int((max_height_pt / PT - HEADER_IN) / ROW_IN))
    pages = split(data, per_page)
    labels_for = _timeline_labels(tx, len(pages))
    charts = []
    for i, page in enumerate(pages):
        labels = labels_for(i)
        height = min(max_height_pt / PT, timeline_height(len(page.actions)))
        charts.append(
            make_chart(
                functools.partial(
                    timeline, page, labels, tx.locale, width_in=width_pt / PT, height_in=height
                )
            )
        )
    return charts


def _timeline_labels(tx: Texts, pages: int) -> Callable[[int], cd.TimelineLabels]:
    title = tx.translate("report", "Actions on the calendar")
    numbered = tx.translate("report", "Actions on the calendar ({page} of {pages})")

    def labels(i: int) -> cd.TimelineLabels:
        return cd.TimelineLabels(
            title=title if pages == 1 else numbered.format(page=i + 1, pages=pages),
            late=tx.translate("report", "Late"),
            done=tx.translate("report", "Done"),
            today=tx.translate("report", "Today"),
            no_dates=tx.translate("report", "no dates yet"),
            no_data=tx.translate("report", "No actions in this period"),
        )

    return labels


# --- weekly ------------------------------------------------------------------------------------


def team_chart(pack: PackData, tx: Texts, width_pt: float, height_pt: float) -> Chart:
    """Planned hours against capacity, per week, for the whole team (up to 12 weeks shown,
    ending with the chosen week or just after it)."""
    from mktplanner.charts.team import team_capacity

    totals: dict[tuple[int, int], list[float]] = {}
    for c in pack.summary["capacity"]:
        key = (c["iso_year"], c["iso_week"])
        planned, capacity = totals.setdefault(key, [0.0, 0.0])
        totals[key] = [
            planned + (c["planned_hours"] or 0.0),
            capacity + (c["capacity_hours"] or 0.0),
        ]
    keys = sorted(totals)
    if pack.week in keys:
        end = keys.index(pack.week) + 2
        keys = keys[max(0, end - 12) : end]
    else:
        keys = keys[-12:]
    weeks = cd.TeamWeeks(
        tuple(cd.TeamWeek(y, w, totals[(y, w)][0], totals[(y, w)][1]) for y, w in keys)
    )
    labels = cd.TeamLabels(
        title=tx.translate("report", "Team hours planned against capacity"),
        planned=tx.translate("report", "Planned"),
        over=tx.translate("report", "Over capacity"),
        capacity=tx.translate("report", "Capacity"),
        y_axis=tx.translate("report", "Hours"),
        week_tick=tx.translate("report", "W{week}"),
        no_data=tx.translate("report", "No weekly plans yet"),
    )
    return make_chart(
        lambda: team_capacity(
            weeks, labels, tx.locale, width_in=width_pt / PT, height_in=height_pt / PT
        )
    )


# --- budget and channels ---------------------------------------------------------------------


def budget_chart(pack: PackData, tx: Texts, width_pt: float, height_pt: float) -> Chart:
    from mktplanner.charts.budget import budget_by_month

    budget = pack.summary["budget"]
    this_month = pack.today.replace(day=1)
    months = tuple(
        cd.BudgetMonth(
            month=_d(m["month"]) or this_month,
            plan_minor=m["plan_minor"],
            actual_minor=m["actual_minor"]
            if (_d(m["month"]) or this_month) <= this_month
            else None,
        )
        for m in pack.budget_months
    )
    fixed = None
    if budget["mode"] == "bottom_up" and budget["total_minor"]:
        if budget["basis"] == "per_month":
            fixed = budget["total_minor"] * len(months)
        elif not pack.period_is_custom:
            fixed = budget["total_minor"]
    series = cd.BudgetSeries(months=months, currency=pack.currency, total_minor=fixed)
    labels = cd.BudgetLabels(
        title=tx.translate("report", "Budget by month: plan and actual"),
        plan=tx.translate("report", "Plan"),
        actual=tx.translate("report", "Actual"),
        over=tx.translate("report", "Over plan"),
        cumulative_plan=tx.translate("report", "Plan, cumulative"),
        cumulative_actual=tx.translate("report", "Actual, cumulative"),
        total=tx.translate("report", "Fixed budget"),
        y_axis=tx.translate("report", "Per month"),
        y2_axis=tx.translate("report", "Cumulative"),
        no_data=tx.translate("report", "No budget lines in this period"),
    )
    return make_chart(
        lambda: budget_by_month(
            series, labels, tx.locale, width_in=width_pt / PT, height_in=height_pt / PT
        )
    )


def spend_chart(pack: PackData, tx: Texts, width_pt: float, height_pt: float) -> Chart:
    from mktplanner.charts.channels import spend_by_channel

    data = cd.ChannelSpend(
        tuple(
            cd.ChannelAmount(c["name"], c["spend_minor"]) for c in pack.channels if c["spend_minor"]
        ),
        pack.currency,
    )
    labels = cd.ChannelSpendLabels(
        title=tx.translate("report", "Spend by channel"),
        x_axis=tx.translate("report", "Spend"),
        no_data=tx.translate("report", "No spend recorded"),
    )
    return make_chart(
        lambda: spend_by_channel(
            data, labels, tx.locale, width_in=width_pt / PT, height_in=height_pt / PT
        )
    )


def kpi_chart(pack: PackData, tx: Texts, width_pt: float, height_pt: float) -> Chart:
    from mktplanner.charts.channels import cpl_romi_by_channel

    data = cd.ChannelKpis(
        tuple(
            cd.ChannelKpi(c["name"], c["cpl_minor"], c["romi"])
            for c in pack.channels
            if c["months"]
        ),
        pack.currency,
    )
    labels = cd.ChannelKpiLabels(
        title=tx.translate("report", "Cost per lead and return on marketing spend"),
        cpl=tx.translate("report", "Cost per lead"),
        romi=tx.translate("report", "ROMI"),
        no_data=tx.translate("report", "No channel results recorded"),
    )
    return make_chart(
        lambda: cpl_romi_by_channel(
            data, labels, tx.locale, width_in=width_pt / PT, height_in=height_pt / PT
        )
    )
