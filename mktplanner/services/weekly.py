"""Use cases of the weekly plans: reading one person-week and the team, and the edits of a
week (tasks, target metrics, the life cycle, 'prepare next week', 'suggest targets').

The rules themselves live in :mod:`mktplanner.domain.rules.weekly` (capacity, load level,
next target, transitions, which edits a state allows); this module applies them to the plan
file. Every edit here is checked *inside its own transaction* by :class:`WeekGuard` or
:class:`Transition`, so a refusal cannot be raced past, and each one is one undo step.

Refusals raise ``DomainError`` with these codes besides the rules' own (``week_closed``,
``actuals_in_draft``, ``transition_not_allowed``, ``close_needs_actuals``):

- ``over_weekly_hours`` {value, max}: a task's estimate or actual exceeds the person's weekly
  hours (values outside 0–168 are refused by the field validation first, as ``out_of_range``);
- ``next_week_not_draft`` {state, iso_year, iso_week}: 'prepare next week' would change a
  next week that is already submitted, approved or closed;
- ``not_found`` {table, id}: the week, task or metric no longer exists.

Figures of a person-week (``WeekFigures``):

- capacity = weekly hours × (1 − unplannable share) × the plan's plannable share;
- planned = the sum of the tasks' estimates; actual = the sum of their actual hours (None when
  no task has one);
- done share = done tasks / tasks (None without tasks);
- metric attainment = the mean of actual / planned over the metrics that have an actual, are
  not marked 'not measured' and have a planned value above zero (None when there is none);
- linked share (the golden thread) = estimated hours of tasks whose action serves a goal /
  planned hours (None when nothing is planned), as in ``services.summary``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text
from sqlmodel import Session

from mktplanner.domain.enums import Recurrence, WeekState
from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.rules.dates import (
    IsoWeek,
    is_valid_iso_week,
    monday_of,
    next_iso_week,
    previous_iso_week,
    shift_iso_week,
    sunday_of,
)
from mktplanner.domain.rules.recurrence import occurrences
from mktplanner.domain.rules.validation import MAX_WEEK_HOURS
from mktplanner.domain.rules.weekly import (
    CapacityLevel,
    MetricFacts,
    TaskFacts,
    TransitionCheck,
    WeekAction,
    capacity_hours,
    capacity_level,
    check_transition,
    edit_problems,
    load,
    suggest_next_target,
)
from mktplanner.domain.tables import WeeklyMetric, WeeklyPlan, WeeklyTask
from mktplanner.services.edits import (
    Change,
    Composite,
    Deferred,
    DeleteRow,
    Edit,
    InsertRow,
    UpdateRow,
)
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]

__all__ = [
    "TASK_ACTUALS",
    "METRIC_ACTUALS",
    "Prepared",
    "TeamHistory",
    "Transition",
    "WeekFigures",
    "WeekGuard",
    "WeekHeader",
    "WeekView",
    "add_metric",
    "add_task",
    "check",
    "create_week",
    "locate",
    "delete_metrics",
    "delete_tasks",
    "people",
    "prepare_next_week",
    "suggest_targets",
    "team_history",
    "team_week",
    "transition",
    "update_metric",
    "update_task",
    "week_view",
]

# Columns that record what happened (refused in a draft week): the rest is the plan.
TASK_ACTUALS = frozenset({"actual_hours", "done"})
METRIC_ACTUALS = frozenset({"actual", "not_measured"})
_HOUR_FIELDS = ("est_hours", "actual_hours")


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _rows(s: Session, sql: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    return [dict(r) for r in s.execute(text(sql), dict(params or {})).mappings().all()]


def _plan_share(s: Session) -> float:
    value = s.execute(text("SELECT plan_share FROM plan ORDER BY id LIMIT 1")).scalar()
    return 0.65 if value is None else float(value)


def _currency(s: Session) -> str:
    value = s.execute(text("SELECT currency FROM plan ORDER BY id LIMIT 1")).scalar()
    return str(value or "RUB")


# --- people ---------------------------------------------------------------------------------


def people(plan: PlanFile) -> list[Row]:
    """The team for the People table: hours, unplannable share, manager, active dates, and
    the capacity each person's figures give with the plan's plannable share."""
    with plan.session() as s:
        share = _plan_share(s)
        rows = _rows(
            s,
            """
            SELECT p.id, p.name, p.role, p.weekly_hours, p.unplannable_share, p.manager_id,
                   p.active_from, p.active_to, m.name AS manager_name,
                   (SELECT count(*) FROM weekly_plan w WHERE w.person_id = p.id) AS weeks
            FROM person p LEFT JOIN person m ON m.id = p.manager_id
            ORDER BY p.name COLLATE NOCASE, p.id
            """,
        )
    for row in rows:
        row["active_from"] = _date(row["active_from"])
        row["active_to"] = _date(row["active_to"])
        row["capacity_hours"] = capacity_hours(row["weekly_hours"], row["unplannable_share"], share)
    return rows


def _active(row: Row, first: dt.date, last: dt.date) -> bool:
    start, end = _date(row.get("active_from")), _date(row.get("active_to"))
    return (start is None or start <= last) and (end is None or end >= first)


# --- one person-week ---------------------------------------------------------------------


@dataclass(frozen=True)
class WeekHeader:
    """A person in one ISO week: the plan's state (``id`` None: no plan yet) and the hours."""

    id: int | None
    person_id: int
    person_name: str
    manager_id: int | None
    manager_name: str | None
    iso_year: int
    iso_week: int
    state: str | None
    submitted_on: dt.date | None
    approved_on: dt.date | None
    approved_by_id: int | None
    approved_by_name: str | None
    closed_on: dt.date | None
    note: str
    weekly_hours: float
    unplannable_share: float
    plan_share: float
    capacity: float
    planned_hours: float
    actual_hours: float | None
    goal_hours: float
    level: CapacityLevel
    load: float | None

    @property
    def linked_share(self) -> float | None:
        return self.goal_hours / self.planned_hours if self.planned_hours > 0 else None


