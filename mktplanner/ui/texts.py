"""Every code the lower layers produce, turned into a sentence in the user's language.

The domain, the store and the services speak in codes (``Problem("due", "end_before_start",
{...})``, ``PlanFileError("newer", ...)``, edit labels like ``"add_swot_item"``, enum values);
this module is the one place that translates them, through ``QCoreApplication.translate``
so that Qt Linguist sees every source string. Tables of labels use ``QT_TRANSLATE_NOOP``
and are translated when asked for, so a language switch needs no restart.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from mktplanner.report.wording import ENUMS as _ENUMS
from mktplanner.report.wording import FINDINGS as _FINDINGS
from mktplanner.report.wording import LEVELS as _LEVELS
from mktplanner.report.wording import NEXT_STEPS as _NEXT_STEPS
from mktplanner.report.wording import SEVERITIES as _SEVERITIES

translate = QCoreApplication.translate
CTX = "texts"


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``source`` for Qt Linguist; it is translated later, when shown."""
    return source


def _tr(source: str) -> str:
    return translate(CTX, source)


# --- pages ---------------------------------------------------------------------------------

PAGE_IDS: tuple[str, ...] = (
    "overview",
    "strategy",
    "goals",
    "tactics",
    "weekly",
    "budget",
    "results",
    "hypotheses",
    "check",
)

_PAGES = {
    "overview": QT_TRANSLATE_NOOP("texts", "Overview"),
    "strategy": QT_TRANSLATE_NOOP("texts", "SWOT & strategy"),
    "goals": QT_TRANSLATE_NOOP("texts", "Goals"),
    "tactics": QT_TRANSLATE_NOOP("texts", "Tactical plan"),
    "weekly": QT_TRANSLATE_NOOP("texts", "Weekly plans"),
    "budget": QT_TRANSLATE_NOOP("texts", "Budget & control"),
    "results": QT_TRANSLATE_NOOP("texts", "Results"),
    "hypotheses": QT_TRANSLATE_NOOP("texts", "Hypotheses"),
    "check": QT_TRANSLATE_NOOP("texts", "Plan check"),
}

# The icon file of each page (resources/icons/<name>.svg).
PAGE_ICONS = {
    "overview": "overview",
    "strategy": "swot",
    "goals": "goals",
    "tactics": "tactics",
    "weekly": "weekly",
    "budget": "budget",
    "results": "results",
    "hypotheses": "hypotheses",
    "check": "check",
}


def page_title(page_id: str) -> str:
    return _tr(_PAGES.get(page_id, page_id))


# --- tables and their columns -----------------------------------------------------------

_TABLES = {
    "plan": QT_TRANSLATE_NOOP("texts", "plan profile"),
    "person": QT_TRANSLATE_NOOP("texts", "person"),
    "swot_item": QT_TRANSLATE_NOOP("texts", "SWOT item"),
    "goal": QT_TRANSLATE_NOOP("texts", "goal"),
    "goal_swot": QT_TRANSLATE_NOOP("texts", "goal link"),
    "tows_option": QT_TRANSLATE_NOOP("texts", "strategic option"),
    "measurement": QT_TRANSLATE_NOOP("texts", "measurement"),
    "direction": QT_TRANSLATE_NOOP("texts", "direction"),
    "channel": QT_TRANSLATE_NOOP("texts", "channel"),
    "hypothesis": QT_TRANSLATE_NOOP("texts", "hypothesis"),
    "action": QT_TRANSLATE_NOOP("texts", "action"),
    "weekly_plan": QT_TRANSLATE_NOOP("texts", "weekly plan"),
    "weekly_metric": QT_TRANSLATE_NOOP("texts", "weekly metric"),
    "weekly_task": QT_TRANSLATE_NOOP("texts", "weekly task"),
    "budget": QT_TRANSLATE_NOOP("texts", "budget settings"),
    "budget_line": QT_TRANSLATE_NOOP("texts", "budget line"),
    "expense": QT_TRANSLATE_NOOP("texts", "expense"),
    "control_point": QT_TRANSLATE_NOOP("texts", "control point"),
    "control_check": QT_TRANSLATE_NOOP("texts", "control check"),
    "channel_result": QT_TRANSLATE_NOOP("texts", "channel results"),
    "setting": QT_TRANSLATE_NOOP("texts", "setting"),
    "finding_dismissal": QT_TRANSLATE_NOOP("texts", "dismissed finding"),
    "check_score": QT_TRANSLATE_NOOP("texts", "check score"),
}


