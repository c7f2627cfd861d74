"""The main window stays the active window while pages are built and shown.

A widget made without a parent and made visible before it is put in a layout shows up as a
window of its own for a moment: the user sees a flash and the main window loses activation,
so its shortcuts (Ctrl+Z, Enter-adds-a-row …) stop reaching their actions. Pages are built
lazily, the first time they are shown, i.e. while the window is on screen, so this is
checked by watching every window that is shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget


class _StrayWindows(QObject):
    """Records every top-level widget other than ``main`` that is shown."""

    def __init__(self, main: QWidget):
        super().__init__()
        self.main = main
        self.shown: list[str] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (
            event.type() == QEvent.Type.Show
            and isinstance(obj, QWidget)
            and obj.isWindow()
            and obj is not self.main
        ):
            self.shown.append(f"{type(obj).__name__} {obj.objectName()!r}")
        return False


def _visit_every_page_and_tab(window: Any) -> None:
    for page_id in window.pages:
        window.show_page(page_id)
        QApplication.processEvents()
        for tabs in window.pages[page_id].findChildren(QTabWidget):
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                QApplication.processEvents()


def test_opening_a_plan_and_visiting_every_page_shows_no_stray_window(
    window: Any, demo_file: Path, dialogs: Any, qtbot: Any
) -> None:
    qtbot.waitActive(window)
    watcher = _StrayWindows(window)
    QApplication.instance().installEventFilter(watcher)
    try:
        assert window.open_path(demo_file), dialogs.texts()
        QApplication.processEvents()
        _visit_every_page_and_tab(window)
        window.set_language("ru")
        QApplication.processEvents()
        _visit_every_page_and_tab(window)
    finally:
        QApplication.instance().removeEventFilter(watcher)
        window.set_language("en")
    assert watcher.shown == []
    assert QApplication.activeWindow() is window
    # The keyboard symptoms themselves are tested where they live: Ctrl+Z after dragging a
    # timeline bar (test_tactics) and Enter-adds-a-task in the week editor (test_weekly).
