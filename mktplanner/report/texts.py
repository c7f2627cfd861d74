"""The meeting pack's words and number formats, in the pack's own language.

The pack is written in the language chosen for it, whatever the GUI shows at the time: a
:class:`Texts` holds its own ``QTranslator`` loaded from ``mktplanner_<lang>.qm`` and is
never installed on the application (an export running in a worker thread must not switch
the language of the windows). Calls are written ``tx.translate("report", "Source")`` so that
``lupdate`` extracts them into the shared ``.ts`` files like any ``QCoreApplication.translate``.

The words for the plan's closed vocabularies (action status, cadence, ...) and the plan-check
findings reuse the source strings of ``ui/texts.py`` in the same ``"texts"`` context, so the
app's pages and the printed pack say the same thing and share one translation. (The report
cannot import ``ui``: the layers point down.)

Numbers, money and dates go through :mod:`mktplanner.charts.fmt` (Babel), as in the charts.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from babel.dates import format_date
from babel.numbers import format_currency
from PySide6.QtCore import QTranslator

from mktplanner import paths
from mktplanner.charts import fmt
from mktplanner.domain.money import minor_digits

LANGUAGES = ("ru", "en")


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Marks ``source`` for Qt Linguist; it is translated when shown."""
    return source


class Texts:
    """Translations and locale formats of one pack."""

    def __init__(self, lang: str, currency: str):
        self.lang = lang if lang in LANGUAGES else "en"
        self.locale = self.lang
        self.currency = currency
        self._translator = QTranslator()
        qm = paths.translations_dir() / f"mktplanner_{self.lang}.qm"
        self.loaded = qm.is_file() and self._translator.load(str(qm))

    # --- words ------------------------------------------------------------------------------

    def translate(self, context: str, source: str, disambiguation: str | None = None) -> str:
        """``source`` in the pack's language (the English source when untranslated)."""
        if not self.loaded:
            return source
        found = self._translator.translate(context, source, disambiguation)
        return found or source

    def vocab(self, kind: str, value: str | None) -> str:
        """The name of a closed-vocabulary value (``vocab("status", "done")`` -> "Done")."""
        if value is None:
            return fmt.DASH
        source = _ENUMS.get(kind, {}).get(str(value))
        return self.translate("texts", source) if source else str(value)

    def finding(self, code: str, params: dict[str, Any]) -> str:
        """A plan-check finding as one sentence, with dates, money and shares formatted."""
        values: dict[str, str] = {}
        for key, value in (params or {}).items():
            values[key] = self._param(key, value)
        if "iso_year" in params and "iso_week" in params:
            values["week"] = self.translate("texts", "week {week}").format(week=params["iso_week"])
        if code == "goal_not_smart":
            values["letters"] = ", ".join(params.get("failed", []) or [])
        source = _FINDINGS.get(code)
        if source is None:
            return code.replace("_", " ").capitalize()
        return fill(self.translate("texts", source), **values)

    def next_step(self, step: str) -> str:
        source = _NEXT_STEPS.get(step)
        return self.translate("texts", source) if source else ""

    def severity(self, severity: str) -> str:
        return self.translate("texts", _SEVERITIES.get(severity, severity))

    def level(self, level: str) -> str:
        return self.translate("texts", _LEVELS.get(level, level))

    def _param(self, key: str, value: Any) -> str:
        if value is None:
            return fmt.DASH
        if key.endswith("_minor") and isinstance(value, int):
            return self.money(value)
        if key in ("progress", "expected") and isinstance(value, float):
            return self.percent(value)
        if key.endswith("_hours") and isinstance(value, int | float):
            return self.number(float(value))
        if isinstance(value, str) and len(value) == 10 and value[4:5] == "-":
            try:
                return self.date(dt.date.fromisoformat(value))
            except ValueError:
                return value
        if isinstance(value, list | tuple):
            return ", ".join(str(v) for v in value)
        return str(value)

    # --- numbers, money, dates ------------------------------------------------------------

    def money(self, minor: int | None, *, cents: bool = False) -> str:
        return fmt.money(minor, self.currency, self.locale, cents=cents)

    def money_major(self, value: float | None) -> str:
        """An amount typed in major units (a weekly money metric): cents only when it has some."""
        if value is None:
            return fmt.DASH
        amount = Decimal(str(value))
        if amount == amount.to_integral_value():
            return fmt.money(int(amount) * 10 ** minor_digits(self.currency), self.currency,
                             self.locale)  # fmt: skip
        return format_currency(amount, self.currency, locale=self.locale)

    def money_compact(self, minor: int | None) -> str:
        return fmt.money_compact(minor, self.currency, self.locale)

    def percent(self, ratio: float | None, digits: int = 0) -> str:
        return fmt.percent(ratio, self.locale, digits)

    def number(self, value: float | None, digits: int = 1) -> str:
        return fmt.number(value, self.locale, digits)

    def hours(self, value: float | None) -> str:
        if value is None:
            return fmt.DASH
        return self.translate("report", "{hours} h").format(hours=self.number(value))

    def date(self, day: dt.date | str | None) -> str:
        if day is None or day == "":
            return fmt.DASH
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return format_date(day, "medium", locale=self.locale)

    def short_date(self, day: dt.date | str | None) -> str:
        if day is None or day == "":
            return fmt.DASH
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return format_date(day, "d MMM", locale=self.locale)

    def month(self, day: dt.date | str) -> str:
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return format_date(day, "LLLL y", locale=self.locale).capitalize()

    def month_short(self, day: dt.date | str) -> str:
        if isinstance(day, str):
            day = dt.date.fromisoformat(day[:10])
        return fmt.month(day, self.locale)

    def period(self, first: dt.date, last: dt.date) -> str:
        """ "1 Sep 2026 – 28 Feb 2027"."""
        return f"{self.date(first)} \u2013 {self.date(last)}"

    def week(self, year: int, week: int) -> str:
        """ "Week 48 (23–29 Nov 2026)"."""
        monday = dt.date.fromisocalendar(year, week, 1)
        sunday = monday + dt.timedelta(days=6)
        return self.translate("report", "Week {week} ({first} – {last})").format(
            week=week, first=self.short_date(monday), last=self.date(sunday)
        )


def fill(template: str, **values: str) -> str:
    """Replace ``{name}`` placeholders; braces in the values (user text) are left alone."""
    return fmt.fill(template, **values)


# --- vocabularies (the source strings of ui/texts.py, context "texts") -----------------------

_ENUMS: dict[str, dict[str, str]] = {
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
    "cadence_report": {
        "": QT_TRANSLATE_NOOP("texts", "Not set"),
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
}

_FINDINGS = {
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

_NEXT_STEPS = {
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

_SEVERITIES = {
    "error": QT_TRANSLATE_NOOP("texts", "Problem"),
    "warning": QT_TRANSLATE_NOOP("texts", "Warning"),
    "info": QT_TRANSLATE_NOOP("texts", "Tip"),
}
_LEVELS = {
    "analysis": QT_TRANSLATE_NOOP("texts", "Analysis"),
    "strategy": QT_TRANSLATE_NOOP("texts", "Strategy"),
    "tactics": QT_TRANSLATE_NOOP("texts", "Tactics"),
    "operations": QT_TRANSLATE_NOOP("texts", "Weekly work"),
    "budget": QT_TRANSLATE_NOOP("texts", "Budget"),
    "control": QT_TRANSLATE_NOOP("texts", "Control"),
}
