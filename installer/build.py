"""Build the desktop bundle and the installer of this platform.

    python installer/build.py [--clean] [--bundle-only] [--skip-translations]

1. compiles the translations (``python -m tools.i18n release``: the ``.qm`` files);
2. renders the icons from ``resources/icons/mktplanner.svg`` into ``build/icons``
   (PNG 16-1024 px, ``.ico``, ``.icns``);
3. runs PyInstaller on ``installer/mktplanner.spec``: the one-folder bundle ``dist/mktplanner/``
   (``dist/mktplanner.app`` on macOS); on Linux, strips debug information off the libraries
   that carry it (:func:`strip_debug_info`);
4. packs the installer of the platform it runs on:

   * Linux: ``dist/mktplanner-VERSION-linux-ARCH.tar.gz`` (the bundle, ``install.sh``,
     ``uninstall.sh``, the menu entry, the icons, the ``*.mktplan`` file type);
   * Windows: ``dist/mktplanner-VERSION-windows-setup.exe`` with Inno Setup 6 (``ISCC.exe``
     on PATH, in its default folder, or given by the ``ISCC`` variable); without it the
     bundle is built and the command to run is printed;
   * macOS: ``dist/mktplanner-VERSION-macos.dmg`` with ``hdiutil`` (part of macOS).

Prints what it made, with sizes, and how long each step took. Run from anywhere; build
outputs stay in ``build/`` and ``dist/`` (both ignored by git).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bundle  # noqa: E402
import icons  # noqa: E402

REPO = bundle.REPO
BUILD = REPO / "build"
DIST = REPO / "dist"
ICON_DIR = BUILD / "icons"
SPEC = HERE / "mktplanner.spec"


def log(message: str) -> None:
    print(f"[build] {message}", flush=True)


def folder_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink())


def mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB"


def run(cmd: list[str], **kwargs: object) -> None:
    log("$ " + " ".join(cmd))
    subprocess.run(cmd, check=True, cwd=REPO, **kwargs)  # type: ignore[call-overload]


# --- steps -----------------------------------------------------------------------------------


def compile_translations() -> None:
    run([sys.executable, "-m", "tools.i18n", "release"])


def render_icons() -> dict[str, Path]:
    if ICON_DIR.exists():
        shutil.rmtree(ICON_DIR)
    made = icons.build_icons(ICON_DIR)
    log(f"icons in {ICON_DIR}")
    return made


def pyinstaller(clean: bool) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(SPEC),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(BUILD / "pyinstaller"),
    ]
    if clean:
        cmd.append("--clean")
    env = dict(os.environ, MKTPLANNER_ICON_DIR=str(ICON_DIR))
    # PyInstaller imports the app's modules to analyse them; Qt must not look for a display.
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    run(cmd, env=env)
    app = DIST / (f"{bundle.APP_NAME}.app" if sys.platform == "darwin" else bundle.APP_NAME)
    if not app.exists():
        raise SystemExit(f"PyInstaller made no {app}")
    return app


def strip_debug_info(app: Path) -> int:
    """Remove debug information from the bundle's Linux libraries; returns the bytes saved.

    A Python built from source (pyenv, CI's interpreter) ships ``libpython`` with 18 MB of
    DWARF data, and some extension modules carry theirs. PyInstaller's own ``strip=True``
    strips everything, which breaks the libraries auditwheel patched in the wheels'
    ``*.libs`` folders (numpy's OpenBLAS: "ELF load command address/offset not
    page-aligned"). So only files that have a ``.debug_info`` section and were not patched
    (not in a ``*.libs`` folder, no RPATH/RUNPATH into one) are stripped, with
    ``--strip-debug``.
    """
    if not sys.platform.startswith("linux") or not (
        shutil.which("strip") and shutil.which("readelf")
    ):
        log("strip/readelf not found: debug information left in place")
        return 0
    saved = 0
    for path in sorted(app.rglob("*.so*")):
        if path.is_symlink() or not path.is_file() or any(p.endswith(".libs") for p in path.parts):
            continue
        info = subprocess.run(
            ["readelf", "-S", "-d", str(path)], capture_output=True, text=True, check=False
        ).stdout
        patched = any(
            ("(RPATH)" in line or "(RUNPATH)" in line) and ".libs" in line
            for line in info.splitlines()
        )
        if ".debug_info" not in info or patched:
            continue
        before = path.stat().st_size
        subprocess.run(["strip", "--strip-debug", str(path)], check=True)
        saved += before - path.stat().st_size
    log(f"stripped debug information: {mib(saved)} saved")
    return saved


def _arch() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "arm64": "aarch64"}.get(machine, machine)


def _copy_icon_theme(pngs: Path, share: Path) -> None:
    hicolor = share / "icons" / "hicolor"
    for size in bundle.ICON_SIZES:
        png = pngs / icons.png_name(size)
        for kind, name in (("apps", "mktplanner"), ("mimetypes", "application-x-mktplan")):
            dest = hicolor / f"{size}x{size}" / kind / f"{name}.png"
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(png, dest)
    for kind, name in (("apps", "mktplanner"), ("mimetypes", "application-x-mktplan")):
        dest = hicolor / "scalable" / kind / f"{name}.svg"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(icons.SOURCE_SVG, dest)


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # The archive does not carry the build machine's user names.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def package_linux(app: Path, made: dict[str, Path]) -> Path:
    name = f"{bundle.APP_NAME}-{bundle.version()}-linux-{_arch()}"
    stage = BUILD / "linux" / name
    if stage.parent.exists():
        shutil.rmtree(stage.parent)
    stage.mkdir(parents=True)
    linux = HERE / "linux"
    shutil.copytree(app, stage / bundle.APP_NAME, symlinks=True)
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy2(linux / script, stage / script)
        (stage / script).chmod(0o755)
    shutil.copy2(linux / "README.txt", stage / "README.txt")
    share = stage / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy2(linux / "mktplanner.desktop", share / "applications" / "mktplanner.desktop")
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy2(linux / "mktplanner-mime.xml", share / "mime" / "packages" / "mktplanner.xml")
    _copy_icon_theme(made["png_dir"], share)

    archive = DIST / f"{name}.tar.gz"
    archive.unlink(missing_ok=True)
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(stage, arcname=name, filter=_tar_filter)
    return archive


def _find_iscc() -> str | None:
    candidates = [
        os.environ.get("ISCC", ""),
        shutil.which("ISCC") or "",
        shutil.which("iscc") or "",
    ]
    for base in (os.environ.get("ProgramFiles(x86)", ""), os.environ.get("ProgramFiles", "")):
        if base:
            candidates.append(str(Path(base) / "Inno Setup 6" / "ISCC.exe"))
    local = os.environ.get("LOCALAPPDATA", "")
    if local:
        candidates.append(str(Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe"))
    return next((c for c in candidates if c and Path(c).is_file()), None)


def package_windows(app: Path, made: dict[str, Path]) -> Path | None:
    defines = [
        f"/DAppVersion={bundle.version()}",
        f"/DSourceDir={app}",
        f"/DIconFile={made['ico']}",
        f"/DOutputDir={DIST}",
    ]
    iss = HERE / "windows" / "mktplanner.iss"
    iscc = _find_iscc()
    if iscc is None:
        log("Inno Setup 6 (ISCC.exe) not found: the bundle is ready; to make the installer run")
        log("  ISCC " + " ".join(f'"{d}"' for d in defines) + f' "{iss}"')
        return None
    run([iscc, *defines, str(iss)])
    return DIST / f"{bundle.APP_NAME}-{bundle.version()}-windows-setup.exe"


def package_macos(app: Path) -> Path | None:
    if shutil.which("hdiutil") is None:
        log("hdiutil not found: dist/mktplanner.app is ready, no .dmg made")
        return None
    dmg = DIST / f"{bundle.APP_NAME}-{bundle.version()}-macos.dmg"
    dmg.unlink(missing_ok=True)
    # A folder with the app and a link to /Applications: the usual drag-to-install window.
    stage = BUILD / "dmg"
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(app, stage / app.name, symlinks=True)
    (stage / "Applications").symlink_to("/Applications")
    run(
        [
            "hdiutil",
            "create",
            "-volname",
            bundle.DISPLAY_NAME,
            "-srcfolder",
            str(stage),
            "-ov",
            "-format",
            "UDZO",
            str(dmg),
        ]
    )
    return dmg


# --- main ------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--clean", action="store_true", help="discard PyInstaller's cache first")
    parser.add_argument(
        "--bundle-only", action="store_true", help="stop after the bundle (no installer/archive)"
    )
    parser.add_argument(
        "--skip-translations", action="store_true", help="use the .qm files as they are"
    )
    args = parser.parse_args(argv)

    timings: list[tuple[str, float]] = []

    def timed(name: str, func, *a):  # type: ignore[no-untyped-def]
        start = time.monotonic()
        result = func(*a)
        timings.append((name, time.monotonic() - start))
        return result

    if not args.skip_translations:
        timed("translations", compile_translations)
    made = timed("icons", render_icons)
    app = timed("pyinstaller", pyinstaller, args.clean)
    if sys.platform.startswith("linux"):
        timed("strip", strip_debug_info, app)
    products: list[Path] = [app]
    if not args.bundle_only:
        if sys.platform.startswith("linux"):
            products.append(timed("tar.gz", package_linux, app, made))
        elif sys.platform == "win32":
            setup = timed("inno setup", package_windows, app, made)
            if setup is not None:
                products.append(setup)
        elif sys.platform == "darwin":
            dmg = timed("dmg", package_macos, app)
            if dmg is not None:
                products.append(dmg)

    print()
    for name, seconds in timings:
        log(f"{name:<14} {seconds:6.1f} s")
    for product in products:
        size = folder_size(product) if product.is_dir() else product.stat().st_size
        log(f"made {product.relative_to(REPO)}  ({mib(size)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
