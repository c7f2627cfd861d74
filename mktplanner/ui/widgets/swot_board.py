"""The SWOT board: four quadrants of cards (strengths | weaknesses over opportunities | threats).

Each quadrant is a ``QuadrantPanel``: a header with its name and a counter, a ``CardList``
(a ``QListView`` over a ``QuadrantModel``, cards painted by ``CardDelegate``) and a composer
line ("Add a strength…") at the bottom. The board knows nothing of the plan file: it shows
the rows it is given (``set_items``) and reports what the user asked for through callbacks
the page sets (``on_add``, ``on_edit``, ``on_delete``, ``on_move``), each returning whether
the change was made. The page turns them into edits of ``services.strategy``.

Keys on a card list: Enter adds (jumps to the composer; Enter there adds the card and stays
for the next one), F2 or a double click edits the card in place (text, weight, source,
note; Enter keeps, Esc drops), Delete deletes, 1–5 set the weight, Ctrl+Up/Down reorder
(past the edge into the quadrant above/below), Ctrl+Left/Right move to the neighbouring
quadrant. Cards move by drag and drop too: the models speak Qt's drop API (``mimeData`` /
``dropMimeData`` with the ids of the cards), so a drop on another quadrant, or between
cards, is one move.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QDrag,
    QDropEvent,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex

MIME = "application/x-mktplanner-swot-items"
QUADRANTS: tuple[str, ...] = ("S", "W", "O", "T")
# Where each quadrant sits on the board: (row, column).
GRID = {"S": (0, 0), "W": (0, 1), "O": (1, 0), "T": (1, 1)}
# The quadrant colours of the charts (charts/style.py), repeated so that the board does not
# import matplotlib.
QUADRANT_COLORS = {"S": "#59A14F", "W": "#F28E2B", "O": "#4E79A7", "T": "#E15759"}
# Darker variants for text on a light background.
QUADRANT_TEXT = {"S": "#2E7D32", "W": "#B25E00", "O": "#2F5F8A", "T": "#C62828"}
QUADRANT_TEXT_DARK = {"S": "#A5D6A7", "W": "#FFCC80", "O": "#9EC5EC", "T": "#FF8A80"}

RowRole = Qt.ItemDataRole.UserRole + 10
IdRole = Qt.ItemDataRole.UserRole + 11

CARD_MARGIN_X = 4
CARD_MARGIN_Y = 3
CARD_PAD_X = 10
CARD_PAD_Y = 7


translate = QCoreApplication.translate


def quadrant_title(quadrant: str) -> str:
    return {
        "S": translate("SwotBoard", "Strengths"),
        "W": translate("SwotBoard", "Weaknesses"),
        "O": translate("SwotBoard", "Opportunities"),
        "T": translate("SwotBoard", "Threats"),
    }.get(quadrant, quadrant)


def guiding_question(quadrant: str) -> str:
    """DOMAIN.md §1: what to ask when a quadrant is empty."""
    return {
        "S": translate("SwotBoard", "What helps us reach the goals?"),
        "W": translate("SwotBoard", "What must the plan allow for?"),
        "O": translate("SwotBoard", "What is opening up on the market?"),
        "T": translate("SwotBoard", "What could hurt us, and how do we answer it?"),
    }.get(quadrant, "")


def composer_hint(quadrant: str) -> str:
    return {
        "S": translate("SwotBoard", "Add a strength…"),
        "W": translate("SwotBoard", "Add a weakness…"),
        "O": translate("SwotBoard", "Add an opportunity…"),
        "T": translate("SwotBoard", "Add a threat…"),
    }.get(quadrant, "")


def thin_scrollbars() -> str:
    """Style-sheet rules for slim vertical scroll bars (cards scroll inside a quadrant)."""
    handle = QColor(theme.colors()["muted"])
    handle.setAlphaF(0.45)
    rgba = f"rgba({handle.red()}, {handle.green()}, {handle.blue()}, {handle.alphaF():.2f})"
    return (
        "QScrollBar:vertical { background: transparent; width: 8px; margin: 2px 0 2px 0; }"
        f"QScrollBar::handle:vertical {{ background: {rgba}; border-radius: 3px; min-height: 24px; }}"
        "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
        "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
    )


def quadrant_color(quadrant: str, *, text: bool = False) -> QColor:
    if text:
        table = QUADRANT_TEXT_DARK if theme.is_dark() else QUADRANT_TEXT
        return QColor(table.get(quadrant, theme.colors()["text"]))
    return QColor(QUADRANT_COLORS.get(quadrant, theme.colors()["accent"]))


def step_target(
    layout: dict[str, list[int]], item_id: int, key: str
) -> tuple[str, int | None] | None:
    """Where Ctrl+arrow sends a card: ``(quadrant, before_id)`` (``None`` before: the end),
    or ``None`` when it cannot go that way. ``layout`` holds each quadrant's ids in order;
    ``key`` is "up", "down", "left" or "right"."""
    here = next((q for q, ids in layout.items() if item_id in ids), None)
    if here is None:
        return None
    ids = layout[here]
    at = ids.index(item_id)
    row, col = GRID[here]
    if key == "up":
        if at > 0:
            return here, ids[at - 1]
        if row == 1:
            return _quadrant_at(0, col), None
        return None
    if key == "down":
        if at < len(ids) - 1:
            return here, (ids[at + 2] if at + 2 < len(ids) else None)
        if row == 0:
            below = _quadrant_at(1, col)
            first = layout.get(below) or []
            return below, (first[0] if first else None)
        return None
    if key in ("left", "right"):
        want = 0 if key == "left" else 1
        if col == want:
            return None
        other = _quadrant_at(row, want)
        others = layout.get(other) or []
        return other, (others[at] if at < len(others) else None)
    return None


def _quadrant_at(row: int, col: int) -> str:
    return next(q for q, pos in GRID.items() if pos == (row, col))


def _encode(ids: Sequence[int]) -> QByteArray:
    return QByteArray(json.dumps([int(i) for i in ids]).encode("utf-8"))


def decode_ids(data: QMimeData | None) -> list[int]:
    """The card ids carried by a drag (empty when it is not ours or is damaged)."""
    if data is None or not data.hasFormat(MIME):
        return []
    try:
        value = json.loads(bytes(data.data(MIME).data()).decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(value, list):
        return []
    return [int(v) for v in value if isinstance(v, int) and not isinstance(v, bool)]


# --- the model of one quadrant --------------------------------------------------------------


class QuadrantModel(QAbstractListModel):
    """The cards of one quadrant (already filtered by the board) in display order."""

    def __init__(self, quadrant: str, board: SwotBoard):
        super().__init__(board)
        self.quadrant = quadrant
        self.board = board
        self.rows: list[Row] = []

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of_id(self, ident: Any) -> int:
        return next((i for i, r in enumerate(self.rows) if r.get("id") == ident), -1)

    def texts(self) -> list[str]:
        return [str(r.get("text", "")) for r in self.rows]

    # --- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.get("text", "")
        if role == RowRole:
            return row
        if role == IdRole:
            return row.get("id")
        if role == Qt.ItemDataRole.ToolTipRole:
            return card_tooltip(row)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return card_summary(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled
        editable = not self.board.read_only
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled if editable else base
        flags = base | Qt.ItemFlag.ItemIsSelectable
        if editable:
            flags |= (
                Qt.ItemFlag.ItemIsEditable
                | Qt.ItemFlag.ItemIsDragEnabled
                | Qt.ItemFlag.ItemIsDropEnabled
            )
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """An edited card: ``value`` is a dict of changed columns (or the new text)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.board.read_only:
            return False
        row = self.rows[index.row()]
        changes = value if isinstance(value, dict) else {"text": str(value)}
        changes = {k: v for k, v in changes.items() if row.get(k) != v}
        if not changes:
            return False
        return self.board.request_edit(int(row["id"]), changes)

    # --- drag and drop -----------------------------------------------------------------------
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [MIME, "text/plain"]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [int(self.rows[r]["id"]) for r in rows if 0 <= r < len(self.rows)]
        data = QMimeData()
        data.setData(MIME, _encode(ids))
        data.setText("\n".join(str(self.rows[r].get("text", "")) for r in rows))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return not self.board.read_only and bool(decode_ids(data))

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Move the dragged cards here: before the card at ``row`` (or ``parent``, a drop on
        a card), or at the end (``row`` -1)."""
        ids = decode_ids(data)
        if not ids or self.board.read_only or action == Qt.DropAction.IgnoreAction:
            return False
        if parent.isValid():
            row = parent.row()
        before = self.rows[row]["id"] if 0 <= row < len(self.rows) else None
        return self.board.request_move(ids, self.quadrant, before)


def card_tooltip(row: Row) -> str:
    from html import escape

    parts = [f"<b>{escape(str(row.get('text', '')))}</b>"]
    note = str(row.get("note") or "").strip()
    if note:
        parts.append(escape(note).replace("\n", "<br>"))
    meta = translate("SwotBoard", "Weight {weight} of 5 · Source: {source}").format(
        weight=row.get("weight", 3), source=texts.enum_label("source", row.get("source"))
    )
    parts.append(f"<span style='color:{theme.colors()['muted']}'>{escape(meta)}</span>")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(parts) + "</p>"


def card_summary(row: Row) -> str:
    return translate(
        "SwotBoard", "{quadrant}: {text}. Weight {weight} of 5. Source: {source}."
    ).format(
        quadrant=texts.enum_label("quadrant", row.get("quadrant")),
        text=row.get("text", ""),
        weight=row.get("weight", 3),
        source=texts.enum_label("source", row.get("source")),
    )


# --- painting a card ---------------------------------------------------------------------------


def _small(font: QFont) -> QFont:
    f = QFont(font)
    f.setPointSizeF(max(font.pointSizeF() - 1.2, 7.0))
    return f


class CardDelegate(QStyledItemDelegate):
    """Paints a card (text, weight dots, source, note mark, goals) and edits it in place."""

    def __init__(self, view: CardList):
        super().__init__(view)
        self.view = view
        self._editing: QPersistentModelIndex | None = None
        self._editor_height = 0

    # --- sizes -------------------------------------------------------------------------------
    def _text_width(self) -> int:
        return max(self.view.viewport().width() - 2 * (CARD_MARGIN_X + CARD_PAD_X) - 4, 60)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        width = self.view.viewport().width()
        if self._editing is not None and self._editing == index and self._editor_height:
            return QSize(width, self._editor_height + 2 * CARD_MARGIN_Y)
        metrics = QFontMetrics(self.view.font())
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bound = metrics.boundingRect(
            QRect(0, 0, self._text_width(), 100000), int(Qt.TextFlag.TextWordWrap), text
        )
        small = QFontMetrics(_small(self.view.font()))
        height = bound.height() + small.height() + 6 + 2 * CARD_PAD_Y + 2 * CARD_MARGIN_Y
        return QSize(width, max(height, 48))

    # --- painting ----------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        row: Row = index.data(RowRole) or {}
        colors = theme.colors()
        quadrant = str(row.get("quadrant") or self.view.quadrant)
        rect = option.rect.adjusted(CARD_MARGIN_X, CARD_MARGIN_Y, -CARD_MARGIN_X, -CARD_MARGIN_Y)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hover = bool(option.state & QStyle.StateFlag.State_MouseOver)
        current = self.view.hasFocus() and index == self.view.currentIndex()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        path = QPainterPath()
        path.addRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7)
        face = QColor(colors["sidebar_sel"] if selected else colors["card"])
        painter.fillPath(path, face)
        if current or selected:
            pen = QPen(QColor(colors["accent"]), 1.6 if current else 1.0)
        elif hover:
            pen = QPen(quadrant_color(quadrant), 1.0)
        else:
            pen = QPen(QColor(colors["border"]), 1.0)
        painter.setPen(pen)
        painter.drawPath(path)
        # The quadrant's stripe on the left edge.
        stripe = QPainterPath()
        stripe.addRoundedRect(
            QRectF(rect.left() + 1, rect.top() + 6, 3, rect.height() - 12), 1.5, 1.5
        )
        painter.fillPath(stripe, quadrant_color(quadrant))

        inner = rect.adjusted(CARD_PAD_X, CARD_PAD_Y, -CARD_PAD_X, -CARD_PAD_Y)
        font = QFont(self.view.font())
        small = _small(font)
        small_metrics = QFontMetrics(small)
        text_rect = QRect(
            inner.left(), inner.top(), inner.width(), inner.height() - small_metrics.height() - 6
        )
        painter.setFont(font)
        painter.setPen(QColor(colors["text"]))
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            str(row.get("text", "")),
        )
        # The meta line: weight dots, source, note mark, goals.
        base = inner.bottom() - small_metrics.height() + 1
        x = inner.left()
        weight = int(row.get("weight") or 0)
        dot = 7
        cy = base + small_metrics.height() / 2
        for n in range(1, 6):
            circle = QRectF(x, cy - dot / 2, dot, dot)
            if n <= weight:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(quadrant_color(quadrant))
            else:
                painter.setPen(QPen(QColor(colors["border"]).darker(115), 1.0))
                painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(circle)
            x += dot + 3
        x += 6
        painter.setFont(small)
        painter.setPen(QColor(colors["muted"]))
        source = texts.enum_label("source", row.get("source"))
        right_parts: list[str] = []
        goals = int(row.get("goals") or 0)
        if goals:
            right_parts.append(self.tr("%n goal(s)", "", goals))
        right = "  ".join(right_parts)
        right_w = small_metrics.horizontalAdvance(right) if right else 0
        note = bool(str(row.get("note") or "").strip())
        note_w = 14 if note else 0
        room = inner.right() - x - right_w - note_w - 8
        painter.drawText(
            QRect(x, base, max(room, 0), small_metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            small_metrics.elidedText(source, Qt.TextElideMode.ElideRight, max(room, 0)),
        )
        end = inner.right()
        if right:
            painter.setPen(QColor(colors["accent"]))
            painter.drawText(
                QRect(end - right_w, base, right_w, small_metrics.height()),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                right,
            )
            end -= right_w + 8
        if note:
            _note_mark(painter, QRectF(end - 11, cy - 5, 11, 9.5), QColor(colors["muted"]))
        painter.restore()

    # --- editing in place ----------------------------------------------------------------------
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = CardEditor(parent, str(index.data(RowRole).get("quadrant") or self.view.quadrant))
        editor.height_changed.connect(lambda: self._resize_editor(editor, index))
        editor.finished.connect(lambda commit: self._finish(editor, commit))
        self._editing = QPersistentModelIndex(index)
        return editor

    def _resize_editor(self, editor: CardEditor, index: QModelIndex) -> None:
        self._editor_height = editor.sizeHint().height()
        if self._editing is not None and self._editing.isValid():
            self.sizeHintChanged.emit(_plain(self._editing))

    def _finish(self, editor: CardEditor, commit: bool) -> None:
        if commit:
            self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)

    def destroyEditor(self, editor: QWidget, index: QModelIndex) -> None:
        editing = self._editing
        self._editing = None
        self._editor_height = 0
        super().destroyEditor(editor, index)
        if editing is not None and editing.isValid():
            self.sizeHintChanged.emit(_plain(editing))

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, CardEditor):
            editor.set_row(index.data(RowRole) or {})
            self._editor_height = editor.sizeHint().height()
            self.sizeHintChanged.emit(index)

    def setModelData(self, editor: QWidget, model: Any, index: QModelIndex) -> None:
        if isinstance(editor, CardEditor):
            changes = editor.changes()
            if changes:
                model.setData(index, changes, Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        editor.setGeometry(
            option.rect.adjusted(CARD_MARGIN_X, CARD_MARGIN_Y, -CARD_MARGIN_X, -CARD_MARGIN_Y)
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # The card editor decides itself when editing ends (Enter, Esc, focus leaving it).
        if isinstance(obj, CardEditor):
            return False
        return super().eventFilter(obj, event)


def _plain(index: QPersistentModelIndex) -> QModelIndex:
    model = index.model()
    return model.index(index.row(), index.column()) if model is not None else QModelIndex()


def _note_mark(painter: QPainter, box: QRectF, color: QColor) -> None:
    """A small speech bubble: the card has a note (shown on hover)."""
    path = QPainterPath()
    body = QRectF(box.left(), box.top(), box.width(), box.height() * 0.72)
    path.addRoundedRect(body, 2.0, 2.0)
    tail = QPainterPath()
    tail.moveTo(box.left() + box.width() * 0.25, body.bottom() - 0.5)
    tail.lineTo(box.left() + box.width() * 0.22, box.bottom())
    tail.lineTo(box.left() + box.width() * 0.5, body.bottom() - 0.5)
    tail.closeSubpath()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawPath(path.united(tail))


# --- the in-place editor -------------------------------------------------------------------------


class WeightPicker(QWidget):
    """Five dots; click one, or use Left/Right or 1–5, to set the weight."""

    changed = Signal(int)

    def __init__(self, quadrant: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.quadrant = quadrant
        self._value = 3
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFixedSize(5 * 16 + 6, 22)
        self.setToolTip(translate("SwotBoard", "Weight: importance from 1 to 5"))
        self.setAccessibleName(translate("SwotBoard", "Weight"))

    def value(self) -> int:
        return self._value

    def set_value(self, value: int) -> None:
        value = min(max(int(value), 1), 5)
        if value != self._value:
            self._value = value
            self.changed.emit(value)
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.hasFocus():
            p.setPen(QPen(QColor(colors["accent"]), 1.0))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        for n in range(5):
            box = QRectF(5 + n * 16, 5, 12, 12)
            if n < self._value:
                p.setPen(Qt.PenStyle.NoPen)
                p.setBrush(quadrant_color(self.quadrant))
            else:
                p.setPen(QPen(QColor(colors["muted"]), 1.0))
                p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawEllipse(box)
        p.end()

    def mousePressEvent(self, event: Any) -> None:
        x = event.position().x()
        self.set_value(int((x - 3) // 16) + 1)
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Down, Qt.Key.Key_Minus):
            self.set_value(self._value - 1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Plus):
            self.set_value(self._value + 1)
        elif event.text() in ("1", "2", "3", "4", "5"):
            self.set_value(int(event.text()))
        else:
            super().keyPressEvent(event)


class _CardText(QPlainTextEdit):
    """The card's text: Enter keeps the edit (Shift+Enter is a new line)."""

    submit = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.submit.emit()
            return
        super().keyPressEvent(event)


