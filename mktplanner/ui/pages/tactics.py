"""Tactical plan: the actions that serve the goals, by direction, month by month.

Three tabs under one filter bar (direction, goal, owner, status, month; grouping):

* **Actions** - the actions grouped by direction (or goal), sortable within the groups,
  edited in place (date pickers, person / goal / channel combo boxes, money in the plan's
  currency); below the table, the selected action's direction and repetition.
* **Timeline** - ``widgets.timeline``: a bar per action over the tactical period, dragged to
  move it (undoable), with the period's start and length and the zoom above it.
* **Directions & reporting** - the directions (renamed, added, coloured) and the plan's
  reporting rules (how often, who makes the report, who reads it, who acts on it).

A change the plan would refuse (a due date before the start, a negative budget...) is checked
first with ``services.tactics.check_change`` and refused in place, with its reason in the
strip above the tabs; nothing invalid is saved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSignalBlocker, QStringListModel, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.fmt import ParseError
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.fields import ChoiceField, LineField
from mktplanner.ui.widgets.grouped_table import GROUP, GroupedBlock, chip
from mktplanner.ui.widgets.notice import Notice
from mktplanner.ui.widgets.timeline import Bar, Group, TimelineData, TimelineWidget

NONE = -1  # the "no direction / no goal / no owner" entry of a filter
ALL_MONTHS_BACK, ALL_MONTHS_AHEAD = 12, 24  # months offered for the period's start


class TacticsPage(Page):
    page_id = "tactics"
    tables = frozenset({"action", "goal", "person", "channel", "direction", "expense", "plan"})
    timeline: TimelineWidget
    tab_names = ("", "timeline", "directions")  # screenshots: tactics-timeline.png...

    def subtitle(self) -> str:
        return self.tr(
            "Each goal broken into concrete actions, with an owner, dates, a budget and a status, "
            "month by month."
        )

    # --- building --------------------------------------------------------------------------
    def build(self) -> None:
        self.choices: Any = None
        self.rows_all: list[Row] = []
        self.visible: list[Row] = []
        self.today = dt.date.today()
        self.period: Any = None
        self.plan_key: int = 1
        self.sort: tuple[str | None, bool] = (None, False)
        self._syncing = False
        self._repeat_icon = _repeat_icon()
        self.filter_bar = QWidget()
        self.filter_bar.setLayout(self._build_filters())
        self.body.addWidget(self.filter_bar)
        self.notice = Notice()
        self.body.addWidget(self.notice)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_actions_tab(), self.tr("Actions"))
        self.tabs.addTab(self._build_timeline_tab(), self.tr("Timeline"))
        self.tabs.addTab(self._build_directions_tab(), self.tr("Directions && reporting"))
        self.grouping = self._build_grouping()
        self.tabs.setCornerWidget(self.grouping, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.body.addWidget(self.tabs, 1)

    def _build_filters(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(8)
        caption = QLabel(self.tr("Show:"))
        caption.setObjectName("Muted")
        bar.addWidget(caption)
        self.f_direction = self._filter_combo(
            self.tr("Filter by direction"), self.tr("All directions")
        )
        self.f_goal = self._filter_combo(self.tr("Filter by goal"), self.tr("All goals"))
        self.f_owner = self._filter_combo(self.tr("Filter by owner"), self.tr("All owners"))
        self.f_status = self._filter_combo(self.tr("Filter by status"), self.tr("All statuses"))
        self.f_month = self._filter_combo(self.tr("Filter by month"), self.tr("All months"))
        for combo in self.filters():
            bar.addWidget(combo)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setToolTip(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear_filters)
        self.clear_button.hide()
        bar.addWidget(self.clear_button)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("Muted")
        bar.addWidget(self.count_label)
        return bar

    def _build_grouping(self) -> QWidget:
        """The grouping choice, at the right of the tab bar (it applies to both views)."""
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 4)
        row.setSpacing(6)
        caption = QLabel(self.tr("Group:"))
        caption.setObjectName("Muted")
        row.addWidget(caption)
        self.group_by = QComboBox()
        self.group_by.setToolTip(self.tr("Group the actions"))
        for value, text in (
            ("direction", self.tr("by direction")),
            ("goal", self.tr("by goal")),
            ("none", self.tr("no grouping")),
        ):
            self.group_by.addItem(text, value)
        self.group_by.currentIndexChanged.connect(self._apply)
        caption.setBuddy(self.group_by)
        row.addWidget(self.group_by)
        return corner

    def _filter_combo(self, tip: str, everything: str) -> QComboBox:
        combo = QComboBox()
        combo.setToolTip(tip)
        combo.setAccessibleName(tip)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # "All ..." always reads whole; long goal titles are cut, the list shows them whole.
        combo.setMinimumWidth(combo.fontMetrics().horizontalAdvance(everything) + 44)
        combo.setMaximumWidth(max(200, combo.minimumWidth()))
        combo.view().setMinimumWidth(280)
        combo.currentIndexChanged.connect(self._apply)
        return combo

    def filters(self) -> list[QComboBox]:
        return [self.f_direction, self.f_goal, self.f_owner, self.f_status, self.f_month]

    def _build_actions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        self.action_table = GroupedBlock(
            self,
            "action",
            [
                Col(
                    "title",
                    label("title"),
                    field="title",
                    stretch=2,
                    nullable=False,
                    max_length=200,
                    bold=True,
                    tooltip=self._action_tip,
                ),
                Col(
                    "goal_title",
                    label("goal_id"),
                    "ref",
                    field="goal_id",
                    choices=ref_choices(self, "goals"),
                    max_width=140,
                ),
                Col(
                    "channel_name",
                    label("channel_id"),
                    "ref",
                    field="channel_id",
                    choices=ref_choices(self, "channels"),
                    max_width=120,
                ),
                Col(
                    "owner_name",
                    label("owner_id"),
                    "ref",
                    field="owner_id",
                    choices=ref_choices(self, "people"),
                    max_width=150,
                    tone=_owner_tone,
                    display=self._owner_text,
                ),
                Col("start", label("start"), "date", field="start"),
                Col("due", label("due"), "date", field="due", tone=_due_tone),
                Col(
                    "budget_minor",
                    label("budget_minor"),
                    "money",
                    field="budget_minor",
                    display=self._budget_text,
                    tone=_budget_tone,
                ),
                Col(
                    "expected_result",
                    label("expected_result"),
                    field="expected_result",
                    max_width=140,
                    max_length=4000,
                    tooltip=lambda r: r.get("expected_result") or "",
                ),
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
                "Double-click a cell to change it; click a column title to sort within the "
                "groups. Late actions and actions without an owner or a budget are marked."
            ),
            empty=self.tr(
                "No actions yet. Break a goal into the first concrete step: what, "
                "who, by when, for how much?"
            ),
            add_text=self.tr("Add action"),
            delete_text=self.tr("Delete"),
            new_row=self._new_action,
            on_edit=self._edit_cell,
            on_sort=self._sort,
            decoration=self._decoration,
        )
        layout.addWidget(self.action_table.section, 1)
        details = QHBoxLayout()
        details.setSpacing(8)
        self.direction_field = ChoiceField(self._save_selected("direction_id"))
        self.direction_field.setToolTip(label("direction_id")())
        self.recurrence_field = ChoiceField(self._save_selected("recurrence"))
        self.recurrence_field.setToolTip(label("recurrence")())
        for caption_text, field in (
            (label("direction_id")(), self.direction_field),
            (label("recurrence")(), self.recurrence_field),
        ):
            caption = QLabel(caption_text + ":")
            caption.setObjectName("Muted")
            caption.setBuddy(field)
            field.setMinimumWidth(150)
            details.addWidget(caption)
            details.addWidget(field)
        self.details_info = QLabel()
        self.details_info.setObjectName("Muted")
        self.details_info.setWordWrap(True)
        details.addSpacing(8)
        details.addWidget(self.details_info, 1)
        layout.addLayout(details)
        self.action_table.view.selectionModel().currentRowChanged.connect(self._table_selected)
        return tab

    def _build_timeline_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(8)
        tools = QHBoxLayout()
        tools.setSpacing(8)
        period_caption = QLabel(self.tr("Tactical period from"))
        period_caption.setObjectName("SectionTitle")
        tools.addWidget(period_caption)
        self.period_start = ChoiceField(self._save_period_start)
        self.period_start.setToolTip(label("tactical_start")())
        period_caption.setBuddy(self.period_start)
        tools.addWidget(self.period_start)
        for_caption = QLabel(self.tr("for"))
        tools.addWidget(for_caption)
        self.period_months = ChoiceField(self._save_period_months)
        self.period_months.setToolTip(label("tactical_months")())
        tools.addWidget(self.period_months)
        tools.addStretch(1)
        zoom_caption = QLabel(self.tr("Show:"))
        zoom_caption.setObjectName("Muted")
        tools.addWidget(zoom_caption)
        self.zoom_buttons = QButtonGroup(self)
        self.zoom_buttons.setExclusive(True)
        self.zoom_button: dict[str, QPushButton] = {}
        for zoom, text, tip in (
            ("quarter", self.tr("Quarter"), self.tr("Three months across the view (Ctrl++)")),
            ("half", self.tr("Half year"), self.tr("Six months across the view")),
            ("year", self.tr("Year"), self.tr("Twelve months across the view (Ctrl+−)")),
        ):
            button = QPushButton(text)
            button.setCheckable(True)
            button.setToolTip(tip)
            button.clicked.connect(lambda _c=False, z=zoom: self.timeline.set_zoom(z))
            self.zoom_buttons.addButton(button)
            self.zoom_button[zoom] = button
            tools.addWidget(button)
        self.today_button = QPushButton(self.tr("Today"))
        self.today_button.setToolTip(self.tr("Scroll to today (Home)"))
        self.today_button.clicked.connect(lambda: self.timeline.scroll_to_today())
        tools.addWidget(self.today_button)
        layout.addLayout(tools)
        hint = QLabel(
            self.tr(
                "Drag a bar to move the action, or its end to change the due date; Ctrl+Z "
                "undoes it. Keys: ←/→ move the selected action by a day (Ctrl: a week; "
                "Shift: the due date only), Enter opens it in the table."
            )
        )
        hint.setObjectName("SectionHint")
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.timeline = TimelineWidget(lambda: self.fmt)
        self.timeline.set_corner_text(self.tr("Action"))
        self.timeline.set_empty_text(
            self.tr("No actions to show. Add actions on the Actions tab, or clear the filters.")
        )
        self.timeline.move_requested.connect(self._move)
        self.timeline.selected.connect(self._timeline_selected)
        self.timeline.activated.connect(self.open_action)
        self.timeline.zoom_changed.connect(self._zoom_changed)
        self.timeline.view.setAccessibleName(self.tr("Timeline"))
        self.f_month.currentIndexChanged.connect(self._show_month)
        layout.addWidget(self.timeline, 1)
        self._zoom_changed(self.timeline.zoom)
        return tab

    def _build_directions_tab(self) -> QWidget:
        tab = QWidget()
        layout = QHBoxLayout(tab)
        layout.setContentsMargins(0, 10, 0, 0)
        layout.setSpacing(24)
        self.directions = GroupedBlock(
            self,
            "direction",
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
                Col("color", label("color"), field="color", max_length=7, width=110),
                Col("actions", lambda: self.tr("Actions"), "int"),
                Col("budget_minor", label("budget_minor"), "money"),
            ],
            title=self.tr("Directions"),
            hint=self.tr(
                "The areas the actions belong to, each with its colour on the timeline. "
                "Double-click a name or a colour (#RRGGBB) to change it."
            ),
            empty=self.tr("No directions. Add one: marketing, sales, finance, production, HR…"),
            add_text=self.tr("Add direction"),
            delete_text=self.tr("Delete"),
            new_row=self._new_direction,
            on_edit=self._edit_direction,
            decoration=_color_decoration,
        )
        left = QVBoxLayout()
        left.setSpacing(6)
        left.addWidget(self.directions.section, 1)
        self.color_button = QPushButton(self.tr("Choose colour…"))
        self.color_button.clicked.connect(self.choose_color)
        row = QHBoxLayout()
        row.addWidget(self.color_button)
        row.addStretch(1)
        left.addLayout(row)
        layout.addLayout(left, 3)
        layout.addLayout(self._build_reporting(), 2)
        return tab

    def _build_reporting(self) -> QVBoxLayout:
        box = QVBoxLayout()
        box.setSpacing(6)
        title = QLabel(self.tr("Reporting rules"))
        title.setObjectName("SectionTitle")
        box.addWidget(title)
        hint = QLabel(
            self.tr(
                "How often the plan is reported on, who makes the report, who reads it and "
                "who changes the activities because of it. They are printed in the meeting pack."
            )
        )
        hint.setObjectName("SectionHint")
        hint.setWordWrap(True)
        box.addWidget(hint)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.report_cadence = ChoiceField(self._save_report("report_cadence"))
        self.report_maker = LineField(self._save_report("report_maker"), max_length=200)
        self.report_reader = LineField(self._save_report("report_reader"), max_length=200)
        self.report_actor = LineField(self._save_report("report_actor"), max_length=200)
        self.report_maker.setPlaceholderText(self.tr("e.g. the marketing lead"))
        self.report_reader.setPlaceholderText(self.tr("e.g. the owner"))
        self.report_actor.setPlaceholderText(self.tr("e.g. the owner with the marketing lead"))
        self._people_names = QStringListModel(self)
        for field in (self.report_maker, self.report_reader, self.report_actor):
            completer = QCompleter(self._people_names, field)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            field.setCompleter(completer)
        form.addRow(self.tr("How often"), self.report_cadence)
        form.addRow(self.tr("Who makes the report"), self.report_maker)
        form.addRow(self.tr("Who reads it"), self.report_reader)
        form.addRow(self.tr("Who acts on it"), self.report_actor)
        box.addLayout(form)
        box.addStretch(1)
        return box

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        from mktplanner.services import tactics, views

        assert self.doc is not None
        plan = self.doc.plan
        self.today = dt.date.today()
        self.choices = views.choices(plan)
        self.period = tactics.period(plan, self.today)
        self.plan_key = tactics.plan_id(plan)
        self.rows_all = tactics.action_rows(plan, self.today)
        directions = tactics.direction_rows(plan)
        self.direction_colors = {d["id"]: d["color"] for d in directions}
        self.directions.set_rows(directions)
        self._fill_filters()
        self._fill_settings(tactics.reporting(plan))
        self._apply()

    def _fill_filters(self) -> None:
        c = self.choices
        months = self.period.month_starts if self.period is not None else []
        _refill(
            self.f_direction,
            [(None, self.tr("All directions"))]
            + list(c.directions)
            + [(NONE, self.tr("No direction"))],
        )
        _refill(
            self.f_goal,
            [(None, self.tr("All goals"))] + list(c.goals) + [(NONE, self.tr("No goal"))],
        )
        _refill(
            self.f_owner,
            [(None, self.tr("All owners"))] + list(c.people) + [(NONE, self.tr("No owner"))],
        )
        _refill(
            self.f_status,
            [(None, self.tr("All statuses"))]
            + texts.enum_choices("status")
            + [("late", self.tr("Late")), ("attention", self.tr("Needs attention"))],
        )
        _refill(
            self.f_month,
            [(None, self.tr("All months"))] + [(m.isoformat(), self.fmt.month(m)) for m in months],
        )

    def _fill_settings(self, reporting: Any) -> None:
        read_only = self.read_only
        directions = [(d_id, name) for d_id, name in self.choices.directions]
        self.direction_field.set_choices([(None, "—")] + directions, None)
        self.recurrence_field.set_choices(texts.enum_choices("recurrence"), "none")
        start = self.period.start
        first = _shift_month(min(start, self.today.replace(day=1)), -ALL_MONTHS_BACK)
        last = _shift_month(max(start, self.today.replace(day=1)), ALL_MONTHS_AHEAD)
        months, m = [], first
        while m <= last:
            months.append((m.isoformat(), self.fmt.month(m)))
            m = _shift_month(m, 1)
        self.period_start.set_choices(months, start.isoformat())
        self.period_months.set_choices(
            [(n, self.tr("%n month(s)", "", n)) for n in range(6, 13)], self.period.months
        )
        self.report_cadence.set_choices(
            texts.enum_choices("cadence_report"), reporting.cadence or ""
        )
        self.report_maker.set_value(reporting.maker)
        self.report_reader.set_value(reporting.reader)
        self.report_actor.set_value(reporting.actor)
        self._people_names.setStringList([name for _, name in self.choices.people])
        for widget in (self.period_start, self.period_months, self.report_cadence):
            widget.setEnabled(not read_only)
        for field in (self.report_maker, self.report_reader, self.report_actor):
            field.setReadOnly(read_only)
        self.color_button.setVisible(not read_only)

    # --- filtering, grouping, sorting ----------------------------------------------------------
    def _matches(self, row: Row) -> bool:
        from mktplanner.services.tactics import runs_in

        for combo, key in (
            (self.f_direction, "direction_id"),
            (self.f_goal, "goal_id"),
            (self.f_owner, "owner_id"),
        ):
            wanted = combo.currentData()
            if wanted is None:
                continue
            if wanted == NONE:
                if row.get(key) is not None:
                    return False
            elif row.get(key) != wanted:
                return False
        status = self.f_status.currentData()
        if status == "late":
            if not row.get("late"):
                return False
        elif status == "attention":
            if not row.get("flags"):
                return False
        elif status is not None and row.get("status") != status:
            return False
        month = self.chosen_month()
        if month is not None:
            from mktplanner.domain.rules.dates import month_end

            if not runs_in(row.get("start"), row.get("due"), month, month_end(month)):
                return False
        return True

    def chosen_month(self) -> dt.date | None:
        value = self.f_month.currentData()
        return dt.date.fromisoformat(value) if isinstance(value, str) else None

    def filtered(self) -> bool:
        return any(combo.currentData() is not None for combo in self.filters())

    def clear_filters(self) -> None:
        for combo in self.filters():
            with QSignalBlocker(combo):
                combo.setCurrentIndex(0)
        self._apply()

    def _sort(self, key: str | None, descending: bool) -> None:
        self.sort = (key, descending)
        self._apply()

    def _sorted(self, rows: list[Row]) -> list[Row]:
        key, descending = self.sort
        if key is None:
            return rows
        present = [r for r in rows if r.get(key) is not None]
        missing = [r for r in rows if r.get(key) is None]

        def value(row: Row) -> Any:
            v = row[key]
            if key == "status":
                return (
                    ("planned", "in_progress", "done", "cancelled").index(v)
                    if v
                    in (
                        "planned",
                        "in_progress",
                        "done",
                        "cancelled",
                    )
                    else 9
                )
            return v.casefold() if isinstance(v, str) else v

        return sorted(present, key=value, reverse=descending) + missing

    def groups(self, rows: list[Row]) -> list[tuple[str, str | None, list[Row]]]:
        """(title, colour, rows) of each group with rows, in the plan's order."""
        mode = self.group_by.currentData()
        if mode == "none" or self.choices is None:
            return [("", None, self._sorted(rows))]
        if mode == "goal":
            key, order = "goal_id", list(self.choices.goals)
            empty = self.tr("No goal")
        else:
            key, order = "direction_id", list(self.choices.directions)
            empty = self.tr("No direction")
        by_key: dict[Any, list[Row]] = {}
        for row in rows:
            by_key.setdefault(row.get(key), []).append(row)
        result = []
        for ident, name in [*order, (None, empty)]:
            members = by_key.get(ident)
            if members:
                color = self.direction_colors.get(ident) if key == "direction_id" else None
                result.append((name, color, self._sorted(members)))
        return result

    def _group_note(self, rows: list[Row]) -> str:
        live = [r for r in rows if r.get("status") != "cancelled"]
        money = sum(r.get("budget_minor") or 0 for r in live)
        return self.tr("%n action(s)", "", len(rows)) + " · " + self.fmt.money(money, cents=False)

    def _apply(self, *_: Any) -> None:
        if self.doc is None or self.choices is None:
            return
        self.visible = [r for r in self.rows_all if self._matches(r)]
        groups = self.groups(self.visible)
        table_rows: list[Row] = []
        for title, color, members in groups:
            if title:
                table_rows.append(
                    {
                        GROUP: True,
                        "id": None,
                        "title": f"{title}  ·  {self._group_note(members)}",
                        "color": color,
                    }
                )
            table_rows.extend(members)
        self.action_table.set_rows(table_rows)
        self.timeline.set_data(self._timeline_data(groups))
        filtered = self.filtered()
        self.clear_button.setVisible(filtered)
        self.count_label.setText(
            self.tr("%n of %1 actions shown", "", len(self.visible)).replace(
                "%1", str(len(self.rows_all))
            )
            if filtered
            else ""
        )
        self._show_details()

    # --- the timeline's data -----------------------------------------------------------------
    def _timeline_data(self, groups: list[tuple[str, str | None, list[Row]]]) -> TimelineData:
        from mktplanner.services.tactics import loads_by_month

        period = self.period
        loads = loads_by_month(self.visible, period.month_starts)
        notes = {}
        for load in loads:
            if not load.count:
                continue
            money = self.fmt.money(load.planned_budget_minor, cents=False)
            notes[load.month] = (
                self.tr("%n action(s)", "", load.count) + " · " + money,
                money,
            )
        return TimelineData(
            period_start=period.start,
            months=period.months,
            today=self.today,
            groups=tuple(
                Group(
                    title=title,
                    color=color,
                    bars=tuple(self._bar(r) for r in members),
                    note=self._group_note(members),
                )
                for title, color, members in groups
            ),
            month_notes=notes,
            flag_labels=self.flag_labels(),
            read_only=self.read_only,
        )

    def flag_labels(self) -> dict[str, str]:
        return {
            "late": self.tr("late"),
            "no_owner": self.tr("no owner"),
            "owner_left": self.tr("owner left"),
            "no_budget": self.tr("no budget"),
            "no_dates": self.tr("no dates"),
        }

    def _bar(self, row: Row) -> Bar:
        return Bar(
            id=row["id"],
            title=row["title"],
            color=self.direction_colors.get(row.get("direction_id")) or "#8A94A6",
            start=row.get("start"),
            due=row.get("due"),
            occurrences=tuple(row.get("occurrences") or ()),
            done=row.get("status") == "done",
            cancelled=row.get("status") == "cancelled",
            flags=tuple(row.get("flags") or ()),
            note=row.get("owner_name") or "",
            tooltip=self._action_tip(row),
        )

    # --- texts about an action --------------------------------------------------------------------
    def _owner_text(self, row: Row, _fmt: Any) -> str:
        name = row.get("owner_name")
        if not name:
            return self.tr("no owner")
        if "owner_left" in (row.get("flags") or ()):
            return self.tr("{name} (left)").format(name=name)
        return str(name)

    def _budget_text(self, row: Row, fmt: Any) -> str:
        value = row.get("budget_minor")
        if value is None:
            return self.tr("not set") if "no_budget" in (row.get("flags") or ()) else "—"
        return str(fmt.money(value))

    def _dates_text(self, row: Row) -> str:
        start, due = row.get("start"), row.get("due")
        if start and due:
            return f"{self.fmt.date(start)} – {self.fmt.date(due)}"
        if start or due:
            return self.fmt.date(start or due)
        return self.tr("No dates")

    def flag_sentences(self, row: Row) -> list[str]:
        flags = row.get("flags") or ()
        out = []
        if "late" in flags:
            out.append(
                self.tr("Late: it was due on {date} and is not done.").format(
                    date=self.fmt.date(row.get("due"))
                )
            )
        if "no_owner" in flags:
            out.append(self.tr("Nobody is responsible for it."))
        if "owner_left" in flags:
            out.append(
                self.tr("{name} has left: choose a new owner.").format(name=row.get("owner_name"))
            )
        if "no_budget" in flags:
            out.append(self.tr("Its budget is not set (0 if it costs nothing)."))
        if "no_dates" in flags:
            out.append(self.tr("It has no dates, so it is not on the timeline."))
        return out

    def repeat_text(self, row: Row) -> str:
        dates = row.get("occurrences") or ()
        if not dates:
            return ""
        how = texts.enum_label("recurrence", row.get("recurrence"))
        text = self.tr("%n time(s)", "", len(dates))
        upcoming = [d for d in dates if d >= self.today]
        if upcoming:
            return self.tr("{how}: {times}, next on {date}.").format(
                how=how, times=text, date=self.fmt.date(upcoming[0])
            )
        return self.tr("{how}: {times}, the last on {date}.").format(
            how=how, times=text, date=self.fmt.date(dates[-1])
        )

    def _action_tip(self, row: Row) -> str:
        lines = [str(row.get("title") or ""), self._dates_text(row)]
        lines.append(label("owner_id")() + ": " + self._owner_text(row, self.fmt))
        lines.append(label("budget_minor")() + ": " + self._budget_text(row, self.fmt))
        lines.append(label("status")() + ": " + texts.enum_label("status", row.get("status")))
        if row.get("occurrences"):
            lines.append(self.repeat_text(row))
        lines.extend(self.flag_sentences(row))
        return "\n".join(line for line in lines if line)

    def _decoration(self, row: Row, col: Col) -> Any:
        if col.key == "title" and row.get("occurrences"):
            return self._repeat_icon
        return None

    # --- selection ------------------------------------------------------------------------------
    def current_object(self) -> tuple[str, int] | None:
        if self.tabs.currentIndex() == 2:
            direction = self.directions.view.current_row()
            if direction is not None and direction.get("id") is not None:
                return "direction", int(direction["id"])
            return None
        row = self.selected_action()
        return ("action", int(row["id"])) if row is not None else None

    def select_object(self, table: str, ident: int) -> bool:
        """An action is selected in the Actions tab (filters that hide it are cleared, and the
        timeline follows); a direction in the Directions tab."""
        if self._dirty and self.doc is not None:
            self.refresh()
        if table == "direction":
            if self.directions.model.row_of_id(ident) < 0:
                return False
            self.tabs.setCurrentIndex(2)
            self.directions.view.select_id(ident)
            self.directions.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        if table != "action" or not any(r["id"] == ident for r in self.rows_all):
            return False
        if self.action_table.model.row_of_id(ident) < 0:
            self.clear_filters()
        if self.tabs.currentIndex() == 2:
            self.tabs.setCurrentIndex(0)
        if not self.action_table.view.select_id(ident):
            return False
        self.timeline.select(ident, ensure_visible=True)
        view = self.timeline.view if self.tabs.currentIndex() == 1 else self.action_table.view
        view.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def selected_action(self) -> Row | None:
        row = self.action_table.view.current_row()
        return row if row is not None and row.get("id") is not None else None

    def _table_selected(self, *_: Any) -> None:
        self._show_details()
        row = self.selected_action()
        if row is not None and not self._syncing:
            self._syncing = True
            try:
                self.timeline.select(row["id"], ensure_visible=self.tabs.currentIndex() != 1)
            finally:
                self._syncing = False

    def _timeline_selected(self, action_id: Any) -> None:
        if self._syncing or action_id is None:
            return
        self._syncing = True
        try:
            self.action_table.view.select_id(action_id, 0)
        finally:
            self._syncing = False

    def open_action(self, action_id: int) -> None:
        """Show an action in the table (from the timeline: double click or Enter)."""
        self.tabs.setCurrentIndex(0)
        if self.action_table.view.select_id(action_id, 0):
            self.action_table.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_details(self) -> None:
        row = self.selected_action()
        editable = row is not None and not self.read_only
        self.direction_field.setEnabled(editable)
        self.recurrence_field.setEnabled(editable)
        if row is None:
            self.direction_field.set_value(None)
            self.recurrence_field.set_value("none")
            self.details_info.setText(self.tr("Select an action to see its direction and repeats."))
            return
        self.direction_field.set_value(row.get("direction_id"))
        self.recurrence_field.set_value(row.get("recurrence") or "none")
        parts = [self.repeat_text(row)] + self.flag_sentences(row)
        self.details_info.setText(" ".join(p for p in parts if p))

    def _tab_changed(self, index: int) -> None:
        self.filter_bar.setVisible(index != 2)
        self.grouping.setVisible(index != 2)

    # --- edits ---------------------------------------------------------------------------------
    def refuse(self, problems: list[Any]) -> None:
        first = problems[0]
        self.notice.show_text(texts.problem_text(first.code, first.params, first.field))

    def parse_error(self, col: Col, exc: ParseError) -> None:
        """What was typed cannot be read: say so in place, keep the old value."""
        self.notice.show_text(texts.problem_text(exc.code, exc.params, col.field or col.key))

    def _checked_push(self, table: str, key: Any, changes: dict[str, Any], edit: Any) -> bool:
        from mktplanner.services.tactics import check_change

        if self.doc is None or self.read_only:
            return False
        problems = check_change(self.doc.plan, table, key, changes)
        if problems:
            self.refuse(problems)
            return False
        if not self.push(edit):
            return False
        self.notice.hide()
        return True

    def edit_action(self, action_id: int, changes: dict[str, Any], label_code: str = "") -> bool:
        from mktplanner.domain.tables import Action
        from mktplanner.services.edits import UpdateRow

        edit = UpdateRow(Action, action_id, changes, label=label_code)
        return self._checked_push("action", action_id, changes, edit)

    def _edit_cell(self, row: Row, col: Col, value: Any) -> bool:
        if col.field is None or row.get("id") is None:
            return False
        return self.edit_action(row["id"], {col.field: value})

    def _save_selected(self, column: str) -> Callable[[Any], bool]:
        def save(value: Any) -> bool:
            row = self.selected_action()
            if row is None:
                return False
            return self.edit_action(row["id"], {column: value})

        return save

    def _move(self, action_id: int, start: Any, due: Any) -> None:
        from mktplanner.services.tactics import move_action

        edit = move_action(action_id, start, due)
        if not self._checked_push("action", action_id, {"start": start, "due": due}, edit):
            self.timeline.cancel_previews()

    def _new_action(self) -> dict[str, Any] | None:
        from mktplanner.services.tactics import new_action_values

        current = self.selected_action() or {}

        def wanted(combo: QComboBox, fallback: Any) -> Any:
            value = combo.currentData()
            if value == NONE:
                return None
            return fallback if value is None else value

        direction = wanted(self.f_direction, current.get("direction_id"))
        if direction is None and self.f_direction.currentData() != NONE and self.choices:
            direction = self.choices.directions[0][0] if self.choices.directions else None
        if self.f_status.currentData() not in (None, "planned", "attention"):
            with QSignalBlocker(self.f_status):
                self.f_status.setCurrentIndex(0)  # a new action is planned: keep it in view
        return new_action_values(
            title=self.tr("New action"),
            today=self.today,
            direction_id=direction,
            goal_id=wanted(self.f_goal, current.get("goal_id")),
            owner_id=wanted(self.f_owner, None),
            month=self.chosen_month(),
            position=len(self.rows_all),
        )

    # --- directions ------------------------------------------------------------------------------
    def _new_direction(self) -> dict[str, Any]:
        from mktplanner.services.tactics import next_color

        rows = self.directions.model.rows
        return {
            "name": self.tr("New direction"),
            "color": next_color(r.get("color") or "" for r in rows),
            "position": max((r.get("position") or 0 for r in rows), default=-1) + 1,
        }

    def _edit_direction(self, row: Row, col: Col, value: Any) -> bool:
        from mktplanner.domain.tables import Direction
        from mktplanner.services.edits import UpdateRow

        if col.field is None:
            return False
        if col.field == "color" and isinstance(value, str):
            value = value.strip().upper()
            if value and not value.startswith("#"):
                value = "#" + value
        changes = {col.field: value}
        edit = UpdateRow(Direction, row["id"], changes)
        return self._checked_push("direction", row["id"], changes, edit)

    def choose_color(self) -> bool:
        row = self.directions.view.current_row()
        if row is None or self.read_only:
            return False
        color = QColorDialog.getColor(
            QColor(row.get("color") or "#4C78A8"), self.window(), self.tr("Colour of the direction")
        )
        if not color.isValid():
            return False
        col = self.directions.model.columns[self.directions.model.column_of("color")]
        return self._edit_direction(row, col, color.name().upper())

    # --- period and reporting ----------------------------------------------------------------------
    def _save_period_start(self, value: Any) -> bool:
        from mktplanner.services.tactics import set_period

        start = dt.date.fromisoformat(str(value))
        changes = {"tactical_start": start}
        edit = set_period(self.plan_key, start=start)
        return self._checked_push("plan", self.plan_key, changes, edit)

    def _save_period_months(self, value: Any) -> bool:
        from mktplanner.services.tactics import set_period

        changes = {"tactical_months": value}
        return self._checked_push(
            "plan", self.plan_key, changes, set_period(self.plan_key, months=value)
        )

    def _save_report(self, column: str) -> Callable[[Any], bool]:
        def save(value: Any) -> bool:
            from mktplanner.services.tactics import set_reporting

            if isinstance(value, str) and column != "report_cadence":
                value = value.strip()
            changes = {column: value}
            edit = set_reporting(self.plan_key, changes)
            return self._checked_push("plan", self.plan_key, changes, edit)

        return save

    def _show_month(self, *_: Any) -> None:
        month = self.chosen_month()
        if month is not None:
            self.timeline.scroll_to_date(month, 0.05)

    def _zoom_changed(self, zoom: str) -> None:
        button = self.zoom_button.get(zoom)
        if button is not None:
            button.setChecked(True)


