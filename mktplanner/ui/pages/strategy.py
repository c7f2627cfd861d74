"""SWOT & strategy: mission and values, the SWOT items, and the strategic options (TOWS)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QSplitter, QWidget

from mktplanner.ui import texts
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.fields import TextField


class StrategyPage(Page):
    page_id = "strategy"
    tables = frozenset({"plan", "swot_item", "tows_option", "goal", "goal_swot"})

    def subtitle(self) -> str:
        return self.tr(
            "Where the business stands: strengths and weaknesses inside, opportunities and "
            "threats outside, and what to do about them."
        )

    def build(self) -> None:
        self.choices: Any = None
        profile = QWidget()
        grid = QGridLayout(profile)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(4)
        self.mission = TextField(self._save_profile("mission"), max_length=4000, lines=2)
        self.mission.setPlaceholderText(self.tr("What the company does, for whom, and why."))
        self.values = TextField(self._save_profile("values"), max_length=4000, lines=2)
        self.values.setPlaceholderText(self.tr("What the company will and will not do."))
        for column, (caption, widget) in enumerate(
            (
                (texts.field_label("mission"), self.mission),
                (texts.field_label("values"), self.values),
            )
        ):
            title = QLabel(caption)
            title.setObjectName("SectionTitle")
            grid.addWidget(title, 0, column)
            grid.addWidget(widget, 1, column)
        self.body.addWidget(profile)

        self.swot = self.table_block(
            "swot_item",
            [
                Col(
                    "quadrant",
                    label("quadrant"),
                    "enum",
                    field="quadrant",
                    enum="quadrant",
                    nullable=False,
                    tone=_quadrant_tone,
                    bold=True,
                ),
                Col(
                    "text",
                    label("text"),
                    field="text",
                    stretch=2,
                    nullable=False,
                    max_length=500,
                ),
                Col("weight", label("weight"), "int", field="weight", nullable=False),
                Col(
                    "source", label("source"), "enum", field="source", enum="source", nullable=False
                ),
                Col("note", label("note"), field="note", max_length=4000, stretch=1),
                Col("goals", lambda: self.tr("Goals"), "int"),
            ],
            title=self.tr("SWOT analysis"),
            hint=self.tr("Weight: importance from 1 to 5. Source: who said it."),
            empty=self.tr(
                "No SWOT items yet. Start with a strength: what helps us reach the goals?"
            ),
            add_text=self.tr("Add SWOT item"),
            delete_text=self.tr("Delete"),
            new_row=self._new_item,
        )
        self.tows = self.table_block(
            "tows_option",
            [
                Col(
                    "kind",
                    lambda: self.tr("Type"),
                    display=lambda r, _f: texts.enum_label("tows", r["kind"]),
                    max_width=140,
                ),
                Col(
                    "internal_text",
                    label("internal_id"),
                    "ref",
                    field="internal_id",
                    choices=ref_choices(self, "internal_items"),
                    max_width=220,
                ),
                Col(
                    "external_text",
                    label("external_id"),
                    "ref",
                    field="external_id",
                    choices=ref_choices(self, "external_items"),
                    max_width=220,
                ),
                Col(
                    "text",
                    lambda: self.tr("Option"),
                    field="text",
                    stretch=2,
                    nullable=False,
                    max_length=500,
                ),
                Col(
                    "goal_title",
                    label("goal_id"),
                    "ref",
                    field="goal_id",
                    choices=ref_choices(self, "goals"),
                    max_width=200,
                ),
            ],
            title=self.tr("Strategic options (TOWS)"),
            hint=self.tr(
                "Pair a strength or weakness with an opportunity or threat: use, "
                "defend, improve or avoid."
            ),
            empty=self.tr(
                "No strategic options yet. Pair an internal factor with an external "
                "one to find what to do."
            ),
            add_text=self.tr("Add option"),
            delete_text=self.tr("Delete"),
            new_row=self._new_option,
        )
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.swot.section)
        splitter.addWidget(self.tows.section)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.body.addWidget(splitter, 1)

    def _save_profile(self, column: str) -> Any:
        def save(value: str) -> bool:
            return self.update_row("plan", 1, {column: value})

        return save

    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self.mission.setReadOnly(self.read_only)
        self.values.setReadOnly(self.read_only)

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        plan = self.doc.plan
        profile = views.plan_profile(plan)
        self.mission.set_value(profile.mission)
        self.values.set_value(profile.values)
        self.choices = views.choices(plan)
        self.swot.set_rows(views.swot_items(plan))
        self.tows.set_rows(views.tows_options(plan))

    def _new_item(self) -> dict[str, Any]:
        row = self.swot.view.current_row() or {}
        quadrant = row.get("quadrant", "S")
        return {
            "quadrant": quadrant,
            "text": self.tr("New item"),
            "position": self.swot.model.rowCount(),
        }

    def _new_option(self) -> dict[str, Any] | None:
        from mktplanner.ui import dialogs

        choices = self.choices
        if choices is None or not choices.internal_items or not choices.external_items:
            dialogs.message(
                self.window(),
                "info",
                dialogs.app_title(),
                self.tr("A strategic option pairs two SWOT items."),
                self.tr(
                    "Add at least one strength or weakness and one opportunity or threat first."
                ),
            )
            return None
        return {
            "internal_id": choices.internal_items[0][0],
            "external_id": choices.external_items[0][0],
            "text": self.tr("New option"),
            "position": self.tows.model.rowCount(),
        }


def _quadrant_tone(row: Row) -> str | None:
    return {"S": "good", "W": "warn", "O": None, "T": "bad"}.get(row.get("quadrant") or "")
