"""The plan summary on the demo: the figures it was designed to show, and JSON-ready values."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.services import health
from mktplanner.services.demo import FACTS, build_demo
from mktplanner.services.plans import new_plan
from mktplanner.services.summary import summarize
from mktplanner.store.planfile import PlanFile

TODAY = dt.date(2026, 11, 18)  # a Wednesday; the tactical period runs September..February


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("summary") / "demo.mktplan"
    build_demo(path, "en", today=TODAY).close()
    return path


@pytest.fixture()
def plan(demo_file: Path) -> Iterator[PlanFile]:
    p = PlanFile.open(demo_file, read_only=True, backup=False)
    yield p
    p.close()


@pytest.fixture()
def s(plan: PlanFile) -> dict[str, Any]:
    return summarize(plan, TODAY)


def _walk(value: Any, key: str = "") -> Iterator[tuple[str, Any]]:
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _walk(v, k)
    elif isinstance(value, list):
        for v in value:
            yield from _walk(v, key)
    else:
        yield key, value


def test_json_ready_with_money_in_minor_units(s: dict[str, Any]) -> None:
    json.dumps(s, allow_nan=False)
    assert s["currency"] == "USD"
    money = [(k, v) for k, v in _walk(s) if k.endswith("_minor")]
    assert len(money) > 100
    assert all(v is None or (isinstance(v, int) and not isinstance(v, bool)) for _, v in money)
    assert all(not isinstance(v, (dt.date, tuple, set)) for _, v in _walk(s))


def test_profile_and_counts(s: dict[str, Any]) -> None:
    p = s["profile"]
    assert p["name"] == "Grain Coffee House: marketing plan"
    assert (p["tactical_start"], p["tactical_end"]) == ("2026-09-01", "2027-02-28")
    assert p["reporting"]["cadence"] == "weekly" and p["reporting"]["reader"]
    assert s["counts"]["action"] == FACTS.actions and s["counts"]["expense"] >= 30


def test_goals_smart_and_track(s: dict[str, Any]) -> None:
    goals = {g["id"]: g for g in s["goals"]}
    on, nodeadline, off = (
        goals[FACTS.goal_on_track],
        goals[FACTS.goal_without_deadline],
        goals[FACTS.goal_off_track],
    )
    assert on["smart"]["letters"] == "SMART" and on["track"] == "on_track"
    assert on["progress"] == 0.6 and on["off_track"] is False
    assert nodeadline["smart"]["letters"] == "SMAR-"
    assert nodeadline["smart"]["failed"] == ["T"]
    assert [r["code"] for r in nodeadline["smart"]["reasons"]["T"]] == ["no_deadline"]
    assert nodeadline["expected"] is None and nodeadline["progress"] == 0.3
    assert off["off_track"] is True and off["track"] == "off_track"
    assert off["progress"] == round(11 / 180, 4) and off["expected"] > 0.5
    assert off["latest"] == {"date": "2026-10-31", "value": 131.0}


def test_capacity_per_person_week(s: dict[str, Any]) -> None:
    weeks = s["capacity"]
    assert len(weeks) == FACTS.weekly_plans
    igor = [w for w in weeks if w["person_id"] == FACTS.person_unplannable]
    assert {w["capacity_hours"] for w in igor} == {FACTS.capacity_unplannable}
    assert [w["state"] for w in igor] == ["closed", "closed", "approved", "draft"]
    this_week = next(w for w in igor if w["week"] == "2026-W47")
    assert this_week["planned_hours"] == FACTS.over_capacity_week_hours
    assert this_week["level"] == "red" and this_week["load"] == round(19 / 15.6, 4)
    assert this_week["goal_hours"] == 13.0 and this_week["goal_share"] == round(13 / 19, 4)
    assert this_week["actual_hours"] is None
    closed = next(w for w in igor if w["state"] == "closed")
    assert closed["actual_hours"] == 14.0
    by_person = {w["person_id"]: w["capacity_hours"] for w in weeks}
    assert by_person == {1: 26.0, 2: 15.6, 3: 19.5}
    assert [w for w in weeks if w["level"] == "red"] == [this_week]


def test_tactical_months(s: dict[str, Any]) -> None:
    months = s["tactical"]["months"]
    assert [m["month"] for m in months] == [
        "2026-09-01", "2026-10-01", "2026-11-01", "2026-12-01", "2027-01-01", "2027-02-01",
    ]  # fmt: skip
    late_in = [m["month"] for m in months if FACTS.action_late in [a["id"] for a in m["actions"]]]
    assert late_in == ["2026-09-01", "2026-10-01"]
    assert all(m["actions"] for m in months)
    # Context ads: 1 500 over six months, 250 a month.
    assert all(m["planned_budget_minor"] >= 25_000 for m in months)
    assert sum(m["planned_budget_minor"] for m in months) == s["tactical"]["budget_minor"]
    assert s["tactical"]["budget_minor"] == 490_000
    assert len(s["tactical"]["by_direction"]) == 3


def test_budget_plan_actual_variance_and_gap(s: dict[str, Any]) -> None:
    b = s["budget"]
    assert (b["mode"], b["basis"], b["total_minor"]) == ("bottom_up", "per_month", 80_000)
    months = b["months"]
    assert [m["plan_minor"] for m in months] == [80_000, 75_000, 75_000, 90_000, 75_000, 75_000]
    assert [m["gap_status"] for m in months] == [
        "balanced", "unallocated", "unallocated", "short", "unallocated", "unallocated",
    ]  # fmt: skip
    assert months[3]["short_by_minor"] == 10_000 and months[1]["unallocated_minor"] == 5_000
    first = months[0]
    assert first["actual_minor"] == 87_000 and first["variance_minor"] == 7_000
    assert months[1]["actual_minor"] == 24_000 + 22_000 + 15_000 + 11_000 - 1_500 + 3_500
    assert months[4]["actual_minor"] == 0
    gap = b["gap"]
    assert (gap["fixed_minor"], gap["needed_minor"], gap["short_by_minor"]) == (
        480_000,
        490_000,
        10_000,
    )
    assert gap["status"] == "short" and gap["unbudgeted_actions"] == 1
    channels = {c["channel_id"]: c for c in b["channels"]}
    assert channels[1]["plan_minor"] == 6 * 25_000
    assert channels[None]["plan_minor"] == 10_000  # the loyalty cards, planned on their action
    assert b["variance_minor"] == b["actual_minor"] - b["plan_minor"]
    assert b["unplanned"] == [
        {"month": "2026-10-01", "channel_id": None, "action_id": None, "amount_minor": 3_500}
    ]


def test_control_points(s: dict[str, Any]) -> None:
    points = {p["id"]: p for p in s["control_points"]}
    over, ok = points[FACTS.control_over], points[FACTS.control_ok]
    assert over["status"] == "over" and over["flags"] == ["over"]
    assert (over["spent_minor"], over["limit_minor"], over["left_minor"]) == (
        33_000,
        25_000,
        -8_000,
    )
    assert over["pace"]["daily_allowance_minor"] == 0
    assert over["pace"]["elapsed_days"] == 18 and over["pace"]["remaining_days"] == 12
    assert over["subject"] == "Context ads" and over["controller"] == "Anna Smith"
    assert ok["status"] == "ok" and ok["flags"] == []
    assert ok["spent_minor"] == 6_600  # 55 % of the limit at the month's pace (18 of 30 days)
    assert ok["pace"]["daily_allowance_minor"] == (20_000 - 6_600) // 12
    assert ok["pace"]["projected_minor"] == 11_000
    assert (over["period_start"], over["period_end"]) == ("2026-11-01", "2026-11-30")


def test_channel_kpis_and_reallocation(s: dict[str, Any]) -> None:
    channels = {c["id"]: c for c in s["channels"]}
    assert all(c["months"] == 6 for c in channels.values())
    expensive, cheap = channels[FACTS.channel_expensive], channels[FACTS.channel_cheap]
    assert expensive["cpl_minor"] > 4 * cheap["cpl_minor"]
    outdoor = channels[FACTS.channel_without_clicks]
    assert outdoor["clicks"] == 0 and outdoor["cpc_minor"] is None and outdoor["ctr"] == 0.0
    for c in channels.values():
        for key in ("ctr", "cpl_minor", "conversion", "cac_minor", "romi", "spend_share"):
            assert key in c
    assert sum(c["spend_share"] for c in channels.values()) == pytest.approx(1.0, abs=1e-3)
    # Spend of the two months inside the plan comes from the expenses (context: 290 + 225).
    assert expensive["spend_minor"] > 0
    pairs = [(h["expensive_id"], h["cheap_id"]) for h in s["reallocation"]]
    assert (FACTS.channel_expensive, FACTS.channel_cheap) in pairs


def test_hypotheses(s: dict[str, Any]) -> None:
    states = {h["id"]: h["state"] for h in s["hypotheses"]}
    assert states == {FACTS.hypothesis_decided: "decided", FACTS.hypothesis_running: "running"}
    decided = s["hypotheses"][0]
    assert decided["decision"] == "scale" and decided["spent_minor"] == 13_000


def test_golden_thread_matches_the_plan_check(plan: PlanFile, s: dict[str, Any]) -> None:
    gt = s["golden_thread"]
    figures = health.figures(plan, TODAY)
    assert gt["week"] == "2026-W47"
    assert gt["hours_share"] == round(figures.hours_share, 4)
    assert gt["spend_share"] == round(figures.spend_share, 4)
    assert gt["spend_minor"] == figures.spend_minor
    assert gt["goal_spend_minor"] == figures.traced_spend_minor
    for row, person in zip(gt["people"], figures.people, strict=True):
        assert row["person_id"] == person.person_id
        assert row["share"] == (None if person.share is None else round(person.share, 4))


@pytest.mark.parametrize(
    "today",
    [dt.date(2026, 3, 1), dt.date(2026, 2, 28), dt.date(2027, 1, 1), dt.date(2024, 2, 29)],
    ids=str,
)
def test_designed_findings_hold_on_any_day(tmp_path: Path, today: dt.date) -> None:
    path = tmp_path / "demo.mktplan"
    build_demo(path, "ru", today=today).close()
    with PlanFile.open(path, read_only=True, backup=False) as plan:
        s = summarize(plan, today)
    assert s["currency"] == "RUB"
    points = {p["id"]: p["status"] for p in s["control_points"]}
    assert points == {FACTS.control_over: "over", FACTS.control_ok: "ok"}
    goals = {g["id"]: g for g in s["goals"]}
    assert goals[FACTS.goal_without_deadline]["smart"]["failed"] == ["T"]
    assert goals[FACTS.goal_off_track]["off_track"] and not goals[FACTS.goal_on_track]["off_track"]
    red = [(w["person_id"], w["state"]) for w in s["capacity"] if w["level"] == "red"]
    assert red == [(FACTS.person_unplannable, "approved")]
    assert s["budget"]["months"][3]["gap_status"] == "short"
    assert [h["state"] for h in s["hypotheses"]] == ["decided", "running"]


def test_statement_count_does_not_grow_with_the_plan(tmp_path: Path, plan: PlanFile) -> None:
    before = plan.statements
    summarize(plan, TODAY)
    small = plan.statements - before
    big_path = tmp_path / "big.mktplan"
    build_demo(big_path, "en", today=TODAY, scale=3).close()
    with PlanFile.open(big_path, read_only=True, backup=False) as big:
        before = big.statements
        summarize(big, TODAY)
        assert big.statements - before == small


def test_an_empty_plan_summarises(tmp_path: Path) -> None:
    with new_plan(tmp_path / "empty.mktplan", name="Empty", currency="EUR", language="en") as p:
        s = summarize(p, TODAY)
    json.dumps(s, allow_nan=False)
    assert s["currency"] == "EUR"
    assert s["goals"] == [] and s["capacity"] == [] and s["control_points"] == []
    assert s["budget"]["gap"]["needed_minor"] == 0
    assert all(c["cpl_minor"] is None and c["spend_share"] is None for c in s["channels"])
    assert s["golden_thread"]["hours_share"] is None and s["golden_thread"]["spend_share"] is None
    assert s["reallocation"] == [] and s["hypotheses"] == []
