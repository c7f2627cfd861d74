"""A small generic Qt table model over rows (dicts) from ``services.views``.

A page describes its columns once (``Col``: which key to show, how to format it, which
database column an edit changes) and hands the model its rows; the model formats cells
through the document's ``Formatter`` and turns an edited cell into a call of ``on_edit``
(which builds an edit and pushes it onto the undo stack). The model never writes anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from mktplanner.ui import texts, theme
from mktplanner.ui.fmt import DASH, Formatter

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex

# Roles a delegate or a test may ask for.
RawRole = Qt.ItemDataRole.UserRole + 1  # the raw value (int minor units, date, id...)
IdRole = Qt.ItemDataRole.UserRole + 2  # the row's id
ToneRole = Qt.ItemDataRole.UserRole + 3  # "bad" | "warn" | "good" | "muted" | None

NUMERIC_KINDS = frozenset({"int", "float", "money", "percent", "share", "hours"})


@dataclass
class Col:
    """One column. ``field`` names the database column an edit changes (None: read-only).

    kinds: text, int, float, hours, money, percent (a ratio shown as %, read-only),
    share (a 0..1 ratio edited as a percentage), date, month, enum (``enum`` names the
    vocabulary in texts.py), ref (``choices`` gives (id, label) pairs; ``key`` holds the
    label, ``field`` the id), bool (a check box).
    """

    key: str
    title: Callable[[], str]
    kind: str = "text"
    field: str | None = None
    enum: str = ""
    choices: Callable[[], Sequence[tuple[Any, str]]] | None = None
    nullable: bool = True
    stretch: int = 0  # a share of the spare width (0: fit the contents)
    width: int = 0  # a minimum width in pixels (0: fit the contents)
    max_width: int = 360
    digits: int | None = None
    max_length: int = 0
    display: Callable[[Row, Formatter], str] | None = None
    tone: Callable[[Row], str | None] | None = None
    tooltip: Callable[[Row], str] | None = None
    bold: bool = False
    edit_key: str = ""  # the row key holding the stored value, when it differs from ``key``

    @property
    def editable(self) -> bool:
        return self.field is not None

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC_KINDS

    def raw(self, row: Row) -> Any:
        """The stored value an editor starts from (a ref column's id, not its label)."""
        if self.edit_key:
            return row.get(self.edit_key)
        if self.kind == "ref" and self.field:
            return row.get(self.field)
        return row.get(self.key)

    def text(self, row: Row, fmt: Formatter) -> str:
        if self.display is not None:
            return self.display(row, fmt)
        value = row.get(self.key)
        kind = self.kind
        if kind == "bool":
            return ""
        if value is None or value == "" and kind not in ("text",):
            return DASH if kind != "text" else ""
        if kind == "money":
            return fmt.money(value)
        if kind == "int":
            return fmt.integer(value)
        if kind == "float":
            return fmt.number(value, self.digits)
        if kind == "hours":
            return fmt.number(value, 1 if self.digits is None else self.digits)
        if kind in ("percent", "share"):
            return fmt.percent(value, self.digits or 0)
        if kind == "date":
            return fmt.date(value) if isinstance(value, dt.date) else str(value)
        if kind == "month":
            return fmt.month(value) if isinstance(value, dt.date) else str(value)
        if kind == "enum":
            return texts.enum_label(self.enum, value)
        return str(value)


TONE_COLORS = theme.TONE_COLORS  # (light, dark) text colour of each tone


class RowTableModel(QAbstractTableModel):
    """Rows of dicts shown through ``Col`` descriptions; edits go to ``on_edit``."""

    def __init__(
        self,
        columns: Sequence[Col],
        *,
        fmt: Callable[[], Formatter],
        on_edit: Callable[[Row, Col, Any], bool] | None = None,
        dark: Callable[[], bool] = lambda: False,
        parent: Any = None,
    ):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Row] = []
        self._fmt = fmt
        self.on_edit = on_edit
        self.read_only = False
        self._dark = dark

    # --- content -------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Row | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def row_of_id(self, ident: Any) -> int:
        for i, r in enumerate(self.rows):
            if r.get("id") == ident:
                return i
        return -1

    def column_of(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        return -1

    # --- Qt model API -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.title()
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        col = self.columns[index.column()]
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if col.editable and not self.read_only and self.on_edit is not None:
            if col.kind == "bool":
                flags |= Qt.ItemFlag.ItemIsUserCheckable
            else:
                flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row, self._fmt())
        if role in (Qt.ItemDataRole.EditRole, RawRole):
            return col.raw(row)
        if role == IdRole:
            return row.get("id")
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == "bool":
            return Qt.CheckState.Checked if row.get(col.key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.TextAlignmentRole:
            h = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            if col.kind == "bool":
                h = Qt.AlignmentFlag.AlignCenter
            return int(h | Qt.AlignmentFlag.AlignVCenter)
        if role == ToneRole:
            return col.tone(row) if col.tone else None
        if role == Qt.ItemDataRole.ForegroundRole:
            tone = col.tone(row) if col.tone else None
            if tone in TONE_COLORS:
                return QBrush(QColor(TONE_COLORS[tone][1 if self._dark() else 0]))
            return None
        if role == Qt.ItemDataRole.FontRole and col.bold:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.tooltip:
                return col.tooltip(row) or None
            text = col.text(row, self._fmt())
            return text if len(text) > 40 else None
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or self.on_edit is None or self.read_only:
            return False
        row = self.rows[index.row()]
        col = self.columns[index.column()]
        if not col.editable:
            return False
        if role == Qt.ItemDataRole.CheckStateRole and col.kind == "bool":
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        if value == col.raw(row):
            return False
        return bool(self.on_edit(row, col, value))
