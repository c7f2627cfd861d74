"""Plan check: the plan's own checklist — what is missing or going wrong, and what to do next."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar

from mktplanner.ui import texts
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page


class CheckPage(Page):
    page_id = "check"
    tables = frozenset(
        {
            "plan",
            "swot_item",
            "tows_option",
            "goal",
            "goal_swot",
            "measurement",
            "action",
            "person",
            "weekly_plan",
            "weekly_task",
            "budget_line",
            "expense",
            "control_point",
            "control_check",
            "hypothesis",
            "finding_dismissal",
            "channel",
        }
    )

    def subtitle(self) -> str:
        return self.tr(
            "Are the goals measurable, does each have an action, does each action have an "
            "owner, a deadline and a budget, and is the money controlled?"
        )

    def build(self) -> None:
        head = QHBoxLayout()
        head.setSpacing(12)
        self.score_label = QLabel()
        self.score_label.setObjectName("SectionTitle")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setMaximumWidth(260)
        self.bar.setFixedHeight(8)
        self.counts = QLabel()
        self.counts.setObjectName("Muted")
        head.addWidget(self.score_label)
        head.addWidget(self.bar)
        head.addStretch(1)
        head.addWidget(self.counts)
        self.body.addLayout(head)
        self.findings = self.table_block(
            "finding_dismissal",
            [
                Col(
                    "severity",
                    lambda: self.tr("Severity"),
                    display=lambda r, _f: texts.severity_label(r["severity"]),
                    tone=_severity_tone,
                    bold=True,
                    max_width=120,
                ),
                Col(
                    "level",
                    lambda: self.tr("Level"),
                    display=lambda r, _f: texts.level_label(r["level"]),
                    max_width=140,
                ),
                Col("text", lambda: self.tr("Finding"), stretch=1),
                Col("next", lambda: self.tr("What to do"), width=260, max_width=380),
            ],
            title=self.tr("Findings"),
            hint=self.tr(
                "Most serious first. Fix a finding on its page; the check runs again "
                "after every change."
            ),
            empty=self.tr("Nothing to report: the plan passes every check."),
        )
        self.body.addWidget(self.findings.section, 1)

    def load(self) -> None:
        from mktplanner.services import health

        assert self.doc is not None
        report = health.check(self.doc.plan)
        fmt = self.fmt
        self.score_label.setText(
            self.tr("{passed} of {total} checks passed").format(
                passed=report.passed, total=report.total
            )
        )
        self.bar.setRange(0, max(report.total, 1))
        self.bar.setValue(report.passed if report.total else 1)
        counts = report.counts
        self.counts.setText(
            self.tr("{errors} problems · {warnings} warnings · {tips} tips").format(
                errors=counts.get("error", 0),
                warnings=counts.get("warning", 0),
                tips=counts.get("info", 0),
            )
        )
        rows: list[Row] = []
        for i, f in enumerate(report.active):
            rows.append(
                {
                    "id": i,
                    "code": f.code,
                    "severity": str(f.severity),
                    "level": str(f.level),
                    "text": texts.finding_text(f.code, dict(f.params), fmt),
                    "next": texts.next_step_text(f.next_step),
                    "ref": f.object_ref,
                }
            )
        self.findings.set_rows(rows)


def _severity_tone(row: Row) -> str | None:
    return {"error": "bad", "warning": "warn", "info": "muted"}.get(row.get("severity") or "")
