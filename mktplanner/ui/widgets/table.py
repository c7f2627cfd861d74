"""The table every page shows its rows in, its cell editors, and a titled section around it.

* ``CellDelegate`` picks an editor from the column's kind (line edit, combo box, date
  picker), shows what the user typed in their language and parses it back through the
  ``Formatter`` (money exactly, to minor units). A value that cannot be read is reported,
  never silently dropped.
* ``DataTable`` is a ``QTableView`` with the app's look: row selection, no grid, sensible
  column widths (text columns stretch, numbers fit their contents), an empty-state sentence
  over the viewport, Delete to clear an optional cell.
* ``TableSection`` puts a title, a one-line explanation and Add / Delete buttons above a table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import theme
from mktplanner.ui.fmt import Formatter, ParseError
from mktplanner.ui.models.table import Col, RowTableModel

_NULL_DATE = QDate(1900, 1, 1)


def _to_qdate(value: dt.date | None) -> QDate:
    if value is None:
        return _NULL_DATE
    return QDate(value.year, value.month, value.day)


def _from_qdate(value: QDate) -> dt.date | None:
    if not value.isValid() or value == _NULL_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


class CellDelegate(QStyledItemDelegate):
    """Editors by column kind; parse errors go to ``on_error(col, error)``."""

    def __init__(
        self,
        model: RowTableModel,
        fmt: Callable[[], Formatter],
        on_error: Callable[[Col, ParseError], None],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.model = model
        self.fmt = fmt
        self.on_error = on_error

    def _col(self, index: QModelIndex) -> Col:
        return self.model.columns[index.column()]

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        col = self._col(index)
        if col.kind in ("enum", "ref"):
            combo = QComboBox(parent)
            combo.setFrame(False)
            if col.kind == "ref" and col.nullable:
                combo.addItem("—", None)
            items = (
                (col.choices() if col.choices else []) if col.kind == "ref" else _enum_choices(col)
            )
            for value, label in items:
                combo.addItem(label, value)
            combo.setMaxVisibleItems(16)
            return combo
        if col.kind in ("date", "month"):
            edit = QDateEdit(parent)
            edit.setCalendarPopup(True)
            edit.setMinimumDate(_NULL_DATE)
            edit.setSpecialValueText("—" if col.nullable else "")
            edit.setDisplayFormat("MMMM yyyy" if col.kind == "month" else "yyyy-MM-dd")
            edit.setFrame(False)
            return edit
        line = QLineEdit(parent)
        line.setFrame(False)
        if col.max_length:
            line.setMaxLength(col.max_length)
        if col.numeric:
            line.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return line

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        col = self._col(index)
        value = col.raw(self.model.rows[index.row()])
        fmt = self.fmt()
        if isinstance(editor, QComboBox):
            pos = editor.findData(value)
            editor.setCurrentIndex(max(pos, 0))
            if editor.count() > 1:
                editor.showPopup()
        elif isinstance(editor, QDateEdit):
            editor.setDate(_to_qdate(value) if value else _default_date(col))
        elif isinstance(editor, QLineEdit):
            editor.setText(_edit_text(col, value, fmt))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        col = self._col(index)
        if isinstance(editor, QComboBox):
            value = editor.currentData()
        elif isinstance(editor, QDateEdit):
            value = _from_qdate(editor.date())
            if value is not None and col.kind == "month":
                value = value.replace(day=1)
        elif isinstance(editor, QLineEdit):
            try:
                value = _parse(col, editor.text(), self.fmt())
            except ParseError as exc:
                self.on_error(col, exc)
                return
        else:
            return
        model.setData(index, value, Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 16, max(size.height(), theme.ROW_HEIGHT))


def _bold(font: QFont) -> QFont:
    f = QFont(font)
    f.setWeight(QFont.Weight.DemiBold)
    return f


def _enum_choices(col: Col) -> list[tuple[str, str]]:
    from mktplanner.ui import texts

    return texts.enum_choices(col.enum)


def _default_date(col: Col) -> QDate:
    today = dt.date.today()
    return _to_qdate(today.replace(day=1) if col.kind == "month" else today)


def _edit_text(col: Col, value: Any, fmt: Formatter) -> str:
    if value is None:
        return ""
    if col.kind == "money":
        return fmt.money_plain(value)
    if col.kind == "share":
        return fmt.number(float(value) * 100, 2)
    if col.kind in ("float", "hours"):
        return fmt.number(value)
    if col.kind == "int":
        return fmt.number(value, 0).replace("\u00a0", "").replace(",", "").replace(" ", "")
    return str(value)


def _parse(col: Col, text: str, fmt: Formatter) -> Any:
    text = text.strip()
    if col.kind == "money":
        value = fmt.parse_money(text)
    elif col.kind == "int":
        value = fmt.parse_int(text)
    elif col.kind in ("float", "hours"):
        value = fmt.parse_float(text)
    elif col.kind == "share":
        parsed = fmt.parse_decimal(text.replace("%", ""))
        value = None if parsed is None else float(parsed / 100)
    else:
        return text
    if value is None and not col.nullable:
        raise ParseError("required")
    return value


class DataTable(QTableView):
    """A read/edit table with the app's look and an empty-state sentence."""

    delete_requested = Signal()

    def __init__(self, model: RowTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.row_model = model
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(theme.ROW_HEIGHT)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setMinimumSectionSize(48)
        self.setObjectName("DataTable")
        self._empty = QLabel(self.viewport())
        self._empty.setObjectName("EmptyState")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.hide()
        self._empty_text = ""
        model.modelReset.connect(self._after_reset)
        model.rowsInserted.connect(self._update_empty)
        model.rowsRemoved.connect(self._update_empty)

    # --- look ----------------------------------------------------------------------------
    def set_empty_text(self, text: str) -> None:
        self._empty_text = text
        self._empty.setText(text)
        self._update_empty()

    def _after_reset(self) -> None:
        self.fit_columns()
        self._update_empty()

    def _update_empty(self, *_: Any) -> None:
        empty = self.row_model.rowCount() == 0 and bool(self._empty_text)
        self._empty.setVisible(empty)
        if empty:
            self._place_empty()

    def _place_empty(self) -> None:
        vp = self.viewport().rect()
        self._empty.setGeometry(vp.adjusted(24, 12, -24, -12))

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._place_empty()
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    def fit_columns(self) -> None:
        """Share the width: numbers fit their contents, text columns give way, and the
        stretching columns (titles, descriptions) take what is left, never less than a
        readable minimum (the table scrolls sideways only when even that does not fit)."""
        header = self.horizontalHeader()
        columns = self.row_model.columns
        if not columns:
            return
        plain = self.fontMetrics()
        bold_font = QFont(self.font())
        bold_font.setWeight(QFont.Weight.DemiBold)
        bold = QFontMetrics(bold_font)
        rows = min(self.row_model.rowCount(), 200)
        pad = 24
        head_metrics = QFontMetrics(_bold(header.font()))
        want: list[int] = []
        least: list[int] = []
        for i, col in enumerate(columns):
            metrics = bold if col.bold else plain
            title_w = head_metrics.horizontalAdvance(col.title()) + pad
            width = title_w
            for r in range(rows):
                text = self.row_model.data(self.row_model.index(r, i))
                if text:
                    width = max(width, metrics.horizontalAdvance(str(text)) + pad)
            if col.kind == "bool":
                width = max(width, 64)
            if col.kind in ("date", "month") and col.editable:
                width = max(width, 112)
            width = min(max(width, col.width), max(col.max_width, col.width))
            want.append(width)
            content = width if rows else title_w
            if col.stretch:
                least.append(max(col.width, 160))
            elif col.numeric or col.kind in ("date", "month", "bool", "enum"):
                # Values stay whole; a long header may be shortened (its tooltip has it all).
                body = max(
                    (
                        metrics.horizontalAdvance(
                            str(self.row_model.data(self.row_model.index(r, i)) or "")
                        )
                        + pad
                        for r in range(rows)
                    ),
                    default=0,
                )
                least.append(min(content, max(body, min(title_w, 110), col.width, 56)))
            else:
                least.append(max(min(width, title_w + 10, 120), min(width, 90)))
        available = self.viewport().width() or self.width() - 4
        stretch = [i for i, c in enumerate(columns) if c.stretch]
        widths = [least[i] if i in stretch else want[i] for i in range(len(columns))]
        over = sum(widths) - available
        if over > 0:
            # Text columns give way first, proportionally to what they can give.
            slack = {
                i: want[i] - least[i]
                for i in range(len(columns))
                if i not in stretch and want[i] > least[i]
            }
            total = sum(slack.values())
            if total:
                for i, give in slack.items():
                    widths[i] -= min(give, round(over * give / total))
        spare = available - sum(widths)
        if spare > 0 and stretch:
            weights = [max(int(columns[i].stretch), 1) for i in stretch]
            for i, w in zip(stretch, weights, strict=True):
                widths[i] += spare * w // sum(weights)
        for i, w in enumerate(widths):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, max(w, 40))

    # --- keys ----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (
            event.matches(QKeySequence.StandardKey.Delete)
            and self.state() != self.State.EditingState
        ):
            index = self.currentIndex()
            col = self.row_model.columns[index.column()] if index.isValid() else None
            if (
                col is not None
                and col.editable
                and col.nullable
                and col.kind not in ("text", "bool")
            ):
                if self.row_model.data(index, Qt.ItemDataRole.EditRole) is not None:
                    self.row_model.setData(index, None)
                return
            self.delete_requested.emit()
            return
        super().keyPressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if e.matches(QKeySequence.StandardKey.Delete):
                e.accept()
                return True
        return super().event(e)

    # --- selection ------------------------------------------------------------------------
    def selected_rows(self) -> list[dict[str, Any]]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        found = [self.row_model.row_at(r) for r in rows]
        return [r for r in found if r is not None]

    def current_row(self) -> dict[str, Any] | None:
        index = self.currentIndex()
        return self.row_model.row_at(index.row()) if index.isValid() else None

    def select_id(self, ident: Any, column: int = 0) -> bool:
        r = self.row_model.row_of_id(ident)
        if r < 0:
            return False
        self.setCurrentIndex(self.row_model.index(r, max(column, 0)))
        self.scrollTo(self.row_model.index(r, 0))
        return True

    def sizeHint(self) -> QSize:
        return QSize(600, 240)


