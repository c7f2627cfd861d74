"""The tactical plan as a timeline: one bar per action across its dates, month by month.

``TimelineWidget`` shows ``TimelineData`` (plain values, texts already translated):

* a month header (the month's name, and a note such as "5 actions · $1,200"), a column of
  action titles grouped under their direction (or goal), and a ``QGraphicsView`` with one
  ``BarItem`` per action: a bar from start to due (inclusive) in the direction's colour,
  a diamond for an action with one date, a faint band with a mark per occurrence for a
  recurring action; today is a red line, the months outside the tactical period are shaded;
* what needs attention stands out: a late bar gets a red outline and an end cap, and the
  title column shows chips ("late", "no owner", "no budget"...);
* dragging a bar moves it, dragging one of its ends moves that date; the widget only
  *asks* (``move_requested(action_id, start, due)``): the page makes the edit, and the
  data comes back through ``set_data``. Keys do the same for the selected bar (Left/Right:
  a day, with Ctrl a week; with Shift the due date only), Up/Down select, Enter opens the
  action, +/- zoom, Home scrolls to today;
* zoom shows a quarter, half a year or a year across the visible width.

Only the visible rows and months are painted, and a bar is one item, so a plan with
hundreds of actions scrolls smoothly (``tests/bench/bench_timeline.py`` measures it).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QGridLayout,
    QLabel,
    QStyleOptionGraphicsItem,
    QWidget,
)

from mktplanner.ui import theme
from mktplanner.ui.fmt import Formatter
from mktplanner.ui.models.table import TONE_COLORS

ROW_H = 28
BAR_H = 16
HEADER_H = 46
LABEL_W = 300
EDGE = 6  # px at each end of a bar that grab the date instead of the whole bar
MARGIN_MONTHS = 12  # months shown before / after the period at most, for actions outside it
ZOOMS: dict[str, int] = {"quarter": 3, "half": 6, "year": 12}  # months across the view
ZOOM_ORDER = ("quarter", "half", "year")
DAYS_PER_MONTH = 30.44

FLAG_TONES = {
    "late": "bad",
    "no_owner": "bad",
    "owner_left": "bad",
    "no_budget": "warn",
    "no_dates": "muted",
}


# --- data -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One action on the timeline. ``flags`` are codes of ``services.tactics.FLAGS``."""

    id: int
    title: str
    color: str
    start: dt.date | None
    due: dt.date | None
    occurrences: tuple[dt.date, ...] = ()
    done: bool = False
    cancelled: bool = False
    flags: tuple[str, ...] = ()
    note: str = ""  # drawn inside the bar when it fits (the owner's name)
    tooltip: str = ""

    @property
    def dated(self) -> bool:
        return self.start is not None or self.due is not None

    @property
    def recurring(self) -> bool:
        return bool(self.occurrences)


@dataclass(frozen=True)
class Group:
    title: str
    color: str | None
    bars: tuple[Bar, ...]
    note: str = ""


