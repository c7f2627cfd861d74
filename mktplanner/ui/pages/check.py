"""Plan check: the plan audits itself (DOMAIN.md §8) and shows its golden thread.

* The score: the share of checks passed, and its trend over the last recorded scores
  (``services.health.score_trend``).
* The findings, grouped by severity, then by planning level; each says what is wrong and
  what to do next. Opening one (double-click, Enter, or "Open") shows the page of the row
  it concerns with that row selected (``MainWindow.show_object``).
* "Dismiss…" asks for a reason and dismisses the finding as one undo step
  (``services.health.dismiss_edit``); dismissed findings sit in a collapsed group with their
  reason, and "Restore" takes a dismissal back (again one undo step).
* The golden-thread figures: how much of each person's week and of the spend traces to a
  goal (``widgets.why_panel.ThreadFigures``).

Recording the score for its trend is bookkeeping, not an edit: it never goes on the undo
stack. :class:`ScoreRecorder` records it when the page shows a fresh check, and at most once
every ``ScoreRecorder.DELAY_MS`` after edits made elsewhere (a single timer). The check runs on
the UI thread (a reader thread would hold SQLite's shared lock against the user's next edit),
so on a plan whose check takes longer than ``ScoreRecorder.SLOW_SECONDS`` the background
recording is skipped and the score is recorded when the page is shown: typing is never blocked.
``services.health.record_score`` writes nothing when the score is unchanged.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.bus import bus, tables_of
from mktplanner.ui.pages.base import Page
from mktplanner.ui.widgets.why_panel import ThreadFigures

if TYPE_CHECKING:
    from mktplanner.domain.health import CheckReport, Finding
    from mktplanner.services.health import ScorePoint

log = logging.getLogger(__name__)

# Where a finding about the plan as a whole (no row) is fixed: the page of its level.
LEVEL_PAGE = {
    "analysis": "strategy",
    "strategy": "goals",
    "tactics": "tactics",
    "operations": "weekly",
    "budget": "budget",
    "control": "budget",
}
# ... unless the finding says better: the reporting rules are edited with the tactical plan.
CODE_PAGE = {
    "report_no_cadence": "tactics",
    "report_no_maker": "tactics",
    "report_no_reader": "tactics",
    "report_no_actor": "tactics",
}
SEVERITY_ICON = {"error": "error", "warning": "warning", "info": "info"}
SEVERITY_TONE = {"error": "bad", "warning": "warn", "info": "muted"}
TREND_POINTS = 10
SIDE_WIDTH = 290
REASON_MAX = 4000  # domain.rules.validation.LONG_TEXT_MAX

# What an item of the tree is (Qt.UserRole) and the finding it stands for (UserRole + 1).
KIND_ROLE = Qt.ItemDataRole.UserRole
FINDING_ROLE = Qt.ItemDataRole.UserRole + 1


def ask_dismiss_reason(parent: QWidget | None, finding: str) -> str | None:
    """Ask why a finding is dismissed; None when cancelled (tests replace this function)."""
    return DismissDialog(finding, parent).ask()


class DismissDialog(QDialog):
    def __init__(self, finding: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dismiss a finding"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        what = QLabel(finding)
        what.setWordWrap(True)
        what.setStyleSheet("font-weight: 600;")
        layout.addWidget(what)
        why = QLabel(
            self.tr(
                "Why does it not apply? The reason is kept with the plan, and the finding "
                "can be restored at any time."
            )
        )
        why.setWordWrap(True)
        why.setObjectName("Muted")
        layout.addWidget(why)
        self.reason = QLineEdit()
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(
            self.tr("e.g. agreed with the owner: no deadline until spring")
        )
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Dismiss"))
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda t: self.ok.setEnabled(bool(t.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def ask(self) -> str | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        return self.reason.text().strip() or None


class ScoreRecorder(QObject):
    """Records the plan-check score for its trend, off the undo stack (module docstring)."""

    DELAY_MS = 30_000
    # A check slower than this (a plan of several years) is not run in the background,
    # where it would freeze typing: the page records the score when it is shown.
    SLOW_SECONDS = 0.25

    def __init__(self, page: CheckPage):
        super().__init__(page)
        self.page = page
        self.slow = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.record)
        bus().changed.connect(self._changed)
        bus().reset.connect(self.timer.stop)

    def _changed(self, change: Any) -> None:
        # At most one check per DELAY_MS however fast the edits come (a throttle, not a
        # debounce that a long editing session would postpone forever).
        doc = self.page.doc
        if doc is None or doc.read_only or not (tables_of(change) - {"check_score"}):
            return
        if self.slow or self.page.isVisible():
            return  # a visible page checks (and records) on every change anyway
        if not self.timer.isActive():
            self.timer.start()

    def note_duration(self, seconds: float) -> None:
        self.slow = seconds > self.SLOW_SECONDS

    def record(self, report: CheckReport | None = None) -> bool:
        """Record ``report``'s score (default: a fresh check). Never raises: a score that
        cannot be written is only missing from the trend."""
        self.timer.stop()
        doc = self.page.doc
        if doc is None or doc.read_only:
            return False
        from mktplanner.services import health

        try:
            if report is None:
                started = time.perf_counter()
                report = health.check(doc.plan)
                self.note_duration(time.perf_counter() - started)
            return health.record_score(doc.plan, report)
        except Exception:  # noqa: BLE001 - bookkeeping must never disturb the user
            log.exception("could not record the plan-check score")
            return False


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the column's width (QTreeView alone elides)."""

    def __init__(self, tree: QTreeWidget):
        super().__init__(tree)
        self.tree = tree

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        # The style wraps at option.rect's width when it is valid: give it the column's.
        width = self.tree.header().sectionSize(index.column())
        if index.column() == 0 and self.tree.isFirstColumnSpanned(index.row(), index.parent()):
            width = self.tree.viewport().width()
        if index.column() == 0:
            depth, parent = 1, index.parent()
            while parent.isValid():
                depth, parent = depth + 1, parent.parent()
            width -= self.tree.indentation() * depth
        opt = QStyleOptionViewItem(option)
        # A few pixels to spare: a row a little too tall beats a sentence cut short.
        opt.rect = QRect(0, 0, max(width - 8, 40), 10_000)
        opt.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        return super().sizeHint(opt, index)


