"""The golden thread in figures: how much of the team's time and of the money traces to a goal.

A weekly task traces to a goal when it is linked to an action that serves a goal; an expense
traces to a goal when its action serves one. Hours are the tasks' estimated (planned) hours
of one ISO week; money is the expenses' net sum (refunds are negative) in a date range.
A share is ``None`` when there is nothing to divide (no planned hours, no net spend > 0).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mktplanner.domain.health.model import PlanSnapshot
from mktplanner.domain.rules.dates import IsoWeek, iso_week_of


@dataclass(frozen=True)
class PersonHours:
    person_id: int
    name: str
    planned_hours: float
    traced_hours: float

    @property
    def share(self) -> float | None:
        return self.traced_hours / self.planned_hours if self.planned_hours > 0 else None


@dataclass(frozen=True)
class TraceFigures:
    week: IsoWeek
    people: tuple[PersonHours, ...]  # every person, in the snapshot's order
    spend_minor: int  # net spend in the range
    traced_spend_minor: int  # of which traces to a goal
    since: dt.date | None = None
    until: dt.date | None = None

    @property
    def spend_share(self) -> float | None:
        return self.traced_spend_minor / self.spend_minor if self.spend_minor > 0 else None

    @property
    def planned_hours(self) -> float:
        return sum(p.planned_hours for p in self.people)

    @property
    def traced_hours(self) -> float:
        return sum(p.traced_hours for p in self.people)

    @property
    def hours_share(self) -> float | None:
        planned = self.planned_hours
        return self.traced_hours / planned if planned > 0 else None


def trace_figures(
    snap: PlanSnapshot,
    week: IsoWeek | tuple[int, int] | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> TraceFigures:
    """Hours of ``week`` (default: the week of ``snap.today``) and spend from ``since`` to
    ``until`` inclusive (default: all expenses)."""
    wk = IsoWeek(*week) if week is not None else iso_week_of(snap.today)
    planned: dict[int, float] = {}
    traced: dict[int, float] = {}
    for w in snap.weeks:
        if (w.iso_year, w.iso_week) != wk:
            continue
        for t in w.tasks:
            hours = t.est_hours or 0.0
            planned[w.person_id] = planned.get(w.person_id, 0.0) + hours
            if snap.action_goal(t.action_id) is not None:
                traced[w.person_id] = traced.get(w.person_id, 0.0) + hours
    people = tuple(
        PersonHours(p.id, p.name, planned.get(p.id, 0.0), traced.get(p.id, 0.0))
        for p in snap.people
    )
    spend = traced_spend = 0
    for e in snap.expenses:
        if (since is not None and e.date < since) or (until is not None and e.date > until):
            continue
        spend += e.amount_minor
        if snap.action_goal(e.action_id) is not None:
            traced_spend += e.amount_minor
    return TraceFigures(wk, people, spend, traced_spend, since, until)