@dataclass(frozen=True)
class TimelineData:
    period_start: dt.date  # first day of the period's first month
    months: int
    today: dt.date
    groups: tuple[Group, ...] = ()
    month_notes: Mapping[dt.date, tuple[str, str]] = field(default_factory=dict)  # long, short
    flag_labels: Mapping[str, str] = field(default_factory=dict)
    read_only: bool = False

    @property
    def period_end(self) -> dt.date:
        return _add_months(self.period_start, self.months) - dt.timedelta(days=1)

    def bars(self) -> list[Bar]:
        return [b for g in self.groups for b in g.bars]


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year = min(max(index // 12, 1), 9999)
    return dt.date(year, index % 12 + 1, 1)


def _month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


@dataclass
class Scale:
    """Days to scene x: ``origin`` (a first of month) is x = 0."""

    origin: dt.date
    end: dt.date  # the last day shown
    ppd: float  # pixels per day

    def x(self, day: dt.date) -> float:
        return max(-1000.0, min((day - self.origin).days * self.ppd, self.width + 1000.0))

    @property
    def width(self) -> float:
        return ((self.end - self.origin).days + 1) * self.ppd

    def day_at(self, x: float) -> dt.date:
        days = math.floor(x / self.ppd)
        return self.origin + dt.timedelta(days=max(0, min(days, (self.end - self.origin).days)))

    def months(self) -> list[dt.date]:
        out, m = [], self.origin
        while m <= self.end:
            out.append(m)
            m = _add_months(m, 1)
        return out


@dataclass(frozen=True)
class _Row:
    group: Group | None = None
    bar: Bar | None = None


@lru_cache(maxsize=512)
def _month_names(locale: str, full: str, day: dt.date) -> tuple[str, str, str]:
    from babel.dates import format_skeleton

    short = re.sub(r"[\s\u00a0]г\.$", "", format_skeleton("yMMM", day, locale=locale))
    return full, short, format_skeleton("MMM", day, locale=locale)


def month_names(fmt: Formatter, day: dt.date) -> tuple[str, str, str]:
    """A month's name from the longest to the shortest ("сентябрь 2026", "сент. 2026",
    "сент."), for a header cell to take the first that fits."""
    return _month_names(fmt.locale, fmt.month(day), day)


# --- colours ------------------------------------------------------------------------------------


def _c(name: str) -> QColor:
    return QColor(theme.colors()[name])


def _tone(tone: str) -> QColor:
    return QColor(TONE_COLORS[tone][1 if theme.is_dark() else 0])


def _qcolor(value: str | None) -> QColor:
    color = QColor(value or "")
    return color if color.isValid() else QColor("#8A94A6")


def _ink_on(color: QColor) -> QColor:
    """Black or white text, whichever reads better on ``color``."""
    lum = 0.299 * color.redF() + 0.587 * color.greenF() + 0.114 * color.blueF()
    return QColor("#1F2430") if lum > 0.62 else QColor("#FFFFFF")


# --- the bar ---------------------------------------------------------------------------------------


class BarItem(QGraphicsItem):
    """One action's bar; it draws its own drag preview and asks the widget to move it."""

    def __init__(self, owner: TimelineWidget, bar: Bar, row: int):
        super().__init__()
        self.owner = owner
        self.bar = bar
        self.row = row
        self.preview: tuple[dt.date | None, dt.date | None] | None = None
        self._drag: tuple[str, float] | None = None  # (part, press x)
        self.setAcceptHoverEvents(True)
        self.setToolTip(bar.tooltip)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    # --- geometry ------------------------------------------------------------------------
    def dates(self) -> tuple[dt.date | None, dt.date | None]:
        return self.preview if self.preview is not None else (self.bar.start, self.bar.due)

    def span(
        self, dates: tuple[dt.date | None, dt.date | None] | None = None
    ) -> tuple[float, float]:
        start, due = dates if dates is not None else self.dates()
        first = start or due
        last = due or start
        assert first is not None and last is not None
        if last < first:
            first, last = last, first
        scale = self.owner.scale
        return scale.x(first), scale.x(last + dt.timedelta(days=1))

    def top(self) -> float:
        return self.row * ROW_H

    def boundingRect(self) -> QRectF:
        x0, x1 = self.span()
        if self.preview is not None:
            o0, o1 = self.span((self.bar.start, self.bar.due))
            x0, x1 = min(x0, o0), max(x1, o1) + 170  # room for the date tag
        return QRectF(x0 - 10, self.top(), x1 - x0 + 20, ROW_H)

    def single_date(self) -> bool:
        start, due = self.dates()
        return (start is None) != (due is None)

    # --- painting ----------------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        bar = self.bar
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        color = _qcolor(bar.color)
        if bar.cancelled:
            color = _c("muted")
        mid = self.top() + ROW_H / 2
        if self.preview is not None:
            o0, o1 = self.span((bar.start, bar.due))
            painter.setPen(QPen(_c("muted"), 1, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(o0, mid - BAR_H / 2, max(o1 - o0, 6), BAR_H), 4, 4)
        x0, x1 = self.span()
        selected = self.owner.selected_id == bar.id
        late = "late" in bar.flags
        if self.single_date():
            self._paint_diamond(painter, (x0 + x1) / 2, mid, color, late, selected)
        elif bar.recurring:
            self._paint_recurring(painter, x0, x1, mid, color, late, selected)
        else:
            self._paint_bar(painter, x0, x1, mid, color, late, selected)
        if self.preview is not None:
            self._paint_tag(painter, x1, mid)

    def _fill(self, color: QColor) -> QBrush:
        fill = QColor(color)
        if self.bar.done:
            fill.setAlpha(110)
        if self.bar.cancelled:
            return QBrush(fill, Qt.BrushStyle.BDiagPattern)
        return QBrush(fill)

    def _outline(self, painter: QPainter, late: bool, selected: bool) -> None:
        if selected:
            painter.setPen(QPen(_c("accent"), 2.5))
        elif late:
            painter.setPen(QPen(_tone("bad"), 2))
        else:
            painter.setPen(Qt.PenStyle.NoPen)

    def _paint_bar(
        self,
        painter: QPainter,
        x0: float,
        x1: float,
        mid: float,
        color: QColor,
        late: bool,
        selected: bool,
    ) -> None:
        rect = QRectF(x0, mid - BAR_H / 2, max(x1 - x0, 6), BAR_H)
        self._outline(painter, late, selected)
        painter.setBrush(self._fill(color))
        painter.drawRoundedRect(rect, 4, 4)
        if late:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_tone("bad"))
            cap = QPainterPath()
            cap.addRoundedRect(QRectF(rect.right() - 5, rect.top(), 5, rect.height()), 2, 2)
            painter.drawPath(cap)
        note = self.bar.note
        if note and rect.width() > 40 and not self.bar.cancelled:
            painter.setFont(self.owner.small_font)
            metrics = self.owner.small_metrics
            text = metrics.elidedText(note, Qt.TextElideMode.ElideRight, int(rect.width() - 14))
            if text and text != "…":
                ink = _ink_on(color) if not self.bar.done else _c("text")
                painter.setPen(ink)
                painter.drawText(
                    rect.adjusted(7, 0, -7, 0),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                    text,
                )

    def _paint_recurring(
        self,
        painter: QPainter,
        x0: float,
        x1: float,
        mid: float,
        color: QColor,
        late: bool,
        selected: bool,
    ) -> None:
        band = QColor(color)
        band.setAlpha(60 if not self.bar.done else 35)
        rect = QRectF(x0, mid - BAR_H / 2 + 3, max(x1 - x0, 6), BAR_H - 6)
        self._outline(painter, late, selected)
        painter.setBrush(band)
        painter.drawRoundedRect(rect, 3, 3)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._fill(color))
        scale = self.owner.scale
        shift = dt.timedelta(0)
        if self.preview is not None and self.bar.start is not None and self.preview[0] is not None:
            shift = self.preview[0] - self.bar.start
        width = max(4.0, min(scale.ppd, 10.0))
        for day in self.bar.occurrences:
            x = scale.x(day + shift)
            painter.drawRoundedRect(QRectF(x, mid - BAR_H / 2, width, BAR_H), 2, 2)

    def _paint_diamond(
        self, painter: QPainter, x: float, mid: float, color: QColor, late: bool, selected: bool
    ) -> None:
        r = BAR_H / 2 + 1
        poly = QPolygonF(
            [QPointF(x, mid - r), QPointF(x + r, mid), QPointF(x, mid + r), QPointF(x - r, mid)]
        )
        self._outline(painter, late, selected)
        painter.setBrush(self._fill(color))
        painter.drawPolygon(poly)

    def _paint_tag(self, painter: QPainter, x1: float, mid: float) -> None:
        start, due = self.dates()
        fmt = self.owner.fmt()
        if start is not None and due is not None:
            tag = fmt.day_range(start, due)
        else:
            tag = fmt.short_date(start or due)
        painter.setFont(self.owner.small_font)
        metrics = self.owner.small_metrics
        w = metrics.horizontalAdvance(tag) + 12
        rect = QRectF(x1 + 8, mid - 10, w, 20)
        painter.setPen(QPen(_c("accent"), 1))
        painter.setBrush(_c("base"))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(_c("text"))
        painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), tag)

    # --- interaction ---------------------------------------------------------------------------
    def part_at(self, x: float) -> str:
        """Which part a press at scene ``x`` grabs: "start", "due" or the whole bar."""
        if self.single_date() or self.bar.recurring:
            return "both"
        x0, x1 = self.span()
        if x1 - x0 >= 3 * EDGE:
            if abs(x - x1) <= EDGE:
                return "due"
            if abs(x - x0) <= EDGE:
                return "start"
        return "both"

    def hoverMoveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        if self.owner.read_only:
            self.setCursor(Qt.CursorShape.PointingHandCursor)
        elif self.part_at(event.pos().x()) == "both":
            self.setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.setCursor(Qt.CursorShape.SizeHorCursor)
        super().hoverMoveEvent(event)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            event.ignore()
            return
        self.owner.select(self.bar.id)
        if not self.owner.read_only:
            self._drag = (self.part_at(event.pos().x()), event.scenePos().x())
            if self._drag[0] == "both":
                self.setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is None:
            return
        from mktplanner.services.tactics import shifted

        part, press_x = self._drag
        days = round((event.scenePos().x() - press_x) / self.owner.scale.ppd)
        preview = shifted(self.bar.start, self.bar.due, days, part) if days else None
        if preview == (self.bar.start, self.bar.due):
            preview = None
        if preview != self.preview:
            self.prepareGeometryChange()
            self.preview = preview
            self.update()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._drag is None:
            return
        self._drag = None
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        if self.preview is not None:
            start, due = self.preview
            self.owner.request_move(self.bar.id, start, due)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.owner.activated.emit(self.bar.id)

    def clear_preview(self) -> None:
        if self.preview is not None:
            self.prepareGeometryChange()
            self.preview = None
            self.update()


