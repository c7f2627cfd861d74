"""The tactical plan page: the actions table and its editors, filters, the timeline (drag,
keys, undo), recurring actions, flags, refusals in place, directions and reporting rules."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from gui.helpers import cells, find_row
from PySide6.QtCore import QDate, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QApplication, QComboBox, QDateEdit, QLineEdit

pytestmark = pytest.mark.timeout(90)

D = dt.date


def _page(window: Any, tab: int = 0) -> Any:
    window.show_page("tactics")
    page = window.pages["tactics"]
    page.tabs.setCurrentIndex(tab)
    QApplication.processEvents()
    return page


def _row(page: Any, title: str) -> dict[str, Any]:
    return next(r for r in page.rows_all if r["title"] == title)


def _id(page: Any, title: str) -> int:
    return int(_row(page, title)["id"])


def edit_cell(block: Any, row_id: int, key: str, value: Any) -> None:
    """Open the cell's editor the way a double click does, put ``value`` in it, commit."""
    view, model = block.view, block.model
    index = model.index(model.row_of_id(row_id), model.column_of(key))
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    assert editor is not None, f"no editor for {key}"
    if isinstance(editor, QComboBox):
        editor.hidePopup()
        pos = editor.findText(value)
        assert pos >= 0, (
            f"{value!r} not offered: {[editor.itemText(i) for i in range(editor.count())]}"
        )
        editor.setCurrentIndex(pos)
    elif isinstance(editor, QDateEdit):
        editor.setDate(QDate(value.year, value.month, value.day))
    elif isinstance(editor, QLineEdit):
        editor.setText(value)
    else:  # pragma: no cover - a new editor kind
        raise AssertionError(type(editor))
    view.commitData(editor)
    if view.indexWidget(index) is editor:
        view.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    QApplication.processEvents()


def drag(widget: Any, start: QPoint, end: QPoint) -> None:
    """Press, move in steps and release the left button on ``widget`` (a viewport)."""
    left = Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier

    def send(kind: QEvent.Type, pos: QPoint, buttons: Any) -> None:
        local = QPointF(pos)
        event = QMouseEvent(kind, local, QPointF(widget.mapToGlobal(pos)), left, buttons, none)
        QApplication.sendEvent(widget, event)

    send(QEvent.Type.MouseButtonPress, start, left)
    steps = 6
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        send(QEvent.Type.MouseMove, p, left)
    send(QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)
    QApplication.processEvents()


# --- the table --------------------------------------------------------------------------------


def test_actions_are_grouped_by_direction_with_their_totals(opened: Any) -> None:
    page = _page(opened)
    model = page.action_table.model
    titles = cells(model, "title")
    assert titles[0] == "Marketing  ·  6 actions · $3,820"
    assert "Sales  ·  5 actions · $850" in titles
    heading = model.group_rows()[0]
    assert not model.flags(model.index(heading, 0)) & Qt.ItemFlag.ItemIsSelectable
    # heading rows have no id: selecting everything and deleting would not touch them
    assert all(model.rows[r]["id"] is None for r in model.group_rows())
    page.group_by.setCurrentIndex(page.group_by.findData("goal"))
    titles = cells(model, "title")
    assert any(t.startswith("Win regular guests from the new complex  ·  ") for t in titles)
    assert titles[-2].startswith("No goal  ·  1 action")
    page.group_by.setCurrentIndex(page.group_by.findData("none"))
    assert model.group_rows() == [] and model.rowCount() == 14


def test_sorting_keeps_the_groups(opened: Any) -> None:
    page = _page(opened)
    model = page.action_table.model
    column = model.column_of("budget_minor")
    page.action_table.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    budgets = cells(model, "budget_minor")
    titles = cells(model, "title")
    assert titles[0].startswith("Marketing")
    assert budgets[1:7] == ["$1,500", "$900", "$600", "$400", "$300", "$120"]
    page.action_table.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert cells(model, "budget_minor")[1] == "$120"


