"""What the meeting pack shows, read once from the plan: the same plain data as the app.

The figures come from :func:`mktplanner.services.summary.summarize` (the dashboard's numbers),
the findings from :func:`mktplanner.services.health.check`, and the lists (SWOT items,
actions, weekly tasks) from :mod:`mktplanner.services.views`, the queries behind the app's
pages. Nothing here computes a business figure itself: a chosen period only selects months
of the summary, and the channel results of a period are summed by
:func:`services.queries.channel_totals` and measured by the KPI rule of
:mod:`mktplanner.domain.rules.kpi`, as the summary does for the whole record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from mktplanner.domain.health import CheckReport
from mktplanner.domain.rules import kpi as kpi_rules
from mktplanner.domain.rules.dates import iso_week_of, month_start
from mktplanner.domain.rules.goals import MeasurementPoint
from mktplanner.services import health, queries, summary, views
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]


@dataclass
class PersonWeek:
    """One person's weekly plan in the chosen week, with its metrics and tasks."""

    plan: Row
    metrics: list[Row]
    tasks: list[Row]


@dataclass
class PackData:
    today: dt.date
    summary: dict[str, Any]
    check: CheckReport
    swot: list[Row]
    tows: list[Row]
    actions: list[Row]  # views.actions: with goal, direction, channel and owner names
    period: tuple[dt.date, dt.date]
    period_is_custom: bool
    week: tuple[int, int]
    person_weeks: list[PersonWeek]
    channels: list[Row]  # the summary's channel rows (or the same shape for the period)
    reallocation: list[Row]
    budget_months: list[Row]  # the summary's months inside the period
    goal_points: dict[int, tuple[MeasurementPoint, ...]]  # measurements of each goal, by date

    @property
    def profile(self) -> Row:
        return self.summary["profile"]  # type: ignore[no-any-return]

    @property
    def currency(self) -> str:
        return str(self.summary["currency"])


def gather(
    plan: PlanFile,
    *,
    today: dt.date | None = None,
    period: tuple[dt.date | None, dt.date | None] = (None, None),
    week: tuple[int, int] | None = None,
    with_weeks: bool = True,
) -> PackData:
    today = today or dt.date.today()
    data = summary.summarize(plan, today)
    report = health.check(plan, today)
    prof = data["profile"]
    default_first = (
        dt.date.fromisoformat(prof["tactical_start"]) if prof["tactical_start"] else None
    )
    default_last = dt.date.fromisoformat(prof["tactical_end"]) if prof["tactical_end"] else None
    first = period[0] or default_first or month_start(today)
    last = period[1] or default_last or today
    custom = period != (None, None)

    chosen = week or _default_week(plan, today)
    person_weeks: list[PersonWeek] = []
    if with_weeks:
        # Three statements for the whole week, whatever the number of people.
        metrics = views.week_metrics(plan, *chosen)
        tasks = views.week_tasks(plan, *chosen)
        for row in sorted(views.week_plans(plan, *chosen), key=lambda w: w["person_id"]):
            person_weeks.append(
                PersonWeek(row, metrics.get(row["id"], []), tasks.get(row["id"], []))
            )

    if custom:
        channels, hints = _channels_for(plan, month_start(first), last)
    else:
        channels, hints = data["channels"], data["reallocation"]
    months = [
        m
        for m in data["budget"]["months"]
        if month_start(first) <= dt.date.fromisoformat(m["month"]) <= last
    ]
    return PackData(
        today=today,
        summary=data,
        check=report,
        swot=views.swot_items(plan),
        tows=views.tows_options(plan),
        actions=views.actions(plan),
        period=(first, last),
        period_is_custom=custom,
        week=chosen,
        person_weeks=person_weeks,
        channels=channels,
        reallocation=hints,
        budget_months=months,
        goal_points={g.id: g.measurements for g in queries.goals(plan)},
    )


def _default_week(plan: PlanFile, today: dt.date) -> tuple[int, int]:
    """This week when anyone has a plan for it, else the latest week with plans, else this week."""
    this = tuple(iso_week_of(today))
    weeks = set(views.weeks_with_plans(plan))
    if not weeks or this in weeks:
        return (this[0], this[1])
    past = [w for w in weeks if w <= this]
    return max(past) if past else min(weeks)


def _channels_for(plan: PlanFile, since: dt.date, until: dt.date) -> tuple[list[Row], list[Row]]:
    """Channel results from month ``since`` to ``until``, shaped like the summary's rows."""
    totals = queries.channel_totals(plan, since, until)
    kpis = kpi_rules.kpis_by_channel({c.id: c.figures for c in totals})
    rows: list[Row] = []
    for c in totals:
        k, f = kpis[c.id], c.figures
        rows.append(
            {
                "id": c.id,
                "name": c.name,
                "months": c.months,
                "first_month": c.first_month.isoformat() if c.first_month else None,
                "last_month": c.last_month.isoformat() if c.last_month else None,
                "spend_minor": f.spend_minor,
                "impressions": f.impressions,
                "clicks": f.clicks,
                "leads": f.leads,
                "customers": f.customers,
                "revenue_minor": f.revenue_minor,
                "ctr": k.ctr,
                "cpc_minor": k.cpc_minor,
                "cpl_minor": k.cpl_minor,
                "conversion": k.conversion,
                "cac_minor": k.cac_minor,
                "romi": k.romi,
                "spend_share": k.spend_share,
                "spend_to_revenue": k.spend_to_revenue,
            }
        )
    names = {c.id: c.name for c in totals}
    hints = kpi_rules.reallocation_hints({c.id: kpi_rules.exact_cpl(c.figures) for c in totals})
    return rows, [
        {
            "expensive_id": h.expensive,
            "expensive": names[h.expensive],
            "cheap_id": h.cheap,
            "cheap": names[h.cheap],
            "expensive_cpl_minor": h.expensive_cpl_minor,
            "cheap_cpl_minor": h.cheap_cpl_minor,
            "ratio": h.ratio,
        }
        for h in hints
    ]
