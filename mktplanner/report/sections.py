"""The sections of the meeting pack: the pack's data turned into blocks for the page flow.

One method per section (``cover``, ``contents``, ``summary``, ``swot``, ``goals``,
``timeline``, ``weekly``, ``budget``, ``results``, ``hypotheses``, ``check``). Each starts a
new page with its title, so the table of contents points at the top of a page and a printed
section can be handed out on its own. The tactical timeline always goes on landscape pages
(a half-year of actions stays readable). A section with nothing to show says so in one
polite sentence instead of printing empty tables.

Every text from the plan goes through :func:`layout.plain` (inside ``TextBlock``): it is shown
as typed, never as markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen

from mktplanner.domain.health import CheckReport, Finding, Level
from mktplanner.domain.rules import kpi as kpi_rules
from mktplanner.report import figures
from mktplanner.report.data import PackData
from mktplanner.report.layout import (
    Block,
    Cell,
    Column,
    FuncBlock,
    Marker,
    PageBreak,
    PageGeometry,
    PictureBlock,
    Spacer,
    TextBlock,
    TextStyle,
    paragraph,
    table,
)
from mktplanner.report.texts import Texts, fill

# --- the look ----------------------------------------------------------------------------------

NAVY = "#1F3A5F"
ACCENT = "#4E79A7"
ACCENT_LIGHT = "#A0CBE8"
TEXT = "#262626"
MUTED = "#6B7280"
LIGHT = "#EEF2F7"
RULE = "#D5DCE6"
GOOD = "#2E7D32"
BAD = "#C0392B"
WARN = "#B45309"
BAD_FILL = "#FDECEA"
WARN_FILL = "#FFF4E0"

BODY = TextStyle(size=9.5, leading=1.3)
SMALL = TextStyle(size=8.0, color=MUTED, leading=1.25)
H1 = TextStyle(size=20.0, bold=True, color=NAVY, leading=1.15)
H2 = TextStyle(size=12.5, bold=True, color=NAVY, leading=1.2)
H3 = TextStyle(size=10.0, bold=True, color=TEXT, leading=1.25)
LABEL = TextStyle(size=7.2, bold=True, color=MUTED, leading=1.2)

TONE_COLOR = {"good": GOOD, "bad": BAD, "warn": WARN, "neutral": ACCENT}

SECTION_ORDER: tuple[str, ...] = (
    "cover",
    "contents",
    "summary",
    "swot",
    "goals",
    "timeline",
    "weekly",
    "budget",
    "results",
    "hypotheses",
    "check",
)


@dataclass(frozen=True)
class Frames:
    """Widths and heights of the flow's frames, in points."""

    portrait: PageGeometry  # the document's own orientation (may be landscape)
    landscape: PageGeometry

    def width(self, landscape: bool) -> float:
        return (self.landscape if landscape else self.portrait).frame.width()

    def height(self, landscape: bool) -> float:
        return (self.landscape if landscape else self.portrait).frame.height()