def test_add_and_edit_an_action_through_the_editors(opened: Any, dialogs: Any) -> None:
    page = _page(opened)
    block = page.action_table
    new_id = block.add()
    assert new_id is not None
    assert block.view.current_row()["id"] == new_id
    assert opened.act_undo.text() == "&Undo: add action"
    edit_cell(block, new_id, "title", "Loyalty app push messages")
    edit_cell(block, new_id, "goal_title", "Raise the average check")
    edit_cell(block, new_id, "owner_name", "Igor Peters")
    edit_cell(block, new_id, "channel_name", "Social media")
    start, due = D.today() + dt.timedelta(days=10), D.today() + dt.timedelta(days=70)
    edit_cell(block, new_id, "due", due)  # the due date first: a new action starts today
    edit_cell(block, new_id, "start", start)
    edit_cell(block, new_id, "budget_minor", "1,250.50")
    edit_cell(block, new_id, "status", "In progress")
    row = block.model.row_of_id(new_id)
    shown = {
        key: cells(block.model, key)[row]
        for key in (
            "title",
            "goal_title",
            "owner_name",
            "channel_name",
            "start",
            "due",
            "budget_minor",
            "status",
        )
    }
    assert shown == {
        "title": "Loyalty app push messages",
        "goal_title": "Raise the average check",
        "owner_name": "Igor Peters",
        "channel_name": "Social media",
        "start": page.fmt.date(start),
        "due": page.fmt.date(due),
        "budget_minor": "$1,250.50",
        "status": "In progress",
    }
    saved = _row(page, "Loyalty app push messages")
    assert saved["budget_minor"] == 125050 and saved["flags"] == ()
    assert not dialogs.messages
    # each edit is one undo step
    opened.act_undo.trigger()
    assert _row(page, "Loyalty app push messages")["status"] == "planned"


def test_bad_input_is_refused_in_place(opened: Any, dialogs: Any) -> None:
    page = _page(opened)
    block = page.action_table
    action = _id(page, "Upselling training for baristas")
    before = _row(page, "Upselling training for baristas")
    steps = opened.doc.stack.count()
    edit_cell(block, action, "budget_minor", "-50")
    assert page.notice.isVisible()
    assert page.notice.text() == "Budget: an amount cannot be negative."
    assert cells(block.model, "budget_minor")[block.model.row_of_id(action)] == "$80"
    edit_cell(block, action, "due", before["start"] - dt.timedelta(days=1))
    assert page.notice.text() == "Due: cannot be before Start."
    assert _row(page, "Upselling training for baristas")["due"] == before["due"]
    edit_cell(block, action, "budget_minor", "12abc")
    assert "is not a number" in page.notice.text()
    edit_cell(block, action, "title", "")
    assert page.notice.text() == "Title: please fill this in."
    assert opened.doc.stack.count() == steps  # nothing was saved
    assert not dialogs.messages  # no dialog: the reason is shown on the page
    edit_cell(block, action, "budget_minor", "90")
    assert not page.notice.isVisible()
    assert _row(page, "Upselling training for baristas")["budget_minor"] == 9000


