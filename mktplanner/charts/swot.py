"""How full each SWOT quadrant is: internal (S, W) beside external (O, T)."""

from __future__ import annotations

from matplotlib import transforms
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from mktplanner.charts import fmt
from mktplanner.charts._base import apply_style, chart, no_data, set_title
from mktplanner.charts.data import SwotCounts, SwotLabels
from mktplanner.charts.style import LABEL_SIZE, NOTE_SIZE, QUADRANT_COLORS


def swot_counts(
    data: SwotCounts,
    labels: SwotLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Four bars in the quadrant colours, a divider between the internal and external pairs."""
    with chart(dark, width_in, height_in, dpi, default_height=3.0) as (fig, theme):
        if data.total == 0:
            return no_data(fig, theme, labels.title, labels.no_data)
        counts = [data.strengths, data.weaknesses, data.opportunities, data.threats]
        names = [labels.strengths, labels.weaknesses, labels.opportunities, labels.threats]
        colors = [QUADRANT_COLORS[q] for q in "SWOT"]
        xs = [0, 1, 2, 3]
        ax = fig.add_subplot()
        apply_style([ax], theme)
        ax.bar(xs, counts, 0.6, color=colors)
        for x, count in zip(xs, counts, strict=True):
            ax.annotate(
                fmt.number(count, locale, 0),
                xy=(x, count),
                xytext=(0, 3),
                textcoords="offset points",
                ha="center",
                va="bottom",
                fontsize=LABEL_SIZE,
                fontweight="bold",
                color=theme.text,
            )
        ax.set_xticks(xs, names)
        ax.tick_params(axis="x", length=0, labelsize=LABEL_SIZE)
        ax.set_xlim(-0.6, 3.6)
        ax.set_ylim(0, max(counts) * 1.32 + 0.5)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
        if labels.y_axis:
            ax.set_ylabel(labels.y_axis)
        ax.axvline(1.5, color=theme.spine, linestyle=(0, (2, 3)), linewidth=0.9)
        # The group names sit at the top of the plot area, centred over their pair.
        top = transforms.blended_transform_factory(ax.transData, ax.transAxes)
        hints: tuple[tuple[float, str], ...] = ((0.5, labels.internal), (2.5, labels.external))
        for group_x, hint in hints:
            if hint:
                ax.text(
                    group_x,
                    0.97,
                    hint,
                    transform=top,
                    ha="center",
                    va="top",
                    fontsize=NOTE_SIZE,
                    style="italic",
                    color=theme.muted,
                )
        set_title(ax, fig, labels.title)
        return fig
