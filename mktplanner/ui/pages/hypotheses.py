"""Hypotheses: channel tests with a budget, a period, a success threshold and a decision."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel

from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.fields import LineField, TextField


class HypothesesPage(Page):
    page_id = "hypotheses"
    tables = frozenset({"hypothesis", "channel", "expense"})

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
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    max_width=170,
                ),
                Col(
                    "test_budget_minor",
                    label("test_budget_minor"),
                    "money",
                    field="test_budget_minor",
                    nullable=False,
                ),
                Col("spent_minor", lambda: self.tr("Spent"), "money", tone=_spent_tone),
                Col("start", label("start"), "date", field="start"),
                Col("end", label("end"), "date", field="end"),
                Col("threshold", label("threshold"), "float", field="threshold"),
                Col("result", label("result"), "float", field="result", tone=_result_tone),
                Col(
                    "decision",
                    label("decision"),
                    "enum",
                    field="decision",
                    enum="decision",
                    nullable=False,
                    tone=_decision_tone,
                ),
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
        self.body.addWidget(self.hypotheses.section, 1)
        details = QGridLayout()
        details.setHorizontalSpacing(16)
        details.setVerticalSpacing(4)
        self.details_title = QLabel(self.tr("Select a hypothesis to see its metric and lessons."))
        self.details_title.setObjectName("SectionTitle")
        details.addWidget(self.details_title, 0, 0, 1, 2)
        self.metric_field = LineField(self._save("metric"), max_length=200)
        self.metric_field.setPlaceholderText(self.tr("e.g. cost per lead, new loyalty members"))
        self.learned = TextField(self._save("learned"), max_length=4000, lines=3)
        self.learned.setPlaceholderText(self.tr("What the test showed, whatever the decision."))
        metric_caption = QLabel(label("metric")())
        metric_caption.setObjectName("Muted")
        learned_caption = QLabel(label("learned")())
        learned_caption.setObjectName("Muted")
        details.addWidget(metric_caption, 1, 0)
        details.addWidget(learned_caption, 1, 1)
        details.addWidget(self.metric_field, 2, 0, Qt.AlignmentFlag.AlignTop)
        details.addWidget(self.learned, 2, 1)
        details.setColumnStretch(0, 1)
        details.setColumnStretch(1, 2)
        self.body.addLayout(details)
        self.hypotheses.view.selectionModel().currentRowChanged.connect(self._show_details)

    def _save(self, column: str) -> Any:
        def save(value: str) -> bool:
            row = self.hypotheses.view.current_row()
            return row is not None and self.update_row("hypothesis", row["id"], {column: value})

        return save

    def _show_details(self, *_: Any) -> None:
        row = self.hypotheses.view.current_row()
        editable = row is not None and not self.read_only
        self.metric_field.setReadOnly(not editable)
        self.learned.setReadOnly(not editable)
        if row is None:
            self.details_title.setText(
                self.tr("Select a hypothesis to see its metric and lessons.")
            )
            self.metric_field.set_value("")
            self.learned.set_value("")
            return
        self.details_title.setText(row["title"])
        self.metric_field.set_value(row.get("metric") or "")
        self.learned.set_value(row.get("learned") or "")

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        self.choices = views.choices(self.doc.plan)
        self.hypotheses.set_rows(views.hypotheses(self.doc.plan))
        if self.hypotheses.view.current_row() is None and self.hypotheses.model.rowCount():
            self.hypotheses.view.selectRow(0)
        self._show_details()

    def _new_hypothesis(self) -> dict[str, Any]:
        today = dt.date.today()
        return {
            "title": self.tr("New hypothesis"),
            "start": today,
            "end": today + dt.timedelta(days=30),
        }


def _spent_tone(row: Row) -> str | None:
    spent = row.get("spent_minor") or 0
    return "bad" if spent > (row.get("test_budget_minor") or 0) else None


def _result_tone(row: Row) -> str | None:
    result, threshold = row.get("result"), row.get("threshold")
    if result is None or threshold is None:
        return None
    return "good" if result >= threshold else "bad"


def _decision_tone(row: Row) -> str | None:
    return {"scale": "good", "stop": "bad", "pending": "muted"}.get(row.get("decision") or "")
