"""The plan check as the UI and the CLI use it, and the golden thread through a plan.

- :func:`snapshot` reads a plan into a :class:`~mktplanner.domain.health.PlanSnapshot` in a
  fixed number of queries (one per table, whatever the number of rows);
  :func:`check` runs the rules of :mod:`mktplanner.domain.health` over it.
- :func:`dismiss_edit` / :func:`undismiss_edit` are ordinary edits (``services.edits``), so
  dismissing a finding is one undo step like any other change.
- :func:`record_score_edit` / :func:`record_score` store the score for its trend
  (:func:`score_trend`). Recording a score is bookkeeping, not a change the user made: the GUI
  runs it with ``edits.run`` after a save and does **not** push it onto the undo stack (undoing
  it would only erase history of the trend, and it would sit between the user's own steps).
- :func:`chain_up`, :func:`chain_down`, :func:`figures`: the golden thread from a weekly task,
  an action or an expense up to its goal and the analysis behind it, from a goal down to its
  actions, this week's tasks and the money spent, and how much of the hours and of the spend
  trace to a goal at all.
- :func:`report_to_dict`: the report as JSON-ready values (``check FILE --json``).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select

from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.health import (
    CHECK_FAILED,
    ActionRow,
    BudgetLineRow,
    ChannelRow,
    CheckReport,
    ControlPointRow,
    DismissalRow,
    ExpenseRow,
    GoalRow,
    HypothesisRow,
    ObjectRef,
    PersonRow,
    PlanSnapshot,
    ProfileRow,
    SwotRow,
    TaskRow,
    TowsRow,
    TraceFigures,
    WeekRow,
    parse_ref,
    ref_text,
    run_checks,
    trace_figures,
)
from mktplanner.domain.rules.dates import IsoWeek, iso_week_of
from mktplanner.domain.rules.goals import MeasurementPoint
from mktplanner.domain.rules.validation import tows_kind
from mktplanner.domain.tables import (
    Action,
    BudgetLine,
    Channel,
    CheckScore,
    ControlCheck,
    ControlPoint,
    Expense,
    FindingDismissal,
    Goal,
    GoalSwotLink,
    Hypothesis,
    Measurement,
    Person,
    Plan,
    SwotItem,
    TowsOption,
    WeeklyPlan,
    WeeklyTask,
)
from mktplanner.services.edits import DeleteRow, Edit, InsertRow, run
from mktplanner.store.planfile import PlanFile

log = logging.getLogger(__name__)

__all__ = [
    "ChainLink",
    "ChainDownAction",
    "ChainDownTask",
    "GoalChain",
    "ScorePoint",
    "chain_down",
    "chain_up",
    "check",
    "dismiss_edit",
    "figures",
    "record_score",
    "record_score_edit",
    "report_to_dict",
    "score_trend",
    "snapshot",
    "undismiss_edit",
]


def _t(model: Any) -> Table:
    return model.__table__  # type: ignore[no-any-return]


# --- the snapshot -------------------------------------------------------------------------


def snapshot(plan: PlanFile, today: dt.date | None = None) -> PlanSnapshot:
    """Read what the plan check needs: one query per table (17 in all), any number of rows."""
    today = today or dt.date.today()
    p, gs, m = _t(Plan), _t(GoalSwotLink), _t(Measurement)
    w, t, cc = _t(WeeklyPlan), _t(WeeklyTask), _t(ControlCheck)
    with plan.session() as s:

        def rows(table: Table, *order: Any) -> list[Any]:
            return list(s.execute(select(table).order_by(*(order or (table.c.id,)))).mappings())

        profile_row = s.execute(select(p).order_by(p.c.id).limit(1)).mappings().first()
        people = rows(_t(Person))
        channels = rows(_t(Channel))
        swot = rows(_t(SwotItem))
        tows = rows(_t(TowsOption))
        goals = rows(_t(Goal))
        links = s.execute(select(gs.c.goal_id, gs.c.swot_item_id)).all()
        measurements = s.execute(
            select(m.c.goal_id, m.c.date, m.c.value).order_by(m.c.goal_id, m.c.date, m.c.id)
        ).all()
        actions = rows(_t(Action))
        weeks = rows(w, w.c.iso_year, w.c.iso_week, w.c.person_id)
        # Tuples of the columns the rules read (a plan kept for years has 100,000s of tasks;
        # mappings of whole rows take twice as long).
        tasks = s.execute(
            select(
                t.c.weekly_plan_id,
                t.c.id,
                t.c.description,
                t.c.action_id,
                t.c.end_product,
                t.c.est_hours,
                t.c.actual_hours,
                t.c.done,
                t.c.unplanned,
            ).order_by(t.c.weekly_plan_id, t.c.position, t.c.id)
        ).all()
        expenses = rows(_t(Expense), _t(Expense).c.date, _t(Expense).c.id)
        lines = rows(_t(BudgetLine))
        points = rows(_t(ControlPoint))
        last_checks = dict(
            s.execute(
                select(cc.c.control_point_id, func.max(cc.c.date)).group_by(cc.c.control_point_id)
            ).all()
        )
        hypotheses = rows(_t(Hypothesis))
        dismissals = rows(_t(FindingDismissal))

    swot_by_goal: dict[int, list[int]] = defaultdict(list)
    for goal_id, item_id in links:
        swot_by_goal[goal_id].append(item_id)
    points_by_goal: dict[int, list[MeasurementPoint]] = defaultdict(list)
    for goal_id, day, value in measurements:
        points_by_goal[goal_id].append(MeasurementPoint(_as_date(day) or today, value))
    tasks_by_week: dict[int, list[TaskRow]] = defaultdict(list)
    for week_id, task_id, description, action_id, product, est, actual, done, unplanned in tasks:
        tasks_by_week[week_id].append(
            TaskRow(
                id=task_id,
                description=description,
                action_id=action_id,
                end_product=product or "",
                est_hours=est or 0.0,
                actual_hours=actual,
                done=bool(done),
                unplanned=bool(unplanned),
            )
        )

    profile = ProfileRow()
    if profile_row is not None:
        profile = ProfileRow(
            name=profile_row["name"],
            mission=profile_row["mission"] or "",
            currency=profile_row["currency"],
            jump_threshold=profile_row["jump_threshold"],
            plan_share=profile_row["plan_share"],
            default_weekly_hours=profile_row["default_weekly_hours"],
            report_cadence=profile_row["report_cadence"] or "",
            report_maker=profile_row["report_maker"] or "",
            report_reader=profile_row["report_reader"] or "",
            report_actor=profile_row["report_actor"] or "",
        )
    return PlanSnapshot(
        today=today,
        profile=profile,
        people=tuple(
            PersonRow(r["id"], r["name"], r["weekly_hours"], r["unplannable_share"]) for r in people
        ),
        channels=tuple(ChannelRow(r["id"], r["name"]) for r in channels),
        swot=tuple(SwotRow(r["id"], r["quadrant"], r["text"]) for r in swot),
        tows=tuple(
            TowsRow(r["id"], r["internal_id"], r["external_id"], r["text"], r["goal_id"])
            for r in tows
        ),
        goals=tuple(
            GoalRow(
                id=r["id"],
                title=r["title"],
                metric=r["metric"],
                baseline=r["baseline"],
                target=r["target"],
                baseline_date=r["baseline_date"],
                deadline=r["deadline"],
                owner_id=r["owner_id"],
                swot_ids=tuple(sorted(swot_by_goal.get(r["id"], ()))),
                measurements=tuple(points_by_goal.get(r["id"], ())),
            )
            for r in goals
        ),
        actions=tuple(
            ActionRow(
                id=r["id"],
                title=r["title"],
                goal_id=r["goal_id"],
                channel_id=r["channel_id"],
                owner_id=r["owner_id"],
                start=r["start"],
                due=r["due"],
                budget_minor=r["budget_minor"],
                status=r["status"],
            )
            for r in actions
        ),
        weeks=tuple(
            WeekRow(
                id=r["id"],
                person_id=r["person_id"],
                iso_year=r["iso_year"],
                iso_week=r["iso_week"],
                state=r["state"],
                approved_on=r["approved_on"],
                closed_on=r["closed_on"],
                tasks=tuple(tasks_by_week.get(r["id"], ())),
            )
            for r in weeks
        ),
        expenses=tuple(
            ExpenseRow(
                id=r["id"],
                date=r["date"],
                amount_minor=r["amount_minor"],
                is_refund=bool(r["is_refund"]),
                channel_id=r["channel_id"],
                action_id=r["action_id"],
                hypothesis_id=r["hypothesis_id"],
                payee=r["payee"] or "",
                note=r["note"] or "",
            )
            for r in expenses
        ),
        budget_lines=tuple(
            BudgetLineRow(r["id"], r["month"], r["channel_id"], r["action_id"], r["amount_minor"])
            for r in lines
        ),
        control_points=tuple(
            ControlPointRow(
                id=r["id"],
                target=r["target"],
                channel_id=r["channel_id"],
                action_id=r["action_id"],
                controller_id=r["controller_id"],
                cadence=r["cadence"],
                limit_minor=r["limit_minor"],
                next_due=r["next_due"],
                last_check=_as_date(last_checks.get(r["id"])),
            )
            for r in points
        ),
        hypotheses=tuple(
            HypothesisRow(
                id=r["id"],
                title=r["title"],
                start=r["start"],
                end=r["end"],
                decision=r["decision"],
                test_budget_minor=r["test_budget_minor"],
            )
            for r in hypotheses
        ),
        dismissals=tuple(DismissalRow(r["code"], r["object_ref"], r["reason"]) for r in dismissals),
    )


def _as_date(value: Any) -> dt.date | None:
    """``max()`` over a date column comes back as text (SQLite has no date type)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def check(plan: PlanFile, today: dt.date | None = None) -> CheckReport:
    """Run the plan check on ``plan`` as of ``today`` (default: the real today)."""
    report = run_checks(snapshot(plan, today))
    for f in report.findings:
        if f.code == CHECK_FAILED:
            log.error("plan check rule failed: %s", f.params)
    return report


