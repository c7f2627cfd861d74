"""The hypotheses page on the demo: where each test stands, its result against the threshold,
its spend (expenses booked on it) against the test budget, the decision buttons (one undo step
each) and the lessons learned."""

from __future__ import annotations

import html
import re
from typing import Any

import pytest
from gui.helpers import cells, find_row

from mktplanner.services.demo import FACTS
from mktplanner.ui.models.table import ToneRole

pytestmark = pytest.mark.timeout(90)


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _page(window: Any) -> Any:
    window.show_page("hypotheses")
    return window.pages["hypotheses"]


def _select(page: Any, hypothesis_id: int) -> None:
    assert page.hypotheses.view.select_id(hypothesis_id)


def test_stages_money_and_result(opened: Any) -> None:
    page = _page(opened)
    model = page.hypotheses.model
    running = model.row_of_id(FACTS.hypothesis_running)
    decided = model.row_of_id(FACTS.hypothesis_decided)
    stage = model.column_of("state")
    assert cells(model, "state")[running] == "Running"
    assert cells(model, "state")[decided] == "Scale"
    assert model.index(decided, stage).data(ToneRole) == "good"
    _select(page, FACTS.hypothesis_running)
    assert "No result yet" in plain(page.verdict.text())
    assert plain(page.money_label.text()).startswith("Spent $100 of the $300 test budget (33")
    assert cells(page.expense_model, "amount_minor") == ["$50", "$50"]
    assert page.decision_buttons["pending"].isChecked()
    _select(page, FACTS.hypothesis_decided)
    verdict = plain(page.verdict.text())
    assert "Result 42: above the threshold 30." in verdict
    assert page.decision_buttons["scale"].isChecked()
    spent = sum(r["amount_minor"] for r in page.expense_model.rows)
    assert spent == model.rows[decided]["spent_minor"] == 130_00


def test_deciding_is_one_undo_step(opened: Any) -> None:
    page = _page(opened)
    _select(page, FACTS.hypothesis_running)
    before = opened.doc.stack.count()
    page.decision_buttons["stop"].click()
    assert opened.doc.stack.count() == before + 1
    model = page.hypotheses.model
    row = model.row_of_id(FACTS.hypothesis_running)
    assert cells(model, "state")[row] == "Stop"
    assert page.decision_buttons["stop"].isChecked()
    opened.undo()
    row = model.row_of_id(FACTS.hypothesis_running)
    assert cells(model, "state")[row] == "Running"


def test_lessons_and_threshold_are_edited_in_place(opened: Any) -> None:
    page = _page(opened)
    _select(page, FACTS.hypothesis_running)
    page.learned.setPlainText("Residents answer to ads that name their building.")
    page.learned.commit()
    model = page.hypotheses.model
    row = model.row_of_id(FACTS.hypothesis_running)
    assert model.rows[row]["learned"].startswith("Residents answer")
    assert model.setData(model.index(row, model.column_of("result")), 2.4)
    _select(page, FACTS.hypothesis_running)
    assert "Result 2.4: below the threshold 3." in plain(page.verdict.text())


def test_a_new_hypothesis_is_selected_for_editing(opened: Any) -> None:
    page = _page(opened)
    new_id = page.hypotheses.add()
    assert new_id is not None
    model = page.hypotheses.model
    row = model.row_of_id(new_id)
    assert cells(model, "title")[row] == "New hypothesis"
    assert cells(model, "state")[row] == "Running"
    _select(page, new_id)
    assert "Set a success threshold" in plain(page.verdict.text())
    assert find_row(model, "title", "New hypothesis") == row


def test_russian_stage_names(opened: Any) -> None:
    opened.set_language("ru")
    page = _page(opened)
    stages = cells(page.hypotheses.model, "state")
    assert "Идёт" in stages and "Масштабировать" in stages
