"""Read queries behind the UI's pages: plain rows (dicts), no Qt.

Every function takes an open ``PlanFile`` and returns rows ready to show: names of linked
rows are joined in and totals are summed in SQL, so a page costs a fixed number of
statements whatever the plan's size (no N+1). Dates come back as ``datetime.date``, money as
integer minor units. Derived figures (progress, KPIs) use the domain's rules.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]


def _rows(
    plan: PlanFile, sql: str, params: dict[str, Any] | None = None, *, dates: Sequence[str] = ()
) -> list[Row]:
    with plan.session() as s:
        result = s.execute(text(sql), params or {}).mappings().all()
    out: list[Row] = []
    for r in result:
        row = dict(r)
        for name in dates:
            value = row.get(name)
            if isinstance(value, str) and value:
                row[name] = dt.date.fromisoformat(value[:10])
            elif value == "":
                row[name] = None
        out.append(row)
    return out


def _bools(rows: Iterable[Row], *names: str) -> None:
    for row in rows:
        for name in names:
            if name in row and row[name] is not None:
                row[name] = bool(row[name])


# --- the plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Profile:
    name: str
    company: str
    currency: str
    language: str
    mission: str
    values: str
    tactical_start: dt.date | None
    tactical_months: int
    plan_share: float
    default_weekly_hours: float
    jump_threshold: float
    report_cadence: str
    report_maker: str
    report_reader: str
    report_actor: str
    created: dt.date | None


def plan_profile(plan: PlanFile) -> Profile:
    rows = _rows(
        plan,
        'SELECT name, company, currency, language, mission, "values", tactical_start, '
        "tactical_months, plan_share, default_weekly_hours, jump_threshold, report_cadence, "
        "report_maker, report_reader, report_actor, created FROM plan ORDER BY id LIMIT 1",
        dates=("tactical_start", "created"),
    )
    if not rows:
        return Profile("", "", "RUB", "en", "", "", None, 6, 0.65, 40.0, 3.0, "", "", "", "", None)
    return Profile(**rows[0])


@dataclass(frozen=True)
class Choices:
    """Names of the rows other rows refer to, for combo boxes: (id, label) in display order."""

    people: list[tuple[int, str]]
    goals: list[tuple[int, str]]
    channels: list[tuple[int, str]]
    directions: list[tuple[int, str]]
    actions: list[tuple[int, str]]
    hypotheses: list[tuple[int, str]]
    internal_items: list[tuple[int, str]]
    external_items: list[tuple[int, str]]


def choices(plan: PlanFile) -> Choices:
    with plan.session() as s:

        def pairs(sql: str) -> list[tuple[int, str]]:
            return [(int(r[0]), str(r[1])) for r in s.execute(text(sql)).all()]

        return Choices(
            people=pairs("SELECT id, name FROM person ORDER BY name COLLATE NOCASE, id"),
            goals=pairs("SELECT id, title FROM goal ORDER BY position, id"),
            channels=pairs("SELECT id, name FROM channel ORDER BY position, id"),
            directions=pairs("SELECT id, name FROM direction ORDER BY position, id"),
            actions=pairs("SELECT id, title FROM action ORDER BY position, id"),
            hypotheses=pairs("SELECT id, title FROM hypothesis ORDER BY id"),
            internal_items=pairs(
                "SELECT id, text FROM swot_item WHERE quadrant IN ('S','W') "
                "ORDER BY quadrant, position, id"
            ),
            external_items=pairs(
                "SELECT id, text FROM swot_item WHERE quadrant IN ('O','T') "
                "ORDER BY quadrant, position, id"
            ),
        )


# --- overview ------------------------------------------------------------------------------


def overview(plan: PlanFile, today: dt.date | None = None) -> Row:
    """The plan's key figures in one row (one statement)."""
    today = today or dt.date.today()
    month = today.replace(day=1).isoformat()
    iso = today.isocalendar()
    sql = """
    SELECT
      (SELECT count(*) FROM swot_item) AS swot_items,
      (SELECT count(*) FROM goal) AS goals,
      (SELECT count(*) FROM action) AS actions,
      (SELECT count(*) FROM action WHERE status = 'done') AS actions_done,
      (SELECT count(*) FROM action WHERE status IN ('planned','in_progress')
         AND due IS NOT NULL AND due < :today) AS actions_late,
      (SELECT count(*) FROM action WHERE owner_id IS NULL AND status != 'cancelled')
         AS actions_without_owner,
      (SELECT count(*) FROM person) AS people,
      (SELECT count(*) FROM hypothesis) AS hypotheses,
      (SELECT count(*) FROM hypothesis WHERE decision = 'pending') AS hypotheses_open,
      (SELECT count(*) FROM weekly_plan WHERE iso_year = :year AND iso_week = :week)
         AS weekly_plans_this_week,
      (SELECT coalesce(sum(amount_minor), 0) FROM budget_line) AS planned_minor,
      (SELECT coalesce(sum(amount_minor), 0) FROM expense) AS spent_minor,
      (SELECT coalesce(sum(amount_minor), 0) FROM budget_line WHERE month = :month)
         AS planned_month_minor,
      (SELECT coalesce(sum(amount_minor), 0) FROM expense
         WHERE date >= :month AND date < :next_month) AS spent_month_minor,
      (SELECT count(*) FROM control_point WHERE next_due IS NOT NULL AND next_due < :today)
         AS checks_overdue,
      (SELECT min(next_due) FROM control_point WHERE next_due IS NOT NULL) AS next_check
    """
    next_month = (today.replace(day=28) + dt.timedelta(days=4)).replace(day=1).isoformat()
    rows = _rows(
        plan,
        sql,
        {
            "today": today.isoformat(),
            "month": month,
            "next_month": next_month,
            "year": iso.year,
            "week": iso.week,
        },
        dates=("next_check",),
    )
    return rows[0]