# --- dismissals and the score's trend -------------------------------------------------------


def _ref_string(object_ref: ObjectRef | tuple[str, int] | str | None) -> str:
    if object_ref is None or isinstance(object_ref, str):
        text = object_ref or ""
        parse_ref(text)  # refuse a malformed reference early
        return text
    return ref_text(object_ref)


def dismiss_edit(
    code: str,
    object_ref: ObjectRef | tuple[str, int] | str | None,
    reason: str = "",
    today: dt.date | None = None,
) -> Edit:
    """An edit that dismisses the finding ``code`` about ``object_ref`` (``("goal", 3)``,
    ``"goal:3"``, or ``None`` / ``""`` for the plan). Dismissing the same finding twice
    raises ``DomainError`` (``duplicate``) when run."""
    values = {
        "code": code,
        "object_ref": _ref_string(object_ref),
        "reason": reason,
        "dismissed_on": today or dt.date.today(),
    }
    return InsertRow(FindingDismissal, values, label="dismiss_finding")


def undismiss_edit(
    plan: PlanFile, code: str, object_ref: ObjectRef | tuple[str, int] | str | None
) -> Edit:
    """An edit that takes a dismissal back (raises ``DomainError`` ``not_found`` now if the
    finding is not dismissed); its undo restores the dismissal with its reason and date."""
    ref = _ref_string(object_ref)
    fd = _t(FindingDismissal)
    with plan.session() as s:
        ident = s.execute(
            select(fd.c.id).where(fd.c.code == code, fd.c.object_ref == ref)
        ).scalar_one_or_none()
    if ident is None:
        raise DomainError(
            [Problem("object_ref", "not_found", {"table": "finding_dismissal", "code": code})]
        )
    return DeleteRow(FindingDismissal, ident, label="undismiss_finding")


