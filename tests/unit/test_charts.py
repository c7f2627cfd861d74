"""Charts: each figure is checked on what it plots (bars, lines, ticks, titles), not on pixels."""

from __future__ import annotations

import datetime as dt
import io
import warnings
from pathlib import Path

import matplotlib
import pytest
from matplotlib import dates as mdates
from matplotlib.axes import Axes
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from mktplanner.charts import (
    budget_by_month,
    cpl_romi_by_channel,
    fig_to_bytes,
    fmt,
    goal_progress,
    spend_by_channel,
    swot_counts,
    team_capacity,
    timeline,
    timeline_pages,
    to_pdf,
    to_png,
    to_svg,
    weekly_completion,
)
from mktplanner.charts.data import (
    BudgetLabels,
    BudgetMonth,
    BudgetSeries,
    ChannelAmount,
    ChannelKpi,
    ChannelKpiLabels,
    ChannelKpis,
    ChannelSpend,
    ChannelSpendLabels,
    CompletionLabels,
    GoalLabels,
    GoalPoint,
    GoalSeries,
    PersonCompletion,
    PersonShare,
    SwotCounts,
    SwotLabels,
    TeamLabels,
    TeamWeek,
    TeamWeeks,
    TimelineAction,
    TimelineData,
    TimelineLabels,
)
from mktplanner.charts.style import ACTUAL, BAD, DARK, GOOD, LATE_EDGE, PLAN, QUADRANT_COLORS

D = dt.date
NBSP = "\u00a0"
NO_DATA = "Нет данных"

# --- translated labels, as the UI would pass them ---------------------------------------

GOAL_LABELS = GoalLabels(
    title="Конверсия сайта: с 1,5 % до 3 %",
    subtitle="Прогресс {progress}",
    y_axis="Конверсия, %",
    baseline="База",
    target="Цель",
    actual="Факт",
    expected="Ожидаемая траектория",
    deadline="Срок",
    today="Сегодня",
    no_data=NO_DATA,
)
BUDGET_LABELS = BudgetLabels(
    title="Бюджет по месяцам",
    plan="План",
    actual="Факт",
    over="Перерасход",
    cumulative_plan="План нарастающим итогом",
    cumulative_actual="Факт нарастающим итогом",
    total="Бюджет",
    y_axis="В месяц",
    y2_axis="Нарастающим итогом",
    no_data=NO_DATA,
)
SPEND_LABELS = ChannelSpendLabels(title="Расходы по каналам", x_axis="Расходы", no_data=NO_DATA)
KPI_LABELS = ChannelKpiLabels(
    title="Стоимость лида и ROMI", cpl="Стоимость лида", romi="ROMI", no_data=NO_DATA
)
TEAM_LABELS = TeamLabels(
    title="Загрузка команды",
    planned="Запланировано",
    over="Сверх мощности",
    capacity="Мощность",
    y_axis="Часы",
    week_tick="Нед. {week}",
    no_data=NO_DATA,
)
COMPLETION_LABELS = CompletionLabels(
    title="Выполнение недельных планов", x_axis="Выполнено", no_data=NO_DATA
)
SWOT_LABELS = SwotLabels(
    title="SWOT",
    strengths="Сильные стороны",
    weaknesses="Слабые стороны",
    opportunities="Возможности",
    threats="Угрозы",
    internal="внутренние",
    external="внешние",
    y_axis="Пункты",
    no_data=NO_DATA,
)
TIMELINE_LABELS = TimelineLabels(
    title="Тактический план",
    late="Просрочено",
    done="Выполнено",
    today="Сегодня",
    no_dates="без дат",
    no_data=NO_DATA,
)

# --- data ------------------------------------------------------------------------------

