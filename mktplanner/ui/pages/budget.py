"""Budget & control: how the budget is set, the monthly lines as a spreadsheet with what was
spent behind every figure, the expenses ledger, and the control points with their checks.

Money is never left to chance here: the gap between the actions' needs and the budget is
said in one sentence, every overspent figure is red, anything over a limit or overdue is in
the red strip at the top, and a click on an amount spent lists the expenses behind it.
Every change is one edit of ``services.budget`` (one undo step: a pasted block too).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import dialogs, texts, theme
from mktplanner.ui.fmt import DASH, Formatter, ParseError
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.badge import BadgeDelegate
from mktplanner.ui.widgets.budget_grid import BudgetGridModel, BudgetGridView, PasteError
from mktplanner.ui.widgets.control_alert import (
    ControlAlert,
    allowance_sentence,
    gap_sentence,
    pace_sentence,
    subject_text,
)
from mktplanner.ui.widgets.fields import ChoiceField, LineField
from mktplanner.ui.widgets.table import DataTable
from mktplanner.ui.widgets.team_view import section_head

TAB_GRID, TAB_EXPENSES, TAB_CONTROL = 0, 1, 2

_STATUS_TONE = {
    "over": "bad",
    "overdue": "bad",
    "unplanned": "warn",
    "warning": "warn",
    "ok": "good",
}


def _status_tone(row: Row) -> str | None:
    return _STATUS_TONE.get(str(row.get("status") or ""))


def _verdict_tone(row: Row) -> str | None:
    verdict = row.get("last_verdict") or row.get("verdict")
    if not verdict:
        return "muted"
    return {"ok": "good", "warning": "warn", "unplanned": "warn"}.get(verdict, "bad")


def _short_date(row: Row, fmt: Formatter) -> str:
    day = row.get("next_due")
    if day is None:
        return DASH
    return fmt.short_date(day) if day.year == dt.date.today().year else fmt.date(day)


def _amount_tone(row: Row) -> str | None:
    return "good" if row.get("is_refund") else None


class BudgetPage(Page):
    page_id = "budget"
    tables = frozenset(
        {
            "plan",
            "budget",
            "budget_line",
            "expense",
            "control_point",
            "control_check",
            "channel",
            "action",
            "person",
            "hypothesis",
        }
    )
    tab_names = ("grid", "expenses", "control")

    def subtitle(self) -> str:
        return self.tr(
            "The money: what is planned per month and channel, what was spent, and who checks "
            "it how often."
        )

    # --- building -------------------------------------------------------------------------
    def build(self) -> None:
        self.choices: Any = None
        self.grid: Any = None
        self._by = "channel"
        self._budget_id: Any = 1
        self._expense_rows: list[Row] = []
        self._ledger_stale = True  # the Expenses tab's rows are read when it is shown
        self._ids_filter: frozenset[int] | None = None
        self._ids_label = ""
        self._sort: tuple[str, bool] = ("date", True)
        self._control_rows: list[Any] = []
        self._chosen: tuple[Any, Any] | None = None
        self._first_load = True

        self.alert = ControlAlert(closable=False)
        self.alert.open_requested.connect(self.show_control)
        self.body.addWidget(self.alert)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_grid_tab(), self.tr("&Budget lines"))
        self.tabs.addTab(self._build_expenses_tab(), self.tr("&Expenses"))
        self.tabs.addTab(self._build_control_tab(), self.tr("C&ontrol points"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body.addWidget(self.tabs, 1)

    def _build_grid_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)

        settings = QHBoxLayout()
        settings.setSpacing(8)
        caption = QLabel(self.tr("Budget:"))
        caption.setObjectName("SectionTitle")
        self.mode = ChoiceField(lambda v: self._save_settings(mode=v))
        self.mode.setObjectName("BudgetMode")
        self.total = LineField(self._save_total)
        self.total.setObjectName("BudgetTotal")
        self.total.setFixedWidth(110)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.basis = ChoiceField(lambda v: self._save_settings(basis=v))
        for combo in (self.mode, self.basis):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.rollover = QCheckBox(self.tr("&Carry the rest over"))
        self.rollover.setObjectName("Rollover")
        self.rollover.setToolTip(
            self.tr(
                "Rollover: what a month leaves unspent is added to the next month; what it "
                "overspends is taken from it."
            )
        )
        self.rollover.clicked.connect(self._rollover_clicked)
        settings.addWidget(caption)
        settings.addWidget(self.mode)
        settings.addWidget(self.total)
        settings.addWidget(self.basis)
        settings.addSpacing(8)
        settings.addWidget(self.rollover)
        settings.addStretch(1)
        layout.addLayout(settings)

        line = QHBoxLayout()
        line.setSpacing(8)
        self.gap_label = QLabel()
        self.gap_label.setObjectName("BudgetGap")
        self.gap_label.setWordWrap(True)
        self.gap_label.setTextFormat(Qt.TextFormat.RichText)
        line.addWidget(self.gap_label, 1)
        by_caption = QLabel(self.tr("Columns:"))
        by_caption.setObjectName("Muted")
        line.addWidget(by_caption, 0, Qt.AlignmentFlag.AlignTop)
        self.by_group = QButtonGroup(self)
        self.by_buttons: dict[str, QToolButton] = {}
        for key, text in (("channel", self.tr("Channels")), ("action", self.tr("Actions"))):
            button = QToolButton()
            button.setText(text)
            button.setCheckable(True)
            button.setObjectName("Segment")
            button.setChecked(key == self._by)
            button.clicked.connect(lambda _c=False, key=key: self.set_by(key))
            self.by_group.addButton(button)
            self.by_buttons[key] = button
            line.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(line)

        self.grid_model = BudgetGridModel(lambda: self.fmt)
        self.grid_model.on_cells = self._set_cells
        self.grid_model.on_error = self._cell_error
        self.grid_view = BudgetGridView(self.grid_model)
        self.grid_view.setToolTip("")
        self.grid_view.cell_chosen.connect(self._cell_chosen)
        self.grid_view.paste_failed.connect(self._paste_failed)

        drill = QWidget()
        drill_layout = QVBoxLayout(drill)
        drill_layout.setContentsMargins(0, 8, 0, 0)
        drill_layout.setSpacing(4)
        head = QHBoxLayout()
        self.drill_title = QLabel()
        self.drill_title.setObjectName("SectionTitle")
        self.drill_title.setTextFormat(Qt.TextFormat.RichText)
        self.drill_title.setWordWrap(True)
        head.addWidget(self.drill_title, 1)
        self.drill_open = QPushButton(self.tr("Show in the e&xpenses list"))
        self.drill_open.clicked.connect(self._open_drill_in_ledger)
        head.addWidget(self.drill_open, 0, Qt.AlignmentFlag.AlignBottom)
        drill_layout.addLayout(head)
        self.drill_model = RowTableModel(self._drill_columns(), fmt=lambda: self.fmt)
        self.drill_view = DataTable(self.drill_model)
        self.drill_view.setObjectName("DataTable")
        self.drill_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.drill_view.set_empty_text(self.tr("Nothing was spent here."))
        drill_layout.addWidget(self.drill_view, 1)

        self.grid_splitter = QSplitter(Qt.Orientation.Vertical)
        self.grid_splitter.setChildrenCollapsible(False)
        self.grid_splitter.addWidget(self.grid_view)
        self.grid_splitter.addWidget(drill)
        self.grid_splitter.setStretchFactor(0, 3)
        self.grid_splitter.setStretchFactor(1, 2)
        self.grid_splitter.setSizes([330, 170])
        layout.addWidget(self.grid_splitter, 1)
        self._show_drill(None, None)
        return tab

    def _drill_columns(self) -> list[Col]:
        return [
            Col("date", label("date"), "date"),
            Col("amount_minor", label("amount_minor"), "money", bold=True, tone=_amount_tone),
            Col("effective_channel_name", label("channel_id"), max_width=160),
            Col("action_title", label("action_id"), max_width=220),
            Col("payee", label("payee"), max_width=180),
            Col("note", label("note"), stretch=1),
        ]

    def _build_expenses_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        self.search.setObjectName("ExpenseSearch")
        self.search.setPlaceholderText(self.tr("Search payee or note"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(170)
        self.search.textChanged.connect(self._apply_filter)
        self.filter_channel = QComboBox()
        self.filter_action = QComboBox()
        self.filter_month = QComboBox()
        for combo in (self.filter_channel, self.filter_action, self.filter_month):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
            combo.setMaximumWidth(220)
            combo.activated.connect(self._apply_filter)
        self.refunds_only = QCheckBox(self.tr("Refunds only"))
        self.refunds_only.toggled.connect(self._apply_filter)
        self.clear_filters = QPushButton(self.tr("Clear"))
        self.clear_filters.clicked.connect(self.reset_filter)
        self.import_button = QPushButton(theme.icon("open"), self.tr("&Import from CSV…"))
        self.import_button.clicked.connect(lambda: self.import_csv("expenses"))
        filters.addWidget(self.search, 1)
        filters.addWidget(self.filter_month)
        filters.addWidget(self.filter_channel)
        filters.addWidget(self.filter_action)
        filters.addWidget(self.refunds_only)
        filters.addWidget(self.clear_filters)
        layout.addLayout(filters)

        self.expenses = self.table_block(
            "expense",
            [
                Col("date", label("date"), "date", field="date", nullable=False),
                Col(
                    "amount_minor",
                    label("amount_minor"),
                    "money",
                    field="amount_minor",
                    nullable=False,
                    bold=True,
                    width=100,
                    tone=_amount_tone,
                ),
                Col("is_refund", label("is_refund"), "bool", field="is_refund"),
                Col(
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    max_width=160,
                    display=self._channel_text,
                    tooltip=self._channel_tip,
                ),
                Col(
                    "action_title",
                    label("action_id"),
                    "ref",
                    field="action_id",
                    choices=ref_choices(self, "actions"),
                    max_width=200,
                ),
                Col(
                    "hypothesis_title",
                    label("hypothesis_id"),
                    "ref",
                    field="hypothesis_id",
                    choices=ref_choices(self, "hypotheses"),
                    max_width=160,
                ),
                Col(
                    "payee", label("payee"), field="payee", width=120, max_width=190, max_length=200
                ),
                Col("note", label("note"), field="note", stretch=1, max_length=4000),
            ],
            title=self.tr("Expenses"),
            hint=self.tr(
                "What was actually paid. A refund (money coming back) is ticked and counts as "
                "negative. Click a column title to sort."
            ),
            empty=self.tr("No expenses recorded yet. Add one, or import a bank statement."),
            add_text=self.tr("Add expense"),
            delete_text=self.tr("Delete"),
            new_row=self._new_expense,
            on_edit=self._edit_expense,
        )
        self.ledger_totals = QLabel()
        self.ledger_totals.setObjectName("LedgerTotals")
        self.ledger_totals.setTextFormat(Qt.TextFormat.RichText)
        self.ids_chip = QFrame()
        chip_layout = QHBoxLayout(self.ids_chip)
        chip_layout.setContentsMargins(0, 0, 0, 0)
        self.ids_label = QLabel()
        self.ids_label.setObjectName("Muted")
        chip_layout.addWidget(self.ids_label)
        show_all = QPushButton(self.tr("Show all expenses"))
        show_all.clicked.connect(self.reset_filter)
        chip_layout.addWidget(show_all)
        chip_layout.addStretch(1)
        self.ids_chip.hide()
        head = section_head(self.expenses.section)
        head.insertWidget(1, self.import_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addWidget(self.ids_chip)
        layout.addWidget(self.expenses.section, 1)
        layout.addWidget(self.ledger_totals)
        header = self.expenses.view.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.sectionClicked.connect(self._sort_clicked)
        header.setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        return tab

    def _build_control_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        self.controls = self.table_block(
            "control_point",
            [
                Col(
                    "status",
                    lambda: self.tr("Status"),
                    "enum",
                    enum="verdict",
                    tone=_status_tone,
                    bold=True,
                    width=118,
                    tooltip=self._status_tip,
                ),
                Col(
                    "subject_name",
                    lambda: self.tr("Controls"),
                    "ref",
                    field="subject_key",
                    choices=self._subject_choices,
                    nullable=False,
                    stretch=1,
                    bold=True,
                ),
                Col(
                    "controller_name",
                    label("controller_id"),
                    "ref",
                    field="controller_id",
                    choices=ref_choices(self, "people"),
                    max_width=160,
                ),
                Col(
                    "cadence",
                    lambda: self.tr("Cadence"),
                    "enum",
                    field="cadence",
                    enum="cadence",
                    nullable=False,
                ),
                Col(
                    "limit_minor",
                    lambda: self.tr("Limit"),
                    "money",
                    field="limit_minor",
                    nullable=False,
                    width=90,
                ),
                Col(
                    "spent_minor",
                    lambda: self.tr("Spent"),
                    "money",
                    display=self._spent_text,
                    tone=_status_tone,
                    width=120,
                ),
                Col(
                    "projected_minor",
                    lambda: self.tr("Projected"),
                    "money",
                    display=lambda r, fmt: fmt.money(r.get("projected_minor"), cents=False),
                    tone=self._pace_tone,
                    tooltip=self._pace_tip,
                ),
                Col(
                    "next_due",
                    lambda: self.tr("Due"),
                    "date",
                    field="next_due",
                    display=_short_date,
                    tone=lambda r: "bad" if "overdue" in (r.get("flags") or ()) else None,
                ),
                Col(
                    "last_verdict",
                    lambda: self.tr("Last checked"),
                    display=self._last_check_text,
                    tone=_verdict_tone,
                    max_width=190,
                    tooltip=lambda r: self._last_check_text(r, self.fmt),
                ),
            ],
            title=self.tr("Control points"),
            hint=self.tr(
                "Who checks the spending of what, how often, and against which limit. "
                "Anything over its limit or overdue comes first."
            ),
            empty=self.tr(
                "No control points yet. Without control, a fifth of an online budget "
                "can simply evaporate."
            ),
            add_text=self.tr("Add control point"),
            delete_text=self.tr("Delete"),
            new_row=self._new_control,
            on_edit=self._edit_control,
        )
        self.controls.view.setItemDelegateForColumn(0, BadgeDelegate(self.controls.view))
        self.check_button = QPushButton(theme.icon("check"), self.tr("&Record a check…"))
        self.check_button.setObjectName("Primary")
        self.check_button.clicked.connect(self.record_check)
        section_head(self.controls.section).insertWidget(
            1, self.check_button, 0, Qt.AlignmentFlag.AlignBottom
        )
        self.controls.view.selectionModel().currentRowChanged.connect(self._control_selected)

        details = QWidget()
        d = QVBoxLayout(details)
        d.setContentsMargins(0, 8, 0, 0)
        d.setSpacing(4)
        self.control_title = QLabel()
        self.control_title.setObjectName("SectionTitle")
        d.addWidget(self.control_title)
        self.control_pace = QLabel()
        self.control_pace.setWordWrap(True)
        self.control_pace.setTextFormat(Qt.TextFormat.RichText)
        d.addWidget(self.control_pace)
        self.checks_model = RowTableModel(
            [
                Col("date", label("date"), "date"),
                Col("person_name", lambda: self.tr("Checked by"), max_width=160),
                Col("plan_minor", lambda: self.tr("Plan"), "money"),
                Col("actual_minor", lambda: self.tr("Actual"), "money", tone=self._check_tone),
                Col("verdict", label("verdict"), "enum", enum="verdict", tone=_verdict_tone),
                Col("comment", lambda: self.tr("Comment"), stretch=1),
            ],
            fmt=lambda: self.fmt,
        )
        self.checks_view = DataTable(self.checks_model)
        self.checks_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.checks_view.set_empty_text(self.tr("No check recorded yet."))
        d.addWidget(self.checks_view, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.controls.section)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([240, 260])
        layout.addWidget(splitter, 1)
        return tab

    # --- loading ----------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        editable = not self.read_only
        for w in (self.mode, self.total, self.basis, self.rollover, self.import_button):
            w.setEnabled(editable)
        self.check_button.setVisible(editable)
        self.grid_model.read_only = not editable
        self._first_load = True

    def load(self) -> None:
        from mktplanner.services import budget, views

        assert self.doc is not None
        plan = self.doc.plan
        self.choices = views.choices(plan)
        self.grid = budget.budget_grid(plan, self._by)
        self._load_settings(views.budget_settings(plan))
        self._load_grid()
        # Every expense (tens of thousands in a plan kept for years) is read only for the
        # Expenses tab, when it is shown: the other tabs open without that wait.
        self._ledger_stale = True
        if self.tabs.currentIndex() == TAB_EXPENSES:
            self._load_ledger()
        self._control_rows = budget.control_rows(plan)
        self.controls.set_rows([self._control_row(r) for r in self._control_rows])
        if self.controls.view.current_row() is None and self._control_rows:
            self.controls.view.selectRow(0)
        self._control_selected()
        self.alert.show_rows([r for r in self._control_rows if r.needs_attention], self.fmt)
        self._first_load = False

    def _load_settings(self, settings: Row) -> None:
        self._budget_id = settings["id"] or 1
        self.mode.set_choices(texts.enum_choices("mode"), settings["mode"])
        widest = max(
            (self.mode.fontMetrics().horizontalAdvance(t) for _v, t in texts.enum_choices("mode")),
            default=0,
        )
        self.mode.setMinimumWidth(widest + 48)  # the text, the padding and the arrow
        self.basis.set_choices(texts.enum_choices("basis"), settings["basis"])
        self.total.set_value(self.fmt.money_plain(settings["total_minor"]))
        self.rollover.setChecked(bool(settings["rollover"]))
        fixed = settings["mode"] == "bottom_up"
        self.total.setVisible(fixed)
        self.basis.setVisible(fixed)
        self.gap_label.setText(gap_sentence(self.grid.gap, self.fmt))

    def _load_grid(self) -> None:
        chosen = self._chosen
        self.grid_model.set_grid(self.grid)
        self.grid_model.read_only = self.read_only
        self._size_grid()
        if chosen is None and self._first_load:
            chosen = self._worst_cell()
        if chosen is not None and self.grid_view.choose(*chosen):
            return
        self._show_drill(None, None)

    def _size_grid(self) -> None:
        """Give the grid the height of its rows (when the page has it) and the drill-down the rest."""
        view = self.grid_view
        rows = self.grid_model.rowCount()
        want = (
            view.horizontalHeader().sizeHint().height()
            + view.verticalHeader().defaultSectionSize() * rows
            + 6
        )
        total = sum(self.grid_splitter.sizes()) or 500
        grid = min(want, max(total - 120, 160))
        self.grid_splitter.setSizes([grid, max(total - grid, 100)])

    def _worst_cell(self) -> tuple[Any, Any] | None:
        """The cell of the current month spent furthest over its plan (shown at first)."""
        today = dt.date.today().replace(day=1)
        worst, key = 0, None
        for c in self.grid.columns:
            cell = self.grid.cell(today, c.key)
            over = cell.actual_minor - (cell.plan_minor or 0)
            if over > worst:
                worst, key = over, c.key
        return (today, key) if key is not None else None

    # --- settings ---------------------------------------------------------------------------
    def _save_settings(self, **changes: Any) -> bool:
        from mktplanner.services import budget

        if self.doc is None:
            return False
        return self.push(budget.settings_edit(self.doc.plan, **changes))

    def _save_total(self, text: str) -> bool:
        try:
            value = self.fmt.parse_money(text)
        except ParseError as exc:
            dialogs.show_parse_error(self.window(), "total_minor", exc.code, exc.params)
            return False
        if value is not None and value < 0:
            dialogs.show_parse_error(self.window(), "total_minor", "negative_money", {})
            return False
        return self._save_settings(total_minor=value or 0)

    def _rollover_clicked(self, checked: bool) -> None:
        if not self._save_settings(rollover=checked):
            self.rollover.setChecked(not checked)

    def set_by(self, by: str) -> None:
        """Columns per channel or per action."""
        self._by = by
        for key, button in self.by_buttons.items():
            button.setChecked(key == by)
        self._chosen = None
        if self.doc is not None:
            self.refresh()

    # --- the grid -------------------------------------------------------------------------
    def _set_cells(self, cells: list[tuple[dt.date, str, int | None]]) -> bool:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import budget

        if self.doc is None or self.read_only:
            return False
        values = []
        for month, key, amount in cells:
            channel_id, action_id = budget.parse_column_key(key)
            values.append(budget.CellValue(month, channel_id, action_id, amount))
        try:
            edit = budget.set_cells_edit(self.doc.plan, values)
        except DomainError as exc:
            dialogs.show_edit_error(self.window(), exc, texts.edit_label("paste_budget"))
            return False
        if edit is None:
            return False
        return self.push(edit)

    def _cell_error(self, exc: ParseError) -> None:
        dialogs.show_parse_error(self.window(), "amount_minor", exc.code, exc.params)

    def _paste_failed(self, error: PasteError) -> None:
        p = error.problems[0]
        dialogs.message(
            self.window(),
            "warning",
            dialogs.app_title(),
            self.tr("Nothing was pasted"),
            self.tr("Row {row}, column {column} of the pasted block: {reason}").format(
                row=p.row,
                column=p.column,
                reason=texts.problem_text(p.error.code, {"value": p.text, **p.error.params}),
            ),
        )

    def _cell_chosen(self, month: Any, key: Any) -> None:
        self._chosen = (month, key)
        self._show_drill(month, key)

    def _cell_name(self, month: dt.date | None, key: str | None) -> str:
        if key is None:
            what = self.tr("everything")
        else:
            col = self.grid.column(key) if self.grid is not None else None
            if col is None:
                what = "?"
            elif col.kind == "none":
                what = self.tr("spend with no channel")
            else:
                what = col.name
        when = self.fmt.month(month) if month is not None else self.tr("the whole period")
        return f"{what} · {when}"

    def _show_drill(self, month: dt.date | None, key: str | None) -> None:
        if (
            self.doc is None
            or self.grid is None
            or (month is None and key is None and not self._chosen)
        ):
            self.drill_title.setText(self.tr("Expenses behind a figure"))
            self.drill_model.set_rows([])
            self.drill_view.set_empty_text(
                self.tr("Click an amount in the grid to see the expenses behind it.")
            )
            self.drill_open.setEnabled(False)
            self._drill_ids: frozenset[int] = frozenset()
            return
        from mktplanner.services import budget  # not before: build() calls this (start-up)

        rows = budget.cell_expenses(self.doc.plan, self.grid, month, key)
        self._drill_ids = frozenset(int(r["id"]) for r in rows)
        self._drill_name = self._cell_name(month, key)
        if key is not None and month is not None:
            cell = self.grid.cell(month, key)
        elif key is not None:
            cell = self.grid.column_totals.get(key)
        else:
            m = self.grid.month_row(month) if month is not None else None
            from mktplanner.services.budget import GridCell

            cell = (
                GridCell(m.plan_minor, m.actual_minor)
                if m is not None
                else GridCell(self.grid.plan_minor, self.grid.actual_minor)
            )
        self.drill_title.setText(self._drill_sentence(self._drill_name, cell))
        self.drill_model.set_rows(rows)
        self.drill_view.set_empty_text(self.tr("Nothing was spent here."))
        self.drill_open.setEnabled(bool(rows))

    def _drill_sentence(self, name: str, cell: Any) -> str:
        fmt = self.fmt
        spent = cell.actual_minor if cell is not None else 0
        plan = cell.plan_minor if cell is not None else None
        head = f"{_escape(name)}: "
        if plan is None:
            text = self.tr("spent {spent}, nothing planned").format(spent=fmt.money(spent))
            tone = "bad" if spent > 0 else None
        elif spent > plan:
            text = self.tr("spent {spent} of {plan} planned, {over} over").format(
                spent=fmt.money(spent), plan=fmt.money(plan), over=fmt.money(spent - plan)
            )
            tone = "bad"
        else:
            text = self.tr("spent {spent} of {plan} planned").format(
                spent=fmt.money(spent), plan=fmt.money(plan)
            )
            tone = None
        if tone:
            text = f"<span style='color:{theme.tone_color(tone)}'>{_escape(text)}</span>"
        else:
            text = _escape(text)
        return head + text

    def _open_drill_in_ledger(self) -> None:
        self.show_expenses(self._drill_ids, self._drill_name)

    def drill_down(self, month: dt.date | None, key: str | None) -> list[Row]:
        """Choose a figure of the grid (as a click does) and return the expenses listed."""
        self.grid_view.choose(month, key)
        return list(self.drill_model.rows)

    # --- the ledger -----------------------------------------------------------------------
    def _channel_text(self, row: Row, fmt: Formatter) -> str:
        if row.get("channel_name"):
            return str(row["channel_name"])
        if row.get("action_channel_name"):
            return f"({row['action_channel_name']})"
        return DASH

    def _channel_tip(self, row: Row) -> str:
        if not row.get("channel_name") and row.get("action_channel_name"):
            return self.tr("Counted for {channel}, the channel of its action").format(
                channel=row["action_channel_name"]
            )
        return ""

    def _fill_filters(self) -> None:
        def fill(combo: QComboBox, items: list[tuple[Any, str]], none_text: str) -> None:
            current = combo.currentData()
            combo.clear()
            combo.addItem(items[0][1], items[0][0])
            combo.addItem(none_text, 0)
            for value, text in items[1:]:
                combo.addItem(text, value)
            pos = combo.findData(current)
            combo.setCurrentIndex(max(pos, 0))

        assert self.choices is not None
        fill(
            self.filter_channel,
            [(None, self.tr("All channels")), *self.choices.channels],
            self.tr("No channel"),
        )
        fill(
            self.filter_action,
            [(None, self.tr("All actions")), *self.choices.actions],
            self.tr("No action"),
        )
        months = sorted(
            {r["date"].replace(day=1) for r in self._expense_rows if r["date"]}, reverse=True
        )
        current = self.filter_month.currentData()
        self.filter_month.clear()
        self.filter_month.addItem(self.tr("All months"), None)
        for m in months:
            self.filter_month.addItem(self.fmt.month(m), m)
        self.filter_month.setCurrentIndex(max(_find_data(self.filter_month, current), 0))

    def current_filter(self) -> Any:
        from mktplanner.domain.rules.dates import month_end
        from mktplanner.services.budget import ExpenseFilter

        month = self.filter_month.currentData()
        return ExpenseFilter(
            text=self.search.text(),
            first=month,
            last=month_end(month) if month is not None else None,
            channel_id=self.filter_channel.currentData(),
            action_id=self.filter_action.currentData(),
            refunds_only=self.refunds_only.isChecked(),
            ids=self._ids_filter,
        )

    def _apply_filter(self, *_: Any) -> None:
        from mktplanner.services.budget import filter_expenses

        flt = self.current_filter()
        rows, totals = filter_expenses(self._expense_rows, flt)
        rows = self._sorted(rows)
        self.expenses.set_rows(rows)
        fmt = self.fmt
        text = self.tr("%n expense(s)", "", totals.count)
        text += " · " + self.tr("total {amount}").format(
            amount=f"<b>{fmt.money(totals.total_minor)}</b>"
        )
        if totals.refunds:
            text += " · " + self.tr("refunds {amount}").format(
                amount=fmt.money(totals.refunds_minor)
            )
        if flt.active:
            text += " · " + self.tr("of {amount} in all").format(
                amount=fmt.money(sum(int(r["amount_minor"]) for r in self._expense_rows))
            )
        self.ledger_totals.setText(text)
        self.clear_filters.setEnabled(flt.active)
        self.ids_chip.setVisible(self._ids_filter is not None)

    def reset_filter(self) -> None:
        self._ids_filter = None
        for w in (self.search,):
            w.blockSignals(True)
            w.clear()
            w.blockSignals(False)
        for combo in (self.filter_channel, self.filter_action, self.filter_month):
            combo.setCurrentIndex(0)
        self.refunds_only.blockSignals(True)
        self.refunds_only.setChecked(False)
        self.refunds_only.blockSignals(False)
        self._apply_filter()

    def _tab_changed(self, index: int) -> None:
        if index == TAB_EXPENSES and self._ledger_stale:
            self._load_ledger()

    def _load_ledger(self) -> None:
        from mktplanner.services import budget

        if self.doc is None:
            return
        self._expense_rows = budget.expense_rows(self.doc.plan)
        self._ledger_stale = False
        self._fill_filters()
        self._apply_filter()

    def show_expenses(self, ids: frozenset[int] | None, what: str = "") -> None:
        """The Expenses tab with only ``ids`` (a drill-down) or every expense."""
        if self._ledger_stale:
            self._load_ledger()
        self.reset_filter()
        self._ids_filter = ids
        self.ids_label.setText(
            self.tr("Showing the expenses behind {what}.").format(what=what) if ids else ""
        )
        self._apply_filter()
        self.tabs.setCurrentIndex(TAB_EXPENSES)

    _SORT_KEYS = {
        "date": "date",
        "amount_minor": "amount_minor",
        "is_refund": "is_refund",
        "channel_name": "effective_channel_name",
        "action_title": "action_title",
        "hypothesis_title": "hypothesis_title",
        "payee": "payee",
        "note": "note",
    }

    def _sort_clicked(self, section: int) -> None:
        col = self.expenses.model.columns[section]
        key = self._SORT_KEYS.get(col.key, col.key)
        current, descending = self._sort
        self._sort = (key, not descending if key == current else key in ("date", "amount_minor"))
        self.expenses.view.horizontalHeader().setSortIndicator(
            section,
            Qt.SortOrder.DescendingOrder if self._sort[1] else Qt.SortOrder.AscendingOrder,
        )
        self._apply_filter()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        key, descending = self._sort

        def value(r: Row) -> tuple[int, Any]:
            v = r.get(key)
            if v is None or v == "":
                return (1, "")
            return (0, v.casefold() if isinstance(v, str) else v)

        present = [r for r in rows if value(r)[0] == 0]
        missing = [r for r in rows if value(r)[0] == 1]
        present.sort(key=lambda r: (value(r)[1], r["id"]), reverse=descending)
        return present + missing

    def _edit_expense(self, row: Row, col: Col, value: Any) -> bool:
        from mktplanner.services import budget

        if self.doc is None or row.get("id") is None:
            return False
        try:
            if col.field == "amount_minor":
                edit = budget.expense_amount_edit(self.doc.plan, row["id"], int(value))
            elif col.field == "is_refund":
                edit = budget.refund_edit(self.doc.plan, row["id"], bool(value))
            else:
                return self.update_row("expense", row["id"], {col.field: value})
        except Exception as exc:  # noqa: BLE001 - shown like every refused edit
            dialogs.show_edit_error(self.window(), exc, texts.edit_label("edit_expense"))
            return False
        return self.push(edit)

    def _new_expense(self) -> Row:
        from mktplanner.services import budget

        current = self.expenses.view.current_row() or {}
        return budget.new_expense_values(
            dt.date.today(),
            0,
            channel_id=self.filter_channel.currentData() or current.get("channel_id"),
            action_id=self.filter_action.currentData() or None,
        )

    # --- control points ---------------------------------------------------------------------
    def show_control(self) -> None:
        """The Control points tab, the most pressing point selected."""
        self.tabs.setCurrentIndex(TAB_CONTROL)
        if self._dirty and self.doc is not None:
            self.refresh()
        if self.controls.model.rowCount():
            self.controls.view.selectRow(0)
            self.controls.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _control_row(self, r: Any) -> Row:
        if r.target == "channel":
            key = f"c:{r.channel_id}"
        elif r.target == "action":
            key = f"a:{r.action_id}"
        else:
            key = "budget"
        return {
            "id": r.id,
            "status": r.status,
            "flags": r.flags,
            "subject_key": key,
            "subject_name": subject_text(r),
            "target": r.target,
            "controller_id": r.controller_id,
            "controller_name": r.controller,
            "cadence": r.cadence,
            "limit_minor": r.limit_minor,
            "spent_minor": r.spent_minor,
            "percent": r.percent,
            "projected_minor": r.projected_minor,
            "projected_over": r.projected_over,
            "next_due": r.next_due,
            "last_check": r.last_check,
            "last_verdict": r.last_verdict,
            "note": r.note,
            "_row": r,
        }

    def _subject_choices(self) -> list[tuple[str, str]]:
        items = [("budget", texts.enum_label("target", "budget"))]
        if self.choices is not None:
            items += [(f"c:{cid}", name) for cid, name in self.choices.channels]
            items += [
                (f"a:{aid}", self.tr("Action: {title}").format(title=title))
                for aid, title in self.choices.actions
            ]
        return items

    def _status_tip(self, row: Row) -> str:
        flags = row.get("flags") or ()
        return ", ".join(texts.enum_label("verdict", f) for f in flags)

    def _spent_text(self, row: Row, fmt: Formatter) -> str:
        spent = fmt.money(row.get("spent_minor"))
        if row.get("percent") is None:
            return spent
        return f"{spent} · {fmt.percent(row['percent'] / 100)}"

    def _pace_tone(self, row: Row) -> str | None:
        return "bad" if row.get("projected_over") else "muted"

    def _pace_tip(self, row: Row) -> str:
        r = row.get("_row")
        return pace_sentence(r, self.fmt) if r is not None else ""

    def _last_check_text(self, row: Row, fmt: Formatter) -> str:
        if not row.get("last_verdict"):
            return self.tr("not checked yet")
        return "{} · {}".format(
            texts.enum_label("verdict", row["last_verdict"]), fmt.short_date(row.get("last_check"))
        )

    def _check_tone(self, row: Row) -> str | None:
        return "bad" if (row.get("actual_minor") or 0) > (row.get("plan_minor") or 0) else None

    def _edit_control(self, row: Row, col: Col, value: Any) -> bool:
        if col.field == "subject_key":
            from mktplanner.services.budget import parse_column_key

            if value == "budget":
                changes = {"target": "budget", "channel_id": None, "action_id": None}
            else:
                channel_id, action_id = parse_column_key(str(value))
                changes = {
                    "target": "action" if action_id is not None else "channel",
                    "channel_id": channel_id,
                    "action_id": action_id,
                }
            return self.update_row("control_point", row["id"], changes)
        if col.field is None:
            return False
        return self.update_row("control_point", row["id"], {col.field: value})

    def _new_control(self) -> Row:
        today = dt.date.today()
        return {
            "target": "budget",
            "cadence": "monthly",
            "limit_minor": 0,
            "next_due": today,
        }

    def selected_control(self) -> Any:
        row = self.controls.view.current_row()
        return row.get("_row") if row else None

    def _control_selected(self, *_: Any) -> None:
        from mktplanner.services import budget

        r = self.selected_control()
        self.check_button.setEnabled(r is not None and not self.read_only)
        if r is None or self.doc is None:
            self.control_title.setText(
                self.tr("Select a control point to see its pace and checks.")
            )
            self.control_pace.setText("")
            self.checks_model.set_rows([])
            return
        fmt = self.fmt
        self.control_title.setText(
            self.tr("{subject} · {cadence} limit {limit} · {period}").format(
                subject=subject_text(r),
                cadence=texts.enum_label("cadence", r.cadence),
                limit=fmt.money(r.limit_minor),
                period=fmt.day_range(r.period_start, r.period_end),
            )
        )
        lines = [
            self.tr("Spent {spent} so far ({percent} of the limit).").format(
                spent=fmt.money(r.spent_minor),
                percent=fmt.percent((r.percent or 0) / 100) if r.percent is not None else DASH,
            )
        ]
        pace = pace_sentence(r, fmt)
        if pace:
            color = theme.tone_color("bad") if r.projected_over else None
            lines.append(
                f"<span style='color:{color}'>{_escape(pace)}</span>" if color else _escape(pace)
            )
        lines.append(_escape(allowance_sentence(r, fmt)))
        if "overdue" in r.flags:
            lines.append(
                "<span style='color:{}'>{}</span>".format(
                    theme.tone_color("bad"),
                    _escape(self.tr("The check was due {date}.").format(date=fmt.date(r.next_due))),
                )
            )
        if r.note:
            lines.append(f"<i>{_escape(r.note)}</i>")
        self.control_pace.setText(" ".join(lines[:1]) + " " + " ".join(lines[1:]))
        self.checks_model.set_rows(budget.control_checks(self.doc.plan, r.id))

    def record_check(self) -> Any:
        """Open the dialog that records a check of the selected point (returns it; the check
        is recorded, one undo step, when the dialog is accepted)."""
        from mktplanner.ui.widgets.control_check import CheckDialog

        r = self.selected_control()
        if r is None or self.doc is None or self.read_only:
            return None
        people = self.choices.people if self.choices is not None else []
        dialog = CheckDialog(self.window(), self.doc.plan, self.fmt, r, people)
        dialog.accepted.connect(lambda: self._check_accepted(r.id, dialog))
        dialog.open()
        return dialog

    def _check_accepted(self, point_id: int, dialog: Any) -> None:
        from mktplanner.services import budget

        if self.doc is None:
            return
        v = dialog.values()
        try:
            edit = budget.check_edit(
                self.doc.plan,
                point_id,
                day=v["day"],
                person_id=v["person_id"],
                comment=v["comment"],
                verdict=v["verdict"],
                next_due=v["next_due"],
            )
        except Exception as exc:  # noqa: BLE001 - shown like every refused edit
            dialogs.show_edit_error(self.window(), exc, texts.edit_label("record_control_check"))
            return
        if self.push(edit):
            self.controls.view.select_id(point_id)
        dialog.deleteLater()

    # --- import -----------------------------------------------------------------------------
    def import_csv(self, kind: str, path: Any = None) -> Any:
        from mktplanner.ui.widgets.import_wizard import open_import

        if self.doc is None:
            return None
        return open_import(self.window(), self.doc, kind, path)

    # --- the shell's hooks ------------------------------------------------------------------
    def current_object(self) -> tuple[str, int] | None:
        tab = self.tabs.currentIndex()
        if tab == TAB_EXPENSES:
            row = self.expenses.view.current_row()
            return ("expense", int(row["id"])) if row and row.get("id") else None
        if tab == TAB_CONTROL:
            row = self.controls.view.current_row()
            return ("control_point", int(row["id"])) if row and row.get("id") else None
        return None

    def select_object(self, table: str, ident: int) -> bool:
        if self._dirty and self.doc is not None:
            self.refresh()
        if table == "expense":
            if self._ledger_stale:
                self._load_ledger()
            self.reset_filter()
            self.tabs.setCurrentIndex(TAB_EXPENSES)
        elif table in ("control_point", "control_check"):
            self.tabs.setCurrentIndex(TAB_CONTROL)
            if table == "control_check":
                from mktplanner.services.budget import control_checks

                assert self.doc is not None
                found = [c for c in control_checks(self.doc.plan) if c["id"] == ident]
                if not found:
                    return False
                ident, table = int(found[0]["control_point_id"]), "control_point"
        else:
            self.tabs.setCurrentIndex(TAB_GRID)
            if table == "budget_line" and self.doc is not None:
                return self._choose_line(ident)
            return table in ("budget", "channel")
        return super().select_object(table, ident)

    def _choose_line(self, line_id: int) -> bool:
        """Make the grid cell of a budget line current (columns by action when it is
        booked on an action the channel view does not show)."""
        from mktplanner.services.budget import line_place

        assert self.doc is not None
        place = line_place(self.doc.plan, line_id)
        if place is None:
            return False
        month, key = place.month, place.key
        if self.grid is not None and self.grid.column(key) is None:
            self.set_by("action" if place.action_id is not None else "channel")
        ok = self.grid_view.choose(month, key)
        if ok:
            self.grid_view.setFocus(Qt.FocusReason.OtherFocusReason)
        return ok


def _find_data(combo: QComboBox, value: Any) -> int:
    """``QComboBox.findData`` that also finds a date (Qt's own does not)."""
    for i in range(combo.count()):
        if combo.itemData(i) == value:
            return i
    return -1


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
