"""One look for every chart, in the app (light or dark) and in the PDF.

The style is applied per figure (``with themed(theme):`` around the code that builds a
chart), never by mutating the global ``rcParams``: the app, the PDF report and the tests
share one process. A few matplotlib properties are read lazily (the first tick of an
axis is created on first use, possibly at draw time, after the context is gone), so
:func:`finish` pins them on each axes before the context closes.

Sizes are in inches because matplotlib's are: an A4 page with 2 cm margins leaves
17 cm (6.7 in) of width, and the fonts below stay readable at that width printed and
at the app's usual chart size on screen.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

import matplotlib
from cycler import cycler
from matplotlib.axes import Axes
from matplotlib.figure import Figure

A4_WIDTH_IN = 17 / 2.54  # text width of an A4 page with 2 cm margins
DEFAULT_HEIGHT_IN = 3.6
FONT_FAMILY = "DejaVu Sans"  # shipped with matplotlib; has Cyrillic and the rouble sign

# Tableau 10 (2016 revision): muted, distinguishable with the common colour-vision deficiencies
# when combined with position and labels, as every chart here does.
PALETTE: tuple[str, ...] = (
    "#4E79A7",  # blue
    "#F28E2B",  # orange
    "#59A14F",  # green
    "#E15759",  # red
    "#76B7B2",  # teal
    "#EDC948",  # yellow
    "#B07AA1",  # purple
    "#FF9DA7",  # pink
    "#9C755F",  # brown
    "#BAB0AC",  # grey
)

# Roles: the same meaning has the same colour in every chart.
PLAN = "#A0CBE8"  # light blue: what was planned
ACTUAL = "#4E79A7"  # blue: what happened
TARGET = "#F28E2B"  # orange: where we want to be
BASELINE = "#8C8C8C"  # grey: where we started
GOOD = "#59A14F"
BAD = "#E15759"
LATE_EDGE = "#C0392B"
TODAY = "#B07AA1"  # purple: "now" markers
DEADLINE = "#E15759"

QUADRANT_COLORS: dict[str, str] = {
    "S": "#59A14F",  # strengths: green
    "W": "#F28E2B",  # weaknesses: orange
    "O": "#4E79A7",  # opportunities: blue
    "T": "#E15759",  # threats: red
}


@dataclass(frozen=True)
class Theme:
    """Colours of the non-data parts of a chart."""

    name: str
    text: str
    muted: str  # tick labels, secondary text
    grid: str
    spine: str
    axes_face: str
    figure_face: str
    capacity: str  # the capacity step line and other "limit" lines


LIGHT = Theme(
    name="light",
    text="#262626",
    muted="#595959",
    grid="#E3E3E3",
    spine="#9A9A9A",
    axes_face="#FFFFFF",
    figure_face="#FFFFFF",
    capacity="#3B3B3B",
)

DARK = Theme(
    name="dark",
    text="#E6E6E6",
    muted="#B4B4B4",
    grid="#3C3F44",
    spine="#6B6F75",
    axes_face="#1E1F22",
    figure_face="#1E1F22",
    capacity="#E6E6E6",
)


def theme_for(dark: bool) -> Theme:
    return DARK if dark else LIGHT


# Font sizes in points: readable on a 17 cm wide printout and on screen at 100 dpi.
TITLE_SIZE = 11.0
LABEL_SIZE = 9.0
TICK_SIZE = 8.0
NOTE_SIZE = 8.0


def rc_for(theme: Theme) -> dict[str, Any]:
    """The rcParams of one theme (used inside ``matplotlib.rc_context``)."""
    return {
        # User text ("$5 and $10", "50% off_") is shown as typed, never read as TeX maths.
        "text.parse_math": False,
        "font.family": "sans-serif",
        "font.sans-serif": [FONT_FAMILY],
        "font.size": LABEL_SIZE,
        "axes.titlesize": TITLE_SIZE,
        "axes.titleweight": "bold",
        "axes.titlelocation": "left",
        "axes.titlepad": 8.0,
        "axes.titlecolor": theme.text,
        "axes.labelsize": LABEL_SIZE,
        "axes.labelcolor": theme.muted,
        "axes.edgecolor": theme.spine,
        "axes.facecolor": theme.axes_face,
        "axes.linewidth": 0.8,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": True,
        "axes.grid.axis": "y",
        "axes.axisbelow": True,
        "axes.prop_cycle": cycler(color=list(PALETTE)),
        "grid.color": theme.grid,
        "grid.linewidth": 0.8,
        "grid.linestyle": "-",
        "xtick.labelsize": TICK_SIZE,
        "ytick.labelsize": TICK_SIZE,
        "xtick.color": theme.spine,
        "ytick.color": theme.spine,
        "xtick.labelcolor": theme.muted,
        "ytick.labelcolor": theme.muted,
        "xtick.major.size": 3.0,
        "ytick.major.size": 0.0,
        "legend.fontsize": NOTE_SIZE,
        "legend.frameon": False,
        "legend.labelcolor": theme.text,
        "text.color": theme.text,
        "figure.facecolor": theme.figure_face,
        "figure.edgecolor": theme.figure_face,
        "figure.titlesize": TITLE_SIZE,
        "figure.titleweight": "bold",
        "figure.constrained_layout.h_pad": 0.06,
        "figure.constrained_layout.w_pad": 0.06,
        "lines.linewidth": 1.8,
        "lines.markersize": 5.0,
        "patch.linewidth": 0.0,
        "hatch.color": LATE_EDGE,
        "hatch.linewidth": 0.8,
        "svg.fonttype": "none",  # text stays text in SVG (searchable, selectable)
        "pdf.fonttype": 42,  # TrueType embedding: text extractable from the PDF
    }


@contextlib.contextmanager
def themed(theme: Theme) -> Iterator[None]:
    """Apply ``theme`` to every artist created inside the block (global rcParams untouched)."""
    # cast: matplotlib's stubs want literal keys; these are checked by rcParams at run time.
    with matplotlib.rc_context(cast(Any, rc_for(theme))):
        yield


def new_figure(
    width_in: float = A4_WIDTH_IN,
    height_in: float = DEFAULT_HEIGHT_IN,
    dpi: float = 100,
    theme: Theme = LIGHT,
) -> Figure:
    """A blank figure of the family, with constrained layout.

    Call inside ``themed(theme)`` so that the axes added afterwards pick the style up.
    """
    fig = Figure(figsize=(width_in, height_in), dpi=dpi, layout="constrained")
    fig.set_facecolor(theme.figure_face)
    fig.set_edgecolor(theme.figure_face)
    return fig


GridAxis = Literal["x", "y", "both", "none"]


def style_axes(ax: Axes, theme: Theme, grid_axis: GridAxis = "y") -> None:
    """Pin the style on ``ax`` so that ticks created later (at draw time) keep it."""
    ax.set_facecolor(theme.axes_face)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color(theme.spine)
    ax.tick_params(
        axis="both",
        which="both",
        labelsize=TICK_SIZE,
        color=theme.spine,
        labelcolor=theme.muted,
        labelfontfamily=FONT_FAMILY,
    )
    ax.tick_params(axis="y", which="both", length=0)
    ax.grid(False)
    if grid_axis != "none":
        ax.grid(True, axis=grid_axis, color=theme.grid, linewidth=0.8)
    ax.set_axisbelow(True)


def style_twin(ax: Axes, theme: Theme) -> None:
    """A right-hand twin axis: its own spine and ticks, no grid of its own."""
    ax.grid(False)
    ax.spines["top"].set_visible(False)
    ax.spines["left"].set_visible(False)
    ax.spines["right"].set_visible(True)
    ax.spines["right"].set_color(theme.spine)
    ax.tick_params(
        axis="y",
        which="both",
        length=0,
        labelsize=TICK_SIZE,
        labelcolor=theme.muted,
        labelfontfamily=FONT_FAMILY,
    )


def finish(fig: Figure) -> Figure:
    """Create each axis's first ticks while the theme is still in effect (see module doc)."""
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            axis.get_major_ticks()
            axis.get_minor_ticks()
    return fig


def color_at(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def colors_for(keys: Sequence[str], given: Sequence[str | None]) -> list[str]:
    """A colour per key: its given colour when present, else a palette colour no other key uses.

    The same key always gets the same colour (the first given one wins).
    """
    assigned: dict[str, str] = {}
    for key, color in zip(keys, given, strict=True):
        if color and key not in assigned:
            assigned[key] = color
    used = {c.upper() for c in assigned.values()}
    free = [c for c in PALETTE if c.upper() not in used] or list(PALETTE)
    picked = 0
    for key in keys:
        if key not in assigned:
            assigned[key] = free[picked % len(free)]
            picked += 1
    return [assigned[key] for key in keys]
