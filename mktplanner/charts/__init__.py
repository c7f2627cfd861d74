"""Charts: pure functions from plain data (``charts.data``) to a matplotlib ``Figure``.

No Qt and no pyplot: the app embeds the figures in its own canvas, the PDF report and the
tests render them with :mod:`mktplanner.charts.render`. The chart functions are exported
lazily, so that ``from mktplanner.charts.data import ...`` does not import matplotlib.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "goal_progress": "mktplanner.charts.goals",
    "budget_by_month": "mktplanner.charts.budget",
    "spend_by_channel": "mktplanner.charts.channels",
    "cpl_romi_by_channel": "mktplanner.charts.channels",
    "team_capacity": "mktplanner.charts.team",
    "weekly_completion": "mktplanner.charts.team",
    "swot_counts": "mktplanner.charts.swot",
    "timeline": "mktplanner.charts.tactical",
    "timeline_pages": "mktplanner.charts.tactical",
    "to_png": "mktplanner.charts.render",
    "to_svg": "mktplanner.charts.render",
    "to_pdf": "mktplanner.charts.render",
    "fig_to_bytes": "mktplanner.charts.render",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
