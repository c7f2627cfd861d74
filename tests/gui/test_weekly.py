"""The weekly plans page on the demo: the week editor (capacity bar, metrics, tasks, pick list,
blank rows, keyboard), the week's life cycle with its confirmations and refusals, 'prepare
next week', 'suggest targets', the team view, and undo of each step."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from gui.helpers import cells, find_row
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from mktplanner.domain.rules.dates import iso_week_of, shift_iso_week
from mktplanner.ui.widgets.capacity_bar import LEVEL_COLORS
from mktplanner.ui.widgets.pick_combo import PickCombo

pytestmark = pytest.mark.timeout(60)

ANNA, IGOR, MARIA = 1, 2, 3


def _week(offset: int = 0) -> tuple[int, int]:
    """The demo's weeks: -2 and -1 closed, 0 (this week) approved, +1 a draft."""
    now = iso_week_of(dt.date.today())
    return tuple(shift_iso_week(now.year, now.week, offset))  # type: ignore[return-value]


def _editor(window: Any, person: int, offset: int = 0) -> Any:
    window.show_page("weekly")
    page = window.pages["weekly"]
    page.open_week(person, *_week(offset))
    return page


def _set(model: Any, row: int, key: str, value: Any) -> bool:
    index = model.index(row, model.column_of(key))
    if model.columns[index.column()].kind == "bool":
        state = Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        return bool(model.setData(index, state, Qt.ItemDataRole.CheckStateRole))
    return bool(model.setData(index, value, Qt.ItemDataRole.EditRole))


def _task_row(page: Any, text: str) -> int:
    return find_row(page.tasks.model, "description", text)


def _real_tasks(page: Any) -> list[str]:
    return [
        t
        for t, r in zip(cells(page.tasks.model, "description"), page.tasks.model.rows, strict=True)
        if r.get("id") is not None
    ]


# --- the editor -----------------------------------------------------------------------------


def test_editor_shows_the_over_capacity_week_in_red_with_the_numbers(opened: Any) -> None:
    page = _editor(opened, IGOR)
    assert page.person_combo.currentText() == "Igor Peters"
    assert page.state_chip.text() == "Approved"
    assert "by Anna Smith" in page.state_text.text()
    headline = page.capacity.headline.text()
    assert headline == "19.0 h planned of 15.6 h capacity (122%)"
    assert page.capacity.level == "red"
    detail = page.capacity.detail.text()
    assert "40 h × (1 − 40%) × 65% = 15.6 h" in detail
    assert "Over by 3.4 h" in detail
    assert "68% of the planned hours serve a goal" in detail
    assert cells(page.metrics.model, "name") == ["Corporate orders", "Average check"]
    assert page.step_buttons["close"].isVisible()
    assert not page.step_buttons["submit"].isVisible()


def test_capacity_bar_turns_amber_near_and_red_over_the_limit(opened: Any) -> None:
    page = _editor(opened, ANNA)  # capacity 26 h, 16.5 h planned this week
    assert page.capacity.level == "ok"
    assert page.add_task()
    row = _task_row(page, "New task")  # 1 h
    for hours, level in ((8.0, "amber"), (10.5, "red"), (13.5, "red")):
        assert _set(page.tasks.model, row, "est_hours", hours)
        planned = 16.5 + hours
        assert page.capacity.headline.text().startswith(f"{planned:.1f} h planned of 26.0 h")
        assert page.capacity.level == level, planned
        assert page.capacity.color() == LEVEL_COLORS[level][0]


def test_navigation_between_weeks_and_people(opened: Any) -> None:
    page = _editor(opened, MARIA)
    this_week = page.nav.label.text()
    page.nav.next_button.click()
    assert page.week == _week(1)
    assert page.state_chip.text() == "Draft"
    page.nav.prev_button.click()
    page.nav.prev_button.click()
    assert page.week == _week(-1)
    assert page.state_chip.text() == "Closed"
    page.nav.go_date(dt.date.today())
    assert page.nav.label.text() == this_week
    page.nav.step(5)  # a week with no plan yet
    assert page.editor_stack.currentIndex() == 1  # 'no plan yet'
    assert "Maria Cooper has no plan for" in page.no_plan_text.text()
    assert page.state_chip.text() == "No plan"
    page.person_combo.setCurrentIndex(page.person_combo.findText("Anna Smith"))
    page.person_combo.activated.emit(page.person_combo.currentIndex())
    assert page.person_id == ANNA


