"""One undo stack for every page: an insert, an update and a delete made on one page are undone
and redone from the Edit menu, and the other pages follow without reloading the plan."""

from __future__ import annotations

from typing import Any

import pytest
from gui.helpers import cells, find_row
from PySide6.QtCore import Qt

pytestmark = pytest.mark.timeout(60)


def test_update_on_goals_page_undo_redo_shows_on_overview(opened: Any) -> None:
    goals = opened.pages["goals"]
    opened.show_page("goals")
    model = goals.goals.model
    row = find_row(model, "title", "Raise the average check")
    col = model.column_of("title")
    assert model.setData(model.index(row, col), "Raise the average bill", Qt.ItemDataRole.EditRole)
    assert opened.act_undo.isEnabled()
    assert opened.act_undo.text() == "&Undo: edit goal"

    opened.show_page("overview")
    overview = opened.pages["overview"]
    assert "Raise the average bill" in cells(overview.goals.model, "title")

    opened.act_undo.trigger()
    assert "Raise the average check" in cells(overview.goals.model, "title")
    opened.show_page("goals")
    assert "Raise the average check" in cells(model, "title")

    opened.act_redo.trigger()
    assert "Raise the average bill" in cells(model, "title")
    assert opened.save_state.text() == "Saved"


def test_insert_on_strategy_page_undo_redo(opened: Any) -> None:
    page = opened.pages["strategy"]
    opened.show_page("strategy")
    before = page.board.count()
    assert page.board.request_add("S", "New strength")
    assert page.board.count() == before + 1
    new_id = page.board.items("S")[-1]["id"]
    assert opened.act_undo.text() == "&Undo: add SWOT item"

    opened.show_page("check")  # undo from another page
    opened.act_undo.trigger()
    opened.show_page("strategy")
    assert page.board.count() == before

    opened.act_redo.trigger()
    assert page.board.count() == before + 1
    assert page.board.quadrant_of(new_id) == "S"  # the same row, same id


def test_delete_on_tactics_page_undo_restores_everywhere(opened: Any) -> None:
    tactics = opened.pages["tactics"]
    opened.show_page("tactics")
    model = tactics.action_table.model
    row = find_row(model, "title", "Seasonal drinks menu")
    action_id = model.rows[row]["id"]
    tactics.action_table.view.selectRow(row)
    assert tactics.action_table.delete_selected()
    assert "Seasonal drinks menu" not in cells(model, "title")
    assert opened.act_undo.text() == "&Undo: delete action"

    opened.show_page("overview")
    overview = opened.pages["overview"]
    assert overview.card_actions.value.text() == "13"
    opened.act_undo.trigger()
    assert overview.card_actions.value.text() == "14"
    opened.show_page("tactics")
    assert model.row_of_id(action_id) >= 0

    opened.act_redo.trigger()
    assert model.row_of_id(action_id) < 0


def test_refused_edit_leaves_stack_untouched(opened: Any, dialogs: Any) -> None:
    goals = opened.pages["goals"]
    opened.show_page("goals")
    model = goals.goals.model
    col = model.column_of("title")
    assert not model.setData(model.index(0, col), "", Qt.ItemDataRole.EditRole)
    # The reason is said above the list (no dialog in the middle of editing).
    assert "please fill this in" in goals._notices["goal"].text()
    assert not dialogs.messages
    assert not opened.act_undo.isEnabled()
    assert opened.doc.stack.count() == 0


def test_failed_redo_keeps_stack_consistent(
    opened: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mktplanner.services import edits
    from mktplanner.store.errors import PlanFileError

    goals = opened.pages["goals"]
    opened.show_page("goals")
    model = goals.goals.model
    col = model.column_of("title")
    assert model.setData(model.index(0, col), "First", Qt.ItemDataRole.EditRole)
    opened.act_undo.trigger()
    title = cells(model, "title")[0]
    assert opened.doc.stack.index() == 0

    real_run = edits.run

    def full(plan: Any, edit: Any) -> Any:
        raise PlanFileError("disk_full", plan.path)

    monkeypatch.setattr(edits, "run", full)
    opened.act_redo.trigger()
    assert "The disk is full" in dialogs.texts()[-1]
    # Nothing was written, and the stack still says the edit is undone: redo is offered again.
    assert opened.doc.stack.index() == 0
    assert opened.act_redo.isEnabled()
    assert cells(model, "title")[0] == title

    monkeypatch.setattr(edits, "run", real_run)
    opened.act_redo.trigger()
    assert cells(model, "title")[0] == "First"
    assert opened.doc.stack.index() == 1
