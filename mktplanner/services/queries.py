"""Read queries shared by the summary, the UI and the reports: plain frozen dataclasses.

Each function costs a fixed number of SQL statements whatever the plan's size (sums and
counts are computed by SQLite, never by a query per row), and returns values with their
Python types: ``datetime.date`` for dates, ``int`` minor units for money, ``float`` hours.
The arithmetic of the method (capacity, progress, budget variance, KPIs, control status)
is left to ``domain.rules``; these functions only gather the facts those rules take.

The golden thread here follows :mod:`mktplanner.domain.health.trace`: a weekly task traces
to a goal when its action serves a goal; an expense traces when its action serves one.
Spend "on a channel" follows :mod:`mktplanner.domain.rules.budget`: an expense's own channel,
else the channel of its action.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from mktplanner.domain.rules.budget import ExpenseFacts, LineFacts
from mktplanner.domain.rules.control import period_bounds
from mktplanner.domain.rules.goals import MeasurementPoint
from mktplanner.domain.rules.kpi import ChannelFigures
from mktplanner.domain.tables import ALL_TABLES
from mktplanner.store.planfile import PlanFile

__all__ = [
    "ActionFacts",
    "BudgetSettings",
    "ChannelTotals",
    "ControlFacts",
    "GoalFacts",
    "HypothesisFacts",
    "PersonFacts",
    "PlanProfile",
    "SpendTrace",
    "WeekFacts",
    "actions",
    "budget_settings",
    "channel_totals",
    "control_points",
    "expense_sums",
    "goals",
    "hypotheses",
    "line_sums",
    "people",
    "profile",
    "spend_trace",
    "table_counts",
    "weeks",
]


def _date(value: Any) -> dt.date | None:
    """SQLite hands dates back as ISO text from raw SQL (and from max()/min())."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _all(plan: PlanFile, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
    with plan.session() as s:
        return list(s.execute(text(sql), params or {}).mappings().all())


# --- the plan ------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanProfile:
    name: str
    company: str
    mission: str
    values: str
    currency: str
    language: str
    fiscal_year_start: int
    default_weekly_hours: float
    plan_share: float
    jump_threshold: float
    tactical_start: dt.date | None
    tactical_months: int
    report_cadence: str
    report_maker: str
    report_reader: str
    report_actor: str
    created: dt.date | None


def profile(plan: PlanFile) -> PlanProfile:
    """The plan's profile (the row with the smallest id; a plan file holds one)."""
    rows = _all(
        plan,
        'SELECT name, company, mission, "values", currency, language, fiscal_year_start, '
        "default_weekly_hours, plan_share, jump_threshold, tactical_start, tactical_months, "
        "report_cadence, report_maker, report_reader, report_actor, created "
        "FROM plan ORDER BY id LIMIT 1",
    )
    if not rows:
        return PlanProfile("", "", "", "", "RUB", "ru", 1, 40.0, 0.65, 3.0, None, 6,
                           "", "", "", "", None)  # fmt: skip
    r = dict(rows[0])
    r["tactical_start"] = _date(r["tactical_start"])
    r["created"] = _date(r["created"])
    for name in ("company", "mission", "values", "report_cadence", "report_maker",
                 "report_reader", "report_actor"):  # fmt: skip
        r[name] = r[name] or ""
    return PlanProfile(**r)


def table_counts(plan: PlanFile) -> dict[str, int]:
    """Rows per table of the plan, in the schema's order (one statement)."""
    names = [str(t.__tablename__) for t in ALL_TABLES]
    sql = "SELECT " + ", ".join(f'(SELECT count(*) FROM "{n}") AS "{n}"' for n in names)
    row = _all(plan, sql)[0]
    return {n: int(row[n]) for n in names}


# --- people and weeks ------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonFacts:
    id: int
    name: str
    role: str
    weekly_hours: float
    unplannable_share: float
    manager_id: int | None
    manager_name: str | None


