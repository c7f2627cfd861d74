"""What goes into the PyInstaller bundle, in one place for the spec, the build script and the docs.

Standard library only: the spec file imports it while PyInstaller runs, and
``installer/build.py`` imports it before PyInstaller is even started.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

APP_NAME = "mktplanner"
DISPLAY_NAME = "mktplanner"
# Reverse-DNS names for macOS (bundle id, exported file type) and the Windows ProgID.
# They identify the app to the system: change them only together with a new major version,
# or existing file associations are orphaned.
BUNDLE_ID = "org.mktplanner.mktplanner"
PLAN_UTI = "org.mktplanner.plan"
PLAN_EXTENSION = "mktplan"
PLAN_MIME = "application/x-mktplan"
WINDOWS_PROGID = "mktplanner.plan"

# PNG sizes rendered from resources/icons/mktplanner.svg (the hicolor theme's usual sizes;
# .ico takes 16-256, .icns 16-512 and their @2x variants).
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

# The interface languages the app ships; Qt's own translations (qtbase_XX.qm for the
# standard dialogs' buttons) are kept for these and dropped for the ~40 others.
LANGUAGES = ("en", "ru")

# matplotlib backends the app uses: Agg (PNG), SVG and PDF for the reports and the
# screenshots, QtAgg for charts embedded in the window. Every other backend (Tk, GTK, wx,
# Cairo, macOS, WebAgg, nbAgg) stays out of the bundle.
MATPLOTLIB_BACKENDS = ["Agg", "SVG", "PDF", "QtAgg"]

# Python modules that must not be frozen even if something names them. PySide6's
# hooks only collect the Qt modules that are imported, so the Qt entries are a safety
# belt against an optional import pulling one in (matplotlib's qt_compat tries every
# binding; IPython and Jinja integrations probe for more).
EXCLUDED_QT_MODULES = [
    "PySide6.QtNetwork",  # the app is offline: no sockets, no HTTP
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickTest",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtSql",  # the database is reached through Python's sqlite3, not Qt SQL
    "PySide6.QtTest",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtTextToSpeech",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
]
EXCLUDED_PYTHON_MODULES = [
    # other Qt bindings matplotlib's qt_compat would try
    "PyQt5",
    "PyQt6",
    "PySide2",
    "shiboken2",
    # GUI toolkits and notebooks matplotlib can talk to
    "tkinter",
    "_tkinter",
    "IPython",
    "ipykernel",
    "jupyter_client",
    "wx",
    "gi",
    "cairo",
    "cairocffi",
    # development tools that happen to be installed next to the app
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "ruff",
    "importlinter",
    "grimp",
    "PyInstaller",
    "pydoc_data",
    "lib2to3",
    "test",
    "idlelib",
    "distutils",
    "setuptools",
    "pkg_resources",
    # optional extras that installed libraries probe for and the app never calls
    "yaml",  # numpy.__config__.show()
    "rich",
    "pygments",  # mako's error pages
    "markdown_it",
    "mdurl",
    "charset_normalizer",  # numpy.f2py
    "numpy.f2py",
    "psutil",
    # Pillow is matplotlib's PNG writer; its AVIF/WebP codecs, FreeType text, colour
    # management and Tk/Qt bridges are not (matplotlib draws text with its own FreeType)
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingft",
    "PIL._imagingcms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
]
EXCLUDES = EXCLUDED_QT_MODULES + EXCLUDED_PYTHON_MODULES

# Modules the migrations and the Alembic environment import by file path at run time,
# which PyInstaller's import analysis cannot see.
HIDDEN_IMPORTS = [
    "alembic.context",
    "alembic.op",
    "alembic.ddl.sqlite",
    "sqlalchemy.dialects.sqlite",
    "mktplanner.domain.tables",
    "logging.handlers",
]

# Files the hooks collect that the app never opens, matched against their destination path
# inside the bundle (forward slashes):
_UNUSED_FILES = re.compile(
    r"(^|/)PySide6/Qt/plugins/("
    # embedded framebuffers, VNC, EGL test platforms, kiosk input devices
    r"platforms/libq(eglfs|linuxfb|vnc|vkkhrdisplay|minimalegl)\.so"
    r"|egldeviceintegrations/"
    r"|generic/"
    # the GTK 3 theme loads the desktop's GTK and drags ~15 GTK/Cairo/Pango libraries into
    # the bundle, which then clash with the desktop's own; the app draws its own theme and
    # the XDG portal theme (kept) still gives native file dialogs
    r"|platformthemes/libqgtk3\.so"
    # image formats the app never reads (its icons are SVG, its pictures PNG)
    r"|imageformats/libq(tiff|webp|tga|wbmp|icns)\.so"
    r")"
    # QtNetwork's library: no module of this PySide6 links it any more (PyInstaller's Qt
    # hook still adds it, with Kerberos and brotli behind it), and the app is offline
    r"|(^|/)libQt6Network\.so"
)
_QT_TRANSLATION = re.compile(r"/translations/[a-z_]+?_(?P<lang>[a-z]{2})(_[A-Za-z]+)?\.qm$")
# Babel's CLDR data: one file per locale (~1,000 files, 32 MB); the app formats money and
# dates for ru_RU and en_US only (their parents en, ru and root stay, with every en_*/ru_*).
_BABEL_LOCALE = re.compile(r"(^|/)babel/locale-data/(?P<locale>[A-Za-z0-9_]+)\.dat$")


def keep_file(dest: str) -> bool:
    """Whether a collected file belongs in the bundle; ``dest`` is its path inside it."""
    dest = dest.replace("\\", "/")
    if _UNUSED_FILES.search(dest):
        return False
    match = _QT_TRANSLATION.search(dest)
    if match and "PySide6/" in dest and match.group("lang") not in LANGUAGES:
        return False
    match = _BABEL_LOCALE.search(dest)
    if match:
        locale = match.group("locale")
        return locale == "root" or locale.split("_")[0] in LANGUAGES
    return True


# --- shared libraries nobody needs -----------------------------------------------------------


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED entries of an ELF shared object (its direct link-time dependencies);
    an empty list for anything that is not ELF. Standard library only (no readelf)."""
    import struct

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return []
    if data[:4] != b"\x7fELF":
        return []
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        (shoff,) = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
        sh_fmt, dyn_fmt = end + "IIQQQQIIQQ", end + "qQ"
    else:
        (shoff,) = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
        sh_fmt, dyn_fmt = end + "IIIIIIIIII", end + "iI"
    sections = [struct.unpack_from(sh_fmt, data, shoff + i * shentsize) for i in range(shnum)]
    needed: list[str] = []
    for sh in sections:
        if sh[1] != 6:  # SHT_DYNAMIC
            continue
        offset, size, link = sh[4], sh[5], sh[6]
        strtab_offset = sections[link][4]
        step = struct.calcsize(dyn_fmt)
        for pos in range(offset, offset + size, step):
            tag, value = struct.unpack_from(dyn_fmt, data, pos)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                start = strtab_offset + value
                needed.append(data[start : data.index(b"\0", start)].decode())
    return needed


