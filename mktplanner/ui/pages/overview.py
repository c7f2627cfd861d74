"""Overview: the plan at a glance — what needs attention first, the key figures, the charts.

Top to bottom:

* **Needs attention**: control points over their limit or with an overdue check, late
  actions, weeks (this one or later) planned over capacity, goals off track
  (``services.dashboard``); each row opens the row it is about on its page.
* **Key figures**: goal progress, budget used, cost per lead, ROMI, and the golden thread
  (the share of this week's planned hours and of the spend that traces to a goal); each tile
  opens its page.
* **Charts**: four of the dashboard's charts (budget plan against actual by month, team hours
  against capacity, cost per lead and ROMI by channel, spend by channel; the ⋯ menu of a
  card swaps in weekly completion or the SWOT counts, and the choice is remembered). Each is
  a ``ChartView``: drawn in the background after the page is shown, so typing never waits
  for matplotlib; right click copies it or saves it as PNG / SVG; a click opens its page.
* **Goals and their progress**, then **About this plan** (name and company, editable; what
  the plan holds).

The data are read once per refresh through ``services.dashboard`` (which reads through
``summary.summarize``, the same figures the PDF meeting pack prints).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.models.table import Col, Row
from mktplanner.ui.pages.base import Page, label
from mktplanner.ui.widgets.cards import Card
from mktplanner.ui.widgets.chart_view import ChartView
from mktplanner.ui.widgets.fields import LineField

ALERTS_SHOWN = 5  # rows shown before "Show all"
SETTINGS_CHARTS = "overview/charts"
CHART_KINDS: tuple[str, ...] = ("budget", "team", "kpi", "spend", "completion", "swot")
DEFAULT_CHARTS: tuple[str, ...] = ("budget", "team", "kpi", "spend")
CHART_PAGE = {
    "budget": "budget",
    "team": "weekly",
    "kpi": "results",
    "spend": "results",
    "completion": "weekly",
    "swot": "strategy",
}

TINTS = {  # light, dark: the background of an alert row
    "bad": ("#FDECEC", "#3A2426"),
    "warn": ("#FFF4E0", "#3A3020"),
    "good": ("#EAF6EC", "#21342A"),
}


def _tint(tone: str) -> str:
    pair = TINTS.get(tone, TINTS["warn"])
    return pair[1 if theme.is_dark() else 0]


# --- small widgets ------------------------------------------------------------------------------


class ElidedLabel(QLabel):
    """One line of text cut with "…" when it does not fit (the full text in the tooltip)."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(40)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setFont(self.font())
        painter.setPen(self.palette().color(self.foregroundRole()))
        rect = self.contentsRect()
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(rect, int(self.alignment()), text)
        painter.end()


class Clickable(QFrame):
    """A frame that acts as a button: a click, Enter or Space emits ``activated``."""

    activated = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pressed = False

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = event.button() == Qt.MouseButton.LeftButton
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if (
            self._pressed
            and event.button() == Qt.MouseButton.LeftButton
            and self.rect().contains(event.position().toPoint())
        ):
            self.activated.emit()
        self._pressed = False
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit()
            return
        super().keyPressEvent(event)


class AlertRow(Clickable):
    """One alert: a coloured mark, what is wrong, the detail, and the page it opens."""

    def __init__(self, tone: str, head: str, detail: str, link: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tone = tone
        self.setObjectName("AlertRow")
        color = theme.tone_color(tone)
        self.setStyleSheet(
            f"QFrame#AlertRow {{ background: {_tint(tone)}; border: none;"
            f" border-left: 4px solid {color}; border-radius: 6px; }}"
            f"QFrame#AlertRow:focus {{ border: 1px solid {theme.colors()['accent']};"
            f" border-left: 4px solid {color}; }}"
            "QFrame#AlertRow QLabel { background: transparent; border: none; }"
        )
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 7, 12, 7)
        row.setSpacing(10)
        self.head = QLabel(head)
        self.head.setStyleSheet(f"font-weight: 600; color: {color};")
        self.head.setTextFormat(Qt.TextFormat.PlainText)
        self.detail = ElidedLabel(detail)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.link = QLabel(link + "  ›")
        self.link.setStyleSheet(f"color: {theme.colors()['accent']};")
        row.addWidget(self.head, 0)
        row.addWidget(self.detail, 1)
        row.addWidget(self.link, 0)
        self.setAccessibleName(f"{head}: {detail}")
        self.setToolTip(f"{head}\n{detail}")

    def text(self) -> str:
        return f"{self.head.text()} {self.detail.text()}"


