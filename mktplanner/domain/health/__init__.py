"""The plan check: the plan audits itself (DOMAIN.md §8).

A set of rules runs over a :class:`PlanSnapshot` (plain, immutable, no database) and returns a
:class:`CheckReport`: its findings and its score.

Findings
    Each :class:`Finding` has a ``code`` (the rule's), a ``severity`` (error / warning /
    info), a ``level`` (analysis, strategy, tactics, operations, budget, control: the page
    groups by it), the object it concerns (``ObjectRef(table, id)``, e.g. ``("goal", 3)``,
    or ``None`` for the plan as a whole), ``params`` (plain JSON values) and ``next_step``
    (a code such as ``add_action_for_goal``). Nothing here is a sentence: the UI and the CLI
    word the codes.

Dismissals
    A finding whose (code, object reference ``"<table>:<id>"`` or ``""``) is in the
    snapshot's dismissals (table ``finding_dismissal``) stays in the report with
    ``dismissed=True`` and the user's reason, but counts neither in the score, nor in
    ``counts`` by severity, nor in ``has_errors`` (the CLI's error exit).

Score
    Each rule examines the objects it applies to (e.g. ``action_overdue`` examines the
    active actions that have a due date; ``no_goals`` and the reporting rules examine the plan
    once) and each examined object either passes or yields one finding. Over all rules::

        passed = Σ objects that passed
        total  = Σ objects examined − Σ failures dismissed
        score  = passed / total          (1.0 when total = 0)

    so a dismissed failure is taken out of the count rather than turned into a pass, and
    rules weigh by the number of objects they examine. ``total`` is never 0 in practice
    (``no_goals`` and the four reporting rules always examine the plan). A rule that
    crashes yields a ``check_failed`` error finding and counts nothing.

Rules (level, severity, code -> next steps; ``catalogue()`` gives the same list)::

    analysis   warning threat_unaddressed          -> address_threat
    analysis   info    strength_unused             -> use_strength
    strategy   error   no_goals                    -> add_goal
    strategy   warning goal_not_smart              -> set_goal_metric, set_goal_baseline_target,
                                                      review_goal_target, link_goal_to_swot,
                                                      set_goal_deadline (first failed letter)
    strategy   error   goal_no_action              -> add_action_for_goal
    strategy   warning goal_off_track              -> review_goal_actions
    tactics    warning action_no_owner             -> assign_action_owner
    tactics    warning action_no_goal              -> link_action_to_goal
    tactics    warning action_no_dates             -> set_action_dates
    tactics    warning action_no_budget            -> set_action_budget
    tactics    warning action_overdue              -> update_action_status
    tactics    warning hypothesis_no_decision      -> decide_hypothesis
    operations warning week_over_capacity          -> reduce_week_tasks
    operations warning task_no_end_product         -> describe_end_product
    operations warning week_not_approved           -> approve_week
    operations warning week_not_closed             -> close_week
    budget     warning expense_no_budget_line      -> add_budget_line
    control    warning money_without_control       -> add_control_point
    control    warning control_point_no_controller -> assign_controller
    control    error   control_over_limit          -> review_spending
    control    warning control_overdue             -> do_control_check
    control    warning report_no_cadence           -> set_report_cadence
    control    warning report_no_maker             -> set_report_maker
    control    warning report_no_reader            -> set_report_reader
    control    warning report_no_actor             -> set_report_actor

    (and ``check_failed`` -> ``report_problem`` when a rule itself crashes)

Each rule's docstring in :mod:`.rules` says which objects it examines and its params.

Adding a rule
    See :mod:`.rules`: one function, one ``@rule(code, severity, level, next_step)``.
"""

from mktplanner.domain.health import rules as _rules  # noqa: F401  (registers the rules)
from mktplanner.domain.health.model import (
    ActionRow,
    BudgetLineRow,
    ChannelRow,
    ControlPointRow,
    DismissalRow,
    ExpenseRow,
    GoalRow,
    HypothesisRow,
    PersonRow,
    PlanSnapshot,
    ProfileRow,
    SwotRow,
    TaskRow,
    TowsRow,
    WeekRow,
)
from mktplanner.domain.health.registry import (
    CHECK_FAILED,
    RULES,
    CheckReport,
    Finding,
    Level,
    ObjectRef,
    Outcome,
    Rule,
    RuleStats,
    Severity,
    catalogue,
    fail,
    ok,
    parse_ref,
    ref_text,
    rule,
    run_checks,
)
from mktplanner.domain.health.trace import PersonHours, TraceFigures, trace_figures

__all__ = [
    "CHECK_FAILED",
    "RULES",
    "ActionRow",
    "BudgetLineRow",
    "ChannelRow",
    "CheckReport",
    "ControlPointRow",
    "DismissalRow",
    "ExpenseRow",
    "Finding",
    "GoalRow",
    "HypothesisRow",
    "Level",
    "ObjectRef",
    "Outcome",
    "PersonHours",
    "PersonRow",
    "PlanSnapshot",
    "ProfileRow",
    "Rule",
    "RuleStats",
    "Severity",
    "SwotRow",
    "TaskRow",
    "TowsRow",
    "TraceFigures",
    "WeekRow",
    "catalogue",
    "fail",
    "ok",
    "parse_ref",
    "ref_text",
    "rule",
    "run_checks",
    "trace_figures",
]
