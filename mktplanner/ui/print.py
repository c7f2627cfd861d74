"""Printing the meeting pack through Qt's print dialog (File ▸ Print…).

The pack's pages are display lists in points (``report.layout.Page.paint``): they paint on
any ``QPagedPaintDevice`` once the painter is scaled from points to the device's dots, and
the result is the same as the PDF (text and charts stay vectors; a test compares a page
painted at 150 dpi with the preview image of the same page). So the printer gets the very
pages of the PDF, not screenshots of them:

* each page is printed on paper of its own orientation (a landscape timeline page in a
  portrait pack turns the paper); a printer that cannot turn the paper gets the page
  rotated instead;
* a page is scaled down (never up) to fit the paper the user chose, and centred;
* the pages the user asked for in the dialog (from/to) are printed.

``ask_printer`` (the modal ``QPrintDialog``) is a module-level function so that tests can
replace it; ``paint_pack`` does the printing and works on any ``QPrinter`` (a test prints
into a PDF file).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QApplication, QWidget

if TYPE_CHECKING:
    from mktplanner.report.meeting_pack import MeetingPack


def _orientation(landscape: bool) -> QPageLayout.Orientation:
    return QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait


def make_printer(pack: MeetingPack) -> QPrinter:
    """A printer set up for the pack: its paper, the first page's orientation, full page
    (the pack draws its own margins), its title as the document name."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(pack.title)
    printer.setFullPage(True)
    first = pack.pages[0].geometry.landscape if pack.pages else False
    printer.setPageLayout(
        QPageLayout(QPageSize(pack.page_size_id), _orientation(first), QMarginsF(0, 0, 0, 0))
    )
    printer.setFromTo(1, pack.page_count)
    return printer


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """Qt's print dialog; True when the user chose to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("print", "Print the meeting pack"))
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setMinMax(1, max(1, printer.toPage()))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def page_range(printer: QPrinter, count: int) -> list[int]:
    """The 0-based pages to print: the dialog's range if one was chosen, else all."""
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
        return list(range(first - 1, last))
    return list(range(count))


def paint_pack(
    pack: MeetingPack,
    printer: QPrinter,
    pages: list[int] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Paint ``pages`` (0-based; default: the printer's range) onto ``printer``; returns
    the number of pages printed (0 when the printer could not be started)."""
    wanted = page_range(printer, pack.page_count) if pages is None else list(pages)
    if not wanted:
        return 0
    size = QPageSize(pack.page_size_id)
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(
            size,
            _orientation(pack.pages[wanted[0]].geometry.landscape),
            QMarginsF(0, 0, 0, 0),
        )
    )
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    printed = 0
    try:
        for n, index in enumerate(wanted):
            page = pack.pages[index]
            if n:
                printer.setPageOrientation(_orientation(page.geometry.landscape))
                if not printer.newPage():
                    break
            _paint_page(painter, printer, page)
            printed += 1
            if progress is not None:
                progress(printed, len(wanted))
    finally:
        painter.end()
    return printed


def _paint_page(painter: QPainter, printer: QPrinter, page: object) -> None:
    geometry = page.geometry  # type: ignore[attr-defined]
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    dots_x = printer.logicalDpiX() / 72.0
    dots_y = printer.logicalDpiY() / 72.0
    width, height = float(geometry.width), float(geometry.height)
    paper_landscape = paper.width() > paper.height()
    rotate = geometry.landscape != paper_landscape and abs(width - height) > 1
    drawn_w, drawn_h = (height, width) if rotate else (width, height)
    scale = min(1.0, paper.width() / (drawn_w * dots_x), paper.height() / (drawn_h * dots_y))
    sx, sy = dots_x * scale, dots_y * scale
    left = (paper.width() - drawn_w * sx) / 2
    top = (paper.height() - drawn_h * sy) / 2
    painter.save()
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        painter.translate(left, top)
        painter.scale(sx, sy)
        if rotate:
            # A landscape page on portrait paper: turned a quarter clockwise.
            painter.translate(height, 0)
            painter.rotate(90)
        painter.setClipRect(QRectF(0, 0, width, height))
        page.paint(painter)  # type: ignore[attr-defined]
    finally:
        painter.restore()


def print_pack(parent: QWidget | None, pack: MeetingPack) -> int:
    """Ask for a printer and print the pack; the number of pages printed (0: not printed)."""
    printer = make_printer(pack)
    if not ask_printer(parent, printer):
        return 0
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return paint_pack(pack, printer)
    finally:
        QApplication.restoreOverrideCursor()
