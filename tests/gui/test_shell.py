"""The application shell: welcome page, opening files good and bad, read-only plans, recent
files, the language switch, and the apology for unexpected errors."""

from __future__ import annotations

import getpass
import json
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from gui.helpers import cells, sha256
from PySide6.QtCore import Qt

pytestmark = pytest.mark.timeout(90)


# --- welcome ------------------------------------------------------------------------------


def test_welcome_creates_a_plan(window: Any, dialogs: Any, tmp_path: Path) -> None:
    assert window.outer.currentWidget() is window.welcome
    target = tmp_path / "Bakery.mktplan"
    dialogs.save_paths.append(str(target))
    welcome = window.welcome
    welcome.name.setText("Bakery 2026")
    welcome.currency.setCurrentText("EUR")
    welcome.language.setCurrentIndex(welcome.language.findData("en"))
    assert welcome.create_button.isEnabled()
    welcome.create_button.click()
    assert target.is_file()
    assert window.doc is not None
    assert window.outer.currentWidget() is window.workspace
    assert window.windowTitle().startswith("Bakery 2026 — Bakery.mktplan")
    assert window.plan_name.text() == "Bakery 2026"
    assert "EUR" in window.pages["overview"].currency.text()


def test_welcome_opens_the_demo(window: Any, dialogs: Any) -> None:
    from mktplanner import paths

    assert not paths.demo_plan_path().exists()
    window.welcome.demo_button.click()
    assert paths.demo_plan_path().is_file()
    assert window.doc is not None
    overview = window.pages["overview"]
    assert overview.isVisible()
    assert overview.card_goals.value.text() == "3"


def test_recent_files_survive_a_restart(
    window: Any, demo_file: Path, dialogs: Any, qtbot: Any
) -> None:
    from mktplanner.ui import app as app_mod
    from mktplanner.ui.main_window import MainWindow

    assert window.open_path(demo_file)
    window.close()  # closes the plan; the settings are written
    second = MainWindow("en")
    qtbot.addWidget(second)
    items = [second.welcome.recent.item(i) for i in range(second.welcome.recent.count())]
    assert [i.data(Qt.ItemDataRole.UserRole) for i in items] == [str(demo_file.resolve())]
    assert str(demo_file.resolve()) in items[0].text()  # the path is shown
    assert app_mod.last_plan() == str(demo_file.resolve())


# --- bad files -------------------------------------------------------------------------------


def _foreign(path: Path) -> Path:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    con.execute("INSERT INTO notes (text) VALUES ('hello')")
    con.commit()
    con.close()
    return path


def _newer(path: Path, demo_file: Path) -> Path:
    path.write_bytes(demo_file.read_bytes())
    con = sqlite3.connect(path)
    con.execute("PRAGMA user_version = 999")
    con.commit()
    con.close()
    return path


def _damaged(path: Path, demo_file: Path) -> Path:
    data = bytearray(demo_file.read_bytes())
    page = 4096
    for offset in range(page, min(len(data), page * 6)):
        data[offset] = 0x5A  # garbage over the first pages after the header
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("kind", "headline", "restore_offered"),
    [
        ("foreign", "This database was not made by this application.", False),
        ("newer", "This plan was saved by a newer version of the application.", False),
        ("damaged", "This plan file is damaged.", True),
    ],
)
def test_bad_file_gives_one_clear_dialog_and_stays_unchanged(
    window: Any,
    dialogs: Any,
    demo_file: Path,
    tmp_path: Path,
    kind: str,
    headline: str,
    restore_offered: bool,
) -> None:
    path = tmp_path / f"{kind}.mktplan"
    if kind == "foreign":
        _foreign(path)
    elif kind == "newer":
        _newer(path, demo_file)
    else:
        _damaged(path, demo_file)
    before = sha256(path)
    assert not window.open_path(path)
    assert len(dialogs.messages) == 1
    shown = dialogs.messages[0]
    assert shown["text"] == headline
    assert "traceback" not in shown["informative"].lower()
    assert ("restore" in shown["extra"]) == restore_offered
    assert sha256(path) == before
    assert window.doc is None
    assert window.outer.currentWidget() is window.welcome  # the app goes on


def test_damaged_plan_can_be_restored_from_a_backup(
    window: Any, dialogs: Any, demo_file: Path
) -> None:
    from mktplanner.store.backup import list_backups

    assert window.open_path(demo_file)  # opening makes the first backup
    window.set_document(None)
    assert list_backups(demo_file)
    _damaged(demo_file, demo_file)
    dialogs.answers.append("restore")
    assert not window.open_path(demo_file)
    assert dialogs.backups  # the backups were offered...
    assert window.doc is not None  # ...and the restored plan is open
    assert window.pages["overview"].card_goals.value.text() == "3"


# --- read-only -------------------------------------------------------------------------------


@pytest.fixture
def other_process() -> Any:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield proc
    proc.kill()
    proc.wait()