GOAL = GoalSeries(
    baseline=1.5,
    target=3.0,
    baseline_date=D(2026, 1, 1),
    deadline=D(2026, 12, 31),
    # Out of order on purpose: the chart draws by date.
    measurements=(
        GoalPoint(D(2026, 3, 31), 2.1),
        GoalPoint(D(2026, 1, 31), 1.6),
        GoalPoint(D(2026, 2, 28), 1.9),
    ),
    today=D(2026, 4, 15),
    progress=0.4,
)
BUDGET = BudgetSeries(
    months=(
        BudgetMonth(D(2026, 2, 1), 100_000_00, 120_000_00),  # over plan
        BudgetMonth(D(2026, 1, 1), 100_000_00, 90_000_00),
        BudgetMonth(D(2026, 3, 1), 150_000_00, None),  # not started
    ),
    currency="RUB",
    total_minor=400_000_00,
)
SPEND = ChannelSpend(
    channels=(
        ChannelAmount("SEO", 60_000_00),
        ChannelAmount("Контекстная реклама", 245_000_00),
        ChannelAmount("Социальные сети: таргетированная реклама ВКонтакте", 132_500_00),
        ChannelAmount("Наружная реклама", 90_000_00, "#F28E2B"),
    ),
    currency="RUB",
)
KPIS = ChannelKpis(
    channels=(
        ChannelKpi("Контекст", 1_250_00, 0.85),
        ChannelKpi("Соцсети", 2_100_00, -0.35),
        ChannelKpi("E-mail", None, None),
    ),
    currency="RUB",
)
TEAM = TeamWeeks(
    weeks=(
        TeamWeek(2026, 10, 22.0, 26.0),
        TeamWeek(2026, 11, 31.0, 26.0),
        TeamWeek(2026, 12, 24.0, 20.8),
    )
)
COMPLETION = PersonCompletion(
    people=(PersonShare("Анна", 0.85), PersonShare("Иван", None), PersonShare("Ольга", 1.1))
)
SWOT = SwotCounts(strengths=5, weaknesses=3, opportunities=4, threats=2)


def timeline_data(count: int = 6) -> TimelineData:
    directions = [("Маркетинг", "#4E79A7"), ("Продажи", None)]
    actions = []
    for i in range(count):
        name, color = directions[i % 2]
        start = D(2026, 1, 5) + dt.timedelta(days=7 * i)
        actions.append(
            TimelineAction(f"Действие {i + 1}", start, start + dt.timedelta(days=20), name, color)
        )
    return TimelineData(actions=tuple(actions), today=D(2026, 2, 10))


# --- helpers -----------------------------------------------------------------------------


def drawn(fig: Figure) -> Figure:
    """Lay the figure out as a screen would (tick labels are only set at draw time)."""
    fig.draw_without_rendering()
    return fig


def all_texts(fig: Figure) -> list[str]:
    """Every text a reader sees: titles, tick labels, annotations, legend entries."""
    drawn(fig)
    out: list[str] = []
    if fig.get_suptitle():
        out.append(fig.get_suptitle())
    for legend in fig.legends:
        out += [t.get_text() for t in legend.get_texts()]
    out += [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [ax.get_title(loc) for loc in ("left", "center", "right") if ax.get_title(loc)]
        out += [ax.get_xlabel(), ax.get_ylabel()]
        if ax.axison:
            out += [t.get_text() for t in ax.get_xticklabels() + ax.get_yticklabels()]
        out += [t.get_text() for t in ax.texts]
    return [t for t in out if t]


def title_note(fig: Figure) -> str:
    """The plain note on the title's line, at the top right."""
    notes = [t.get_text() for t in fig.texts if t.get_gid() == "title-note"]
    assert len(notes) == 1
    return notes[0]


def xtick_texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_xticklabels()]


def ytick_texts(ax: Axes) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def bars(ax: Axes, gid: str | None = None) -> list[Rectangle]:
    return [
        p for p in ax.patches if isinstance(p, Rectangle) and (gid is None or p.get_gid() == gid)
    ]


def line(ax: Axes, label: str):  # noqa: ANN201 - a Line2D
    found = [ln for ln in ax.get_lines() if ln.get_label() == label]
    assert found, f"no line {label!r} among {[ln.get_label() for ln in ax.get_lines()]}"
    return found[0]


def hex_of(patch: Rectangle) -> str:
    return to_hex(patch.get_facecolor(), keep_alpha=False).upper()


def row_of(ax: Axes, patch: Rectangle) -> str:
    """The category label of the row a horizontal bar sits in."""
    centre = patch.get_y() + patch.get_height() / 2
    ticks = dict(zip(ax.get_yticks(), ytick_texts(ax), strict=True))
    return ticks[min(ticks, key=lambda y: abs(y - centre))]


