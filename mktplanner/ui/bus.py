"""The app-level change signal: one ``changed(Change)`` after every edit, undo and redo.

``Change.rows`` maps table names to the ids touched (see ``services.edits.Change``). Pages
declare the tables they show and refresh only when one of them changed, so an undo made
on one page updates every other page without reloading the plan.

``reset`` is emitted when a plan is opened, closed or restored: everything is stale then.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal


class ChangeBus(QObject):
    changed = Signal(object)  # services.edits.Change (typed as object: no database import here)
    reset = Signal()

    def emit_change(self, change: Any) -> None:
        if change is not None and getattr(change, "rows", None):
            self.changed.emit(change)


_BUS: ChangeBus | None = None


def bus() -> ChangeBus:
    """The one bus of the application (created on first use, owned by the QApplication)."""
    global _BUS
    if _BUS is None or not _alive(_BUS):
        _BUS = ChangeBus(QCoreApplication.instance())
    return _BUS


def _alive(obj: QObject) -> bool:
    try:
        obj.objectName()
    except RuntimeError:
        return False
    return True


def tables_of(change: Any) -> frozenset[str]:
    rows = getattr(change, "rows", None) or {}
    return frozenset(rows)