@dataclass(frozen=True)
class WeekView:
    header: WeekHeader
    tasks: list[Row]
    metrics: list[Row]
    previous_id: int | None  # the person's plan of the week before, if any


def week_view(plan: PlanFile, person_id: int, iso_year: int, iso_week: int) -> WeekView | None:
    """One person's week (None when the person does not exist). Five statements."""
    prev = previous_iso_week(iso_year, iso_week)
    with plan.session() as s:
        share = _plan_share(s)
        found = _rows(
            s,
            """
            SELECT p.id AS person_id, p.name AS person_name, p.weekly_hours,
                   p.unplannable_share, p.manager_id, m.name AS manager_name,
                   w.id, w.state, w.submitted_on, w.approved_on, w.approved_by_id,
                   a.name AS approved_by_name, w.closed_on, w.note
            FROM person p
            LEFT JOIN person m ON m.id = p.manager_id
            LEFT JOIN weekly_plan w
              ON w.person_id = p.id AND w.iso_year = :y AND w.iso_week = :w
            LEFT JOIN person a ON a.id = w.approved_by_id
            WHERE p.id = :p
            """,
            {"p": person_id, "y": iso_year, "w": iso_week},
        )
        if not found:
            return None
        head = found[0]
        previous = s.execute(
            text(
                "SELECT id FROM weekly_plan WHERE person_id = :p AND iso_year = :y "
                "AND iso_week = :w"
            ),
            {"p": person_id, "y": prev.year, "w": prev.week},
        ).scalar()
        tasks: list[Row] = []
        metrics: list[Row] = []
        if head["id"] is not None:
            tasks = _rows(
                s,
                """
                SELECT t.id, t.weekly_plan_id, t.description, t.action_id, t.occurrence,
                       t.end_product, t.est_hours, t.actual_hours, t.done, t.regular,
                       t.unplanned, t.carried, t.position, a.title AS action_title,
                       a.goal_id, g.title AS goal_title
                FROM weekly_task t
                LEFT JOIN action a ON a.id = t.action_id
                LEFT JOIN goal g ON g.id = a.goal_id
                WHERE t.weekly_plan_id = :w
                ORDER BY t.position, t.id
                """,
                {"w": head["id"]},
            )
            metrics = _rows(
                s,
                "SELECT id, weekly_plan_id, name, kind, unit, planned, actual, not_measured, "
                "position FROM weekly_metric WHERE weekly_plan_id = :w ORDER BY position, id",
                {"w": head["id"]},
            )
    for t in tasks:
        for name in ("done", "regular", "unplanned", "carried"):
            t[name] = bool(t[name])
        t["occurrence"] = _date(t["occurrence"])
        t["pick"] = (t["action_id"], t["occurrence"]) if t["action_id"] is not None else None
    for m in metrics:
        m["not_measured"] = bool(m["not_measured"])
        m["attainment"] = _attainment_of(m)
    capacity = capacity_hours(head["weekly_hours"], head["unplannable_share"], share)
    planned = sum(float(t["est_hours"] or 0.0) for t in tasks)
    actuals = [float(t["actual_hours"]) for t in tasks if t["actual_hours"] is not None]
    goal_hours = sum(float(t["est_hours"] or 0.0) for t in tasks if t["goal_id"] is not None)
    header = WeekHeader(
        id=head["id"],
        person_id=head["person_id"],
        person_name=head["person_name"],
        manager_id=head["manager_id"],
        manager_name=head["manager_name"],
        iso_year=iso_year,
        iso_week=iso_week,
        state=head["state"],
        submitted_on=_date(head["submitted_on"]),
        approved_on=_date(head["approved_on"]),
        approved_by_id=head["approved_by_id"],
        approved_by_name=head["approved_by_name"],
        closed_on=_date(head["closed_on"]),
        note=head["note"] or "",
        weekly_hours=float(head["weekly_hours"]),
        unplannable_share=float(head["unplannable_share"]),
        plan_share=share,
        capacity=capacity,
        planned_hours=planned,
        actual_hours=sum(actuals) if actuals else None,
        goal_hours=goal_hours,
        level=capacity_level(planned, capacity),
        load=load(planned, capacity),
    )
    return WeekView(header, tasks, metrics, previous)