def all_charts(locale: str = "ru", dark: bool = False) -> dict[str, Figure]:
    return {
        "goal": goal_progress(GOAL, GOAL_LABELS, locale, dark=dark),
        "budget": budget_by_month(BUDGET, BUDGET_LABELS, locale, dark=dark),
        "spend": spend_by_channel(SPEND, SPEND_LABELS, locale, dark=dark),
        "kpis": cpl_romi_by_channel(KPIS, KPI_LABELS, locale, dark=dark),
        "team": team_capacity(TEAM, TEAM_LABELS, locale, dark=dark),
        "completion": weekly_completion(COMPLETION, COMPLETION_LABELS, locale, dark=dark),
        "swot": swot_counts(SWOT, SWOT_LABELS, locale, dark=dark),
        "timeline": timeline(timeline_data(), TIMELINE_LABELS, locale, dark=dark),
    }


# --- goal progress -------------------------------------------------------------------------


def test_goal_progress_plots_levels_measurements_and_markers() -> None:
    fig = drawn(goal_progress(GOAL, GOAL_LABELS, "ru"))
    ax = fig.axes[0]
    actual = line(ax, "Факт")
    assert list(actual.get_xdata()) == [
        mdates.date2num(d) for d in (D(2026, 1, 31), D(2026, 2, 28), D(2026, 3, 31))
    ]
    assert list(actual.get_ydata()) == [1.6, 1.9, 2.1]
    assert list(line(ax, "База: 1,5").get_ydata()) == [1.5, 1.5]
    assert list(line(ax, "Цель: 3").get_ydata()) == [3.0, 3.0]
    expected = line(ax, "Ожидаемая траектория")
    assert list(expected.get_xdata()) == [
        mdates.date2num(D(2026, 1, 1)),
        mdates.date2num(D(2026, 12, 31)),
    ]
    assert list(expected.get_ydata()) == [1.5, 3.0]
    deadline = line(ax, "Срок: 31 дек.")
    assert list(deadline.get_xdata()) == [mdates.date2num(D(2026, 12, 31))] * 2
    today = line(ax, "Сегодня")
    assert list(today.get_xdata()) == [mdates.date2num(D(2026, 4, 15))] * 2

    assert fig.get_suptitle() == GOAL_LABELS.title
    assert title_note(fig) == f"Прогресс 40{NBSP}%"
    texts = all_texts(fig)
    assert "2,1" in texts  # the latest value written next to its point
    assert "янв.\n2026" in xtick_texts(ax)
    assert "1,5" in ytick_texts(ax)  # a decimal comma on the value axis
    assert {"База: 1,5", "Цель: 3", "Факт", "Сегодня"} <= set(texts)  # the legend


def test_goal_progress_in_english_and_unknown_progress() -> None:
    labels = GoalLabels(
        title="Website conversion",
        subtitle="Progress {progress}",
        baseline="Baseline",
        target="Target",
        actual="Actual",
        deadline="Deadline",
        today="Today",
        no_data="No data",
    )
    fig = drawn(goal_progress(GOAL, labels, "en"))
    ax = fig.axes[0]
    assert title_note(fig) == "Progress 40%"
    assert "Jan\n2026" in xtick_texts(ax)
    # No "expected" text: the path is not drawn.
    assert all(ln.get_label() != "" for ln in ax.get_lines())
    assert len(ax.get_lines()) == 5

    unknown = drawn(goal_progress(GoalSeries(1.5, 3.0, D(2026, 1, 1), D(2026, 6, 30)), labels))
    assert title_note(unknown) == "Progress —"


def test_goal_progress_with_measurements_only() -> None:
    series = GoalSeries(None, None, measurements=(GoalPoint(D(2026, 5, 1), 12.0),))
    fig = drawn(goal_progress(series, GOAL_LABELS, "ru"))
    assert list(line(fig.axes[0], "Факт").get_ydata()) == [12.0]


# --- budget --------------------------------------------------------------------------------


