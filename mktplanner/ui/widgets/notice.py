"""An in-place message strip: why a change was refused, said where the user made it.

Hidden until ``show_text``; it stays until the next accepted change (``hide``) or until the
user closes it, so a refusal is never a modal dialog in the middle of editing a table.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from mktplanner.ui import theme


class Notice(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 6, 6)
        layout.setSpacing(8)
        self.icon = QLabel()
        self.icon.setFixedSize(18, 18)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setObjectName("NoticeText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(QCoreApplication.translate("Notice", "Close"))
        self.close_button.clicked.connect(self.hide)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def show_text(self, text: str, tone: str = "bad") -> None:
        color = theme.tone_color(tone)
        tint = QColor(color)
        tint.setAlpha(30)
        rgba = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()})"
        self.setStyleSheet(
            f"QFrame#Notice {{ background: {rgba}; border: 1px solid {color};"
            f" border-radius: 8px; }}"
            f"QLabel#NoticeText {{ color: {color}; background: transparent; }}"
            f"QToolButton {{ border: none; color: {color}; font-size: 13pt; padding: 0 4px; }}"
        )
        self.icon.setPixmap(
            theme.icon("error" if tone == "bad" else "warning", color).pixmap(18, 18)
        )
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""
