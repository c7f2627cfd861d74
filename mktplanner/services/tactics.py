"""The tactical plan's use cases: read queries for its page and the edits it makes.

Read side (each function costs a fixed number of SQL statements, whatever the plan's size):

* :func:`period` - the tactical period (``plan.tactical_start`` / ``tactical_months``);
* :func:`action_rows` - every action with the names and colours it refers to, its flags
  (:func:`flags_of`) and, for a recurring action, its occurrences;
* :func:`month_loads` / :func:`loads_by_month` - per month of the period, the actions
  running in it and their planned budget (the same figures as ``summary``'s
  ``tactical.months``: a budget is spread evenly over the months an action runs);
* :func:`pick_list` - what a weekly plan can pick from: the open actions running in an
  ISO week (and the late ones), a recurring action once per occurrence in that week;
* :func:`direction_rows`, :func:`reporting`.

Edit side: small builders of ``services.edits`` objects with their own undo labels
(``move_action``, ``edit_reporting``, ``edit_tactical_period``, ``add_direction``), the
date arithmetic of a drag (:func:`shifted`), and :func:`check_action`, which tells what a
change would be refused for *before* it is tried, so the page can say it in place.

Flags follow the plan check (``domain.health.rules``): only an active action (planned or in
progress) is flagged; ``late`` = its due date has passed; ``no_owner``; ``no_budget`` = no
budget set (an explicit 0 is a budget); ``no_dates`` = no start and no due date; and
``owner_left`` = its owner's ``active_to`` has passed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text

from mktplanner.domain.enums import ActionStatus, Recurrence
from mktplanner.domain.errors import Problem
from mktplanner.domain.rules.budget import period_end, period_months, spread_over_months
from mktplanner.domain.rules.dates import monday_of, month_end, month_start, sunday_of
from mktplanner.domain.rules.recurrence import occurrences
from mktplanner.domain.tables import Action, Direction, Plan
from mktplanner.services.edits import InsertRow, UpdateRow
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]

ACTIVE: frozenset[str] = frozenset({ActionStatus.PLANNED.value, ActionStatus.IN_PROGRESS.value})
FLAGS: tuple[str, ...] = ("late", "no_owner", "owner_left", "no_budget", "no_dates")

# Colours offered to a new direction, in order (the default directions use the first five).
PALETTE: tuple[str, ...] = (
    "#4C78A8",
    "#F58518",
    "#54A24B",
    "#B279A2",
    "#E45756",
    "#72B7B2",
    "#EECA3B",
    "#9D755D",
    "#FF9DA6",
    "#BAB0AC",
)

REPORT_FIELDS: tuple[str, ...] = ("report_cadence", "report_maker", "report_reader", "report_actor")


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


# --- the period -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """The tactical period: ``months`` whole months from ``start`` (a first of month)."""

    start: dt.date
    months: int

    @property
    def month_starts(self) -> list[dt.date]:
        return period_months(self.start, self.months)

    @property
    def end(self) -> dt.date:
        return period_end(self.start, self.months)


def period(plan: PlanFile, today: dt.date | None = None) -> Period:
    """The plan's tactical period; without a start it begins in ``today``'s month."""
    today = today or dt.date.today()
    with plan.session() as s:
        row = s.execute(
            text("SELECT tactical_start, tactical_months FROM plan ORDER BY id LIMIT 1")
        ).first()
    start = _date(row[0]) if row is not None else None
    months = int(row[1]) if row is not None and row[1] else 6
    return Period(month_start(start or today), months)


def plan_id(plan: PlanFile) -> int:
    with plan.session() as s:
        row = s.execute(text("SELECT id FROM plan ORDER BY id LIMIT 1")).first()
    return int(row[0]) if row is not None else 1


# --- rules of this page ------------------------------------------------------------------------


def is_active(status: str | None) -> bool:
    return status in ACTIVE


def runs_in(start: dt.date | None, due: dt.date | None, first: dt.date, last: dt.date) -> bool:
    """An action runs in [first, last] when its dates overlap it; with one date missing,
    the other one stands for both; with none, it runs nowhere."""
    begin = start or due
    finish = due or start
    if begin is None or finish is None:
        return False
    return begin <= last and finish >= first


def flags_of(
    status: str | None,
    start: dt.date | None,
    due: dt.date | None,
    owner_id: int | None,
    budget_minor: int | None,
    today: dt.date,
    owner_active_to: dt.date | None = None,
) -> tuple[str, ...]:
    """What needs attention on an action, as codes in :data:`FLAGS` order."""
    if not is_active(status):
        return ()
    found = set()
    if due is not None and due < today:
        found.add("late")
    if owner_id is None:
        found.add("no_owner")
    elif owner_active_to is not None and owner_active_to < today:
        found.add("owner_left")
    if budget_minor is None:
        found.add("no_budget")
    if start is None and due is None:
        found.add("no_dates")
    return tuple(f for f in FLAGS if f in found)


def shifted(
    start: dt.date | None, due: dt.date | None, days: int, part: str = "both"
) -> tuple[dt.date | None, dt.date | None]:
    """An action's dates after a drag of ``days`` days: ``part`` "both" moves the action,
    "start" / "due" moves one end, never past the other one (start <= due is kept)."""
    delta = dt.timedelta(days=days)
    try:
        if part == "start":
            if start is None:
                return start, due
            new_start = start + delta
            if due is not None and new_start > due:
                new_start = due
            return new_start, due
        if part == "due":
            if due is None:
                return start, due
            new_due = due + delta
            if start is not None and new_due < start:
                new_due = start
            return start, new_due
        return (
            None if start is None else start + delta,
            None if due is None else due + delta,
        )
    except OverflowError:
        return start, due


# --- actions ------------------------------------------------------------------------------------

_ACTIONS_SQL = """
SELECT a.id, a.title, a.goal_id, a.direction_id, a.channel_id, a.owner_id,
       a.start, a.due, a.budget_minor, a.expected_result, a.status, a.recurrence,
       a.position, g.title AS goal_title, g.position AS goal_position,
       d.name AS direction_name, d.color AS direction_color, d.position AS direction_position,
       c.name AS channel_name, p.name AS owner_name, p.active_to AS owner_active_to,
       coalesce(x.spent, 0) AS spent_minor
