"""The goals page: the list with progress and SMART letters (lit or dimmed, with the reason), the
detail form with inline refusals (nothing invalid reaches the file, no dialog), the plan's
ambition threshold, the progress chart's plotted data, the goal's actions, and every kind of
edit undone from the Edit menu."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from gui.helpers import cells, find_row, sha256
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

pytestmark = pytest.mark.timeout(180)

FIRST = "Win regular guests from the new complex"
NO_DEADLINE = "Raise the average check"
DELIVERY = "Launch delivery and take-away orders"


def _page(window: Any, title: str | None = None) -> Any:
    window.show_page("goals")
    page = window.pages["goals"]
    assert page.isVisible()
    window.raise_()
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 2000)
    if title is not None:
        page.goals.view.selectRow(find_row(page.goals.model, "title", title))
        assert page.form.title.text() == title
    return page


def _goal(page: Any, title: str) -> dict[str, Any]:
    return page.goals.model.rows[find_row(page.goals.model, "title", title)]


def _type(field: Any, text: str) -> None:
    """Replace a line's text and leave it with Enter, as a user would."""
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, text)
    QTest.keyClick(field, Qt.Key.Key_Return)


def _undo(window: Any) -> None:
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()


# --- the list ------------------------------------------------------------------------------------


def test_list_shows_progress_deadline_owner_and_smart_letters(opened: Any) -> None:
    page = _page(opened)
    model = page.goals.model
    row = find_row(model, "title", FIRST)
    assert cells(model, "progress")[row] == "60%"
    assert cells(model, "owner_name")[row] == "Anna Smith"
    assert cells(model, "smart")[row] == "SMART"
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())] == [
        "Title",
        "Metric",
        "Progress",
        "Deadline",
        "Owner",
        "SMART",
    ]


def test_smart_letters_of_a_goal_without_deadline(opened: Any) -> None:
    page = _page(opened, NO_DEADLINE)
    model = page.goals.model
    row = find_row(model, "title", NO_DEADLINE)
    assert cells(model, "smart")[row] == "SMAR-"
    tip = model.data(model.index(row, model.column_of("smart")), Qt.ItemDataRole.ToolTipRole)
    assert "Time-bound: Set a deadline." in tip
    assert page.form.smart.lit() == "SMAR-"
    assert page.form.smart.letters["T"].toolTip() == "Time-bound: Set a deadline."
    assert page.form.smart.letters["S"].toolTip().startswith("Specific: ")
    assert page.form.smart.summary.text() == "Time-bound: Set a deadline."


def test_smart_letters_of_an_implausible_jump_and_the_plan_threshold(opened: Any) -> None:
    page = _page(opened, DELIVERY)
    _type(page.form.target, "1000")  # 120 -> 1000: ×8.33
    assert _goal(page, DELIVERY)["target"] == 1000.0
    assert (
        cells(page.goals.model, "smart")[find_row(page.goals.model, "title", DELIVERY)] == "SM-RT"
    )
    assert page.form.smart.lit() == "SM-RT"
    assert "A jump of ×8.33 from the baseline; the plan warns above ×3" in (
        page.form.smart.letters["A"].toolTip()
    )
    # The threshold is the plan's, set here: at ×10 the jump is acceptable.
    page.form.threshold.setValue(10.0)
    page.form.threshold.editingFinished.emit()
    assert opened.act_undo.text() == "&Undo: edit plan profile"
    assert page.form.smart.lit() == "SMART"
    _undo(opened)
    assert page.form.threshold.value() == 3.0
    assert page.form.smart.lit() == "SM-RT"
    _undo(opened)
    assert _goal(page, DELIVERY)["target"] == 300.0
    assert page.form.target.text() == "300"


# --- inline refusals ---------------------------------------------------------------------------------


def test_target_equal_to_baseline_is_refused_at_the_field(
    opened: Any, demo_file: Path, dialogs: Any
) -> None:
    page = _page(opened, FIRST)
    before = sha256(demo_file)
    _type(page.form.target, "40")
    assert page.form.error_text("target") == "Target: the target must differ from the baseline."
    assert page.form.target.text() == "40"  # kept, to be corrected
    assert _goal(page, FIRST)["target"] == 100.0
    assert sha256(demo_file) == before and not dialogs.messages
    assert not opened.act_undo.isEnabled()
    QTest.keyClick(page.form.target, Qt.Key.Key_Escape)  # Esc puts the saved value back
    assert page.form.target.text() == "100" and page.form.error_text("target") == ""


