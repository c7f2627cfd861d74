"""A matplotlib chart in a widget that never holds up the user.

``ChartView.set_chart(build, name=...)`` takes a *builder*: a function of a ``ChartSize``
(width and height in inches, dpi, dark or light) that returns a ``matplotlib.figure.Figure``
(the functions of ``mktplanner.charts`` wrapped in a lambda over plain data). The builder
must not touch the plan file: gather the data first, on the UI thread, and close over it.

How drawing stays off the critical path:

* nothing is drawn while the widget is hidden; the first picture is asked for from the
  event loop after the widget is shown (``QTimer`` with 0 ms), so the page appears first;
* the figure is built and rasterised by Agg in one background thread shared by every chart
  view (matplotlib's Qt backend is never imported); the picture comes back to the UI thread
  as a ``QImage`` through a queued signal. A new request while one is being drawn waits
  for it and then draws the newest only; results of stale requests are dropped;
* resizing shows the previous picture scaled at once and redraws 150 ms after the last
  change of size.

matplotlib is not thread-safe: its styles are applied through ``rc_context``, which changes
process-wide settings while a chart is built. Every use of matplotlib inside the running app
(this worker, saving a chart, a report drawn on the UI thread) should hold ``render_lock()``.

The context menu (right click, the Menu key or Shift+F10) copies the picture and saves it as
PNG or SVG (``charts.render``); Ctrl+C copies. ``figure`` is the last figure drawn (tests read
the plotted values from it), ``rendered`` is emitted after each new picture is shown.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
import warnings
import weakref
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QPoint,
    QRect,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QImage,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from mktplanner.ui import theme

if TYPE_CHECKING:
    from matplotlib.figure import Figure

log = logging.getLogger(__name__)

LOGICAL_DPI = 100.0  # figure inches <-> widget pixels
PAD = 6  # pixels between the card's border and the picture
RESIZE_DELAY_MS = 150
MIN_PICTURE = QSize(160, 100)  # smaller than this, a chart is not worth drawing

_LOCK = threading.RLock()

# A chart squeezed by its widget (a narrow window) is still drawn, just without matplotlib's
# layout engine having room to work; that is not worth a line on stderr for every resize.
warnings.filterwarnings("ignore", message="constrained_layout not applied", category=UserWarning)


def render_lock() -> threading.RLock:
    """Hold this while using matplotlib in the app's process (see the module's docstring)."""
    return _LOCK


@dataclass(frozen=True)
class ChartSize:
    width_in: float
    height_in: float
    dpi: float
    dark: bool


Builder = Callable[[ChartSize], "Figure"]


# --- the shared background renderer ---------------------------------------------------------


class _Renderer(QObject):
    """One background thread for every chart view; results come back as a queued signal."""

    finished = Signal(int, object, object, str)  # ticket, QImage | None, Figure | None, error

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chart")
        self._busy = 0
        self._count_lock = threading.Lock()

    def submit(self, ticket: int, build: Builder, size: ChartSize) -> None:
        with self._count_lock:
            self._busy += 1
        self._pool.submit(self._run, ticket, build, size)

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def _run(self, ticket: int, build: Builder, size: ChartSize) -> None:
        image: QImage | None = None
        fig: Figure | None = None
        error = ""
        try:
            with _LOCK:
                fig, image = _draw(build, size)
        except Exception as exc:  # noqa: BLE001 - shown as a sentence, the details logged
            log.exception("chart could not be drawn")
            error = type(exc).__name__
        finally:
            with self._count_lock:
                self._busy -= 1
        try:
            self.finished.emit(ticket, image, fig, error)
        except RuntimeError:  # the application is going away
            pass

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def _draw(build: Builder, size: ChartSize) -> tuple[Figure, QImage]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = build(size)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    width, height = canvas.get_width_height(physical=True)
    data = bytes(canvas.buffer_rgba())
    image = QImage(data, width, height, width * 4, QImage.Format.Format_RGBA8888).copy()
    return fig, image


_RENDERER: _Renderer | None = None
_TICKETS = itertools.count(1)
_VIEWS: weakref.WeakSet[ChartView] = weakref.WeakSet()


def _renderer() -> _Renderer:
    global _RENDERER
    if _RENDERER is None:
        app = QCoreApplication.instance()
        _RENDERER = _Renderer(app)
        if app is not None:
            app.aboutToQuit.connect(_RENDERER.shutdown)
    return _RENDERER


def charts_pending() -> bool:
    """True while a visible chart view still waits for its picture."""
    if _RENDERER is not None and _RENDERER.busy:
        return True
    # A view whose window was closed may outlive its C++ half in the set for a while.
    return any(v.pending for v in list(_VIEWS) if shiboken6.isValid(v))


def wait_for_charts(timeout_s: float = 10.0) -> bool:
    """Process events until every visible chart is drawn (screenshots, tests); False on timeout."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        if not charts_pending():
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            if not charts_pending():
                return True
        time.sleep(0.01)
    return False


