"""What needs attention in the budget's control: spending over a control point's limit and
checks that are overdue, said in one red strip (never a modal dialog).

* :func:`alert_sentence`, :func:`pace_sentence`, :func:`allowance_sentence`,
  :func:`gap_sentence` - the budget's sentences (the overview and the budget page say them
  the same way);
* :class:`ControlAlert` - the strip: ``show_rows(rows, fmt)`` lists the points that need
  attention (``services.budget.control_alerts``), a button opens them, × closes the strip;
* :class:`WindowControlAlert` - the same strip at the top of the main window, filled when a
  plan is opened and kept up to date while it is open (until the user closes it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from mktplanner.ui import texts, theme

if TYPE_CHECKING:
    from mktplanner.services.budget import ControlRow
    from mktplanner.ui.fmt import Formatter

CONTROL_TABLES = frozenset(
    {"expense", "control_point", "control_check", "budget_line", "channel", "action"}
)


translate = QCoreApplication.translate


class BudgetTexts(QObject):
    """The budget's sentences (``self.tr``, so that plural forms reach the translators)."""

    def cadence_limit(self, row: ControlRow, fmt: Formatter) -> str:
        templates = {
            "daily": self.tr("the {limit} daily limit"),
            "weekly": self.tr("the {limit} weekly limit"),
            "monthly": self.tr("the {limit} monthly limit"),
        }
        return templates.get(row.cadence, templates["monthly"]).format(
            limit=fmt.money(row.limit_minor)
        )

    def alert(self, row: ControlRow, fmt: Formatter) -> str:
        parts = []
        if "over" in row.flags:
            parts.append(
                self.tr("{spent} spent of {limit} ({percent})").format(
                    spent=fmt.money(row.spent_minor),
                    limit=self.cadence_limit(row, fmt),
                    percent=fmt.percent((row.percent or 0) / 100),
                )
            )
        if "overdue" in row.flags:
            parts.append(
                self.tr("the check was due %n day(s) ago", "", row.days_late)
                if row.days_late
                else self.tr("the check is overdue")
            )
        return "{subject}: {what}".format(subject=subject_text(row), what="; ".join(parts))

    def banner(self, count: int, sentences: Sequence[str], more: int) -> str:
        head = self.tr("%n control point(s) need(s) attention:", "", count)
        text = f"<b>{_escape(head)}</b> " + "; ".join(_escape(s) for s in sentences)
        return text + (" " + self.tr("and %n more.", "", more) if more else ".")

    def pace(self, row: ControlRow, fmt: Formatter) -> str:
        if row.projected_minor is None:
            return ""
        templates = {
            "daily": self.tr("At today's pace {subject} ends the day at {projected} of {limit}."),
            "weekly": self.tr("At this week's pace {subject} ends at {projected} of {limit}."),
            "monthly": self.tr("At this month's pace {subject} ends at {projected} of {limit}."),
        }
        return templates.get(row.cadence, templates["monthly"]).format(
            subject=subject_text(row),
            projected=fmt.money(row.projected_minor, cents=False),
            limit=fmt.money(row.limit_minor),
        )

    def allowance(self, row: ControlRow, fmt: Formatter) -> str:
        if row.daily_allowance_minor is None or row.remaining_days <= 0:
            return self.tr("The period ends today.")
        if row.daily_allowance_minor == 0:
            return self.tr(
                "Nothing is left for the remaining %n day(s): stop spending.",
                "",
                row.remaining_days,
            )
        return self.tr(
            "To stay within the limit: at most {amount} a day for the remaining %n day(s).",
            "",
            row.remaining_days,
        ).format(amount=fmt.money(row.daily_allowance_minor))

    def gap(self, gap: Any, fmt: Formatter) -> str:
        """Both sides of the budget in one sentence (rich text, a shortfall in red)."""
        bad, good = theme.tone_color("bad"), theme.tone_color("good")
        needed = f"<b>{fmt.money(gap.needed_minor)}</b>"
        if gap.mode == "bottom_up" and not gap.total_minor:
            text = self.tr(
                "No fixed sum yet: type the budget per month or for the period, or let the "
                "actions' needs set it (top-down). The actions need {needed}."
            ).format(needed=needed)
        elif gap.mode == "bottom_up":
            if gap.status == "short":
                tail = "<span style='color:{}; font-weight:600'>{}</span>".format(
                    bad, self.tr("{amount} short").format(amount=fmt.money(gap.short_by_minor))
                )
            elif gap.status == "unallocated":
                tail = "<span style='color:{}'>{}</span>".format(
                    good,
                    self.tr("{amount} unallocated").format(amount=fmt.money(gap.unallocated_minor)),
                )
            else:
                tail = self.tr("balanced")
            text = self.tr("Actions need {needed}, the budget is {fixed}: {tail}.").format(
                needed=needed, fixed=f"<b>{fmt.money(gap.fixed_minor)}</b>", tail=tail
            )
        else:
            text = self.tr("The budget is what the actions need: {needed}.").format(needed=needed)
            rest = gap.unplanned_in_lines_minor
            if rest:
                text += " " + self.tr(
                    "The budget lines plan {lines} of it; {rest} is not in them yet."
                ).format(lines=fmt.money(gap.lines_minor), rest=fmt.money(rest))
            else:
                text += " " + self.tr("The budget lines plan {lines}.").format(
                    lines=fmt.money(gap.lines_minor)
                )
        if gap.unbudgeted_actions:
            text += " <span style='color:{}'>{}</span>".format(
                theme.tone_color("warn"),
                self.tr("%n action(s) without a budget.", "", gap.unbudgeted_actions),
            )
        return text