def table_noun(table: str) -> str:
    return _tr(_TABLES.get(table, table.replace("_", " ")))


# Column labels; a (table, column) entry wins over the plain column entry.
_FIELDS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("texts", "Name"),
    "title": QT_TRANSLATE_NOOP("texts", "Title"),
    "text": QT_TRANSLATE_NOOP("texts", "Text"),
    "note": QT_TRANSLATE_NOOP("texts", "Note"),
    "notes": QT_TRANSLATE_NOOP("texts", "Notes"),
    "weight": QT_TRANSLATE_NOOP("texts", "Weight"),
    "source": QT_TRANSLATE_NOOP("texts", "Source"),
    "quadrant": QT_TRANSLATE_NOOP("texts", "Quadrant"),
    "metric": QT_TRANSLATE_NOOP("texts", "Metric"),
    "unit": QT_TRANSLATE_NOOP("texts", "Unit"),
    "baseline": QT_TRANSLATE_NOOP("texts", "Baseline"),
    "target": QT_TRANSLATE_NOOP("texts", "Target"),
    "baseline_date": QT_TRANSLATE_NOOP("texts", "Baseline date"),
    "deadline": QT_TRANSLATE_NOOP("texts", "Deadline"),
    "owner_id": QT_TRANSLATE_NOOP("texts", "Owner"),
    "goal_id": QT_TRANSLATE_NOOP("texts", "Goal"),
    "direction_id": QT_TRANSLATE_NOOP("texts", "Direction"),
    "channel_id": QT_TRANSLATE_NOOP("texts", "Channel"),
    "action_id": QT_TRANSLATE_NOOP("texts", "Action"),
    "person_id": QT_TRANSLATE_NOOP("texts", "Person"),
    "hypothesis_id": QT_TRANSLATE_NOOP("texts", "Hypothesis"),
    "controller_id": QT_TRANSLATE_NOOP("texts", "Controller"),
    "manager_id": QT_TRANSLATE_NOOP("texts", "Manager"),
    "start": QT_TRANSLATE_NOOP("texts", "Start"),
    "end": QT_TRANSLATE_NOOP("texts", "End"),
    "due": QT_TRANSLATE_NOOP("texts", "Due"),
    "date": QT_TRANSLATE_NOOP("texts", "Date"),
    "month": QT_TRANSLATE_NOOP("texts", "Month"),
    "value": QT_TRANSLATE_NOOP("texts", "Value"),
    "status": QT_TRANSLATE_NOOP("texts", "Status"),
    "state": QT_TRANSLATE_NOOP("texts", "State"),
    "budget_minor": QT_TRANSLATE_NOOP("texts", "Budget"),
    "amount_minor": QT_TRANSLATE_NOOP("texts", "Amount"),
    "total_minor": QT_TRANSLATE_NOOP("texts", "Total"),
    "limit_minor": QT_TRANSLATE_NOOP("texts", "Limit"),
    "test_budget_minor": QT_TRANSLATE_NOOP("texts", "Test budget"),
    "spend_minor": QT_TRANSLATE_NOOP("texts", "Spend"),
    "revenue_minor": QT_TRANSLATE_NOOP("texts", "Revenue"),
    "plan_minor": QT_TRANSLATE_NOOP("texts", "Plan"),
    "actual_minor": QT_TRANSLATE_NOOP("texts", "Actual"),
    "expected_result": QT_TRANSLATE_NOOP("texts", "Expected result"),
    "recurrence": QT_TRANSLATE_NOOP("texts", "Repeats"),
    "role": QT_TRANSLATE_NOOP("texts", "Role"),
    "weekly_hours": QT_TRANSLATE_NOOP("texts", "Hours a week"),
    "unplannable_share": QT_TRANSLATE_NOOP("texts", "Unplannable share"),
    "description": QT_TRANSLATE_NOOP("texts", "Task"),
    "end_product": QT_TRANSLATE_NOOP("texts", "End product"),
    "est_hours": QT_TRANSLATE_NOOP("texts", "Estimated hours"),
    "actual_hours": QT_TRANSLATE_NOOP("texts", "Actual hours"),
    "planned": QT_TRANSLATE_NOOP("texts", "Plan"),
    "actual": QT_TRANSLATE_NOOP("texts", "Actual"),
    "threshold": QT_TRANSLATE_NOOP("texts", "Threshold"),
    "result": QT_TRANSLATE_NOOP("texts", "Result"),
    "decision": QT_TRANSLATE_NOOP("texts", "Decision"),
    "learned": QT_TRANSLATE_NOOP("texts", "What we learned"),
    "payee": QT_TRANSLATE_NOOP("texts", "Payee"),
    "cadence": QT_TRANSLATE_NOOP("texts", "Cadence"),
    "next_due": QT_TRANSLATE_NOOP("texts", "Next check"),
    "verdict": QT_TRANSLATE_NOOP("texts", "Verdict"),
    "comment": QT_TRANSLATE_NOOP("texts", "Comment"),
    "impressions": QT_TRANSLATE_NOOP("texts", "Impressions"),
    "clicks": QT_TRANSLATE_NOOP("texts", "Clicks"),
    "leads": QT_TRANSLATE_NOOP("texts", "Leads"),
    "customers": QT_TRANSLATE_NOOP("texts", "Customers"),
    "currency": QT_TRANSLATE_NOOP("texts", "Currency"),
    "language": QT_TRANSLATE_NOOP("texts", "Language"),
    "company": QT_TRANSLATE_NOOP("texts", "Company"),
    "mission": QT_TRANSLATE_NOOP("texts", "Mission"),
    "values": QT_TRANSLATE_NOOP("texts", "Values"),
    "color": QT_TRANSLATE_NOOP("texts", "Colour"),
    "iso_year": QT_TRANSLATE_NOOP("texts", "Year"),
    "iso_week": QT_TRANSLATE_NOOP("texts", "Week"),
    "internal_id": QT_TRANSLATE_NOOP("texts", "Internal factor"),
    "external_id": QT_TRANSLATE_NOOP("texts", "External factor"),
    "tactical_start": QT_TRANSLATE_NOOP("texts", "Tactical period starts"),
    "tactical_months": QT_TRANSLATE_NOOP("texts", "Tactical period, months"),
    "plan_share": QT_TRANSLATE_NOOP("texts", "Plannable share of time"),
    "jump_threshold": QT_TRANSLATE_NOOP("texts", "Ambition warning threshold"),
    "is_refund": QT_TRANSLATE_NOOP("texts", "Refund"),
    "kind": QT_TRANSLATE_NOOP("texts", "Kind"),
    "mode": QT_TRANSLATE_NOOP("texts", "Mode"),
    "basis": QT_TRANSLATE_NOOP("texts", "Basis"),
}


