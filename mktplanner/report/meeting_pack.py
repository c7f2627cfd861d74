"""The PDF meeting pack: the plan as a printed document for a client meeting or the team.

Route (and why)
    ``QPdfWriter`` + ``QPainter`` with a small page-flow engine of our own
    (:mod:`mktplanner.report.layout`). Qt writes the PDF itself, embeds (subsets of) the
    TrueType fonts it draws with, and paints vectors: tables, text and the charts. Charts
    are matplotlib figures from :mod:`mktplanner.charts` rendered to SVG and painted by
    ``QSvgRenderer`` onto the same painter, so they stay vector (crisp in print at any
    size) with their text as real, searchable text in the same embedded font. Rich text
    (``QTextDocument`` with HTML) is deliberately not used: every string from the plan is
    laid out as plain characters with ``QTextLayout``, so ``<b>``, ``&amp;`` or ``**`` in a
    goal's title print literally. A flow engine of our own (instead of ``QTextDocument``'s
    pagination) gives what a pack needs: tables that break between rows and repeat their
    header, headings kept with what follows, sections on fresh pages, landscape pages for
    the timeline in a portrait document, and a table of contents with page numbers.

    Fonts: DejaVu Sans (regular and bold; Cyrillic and the rouble sign) is registered with
    ``QFontDatabase.addApplicationFont`` from :func:`mktplanner.paths.font_path` (the app's
    ``resources/fonts``, else matplotlib's copy): with no system fonts Qt would otherwise
    write a PDF without any text and without an error.

    ``PySide6-Essentials`` has no ``QtPdf``, so previews are not rasterised from the PDF:
    the same page display lists are painted onto a ``QImage`` (:meth:`MeetingPack.render_page`),
    which shows exactly what is printed.

API
    ``prepare_meeting_pack(plan, options, progress, cancelled) -> MeetingPack`` reads the
    plan and lays out the pages (the slow part: the charts); ``MeetingPack.render_page(i,
    dpi)`` gives a preview image; ``MeetingPack.save(out, overwrite=...)`` writes the PDF.
    ``build_meeting_pack(plan, out, options, progress, cancelled)`` does both;
    ``render_preview_pages(plan, options, dpi=...)`` prepares and renders. All of them can
    run in a worker thread (the GUI's export dialog does): they paint only on ``QImage`` /
    ``QPdfWriter``, never on widgets, and never install a translator on the application.
    ``progress(done, total)`` is called with ``total`` = 100; ``cancelled()`` is polled
    between steps and stops the work with :class:`ExportCancelled`.

Atomic output
    The PDF is written into memory, then to a temporary file beside the destination,
    flushed to disk and renamed over it (:func:`services.exchange.write_atomically`): a
    cancel or a crash leaves no half-written PDF and no temporary file behind.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import sys
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from mktplanner import paths
from mktplanner.domain.rules.dates import is_valid_iso_week
from mktplanner.report import sections as sec
from mktplanner.report.data import gather
from mktplanner.report.layout import (
    DOTS_PER_METRE_72DPI,
    Flow,
    Page,
    PageGeometry,
    TextBlock,
    TextStyle,
)
from mktplanner.report.texts import LANGUAGES, Texts
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

__all__ = [
    "PAPERS",
    "SECTIONS",
    "ExportCancelled",
    "MeetingPack",
    "PackError",
    "PackOptions",
    "build_meeting_pack",
    "ensure_gui",
    "parse_sections",
    "parse_week",
    "prepare_meeting_pack",
    "register_fonts",
    "release_gui",
    "render_preview_pages",
]

SECTIONS: tuple[str, ...] = sec.SECTION_ORDER
PAPERS = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
FONT_FAMILY = "DejaVu Sans"

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class PackError(Exception):
    """The options cannot make a pack: a code and its parameters (the caller words it).

    Codes: ``unknown_section`` (name, allowed), ``no_sections``, ``bad_week`` (value),
    ``bad_period`` (start, end), ``bad_paper`` (value), ``bad_language`` (value),
    ``logo_unreadable`` (path), ``no_font``, ``no_gui`` (a non-GUI Qt application is running).
    """

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        detail = ", ".join(f"{k}={v}" for k, v in params.items())
        super().__init__(code + (f" ({detail})" if detail else ""))


class ExportCancelled(Exception):
    """The user cancelled; nothing was written."""


@dataclass(frozen=True)
class PackOptions:
    """What goes into the pack and how it looks."""

    sections: tuple[str, ...] = SECTIONS
    language: str | None = None  # "ru" | "en"; None: the plan's language
    paper: str = "a4"  # "a4" | "letter"
    landscape: bool = False
    week: tuple[int, int] | None = None  # ISO (year, week) of the weekly plans; None: this week
    period_from: dt.date | None = None  # None: the tactical period's first day
    period_to: dt.date | None = None  # None: the tactical period's last day
    prepared_for: str = ""  # e.g. the freelancer's client
    logo: Path | None = None  # a PNG (or any image Qt reads)
    today: dt.date | None = None  # "as of" date of every figure; None: today

    def validated(self) -> PackOptions:
        """Raise :class:`PackError` for an option no pack can be made with."""
        unknown = [s for s in self.sections if s not in SECTIONS]
        if unknown:
            raise PackError("unknown_section", name=unknown[0], allowed=", ".join(SECTIONS))
        if not self.sections:
            raise PackError("no_sections")
        if self.paper not in PAPERS:
            raise PackError("bad_paper", value=self.paper)
        if self.language is not None and self.language not in LANGUAGES:
            raise PackError("bad_language", value=self.language)
        if self.week is not None and not is_valid_iso_week(*self.week):
            raise PackError("bad_week", value=f"{self.week[0]}-W{self.week[1]:02d}")
        if self.period_from and self.period_to and self.period_from > self.period_to:
            raise PackError("bad_period", start=self.period_from, end=self.period_to)
        return self


def parse_sections(text: str) -> tuple[str, ...]:
    """ "goals, budget" -> ("goals", "budget") in the pack's order; unknown names refused."""
    names = [s.strip().lower() for s in re.split(r"[,\s]+", text) if s.strip()]
    for name in names:
        if name not in SECTIONS:
            raise PackError("unknown_section", name=name, allowed=", ".join(SECTIONS))
    if not names:
        raise PackError("no_sections")
    return tuple(s for s in SECTIONS if s in names)


