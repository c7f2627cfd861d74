"""The tactical plan as a timeline: one row per action, across its dates, coloured by direction.

The figure grows with the number of rows so that each row stays readable; a long plan is
split into pages with :func:`timeline_pages`, which keeps one date range for all pages.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from matplotlib import dates as mdates
from matplotlib import transforms
from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from mktplanner.charts._base import (
    apply_style,
    chart,
    date_axis,
    legend,
    no_data,
    set_title,
    shorten,
)
from mktplanner.charts.data import TimelineAction, TimelineData, TimelineLabels
from mktplanner.charts.style import (
    LATE_EDGE,
    NOTE_SIZE,
    TICK_SIZE,
    TODAY,
    colors_for,
)

ROW_IN = 0.26  # inches per action row
HEADER_IN = 1.35  # title, date ticks and legend
TITLE_CHARS = 34  # row labels longer than this are shortened with "…"
DONE_ALPHA = 0.4
LATE_HATCH = "////"


def action_dates(action: TimelineAction) -> list[dt.date]:
    return [d for d in (action.start, action.due) if d is not None]


def fitted_span(data: TimelineData) -> tuple[dt.date, dt.date] | None:
    """The x range: the given span, else all dates and today with a small margin."""
    if data.span is not None:
        return data.span
    days = [d for a in data.actions for d in action_dates(a)]
    if not days:
        return None
    if data.today is not None:
        days.append(data.today)
    start, end = min(days), max(days)
    margin = dt.timedelta(days=max(3, (end - start).days // 40))
    return start - margin, end + margin


def timeline_pages(data: TimelineData, max_rows: int) -> list[TimelineData]:
    """Split ``data`` into pages of at most ``max_rows`` actions that share one date range
    and one colour per direction (fixed from the whole plan, so a direction keeps its colour
    from page to page).

    An empty plan gives one (empty) page, so a report always has something to draw.
    """
    if max_rows < 1:
        raise ValueError("max_rows must be at least 1")
    span = fitted_span(data)
    if not data.actions:
        return [data]
    colors = colors_for([a.direction for a in data.actions], [a.color for a in data.actions])
    actions = [replace(a, color=c) for a, c in zip(data.actions, colors, strict=True)]
    return [
        TimelineData(actions=tuple(actions[i : i + max_rows]), today=data.today, span=span)
        for i in range(0, len(actions), max_rows)
    ]


def timeline_height(rows: int) -> float:
    return HEADER_IN + ROW_IN * max(rows, 4)


def timeline(
    data: TimelineData,
    labels: TimelineLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """A bar per action from start to due (inclusive); an action with one date is a diamond.

    Late actions are hatched with a red edge, done ones faded; actions with no dates keep their
    row with a "no dates" note. Today is a vertical line; ticks are months (or days for a
    short span) in the locale's names.
    """
    actions = list(data.actions)
    height = height_in if height_in is not None else timeline_height(len(actions))
    span = fitted_span(data)
    with chart(dark, width_in, height, dpi) as (fig, theme):
        if not actions or span is None:
            return no_data(fig, theme, labels.title, labels.no_data)
        start, end = span
        ax = fig.add_subplot()
        apply_style([ax], theme, grid_axis="x")
        colors = colors_for([a.direction for a in actions], [a.color for a in actions])
        label_size = TICK_SIZE if len(actions) <= 30 else TICK_SIZE - 0.5
        row_axis = transforms.blended_transform_factory(ax.transAxes, ax.transData)
        for row, (action, color) in enumerate(zip(actions, colors, strict=True)):
            edge = LATE_EDGE if action.late else color
            alpha = DONE_ALPHA if action.done else 1.0
            if action.start is not None and action.due is not None:
                first, last = sorted((action.start, action.due))
                ax.barh(
                    row,
                    (last - first).days + 1,  # the due day is a working day too
                    0.6,
                    left=mdates.date2num(first),
                    color=color,
                    alpha=alpha,
                    edgecolor=edge,
                    linewidth=1.3 if action.late else 0.0,
                    hatch=LATE_HATCH if action.late else None,
                    zorder=2,
                )
            elif action.start is not None or action.due is not None:
                when = action.due or action.start
                assert when is not None
                ax.plot(
                    [mdates.date2num(when) + 0.5],
                    [row],
                    marker="D",
                    markersize=6.5,
                    color=color,
                    alpha=alpha,
                    markeredgecolor=edge,
                    markeredgewidth=1.3 if action.late else 0.0,
                    linestyle="none",
                    zorder=3,
                )
            elif labels.no_dates:
                ax.text(
                    0.01,
                    row,
                    labels.no_dates,
                    transform=row_axis,
                    va="center",
                    fontsize=NOTE_SIZE,
                    style="italic",
                    color=theme.muted,
                )
        ax.set_yticks(list(range(len(actions))), [shorten(a.title, TITLE_CHARS) for a in actions])
        ax.tick_params(axis="y", labelsize=label_size)
        ax.set_ylim(len(actions) - 0.5, -0.5)
        ax.set_xlim(mdates.date2num(start), mdates.date2num(end) + 1)
        date_axis(ax, start, end, locale)
        handles: list[Artist] = []
        names: list[str] = []
        seen: set[str] = set()
        for action, color in zip(actions, colors, strict=True):
            if action.direction and action.direction not in seen:
                seen.add(action.direction)
                handles.append(Patch(color=color))
                names.append(action.direction)
        if any(a.late for a in actions) and labels.late:
            handles.append(
                Patch(facecolor=theme.grid, edgecolor=LATE_EDGE, hatch=LATE_HATCH, linewidth=1.3)
            )
            names.append(labels.late)
        if any(a.done for a in actions) and labels.done:
            handles.append(Patch(color=theme.muted, alpha=DONE_ALPHA))
            names.append(labels.done)
        if data.today is not None and start <= data.today <= end:
            line = ax.axvline(
                mdates.date2num(data.today) + 0.5,
                color=TODAY,
                linewidth=1.4,
                zorder=4,
                label=labels.today,
            )
            if labels.today:
                handles.append(Line2D([], [], color=TODAY, linewidth=1.4))
                names.append(labels.today)
            line.set_gid("today")
        set_title(ax, fig, labels.title)
        legend(fig, handles, names)
        return fig
