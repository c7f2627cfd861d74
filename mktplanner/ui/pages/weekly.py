"""Weekly plans: one person's week (target metrics, tasks with their end products, hours
against capacity, the week's life cycle), the team view for the manager, and the people.

Every change goes through ``services.weekly``, whose edits check the week's state when they
run (a closed week refuses edits, a draft week refuses actuals) and are one undo step each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import dialogs, texts, theme
from mktplanner.ui.fmt import DASH, Formatter
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.pages.base import Page, label, ref_choices
from mktplanner.ui.widgets.capacity_bar import CapacityBar
from mktplanner.ui.widgets.pick_combo import PickDelegate
from mktplanner.ui.widgets.table import DataTable, TableSection
from mktplanner.ui.widgets.team_view import HISTORY_WEEKS, TeamView, section_head
from mktplanner.ui.widgets.week_nav import WeekNavigator

Index = QModelIndex | QPersistentModelIndex
BLANK_ROWS = 2  # free rows at the end of the tasks, for unplanned work

STATE_STYLE = {
    "draft": ("#E5E7EB", "#374151"),
    "submitted": ("#FFE8B3", "#7A4D00"),
    "approved": ("#D6F0DA", "#1E5E25"),
    "closed": ("#DCE3EE", "#2D3A4F"),
}
STATE_STYLE_DARK = {
    "draft": ("#3A3F4A", "#E6E8EC"),
    "submitted": ("#5A4310", "#FFE3A3"),
    "approved": ("#1F4A27", "#B9E6C0"),
    "closed": ("#2D3A55", "#D5DEEE"),
}


def _hours(fmt: Formatter, value: float | None) -> str:
    from mktplanner.domain.rules.weekly import round_hours

    return DASH if value is None else fmt.number(round_hours(value), 1)


class _TaskModel(RowTableModel):
    """Tasks plus a few blank rows (``id`` None) where unplanned work is typed in."""

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.get("id") is None:
            col = self.columns[index.column()]
            base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if col.key == "description" and flags & Qt.ItemFlag.ItemIsEditable:
                return base | Qt.ItemFlag.ItemIsEditable
            return base
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is not None and row.get("id") is None:
            col = self.columns[index.column()]
            if role == Qt.ItemDataRole.CheckStateRole:
                return None
            if role == Qt.ItemDataRole.DisplayRole and col.key != "description":
                return ""
        return super().data(index, role)


class _WeekBlock:
    """A table of one week's rows whose edits go through ``services.weekly`` (not the
    generic row edits), with a searchable pick list for the columns in ``pick_keys``."""

    def __init__(
        self,
        page: WeeklyPage,
        table: str,
        columns: list[Col],
        *,
        title: str,
        hint: str,
        empty: str,
        add_text: str,
        on_edit: Callable[[Row, Col, Any], bool],
        on_add: Callable[[], Any],
        on_delete: Callable[[], Any],
        model_class: type[RowTableModel] = RowTableModel,
        pick_keys: tuple[str, ...] = (),
    ):
        self.page = page
        self.table = table
        self.model = model_class(columns, fmt=lambda: page.fmt, on_edit=on_edit, dark=theme.is_dark)
        self.view = DataTable(self.model)
        self.view.setItemDelegate(
            PickDelegate(self.model, lambda: page.fmt, page.parse_error, pick_keys, self.view)
        )
        self.view.set_empty_text(empty)
        self.section = TableSection(
            title, hint, self.view, add_text=add_text, delete_text=page.tr("Delete")
        )
        self.section.add_clicked.connect(on_add)
        self.section.delete_clicked.connect(on_delete)

    def set_rows(self, rows: list[Row]) -> None:
        current = self.view.current_row()
        column = self.view.currentIndex().column()
        self.model.set_rows(rows)
        if current is not None and current.get("id") is not None:
            self.view.select_id(current.get("id"), column)

    def selected_ids(self) -> list[int]:
        return [int(r["id"]) for r in self.view.selected_rows() if r.get("id") is not None]

    def add_header_widget(self, widget: QWidget) -> None:
        section_head(self.section).insertWidget(1, widget, 0, Qt.AlignmentFlag.AlignBottom)


class _EnterAdds(QObject):
    """Enter on a table that is not editing adds a row (and starts typing its text)."""

    def __init__(self, view: DataTable, add: Callable[[], Any]):
        super().__init__(view)
        self.view = view
        self.add = add

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.view.state() != DataTable.State.EditingState
        ):
            self.add()
            return True
        return False


class WeeklyPage(Page):
    page_id = "weekly"
    tables = frozenset(
        {"weekly_plan", "weekly_task", "weekly_metric", "person", "action", "goal", "plan"}
    )
    tab_names = ("editor", "team", "people")  # screenshots: weekly-team.png, weekly-people.png

    def subtitle(self) -> str:
        return self.tr(
            "What each person does in a week, what comes out of it and how long it takes."
        )

    # --- building -----------------------------------------------------------------------------
    def build(self) -> None:
        import datetime as dt

        iso = dt.date.today().isocalendar()
        self.person_id: int | None = None
        self.week: tuple[int, int] = (iso.year, iso.week)
        self.view_data: Any = None  # services.weekly.WeekView of the editor
        self.picks: list[tuple[str, str]] = []
        self.choices: Any = None
        self.people_rows: list[Row] = []

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._build_editor(), self.tr("Week"))
        self.team = TeamView(lambda: self.fmt)
        self.team.nav.changed.connect(self._week_changed)
        self.team.open_week.connect(self.open_week)
        self.tabs.addTab(self.team, self.tr("Team"))
        self.tabs.addTab(self._build_people(), self.tr("People"))
        self.tabs.currentChanged.connect(lambda _i: self.refresh())
        self.body.addWidget(self.tabs, 1)

    def _build_editor(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)

        top = QHBoxLayout()
        top.setSpacing(8)
        who = QLabel(self.tr("Person"))
        who.setObjectName("Muted")
        self.person_combo = QComboBox()
        self.person_combo.setMinimumWidth(180)
        self.person_combo.setAccessibleName(self.tr("Person"))
        who.setBuddy(self.person_combo)
        self.person_combo.activated.connect(self._person_picked)
        self.nav = WeekNavigator(lambda: self.fmt)
        self.nav.changed.connect(self._week_changed)
        top.addWidget(who)
        top.addWidget(self.person_combo)
        top.addSpacing(12)
        top.addWidget(self.nav)
        top.addStretch(1)
        layout.addLayout(top)

        # The week's state, who did what when, and the next step.
        flow = QHBoxLayout()
        flow.setSpacing(8)
        self.state_chip = QLabel()
        self.state_chip.setObjectName("StateChip")
        self.state_text = QLabel()
        self.state_text.setObjectName("Muted")
        self.state_text.setWordWrap(True)
        flow.addWidget(self.state_chip, 0, Qt.AlignmentFlag.AlignVCenter)
        flow.addWidget(self.state_text, 1)
        self.prepare_button = QPushButton(self.tr("Prepare next week"))
        self.prepare_button.setToolTip(
            self.tr(
                "Copies the regular tasks into next week and carries over the unfinished "
                "ones; next week's targets start from this week's results + 1 %."
            )
        )
        self.prepare_button.clicked.connect(self.prepare_next_week)
        flow.addWidget(self.prepare_button)
        self.step_buttons: dict[str, QPushButton] = {}
        for action, text, primary in (
            ("return", self.tr("Return to draft"), False),
            ("submit", self.tr("Submit for approval"), True),
            ("approve", self.tr("Approve"), True),
            ("close", self.tr("Close the week"), True),
            ("reopen", self.tr("Reopen the week"), False),
        ):
            button = QPushButton(text)
            if primary:
                button.setObjectName("Primary")
            button.clicked.connect(lambda _c=False, a=action: self.take_step(a))
            flow.addWidget(button)
            self.step_buttons[action] = button
        layout.addLayout(flow)

        self.capacity = CapacityBar()
        layout.addWidget(self.capacity)

        self.metrics = _WeekBlock(
            self,
            "weekly_metric",
            self._metric_columns(),
            title=self.tr("Target metrics"),
            hint=self.tr("What the week should bring, planned and actual."),
            empty=self.tr("No target metrics yet: what result should this week bring?"),
            add_text=self.tr("Add metric"),
            on_edit=self._edit_metric,
            on_add=self.add_metric,
            on_delete=self._delete_metrics,
        )
        self.suggest_button = QPushButton(self.tr("Suggest targets"))
        self.suggest_button.setToolTip(
            self.tr("Planned value = last week's actual + 1 % (raise the bar slowly).")
        )
        self.suggest_button.clicked.connect(self.suggest_targets)
        self.metrics.add_header_widget(self.suggest_button)
        self.tasks = _WeekBlock(
            self,
            "weekly_task",
            self._task_columns(),
            title=self.tr("Tasks and their end products"),
            hint=self.tr("End product: the checkable result. Enter adds a task."),
            empty="",
            add_text=self.tr("Add task"),
            on_edit=self._edit_task,
            on_add=self.add_task,
            on_delete=self._delete_tasks,
            model_class=_TaskModel,
            pick_keys=("action",),
        )
        for block in (self.metrics, self.tasks):
            self._blocks.append(block)  # type: ignore[arg-type]  # read-only handling
        self.tasks.view.installEventFilter(_EnterAdds(self.tasks.view, self.add_task))
        self.metrics.view.installEventFilter(_EnterAdds(self.metrics.view, self.add_metric))

        # The metrics take the height of their rows, the tasks all the rest.
        week_body = QWidget()
        body_layout = QVBoxLayout(week_body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addWidget(self.metrics.section, 0)
        body_layout.addWidget(self.tasks.section, 1)

        # No plan for the person in this week yet.
        self.no_plan = QFrame()
        self.no_plan.setObjectName("Card")
        empty_layout = QVBoxLayout(self.no_plan)
        empty_layout.setContentsMargins(24, 20, 24, 20)
        empty_layout.setSpacing(10)
        self.no_plan_text = QLabel()
        self.no_plan_text.setObjectName("SectionTitle")
        self.no_plan_text.setWordWrap(True)
        self.no_plan_hint = QLabel()
        self.no_plan_hint.setObjectName("SectionHint")
        self.no_plan_hint.setWordWrap(True)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(self.tr("Start an empty plan"))
        self.create_button.clicked.connect(self.create_week)
        self.from_previous_button = QPushButton(self.tr("Prepare from last week"))
        self.from_previous_button.setObjectName("Primary")
        self.from_previous_button.clicked.connect(self.prepare_from_previous)
        buttons.addWidget(self.from_previous_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        empty_layout.addWidget(self.no_plan_text)
        empty_layout.addWidget(self.no_plan_hint)
        empty_layout.addLayout(buttons)
        no_plan_page = QWidget()
        page_layout = QVBoxLayout(no_plan_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addWidget(self.no_plan)
        page_layout.addStretch(1)

        self.editor_stack = QStackedWidget()
        self.editor_stack.addWidget(week_body)
        self.editor_stack.addWidget(no_plan_page)
        layout.addWidget(self.editor_stack, 1)
        return tab

    def _metric_columns(self) -> list[Col]:
        return [
            Col("name", label("name"), field="name", stretch=1, nullable=False, max_length=200),
            Col("kind", label("kind"), "enum", enum="kind", field="kind", nullable=False),
            Col("unit", label("unit"), field="unit", max_width=110, max_length=40),
            Col(
                "planned",
                label("planned"),
                "float",
                field="planned",
                nullable=False,
                display=_metric_value("planned"),
            ),
            Col(
                "actual", label("actual"), "float", field="actual", display=_metric_value("actual")
            ),
            Col("not_measured", lambda: self.tr("Not measured"), "bool", field="not_measured"),
            Col(
                "attainment",
                lambda: self.tr("Reached"),
                "percent",
                tone=lambda r: (
                    None
                    if r.get("attainment") is None
                    else ("good" if r["attainment"] >= 1 else "warn")
                ),
            ),
        ]

    def _task_columns(self) -> list[Col]:
        return [
            Col(
                "description",
                label("description"),
                field="description",
                stretch=3,
                nullable=False,
                max_length=500,
                display=self._description_text,
                tone=lambda r: "muted" if r.get("id") is None else None,
                tooltip=self._description_tip,
            ),
            Col(
                "end_product",
                label("end_product"),
                field="end_product",
                stretch=3,
                max_length=500,
                display=self._end_product_text,
                tone=lambda r: (
                    "warn"
                    if r.get("id") is not None and not (r.get("end_product") or "").strip()
                    else None
                ),
            ),
            Col(
                "action",
                label("action_id"),
                "ref",
                field="action_id",
                choices=lambda: self.picks,
                stretch=2,
                edit_key="pick",
                display=self._action_text,
                tooltip=self._action_tip,
            ),
            Col(
                "est_hours", lambda: self.tr("Est., h"), "hours", field="est_hours", nullable=False
            ),
            Col("actual_hours", lambda: self.tr("Actual, h"), "hours", field="actual_hours"),
            Col("done", lambda: self.tr("Done"), "bool", field="done"),
            Col(
                "task_type",
                lambda: self.tr("Type"),
                "ref",
                field="task_type",
                choices=self._type_choices,
                nullable=False,
                display=lambda r, f: dict(self._type_choices()).get(r.get("task_type") or "", ""),
                tone=lambda r: {"unplanned": "warn", "planned": "muted"}.get(
                    r.get("task_type") or ""
                ),
                tooltip=lambda r: self.tr(
                    "Regular tasks are copied into every week; unplanned ones came up during "
                    "the week."
                ),
            ),
        ]

    def _build_people(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 12, 0, 0)
        self.people = self.table_block(
            "person",
            [
                Col(
                    "name",
                    label("name"),
                    field="name",
                    stretch=1,
                    width=170,
                    nullable=False,
                    max_length=200,
                    bold=True,
                ),
                Col("role", label("role"), field="role", stretch=1, max_length=200),
                Col(
                    "weekly_hours",
                    lambda: self.tr("Hours a week"),
                    "hours",
                    field="weekly_hours",
                    nullable=False,
                ),
                Col(
                    "unplannable_share",
                    lambda: self.tr("Unplannable"),
                    "share",
                    field="unplannable_share",
                    nullable=False,
                ),
                Col("capacity_hours", lambda: self.tr("Capacity, h"), "hours"),
                Col(
                    "manager_name",
                    label("manager_id"),
                    "ref",
                    field="manager_id",
                    choices=ref_choices(self, "people"),
                    max_width=180,
                ),
                Col("active_from", lambda: self.tr("Active from"), "date", field="active_from"),
                Col("active_to", lambda: self.tr("Active to"), "date", field="active_to"),
            ],
            title=self.tr("People"),
            hint=self._people_hint(0.65),
            empty=self.tr("No people yet. Add the people who do the work."),
            add_text=self.tr("Add person"),
            delete_text=self.tr("Delete"),
            new_row=lambda: {"name": self.tr("New person")},
        )
        layout.addWidget(self.people.section)
        return tab

    def _people_hint(self, plan_share: float) -> str:
        return self.tr(
            "Unplannable: the share of time that cannot be planned, e.g. 40 % for a barista who "
            "takes the inbound calls. Capacity = hours × (1 − unplannable) × {share}."
        ).format(share=self.fmt.percent(plan_share))

    # --- cell texts -----------------------------------------------------------------------------
    def _description_text(self, row: Row, fmt: Formatter) -> str:
        if row.get("id") is None:
            return self.tr("Unplanned work: type it here")
        text = str(row.get("description") or "")
        return f"↪ {text}" if row.get("carried") else text

    def _description_tip(self, row: Row) -> str:
        if row.get("id") is None:
            return self.tr("A free row for work that comes up during the week.")
        notes = []
        if row.get("carried"):
            notes.append(self.tr("Carried over from last week."))
        if row.get("goal_title"):
            notes.append(self.tr("Serves the goal “{goal}”.").format(goal=row["goal_title"]))
        text = str(row.get("description") or "")
        return "\n".join([text, *notes]) if len(text) > 40 or notes else ""

    def _end_product_text(self, row: Row, fmt: Formatter) -> str:
        if row.get("id") is None:
            return ""
        value = str(row.get("end_product") or "").strip()
        return value or self.tr("what comes out? (missing)")

    def _type_choices(self) -> list[tuple[str, str]]:
        return [
            ("planned", self.tr("Planned")),
            ("regular", self.tr("Regular")),
            ("unplanned", self.tr("Unplanned")),
        ]

    def _pick_label(self, title: str, occurrence: Any) -> str:
        if occurrence is None:
            return title
        return f"{title} · {self.fmt.short_date(occurrence)}"

    def _action_text(self, row: Row, fmt: Formatter) -> str:
        if row.get("id") is None or row.get("action_id") is None:
            return DASH if row.get("id") is not None else ""
        return self._pick_label(str(row.get("action_title") or ""), row.get("occurrence"))

    def _action_tip(self, row: Row) -> str:
        if row.get("goal_title"):
            return self.tr("Goal: {goal}").format(goal=row["goal_title"])
        if row.get("action_id") is not None:
            return self.tr("This action serves no goal.")
        return ""

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        from mktplanner.services import views, weekly

        assert self.doc is not None
        plan = self.doc.plan
        self.people_rows = weekly.people(plan)
        index = self.tabs.currentIndex()
        if index == 2:
            self.choices = views.choices(plan)
            self.people.set_rows(self.people_rows)
            self.people.section.hint.setText(self._people_hint(views.plan_profile(plan).plan_share))
            return
        if index == 1:
            self.team.nav.set_week(*self.week)
            self.team.set_week_rows(weekly.team_week(plan, *self.week))
            from mktplanner.domain.rules.weekly import next_iso_week

            # The weeks before the chosen one, and the week after (the plans to approve next).
            last = next_iso_week(*self.week)
            self.team.set_history(weekly.team_history(plan, (last.year, last.week), HISTORY_WEEKS))
            return
        self._load_editor()

    def _fill_people_combo(self) -> None:
        combo = self.person_combo
        combo.blockSignals(True)
        combo.clear()
        for row in self.people_rows:
            combo.addItem(row["name"], row["id"])
        ids = [r["id"] for r in self.people_rows]
        if self.person_id not in ids:
            self.person_id = ids[0] if ids else None
        if self.person_id is not None:
            combo.setCurrentIndex(ids.index(self.person_id))
        combo.blockSignals(False)

    def _load_editor(self) -> None:
        from mktplanner.services import tactics, weekly

        assert self.doc is not None
        plan = self.doc.plan
        self._fill_people_combo()
        self.nav.set_week(*self.week)
        data = None
        if self.person_id is not None:
            data = weekly.week_view(plan, self.person_id, *self.week)
        self.view_data = data
        if data is None:
            self._show_no_plan(None)
            return
        head = data.header
        self._show_state(head)
        self._show_capacity(head)
        if head.id is None:
            self._show_no_plan(data)
            return
        self.editor_stack.setCurrentIndex(0)
        self.picks = self._pick_entries(tactics.pick_list(plan, *self.week), data.tasks)
        tasks = [
            dict(t, pick=_pick_key(t["action_id"], t["occurrence"]), task_type=_task_type(t))
            for t in data.tasks
        ]
        if head.state != "closed" and not self.read_only:
            tasks += [{"id": None, "blank": i} for i in range(BLANK_ROWS)]
        self.metrics.set_rows(data.metrics)
        self.tasks.set_rows(tasks)
        self._fit_metrics(len(data.metrics))
        open_week = head.state != "closed"
        self.suggest_button.setEnabled(not self.read_only and open_week)
        for block in (self.metrics, self.tasks):
            add = block.section.add_button
            if add is not None:  # a closed week takes no new rows
                add.setVisible(open_week and not self.read_only)
        self.suggest_button.setVisible(not self.read_only)

    def _fit_metrics(self, count: int) -> None:
        """Give the metrics table the height of its rows (1 to 5), the tasks the rest."""
        view = self.metrics.view
        header = view.horizontalHeader().sizeHint().height()
        rows = theme.ROW_HEIGHT * min(max(count, 1), 5)
        view.setFixedHeight(header + rows + 2 * view.frameWidth())

    def _pick_entries(self, items: Any, tasks: list[Row]) -> list[tuple[str, str]]:
        """The week's pick list (open actions running in the week, one entry per occurrence
        of a recurring one), plus whatever the week's tasks already link to, so that opening
        a cell never loses its link."""
        entries: dict[str, str] = {}
        for item in items:
            key = _pick_key(item.action_id, item.occurrence_date)
            if key is not None:
                entries[key] = self._pick_label(item.title, item.occurrence_date)
        for task in tasks:
            key = _pick_key(task["action_id"], task["occurrence"])
            if key is not None and key not in entries:
                entries[key] = self._pick_label(str(task["action_title"]), task["occurrence"])
        return list(entries.items())

    def _show_no_plan(self, data: Any) -> None:
        self.editor_stack.setCurrentIndex(1)
        self.metrics.model.set_rows([])
        self.tasks.model.set_rows([])
        for button in self.step_buttons.values():
            button.hide()
        self.prepare_button.hide()
        if data is None:
            self.state_chip.hide()
            self.state_text.setText("")
            self.capacity.hide()
            self.no_plan_text.setText(self.tr("Add the people who do the work first."))
            self.no_plan_hint.setText(
                self.tr("Each person gets a weekly plan: the People tab lists the team.")
            )
            self.create_button.hide()
            self.from_previous_button.hide()
            return
        head = data.header
        self.no_plan_text.setText(
            self.tr("{person} has no plan for this week yet.").format(person=head.person_name)
        )
        if data.previous_id is not None:
            hint = self.tr(
                "Prepare it from last week: regular tasks are copied, unfinished ones carried "
                "over, and the targets start from last week's results + 1 %."
            )
        else:
            hint = self.tr("Start with the week's target metrics, then the tasks that get there.")
        self.no_plan_hint.setText(hint)
        writable = not self.read_only
        self.create_button.setVisible(writable)
        self.from_previous_button.setVisible(writable and data.previous_id is not None)

    def _show_state(self, head: Any) -> None:
        fmt = self.fmt
        state = head.state
        bg, fg = (STATE_STYLE_DARK if theme.is_dark() else STATE_STYLE).get(
            state or "draft", ("", "")
        )
        self.state_chip.setText(texts.enum_label("state", state) if state else self.tr("No plan"))
        self.state_chip.setStyleSheet(
            f"background: {bg}; color: {fg}; border-radius: 10px; padding: 3px 10px; "
            "font-weight: 600;"
        )
        self.state_chip.show()
        if state is None:
            self.state_text.setText(self.tr("Nothing is planned for this week yet."))
            return
        manager = head.manager_name or self.tr("the manager")
        approver = head.approved_by_name
        if state == "draft":
            text = self.tr("Being written by {person}; actuals come after approval.").format(
                person=head.person_name
            )
        elif state == "submitted":
            text = self.tr("Submitted on {date}; waiting for {manager} to approve.").format(
                date=fmt.date(head.submitted_on), manager=manager
            )
        elif state == "approved":
            text = (
                self.tr("Approved on {date} by {who}.").format(
                    date=fmt.date(head.approved_on), who=approver
                )
                if approver
                else self.tr("Approved on {date}.").format(date=fmt.date(head.approved_on))
            )
            text += " " + self.tr("Fill in the actuals, then close the week.")
        else:
            text = self.tr("Closed on {date}: reopen the week to change it.").format(
                date=fmt.date(head.closed_on)
            )
        self.state_text.setText(text)
        writable = not self.read_only
        allowed = {
            "draft": ("submit",),
            "submitted": ("return", "approve"),
            "approved": ("close",),
            "closed": ("reopen",),
        }.get(state, ())
        for action, button in self.step_buttons.items():
            button.setVisible(writable and action in allowed)
        self.prepare_button.setVisible(writable)

    def _show_capacity(self, head: Any) -> None:
        fmt = self.fmt
        self.capacity.show()
        over = head.planned_hours - head.capacity
        headline = self.tr("{planned} h planned of {capacity} h capacity").format(
            planned=_hours(fmt, head.planned_hours), capacity=_hours(fmt, head.capacity)
        )
        if head.load is not None:
            headline += f" ({fmt.percent(head.load)})"
        parts = [
            self.tr("Capacity = {hours} h × (1 − {unplannable}) × {share} = {capacity} h.").format(
                hours=fmt.number(head.weekly_hours),
                unplannable=fmt.percent(head.unplannable_share),
                share=fmt.percent(head.plan_share),
                capacity=_hours(fmt, head.capacity),
            )
        ]
        if str(head.level) == "red":
            parts.append(self.tr("Over by {hours} h.").format(hours=_hours(fmt, over)))
        elif str(head.level) == "amber":
            parts.append(self.tr("Close to the limit."))
        if head.actual_hours is not None:
            parts.append(self.tr("Actual: {hours} h.").format(hours=_hours(fmt, head.actual_hours)))
        if head.linked_share is not None:
            parts.append(
                self.tr("{share} of the planned hours serve a goal.").format(
                    share=fmt.percent(head.linked_share)
                )
            )
        self.capacity.set_values(
            head.planned_hours, head.capacity, str(head.level), headline, " ".join(parts)
        )

    # --- navigation ----------------------------------------------------------------------------
    def _person_picked(self, index: int) -> None:
        value = self.person_combo.itemData(index)
        if value is not None and value != self.person_id:
            self.person_id = int(value)
            self.refresh()

    def _week_changed(self, year: int, week: int) -> None:
        if (year, week) != self.week:
            self.week = (year, week)
            self.refresh()

    def open_week(self, person_id: int, year: int, week: int) -> None:
        """Show one person's week in the editor."""
        self.person_id = person_id
        self.week = (year, week)
        if self.tabs.currentIndex() != 0:
            self.tabs.setCurrentIndex(0)  # refreshes
        else:
            self.refresh()

    def current_object(self) -> tuple[str, int] | None:
        index = self.tabs.currentIndex()
        if index == 2:
            row = self.people.view.current_row()
            return ("person", int(row["id"])) if row else None
        if index == 0 and self.view_data is not None and self.view_data.header.id is not None:
            task = self.tasks.view.current_row()
            if task is not None and task.get("id") is not None and self.tasks.view.hasFocus():
                return ("weekly_task", int(task["id"]))
            return ("weekly_plan", int(self.view_data.header.id))
        return None

    def select_object(self, table: str, ident: int) -> bool:
        from mktplanner.services import weekly

        if self.doc is None:
            return False
        if table == "person":
            self.tabs.setCurrentIndex(2)
            self.refresh()
            if self.people.view.select_id(ident):
                self.people.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            return False
        found = weekly.locate(self.doc.plan, table, ident)
        if found is None:
            return False
        self.open_week(found[0], found[1], found[2])
        block = {"weekly_task": self.tasks, "weekly_metric": self.metrics}.get(table)
        if block is None:
            return True
        if block.view.select_id(ident):
            block.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    # --- edits ---------------------------------------------------------------------------------
    def _push_built(self, build: Callable[[], Any]) -> bool:
        """Build an edit through ``services.weekly`` and push it (a refusal found while
        building is shown like any refused edit)."""
        from mktplanner.domain.errors import DomainError

        if self.doc is None or self.read_only:
            return False
        try:
            edit = build()
        except DomainError as exc:
            dialogs.show_edit_error(self.window(), exc)
            return False
        if edit is None:
            return False
        return self.push(edit)

    def _week_id(self) -> int | None:
        data = self.view_data
        return None if data is None else data.header.id

    def _edit_task(self, row: Row, col: Col, value: Any) -> bool:
        from mktplanner.services import weekly

        assert self.doc is not None
        plan = self.doc.plan
        changes: dict[str, Any]
        if col.key == "action":
            action_id, occurrence = _parse_pick(value)
            changes = {"action_id": action_id, "occurrence": occurrence}
        elif col.key == "task_type":
            changes = {"regular": value == "regular", "unplanned": value == "unplanned"}
        else:
            assert col.field is not None
            changes = {col.field: value}
        if row.get("id") is None:  # a blank row: unplanned work
            week_id = self._week_id()
            if week_id is None:
                return False
            text = str(value).strip() if col.key == "description" else ""
            if not text:
                return False
            values = {"description": text, "unplanned": True, "est_hours": 0.0}
            return self._push_built(lambda: weekly.add_task(plan, week_id, values))
        return self._push_built(lambda: weekly.update_task(plan, int(row["id"]), changes))

    def _edit_metric(self, row: Row, col: Col, value: Any) -> bool:
        from mktplanner.services import weekly

        assert self.doc is not None and col.field is not None
        plan = self.doc.plan
        changes = {col.field: value}
        if col.field == "not_measured" and value:
            changes["actual"] = None  # 'not measured' replaces a value typed before
        return self._push_built(lambda: weekly.update_metric(plan, int(row["id"]), changes))

    def add_task(self) -> bool:
        from mktplanner.services import weekly

        week_id = self._week_id()
        if self.doc is None or week_id is None or self.read_only:
            return False
        plan = self.doc.plan
        values = {"description": self.tr("New task"), "est_hours": 1.0}
        edit_holder: list[Any] = []

        def build() -> Any:
            edit_holder.append(weekly.add_task(plan, week_id, values))
            return edit_holder[0]

        if not self._push_built(build):
            return False
        self.refresh()
        new_id = edit_holder[0].inner.key
        column = self.tasks.model.column_of("description")
        if self.tasks.view.select_id(new_id, column):
            self.tasks.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.tasks.view.edit(self.tasks.view.currentIndex())
        return True

    def add_metric(self) -> bool:
        from mktplanner.services import weekly

        week_id = self._week_id()
        if self.doc is None or week_id is None or self.read_only:
            return False
        plan = self.doc.plan
        values = {"name": self.tr("New metric"), "kind": "count", "planned": 0.0}
        holder: list[Any] = []

        def build() -> Any:
            holder.append(weekly.add_metric(plan, week_id, values))
            return holder[0]

        if not self._push_built(build):
            return False
        self.refresh()
        if self.metrics.view.select_id(holder[0].inner.key, 0):
            self.metrics.view.setFocus(Qt.FocusReason.OtherFocusReason)
            self.metrics.view.edit(self.metrics.view.currentIndex())
        return True

    def _delete_tasks(self) -> bool:
        from mktplanner.services import weekly

        ids = self.tasks.selected_ids()
        if not ids or self.doc is None:
            return False
        plan = self.doc.plan
        return self._push_built(lambda: weekly.delete_tasks(plan, ids))

    def _delete_metrics(self) -> bool:
        from mktplanner.services import weekly

        ids = self.metrics.selected_ids()
        if not ids or self.doc is None:
            return False
        plan = self.doc.plan
        return self._push_built(lambda: weekly.delete_metrics(plan, ids))

    def create_week(self) -> bool:
        from mktplanner.services import weekly

        if self.doc is None or self.person_id is None:
            return False
        plan, person = self.doc.plan, self.person_id
        return self._push_built(lambda: weekly.create_week(plan, person, *self.week))

    def suggest_targets(self) -> bool:
        from mktplanner.services import weekly

        week_id = self._week_id()
        if self.doc is None or week_id is None:
            return False
        plan = self.doc.plan
        from mktplanner.domain.errors import DomainError

        try:
            edit = weekly.suggest_targets(plan, week_id)
        except DomainError as exc:
            dialogs.show_edit_error(self.window(), exc)
            return False
        if edit is None:
            dialogs.message(
                self.window(),
                "info",
                dialogs.app_title(),
                self.tr("Nothing to suggest."),
                self.tr(
                    "Suggestions start from last week's actual values of the same metrics, "
                    "and last week has none."
                ),
            )
            return False
        return self.push(edit)

    def _prepare(self, source_id: int) -> bool:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import weekly

        assert self.doc is not None
        try:
            prepared = weekly.prepare_next_week(self.doc.plan, source_id)
        except DomainError as exc:
            dialogs.show_edit_error(self.window(), exc)
            return False
        if prepared.edit is not None and not self.push(prepared.edit):
            return False
        if prepared.edit is None:
            note = self.tr("Next week already has these tasks.")
        else:
            note = self.tr(
                "Next week prepared: {regular} regular, {carried} carried over, "
                "{metrics} target metrics."
            ).format(regular=prepared.regular, carried=prepared.carried, metrics=prepared.metrics)
        self._status(note)
        self.open_week(int(self.person_id or 0), prepared.target.year, prepared.target.week)
        return True

    def prepare_next_week(self) -> bool:
        week_id = self._week_id()
        if self.doc is None or week_id is None or self.read_only:
            return False
        return self._prepare(week_id)

    def prepare_from_previous(self) -> bool:
        data = self.view_data
        if self.doc is None or data is None or data.previous_id is None or self.read_only:
            return False
        return self._prepare(int(data.previous_id))

    def take_step(self, action: str) -> bool:
        """Submit, approve, return, close or reopen the week shown (asks first when the
        rules warn; says why when they refuse)."""
        from mktplanner.services import weekly

        week_id = self._week_id()
        if self.doc is None or week_id is None or self.read_only:
            return False
        result, edit = weekly.transition(self.doc.plan, week_id, action)
        if not result.allowed or edit is None:
            problem = result.problems[0] if result.problems else None
            dialogs.message(
                self.window(),
                "warning",
                dialogs.app_title(),
                self._step_title(action),
                self._refusal_text(problem),
            )
            return False
        if result.warnings:
            answer = dialogs.message(
                self.window(),
                "question",
                dialogs.app_title(),
                self.tr("Are you sure?"),
                "\n".join(self._warning_text(w) for w in _merge_warnings(result.warnings)),
                buttons=("cancel",),
                extra=(("go", self._go_anyway(action)),),
            )
            if answer != "go":
                return False
        return self.push(edit)

    def _step_title(self, action: str) -> str:
        return {
            "submit": self.tr("The week cannot be submitted."),
            "approve": self.tr("The week cannot be approved."),
            "return": self.tr("The week cannot be returned to draft."),
            "close": self.tr("The week cannot be closed yet."),
            "reopen": self.tr("The week cannot be reopened."),
        }.get(action, self.tr("This step is not possible."))

    def _go_anyway(self, action: str) -> str:
        return {
            "submit": self.tr("Submit anyway"),
            "approve": self.tr("Approve anyway"),
        }.get(action, self.tr("Go on"))

    def _refusal_text(self, problem: Any) -> str:
        if problem is None:
            return ""
        if problem.code == "close_needs_actuals":
            parts = []
            if problem.params.get("tasks"):
                parts.append(
                    self.tr("%n task(s) have no actual hours.", "", int(problem.params["tasks"]))
                )
            if problem.params.get("metrics"):
                parts.append(
                    self.tr(
                        "%n target metric(s) have no actual value (tick “Not measured” where "
                        "there is none).",
                        "",
                        int(problem.params["metrics"]),
                    )
                )
            return " ".join(parts)
        if problem.code == "transition_not_allowed":
            return self.tr("A week that is “{state}” cannot take this step.").format(
                state=texts.enum_label("state", problem.params.get("state"))
            )
        return texts.problem_text(problem.code, problem.params, problem.field)

    def _warning_text(self, warning: Any) -> str:
        fmt = self.fmt
        if warning.code == "over_capacity":
            return self.tr(
                "{planned} h are planned, more than the capacity of {capacity} h."
            ).format(
                planned=fmt.number(warning.params.get("planned"), 1),
                capacity=fmt.number(warning.params.get("capacity"), 1),
            )
        if warning.code == "task_without_end_product":
            count = int(warning.params.get("count", 1))
            return self.tr("%n task(s) name no end product.", "", count)
        return texts.problem_text(warning.code, warning.params, warning.field)

    def _status(self, text: str) -> None:
        window = self.window()
        bar = getattr(window, "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 8000)


def _pick_key(action_id: int | None, occurrence: Any) -> str | None:
    if action_id is None:
        return None
    return f"{action_id}@{occurrence.isoformat()}" if occurrence is not None else str(action_id)


def _metric_value(key: str) -> Callable[[Row, Formatter], str]:
    """A metric's value as typed: money with the currency's decimals (2,017.98)."""
    from mktplanner.domain.money import minor_digits

    def text(row: Row, fmt: Formatter) -> str:
        value = row.get(key)
        if value is None:
            return DASH
        if row.get("kind") == "money":
            return fmt.number(value, minor_digits(fmt.currency))
        return fmt.number(value)

    return text


def _task_type(task: Row) -> str:
    if task.get("unplanned"):
        return "unplanned"
    return "regular" if task.get("regular") else "planned"


def _parse_pick(value: Any) -> tuple[int | None, Any]:
    import datetime as dt

    if value is None or value == "":
        return None, None
    action, _, day = str(value).partition("@")
    return int(action), (dt.date.fromisoformat(day) if day else None)


def _merge_warnings(warnings: Any) -> list[Any]:
    """One line for all tasks without an end product (the rule gives one per task)."""
    from mktplanner.domain.errors import Problem

    out: list[Any] = []
    missing = [w for w in warnings if w.code == "task_without_end_product"]
    out.extend(w for w in warnings if w.code != "task_without_end_product")
    if missing:
        out.append(Problem("end_product", "task_without_end_product", {"count": len(missing)}))
    return out
