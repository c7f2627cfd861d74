"""The open plan as the UI sees it, and the one undo stack every edit passes through.

``Document`` holds the ``PlanFile``, the ``QUndoStack`` and the formatter of the plan's
language and currency. Pages never write to the plan themselves: they build an edit from
``services.edits`` and call ``document.push(edit)``.

How the stack stays true to the file:

* ``push`` runs the edit first (one transaction). Only when it succeeded is an
  ``EditCommand`` pushed, marked as already done so that ``QUndoStack.push`` (which calls
  ``redo()``) does not run it a second time. A refused edit (``DomainError``,
  ``PlanFileError``: read-only, disk full) shows its reason and leaves the stack untouched.
* ``undo`` / ``redo`` go through ``Document.undo()`` / ``Document.redo()``. If the
  database refuses (disk full, file gone read-only), the transaction was rolled back, so the
  edit's effect is unchanged; the command then asks to be stepped back over without running
  anything, and the stack's index again says what the file holds.

After every successful run, undo or redo, the ``Change`` goes out on the bus.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mktplanner.ui import texts
from mktplanner.ui.bus import ChangeBus, bus
from mktplanner.ui.fmt import Formatter

if TYPE_CHECKING:
    from mktplanner.services.edits import Change, Edit
    from mktplanner.store.planfile import PlanFile

log = logging.getLogger(__name__)

ErrorHandler = Callable[[BaseException, str], None]


def is_user_error(exc: BaseException) -> bool:
    """A refusal the user can act on (bad value, read-only plan, full disk), not a bug."""
    from mktplanner.domain.errors import DomainError
    from mktplanner.store.errors import PlanFileError

    return isinstance(exc, DomainError | PlanFileError)


class EditCommand(QUndoCommand):
    """One edit on the undo stack. ``redo`` runs it, ``undo`` reverts it."""

    def __init__(self, document: Document, edit: Edit, *, done: bool):
        super().__init__(texts.edit_label(edit.label))
        self.document = document
        self.edit = edit
        self._skip = done  # the edit already ran: the push's redo() must not run it again
        self.failed = False

    def redo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.failed = not self.document._apply(self.edit, undo=False)

    def undo(self) -> None:
        if self._skip:
            self._skip = False
            return
        self.failed = not self.document._apply(self.edit, undo=True)

    def skip_next(self) -> None:
        self._skip = True


class Document(QObject):
    """An open plan: file, undo stack, formatter; the single way edits reach the file."""

    read_only_changed = Signal(bool)
    saved = Signal()  # after each successful write

    def __init__(
        self,
        plan: PlanFile,
        *,
        language: str = "en",
        on_error: ErrorHandler | None = None,
        change_bus: ChangeBus | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.plan = plan
        self.stack = QUndoStack(self)
        self.bus = change_bus or bus()
        self.on_error: ErrorHandler = on_error or _log_only
        self.fmt = Formatter(language, self.currency_from_file())

    # --- facts ---------------------------------------------------------------------------
    @property
    def path(self) -> Any:
        return self.plan.path

    @property
    def read_only(self) -> bool:
        return bool(self.plan.read_only)

    @property
    def lock_holder(self) -> str:
        return self.plan.lock_holder or ""

    def currency_from_file(self) -> str:
        from mktplanner.services import views

        return views.plan_profile(self.plan).currency

    def set_language(self, language: str) -> None:
        self.fmt = Formatter(language, self.fmt.currency)

    def refresh_profile(self) -> None:
        """Re-read what the formatter depends on (the plan's currency may have changed)."""
        self.fmt = Formatter(self.fmt.language, self.currency_from_file())

    # --- edits ---------------------------------------------------------------------------
    def push(self, edit: Edit) -> bool:
        """Run ``edit`` and put it on the undo stack; False (reason shown) when refused."""
        from mktplanner.services import edits

        try:
            change = edits.run(self.plan, edit)
        except Exception as exc:  # noqa: BLE001 - every failure leaves the stack as it was
            self._report(exc, texts.edit_label(edit.label))
            return False
        self.stack.push(EditCommand(self, edit, done=True))
        self._after(change)
        return True

    def undo(self) -> None:
        index = self.stack.index()
        if index <= 0:
            return
        cmd = self.stack.command(index - 1)
        self.stack.undo()
        if isinstance(cmd, EditCommand) and cmd.failed:
            cmd.failed = False
            cmd.skip_next()
            self.stack.redo()  # step back over it: the edit is still in the file

    def redo(self) -> None:
        index = self.stack.index()
        if index >= self.stack.count():
            return
        cmd = self.stack.command(index)
        self.stack.redo()
        if isinstance(cmd, EditCommand) and cmd.failed:
            cmd.failed = False
            cmd.skip_next()
            self.stack.undo()  # the edit is still not in the file

    def _apply(self, edit: Edit, *, undo: bool) -> bool:
        from mktplanner.services import edits

        try:
            change = edits.undo(self.plan, edit) if undo else edits.run(self.plan, edit)
        except Exception as exc:  # noqa: BLE001 - see the module's docstring
            self._report(exc, texts.edit_label(edit.label))
            return False
        self._after(change)
        return True

    def _after(self, change: Change) -> None:
        if "plan" in change.rows:
            self.refresh_profile()
        self.saved.emit()
        self.bus.emit_change(change)

    def _report(self, exc: BaseException, what: str) -> None:
        if not is_user_error(exc):
            log.exception("edit failed: %s", what)
        self.on_error(exc, what)

    def close(self) -> None:
        self.stack.clear()
        try:
            self.plan.close()
        except Exception:  # noqa: BLE001 - closing must not keep the user from going on
            log.exception("closing the plan failed")


def _log_only(exc: BaseException, what: str) -> None:
    log.warning("%s refused: %s", what, exc)
