"""No N+1 queries: every read of the app runs as many SQL statements on a large plan as on the
demo (``PlanFile.statements`` counts what the engine executed).

The large plan is the demo with ``scale=3`` (two extra "branches": more people, weeks, tasks,
actions, expenses, channels and months of results). A view whose statement count grows with
the plan reads row by row somewhere; this file names the view and both counts.

Two levels: each service read the pages, the command line and the PDF call (with ids every
demo plan has), and each page of the main window loading on the open plan (what a user waits
for when switching to the page).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.services.demo import FACTS, build_demo
from mktplanner.store.planfile import PlanFile

TODAY = dt.date.today()  # the pages read "today" themselves: the plans are built for it
YEAR, WEEK, _ = TODAY.isocalendar()
MONTH = TODAY.replace(day=1)


@pytest.fixture(scope="module")
def plans(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, PlanFile]]:
    folder = tmp_path_factory.mktemp("counts")
    opened = {
        "demo": build_demo(folder / "demo.mktplan", "en", today=TODAY),
        "large": build_demo(folder / "large.mktplan", "en", today=TODAY, scale=3),
    }
    yield opened
    for plan in opened.values():
        plan.close()


def statements(plan: PlanFile, read: Callable[[PlanFile], Any]) -> int:
    before = plan.statements
    read(plan)
    return plan.statements - before


def _reads() -> dict[str, Callable[[PlanFile], Any]]:
    from mktplanner.report.data import gather
    from mktplanner.services import (
        budget,
        dashboard,
        exchange,
        health,
        queries,
        strategy,
        summary,
        tactics,
        views,
        weekly,
    )

    def grid(plan: PlanFile) -> Any:
        return budget.budget_grid(plan)

    return {
        # services.views: the generic pages' reads
        "views.plan_profile": views.plan_profile,
        "views.choices": views.choices,
        "views.overview": lambda p: views.overview(p, TODAY),
        "views.goal_progress": lambda p: views.goal_progress(p, TODAY),
        "views.swot_items": views.swot_items,
        "views.tows_options": views.tows_options,
        "views.goals": views.goals,
        "views.measurements": lambda p: views.measurements(p, FACTS.goal_on_track),
        "views.actions": views.actions,
        "views.weekly_plans": views.weekly_plans,
        "views.budget_settings": views.budget_settings,
        # the summary and its queries (summary --json, the Overview, the PDF)
        "queries.table_counts": queries.table_counts,
        "queries.goals": queries.goals,
        "queries.actions": queries.actions,
        "queries.weeks": queries.weeks,
        "queries.control_points": lambda p: queries.control_points(p, TODAY),
        "queries.channel_totals": queries.channel_totals,
        "queries.hypotheses": queries.hypotheses,
        "summary.summarize": lambda p: summary.summarize(p, TODAY),
        "summary.summarize(weeks_from)": lambda p: summary.summarize(
            p, TODAY, weeks_from=(YEAR, WEEK)
        ),
        "dashboard.dashboard": lambda p: dashboard.dashboard(p, TODAY),
        # strategy and goals
        "strategy.goal_rows": lambda p: strategy.goal_rows(p, TODAY),
        "strategy.goal_links": lambda p: strategy.goal_links(p, FACTS.goal_on_track),
        "strategy.goal_actions": lambda p: strategy.goal_actions(p, FACTS.goal_on_track),
        # tactics
        "tactics.period": lambda p: tactics.period(p, TODAY),
        "tactics.action_rows": lambda p: tactics.action_rows(p, TODAY),
        "tactics.month_loads": lambda p: tactics.month_loads(p, TODAY),
        "tactics.pick_list": lambda p: tactics.pick_list(p, YEAR, WEEK),
        "tactics.direction_rows": tactics.direction_rows,
        "tactics.reporting": tactics.reporting,
        # weekly
        "weekly.people": weekly.people,
        "weekly.week_view": lambda p: weekly.week_view(p, FACTS.person_unplannable, YEAR, WEEK),
        "weekly.team_week": lambda p: weekly.team_week(p, YEAR, WEEK),
        "weekly.team_history": lambda p: weekly.team_history(p, (YEAR, WEEK)),
        # budget, control, results, hypotheses
        "budget.budget_grid": grid,
        "budget.budget_grid(by action)": lambda p: budget.budget_grid(p, budget.BY_ACTION),
        "budget.expense_rows": budget.expense_rows,
        "budget.cell_expenses": lambda p: budget.cell_expenses(p, grid(p), MONTH, None),
        "budget.control_rows": lambda p: budget.control_rows(p, TODAY),
        "budget.control_checks": budget.control_checks,
        "budget.result_months": lambda p: budget.result_months(p, TODAY),
        "budget.result_rows": lambda p: budget.result_rows(p, budget.latest_result_month(p)),
        "budget.hypothesis_rows": lambda p: budget.hypothesis_rows(p, TODAY),
        "budget.hypothesis_expenses": lambda p: budget.hypothesis_expenses(
            p, FACTS.hypothesis_decided
        ),
        # the plan check and the golden thread
        "health.check": lambda p: health.check(p, TODAY),
        "health.figures": lambda p: health.figures(p, TODAY),
        "health.chain_up(task)": lambda p: health.chain_up(p, "weekly_task", 1),
        "health.chain_up(expense)": lambda p: health.chain_up(p, "expense", 1),
        "health.chain_down": lambda p: health.chain_down(p, FACTS.goal_on_track, TODAY),
        "health.score_trend": health.score_trend,
        # the exports
        "exchange.export_plan": exchange.export_plan,
        "report.gather": lambda p: gather(p, today=TODAY, week=(YEAR, WEEK)),
    }


READS = sorted(_reads())


@pytest.mark.parametrize("name", READS)
def test_a_service_read_runs_as_many_statements_on_a_large_plan(
    plans: dict[str, PlanFile], name: str
) -> None:
    read = _reads()[name]
    small = statements(plans["demo"], read)
    large = statements(plans["large"], read)
    assert small > 0
    assert large == small, f"{name}: {small} statements on the demo, {large} on scale 3"


# --- the pages of the main window -------------------------------------------------------------

PAGES = (
    "overview",
    "strategy",
    "goals",
    "tactics",
    "weekly",
    "budget",
    "results",
    "hypotheses",
    "check",
)


@pytest.fixture(scope="module")
def windows(plans: dict[str, PlanFile], qapp: Any) -> Iterator[dict[str, Any]]:
    """A main window on a copy of each plan (the window opens and owns its file)."""
    from mktplanner.ui import app as app_mod
    from mktplanner.ui.main_window import MainWindow

    app_mod.application()
    made: dict[str, Any] = {}
    for key, plan in plans.items():
        copy = Path(plan.path).with_name(f"window-{key}.mktplan")
        plan.save_copy(copy)
        window = MainWindow("en")
        window.resize(1280, 800)
        window.show()
        assert window.open_path(copy, page_id="hypotheses")
        qapp.processEvents()
        made[key] = window
    yield made
    for window in made.values():
        window.close()
        window.deleteLater()
    qapp.processEvents()


def _page_load(window: Any, page_id: str, qapp: Any) -> int:
    """Statements of switching to ``page_id`` with every page's data stale (as after opening)."""
    from mktplanner.ui.bus import bus
    from mktplanner.ui.widgets.chart_view import wait_for_charts

    other = "hypotheses" if page_id != "hypotheses" else "strategy"
    window.show_page(other)
    qapp.processEvents()
    wait_for_charts(30)
    bus().reset.emit()
    plan = window.doc.plan
    before = plan.statements
    window.show_page(page_id)
    qapp.processEvents()
    wait_for_charts(30)
    return int(plan.statements - before)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("page_id", PAGES)
def test_a_page_loads_with_as_many_statements_on_a_large_plan(
    windows: dict[str, Any], qapp: Any, page_id: str
) -> None:
    small = _page_load(windows["demo"], page_id, qapp)
    large = _page_load(windows["large"], page_id, qapp)
    assert small > 0, f"the {page_id} page read nothing"
    assert large == small, f"{page_id} page: {small} statements on the demo, {large} on scale 3"
