"""The CSV import wizard: expenses (a bank statement, an ad account's export) or channel
results, in three steps over ``services.importers``:

1. **File**: the file, its encoding (UTF-8, UTF-8 with BOM, Windows-1251), delimiter, decimal
   separator, date format and header line, each guessed first; the raw table as read.
2. **Columns**: which column holds which field (the columns remembered for this plan, else
   a guess from the header); how refunds and signs are written; whether to create channels.
3. **Check**: every row as it would be imported (new, already in the plan, updated); a file
   with bad rows imports nothing and lists each with its line number and reason, and offers,
   explicitly, "Import the valid rows only".

The import is one edit (one undo step) pushed through the document; the options are
remembered in the plan by the same edit. Nothing is written before the last step, and no
error ever shows as a traceback: a file that cannot be read is said in a sentence.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.models.table import Col, RowTableModel
from mktplanner.ui.widgets.table import DataTable

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

STEP_FILE, STEP_COLUMNS, STEP_CHECK = 0, 1, 2

# The table column each field lands in (for its label in texts.field_label).
_FIELD_COLUMN = {
    "date": "date",
    "amount": "amount_minor",
    "channel": "channel_id",
    "action": "action_id",
    "payee": "payee",
    "note": "note",
    "refund": "is_refund",
    "month": "month",
    "spend": "spend_minor",
    "impressions": "impressions",
    "clicks": "clicks",
    "leads": "leads",
    "customers": "customers",
    "revenue": "revenue_minor",
}


def ask_csv_path(parent: QWidget | None, folder: str = "") -> str | None:
    """The file dialog of the wizard (tests replace it)."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        translate("ImportWizard", "Choose a CSV file"),
        folder,
        translate("ImportWizard", "CSV files (*.csv *.txt);;All files (*)"),
    )
    return path or None


def field_name(name: str) -> str:
    return texts.field_label(_FIELD_COLUMN.get(name, name))


def human_date_format(fmt: str) -> str:
    """ "%d.%m.%Y" -> "DD.MM.YYYY" """
    out = fmt
    for code, text in (("%d", "DD"), ("%m", "MM"), ("%Y", "YYYY"), ("%y", "YY")):
        out = out.replace(code, text)
    return out


def bad_row_text(code: str, params: dict[str, Any]) -> str:
    """Why a line cannot be imported, in the user's language."""
    value = params.get("value", "")
    p = {**params, "value": f"“{value}”"}
    if "format" in p:
        p["format"] = human_date_format(str(p["format"]))
    sentences = {
        "required": translate("ImportWizard", "the cell is empty"),
        "bad_date": translate("ImportWizard", "{value} is not a date in the format {format}"),
        "bad_month": translate(
            "ImportWizard", "{value} is not a month (like {format}, 2025-01 or 01.2025)"
        ),
        "bad_amount": translate(
            "ImportWizard", "{value} is not an amount (check the decimal separator)"
        ),
        "too_precise": translate("ImportWizard", "{value} has more than {digits} decimal places"),
        "negative_amount": translate(
            "ImportWizard",
            "{value} is negative: if negative amounts are refunds, say so in the previous step",
        ),
        "unknown_channel": translate(
            "ImportWizard",
            "the plan has no channel named {value} (the previous step can create it)",
        ),
        "ambiguous_channel": translate(
            "ImportWizard", "the plan has several channels named {value}"
        ),
        "unknown_action": translate("ImportWizard", "the plan has no action named {value}"),
        "ambiguous_action": translate("ImportWizard", "the plan has several actions named {value}"),
        "bad_flag": translate("ImportWizard", "{value} is neither yes nor no"),
        "not_a_number": translate("ImportWizard", "{value} is not a number"),
        "not_whole_number": translate("ImportWizard", "{value} is not a whole number"),
        "negative_money": translate("ImportWizard", "an amount cannot be negative here"),
        "too_long": translate("ImportWizard", "the text is too long (at most {max} characters)"),
    }
    template = sentences.get(code)
    if template is None:
        return texts.problem_text(code, params)
    try:
        return template.format(**p)
    except (KeyError, IndexError, ValueError):
        return template