def test_plan_locked_by_another_process_is_read_only(
    window: Any, dialogs: Any, demo_file: Path, other_process: Any
) -> None:
    from mktplanner.store.lock import lock_path_for

    lock = lock_path_for(demo_file)
    lock.write_text(
        json.dumps(
            {
                "pid": other_process.pid,
                "host": socket.gethostname(),
                "user": getpass.getuser(),
                "since": time.time(),
            }
        ),
        encoding="utf-8",
    )
    before = sha256(demo_file)
    assert window.open_path(demo_file)
    assert window.doc.read_only
    holder = f"pid {other_process.pid}"
    assert "Read-only" in window.save_state.text() and holder in window.save_state.text()
    assert "read-only" in window.windowTitle()

    window.show_page("goals")
    page = window.pages["goals"]
    assert page.banner.isVisible()
    assert holder in page.banner.label.text()
    assert page.goals.section.add_button is not None
    assert not page.goals.section.add_button.isVisible()
    model = page.goals.model
    col = model.column_of("title")
    assert not (model.flags(model.index(0, col)) & Qt.ItemFlag.ItemIsEditable)
    assert not model.setData(model.index(0, col), "Changed", Qt.ItemDataRole.EditRole)
    # An edit forced through the page is refused with the reason.
    assert not page.update_row("goal", model.rows[0]["id"], {"title": "Changed"})
    assert holder in dialogs.texts()[-1]
    assert not window.act_undo.isEnabled()
    window.set_document(None)
    assert sha256(demo_file) == before


# --- languages -------------------------------------------------------------------------------


def _sidebar_texts(window: Any) -> list[str]:
    return [window.sidebar.item(i).text() for i in range(window.sidebar.count())]


def test_switching_language_changes_visible_texts(opened: Any) -> None:
    opened.show_page("goals")
    assert "Goals" in _sidebar_texts(opened)
    opened.act_lang["ru"].trigger()
    assert "Цели" in _sidebar_texts(opened)
    assert opened.current_page_id() == "goals"  # same page, same plan
    page = opened.pages["goals"]
    assert page.title_label.text() == "Цели"
    assert page.goals.model.headerData(0, Qt.Orientation.Horizontal) == "Название"
    assert opened.doc is not None and page.goals.model.rowCount() == 3
    assert opened.menuBar().actions()[0].text() == "&Файл"
    opened.act_lang["en"].trigger()
    assert "Goals" in _sidebar_texts(opened)


def test_undo_history_survives_a_language_switch(opened: Any) -> None:
    page = opened.pages["goals"]
    opened.show_page("goals")
    model = page.goals.model
    assert model.setData(
        model.index(0, model.column_of("title")), "Renamed", Qt.ItemDataRole.EditRole
    )
    opened.set_language("ru")
    assert opened.act_undo.isEnabled()
    assert opened.act_undo.text() == "&Отменить: изменить цель"
    opened.act_undo.trigger()
    assert cells(opened.pages["goals"].goals.model, "title")[0] != "Renamed"


# --- unexpected errors ---------------------------------------------------------------------


def test_unexpected_exception_gives_an_apology_with_the_log_path(dialogs: Any) -> None:
    from mktplanner.ui.app import install_excepthook

    install_excepthook()
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(dialogs.messages) == 1
    shown = dialogs.messages[0]
    assert shown["text"] == "Sorry, something went wrong."
    log_path = shown["informative"].split("\n")[1]
    assert Path(log_path).is_file()
    assert "boom" in Path(log_path).read_text(encoding="utf-8")
    assert "Traceback" not in shown["informative"]


def test_start_up_without_a_plan_does_not_load_the_database_layer(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from mktplanner.ui.app import run\n"
        "rc = run(None, exit_after_shown=True)\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'matplotlib') if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
        "raise SystemExit(rc)\n"
    )
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MKTPLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


def test_exit_after_shown_with_a_plan(tmp_path: Path, demo_file: Path) -> None:
    code = (
        "import sys\n"
        "from mktplanner.ui.app import run\n"
        f"raise SystemExit(run({str(demo_file)!r}, exit_after_shown=True, lang='en'))\n"
    )
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MKTPLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr


def test_file_new_while_a_plan_is_open_offers_the_way_back(opened: Any) -> None:
    opened.act_new.trigger()
    assert opened.outer.currentWidget() is opened.welcome
    assert opened.welcome.back_button.isVisible()
    assert "Grain Coffee House" in opened.welcome.back_button.text()
    opened.welcome.back_button.click()
    assert opened.outer.currentWidget() is opened.workspace
    assert opened.doc is not None


def test_a_plan_the_system_asks_to_open_is_opened(
    window: Any, dialogs: Any, demo_file: Path, tmp_path: Path
) -> None:
    """macOS hands a double-clicked .mktplan over as a QFileOpenEvent: before start-up has
    opened anything the path waits for it; afterwards the window opens it at once, and a
    file it cannot open gets the usual one dialog."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from mktplanner.ui.app import FileOpenHandler

    app = QApplication.instance()
    handler = FileOpenHandler(window)
    app.installEventFilter(handler)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(demo_file)))
        assert handler.requested == str(demo_file)
        assert window.doc is None

        handler.started = True
        QApplication.sendEvent(app, QFileOpenEvent(str(demo_file)))
        assert window.doc is not None
        assert Path(window.doc.path) == demo_file.resolve()

        foreign = tmp_path / "notes.mktplan"
        foreign.write_text("not a plan", encoding="utf-8")
        QApplication.sendEvent(app, QFileOpenEvent(str(foreign)))
        assert len(dialogs.messages) == 1
        assert Path(window.doc.path) == demo_file.resolve()  # the open plan stays
    finally:
        app.removeEventFilter(handler)
