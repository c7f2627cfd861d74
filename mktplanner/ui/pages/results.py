"""Results: each channel's figures of a month (or of every month) and the KPIs derived from
them, with a hint where the money would work harder.

Spend is the month's expenses on the channel unless a figure is typed in (an ad account's
spend, say); CTR, CPC, CPL, conversion, CAC, ROMI and the share of spend are derived by
``domain.rules.kpi`` and show "—" where a ratio has nothing to divide by. Typing a figure of
a channel that has none for the month makes its row (one undo step).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton

from mktplanner.ui import dialogs, texts, theme
from mktplanner.ui.fmt import DASH
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.pages.base import Page, label
from mktplanner.ui.widgets.table import CellDelegate, DataTable, TableSection

Index = QModelIndex | QPersistentModelIndex
ALL_MONTHS = "all"


class _ResultsModel(RowTableModel):
    """Channel rows plus a total row (shaded, never editable); headers explain themselves."""

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.columns)
        ):
            col = self.columns[section]
            if col.tooltip is not None:
                return col.tooltip({})
        return super().headerData(section, orientation, role)

    def _is_total(self, index: Index) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        return bool(row and row.get("total"))

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._is_total(index):
            return flags & ~Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and self._is_total(index):
            from PySide6.QtGui import QColor

            return QColor(theme.colors()["header"])
        return super().data(index, role)


class _ResultsTable(DataTable):
    """Fourteen columns of figures: when they do not fit, each gives up some of its padding
    (values stay whole, a header may be shortened; its tooltip says it in full)."""

    def fit_columns(self) -> None:
        super().fit_columns()
        header = self.horizontalHeader()
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        model = self.row_model
        count = len(model.columns)
        if not count:
            return
        metrics = self.fontMetrics()
        # The channel's name first: the figures can spare a little of their padding for it.
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        names = [str(model.data(model.index(r, 0)) or "") for r in range(model.rowCount())]
        name_width = max((QFontMetrics(bold).horizontalAdvance(n) for n in names), default=0)
        header.resizeSection(0, max(header.sectionSize(0), min(name_width + 26, 160)))
        over = sum(header.sectionSize(i) for i in range(count)) - self.viewport().width()
        if over <= 0:
            return
        tight = []
        for i in range(count):
            widest = max(
                (
                    metrics.horizontalAdvance(str(model.data(model.index(r, i)) or ""))
                    for r in range(min(model.rowCount(), 200))
                ),
                default=0,
            )
            tight.append(max(widest + 22, 48) if i else min(name_width + 26, 120))
        slack = [max(0, header.sectionSize(i) - tight[i]) for i in range(count)]
        total = sum(slack)
        if not total:
            return
        give = min(over, total)
        for i in range(count):
            cut = give * slack[i] // total
            header.resizeSection(i, header.sectionSize(i) - cut)
        left = sum(header.sectionSize(i) for i in range(count)) - self.viewport().width()
        if left > 0:  # what the rounding left over, from the roomiest column
            roomy = max(range(count), key=lambda i: header.sectionSize(i) - tight[i])
            header.resizeSection(roomy, header.sectionSize(roomy) - left)


def _kpi_money(key: str) -> Any:
    def text(row: Row, fmt: Any) -> str:
        """Cents only where they matter: below 100 of the currency."""
        value = row.get(key)
        if value is None:
            return DASH
        from babel.numbers import get_currency_precision

        hundred = 100 * 10 ** int(get_currency_precision(fmt.currency))
        return fmt.money(value, cents=None if abs(value) < hundred else False)

    return text


def _romi_tone(row: Row) -> str | None:
    romi = row.get("romi")
    if romi is None:
        return "muted"
    return "good" if romi > 0 else "bad"


def _spend_tone(row: Row) -> str | None:
    return "muted" if row.get("derived_spend") else None


class ResultsPage(Page):
    page_id = "results"
    tables = frozenset({"channel_result", "channel", "expense", "action", "plan"})

    def subtitle(self) -> str:
        return self.tr(
            "What each channel brought for its money: reach, leads, customers and revenue, "
            "and what one lead or one customer cost."
        )

    def build(self) -> None:
        self._month: Any = None  # a date, or ALL_MONTHS
        self._months: list[Any] = [ALL_MONTHS]  # what the month box lists, in its order
        self.view_data: Any = None
        bar = QHBoxLayout()
        bar.setSpacing(10)
        caption = QLabel(self.tr("&Month"))
        caption.setObjectName("SectionTitle")
        self.month_box = QComboBox()
        self.month_box.setObjectName("ResultsMonth")
        self.month_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.month_box.activated.connect(self._month_picked)
        caption.setBuddy(self.month_box)
        self.import_button = QPushButton(theme.icon("open"), self.tr("&Import from CSV…"))
        self.import_button.clicked.connect(self.import_csv)
        bar.addWidget(caption)
        bar.addWidget(self.month_box)
        bar.addStretch(1)
        bar.addWidget(self.import_button)
        self.body.addLayout(bar)

        self.hint = QFrame()
        self.hint.setObjectName("Card")
        hint_layout = QHBoxLayout(self.hint)
        hint_layout.setContentsMargins(14, 10, 14, 10)
        hint_layout.setSpacing(10)
        icon = QLabel()
        icon.setPixmap(theme.icon("info", theme.colors()["accent"]).pixmap(20, 20))
        hint_layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        self.hint_text = QLabel()
        self.hint_text.setObjectName("ReallocationHint")
        self.hint_text.setWordWrap(True)
        self.hint_text.setTextFormat(Qt.TextFormat.RichText)
        hint_layout.addWidget(self.hint_text, 1)
        self.hint.hide()
        self.body.addWidget(self.hint)

        money_kpi: dict[str, Any] = {"max_width": 110}
        columns = [
            Col("channel_name", label("channel_id"), bold=True, max_width=140),
            Col(
                "spend_minor",
                label("spend_minor"),
                "money",
                field="spend_minor",
                edit_key="spend_entered_minor",
                tone=_spend_tone,
                tooltip=self._spend_tip,
            ),
            Col(
                "impressions",
                lambda: self.tr("Impr."),
                "int",
                field="impressions",
                nullable=False,
                tooltip=self._tip("impressions"),
            ),
            Col("clicks", label("clicks"), "int", field="clicks", nullable=False),
            Col("leads", label("leads"), "int", field="leads", nullable=False),
            Col(
                "customers",
                lambda: self.tr("Cust."),
                "int",
                field="customers",
                nullable=False,
                tooltip=self._tip("customers"),
            ),
            Col(
                "revenue_minor",
                label("revenue_minor"),
                "money",
                field="revenue_minor",
                nullable=False,
            ),
            Col("ctr", lambda: "CTR", "percent", digits=1, tooltip=self._tip("ctr")),
            Col(
                "cpc_minor",
                lambda: "CPC",
                "money",
                tooltip=self._tip("cpc"),
                display=_kpi_money("cpc_minor"),
                **money_kpi,
            ),
            Col(
                "cpl_minor",
                lambda: "CPL",
                "money",
                tooltip=self._tip("cpl"),
                display=_kpi_money("cpl_minor"),
                **money_kpi,
            ),
            Col(
                "conversion",
                lambda: self.tr("Conv."),
                "percent",
                tooltip=self._tip("conversion"),
            ),
            Col(
                "cac_minor",
                lambda: "CAC",
                "money",
                tooltip=self._tip("cac"),
                display=_kpi_money("cac_minor"),
                **money_kpi,
            ),
            Col("romi", lambda: "ROMI", "percent", tone=_romi_tone, tooltip=self._tip("romi")),
            Col(
                "spend_share",
                lambda: self.tr("Share"),
                "percent",
                tooltip=self._tip("share"),
            ),
        ]
        model = _ResultsModel(columns, fmt=lambda: self.fmt, on_edit=self._edit, dark=theme.is_dark)
        view = _ResultsTable(model)
        view.setItemDelegate(CellDelegate(model, lambda: self.fmt, self.parse_error, view))
        view.set_empty_text(self.tr("No channels yet. Add channels on the Budget page first."))
        section = TableSection(
            self.tr("Channel results"),
            self.tr(
                "Spend in grey is the month's expenses on the channel; type a figure to use "
                "another. “—”: not defined (nothing to divide by)."
            ),
            view,
        )
        self.results = SimpleNamespace(model=model, view=view, section=section)
        self.body.addWidget(self.results.section, 1)

    # --- texts ------------------------------------------------------------------------------
    def _tip(self, kpi: str) -> Any:
        tips = {
            "impressions": self.tr("Impressions: how often the ads were shown"),
            "customers": self.tr("Customers: new customers the channel brought"),
            "ctr": self.tr("CTR: clicks per impression"),
            "cpc": self.tr("CPC: spend per click"),
            "cpl": self.tr("CPL: spend per lead"),
            "conversion": self.tr("Conversion: customers per lead"),
            "cac": self.tr("CAC: spend per new customer"),
            "romi": self.tr("ROMI: (revenue − spend) / spend"),
            "share": self.tr("The channel's share of the spend shown"),
        }
        text = tips[kpi]
        return lambda _row: text

    def _spend_tip(self, row: Row) -> str:
        if row.get("derived_spend"):
            return self.tr("Taken from the expenses of this channel (and its actions)")
        if row.get("spend_entered_minor") is not None and not row.get("total"):
            return self.tr("Typed in; clear it (Delete) to take it from the expenses")
        return ""

    # --- loading ----------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self.import_button.setEnabled(not self.read_only)

    def load(self) -> None:
        from mktplanner.services import budget

        assert self.doc is not None
        plan = self.doc.plan
        months = budget.result_months(plan)
        if self._month is None or (self._month != ALL_MONTHS and self._month not in months):
            self._month = budget.latest_result_month(plan) or (months[0] if months else ALL_MONTHS)
        self._months = [ALL_MONTHS, *months]
        self.month_box.clear()
        self.month_box.addItem(self.tr("All months"))
        for m in months:
            self.month_box.addItem(self.fmt.month(m))
        self.month_box.setCurrentIndex(self._months.index(self._month))
        month = None if self._month == ALL_MONTHS else self._month
        view = self.view_data = budget.result_rows(plan, month)
        rows = [r.as_row() for r in view.rows]
        for r in rows:
            r["id"] = r["channel_id"]  # the row's identity on this page is its channel
            r["derived_spend"] = month is not None and r["spend_entered_minor"] is None
        total = view.total.as_row()
        total.update(id=None, total=True, channel_name=self.tr("All channels"), spend_share=None)
        self.results.model.read_only = self.read_only or month is None
        self.results.model.set_rows([*rows, total] if rows else [])
        self._show_hints(view)

    def _show_hints(self, view: Any) -> None:
        fmt = self.fmt
        hints = view.hints[:2]
        if not hints:
            self.hint.hide()
            return
        lines = []
        for h in hints:
            lines.append(
                self.tr(
                    "Leads from <b>{cheap}</b> cost {cheap_cpl}; from <b>{expensive}</b>, "
                    "{expensive_cpl} — {ratio} times as much."
                ).format(
                    cheap=_escape(view.names[h.cheap]),
                    cheap_cpl=fmt.money(h.cheap_cpl_minor),
                    expensive=_escape(view.names[h.expensive]),
                    expensive_cpl=fmt.money(h.expensive_cpl_minor),
                    ratio=fmt.number(h.ratio, 1),
                )
            )
        first = hints[0]
        advice = self.tr("Consider moving money from {expensive} to {cheap}.").format(
            expensive=_escape(view.names[first.expensive]), cheap=_escape(view.names[first.cheap])
        )
        self.hint_text.setText("<br>".join(lines) + "<br>" + advice)
        self.hint.show()

    def hint_sentences(self) -> str:
        return self.hint_text.text() if self.hint.isVisible() else ""

    def _month_picked(self, index: int) -> None:
        if 0 <= index < len(self._months):
            self._month = self._months[index]
            self.refresh()

    def show_month(self, month: dt.date | str) -> None:
        self._month = month
        self.refresh()

    # --- edits ------------------------------------------------------------------------------
    def _edit(self, row: Row, col: Col, value: Any) -> bool:
        from mktplanner.services import budget

        if self.doc is None or row.get("total") or col.field is None:
            return False
        if self._month in (None, ALL_MONTHS):
            return False
        try:
            edit = budget.result_edit(
                self.doc.plan, int(row["channel_id"]), self._month, {col.field: value}
            )
        except Exception as exc:  # noqa: BLE001 - shown like every refused edit
            dialogs.show_edit_error(self.window(), exc, texts.edit_label("edit_channel_result"))
            return False
        return self.push(edit)

    def import_csv(self) -> Any:
        from mktplanner.ui.widgets.import_wizard import open_import

        if self.doc is None:
            return None
        return open_import(self.window(), self.doc, "results")

    def select_object(self, table: str, ident: int) -> bool:
        if table != "channel_result" or self.doc is None:
            return super().select_object(table, ident)
        from mktplanner.services.budget import result_place

        place = result_place(self.doc.plan, ident)
        if place is None:
            return False
        channel_id, month = place
        self._month = month
        self.refresh()
        return self.results.view.select_id(channel_id)

    def current_object(self) -> tuple[str, int] | None:
        return None


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