def record_score_edit(report: CheckReport, at: dt.datetime | None = None) -> InsertRow:
    """An insert of the report's score into ``check_score`` (at: local time, default now).
    Run it with ``edits.run`` and keep it off the undo stack (see the module docstring)."""
    stamp = (at or dt.datetime.now()).replace(microsecond=0).isoformat()
    return InsertRow(
        CheckScore,
        {"at": stamp, "passed": report.passed, "total": report.total},
        label="record_check_score",
    )


def record_score(plan: PlanFile, report: CheckReport, at: dt.datetime | None = None) -> bool:
    """Record the score unless it equals the latest one recorded, or the plan is read-only
    (so that the trend shows changes, not saves). Returns whether a row was written."""
    if plan.read_only:
        return False
    cs = _t(CheckScore)
    with plan.session() as s:
        last = s.execute(
            select(cs.c.passed, cs.c.total).order_by(cs.c.at.desc(), cs.c.id.desc()).limit(1)
        ).first()
    if last is not None and (last[0], last[1]) == (report.passed, report.total):
        return False
    run(plan, record_score_edit(report, at))
    return True


@dataclass(frozen=True)
class ScorePoint:
    at: str  # ISO 8601 local time
    passed: int
    total: int

    @property
    def score(self) -> float:
        return self.passed / self.total if self.total else 1.0