def _attainment_of(m: Row) -> float | None:
    if m.get("not_measured") or m.get("actual") is None:
        return None
    planned = m.get("planned") or 0.0
    return float(m["actual"]) / float(planned) if planned > 0 else None


# --- the team -------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeekFigures:
    """A person's figures in one ISO week (see the module's docstring for each one)."""

    person_id: int
    name: str
    role: str
    iso_year: int
    iso_week: int
    weekly_plan_id: int | None
    state: str | None
    capacity: float
    planned_hours: float
    actual_hours: float | None
    level: CapacityLevel
    load: float | None
    tasks: int
    tasks_done: int
    done_share: float | None
    attainment: float | None
    goal_hours: float
    linked_share: float | None


def _figures(
    s: Session, first: IsoWeek, last: IsoWeek
) -> tuple[list[Row], dict[tuple[int, int, int], Row], float]:
    """People, and each person-week's sums between two ISO weeks (three statements)."""
    share = _plan_share(s)
    persons = _rows(
        s,
        "SELECT id, name, role, weekly_hours, unplannable_share, active_from, active_to "
        "FROM person ORDER BY name COLLATE NOCASE, id",
    )
    bounds = {"a": first.year * 100 + first.week, "b": last.year * 100 + last.week}
    weeks = _rows(
        s,
        """
        SELECT w.id, w.person_id, w.iso_year, w.iso_week, w.state,
               count(t.id) AS tasks,
               coalesce(sum(t.done), 0) AS tasks_done,
               coalesce(sum(t.est_hours), 0.0) AS planned_hours,
               sum(t.actual_hours) AS actual_hours,
               coalesce(sum(CASE WHEN a.goal_id IS NOT NULL THEN t.est_hours END), 0.0)
                 AS goal_hours
        FROM weekly_plan w
        LEFT JOIN weekly_task t ON t.weekly_plan_id = w.id
        LEFT JOIN action a ON a.id = t.action_id
        WHERE (w.iso_year * 100 + w.iso_week) BETWEEN :a AND :b
        GROUP BY w.id
        """,
        bounds,
    )
    metric_rows = _rows(
        s,
        """
        SELECT m.weekly_plan_id, m.planned, m.actual, m.not_measured
        FROM weekly_metric m JOIN weekly_plan w ON w.id = m.weekly_plan_id
        WHERE (w.iso_year * 100 + w.iso_week) BETWEEN :a AND :b
        """,
        bounds,
    )
    ratios: dict[int, list[float]] = {}
    for m in metric_rows:
        ratio = _attainment_of(m)
        if ratio is not None:
            ratios.setdefault(int(m["weekly_plan_id"]), []).append(ratio)
    by_key: dict[tuple[int, int, int], Row] = {}
    for w in weeks:
        found = ratios.get(int(w["id"]))
        w["attainment"] = sum(found) / len(found) if found else None
        by_key[(int(w["person_id"]), int(w["iso_year"]), int(w["iso_week"]))] = w
    return persons, by_key, share


def _make_figures(person: Row, week: IsoWeek, w: Row | None, share: float) -> WeekFigures:
    capacity = capacity_hours(person["weekly_hours"], person["unplannable_share"], share)
    planned = float(w["planned_hours"]) if w else 0.0
    tasks = int(w["tasks"]) if w else 0
    done = int(w["tasks_done"]) if w else 0
    goal = float(w["goal_hours"]) if w else 0.0
    actual = w["actual_hours"] if w else None
    return WeekFigures(
        person_id=int(person["id"]),
        name=person["name"],
        role=person["role"] or "",
        iso_year=week.year,
        iso_week=week.week,
        weekly_plan_id=int(w["id"]) if w else None,
        state=w["state"] if w else None,
        capacity=capacity,
        planned_hours=planned,
        actual_hours=None if actual is None else float(actual),
        level=capacity_level(planned, capacity),
        load=load(planned, capacity),
        tasks=tasks,
        tasks_done=done,
        done_share=done / tasks if tasks else None,
        attainment=w["attainment"] if w else None,
        goal_hours=goal,
        linked_share=goal / planned if planned > 0 else None,
    )