def goal_progress(plan: PlanFile, today: dt.date | None = None) -> list[Row]:
    """Every goal with its latest measurement, progress and track (for the overview)."""
    from mktplanner.domain.rules.goals import goal_status

    today = today or dt.date.today()
    rows = goals(plan)
    with plan.session() as s:
        points: dict[int, list[tuple[dt.date, float]]] = {}
        for gid, day, value in s.execute(
            text("SELECT goal_id, date, value FROM measurement ORDER BY goal_id, date, id")
        ).all():
            points.setdefault(int(gid), []).append((dt.date.fromisoformat(str(day)[:10]), value))
    for row in rows:
        status = goal_status(
            points.get(row["id"], []),
            row["baseline"],
            row["target"],
            row["baseline_date"],
            row["deadline"],
            today,
        )
        row["expected"] = status.expected
        row["track"] = str(status.track)
    return rows


# --- SWOT and strategy -------------------------------------------------------------------


def swot_items(plan: PlanFile) -> list[Row]:
    return _rows(
        plan,
        """
        SELECT s.id, s.quadrant, s.text, s.note, s.weight, s.source, s.position,
               (SELECT count(*) FROM goal_swot g WHERE g.swot_item_id = s.id) AS goals
        FROM swot_item s
        ORDER BY CASE s.quadrant WHEN 'S' THEN 0 WHEN 'W' THEN 1 WHEN 'O' THEN 2 ELSE 3 END,
                 s.position, s.id
        """,
    )


def tows_options(plan: PlanFile) -> list[Row]:
    rows = _rows(
        plan,
        """
        SELECT t.id, t.text, t.internal_id, t.external_id, t.goal_id, t.position,
               i.text AS internal_text, i.quadrant AS internal_quadrant,
               e.text AS external_text, e.quadrant AS external_quadrant,
               g.title AS goal_title
        FROM tows_option t
        JOIN swot_item i ON i.id = t.internal_id
        JOIN swot_item e ON e.id = t.external_id
        LEFT JOIN goal g ON g.id = t.goal_id
        ORDER BY t.position, t.id
        """,
    )
    for row in rows:
        row["kind"] = f"{row['internal_quadrant']}{row['external_quadrant']}"
    return rows


# --- goals -------------------------------------------------------------------------------


def goals(plan: PlanFile) -> list[Row]:
    """Goals with owner, latest measurement, progress, and their actions' count and budget."""
    from mktplanner.domain.rules.goals import progress

    rows = _rows(
        plan,
        """
        SELECT g.id, g.title, g.metric, g.unit, g.baseline, g.target, g.baseline_date,
               g.deadline, g.owner_id, g.notes, g.position, p.name AS owner_name,
               (SELECT m.value FROM measurement m WHERE m.goal_id = g.id
                  ORDER BY m.date DESC, m.id DESC LIMIT 1) AS latest_value,
               (SELECT m.date FROM measurement m WHERE m.goal_id = g.id
                  ORDER BY m.date DESC, m.id DESC LIMIT 1) AS latest_date,
               (SELECT count(*) FROM action a WHERE a.goal_id = g.id) AS actions,
               (SELECT coalesce(sum(a.budget_minor), 0) FROM action a WHERE a.goal_id = g.id)
                  AS budget_minor
        FROM goal g LEFT JOIN person p ON p.id = g.owner_id
        ORDER BY g.position, g.id
        """,
        dates=("baseline_date", "deadline", "latest_date"),
    )
    for row in rows:
        row["progress"] = progress(row["latest_value"], row["baseline"], row["target"])
    return rows


