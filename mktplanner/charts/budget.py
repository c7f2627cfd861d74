"""The budget month by month: plan against actual, and where the year is heading."""

from __future__ import annotations

from itertools import accumulate

from matplotlib.artist import Artist
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from mktplanner.charts import fmt
from mktplanner.charts._base import (
    apply_style,
    chart,
    legend,
    money_formatter,
    month_ticks,
    nice_ticks,
    no_data,
    set_title,
    with_unit,
)
from mktplanner.charts.data import BudgetLabels, BudgetSeries
from mktplanner.charts.style import ACTUAL, BAD, PLAN, TARGET, style_twin

BAR_WIDTH = 0.38


def budget_by_month(
    data: BudgetSeries,
    labels: BudgetLabels,
    locale: str = "en",
    *,
    dark: bool = False,
    width_in: float | None = None,
    height_in: float | None = None,
    dpi: float = 100,
) -> Figure:
    """Grouped bars (plan, actual) per month; cumulative plan and actual on a right-hand axis.

    An actual bar above its month's plan is drawn in the "over" colour (with its own legend
    entry). The cumulative actual line stops at the last month that has an actual; a
    ``total_minor`` (a bottom-up budget) is a dashed level on the cumulative axis.
    """
    months = sorted(data.months, key=lambda m: m.month)
    with chart(dark, width_in, height_in, dpi, default_height=3.8) as (fig, theme):
        if not months:
            return no_data(fig, theme, labels.title, labels.no_data)
        cur = data.currency
        xs = list(range(len(months)))
        plan = [fmt.major(m.plan_minor, cur) for m in months]
        actual = [
            None if m.actual_minor is None else fmt.major(m.actual_minor, cur) for m in months
        ]
        last_actual = max((i for i, a in enumerate(actual) if a is not None), default=-1)

        ax = fig.add_subplot()
        apply_style([ax], theme)
        plan_bars = ax.bar(
            [x - BAR_WIDTH / 2 for x in xs], plan, BAR_WIDTH, color=PLAN, label=labels.plan
        )
        shown = [(x, a) for x, a in zip(xs, actual, strict=True) if a is not None]
        over = [a > plan[x] for x, a in shown]
        actual_bars = ax.bar(
            [x + BAR_WIDTH / 2 for x, _ in shown],
            [a for _, a in shown],
            BAR_WIDTH,
            color=[BAD if o else ACTUAL for o in over],
            label=labels.actual,
        )
        for patch in plan_bars:
            patch.set_gid("plan")
        for patch in actual_bars:
            patch.set_gid("actual")
        ax.set_xlim(-0.6, len(months) - 0.4)
        month_ticks(ax, [m.month for m in months], locale)
        nice_ticks(ax, "y")
        ax.yaxis.set_major_formatter(money_formatter(locale))
        symbol = fmt.currency_symbol(cur, locale)
        ax.set_ylabel(with_unit(labels.y_axis, symbol))

        cum = ax.twinx()
        style_twin(cum, theme)
        plan_cum = list(accumulate(plan))
        (plan_line,) = cum.plot(
            xs,
            plan_cum,
            color=theme.muted,
            linestyle="--",
            linewidth=1.6,
            marker="o",
            markersize=3,
            label=labels.cumulative_plan,
        )
        handles: list[Artist] = [Patch(color=PLAN), Patch(color=ACTUAL)]
        names = [labels.plan, labels.actual]
        if any(over):
            handles.append(Patch(color=BAD))
            names.append(labels.over)
        handles.append(plan_line)
        names.append(labels.cumulative_plan)
        if last_actual >= 0:
            actual_cum = list(accumulate(a or 0.0 for a in actual[: last_actual + 1]))
            (actual_line,) = cum.plot(
                xs[: last_actual + 1],
                actual_cum,
                color=ACTUAL,
                linewidth=2.0,
                marker="o",
                markersize=3.5,
                label=labels.cumulative_actual,
            )
            handles.append(actual_line)
            names.append(labels.cumulative_actual)
        if data.total_minor is not None:
            total = fmt.major(data.total_minor, cur)
            total_name = f"{labels.total}: {fmt.money(data.total_minor, cur, locale)}"
            total_line = cum.axhline(
                total, color=TARGET, linestyle=(0, (5, 3)), linewidth=1.3, label=total_name
            )
            handles.append(total_line)
            names.append(total_name)
        # Head room above the tallest bar and the highest point of the lines.
        bar_top = max(plan + [a for a in actual if a is not None] + [0.0])
        ax.set_ylim(0, (bar_top or 1.0) * 1.12)
        line_top = max(cum.get_ylim()[1], 0.0)
        cum.set_ylim(0, (line_top or 1.0) * 1.06)
        nice_ticks(cum, "y")
        cum.yaxis.set_major_formatter(money_formatter(locale))
        cum.set_ylabel(with_unit(labels.y2_axis, symbol))
        set_title(ax, fig, labels.title)
        legend(fig, handles, names)
        return fig
