"""Progress of a strategic goal against its measurements and its timeline.

- ``progress = (actual − baseline) / (target − baseline)``: 0 at the baseline, 1 at the
  target, works the same for decreasing goals (target below baseline). Not clamped: a
  setback is negative, overshooting is above 1 (clamp for bars with :func:`clamp01`).
  ``None`` when a value is missing or not finite, or target equals baseline.
- Expected progress on a date: linear from ``baseline_date`` (0) to ``deadline`` (1),
  clamped to 0..1. A goal whose deadline equals its baseline date expects 0 before and 1
  on that day.
- Off track: the latest progress lags the expected progress by more than
  :data:`OFF_TRACK_TOLERANCE` (10 percentage points). Absolute points rather than a relative
  share, so a goal is not called off track in its first days when little is expected yet,
  while lagging 10 points late in the period is flagged. The comparison is made on the
  latest measurement's date (what was expected by then), so an old measurement is not
  judged against today's expectation; ``expected`` is also given for today.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

OFF_TRACK_TOLERANCE = 0.10


class Track(StrEnum):
    UNKNOWN = "unknown"  # no measurement, or progress / expected not computable
    ON_TRACK = "on_track"
    OFF_TRACK = "off_track"
    REACHED = "reached"  # progress >= 1


@dataclass(frozen=True)
class MeasurementPoint:
    date: dt.date
    value: float


@dataclass(frozen=True)
class LatestProgress:
    date: dt.date
    value: float
    progress: float | None


@dataclass(frozen=True)
class GoalStatus:
    latest: LatestProgress | None
    progress: float | None  # of the latest measurement
    expected: float | None  # expected progress today
    expected_at_latest: float | None  # expected progress on the latest measurement's date
    track: Track

    @property
    def off_track(self) -> bool:
        return self.track is Track.OFF_TRACK


def _finite(value: float | None) -> bool:
    return value is not None and not isinstance(value, bool) and math.isfinite(value)


def progress(actual: float | None, baseline: float | None, target: float | None) -> float | None:
    if not (_finite(actual) and _finite(baseline) and _finite(target)):
        return None
    assert actual is not None and baseline is not None and target is not None
    span = target - baseline
    if span == 0:
        return None
    result = (actual - baseline) / span
    return result if math.isfinite(result) else None


def clamp01(value: float) -> float:
    return min(1.0, max(0.0, value))


def latest_measurement(
    measurements: Iterable[MeasurementPoint | tuple[dt.date, float]],
) -> MeasurementPoint | None:
    """The measurement with the latest date; of several on that day, the last given."""
    best: MeasurementPoint | None = None
    for item in measurements:
        point = item if isinstance(item, MeasurementPoint) else MeasurementPoint(*item)
        if best is None or point.date >= best.date:
            best = point
    return best


def latest_progress(
    measurements: Iterable[MeasurementPoint | tuple[dt.date, float]],
    baseline: float | None,
    target: float | None,
) -> LatestProgress | None:
    point = latest_measurement(measurements)
    if point is None:
        return None
    return LatestProgress(point.date, point.value, progress(point.value, baseline, target))


def expected_progress(
    on: dt.date, baseline_date: dt.date | None, deadline: dt.date | None
) -> float | None:
    if baseline_date is None or deadline is None or deadline < baseline_date:
        return None
    total = (deadline - baseline_date).days
    if total == 0:
        return 1.0 if on >= deadline else 0.0
    return clamp01((on - baseline_date).days / total)


def goal_status(
    measurements: Iterable[MeasurementPoint | tuple[dt.date, float]],
    baseline: float | None,
    target: float | None,
    baseline_date: dt.date | None,
    deadline: dt.date | None,
    today: dt.date,
    tolerance: float = OFF_TRACK_TOLERANCE,
) -> GoalStatus:
    """Latest progress, expected progress today and the verdict on the track."""
    latest = latest_progress(measurements, baseline, target)
    actual = latest.progress if latest else None
    expected = expected_progress(today, baseline_date, deadline)
    then = expected_progress(latest.date, baseline_date, deadline) if latest else None
    if actual is not None and actual >= 1.0:
        track = Track.REACHED
    elif actual is None or then is None:
        track = Track.UNKNOWN
    elif actual < then - tolerance:
        track = Track.OFF_TRACK
    else:
        track = Track.ON_TRACK
    return GoalStatus(latest, actual, expected, then, track)