def team_week(plan: PlanFile, iso_year: int, iso_week: int) -> list[WeekFigures]:
    """One row per person active in the week (or with a plan in it), by name."""
    week = IsoWeek(iso_year, iso_week)
    first, last = monday_of(iso_year, iso_week), sunday_of(iso_year, iso_week)
    with plan.session() as s:
        persons, by_key, share = _figures(s, week, week)
    out = []
    for p in persons:
        w = by_key.get((int(p["id"]), iso_year, iso_week))
        if w is None and not _active(p, first, last):
            continue
        out.append(_make_figures(p, week, w, share))
    return out


@dataclass(frozen=True)
class TeamHistory:
    """The same figures over several weeks: ``cells[(person_id, iso_year, iso_week)]``."""

    weeks: list[IsoWeek]
    people: list[tuple[int, str]]
    cells: dict[tuple[int, int, int], WeekFigures] = field(default_factory=dict)


def team_history(plan: PlanFile, last: tuple[int, int], weeks: int = 8) -> TeamHistory:
    """``weeks`` ISO weeks ending with ``last``: every person active in one of them."""
    weeks = max(1, weeks)
    end = IsoWeek(*last)
    start = shift_iso_week(end.year, end.week, -(weeks - 1))
    span = [shift_iso_week(start.year, start.week, i) for i in range(weeks)]
    with plan.session() as s:
        persons, by_key, share = _figures(s, start, end)
    first_day, last_day = monday_of(start.year, start.week), sunday_of(end.year, end.week)
    people_out: list[tuple[int, str]] = []
    cells: dict[tuple[int, int, int], WeekFigures] = {}
    for p in persons:
        pid = int(p["id"])
        has_plan = any((pid, wk.year, wk.week) in by_key for wk in span)
        if not has_plan and not _active(p, first_day, last_day):
            continue
        people_out.append((pid, p["name"]))
        for wk in span:
            w = by_key.get((pid, wk.year, wk.week))
            if w is None and not _active(p, monday_of(*wk), sunday_of(*wk)):
                continue
            cells[(pid, wk.year, wk.week)] = _make_figures(p, wk, w, share)
    return TeamHistory(span, people_out, cells)


# --- guarded edits -----------------------------------------------------------------------------


def _week_state(s: Session, weekly_plan_id: int) -> Row:
    rows = _rows(
        s,
        "SELECT w.id, w.state, w.person_id, w.iso_year, w.iso_week, p.weekly_hours, "
        "p.unplannable_share, p.manager_id FROM weekly_plan w "
        "JOIN person p ON p.id = w.person_id WHERE w.id = :w",
        {"w": weekly_plan_id},
    )
    if not rows:
        raise DomainError(
            [Problem("id", "not_found", {"table": "weekly_plan", "id": weekly_plan_id})]
        )
    return rows[0]


class WeekGuard(Edit):
    """Runs ``inner`` (edits of one week's tasks or metrics) only when the week's state allows
    it: never in a closed week, actuals never in a draft week, and no task's hours above the
    person's weekly hours. Checked in the edit's transaction; undo reverts ``inner``."""

    def __init__(
        self,
        weekly_plan_id: int,
        inner: Edit,
        *,
        actuals: bool = False,
        hours: Iterable[tuple[str, float | None]] = (),
        label: str = "",
    ):
        self.weekly_plan_id = weekly_plan_id
        self.inner = inner
        self.actuals = actuals
        self.hours = list(hours)
        self.label = label or inner.label

    def apply(self, s: Session) -> Change:
        week = _week_state(s, self.weekly_plan_id)
        problems = edit_problems(week["state"], actuals=self.actuals)
        if problems:
            raise DomainError(problems)
        limit = float(week["weekly_hours"] or 0.0)
        for name, value in self.hours:
            # Values outside 0..168 are the field validation's to refuse (out_of_range).
            if value is not None and 0 <= value <= MAX_WEEK_HOURS and value > limit + 1e-9:
                raise DomainError(
                    [Problem(name, "over_weekly_hours", {"value": value, "max": limit})]
                )
        return self.inner.apply(s)

    def revert(self, s: Session) -> Change:
        return self.inner.revert(s)


