"""Goals: the list of strategic goals with their progress and SMART letters, and the detail
of the selected one: its form, its progress chart, its measurements and its actions.

Every change goes through the undo stack as one edit. Before a change is sent, the page
asks the domain (``strategy.problems_of_update``) and, when it would be refused, says why
next to the field or above the table it was made in (a Notice), never in a dialog. The
chart is drawn by ``charts.goal_progress`` in a ``ChartView``: after the page is shown, in
the background, so typing is never held up by it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts
from mktplanner.ui.fmt import ParseError
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.chart_view import ChartView
from mktplanner.ui.widgets.goal_cells import ProgressDelegate, SmartDelegate, smart_tooltip
from mktplanner.ui.widgets.goal_form import GoalForm
from mktplanner.ui.widgets.notice import Notice


class GoalsPage(Page):
    page_id = "goals"
    tables = frozenset(
        {"plan", "goal", "measurement", "person", "action", "goal_swot", "swot_item"}
    )

    def subtitle(self) -> str:
        return self.tr(
            "Where the business wants to be, measured: a metric, a baseline, a target and a "
            "deadline for each goal."
        )

    # --- building ----------------------------------------------------------------------------
    def build(self) -> None:
        self.choices: Any = None
        self._today = dt.date.today()
        self._notices: dict[str, Notice] = {}
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
                Col("metric", label("metric"), field="metric", max_width=220, max_length=200),
                Col(
                    "progress",
                    lambda: self.tr("Progress"),
                    "percent",
                    tone=_progress_tone,
                    tooltip=self._progress_tip,
                    width=140,
                ),
                Col("deadline", label("deadline"), "date", field="deadline", tone=_deadline_tone),
                Col(
                    "owner_name",
                    label("owner_id"),
                    "ref",
                    field="owner_id",
                    choices=ref_choices(self, "people"),
                    max_width=180,
                ),
                Col(
                    "smart",
                    lambda: "SMART",
                    display=lambda r, _f: str(r.get("smart_letters") or ""),
                    tooltip=lambda r: smart_tooltip(r.get("smart"), self.fmt),
                    width=104,
                ),
            ],
            title=self.tr("Strategic goals"),
            hint=self.tr(
                "Select a goal to see and edit it below. Progress = (latest − baseline) / "
                "(target − baseline)."
            ),
            empty=self.tr(
                "No goals yet. Add the first one: what should change, by how much, and by when?"
            ),
            add_text=self.tr("Add goal"),
            delete_text=self.tr("Delete"),
            new_row=self._new_goal,
            on_edit=self._guarded_edit("goal"),
        )
        # After Add goal: straight to the new goal's title in the form.
        self.goals.section.add_clicked.connect(self._name_new_goal)
        view = self.goals.view
        view.setItemDelegateForColumn(
            self.goals.model.column_of("progress"), ProgressDelegate(view)
        )
        view.setItemDelegateForColumn(self.goals.model.column_of("smart"), SmartDelegate(view))
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(6)
        top_layout.addWidget(self.goals.section, 1)
        top_layout.addWidget(self._notice("goal"))

        # The detail: the form on the left; chart, measurements and actions on the right.
        self.form = GoalForm(lambda: self.fmt, self._language())
        self.form.on_save = self._save_goal
        self.form.on_links = self._save_links
        self.form.on_threshold = self._save_threshold
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.form)
        scroll.setMinimumWidth(360)
        self.form_scroll = scroll

        self.chart = ChartView(
            min_height=200, empty_text=self.tr("Select a goal to see its progress.")
        )
        self.chart.setAccessibleName(self.tr("Progress chart"))

        self.measures = self.table_block(
            "measurement",
            [
                Col("date", label("date"), "date", field="date", nullable=False),
                Col("value", label("value"), "float", field="value", nullable=False),
                Col("note", label("note"), field="note", stretch=1, max_length=4000),
            ],
            title="",
            empty=self.tr("No measurements yet. Add the metric's value as you measure it."),
            add_text=self.tr("Add measurement"),
            delete_text=self.tr("Delete"),
            new_row=self._new_measurement,
            on_edit=self._guarded_edit("measurement"),
        )
        self.measures.section.title.hide()
        measures_tab = QWidget()
        m_layout = QVBoxLayout(measures_tab)
        m_layout.setContentsMargins(0, 6, 0, 0)
        m_layout.setSpacing(6)
        m_layout.addWidget(self._notice("measurement"))
        m_layout.addWidget(self.measures.section, 1)

        self.actions_block = self.table_block(
            "action",
            [
                Col(
                    "title",
                    label("title"),
                    field="title",
                    stretch=1,
                    nullable=False,
                    max_length=200,
                ),
                Col(
                    "owner_name",
                    label("owner_id"),
                    "ref",
                    field="owner_id",
                    choices=ref_choices(self, "people"),
                    max_width=120,
                ),
                Col(
                    "start",
                    label("start"),
                    "date",
                    field="start",
                    display=_short_date("start"),
                    tooltip=self._full_date("start"),
                ),
                Col(
                    "due",
                    label("due"),
                    "date",
                    field="due",
                    display=_short_date("due"),
                    tooltip=self._full_date("due"),
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
            title="",
            empty=self.tr(
                "No actions serve this goal yet. Write the first one above and press Enter."
            ),
            delete_text=self.tr("Delete"),
            on_edit=self._guarded_edit("action"),
        )
        self.actions_block.section.title.hide()
        self.action_composer = QLineEdit()
        self.action_composer.setObjectName("ActionComposer")
        self.action_composer.setMaxLength(200)
        self.action_composer.setPlaceholderText(
            self.tr("Add an action for this goal… (Enter; it joins the tactical plan)")
        )
        self.action_composer.setAccessibleName(self.tr("New action for this goal"))
        self.action_composer.returnPressed.connect(self._add_action)
        actions_tab = QWidget()
        a_layout = QVBoxLayout(actions_tab)
        a_layout.setContentsMargins(0, 6, 0, 0)
        a_layout.setSpacing(6)
        composer_row = QHBoxLayout()
        composer_row.setSpacing(8)
        composer_row.addWidget(self.action_composer, 1)
        if self.actions_block.section.delete_button is not None:
            composer_row.addWidget(self.actions_block.section.delete_button)
        a_layout.addLayout(composer_row)
        a_layout.addWidget(self._notice("action"))
        a_layout.addWidget(self.actions_block.section, 1)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(measures_tab, self.tr("Measurements"))
        self.tabs.addTab(actions_tab, self.tr("Actions"))
        # The measurements' buttons sit beside the tabs, leaving the table its height.
        corner = QWidget()
        c_layout = QHBoxLayout(corner)
        c_layout.setContentsMargins(0, 0, 0, 4)
        c_layout.setSpacing(6)
        add, delete = self.measures.section.add_button, self.measures.section.delete_button
        if add is not None:
            add.setText(self.tr("Add"))
            add.setToolTip(self.tr("Add a measurement of the goal's metric"))
            c_layout.addWidget(add)
        if delete is not None:
            delete.setText("")
            delete.setToolTip(self.tr("Delete the selected measurements"))
            delete.setAccessibleName(self.tr("Delete the selected measurements"))
            c_layout.addWidget(delete)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.tabs.currentChanged.connect(lambda i: corner.setVisible(i == 0))
        right = QSplitter(Qt.Orientation.Vertical)
        right.setChildrenCollapsible(False)
        right.addWidget(self.chart)
        right.addWidget(self.tabs)
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setSizes([240, 215])

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        split.addWidget(scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        split.setSizes([470, 540])
        self.detail_split = split

        # With no goal selected, the detail gives way to a sentence saying what goes there.
        self.detail_empty = QLabel()
        self.detail_empty.setObjectName("EmptyState")
        self.detail_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail_empty.setWordWrap(True)
        self.detail_empty.setContentsMargins(40, 20, 40, 20)
        self.detail_stack = QStackedWidget()
        self.detail_stack.addWidget(self.detail_empty)
        self.detail_stack.addWidget(split)
        self.detail_stack.setCurrentIndex(1)

        outer = QSplitter(Qt.Orientation.Vertical)
        outer.setChildrenCollapsible(False)
        outer.addWidget(top)
        outer.addWidget(self.detail_stack)
        outer.setStretchFactor(0, 0)
        outer.setStretchFactor(1, 1)
        top.setMinimumHeight(150)
        outer.setSizes([205, 455])
        self.body.addWidget(outer, 1)
        self.splitter = outer
        self.goals.view.selectionModel().currentRowChanged.connect(self._goal_changed)

    def _notice(self, table: str) -> Notice:
        notice = Notice()
        self._notices[table] = notice
        return notice

    def _language(self) -> str:
        """The interface language (app.install_translator makes it Qt's default locale)."""
        from PySide6.QtCore import QLocale

        return "ru" if QLocale().language() == QLocale.Language.Russian else "en"

    def _progress_tip(self, row: Row) -> str:
        if row.get("latest_date") is None:
            return self.tr("No measurement yet")
        text = self.tr("{value} measured on {date}").format(
            value=self.fmt.number(row.get("latest_value")), date=self.fmt.date(row["latest_date"])
        )
        if row.get("expected") is not None:
            text += "\n" + self.tr("Expected by today: {expected}").format(
                expected=self.fmt.percent(row["expected"])
            )
        return text

    def _full_date(self, key: str) -> Any:
        return lambda row: self.fmt.date(row.get(key)) if row.get(key) else ""

    # --- life cycle ------------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self.form.set_read_only(self.read_only)
        self.action_composer.setVisible(not self.read_only)
        for notice in self._notices.values():
            notice.hide()
        if doc is None:
            self.form.set_goal(None)
            self.chart.clear(self.tr("Select a goal to see its progress."))

    def load(self) -> None:
        from mktplanner.services import strategy, views

        assert self.doc is not None
        plan = self.doc.plan
        self._today = dt.date.today()
        self.choices = views.choices(plan)
        self.profile = views.plan_profile(plan)
        self.swot = [
            (int(r["id"]), str(r["quadrant"]), str(r["text"])) for r in views.swot_items(plan)
        ]
        self.goals.set_rows(strategy.goal_rows(plan, self._today))
        if self.goals.view.current_row() is None and self.goals.model.rowCount():
            self.goals.view.selectRow(0)
        self._load_detail()

    def _selected_goal(self) -> int | None:
        row = self.goals.view.current_row()
        return row["id"] if row else None

    def _goal_changed(self, *_: Any) -> None:
        for table in ("measurement", "action"):
            self._notices[table].hide()
        self._load_detail()

    def _load_detail(self) -> None:
        from mktplanner.services import strategy, views

        row = self.goals.view.current_row()
        has_goal = self.doc is not None and row is not None
        for block in (self.measures, self.actions_block):
            button = block.section.add_button
            if button is not None:
                button.setEnabled(has_goal)
        self.action_composer.setEnabled(has_goal and not self.read_only)
        self.detail_stack.setCurrentIndex(1 if has_goal else 0)
        if not has_goal or self.doc is None or row is None:
            if self.goals.model.rowCount():
                self.detail_empty.setText(self.tr("Select a goal above to see and edit it here."))
            else:
                self.detail_empty.setText(
                    self.tr(
                        "Here you will see the goal's SMART check, its progress chart, its "
                        "measurements and the actions that serve it. Add a goal above, or make "
                        "one from a strategic option on the SWOT & strategy page."
                    )
                )
            self.form.set_goal(None)
            self.measures.model.set_rows([])
            self.actions_block.model.set_rows([])
            self.chart.clear(self.tr("Select a goal to see its progress."))
            self.tabs.setTabText(0, self.tr("Measurements"))
            self.tabs.setTabText(1, self.tr("Actions"))
            return
        plan = self.doc.plan
        goal_id = int(row["id"])
        self.form.set_goal(
            row,
            links=strategy.goal_links(plan, goal_id),
            swot=self.swot,
            people=list(self.choices.people) if self.choices else [],
            threshold=float(self.profile.jump_threshold),
        )
        points = views.measurements(plan, goal_id)
        self.measures.set_rows(points)
        actions = strategy.goal_actions(plan, goal_id)
        self.actions_block.set_rows(actions)
        self.tabs.setTabText(
            0, self.tr("Measurements (%n)", "", len(points)) if points else self.tr("Measurements")
        )
        self.tabs.setTabText(
            1, self.tr("Actions (%n)", "", len(actions)) if actions else self.tr("Actions")
        )
        self._set_chart(row, points)

    # --- the chart ----------------------------------------------------------------------------------
    def chart_data(self, row: Row, points: list[Row]) -> Any:
        """The ``GoalSeries`` the chart of a goal draws (plain data; no matplotlib here)."""
        from mktplanner.charts.data import GoalPoint, GoalSeries

        return GoalSeries(
            baseline=row.get("baseline"),
            target=row.get("target"),
            baseline_date=row.get("baseline_date"),
            deadline=row.get("deadline"),
            measurements=tuple(GoalPoint(p["date"], float(p["value"])) for p in points),
            today=self._today,
            progress=row.get("progress"),
        )

    def chart_labels(self, row: Row) -> Any:
        from mktplanner.charts.data import GoalLabels

        unit = str(row.get("unit") or "")
        return GoalLabels(
            title=str(row.get("title") or ""),
            subtitle=self.tr("Progress {progress}"),
            # The metric is in the form beside the chart; a short unit names the axis.
            y_axis=unit if 0 < len(unit) <= 12 else "",
            baseline=self.tr("Baseline"),
            target=self.tr("Target"),
            actual=self.tr("Actual"),
            expected=self.tr("Expected path"),
            deadline=self.tr("Deadline"),
            today=self.tr("Today"),
            no_data=self.tr("Set a baseline and a target, or add a measurement."),
        )

    def _set_chart(self, row: Row, points: list[Row]) -> None:
        data = self.chart_data(row, points)
        labels = self.chart_labels(row)
        locale = self.fmt.language

        def build(size: Any) -> Any:
            from mktplanner.charts.goals import goal_progress

            return goal_progress(
                data,
                labels,
                locale,
                dark=size.dark,
                width_in=size.width_in,
                height_in=size.height_in,
                dpi=size.dpi,
            )

        self.chart.set_chart(build, name=_file_name(str(row.get("title") or "goal")))

    # --- the shell's hooks -----------------------------------------------------------------------
    def current_object(self) -> tuple[str, int] | None:
        if self.measures.view.hasFocus():
            m = self.measures.view.current_row()
            if m is not None:
                return "measurement", int(m["id"])
        if self.actions_block.view.hasFocus():
            a = self.actions_block.view.current_row()
            if a is not None:
                return "action", int(a["id"])
        goal = self._selected_goal()
        return ("goal", int(goal)) if goal is not None else None

    def select_object(self, table: str, ident: int) -> bool:
        if self._dirty and self.doc is not None:
            self.refresh()
        if table == "goal":
            if self.goals.view.select_id(ident):
                self.goals.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            return False
        if table == "measurement" and self.doc is not None:
            from mktplanner.services import views

            for goal in self.goals.model.rows:
                if any(m["id"] == ident for m in views.measurements(self.doc.plan, goal["id"])):
                    self.goals.view.select_id(goal["id"])
                    self.tabs.setCurrentIndex(0)
                    self.measures.view.select_id(ident)
                    self.measures.view.setFocus(Qt.FocusReason.OtherFocusReason)
                    return True
        return False

    # --- edits --------------------------------------------------------------------------------------
    def _guarded_edit(self, table: str) -> Any:
        """A table cell's edit, asked of the domain first; a refusal is said above the table."""

        def edit(row: Row, col: Col, value: Any) -> bool:
            from mktplanner.services import strategy

            if col.field is None or self.doc is None:
                return False
            changes = {col.field: value}
            problems = strategy.problems_of_update(self.doc.plan, table, row["id"], changes)
            if problems:
                p = problems[0]
                self._notices[table].show_text(texts.problem_text(p.code, p.params, p.field))
                return False
            done = self.update_row(table, row["id"], changes)
            if done:
                self._notices[table].hide()
            return done

        return edit

    def parse_error(self, col: Col, exc: ParseError) -> None:
        """A cell that cannot be read: said above its table, not in a dialog."""
        for block in self._blocks:
            if col in block.model.columns:
                notice = self._notices.get(block.table)
                if notice is not None:
                    notice.show_text(texts.problem_text(exc.code, exc.params, col.field or col.key))
                    return
        super().parse_error(col, exc)

    def _save_goal(self, goal_id: int, changes: dict[str, Any]) -> list[Any]:
        from mktplanner.services import strategy

        if self.doc is None:
            return []
        problems = strategy.problems_of_update(self.doc.plan, "goal", goal_id, changes)
        if problems:
            return problems
        self.push(strategy.edit_goal(goal_id, changes))
        return []

    def _save_links(self, goal_id: int, ids: list[int]) -> bool:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import strategy

        if self.doc is None:
            return False
        try:
            edit = strategy.set_goal_links(self.doc.plan, goal_id, ids)
        except DomainError:
            return False
        return edit is None or self.push(edit)

    def _save_threshold(self, value: float) -> list[Any]:
        from mktplanner.services import strategy

        if self.doc is None:
            return []
        changes = {"jump_threshold": value}
        problems = strategy.problems_of_update(self.doc.plan, "plan", 1, changes)
        if problems:
            return problems
        self.update_row("plan", 1, changes, label="edit_plan")
        return []

    def _new_goal(self) -> dict[str, Any]:
        position = max((int(r.get("position") or 0) for r in self.goals.model.rows), default=-1)
        return {"title": self.tr("New goal"), "position": position + 1}

    def _name_new_goal(self) -> None:
        row = self.goals.view.current_row()
        if row is not None and self.form.goal is not None and row["id"] == self.form.goal["id"]:
            self.form.start_typing()

    def _new_measurement(self) -> dict[str, Any] | None:
        goal = self._selected_goal()
        if goal is None:
            return None
        row = self.goals.view.current_row() or {}
        value = row.get("latest_value")
        if value is None:
            value = row.get("baseline") or 0.0
        return {"goal_id": goal, "date": dt.date.today(), "value": float(value)}

    def _add_action(self) -> Any:
        from mktplanner.services import strategy

        title = " ".join(self.action_composer.text().split())
        row = self.goals.view.current_row()
        if not title or row is None or self.doc is None or self.read_only:
            return None
        edit = strategy.add_goal_action(
            self.doc.plan, int(row["id"]), title, owner_id=row.get("owner_id")
        )
        problems = strategy.problems_of_insert("action", edit.row)
        if problems:
            p = problems[0]
            self._notices["action"].show_text(texts.problem_text(p.code, p.params, p.field))
            return None
        if not self.push(edit):
            return None
        self._notices["action"].hide()
        self.action_composer.clear()
        self.actions_block.view.select_id(edit.key)
        return edit.key


def _short_date(key: str) -> Any:
    """A date without its year when it is this year's ("Sep 1"), else short ("2/28/27")."""

    def show(row: Row, fmt: Any) -> str:
        day = row.get(key)
        if not isinstance(day, dt.date):
            return fmt.date(None)
        return fmt.short_date(day) if day.year == dt.date.today().year else fmt.date(day, "short")

    return show


def _file_name(title: str) -> str:
    bad = '<>:"/\\|?*\n\r\t'
    cleaned = "".join("_" if ch in bad else ch for ch in title).strip(" .")
    return cleaned[:60] or "goal"


def _progress_tone(row: Row) -> str | None:
    track = row.get("track")
    if row.get("progress") is None:
        return "muted"
    if track == "reached":
        return "good"
    if track == "off_track" or (row.get("progress") or 0) < 0:
        return "bad"
    return None


def _deadline_tone(row: Row) -> str | None:
    d = row.get("deadline")
    p = row.get("progress")
    if d is not None and d < dt.date.today() and (p is None or p < 1):
        return "bad"
    return None


def _status_tone(row: Row) -> str | None:
    return {"done": "good", "cancelled": "muted", "in_progress": None}.get(row.get("status") or "")