FROM action a
LEFT JOIN goal g ON g.id = a.goal_id
LEFT JOIN direction d ON d.id = a.direction_id
LEFT JOIN channel c ON c.id = a.channel_id
LEFT JOIN person p ON p.id = a.owner_id
LEFT JOIN (SELECT action_id, sum(amount_minor) AS spent FROM expense
           WHERE action_id IS NOT NULL GROUP BY action_id) x ON x.action_id = a.id
ORDER BY coalesce(a.start, a.due, '9999-12-31'), a.position, a.id
"""


def action_rows(plan: PlanFile, today: dt.date | None = None) -> list[Row]:
    """Every action (one statement), ordered by start date, with:

    ``goal_title``, ``direction_name`` / ``direction_color`` / ``direction_position``,
    ``channel_name``, ``owner_name``, ``owner_active_to``, ``spent_minor``, ``flags``
    (a tuple of :data:`FLAGS` codes), ``late`` / ``no_owner`` / ``no_budget`` (bools) and
    ``occurrences`` (the dates of a recurring action from its start to its due date; a
    one-off action has none).
    """
    today = today or dt.date.today()
    with plan.session() as s:
        result = s.execute(text(_ACTIONS_SQL)).mappings().all()
    rows: list[Row] = []
    for r in result:
        row = dict(r)
        for name in ("start", "due", "owner_active_to"):
            row[name] = _date(row[name])
        row["flags"] = flags_of(
            row["status"],
            row["start"],
            row["due"],
            row["owner_id"],
            row["budget_minor"],
            today,
            row["owner_active_to"],
        )
        for flag in ("late", "no_owner", "no_budget"):
            row[flag] = flag in row["flags"]
        row["occurrences"] = (
            tuple(occurrences(row["recurrence"], row["start"], row["due"]))
            if row["recurrence"] != Recurrence.NONE.value
            else ()
        )
        rows.append(row)
    return rows


def check_change(
    plan: PlanFile, table_name: str, key: Any, changes: Mapping[str, Any]
) -> list[Problem]:
    """The problems a change of row ``key`` of ``table_name`` (or a new row, ``key`` None)
    would be refused for, without writing anything: the rules the edit itself applies."""
    from sqlalchemy import select

    from mktplanner.domain.rules.validation import validate
    from mktplanner.domain.tables import TABLE_BY_NAME

    table = TABLE_BY_NAME[table_name].__table__  # type: ignore[attr-defined]
    current: dict[str, Any] = {}
    if key is not None:
        with plan.session() as s:
            found = s.execute(select(table).where(table.c.id == key)).mappings().first()
        if found is None:
            return [Problem("id", "not_found", {"table": table_name, "id": key})]
        current = dict(found)
    unknown = sorted(set(changes) - {c.name for c in table.columns})
    if unknown:
        return [Problem(unknown[0], "unknown_field")]
    current.update(changes)
    return validate(table_name, current)


def check_action(
    plan: PlanFile, action_id: int | None, changes: Mapping[str, Any]
) -> list[Problem]:
    """:func:`check_change` of an action."""
    return check_change(plan, "action", action_id, changes)


def move_action(
    action_id: int, start: dt.date | None, due: dt.date | None, label: str = "move_action"
) -> UpdateRow:
    """Set an action's start and due dates in one undo step."""
    return UpdateRow(Action, action_id, {"start": start, "due": due}, label=label)