def people(plan: PlanFile) -> list[PersonFacts]:
    rows = _all(
        plan,
        "SELECT p.id, p.name, p.role, p.weekly_hours, p.unplannable_share, p.manager_id, "
        "m.name AS manager_name FROM person p LEFT JOIN person m ON m.id = p.manager_id "
        "ORDER BY p.id",
    )
    return [PersonFacts(**{**r, "role": r["role"] or ""}) for r in rows]


@dataclass(frozen=True)
class WeekFacts:
    """One person-week: the person's hours and the week's tasks summed."""

    id: int
    person_id: int
    person_name: str
    iso_year: int
    iso_week: int
    state: str
    weekly_hours: float
    unplannable_share: float
    tasks: int
    planned_hours: float  # sum of the estimates
    actual_hours: float | None  # sum of the actuals; None when no task has one yet
    goal_hours: float  # estimates of tasks whose action serves a goal


def weeks(
    plan: PlanFile,
    since: tuple[int, int] | None = None,
    until: tuple[int, int] | None = None,
) -> list[WeekFacts]:
    """Every person-week (optionally from ISO week ``since`` to ``until`` inclusive),
    oldest first, then by person id (one statement)."""
    where, params = [], {}
    if since is not None:
        where.append("(w.iso_year * 100 + w.iso_week) >= :since")
        params["since"] = since[0] * 100 + since[1]
    if until is not None:
        where.append("(w.iso_year * 100 + w.iso_week) <= :until")
        params["until"] = until[0] * 100 + until[1]
    rows = _all(
        plan,
        f"""
        SELECT w.id, w.person_id, p.name AS person_name, w.iso_year, w.iso_week, w.state,
               p.weekly_hours, p.unplannable_share,
               count(t.id) AS tasks,
               coalesce(sum(t.est_hours), 0.0) AS planned_hours,
               sum(t.actual_hours) AS actual_hours,
               coalesce(sum(CASE WHEN a.goal_id IS NOT NULL THEN t.est_hours END), 0.0)
                 AS goal_hours
        FROM weekly_plan w
        JOIN person p ON p.id = w.person_id
        LEFT JOIN weekly_task t ON t.weekly_plan_id = w.id
        LEFT JOIN action a ON a.id = t.action_id
        {"WHERE " + " AND ".join(where) if where else ""}
        GROUP BY w.id
        ORDER BY w.iso_year, w.iso_week, w.person_id
        """,
        params,
    )
    return [
        WeekFacts(
            **{
                **r,
                "planned_hours": float(r["planned_hours"]),
                "goal_hours": float(r["goal_hours"]),
                "actual_hours": None if r["actual_hours"] is None else float(r["actual_hours"]),
            }
        )
        for r in rows
    ]


# --- strategy ------------------------------------------------------------------------------


@dataclass(frozen=True)
class GoalFacts:
    id: int
    title: str
    metric: str
    unit: str
    baseline: float | None
    target: float | None
    baseline_date: dt.date | None
    deadline: dt.date | None
    owner_id: int | None
    owner_name: str | None
    position: int
    swot_ids: tuple[int, ...] = ()
    measurements: tuple[MeasurementPoint, ...] = ()  # oldest first
    actions: int = 0
    actions_budget_minor: int = 0