def score_trend(plan: PlanFile, n: int = 10) -> list[ScorePoint]:
    """The ``n`` latest recorded scores, oldest first."""
    cs = _t(CheckScore)
    with plan.session() as s:
        rows = s.execute(
            select(cs.c.at, cs.c.passed, cs.c.total)
            .order_by(cs.c.at.desc(), cs.c.id.desc())
            .limit(max(0, n))
        ).all()
    return [ScorePoint(r[0], r[1], r[2]) for r in reversed(rows)]


# --- the golden thread ----------------------------------------------------------------------


@dataclass(frozen=True)
class ChainLink:
    """One step of the golden thread. ``detail``: the quadrant (S/W/O/T) of a SWOT item, the
    kind (SO/ST/WO/WT) of a TOWS option, empty otherwise."""

    table: str
    id: int
    title: str
    detail: str = ""


CHAIN_STARTS = ("weekly_task", "expense", "action", "goal")


def chain_up(plan: PlanFile, table: str, ident: int) -> list[ChainLink]:
    """From a weekly task, an expense, an action or a goal up to its goal and the analysis
    behind it: ``[start, action, goal, TOWS options that became the goal, SWOT items]``.

    The chain stops where a link is missing (a task with no action: ``[task]``). SWOT items
    are those linked to the goal and those of its TOWS options, each once. A missing row
    gives ``[]``; an unknown table raises ``DomainError``."""
    if table not in CHAIN_STARTS:
        raise DomainError(
            [Problem("table", "unknown_value", {"value": table, "allowed": list(CHAIN_STARTS)})]
        )
    a, g, t, e = _t(Action), _t(Goal), _t(WeeklyTask), _t(Expense)
    chain: list[ChainLink] = []
    with plan.session() as s:
        action_id: int | None = None
        goal_id: int | None = None
        if table == "weekly_task":
            row = s.execute(
                select(t.c.id, t.c.description, t.c.action_id).where(t.c.id == ident)
            ).first()
            if row is None:
                return []
            chain.append(ChainLink("weekly_task", row[0], row[1]))
            action_id = row[2]
        elif table == "expense":
            row = s.execute(
                select(e.c.id, e.c.payee, e.c.note, e.c.action_id).where(e.c.id == ident)
            ).first()
            if row is None:
                return []
            chain.append(
                ChainLink("expense", row[0], (row[1] or "").strip() or (row[2] or "").strip())
            )
            action_id = row[3]
        elif table == "action":
            action_id = ident
        else:
            goal_id = ident
        if action_id is not None:
            row = s.execute(
                select(a.c.id, a.c.title, a.c.goal_id).where(a.c.id == action_id)
            ).first()
            if row is None:
                return chain
            chain.append(ChainLink("action", row[0], row[1]))
            goal_id = row[2]
        if goal_id is None:
            return chain
        row = s.execute(select(g.c.id, g.c.title).where(g.c.id == goal_id)).first()
        if row is None:
            return chain
        chain.append(ChainLink("goal", row[0], row[1]))
        chain.extend(_analysis_behind(s, goal_id))
    return chain


def _analysis_behind(s: Any, goal_id: int) -> list[ChainLink]:
    tw, si, gs = _t(TowsOption), _t(SwotItem), _t(GoalSwotLink)
    options = s.execute(
        select(tw.c.id, tw.c.text, tw.c.internal_id, tw.c.external_id)
        .where(tw.c.goal_id == goal_id)
        .order_by(tw.c.position, tw.c.id)
    ).all()
    linked = [r[0] for r in s.execute(select(gs.c.swot_item_id).where(gs.c.goal_id == goal_id))]
    wanted = set(linked) | {r[2] for r in options} | {r[3] for r in options}
    items = (
        {
            r[0]: r
            for r in s.execute(
                select(si.c.id, si.c.text, si.c.quadrant).where(si.c.id.in_(wanted))
            ).all()
        }
        if wanted
        else {}
    )
    links: list[ChainLink] = []
    for o in options:
        internal, external = items.get(o[2]), items.get(o[3])
        kind = tows_kind(internal[2], external[2]) if internal and external else None
        links.append(ChainLink("tows_option", o[0], o[1], str(kind or "")))
    order = {"S": 0, "W": 1, "O": 2, "T": 3}
    for i in sorted(items.values(), key=lambda r: (order.get(r[2], 9), r[0])):
        links.append(ChainLink("swot_item", i[0], i[1], i[2]))
    return links


