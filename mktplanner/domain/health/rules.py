"""The rules of the plan check, one small function each (DOMAIN.md §8 and the levels).

To add a rule: write a function ``(snap) -> Iterable[Outcome]`` here (or in any module the
package imports), yield ``ok(ref)`` / ``fail(ref, **params)`` for every object it examines, and
decorate it with ``@rule(code, severity, level, next_step)``. Parameters are plain JSON values
(dates as ISO text, money as integer minor units); the presentation layer words them.

Which objects a rule examines matters for the score: a rule examines only the objects it
applies to (e.g. the overdue-action rule examines active actions that have a due date), so
that the share of passed checks means something.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from mktplanner.domain.enums import (
    ActionStatus,
    ControlStatus,
    ControlTarget,
    Decision,
    Quadrant,
    WeekState,
)
from mktplanner.domain.health.model import (
    ActionRow,
    ControlPointRow,
    ExpenseRow,
    PlanSnapshot,
    WeekRow,
)
from mktplanner.domain.health.registry import Level, Outcome, Severity, fail, ok, rule
from mktplanner.domain.rules.budget import effective_channel
from mktplanner.domain.rules.control import is_overdue, period_bounds, spend_level, unplanned_spend
from mktplanner.domain.rules.dates import month_start
from mktplanner.domain.rules.goals import Track, goal_status
from mktplanner.domain.rules.smart import SmartInput, check_smart
from mktplanner.domain.rules.weekly import (
    CapacityLevel,
    capacity_hours,
    capacity_level,
    round_hours,
)

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

ACTIVE_ACTION = (ActionStatus.PLANNED.value, ActionStatus.IN_PROGRESS.value)
PLAN = None  # the object of plan-wide findings


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def _active_actions(snap: PlanSnapshot) -> Iterator[ActionRow]:
    return (a for a in snap.actions if a.status in ACTIVE_ACTION)


def _open_weeks(snap: PlanSnapshot) -> Iterator[WeekRow]:
    """Weeks that can still be changed (not closed)."""
    return (w for w in snap.weeks if w.state != WeekState.CLOSED.value)


def _week_params(snap: PlanSnapshot, w: WeekRow) -> dict[str, Any]:
    person = snap.person_by_id.get(w.person_id)
    return {
        "person_id": w.person_id,
        "person": person.name if person else "",
        "iso_year": w.iso_year,
        "iso_week": w.iso_week,
    }


# --- analysis -------------------------------------------------------------------------------


def _addressed_swot(snap: PlanSnapshot) -> set[int]:
    return {i for g in snap.goals for i in g.swot_ids}


@rule("threat_unaddressed", WARNING, Level.ANALYSIS, "address_threat")
def threat_unaddressed(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A threat that no goal is linked to and no TOWS option answers."""
    addressed = _addressed_swot(snap) | {t.external_id for t in snap.tows}
    for item in snap.swot:
        if item.quadrant == Quadrant.THREAT.value:
            ref = ("swot_item", item.id)
            yield ok(ref) if item.id in addressed else fail(ref, text=item.text)


