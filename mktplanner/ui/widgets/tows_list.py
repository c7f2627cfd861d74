"""Strategic options (TOWS): pick a strength or weakness and an opportunity or threat, write
what to do, and see the options grouped SO (use) / ST (defend) / WO (improve) / WT (avoid).

``TowsPanel`` holds a composer (two pickers, the option's text, Add) and a ``QListView``
over a ``TowsModel`` whose rows are the four group headings, each followed by its options
(or by a question when it has none). An option's card shows its text, the pair it came from
and either the goal made of it (a link that opens the goal) or a "Make a goal" button.

Like the SWOT board it knows nothing of the plan: ``set_items`` shows rows of
``views.tows_options`` and the user's wishes go to the callbacks the page sets (``on_add``,
``on_edit``, ``on_delete``, ``on_make_goal``, ``on_open_goal``).

Keys on the list: F2 edits the text in place, Delete deletes, Ctrl+G makes a goal of the
option, Enter opens its goal.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import theme
from mktplanner.ui.widgets.swot_board import quadrant_color, thin_scrollbars

Row = dict[str, Any]
Index = QModelIndex | QPersistentModelIndex

translate = QCoreApplication.translate

KINDS: tuple[str, ...] = ("SO", "ST", "WO", "WT")
RowRole = Qt.ItemDataRole.UserRole + 10
EntryRole = Qt.ItemDataRole.UserRole + 12  # "group" | "empty" | "option"
KindRole = Qt.ItemDataRole.UserRole + 13


def kind_title(kind: str) -> str:
    return {
        "SO": translate("TowsPanel", "Use"),
        "ST": translate("TowsPanel", "Defend"),
        "WO": translate("TowsPanel", "Improve"),
        "WT": translate("TowsPanel", "Avoid"),
    }.get(kind, kind)


def kind_description(kind: str) -> str:
    return {
        "SO": translate("TowsPanel", "strengths × opportunities"),
        "ST": translate("TowsPanel", "strengths × threats"),
        "WO": translate("TowsPanel", "weaknesses × opportunities"),
        "WT": translate("TowsPanel", "weaknesses × threats"),
    }.get(kind, "")


def kind_question(kind: str) -> str:
    return {
        "SO": translate("TowsPanel", "How can a strength seize an opportunity?"),
        "ST": translate("TowsPanel", "How can a strength answer a threat?"),
        "WO": translate("TowsPanel", "Which opportunity helps to overcome a weakness?"),
        "WT": translate("TowsPanel", "How do we keep a weakness away from a threat?"),
    }.get(kind, "")


def _small(font: QFont) -> QFont:
    f = QFont(font)
    f.setPointSizeF(max(font.pointSizeF() - 1.2, 7.0))
    return f


# --- the model ---------------------------------------------------------------------------------


class TowsModel(QAbstractListModel):
    """Group headings and options in SO, ST, WO, WT order."""

    def __init__(self, panel: TowsPanel):
        super().__init__(panel)
        self.panel = panel
        self.entries: list[tuple[str, str, Row | None]] = []  # (entry, kind, option row)

    def set_options(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self.entries = []
        for kind in KINDS:
            mine = [r for r in rows if r.get("kind") == kind]
            self.entries.append(("group", kind, {"count": len(mine)}))
            if not mine:
                self.entries.append(("empty", kind, None))
            for r in mine:
                self.entries.append(("option", kind, r))
        self.endResetModel()

    def options(self) -> list[Row]:
        return [r for e, _k, r in self.entries if e == "option" and r is not None]

    def row_of_id(self, ident: Any) -> int:
        for i, (entry, _k, row) in enumerate(self.entries):
            if entry == "option" and row is not None and row.get("id") == ident:
                return i
        return -1

    def option_at(self, index: Index) -> Row | None:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry, _kind, row = self.entries[index.row()]
        return row if entry == "option" else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry, kind, row = self.entries[index.row()]
        if role == EntryRole:
            return entry
        if role == KindRole:
            return kind
        if role == RowRole:
            return row
        if entry == "group":
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{kind}: {kind_title(kind)}"
            return None
        if entry == "empty":
            if role == Qt.ItemDataRole.DisplayRole:
                return kind_question(kind)
            return None
        assert row is not None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.get("text", "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return translate("TowsPanel", "{internal} × {external}").format(
                internal=row.get("internal_text", ""), external=row.get("external_text", "")
            )
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if self.option_at(index) is None:
            return Qt.ItemFlag.ItemIsEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not self.panel.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self.option_at(index)
        if row is None or role != Qt.ItemDataRole.EditRole or self.panel.read_only:
            return False
        text = " ".join(str(value).split())
        if text == row.get("text"):
            return False
        return self.panel.request_edit(int(row["id"]), {"text": text})


# --- painting -----------------------------------------------------------------------------------


class OptionDelegate(QStyledItemDelegate):
    """Headings, questions and option cards (text, pair, goal link or "Make a goal")."""

    PAD_X = 10
    PAD_Y = 7

    def __init__(self, view: TowsList):
        super().__init__(view)
        self.view = view

    def _width(self) -> int:
        return self.view.viewport().width()

    def _text_width(self) -> int:
        return max(self._width() - 2 * (4 + self.PAD_X), 60)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        entry = index.data(EntryRole)
        font = self.view.font()
        metrics = QFontMetrics(font)
        small = QFontMetrics(_small(font))
        if entry == "group":
            return QSize(self._width(), metrics.height() + 16)
        if entry == "empty":
            return QSize(self._width(), small.height() + 10)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        bound = QFontMetrics(bold).boundingRect(
            QRect(0, 0, self._text_width(), 100000), int(Qt.TextFlag.TextWordWrap), text
        )
        height = bound.height() + 2 * small.height() + 12 + 2 * self.PAD_Y + 6
        return QSize(self._width(), height)

    def _card(self, rect: QRect) -> QRect:
        return rect.adjusted(4, 3, -4, -3)

    def goal_rect(self, rect: QRect, row: Row) -> QRect:
        """Where the goal link or the "Make a goal" button of a card is drawn."""
        card = self._card(rect)
        small = _small(self.view.font())
        metrics = QFontMetrics(small)
        label = self._goal_label(row)
        width = min(metrics.horizontalAdvance(label) + 20, card.width() - 2 * self.PAD_X)
        height = metrics.height() + 6
        return QRect(
            card.left() + self.PAD_X, card.bottom() - self.PAD_Y - height + 1, width, height
        )

    def _goal_label(self, row: Row) -> str:
        if row.get("goal_id") is not None:
            return translate("TowsPanel", "Goal: {title}").format(title=row.get("goal_title") or "")
        return translate("TowsPanel", "Make a goal")

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        entry = index.data(EntryRole)
        kind = str(index.data(KindRole) or "SO")
        colors = theme.colors()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.view.font())
        small = _small(font)
        rect = option.rect
        if entry == "group":
            self._paint_group(painter, rect, kind, index.data(RowRole) or {}, font, small)
        elif entry == "empty":
            painter.setFont(small)
            painter.setPen(QColor(colors["muted"]))
            italic = QFont(small)
            italic.setItalic(True)
            painter.setFont(italic)
            painter.drawText(
                rect.adjusted(16, 0, -8, 0),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                QFontMetrics(italic).elidedText(
                    str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                    Qt.TextElideMode.ElideRight,
                    rect.width() - 24,
                ),
            )
        else:
            self._paint_option(painter, option, index, font, small)
        painter.restore()

    def _paint_group(
        self, painter: QPainter, rect: QRect, kind: str, info: Row, font: QFont, small: QFont
    ) -> None:
        colors = theme.colors()
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        metrics = QFontMetrics(bold)
        y = rect.top() + 8
        x = rect.left() + 6
        # The kind as two coloured letters in a pill: internal colour, external colour.
        pill_h = metrics.height() + 2
        letter_w = metrics.horizontalAdvance("W") + 4
        for n, letter in enumerate(kind):
            box = QRectF(x + n * letter_w, y - 1, letter_w, pill_h)
            path = QPainterPath()
            path.addRoundedRect(box, 4, 4)
            painter.fillPath(path, quadrant_color(letter))
            painter.setPen(QColor("#FFFFFF"))
            painter.setFont(bold)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), letter)
        x += 2 * letter_w + 8
        painter.setPen(QColor(colors["text"]))
        title = kind_title(kind)
        painter.drawText(QPoint(x, y + metrics.ascent()), title)
        x += metrics.horizontalAdvance(title) + 8
        painter.setFont(small)
        painter.setPen(QColor(colors["muted"]))
        sm = QFontMetrics(small)
        count = int(info.get("count") or 0)
        tail = f"{kind_description(kind)} · {count}"
        painter.drawText(
            QRect(x, y, rect.right() - x - 4, metrics.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            sm.elidedText(tail, Qt.TextElideMode.ElideRight, max(rect.right() - x - 4, 0)),
        )

    def _paint_option(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex,
        font: QFont,
        small: QFont,
    ) -> None:
        colors = theme.colors()
        row: Row = index.data(RowRole) or {}
        card = self._card(option.rect)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        current = self.view.hasFocus() and index == self.view.currentIndex()
        path = QPainterPath()
        path.addRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), 7, 7)
        painter.fillPath(path, QColor(colors["sidebar_sel"] if selected else colors["card"]))
        painter.setPen(
            QPen(
                QColor(colors["accent"] if (selected or current) else colors["border"]),
                1.5 if current else 1.0,
            )
        )
        painter.drawPath(path)
        inner = card.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        bold = QFont(font)
        bold.setWeight(QFont.Weight.DemiBold)
        text = str(row.get("text", ""))
        bound = QFontMetrics(bold).boundingRect(
            QRect(0, 0, inner.width(), 100000), int(Qt.TextFlag.TextWordWrap), text
        )
        painter.setFont(bold)
        painter.setPen(QColor(colors["text"]))
        painter.drawText(
            QRect(inner.left(), inner.top(), inner.width(), bound.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
            text,
        )
        # The pair: S Own roasting × O New complex (each half elided to fit).
        sm = QFontMetrics(small)
        y = inner.top() + bound.height() + 4
        painter.setFont(small)
        half = (inner.width() - sm.horizontalAdvance(" × ")) // 2
        x = inner.left()
        for n, (quadrant, label) in enumerate(
            (
                (str(row.get("internal_quadrant") or "S"), str(row.get("internal_text") or "")),
                (str(row.get("external_quadrant") or "O"), str(row.get("external_text") or "")),
            )
        ):
            if n == 1:
                painter.setPen(QColor(colors["muted"]))
                painter.drawText(QPoint(x, y + sm.ascent()), " × ")
                x += sm.horizontalAdvance(" × ")
            painter.setPen(quadrant_color(quadrant, text=True))
            tag = quadrant
            painter.drawText(QPoint(x, y + sm.ascent()), tag)
            x += sm.horizontalAdvance(tag) + 4
            room = max(half - sm.horizontalAdvance(tag) - 4, 10)
            painter.setPen(QColor(colors["muted"]))
            shown = sm.elidedText(label, Qt.TextElideMode.ElideRight, room)
            painter.drawText(QPoint(x, y + sm.ascent()), shown)
            x += sm.horizontalAdvance(shown)
        # The goal link, or the button making one.
        link = self.goal_rect(option.rect, row)
        label = self._goal_label(row)
        has_goal = row.get("goal_id") is not None
        if not has_goal and self.view.panel.read_only:
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(
                link,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                translate("TowsPanel", "No goal yet"),
            )
            return
        box = QPainterPath()
        box.addRoundedRect(QRectF(link).adjusted(0.5, 0.5, -0.5, -0.5), 5, 5)
        accent = QColor(colors["accent"])
        if has_goal:
            fill = QColor(accent)
            fill.setAlphaF(0.10)
            painter.fillPath(box, fill)
        else:
            painter.setPen(QPen(accent, 1.0))
            painter.drawPath(box)
        painter.setPen(accent)
        painter.drawText(
            link.adjusted(10, 0, -6, 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            sm.elidedText(label, Qt.TextElideMode.ElideRight, link.width() - 16),
        )

    def editorEvent(
        self, event: QEvent, model: Any, option: QStyleOptionViewItem, index: QModelIndex
    ) -> bool:
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            row = index.data(RowRole) if index.data(EntryRole) == "option" else None
            if row and self.goal_rect(option.rect, row).contains(event.position().toPoint()):
                self.view.panel.goal_clicked(row)
                return True
        return super().editorEvent(event, model, option, index)

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> QWidget:
        editor = QLineEdit(parent)
        editor.setMaxLength(500)
        editor.setObjectName("OptionEditor")
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))
            editor.selectAll()

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: QModelIndex
    ) -> None:
        card = self._card(option.rect)
        height = editor.sizeHint().height()
        editor.setGeometry(QRect(card.left() + 4, card.top() + 3, card.width() - 8, height))


# --- the list ---------------------------------------------------------------------------------


class TowsList(QListView):
    def __init__(self, panel: TowsPanel):
        super().__init__(panel)
        self.panel = panel
        self.setObjectName("TowsList")
        self.setModel(panel.model)
        self.setItemDelegate(OptionDelegate(self))
        self.setUniformItemSizes(False)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setMouseTracking(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAccessibleName(translate("TowsPanel", "Strategic options"))

    def current_option(self) -> Row | None:
        return self.panel.model.option_at(self.currentIndex())

    def select_id(self, ident: Any) -> bool:
        r = self.panel.model.row_of_id(ident)
        if r < 0:
            return False
        index = self.panel.model.index(r)
        self.setCurrentIndex(index)
        self.scrollTo(index)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() == QAbstractItemView.State.EditingState:
            super().keyPressEvent(event)
            return
        row = self.current_option()
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if row is not None:
            if key == Qt.Key.Key_Delete and not mods:
                self.panel.request_delete([int(row["id"])])
                return
            if key == Qt.Key.Key_G and mods == Qt.KeyboardModifier.ControlModifier:
                self.panel.request_make_goal(int(row["id"]))
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not mods:
                self.panel.goal_clicked(row)
                return
        super().keyPressEvent(event)

    def moveCursor(self, action: QAbstractItemView.CursorAction, modifiers: Any) -> QModelIndex:
        # Headings and questions are not stops: skip them when moving with the keys.
        index = super().moveCursor(action, modifiers)
        model = self.panel.model
        step = (
            -1
            if action
            in (
                QAbstractItemView.CursorAction.MoveUp,
                QAbstractItemView.CursorAction.MovePageUp,
                QAbstractItemView.CursorAction.MoveHome,
                QAbstractItemView.CursorAction.MovePrevious,
            )
            else 1
        )
        r = index.row()
        while 0 <= r < model.rowCount() and model.option_at(model.index(r)) is None:
            r += step
        if 0 <= r < model.rowCount():
            return model.index(r)
        return self.currentIndex()

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ShortcutOverride and isinstance(e, QKeyEvent):
            if self.state() != QAbstractItemView.State.EditingState and (
                e.key() == Qt.Key.Key_Delete
                or (e.key() == Qt.Key.Key_G and e.modifiers() & Qt.KeyboardModifier.ControlModifier)
            ):
                e.accept()
                return True
        return super().event(e)

    def contextMenuEvent(self, event: Any) -> None:
        index = self.indexAt(event.pos())
        if self.panel.model.option_at(index) is not None:
            self.setCurrentIndex(index)
        menu = self.panel.option_menu()
        if menu is not None:
            menu.exec(event.globalPos())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        index = self.indexAt(event.position().toPoint())
        row = self.panel.model.option_at(index)
        over = False
        if row is not None and not (self.panel.read_only and row.get("goal_id") is None):
            delegate = self.itemDelegate()
            assert isinstance(delegate, OptionDelegate)
            over = delegate.goal_rect(self.visualRect(index), row).contains(
                event.position().toPoint()
            )
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if over else Qt.CursorShape.ArrowCursor
        )


# --- the panel -----------------------------------------------------------------------------------


class TowsPanel(QWidget):
    """Composer + grouped options; see the module's docstring."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.read_only = False
        self.on_add: Callable[[int, int, str], Any] | None = None
        self.on_edit: Callable[[int, dict[str, Any]], bool] | None = None
        self.on_delete: Callable[[list[int]], bool] | None = None
        self.on_make_goal: Callable[[int], Any] | None = None
        self.on_open_goal: Callable[[int], Any] | None = None
        self._internal: list[tuple[int, str, str]] = []  # id, quadrant, text
        self._external: list[tuple[int, str, str]] = []
        self.model = TowsModel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        layout.addWidget(self.title)
        self.hint = QLabel()
        self.hint.setObjectName("SectionHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

        self.composer = QFrame()
        self.composer.setObjectName("TowsComposer")
        grid = QGridLayout(self.composer)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.internal = QComboBox()
        self.external = QComboBox()
        for combo in (self.internal, self.external):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            combo.currentIndexChanged.connect(self._update_kind)
        self.cross = QLabel("×")
        self.cross.setObjectName("Muted")
        pair = QHBoxLayout()
        pair.setSpacing(6)
        pair.addWidget(self.internal, 1)
        pair.addWidget(self.cross)
        pair.addWidget(self.external, 1)
        grid.addLayout(pair, 0, 0, 1, 2)
        self.text = QLineEdit()
        self.text.setMaxLength(500)
        self.text.returnPressed.connect(self.add)
        self.text.textChanged.connect(self._update_kind)
        grid.addWidget(self.text, 1, 0)
        self.add_button = QPushButton(theme.icon("add", "#FFFFFF"), "")
        self.add_button.setObjectName("AddButton")
        colors = theme.colors()
        self.add_button.setStyleSheet(
            f"QPushButton#AddButton:disabled {{ background: {colors['border']}; "
            f"border-color: {colors['border']}; color: {colors['muted']}; }}"
        )
        self.add_button.clicked.connect(self.add)
        grid.addWidget(self.add_button, 1, 1)
        self.kind_label = QLabel()
        self.kind_label.setObjectName("SectionHint")
        self.kind_label.setWordWrap(True)
        grid.addWidget(self.kind_label, 2, 0, 1, 2)
        layout.addWidget(self.composer)

        self.view = TowsList(self)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.apply_style()
        self._update_kind()

    # --- content -------------------------------------------------------------------------------
    def set_items(
        self,
        options: Sequence[Row],
        internal: Sequence[tuple[int, str, str]],
        external: Sequence[tuple[int, str, str]],
    ) -> None:
        """Options (``views.tows_options`` rows) and the SWOT items to pair: (id, quadrant, text)."""
        current = self.view.current_option()
        self.model.set_options(options)
        if current is not None:
            self.view.select_id(current.get("id"))
        self._internal = list(internal)
        self._external = list(external)
        self._fill(self.internal, self._internal)
        self._fill(self.external, self._external)
        self._update_kind()

    def _fill(self, combo: QComboBox, items: Sequence[tuple[int, str, str]]) -> None:
        keep = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for ident, quadrant, text in items:
            combo.addItem(f"{quadrant} · {text}", ident)
            combo.setItemData(combo.count() - 1, text, Qt.ItemDataRole.ToolTipRole)
        pos = combo.findData(keep)
        combo.setCurrentIndex(pos if pos >= 0 else (0 if combo.count() else -1))
        combo.blockSignals(False)

    def options(self) -> list[Row]:
        return self.model.options()

    def kinds(self) -> list[str]:
        """The group of each option shown, in order ("SO", "WO"...)."""
        return [str(r.get("kind")) for r in self.model.options()]

    def prefill(self, quadrant: str, ident: int | None) -> None:
        """Pick this SWOT item in the matching picker (the card the user is looking at)."""
        if ident is None:
            return
        combo = self.internal if quadrant in ("S", "W") else self.external
        pos = combo.findData(ident)
        if pos >= 0:
            combo.setCurrentIndex(pos)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.composer.setVisible(not read_only)
        self.view.viewport().update()

    def select(self, ident: int, *, focus: bool = True) -> bool:
        if not self.view.select_id(ident):
            return False
        if focus:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _kind(self) -> str | None:
        i = self.internal.currentIndex()
        e = self.external.currentIndex()
        if i < 0 or e < 0:
            return None
        return f"{self._internal[i][1]}{self._external[e][1]}"

    def _update_kind(self, *_: Any) -> None:
        kind = self._kind()
        ready = kind is not None
        self.internal.setEnabled(bool(self._internal))
        self.external.setEnabled(bool(self._external))
        self.text.setEnabled(ready)
        self.add_button.setEnabled(ready and bool(self.text.text().strip()))
        if not ready:
            self.kind_label.setText(
                translate(
                    "TowsPanel",
                    "Add at least one strength or weakness and one opportunity or threat "
                    "to the board first.",
                )
            )
        else:
            assert kind is not None
            self.kind_label.setText(
                translate(
                    "TowsPanel", "This will be a {kind} option: {title}, {description}."
                ).format(
                    kind=kind, title=kind_title(kind).lower(), description=kind_description(kind)
                )
            )

    # --- requests --------------------------------------------------------------------------------
    def add(self) -> Any:
        """Add the option written in the composer; returns its id (None: nothing added)."""
        text = " ".join(self.text.text().split())
        i, e = self.internal.currentData(), self.external.currentData()
        if self.read_only or not text or i is None or e is None or self.on_add is None:
            return None
        new_id = self.on_add(int(i), int(e), text)
        if new_id is not None:
            self.text.clear()
            self.view.select_id(new_id)
        return new_id

    def request_edit(self, ident: int, changes: dict[str, Any]) -> bool:
        if self.read_only or self.on_edit is None:
            return False
        return bool(self.on_edit(ident, changes))

    def request_delete(self, ids: list[int]) -> bool:
        if self.read_only or self.on_delete is None:
            return False
        return bool(self.on_delete(ids))

    def request_make_goal(self, ident: int) -> Any:
        if self.read_only or self.on_make_goal is None:
            return None
        row = next((r for r in self.model.options() if r.get("id") == ident), None)
        if row is None or row.get("goal_id") is not None:
            return None
        return self.on_make_goal(ident)

    def goal_clicked(self, row: Row) -> None:
        goal = row.get("goal_id")
        if goal is not None:
            if self.on_open_goal is not None:
                self.on_open_goal(int(goal))
        else:
            self.request_make_goal(int(row["id"]))

    def option_menu(self) -> QMenu | None:
        row = self.view.current_option()
        if row is None:
            return None
        ident = int(row["id"])
        menu = QMenu(self.view)
        if row.get("goal_id") is not None:
            menu.addAction(translate("TowsPanel", "Open the goal"), lambda: self.goal_clicked(row))
        elif not self.read_only:
            act = menu.addAction(
                theme.icon("goals"),
                translate("TowsPanel", "Make a goal"),
                lambda: self.request_make_goal(ident),
            )
            act.setShortcut(QKeySequence("Ctrl+G"))
        if self.read_only:
            return menu
        edit = menu.addAction(
            translate("TowsPanel", "Edit text"),
            lambda: self.view.edit(self.view.currentIndex()),
        )
        edit.setShortcut(QKeySequence(Qt.Key.Key_F2))
        for title, items, column in (
            (translate("TowsPanel", "Internal factor"), self._internal, "internal_id"),
            (translate("TowsPanel", "External factor"), self._external, "external_id"),
        ):
            sub = menu.addMenu(title)
            for item, quadrant, text in items:
                act = sub.addAction(
                    f"{quadrant} · {text}",
                    lambda item=item, column=column: self.request_edit(ident, {column: item}),
                )
                act.setCheckable(True)
                act.setChecked(row.get(column) == item)
        menu.addSeparator()
        delete = menu.addAction(
            theme.icon("delete"),
            translate("TowsPanel", "Delete"),
            lambda: self.request_delete([ident]),
        )
        delete.setShortcut(QKeySequence(Qt.Key.Key_Delete))
        return menu

    def sizeHint(self) -> QSize:
        return QSize(380, 480)

    # --- look ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.title.setText(translate("TowsPanel", "Strategic options (TOWS)"))
        self.hint.setText(
            translate(
                "TowsPanel",
                "Pair an internal factor with an external one and write what to do. "
                "An option can become a goal.",
            )
        )
        self.text.setPlaceholderText(translate("TowsPanel", "What will we do?"))
        self.add_button.setText(translate("TowsPanel", "Add"))
        self.internal.setToolTip(translate("TowsPanel", "A strength or a weakness"))
        self.external.setToolTip(translate("TowsPanel", "An opportunity or a threat"))
        self.internal.setPlaceholderText(translate("TowsPanel", "A strength or a weakness"))
        self.external.setPlaceholderText(translate("TowsPanel", "An opportunity or a threat"))
        self.internal.setAccessibleName(translate("TowsPanel", "Internal factor"))
        self.external.setAccessibleName(translate("TowsPanel", "External factor"))
        self._update_kind()
        self.view.viewport().update()

    def apply_style(self) -> None:
        colors = theme.colors()
        self.setStyleSheet(
            f"""
            QFrame#TowsComposer {{ background: {colors["card"]}; border: 1px solid {colors["border"]};
                border-radius: 8px; }}
            QListView#TowsList {{ background: transparent; border: none; }}
            {thin_scrollbars()}
            """
        )
