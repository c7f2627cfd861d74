"""The SMART check of a strategic goal: which letters fail, and why.

Each letter gets a :class:`LetterResult` with its reasons as :class:`Problem` s (the field is
the goal's column to point at, the code says what is wrong):

- **S**pecific: ``no_title``, ``no_metric`` (blank after trimming).
- **M**easurable: ``no_baseline``, ``no_target`` (missing or not a finite number),
  ``target_equals_baseline``.
- **A**chievable: ``jump_too_large`` {ratio, threshold} when the change is a bigger jump
  than the plan's threshold (ratio > threshold; exactly the threshold passes);
  ``not_assessable`` when baseline or target is missing (M already says which).
- **R**elevant: ``not_linked`` when the goal has no SWOT link and the plan has no mission.
- **T**ime-bound: ``no_deadline``, ``deadline_before_baseline`` {deadline, baseline_date}.

How the jump ratio is measured (see :func:`jump_ratio`):

- baseline and target of the same sign: the larger of |target/baseline| and
  |baseline/target|, so growing ×3 (10 → 30) and cutting to a third (30 → 10) weigh alike;
- baseline and target of opposite signs (a loss turned into a profit): 1 + |target −
  baseline| / |baseline|, the growth of the distance covered measured from the baseline;
- baseline or target zero: no ratio (``None``): a change from or to nothing cannot be judged
  by a factor, so A passes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from mktplanner.domain.errors import Problem


@dataclass(frozen=True)
class SmartInput:
    title: str
    metric: str
    baseline: float | None
    target: float | None
    deadline: dt.date | None
    baseline_date: dt.date | None
    linked_swot_count: int
    mission_nonempty: bool
    jump_threshold: float = 3.0


@dataclass(frozen=True)
class LetterResult:
    letter: str  # "S", "M", "A", "R" or "T"
    passed: bool
    reasons: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class SmartResult:
    s: LetterResult
    m: LetterResult
    a: LetterResult
    r: LetterResult
    t: LetterResult

    @property
    def results(self) -> tuple[LetterResult, ...]:
        return (self.s, self.m, self.a, self.r, self.t)

    @property
    def passed(self) -> bool:
        return all(x.passed for x in self.results)

    @property
    def score(self) -> int:
        """How many letters pass (0..5)."""
        return sum(1 for x in self.results if x.passed)

    @property
    def failed(self) -> tuple[str, ...]:
        return tuple(x.letter for x in self.results if not x.passed)

    @property
    def letters(self) -> str:
        """ "SMART" with a dash for each failed letter, e.g. "SM-RT"."""
        return "".join(x.letter if x.passed else "-" for x in self.results)

    @property
    def reasons(self) -> tuple[Problem, ...]:
        return tuple(p for x in self.results for p in x.reasons)


def _finite(value: float | None) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def jump_ratio(baseline: float, target: float) -> float | None:
    """How big a jump from baseline to target is, as a factor >= 1 (``None``: not defined)."""
    if baseline == 0 or target == 0:
        return None
    if (baseline > 0) == (target > 0):
        ratio = abs(target / baseline)
        return max(ratio, 1 / ratio)
    return 1 + abs(target - baseline) / abs(baseline)


def _letter(letter: str, reasons: list[Problem]) -> LetterResult:
    return LetterResult(letter, not reasons, tuple(reasons))


def check_smart(goal: SmartInput) -> SmartResult:
    s: list[Problem] = []
    if not (goal.title or "").strip():
        s.append(Problem("title", "no_title"))
    if not (goal.metric or "").strip():
        s.append(Problem("metric", "no_metric"))

    baseline, target = _finite(goal.baseline), _finite(goal.target)
    m: list[Problem] = []
    if baseline is None:
        m.append(Problem("baseline", "no_baseline"))
    if target is None:
        m.append(Problem("target", "no_target"))
    if baseline is not None and target is not None and baseline == target:
        m.append(Problem("target", "target_equals_baseline"))

    a: list[Problem] = []
    if baseline is None or target is None:
        a.append(Problem("target", "not_assessable"))
    else:
        ratio = jump_ratio(baseline, target)
        threshold = _finite(goal.jump_threshold)
        if ratio is not None and threshold is not None and ratio > threshold:
            a.append(
                Problem(
                    "target", "jump_too_large", {"ratio": round(ratio, 2), "threshold": threshold}
                )
            )

    r: list[Problem] = []
    if goal.linked_swot_count <= 0 and not goal.mission_nonempty:
        r.append(Problem("swot_links", "not_linked"))

    t: list[Problem] = []
    if goal.deadline is None:
        t.append(Problem("deadline", "no_deadline"))
    elif goal.baseline_date is not None and goal.deadline < goal.baseline_date:
        t.append(
            Problem(
                "deadline",
                "deadline_before_baseline",
                {
                    "deadline": goal.deadline.isoformat(),
                    "baseline_date": goal.baseline_date.isoformat(),
                },
            )
        )

    return SmartResult(
        _letter("S", s), _letter("M", m), _letter("A", a), _letter("R", r), _letter("T", t)
    )
