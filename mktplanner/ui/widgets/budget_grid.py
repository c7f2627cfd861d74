"""The budget as a spreadsheet: a row per month, a column per channel (or action), each cell
showing what is planned (top, editable) and what was spent (below, red when over the plan).

It behaves like a spreadsheet: type into a cell, Tab moves right, Enter commits and moves
down, Delete clears the selected cells, Ctrl+C copies and Ctrl+V pastes a block copied from a
spreadsheet (tab-separated rows) starting at the current cell; a single value pasted over a
selection fills every selected cell. Every change is ONE call of ``on_cells`` (one undo
step). The view never writes anything itself: the page turns the cells into an edit.

Moving to a cell (a click or the keyboard) emits ``cell_chosen(month, key)``: the page shows
the expenses behind that figure (``month`` None: the total row; ``key`` None: the totals).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QPainter,
)
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from mktplanner.ui import theme
from mktplanner.ui.fmt import Formatter, ParseError
from mktplanner.ui.models.table import TONE_COLORS

Index = QModelIndex | QPersistentModelIndex

ActualRole = Qt.ItemDataRole.UserRole + 11  # the lower line's text
ActualToneRole = Qt.ItemDataRole.UserRole + 12  # "bad" | "muted" | "good" | None
ToneRole = Qt.ItemDataRole.UserRole + 13  # the upper line's tone
CellRole = Qt.ItemDataRole.UserRole + 14  # (month | None, key | None)

ROW_HEIGHT = 40
HEADER_WIDTH = 118  # a long column title wraps onto a second line at about this width


translate = QCoreApplication.translate


@dataclass(frozen=True)
class PasteProblem:
    """A pasted value that cannot be read: its 1-based row and column in the block."""

    row: int
    column: int
    text: str
    error: ParseError


class PasteError(ValueError):
    def __init__(self, problems: list[PasteProblem]):
        self.problems = problems
        super().__init__(f"{len(problems)} unreadable cell(s)")


def parse_block(text: str) -> list[list[str]]:
    """A block copied from a spreadsheet: rows by line, cells by tab (a trailing empty line,
    as spreadsheets add one, is dropped)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line.split("\t") for line in lines]


def short_month(fmt: Formatter, day: dt.date) -> str:
    """ "Sep 2026" / "сент. 2026": a month as the grid's row labels show it."""
    from babel.dates import format_skeleton

    return re.sub(r"\s*г\.$", "", format_skeleton("yMMM", day, locale=fmt.locale))


def wrap_title(text: str, width: int) -> str:
    """A column title on at most two lines of about ``width`` pixels (the second elided)."""
    font = QFont()
    font.setWeight(QFont.Weight.DemiBold)
    metrics = QFontMetrics(font)
    if metrics.horizontalAdvance(text) <= width or " " not in text:
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width + 30)
    words = text.split()
    first = words[0]
    rest = words[1:]
    while rest and metrics.horizontalAdvance(first + " " + rest[0]) <= width:
        first += " " + rest.pop(0)
    second = " ".join(rest)
    return first + "\n" + metrics.elidedText(second, Qt.TextElideMode.ElideRight, width)