def field_label(column: str, table: str = "") -> str:
    """The label of a column ("deadline" -> "Deadline"); unknown columns read as words."""
    source = _FIELDS.get(column)
    if source is None:
        return column.replace("_minor", "").replace("_id", "").replace("_", " ").capitalize()
    return _tr(source)


# --- enum values ------------------------------------------------------------------------


def enum_label(kind: str, value: str | None) -> str:
    """The name of a closed-vocabulary value (``enum_label("status", "done")`` -> "Done")."""
    if value is None:
        return "—"
    source = _ENUMS.get(kind, {}).get(str(value))
    return _tr(source) if source else str(value)


def enum_choices(kind: str) -> list[tuple[str, str]]:
    """(value, label) pairs of a vocabulary in its natural order, for combo boxes."""
    return [(value, _tr(source)) for value, source in _ENUMS.get(kind, {}).items()]


# --- edits (for "Undo: …") --------------------------------------------------------------

_EDITS = {
    "add_swot_item": QT_TRANSLATE_NOOP("texts", "add SWOT item"),
    "edit_swot_item": QT_TRANSLATE_NOOP("texts", "edit SWOT item"),
    "delete_swot_item": QT_TRANSLATE_NOOP("texts", "delete SWOT item"),
    "add_goal": QT_TRANSLATE_NOOP("texts", "add goal"),
    "edit_goal": QT_TRANSLATE_NOOP("texts", "edit goal"),
    "delete_goal": QT_TRANSLATE_NOOP("texts", "delete goal"),
    "add_action": QT_TRANSLATE_NOOP("texts", "add action"),
    "edit_action": QT_TRANSLATE_NOOP("texts", "edit action"),
    "delete_action": QT_TRANSLATE_NOOP("texts", "delete action"),
    "edit_plan": QT_TRANSLATE_NOOP("texts", "edit plan profile"),
    "goal_from_option": QT_TRANSLATE_NOOP("texts", "make a goal from a strategic option"),
    # SWOT and goals (services.strategy)
    "move_swot_item": QT_TRANSLATE_NOOP("texts", "move SWOT item"),
    "add_tows_option": QT_TRANSLATE_NOOP("texts", "add strategic option"),
    "edit_tows_option": QT_TRANSLATE_NOOP("texts", "edit strategic option"),
    "link_goal": QT_TRANSLATE_NOOP("texts", "change the goal's SWOT links"),
    # tactical plan (services.tactics)
    "move_action": QT_TRANSLATE_NOOP("texts", "move action"),
    "edit_reporting": QT_TRANSLATE_NOOP("texts", "edit reporting rules"),
    "edit_tactical_period": QT_TRANSLATE_NOOP("texts", "change the tactical period"),
    # weekly plans (services.weekly)
    "week_submit": QT_TRANSLATE_NOOP("texts", "submit the week"),
    "week_approve": QT_TRANSLATE_NOOP("texts", "approve the week"),
    "week_return": QT_TRANSLATE_NOOP("texts", "return the week to draft"),
    "week_close": QT_TRANSLATE_NOOP("texts", "close the week"),
    "week_reopen": QT_TRANSLATE_NOOP("texts", "reopen the week"),
    "prepare_next_week": QT_TRANSLATE_NOOP("texts", "prepare next week"),
    "suggest_targets": QT_TRANSLATE_NOOP("texts", "suggest targets"),
    # budget, control and results (services.budget, services.importers)
    "edit_budget_cell": QT_TRANSLATE_NOOP("texts", "edit the budget"),
    "paste_budget": QT_TRANSLATE_NOOP("texts", "paste into the budget"),
    "edit_budget": QT_TRANSLATE_NOOP("texts", "change the budget settings"),
    "edit_rollover": QT_TRANSLATE_NOOP("texts", "change the rollover of the budget"),
    "mark_refund": QT_TRANSLATE_NOOP("texts", "mark an expense as a refund"),
    "unmark_refund": QT_TRANSLATE_NOOP("texts", "unmark a refund"),
    "record_control_check": QT_TRANSLATE_NOOP("texts", "record a control check"),
    "import_expenses": QT_TRANSLATE_NOOP("texts", "import expenses"),
    "import_results": QT_TRANSLATE_NOOP("texts", "import channel results"),
    "save_csv_mapping": QT_TRANSLATE_NOOP("texts", "remember the CSV columns"),
    "dismiss_finding": QT_TRANSLATE_NOOP("texts", "dismiss a finding"),
    "undismiss_finding": QT_TRANSLATE_NOOP("texts", "restore a dismissed finding"),
}
_VERBS = {
    "add": QT_TRANSLATE_NOOP("texts", "add {thing}"),
    "edit": QT_TRANSLATE_NOOP("texts", "edit {thing}"),
    "delete": QT_TRANSLATE_NOOP("texts", "delete {thing}"),
}


