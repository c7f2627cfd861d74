"""The plan's tables (SQLModel). One plan file holds exactly one plan.

The schema in the file is created by the Alembic migrations in ``store/migrations`` only;
a test checks that these classes and the migrated schema agree (no second source of truth).

Conventions: money is integer minor units (``*_minor``) in the plan's currency; dates are
``datetime.date`` (ISO text in SQLite); weeks are ISO (year, week); closed vocabularies are
stored as the string values of the enums in ``domain.enums``.

Do not add ``from __future__ import annotations`` here: SQLModel needs real annotations.
"""

import datetime as dt

from sqlalchemy import Column, ForeignKey, Integer, UniqueConstraint
from sqlmodel import Field, SQLModel


def fk(target: str, ondelete: str, *, nullable: bool = True, index: bool = True) -> Column:
    """A foreign-key column; the delete rule is part of the domain, so it is explicit."""
    return Column(Integer, ForeignKey(target, ondelete=ondelete), nullable=nullable, index=index)


class Plan(SQLModel, table=True):
    """The plan profile: one row (id = 1)."""

    __tablename__ = "plan"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    company: str = ""
    mission: str = ""
    values: str = ""
    currency: str = "RUB"
    language: str = "ru"
    fiscal_year_start: int = 1  # month 1..12
    default_weekly_hours: float = 40.0
    plan_share: float = 0.65  # share of working time that may be planned
    jump_threshold: float = 3.0  # SMART "Achievable": warn when target/baseline exceeds this
    tactical_start: dt.date | None = None  # first day of the tactical period's first month
    tactical_months: int = 6  # 6..12
    report_cadence: str = ""  # "" | daily | weekly | monthly
    report_maker: str = ""
    report_reader: str = ""
    report_actor: str = ""
    created: dt.date = Field(default_factory=dt.date.today)


class Person(SQLModel, table=True):
    __tablename__ = "person"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    role: str = ""
    weekly_hours: float = 40.0
    unplannable_share: float = 0.0  # e.g. 0.4 for an inbound-calls manager
    manager_id: int | None = Field(default=None, sa_column=fk("person.id", "SET NULL"))
    active_from: dt.date | None = None
    active_to: dt.date | None = None


class SwotItem(SQLModel, table=True):
    __tablename__ = "swot_item"
    id: int | None = Field(default=None, primary_key=True)
    quadrant: str  # Quadrant
    text: str
    note: str = ""
    weight: int = 3  # 1..5
    source: str = "analysis"  # Source
    position: int = 0


class Goal(SQLModel, table=True):
    __tablename__ = "goal"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    metric: str = ""
    unit: str = ""
    baseline: float | None = None
    target: float | None = None
    baseline_date: dt.date | None = None
    deadline: dt.date | None = None
    owner_id: int | None = Field(default=None, sa_column=fk("person.id", "SET NULL"))
    notes: str = ""
    position: int = 0


class GoalSwotLink(SQLModel, table=True):
    """Goal <-> SWOT item (many to many): what in the analysis a goal answers."""

    __tablename__ = "goal_swot"
    goal_id: int = Field(
        sa_column=Column(Integer, ForeignKey("goal.id", ondelete="CASCADE"), primary_key=True)
    )
    swot_item_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("swot_item.id", ondelete="CASCADE"), primary_key=True, index=True
        )
    )


class TowsOption(SQLModel, table=True):
    """A strategic option pairing an internal item (S/W) with an external one (O/T)."""

    __tablename__ = "tows_option"
    id: int | None = Field(default=None, primary_key=True)
    internal_id: int = Field(sa_column=fk("swot_item.id", "CASCADE", nullable=False))
    external_id: int = Field(sa_column=fk("swot_item.id", "CASCADE", nullable=False))
    text: str
    goal_id: int | None = Field(default=None, sa_column=fk("goal.id", "SET NULL"))
    position: int = 0


class Measurement(SQLModel, table=True):
    __tablename__ = "measurement"
    id: int | None = Field(default=None, primary_key=True)
    goal_id: int = Field(sa_column=fk("goal.id", "CASCADE", nullable=False))
    date: dt.date
    value: float
    note: str = ""


