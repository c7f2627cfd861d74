"""The words of the plan's closed vocabularies (action status, cadence, ...) and of the plan
check, shared by the window (``ui/texts.py``) and the printed pack (``report/texts.py``): one
source string per enum value, finding, next step, severity and level, in the ``"texts"``
context, so both say the same thing and share one translation.

Only the source strings live here (no Qt, no Babel: the window imports this at start-up);
each side translates them with its own translator.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``source`` for Qt Linguist; it is translated when shown."""
    return source


FINDINGS: dict[str, str] = {
    "threat_unaddressed": QT_TRANSLATE_NOOP(
        "texts", "Threat “{text}” has no answer in the strategy."
    ),
    "strength_unused": QT_TRANSLATE_NOOP(
        "texts", "Strength “{text}” is not used by any option or goal."
    ),
    "no_goals": QT_TRANSLATE_NOOP("texts", "The plan has no goals yet."),
    "goal_not_smart": QT_TRANSLATE_NOOP("texts", "Goal “{title}” is not SMART: {letters}."),
    "goal_no_action": QT_TRANSLATE_NOOP("texts", "No action serves goal “{title}”."),
    "goal_off_track": QT_TRANSLATE_NOOP(
        "texts", "Goal “{title}” is off track: {progress} done where {expected} was expected."
    ),
    "action_no_owner": QT_TRANSLATE_NOOP("texts", "Action “{title}” has no owner."),
    "action_no_goal": QT_TRANSLATE_NOOP("texts", "Action “{title}” serves no goal."),
    "action_no_dates": QT_TRANSLATE_NOOP("texts", "Action “{title}” has no start or due date."),
    "action_no_budget": QT_TRANSLATE_NOOP("texts", "Action “{title}” has no budget."),
    "action_overdue": QT_TRANSLATE_NOOP(
        "texts", "Action “{title}” was due {due} and is not done ({days_late} days late)."
    ),
    "hypothesis_no_decision": QT_TRANSLATE_NOOP(
        "texts", "Test “{title}” ended {end} and still awaits a decision."
    ),
    "week_over_capacity": QT_TRANSLATE_NOOP(
        "texts", "{person}, {week}: {planned_hours} h planned, capacity {capacity_hours} h."
    ),
    "task_no_end_product": QT_TRANSLATE_NOOP(
        "texts", "{person}, {week}: task “{description}” names no end product."
    ),
    "week_not_approved": QT_TRANSLATE_NOOP(
        "texts", "{person}, {week}: the plan is not approved yet."
    ),
    "week_not_closed": QT_TRANSLATE_NOOP(
        "texts", "{person}, {week}: the week is over but not closed."
    ),
    "expense_no_budget_line": QT_TRANSLATE_NOOP(
        "texts", "Expense “{title}” of {date} has no budget line for its month."
    ),
    "money_without_control": QT_TRANSLATE_NOOP(
        "texts", "Money on “{title}” is spent with no control point watching it."
    ),
    "control_point_no_controller": QT_TRANSLATE_NOOP(
        "texts", "A control point names nobody to do the checking."
    ),
    "control_over_limit": QT_TRANSLATE_NOOP(
        "texts", "Spending is over the limit of a control point."
    ),
    "control_overdue": QT_TRANSLATE_NOOP(
        "texts", "A control check was due {next_due} ({days_late} days ago)."
    ),
    "report_no_cadence": QT_TRANSLATE_NOOP(
        "texts", "The plan does not say how often reports are made."
    ),
    "report_no_maker": QT_TRANSLATE_NOOP("texts", "The plan does not say who makes the reports."),
    "report_no_reader": QT_TRANSLATE_NOOP("texts", "The plan does not say who reads the reports."),
    "report_no_actor": QT_TRANSLATE_NOOP(
        "texts", "The plan does not say who changes the activities because of the reports."
    ),
    "check_failed": QT_TRANSLATE_NOOP("texts", "One check could not be run; see the log."),
}

