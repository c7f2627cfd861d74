"""Structured problems: a field, a code and parameters. Never a translated sentence here;
the presentation layer (``ui/texts.py``, the CLI) turns codes into sentences."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Problem:
    field: str  # e.g. "due", "goals[2].deadline"
    code: str  # e.g. "end_before_start", "negative_money"
    params: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __str__(self) -> str:  # for logs and the CLI's English fallback
        extra = ", ".join(f"{k}={v}" for k, v in self.params.items())
        return f"{self.field}: {self.code}" + (f" ({extra})" if extra else "")


class DomainError(ValueError):
    """Raised when values break a rule; carries every problem found, first one first."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems))

    @property
    def first(self) -> Problem:
        return self.problems[0]