def test_filters_by_direction_goal_owner_status_and_month(opened: Any) -> None:
    page = _page(opened)
    model = page.action_table.model

    def shown() -> list[str]:
        return [r["title"] for r in model.action_rows()]

    page.f_owner.setCurrentIndex(page.f_owner.findText("Igor Peters"))
    assert set(r["owner_name"] for r in model.action_rows()) == {"Igor Peters"}
    assert len(shown()) == 4
    assert page.clear_button.isVisible()
    assert page.count_label.text() == "4 of 14 actions shown"
    assert set(page.timeline.bar_ids()) == {r["id"] for r in model.action_rows()}
    page.clear_filters()
    page.f_status.setCurrentIndex(page.f_status.findData("late"))
    assert shown() == ["Join a delivery aggregator"]
    page.f_status.setCurrentIndex(page.f_status.findData("done"))
    assert sorted(shown()) == [
        "Loyalty card: the 10th cup is free",
        "Tastings in the new complex's lobby",
    ]
    page.clear_filters()
    page.f_direction.setCurrentIndex(page.f_direction.findText("Production"))
    assert len(shown()) == 3
    page.f_goal.setCurrentIndex(page.f_goal.findText("No goal"))
    assert shown() == ["A second espresso machine for the morning rush"]
    page.clear_filters()
    page.f_month.setCurrentIndex(1)  # the period's first month
    assert "Online pre-ordering on the website" not in shown()  # from the fourth month on
    assert "Context ads: take-away and delivery" in shown()
    assert len(shown()) == 6
    page.clear_filters()
    assert len(shown()) == 14 and not page.clear_button.isVisible()


def test_late_and_ownerless_actions_stand_out(opened: Any) -> None:
    page = _page(opened, tab=1)
    model = page.action_table.model
    late = model.row_of_id(_id(page, "Join a delivery aggregator"))
    nobody = model.row_of_id(_id(page, "Leaflets for the complex's mailboxes"))
    from mktplanner.ui.models.table import ToneRole

    assert model.data(model.index(late, model.column_of("due")), ToneRole) == "bad"
    assert model.data(model.index(nobody, model.column_of("owner_name")), ToneRole) == "bad"
    bars = {b.title: b for b in page.timeline.data.bars()}
    assert bars["Join a delivery aggregator"].flags == ("late",)
    assert bars["Leaflets for the complex's mailboxes"].flags == ("no_owner",)
    assert bars["A second espresso machine for the morning rush"].flags == ("no_budget",)
    assert bars["Facade banner and A-board"].flags == ()
    late_due = page.fmt.date(bars["Join a delivery aggregator"].due)
    assert (
        f"Late: it was due on {late_due} and is not done."
        in bars["Join a delivery aggregator"].tooltip
    )
    assert page.timeline.data.flag_labels["no_owner"] == "no owner"
    page.f_status.setCurrentIndex(page.f_status.findData("attention"))
    assert {b.title for b in page.timeline.data.bars()} == {
        "Join a delivery aggregator",
        "Leaflets for the complex's mailboxes",
        "A second espresso machine for the morning rush",
    }


def test_an_owner_who_was_deleted_leaves_a_visible_no_owner(opened: Any) -> None:
    page = _page(opened)
    igor = next(pid for pid, name in page.choices.people if name == "Igor Peters")
    igor_actions = [r["title"] for r in page.rows_all if r["owner_id"] == igor]
    assert igor_actions
    assert page.delete_rows("person", [igor])
    model = page.action_table.model
    for title in igor_actions:
        row = find_row(model, "title", title)
        assert cells(model, "owner_name")[row] == "no owner"
        if _row(page, title)["status"] in ("planned", "in_progress"):
            assert "no_owner" in _row(page, title)["flags"]
    opened.act_undo.trigger()
    assert page.rows_all and all(_row(page, t)["owner_name"] == "Igor Peters" for t in igor_actions)


# --- the timeline ---------------------------------------------------------------------------------


