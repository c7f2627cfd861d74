"""DESIGN.md's layers, beyond what import-linter checks (``lint-imports``): no SQL is written
in the window or the command line: they ask the services."""

from __future__ import annotations

import re
from pathlib import Path

import mktplanner

PACKAGE = Path(mktplanner.__file__).resolve().parent
SQL = re.compile(r"""["'](\s*)(SELECT|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM)\s""")


def _sql_in(paths: list[Path]) -> list[str]:
    found = []
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if SQL.search(line):
                found.append(f"{path.relative_to(PACKAGE)}:{number}: {line.strip()}")
    return found


def test_no_sql_in_the_window_or_the_command_line() -> None:
    paths = sorted((PACKAGE / "ui").rglob("*.py")) + [PACKAGE / "cli.py"]
    assert _sql_in(paths) == []


def test_the_scan_finds_sql_where_it_belongs() -> None:
    assert _sql_in([PACKAGE / "services" / "budget.py"])
