"""The detail form of one goal: what it is, how it is measured, by when, by whom, why.

Each field saves when the user leaves it (or presses Enter), as one edit through
``on_save(goal_id, {column: value}) -> problems``. A value that cannot be read (letters in
a number) or that the domain refuses (a target equal to the baseline, a deadline before the
baseline date) is never sent or never written: the reason appears under the field it is
about, in the user's language, and the typed text stays so that it can be corrected (Esc
puts the saved value back). Nothing here opens a dialog.

Also here: the goal's SMART letters (``SmartStrip``) with the plan's "ambition" threshold
(``plan.jump_threshold``) beside them, and the goal's links to SWOT items (a menu of the
board's cards; one edit for each change).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.fmt import Formatter, ParseError
from mktplanner.ui.widgets.goal_cells import SmartStrip
from mktplanner.ui.widgets.swot_board import quadrant_color

Row = dict[str, Any]
translate = QCoreApplication.translate

_NULL_DATE = QDate(1900, 1, 1)
COLUMNS = (
    "title",
    "metric",
    "unit",
    "baseline",
    "baseline_date",
    "target",
    "deadline",
    "owner_id",
    "notes",
)


def _qdate(day: dt.date | None) -> QDate:
    return _NULL_DATE if day is None else QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date | None:
    if not value.isValid() or value == _NULL_DATE:
        return None
    return dt.date(value.year(), value.month(), value.day())


# --- fields -----------------------------------------------------------------------------------


class _Line(QLineEdit):
    """A line that reports Enter / leaving (``done``) and Esc (``reverted``)."""

    done = Signal()
    reverted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.done.emit()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.done.emit()


class _Notes(QPlainTextEdit):
    done = Signal()
    reverted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.done.emit()


class DateField(QDateEdit):
    """A date that may be empty ("—"): the calendar opens on today's month when empty,
    typing into an empty field starts from today, Ctrl+Delete empties it."""

    done = Signal()
    reverted = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setMinimumDate(_NULL_DATE)
        self.setSpecialValueText("—")
        locale = QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
        self.setLocale(locale)
        self.setDisplayFormat("dd.MM.yyyy" if language == "ru" else "MMM d, yyyy")
        self.setDate(_NULL_DATE)
        self.editingFinished.connect(self.done)
        self.calendarWidget().clicked.connect(lambda _d: QTimer.singleShot(0, self.done.emit))

    def value(self) -> dt.date | None:
        return _pydate(self.date())

    def set_value(self, day: dt.date | None) -> None:
        self.blockSignals(True)
        self.setDate(_qdate(day))
        self.blockSignals(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.reverted.emit()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.setDate(_NULL_DATE)
            self.done.emit()
            return
        if self.value() is None and (
            key in (Qt.Key.Key_Up, Qt.Key.Key_Down) or event.text().isdigit()
        ):
            self.setDate(QDate.currentDate())
        super().keyPressEvent(event)

    def mousePressEvent(self, event: Any) -> None:
        empty = self.value() is None
        super().mousePressEvent(event)
        if empty:
            today = QDate.currentDate()
            QTimer.singleShot(
                0, lambda: self.calendarWidget().setCurrentPage(today.year(), today.month())
            )


class ElidedLabel(QLabel):
    """One line of text that ends in "…" when it does not fit."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._full = text
        self.setMinimumWidth(40)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        self.setText(
            self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, self.width())
        )

    def full_text(self) -> str:
        return self._full


