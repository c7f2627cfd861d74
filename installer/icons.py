"""The application icon in every format the installers need, rendered from one SVG.

``resources/icons/mktplanner.svg`` is the only source: PNGs (16-512 px, for the Linux
hicolor theme and as the input of the others) are drawn with Qt's SVG renderer, and
Pillow packs them into a Windows ``.ico`` (16-256 px) and a macOS ``.icns`` (16-1024 px).
Nothing here is committed: ``installer/build.py`` writes it under ``build/icons``.

    python installer/icons.py OUT_DIR
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bundle  # noqa: E402  (installer/bundle.py, next to this file)

SOURCE_SVG = bundle.REPO / "resources" / "icons" / "mktplanner.svg"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_EXTRA_SIZES = (1024,)


def png_name(size: int) -> str:
    return f"mktplanner-{size}.png"


def render_pngs(out_dir: Path, sizes: tuple[int, ...], svg: Path = SOURCE_SVG) -> dict[int, Path]:
    """Render ``svg`` to square PNGs of each size (transparent background); returns size -> file."""
    # A build machine may have no display; drawing into an image needs none.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"cannot read the icon {svg}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[int, Path] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_dir / png_name(size)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"cannot write {path}")
        written[size] = path
    return written


def make_ico(pngs: dict[int, Path], dest: Path) -> Path:
    """A Windows icon with one frame per size in :data:`ICO_SIZES` (each drawn, not scaled)."""
    from PIL import Image

    frames = [Image.open(pngs[s]).convert("RGBA") for s in ICO_SIZES]
    largest = frames[-1]
    largest.save(dest, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    return dest


def make_icns(pngs: dict[int, Path], dest: Path) -> Path:
    """A macOS icon (Pillow writes the 16-1024 px entries, @2x included)."""
    from PIL import Image

    frames = {s: Image.open(p).convert("RGBA") for s, p in pngs.items()}
    largest = frames[max(frames)]
    largest.save(dest, format="ICNS", append_images=list(frames.values()))
    return dest


def build_icons(out_dir: Path) -> dict[str, Path]:
    """Everything at once: ``{"png_dir", "ico", "icns", "svg"}`` paths under ``out_dir``."""
    sizes = tuple(sorted(set(bundle.ICON_SIZES) | set(ICNS_EXTRA_SIZES)))
    pngs = render_pngs(out_dir / "png", sizes)
    # 1024 px is for the .icns only; the Linux theme stops at 512.
    ico = make_ico(pngs, out_dir / "mktplanner.ico")
    icns = make_icns(pngs, out_dir / "mktplanner.icns")
    return {"png_dir": out_dir / "png", "ico": ico, "icns": icns, "svg": SOURCE_SVG}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else bundle.REPO / "build" / "icons"
    for name, path in build_icons(target).items():
        print(f"{name}: {path}")