def edit_label(code: str) -> str:
    """An edit's label code ("add_swot_item") as the words of "Undo: add SWOT item"."""
    source = _EDITS.get(code)
    if source:
        return _tr(source)
    verb, _, table = code.partition("_")
    if verb in _VERBS and table:
        return _tr(_VERBS[verb]).format(thing=table_noun(table))
    return translate("texts", "change")


# --- problems (validation and edits) ----------------------------------------------------

_PROBLEMS = {
    "required": QT_TRANSLATE_NOOP("texts", "{field}: please fill this in."),
    "too_long": QT_TRANSLATE_NOOP("texts", "{field}: at most {max} characters, please."),
    "wrong_type": QT_TRANSLATE_NOOP("texts", "{field}: this is not the right kind of value."),
    "invalid_text": QT_TRANSLATE_NOOP(
        "texts",
        "{field}: this text holds characters that cannot be saved (part of a broken paste?);"
        " please type it again.",
    ),
    "not_a_number": QT_TRANSLATE_NOOP("texts", "{field}: “{value}” is not a number."),
    "negative_money": QT_TRANSLATE_NOOP("texts", "{field}: an amount cannot be negative."),
    "refund_not_negative": QT_TRANSLATE_NOOP(
        "texts", "{field}: a refund is entered as a negative amount."
    ),
    "negative_not_refund": QT_TRANSLATE_NOOP(
        "texts",
        "{field}: a negative amount is only for a refund. Tick “Refund” to record money "
        "coming back.",
    ),
    "out_of_range": QT_TRANSLATE_NOOP("texts", "{field}: must be between {min} and {max}."),
    "out_of_range_min": QT_TRANSLATE_NOOP("texts", "{field}: must be at least {min}."),
    "not_whole_number": QT_TRANSLATE_NOOP("texts", "{field}: a whole number, please."),
    "unknown_value": QT_TRANSLATE_NOOP("texts", "{field}: “{value}” is not one of the choices."),
    "unknown_currency": QT_TRANSLATE_NOOP(
        "texts", "{field}: “{value}” is not a known currency code (e.g. RUB, USD, EUR)."
    ),
    "invalid_color": QT_TRANSLATE_NOOP(
        "texts", "{field}: a colour is written as #RRGGBB, e.g. #4C78A8."
    ),
    "end_before_start": QT_TRANSLATE_NOOP("texts", "{field}: cannot be before {start_field}."),
    "not_first_of_month": QT_TRANSLATE_NOOP("texts", "{field}: use the first day of the month."),
    "target_equals_baseline": QT_TRANSLATE_NOOP(
        "texts", "{field}: the target must differ from the baseline."
    ),
    "channel_or_action_required": QT_TRANSLATE_NOOP(
        "texts", "Choose a channel or an action for this line."
    ),
    "channel_and_action": QT_TRANSLATE_NOOP(
        "texts", "Choose either a channel or an action, not both."
    ),
    "target_mismatch": QT_TRANSLATE_NOOP(
        "texts", "What is controlled does not match the choice of channel or action."
    ),
    "self_reference": QT_TRANSLATE_NOOP("texts", "{field}: a row cannot refer to itself."),
    "same_item": QT_TRANSLATE_NOOP("texts", "Choose two different SWOT items."),
    "not_internal": QT_TRANSLATE_NOOP("texts", "{field}: choose a strength or a weakness."),
    "not_external": QT_TRANSLATE_NOOP("texts", "{field}: choose an opportunity or a threat."),
    "unknown_field": QT_TRANSLATE_NOOP("texts", "{field}: this field does not exist."),
    "not_found": QT_TRANSLATE_NOOP(
        "texts", "This {thing} no longer exists: it may have been deleted meanwhile."
    ),
    "unknown_reference": QT_TRANSLATE_NOOP(
        "texts", "A linked row no longer exists: refresh and choose again."
    ),
    "duplicate": QT_TRANSLATE_NOOP("texts", "Such an entry already exists."),
    "constraint": QT_TRANSLATE_NOOP("texts", "The plan does not accept this change."),
    "too_precise": QT_TRANSLATE_NOOP(
        "texts", "{field}: at most {digits} digits after the decimal point."
    ),
    "not_a_date": QT_TRANSLATE_NOOP("texts", "{field}: “{value}” is not a date (e.g. 2026-03-31)."),
    # strategic options (services.strategy)
    "has_goal": QT_TRANSLATE_NOOP("texts", "This option has already become a goal."),
    # weekly plans (domain.rules.weekly, services.weekly)
    "week_closed": QT_TRANSLATE_NOOP(
        "texts", "This week is closed and can no longer be changed. Reopen the week to correct it."
    ),
    "actuals_in_draft": QT_TRANSLATE_NOOP(
        "texts",
        "Actual hours, done tasks and actual results are entered once the plan is approved, "
        "not in a draft.",
    ),
    "over_weekly_hours": QT_TRANSLATE_NOOP(
        "texts", "{field}: {value} h is more than the person's {max} hours a week."
    ),
    "transition_not_allowed": QT_TRANSLATE_NOOP(
        "texts", "The week cannot take this step in its current state."
    ),
    "close_needs_actuals": QT_TRANSLATE_NOOP(
        "texts",
        "Closing needs the actuals: {tasks} task(s) without actual hours, {metrics} metric(s) "
        "without an actual value or “not measured”.",
    ),
    "next_week_not_draft": QT_TRANSLATE_NOOP(
        "texts", "Next week's plan is no longer a draft, so nothing was added to it."
    ),
}


