"""Closed vocabularies of the planning method (stored as their string values)."""

from enum import StrEnum


class Quadrant(StrEnum):
    STRENGTH = "S"
    WEAKNESS = "W"
    OPPORTUNITY = "O"
    THREAT = "T"

    @property
    def internal(self) -> bool:
        return self in (Quadrant.STRENGTH, Quadrant.WEAKNESS)


class Source(StrEnum):
    EMPLOYEES = "employees"
    CLIENTS = "clients"
    INVESTORS = "investors"
    MANAGEMENT = "management"
    ANALYSIS = "analysis"


class TowsKind(StrEnum):
    SO = "SO"  # use
    ST = "ST"  # defend
    WO = "WO"  # improve
    WT = "WT"  # avoid


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class Recurrence(StrEnum):
    NONE = "none"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class WeekState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    CLOSED = "closed"


class BudgetMode(StrEnum):
    BOTTOM_UP = "bottom_up"  # a fixed sum; the plan must fit inside it
    TOP_DOWN = "top_down"  # the sum of the actions' needs


class BudgetBasis(StrEnum):
    PER_MONTH = "per_month"
    PER_PERIOD = "per_period"


class ControlTarget(StrEnum):
    BUDGET = "budget"
    CHANNEL = "channel"
    ACTION = "action"


class Cadence(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class ControlStatus(StrEnum):
    OK = "ok"
    WARNING = "warning"
    OVER = "over"
    OVERDUE = "overdue"
    UNPLANNED = "unplanned"


class Decision(StrEnum):
    PENDING = "pending"
    SCALE = "scale"
    STOP = "stop"
    CONTINUE = "continue"


class MetricKind(StrEnum):
    COUNT = "count"
    MONEY = "money"
    NUMBER = "number"
