"""One place that turns values into text for the user and back: numbers, money, dates, weeks.

Money is exact: integer minor units -> ``Decimal`` -> Babel's ``format_currency`` (Qt's
``QLocale.toCurrencyString`` goes through a double). Parsing takes what a user types in
their language ("1 234,50", "1,234.50", with or without the currency sign) and returns
integer minor units, refusing sub-minor precision. Babel is imported on first use so that
start-up does not pay for it.

``None`` is shown as an em dash everywhere (a missing value, or a ratio with a zero
denominator), never as "0", "nan" or "inf".
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from PySide6.QtCore import QCoreApplication

DASH = "—"
_LOCALES = {"ru": "ru_RU", "en": "en_US"}


class ParseError(ValueError):
    """Text that is not a value of the expected kind; ``code`` is a texts.py problem code."""

    def __init__(self, code: str, **params: object):
        self.code = code
        self.params = params
        super().__init__(code)


@lru_cache(maxsize=8)
def _minor_digits(currency: str) -> int:
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


@lru_cache(maxsize=8192)
def _decimal_text(value: str, pattern: str, locale: str, percent: bool) -> str:
    # Keyed by the exact decimal text: tables size their columns by formatting every figure,
    # then paint the same figures again.
    from babel.numbers import format_decimal, format_percent

    if percent:
        return str(format_percent(Decimal(value), format=pattern, locale=locale))
    return str(format_decimal(Decimal(value), format=pattern, locale=locale))


@lru_cache(maxsize=8192)
def _money_text(minor: int, currency: str, locale: str, show_cents: bool) -> str:
    # Babel takes about 0.1 ms an amount: tables of thousands of figures (the budget grid,
    # the ledger, sorting and resizing them) ask for the same amounts again and again.
    from babel.numbers import format_currency

    amount = Decimal(minor).scaleb(-_minor_digits(currency))
    if show_cents:
        return str(format_currency(amount, currency, locale=locale))
    pattern = _whole_pattern(locale)
    return str(
        format_currency(amount, currency, format=pattern, locale=locale, currency_digits=False)
    )


class Formatter:
    """Formats for one language and one plan currency."""

    def __init__(self, language: str = "en", currency: str = "RUB"):
        self.language = language if language in _LOCALES else "en"
        self.locale = _LOCALES[self.language]
        self.currency = currency or "RUB"

    # --- numbers -------------------------------------------------------------------------
    def number(self, value: float | int | Decimal | None, digits: int | None = None) -> str:
        """A number with the locale's separators; ``digits`` fixes the decimals (None: as needed, max 2)."""
        if value is None:
            return DASH
        if digits is None:
            fmt = "#,##0.##"
        elif digits == 0:
            fmt = "#,##0"
        else:
            fmt = "#,##0." + "0" * digits
        return _decimal_text(str(_dec(value)), fmt, self.locale, False)

    def integer(self, value: int | None) -> str:
        return self.number(value, 0)

    def percent(self, ratio: float | Decimal | None, digits: int = 0) -> str:
        """0.125 -> "13 %" / "13%"; None -> "—"."""
        if ratio is None:
            return DASH
        fmt = "#,##0%" if digits == 0 else "#,##0." + "0" * digits + "%"
        return _decimal_text(str(_dec(ratio)), fmt, self.locale, True)

    # --- money ---------------------------------------------------------------------------
    def money(
        self, minor: int | None, currency: str | None = None, *, cents: bool | None = None
    ) -> str:
        """Integer minor units in the plan's currency, exactly ("1 234,50 ₽", "$1,234.50").

        ``cents=False`` drops the minor digits when they are zero (for dense tables);
        the default shows them only when the amount has any.
        """
        if minor is None:
            return DASH
        cur = currency or self.currency
        digits = _minor_digits(cur)
        show_cents = cents if cents is not None else (digits > 0 and int(minor) % 10**digits != 0)
        return _money_text(int(minor), cur, self.locale, bool(show_cents))

    def money_plain(self, minor: int | None, currency: str | None = None) -> str:
        """The amount without the currency sign, as an editor shows it ("1 234,50")."""
        if minor is None:
            return ""
        cur = currency or self.currency
        digits = _minor_digits(cur)
        amount = Decimal(int(minor)).scaleb(-digits)
        from babel.numbers import format_decimal

        fmt = "#,##0" + ("." + "0" * digits if digits and int(minor) % 10**digits else "")
        return format_decimal(amount, format=fmt, locale=self.locale)

    def currency_symbol(self, currency: str | None = None) -> str:
        from babel.numbers import get_currency_symbol

        return get_currency_symbol(currency or self.currency, locale=self.locale)

    def parse_money(self, text: str, currency: str | None = None) -> int | None:
        """What the user typed -> integer minor units; "" -> None. Raises ParseError."""
        cur = currency or self.currency
        value = self.parse_decimal(text, strip=self.currency_symbol(cur) + "|" + cur)
        if value is None:
            return None
        digits = _minor_digits(cur)
        scaled = value.scaleb(digits)
        if scaled != scaled.to_integral_value():
            raise ParseError("too_precise", digits=digits)
        return int(scaled)

    def parse_decimal(self, text: str, strip: str = "") -> Decimal | None:
        """A number typed in either locale's style; "" -> None. Raises ParseError."""
        raw = (text or "").strip()
        for token in sorted(strip.split("|"), key=len, reverse=True):
            if token:
                raw = raw.replace(token, "")
        raw = "".join(ch for ch in raw if unicodedata.category(ch) != "Sc")
        raw = re.sub(r"[\s\u00a0\u202f']", "", raw)
        if not raw:
            return None
        negative = raw.startswith(("-", "−"))
        raw = raw.lstrip("-−")
        # Accept both "1,234.50" and "1 234,50": the last separator is the decimal one
        # when followed by 1-3 digits and the other separator came before it.
        if "," in raw and "." in raw:
            dec_sep = "," if raw.rfind(",") > raw.rfind(".") else "."
            group = "." if dec_sep == "," else ","
            raw = raw.replace(group, "").replace(dec_sep, ".")
        elif "," in raw:
            parts = raw.split(",")
            if self.language == "en" and len(parts) > 1 and all(len(p) == 3 for p in parts[1:]):
                raw = raw.replace(",", "")
            else:
                raw = raw.replace(",", ".")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ParseError("not_a_number", value=text) from None
        if not value.is_finite() or raw.count(".") > 1:
            raise ParseError("not_a_number", value=text)
        return -value if negative else value

    def parse_float(self, text: str) -> float | None:
        value = self.parse_decimal(text)
        return None if value is None else float(value)

    def parse_int(self, text: str) -> int | None:
        value = self.parse_decimal(text)
        if value is None:
            return None
        if value != value.to_integral_value():
            raise ParseError("not_whole_number", value=text)
        return int(value)

    # --- dates ---------------------------------------------------------------------------
    def date(self, day: dt.date | None, style: str = "") -> str:
        """A date as tables show it: "Mar 5, 2026" / "05.03.2026" (``style``: a Babel style)."""
        if day is None:
            return DASH
        if not style:
            style = "dd.MM.yyyy" if self.language == "ru" else "medium"
        return _date_text(day, style, self.locale)

    def short_date(self, day: dt.date | None) -> str:
        """ "5 Mar" / "5 мар." (no year): for dense tables within one year."""
        if day is None:
            return DASH
        return _skeleton_text("MMMd", day, self.locale)

    def month(self, day: dt.date | None) -> str:
        """ "Mar 2026" / "март 2026"."""
        if day is None:
            return DASH
        text = _skeleton_text("yMMMM" if self.language == "ru" else "yMMM", day, self.locale)
        return re.sub(r"[\s\u00a0]г\.$", "", text)

    def datetime(self, moment: dt.datetime | None) -> str:
        if moment is None:
            return DASH
        from babel.dates import format_datetime

        return format_datetime(moment, "medium", locale=self.locale)

    def week(self, year: int, week: int) -> str:
        """An ISO week with its dates: "Week 10 · Mar 2 – 8" (the dates tell the year apart)."""
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            return f"{year}-W{week:02d}"
        sunday = monday + dt.timedelta(days=6)
        return QCoreApplication.translate("fmt", "Week {week} · {range}").format(
            week=week, range=self.day_range(monday, sunday)
        )

    def week_short(self, year: int, week: int) -> str:
        return f"{year}-W{week:02d}"

    def day_range(self, first: dt.date, last: dt.date) -> str:
        from babel.dates import format_interval

        return format_interval(first, last, "MMMd", locale=self.locale)

    def parse_date(self, text: str) -> dt.date | None:
        """ISO "2026-03-05" or the locale's short form ("05.03.2026", "3/5/2026"); "" -> None."""
        raw = (text or "").strip()
        if not raw:
            return None
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
        from babel.dates import parse_date

        try:
            return parse_date(raw, locale=self.locale)
        except (ValueError, IndexError):
            raise ParseError("not_a_date", value=text) from None


# Babel takes about 0.05 ms a date: a list of thousands of findings or expenses asks for the
# same few hundred days again and again.
@lru_cache(maxsize=8192)
def _date_text(day: dt.date, style: str, locale: str) -> str:
    from babel.dates import format_date

    return str(format_date(day, style, locale=locale))


@lru_cache(maxsize=8192)
def _skeleton_text(skeleton: str, day: dt.date, locale: str) -> str:
    from babel.dates import format_skeleton

    return str(format_skeleton(skeleton, day, locale=locale))


@lru_cache(maxsize=4)
def _whole_pattern(locale: str) -> str:
    """The locale's currency pattern without decimals ("¤#,##0" / "#,##0 ¤")."""
    from babel import Locale

    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    pattern = pattern.split(";")[0]
    return re.sub(r"\.0+", "", pattern)


def _dec(value: float | int | Decimal) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(value)))