def new_action_values(
    *,
    title: str,
    today: dt.date,
    direction_id: int | None = None,
    goal_id: int | None = None,
    owner_id: int | None = None,
    month: dt.date | None = None,
    position: int = 0,
) -> Row:
    """A new action's starting values: planned, from ``today`` (or the first of ``month``)
    to the end of that month, no budget yet (the page flags it until one is set)."""
    start = month_start(month) if month is not None else today
    return {
        "title": title,
        "direction_id": direction_id,
        "goal_id": goal_id,
        "owner_id": owner_id,
        "start": start,
        "due": month_end(start),
        "status": ActionStatus.PLANNED.value,
        "recurrence": Recurrence.NONE.value,
        "position": position,
    }


# --- months ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthLoad:
    """One month of the period: the actions running in it and their planned budget."""

    month: dt.date
    action_ids: tuple[int, ...]
    titles: tuple[str, ...]
    planned_budget_minor: int

    @property
    def count(self) -> int:
        return len(self.action_ids)


def loads_by_month(
    actions: Iterable[Mapping[str, Any]], months: Sequence[dt.date]
) -> list[MonthLoad]:
    """Per month (first days): the non-cancelled actions whose dates overlap it, and the
    part of their budgets planned for it (each budget spread evenly over the months its
    action runs, exactly, as ``domain.rules.budget.spread_over_months`` does).

    ``actions`` are mappings with ``id``, ``title``, ``start``, ``due``, ``budget_minor``
    and ``status`` (rows of :func:`action_rows` will do)."""
    live = [a for a in actions if a.get("status") != ActionStatus.CANCELLED.value]
    spread: dict[int, dict[dt.date, int]] = {}
    for a in live:
        begin = a.get("start") or a.get("due")
        if a.get("budget_minor") is not None and begin is not None:
            spread[a["id"]] = spread_over_months(int(a["budget_minor"]), begin, a.get("due"))
    result = []
    for m in months:
        running = [a for a in live if runs_in(a.get("start"), a.get("due"), m, month_end(m))]
        result.append(
            MonthLoad(
                month=m,
                action_ids=tuple(a["id"] for a in running),
                titles=tuple(str(a["title"]) for a in running),
                planned_budget_minor=sum(spread.get(a["id"], {}).get(m, 0) for a in running),
            )
        )
    return result


def month_loads(plan: PlanFile, today: dt.date | None = None) -> list[MonthLoad]:
    """:func:`loads_by_month` over every action and the plan's tactical period."""
    today = today or dt.date.today()
    return loads_by_month(action_rows(plan, today), period(plan, today).month_starts)


# --- the weekly plans' pick list -----------------------------------------------------------------


@dataclass(frozen=True)
class PickItem:
    """An action a weekly task can be linked to; ``occurrence_date`` names the occurrence
    of a recurring action that falls in the week (None for a one-off action); ``late``:
    a one-off action whose due date passed before the week and that is still open."""

    action_id: int
    title: str
    occurrence_date: dt.date | None
    owner_id: int | None = None
    goal_title: str | None = None
    late: bool = False


