"""The dialog that records a check of a control point: when, by whom, plan against actual,
the verdict and a comment, and the next due date (``services.budget.check_edit``).

The plan (the limit), the actual (spent in the period holding the check's date) and the
proposed verdict and next due date come from ``services.budget.propose_check`` and follow the
date; the user may change the verdict and the next due date. The dialog writes nothing: the
page builds the edit from :meth:`CheckDialog.values` when it is accepted.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.widgets.control_alert import subject_text


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class CheckDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None,
        plan: Any,
        fmt: Any,
        row: Any,
        people: list[tuple[int, str]],
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("CheckDialog")
        self.plan = plan
        self.fmt = fmt
        self.row = row
        self._verdict_touched = False
        self._due_touched = False
        self.setWindowTitle(self.tr("Record a control check"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        head = QLabel(
            "<b>{}</b><br>{}".format(
                subject_text(row),
                self.tr("{cadence}, limit {limit}").format(
                    cadence=texts.enum_label("cadence", row.cadence),
                    limit=fmt.money(row.limit_minor),
                ),
            )
        )
        head.setWordWrap(True)
        layout.addWidget(head)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self.date = QDateEdit(_qdate(today or dt.date.today()))
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        self.date.dateChanged.connect(self._propose)
        form.addRow(self.tr("&Date"), self.date)
        self.person = QComboBox()
        self.person.addItem("—", None)
        for pid, name in people:
            self.person.addItem(name, pid)
        pos = self.person.findData(row.controller_id)
        self.person.setCurrentIndex(max(pos, 0))
        form.addRow(self.tr("Checked &by"), self.person)
        self.period = QLabel()
        self.period.setObjectName("Muted")
        form.addRow(self.tr("Period"), self.period)
        self.figures = QLabel()
        self.figures.setTextFormat(Qt.TextFormat.RichText)
        form.addRow(self.tr("Plan / actual"), self.figures)
        self.verdict = QComboBox()
        for value, label in texts.enum_choices("verdict"):
            if value != "overdue":
                self.verdict.addItem(label, value)
        self.verdict.activated.connect(self._verdict_picked)
        form.addRow(self.tr("&Verdict"), self.verdict)
        self.comment = QPlainTextEdit()
        self.comment.setPlaceholderText(
            self.tr("What was found and what was done (e.g. bids lowered, campaign paused).")
        )
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 18)
        form.addRow(self.tr("&Comment"), self.comment)
        self.next_due = QDateEdit()
        self.next_due.setCalendarPopup(True)
        self.next_due.setDisplayFormat("yyyy-MM-dd")
        self.next_due.dateChanged.connect(self._due_changed)
        form.addRow(self.tr("&Next check"), self.next_due)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {theme.tone_color('bad')};")
        self.problem.hide()
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = buttons.addButton(
            self.tr("&Record the check"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.record_button.setObjectName("Primary")
        self.record_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.proposal: Any = None
        self._propose()
        self.comment.setFocus()

    def _verdict_picked(self, _index: int) -> None:
        self._verdict_touched = True

    def _due_changed(self, _date: QDate) -> None:
        if not self._loading_due:
            self._due_touched = True

    _loading_due = False

    def _propose(self, *_: Any) -> None:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services.budget import propose_check

        day = _pydate(self.date.date())
        try:
            self.proposal = propose_check(self.plan, self.row.id, day)
        except DomainError as exc:
            self.proposal = None
            self.problem.setText(texts.domain_error_text(exc))
            self.problem.show()
            self.record_button.setEnabled(False)
            return
        p = self.proposal
        self.problem.hide()
        self.record_button.setEnabled(True)
        self.period.setText(self.fmt.day_range(p.period_start, p.period_end))
        over = p.actual_minor > p.plan_minor
        actual = self.fmt.money(p.actual_minor)
        if over:
            actual = (
                f"<span style='color:{theme.tone_color('bad')}; font-weight:600'>{actual}</span>"
            )
        self.figures.setText(f"{self.fmt.money(p.plan_minor)} / {actual}")
        if not self._verdict_touched:
            pos = self.verdict.findData(p.verdict)
            self.verdict.setCurrentIndex(max(pos, 0))
        if not self._due_touched:
            self._loading_due = True
            self.next_due.setDate(_qdate(p.next_due))
            self._loading_due = False

    def values(self) -> dict[str, Any]:
        """What the edit records: day, person_id, verdict, comment, next_due."""
        return {
            "day": _pydate(self.date.date()),
            "person_id": self.person.currentData(),
            "verdict": self.verdict.currentData(),
            "comment": self.comment.toPlainText().strip(),
            "next_due": _pydate(self.next_due.date()),
        }
