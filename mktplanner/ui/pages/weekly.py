"""Weekly plans: the team, each person's plan per ISO week, and the tasks of the selected week."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QVBoxLayout, QWidget

from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices


class WeeklyPage(Page):
    page_id = "weekly"
    tables = frozenset({"weekly_plan", "weekly_task", "weekly_metric", "person", "action", "plan"})

    def subtitle(self) -> str:
        return self.tr(
            "What each person does this week, how long it takes, and what comes out of it. "
            "Planned hours should stay within about two thirds of the working time."
        )

    def build(self) -> None:
        self.choices: Any = None
        self.weeks = self.table_block(
            "weekly_plan",
            [
                Col(
                    "week",
                    lambda: self.tr("Week"),
                    display=lambda r, f: f.week(r["iso_year"], r["iso_week"]),
                    bold=True,
                    max_width=320,
                ),
                Col(
                    "person_name",
                    label("person_id"),
                    "ref",
                    field="person_id",
                    choices=ref_choices(self, "people"),
                    nullable=False,
                    stretch=1,
                ),
                Col("state", label("state"), "enum", enum="state", tone=_state_tone),
                Col("tasks", lambda: self.tr("Tasks"), "int"),
                Col("planned_hours", lambda: self.tr("Planned, h"), "hours"),
                Col("capacity_hours", lambda: self.tr("Capacity, h"), "hours"),
                Col("load", lambda: self.tr("Load"), "percent", tone=_load_tone),
                Col("actual_hours", lambda: self.tr("Actual, h"), "hours"),
            ],
            title=self.tr("Weekly plans"),
            hint=self.tr(
                "Capacity = weekly hours × (1 − unplannable share) × plannable share of the plan."
            ),
            empty=self.tr("No weekly plans yet. Add the team first, then a plan for this week."),
            add_text=self.tr("Add weekly plan"),
            delete_text=self.tr("Delete"),
            new_row=self._new_week,
        )
        self.tasks = self.table_block(
            "weekly_task",
            [
                Col("done", lambda: self.tr("Done"), "bool", field="done"),
                Col(
                    "description",
                    label("description"),
                    field="description",
                    stretch=1,
                    nullable=False,
                    max_length=500,
                ),
                Col(
                    "end_product",
                    label("end_product"),
                    field="end_product",
                    stretch=1,
                    max_length=500,
                ),
                Col(
                    "action_title",
                    label("action_id"),
                    "ref",
                    field="action_id",
                    choices=ref_choices(self, "actions"),
                    max_width=200,
                ),
                Col(
                    "est_hours",
                    lambda: self.tr("Estimate, h"),
                    "hours",
                    field="est_hours",
                    nullable=False,
                ),
                Col("actual_hours", lambda: self.tr("Actual, h"), "hours", field="actual_hours"),
            ],
            title=self.tr("Tasks of the selected week"),
            hint=self.tr("Every task names its end product: a checkable result."),
            empty=self.tr("Select a weekly plan above to see its tasks."),
            add_text=self.tr("Add task"),
            delete_text=self.tr("Delete"),
            new_row=self._new_task,
        )
        self.people = self.table_block(
            "person",
            [
                Col(
                    "name",
                    label("name"),
                    field="name",
                    stretch=1,
                    nullable=False,
                    max_length=200,
                    bold=True,
                ),
                Col("role", label("role"), field="role", width=160, max_width=240, max_length=200),
                Col(
                    "weekly_hours",
                    label("weekly_hours"),
                    "hours",
                    field="weekly_hours",
                    nullable=False,
                ),
                Col(
                    "unplannable_share",
                    label("unplannable_share"),
                    "share",
                    field="unplannable_share",
                    nullable=False,
                ),
                Col(
                    "manager_name",
                    label("manager_id"),
                    "ref",
                    field="manager_id",
                    choices=ref_choices(self, "people"),
                    max_width=180,
                ),
                Col("actions", lambda: self.tr("Actions"), "int"),
            ],
            title=self.tr("Team"),
            hint=self.tr(
                "Unplannable share: time that cannot be planned, e.g. 40 % for an "
                "inbound-calls manager."
            ),
            empty=self.tr("No people yet. Add the people who do the work."),
            add_text=self.tr("Add person"),
            delete_text=self.tr("Delete"),
            new_row=self._new_person,
        )
        weeks_tab = QWidget()
        weeks_layout = QVBoxLayout(weeks_tab)
        weeks_layout.setContentsMargins(0, 12, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.weeks.section)
        splitter.addWidget(self.tasks.section)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        weeks_layout.addWidget(splitter)
        team_tab = QWidget()
        team_layout = QVBoxLayout(team_tab)
        team_layout.setContentsMargins(0, 12, 0, 0)
        team_layout.addWidget(self.people.section)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(weeks_tab, self.tr("Weekly plans"))
        self.tabs.addTab(team_tab, self.tr("Team"))
        self.body.addWidget(self.tabs, 1)
        self.weeks.view.selectionModel().currentRowChanged.connect(self._load_tasks)

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        plan = self.doc.plan
        self.choices = views.choices(plan)
        self.people.set_rows(views.people(plan))
        self.weeks.set_rows(views.weekly_plans(plan))
        if self.weeks.view.current_row() is None and self.weeks.model.rowCount():
            self.weeks.view.selectRow(0)
        self._load_tasks()

    def _load_tasks(self, *_: Any) -> None:
        from mktplanner.services import views

        week = self.weeks.view.current_row()
        add = self.tasks.section.add_button
        if add is not None:
            add.setEnabled(week is not None)
        if self.doc is None or week is None:
            self.tasks.model.set_rows([])
            return
        self.tasks.set_rows(views.weekly_tasks(self.doc.plan, week["id"]))

    def _new_person(self) -> dict[str, Any]:
        return {"name": self.tr("New person")}

    def _new_week(self) -> dict[str, Any] | None:
        from mktplanner.ui import dialogs

        people = self.choices.people if self.choices is not None else []
        if not people:
            dialogs.message(
                self.window(),
                "info",
                dialogs.app_title(),
                self.tr("A weekly plan belongs to a person."),
                self.tr("Add the team first (the Team tab)."),
            )
            self.tabs.setCurrentIndex(1)
            return None
        current = self.weeks.view.current_row()
        person = current["person_id"] if current else people[0][0]
        taken = {
            (r["iso_year"], r["iso_week"])
            for r in self.weeks.model.rows
            if r["person_id"] == person
        }
        day = dt.date.today()
        while (day.isocalendar().year, day.isocalendar().week) in taken:
            day += dt.timedelta(days=7)
        iso = day.isocalendar()
        return {"person_id": person, "iso_year": iso.year, "iso_week": iso.week}

    def _new_task(self) -> dict[str, Any] | None:
        week = self.weeks.view.current_row()
        if week is None:
            return None
        return {
            "weekly_plan_id": week["id"],
            "description": self.tr("New task"),
            "est_hours": 1.0,
            "position": self.tasks.model.rowCount(),
        }


def _state_tone(row: Row) -> str | None:
    return {"approved": "good", "closed": "muted", "submitted": "warn"}.get(row.get("state") or "")


def _load_tone(row: Row) -> str | None:
    load = row.get("load")
    if load is None:
        return "muted"
    if load > 1.0:
        return "bad"
    if load > 0.9:
        return "warn"
    return None