class CardEditor(QFrame):
    """Text, weight, source and note of one card, edited where the card is."""

    finished = Signal(bool)  # True: keep the changes
    height_changed = Signal()

    def __init__(self, parent: QWidget, quadrant: str):
        super().__init__(parent)
        self.setObjectName("CardEditor")
        self.setAutoFillBackground(True)
        colors = theme.colors()
        self.setStyleSheet(
            f"QFrame#CardEditor {{ background: {colors['card']}; border: 1.5px solid "
            f"{colors['accent']}; border-radius: 7px; }}"
        )
        self._row: Row = {}
        self._done = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(5)
        self.text = _CardText(self)
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(translate("SwotBoard", "What is it?"))
        self.text.setAccessibleName(texts.field_label("text"))
        self.text.submit.connect(lambda: self.finish(True))
        self.text.textChanged.connect(self._fit_text)
        layout.addWidget(self.text)
        line = QHBoxLayout()
        line.setSpacing(6)
        self.weight = WeightPicker(quadrant, self)
        line.addWidget(self.weight)
        self.source = QComboBox(self)
        self.source.setAccessibleName(texts.field_label("source"))
        for value, label in texts.enum_choices("source"):
            self.source.addItem(label, value)
        line.addWidget(self.source, 1)
        layout.addLayout(line)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(translate("SwotBoard", "Note (shown on hover)"))
        self.note.setAccessibleName(texts.field_label("note"))
        self.note.returnPressed.connect(lambda: self.finish(True))
        layout.addWidget(self.note)
        self.setFocusProxy(self.text)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def set_row(self, row: Row) -> None:
        self._row = dict(row)
        self.text.setPlainText(str(row.get("text") or ""))
        self.text.selectAll()
        self.weight.set_value(int(row.get("weight") or 3))
        pos = self.source.findData(row.get("source") or "analysis")
        self.source.setCurrentIndex(max(pos, 0))
        self.note.setText(str(row.get("note") or ""))
        self._fit_text()

    def changes(self) -> dict[str, Any]:
        values = {
            "text": " ".join(self.text.toPlainText().split()),
            "weight": self.weight.value(),
            "source": self.source.currentData(),
            "note": self.note.text().strip(),
        }
        return {k: v for k, v in values.items() if self._row.get(k) != v}

    def _fit_text(self) -> None:
        doc = self.text.document()
        lines = max(2, min(6, int(doc.size().height()) + 0))
        height = self.text.fontMetrics().lineSpacing() * lines + 12
        if self.text.height() != height:
            self.text.setFixedHeight(height)
            self.height_changed.emit()

    def finish(self, commit: bool) -> None:
        if self._done:
            return
        self._done = True
        self.finished.emit(commit)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.finish(False)
            return
        super().keyPressEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if e.key() == Qt.Key.Key_Escape:
                e.accept()
                return True
        return super().event(e)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._done or new is None:
            return
        if QApplication.activePopupWidget() is not None:
            return  # the source list is open
        if new is self or self.isAncestorOf(new):
            return
        self.finish(True)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def hideEvent(self, event: Any) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            try:
                app.focusChanged.disconnect(self._focus_changed)
            except (RuntimeError, TypeError):
                pass
        super().hideEvent(event)


