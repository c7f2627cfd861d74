"""Goals: the measurable strategic goals, and the measurements of the selected goal."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter

from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices


class GoalsPage(Page):
    page_id = "goals"
    tables = frozenset({"goal", "measurement", "person", "action", "goal_swot"})

    def subtitle(self) -> str:
        return self.tr(
            "Where the business wants to be, measured: a metric, a baseline, a target and a "
            "deadline for each goal."
        )

    def build(self) -> None:
        self.choices: Any = None
        self.goals = self.table_block(
            "goal",
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
                Col("metric", label("metric"), field="metric", max_width=170, max_length=200),
                Col("baseline", label("baseline"), "float", field="baseline"),
                Col("target", label("target"), "float", field="target"),
                Col("unit", label("unit"), field="unit", max_width=90),
                Col("latest_value", lambda: self.tr("Latest"), "float", tooltip=self._latest_tip),
                Col("progress", lambda: self.tr("Progress"), "percent", tone=_progress_tone),
                Col("deadline", label("deadline"), "date", field="deadline", tone=_deadline_tone),
                Col(
                    "owner_name",
                    label("owner_id"),
                    "ref",
                    field="owner_id",
                    choices=ref_choices(self, "people"),
                    max_width=180,
                ),
            ],
            title=self.tr("Strategic goals"),
            hint=self.tr(
                "Double-click a cell to change it. Progress = (latest − baseline) / "
                "(target − baseline)."
            ),
            empty=self.tr(
                "No goals yet. Add the first one: what should change, by how much, and by when?"
            ),
            add_text=self.tr("Add goal"),
            delete_text=self.tr("Delete"),
            new_row=self._new_goal,
        )
        self.measures = self.table_block(
            "measurement",
            [
                Col("date", label("date"), "date", field="date", nullable=False),
                Col("value", label("value"), "float", field="value", nullable=False),
                Col("note", label("note"), field="note", stretch=1, max_length=4000),
            ],
            title=self.tr("Measurements of the selected goal"),
            hint=self.tr("Dated actual values of the goal's metric."),
            empty=self.tr("Select a goal above to see and add its measurements."),
            add_text=self.tr("Add measurement"),
            delete_text=self.tr("Delete"),
            new_row=self._new_measurement,
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.goals.section)
        splitter.addWidget(self.measures.section)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)
        self.goals.view.selectionModel().currentRowChanged.connect(self._load_measurements)

    def _latest_tip(self, row: Row) -> str:
        if row.get("latest_date") is None:
            return self.tr("No measurement yet")
        return self.tr("Measured on {date}").format(date=self.fmt.date(row["latest_date"]))

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        self.choices = views.choices(self.doc.plan)
        self.goals.set_rows(views.goals(self.doc.plan))
        if self.goals.view.current_row() is None and self.goals.model.rowCount():
            self.goals.view.selectRow(0)
        self._load_measurements()

    def _selected_goal(self) -> int | None:
        row = self.goals.view.current_row()
        return row["id"] if row else None

    def _load_measurements(self, *_: Any) -> None:
        from mktplanner.services import views

        goal = self._selected_goal()
        if self.doc is None or goal is None:
            self.measures.model.set_rows([])
            if self.measures.section.add_button is not None:
                self.measures.section.add_button.setEnabled(False)
            return
        if self.measures.section.add_button is not None:
            self.measures.section.add_button.setEnabled(True)
        self.measures.set_rows(views.measurements(self.doc.plan, goal))

    def _new_goal(self) -> dict[str, Any]:
        return {"title": self.tr("New goal"), "position": self.goals.model.rowCount()}

    def _new_measurement(self) -> dict[str, Any] | None:
        goal = self._selected_goal()
        if goal is None:
            return None
        row = self.goals.view.current_row() or {}
        value = row.get("latest_value")
        if value is None:
            value = row.get("baseline") or 0.0
        return {"goal_id": goal, "date": dt.date.today(), "value": float(value)}


def _progress_tone(row: Row) -> str | None:
    p = row.get("progress")
    if p is None:
        return "muted"
    if p >= 1:
        return "good"
    if p < 0:
        return "bad"
    return None


def _deadline_tone(row: Row) -> str | None:
    d = row.get("deadline")
    p = row.get("progress")
    if d is not None and d < dt.date.today() and (p is None or p < 1):
        return "bad"
    return None
