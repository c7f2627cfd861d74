"""services.dashboard: the Overview's alerts and key figures, from the demo and from plain data."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

import pytest

from mktplanner.services.dashboard import alerts, dashboard, kpis
from mktplanner.services.demo import FACTS, build_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Any:
    plan = build_demo(tmp_path_factory.mktemp("dash") / "demo.mktplan", "en")
    yield plan
    plan.close()


def test_the_demo_alerts_most_pressing_first(demo: Any) -> None:
    d = dashboard(demo)
    found = [(a.kind, a.severity, a.table, a.id) for a in d.alerts]
    assert found == [
        ("control_over", "bad", "control_point", FACTS.control_over),
        ("action_late", "warn", "action", FACTS.action_late),
        ("week_over", "warn", "weekly_plan", FACTS.weekly_plan_over_capacity),
        ("goal_off_track", "warn", "goal", FACTS.goal_off_track),
    ]
    over = d.alerts[0].params
    assert over["subject"] == "Context ads"
    assert (over["spent_minor"], over["limit_minor"]) == (33000, 25000)
    week = d.alerts[2].params
    assert week["person"] == "Igor Peters" and week["this_week"] is True
    assert (week["planned_hours"], week["capacity_hours"]) == (19.0, 15.6)


def test_the_demo_key_figures(demo: Any) -> None:
    k = dashboard(demo).kpis
    assert k.goals == 3 and k.goals_off_track == 1 and k.goals_reached == 0
    assert round(k.goal_progress, 2) == 0.32
    assert k.budget_plan_minor == 470000
    assert k.budget_used == pytest.approx(k.budget_actual_minor / 470000)
    assert (k.spend_minor, k.leads, k.revenue_minor) == (437000, 961, 1196000)
    assert k.cpl_minor == 455
    assert k.romi == pytest.approx((1196000 - 437000) / 437000)
    assert k.channels == 4


def test_a_past_week_over_capacity_is_no_alert() -> None:
    today = dt.date(2026, 11, 25)  # ISO week 48
    week = {"weekly_plan_id": 1, "person": "Ann", "planned_hours": 30.0, "capacity_hours": 26.0}
    summary = {
        "capacity": [
            {**week, "iso_year": 2026, "iso_week": 47, "level": "red"},
            {**week, "weekly_plan_id": 2, "iso_year": 2026, "iso_week": 49, "level": "red"},
            {**week, "weekly_plan_id": 3, "iso_year": 2026, "iso_week": 48, "level": "amber"},
        ]
    }
    found = alerts(summary, [], [], today)
    assert [(a.kind, a.id, a.params["this_week"]) for a in found] == [("week_over", 2, False)]


def test_an_overdue_check_and_late_actions_oldest_first() -> None:
    today = dt.date(2026, 11, 25)
    row = SimpleNamespace(
        id=4, flags=("overdue",), subject=None, target="budget", cadence="weekly",
        spent_minor=100, limit_minor=500, percent=20.0, days_late=3,
        next_due=dt.date(2026, 11, 22), controller="Ann",
    )  # fmt: skip
    actions = [
        {"id": 9, "title": "B", "late": True, "due": dt.date(2026, 11, 1)},
        {"id": 8, "title": "A", "late": True, "due": "2026-10-01"},
        {"id": 7, "title": "on time", "late": False, "due": dt.date(2026, 12, 1)},
    ]
    found = alerts({}, [row], actions, today)
    assert [(a.kind, a.id) for a in found] == [
        ("control_overdue", 4),
        ("action_late", 8),
        ("action_late", 9),
    ]
    assert found[0].params["subject"] is None  # the whole budget
    assert found[1].params["days_late"] == 55


def test_key_figures_without_results_or_budget_are_unknown() -> None:
    k = kpis({"goals": [], "budget": {}, "channels": []}, dt.date(2026, 11, 25))
    assert k.goal_progress is None and k.budget_used is None
    assert k.cpl_minor is None and k.romi is None and k.channels == 0


def test_progress_is_averaged_within_zero_and_one() -> None:
    goals = [
        {"progress": 1.4, "track": "reached"},
        {"progress": -0.2, "track": "off_track", "off_track": True},
        {"progress": None, "track": "unknown"},
    ]
    k = kpis({"goals": goals, "budget": {}, "channels": []}, dt.date(2026, 11, 25))
    assert k.goals == 3 and k.goals_measured == 2
    assert k.goal_progress == pytest.approx(0.5)  # (1.0 + 0.0) / 2
    assert k.goals_reached == 1 and k.goals_off_track == 1
