"""The page queries (services.views) cost a fixed number of statements whatever the plan's
size (no N+1), and return what the pages show."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.timeout(120)

VIEWS = (
    "overview",
    "goal_progress",
    "swot_items",
    "tows_options",
    "goals",
    "actions",
    "weekly_plans",
    "choices",
    "plan_profile",
    "budget_settings",
)


def _statements(path: Path) -> dict[str, int]:
    from mktplanner.services import views
    from mktplanner.store.planfile import PlanFile

    counts = {}
    with PlanFile.open(path, backup=False) as plan:
        for name in VIEWS:
            before = plan.statements
            getattr(views, name)(plan)
            counts[name] = plan.statements - before
    return counts


def test_views_cost_the_same_on_a_bigger_plan(tmp_path: Path) -> None:
    from mktplanner.services.demo import build_demo

    small, big = tmp_path / "small.mktplan", tmp_path / "big.mktplan"
    build_demo(small, "en").close()
    build_demo(big, "en", scale=4).close()
    assert _statements(small) == _statements(big)


def test_views_return_linked_names_and_sums(demo_file: Path) -> None:
    from mktplanner.services import views
    from mktplanner.store.planfile import PlanFile

    with PlanFile.open(demo_file, backup=False) as plan:
        actions = {a["id"]: a for a in views.actions(plan)}
        assert actions[5]["owner_name"] is None  # the demo's action without an owner
        assert actions[1]["goal_title"]