def test_non_numeric_value_is_refused_at_the_field(opened: Any, dialogs: Any) -> None:
    page = _page(opened, FIRST)
    _type(page.form.baseline, "forty")
    assert page.form.error_text("baseline") == "Baseline: “forty” is not a number."
    assert _goal(page, FIRST)["baseline"] == 40.0
    assert not dialogs.messages and not opened.act_undo.isEnabled()
    # Corrected, it is taken and the message goes.
    _type(page.form.baseline, "45")
    assert _goal(page, FIRST)["baseline"] == 45.0
    assert page.form.error_text("baseline") == ""


def test_deadline_before_the_baseline_date_is_refused_at_the_field(
    opened: Any, dialogs: Any
) -> None:
    page = _page(opened, FIRST)
    goal = _goal(page, FIRST)
    early = goal["baseline_date"] - dt.timedelta(days=10)
    page.form.deadline.set_value(early)
    page.form.deadline.done.emit()
    assert page.form.error_text("deadline") == "Deadline: cannot be before Baseline date."
    assert _goal(page, FIRST)["deadline"] == goal["deadline"]
    assert not dialogs.messages and not opened.act_undo.isEnabled()


def test_refused_table_cells_are_said_above_the_table(opened: Any, dialogs: Any) -> None:
    page = _page(opened, FIRST)
    model = page.goals.model
    assert not model.setData(model.index(0, model.column_of("title")), "")
    assert "Title: please fill this in." in page._notices["goal"].text()
    page.parse_error(page.measures.model.columns[1], _parse_error("abc"))
    assert "“abc” is not a number" in page._notices["measurement"].text()
    assert not dialogs.messages


def _parse_error(text: str) -> Any:
    from mktplanner.ui.fmt import ParseError

    return ParseError("not_a_number", value=text)


# --- the chart ---------------------------------------------------------------------------------------


def test_progress_chart_plots_a_known_series(opened: Any, qtbot: Any) -> None:
    from matplotlib import dates as mdates

    from mktplanner.domain.tables import Measurement
    from mktplanner.services import strategy
    from mktplanner.services.edits import InsertRow

    page = _page(opened)
    doc = opened.doc
    add = strategy.add_goal(
        doc.plan,
        "Known series",
        metric="orders",
        unit="orders",
        baseline=10.0,
        target=30.0,
        baseline_date=dt.date(2026, 1, 1),
        deadline=dt.date(2026, 12, 31),
    )
    assert doc.push(add)
    series = [(dt.date(2026, 2, 1), 12.0), (dt.date(2026, 3, 1), 15.0), (dt.date(2026, 4, 1), 20.0)]
    for day, value in series:
        assert doc.push(InsertRow(Measurement, {"goal_id": add.key, "date": day, "value": value}))
    page.goals.view.select_id(add.key)
    qtbot.waitUntil(lambda: page.chart.figure is not None and not page.chart.pending, timeout=60000)
    fig = page.chart.figure
    ax = fig.axes[0]
    actual = next(line for line in ax.lines if line.get_marker() == "o")
    assert list(actual.get_ydata()) == [12.0, 15.0, 20.0]
    assert list(actual.get_xdata()) == [mdates.date2num(d) for d, _ in series]
    horizontal = {round(float(line.get_ydata()[0]), 6) for line in ax.lines if _flat(line)}
    assert {10.0, 30.0} <= horizontal  # baseline and target lines
    vertical = {round(float(line.get_xdata()[0]), 6) for line in ax.lines if _upright(line)}
    assert mdates.date2num(dt.date(2026, 12, 31)) in vertical  # the deadline
    assert mdates.date2num(dt.date.today()) in vertical  # today
    texts = [t.get_text() for t in fig.texts] + [
        ax.get_title(loc="left"),
        ax.get_title(loc="right"),
    ]
    assert any("Known series" in t for t in texts)
    assert any("50%" in t.replace("\u00a0", "").replace(" ", "") for t in texts)  # progress
    assert page.chart.image is not None and not page.chart.image.isNull()