def _task_week(plan: PlanFile, table: str, key: int) -> int:
    with plan.session() as s:
        value = s.execute(
            text(f"SELECT weekly_plan_id FROM {table} WHERE id = :k"), {"k": key}
        ).scalar()
    if value is None:
        raise DomainError([Problem("id", "not_found", {"table": table, "id": key})])
    return int(value)


def _hours_of(values: Mapping[str, Any]) -> list[tuple[str, float | None]]:
    out: list[tuple[str, float | None]] = []
    for name in _HOUR_FIELDS:
        if name in values and isinstance(values[name], int | float):
            out.append((name, float(values[name])))
    return out


def _has_actuals(values: Mapping[str, Any], names: frozenset[str]) -> bool:
    """True when ``values`` sets an actual (clearing one, or unticking, is always allowed)."""
    return any(name in names and values[name] not in (None, False) for name in values)


def create_week(plan: PlanFile, person_id: int, iso_year: int, iso_week: int) -> InsertRow:
    """A new draft plan of a person for an ISO week (a second one is refused: duplicate)."""
    return InsertRow(
        WeeklyPlan,
        {"person_id": person_id, "iso_year": iso_year, "iso_week": iso_week, "state": "draft"},
        label="add_weekly_plan",
    )


def add_task(plan: PlanFile, weekly_plan_id: int, values: Mapping[str, Any]) -> WeekGuard:
    """Insert a task at the end of the week (``values``: the task's columns)."""
    row = dict(values)
    row["weekly_plan_id"] = weekly_plan_id
    if "position" not in row:
        with plan.session() as s:
            last = s.execute(
                text("SELECT max(position) FROM weekly_task WHERE weekly_plan_id = :w"),
                {"w": weekly_plan_id},
            ).scalar()
        row["position"] = 0 if last is None else int(last) + 1
    return WeekGuard(
        weekly_plan_id,
        InsertRow(WeeklyTask, row, label="add_weekly_task"),
        actuals=_has_actuals(row, TASK_ACTUALS),
        hours=_hours_of(row),
    )


def update_task(plan: PlanFile, task_id: int, changes: Mapping[str, Any]) -> WeekGuard:
    week = _task_week(plan, "weekly_task", task_id)
    return WeekGuard(
        week,
        UpdateRow(WeeklyTask, task_id, changes, label="edit_weekly_task"),
        actuals=_has_actuals(changes, TASK_ACTUALS),
        hours=_hours_of(changes),
    )


def delete_tasks(plan: PlanFile, task_ids: Sequence[int]) -> WeekGuard:
    if not task_ids:
        raise DomainError([Problem("id", "required")])
    week = _task_week(plan, "weekly_task", task_ids[0])
    edits: list[Edit] = [DeleteRow(WeeklyTask, k) for k in task_ids]
    inner = edits[0] if len(edits) == 1 else Composite("delete_weekly_task", edits)
    return WeekGuard(week, inner, label="delete_weekly_task")


def add_metric(plan: PlanFile, weekly_plan_id: int, values: Mapping[str, Any]) -> WeekGuard:
    row = dict(values)
    row["weekly_plan_id"] = weekly_plan_id
    if "position" not in row:
        with plan.session() as s:
            last = s.execute(
                text("SELECT max(position) FROM weekly_metric WHERE weekly_plan_id = :w"),
                {"w": weekly_plan_id},
            ).scalar()
        row["position"] = 0 if last is None else int(last) + 1
    return WeekGuard(
        weekly_plan_id,
        InsertRow(WeeklyMetric, row, label="add_weekly_metric"),
        actuals=_has_actuals(row, METRIC_ACTUALS),
    )


def update_metric(plan: PlanFile, metric_id: int, changes: Mapping[str, Any]) -> WeekGuard:
    week = _task_week(plan, "weekly_metric", metric_id)
    return WeekGuard(
        week,
        UpdateRow(WeeklyMetric, metric_id, changes, label="edit_weekly_metric"),
        actuals=_has_actuals(changes, METRIC_ACTUALS),
    )


def delete_metrics(plan: PlanFile, metric_ids: Sequence[int]) -> WeekGuard:
    if not metric_ids:
        raise DomainError([Problem("id", "required")])
    week = _task_week(plan, "weekly_metric", metric_ids[0])
    edits: list[Edit] = [DeleteRow(WeeklyMetric, k) for k in metric_ids]
    inner = edits[0] if len(edits) == 1 else Composite("delete_weekly_metric", edits)
    return WeekGuard(week, inner, label="delete_weekly_metric")


# --- suggest targets ------------------------------------------------------------------------