@rule("strength_unused", INFO, Level.ANALYSIS, "use_strength")
def strength_unused(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A strength that no goal is linked to and no TOWS option builds on."""
    used = _addressed_swot(snap) | {t.internal_id for t in snap.tows}
    for item in snap.swot:
        if item.quadrant == Quadrant.STRENGTH.value:
            ref = ("swot_item", item.id)
            yield ok(ref) if item.id in used else fail(ref, text=item.text)


# --- strategy -------------------------------------------------------------------------------


@rule("no_goals", ERROR, Level.STRATEGY, "add_goal")
def no_goals(snap: PlanSnapshot) -> Iterator[Outcome]:
    """The plan has no strategic goal at all (examines the plan once)."""
    yield ok(PLAN) if snap.goals else fail(PLAN)


SMART_NEXT_STEP = {
    "S": "set_goal_metric",
    "M": "set_goal_baseline_target",
    "A": "review_goal_target",
    "R": "link_goal_to_swot",
    "T": "set_goal_deadline",
}


@rule("goal_not_smart", WARNING, Level.STRATEGY, tuple(SMART_NEXT_STEP.values()))
def goal_not_smart(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A goal failing one or more SMART letters (``domain.rules.smart``). Params: ``letters``
    ("SM-RT"), ``failed`` (["A"]), ``reasons`` [{letter, field, code, params}]; the next step
    answers the first failed letter."""
    mission = not _blank(snap.profile.mission)
    for g in snap.goals:
        result = check_smart(
            SmartInput(
                title=g.title,
                metric=g.metric,
                baseline=g.baseline,
                target=g.target,
                deadline=g.deadline,
                baseline_date=g.baseline_date,
                linked_swot_count=len(g.swot_ids),
                mission_nonempty=mission,
                jump_threshold=snap.profile.jump_threshold,
            )
        )
        ref = ("goal", g.id)
        if result.passed:
            yield ok(ref)
            continue
        yield fail(
            ref,
            next_step=SMART_NEXT_STEP[result.failed[0]],
            title=g.title,
            letters=result.letters,
            failed=list(result.failed),
            reasons=[
                {"letter": lr.letter, "field": p.field, "code": p.code, "params": dict(p.params)}
                for lr in result.results
                for p in lr.reasons
            ],
        )


@rule("goal_no_action", ERROR, Level.STRATEGY, "add_action_for_goal")
def goal_no_action(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A goal that no action (other than a cancelled one) serves."""
    for g in snap.goals:
        serving = [
            a
            for a in snap.actions_by_goal.get(g.id, ())
            if a.status != ActionStatus.CANCELLED.value
        ]
        yield ok(("goal", g.id)) if serving else fail(("goal", g.id), title=g.title)


@rule("goal_off_track", WARNING, Level.STRATEGY, "review_goal_actions")
def goal_off_track(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A goal whose latest measurement lags the expected progress (``domain.rules.goals``).
    Examines goals whose track can be judged (measured, with baseline, target, baseline
    date and deadline). Params: ``progress`` and ``expected`` (shares, at the latest
    measurement's date), ``measured_on``."""
    for g in snap.goals:
        status = goal_status(
            g.measurements, g.baseline, g.target, g.baseline_date, g.deadline, snap.today
        )
        if status.track is Track.UNKNOWN:
            continue
        ref = ("goal", g.id)
        if status.track is Track.OFF_TRACK and status.latest is not None:
            yield fail(
                ref,
                title=g.title,
                progress=round(status.progress or 0.0, 4),
                expected=round(status.expected_at_latest or 0.0, 4),
                measured_on=status.latest.date.isoformat(),
            )
        else:
            yield ok(ref)


# --- tactics --------------------------------------------------------------------------------


@rule("action_no_owner", WARNING, Level.TACTICS, "assign_action_owner")
def action_no_owner(snap: PlanSnapshot) -> Iterator[Outcome]:
    """An active (planned / in progress) action with no responsible person."""
    for a in _active_actions(snap):
        ref = ("action", a.id)
        yield ok(ref) if a.owner_id is not None else fail(ref, title=a.title)


@rule("action_no_goal", WARNING, Level.TACTICS, "link_action_to_goal")
def action_no_goal(snap: PlanSnapshot) -> Iterator[Outcome]:
    """An active action that serves no goal: the work under it traces to nothing."""
    for a in _active_actions(snap):
        ref = ("action", a.id)
        yield ok(ref) if a.goal_id is not None else fail(ref, title=a.title)


@rule("action_no_dates", WARNING, Level.TACTICS, "set_action_dates")
def action_no_dates(snap: PlanSnapshot) -> Iterator[Outcome]:
    """An active action without a start or a due date. Params: ``missing`` (["start", "due"])."""
    for a in _active_actions(snap):
        missing = [name for name in ("start", "due") if getattr(a, name) is None]
        ref = ("action", a.id)
        yield fail(ref, title=a.title, missing=missing) if missing else ok(ref)


@rule("action_no_budget", WARNING, Level.TACTICS, "set_action_budget")
def action_no_budget(snap: PlanSnapshot) -> Iterator[Outcome]:
    """An active action whose budget is not set (an explicit 0 is a budget: a free action)."""
    for a in _active_actions(snap):
        ref = ("action", a.id)
        yield ok(ref) if a.budget_minor is not None else fail(ref, title=a.title)


@rule("action_overdue", WARNING, Level.TACTICS, "update_action_status")
def action_overdue(snap: PlanSnapshot) -> Iterator[Outcome]:
    """An active action whose due date has passed (due < today). Examines active actions
    with a due date. Params: ``due``, ``days_late``."""
    for a in _active_actions(snap):
        if a.due is None:
            continue
        ref = ("action", a.id)
        if a.due < snap.today:
            yield fail(
                ref, title=a.title, due=a.due.isoformat(), days_late=(snap.today - a.due).days
            )
        else:
            yield ok(ref)


@rule("hypothesis_no_decision", WARNING, Level.TACTICS, "decide_hypothesis")
def hypothesis_no_decision(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A hypothesis whose test period is over (end < today) still waiting for a decision."""
    for h in snap.hypotheses:
        if h.end is None or h.end >= snap.today:
            continue
        ref = ("hypothesis", h.id)
        if h.decision == Decision.PENDING.value:
            yield fail(
                ref, title=h.title, end=h.end.isoformat(), days_past=(snap.today - h.end).days
            )
        else:
            yield ok(ref)


# --- operations -----------------------------------------------------------------------------


@rule("week_over_capacity", WARNING, Level.OPERATIONS, "reduce_week_tasks")
def week_over_capacity(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A week (not closed) whose planned hours exceed the person's capacity
    (``domain.rules.weekly.capacity_hours``). Params: ``planned_hours``, ``capacity_hours``
    (rounded to 0.1 h)."""
    for w in _open_weeks(snap):
        person = snap.person_by_id.get(w.person_id)
        if person is None:
            continue
        capacity = capacity_hours(
            person.weekly_hours, person.unplannable_share, snap.profile.plan_share
        )
        planned = w.planned_hours
        ref = ("weekly_plan", w.id)
        if capacity_level(planned, capacity) is CapacityLevel.RED:
            yield fail(
                ref,
                **_week_params(snap, w),
                planned_hours=round_hours(planned),
                capacity_hours=round_hours(capacity),
            )
        else:
            yield ok(ref)


@rule("task_no_end_product", WARNING, Level.OPERATIONS, "describe_end_product")
def task_no_end_product(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A task of a week not closed without an end product. Rows kept for unplanned work are
    not examined."""
    for w in _open_weeks(snap):
        for t in w.tasks:
            if t.unplanned:
                continue
            ref = ("weekly_task", t.id)
            if _blank(t.end_product):
                yield fail(
                    ref, **_week_params(snap, w), weekly_plan_id=w.id, description=t.description
                )
            else:
                yield ok(ref)


@rule("week_not_approved", WARNING, Level.OPERATIONS, "approve_week")
def week_not_approved(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A week still draft or submitted after its Monday. Examines the weeks whose Monday is
    past. Params: ``monday``, ``state``, ``days_late``."""
    for w in snap.weeks:
        monday = w.monday
        if snap.today <= monday:
            continue
        ref = ("weekly_plan", w.id)
        if w.state in (WeekState.DRAFT.value, WeekState.SUBMITTED.value):
            yield fail(
                ref,
                **_week_params(snap, w),
                state=w.state,
                monday=monday.isoformat(),
                days_late=(snap.today - monday).days,
            )
        else:
            yield ok(ref)


@rule("week_not_closed", WARNING, Level.OPERATIONS, "close_week")
def week_not_closed(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A week not closed after the following Monday. Examines the weeks whose following
    Monday is past. Params: ``due`` (that Monday), ``state``, ``days_late``."""
    for w in snap.weeks:
        due = w.monday + dt.timedelta(days=7)
        if snap.today <= due:
            continue
        ref = ("weekly_plan", w.id)
        if w.state != WeekState.CLOSED.value:
            yield fail(
                ref,
                **_week_params(snap, w),
                state=w.state,
                due=due.isoformat(),
                days_late=(snap.today - due).days,
            )
        else:
            yield ok(ref)


# --- budget ---------------------------------------------------------------------------------


def _expense_title(e: ExpenseRow) -> str:
    return e.payee.strip() or e.note.strip()


@rule("expense_no_budget_line", WARNING, Level.BUDGET, "add_budget_line")
def expense_no_budget_line(snap: PlanSnapshot) -> Iterator[Outcome]:
    """Spending that no budget line plans, as ``domain.rules.control.unplanned_spend`` decides
    (no line of the expense's month on its action, or on its channel — its own, else its
    action's). Examines expenses (refunds excluded); an expense fails when its (month,
    channel, action) group is unplanned. Params: ``date``, ``month``, ``amount_minor``,
    ``channel_id`` (the effective one), ``action_id``, ``title`` (payee, else note)."""
    action_channel = snap.action_channel
    unplanned = {
        (u.month, u.channel_id, u.action_id)
        for u in unplanned_spend(snap.expenses, snap.budget_lines, action_channel)
    }
    for e in snap.expenses:
        if e.is_refund or e.amount_minor <= 0:
            continue
        month = month_start(e.date)
        channel = effective_channel(e.channel_id, e.action_id, action_channel)
        ref = ("expense", e.id)
        if (month, channel, e.action_id) in unplanned:
            yield fail(
                ref,
                title=_expense_title(e),
                date=e.date.isoformat(),
                month=month.isoformat(),
                amount_minor=e.amount_minor,
                channel_id=channel,
                action_id=e.action_id,
            )
        else:
            yield ok(ref)


# --- control --------------------------------------------------------------------------------


@rule("money_without_control", WARNING, Level.CONTROL, "add_control_point")
def money_without_control(snap: PlanSnapshot) -> Iterator[Outcome]:
    """Planned or spent money that no control point watches.

    Every budget line and expense belongs to its channel (its own, else its action's), or
    to its action when it has no channel. A control point of the whole budget watches all
    money; one of a channel watches the money of that channel; one of an action watches the
    money booked on that action. Examines every channel and channel-less action that has
    money (planned > 0 or net spend > 0); fails when part of it is unwatched. Params: the
    unwatched ``planned_minor`` (budget lines) and ``spent_minor`` (expenses, net)."""
    points = snap.control_points
    watched_all = any(p.channel_id is None and p.action_id is None for p in points)
    watched_channels = {p.channel_id for p in points if p.channel_id is not None}
    watched_actions = {p.action_id for p in points if p.action_id is not None}

    # key -> [planned, spent, unwatched planned, unwatched spent]
    money: dict[tuple[str, int], list[int]] = {}

    def book(channel_id: int | None, action_id: int | None, amount: int, slot: int) -> None:
        channel = effective_channel(channel_id, action_id, snap.action_channel)
        if channel is not None:
            key = ("channel", channel)
        elif action_id is not None:
            key = ("action", action_id)
        else:
            return  # money with neither: expense_no_budget_line reports it
        sums = money.setdefault(key, [0, 0, 0, 0])
        sums[slot] += amount
        watched = (
            watched_all
            or (channel is not None and channel in watched_channels)
            or (action_id is not None and action_id in watched_actions)
        )
        if not watched:
            sums[slot + 2] += amount

    for b in snap.budget_lines:
        book(b.channel_id, b.action_id, b.amount_minor, 0)
    for e in snap.expenses:
        book(e.channel_id, e.action_id, e.amount_minor, 1)

    for key in sorted(money):
        planned, spent, free_planned, free_spent = money[key]
        if planned <= 0 and spent <= 0:
            continue
        if free_planned <= 0 and free_spent <= 0:
            yield ok(key)
            continue
        table, ident = key
        if table == "channel":
            channel = snap.channel_by_id.get(ident)
            title = channel.name if channel else ""
        else:
            action = snap.action_by_id.get(ident)
            title = action.title if action else ""
        yield fail(
            key, title=title, planned_minor=max(0, free_planned), spent_minor=max(0, free_spent)
        )


@rule("control_point_no_controller", WARNING, Level.CONTROL, "assign_controller")
def control_point_no_controller(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A control point that names nobody to do the checking."""
    for p in snap.control_points:
        ref = ("control_point", p.id)
        yield ok(ref) if p.controller_id is not None else fail(ref, target=p.target)


def _spent_in_period(snap: PlanSnapshot, p: ControlPointRow, first: dt.date, last: dt.date) -> int:
    """Net spend (refunds reduce it) of the point's target from ``first`` to ``last``."""
    action_channel = snap.action_channel
    total = 0
    for e in snap.expenses:
        if not first <= e.date <= last:
            continue
        if p.target == ControlTarget.CHANNEL.value:
            if effective_channel(e.channel_id, e.action_id, action_channel) != p.channel_id:
                continue
        elif p.target == ControlTarget.ACTION.value:
            if e.action_id != p.action_id:
                continue
        total += e.amount_minor
    return total


@rule("control_over_limit", ERROR, Level.CONTROL, "review_spending")
def control_over_limit(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A control point whose target spent more than its limit in the current period of its
    cadence (the day, ISO week or month containing today; ``domain.rules.control``).
    Params: ``period_start``, ``period_end``, ``limit_minor``, ``spent_minor``, ``over_minor``."""
    for p in snap.control_points:
        first, last = period_bounds(p.cadence, snap.today)
        spent = _spent_in_period(snap, p, first, last)
        ref = ("control_point", p.id)
        if spend_level(p.limit_minor, spent) is ControlStatus.OVER:
            yield fail(
                ref,
                target=p.target,
                channel_id=p.channel_id,
                action_id=p.action_id,
                cadence=p.cadence,
                period_start=first.isoformat(),
                period_end=last.isoformat(),
                limit_minor=p.limit_minor,
                spent_minor=spent,
                over_minor=spent - p.limit_minor,
            )
        else:
            yield ok(ref)


@rule("control_overdue", WARNING, Level.CONTROL, "do_control_check")
def control_overdue(snap: PlanSnapshot) -> Iterator[Outcome]:
    """A control point whose next check is due before today with no check made on or after
    that day (``domain.rules.control.is_overdue``). Examines points with a due date.
    Params: ``next_due``, ``last_check`` (or None), ``days_late``."""
    for p in snap.control_points:
        if p.next_due is None:
            continue
        ref = ("control_point", p.id)
        if is_overdue(p.next_due, snap.today, p.last_check):
            yield fail(
                ref,
                target=p.target,
                channel_id=p.channel_id,
                action_id=p.action_id,
                next_due=p.next_due.isoformat(),
                last_check=p.last_check.isoformat() if p.last_check else None,
                days_late=(snap.today - p.next_due).days,
            )
        else:
            yield ok(ref)


def _reporting_rule(column: str) -> None:
    """The four reporting rules of the plan (DOMAIN.md §3, §8), one finding each."""
    code = f"report_no_{column}"

    @rule(code, WARNING, Level.CONTROL, f"set_report_{column}")
    def check(snap: PlanSnapshot) -> Iterator[Outcome]:
        yield fail(PLAN) if _blank(getattr(snap.profile, f"report_{column}")) else ok(PLAN)

    check.__name__ = code


for _column in ("cadence", "maker", "reader", "actor"):
    _reporting_rule(_column)