# --- helpers ------------------------------------------------------------------------------------


def _refill(combo: QComboBox, items: list[tuple[Any, str]]) -> None:
    """New entries, keeping the chosen one when it still exists (no signal meanwhile)."""
    current = combo.currentData()
    with QSignalBlocker(combo):
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        pos = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(pos, 0))


def _shift_month(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _repeat_icon() -> QIcon:
    size = 16
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QColor(theme.colors()["muted"]))
    font = painter.font()
    font.setPixelSize(14)
    painter.setFont(font)
    painter.drawText(pix.rect(), int(Qt.AlignmentFlag.AlignCenter), "↻")
    painter.end()
    return QIcon(pix)


def _color_decoration(row: Row, col: Col) -> Any:
    if col.key == "color" and row.get("color"):
        return chip(str(row["color"]))
    return None


def _due_tone(row: Row) -> str | None:
    return "bad" if "late" in (row.get("flags") or ()) else None


def _owner_tone(row: Row) -> str | None:
    flags = row.get("flags") or ()
    if "no_owner" in flags or "owner_left" in flags:
        return "bad"
    return "muted" if row.get("owner_id") is None else None


def _budget_tone(row: Row) -> str | None:
    return "warn" if "no_budget" in (row.get("flags") or ()) else None


def _status_tone(row: Row) -> str | None:
    return {"done": "good", "cancelled": "muted"}.get(row.get("status") or "")