class FindingTree(QTreeWidget):
    """The findings: a sentence column that takes the room, and a "what to do" column."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Findings")
        self.setColumnCount(2)
        self.setIndentation(14)
        self.setUniformRowHeights(False)
        self.setWordWrap(True)
        self.setItemDelegate(WrapDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setExpandsOnDoubleClick(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        c = theme.colors()
        self.setStyleSheet(
            f"QTreeWidget#Findings {{ background: {c['base']}; border: 1px solid {c['border']};"
            f" border-radius: 8px; selection-background-color: {c['sidebar_sel']};"
            f" selection-color: {c['text']}; }}"
            " QTreeWidget#Findings::item { padding: 5px 2px; }"
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # "What to do" gets about a third of the width (between 180 and 320 px).
        width = self.viewport().width()
        self.header().resizeSection(1, max(180, min(320, width * 36 // 100)))
        self.scheduleDelayedItemsLayout()  # wrapped rows change height with the width


class Sparkline(QWidget):
    """The score's trend: a small line over the last scores (0..100 %)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.values: list[float] = []
        self.setFixedSize(QSize(132, 36))

    def set_values(self, values: list[float]) -> None:
        self.values = list(values)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if len(self.values) < 2:
            return
        c = theme.colors()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        w, h, pad = self.width(), self.height(), 4
        lo = min(min(self.values), 0.5)
        span = max(1.0 - lo, 0.01)

        def point(i: int, v: float) -> QPointF:
            x = pad + (w - 2 * pad) * i / (len(self.values) - 1)
            y = h - pad - (h - 2 * pad) * (v - lo) / span
            return QPointF(x, y)

        p.setPen(QPen(QColor(c["border"]), 1))
        p.drawLine(QPointF(pad, pad), QPointF(w - pad, pad))  # 100 %
        path = QPainterPath(point(0, self.values[0]))
        for i, v in enumerate(self.values[1:], 1):
            path.lineTo(point(i, v))
        p.setPen(QPen(QColor(c["accent"]), 2))
        p.drawPath(path)
        last = point(len(self.values) - 1, self.values[-1])
        p.setBrush(QColor(c["accent"]))
        p.drawEllipse(last, 3, 3)
        p.end()