def measurements(plan: PlanFile, goal_id: int) -> list[Row]:
    return _rows(
        plan,
        "SELECT id, goal_id, date, value, note FROM measurement WHERE goal_id = :g "
        "ORDER BY date, id",
        {"g": goal_id},
        dates=("date",),
    )


# --- tactical plan -------------------------------------------------------------------------


def actions(plan: PlanFile) -> list[Row]:
    return _rows(
        plan,
        """
        SELECT a.id, a.title, a.goal_id, a.direction_id, a.channel_id, a.owner_id,
               a.start, a.due, a.budget_minor, a.expected_result, a.status, a.recurrence,
               a.position, g.title AS goal_title, d.name AS direction_name,
               c.name AS channel_name, p.name AS owner_name,
               coalesce(x.spent, 0) AS spent_minor
        FROM action a
        LEFT JOIN goal g ON g.id = a.goal_id
        LEFT JOIN direction d ON d.id = a.direction_id
        LEFT JOIN channel c ON c.id = a.channel_id
        LEFT JOIN person p ON p.id = a.owner_id
        LEFT JOIN (SELECT action_id, sum(amount_minor) AS spent FROM expense
                   WHERE action_id IS NOT NULL GROUP BY action_id) x ON x.action_id = a.id
        ORDER BY coalesce(a.start, a.due, '9999-12-31'), a.position, a.id
        """,
        dates=("start", "due"),
    )


# --- weekly plans --------------------------------------------------------------------------


def weekly_plans(plan: PlanFile) -> list[Row]:
    """Every weekly plan, newest week first, with its tasks' hours and the person's capacity."""
    from mktplanner.domain.rules.weekly import capacity_hours

    profile = plan_profile(plan)
    rows = _rows(
        plan,
        """
        SELECT w.id, w.person_id, w.iso_year, w.iso_week, w.state, w.note,
               p.name AS person_name, p.weekly_hours, p.unplannable_share,
               coalesce(t.tasks, 0) AS tasks, coalesce(t.done, 0) AS tasks_done,
               coalesce(t.est, 0) AS planned_hours, t.actual AS actual_hours,
               coalesce(m.metrics, 0) AS metrics
        FROM weekly_plan w
        JOIN person p ON p.id = w.person_id
        LEFT JOIN (SELECT weekly_plan_id, count(*) AS tasks, sum(done) AS done,
                          sum(est_hours) AS est, sum(actual_hours) AS actual
                   FROM weekly_task GROUP BY weekly_plan_id) t ON t.weekly_plan_id = w.id
        LEFT JOIN (SELECT weekly_plan_id, count(*) AS metrics FROM weekly_metric
                   GROUP BY weekly_plan_id) m ON m.weekly_plan_id = w.id
        ORDER BY w.iso_year DESC, w.iso_week DESC, p.name COLLATE NOCASE
        """,
    )
    for row in rows:
        cap = capacity_hours(row["weekly_hours"], row["unplannable_share"], profile.plan_share)
        row["capacity_hours"] = cap
        row["load"] = row["planned_hours"] / cap if cap > 0 else None
    return rows


# --- budget and control -----------------------------------------------------------------


def budget_settings(plan: PlanFile) -> Row:
    rows = _rows(
        plan, "SELECT id, mode, basis, total_minor, rollover FROM budget ORDER BY id LIMIT 1"
    )
    _bools(rows, "rollover")
    return (
        rows[0]
        if rows
        else {
            "id": None,
            "mode": "bottom_up",
            "basis": "per_month",
            "total_minor": 0,
            "rollover": False,
        }
    )


# --- one week of every person (the PDF's weekly plans) ----------------------------------------