def _previous_metrics(s: Session, week: Row) -> list[Row]:
    prev = previous_iso_week(int(week["iso_year"]), int(week["iso_week"]))
    return _rows(
        s,
        """
        SELECT m.name, m.kind, m.unit, m.planned, m.actual, m.not_measured, m.position
        FROM weekly_metric m JOIN weekly_plan w ON w.id = m.weekly_plan_id
        WHERE w.person_id = :p AND w.iso_year = :y AND w.iso_week = :w
        ORDER BY m.position, m.id
        """,
        {"p": week["person_id"], "y": prev.year, "w": prev.week},
    )


def _key_of(name: str) -> str:
    return " ".join((name or "").split()).casefold()


def suggest_targets(plan: PlanFile, weekly_plan_id: int) -> WeekGuard | None:
    """Fill each metric's planned value from last week's actual of the same metric plus 1 %
    (``suggest_next_target``); last week's metrics missing from this week are added with
    their suggestion. None when there is nothing to suggest (no actual last week)."""
    with plan.session() as s:
        week = _week_state(s, weekly_plan_id)
        currency = _currency(s)
        previous = _previous_metrics(s, week)
        current = _rows(
            s,
            "SELECT id, name, kind, planned, position FROM weekly_metric "
            "WHERE weekly_plan_id = :w ORDER BY position, id",
            {"w": weekly_plan_id},
        )
    mine = {_key_of(m["name"]): m for m in current}
    next_pos = max((int(m["position"]) for m in current), default=-1) + 1
    edits: list[Edit] = []
    for p in previous:
        target = None
        if not p["not_measured"]:
            target = suggest_next_target(p["actual"], p["kind"], currency)
        found = mine.get(_key_of(p["name"]))
        if found is not None:
            if target is not None and target != found["planned"]:
                edits.append(UpdateRow(WeeklyMetric, found["id"], {"planned": target}))
        else:
            edits.append(
                InsertRow(
                    WeeklyMetric,
                    {
                        "weekly_plan_id": weekly_plan_id,
                        "name": p["name"],
                        "kind": p["kind"],
                        "unit": p["unit"],
                        "planned": target if target is not None else p["planned"],
                        "position": next_pos,
                    },
                )
            )
            next_pos += 1
    if not edits:
        return None
    return WeekGuard(weekly_plan_id, Composite("suggest_targets", edits), label="suggest_targets")


# --- the life cycle ---------------------------------------------------------------------------


def _facts(s: Session, weekly_plan_id: int) -> tuple[list[TaskFacts], list[MetricFacts]]:
    tasks = [
        TaskFacts(r["id"], float(r["est_hours"] or 0.0), r["actual_hours"], r["end_product"] or "")
        for r in _rows(
            s,
            "SELECT id, est_hours, actual_hours, end_product FROM weekly_task "
            "WHERE weekly_plan_id = :w ORDER BY position, id",
            {"w": weekly_plan_id},
        )
    ]
    metrics = [
        MetricFacts(r["id"], r["actual"], bool(r["not_measured"]))
        for r in _rows(
            s,
            "SELECT id, actual, not_measured FROM weekly_metric WHERE weekly_plan_id = :w "
            "ORDER BY position, id",
            {"w": weekly_plan_id},
        )
    ]
    return tasks, metrics


def _check(s: Session, weekly_plan_id: int, action: WeekAction | str) -> TransitionCheck:
    week = _week_state(s, weekly_plan_id)
    tasks, metrics = _facts(s, weekly_plan_id)
    capacity = capacity_hours(week["weekly_hours"], week["unplannable_share"], _plan_share(s))
    return check_transition(week["state"], action, tasks=tasks, metrics=metrics, capacity=capacity)


def check(plan: PlanFile, weekly_plan_id: int, action: WeekAction | str) -> TransitionCheck:
    """May the week take ``action`` now? (problems: refused; warnings: ask the user first)."""
    with plan.session() as s:
        return _check(s, weekly_plan_id, action)