NEXT_STEPS: dict[str, str] = {
    "address_threat": QT_TRANSLATE_NOOP(
        "texts", "Add a strategic option or a goal that answers it."
    ),
    "use_strength": QT_TRANSLATE_NOOP("texts", "Pair it with an opportunity or link it to a goal."),
    "add_goal": QT_TRANSLATE_NOOP("texts", "Add a measurable goal on the Goals page."),
    "set_goal_metric": QT_TRANSLATE_NOOP("texts", "Name the metric the goal is measured by."),
    "set_goal_baseline_target": QT_TRANSLATE_NOOP("texts", "Set the baseline and the target."),
    "review_goal_target": QT_TRANSLATE_NOOP("texts", "Check that the target is achievable."),
    "link_goal_to_swot": QT_TRANSLATE_NOOP("texts", "Link the goal to a SWOT item or the mission."),
    "set_goal_deadline": QT_TRANSLATE_NOOP("texts", "Set a deadline."),
    "add_action_for_goal": QT_TRANSLATE_NOOP("texts", "Add an action for it in the tactical plan."),
    "review_goal_actions": QT_TRANSLATE_NOOP("texts", "Review the actions that serve it."),
    "assign_action_owner": QT_TRANSLATE_NOOP("texts", "Choose who is responsible."),
    "link_action_to_goal": QT_TRANSLATE_NOOP("texts", "Choose the goal it serves."),
    "set_action_dates": QT_TRANSLATE_NOOP("texts", "Set the start and due dates."),
    "set_action_budget": QT_TRANSLATE_NOOP("texts", "Set its budget (zero if it costs nothing)."),
    "update_action_status": QT_TRANSLATE_NOOP("texts", "Mark it done, or move its due date."),
    "decide_hypothesis": QT_TRANSLATE_NOOP("texts", "Decide: scale, continue or stop."),
    "reduce_week_tasks": QT_TRANSLATE_NOOP("texts", "Move or drop tasks of that week."),
    "describe_end_product": QT_TRANSLATE_NOOP(
        "texts", "Describe the checkable result of the task."
    ),
    "approve_week": QT_TRANSLATE_NOOP("texts", "Review and approve the weekly plan."),
    "close_week": QT_TRANSLATE_NOOP("texts", "Fill in the actuals and close the week."),
    "add_budget_line": QT_TRANSLATE_NOOP("texts", "Add a budget line for that month."),
    "add_control_point": QT_TRANSLATE_NOOP("texts", "Add a control point with a limit."),
    "assign_controller": QT_TRANSLATE_NOOP("texts", "Choose who checks it."),
    "review_spending": QT_TRANSLATE_NOOP("texts", "Review the spending and the limit."),
    "do_control_check": QT_TRANSLATE_NOOP("texts", "Do the check and record it."),
    "set_report_cadence": QT_TRANSLATE_NOOP("texts", "Set how often reports are made."),
    "set_report_maker": QT_TRANSLATE_NOOP("texts", "Name who makes the reports."),
    "set_report_reader": QT_TRANSLATE_NOOP("texts", "Name who reads the reports."),
    "set_report_actor": QT_TRANSLATE_NOOP("texts", "Name who acts on the reports."),
}

SEVERITIES: dict[str, str] = {
    "error": QT_TRANSLATE_NOOP("texts", "Problem"),
    "warning": QT_TRANSLATE_NOOP("texts", "Warning"),
    "info": QT_TRANSLATE_NOOP("texts", "Tip"),
}

LEVELS: dict[str, str] = {
    "analysis": QT_TRANSLATE_NOOP("texts", "Analysis"),
    "strategy": QT_TRANSLATE_NOOP("texts", "Strategy"),
    "tactics": QT_TRANSLATE_NOOP("texts", "Tactics"),
    "operations": QT_TRANSLATE_NOOP("texts", "Weekly work"),
    "budget": QT_TRANSLATE_NOOP("texts", "Budget"),
    "control": QT_TRANSLATE_NOOP("texts", "Control"),
}


