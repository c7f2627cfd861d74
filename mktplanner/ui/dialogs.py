"""Every dialog the shell shows, as module-level functions (tests patch them here).

``message`` is the one place a QMessageBox is made; the others build on it. Each error
dialog says what happened and what to do next, in the user's language, with no traceback.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts

PLAN_FILTER_SOURCE = "Marketing plans (*.mktplan)"

_BUTTONS = {
    "ok": QMessageBox.StandardButton.Ok,
    "cancel": QMessageBox.StandardButton.Cancel,
    "yes": QMessageBox.StandardButton.Yes,
    "no": QMessageBox.StandardButton.No,
}


def message(
    parent: QWidget | None,
    kind: str,
    title: str,
    text: str,
    informative: str = "",
    buttons: Sequence[str] = ("ok",),
    extra: Sequence[tuple[str, str]] = (),
) -> str:
    """Show a message box; returns the name of the button pressed ("ok", "cancel", or an
    ``extra`` button's key). ``kind``: info, warning, error, question."""
    icons = {
        "info": QMessageBox.Icon.Information,
        "warning": QMessageBox.Icon.Warning,
        "error": QMessageBox.Icon.Critical,
        "question": QMessageBox.Icon.Question,
    }
    box = QMessageBox(parent)
    box.setIcon(icons.get(kind, QMessageBox.Icon.NoIcon))
    box.setWindowTitle(title)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    found: dict[Any, str] = {}
    for name in buttons:
        found[box.addButton(_BUTTONS[name])] = name
    for key, label in extra:
        found[box.addButton(label, QMessageBox.ButtonRole.AcceptRole)] = key
    box.exec()
    return found.get(box.clickedButton(), "cancel")


def app_title() -> str:
    return QCoreApplication.translate("dialogs", "Marketing Planner")


def show_file_error(parent: QWidget | None, exc: Any, *, offer_restore: bool = False) -> str:
    """A plan file could not be used. Returns "restore" when the user asked for a backup."""
    head, hint = texts.plan_file_error(exc)
    path = getattr(exc, "path", "")
    info = hint + (f"\n\n{path}" if path else "")
    code = getattr(exc, "code", "")
    extra: list[tuple[str, str]] = []
    if offer_restore and code in ("damaged", "migration_failed"):
        extra.append(("restore", QCoreApplication.translate("dialogs", "Restore from backup…")))
    return message(
        parent, "error" if code != "newer" else "warning", app_title(), head, info, ("ok",), extra
    )


def show_edit_error(parent: QWidget | None, exc: BaseException, what: str = "") -> None:
    """An edit, undo or redo was refused: say why (a rule, a read-only or full disk)."""
    from mktplanner.domain.errors import DomainError
    from mktplanner.store.errors import PlanFileError, ReadOnlyPlan

    if isinstance(exc, ReadOnlyPlan):
        holder = str(exc.params.get("holder", "") or "")
        message(
            parent,
            "warning",
            app_title(),
            QCoreApplication.translate("dialogs", "This plan is open read-only."),
            texts.read_only_reason(holder),
        )
    elif isinstance(exc, PlanFileError):
        head, hint = texts.plan_file_error(exc)
        message(parent, "error", app_title(), head, hint)
    elif isinstance(exc, DomainError):
        title = QCoreApplication.translate("dialogs", "The change was not saved")
        if what:
            title = QCoreApplication.translate("dialogs", "Could not {what}").format(what=what)
        message(parent, "warning", app_title(), title, texts.domain_error_text(exc))
    else:
        from mktplanner.logsetup import log_exception

        apology(parent, log_exception(exc, what or "edit"))


def show_parse_error(parent: QWidget | None, field: str, code: str, params: dict[str, Any]) -> None:
    message(
        parent,
        "warning",
        app_title(),
        QCoreApplication.translate("dialogs", "This value cannot be read"),
        texts.problem_text(code, params, field),
    )


def apology(parent: QWidget | None, log_path: Path | str) -> None:
    """An unexpected error: a short apology and where the details were written."""
    message(
        parent,
        "error",
        app_title(),
        QCoreApplication.translate("dialogs", "Sorry, something went wrong."),
        QCoreApplication.translate(
            "dialogs",
            "Your plan is safe: every change made before this was saved. The details were "
            "written to the log file:\n{path}\nPlease send it to the developers.",
        ).format(path=str(log_path)),
    )


def ask_open_path(parent: QWidget | None, folder: str = "") -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("dialogs", "Open plan"),
        folder,
        QCoreApplication.translate("dialogs", "Marketing plans (*.mktplan);;All files (*)"),
    )
    return path or None


def ask_save_path(
    parent: QWidget | None, title: str, suggested: str, file_filter: str = ""
) -> str | None:
    path, _ = QFileDialog.getSaveFileName(
        parent,
        title,
        suggested,
        file_filter or QCoreApplication.translate("dialogs", "Marketing plans (*.mktplan)"),
    )
    return path or None


def choose_backup(parent: QWidget | None, backups: Sequence[Any], fmt: Any) -> Any | None:
    """Let the user pick one of ``store.backup.list_backups`` (newest first); None: cancelled."""
    if not backups:
        message(
            parent,
            "info",
            app_title(),
            QCoreApplication.translate("dialogs", "This plan has no backups yet."),
            QCoreApplication.translate(
                "dialogs",
                "A backup is made each time the plan is opened (at most one every ten minutes).",
            ),
        )
        return None
    dialog = QDialog(parent)
    dialog.setWindowTitle(QCoreApplication.translate("dialogs", "Restore from backup"))
    dialog.resize(520, 380)
    layout = QVBoxLayout(dialog)
    intro = QLabel(
        QCoreApplication.translate(
            "dialogs",
            "Choose the state to go back to. The current file is kept beside the plan, renamed, "
            "so nothing is lost.",
        )
    )
    intro.setWordWrap(True)
    layout.addWidget(intro)
    listing = QListWidget()
    listing.setObjectName("Recent")
    for b in backups:
        created = b.created if isinstance(b.created, dt.datetime) else None
        when = fmt.datetime(created) if created else str(b.created)
        size = fmt.number(b.size / 1024, 0) + " KB"
        item = QListWidgetItem(f"{when}  ·  {texts.backup_reason(b.reason)}  ·  {size}")
        item.setData(Qt.ItemDataRole.UserRole, b)
        listing.addItem(item)
    listing.setCurrentRow(0)
    layout.addWidget(listing, 1)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    restore = buttons.addButton(
        QCoreApplication.translate("dialogs", "Restore"), QDialogButtonBox.ButtonRole.AcceptRole
    )
    restore.setObjectName("Primary")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    listing.itemDoubleClicked.connect(lambda _item: dialog.accept())
    layout.addWidget(buttons)
    if dialog.exec() != QDialog.DialogCode.Accepted or listing.currentItem() is None:
        return None
    return listing.currentItem().data(Qt.ItemDataRole.UserRole)


def about(parent: QWidget | None, version: str, schema: int | str) -> None:
    message(
        parent,
        "info",
        QCoreApplication.translate("dialogs", "About"),
        app_title() + f" {version}",
        QCoreApplication.translate(
            "dialogs",
            "Marketing planning for small businesses: SWOT, goals, tactics, weekly plans, "
            "budget control and results.\n\nLicence: MIT\nPlan file format version: {schema}",
        ).format(schema=schema),
    )
