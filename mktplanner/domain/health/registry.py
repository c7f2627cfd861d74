"""The rule registry, the findings and the report of one plan check.

A rule is a small function ``PlanSnapshot -> Iterable[Outcome]`` registered with
``@rule(code, severity, level, next_step)``: it yields one :class:`Outcome` per object it
examined, :func:`ok` when the object passes and :func:`fail` (with parameters) when it does
not. :func:`run_checks` runs every registered rule, turns failures into :class:`Finding` s,
marks the ones the user dismissed and counts the score (see the package docstring).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from mktplanner.domain.health.model import PlanSnapshot


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for the most serious, for sorting."""
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


class Level(StrEnum):
    """The planning level a rule belongs to (the page groups findings by it)."""

    ANALYSIS = "analysis"
    STRATEGY = "strategy"
    TACTICS = "tactics"
    OPERATIONS = "operations"
    BUDGET = "budget"
    CONTROL = "control"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class ObjectRef(NamedTuple):
    """The row a finding concerns: a table name and the row's id."""

    table: str
    id: int

    @property
    def text(self) -> str:
        return f"{self.table}:{self.id}"


def ref_text(ref: ObjectRef | tuple[str, int] | None) -> str:
    """``("goal", 3)`` -> ``"goal:3"``; ``None`` (the plan as a whole) -> ``""``."""
    if ref is None:
        return ""
    return f"{ref[0]}:{ref[1]}"


def parse_ref(text: str) -> ObjectRef | None:
    """The inverse of :func:`ref_text`; ``""`` -> ``None``. Raises ``ValueError`` if malformed."""
    if not text:
        return None
    table, sep, ident = text.partition(":")
    if not sep or not table or not ident.lstrip("-").isdigit():
        raise ValueError(f"not an object reference: {text!r}")
    return ObjectRef(table, int(ident))


@dataclass(frozen=True)
class Outcome:
    """What a rule concluded about one object it examined."""

    ref: ObjectRef | None
    passed: bool
    params: Mapping[str, Any] = field(default_factory=dict)
    next_step: str | None = None  # None: the rule's default next step


def ok(ref: ObjectRef | tuple[str, int] | None = None) -> Outcome:
    return Outcome(_ref(ref), True)


def fail(
    ref: ObjectRef | tuple[str, int] | None = None,
    *,
    next_step: str | None = None,
    **params: Any,
) -> Outcome:
    return Outcome(_ref(ref), False, params, next_step)


def _ref(ref: ObjectRef | tuple[str, int] | None) -> ObjectRef | None:
    return None if ref is None else ObjectRef(*ref)


