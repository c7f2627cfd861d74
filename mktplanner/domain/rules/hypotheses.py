"""Where a hypothesis stands in its test: planned, running, awaiting a decision, decided.

- ``decided``: the decision is made (scale, stop or continue), whatever the dates;
- otherwise (``pending``): ``planned`` before its start, ``running`` from start to end
  inclusive (or from start on when there is no end), ``awaiting_decision`` after its end;
  a pending hypothesis without a start is ``planned``.

The plan check's ``hypothesis_no_decision`` finding is the ``awaiting_decision`` state.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum

from mktplanner.domain.enums import Decision


class HypothesisState(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    AWAITING_DECISION = "awaiting_decision"
    DECIDED = "decided"


def hypothesis_state(
    start: dt.date | None, end: dt.date | None, decision: Decision | str, today: dt.date
) -> HypothesisState:
    if decision != Decision.PENDING:
        return HypothesisState.DECIDED
    if start is None or today < start:
        return HypothesisState.PLANNED
    if end is not None and today > end:
        return HypothesisState.AWAITING_DECISION
    return HypothesisState.RUNNING
