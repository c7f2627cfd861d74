"""A table cell drawn as a coloured badge (a status: over, overdue, on track...): the tone of
the row (``ToneRole``) stays visible when the row is selected, which a plain coloured text
does not."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from mktplanner.ui import theme
from mktplanner.ui.models.table import TONE_COLORS, ToneRole


class BadgeDelegate(QStyledItemDelegate):
    """Paints the cell's text in a rounded badge tinted with its tone (no tone: plain text)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        tone = index.data(ToneRole)
        if tone not in TONE_COLORS:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        color = QColor(TONE_COLORS[tone][1 if theme.is_dark() else 0])
        font = QFont(opt.font)
        font.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(font)
        rect = opt.rect.adjusted(6, 5, -6, -5)
        width = min(metrics.horizontalAdvance(text) + 20, rect.width())
        badge = QRectF(rect.left(), rect.top(), width, rect.height())
        fill = QColor(color)
        fill.setAlpha(60 if theme.is_dark() else 34)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(badge, 6, 6)
        painter.setPen(color)
        painter.setFont(font)
        painter.drawText(
            badge.adjusted(8, 0, -8, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(badge.width()) - 14),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 24, max(size.height(), theme.ROW_HEIGHT))