def parse_week(text: str) -> tuple[int, int]:
    """ "2026-W48" (or "2026W48", "2026-w48") -> (2026, 48)."""
    m = re.fullmatch(r"\s*(\d{4})-?[Ww](\d{1,2})\s*", text)
    if not m or not is_valid_iso_week(int(m[1]), int(m[2])):
        raise PackError("bad_week", value=text)
    return int(m[1]), int(m[2])


# --- Qt set-up ---------------------------------------------------------------------------------

_lock = threading.Lock()
_fonts_app: object = None  # the application the fonts were registered with
_font_id = -1  # and the id of the regular face
_made: list[QGuiApplication] = []  # the application ensure_gui made, kept alive


def ensure_gui() -> bool:
    """Make sure a ``QGuiApplication`` exists (text cannot be painted without one).

    Returns True when it was made here: the caller (the command line) should then call
    :func:`release_gui` when done, so that the process can make its own
    ``QApplication`` later. With no display (no ``DISPLAY`` / ``WAYLAND_DISPLAY`` on Linux) the
    offscreen platform is chosen, unless ``QT_QPA_PLATFORM`` says otherwise. Raises
    :class:`PackError` ``no_gui`` when a non-GUI ``QCoreApplication`` is already running.
    """
    with _lock:
        current = QCoreApplication.instance()
        if current is not None:
            if not isinstance(current, QGuiApplication):
                raise PackError("no_gui")
            return False
        headless = sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        )
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _made.append(QGuiApplication(["mktplanner"]))
        return True


def release_gui() -> None:
    """Shut down the application :func:`ensure_gui` made (if any)."""
    with _lock:
        while _made:
            _made.pop().shutdown()


