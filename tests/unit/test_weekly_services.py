"""Use cases of the weekly plans (services.weekly): capacity and load, suggested targets,
'prepare next week' across a year boundary, the life cycle with its refusals, edits refused
by the week's state, and the team's figures on the demo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.domain.errors import DomainError
from mktplanner.domain.rules.weekly import round_hours
from mktplanner.domain.tables import Action, Goal, Person, WeeklyMetric, WeeklyPlan, WeeklyTask
from mktplanner.services import edits, weekly
from mktplanner.services.demo import FACTS, build_demo
from mktplanner.services.plans import new_plan
from mktplanner.services.summary import summarize
from mktplanner.store.planfile import PlanFile

TODAY = dt.date(2026, 11, 18)  # ISO week 2026-W47, a Wednesday


@pytest.fixture()
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = new_plan(tmp_path / "w.mktplan", name="Weekly", currency="USD", language="en")
    yield p
    p.close()


def _insert(plan: PlanFile, model: Any, **values: Any) -> int:
    edit = edits.InsertRow(model, values)
    edits.run(plan, edit)
    return int(edit.key)


def _row(plan: PlanFile, model: Any, key: int) -> Any:
    with plan.session() as s:
        return s.get(model, key)


def _problem(exc: pytest.ExceptionInfo[DomainError]) -> tuple[str, str]:
    first = exc.value.problems[0]
    return first.field, first.code


@pytest.fixture()
def team(plan: PlanFile) -> dict[str, int]:
    anna = _insert(plan, Person, name="Anna", weekly_hours=40.0, unplannable_share=0.0)
    igor = _insert(
        plan, Person, name="Igor", weekly_hours=40.0, unplannable_share=0.4, manager_id=anna
    )
    goal = _insert(plan, Goal, title="More guests")
    action = _insert(plan, Action, title="Posts", goal_id=goal)
    loose = _insert(plan, Action, title="Repaint the sign")
    return {"anna": anna, "igor": igor, "goal": goal, "action": action, "loose": loose}


def _week(plan: PlanFile, person: int, year: int, week: int, state: str = "draft") -> int:
    return _insert(plan, WeeklyPlan, person_id=person, iso_year=year, iso_week=week, state=state)


def _task(plan: PlanFile, week: int, description: str = "Task", **values: Any) -> int:
    values.setdefault("end_product", "Something checkable")
    values.setdefault("est_hours", 1.0)
    return _insert(plan, WeeklyTask, weekly_plan_id=week, description=description, **values)


# --- capacity ---------------------------------------------------------------------------------


def test_capacity_of_a_full_timer_is_26_hours(plan: PlanFile, team: dict[str, int]) -> None:
    view = weekly.week_view(plan, team["anna"], 2026, 47)
    assert view is not None
    assert view.header.id is None  # no plan yet, the capacity is known all the same
    assert view.header.capacity == pytest.approx(26.0)


def test_capacity_with_40_percent_unplannable_is_15_6_hours(
    plan: PlanFile, team: dict[str, int]
) -> None:
    view = weekly.week_view(plan, team["igor"], 2026, 47)
    assert view is not None
    assert round_hours(view.header.capacity) == 15.6


@pytest.mark.parametrize(("planned", "level"), [(25.0, "amber"), (27.0, "red"), (30.0, "red")])
def test_load_level_near_and_over_the_limit(
    plan: PlanFile, team: dict[str, int], planned: float, level: str
) -> None:
    week = _week(plan, team["anna"], 2026, 47)
    _task(plan, week, est_hours=planned)
    view = weekly.week_view(plan, team["anna"], 2026, 47)
    assert view is not None
    assert view.header.planned_hours == planned
    assert str(view.header.level) == level


def test_load_below_the_amber_band_is_ok(plan: PlanFile, team: dict[str, int]) -> None:
    week = _week(plan, team["anna"], 2026, 47)
    _task(plan, week, est_hours=20.0)
    view = weekly.week_view(plan, team["anna"], 2026, 47)
    assert view is not None and str(view.header.level) == "ok"


def test_linked_share_counts_hours_of_tasks_serving_a_goal(
    plan: PlanFile, team: dict[str, int]
) -> None:
    week = _week(plan, team["anna"], 2026, 47)
    _task(plan, week, "Posts", est_hours=3.0, action_id=team["action"])
    _task(plan, week, "Sign", est_hours=1.0, action_id=team["loose"])
    view = weekly.week_view(plan, team["anna"], 2026, 47)
    assert view is not None
    assert view.header.linked_share == pytest.approx(0.75)
    assert [t["goal_title"] for t in view.tasks] == ["More guests", None]


# --- suggested targets ------------------------------------------------------------------------


def test_suggest_targets_adds_one_percent_counts_round_up_money_to_cents(
    plan: PlanFile, team: dict[str, int]
) -> None:
    last = _week(plan, team["anna"], 2026, 46, "closed")
    _insert(plan, WeeklyMetric, weekly_plan_id=last, name="New members", kind="count",
            planned=18.0, actual=41.0)  # fmt: skip
    _insert(plan, WeeklyMetric, weekly_plan_id=last, name="Revenue", kind="money",
            planned=2065.0, actual=1998.0)  # fmt: skip
    this = _week(plan, team["anna"], 2026, 47)
    members = _insert(plan, WeeklyMetric, weekly_plan_id=this, name="new members",
                      kind="count", planned=20.0)  # fmt: skip
    edit = weekly.suggest_targets(plan, this)
    assert edit is not None
    edits.run(plan, edit)
    view = weekly.week_view(plan, team["anna"], 2026, 47)
    assert view is not None
    planned = {m["name"]: m["planned"] for m in view.metrics}
    assert planned["new members"] == 42.0  # 41 × 1.01 = 41.41, a count rounds up
    assert planned["Revenue"] == 2017.98  # 1998 × 1.01, added from last week
    edits.undo(plan, edit)
    assert _row(plan, WeeklyMetric, members).planned == 20.0
    after = weekly.week_view(plan, team["anna"], 2026, 47)
    assert after is not None and [m["name"] for m in after.metrics] == ["new members"]


def test_suggest_targets_without_last_week_actuals_suggests_nothing(
    plan: PlanFile, team: dict[str, int]
) -> None:
    last = _week(plan, team["anna"], 2026, 46, "closed")
    _insert(plan, WeeklyMetric, weekly_plan_id=last, name="Reach", kind="count", planned=5.0,
            not_measured=True)  # fmt: skip
    this = _week(plan, team["anna"], 2026, 47)
    _insert(plan, WeeklyMetric, weekly_plan_id=this, name="Reach", kind="count", planned=5.0)
    assert weekly.suggest_targets(plan, this) is None


# --- prepare next week ------------------------------------------------------------------------


@pytest.mark.parametrize(("year", "week", "target"), [(2026, 53, (2027, 1)), (2025, 52, (2026, 1))])
def test_prepare_next_week_copies_regular_and_carries_unfinished_across_the_year(
    plan: PlanFile, team: dict[str, int], year: int, week: int, target: tuple[int, int]
) -> None:
    source = _week(plan, team["anna"], year, week, "approved")
    _task(plan, source, "Stand-up", regular=True, done=True, actual_hours=1.5, est_hours=1.5)
    _task(plan, source, "Contract", action_id=team["action"], est_hours=4.0, actual_hours=6.0)
    _task(plan, source, "Tasting", done=True, actual_hours=2.0)
    _insert(plan, WeeklyMetric, weekly_plan_id=source, name="Leads", kind="count", planned=10.0,
            actual=20.0)  # fmt: skip
    prepared = weekly.prepare_next_week(plan, source)
    assert tuple(prepared.target) == target
    assert (prepared.created, prepared.regular, prepared.carried, prepared.metrics) == (
        True,
        1,
        1,
        1,
    )
    assert prepared.edit is not None
    edits.run(plan, prepared.edit)
    view = weekly.week_view(plan, team["anna"], *target)
    assert view is not None and view.header.state == "draft"
    tasks = {t["description"]: t for t in view.tasks}
    assert set(tasks) == {"Stand-up", "Contract"}
    assert tasks["Stand-up"]["regular"] and not tasks["Stand-up"]["carried"]
    assert not tasks["Stand-up"]["done"] and tasks["Stand-up"]["actual_hours"] is None
    assert tasks["Contract"]["carried"] and tasks["Contract"]["action_id"] == team["action"]
    assert tasks["Contract"]["est_hours"] == 4.0 and tasks["Contract"]["actual_hours"] is None
    assert [(m["name"], m["planned"], m["actual"]) for m in view.metrics] == [
        ("Leads", 21.0, None)  # 20 × 1.01 = 20.2, rounded up
    ]
    # Once more: nothing is added twice.
    again = weekly.prepare_next_week(plan, source)
    assert again.edit is None and not again.created
    # One undo step takes the whole new week away.
    edits.undo(plan, prepared.edit)
    gone = weekly.week_view(plan, team["anna"], *target)
    assert gone is not None and gone.header.id is None


def test_prepare_adds_to_a_draft_next_week_but_not_to_a_submitted_one(
    plan: PlanFile, team: dict[str, int]
) -> None:
    source = _week(plan, team["anna"], 2026, 47, "approved")
    _task(plan, source, "Stand-up", regular=True)
    following = _week(plan, team["anna"], 2026, 48)
    _task(plan, following, "Stand-up", regular=True)
    _task(plan, source, "Report")
    prepared = weekly.prepare_next_week(plan, source)
    assert (prepared.created, prepared.regular, prepared.carried) == (False, 0, 1)
    assert prepared.edit is not None
    edits.run(plan, prepared.edit)
    edits.run(plan, edits.UpdateRow(WeeklyPlan, following, {"state": "submitted"}))
    _task(plan, source, "Another one")
    with pytest.raises(DomainError) as exc:
        weekly.prepare_next_week(plan, source)
    assert _problem(exc) == ("state", "next_week_not_draft")


# --- the life cycle ---------------------------------------------------------------------------


def test_life_cycle_with_who_and_when(plan: PlanFile, team: dict[str, int]) -> None:
    week = _week(plan, team["igor"], 2026, 47)
    task = _task(plan, week, est_hours=4.0)
    metric = _insert(plan, WeeklyMetric, weekly_plan_id=week, name="Orders", planned=2.0)
    day = dt.date(2026, 11, 13)

    def step(action: str) -> weekly.Transition:
        result, edit = weekly.transition(plan, week, action, today=day)
        assert result.allowed and edit is not None, result.problems
        edits.run(plan, edit)
        return edit

    step("submit")
    row = _row(plan, WeeklyPlan, week)
    assert (row.state, row.submitted_on) == ("submitted", day)
    undo_me = step("return")
    assert _row(plan, WeeklyPlan, week).submitted_on is None
    edits.undo(plan, undo_me)
    assert _row(plan, WeeklyPlan, week).state == "submitted"
    step("approve")
    row = _row(plan, WeeklyPlan, week)
    assert (row.state, row.approved_on, row.approved_by_id) == ("approved", day, team["anna"])
    # Closing needs the actuals (or 'not measured').
    result, edit = weekly.transition(plan, week, "close")
    assert edit is None and result.problems[0].code == "close_needs_actuals"
    assert result.problems[0].params["tasks"] == 1 and result.problems[0].params["metrics"] == 1
    edits.run(plan, weekly.update_task(plan, task, {"actual_hours": 5.0, "done": True}))
    edits.run(plan, weekly.update_metric(plan, metric, {"not_measured": True}))
    step("close")
    assert (_row(plan, WeeklyPlan, week).state, _row(plan, WeeklyPlan, week).closed_on) == (
        "closed",
        day,
    )
    reopened = step("reopen")
    row = _row(plan, WeeklyPlan, week)
    assert (row.state, row.closed_on) == ("approved", None)
    edits.undo(plan, reopened)  # reopening is undoable: closed again, with its date
    row = _row(plan, WeeklyPlan, week)
    assert (row.state, row.closed_on) == ("closed", day)


@pytest.mark.parametrize(
    ("state", "action"),
    [
        ("draft", "approve"),
        ("draft", "close"),
        ("submitted", "close"),
        ("approved", "submit"),
        ("closed", "approve"),
        ("approved", "reopen"),
    ],  # fmt: skip
)
def test_steps_out_of_order_are_refused(
    plan: PlanFile, team: dict[str, int], state: str, action: str
) -> None:
    week = _week(plan, team["anna"], 2026, 47, state)
    result, edit = weekly.transition(plan, week, action)
    assert edit is None and not result.allowed
    assert result.problems[0].code == "transition_not_allowed"
    with pytest.raises(DomainError):  # and the edit re-checks when it runs
        edits.run(plan, weekly.Transition(week, action))
    assert _row(plan, WeeklyPlan, week).state == state


def test_submitting_over_capacity_without_end_product_warns(
    plan: PlanFile, team: dict[str, int]
) -> None:
    week = _week(plan, team["igor"], 2026, 47)
    _task(plan, week, "Calls follow-up", est_hours=12.0)
    _task(plan, week, "Price list", est_hours=5.0, end_product="")
    result, edit = weekly.transition(plan, week, "submit")
    assert result.allowed and edit is not None
    codes = [w.code for w in result.warnings]
    assert codes == ["over_capacity", "task_without_end_product"]
    assert result.warnings[0].params == {"planned": 17.0, "capacity": 15.6}


# --- edits the week's state refuses ---------------------------------------------------------


def test_a_closed_week_refuses_every_edit(plan: PlanFile, team: dict[str, int]) -> None:
    week = _week(plan, team["anna"], 2026, 46, "closed")
    task = _task(plan, week, actual_hours=1.0)
    metric = _insert(plan, WeeklyMetric, weekly_plan_id=week, name="Leads", planned=1.0)
    for edit in (
        weekly.update_task(plan, task, {"description": "Changed"}),
        weekly.add_task(plan, week, {"description": "More"}),
        weekly.delete_tasks(plan, [task]),
        weekly.update_metric(plan, metric, {"planned": 3.0}),
        weekly.add_metric(plan, week, {"name": "More"}),
        weekly.delete_metrics(plan, [metric]),
    ):
        with pytest.raises(DomainError) as exc:
            edits.run(plan, edit)
        assert _problem(exc) == ("state", "week_closed")
    assert _row(plan, WeeklyTask, task).description == "Task"


def test_a_draft_week_refuses_actuals_but_takes_the_plan(
    plan: PlanFile, team: dict[str, int]
) -> None:
    week = _week(plan, team["anna"], 2026, 47)
    task = _task(plan, week)
    metric = _insert(plan, WeeklyMetric, weekly_plan_id=week, name="Leads", planned=1.0)
    for edit in (
        weekly.update_task(plan, task, {"actual_hours": 2.0}),
        weekly.update_task(plan, task, {"done": True}),
        weekly.update_metric(plan, metric, {"actual": 3.0}),
        weekly.update_metric(plan, metric, {"not_measured": True}),
    ):
        with pytest.raises(DomainError) as exc:
            edits.run(plan, edit)
        assert _problem(exc) == ("state", "actuals_in_draft")
    edits.run(plan, weekly.update_task(plan, task, {"est_hours": 3.0, "description": "Plan"}))
    edits.run(plan, weekly.update_metric(plan, metric, {"planned": 4.0}))
    assert _row(plan, WeeklyTask, task).est_hours == 3.0
    # The manager may edit a submitted or approved plan, and actuals go in once approved.
    edits.run(plan, edits.UpdateRow(WeeklyPlan, week, {"state": "approved"}))
    edits.run(plan, weekly.update_task(plan, task, {"actual_hours": 2.5, "done": True}))
    assert _row(plan, WeeklyTask, task).actual_hours == 2.5


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("est_hours", -1.0, "out_of_range"),
        ("est_hours", 169.0, "out_of_range"),
        ("est_hours", 41.0, "over_weekly_hours"),
        ("actual_hours", 200.0, "out_of_range"),
        ("actual_hours", 40.5, "over_weekly_hours"),
    ],
)
def test_hours_outside_the_week_or_the_persons_hours_are_refused(
    plan: PlanFile, team: dict[str, int], field: str, value: float, code: str
) -> None:
    week = _week(plan, team["anna"], 2026, 47, "approved")
    task = _task(plan, week, est_hours=2.0)
    with pytest.raises(DomainError) as exc:
        edits.run(plan, weekly.update_task(plan, task, {field: value}))
    assert _problem(exc) == (field, code)
    with pytest.raises(DomainError):
        edits.run(plan, weekly.add_task(plan, week, {"description": "Big", field: value}))
    assert _row(plan, WeeklyTask, task).est_hours == 2.0
    edits.run(plan, weekly.update_task(plan, task, {field: 40.0}))  # exactly the week: fine


# --- reading -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PlanFile]:
    path = tmp_path_factory.mktemp("weekly-demo") / "demo.mktplan"
    build_demo(path, "en", today=TODAY).close()
    p = PlanFile.open(path, read_only=True, backup=False)
    yield p
    p.close()


def test_team_view_of_the_demo_this_week(demo: PlanFile) -> None:
    rows = {f.person_id: f for f in weekly.team_week(demo, 2026, 47)}
    assert set(rows) == {1, 2, 3}
    igor = rows[FACTS.person_unplannable]
    assert igor.state == "approved"
    assert round_hours(igor.capacity) == FACTS.capacity_unplannable
    assert igor.planned_hours == FACTS.over_capacity_week_hours
    assert str(igor.level) == "red"
    assert igor.linked_share == pytest.approx(13 / 19)
    assert (igor.tasks, igor.tasks_done, igor.done_share) == (7, 0, 0.0)
    assert igor.attainment is None  # no actuals yet in the running week
    anna = rows[FACTS.person_manager]
    assert (anna.capacity, anna.planned_hours, str(anna.level)) == (26.0, 16.5, "ok")
    assert anna.linked_share == pytest.approx(10 / 16.5)


def test_team_view_of_the_demo_last_week(demo: PlanFile) -> None:
    rows = {f.person_id: f for f in weekly.team_week(demo, 2026, 46)}
    anna, igor, maria = rows[1], rows[2], rows[3]
    assert anna.state == "closed"
    assert (anna.tasks, anna.tasks_done) == (6, 5)  # the aggregator contract was carried over
    assert anna.actual_hours == 19.5
    # Revenue 1,998 of 2,065 and 41 new members of 18: the mean of the two ratios.
    assert anna.attainment == pytest.approx((1998 / 2065 + 41 / 18) / 2)
    assert igor.attainment == pytest.approx(1.0)  # the average check was not measured
    assert maria.attainment == pytest.approx((3 / 3 + 19 / 17) / 2)
    assert maria.done_share == 1.0


def test_team_history_spans_the_weeks_and_people(demo: PlanFile) -> None:
    history = weekly.team_history(demo, (2026, 48), 8)
    assert [tuple(w) for w in history.weeks][:2] == [(2026, 41), (2026, 42)]
    assert tuple(history.weeks[-1]) == (2026, 48)
    assert [name for _, name in history.people] == ["Anna Smith", "Igor Peters", "Maria Cooper"]
    assert history.cells[(2, 2026, 47)].planned_hours == 19.0
    assert history.cells[(2, 2026, 48)].state == "draft"
    assert history.cells[(2, 2026, 41)].weekly_plan_id is None  # active, but no plan that week


def test_summary_has_the_figures_of_each_person_week(demo: PlanFile) -> None:
    capacity = summarize(demo, TODAY)["capacity"]
    igor = next(c for c in capacity if c["person_id"] == 2 and c["iso_week"] == 47)
    assert igor["capacity_hours"] == 15.6
    assert igor["planned_hours"] == 19.0
    assert igor["actual_hours"] is None
    assert igor["goal_share"] == pytest.approx(13 / 19, abs=1e-4)
    closed = next(c for c in capacity if c["person_id"] == 1 and c["iso_week"] == 46)
    assert closed["actual_hours"] == 19.5


def test_locate_finds_the_week_of_a_task(demo: PlanFile) -> None:
    view = weekly.week_view(demo, 2, 2026, 47)
    assert view is not None
    task = view.tasks[0]["id"]
    assert weekly.locate(demo, "weekly_task", task) == (2, 2026, 47)
    assert weekly.locate(demo, "weekly_task", 999_999) is None


def test_reading_a_week_takes_a_fixed_number_of_statements(demo: PlanFile) -> None:
    before = demo.statements
    weekly.week_view(demo, 2, 2026, 47)
    first = demo.statements - before
    before = demo.statements
    weekly.team_week(demo, 2026, 47)
    weekly.team_history(demo, (2026, 48), 8)
    team = demo.statements - before
    assert first <= 6 and team <= 10
