"""Hypotheses: channel tests with a budget, a period, a success metric and threshold, a result
and a decision (scale, continue or stop), and what was learned.

A test's money is tracked like an action's: expenses booked on the hypothesis (the Expenses
tab of the Budget page has a Hypothesis column) add up to what it spent, against its test
budget. Where it stands comes from ``domain.rules.hypotheses``: planned, running, awaiting a
decision (its period is over), decided.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.fmt import Formatter
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.badge import BadgeDelegate
from mktplanner.ui.widgets.fields import LineField, TextField
from mktplanner.ui.widgets.table import DataTable


def _spent_tone(row: Row) -> str | None:
    spent = row.get("spent_minor") or 0
    return "bad" if spent > (row.get("test_budget_minor") or 0) else None


def _short_date(key: str) -> Any:
    def text(row: Row, fmt: Formatter) -> str:
        day = row.get(key)
        if day is None:
            return "—"
        return fmt.short_date(day) if day.year == dt.date.today().year else fmt.date(day)

    return text


def _state_tone(row: Row) -> str | None:
    state = row.get("state")
    if state == "decided":
        return {"scale": "good", "stop": "bad", "continue": "warn"}.get(row.get("decision") or "")
    return {"running": "good", "awaiting_decision": "warn", "planned": "muted"}.get(state or "")


class HypothesesPage(Page):
    page_id = "hypotheses"
    tables = frozenset({"hypothesis", "channel", "expense", "action"})

    def subtitle(self) -> str:
        return self.tr(
            "Test a channel like a product team: a small budget, a period, a success "
            "threshold — then scale or stop, and keep what was learned."
        )

    def build(self) -> None:
        self.choices: Any = None
        self.hypotheses = self.table_block(
            "hypothesis",
            [
                Col(
                    "title",
                    label("title"),
                    field="title",
                    stretch=1,
                    nullable=False,
                    max_length=200,
                    bold=True,
                ),
                Col(
                    "state",
                    lambda: self.tr("Stage"),
                    "enum",
                    display=self._state_text,
                    tone=_state_tone,
                    width=150,
                ),
                Col(
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    max_width=150,
                ),
                Col(
                    "test_budget_minor",
                    label("test_budget_minor"),
                    "money",
                    field="test_budget_minor",
                    nullable=False,
                ),
                Col("spent_minor", lambda: self.tr("Spent"), "money", tone=_spent_tone),
                Col("start", label("start"), "date", field="start", display=_short_date("start")),
                Col("end", label("end"), "date", field="end", display=_short_date("end")),
                Col("threshold", label("threshold"), "float", field="threshold"),
                Col("result", label("result"), "float", field="result"),
            ],
            title=self.tr("Hypotheses"),
            hint=self.tr(
                "The result is compared with the threshold; most tests fail, and that "
                "is what they are for."
            ),
            empty=self.tr(
                "No hypotheses yet. What channel would you like to test, with what "
                "budget, and how will you know it works?"
            ),
            add_text=self.tr("Add hypothesis"),
            delete_text=self.tr("Delete"),
            new_row=self._new_hypothesis,
        )
        self.hypotheses.view.setItemDelegateForColumn(1, BadgeDelegate(self.hypotheses.view))
        self.hypotheses.view.selectionModel().currentRowChanged.connect(self._show_details)

        details = QWidget()
        outer = QVBoxLayout(details)
        outer.setContentsMargins(0, 8, 0, 0)
        outer.setSpacing(6)
        self.details_title = QLabel()
        self.details_title.setObjectName("SectionTitle")
        self.details_title.setWordWrap(True)
        outer.addWidget(self.details_title)
        self.verdict = QLabel()
        self.verdict.setObjectName("HypothesisVerdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        outer.addWidget(self.verdict)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        left = QGridLayout()
        left.setHorizontalSpacing(10)
        left.setVerticalSpacing(4)
        metric_caption = QLabel(label("metric")())
        metric_caption.setObjectName("Muted")
        self.metric_field = LineField(self._save("metric"), max_length=200)
        self.metric_field.setPlaceholderText(self.tr("e.g. cost per lead, new loyalty members"))
        metric_caption.setBuddy(self.metric_field)
        left.addWidget(metric_caption, 0, 0)
        left.addWidget(self.metric_field, 1, 0)
        decision_caption = QLabel(self.tr("Decision"))
        decision_caption.setObjectName("Muted")
        left.addWidget(decision_caption, 2, 0)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        self.decision_group = QButtonGroup(self)
        self.decision_buttons: dict[str, QPushButton] = {}
        for value, text in (
            ("scale", self.tr("&Scale")),
            ("continue", self.tr("C&ontinue")),
            ("stop", self.tr("S&top")),
            ("pending", self.tr("&Pending")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setObjectName(f"Decision_{value}")
            button.clicked.connect(lambda _c=False, v=value: self.decide(v))
            self.decision_group.addButton(button)
            self.decision_buttons[value] = button
            buttons.addWidget(button)
        buttons.addStretch(1)
        left.addLayout(buttons, 3, 0)
        learned_caption = QLabel(label("learned")())
        learned_caption.setObjectName("Muted")
        self.learned = TextField(self._save("learned"), max_length=4000, lines=3)
        self.learned.setPlaceholderText(self.tr("What the test showed, whatever the decision."))
        left.addWidget(learned_caption, 4, 0)
        left.addWidget(self.learned, 5, 0)
        left.setRowStretch(6, 1)
        columns.addLayout(left, 2)
        right = QVBoxLayout()
        right.setSpacing(4)
        self.money_label = QLabel()
        self.money_label.setObjectName("HypothesisMoney")
        self.money_label.setTextFormat(Qt.TextFormat.RichText)
        right.addWidget(self.money_label)
        self.expense_model = RowTableModel(
            [
                Col("date", label("date"), "date"),
                Col("amount_minor", label("amount_minor"), "money", bold=True),
                Col("payee", label("payee"), max_width=160),
                Col("note", label("note"), stretch=1),
            ],
            fmt=lambda: self.fmt,
        )
        self.expense_view = DataTable(self.expense_model)
        self.expense_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.expense_view.set_empty_text(
            self.tr("No expense booked on this test yet (Budget ▸ Expenses ▸ Hypothesis).")
        )
        right.addWidget(self.expense_view, 1)
        columns.addLayout(right, 3)
        outer.addLayout(columns, 1)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.hypotheses.section)
        splitter.addWidget(details)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([250, 300])
        self.body.addWidget(splitter, 1)

    # --- texts ------------------------------------------------------------------------------
    def _state_text(self, row: Row, fmt: Formatter) -> str:
        state = row.get("state")
        if state == "decided":
            return texts.enum_label("decision", row.get("decision"))
        return {
            "planned": self.tr("Planned"),
            "running": self.tr("Running"),
            "awaiting_decision": self.tr("Awaiting decision"),
        }.get(str(state), str(state))

    def _verdict_text(self, row: Row) -> str:
        fmt = self.fmt
        parts = []
        start, end = row.get("start"), row.get("end")
        if start and end:
            period = (
                self.tr("Runs {range}").format(range=_escape(fmt.day_range(start, end)))
                if start.year == end.year
                else self.tr("Runs {start} – {end}").format(
                    start=fmt.date(start), end=fmt.date(end)
                )
            )
            parts.append(period if period.endswith(".") else period + ".")
        result, threshold = row.get("result"), row.get("threshold")
        metric = row.get("metric") or self.tr("the metric")
        if threshold is None:
            parts.append(self.tr("Set a success threshold: what result makes it worth scaling?"))
        elif result is None:
            parts.append(
                self.tr("Success threshold: {metric} {threshold}. No result yet.").format(
                    metric=_escape(metric), threshold=fmt.number(threshold)
                )
            )
        else:
            sentence = {
                "above": self.tr("Result {result}: above the threshold {threshold}."),
                "below": self.tr("Result {result}: below the threshold {threshold}."),
                "equal": self.tr("Result {result}: exactly the threshold."),
            }[str(row.get("vs_threshold"))].format(
                result=fmt.number(result), threshold=fmt.number(threshold)
            )
            parts.append(f"<b>{_escape(metric)}</b> · {sentence}")
        if row.get("state") == "awaiting_decision":
            parts.append(
                "<span style='color:{}'>{}</span>".format(
                    theme.tone_color("warn"),
                    self.tr("The period is over: decide to scale, continue or stop."),
                )
            )
        return " ".join(parts)

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        from mktplanner.services import budget, views

        assert self.doc is not None
        self.choices = views.choices(self.doc.plan)
        self.hypotheses.set_rows(budget.hypothesis_rows(self.doc.plan))
        if self.hypotheses.view.current_row() is None and self.hypotheses.model.rowCount():
            self.hypotheses.view.selectRow(0)
        self._show_details()

    def _show_details(self, *_: Any) -> None:
        from mktplanner.services import budget

        row = self.hypotheses.view.current_row()
        editable = row is not None and not self.read_only
        self.metric_field.setReadOnly(not editable)
        self.learned.setReadOnly(not editable)
        for button in self.decision_buttons.values():
            button.setEnabled(editable)
        if row is None or self.doc is None:
            self.details_title.setText(
                self.tr("Select a hypothesis to see its result, money and lessons.")
            )
            self.verdict.setText("")
            self.money_label.setText("")
            self.metric_field.set_value("")
            self.learned.set_value("")
            self.expense_model.set_rows([])
            for button in self.decision_buttons.values():
                button.setChecked(False)
            return
        fmt = self.fmt
        self.details_title.setText(row["title"])
        self.verdict.setText(self._verdict_text(row))
        self.metric_field.set_value(row.get("metric") or "")
        self.learned.set_value(row.get("learned") or "")
        decision = row.get("decision") or "pending"
        for value, button in self.decision_buttons.items():
            button.setChecked(value == decision)
        spent, budget_minor = int(row.get("spent_minor") or 0), int(row["test_budget_minor"])
        money = self.tr("Spent {spent} of the {budget} test budget").format(
            spent=f"<b>{fmt.money(spent)}</b>", budget=fmt.money(budget_minor)
        )
        if budget_minor:
            money += f" ({fmt.percent(spent / budget_minor)})"
        if spent > budget_minor:
            money = f"<span style='color:{theme.tone_color('bad')}'>{money}</span>"
        self.money_label.setText(money)
        self.expense_model.set_rows(budget.hypothesis_expenses(self.doc.plan, int(row["id"])))

    # --- edits ------------------------------------------------------------------------------
    def _save(self, column: str) -> Any:
        def save(value: str) -> bool:
            row = self.hypotheses.view.current_row()
            return row is not None and self.update_row("hypothesis", row["id"], {column: value})

        return save

    def decide(self, decision: str) -> bool:
        """Record the decision on the selected hypothesis (one undo step)."""
        row = self.hypotheses.view.current_row()
        if row is None or self.read_only:
            return False
        if row.get("decision") == decision:
            self.decision_buttons[decision].setChecked(True)
            return False
        ok = self.update_row("hypothesis", row["id"], {"decision": decision})
        if not ok:
            self._show_details()
        return ok

    def _new_hypothesis(self) -> dict[str, Any]:
        today = dt.date.today()
        return {
            "title": self.tr("New hypothesis"),
            "start": today,
            "end": today + dt.timedelta(days=30),
        }

    def current_object(self) -> tuple[str, int] | None:
        row = self.hypotheses.view.current_row()
        return ("hypothesis", int(row["id"])) if row and row.get("id") else None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
