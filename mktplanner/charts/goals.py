"""A strategic goal over time: where it started, where it should be, where it is."""

from __future__ import annotations

import datetime as dt

from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from mktplanner.charts import fmt
from mktplanner.charts._base import (
    apply_style,
    chart,
    date_axis,
    legend,
    nice_ticks,
    no_data,
    number_formatter,
    set_title,
)
from mktplanner.charts.data import GoalLabels, GoalSeries
from mktplanner.charts.style import ACTUAL, BASELINE, DEADLINE, NOTE_SIZE, TARGET, TODAY


def goal_progress(
    data: GoalSeries,
    labels: GoalLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Baseline and target (dashed), the expected path, actual measurements, deadline and today.

    The right-hand title is ``labels.subtitle`` with ``{progress}`` replaced by the locale's
    percentage of ``data.progress`` ("43 %", or "—" when unknown).
    """
    points = sorted(data.measurements, key=lambda p: p.date)
    dates: list[dt.date] = [p.date for p in points]
    for extra in (data.baseline_date, data.deadline):
        if extra is not None:
            dates.append(extra)
    has_levels = data.baseline is not None or data.target is not None
    with chart(dark, width_in, height_in, dpi) as (fig, theme):
        if not dates or (not points and not has_levels):
            return no_data(fig, theme, labels.title, labels.no_data)
        if data.today is not None:
            dates.append(data.today)
        start, end = min(dates), max(dates)
        if start == end:
            start, end = start - dt.timedelta(days=15), end + dt.timedelta(days=15)

        ax = fig.add_subplot()
        apply_style([ax], theme)
        handles: list[Line2D] = []
        names: list[str] = []

        def add(handle: Line2D, name: str) -> None:
            handle.set_label(name)  # the artist carries its legend text too
            handles.append(handle)
            names.append(name)

        if data.baseline is not None:
            line = ax.axhline(data.baseline, color=BASELINE, linestyle="--", linewidth=1.2)
            add(line, f"{labels.baseline}: {fmt.number(data.baseline, locale, 2)}")
        if data.target is not None:
            line = ax.axhline(data.target, color=TARGET, linestyle="--", linewidth=1.4)
            add(line, f"{labels.target}: {fmt.number(data.target, locale, 2)}")
        if (
            labels.expected
            and data.baseline is not None
            and data.target is not None
            and data.baseline_date is not None
            and data.deadline is not None
        ):
            (line,) = ax.plot(
                mdates.date2num([data.baseline_date, data.deadline]),
                [data.baseline, data.target],
                color=theme.muted,
                linestyle=":",
                linewidth=1.2,
            )
            add(line, labels.expected)
        if points:
            (line,) = ax.plot(
                mdates.date2num([p.date for p in points]),
                [p.value for p in points],
                color=ACTUAL,
                marker="o",
                markersize=4.5,
                linewidth=2.0,
                zorder=3,
            )
            add(line, labels.actual)
            last = points[-1]
            ax.annotate(
                fmt.number(last.value, locale, 2),
                xy=(mdates.date2num(last.date), last.value),
                xytext=(0, 7),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=NOTE_SIZE,
                fontweight="bold",
                color=ACTUAL,
            )
        if data.deadline is not None:
            line = ax.axvline(
                mdates.date2num(data.deadline), color=DEADLINE, linestyle="-", linewidth=1.2
            )
            add(line, f"{labels.deadline}: {fmt.day(data.deadline, locale)}")
        if data.today is not None:
            line = ax.axvline(
                mdates.date2num(data.today), color=TODAY, linestyle=(0, (4, 3)), linewidth=1.2
            )
            add(line, labels.today)

        pad = dt.timedelta(days=max(3, (end - start).days // 25))
        ax.set_xlim(mdates.date2num(start - pad), mdates.date2num(end + pad))
        date_axis(ax, start, end, locale)
        _fit_y(ax, data, [p.value for p in points])
        nice_ticks(ax, "y")
        ax.yaxis.set_major_formatter(number_formatter(locale))
        if labels.y_axis:
            ax.set_ylabel(labels.y_axis)
        subtitle = fmt.fill(labels.subtitle, progress=fmt.percent(data.progress, locale))
        set_title(ax, fig, labels.title, subtitle)
        legend(fig, handles, names)
        return fig


def _fit_y(ax: Axes, data: GoalSeries, values: list[float]) -> None:
    levels = [v for v in (data.baseline, data.target) if v is not None] + values
    low, high = min(levels), max(levels)
    span = (high - low) or max(abs(high), 1.0)
    bottom = low - span * 0.12
    if low >= 0 and bottom < 0:
        bottom = 0.0  # a count or a rate never goes below zero: do not suggest it could
    ax.set_ylim(bottom, high + span * 0.18)
