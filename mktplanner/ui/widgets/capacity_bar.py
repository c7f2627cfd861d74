"""A bar of planned hours against a person's capacity for the week.

The filled part is the planned hours; a dark tick marks the capacity. The colour follows the
load level of ``domain.rules.weekly.capacity_level`` ("ok" green, "amber" near the limit,
"red" over it) and the numbers are written next to the bar, so the colour is never the only
sign. The widget only draws what it is given: the page computes the figures.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from mktplanner.ui import theme

LEVEL_COLORS = {
    "ok": ("#2E7D32", "#66BB6A"),
    "amber": ("#D98E04", "#FFB74D"),
    "red": ("#C62828", "#EF5350"),
}


def level_color(level: str) -> str:
    pair = LEVEL_COLORS.get(level, LEVEL_COLORS["ok"])
    return pair[1 if theme.is_dark() else 0]


class _Bar(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.planned = 0.0
        self.capacity = 0.0
        self.level = "ok"
        self.setMinimumHeight(14)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        return QSize(320, 14)

    def paintEvent(self, event: QPaintEvent) -> None:
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 2, -1, -2)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(c["border"]))
        p.drawRoundedRect(rect, 4, 4)
        # The scale reaches past the capacity so that an overload stays visible.
        scale = max(self.capacity * 1.25, self.planned, 1e-9)
        if self.planned > 0:
            fill = QRectF(rect)
            fill.setWidth(rect.width() * min(self.planned / scale, 1.0))
            p.setBrush(QColor(level_color(self.level)))
            p.drawRoundedRect(fill, 4, 4)
        if self.capacity > 0:
            x = rect.left() + rect.width() * min(self.capacity / scale, 1.0)
            p.setPen(QPen(QColor(c["text"]), 2))
            p.drawLine(int(x), int(rect.top()) - 2, int(x), int(rect.bottom()) + 2)
        p.end()


class CapacityBar(QWidget):
    """The bar with a headline ("19 h planned of 15.6 h") and a line of detail under it."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        top = QHBoxLayout()
        top.setSpacing(12)
        self.headline = QLabel()
        self.headline.setObjectName("CapacityHeadline")
        top.addWidget(self.headline, 0)
        self.bar = _Bar()
        top.addWidget(self.bar, 1)
        layout.addLayout(top)
        self.detail = QLabel()
        self.detail.setObjectName("SectionHint")
        self.detail.setWordWrap(True)
        layout.addWidget(self.detail)
        self._level = "ok"

    @property
    def level(self) -> str:
        return self._level

    def color(self) -> str:
        """The colour the bar is drawn in now (a hex string)."""
        return level_color(self._level)

    def set_values(
        self, planned: float, capacity: float, level: str, headline: str, detail: str = ""
    ) -> None:
        self._level = level
        self.bar.planned = max(planned, 0.0)
        self.bar.capacity = max(capacity, 0.0)
        self.bar.level = level
        self.headline.setText(headline)
        self.headline.setStyleSheet(f"font-weight: 600; color: {self.color()};")
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.bar.setToolTip(headline)
        self.bar.update()
