"""The computed summary of a plan: every figure the method derives, as JSON-ready values.

``summarize(plan, today)`` gathers facts with :mod:`mktplanner.services.queries` (a fixed
number of statements, whatever the plan's size) and applies the pure rules of
:mod:`mktplanner.domain.rules`; nothing here re-implements a rule. The result holds only
``dict`` / ``list`` / ``str`` / ``int`` / ``float`` / ``bool`` / ``None``:

- money: integer minor units in keys ending ``_minor``; the currency code is ``currency``
  at the top level (the plan's one currency);
- dates: ISO strings (``"2026-11-23"``); months: the ISO date of their first day; weeks:
  ``"2026-W48"`` plus ``iso_year`` / ``iso_week``;
- hours: rounded to 0.1 h (as shown); loads, shares and progress: floats rounded to 4
  decimals; a figure that cannot be computed (a zero denominator, no deadline) is ``null``.

Sections: ``profile``, ``counts``, ``people``, ``goals`` (SMART, progress, track),
``capacity`` (every person-week), ``tactical`` (running actions and their budget by month),
``budget`` (plan / actual / variance by month and by channel, the bottom-up gap, unplanned
spend), ``control_points`` (status, pace, recommended daily spend), ``channels`` (KPIs) with
``reallocation`` hints, ``hypotheses``, ``golden_thread``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from mktplanner.domain.enums import ActionStatus, BudgetBasis, BudgetMode
from mktplanner.domain.errors import Problem
from mktplanner.domain.rules import budget as budget_rules
from mktplanner.domain.rules import control as control_rules
from mktplanner.domain.rules import kpi as kpi_rules
from mktplanner.domain.rules.dates import iso_week_of, month_start
from mktplanner.domain.rules.goals import goal_status
from mktplanner.domain.rules.hypotheses import hypothesis_state
from mktplanner.domain.rules.smart import SmartInput, check_smart
from mktplanner.domain.rules.weekly import capacity_hours, round_hours, week_load
from mktplanner.services import queries
from mktplanner.services.budget import evaluate_points
from mktplanner.store.planfile import PlanFile

FORMAT = "mktplanner-summary"
VERSION = 1

Json = dict[str, Any]


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _hours(value: float | None) -> float | None:
    return None if value is None else round_hours(value)


def _week(year: int, week: int) -> str:
    return f"{year}-W{week:02d}"


def _problem(p: Problem) -> Json:
    return {"field": p.field, "code": p.code, "params": _plain(p.params)}


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


def summarize(
    plan: PlanFile,
    today: dt.date | None = None,
    *,
    weeks_from: tuple[int, int] | None = None,
) -> Json:
    """The plan's summary as of ``today`` (default: the real today).

    ``weeks_from`` (an ISO year and week) limits ``capacity`` to the person-weeks from that
    week on: the Overview, which shows recent and coming weeks only, need not read every
    week of a plan kept for years. Every other section is the same either way."""
    today = today or dt.date.today()
    profile = queries.profile(plan)
    start = month_start(profile.tactical_start or today)
    months = budget_rules.period_months(start, profile.tactical_months)
    period_end = budget_rules.period_end(start, profile.tactical_months)
    actions = queries.actions(plan)
    people = queries.people(plan)
    weeks = queries.weeks(plan, since=weeks_from)
    this_week = iso_week_of(today)
    if weeks_from is not None and (this_week[0], this_week[1]) < weeks_from:
        thread_weeks = queries.weeks(plan, since=this_week, until=this_week)
    else:
        thread_weeks = weeks
    action_channel = {a.id: a.channel_id for a in actions}
    channels = queries.channel_totals(plan)
    channel_names = {c.id: c.name for c in channels}

    return {
        "format": FORMAT,
        "version": VERSION,
        "today": today.isoformat(),
        "currency": profile.currency,
        "profile": _profile(profile, months, period_end),
        "counts": queries.table_counts(plan),
        "people": _people(people, profile.plan_share),
        "goals": _goals(queries.goals(plan), profile, today),
        "capacity": _capacity(weeks, profile.plan_share),
        "tactical": _tactical(actions, months),
        "budget": _budget(plan, actions, months, period_end, action_channel, channel_names),
        "control_points": _control(plan, today, action_channel),
        "channels": _channels(channels),
        "reallocation": _reallocation(channels),
        "hypotheses": _hypotheses(queries.hypotheses(plan), today),
        "golden_thread": _golden_thread(plan, people, thread_weeks, today),
    }


# --- sections ----------------------------------------------------------------------------------


def _profile(p: queries.PlanProfile, months: list[dt.date], period_end: dt.date) -> Json:
    return {
        "name": p.name,
        "company": p.company,
        "currency": p.currency,
        "language": p.language,
        "mission": p.mission,
        "values": p.values,
        "fiscal_year_start": p.fiscal_year_start,
        "default_weekly_hours": p.default_weekly_hours,
        "plan_share": p.plan_share,
        "jump_threshold": p.jump_threshold,
        "tactical_start": _iso(months[0]) if months else None,
        "tactical_end": _iso(period_end),
        "tactical_months": p.tactical_months,
        "reporting": {
            "cadence": p.report_cadence,
            "maker": p.report_maker,
            "reader": p.report_reader,
            "actor": p.report_actor,
        },
        "created": _iso(p.created),
    }


def _people(people: list[queries.PersonFacts], plan_share: float) -> list[Json]:
    return [
        {
            "id": p.id,
            "name": p.name,
            "role": p.role,
            "weekly_hours": p.weekly_hours,
            "unplannable_share": p.unplannable_share,
            "capacity_hours": _hours(
                capacity_hours(p.weekly_hours, p.unplannable_share, plan_share)
            ),
            "manager_id": p.manager_id,
            "manager": p.manager_name,
        }
        for p in people
    ]


def _goals(
    goals: list[queries.GoalFacts], profile: queries.PlanProfile, today: dt.date
) -> list[Json]:
    out = []
    for g in goals:
        smart = check_smart(
            SmartInput(
                title=g.title,
                metric=g.metric,
                baseline=g.baseline,
                target=g.target,
                deadline=g.deadline,
                baseline_date=g.baseline_date,
                linked_swot_count=len(g.swot_ids),
                mission_nonempty=bool(profile.mission.strip()),
                jump_threshold=profile.jump_threshold,
            )
        )
        status = goal_status(
            g.measurements, g.baseline, g.target, g.baseline_date, g.deadline, today
        )
        latest = status.latest
        out.append(
            {
                "id": g.id,
                "title": g.title,
                "metric": g.metric,
                "unit": g.unit,
                "baseline": g.baseline,
                "target": g.target,
                "baseline_date": _iso(g.baseline_date),
                "deadline": _iso(g.deadline),
                "owner_id": g.owner_id,
                "owner": g.owner_name,
                "swot_ids": list(g.swot_ids),
                "smart": {
                    "letters": smart.letters,
                    "score": smart.score,
                    "passed": smart.passed,
                    "failed": list(smart.failed),
                    "reasons": {
                        r.letter: [_problem(p) for p in r.reasons]
                        for r in smart.results
                        if r.reasons
                    },
                },
                "measurements": len(g.measurements),
                "latest": None
                if latest is None
                else {"date": _iso(latest.date), "value": latest.value},
                "progress": _r(status.progress),
                "expected": _r(status.expected),
                "expected_at_latest": _r(status.expected_at_latest),
                "track": str(status.track),
                "off_track": status.off_track,
                "actions": g.actions,
                "actions_budget_minor": g.actions_budget_minor,
            }
        )
    return out


def _capacity(weeks: list[queries.WeekFacts], plan_share: float) -> list[Json]:
    out = []
    for w in weeks:
        capacity = capacity_hours(w.weekly_hours, w.unplannable_share, plan_share)
        wl = week_load(w.planned_hours, capacity)
        out.append(
            {
                "weekly_plan_id": w.id,
                "person_id": w.person_id,
                "person": w.person_name,
                "week": _week(w.iso_year, w.iso_week),
                "iso_year": w.iso_year,
                "iso_week": w.iso_week,
                "state": w.state,
                "tasks": w.tasks,
                "capacity_hours": _hours(capacity),
                "planned_hours": _hours(w.planned_hours),
                "actual_hours": _hours(w.actual_hours),
                "load": _r(wl.load),
                "level": str(wl.level),
                "goal_hours": _hours(w.goal_hours),
                "goal_share": _r(w.goal_hours / w.planned_hours) if w.planned_hours > 0 else None,
            }
        )
    return out


def _tactical(actions: list[queries.ActionFacts], months: list[dt.date]) -> Json:
    # One rule for "what runs in a month, for how much": the tactical plan's own.
    from mktplanner.services.tactics import loads_by_month

    rows = [
        {
            "month": _iso(load.month),
            "actions": [
                {"id": i, "title": t} for i, t in zip(load.action_ids, load.titles, strict=True)
            ],
            "planned_budget_minor": load.planned_budget_minor,
        }
        # A shallow dict per action: dataclasses.asdict deep-copies, which costs more than
        # the loads themselves on a plan of a thousand actions.
        for load in loads_by_month((vars(a) for a in actions), months)
    ]
    directions: dict[int | None, Json] = {}
    for a in actions:
        d = directions.setdefault(
            a.direction_id,
            {
                "direction_id": a.direction_id,
                "direction": a.direction_name,
                "actions": 0,
                "budget_minor": 0,
            },  # fmt: skip
        )
        d["actions"] += 1
        d["budget_minor"] += a.budget_minor or 0
    by_status: dict[str, int] = {}
    for a in actions:
        by_status[a.status] = by_status.get(a.status, 0) + 1
    return {
        "months": rows,
        "actions": len(actions),
        "by_status": by_status,
        "by_direction": list(directions.values()),
        "budget_minor": sum(
            a.budget_minor or 0 for a in actions if a.status != ActionStatus.CANCELLED
        ),
    }


def _budget(
    plan: PlanFile,
    actions: list[queries.ActionFacts],
    months: list[dt.date],
    period_end: dt.date,
    action_channel: dict[int, int | None],
    channel_names: dict[int, str],
) -> Json:
    settings = queries.budget_settings(plan)
    first = months[0] if months else None
    lines = queries.line_sums(plan, first, months[-1] if months else None)
    spent = queries.expense_sums(plan, first, period_end)
    month_rows = budget_rules.month_rows(lines, spent, months, settings.rollover)
    bottom_up = settings.mode == BudgetMode.BOTTOM_UP
    per_month = bottom_up and settings.basis == BudgetBasis.PER_MONTH
    gaps = (
        budget_rules.monthly_gaps(
            settings.total_minor, {r.month: r.planned_minor for r in month_rows}
        )
        if per_month
        else {}
    )
    by_month = []
    for r in month_rows:
        gap = gaps.get(r.month)
        by_month.append(
            {
                "month": _iso(r.month),
                "plan_minor": r.planned_minor,
                "actual_minor": r.actual_minor,
                "variance_minor": r.variance_minor,
                "carried_in_minor": r.carried_in_minor,
                "available_minor": r.available_minor,
                "left_minor": r.left_minor,
                "fixed_minor": gap.fixed_minor if gap else None,
                "gap_status": str(gap.status) if gap else None,
                "short_by_minor": gap.short_by_minor if gap else None,
                "unallocated_minor": gap.unallocated_minor if gap else None,
            }
        )
    planned_ch = budget_rules.planned_by_channel(lines, action_channel)
    actual_ch = budget_rules.actual_by_channel(spent, action_channel)
    by_channel: list[Json] = []
    for key, v in budget_rules.variance(planned_ch, actual_ch).items():
        by_channel.append(
            {
                "channel_id": key,
                "channel": channel_names.get(key) if key is not None else None,
                "plan_minor": v.plan_minor,
                "actual_minor": v.actual_minor,
                "variance_minor": v.diff_minor,
            }
        )
    order: dict[int | None, int] = {cid: i for i, cid in enumerate(channel_names)}
    by_channel.sort(key=lambda row: order.get(row["channel_id"], len(order)))
    needed = [a.budget_minor for a in actions if a.status != ActionStatus.CANCELLED]
    gap = budget_rules.budget_gap(settings.total_minor, settings.basis, len(months), needed)
    plan_total = sum(r.planned_minor for r in month_rows)
    actual_total = sum(r.actual_minor for r in month_rows)
    unplanned = control_rules.unplanned_spend(spent, lines, action_channel)
    return {
        "mode": settings.mode,
        "basis": settings.basis,
        "total_minor": settings.total_minor,
        "rollover": settings.rollover,
        "months": by_month,
        "channels": by_channel,
        "plan_minor": plan_total,
        "actual_minor": actual_total,
        "variance_minor": actual_total - plan_total,
        "gap": {
            "fixed_minor": gap.fixed_minor if bottom_up else None,
            "needed_minor": gap.needed_minor,
            "lines_minor": plan_total,
            "short_by_minor": gap.short_by_minor if bottom_up else None,
            "unallocated_minor": gap.unallocated_minor if bottom_up else None,
            "status": str(gap.status) if bottom_up else None,
            "unbudgeted_actions": gap.unbudgeted_actions,
        },
        "unplanned": [
            {
                "month": _iso(u.month),
                "channel_id": u.channel_id,
                "action_id": u.action_id,
                "amount_minor": u.amount_minor,
            }
            for u in unplanned
        ],
    }


def _control(plan: PlanFile, today: dt.date, action_channel: dict[int, int | None]) -> list[Json]:
    out = []
    for point in evaluate_points(plan, today, action_channel):
        p, ev, pc = point.facts, point.evaluation, point.pace
        out.append(
            {
                "id": p.id,
                "target": p.target,
                "channel_id": p.channel_id,
                "action_id": p.action_id,
                "subject": point.subject,
                "controller_id": p.controller_id,
                "controller": p.controller_name,
                "cadence": p.cadence,
                "limit_minor": p.limit_minor,
                "period_start": _iso(p.period_start),
                "period_end": _iso(p.period_end),
                "spent_minor": p.spent_minor,
                "left_minor": ev.left_minor,
                "percent": _r(ev.percent, 1),
                "status": str(ev.status),
                "flags": [str(f) for f in ev.flags],
                "next_due": _iso(p.next_due),
                "last_check": _iso(p.last_check),
                "pace": {
                    "days_in_period": pc.days_in_period,
                    "elapsed_days": pc.elapsed_days,
                    "remaining_days": pc.remaining_days,
                    "projected_minor": pc.projected_minor,
                    "daily_allowance_minor": pc.daily_allowance_minor,
                },
                "note": p.note,
            }
        )
    return out


def _channels(channels: list[queries.ChannelTotals]) -> list[Json]:
    kpis = kpi_rules.kpis_by_channel({c.id: c.figures for c in channels})
    out = []
    for c in channels:
        k, f = kpis[c.id], c.figures
        out.append(
            {
                "id": c.id,
                "name": c.name,
                "months": c.months,
                "first_month": _iso(c.first_month),
                "last_month": _iso(c.last_month),
                "spend_minor": f.spend_minor,
                "impressions": f.impressions,
                "clicks": f.clicks,
                "leads": f.leads,
                "customers": f.customers,
                "revenue_minor": f.revenue_minor,
                "ctr": _r(k.ctr),
                "cpc_minor": k.cpc_minor,
                "cpl_minor": k.cpl_minor,
                "conversion": _r(k.conversion),
                "cac_minor": k.cac_minor,
                "romi": _r(k.romi),
                "spend_share": _r(k.spend_share),
                "spend_to_revenue": _r(k.spend_to_revenue),
            }
        )
    return out


def _reallocation(channels: Iterable[queries.ChannelTotals]) -> list[Json]:
    channels = list(channels)
    names = {c.id: c.name for c in channels}
    hints = kpi_rules.reallocation_hints({c.id: kpi_rules.exact_cpl(c.figures) for c in channels})
    return [
        {
            "expensive_id": h.expensive,
            "expensive": names[h.expensive],
            "cheap_id": h.cheap,
            "cheap": names[h.cheap],
            "expensive_cpl_minor": h.expensive_cpl_minor,
            "cheap_cpl_minor": h.cheap_cpl_minor,
            "ratio": _r(h.ratio, 2),
        }
        for h in hints
    ]


def _hypotheses(rows: list[queries.HypothesisFacts], today: dt.date) -> list[Json]:
    return [
        {
            "id": h.id,
            "title": h.title,
            "channel_id": h.channel_id,
            "channel": h.channel_name,
            "test_budget_minor": h.test_budget_minor,
            "spent_minor": h.spent_minor,
            "start": _iso(h.start),
            "end": _iso(h.end),
            "metric": h.metric,
            "threshold": h.threshold,
            "result": h.result,
            "decision": h.decision,
            "state": str(hypothesis_state(h.start, h.end, h.decision, today)),
            "learned": h.learned,
        }
        for h in rows
    ]


def _golden_thread(
    plan: PlanFile,
    people: list[queries.PersonFacts],
    weeks: list[queries.WeekFacts],
    today: dt.date,
) -> Json:
    """This week's hours per person and all spend, and how much of each traces to a goal
    (the figures of ``domain.health.trace``)."""
    year, week = iso_week_of(today)
    this_week = {w.person_id: w for w in weeks if (w.iso_year, w.iso_week) == (year, week)}
    rows = []
    for p in people:
        w = this_week.get(p.id)
        planned = w.planned_hours if w else 0.0
        traced = w.goal_hours if w else 0.0
        rows.append(
            {
                "person_id": p.id,
                "name": p.name,
                "planned_hours": _hours(planned),
                "goal_hours": _hours(traced),
                "share": _r(traced / planned) if planned > 0 else None,
            }
        )
    planned_all = sum(w.planned_hours for w in this_week.values())
    traced_all = sum(w.goal_hours for w in this_week.values())
    spend = queries.spend_trace(plan)
    return {
        "week": _week(year, week),
        "people": rows,
        "planned_hours": _hours(planned_all),
        "goal_hours": _hours(traced_all),
        "hours_share": _r(traced_all / planned_all) if planned_all > 0 else None,
        "spend_minor": spend.spend_minor,
        "goal_spend_minor": spend.goal_minor,
        "spend_share": _r(spend.goal_minor / spend.spend_minor) if spend.spend_minor > 0 else None,
    }
