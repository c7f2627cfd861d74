"""The meeting pack off the GUI thread: a job with signals for the export dialog.

``MeetingPackJob(plan, options, out_path)`` writes the PDF (or, with ``out_path=None``, only
lays the pack out for a preview) in a ``QThreadPool`` worker and reports back through Qt
signals, which arrive in the thread the job was made in (the GUI thread)::

    job = MeetingPackJob(plan, options, Path("pack.pdf"))
    job.progress.connect(bar.setValue)          # (done, total), total = 100
    job.finished.connect(on_written)            # the PDF's path (str)
    job.prepared.connect(on_preview)            # a MeetingPack (out_path=None): render_page(i, dpi)
    job.failed.connect(on_error)                # the exception: PackError / PlanFileError / other
    job.cancelled.connect(on_cancelled)         # nothing was written
    job.start()
    ...
    cancel_button.clicked.connect(job.cancel)

``lock`` (optional) is a context manager the worker holds while it draws: the GUI passes its
chart render lock, so that a chart drawn for a page at the same moment (matplotlib is not
thread-safe; both theme figures) cannot interleave with the pack's charts.

The fonts are registered in :meth:`start` (the GUI thread) before the worker runs. A cancel
takes effect at the next step (a chart, a page): the file is then never written, and no
temporary file is left behind. Keep the job referenced until one of its final signals.
"""

from __future__ import annotations

import contextlib
import threading
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from mktplanner.report.meeting_pack import (
    ExportCancelled,
    PackOptions,
    build_meeting_pack,
    ensure_gui,
    prepare_meeting_pack,
    register_fonts,
)
from mktplanner.store.planfile import PlanFile


class MeetingPackJob(QObject):
    progress = Signal(int, int)
    finished = Signal(str)
    prepared = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(
        self,
        plan: PlanFile,
        options: PackOptions,
        out_path: Path | str | None = None,
        *,
        overwrite: bool = True,
        lock: AbstractContextManager[Any] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.plan = plan
        self.options = options
        self.out_path = None if out_path is None else Path(out_path)
        self.overwrite = overwrite
        self.lock: AbstractContextManager[Any] = lock or contextlib.nullcontext()
        self._cancel = threading.Event()
        self._done = threading.Event()

    def start(self, pool: QThreadPool | None = None) -> None:
        ensure_gui()
        register_fonts()
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the worker is done (tests, shutdown); True when it is."""
        return self._done.wait(timeout)

    def _run(self) -> None:
        try:
            with self.lock:
                self._work()
        except ExportCancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - handed to the GUI, which words and logs it
            self.failed.emit(exc)
        finally:
            self._done.set()

    def _work(self) -> None:
        if self.out_path is None:
            pack = prepare_meeting_pack(
                self.plan, self.options, self.progress.emit, self.is_cancelled
            )
            self.prepared.emit(pack)
            return
        written = build_meeting_pack(
            self.plan,
            self.out_path,
            self.options,
            self.progress.emit,
            self.is_cancelled,
            overwrite=self.overwrite,
        )
        self.finished.emit(str(written))


class _Runner(QRunnable):
    def __init__(self, job: MeetingPackJob):
        super().__init__()
        self.job = job
        self.setAutoDelete(True)

    def run(self) -> None:
        self.job._run()