class FieldError(QLabel):
    """The reason a field's value was not taken, right under the field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("FieldError")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {theme.tone_color('bad')}; font-size: 8.5pt;")
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


# --- the form --------------------------------------------------------------------------------


class GoalForm(QWidget):
    """See the module's docstring. The page sets ``on_save``, ``on_links``, ``on_threshold``."""

    def __init__(
        self, fmt: Callable[[], Formatter], language: str = "en", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self._fmt = fmt
        self.goal: Row | None = None
        self.read_only = False
        self._held: set[str] = set()  # fields showing text that was not taken
        self._links: list[Row] = []
        self._swot: list[tuple[int, str, str]] = []
        self._threshold = 3.0
        self.on_save: Callable[[int, dict[str, Any]], list[Any]] | None = None
        self.on_links: Callable[[int, list[int]], bool] | None = None
        self.on_threshold: Callable[[float], list[Any]] | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(10)

        smart_box = QFrame()
        smart_box.setObjectName("SmartBox")
        colors = theme.colors()
        smart_box.setStyleSheet(
            f"QFrame#SmartBox {{ background: {colors['card']}; border: 1px solid {colors['border']};"
            f" border-radius: 8px; }} QFrame#SmartBox QLabel {{ background: transparent; }}"
        )
        smart_layout = QVBoxLayout(smart_box)
        smart_layout.setContentsMargins(10, 8, 10, 8)
        smart_layout.setSpacing(6)
        self.smart = SmartStrip(fmt)
        smart_layout.addWidget(self.smart)
        jump = QHBoxLayout()
        jump.setSpacing(6)
        self.threshold_label = QLabel(translate("GoalForm", "Max jump"))
        self.threshold_label.setObjectName("Muted")
        jump.addWidget(self.threshold_label)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(1.0, 1000.0)
        self.threshold.setDecimals(1)
        self.threshold.setSingleStep(0.5)
        self.threshold.setLocale(
            QLocale(QLocale.Language.Russian if language == "ru" else QLocale.Language.English)
        )
        self.threshold.setKeyboardTracking(False)
        self.threshold.setButtonSymbols(QDoubleSpinBox.ButtonSymbols.NoButtons)
        self.threshold.setPrefix("× ")
        self.threshold.setFixedWidth(72)
        self.threshold.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.threshold.setAccessibleName(texts.field_label("jump_threshold"))
        self.threshold.setToolTip(
            translate(
                "GoalForm",
                "A plan setting for every goal: SMART's “Achievable” warns when the target is a "
                "bigger jump from the baseline than this.",
            )
        )
        self.threshold.editingFinished.connect(self._threshold_done)
        self.threshold_label.setBuddy(self.threshold)
        jump.addWidget(self.threshold)
        tail = QLabel(translate("GoalForm", "(for every goal)"))
        tail.setObjectName("Muted")
        jump.addWidget(tail)
        jump.addStretch(1)
        smart_layout.addLayout(jump)
        self.threshold_error = FieldError()
        smart_layout.addWidget(self.threshold_error)
        outer.addWidget(smart_box)

        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)
        self.grid = grid
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, FieldError] = {}

        self.title = _Line()
        self.title.setMaxLength(200)
        self.metric_edit = _Line()
        self.metric_edit.setMaxLength(200)
        self.metric_edit.setPlaceholderText(translate("GoalForm", "e.g. new clients per month"))
        self.unit = _Line()
        self.unit.setMaxLength(50)
        self.unit.setPlaceholderText(translate("GoalForm", "e.g. %, people"))
        self.unit.setFixedWidth(96)
        self.baseline = _Line()
        self.target = _Line()
        for number in (self.baseline, self.target):
            number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            number.setFixedWidth(110)
        self.baseline_date = DateField(language)
        self.deadline = DateField(language)
        for day in (self.baseline_date, self.deadline):
            day.setFixedWidth(150)
        self.owner = QComboBox()
        self.owner.activated.connect(lambda _i: self._submit("owner_id"))
        self.notes = _Notes()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.notes.setPlaceholderText(translate("GoalForm", "Why this goal, what it depends on…"))

        for column, widget in (
            ("title", self.title),
            ("metric", self.metric_edit),
            ("unit", self.unit),
            ("baseline", self.baseline),
            ("baseline_date", self.baseline_date),
            ("target", self.target),
            ("deadline", self.deadline),
            ("owner_id", self.owner),
            ("notes", self.notes),
        ):
            self.fields[column] = widget
            self.errors[column] = FieldError()
            widget.setAccessibleName(self._label(column))
            if isinstance(widget, _Line | _Notes | DateField):
                widget.done.connect(lambda c=column: self._submit(c))
                widget.reverted.connect(lambda c=column: self._revert(c))

        row = 0
        row = self._add_row(row, "title", self.title)
        row = self._add_pair(row, "metric", self.metric_edit, "unit", self.unit)
        row = self._add_pair(
            row, "baseline", self.baseline, "baseline_date", self.baseline_date, stretch="none"
        )
        row = self._add_pair(row, "target", self.target, "deadline", self.deadline, stretch="none")
        row = self._add_row(row, "owner_id", self.owner)
        # SWOT links
        links_label = QLabel(translate("GoalForm", "Answers"))
        links_label.setObjectName("Muted")
        links_label.setToolTip(translate("GoalForm", "The SWOT items this goal answers"))
        grid.addWidget(links_label, row, 0, Qt.AlignmentFlag.AlignTop)
        self.links_box = QVBoxLayout()
        self.links_box.setSpacing(2)
        self.link_button = QToolButton()
        self.link_button.setText(translate("GoalForm", "Link a SWOT item…"))
        self.link_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.link_button.setObjectName("LinkButton")
        self.link_button.setStyleSheet(
            f"QToolButton#LinkButton {{ color: {colors['accent']}; border: none; padding: 2px 0; }}"
            "QToolButton#LinkButton::menu-indicator { image: none; }"
        )
        self.link_menu = QMenu(self.link_button)
        self.link_menu.aboutToShow.connect(self._fill_link_menu)
        self.link_button.setMenu(self.link_menu)
        links = QWidget()
        links_layout = QVBoxLayout(links)
        links_layout.setContentsMargins(0, 2, 0, 2)
        links_layout.setSpacing(2)
        links_layout.addLayout(self.links_box)
        links_layout.addWidget(self.link_button, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(links, row, 1, 1, 3)
        row += 1
        row = self._add_row(row, "notes", self.notes)
        grid.setColumnStretch(1, 1)
        outer.addLayout(grid)
        outer.addStretch(1)
        order: list[QWidget] = [
            self.threshold,
            self.title,
            self.metric_edit,
            self.unit,
            self.baseline,
            self.baseline_date,
            self.target,
            self.deadline,
            self.owner,
            self.link_button,
            self.notes,
        ]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(a, b)
        self.set_goal(None)

    # --- layout helpers ----------------------------------------------------------------------
    def _label(self, column: str) -> str:
        if column == "owner_id":
            return translate("GoalForm", "Owner")
        if column == "baseline_date":
            return translate("GoalForm", "on")
        if column == "deadline":
            return translate("GoalForm", "by")
        return texts.field_label(column)

    def _caption(self, column: str, buddy: QWidget) -> QLabel:
        label = QLabel(self._label(column))
        label.setObjectName("Muted")
        label.setBuddy(buddy)
        return label

    def _add_row(self, row: int, column: str, widget: QWidget) -> int:
        align = Qt.AlignmentFlag.AlignTop if column == "notes" else Qt.AlignmentFlag.AlignVCenter
        self.grid.addWidget(self._caption(column, widget), row, 0, align)
        self.grid.addWidget(widget, row, 1, 1, 3)
        self.grid.addWidget(self.errors[column], row + 1, 1, 1, 3)
        return row + 2

    def _add_pair(
        self, row: int, a: str, wa: QWidget, b: str, wb: QWidget, *, stretch: str = "a"
    ) -> int:
        """Two fields on one line (the wider one stretches), their messages under them."""
        line = QHBoxLayout()
        line.setSpacing(8)
        line.addWidget(wa, 1 if stretch == "a" else 0)
        if stretch != "a":
            line.addStretch(1)
        caption = self._caption(b, wb)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(caption)
        line.addWidget(wb, 0)
        self.grid.addWidget(self._caption(a, wa), row, 0)
        self.grid.addLayout(line, row, 1, 1, 3)
        errors = QVBoxLayout()
        errors.setSpacing(0)
        errors.addWidget(self.errors[a])
        errors.addWidget(self.errors[b])
        self.grid.addLayout(errors, row + 1, 1, 1, 3)
        return row + 2

    # --- content -------------------------------------------------------------------------------
    def set_goal(
        self,
        goal: Row | None,
        *,
        links: Sequence[Row] = (),
        swot: Sequence[tuple[int, str, str]] = (),
        people: Sequence[tuple[int, str]] = (),
        threshold: float = 3.0,
    ) -> None:
        """Show a goal (``strategy.goal_rows`` row), its links, and the choices to pick from.
        Fields the user is typing in, or that show a value not taken, keep their text."""
        same = goal is not None and self.goal is not None and goal.get("id") == self.goal.get("id")
        previous = self.goal
        if not same:
            self._held.clear()
            for error in self.errors.values():
                error.show_text("")
        self.goal = dict(goal) if goal is not None else None
        self._links = list(links)
        self._swot = list(swot)
        self._threshold = threshold
        enabled = goal is not None
        for widget in self.fields.values():
            widget.setEnabled(enabled)
        self.link_button.setEnabled(enabled and not self.read_only)
        self.smart.set_result(goal.get("smart") if goal else None)
        if not self.threshold.hasFocus() and "jump_threshold" not in self._held:
            self.threshold.blockSignals(True)
            self.threshold.setValue(threshold)
            self.threshold.blockSignals(False)
        self.owner.blockSignals(True)
        self.owner.clear()
        self.owner.addItem("—", None)
        for ident, name in people:
            self.owner.addItem(name, ident)
        self.owner.blockSignals(False)
        for column in COLUMNS:
            if column in self._held and same:
                continue
            if same and self._typing(column, previous):
                continue
            self._show(column, goal.get(column) if goal else None)
        self._show_links()

    def _typing(self, column: str, previous: Row | None) -> bool:
        """The user is changing this field: it has focus and differs from what was shown."""
        widget = self.fields[column]
        if not widget.hasFocus() or previous is None:
            return False
        old = previous.get(column)
        if isinstance(widget, DateField):
            return widget.value() != old
        if isinstance(widget, QComboBox):
            return widget.currentData() != old
        if column in ("baseline", "target"):
            try:
                return self._fmt().parse_float(self._read_text(column)) != old
            except ParseError:
                return True
        return self._read_text(column) != self._text(column, old)

    def _show(self, column: str, value: Any) -> None:
        widget = self.fields[column]
        if isinstance(widget, DateField):
            widget.set_value(value)
        elif isinstance(widget, QComboBox):
            pos = widget.findData(value)
            widget.setCurrentIndex(max(pos, 0))
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != (value or ""):
                widget.setPlainText(value or "")
        elif isinstance(widget, QLineEdit):
            text = self._text(column, value)
            if widget.text() != text:
                widget.setText(text)
                widget.setCursorPosition(0)

    def _text(self, column: str, value: Any) -> str:
        """How a stored value reads in its field."""
        if column in ("baseline", "target"):
            return "" if value is None else self._fmt().number(value, None).replace("\u00a0", " ")
        return str(value or "")

    def _read_text(self, column: str) -> str:
        widget = self.fields[column]
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        if isinstance(widget, QLineEdit):
            return widget.text()
        return ""

    def _show_links(self) -> None:
        while self.links_box.count():
            item = self.links_box.takeAt(0)
            w = item.widget() if item is not None else None
            if w is not None:
                w.deleteLater()
        if not self._links and self.goal is not None:
            empty = QLabel(translate("GoalForm", "Not linked to the SWOT analysis yet."))
            empty.setObjectName("Muted")
            self.links_box.addWidget(empty)
        for link in self._links:
            self.links_box.addWidget(self._link_row(link))

    def _link_row(self, link: Row) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        quadrant = str(link.get("quadrant") or "")
        tag = QLabel(quadrant)
        tag.setFixedSize(18, 18)
        tag.setAlignment(Qt.AlignmentFlag.AlignCenter)
        tag.setStyleSheet(
            f"background: {quadrant_color(quadrant).name()}; color: #FFFFFF; border-radius: 4px;"
            " font-weight: 700; font-size: 8pt;"
        )
        tag.setToolTip(texts.enum_label("quadrant", quadrant))
        layout.addWidget(tag)
        full = str(link.get("text") or "")
        text = ElidedLabel(full)
        text.setToolTip(full)
        text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(text, 1)
        if not self.read_only:
            remove = QToolButton()
            remove.setText("×")
            remove.setAutoRaise(True)
            remove.setToolTip(translate("GoalForm", "Remove this link"))
            remove.setAccessibleName(
                translate("GoalForm", "Remove the link to {text}").format(text=full)
            )
            ident = int(link["id"])
            remove.clicked.connect(
                lambda: self._set_links([i for i in self.link_ids() if i != ident])
            )
            layout.addWidget(remove)
        return row

    def link_ids(self) -> list[int]:
        return [int(r["id"]) for r in self._links]

    def _fill_link_menu(self) -> None:
        self.link_menu.clear()
        linked = set(self.link_ids())
        if not self._swot:
            act = self.link_menu.addAction(translate("GoalForm", "The SWOT board is empty."))
            act.setEnabled(False)
            return
        current = ""
        for ident, quadrant, text in self._swot:
            if quadrant != current:
                current = quadrant
                self.link_menu.addSection(texts.enum_label("quadrant", quadrant))
            shown = self.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, 380)
            act = self.link_menu.addAction(shown)
            act.setCheckable(True)
            act.setChecked(ident in linked)
            act.toggled.connect(
                lambda on, i=ident: self._set_links(
                    [*self.link_ids(), i] if on else [x for x in self.link_ids() if x != i]
                )
            )

    def _set_links(self, ids: list[int]) -> None:
        if self.goal is None or self.on_links is None or self.read_only:
            return
        self.on_links(int(self.goal["id"]), ids)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in self.fields.values():
            if isinstance(widget, QLineEdit | QPlainTextEdit | QDateEdit):
                widget.setReadOnly(read_only)
            elif isinstance(widget, QComboBox):
                widget.setEnabled(not read_only and self.goal is not None)
        self.threshold.setReadOnly(read_only)
        self.link_button.setVisible(not read_only)
        self._show_links()

    # --- saving --------------------------------------------------------------------------------
    def _value(self, column: str) -> Any:
        """What the field holds, typed; raises ParseError when it cannot be read."""
        widget = self.fields[column]
        fmt = self._fmt()
        if isinstance(widget, DateField):
            return widget.value()
        if isinstance(widget, QComboBox):
            return widget.currentData()
        text = self._read_text(column)
        if column in ("baseline", "target"):
            return fmt.parse_float(text)
        if column == "notes":
            return text.strip()
        return " ".join(text.split())

    def _submit(self, column: str) -> None:
        if self.goal is None or self.read_only:
            return
        try:
            value = self._value(column)
        except ParseError as exc:
            self._held.add(column)
            params = dict(exc.params)
            self.errors[column].show_text(texts.problem_text(exc.code, params, column))
            return
        if value == self.goal.get(column):
            if column in self._held:
                self._held.discard(column)
                self.errors[column].show_text("")
                self._show(column, value)
            return
        if self.on_save is None:
            return
        problems = self.on_save(int(self.goal["id"]), {column: value})
        if problems:
            self._held.add(column)
            shown = False
            for p in problems:
                field = p.field if p.field in self.errors else column
                if field == column or not shown:
                    self.errors[field].show_text(
                        texts.problem_text(p.code, p.params, p.field or column)
                    )
                    shown = True
            return
        self._held.discard(column)
        self.errors[column].show_text("")
        self._show(column, value)  # as the plan reads it ("1000" -> "1,000")

    def _revert(self, column: str) -> None:
        self._held.discard(column)
        self.errors[column].show_text("")
        self._show(column, self.goal.get(column) if self.goal else None)

    def _threshold_done(self) -> None:
        value = float(self.threshold.value())
        if abs(value - self._threshold) < 1e-9 or self.read_only or self.on_threshold is None:
            return
        problems = self.on_threshold(value)
        if problems:
            self._held.add("jump_threshold")
            p = problems[0]
            self.threshold_error.show_text(texts.problem_text(p.code, p.params, p.field))
        else:
            self._held.discard("jump_threshold")
            self.threshold_error.show_text("")

    def start_typing(self) -> None:
        """Put the cursor in the title, all of it selected (a new goal is named first)."""
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    def error_text(self, column: str) -> str:
        """The message shown under a field ("" when none)."""
        error = self.threshold_error if column == "jump_threshold" else self.errors[column]
        return error.text() if error.isVisibleTo(self) else ""
