"""How a goal's progress and SMART check look: in the goals list and in the goal's detail.

* ``ProgressDelegate`` draws a cell's progress (a ratio, ``RawRole``) as a bar with the
  percentage beside it, coloured by the row's track (reached, off track, on track, unknown).
* ``SmartDelegate`` draws the five letters S M A R T, lit when the letter passes and dimmed
  (struck through) when it fails; the cell's tooltip says why (``smart_tooltip``).
* ``SmartStrip`` is the same check, larger, for the detail panel: each letter has its reason
  on hover, and the first failing reason is written out beside the letters.

The SMART result is the domain's ``SmartResult`` (``domain/rules/smart.py``), passed in as is.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.models.table import RawRole, ToneRole

translate = QCoreApplication.translate

LETTERS = ("S", "M", "A", "R", "T")


def letter_results(smart: Any) -> list[tuple[str, bool, tuple[Any, ...]]]:
    """(letter, passed, reasons) for each letter of a ``SmartResult`` (all failed if None)."""
    if smart is None:
        return [(letter, False, ()) for letter in LETTERS]
    return [(r.letter, bool(r.passed), tuple(r.reasons)) for r in smart.results]


def letter_tooltip(letter: str, passed: bool, reasons: tuple[Any, ...], fmt: Any = None) -> str:
    name = texts.smart_letter_name(letter)
    if passed:
        return f"{name}: {texts.smart_ok_text(letter)}"
    why = " ".join(texts.smart_reason_text(p.code, p.params, fmt) for p in reasons)
    return f"{name}: {why}"


def smart_tooltip(smart: Any, fmt: Any = None) -> str:
    """Every letter with its verdict, as rich text for a tooltip."""
    lines = []
    for letter, passed, reasons in letter_results(smart):
        mark = "✓" if passed else "✗"
        color = theme.tone_color("good") if passed else theme.tone_color("bad")
        text = escape(letter_tooltip(letter, passed, reasons, fmt))
        lines.append(f"<span style='color:{color}'><b>{mark} {letter}</b></span> {text}")
    head = translate("GoalCells", "SMART check")
    return f"<p style='white-space:pre'><b>{escape(head)}</b><br>" + "<br>".join(lines) + "</p>"


def first_problem(smart: Any, fmt: Any = None) -> str:
    """The first failing letter's reason as "A — …" ("" when every letter passes)."""
    for letter, passed, reasons in letter_results(smart):
        if not passed:
            why = " ".join(texts.smart_reason_text(p.code, p.params, fmt) for p in reasons)
            return f"{texts.smart_letter_name(letter)}: {why}"
    return ""


def _track_color(tone: str | None) -> QColor:
    colors = theme.colors()
    if tone in ("good", "bad", "warn"):
        return QColor(theme.tone_color(tone))
    if tone == "muted":
        return QColor(colors["muted"])
    return QColor(colors["accent"])


class ProgressDelegate(QStyledItemDelegate):
    """A progress ratio as a bar and a percentage (the text is the cell's display text)."""

    BAR_WIDTH = 64

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        value = index.data(RawRole)
        tone = index.data(ToneRole)
        colors = theme.colors()
        rect = option.rect.adjusted(10, 0, -8, 0)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        bar = QRectF(rect.left(), rect.center().y() - 3, self.BAR_WIDTH, 6)
        track = QPainterPath()
        track.addRoundedRect(bar, 3, 3)
        painter.fillPath(track, QColor(colors["border"]))
        if isinstance(value, int | float):
            share = min(max(float(value), 0.0), 1.0)
            if share > 0:
                fill = QPainterPath()
                fill.addRoundedRect(QRectF(bar.left(), bar.top(), bar.width() * share, 6), 3, 3)
                painter.fillPath(fill, _track_color(tone))
        painter.setPen(QColor(colors["text"]) if tone != "bad" else _track_color(tone))
        painter.drawText(
            QRect(
                int(bar.right()) + 8, rect.top(), rect.right() - int(bar.right()) - 8, rect.height()
            ),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            text,
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(self.BAR_WIDTH + 70, max(size.height(), theme.ROW_HEIGHT))


class SmartDelegate(QStyledItemDelegate):
    """The letters S M A R T: lit when passed, dimmed and struck through when failed."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        smart = index.data(RawRole)
        painter.save()
        font = QFont(option.font)
        font.setWeight(QFont.Weight.Bold)
        metrics = QFontMetrics(font)
        x = option.rect.left() + 10
        step = metrics.horizontalAdvance("M") + 4
        for letter, passed, _reasons in letter_results(smart):
            f = QFont(font)
            if not passed:
                f.setWeight(QFont.Weight.Normal)
                f.setStrikeOut(True)
            painter.setFont(f)
            painter.setPen(
                QColor(theme.tone_color("good")) if passed else QColor(theme.colors()["muted"])
            )
            painter.drawText(
                QRect(x, option.rect.top(), step, option.rect.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                letter,
            )
            x += step
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        font = QFont(option.font)
        font.setWeight(QFont.Weight.Bold)
        step = QFontMetrics(font).horizontalAdvance("M") + 4
        return QSize(5 * step + 24, theme.ROW_HEIGHT)


class _Letter(QLabel):
    def __init__(self, letter: str, parent: QWidget | None = None):
        super().__init__(letter, parent)
        self.letter = letter
        self.passed = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setFixedSize(28, 28)

    def set_state(self, passed: bool, tip: str) -> None:
        self.passed = passed
        self.setToolTip(tip)
        self.setAccessibleName(tip)
        good = theme.tone_color("good")
        colors = theme.colors()
        if passed:
            ink = (
                "#10321A" if theme.is_dark() else "#FFFFFF"
            )  # readable on the light dark-theme green
            css = f"background: {good}; color: {ink}; border: 1px solid {good};"
        else:
            css = (
                f"background: transparent; color: {colors['muted']}; "
                f"border: 1px dashed {colors['muted']};"
            )
        self.setStyleSheet(
            f"QLabel {{ {css} border-radius: 6px; font-weight: 700; font-size: 10.5pt; }}"
        )


class SmartStrip(QWidget):
    """The five letters of a goal's SMART check, with the first problem written out."""

    def __init__(self, fmt: Callable[[], Any] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._fmt = fmt
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.letters: dict[str, _Letter] = {}
        for letter in LETTERS:
            label = _Letter(letter, self)
            self.letters[letter] = label
            layout.addWidget(label)
        layout.addSpacing(8)
        self.summary = QLabel()
        self.summary.setObjectName("SmartSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary, 1)
        self.set_result(None)

    def set_result(self, smart: Any) -> None:
        fmt = self._fmt() if self._fmt is not None else None
        for letter, passed, reasons in letter_results(smart):
            self.letters[letter].set_state(passed, letter_tooltip(letter, passed, reasons, fmt))
        if smart is None:
            self.summary.setText("")
            return
        problem = first_problem(smart, fmt)
        if problem:
            self.summary.setText(problem)
            self.summary.setStyleSheet(f"color: {theme.tone_color('warn')};")
        else:
            self.summary.setText(translate("GoalCells", "SMART: every letter passes."))
            self.summary.setStyleSheet(f"color: {theme.tone_color('good')};")

    def lit(self) -> str:
        """The letters as shown: a letter when lit, "-" when dimmed ("SM-RT")."""
        return "".join(k if v.passed else "-" for k, v in self.letters.items())
