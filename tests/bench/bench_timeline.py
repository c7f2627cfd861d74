"""Benchmark of the tactical plan's timeline with 500 actions (a script, not a test).

    QT_QPA_PLATFORM=offscreen python tests/bench/bench_timeline.py [--actions 500] [--runs 5]

Each figure is the median of ``--runs`` runs, printed with its ratio to a baseline measured
in the same run on the same machine, so the numbers compare across machines:

* building: ``TimelineWidget.set_data`` + the first paint, against a ``QTableView`` over a
  ``QStandardItemModel`` with as many rows (9 columns) made and painted, and against an
  empty ``QGraphicsScene`` in a ``QGraphicsView``;
* scrolling: 20 vertical and 20 horizontal scroll steps, each repainted at once (chart,
  titles and month header), against 40 vertical steps of that ``QTableView``;
* zoom: a switch quarter -> year -> half (two rebuilds), against building the table view;
* reading: ``services.tactics.action_rows`` on a plan file with that many actions (joins,
  flags, occurrences), against a raw ``sqlite3`` ``SELECT * FROM action``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtGui import QStandardItem, QStandardItemModel  # noqa: E402
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QTableView  # noqa: E402

from mktplanner.ui.widgets.timeline import Bar, Group, TimelineData, TimelineWidget  # noqa: E402

SIZE = (1000, 600)
TODAY = dt.date(2026, 11, 18)
COLORS = ("#4C78A8", "#F58518", "#54A24B", "#B279A2", "#E45756")


def settle() -> None:
    QApplication.processEvents()


def median_ms(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def timeline_data(n: int) -> TimelineData:
    start = dt.date(2026, 9, 1)
    groups = []
    per = n // len(COLORS)
    for g, color in enumerate(COLORS):
        bars = []
        for k in range(per if g < len(COLORS) - 1 else n - per * (len(COLORS) - 1)):
            i = g * per + k
            first = start + dt.timedelta(days=(i * 7) % 300)
            last = first + dt.timedelta(days=14 + i % 90)
            weekly = i % 10 == 0
            bars.append(
                Bar(
                    id=i + 1,
                    title=f"Action {i + 1}: a title of a usual length",
                    color=color,
                    start=first,
                    due=last,
                    occurrences=tuple(
                        first + dt.timedelta(weeks=w) for w in range((last - first).days // 7 + 1)
                    )
                    if weekly
                    else (),
                    done=i % 5 == 0,
                    flags=("late",) if i % 13 == 0 else (("no_owner",) if i % 17 == 0 else ()),
                    note=f"Person {i % 12}",
                    tooltip=f"Action {i + 1}",
                )
            )
        groups.append(Group(f"Direction {g + 1}", color, tuple(bars), note=f"{len(bars)}"))
    return TimelineData(
        period_start=start,
        months=12,
        today=TODAY,
        groups=tuple(groups),
        month_notes={},
        flag_labels={"late": "late", "no_owner": "no owner"},
    )


def table_view(n: int) -> QTableView:
    model = QStandardItemModel(n, 9)
    for r in range(n):
        for c in range(9):
            model.setItem(r, c, QStandardItem(f"cell {r}.{c}"))
    view = QTableView()
    view.setModel(model)
    view.resize(*SIZE)
    view.show()
    settle()
    view.viewport().repaint()
    return view


def empty_scene() -> QGraphicsView:
    scene = QGraphicsScene()
    view = QGraphicsView(scene)
    view.resize(*SIZE)
    view.show()
    settle()
    view.viewport().repaint()
    return view


def build_timeline(data: TimelineData) -> TimelineWidget:
    widget = TimelineWidget()
    widget.resize(*SIZE)
    widget.show()
    settle()
    widget.set_data(data)
    settle()
    widget.view.viewport().repaint()
    widget.labels.repaint()
    widget.header.repaint()
    return widget


def scroll_timeline(widget: TimelineWidget) -> None:
    vbar, hbar = widget.view.verticalScrollBar(), widget.view.horizontalScrollBar()
    for i in range(20):
        vbar.setValue(vbar.maximum() * i // 19)
        widget.view.viewport().repaint()
        widget.labels.repaint()
    for i in range(20):
        hbar.setValue(hbar.maximum() * i // 19)
        widget.view.viewport().repaint()
        widget.header.repaint()


def scroll_table(view: QTableView) -> None:
    vbar = view.verticalScrollBar()
    for i in list(range(20)) + list(range(19, -1, -1)):
        vbar.setValue(vbar.maximum() * i // 19)
        view.viewport().repaint()


def zoom(widget: TimelineWidget) -> None:
    widget.set_zoom("quarter")
    widget.set_zoom("year")
    widget.set_zoom("half")
    settle()


def plan_with_actions(folder: Path, n: int) -> Path:
    from mktplanner.domain.tables import Action
    from mktplanner.services import edits
    from mktplanner.services.plans import new_plan

    path = folder / "bench.mktplan"
    plan = new_plan(path, name="Bench", currency="USD", language="en")
    start = dt.date(2026, 9, 1)
    inserts = [
        edits.InsertRow(
            Action,
            {
                "title": f"Action {i}",
                "direction_id": 1 + i % 5,
                "start": start + dt.timedelta(days=i % 200),
                "due": start + dt.timedelta(days=i % 200 + 30),
                "budget_minor": None if i % 11 == 0 else 10000 + i,
                "recurrence": "weekly" if i % 10 == 0 else "none",
                "position": i,
            },
        )
        for i in range(n)
    ]
    edits.run(plan, edits.Composite("bench", inserts))
    plan.close()
    return path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actions", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    n, runs = args.actions, args.runs
    app = QApplication.instance() or QApplication([])
    from mktplanner.ui import theme

    theme.register_fonts()
    theme.apply(app, dark=False)  # type: ignore[arg-type]
    data = timeline_data(n)

    rows: list[tuple[str, float, str, float]] = []
    t_table = median_ms(lambda: table_view(n).deleteLater(), runs)
    t_scene = median_ms(lambda: empty_scene().deleteLater(), runs)
    t_build = median_ms(lambda: build_timeline(data).deleteLater(), runs)
    rows.append((f"build timeline, {n} actions", t_build, "table view", t_table))
    rows.append((f"build timeline, {n} actions", t_build, "empty scene", t_scene))

    widget = build_timeline(data)
    table = table_view(n)
    t_scroll = median_ms(lambda: scroll_timeline(widget), runs)
    t_table_scroll = median_ms(lambda: scroll_table(table), runs)
    rows.append(("scroll timeline, 40 steps", t_scroll, "table, 40 steps", t_table_scroll))
    t_zoom = median_ms(lambda: zoom(widget), runs)
    rows.append(("zoom quarter/year/half", t_zoom, "table view", t_table))

    with tempfile.TemporaryDirectory() as tmp:
        from mktplanner.services import tactics
        from mktplanner.store.planfile import PlanFile

        path = plan_with_actions(Path(tmp), n)
        plan = PlanFile.open(path, read_only=True, backup=False)
        try:
            t_rows = median_ms(lambda: tactics.action_rows(plan, TODAY), runs)
        finally:
            plan.close()

        def raw() -> None:
            con = sqlite3.connect(path)
            con.execute("SELECT * FROM action").fetchall()
            con.close()

        t_raw = median_ms(raw, runs)
    rows.append(("read action rows", t_rows, "raw sqlite3 select", t_raw))

    items = len(widget.items)
    widget.deleteLater()
    table.deleteLater()
    settle()
    print(f"timeline benchmark: {n} actions ({items} bars), median of {runs} runs")
    print(f"{'measure':32} {'ms':>9}  {'baseline':22} {'ms':>9} {'ratio':>7}")
    for name, value, base_name, base in rows:
        ratio = value / base if base > 0 else float("inf")
        print(f"{name:32} {value:9.1f}  {base_name:22} {base:9.1f} {ratio:7.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
