"""Small helpers of the GUI tests: reading what a table shows, fingerprints of files."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def cells(model: Any, key: str) -> list[str]:
    """The displayed texts of one column of a RowTableModel."""
    col = model.column_of(key)
    assert col >= 0, f"no column {key}"
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def find_row(model: Any, key: str, text: str) -> int:
    for r, value in enumerate(cells(model, key)):
        if value == text:
            return r
    raise AssertionError(f"{text!r} not in column {key}: {cells(model, key)}")