class KpiTile(Clickable):
    """A key figure: caption, big value, a thin bar for a share, and a note."""

    def __init__(self, caption: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("KpiTile")
        c = theme.colors()
        self.setStyleSheet(
            f"QFrame#KpiTile {{ background: {c['card']}; border: 1px solid {c['border']};"
            " border-radius: 10px; }"
            f"QFrame#KpiTile:hover {{ border-color: {c['accent']}; }}"
            f"QFrame#KpiTile:focus {{ border: 1px solid {c['accent']}; }}"
            "QFrame#KpiTile QLabel { background: transparent; border: none; }"
        )
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumWidth(120)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 11, 14, 11)
        layout.setSpacing(3)
        self.caption = ElidedLabel(caption)  # one line: the values of a row stay aligned
        self.caption.setObjectName("CardTitle")
        self.value = QLabel("—")
        self.value.setObjectName("CardValue")
        self.bar = QProgressBar()
        self.bar.setTextVisible(False)
        self.bar.setRange(0, 1000)
        self.bar.setFixedHeight(5)
        policy = self.bar.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # the notes of a row stay aligned too
        self.bar.setSizePolicy(policy)
        self.note = QLabel("")
        self.note.setObjectName("CardNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.bar)
        layout.addSpacing(2)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def set(self, value: str, note: str = "", tone: str = "", share: float | None = None) -> None:
        self.value.setText(value)
        self.note.setText(note)
        color = theme.tone_color(tone) if tone else ""
        self.value.setStyleSheet(f"color: {color};" if color else "")
        self.bar.setVisible(share is not None)
        if share is not None:
            self.bar.setValue(round(max(0.0, min(1.0, share)) * 1000))
            bar_color = color or theme.colors()["accent"]
            self.bar.setStyleSheet(
                f"QProgressBar {{ background: {theme.colors()['border']}; border: none;"
                " border-radius: 2px; }"
                f"QProgressBar::chunk {{ background: {bar_color}; border-radius: 2px; }}"
            )
        self.setAccessibleName(f"{self.caption.text()}: {value}. {note}")


@dataclass(frozen=True)
class ChartSpec:
    """What a chart card shows: its title, the page it opens, how to draw it."""

    kind: str
    title: str
    page_id: str
    build: Callable[[Any], Any] | None  # ChartSize -> Figure; None: ``empty`` is shown
    empty: str = ""
    note: str = ""  # a short line beside the title (the week, the period)


class ChartCard(QWidget):
    """A title row over a ``ChartView``; its ⋯ menu picks the chart and saves it."""

    open_requested = Signal(str)  # page id
    kind_changed = Signal(str)

    def __init__(self, titles: dict[str, str], parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = ""
        self.page_id = ""
        self._titles = titles
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(6)
        # Elided, not pushing: the two columns of cards stay equally wide in every language.
        self.title = ElidedLabel()
        self.title.setObjectName("SectionTitle")
        self.note = QLabel()
        self.note.setObjectName("Muted")
        self.open_button = QPushButton()
        self.open_button.setObjectName("LinkButton")
        self.open_button.setFlat(True)
        self.open_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.open_button.setStyleSheet(
            f"QPushButton#LinkButton {{ border: none; background: transparent;"
            f" color: {theme.colors()['accent']}; padding: 2px 4px; }}"
            "QPushButton#LinkButton:hover { text-decoration: underline; }"
        )
        self.open_button.clicked.connect(lambda: self.open_requested.emit(self.page_id))
        self.menu_button = QToolButton()
        self.menu_button.setText("⋯")
        self.menu_button.setAutoRaise(True)
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.menu_button.setStyleSheet(
            "QToolButton { border: none; padding: 0 6px; font-size: 13pt; }"
            "QToolButton::menu-indicator { image: none; width: 0; }"
        )
        self.menu = QMenu(self)
        self.menu_button.setMenu(self.menu)
        self.menu.aboutToShow.connect(self._fill_menu)
        head.addWidget(self.title, 1)
        head.addWidget(self.note, 0)
        head.addWidget(self.open_button, 0)
        head.addWidget(self.menu_button, 0)
        layout.addLayout(head)
        self.view = ChartView(min_height=250)
        self.view.installEventFilter(self)
        self.view.setCursor(Qt.CursorShape.PointingHandCursor)
        layout.addWidget(self.view, 1)
        self._press = None

    def set_spec(self, spec: ChartSpec) -> None:
        self.kind = spec.kind
        self.page_id = spec.page_id
        self.title.setText(spec.title)
        self.note.setText(spec.note)
        self.note.setVisible(bool(spec.note))
        page = texts.page_title(spec.page_id)
        self.open_button.setText(page.replace("&", "&&") + "  ›")
        self.open_button.setToolTip(self.tr("Open the {page} page").format(page=page))
        self.view.setToolTip(
            self.tr("Click to open the {page} page; right click to copy or save the chart.").format(
                page=page
            )
        )
        self.view.setAccessibleName(spec.title)
        self.view.set_chart(spec.build, name=_file_name(spec.title), empty_text=spec.empty)

    def _fill_menu(self) -> None:
        self.menu.clear()
        group = QActionGroup(self.menu)
        for kind in CHART_KINDS:
            act = QAction(self._titles[kind], self.menu, checkable=True)
            act.setChecked(kind == self.kind)
            act.triggered.connect(lambda _c=False, k=kind: self.kind_changed.emit(k))
            group.addAction(act)
            self.menu.addAction(act)
        self.menu.addSeparator()
        ready = self.view.figure is not None
        for text, slot in (
            (self.tr("Copy chart"), self.view.copy),
            (self.tr("Save as PNG…"), self.view.save_png),
            (self.tr("Save as SVG…"), self.view.save_svg),
        ):
            act = self.menu.addAction(text, slot)
            act.setEnabled(ready)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        from PySide6.QtCore import QEvent

        if watched is self.view:
            if event.type() == QEvent.Type.MouseButtonPress:
                self._press = (
                    event.position().toPoint()
                    if event.button() == Qt.MouseButton.LeftButton
                    else None
                )
            elif event.type() == QEvent.Type.MouseButtonRelease:
                start, self._press = self._press, None
                if (
                    start is not None
                    and event.button() == Qt.MouseButton.LeftButton
                    and (event.position().toPoint() - start).manhattanLength() < 8
                ):
                    self.open_requested.emit(self.page_id)
            elif event.type() == QEvent.Type.KeyPress and event.key() in (
                Qt.Key.Key_Return,
                Qt.Key.Key_Enter,
            ):
                self.open_requested.emit(self.page_id)
                return True
        return super().eventFilter(watched, event)


def _file_name(title: str) -> str:
    bad = '<>:"/\\|?*\n\r\t'
    cleaned = "".join("_" if ch in bad else ch for ch in title).strip(" .")
    return cleaned[:60] or "chart"


# --- the page -------------------------------------------------------------------------------------


class OverviewPage(Page):
    page_id = "overview"
    tables = frozenset(
        {
            "plan",
            "goal",
            "measurement",
            "action",
            "person",
            "budget",
            "budget_line",
            "expense",
            "channel",
            "channel_result",
            "control_point",
            "control_check",
            "hypothesis",
            "weekly_plan",
            "weekly_task",
            "swot_item",
        }
    )

    def subtitle(self) -> str:
        return self.tr("The plan at a glance: what needs attention, the key figures and charts.")

    # --- building ---------------------------------------------------------------------------
    def build(self) -> None:
        self.dash: Any = None
        self._show_all_alerts = False
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        c = theme.colors()
        scroll.setStyleSheet(
            "QScrollBar:vertical { background: transparent; width: 10px; margin: 0; }"
            f"QScrollBar::handle:vertical {{ background: {c['border']}; border-radius: 4px;"
            " min-height: 40px; margin: 0 2px; }"
            f"QScrollBar::handle:vertical:hover {{ background: {c['muted']}; }}"
            "QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }"
            "QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: none; }"
        )
        content = QWidget()
        content.setObjectName("OverviewContent")
        self.content = QVBoxLayout(content)
        self.content.setContentsMargins(0, 0, 6, 8)
        self.content.setSpacing(18)
        scroll.setWidget(content)
        self.scroll_area = scroll
        self.body.addWidget(scroll, 1)

        self._build_alerts()
        self._build_tiles()
        self._build_charts()
        self._build_goals()
        self._build_about()
        self.content.addStretch(1)

    def _section_title(self, text: str) -> QLabel:
        title = QLabel(text)
        title.setObjectName("SectionTitle")
        return title

    def _build_alerts(self) -> None:
        box = QFrame()
        box.setObjectName("Card")
        layout = QVBoxLayout(box)
        layout.setContentsMargins(14, 12, 14, 12)
        layout.setSpacing(6)
        head = QHBoxLayout()
        head.setSpacing(8)
        self.alerts_title = self._section_title(self.tr("Needs attention"))
        self.alerts_title.setStyleSheet("background: transparent; border: none;")
        self.alerts_count = QLabel()
        self.alerts_count.setObjectName("AlertCount")
        self.alerts_more = QPushButton()
        self.alerts_more.setFlat(True)
        self.alerts_more.setCursor(Qt.CursorShape.PointingHandCursor)
        self.alerts_more.setStyleSheet(
            f"QPushButton {{ border: none; background: transparent;"
            f" color: {theme.colors()['accent']}; padding: 2px 4px; }}"
        )
        self.alerts_more.clicked.connect(self._toggle_alerts)
        head.addWidget(self.alerts_title)
        head.addWidget(self.alerts_count)
        head.addStretch(1)
        head.addWidget(self.alerts_more)
        layout.addLayout(head)
        self.alert_rows_box = QVBoxLayout()
        self.alert_rows_box.setSpacing(5)
        layout.addLayout(self.alert_rows_box)
        self.alert_rows: list[AlertRow] = []
        self.content.addWidget(box)

    def _build_tiles(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        self.tile_goals = KpiTile(self.tr("Goal progress"))
        self.tile_budget = KpiTile(self.tr("Budget used"))
        self.tile_cpl = KpiTile(self.tr("Cost per lead"))
        self.tile_romi = KpiTile(self.tr("ROMI"))
        self.tile_hours = KpiTile("")
        self.tile_spend = KpiTile("")
        self.tiles = {
            "goals": self.tile_goals,
            "budget": self.tile_budget,
            "results": self.tile_cpl,
            "romi": self.tile_romi,
            "hours": self.tile_hours,
            "spend": self.tile_spend,
        }
        pages = {
            "goals": "goals",
            "budget": "budget",
            "results": "results",
            "romi": "results",
            "hours": "check",
            "spend": "check",
        }
        tips = {
            "goals": self.tr("The average progress of the goals that have a measurement."),
            "budget": self.tr("Spend in the tactical period against its budget lines."),
            "results": self.tr("All channels' spend divided by their leads (Results page)."),
            "romi": self.tr("(Revenue − spend) / spend over all channels' results."),
            "hours": self.tr(
                "The share of this week's planned hours spent on tasks whose action serves a goal."
            ),
            "spend": self.tr("The share of all spend booked to an action that serves a goal."),
        }
        for i, (key, tile) in enumerate(self.tiles.items()):
            tile.setToolTip(tips[key])
            tile.activated.connect(lambda _p=pages[key]: self.open_page(_p))
            grid.addWidget(tile, 0, i)
            grid.setColumnStretch(i, 1)
        self.content.addLayout(grid)

    def _chart_titles(self) -> dict[str, str]:
        return {
            "budget": self.tr("Budget: plan and actual by month"),
            "team": self.tr("Team hours against capacity"),
            "kpi": self.tr("Cost per lead and ROMI by channel"),
            "spend": self.tr("Spend by channel"),
            "completion": self.tr("Tasks done by person"),
            "swot": self.tr("SWOT items"),
        }

    def _build_charts(self) -> None:
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        titles = self._chart_titles()
        self.chart_cards: list[ChartCard] = []
        kinds = self._saved_kinds()
        for i, kind in enumerate(kinds):
            card = ChartCard(titles)
            card.kind = kind
            card.setMinimumHeight(290)
            card.open_requested.connect(self.open_page)
            card.kind_changed.connect(lambda k, n=i: self.set_chart_kind(n, k))
            grid.addWidget(card, i // 2, i % 2)
            self.chart_cards.append(card)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.content.addLayout(grid)

    def _saved_kinds(self) -> list[str]:
        value = QSettings().value(SETTINGS_CHARTS, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            value = []
        kinds = [str(v) for v in value if str(v) in CHART_KINDS]
        if len(kinds) != len(DEFAULT_CHARTS):
            kinds = list(DEFAULT_CHARTS)
        return kinds

    def set_chart_kind(self, slot: int, kind: str) -> None:
        """Show chart ``kind`` in card ``slot`` (0..3) and remember the choice."""
        if kind not in CHART_KINDS or not 0 <= slot < len(self.chart_cards):
            return
        self.chart_cards[slot].kind = kind
        QSettings().setValue(SETTINGS_CHARTS, [c.kind for c in self.chart_cards])
        if self.dash is not None:
            self.chart_cards[slot].set_spec(self.chart_spec(kind))

    def _build_goals(self) -> None:
        self.goals = self.table_block(
            "goal",
            [
                Col("title", label("title"), stretch=1, bold=True),
                Col("baseline", label("baseline"), "float"),
                Col("latest_value", self._latest_title, "float"),
                Col("target", label("target"), "float"),
                Col("progress", lambda: self.tr("Progress"), "percent", tone=_track_tone),
                Col("expected", lambda: self.tr("Expected"), "percent"),
                Col("track", lambda: self.tr("Track"), display=self._track, tone=_track_tone),
                Col("deadline", label("deadline"), "date"),
            ],
            title=self.tr("Goals and their progress"),
            hint=self.tr(
                "A goal is off track when its progress lags more than 10 points "
                "behind the time elapsed. Double-click a goal to open it."
            ),
            empty=self.tr("No goals yet. Set them on the Goals page."),
        )
        self.goals.view.setEditTriggers(self.goals.view.EditTrigger.NoEditTriggers)
        self.goals.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.goals.view.doubleClicked.connect(self._open_goal)
        self.content.addWidget(self.goals.section)

    def _build_about(self) -> None:
        row = QHBoxLayout()
        row.setSpacing(12)
        about = QFrame()
        about.setObjectName("Card")
        box = QVBoxLayout(about)
        box.setContentsMargins(16, 12, 16, 14)
        box.setSpacing(8)
        box.addWidget(self._section_title(self.tr("About this plan")))
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self.name = LineField(lambda v: self.update_row("plan", 1, {"name": v}), max_length=200)
        self.company = LineField(
            lambda v: self.update_row("plan", 1, {"company": v}), max_length=200
        )
        self.currency = QLabel()
        self.period = QLabel()
        form.addRow(texts.field_label("name"), self.name)
        form.addRow(texts.field_label("company"), self.company)
        form.addRow(texts.field_label("currency"), self.currency)
        form.addRow(self.tr("Tactical period"), self.period)
        box.addLayout(form)
        row.addWidget(about, 3)

        counts = QGridLayout()
        counts.setSpacing(12)
        self.card_goals = Card(self.tr("Goals"))
        self.card_actions = Card(self.tr("Actions"))
        self.card_people = Card(self.tr("People"))
        self.card_tests = Card(self.tr("Hypotheses"))
        for i, card in enumerate(
            (self.card_goals, self.card_actions, self.card_people, self.card_tests)
        ):
            counts.addWidget(card, i // 2, i % 2)
        holder = QWidget()
        holder.setLayout(counts)
        counts.setContentsMargins(0, 0, 0, 0)
        row.addWidget(holder, 2)
        self.content.addLayout(row)

    # --- texts ------------------------------------------------------------------------------
    def _latest_title(self) -> str:
        return self.tr("Latest")

    def _track(self, row: Row, _fmt: Any) -> str:
        return {
            "on_track": self.tr("On track"),
            "off_track": self.tr("Off track"),
            "reached": self.tr("Reached"),
        }.get(row.get("track") or "", self.tr("No data"))

    def alert_texts(self, alert: Any) -> tuple[str, str]:
        """The headline and the detail of an alert (``services.dashboard.Alert``)."""
        fmt, p = self.fmt, alert.params
        if alert.kind in ("control_over", "control_overdue"):
            subject = p.get("subject") or self.tr("the whole budget")
            if alert.kind == "control_over":
                head = self.tr("Over the limit: {subject}").format(subject=subject)
                detail = self.tr("{spent} spent of the {limit} limit ({percent}).").format(
                    spent=fmt.money(p["spent_minor"], cents=False),
                    limit=fmt.money(p["limit_minor"], cents=False),
                    percent=fmt.percent(
                        None if p.get("percent") is None else float(p["percent"]) / 100
                    ),
                )
                if p.get("overdue"):
                    detail += " " + self.tr("The check is overdue too.")
            else:
                head = self.tr("Check overdue: {subject}").format(subject=subject)
                detail = self.tr("%n day(s) late", "", int(p.get("days_late") or 0))
                if p.get("controller"):
                    detail += " · " + self.tr("controller: {name}").format(name=p["controller"])
            return head, detail
        if alert.kind == "action_late":
            head = self.tr("Late action: {title}").format(title=p.get("title") or "")
            detail = self.tr("Due {date}, %n day(s) ago", "", int(p.get("days_late") or 0)).format(
                date=fmt.short_date(p.get("due"))
            )
            if p.get("owner"):
                detail += " · " + str(p["owner"])
            return head, detail
        if alert.kind == "week_over":
            week = (
                self.tr("this week")
                if p.get("this_week")
                else self.tr("week {week}").format(week=p.get("iso_week"))
            )
            head = self.tr("Over capacity: {person}, {week}").format(
                person=p.get("person") or "", week=week
            )
            detail = self.tr("{planned} h planned, {capacity} h available.").format(
                planned=fmt.number(p.get("planned_hours"), 1),
                capacity=fmt.number(p.get("capacity_hours"), 1),
            )
            return head, detail
        head = self.tr("Goal off track: {title}").format(title=p.get("title") or "")
        detail = self.tr(
            "{progress} of the way; {expected} expected by the last measurement."
        ).format(progress=fmt.percent(p.get("progress")), expected=fmt.percent(p.get("expected")))
        return head, detail

    # --- loading ----------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self.name.setReadOnly(self.read_only)
        self.company.setReadOnly(self.read_only)
        if doc is None:
            self.dash = None
            for card in self.chart_cards:
                card.view.clear()

    def load(self) -> None:
        from mktplanner.services import dashboard, views

        assert self.doc is not None
        plan = self.doc.plan
        self.dash = dash = dashboard.dashboard(plan)
        self._fill_alerts()
        self._fill_tiles()
        for card in self.chart_cards:
            card.set_spec(self.chart_spec(card.kind))
        rows = views.goal_progress(plan, dash.today)
        self.goals.set_rows(rows)
        self._fit_goals_table()
        self._fill_about(views.plan_profile(plan), views.overview(plan, dash.today), rows)

    def _fill_alerts(self) -> None:
        for row in self.alert_rows:
            self.alert_rows_box.removeWidget(row)
            row.deleteLater()
        self.alert_rows = []
        alerts = list(self.dash.alerts)
        bad = sum(1 for a in alerts if a.severity == "bad")
        if alerts:
            self.alerts_count.setText(str(len(alerts)))
            tone = "bad" if bad else "warn"
            self.alerts_count.setStyleSheet(
                f"background: {theme.tone_color(tone)}; color: white; border-radius: 9px;"
                " padding: 1px 8px; font-weight: 600;"
            )
            self.alerts_count.show()
        else:
            self.alerts_count.hide()
        shown = alerts if self._show_all_alerts else alerts[:ALERTS_SHOWN]
        for alert in shown:
            head, detail = self.alert_texts(alert)
            page = _page_of(alert.table)
            row = AlertRow(alert.severity, head, detail, texts.page_title(page))
            row.activated.connect(lambda a=alert: self.open_alert(a))
            self.alert_rows_box.addWidget(row)
            self.alert_rows.append(row)
        if not alerts:
            row = AlertRow(
                "good",
                self.tr("All clear"),
                self.tr(
                    "No spending over a limit, no overdue checks or late actions, "
                    "no week over capacity, no goal off track."
                ),
                texts.page_title("check"),
            )
            row.activated.connect(lambda: self.open_page("check"))
            self.alert_rows_box.addWidget(row)
            self.alert_rows.append(row)
        hidden = len(alerts) - ALERTS_SHOWN
        self.alerts_more.setVisible(hidden > 0)
        if hidden > 0:
            self.alerts_more.setText(
                self.tr("Show fewer")
                if self._show_all_alerts
                else self.tr("Show all (%n)", "", len(alerts))
            )

    def _toggle_alerts(self) -> None:
        self._show_all_alerts = not self._show_all_alerts
        if self.dash is not None:
            self._fill_alerts()

    def _fill_tiles(self) -> None:
        fmt, k = self.fmt, self.dash.kpis
        if k.goals:
            notes = []
            if k.goals_off_track:
                notes.append(self.tr("%n off track", "", k.goals_off_track))
            if k.goals_reached:
                notes.append(self.tr("%n reached", "", k.goals_reached))
            if not notes:
                notes.append(
                    self.tr("all on track") if k.goals_measured else self.tr("no data yet")
                )
            self.tile_goals.set(
                fmt.percent(k.goal_progress),
                self.tr("%n goal(s)", "", k.goals) + " · " + ", ".join(notes),
                "bad" if k.goals_off_track else "",
                k.goal_progress,
            )
        else:
            self.tile_goals.set("—", self.tr("No goals yet"))
        over_pace = k.budget_actual_minor > k.plan_to_date_minor > 0
        self.tile_budget.set(
            fmt.percent(k.budget_used),
            self.tr("{spent} of {planned}").format(
                spent=fmt.money(k.budget_actual_minor, cents=False),
                planned=fmt.money(k.budget_plan_minor, cents=False),
            )
            + "\n"
            + self.tr("Plan to date: {amount}").format(
                amount=fmt.money(k.plan_to_date_minor, cents=False)
            ),
            "bad" if over_pace else "",
            k.budget_used,
        )
        if k.channels:
            self.tile_cpl.set(
                fmt.money(k.cpl_minor),
                self.tr("%n lead(s)", "", k.leads)
                + " · "
                + self.tr("%n channel(s)", "", k.channels),
            )
            self.tile_romi.set(
                fmt.percent(k.romi),
                self.tr("{revenue} revenue on {spend} spend").format(
                    revenue=fmt.money(k.revenue_minor, cents=False),
                    spend=fmt.money(k.spend_minor, cents=False),
                ),
                "" if k.romi is None else "good" if k.romi >= 0 else "bad",
            )
        else:
            self.tile_cpl.set("—", self.tr("No channel results yet"))
            self.tile_romi.set("—", self.tr("No channel results yet"))
        from mktplanner.ui.widgets.why_panel import overview_thread_figures

        assert self.doc is not None
        figures = overview_thread_figures(self.doc.plan, fmt, self.dash.today)
        for tile, f in zip((self.tile_hours, self.tile_spend), figures, strict=False):
            tile.caption.setText(f.caption)
            tile.set(f.value, f.note, f.tone, f.share)

    def _fill_about(self, profile: Any, o: Row, goal_rows: list[Row]) -> None:
        fmt = self.fmt
        self.name.set_value(profile.name)
        self.company.set_value(profile.company)
        self.currency.setText(f"{profile.currency} ({fmt.currency_symbol()})")
        if profile.tactical_start is not None:
            from mktplanner.domain.rules.dates import add_months

            last = add_months(profile.tactical_start, max(profile.tactical_months, 1) - 1)
            self.period.setText(
                self.tr("{start} – {end} ({months} months)").format(
                    start=fmt.month(profile.tactical_start),
                    end=fmt.month(last),
                    months=profile.tactical_months,
                )
            )
        else:
            self.period.setText("—")
        off = sum(1 for r in goal_rows if r.get("track") == "off_track")
        self.card_goals.set(
            fmt.integer(o["goals"]),
            self.tr("{n} off track").format(n=off) if off else self.tr("none off track"),
            "bad" if off else "good" if o["goals"] else "",
        )
        late, orphan = o["actions_late"], o["actions_without_owner"]
        notes = []
        if late:
            notes.append(self.tr("{n} late").format(n=late))
        if orphan:
            notes.append(self.tr("{n} without owner").format(n=orphan))
        self.card_actions.set(
            fmt.integer(o["actions"]),
            ", ".join(notes) or self.tr("{n} done").format(n=o["actions_done"]),
            "bad" if notes else "",
        )
        self.card_people.set(
            fmt.integer(o["people"]),
            self.tr("{n} weekly plans this week").format(n=o["weekly_plans_this_week"]),
        )
        self.card_tests.set(
            fmt.integer(o["hypotheses"]),
            self.tr("{n} awaiting a decision").format(n=o["hypotheses_open"]),
        )

    def _fit_goals_table(self) -> None:
        view = self.goals.view
        rows = max(1, self.goals.model.rowCount())
        height = view.horizontalHeader().sizeHint().height() + rows * theme.ROW_HEIGHT + 4
        view.setFixedHeight(max(height, 96))

    # --- charts -----------------------------------------------------------------------------
    def chart_spec(self, kind: str) -> ChartSpec:
        """The chart ``kind`` over the loaded figures: title, page, and how to draw it."""
        dash = self.dash
        title = self._chart_titles()[kind]
        page = CHART_PAGE[kind]
        locale = self.fmt.language
        maker = {
            "budget": self._budget_chart,
            "team": self._team_chart,
            "kpi": self._kpi_chart,
            "spend": self._spend_chart,
            "completion": self._completion_chart,
            "swot": self._swot_chart,
        }[kind]
        draw, data, labels, empty, note = maker(dash)
        if data is None:
            return ChartSpec(kind, title, page, None, empty, note)

        def build(size: Any) -> Any:
            import importlib

            module, name = draw
            func = getattr(importlib.import_module(module), name)
            return func(
                data,
                labels,
                locale,
                dark=size.dark,
                width_in=size.width_in,
                height_in=size.height_in,
                dpi=size.dpi,
            )

        return ChartSpec(kind, title, page, build, empty, note)

    def _budget_chart(self, dash: Any) -> tuple[Any, ...]:
        from mktplanner.charts.data import BudgetLabels, BudgetMonth, BudgetSeries

        budget = dash.summary["budget"]
        this_month = dash.today.replace(day=1)
        months = []
        for m in budget["months"]:
            month = dt.date.fromisoformat(m["month"])
            months.append(
                BudgetMonth(
                    month=month,
                    plan_minor=int(m["plan_minor"]),
                    actual_minor=int(m["actual_minor"]) if month <= this_month else None,
                )
            )
        fixed = None
        if budget["mode"] == "bottom_up" and budget["total_minor"]:
            fixed = (
                budget["total_minor"] * len(months)
                if budget["basis"] == "per_month"
                else budget["total_minor"]
            )
        labels = BudgetLabels(
            title="",
            plan=self.tr("Plan"),
            actual=self.tr("Actual"),
            over=self.tr("Over plan"),
            cumulative_plan=self.tr("Plan, cumulative"),
            cumulative_actual=self.tr("Actual, cumulative"),
            total=self.tr("Fixed budget"),
            y_axis=self.tr("Per month"),
            y2_axis=self.tr("Cumulative"),
            no_data=self.tr("No budget lines yet"),
        )
        empty = self.tr("No budget lines yet. Plan the budget on the Budget page.")
        data = BudgetSeries(tuple(months), dash.currency, fixed) if months else None
        return ("mktplanner.charts.budget", "budget_by_month"), data, labels, empty, ""

    def _team_chart(self, dash: Any) -> tuple[Any, ...]:
        from mktplanner.charts.data import TeamLabels, TeamWeek, TeamWeeks

        totals: dict[tuple[int, int], list[float]] = {}
        for c in dash.summary["capacity"]:
            key = (c["iso_year"], c["iso_week"])
            planned, capacity = totals.setdefault(key, [0.0, 0.0])
            totals[key] = [
                planned + (c["planned_hours"] or 0.0),
                capacity + (c["capacity_hours"] or 0.0),
            ]
        # Up to 12 weeks, ending with the week after this one (as the meeting pack shows).
        this = (dash.today.isocalendar()[0], dash.today.isocalendar()[1])
        keys = sorted(totals)
        if this in keys:
            end = keys.index(this) + 2
            keys = keys[max(0, end - 12) : end]
        else:
            keys = keys[-12:]
        labels = TeamLabels(
            title="",
            planned=self.tr("Planned"),
            over=self.tr("Over capacity"),
            capacity=self.tr("Capacity"),
            y_axis=self.tr("Hours"),
            week_tick=self.tr("W{week}"),
            no_data=self.tr("No weekly plans yet"),
        )
        data = (
            TeamWeeks(tuple(TeamWeek(y, w, totals[(y, w)][0], totals[(y, w)][1]) for y, w in keys))
            if keys
            else None
        )
        empty = self.tr("No weekly plans yet. Plan the team's weeks on the Weekly plans page.")
        return ("mktplanner.charts.team", "team_capacity"), data, labels, empty, ""

    def _kpi_chart(self, dash: Any) -> tuple[Any, ...]:
        from mktplanner.charts.data import ChannelKpi, ChannelKpiLabels, ChannelKpis

        rows = tuple(
            ChannelKpi(c["name"], c["cpl_minor"], c["romi"])
            for c in dash.summary["channels"]
            if c["months"]
        )
        labels = ChannelKpiLabels(
            title="",
            cpl=self.tr("Cost per lead"),
            romi=self.tr("ROMI"),
            no_data=self.tr("No channel results yet"),
        )
        empty = self.tr("No channel results yet. Record them on the Results page.")
        data = ChannelKpis(rows, dash.currency) if rows else None
        return ("mktplanner.charts.channels", "cpl_romi_by_channel"), data, labels, empty, ""

    def _spend_chart(self, dash: Any) -> tuple[Any, ...]:
        from mktplanner.charts.data import ChannelAmount, ChannelSpend, ChannelSpendLabels

        rows = tuple(
            ChannelAmount(c["name"], c["spend_minor"])
            for c in dash.summary["channels"]
            if c["spend_minor"]
        )
        labels = ChannelSpendLabels(
            title="", x_axis=self.tr("Spend"), no_data=self.tr("No spend recorded")
        )
        empty = self.tr("No spend recorded in the channels' results yet.")
        data = ChannelSpend(rows, dash.currency) if rows else None
        return ("mktplanner.charts.channels", "spend_by_channel"), data, labels, empty, ""

    def _completion_chart(self, dash: Any) -> tuple[Any, ...]:
        from mktplanner.charts.data import CompletionLabels, PersonCompletion, PersonShare

        people = tuple(
            PersonShare(f.name, f.done_share) for f in dash.last_week_team if f.weekly_plan_id
        )
        labels = CompletionLabels(
            title="", x_axis=self.tr("Tasks done"), no_data=self.tr("No weekly plans")
        )
        year, week = dash.last_week
        note = self.tr("last week, W{week}").format(week=week)
        empty = self.tr("No weekly plans last week.")
        data = PersonCompletion(people) if people else None
        return ("mktplanner.charts.team", "weekly_completion"), data, labels, empty, note

    def _swot_chart(self, dash: Any) -> tuple[Any, ...]:
        from mktplanner.charts.data import SwotCounts, SwotLabels

        s = dash.swot
        counts = SwotCounts(s["S"], s["W"], s["O"], s["T"])
        labels = SwotLabels(
            title="",
            strengths=self.tr("Strengths"),
            weaknesses=self.tr("Weaknesses"),
            opportunities=self.tr("Opportunities"),
            threats=self.tr("Threats"),
            internal=self.tr("Internal"),
            external=self.tr("External"),
            y_axis=self.tr("Items"),
            no_data=self.tr("No SWOT items yet"),
        )
        empty = self.tr("No SWOT items yet. Start the analysis on the SWOT page.")
        data = counts if counts.total else None
        return ("mktplanner.charts.swot", "swot_counts"), data, labels, empty, ""

    # --- going places -----------------------------------------------------------------------
    def _main_window(self) -> Any:
        win = self.window()
        return win if hasattr(win, "show_object") else None

    def open_page(self, page_id: str) -> None:
        win = self._main_window()
        if win is not None and page_id:
            win.show_page(page_id)

    def open_alert(self, alert: Any) -> bool:
        """Show the row an alert is about on its page."""
        win = self._main_window()
        if win is None:
            return False
        if win.show_object(alert.table, alert.id):
            return True
        win.show_page(_page_of(alert.table))
        return False

    def _open_goal(self, index: Any) -> None:
        row = self.goals.view.current_row()
        if row is not None and row.get("id") is not None:
            win = self._main_window()
            if win is not None:
                win.show_object("goal", int(row["id"]))

    def current_object(self) -> tuple[str, int] | None:
        if self.goals.view.hasFocus():
            row = self.goals.view.current_row()
            if row is not None and row.get("id") is not None:
                return "goal", int(row["id"])
        return None

    def sizeHint(self) -> QSize:
        return QSize(1000, 700)


def _page_of(table: str) -> str:
    from mktplanner.ui.main_window import PAGE_OF_TABLE

    return PAGE_OF_TABLE.get(table, "overview")


def _track_tone(row: Row) -> str | None:
    return {"off_track": "bad", "reached": "good", "unknown": "muted"}.get(row.get("track") or "")