def test_create_an_empty_week_and_undo(opened: Any) -> None:
    page = _editor(opened, MARIA, 5)
    assert page.create_button.isVisible() and not page.from_previous_button.isVisible()
    page.create_button.click()
    assert page.editor_stack.currentIndex() == 0
    assert page.state_chip.text() == "Draft"
    assert _real_tasks(page) == []
    opened.act_undo.trigger()
    assert page.editor_stack.currentIndex() == 1  # 'no plan yet'


def test_action_pick_list_is_searchable_and_has_this_weeks_occurrence(
    opened: Any, qtbot: Any
) -> None:
    page = _editor(opened, MARIA)
    row = _task_row(page, "Team stand-up")
    col = page.tasks.model.column_of("action")
    index = page.tasks.model.index(row, col)
    page.tasks.view.setCurrentIndex(index)
    page.tasks.view.edit(index)
    combo = page.tasks.view.indexWidget(index)
    assert isinstance(combo, PickCombo)
    labels = [combo.itemText(i) for i in range(combo.count())]
    posts = [label for label in labels if label.startswith("Weekly social media posts · ")]
    assert len(posts) == 1  # the occurrence inside this week
    assert combo.completer().filterMode() == Qt.MatchFlag.MatchContains
    combo.setEditText(posts[0])
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.wait(20)  # the delegate commits on the next turn of the event loop
    row = _task_row(page, "Team stand-up")
    assert cells(page.tasks.model, "action")[row] == posts[0]
    assert opened.act_undo.text() == "&Undo: edit weekly task"


def test_opening_the_action_of_a_task_keeps_its_link(opened: Any, qtbot: Any) -> None:
    page = _editor(opened, ANNA)
    row = _task_row(page, "↪ Upload the menu to the aggregator")
    linked = cells(page.tasks.model, "action")[row]
    assert linked == "Join a delivery aggregator"  # late: not running this week any more
    index = page.tasks.model.index(row, page.tasks.model.column_of("action"))
    page.tasks.view.setCurrentIndex(index)
    page.tasks.view.edit(index)
    combo = page.tasks.view.indexWidget(index)
    assert isinstance(combo, PickCombo) and combo.currentText() == linked
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.wait(20)
    assert cells(page.tasks.model, "action")[row] == linked
    assert not opened.act_undo.isEnabled()  # nothing changed, nothing to undo


def test_blank_rows_take_unplanned_work(opened: Any) -> None:
    page = _editor(opened, ANNA)
    blank = [i for i, r in enumerate(page.tasks.model.rows) if r.get("id") is None]
    assert len(blank) == 2
    assert cells(page.tasks.model, "description")[blank[0]] == "Unplanned work: type it here"
    index = page.tasks.model.index(blank[0], page.tasks.model.column_of("est_hours"))
    assert not page.tasks.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    before = page.capacity.headline.text()
    assert _set(page.tasks.model, blank[0], "description", "Broken grinder: call the service")
    row = _task_row(page, "Broken grinder: call the service")
    assert cells(page.tasks.model, "task_type")[row] == "Unplanned"
    assert page.capacity.headline.text() == before  # no hours yet
    assert len([r for r in page.tasks.model.rows if r.get("id") is None]) == 2  # still free


def test_enter_adds_a_task_and_tab_walks_through_its_row(opened: Any, qtbot: Any) -> None:
    page = _editor(opened, ANNA)
    view = page.tasks.view
    before = len(_real_tasks(page))
    view.setFocus()
    view.setCurrentIndex(page.tasks.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert len(_real_tasks(page)) == before + 1
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit) and editor.text() == "New task"
    editor.setText("Call the printer")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.wait(20)
    assert "Call the printer" in _real_tasks(page)
    assert view.currentIndex().column() == page.tasks.model.column_of("end_product")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Proof approved by e-mail")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.wait(20)
    row = _task_row(page, "Call the printer")
    assert cells(page.tasks.model, "end_product")[row] == "Proof approved by e-mail"
    assert view.currentIndex().column() == page.tasks.model.column_of("action")


# --- refusals ---------------------------------------------------------------------------------


def test_hours_outside_the_week_or_over_the_persons_hours_are_refused(
    opened: Any, dialogs: Any
) -> None:
    page = _editor(opened, MARIA)  # 30 h a week
    row = _task_row(page, "Team stand-up")
    assert not _set(page.tasks.model, row, "est_hours", 31.0)
    assert "more than the person's 30.0 hours a week" in dialogs.texts()[-1]
    assert not _set(page.tasks.model, row, "est_hours", 200.0)
    assert "between 0.0 and 168.0" in dialogs.texts()[-1]
    assert cells(page.tasks.model, "est_hours")[row] == "1.5"