def goals(plan: PlanFile) -> list[GoalFacts]:
    """Goals with their SWOT links, measurements and actions (three statements)."""
    with plan.session() as s:
        goal_rows = s.execute(
            text(
                """
                SELECT g.id, g.title, g.metric, g.unit, g.baseline, g.target, g.baseline_date,
                       g.deadline, g.owner_id, p.name AS owner_name, g.position,
                       count(a.id) AS actions, coalesce(sum(a.budget_minor), 0) AS budget
                FROM goal g
                LEFT JOIN person p ON p.id = g.owner_id
                LEFT JOIN action a ON a.goal_id = g.id
                GROUP BY g.id
                ORDER BY g.position, g.id
                """
            )
        ).mappings()
        rows = list(goal_rows)
        links = s.execute(
            text("SELECT goal_id, swot_item_id FROM goal_swot ORDER BY goal_id, swot_item_id")
        ).all()
        points = s.execute(
            text("SELECT goal_id, date, value FROM measurement ORDER BY goal_id, date, id")
        ).all()
    swot: dict[int, list[int]] = {}
    for goal_id, item_id in links:
        swot.setdefault(goal_id, []).append(item_id)
    measured: dict[int, list[MeasurementPoint]] = {}
    for goal_id, day, value in points:
        measured.setdefault(goal_id, []).append(MeasurementPoint(_date(day), value))  # type: ignore[arg-type]
    return [
        GoalFacts(
            id=r["id"],
            title=r["title"],
            metric=r["metric"] or "",
            unit=r["unit"] or "",
            baseline=r["baseline"],
            target=r["target"],
            baseline_date=_date(r["baseline_date"]),
            deadline=_date(r["deadline"]),
            owner_id=r["owner_id"],
            owner_name=r["owner_name"],
            position=r["position"],
            swot_ids=tuple(swot.get(r["id"], ())),
            measurements=tuple(measured.get(r["id"], ())),
            actions=int(r["actions"]),
            actions_budget_minor=int(r["budget"]),
        )
        for r in rows
    ]


# --- tactics -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ActionFacts:
    id: int
    title: str
    direction_id: int | None
    direction_name: str | None
    goal_id: int | None
    channel_id: int | None
    channel_name: str | None
    owner_id: int | None
    owner_name: str | None
    start: dt.date | None
    due: dt.date | None
    budget_minor: int | None
    status: str
    recurrence: str
    position: int


def actions(plan: PlanFile) -> list[ActionFacts]:
    rows = _all(
        plan,
        """
        SELECT a.id, a.title, a.direction_id, d.name AS direction_name, a.goal_id,
               a.channel_id, c.name AS channel_name, a.owner_id, p.name AS owner_name,
               a.start, a.due, a.budget_minor, a.status, a.recurrence, a.position
        FROM action a
        LEFT JOIN direction d ON d.id = a.direction_id
        LEFT JOIN channel c ON c.id = a.channel_id
        LEFT JOIN person p ON p.id = a.owner_id
        ORDER BY a.position, a.id
        """,
    )
    return [ActionFacts(**{**r, "start": _date(r["start"]), "due": _date(r["due"])}) for r in rows]


# --- budget ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetSettings:
    mode: str = "bottom_up"
    basis: str = "per_month"
    total_minor: int = 0
    rollover: bool = False


def budget_settings(plan: PlanFile) -> BudgetSettings:
    rows = _all(plan, "SELECT mode, basis, total_minor, rollover FROM budget ORDER BY id LIMIT 1")
    if not rows:
        return BudgetSettings()
    r = rows[0]
    return BudgetSettings(r["mode"], r["basis"], int(r["total_minor"]), bool(r["rollover"]))


def line_sums(
    plan: PlanFile, since: dt.date | None = None, until: dt.date | None = None
) -> list[LineFacts]:
    """Budget lines summed per (month, channel, action), months from ``since`` to ``until``."""
    rows = _all(
        plan,
        """
        SELECT month, channel_id, action_id, sum(amount_minor) AS amount
        FROM budget_line
        WHERE (:since IS NULL OR month >= :since) AND (:until IS NULL OR month <= :until)
        GROUP BY month, channel_id, action_id
        ORDER BY month
        """,
        {"since": _iso(since), "until": _iso(until)},
    )
    return [
        LineFacts(_date(r["month"]), int(r["amount"]), r["channel_id"], r["action_id"])  # type: ignore[arg-type]
        for r in rows
    ]