# --- the list of one quadrant ---------------------------------------------------------------------


class CardList(QListView):
    """The cards of one quadrant; keys as in the module's docstring."""

    add_requested = Signal()

    def __init__(self, model: QuadrantModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.quadrant = model.quadrant
        self.quadrant_model = model
        self.setModel(model)
        self.setObjectName("CardList")
        self.setItemDelegate(CardDelegate(self))
        self.setMouseTracking(True)
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(quadrant_title(self.quadrant))

    @property
    def board(self) -> SwotBoard:
        return self.quadrant_model.board

    # --- selection ---------------------------------------------------------------------------
    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        return [
            int(self.quadrant_model.rows[r]["id"])
            for r in rows
            if r < len(self.quadrant_model.rows)
        ]

    def current_id(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid():
            return None
        return int(self.quadrant_model.rows[index.row()]["id"])

    def select_id(self, ident: int) -> bool:
        r = self.quadrant_model.row_of_id(ident)
        if r < 0:
            return False
        index = self.quadrant_model.index(r)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    # --- keys ----------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ctrl = mods == Qt.KeyboardModifier.ControlModifier
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
            self.add_requested.emit()
            return
        if event.matches(QKeySequence.StandardKey.Delete) or (
            key == Qt.Key.Key_Delete and not mods
        ):
            ids = self.selected_ids()
            if ids:
                self.board.request_delete(ids)
            return
        directions = {
            Qt.Key.Key_Up: "up",
            Qt.Key.Key_Down: "down",
            Qt.Key.Key_Left: "left",
            Qt.Key.Key_Right: "right",
        }
        if ctrl and key in directions:
            current = self.current_id()
            if current is not None:
                self.board.request_step(current, self.selected_ids() or [current], directions[key])
            return
        if not mods and event.text() in ("1", "2", "3", "4", "5"):
            ids = self.selected_ids()
            if ids:
                self.board.request_weight(ids, int(event.text()))
            return
        super().keyPressEvent(event)

    def event(self, e: QEvent) -> bool:
        # Delete and Ctrl+arrows belong to the card list while it has focus (not to menus).
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if self.state() != QAbstractItemView.State.EditingState and (
                e.key() == Qt.Key.Key_Delete
                or (
                    e.modifiers() & Qt.KeyboardModifier.ControlModifier
                    and e.key()
                    in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)
                )
            ):
                e.accept()
                return True
        return super().event(e)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if not self.currentIndex().isValid() and self.quadrant_model.rowCount():
            self.setCurrentIndex(self.quadrant_model.index(0))
        self.board.card_focused(self.quadrant, self.current_id())

    def currentChanged(self, current: QModelIndex, previous: QModelIndex) -> None:
        super().currentChanged(current, previous)
        if self.hasFocus():
            self.board.card_focused(self.quadrant, self.current_id())

    # --- drag and drop -------------------------------------------------------------------------
    def startDrag(self, supported: Qt.DropAction) -> None:
        indexes = [i for i in self.selectedIndexes() if i.isValid()]
        if not indexes or self.board.read_only:
            return
        data = self.quadrant_model.mimeData(indexes)
        drag = QDrag(self)
        drag.setMimeData(data)
        pixmap = self._drag_pixmap(indexes[0])
        if pixmap is not None:
            drag.setPixmap(pixmap)
            drag.setHotSpot(QPoint(24, 16))
        # The drop (on the board) makes the move; nothing is removed here afterwards.
        drag.exec(Qt.DropAction.MoveAction, Qt.DropAction.MoveAction)

    def _drag_pixmap(self, index: QModelIndex) -> QPixmap | None:
        rect = self.visualRect(index)
        if rect.isEmpty():
            return None
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = QPixmap(rect.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = QRect(QPoint(0, 0), rect.size())
        option.state |= QStyle.StateFlag.State_Selected
        self.itemDelegate().paint(painter, option, index)
        painter.end()
        return pixmap

    def dropEvent(self, event: QDropEvent) -> None:
        ids = decode_ids(event.mimeData())
        if not ids or self.board.read_only:
            event.ignore()
            return
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        row = -1
        if index.isValid():
            rect = self.visualRect(index)
            row = index.row() + (1 if pos.y() > rect.center().y() else 0)
        data = QMimeData()
        data.setData(MIME, _encode(ids))
        event.setDropAction(Qt.DropAction.MoveAction)
        event.accept()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()
        # Drop after the drag has finished: the move reloads every quadrant.
        model = self.quadrant_model
        QTimer.singleShot(
            0, lambda: model.dropMimeData(data, Qt.DropAction.MoveAction, row, 0, QModelIndex())
        )

    # --- the empty quadrant ---------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.quadrant_model.rowCount():
            return
        colors = theme.colors()
        painter = QPainter(self.viewport())
        area = self.viewport().rect().adjusted(14, 10, -14, -10)
        font = QFont(self.font())
        font.setItalic(True)
        painter.setFont(font)
        painter.setPen(quadrant_color(self.quadrant, text=True))
        question = self.empty_message()
        metrics = QFontMetrics(font)
        box = metrics.boundingRect(
            area, int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignHCenter), question
        )
        top = area.top() + max(0, (area.height() - box.height() - metrics.height() - 6) // 2)
        painter.drawText(
            QRect(area.left(), top, area.width(), box.height()),
            int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
            question,
        )
        if not self.board.read_only and not self.board.source_filter:
            small = _small(self.font())
            painter.setFont(small)
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(
                QRect(area.left(), top + box.height() + 6, area.width(), metrics.height() * 2),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                translate("SwotBoard", "Type the answer below and press Enter."),
            )
        painter.end()

    def empty_message(self) -> str:
        """What an empty quadrant says: its guiding question ("" when it has cards)."""
        if self.quadrant_model.rowCount():
            return ""
        if self.board.source_filter:
            return translate("SwotBoard", "No card from this source.")
        return guiding_question(self.quadrant)

    def contextMenuEvent(self, event: Any) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and not self.selectionModel().isSelected(index):
            self.setCurrentIndex(index)
        self.board.show_menu(self, event.globalPos())

    def sizeHint(self) -> QSize:
        return QSize(260, 160)


# --- a quadrant ---------------------------------------------------------------------------------


class Composer(QLineEdit):
    """The "Add a strength…" line at the bottom of a quadrant."""

    submitted = Signal(str)
    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip():
                self.submitted.emit(self.text())
            return
        if key == Qt.Key.Key_Escape:
            self.clear()
            self.leave.emit()
            return
        if key == Qt.Key.Key_Up and not self.text():
            self.leave.emit()
            return
        super().keyPressEvent(event)


class QuadrantPanel(QFrame):
    def __init__(self, quadrant: str, board: SwotBoard):
        super().__init__(board)
        self.quadrant = quadrant
        self.setObjectName("Quadrant")
        self.model = QuadrantModel(quadrant, board)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(4)
        head = QHBoxLayout()
        head.setContentsMargins(4, 0, 2, 0)
        head.setSpacing(6)
        self.title = QLabel(quadrant_title(quadrant))
        self.title.setObjectName("QuadrantTitle")
        head.addWidget(self.title)
        self.count = QLabel("0")
        self.count.setObjectName("QuadrantCount")
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        head.addWidget(self.count)
        head.addStretch(1)
        layout.addLayout(head)
        self.view = CardList(self.model, self)
        layout.addWidget(self.view, 1)
        self.composer = Composer(self)
        self.composer.setObjectName("Composer")
        self.composer.setPlaceholderText(composer_hint(quadrant))
        self.composer.setMaxLength(500)
        self.composer.setAccessibleName(composer_hint(quadrant))
        layout.addWidget(self.composer)
        self.view.add_requested.connect(self.focus_composer)
        self.composer.submitted.connect(self._submit)
        self.composer.leave.connect(lambda: self.view.setFocus(Qt.FocusReason.OtherFocusReason))
        self.retranslate()
        self.apply_style()

    def content_height(self) -> int:
        """The height that shows every card of the quadrant without scrolling."""
        view = self.view
        delegate = view.itemDelegate()
        option = QStyleOptionViewItem()
        cards = sum(
            delegate.sizeHint(option, self.model.index(r)).height()
            for r in range(self.model.rowCount())
        )
        if not cards:
            cards = 90  # room for the guiding question
        layout = self.layout()
        assert layout is not None
        margins = layout.contentsMargins()
        chrome = (
            self.title.sizeHint().height()
            + (self.composer.sizeHint().height() if self.composer.isVisibleTo(self) else 0)
            + 2 * layout.spacing()
            + margins.top()
            + margins.bottom()
            + 6
        )
        return cards + chrome

    def focus_composer(self) -> None:
        if self.composer.isVisible():
            self.composer.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _submit(self, text: str) -> None:
        board = self.model.board
        if board.request_add(self.quadrant, text):
            self.composer.clear()
            self.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def set_count(self, shown: int, total: int) -> None:
        self.count.setText(str(total) if shown == total else f"{shown}/{total}")
        self.count.setToolTip(
            self.tr("%n card(s)", "", total)
            if shown == total
            else translate("SwotBoard", "{shown} of {total} shown").format(shown=shown, total=total)
        )

    def retranslate(self) -> None:
        self.title.setText(quadrant_title(self.quadrant))
        self.composer.setPlaceholderText(composer_hint(self.quadrant))

    def apply_style(self) -> None:
        colors = theme.colors()
        tint = quadrant_color(self.quadrant)
        tint.setAlphaF(0.10 if theme.is_dark() else 0.06)
        rgba = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alphaF():.2f})"
        strong = quadrant_color(self.quadrant)
        text = quadrant_color(self.quadrant, text=True).name()
        self.setStyleSheet(
            f"""
            QFrame#Quadrant {{ background: {rgba}; border: 1px solid {colors["border"]};
                border-top: 3px solid {strong.name()}; border-radius: 8px; }}
            QLabel#QuadrantTitle {{ color: {text}; font-weight: 600; font-size: 10.5pt;
                background: transparent; }}
            QLabel#QuadrantCount {{ color: {text}; background: {colors["card"]};
                border: 1px solid {colors["border"]}; border-radius: 8px; padding: 0 7px;
                font-size: 8.5pt; min-width: 12px; }}
            QListView#CardList {{ background: transparent; border: none; }}
            QLineEdit#Composer {{ background: {colors["card"]}; border: 1px dashed {colors["border"]};
                border-radius: 6px; padding: 5px 8px; }}
            QLineEdit#Composer:focus {{ border: 1px solid {colors["accent"]}; }}
            {thin_scrollbars()}
            """
        )