def weeks_with_plans(plan: PlanFile) -> list[tuple[int, int]]:
    """The ISO weeks (year, week) anyone has a plan for, oldest first."""
    return [
        (int(r["iso_year"]), int(r["iso_week"]))
        for r in _rows(
            plan,
            "SELECT DISTINCT iso_year, iso_week FROM weekly_plan ORDER BY iso_year, iso_week",
        )
    ]


def week_plans(plan: PlanFile, iso_year: int, iso_week: int) -> list[Row]:
    """The weekly plans of one ISO week, rows as :func:`weekly_plans` gives them (one
    statement: the tasks and metrics of that week only are summed)."""
    from mktplanner.domain.rules.weekly import capacity_hours

    profile = plan_profile(plan)
    rows = _rows(
        plan,
        """
        SELECT w.id, w.person_id, w.iso_year, w.iso_week, w.state, w.note,
               p.name AS person_name, p.weekly_hours, p.unplannable_share,
               coalesce(t.tasks, 0) AS tasks, coalesce(t.done, 0) AS tasks_done,
               coalesce(t.est, 0) AS planned_hours, t.actual AS actual_hours,
               coalesce(m.metrics, 0) AS metrics
        FROM weekly_plan w
        JOIN person p ON p.id = w.person_id
        LEFT JOIN (SELECT t.weekly_plan_id, count(*) AS tasks, sum(t.done) AS done,
                          sum(t.est_hours) AS est, sum(t.actual_hours) AS actual
                   FROM weekly_task t JOIN weekly_plan x ON x.id = t.weekly_plan_id
                   WHERE x.iso_year = :y AND x.iso_week = :w
                   GROUP BY t.weekly_plan_id) t ON t.weekly_plan_id = w.id
        LEFT JOIN (SELECT m.weekly_plan_id, count(*) AS metrics
                   FROM weekly_metric m JOIN weekly_plan x ON x.id = m.weekly_plan_id
                   WHERE x.iso_year = :y AND x.iso_week = :w
                   GROUP BY m.weekly_plan_id) m ON m.weekly_plan_id = w.id
        WHERE w.iso_year = :y AND w.iso_week = :w
        ORDER BY p.name COLLATE NOCASE
        """,
        {"y": iso_year, "w": iso_week},
    )
    for row in rows:
        cap = capacity_hours(row["weekly_hours"], row["unplannable_share"], profile.plan_share)
        row["capacity_hours"] = cap
        row["load"] = row["planned_hours"] / cap if cap > 0 else None
    return rows


def week_tasks(plan: PlanFile, iso_year: int, iso_week: int) -> dict[int, list[Row]]:
    """The tasks of one ISO week by weekly plan id, rows as :func:`weekly_tasks` gives them."""
    rows = _rows(
        plan,
        """
        SELECT t.id, t.weekly_plan_id, t.description, t.action_id, t.end_product,
               t.est_hours, t.actual_hours, t.done, t.regular, t.unplanned, t.carried,
               t.position, a.title AS action_title, g.title AS goal_title
        FROM weekly_task t
        JOIN weekly_plan w ON w.id = t.weekly_plan_id
        LEFT JOIN action a ON a.id = t.action_id
        LEFT JOIN goal g ON g.id = a.goal_id
        WHERE w.iso_year = :y AND w.iso_week = :w
        ORDER BY t.weekly_plan_id, t.position, t.id
        """,
        {"y": iso_year, "w": iso_week},
    )
    _bools(rows, "done", "regular", "unplanned", "carried")
    return _by_week(rows)


def week_metrics(plan: PlanFile, iso_year: int, iso_week: int) -> dict[int, list[Row]]:
    """The metrics of one ISO week by weekly plan id, rows as :func:`weekly_metrics` gives."""
    rows = _rows(
        plan,
        """
        SELECT m.id, m.weekly_plan_id, m.name, m.kind, m.unit, m.planned, m.actual,
               m.not_measured, m.position
        FROM weekly_metric m JOIN weekly_plan w ON w.id = m.weekly_plan_id
        WHERE w.iso_year = :y AND w.iso_week = :w
        ORDER BY m.weekly_plan_id, m.position, m.id
        """,
        {"y": iso_year, "w": iso_week},
    )
    _bools(rows, "not_measured")
    return _by_week(rows)


def _by_week(rows: list[Row]) -> dict[int, list[Row]]:
    out: dict[int, list[Row]] = {}
    for row in rows:
        out.setdefault(int(row["weekly_plan_id"]), []).append(row)
    return out
