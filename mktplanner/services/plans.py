"""Creating and opening plans: the entry points the UI and the CLI call."""

from __future__ import annotations

from pathlib import Path

from mktplanner.services.bootstrap import initial_rows
from mktplanner.store.planfile import PlanFile


def new_plan(
    path: Path | str,
    *,
    name: str,
    currency: str = "RUB",
    language: str = "ru",
    overwrite: bool = False,
) -> PlanFile:
    """Create a plan file with its profile, budget settings, default directions and channels."""
    rows = initial_rows(name=name, currency=currency, language=language)
    return PlanFile.create(path, rows, overwrite=overwrite)


def open_plan(path: Path | str, *, read_only: bool = False) -> PlanFile:
    return PlanFile.open(path, read_only=read_only)
