"""The SWOT & strategy page: the board filled and rearranged with the keyboard alone and by drag
and drop, cards edited in place, the source filter, the guiding questions of an empty board,
strategic options made into goals linked to both SWOT items, mission and values in the
header, refusals said on the page, and every kind of edit undone from the Edit menu."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from gui.helpers import sha256
from PySide6.QtCore import QModelIndex, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest

pytestmark = pytest.mark.timeout(180)

OWN_ROASTING = "Own roasting: beans never older than two weeks"


def _page(window: Any) -> Any:
    window.show_page("strategy")
    page = window.pages["strategy"]
    assert page.isVisible()
    _activate(window)
    return page


def _activate(window: Any) -> None:
    """Focus checks need the window to be the active one (offscreen too)."""
    from PySide6.QtWidgets import QApplication

    window.raise_()
    window.activateWindow()
    deadline = 50
    while not window.isActiveWindow() and deadline:
        QApplication.processEvents()
        QTest.qWait(20)
        deadline -= 1
    assert window.isActiveWindow()


def _id(board: Any, text: str) -> int:
    for q in "SWOT":
        for row in board.items(q):
            if row["text"] == text:
                return int(row["id"])
    raise AssertionError(f"{text!r} not on the board")


def _undo(window: Any) -> None:
    assert window.act_undo.isEnabled()
    window.act_undo.trigger()


# --- the board with the keyboard --------------------------------------------------------------


def test_keyboard_only_adds_a_card_to_each_quadrant(opened: Any, qtbot: Any) -> None:
    page = _page(opened)
    board = page.board
    for q, text in zip(
        "SWOT", ("Fast Wi-Fi", "Few parking spaces", "Office lunches", "Road works"), strict=True
    ):
        panel = board.panels[q]
        before = board.texts(q)
        panel.view.setFocus()
        QTest.keyClick(panel.view, Qt.Key.Key_Return)  # Enter on the cards: to the composer
        assert panel.composer.hasFocus()
        QTest.keyClicks(panel.composer, text)
        QTest.keyClick(panel.composer, Qt.Key.Key_Return)
        assert board.texts(q) == [*before, text]
        assert panel.composer.text() == "" and panel.composer.hasFocus()  # ready for the next
        assert panel.count.text() == str(len(before) + 1)
        assert opened.act_undo.text() == "&Undo: add SWOT item"
    _undo(opened)
    assert "Road works" not in board.texts("T")


def test_keyboard_moves_cards_across_quadrants_and_reorders(opened: Any) -> None:
    page = _page(opened)
    board = page.board
    ident = _id(board, OWN_ROASTING)
    view = board.panels["S"].view
    assert view.select_id(ident)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert OWN_ROASTING not in board.texts("S")
    assert board.texts("W")[0] == OWN_ROASTING  # same place in the neighbouring quadrant
    assert opened.act_undo.text() == "&Undo: move SWOT item"
    # The moved card stays selected and focused: keep going down, then past the edge.
    w_view = board.panels["W"].view
    assert w_view.current_id() == ident and w_view.hasFocus()
    QTest.keyClick(w_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert board.texts("W")[1] == OWN_ROASTING
    for _ in range(len(board.texts("W"))):
        QTest.keyClick(w_view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert board.quadrant_of(ident) == "T" and board.texts("T")[0] == OWN_ROASTING
    # Undo, step by step, brings it home.
    while board.quadrant_of(ident) != "S":
        _undo(opened)
    assert board.texts("S")[0] == OWN_ROASTING


def test_step_target_rules() -> None:
    from mktplanner.ui.widgets.swot_board import step_target

    layout = {"S": [1, 2, 3], "W": [4], "O": [], "T": [5, 6]}
    assert step_target(layout, 2, "up") == ("S", 1)
    assert step_target(layout, 1, "up") is None  # top row, top card
    assert step_target(layout, 2, "down") is None or step_target(layout, 2, "down") == ("S", None)
    assert step_target(layout, 3, "down") == ("O", None)  # past the bottom: into the quadrant below
    assert step_target(layout, 5, "up") == ("W", None)  # past the top: to the end of the one above
    assert step_target(layout, 2, "right") == ("W", None)  # W has one card: to its end
    assert step_target(layout, 1, "right") == ("W", 4)
    assert step_target(layout, 6, "left") == ("O", None)
    assert step_target(layout, 4, "right") is None


def test_edit_in_place_weight_and_delete_with_keys(opened: Any, qtbot: Any) -> None:
    from mktplanner.ui.widgets.swot_board import CardEditor

    page = _page(opened)
    board = page.board
    ident = _id(board, OWN_ROASTING)
    view = board.panels["S"].view
    view.select_id(ident)
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = view.indexWidget(view.currentIndex()) or next(
        w for w in view.viewport().findChildren(CardEditor) if w.isVisible()
    )
    assert isinstance(editor, CardEditor)
    editor.text.setPlainText("Own roasting twice a week")
    editor.weight.set_value(4)
    editor.note.setText("Our roaster says so")
    QTest.keyClick(editor.text, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Own roasting twice a week" in board.texts("S"))
    row = next(r for r in board.items("S") if r["id"] == ident)
    assert (row["weight"], row["note"]) == (4, "Our roaster says so")
    assert opened.act_undo.text() == "&Undo: edit SWOT item"

    view.select_id(ident)
    QTest.keyClick(view, Qt.Key.Key_2)
    assert next(r for r in board.items("S") if r["id"] == ident)["weight"] == 2
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert board.quadrant_of(ident) is None
    assert opened.act_undo.text() == "&Undo: delete SWOT item"
    _undo(opened)
    assert board.quadrant_of(ident) == "S"
    _undo(opened)
    assert next(r for r in board.items("S") if r["id"] == ident)["weight"] == 4
    _undo(opened)
    assert OWN_ROASTING in board.texts("S")


def test_escape_drops_an_edit_in_place(opened: Any, qtbot: Any) -> None:
    from mktplanner.ui.widgets.swot_board import CardEditor

    page = _page(opened)
    board = page.board
    view = board.panels["S"].view
    view.select_id(_id(board, OWN_ROASTING))
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F2)
    editor = next(w for w in view.viewport().findChildren(CardEditor) if w.isVisible())
    editor.text.setPlainText("Something else")
    QTest.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(
        lambda: not [w for w in view.viewport().findChildren(CardEditor) if w.isVisible()]
    )
    assert OWN_ROASTING in board.texts("S")
    assert not opened.act_undo.isEnabled()


# --- drag and drop --------------------------------------------------------------------------------


def test_drop_api_moves_a_card_between_quadrants(opened: Any) -> None:
    page = _page(opened)
    board = page.board
    source = board.panels["S"].model
    target = board.panels["O"].model
    row = source.row_of_id(_id(board, OWN_ROASTING))
    data = source.mimeData([source.index(row)])
    assert data.text() == OWN_ROASTING
    move = Qt.DropAction.MoveAction
    assert target.canDropMimeData(data, move, 1, 0, QModelIndex())
    first_o = board.texts("O")[0]
    assert target.dropMimeData(data, move, 1, 0, QModelIndex())  # between the first two cards
    assert board.texts("O")[:3] == [first_o, OWN_ROASTING, board.texts("O")[2]]
    assert OWN_ROASTING not in board.texts("S")
    assert opened.act_undo.text() == "&Undo: move SWOT item"
    _undo(opened)
    assert OWN_ROASTING in board.texts("S") and OWN_ROASTING not in board.texts("O")


def test_a_drop_on_the_view_moves_to_the_end_of_an_empty_area(opened: Any, qtbot: Any) -> None:
    page = _page(opened)
    board = page.board
    source = board.panels["S"].model
    data = source.mimeData([source.index(source.row_of_id(_id(board, OWN_ROASTING)))])
    view = board.panels["T"].view
    bottom = QPointF(view.viewport().width() / 2, view.viewport().height() - 4)
    event = QDropEvent(
        bottom,
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    assert event.isAccepted()
    qtbot.waitUntil(lambda: board.texts("T")[-1:] == [OWN_ROASTING])


def test_foreign_drops_are_refused(opened: Any) -> None:
    from PySide6.QtCore import QMimeData

    page = _page(opened)
    model = page.board.panels["W"].model
    data = QMimeData()
    data.setText("a text from another program")
    assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not opened.act_undo.isEnabled()


# --- what the board shows ---------------------------------------------------------------------------


def test_cards_show_weight_source_and_note_on_hover(opened: Any) -> None:
    page = _page(opened)
    model = page.board.panels["S"].model
    index = model.index(model.row_of_id(_id(page.board, OWN_ROASTING)))
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Guests name it as the main reason" in tip
    assert "Weight 5 of 5" in tip and "Clients" in tip
    summary = model.data(index, Qt.ItemDataRole.AccessibleTextRole)
    assert summary.startswith("Strength: Own roasting") and "Weight 5 of 5" in summary


def test_source_filter_and_counters(opened: Any) -> None:
    page = _page(opened)
    board = page.board
    total_s = len(board.texts("S"))
    page.source_filter.setCurrentIndex(page.source_filter.findData("clients"))
    shown = [r for q in "SWOT" for r in board.items(q)]
    assert shown and all(r["source"] == "clients" for r in shown)
    assert board.panels["S"].count.text() == f"{len(board.texts('S'))}/{total_s}"
    empty = next(q for q in "SWOT" if not board.texts(q))
    assert board.panels[empty].view.empty_message() == "No card from this source."
    page.source_filter.setCurrentIndex(0)
    assert board.count() == 10


def test_empty_board_asks_the_guiding_questions(window: Any, tmp_path: Path, dialogs: Any) -> None:
    from mktplanner.services.plans import new_plan

    path = tmp_path / "empty.mktplan"
    new_plan(path, name="Empty", currency="EUR", language="en").close()
    assert window.open_path(path)
    page = _page(window)
    questions = {q: page.board.panels[q].view.empty_message() for q in "SWOT"}
    assert questions == {
        "S": "What helps us reach the goals?",
        "W": "What must the plan allow for?",
        "O": "What is opening up on the market?",
        "T": "What could hurt us, and how do we answer it?",
    }
    assert not page.tows.text.isEnabled()  # nothing to pair yet
    assert "first" in page.tows.kind_label.text()


# --- strategic options ---------------------------------------------------------------------------


def test_option_made_into_a_goal_links_both_items_in_one_undo_step(opened: Any) -> None:
    from mktplanner.services import strategy

    page = _page(opened)
    board, tows = page.board, page.tows
    strength = _id(board, "Next to a business centre and a university")
    threat = _id(board, "A chain coffee shop opens across the street")
    tows.prefill("S", strength)
    tows.prefill("T", threat)
    assert "ST option" in tows.kind_label.text()
    tows.text.setText("Win the university's students before the chain opens")
    QTest.keyClick(tows.text, Qt.Key.Key_Return)
    option = next(r for r in tows.options() if r["text"].startswith("Win the university"))
    assert option["kind"] == "ST" and option["goal_id"] is None
    assert opened.act_undo.text() == "&Undo: add strategic option"

    tows.select(option["id"])
    QTest.keyClick(tows.view, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier)
    option = next(r for r in tows.options() if r["id"] == option["id"])
    goal_id = option["goal_id"]
    assert goal_id is not None
    assert option["goal_title"] == "Win the university's students before the chain opens"
    links = strategy.goal_links(opened.doc.plan, goal_id)
    assert sorted(r["id"] for r in links) == sorted([strength, threat])
    assert opened.act_undo.text() == "&Undo: make a goal from a strategic option"
    goals = opened.pages["goals"]
    opened.show_page("goals")
    assert goals.goals.model.row_of_id(goal_id) >= 0

    opened.show_page("strategy")
    _undo(opened)  # one step: the goal, its two links and the option's reference
    option = next(r for r in tows.options() if r["id"] == option["id"])
    assert option["goal_id"] is None
    assert strategy.goal_links(opened.doc.plan, goal_id) == []
    opened.show_page("goals")
    assert goals.goals.model.row_of_id(goal_id) < 0


def test_option_goal_link_opens_the_goal(opened: Any) -> None:
    page = _page(opened)
    option = next(r for r in page.tows.options() if r["goal_id"] is not None)
    page.tows.goal_clicked(option)
    assert opened.current_page_id() == "goals"
    assert opened.pages["goals"].goals.view.current_row()["id"] == option["goal_id"]


def test_option_text_pair_and_delete_are_undoable(opened: Any) -> None:
    page = _page(opened)
    tows = page.tows
    option = next(r for r in tows.options() if r["kind"] == "WO")
    index = tows.model.index(tows.model.row_of_id(option["id"]))
    assert tows.model.setData(index, "Join two delivery aggregators")
    assert "Join two delivery aggregators" in [r["text"] for r in tows.options()]
    assert opened.act_undo.text() == "&Undo: edit strategic option"
    threat = _id(page.board, "Green coffee prices keep rising")
    assert tows.request_edit(option["id"], {"external_id": threat})
    assert next(r for r in tows.options() if r["id"] == option["id"])["kind"] == "WT"
    # A pair of two internal factors is refused on the page.
    strength = _id(page.board, OWN_ROASTING)
    assert not tows.request_edit(option["id"], {"external_id": strength})
    assert "opportunity or a threat" in page.notice.text()
    tows.select(option["id"])
    QTest.keyClick(tows.view, Qt.Key.Key_Delete)
    assert option["id"] not in [r["id"] for r in tows.options()]
    _undo(opened)
    _undo(opened)
    _undo(opened)
    back = next(r for r in tows.options() if r["id"] == option["id"])
    assert (back["text"], back["kind"]) == (option["text"], "WO")


# --- header, refusals, read-only ------------------------------------------------------------------


def test_mission_and_values_edited_in_the_header_are_undoable(opened: Any) -> None:
    page = _page(opened)
    for field, text in ((page.mission, "Coffee that makes the morning."), (page.values, "Fresh.")):
        old = field.toPlainText()
        field.setPlainText(text)
        field.commit()
        assert opened.act_undo.text() == "&Undo: edit plan profile"
        assert field.toPlainText() == text
        _undo(opened)
        assert field.toPlainText() == old


def test_refused_card_edit_is_said_on_the_page_and_writes_nothing(
    opened: Any, demo_file: Path, dialogs: Any
) -> None:
    page = _page(opened)
    board = page.board
    model = board.panels["S"].model
    index = model.index(model.row_of_id(_id(board, OWN_ROASTING)))
    before = sha256(demo_file)
    assert not model.setData(index, {"text": ""})
    assert "please fill this in" in page.notice.text()
    assert not dialogs.messages
    assert not opened.act_undo.isEnabled()
    assert sha256(demo_file) == before
    # The next accepted change clears the message.
    assert model.setData(index, {"weight": 4})
    assert page.notice.text() == ""


def test_read_only_plan_offers_no_editing(opened: Any) -> None:
    page = _page(opened)
    page.board.set_read_only(True)
    page.tows.set_read_only(True)
    model = page.board.panels["S"].model
    index = model.index(0)
    assert not (model.flags(index) & Qt.ItemFlag.ItemIsEditable)
    assert not model.setData(index, {"text": "x"})
    assert not page.board.panels["S"].composer.isVisible()
    assert not page.tows.composer.isVisible()
    assert not page.board.request_add("S", "x")


def test_shell_hooks_select_cards_and_options(opened: Any) -> None:
    page = _page(opened)
    ident = _id(page.board, "Green coffee prices keep rising")
    assert opened.show_object("swot_item", ident)
    assert page.current_object() == ("swot_item", ident)
    option = page.tows.options()[0]
    assert opened.show_object("tows_option", option["id"])
    assert page.tows.view.current_option()["id"] == option["id"]


def test_make_a_goal_button_on_the_card_is_clickable(opened: Any) -> None:
    page = _page(opened)
    tows = page.tows
    option = next(r for r in tows.options() if r["goal_id"] is None)
    index = tows.model.index(tows.model.row_of_id(option["id"]))
    tows.view.scrollTo(index)
    button = tows.view.itemDelegate().goal_rect(tows.view.visualRect(index), option)
    QTest.mouseClick(tows.view.viewport(), Qt.MouseButton.LeftButton, pos=button.center())
    made = next(r for r in tows.options() if r["id"] == option["id"])
    assert made["goal_id"] is not None
    assert made["goal_title"] == option["text"]
