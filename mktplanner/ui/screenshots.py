"""Render the welcome page and every page of the main window to PNG files (1280×800).

``main(out_dir, plan=None, lang=None)`` is what ``mktplanner screenshots DIR [--plan FILE]
[--lang ru|en]`` calls. It works without a display (the offscreen platform is chosen when
no QApplication exists yet and no display is set). The plan is copied into a temporary folder
first and the copy is opened, so the user's file, its lock and its backups are never touched;
without ``plan`` a fresh demo plan in the chosen language is used. ``dark`` forces the dark
or light palette (default: the system's).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

SIZE = (1280, 800)


def _settle(app: object) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(3):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        QCoreApplication.sendPostedEvents()


def main(
    out_dir: str | Path,
    plan: str | Path | None = None,
    lang: str | None = None,
    *,
    dark: bool | None = None,
) -> int:
    from PySide6.QtCore import QCoreApplication

    if QCoreApplication.instance() is None and not (
        os.environ.get("DISPLAY")
        or os.environ.get("WAYLAND_DISPLAY")
        or sys.platform in ("win32", "darwin")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from mktplanner.ui.app import application, setup

    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"cannot create {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    app = application()
    language = setup(app, lang)
    if dark is not None:
        from mktplanner.ui import theme

        theme.apply(app, dark=dark)
    with tempfile.TemporaryDirectory(prefix="mktplanner-shots-") as tmp:
        work = Path(tmp) / "plan.mktplan"
        try:
            if plan is not None:
                source = Path(plan)
                if not source.is_file():
                    print(f"no such plan file: {source}", file=sys.stderr)
                    return 1
                shutil.copyfile(source, work)
                name = source.name
            else:
                from mktplanner.services.demo import build_demo

                build_demo(work, language).close()
                name = "demo.mktplan"
            return _render(app, out, work, name, language)
        except Exception as exc:  # noqa: BLE001 - one sentence, the details in the log
            from mktplanner.logsetup import log_exception

            log_path = log_exception(exc, "screenshots")
            print(f"screenshots failed: {exc} (details in {log_path})", file=sys.stderr)
            return 1


def _render(app: object, out: Path, work: Path, display_name: str, language: str) -> int:
    from mktplanner.store.planfile import PlanFile
    from mktplanner.ui.main_window import MainWindow
    from mktplanner.ui.undo import Document
    from mktplanner.ui.widgets.chart_view import wait_for_charts

    window = MainWindow(language)
    window.resize(*SIZE)
    window.setFixedSize(*SIZE)
    window.show()
    _settle(app)
    window.welcome.set_recent([str(work.with_name(display_name))])
    window.outer.setCurrentWidget(window.welcome)
    _settle(app)
    window.grab().save(str(out / "welcome.png"))
    plan = PlanFile.open(work, backup=False)
    doc = Document(plan, language=language, parent=window)
    window.set_document(doc, "overview")
    window.plan_file.setText(display_name)
    written = 1
    try:
        for page_id, page in window.pages.items():
            window.show_page(page_id)
            _settle(app)
            page.refresh()
            _settle(app)
            wait_for_charts()
            window.grab().save(str(out / f"{page_id}.png"))
            written += 1
            tabs = getattr(page, "tabs", None)
            if tabs is not None:
                # A page may name its tabs' pictures (``tab_names``: "weekly-team.png").
                names = getattr(page, "tab_names", ())
                for i in range(1, tabs.count()):
                    tabs.setCurrentIndex(i)
                    _settle(app)
                    suffix = names[i] if i < len(names) else str(i + 1)
                    window.grab().save(str(out / f"{page_id}-{suffix}.png"))
                tabs.setCurrentIndex(0)
        if display_name == "demo.mktplan":
            written += _why_shot(app, window, out)
        written += _export_dialog_shot(app, window, out)
    finally:
        window.set_document(None)
        window.close()
        window.deleteLater()
        _settle(app)
    print(f"{written} pages written to {out}")
    return 0


def _why_shot(app: object, window: object, out: Path) -> int:
    """The "Why?" panel beside the goals page, on the demo's off-track goal."""
    from mktplanner.services.demo import FACTS
    from mktplanner.ui.widgets.why_panel import WhyDock

    goal = FACTS.goal_off_track
    window.show_object("goal", goal)  # type: ignore[attr-defined]
    _settle(app)
    dock = WhyDock.open_for(window)
    doc = window.doc  # type: ignore[attr-defined]
    dock.panel.explain(doc.plan, doc.fmt, "goal", goal)
    _settle(app)
    window.grab().save(str(out / "why.png"))  # type: ignore[attr-defined]
    dock.hide()
    return 1


def _export_dialog_shot(app: object, window: object, out: Path) -> int:
    """The meeting pack dialog (File ▸ Export ▸ PDF…) with its preview laid out."""
    import time

    from mktplanner.ui.export_dialog import PackDialog

    dialog = PackDialog(window.doc, "pdf", window)  # type: ignore[attr-defined]
    dialog.show()
    deadline = time.monotonic() + 180
    while not dialog.preview_ready and time.monotonic() < deadline:
        _settle(app)
        time.sleep(0.02)
    _settle(app)
    dialog.grab().save(str(out / "export-dialog.png"))
    dialog.reject()
    dialog.deleteLater()
    _settle(app)
    return 1