def test_budget_by_month_bars_and_cumulative_lines() -> None:
    fig = drawn(budget_by_month(BUDGET, BUDGET_LABELS, "ru"))
    ax, cum = fig.axes
    plan = bars(ax, "plan")
    actual = bars(ax, "actual")
    assert [p.get_height() for p in plan] == [100_000.0, 100_000.0, 150_000.0]
    assert [p.get_height() for p in actual] == [90_000.0, 120_000.0]  # March has none
    # Grouped: plan left of the month's centre, actual right of it.
    assert [round(p.get_x() + p.get_width() / 2, 2) for p in plan] == [-0.19, 0.81, 1.81]
    assert [round(p.get_x() + p.get_width() / 2, 2) for p in actual] == [0.19, 1.19]
    assert [hex_of(p) for p in plan] == [PLAN] * 3
    assert [hex_of(p) for p in actual] == [ACTUAL, BAD]  # February overspent
    assert xtick_texts(ax) == ["янв.\n2026", "февр.", "март"]

    assert list(line(cum, "План нарастающим итогом").get_ydata()) == [100_000, 200_000, 350_000]
    assert list(line(cum, "Факт нарастающим итогом").get_ydata()) == [90_000, 210_000]
    total = line(cum, f"Бюджет: 400{NBSP}000{NBSP}₽")
    assert list(total.get_ydata()) == [400_000.0, 400_000.0]
    assert ax.get_ylabel() == "В месяц, ₽"
    assert f"100{NBSP}тыс." in ytick_texts(ax)
    assert "Перерасход" in all_texts(fig)


def test_budget_without_actuals_has_no_actual_line() -> None:
    data = BudgetSeries((BudgetMonth(D(2026, 1, 1), 5_000_00),), "RUB")
    fig = drawn(budget_by_month(data, BUDGET_LABELS, "ru"))
    ax, cum = fig.axes
    assert bars(ax, "actual") == []
    assert [ln.get_label() for ln in cum.get_lines()] == ["План нарастающим итогом"]
    assert "Перерасход" not in all_texts(fig)


# --- channels ------------------------------------------------------------------------------


def test_spend_by_channel_sorted_largest_first() -> None:
    fig = drawn(spend_by_channel(SPEND, SPEND_LABELS, "ru"))
    ax = fig.axes[0]
    rows = {row_of(ax, p): p.get_width() for p in bars(ax)}
    assert ytick_texts(ax) == [
        "Контекстная реклама",
        "Социальные сети: таргетиров…",  # shortened, full name too long for the axis
        "Наружная реклама",
        "SEO",
    ]
    assert rows == {
        "Контекстная реклама": 245_000.0,
        "Социальные сети: таргетиров…": 132_500.0,
        "Наружная реклама": 90_000.0,
        "SEO": 60_000.0,
    }
    assert hex_of(bars(ax)[2]) == "#F28E2B"  # the channel's own colour
    assert f"245{NBSP}000{NBSP}₽" in [t.get_text() for t in ax.texts]
    assert ax.get_xlabel() == "Расходы, ₽"


def test_cpl_romi_panels_with_gaps_for_missing_values() -> None:
    fig = drawn(cpl_romi_by_channel(KPIS, KPI_LABELS, "ru"))
    cpl, romi = fig.axes
    assert ytick_texts(cpl) == ["Контекст", "Соцсети", "E-mail"]
    assert {row_of(cpl, p): p.get_width() for p in bars(cpl)} == {
        "Контекст": 1_250.0,
        "Соцсети": 2_100.0,
    }
    assert {row_of(cpl, p): p.get_width() for p in bars(romi)} == {
        "Контекст": 0.85,
        "Соцсети": -0.35,
    }
    assert [hex_of(p) for p in bars(romi)] == [GOOD, BAD]
    assert any(list(ln.get_xdata()) == [0, 0] for ln in romi.get_lines())  # the zero line
    assert [t.get_text() for t in cpl.texts] == [f"1{NBSP}250{NBSP}₽", f"2{NBSP}100{NBSP}₽", "—"]
    assert [t.get_text() for t in romi.texts] == [f"85{NBSP}%", f"-35{NBSP}%", "—"]
    assert cpl.get_title("left") == "Стоимость лида, ₽"
    assert romi.get_title("left") == "ROMI"
    assert fig.get_suptitle() == KPI_LABELS.title


# --- team ----------------------------------------------------------------------------------


def test_team_capacity_bars_step_line_and_over_capacity() -> None:
    fig = drawn(team_capacity(TEAM, TEAM_LABELS, "ru"))
    ax = fig.axes[0]
    assert [p.get_height() for p in bars(ax)] == [22.0, 31.0, 24.0]
    assert [hex_of(p) for p in bars(ax)] == [ACTUAL, BAD, BAD]
    cap = line(ax, "Мощность")
    assert list(cap.get_xdata()) == [-0.5, 0.5, 1.5, 2.5]
    assert list(cap.get_ydata()) == [26.0, 26.0, 20.8, 20.8]
    assert cap.get_drawstyle() == "steps-post"
    assert xtick_texts(ax) == ["Нед. 10", "Нед. 11", "Нед. 12"]
    assert {"Запланировано", "Сверх мощности", "Мощность"} <= set(all_texts(fig))


