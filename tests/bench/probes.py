"""What the benchmark runner starts in child processes: ``python tests/bench/probes.py NAME ...``.

* ``bare``: a bare PySide6 main window that shows, paints once and quits (the start-up
  baseline);
* ``gui PLAN --out JSON [--edits N] [--cycles K]``: the main window on ``PLAN`` (a copy the
  runner made): switching to every page, ``N`` edits through the pages (apply, commit, the
  page refreshed and painted) and the process's peak memory;
* ``pack PLAN --out JSON [--repeats R]``: the PDF meeting pack (every section, one week of
  weekly plans) against drawing the same charts to files alone, alternated in one process.

Each probe writes its measurements as JSON (milliseconds; kilobytes for memory). Nothing
here asserts: the runner compares.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))


def _ms(seconds: float) -> float:
    return round(seconds * 1000.0, 3)


def peak_kb() -> int:
    """The process's peak resident memory (kB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak // 1024) if sys.platform == "darwin" else int(peak)


# --- bare window ------------------------------------------------------------------------------


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    window.repaint()
    QTimer.singleShot(0, app.quit)
    return int(app.exec())


# --- the GUI: pages, edits, memory ------------------------------------------------------------


def _settle() -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from mktplanner.ui.widgets.chart_view import wait_for_charts

    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    wait_for_charts(30.0)


def _targets(path: Path) -> dict[str, Any]:
    """Rows every plan has (the demo's own), read with plain sqlite3 before the app opens it."""
    con = sqlite3.connect(path)
    try:

        def one(sql: str, *args: Any) -> Any:
            row = con.execute(sql, args).fetchone()
            return row[0] if row else None

        today = time.strftime("%Y-%m-%d")
        year, week, _ = __import__("datetime").date.fromisoformat(today).isocalendar()
        return {
            "swot_item": one("SELECT min(id) FROM swot_item"),
            "goal": one("SELECT min(id) FROM goal"),
            "action": one("SELECT min(id) FROM action"),
            "weekly_task": one(
                "SELECT min(t.id) FROM weekly_task t JOIN weekly_plan w ON w.id = t.weekly_plan_id"
                " WHERE w.iso_year = ? AND w.iso_week = ? AND w.state != 'closed'",
                year,
                week,
            ),
            "expense": one("SELECT min(id) FROM expense"),
            "channel_result": one("SELECT min(id) FROM channel_result"),
            "hypothesis": one("SELECT min(id) FROM hypothesis"),
            "plan": one("SELECT min(id) FROM plan"),
        }
    finally:
        con.close()


# page, table, field, (value A, value B): each edit flips a field between two valid values.
EDITS: tuple[tuple[str, str, str, tuple[Any, Any]], ...] = (
    ("overview", "plan", "company", ("Bench Co", "Bench Co 2")),
    ("strategy", "swot_item", "text", ("Bench strength", "Bench strength 2")),
    ("goals", "goal", "title", ("Bench goal", "Bench goal 2")),
    ("tactics", "action", "title", ("Bench action", "Bench action 2")),
    ("weekly", "weekly_task", "description", ("Bench task", "Bench task 2")),
    ("budget", "expense", "note", ("bench", "bench 2")),
    ("results", "channel_result", "leads", (11, 12)),
    ("hypotheses", "hypothesis", "title", ("Bench hypothesis", "Bench hypothesis 2")),
)