def register_fonts() -> str:
    """Register DejaVu Sans (regular, bold, oblique) with the running application; returns
    the family.

    Done once per application (a new application starts with a new font database).
    """
    global _fonts_app, _font_id
    with _lock:
        app = QCoreApplication.instance()
        if (
            app is not None
            and app is _fonts_app
            and QFontDatabase.applicationFontFamilies(_font_id)  # still registered
        ):
            return FONT_FAMILY
        regular, bold = paths.font_path(), paths.font_path(bold=True)
        if regular is None:
            raise PackError("no_font")
        # the oblique face (an italic note) lives beside the regular one, where it exists
        oblique = regular.with_name("DejaVuSans-Oblique.ttf")
        faces = [regular, bold, oblique if oblique.is_file() else None]
        ids = [QFontDatabase.addApplicationFont(str(p)) for p in faces if p is not None]
        if ids[0] < 0:
            raise PackError("no_font")
        _fonts_app, _font_id = app, ids[0]
        return FONT_FAMILY


# --- progress ------------------------------------------------------------------------------------


class _Steps:
    """Progress on a 0..100 scale in phases; polls ``cancelled`` at every step."""

    def __init__(self, progress: Progress | None, cancelled: Cancelled | None):
        self.progress = progress
        self.cancelled = cancelled
        self.done = 0.0
        self._span = (0.0, 100.0)
        self._count = 1
        self._i = 0

    def phase(self, start: float, end: float, count: int) -> None:
        self._span = (start, end)
        self._count = max(1, count)
        self._i = 0
        self._report(start)

    def step(self) -> None:
        self.check()
        self._i = min(self._i + 1, self._count)
        a, b = self._span
        self._report(a + (b - a) * self._i / self._count)

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ExportCancelled()

    def _report(self, value: float) -> None:
        value = max(self.done, value)
        self.done = value
        if self.progress is not None:
            self.progress(int(value), 100)


# --- the pack ----------------------------------------------------------------------------------