class Transition(Edit):
    """One step of the week's life cycle with who and when; re-checked when applied.

    submit sets ``submitted_on``; approve sets ``approved_on`` and ``approved_by_id`` (the
    given approver, else the person's manager); return to draft clears ``submitted_on``;
    close sets ``closed_on``; reopen clears ``closed_on``. Undo restores every column."""

    def __init__(
        self,
        weekly_plan_id: int,
        action: WeekAction | str,
        *,
        today: dt.date | None = None,
        approved_by_id: int | None = None,
    ):
        self.weekly_plan_id = weekly_plan_id
        self.action = WeekAction(action)
        self.today = today
        self.approved_by_id = approved_by_id
        self.inner: UpdateRow | None = None
        self.label = f"week_{self.action.value}"

    def apply(self, s: Session) -> Change:
        result = _check(s, self.weekly_plan_id, self.action)
        if not result.allowed or result.new_state is None:
            raise DomainError(list(result.problems))
        if self.inner is None:
            week = _week_state(s, self.weekly_plan_id)
            today = self.today or dt.date.today()
            changes: dict[str, Any] = {"state": result.new_state.value}
            if self.action is WeekAction.SUBMIT:
                changes["submitted_on"] = today
            elif self.action is WeekAction.APPROVE:
                changes["approved_on"] = today
                approver = self.approved_by_id
                if approver is None:
                    approver = week["manager_id"]
                changes["approved_by_id"] = approver
            elif self.action is WeekAction.RETURN:
                changes["submitted_on"] = None
            elif self.action is WeekAction.CLOSE:
                changes["closed_on"] = today
            elif self.action is WeekAction.REOPEN:
                changes["closed_on"] = None
            self.inner = UpdateRow(WeeklyPlan, self.weekly_plan_id, changes, label=self.label)
        return self.inner.apply(s)

    def revert(self, s: Session) -> Change:
        assert self.inner is not None, "revert before apply"
        return self.inner.revert(s)


def transition(
    plan: PlanFile,
    weekly_plan_id: int,
    action: WeekAction | str,
    *,
    today: dt.date | None = None,
    approved_by_id: int | None = None,
) -> tuple[TransitionCheck, Transition | None]:
    """The check of ``action`` and, when allowed, the edit that takes it (push it after the
    user confirmed the warnings, if any)."""
    result = check(plan, weekly_plan_id, action)
    if not result.allowed:
        return result, None
    return result, Transition(weekly_plan_id, action, today=today, approved_by_id=approved_by_id)


# --- prepare next week --------------------------------------------------------------------------


@dataclass
class Prepared:
    """What 'prepare next week' will do: the edit (None: nothing to add) and its counts."""

    target: IsoWeek
    edit: Edit | None
    created: bool  # the next week's plan is made
    regular: int  # regular tasks copied
    carried: int  # unfinished tasks carried over
    metrics: int  # target metrics copied (with a suggested target)
    target_id: int | None  # the next week's plan, when it exists already


class _GuardDraft(Edit):
    """Adds rows to an existing next week only while it is still a draft."""

    def __init__(self, weekly_plan_id: int, inner: Edit):
        self.weekly_plan_id = weekly_plan_id
        self.inner = inner
        self.label = "prepare_next_week"

    def apply(self, s: Session) -> Change:
        week = _week_state(s, self.weekly_plan_id)
        if week["state"] != WeekState.DRAFT:
            raise DomainError(
                [
                    Problem(
                        "state",
                        "next_week_not_draft",
                        {
                            "state": week["state"],
                            "iso_year": week["iso_year"],
                            "iso_week": week["iso_week"],
                        },
                    )
                ]
            )
        return self.inner.apply(s)

    def revert(self, s: Session) -> Change:
        return self.inner.revert(s)