def file_problem_text(exc: Any, columns: list[str] | None = None) -> str:
    """A file that cannot be read as a whole (``CsvProblem``, ``PlanFileError``)."""
    from mktplanner.store.errors import PlanFileError

    if isinstance(exc, PlanFileError):
        head, hint = texts.plan_file_error(exc)
        return f"{head} {hint}".strip()
    problems = getattr(exc, "problems", None) or []
    if not problems:
        return translate("ImportWizard", "This file cannot be imported.")
    p = problems[0]
    params = dict(p.params)
    sentences = {
        "empty_file": translate("ImportWizard", "The file is empty."),
        "no_rows": translate("ImportWizard", "The file has a header but no rows."),
        "too_large": translate("ImportWizard", "The file is too large to import."),
        "bad_encoding": translate(
            "ImportWizard",
            "The file is not {encoding} text (line {line}): choose another encoding.",
        ),
        "unknown_encoding": translate("ImportWizard", "{value} is not a known encoding."),
        "bad_csv": translate(
            "ImportWizard", "The file cannot be read as CSV (line {line}): check the delimiter."
        ),
        "bad_option": translate("ImportWizard", "{value} cannot be used here."),
        "not_mapped": translate("ImportWizard", "Choose the column that holds the {field}."),
        "unknown_column": translate("ImportWizard", "The file has no column “{column}”."),
        "no_header": translate(
            "ImportWizard", "Line {line} holds no header: choose the header line."
        ),
    }
    if "field" in params:
        params["field"] = field_name(str(params["field"])).lower()
    template = sentences.get(p.code)
    if template is None:
        return texts.problem_text(p.code, params, p.field)
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _combo(items: list[tuple[Any, str]], editable: bool = False) -> QComboBox:
    combo = QComboBox()
    combo.setEditable(editable)
    for value, text in items:
        combo.addItem(text, value)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    return combo