@dataclass(frozen=True)
class ChainDownAction:
    id: int
    title: str
    status: str
    owner_id: int | None
    owner: str  # the owner's name, "" when none
    start: dt.date | None
    due: dt.date | None
    budget_minor: int | None
    spent_minor: int  # net of refunds, all dates


@dataclass(frozen=True)
class ChainDownTask:
    id: int
    description: str
    action_id: int
    weekly_plan_id: int
    person_id: int
    person: str
    est_hours: float
    actual_hours: float | None
    done: bool
    end_product: str


@dataclass(frozen=True)
class GoalChain:
    """From one goal down: its actions, this week's tasks for them, and the money."""

    goal_id: int
    title: str
    week: IsoWeek
    actions: tuple[ChainDownAction, ...]
    tasks: tuple[ChainDownTask, ...]  # tasks of ``week`` linked to the goal's actions

    @property
    def spent_minor(self) -> int:
        return sum(a.spent_minor for a in self.actions)

    @property
    def budget_minor(self) -> int:
        """The actions' planned budgets (unset budgets count as 0)."""
        return sum(a.budget_minor or 0 for a in self.actions)

    @property
    def planned_hours(self) -> float:
        return sum(t.est_hours for t in self.tasks)


def chain_down(plan: PlanFile, goal_id: int, today: dt.date | None = None) -> GoalChain | None:
    """The goal's actions (with owner and money spent), the tasks of ``today``'s ISO week that
    work on them, and the totals (four queries). ``None`` when the goal does not exist."""
    week = iso_week_of(today or dt.date.today())
    g, a, pe, e = _t(Goal), _t(Action), _t(Person), _t(Expense)
    w, t = _t(WeeklyPlan), _t(WeeklyTask)
    with plan.session() as s:
        goal = s.execute(select(g.c.id, g.c.title).where(g.c.id == goal_id)).first()
        if goal is None:
            return None
        actions = s.execute(
            select(
                a.c.id,
                a.c.title,
                a.c.status,
                a.c.owner_id,
                pe.c.name,
                a.c.start,
                a.c.due,
                a.c.budget_minor,
            )
            .select_from(a.outerjoin(pe, pe.c.id == a.c.owner_id))
            .where(a.c.goal_id == goal_id)
            .order_by(a.c.position, a.c.id)
        ).all()
        spent = dict(
            s.execute(
                select(e.c.action_id, func.sum(e.c.amount_minor))
                .select_from(e.join(a, a.c.id == e.c.action_id))
                .where(a.c.goal_id == goal_id)
                .group_by(e.c.action_id)
            ).all()
        )
        tasks = s.execute(
            select(
                t.c.id,
                t.c.description,
                t.c.action_id,
                w.c.id,
                w.c.person_id,
                pe.c.name,
                t.c.est_hours,
                t.c.actual_hours,
                t.c.done,
                t.c.end_product,
            )
            .select_from(
                t.join(w, w.c.id == t.c.weekly_plan_id)
                .join(a, a.c.id == t.c.action_id)
                .join(pe, pe.c.id == w.c.person_id)
            )
            .where(a.c.goal_id == goal_id, w.c.iso_year == week.year, w.c.iso_week == week.week)
            .order_by(pe.c.name, w.c.person_id, t.c.position, t.c.id)
        ).all()
    return GoalChain(
        goal_id=goal[0],
        title=goal[1],
        week=week,
        actions=tuple(
            ChainDownAction(
                r[0], r[1], r[2], r[3], r[4] or "", r[5], r[6], r[7], int(spent.get(r[0]) or 0)
            )
            for r in actions
        ),
        tasks=tuple(
            ChainDownTask(
                r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or 0.0, r[7], bool(r[8]), r[9] or ""
            )
            for r in tasks
        ),
    )