def prepare_next_week(plan: PlanFile, weekly_plan_id: int) -> Prepared:
    """The next ISO week of the same person (52/53 → 1 of the next year): regular tasks copied
    (not done, no actuals), unfinished ones carried over (marked ``carried``), and — when the
    next week has no metrics yet — this week's metrics with next week's suggested target.
    Tasks already there (same description and action) are not added twice."""
    with plan.session() as s:
        week = _week_state(s, weekly_plan_id)
        currency = _currency(s)
        target = next_iso_week(int(week["iso_year"]), int(week["iso_week"]))
        tasks = _rows(
            s,
            """
            SELECT t.description, t.action_id, t.occurrence, t.end_product, t.est_hours,
                   t.done, t.regular, a.recurrence, a.start, a.due
            FROM weekly_task t LEFT JOIN action a ON a.id = t.action_id
            WHERE t.weekly_plan_id = :w ORDER BY t.position, t.id
            """,
            {"w": weekly_plan_id},
        )
        metrics = _rows(
            s,
            "SELECT name, kind, unit, planned, actual, not_measured FROM weekly_metric "
            "WHERE weekly_plan_id = :w ORDER BY position, id",
            {"w": weekly_plan_id},
        )
        existing = _rows(
            s,
            "SELECT id, state FROM weekly_plan WHERE person_id = :p AND iso_year = :y "
            "AND iso_week = :w",
            {"p": week["person_id"], "y": target.year, "w": target.week},
        )
        target_id = int(existing[0]["id"]) if existing else None
        there_tasks: list[Row] = []
        there_metrics = 0
        if target_id is not None:
            there_tasks = _rows(
                s,
                "SELECT description, action_id, position FROM weekly_task "
                "WHERE weekly_plan_id = :w",
                {"w": target_id},
            )
            there_metrics = int(
                s.execute(
                    text("SELECT count(*) FROM weekly_metric WHERE weekly_plan_id = :w"),
                    {"w": target_id},
                ).scalar()
                or 0
            )
    if target_id is not None and existing[0]["state"] != WeekState.DRAFT:
        raise DomainError(
            [
                Problem(
                    "state",
                    "next_week_not_draft",
                    {
                        "state": existing[0]["state"],
                        "iso_year": target.year,
                        "iso_week": target.week,
                    },
                )
            ]
        )
    seen = {(_key_of(t["description"]), t["action_id"]) for t in there_tasks}
    position = max((int(t["position"]) for t in there_tasks), default=-1) + 1
    first, last = monday_of(*target), sunday_of(*target)
    task_values: list[Row] = []
    regular = carried = 0
    for t in tasks:
        key = (_key_of(t["description"]), t["action_id"])
        if key in seen or not (t["regular"] or not t["done"]):
            continue
        seen.add(key)
        values: Row = {
            "description": t["description"],
            "action_id": t["action_id"],
            "end_product": t["end_product"] or "",
            "est_hours": float(t["est_hours"] or 0.0),
            "regular": bool(t["regular"]),
            "carried": not t["regular"],
            "position": position,
        }
        if t["regular"]:
            regular += 1
            values["occurrence"] = _next_occurrence(t, first, last)
        else:
            carried += 1
            values["occurrence"] = _date(t["occurrence"])
        task_values.append(values)
        position += 1
    metric_values: list[Row] = []
    if there_metrics == 0:
        for pos, m in enumerate(metrics):
            suggested = None
            if not m["not_measured"]:
                suggested = suggest_next_target(m["actual"], m["kind"], currency)
            metric_values.append(
                {
                    "name": m["name"],
                    "kind": m["kind"],
                    "unit": m["unit"],
                    "planned": suggested if suggested is not None else m["planned"],
                    "position": pos,
                }
            )

    def rows_for(plan_id: int) -> list[Edit]:
        out: list[Edit] = [
            InsertRow(WeeklyTask, {**v, "weekly_plan_id": plan_id}) for v in task_values
        ]
        out += [InsertRow(WeeklyMetric, {**v, "weekly_plan_id": plan_id}) for v in metric_values]
        return out

    edit: Edit | None
    if target_id is None:
        first_edit = create_week(plan, int(week["person_id"]), target.year, target.week)
        edit = Deferred(
            "prepare_next_week",
            first_edit,
            lambda made: Composite("prepare_next_week", rows_for(int(made.key))),
        )
    elif task_values or metric_values:
        edit = _GuardDraft(target_id, Composite("prepare_next_week", rows_for(target_id)))
    else:
        edit = None
    return Prepared(
        target=target,
        edit=edit,
        created=target_id is None,
        regular=regular,
        carried=carried,
        metrics=len(metric_values),
        target_id=target_id,
    )


def _next_occurrence(task: Row, first: dt.date, last: dt.date) -> dt.date | None:
    """A regular task of a recurring action serves the action's occurrence in the new week."""
    if task["action_id"] is None or task["recurrence"] not in (
        Recurrence.WEEKLY,
        Recurrence.MONTHLY,
    ):
        return None
    days = occurrences(
        task["recurrence"],
        _date(task["start"]),
        _date(task["due"]),
        window_start=first,
        window_end=last,
    )
    return days[0] if days else None


def valid_week(iso_year: int, iso_week: int) -> bool:
    return is_valid_iso_week(iso_year, iso_week)


def locate(plan: PlanFile, table: str, ident: int) -> tuple[int, int, int] | None:
    """(person_id, iso_year, iso_week) of a weekly plan, task or metric (None: not found)."""
    sql = {
        "weekly_plan": "SELECT person_id, iso_year, iso_week FROM weekly_plan WHERE id = :k",
        "weekly_task": "SELECT w.person_id, w.iso_year, w.iso_week FROM weekly_task t "
        "JOIN weekly_plan w ON w.id = t.weekly_plan_id WHERE t.id = :k",
        "weekly_metric": "SELECT w.person_id, w.iso_year, w.iso_week FROM weekly_metric m "
        "JOIN weekly_plan w ON w.id = m.weekly_plan_id WHERE m.id = :k",
    }.get(table)
    if sql is None:
        return None
    with plan.session() as s:
        row = s.execute(text(sql), {"k": ident}).first()
    return None if row is None else (int(row[0]), int(row[1]), int(row[2]))