class ImportWizard(QDialog):
    """The three steps of a CSV import into the open plan (``doc``)."""

    def __init__(self, parent: QWidget | None, doc: Any, kind: str, path: str | Path | None = None):
        super().__init__(parent)
        from mktplanner.services import importers as im

        self.im = im
        self.doc = doc
        self.kind = kind
        self.path: Path | None = None
        self.options: Any = None
        self.header: list[str] = []
        self.parsed: Any = None
        self.edit: Any = None
        self.result_text = ""
        self._loading = False
        self.setObjectName("ImportWizard")
        self.setWindowTitle(
            self.tr("Import expenses from CSV")
            if kind == "expenses"
            else self.tr("Import channel results from CSV")
        )
        self.resize(880, 600)
        outer = QVBoxLayout(self)
        outer.setSpacing(10)
        self.steps_label = QLabel()
        self.steps_label.setObjectName("Muted")
        outer.addWidget(self.steps_label)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._build_file_step())
        self.stack.addWidget(self._build_columns_step())
        self.stack.addWidget(self._build_check_step())
        outer.addWidget(self.stack, 1)
        self.problem = QLabel()
        self.problem.setObjectName("ImportProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.tone_color('bad')};")
        self.problem.hide()
        outer.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.back_button = QPushButton(self.tr("< &Back"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton(self.tr("&Next >"))
        self.next_button.setObjectName("Primary")
        self.next_button.clicked.connect(self.go_next)
        self.valid_button = QPushButton(self.tr("Import the &valid rows only"))
        self.valid_button.clicked.connect(lambda: self.do_import(valid_only=True))
        self.import_button = QPushButton(self.tr("&Import"))
        self.import_button.setObjectName("Primary")
        self.import_button.clicked.connect(lambda: self.do_import(valid_only=False))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.valid_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.cancel_button)
        outer.addLayout(buttons)
        self._show_step(STEP_FILE)
        if path is not None:
            self.set_path(path)

    # --- step 1: the file ------------------------------------------------------------------
    def _build_file_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("Choose the CSV file to import"))
        browse = QPushButton(self.tr("&Choose file…"))
        browse.clicked.connect(self.browse)
        row.addWidget(QLabel(self.tr("File")))
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.encoding = _combo(
            [
                ("utf-8", "UTF-8"),
                ("utf-8-sig", self.tr("UTF-8 with BOM")),
                ("cp1251", "Windows-1251"),
            ]
        )
        self.delimiter = _combo(
            [
                (";", self.tr("; semicolon")),
                (",", self.tr(", comma")),
                ("\t", self.tr("Tab")),
                ("|", self.tr("| vertical bar")),
            ]
        )
        self.decimal = _combo(
            [(",", self.tr("Comma: 1 234,56")), (".", self.tr("Point: 1,234.56"))]
        )
        self.date_format = _combo([(f, f"{human_date_format(f)}") for f in self.im.DATE_FORMATS])
        self.header_row = QSpinBox()
        self.header_row.setButtonSymbols(QSpinBox.ButtonSymbols.NoButtons)  # ↑/↓ still step
        self.header_row.setMinimumWidth(70)
        self.header_row.setRange(0, 10000)
        self.header_row.setSpecialValueText(self.tr("none"))
        for i, (text, widget) in enumerate(
            (
                (self.tr("&Encoding"), self.encoding),
                (self.tr("&Delimiter"), self.delimiter),
                (self.tr("Decimal &separator"), self.decimal),
                (self.tr("Date &format"), self.date_format),
                (self.tr("&Header on line"), self.header_row),
            )
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            grid.addWidget(caption, 0, i)
            grid.addWidget(widget, 1, i)
        grid.setColumnStretch(5, 1)
        layout.addLayout(grid)
        for combo in (self.encoding, self.delimiter, self.decimal, self.date_format):
            combo.activated.connect(self._format_changed)
        self.header_row.valueChanged.connect(self._format_changed)
        self.date_hint = QLabel(
            self.tr(
                "No column reads as dates with any known format: check the date format "
                "against the table below."
            )
        )
        self.date_hint.setWordWrap(True)
        self.date_hint.setStyleSheet(f"color: {theme.tone_color('warn')};")
        self.date_hint.hide()
        layout.addWidget(self.date_hint)
        hint = QLabel(self.tr("The file as read with these settings:"))
        hint.setObjectName("Muted")
        layout.addWidget(hint)
        self.raw_model = RowTableModel([], fmt=lambda: self.doc.fmt)
        self.raw_view = DataTable(self.raw_model)
        self.raw_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.raw_view.set_empty_text(self.tr("Choose a file to see its first rows."))
        layout.addWidget(self.raw_view, 1)
        return page

    def browse(self) -> bool:
        folder = str(self.path.parent) if self.path is not None else ""
        path = ask_csv_path(self, folder)
        if not path:
            return False
        self.set_path(path)
        return True

    def set_path(self, path: str | Path) -> bool:
        """Read a file's format (the plan's remembered options when they fit its header)."""
        self.path = Path(path)
        self.path_edit.setText(str(self.path))
        self.parsed = None
        try:
            sniffed = self.im.sniff(self.path)
        except Exception as exc:  # noqa: BLE001 - said in a sentence, never a traceback
            self._fail(exc)
            self.raw_model.set_rows([])
            return False
        options = sniffed.options(self.kind)
        self.date_hint.setVisible(self.kind == "expenses" and sniffed.date_format is None)
        remembered = self._remembered()
        if remembered is not None and remembered.mapping:
            columns = {c.casefold() for c in sniffed.header}
            if all(c.casefold() in columns for c in remembered.mapping.values()):
                options = remembered
        self.options = options
        self._set_controls(options)
        return self.refresh_preview()

    def _remembered(self) -> Any:
        try:
            return self.im.load_options(self.doc.plan, self.kind)
        except Exception:  # noqa: BLE001 - a broken setting is not worth a refusal
            log.exception("remembered CSV options unreadable")
            return None

    def _set_controls(self, options: Any) -> None:
        self._loading = True
        for combo, value in (
            (self.encoding, self.im.normal_encoding(options.encoding)),
            (self.delimiter, options.delimiter),
            (self.decimal, options.decimal),
        ):
            pos = combo.findData(value)
            if pos < 0:
                combo.addItem(str(value), value)
                pos = combo.count() - 1
            combo.setCurrentIndex(pos)
        pos = self.date_format.findData(options.date_format)
        if pos < 0:
            self.date_format.addItem(human_date_format(options.date_format), options.date_format)
            pos = self.date_format.count() - 1
        self.date_format.setCurrentIndex(pos)
        self.header_row.setValue(options.header_row)
        self._loading = False

    def _format_changed(self, *_: Any) -> None:
        if self._loading or self.options is None:
            return
        self.options.encoding = self.encoding.currentData()
        self.options.delimiter = self.delimiter.currentData()
        self.options.decimal = self.decimal.currentData()
        if self.options.date_format != self.date_format.currentData():
            self.date_hint.hide()
        self.options.date_format = self.date_format.currentData()
        self.options.header_row = self.header_row.value()
        self.parsed = None
        self.refresh_preview()

    def refresh_preview(self) -> bool:
        if self.path is None or self.options is None:
            return False
        try:
            header, rows = self.im.preview(self.path, self.options)
        except Exception as exc:  # noqa: BLE001 - said in a sentence
            self._fail(exc)
            self.raw_model.set_rows([])
            self.header = []
            self._update_buttons()
            return False
        self.header = header
        self.raw_model.columns = [
            Col(str(i), lambda h=h: h, max_width=260) for i, h in enumerate(header)
        ]
        self.raw_model.set_rows([{str(i): cell for i, cell in enumerate(r)} for r in rows])
        self._ok()
        self._update_buttons()
        return True

    # --- step 2: the columns ---------------------------------------------------------------
    def _build_columns_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        intro = QLabel(
            self.tr(
                "Which column holds what? Fields in bold are needed. The choice is remembered "
                "for this plan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.form.setHorizontalSpacing(14)
        self.form.setVerticalSpacing(6)
        self.field_combos: dict[str, QComboBox] = {}
        self.field_examples: dict[str, QLabel] = {}
        for name in self.im.FIELDS[self.kind]:
            combo = QComboBox()
            combo.setMinimumWidth(240)
            combo.currentIndexChanged.connect(lambda _i, n=name: self._mapping_changed(n))
            example = QLabel()
            example.setObjectName("Muted")
            row = QHBoxLayout()
            row.addWidget(combo)
            row.addWidget(example, 1)
            caption = QLabel(field_name(name))
            caption.setBuddy(combo)
            if name in self.im.REQUIRED[self.kind]:
                font = caption.font()
                font.setBold(True)
                caption.setFont(font)
            self.form.addRow(caption, row)
            self.field_combos[name] = combo
            self.field_examples[name] = example
        layout.addLayout(self.form)
        self.negative_refunds = QCheckBox(self.tr("A negative amount is a refund"))
        self.spend_negative = QCheckBox(
            self.tr("Spending is written as negative numbers (as banks do)")
        )
        self.create_channels = QCheckBox(self.tr("Create the channels the plan does not have"))
        for box in (self.negative_refunds, self.spend_negative, self.create_channels):
            layout.addWidget(box)
        self.negative_refunds.setVisible(self.kind == "expenses")
        self.spend_negative.setVisible(self.kind == "expenses")
        layout.addStretch(1)
        return page

    def _fill_mapping(self) -> None:
        self._loading = True
        for name, combo in self.field_combos.items():
            combo.clear()
            combo.addItem(self.tr("— not in the file —"), "")
            for h in self.header:
                combo.addItem(h or "?", h)
            wanted = self.options.mapping.get(name, "")
            pos = combo.findData(wanted)
            if pos < 0 and wanted:
                folded = [h.casefold() for h in self.header]
                pos = folded.index(wanted.casefold()) + 1 if wanted.casefold() in folded else 0
            combo.setCurrentIndex(max(pos, 0))
        self.negative_refunds.setChecked(self.options.negative_refunds)
        self.spend_negative.setChecked(self.options.spend_negative)
        self.create_channels.setChecked(self.options.create_channels)
        self._loading = False
        for name in self.field_combos:
            self._show_example(name)

    def _mapping_changed(self, name: str) -> None:
        self._show_example(name)
        if not self._loading:
            self.parsed = None

    def _show_example(self, name: str) -> None:
        combo = self.field_combos[name]
        column = combo.currentData()
        example = ""
        if column:
            index = self.header.index(column) if column in self.header else -1
            if index >= 0 and self.raw_model.rows:
                example = str(self.raw_model.rows[0].get(str(index), ""))
        self.field_examples[name].setText(
            self.tr("e.g. {value}").format(value=example) if example else ""
        )

    def set_mapping(self, mapping: dict[str, str]) -> None:
        """Choose the column of each field (what the user does with the combo boxes)."""
        for name, column in mapping.items():
            combo = self.field_combos[name]
            combo.setCurrentIndex(max(combo.findData(column), 0))

    def _read_mapping(self) -> None:
        self.options.mapping = {
            name: combo.currentData()
            for name, combo in self.field_combos.items()
            if combo.currentData()
        }
        self.options.negative_refunds = self.negative_refunds.isChecked()
        self.options.spend_negative = self.spend_negative.isChecked()
        self.options.create_channels = self.create_channels.isChecked()

    # --- step 3: the check -------------------------------------------------------------------
    def _build_check_step(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel()
        self.verdict.setObjectName("ImportVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.verdict)
        self.bad_model = RowTableModel(
            [
                Col("line", lambda: self.tr("Line"), "int", width=60),
                Col("column", lambda: self.tr("Column"), max_width=200),
                Col(
                    "reason",
                    lambda: self.tr("Why it cannot be imported"),
                    stretch=1,
                    tone=lambda _r: "bad",
                ),
            ],
            fmt=lambda: self.doc.fmt,
        )
        self.bad_view = DataTable(self.bad_model)
        self.bad_view.setObjectName("BadRows")
        self.bad_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.bad_view, 2)
        self.rows_model = RowTableModel([], fmt=lambda: self.doc.fmt)
        self.rows_view = DataTable(self.rows_model)
        self.rows_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.rows_view, 3)
        return page

    def _row_columns(self) -> list[Col]:
        status = Col("status_text", lambda: self.tr("Status"), tone=self._status_tone)
        line = Col("line", lambda: self.tr("Line"), "int", width=56)
        if self.kind == "expenses":
            return [
                line,
                Col("date", lambda: texts.field_label("date"), "date"),
                Col("amount_minor", lambda: texts.field_label("amount_minor"), "money", bold=True),
                Col("channel", lambda: texts.field_label("channel_id"), max_width=160),
                Col("action", lambda: texts.field_label("action_id"), max_width=200),
                Col("payee", lambda: texts.field_label("payee"), max_width=180),
                Col("note", lambda: texts.field_label("note"), stretch=1),
                status,
            ]
        return [
            line,
            Col("channel", lambda: texts.field_label("channel_id"), max_width=180),
            Col("month", lambda: texts.field_label("month"), "month"),
            Col("spend_minor", lambda: texts.field_label("spend_minor"), "money"),
            Col("impressions", lambda: texts.field_label("impressions"), "int"),
            Col("clicks", lambda: texts.field_label("clicks"), "int"),
            Col("leads", lambda: texts.field_label("leads"), "int"),
            Col("customers", lambda: texts.field_label("customers"), "int"),
            Col("revenue_minor", lambda: texts.field_label("revenue_minor"), "money"),
            status,
        ]

    @staticmethod
    def _status_tone(row: dict[str, Any]) -> str | None:
        return {"present": "muted", "update": "warn", "new": "good"}.get(row.get("status", ""))

    def check(self) -> bool:
        """Read the whole file with the chosen options (nothing is written)."""
        from mktplanner.services.views import choices

        self._read_mapping()
        try:
            self.parsed = self.im.parse(self.path, self.options, self.kind, plan=self.doc.plan)
        except Exception as exc:  # noqa: BLE001 - said in a sentence
            self.parsed = None
            self._fail(exc)
            return False
        self._ok()
        parsed = self.parsed
        names = choices(self.doc.plan)
        channel_names = dict(names.channels)
        action_names = dict(names.actions)
        status_text = {
            "new": self.tr("new"),
            "present": self.tr("already in the plan"),
            "update": self.tr("will be updated"),
        }
        rows = []
        for r in parsed.rows:
            v = r.values
            row = {
                "line": r.line,
                "status": r.status,
                "status_text": status_text.get(r.status, r.status),
                "channel": r.new_channel or channel_names.get(v.get("channel_id"), "") or "",
                **v,
            }
            if self.kind == "expenses":
                row["action"] = (
                    action_names.get(v.get("action_id"), "") if v.get("action_id") else ""
                )
            rows.append(row)
        self.rows_model.columns = self._row_columns()
        self.rows_model.set_rows(rows)
        bad = [
            {"line": b.line, "column": b.column, "reason": bad_row_text(b.code, b.params)}
            for b in parsed.bad_rows
        ]
        self.bad_model.set_rows(bad)
        self.bad_view.setVisible(bool(bad))
        self.verdict.setText(self._verdict_text())
        self._update_buttons()
        return True

    def _verdict_text(self) -> str:
        p = self.parsed
        new, present, update = p.count("new"), p.count("present"), p.count("update")
        if self.kind == "expenses":
            parts = [self.tr("%n new expense(s)", "", new)]
            if present:
                parts.append(self.tr("%n already in the plan", "", present))
        else:
            parts = [self.tr("%n new month(s) of results", "", new)]
            if update:
                parts.append(self.tr("%n to update", "", update))
            if present:
                parts.append(self.tr("%n unchanged", "", present))
        if p.new_channels:
            parts.append(self.tr("new channels: {names}").format(names=", ".join(p.new_channels)))
        text = ", ".join(parts) + "."
        if p.bad_rows:
            bad = len(p.bad_lines)
            warning = self.tr(
                "%n line(s) cannot be imported, so nothing will be imported. Fix the file, "
                "or import the valid rows only.",
                "",
                bad,
            )
            text = f"{text}<br><span style='color:{theme.tone_color('bad')}; font-weight:600'>{warning}</span>"
        return text

    # --- moving between steps ----------------------------------------------------------
    def _show_step(self, step: int) -> None:
        self.stack.setCurrentIndex(step)
        names = [self.tr("1. File"), self.tr("2. Columns"), self.tr("3. Check and import")]
        self.steps_label.setText(
            "  ›  ".join(f"<b>{n}</b>" if i == step else n for i, n in enumerate(names))
        )
        self._update_buttons()

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def go_next(self) -> bool:
        if self.step == STEP_FILE:
            if self.path is None or not self.header:
                return False
            self._fill_mapping()
            self._ok()
            self._show_step(STEP_COLUMNS)
            return True
        if self.step == STEP_COLUMNS:
            self._read_mapping()
            missing = [n for n in self.im.REQUIRED[self.kind] if not self.options.mapping.get(n)]
            if missing:
                self.problem.setText(
                    self.tr("Choose the column that holds the {field}.").format(
                        field=field_name(missing[0]).lower()
                    )
                )
                self.problem.show()
                return False
            self._show_step(STEP_CHECK)
            self.check()
            self._update_buttons()
            return True
        return False

    def go_back(self) -> None:
        if self.step > STEP_FILE:
            self._ok()
            self._show_step(self.step - 1)

    def _update_buttons(self) -> None:
        step = self.step
        self.back_button.setEnabled(step > STEP_FILE)
        self.next_button.setVisible(step < STEP_CHECK)
        self.next_button.setEnabled(
            step != STEP_FILE or (self.path is not None and bool(self.header))
        )
        p = self.parsed if step == STEP_CHECK else None
        good = bool(p is not None and (p.count("new") or p.count("update")))
        self.import_button.setVisible(step == STEP_CHECK)
        self.import_button.setEnabled(p is not None and not p.bad_rows and good)
        self.valid_button.setVisible(step == STEP_CHECK and p is not None and bool(p.bad_rows))
        self.valid_button.setEnabled(good)
        if step == STEP_CHECK and self.import_button.isEnabled():
            self.import_button.setDefault(True)

    def _fail(self, exc: BaseException) -> None:
        from mktplanner.domain.errors import DomainError
        from mktplanner.store.errors import PlanFileError

        if not isinstance(exc, DomainError | PlanFileError):
            from mktplanner.logsetup import log_exception

            log_exception(exc, "csv import")
            text = translate("ImportWizard", "This file cannot be imported (see the log).")
        else:
            text = file_problem_text(exc)
        self.problem.setText(text)
        self.problem.show()

    def _ok(self) -> None:
        self.problem.hide()

    # --- importing ---------------------------------------------------------------------------
    def do_import(self, valid_only: bool = False) -> bool:
        """Import (all or nothing; ``valid_only``: the good rows, explicitly). One undo step."""
        if self.parsed is None:
            return False
        try:
            edit = self.im.import_edit(self.doc.plan, self.parsed, valid_only=valid_only)
        except Exception as exc:  # noqa: BLE001 - ImportRefused: the rows are listed already
            self._fail(exc)
            return False
        if not self.doc.push(edit):
            return False
        self.edit = edit
        self.result_text = self._done_text(edit, valid_only)
        window = self.parent()
        status = getattr(window, "statusBar", None)
        if callable(status):
            status().showMessage(self.result_text, 10000)
        self.accept()
        return True

    def _done_text(self, edit: Any, valid_only: bool) -> str:
        if self.kind == "expenses":
            text = self.tr("Imported %n expense(s)", "", edit.added)
            if edit.skipped:
                text += "; " + self.tr("%n were already in the plan", "", edit.skipped)
        else:
            text = self.tr("Imported results: %n new month(s)", "", edit.added)
            if edit.updated:
                text += "; " + self.tr("%n updated", "", edit.updated)
        if valid_only and self.parsed is not None and self.parsed.bad_rows:
            text += "; " + self.tr("%n bad line(s) left out", "", len(self.parsed.bad_lines))
        if edit.channels_created:
            text += "; " + self.tr("new channels: {names}").format(
                names=", ".join(edit.channels_created)
            )
        return text + "."


def open_import(
    window: Any, doc: Any, kind: str, path: str | Path | None = None
) -> ImportWizard | None:
    """Open the wizard (not blocking); without ``path`` the file is asked for first."""
    if doc is None or doc.read_only:
        return None
    wizard = ImportWizard(window, doc, kind, path)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if path is None and not wizard.browse():
        wizard.close()
        return None
    wizard.open()
    return wizard