class BudgetGridModel(QAbstractTableModel):
    """Rows: the grid's months, then a total row. Columns: the grid's columns, then the month's
    total, what is left, and (bottom-up, per month) the month against the fixed sum."""

    def __init__(self, fmt: Callable[[], Formatter], parent: Any = None):
        super().__init__(parent)
        self._fmt = fmt
        self.grid: Any = None
        self.columns: list[
            tuple[str, Any]
        ] = []  # ("data", GridColumn) | ("total"|"left"|"gap", None)
        self.read_only = False
        self.header_width = HEADER_WIDTH  # the view narrows it to its data columns' width
        self.on_cells: Callable[[list[tuple[dt.date, str, int | None]]], bool] | None = None
        self.on_error: Callable[[ParseError], None] | None = None

    # --- content ------------------------------------------------------------------------
    def set_grid(self, grid: Any) -> None:
        self.beginResetModel()
        self.grid = grid
        self.columns = [("data", c) for c in grid.columns] if grid is not None else []
        if grid is not None:
            self.columns.append(("total", None))
            self.columns.append(("left", None))
            if grid.gap.total_minor > 0 and any(m.gap_status for m in grid.months):
                self.columns.append(("gap", None))
        self.endResetModel()

    def month_at(self, row: int) -> dt.date | None:
        if self.grid is None or not 0 <= row < len(self.grid.months):
            return None
        return self.grid.months[row].month

    def key_at(self, column: int) -> str | None:
        if not 0 <= column < len(self.columns):
            return None
        kind, col = self.columns[column]
        return col.key if kind == "data" else None

    def index_of(self, month: dt.date | None, key: str | None) -> QModelIndex:
        if self.grid is None:
            return QModelIndex()
        rows = [m.month for m in self.grid.months]
        r = rows.index(month) if month in rows else (len(rows) if month is None else -1)
        c = next(
            (i for i, (kind, col) in enumerate(self.columns) if kind == "data" and col.key == key),
            next((i for i, (kind, _c) in enumerate(self.columns) if kind == "total"), -1)
            if key is None
            else -1,
        )
        return self.index(r, c) if r >= 0 and c >= 0 else QModelIndex()

    def is_total_row(self, row: int) -> bool:
        return self.grid is not None and row == len(self.grid.months)

    def editable(self, index: Index) -> bool:
        if self.read_only or self.grid is None or not index.isValid():
            return False
        if self.is_total_row(index.row()):
            return False
        kind, col = self.columns[index.column()]
        return kind == "data" and col.editable

    # --- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.grid is None:
            return 0
        return len(self.grid.months) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        fmt = self._fmt()
        grid = self.grid
        if grid is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self.columns):
                return None
            kind, col = self.columns[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._column_title(kind, col)
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._column_tip(kind, col)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_total_row(section):
                return translate("BudgetGrid", "Total")
            return short_month(fmt, grid.months[section].month)
        if role == Qt.ItemDataRole.ToolTipRole and not self.is_total_row(section):
            month = grid.months[section]
            if not month.in_period:
                return translate("BudgetGrid", "Outside the tactical period: it has budget lines")
        if role == Qt.ItemDataRole.FontRole and self.is_total_row(section):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not self.is_total_row(section):
            if not grid.months[section].in_period:
                return QColor(TONE_COLORS["muted"][1 if theme.is_dark() else 0])
        return None

    def _column_title(self, kind: str, col: Any) -> str:
        if kind == "data":
            name = col.name if col.kind != "none" else translate("BudgetGrid", "No channel")
            return wrap_title(name, self.header_width)
        if kind == "total":
            return translate("BudgetGrid", "Total")
        if kind == "left":
            return translate("BudgetGrid", "Left")
        fixed = self.grid.gap.total_minor if self.grid is not None else 0
        return translate("BudgetGrid", "vs {amount}/month").format(amount=self._fmt().money(fixed))

    def _column_tip(self, kind: str, col: Any) -> str:
        if kind == "data":
            if col.kind == "action":
                where = (
                    translate("BudgetGrid", "An action on {channel}").format(
                        channel=col.channel_name
                    )
                    if col.channel_name
                    else translate("BudgetGrid", "An action with no channel")
                )
                return f"{col.name}\n{where}"
            if col.kind == "none":
                return translate(
                    "BudgetGrid", "Spent with neither a channel nor an action: nobody planned it"
                )
            return col.name
        if kind == "total":
            return translate("BudgetGrid", "The month's plan and spend")
        if kind == "left":
            if self.grid is not None and self.grid.rollover:
                return translate(
                    "BudgetGrid",
                    "Plan plus what the month before left (rollover), minus what was spent",
                )
            return translate("BudgetGrid", "Plan minus what was spent")
        return translate("BudgetGrid", "The month's budget lines against the fixed monthly sum")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.grid is None:
            return None
        grid = self.grid
        fmt = self._fmt()
        total_row = self.is_total_row(index.row())
        month = None if total_row else grid.months[index.row()]
        kind, col = self.columns[index.column()]
        if role == CellRole:
            return (None if month is None else month.month, col.key if kind == "data" else None)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and (total_row or kind != "data"):
            return QColor(theme.colors()["alt"])
        if role == Qt.ItemDataRole.FontRole and (total_row or kind == "total"):
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if kind == "data":
            cell = grid.column_totals.get(col.key) if total_row else grid.cell(month.month, col.key)
            plan, actual = (cell.plan_minor, cell.actual_minor) if cell else (None, 0)
            if role == Qt.ItemDataRole.DisplayRole:
                return "" if plan is None else fmt.money(plan)
            if role == Qt.ItemDataRole.EditRole:
                return "" if plan is None else fmt.money_plain(plan)
            if role == ActualRole:
                return fmt.money(actual) if actual else ""
            if role == ActualToneRole:
                return "bad" if actual > (plan or 0) else "muted"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._cell_tip(plan, actual, col)
            return None
        if kind == "total":
            plan = grid.plan_minor if total_row else month.plan_minor
            actual = grid.actual_minor if total_row else month.actual_minor
            available = plan if total_row else month.available_minor
            if role == Qt.ItemDataRole.DisplayRole:
                return fmt.money(plan)
            if role == ActualRole:
                return fmt.money(actual) if actual else ""
            if role == ActualToneRole:
                return "bad" if actual > available else "muted"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._cell_tip(plan, actual, None)
            return None
        if kind == "left":
            left = grid.plan_minor - grid.actual_minor if total_row else month.left_minor
            carried = 0 if total_row else month.carried_in_minor
            if role == Qt.ItemDataRole.DisplayRole:
                return fmt.money(left)
            if role == ToneRole:
                return "bad" if left < 0 else None
            if role == ActualRole and grid.rollover and carried:
                sign = "+" if carried > 0 else "−"
                return translate("BudgetGrid", "carried {amount}").format(
                    amount=sign + fmt.money(abs(carried))
                )
            if role == ActualToneRole:
                return "bad" if carried < 0 else "muted"
            return None
        # the month against the fixed monthly sum
        if total_row:
            fixed = sum(m.fixed_minor or 0 for m in grid.months if m.fixed_minor is not None)
            planned = sum(m.plan_minor for m in grid.months if m.fixed_minor is not None)
            status = (
                "short" if planned > fixed else ("unallocated" if planned < fixed else "balanced")
            )
            short, free = max(0, planned - fixed), max(0, fixed - planned)
        else:
            status = month.gap_status
            short, free = month.short_by_minor or 0, month.unallocated_minor or 0
        if status is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if status == "short":
                return "−" + fmt.money(short)
            if status == "unallocated":
                return "+" + fmt.money(free)
            return "✓"
        if role == ToneRole:
            return {"short": "bad", "unallocated": "muted"}.get(status, "good")
        if role == Qt.ItemDataRole.ToolTipRole:
            if status == "short":
                return translate(
                    "BudgetGrid", "{amount} short: the budget lines plan more than the fixed sum"
                ).format(amount=fmt.money(short))
            if status == "unallocated":
                return translate(
                    "BudgetGrid", "{amount} free: money of the fixed sum that no budget line uses"
                ).format(amount=fmt.money(free))
            return translate("BudgetGrid", "Balanced: the budget lines use exactly the fixed sum")
        return None

    def _cell_tip(self, plan: int | None, actual: int, col: Any) -> str:
        fmt = self._fmt()
        if plan is None and actual:
            return translate(
                "BudgetGrid", "Spent {actual} with no budget line: unplanned spend"
            ).format(actual=fmt.money(actual))
        if plan is None:
            return translate("BudgetGrid", "No budget line: type an amount to plan one")
        if actual > plan:
            return translate("BudgetGrid", "Planned {plan}, spent {actual}: {over} over").format(
                plan=fmt.money(plan), actual=fmt.money(actual), over=fmt.money(actual - plan)
            )
        return translate("BudgetGrid", "Planned {plan}, spent {actual}").format(
            plan=fmt.money(plan), actual=fmt.money(actual)
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.editable(index):
            return False
        if value == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        try:
            amount = self._fmt().parse_money(str(value or ""))
        except ParseError as exc:
            if self.on_error is not None:
                self.on_error(exc)
            return False
        month = self.month_at(index.row())
        key = self.key_at(index.column())
        if month is None or key is None or self.on_cells is None:
            return False
        return bool(self.on_cells([(month, key, amount)]))


class _Delegate(QStyledItemDelegate):
    """Two lines per cell: the plan (top) and the spend (below, smaller, red when over)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = opt.rect.adjusted(8, 3, -10, -3)
        dark = theme.is_dark()
        top = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bottom = str(index.data(ActualRole) or "")
        tone = index.data(ToneRole)
        bottom_tone = index.data(ActualToneRole)
        painter.save()
        font = QFont(opt.font)
        bold = index.data(Qt.ItemDataRole.FontRole)
        if isinstance(bold, QFont):
            font.setWeight(bold.weight())
        text_color = opt.palette.color(opt.palette.ColorRole.Text)
        if tone in TONE_COLORS:
            text_color = QColor(TONE_COLORS[tone][1 if dark else 0])
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if bottom:
            half = rect.height() // 2
            upper = QRect(rect.left(), rect.top(), rect.width(), half + 1)
            lower = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        else:
            upper, lower = rect, QRect()
        painter.setFont(font)
        painter.setPen(text_color)
        metrics = QFontMetrics(font)
        painter.drawText(
            upper, align, metrics.elidedText(top, Qt.TextElideMode.ElideLeft, upper.width())
        )
        if bottom:
            small = QFont(opt.font)
            small.setPointSizeF(max(6.5, opt.font.pointSizeF() * 0.86))
            if bottom_tone == "bad":
                small.setWeight(QFont.Weight.DemiBold)
            painter.setFont(small)
            color = TONE_COLORS.get(bottom_tone or "muted", TONE_COLORS["muted"])
            painter.setPen(QColor(color[1 if dark else 0]))
            painter.drawText(
                lower,
                align,
                QFontMetrics(small).elidedText(bottom, Qt.TextElideMode.ElideLeft, lower.width()),
            )
        painter.restore()

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        top = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bottom = str(index.data(ActualRole) or "")
        metrics = QFontMetrics(option.font)
        width = max(metrics.horizontalAdvance(top), metrics.horizontalAdvance(bottom)) + 30
        return QSize(width, ROW_HEIGHT)


class BudgetGridView(QTableView):
    """The spreadsheet view over a ``BudgetGridModel``."""

    cell_chosen = Signal(object, object)  # month | None, key | None
    paste_failed = Signal(object)  # PasteError

    def __init__(self, model: BudgetGridModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("BudgetGrid")
        self.grid_model = model
        self.setModel(model)
        self.setItemDelegate(_Delegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        # Typing replaces the cell's value, as in a spreadsheet (F2 or a double click edits it).
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setTabKeyNavigation(True)
        self.setWordWrap(False)
        self.setShowGrid(True)
        self.setAlternatingRowColors(False)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        vh = self.verticalHeader()
        vh.setDefaultSectionSize(ROW_HEIGHT)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh = self.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        hh.setMinimumSectionSize(70)
        c = theme.colors()
        self.setStyleSheet(
            f"QTableView#BudgetGrid {{ background: {c['base']}; gridline-color: {c['border']};"
            f" border: 1px solid {c['border']}; border-radius: 8px;"
            f" selection-background-color: {c['sidebar_sel']}; selection-color: {c['text']}; }}"
        )
        self._widths: list[int] | None = None  # the widest text of each column (fit_columns)
        self._widths_font = ""
        for changed in (model.modelReset, model.dataChanged, model.layoutChanged):
            changed.connect(self._forget_widths)  # before fit_columns (connection order)
        model.modelReset.connect(self.fit_columns)
        # The vertical scroll bar coming or going changes the width the columns share.
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._refit_later())
        self.legend = QLabel(self)
        self.legend.setObjectName("GridLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.legend.setToolTip(
            translate(
                "BudgetGrid",
                "Each cell: what is planned, and below it what was spent (red: over the plan). "
                "Click an amount to see the expenses behind it.",
            )
        )
        self._set_legend()

    def _set_legend(self) -> None:
        muted = TONE_COLORS["muted"][1 if theme.is_dark() else 0]
        bad = TONE_COLORS["bad"][1 if theme.is_dark() else 0]
        self.legend.setText(
            "<div style='line-height:105%'><span style='color:{m}'>{plan}</span><br>"
            "<span style='color:{m}; font-size:8pt'>{spent} · </span>"
            "<span style='color:{b}; font-size:8pt; font-weight:600'>{over}</span></div>".format(
                m=muted,
                b=bad,
                plan=translate("BudgetGrid", "plan"),
                spent=translate("BudgetGrid", "spent"),
                over=translate("BudgetGrid", "over"),
            )
        )

    def updateGeometries(self) -> None:
        super().updateGeometries()
        if hasattr(self, "legend"):
            frame = self.frameWidth()
            self.legend.setGeometry(
                frame + 8,
                frame,
                max(self.verticalHeader().width() - 10, 10),
                self.horizontalHeader().height(),
            )
            self.legend.raise_()

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if current.isValid():
            month, key = current.data(CellRole)
            self.cell_chosen.emit(month, key)

    def choose(self, month: dt.date | None, key: str | None) -> bool:
        """Make the cell of ``month`` and ``key`` current (and so show its expenses)."""
        index = self.grid_model.index_of(month, key)
        if not index.isValid():
            return False
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    # --- widths ----------------------------------------------------------------------------
    def fit_columns(self) -> None:
        model = self.grid_model
        header = self.horizontalHeader()
        if model.columnCount() == 0:
            return
        metrics = QFontMetrics(self.font())
        bold = QFont(header.font())
        bold.setWeight(QFont.Weight.DemiBold)
        head = QFontMetrics(bold)
        wants: list[int] = []
        least: list[int] = []
        for c, width in enumerate(self._content_widths(metrics)):
            title = str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
            longest = max((head.horizontalAdvance(t) for t in title.split("\n")), default=0)
            least.append(max(width + 28, 72))
            wants.append(max(width + 34, min(longest + 22, 170), 84))
        available = (self.viewport().width() or self.width()) - 2
        spare = available - sum(wants)
        data_cols = [i for i, (kind, _c) in enumerate(model.columns) if kind == "data"]
        if spare > 0 and data_cols:
            extra = spare // len(data_cols)
            for i in data_cols:
                wants[i] += min(extra, 90)
        elif spare < 0:
            # Titles give way first (they elide, the tooltip has them whole); values never do.
            slack = [w - m for w, m in zip(wants, least, strict=True)]
            total = sum(slack)
            if total > 0:
                over = min(-spare, total)
                wants = [w - round(over * sl / total) for w, sl in zip(wants, slack, strict=True)]
        for i, w in enumerate(wants):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(i, w)
        narrowest = min((wants[i] for i in data_cols), default=HEADER_WIDTH + 16) - 16
        if narrowest < model.header_width or (
            model.header_width < HEADER_WIDTH and narrowest > model.header_width + 8
        ):
            # Titles wrap (and elide) within the columns they head.
            model.header_width = min(max(narrowest, 60), HEADER_WIDTH)
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)

    def _forget_widths(self, *_: Any) -> None:
        self._widths = None

    def _content_widths(self, metrics: QFontMetrics) -> list[int]:
        """The widest text (both lines of a cell) of each column, measured once per change of
        the data or the font: the columns are refitted on every resize, and measuring a grid
        of years of months cell by cell each time took seconds."""
        font = self.font().key()
        if self._widths is None or self._widths_font != font:
            model = self.grid_model
            widths = []
            for c in range(model.columnCount()):
                width = 0
                for r in range(model.rowCount()):
                    index = model.index(r, c)
                    for role in (Qt.ItemDataRole.DisplayRole, ActualRole):
                        width = max(width, metrics.horizontalAdvance(str(index.data(role) or "")))
                widths.append(width)
            self._widths, self._widths_font = widths, font
        return self._widths

    def _refit_later(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self.fit_columns)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit_columns()

    # --- keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste(QGuiApplication.clipboard().text())
                return
            if event.matches(QKeySequence.StandardKey.Copy):
                QGuiApplication.clipboard().setText(self.copy_text())
                return
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not event.modifiers():
                self.clear_selection()
                return
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._move(1)
                return
        super().keyPressEvent(event)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        super().closeEditor(editor, hint)
        if hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self._move(1)  # Enter: down to the next month, as in a spreadsheet

    def _move(self, rows: int) -> None:
        index = self.currentIndex()
        if not index.isValid():
            return
        target = self.grid_model.index(
            min(max(index.row() + rows, 0), self.grid_model.rowCount() - 1), index.column()
        )
        self.setCurrentIndex(target)

    # --- clipboard --------------------------------------------------------------------------
    def _selected_rect(self) -> tuple[int, int, int, int] | None:
        indexes = self.selectionModel().selectedIndexes()
        if not indexes:
            current = self.currentIndex()
            if not current.isValid():
                return None
            return current.row(), current.column(), current.row(), current.column()
        rows = [i.row() for i in indexes]
        cols = [i.column() for i in indexes]
        return min(rows), min(cols), max(rows), max(cols)

    def copy_text(self) -> str:
        rect = self._selected_rect()
        if rect is None:
            return ""
        top, left, bottom, right = rect
        lines = []
        for r in range(top, bottom + 1):
            cells = [
                str(self.grid_model.index(r, c).data(Qt.ItemDataRole.EditRole) or "")
                if self.grid_model.columns[c][0] == "data"
                else ""
                for c in range(left, right + 1)
            ]
            lines.append("\t".join(cells))
        return "\n".join(lines) + "\n"

    def paste(self, text: str) -> bool:
        """Paste a block at the current cell (one undo step); False when nothing changed."""
        model = self.grid_model
        if model.read_only or not text:
            return False
        block = parse_block(text)
        if not block:
            return False
        fmt = model._fmt()
        values: list[list[int | None]] = []
        problems = []
        for r, row in enumerate(block):
            parsed_row: list[int | None] = []
            for c, cell in enumerate(row):
                try:
                    parsed_row.append(fmt.parse_money(cell.strip()))
                except ParseError as exc:
                    problems.append(PasteProblem(r + 1, c + 1, cell, exc))
                    parsed_row.append(None)
            values.append(parsed_row)
        if problems:
            self.paste_failed.emit(PasteError(problems))
            return False
        targets: list[tuple[QModelIndex, int | None]] = []
        rect = self._selected_rect()
        if rect is None:
            return False
        top, left, bottom, right = rect
        if len(values) == 1 and len(values[0]) == 1 and (bottom > top or right > left):
            for r in range(top, bottom + 1):
                for c in range(left, right + 1):
                    targets.append((model.index(r, c), values[0][0]))
        else:
            for dr, row_values in enumerate(values):
                for dc, value in enumerate(row_values):
                    targets.append((model.index(top + dr, left + dc), value))
        return self._apply(targets)

    def clear_selection(self) -> bool:
        rect = self._selected_rect()
        if rect is None or self.grid_model.read_only:
            return False
        top, left, bottom, right = rect
        targets = [
            (self.grid_model.index(r, c), None)
            for r in range(top, bottom + 1)
            for c in range(left, right + 1)
        ]
        return self._apply(targets)

    def _apply(self, targets: list[tuple[QModelIndex, int | None]]) -> bool:
        model = self.grid_model
        cells = []
        for index, value in targets:
            if not model.editable(index):
                continue  # outside the grid, a total, or the no-channel column
            month, key = model.month_at(index.row()), model.key_at(index.column())
            if month is not None and key is not None:
                cells.append((month, key, value))
        if not cells or model.on_cells is None:
            return False
        return bool(model.on_cells(cells))

    def sizeHint(self) -> QSize:
        return QSize(700, ROW_HEIGHT * 8)