def test_dragging_a_bar_moves_the_action_and_ctrl_z_undoes_it(opened: Any, qtbot: Any) -> None:
    page = _page(opened, tab=1)
    timeline = page.timeline
    action = _id(page, "Upselling training for baristas")
    first, last = (
        _row(page, "Upselling training for baristas")["start"],
        _row(page, "Upselling training for baristas")["due"],
    )
    week = dt.timedelta(days=7)
    timeline.ensure_visible(action)
    QApplication.processEvents()
    ppd = timeline.scale.ppd
    start = timeline.bar_point(action)
    drag(timeline.view.viewport(), start, start + QPoint(round(7 * ppd), 0))
    row = _row(page, "Upselling training for baristas")
    assert (row["start"], row["due"]) == (first + week, last + week)
    assert opened.act_undo.text() == "&Undo: move action"
    bar = next(b for b in timeline.data.bars() if b.id == action)
    assert (bar.start, bar.due) == (first + week, last + week)

    opened.activateWindow()
    timeline.view.setFocus()
    qtbot.keyClick(timeline.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    row = _row(page, "Upselling training for baristas")
    assert (row["start"], row["due"]) == (first, last)

    # the end of the bar changes the due date only
    timeline.ensure_visible(action)
    QApplication.processEvents()
    end = timeline.bar_point(action, "due")
    drag(timeline.view.viewport(), end, end + QPoint(round(10 * ppd), 0))
    row = _row(page, "Upselling training for baristas")
    assert (row["start"], row["due"]) == (first, last + dt.timedelta(days=10))


def test_keys_move_the_selected_bar_and_enter_opens_it(opened: Any, qtbot: Any) -> None:
    page = _page(opened, tab=1)
    timeline = page.timeline
    action = _id(page, "Seasonal drinks menu")
    first, last = (
        _row(page, "Seasonal drinks menu")["start"],
        _row(page, "Seasonal drinks menu")["due"],
    )
    day = dt.timedelta(days=1)
    timeline.select(action)
    timeline.view.setFocus()
    qtbot.keyClick(timeline.view, Qt.Key.Key_Right)
    row = _row(page, "Seasonal drinks menu")
    assert (row["start"], row["due"]) == (first + day, last + day)
    assert timeline.selected_id == action  # the selection survives the reload
    qtbot.keyClick(timeline.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert _row(page, "Seasonal drinks menu")["due"] == last
    qtbot.keyClick(timeline.view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert _row(page, "Seasonal drinks menu")["start"] == first + day - 7 * day
    qtbot.keyClick(timeline.view, Qt.Key.Key_Down)
    assert timeline.selected_id != action
    qtbot.keyClick(timeline.view, Qt.Key.Key_Up)
    qtbot.keyClick(timeline.view, Qt.Key.Key_Return)
    assert page.tabs.currentIndex() == 0
    assert page.action_table.view.current_row()["id"] == action


def test_zoom_between_quarter_and_year(opened: Any, qtbot: Any) -> None:
    page = _page(opened, tab=1)
    timeline = page.timeline
    width = timeline.view.viewport().width()
    page.zoom_button["quarter"].click()
    assert timeline.zoom == "quarter"
    assert abs(timeline.scale.ppd * 91 - width) < width * 0.05  # three months across
    page.zoom_button["year"].click()
    assert abs(timeline.scale.ppd * 365 - width) < width * 0.05
    timeline.view.setFocus()
    qtbot.keyClick(timeline.view, Qt.Key.Key_Plus)
    assert timeline.zoom == "half" and page.zoom_button["half"].isChecked()


def test_a_recurring_action_shows_each_occurrence_across_month_and_year(opened: Any) -> None:
    page = _page(opened)
    action = _id(page, "Seasonal drinks menu")
    page.action_table.view.select_id(action)
    page.edit_action(action, {"start": D(2026, 12, 15), "due": D(2027, 1, 12)})
    page.recurrence_field.setCurrentIndex(page.recurrence_field.findData("weekly"))
    page.recurrence_field.activated.emit(page.recurrence_field.currentIndex())
    bar = next(b for b in page.timeline.data.bars() if b.id == action)
    assert bar.occurrences == (
        D(2026, 12, 15),
        D(2026, 12, 22),
        D(2026, 12, 29),
        D(2027, 1, 5),
        D(2027, 1, 12),
    )
    assert "Every week: 5 times" in page.details_info.text()
    row = page.action_table.model.row_of_id(action)
    index = page.action_table.model.index(row, 0)
    assert page.action_table.model.data(index, Qt.ItemDataRole.DecorationRole) is not None
    from mktplanner.services import tactics

    week53 = tactics.pick_list(opened.doc.plan, 2026, 53)
    assert (action, D(2026, 12, 29)) in [(i.action_id, i.occurrence_date) for i in week53]
    monthly = page.recurrence_field.findData("monthly")
    page.recurrence_field.setCurrentIndex(monthly)
    page.recurrence_field.activated.emit(monthly)
    bar = next(b for b in page.timeline.data.bars() if b.id == action)
    assert bar.occurrences == (D(2026, 12, 15),)  # Jan 15 is after the due date
    page.edit_action(action, {"due": D(2027, 3, 31)})
    bar = next(b for b in page.timeline.data.bars() if b.id == action)
    assert bar.occurrences == (D(2026, 12, 15), D(2027, 1, 15), D(2027, 2, 15), D(2027, 3, 15))


def test_the_direction_of_an_action_changes_its_group_and_colour(opened: Any) -> None:
    page = _page(opened)
    action = _id(page, "Seasonal drinks menu")
    page.action_table.view.select_id(action)
    sales = page.direction_field.findText("Sales")
    page.direction_field.setCurrentIndex(sales)
    page.direction_field.activated.emit(sales)
    assert _row(page, "Seasonal drinks menu")["direction_name"] == "Sales"
    bar = next(b for b in page.timeline.data.bars() if b.id == action)
    assert bar.color == "#F58518"


def test_the_tactical_period_is_configurable(opened: Any) -> None:
    page = _page(opened, tab=1)
    before = page.timeline.data.months
    assert before == 6
    twelve = page.period_months.findData(12)
    page.period_months.setCurrentIndex(twelve)
    page.period_months.activated.emit(twelve)
    assert page.timeline.data.months == 12
    assert page.f_month.count() == 13
    assert opened.act_undo.text() == "&Undo: change the tactical period"
    opened.act_undo.trigger()
    assert page.timeline.data.months == 6


def test_timeline_builds_500_actions(qtbot: Any, gui_app: Any) -> None:
    from mktplanner.ui.widgets.timeline import Bar, Group, TimelineData, TimelineWidget

    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()
    start = D(2026, 9, 1)
    bars = tuple(
        Bar(
            id=i,
            title=f"Action {i}",
            color="#4C78A8",
            start=start + dt.timedelta(days=i % 150),
            due=start + dt.timedelta(days=i % 150 + 20 + i % 40),
            flags=("late",) if i % 7 == 0 else (),
            occurrences=tuple(start + dt.timedelta(days=7 * k) for k in range(20))
            if i % 10 == 0
            else (),
        )
        for i in range(500)
    )
    data = TimelineData(start, 12, D(2026, 11, 18), (Group("All", "#4C78A8", bars),))
    widget.set_data(data)
    assert len(widget.items) == 500
    widget.view.verticalScrollBar().setValue(widget.view.verticalScrollBar().maximum())
    QApplication.processEvents()
    assert widget.grab().width() > 0


# --- directions and reporting -------------------------------------------------------------------


def test_directions_are_added_renamed_and_coloured(
    opened: Any, dialogs: Any, monkeypatch: Any
) -> None:
    page = _page(opened, tab=2)
    block = page.directions
    new_id = block.add()
    assert cells(block.model, "name")[-1] == "New direction"
    assert cells(block.model, "color")[-1] == "#54A24B"  # the first colour not in use
    edit_cell(block, new_id, "name", "Logistics")
    edit_cell(block, new_id, "color", "blue")
    assert page.notice.text() == "Colour: a colour is written as #RRGGBB, e.g. #4C78A8."
    edit_cell(block, new_id, "color", "72b7b2")
    assert cells(block.model, "color")[-1] == "#72B7B2"
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QColorDialog

    monkeypatch.setattr(QColorDialog, "getColor", lambda *a, **k: QColor("#E45756"))
    block.view.select_id(new_id)
    assert page.choose_color()
    assert cells(block.model, "color")[-1] == "#E45756"
    assert "Logistics" in [page.f_direction.itemText(i) for i in range(page.f_direction.count())]
    assert not dialogs.messages


def test_reporting_rules_are_shown_and_edited(opened: Any) -> None:
    from mktplanner.services import tactics

    page = _page(opened, tab=2)
    assert page.report_cadence.currentText() == "Weekly"
    assert page.report_maker.text() == "Anna Smith, manager"
    monthly = page.report_cadence.findData("monthly")
    page.report_cadence.setCurrentIndex(monthly)
    page.report_cadence.activated.emit(monthly)
    page.report_reader.setText("Oliver Smith and the bank")
    page.report_reader.editingFinished.emit()
    rules = tactics.reporting(opened.doc.plan)
    assert (rules.cadence, rules.reader) == ("monthly", "Oliver Smith and the bank")
    assert opened.act_undo.text() == "&Undo: edit reporting rules"
    opened.act_undo.trigger()
    assert page.report_reader.text() == "Oliver Smith, co-owner"


def test_the_page_speaks_russian(opened: Any) -> None:
    opened.set_language("ru")
    page = _page(opened, tab=1)
    assert page.tabs.tabText(0) == "Действия"
    assert page.tabs.tabText(1) == "График"
    assert page.timeline.data.flag_labels["no_owner"] == "нет ответственного"
    assert page.zoom_button["quarter"].text() == "Квартал"


def test_a_read_only_plan_shows_everything_and_changes_nothing(
    window: Any, demo_file: Any, dialogs: Any
) -> None:
    from mktplanner.store.planfile import PlanFile
    from mktplanner.ui.undo import Document

    plan = PlanFile.open(demo_file, read_only=True, backup=False)
    window.set_document(Document(plan, language="en", parent=window), "tactics")
    page = _page(window, tab=1)
    timeline = page.timeline
    assert len(timeline.items) == 14 and timeline.read_only
    action = _id(page, "Upselling training for baristas")
    before = (
        _row(page, "Upselling training for baristas")["start"],
        _row(page, "Upselling training for baristas")["due"],
    )
    timeline.ensure_visible(action)
    QApplication.processEvents()
    point = timeline.bar_point(action)
    drag(timeline.view.viewport(), point, point + QPoint(60, 0))
    timeline.select(action)
    assert not timeline.shift_selected(3)
    row = _row(page, "Upselling training for baristas")
    assert (row["start"], row["due"]) == before
    assert window.doc.stack.count() == 0
    assert not page.period_months.isEnabled() and page.report_maker.isReadOnly()
    assert page.action_table.section.add_button is not None
    assert not page.action_table.section.add_button.isVisible()
    assert page.banner.isVisible()


def test_show_object_selects_an_action_even_when_filtered_out_and_a_direction_on_its_tab(
    opened: Any,
) -> None:
    """A finding of the plan check, an alert or the Why? panel opens the action itself."""
    page = _page(opened, tab=1)
    action = _id(page, "Upselling training for baristas")
    other = next(
        r
        for r in page.rows_all
        if r["direction_id"] != _row(page, "Upselling training for baristas")["direction_id"]
    )
    page.f_direction.setCurrentIndex(page.f_direction.findData(other["direction_id"]))
    assert all(r["id"] != action for r in page.action_table.model.rows)

    opened.show_page("overview")
    assert opened.show_object("action", action)
    assert opened.current_page_id() == "tactics"
    assert page.tabs.currentIndex() == 1  # the tab the user was on: the timeline
    assert not page.filtered()
    assert page.timeline.selected_id == action
    assert page.action_table.view.current_row()["id"] == action
    assert opened.current_object() == ("action", action)

    direction = other["direction_id"]
    assert opened.show_object("direction", direction)
    assert page.tabs.currentIndex() == 2
    assert page.directions.view.current_row()["id"] == direction
