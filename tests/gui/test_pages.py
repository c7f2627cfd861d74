"""Every page shows the demo plan's data: a known value in a cell, as the user sees it."""

from __future__ import annotations

from typing import Any

import pytest
from gui.helpers import cells
from PySide6.QtWidgets import QApplication

pytestmark = pytest.mark.timeout(60)


def _show(window: Any, page_id: str) -> Any:
    window.show_page(page_id)
    page = window.pages[page_id]
    assert window.stack.currentWidget() is page
    assert page.isVisible()
    return page


def test_overview_shows_key_figures_and_goals(opened: Any) -> None:
    page = _show(opened, "overview")
    assert page.card_goals.value.text() == "3"
    assert page.card_actions.value.text() == "14"
    assert page.name.text() == "Grain Coffee House: marketing plan"
    assert "Win regular guests from the new complex" in cells(page.goals.model, "title")
    assert "Off track" in cells(page.goals.model, "track")


def test_strategy_shows_swot_and_options(opened: Any) -> None:
    page = _show(opened, "strategy")
    board = page.board
    assert board.count() == 10
    assert all(board.texts(q) for q in "SWOT")  # every quadrant has cards
    assert "Own roasting: beans never older than two weeks" in board.texts("S")
    assert "SO" in page.tows.kinds()
    assert page.mission.toPlainText().startswith("Make the neighbourhood")


def test_goals_page_shows_goals_and_measurements(opened: Any) -> None:
    page = _show(opened, "goals")
    titles = cells(page.goals.model, "title")
    assert titles[0] == "Win regular guests from the new complex"
    assert cells(page.goals.model, "owner_name")[0] == "Anna Smith"
    assert cells(page.goals.model, "progress")[0] == "60%"
    page.goals.view.selectRow(0)
    assert page.measures.model.rowCount() > 0


def test_tactics_page_marks_action_without_owner(opened: Any) -> None:
    page = _show(opened, "tactics")
    titles = cells(page.action_table.model, "title")
    row = titles.index("Leaflets for the complex's mailboxes")
    assert cells(page.action_table.model, "owner_name")[row] == "no owner"
    assert "$1,500" in cells(page.action_table.model, "budget_minor")


def test_weekly_page_shows_capacity(opened: Any) -> None:
    page = _show(opened, "weekly")
    page.open_week(2, *page.week)  # Igor, this week
    assert "of 15.6 h capacity" in page.capacity.headline.text()
    assert page.tasks.model.rowCount() > 0
    page.tabs.setCurrentIndex(2)
    assert "Maria Cooper" in cells(page.people.model, "name")
    igor = cells(page.people.model, "name").index("Igor Peters")
    assert cells(page.people.model, "capacity_hours")[igor] == "15.6"


def test_budget_page_shows_lines_expenses_controls(opened: Any) -> None:
    page = _show(opened, "budget")
    assert "Context ads" in [c.name for c in page.grid.columns]
    month = page.grid.months[0].month
    assert page.grid_model.index_of(month, "c:1").data() == "$250"
    page.tabs.setCurrentIndex(1)  # the ledger is read when its tab is shown
    QApplication.processEvents()
    assert page.expenses.model.rowCount() > 0
    assert "Monthly" in cells(page.controls.model, "cadence")
    assert page.total.text() == "800"


def test_results_page_shows_kpis(opened: Any) -> None:
    page = _show(opened, "results")
    channels = cells(page.results.model, "channel_name")
    assert "Social media" in channels
    # Outdoor has no clicks: CPC is not defined, CTR is zero; CPL is money.
    cpl = cells(page.results.model, "cpl_minor")
    assert all(v == "—" or v.startswith("$") for v in cpl)


def test_hypotheses_page_shows_decisions(opened: Any) -> None:
    page = _show(opened, "hypotheses")
    stages = cells(page.hypotheses.model, "state")  # a decided test shows its decision
    assert "Scale" in stages and "Running" in stages


def test_check_page_lists_findings(opened: Any) -> None:
    page = _show(opened, "check")
    findings = [text for _group, text, _next in page.shown_findings()]
    assert any("has no owner" in f for f in findings)
    assert "checks passed" in page.score_label.text()


def test_empty_plan_shows_friendly_sentences(window: Any, tmp_path: Any, dialogs: Any) -> None:
    from mktplanner.services.plans import new_plan

    path = tmp_path / "empty.mktplan"
    new_plan(path, name="Empty", currency="EUR", language="en").close()
    assert window.open_path(path)
    page = _show(window, "goals")
    assert page.goals.model.rowCount() == 0
    assert page.goals.view._empty.isVisible()
    assert "No goals yet" in page.goals.view._empty.text()
