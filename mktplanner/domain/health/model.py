"""The plan as the plan check sees it: a plain, immutable snapshot (no database here).

``services.health.snapshot`` fills it from a plan file in a constant number of queries; the
tests build it by hand. Only what the rules read is kept. Every row class has defaults for all
but its identity, so a test names only what matters to it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from mktplanner.domain.rules.dates import monday_of
from mktplanner.domain.rules.goals import MeasurementPoint


@dataclass(frozen=True)
class ProfileRow:
    """The plan's profile (table ``plan``), including its reporting rules."""

    name: str = ""
    mission: str = ""
    currency: str = "RUB"
    jump_threshold: float = 3.0
    plan_share: float = 0.65
    default_weekly_hours: float = 40.0
    report_cadence: str = ""
    report_maker: str = ""
    report_reader: str = ""
    report_actor: str = ""


@dataclass(frozen=True)
class PersonRow:
    id: int
    name: str = ""
    weekly_hours: float = 40.0
    unplannable_share: float = 0.0


@dataclass(frozen=True)
class ChannelRow:
    id: int
    name: str = ""


@dataclass(frozen=True)
class SwotRow:
    id: int
    quadrant: str  # Quadrant value: S, W, O, T
    text: str = ""


@dataclass(frozen=True)
class TowsRow:
    id: int
    internal_id: int
    external_id: int
    text: str = ""
    goal_id: int | None = None


@dataclass(frozen=True)
class GoalRow:
    id: int
    title: str = ""
    metric: str = ""
    baseline: float | None = None
    target: float | None = None
    baseline_date: dt.date | None = None
    deadline: dt.date | None = None
    owner_id: int | None = None
    swot_ids: tuple[int, ...] = ()  # SWOT items linked to the goal (table goal_swot)
    measurements: tuple[MeasurementPoint, ...] = ()  # dated actual values, by date


@dataclass(frozen=True)
class ActionRow:
    id: int
    title: str = ""
    goal_id: int | None = None
    channel_id: int | None = None
    owner_id: int | None = None
    start: dt.date | None = None
    due: dt.date | None = None
    budget_minor: int | None = None
    status: str = "planned"  # ActionStatus value


@dataclass(frozen=True)
class TaskRow:
    id: int
    description: str = ""
    action_id: int | None = None
    end_product: str = ""
    est_hours: float = 0.0
    actual_hours: float | None = None
    done: bool = False
    unplanned: bool = False  # a row kept free for unplanned work


@dataclass(frozen=True)
class WeekRow:
    """One person's plan for one ISO week, with its tasks."""

    id: int
    person_id: int
    iso_year: int
    iso_week: int
    state: str = "draft"  # WeekState value
    approved_on: dt.date | None = None
    closed_on: dt.date | None = None
    tasks: tuple[TaskRow, ...] = ()

    @property
    def monday(self) -> dt.date:
        return monday_of(self.iso_year, self.iso_week)

    @property
    def planned_hours(self) -> float:
        return sum(t.est_hours or 0.0 for t in self.tasks)


@dataclass(frozen=True)
class ExpenseRow:
    id: int
    date: dt.date
    amount_minor: int
    is_refund: bool = False
    channel_id: int | None = None
    action_id: int | None = None
    hypothesis_id: int | None = None
    payee: str = ""
    note: str = ""


@dataclass(frozen=True)
class BudgetLineRow:
    id: int
    month: dt.date  # first day of the month
    channel_id: int | None = None
    action_id: int | None = None
    amount_minor: int = 0


@dataclass(frozen=True)
class ControlPointRow:
    id: int
    target: str = "budget"  # ControlTarget value
    channel_id: int | None = None
    action_id: int | None = None
    controller_id: int | None = None
    cadence: str = "monthly"  # Cadence value
    limit_minor: int = 0
    next_due: dt.date | None = None
    last_check: dt.date | None = None  # date of the latest control_check, if any


@dataclass(frozen=True)
class HypothesisRow:
    id: int
    title: str = ""
    start: dt.date | None = None
    end: dt.date | None = None
    decision: str = "pending"  # Decision value
    test_budget_minor: int = 0


@dataclass(frozen=True)
class DismissalRow:
    code: str
    object_ref: str  # "<table>:<id>", or "" for the plan as a whole
    reason: str = ""


@dataclass(frozen=True)
class PlanSnapshot:
    """Everything the plan check reads, as of ``today``."""

    today: dt.date
    profile: ProfileRow = field(default_factory=ProfileRow)
    people: tuple[PersonRow, ...] = ()
    channels: tuple[ChannelRow, ...] = ()
    swot: tuple[SwotRow, ...] = ()
    tows: tuple[TowsRow, ...] = ()
    goals: tuple[GoalRow, ...] = ()
    actions: tuple[ActionRow, ...] = ()
    weeks: tuple[WeekRow, ...] = ()
    expenses: tuple[ExpenseRow, ...] = ()
    budget_lines: tuple[BudgetLineRow, ...] = ()
    control_points: tuple[ControlPointRow, ...] = ()
    hypotheses: tuple[HypothesisRow, ...] = ()
    dismissals: tuple[DismissalRow, ...] = ()

    # Lookups, computed once per snapshot (cached_property writes the instance dict
    # directly, which a frozen dataclass allows).
    @cached_property
    def person_by_id(self) -> dict[int, PersonRow]:
        return {p.id: p for p in self.people}

    @cached_property
    def channel_by_id(self) -> dict[int, ChannelRow]:
        return {c.id: c for c in self.channels}

    @cached_property
    def goal_by_id(self) -> dict[int, GoalRow]:
        return {g.id: g for g in self.goals}

    @cached_property
    def action_by_id(self) -> dict[int, ActionRow]:
        return {a.id: a for a in self.actions}

    @cached_property
    def hypothesis_by_id(self) -> dict[int, HypothesisRow]:
        return {h.id: h for h in self.hypotheses}

    @cached_property
    def action_channel(self) -> dict[int, int | None]:
        """Action id -> its channel id (for spend booked on an action)."""
        return {a.id: a.channel_id for a in self.actions}

    @cached_property
    def actions_by_goal(self) -> dict[int, tuple[ActionRow, ...]]:
        found: dict[int, list[ActionRow]] = defaultdict(list)
        for a in self.actions:
            if a.goal_id is not None:
                found[a.goal_id].append(a)
        return {k: tuple(v) for k, v in found.items()}

    def action_goal(self, action_id: int | None) -> GoalRow | None:
        """The goal an action serves (``None``: no action, or an action without a goal)."""
        action = self.action_by_id.get(action_id) if action_id is not None else None
        if action is None or action.goal_id is None:
            return None
        return self.goal_by_id.get(action.goal_id)
