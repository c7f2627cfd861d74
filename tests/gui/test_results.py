"""The results page on the demo: KPIs per channel and month with "—" where a ratio has nothing to
divide by, the reallocation hint, spend from the expenses or typed in, a month's row made by
typing a figure (one undo step), all months read-only, and Russian formats."""

from __future__ import annotations

import datetime as dt
import html
import re
from typing import Any

import pytest
from gui.helpers import cells, find_row
from PySide6.QtCore import Qt

from mktplanner.ui.models.table import ToneRole

pytestmark = pytest.mark.timeout(90)

THIS_MONTH = dt.date.today().replace(day=1)


def plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", text))


def _page(window: Any) -> Any:
    window.show_page("results")
    return window.pages["results"]


def _value(page: Any, channel: str, key: str) -> str:
    model = page.results.model
    return cells(model, key)[find_row(model, "channel_name", channel)]


def test_latest_month_with_kpis_and_dashes(opened: Any) -> None:
    page = _page(opened)
    last_month = (THIS_MONTH - dt.timedelta(days=1)).replace(day=1)
    assert page._month == last_month
    assert page.month_box.currentText() == opened.doc.fmt.month(last_month)
    channels = cells(page.results.model, "channel_name")
    assert channels == [
        "Context ads",
        "Social media",
        "Outdoor",
        "Tastings and events",
        "All channels",
    ]
    # Outdoor has no clicks: CPC is not defined ("—"), CTR is 0.
    assert _value(page, "Outdoor", "cpc_minor") == "—"
    assert _value(page, "Outdoor", "ctr") == "0.0%"
    # Context ads last month: $225 spent (four top-ups less a $15 refund) for 18 leads.
    assert _value(page, "Context ads", "spend_minor") == "$225"
    assert _value(page, "Context ads", "cpl_minor") == "$12.50"
    model = page.results.model
    spend = model.index(
        find_row(model, "channel_name", "Context ads"), model.column_of("spend_minor")
    )
    assert spend.data(ToneRole) == "muted"  # taken from the expenses
    assert "Taken from the expenses" in spend.data(Qt.ItemDataRole.ToolTipRole)
    shares = [r["spend_share"] for r in model.rows if not r.get("total")]
    assert sum(shares) == pytest.approx(1.0)
    # The total row adds the channels up and cannot be edited.
    total = model.rowCount() - 1
    assert cells(model, "leads")[total] == str(sum(r["leads"] for r in model.rows[:-1]))
    assert (
        not model.flags(model.index(total, model.column_of("leads"))) & Qt.ItemFlag.ItemIsEditable
    )


def test_reallocation_hint_names_both_channels(opened: Any) -> None:
    page = _page(opened)
    hint = plain(page.hint_sentences())
    assert "Leads from" in hint and "Context ads" in hint and "times as much" in hint
    assert "Consider moving money from Context ads to" in hint


def test_typing_a_figure_makes_the_month_row_in_one_step(opened: Any) -> None:
    page = _page(opened)
    page.show_month(THIS_MONTH)
    model = page.results.model
    row = find_row(model, "channel_name", "Context ads")
    assert model.rows[row]["months"] == 0 and _value(page, "Context ads", "cpl_minor") == "—"
    before = opened.doc.stack.count()
    assert model.setData(model.index(row, model.column_of("leads")), 12)
    assert opened.doc.stack.count() == before + 1
    assert _value(page, "Context ads", "leads") == "12"
    assert _value(page, "Context ads", "cpl_minor") == "$27.50"  # $330 spent this month / 12
    # Spend typed in wins over the expenses; clearing it goes back to them.
    row = find_row(model, "channel_name", "Context ads")
    assert model.setData(model.index(row, model.column_of("spend_minor")), 24000)
    assert _value(page, "Context ads", "cpl_minor") == "$20"
    row = find_row(model, "channel_name", "Context ads")
    assert model.setData(model.index(row, model.column_of("spend_minor")), None)
    assert _value(page, "Context ads", "spend_minor") == "$330"
    opened.undo()
    opened.undo()
    opened.undo()
    assert _value(page, "Context ads", "leads") == "0"
    assert model.rows[find_row(model, "channel_name", "Context ads")]["months"] == 0


def test_all_months_are_summed_and_read_only(opened: Any) -> None:
    page = _page(opened)
    page.month_box.setCurrentIndex(0)
    page.month_box.activated.emit(0)
    model = page.results.model
    assert page.month_box.currentText() == "All months"
    assert model.read_only
    row = find_row(model, "channel_name", "Social media")
    assert not model.setData(model.index(row, model.column_of("leads")), 1)
    assert int(_value(page, "Social media", "leads").replace(",", "")) > 74


def test_russian_formats(opened: Any) -> None:
    opened.set_language("ru")
    page = _page(opened)
    assert "Все каналы" in cells(page.results.model, "channel_name")
    cpl = _value(page, "Context ads", "cpl_minor")
    assert cpl.endswith("$") and "," in cpl  # "12,50 $"
    assert "Заявка из канала" in plain(page.hint_sentences())


def test_show_object_opens_the_month_and_channel_of_a_result_row(opened: Any) -> None:
    """A finding or the Why? panel pointing at a result row shows its month with its channel
    selected."""
    from mktplanner.services import budget

    plan = opened.doc.plan
    month = next(m for m in budget.result_months(plan) if m < THIS_MONTH - dt.timedelta(days=40))
    older = next(r for r in budget.result_rows(plan, month).rows if r.result_id is not None)
    opened.show_page("overview")
    assert opened.show_object("channel_result", older.result_id)
    page = opened.pages["results"]
    assert opened.current_page_id() == "results"
    assert page._month == month
    assert page.results.view.current_row()["channel_name"] == older.channel_name
    assert page.month_box.currentText() == opened.doc.fmt.month(month)
    assert not opened.show_object("channel_result", 999_999)
