"""The manager's view of the team: one row per person for a chosen week, and the same figures
over several weeks (one figure at a time, chosen above the grid).

The figures come ready from ``services.weekly`` (``WeekFigures``, ``TeamHistory``); this
widget only formats them. Double-clicking a person (or a cell of the grid) asks the page to
open that person's week (``open_week(person_id, iso_year, iso_week)``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.fmt import DASH, Formatter
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.widgets.table import DataTable, TableSection
from mktplanner.ui.widgets.week_nav import WeekNavigator

HISTORY_WEEKS = 8
FIGURES = ("load", "done_share", "attainment", "linked_share", "planned_hours")


def section_head(section: TableSection) -> QBoxLayout:
    """The row of a TableSection that holds its title and buttons (to add one more)."""
    outer = section.layout()
    item = outer.itemAt(0) if outer is not None else None
    head = item.layout() if item is not None else None
    if not isinstance(head, QBoxLayout):
        raise TypeError("a TableSection starts with its head row")
    return head


def level_tone(row: Row) -> str | None:
    return {"red": "bad", "amber": "warn"}.get(str(row.get("level") or ""))


def _share_tone(key: str) -> Callable[[Row], str | None]:
    def tone(row: Row) -> str | None:
        value = row.get(key)
        if value is None:
            return "muted"
        if key == "attainment":
            return "good" if value >= 1 else ("warn" if value < 0.9 else None)
        return None

    return tone


class TeamView(QWidget):
    open_week = Signal(int, int, int)

    def __init__(self, fmt: Callable[[], Formatter], parent: QWidget | None = None):
        super().__init__(parent)
        self._fmt = fmt
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        self.nav = WeekNavigator(fmt)
        top = QHBoxLayout()
        top.addWidget(self.nav)
        top.addStretch(1)
        layout.addLayout(top)

        self.week_model = RowTableModel(self._week_columns(), fmt=fmt, dark=theme.is_dark)
        self.week_view = DataTable(self.week_model)
        self.week_view.set_empty_text(
            self.tr("Nobody works in this week. Add people on the People tab.")
        )
        self.week_section = TableSection(
            self.tr("The team in this week"),
            self.tr("Double-click a person to open their week."),
            self.week_view,
        )
        self.week_view.doubleClicked.connect(self._open_from_week)

        self.history_model = RowTableModel([], fmt=fmt, dark=theme.is_dark)
        self.history_view = DataTable(self.history_model)
        self.history_view.set_empty_text(self.tr("No weekly plans in these weeks."))
        self.history_section = TableSection(
            self.tr("Week by week"),
            self.tr(
                "The same figures up to the week after the chosen one; double-click a cell to "
                "open that week."
            ),
            self.history_view,
        )
        self.figure = QComboBox()
        self.figure.setAccessibleName(self.tr("Figure shown"))
        for key, label in self._figure_labels().items():
            self.figure.addItem(label, key)
        self.figure.currentIndexChanged.connect(self._refill_history)
        head = section_head(self.history_section)
        caption = QLabel(self.tr("Show"))
        caption.setObjectName("Muted")
        caption.setBuddy(self.figure)
        head.addWidget(caption, 0, Qt.AlignmentFlag.AlignBottom)
        head.addWidget(self.figure, 0, Qt.AlignmentFlag.AlignBottom)
        self.history_view.doubleClicked.connect(self._open_from_history)
        self._history: Any = None

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.week_section)
        splitter.addWidget(self.history_section)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter, 1)

    # --- the week -------------------------------------------------------------------------
    def _week_columns(self) -> list[Col]:
        return [
            Col("name", lambda: self.tr("Person"), bold=True, stretch=1, max_width=260),
            Col(
                "state",
                lambda: self.tr("State"),
                "enum",
                enum="state",
                display=self._state_text,
                tone=lambda r: None if r.get("state") else "muted",
            ),
            Col("planned_hours", lambda: self.tr("Planned, h"), "hours", tone=level_tone),
            Col("capacity", lambda: self.tr("Capacity, h"), "hours"),
            Col("load", lambda: self.tr("Load"), "percent", tone=level_tone),
            Col(
                "done_share",
                lambda: self.tr("Tasks done"),
                "percent",
                display=self._done_text,
                tone=_share_tone("done_share"),
            ),
            Col(
                "attainment",
                lambda: self.tr("Targets reached"),
                "percent",
                tone=_share_tone("attainment"),
            ),
            Col(
                "linked_share",
                lambda: self.tr("Hours for goals"),
                "percent",
                tone=_share_tone("linked_share"),
            ),
        ]

    def _state_text(self, row: Row, fmt: Formatter) -> str:
        state = row.get("state")
        return texts.enum_label("state", state) if state else self.tr("no plan")

    def _done_text(self, row: Row, fmt: Formatter) -> str:
        if not row.get("tasks"):
            return DASH
        return self.tr("{share} ({done} of {tasks})").format(
            share=fmt.percent(row["done_share"]), done=row["tasks_done"], tasks=row["tasks"]
        )

    def set_week_rows(self, figures: list[Any]) -> None:
        current = self.week_view.current_row()
        rows = []
        for f in figures:
            row = asdict(f)
            row["id"] = f.person_id
            row["level"] = str(f.level)
            rows.append(row)
        self.week_model.set_rows(rows)
        if current is not None:
            self.week_view.select_id(current.get("id"))

    def _open_from_week(self, index: QModelIndex) -> None:
        row = self.week_model.row_at(index.row())
        if row is not None:
            self.open_week.emit(int(row["person_id"]), int(row["iso_year"]), int(row["iso_week"]))

    # --- several weeks ----------------------------------------------------------------------
    def _figure_labels(self) -> dict[str, str]:
        return {
            "load": self.tr("Load (planned ÷ capacity)"),
            "done_share": self.tr("Tasks done"),
            "attainment": self.tr("Targets reached"),
            "linked_share": self.tr("Hours for goals"),
            "planned_hours": self.tr("Planned hours"),
        }

    def figure_key(self) -> str:
        return str(self.figure.currentData() or "load")

    def set_history(self, history: Any) -> None:
        self._history = history
        self._refill_history()

    def _refill_history(self, *_: Any) -> None:
        history = self._history
        if history is None:
            self.history_model.columns = []
            self.history_model.set_rows([])
            return
        key = self.figure_key()
        columns = [Col("name", lambda: self.tr("Person"), bold=True, stretch=1, max_width=260)]
        for wk in history.weeks:
            columns.append(self._week_col(wk.year, wk.week, key))
        rows: list[Row] = []
        for pid, name in history.people:
            row: Row = {"id": pid, "name": name}
            for wk in history.weeks:
                row[f"{wk.year}-{wk.week}"] = history.cells.get((pid, wk.year, wk.week))
            rows.append(row)
        self.history_model.beginResetModel()
        self.history_model.columns = columns
        self.history_model.rows = rows
        self.history_model.endResetModel()

    def _week_col(self, year: int, week: int, key: str) -> Col:
        cell_key = f"{year}-{week}"

        def text(row: Row, fmt: Formatter) -> str:
            f = row.get(cell_key)
            if f is None:
                return ""
            if f.weekly_plan_id is None:
                return DASH
            value = getattr(f, key)
            if key == "planned_hours":
                return fmt.number(value, 1)
            return fmt.percent(value)

        def tone(row: Row) -> str | None:
            f = row.get(cell_key)
            if f is None or f.weekly_plan_id is None:
                return "muted"
            if key in ("load", "planned_hours"):
                return level_tone({"level": str(f.level)})
            return _share_tone(key)({key: getattr(f, key)})

        def tip(row: Row) -> str:
            f = row.get(cell_key)
            fmt = self._fmt()
            if f is None:
                return ""
            if f.weekly_plan_id is None:
                return self.tr("{person}: no plan in {week}").format(
                    person=f.name, week=fmt.week(year, week)
                )
            return self.tr("{person}, {week}: {planned} h of {capacity} h planned").format(
                person=f.name,
                week=fmt.week(year, week),
                planned=fmt.number(f.planned_hours, 1),
                capacity=fmt.number(f.capacity, 1),
            )

        return Col(
            cell_key,
            lambda: self.tr("Wk {week}").format(week=week),
            "percent",
            display=text,
            tone=tone,
            tooltip=tip,
            width=64,
            max_width=110,
        )

    def _open_from_history(self, index: QModelIndex) -> None:
        row = self.history_model.row_at(index.row())
        if row is None or index.column() == 0:
            return
        f = row.get(self.history_model.columns[index.column()].key)
        if f is not None:
            self.open_week.emit(int(f.person_id), int(f.iso_year), int(f.iso_week))
