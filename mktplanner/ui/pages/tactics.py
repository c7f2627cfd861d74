"""Tactical plan: the actions that serve the goals — who, what, by when, for how much."""

from __future__ import annotations

import datetime as dt
from typing import Any

from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices


class TacticsPage(Page):
    page_id = "tactics"
    tables = frozenset({"action", "goal", "person", "channel", "direction", "expense"})

    def subtitle(self) -> str:
        return self.tr(
            "Each goal broken into concrete actions, with an owner, dates, a budget and a status."
        )

    def build(self) -> None:
        self.choices: Any = None
        self.action_table = self.table_block(
            "action",
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
                    "goal_title",
                    label("goal_id"),
                    "ref",
                    field="goal_id",
                    choices=ref_choices(self, "goals"),
                    max_width=200,
                ),
                Col(
                    "direction_name",
                    label("direction_id"),
                    "ref",
                    field="direction_id",
                    choices=ref_choices(self, "directions"),
                    max_width=140,
                ),
                Col(
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    max_width=160,
                ),
                Col(
                    "owner_name",
                    label("owner_id"),
                    "ref",
                    field="owner_id",
                    choices=ref_choices(self, "people"),
                    max_width=160,
                    tone=_owner_tone,
                    display=self._owner_text,
                ),
                Col("start", label("start"), "date", field="start"),
                Col("due", label("due"), "date", field="due", tone=_due_tone),
                Col("budget_minor", label("budget_minor"), "money", field="budget_minor"),
                Col(
                    "status",
                    label("status"),
                    "enum",
                    field="status",
                    enum="status",
                    nullable=False,
                    tone=_status_tone,
                ),
            ],
            title=self.tr("Actions"),
            hint=self.tr(
                "Late actions and actions without an owner are shown in red. What was spent on each "
                "action is on the Budget & control page."
            ),
            empty=self.tr(
                "No actions yet. Break a goal into the first concrete step: what, "
                "who, by when, for how much?"
            ),
            add_text=self.tr("Add action"),
            delete_text=self.tr("Delete"),
            new_row=self._new_action,
        )
        self.body.addWidget(self.action_table.section, 1)

    def _owner_text(self, row: Row, _fmt: Any) -> str:
        return row.get("owner_name") or self.tr("no owner")

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        self.choices = views.choices(self.doc.plan)
        self.action_table.set_rows(views.actions(self.doc.plan))

    def _new_action(self) -> dict[str, Any]:
        today = dt.date.today()
        row = self.action_table.view.current_row() or {}
        return {
            "title": self.tr("New action"),
            "goal_id": row.get("goal_id"),
            "start": today,
            "position": self.action_table.model.rowCount(),
        }


def _open(row: Row) -> bool:
    return row.get("status") in ("planned", "in_progress")


def _due_tone(row: Row) -> str | None:
    due = row.get("due")
    if due is not None and _open(row) and due < dt.date.today():
        return "bad"
    return None


def _owner_tone(row: Row) -> str | None:
    return "bad" if row.get("owner_id") is None and row.get("status") != "cancelled" else None


def _status_tone(row: Row) -> str | None:
    return {"done": "good", "cancelled": "muted"}.get(row.get("status") or "")