# --- the widget -------------------------------------------------------------------------------


class ChartView(QWidget):
    """A chart drawn lazily in the background; see the module's docstring."""

    rendered = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        min_height: int = 180,
        empty_text: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("ChartView")
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._build: Builder | None = None
        self._name = "chart"
        self._empty_text = empty_text
        self._image: QImage | None = None
        self._pixmap: QPixmap | None = None
        self._figure: Figure | None = None
        self._error = ""
        self._dirty = False
        self._in_flight: int | None = None  # ticket being drawn
        self._wanted = 0  # the ticket whose picture is wanted
        self._drawn_size: QSize | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._request)
        _renderer().finished.connect(self._on_finished)
        _VIEWS.add(self)

    # --- what pages call -----------------------------------------------------------------
    def set_chart(
        self, build: Builder | None, *, name: str = "chart", empty_text: str = ""
    ) -> None:
        """Show what ``build`` draws (``None``: show ``empty_text`` instead). Cheap: the
        drawing happens later, in the background, when the widget is visible."""
        self._build = build
        self._name = name or "chart"
        if empty_text:
            self._empty_text = empty_text
        self._error = ""
        if build is None:
            self._image = self._pixmap = None
            self._figure = None
            self._dirty = False
            self._timer.stop()
            self._wanted = next(_TICKETS)  # drop a picture still being drawn
            self.update()
            return
        self._dirty = True
        self._schedule(0)

    def clear(self, text: str = "") -> None:
        self.set_chart(None, empty_text=text)
        if text:
            self._empty_text = text

    @property
    def figure(self) -> Figure | None:
        """The figure of the picture shown (None before the first one)."""
        return self._figure

    @property
    def image(self) -> QImage | None:
        return self._image

    @property
    def pending(self) -> bool:
        """Waiting for a picture that will be drawn (visible, big enough, something to draw)."""
        if self._build is None or not self.isVisible():
            return False
        area = self._picture_rect()
        if area.width() < MIN_PICTURE.width() or area.height() < MIN_PICTURE.height():
            return False
        return self._dirty or self._in_flight is not None or self._timer.isActive()

    def name(self) -> str:
        return self._name

    # --- scheduling ----------------------------------------------------------------------
    def _schedule(self, delay_ms: int) -> None:
        if self._build is None or not self.isVisible():
            return
        self._timer.start(delay_ms)

    def _size(self) -> ChartSize:
        area = self._picture_rect()
        ratio = self.devicePixelRatioF() or 1.0
        return ChartSize(
            width_in=max(area.width(), MIN_PICTURE.width()) / LOGICAL_DPI,
            height_in=max(area.height(), MIN_PICTURE.height()) / LOGICAL_DPI,
            dpi=LOGICAL_DPI * ratio,
            dark=theme.is_dark(),
        )

    def _request(self) -> None:
        if self._build is None or not self.isVisible():
            return
        area = self._picture_rect()
        if area.width() < MIN_PICTURE.width() or area.height() < MIN_PICTURE.height():
            self._dirty = True  # not laid out yet: drawn when it gets its size
            return
        if self._in_flight is not None:
            self._dirty = True  # drawn when the current one comes back
            return
        self._dirty = False
        ticket = next(_TICKETS)
        self._wanted = ticket
        self._in_flight = ticket
        self._drawn_size = self._picture_rect().size()
        _renderer().submit(ticket, self._build, self._size())

    def _on_finished(self, ticket: int, image: Any, fig: Any, error: str) -> None:
        if ticket != self._in_flight:
            return
        self._in_flight = None
        if ticket == self._wanted:  # a newer request still shows this one meanwhile
            self._error = error
            if image is not None and not error:
                image.setDevicePixelRatio(self.devicePixelRatioF() or 1.0)
                self._image = image
                self._pixmap = QPixmap.fromImage(image)
                self._figure = fig
            self.update()
            self.rendered.emit()
        if self._dirty:
            self._schedule(0)

    # --- events --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._build is not None and (self._dirty or self._pixmap is None):
            self._dirty = True
            self._schedule(0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._build is None:
            return
        drawn = self._drawn_size
        now = self._picture_rect().size()
        if (
            drawn is None
            or abs(drawn.width() - now.width()) > 2
            or abs(drawn.height() - now.height()) > 2
        ):
            self._dirty = True
            self._schedule(0 if self._pixmap is None else RESIZE_DELAY_MS)

    def _picture_rect(self) -> QRect:
        return self.rect().adjusted(PAD, PAD, -PAD, -PAD)

    def paintEvent(self, event: QPaintEvent) -> None:
        colors = theme.colors()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        frame = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        path = QPainterPath()
        path.addRoundedRect(frame, 8, 8)
        face = QColor("#1E1F22") if theme.is_dark() else QColor("#FFFFFF")
        painter.fillPath(path, face)
        border = colors["accent"] if self.hasFocus() else colors["border"]
        painter.setPen(QPen(QColor(border), 1.0))
        painter.drawPath(path)
        area = self._picture_rect()
        if self._build is None or self._error:
            text = (
                self._empty_text
                if not self._error
                else self.tr("The chart could not be drawn. The details are in the log.")
            )
            painter.setPen(QColor(colors["muted"]))
            painter.drawText(
                area.adjusted(12, 8, -12, -8),
                int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                text,
            )
        elif self._pixmap is not None:
            painter.drawPixmap(area, self._pixmap)
        painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu().exec(event.globalPos())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy()
            return
        if event.key() == Qt.Key.Key_F10 and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.menu().exec(self.mapToGlobal(QPoint(self.width() // 2, self.height() // 2)))
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.update()

    # --- copy and save -------------------------------------------------------------------
    def menu(self) -> QMenu:
        menu = QMenu(self)
        ready = self._image is not None and self._figure is not None
        copy = menu.addAction(self.tr("Copy chart"), self.copy)
        copy.setShortcut(QKeySequence.StandardKey.Copy)
        png = menu.addAction(theme.icon("export"), self.tr("Save as PNG…"), self.save_png)
        svg = menu.addAction(self.tr("Save as SVG…"), self.save_svg)
        for action in (copy, png, svg):
            action.setEnabled(ready)
        return menu

    def copy(self) -> bool:
        if self._image is None:
            return False
        QGuiApplication.clipboard().setImage(self._image)
        return True

    def save_png(self) -> bool:
        return self._save("png")

    def save_svg(self) -> bool:
        return self._save("svg")

    def _save(self, fmt: str) -> bool:
        from mktplanner.ui import dialogs

        if self._figure is None:
            return False
        if fmt == "png":
            title = self.tr("Save chart as PNG")
            file_filter = self.tr("PNG images (*.png)")
        else:
            title = self.tr("Save chart as SVG")
            file_filter = self.tr("SVG drawings (*.svg)")
        path = dialogs.ask_save_path(self.window(), title, f"{self._name}.{fmt}", file_filter)
        if not path:
            return False
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        return self.save_to(path, fmt)

    def save_to(self, path: str, fmt: str) -> bool:
        """Write the chart shown to ``path`` as PNG (200 dpi) or SVG; False (and a message)
        when the file cannot be written."""
        from mktplanner.charts import render
        from mktplanner.ui import dialogs

        if self._figure is None:
            return False
        try:
            with _LOCK:
                if fmt == "svg":
                    render.to_svg(self._figure, path)
                else:
                    render.to_png(self._figure, path)
        except OSError as exc:
            dialogs.message(
                self.window(),
                "warning",
                dialogs.app_title(),
                self.tr("The chart could not be saved."),
                exc.strerror or str(exc),
            )
            return False
        return True

    def sizeHint(self) -> QSize:
        return QSize(520, 260)
