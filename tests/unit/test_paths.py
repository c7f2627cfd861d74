"""Where the app keeps the user's files and finds its own."""

import logging
import logging.handlers
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mktplanner import logsetup, paths

REPO = Path(__file__).resolve().parents[2]


def test_env_override_wins_and_folders_are_created(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "somewhere" / "mine"
    monkeypatch.setenv("MKTPLANNER_DATA_DIR", str(target))

    assert paths.data_dir() == target
    assert target.is_dir()
    assert paths.logs_dir() == target / "logs" and (target / "logs").is_dir()
    assert paths.backups_dir() == target / "backups" and (target / "backups").is_dir()
    assert paths.demo_plan_path() == target / "demo.mktplan"
    assert paths.mpl_config_dir().is_dir()
    assert paths.mpl_config_dir().is_relative_to(target)


def test_each_test_gets_its_own_data_dir(user_data_dir: Path) -> None:
    assert paths.data_dir() == user_data_dir
    assert paths.data_dir() != Path.home() / ".local" / "share" / "mktplanner"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG layout is the Linux convention")
def test_linux_default_follows_xdg(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("MKTPLANNER_DATA_DIR")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "mktplanner"

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.delenv("XDG_DATA_HOME")
    assert paths.data_dir() == tmp_path / "home" / ".local" / "share" / "mktplanner"

    # A relative XDG_DATA_HOME is invalid per the spec and ignored.
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    assert paths.data_dir() == tmp_path / "home" / ".local" / "share" / "mktplanner"


def test_windows_and_macos_defaults(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv("MKTPLANNER_DATA_DIR")
    monkeypatch.setattr(paths, "_ensure", lambda p: p)  # do not create foreign layouts here
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert paths.data_dir() == tmp_path / "Roaming" / "mktplanner"

    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    expected = tmp_path / "home" / "Library" / "Application Support" / "mktplanner"
    assert paths.data_dir() == expected


def test_from_source_resources_are_the_repository_folders() -> None:
    assert not paths.is_frozen()
    assert paths.resources_dir() == REPO / "resources"
    assert paths.icons_dir() == REPO / "resources" / "icons"
    assert paths.translations_dir() == REPO / "resources" / "translations"
    assert (paths.icons_dir() / "mktplanner.svg").is_file()
    assert (paths.translations_dir() / "mktplanner_ru.ts").is_file()
    assert paths.migrations_dir() == REPO / "mktplanner" / "store" / "migrations"


def test_frozen_build_resolves_inside_the_bundle(tmp_path: Path, monkeypatch) -> None:
    bundle = tmp_path / "_internal"
    fonts = bundle / "matplotlib" / "mpl-data" / "fonts" / "ttf"
    fonts.mkdir(parents=True)
    (fonts / "DejaVuSans.ttf").write_bytes(b"font")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)

    assert paths.is_frozen()
    assert paths.resources_dir() == bundle / "resources"
    assert paths.translations_dir() == bundle / "resources" / "translations"
    assert paths.icons_dir() == bundle / "resources" / "icons"
    assert paths.migrations_dir() == bundle / "mktplanner" / "store" / "migrations"
    assert paths.font_path() == fonts / "DejaVuSans.ttf"

    # A font shipped in the app's own resources comes first.
    own = bundle / "resources" / "fonts"
    own.mkdir(parents=True)
    (own / "DejaVuSans-Bold.ttf").write_bytes(b"bold")
    assert paths.font_path(bold=True) == own / "DejaVuSans-Bold.ttf"


def test_dejavu_fonts_are_found() -> None:
    regular = paths.font_path()
    bold = paths.font_path(bold=True)
    assert regular is not None and regular.name == "DejaVuSans.ttf" and regular.is_file()
    assert bold is not None and bold.name == "DejaVuSans-Bold.ttf" and bold.is_file()
    # A real TrueType file, not a placeholder.
    assert regular.read_bytes()[:4] in (b"\x00\x01\x00\x00", b"true")


def test_importing_paths_loads_neither_qt_nor_matplotlib() -> None:
    code = (
        "import sys; from mktplanner import paths; paths.font_path(); paths.resources_dir();"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'matplotlib')];"
        "print(bad); raise SystemExit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_configure_matplotlib_env_keeps_an_existing_value(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("MPLCONFIGDIR", str(tmp_path / "given"))
    assert paths.configure_matplotlib_env() == tmp_path / "given"

    monkeypatch.delenv("MPLCONFIGDIR")
    folder = paths.configure_matplotlib_env()
    assert folder == paths.mpl_config_dir()
    assert os.environ["MPLCONFIGDIR"] == str(folder)


# --- the log file (its place is the data folder) ---------------------------------


def test_log_exception_writes_traceback_to_the_log_in_the_data_dir(user_data_dir: Path) -> None:
    def fail() -> None:
        raise ValueError("broken budget row")

    try:
        fail()
    except ValueError as exc:
        log_file = logsetup.log_exception(exc, "export PDF")

    assert log_file == user_data_dir / "logs" / "mktplanner.log"
    text = log_file.read_text(encoding="utf-8")
    assert "export PDF failed: broken budget row" in text
    assert "Traceback (most recent call last)" in text
    assert "in fail" in text


def test_setup_logging_is_idempotent_and_follows_the_data_dir(tmp_path: Path, monkeypatch) -> None:
    first = logsetup.setup_logging()
    again = logsetup.setup_logging(verbose=True)
    ours = [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.handlers.RotatingFileHandler) and h.baseFilename == str(first)
    ]
    assert first == again and len(ours) == 1
    assert ours[0].maxBytes == 1_000_000 and ours[0].backupCount == 3

    monkeypatch.setenv("MKTPLANNER_DATA_DIR", str(tmp_path / "other"))
    moved = logsetup.setup_logging()
    assert moved == tmp_path / "other" / "logs" / "mktplanner.log"
    assert logsetup.current_log_file() == moved
    logging.getLogger("mktplanner.test").warning("hello from the test")
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "hello from the test" in moved.read_text(encoding="utf-8")