def test_weekly_completion_bars_on_a_percent_scale() -> None:
    fig = drawn(weekly_completion(COMPLETION, COMPLETION_LABELS, "ru"))
    ax = fig.axes[0]
    assert ytick_texts(ax) == ["Анна", "Иван", "Ольга"]
    values = {row_of(ax, p): p.get_width() for p in bars(ax, "value")}
    assert values == {"Анна": 0.85, "Ольга": 1.0}  # 110 % clamped to the full bar
    assert len(bars(ax, "track")) == 3
    assert [t.get_text() for t in ax.texts] == [f"85{NBSP}%", "—", f"110{NBSP}%"]
    assert xtick_texts(ax) == [f"0{NBSP}%", f"25{NBSP}%", f"50{NBSP}%", f"75{NBSP}%", f"100{NBSP}%"]


# --- SWOT ----------------------------------------------------------------------------------


def test_swot_counts_bars_in_quadrant_colours() -> None:
    fig = drawn(swot_counts(SWOT, SWOT_LABELS, "ru"))
    ax = fig.axes[0]
    assert [p.get_height() for p in bars(ax)] == [5, 3, 4, 2]
    assert [hex_of(p) for p in bars(ax)] == [QUADRANT_COLORS[q] for q in "SWOT"]
    assert xtick_texts(ax) == ["Сильные стороны", "Слабые стороны", "Возможности", "Угрозы"]
    texts = [t.get_text() for t in ax.texts]
    assert {"внутренние", "внешние"} <= set(texts)
    assert ["5", "3", "4", "2"] == [t for t in texts if t.isdigit()]


# --- timeline ------------------------------------------------------------------------------


def test_timeline_bars_span_the_action_dates() -> None:
    actions = (
        TimelineAction("Лендинг", D(2026, 1, 5), D(2026, 1, 25), "Маркетинг", "#4E79A7"),
        TimelineAction("Вебинар", D(2026, 2, 1), D(2026, 2, 10), "Продажи", late=True),
        TimelineAction("Отчёт", None, D(2026, 3, 1), "Продажи"),
        TimelineAction("Без сроков", None, None, "Маркетинг", "#4E79A7"),
        TimelineAction("Посты", D(2026, 1, 10), D(2026, 1, 12), "Маркетинг", done=True),
    )
    fig = drawn(timeline(TimelineData(actions, today=D(2026, 2, 5)), TIMELINE_LABELS, "ru"))
    ax = fig.axes[0]
    assert ytick_texts(ax) == ["Лендинг", "Вебинар", "Отчёт", "Без сроков", "Посты"]
    spans = {row_of(ax, p): (p.get_x(), p.get_width()) for p in bars(ax)}
    assert spans == {
        "Лендинг": (mdates.date2num(D(2026, 1, 5)), 21),  # start to due, both days included
        "Вебинар": (mdates.date2num(D(2026, 2, 1)), 10),
        "Посты": (mdates.date2num(D(2026, 1, 10)), 3),
    }
    by_row = {row_of(ax, p): p for p in bars(ax)}
    assert hex_of(by_row["Лендинг"]) == "#4E79A7"
    assert hex_of(by_row["Посты"]) == "#4E79A7"  # same direction, same colour
    assert hex_of(by_row["Вебинар"]) != "#4E79A7"
    assert (
        by_row["Вебинар"].get_hatch()
        and to_hex(by_row["Вебинар"].get_edgecolor()).upper() == LATE_EDGE
    )
    assert not by_row["Лендинг"].get_hatch()
    assert by_row["Посты"].get_alpha() < 1  # done: faded
    diamond = [ln for ln in ax.get_lines() if ln.get_marker() == "D"]
    assert len(diamond) == 1 and list(diamond[0].get_ydata()) == [2]
    today = line(ax, "Сегодня")
    assert list(today.get_xdata()) == [mdates.date2num(D(2026, 2, 5)) + 0.5] * 2
    texts = all_texts(fig)
    assert "без дат" in texts
    assert {"Маркетинг", "Продажи", "Просрочено", "Выполнено", "Сегодня"} <= set(texts)
    # A two-month span: Mondays every other week, in the locale's words.
    assert xtick_texts(ax) == ["12 янв.", "26 янв.", "9 февр.", "23 февр."]