def problem_text(code: str, params: dict[str, Any] | None = None, field: str = "") -> str:
    """One problem as a sentence ("Deadline: cannot be before Start.")."""
    params = dict(params or {})
    if code == "out_of_range" and params.get("max") is None:
        code = "out_of_range_min"
    source = _PROBLEMS.get(code)
    if source is None:
        return translate("texts", "{field}: this value is not accepted ({code}).").format(
            field=field_label(field) if field else translate("texts", "Value"), code=code
        )
    values: dict[str, Any] = {k: ("" if v is None else v) for k, v in params.items()}
    values["field"] = field_label(field) if field else translate("texts", "Value")
    if "start_field" in params:
        values["start_field"] = field_label(str(params["start_field"]))
    if code == "not_found":
        values["thing"] = table_noun(str(params.get("table", "")))
    text = _tr(source)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def domain_error_text(exc: Any) -> str:
    """The first problem of a DomainError (the one to fix first), as a sentence."""
    problems = getattr(exc, "problems", None) or []
    if not problems:
        return translate("texts", "The change was not accepted.")
    p = problems[0]
    return problem_text(p.code, p.params, p.field)


# --- the SMART check of a goal (domain/rules/smart.py) ---------------------------------------

_SMART_LETTERS = {
    "S": QT_TRANSLATE_NOOP("texts", "Specific"),
    "M": QT_TRANSLATE_NOOP("texts", "Measurable"),
    "A": QT_TRANSLATE_NOOP("texts", "Achievable"),
    "R": QT_TRANSLATE_NOOP("texts", "Relevant"),
    "T": QT_TRANSLATE_NOOP("texts", "Time-bound"),
}
_SMART_OK = {
    "S": QT_TRANSLATE_NOOP("texts", "A clear title and a metric."),
    "M": QT_TRANSLATE_NOOP("texts", "The baseline and the target are set."),
    "A": QT_TRANSLATE_NOOP("texts", "The change from the baseline is plausible."),
    "R": QT_TRANSLATE_NOOP("texts", "It answers the SWOT analysis or the mission."),
    "T": QT_TRANSLATE_NOOP("texts", "It has a deadline."),
}
_SMART_REASONS = {
    "no_title": QT_TRANSLATE_NOOP("texts", "The goal has no title."),
    "no_metric": QT_TRANSLATE_NOOP("texts", "Name the metric the goal is measured by."),
    "no_baseline": QT_TRANSLATE_NOOP("texts", "Set the baseline: where the metric stands now."),
    "no_target": QT_TRANSLATE_NOOP("texts", "Set the target: where the metric should get to."),
    "target_equals_baseline": QT_TRANSLATE_NOOP(
        "texts", "The target equals the baseline: nothing would change."
    ),
    "not_assessable": QT_TRANSLATE_NOOP("texts", "Needs a baseline and a target to be judged."),
    "jump_too_large": QT_TRANSLATE_NOOP(
        "texts", "A jump of ×{ratio} from the baseline; the plan warns above ×{threshold}."
    ),
    "not_linked": QT_TRANSLATE_NOOP("texts", "Link it to a SWOT item, or write the mission."),
    "no_deadline": QT_TRANSLATE_NOOP("texts", "Set a deadline."),
    "deadline_before_baseline": QT_TRANSLATE_NOOP(
        "texts", "The deadline ({deadline}) is before the baseline date ({baseline_date})."
    ),
}


