"""The Overview dashboard on the demo plan: alerts first, key figures, charts that come later
and can be saved, everything clickable through to its page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

pytestmark = pytest.mark.timeout(120)


def _overview(window: Any) -> Any:
    window.show_page("overview")
    page = window.pages["overview"]
    assert window.stack.currentWidget() is page and page.isVisible()
    return page


def _rows(page: Any) -> list[Any]:
    return list(page.alert_rows)


def _charts_drawn(qtbot: Any, page: Any) -> None:
    # Each card's own view, not chart_view.wait_for_charts(): that one also looks at views
    # of windows that earlier tests closed.
    def drawn() -> bool:
        return all(c.view.figure is not None and not c.view.pending for c in page.chart_cards)

    qtbot.waitUntil(drawn, timeout=60_000)


def test_alerts_come_first_with_the_demo_findings(opened: Any) -> None:
    from mktplanner.ui import theme

    page = _overview(opened)
    content = page.content
    alerts_box = page.alert_rows[0].parentWidget()
    assert content.indexOf(alerts_box) == 0  # before the tiles and the charts
    rows = _rows(page)
    texts = [r.text() for r in rows]
    assert len(rows) == 4, texts
    assert page.alerts_count.text() == "4"
    # The over-limit control point first, in red.
    first = rows[0]
    assert first.tone == "bad"
    assert first.head.text() == "Over the limit: Context ads"
    assert first.detail.text().startswith("$330 spent of the $250 limit")
    assert theme.tone_color("bad") in first.head.styleSheet()
    assert first.link.text().startswith("Budget & control")
    # Then the late action, the week over capacity and the goal off track (amber).
    assert rows[1].head.text() == "Late action: Join a delivery aggregator"
    assert rows[2].head.text() == "Over capacity: Igor Peters, this week"
    assert rows[2].detail.text() == "19.0 h planned, 15.6 h available."
    assert rows[3].head.text() == "Goal off track: Launch delivery and take-away orders"
    assert [r.tone for r in rows[1:]] == ["warn", "warn", "warn"]
    assert theme.tone_color("warn") in rows[1].head.styleSheet()


def test_key_figure_tiles_show_the_demo_values(opened: Any) -> None:
    from mktplanner.services.summary import summarize

    page = _overview(opened)
    fmt = opened.doc.fmt
    summary = summarize(opened.doc.plan)
    budget = summary["budget"]
    thread = summary["golden_thread"]

    assert page.tile_goals.value.text() == "32%"  # (60 % + 30 % + 6 %) / 3
    assert "1 off track" in page.tile_goals.note.text()
    assert page.tile_budget.value.text() == fmt.percent(
        budget["actual_minor"] / budget["plan_minor"]
    )
    assert f"of {fmt.money(budget['plan_minor'], cents=False)}" in page.tile_budget.note.text()
    assert fmt.money(budget["plan_minor"], cents=False) == "$4,700"
    assert page.tile_cpl.value.text() == "$4.55"  # $4,370 of spend for 961 leads
    assert page.tile_cpl.note.text() == "961 leads · 4 channels"
    assert page.tile_romi.value.text() == "174%"  # ($11,960 − $4,370) / $4,370
    assert page.tile_hours.caption.text() == "Hours on goals"
    assert page.tile_hours.value.text() == fmt.percent(thread["hours_share"])
    assert page.tile_spend.caption.text() == "Spend on goals"
    assert page.tile_spend.value.text() == fmt.percent(thread["spend_share"])
    # The plan's profile and contents stay on the page, below the dashboard.
    assert page.card_goals.value.text() == "3"
    assert page.card_actions.value.text() == "14"


@pytest.mark.parametrize(
    ("index", "page_id", "selected"),
    [
        (0, "budget", ("control_point", 1)),
        (1, "tactics", None),  # the tactical page does not select a row from outside yet
        (2, "weekly", ("weekly_plan", 7)),
        (3, "goals", ("goal", 3)),
    ],
)
def test_clicking_an_alert_opens_its_row(
    opened: Any, qtbot: Any, index: int, page_id: str, selected: tuple[str, int] | None
) -> None:
    page = _overview(opened)
    row = _rows(page)[index]
    qtbot.mouseClick(row, Qt.MouseButton.LeftButton)
    assert opened.current_page_id() == page_id
    if selected is not None:
        assert opened.current_object() == selected


def test_tiles_and_charts_open_their_pages(opened: Any, qtbot: Any) -> None:
    page = _overview(opened)
    qtbot.mouseClick(page.tile_cpl, Qt.MouseButton.LeftButton)
    assert opened.current_page_id() == "results"
    page = _overview(opened)
    page.tile_goals.setFocus()
    qtbot.keyClick(page.tile_goals, Qt.Key.Key_Return)
    assert opened.current_page_id() == "goals"
    page = _overview(opened)
    card = page.chart_cards[0]
    assert card.kind == "budget"
    qtbot.mouseClick(card.view, Qt.MouseButton.LeftButton)
    assert opened.current_page_id() == "budget"
    page = _overview(opened)
    page.chart_cards[1].open_button.click()
    assert opened.current_page_id() == "weekly"


def test_charts_are_drawn_after_the_page_is_shown(opened: Any, qtbot: Any) -> None:
    page = opened.pages["overview"]
    opened.show_page("goals")
    page.mark_dirty()
    opened.show_page("overview")  # load() runs now; the charts only later
    assert all(card.view.figure is None or card.view.pending for card in page.chart_cards)
    _charts_drawn(qtbot, page)
    titles = [c.title.text() for c in page.chart_cards]
    assert titles == [
        "Budget: plan and actual by month",
        "Team hours against capacity",
        "Cost per lead and ROMI by channel",
        "Spend by channel",
    ]
    # The budget chart plots the plan of the six months of the tactical period.
    budget_fig = page.chart_cards[0].view.figure
    heights = sorted({round(p.get_height()) for p in budget_fig.axes[0].patches})
    assert 900 in heights and 750 in heights  # $900 in the fourth month, $750 in others


def test_a_chart_saves_as_png_and_svg_from_its_menu(
    opened: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    page = _overview(opened)
    _charts_drawn(qtbot, page)
    view = page.chart_cards[0].view
    menu = view.menu()
    actions = {a.text(): a for a in menu.actions()}
    assert {"Copy chart", "Save as PNG…", "Save as SVG…"} <= set(actions)
    dialogs.save_paths.append(str(tmp_path / "budget.png"))
    actions["Save as PNG…"].trigger()
    png = (tmp_path / "budget.png").read_bytes()
    assert png.startswith(b"\x89PNG") and len(png) > 5000
    dialogs.save_paths.append(str(tmp_path / "budget"))  # the extension is added
    actions["Save as SVG…"].trigger()
    svg = (tmp_path / "budget.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "Plan, cumulative" in svg
    assert actions["Copy chart"].isEnabled()


def test_the_card_menu_swaps_the_chart_and_remembers_it(opened: Any, qtbot: Any) -> None:
    from PySide6.QtCore import QSettings

    page = _overview(opened)
    card = page.chart_cards[3]
    card._fill_menu()
    kinds = [a for a in card.menu.actions() if a.isCheckable()]
    assert [a.text() for a in kinds] == [
        "Budget: plan and actual by month",
        "Team hours against capacity",
        "Cost per lead and ROMI by channel",
        "Spend by channel",
        "Tasks done by person",
        "SWOT items",
    ]
    kinds[-1].trigger()
    assert card.kind == "swot"
    assert card.title.text() == "SWOT items"
    assert card.page_id == "strategy"
    assert list(QSettings().value("overview/charts")) == ["budget", "team", "kpi", "swot"]
    _charts_drawn(qtbot, page)
    bars = [round(p.get_height()) for p in card.view.figure.axes[0].patches][:4]
    assert bars == [3, 3, 2, 2]  # strengths, weaknesses, opportunities, threats


def test_double_click_on_a_goal_opens_it(opened: Any, qtbot: Any) -> None:
    page = _overview(opened)
    view = page.goals.view
    model = page.goals.model
    row = [model.rows[i]["title"] for i in range(model.rowCount())].index(
        "Launch delivery and take-away orders"
    )
    index = model.index(row, 0)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.current_page_id() == "goals"
    assert opened.current_object() == ("goal", 3)


def test_all_clear_when_nothing_needs_attention(opened: Any, tmp_path: Path) -> None:
    from mktplanner.services.plans import new_plan

    opened.set_document(None)
    plan = new_plan(tmp_path / "empty.mktplan", name="Empty", currency="EUR", language="en")
    plan.close()
    assert opened.open_path(tmp_path / "empty.mktplan", page_id="overview")
    page = _overview(opened)
    rows = _rows(page)
    assert len(rows) == 1 and rows[0].tone == "good"
    assert rows[0].head.text() == "All clear"
    assert page.tile_cpl.value.text() == "—"
    assert page.chart_cards[0].view.figure is None  # no data: a sentence, no chart
    assert not page.alerts_count.isVisible()


def test_the_overview_in_russian(opened: Any) -> None:
    opened.set_language("ru")
    page = _overview(opened)
    rows = _rows(page)
    assert rows[0].head.text() == "Превышен лимит: Context ads"
    assert page.tile_goals.caption.text() == "Прогресс целей"
    assert page.chart_cards[0].title.text() == "Бюджет по месяцам"
    assert page.tile_cpl.value.text().endswith("$")  # "4,55 $"


def test_loading_the_overview_imports_no_matplotlib(tmp_path: Path, demo_file: Path) -> None:
    """Start-up stays light: the overview reads its figures and builds its chart data
    without matplotlib; only the background chart renderer imports it, later."""
    code = (
        "import sys\n"
        "from mktplanner.ui.app import application\n"
        "app = application()\n"
        "from mktplanner.ui.main_window import MainWindow\n"
        "w = MainWindow('en')\n"
        f"assert w.open_path({str(demo_file)!r}, page_id='overview')\n"
        "page = w.pages['overview']\n"
        "page.refresh()\n"
        "assert page.alert_rows and page.tile_cpl.value.text() == '$4.55'\n"
        "print('MPL', 'matplotlib' in sys.modules)\n"
        "w.set_document(None)\n"
    )
    env = {
        **__import__("os").environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MKTPLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
    }
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=90
    )
    assert result.returncode == 0, result.stderr
    assert "MPL False" in result.stdout
