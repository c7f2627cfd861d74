"""The SMART check: which letters a goal fails and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from mktplanner.domain.rules.smart import SmartInput, check_smart, jump_ratio

GOOD = SmartInput(
    title="More clients from the outdoor banner",
    metric="clients / month",
    baseline=30.0,
    target=45.0,
    deadline=dt.date(2025, 12, 31),
    baseline_date=dt.date(2025, 1, 1),
    linked_swot_count=1,
    mission_nonempty=False,
    jump_threshold=3.0,
)


def reasons(goal: SmartInput) -> dict[str, list[str]]:
    result = check_smart(goal)
    return {x.letter: [p.code for p in x.reasons] for x in result.results if x.reasons}


def test_a_good_goal_passes_every_letter() -> None:
    result = check_smart(GOOD)
    assert result.passed and result.letters == "SMART" and result.score == 5
    assert result.failed == () and result.reasons == ()


def test_specific() -> None:
    result = check_smart(replace(GOOD, title="  ", metric=""))
    assert result.letters == "-MART"
    assert [p.code for p in result.s.reasons] == ["no_title", "no_metric"]
    assert reasons(replace(GOOD, metric="")) == {"S": ["no_metric"]}


def test_measurable() -> None:
    assert reasons(replace(GOOD, baseline=None)) == {"M": ["no_baseline"], "A": ["not_assessable"]}
    assert reasons(replace(GOOD, target=float("nan"))) == {
        "M": ["no_target"],
        "A": ["not_assessable"],
    }
    assert reasons(replace(GOOD, target=30.0)) == {"M": ["target_equals_baseline"]}
    assert check_smart(replace(GOOD, baseline=None, target=None)).letters == "S--RT"


@pytest.mark.parametrize(
    ("baseline", "target", "ratio"),
    [
        (1.5, 3.0, 2.0),  # conversion 1.5 % -> 3 %
        (30, 45, 1.5),
        (10, 30, 3.0),  # exactly the threshold passes
        (30, 10, 3.0),  # cutting to a third weighs as much as tripling
        (-100, -50, 2.0),  # a loss halved
        (-100, 50, 2.5),  # loss -> profit: 1 + 150/100
    ],
)
def test_jumps_within_threshold(baseline: float, target: float, ratio: float) -> None:
    assert jump_ratio(baseline, target) == pytest.approx(ratio)
    assert check_smart(replace(GOOD, baseline=baseline, target=target)).a.passed


@pytest.mark.parametrize(
    ("baseline", "target", "ratio"),
    [(10, 31, 3.1), (10, 100, 10.0), (1000, 300, 3.33), (-10, 50, 7.0)],
)
def test_jump_too_large(baseline: float, target: float, ratio: float) -> None:
    result = check_smart(replace(GOOD, baseline=baseline, target=target))
    assert result.letters == "SM-RT"
    (p,) = result.a.reasons
    assert p.code == "jump_too_large"
    assert p.params == {"ratio": ratio, "threshold": 3.0}


def test_jump_threshold_is_the_users() -> None:
    goal = replace(GOOD, baseline=10, target=50)
    assert not check_smart(goal).a.passed
    assert check_smart(replace(goal, jump_threshold=5.0)).a.passed


@pytest.mark.parametrize(("baseline", "target"), [(0, 100), (0, -5), (5, 0)])
def test_from_or_to_zero_is_not_judged_by_a_factor(baseline: float, target: float) -> None:
    assert jump_ratio(baseline, target) is None
    assert check_smart(replace(GOOD, baseline=baseline, target=target)).a.passed


def test_relevant_needs_a_swot_link_or_a_mission() -> None:
    lone = replace(GOOD, linked_swot_count=0, mission_nonempty=False)
    assert reasons(lone) == {"R": ["not_linked"]}
    assert check_smart(lone).letters == "SMA-T"
    assert check_smart(replace(lone, mission_nonempty=True)).r.passed
    assert check_smart(replace(lone, linked_swot_count=2)).r.passed


def test_time_bound() -> None:
    assert reasons(replace(GOOD, deadline=None)) == {"T": ["no_deadline"]}
    late = replace(GOOD, deadline=dt.date(2024, 12, 31))
    (p,) = check_smart(late).t.reasons
    assert p.code == "deadline_before_baseline"
    assert p.params == {"deadline": "2024-12-31", "baseline_date": "2025-01-01"}
    assert check_smart(replace(GOOD, baseline_date=None)).t.passed
    assert check_smart(replace(GOOD, deadline=GOOD.baseline_date)).t.passed


def test_everything_missing() -> None:
    empty = SmartInput("", "", None, None, None, None, 0, False)
    result = check_smart(empty)
    assert result.letters == "-----" and result.score == 0
    assert result.failed == ("S", "M", "A", "R", "T")