class Builder:
    """Builds the blocks of each section."""

    def __init__(
        self,
        pack: PackData,
        tx: Texts,
        frames: Frames,
        *,
        doc_landscape: bool,
        prepared_for: str,
        logo: QImage | None,
        checkpoint: Callable[[], None],
    ):
        self.pack = pack
        self.tx = tx
        self.frames = frames
        self.doc_landscape = doc_landscape
        self.prepared_for = prepared_for
        self.logo = logo
        self.checkpoint = checkpoint  # raises when the export was cancelled; counts progress
        self.toc: list[tuple[str, str]] = []  # (marker key, title) in order
        self.markers: dict[str, int] = {}  # filled by the flow after layout

    # --- titles of the sections, for the contents and the running header -----------------

    def title(self, key: str) -> str:
        translate = self.tx.translate
        return {
            "cover": translate("report", "Cover"),
            "contents": translate("report", "Contents"),
            "summary": translate("report", "Strategy on a page"),
            "swot": translate("report", "SWOT analysis"),
            "goals": translate("report", "Strategic goals"),
            "timeline": translate("report", "Tactical plan"),
            "weekly": translate("report", "Weekly plans"),
            "budget": translate("report", "Budget and control"),
            "results": translate("report", "Results by channel"),
            "hypotheses": translate("report", "Hypotheses"),
            "check": translate("report", "Plan check"),
        }[key]

    def blurb(self, key: str) -> str:
        translate = self.tx.translate
        return {
            "summary": translate("report", "Mission, key figures, goals and what needs attention"),
            "swot": translate(
                "report", "Strengths, weaknesses, opportunities, threats and options"
            ),
            "goals": translate("report", "Measurable goals, their progress and SMART check"),
            "timeline": translate("report", "Actions month by month: who, when, for how much"),
            "weekly": translate("report", "Each person's tasks, end products and hours"),
            "budget": translate(
                "report", "Plan against actual, by month and channel; control points"
            ),
            "results": translate("report", "Spend, leads, customers, revenue and KPIs per channel"),
            "hypotheses": translate("report", "Tests of channels: budget, threshold, decision"),
            "check": translate("report", "What the plan still lacks, and the next steps"),
        }.get(key, "")

    # --- building blocks ------------------------------------------------------------------------

    def width(self, landscape: bool | None = None) -> float:
        return self.frames.width(self.doc_landscape if landscape is None else landscape)

    def start(self, key: str, subtitle: str = "", *, landscape: bool | None = None) -> list[Block]:
        """A new page with the section's title (and a marker for the contents)."""
        title = self.title(key)
        self.toc.append((key, title))
        w = self.width(landscape)
        heading = TextBlock(title, H1, w)

        def draw(p: QPainter, x: float, y: float, _w: float) -> None:
            heading.draw(p, x, y)
            p.fillRect(QRectF(x, y + heading.height + 4, 36, 3), QColor(ACCENT))

        blocks: list[Block] = [
            PageBreak(landscape=landscape),
            Marker(key, running_title=title),
            FuncBlock(heading.height + 10, draw, keep_with_next=True),
        ]
        if subtitle:
            blocks += paragraph(subtitle, SMALL.with_(size=9.0), w, space_before=2)
        blocks.append(Spacer(6))
        return blocks

    def h2(self, text: str, width: float, *, space_before: float = 16.0) -> list[Block]:
        blocks = paragraph(text, H2, width, space_before=space_before, keep_with_next=True)
        blocks.append(_keep(Spacer(2)))
        return blocks

    def para(self, text: str, width: float, style: TextStyle = BODY, **kw: Any) -> list[Block]:
        return paragraph(text, style, width, **kw)

    def note_box(self, text: str, width: float, *, tone: str = "neutral") -> Block:
        """A polite sentence in a light box (an empty section, a hint)."""
        laid = TextBlock(text, BODY.with_(color=TEXT), width - 30)
        height = laid.height + 16

        def draw(p: QPainter, x: float, y: float, w: float) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            rect = QRectF(x, y, w, height)
            path = QPainterPath()
            path.addRoundedRect(rect, 4, 4)
            p.fillPath(path, QColor(LIGHT if tone == "neutral" else _fill_for(tone)))
            p.fillRect(QRectF(x, y + 3, 3, height - 6), QColor(TONE_COLOR.get(tone, ACCENT)))
            laid.draw(p, x + 16, y + 8)

        return FuncBlock(height, draw, space_before=8)

    def tiles(self, items: Sequence[tuple[str, str, str, str]], width: float) -> Block:
        """Key figures side by side: (label, value, note, tone) each."""
        gap = 8.0
        n = max(1, len(items))
        tile_w = (width - gap * (n - 1)) / n
        inner = tile_w - 20
        laid = [
            (
                TextBlock(label.upper(), LABEL, inner, max_lines=2),
                TextBlock(
                    value,
                    TextStyle(size=14.5, bold=True, color=NAVY, leading=1.15),
                    inner,
                    max_lines=2,
                ),
                TextBlock(
                    note,
                    SMALL.with_(color=TONE_COLOR[tone] if tone != "neutral" else MUTED),
                    inner,
                    max_lines=3,
                ),
            )  # fmt: skip
            for label, value, note, tone in items
        ]
        height = max(a.height + b.height + c.height for a, b, c in laid) + 22

        def draw(p: QPainter, x: float, y: float, _w: float) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            for i, ((label, value, note), item) in enumerate(zip(laid, items, strict=True)):
                left = x + i * (tile_w + gap)
                path = QPainterPath()
                path.addRoundedRect(QRectF(left, y, tile_w, height), 5, 5)
                p.fillPath(path, QColor(LIGHT))
                p.fillRect(QRectF(left, y + 6, 3, height - 12), QColor(TONE_COLOR[item[3]]))
                ty = y + 9
                label.draw(p, left + 11, ty)
                ty += label.height + 2
                value.draw(p, left + 11, ty)
                ty += value.height + 1
                note.draw(p, left + 11, ty)

        return FuncBlock(height, draw, space_before=10)

    def pairs(self, rows: Sequence[tuple[str, str]], width: float) -> list[Block]:
        """Label / value lines (a definition list), each line a block."""
        label_w = min(170.0, width * 0.34)
        blocks: list[Block] = []
        for label, value in rows:
            a = TextBlock(label, BODY.with_(bold=True, size=8.8, color=MUTED), label_w - 8)
            b = TextBlock(value or "\u2014", BODY.with_(size=9.0), width - label_w)
            h = max(a.height, b.height) + 5

            def draw(p: QPainter, x: float, y: float, w: float, a=a, b=b, h=h) -> None:
                a.draw(p, x, y + 2)
                b.draw(p, x + label_w, y + 2)
                p.setPen(QPen(QColor(RULE), 0.5))
                p.drawLine(QPointF(x, y + h), QPointF(x + w, y + h))

            blocks.append(FuncBlock(h, draw))
        if blocks:
            blocks[0].space_before = 4
        return blocks

    def grid(self, rows: Sequence[tuple[str, str]], width: float, columns: int = 2) -> Block:
        """Label-over-value pairs in columns, as one block (kept on one page)."""
        gap = 14.0
        col_w = (width - gap * (columns - 1)) / columns
        laid = [
            (TextBlock(label.upper(), LABEL, col_w), TextBlock(value or "\u2014", BODY, col_w,
                                                               max_lines=3))
            for label, value in rows
        ]  # fmt: skip
        lines = [laid[i : i + columns] for i in range(0, len(laid), columns)]
        heights = [max(a.height + b.height for a, b in line) + 8 for line in lines]

        def draw(p: QPainter, x: float, y: float, _w: float) -> None:
            ty = y
            for line, h in zip(lines, heights, strict=True):
                for c, (a, b) in enumerate(line):
                    cx = x + c * (col_w + gap)
                    a.draw(p, cx, ty + 2)
                    b.draw(p, cx, ty + 2 + a.height)
                ty += h

        return FuncBlock(sum(heights), draw, space_before=4)

    def chart(self, chart: figures.Chart, *, space_before: float = 10.0) -> Block:
        return PictureBlock(chart.width, chart.height, chart.paint, space_before=space_before)

    # --- cover and contents ---------------------------------------------------------------------

    def cover(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        geometry = self.frames.portrait
        prof = pack.profile
        first, last = pack.period
        name = prof["name"] or translate("report", "Marketing plan")
        company = prof["company"] or ""
        w = geometry.width
        band_h = geometry.height * 0.42
        text_w = w - 2 * geometry.left - (150 if self.logo is not None else 0)
        kicker = TextBlock(
            translate("report", "Marketing plan · Meeting pack").upper(),
            LABEL.with_(size=9.0, color=ACCENT_LIGHT),
            text_w,
        )
        title = TextBlock(
            name, TextStyle(size=27, bold=True, color="#FFFFFF", leading=1.12), text_w,
            max_lines=4,
        )  # fmt: skip
        sub = TextBlock(company, TextStyle(size=14, color="#DCE6F2"), text_w, max_lines=2)
        facts = [
            (translate("report", "Prepared for"), self.prepared_for),
            (translate("report", "Planning period"), tx.period(first, last)),
            (translate("report", "Date"), tx.date(pack.today)),
        ]
        facts = [(a, b) for a, b in facts if b]
        fact_w = w - 2 * geometry.left
        fact_blocks = [
            (TextBlock(a.upper(), LABEL.with_(size=8.0), fact_w),
             TextBlock(b, TextStyle(size=15, color=TEXT, leading=1.2), fact_w, max_lines=3))
            for a, b in facts
        ]  # fmt: skip
        tiles = self.tiles(self._cover_figures(), fact_w)
        mission = (
            TextBlock(prof["mission"], TextStyle(size=11.5, italic=True, color=NAVY, leading=1.35),
                      fact_w - 20, max_lines=5)
            if prof["mission"] else None
        )  # fmt: skip
        mission_label = TextBlock(
            translate("report", "Mission").upper(), LABEL.with_(size=8.0), fact_w
        )
        made = TextBlock(translate("report", "Made with mktplanner"), SMALL.with_(size=7.5), fact_w)
        logo = self.logo

        def draw(p: QPainter, x: float, y: float, _w: float) -> None:
            ox, oy = x - geometry.left, y - geometry.top  # the page's corner
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            p.fillRect(QRectF(ox, oy, w, band_h), QColor(NAVY))
            p.fillRect(QRectF(ox, oy + band_h, w, 5), QColor(ACCENT))
            left = ox + geometry.left
            bottom = oy + band_h - 36
            ty = bottom - sub.height - title.height - kicker.height - 14
            kicker.draw(p, left, ty)
            title.draw(p, left, ty + kicker.height + 8)
            sub.draw(p, left, ty + kicker.height + 8 + title.height + 6)
            if logo is not None:
                _draw_logo(p, logo, QRectF(ox + w - geometry.right - 130, oy + 36, 130, 80))
            fy = oy + band_h + 44
            for a, b in fact_blocks:
                a.draw(p, left, fy)
                b.draw(p, left, fy + a.height + 3)
                fy += a.height + b.height + 22
            ty = oy + geometry.height - geometry.bottom - tiles.height - made.height - 16
            if mission is not None:
                block = mission_label.height + 4 + mission.height
                my = max(fy + 6, (fy + ty - block) / 2)
                if my + block < ty - 10:
                    mission_label.draw(p, left, my)
                    my += mission_label.height + 4
                    p.fillRect(QRectF(left, my + 2, 3, mission.height - 4), QColor(ACCENT))
                    mission.draw(p, left + 14, my)
            tiles.paint(p, left, ty, fact_w)
            made.draw(p, left, oy + geometry.height - geometry.bottom - made.height)

        height = geometry.frame.height()
        return [
            Marker("cover", running_title=""),
            FuncBlock(height, draw),
        ]

    def _cover_figures(self) -> list[tuple[str, str, str, str]]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        goals = pack.summary["goals"]
        live = [a for a in pack.actions if a["status"] != "cancelled"]
        plan_total = sum(m["plan_minor"] for m in pack.budget_months)
        report = pack.check
        return [
            (translate("report", "Goals"), str(len(goals)), translate("report", "measurable targets"), "neutral"),
            (translate("report", "Actions"), str(len(live)), translate("report", "in the tactical plan"),
             "neutral"),
            (translate("report", "Budget"), tx.money(plan_total), translate("report", "planned for the period"),
             "neutral"),
            (translate("report", "Plan check"), tx.percent(report.score),
             translate("report", "of the checks passed"), _score_tone(report.score)),
        ]  # fmt: skip

    def contents(self) -> list[Block]:
        """The table of contents: drawn after the layout, when the pages are known."""
        blocks = self.start("contents")
        self.toc.pop()  # the contents does not list itself
        entry = BODY.with_(size=11.5)
        height = self.frames.height(self.doc_landscape) - 60

        def draw(p: QPainter, x: float, y: float, width: float) -> None:
            ty = y + 4
            for n, (key, title) in enumerate(self.toc, start=1):
                page = self.markers.get(key)
                number = "" if page is None else str(page + 1)
                num = TextBlock(f"{n}", entry.with_(bold=True, color=ACCENT), 24)
                label = TextBlock(title, entry, width - 90)
                blurb = TextBlock(self.blurb(key), SMALL, width - 90, max_lines=2)
                pnum = TextBlock(
                    number, entry.with_(bold=True), 40, align=Qt.AlignmentFlag.AlignRight
                )
                num.draw(p, x, ty)
                label.draw(p, x + 26, ty)
                pnum.draw(p, x + width - 40, ty)
                # dot leaders from the end of the title to the page number
                lead_from = x + 26 + label.natural_width + 8
                lead_to = x + width - 40 - 4 + (40 - pnum.natural_width) - 6
                baseline = ty + label.line_height * 0.72
                p.setPen(QPen(QColor(RULE), 1.0, Qt.PenStyle.DotLine))
                if lead_to > lead_from:
                    p.drawLine(QPointF(lead_from, baseline), QPointF(lead_to, baseline))
                if blurb.text:
                    blurb.draw(p, x + 26, ty + label.height)
                ty += label.height + blurb.height + 14

        blocks.append(FuncBlock(min(height, 40.0 * len(SECTION_ORDER)), draw))
        return blocks

    # --- strategy on a page ---------------------------------------------------------------------

    def summary(self) -> list[Block]:
        """One page: the longest lists are shortened until everything fits."""
        room = self.frames.height(self.doc_landscape)
        limits = [
            (8, 4, 5), (8, 4, 4), (8, 3, 4), (8, 3, 3), (8, 2, 3), (6, 2, 3), (6, 2, 2),
            (5, 2, 2), (5, 1, 2), (4, 1, 2), (4, 1, 1), (3, 1, 1), (3, 0, 1), (2, 0, 1),
        ]  # fmt: skip
        blocks: list[Block] = []
        toc = list(self.toc)
        for goals, options, findings in limits:
            self.toc = list(toc)  # each attempt lists the section once
            blocks = self._summary(goals, options, findings)
            if _stack_height(blocks) <= room:
                break
        return blocks

    def _summary(self, max_goals: int, max_options: int, max_findings: int) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        prof = pack.profile
        first, last = pack.period
        sub = " · ".join(x for x in (prof["company"], tx.period(first, last)) if x)
        blocks = self.start("summary", sub)
        if prof["mission"] or prof["values"]:
            about: list[tuple[str, str]] = []
            if prof["mission"]:
                about.append((translate("report", "Mission"), prof["mission"]))
            if prof["values"]:
                about.append((translate("report", "Values"), prof["values"]))
            blocks += self.pairs(about, w)
        blocks.append(self.tiles(self._summary_figures(), w))

        goals = pack.summary["goals"]
        blocks += self.h2(translate("report", "Goals"), w, space_before=14)
        if goals:
            rows: list[list[Cell | str]] = []
            fills: list[str | None] = []
            for g in goals[:max_goals]:
                rows.append(
                    [
                        Cell(g["title"], bold=True, note=g["metric"]),
                        Cell(self._from_to(g)),
                        Cell(tx.date(g["deadline"])),
                        Cell(tx.percent(g["progress"]), align="right"),
                        self._track_cell(g["track"]),
                    ]
                )
                fills.append(BAD_FILL if g["track"] == "off_track" else None)
            blocks += table(
                [
                    Column(translate("report", "Goal"), 3.0),
                    Column(translate("report", "From → to"), 1.4),
                    Column(translate("report", "Deadline"), fit=True),
                    Column(translate("report", "Progress"), align="right", fit=True),
                    Column(translate("report", "Track"), fit=True),
                ],
                rows,
                w,
                row_fills=fills,
            )
            if len(goals) > max_goals:
                blocks += self.para(self._more(len(goals) - max_goals), w, SMALL, space_before=3)
        else:
            blocks.append(
                self.note_box(translate("report", "No goals are set in this plan yet."), w)
            )

        if pack.tows and max_options:
            blocks += self.h2(translate("report", "Strategic options"), w, space_before=14)
            rows = [
                [Cell(tx.vocab("tows", o["kind"]), bold=True), Cell(o["text"]),
                 Cell(o["goal_title"] or "\u2014", color=MUTED)]
                for o in pack.tows[:max_options]
            ]  # fmt: skip
            blocks += table(
                [Column(translate("report", "Kind"), fit=True), Column(translate("report", "Option"), 2.2),
                 Column(translate("report", "Became goal"), 1.4)],
                rows, w,
            )  # fmt: skip
            if len(pack.tows) > max_options:
                blocks += self.para(
                    self._more(len(pack.tows) - max_options), w, SMALL, space_before=3
                )

        active = [f for f in _sorted_findings(pack.check) if not f.dismissed]
        attention = active[:max_findings]
        blocks += self.h2(translate("report", "Needs attention"), w, space_before=14)
        if attention:
            blocks += table(
                [Column(translate("report", "Level"), fit=True), Column(translate("report", "Finding"), 3.0),
                 Column(translate("report", "Next step"), 2.0)],
                [[self._severity_cell(f), Cell(tx.finding(f.code, dict(f.params))),
                  Cell(tx.next_step(f.next_step), color=MUTED)] for f in attention],
                w,
            )  # fmt: skip
            if len(active) > max_findings:
                blocks += self.para(self._more(len(active) - max_findings), w, SMALL,
                                    space_before=3)  # fmt: skip
        else:
            blocks.append(
                self.note_box(
                    translate("report", "The plan check found nothing to fix."), w, tone="good"
                )
            )

        rep = prof["reporting"]
        blocks += self.h2(translate("report", "Reporting"), w, space_before=14)
        blocks.append(
            self.grid(
                [
                    (
                        translate("report", "How often"),
                        tx.vocab("cadence_report", rep["cadence"] or ""),
                    ),
                    (translate("report", "Who makes the reports"), rep["maker"]),
                    (translate("report", "Who reads them"), rep["reader"]),
                    (translate("report", "Who acts on them"), rep["actor"]),
                ],
                w,
                columns=4 if w > 600 else 2,  # one line on a landscape page
            )
        )
        return blocks

    def _summary_figures(self) -> list[tuple[str, str, str, str]]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        goals = pack.summary["goals"]
        on = sum(1 for g in goals if g["track"] in ("on_track", "reached"))
        off = sum(1 for g in goals if g["track"] == "off_track")
        plan_total = sum(m["plan_minor"] for m in pack.budget_months)
        actual_total = sum(m["actual_minor"] for m in pack.budget_months)
        points = pack.summary["control_points"]
        over = sum(1 for c in points if c["status"] == "over")
        report = pack.check
        none_yet = translate("report", "none set yet")
        return [
            (
                translate("report", "Goals on track"),
                fill(translate("report", "{n} of {total}"), n=str(on), total=str(len(goals)))
                if goals else "\u2014",
                (fill(translate("report", "{n} off track"), n=str(off)) if off
                 else translate("report", "none off track")) if goals else none_yet,
                ("bad" if off else "good") if goals else "warn",
            ),
            (
                translate("report", "Spent"),
                tx.money(actual_total),
                fill(translate("report", "of {amount} planned"), amount=tx.money(plan_total)),
                "bad" if plan_total and actual_total > plan_total else "neutral",
            ),
            (
                translate("report", "Within spending limits"),
                fill(translate("report", "{n} of {total}"), n=str(len(points) - over),
                     total=str(len(points))) if points else "\u2014",
                (fill(translate("report", "{n} over the limit"), n=str(over)) if over
                 else translate("report", "no control point over its limit")) if points
                else none_yet,
                ("bad" if over else "good") if points else "warn",
            ),
            (
                translate("report", "Plan check"),
                tx.percent(report.score),
                fill(translate("report", "problems: {errors} · warnings: {warnings}"),
                     errors=str(report.counts.get("error", 0)),
                     warnings=str(report.counts.get("warning", 0))),
                _score_tone(report.score),
            ),
        ]  # fmt: skip

    # --- SWOT -------------------------------------------------------------------------------------

    def swot(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        blocks = self.start(
            "swot", translate("report", "Where we stand: inside the business and around it")
        )
        if not pack.swot:
            blocks.append(
                self.note_box(
                    translate("report", "No SWOT items are recorded in this plan yet."), w
                )
            )
            return blocks
        quads = {q: [s for s in pack.swot if s["quadrant"] == q] for q in "SWOT"}
        titles = {
            "S": translate("report", "Strengths"),
            "W": translate("report", "Weaknesses"),
            "O": translate("report", "Opportunities"),
            "T": translate("report", "Threats"),
        }
        colors = {"S": "#59A14F", "W": "#F28E2B", "O": "#4E79A7", "T": "#E15759"}
        gap = 10.0
        half = (w - gap) / 2
        cells = {q: self._quadrant(titles[q], colors[q], quads[q], half) for q in "SWOT"}
        tall = max(cells["S"][0], cells["W"][0]) + max(cells["O"][0], cells["T"][0]) + gap
        blocks += self.para(
            translate("report", "Inside the business"), w, LABEL.with_(size=8.0), space_before=4
        )
        if tall <= self.frames.height(self.doc_landscape) - 120:
            for row_n, (a, b) in enumerate((("S", "W"), ("O", "T"))):
                ha, da = cells[a]
                hb, db = cells[b]
                h = max(ha, hb)

                def draw(p: QPainter, x: float, y: float, _w: float, da=da, db=db, h=h) -> None:
                    da(p, x, y, h)
                    db(p, x + half + gap, y, h)

                if row_n == 1:
                    blocks += self.para(
                        translate("report", "Around the business"), w, LABEL.with_(size=8.0),
                        space_before=10, keep_with_next=True,
                    )  # fmt: skip
                blocks.append(FuncBlock(h, draw, space_before=4))
        else:  # too long for a grid on one page: the quadrants one after another
            for q in "SWOT":
                blocks += self.h2(titles[q], w, space_before=12)
                blocks += self._swot_table(quads[q], w)
        if pack.tows:
            blocks += self.h2(translate("report", "Strategic options (TOWS)"), w)
            blocks += table(
                [Column(translate("report", "Kind"), fit=True), Column(translate("report", "Internal factor"), 1.6),
                 Column(translate("report", "External factor"), 1.6), Column(translate("report", "Option"), 2.0),
                 Column(translate("report", "Goal"), 1.3)],
                [[Cell(tx.vocab("tows", o["kind"]), bold=True), o["internal_text"],
                  o["external_text"], o["text"], Cell(o["goal_title"] or "\u2014", color=MUTED)]
                 for o in pack.tows],
                w,
            )  # fmt: skip
        return blocks

    def _quadrant(
        self, title: str, color: str, items: list[dict[str, Any]], width: float
    ) -> tuple[float, Callable[[QPainter, float, float, float], None]]:
        tx = self.tx
        translate = tx.translate
        head = TextBlock(title, H3.with_(color="#FFFFFF"), width - 16)
        pad = 8.0
        laid = []
        for s in items:
            text = TextBlock(s["text"], BODY.with_(size=8.8), width - 2 * pad - 14)
            meta = " · ".join(
                x
                for x in (
                    "\u25cf" * int(s["weight"] or 0) + "\u25cb" * (5 - int(s["weight"] or 0)),
                    tx.vocab("source", s["source"]),
                    s["note"],
                )
                if x
            )
            note = TextBlock(meta, SMALL.with_(size=7.3), width - 2 * pad - 14, max_lines=3)
            laid.append((text, note))
        if not laid:
            empty = TextBlock(translate("report", "Nothing recorded."), SMALL.with_(italic=True),
                              width - 2 * pad)  # fmt: skip
        head_h = head.height + 8
        body_h = sum(a.height + b.height + 6 for a, b in laid) if laid else empty.height + 4
        height = head_h + body_h + 2 * pad

        def draw(p: QPainter, x: float, y: float, h: float) -> None:
            p.setRenderHint(QPainter.RenderHint.Antialiasing)
            path = QPainterPath()
            path.addRoundedRect(QRectF(x, y, width, h), 5, 5)
            p.fillPath(path, QColor("#F7F9FC"))
            top = QPainterPath()
            top.addRoundedRect(QRectF(x, y, width, head_h + 5), 5, 5)
            p.fillPath(top, QColor(color))
            p.fillRect(QRectF(x, y + head_h, width, 5), QColor("#F7F9FC"))
            head.draw(p, x + 8, y + 4)
            ty = y + head_h + pad
            if not laid:
                empty.draw(p, x + pad, ty)
            for text, note in laid:
                p.setBrush(QColor(color))
                p.setPen(Qt.PenStyle.NoPen)
                p.drawEllipse(QPointF(x + pad + 3, ty + text.line_height / 2), 2.2, 2.2)
                text.draw(p, x + pad + 12, ty)
                note.draw(p, x + pad + 12, ty + text.height)
                ty += text.height + note.height + 6

        return height, draw

    def _swot_table(self, items: list[dict[str, Any]], w: float) -> list[Block]:
        tx = self.tx
        translate = tx.translate
        if not items:
            return self.para(translate("report", "Nothing recorded."), w, SMALL.with_(italic=True))
        return table(
            [Column(translate("report", "Item"), 3.0), Column(translate("report", "Weight"), fit=True,
                                                       align="center"),
             Column(translate("report", "Source"), fit=True)],
            [[Cell(s["text"], note=s["note"]), str(s["weight"]), tx.vocab("source", s["source"])]
             for s in items],
            w, space_before=4,
        )  # fmt: skip

    # --- goals ------------------------------------------------------------------------------------

    def goals(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        goals = pack.summary["goals"]
        blocks = self.start(
            "goals", fill(translate("report", "As of {date}"), date=tx.date(pack.today))
        )
        if not goals:
            blocks.append(
                self.note_box(translate("report", "No goals are set in this plan yet."), w)
            )
            return blocks
        rows: list[list[Cell | str]] = []
        fills: list[str | None] = []
        for g in goals:
            latest = g["latest"]
            rows.append(
                [
                    Cell(g["title"], bold=True, note=self._goal_note(g)),
                    Cell(self._from_to(g)),
                    Cell(
                        tx.number(latest["value"], 2) if latest else "\u2014",
                        align="right",
                        note=tx.short_date(latest["date"]) if latest else "",
                    ),
                    Cell(tx.percent(g["progress"]), align="right",
                         note=fill(translate("report", "expected {share}"), share=tx.percent(g["expected"]))
                         if g["expected"] is not None else ""),
                    Cell(tx.date(g["deadline"])),
                    Cell(g["smart"]["letters"], color=GOOD if g["smart"]["passed"] else WARN,
                         bold=True),
                    self._track_cell(g["track"]),
                ]
            )  # fmt: skip
            fills.append(BAD_FILL if g["track"] == "off_track" else None)
        blocks += table(
            [
                Column(translate("report", "Goal"), 3.0),
                Column(translate("report", "From → to"), 1.3),
                Column(translate("report", "Latest"), align="right", fit=True),
                Column(translate("report", "Progress"), align="right", fit=True),
                Column(translate("report", "Deadline"), fit=True),
                Column("SMART", fit=True),
                Column(translate("report", "Track"), fit=True),
            ],
            rows,
            w,
            row_fills=fills,
        )
        blocks += self.para(
            translate("report", "SMART: specific, measurable, achievable, relevant, time-bound; a dash "
                        "marks a letter the goal does not meet yet."),
            w, SMALL, space_before=4,
        )  # fmt: skip
        blocks += self.h2(translate("report", "Progress of each goal"), w)
        height = min(200.0, (self.frames.height(self.doc_landscape) - 40) / 3)
        for g in goals:
            self.checkpoint()
            chart = figures.goal_chart(g, pack.goal_points.get(g["id"], ()), pack, tx, w, height)
            blocks.append(_keep(self.chart(chart, space_before=12)))  # with its caption
            actions = g["actions"]
            blocks += self.para(
                fill(translate("report", "{n} actions serve this goal, with a budget of {amount}."),
                     n=str(actions), amount=tx.money(g["actions_budget_minor"]))
                if actions else translate("report", "No action serves this goal yet."),
                w, SMALL, space_before=2,
            )  # fmt: skip
        return blocks

    # --- tactical plan (landscape) -------------------------------------------------------------

    def timeline(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width(True)
        first, last = pack.period
        blocks = self.start("timeline", tx.period(first, last), landscape=True)
        actions = [a for a in pack.actions if _overlaps(a, first, last)]
        if not actions:
            blocks.append(
                self.note_box(translate("report", "No actions are planned in this period."), w)
            )
            return blocks
        # the first chart shares its page with the title; the others get a whole page
        room = self.frames.height(True) - 75
        self.checkpoint()
        charts = figures.timeline_charts(actions, pack, tx, w, room)
        for i, chart in enumerate(charts):
            if i:
                blocks.append(PageBreak(landscape=True))
            blocks.append(self.chart(chart, space_before=4))

        blocks += self.h2(translate("report", "Actions"), w)
        rows: list[list[Cell | str]] = []
        fills: list[str | None] = []
        for a in actions:
            late = (
                a["status"] in ("planned", "in_progress") and a["due"] is not None
                and a["due"] < pack.today
            )  # fmt: skip
            rows.append(
                [
                    Cell(a["title"], bold=True, note=a["expected_result"]),
                    Cell(a["goal_title"] or "\u2014", color=None if a["goal_title"] else MUTED),
                    a["direction_name"] or "\u2014",
                    a["channel_name"] or "\u2014",
                    Cell(a["owner_name"] or translate("report", "nobody yet"),
                         color=None if a["owner_name"] else BAD),
                    tx.short_date(a["start"]),
                    Cell(tx.short_date(a["due"]), color=BAD if late else None, bold=late),
                    Cell(tx.money(a["budget_minor"]), align="right"),
                    Cell(tx.money(a["spent_minor"]), align="right"),
                    Cell(tx.vocab("status", a["status"]) + (" · " + translate("report", "late") if late
                                                          else ""), color=BAD if late else None),
                ]
            )  # fmt: skip
            fills.append(BAD_FILL if late else None)
        blocks += table(
            [
                Column(translate("report", "Action"), 2.6),
                Column(translate("report", "Goal"), 1.5),
                Column(translate("report", "Direction"), 0.9),
                Column(translate("report", "Channel"), 0.9),
                Column(translate("report", "Owner"), 0.9),
                Column(translate("report", "Start"), fit=True),
                Column(translate("report", "Due"), fit=True),
                Column(translate("report", "Budget"), align="right", fit=True),
                Column(translate("report", "Spent"), align="right", fit=True),
                Column(translate("report", "Status"), 0.9),
            ],
            rows,
            w,
            row_fills=fills,
        )
        months = [
            m for m in pack.summary["tactical"]["months"]
            if first.replace(day=1) <= dt.date.fromisoformat(m["month"]) <= last
        ]  # fmt: skip
        if months:
            blocks += self.h2(translate("report", "Month by month"), w)
            blocks += table(
                [Column(translate("report", "Month"), fit=True),
                 Column(translate("report", "Actions running"), fit=True, align="right"),
                 Column(translate("report", "Actions' budget"), fit=True, align="right"),
                 Column(translate("report", "Running actions"), 4.0)],
                [[tx.month(m["month"]), str(len(m["actions"])),
                  Cell(tx.money(m["planned_budget_minor"]), align="right"),
                  Cell("; ".join(a["title"] for a in m["actions"]), color=MUTED)]
                 for m in months],
                w,
            )  # fmt: skip
        return blocks

    # --- weekly plans -----------------------------------------------------------------------------

    def weekly(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        year, week = pack.week
        blocks = self.start("weekly", tx.week(year, week))
        if pack.summary["capacity"]:
            self.checkpoint()
            chart = figures.team_chart(pack, tx, w, 170)
            blocks.append(self.chart(chart, space_before=4))
        if not pack.person_weeks:
            blocks.append(
                self.note_box(
                    fill(
                        translate("report", "Nobody has a plan for week {week} yet."),
                        week=str(week),
                    ),
                    w,
                )
            )
            return blocks
        for pw in pack.person_weeks:
            row = pw.plan
            role = next(
                (p["role"] for p in pack.summary["people"] if p["id"] == row["person_id"]), ""
            )
            head = row["person_name"] + (f" \u2014 {role}" if role else "")
            blocks += self.h2(head, w)
            load = row["load"]
            over = load is not None and load > 1.0
            done = sum(1 for task in pw.tasks if task["done"])
            facts = " · ".join(
                [
                    fill(translate("report", "State: {state}"), state=tx.vocab("state", row["state"])),
                    fill(translate("report", "planned {planned} of {capacity} capacity ({load})"),
                         planned=tx.hours(row["planned_hours"]),
                         capacity=tx.hours(row["capacity_hours"]), load=tx.percent(load)),
                    fill(translate("report", "tasks done: {done} of {total}"), done=str(done),
                         total=str(len(pw.tasks))),
                ]
            )  # fmt: skip
            blocks += self.para(
                facts, w, SMALL.with_(size=8.5, color=BAD if over else MUTED), keep_with_next=True
            )
            if over:
                blocks += self.para(
                    translate("report", "Over capacity: planned hours exceed the time that can be planned."),
                    w, SMALL.with_(size=8.5, color=BAD, bold=True), keep_with_next=True,
                )  # fmt: skip
            if pw.metrics:
                blocks += table(
                    [Column(translate("report", "Target metric of the week"), 3.0),
                     Column(translate("report", "Plan"), align="right", fit=True),
                     Column(translate("report", "Actual"), align="right", fit=True)],
                    [[m["name"], Cell(self._metric(m["planned"], m), align="right"),
                      Cell(translate("report", "not measured") if m["not_measured"]
                           else self._metric(m["actual"], m), align="right")]
                     for m in pw.metrics],
                    w,
                )  # fmt: skip
            if pw.tasks:
                rows: list[list[Cell | str]] = []
                for task in pw.tasks:
                    tags = [
                        tag
                        for flag, tag in (
                            ("regular", translate("report", "regular")),
                            ("carried", translate("report", "carried over")),
                            ("unplanned", translate("report", "unplanned")),
                        )
                        if task[flag]
                    ]
                    link = task["action_title"] or ""
                    if task["goal_title"]:
                        link = f"{link} \u2192 {task['goal_title']}"
                    rows.append(
                        [
                            Cell(task["description"], note=", ".join(tags)),
                            Cell(task["end_product"] or translate("report", "not described"),
                                 color=None if task["end_product"] else WARN),
                            Cell(link or "\u2014", color=MUTED),
                            Cell(tx.number(task["est_hours"]), align="right"),
                            Cell(tx.number(task["actual_hours"]), align="right"),
                            Cell("\u2713" if task["done"] else "", align="center",
                                 color=GOOD, bold=True),
                        ]
                    )  # fmt: skip
                blocks += table(
                    [
                        Column(translate("report", "Task"), 2.0),
                        Column(translate("report", "End product"), 2.0),
                        Column(translate("report", "Action → goal"), 1.6),
                        Column(translate("report", "Est. h"), align="right", fit=True),
                        Column(translate("report", "Actual h"), align="right", fit=True),
                        Column(translate("report", "Done"), align="center", fit=True),
                    ],
                    rows,
                    w,
                )
        return blocks

    def _metric(self, value: float | None, metric: dict[str, Any]) -> str:
        if value is None:
            return "\u2014"
        if metric["kind"] == "money":
            return self.tx.money_major(value)
        unit = metric["unit"] or ""
        return f"{self.tx.number(value)} {unit}".strip()

    # --- budget and control -----------------------------------------------------------------------

    def budget(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        first, last = pack.period
        b = pack.summary["budget"]
        blocks = self.start("budget", tx.period(first, last))
        months = pack.budget_months
        this_month = pack.today.replace(day=1).isoformat()
        plan_total = sum(m["plan_minor"] for m in months)
        actual_total = sum(m["actual_minor"] for m in months)
        # spent so far is compared with what was planned so far (months up to this one)
        plan_to_date = sum(m["plan_minor"] for m in months if m["month"] <= this_month)
        variance = actual_total - plan_to_date
        gap = b["gap"]
        if b["mode"] == "bottom_up":
            basis = tx.vocab("basis", b["basis"])
            mode_value = tx.money(b["total_minor"])
            mode_note = translate("report", "fixed sum, {basis}").format(basis=basis)
        else:
            mode_value = tx.money(gap["needed_minor"])
            mode_note = translate("report", "the sum of the actions' needs")
        if gap["status"] == "short":
            gap_value, gap_note, gap_tone = (
                tx.money(gap["short_by_minor"]), translate("report", "short: the actions need more"), "bad"
            )  # fmt: skip
        elif gap["status"] == "unallocated":
            gap_value, gap_note, gap_tone = (
                tx.money(gap["unallocated_minor"]), translate("report", "not yet allocated"), "warn"
            )  # fmt: skip
        elif gap["status"] == "balanced":
            gap_value, gap_note, gap_tone = (
                tx.money(0),
                translate("report", "the plan fits exactly"),
                "good",
            )
        else:
            gap_value, gap_note, gap_tone = (
                "\u2014",
                translate("report", "no fixed sum to compare"),
                "neutral",
            )
        blocks.append(
            self.tiles(
                [
                    (translate("report", "Budget"), mode_value, mode_note, "neutral"),
                    (translate("report", "Planned"), tx.money(plan_total),
                     translate("report", "budget lines in the period"), "neutral"),
                    (translate("report", "Spent"), tx.money(actual_total),
                     fill(translate("report", "{amount} against the plan to date ({plan})"),
                          amount=_signed(tx, variance), plan=tx.money(plan_to_date)),
                     "bad" if variance > 0 else "good"),
                    (translate("report", "Gap"), gap_value, gap_note, gap_tone),
                ],
                w,
            )
        )  # fmt: skip
        if not (plan_total or actual_total or b["total_minor"]):
            blocks[-1:] = [
                self.note_box(
                    translate("report", "No budget is set yet: no fixed sum and no budget lines."),
                    w, tone="warn",
                )
            ]  # fmt: skip
            months = []
        else:
            self.checkpoint()
            blocks.append(self.chart(figures.budget_chart(pack, tx, w, 215)))
        if months:
            blocks += self.h2(translate("report", "By month"), w)
            rows: list[list[Cell | str]] = []
            fills: list[str | None] = []
            for m in months:
                future = m["month"] > this_month and not m["actual_minor"]
                over = m["variance_minor"] > 0 and m["actual_minor"] > 0
                rows.append(
                    [
                        tx.month(m["month"]),
                        Cell(tx.money(m["plan_minor"]), align="right"),
                        Cell("\u2014" if future else tx.money(m["actual_minor"]), align="right"),
                        Cell("\u2014" if future else _signed(tx, m["variance_minor"]),
                             align="right", color=BAD if over else None),
                        Cell(tx.money(m["left_minor"]), align="right"),
                        Cell(self._gap_text(m), color=BAD if m["gap_status"] == "short" else MUTED),
                    ]
                )  # fmt: skip
                fills.append(BAD_FILL if over else None)
            rows.append(
                [Cell(translate("report", "Total"), bold=True),
                 Cell(tx.money(plan_total), align="right", bold=True),
                 Cell(tx.money(actual_total), align="right", bold=True),
                 Cell(_signed(tx, variance), align="right", bold=True), "", ""]
            )  # fmt: skip
            fills.append(LIGHT)
            blocks += table(
                [Column(translate("report", "Month"), 1.2), Column(translate("report", "Plan"), align="right", fit=True),
                 Column(translate("report", "Actual"), align="right", fit=True),
                 Column(translate("report", "Variance"), align="right", fit=True),
                 Column(translate("report", "Left"), align="right", fit=True),
                 Column(translate("report", "Against the fixed sum"), 1.6)],
                rows, w, row_fills=fills,
            )  # fmt: skip
        channels = [c for c in b["channels"] if c["plan_minor"] or c["actual_minor"]]
        if channels:
            title = translate("report", "By channel")
            if pack.period_is_custom:
                title = translate("report", "By channel, whole tactical period")
            blocks += self.h2(title, w)
            blocks += table(
                [Column(translate("report", "Channel"), 2.0), Column(translate("report", "Plan"), align="right", fit=True),
                 Column(translate("report", "Actual"), align="right", fit=True),
                 Column(translate("report", "Variance"), align="right", fit=True)],
                [[Cell(c["channel"] or translate("report", "No channel"),
                       color=None if c["channel"] else MUTED),
                  Cell(tx.money(c["plan_minor"]), align="right"),
                  Cell(tx.money(c["actual_minor"]), align="right"),
                  Cell(_signed(tx, c["variance_minor"]), align="right",
                       color=BAD if c["variance_minor"] > 0 else None)] for c in channels],
                w,
            )  # fmt: skip

        blocks += self.h2(translate("report", "Control points"), w)
        points = pack.summary["control_points"]
        if points:
            rows = []
            fills = []
            for c in points:
                status = c["status"]
                tone = {"over": BAD, "ok": GOOD}.get(status, WARN)
                subject = c["subject"] or tx.vocab("target", "budget")
                rows.append(
                    [
                        Cell(subject, bold=True, note=c["note"]),
                        Cell(c["controller"] or translate("report", "nobody yet"),
                             color=None if c["controller"] else BAD,
                             note=tx.vocab("cadence", c["cadence"])),
                        Cell(tx.money(c["limit_minor"]), align="right"),
                        Cell(tx.money(c["spent_minor"]), align="right",
                             note=tx.percent((c["percent"] or 0) / 100) if c["percent"] is not None else ""),
                        Cell(tx.money(c["left_minor"]), align="right",
                             color=BAD if c["left_minor"] < 0 else None),
                        Cell(tx.vocab("verdict", status), color=tone, bold=True),
                        tx.short_date(c["next_due"]),
                    ]
                )  # fmt: skip
                fills.append(BAD_FILL if status == "over" else None)
            blocks += table(
                [Column(translate("report", "What is controlled"), 2.0),
                 Column(translate("report", "Controller"), 1.2),
                 Column(translate("report", "Limit"), align="right", fit=True),
                 Column(translate("report", "Spent"), align="right", fit=True),
                 Column(translate("report", "Left"), align="right", fit=True),
                 Column(translate("report", "Status"), fit=True),
                 Column(translate("report", "Next check"), fit=True)],
                rows, w, row_fills=fills,
            )  # fmt: skip
            blocks += self.para(
                translate("report", "Spend is counted in the current period of each point's cadence."),
                w, SMALL, space_before=4,
            )  # fmt: skip
        else:
            blocks.append(
                self.note_box(
                    translate("report", "No control points are set: nobody watches the spending yet."),
                    w, tone="warn",
                )
            )  # fmt: skip
        unplanned = b["unplanned"]
        if unplanned:
            blocks += self.h2(translate("report", "Unplanned spend"), w)
            blocks += self.para(
                translate("report", "Money spent in a month with no budget line for its channel or action."),
                w, SMALL,
            )  # fmt: skip
            blocks += table(
                [Column(translate("report", "Month"), 1.0), Column(translate("report", "Amount"), align="right", fit=True)],
                [[tx.month(u["month"]), Cell(tx.money(u["amount_minor"]), align="right")]
                 for u in unplanned],
                w * 0.6,
            )  # fmt: skip
        return blocks

    def _gap_text(self, m: dict[str, Any]) -> str:
        translate = self.tx.translate
        status = m["gap_status"]
        if status == "short":
            return fill(
                translate("report", "short by {amount}"), amount=self.tx.money(m["short_by_minor"])
            )
        if status == "unallocated":
            return fill(
                translate("report", "{amount} unallocated"),
                amount=self.tx.money(m["unallocated_minor"]),
            )
        if status == "balanced":
            return translate("report", "fits exactly")
        return "\u2014"

    # --- results ----------------------------------------------------------------------------------

    def results(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        measured = [c for c in pack.channels if c["months"]]
        firsts = [c["first_month"] for c in measured if c["first_month"]]
        lasts = [c["last_month"] for c in measured if c["last_month"]]
        sub = ""
        if firsts and lasts:
            a, b = min(firsts), max(lasts)
            sub = fill(translate("report", "Results recorded: {first} – {last}"),
                       first=tx.month(a), last=tx.month(b))  # fmt: skip
        blocks = self.start("results", sub)
        if not measured:
            blocks.append(
                self.note_box(
                    translate("report", "No channel results are recorded for this period yet."), w
                )
            )
            return blocks
        total = kpi_rules.total_figures(
            kpi_rules.ChannelFigures(c["spend_minor"], c["impressions"], c["clicks"], c["leads"],
                                     c["customers"], c["revenue_minor"]) for c in measured
        )  # fmt: skip
        k = kpi_rules.channel_kpis(total)

        def funnel(name: str, c: dict[str, Any], bold: bool = False) -> list[Cell]:
            return [
                Cell(name, bold=True),
                Cell(tx.money(c["spend_minor"]), align="right", bold=bold),
                Cell(tx.number(c["impressions"], 0), align="right", bold=bold),
                Cell(tx.number(c["clicks"], 0), align="right", bold=bold),
                Cell(tx.number(c["leads"], 0), align="right", bold=bold),
                Cell(tx.number(c["customers"], 0), align="right", bold=bold),
                Cell(tx.money(c["revenue_minor"]), align="right", bold=bold),
            ]

        def ratios(name: str, c: dict[str, Any], bold: bool = False) -> list[Cell]:
            return [
                Cell(name, bold=True),
                Cell(tx.percent(c["ctr"], 1), align="right", bold=bold),
                Cell(tx.money(c["cpc_minor"], cents=True), align="right", bold=bold),
                Cell(tx.money(c["cpl_minor"], cents=True), align="right", bold=bold),
                Cell(tx.percent(c["conversion"]), align="right", bold=bold),
                Cell(tx.money(c["cac_minor"], cents=True), align="right", bold=bold),
                Cell(tx.percent(c["romi"]), align="right", bold=bold,
                     color=BAD if c["romi"] is not None and c["romi"] < 0 else None),
                Cell(tx.percent(c["spend_share"]), align="right", bold=bold),
            ]  # fmt: skip

        totals = {
            "spend_minor": total.spend_minor, "impressions": total.impressions,
            "clicks": total.clicks, "leads": total.leads, "customers": total.customers,
            "revenue_minor": total.revenue_minor, "ctr": k.ctr, "cpc_minor": k.cpc_minor,
            "cpl_minor": k.cpl_minor, "conversion": k.conversion, "cac_minor": k.cac_minor,
            "romi": k.romi, "spend_share": 1.0 if total.spend_minor else None,
        }  # fmt: skip
        everything = translate("report", "All channels")
        fills = [None] * len(measured) + [LIGHT]
        blocks += self.h2(translate("report", "From spend to revenue"), w, space_before=6)
        blocks += table(
            [Column(translate("report", "Channel"), 1.0),
             Column(translate("report", "Spend"), align="right", fit=True),
             Column(translate("report", "Impressions"), align="right", fit=True),
             Column(translate("report", "Clicks"), align="right", fit=True),
             Column(translate("report", "Leads"), align="right", fit=True),
             Column(translate("report", "Customers"), align="right", fit=True),
             Column(translate("report", "Revenue"), align="right", fit=True)],
            [funnel(c["name"], c) for c in measured] + [funnel(everything, totals, True)],
            w, row_fills=fills, space_before=4,
        )  # fmt: skip
        blocks += self.h2(translate("report", "Efficiency"), w)
        blocks += table(
            [Column(translate("report", "Channel"), 1.0),
             Column("CTR", align="right", fit=True),
             Column(translate("report", "Cost per click"), align="right", fit=True),
             Column(translate("report", "Cost per lead"), align="right", fit=True),
             Column(translate("report", "Lead to customer"), align="right", fit=True),
             Column(translate("report", "Cost per customer"), align="right", fit=True),
             Column("ROMI", align="right", fit=True),
             Column(translate("report", "Share of spend"), align="right", fit=True)],
            [ratios(c["name"], c) for c in measured] + [ratios(everything, totals, True)],
            w, row_fills=fills, space_before=4,
        )  # fmt: skip
        blocks += self.para(
            translate("report", "CTR = clicks / impressions; ROMI = (revenue − spend) / spend; "
                        "a dash means the figure cannot be computed (nothing to divide by)."),
            w, SMALL, space_before=4,
        )  # fmt: skip
        if pack.reallocation:
            blocks += self.h2(translate("report", "Where the money works better"), w)
            for h in pack.reallocation[:2]:
                blocks.append(
                    self.note_box(
                        fill(
                            translate("report", "Leads from {cheap} cost {ratio} times less than from "
                                        "{expensive} ({cheap_cpl} against {expensive_cpl}): "
                                        "consider moving budget towards {cheap}."),
                            cheap=h["cheap"], expensive=h["expensive"],
                            ratio=tx.number(h["ratio"], 1),
                            cheap_cpl=tx.money(h["cheap_cpl_minor"], cents=True),
                            expensive_cpl=tx.money(h["expensive_cpl_minor"], cents=True),
                        ),
                        w, tone="good",
                    )
                )  # fmt: skip
        self.checkpoint()
        blocks.append(self.chart(figures.spend_chart(pack, tx, w, 150), space_before=14))
        self.checkpoint()
        blocks.append(self.chart(figures.kpi_chart(pack, tx, w, 170), space_before=12))
        return blocks

    # --- hypotheses -------------------------------------------------------------------------------

    def hypotheses(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        items = pack.summary["hypotheses"]
        blocks = self.start(
            "hypotheses", translate("report", "Small tests of channels: scale or stop")
        )
        if not items:
            blocks.append(
                self.note_box(
                    translate("report", "No hypotheses are being tested in this plan."), w
                )
            )
            return blocks
        states = {
            "decided": translate("report", "decided"),
            "running": translate("report", "running"),
            "planned": translate("report", "not started"),
            "awaiting_decision": translate("report", "awaiting a decision"),
        }
        rows: list[list[Cell | str]] = []
        for h in items:
            period = (
                f"{tx.short_date(h['start'])} \u2013 {tx.date(h['end'])}"
                if h["start"] or h["end"] else "\u2014"
            )  # fmt: skip
            threshold = tx.number(h["threshold"], 2)
            decision = h["decision"]
            tone = {"scale": GOOD, "stop": BAD}.get(decision)
            rows.append(
                [
                    Cell(h["title"], bold=True, note=h["channel"] or ""),
                    period,
                    Cell(tx.money(h["spent_minor"]), align="right",
                         note=fill(translate("report", "of {amount}"), amount=tx.money(h["test_budget_minor"]))),
                    Cell(h["metric"] or "\u2014",
                         note=fill(translate("report", "threshold {value}"), value=threshold)
                         if h["threshold"] is not None else ""),
                    Cell(tx.number(h["result"], 2), align="right"),
                    Cell(tx.vocab("decision", decision), color=tone, bold=tone is not None,
                         note=states.get(h["state"], h["state"])),
                ]
            )  # fmt: skip
        blocks += table(
            [Column(translate("report", "Hypothesis"), 2.6), Column(translate("report", "Period"), 1.2),
             Column(translate("report", "Spent"), align="right", fit=True),
             Column(translate("report", "Success metric"), 1.3),
             Column(translate("report", "Result"), align="right", fit=True),
             Column(translate("report", "Decision"), fit=True)],
            rows, w,
        )  # fmt: skip
        learned = [h for h in items if (h["learned"] or "").strip()]
        if learned:
            blocks += self.h2(translate("report", "What we learned"), w)
            for h in learned:
                blocks += self.para(h["title"], w, H3, space_before=8, keep_with_next=True)
                blocks += self.para(h["learned"], w, BODY, space_before=2)
        return blocks

    # --- plan check -------------------------------------------------------------------------------

    def check(self) -> list[Block]:
        tx, pack = self.tx, self.pack
        translate = tx.translate
        w = self.width()
        report = pack.check
        blocks = self.start(
            "check", fill(translate("report", "As of {date}"), date=tx.date(report.today))
        )
        counts = report.counts
        blocks.append(
            self.tiles(
                [
                    (translate("report", "Score"), tx.percent(report.score),
                     fill(translate("report", "{passed} of {total} checks passed"),
                          passed=str(report.passed), total=str(report.total)),
                     _score_tone(report.score)),
                    (translate("report", "Problems"), str(counts.get("error", 0)),
                     translate("report", "to fix first"), "bad" if counts.get("error") else "good"),
                    (translate("report", "Warnings"), str(counts.get("warning", 0)),
                     translate("report", "worth a look"), "warn" if counts.get("warning") else "good"),
                    (translate("report", "Tips"), str(counts.get("info", 0)), translate("report", "ideas"),
                     "neutral"),
                ],
                w,
            )
        )  # fmt: skip
        active = [f for f in _sorted_findings(report) if not f.dismissed]
        if not active:
            blocks.append(
                self.note_box(
                    translate("report", "The plan check found nothing to fix."), w, tone="good"
                )
            )
        levels = sorted({str(f.level) for f in active}, key=lambda lv: Level(lv).rank)
        for level in levels:
            here = [f for f in active if str(f.level) == level]
            blocks += self.h2(tx.level(level), w, space_before=14)
            blocks += table(
                [Column(translate("report", "Severity"), fit=True), Column(translate("report", "Finding"), 3.0),
                 Column(translate("report", "Next step"), 2.0)],
                [[self._severity_cell(f), Cell(tx.finding(f.code, dict(f.params))),
                  Cell(tx.next_step(f.next_step), color=MUTED)] for f in here],
                w, space_before=4,
            )  # fmt: skip
        dismissed = [f for f in report.findings if f.dismissed]
        if dismissed:
            blocks += self.h2(translate("report", "Dismissed on purpose"), w)
            blocks += table(
                [Column(translate("report", "Finding"), 3.0), Column(translate("report", "Reason"), 2.0)],
                [[Cell(tx.finding(f.code, dict(f.params)), color=MUTED),
                  Cell(f.dismiss_reason or "\u2014")] for f in dismissed],
                w, space_before=4,
            )  # fmt: skip
        return blocks

    # --- small helpers ------------------------------------------------------------------------

    def _goal_note(self, g: dict[str, Any]) -> str:
        """The metric and unit, and who owns the goal, under its title."""
        metric = ", ".join(x for x in (g["metric"], g["unit"]) if x)
        owner = g["owner"] or self.tx.translate("report", "nobody yet")
        who = fill(self.tx.translate("report", "Owner: {name}"), name=owner)
        return f"{metric}\n{who}" if metric else who

    def _from_to(self, g: dict[str, Any]) -> str:
        tx = self.tx
        unit = g["unit"] or ""
        a, b = tx.number(g["baseline"], 2), tx.number(g["target"], 2)
        return f"{a} \u2192 {b} {unit}".strip()

    def _track_cell(self, track: str) -> Cell:
        translate = self.tx.translate
        label = {
            "on_track": translate("report", "On track"),
            "off_track": translate("report", "Off track"),
            "reached": translate("report", "Reached"),
            "unknown": translate("report", "Track unknown"),
        }.get(track, track)
        color = {"on_track": GOOD, "reached": GOOD, "off_track": BAD}.get(track, MUTED)
        return Cell(label, color=color, bold=track in ("off_track", "reached"))

    def _severity_cell(self, f: Finding) -> Cell:
        severity = str(f.severity)
        color = {"error": BAD, "warning": WARN}.get(severity, ACCENT)
        return Cell(self.tx.severity(severity), color=color, bold=True)

    def _more(self, n: int) -> str:
        return fill(
            self.tx.translate("report", "… and {n} more in the following sections."), n=str(n)
        )


def _stack_height(blocks: Sequence[Block]) -> float:
    """The height the blocks take stacked on one page (page breaks and markers take none)."""
    total = 0.0
    first = True
    for b in blocks:
        if isinstance(b, PageBreak | Marker):
            continue
        total += b.height + (0.0 if first else b.space_before)
        first = False
    return total


def _keep(block: Block) -> Block:
    block.keep_with_next = True
    return block


def _fill_for(tone: str) -> str:
    return {"bad": BAD_FILL, "warn": WARN_FILL, "good": "#EAF5EA"}.get(tone, LIGHT)


def _score_tone(score: float) -> str:
    return "good" if score >= 0.9 else ("warn" if score >= 0.7 else "bad")


def _signed(tx: Texts, minor: int) -> str:
    text = tx.money(abs(minor))
    if minor > 0:
        return "+" + text
    if minor < 0:
        return "\u2212" + text
    return text


def _sorted_findings(report: CheckReport) -> list[Finding]:
    """The findings in the report's order: severity, then level, then rule."""
    return list(report.findings)


def _overlaps(action: dict[str, Any], first: dt.date, last: dt.date) -> bool:
    begin = action["start"] or action["due"]
    end = action["due"] or action["start"]
    if begin is None or end is None:
        return True  # an action without dates belongs to every period (it shows "no dates")
    return begin <= last and end >= first


def _draw_logo(p: QPainter, image: QImage, box: QRectF) -> None:
    """The logo on a white card, scaled to fit the box, never stretched."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    p.setRenderHint(QPainter.RenderHint.LosslessImageRendering)  # PNG stays PNG in the PDF
    card = QPainterPath()
    card.addRoundedRect(box, 6, 6)
    p.fillPath(card, QColor("#FFFFFF"))
    inner = box.adjusted(10, 10, -10, -10)
    iw, ih = image.width(), image.height()
    if iw <= 0 or ih <= 0:
        return
    scale = min(inner.width() / iw, inner.height() / ih)
    w, h = iw * scale, ih * scale
    target = QRectF(inner.center().x() - w / 2, inner.center().y() - h / 2, w, h)
    p.drawImage(target, image, QRectF(0, 0, iw, ih))