def _is_dependency_library(dest: str, typecode: str) -> bool:
    """A shared library that is only there because something links it (not a Python
    extension, not a Qt plug-in, not the Python library the bootloader loads)."""
    name = dest.replace("\\", "/").rsplit("/", 1)[-1]
    return (
        typecode == "BINARY"
        and name.startswith("lib")
        and ".so" in name
        and "/plugins/" not in dest.replace("\\", "/")
        and not name.startswith("libpython")
    )


def prune_libraries(binaries, datas, needed=elf_needed):  # type: ignore[no-untyped-def]
    """Drop the shared libraries that nothing left in the bundle links to.

    PyInstaller collects a library's whole dependency tree; once a plug-in or a library is
    filtered out (:func:`keep_file`), the libraries only it needed would stay behind. This
    walks DT_NEEDED from every Python extension, Qt plug-in and the Python library and keeps
    what it reaches. Entries are PyInstaller TOC tuples ``(dest, source, typecode)``; the
    top-level symlinks PyInstaller 6 puts in ``datas`` (``SYMLINK``) go with their target.
    Linux (ELF) only. Returns ``(binaries, datas, dropped_dests)``.
    """
    by_name: dict[str, list[tuple[str, str, str]]] = {}
    for entry in binaries:
        by_name.setdefault(entry[0].replace("\\", "/").rsplit("/", 1)[-1], []).append(entry)
    links = {e[0]: e[1] for e in datas if e[2] == "SYMLINK"}
    for link in links:
        by_name.setdefault(link.rsplit("/", 1)[-1], [])

    kept: set[str] = set()
    queue = [e for e in binaries if not _is_dependency_library(e[0], e[2])]
    while queue:
        dest, source, _typecode = queue.pop()
        if dest in kept:
            continue
        kept.add(dest)
        for lib in needed(source):
            queue.extend(by_name.get(lib, []))
            if lib in links:  # a top-level symlink: its target is the library
                target = links[lib]
                queue.extend(e for e in binaries if e[0] == target)

    new_binaries = [e for e in binaries if e[0] in kept]
    dropped = sorted(e[0] for e in binaries if e[0] not in kept)
    new_datas = [
        e for e in datas if not (e[2] == "SYMLINK" and e[0] in links and links[e[0]] not in kept)
    ]
    dropped += sorted(e[0] for e in datas if e not in new_datas)
    return new_binaries, new_datas, dropped


def migrations_datas() -> list[tuple[str, str]]:
    """The Alembic folder as (source, destination folder) pairs: the scripts are read from
    disk by Alembic, so they ship as source files (``script.py.mako`` included), without
    compiled caches."""
    root = REPO / "mktplanner" / "store" / "migrations"
    pairs = []
    for path in sorted(root.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts or path.suffix == ".pyc":
            continue
        dest = Path("mktplanner", "store", "migrations", *path.relative_to(root).parts[:-1])
        pairs.append((str(path), dest.as_posix()))
    return pairs


def resources_datas() -> list[tuple[str, str]]:
    """Icons, compiled translations (``.qm``; the ``.ts`` sources stay out) and bundled fonts."""
    root = REPO / "resources"
    pairs = []
    for sub, pattern in (("icons", "*.svg"), ("translations", "*.qm"), ("fonts", "*")):
        for path in sorted((root / sub).glob(pattern)):
            if path.is_file() and path.name != "README.md":
                pairs.append((str(path), f"resources/{sub}"))
    return pairs


def version() -> str:
    """``mktplanner.__version__``, read from the source without importing the package."""
    text = (REPO / "mktplanner" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.MULTILINE)
    if not match:
        raise RuntimeError("no __version__ in mktplanner/__init__.py")
    return match.group(1)