# --- the chart area ------------------------------------------------------------------------------


class TimelineView(QGraphicsView):
    def __init__(self, owner: TimelineWidget):
        super().__init__()
        self.owner = owner
        self.setObjectName("TimelineView")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)

    def drawBackground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        rect = QRectF(exposed)
        owner = self.owner
        painter.fillRect(rect, _c("base"))
        scale = owner.scale
        data = owner.data
        if data is None:
            return
        top, bottom = rect.top(), rect.bottom()
        # months outside the tactical period
        shade = _c("alt")
        p0, p1 = scale.x(data.period_start), scale.x(data.period_end + dt.timedelta(days=1))
        if p0 > rect.left():
            painter.fillRect(QRectF(rect.left(), top, p0 - rect.left(), rect.height()), shade)
        if p1 < rect.right():
            painter.fillRect(QRectF(p1, top, rect.right() - p1, rect.height()), shade)
        # group rows and the selected row
        first = max(0, int(top // ROW_H))
        last = min(len(owner.rows) - 1, int(bottom // ROW_H))
        for i in range(first, last + 1):
            row = owner.rows[i]
            if row.group is not None:
                band = _qcolor(row.group.color) if row.group.color else _c("muted")
                band.setAlpha(28)
                painter.fillRect(QRectF(rect.left(), i * ROW_H, rect.width(), ROW_H), band)
            elif row.bar is not None and row.bar.id == owner.selected_id:
                band = _c("accent")
                band.setAlpha(30)
                painter.fillRect(QRectF(rect.left(), i * ROW_H, rect.width(), ROW_H), band)
        # weeks (when there is room) and months
        if scale.ppd >= 5:
            week_pen = QPen(_c("border"), 1, Qt.PenStyle.DotLine)
            painter.setPen(week_pen)
            day = scale.day_at(max(rect.left(), 0))
            day -= dt.timedelta(days=day.weekday())
            while scale.x(day) <= rect.right() and day <= scale.end:
                x = scale.x(day)
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))
                day += dt.timedelta(days=7)
        painter.setPen(QPen(_c("border"), 1))
        for m in scale.months():
            x = scale.x(m)
            if rect.left() - 1 <= x <= rect.right() + 1:
                painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    def drawForeground(self, painter: QPainter, exposed: QRectF | QRect) -> None:
        rect = QRectF(exposed)
        owner = self.owner
        if owner.data is None:
            return
        today = owner.data.today
        if owner.scale.origin <= today <= owner.scale.end:
            x = owner.scale.x(today) + owner.scale.ppd / 2
            if rect.left() - 2 <= x <= rect.right() + 2:
                painter.setPen(QPen(_tone("bad"), 1.6))
                painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.owner.handle_key(event):
            super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        mods = event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.owner.zoom_in()
            elif event.angleDelta().y() < 0:
                self.owner.zoom_out()
            event.accept()
            return
        if mods & Qt.KeyboardModifier.ShiftModifier:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y())
            event.accept()
            return
        super().wheelEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.owner.schedule_layout()

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        if self.owner.selected_id is None:
            self.owner.select_next(1)


class MonthHeader(QWidget):
    """Month names (and notes) above the chart, following its horizontal scroll."""

    def __init__(self, owner: TimelineWidget):
        super().__init__()
        self.owner = owner
        self.setFixedHeight(HEADER_H)

    def paintEvent(self, event: QPaintEvent) -> None:
        owner = self.owner
        painter = QPainter(self)
        painter.fillRect(self.rect(), _c("header"))
        data = owner.data
        if data is None:
            return
        scale = owner.scale
        offset = owner.view.horizontalScrollBar().value()
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        small, small_metrics = owner.small_font, owner.small_metrics
        width = self.width()
        for m in scale.months():
            x0 = scale.x(m) - offset
            x1 = scale.x(_add_months(m, 1)) - offset
            if x1 < 0 or x0 > width:
                continue
            inside = data.period_start <= m <= data.period_end
            cell = QRectF(x0 + 6, 4, x1 - x0 - 10, HEADER_H - 8)
            names = month_names(owner.fmt(), m)
            name = next(
                (n for n in names if bold_metrics.horizontalAdvance(n) <= cell.width()),
                names[-1],
            )
            painter.setFont(bold if inside else self.font())
            painter.setPen(_c("text") if inside else _c("muted"))
            painter.drawText(
                cell.adjusted(0, 0, 0, -cell.height() / 2),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, int(cell.width())),
            )
            notes = data.month_notes.get(m)
            if notes:
                room = int(cell.width())
                fits = small_metrics.horizontalAdvance(notes[0]) + 6 <= room
                text = notes[0] if fits else notes[1]
                painter.setFont(small)
                painter.setPen(_c("muted"))
                painter.drawText(
                    cell.adjusted(0, cell.height() / 2, 0, 0),
                    int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                    small_metrics.elidedText(text, Qt.TextElideMode.ElideRight, room),
                )
            painter.setPen(QPen(_c("border"), 1))
            painter.drawLine(QPointF(x0, 0), QPointF(x0, HEADER_H))
        if scale.origin <= data.today <= scale.end:
            x = scale.x(data.today) + scale.ppd / 2 - offset
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_tone("bad"))
            painter.drawPolygon(
                QPolygonF(
                    [
                        QPointF(x - 5, HEADER_H - 7),
                        QPointF(x + 5, HEADER_H - 7),
                        QPointF(x, HEADER_H - 1),
                    ]
                )
            )
        painter.setPen(QPen(_c("border"), 1))
        painter.drawLine(0, HEADER_H - 1, width, HEADER_H - 1)


