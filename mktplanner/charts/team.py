"""The team's weeks: planned hours against capacity, and how much of the plan got done."""

from __future__ import annotations

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from mktplanner.charts import fmt
from mktplanner.charts._base import (
    annotate_bars_h,
    apply_style,
    chart,
    legend,
    nice_ticks,
    no_data,
    number_formatter,
    percent_formatter,
    set_title,
    shorten,
)
from mktplanner.charts.data import CompletionLabels, PersonCompletion, TeamLabels, TeamWeeks
from mktplanner.charts.style import ACTUAL, BAD, NOTE_SIZE

MAX_BAR_LABELS = 16  # above this many weeks the hours are read from the axis only


def team_capacity(
    data: TeamWeeks,
    labels: TeamLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Planned hours per week as bars, capacity as a step line; weeks over capacity in red."""
    weeks = list(data.weeks)
    with chart(dark, width_in, height_in, dpi) as (fig, theme):
        if not weeks:
            return no_data(fig, theme, labels.title, labels.no_data)
        xs = list(range(len(weeks)))
        planned = [w.planned_hours for w in weeks]
        capacity = [w.capacity_hours for w in weeks]
        over = [p > c for p, c in zip(planned, capacity, strict=True)]
        ax = fig.add_subplot()
        apply_style([ax], theme)
        ax.bar(xs, planned, 0.62, color=[BAD if o else ACTUAL for o in over])
        # The step spans each bar's full slot: edges at i - 0.5 .. i + 0.5.
        edges = [x - 0.5 for x in xs] + [xs[-1] + 0.5]
        (cap_line,) = ax.step(
            edges,
            capacity + [capacity[-1]],
            where="post",
            color=theme.capacity,
            linewidth=1.6,
            label=labels.capacity,
        )
        if len(weeks) <= MAX_BAR_LABELS:
            for x, hours, o in zip(xs, planned, over, strict=True):
                ax.annotate(
                    fmt.number(hours, locale, 1),
                    xy=(x, hours),
                    xytext=(0, 3),
                    textcoords="offset points",
                    ha="center",
                    va="bottom",
                    fontsize=NOTE_SIZE,
                    color=BAD if o else theme.muted,
                    fontweight="bold" if o else "normal",
                )
        ax.set_xticks(
            xs,
            [fmt.fill(labels.week_tick, week=str(w.iso_week), year=str(w.iso_year)) for w in weeks],
        )
        ax.set_xlim(-0.6, len(weeks) - 0.4)
        top = max(planned + capacity + [1.0])
        ax.set_ylim(0, top * 1.15)
        nice_ticks(ax, "y")
        ax.yaxis.set_major_formatter(number_formatter(locale))
        if labels.y_axis:
            ax.set_ylabel(labels.y_axis)
        set_title(ax, fig, labels.title)
        handles: list[Artist] = [Patch(color=ACTUAL)]
        names = [labels.planned]
        if any(over):
            handles.append(Patch(color=BAD))
            names.append(labels.over)
        handles.append(cap_line)
        names.append(labels.capacity)
        legend(fig, handles, names)
        return fig


def weekly_completion(
    data: PersonCompletion,
    labels: CompletionLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Completion per person as horizontal bars on a 0–100 % scale, over a faint full-length track."""
    people = list(data.people)
    height = height_in if height_in is not None else max(2.0, 1.0 + 0.32 * len(people))
    with chart(dark, width_in, height, dpi) as (fig, theme):
        if not people:
            return no_data(fig, theme, labels.title, labels.no_data)
        ys = list(range(len(people)))
        ax = fig.add_subplot()
        apply_style([ax], theme, grid_axis="none")
        track = ax.barh(ys, [1.0] * len(ys), 0.56, color=theme.grid, zorder=1)
        for patch in track:
            patch.set_gid("track")
        values = [
            None if p.completion is None else max(0.0, min(1.0, p.completion)) for p in people
        ]
        shown = [(y, v) for y, v in zip(ys, values, strict=True) if v is not None]
        if shown:
            bars = ax.barh(
                [y for y, _ in shown], [v for _, v in shown], 0.56, color=ACTUAL, zorder=2
            )
            for patch in bars:
                patch.set_gid("value")
        # The label says the real share even when the bar is clamped (e.g. 110 % done).
        texts = [fmt.percent(p.completion, locale) for p in people]
        annotate_bars_h(ax, [1.0] * len(ys), ys, texts, theme)
        ax.set_yticks(ys, [shorten(p.name, 28) for p in people])
        ax.set_ylim(len(people) - 0.5, -0.5)
        ax.set_xlim(0, 1.12)
        ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0])
        ax.xaxis.set_major_formatter(percent_formatter(locale))
        ax.spines["bottom"].set_visible(False)
        ax.spines["left"].set_visible(False)
        ax.tick_params(axis="x", length=0)
        if labels.x_axis:
            ax.set_xlabel(labels.x_axis)
        set_title(ax, fig, labels.title)
        return fig
