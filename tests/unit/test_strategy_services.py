"""Use cases of the strategy pages (services.strategy): every edit is one undo step that puts
the plan back exactly, moves keep the cards' order, a TOWS option becomes a goal linked to
both of its SWOT items, and the goals page's reads carry the SMART letters and progress."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import dump
from sqlalchemy import text

from mktplanner.domain.errors import DomainError
from mktplanner.services import strategy
from mktplanner.services.edits import Edit, run, undo
from mktplanner.services.plans import new_plan
from mktplanner.store.planfile import PlanFile


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = new_plan(tmp_path / "s.mktplan", name="Test", currency="EUR", language="en")
    yield p
    p.close()


def _board(plan: PlanFile) -> dict[str, list[str]]:
    with plan.session() as s:
        rows = s.execute(
            text("SELECT quadrant, text FROM swot_item ORDER BY quadrant, position, id")
        ).all()
    out: dict[str, list[str]] = {q: [] for q in "SWOT"}
    for q, t in rows:
        out[q].append(t)
    return out


def _ids(plan: PlanFile) -> dict[str, int]:
    with plan.session() as s:
        return {t: i for i, t in s.execute(text("SELECT id, text FROM swot_item")).all()}


def _add(plan: PlanFile, quadrant: str, *texts: str) -> list[int]:
    made = []
    for t in texts:
        edit = strategy.add_swot_item(plan, quadrant, t)
        run(plan, edit)
        made.append(edit.key)
    return made


def _undo_restores(plan: PlanFile, edit: Edit) -> None:
    """Run ``edit``, undo it (the file as before), redo it (as after)."""
    before = dump(plan.path)
    run(plan, edit)
    after = dump(plan.path)
    assert after != before
    undo(plan, edit)
    assert dump(plan.path) == before
    run(plan, edit)
    assert dump(plan.path) == after


# --- SWOT ------------------------------------------------------------------------------------


def test_add_appends_to_its_quadrant_and_trims(plan: PlanFile) -> None:
    _add(plan, "S", "Fast Wi-Fi", "  Good beans  ")
    _add(plan, "T", "Rent goes up")
    assert _board(plan) == {
        "S": ["Fast Wi-Fi", "Good beans"],
        "W": [],
        "O": [],
        "T": ["Rent goes up"],
    }


def test_add_refuses_empty_text_and_unknown_quadrant(plan: PlanFile) -> None:
    with pytest.raises(DomainError) as err:
        run(plan, strategy.add_swot_item(plan, "S", "   "))
    assert err.value.first.code == "required"
    with pytest.raises(DomainError):
        strategy.add_swot_item(plan, "X", "Nope")
    assert _board(plan) == {"S": [], "W": [], "O": [], "T": []}


def test_move_across_quadrants_before_a_card_is_one_undo_step(plan: PlanFile) -> None:
    _add(plan, "S", "a", "b", "c")
    _add(plan, "W", "x", "y")
    ids = _ids(plan)
    edit = strategy.move_swot_items(plan, [ids["b"]], "W", before_id=ids["y"])
    assert edit is not None
    _undo_restores(plan, edit)
    assert _board(plan)["S"] == ["a", "c"]
    assert _board(plan)["W"] == ["x", "b", "y"]


def test_move_several_keeps_their_order_and_appends(plan: PlanFile) -> None:
    _add(plan, "S", "a", "b", "c")
    _add(plan, "O", "o1")
    ids = _ids(plan)
    edit = strategy.move_swot_items(plan, [ids["c"], ids["a"]], "O")
    assert edit is not None
    run(plan, edit)
    assert _board(plan) == {"S": ["b"], "W": [], "O": ["o1", "a", "c"], "T": []}


def test_reorder_within_a_quadrant(plan: PlanFile) -> None:
    _add(plan, "S", "a", "b", "c")
    ids = _ids(plan)
    edit = strategy.move_swot_items(plan, [ids["c"]], "S", before_id=ids["a"])
    assert edit is not None
    _undo_restores(plan, edit)
    assert _board(plan)["S"] == ["c", "a", "b"]
    # Dropped where it already is: nothing to do, nothing on the undo stack.
    assert strategy.move_swot_items(plan, [ids["c"]], "S", before_id=ids["a"]) is None
    assert strategy.move_swot_items(plan, [ids["b"]], "S") is None


def test_delete_several_cards_and_undo_brings_their_links_back(plan: PlanFile) -> None:
    s, w = _add(plan, "S", "a")[0], _add(plan, "W", "b")[0]
    o = _add(plan, "O", "c")[0]
    run(plan, strategy.add_tows_option(plan, s, o, "use a for c"))
    goal = strategy.add_goal(plan, "Goal")
    run(plan, goal)
    run(plan, strategy.set_goal_links(plan, goal.key, [s, w]))  # type: ignore[arg-type]
    _undo_restores(plan, strategy.delete_swot_items([s, w]))


# --- TOWS ------------------------------------------------------------------------------------


def test_option_needs_an_internal_and_an_external_item(plan: PlanFile) -> None:
    s = _add(plan, "S", "a")[0]
    w = _add(plan, "W", "b")[0]
    t = _add(plan, "T", "c")[0]
    with pytest.raises(DomainError) as err:
        strategy.add_tows_option(plan, s, w, "two internals")
    assert err.value.first.field == "external_id" and err.value.first.code == "not_external"
    with pytest.raises(DomainError) as err:
        strategy.add_tows_option(plan, t, s, "swapped")
    assert [p.code for p in err.value.problems] == ["not_internal", "not_external"]
    edit = strategy.add_tows_option(plan, w, t, "avoid")
    _undo_restores(plan, edit)
    assert strategy.tows_kind("W", "T") == "WT"


def test_option_to_goal_links_both_items_in_one_step(plan: PlanFile) -> None:
    s = _add(plan, "S", "Own roasting")[0]
    o = _add(plan, "O", "New offices nearby")[0]
    option = strategy.add_tows_option(plan, s, o, "Tastings for the new offices")
    run(plan, option)
    edit = strategy.tows_to_goal(plan, option.key)
    _undo_restores(plan, edit)
    goal_id = strategy.goal_of(edit)
    assert goal_id is not None
    with plan.session() as ses:
        title = ses.execute(text("SELECT title FROM goal WHERE id = :g"), {"g": goal_id}).scalar()
        links = ses.execute(
            text("SELECT swot_item_id FROM goal_swot WHERE goal_id = :g ORDER BY 1"),
            {"g": goal_id},
        ).scalars()
        linked = list(links)
        points_at = ses.execute(
            text("SELECT goal_id FROM tows_option WHERE id = :i"), {"i": option.key}
        ).scalar()
    assert title == "Tastings for the new offices"
    assert linked == sorted([s, o])
    assert points_at == goal_id
    # Twice is refused: the option has its goal.
    with pytest.raises(DomainError) as err:
        strategy.tows_to_goal(plan, option.key)
    assert err.value.first.code == "has_goal"


def test_change_an_options_pair_is_checked(plan: PlanFile) -> None:
    s, w = _add(plan, "S", "a", "b")
    o = _add(plan, "O", "c")[0]
    option = strategy.add_tows_option(plan, s, o, "x")
    run(plan, option)
    with pytest.raises(DomainError):
        strategy.edit_tows_option(plan, option.key, {"external_id": w})
    _undo_restores(plan, strategy.edit_tows_option(plan, option.key, {"internal_id": w}))


# --- goals -----------------------------------------------------------------------------------


def test_goal_links_and_actions(plan: PlanFile) -> None:
    s, w = _add(plan, "S", "a", "b")
    goal = strategy.add_goal(plan, "More guests")
    run(plan, goal)
    gid = goal.key
    edit = strategy.set_goal_links(plan, gid, [w, s])
    assert edit is not None
    _undo_restores(plan, edit)
    assert [r["text"] for r in strategy.goal_links(plan, gid)] == ["a", "b"]
    assert strategy.set_goal_links(plan, gid, [s, w]) is None
    swap = strategy.set_goal_links(plan, gid, [s])
    assert swap is not None
    _undo_restores(plan, swap)
    assert [r["id"] for r in strategy.goal_links(plan, gid)] == [s]

    action = strategy.add_goal_action(plan, gid, "Tastings", due=dt.date(2026, 5, 1))
    _undo_restores(plan, action)
    rows = strategy.goal_actions(plan, gid)
    assert [(r["title"], r["due"], r["status"]) for r in rows] == [
        ("Tastings", dt.date(2026, 5, 1), "planned")
    ]


def test_problems_of_update_match_what_the_edit_would_refuse(plan: PlanFile) -> None:
    goal = strategy.add_goal(
        plan, "G", baseline=10.0, target=20.0, baseline_date=dt.date(2026, 1, 1)
    )
    run(plan, goal)
    gid = goal.key
    same = strategy.problems_of_update(plan, "goal", gid, {"target": 10.0})
    assert [(p.field, p.code) for p in same] == [("target", "target_equals_baseline")]
    early = strategy.problems_of_update(plan, "goal", gid, {"deadline": dt.date(2025, 12, 1)})
    assert [(p.field, p.code) for p in early] == [("deadline", "end_before_start")]
    assert strategy.problems_of_update(plan, "goal", gid, {"target": 30.0}) == []
    assert strategy.problems_of_update(plan, "goal", 999, {"target": 1.0})[0].code == "not_found"
    for changes in ({"target": 10.0}, {"deadline": dt.date(2025, 12, 1)}):
        with pytest.raises(DomainError):
            run(plan, strategy.edit_goal(gid, changes))


def test_goal_rows_carry_smart_letters_and_progress(plan: PlanFile) -> None:
    s = _add(plan, "S", "a")[0]
    plain = strategy.add_goal(plan, "No deadline", metric="guests", baseline=10.0, target=20.0)
    jump = strategy.add_goal(
        plan,
        "Tenfold",
        metric="orders",
        baseline=10.0,
        target=100.0,
        baseline_date=dt.date(2026, 1, 1),
        deadline=dt.date(2026, 12, 31),
    )
    run(plan, plain)
    run(plan, jump)
    run(plan, strategy.set_goal_links(plan, jump.key, [s]))  # type: ignore[arg-type]
    from mktplanner.domain.tables import Measurement
    from mktplanner.services.edits import InsertRow

    run(
        plan,
        InsertRow(Measurement, {"goal_id": jump.key, "date": dt.date(2026, 7, 1), "value": 55.0}),
    )
    rows = {r["title"]: r for r in strategy.goal_rows(plan, today=dt.date(2026, 7, 2))}
    # The new plan has no mission: R fails without a SWOT link.
    assert rows["No deadline"]["smart_letters"] == "SMA--"
    assert [p.code for p in rows["No deadline"]["smart"].t.reasons] == ["no_deadline"]
    assert rows["Tenfold"]["smart_letters"] == "SM-RT"
    reason = rows["Tenfold"]["smart"].a.reasons[0]
    assert reason.code == "jump_too_large" and reason.params["ratio"] == 10.0
    assert rows["Tenfold"]["progress"] == pytest.approx(0.5)
    assert rows["Tenfold"]["track"] == "on_track"
    # The threshold is the plan's: raised to 12, the jump passes.
    from mktplanner.domain.tables import Plan
    from mktplanner.services.edits import UpdateRow

    run(plan, UpdateRow(Plan, 1, {"jump_threshold": 12.0}))
    again = {r["title"]: r for r in strategy.goal_rows(plan, today=dt.date(2026, 7, 2))}
    assert again["Tenfold"]["smart_letters"] == "SMART"


def test_reads_cost_a_fixed_number_of_statements(plan: PlanFile) -> None:
    def cost(fn: Any) -> int:
        before = plan.statements
        fn()
        return plan.statements - before

    small = cost(lambda: strategy.goal_rows(plan))
    for n in range(12):
        g = strategy.add_goal(plan, f"G{n}", baseline=1.0, target=2.0)
        run(plan, g)
        s = _add(plan, "S", f"s{n}")[0]
        run(plan, strategy.set_goal_links(plan, g.key, [s]))  # type: ignore[arg-type]
    assert cost(lambda: strategy.goal_rows(plan)) == small
