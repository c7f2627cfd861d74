"""The demo plan: believable data at every level, every row valid, built atomically."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

import pytest
from sqlmodel import select

from mktplanner.domain.rules.dates import month_end, month_start
from mktplanner.domain.rules.validation import validate
from mktplanner.domain.tables import Plan
from mktplanner.services.demo import FACTS, build_demo, demo_rows, scale_rows, validate_rows
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import APPLICATION_ID, PlanFile

TODAYS = [
    dt.date(2026, 11, 18),
    dt.date(2026, 3, 1),  # first day of a month
    dt.date(2024, 2, 29),  # leap day
    dt.date(2025, 12, 31),  # last day of the year
    dt.date(2027, 1, 1),  # ISO week 53 of 2026
]
CYRILLIC = re.compile("[а-яА-ЯёЁ]")


@pytest.mark.parametrize("lang", ["ru", "en"])
@pytest.mark.parametrize("today", TODAYS, ids=str)
def test_every_row_passes_validation(lang: str, today: dt.date) -> None:
    rows = demo_rows(lang, today=today)
    for table, table_rows in rows.items():
        for row in table_rows:
            assert validate(table, row) == [], (table, row)
    validate_rows(rows)  # the same check build_demo runs


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_every_level_is_filled(lang: str) -> None:
    today = dt.date(2026, 11, 18)
    r = demo_rows(lang, today=today)
    plan = r["plan"][0]
    assert plan["currency"] == ("RUB" if lang == "ru" else "USD")
    assert plan["mission"] and plan["values"]
    assert plan["report_cadence"] == "weekly"
    assert plan["report_maker"] and plan["report_reader"] and plan["report_actor"]

    swot = r["swot_item"]
    assert len(swot) >= 8
    assert {s["quadrant"] for s in swot} == {"S", "W", "O", "T"}
    assert len({s["weight"] for s in swot}) >= 3
    assert len({s["source"] for s in swot}) >= 4
    assert sum(1 for s in swot if s["note"]) >= 3

    assert len(r["tows_option"]) == 2
    assert [t["goal_id"] for t in r["tows_option"]] == [FACTS.goal_on_track, None]

    goals = r["goal"]
    assert len(goals) == 3
    assert [g["id"] for g in goals if g["deadline"] is None] == [FACTS.goal_without_deadline]
    assert {link["goal_id"] for link in r["goal_swot"]} == {1, 2, 3}
    per_goal = [sum(1 for m in r["measurement"] if m["goal_id"] == g["id"]) for g in goals]
    assert per_goal == [3, 3, 3]

    actions = r["action"]
    assert len(actions) >= 12
    assert len({a["direction_id"] for a in actions}) == 3
    assert len({a["status"] for a in actions}) >= 3
    late = [
        a["id"] for a in actions if a["status"] in ("planned", "in_progress") and a["due"] < today
    ]
    assert late == [FACTS.action_late]
    assert [a["id"] for a in actions if a["owner_id"] is None] == [FACTS.action_without_owner]
    assert [a["id"] for a in actions if a["recurrence"] == "weekly"] == [FACTS.action_recurring]
    assert [a["id"] for a in actions if a["goal_id"] is None] == [FACTS.action_without_goal]
    span = {month_start(a["start"]) for a in actions} | {month_start(a["due"]) for a in actions}
    assert len(span) == 6  # six months of tactics

    people = r["person"]
    assert len(people) == 3
    assert [p["unplannable_share"] for p in people] == [0.0, 0.4, 0.0]
    assert [p["manager_id"] for p in people] == [None, 1, 1]

    weeks = r["weekly_plan"]
    assert len(weeks) == 12
    for person in (1, 2, 3):
        mine = [w for w in weeks if w["person_id"] == person]
        assert [w["state"] for w in mine] == ["closed", "closed", "approved", "draft"]
    tasks = r["weekly_task"]
    assert all(t["end_product"] for t in tasks if not t["unplanned"])
    assert all(t["actual_hours"] is not None for t in tasks if _week_state(r, t) == "closed")
    assert any(t["regular"] for t in tasks) and any(t["carried"] for t in tasks)
    metrics = r["weekly_metric"]
    assert all(
        m["actual"] is not None or m["not_measured"]
        for m in metrics
        if _week_state(r, m) == "closed"
    )

    budget = r["budget"][0]
    assert budget["mode"] == "bottom_up" and budget["basis"] == "per_month"
    assert budget["total_minor"] == (8_000_000 if lang == "ru" else 80_000)
    channel_lines = [ln for ln in r["budget_line"] if ln["channel_id"] is not None]
    assert len(channel_lines) == 6 * 4
    assert len(r["expense"]) >= 30
    assert [e["id"] for e in r["expense"] if e["is_refund"]] == [FACTS.expense_refund]
    unplanned = [
        e["id"] for e in r["expense"] if e["channel_id"] is None and e["action_id"] is None
    ]
    assert unplanned == [FACTS.expense_unplanned]
    over = next(w for w in weeks if w["id"] == FACTS.weekly_plan_over_capacity)
    assert (over["person_id"], over["state"]) == (FACTS.person_unplannable, "approved")
    assert len(r["control_point"]) == 2
    assert len(r["channel"]) == 4
    assert len(r["channel_result"]) == 4 * 6
    decisions = [h["decision"] for h in r["hypothesis"]]
    assert decisions == ["scale", "pending"]


def _week_state(rows: dict, child: dict) -> str:
    return next(w["state"] for w in rows["weekly_plan"] if w["id"] == child["weekly_plan_id"])


def test_texts_are_in_the_plan_language() -> None:
    today = dt.date(2026, 11, 18)
    ru, en = demo_rows("ru", today=today), demo_rows("en", today=today)
    for table, field in [("swot_item", "text"), ("goal", "title"), ("action", "title"),
                         ("weekly_task", "description"), ("person", "name")]:  # fmt: skip
        assert all(CYRILLIC.search(row[field]) for row in ru[table]), table
        assert not any(CYRILLIC.search(row[field]) for row in en[table]), table


def test_money_in_roubles_is_a_hundred_times_the_dollars() -> None:
    today = dt.date(2026, 11, 18)
    ru, en = demo_rows("ru", today=today), demo_rows("en", today=today)
    for table, field in [("expense", "amount_minor"), ("budget_line", "amount_minor"),
                         ("action", "budget_minor"), ("control_point", "limit_minor"),
                         ("channel_result", "revenue_minor")]:  # fmt: skip
        for a, b in zip(ru[table], en[table], strict=True):
            assert a[field] == (None if b[field] is None else b[field] * 100)


@pytest.mark.parametrize("today", TODAYS + [dt.date(2026, 11, 30)], ids=str)
def test_this_months_spend_triggers_one_control_point(today: dt.date) -> None:
    """Whatever the day: context ads over their limit, social media well under it."""
    r = demo_rows("en", today=today)
    first = month_start(today)
    this_month = [e for e in r["expense"] if first <= e["date"]]
    assert all(e["date"] <= today for e in r["expense"])
    over = next(cp for cp in r["control_point"] if cp["id"] == FACTS.control_over)
    ok = next(cp for cp in r["control_point"] if cp["id"] == FACTS.control_ok)
    spent = {
        ch: sum(e["amount_minor"] for e in this_month if e["channel_id"] == ch)
        for ch in (over["channel_id"], ok["channel_id"])
    }
    assert spent[over["channel_id"]] > over["limit_minor"]
    assert 0 < spent[ok["channel_id"]] * 100 < ok["limit_minor"] * 90
    assert over["next_due"] == ok["next_due"] == month_end(today)


def test_build_writes_a_sound_plan_file(tmp_path: Path) -> None:
    path = tmp_path / "demo.mktplan"
    plan = build_demo(path, "ru", today=dt.date(2026, 11, 18))
    plan.close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert con.execute("SELECT count(*) FROM weekly_task").fetchone()[0] >= 48
        name = con.execute("SELECT name FROM plan").fetchone()[0]
    finally:
        con.close()
    assert "Зерно" in name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.mktplan"]  # no staging left


def test_build_refuses_an_existing_file_unless_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "demo.mktplan"
    path.write_bytes(b"keep me")
    with pytest.raises(PlanFileError) as err:
        build_demo(path, "en")
    assert err.value.code == "exists"
    assert path.read_bytes() == b"keep me"
    build_demo(path, "en", overwrite=True).close()
    with PlanFile.open(path, read_only=True, backup=False) as plan, plan.session() as s:
        assert s.exec(select(Plan.currency)).one() == "USD"


def test_build_refuses_to_replace_a_plan_open_elsewhere(tmp_path: Path) -> None:
    path = tmp_path / "demo.mktplan"
    holder = build_demo(path, "en")
    before = path.read_bytes()
    try:
        with pytest.raises(PlanFileError) as err:
            build_demo(path, "ru", overwrite=True)
        assert err.value.code == "locked"
        assert path.read_bytes() == before
    finally:
        holder.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".~demo")] == []


def test_unknown_language_is_refused(tmp_path: Path) -> None:
    from mktplanner.domain.errors import DomainError

    with pytest.raises(DomainError) as err:
        build_demo(tmp_path / "x.mktplan", "de")
    assert err.value.first.code == "unknown_value"
    assert not (tmp_path / "x.mktplan").exists()


def test_scale_adds_valid_rows(tmp_path: Path) -> None:
    today = dt.date(2026, 11, 18)
    base = demo_rows("en", today=today)
    extra = scale_rows(base, 3, today=today)
    validate_rows(extra)
    assert len(extra["weekly_task"]) > 100 and len(extra["expense"]) == 2 * 505
    path = tmp_path / "big.mktplan"
    build_demo(path, "en", today=today, scale=3).close()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        count = con.execute("SELECT count(*) FROM expense").fetchone()[0]
    finally:
        con.close()
    assert count == len(base["expense"]) + 2 * 505


def test_plan_check_finds_what_the_demo_was_built_to_show(tmp_path: Path) -> None:
    from mktplanner.services import health

    today = dt.date(2026, 11, 18)
    with build_demo(tmp_path / "demo.mktplan", "en", today=today) as plan:
        report = health.check(plan, today)
    found = {(f.code, f.ref.table, f.ref.id) for f in report.findings if f.ref is not None}
    for expected in [
        ("goal_not_smart", "goal", FACTS.goal_without_deadline),
        ("goal_off_track", "goal", FACTS.goal_off_track),
        ("action_overdue", "action", FACTS.action_late),
        ("action_no_owner", "action", FACTS.action_without_owner),
        ("action_no_goal", "action", FACTS.action_without_goal),
        ("action_no_budget", "action", FACTS.action_without_goal),
        ("week_over_capacity", "weekly_plan", FACTS.weekly_plan_over_capacity),
        ("control_over_limit", "control_point", FACTS.control_over),
        ("expense_no_budget_line", "expense", FACTS.expense_unplanned),
    ]:
        assert expected in found, expected
    assert ("control_over_limit", "control_point", FACTS.control_ok) not in found
    assert not any(code == "goal_off_track" and i == FACTS.goal_on_track for code, _, i in found)
