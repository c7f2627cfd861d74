"""Form fields that save on leaving them (one edit, one undo step), like the table cells do."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget


class TextField(QPlainTextEdit):
    """Multi-line text saved through ``save(value) -> bool`` when focus leaves it changed."""

    def __init__(
        self,
        save: Callable[[str], bool],
        *,
        max_length: int = 0,
        lines: int = 3,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._save = save
        self._value = ""
        self._max = max_length
        self.setTabChangesFocus(True)
        height = self.fontMetrics().lineSpacing() * lines + 18
        self.setFixedHeight(height)

    def set_value(self, value: str) -> None:
        self._value = value or ""
        if self.toPlainText() != self._value:
            self.setPlainText(self._value)

    def value(self) -> str:
        text = self.toPlainText()
        return text[: self._max] if self._max else text

    def commit(self) -> None:
        text = self.value()
        if text == self._value or self.isReadOnly():
            return
        if self._save(text):
            self._value = text
        else:
            self.setPlainText(self._value)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()


class LineField(QLineEdit):
    """One line of text saved on Enter or when focus leaves it changed."""

    def __init__(
        self, save: Callable[[str], bool], *, max_length: int = 0, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._save = save
        self._value = ""
        if max_length:
            self.setMaxLength(max_length)
        self.editingFinished.connect(self.commit)

    def set_value(self, value: str) -> None:
        self._value = value or ""
        if self.text() != self._value:
            self.setText(self._value)
            self.setCursorPosition(0)  # show the beginning of a long text

    def commit(self) -> None:
        text = self.text()
        if text == self._value or self.isReadOnly():
            return
        if self._save(text):
            self._value = text
        else:
            self.setText(self._value)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.setText(self._value)
        super().keyPressEvent(event)


class ChoiceField(QComboBox):
    """A closed choice saved at once when the user picks another entry."""

    def __init__(self, save: Callable[[Any], bool], parent: QWidget | None = None):
        super().__init__(parent)
        self._save = save
        self._value: Any = None
        self._loading = False
        self.activated.connect(self._picked)

    def set_choices(self, items: list[tuple[Any, str]], value: Any) -> None:
        self._loading = True
        self.clear()
        for data, text in items:
            self.addItem(text, data)
        self.set_value(value)
        self._loading = False

    def set_value(self, value: Any) -> None:
        self._value = value
        pos = self.findData(value)
        if pos >= 0:
            self.setCurrentIndex(pos)

    def _picked(self, _index: int) -> None:
        if self._loading:
            return
        value = self.currentData()
        if value == self._value:
            return
        if self._save(value):
            self._value = value
        else:
            self.set_value(self._value)
