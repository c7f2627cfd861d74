"""Where things live: the user's data folder and the files shipped with the app.

Standard library only, so that the command line and the tests can ask for a path
without paying for Qt or matplotlib. Two layouts are resolved here:

* from source (a clone, ``pip install -e .``): resources are the repository's
  top-level ``resources/`` folder, migrations the package's ``store/migrations``;
* frozen (PyInstaller one-folder build): everything sits under ``sys._MEIPASS``
  (``resources/`` and ``mktplanner/store/migrations``), as the build spec lays it out.

Folders in the user's data folder are created on first use; shipped folders are
only located, never created.
"""

import importlib.util
import os
import sys
from pathlib import Path

APP_DIR_NAME = "mktplanner"
DATA_DIR_ENV = "MKTPLANNER_DATA_DIR"
DEMO_PLAN_NAME = "demo.mktplan"

_PACKAGE_DIR = Path(__file__).resolve().parent
_SYSTEM_DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
)


# --- the user's data folder -------------------------------------------------


def _platform_data_root() -> Path:
    home = Path.home()
    if sys.platform == "win32":
        appdata = os.environ.get("APPDATA")
        return Path(appdata) if appdata else home / "AppData" / "Roaming"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support"
    xdg = os.environ.get("XDG_DATA_HOME", "")
    # The XDG spec says a relative value is invalid and must be ignored.
    if xdg and Path(xdg).is_absolute():
        return Path(xdg)
    return home / ".local" / "share"


def _ensure(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def data_dir() -> Path:
    """The user's data folder (created on demand).

    ``$MKTPLANNER_DATA_DIR`` wins when set (tests, portable use); otherwise the
    platform's standard place: ``$XDG_DATA_HOME/mktplanner`` or
    ``~/.local/share/mktplanner`` on Linux, ``%APPDATA%\\mktplanner`` on Windows,
    ``~/Library/Application Support/mktplanner`` on macOS.
    """
    override = os.environ.get(DATA_DIR_ENV, "")
    base = Path(override).expanduser() if override else _platform_data_root() / APP_DIR_NAME
    return _ensure(base)


def logs_dir() -> Path:
    return _ensure(data_dir() / "logs")


def backups_dir() -> Path:
    return _ensure(data_dir() / "backups")


def demo_plan_path() -> Path:
    """Where the demo plan is written on first use (the file itself may not exist yet)."""
    return data_dir() / DEMO_PLAN_NAME


def mpl_config_dir() -> Path:
    """A persistent folder for ``MPLCONFIGDIR``.

    matplotlib keeps its font cache there; without a persistent folder a frozen
    build rebuilds the cache on every launch.
    """
    return _ensure(data_dir() / "cache" / "matplotlib")


def configure_matplotlib_env() -> Path:
    """Point ``MPLCONFIGDIR`` at :func:`mpl_config_dir` unless it is already set.

    Call it before matplotlib is imported. Returns the folder in effect.
    """
    current = os.environ.get("MPLCONFIGDIR")
    if current:
        return Path(current)
    folder = mpl_config_dir()
    os.environ["MPLCONFIGDIR"] = str(folder)
    return folder


# --- files shipped with the application ---------------------------------------


def is_frozen() -> bool:
    """True inside a PyInstaller build."""
    return bool(getattr(sys, "frozen", False)) and hasattr(sys, "_MEIPASS")


def _bundle_dir() -> Path:
    return Path(sys._MEIPASS)  # type: ignore[attr-defined]


def resources_dir() -> Path:
    """The folder holding ``icons/``, ``translations/`` and ``fonts/``.

    Frozen: ``sys._MEIPASS/resources``. From source: the repository's top-level
    ``resources/``; a copy inside the package (``mktplanner/resources``, as a
    non-editable install would carry it) is used when the top-level one is absent.
    """
    if is_frozen():
        return _bundle_dir() / "resources"
    top_level = _PACKAGE_DIR.parent / "resources"
    packaged = _PACKAGE_DIR / "resources"
    if not top_level.is_dir() and packaged.is_dir():
        return packaged
    return top_level


def translations_dir() -> Path:
    return resources_dir() / "translations"


def icons_dir() -> Path:
    return resources_dir() / "icons"


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def migrations_dir() -> Path:
    """The Alembic scripts folder (``mktplanner/store/migrations``)."""
    if is_frozen():
        return _bundle_dir() / "mktplanner" / "store" / "migrations"
    return _PACKAGE_DIR / "store" / "migrations"


def _matplotlib_font_dirs() -> list[Path]:
    """matplotlib's bundled TTF folders, found without importing matplotlib."""
    dirs: list[Path] = []
    if is_frozen():
        dirs.append(_bundle_dir() / "matplotlib" / "mpl-data" / "fonts" / "ttf")
    try:
        spec = importlib.util.find_spec("matplotlib")
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            dirs.append(Path(location) / "mpl-data" / "fonts" / "ttf")
    return dirs


def font_path(bold: bool = False) -> Path | None:
    """DejaVu Sans (Cyrillic and the rouble sign included), or None if nowhere to be found.

    Looks in the app's ``resources/fonts``, then matplotlib's data (inside the
    bundle when frozen), then the usual system folders.
    """
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    candidates = [fonts_dir(), *_matplotlib_font_dirs(), *_SYSTEM_DEJAVU_DIRS]
    for folder in candidates:
        path = folder / name
        if path.is_file():
            return path
    return None
