"""The plan check: each rule on a minimal snapshot (pure), the score, dismissals, the service
on real plan files (a small one made with edits, and the demo), the golden thread."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.domain.errors import DomainError
from mktplanner.domain.health import (
    CHECK_FAILED,
    RULES,
    ActionRow,
    BudgetLineRow,
    ChannelRow,
    ControlPointRow,
    DismissalRow,
    ExpenseRow,
    Finding,
    GoalRow,
    HypothesisRow,
    Level,
    ObjectRef,
    PersonRow,
    PlanSnapshot,
    ProfileRow,
    Rule,
    Severity,
    SwotRow,
    TaskRow,
    TowsRow,
    WeekRow,
    catalogue,
    fail,
    ok,
    parse_ref,
    ref_text,
    rule,
    run_checks,
    trace_figures,
)
from mktplanner.domain.rules.goals import MeasurementPoint
from mktplanner.domain.tables import (
    Action,
    BudgetLine,
    ControlPoint,
    Expense,
    Goal,
    GoalSwotLink,
    Person,
    SwotItem,
    TowsOption,
    WeeklyPlan,
    WeeklyTask,
)
from mktplanner.services import edits, health
from mktplanner.services.plans import new_plan
from mktplanner.store.planfile import PlanFile

D = dt.date
TODAY = D(2025, 3, 12)  # a Wednesday of ISO week 2025-W11 (Monday 10 March)

FULL_PROFILE = ProfileRow(
    name="Café",
    mission="Good coffee near the office",
    report_cadence="weekly",
    report_maker="Anna",
    report_reader="Owner",
    report_actor="Anna",
)


def snap(**kw: Any) -> PlanSnapshot:
    """A snapshot as of TODAY whose reporting rules are set, unless the test says otherwise."""
    kw.setdefault("profile", FULL_PROFILE)
    return PlanSnapshot(today=kw.pop("today", TODAY), **kw)


def found(code: str, s: PlanSnapshot) -> list[Finding]:
    """The findings of one rule (and nothing else runs)."""
    report = run_checks(s, [RULES[code]])
    assert not [f for f in report.findings if f.code == CHECK_FAILED], report.findings
    return list(report.findings)


def refs(code: str, s: PlanSnapshot) -> list[tuple[str, int] | None]:
    return [f.ref for f in found(code, s)]


def examined(code: str, s: PlanSnapshot) -> tuple[int, int]:
    stats = run_checks(s, [RULES[code]]).rules[0]
    return stats.examined, stats.passed


TESTED: set[str] = set()


def covers(*codes: str) -> Any:
    TESTED.update(codes)
    return lambda fn: fn


# --- analysis -----------------------------------------------------------------------------

THREAT = SwotRow(9, "T", "A chain opens across the street")
STRENGTH = SwotRow(1, "S", "Best espresso in town")
OPPORTUNITY = SwotRow(5, "O", "New office block")


@covers("threat_unaddressed")
def test_threat_no_goal_or_tows_option_addresses() -> None:
    alone = snap(swot=(THREAT, STRENGTH))
    assert refs("threat_unaddressed", alone) == [("swot_item", 9)]
    f = found("threat_unaddressed", alone)[0]
    assert f.params == {"text": "A chain opens across the street"}
    assert f.next_step == "address_threat" and f.level is Level.ANALYSIS

    by_tows = snap(swot=(THREAT, STRENGTH), tows=(TowsRow(1, 1, 9, "Loyalty cards"),))
    by_goal = snap(swot=(THREAT,), goals=(GoalRow(1, "Keep regulars", swot_ids=(9,)),))
    assert refs("threat_unaddressed", by_tows) == []
    assert refs("threat_unaddressed", by_goal) == []
    assert examined("threat_unaddressed", by_goal) == (1, 1)


@covers("strength_unused")
def test_strength_never_used() -> None:
    assert refs("strength_unused", snap(swot=(STRENGTH, OPPORTUNITY))) == [("swot_item", 1)]
    assert found("strength_unused", snap(swot=(STRENGTH,)))[0].severity is Severity.INFO

    used_by_tows = snap(swot=(STRENGTH, OPPORTUNITY), tows=(TowsRow(1, 1, 5, "Lunch combo"),))
    used_by_goal = snap(swot=(STRENGTH,), goals=(GoalRow(1, "x", swot_ids=(1,)),))
    assert refs("strength_unused", used_by_tows) == []
    assert refs("strength_unused", used_by_goal) == []


# --- strategy -----------------------------------------------------------------------------


def smart_goal(ident: int = 1, **kw: Any) -> GoalRow:
    values: dict[str, Any] = {
        "title": "More regulars",
        "metric": "regular guests a month",
        "baseline": 100.0,
        "target": 150.0,
        "baseline_date": D(2025, 1, 1),
        "deadline": D(2025, 12, 31),
        "swot_ids": (1,),
    }
    values.update(kw)
    return GoalRow(ident, **values)


@covers("no_goals")
def test_plan_without_goals() -> None:
    f = found("no_goals", snap())
    assert [(x.ref, x.severity, x.next_step) for x in f] == [(None, Severity.ERROR, "add_goal")]
    assert found("no_goals", snap(goals=(smart_goal(),))) == []


@covers("goal_not_smart")
def test_goal_failing_smart_letters() -> None:
    no_deadline = snap(goals=(smart_goal(deadline=None), smart_goal(2)))
    [f] = found("goal_not_smart", no_deadline)
    assert f.ref == ("goal", 1)
    assert f.params["letters"] == "SMAR-"
    assert f.params["failed"] == ["T"]
    assert f.params["reasons"] == [
        {"letter": "T", "field": "deadline", "code": "no_deadline", "params": {}}
    ]
    assert f.next_step == "set_goal_deadline"
    # the next step answers the first failed letter
    [m] = found("goal_not_smart", snap(goals=(smart_goal(baseline=None, deadline=None),)))
    assert m.params["failed"] == ["M", "A", "T"] and m.next_step == "set_goal_baseline_target"
    # R passes through the mission even without a SWOT link; the plan's jump threshold is used
    assert found("goal_not_smart", snap(goals=(smart_goal(swot_ids=()),))) == []
    big_jump = snap(goals=(smart_goal(target=1000.0),))
    assert found("goal_not_smart", big_jump)[0].params["failed"] == ["A"]
    lenient = snap(goals=(smart_goal(target=1000.0),), profile=ProfileRow(jump_threshold=20.0))
    assert found("goal_not_smart", lenient) == []

    assert found("goal_not_smart", snap(goals=(smart_goal(),))) == []


@covers("goal_off_track")
def test_goal_off_track() -> None:
    # half the time gone (Jan 1 -> Dec 31, measured early July), 10 % of the way done
    lagging = smart_goal(measurements=(MeasurementPoint(D(2025, 7, 2), 105.0),))
    s = snap(goals=(lagging,), today=D(2025, 7, 3))
    [f] = found("goal_off_track", s)
    assert f.ref == ("goal", 1) and f.params["progress"] == 0.1
    assert f.params["expected"] == pytest.approx(0.5, abs=0.01)
    assert f.params["measured_on"] == "2025-07-02"

    on_pace = smart_goal(measurements=(MeasurementPoint(D(2025, 7, 2), 125.0),))
    unmeasured = smart_goal(2)
    s = snap(goals=(on_pace, unmeasured), today=D(2025, 7, 3))
    assert found("goal_off_track", s) == []
    assert examined("goal_off_track", s) == (1, 1)  # an unmeasured goal cannot be judged


@covers("goal_no_action")
def test_goal_without_action() -> None:
    goals = (smart_goal(1), smart_goal(2))
    actions = (
        ActionRow(1, "Loyalty cards", goal_id=1),
        ActionRow(2, "Flyers", goal_id=2, status="cancelled"),
    )
    [f] = found("goal_no_action", snap(goals=goals, actions=actions))
    assert f.ref == ("goal", 2)  # a cancelled action does not count
    assert (f.severity, f.next_step) == (Severity.ERROR, "add_action_for_goal")
    assert f.params == {"title": "More regulars"}
    assert found("goal_no_action", snap(goals=goals[:1], actions=actions)) == []


# --- tactics ------------------------------------------------------------------------------


def action(ident: int = 1, **kw: Any) -> ActionRow:
    values: dict[str, Any] = {
        "title": "Loyalty cards",
        "goal_id": 1,
        "owner_id": 1,
        "start": D(2025, 3, 1),
        "due": D(2025, 4, 30),
        "budget_minor": 10_000,
    }
    values.update(kw)
    return ActionRow(ident, **values)


@covers("action_no_owner")
def test_action_without_owner() -> None:
    s = snap(actions=(action(1, owner_id=None), action(2), action(3, owner_id=None, status="done")))
    assert refs("action_no_owner", s) == [("action", 1)]  # a done action is not examined
    assert found("action_no_owner", s)[0].next_step == "assign_action_owner"
    assert refs("action_no_owner", snap(actions=(action(),))) == []


@covers("action_no_goal")
def test_action_serving_no_goal() -> None:
    s = snap(actions=(action(1, goal_id=None), action(2)))
    assert refs("action_no_goal", s) == [("action", 1)]
    assert refs("action_no_goal", snap(actions=(action(),))) == []


@covers("action_no_dates")
def test_action_without_dates() -> None:
    s = snap(actions=(action(1, start=None), action(2, start=None, due=None), action(3)))
    assert [(f.ref, f.params["missing"]) for f in found("action_no_dates", s)] == [
        (("action", 1), ["start"]),
        (("action", 2), ["start", "due"]),
    ]
    assert refs("action_no_dates", snap(actions=(action(),))) == []


@covers("action_no_budget")
def test_action_without_budget() -> None:
    s = snap(actions=(action(1, budget_minor=None), action(2, budget_minor=0)))
    assert refs("action_no_budget", s) == [("action", 1)]  # 0 is a budget: a free action
    assert refs("action_no_budget", snap(actions=(action(),))) == []


@covers("action_overdue")
def test_action_past_due_and_not_done() -> None:
    late = action(1, due=D(2025, 3, 1))
    s = snap(actions=(late, action(2, due=D(2025, 3, 1), status="done"), action(3, due=TODAY)))
    [f] = found("action_overdue", s)
    assert f.ref == ("action", 1)
    assert f.params == {"title": "Loyalty cards", "due": "2025-03-01", "days_late": 11}
    assert f.next_step == "update_action_status"
    assert found("action_overdue", snap(actions=(action(3, due=TODAY),))) == []


@covers("hypothesis_no_decision")
def test_hypothesis_past_its_period_without_decision() -> None:
    pending = HypothesisRow(1, "Stories ads", D(2025, 1, 1), D(2025, 2, 28), "pending")
    decided = HypothesisRow(2, "Flyers", D(2025, 1, 1), D(2025, 2, 28), "stop")
    running = HypothesisRow(3, "TikTok", D(2025, 3, 1), D(2025, 4, 30), "pending")
    [f] = found("hypothesis_no_decision", snap(hypotheses=(pending, decided, running)))
    assert f.ref == ("hypothesis", 1)
    assert f.params == {"title": "Stories ads", "end": "2025-02-28", "days_past": 12}
    assert found("hypothesis_no_decision", snap(hypotheses=(decided, running))) == []


# --- operations ---------------------------------------------------------------------------

IGOR = PersonRow(2, "Igor", weekly_hours=40.0, unplannable_share=0.4)  # capacity 15.6 h


def week(ident: int = 1, *, week_no: int = 11, state: str = "approved", **kw: Any) -> WeekRow:
    kw.setdefault("tasks", (TaskRow(1, "Tasting", end_product="20 guests tried", est_hours=8),))
    return WeekRow(ident, person_id=2, iso_year=2025, iso_week=week_no, state=state, **kw)


@covers("week_over_capacity")
def test_week_over_capacity() -> None:
    tasks = (
        TaskRow(1, "Calls", est_hours=10, end_product="x"),
        TaskRow(2, "Tasting", est_hours=9, end_product="y"),
    )
    over = snap(people=(IGOR,), weeks=(week(tasks=tasks),))
    [f] = found("week_over_capacity", over)
    assert f.ref == ("weekly_plan", 1)
    assert (f.params["planned_hours"], f.params["capacity_hours"]) == (19.0, 15.6)
    assert (f.params["person"], f.params["iso_year"], f.params["iso_week"]) == ("Igor", 2025, 11)
    closed = snap(people=(IGOR,), weeks=(week(state="closed", tasks=tasks),))
    assert found("week_over_capacity", closed) == []  # a closed week can no longer change
    assert found("week_over_capacity", snap(people=(IGOR,), weeks=(week(),))) == []


@covers("task_no_end_product")
def test_task_without_end_product() -> None:
    tasks = (
        TaskRow(1, "Tasting", end_product="20 guests tried"),
        TaskRow(2, "Call suppliers", end_product="  "),
        TaskRow(3, "(unplanned)", unplanned=True),
    )
    [f] = found("task_no_end_product", snap(people=(IGOR,), weeks=(week(tasks=tasks),)))
    assert f.ref == ("weekly_task", 2)
    assert f.params["description"] == "Call suppliers" and f.params["weekly_plan_id"] == 1
    assert found("task_no_end_product", snap(people=(IGOR,), weeks=(week(),))) == []


@covers("week_not_approved")
def test_week_not_approved_by_its_monday() -> None:
    current_draft = week(1, week_no=11, state="submitted")  # Monday 10 March has passed
    next_draft = week(2, week_no=12, state="draft")
    [f] = found("week_not_approved", snap(people=(IGOR,), weeks=(current_draft, next_draft)))
    assert f.ref == ("weekly_plan", 1)
    assert f.params["monday"] == "2025-03-10" and f.params["days_late"] == 2
    on_monday = snap(people=(IGOR,), weeks=(current_draft,), today=D(2025, 3, 10))
    assert found("week_not_approved", on_monday) == []
    assert found("week_not_approved", snap(people=(IGOR,), weeks=(week(1),))) == []


@covers("week_not_closed")
def test_week_not_closed_by_the_following_monday() -> None:
    last_week = week(1, week_no=10, state="approved")  # following Monday: 10 March
    [f] = found("week_not_closed", snap(people=(IGOR,), weeks=(last_week, week(2))))
    assert f.ref == ("weekly_plan", 1)
    assert (f.params["due"], f.params["days_late"], f.params["state"]) == (
        "2025-03-10",
        2,
        "approved",
    )
    closed = week(1, week_no=10, state="closed")
    assert found("week_not_closed", snap(people=(IGOR,), weeks=(closed, week(2)))) == []


# --- budget and control -------------------------------------------------------------------

MARCH = D(2025, 3, 1)
ADS, OUTDOOR = ChannelRow(1, "Context ads"), ChannelRow(2, "Outdoor")


@covers("expense_no_budget_line")
def test_expense_without_budget_line() -> None:
    lines = (BudgetLineRow(1, MARCH, channel_id=1, amount_minor=50_000),)
    actions = (action(7, channel_id=1), action(8, channel_id=None))
    expenses = (
        ExpenseRow(1, D(2025, 3, 5), 10_000, channel_id=1),  # planned: line of its channel
        ExpenseRow(2, D(2025, 3, 6), 5_000, action_id=7),  # planned: its action's channel
        ExpenseRow(3, D(2025, 2, 6), 7_000, channel_id=1, payee="Yandex"),  # no Feb line
        ExpenseRow(4, D(2025, 3, 7), 3_000, action_id=8, note="print"),  # no line for 8
        ExpenseRow(5, D(2025, 3, 8), -1_000, is_refund=True, channel_id=2),  # not examined
    )
    s = snap(channels=(ADS, OUTDOOR), actions=actions, budget_lines=lines, expenses=expenses)
    findings = found("expense_no_budget_line", s)
    assert [f.ref for f in findings] == [("expense", 3), ("expense", 4)]
    assert findings[0].params == {
        "title": "Yandex",
        "date": "2025-02-06",
        "month": "2025-02-01",
        "amount_minor": 7_000,
        "channel_id": 1,
        "action_id": None,
    }
    assert findings[1].params["title"] == "print"
    assert examined("expense_no_budget_line", s) == (4, 2)
    assert (
        found(
            "expense_no_budget_line",
            snap(budget_lines=lines, expenses=expenses[:2], actions=actions),
        )
        == []
    )


@covers("money_without_control")
def test_money_no_control_point_watches() -> None:
    lines = (BudgetLineRow(1, MARCH, channel_id=2, amount_minor=90_000),)
    expenses = (
        ExpenseRow(1, D(2025, 3, 5), 30_000, channel_id=1),
        ExpenseRow(2, D(2025, 3, 5), 4_000, action_id=8),
    )
    actions = (action(8, channel_id=None),)
    watch_ads = (ControlPointRow(1, "channel", channel_id=1, controller_id=1),)
    s = snap(
        channels=(ADS, OUTDOOR),
        actions=actions,
        budget_lines=lines,
        expenses=expenses,
        control_points=watch_ads,
    )
    findings = found("money_without_control", s)
    assert [(f.ref, f.params["planned_minor"], f.params["spent_minor"]) for f in findings] == [
        (("action", 8), 0, 4_000),
        (("channel", 2), 90_000, 0),
    ]
    assert findings[1].params["title"] == "Outdoor"
    # money booked on an action with its own control point is watched, even on a channel
    on_action = (action(7, channel_id=1),)
    watch_action = (ControlPointRow(3, "action", action_id=7, controller_id=1),)
    watched = (ExpenseRow(3, D(2025, 3, 6), 8_000, action_id=7),)
    s3 = snap(channels=(ADS,), actions=on_action, expenses=watched, control_points=watch_action)
    assert found("money_without_control", s3) == []
    loose = (*watched, ExpenseRow(4, D(2025, 3, 7), 1_500, channel_id=1))
    s4 = snap(channels=(ADS,), actions=on_action, expenses=loose, control_points=watch_action)
    assert [(f.ref, f.params["spent_minor"]) for f in found("money_without_control", s4)] == [
        (("channel", 1), 1_500)
    ]
    whole_budget = (ControlPointRow(2, "budget", controller_id=1),)
    s2 = snap(
        channels=(ADS, OUTDOOR),
        actions=actions,
        budget_lines=lines,
        expenses=expenses,
        control_points=whole_budget,
    )
    assert found("money_without_control", s2) == []


@covers("control_point_no_controller")
def test_control_point_without_controller() -> None:
    s = snap(control_points=(ControlPointRow(1), ControlPointRow(2, controller_id=1)))
    assert refs("control_point_no_controller", s) == [("control_point", 1)]
    assert (
        refs(
            "control_point_no_controller",
            snap(control_points=(ControlPointRow(2, controller_id=1),)),
        )
        == []
    )


@covers("control_over_limit")
def test_control_point_over_its_limit() -> None:
    point = ControlPointRow(
        1, "channel", channel_id=1, controller_id=1, cadence="monthly", limit_minor=25_000
    )
    actions = (action(7, channel_id=1),)
    spent = (
        ExpenseRow(1, D(2025, 3, 2), 20_000, channel_id=1),
        ExpenseRow(2, D(2025, 3, 9), 13_000, action_id=7),  # the action's channel counts
        ExpenseRow(3, D(2025, 2, 20), 99_000, channel_id=1),  # last month: not this period
        ExpenseRow(4, D(2025, 3, 9), 50_000, channel_id=2),  # another channel
    )
    [f] = found(
        "control_over_limit", snap(control_points=(point,), expenses=spent, actions=actions)
    )
    assert f.ref == ("control_point", 1) and f.severity is Severity.ERROR
    assert (f.params["period_start"], f.params["period_end"]) == ("2025-03-01", "2025-03-31")
    assert (f.params["spent_minor"], f.params["over_minor"]) == (33_000, 8_000)
    refund = ExpenseRow(5, D(2025, 3, 10), -8_000, is_refund=True, channel_id=1)
    at_limit = snap(control_points=(point,), expenses=(*spent, refund), actions=actions)
    assert found("control_over_limit", at_limit) == []  # exactly the limit is not over


@covers("control_overdue")
def test_control_point_check_overdue() -> None:
    due = ControlPointRow(1, controller_id=1, next_due=D(2025, 3, 1))
    [f] = found("control_overdue", snap(control_points=(due,)))
    assert f.params["next_due"] == "2025-03-01" and f.params["last_check"] is None
    assert f.params["days_late"] == 11 and f.next_step == "do_control_check"
    checked = ControlPointRow(1, controller_id=1, next_due=D(2025, 3, 1), last_check=D(2025, 3, 1))
    assert found("control_overdue", snap(control_points=(checked,))) == []


@covers("report_no_cadence", "report_no_maker", "report_no_reader", "report_no_actor")
@pytest.mark.parametrize("column", ["cadence", "maker", "reader", "actor"])
def test_reporting_rule_missing(column: str) -> None:
    code = f"report_no_{column}"
    missing = ProfileRow(**{**FULL_PROFILE.__dict__, f"report_{column}": " "})
    [f] = found(code, snap(profile=missing))
    assert f.ref is None and f.object_ref == "" and f.next_step == f"set_report_{column}"
    assert found(code, snap()) == []
    # each missing part is its own finding
    empty = run_checks(snap(profile=ProfileRow()))
    assert {f.code for f in empty.findings if f.code.startswith("report_")} == {
        "report_no_cadence",
        "report_no_maker",
        "report_no_reader",
        "report_no_actor",
    }


def test_every_rule_has_its_test() -> None:
    assert set(RULES) == TESTED


# --- the registry, the score and dismissals -----------------------------------------------


def test_score_counts_examined_objects_and_leaves_dismissed_failures_out() -> None:
    s = snap(
        goals=(smart_goal(1), smart_goal(2)),
        actions=(action(1, owner_id=None),),  # serves goal 1; goal 2 has none
        dismissals=(DismissalRow("action_no_owner", "action:1", "Anna takes it on Monday"),),
    )
    report = run_checks(s)
    by_code = {r.code: r for r in report.rules}
    assert (by_code["goal_no_action"].examined, by_code["goal_no_action"].passed) == (2, 1)
    owner = by_code["action_no_owner"]
    assert (owner.examined, owner.passed, owner.dismissed, owner.counted) == (1, 0, 1, 0)
    assert report.total == sum(r.examined for r in report.rules) - 1
    assert report.passed == sum(r.passed for r in report.rules)
    assert report.score == report.passed / report.total
    # one failure in all: goal 2 without action (the dismissed one does not count)
    assert report.total - report.passed == 1

    dismissed = [f for f in report.findings if f.dismissed]
    assert [(f.code, f.object_ref, f.dismiss_reason) for f in dismissed] == [
        ("action_no_owner", "action:1", "Anna takes it on Monday")
    ]
    assert report.counts == {"error": 1, "warning": 0, "info": 0, "dismissed": 1}
    assert report.has_errors


def test_dismissed_error_does_not_make_the_plan_fail() -> None:
    s = snap(dismissals=(DismissalRow("no_goals", "", "goals come next week"),))
    report = run_checks(s)
    assert [f.code for f in report.findings] == ["no_goals"] and report.findings[0].dismissed
    assert not report.has_errors and report.counts["error"] == 0
    assert report.score == 1.0 and report.total == 4  # the four reporting rules


def test_findings_sorted_by_severity_then_level() -> None:
    s = snap(profile=ProfileRow(), swot=(STRENGTH, THREAT))
    report = run_checks(s)
    severities = [f.severity.rank for f in report.findings]
    assert severities == sorted(severities)
    assert report.findings[0].code == "no_goals"
    assert [f.code for f in report.findings if f.code.startswith("report_")] == [
        "report_no_cadence",
        "report_no_maker",
        "report_no_reader",
        "report_no_actor",
    ]
    assert report.findings[-1].code == "strength_unused"
    grouped = report.by_level()
    assert list(grouped) == list(Level)
    assert [f.code for f in grouped[Level.ANALYSIS]] == ["threat_unaddressed", "strength_unused"]
    assert [f.code for f in report.for_object("swot_item", 9)] == ["threat_unaddressed"]


def test_a_crashing_rule_is_reported_and_others_still_run() -> None:
    def broken(_s: PlanSnapshot) -> Iterator[Any]:
        raise ZeroDivisionError("boom")

    def wrong_step(_s: PlanSnapshot) -> Iterator[Any]:
        yield fail(next_step="not_declared")

    rules = [
        Rule("broken", Severity.INFO, Level.BUDGET, ("x",), broken),
        Rule("wrong_step", Severity.INFO, Level.BUDGET, ("x",), wrong_step),
        RULES["no_goals"],
    ]
    report = run_checks(snap(), rules)
    crashed = [f for f in report.findings if f.code == CHECK_FAILED]
    assert [f.params["rule"] for f in crashed] == ["broken", "wrong_step"]
    assert "ZeroDivisionError" in crashed[0].params["detail"]
    assert any(f.code == "no_goals" for f in report.findings)
    assert report.total == 1  # the crashed rules count nothing


def test_rule_decorator_registers_once() -> None:
    @rule("test_only_rule", "info", "budget", ("first_step", "second_step"))
    def only(_s: PlanSnapshot) -> Iterator[Any]:
        yield ok(("goal", 1))
        yield fail(("goal", 2), next_step="second_step", n=1)

    try:
        registered = RULES["test_only_rule"]
        assert registered.next_step == "first_step"
        report = run_checks(snap(), [registered])
        assert [(f.ref, f.next_step, f.params) for f in report.findings] == [
            (("goal", 2), "second_step", {"n": 1})
        ]
        assert {
            "code": "test_only_rule",
            "severity": "info",
            "level": "budget",
            "next_steps": ["first_step", "second_step"],
        } in catalogue()
        with pytest.raises(ValueError):
            rule("test_only_rule", "info", "budget", "x")(only)
    finally:
        RULES.pop("test_only_rule", None)


def test_object_references() -> None:
    assert ref_text(("goal", 3)) == "goal:3" and ref_text(None) == ""
    assert parse_ref("goal:3") == ObjectRef("goal", 3) and parse_ref("") is None
    assert ObjectRef("weekly_task", 12).text == "weekly_task:12"
    for bad in ("goal", "goal:", ":3", "goal:x"):
        with pytest.raises(ValueError):
            parse_ref(bad)


def test_every_rule_declares_level_severity_and_a_next_step() -> None:
    for entry in catalogue():
        assert entry["level"] in {lv.value for lv in Level}
        assert entry["severity"] in {"error", "warning", "info"}
        assert entry["next_steps"] and all(entry["next_steps"])


# --- the golden thread in figures (pure) --------------------------------------------------


def test_share_of_hours_and_spend_tracing_to_a_goal() -> None:
    people = (PersonRow(1, "Anna"), IGOR, PersonRow(3, "Maria"))
    tasks_anna = (
        TaskRow(1, "Tasting", action_id=1, est_hours=6),  # action 1 serves goal 1
        TaskRow(2, "Coordination", est_hours=2),  # no action
        TaskRow(3, "Espresso machine", action_id=2, est_hours=2),  # action without goal
    )
    weeks = (
        WeekRow(1, 1, 2025, 11, tasks=tasks_anna),
        WeekRow(2, 2, 2025, 10, tasks=(TaskRow(4, "Calls", action_id=1, est_hours=5),)),
    )
    expenses = (
        ExpenseRow(1, D(2025, 3, 1), 30_000, action_id=1),
        ExpenseRow(2, D(2025, 3, 2), 10_000, channel_id=1),
        ExpenseRow(3, D(2025, 3, 3), -5_000, is_refund=True, action_id=1),
        ExpenseRow(4, D(2025, 1, 3), 99_000, action_id=1),
    )
    s = snap(
        people=people,
        goals=(smart_goal(1),),
        actions=(action(1, goal_id=1), action(2, goal_id=None)),
        weeks=weeks,
        expenses=expenses,
    )
    fig = trace_figures(s, since=D(2025, 3, 1))
    assert fig.week == (2025, 11)
    anna, igor, maria = fig.people
    assert (anna.planned_hours, anna.traced_hours, anna.share) == (10.0, 6.0, 0.6)
    assert igor.planned_hours == 0.0 and igor.share is None  # his week 10 is not this week
    assert maria.share is None
    assert (fig.spend_minor, fig.traced_spend_minor) == (35_000, 25_000)
    assert fig.spend_share == pytest.approx(25 / 35)
    assert trace_figures(s, week=(2025, 10)).people[1].share == 1.0
    assert trace_figures(snap()).spend_share is None


# --- the service on real plan files -------------------------------------------------------


def insert(plan: PlanFile, model: Any, **values: Any) -> int:
    e = edits.InsertRow(model, values)
    edits.run(plan, e)
    return int(e.key)


def add_branch(plan: PlanFile, n: int) -> dict[str, int]:
    """A goal with its analysis, an action, a week with tasks, money and a control point."""
    ids: dict[str, int] = {}
    ids["person"] = insert(plan, Person, name=f"Igor {n}", unplannable_share=0.4)
    ids["strength"] = insert(plan, SwotItem, quadrant="S", text=f"Good espresso {n}")
    ids["threat"] = insert(plan, SwotItem, quadrant="T", text=f"Chain across the street {n}")
    ids["opportunity"] = insert(plan, SwotItem, quadrant="O", text=f"New offices {n}")
    ids["goal"] = insert(
        plan,
        Goal,
        title=f"More regulars {n}",
        metric="regulars a month",
        baseline=100.0,
        target=150.0,
        baseline_date=D(2025, 1, 1),
        deadline=None,
        owner_id=ids["person"],
    )
    edits.run(
        plan,
        edits.InsertRow(GoalSwotLink, {"goal_id": ids["goal"], "swot_item_id": ids["opportunity"]}),
    )
    ids["tows"] = insert(
        plan,
        TowsOption,
        internal_id=ids["strength"],
        external_id=ids["opportunity"],
        text=f"Lunch combo {n}",
        goal_id=ids["goal"],
    )
    ids["action"] = insert(
        plan,
        Action,
        title=f"Loyalty cards {n}",
        goal_id=ids["goal"],
        channel_id=1,
        owner_id=None,
        start=D(2025, 2, 1),
        due=D(2025, 3, 1),
        budget_minor=50_000,
        status="in_progress",
    )
    ids["week"] = insert(
        plan, WeeklyPlan, person_id=ids["person"], iso_year=2025, iso_week=11, state="approved"
    )
    ids["task"] = insert(
        plan,
        WeeklyTask,
        weekly_plan_id=ids["week"],
        description="Print cards",
        action_id=ids["action"],
        end_product="",
        est_hours=10.0,
    )
    insert(
        plan,
        WeeklyTask,
        weekly_plan_id=ids["week"],
        description="Calls",
        est_hours=9.0,
        end_product="20 calls",
    )
    ids["line"] = insert(
        plan,
        BudgetLine,
        month=D(2025, 2, 1) if n == 0 else D(2020 + n, 1, 1),
        channel_id=2,
        amount_minor=5_000,
    )
    ids["expense"] = insert(
        plan,
        Expense,
        date=D(2025, 3, 3),
        amount_minor=12_000,
        action_id=ids["action"],
        payee=f"Printer {n}",
    )
    ids["point"] = insert(
        plan,
        ControlPoint,
        target="action",
        action_id=ids["action"],
        controller_id=None,
        cadence="monthly",
        limit_minor=10_000,
        next_due=D(2025, 3, 1),
    )
    return ids


@pytest.fixture
def small(tmp_path: Path) -> Iterator[tuple[PlanFile, dict[str, int]]]:
    plan = new_plan(tmp_path / "small.mktplan", name="Café", language="en")
    try:
        yield plan, add_branch(plan, 0)
    finally:
        plan.close()


def test_check_on_a_small_plan(small: tuple[PlanFile, dict[str, int]]) -> None:
    plan, ids = small
    report = health.check(plan, TODAY)
    got = {(f.code, f.object_ref) for f in report.findings}
    expected = {
        ("goal_not_smart", f"goal:{ids['goal']}"),
        ("threat_unaddressed", f"swot_item:{ids['threat']}"),
        ("action_no_owner", f"action:{ids['action']}"),
        ("action_overdue", f"action:{ids['action']}"),
        ("week_over_capacity", f"weekly_plan:{ids['week']}"),
        ("task_no_end_product", f"weekly_task:{ids['task']}"),
        ("expense_no_budget_line", f"expense:{ids['expense']}"),
        ("control_over_limit", f"control_point:{ids['point']}"),
        ("control_overdue", f"control_point:{ids['point']}"),
        ("control_point_no_controller", f"control_point:{ids['point']}"),
        ("money_without_control", "channel:2"),  # the February line on channel 2
        ("report_no_cadence", ""),
        ("report_no_maker", ""),
        ("report_no_reader", ""),
        ("report_no_actor", ""),
    }
    assert got == expected
    smart = next(f for f in report.findings if f.code == "goal_not_smart")
    assert smart.params["failed"] == ["T"]
    week_f = next(f for f in report.findings if f.code == "week_over_capacity")
    assert (week_f.params["planned_hours"], week_f.params["capacity_hours"]) == (19.0, 15.6)
    assert report.has_errors and report.counts["error"] == 1  # control point over its limit

    as_json = health.report_to_dict(report)
    text = json.dumps(as_json, ensure_ascii=False)
    assert json.loads(text)["total"] == report.total
    assert as_json["counts"] == report.counts
    first = as_json["findings"][0]
    assert first["code"] == "control_over_limit" and first["severity"] == "error"
    assert first["object"] == {"table": "control_point", "id": ids["point"]}
    assert {r["code"] for r in as_json["rules"]} == set(RULES)


def test_dismissal_is_an_undoable_edit(small: tuple[PlanFile, dict[str, int]]) -> None:
    plan, ids = small
    before = health.check(plan, TODAY)
    dismiss = health.dismiss_edit(
        "action_no_owner", ("action", ids["action"]), "freelancer", today=TODAY
    )
    assert dismiss.label == "dismiss_finding"
    change = edits.run(plan, dismiss)
    assert "finding_dismissal" in change.tables

    after = health.check(plan, TODAY)
    f = next(x for x in after.findings if x.code == "action_no_owner")
    assert f.dismissed and f.dismiss_reason == "freelancer"
    assert after.total == before.total - 1 and after.passed == before.passed
    assert after.counts["dismissed"] == 1

    with pytest.raises(DomainError):  # the same finding twice
        edits.run(plan, health.dismiss_edit("action_no_owner", f"action:{ids['action']}"))

    edits.undo(plan, dismiss)
    assert not any(x.dismissed for x in health.check(plan, TODAY).findings)
    edits.run(plan, dismiss)  # redo

    undismiss = health.undismiss_edit(plan, "action_no_owner", f"action:{ids['action']}")
    assert undismiss.label == "undismiss_finding"
    edits.run(plan, undismiss)
    assert not any(x.dismissed for x in health.check(plan, TODAY).findings)
    edits.undo(plan, undismiss)
    restored = next(x for x in health.check(plan, TODAY).findings if x.dismissed)
    assert restored.dismiss_reason == "freelancer"

    # a plan-wide finding is dismissed with the empty reference
    edits.run(plan, health.dismiss_edit("report_no_actor", None, "owner acts"))
    assert any(
        x.code == "report_no_actor" and x.dismissed for x in health.check(plan, TODAY).findings
    )
    with pytest.raises(DomainError):
        health.undismiss_edit(plan, "no_goals", None)
    with pytest.raises(ValueError):
        health.dismiss_edit("no_goals", "goal-3")


def test_score_is_recorded_once_per_change_and_trends(
    small: tuple[PlanFile, dict[str, int]],
) -> None:
    plan, ids = small
    assert health.score_trend(plan) == []
    first = health.check(plan, TODAY)
    at = dt.datetime(2025, 3, 12, 9, 0)
    assert health.record_score(plan, first, at)
    assert not health.record_score(plan, first, at + dt.timedelta(minutes=1))  # unchanged
    edits.run(plan, edits.UpdateRow(Action, ids["action"], {"owner_id": ids["person"]}))
    second = health.check(plan, TODAY)
    assert second.passed == first.passed + 1
    assert health.record_score(plan, second, at + dt.timedelta(minutes=2))
    trend = health.score_trend(plan)
    assert [(p.at, p.passed, p.total) for p in trend] == [
        ("2025-03-12T09:00:00", first.passed, first.total),
        ("2025-03-12T09:02:00", second.passed, second.total),
    ]
    assert trend[-1].score == pytest.approx(second.score)
    assert [p.at for p in health.score_trend(plan, n=1)] == ["2025-03-12T09:02:00"]
    edit = health.record_score_edit(second, at)
    assert isinstance(edit, edits.InsertRow) and edit.label == "record_check_score"


def test_chain_up_from_a_task_and_an_expense(small: tuple[PlanFile, dict[str, int]]) -> None:
    plan, ids = small
    chain = health.chain_up(plan, "weekly_task", ids["task"])
    assert [(c.table, c.id, c.title, c.detail) for c in chain] == [
        ("weekly_task", ids["task"], "Print cards", ""),
        ("action", ids["action"], "Loyalty cards 0", ""),
        ("goal", ids["goal"], "More regulars 0", ""),
        ("tows_option", ids["tows"], "Lunch combo 0", "SO"),
        ("swot_item", ids["strength"], "Good espresso 0", "S"),
        ("swot_item", ids["opportunity"], "New offices 0", "O"),
    ]
    from_expense = health.chain_up(plan, "expense", ids["expense"])
    assert [(c.table, c.title) for c in from_expense[:3]] == [
        ("expense", "Printer 0"),
        ("action", "Loyalty cards 0"),
        ("goal", "More regulars 0"),
    ]
    assert health.chain_up(plan, "action", ids["action"])[0].table == "action"
    untied = insert(plan, WeeklyTask, weekly_plan_id=ids["week"], description="Coffee")
    assert [c.table for c in health.chain_up(plan, "weekly_task", untied)] == ["weekly_task"]
    assert health.chain_up(plan, "weekly_task", 9999) == []
    with pytest.raises(DomainError):
        health.chain_up(plan, "person", 1)


def test_chain_down_from_a_goal(small: tuple[PlanFile, dict[str, int]]) -> None:
    plan, ids = small
    insert(
        plan,
        Expense,
        date=D(2025, 3, 4),
        amount_minor=-2_000,
        is_refund=True,
        action_id=ids["action"],
    )
    down = health.chain_down(plan, ids["goal"], TODAY)
    assert down is not None
    assert down.title == "More regulars 0" and down.week == (2025, 11)
    [a] = down.actions
    assert (a.id, a.title, a.status, a.owner, a.budget_minor, a.spent_minor) == (
        ids["action"],
        "Loyalty cards 0",
        "in_progress",
        "",
        50_000,
        10_000,
    )
    assert [(t.id, t.description, t.person, t.est_hours) for t in down.tasks] == [
        (ids["task"], "Print cards", "Igor 0", 10.0)
    ]
    assert (down.spent_minor, down.budget_minor, down.planned_hours) == (10_000, 50_000, 10.0)
    next_week = health.chain_down(plan, ids["goal"], TODAY + dt.timedelta(days=7))
    assert next_week is not None and next_week.tasks == ()
    assert health.chain_down(plan, 9999, TODAY) is None


def test_figures_from_the_plan(small: tuple[PlanFile, dict[str, int]]) -> None:
    plan, ids = small
    fig = health.figures(plan, TODAY)
    [igor] = fig.people
    assert (igor.planned_hours, igor.traced_hours) == (19.0, 10.0)
    assert fig.spend_share == 1.0


def test_snapshot_reads_in_a_constant_number_of_statements(tmp_path: Path) -> None:
    plan = new_plan(tmp_path / "grow.mktplan", name="Café", language="en")
    try:
        add_branch(plan, 0)
        n = plan.statements
        one = health.snapshot(plan, TODAY)
        small_count = plan.statements - n
        for i in range(1, 5):
            add_branch(plan, i)
        n = plan.statements
        five = health.snapshot(plan, TODAY)
        assert plan.statements - n == small_count
        assert (len(one.goals), len(five.goals)) == (1, 5)
        assert len(five.weeks) == 5 and sum(len(w.tasks) for w in five.weeks) == 10
        n = plan.statements
        health.check(plan, TODAY)
        assert plan.statements - n == small_count
    finally:
        plan.close()


def test_the_demo_plan_shows_its_planted_findings(tmp_path: Path) -> None:
    from mktplanner.services.demo import FACTS, build_demo

    plan = build_demo(tmp_path / "demo.mktplan", "en", today=TODAY)
    try:
        report = health.check(plan, TODAY)
    finally:
        plan.close()
    got = {(f.code, f.object_ref) for f in report.active}
    assert ("goal_not_smart", f"goal:{FACTS.goal_without_deadline}") in got
    assert ("goal_off_track", f"goal:{FACTS.goal_off_track}") in got
    assert ("action_overdue", f"action:{FACTS.action_late}") in got
    assert ("action_no_owner", f"action:{FACTS.action_without_owner}") in got
    assert ("action_no_goal", f"action:{FACTS.action_without_goal}") in got
    assert ("control_over_limit", f"control_point:{FACTS.control_over}") in got
    assert ("control_over_limit", f"control_point:{FACTS.control_ok}") not in got
    over = [f for f in report.active if f.code == "week_over_capacity"]
    assert [
        (f.params["person_id"], f.params["planned_hours"], f.params["capacity_hours"]) for f in over
    ] == [(FACTS.person_unplannable, FACTS.over_capacity_week_hours, FACTS.capacity_unplannable)]
    smart = next(f for f in report.active if f.code == "goal_not_smart")
    assert smart.params["failed"] == ["T"]
    assert report.has_errors and 0 < report.score < 1


def test_the_documented_rule_table_lists_every_rule() -> None:
    import mktplanner.domain.health as package

    doc = package.__doc__ or ""
    for entry in catalogue():
        line = f"{entry['level']:<11}{entry['severity']:<8}{entry['code']}"
        assert line in doc, f"rule missing from the docstring table: {line}"