def test_actuals_are_refused_in_a_draft_week(opened: Any, dialogs: Any) -> None:
    page = _editor(opened, MARIA, 1)
    assert page.state_chip.text() == "Draft"
    row = _task_row(page, "Team stand-up")
    assert not _set(page.tasks.model, row, "actual_hours", 1.0)
    assert "once the plan is approved" in dialogs.texts()[-1]
    assert not _set(page.tasks.model, row, "done", True)
    assert cells(page.tasks.model, "actual_hours")[row] == "—"


def test_a_closed_week_refuses_edits_until_reopened(opened: Any, dialogs: Any) -> None:
    page = _editor(opened, ANNA, -1)
    assert page.state_chip.text() == "Closed"
    assert "reopen the week to change it" in page.state_text.text()
    row = _task_row(page, "Team stand-up")
    assert not _set(page.tasks.model, row, "description", "Stand-up (long)")
    assert "This week is closed" in dialogs.texts()[-1]
    assert not [r for r in page.tasks.model.rows if r.get("id") is None]  # no blank rows
    assert not page.tasks.section.add_button.isVisible()
    assert page.step_buttons["reopen"].isVisible()
    assert page.take_step("reopen")
    assert page.state_chip.text() == "Approved"
    assert opened.act_undo.text() == "&Undo: reopen the week"
    assert _set(page.tasks.model, row, "description", "Stand-up (long)")
    opened.act_undo.trigger()
    opened.act_undo.trigger()
    assert page.state_chip.text() == "Closed"
    assert "Team stand-up" in _real_tasks(page)


# --- the life cycle ---------------------------------------------------------------------------


def test_submit_approve_and_close_a_week(opened: Any, dialogs: Any) -> None:
    page = _editor(opened, MARIA, 1)  # a draft within capacity, every task with an end product
    assert page.take_step("submit")
    assert page.state_chip.text() == "Submitted"
    assert "waiting for Anna Smith to approve" in page.state_text.text()
    assert dialogs.messages == []  # nothing to confirm
    assert page.take_step("approve")
    assert page.state_chip.text() == "Approved"
    assert "by Anna Smith" in page.state_text.text()
    assert not page.take_step("close")
    refusal = dialogs.messages[-1]
    assert refusal["text"] == "The week cannot be closed yet."
    assert "5 tasks have no actual hours" in refusal["informative"]
    assert "2 target metrics have no actual value" in refusal["informative"]
    model = page.tasks.model
    for row, r in enumerate(model.rows):
        if r.get("id") is not None:
            assert _set(model, row, "actual_hours", 1.0)
    assert _set(page.metrics.model, 0, "actual", 3.0)
    assert _set(page.metrics.model, 1, "not_measured", True)  # an explicit 'not measured'
    assert cells(page.metrics.model, "attainment")[0] == "100%"
    assert page.take_step("close")
    assert page.state_chip.text() == "Closed"
    opened.act_undo.trigger()
    assert page.state_chip.text() == "Approved"


def test_submitting_over_capacity_and_without_end_product_asks_first(
    opened: Any, dialogs: Any
) -> None:
    page = _editor(opened, IGOR, 1)  # a draft of 12 h; capacity 15.6 h
    assert page.add_task()
    row = _task_row(page, "New task")
    assert _set(page.tasks.model, row, "est_hours", 5.0)
    assert cells(page.tasks.model, "end_product")[row] == "what comes out? (missing)"
    assert not page.take_step("submit")  # the recorder answers "ok": not confirmed
    question = dialogs.messages[-1]
    assert question["kind"] == "question" and question["extra"] == ["go"]
    assert "17.0 h are planned, more than the capacity of 15.6 h." in question["informative"]
    assert "2 tasks name no end product." in question["informative"]  # and the unplanned one
    assert page.state_chip.text() == "Draft"
    dialogs.answers.append("go")
    assert page.take_step("submit")
    assert page.state_chip.text() == "Submitted"
    assert page.take_step("return")
    assert page.state_chip.text() == "Draft"


# --- prepare and suggest -------------------------------------------------------------------------


