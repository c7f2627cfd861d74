"""Pieces every chart uses: the themed figure, the "no data" figure, axes formatters, legend."""

from __future__ import annotations

import datetime as dt
import math
import textwrap
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import matplotlib
from matplotlib import dates as mdates
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, Formatter, FuncFormatter, MaxNLocator
from matplotlib.transforms import ScaledTranslation

from mktplanner.charts import fmt
from mktplanner.charts.style import (
    A4_WIDTH_IN,
    DEFAULT_HEIGHT_IN,
    LABEL_SIZE,
    NOTE_SIZE,
    TITLE_SIZE,
    GridAxis,
    Theme,
    finish,
    new_figure,
    style_axes,
    theme_for,
    themed,
)


@contextmanager
def chart(
    dark: bool,
    width_in: float | None,
    height_in: float | None,
    dpi: float,
    default_height: float = DEFAULT_HEIGHT_IN,
) -> Iterator[tuple[Figure, Theme]]:
    """A themed figure; the theme stays in effect until the block ends, then ticks are pinned."""
    theme = theme_for(dark)
    with themed(theme):
        fig = new_figure(
            width_in or A4_WIDTH_IN,
            height_in if height_in is not None else default_height,
            dpi,
            theme,
        )
        yield fig, theme
        finish(fig)


def title_width_chars(fig: Figure, share: float = 1.0) -> int:
    """How many characters of a bold title fit on one line across ``share`` of the figure."""
    width_pt = fig.get_figwidth() * 72 * share
    return max(20, int(width_pt / (TITLE_SIZE * 0.62)))


def wrap(text: str, width: int, max_lines: int = 2) -> str:
    lines = textwrap.wrap(text, width=width) or [""]
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: max(1, width - 1)].rstrip() + "…"
    return "\n".join(lines)


def shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def set_title(ax: Axes, fig: Figure, title: str, right: str = "") -> None:
    """The chart's bold title at the figure's top left (wrapped to fit), as in every chart of
    the family; an optional plain note at the top right, on the title's first line (e.g. the
    progress of a goal)."""
    if not title:
        if right:
            ax.set_title(right, loc="right", fontsize=LABEL_SIZE + 1, fontweight="normal")
        return
    fig.suptitle(wrap(title, title_width_chars(fig, 0.78 if right else 1.0)), x=0.01, ha="left")
    if right:
        # Constrained layout puts the title's top h_pad below the figure's top edge; the note
        # is anchored the same way, in inches, so it stays aligned when the canvas resizes.
        pad = float(matplotlib.rcParams["figure.constrained_layout.h_pad"])
        anchor = fig.transFigure + ScaledTranslation(0, -pad, fig.dpi_scale_trans)
        fig.text(
            0.99,
            1.0,
            right,
            transform=anchor,
            ha="right",
            va="top",
            fontsize=LABEL_SIZE + 1,
            gid="title-note",
        )


def no_data(fig: Figure, theme: Theme, title: str, message: str) -> Figure:
    """Turn ``fig`` into a clean "no data" card: the title and a centred message."""
    ax = fig.add_subplot()
    ax.set_axis_off()
    set_title(ax, fig, title)
    ax.text(
        0.5,
        0.5,
        message,
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=LABEL_SIZE + 1,
        color=theme.muted,
    )
    return fig


class LocaleNumberFormatter(Formatter):
    """Axis ticks with the locale's separators, as many decimals as the tick step needs.

    From 10 000 up the ticks are compact ("12,5 тыс." / "12.5K"); an amount axis in major
    currency units uses the same formatter (the currency is named in the axis label).
    """

    def __init__(self, locale: str, max_digits: int = 3) -> None:
        self.locale = locale
        self.max_digits = max_digits
        self._digits = 1

    def _format(self, value: float, digits: int) -> str:
        if abs(value) >= fmt.COMPACT_FROM:
            return fmt.compact(value, self.locale)
        return fmt.number(value, self.locale, digits)

    def __call__(self, x: float, pos: int | None = None) -> str:
        return self._format(x, self._digits if pos is not None else self.max_digits)

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        self._digits = _digits_needed(values, self.max_digits)
        return [self._format(v, self._digits) for v in values]


def _digits_needed(values: Sequence[float], max_digits: int) -> int:
    for digits in range(max_digits + 1):
        if all(abs(round(v, digits) - v) < 1e-9 * max(1.0, abs(v)) for v in values):
            return digits
    return max_digits


def number_formatter(locale: str) -> LocaleNumberFormatter:
    return LocaleNumberFormatter(locale)


def money_formatter(locale: str) -> LocaleNumberFormatter:
    """Ticks of an axis in major currency units ("12,3 тыс." / "12.3K")."""
    return LocaleNumberFormatter(locale, max_digits=2)