def _flat(line: Any) -> bool:
    y = list(line.get_ydata())
    return len(y) == 2 and y[0] == y[1] and line.get_marker() != "o"


def _upright(line: Any) -> bool:
    x = list(line.get_xdata())
    return len(x) == 2 and x[0] == x[1]


def test_chart_waits_until_the_page_is_shown(opened: Any) -> None:
    page = opened.pages["goals"]
    opened.show_page("overview")
    assert not page.isVisible()
    assert page.chart.figure is None and not page.chart.pending


def test_chart_can_be_saved_as_png_and_svg_and_copied(
    opened: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    from PySide6.QtGui import QGuiApplication

    page = _page(opened, FIRST)
    qtbot.waitUntil(lambda: page.chart.figure is not None and not page.chart.pending, timeout=60000)
    menu = page.chart.menu()
    assert [a.text() for a in menu.actions()] == ["Copy chart", "Save as PNG…", "Save as SVG…"]
    dialogs.save_paths += [str(tmp_path / "progress"), str(tmp_path / "progress.svg")]
    assert page.chart.save_png()
    assert (tmp_path / "progress.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert page.chart.save_svg()
    assert FIRST in (tmp_path / "progress.svg").read_text(encoding="utf-8")
    assert page.chart.copy()
    assert not QGuiApplication.clipboard().image().isNull()


# --- goal -> actions, links --------------------------------------------------------------------------


def test_actions_of_the_goal_and_a_new_one_in_place(opened: Any) -> None:
    page = _page(opened, FIRST)
    goal = _goal(page, FIRST)
    before = page.actions_block.model.rowCount()
    assert before == goal["actions"]
    titles = cells(page.actions_block.model, "title")
    assert "Tastings in the new complex's lobby" in titles or titles
    page.tabs.setCurrentIndex(1)
    _type(page.action_composer, "Loyalty card for the complex's residents")
    assert page.actions_block.model.rowCount() == before + 1
    row = page.actions_block.model.rows[
        find_row(page.actions_block.model, "title", "Loyalty card for the complex's residents")
    ]
    assert row["owner_name"] == goal["owner_name"] and row["status"] == "planned"
    assert page.action_composer.text() == ""
    assert opened.act_undo.text() == "&Undo: add action"
    tactics = opened.pages["tactics"]
    opened.show_page("tactics")
    from mktplanner.services import views

    assert "Loyalty card for the complex's residents" in [
        a["title"] for a in views.actions(opened.doc.plan)
    ]
    assert tactics.isVisible()
    opened.show_page("goals")
    _undo(opened)
    assert page.actions_block.model.rowCount() == before


def test_links_to_swot_items_are_one_step_each(opened: Any) -> None:
    from mktplanner.services import strategy

    page = _page(opened, NO_DEADLINE)
    goal_id = _goal(page, NO_DEADLINE)["id"]
    before = page.form.link_ids()
    new = next(i for i, _q, _t in page.swot if i not in before)
    page.form._set_links([*before, new])
    assert new in page.form.link_ids()
    assert opened.act_undo.text() == "&Undo: change the goal's SWOT links"
    assert new in [r["id"] for r in strategy.goal_links(opened.doc.plan, goal_id)]
    _undo(opened)
    assert page.form.link_ids() == before


# --- undo of every edit kind ------------------------------------------------------------------------


def test_every_edit_kind_of_the_page_is_undone(opened: Any) -> None:
    page = _page(opened, FIRST)
    goal = _goal(page, FIRST)

    def check(do: Any, seen: Any, label: str) -> None:
        before = opened.doc.stack.index()
        do()
        assert opened.doc.stack.index() == before + 1, label
        assert opened.act_undo.text() == f"&Undo: {label}"
        assert seen(), label
        _undo(opened)
        assert not seen(), label

    check(
        lambda: _type(page.form.title, "More regular guests"),
        lambda: cells(page.goals.model, "title")[0] == "More regular guests",
        "edit goal",
    )
    check(
        lambda: _type(page.form.metric_edit, "Loyalty members"),
        lambda: page.form.metric_edit.text() == "Loyalty members",
        "edit goal",
    )
    people = [page.form.owner.itemText(i) for i in range(page.form.owner.count())]
    other = next(i for i, name in enumerate(people) if name not in ("—", goal["owner_name"]))

    def pick_owner() -> None:
        page.form.owner.setCurrentIndex(other)
        page.form.owner.activated.emit(other)

    check(
        pick_owner,
        lambda: _goal(page, FIRST)["owner_name"] == people[other],
        "edit goal",
    )
    check(
        lambda: (
            page.form.notes.setPlainText("Ask the residents' chat") or page.form.notes.done.emit()
        ),
        lambda: _goal(page, FIRST)["notes"] == "Ask the residents' chat",
        "edit goal",
    )
    later = goal["deadline"] + dt.timedelta(days=31)

    def move_deadline() -> None:
        page.form.deadline.set_value(later)
        page.form.deadline.done.emit()

    check(move_deadline, lambda: _goal(page, FIRST)["deadline"] == later, "edit goal")
    check(
        lambda: _type(page.form.unit, "guests"),
        lambda: _goal(page, FIRST)["unit"] == "guests",
        "edit goal",
    )
    a_model = page.actions_block.model
    status = a_model.column_of("status")
    first_status = a_model.rows[0]["status"]
    other_status = "cancelled" if first_status != "cancelled" else "planned"
    check(
        lambda: a_model.setData(a_model.index(0, status), other_status),
        lambda: a_model.rows[0]["status"] == other_status,
        "edit action",
    )
    first_action = a_model.rows[0]["id"]

    def delete_action() -> None:
        page.actions_block.view.selectRow(0)
        page.actions_block.delete_selected()

    check(delete_action, lambda: a_model.row_of_id(first_action) < 0, "delete action")
    check(
        lambda: page.measures.add(),
        lambda: page.measures.model.rowCount() == 4,
        "add measurement",
    )
    m_model = page.measures.model
    check(
        lambda: m_model.setData(m_model.index(0, m_model.column_of("value")), 44.0),
        lambda: cells(m_model, "value")[0] == "44",
        "edit measurement",
    )

    def delete_measurement() -> None:
        page.measures.view.selectRow(0)
        page.measures.delete_selected()

    check(delete_measurement, lambda: page.measures.model.rowCount() == 2, "delete measurement")
    check(
        lambda: page.goals.add(),
        lambda: "New goal" in cells(page.goals.model, "title"),
        "add goal",
    )

    def delete_goal() -> None:
        page.goals.view.selectRow(find_row(page.goals.model, "title", DELIVERY))
        page.goals.delete_selected()

    check(delete_goal, lambda: DELIVERY not in cells(page.goals.model, "title"), "delete goal")


def test_shell_hooks_select_a_goal(opened: Any) -> None:
    page = _page(opened)
    goal = _goal(page, DELIVERY)
    assert opened.show_object("goal", goal["id"])
    assert page.current_object() == ("goal", goal["id"])
    assert page.form.title.text() == DELIVERY


def test_add_goal_goes_straight_to_its_title(opened: Any) -> None:
    page = _page(opened)
    QTest.mouseClick(page.goals.section.add_button, Qt.MouseButton.LeftButton)
    assert page.form.title.hasFocus()
    assert page.form.title.selectedText() == "New goal"
    QTest.keyClicks(page.form.title, "More reviews on maps")
    QTest.keyClick(page.form.title, Qt.Key.Key_Return)
    assert "More reviews on maps" in cells(page.goals.model, "title")
    # A new goal has no metric, baseline, target or deadline yet: SMART says so.
    assert page.form.smart.lit() == "---R-"  # R: the plan has a mission
    _undo(opened)
    _undo(opened)
    assert "New goal" not in cells(page.goals.model, "title")


def test_empty_plan_says_what_the_detail_will_show(
    window: Any, tmp_path: Path, dialogs: Any
) -> None:
    from mktplanner.services.plans import new_plan

    path = tmp_path / "empty.mktplan"
    new_plan(path, name="Empty", currency="EUR", language="en").close()
    assert window.open_path(path)
    page = _page(window)
    assert page.detail_empty.isVisible() and not page.form.isVisible()
    assert "SMART check" in page.detail_empty.text()
    page.goals.add()
    assert page.form.isVisible() and not page.detail_empty.isVisible()
    assert page.form.title.text() == "New goal"
