"""The meeting pack's words and number formats, in the pack's own language.

The pack is written in the language chosen for it, whatever the GUI shows at the time: a
:class:`Texts` holds its own ``QTranslator`` loaded from ``mktplanner_<lang>.qm`` and is
never installed on the application (an export running in a worker thread must not switch
the language of the windows). Calls are written ``tx.translate("report", "Source")`` so that
``lupdate`` extracts them into the shared ``.ts`` files like any ``QCoreApplication.translate``.

The words for the plan's closed vocabularies (action status, cadence, ...) and the plan-check
findings live once, in :mod:`mktplanner.report.wording`, imported by both this module and
``ui/texts.py``: the app's pages and the printed pack say the same thing and share one
translation.

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
from mktplanner.report.wording import ENUMS as _ENUMS
from mktplanner.report.wording import FINDINGS as _FINDINGS
from mktplanner.report.wording import LEVELS as _LEVELS
from mktplanner.report.wording import NEXT_STEPS as _NEXT_STEPS
from mktplanner.report.wording import SEVERITIES as _SEVERITIES

LANGUAGES = ("ru", "en")


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
