"""Budget & control: how the budget is set, the monthly lines, the expenses, the control points."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from mktplanner.ui import texts
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.fields import ChoiceField, LineField


class BudgetPage(Page):
    page_id = "budget"
    tables = frozenset(
        {
            "budget",
            "budget_line",
            "expense",
            "control_point",
            "control_check",
            "channel",
            "action",
            "person",
            "hypothesis",
        }
    )

    def subtitle(self) -> str:
        return self.tr(
            "The money: what is planned per month and channel, what was spent, and who checks "
            "it how often."
        )

    def build(self) -> None:
        self.choices: Any = None
        settings = QHBoxLayout()
        settings.setSpacing(10)
        self.mode = ChoiceField(lambda v: self.update_row("budget", self._budget_id, {"mode": v}))
        self.total = LineField(self._save_total)
        self.total.setFixedWidth(140)
        self.total.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.basis = ChoiceField(lambda v: self.update_row("budget", self._budget_id, {"basis": v}))
        for combo in (self.mode, self.basis):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._budget_id: Any = 1
        caption = QLabel(self.tr("Budget:"))
        caption.setObjectName("SectionTitle")
        settings.addWidget(caption)
        settings.addWidget(self.mode)
        self.total_caption = QLabel(self.tr("fixed sum"))
        settings.addWidget(self.total_caption)
        settings.addWidget(self.total)
        settings.addWidget(self.basis)
        settings.addStretch(1)
        self.body.addLayout(settings)
        self.summary = QLabel()
        self.summary.setObjectName("Muted")
        self.body.addWidget(self.summary)

        self.lines = self.table_block(
            "budget_line",
            [
                Col("month", label("month"), "month", field="month", nullable=False, bold=True),
                Col(
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    stretch=1,
                ),
                Col(
                    "action_title",
                    label("action_id"),
                    "ref",
                    field="action_id",
                    choices=ref_choices(self, "actions"),
                    stretch=1,
                ),
                Col(
                    "amount_minor",
                    lambda: self.tr("Plan"),
                    "money",
                    field="amount_minor",
                    nullable=False,
                    width=110,
                ),
                Col("spent_minor", lambda: self.tr("Spent"), "money", width=110),
                Col("left_minor", lambda: self.tr("Left"), "money", tone=_left_tone, width=110),
            ],
            title=self.tr("Budget lines"),
            hint=self.tr("Planned money per month for a channel or an action."),
            empty=self.tr(
                "No budget lines yet. Plan the first month: how much goes to which channel?"
            ),
            add_text=self.tr("Add line"),
            delete_text=self.tr("Delete"),
            new_row=self._new_line,
        )
        self.expenses = self.table_block(
            "expense",
            [
                Col("date", label("date"), "date", field="date", nullable=False),
                Col(
                    "amount_minor",
                    label("amount_minor"),
                    "money",
                    field="amount_minor",
                    nullable=False,
                    bold=True,
                    width=110,
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
                    "action_title",
                    label("action_id"),
                    "ref",
                    field="action_id",
                    choices=ref_choices(self, "actions"),
                    max_width=220,
                ),
                Col(
                    "payee", label("payee"), field="payee", width=140, max_width=200, max_length=200
                ),
                Col("note", label("note"), field="note", stretch=1, max_length=4000),
            ],
            title=self.tr("Expenses"),
            hint=self.tr("What was actually paid, newest first. A refund is a negative amount."),
            empty=self.tr("No expenses recorded yet."),
            add_text=self.tr("Add expense"),
            delete_text=self.tr("Delete"),
            new_row=self._new_expense,
        )
        self.controls = self.table_block(
            "control_point",
            [
                Col(
                    "target",
                    lambda: self.tr("Controls"),
                    "enum",
                    field="target",
                    enum="target",
                    nullable=False,
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
                    "action_title",
                    label("action_id"),
                    "ref",
                    field="action_id",
                    choices=ref_choices(self, "actions"),
                    stretch=1,
                ),
                Col(
                    "controller_name",
                    label("controller_id"),
                    "ref",
                    field="controller_id",
                    choices=ref_choices(self, "people"),
                    max_width=170,
                ),
                Col(
                    "cadence",
                    label("cadence"),
                    "enum",
                    field="cadence",
                    enum="cadence",
                    nullable=False,
                ),
                Col(
                    "limit_minor",
                    label("limit_minor"),
                    "money",
                    field="limit_minor",
                    nullable=False,
                    width=110,
                ),
                Col("next_due", label("next_due"), "date", field="next_due", tone=_due_tone),
                Col(
                    "last_verdict",
                    lambda: self.tr("Last check"),
                    "enum",
                    enum="verdict",
                    display=self._verdict,
                    tone=_verdict_tone,
                ),
            ],
            title=self.tr("Control points"),
            hint=self.tr("Who checks the spending of what, how often, and against which limit."),
            empty=self.tr(
                "No control points yet. Without control, a fifth of an online budget "
                "can simply evaporate."
            ),
            add_text=self.tr("Add control point"),
            delete_text=self.tr("Delete"),
            new_row=self._new_control,
        )
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for block, title in (
            (self.lines, self.tr("Budget lines")),
            (self.expenses, self.tr("Expenses")),
            (self.controls, self.tr("Control points")),
        ):
            tab = QWidget()
            layout = QVBoxLayout(tab)
            layout.setContentsMargins(0, 12, 0, 0)
            layout.addWidget(block.section)
            self.tabs.addTab(tab, title)
        self.body.addWidget(self.tabs, 1)

    def _verdict(self, row: Row, fmt: Any) -> str:
        if not row.get("last_verdict"):
            return self.tr("not checked yet")
        return "{} · {}".format(
            texts.enum_label("verdict", row["last_verdict"]), fmt.short_date(row.get("last_check"))
        )

    def _save_total(self, text: str) -> bool:
        from mktplanner.ui.fmt import ParseError

        try:
            value = self.fmt.parse_money(text)
        except ParseError as exc:
            from mktplanner.ui import dialogs

            dialogs.show_parse_error(self.window(), "total_minor", exc.code, exc.params)
            return False
        return self.update_row("budget", self._budget_id, {"total_minor": value or 0})

    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        for w in (self.mode, self.total, self.basis):
            w.setEnabled(not self.read_only)

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        plan = self.doc.plan
        self.choices = views.choices(plan)
        settings = views.budget_settings(plan)
        self._budget_id = settings["id"] or 1
        self.mode.set_choices(texts.enum_choices("mode"), settings["mode"])
        self.basis.set_choices(texts.enum_choices("basis"), settings["basis"])
        self.total.set_value(self.fmt.money_plain(settings["total_minor"]))
        fixed = settings["mode"] == "bottom_up"
        for w in (self.total, self.basis, self.total_caption):
            w.setVisible(fixed)
        totals = views.budget_totals(plan)
        self.summary.setText(
            self.tr("Planned {planned} · actions need {needed} · spent {spent}").format(
                planned=self.fmt.money(totals["planned_minor"]),
                needed=self.fmt.money(totals["actions_minor"]),
                spent=self.fmt.money(totals["spent_minor"]),
            )
        )
        self.lines.set_rows(views.budget_lines(plan))
        self.expenses.set_rows(views.expenses(plan))
        self.controls.set_rows(views.control_points(plan))

    def _new_line(self) -> dict[str, Any] | None:
        channels = self.choices.channels if self.choices is not None else []
        month = dt.date.today().replace(day=1)
        used = {
            (r["month"], r["channel_id"]) for r in self.lines.model.rows if r["action_id"] is None
        }
        for cid, _name in channels:
            if (month, cid) not in used:
                return {"month": month, "channel_id": cid, "amount_minor": 0}
        return {
            "month": month,
            "channel_id": channels[0][0] if channels else None,
            "amount_minor": 0,
        }

    def _new_expense(self) -> dict[str, Any]:
        row = self.expenses.view.current_row() or {}
        return {"date": dt.date.today(), "amount_minor": 0, "channel_id": row.get("channel_id")}

    def _new_control(self) -> dict[str, Any]:
        return {
            "target": "budget",
            "cadence": "monthly",
            "limit_minor": 0,
            "next_due": dt.date.today() + dt.timedelta(days=7),
        }


def _left_tone(row: Row) -> str | None:
    left = row.get("left_minor")
    return "bad" if left is not None and left < 0 else None


def _due_tone(row: Row) -> str | None:
    due = row.get("next_due")
    return "bad" if due is not None and due < dt.date.today() else None


def _verdict_tone(row: Row) -> str | None:
    verdict = row.get("last_verdict")
    if not verdict:
        return "muted"
    return {"ok": "good", "warning": "warn"}.get(verdict, "bad")
