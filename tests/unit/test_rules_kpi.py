"""Channel KPIs (— for zero denominators) and reallocation hints."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from mktplanner.domain.rules.kpi import (
    ChannelFigures,
    channel_kpis,
    exact_cpl,
    kpis_by_channel,
    money_per,
    reallocation_hints,
    total_figures,
)


def test_kpis_of_a_channel() -> None:
    ads = ChannelFigures(
        spend_minor=30_000_00,
        impressions=100_000,
        clicks=2_000,
        leads=120,
        customers=30,
        revenue_minor=90_000_00,
    )
    k = channel_kpis(ads, total_spend_minor=60_000_00)
    assert k.ctr == pytest.approx(0.02)
    assert k.cpc_minor == 15_00
    assert k.cpl_minor == 250_00
    assert k.conversion == pytest.approx(0.25)
    assert k.cac_minor == 1_000_00
    assert k.romi == pytest.approx(2.0)
    assert k.spend_share == pytest.approx(0.5)
    assert k.spend_to_revenue == pytest.approx(1 / 3)


def test_zero_denominators_are_none() -> None:
    k = channel_kpis(ChannelFigures())
    assert k == type(k)(None, None, None, None, None, None, None, None)
    free = channel_kpis(ChannelFigures(spend_minor=0, clicks=10, leads=5, revenue_minor=100), 0)
    assert (free.cpc_minor, free.cpl_minor, free.romi, free.spend_share) == (0, 0, None, None)


def test_money_kpis_round_half_up_to_the_minor_unit() -> None:
    assert money_per(100, 3) == 33
    assert money_per(200, 3) == 67
    assert money_per(5, 2) == 3
    assert money_per(-5, 2) == -3
    assert money_per(7, 0) is None


_count = st.integers(0, 10**12)


@given(_count, _count, _count, _count, _count, _count, st.one_of(st.none(), _count))
def test_kpis_never_raise(
    s: int, i: int, c: int, ld: int, cu: int, r: int, total: int | None
) -> None:
    k = channel_kpis(ChannelFigures(s, i, c, ld, cu, r), total)
    assert (k.ctr is None) == (i == 0)
    assert (k.cpl_minor is None) == (ld == 0)
    assert (k.romi is None) == (s == 0)
    if ld:
        assert abs(k.cpl_minor - Fraction(s, ld)) <= Fraction(1, 2)  # type: ignore[operator]


def test_huge_ratio_is_none_not_an_error() -> None:
    assert channel_kpis(ChannelFigures(clicks=10**400, impressions=1)).ctr is None


def test_kpis_by_channel_share_the_total() -> None:
    result = kpis_by_channel({"ads": ChannelFigures(spend_minor=300), "seo": ChannelFigures(100)})
    assert result["ads"].spend_share == pytest.approx(0.75)
    assert total_figures([ChannelFigures(1, 2, 3, 4, 5, 6)] * 2) == ChannelFigures(
        2, 4, 6, 8, 10, 12
    )


def test_reallocation_hints() -> None:
    hints = reallocation_hints({"ads": 1000_00, "seo": 400_00, "social": 500_00, "pr": None})
    assert [(h.expensive, h.cheap, h.ratio) for h in hints] == [
        ("ads", "seo", 2.5),
        ("ads", "social", 2.0),  # exactly 2x counts
    ]
    assert hints[0].expensive_cpl_minor == 1000_00 and hints[0].cheap_cpl_minor == 400_00
    assert reallocation_hints({"a": 199, "b": 100}) == []
    assert reallocation_hints({"a": 100, "b": 0, "c": -5}) == []
    assert reallocation_hints({"a": 300, "b": 100}, factor=3)[0].ratio == 3.0


def test_reallocation_hints_on_exact_cpls() -> None:
    # 1999 / 10 = 199.9 rounds to a CPL of 200 (2x of 100), but the exact CPL is below 2x:
    # no hint
    a = ChannelFigures(spend_minor=1999, leads=10)
    b = ChannelFigures(spend_minor=100, leads=1)
    assert channel_kpis(a).cpl_minor == 200
    assert reallocation_hints({"a": exact_cpl(a), "b": exact_cpl(b)}) == []
    assert exact_cpl(ChannelFigures()) is None
