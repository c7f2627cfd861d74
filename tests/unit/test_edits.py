"""Generic edits: every insert, update and delete on every table can be undone to the exact
file it started from and redone with the same ids; cascades and SET NULL references come
back; invalid values write nothing; a read-only plan refuses; Composite and Deferred are one
undo step; and a random sequence of edits, undos and redos always matches a model.

"The file" is read through a fresh connection after each step (``fixtures.planfiles.dump``):
what a user reopening the plan would get, not what a session has cached.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import FileState, dump, make_head_plan
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from sqlmodel import SQLModel

from mktplanner.domain.errors import DomainError
from mktplanner.domain.tables import (
    ALL_TABLES,
    Action,
    Budget,
    BudgetLine,
    Channel,
    ChannelResult,
    CheckScore,
    ControlCheck,
    ControlPoint,
    Direction,
    Expense,
    FindingDismissal,
    Goal,
    GoalSwotLink,
    Hypothesis,
    Measurement,
    Person,
    Plan,
    Setting,
    SwotItem,
    TowsOption,
    WeeklyMetric,
    WeeklyPlan,
    WeeklyTask,
)
from mktplanner.services.edits import (
    Composite,
    Deferred,
    DeleteRow,
    Edit,
    InsertRow,
    UpdateRow,
    run,
    undo,
)
from mktplanner.store.errors import ReadOnlyPlan
from mktplanner.store.planfile import PlanFile

D = dt.date


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = make_head_plan(tmp_path_factory.mktemp("template") / "template.mktplan")
    return path.read_bytes()


@pytest.fixture
def plan(template: bytes, tmp_path: Path) -> Iterator[PlanFile]:
    path = tmp_path / "cafe.mktplan"
    path.write_bytes(template)
    p = PlanFile.open(path, backup=False)
    yield p
    p.close()


def name_of(model: type[SQLModel]) -> str:
    return model.__tablename__  # type: ignore[attr-defined,return-value]


def rows_of(plan: PlanFile, model: type[SQLModel]) -> dict[Any, dict[str, Any]]:
    """The rows of one table in the file, by key, as column -> stored value."""
    con = sqlite3.connect(plan.path)
    con.row_factory = sqlite3.Row
    try:
        table = model.__table__  # type: ignore[attr-defined]
        pk = [c.name for c in table.primary_key.columns]
        out = {}
        for r in con.execute(f'SELECT * FROM "{table.name}"'):
            key = r[pk[0]] if len(pk) == 1 else tuple(r[c] for c in pk)
            out[key] = dict(r)
        return out
    finally:
        con.close()


def fk_problems(plan: PlanFile) -> list[Any]:
    con = sqlite3.connect(plan.path)
    try:
        return con.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        con.close()


# --- one valid insert, update and delete for every table ------------------------------------

INSERTS: list[tuple[type[SQLModel], dict[str, Any]]] = [
    (Person, {"name": "Olga", "role": "Designer", "manager_id": 2}),
    (SwotItem, {"quadrant": "W", "text": "Small hall", "weight": 2, "source": "employees"}),
    (Goal, {"title": "Reach", "metric": "followers", "unit": "people", "baseline": 1000.0,
            "target": 2000.0, "deadline": D(2025, 12, 31), "owner_id": 3}),
    (GoalSwotLink, {"goal_id": 2, "swot_item_id": 3}),
    (TowsOption, {"internal_id": 1, "external_id": 3, "text": "Defend with quality",
                  "goal_id": 2}),
    (Measurement, {"goal_id": 2, "date": D(2025, 3, 1), "value": 35.5}),
    (Direction, {"name": "HR", "color": "#E45756", "position": 2}),
    (Channel, {"name": "SEO", "color": "#72B7B2", "position": 2}),
    (Hypothesis, {"title": "SEO brings lunches", "channel_id": 2, "test_budget_minor": 100000}),
    (Action, {"title": "Print menus", "direction_id": 2, "goal_id": 2, "channel_id": 2,
              "owner_id": 3, "start": D(2025, 4, 1), "due": D(2025, 4, 15),
              "budget_minor": 300000}),
    (WeeklyPlan, {"person_id": 2, "iso_year": 2025, "iso_week": 7}),
    (WeeklyMetric, {"weekly_plan_id": 2, "name": "Calls", "kind": "count", "planned": 10.0}),
    (WeeklyTask, {"weekly_plan_id": 2, "description": "Prepare the meeting", "action_id": 2,
                  "end_product": "Slides the client asks about", "est_hours": 2.0}),
    (BudgetLine, {"month": D(2025, 4, 1), "channel_id": 2, "amount_minor": 150000}),
    (Expense, {"date": D(2025, 3, 3), "amount_minor": 450000, "channel_id": 2, "action_id": 2,
               "payee": "Print shop", "import_key": "bank:2"}),
    (ControlPoint, {"target": "budget", "cadence": "monthly", "limit_minor": 8000000,
                    "controller_id": 1}),
    (ControlCheck, {"control_point_id": 1, "date": D(2025, 2, 17), "person_id": 1,
                    "plan_minor": 500000, "actual_minor": 400000, "verdict": "ok"}),
    (ChannelResult, {"channel_id": 2, "month": D(2025, 3, 1), "impressions": 5000,
                     "clicks": 50, "leads": 5, "customers": 2, "revenue_minor": 700000}),
    (Setting, {"key": "ui.last_page", "value": "goals"}),
    (FindingDismissal, {"code": "action_without_owner", "object_ref": "action:3",
                        "reason": "shared"}),
    (CheckScore, {"at": "2025-02-08T10:00:00", "passed": 9, "total": 10}),
]  # fmt: skip

UPDATES: list[tuple[type[SQLModel], Any, dict[str, Any]]] = [
    (Plan, 1, {"mission": "Best coffee in the park", "tactical_months": 12}),
    (Budget, 1, {"mode": "top_down", "total_minor": 0}),
    (Person, 3, {"weekly_hours": 20.0, "manager_id": 2}),
    (SwotItem, 2, {"text": "Office park opened", "weight": 4}),
    (Goal, 2, {"target": 60.0, "deadline": D(2025, 9, 30)}),
    (GoalSwotLink, (2, 2), {"swot_item_id": 3}),
    (TowsOption, 2, {"goal_id": 2}),
    (Measurement, 2, {"value": 142.0}),
    (Direction, 2, {"name": "Sales & partners"}),
    (Channel, 2, {"color": "#000000"}),
    (Hypothesis, 1, {"result": 45.0, "decision": "scale"}),
    (Action, 2, {"status": "done", "owner_id": None}),
    (WeeklyPlan, 2, {"state": "submitted", "submitted_on": D(2025, 2, 2)}),
    (WeeklyMetric, 1, {"actual": 18.0}),
    (WeeklyTask, 3, {"done": True, "actual_hours": 2.5}),
    (BudgetLine, 1, {"amount_minor": 2500000}),
    (Expense, 2, {"note": "coins and notes", "amount_minor": 100}),
    (ControlPoint, 2, {"limit_minor": 1500000}),
    (ControlCheck, 1, {"verdict": "warning", "comment": "watch it"}),
    (ChannelResult, 1, {"leads": 30}),
    (Setting, "csv.mapping.bank", {"value": "{}"}),
    (Setting, "csv.mapping.bank", {"key": "csv.mapping.card"}),
    (FindingDismissal, 1, {"reason": "not this season"}),
    (CheckScore, 1, {"passed": 10}),
]

DELETES: list[tuple[type[SQLModel], Any]] = [
    (Plan, 1), (Budget, 1), (Person, 2), (SwotItem, 1), (Goal, 1), (GoalSwotLink, (1, 2)),
    (TowsOption, 1), (Measurement, 1), (Direction, 1), (Channel, 1), (Hypothesis, 1),
    (Action, 1), (WeeklyPlan, 1), (WeeklyMetric, 1), (WeeklyTask, 1), (BudgetLine, 2),
    (Expense, 1), (ControlPoint, 1), (ControlCheck, 1), (ChannelResult, 1),
    (Setting, "csv.mapping.bank"), (FindingDismissal, 1), (CheckScore, 1),
]  # fmt: skip


def test_the_cases_cover_every_table() -> None:
    every = {name_of(m) for m in ALL_TABLES}
    assert {name_of(m) for m, _ in INSERTS} == every - {"plan", "budget"}  # one row each
    assert {name_of(m) for m, _, _ in UPDATES} == every
    assert {name_of(m) for m, _ in DELETES} == every


def _stored(model: type[SQLModel], values: dict[str, Any]) -> dict[str, Any]:
    """Python values as SQLite stores them (dates as ISO text, flags as 0/1)."""
    out = {}
    for k, v in values.items():
        if isinstance(v, dt.date):
            v = v.isoformat()
        elif isinstance(v, bool):
            v = int(v)
        out[k] = v
    return out


@pytest.mark.parametrize("model, values", INSERTS, ids=[name_of(m) for m, _ in INSERTS])
def test_insert_undo_redo(plan: PlanFile, model: type[SQLModel], values: dict[str, Any]) -> None:
    start = dump(plan.path)
    edit = InsertRow(model, values)
    change = run(plan, edit)
    key = edit.key
    assert change.rows == {name_of(model): {key}}
    row = rows_of(plan, model)[key]
    assert {k: row[k] for k in values} == _stored(model, values)
    applied = dump(plan.path)

    assert undo(plan, edit).rows == {name_of(model): {key}}
    assert dump(plan.path) == start

    run(plan, edit)  # redo
    assert edit.key == key
    assert dump(plan.path) == applied
    undo(plan, edit)
    assert dump(plan.path) == start


@pytest.mark.parametrize(
    "model, key, changes", UPDATES, ids=[f"{name_of(m)}-{sorted(c)}" for m, _, c in UPDATES]
)
def test_update_undo_redo(
    plan: PlanFile, model: type[SQLModel], key: Any, changes: dict[str, Any]
) -> None:
    start = dump(plan.path)
    edit = UpdateRow(model, key, changes)
    change = run(plan, edit)
    assert key in change.rows[name_of(model)]
    after = rows_of(plan, model)
    pk = [c.name for c in model.__table__.primary_key.columns]  # type: ignore[attr-defined]
    if len(pk) == 1:
        new_key = changes.get(pk[0], key)
    else:
        new_key = tuple(changes.get(c, k) for c, k in zip(pk, key, strict=True))
    assert new_key in change.rows[name_of(model)]
    assert {k: after[new_key][k] for k in changes} == _stored(model, changes)
    applied = dump(plan.path)

    undo(plan, edit)
    assert dump(plan.path) == start
    run(plan, edit)
    assert dump(plan.path) == applied
    undo(plan, edit)
    assert dump(plan.path) == start


@pytest.mark.parametrize("model, key", DELETES, ids=[name_of(m) for m, _ in DELETES])
def test_delete_undo_redo(plan: PlanFile, model: type[SQLModel], key: Any) -> None:
    start = dump(plan.path)
    edit = DeleteRow(model, key)
    change = run(plan, edit)
    assert key in change.rows[name_of(model)]
    assert key not in rows_of(plan, model)
    assert fk_problems(plan) == []  # nothing left pointing at the deleted row
    applied = dump(plan.path)

    undo(plan, edit)
    assert dump(plan.path) == start
    assert fk_problems(plan) == []
    run(plan, edit)
    assert dump(plan.path) == applied
    undo(plan, edit)
    assert dump(plan.path) == start


# --- cascades -------------------------------------------------------------------------------


def test_delete_a_goal_with_measurements_links_actions_and_weekly_tasks(plan: PlanFile) -> None:
    start = dump(plan.path)
    tasks_before = rows_of(plan, WeeklyTask)
    edit = DeleteRow(Goal, 1)
    change = run(plan, edit)

    assert 1 not in rows_of(plan, Goal)
    assert [m["goal_id"] for m in rows_of(plan, Measurement).values()] == [2]
    assert set(rows_of(plan, GoalSwotLink)) == {(2, 2)}
    actions = rows_of(plan, Action)
    assert (actions[1]["goal_id"], actions[2]["goal_id"], actions[3]["goal_id"]) == (None, None, 2)
    assert rows_of(plan, TowsOption)[1]["goal_id"] is None
    # weekly tasks behind those actions stay, still linked to their actions
    assert rows_of(plan, WeeklyTask) == tasks_before
    assert change.rows == {
        "goal": {1},
        "measurement": {1, 2},
        "goal_swot": {(1, 1), (1, 2)},
        "tows_option": {1},
        "action": {1, 2},
    }

    assert undo(plan, edit).rows == change.rows
    assert dump(plan.path) == start
    assert rows_of(plan, Action)[1]["goal_id"] == 1


def test_delete_a_person_who_owns_actions_and_manages_others(plan: PlanFile) -> None:
    start = dump(plan.path)
    edit = DeleteRow(Person, 1)  # Boris: manages Anna and Ivan, owns goal 1, approves weeks
    run(plan, edit)
    people = rows_of(plan, Person)
    assert set(people) == {2, 3}
    assert people[2]["manager_id"] is None and people[3]["manager_id"] is None
    assert rows_of(plan, Goal)[1]["owner_id"] is None
    assert rows_of(plan, WeeklyPlan)[1]["approved_by_id"] is None
    assert rows_of(plan, ControlPoint)[1]["controller_id"] is None
    assert rows_of(plan, ControlCheck)[1]["person_id"] is None
    undo(plan, edit)
    assert dump(plan.path) == start

    edit = DeleteRow(Person, 2)  # Anna: owns actions 1 and 3, has a weekly plan with tasks
    change = run(plan, edit)
    actions = rows_of(plan, Action)
    assert actions[1]["owner_id"] is None and actions[3]["owner_id"] is None
    assert actions[2]["owner_id"] == 3
    assert set(rows_of(plan, WeeklyPlan)) == {2}
    assert set(rows_of(plan, WeeklyTask)) == {3}
    assert rows_of(plan, WeeklyMetric) == {}
    assert change.rows["weekly_task"] == {1, 2}
    assert change.rows["weekly_metric"] == {1}
    undo(plan, edit)
    assert dump(plan.path) == start


def test_delete_a_channel_cascades_to_control_points_and_their_checks(plan: PlanFile) -> None:
    start = dump(plan.path)
    edit = DeleteRow(Channel, 1)
    run(plan, edit)
    assert set(rows_of(plan, ControlPoint)) == {2}
    assert set(rows_of(plan, ControlCheck)) == {2}
    assert set(rows_of(plan, BudgetLine)) == {2}
    assert rows_of(plan, ChannelResult) == {}
    assert all(e["channel_id"] is None for e in rows_of(plan, Expense).values())
    assert rows_of(plan, Hypothesis)[1]["channel_id"] is None
    undo(plan, edit)
    assert dump(plan.path) == start


def test_a_row_reached_twice_by_a_cascade_comes_back_once(plan: PlanFile) -> None:
    con = plan.raw()
    con.execute("INSERT INTO tows_option VALUES (3, 1, 1, 'imported oddity', NULL, 2)")
    con.commit()
    con.close()
    start = dump(plan.path)
    edit = DeleteRow(SwotItem, 1)
    run(plan, edit)
    assert rows_of(plan, TowsOption) == {}
    undo(plan, edit)
    assert dump(plan.path) == start


def test_undo_after_reopening_with_the_same_edit_objects(plan: PlanFile) -> None:
    """An edit keeps what it needs to undo itself; nothing lives in the session or engine."""
    start = dump(plan.path)
    edit = DeleteRow(Goal, 1)
    run(plan, edit)
    path = plan.path
    plan.close()
    again = PlanFile.open(path, backup=False)
    try:
        undo(again, edit)
    finally:
        again.close()
    assert dump(path) == start


# --- invalid edits write nothing ------------------------------------------------------------

INVALID: list[tuple[str, Any, str]] = [
    ("empty title", lambda: InsertRow(Goal, {"title": ""}), "required"),
    ("date as text", lambda: InsertRow(Goal, {"title": "x", "deadline": "2025-01-01"}),
     "wrong_type"),
    ("negative money", lambda: InsertRow(Expense, {"date": D(2025, 1, 1), "amount_minor": -5}),
     "negative_money"),
    ("due before start", lambda: InsertRow(
        Action, {"title": "x", "start": D(2025, 5, 1), "due": D(2025, 4, 1)}),
     "end_before_start"),
    ("NaN", lambda: InsertRow(Measurement, {"goal_id": 1, "date": D(2025, 1, 1),
                                            "value": float("nan")}), "not_a_number"),
    ("dangling reference", lambda: InsertRow(
        Measurement, {"goal_id": 999, "date": D(2025, 1, 1), "value": 1.0}),
     "unknown_reference"),
    ("second weekly plan for the same week", lambda: InsertRow(
        WeeklyPlan, {"person_id": 2, "iso_year": 2025, "iso_week": 6}), "duplicate"),
    ("re-imported expense", lambda: InsertRow(
        Expense, {"date": D(2025, 1, 1), "amount_minor": 5, "import_key": "bank:1"}),
     "duplicate"),
    ("blank title on update", lambda: UpdateRow(Goal, 1, {"title": "   "}), "required"),
    ("dangling reference on update", lambda: UpdateRow(Goal, 1, {"owner_id": 999}),
     "unknown_reference"),
    ("own manager", lambda: UpdateRow(Person, 2, {"manager_id": 2}), "self_reference"),
    ("update of a missing row", lambda: UpdateRow(Goal, 999, {"title": "x"}), "not_found"),
    ("delete of a missing row", lambda: DeleteRow(Goal, 999), "not_found"),
    ("composite with a bad second part", lambda: Composite(
        "add_two", [InsertRow(Goal, {"title": "fine"}), InsertRow(Goal, {"title": ""})]),
     "required"),
    ("deferred with a bad second part", lambda: Deferred(
        "add_goal_for_swot", InsertRow(Goal, {"title": "fine"}),
        lambda first: InsertRow(GoalSwotLink, {"goal_id": first.key, "swot_item_id": 999})),
     "unknown_reference"),
]  # fmt: skip


@pytest.mark.parametrize(
    "make, code", [(m, c) for _, m, c in INVALID], ids=[n for n, _, _ in INVALID]
)
def test_invalid_edits_raise_domain_error_and_write_nothing(
    plan: PlanFile, make: Any, code: str
) -> None:
    before = FileState.of(plan.path)
    start = dump(plan.path)
    with pytest.raises(DomainError) as err:
        run(plan, make())
    assert err.value.first.code == code
    assert FileState.of(plan.path) == before
    assert dump(plan.path) == start
    # the plan is still usable afterwards
    run(plan, InsertRow(Goal, {"title": "next"}))


def test_unknown_columns_are_refused_before_anything_runs() -> None:
    with pytest.raises(DomainError) as err:
        InsertRow(Goal, {"title": "x", "colour": "red"})
    assert (err.value.first.field, err.value.first.code) == ("colour", "unknown_field")
    with pytest.raises(DomainError):
        UpdateRow(Goal, 1, {"colour": "red"})


def test_a_read_only_plan_refuses_every_edit_and_undo(plan: PlanFile) -> None:
    edit = InsertRow(Goal, {"title": "done while writable"})
    run(plan, edit)
    path = plan.path
    before = FileState.of(path)
    ro = PlanFile.open(path, read_only=True)
    try:
        assert ro.read_only
        for attempt in (
            lambda: run(ro, InsertRow(Goal, {"title": "x"})),
            lambda: run(ro, UpdateRow(Goal, 1, {"title": "x"})),
            lambda: run(ro, DeleteRow(Goal, 1)),
            lambda: undo(ro, edit),
        ):
            with pytest.raises(ReadOnlyPlan) as err:
                attempt()
            assert err.value.code == "read_only"
    finally:
        ro.close()
    assert FileState.of(path) == before


# --- Composite and Deferred: one undo step ---------------------------------------------------


def test_deferred_insert_goal_then_link_it_undoes_as_one_step(plan: PlanFile) -> None:
    start = dump(plan.path)
    edit = Deferred(
        "make_goal_from_swot",
        InsertRow(Goal, {"title": "Win the office park", "metric": "office clients"}),
        lambda first: InsertRow(GoalSwotLink, {"goal_id": first.key, "swot_item_id": 3}),
    )
    change = run(plan, edit)
    goal_id = edit.first.key  # type: ignore[attr-defined]
    assert change.rows == {"goal": {goal_id}, "goal_swot": {(goal_id, 3)}}
    assert rows_of(plan, Goal)[goal_id]["title"] == "Win the office park"
    assert (goal_id, 3) in rows_of(plan, GoalSwotLink)
    applied = dump(plan.path)

    assert undo(plan, edit).rows == change.rows
    assert dump(plan.path) == start
    run(plan, edit)
    assert edit.first.key == goal_id  # type: ignore[attr-defined]
    assert dump(plan.path) == applied


def test_composite_undoes_as_one_step_in_reverse_order(plan: PlanFile) -> None:
    start = dump(plan.path)
    goal = InsertRow(Goal, {"title": "From TOWS"})
    edit = Composite(
        "goal_from_tows",
        [
            goal,
            UpdateRow(TowsOption, 2, {"text": "Loyalty card for office workers"}),
            DeleteRow(Measurement, 3),
        ],
    )
    change = run(plan, edit)
    assert change.rows == {"goal": {goal.key}, "tows_option": {2}, "measurement": {3}}
    applied = dump(plan.path)
    undo(plan, edit)
    assert dump(plan.path) == start
    run(plan, edit)
    assert dump(plan.path) == applied


def test_undo_and_redo_of_a_stack_of_edits_returns_to_every_state(plan: PlanFile) -> None:
    edits: list[Edit] = [
        InsertRow(Goal, {"title": "A"}),
        UpdateRow(Goal, 2, {"title": "Lunch sales up"}),
        DeleteRow(Person, 1),
        InsertRow(Channel, {"name": "TV"}),
        DeleteRow(Goal, 1),
    ]
    states = [dump(plan.path)]
    for e in edits:
        run(plan, e)
        states.append(dump(plan.path))
    for i, e in reversed(list(enumerate(edits))):
        undo(plan, e)
        assert dump(plan.path) == states[i]
    for i, e in enumerate(edits):
        run(plan, e)
        assert dump(plan.path) == states[i + 1]


# --- a random walk of edits, undos and redos ------------------------------------------------

TITLES = st.text(
    alphabet=st.sampled_from("abcxyz АБВжэю0123456789-«»"), min_size=1, max_size=12
).filter(lambda s: s.strip() != "")
VALUES = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
DATES = st.dates(min_value=D(2020, 1, 1), max_value=D(2030, 12, 31))

Model = dict[str, dict[int, tuple[Any, ...]]]


def read_model(path: Path) -> Model:
    """The part of the file the machine models: goals, measurements, actions, SWOT items."""
    con = sqlite3.connect(path)
    try:
        return {
            "goal": {r[0]: (r[1],) for r in con.execute("SELECT id, title FROM goal")},
            "measurement": {
                r[0]: (r[1], r[2], r[3])
                for r in con.execute("SELECT id, goal_id, date, value FROM measurement")
            },
            "action": {
                r[0]: (r[1], r[2]) for r in con.execute("SELECT id, title, goal_id FROM action")
            },
            "swot_item": {
                r[0]: (r[1], r[2]) for r in con.execute("SELECT id, quadrant, text FROM swot_item")
            },
        }
    finally:
        con.close()


def copy_model(m: Model) -> Model:
    return {t: dict(rows) for t, rows in m.items()}


class EditMachine(RuleBasedStateMachine):
    """Random inserts, updates and deletes of goals, measurements, actions and SWOT items,
    with undo and redo as a QUndoStack does them (a new edit drops the redo stack)."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="edits-"))
        path = self.folder / "walk.mktplan"
        path.write_bytes(_TEMPLATE["bytes"])
        self.plan = PlanFile.open(path, backup=False)
        self.start_dump = dump(path)
        self.model = read_model(path)
        self.done: list[tuple[Edit, Model, Model]] = []  # (edit, model before, model after)
        self.undone: list[tuple[Edit, Model, Model]] = []

    def _do(self, edit: Edit, expected: Any) -> None:
        before = copy_model(self.model)
        run(self.plan, edit)
        after = copy_model(self.model)
        expected(after, edit)
        self.model = after
        self.done.append((edit, before, after))
        self.undone.clear()

    # inserts
    @rule(title=TITLES)
    def insert_goal(self, title: str) -> None:
        def expect(m: Model, e: Any) -> None:
            assert e.key not in m["goal"]
            m["goal"][e.key] = (title,)

        self._do(InsertRow(Goal, {"title": title}), expect)

    @rule(data=st.data(), value=VALUES, day=DATES)
    def insert_measurement(self, data: st.DataObject, value: float, day: dt.date) -> None:
        if not self.model["goal"]:
            return
        goal_id = data.draw(st.sampled_from(sorted(self.model["goal"])))

        def expect(m: Model, e: Any) -> None:
            m["measurement"][e.key] = (goal_id, day.isoformat(), value)

        self._do(InsertRow(Measurement, {"goal_id": goal_id, "date": day, "value": value}), expect)

    @rule(data=st.data(), title=TITLES)
    def insert_action(self, data: st.DataObject, title: str) -> None:
        goal_id = data.draw(st.none() | st.sampled_from(sorted(self.model["goal"]) or [None]))

        def expect(m: Model, e: Any) -> None:
            m["action"][e.key] = (title, goal_id)

        self._do(InsertRow(Action, {"title": title, "goal_id": goal_id}), expect)

    @rule(quadrant=st.sampled_from("SWOT"), text=TITLES)
    def insert_swot_item(self, quadrant: str, text: str) -> None:
        def expect(m: Model, e: Any) -> None:
            m["swot_item"][e.key] = (quadrant, text)

        self._do(InsertRow(SwotItem, {"quadrant": quadrant, "text": text}), expect)

    # updates
    @rule(data=st.data(), title=TITLES)
    def rename_goal(self, data: st.DataObject, title: str) -> None:
        if not self.model["goal"]:
            return
        goal_id = data.draw(st.sampled_from(sorted(self.model["goal"])))

        def expect(m: Model, _e: Any) -> None:
            m["goal"][goal_id] = (title,)

        self._do(UpdateRow(Goal, goal_id, {"title": title}), expect)

    @rule(data=st.data())
    def relink_action(self, data: st.DataObject) -> None:
        if not self.model["action"]:
            return
        action_id = data.draw(st.sampled_from(sorted(self.model["action"])))
        goal_id = data.draw(st.none() | st.sampled_from(sorted(self.model["goal"]) or [None]))

        def expect(m: Model, _e: Any) -> None:
            m["action"][action_id] = (m["action"][action_id][0], goal_id)

        self._do(UpdateRow(Action, action_id, {"goal_id": goal_id}), expect)

    # deletes
    @rule(data=st.data())
    def delete_goal(self, data: st.DataObject) -> None:
        if not self.model["goal"]:
            return
        goal_id = data.draw(st.sampled_from(sorted(self.model["goal"])))

        def expect(m: Model, _e: Any) -> None:
            del m["goal"][goal_id]
            m["measurement"] = {k: v for k, v in m["measurement"].items() if v[0] != goal_id}
            m["action"] = {
                k: (v[0], None if v[1] == goal_id else v[1]) for k, v in m["action"].items()
            }

        self._do(DeleteRow(Goal, goal_id), expect)

    @rule(data=st.data(), table=st.sampled_from(["measurement", "action", "swot_item"]))
    def delete_row(self, data: st.DataObject, table: str) -> None:
        if not self.model[table]:
            return
        key = data.draw(st.sampled_from(sorted(self.model[table])))
        model = {"measurement": Measurement, "action": Action, "swot_item": SwotItem}[table]

        def expect(m: Model, _e: Any) -> None:
            del m[table][key]

        self._do(DeleteRow(model, key), expect)

    # undo / redo
    @precondition(lambda self: bool(self.done))
    @rule()
    def undo_last(self) -> None:
        edit, before, after = self.done.pop()
        undo(self.plan, edit)
        self.model = before
        self.undone.append((edit, before, after))

    @precondition(lambda self: bool(self.undone))
    @rule()
    def redo_last(self) -> None:
        edit, before, after = self.undone.pop()
        run(self.plan, edit)
        self.model = after
        self.done.append((edit, before, after))

    @invariant()
    def file_matches_the_model(self) -> None:
        assert read_model(self.plan.path) == self.model

    def teardown(self) -> None:
        try:
            while self.done:
                edit, before, _after = self.done.pop()
                undo(self.plan, edit)
                assert read_model(self.plan.path) == before
            assert dump(self.plan.path) == self.start_dump
        finally:
            self.plan.close()
            shutil.rmtree(self.folder, ignore_errors=True)


_TEMPLATE: dict[str, bytes] = {}  # the machine cannot take fixtures: the module fixture fills it


@pytest.fixture(scope="module", autouse=True)
def _walk_template(template: bytes) -> None:
    _TEMPLATE["bytes"] = template


EditMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestRandomEdits = EditMachine.TestCase