def test_timeline_grows_with_rows_and_splits_into_pages() -> None:
    small = timeline(timeline_data(10), TIMELINE_LABELS, "ru")
    big = timeline(timeline_data(45), TIMELINE_LABELS, "ru")
    assert big.get_figheight() > small.get_figheight() * 2.5
    assert len(bars(big.axes[0])) == 45

    pages = timeline_pages(timeline_data(45), 20)
    assert [len(p.actions) for p in pages] == [20, 20, 5]
    assert len({p.span for p in pages}) == 1  # one date range on every page
    assert [a.title for p in pages for a in p.actions] == [
        a.title for a in timeline_data(45).actions
    ]
    first, last = (drawn(timeline(p, TIMELINE_LABELS, "ru")).axes[0] for p in (pages[0], pages[-1]))
    assert first.get_xlim() == last.get_xlim()
    assert timeline_pages(TimelineData(()), 20) == [TimelineData(())]
    with pytest.raises(ValueError):
        timeline_pages(timeline_data(3), 0)


# --- every chart -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "build",
    [
        lambda: goal_progress(GoalSeries(None, None), GOAL_LABELS, "ru"),
        lambda: goal_progress(GoalSeries(1.0, 2.0), GOAL_LABELS, "ru"),  # no dates at all
        lambda: budget_by_month(BudgetSeries((), "RUB"), BUDGET_LABELS, "ru"),
        lambda: spend_by_channel(ChannelSpend((), "RUB"), SPEND_LABELS, "ru"),
        lambda: cpl_romi_by_channel(ChannelKpis((), "RUB"), KPI_LABELS, "ru"),
        lambda: team_capacity(TeamWeeks(()), TEAM_LABELS, "ru"),
        lambda: weekly_completion(PersonCompletion(()), COMPLETION_LABELS, "ru"),
        lambda: swot_counts(SwotCounts(), SWOT_LABELS, "ru"),
        lambda: timeline(TimelineData(()), TIMELINE_LABELS, "ru"),
        lambda: timeline(
            TimelineData((TimelineAction("Без дат", None, None),)), TIMELINE_LABELS, "ru"
        ),
    ],
)
def test_empty_data_gives_a_no_data_card(build) -> None:  # noqa: ANN001
    fig = build()
    texts = all_texts(fig)
    assert NO_DATA in texts
    assert fig.get_suptitle()  # the title stays, so the reader knows what is missing
    assert all(not ax.patches and not ax.get_lines() for ax in fig.axes)
    assert fig_to_bytes(fig, "png", dpi=50).startswith(b"\x89PNG")


def test_cyrillic_and_rouble_render_without_missing_glyphs(tmp_path: Path) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for name, fig in all_charts("ru").items():
            to_png(fig, tmp_path / f"{name}.png", dpi=60)
    missing = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert missing == []

    # The check can fail: a font without Cyrillic does warn.
    fig = Figure()
    fig.text(0.5, 0.5, "Сегодня", fontfamily="cmr10")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        to_png(fig, io.BytesIO(), dpi=30)
    assert any("missing from font" in str(w.message) for w in caught)


