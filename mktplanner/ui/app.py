"""Start-up of the desktop application.

``run(path, demo=..., exit_after_shown=..., lang=...)`` is what the command line calls.
The order matters for start-up time: the QApplication, the font, the translator and the
theme are set up, the main window is shown, and only after its first paint (a zero-timer)
is the plan opened, which is when the database layer (sqlmodel, SQLAlchemy, Alembic) is
imported for the first time. matplotlib is imported by the chart widgets when first drawn.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    QTimer,
    QTranslator,
)
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from mktplanner import APP_NAME, __version__

log = logging.getLogger(__name__)

LANGUAGES = ("en", "ru")
_translators: list[QTranslator] = []


def system_language() -> str:
    """The interface language the system asks for, when the app has it (else English)."""
    for name in QLocale.system().uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def chosen_language(lang: str | None = None) -> str:
    """``lang`` if given, else the one saved in the settings, else the system's."""
    if lang in LANGUAGES:
        return str(lang)
    saved = QSettings().value("language", "")
    if saved in LANGUAGES:
        return str(saved)
    return system_language()


def install_translator(language: str) -> None:
    """Replace the app's translators with those of ``language`` (Qt's own dialogs included)."""
    from mktplanner import paths

    app = QCoreApplication.instance()
    if app is None:
        return
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Russian if language == "ru" else QLocale.Language.English,
            QLocale.Country.Russia if language == "ru" else QLocale.Country.UnitedStates,
        )
    )
    ours = QTranslator(app)
    if ours.load(f"mktplanner_{language}", str(paths.translations_dir())):
        app.installTranslator(ours)
        _translators.append(ours)
    qt = QTranslator(app)
    if language != "en" and qt.load(
        f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        app.installTranslator(qt)
        _translators.append(qt)


def application(extra_args: Sequence[str] = ()) -> QApplication:
    """The one QApplication (made here unless a test or a caller already made it); ``extra_args``
    are Qt's own options (``-platform offscreen``, ``-style fusion``)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication([*sys.argv[:1], *extra_args])
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    assert isinstance(app, QApplication)
    return app


def setup(app: QApplication, lang: str | None = None) -> str:
    """Font, translator, theme and error hook; returns the interface language in effect."""
    from mktplanner.ui import theme

    theme.register_fonts()
    language = chosen_language(lang)
    install_translator(language)
    theme.apply(app)
    install_excepthook()
    return language


def install_excepthook() -> None:
    """Unexpected exceptions: written to the log, and a short apology with its path."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        from mktplanner.logsetup import log_exception
        from mktplanner.ui import dialogs

        if exc.__traceback__ is None and tb is not None:
            exc = exc.with_traceback(tb)
        log_path = log_exception(exc, "unexpected error")
        try:
            window = QApplication.activeWindow()
            dialogs.apology(window, log_path)
        except Exception:  # noqa: BLE001 - the hook itself must never raise
            log.exception("could not show the apology")

    sys.excepthook = hook


def last_plan() -> str | None:
    value = QSettings().value("last_plan", "")
    if value and Path(str(value)).is_file():
        return str(value)
    return None


def start(window: object, path: str | None, demo: bool) -> None:
    """What to open once the window is on screen: the demo, a file, the last plan, or nothing."""
    from mktplanner.ui.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if demo:
        window.open_demo()
    elif path:
        window.open_path(path)
    else:
        last = last_plan()
        if last:
            window.open_path(last)
        else:
            window.show_welcome()


class FileOpenHandler(QObject):
    """Plans the system asks the app to open: on macOS a double-clicked ``.mktplan`` (or one
    dropped on the Dock icon) arrives as a ``QFileOpenEvent``, not on the command line.

    Before the window has opened its first plan the path is kept (``requested``: start-up
    opens it instead of the last plan); afterwards the window opens it at once.
    """

    def __init__(self, window: object, parent: QObject | None = None):
        super().__init__(parent)
        self.window = window
        self.started = False
        self.requested: str | None = None

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if not path:
            return False
        if self.started:
            self.window.open_path(path)  # type: ignore[attr-defined]
        else:
            self.requested = path
        return True


# Benchmarks (tests/bench) end the process at a moment of start-up: "paint" right after the
# main window's first paint (before the plan is opened), "drawn" once the page shown is fully
# drawn (its data loaded, every visible chart's picture on screen, the event loop idle).
EXIT_AFTER_ENV = "MKTPLANNER_EXIT_AFTER"


def quit_when_drawn(app: QApplication) -> None:
    """Quit once no visible chart waits for its picture and the event loop has gone idle."""
    from PySide6.QtCore import QAbstractEventDispatcher

    from mktplanner.ui.widgets.chart_view import charts_pending

    dispatcher = QAbstractEventDispatcher.instance()
    state = {"idle": 0}

    def about_to_block() -> None:
        # Two idle moments in a row with nothing pending: the deferred work has all run.
        # (While a chart is drawn, its result or its timer wakes the loop again.)
        if charts_pending():
            state["idle"] = 0
            return
        state["idle"] += 1
        if state["idle"] >= 2:
            app.quit()
        else:
            QTimer.singleShot(0, lambda: None)  # wake the loop to look once more

    if dispatcher is None:
        QTimer.singleShot(0, app.quit)
        return
    dispatcher.aboutToBlock.connect(about_to_block)


def run(
    path: str | None,
    *,
    demo: bool = False,
    exit_after_shown: bool = False,
    lang: str | None = None,
    extra_args: Sequence[str] = (),
) -> int:
    """Start the GUI; returns the process exit code."""
    from mktplanner.logsetup import setup_logging

    try:
        setup_logging()
    except OSError:
        pass
    app = application(extra_args)
    language = setup(app, lang)
    from mktplanner.ui.main_window import MainWindow

    window = MainWindow(language)
    file_open = FileOpenHandler(window, app)
    app.installEventFilter(file_open)
    if demo or path or last_plan():
        window.show_opening()
    window.show()
    app.processEvents()  # the first paint happens here, before the database layer is imported
    exit_after = os.environ.get(EXIT_AFTER_ENV, "")
    if exit_after == "paint":
        window.repaint()
        QTimer.singleShot(0, app.quit)
        return int(app.exec())

    def after_first_paint() -> None:
        if exit_after == "drawn":
            quit_when_drawn(app)  # before start(): a dialog it may open must not wait forever
        start(window, file_open.requested or path, demo and not file_open.requested)
        file_open.started = True
        if exit_after_shown and exit_after != "drawn":
            window.repaint()
            QTimer.singleShot(0, app.quit)

    QTimer.singleShot(0, after_first_paint)
    code = app.exec()
    if window.doc is not None:
        window.doc.close()
    return int(code)
