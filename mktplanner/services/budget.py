"""The budget, expenses, control points, channel results and hypotheses: the use cases of the
budget, results and hypotheses pages.

Read side (each function costs a fixed number of SQL statements, whatever the plan's size;
the arithmetic is the domain's: ``domain.rules.budget``, ``control``, ``kpi``, ``hypotheses``):

* :func:`budget_grid` - the budget as a spreadsheet: a row per month (the tactical period and
  any other month that has lines), a column per channel or per action (:data:`BY_CHANNEL` /
  :data:`BY_ACTION`), the planned and the spent amount of every cell, row and column totals,
  the rollover of each month and the gap against a fixed (bottom-up) budget;
* :func:`cell_expenses` - the drill-down: the expenses behind one figure of the grid;
* :func:`expense_rows` / :func:`filter_expenses` - the ledger and the totals of a filter;
* :func:`control_rows` / :func:`control_alerts` / :func:`control_checks` - every control point
  with its status, flags and pace in the period holding ``today`` (the same figures as the
  summary's ``control_points``), the ones that need attention first;
* :func:`result_rows` / :func:`result_months` - channel results of a month (or of all months)
  with their KPIs, spend shares, a total row and the reallocation hints;
* :func:`hypothesis_rows` / :func:`hypothesis_expenses`.

Where a figure of the grid goes (a cell's *column*): a budget line booked on an action goes to
that action's column, one booked on a channel to the channel's. An expense goes to its
action's column when the grid has one, else to the column of its channel (its own, else its
action's), else to the "no channel" column. Every line and every expense of a shown month is
in exactly one cell, so the totals are the month's plan and spend.

Edit side (``services.edits`` objects; one edit = one undo step):

* :func:`set_cells_edit` - type one cell or paste a block: every cell changed in one step;
* :func:`settings_edit` (mode, basis, fixed total, rollover);
* :func:`expense_amount_edit`, :func:`refund_edit` - a negative amount only for a refund;
* :func:`check_edit` - record a control check and move the point's next due date, one step;
* :func:`result_edit` - type a channel's figure of a month (the row is made on first use).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import text

from mktplanner.domain.enums import (
    ActionStatus,
    BudgetBasis,
    BudgetMode,
    Cadence,
    ControlStatus,
    ControlTarget,
)
from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.rules import budget as budget_rules
from mktplanner.domain.rules import control as control_rules
from mktplanner.domain.rules import kpi as kpi_rules
from mktplanner.domain.rules.dates import add_months, month_end, month_start
from mktplanner.domain.rules.hypotheses import hypothesis_state
from mktplanner.domain.tables import (
    Budget,
    BudgetLine,
    ChannelResult,
    ControlCheck,
    ControlPoint,
    Expense,
)
from mktplanner.services import queries
from mktplanner.services.edits import Composite, DeleteRow, Edit, InsertRow, UpdateRow
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]

BY_CHANNEL = "channel"
BY_ACTION = "action"
NO_CHANNEL = "none"  # the key of the column of spend with neither channel nor action


def _date(value: Any) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])


def _all(plan: PlanFile, sql: str, params: Mapping[str, Any] | None = None) -> list[Row]:
    with plan.session() as s:
        return [dict(r) for r in s.execute(text(sql), dict(params or {})).mappings().all()]


def column_key(channel_id: int | None, action_id: int | None) -> str:
    """The key of a grid column: ``"a:<id>"`` for an action, ``"c:<id>"`` for a channel."""
    if action_id is not None:
        return f"a:{action_id}"
    if channel_id is not None:
        return f"c:{channel_id}"
    return NO_CHANNEL


def parse_column_key(key: str) -> tuple[int | None, int | None]:
    """``(channel_id, action_id)`` of a column key (both None for the no-channel column)."""
    kind, _, ident = key.partition(":")
    if kind == "a" and ident.isdigit():
        return None, int(ident)
    if kind == "c" and ident.isdigit():
        return int(ident), None
    return None, None


# --- the grid ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridColumn:
    key: str
    kind: str  # "channel" | "action" | "none"
    ident: int | None
    name: str
    channel_name: str | None = None  # an action's channel
    status: str | None = None  # an action's status

    @property
    def editable(self) -> bool:
        return self.kind != NO_CHANNEL

    @property
    def channel_id(self) -> int | None:
        return self.ident if self.kind == BY_CHANNEL else None

    @property
    def action_id(self) -> int | None:
        return self.ident if self.kind == BY_ACTION else None


@dataclass(frozen=True)
class GridCell:
    plan_minor: int | None  # None: no budget line
    actual_minor: int = 0

    @property
    def variance_minor(self) -> int:
        """actual − plan: > 0 overspent."""
        return self.actual_minor - (self.plan_minor or 0)

    @property
    def overspent(self) -> bool:
        return self.actual_minor > (self.plan_minor or 0)


@dataclass(frozen=True)
class GridMonth:
    """One row of the grid: the month's totals, what came in from the month before (with
    rollover), and its gap against a fixed monthly sum (bottom-up per month only)."""

    month: dt.date
    plan_minor: int
    actual_minor: int
    carried_in_minor: int
    in_period: bool
    fixed_minor: int | None = None
    gap_status: str | None = None
    short_by_minor: int | None = None
    unallocated_minor: int | None = None

    @property
    def available_minor(self) -> int:
        return self.plan_minor + self.carried_in_minor

    @property
    def left_minor(self) -> int:
        return self.available_minor - self.actual_minor


@dataclass(frozen=True)
class BudgetGap:
    """The two sides of the budget. Bottom-up: a fixed sum (``fixed_minor``) against what the
    actions need; top-down: the actions' needs are the budget (``fixed_minor`` is None).
    ``lines_minor`` is what the budget lines plan (the grid's total)."""

    mode: str
    basis: str
    total_minor: int
    fixed_minor: int | None
    needed_minor: int
    lines_minor: int
    unbudgeted_actions: int
    status: str | None  # balanced | short | unallocated (bottom-up only)
    short_by_minor: int
    unallocated_minor: int

    @property
    def unplanned_in_lines_minor(self) -> int:
        """Top-down: what the actions need and the lines do not plan yet (>= 0)."""
        return max(0, self.needed_minor - self.lines_minor)


@dataclass(frozen=True)
class BudgetGrid:
    by: str
    months: list[GridMonth]
    columns: list[GridColumn]
    cells: dict[tuple[dt.date, str], GridCell]
    column_totals: dict[str, GridCell]
    plan_minor: int
    actual_minor: int
    rollover: bool
    gap: BudgetGap
    period_months: list[dt.date]
    action_channel: dict[int, int | None] = field(default_factory=dict)

    def cell(self, month: dt.date, key: str) -> GridCell:
        return self.cells.get((month, key), GridCell(None, 0))

    def column(self, key: str) -> GridColumn | None:
        return next((c for c in self.columns if c.key == key), None)

    def month_row(self, month: dt.date) -> GridMonth | None:
        return next((m for m in self.months if m.month == month), None)

    def attribute(self, channel_id: int | None, action_id: int | None) -> str:
        """The column an expense with this channel and action counts in."""
        return _attribute(channel_id, action_id, self.action_channel, {c.key for c in self.columns})


def _attribute(
    channel_id: int | None,
    action_id: int | None,
    action_channel: Mapping[int, int | None],
    keys: Container[str],
) -> str:
    if action_id is not None and f"a:{action_id}" in keys:
        return f"a:{action_id}"
    channel = budget_rules.effective_channel(channel_id, action_id, action_channel)
    if channel is not None and f"c:{channel}" in keys:
        return f"c:{channel}"
    return NO_CHANNEL


def _channels(plan: PlanFile) -> list[Row]:
    return _all(plan, "SELECT id, name FROM channel ORDER BY position, id")


def _lines(plan: PlanFile) -> list[Row]:
    rows = _all(
        plan,
        "SELECT id, month, channel_id, action_id, amount_minor FROM budget_line ORDER BY month, id",
    )
    for r in rows:
        r["month"] = month_start(_date(r["month"]) or dt.date.min)
    return rows


@dataclass(frozen=True)
class LinePlace:
    """Where a budget line sits in the grid: its month and column."""

    month: dt.date
    channel_id: int | None
    action_id: int | None

    @property
    def key(self) -> str:
        return column_key(self.channel_id, self.action_id)


def line_place(plan: PlanFile, line_id: int) -> LinePlace | None:
    """The grid cell of budget line ``line_id`` (None when there is no such line)."""
    found = _all(
        plan, "SELECT month, channel_id, action_id FROM budget_line WHERE id = :i", {"i": line_id}
    )
    if not found:
        return None
    month = _date(found[0]["month"])
    assert month is not None
    return LinePlace(month.replace(day=1), found[0]["channel_id"], found[0]["action_id"])


def budget_grid(plan: PlanFile, by: str = BY_CHANNEL, today: dt.date | None = None) -> BudgetGrid:
    """The budget as a grid of months × channels (``by="channel"``) or × actions."""
    today = today or dt.date.today()
    profile = queries.profile(plan)
    settings = queries.budget_settings(plan)
    start = month_start(profile.tactical_start or today)
    period = budget_rules.period_months(start, profile.tactical_months)
    actions = queries.actions(plan)
    channels = _channels(plan)
    lines = _lines(plan)
    spent = queries.expense_sums(plan)
    action_channel = {a.id: a.channel_id for a in actions}
    action_by_id = {a.id: a for a in actions}
    channel_names = {int(c["id"]): str(c["name"]) for c in channels}

    months = sorted(set(period) | {ln["month"] for ln in lines})
    shown = set(months)

    # Columns: the primary set first, then whatever a line or an expense needs.
    wanted: dict[str, GridColumn] = {}

    def channel_column(cid: int) -> GridColumn:
        return GridColumn(f"c:{cid}", BY_CHANNEL, cid, channel_names.get(cid, f"#{cid}"))

    def action_column(aid: int) -> GridColumn:
        a = action_by_id.get(aid)
        if a is None:
            return GridColumn(f"a:{aid}", BY_ACTION, aid, f"#{aid}")
        return GridColumn(
            f"a:{aid}", BY_ACTION, aid, a.title, channel_name=a.channel_name, status=a.status
        )

    if by == BY_ACTION:
        for a in actions:
            if a.status != ActionStatus.CANCELLED:
                wanted[f"a:{a.id}"] = action_column(a.id)
    else:
        for cid in channel_names:
            wanted[f"c:{cid}"] = channel_column(cid)
    for ln in lines:
        key = column_key(ln["channel_id"], ln["action_id"])
        if key not in wanted and key != NO_CHANNEL:
            aid, cid = ln["action_id"], ln["channel_id"]
            wanted[key] = action_column(aid) if aid is not None else channel_column(cid)
    for e in spent:  # each sum is dated the first of its month
        if e.date not in shown:
            continue
        if e.action_id is not None and by == BY_ACTION and f"a:{e.action_id}" not in wanted:
            wanted[f"a:{e.action_id}"] = action_column(e.action_id)
            continue
        key = _attribute(e.channel_id, e.action_id, action_channel, wanted)
        if key == NO_CHANNEL:
            channel = budget_rules.effective_channel(e.channel_id, e.action_id, action_channel)
            if channel is not None:
                wanted[f"c:{channel}"] = channel_column(channel)
    keys = set(wanted)

    plan_cells: dict[tuple[dt.date, str], int] = {}
    for ln in lines:
        k = (ln["month"], column_key(ln["channel_id"], ln["action_id"]))
        plan_cells[k] = plan_cells.get(k, 0) + int(ln["amount_minor"])
    actual_cells: dict[tuple[dt.date, str], int] = {}
    for e in spent:
        m = e.date
        if m not in shown:
            continue
        k = (m, _attribute(e.channel_id, e.action_id, action_channel, keys))
        actual_cells[k] = actual_cells.get(k, 0) + e.amount_minor
    if any(k == NO_CHANNEL for _m, k in actual_cells):
        wanted[NO_CHANNEL] = GridColumn(NO_CHANNEL, NO_CHANNEL, None, "")

    # Channels first, then actions (or the other way round), then the no-channel column.
    first, second = (BY_ACTION, BY_CHANNEL) if by == BY_ACTION else (BY_CHANNEL, BY_ACTION)
    order = {first: 0, second: 1, NO_CHANNEL: 2}
    position = {a.id: i for i, a in enumerate(actions)}
    channel_pos = {cid: i for i, cid in enumerate(channel_names)}

    def sort_key(c: GridColumn) -> tuple[int, int]:
        if c.kind == BY_ACTION:
            return order[c.kind], position.get(c.ident or 0, 10**9)
        if c.kind == BY_CHANNEL:
            return order[c.kind], channel_pos.get(c.ident or 0, 10**9)
        return order[c.kind], 0

    columns = sorted(wanted.values(), key=sort_key)

    cells: dict[tuple[dt.date, str], GridCell] = {}
    for m in months:
        for c in columns:
            plan_value = plan_cells.get((m, c.key))
            actual = actual_cells.get((m, c.key), 0)
            if plan_value is not None or actual:
                cells[(m, c.key)] = GridCell(plan_value, actual)
    column_totals = {
        c.key: GridCell(
            sum(cells[(m, c.key)].plan_minor or 0 for m in months if (m, c.key) in cells)
            if any((m, c.key) in plan_cells for m in months)
            else None,
            sum(cells[(m, c.key)].actual_minor for m in months if (m, c.key) in cells),
        )
        for c in columns
    }

    line_facts = [
        budget_rules.LineFacts(
            ln["month"], int(ln["amount_minor"]), ln["channel_id"], ln["action_id"]
        )
        for ln in lines
    ]
    month_rows = budget_rules.month_rows(line_facts, spent, months, settings.rollover)
    bottom_up = settings.mode == BudgetMode.BOTTOM_UP
    per_month = bottom_up and settings.basis == BudgetBasis.PER_MONTH
    period_set = set(period)
    grid_months: list[GridMonth] = []
    for r in month_rows:
        mgap = budget_rules.BudgetGap(settings.total_minor, r.planned_minor) if per_month else None
        in_period = r.month in period_set
        grid_months.append(
            GridMonth(
                r.month,
                r.planned_minor,
                r.actual_minor,
                r.carried_in_minor,
                in_period,
                mgap.fixed_minor if mgap and in_period else None,
                str(mgap.status) if mgap and in_period else None,
                mgap.short_by_minor if mgap and in_period else None,
                mgap.unallocated_minor if mgap and in_period else None,
            )
        )
    needed = [a.budget_minor for a in actions if a.status != ActionStatus.CANCELLED]
    overall = budget_rules.budget_gap(settings.total_minor, settings.basis, len(period), needed)
    lines_in_period = sum(r.plan_minor for r in grid_months if r.in_period)
    gap = BudgetGap(
        mode=settings.mode,
        basis=settings.basis,
        total_minor=settings.total_minor,
        fixed_minor=overall.fixed_minor if bottom_up else None,
        needed_minor=overall.needed_minor,
        lines_minor=lines_in_period,
        unbudgeted_actions=overall.unbudgeted_actions,
        status=str(overall.status) if bottom_up else None,
        short_by_minor=overall.short_by_minor if bottom_up else 0,
        unallocated_minor=overall.unallocated_minor if bottom_up else 0,
    )
    return BudgetGrid(
        by=by,
        months=grid_months,
        columns=columns,
        cells=cells,
        column_totals=column_totals,
        plan_minor=sum(r.plan_minor for r in grid_months),
        actual_minor=sum(r.actual_minor for r in grid_months),
        rollover=settings.rollover,
        gap=gap,
        period_months=period,
        action_channel=action_channel,
    )


# --- expenses ---------------------------------------------------------------------------------

_EXPENSE_SQL = """
SELECT e.id, e.date, e.amount_minor, e.is_refund, e.channel_id, e.action_id, e.hypothesis_id,
       e.payee, e.note, e.import_key, c.name AS channel_name, a.title AS action_title,
       a.channel_id AS action_channel_id, ac.name AS action_channel_name,
       h.title AS hypothesis_title
FROM expense e
LEFT JOIN channel c ON c.id = e.channel_id
LEFT JOIN action a ON a.id = e.action_id
LEFT JOIN channel ac ON ac.id = a.channel_id
LEFT JOIN hypothesis h ON h.id = e.hypothesis_id
{where}
ORDER BY e.date DESC, e.id DESC
"""


def _expense_rows(
    plan: PlanFile, where: str = "", params: Mapping[str, Any] | None = None
) -> list[Row]:
    rows = _all(plan, _EXPENSE_SQL.format(where=where), params)
    for r in rows:
        r["date"] = _date(r["date"])
        r["is_refund"] = bool(r["is_refund"])
        r["payee"] = r["payee"] or ""
        r["note"] = r["note"] or ""
        r["imported"] = r.pop("import_key") is not None
        # The channel the money counts for: its own, else its action's.
        r["effective_channel_id"] = (
            r["channel_id"] if r["channel_id"] is not None else r["action_channel_id"]
        )
        r["effective_channel_name"] = (
            r["channel_name"] if r["channel_id"] is not None else r["action_channel_name"]
        )
    return rows


def expense_rows(plan: PlanFile) -> list[Row]:
    """Every expense, newest first, with the names it refers to (one statement)."""
    return _expense_rows(plan)


def cell_expenses(
    plan: PlanFile, grid: BudgetGrid, month: dt.date | None, key: str | None
) -> list[Row]:
    """The expenses behind a figure of ``grid``: one cell (``month`` and ``key``), a month's
    total (``key`` None), a column's total (``month`` None) or everything the grid shows."""
    months = [m.month for m in grid.months] if month is None else [month_start(month)]
    if not months:
        return []
    first, last = min(months), month_end(max(months))
    rows = _expense_rows(
        plan,
        "WHERE e.date >= :first AND e.date <= :last",
        {"first": first.isoformat(), "last": last.isoformat()},
    )
    wanted = set(months)
    out = []
    for r in rows:
        if month_start(r["date"]) not in wanted:
            continue
        if key is not None and grid.attribute(r["channel_id"], r["action_id"]) != key:
            continue
        out.append(r)
    return out


@dataclass(frozen=True)
class ExpenseFilter:
    """What the ledger shows. ``channel_id``: the effective channel (0: none); ``action_id``
    and ``hypothesis_id`` likewise (0: none); ``text`` is looked up in payee and note;
    ``ids``: only these rows (a drill-down)."""

    text: str = ""
    first: dt.date | None = None
    last: dt.date | None = None
    channel_id: int | None = None
    action_id: int | None = None
    hypothesis_id: int | None = None
    refunds_only: bool = False
    ids: frozenset[int] | None = None

    @property
    def active(self) -> bool:
        return self != ExpenseFilter()


@dataclass(frozen=True)
class ExpenseTotals:
    count: int
    total_minor: int  # net: refunds are negative
    spent_minor: int  # positive amounts only
    refunds_minor: int  # the refunds' sum (<= 0)
    refunds: int


def _matches_ref(value: int | None, wanted: int | None) -> bool:
    if wanted is None:
        return True
    if wanted == 0:
        return value is None
    return value == wanted


def filter_expenses(rows: Iterable[Row], flt: ExpenseFilter) -> tuple[list[Row], ExpenseTotals]:
    """The rows that pass ``flt`` and their totals."""
    needle = flt.text.strip().casefold()
    out = []
    for r in rows:
        if flt.ids is not None and r["id"] not in flt.ids:
            continue
        day = r["date"]
        if flt.first is not None and (day is None or day < flt.first):
            continue
        if flt.last is not None and (day is None or day > flt.last):
            continue
        if not _matches_ref(r.get("effective_channel_id"), flt.channel_id):
            continue
        if not _matches_ref(r.get("action_id"), flt.action_id):
            continue
        if not _matches_ref(r.get("hypothesis_id"), flt.hypothesis_id):
            continue
        if flt.refunds_only and not r.get("is_refund"):
            continue
        if needle and not any(
            needle in str(r.get(k) or "").casefold()
            for k in ("payee", "note", "channel_name", "action_title")
        ):
            continue
        out.append(r)
    return out, expense_totals(out)


def expense_totals(rows: Iterable[Row]) -> ExpenseTotals:
    count = total = spent = refunds = refund_count = 0
    for r in rows:
        amount = int(r["amount_minor"])
        count += 1
        total += amount
        if r.get("is_refund"):
            refunds += amount
            refund_count += 1
        else:
            spent += amount
    return ExpenseTotals(count, total, spent, refunds, refund_count)


# --- budget edits -----------------------------------------------------------------------------


@dataclass(frozen=True)
class CellValue:
    """One cell to set: the month, the channel or the action, and the amount (None: clear)."""

    month: dt.date
    channel_id: int | None
    action_id: int | None
    amount_minor: int | None


def set_cells_edit(plan: PlanFile, cells: Sequence[CellValue], label: str = "") -> Edit | None:
    """One edit (one undo step) that makes each cell plan exactly its amount: the cell's line
    is updated (or made), a cleared cell's lines are deleted, duplicates of a line are folded
    into one. None when nothing would change. A negative amount is refused for every cell
    (``DomainError`` listing each, ``negative_money`` {value, month, channel_id, action_id})."""
    problems = []
    for c in cells:
        if c.channel_id is None and c.action_id is None:
            problems.append(Problem("channel_id", "channel_or_action_required"))
        elif c.amount_minor is not None and c.amount_minor < 0:
            problems.append(
                Problem(
                    "amount_minor",
                    "negative_money",
                    {
                        "value": c.amount_minor,
                        "month": month_start(c.month),
                        "channel_id": c.channel_id,
                        "action_id": c.action_id,
                    },
                )
            )
    if problems:
        raise DomainError(problems)
    existing: dict[tuple[dt.date, int | None, int | None], list[Row]] = {}
    for ln in _lines(plan):
        key = (ln["month"], ln["channel_id"], ln["action_id"])
        existing.setdefault(key, []).append(ln)
    edits: list[Edit] = []
    seen: set[tuple[dt.date, int | None, int | None]] = set()
    for c in cells:
        key = (month_start(c.month), c.channel_id if c.action_id is None else None, c.action_id)
        if key in seen:
            continue
        seen.add(key)
        found = existing.get(key, [])
        if c.amount_minor is None:
            edits.extend(DeleteRow(BudgetLine, ln["id"]) for ln in found)
            continue
        if not found:
            edits.append(
                InsertRow(
                    BudgetLine,
                    {
                        "month": key[0],
                        "channel_id": key[1],
                        "action_id": key[2],
                        "amount_minor": c.amount_minor,
                    },
                )
            )
            continue
        keep, *extra = found
        if int(keep["amount_minor"]) != c.amount_minor:
            edits.append(UpdateRow(BudgetLine, keep["id"], {"amount_minor": c.amount_minor}))
        edits.extend(DeleteRow(BudgetLine, ln["id"]) for ln in extra)
    if not edits:
        return None
    if not label:
        label = "edit_budget_cell" if len(seen) == 1 else "paste_budget"
    return Composite(label, edits)


def settings_edit(plan: PlanFile, **changes: Any) -> Edit:
    """Change the budget's settings (``mode``, ``basis``, ``total_minor``, ``rollover``);
    makes the settings row when the plan has none."""
    rows = _all(plan, "SELECT id FROM budget ORDER BY id LIMIT 1")
    label = "edit_rollover" if set(changes) == {"rollover"} else "edit_budget"
    if rows:
        return UpdateRow(Budget, rows[0]["id"], changes, label=label)
    return InsertRow(Budget, {"id": 1, **changes}, label=label)


def expense_amount_edit(plan: PlanFile, expense_id: int, amount_minor: int) -> Edit:
    """Set an expense's amount. A refund's amount is stored negative whatever sign is typed;
    a negative amount on an expense that is not a refund is refused (``negative_not_refund``)."""
    rows = _all(plan, "SELECT is_refund FROM expense WHERE id = :id", {"id": expense_id})
    if not rows:
        raise DomainError([Problem("id", "not_found", {"table": "expense", "id": expense_id})])
    if bool(rows[0]["is_refund"]):
        amount_minor = -abs(amount_minor)
    elif amount_minor < 0:
        raise DomainError([Problem("amount_minor", "negative_not_refund", {"value": amount_minor})])
    return UpdateRow(Expense, expense_id, {"amount_minor": amount_minor}, label="edit_expense")


def refund_edit(plan: PlanFile, expense_id: int, is_refund: bool) -> Edit:
    """Mark an expense as a refund (its amount turns negative) or back (positive), one step."""
    rows = _all(plan, "SELECT amount_minor FROM expense WHERE id = :id", {"id": expense_id})
    if not rows:
        raise DomainError([Problem("id", "not_found", {"table": "expense", "id": expense_id})])
    amount = abs(int(rows[0]["amount_minor"]))
    return UpdateRow(
        Expense,
        expense_id,
        {"is_refund": is_refund, "amount_minor": -amount if is_refund else amount},
        label="mark_refund" if is_refund else "unmark_refund",
    )


def new_expense_values(
    day: dt.date,
    amount_minor: int = 0,
    *,
    channel_id: int | None = None,
    action_id: int | None = None,
    hypothesis_id: int | None = None,
    payee: str = "",
    note: str = "",
    is_refund: bool = False,
) -> Row:
    """The values of a typed-in expense (a refund is stored negative)."""
    if is_refund:
        amount_minor = -abs(amount_minor)
    elif amount_minor < 0:
        raise DomainError([Problem("amount_minor", "negative_not_refund", {"value": amount_minor})])
    return {
        "date": day,
        "amount_minor": amount_minor,
        "is_refund": is_refund,
        "channel_id": channel_id,
        "action_id": action_id,
        "hypothesis_id": hypothesis_id,
        "payee": payee,
        "note": note,
    }


# --- control points ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ControlRow:
    """A control point in the period (of its cadence) holding ``today``."""

    id: int
    target: str
    channel_id: int | None
    action_id: int | None
    subject: str | None  # the channel's name or the action's title (None: whole budget)
    controller_id: int | None
    controller: str | None
    cadence: str
    limit_minor: int
    next_due: dt.date | None
    note: str
    period_start: dt.date
    period_end: dt.date
    spent_minor: int
    left_minor: int
    percent: float | None
    status: str
    flags: tuple[str, ...]
    last_check: dt.date | None
    last_verdict: str | None
    days_in_period: int
    elapsed_days: int
    remaining_days: int
    projected_minor: int | None  # at the current pace, by the period's end
    daily_allowance_minor: int | None  # recommended daily spend for the rest of the period
    days_late: int = 0

    @property
    def needs_attention(self) -> bool:
        return ControlStatus.OVER in self.flags or ControlStatus.OVERDUE in self.flags

    @property
    def projected_over(self) -> bool:
        return self.projected_minor is not None and self.projected_minor > self.limit_minor


_STATUS_ORDER = {
    ControlStatus.OVER.value: 0,
    ControlStatus.OVERDUE.value: 1,
    ControlStatus.UNPLANNED.value: 2,
    ControlStatus.WARNING.value: 3,
    ControlStatus.OK.value: 4,
}


def _concerns(p: queries.ControlFacts, channel_id: int | None, action_id: int | None) -> bool:
    if p.target == ControlTarget.CHANNEL:
        return channel_id is not None and channel_id == p.channel_id
    if p.target == ControlTarget.ACTION:
        return action_id is not None and action_id == p.action_id
    return True


@dataclass(frozen=True)
class EvaluatedPoint:
    """A control point with its evaluation (status, flags) and pace, as of a day."""

    facts: queries.ControlFacts
    evaluation: control_rules.ControlEvaluation
    pace: control_rules.Pace

    @property
    def subject(self) -> str | None:
        """The channel's or action's name (None for the whole budget)."""
        p = self.facts
        if p.target == ControlTarget.CHANNEL:
            return p.channel_name
        return p.action_title if p.target == ControlTarget.ACTION else None


def evaluate_points(
    plan: PlanFile,
    today: dt.date,
    action_channel: Mapping[int, int | None] | None = None,
) -> list[EvaluatedPoint]:
    """Every control point evaluated on ``today`` (the control page's rows and ``summary``'s
    control points): spend against the limit, checks overdue, unplanned spend, pace."""
    points = queries.control_points(plan, today)
    if not points:
        return []
    if action_channel is None:
        action_channel = {a.id: a.channel_id for a in queries.actions(plan)}
    first = min(p.period_start for p in points)
    last = max(p.period_end for p in points)
    unplanned = control_rules.unplanned_spend(
        queries.expense_sums(plan, first, last),
        queries.line_sums(plan, month_start(first), month_start(last)),
        action_channel,
    )
    out = []
    for p in points:
        months = {month_start(p.period_start), month_start(p.period_end)}
        is_unplanned = any(
            u.month in months and _concerns(p, u.channel_id, u.action_id) for u in unplanned
        )
        ev = control_rules.evaluate(
            p.limit_minor,
            p.spent_minor,
            today=today,
            next_due=p.next_due,
            last_check=p.last_check,
            unplanned=is_unplanned,
        )
        pc = control_rules.pace(p.limit_minor, p.spent_minor, p.period_start, p.period_end, today)
        out.append(EvaluatedPoint(p, ev, pc))
    return out


def control_rows(plan: PlanFile, today: dt.date | None = None) -> list[ControlRow]:
    """Every control point with its status and pace, the most pressing first (over, overdue,
    unplanned, warning, ok), then by next due date."""
    today = today or dt.date.today()
    evaluated = evaluate_points(plan, today)
    if not evaluated:
        return []
    verdicts = {
        int(r["control_point_id"]): r["verdict"]
        for r in _all(
            plan,
            "SELECT k.control_point_id, k.verdict FROM control_check k "
            "WHERE k.id = (SELECT k2.id FROM control_check k2 "
            "WHERE k2.control_point_id = k.control_point_id ORDER BY k2.date DESC, k2.id DESC "
            "LIMIT 1)",
        )
    }
    out = []
    for point in evaluated:
        p, ev, pc, subject = point.facts, point.evaluation, point.pace, point.subject
        late = (today - p.next_due).days if ControlStatus.OVERDUE in ev.flags and p.next_due else 0
        out.append(
            ControlRow(
                id=p.id,
                target=p.target,
                channel_id=p.channel_id,
                action_id=p.action_id,
                subject=subject,
                controller_id=p.controller_id,
                controller=p.controller_name,
                cadence=p.cadence,
                limit_minor=p.limit_minor,
                next_due=p.next_due,
                note=p.note,
                period_start=p.period_start,
                period_end=p.period_end,
                spent_minor=p.spent_minor,
                left_minor=ev.left_minor,
                percent=ev.percent,
                status=str(ev.status),
                flags=tuple(str(f) for f in ev.flags),
                last_check=p.last_check,
                last_verdict=verdicts.get(p.id),
                days_in_period=pc.days_in_period,
                elapsed_days=pc.elapsed_days,
                remaining_days=pc.remaining_days,
                projected_minor=pc.projected_minor,
                daily_allowance_minor=pc.daily_allowance_minor,
                days_late=late,
            )
        )
    far = dt.date.max
    out.sort(key=lambda r: (_STATUS_ORDER.get(r.status, 9), r.next_due or far, r.id))
    return out


def control_alerts(plan: PlanFile, today: dt.date | None = None) -> list[ControlRow]:
    """The control points that are over their limit or whose check is overdue (for the
    banner shown on opening a plan and for the overview), most pressing first."""
    return [r for r in control_rows(plan, today) if r.needs_attention]


def control_checks(plan: PlanFile, point_id: int | None = None) -> list[Row]:
    """The checks recorded (of one point, or all), newest first, with the person's name."""
    where = "WHERE k.control_point_id = :point" if point_id is not None else ""
    rows = _all(
        plan,
        f"""
        SELECT k.id, k.control_point_id, k.date, k.person_id, p.name AS person_name,
               k.plan_minor, k.actual_minor, k.verdict, k.comment
        FROM control_check k LEFT JOIN person p ON p.id = k.person_id
        {where}
        ORDER BY k.date DESC, k.id DESC
        """,
        {"point": point_id},
    )
    for r in rows:
        r["date"] = _date(r["date"])
        r["comment"] = r["comment"] or ""
    return rows


def advance_due(cadence: Cadence | str, due: dt.date | None, checked: dt.date) -> dt.date:
    """The next due date after a check made on ``checked``: the current due date moved on by
    one period of the cadence (a month keeps a month-end due date at the month's end), and
    further until it lies after the check (missed periods are skipped). Without a due date:
    the first day of the period after the check's."""
    if due is None:
        return control_rules.next_period_start(cadence, checked)

    def step(day: dt.date) -> dt.date:
        if cadence == Cadence.DAILY:
            return day + dt.timedelta(days=1)
        if cadence == Cadence.WEEKLY:
            return day + dt.timedelta(days=7)
        if cadence == Cadence.MONTHLY:
            nxt = add_months(day, 1)
            return month_end(nxt) if day == month_end(day) else nxt
        raise ValueError(f"unknown cadence: {cadence!r}")

    nxt = step(due)
    while nxt <= checked:
        nxt = step(nxt)
    return nxt


@dataclass(frozen=True)
class CheckProposal:
    """What a check made on ``day`` records unless the user changes it."""

    point_id: int
    day: dt.date
    plan_minor: int
    actual_minor: int
    verdict: str
    next_due: dt.date
    period_start: dt.date
    period_end: dt.date


def propose_check(plan: PlanFile, point_id: int, day: dt.date) -> CheckProposal:
    """The plan (the limit), the actual (spent in the period holding ``day``), the verdict of
    the money (over, unplanned, warning or ok: the check itself ends an overdue) and the next
    due date of a check of ``point_id`` made on ``day``."""
    rows = [r for r in control_rows(plan, day) if r.id == point_id]
    if not rows:
        raise DomainError([Problem("id", "not_found", {"table": "control_point", "id": point_id})])
    r = rows[0]
    money_flags = [f for f in r.flags if f != ControlStatus.OVERDUE]
    verdict = money_flags[0] if money_flags else ControlStatus.OK.value
    return CheckProposal(
        point_id=point_id,
        day=day,
        plan_minor=r.limit_minor,
        actual_minor=r.spent_minor,
        verdict=verdict,
        next_due=advance_due(r.cadence, r.next_due, day),
        period_start=r.period_start,
        period_end=r.period_end,
    )


def check_edit(
    plan: PlanFile,
    point_id: int,
    *,
    day: dt.date,
    person_id: int | None,
    comment: str = "",
    verdict: str | None = None,
    next_due: dt.date | None = None,
) -> Edit:
    """Record a check of a control point made on ``day`` by ``person_id`` (plan, actual and
    verdict as :func:`propose_check` finds them unless ``verdict`` is given) and move the
    point's next due date on (``next_due`` overrides it): one undo step."""
    proposal = propose_check(plan, point_id, day)
    return Composite(
        "record_control_check",
        [
            InsertRow(
                ControlCheck,
                {
                    "control_point_id": point_id,
                    "date": day,
                    "person_id": person_id,
                    "plan_minor": proposal.plan_minor,
                    "actual_minor": proposal.actual_minor,
                    "verdict": verdict or proposal.verdict,
                    "comment": comment,
                },
            ),
            UpdateRow(ControlPoint, point_id, {"next_due": next_due or proposal.next_due}),
        ],
    )


# --- channel results --------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultRow:
    """One channel's figures (of a month, or summed over months) and their KPIs."""

    channel_id: int
    channel_name: str
    result_id: int | None  # the channel_result row (None: no figures typed for the month)
    months: int
    spend_entered_minor: int | None  # typed in; None: taken from the expenses
    figures: kpi_rules.ChannelFigures
    kpis: kpi_rules.ChannelKpis

    @property
    def has_figures(self) -> bool:
        return self.result_id is not None or self.months > 0

    def as_row(self) -> Row:
        f, k = self.figures, self.kpis
        return {
            "id": self.result_id,
            "channel_id": self.channel_id,
            "channel_name": self.channel_name,
            "months": self.months,
            "spend_entered_minor": self.spend_entered_minor,
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


@dataclass(frozen=True)
class ResultsView:
    month: dt.date | None  # None: every month recorded
    rows: list[ResultRow]
    total: ResultRow
    hints: list[kpi_rules.ReallocationHint[int]]
    names: dict[int, str]


def result_months(plan: PlanFile, today: dt.date | None = None) -> list[dt.date]:
    """Months a results page can show, newest first: those with results, the tactical period's
    months up to the current one, and the current month."""
    today = today or dt.date.today()
    profile = queries.profile(plan)
    start = month_start(profile.tactical_start or today)
    current = month_start(today)
    period = [m for m in budget_rules.period_months(start, profile.tactical_months) if m <= current]
    stored = {
        month_start(_date(r["month"]) or current)
        for r in _all(plan, "SELECT DISTINCT month FROM channel_result")
    }
    return sorted(stored | set(period) | {current}, reverse=True)


def latest_result_month(plan: PlanFile) -> dt.date | None:
    """The newest month that has channel results (None: no results at all)."""
    rows = _all(plan, "SELECT max(month) AS month FROM channel_result")
    day = _date(rows[0]["month"]) if rows else None
    return month_start(day) if day is not None else None


def result_place(plan: PlanFile, result_id: int) -> tuple[int, dt.date] | None:
    """The channel and month of result row ``result_id`` (None when there is no such row)."""
    found = _all(
        plan, "SELECT channel_id, month FROM channel_result WHERE id = :i", {"i": result_id}
    )
    month = _date(found[0]["month"]) if found else None
    if month is None:
        return None
    return int(found[0]["channel_id"]), month


def result_rows(plan: PlanFile, month: dt.date | None) -> ResultsView:
    """Every channel's results of ``month`` (None: summed over every month recorded), spend
    typed in or else the month's expenses on the channel (its own or its actions'), with KPIs,
    spend shares (of the shown channels' total), a total row and the reallocation hints."""
    if month is None:
        totals = queries.channel_totals(plan)
        rows = [(c.id, c.name, None, c.months, None, c.figures) for c in totals]
    else:
        m = month_start(month)
        found = _all(
            plan,
            """
            SELECT c.id, c.name, r.id AS result_id, r.spend_minor AS spend_entered,
                   coalesce(r.spend_minor,
                       (SELECT coalesce(sum(e.amount_minor), 0)
                          FROM expense e LEFT JOIN action ea ON ea.id = e.action_id
                         WHERE e.date >= :first AND e.date <= :last
                           AND coalesce(e.channel_id, ea.channel_id) = c.id)) AS spend,
                   coalesce(r.impressions, 0) AS impressions, coalesce(r.clicks, 0) AS clicks,
                   coalesce(r.leads, 0) AS leads, coalesce(r.customers, 0) AS customers,
                   coalesce(r.revenue_minor, 0) AS revenue
            FROM channel c
            LEFT JOIN channel_result r ON r.channel_id = c.id AND r.month = :first
            ORDER BY c.position, c.id
            """,
            {"first": m.isoformat(), "last": month_end(m).isoformat()},
        )
        rows = [
            (
                int(r["id"]),
                str(r["name"]),
                r["result_id"],
                1 if r["result_id"] is not None else 0,
                r["spend_entered"],
                kpi_rules.ChannelFigures(
                    int(r["spend"] or 0),
                    int(r["impressions"]),
                    int(r["clicks"]),
                    int(r["leads"]),
                    int(r["customers"]),
                    int(r["revenue"]),
                ),
            )
            for r in found
        ]
    kpis = kpi_rules.kpis_by_channel({cid: figures for cid, *_rest, figures in rows})
    out = [
        ResultRow(cid, name, rid, months, entered, figures, kpis[cid])
        for cid, name, rid, months, entered, figures in rows
    ]
    total_figures = kpi_rules.total_figures(r.figures for r in out)
    total = ResultRow(
        0,
        "",
        None,
        max((r.months for r in out), default=0),
        None,
        total_figures,
        kpi_rules.channel_kpis(total_figures, total_figures.spend_minor),
    )
    hints = kpi_rules.reallocation_hints(
        {r.channel_id: kpi_rules.exact_cpl(r.figures) for r in out if r.has_figures}
    )
    return ResultsView(month, out, total, hints, {r.channel_id: r.channel_name for r in out})


def result_edit(
    plan: PlanFile, channel_id: int, month: dt.date, changes: Mapping[str, Any]
) -> Edit:
    """Type figures of a channel's month: the row is made on first use (one undo step)."""
    m = month_start(month)
    found = _all(
        plan,
        "SELECT id FROM channel_result WHERE channel_id = :c AND month = :m",
        {"c": channel_id, "m": m.isoformat()},
    )
    if found:
        return UpdateRow(ChannelResult, found[0]["id"], changes, label="edit_channel_result")
    return InsertRow(
        ChannelResult,
        {"channel_id": channel_id, "month": m, **changes},
        label="edit_channel_result",
    )


# --- hypotheses -------------------------------------------------------------------------------


def hypothesis_rows(plan: PlanFile, today: dt.date | None = None) -> list[Row]:
    """Every hypothesis with its channel, spend (its expenses) and state, newest first."""
    today = today or dt.date.today()
    rows = _all(
        plan,
        """
        SELECT h.id, h.title, h.channel_id, c.name AS channel_name, h.test_budget_minor,
               h.start, h."end", h.metric, h.threshold, h.result, h.decision, h.learned,
               coalesce((SELECT sum(e.amount_minor) FROM expense e
                         WHERE e.hypothesis_id = h.id), 0) AS spent_minor,
               (SELECT count(*) FROM expense e WHERE e.hypothesis_id = h.id) AS expenses
        FROM hypothesis h LEFT JOIN channel c ON c.id = h.channel_id
        ORDER BY coalesce(h.start, '9999-12-31') DESC, h.id DESC
        """,
    )
    for r in rows:
        r["start"] = _date(r["start"])
        r["end"] = _date(r["end"])
        r["metric"] = r["metric"] or ""
        r["learned"] = r["learned"] or ""
        r["state"] = str(hypothesis_state(r["start"], r["end"], r["decision"], today))
        r["left_minor"] = int(r["test_budget_minor"]) - int(r["spent_minor"])
        # Whether a higher result is better is not recorded (a cost per lead should fall,
        # new members should rise): the comparison is stated, not judged.
        r["vs_threshold"] = (
            None
            if r["result"] is None or r["threshold"] is None
            else (
                "above"
                if r["result"] > r["threshold"]
                else "below"
                if r["result"] < r["threshold"]
                else "equal"
            )
        )
    return rows


def hypothesis_expenses(plan: PlanFile, hypothesis_id: int) -> list[Row]:
    """The expenses booked on a hypothesis, newest first."""
    return _expense_rows(plan, "WHERE e.hypothesis_id = :h", {"h": hypothesis_id})


__all__ = [
    "BY_ACTION",
    "BY_CHANNEL",
    "NO_CHANNEL",
    "BudgetGap",
    "BudgetGrid",
    "CellValue",
    "CheckProposal",
    "ControlRow",
    "ExpenseFilter",
    "ExpenseTotals",
    "GridCell",
    "GridColumn",
    "GridMonth",
    "ResultRow",
    "ResultsView",
    "advance_due",
    "budget_grid",
    "cell_expenses",
    "check_edit",
    "column_key",
    "control_alerts",
    "control_checks",
    "control_rows",
    "expense_amount_edit",
    "expense_rows",
    "expense_totals",
    "filter_expenses",
    "hypothesis_expenses",
    "hypothesis_rows",
    "latest_result_month",
    "new_expense_values",
    "parse_column_key",
    "propose_check",
    "refund_edit",
    "result_edit",
    "result_months",
    "result_rows",
    "set_cells_edit",
    "settings_edit",
]