class RowLabels(QWidget):
    """Titles of the rows (directions and actions, with their flags), following the
    chart's vertical scroll; a click selects, a double click opens the action."""

    def __init__(self, owner: TimelineWidget):
        super().__init__()
        self.owner = owner
        self.setFixedWidth(LABEL_W)
        self.setMouseTracking(True)

    def row_at(self, y: float) -> int:
        return int((y + self.owner.view.verticalScrollBar().value()) // ROW_H)

    def paintEvent(self, event: QPaintEvent) -> None:
        owner = self.owner
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.fillRect(self.rect(), _c("base"))
        offset = owner.view.verticalScrollBar().value()
        first = max(0, offset // ROW_H)
        last = min(len(owner.rows) - 1, (offset + self.height()) // ROW_H)
        font = self.font()
        metrics = QFontMetrics(font)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        bold_metrics = QFontMetrics(bold)
        for i in range(first, last + 1):
            row = owner.rows[i]
            y = i * ROW_H - offset
            rect = QRectF(0, y, self.width(), ROW_H)
            if row.group is not None:
                self._paint_group(painter, rect, row.group, bold, bold_metrics)
            elif row.bar is not None:
                self._paint_action(painter, rect, row.bar, font, metrics)
        painter.setPen(QPen(_c("border"), 1))
        painter.drawLine(self.width() - 1, 0, self.width() - 1, self.height())

    def _paint_group(
        self, painter: QPainter, rect: QRectF, group: Group, bold: QFont, metrics: QFontMetrics
    ) -> None:
        band = _qcolor(group.color) if group.color else _c("muted")
        tint = QColor(band)
        tint.setAlpha(28)
        painter.fillRect(rect, tint)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(band)
        painter.drawRoundedRect(QRectF(10, rect.center().y() - 5, 10, 10), 3, 3)
        note_w = 0
        if group.note:
            painter.setFont(self.owner.small_font)
            note_w = self.owner.small_metrics.horizontalAdvance(group.note) + 12
            painter.setPen(_c("muted"))
            painter.drawText(
                rect.adjusted(0, 0, -10, 0),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                group.note,
            )
        painter.setFont(bold)
        painter.setPen(_c("text"))
        title = metrics.elidedText(
            group.title, Qt.TextElideMode.ElideRight, int(rect.width() - 30 - note_w - 10)
        )
        painter.drawText(
            rect.adjusted(28, 0, 0, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )

    def _paint_action(
        self, painter: QPainter, rect: QRectF, bar: Bar, font: QFont, metrics: QFontMetrics
    ) -> None:
        owner = self.owner
        if bar.id == owner.selected_id:
            band = _c("accent")
            band.setAlpha(30)
            painter.fillRect(rect, band)
            painter.fillRect(QRectF(0, rect.top(), 3, rect.height()), _c("accent"))
        right = rect.right() - 8
        small, small_metrics = owner.small_font, owner.small_metrics
        painter.setFont(small)
        for flag in reversed(bar.flags):
            text = owner.data.flag_labels.get(flag, flag) if owner.data else flag
            w = small_metrics.horizontalAdvance(text) + 10
            chip = QRectF(right - w, rect.center().y() - 9, w, 18)
            tone = _tone(FLAG_TONES.get(flag, "muted"))
            fill = QColor(tone)
            fill.setAlpha(36)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(chip, 9, 9)
            painter.setPen(tone)
            painter.drawText(chip, int(Qt.AlignmentFlag.AlignCenter), text)
            right -= w + 4
        left = rect.left() + 28
        painter.setFont(font)
        if bar.recurring:
            painter.setPen(_c("muted"))
            painter.drawText(
                QRectF(left - 16, rect.top(), 16, rect.height()),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                "↻",
            )
        color = _c("muted") if bar.done or bar.cancelled else _c("text")
        painter.setPen(color)
        title = metrics.elidedText(bar.title, Qt.TextElideMode.ElideRight, int(right - left - 6))
        painter.drawText(
            QRectF(left, rect.top(), right - left, rect.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            title,
        )

    def mousePressEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if 0 <= row < len(self.owner.rows) and self.owner.rows[row].bar is not None:
            bar = self.owner.rows[row].bar
            assert bar is not None
            self.owner.select(bar.id)
            self.owner.view.setFocus(Qt.FocusReason.MouseFocusReason)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        if 0 <= row < len(self.owner.rows):
            bar = self.owner.rows[row].bar
            if bar is not None:
                self.owner.activated.emit(bar.id)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        row = self.row_at(event.position().y())
        bar = self.owner.rows[row].bar if 0 <= row < len(self.owner.rows) else None
        self.setToolTip(bar.tooltip if bar is not None else "")

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.owner.view.wheelEvent(event)


# --- the widget --------------------------------------------------------------------------------


class TimelineWidget(QFrame):
    """Month header + row titles + chart. See the module's docstring."""

    move_requested = Signal(int, object, object)  # action id, new start, new due
    selected = Signal(object)  # action id or None
    activated = Signal(int)  # double click / Enter on an action
    zoom_changed = Signal(str)

    def __init__(self, fmt: Callable[[], Formatter] = Formatter, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Timeline")
        self.fmt = fmt
        self.data: TimelineData | None = None
        self.zoom = "half"
        self.scale = Scale(dt.date.today().replace(day=1), dt.date.today(), 4.0)
        self.rows: list[_Row] = []
        self.items: dict[int, BarItem] = {}
        self.selected_id: int | None = None
        self.read_only = False
        self.small_font = QFont(self.font())
        self.small_font.setPointSizeF(max(self.font().pointSizeF() - 1.5, 7.0))
        self.small_metrics = QFontMetrics(self.small_font)
        self._layout_timer = QTimer(self)
        self._layout_timer.setSingleShot(True)
        self._layout_timer.setInterval(30)
        self._layout_timer.timeout.connect(self._relayout)
        self._laid_out_width = 0
        self._first_show = True

        self.scene = QGraphicsScene(self)
        self.scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.view = TimelineView(self)
        self.view.setScene(self.scene)
        self.header = MonthHeader(self)
        self.labels = RowLabels(self)
        self.corner = QLabel()
        self.corner.setObjectName("TimelineCorner")
        self.corner.setFixedSize(LABEL_W, HEADER_H)
        self.corner.setContentsMargins(12, 0, 0, 0)
        self.empty = QLabel(self.view.viewport())
        self.empty.setObjectName("TimelineEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()
        grid = QGridLayout(self)
        grid.setContentsMargins(1, 1, 1, 1)
        grid.setSpacing(0)
        grid.addWidget(self.corner, 0, 0)
        grid.addWidget(self.header, 0, 1)
        grid.addWidget(self.labels, 1, 0)
        grid.addWidget(self.view, 1, 1)
        self.view.horizontalScrollBar().valueChanged.connect(self.header.update)
        self.view.verticalScrollBar().valueChanged.connect(self.labels.update)
        self._restyle()

    def _restyle(self) -> None:
        c = theme.colors()
        self.setStyleSheet(
            f"QFrame#Timeline {{ border: 1px solid {c['border']}; border-radius: 8px;"
            f" background: {c['base']}; }}"
            f"QLabel#TimelineEmpty {{ background: {c['base']}; color: {c['muted']};"
            f" border: 1px solid {c['border']}; border-radius: 8px; padding: 12px; }}"
            f"QLabel#TimelineCorner {{ background: {c['header']}; color: {c['muted']};"
            f" font-weight: 600; border-bottom: 1px solid {c['border']};"
            f" border-right: 1px solid {c['border']}; }}"
        )

    # --- content -----------------------------------------------------------------------------
    def set_corner_text(self, text: str) -> None:
        self.corner.setText(text)

    def set_empty_text(self, text: str) -> None:
        self.empty.setText(text)

    def set_data(self, data: TimelineData) -> None:
        """Show ``data``, keeping the selection, the zoom and the scroll position."""
        keep = self._scroll_state() if self.data is not None else None
        self.data = data
        self.read_only = data.read_only
        self.rows = []
        for group in data.groups:
            if group.title:  # an untitled group is a plain list (no grouping)
                self.rows.append(_Row(group=group))
            self.rows.extend(_Row(bar=b) for b in group.bars)
        if self.selected_id is not None and all(
            r.bar is None or r.bar.id != self.selected_id for r in self.rows
        ):
            self.selected_id = None
        self._rebuild()
        if keep is not None:
            self._restore_scroll(keep)
        else:
            self.scroll_to_today()
        has_bars = any(r.bar is not None for r in self.rows)
        self.empty.setVisible(not has_bars and bool(self.empty.text()))
        self._place_empty()

    def _extent(self) -> tuple[dt.date, dt.date]:
        assert self.data is not None
        data = self.data
        first = data.period_start
        last = data.period_end
        lo = _add_months(first, -MARGIN_MONTHS)
        hi = _add_months(_month_start(last), MARGIN_MONTHS + 1) - dt.timedelta(days=1)
        days = [d for b in data.bars() for d in (b.start, b.due) if d is not None]
        if days:
            first = min(first, max(min(days), lo))
            last = max(last, min(max(days), hi))
        if lo <= data.today <= hi:
            first, last = min(first, data.today), max(last, data.today)
        end = _add_months(_month_start(last), 1) - dt.timedelta(days=1)
        return _month_start(first), end

    def _ppd(self) -> float:
        width = max(self.view.viewport().width(), 200)
        return max(width / (ZOOMS[self.zoom] * DAYS_PER_MONTH), 0.5)

    def _rebuild(self) -> None:
        if self.data is None:
            return
        origin, end = self._extent()
        self.scale = Scale(origin, end, self._ppd())
        self._laid_out_width = self.view.viewport().width()
        self.scene.clear()
        self.items = {}
        for i, row in enumerate(self.rows):
            if row.bar is not None and row.bar.dated:
                item = BarItem(self, row.bar, i)
                self.scene.addItem(item)
                self.items[row.bar.id] = item
        height = max(len(self.rows) * ROW_H, 1)
        self.scene.setSceneRect(QRectF(0, 0, self.scale.width, height))
        self.view.resetCachedContent()
        self.header.update()
        self.labels.update()

    def schedule_layout(self) -> None:
        self._layout_timer.start()

    def _relayout(self) -> None:
        if self.data is None or self.view.viewport().width() == self._laid_out_width:
            return
        keep = self._scroll_state()
        self._rebuild()
        self._restore_scroll(keep)

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._first_show and self.data is not None:
            self._first_show = False
            self._rebuild()
            self.scroll_to_today()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_empty()

    def _place_empty(self) -> None:
        """The empty-state sentence, on a card of its own in the middle of the chart."""
        area = self.view.viewport().rect()
        width = min(420, max(area.width() - 48, 120))
        self.empty.setFixedWidth(width)
        height = self.empty.heightForWidth(width)
        self.empty.setFixedHeight(max(height, 40))
        self.empty.move(
            area.center().x() - width // 2, area.center().y() - self.empty.height() // 2
        )

    # --- scrolling and zoom --------------------------------------------------------------------
    def _scroll_state(self) -> tuple[dt.date, int]:
        """The date at the left edge of the view, and the vertical scroll."""
        left = self.view.horizontalScrollBar().value()
        return self.scale.day_at(left), self.view.verticalScrollBar().value()

    def _restore_scroll(self, state: tuple[dt.date, int]) -> None:
        day, v = state
        self.view.horizontalScrollBar().setValue(int(self.scale.x(day)))
        self.view.verticalScrollBar().setValue(v)

    def scroll_to_date(self, day: dt.date, fraction: float = 0.1) -> None:
        """Scroll so that ``day`` sits at ``fraction`` of the visible width."""
        width = self.view.viewport().width()
        self.view.horizontalScrollBar().setValue(int(self.scale.x(day) - width * fraction))

    def scroll_to_today(self) -> None:
        if self.data is None:
            return
        today = self.data.today
        if self.data.period_start <= today <= self.data.period_end or (
            self.scale.origin <= today <= self.scale.end
        ):
            self.scroll_to_date(today, 0.25)
        else:
            self.scroll_to_date(self.data.period_start, 0.0)

    def set_zoom(self, zoom: str) -> None:
        if zoom not in ZOOMS or zoom == self.zoom:
            return
        width = self.view.viewport().width()
        centre = self.scale.day_at(self.view.horizontalScrollBar().value() + width / 2)
        vertical = self.view.verticalScrollBar().value()
        self.zoom = zoom
        self._rebuild()
        self.scroll_to_date(centre, 0.5)
        self.view.verticalScrollBar().setValue(vertical)
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        i = ZOOM_ORDER.index(self.zoom)
        if i > 0:
            self.set_zoom(ZOOM_ORDER[i - 1])

    def zoom_out(self) -> None:
        i = ZOOM_ORDER.index(self.zoom)
        if i < len(ZOOM_ORDER) - 1:
            self.set_zoom(ZOOM_ORDER[i + 1])

    # --- selection and moves -------------------------------------------------------------------
    def bar_ids(self) -> list[int]:
        return [r.bar.id for r in self.rows if r.bar is not None]

    def select(self, action_id: int | None, *, ensure_visible: bool = True) -> None:
        if action_id == self.selected_id:
            return
        old = self.items.get(self.selected_id) if self.selected_id is not None else None
        self.selected_id = action_id
        for item in (old, self.items.get(action_id) if action_id is not None else None):
            if item is not None:
                item.update()
        self.view.viewport().update()
        self.labels.update()
        if ensure_visible and action_id is not None:
            self.ensure_visible(action_id)
        self.selected.emit(action_id)

    def ensure_visible(self, action_id: int) -> None:
        row = next(
            (i for i, r in enumerate(self.rows) if r.bar is not None and r.bar.id == action_id),
            None,
        )
        if row is None:
            return
        item = self.items.get(action_id)
        if item is not None:
            x0, x1 = item.span()
            self.view.ensureVisible(QRectF(x0, row * ROW_H, max(x1 - x0, 1), ROW_H), 40, 4)
        else:
            self.view.ensureVisible(
                QRectF(self.view.horizontalScrollBar().value(), row * ROW_H, 1, ROW_H), 0, 4
            )

    def select_next(self, step: int) -> None:
        ids = self.bar_ids()
        if not ids:
            return
        if self.selected_id not in ids:
            self.select(ids[0] if step > 0 else ids[-1])
            return
        i = ids.index(self.selected_id) + step
        self.select(ids[max(0, min(i, len(ids) - 1))])

    def request_move(self, action_id: int, start: dt.date | None, due: dt.date | None) -> None:
        """Ask the page to move an action; the preview stays until new data arrives."""
        self.move_requested.emit(action_id, start, due)

    def cancel_previews(self) -> None:
        for item in self.items.values():
            item.clear_preview()

    def shift_selected(self, days: int, part: str = "both") -> bool:
        if self.read_only or self.selected_id is None:
            return False
        item = self.items.get(self.selected_id)
        if item is None:
            return False
        from mktplanner.services.tactics import shifted

        start, due = shifted(item.bar.start, item.bar.due, days, part)
        if (start, due) == (item.bar.start, item.bar.due):
            return False
        self.request_move(item.bar.id, start, due)
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        key = event.key()
        mods = event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Down:
            self.select_next(1)
        elif key == Qt.Key.Key_Up:
            self.select_next(-1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = (7 if ctrl else 1) * (1 if key == Qt.Key.Key_Right else -1)
            self.shift_selected(step, "due" if shift else "both")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected_id is not None:
            self.activated.emit(self.selected_id)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key == Qt.Key.Key_Minus:
            self.zoom_out()
        elif key == Qt.Key.Key_Home:
            self.scroll_to_today()
        else:
            return False
        event.accept()
        return True

    # --- for tests and the page ----------------------------------------------------------------
    def bar_point(self, action_id: int, where: str = "middle") -> QPoint:
        """A point of a bar in the view's viewport coordinates ("middle", "start", "due")."""
        item = self.items[action_id]
        x0, x1 = item.span()
        y = item.top() + ROW_H / 2
        x = {"start": x0 + 2, "due": x1 - 2}.get(where, (x0 + x1) / 2)
        return self.view.mapFromScene(QPointF(x, y))

    def sizeHint(self) -> QSize:
        return QSize(900, 420)
