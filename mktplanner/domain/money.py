"""Money as integer minor units with exact arithmetic (no floats anywhere on the way)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from babel.numbers import get_currency_precision, list_currencies

from mktplanner.domain.errors import DomainError, Problem

_KNOWN = frozenset(list_currencies())


def is_known_currency(code: str) -> bool:
    return isinstance(code, str) and code in _KNOWN


def check_currency(code: str, field: str = "currency") -> str:
    if not is_known_currency(code):
        raise DomainError([Problem(field, "unknown_currency", {"value": str(code)})])
    return code


def minor_digits(currency: str) -> int:
    """How many minor digits a currency has (RUB 2, JPY 0, KWD 3)."""
    return int(get_currency_precision(currency))


def to_minor(amount: Decimal | int | str, currency: str) -> int:
    """Decimal major units -> integer minor units, exactly; refuses sub-minor precision."""
    try:
        value = Decimal(str(amount)) if not isinstance(amount, Decimal) else amount
    except InvalidOperation:
        raise DomainError([Problem("amount", "not_a_number", {"value": str(amount)})]) from None
    if not value.is_finite():
        raise DomainError([Problem("amount", "not_a_number", {"value": str(amount)})])
    scaled = value.scaleb(minor_digits(currency))
    if scaled != scaled.to_integral_value():
        raise DomainError(
            [
                Problem(
                    "amount",
                    "too_precise",
                    {"value": str(amount), "digits": minor_digits(currency)},
                )
            ]
        )
    return int(scaled)


def to_major(minor: int, currency: str) -> Decimal:
    """Integer minor units -> Decimal major units, exactly."""
    return Decimal(minor).scaleb(-minor_digits(currency))


def split_evenly(total_minor: int, parts: int) -> list[int]:
    """Split a sum into ``parts`` integer amounts that add up to it exactly."""
    if parts <= 0:
        return []
    base, rest = divmod(total_minor, parts)
    return [base + (1 if i < rest else 0) for i in range(parts)]


def percent_of(minor: int, share: Decimal) -> int:
    """A share of an amount, rounded half-even to the minor unit."""
    return int((Decimal(minor) * share).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))


@dataclass(frozen=True)
class Money:
    minor: int
    currency: str

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def _same(self, other: Money) -> None:
        if other.currency != self.currency:
            raise ValueError(f"cannot mix {self.currency} and {other.currency}")

    @property
    def major(self) -> Decimal:
        return to_major(self.minor, self.currency)
