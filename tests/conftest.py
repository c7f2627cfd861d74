"""Test configuration shared by every test folder.

The environment is fixed at import time, before pytest-qt (loaded as a plugin)
imports Qt and before any test imports matplotlib, so that:

* Qt runs without a display (offscreen platform);
* nothing a test does touches the real user's data folder, settings or caches;
* the locale is the same on every machine.

Qt itself is not imported here: Qt-free tests stay Qt-free. The per-test
fixture below only redirects QSettings when Qt is already loaded.
"""

import atexit
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_SESSION_DIR = Path(tempfile.mkdtemp(prefix="mktplanner-tests-"))
atexit.register(shutil.rmtree, _SESSION_DIR, ignore_errors=True)


def _session_subdir(name: str) -> str:
    path = _SESSION_DIR / name
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return str(path)


os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["MKTPLANNER_DATA_DIR"] = _session_subdir("data")
os.environ["MPLCONFIGDIR"] = _session_subdir("mplconfig")
# QSettings (Linux) and QStandardPaths read these; a session folder keeps the
# developer's own settings out of reach even before the per-test fixture runs.
os.environ["XDG_CONFIG_HOME"] = _session_subdir("config")
os.environ["XDG_CACHE_HOME"] = _session_subdir("cache")
os.environ["XDG_DATA_HOME"] = _session_subdir("xdg-data")
os.environ["XDG_RUNTIME_DIR"] = _session_subdir("runtime")
# A fixed locale: the app picks its language from settings, never from the machine.
os.environ["LANG"] = "C.UTF-8"
os.environ["LC_ALL"] = "C.UTF-8"
os.environ.pop("LANGUAGE", None)


@pytest.fixture(autouse=True)
def user_data_dir(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """Give each test its own data folder (the value) and, when Qt is loaded, its own QSettings."""
    root = tmp_path_factory.mktemp("user")
    data = root / "data"
    data.mkdir()
    monkeypatch.setenv("MKTPLANNER_DATA_DIR", str(data))

    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None:
        settings_dir = root / "settings"
        settings_dir.mkdir()
        QSettings = qtcore.QSettings
        for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
            QSettings.setPath(fmt, QSettings.Scope.UserScope, str(settings_dir))
    yield data
