"""Fixtures of the GUI tests: one QApplication (pytest-qt's), the app's font/theme, a demo plan
copied per test, a main window, and dialogs replaced by recorders (no modal ever opens)."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

_DEMO_CACHE: dict[str, Path] = {}


@pytest.fixture(scope="session")
def gui_app(qapp: Any) -> Any:
    """pytest-qt's QApplication with the app's identity, font, theme and English texts."""
    from mktplanner.ui import app as app_mod
    from mktplanner.ui import theme

    app_mod.application()
    theme.register_fonts()
    app_mod.install_translator("en")
    theme.apply(qapp, dark=False)
    return qapp


@pytest.fixture(autouse=True)
def english(gui_app: Any) -> Iterator[None]:
    """Every test starts in English and leaves the process's excepthook as it found it."""
    from mktplanner.ui import app as app_mod

    hook = sys.excepthook
    app_mod.install_translator("en")
    yield
    app_mod.install_translator("en")
    sys.excepthook = hook


@dataclass
class Dialogs:
    """What the app tried to show; ``answers`` queue the buttons / paths to return."""

    messages: list[dict[str, Any]] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    save_paths: list[str | None] = field(default_factory=list)
    open_paths: list[str | None] = field(default_factory=list)
    backups: list[Any] = field(default_factory=list)

    def texts(self) -> list[str]:
        return [f"{m['text']}\n{m['informative']}" for m in self.messages]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Dialogs:
    from mktplanner.ui import dialogs as mod

    rec = Dialogs()

    def message(parent, kind, title, text, informative="", buttons=("ok",), extra=()):  # noqa: ANN001
        rec.messages.append(
            {
                "kind": kind,
                "title": title,
                "text": text,
                "informative": informative,
                "extra": [k for k, _ in extra],
            }
        )
        return rec.answers.pop(0) if rec.answers else "ok"

    def ask_save_path(parent, title, suggested, file_filter=""):  # noqa: ANN001
        return rec.save_paths.pop(0) if rec.save_paths else None

    def ask_open_path(parent, folder=""):  # noqa: ANN001
        return rec.open_paths.pop(0) if rec.open_paths else None

    def choose_backup(parent, backups, fmt):  # noqa: ANN001
        rec.backups = list(backups)
        return backups[0] if backups else None

    monkeypatch.setattr(mod, "message", message)
    monkeypatch.setattr(mod, "ask_save_path", ask_save_path)
    monkeypatch.setattr(mod, "ask_open_path", ask_open_path)
    monkeypatch.setattr(mod, "choose_backup", choose_backup)
    return rec


@pytest.fixture
def demo_file(tmp_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh copy of the English demo plan (built once per session)."""
    if "en" not in _DEMO_CACHE:
        from mktplanner.services.demo import build_demo

        folder = tmp_path_factory.mktemp("demo-template")
        build_demo(folder / "demo.mktplan", "en").close()
        _DEMO_CACHE["en"] = folder / "demo.mktplan"
    target = tmp_path / "coffee.mktplan"
    shutil.copyfile(_DEMO_CACHE["en"], target)
    return target


@pytest.fixture
def window(qtbot: Any, gui_app: Any) -> Iterator[Any]:
    from mktplanner.ui.main_window import MainWindow

    win = MainWindow("en")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.doc is not None:
        win.set_document(None)


@pytest.fixture
def opened(window: Any, demo_file: Path, dialogs: Dialogs) -> Any:
    """The main window with the demo plan open."""
    assert window.open_path(demo_file), dialogs.texts()
    return window