def pick_list(plan: PlanFile, iso_year: int, iso_week: int) -> list[PickItem]:
    """What a weekly plan of ISO week ``iso_week`` of ``iso_year`` can link its tasks to:
    the open (planned / in progress) actions, in date order -

    * a one-off action once, when its dates overlap the week (one missing date stands for
      both), or when it is late (its due date passed before the week: the work is still
      to be done; these come first, with ``late`` set);
    * a recurring action once per occurrence that falls in the week
      (``domain.rules.recurrence``); a past occurrence is not offered.

    Actions without dates are not offered. Raises ``ValueError`` for a week that does not
    exist. One SQL statement."""
    monday, sunday = monday_of(iso_year, iso_week), sunday_of(iso_year, iso_week)
    with plan.session() as s:
        result = s.execute(
            text(
                "SELECT a.id, a.title, a.start, a.due, a.recurrence, a.owner_id, "
                "g.title AS goal_title FROM action a LEFT JOIN goal g ON g.id = a.goal_id "
                "WHERE a.status IN ('planned', 'in_progress') "
                "AND (a.start IS NOT NULL OR a.due IS NOT NULL) "
                "AND coalesce(a.start, a.due) <= :sunday "
                "AND (coalesce(a.due, a.start) >= :monday "
                "     OR (a.recurrence = 'none' AND a.due IS NOT NULL)) "
                "ORDER BY a.position, a.id"
            ),
            {"monday": monday.isoformat(), "sunday": sunday.isoformat()},
        ).all()
    found: list[tuple[dt.date, int, PickItem]] = []
    for order, (aid, title, start, due, recurrence, owner_id, goal_title) in enumerate(result):
        start, due = _date(start), _date(due)
        if recurrence in (Recurrence.WEEKLY.value, Recurrence.MONTHLY.value) and start is not None:
            for day in occurrences(recurrence, start, due, window_start=monday, window_end=sunday):
                found.append((day, order, PickItem(aid, title, day, owner_id, goal_title)))
        elif runs_in(start, due, monday, sunday):
            first = max(start or due or monday, monday)
            found.append((first, order, PickItem(aid, title, None, owner_id, goal_title)))
        elif due is not None and due < monday:
            item = PickItem(aid, title, None, owner_id, goal_title, late=True)
            found.append((due, order, item))
    found.sort(key=lambda t: (t[0], t[1]))
    return [item for _, _, item in found]


# --- directions -----------------------------------------------------------------------------------


def direction_rows(plan: PlanFile) -> list[Row]:
    """Directions in their order, with the count of their actions and the budget of the
    non-cancelled ones (one statement)."""
    with plan.session() as s:
        result = (
            s.execute(
                text(
                    "SELECT d.id, d.name, d.color, d.position, "
                    "(SELECT count(*) FROM action a WHERE a.direction_id = d.id) AS actions, "
                    "(SELECT coalesce(sum(a.budget_minor), 0) FROM action a "
                    " WHERE a.direction_id = d.id AND a.status != 'cancelled') AS budget_minor "
                    "FROM direction d ORDER BY d.position, d.id"
                )
            )
            .mappings()
            .all()
        )
    return [dict(r) for r in result]


def next_color(used: Iterable[str]) -> str:
    """The first palette colour no direction uses yet (cycling when all are used)."""
    taken = {c.upper() for c in used}
    for color in PALETTE:
        if color.upper() not in taken:
            return color
    return PALETTE[len(taken) % len(PALETTE)]


def add_direction(name: str, color: str, position: int) -> InsertRow:
    return InsertRow(
        Direction, {"name": name, "color": color, "position": position}, label="add_direction"
    )


# --- reporting rules and the period ------------------------------------------------------------


@dataclass(frozen=True)
class Reporting:
    """How the plan is reported on: how often, who makes the report, who reads it, who
    changes the activities because of it (``plan.report_*``)."""

    cadence: str
    maker: str
    reader: str
    actor: str


def reporting(plan: PlanFile) -> Reporting:
    with plan.session() as s:
        row = s.execute(
            text(
                "SELECT report_cadence, report_maker, report_reader, report_actor "
                "FROM plan ORDER BY id LIMIT 1"
            )
        ).first()
    if row is None:
        return Reporting("", "", "", "")
    return Reporting(*(str(v or "") for v in row))


def set_reporting(plan_key: int, changes: Mapping[str, Any]) -> UpdateRow:
    """Change some of the reporting rules (keys among :data:`REPORT_FIELDS`)."""
    bad = sorted(set(changes) - set(REPORT_FIELDS))
    if bad:
        from mktplanner.domain.errors import DomainError

        raise DomainError([Problem(bad[0], "unknown_field")])
    return UpdateRow(Plan, plan_key, dict(changes), label="edit_reporting")


def set_period(plan_key: int, start: dt.date | None = None, months: int | None = None) -> UpdateRow:
    """Move the tactical period's first month and/or change its length (6..12 months)."""
    changes: Row = {}
    if start is not None:
        changes["tactical_start"] = month_start(start)
    if months is not None:
        changes["tactical_months"] = months
    return UpdateRow(Plan, plan_key, changes, label="edit_tactical_period")
