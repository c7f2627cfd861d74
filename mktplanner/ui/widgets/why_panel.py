"""The golden thread: why a piece of work is in the plan, and where a goal's effort goes.

* :class:`WhyPanel` explains one row. From a weekly task, an expense or an action it shows
  the chain up to the goal and the analysis behind it (TOWS options, SWOT items:
  ``services.health.chain_up``); from a goal, that analysis and the chain down: its actions
  with owner, status and money spent, this week's tasks that work on them, the totals
  (``services.health.chain_down``). Every step is a link; ``navigate(table, id)`` asks the
  shell to open it. Where the thread breaks (a task with no action, an action with no goal)
  the panel says so and what to do.
* :class:`WhyDock` puts the panel at the right of the main window (View ▸ Why?, Ctrl+I) and
  keeps it on the current page's selection (``Page.current_object``) while it is open.
* :class:`ThreadFigures` shows how much of each person's planned hours and of the spend traces
  to a goal (``services.health.figures``); :func:`overview_thread_figures` gives the same as
  card texts (caption, value, note, tone) for the Overview's ``Card`` row.

No database access here beyond the ``services.health`` calls; the widgets take the plan and the
page's ``Formatter``.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QSizePolicy,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.bus import bus, tables_of

if TYPE_CHECKING:
    from mktplanner.domain.health import TraceFigures
    from mktplanner.services.health import ChainLink, GoalChain
    from mktplanner.store.planfile import PlanFile
    from mktplanner.ui.fmt import Formatter

# Where the golden thread can start (services.health.CHAIN_STARTS, without importing it here).
CHAIN_STARTS = ("weekly_task", "expense", "action", "goal")
# Tables the panel's content depends on: a change in one of them re-reads it.
PANEL_TABLES = frozenset(
    {
        "weekly_task",
        "weekly_plan",
        "expense",
        "action",
        "goal",
        "goal_swot",
        "tows_option",
        "swot_item",
        "person",
    }
)
_LINK_SCHEME = "obj"
WHY_SHORTCUT = "Ctrl+I"  # the shell's View ▸ Why? (Cmd+I on macOS)


def object_link(table: str, ident: int) -> str:
    """The href of a row in the panel's text (``obj:goal/3``)."""
    return f"{_LINK_SCHEME}:{table}/{ident}"


def parse_object_link(url: QUrl | str) -> tuple[str, int] | None:
    text = url.toString() if isinstance(url, QUrl) else str(url)
    scheme, _, rest = text.partition(":")
    table, _, ident = rest.partition("/")
    if scheme != _LINK_SCHEME or not table or not ident.isdigit():
        return None
    return table, int(ident)


def _e(value: Any) -> str:
    return html.escape(str(value or ""))


