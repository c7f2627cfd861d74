"""The operational level: a person's capacity, the week's load, next week's targets and
the life cycle of a weekly plan (draft → submitted → approved → closed).

Capacity: ``weekly_hours × (1 − unplannable_share) × plan_share`` (40 h, 0 %, 0.65 → 26 h;
40 h, 40 %, 0.65 → 15.6 h). It is kept unrounded for comparisons; :func:`round_hours`
rounds to 0.1 h for display only. Inputs outside their ranges are clamped (hours at 0,
shares into 0..1) so the result is never negative.

Load level: ``red`` when planned hours exceed capacity, ``amber`` from
:data:`AMBER_SHARE` (90 %) of capacity up to capacity itself, ``ok`` below. Comparisons allow
a tolerance of 1e-9 h so that float noise (26.000000000000004) does not flip a level.

Next target (raise the bar slowly): last actual × 1.01, rounded *up* to a whole number for
counts, half-up to the currency's minor unit for money (weekly metric values are in major
units, like the number the user typed), half-up to 2 decimals for other numbers.

The week's life cycle (:func:`check_transition`):

======== =========== ==========
action   from        to
======== =========== ==========
submit   draft       submitted
approve  submitted   approved
return   submitted   draft
close    approved    closed
reopen   closed      approved
======== =========== ==========

Anything else is refused with ``transition_not_allowed`` {state, action}. Closing needs
actuals: every task has ``actual_hours`` and every metric has ``actual`` or is
``not_measured`` (else ``close_needs_actuals`` {tasks, metrics, task_ids, metric_ids}).
Submitting or approving gives warnings (not refusals): ``over_capacity`` {planned, capacity}
and ``task_without_end_product`` {task_id, index}. Editing: :func:`edit_problems` refuses
any edit of a closed week (``week_closed``) and actuals in a draft week
(``actuals_in_draft``).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum
from typing import Protocol

from mktplanner.domain.enums import MetricKind, WeekState
from mktplanner.domain.errors import Problem
from mktplanner.domain.money import minor_digits
from mktplanner.domain.rules.dates import (
    IsoWeek,
    iso_week_of,
    monday_of,
    next_iso_week,
    previous_iso_week,
    shift_iso_week,
    sunday_of,
    weeks_in_iso_year,
)

__all__ = [
    "AMBER_SHARE",
    "DEFAULT_GROWTH",
    "CapacityLevel",
    "IsoWeek",
    "MetricFacts",
    "MetricLike",
    "TaskFacts",
    "TaskLike",
    "TransitionCheck",
    "WeekAction",
    "WeekLoad",
    "capacity_hours",
    "capacity_level",
    "check_transition",
    "edit_problems",
    "iso_week_of",
    "load",
    "monday_of",
    "next_iso_week",
    "previous_iso_week",
    "round_hours",
    "shift_iso_week",
    "submit_warnings",
    "suggest_next_target",
    "sunday_of",
    "week_dates",
    "week_load",
    "weeks_in_iso_year",
]

AMBER_SHARE = 0.9
DEFAULT_GROWTH = Decimal("0.01")
_EPS = 1e-9


class CapacityLevel(StrEnum):
    OK = "ok"
    AMBER = "amber"
    RED = "red"


def _clamp(value: float, lo: float, hi: float | None = None) -> float:
    if not math.isfinite(value):
        return lo
    value = max(lo, value)
    return value if hi is None else min(hi, value)


def capacity_hours(weekly_hours: float, unplannable_share: float, plan_share: float) -> float:
    """Hours that may be planned in a week (unrounded)."""
    hours = _clamp(weekly_hours, 0.0)
    free = 1.0 - _clamp(unplannable_share, 0.0, 1.0)
    return hours * free * _clamp(plan_share, 0.0, 1.0)


def round_hours(hours: float) -> float:
    """Hours rounded half-up to 0.1 h, for display (15.600000000000001 → 15.6)."""
    if not math.isfinite(hours):
        return hours
    return float(Decimal(repr(hours)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def load(planned_hours: float, capacity: float) -> float | None:
    """Planned hours as a share of capacity (1.0 = full); ``None`` when capacity is 0."""
    if capacity <= 0 or not math.isfinite(capacity) or not math.isfinite(planned_hours):
        return None
    return planned_hours / capacity


def capacity_level(planned_hours: float, capacity: float) -> CapacityLevel:
    if planned_hours > capacity + _EPS:
        return CapacityLevel.RED
    if planned_hours > 0 and planned_hours >= AMBER_SHARE * capacity - _EPS:
        return CapacityLevel.AMBER
    return CapacityLevel.OK


@dataclass(frozen=True)
class WeekLoad:
    planned_hours: float
    capacity: float
    load: float | None
    level: CapacityLevel


def week_load(planned_hours: float, capacity: float) -> WeekLoad:
    return WeekLoad(
        planned_hours,
        capacity,
        load(planned_hours, capacity),
        capacity_level(planned_hours, capacity),
    )


def suggest_next_target(
    last_actual: float | None,
    kind: MetricKind | str,
    currency: str = "RUB",
    growth: Decimal = DEFAULT_GROWTH,
) -> float | None:
    """Next week's target from last week's actual (``None`` when there is no actual)."""
    if last_actual is None or isinstance(last_actual, bool):
        return None
    try:
        value = Decimal(repr(float(last_actual))) * (1 + growth)
    except (InvalidOperation, ValueError, TypeError):
        return None
    if not value.is_finite():
        return None
    if kind == MetricKind.COUNT:
        step, rounding = Decimal(1), ROUND_CEILING
    elif kind == MetricKind.MONEY:
        step, rounding = Decimal(1).scaleb(-minor_digits(currency)), ROUND_HALF_UP
    else:
        step, rounding = Decimal("0.01"), ROUND_HALF_UP
    return float(value.quantize(step, rounding=rounding))


# --- the life cycle -----------------------------------------------------------------------


class WeekAction(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    CLOSE = "close"
    REOPEN = "reopen"


_TRANSITIONS: dict[tuple[WeekState, WeekAction], WeekState] = {
    (WeekState.DRAFT, WeekAction.SUBMIT): WeekState.SUBMITTED,
    (WeekState.SUBMITTED, WeekAction.APPROVE): WeekState.APPROVED,
    (WeekState.SUBMITTED, WeekAction.RETURN): WeekState.DRAFT,
    (WeekState.APPROVED, WeekAction.CLOSE): WeekState.CLOSED,
    (WeekState.CLOSED, WeekAction.REOPEN): WeekState.APPROVED,
}


class TaskLike(Protocol):
    """What the rules read of a weekly task (a ``WeeklyTask`` row fits)."""

    @property
    def id(self) -> int | None: ...
    @property
    def est_hours(self) -> float: ...
    @property
    def actual_hours(self) -> float | None: ...
    @property
    def end_product(self) -> str: ...


class MetricLike(Protocol):
    """What the rules read of a weekly metric (a ``WeeklyMetric`` row fits)."""

    @property
    def id(self) -> int | None: ...
    @property
    def actual(self) -> float | None: ...
    @property
    def not_measured(self) -> bool: ...


@dataclass(frozen=True)
class TaskFacts:
    id: int | None = None
    est_hours: float = 0.0
    actual_hours: float | None = None
    end_product: str = ""


@dataclass(frozen=True)
class MetricFacts:
    id: int | None = None
    actual: float | None = None
    not_measured: bool = False


@dataclass(frozen=True)
class TransitionCheck:
    allowed: bool
    new_state: WeekState | None  # the state after the action, when allowed
    problems: tuple[Problem, ...] = ()  # why it is refused
    warnings: tuple[Problem, ...] = ()  # allowed, but worth a look


def submit_warnings(tasks: Sequence[TaskLike], capacity: float | None) -> list[Problem]:
    warnings: list[Problem] = []
    planned = sum(t.est_hours or 0.0 for t in tasks)
    if capacity is not None and planned > capacity + _EPS:
        warnings.append(
            Problem(
                "est_hours",
                "over_capacity",
                {"planned": round_hours(planned), "capacity": round_hours(capacity)},
            )
        )
    for index, task in enumerate(tasks):
        if not (task.end_product or "").strip():
            warnings.append(
                Problem(
                    "end_product", "task_without_end_product", {"task_id": task.id, "index": index}
                )
            )
    return warnings


def _missing_actuals(tasks: Iterable[TaskLike], metrics: Iterable[MetricLike]) -> Problem | None:
    task_ids = [t.id for t in tasks if t.actual_hours is None]
    metric_ids = [m.id for m in metrics if m.actual is None and not m.not_measured]
    if not task_ids and not metric_ids:
        return None
    return Problem(
        "actual",
        "close_needs_actuals",
        {
            "tasks": len(task_ids),
            "metrics": len(metric_ids),
            "task_ids": task_ids,
            "metric_ids": metric_ids,
        },
    )


def check_transition(
    state: WeekState | str,
    action: WeekAction | str,
    *,
    tasks: Sequence[TaskLike] = (),
    metrics: Sequence[MetricLike] = (),
    capacity: float | None = None,
) -> TransitionCheck:
    """May ``action`` be taken on a week in ``state``, and what comes of it?"""
    try:
        current, act = WeekState(state), WeekAction(action)
    except ValueError:
        return TransitionCheck(
            False,
            None,
            (
                Problem(
                    "state", "transition_not_allowed", {"state": str(state), "action": str(action)}
                ),
            ),
        )
    target = _TRANSITIONS.get((current, act))
    if target is None:
        problem = Problem(
            "state", "transition_not_allowed", {"state": current.value, "action": act.value}
        )
        return TransitionCheck(False, None, (problem,))
    if act is WeekAction.CLOSE:
        missing = _missing_actuals(tasks, metrics)
        if missing is not None:
            return TransitionCheck(False, None, (missing,))
    warnings: tuple[Problem, ...] = ()
    if act in (WeekAction.SUBMIT, WeekAction.APPROVE):
        warnings = tuple(submit_warnings(tasks, capacity))
    return TransitionCheck(True, target, (), warnings)


def edit_problems(state: WeekState | str, *, actuals: bool = False) -> list[Problem]:
    """Why an edit of a week in ``state`` is refused (empty: allowed).

    ``actuals=True`` for entering actual hours or actual metric values; plan edits (tasks,
    targets, estimates) are allowed in every state but closed (the manager may edit a
    submitted or approved plan)."""
    if state == WeekState.CLOSED:
        return [Problem("state", "week_closed")]
    if actuals and state == WeekState.DRAFT:
        return [Problem("state", "actuals_in_draft")]
    return []


def week_dates(year: int, week: int) -> tuple[dt.date, dt.date]:
    """Monday and Sunday of an ISO week."""
    return monday_of(year, week), sunday_of(year, week)
