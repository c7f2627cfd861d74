"""The budget page on the demo: the grid (type, Enter, paste a block from a spreadsheet as one
undo step, clear), the drill-down behind a figure, the gap and the rollover, the expenses ledger
(filters, totals, refunds, a refused negative amount), control points (the over-limit one in
red, recording a check as one undo step), the red strips, and the CSV import wizard end to end."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
from gui.helpers import cells, find_row
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLineEdit

from mktplanner.services import budget as budget_service
from mktplanner.services.demo import FACTS
from mktplanner.ui.models.table import ToneRole
from mktplanner.ui.widgets.budget_grid import ActualRole

pytestmark = pytest.mark.timeout(90)

MONTH = dt.date.today().replace(day=1)


def plain(text: str) -> str:
    """A rich-text label as the user reads it."""
    return html.unescape(re.sub(r"<[^>]+>", "", text))


def _page(window: Any, tab: int = 0) -> Any:
    window.show_page("budget")
    page = window.pages["budget"]
    page.tabs.setCurrentIndex(tab)
    return page


def _cell(page: Any, month: dt.date, key: str) -> Any:
    index = page.grid_model.index_of(month, key)
    assert index.isValid(), (month, key)
    return index


def _shown(page: Any, month: dt.date, key: str) -> tuple[str, str]:
    index = _cell(page, month, key)
    return index.data(), index.data(ActualRole)


def _months(page: Any) -> list[dt.date]:
    return [m.month for m in page.grid.months]


# --- the grid ----------------------------------------------------------------------------------


def test_grid_shows_plan_and_spend_with_overspend_in_red(opened: Any) -> None:
    page = _page(opened)
    assert [c.name for c in page.grid.columns][:4] == [
        "Context ads",
        "Social media",
        "Outdoor",
        "Tastings and events",
    ]
    index = _cell(page, MONTH, "c:1")
    assert (index.data(), index.data(ActualRole)) == ("$250", "$330")
    assert index.data(Qt.ItemDataRole.UserRole + 12) == "bad"  # the spend's tone
    # The month's total, and what is left of it.
    total = page.grid_model.index(_months(page).index(MONTH), page.grid_model.columnCount() - 3)
    assert total.data() == "$750"
    # Both sides of the budget in one sentence.
    assert "Actions need $4,900, the budget is $4,800" in plain(page.gap_label.text())
    assert "$100 short" in plain(page.gap_label.text())
    # The page opens on this month's worst overspend, with the expenses behind it.
    assert "Context ads" in plain(page.drill_title.text()) and "$80 over" in plain(
        page.drill_title.text()
    )


def test_paste_a_block_from_a_spreadsheet_is_one_undo_step(opened: Any, qtbot: Any) -> None:
    page = _page(opened)
    view = page.grid_view
    months = _months(page)
    first = months[3]
    view.setFocus()
    view.setCurrentIndex(_cell(page, first, "c:1"))
    block = "100\t200\t300\t400\n110\t210\t310\t410\n120\t220\t320\t1,420.50\n"
    QGuiApplication.clipboard().setText(block)
    stack = opened.doc.stack
    before = stack.count()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert stack.count() == before + 1
    assert stack.undoText() == "paste into the budget"
    expected = [
        ["$100", "$200", "$300", "$400"],
        ["$110", "$210", "$310", "$410"],
        ["$120", "$220", "$320", "$1,420.50"],
    ]
    keys = ["c:1", "c:2", "c:3", "c:4"]
    for r, row in enumerate(expected):
        assert [_shown(page, months[3 + r], k)[0] for k in keys] == row
    assert "Undo: paste into the budget" in opened.act_undo.text().replace("&", "")
    opened.undo()
    assert stack.count() == before + 1 and stack.index() == before
    assert [_shown(page, months[3], k)[0] for k in keys] == ["$250", "$200", "$150", "$300"]
    opened.redo()
    assert _shown(page, months[5], "c:4")[0] == "$1,420.50"


def test_a_pasted_block_with_a_word_pastes_nothing(opened: Any, qtbot: Any, dialogs: Any) -> None:
    page = _page(opened)
    view = page.grid_view
    view.setCurrentIndex(_cell(page, _months(page)[4], "c:1"))
    QGuiApplication.clipboard().setText("100\t200\n300\tabout 40\n")
    before = opened.doc.stack.count()
    qtbot.keyClick(view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert opened.doc.stack.count() == before
    assert "Row 2, column 2 of the pasted block" in dialogs.texts()[-1]
    assert _shown(page, _months(page)[4], "c:1")[0] == "$250"


def test_type_a_cell_enter_moves_down_and_a_negative_is_refused(
    opened: Any, qtbot: Any, dialogs: Any
) -> None:
    page = _page(opened)
    view = page.grid_view
    months = _months(page)
    view.setFocus()
    view.setCurrentIndex(_cell(page, months[4], "c:2"))
    qtbot.keyClick(view, Qt.Key.Key_2)  # the first key opens the editor with it
    editor = view.focusWidget()
    qtbot.keyClicks(editor, "75")
    assert isinstance(editor, QLineEdit) and editor.text() == "275"
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # Qt commits on the next turn of the loop
    qtbot.waitUntil(lambda: _shown(page, months[4], "c:2")[0] == "$275", timeout=3000)
    assert view.currentIndex().row() == 5  # Enter went down to the next month
    assert opened.doc.stack.undoText() == "edit the budget"
    view.setCurrentIndex(_cell(page, months[4], "c:3"))
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClicks(view.focusWidget(), "5")
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: any("cannot be negative" in t for t in dialogs.texts()), timeout=3000)
    assert _shown(page, months[4], "c:3")[0] == "$150"
    # Delete clears the selected cells (the budget line is gone), one step.
    view.setCurrentIndex(_cell(page, months[4], "c:2"))
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert _shown(page, months[4], "c:2")[0] == ""
    opened.undo()
    assert _shown(page, months[4], "c:2")[0] == "$275"


def test_click_on_a_spent_figure_lists_the_expenses_behind_it(opened: Any, qtbot: Any) -> None:
    page = _page(opened)
    view = page.grid_view
    september = _months(page)[0]
    index = _cell(page, september, "c:4")  # tastings: $130 spent of $100
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert "Tastings and events" in plain(page.drill_title.text())
    assert "spent $130 of $100 planned, $30 over" in plain(page.drill_title.text())
    assert sorted(cells(page.drill_model, "amount_minor")) == ["$40", "$90"]
    # The month's total lists every expense of the month; the ledger shows the same rows.
    rows = page.drill_down(september, None)
    assert sum(r["amount_minor"] for r in rows) == page.grid.month_row(september).actual_minor
    page.grid_view.choose(september, "c:4")
    page.drill_open.click()
    assert page.tabs.currentIndex() == 1
    assert sorted(cells(page.expenses.model, "amount_minor")) == ["$40", "$90"]
    assert "2 expenses" in plain(page.ledger_totals.text()) and "$130" in plain(
        page.ledger_totals.text()
    )
    assert page.ids_chip.isVisible()
    page.reset_filter()
    assert page.expenses.model.rowCount() == 33


def test_columns_per_action_and_unplanned_spend(opened: Any) -> None:
    page = _page(opened)
    # The menu printing has neither channel nor action: its own column, in red.
    october = _months(page)[1]
    assert _shown(page, october, "none") == ("", "$35")
    page.set_by("action")
    assert page.grid.by == "action"
    assert "Context ads: take-away and delivery" in [c.name for c in page.grid.columns]
    assert _shown(page, MONTH, "a:1") == ("", "$330")
    assert page.grid.actual_minor == budget_service.budget_grid(opened.doc.plan).actual_minor


def test_rollover_and_mode_are_one_step_each(opened: Any) -> None:
    page = _page(opened)
    months = _months(page)
    left_col = page.grid_model.columnCount() - 2
    october_left = page.grid_model.index(1, left_col)
    assert october_left.data() == "$10" and not october_left.data(ActualRole)
    page.rollover.click()
    assert page.grid.rollover
    october_left = page.grid_model.index(1, left_col)
    # September overspent 70: October has 750 - 70 available, spent 740.
    assert october_left.data() == "-$60"
    assert october_left.data(ActualRole) == "carried −$70"
    assert opened.doc.stack.undoText() == "change the rollover of the budget"
    opened.undo()
    assert not page.rollover.isChecked()
    page.mode.setCurrentIndex(page.mode.findData("top_down"))
    page.mode.activated.emit(page.mode.currentIndex())
    assert "The budget is what the actions need: $4,900." in plain(page.gap_label.text())
    assert not page.total.isVisible()
    assert len(months) == 6


# --- the ledger --------------------------------------------------------------------------------


def test_ledger_filters_sorts_and_totals(opened: Any) -> None:
    page = _page(opened, 1)
    assert page.expenses.model.rowCount() == 33
    assert "33 expenses" in plain(page.ledger_totals.text())
    assert "refunds -$15" in plain(page.ledger_totals.text())
    page.filter_channel.setCurrentIndex(page.filter_channel.findData(1))
    page.filter_channel.activated.emit(page.filter_channel.currentIndex())
    amounts = cells(page.expenses.model, "amount_minor")
    assert "-$15" in amounts and all(a.startswith(("$", "-$")) for a in amounts)
    context_total = budget_service.filter_expenses(
        budget_service.expense_rows(opened.doc.plan), budget_service.ExpenseFilter(channel_id=1)
    )[1].total_minor
    assert opened.doc.fmt.money(context_total) in plain(page.ledger_totals.text())
    page.reset_filter()
    page.search.setText("photo")
    assert cells(page.expenses.model, "payee") == ["E. Fox, photographer"]
    page.reset_filter()
    amount_col = page.expenses.model.column_of("amount_minor")
    page.expenses.view.horizontalHeader().sectionClicked.emit(amount_col)
    amounts = [r["amount_minor"] for r in page.expenses.model.rows]
    assert amounts == sorted(amounts, reverse=True)
    page.expenses.view.horizontalHeader().sectionClicked.emit(amount_col)
    amounts = [r["amount_minor"] for r in page.expenses.model.rows]
    assert amounts == sorted(amounts)


def test_a_negative_amount_is_refused_unless_it_is_a_refund(
    opened: Any, qtbot: Any, dialogs: Any
) -> None:
    page = _page(opened, 1)
    model, view = page.expenses.model, page.expenses.view
    row = find_row(model, "note", "New menu printing")
    index = model.index(row, model.column_of("amount_minor"))
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.setText("-35")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(dialogs.messages), timeout=3000)
    assert "a negative amount is only for a refund" in dialogs.texts()[-1]
    row = find_row(model, "note", "New menu printing")
    assert cells(model, "amount_minor")[row] == "$35"
    # Ticking "Refund" records money coming back: the amount turns negative, one step.
    refund = model.index(row, model.column_of("is_refund"))
    assert model.setData(refund, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    row = find_row(model, "note", "New menu printing")
    assert cells(model, "amount_minor")[row] == "-$35"
    assert opened.doc.stack.undoText() == "mark an expense as a refund"
    opened.undo()
    row = find_row(model, "note", "New menu printing")
    assert cells(model, "amount_minor")[row] == "$35"


def test_add_an_expense_and_book_it_on_a_hypothesis(opened: Any) -> None:
    page = _page(opened, 1)
    new_id = page.expenses.add()
    assert new_id is not None
    model = page.expenses.model
    row = model.row_of_id(new_id)
    assert model.setData(model.index(row, model.column_of("amount_minor")), 4200)
    row = model.row_of_id(new_id)
    assert model.setData(
        model.index(row, model.column_of("hypothesis_title")), FACTS.hypothesis_running
    )
    row = model.row_of_id(new_id)
    assert cells(model, "amount_minor")[row] == "$42"
    assert cells(model, "hypothesis_title")[row].startswith("Targeted ads")


# --- control points ------------------------------------------------------------------------


def test_the_over_limit_point_is_red_and_first(opened: Any) -> None:
    page = _page(opened)
    assert page.alert.isVisible()
    assert "Context ads: $330 spent of the $250 monthly limit (132%)" in plain(page.alert.text())
    page.alert.open_button.click()
    assert page.tabs.currentIndex() == 2
    model = page.controls.model
    status = model.column_of("status")
    assert cells(model, "subject_name")[0] == "Context ads"
    assert cells(model, "status")[0] == "Overspent"
    assert model.index(0, status).data(ToneRole) == "bad"
    assert cells(model, "status")[1] == "On track"
    assert "At this month's pace Context ads ends at" in plain(page.control_pace.text())
    assert "of $250" in plain(page.control_pace.text())
    assert cells(page.checks_model, "verdict")[0] == "On track"


def test_recording_a_check_is_one_step_and_moves_the_next_check(opened: Any, qtbot: Any) -> None:
    page = _page(opened)
    page.show_control()
    assert page.selected_control().id == FACTS.control_over
    checks_before = page.checks_model.rowCount()
    dialog = page.record_check()
    qtbot.addWidget(dialog)
    assert dialog.verdict.currentData() == "over"
    assert "$330" in dialog.figures.text() and "$250" in dialog.figures.text()
    dialog.comment.setPlainText("Bids lowered by 20 %")
    expected_due = budget_service.advance_due(
        "monthly", page.selected_control().next_due, dt.date.today()
    )
    before = opened.doc.stack.count()
    dialog.accept()
    assert opened.doc.stack.count() == before + 1
    assert opened.doc.stack.undoText() == "record a control check"
    assert page.checks_model.rowCount() == checks_before + 1
    assert cells(page.checks_model, "comment")[0] == "Bids lowered by 20 %"
    assert cells(page.checks_model, "verdict")[0] == "Overspent"
    row = page.controls.model.row_of_id(FACTS.control_over)
    assert page.controls.model.rows[row]["next_due"] == expected_due
    opened.undo()
    assert page.checks_model.rowCount() == checks_before
    row = page.controls.model.row_of_id(FACTS.control_over)
    assert page.controls.model.rows[row]["next_due"] != expected_due


def test_the_window_strip_on_opening(opened: Any) -> None:
    alert = opened.control_alert
    assert opened.current_page_id() == "overview"
    assert alert.isVisible() and "Context ads" in plain(alert.text())
    alert.open_button.click()
    assert opened.current_page_id() == "budget"
    assert not alert.isVisible()  # the budget page says it itself
    assert opened.pages["budget"].tabs.currentIndex() == 2
    opened.show_page("overview")
    assert alert.isVisible()
    alert.close_button.click()
    assert not alert.isVisible()
    opened.show_page("results")
    assert not alert.isVisible()


# --- the CSV import wizard ---------------------------------------------------------------------


STATEMENT = (
    "Выписка по счёту 40702810\n"
    "\n"
    "Дата операции;Сумма, руб.;Контрагент;Назначение платежа\n"
    "03.11.2026;1 200,50;Яндекс;Пополнение кабинета\n"
    "05.11.2026;300,00;Типография;Листовки\n"
)


def test_import_wizard_end_to_end(opened: Any, tmp_path: Path, qtbot: Any) -> None:
    from mktplanner.ui.widgets.import_wizard import open_import

    path = tmp_path / "statement.csv"
    path.write_bytes(STATEMENT.encode("cp1251"))
    wizard = open_import(opened, opened.doc, "expenses", path)
    assert wizard.encoding.currentData() == "cp1251"
    assert wizard.delimiter.currentData() == ";" and wizard.decimal.currentData() == ","
    assert wizard.header_row.value() == 3
    assert wizard.header == ["Дата операции", "Сумма, руб.", "Контрагент", "Назначение платежа"]
    assert wizard.go_next()
    assert wizard.field_combos["date"].currentData() == "Дата операции"
    assert wizard.field_combos["amount"].currentData() == "Сумма, руб."
    assert wizard.field_combos["payee"].currentData() == "Контрагент"
    assert wizard.go_next()
    assert "2 new expenses" in plain(wizard.verdict.text())
    assert wizard.import_button.isEnabled() and not wizard.valid_button.isVisible()
    before = opened.doc.stack.count()
    assert wizard.do_import()
    assert "Imported 2 expenses" in wizard.result_text
    assert opened.doc.stack.count() == before + 1
    page = _page(opened, 1)
    assert "$1,200.50" in cells(page.expenses.model, "amount_minor")
    assert "Яндекс" in cells(page.expenses.model, "payee")
    # The mapping is remembered for the plan; the same file adds nothing a second time.
    again = open_import(opened, opened.doc, "expenses", path)
    assert again.go_next() and again.go_next()
    assert "0 new expenses" in plain(again.verdict.text()) and "2 already in the plan" in plain(
        again.verdict.text()
    )
    assert not again.import_button.isEnabled()
    again.reject()
    opened.undo()
    assert "Яндекс" not in cells(page.expenses.model, "payee")


def test_import_wizard_refuses_bad_rows_unless_asked(
    opened: Any, tmp_path: Path, qtbot: Any
) -> None:
    from mktplanner.ui.widgets.import_wizard import open_import

    path = tmp_path / "bad.csv"
    path.write_text(
        "Date,Amount,Payee,Channel\n"
        "2026-11-02,10.00,A,Context ads\n"
        "2026-11-31,20.00,B,Context ads\n"
        "2026-11-04,-5.00,C,Context ads\n"
        "2026-11-05,7.50,D,Billboards\n",
        encoding="utf-8",
    )
    wizard = open_import(opened, opened.doc, "expenses", path)
    assert wizard.go_next() and wizard.go_next()
    reasons = {r["line"]: r["reason"] for r in wizard.bad_model.rows}
    assert set(reasons) == {3, 4, 5}
    assert "“2026-11-31” is not a date in the format YYYY-MM-DD" in reasons[3]
    assert "is negative" in reasons[4]
    assert "no channel named “Billboards”" in reasons[5]
    assert "3 lines cannot be imported, so nothing will be imported" in plain(wizard.verdict.text())
    assert not wizard.import_button.isEnabled()
    assert wizard.valid_button.isVisible() and wizard.valid_button.isEnabled()
    before = opened.doc.stack.count()
    assert not wizard.do_import(valid_only=False)
    assert opened.doc.stack.count() == before
    assert wizard.do_import(valid_only=True)
    assert (
        "Imported 1 expense" in wizard.result_text and "3 bad lines left out" in wizard.result_text
    )
    page = _page(opened, 1)
    assert cells(page.expenses.model, "payee").count("A") == 1
    assert "B" not in cells(page.expenses.model, "payee")


def test_file_menu_import_asks_for_a_file(opened: Any, tmp_path: Path, monkeypatch: Any) -> None:
    from mktplanner.ui.widgets import import_wizard

    path = tmp_path / "results.csv"
    path.write_text("Channel;Month;Leads;Clicks\nContext ads;2026-11;12;300\n", encoding="utf-8")
    asked: list[str] = []

    def ask(parent: Any, folder: str = "") -> str:
        asked.append(folder)
        return str(path)

    monkeypatch.setattr(import_wizard, "ask_csv_path", ask)
    assert opened.menu_import.isEnabled()
    opened.act_import_results.trigger()
    wizard = next(w for w in opened.findChildren(import_wizard.ImportWizard) if w.isVisible())
    assert asked and wizard.kind == "results" and wizard.header[0] == "Channel"
    assert wizard.go_next() and wizard.go_next()
    assert "1 new month of results" in plain(wizard.verdict.text())
    assert wizard.do_import()
    results = opened.pages["results"]
    opened.show_page("results")
    results.show_month(MONTH)
    row = find_row(results.results.model, "channel_name", "Context ads")
    assert cells(results.results.model, "leads")[row] == "12"
    assert cells(results.results.model, "cpl_minor")[row] == "$27.50"


def test_paste_shortcut_is_the_platform_one() -> None:
    assert QKeySequence(QKeySequence.StandardKey.Paste).toString() == "Ctrl+V"


def test_show_object_selects_a_line_an_expense_and_a_check(opened: Any) -> None:
    plan = opened.doc.plan
    line = budget_service._all(
        plan, "SELECT id FROM budget_line WHERE action_id = 9 ORDER BY id LIMIT 1"
    )[0]["id"]
    assert opened.show_object("budget_line", line)
    page = opened.pages["budget"]
    assert page.tabs.currentIndex() == 0
    assert page.grid_view.currentIndex().data() == "$100"  # the loyalty cards' line
    assert opened.show_object("expense", FACTS.expense_refund)
    assert page.tabs.currentIndex() == 1
    assert page.expenses.view.current_row()["id"] == FACTS.expense_refund
    check = budget_service.control_checks(plan, FACTS.control_ok)[0]["id"]
    assert opened.show_object("control_check", check)
    assert page.tabs.currentIndex() == 2
    assert page.selected_control().id == FACTS.control_ok