def smart_letter_name(letter: str) -> str:
    """ "S" -> "Specific"."""
    source = _SMART_LETTERS.get(letter)
    return _tr(source) if source else letter


def smart_ok_text(letter: str) -> str:
    """Why a SMART letter passes, in a few words."""
    source = _SMART_OK.get(letter)
    return _tr(source) if source else ""


def smart_reason_text(code: str, params: dict[str, Any] | None = None, fmt: Any = None) -> str:
    """The reason a SMART letter fails (a ``Problem`` code of ``domain.rules.smart``)."""
    import datetime as dt

    values: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if fmt is not None and isinstance(value, float | int) and not isinstance(value, bool):
            values[key] = fmt.number(value)
        elif fmt is not None and isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                values[key] = fmt.date(dt.date.fromisoformat(value))
            except ValueError:
                values[key] = value
        else:
            values[key] = value
    source = _SMART_REASONS.get(code)
    if source is None:
        return problem_text(code, params)
    text = _tr(source)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


# --- plan files -------------------------------------------------------------------------

_FILE_ERRORS: dict[str, tuple[str, str]] = {
    "not_found": (
        QT_TRANSLATE_NOOP("texts", "The file was not found."),
        QT_TRANSLATE_NOOP(
            "texts", "It may have been moved or renamed. Choose it again with Open plan…."
        ),
    ),
    "is_directory": (
        QT_TRANSLATE_NOOP("texts", "This is a folder, not a plan file."),
        QT_TRANSLATE_NOOP("texts", "Choose a file ending in .mktplan."),
    ),
    "not_sqlite": (
        QT_TRANSLATE_NOOP("texts", "This file is not a marketing plan."),
        QT_TRANSLATE_NOOP("texts", "Choose a file ending in .mktplan made by this application."),
    ),
    "foreign": (
        QT_TRANSLATE_NOOP("texts", "This database was not made by this application."),
        QT_TRANSLATE_NOOP(
            "texts", "It was left untouched. Choose a .mktplan file made by this application."
        ),
    ),
    "newer": (
        QT_TRANSLATE_NOOP("texts", "This plan was saved by a newer version of the application."),
        QT_TRANSLATE_NOOP(
            "texts",
            "Its file format is version {version}; this version reads up to {supported}. "
            "Install the newer version to open it. The file was left untouched.",
        ),
    ),
    "damaged": (
        QT_TRANSLATE_NOOP("texts", "This plan file is damaged."),
        QT_TRANSLATE_NOOP(
            "texts",
            "The file was left untouched. You can restore the plan from one of its backups: "
            "File ▸ Restore from backup….",
        ),
    ),
    "exists": (
        QT_TRANSLATE_NOOP("texts", "A file with this name already exists."),
        QT_TRANSLATE_NOOP("texts", "Choose another name or another folder."),
    ),
    "read_only": (
        QT_TRANSLATE_NOOP("texts", "This file or its folder cannot be written."),
        QT_TRANSLATE_NOOP(
            "texts",
            "Save a copy of the plan into a folder you can write to (File ▸ Save a copy as…), "
            "or ask for write permission.",
        ),
    ),
    "disk_full": (
        QT_TRANSLATE_NOOP("texts", "The disk is full: the last change was not saved."),
        QT_TRANSLATE_NOOP(
            "texts",
            "Free some space on the disk, then repeat the change. The plan itself is intact.",
        ),
    ),
    "locked": (
        QT_TRANSLATE_NOOP("texts", "This plan is open in another window."),
        QT_TRANSLATE_NOOP("texts", "It is held by {holder}. Close it there to edit it here."),
    ),
    "io": (
        QT_TRANSLATE_NOOP("texts", "The file could not be read or written."),
        QT_TRANSLATE_NOOP(
            "texts", "Check that the disk or network folder is available, then try again."
        ),
    ),
    "needs_migration": (
        QT_TRANSLATE_NOOP("texts", "This plan was made by an older version and must be upgraded."),
        QT_TRANSLATE_NOOP(
            "texts",
            "It can be upgraded only when it can be written: close it in other windows "
            "and make sure its folder is writable.",
        ),
    ),
    "migration_failed": (
        QT_TRANSLATE_NOOP("texts", "This plan could not be upgraded to the current format."),
        QT_TRANSLATE_NOOP(
            "texts",
            "The plan was not changed; a backup was made before the attempt. "
            "You can restore it with File ▸ Restore from backup….",
        ),
    ),
}


