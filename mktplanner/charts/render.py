"""Figures to PNG, SVG or PDF without Qt and without pyplot (Agg, SVG and PDF canvases).

SVG keeps text as text (searchable, and a test can find the title in the file) and PDF
embeds TrueType fonts so that its text can be extracted; both settings are applied only
for the duration of the save.
"""

from __future__ import annotations

import io
import os
from typing import IO, Any, Literal, cast

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_pdf import FigureCanvasPdf
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

Target = str | os.PathLike[str] | IO[bytes]
Format = Literal["png", "svg", "pdf"]

_CANVASES = {"png": FigureCanvasAgg, "svg": FigureCanvasSVG, "pdf": FigureCanvasPdf}
_SAVE_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "svg.hashsalt": "mktplanner",
}


def _save(fig: Figure, target: Target, fmt: Format, dpi: float | None) -> None:
    canvas_class = _CANVASES[fmt]
    # A figure embedded in the app has a Qt canvas: print through a Qt-free one and put
    # the original back, so that saving never disturbs the widget.
    original = fig.canvas
    canvas = canvas_class(fig)
    try:
        with matplotlib.rc_context(cast(Any, _SAVE_RC)):
            kwargs: dict[str, Any] = {"format": fmt, "facecolor": fig.get_facecolor()}
            if dpi is not None:
                kwargs["dpi"] = dpi
            if fmt == "pdf":
                kwargs["metadata"] = {"Creator": "mktplanner", "CreationDate": None}
            canvas.print_figure(target, **kwargs)
    finally:
        if original is not canvas:
            fig.set_canvas(original)


def to_png(fig: Figure, target: Target, dpi: float = 200) -> None:
    _save(fig, target, "png", dpi)


def to_svg(fig: Figure, target: Target) -> None:
    _save(fig, target, "svg", None)


def to_pdf(fig: Figure, target: Target) -> None:
    _save(fig, target, "pdf", None)


def fig_to_bytes(fig: Figure, fmt: Format = "png", dpi: float = 200) -> bytes:
    buffer = io.BytesIO()
    _save(fig, buffer, fmt, dpi if fmt == "png" else None)
    return buffer.getvalue()
