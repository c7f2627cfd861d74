"""The Overview's figures: what needs attention first, the key figures, and the data behind
the dashboard's charts.

``dashboard(plan, today)`` reads the plan through the other services (``summary.summarize``,
``budget.control_alerts``, ``tactics.action_rows``, ``weekly.team_week``) and applies the
domain rules they already apply; nothing here re-implements a rule. Alerts are structured
(a ``kind`` code, a severity, the row they are about and plain parameters): only the UI
words them. The chart data are the summary's own sections, so the dashboard and the PDF
meeting pack (which draws from the same summary) show the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from mktplanner.domain.enums import ControlStatus
from mktplanner.domain.rules import kpi as kpi_rules
from mktplanner.domain.rules.dates import iso_week_of, month_start, shift_iso_week
from mktplanner.domain.rules.goals import Track, clamp01
from mktplanner.domain.rules.weekly import CapacityLevel
from mktplanner.store.planfile import PlanFile

TEAM_WEEKS = 12  # weeks of the team chart, up to the week after this one

# Alert kinds, in the order they are listed (the most pressing first).
ALERT_KINDS: tuple[str, ...] = (
    "control_over",  # a control point's spend is over its limit in the current period
    "control_overdue",  # a control point's check is overdue
    "action_late",  # an open action is past its due date
    "week_over",  # a person's week (this one or a later one) is planned over capacity
    "goal_off_track",  # a goal's progress lags the time elapsed
)


@dataclass(frozen=True)
class Alert:
    kind: str  # one of ALERT_KINDS
    severity: str  # "bad" | "warn"
    table: str  # the row the alert is about (the Overview opens it)
    id: int
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Kpis:
    goals: int
    goals_measured: int  # goals with a computable progress
    goal_progress: float | None  # mean progress of those goals, each within 0..1
    goals_off_track: int
    goals_reached: int
    budget_plan_minor: int  # budget lines of the tactical period
    budget_actual_minor: int  # spend in the tactical period
    budget_used: float | None  # actual / plan
    plan_to_date_minor: int  # budget lines of the months up to and including this one
    spend_minor: int  # channel results: spend, leads, revenue over every month recorded
    leads: int
    revenue_minor: int
    cpl_minor: int | None
    romi: float | None
    channels: int  # channels with results


@dataclass(frozen=True)
class Dashboard:
    today: dt.date
    currency: str
    alerts: tuple[Alert, ...]
    kpis: Kpis
    summary: dict[str, Any]  # summary.summarize(plan, today): the charts' data
    last_week: tuple[int, int]  # the ISO week before today's
    last_week_team: tuple[Any, ...]  # weekly.team_week of that week (WeekFigures per person)
    swot: Mapping[str, int]  # items per quadrant ("S", "W", "O", "T")


def _d(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def alerts(
    summary: Mapping[str, Any],
    control_rows: Sequence[Any],
    action_rows: Sequence[Mapping[str, Any]],
    today: dt.date,
) -> list[Alert]:
    """The alerts from what the services computed, most pressing first."""
    out: list[Alert] = []
    for r in control_rows:
        over = ControlStatus.OVER.value in r.flags
        overdue = ControlStatus.OVERDUE.value in r.flags
        if not (over or overdue):
            continue
        out.append(
            Alert(
                "control_over" if over else "control_overdue",
                "bad",
                "control_point",
                int(r.id),
                {
                    "subject": r.subject,  # None: the whole budget
                    "target": r.target,
                    "cadence": r.cadence,
                    "spent_minor": r.spent_minor,
                    "limit_minor": r.limit_minor,
                    "percent": r.percent,
                    "overdue": overdue,
                    "days_late": r.days_late,
                    "next_due": r.next_due,
                    "controller": r.controller,
                },
            )
        )
    late = [a for a in action_rows if a.get("late")]
    late.sort(key=lambda a: (_d(a.get("due")) or dt.date.max, int(a["id"])))
    for a in late:
        due = _d(a.get("due"))
        out.append(
            Alert(
                "action_late",
                "warn",
                "action",
                int(a["id"]),
                {
                    "title": a.get("title") or "",
                    "due": due,
                    "days_late": (today - due).days if due else 0,
                    "status": a.get("status"),
                    "owner": a.get("owner_name"),
                },
            )
        )
    this_week = iso_week_of(today)
    for w in summary.get("capacity", []):
        if w.get("level") != CapacityLevel.RED.value:
            continue
        if (w["iso_year"], w["iso_week"]) < (this_week[0], this_week[1]):
            continue  # a past week cannot be re-planned
        out.append(
            Alert(
                "week_over",
                "warn",
                "weekly_plan",
                int(w["weekly_plan_id"]),
                {
                    "person": w.get("person") or "",
                    "iso_year": w["iso_year"],
                    "iso_week": w["iso_week"],
                    "planned_hours": w.get("planned_hours"),
                    "capacity_hours": w.get("capacity_hours"),
                    "this_week": (w["iso_year"], w["iso_week"]) == tuple(this_week),
                },
            )
        )
    for g in summary.get("goals", []):
        if not g.get("off_track"):
            continue
        out.append(
            Alert(
                "goal_off_track",
                "warn",
                "goal",
                int(g["id"]),
                {
                    "title": g.get("title") or "",
                    "progress": g.get("progress"),
                    "expected": g.get("expected_at_latest")
                    if g.get("expected_at_latest") is not None
                    else g.get("expected"),
                    "deadline": _d(g.get("deadline")),
                },
            )
        )
    return out


def kpis(summary: Mapping[str, Any], today: dt.date) -> Kpis:
    goals = summary.get("goals", [])
    measured = [g["progress"] for g in goals if g.get("progress") is not None]
    budget = summary.get("budget", {})
    plan_minor = int(budget.get("plan_minor") or 0)
    actual_minor = int(budget.get("actual_minor") or 0)
    this_month = month_start(today)
    to_date = sum(
        int(m.get("plan_minor") or 0)
        for m in budget.get("months", [])
        if (_d(m.get("month")) or dt.date.max) <= this_month
    )
    with_results = [c for c in summary.get("channels", []) if c.get("months")]
    total = kpi_rules.total_figures(
        kpi_rules.ChannelFigures(
            spend_minor=int(c.get("spend_minor") or 0),
            impressions=int(c.get("impressions") or 0),
            clicks=int(c.get("clicks") or 0),
            leads=int(c.get("leads") or 0),
            customers=int(c.get("customers") or 0),
            revenue_minor=int(c.get("revenue_minor") or 0),
        )
        for c in with_results
    )
    k = kpi_rules.channel_kpis(total)
    return Kpis(
        goals=len(goals),
        goals_measured=len(measured),
        goal_progress=sum(clamp01(p) for p in measured) / len(measured) if measured else None,
        goals_off_track=sum(1 for g in goals if g.get("off_track")),
        goals_reached=sum(1 for g in goals if g.get("track") == Track.REACHED.value),
        budget_plan_minor=plan_minor,
        budget_actual_minor=actual_minor,
        budget_used=kpi_rules.ratio(actual_minor, plan_minor),
        plan_to_date_minor=to_date,
        spend_minor=total.spend_minor,
        leads=total.leads,
        revenue_minor=total.revenue_minor,
        cpl_minor=k.cpl_minor,
        romi=k.romi,
        channels=len(with_results),
    )


def dashboard(plan: PlanFile, today: dt.date | None = None) -> Dashboard:
    """Everything the Overview shows, as of ``today`` (default: the real today)."""
    from mktplanner.services import budget, summary, tactics, views, weekly

    today = today or dt.date.today()
    year, week = iso_week_of(today)
    # The team chart shows up to 12 weeks ending just after this one, the alerts this week
    # and later ones: the weeks before need not be read (a plan kept for years has thousands).
    s = summary.summarize(plan, today, weeks_from=shift_iso_week(year, week, -(TEAM_WEEKS - 1)))
    if not any((c["iso_year"], c["iso_week"]) == (year, week) for c in s["capacity"]):
        s = summary.summarize(plan, today)  # no plan this week: the chart shows the last weeks
    found = alerts(s, budget.control_rows(plan, today), tactics.action_rows(plan, today), today)
    last = shift_iso_week(year, week, -1)
    swot = {"S": 0, "W": 0, "O": 0, "T": 0}
    for item in views.swot_items(plan):
        q = str(item.get("quadrant") or "")
        if q in swot:
            swot[q] += 1
    return Dashboard(
        today=today,
        currency=str(s.get("currency") or ""),
        alerts=tuple(found),
        kpis=kpis(s, today),
        summary=s,
        last_week=(last[0], last[1]),
        last_week_team=tuple(weekly.team_week(plan, last[0], last[1])),
        swot=swot,
    )