def plan_file_error(exc: Any) -> tuple[str, str]:
    """(headline, what to do next) for a PlanFileError (or anything with ``code`` and ``params``)."""
    code = getattr(exc, "code", "io")
    params = dict(getattr(exc, "params", {}) or {})
    if code == "read_only" and params.get("holder"):
        code = "locked"
    head, hint = _FILE_ERRORS.get(code, _FILE_ERRORS["io"])
    values = {k: ("" if v is None else v) for k, v in params.items()}
    text = _tr(hint)
    try:
        text = text.format(**values)
    except (KeyError, IndexError, ValueError):
        pass
    return _tr(head), text


def read_only_reason(holder: str) -> str:
    """The status bar's and the banner's explanation of a read-only plan."""
    if holder:
        return translate("texts", "Read-only: this plan is open elsewhere ({holder}).").format(
            holder=holder
        )
    return translate("texts", "Read-only: this file or its folder cannot be written.")


def backup_reason(reason: str) -> str:
    return {
        "": translate("texts", "automatic, on opening"),
        "before-migration": translate("texts", "before an upgrade"),
        "before-restore": translate("texts", "before a restore"),
    }.get(reason, reason)


# --- the plan check ----------------------------------------------------------------------


def finding_text(code: str, params: dict[str, Any], fmt: Any = None) -> str:
    """A plan-check finding as a sentence; dates, shares and money formatted by ``fmt``."""
    import datetime as dt

    values: dict[str, Any] = {}
    for key, value in (params or {}).items():
        if value is None:
            values[key] = "—"
        elif fmt is not None and key.endswith("_minor") and isinstance(value, int):
            values[key] = fmt.money(value)
        elif fmt is not None and key in ("progress", "expected") and isinstance(value, float):
            values[key] = fmt.percent(value)
        elif fmt is not None and isinstance(value, float):
            values[key] = fmt.number(value)  # hours: "19", "15.6" / "15,6"
        elif fmt is not None and isinstance(value, str) and len(value) == 10 and value[4] == "-":
            try:
                values[key] = fmt.date(dt.date.fromisoformat(value))
            except ValueError:
                values[key] = value
        elif isinstance(value, list):
            values[key] = ", ".join(str(v) for v in value)
        else:
            values[key] = value
    if "iso_year" in params and "iso_week" in params:
        values["week"] = translate("texts", "week {week}").format(week=params["iso_week"])
    if code == "goal_not_smart":
        values["letters"] = ", ".join(params.get("failed", []) or [])
    source = _FINDINGS.get(code)
    if source is None:
        return code.replace("_", " ").capitalize()
    text = _tr(source)
    try:
        return text.format(**values)
    except (KeyError, IndexError, ValueError):
        return text


def next_step_text(step: str) -> str:
    source = _NEXT_STEPS.get(step)
    return _tr(source) if source else ""


def severity_label(severity: str) -> str:
    return _tr(_SEVERITIES.get(severity, severity))


def level_label(level: str) -> str:
    return _tr(_LEVELS.get(level, level))