class WhyPanel(QWidget):
    """Explains one row of the plan (see the module docstring)."""

    navigate = Signal(str, int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("WhyPanel")
        self.subject: tuple[str, int] | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(6)
        self.title = QLabel()
        self.title.setObjectName("SectionTitle")
        self.title.setWordWrap(True)
        layout.addWidget(self.title)
        self.browser = QTextBrowser()
        self.browser.setObjectName("WhyText")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setFrameShape(QFrame.Shape.NoFrame)
        self.browser.anchorClicked.connect(self._anchor)
        layout.addWidget(self.browser, 1)
        self.show_hint()

    # --- what it shows ---------------------------------------------------------------------
    def show_hint(self, text: str = "") -> None:
        """No row to explain: say how to get one."""
        self.subject = None
        self.title.setText(self.tr("Why is this in the plan?"))
        hint = text or self.tr(
            "Select a weekly task, an action, an expense or a goal, then press {key}: "
            "the golden thread shows the goal it serves and the analysis behind it, or, "
            "for a goal, the work and the money that go into it."
        ).format(key=QKeySequence(WHY_SHORTCUT).toString(QKeySequence.SequenceFormat.NativeText))
        self.browser.setHtml(f"<p style='color:{theme.colors()['muted']}'>{_e(hint)}</p>")

    def explain(
        self,
        plan: PlanFile,
        fmt: Formatter,
        table: str,
        ident: int,
        today: dt.date | None = None,
    ) -> bool:
        """Show the golden thread of row ``ident`` of ``table``; False when the thread cannot
        start there (the hint is shown instead)."""
        from mktplanner.services import health

        if table not in CHAIN_STARTS:
            self.show_hint(
                self.tr(
                    "The golden thread starts from a weekly task, an action, an expense or "
                    "a goal; this is a {thing}."
                ).format(thing=texts.table_noun(table))
            )
            return False
        self.subject = (table, ident)
        chain = health.chain_up(plan, table, ident)
        if not chain:
            self.title.setText(self.tr("Why is this in the plan?"))
            self.browser.setHtml(self._para(self.tr("This row no longer exists."), "muted"))
            return True
        parts = [self._chain_up_html(chain, table)]
        if table == "goal":
            down = health.chain_down(plan, ident, today)
            if down is not None:
                parts.append(self._chain_down_html(down, fmt))
        self.title.setText(
            self.tr("How this goal is pursued")
            if table == "goal"
            else self.tr("Why is this in the plan?")
        )
        self.browser.setHtml("".join(parts))
        return True

    def plain_text(self) -> str:
        """What the panel shows, as plain text (title first)."""
        return f"{self.title.text()}\n{self.browser.toPlainText()}"

    # --- pieces ------------------------------------------------------------------------------
    def _kind(self, link: ChainLink) -> str:
        if link.table == "swot_item":
            return self.tr("SWOT · {quadrant}").format(
                quadrant=texts.enum_label("quadrant", link.detail or None)
            )
        if link.table == "tows_option":
            kind = texts.enum_label("tows", link.detail) if link.detail else ""
            return self.tr("Strategic option") + (f" · {kind}" if kind else "")
        return {
            "weekly_task": self.tr("Weekly task"),
            "expense": self.tr("Expense"),
            "action": self.tr("Action"),
            "goal": self.tr("Goal"),
        }.get(link.table, texts.table_noun(link.table))

    def _connector(self, lower: str, upper: str) -> str:
        if upper == "action":
            return (
                self.tr("paid for the action")
                if lower == "expense"
                else self.tr("works towards the action")
            )
        if upper == "goal":
            return self.tr("serves the goal")
        return self.tr("chosen because of")

    def _node(self, link: ChainLink, *, start: bool) -> str:
        c = theme.colors()
        title = _e(link.title) or _e(self.tr("(no title)"))
        if start:
            body = f"<b>{title}</b>"
        else:
            body = (
                f"<a href='{object_link(link.table, link.id)}' "
                f"style='color:{c['accent']}; text-decoration:none'><b>{title}</b></a>"
            )
        return (
            "<table width='100%' cellspacing='0' cellpadding='6' "
            f"style='background:{c['card']}; border:1px solid {c['border']}'>"
            f"<tr><td><span style='color:{c['muted']}; font-size:8.5pt'>"
            f"{_e(self._kind(link))}</span><br>{body}</td></tr></table>"
        )

    def _arrow(self, words: str) -> str:
        c = theme.colors()
        return (
            f"<p style='margin:4px 0 4px 14px; color:{c['muted']}'>"
            f"<span style='color:{c['accent']}'>↑</span>&nbsp;{_e(words)}</p>"
        )

    def _para(self, text: str, tone: str = "", *, bold: bool = False) -> str:
        color = (
            theme.colors()["muted"] if tone == "muted" else theme.tone_color(tone) if tone else ""
        )
        style = f"color:{color};" if color else ""
        inner = f"<b>{_e(text)}</b>" if bold else _e(text)
        return f"<p style='margin:6px 0; {style}'>{inner}</p>"

    def _heading(self, text: str) -> str:
        return f"<p style='margin:14px 0 4px 0; font-size:10.5pt'><b>{_e(text)}</b></p>"

    def _chain_up_html(self, chain: list[ChainLink], start_table: str) -> str:
        out: list[str] = []
        analysis = [link for link in chain if link.table in ("tows_option", "swot_item")]
        path = [link for link in chain if link.table not in ("tows_option", "swot_item")]
        for i, link in enumerate(path):
            if i:
                out.append(self._arrow(self._connector(path[i - 1].table, link.table)))
            out.append(self._node(link, start=i == 0))
        last = path[-1].table if path else start_table
        if last == "weekly_task":
            out.append(
                self._para(
                    self.tr(
                        "This task is not linked to an action, so it traces to no goal. "
                        "Link it to an action in its weekly plan."
                    ),
                    "warn",
                )
            )
        elif last == "expense":
            out.append(
                self._para(
                    self.tr(
                        "This expense is not booked on an action, so it traces to no goal. "
                        "Choose its action on the Budget page."
                    ),
                    "warn",
                )
            )
        elif last == "action":
            out.append(
                self._para(
                    self.tr(
                        "This action serves no goal: the work and money under it trace to "
                        "nothing. Choose its goal in the tactical plan."
                    ),
                    "warn",
                )
            )
        elif last == "goal":
            if analysis:
                out.append(self._arrow(self._connector("goal", analysis[0].table)))
                for link in analysis:
                    out.append(self._node(link, start=False))
                    out.append("<p style='margin:3px 0'></p>")
            else:
                out.append(
                    self._para(
                        self.tr(
                            "No SWOT item or strategic option stands behind this goal yet: "
                            "link it to one on the Goals or the SWOT page."
                        ),
                        "muted",
                    )
                )
        return "".join(out)

    def _chain_down_html(self, down: GoalChain, fmt: Formatter) -> str:
        c = theme.colors()
        out = [self._heading(self.tr("Actions that serve it"))]
        if not down.actions:
            out.append(
                self._para(
                    self.tr("No action serves this goal yet: add one in the tactical plan."),
                    "warn",
                )
            )
        for a in down.actions:
            facts = [
                a.owner or self.tr("no owner"),
                texts.enum_label("status", a.status),
                self.tr("spent {spent} of {budget}").format(
                    spent=fmt.money(a.spent_minor, cents=False),
                    budget=fmt.money(a.budget_minor, cents=False)
                    if a.budget_minor is not None
                    else "—",
                ),
            ]
            if a.due is not None:
                facts.insert(2, self.tr("due {date}").format(date=fmt.date(a.due)))
            out.append(
                f"<p style='margin:5px 0'><a href='{object_link('action', a.id)}' "
                f"style='color:{c['accent']}; text-decoration:none'>{_e(a.title)}</a><br>"
                f"<span style='color:{c['muted']}; font-size:8.5pt'>"
                f"{_e(' · '.join(facts))}</span></p>"
            )
        out.append(self._heading(self.tr("This week")))
        out.append(self._para(fmt.week(down.week.year, down.week.week), "muted"))
        if not down.tasks:
            out.append(self._para(self.tr("No task of this week works towards it."), "muted"))
        for t in down.tasks:
            mark = "✓ " if t.done else ""
            hours = self.tr("{hours} h").format(hours=fmt.number(t.est_hours, 1))
            out.append(
                f"<p style='margin:5px 0'>{mark}<a href='{object_link('weekly_task', t.id)}' "
                f"style='color:{c['accent']}; text-decoration:none'>{_e(t.description)}</a><br>"
                f"<span style='color:{c['muted']}; font-size:8.5pt'>"
                f"{_e(t.person)} · {_e(hours)}</span></p>"
            )
        out.append(self._heading(self.tr("In total")))
        out.append(
            self._para(
                self.tr("{hours} h planned this week").format(
                    hours=fmt.number(down.planned_hours, 1)
                )
            )
        )
        out.append(
            self._para(
                self.tr("{spent} spent of {budget} budgeted for its actions").format(
                    spent=fmt.money(down.spent_minor, cents=False),
                    budget=fmt.money(down.budget_minor, cents=False),
                ),
                "bad" if down.budget_minor and down.spent_minor > down.budget_minor else "",
            )
        )
        return "".join(out)

    def _anchor(self, url: QUrl) -> None:
        target = parse_object_link(url)
        if target is not None:
            self.navigate.emit(*target)


class WhyDock(QDockWidget):
    """The "Why?" panel docked at the right of the main window, following the selection."""

    POLL_MS = 300

    def __init__(self, window: Any):
        super().__init__(window)
        self.setObjectName("WhyDock")
        self.main = window
        self.panel = WhyPanel()
        self.panel.navigate.connect(self._navigate)
        self.setWidget(self.panel)
        self.setMinimumWidth(300)
        self.setAllowedAreas(
            Qt.DockWidgetArea.RightDockWidgetArea | Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.retranslate()
        # Pages say what is selected when asked (Page.current_object) but send no signal:
        # a cheap look every few hundred milliseconds while the panel is open.
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self.follow)
        self.visibilityChanged.connect(self._visibility)
        bus().changed.connect(self._changed)
        bus().reset.connect(self._reset)
        window.language_changed.connect(lambda _lang: self.retranslate(reload=True))

    @classmethod
    def open_for(cls, window: Any) -> WhyDock:
        """Show the window's panel (made on first use) for its current selection."""
        dock = getattr(window, "why_dock", None)
        if not isinstance(dock, WhyDock):
            dock = cls(window)
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            window.why_dock = dock
        dock.show()
        dock.raise_()
        dock.follow(force=True)
        return dock

    def retranslate(self, reload: bool = False) -> None:
        self.setWindowTitle(QCoreApplication.translate("WhyDock", "Why? — the golden thread"))
        if reload:
            self.reload()

    def follow(self, force: bool = False) -> None:
        """Explain the current page's selection when it changed (``force``: in any case)."""
        if getattr(self.main, "doc", None) is None:
            self.panel.show_hint()
            return
        obj = self.main.current_object()
        if obj is None or obj[0] not in CHAIN_STARTS:
            if force:
                if obj is None:
                    self.panel.show_hint()
                else:
                    self._explain(obj)
            return
        if force or tuple(obj) != self.panel.subject:
            self._explain(obj)

    def reload(self) -> None:
        if self.panel.subject is not None:
            self._explain(self.panel.subject)
        else:
            self.panel.show_hint()

    def _explain(self, obj: tuple[str, int]) -> None:
        doc = getattr(self.main, "doc", None)
        if doc is None:
            self.panel.show_hint()
            return
        self.panel.explain(doc.plan, doc.fmt, obj[0], int(obj[1]))

    def _navigate(self, table: str, ident: int) -> None:
        self.main.show_object(table, ident)

    def _visibility(self, visible: bool) -> None:
        if visible:
            self._timer.start()
        else:
            self._timer.stop()

    def _changed(self, change: Any) -> None:
        if self.isVisible() and self.panel.subject and PANEL_TABLES & tables_of(change):
            self.reload()

    def _reset(self) -> None:
        self.panel.show_hint()


# --- the figures ---------------------------------------------------------------------------


@dataclass(frozen=True)
class FigureText:
    """One key figure as the Overview's ``Card.set(value, note, tone)`` takes it."""

    caption: str
    value: str
    note: str
    tone: str = ""
    share: float | None = None  # the value as a 0..1 ratio (None: nothing to divide)


def _share_tone(share: float | None) -> str:
    if share is None:
        return ""
    return "good" if share >= 0.8 else "warn" if share >= 0.5 else "bad"


def thread_figure_texts(figs: TraceFigures, fmt: Formatter) -> list[FigureText]:
    """The two golden-thread figures (hours, spend) as card texts."""
    return [
        FigureText(
            QCoreApplication.translate("ThreadFigures", "Hours on goals"),
            fmt.percent(figs.hours_share),
            QCoreApplication.translate(
                "ThreadFigures", "{traced} of {planned} h planned this week"
            ).format(
                traced=fmt.number(figs.traced_hours, 1), planned=fmt.number(figs.planned_hours, 1)
            ),
            _share_tone(figs.hours_share),
            figs.hours_share,
        ),
        FigureText(
            QCoreApplication.translate("ThreadFigures", "Spend on goals"),
            fmt.percent(figs.spend_share),
            QCoreApplication.translate("ThreadFigures", "{traced} of {spent} spent").format(
                traced=fmt.money(figs.traced_spend_minor, cents=False),
                spent=fmt.money(figs.spend_minor, cents=False),
            ),
            _share_tone(figs.spend_share),
            figs.spend_share,
        ),
    ]


def overview_thread_figures(
    plan: PlanFile, fmt: Formatter, today: dt.date | None = None
) -> list[FigureText]:
    """For the Overview: the share of this week's planned hours and of all spend that traces
    to a goal, as two cards' texts (``for f in ...: card.set(f.value, f.note, f.tone)``)."""
    from mktplanner.services import health

    return thread_figure_texts(health.figures(plan, today), fmt)


class ThreadFigures(QFrame):
    """How much of each person's week and of the money traces to a goal."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Card")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.title = QLabel(self.tr("Golden thread"))
        self.title.setObjectName("SectionTitle")
        self.week = QLabel()
        self.week.setObjectName("Muted")
        hint = QLabel(self.tr("Work and money trace to a goal through an action that serves one."))
        hint.setObjectName("SectionHint")
        hint.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.week)
        layout.addWidget(hint)
        self.rows = QVBoxLayout()
        self.rows.setSpacing(8)
        layout.addLayout(self.rows)
        layout.addStretch(1)
        self._widgets: list[QWidget] = []

    def load(self, plan: PlanFile, fmt: Formatter, today: dt.date | None = None) -> None:
        from mktplanner.services import health

        self.set_figures(health.figures(plan, today), fmt)

    def set_figures(self, figs: TraceFigures, fmt: Formatter) -> None:
        for w in self._widgets:
            self.rows.removeWidget(w)
            w.deleteLater()
        self._widgets = []
        self.week.setText(fmt.week(figs.week.year, figs.week.week))
        for f in thread_figure_texts(figs, fmt):
            self._add(f.caption, f.value, f.note, f.tone, f.share, bold=True)
        people = [p for p in figs.people if p.planned_hours > 0]
        if people:
            head = QLabel(self.tr("Each person's hours this week"))
            head.setObjectName("Muted")
            head.setWordWrap(True)
            self._place(head)
        for p in people:
            self._add(
                p.name,
                fmt.percent(p.share),
                self.tr("{traced} of {planned} h").format(
                    traced=fmt.number(p.traced_hours, 1), planned=fmt.number(p.planned_hours, 1)
                ),
                _share_tone(p.share),
                p.share,
            )
        idle = [p.name for p in figs.people if p.planned_hours <= 0]
        if idle:
            note = QLabel(
                self.tr("No hours planned this week: {names}").format(names=", ".join(idle))
            )
            note.setObjectName("Muted")
            note.setWordWrap(True)
            self._place(note)

    def _place(self, w: QWidget) -> None:
        self.rows.addWidget(w)
        self._widgets.append(w)

    def _add(
        self,
        caption: str,
        value: str,
        note: str,
        tone: str,
        share: float | None,
        *,
        bold: bool = False,
    ) -> None:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(1)
        line = QHBoxLayout()
        line.setSpacing(8)
        name = QLabel(caption)
        name.setToolTip(caption)
        # A long name is cut at the card's edge rather than widening the card.
        name.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        name.setMinimumWidth(60)
        if bold:
            name.setStyleSheet("font-weight: 600;")
        bar = QProgressBar()
        bar.setTextVisible(False)
        bar.setFixedSize(64, 6)
        bar.setRange(0, 100)
        bar.setValue(round(min(max(share or 0.0, 0.0), 1.0) * 100))
        number = QLabel(value)
        number.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        number.setMinimumWidth(40)
        color = theme.tone_color(tone) if tone else ""
        number.setStyleSheet(
            ("font-weight: 600;" if bold else "") + (f" color: {color};" if color else "")
        )
        line.addWidget(name, 1)
        line.addWidget(bar, 0, Qt.AlignmentFlag.AlignVCenter)
        line.addWidget(number)
        col.addLayout(line)
        detail = QLabel(note)
        detail.setObjectName("Muted")
        detail.setWordWrap(True)
        col.addWidget(detail)
        self._place(box)

    def texts(self) -> list[str]:
        """Every label's text, in order (what the card says, for tests)."""
        return [
            label.text()
            for w in self._widgets
            for label in ([w] if isinstance(w, QLabel) else w.findChildren(QLabel))
        ]
