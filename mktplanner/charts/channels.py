"""Channels side by side: where the money went, and what a lead and a rouble brought back."""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.figure import Figure

from mktplanner.charts import fmt
from mktplanner.charts._base import (
    annotate_bars_h,
    apply_style,
    chart,
    money_formatter,
    nice_ticks,
    no_data,
    pad_limits,
    percent_formatter,
    set_title,
    shorten,
    with_unit,
)
from mktplanner.charts.data import (
    ChannelKpiLabels,
    ChannelKpis,
    ChannelSpend,
    ChannelSpendLabels,
)
from mktplanner.charts.style import ACTUAL, BAD, GOOD, LABEL_SIZE, Theme

ROW_IN = 0.32  # height of one bar row, inches
NAME_CHARS = 28  # channel names longer than this are shortened with "…"


def _rows_height(count: int, extra: float = 1.1) -> float:
    return max(2.2, extra + ROW_IN * count)


def _name_axis(ax: Axes, names: list[str]) -> None:
    """Category rows top to bottom (row 0 at the top)."""
    ax.set_yticks(list(range(len(names))), [shorten(n, NAME_CHARS) for n in names])
    ax.set_ylim(len(names) - 0.5, -0.5)


def spend_by_channel(
    data: ChannelSpend,
    labels: ChannelSpendLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Horizontal bars, largest spend at the top, each with its amount written at its end."""
    rows = sorted(data.channels, key=lambda c: (-c.amount_minor, c.name))
    height = height_in if height_in is not None else _rows_height(len(rows))
    with chart(dark, width_in, height, dpi) as (fig, theme):
        if not rows:
            return no_data(fig, theme, labels.title, labels.no_data)
        cur = data.currency
        values = [fmt.major(c.amount_minor, cur) for c in rows]
        ax = fig.add_subplot()
        apply_style([ax], theme, grid_axis="x")
        ys = list(range(len(rows)))
        ax.barh(ys, values, 0.62, color=[c.color or ACTUAL for c in rows])
        _name_axis(ax, [c.name for c in rows])
        ax.set_xlim(*pad_limits(min(values), max(values), left=0.22, right=0.26))
        annotate_bars_h(
            ax, values, ys, [fmt.money(c.amount_minor, cur, locale) for c in rows], theme
        )
        nice_ticks(ax, "x")
        ax.xaxis.set_major_formatter(money_formatter(locale))
        ax.set_xlabel(with_unit(labels.x_axis, fmt.currency_symbol(cur, locale)))
        set_title(ax, fig, labels.title)
        return fig


def cpl_romi_by_channel(
    data: ChannelKpis,
    labels: ChannelKpiLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Two panels sharing the channel rows: cost per lead, and ROMI around a zero line.

    A channel without a value (no leads, no spend) has no bar, only "—" at zero. ROMI bars
    are green at or above zero and red below.
    """
    rows = list(data.channels)
    height = height_in if height_in is not None else _rows_height(len(rows), extra=1.3)
    with chart(dark, width_in, height, dpi) as (fig, theme):
        if not rows:
            return no_data(fig, theme, labels.title, labels.no_data)
        cur = data.currency
        ys = list(range(len(rows)))
        left, right = fig.subplots(1, 2, sharey=True, width_ratios=[1, 1])
        apply_style([left, right], theme, grid_axis="x")

        cpl = [None if c.cpl_minor is None else fmt.major(c.cpl_minor, cur) for c in rows]
        _bars(left, ys, cpl, [c.color or ACTUAL for c in rows])
        known_cpl = [v for v in cpl if v is not None] or [0.0]
        left.set_xlim(*pad_limits(min(known_cpl), max(known_cpl), left=0.3, right=0.34))
        annotate_bars_h(left, cpl, ys, [fmt.money(c.cpl_minor, cur, locale) for c in rows], theme)
        nice_ticks(left, "x")
        left.xaxis.set_major_formatter(money_formatter(locale))
        _panel_title(left, with_unit(labels.cpl, fmt.currency_symbol(cur, locale)), theme)

        romi = [c.romi for c in rows]
        _bars(right, ys, romi, [BAD if v is not None and v < 0 else GOOD for v in romi])
        known_romi = [v for v in romi if v is not None] or [0.0]
        right.set_xlim(*pad_limits(min(known_romi), max(known_romi), left=0.34, right=0.34))
        right.axvline(0, color=theme.spine, linewidth=1.0, zorder=2)
        annotate_bars_h(right, romi, ys, [fmt.percent(v, locale) for v in romi], theme)
        right.xaxis.set_major_formatter(percent_formatter(locale))
        right.tick_params(axis="y", labelleft=False)
        right.spines["left"].set_visible(False)  # the zero line is this panel's reference
        _panel_title(right, labels.romi, theme)

        _name_axis(left, [c.name for c in rows])
        set_title(left, fig, labels.title)
        return fig


def _bars(ax: Axes, ys: list[int], values: list[float | None], colors: list[str]) -> None:
    shown = [(y, v, c) for y, v, c in zip(ys, values, colors, strict=True) if v is not None]
    if shown:
        ax.barh(
            [y for y, _, _ in shown], [v for _, v, _ in shown], 0.62, color=[c for *_, c in shown]
        )


def _panel_title(ax: Axes, text: str, theme: Theme) -> None:
    ax.set_title(text, loc="left", fontsize=LABEL_SIZE, fontweight="bold", color=theme.muted)