def test_prepare_next_week_copies_regular_and_carries_unfinished(opened: Any) -> None:
    page = _editor(opened, IGOR, 1)  # the draft of next week
    assert page.prepare_button.isVisible()
    assert page.prepare_next_week()
    assert page.week == _week(2)
    assert page.state_chip.text() == "Draft"
    tasks = _real_tasks(page)
    regular = [t for t, r in zip(cells(page.tasks.model, "task_type"), page.tasks.model.rows,
                                 strict=True) if r.get("id") and t == "Regular"]  # fmt: skip
    assert len(regular) == 2
    carried = [t for t in tasks if t.startswith("↪ ")]
    assert len(carried) == 3  # nothing was done yet: every other task moves on
    assert opened.statusBar().currentMessage() == (
        "Next week prepared: 2 regular, 3 carried over, 2 target metrics."
    )
    assert opened.act_undo.text() == "&Undo: prepare next week"
    opened.act_undo.trigger()
    assert page.editor_stack.currentIndex() == 1  # 'no plan yet'
    assert page.from_previous_button.isVisible()
    assert page.prepare_from_previous()
    assert len(_real_tasks(page)) == 5


def test_suggest_targets_raises_the_bar_by_one_percent(opened: Any) -> None:
    page = _editor(opened, ANNA)
    assert cells(page.metrics.model, "planned") == ["2,020.00", "20"]
    page.suggest_button.click()
    # Last week: revenue 1,998 -> 2,017.98; new members 41 -> 41.41, a count rounds up to 42.
    assert cells(page.metrics.model, "planned") == ["2,017.98", "42"]
    assert opened.act_undo.text() == "&Undo: suggest targets"
    opened.act_undo.trigger()
    assert cells(page.metrics.model, "planned") == ["2,020.00", "20"]


# --- the team -----------------------------------------------------------------------------------


def test_team_view_of_this_week_and_the_weeks_around(opened: Any) -> None:
    page = _editor(opened, ANNA)
    page.tabs.setCurrentIndex(1)
    team = page.team
    names = cells(team.week_model, "name")
    assert names == ["Anna Smith", "Igor Peters", "Maria Cooper"]
    igor = names.index("Igor Peters")
    assert cells(team.week_model, "state")[igor] == "Approved"
    assert cells(team.week_model, "planned_hours")[igor] == "19.0"
    assert cells(team.week_model, "capacity")[igor] == "15.6"
    assert cells(team.week_model, "load")[igor] == "122%"
    assert cells(team.week_model, "done_share")[igor] == "0% (0 of 7)"
    assert cells(team.week_model, "linked_share")[igor] == "68%"
    last = team.history_model.columns[-1].key
    assert cells(team.history_model, last) == ["50%", "77%", "69%"]  # next week's drafts
    team.nav.prev_button.click()  # last week: closed, with results
    assert page.week == _week(-1)
    assert cells(team.week_model, "state") == ["Closed", "Closed", "Closed"]
    assert cells(team.week_model, "attainment") == ["162%", "100%", "106%"]
    assert cells(team.week_model, "done_share")[0] == "83% (5 of 6)"
    team.figure.setCurrentIndex(team.figure.findData("attainment"))
    week_key = team.history_model.columns[-2].key  # the grid runs to the week after
    assert cells(team.history_model, week_key) == ["162%", "100%", "106%"]
    team.open_week.emit(IGOR, *_week(-1))
    assert page.tabs.currentIndex() == 0
    assert page.person_combo.currentText() == "Igor Peters"
    assert page.state_chip.text() == "Closed"


def test_people_tab_edits_hours_and_the_capacity_follows(opened: Any) -> None:
    page = _editor(opened, IGOR)
    page.tabs.setCurrentIndex(2)
    model = page.people.model
    assert "40 % for a barista who takes the inbound calls" in page.people.section.hint.text()
    row = find_row(model, "name", "Igor Peters")
    assert _set(model, row, "unplannable_share", 0.5)
    assert cells(model, "capacity_hours")[row] == "13.0"
    page.tabs.setCurrentIndex(0)
    assert "of 13.0 h capacity" in page.capacity.headline.text()
    opened.act_undo.trigger()
    assert "of 15.6 h capacity" in page.capacity.headline.text()


def test_select_object_opens_the_week_of_a_task(opened: Any) -> None:
    page = _editor(opened, ANNA)
    task = next(r for r in page.tasks.model.rows if r.get("id") is not None)
    page.nav.step(-3)
    assert opened.show_object("weekly_task", task["id"])
    assert page.week == _week()
    assert page.tasks.view.current_row()["id"] == task["id"]


def test_enter_in_a_line_key_event(opened: Any, qtbot: Any) -> None:
    """Enter while a cell is being edited commits it and does not add a row."""
    page = _editor(opened, ANNA)
    before = len(_real_tasks(page))
    view = page.tasks.view
    index = page.tasks.model.index(0, page.tasks.model.column_of("description"))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("Stand-up with the team")
    QApplication.sendEvent(
        editor,
        QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    )
    qtbot.wait(20)
    assert len(_real_tasks(page)) == before
    assert "Stand-up with the team" in _real_tasks(page)