ENUMS: dict[str, dict[str, str]] = {
    "quadrant": {
        "S": QT_TRANSLATE_NOOP("texts", "Strength"),
        "W": QT_TRANSLATE_NOOP("texts", "Weakness"),
        "O": QT_TRANSLATE_NOOP("texts", "Opportunity"),
        "T": QT_TRANSLATE_NOOP("texts", "Threat"),
    },
    "source": {
        "employees": QT_TRANSLATE_NOOP("texts", "Employees"),
        "clients": QT_TRANSLATE_NOOP("texts", "Clients"),
        "investors": QT_TRANSLATE_NOOP("texts", "Investors"),
        "management": QT_TRANSLATE_NOOP("texts", "Management"),
        "analysis": QT_TRANSLATE_NOOP("texts", "Own analysis"),
    },
    "tows": {
        "SO": QT_TRANSLATE_NOOP("texts", "SO: use"),
        "ST": QT_TRANSLATE_NOOP("texts", "ST: defend"),
        "WO": QT_TRANSLATE_NOOP("texts", "WO: improve"),
        "WT": QT_TRANSLATE_NOOP("texts", "WT: avoid"),
    },
    "status": {
        "planned": QT_TRANSLATE_NOOP("texts", "Planned"),
        "in_progress": QT_TRANSLATE_NOOP("texts", "In progress"),
        "done": QT_TRANSLATE_NOOP("texts", "Done"),
        "cancelled": QT_TRANSLATE_NOOP("texts", "Cancelled"),
    },
    "recurrence": {
        "none": QT_TRANSLATE_NOOP("texts", "Once"),
        "weekly": QT_TRANSLATE_NOOP("texts", "Every week"),
        "monthly": QT_TRANSLATE_NOOP("texts", "Every month"),
    },
    "state": {
        "draft": QT_TRANSLATE_NOOP("texts", "Draft"),
        "submitted": QT_TRANSLATE_NOOP("texts", "Submitted"),
        "approved": QT_TRANSLATE_NOOP("texts", "Approved"),
        "closed": QT_TRANSLATE_NOOP("texts", "Closed"),
    },
    "mode": {
        "bottom_up": QT_TRANSLATE_NOOP("texts", "Fixed sum (bottom-up)"),
        "top_down": QT_TRANSLATE_NOOP("texts", "Sum of the actions (top-down)"),
    },
    "basis": {
        "per_month": QT_TRANSLATE_NOOP("texts", "per month"),
        "per_period": QT_TRANSLATE_NOOP("texts", "for the whole period"),
    },
    "target": {
        "budget": QT_TRANSLATE_NOOP("texts", "Whole budget"),
        "channel": QT_TRANSLATE_NOOP("texts", "Channel"),
        "action": QT_TRANSLATE_NOOP("texts", "Action"),
    },
    "cadence": {
        "daily": QT_TRANSLATE_NOOP("texts", "Daily"),
        "weekly": QT_TRANSLATE_NOOP("texts", "Weekly"),
        "monthly": QT_TRANSLATE_NOOP("texts", "Monthly"),
    },
    "verdict": {
        "ok": QT_TRANSLATE_NOOP("texts", "On track"),
        "warning": QT_TRANSLATE_NOOP("texts", "Close to the limit"),
        "over": QT_TRANSLATE_NOOP("texts", "Overspent"),
        "overdue": QT_TRANSLATE_NOOP("texts", "Check overdue"),
        "unplanned": QT_TRANSLATE_NOOP("texts", "Unplanned spend"),
    },
    "decision": {
        "pending": QT_TRANSLATE_NOOP("texts", "Pending"),
        "scale": QT_TRANSLATE_NOOP("texts", "Scale"),
        "stop": QT_TRANSLATE_NOOP("texts", "Stop"),
        "continue": QT_TRANSLATE_NOOP("texts", "Continue"),
    },
    "kind": {
        "count": QT_TRANSLATE_NOOP("texts", "Count"),
        "money": QT_TRANSLATE_NOOP("texts", "Money"),
        "number": QT_TRANSLATE_NOOP("texts", "Number"),
    },
    "cadence_report": {
        "": QT_TRANSLATE_NOOP("texts", "Not set"),
        "daily": QT_TRANSLATE_NOOP("texts", "Daily"),
        "weekly": QT_TRANSLATE_NOOP("texts", "Weekly"),
        "monthly": QT_TRANSLATE_NOOP("texts", "Monthly"),
    },
}