def test_rendering_to_files_and_bytes(tmp_path: Path) -> None:
    fig = goal_progress(GOAL, GOAL_LABELS, "ru")
    canvas = fig.canvas
    png = tmp_path / "goal.png"
    to_png(fig, png, dpi=100)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (round(fig.get_figwidth() * 100), round(fig.get_figheight() * 100))

    svg = tmp_path / "goal.svg"
    to_svg(fig, svg)
    text = svg.read_text(encoding="utf-8")
    assert GOAL_LABELS.title in text  # text stays text
    assert "Сегодня" in text

    pdf = tmp_path / "goal.pdf"
    to_pdf(fig, pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    assert fig_to_bytes(fig, "svg").startswith(b"<?xml")
    buffer = io.BytesIO()
    to_png(fig, buffer, dpi=50)
    assert buffer.getvalue().startswith(b"\x89PNG")
    assert fig.canvas is canvas  # saving did not swap the figure's own canvas


def test_charts_leave_global_matplotlib_settings_alone() -> None:
    before = dict(matplotlib.rcParams)
    figs = all_charts("ru", dark=True)
    fig_to_bytes(figs["budget"], "png", dpi=40)
    fig_to_bytes(figs["budget"], "svg")
    assert dict(matplotlib.rcParams) == before


def test_dark_theme_survives_drawing_after_the_chart_was_built() -> None:
    fig = team_capacity(TEAM, TEAM_LABELS, "ru", dark=True)
    drawn(fig)  # outside the chart's style context, as the app's canvas draws it
    ax = fig.axes[0]
    assert to_hex(fig.get_facecolor()).upper() == DARK.figure_face
    assert {to_hex(t.get_color()).upper() for t in ax.get_xticklabels()} == {DARK.muted}
    assert {to_hex(t.get_color()).upper() for t in ax.get_yticklabels()} == {DARK.muted}
    assert to_hex(fig._suptitle.get_color()).upper() == DARK.text


def test_size_and_dpi_are_the_callers() -> None:
    fig = spend_by_channel(SPEND, SPEND_LABELS, "ru", width_in=5.0, height_in=2.5, dpi=150)
    assert (fig.get_figwidth(), fig.get_figheight(), fig.get_dpi()) == (5.0, 2.5, 150)


# --- formatting helpers ------------------------------------------------------------------------


def test_locale_formatting_helpers() -> None:
    assert fmt.money(12_500_050, "RUB", "ru") == f"125{NBSP}000{NBSP}₽"
    assert fmt.money(12_500_050, "RUB", "ru", cents=True) == f"125{NBSP}000,50{NBSP}₽"
    assert fmt.money(12_500_000, "USD", "en") == "$125,000"
    assert fmt.money(None, "RUB", "ru") == "—"
    assert fmt.money_compact(1_234_500, "RUB", "ru") == f"12,3{NBSP}тыс.{NBSP}₽"
    assert fmt.money_compact(1_234_500, "USD", "en") == "$12.3K"
    assert fmt.compact(1_200_000, "ru") == f"1,2{NBSP}млн"
    assert fmt.compact(12_345, "en") == "12.3K"
    assert fmt.percent(0.434, "ru") == f"43{NBSP}%"
    assert fmt.percent(0.434, "en") == "43%"
    assert fmt.percent(None, "en") == "—"
    assert fmt.number(1234.56, "ru") == f"1{NBSP}234,6"
    assert fmt.month(D(2026, 1, 5), "ru") == "янв. 2026"
    assert fmt.month(D(2026, 1, 5), "en") == "Jan 2026"
    assert fmt.day(D(2026, 5, 1), "ru") == "1 мая"
    assert fmt.fill("Прогресс {progress} {x}", progress="43 %") == "Прогресс 43 % {x}"


def test_a_direction_keeps_its_colour_across_pages() -> None:
    actions = (
        TimelineAction("a1", D(2026, 1, 5), D(2026, 1, 9), "Продажи"),
        TimelineAction("m1", D(2026, 1, 5), D(2026, 1, 9), "Маркетинг", "#4E79A7"),
        TimelineAction("f1", D(2026, 1, 5), D(2026, 1, 9), "Финансы"),
        TimelineAction("f2", D(2026, 2, 5), D(2026, 2, 9), "Финансы"),  # alone on page 2
    )
    pages = timeline_pages(TimelineData(actions), 3)
    colours = [
        {row_of(ax, p): hex_of(p) for p in bars(ax)}
        for ax in (drawn(timeline(page, TIMELINE_LABELS, "ru")).axes[0] for page in pages)
    ]
    assert colours[1]["f2"] == colours[0]["f1"]
    # Directions without a colour of their own get palette colours nobody else uses.
    assert len({colours[0]["a1"], colours[0]["m1"], colours[0]["f1"]}) == 3


def test_user_text_with_dollar_signs_is_shown_literally(tmp_path: Path) -> None:
    """A channel called "$5 and $10 ads" must not be typeset as TeX maths (or fail to render)."""
    data = ChannelSpend((ChannelAmount("$5 and $10_ads", 1200_00),), "USD")
    labels = ChannelSpendLabels(title="Spend: $ per channel", x_axis="Spend", no_data="No data")
    fig = spend_by_channel(data, labels, "en")
    to_svg(fig, tmp_path / "c.svg")  # draws every text; maths parsing would raise or mangle it
    texts = [t for ax in fig.axes for t in ax.texts + ax.get_yticklabels()]
    assert any(t.get_text() == "$5 and $10_ads" for t in texts)
    assert all(not t._parse_math for t in texts)  # noqa: SLF001 - the flag matplotlib consults
