"""KPIs of a channel from its figures, and hints where to move the money.

Every ratio with a zero denominator is ``None`` (shown as "—"), never an error or infinity.

- Plain ratios are ``float``: CTR = clicks / impressions, conversion = customers / leads,
  ROMI = (revenue − spend) / spend, spend share = spend / total spend,
  spend to revenue = spend / revenue (marketing spend as a share of sales).
- Money-valued KPIs (CPC, CPL, CAC) are ``int`` minor units, rounded half-up (away from
  zero for a negative spend): the app keeps all money as integer minor units and formats
  it one way; the lost fraction of a kopeck or cent does not matter for a decision. The
  reallocation hints compare CPLs exactly anyway (cross-multiplying spend and leads when
  the figures are given), so rounding cannot create or hide a hint.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)

REALLOCATION_FACTOR = 2


@dataclass(frozen=True)
class ChannelFigures:
    spend_minor: int = 0
    impressions: int = 0
    clicks: int = 0
    leads: int = 0
    customers: int = 0
    revenue_minor: int = 0

    def __add__(self, other: ChannelFigures) -> ChannelFigures:
        return ChannelFigures(
            self.spend_minor + other.spend_minor,
            self.impressions + other.impressions,
            self.clicks + other.clicks,
            self.leads + other.leads,
            self.customers + other.customers,
            self.revenue_minor + other.revenue_minor,
        )


def total_figures(items: Iterable[ChannelFigures]) -> ChannelFigures:
    total = ChannelFigures()
    for item in items:
        total = total + item
    return total


@dataclass(frozen=True)
class ChannelKpis:
    ctr: float | None
    cpc_minor: int | None
    cpl_minor: int | None
    conversion: float | None
    cac_minor: int | None
    romi: float | None
    spend_share: float | None
    spend_to_revenue: float | None


def ratio(numerator: int, denominator: int) -> float | None:
    """numerator / denominator as a float; ``None`` for a zero denominator or an overflow."""
    if denominator == 0:
        return None
    try:
        return numerator / denominator
    except OverflowError:
        return None


def money_per(amount_minor: int, count: int) -> int | None:
    """Minor units per item, half-up (away from zero); ``None`` when ``count`` is 0."""
    if count == 0:
        return None
    value = Fraction(amount_minor, count)
    sign = -1 if value < 0 else 1
    magnitude = abs(value)
    whole = int(magnitude)
    if magnitude - whole >= Fraction(1, 2):
        whole += 1
    return sign * whole


def channel_kpis(figures: ChannelFigures, total_spend_minor: int | None = None) -> ChannelKpis:
    f = figures
    return ChannelKpis(
        ctr=ratio(f.clicks, f.impressions),
        cpc_minor=money_per(f.spend_minor, f.clicks),
        cpl_minor=money_per(f.spend_minor, f.leads),
        conversion=ratio(f.customers, f.leads),
        cac_minor=money_per(f.spend_minor, f.customers),
        romi=ratio(f.revenue_minor - f.spend_minor, f.spend_minor),
        spend_share=None if total_spend_minor is None else ratio(f.spend_minor, total_spend_minor),
        spend_to_revenue=ratio(f.spend_minor, f.revenue_minor),
    )


def kpis_by_channel(figures: Mapping[K, ChannelFigures]) -> dict[K, ChannelKpis]:
    """KPIs of every channel, with its share of the total spend of all of them."""
    total = sum(f.spend_minor for f in figures.values())
    return {k: channel_kpis(f, total) for k, f in figures.items()}


# --- reallocation -------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReallocationHint(Generic[K]):
    """Leads from ``cheap`` cost at most half of what they cost from ``expensive``."""

    expensive: K
    cheap: K
    expensive_cpl_minor: int
    cheap_cpl_minor: int
    ratio: float  # expensive CPL / cheap CPL, >= the factor


def reallocation_hints(
    cpl_by_channel: Mapping[K, int | Fraction | None], factor: int = REALLOCATION_FACTOR
) -> list[ReallocationHint[K]]:
    """Every pair of channels where one's CPL is >= ``factor`` × the other's.

    Channels with no CPL (no leads) or a CPL <= 0 (free or refunded leads) are left out:
    there is no meaningful factor against them. Sorted by ratio, largest first, then by
    the input order. Pass exact CPLs (``Fraction(spend, leads)``, see :func:`exact_cpl`)
    to avoid any effect of rounding at the boundary."""
    usable = [(k, Fraction(v)) for k, v in cpl_by_channel.items() if v is not None and v > 0]
    hints: list[tuple[Fraction, int, ReallocationHint[K]]] = []
    order = 0
    for high_key, high in usable:
        for low_key, low in usable:
            if high_key != low_key and high >= factor * low:
                hints.append(
                    (
                        high / low,
                        order,
                        ReallocationHint(
                            high_key, low_key, _round(high), _round(low), float(high / low)
                        ),
                    )
                )
                order += 1
    hints.sort(key=lambda h: (-h[0], h[1]))
    return [h for _, _, h in hints]


def exact_cpl(figures: ChannelFigures) -> Fraction | None:
    """spend / leads exactly, for :func:`reallocation_hints`."""
    return None if figures.leads == 0 else Fraction(figures.spend_minor, figures.leads)


def _round(value: Fraction) -> int:
    result = money_per(value.numerator, value.denominator)
    assert result is not None
    return result
