"""A page table whose rows come in groups: a heading row (spanning the table, tinted with the
group's colour) before the rows of each group, and sorting that keeps the groups.

``GroupedRowModel`` is a ``RowTableModel`` whose heading rows are dicts with ``GROUP`` set
(``title``: the heading's text, ``color``: its colour or None). Heading rows cannot be
selected, edited or reached with the arrow keys, and carry no ``id``, so the generic Delete
never sees them. A click on a column header calls ``on_sort(column key or None, descending)``;
the page sorts within the groups and hands the model its new rows.

``GroupedBlock`` is a ``TableBlock`` (same API: ``model``, ``view``, ``section``, ``add``,
``delete_selected``, ``set_rows``) built on that model.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from mktplanner.ui import theme
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.pages.base import TableBlock

if TYPE_CHECKING:
    from mktplanner.ui.pages.base import Page

Index = QModelIndex | QPersistentModelIndex
GROUP = "_group"


def chip(color: str, size: int = 12) -> QIcon:
    """A small rounded square of ``color`` (a group's or a direction's colour)."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    qc = QColor(color)
    painter.setBrush(qc if qc.isValid() else QColor("#8A94A6"))
    painter.drawRoundedRect(0, 0, size, size, 3, 3)
    painter.end()
    icon = QIcon(pix)
    icon.addPixmap(pix, QIcon.Mode.Disabled)  # heading rows are disabled: keep the colour
    return icon


class GroupedRowModel(RowTableModel):
    def __init__(
        self,
        columns: Sequence[Col],
        *,
        on_sort: Callable[[str | None, bool], None] | None = None,
        decoration: Callable[[Row, Col], Any] | None = None,
        **kwargs: Any,
    ):
        super().__init__(columns, **kwargs)
        self.on_sort = on_sort
        self.decoration = decoration
        self._chips: dict[str, QIcon] = {}

    @staticmethod
    def is_group(row: Row | None) -> bool:
        return bool(row and row.get(GROUP))

    def group_rows(self) -> list[int]:
        return [i for i, r in enumerate(self.rows) if r.get(GROUP)]

    def action_rows(self) -> list[Row]:
        return [r for r in self.rows if not r.get(GROUP)]

    def _chip(self, color: str) -> QIcon:
        if color not in self._chips:
            self._chips[color] = chip(color)
        return self._chips[color]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and self.is_group(self.rows[index.row()]):
            return Qt.ItemFlag.NoItemFlags
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if self.is_group(row):
            return self._group_data(row, index.column(), role)
        if role == Qt.ItemDataRole.DecorationRole and self.decoration is not None:
            return self.decoration(row, self.columns[index.column()])
        return super().data(index, role)

    def _group_data(self, row: Row, column: int, role: int) -> Any:
        color = row.get("color")
        if role == Qt.ItemDataRole.DisplayRole:
            return row.get("title", "") if column == 0 else ""
        if role == Qt.ItemDataRole.DecorationRole and column == 0 and color:
            return self._chip(color)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setWeight(QFont.Weight.DemiBold)
            return font
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(theme.colors()["text"]))
        if role == Qt.ItemDataRole.BackgroundRole:
            tint = QColor(color or theme.colors()["muted"])
            tint.setAlpha(34)
            return QBrush(tint)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if self.on_sort is None:
            return
        key = self.columns[column].key if 0 <= column < len(self.columns) else None
        self.on_sort(key, order == Qt.SortOrder.DescendingOrder)


class GroupedBlock(TableBlock):
    """A ``TableBlock`` over a ``GroupedRowModel``: heading rows span the table."""

    def __init__(
        self,
        page: Page,
        table: str,
        columns: Sequence[Col],
        *,
        title: str,
        hint: str = "",
        empty: str = "",
        add_text: str = "",
        delete_text: str = "",
        new_row: Callable[[], dict[str, Any] | None] | None = None,
        on_edit: Callable[[Row, Col, Any], bool] | None = None,
        on_sort: Callable[[str | None, bool], None] | None = None,
        decoration: Callable[[Row, Col], Any] | None = None,
    ):
        self._on_sort, self._decoration = on_sort, decoration
        super().__init__(
            page,
            table,
            columns,
            title=title,
            hint=hint,
            empty=empty,
            add_text=add_text,
            delete_text=delete_text,
            new_row=new_row,
            on_edit=on_edit,
        )
        self.model.modelReset.connect(self._span_groups)
        if on_sort is not None:
            header = self.view.horizontalHeader()
            header.setSortIndicatorClearable(True)
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
            self.view.setSortingEnabled(True)
        page._blocks.append(self)

    def _make_model(
        self, columns: Sequence[Col], on_edit: Callable[[Row, Col, Any], bool]
    ) -> RowTableModel:
        return GroupedRowModel(
            columns,
            on_sort=self._on_sort,
            decoration=self._decoration,
            fmt=lambda: self.page.fmt,
            on_edit=on_edit,
            dark=theme.is_dark,
        )

    def _span_groups(self) -> None:
        model = self.model
        assert isinstance(model, GroupedRowModel)
        self.view.clearSpans()
        columns = model.columnCount()
        for r in model.group_rows():
            self.view.setSpan(r, 0, 1, columns)
