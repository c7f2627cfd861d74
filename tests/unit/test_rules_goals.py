"""Goal progress, expected progress and the off-track flag."""

from __future__ import annotations

import datetime as dt

import pytest

from mktplanner.domain.rules.goals import (
    OFF_TRACK_TOLERANCE,
    MeasurementPoint,
    Track,
    expected_progress,
    goal_status,
    latest_progress,
    progress,
)

D = dt.date


def test_progress_growth_and_decrease() -> None:
    assert progress(1.5, 1.5, 3.0) == 0.0
    assert progress(2.25, 1.5, 3.0) == pytest.approx(0.5)
    assert progress(3.0, 1.5, 3.0) == 1.0
    assert progress(4.5, 1.5, 3.0) == pytest.approx(2.0)  # overshoot is kept
    assert progress(1.0, 1.5, 3.0) == pytest.approx(-1 / 3)  # a setback is negative
    assert progress(600, 1000, 200) == pytest.approx(0.5)  # CAC down from 1000 to 200


@pytest.mark.parametrize(
    ("actual", "baseline", "target"),
    [
        (5, None, 10),
        (5, 1, None),
        (None, 1, 10),
        (5, 3, 3),
        (float("nan"), 1, 2),
        (1, float("inf"), 2),
    ],
)
def test_progress_undefined(actual, baseline, target) -> None:
    assert progress(actual, baseline, target) is None


def test_latest_measurement_counts() -> None:
    points: list[MeasurementPoint | tuple[dt.date, float]] = [
        (D(2025, 3, 1), 36.0),
        MeasurementPoint(D(2025, 2, 1), 33.0),
        (D(2025, 3, 1), 39.0),
    ]
    latest = latest_progress(points, 30, 45)
    assert latest is not None
    assert (latest.date, latest.value) == (D(2025, 3, 1), 39.0)  # same day: the last given
    assert latest.progress == pytest.approx(0.6)
    assert latest_progress([], 30, 45) is None


def test_expected_progress_is_linear_and_clamped() -> None:
    start, end = D(2025, 1, 1), D(2025, 1, 11)
    assert expected_progress(D(2025, 1, 6), start, end) == pytest.approx(0.5)
    assert expected_progress(D(2024, 12, 1), start, end) == 0.0
    assert expected_progress(D(2026, 1, 1), start, end) == 1.0
    assert expected_progress(D(2025, 1, 6), None, end) is None
    assert expected_progress(D(2025, 1, 6), end, start) is None
    assert expected_progress(D(2025, 1, 1), start, start) == 1.0
    assert expected_progress(D(2024, 12, 31), start, start) == 0.0


def test_off_track_when_well_behind() -> None:
    base, deadline = D(2025, 1, 1), D(2025, 1, 11)
    # on day 6, 50 % expected; tolerance 10 points
    behind = goal_status([(D(2025, 1, 6), 38.0)], 30, 50, base, deadline, today=D(2025, 1, 6))
    assert behind.progress == pytest.approx(0.4)
    assert behind.expected == pytest.approx(0.5)
    assert behind.track is Track.ON_TRACK and not behind.off_track  # exactly at the tolerance
    far = goal_status([(D(2025, 1, 6), 37.0)], 30, 50, base, deadline, today=D(2025, 1, 6))
    assert far.track is Track.OFF_TRACK and far.off_track
    assert OFF_TRACK_TOLERANCE == 0.10


def test_old_measurement_judged_by_what_was_expected_then() -> None:
    base, deadline = D(2025, 1, 1), D(2025, 1, 11)
    status = goal_status([(D(2025, 1, 2), 32.0)], 30, 50, base, deadline, today=D(2025, 1, 10))
    assert status.expected == pytest.approx(0.9)
    assert status.expected_at_latest == pytest.approx(0.1)
    assert status.track is Track.ON_TRACK


def test_reached_and_unknown() -> None:
    base, deadline = D(2025, 1, 1), D(2025, 12, 31)
    assert goal_status([(D(2025, 2, 1), 50.0)], 30, 45, base, deadline, D(2025, 2, 1)).track is (
        Track.REACHED
    )
    assert goal_status([], 30, 45, base, deadline, D(2025, 6, 1)).track is Track.UNKNOWN
    no_dates = goal_status([(D(2025, 2, 1), 31.0)], 30, 45, None, None, D(2025, 6, 1))
    assert no_dates.track is Track.UNKNOWN and no_dates.progress == pytest.approx(1 / 15)