class _AxisLabel(QWidget):
    """A word written upwards along the board's left edge ("Internal", "External")."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._text = text
        self.setFixedWidth(20)

    def set_text(self, text: str) -> None:
        self._text = text
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setPen(QColor(theme.colors()["muted"]))
        font = QFont(self.font())
        font.setPointSizeF(8.5)
        font.setWeight(QFont.Weight.DemiBold)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        p.setFont(font)
        p.translate(self.width() / 2 + 5, self.height() / 2)
        p.rotate(-90)
        metrics = QFontMetrics(font)
        w = metrics.horizontalAdvance(self._text.upper())
        p.drawText(int(-w / 2), 0, self._text.upper())
        p.end()


# --- the board -------------------------------------------------------------------------------------


class SwotBoard(QWidget):
    """The 2×2 board; see the module's docstring."""

    focused_item = Signal(str, object)  # quadrant, id or None: the card the user is on

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_only = False
        self.source_filter: str | None = None
        self._rows: list[Row] = []
        self._follow: tuple[list[int], bool] | None = None  # ids to select after a reload
        self.on_add: Callable[[str, str], Any] | None = None
        self.on_edit: Callable[[int, dict[str, Any]], bool] | None = None
        self.on_delete: Callable[[list[int]], bool] | None = None
        self.on_move: Callable[[list[int], str, int | None], bool] | None = None
        grid = QGridLayout(self)
        self._grid = grid
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        self.internal_label = _AxisLabel("")
        self.external_label = _AxisLabel("")
        grid.addWidget(self.internal_label, 0, 0)
        grid.addWidget(self.external_label, 1, 0)
        self.panels: dict[str, QuadrantPanel] = {}
        for q in QUADRANTS:
            panel = QuadrantPanel(q, self)
            r, c = GRID[q]
            grid.addWidget(panel, r, c + 1)
            self.panels[q] = panel
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(0, 1)
        grid.setRowStretch(1, 1)
        order: list[QWidget] = []
        for q in QUADRANTS:
            order += [self.panels[q].view, self.panels[q].composer]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.retranslate()

    # --- content -------------------------------------------------------------------------------
    def set_items(self, rows: Sequence[Row]) -> None:
        """Show these SWOT items (``views.swot_items`` rows); selection and focus are kept."""
        self._rows = [dict(r) for r in rows]
        focus_q = next((q for q, p in self.panels.items() if p.view.hasFocus()), None)
        keep = {q: p.view.current_id() for q, p in self.panels.items()}
        for q, panel in self.panels.items():
            mine = [r for r in self._rows if r.get("quadrant") == q]
            shown = [r for r in mine if self._passes(r)]
            panel.model.set_rows(shown)
            panel.set_count(len(shown), len(mine))
            kept = keep[q]
            if kept is not None:
                panel.view.select_id(kept)
        self._balance_rows()
        if self._follow is not None:
            ids, focus = self._follow
            self._follow = None
            for panel in self.panels.values():
                found = [i for i in ids if panel.model.row_of_id(i) >= 0]
                if found:
                    panel.view.clearSelection()
                    for n, ident in enumerate(found):
                        r = panel.model.row_of_id(ident)
                        index = panel.model.index(r)
                        if n == 0:
                            panel.view.setCurrentIndex(index)
                            panel.view.scrollTo(index)
                        else:
                            panel.view.selectionModel().select(
                                index, panel.view.selectionModel().SelectionFlag.Select
                            )
                    if focus:
                        panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
                    break
        elif focus_q is not None and not self.panels[focus_q].view.hasFocus():
            self.panels[focus_q].view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _balance_rows(self) -> None:
        """Share the height between the two rows of quadrants: when both cannot show all their
        cards, the row that can be shown whole gets what it needs, so only one row scrolls."""
        need = [
            max(self.panels[a].content_height(), self.panels[b].content_height())
            for a, b in (("S", "W"), ("O", "T"))
        ]
        room = max(self.height() - self._grid.verticalSpacing(), 1)
        if sum(need) <= room:
            top = need[0] + (room - sum(need)) // 2
        elif need[0] <= need[1]:
            top = min(need[0], room * 2 // 3)
        else:
            top = max(room - need[1], room // 3)
        top = min(max(top, room // 3), room * 2 // 3)
        self._grid.setRowStretch(0, top)
        self._grid.setRowStretch(1, room - top)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self._balance_rows()

    def _passes(self, row: Row) -> bool:
        return self.source_filter is None or row.get("source") == self.source_filter

    def set_source_filter(self, source: str | None) -> None:
        self.source_filter = source or None
        self.set_items(self._rows)
        for panel in self.panels.values():
            panel.view.viewport().update()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for panel in self.panels.values():
            panel.composer.setVisible(not read_only)
            panel.view.setDragEnabled(not read_only)
            panel.view.setAcceptDrops(not read_only)
            panel.view.viewport().update()

    def items(self, quadrant: str) -> list[Row]:
        """The cards shown in a quadrant, in order."""
        return list(self.panels[quadrant].model.rows)

    def texts(self, quadrant: str) -> list[str]:
        return self.panels[quadrant].model.texts()

    def count(self) -> int:
        """How many cards are shown on the whole board."""
        return sum(p.model.rowCount() for p in self.panels.values())

    def layout_ids(self) -> dict[str, list[int]]:
        return {q: [int(r["id"]) for r in p.model.rows] for q, p in self.panels.items()}

    def quadrant_of(self, ident: int) -> str | None:
        return next((q for q, p in self.panels.items() if p.model.row_of_id(ident) >= 0), None)

    def select(self, ident: int, *, focus: bool = True) -> bool:
        for panel in self.panels.values():
            if panel.view.select_id(ident):
                if focus:
                    panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def current(self) -> tuple[str, int] | None:
        """The card the user is on: the focused quadrant's current card."""
        for q, panel in self.panels.items():
            if panel.view.hasFocus() and panel.view.current_id() is not None:
                return q, int(panel.view.current_id())  # type: ignore[arg-type]
        return None

    def follow(self, ids: Sequence[int], *, focus: bool = True) -> None:
        """Select these cards after the next reload (where an edit moved them)."""
        self._follow = (list(ids), focus)

    def card_focused(self, quadrant: str, ident: int | None) -> None:
        self.focused_item.emit(quadrant, ident)

    def edit(self, ident: int) -> bool:
        """Open the in-place editor of a card."""
        q = self.quadrant_of(ident)
        if q is None or self.read_only:
            return False
        view = self.panels[q].view
        view.select_id(ident)
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        view.edit(view.currentIndex())
        return True

    # --- requests to the page ------------------------------------------------------------------
    def request_add(self, quadrant: str, text: str) -> bool:
        if self.read_only or self.on_add is None or not text.strip():
            return False
        new_id = self.on_add(quadrant, text)
        if new_id is None:
            return False
        self.follow([int(new_id)], focus=False)
        self.set_items(self._rows)  # no-op when the page has reloaded already
        return True

    def request_edit(self, ident: int, changes: dict[str, Any]) -> bool:
        if self.read_only or self.on_edit is None:
            return False
        self.follow([ident])
        return bool(self.on_edit(ident, changes))

    def request_delete(self, ids: list[int]) -> bool:
        if self.read_only or self.on_delete is None or not ids:
            return False
        q = self.quadrant_of(ids[0])
        neighbour: int | None = None
        if q is not None:
            order = [int(r["id"]) for r in self.panels[q].model.rows]
            rest = [i for i in order if i not in ids]
            at = order.index(ids[0])
            after = [i for i in order[at:] if i in rest]
            neighbour = after[0] if after else (rest[-1] if rest else None)
        done = bool(self.on_delete(ids))
        if done and q is not None:
            panel = self.panels[q]
            if neighbour is not None:
                panel.view.select_id(neighbour)
            panel.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return done

    def request_move(self, ids: list[int], quadrant: str, before: int | None) -> bool:
        if self.read_only or self.on_move is None or not ids:
            return False
        self.follow(ids)
        done = bool(self.on_move(ids, quadrant, before))
        if not done:
            self._follow = None
        return done

    def request_step(self, current: int, ids: list[int], direction: str) -> bool:
        target = step_target(self.layout_ids(), current, direction)
        if target is None:
            return False
        quadrant, before = target
        moving = ids if current in ids else [current]
        if before in moving:
            return False
        return self.request_move(moving, quadrant, before)

    def request_weight(self, ids: list[int], weight: int) -> bool:
        if self.read_only or self.on_edit is None:
            return False
        changed = False
        for ident in ids:
            row = next((r for r in self._rows if r.get("id") == ident), None)
            if row is not None and row.get("weight") != weight:
                self.follow(ids)
                changed = bool(self.on_edit(ident, {"weight": weight})) or changed
        return changed

    # --- the card menu ---------------------------------------------------------------------------
    def show_menu(self, view: CardList, pos: QPoint) -> None:
        menu = self.card_menu(view)
        if menu is not None:
            menu.exec(pos)

    def card_menu(self, view: CardList) -> QMenu | None:
        ids = view.selected_ids()
        current = view.current_id()
        if current is None or self.read_only:
            return None
        menu = QMenu(view)
        edit = menu.addAction(translate("SwotBoard", "Edit card"), lambda: self.edit(current))
        edit.setShortcut(QKeySequence(Qt.Key.Key_F2))
        weights = menu.addMenu(translate("SwotBoard", "Weight"))
        row = next((r for r in self._rows if r.get("id") == current), {})
        for n in range(1, 6):
            act = weights.addAction(str(n), lambda n=n: self.request_weight(ids, n))
            act.setCheckable(True)
            act.setChecked(row.get("weight") == n)
        sources = menu.addMenu(translate("SwotBoard", "Source"))
        for value, label in texts.enum_choices("source"):
            act = sources.addAction(
                label, lambda v=value: [self.request_edit(i, {"source": v}) for i in ids]
            )
            act.setCheckable(True)
            act.setChecked(row.get("source") == value)
        move = menu.addMenu(translate("SwotBoard", "Move to"))
        for q in QUADRANTS:
            if q == view.quadrant:
                continue
            move.addAction(quadrant_title(q), lambda q=q: self.request_move(ids, q, None))
        menu.addSeparator()
        delete = menu.addAction(
            theme.icon("delete"), translate("SwotBoard", "Delete"), lambda: self.request_delete(ids)
        )
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        return menu

    def retranslate(self) -> None:
        self.internal_label.set_text(translate("SwotBoard", "Internal"))
        self.external_label.set_text(translate("SwotBoard", "External"))
        for panel in self.panels.values():
            panel.retranslate()
            panel.view.viewport().update()

    def apply_style(self) -> None:
        for panel in self.panels.values():
            panel.apply_style()
