"""Overview: the plan's profile, its key figures, and how each goal is doing."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QFormLayout, QGridLayout, QHBoxLayout, QLabel, QWidget

from mktplanner.ui import texts
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label
from mktplanner.ui.widgets.cards import Card
from mktplanner.ui.widgets.fields import LineField


class OverviewPage(Page):
    page_id = "overview"
    tables = frozenset(
        {
            "plan",
            "goal",
            "measurement",
            "action",
            "person",
            "budget_line",
            "expense",
            "control_point",
            "hypothesis",
            "weekly_plan",
            "swot_item",
        }
    )

    def subtitle(self) -> str:
        return self.tr("The plan at a glance: goals, actions, money and control.")

    def build(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(24)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self.name = LineField(lambda v: self.update_row("plan", 1, {"name": v}), max_length=200)
        self.company = LineField(
            lambda v: self.update_row("plan", 1, {"company": v}), max_length=200
        )
        self.currency = QLabel()
        self.period = QLabel()
        form.addRow(texts.field_label("name"), self.name)
        form.addRow(texts.field_label("company"), self.company)
        form.addRow(texts.field_label("currency"), self.currency)
        form.addRow(self.tr("Tactical period"), self.period)
        profile = QWidget()
        profile.setLayout(form)
        profile.setMinimumWidth(440)
        profile.setMaximumWidth(520)
        top.addWidget(profile, 0)
        top.addStretch(1)
        self.body.addLayout(top)

        grid = QGridLayout()
        grid.setSpacing(12)
        self.card_goals = Card(self.tr("Goals"))
        self.card_actions = Card(self.tr("Actions"))
        self.card_budget = Card(self.tr("Budget spent"))
        self.card_month = Card(self.tr("This month"))
        self.card_control = Card(self.tr("Overdue checks"))
        self.card_tests = Card(self.tr("Hypotheses"))
        cards = [
            self.card_goals,
            self.card_actions,
            self.card_budget,
            self.card_month,
            self.card_control,
            self.card_tests,
        ]
        for i, card in enumerate(cards):
            grid.addWidget(card, 0, i)
        self.body.addLayout(grid)

        self.goals = self.table_block(
            "goal",
            [
                Col("title", label("title"), stretch=1, bold=True),
                Col("baseline", label("baseline"), "float"),
                Col("latest_value", self._latest_title, "float"),
                Col("target", label("target"), "float"),
                Col("progress", lambda: self.tr("Progress"), "percent", tone=_track_tone),
                Col("expected", lambda: self.tr("Expected"), "percent"),
                Col("track", lambda: self.tr("Track"), display=self._track, tone=_track_tone),
                Col("deadline", label("deadline"), "date"),
            ],
            title=self.tr("Goals and their progress"),
            hint=self.tr(
                "A goal is off track when its progress lags more than 10 points "
                "behind the time elapsed."
            ),
            empty=self.tr("No goals yet. Set them on the Goals page."),
        )
        self.body.addWidget(self.goals.section, 1)

    def _latest_title(self) -> str:
        return self.tr("Latest")

    def _track(self, row: Row, _fmt: Any) -> str:
        return {
            "on_track": self.tr("On track"),
            "off_track": self.tr("Off track"),
            "reached": self.tr("Reached"),
        }.get(row.get("track") or "", self.tr("No data"))

    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self.name.setReadOnly(self.read_only)
        self.company.setReadOnly(self.read_only)

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        plan = self.doc.plan
        fmt = self.fmt
        profile = views.plan_profile(plan)
        self.name.set_value(profile.name)
        self.company.set_value(profile.company)
        self.currency.setText(f"{profile.currency} ({fmt.currency_symbol()})")
        if profile.tactical_start is not None:
            from mktplanner.domain.rules.dates import add_months

            last = add_months(profile.tactical_start, max(profile.tactical_months, 1) - 1)
            self.period.setText(
                self.tr("{start} – {end} ({months} months)").format(
                    start=fmt.month(profile.tactical_start),
                    end=fmt.month(last),
                    months=profile.tactical_months,
                )
            )
        else:
            self.period.setText("—")
        o = views.overview(plan)
        rows = views.goal_progress(plan)
        off = sum(1 for r in rows if r.get("track") == "off_track")
        self.card_goals.set(
            fmt.integer(o["goals"]),
            self.tr("{n} off track").format(n=off) if off else self.tr("none off track"),
            "bad" if off else "good" if o["goals"] else "",
        )
        late, orphan = o["actions_late"], o["actions_without_owner"]
        notes = []
        if late:
            notes.append(self.tr("{n} late").format(n=late))
        if orphan:
            notes.append(self.tr("{n} without owner").format(n=orphan))
        self.card_actions.set(
            fmt.integer(o["actions"]),
            ", ".join(notes) or self.tr("{n} done").format(n=o["actions_done"]),
            "bad" if notes else "",
        )
        planned, spent = o["planned_minor"], o["spent_minor"]
        self.card_budget.set(
            fmt.money(spent, cents=False),
            self.tr("of {planned} planned").format(planned=fmt.money(planned, cents=False)),
            "bad" if planned and spent > planned else "",
        )
        self.card_month.set(
            fmt.money(o["spent_month_minor"], cents=False),
            self.tr("of {planned} planned").format(
                planned=fmt.money(o["planned_month_minor"], cents=False)
            ),
            "bad" if o["spent_month_minor"] > o["planned_month_minor"] else "",
        )
        overdue = o["checks_overdue"]
        self.card_control.set(
            fmt.integer(overdue),
            self.tr("next check {date}").format(date=fmt.short_date(o["next_check"]))
            if o["next_check"]
            else self.tr("no control points"),
            "bad" if overdue else "",
        )
        self.card_tests.set(
            fmt.integer(o["hypotheses"]),
            self.tr("{n} awaiting a decision").format(n=o["hypotheses_open"]),
        )
        self.goals.set_rows(rows)


def _track_tone(row: Row) -> str | None:
    return {"off_track": "bad", "reached": "good", "unknown": "muted"}.get(row.get("track") or "")