class LocalePercentFormatter(Formatter):
    """Ticks of a ratio axis: 0.25 -> "25 %" (decimals only when the step needs them)."""

    def __init__(self, locale: str) -> None:
        self.locale = locale

    def __call__(self, x: float, pos: int | None = None) -> str:
        return fmt.percent(x, self.locale)

    def format_ticks(self, values: Sequence[float]) -> list[str]:
        digits = _digits_needed([v * 100 for v in values], 2)
        return [fmt.percent(v, self.locale, digits) for v in values]


def percent_formatter(locale: str) -> LocalePercentFormatter:
    return LocalePercentFormatter(locale)


def with_unit(label: str, unit: str) -> str:
    if not label:
        return unit
    return f"{label}, {unit}" if unit else label


def date_axis(ax: Axes, start: dt.date, end: dt.date, locale: str) -> None:
    """Ticks of a date axis (x in matplotlib date numbers) with locale month or day names.

    Spans over about two months get month ticks ("янв.\\n2026" on the first tick and on
    January, "февр." elsewhere); shorter spans get Mondays or days ("5 янв."). How many
    ticks fit is estimated from the figure's width.
    """
    fig = ax.get_figure()
    width_in = fig.get_figwidth() if isinstance(fig, Figure) else A4_WIDTH_IN
    width_pt = width_in * 72 * 0.7
    days = max(1, (end - start).days)
    if days > 62:
        max_ticks = max(3, int(width_pt / 38))
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        step = max(1, math.ceil(months / max_ticks))
        ax.xaxis.set_major_locator(mdates.MonthLocator(interval=step))

        def month_label(value: float, pos: int | None) -> str:
            day = mdates.num2date(value).date()
            if pos == 0 or day.month == 1:
                return f"{fmt.month(day, locale, year=False)}\n{day.year}"
            return fmt.month(day, locale, year=False)

        ax.xaxis.set_major_formatter(FuncFormatter(month_label))
        return
    max_ticks = max(3, int(width_pt / 52))
    if days > 14:
        step = max(1, math.ceil(days / 7 / max_ticks))
        ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=step))
    else:
        ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, math.ceil(days / max_ticks))))
    ax.xaxis.set_major_formatter(
        FuncFormatter(lambda value, _pos: fmt.day(mdates.num2date(value).date(), locale))
    )


def month_ticks(ax: Axes, months: Sequence[dt.date], locale: str) -> None:
    """Category ticks at 0..n-1 for a month series; the year shown on the first and on January."""
    labels = []
    for i, month in enumerate(months):
        if i == 0 or month.month == 1:
            labels.append(f"{fmt.month(month, locale, year=False)}\n{month.year}")
        else:
            labels.append(fmt.month(month, locale, year=False))
    ax.xaxis.set_major_locator(FixedLocator(list(range(len(months)))))
    ax.set_xticks(list(range(len(months))), labels)


def legend(fig: Figure, handles: Sequence[Artist], labels: Sequence[str]) -> None:
    """One legend per figure, under the plot, in as many columns as fit the width."""
    if not handles:
        return
    width_pt = fig.get_figwidth() * 72 * 0.95
    entry_pt = [len(label) * NOTE_SIZE * 0.6 + 34 for label in labels]
    ncols = len(entry_pt)
    while ncols > 1:
        rows = [entry_pt[i : i + ncols] for i in range(0, len(entry_pt), ncols)]
        column_widths = [max(row[c] for row in rows if c < len(row)) for c in range(ncols)]
        if sum(column_widths) <= width_pt:
            break
        ncols -= 1
    fig.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=ncols,
        handlelength=1.6,
        columnspacing=1.4,
    )


def annotate_bars_h(
    ax: Axes,
    values: Sequence[float | None],
    positions: Sequence[float],
    texts: Sequence[str],
    theme: Theme,
) -> None:
    """Value labels just past the end of horizontal bars (at 0 for a missing value)."""
    for value, y, text in zip(values, positions, texts, strict=True):
        x = 0.0 if value is None else value
        negative = value is not None and value < 0
        ax.annotate(
            text,
            xy=(x, y),
            xytext=(-4 if negative else 4, 0),
            textcoords="offset points",
            ha="right" if negative else "left",
            va="center",
            fontsize=NOTE_SIZE,
            color=theme.muted if value is None else theme.text,
        )


def pad_limits(
    low: float, high: float, left: float = 0.0, right: float = 0.22
) -> tuple[float, float]:
    """Room around [low, high] (shares of the span) for value labels past the bars."""
    lo, hi = min(low, 0.0), max(high, 0.0)
    span = (hi - lo) or 1.0
    return (lo - span * left if lo < 0 else lo, hi + span * right)


def nice_ticks(ax: Axes, axis: str = "y") -> None:
    """Ticks on 1, 2 or 5 times a power of ten (no 2.5 steps on a count or an amount)."""
    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins="auto", steps=[1, 2, 5, 10]))


def apply_style(axes: Sequence[Axes], theme: Theme, grid_axis: GridAxis = "y") -> None:
    for ax in axes:
        style_axes(ax, theme, grid_axis)