class Direction(SQLModel, table=True):
    __tablename__ = "direction"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    color: str = "#4C78A8"
    position: int = 0


class Channel(SQLModel, table=True):
    __tablename__ = "channel"
    id: int | None = Field(default=None, primary_key=True)
    name: str
    color: str = "#4C78A8"
    position: int = 0


class Hypothesis(SQLModel, table=True):
    __tablename__ = "hypothesis"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    channel_id: int | None = Field(default=None, sa_column=fk("channel.id", "SET NULL"))
    test_budget_minor: int = 0
    start: dt.date | None = None
    end: dt.date | None = None
    metric: str = ""
    threshold: float | None = None
    result: float | None = None
    decision: str = "pending"  # Decision
    learned: str = ""


class Action(SQLModel, table=True):
    """A tactical action: who does what, by when, for how much, for which goal."""

    __tablename__ = "action"
    id: int | None = Field(default=None, primary_key=True)
    title: str
    direction_id: int | None = Field(default=None, sa_column=fk("direction.id", "SET NULL"))
    goal_id: int | None = Field(default=None, sa_column=fk("goal.id", "SET NULL"))
    channel_id: int | None = Field(default=None, sa_column=fk("channel.id", "SET NULL"))
    owner_id: int | None = Field(default=None, sa_column=fk("person.id", "SET NULL"))
    start: dt.date | None = None
    due: dt.date | None = None
    budget_minor: int | None = None
    expected_result: str = ""
    status: str = "planned"  # ActionStatus
    recurrence: str = "none"  # Recurrence: one definition, many occurrences
    position: int = 0


class WeeklyPlan(SQLModel, table=True):
    __tablename__ = "weekly_plan"
    __table_args__ = (UniqueConstraint("person_id", "iso_year", "iso_week"),)
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(sa_column=fk("person.id", "CASCADE", nullable=False))
    iso_year: int
    iso_week: int
    state: str = "draft"  # WeekState
    submitted_on: dt.date | None = None
    approved_on: dt.date | None = None
    approved_by_id: int | None = Field(default=None, sa_column=fk("person.id", "SET NULL"))
    closed_on: dt.date | None = None
    note: str = ""


class WeeklyMetric(SQLModel, table=True):
    __tablename__ = "weekly_metric"
    id: int | None = Field(default=None, primary_key=True)
    weekly_plan_id: int = Field(sa_column=fk("weekly_plan.id", "CASCADE", nullable=False))
    name: str
    kind: str = "count"  # MetricKind
    unit: str = ""
    planned: float = 0.0
    actual: float | None = None
    not_measured: bool = False
    position: int = 0


class WeeklyTask(SQLModel, table=True):
    __tablename__ = "weekly_task"
    id: int | None = Field(default=None, primary_key=True)
    weekly_plan_id: int = Field(sa_column=fk("weekly_plan.id", "CASCADE", nullable=False))
    description: str
    action_id: int | None = Field(default=None, sa_column=fk("action.id", "SET NULL"))
    occurrence: dt.date | None = None  # the date of a recurring action's occurrence
    end_product: str = ""  # the checkable result and how we recognise it
    est_hours: float = 0.0
    actual_hours: float | None = None
    done: bool = False
    regular: bool = False
    unplanned: bool = False
    carried: bool = False
    position: int = 0


class Budget(SQLModel, table=True):
    """The budget's settings: one row (id = 1)."""

    __tablename__ = "budget"
    id: int | None = Field(default=None, primary_key=True)
    mode: str = "bottom_up"  # BudgetMode
    basis: str = "per_month"  # BudgetBasis: the fixed total is per month or for the period
    total_minor: int = 0
    rollover: bool = False  # unspent / overspent amounts roll into the next month


class BudgetLine(SQLModel, table=True):
    """Planned money for one month and one channel (or one action)."""

    __tablename__ = "budget_line"
    __table_args__ = (UniqueConstraint("month", "channel_id", "action_id"),)
    id: int | None = Field(default=None, primary_key=True)
    month: dt.date  # first day of the month
    channel_id: int | None = Field(default=None, sa_column=fk("channel.id", "CASCADE"))
    action_id: int | None = Field(default=None, sa_column=fk("action.id", "CASCADE"))
    amount_minor: int = 0