def figures(
    plan: PlanFile,
    today: dt.date | None = None,
    *,
    week: IsoWeek | tuple[int, int] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> TraceFigures:
    """How much of each person's planned hours in ``week`` (default: ``today``'s) and of the
    spend from ``since`` to ``until`` (default: all) traces to a goal
    (see :mod:`mktplanner.domain.health.trace`)."""
    return trace_figures(_trace_snapshot(plan, today, week, since, until), week, since, until)


def _trace_snapshot(
    plan: PlanFile,
    today: dt.date | None,
    week: IsoWeek | tuple[int, int] | None,
    since: dt.date | None,
    until: dt.date | None,
) -> PlanSnapshot:
    """What :func:`trace_figures` reads, and only that: the people, the goals and actions
    (which action serves a goal), the one week's plans with their tasks, and the expenses of
    the range summed per action in SQL (a sum per action is all the rule adds up; each sum
    carries the group's last date, which lies in the range). Six statements and a few hundred
    rows whatever the plan's size, where :func:`snapshot` reads every task and expense."""
    today = today or dt.date.today()
    wk = IsoWeek(*week) if week is not None else iso_week_of(today)
    pe, g, a, w = _t(Person), _t(Goal), _t(Action), _t(WeeklyPlan)
    t, e = _t(WeeklyTask), _t(Expense)
    this_week = (w.c.iso_year == wk.year) & (w.c.iso_week == wk.week)
    in_range = []
    if since is not None:
        in_range.append(e.c.date >= since)
    if until is not None:
        in_range.append(e.c.date <= until)
    with plan.session() as s:
        people = s.execute(
            select(pe.c.id, pe.c.name, pe.c.weekly_hours, pe.c.unplannable_share).order_by(pe.c.id)
        ).all()
        goals = s.execute(select(g.c.id, g.c.title).order_by(g.c.id)).all()
        actions = s.execute(select(a.c.id, a.c.goal_id).order_by(a.c.id)).all()
        weeks = s.execute(
            select(w.c.id, w.c.person_id, w.c.iso_year, w.c.iso_week, w.c.state)
            .where(this_week)
            .order_by(w.c.person_id)
        ).all()
        tasks = s.execute(
            select(t.c.id, t.c.weekly_plan_id, t.c.action_id, t.c.est_hours)
            .join(w, w.c.id == t.c.weekly_plan_id)
            .where(this_week)
            .order_by(t.c.weekly_plan_id, t.c.position, t.c.id)
        ).all()
        spend = s.execute(
            select(e.c.action_id, func.sum(e.c.amount_minor), func.max(e.c.date))
            .where(*in_range)
            .group_by(e.c.action_id)
        ).all()
    tasks_by_week: dict[int, list[TaskRow]] = defaultdict(list)
    for task_id, week_id, action_id, hours in tasks:
        tasks_by_week[week_id].append(
            TaskRow(id=task_id, action_id=action_id, est_hours=hours or 0.0)
        )
    return PlanSnapshot(
        today=today,
        people=tuple(PersonRow(r[0], r[1], r[2], r[3]) for r in people),
        goals=tuple(GoalRow(r[0], r[1]) for r in goals),
        actions=tuple(ActionRow(r[0], goal_id=r[1]) for r in actions),
        weeks=tuple(
            WeekRow(r[0], r[1], r[2], r[3], r[4], tasks=tuple(tasks_by_week.get(r[0], ())))
            for r in weeks
        ),
        expenses=tuple(
            ExpenseRow(0, _as_date(last) or today, int(total or 0), action_id=action_id)
            for action_id, total, last in spend
        ),
    )


# --- JSON -------------------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


def report_to_dict(report: CheckReport) -> dict[str, Any]:
    """The report as JSON-ready values: score, counts, findings, per-rule figures."""
    return {
        "today": report.today.isoformat(),
        "score": round(report.score, 4),
        "passed": report.passed,
        "total": report.total,
        "counts": report.counts,
        "has_errors": report.has_errors,
        "findings": [
            {
                "code": f.code,
                "severity": f.severity.value,
                "level": f.level.value,
                "object": None if f.ref is None else {"table": f.ref.table, "id": f.ref.id},
                "object_ref": f.object_ref,
                "params": _plain(dict(f.params)),
                "next_step": f.next_step,
                "dismissed": f.dismissed,
                "dismiss_reason": f.dismiss_reason,
            }
            for f in report.findings
        ],
        "rules": [
            {
                "code": r.code,
                "severity": r.severity.value,
                "level": r.level.value,
                "examined": r.examined,
                "passed": r.passed,
                "dismissed": r.dismissed,
            }
            for r in report.rules
        ],
    }
