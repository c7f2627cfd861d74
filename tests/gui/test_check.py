"""The plan check page and the golden thread, as the user sees and uses them on the demo plan.

The demo is built to trigger findings (services.demo.FACTS): goal 2 has no deadline (SMART
"T"), action 7 is late, action 5 has no owner, control point 1 is over its limit, and
person 2's current week is over capacity.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl

from mktplanner.services.demo import FACTS
from mktplanner.ui.pages import check as check_mod

pytestmark = pytest.mark.timeout(60)

REASON = "No deadline until the spring menu is agreed"


def show_check(window: Any) -> Any:
    window.show_page("check")
    page = window.pages["check"]
    assert page.isVisible()
    return page


def rows(page: Any) -> list[tuple[str, str, str]]:
    return page.shown_findings()


def row_of(page: Any, sentence_part: str) -> tuple[str, str, str]:
    found = [r for r in rows(page) if sentence_part in r[1]]
    assert len(found) == 1, (sentence_part, rows(page))
    return found[0]


def selected_id(page: Any, table: str) -> int | None:
    """The id of the row of ``table`` selected on ``page`` (the page's own say, else its
    table of that table)."""
    current = page.current_object()
    if current is not None and current[0] == table:
        return int(current[1])
    for block in getattr(page, "_blocks", []):
        if block.table == table:
            row = block.view.current_row()
            return None if row is None else row.get("id")
    return None


def double_click(qtbot: Any, page: Any, code: str, ref: str) -> None:
    assert page.select_finding(code, ref)
    item = page.tree.currentItem()
    page.tree.scrollToItem(item)
    pos = page.tree.visualItemRect(item).center()
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.mouseDClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=pos)


def db_rows(path: Path, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


# --- the findings ----------------------------------------------------------------------------


def test_the_demo_findings_are_on_the_page(opened: Any) -> None:
    from mktplanner.services import health

    page = show_check(opened)
    problem = row_of(page, "over the limit of a control point")
    assert problem == (
        "Problems · Control (1)",
        "Spending is over the limit of a control point.",
        "Review the spending and the limit.",
    )
    group, _, step = row_of(page, "Goal “Raise the average check” is not SMART: T.")
    assert group.startswith("Warnings · Strategy") and step == "Set a deadline."
    group, sentence, step = row_of(page, "Join a delivery aggregator")
    assert group.startswith("Warnings · Tactics") and "was due" in sentence
    assert step == "Mark it done, or move its due date."
    group, _, step = row_of(page, "Action “Leaflets for the complex's mailboxes” has no owner.")
    assert step == "Choose who is responsible."
    group, sentence, _ = row_of(page, "Igor Peters, week")
    assert group == "Warnings · Weekly work (1)"
    assert sentence.endswith(
        f": {FACTS.over_capacity_week_hours:g} h planned, capacity {FACTS.capacity_unplannable:g} h."
    )
    # most serious first
    groups = [r[0] for r in rows(page)]
    assert groups[0].startswith("Problems") and groups[-1].startswith("Tips")

    report = health.check(opened.doc.plan)
    assert page.score_label.text() == f"{report.passed} of {report.total} checks passed"
    assert page.score_value.text() == f"{round(report.score * 100)}%"
    counts = report.counts
    assert page.counts.text() == (
        f"Problems: {counts['error']} · Warnings: {counts['warning']} · Tips: {counts['info']}"
    )
    assert len(rows(page)) == len(report.findings)


@pytest.mark.parametrize(
    ("code", "ref", "page_id", "table", "ident"),
    [
        ("action_overdue", f"action:{FACTS.action_late}", "tactics", "action", FACTS.action_late),
        (
            "goal_not_smart",
            f"goal:{FACTS.goal_without_deadline}",
            "goals",
            "goal",
            FACTS.goal_without_deadline,
        ),
        (
            "control_over_limit",
            f"control_point:{FACTS.control_over}",
            "budget",
            "control_point",
            FACTS.control_over,
        ),
        (
            "week_over_capacity",
            f"weekly_plan:{FACTS.weekly_plan_over_capacity}",
            "weekly",
            "weekly_plan",
            FACTS.weekly_plan_over_capacity,
        ),
    ],
)
def test_double_clicking_a_finding_opens_what_it_concerns(
    opened: Any, qtbot: Any, code: str, ref: str, page_id: str, table: str, ident: int
) -> None:
    page = show_check(opened)
    double_click(qtbot, page, code, ref)
    assert opened.current_page_id() == page_id
    target = opened.pages[page_id]
    assert target.isVisible()
    if page_id in ("tactics", "goals", "budget"):
        assert selected_id(target, table) == ident


def test_open_button_and_plan_wide_findings(window: Any, tmp_path: Path, dialogs: Any) -> None:
    from mktplanner.services.plans import new_plan

    path = tmp_path / "empty.mktplan"
    new_plan(path, name="Empty", currency="USD", language="en").close()
    assert window.open_path(path)
    page = show_check(window)
    assert row_of(page, "The plan has no goals yet.")[0] == "Problems · Strategy (1)"
    assert page.select_finding("no_goals", "")
    page.open_button.click()
    assert window.current_page_id() == "goals"
    page = show_check(window)
    assert page.select_finding("report_no_cadence", "")  # edited with the tactical plan
    page.open_button.click()
    assert window.current_page_id() == "tactics"


# --- dismissing ------------------------------------------------------------------------------


def test_dismiss_with_reason_undo_redo_and_restore(
    opened: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, demo_file: Path
) -> None:
    asked: list[str] = []

    def ask(parent: Any, finding: str) -> str | None:
        asked.append(finding)
        return REASON

    monkeypatch.setattr(check_mod, "ask_dismiss_reason", ask)
    page = show_check(opened)
    key = ("goal_not_smart", f"goal:{FACTS.goal_without_deadline}")
    sentence = "Goal “Raise the average check” is not SMART: T."
    total_before = page.score_label.text()
    assert page.select_finding(*key)
    assert page.dismiss_button.isEnabled() and not page.restore_button.isEnabled()
    qtbot.mouseClick(page.dismiss_button, Qt.MouseButton.LeftButton)
    assert asked == [sentence]

    assert row_of(page, sentence) == ("Dismissed (1)", sentence, REASON)
    assert "Dismissed: 1" in page.counts.text()
    assert page.score_label.text() != total_before  # a dismissed failure no longer counts
    assert opened.act_undo.text() == "&Undo: dismiss a finding"

    opened.act_undo.trigger()
    group, _, step = row_of(page, sentence)
    assert group.startswith("Warnings · Strategy") and step == "Set a deadline."
    assert page.score_label.text() == total_before
    opened.act_redo.trigger()
    assert row_of(page, sentence) == ("Dismissed (1)", sentence, REASON)

    # Restore: the dismissed finding counts again, as one undo step.
    assert page.select_finding(*key)
    assert page.restore_button.isEnabled() and not page.dismiss_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert row_of(page, sentence)[0].startswith("Warnings · Strategy")
    assert opened.act_undo.text() == "&Undo: restore a dismissed finding"
    opened.act_undo.trigger()
    assert row_of(page, sentence) == ("Dismissed (1)", sentence, REASON)

    # Cancelling the question changes nothing.
    monkeypatch.setattr(check_mod, "ask_dismiss_reason", lambda parent, finding: None)
    count = opened.doc.stack.count()
    assert page.select_finding("action_no_owner", f"action:{FACTS.action_without_owner}")
    page.dismiss_button.click()
    assert opened.doc.stack.count() == count
    assert row_of(page, "has no owner")[0].startswith("Warnings · Tactics")

    # The reason is kept in the plan file.
    opened.close_plan()
    assert opened.open_path(demo_file)
    page = show_check(opened)
    assert row_of(page, sentence) == ("Dismissed (1)", sentence, REASON)


def test_the_score_is_recorded_off_the_undo_stack(
    opened: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mktplanner.domain.tables import Action
    from mktplanner.services import health
    from mktplanner.services.edits import UpdateRow

    plan = opened.doc.plan
    page = show_check(opened)
    first = health.score_trend(plan)
    assert len(first) >= 1
    assert page.trend_label.text() == "The trend appears after the next changes."
    assert opened.doc.stack.count() == 0

    monkeypatch.setattr(check_mod, "ask_dismiss_reason", lambda parent, finding: REASON)
    assert page.select_finding("control_over_limit", f"control_point:{FACTS.control_over}")
    page.dismiss_button.click()
    trend = health.score_trend(plan)
    assert len(trend) == len(first) + 1 and trend[-1].score > trend[-2].score
    assert re.fullmatch(r"Up \d+ points since .+", page.trend_label.text())
    assert page.sparkline.isVisible()
    assert opened.doc.stack.count() == 1  # the dismissal; recording the score is not a step

    # An edit made elsewhere is recorded a little later, without the page being shown.
    opened.show_page("tactics")
    page.recorder.timer.setInterval(10)
    person = db_rows(Path(opened.doc.path), "SELECT id FROM person ORDER BY id LIMIT 1")[0][0]
    assert opened.doc.push(
        UpdateRow(Action, FACTS.action_without_owner, {"owner_id": person}, label="edit_action")
    )
    qtbot.waitUntil(lambda: len(health.score_trend(plan)) == len(trend) + 1, timeout=3000)
    assert opened.doc.stack.count() == 2

    # On a plan whose check is slow, nothing runs in the background while the user types.
    page.recorder.slow = True
    assert opened.doc.push(
        UpdateRow(Action, FACTS.action_without_owner, {"owner_id": None}, label="edit_action")
    )
    assert not page.recorder.timer.isActive()


# --- the golden thread -----------------------------------------------------------------------


def _task_of_goal(path: Path, goal_id: int) -> tuple[int, str, str, str]:
    found = db_rows(
        path,
        "SELECT t.id, t.description, a.title, g.title FROM weekly_task t"
        " JOIN action a ON a.id = t.action_id JOIN goal g ON g.id = a.goal_id"
        " WHERE g.id = ? ORDER BY t.id LIMIT 1",
        goal_id,
    )
    assert found, "the demo has tasks for goal 3"
    return found[0]


def _analysis_of_goal(path: Path, goal_id: int) -> list[str]:
    linked = db_rows(
        path,
        "SELECT s.text FROM goal_swot gs JOIN swot_item s ON s.id = gs.swot_item_id"
        " WHERE gs.goal_id = ?",
        goal_id,
    )
    options = db_rows(
        path,
        "SELECT o.text, i.text, e.text FROM tows_option o JOIN swot_item i ON i.id = o.internal_id"
        " JOIN swot_item e ON e.id = o.external_id WHERE o.goal_id = ?",
        goal_id,
    )
    return [r[0] for r in linked] + [t for r in options for t in r]


def test_why_panel_traces_a_task_up_to_its_goal_and_analysis(opened: Any, qtbot: Any) -> None:
    from mktplanner.ui.widgets.why_panel import WhyPanel

    path = Path(opened.doc.path)
    goal_id = FACTS.goal_off_track
    task_id, description, action, goal = _task_of_goal(path, goal_id)
    analysis = _analysis_of_goal(path, goal_id)
    assert analysis
    panel = WhyPanel()
    qtbot.addWidget(panel)
    assert panel.explain(opened.doc.plan, opened.doc.fmt, "weekly_task", task_id)
    text = panel.plain_text()
    assert text.startswith("Why is this in the plan?")
    order = [
        description,
        "works towards the action",
        action,
        "serves the goal",
        goal,
        "chosen because of",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions), text
    for item in analysis:
        assert item in text

    # A broken thread says where it breaks.
    orphan = FACTS.action_without_goal
    assert panel.explain(opened.doc.plan, opened.doc.fmt, "action", orphan)
    assert "This action serves no goal" in panel.plain_text()


def test_why_panel_follows_a_goal_down_to_this_weeks_tasks_and_money(
    opened: Any, qtbot: Any
) -> None:
    from mktplanner.ui.widgets.why_panel import WhyPanel

    path = Path(opened.doc.path)
    fmt = opened.doc.fmt
    goal_id = FACTS.goal_off_track
    actions = [r[0] for r in db_rows(path, "SELECT title FROM action WHERE goal_id = ?", goal_id)]
    year, week, _ = dt.date.today().isocalendar()
    tasks = db_rows(
        path,
        "SELECT t.description, t.est_hours FROM weekly_task t"
        " JOIN weekly_plan w ON w.id = t.weekly_plan_id JOIN action a ON a.id = t.action_id"
        " WHERE a.goal_id = ? AND w.iso_year = ? AND w.iso_week = ?",
        goal_id,
        year,
        week,
    )
    spent = db_rows(
        path,
        "SELECT COALESCE(SUM(e.amount_minor), 0) FROM expense e"
        " JOIN action a ON a.id = e.action_id WHERE a.goal_id = ?",
        goal_id,
    )[0][0]
    panel = WhyPanel()
    qtbot.addWidget(panel)
    panel.explain(opened.doc.plan, fmt, "goal", goal_id)
    text = panel.plain_text()
    assert text.startswith("How this goal is pursued")
    for title in actions:
        assert title in text
    assert tasks, "the demo plans this week's work on the goal"
    for description, _hours in tasks:
        assert description in text
    hours = sum(h or 0 for _d, h in tasks)
    assert f"{fmt.number(hours, 1)} h planned this week" in text
    assert f"{fmt.money(spent, cents=False)} spent of " in text

    # Each step is a link to its page.
    seen: list[tuple[str, int]] = []
    panel.navigate.connect(lambda table, ident: seen.append((table, ident)))
    panel.browser.anchorClicked.emit(QUrl(f"obj:action/{FACTS.action_late}"))
    assert seen == [("action", FACTS.action_late)]


def test_why_action_explains_the_current_selection_and_links_open_pages(opened: Any) -> None:
    page = show_check(opened)
    assert page.select_finding("action_overdue", f"action:{FACTS.action_late}")
    assert opened.current_object() == ("action", FACTS.action_late)
    assert opened.act_why.shortcut().toString() == "Ctrl+I"
    opened.act_why.trigger()
    dock = opened.why_dock
    assert dock.isVisible()
    text = dock.panel.plain_text()
    assert "Join a delivery aggregator" in text and "serves the goal" in text
    assert "Launch delivery and take-away orders" in text

    # A link in the panel opens the goals page with that goal selected.
    dock.panel.browser.anchorClicked.emit(QUrl(f"obj:goal/{FACTS.goal_off_track}"))
    assert opened.current_page_id() == "goals"
    assert selected_id(opened.pages["goals"], "goal") == FACTS.goal_off_track

    # Nothing traceable selected: the panel says how to use it.
    show_check(opened)
    page.tree.setCurrentItem(None)
    opened.act_why.trigger()
    assert "Select a weekly task, an action, an expense or a goal" in dock.panel.plain_text()

    # The panel follows a language switch.
    page = opened.pages["check"]
    assert page.select_finding("action_overdue", f"action:{FACTS.action_late}")
    opened.act_why.trigger()
    opened.set_language("ru")
    assert opened.why_dock is dock and dock.windowTitle() == "Зачем? — золотая нить"
    assert "служит цели" in dock.panel.plain_text()


def test_golden_thread_figures_match_the_summary(opened: Any) -> None:
    from mktplanner.services.summary import summarize
    from mktplanner.ui.widgets.why_panel import overview_thread_figures

    page = show_check(opened)
    fmt = opened.doc.fmt
    thread = summarize(opened.doc.plan)["golden_thread"]
    shown = page.figures.texts()
    hours_at = shown.index("Hours on goals")
    assert shown[hours_at + 1] == fmt.percent(thread["hours_share"])
    spend_at = shown.index("Spend on goals")
    assert shown[spend_at + 1] == fmt.percent(thread["spend_share"])
    for person in thread["people"]:
        if person["planned_hours"]:
            at = shown.index(person["name"])
            assert shown[at + 1] == fmt.percent(person["share"])
    cards = overview_thread_figures(opened.doc.plan, fmt)
    assert [(c.caption, c.value) for c in cards] == [
        ("Hours on goals", fmt.percent(thread["hours_share"])),
        ("Spend on goals", fmt.percent(thread["spend_share"])),
    ]


# --- languages -------------------------------------------------------------------------------


def test_the_check_page_and_every_finding_in_russian(opened: Any) -> None:
    from mktplanner.domain.health import catalogue
    from mktplanner.ui import texts

    opened.set_language("ru")
    page = show_check(opened)
    assert row_of(page, "Расходы превышают лимит точки контроля.")[0] == ("Проблемы · Контроль (1)")
    assert any(r[0].startswith("Предупреждения · Тактика") for r in rows(page))
    assert page.score_label.text().startswith("Пройдено проверок:")
    cyrillic = re.compile("[а-яё]", re.IGNORECASE)
    for rule in catalogue():
        sentence = texts.finding_text(rule["code"], {})
        assert cyrillic.search(sentence), (rule["code"], sentence)
        for step in rule["next_steps"]:
            assert cyrillic.search(texts.next_step_text(step)), step
    assert cyrillic.search(texts.finding_text("check_failed", {}))