class TableSection(QWidget):
    """A titled block: heading, explanation, Add / Delete buttons, and its table."""

    add_clicked = Signal()
    delete_clicked = Signal()

    def __init__(
        self,
        title: str,
        hint: str,
        table: DataTable,
        *,
        add_text: str = "",
        delete_text: str = "",
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.table = table
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = QLabel(title, self)  # parented: see Page.__init__
        self.title.setObjectName("SectionTitle")
        titles.addWidget(self.title)
        self.hint = QLabel(hint, self)
        self.hint.setObjectName("SectionHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(bool(hint))
        titles.addWidget(self.hint)
        head.addLayout(titles, 1)
        self.add_button: QPushButton | None = None
        self.delete_button: QPushButton | None = None
        if add_text:
            self.add_button = QPushButton(theme.icon("add"), add_text)
            self.add_button.setObjectName("AddButton")
            self.add_button.clicked.connect(self.add_clicked)
            head.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignBottom)
        if delete_text:
            self.delete_button = QPushButton(theme.icon("delete"), delete_text)
            self.delete_button.setObjectName("DeleteButton")
            self.delete_button.clicked.connect(self.delete_clicked)
            table.delete_requested.connect(self.delete_clicked)
            head.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignBottom)
            self.delete_button.setEnabled(False)
            table.selectionModel().selectionChanged.connect(self._selection_changed)
            table.row_model.modelReset.connect(self._selection_changed)
        layout.addLayout(head)
        layout.addWidget(table, 1)
        table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_read_only(self, read_only: bool) -> None:
        self.table.row_model.read_only = read_only
        for b in (self.add_button, self.delete_button):
            if b is not None:
                b.setVisible(not read_only)

    def _selection_changed(self, *_: Any) -> None:
        if self.delete_button is not None:
            self.delete_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
