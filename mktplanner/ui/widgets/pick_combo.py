"""A searchable pick list in a table cell: type a few letters of any part of a name.

``PickDelegate`` is the table's ``CellDelegate`` with one difference: the columns named in
``pick_keys`` get an editable combo box whose completer matches anywhere in an entry
("posts" finds "Weekly social media posts · Nov 24"). The entries are ``(key, label)``
pairs from the column's ``choices``; the key is a string, so that an entry stands for any
value the page likes (an action, or one occurrence of a recurring action).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QStyleOptionViewItem, QWidget

from mktplanner.ui.fmt import Formatter, ParseError
from mktplanner.ui.models.table import Col, RowTableModel
from mktplanner.ui.widgets.table import CellDelegate

NONE_LABEL = "—"


class PickCombo(QComboBox):
    """An editable combo box whose typed text filters the entries (contains, any case)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(16)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_entries(self, entries: Iterable[tuple[Any, str]], nullable: bool = True) -> None:
        self.clear()
        if nullable:
            self.addItem(NONE_LABEL, None)
        for key, label in entries:
            self.addItem(label, key)

    def select_key(self, key: Any) -> None:
        pos = self.findData(key)
        self.setCurrentIndex(max(pos, 0))
        line = self.lineEdit()
        if line is not None:
            line.selectAll()

    def chosen(self) -> tuple[bool, Any]:
        """(understood, key): the entry whose label is the typed text; an empty text or the
        dash means no entry (None); a text matching no entry is not understood."""
        typed = self.currentText().strip()
        if not typed or typed == NONE_LABEL:
            return True, None
        pos = self.findText(typed, Qt.MatchFlag.MatchFixedString)
        if pos < 0:
            return False, None
        return True, self.itemData(pos)


class PickDelegate(CellDelegate):
    def __init__(
        self,
        model: RowTableModel,
        fmt: Callable[[], Formatter],
        on_error: Callable[[Col, ParseError], None],
        pick_keys: Iterable[str],
        parent: QObject | None = None,
    ):
        super().__init__(model, fmt, on_error, parent)
        self.pick_keys = frozenset(pick_keys)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        col = self._col(index)
        if col.key not in self.pick_keys:
            return super().createEditor(parent, option, index)
        combo = PickCombo(parent)
        combo.setFrame(False)
        combo.set_entries(col.choices() if col.choices else [], col.nullable)
        return combo

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, PickCombo):
            editor.select_key(self._col(index).raw(self.model.rows[index.row()]))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        if isinstance(editor, PickCombo):
            understood, key = editor.chosen()
            if not understood:
                self.on_error(
                    self._col(index), ParseError("unknown_value", value=editor.currentText())
                )
                return
            model.setData(index, key, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