class Expense(SQLModel, table=True):
    __tablename__ = "expense"
    id: int | None = Field(default=None, primary_key=True)
    date: dt.date = Field(index=True)
    amount_minor: int  # negative only for a recorded refund
    is_refund: bool = False
    channel_id: int | None = Field(default=None, sa_column=fk("channel.id", "SET NULL"))
    action_id: int | None = Field(default=None, sa_column=fk("action.id", "SET NULL"))
    hypothesis_id: int | None = Field(default=None, sa_column=fk("hypothesis.id", "SET NULL"))
    payee: str = ""
    note: str = ""
    import_key: str | None = Field(default=None, unique=True)  # re-imports never duplicate


class ControlPoint(SQLModel, table=True):
    __tablename__ = "control_point"
    id: int | None = Field(default=None, primary_key=True)
    target: str = "budget"  # ControlTarget
    channel_id: int | None = Field(default=None, sa_column=fk("channel.id", "CASCADE"))
    action_id: int | None = Field(default=None, sa_column=fk("action.id", "CASCADE"))
    controller_id: int | None = Field(default=None, sa_column=fk("person.id", "SET NULL"))
    cadence: str = "monthly"  # Cadence
    limit_minor: int = 0  # the spending limit for one period of the cadence
    next_due: dt.date | None = None
    note: str = ""


class ControlCheck(SQLModel, table=True):
    __tablename__ = "control_check"
    id: int | None = Field(default=None, primary_key=True)
    control_point_id: int = Field(sa_column=fk("control_point.id", "CASCADE", nullable=False))
    date: dt.date
    person_id: int | None = Field(default=None, sa_column=fk("person.id", "SET NULL"))
    plan_minor: int = 0
    actual_minor: int = 0
    verdict: str = "ok"  # ControlStatus
    comment: str = ""


class ChannelResult(SQLModel, table=True):
    """Results of one channel in one month."""

    __tablename__ = "channel_result"
    __table_args__ = (UniqueConstraint("channel_id", "month"),)
    id: int | None = Field(default=None, primary_key=True)
    channel_id: int = Field(sa_column=fk("channel.id", "CASCADE", nullable=False))
    month: dt.date  # first day of the month
    spend_minor: int | None = None  # None: taken from the expenses
    impressions: int = 0
    clicks: int = 0
    leads: int = 0
    customers: int = 0
    revenue_minor: int = 0


class Setting(SQLModel, table=True):
    """Per-plan settings that are not part of the method (e.g. remembered CSV mappings), JSON text."""

    __tablename__ = "setting"
    key: str = Field(primary_key=True)
    value: str = ""


class FindingDismissal(SQLModel, table=True):
    """A plan-check finding the user dismissed, with the reason."""

    __tablename__ = "finding_dismissal"
    __table_args__ = (UniqueConstraint("code", "object_ref"),)
    id: int | None = Field(default=None, primary_key=True)
    code: str
    object_ref: str  # "<table>:<id>" or "" for the plan as a whole
    reason: str = ""
    dismissed_on: dt.date = Field(default_factory=dt.date.today)


class CheckScore(SQLModel, table=True):
    """The plan-check score after a save, for its trend."""

    __tablename__ = "check_score"
    id: int | None = Field(default=None, primary_key=True)
    at: str  # ISO 8601 timestamp, local time
    passed: int
    total: int


ALL_TABLES: tuple[type[SQLModel], ...] = (
    Plan,
    Person,
    SwotItem,
    Goal,
    GoalSwotLink,
    TowsOption,
    Measurement,
    Direction,
    Channel,
    Hypothesis,
    Action,
    WeeklyPlan,
    WeeklyMetric,
    WeeklyTask,
    Budget,
    BudgetLine,
    Expense,
    ControlPoint,
    ControlCheck,
    ChannelResult,
    Setting,
    FindingDismissal,
    CheckScore,
)

TABLE_BY_NAME: dict[str, type[SQLModel]] = {t.__tablename__: t for t in ALL_TABLES}  # type: ignore[misc]