def expense_sums(
    plan: PlanFile, since: dt.date | None = None, until: dt.date | None = None
) -> list[ExpenseFacts]:
    """Expenses (refunds included, they are negative) summed per (month, channel, action),
    dated from ``since`` to ``until`` inclusive; each sum is dated the first of its month."""
    rows = _all(
        plan,
        """
        SELECT substr(date, 1, 7) || '-01' AS month, channel_id, action_id,
               sum(amount_minor) AS amount
        FROM expense
        WHERE (:since IS NULL OR date >= :since) AND (:until IS NULL OR date <= :until)
        GROUP BY 1, channel_id, action_id
        ORDER BY 1
        """,
        {"since": _iso(since), "until": _iso(until)},
    )
    months: dict[str, dt.date] = {}  # a few dozen months for tens of thousands of sums
    facts = []
    for r in rows:
        month = months.get(r["month"])
        if month is None:
            month = months[r["month"]] = dt.date.fromisoformat(r["month"])
        facts.append(ExpenseFacts(month, int(r["amount"]), r["channel_id"], r["action_id"]))
    return facts


@dataclass(frozen=True)
class SpendTrace:
    """Net spend in a range and the part of it whose action serves a goal."""

    spend_minor: int
    goal_minor: int


def spend_trace(
    plan: PlanFile, since: dt.date | None = None, until: dt.date | None = None
) -> SpendTrace:
    row = _all(
        plan,
        """
        SELECT coalesce(sum(e.amount_minor), 0) AS spend,
               coalesce(sum(CASE WHEN a.goal_id IS NOT NULL THEN e.amount_minor END), 0) AS goal
        FROM expense e LEFT JOIN action a ON a.id = e.action_id
        WHERE (:since IS NULL OR e.date >= :since) AND (:until IS NULL OR e.date <= :until)
        """,
        {"since": _iso(since), "until": _iso(until)},
    )[0]
    return SpendTrace(int(row["spend"]), int(row["goal"]))


# --- control ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ControlFacts:
    """A control point with what was spent on its target in its current period."""

    id: int
    target: str
    channel_id: int | None
    channel_name: str | None
    action_id: int | None
    action_title: str | None
    controller_id: int | None
    controller_name: str | None
    cadence: str
    limit_minor: int
    next_due: dt.date | None
    note: str
    last_check: dt.date | None
    period_start: dt.date
    period_end: dt.date
    spent_minor: int


def control_points(plan: PlanFile, today: dt.date) -> list[ControlFacts]:
    """Every control point and its spend in the period (of its cadence) holding ``today``."""
    bounds = {c: period_bounds(c, today) for c in ("daily", "weekly", "monthly")}
    params = {
        f"{c[0]}{i}": bounds[c][i].isoformat() for c in bounds for i in (0, 1)
    }  # d0 d1 w0 w1 m0 m1
    rows = _all(
        plan,
        """
        SELECT cp.id, cp.target, cp.channel_id, c.name AS channel_name, cp.action_id,
               a.title AS action_title, cp.controller_id, p.name AS controller_name,
               cp.cadence, cp.limit_minor, cp.next_due, cp.note,
               (SELECT max(k.date) FROM control_check k WHERE k.control_point_id = cp.id)
                 AS last_check,
               (SELECT coalesce(sum(e.amount_minor), 0)
                  FROM expense e LEFT JOIN action ea ON ea.id = e.action_id
                  WHERE e.date >= CASE cp.cadence WHEN 'daily' THEN :d0
                                                  WHEN 'weekly' THEN :w0 ELSE :m0 END
                    AND e.date <= CASE cp.cadence WHEN 'daily' THEN :d1
                                                  WHEN 'weekly' THEN :w1 ELSE :m1 END
                    AND (cp.target = 'budget'
                         OR (cp.target = 'channel'
                             AND coalesce(e.channel_id, ea.channel_id) = cp.channel_id)
                         OR (cp.target = 'action' AND e.action_id = cp.action_id)))
                 AS spent
        FROM control_point cp
        LEFT JOIN channel c ON c.id = cp.channel_id
        LEFT JOIN action a ON a.id = cp.action_id
        LEFT JOIN person p ON p.id = cp.controller_id
        ORDER BY cp.id
        """,
        params,
    )
    out = []
    for r in rows:
        start, end = bounds.get(r["cadence"], bounds["monthly"])
        values = {k: v for k, v in r.items() if k != "spent"}
        values.update(
            note=r["note"] or "",
            next_due=_date(r["next_due"]),
            last_check=_date(r["last_check"]),
            period_start=start,
            period_end=end,
            spent_minor=int(r["spent"]),
        )
        out.append(ControlFacts(**values))
    return out


