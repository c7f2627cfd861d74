"""services.tactics: the tactical plan's read queries and edits, on real plan files."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.domain.errors import DomainError
from mktplanner.domain.tables import Action, Person
from mktplanner.services import edits, tactics
from mktplanner.services.demo import build_demo
from mktplanner.services.plans import new_plan
from mktplanner.services.summary import summarize
from mktplanner.store.planfile import PlanFile

D = dt.date
TODAY = D(2026, 11, 18)


@pytest.fixture()
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = new_plan(tmp_path / "t.mktplan", name="Shop", currency="USD", language="en")
    yield p
    p.close()


def add_action(plan: PlanFile, title: str = "A", **values: Any) -> int:
    edit = edits.InsertRow(Action, {"title": title, **values})
    edits.run(plan, edit)
    return int(edit.key)


def add_person(plan: PlanFile, name: str, **values: Any) -> int:
    edit = edits.InsertRow(Person, {"name": name, **values})
    edits.run(plan, edit)
    return int(edit.key)


def row_of(plan: PlanFile, action_id: int, today: dt.date = TODAY) -> dict[str, Any]:
    return next(r for r in tactics.action_rows(plan, today) if r["id"] == action_id)


# --- the period ----------------------------------------------------------------------------


def test_period_from_plan_and_its_edit_is_undoable(plan: PlanFile) -> None:
    pid = tactics.plan_id(plan)
    edit = tactics.set_period(pid, D(2026, 9, 17), 12)
    edits.run(plan, edit)
    p = tactics.period(plan, TODAY)
    assert (p.start, p.months, p.end) == (D(2026, 9, 1), 12, D(2027, 8, 31))
    assert p.month_starts[0] == D(2026, 9, 1) and p.month_starts[-1] == D(2027, 8, 1)
    assert edit.label == "edit_tactical_period"
    edits.undo(plan, edit)
    assert tactics.period(plan, TODAY).months == 6


def test_period_length_outside_6_to_12_is_refused(plan: PlanFile) -> None:
    with pytest.raises(DomainError) as err:
        edits.run(plan, tactics.set_period(tactics.plan_id(plan), months=13))
    assert err.value.problems[0].code == "out_of_range"


# --- flags -----------------------------------------------------------------------------------


def test_late_ownerless_and_budgetless_actions_are_flagged(plan: PlanFile) -> None:
    anna = add_person(plan, "Anna")
    late = add_action(
        plan, "Late", owner_id=anna, start=D(2026, 10, 1), due=D(2026, 11, 1), budget_minor=0
    )
    ownerless = add_action(
        plan, "Nobody", start=D(2026, 11, 1), due=D(2026, 12, 1), budget_minor=500
    )
    fine = add_action(
        plan, "Fine", owner_id=anna, start=D(2026, 11, 1), due=D(2026, 12, 1), budget_minor=500
    )
    done = add_action(plan, "Done", status="done", start=D(2026, 9, 1), due=D(2026, 10, 1))
    undated = add_action(plan, "Undated", owner_id=anna, budget_minor=100)
    assert row_of(plan, late)["flags"] == ("late",)
    assert row_of(plan, late)["late"] is True
    assert row_of(plan, ownerless)["flags"] == ("no_owner",)
    assert row_of(plan, fine)["flags"] == ()
    assert row_of(plan, done)["flags"] == ()  # finished work needs no attention
    assert row_of(plan, undated)["flags"] == ("no_dates",)
    due_today = add_action(plan, "Today", owner_id=anna, due=TODAY, budget_minor=1)
    assert row_of(plan, due_today)["flags"] == ()  # due today is not late yet


def test_owner_who_left_is_flagged_and_a_deleted_one_leaves_no_owner(plan: PlanFile) -> None:
    igor = add_person(plan, "Igor", active_to=D(2026, 10, 31))
    a = add_action(
        plan, "Posts", owner_id=igor, start=D(2026, 11, 1), due=D(2026, 12, 1), budget_minor=1
    )
    assert row_of(plan, a)["flags"] == ("owner_left",)
    delete = edits.DeleteRow(Person, igor)
    edits.run(plan, delete)
    row = row_of(plan, a)
    assert row["owner_id"] is None and row["owner_name"] is None
    assert row["flags"] == ("no_owner",)
    edits.undo(plan, delete)
    assert row_of(plan, a)["owner_name"] == "Igor"


# --- recurrence --------------------------------------------------------------------------------


def test_weekly_action_expands_across_a_month_and_a_year_boundary(plan: PlanFile) -> None:
    a = add_action(plan, "Posts", recurrence="weekly", start=D(2026, 12, 15), due=D(2027, 1, 12))
    assert row_of(plan, a)["occurrences"] == (
        D(2026, 12, 15),
        D(2026, 12, 22),
        D(2026, 12, 29),
        D(2027, 1, 5),
        D(2027, 1, 12),
    )


def test_monthly_action_keeps_its_day_clamped_to_month_end(plan: PlanFile) -> None:
    a = add_action(
        plan, "Newsletter", recurrence="monthly", start=D(2026, 12, 31), due=D(2027, 3, 31)
    )
    assert row_of(plan, a)["occurrences"] == (
        D(2026, 12, 31),
        D(2027, 1, 31),
        D(2027, 2, 28),
        D(2027, 3, 31),
    )
    one_off = add_action(plan, "Once", start=D(2026, 12, 1), due=D(2026, 12, 9))
    assert row_of(plan, one_off)["occurrences"] == ()


# --- the pick list ---------------------------------------------------------------------------


def test_pick_list_gives_each_occurrence_in_its_week_across_the_year_end(plan: PlanFile) -> None:
    posts = add_action(
        plan, "Posts", recurrence="weekly", start=D(2026, 12, 15), due=D(2027, 1, 12)
    )
    letter = add_action(
        plan, "Newsletter", recurrence="monthly", start=D(2026, 12, 31), due=D(2027, 3, 31)
    )
    event = add_action(plan, "Event", start=D(2026, 12, 28), due=D(2027, 1, 2))
    add_action(plan, "Cancelled", status="cancelled", start=D(2026, 12, 1), due=D(2027, 1, 31))
    add_action(plan, "Done", status="done", start=D(2026, 12, 1), due=D(2027, 1, 31))
    add_action(plan, "No dates")
    # 2026 has 53 ISO weeks: week 53 runs Mon Dec 28, 2026 .. Sun Jan 3, 2027.
    week53 = tactics.pick_list(plan, 2026, 53)
    assert [(i.action_id, i.occurrence_date) for i in week53] == [
        (event, None),
        (posts, D(2026, 12, 29)),
        (letter, D(2026, 12, 31)),
    ]
    assert week53[1].title == "Posts"
    week1 = tactics.pick_list(plan, 2027, 1)
    assert [(i.action_id, i.occurrence_date, i.late) for i in week1] == [
        (event, None, True),  # due on Jan 2 and still open
        (posts, D(2027, 1, 5), False),
    ]
    # February: the newsletter's occurrence clamped to the 28th (and the late event).
    assert [(i.action_id, i.occurrence_date) for i in tactics.pick_list(plan, 2027, 8)] == [
        (event, None),
        (letter, D(2027, 2, 28)),
    ]
    with pytest.raises(ValueError):
        tactics.pick_list(plan, 2027, 53)


def test_pick_list_one_date_stands_for_both(plan: PlanFile) -> None:
    only_due = add_action(plan, "Only due", due=D(2026, 11, 18))
    only_start = add_action(plan, "Only start", start=D(2026, 11, 16))
    items = tactics.pick_list(plan, 2026, 47)  # Nov 16..22
    assert {i.action_id for i in items} == {only_due, only_start}
    assert not any(i.late for i in items)
    # the week after, the one with a due date is late and still offered; the other ran once
    assert [(i.action_id, i.late) for i in tactics.pick_list(plan, 2026, 48)] == [(only_due, True)]


def test_pick_list_offers_late_open_work_first_but_no_past_occurrence(plan: PlanFile) -> None:
    late = add_action(plan, "Late", start=D(2026, 10, 1), due=D(2026, 10, 31))
    add_action(plan, "Late but done", status="done", start=D(2026, 10, 1), due=D(2026, 10, 31))
    add_action(plan, "Past posts", recurrence="weekly", start=D(2026, 10, 1), due=D(2026, 10, 29))
    now = add_action(plan, "Now", start=D(2026, 11, 16), due=D(2026, 11, 30))
    items = tactics.pick_list(plan, 2026, 47)
    assert [(i.action_id, i.occurrence_date, i.late) for i in items] == [
        (late, None, True),
        (now, None, False),
    ]
    assert tactics.pick_list(plan, 2026, 39) == []  # before anything started


# --- months --------------------------------------------------------------------------------------


def test_month_loads_spread_budgets_exactly(plan: PlanFile) -> None:
    edits.run(plan, tactics.set_period(tactics.plan_id(plan), D(2026, 10, 1), 6))
    a = add_action(
        plan, "Three months", start=D(2026, 10, 15), due=D(2026, 12, 10), budget_minor=1000
    )
    b = add_action(plan, "November", start=D(2026, 11, 1), due=D(2026, 11, 30), budget_minor=500)
    add_action(plan, "Cancelled", status="cancelled", start=D(2026, 11, 1), budget_minor=900)
    loads = tactics.month_loads(plan, TODAY)
    assert [m.month for m in loads][:3] == [D(2026, 10, 1), D(2026, 11, 1), D(2026, 12, 1)]
    assert [(m.action_ids, m.planned_budget_minor) for m in loads[:4]] == [
        ((a,), 334),
        ((a, b), 333 + 500),
        ((a,), 333),
        ((), 0),
    ]
    assert sum(m.planned_budget_minor for m in loads) == 1500


def test_month_loads_match_the_summary_on_the_demo(tmp_path: Path) -> None:
    path = tmp_path / "demo.mktplan"
    build_demo(path, "en", today=TODAY).close()
    p = PlanFile.open(path, read_only=True, backup=False)
    try:
        months = summarize(p, TODAY)["tactical"]["months"]
        loads = tactics.month_loads(p, TODAY)
    finally:
        p.close()
    assert len(months) == len(loads) == 6
    for m, load in zip(months, loads, strict=True):
        assert m["month"] == load.month.isoformat()
        assert sorted(x["id"] for x in m["actions"]) == sorted(load.action_ids)
        assert m["planned_budget_minor"] == load.planned_budget_minor
    assert any(load.planned_budget_minor > 0 for load in loads)


# --- edits and checks ------------------------------------------------------------------------------


def test_check_action_tells_why_without_writing(plan: PlanFile) -> None:
    a = add_action(plan, "A", start=D(2026, 11, 10), due=D(2026, 11, 20))
    before = row_of(plan, a)
    problems = tactics.check_action(plan, a, {"due": D(2026, 11, 1)})
    assert [(p.field, p.code) for p in problems] == [("due", "end_before_start")]
    problems = tactics.check_action(plan, a, {"budget_minor": -100})
    assert [(p.field, p.code) for p in problems] == [("budget_minor", "negative_money")]
    assert tactics.check_action(plan, a, {"title": ""})[0].code == "required"
    assert tactics.check_action(plan, a, {"due": D(2026, 12, 1), "budget_minor": 0}) == []
    assert tactics.check_action(plan, None, {"title": "New"}) == []
    assert tactics.check_action(plan, 999, {"title": "x"})[0].code == "not_found"
    assert row_of(plan, a) == before


def test_move_action_is_one_undoable_step(plan: PlanFile) -> None:
    a = add_action(plan, "A", start=D(2026, 11, 10), due=D(2026, 11, 20))
    start, due = tactics.shifted(D(2026, 11, 10), D(2026, 11, 20), 7)
    edit = tactics.move_action(a, start, due)
    edits.run(plan, edit)
    assert (row_of(plan, a)["start"], row_of(plan, a)["due"]) == (D(2026, 11, 17), D(2026, 11, 27))
    edits.undo(plan, edit)
    assert (row_of(plan, a)["start"], row_of(plan, a)["due"]) == (D(2026, 11, 10), D(2026, 11, 20))
    with pytest.raises(DomainError):
        edits.run(plan, tactics.move_action(a, D(2026, 11, 20), D(2026, 11, 1)))
    assert row_of(plan, a)["due"] == D(2026, 11, 20)


def test_shifted_keeps_start_before_due() -> None:
    s, d = D(2026, 11, 10), D(2026, 11, 20)
    assert tactics.shifted(s, d, -3) == (D(2026, 11, 7), D(2026, 11, 17))
    assert tactics.shifted(s, d, 4, "due") == (s, D(2026, 11, 24))
    assert tactics.shifted(s, d, -30, "due") == (s, s)  # the end stops at the start
    assert tactics.shifted(s, d, 30, "start") == (d, d)
    assert tactics.shifted(None, d, 2) == (None, D(2026, 11, 22))
    assert tactics.shifted(None, d, 2, "start") == (None, d)
    assert tactics.shifted(D(9999, 12, 30), None, 5) == (D(9999, 12, 30), None)


def test_new_action_values_are_valid(plan: PlanFile) -> None:
    values = tactics.new_action_values(title="New", today=TODAY, month=D(2027, 2, 1))
    assert (values["start"], values["due"]) == (D(2027, 2, 1), D(2027, 2, 28))
    assert tactics.check_action(plan, None, values) == []
    a = add_action(plan, **values)
    assert row_of(plan, a)["flags"] == ("no_owner", "no_budget")


# --- directions and reporting -------------------------------------------------------------------


def test_directions_with_counts_and_a_new_one(plan: PlanFile) -> None:
    rows = tactics.direction_rows(plan)
    assert [r["name"] for r in rows] == ["Marketing", "Sales", "Finance", "Production", "HR"]
    add_action(plan, "A", direction_id=rows[0]["id"], budget_minor=300)
    add_action(plan, "B", direction_id=rows[0]["id"], budget_minor=200, status="cancelled")
    first = tactics.direction_rows(plan)[0]
    assert (first["actions"], first["budget_minor"]) == (2, 300)
    color = tactics.next_color(r["color"] for r in rows)
    assert color == "#72B7B2"
    edit = tactics.add_direction("Logistics", color, len(rows))
    edits.run(plan, edit)
    assert tactics.direction_rows(plan)[-1]["name"] == "Logistics"
    assert edit.label == "add_direction"
    with pytest.raises(DomainError) as err:
        edits.run(plan, tactics.add_direction("Bad", "blue", 9))
    assert err.value.problems[0].code == "invalid_color"


def test_reporting_rules_are_read_and_edited(plan: PlanFile) -> None:
    pid = tactics.plan_id(plan)
    assert tactics.reporting(plan) == tactics.Reporting("", "", "", "")
    edit = tactics.set_reporting(pid, {"report_cadence": "monthly", "report_maker": "Maria"})
    edits.run(plan, edit)
    assert tactics.reporting(plan) == tactics.Reporting("monthly", "Maria", "", "")
    edits.undo(plan, edit)
    assert tactics.reporting(plan).cadence == ""
    with pytest.raises(DomainError):
        edits.run(plan, tactics.set_reporting(pid, {"report_cadence": "hourly"}))
    with pytest.raises(DomainError):
        tactics.set_reporting(pid, {"name": "x"})


def test_read_queries_cost_the_same_for_any_number_of_actions(plan: PlanFile) -> None:
    def cost() -> list[int]:
        counts = []
        for query in (
            lambda: tactics.action_rows(plan, TODAY),
            lambda: tactics.month_loads(plan, TODAY),
            lambda: tactics.pick_list(plan, 2026, 47),
            lambda: tactics.direction_rows(plan),
        ):
            before = plan.statements
            query()
            counts.append(plan.statements - before)
        return counts

    add_action(plan, "one", recurrence="weekly", start=D(2026, 11, 1), due=D(2026, 12, 31))
    small = cost()
    for i in range(40):
        add_action(plan, f"a{i}", recurrence="weekly", start=D(2026, 11, 1), due=D(2026, 12, 31))
    assert cost() == small
