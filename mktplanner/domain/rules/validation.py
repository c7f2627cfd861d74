"""Field rules of every table: what the service layer checks before each insert or update.

``validate(table_name, values)`` takes the *full* row as a dict of column -> value (for an
update the caller merges the changed values into the current row first) and returns every
problem found, in column order; an empty list means the row may be written. It never
raises on bad input; only an unknown table name raises ``KeyError`` (a programming error).

Conventions:

- A column missing from ``values`` is not checked, except the required ones (a title, a
  name, an item's text, a date the row cannot live without, a parent id): for an insert the
  table's default applies to the rest.
- Values must already have their Python types (``datetime.date`` for dates, ``int`` for
  money and ids, ``float`` or ``int`` for measures, ``bool`` for flags); anything else is
  ``wrong_type`` with ``params={"expected": ...}``. Strings are not parsed here.
- One problem per column at most, so the first code is the one to show.
- Money in minor units must be >= 0 (``negative_money``), with one exception: a refund
  (``expense.is_refund``) must be strictly negative (``refund_not_negative``); a refund of
  zero changes nothing and is refused. Importers turn a bank's positive refund into a
  negative amount before saving it.
- ``control_check.actual_minor`` may be negative (refunds in the checked period can
  outweigh spending); its ``plan_minor`` may not.

Codes used (``Problem.field`` is always the column name):

``required``, ``too_long`` {max, length}, ``wrong_type`` {expected},
``not_a_number`` (NaN, infinity), ``negative_money`` {value}, ``refund_not_negative`` {value},
``out_of_range`` {min, max, value} (``max`` may be ``None``), ``not_whole_number`` {value},
``unknown_value`` {value, allowed}, ``unknown_currency`` {value}, ``invalid_color`` {value},
``end_before_start`` {start_field, start, end}, ``not_first_of_month`` {value},
``target_equals_baseline``, ``channel_or_action_required``, ``channel_and_action``,
``target_mismatch`` {target}, ``self_reference``, ``same_item``,
``not_internal`` / ``not_external`` {value}, ``unknown_field``.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any

from mktplanner.domain.enums import (
    ActionStatus,
    BudgetBasis,
    BudgetMode,
    Cadence,
    ControlStatus,
    ControlTarget,
    Decision,
    MetricKind,
    Quadrant,
    Recurrence,
    Source,
    TowsKind,
    WeekState,
)
from mktplanner.domain.errors import Problem
from mktplanner.domain.money import is_known_currency
from mktplanner.domain.rules.dates import (
    MAX_ISO_YEAR,
    MIN_ISO_YEAR,
    weeks_in_iso_year,
)

# --- limits: one table, also meant for the UI's input widgets (maxLength) -------------

TITLE_MAX = 200  # titles and names
SHORT_TEXT_MAX = 50  # units, language codes
ITEM_TEXT_MAX = 500  # a SWOT item, a TOWS option, a weekly task, an end product
LONG_TEXT_MAX = 4000  # notes, mission, values, lessons learned
KEY_MAX = 200  # import keys, setting keys, finding codes

MAX_WEEK_HOURS = 168.0  # hours in a week
WEIGHT_MIN, WEIGHT_MAX = 1, 5
TACTICAL_MONTHS_MIN, TACTICAL_MONTHS_MAX = 6, 12
JUMP_THRESHOLD_MIN, JUMP_THRESHOLD_MAX = 1.0, 1000.0
LANGUAGES: tuple[str, ...] = ("ru", "en")

TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("plan", "name"): TITLE_MAX,
    ("plan", "company"): TITLE_MAX,
    ("plan", "mission"): LONG_TEXT_MAX,
    ("plan", "values"): LONG_TEXT_MAX,
    ("plan", "report_maker"): TITLE_MAX,
    ("plan", "report_reader"): TITLE_MAX,
    ("plan", "report_actor"): TITLE_MAX,
    ("person", "name"): TITLE_MAX,
    ("person", "role"): TITLE_MAX,
    ("swot_item", "text"): ITEM_TEXT_MAX,
    ("swot_item", "note"): LONG_TEXT_MAX,
    ("goal", "title"): TITLE_MAX,
    ("goal", "metric"): TITLE_MAX,
    ("goal", "unit"): SHORT_TEXT_MAX,
    ("goal", "notes"): LONG_TEXT_MAX,
    ("tows_option", "text"): ITEM_TEXT_MAX,
    ("measurement", "note"): LONG_TEXT_MAX,
    ("direction", "name"): TITLE_MAX,
    ("channel", "name"): TITLE_MAX,
    ("hypothesis", "title"): TITLE_MAX,
    ("hypothesis", "metric"): TITLE_MAX,
    ("hypothesis", "learned"): LONG_TEXT_MAX,
    ("action", "title"): TITLE_MAX,
    ("action", "expected_result"): LONG_TEXT_MAX,
    ("weekly_plan", "note"): LONG_TEXT_MAX,
    ("weekly_metric", "name"): TITLE_MAX,
    ("weekly_metric", "unit"): SHORT_TEXT_MAX,
    ("weekly_task", "description"): ITEM_TEXT_MAX,
    ("weekly_task", "end_product"): ITEM_TEXT_MAX,
    ("expense", "payee"): TITLE_MAX,
    ("expense", "note"): LONG_TEXT_MAX,
    ("expense", "import_key"): KEY_MAX,
    ("control_point", "note"): LONG_TEXT_MAX,
    ("control_check", "comment"): LONG_TEXT_MAX,
    ("setting", "key"): KEY_MAX,
    ("finding_dismissal", "code"): KEY_MAX,
    ("finding_dismissal", "object_ref"): KEY_MAX,
    ("finding_dismissal", "reason"): LONG_TEXT_MAX,
}


def max_length(table_name: str, column: str) -> int | None:
    """The character limit of a text column (``None``: no limit)."""
    return TEXT_LIMITS.get((table_name, column))


_COLOR = re.compile(r"#[0-9A-Fa-f]{6}")


# --- the checker ----------------------------------------------------------------------


class _Row:
    """Collects problems for one row; each check skips a column already found wrong."""

    def __init__(self, table: str, values: Mapping[str, Any]):
        self.table = table
        self.values = values
        self.problems: list[Problem] = []
        self._bad: set[str] = set()

    # helpers
    def has(self, name: str) -> bool:
        return name in self.values and name not in self._bad

    def get(self, name: str) -> Any:
        return self.values.get(name) if name not in self._bad else None

    def add(self, name: str, code: str, **params: Any) -> None:
        if name not in self._bad:
            self._bad.add(name)
            self.problems.append(Problem(name, code, params))

    def _type(self, name: str, ok: bool, expected: str) -> bool:
        if not ok:
            self.add(name, "wrong_type", expected=expected)
        return ok

    # column kinds
    def text(self, name: str, *, required: bool = False) -> None:
        if name in self._bad:
            return
        if name not in self.values:
            if required:
                self.add(name, "required")
            return
        value = self.values[name]
        if value is None and required:
            self.add(name, "required")
            return
        if not self._type(name, isinstance(value, str), "text"):
            return
        if required and not value.strip():
            self.add(name, "required")
            return
        limit = TEXT_LIMITS.get((self.table, name))
        if limit is not None and len(value) > limit:
            self.add(name, "too_long", max=limit, length=len(value))

    def ref(self, name: str, *, required: bool = False) -> None:
        """A foreign key (or other id): an int, or None when optional."""
        value = self.values.get(name)
        if value is None:
            if required:
                self.add(name, "required")
            return
        self._type(name, _is_int(value), "integer")

    def integer(
        self, name: str, lo: int | None = None, hi: int | None = None, *, required: bool = False
    ) -> None:
        value = self.values.get(name)
        if value is None:
            if required or name in self.values:
                self.add(name, "required")
            return
        if not self._type(name, _is_int(value), "integer"):
            return
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            self.add(name, "out_of_range", min=lo, max=hi, value=value)

    def number(
        self,
        name: str,
        lo: float | None = None,
        hi: float | None = None,
        *,
        nullable: bool = False,
        whole: bool = False,
    ) -> None:
        if name not in self.values:
            return
        value = self.values[name]
        if value is None:
            if not nullable:
                self.add(name, "required")
            return
        if not self._type(name, _is_number(value), "number"):
            return
        if not math.isfinite(value):
            self.add(name, "not_a_number", value=str(value))
            return
        if (lo is not None and value < lo) or (hi is not None and value > hi):
            self.add(name, "out_of_range", min=lo, max=hi, value=value)
            return
        if whole and value != int(value):
            self.add(name, "not_whole_number", value=value)

    def money(self, name: str, *, nullable: bool = False, negative_ok: bool = False) -> None:
        if name not in self.values:
            return
        value = self.values[name]
        if value is None:
            if not nullable:
                self.add(name, "required")
            return
        if not self._type(name, _is_int(value), "integer"):
            return
        if value < 0 and not negative_ok:
            self.add(name, "negative_money", value=value)

    def flag(self, name: str) -> None:
        if name in self.values:
            self._type(name, isinstance(self.values[name], bool), "boolean")

    def date(self, name: str, *, required: bool = False) -> None:
        value = self.values.get(name)
        if value is None:
            if required:
                self.add(name, "required")
            return
        # datetime is a date subclass but does not compare with dates: refuse it.
        self._type(name, type(value) is dt.date, "date")

    def month(self, name: str, *, required: bool = True) -> None:
        self.date(name, required=required)
        value = self.get(name)
        if isinstance(value, dt.date) and value.day != 1:
            self.add(name, "not_first_of_month", value=value.isoformat())

    def choice(
        self, name: str, allowed: type[StrEnum] | tuple[str, ...], *, required: bool = False
    ) -> None:
        if name not in self.values:
            if required:
                self.add(name, "required")
            return
        options = tuple(m.value for m in allowed) if isinstance(allowed, type) else allowed
        value = self.values[name]
        if value is None:
            self.add(name, "required")
            return
        if not self._type(name, isinstance(value, str), "text"):
            return
        if value not in options:
            self.add(name, "unknown_value", value=value, allowed=list(options))

    def color(self, name: str) -> None:
        if name not in self.values:
            return
        value = self.values[name]
        if not isinstance(value, str) or not _COLOR.fullmatch(value):
            self.add(name, "invalid_color", value=str(value))

    def order(self, start: str, end: str) -> None:
        """``end`` must not lie before ``start`` (equal is fine); reported on ``end``."""
        a, b = self.get(start), self.get(end)
        if type(a) is dt.date and type(b) is dt.date and b < a:
            self.add(
                end, "end_before_start", start_field=start, start=a.isoformat(), end=b.isoformat()
            )

    def finish(self, columns: frozenset[str]) -> list[Problem]:
        for name in self.values:
            if name not in columns:
                self.add(name, "unknown_field")
        return self.problems


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- the tables -------------------------------------------------------------------------


def _plan(r: _Row) -> None:
    r.ref("id")
    r.text("name", required=True)
    for name in ("company", "mission", "values", "report_maker", "report_reader", "report_actor"):
        r.text(name)
    if "currency" in r.values:
        code = r.values["currency"]
        if not isinstance(code, str) or not is_known_currency(code):
            r.add("currency", "unknown_currency", value=str(code))
    r.choice("language", LANGUAGES)
    r.integer("fiscal_year_start", 1, 12)
    r.number("default_weekly_hours", 0.0, MAX_WEEK_HOURS)
    r.number("plan_share", 0.0, 1.0)
    r.number("jump_threshold", JUMP_THRESHOLD_MIN, JUMP_THRESHOLD_MAX)
    r.month("tactical_start", required=False)
    r.integer("tactical_months", TACTICAL_MONTHS_MIN, TACTICAL_MONTHS_MAX)
    r.choice("report_cadence", ("", *(c.value for c in Cadence)))
    r.date("created")


def _person(r: _Row) -> None:
    r.ref("id")
    r.text("name", required=True)
    r.text("role")
    r.number("weekly_hours", 0.0, MAX_WEEK_HOURS)
    r.number("unplannable_share", 0.0, 1.0)
    r.ref("manager_id")
    if r.get("manager_id") is not None and r.get("manager_id") == r.get("id"):
        r.add("manager_id", "self_reference")
    r.date("active_from")
    r.date("active_to")
    r.order("active_from", "active_to")


def _swot_item(r: _Row) -> None:
    r.ref("id")
    r.choice("quadrant", Quadrant, required=True)
    r.text("text", required=True)
    r.text("note")
    r.integer("weight", WEIGHT_MIN, WEIGHT_MAX)
    r.choice("source", Source)
    r.integer("position")


def _goal(r: _Row) -> None:
    r.ref("id")
    r.text("title", required=True)
    r.text("metric")
    r.text("unit")
    r.number("baseline", nullable=True)
    r.number("target", nullable=True)
    r.date("baseline_date")
    r.date("deadline")
    r.order("baseline_date", "deadline")
    r.ref("owner_id")
    r.text("notes")
    r.integer("position")
    baseline, target = r.get("baseline"), r.get("target")
    if baseline is not None and target is not None and r.has("target") and baseline == target:
        r.add("target", "target_equals_baseline")


def _goal_swot(r: _Row) -> None:
    r.ref("goal_id", required=True)
    r.ref("swot_item_id", required=True)


def _tows_option(r: _Row) -> None:
    r.ref("id")
    r.ref("internal_id", required=True)
    r.ref("external_id", required=True)
    if r.get("internal_id") is not None and r.get("internal_id") == r.get("external_id"):
        r.add("external_id", "same_item")
    r.text("text", required=True)
    r.ref("goal_id")
    r.integer("position")


def _measurement(r: _Row) -> None:
    r.ref("id")
    r.ref("goal_id", required=True)
    r.date("date", required=True)
    if "value" not in r.values:
        r.add("value", "required")
    r.number("value")
    r.text("note")


def _named_colour(r: _Row) -> None:
    r.ref("id")
    r.text("name", required=True)
    r.color("color")
    r.integer("position")


def _hypothesis(r: _Row) -> None:
    r.ref("id")
    r.text("title", required=True)
    r.ref("channel_id")
    r.money("test_budget_minor")
    r.date("start")
    r.date("end")
    r.order("start", "end")
    r.text("metric")
    r.number("threshold", nullable=True)
    r.number("result", nullable=True)
    r.choice("decision", Decision)
    r.text("learned")


def _action(r: _Row) -> None:
    r.ref("id")
    r.text("title", required=True)
    for name in ("direction_id", "goal_id", "channel_id", "owner_id"):
        r.ref(name)
    r.date("start")
    r.date("due")
    r.order("start", "due")
    r.money("budget_minor", nullable=True)
    r.text("expected_result")
    r.choice("status", ActionStatus)
    r.choice("recurrence", Recurrence)
    r.integer("position")


def _weekly_plan(r: _Row) -> None:
    r.ref("id")
    r.ref("person_id", required=True)
    r.integer("iso_year", MIN_ISO_YEAR, MAX_ISO_YEAR, required=True)
    year = r.get("iso_year")
    if _is_int(year) and r.has("iso_year"):
        r.integer("iso_week", 1, weeks_in_iso_year(year), required=True)
    else:
        r.integer("iso_week", 1, 53, required=True)
    r.choice("state", WeekState)
    for name in ("submitted_on", "approved_on", "closed_on"):
        r.date(name)
    r.ref("approved_by_id")
    r.text("note")


def _weekly_metric(r: _Row) -> None:
    r.ref("id")
    r.ref("weekly_plan_id", required=True)
    r.text("name", required=True)
    r.choice("kind", MetricKind)
    r.text("unit")
    kind = r.get("kind") if r.has("kind") else MetricKind.COUNT.value
    for name in ("planned", "actual"):
        nullable = name == "actual"
        if kind == MetricKind.COUNT:
            r.number(name, 0.0, None, nullable=nullable, whole=True)
        elif kind == MetricKind.MONEY:
            r.number(name, nullable=nullable)
            value = r.get(name)
            if r.has(name) and _is_number(value) and value < 0:
                r.add(name, "negative_money", value=value)
        else:
            r.number(name, nullable=nullable)
    r.flag("not_measured")
    r.integer("position")


def _weekly_task(r: _Row) -> None:
    r.ref("id")
    r.ref("weekly_plan_id", required=True)
    r.text("description", required=True)
    r.ref("action_id")
    r.date("occurrence")
    r.text("end_product")
    r.number("est_hours", 0.0, MAX_WEEK_HOURS)
    r.number("actual_hours", 0.0, MAX_WEEK_HOURS, nullable=True)
    for name in ("done", "regular", "unplanned", "carried"):
        r.flag(name)
    r.integer("position")


def _budget(r: _Row) -> None:
    r.ref("id")
    r.choice("mode", BudgetMode)
    r.choice("basis", BudgetBasis)
    r.money("total_minor")
    r.flag("rollover")


def _budget_line(r: _Row) -> None:
    r.ref("id")
    r.month("month")
    r.ref("channel_id")
    r.ref("action_id")
    _channel_xor_action(r)
    r.money("amount_minor")


def _channel_xor_action(r: _Row) -> None:
    channel, action = r.values.get("channel_id"), r.values.get("action_id")
    if channel is None and action is None:
        r.add("channel_id", "channel_or_action_required")
    elif channel is not None and action is not None:
        r.add("action_id", "channel_and_action")


def _expense(r: _Row) -> None:
    r.ref("id")
    r.date("date", required=True)
    r.flag("is_refund")
    if "amount_minor" not in r.values:
        r.add("amount_minor", "required")
    refund = r.values.get("is_refund") is True
    r.money("amount_minor", negative_ok=refund)
    amount = r.get("amount_minor")
    if refund and r.has("amount_minor") and _is_int(amount) and amount >= 0:
        r.add("amount_minor", "refund_not_negative", value=amount)
    for name in ("channel_id", "action_id", "hypothesis_id"):
        r.ref(name)
    r.text("payee")
    r.text("note")
    if r.values.get("import_key") is not None:
        r.text("import_key")


def _control_point(r: _Row) -> None:
    r.ref("id")
    r.choice("target", ControlTarget)
    r.ref("channel_id")
    r.ref("action_id")
    target = r.get("target") if r.has("target") else ControlTarget.BUDGET.value
    channel, action = r.get("channel_id"), r.get("action_id")
    if target == ControlTarget.BUDGET:
        for name, value in (("channel_id", channel), ("action_id", action)):
            if value is not None:
                r.add(name, "target_mismatch", target=target)
    elif target == ControlTarget.CHANNEL:
        if channel is None:
            r.add("channel_id", "required", target=target)
        if action is not None:
            r.add("action_id", "target_mismatch", target=target)
    elif target == ControlTarget.ACTION:
        if action is None:
            r.add("action_id", "required", target=target)
        if channel is not None:
            r.add("channel_id", "target_mismatch", target=target)
    r.ref("controller_id")
    r.choice("cadence", Cadence)
    r.money("limit_minor")
    r.date("next_due")
    r.text("note")


def _control_check(r: _Row) -> None:
    r.ref("id")
    r.ref("control_point_id", required=True)
    r.date("date", required=True)
    r.ref("person_id")
    r.money("plan_minor")
    r.money("actual_minor", negative_ok=True)
    r.choice("verdict", ControlStatus)
    r.text("comment")


def _channel_result(r: _Row) -> None:
    r.ref("id")
    r.ref("channel_id", required=True)
    r.month("month")
    r.money("spend_minor", nullable=True)
    for name in ("impressions", "clicks", "leads", "customers"):
        r.integer(name, 0, None)
    r.money("revenue_minor")


def _setting(r: _Row) -> None:
    r.text("key", required=True)
    if "value" in r.values:
        r._type("value", isinstance(r.values["value"], str), "text")


def _finding_dismissal(r: _Row) -> None:
    r.ref("id")
    r.text("code", required=True)
    if "object_ref" not in r.values:
        r.add("object_ref", "required")
    r.text("object_ref")
    r.text("reason")
    r.date("dismissed_on")


def _check_score(r: _Row) -> None:
    r.ref("id")
    at = r.values.get("at")
    if at is None or (isinstance(at, str) and not at.strip()):
        r.add("at", "required")
    elif not isinstance(at, str | dt.datetime):
        r.add("at", "wrong_type", expected="timestamp")
    r.integer("total", 0, None, required=True)
    total = r.get("total")
    r.integer("passed", 0, total if _is_int(total) else None, required=True)


# The columns of each table, as in ``domain/tables.py`` (a unit test keeps them equal).
_COLUMNS: dict[str, list[str]] = {
    "plan": (
        "id name company mission values currency language fiscal_year_start "
        "default_weekly_hours plan_share jump_threshold tactical_start tactical_months "
        "report_cadence report_maker report_reader report_actor created"
    ).split(),
    "person": "id name role weekly_hours unplannable_share manager_id active_from active_to".split(),
    "swot_item": "id quadrant text note weight source position".split(),
    "goal": (
        "id title metric unit baseline target baseline_date deadline owner_id notes position"
    ).split(),
    "goal_swot": "goal_id swot_item_id".split(),
    "tows_option": "id internal_id external_id text goal_id position".split(),
    "measurement": "id goal_id date value note".split(),
    "direction": "id name color position".split(),
    "channel": "id name color position".split(),
    "hypothesis": (
        "id title channel_id test_budget_minor start end metric threshold result decision learned"
    ).split(),
    "action": (
        "id title direction_id goal_id channel_id owner_id start due budget_minor "
        "expected_result status recurrence position"
    ).split(),
    "weekly_plan": (
        "id person_id iso_year iso_week state submitted_on approved_on approved_by_id "
        "closed_on note"
    ).split(),
    "weekly_metric": "id weekly_plan_id name kind unit planned actual not_measured position".split(),
    "weekly_task": (
        "id weekly_plan_id description action_id occurrence end_product est_hours "
        "actual_hours done regular unplanned carried position"
    ).split(),
    "budget": "id mode basis total_minor rollover".split(),
    "budget_line": "id month channel_id action_id amount_minor".split(),
    "expense": (
        "id date amount_minor is_refund channel_id action_id hypothesis_id payee note import_key"
    ).split(),
    "control_point": (
        "id target channel_id action_id controller_id cadence limit_minor next_due note"
    ).split(),
    "control_check": (
        "id control_point_id date person_id plan_minor actual_minor verdict comment"
    ).split(),
    "channel_result": (
        "id channel_id month spend_minor impressions clicks leads customers revenue_minor"
    ).split(),
    "setting": "key value".split(),
    "finding_dismissal": "id code object_ref reason dismissed_on".split(),
    "check_score": "id at passed total".split(),
}

_RULES: dict[str, Callable[[_Row], None]] = {
    "plan": _plan,
    "person": _person,
    "swot_item": _swot_item,
    "goal": _goal,
    "goal_swot": _goal_swot,
    "tows_option": _tows_option,
    "measurement": _measurement,
    "direction": _named_colour,
    "channel": _named_colour,
    "hypothesis": _hypothesis,
    "action": _action,
    "weekly_plan": _weekly_plan,
    "weekly_metric": _weekly_metric,
    "weekly_task": _weekly_task,
    "budget": _budget,
    "budget_line": _budget_line,
    "expense": _expense,
    "control_point": _control_point,
    "control_check": _control_check,
    "channel_result": _channel_result,
    "setting": _setting,
    "finding_dismissal": _finding_dismissal,
    "check_score": _check_score,
}

COLUMNS: dict[str, frozenset[str]] = {name: frozenset(cols) for name, cols in _COLUMNS.items()}
TABLES: frozenset[str] = frozenset(_RULES)


def validate(table_name: str, values: Mapping[str, Any]) -> list[Problem]:
    """Every problem of a full row of ``table_name`` (empty list: the row is valid)."""
    rules = _RULES[table_name]  # KeyError: not a table of the plan
    row = _Row(table_name, values)
    rules(row)
    return row.finish(COLUMNS[table_name])


def validate_tows_pair(
    internal_quadrant: str | None, external_quadrant: str | None
) -> list[Problem]:
    """A TOWS option pairs an internal item (S or W) with an external one (O or T).

    The quadrants are those of the SWOT items behind ``internal_id`` and ``external_id``
    (the caller looks them up); ``None`` means the item does not exist (``required``)."""
    problems: list[Problem] = []
    for name, value, wanted in (
        ("internal_id", internal_quadrant, (Quadrant.STRENGTH, Quadrant.WEAKNESS)),
        ("external_id", external_quadrant, (Quadrant.OPPORTUNITY, Quadrant.THREAT)),
    ):
        if value is None:
            problems.append(Problem(name, "required"))
        elif value not in [q.value for q in wanted]:
            code = "not_internal" if name == "internal_id" else "not_external"
            problems.append(Problem(name, code, {"value": str(value)}))
    return problems


def tows_kind(internal_quadrant: str, external_quadrant: str) -> TowsKind | None:
    """The TOWS kind (SO use, ST defend, WO improve, WT avoid) of a valid pair, else ``None``."""
    if validate_tows_pair(internal_quadrant, external_quadrant):
        return None
    return TowsKind(f"{internal_quadrant}{external_quadrant}")