# --- results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChannelTotals:
    """A channel's results summed over the months recorded (spend typed in, else the month's
    expenses on the channel)."""

    id: int
    name: str
    months: int
    first_month: dt.date | None
    last_month: dt.date | None
    figures: ChannelFigures = field(default_factory=ChannelFigures)


def channel_totals(
    plan: PlanFile, since: dt.date | None = None, until: dt.date | None = None
) -> list[ChannelTotals]:
    """Every channel (in display order) with its results from month ``since`` to ``until``."""
    rows = _all(
        plan,
        """
        SELECT c.id, c.name, count(r.id) AS months, min(r.month) AS first_month,
               max(r.month) AS last_month,
               coalesce(sum(coalesce(r.spend_minor,
                   (SELECT coalesce(sum(e.amount_minor), 0)
                      FROM expense e LEFT JOIN action ea ON ea.id = e.action_id
                     WHERE e.date >= r.month AND e.date < date(r.month, '+1 month')
                       AND coalesce(e.channel_id, ea.channel_id) = r.channel_id))), 0) AS spend,
               coalesce(sum(r.impressions), 0) AS impressions,
               coalesce(sum(r.clicks), 0) AS clicks,
               coalesce(sum(r.leads), 0) AS leads,
               coalesce(sum(r.customers), 0) AS customers,
               coalesce(sum(r.revenue_minor), 0) AS revenue
        FROM channel c
        LEFT JOIN channel_result r ON r.channel_id = c.id
             AND (:since IS NULL OR r.month >= :since) AND (:until IS NULL OR r.month <= :until)
        GROUP BY c.id
        ORDER BY c.position, c.id
        """,
        {"since": _iso(since), "until": _iso(until)},
    )
    return [
        ChannelTotals(
            id=r["id"],
            name=r["name"],
            months=int(r["months"]),
            first_month=_date(r["first_month"]),
            last_month=_date(r["last_month"]),
            figures=ChannelFigures(
                int(r["spend"]),
                int(r["impressions"]),
                int(r["clicks"]),
                int(r["leads"]),
                int(r["customers"]),
                int(r["revenue"]),
            ),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class HypothesisFacts:
    id: int
    title: str
    channel_id: int | None
    channel_name: str | None
    test_budget_minor: int
    spent_minor: int
    start: dt.date | None
    end: dt.date | None
    metric: str
    threshold: float | None
    result: float | None
    decision: str
    learned: str


def hypotheses(plan: PlanFile) -> list[HypothesisFacts]:
    rows = _all(
        plan,
        """
        SELECT h.id, h.title, h.channel_id, c.name AS channel_name, h.test_budget_minor,
               coalesce((SELECT sum(e.amount_minor) FROM expense e
                         WHERE e.hypothesis_id = h.id), 0) AS spent_minor,
               h.start, h."end", h.metric, h.threshold, h.result, h.decision, h.learned
        FROM hypothesis h LEFT JOIN channel c ON c.id = h.channel_id
        ORDER BY h.id
        """,
    )
    return [
        HypothesisFacts(
            **{
                **r,
                "start": _date(r["start"]),
                "end": _date(r["end"]),
                "metric": r["metric"] or "",
                "learned": r["learned"] or "",
                "spent_minor": int(r["spent_minor"]),
            }
        )
        for r in rows
    ]