@dataclass
class MeetingPack:
    """A laid-out pack: pages that can be painted into a PDF or onto preview images."""

    pages: list[Page]
    title: str
    language: str
    page_size_id: QPageSize.PageSizeId
    sections: dict[str, int] = field(default_factory=dict)  # section -> first page (0-based)

    @property
    def page_count(self) -> int:
        return len(self.pages)

    def page_size(self, index: int) -> QSizeF:
        """The page's size in points (landscape pages are wider than tall)."""
        g = self.pages[index].geometry
        return QSizeF(g.width, g.height)

    def render_page(self, index: int, dpi: float = 72.0) -> QImage:
        """The page as an image at ``dpi`` (white background), for a preview."""
        page = self.pages[index]
        scale = dpi / 72.0
        image = QImage(
            max(1, math.ceil(page.geometry.width * scale)),
            max(1, math.ceil(page.geometry.height * scale)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        # Fonts are sized for a 72-dpi device (one pixel per point); scaling does the rest.
        image.setDotsPerMeterX(DOTS_PER_METRE_72DPI)
        image.setDotsPerMeterY(DOTS_PER_METRE_72DPI)
        image.fill(QColor("#FFFFFF"))
        painter = QPainter(image)
        try:
            painter.setRenderHints(
                QPainter.RenderHint.Antialiasing
                | QPainter.RenderHint.TextAntialiasing
                | QPainter.RenderHint.SmoothPixmapTransform
            )
            painter.scale(scale, scale)
            page.paint(painter)
        finally:
            painter.end()
        return image

    def to_pdf(self, progress: Progress | None = None, cancelled: Cancelled | None = None) -> bytes:
        """The PDF document as bytes."""
        steps = _Steps(progress, cancelled)
        steps.phase(0, 100, len(self.pages))
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(72)  # one device unit = one point, as laid out
        writer.setTitle(self.title)
        writer.setCreator("mktplanner")
        writer.setPageLayout(self._layout(0))
        painter = QPainter(writer)
        try:
            for i, page in enumerate(self.pages):
                steps.check()
                if i:
                    writer.setPageLayout(self._layout(i))
                    writer.newPage()
                painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                page.paint(painter)
                steps.step()
        finally:
            painter.end()
            buffer.close()
        return bytes(data.data())

    def save(
        self,
        out_path: Path | str,
        *,
        overwrite: bool = True,
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Path:
        """Write the PDF atomically; refuses an existing file unless ``overwrite``.

        Raises :class:`PlanFileError` (``exists``, ``is_directory``, ``read_only``,
        ``disk_full``, ``not_found`` for a missing folder, ``io``) and :class:`ExportCancelled`.
        """
        from mktplanner.services.exchange import write_atomically

        out = Path(out_path)
        _check_target(out, overwrite)
        data = self.to_pdf(progress, cancelled)
        if cancelled is not None and cancelled():
            raise ExportCancelled()
        write_atomically(out, data)
        return out

    def _layout(self, index: int) -> QPageLayout:
        g = self.pages[index].geometry
        orientation = (
            QPageLayout.Orientation.Landscape if g.landscape else QPageLayout.Orientation.Portrait
        )
        return QPageLayout(QPageSize(self.page_size_id), orientation, QMarginsF(0, 0, 0, 0))


def _check_target(out: Path, overwrite: bool) -> None:
    """Refuse an output that cannot be written: a folder, a missing folder, an existing file."""
    if out.is_dir():
        raise PlanFileError("is_directory", out)
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise PlanFileError("not_found", folder)
    if not overwrite and out.exists():
        raise PlanFileError("exists", out)


def _geometry(paper: str, landscape: bool) -> PageGeometry:
    size = QPageSize(PAPERS[paper]).sizePoints()
    w, h = float(size.width()), float(size.height())
    if landscape:
        w, h = h, w
    return PageGeometry(w, h)


def _load_logo(path: Path | None) -> QImage | None:
    if path is None:
        return None
    image = QImage(str(path))
    if image.isNull() or image.width() < 1 or image.height() < 1:
        raise PackError("logo_unreadable", path=str(path))
    return image


def prepare_meeting_pack(
    plan: PlanFile,
    options: PackOptions,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> MeetingPack:
    """Read the plan and lay out the pack's pages (no file is written)."""
    options = options.validated()
    steps = _Steps(progress, cancelled)
    ensure_gui()
    register_fonts()
    logo = _load_logo(options.logo)
    steps.phase(0, 12, 1)
    pack = gather(
        plan,
        today=options.today,
        period=(options.period_from, options.period_to),
        week=options.week,
        with_weeks="weekly" in options.sections,
    )
    steps.step()
    lang = options.language or pack.profile["language"] or "en"
    tx = Texts(lang if lang in LANGUAGES else "en", pack.currency)

    doc = _geometry(options.paper, options.landscape)
    land = doc if doc.landscape else doc.rotated()
    frames = sec.Frames(portrait=doc, landscape=land)
    chosen = [s for s in SECTIONS if s in options.sections]
    content = [s for s in chosen if s not in ("cover", "contents")]
    charts = _chart_count(pack, content)
    steps.phase(12, 88, len(chosen) + charts)
    builder = sec.Builder(
        pack,
        tx,
        frames,
        doc_landscape=doc.landscape,
        prepared_for=options.prepared_for.strip(),
        logo=logo,
        checkpoint=steps.step,
    )
    flow = Flow(doc, land, default_landscape=False)
    for name in chosen:
        if name == "contents" and not content:
            continue
        blocks = getattr(builder, name)()
        if name == "cover":
            flow.new_page(chrome=False)
            blocks = [b for b in blocks]
            flow.add(blocks)
        else:
            flow.add(blocks)
        steps.step()
    if not flow.pages:
        flow.new_page()
    builder.markers.update(flow.markers)
    if "cover" in chosen and flow.pages:
        flow.pages[0].chrome = False

    title = pack.profile["name"] or tx.translate("report", "Marketing plan")
    right = options.prepared_for.strip()
    if right:
        right = tx.translate("report", "Prepared for {client}").format(client=right)
    else:
        right = pack.profile["company"] or ""
    _add_chrome(flow.pages, title, right, tx)
    steps.phase(88, 100, 1)
    steps.step()
    return MeetingPack(
        pages=flow.pages,
        title=title,
        language=tx.lang,
        page_size_id=PAPERS[options.paper],
        sections=dict(flow.markers),
    )


def _chart_count(pack: object, content: Sequence[str]) -> int:
    """Roughly how many charts the sections draw (for an even progress bar)."""
    from mktplanner.report.data import PackData

    assert isinstance(pack, PackData)
    n = 0
    if "goals" in content:
        n += len(pack.summary["goals"])
    n += sum(1 for s in ("timeline", "weekly", "budget") if s in content)
    if "results" in content:
        n += 2
    return n


# --- running header and footer ----------------------------------------------------------------

_CHROME = TextStyle(size=7.5, color="#6B7280")


def _add_chrome(pages: list[Page], title: str, right: str, tx: Texts) -> None:
    total = len(pages)
    for i, page in enumerate(pages):
        if not page.chrome:
            continue
        g = page.geometry
        width = g.width - g.left - g.right
        number = tx.translate("report", "Page {page} of {pages}").format(page=i + 1, pages=total)
        num = TextBlock(
            number, _CHROME.with_(bold=True), width / 3, align=Qt.AlignmentFlag.AlignRight
        )
        name = TextBlock(title, _CHROME, width * 0.62, max_lines=1)
        head_left = TextBlock(page.running_title.upper(), _CHROME.with_(bold=True, size=7.0),
                              width * 0.5, max_lines=1)  # fmt: skip
        head_right = TextBlock(right, _CHROME, width * 0.48, max_lines=1,
                               align=Qt.AlignmentFlag.AlignRight)  # fmt: skip

        def paint(p: QPainter, g: PageGeometry = g, width: float = width, num: TextBlock = num,
                  name: TextBlock = name, hl: TextBlock = head_left,
                  hr: TextBlock = head_right) -> None:  # fmt: skip
            x = g.left
            rule = QPen(QColor("#D5DCE6"), 0.6)
            head_y = g.top - 30
            hl.draw(p, x, head_y)
            hr.draw(p, x + width * 0.52, head_y)
            p.setPen(rule)
            p.drawLine(
                QPointF(x, head_y + hl.height + 4), QPointF(x + width, head_y + hl.height + 4)
            )
            foot_y = g.height - g.bottom + 22
            p.setPen(rule)
            p.drawLine(QPointF(x, foot_y - 6), QPointF(x + width, foot_y - 6))
            name.draw(p, x, foot_y)
            num.draw(p, x + width - width / 3, foot_y)

        page.ops.append(paint)


# --- one call each for the CLI and the GUI ------------------------------------------------------


def build_meeting_pack(
    plan: PlanFile,
    out_path: Path | str,
    options: PackOptions,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    *,
    overwrite: bool = True,
) -> Path:
    """Lay out the pack and write it to ``out_path`` atomically; returns the path.

    Raises :class:`PackError` (options), :class:`ExportCancelled` (nothing written) and
    :class:`PlanFileError` (the output file: ``exists`` when not ``overwrite``, read-only,
    disk full, ...).
    """
    out = Path(out_path)
    _check_target(out, overwrite)  # before the slow part
    steps_total = _Scaled(progress, 0, 85)
    pack = prepare_meeting_pack(plan, options, steps_total, cancelled)
    return pack.save(
        out, overwrite=overwrite, progress=_Scaled(progress, 85, 100), cancelled=cancelled
    )


def render_preview_pages(
    plan: PlanFile,
    options: PackOptions,
    *,
    dpi: float = 60.0,
    pages: Iterable[int] | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[QImage]:
    """Preview images of the pack's pages (all, or the given 0-based indexes)."""
    pack = prepare_meeting_pack(plan, options, _Scaled(progress, 0, 80), cancelled)
    wanted = list(range(pack.page_count)) if pages is None else list(pages)
    steps = _Steps(_Scaled(progress, 80, 100), cancelled)
    steps.phase(0, 100, len(wanted))
    images = []
    for i in wanted:
        steps.check()
        images.append(pack.render_page(i, dpi))
        steps.step()
    return images


class _Scaled:
    """Maps a 0..100 progress into ``start``..``end`` of the caller's 0..100."""

    def __init__(self, progress: Progress | None, start: float, end: float):
        self.progress = progress
        self.start = start
        self.end = end

    def __call__(self, done: int, total: int) -> None:
        if self.progress is not None:
            value = self.start + (self.end - self.start) * done / max(1, total)
            self.progress(int(value), 100)
