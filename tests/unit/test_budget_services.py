"""services.budget: the budget grid, the drill-down, the ledger's filter, control points and their
checks, channel results and hypotheses, on real plan files (the demo and small made-up plans)."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.domain.errors import DomainError
from mktplanner.domain.tables import Action, BudgetLine, Channel, ControlPoint, Expense, Plan
from mktplanner.services import budget as b
from mktplanner.services import edits
from mktplanner.services.demo import FACTS, build_demo
from mktplanner.services.plans import new_plan
from mktplanner.services.summary import summarize
from mktplanner.store.planfile import PlanFile

D = dt.date
TODAY = D(2026, 11, 18)  # the demo's tactical period runs September..February
SEP, OCT, NOV, DEC = D(2026, 9, 1), D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 1)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("budget") / "demo.mktplan"
    build_demo(path, "en", today=TODAY).close()
    return path


@pytest.fixture()
def demo(demo_template: Path, tmp_path: Path) -> Iterator[PlanFile]:
    target = tmp_path / "demo.mktplan"
    shutil.copyfile(demo_template, target)
    p = PlanFile.open(target, backup=False)
    yield p
    p.close()


@pytest.fixture()
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = new_plan(tmp_path / "t.mktplan", name="Shop", currency="USD", language="en")
    edits.run(p, edits.UpdateRow(Plan, 1, {"tactical_start": SEP, "tactical_months": 6}))
    yield p
    p.close()


def add(plan: PlanFile, model: Any, **values: Any) -> int:
    edit = edits.InsertRow(model, values)
    edits.run(plan, edit)
    return int(edit.key)


def lines(plan: PlanFile) -> list[tuple[dt.date, int | None, int | None, int]]:
    return sorted(
        (ln["month"], ln["channel_id"], ln["action_id"], ln["amount_minor"])
        for ln in b._lines(plan)
    )


# --- the grid ----------------------------------------------------------------------------------


def test_grid_of_the_demo_matches_the_summary(demo: PlanFile) -> None:
    grid = b.budget_grid(demo, today=TODAY)
    s = summarize(demo, TODAY)["budget"]
    assert [m.month.isoformat() for m in grid.months] == [m["month"] for m in s["months"]]
    for row, month in zip(grid.months, s["months"], strict=True):
        assert (row.plan_minor, row.actual_minor) == (month["plan_minor"], month["actual_minor"])
        assert row.gap_status == month["gap_status"]
        # Every line and every expense of the month is in exactly one cell.
        cells = [grid.cell(row.month, c.key) for c in grid.columns]
        assert sum(c.plan_minor or 0 for c in cells) == row.plan_minor
        assert sum(c.actual_minor for c in cells) == row.actual_minor
    assert grid.plan_minor == s["plan_minor"] and grid.actual_minor == s["actual_minor"]
    assert grid.gap.short_by_minor == s["gap"]["short_by_minor"] == 100_00
    assert grid.gap.needed_minor == 4900_00 and grid.gap.fixed_minor == 4800_00


def test_grid_columns_channels_then_action_lines_then_no_channel(demo: PlanFile) -> None:
    grid = b.budget_grid(demo, today=TODAY)
    keys = [c.key for c in grid.columns]
    assert keys == ["c:1", "c:2", "c:3", "c:4", "a:9", b.NO_CHANNEL]
    # The loyalty cards are planned (and spent) on the action itself.
    assert grid.cell(SEP, "a:9") == b.GridCell(100_00, 100_00)
    # Context ads this month: 330 spent of 250 planned.
    cell = grid.cell(NOV, "c:1")
    assert cell == b.GridCell(250_00, 330_00) and cell.overspent
    # The menu printing has neither channel nor action: the no-channel column, no plan.
    assert grid.cell(OCT, b.NO_CHANNEL) == b.GridCell(None, 35_00)
    assert grid.column_totals["c:1"].plan_minor == 6 * 250_00


def test_grid_by_action_lists_every_live_action_and_the_channel_lines(demo: PlanFile) -> None:
    grid = b.budget_grid(demo, b.BY_ACTION, today=TODAY)
    kinds = [c.kind for c in grid.columns]
    assert kinds.index("channel") > max(i for i, k in enumerate(kinds) if k == "action")
    assert {f"a:{i}" for i in range(1, 15)} <= {c.key for c in grid.columns}
    # The context ads' spend is booked on action 1, which has a column now.
    assert grid.cell(NOV, "a:1").actual_minor == 330_00
    assert grid.cell(NOV, "c:1") == b.GridCell(250_00, 0)
    assert grid.actual_minor == b.budget_grid(demo, today=TODAY).actual_minor


def test_rollover_carries_the_rest_of_a_month(plan: PlanFile) -> None:
    ch = add(plan, Channel, name="Ads")
    for m, amount in ((SEP, 100_00), (OCT, 100_00), (NOV, 100_00)):
        add(plan, BudgetLine, month=m, channel_id=ch, amount_minor=amount)
    add(plan, Expense, date=D(2026, 9, 5), amount_minor=70_00, channel_id=ch)
    add(plan, Expense, date=D(2026, 10, 5), amount_minor=150_00, channel_id=ch)
    grid = b.budget_grid(plan, today=TODAY)
    assert [m.carried_in_minor for m in grid.months] == [0] * 6
    edits.run(plan, b.settings_edit(plan, rollover=True))
    grid = b.budget_grid(plan, today=TODAY)
    assert grid.rollover
    assert [m.carried_in_minor for m in grid.months][:4] == [0, 30_00, -20_00, 80_00]
    assert [m.left_minor for m in grid.months][:3] == [30_00, -20_00, 80_00]


def test_settings_edit_makes_the_row_when_missing(plan: PlanFile) -> None:
    with plan.transaction() as s:
        from sqlalchemy import text

        s.execute(text("DELETE FROM budget"))
    edit = b.settings_edit(plan, mode="top_down")
    edits.run(plan, edit)
    assert b.budget_grid(plan, today=TODAY).gap.mode == "top_down"
    edits.undo(plan, edit)
    assert b._all(plan, "SELECT * FROM budget") == []


def test_bottom_up_and_top_down_gaps(plan: PlanFile) -> None:
    add(plan, Action, title="A", budget_minor=700_00)
    add(plan, Action, title="B", budget_minor=540_00)
    add(plan, Action, title="C")  # no budget yet
    edits.run(plan, b.settings_edit(plan, total_minor=800_00, basis="per_period"))
    gap = b.budget_grid(plan, today=TODAY).gap
    assert (gap.status, gap.short_by_minor, gap.needed_minor) == ("short", 440_00, 1240_00)
    assert gap.unbudgeted_actions == 1
    edits.run(plan, b.settings_edit(plan, total_minor=1440_00))
    gap = b.budget_grid(plan, today=TODAY).gap
    assert (gap.status, gap.unallocated_minor) == ("unallocated", 200_00)
    edits.run(plan, b.settings_edit(plan, mode="top_down"))
    gap = b.budget_grid(plan, today=TODAY).gap
    assert gap.fixed_minor is None and gap.status is None
    assert gap.unplanned_in_lines_minor == 1240_00


# --- cells -------------------------------------------------------------------------------------


def test_pasting_a_block_is_one_undo_step(plan: PlanFile) -> None:
    a, c = add(plan, Channel, name="A"), add(plan, Channel, name="C")
    add(plan, BudgetLine, month=SEP, channel_id=a, amount_minor=5_00)
    before = lines(plan)
    edit = b.set_cells_edit(
        plan,
        [
            b.CellValue(SEP, a, None, 100_00),
            b.CellValue(SEP, c, None, 200_00),
            b.CellValue(OCT, a, None, 300_00),
            b.CellValue(OCT, c, None, None),  # an empty cell of the block: nothing there
        ],
    )
    assert edit is not None and edit.label == "paste_budget"
    edits.run(plan, edit)
    assert lines(plan) == [(SEP, a, None, 100_00), (SEP, c, None, 200_00), (OCT, a, None, 300_00)]
    edits.undo(plan, edit)
    assert lines(plan) == before


def test_clearing_a_cell_deletes_its_line_and_duplicates_fold(plan: PlanFile) -> None:
    a = add(plan, Channel, name="A")
    # NULL action ids do not collide in SQLite's unique index: two lines for one cell.
    add(plan, BudgetLine, month=SEP, channel_id=a, amount_minor=5_00)
    add(plan, BudgetLine, month=SEP, channel_id=a, amount_minor=7_00)
    assert b.budget_grid(plan, today=TODAY).cell(SEP, f"c:{a}").plan_minor == 12_00
    edit = b.set_cells_edit(plan, [b.CellValue(SEP, a, None, 20_00)])
    assert edit is not None and edit.label == "edit_budget_cell"
    edits.run(plan, edit)
    assert lines(plan) == [(SEP, a, None, 20_00)]
    clear = b.set_cells_edit(plan, [b.CellValue(SEP, a, None, None)])
    assert clear is not None
    edits.run(plan, clear)
    assert lines(plan) == []
    assert b.set_cells_edit(plan, [b.CellValue(SEP, a, None, None)]) is None


def test_a_negative_cell_refuses_the_whole_block(plan: PlanFile) -> None:
    a = add(plan, Channel, name="A")
    with pytest.raises(DomainError) as err:
        b.set_cells_edit(plan, [b.CellValue(SEP, a, None, 1_00), b.CellValue(OCT, a, None, -1)])
    assert [p.code for p in err.value.problems] == ["negative_money"]
    assert err.value.problems[0].params["month"] == OCT
    assert lines(plan) == []


def test_an_action_cell_books_the_line_on_the_action(plan: PlanFile) -> None:
    ch = add(plan, Channel, name="Ads")
    act = add(plan, Action, title="Campaign", channel_id=ch)
    edit = b.set_cells_edit(plan, [b.CellValue(SEP, None, act, 50_00)])
    assert edit is not None
    edits.run(plan, edit)
    assert lines(plan) == [(SEP, None, act, 50_00)]
    grid = b.budget_grid(plan, today=TODAY)
    assert grid.cell(SEP, f"a:{act}").plan_minor == 50_00


# --- drill-down and the ledger ---------------------------------------------------------------


def test_drill_down_lists_the_expenses_behind_each_figure(demo: PlanFile) -> None:
    grid = b.budget_grid(demo, today=TODAY)
    for month in grid.months:
        for col in grid.columns:
            rows = b.cell_expenses(demo, grid, month.month, col.key)
            assert (
                sum(r["amount_minor"] for r in rows) == grid.cell(month.month, col.key).actual_minor
            )
        month_rows = b.cell_expenses(demo, grid, month.month, None)
        assert sum(r["amount_minor"] for r in month_rows) == month.actual_minor
    nov = b.cell_expenses(demo, grid, NOV, "c:1")
    assert {r["payee"] for r in nov} == {"Google Ads"} and len(nov) == 3
    oct_refund = b.cell_expenses(demo, grid, OCT, "c:1")
    assert any(r["is_refund"] and r["amount_minor"] == -15_00 for r in oct_refund)
    column = b.cell_expenses(demo, grid, None, "a:9")
    assert [r["note"] for r in column] == ["Loyalty cards, 500 pcs"]


def test_filter_and_totals_of_the_ledger(demo: PlanFile) -> None:
    rows = b.expense_rows(demo)
    everything, totals = b.filter_expenses(rows, b.ExpenseFilter())
    assert totals.count == len(rows) and totals.total_minor == b.budget_grid(demo).actual_minor
    assert totals.refunds == 1 and totals.refunds_minor == -15_00
    assert totals.spent_minor + totals.refunds_minor == totals.total_minor
    ctx, t = b.filter_expenses(rows, b.ExpenseFilter(channel_id=1, first=NOV))
    assert t.total_minor == 330_00 and all(r["effective_channel_id"] == 1 for r in ctx)
    # The loyalty cards have no channel of their own nor through their action.
    none, _ = b.filter_expenses(rows, b.ExpenseFilter(channel_id=0))
    assert {r["note"] for r in none} == {"Loyalty cards, 500 pcs", "New menu printing"}
    found, _ = b.filter_expenses(rows, b.ExpenseFilter(text="PHOTO"))
    assert [r["payee"] for r in found] == ["E. Fox, photographer"]
    refunds, t = b.filter_expenses(rows, b.ExpenseFilter(refunds_only=True))
    assert t.count == 1 and refunds[0]["id"] == FACTS.expense_refund
    assert b.ExpenseFilter(text="x").active and not b.ExpenseFilter().active


def test_negative_amounts_only_for_refunds(demo: PlanFile) -> None:
    with pytest.raises(DomainError) as err:
        b.expense_amount_edit(demo, FACTS.expense_unplanned, -10_00)
    assert err.value.first.code == "negative_not_refund"
    with pytest.raises(DomainError):
        b.new_expense_values(TODAY, -1)
    # The refund stays negative whatever sign is typed.
    edit = b.expense_amount_edit(demo, FACTS.expense_refund, 20_00)
    edits.run(demo, edit)
    refund = next(r for r in b.expense_rows(demo) if r["id"] == FACTS.expense_refund)
    assert refund["amount_minor"] == -20_00
    assert b.new_expense_values(TODAY, 5_00, is_refund=True)["amount_minor"] == -5_00


def test_marking_a_refund_flips_the_sign_in_one_step(demo: PlanFile) -> None:
    edit = b.refund_edit(demo, FACTS.expense_unplanned, True)
    edits.run(demo, edit)
    row = next(r for r in b.expense_rows(demo) if r["id"] == FACTS.expense_unplanned)
    assert row["is_refund"] and row["amount_minor"] == -35_00
    edits.undo(demo, edit)
    row = next(r for r in b.expense_rows(demo) if r["id"] == FACTS.expense_unplanned)
    assert not row["is_refund"] and row["amount_minor"] == 35_00


# --- control points ----------------------------------------------------------------------------


def test_control_rows_match_the_summary_and_put_overspend_first(demo: PlanFile) -> None:
    rows = b.control_rows(demo, TODAY)
    summary = {c["id"]: c for c in summarize(demo, TODAY)["control_points"]}
    assert [r.id for r in rows] == [FACTS.control_over, FACTS.control_ok]
    for r in rows:
        s = summary[r.id]
        assert (r.status, list(r.flags), r.spent_minor) == (
            s["status"],
            s["flags"],
            s["spent_minor"],
        )
        assert r.projected_minor == s["pace"]["projected_minor"]
        assert r.daily_allowance_minor == s["pace"]["daily_allowance_minor"]
    over = rows[0]
    assert over.status == "over" and over.needs_attention and over.projected_over
    assert over.last_verdict == "ok" and over.subject == "Context ads"
    assert [r.id for r in b.control_alerts(demo, TODAY)] == [FACTS.control_over]


def test_an_overdue_check_needs_attention(demo: PlanFile) -> None:
    later = D(2026, 12, 3)  # both points were due on November 30
    rows = {r.id: r for r in b.control_rows(demo, later)}
    assert "overdue" in rows[FACTS.control_ok].flags and rows[FACTS.control_ok].days_late == 3
    assert {r.id for r in b.control_alerts(demo, later)} == {1, 2}


@pytest.mark.parametrize(
    ("cadence", "due", "checked", "expected"),
    [
        ("monthly", D(2026, 11, 30), D(2026, 11, 18), D(2026, 12, 31)),
        ("monthly", D(2026, 9, 30), D(2026, 11, 18), D(2026, 11, 30)),  # missed ones skipped
        ("monthly", D(2026, 1, 15), D(2026, 1, 15), D(2026, 2, 15)),
        ("weekly", D(2026, 11, 20), D(2026, 11, 18), D(2026, 11, 27)),
        ("daily", D(2026, 11, 17), D(2026, 11, 18), D(2026, 11, 19)),
        ("monthly", None, D(2026, 11, 18), D(2026, 12, 1)),
        ("weekly", None, D(2026, 11, 18), D(2026, 11, 23)),
    ],
)
def test_next_due_after_a_check(
    cadence: str, due: dt.date | None, checked: dt.date, expected: dt.date
) -> None:
    assert b.advance_due(cadence, due, checked) == expected


def test_recording_a_check_is_one_step_and_moves_the_due_date(demo: PlanFile) -> None:
    proposal = b.propose_check(demo, FACTS.control_over, TODAY)
    assert (proposal.plan_minor, proposal.actual_minor, proposal.verdict) == (
        250_00,
        330_00,
        "over",
    )
    edit = b.check_edit(demo, FACTS.control_over, day=TODAY, person_id=1, comment="Bids lowered")
    edits.run(demo, edit)
    checks = b.control_checks(demo, FACTS.control_over)
    assert checks[0]["date"] == TODAY and checks[0]["verdict"] == "over"
    assert checks[0]["comment"] == "Bids lowered" and checks[0]["person_name"] == "Anna Smith"
    assert (checks[0]["plan_minor"], checks[0]["actual_minor"]) == (250_00, 330_00)
    row = next(r for r in b.control_rows(demo, TODAY) if r.id == FACTS.control_over)
    assert row.next_due == D(2026, 12, 31) and row.last_check == TODAY
    edits.undo(demo, edit)
    assert len(b.control_checks(demo, FACTS.control_over)) == 2
    row = next(r for r in b.control_rows(demo, TODAY) if r.id == FACTS.control_over)
    assert row.next_due == D(2026, 11, 30)


def test_a_check_clears_overdue_and_the_verdict_can_be_chosen(demo: PlanFile) -> None:
    later = D(2026, 12, 3)
    edit = b.check_edit(demo, FACTS.control_ok, day=later, person_id=None, verdict="warning")
    edits.run(demo, edit)
    row = next(r for r in b.control_rows(demo, later) if r.id == FACTS.control_ok)
    assert "overdue" not in row.flags and row.next_due == D(2026, 12, 31)
    assert row.last_verdict == "warning"


def test_check_of_a_missing_point_is_refused(demo: PlanFile) -> None:
    with pytest.raises(DomainError) as err:
        b.check_edit(demo, 999, day=TODAY, person_id=None)
    assert err.value.first.code == "not_found"


def test_control_point_of_the_whole_budget(plan: PlanFile) -> None:
    ch = add(plan, Channel, name="Ads")
    add(plan, ControlPoint, target="budget", cadence="weekly", limit_minor=100_00)
    add(plan, Expense, date=D(2026, 11, 16), amount_minor=95_00, channel_id=ch)
    (row,) = b.control_rows(plan, TODAY)
    # 95 of 100 in the week (Mon 16 .. Sun 22), and no budget line: unplanned too.
    assert row.status == "unplanned" and row.flags == ("unplanned", "warning")
    assert (row.period_start, row.period_end) == (D(2026, 11, 16), D(2026, 11, 22))
    assert row.daily_allowance_minor == 5_00 // 4


# --- results and hypotheses -----------------------------------------------------------------------


def test_results_of_all_months_match_the_summary(demo: PlanFile) -> None:
    view = b.result_rows(demo, None)
    summary = {c["id"]: c for c in summarize(demo, TODAY)["channels"]}
    for r in view.rows:
        s = summary[r.channel_id]
        assert r.figures.spend_minor == s["spend_minor"] and r.kpis.cpl_minor == s["cpl_minor"]
    assert sum(r.kpis.spend_share or 0 for r in view.rows) == pytest.approx(1.0)
    assert view.total.figures.leads == sum(r.figures.leads for r in view.rows)
    first = view.hints[0]
    assert first.expensive == FACTS.channel_expensive
    assert view.names[first.expensive] == "Context ads"


def test_results_of_a_month_take_spend_from_the_expenses(demo: PlanFile) -> None:
    view = b.result_rows(demo, OCT)
    ctx = next(r for r in view.rows if r.channel_id == 1)
    assert ctx.result_id is not None and ctx.spend_entered_minor is None
    assert ctx.figures.spend_minor == 225_00  # 4 × 60 − the 15 refund
    outdoor = next(r for r in view.rows if r.channel_id == FACTS.channel_without_clicks)
    assert outdoor.kpis.cpc_minor is None and outdoor.kpis.ctr == 0
    assert ctx.as_row()["cpl_minor"] == ctx.kpis.cpl_minor


def test_typing_a_result_makes_the_month_row_once(demo: PlanFile) -> None:
    view = b.result_rows(demo, NOV)
    assert all(r.result_id is None for r in view.rows)
    edit = b.result_edit(demo, 1, D(2026, 11, 20), {"leads": 12})
    edits.run(demo, edit)
    again = b.result_edit(demo, 1, NOV, {"clicks": 300})
    edits.run(demo, again)
    ctx = next(r for r in b.result_rows(demo, NOV).rows if r.channel_id == 1)
    assert (ctx.figures.leads, ctx.figures.clicks, ctx.figures.spend_minor) == (12, 300, 330_00)
    assert ctx.kpis.cpl_minor == 27_50
    assert NOV in b.result_months(demo, TODAY)


def test_hypotheses_with_state_and_spend(demo: PlanFile) -> None:
    rows = {r["id"]: r for r in b.hypothesis_rows(demo, TODAY)}
    assert rows[FACTS.hypothesis_decided]["state"] == "decided"
    assert rows[FACTS.hypothesis_running]["state"] == "running"
    spent = rows[FACTS.hypothesis_running]["spent_minor"]
    assert spent == sum(
        e["amount_minor"] for e in b.hypothesis_expenses(demo, FACTS.hypothesis_running)
    )
    assert rows[FACTS.hypothesis_decided]["vs_threshold"] == "above"  # 42 members of 30
    assert rows[FACTS.hypothesis_running]["vs_threshold"] is None  # no result yet


def test_reads_cost_a_fixed_number_of_statements(demo: PlanFile) -> None:
    def cost(fn: Any) -> int:
        before = demo.statements
        fn()
        return demo.statements - before

    grid_cost = cost(lambda: b.budget_grid(demo, today=TODAY))
    control_cost = cost(lambda: b.control_rows(demo, TODAY))
    for i in range(30):
        add(demo, Expense, date=D(2026, 10, 1 + i % 28), amount_minor=1_00, channel_id=1 + i % 4)
        add(demo, ControlPoint, target="channel", channel_id=1 + i % 4, limit_minor=1_00)
    assert cost(lambda: b.budget_grid(demo, today=TODAY)) == grid_cost
    assert cost(lambda: b.control_rows(demo, TODAY)) == control_cost