_TEXTS: list[BudgetTexts] = []


def budget_texts() -> BudgetTexts:
    if not _TEXTS:
        _TEXTS.append(BudgetTexts())
    return _TEXTS[0]


def subject_text(row: ControlRow) -> str:
    """What a control point controls: the channel, the action, or the whole budget."""
    if row.target == "budget" or not row.subject:
        return texts.enum_label("target", "budget")
    return row.subject


def cadence_limit(row: ControlRow, fmt: Formatter) -> str:
    """ "the $250 monthly limit" """
    return budget_texts().cadence_limit(row, fmt)


def alert_sentence(row: ControlRow, fmt: Formatter) -> str:
    """Why a control point needs attention: over its limit, its check overdue, or both."""
    return budget_texts().alert(row, fmt)


def pace_sentence(row: ControlRow, fmt: Formatter) -> str:
    """ "At this month's pace Context ads ends at $430 of $250." """
    return budget_texts().pace(row, fmt)


def allowance_sentence(row: ControlRow, fmt: Formatter) -> str:
    """The recommended daily spend for the rest of the period."""
    return budget_texts().allowance(row, fmt)


def gap_sentence(gap: Any, fmt: Formatter) -> str:
    """Both sides of the budget (``services.budget.BudgetGap``) in one rich-text sentence."""
    return budget_texts().gap(gap, fmt)


class ControlAlert(QFrame):
    """A red strip listing the control points that need attention."""

    open_requested = Signal()

    def __init__(self, parent: QWidget | None = None, *, closable: bool = True):
        super().__init__(parent)
        self.setObjectName("ControlAlert")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 6, 6)
        layout.setSpacing(10)
        self.icon = QLabel()
        self.icon.setFixedSize(18, 18)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        self.label = QLabel()
        self.label.setObjectName("ControlAlertText")
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label, 1)
        self.open_button = QPushButton(translate("ControlAlert", "Control points"))
        self.open_button.setObjectName("ControlAlertOpen")
        self.open_button.clicked.connect(self.open_requested)
        layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.close_button: QToolButton | None = None
        if closable:
            self.close_button = QToolButton()
            self.close_button.setText("×")
            self.close_button.setAutoRaise(True)
            self.close_button.setToolTip(translate("ControlAlert", "Close"))
            self.close_button.clicked.connect(self.dismiss)
            layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.rows: list[ControlRow] = []
        self.dismissed = False
        self._style()
        self.hide()

    def _style(self) -> None:
        color = theme.tone_color("bad")
        tint = QColor(color)
        tint.setAlpha(28)
        rgba = f"rgba({tint.red()}, {tint.green()}, {tint.blue()}, {tint.alpha()})"
        self.setStyleSheet(
            f"QFrame#ControlAlert {{ background: {rgba}; border: 1px solid {color};"
            f" border-radius: 8px; }}"
            f"QLabel#ControlAlertText {{ color: {color}; background: transparent; }}"
            f"QToolButton {{ border: none; color: {color}; font-size: 13pt; padding: 0 4px; }}"
        )
        self.icon.setPixmap(theme.icon("warning", color).pixmap(18, 18))

    def show_rows(self, rows: Sequence[ControlRow], fmt: Formatter) -> None:
        self.rows = list(rows)
        if not self.rows or self.dismissed:
            self.hide()
            return
        shown = [alert_sentence(r, fmt) for r in self.rows[:3]]
        text = budget_texts().banner(len(self.rows), shown, max(0, len(self.rows) - 3))
        self.label.setText(text)
        self.show()

    def text(self) -> str:
        return self.label.text() if self.isVisible() else ""

    def dismiss(self) -> None:
        self.dismissed = True
        self.hide()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class WindowControlAlert(ControlAlert):
    """The strip at the top of the main window: shown when a plan opens with spending over a
    limit or a check overdue; it follows the plan's changes until the user closes it."""

    def __init__(self, window: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.window_ = window
        self.setContentsMargins(16, 8, 16, 0)
        self.doc: Any = None
        self.open_requested.connect(self._open)
        from mktplanner.ui.bus import bus

        bus().changed.connect(self._changed)
        stack = getattr(window, "stack", None)
        if stack is not None:
            stack.currentChanged.connect(lambda _i: self._place())

    def attach(self, doc: Any) -> None:
        """A plan was opened (or closed: ``doc`` None)."""
        self.doc = doc
        self.dismissed = False
        self.refresh()

    def refresh(self) -> None:
        if self.doc is None:
            self.rows = []
            self.hide()
            return
        from mktplanner.services.budget import control_alerts

        try:
            rows = control_alerts(self.doc.plan)
        except Exception:  # noqa: BLE001 - a banner must never keep a plan from opening
            import logging

            logging.getLogger(__name__).exception("control alerts failed")
            rows = []
        self.show_rows(rows, self.doc.fmt)

    def show_rows(self, rows: Sequence[ControlRow], fmt: Formatter) -> None:
        super().show_rows(rows, fmt)
        self._place()

    def _place(self) -> None:
        """Hidden while the budget page is shown: it has its own strip."""
        try:
            page = self.window_.current_page_id()
        except (AttributeError, RuntimeError):
            page = ""
        self.setVisible(bool(self.rows) and not self.dismissed and page != "budget")

    def _changed(self, change: Any) -> None:
        from mktplanner.ui.bus import tables_of

        if self.doc is not None and not self.dismissed and CONTROL_TABLES & tables_of(change):
            self.refresh()

    def _open(self) -> None:
        page = getattr(self.window_, "pages", {}).get("budget")
        self.window_.show_page("budget")
        if page is not None and hasattr(page, "show_control"):
            page.show_control()