def gui(plan: Path, out: Path, edits: int, cycles: int) -> int:
    from PySide6.QtCore import QCoreApplication

    from mktplanner.ui.app import application, setup
    from mktplanner.ui.bus import bus
    from mktplanner.ui.main_window import PAGE_ORDER, MainWindow

    targets = _targets(plan)
    app = application()
    setup(app, "en")
    window = MainWindow("en")
    window.resize(1280, 800)
    window.show()
    QCoreApplication.processEvents()
    t0 = time.perf_counter()
    if not window.open_path(plan, page_id="overview"):
        print("the plan did not open", file=sys.stderr)
        return 2
    window.repaint()
    opened_ms = _ms(time.perf_counter() - t0)
    _settle()

    def switch(page_id: str) -> float:
        start = time.perf_counter()
        window.show_page(page_id)
        QCoreApplication.processEvents()
        window.repaint()
        took = time.perf_counter() - start
        _settle()
        return _ms(took)

    first: dict[str, float] = {}
    for page_id in PAGE_ORDER[1:]:
        first[page_id] = switch(page_id)
    first["overview"] = switch("overview")
    again: dict[str, list[float]] = {p: [] for p in PAGE_ORDER}
    for cycle in range(cycles):
        order = PAGE_ORDER[cycle % len(PAGE_ORDER) :] + PAGE_ORDER[: cycle % len(PAGE_ORDER)]
        for page_id in order:
            window.show_page(PAGE_ORDER[0] if page_id != PAGE_ORDER[0] else PAGE_ORDER[1])
            _settle()
            bus().reset.emit()  # every page's data is stale, as after opening a plan
            again[page_id].append(switch(page_id))

    usable = [e for e in EDITS if targets.get(e[1]) is not None]
    times: list[float] = []
    per_page: dict[str, list[float]] = {e[0]: [] for e in usable}
    refused = 0
    for i in range(edits):
        page_id, table, field, values = usable[i % len(usable)]
        if window.current_page_id() != page_id:
            window.show_page(page_id)
            _settle()
        page = window.pages[page_id]
        value = values[(i // len(usable)) % 2]
        start = time.perf_counter()
        ok = page.update_row(table, targets[table], {field: value})
        QCoreApplication.processEvents()
        window.repaint()
        took = _ms(time.perf_counter() - start)
        refused += not ok
        times.append(took)
        per_page[page_id].append(took)
        _settle()

    result = {
        "open_ms": opened_ms,
        "first_visit_ms": first,
        "switch_ms": {p: statistics.median(v) for p, v in again.items() if v},
        "edit_ms": times,
        "edit_p95_ms": _p95(times),
        "edit_p95_by_page_ms": {p: _p95(v) for p, v in per_page.items() if v},
        "edits_refused": refused,
        "statements": window.doc.plan.statements if window.doc is not None else 0,
        "peak_kb": peak_kb(),
    }
    out.write_text(json.dumps(result, indent=1))
    window.close()
    return 0


def _p95(values: list[float]) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# --- the PDF meeting pack against its charts alone ------------------------------------------


def pack(plan_path: Path, out: Path, repeats: int) -> int:
    import matplotlib

    from mktplanner.charts.render import to_svg
    from mktplanner.report import figures
    from mktplanner.report.meeting_pack import SECTIONS, PackOptions, build_meeting_pack
    from mktplanner.store.planfile import PlanFile

    builds: list[Callable[[], Any]] = []
    original = figures.make_chart

    def recording(build: Callable[[], Any]) -> Any:
        builds.append(build)
        return original(build)

    plan = PlanFile.open(plan_path, read_only=True, backup=False)
    options = PackOptions(sections=SECTIONS, language="en")
    with tempfile.TemporaryDirectory(prefix="mktplanner-bench-") as tmp:
        target = Path(tmp) / "pack.pdf"
        figures.make_chart = recording  # type: ignore[assignment]
        try:
            build_meeting_pack(plan, target, options)  # warm-up; records the charts drawn
        finally:
            figures.make_chart = original  # type: ignore[assignment]
        charts = list(builds)

        def the_pack() -> None:
            build_meeting_pack(plan, target, options)

        def the_charts() -> None:
            for i, build in enumerate(charts):
                with matplotlib.rc_context({"text.parse_math": False}):
                    fig = build()
                to_svg(fig, str(Path(tmp) / f"chart{i}.svg"))

        pack_ms: list[float] = []
        charts_ms: list[float] = []
        for r in range(repeats):
            pair = [(the_pack, pack_ms), (the_charts, charts_ms)]
            for fn, into in pair if r % 2 == 0 else pair[::-1]:
                start = time.perf_counter()
                fn()
                into.append(_ms(time.perf_counter() - start))
        pages = target.read_bytes().count(b"/Type /Page\n") or target.read_bytes().count(
            b"/Type /Page"
        )
    plan.close()
    out.write_text(
        json.dumps(
            {
                "pack_ms": pack_ms,
                "charts_ms": charts_ms,
                "charts": len(charts),
                "pdf_pages": pages,
                "peak_kb": peak_kb(),
            },
            indent=1,
        )
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="probes")
    sub = parser.add_subparsers(dest="name", required=True)
    sub.add_parser("bare")
    g = sub.add_parser("gui")
    g.add_argument("plan", type=Path)
    g.add_argument("--out", type=Path, required=True)
    g.add_argument("--edits", type=int, default=200)
    g.add_argument("--cycles", type=int, default=3)
    p = sub.add_parser("pack")
    p.add_argument("plan", type=Path)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    if args.name == "bare":
        return bare()
    if args.name == "gui":
        return gui(args.plan, args.out, args.edits, args.cycles)
    return pack(args.plan, args.out, args.repeats)


if __name__ == "__main__":
    raise SystemExit(main())
