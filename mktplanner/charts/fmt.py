"""Numbers, money and dates as a chart shows them, in the caller's locale ("ru", "en", ...).

Babel does the work (exact decimals, CLDR patterns, no-break spaces between digit groups).
Money comes in as integer minor units and is converted exactly with the domain's helper;
only the plotted coordinate is a float.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_EVEN, Decimal
from functools import lru_cache

from babel import Locale
from babel.dates import format_date
from babel.numbers import (
    format_compact_decimal,
    format_currency,
    format_decimal,
    format_percent,
    get_currency_symbol,
)

from mktplanner.domain.money import to_major

DASH = "—"  # what a missing value (a ratio with a zero denominator, no data) shows
COMPACT_FROM = 10_000  # below this, numbers are written in full


@lru_cache(maxsize=32)
def _whole_currency_pattern(locale: str) -> str:
    """The locale's currency pattern without the fraction part ("#,##0 ¤", "¤#,##0")."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    return pattern.split(";")[0].replace("0.00", "0")


def major(minor: int, currency: str) -> float:
    """Minor units -> major units as a float, for plotting only."""
    return float(to_major(minor, currency))


def money(minor: int | None, currency: str, locale: str, *, cents: bool = False) -> str:
    """A full amount with the currency ("125 000 ₽", "RUB125,000"); fractions only when asked."""
    if minor is None:
        return DASH
    value = to_major(minor, currency)
    if cents:
        return format_currency(value, currency, locale=locale)
    whole = value.quantize(Decimal(1), rounding=ROUND_HALF_EVEN)
    return format_currency(
        whole,
        currency,
        format=_whole_currency_pattern(locale),
        locale=locale,
        currency_digits=False,
    )


def money_compact(minor: int | None, currency: str, locale: str) -> str:
    """A short amount with the currency ("12,3 тыс. ₽", "RUB12.3K"); full below 10 000."""
    if minor is None:
        return DASH
    value = to_major(minor, currency)
    if abs(value) < COMPACT_FROM:
        return money(minor, currency, locale)
    number = format_compact_decimal(value, locale=locale, fraction_digits=1)
    symbol = currency_symbol(currency, locale)
    pattern = _whole_currency_pattern(locale)
    if pattern.strip().startswith("¤"):
        return f"{symbol}{number}" if len(symbol) == 1 else f"{symbol}\u00a0{number}"
    return f"{number}\u00a0{symbol}"


def currency_symbol(currency: str, locale: str) -> str:
    return get_currency_symbol(currency, locale=locale)


def number(value: float | None, locale: str, digits: int = 1) -> str:
    """A plain number with the locale's separators and at most ``digits`` fraction digits."""
    if value is None or not math.isfinite(value):
        return DASH
    fmt = "#,##0" + ("." + "#" * digits if digits > 0 else "")
    return format_decimal(value, format=fmt, locale=locale)


def compact(value: float | None, locale: str) -> str:
    """An axis tick: "12,3 тыс." / "12.3K" from 10 000 up, else the full number."""
    if value is None or not math.isfinite(value):
        return DASH
    if abs(value) < COMPACT_FROM:
        return number(value, locale, digits=1 if abs(value) < 10 and value != int(value) else 0)
    return format_compact_decimal(value, locale=locale, fraction_digits=1)


def percent(ratio: float | None, locale: str, digits: int = 0) -> str:
    """0.434 -> "43 %" (ru) / "43%" (en)."""
    if ratio is None or not math.isfinite(ratio):
        return DASH
    fmt = "#,##0" + ("." + "0" * digits if digits > 0 else "") + "%"
    # The locale's own spacing around the sign comes from its standard pattern.
    standard = Locale.parse(locale).percent_formats[None].pattern
    if "\u00a0%" in standard or " %" in standard:
        fmt = fmt[:-1] + "\u00a0%"
    return format_percent(ratio, format=fmt, locale=locale)


def month(day: dt.date, locale: str, *, year: bool = True) -> str:
    """Standalone month name: "янв. 2026" / "Jan 2026" (or without the year)."""
    return format_date(day, "LLL y" if year else "LLL", locale=locale)


def day(day: dt.date, locale: str) -> str:
    """ "5 янв." / "5 Jan"."""
    return format_date(day, "d MMM", locale=locale)


def fill(template: str, **values: str) -> str:
    """Replace ``{name}`` placeholders; other braces (user text) are left alone."""
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return out