class CheckPage(Page):
    page_id = "check"
    tables = frozenset(
        {
            "plan",
            "swot_item",
            "tows_option",
            "goal",
            "goal_swot",
            "measurement",
            "action",
            "person",
            "weekly_plan",
            "weekly_task",
            "budget_line",
            "expense",
            "control_point",
            "control_check",
            "hypothesis",
            "finding_dismissal",
            "channel",
        }
    )

    def subtitle(self) -> str:
        return self.tr(
            "Are the goals measurable, does each have an action, does each action have an "
            "owner, a deadline and a budget, and is the money controlled?"
        )

    # --- building -----------------------------------------------------------------------------
    def build(self) -> None:
        self.report: CheckReport | None = None
        self.recorder = ScoreRecorder(self)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self._build_findings(), 1)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(self._build_score())
        self.figures = ThreadFigures()
        side.addWidget(self.figures)
        side.addStretch(1)
        column = QWidget()
        column.setLayout(side)
        column.setFixedWidth(SIDE_WIDTH)
        side.setContentsMargins(0, 0, 0, 0)
        row.addWidget(column)
        self.body.addLayout(row, 1)

    def _build_score(self) -> QWidget:
        card = QFrame()
        card.setObjectName("Card")
        layout = QVBoxLayout(card)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        caption = QLabel(self.tr("Score"))
        caption.setObjectName("CardTitle")
        layout.addWidget(caption)
        top = QHBoxLayout()
        top.setSpacing(12)
        self.score_value = QLabel("—")
        self.score_value.setObjectName("CardValue")
        top.addWidget(self.score_value)
        top.addStretch(1)
        self.sparkline = Sparkline()
        top.addWidget(self.sparkline, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        self.score_label = QLabel()
        self.score_label.setWordWrap(True)
        layout.addWidget(self.score_label)
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(6)
        layout.addWidget(self.bar)
        self.trend_label = QLabel()
        self.trend_label.setObjectName("Muted")
        self.trend_label.setWordWrap(True)
        layout.addWidget(self.trend_label)
        self.counts = QLabel()
        self.counts.setObjectName("Muted")
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        return card

    def _build_findings(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        title = QLabel(self.tr("Findings"))
        title.setObjectName("SectionTitle")
        hint = QLabel(
            self.tr(
                "Most serious first. Double-click a finding to open what it concerns; "
                "the check runs again after every change."
            )
        )
        hint.setObjectName("SectionHint")
        hint.setWordWrap(True)
        layout.addWidget(title)
        layout.addWidget(hint)
        self.tree = FindingTree()
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("What to do")])
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._context_menu)
        self.tree.itemActivated.connect(lambda item, _col: self._activated(item))
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        layout.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        self.open_button = QPushButton(theme.icon("open"), self.tr("Open"))
        self.open_button.setObjectName("OpenFinding")
        self.open_button.setToolTip(self.tr("Show the row this finding is about"))
        self.open_button.clicked.connect(self.open_current)
        self.dismiss_button = QPushButton(self.tr("Dismiss…"))
        self.dismiss_button.setObjectName("DismissFinding")
        self.dismiss_button.setToolTip(
            self.tr("The finding does not apply here: say why and set it aside")
        )
        self.dismiss_button.clicked.connect(self.dismiss_current)
        self.restore_button = QPushButton(theme.icon("undo"), self.tr("Restore"))
        self.restore_button.setObjectName("RestoreFinding")
        self.restore_button.setToolTip(self.tr("Count this dismissed finding again"))
        self.restore_button.clicked.connect(self.restore_current)
        for b in (self.open_button, self.dismiss_button, self.restore_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self._update_buttons()
        return box

    # --- loading ------------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self._update_buttons()

    def load(self) -> None:
        from mktplanner.domain.health import CHECK_FAILED, run_checks, trace_figures
        from mktplanner.services import health

        assert self.doc is not None
        plan = self.doc.plan
        slow = self.recorder.slow
        if slow:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            started = time.perf_counter()
            snap = health.snapshot(plan)  # one read for the findings and the figures
            report = run_checks(snap)
            self.recorder.note_duration(time.perf_counter() - started)
            for f in report.findings:
                if f.code == CHECK_FAILED:
                    log.error("plan check rule failed: %s", f.params)
            self.report = report
            self.recorder.record(report)
            self._show_score(report, health.score_trend(plan, TREND_POINTS))
            self._fill_tree(report)
            self.figures.set_figures(trace_figures(snap), self.fmt)
        finally:
            if slow:
                QApplication.restoreOverrideCursor()

    def _show_score(self, report: CheckReport, trend: list[ScorePoint]) -> None:
        fmt = self.fmt
        self.score_value.setText(fmt.percent(report.score))
        self.score_label.setText(
            self.tr("{passed} of {total} checks passed").format(
                passed=fmt.integer(report.passed), total=fmt.integer(report.total)
            )
        )
        self.bar.setRange(0, max(report.total, 1))
        self.bar.setValue(report.passed if report.total else 1)
        counts = report.counts
        parts = [
            self.tr("Problems: {n}").format(n=counts.get("error", 0)),
            self.tr("Warnings: {n}").format(n=counts.get("warning", 0)),
            self.tr("Tips: {n}").format(n=counts.get("info", 0)),
        ]
        if counts.get("dismissed"):
            parts.append(self.tr("Dismissed: {n}").format(n=counts["dismissed"]))
        self.counts.setText(" · ".join(parts))
        scores = [p.score for p in trend]
        self.sparkline.set_values(scores)
        self.sparkline.setVisible(len(scores) >= 2)
        self.trend_label.setText(self._trend_text(trend))

    def _trend_text(self, trend: list[ScorePoint]) -> str:
        fmt = self.fmt
        if len(trend) < 2:
            return self.tr("The trend appears after the next changes.")
        first, last = trend[0], trend[-1]
        when = _moment(first.at)
        since = fmt.short_date(when.date()) if when is not None else ""
        delta = round((last.score - first.score) * 100)
        if delta > 0:
            text = self.tr("Up {n} points since {date}")
        elif delta < 0:
            text = self.tr("Down {n} points since {date}")
        else:
            text = self.tr("Unchanged since {date}")
        return text.format(n=abs(delta), date=since)

    def _fill_tree(self, report: CheckReport) -> None:
        keep = self._current_key()
        dismissed_open = any(
            item.data(0, KIND_ROLE) == "dismissed" and item.isExpanded()
            for item in self._top_items()
        )
        self.tree.clear()
        fmt = self.fmt
        bold = QFont(self.tree.font())
        bold.setWeight(QFont.Weight.DemiBold)
        muted = QColor(theme.colors()["muted"])
        select: QTreeWidgetItem | None = None
        if not report.active:
            empty = QTreeWidgetItem([self.tr("Nothing to report: the plan passes every check.")])
            empty.setData(0, KIND_ROLE, "empty")
            empty.setFlags(Qt.ItemFlag.ItemIsEnabled)
            empty.setForeground(0, muted)
            self.tree.addTopLevelItem(empty)
            empty.setFirstColumnSpanned(True)
        # One group per severity and level, most serious first (report.findings is sorted so).
        groups: dict[tuple[str, str], list[Finding]] = {}
        for f in report.active:
            groups.setdefault((f.severity.value, f.level.value), []).append(f)
        for (severity, level), found in groups.items():
            title = self.tr("{severity} · {level} ({n})").format(
                severity=self._group_title(severity), level=texts.level_label(level), n=len(found)
            )
            group = QTreeWidgetItem([title])
            group.setData(0, KIND_ROLE, "group")
            group.setData(0, FINDING_ROLE, (severity, level))
            group.setIcon(
                0, theme.icon(SEVERITY_ICON[severity], theme.tone_color(SEVERITY_TONE[severity]))
            )
            group.setFont(0, bold)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            group.setFirstColumnSpanned(True)
            for f in found:
                item = self._finding_item(f, fmt)
                group.addChild(item)
                if keep == _key(f):
                    select = item
            group.setExpanded(True)
        if report.dismissed:
            group = QTreeWidgetItem(
                [self.tr("Dismissed ({n})").format(n=len(report.dismissed)), self.tr("Reason")]
            )
            group.setData(0, KIND_ROLE, "dismissed")
            group.setFont(0, bold)
            group.setForeground(0, muted)
            group.setForeground(1, muted)
            group.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(group)
            for f in report.dismissed:
                item = self._finding_item(f, fmt)
                group.addChild(item)
                if keep == _key(f):
                    select = item
            group.setExpanded(dismissed_open or (select is not None and select.parent() is group))
        if select is not None:
            self.tree.setCurrentItem(select)
            self.tree.scrollToItem(select)
        self._update_buttons()

    def _group_title(self, severity: str) -> str:
        return {
            "error": self.tr("Problems"),
            "warning": self.tr("Warnings"),
            "info": self.tr("Tips"),
        }.get(severity, texts.severity_label(severity))

    def _finding_item(self, f: Finding, fmt: Any) -> QTreeWidgetItem:
        sentence = texts.finding_text(f.code, dict(f.params), fmt)
        if f.dismissed:
            second = f.dismiss_reason or self.tr("No reason given")
        else:
            second = texts.next_step_text(f.next_step)
        item = QTreeWidgetItem([sentence, second])
        item.setData(0, KIND_ROLE, "finding")
        item.setData(0, FINDING_ROLE, f)
        item.setToolTip(0, sentence)
        item.setToolTip(1, second)
        if f.dismissed:
            muted = QColor(theme.colors()["muted"])
            item.setForeground(0, muted)
            item.setForeground(1, muted)
        elif f.severity.value == "error":
            item.setForeground(0, QColor(theme.tone_color("bad")))
        return item

    # --- the selection ------------------------------------------------------------------------
    def current_finding(self) -> Finding | None:
        item = self.tree.currentItem()
        if item is None or item.data(0, KIND_ROLE) != "finding":
            return None
        return item.data(0, FINDING_ROLE)  # type: ignore[no-any-return]

    def _current_key(self) -> tuple[str, str] | None:
        f = self.current_finding()
        return _key(f) if f is not None else None

    def current_object(self) -> tuple[str, int] | None:
        f = self.current_finding()
        if f is None or f.ref is None:
            return None
        return (f.ref.table, f.ref.id)

    def select_finding(self, code: str, object_ref: str = "") -> bool:
        """Select the finding ``code`` about ``object_ref`` ("goal:2"); False if not shown."""
        if self._dirty and self.doc is not None:
            self.refresh()
        for item in self._finding_items():
            f = item.data(0, FINDING_ROLE)
            if _key(f) == (code, object_ref):
                parent = item.parent()
                while parent is not None:
                    parent.setExpanded(True)
                    parent = parent.parent()
                self.tree.setCurrentItem(item)
                return True
        return False

    def shown_findings(self) -> list[tuple[str, str, str]]:
        """(group, finding sentence, second column) of every finding row, in order."""
        rows = []
        for item in self._finding_items():
            top = item
            while top.parent() is not None:
                top = top.parent()
            rows.append((top.text(0), item.text(0), item.text(1)))
        return rows

    def _finding_items(self) -> list[QTreeWidgetItem]:
        found: list[QTreeWidgetItem] = []

        def walk(item: QTreeWidgetItem | None) -> None:
            if item is None:
                return
            if item.data(0, KIND_ROLE) == "finding":
                found.append(item)
            for i in range(item.childCount()):
                walk(item.child(i))

        for item in self._top_items():
            walk(item)
        return found

    def _top_items(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    def _update_buttons(self) -> None:
        f = self.current_finding()
        writable = not self.read_only
        self.open_button.setEnabled(f is not None)
        self.dismiss_button.setEnabled(f is not None and not f.dismissed and writable)
        self.restore_button.setEnabled(f is not None and f.dismissed and writable)
        self.dismiss_button.setVisible(writable)
        self.restore_button.setVisible(writable)

    # --- what the user does ---------------------------------------------------------------------
    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, KIND_ROLE) == "finding":
            self.open_current()

    def open_current(self) -> bool:
        """Show the page of the current finding's row, with that row selected."""
        f = self.current_finding()
        if f is None:
            return False
        window: Any = self.window()
        if not hasattr(window, "show_object"):
            return False
        if f.ref is not None:
            if window.show_object(f.ref.table, f.ref.id):
                return True
            if window.current_page_id() != self.page_id:
                return True  # its page is shown; the row itself is not listed there
        page = CODE_PAGE.get(f.code) or LEVEL_PAGE.get(f.level.value)
        if page is None:
            return False
        window.show_page(page)
        return True

    def dismiss_current(self) -> bool:
        """Ask for a reason and dismiss the current finding (one undo step)."""
        from mktplanner.services import health

        f = self.current_finding()
        if f is None or f.dismissed or self.read_only:
            return False
        reason = ask_dismiss_reason(self, texts.finding_text(f.code, dict(f.params), self.fmt))
        if reason is None:
            return False
        return self.push(health.dismiss_edit(f.code, f.object_ref, reason))

    def restore_current(self) -> bool:
        """Take back the dismissal of the current finding (one undo step)."""
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import health

        f = self.current_finding()
        if f is None or not f.dismissed or self.read_only or self.doc is None:
            return False
        try:
            edit = health.undismiss_edit(self.doc.plan, f.code, f.object_ref)
        except DomainError:  # restored meanwhile (e.g. by an undo): nothing to do
            self.refresh()
            return False
        return self.push(edit)

    def _context_menu(self, pos: Any) -> None:
        item = self.tree.itemAt(pos)
        if item is None or item.data(0, KIND_ROLE) != "finding":
            return
        self.tree.setCurrentItem(item)
        f = self.current_finding()
        if f is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), self.open_current)
        window = self.window()
        if f.ref is not None and f.ref.table in ("weekly_task", "expense", "action", "goal"):
            if hasattr(window, "show_why"):
                menu.addAction(self.tr("Why? (golden thread)"), window.show_why)
        if not self.read_only:
            menu.addSeparator()
            if f.dismissed:
                menu.addAction(self.tr("Restore"), self.restore_current)
            else:
                menu.addAction(self.tr("Dismiss…"), self.dismiss_current)
        menu.exec(self.tree.viewport().mapToGlobal(pos))


def _key(f: Finding) -> tuple[str, str]:
    return (f.code, f.object_ref)


def _moment(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return None
