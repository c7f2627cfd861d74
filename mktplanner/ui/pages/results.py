"""Results: each channel's figures per month and the KPIs derived from them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel

from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices


class ResultsPage(Page):
    page_id = "results"
    tables = frozenset({"channel_result", "channel", "expense"})

    def subtitle(self) -> str:
        return self.tr(
            "What each channel brought for its money: reach, leads, customers and revenue, "
            "and what one lead or one customer cost."
        )

    def build(self) -> None:
        self.choices: Any = None
        self._month: dt.date | None = None
        bar = QHBoxLayout()
        bar.setSpacing(10)
        caption = QLabel(label("month")())
        caption.setObjectName("SectionTitle")
        self.month_box = QComboBox()
        self.month_box.setObjectName("ResultsMonth")
        self.month_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.month_box.activated.connect(self._month_picked)
        bar.addWidget(caption)
        bar.addWidget(self.month_box)
        bar.addStretch(1)
        self.body.addLayout(bar)
        self.results = self.table_block(
            "channel_result",
            [
                Col(
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    nullable=False,
                    stretch=1,
                ),
                Col(
                    "spend_minor",
                    label("spend_minor"),
                    "money",
                    field="spend_minor",
                    edit_key="spend_entered_minor",
                    tooltip=self._spend_tip,
                ),
                Col(
                    "impressions", label("impressions"), "int", field="impressions", nullable=False
                ),
                Col("clicks", label("clicks"), "int", field="clicks", nullable=False),
                Col("leads", label("leads"), "int", field="leads", nullable=False),
                Col("customers", label("customers"), "int", field="customers", nullable=False),
                Col(
                    "revenue_minor",
                    label("revenue_minor"),
                    "money",
                    field="revenue_minor",
                    nullable=False,
                ),
                Col("ctr", lambda: "CTR", "percent", digits=1),
                Col("cpl_minor", lambda: "CPL", "money"),
                Col("cac_minor", lambda: "CAC", "money"),
                Col("romi", lambda: "ROMI", "percent", tone=_romi_tone),
            ],
            title=self.tr("Channel results"),
            hint=self.tr(
                "Spend left empty is taken from the month's expenses of the channel. "
                "“—”: not defined (nothing to divide by)."
            ),
            empty=self.tr(
                "No results for this month yet. Add a channel's figures: spend, clicks, "
                "leads, customers, revenue."
            ),
            add_text=self.tr("Add channel"),
            delete_text=self.tr("Delete"),
            new_row=self._new_result,
        )
        self.body.addWidget(self.results.section, 1)

    def _spend_tip(self, row: Row) -> str:
        if row.get("spend_entered_minor") is None:
            return self.tr("Taken from the expenses of this channel in this month")
        return ""

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        self.choices = views.choices(self.doc.plan)
        rows = views.channel_results(self.doc.plan)
        today = dt.date.today().replace(day=1)
        months = sorted({r["month"] for r in rows} | {today}, reverse=True)
        if self._month not in months:
            with_data = [m for m in months if any(r["month"] == m for r in rows)]
            self._month = with_data[0] if with_data else today
        self.month_box.clear()
        for m in months:
            self.month_box.addItem(self.fmt.month(m), m)
        self.month_box.setCurrentIndex(months.index(self._month))
        self.results.set_rows([r for r in rows if r["month"] == self._month])

    def _month_picked(self, index: int) -> None:
        self._month = self.month_box.itemData(index)
        self.refresh()

    def _new_result(self) -> dict[str, Any] | None:
        channels = self.choices.channels if self.choices is not None else []
        month = self._month or dt.date.today().replace(day=1)
        used = {r["channel_id"] for r in self.results.model.rows}
        for cid, _name in channels:
            if cid not in used:
                return {"month": month, "channel_id": cid}
        from mktplanner.ui import dialogs

        dialogs.message(
            self.window(),
            "info",
            dialogs.app_title(),
            self.tr("Every channel already has results for this month."),
            self.tr("Pick another month above, or add a channel first."),
        )
        return None


def _romi_tone(row: Row) -> str | None:
    romi = row.get("romi")
    if romi is None:
        return "muted"
    return "good" if romi > 0 else "bad"