RuleFunction = Callable[[PlanSnapshot], Iterable[Outcome]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    level: Level
    next_steps: tuple[str, ...]  # the first is the default; a rule may pick another one
    check: RuleFunction

    @property
    def next_step(self) -> str:
        return self.next_steps[0]


RULES: dict[str, Rule] = {}
"""Every registered rule by code, in registration order."""

CHECK_FAILED = "check_failed"
"""The code of the finding reported when a rule itself fails (a bug, never the user's fault)."""


def rule(
    code: str,
    severity: Severity | str,
    level: Level | str,
    next_step: str | tuple[str, ...],
) -> Callable[[RuleFunction], RuleFunction]:
    """Register a rule function under ``code``. ``next_step`` is the suggested next step's
    code, or a tuple of the codes the rule may suggest (the first is the default)."""
    steps = (next_step,) if isinstance(next_step, str) else tuple(next_step)
    if not steps:
        raise ValueError(f"rule {code}: at least one next step")

    def register(fn: RuleFunction) -> RuleFunction:
        if code in RULES or code == CHECK_FAILED:
            raise ValueError(f"rule code registered twice: {code}")
        RULES[code] = Rule(code, Severity(severity), Level(level), steps, fn)
        return fn

    return register


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    level: Level
    ref: ObjectRef | None  # None: the plan as a whole
    params: Mapping[str, Any]
    next_step: str
    dismissed: bool = False
    dismiss_reason: str = ""

    @property
    def object_ref(self) -> str:
        """The reference as stored in ``finding_dismissal.object_ref``."""
        return ref_text(self.ref)


@dataclass(frozen=True)
class RuleStats:
    """How one rule fared: objects examined, how many passed, how many failures dismissed."""

    code: str
    severity: Severity
    level: Level
    examined: int
    passed: int
    dismissed: int = 0

    @property
    def counted(self) -> int:
        """Checks that count towards the score (dismissed failures do not)."""
        return self.examined - self.dismissed

    @property
    def failed(self) -> int:
        return self.examined - self.passed - self.dismissed


@dataclass(frozen=True)
class CheckReport:
    today: dt.date
    findings: tuple[Finding, ...]  # sorted: severity, level, rule order, object
    rules: tuple[RuleStats, ...]  # in registration order

    @property
    def passed(self) -> int:
        return sum(r.passed for r in self.rules)

    @property
    def total(self) -> int:
        return sum(r.counted for r in self.rules)

    @property
    def score(self) -> float:
        """Share of checks passed, 0..1 (1.0 when nothing was examined)."""
        return self.passed / self.total if self.total else 1.0

    @property
    def active(self) -> tuple[Finding, ...]:
        """The findings not dismissed."""
        return tuple(f for f in self.findings if not f.dismissed)

    @property
    def dismissed(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.dismissed)

    @property
    def counts(self) -> dict[str, int]:
        """Active findings per severity, plus ``dismissed``: all keys always present."""
        counts = {s.value: 0 for s in Severity}
        for f in self.active:
            counts[f.severity.value] += 1
        counts["dismissed"] = len(self.findings) - len(self.active)
        return counts

    @property
    def has_errors(self) -> bool:
        """Any active finding of severity error (the CLI's non-zero exit)."""
        return any(f.severity is Severity.ERROR for f in self.active)

    def by_level(self) -> dict[Level, tuple[Finding, ...]]:
        """Findings grouped by level, every level present, in the order of :class:`Level`."""
        return {lv: tuple(f for f in self.findings if f.level is lv) for lv in Level}

    def for_object(self, table: str, ident: int) -> tuple[Finding, ...]:
        """Active findings about one row (for a badge next to it)."""
        return tuple(f for f in self.active if f.ref == (table, ident))


def _sort_key(f: Finding) -> tuple[int, int, int, str, int]:
    order = list(RULES).index(f.code) if f.code in RULES else -1
    return (
        f.severity.rank,
        f.level.rank,
        order,
        f.ref.table if f.ref else "",
        f.ref.id if f.ref else 0,
    )


def run_checks(snap: PlanSnapshot, rules: Iterable[Rule] | None = None) -> CheckReport:
    """Run ``rules`` (default: every registered rule) over ``snap``.

    A rule that raises does not stop the others: it yields one ``check_failed`` finding
    (severity error, ``params = {"rule": code, "detail": ...}``) and counts nothing."""
    dismissed = {(d.code, d.object_ref): d.reason for d in snap.dismissals}
    findings: list[Finding] = []
    stats: list[RuleStats] = []
    for r in RULES.values() if rules is None else rules:
        try:
            outcomes = list(r.check(snap))
            for o in outcomes:
                if o.next_step is not None and o.next_step not in r.next_steps:
                    raise ValueError(f"next step {o.next_step!r} not declared")
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            findings.append(
                Finding(
                    CHECK_FAILED,
                    Severity.ERROR,
                    r.level,
                    None,
                    {"rule": r.code, "detail": f"{type(exc).__name__}: {exc}"},
                    "report_problem",
                )
            )
            stats.append(RuleStats(r.code, r.severity, r.level, 0, 0))
            continue
        passed = n_dismissed = 0
        for o in outcomes:
            if o.passed:
                passed += 1
                continue
            key = (r.code, ref_text(o.ref))
            is_dismissed = key in dismissed
            n_dismissed += is_dismissed
            findings.append(
                Finding(
                    r.code,
                    r.severity,
                    r.level,
                    o.ref,
                    dict(o.params),
                    o.next_step or r.next_step,
                    is_dismissed,
                    dismissed.get(key, ""),
                )
            )
        stats.append(RuleStats(r.code, r.severity, r.level, len(outcomes), passed, n_dismissed))
    findings.sort(key=_sort_key)
    return CheckReport(snap.today, tuple(findings), tuple(stats))


def catalogue() -> list[dict[str, Any]]:
    """Every rule's code, severity, level and possible next steps (for translators and docs)."""
    return [
        {
            "code": r.code,
            "severity": r.severity.value,
            "level": r.level.value,
            "next_steps": list(r.next_steps),
        }
        for r in RULES.values()
    ]
