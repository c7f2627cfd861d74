"""Field rules checked before every write: what a user is refused, and why."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mktplanner.domain.rules.validation import (
    COLUMNS,
    TABLES,
    TEXT_LIMITS,
    max_length,
    tows_kind,
    validate,
    validate_tows_pair,
)
from mktplanner.domain.tables import TABLE_BY_NAME

D = dt.date


def codes(table: str, values: dict[str, Any]) -> dict[str, str]:
    """field -> code of every problem found."""
    return {p.field: p.code for p in validate(table, values)}


def problem(table: str, values: dict[str, Any], field: str):
    found = [p for p in validate(table, values) if p.field == field]
    assert found, f"no problem on {field}: {validate(table, values)}"
    return found[0]


# Minimal valid rows (what a service would insert).
VALID: dict[str, dict[str, Any]] = {
    "plan": {
        "name": "Café Ромашка",
        "currency": "RUB",
        "language": "ru",
        "plan_share": 0.65,
        "tactical_start": D(2025, 1, 1),
        "tactical_months": 6,
    },
    "person": {"name": "Иван", "weekly_hours": 40.0, "unplannable_share": 0.4},
    "swot_item": {"quadrant": "S", "text": "Loyal regulars", "weight": 4, "source": "clients"},
    "goal": {
        "title": "More clients",
        "metric": "new clients / month",
        "baseline": 30.0,
        "target": 45.0,
        "baseline_date": D(2025, 1, 1),
        "deadline": D(2025, 12, 31),
    },
    "goal_swot": {"goal_id": 1, "swot_item_id": 2},
    "tows_option": {"internal_id": 1, "external_id": 2, "text": "Use regulars for referrals"},
    "measurement": {"goal_id": 1, "date": D(2025, 3, 1), "value": 33.0},
    "direction": {"name": "Marketing", "color": "#4C78A8"},
    "channel": {"name": "Context ads", "color": "#ff0000"},
    "hypothesis": {
        "title": "Telegram ads pay off",
        "test_budget_minor": 1_000_000,
        "start": D(2025, 2, 1),
        "end": D(2025, 4, 30),
        "decision": "pending",
    },
    "action": {
        "title": "A/B test the header",
        "start": D(2025, 2, 1),
        "due": D(2025, 2, 28),
        "budget_minor": 5000_00,
        "status": "planned",
        "recurrence": "weekly",
    },
    "weekly_plan": {"person_id": 1, "iso_year": 2026, "iso_week": 53, "state": "draft"},
    "weekly_metric": {
        "weekly_plan_id": 1,
        "name": "Contracts",
        "kind": "count",
        "planned": 3.0,
        "actual": None,
    },
    "weekly_task": {
        "weekly_plan_id": 1,
        "description": "Client presentation",
        "est_hours": 4.0,
        "actual_hours": None,
    },
    "budget": {"mode": "bottom_up", "basis": "per_month", "total_minor": 800_00, "rollover": True},
    "budget_line": {"month": D(2025, 3, 1), "channel_id": 1, "amount_minor": 300_00},
    "expense": {"date": D(2025, 3, 4), "amount_minor": 120_00, "is_refund": False, "channel_id": 1},
    "control_point": {
        "target": "channel",
        "channel_id": 1,
        "cadence": "weekly",
        "limit_minor": 200_00,
    },
    "control_check": {
        "control_point_id": 1,
        "date": D(2025, 3, 7),
        "plan_minor": 200_00,
        "actual_minor": -50_00,
        "verdict": "ok",
    },
    "channel_result": {"channel_id": 1, "month": D(2025, 3, 1), "spend_minor": None, "clicks": 10},
    "setting": {"key": "csv.mapping", "value": "{}"},
    "finding_dismissal": {"code": "action_without_owner", "object_ref": "action:3"},
    "check_score": {"at": "2025-03-01T10:00:00", "passed": 7, "total": 9},
}


def test_every_table_is_validated_and_columns_match_the_schema() -> None:
    assert set(TABLE_BY_NAME) == TABLES == set(VALID)
    for name, table in TABLE_BY_NAME.items():
        assert COLUMNS[name] == set(table.model_fields), name


@pytest.mark.parametrize("table", sorted(VALID))
def test_valid_rows_pass(table: str) -> None:
    assert validate(table, VALID[table]) == []


def test_unknown_table_is_a_programming_error() -> None:
    with pytest.raises(KeyError):
        validate("nope", {})


def test_unknown_column_is_reported() -> None:
    assert codes("channel", {"name": "SEO", "colour": "#000000"}) == {"colour": "unknown_field"}


@pytest.mark.parametrize(
    ("table", "field"),
    [
        ("plan", "name"),
        ("person", "name"),
        ("swot_item", "text"),
        ("goal", "title"),
        ("tows_option", "text"),
        ("direction", "name"),
        ("channel", "name"),
        ("hypothesis", "title"),
        ("action", "title"),
        ("weekly_metric", "name"),
        ("weekly_task", "description"),
        ("setting", "key"),
        ("finding_dismissal", "code"),
    ],
)
@pytest.mark.parametrize("blank", ["", "   ", None, "<missing>"])
def test_empty_titles_names_texts_are_required(table: str, field: str, blank: Any) -> None:
    row = dict(VALID[table])
    if blank == "<missing>":
        del row[field]
    else:
        row[field] = blank
    assert codes(table, row) == {field: "required"}


def test_text_limits_in_one_table() -> None:
    assert max_length("goal", "title") == 200
    assert max_length("goal", "notes") == 4000
    assert max_length("goal", "position") is None
    for (table, column), limit in TEXT_LIMITS.items():
        assert column in COLUMNS[table]
        row = dict(VALID[table])
        row[column] = "x" * limit
        assert validate(table, row) == [], (table, column)
        row[column] = "я" * (limit + 1)
        p = problem(table, row, column)
        assert (p.code, p.params) == ("too_long", {"max": limit, "length": limit + 1})


def test_negative_money_refused() -> None:
    for table, field in [
        ("action", "budget_minor"),
        ("budget", "total_minor"),
        ("budget_line", "amount_minor"),
        ("expense", "amount_minor"),
        ("hypothesis", "test_budget_minor"),
        ("control_point", "limit_minor"),
        ("channel_result", "spend_minor"),
        ("channel_result", "revenue_minor"),
        ("control_check", "plan_minor"),
    ]:
        row = {**VALID[table], field: -1}
        p = problem(table, row, field)
        assert (p.code, p.params) == ("negative_money", {"value": -1}), (table, field)


def test_money_must_be_integer_minor_units() -> None:
    assert codes("expense", {**VALID["expense"], "amount_minor": 12.5}) == {
        "amount_minor": "wrong_type"
    }


def test_refund_must_be_negative() -> None:
    refund = {**VALID["expense"], "is_refund": True}
    assert validate("expense", {**refund, "amount_minor": -120_00}) == []
    assert codes("expense", {**refund, "amount_minor": 0}) == {
        "amount_minor": "refund_not_negative"
    }
    assert codes("expense", {**refund, "amount_minor": 5}) == {
        "amount_minor": "refund_not_negative"
    }
    assert validate("expense", {**VALID["expense"], "amount_minor": 0}) == []


@pytest.mark.parametrize(
    ("table", "start", "end"),
    [
        ("action", "start", "due"),
        ("hypothesis", "start", "end"),
        ("person", "active_from", "active_to"),
        ("goal", "baseline_date", "deadline"),
    ],
)
def test_end_before_start(table: str, start: str, end: str) -> None:
    row = {**VALID[table], start: D(2025, 5, 2), end: D(2025, 5, 1)}
    p = problem(table, row, end)
    assert p.code == "end_before_start"
    assert p.params == {"start_field": start, "start": "2025-05-02", "end": "2025-05-01"}
    assert validate(table, {**row, end: D(2025, 5, 2)}) == []  # the same day is fine
    assert validate(table, {**row, end: None}) == []


@pytest.mark.parametrize(
    ("table", "field", "bad", "lo", "hi"),
    [
        ("person", "unplannable_share", 1.01, 0.0, 1.0),
        ("person", "unplannable_share", -0.1, 0.0, 1.0),
        ("plan", "plan_share", 1.5, 0.0, 1.0),
        ("person", "weekly_hours", 169.0, 0.0, 168.0),
        ("plan", "default_weekly_hours", -1.0, 0.0, 168.0),
        ("swot_item", "weight", 0, 1, 5),
        ("swot_item", "weight", 6, 1, 5),
        ("plan", "fiscal_year_start", 13, 1, 12),
        ("plan", "fiscal_year_start", 0, 1, 12),
        ("plan", "tactical_months", 5, 6, 12),
        ("plan", "tactical_months", 13, 6, 12),
        ("weekly_task", "est_hours", 168.5, 0.0, 168.0),
        ("weekly_task", "actual_hours", 200.0, 0.0, 168.0),
        ("weekly_task", "actual_hours", -1.0, 0.0, 168.0),
        ("channel_result", "clicks", -3, 0, None),
    ],
)
def test_out_of_range(table: str, field: str, bad: Any, lo: Any, hi: Any) -> None:
    p = problem(table, {**VALID[table], field: bad}, field)
    assert (p.code, p.params) == ("out_of_range", {"min": lo, "max": hi, "value": bad})


def test_range_edges_accepted() -> None:
    assert (
        validate("person", {**VALID["person"], "unplannable_share": 1.0, "weekly_hours": 168}) == []
    )
    assert validate("swot_item", {**VALID["swot_item"], "weight": 5}) == []
    assert validate("plan", {**VALID["plan"], "tactical_months": 12, "plan_share": 0.0}) == []
    assert validate("weekly_task", {**VALID["weekly_task"], "actual_hours": 0.0}) == []


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_non_finite_numbers(bad: float) -> None:
    assert codes("goal", {**VALID["goal"], "baseline": bad}) == {"baseline": "not_a_number"}
    assert codes("measurement", {**VALID["measurement"], "value": bad}) == {"value": "not_a_number"}
    assert codes("person", {**VALID["person"], "weekly_hours": bad}) == {
        "weekly_hours": "not_a_number"
    }


@pytest.mark.parametrize(
    ("table", "field", "bad"),
    [
        ("swot_item", "quadrant", "X"),
        ("swot_item", "source", "friends"),
        ("action", "status", "finished"),
        ("action", "recurrence", "daily"),
        ("weekly_plan", "state", "open"),
        ("budget", "mode", "sideways"),
        ("budget", "basis", "per_year"),
        ("control_point", "cadence", "hourly"),
        ("control_point", "target", "everything"),
        ("control_check", "verdict", "fine"),
        ("hypothesis", "decision", "maybe"),
        ("weekly_metric", "kind", "percent"),
        ("plan", "language", "de"),
        ("plan", "report_cadence", "yearly"),
    ],
)
def test_unknown_enum_values(table: str, field: str, bad: str) -> None:
    p = problem(table, {**VALID[table], field: bad}, field)
    assert p.code == "unknown_value"
    assert p.params["value"] == bad and bad not in p.params["allowed"]


def test_report_cadence_may_be_empty() -> None:
    assert validate("plan", {**VALID["plan"], "report_cadence": ""}) == []


@pytest.mark.parametrize("bad", ["ZZZ", "rub", "", None, 643])
def test_unknown_currency(bad: Any) -> None:
    assert codes("plan", {**VALID["plan"], "currency": bad}) == {"currency": "unknown_currency"}


def test_known_currencies() -> None:
    for code in ("RUB", "USD", "EUR", "JPY", "KZT"):
        assert validate("plan", {**VALID["plan"], "currency": code}) == []


def test_iso_week_depends_on_the_year() -> None:
    assert validate("weekly_plan", {**VALID["weekly_plan"], "iso_year": 2026, "iso_week": 53}) == []
    p = problem(
        "weekly_plan", {**VALID["weekly_plan"], "iso_year": 2025, "iso_week": 53}, "iso_week"
    )
    assert (p.code, p.params) == ("out_of_range", {"min": 1, "max": 52, "value": 53})
    assert codes("weekly_plan", {**VALID["weekly_plan"], "iso_week": 0}) == {
        "iso_week": "out_of_range"
    }


@pytest.mark.parametrize(
    ("table", "field"),
    [("budget_line", "month"), ("channel_result", "month"), ("plan", "tactical_start")],
)
def test_months_are_first_days(table: str, field: str) -> None:
    p = problem(table, {**VALID[table], field: D(2025, 3, 15)}, field)
    assert (p.code, p.params) == ("not_first_of_month", {"value": "2025-03-15"})


def test_budget_line_needs_exactly_one_of_channel_or_action() -> None:
    line = {"month": D(2025, 3, 1), "amount_minor": 1}
    assert codes("budget_line", line) == {"channel_id": "channel_or_action_required"}
    assert codes("budget_line", {**line, "channel_id": None, "action_id": None}) == {
        "channel_id": "channel_or_action_required"
    }
    assert codes("budget_line", {**line, "channel_id": 1, "action_id": 2}) == {
        "action_id": "channel_and_action"
    }
    assert validate("budget_line", {**line, "action_id": 2}) == []


def test_control_point_target_consistency() -> None:
    cp = {"cadence": "monthly", "limit_minor": 100}
    assert validate("control_point", {**cp, "target": "budget"}) == []
    assert validate("control_point", {**cp, "target": "action", "action_id": 4}) == []
    assert codes("control_point", {**cp, "target": "budget", "channel_id": 1}) == {
        "channel_id": "target_mismatch"
    }
    assert codes("control_point", {**cp, "target": "channel"}) == {"channel_id": "required"}
    assert codes("control_point", {**cp, "target": "channel", "channel_id": 1, "action_id": 2}) == {
        "action_id": "target_mismatch"
    }
    assert codes("control_point", {**cp, "target": "action", "channel_id": 1}) == {
        "action_id": "required",
        "channel_id": "target_mismatch",
    }
    p = problem("control_point", {**cp, "target": "budget", "action_id": 3}, "action_id")
    assert p.params == {"target": "budget"}


@pytest.mark.parametrize("bad", ["4C78A8", "#4C78A", "#4C78A8F", "#GGGGGG", "red", "", None])
def test_colour_must_be_hex_rrggbb(bad: Any) -> None:
    assert codes("direction", {**VALID["direction"], "color": bad}) == {"color": "invalid_color"}


def test_target_equal_to_baseline() -> None:
    assert codes("goal", {**VALID["goal"], "target": 30.0}) == {"target": "target_equals_baseline"}
    assert codes("goal", {**VALID["goal"], "baseline": 30, "target": 30.0}) == {
        "target": "target_equals_baseline"
    }
    assert validate("goal", {**VALID["goal"], "baseline": None, "target": None}) == []


def test_weekly_metric_values_by_kind() -> None:
    m = VALID["weekly_metric"]
    assert codes("weekly_metric", {**m, "planned": 2.5}) == {"planned": "not_whole_number"}
    assert codes("weekly_metric", {**m, "actual": -1.0}) == {"actual": "out_of_range"}
    assert validate("weekly_metric", {**m, "kind": "money", "planned": 1500.5}) == []
    assert codes("weekly_metric", {**m, "kind": "money", "planned": -1.0}) == {
        "planned": "negative_money"
    }
    assert validate("weekly_metric", {**m, "kind": "number", "planned": -3.25}) == []


def test_types_are_checked_not_parsed() -> None:
    assert codes("expense", {**VALID["expense"], "date": "2025-03-04"}) == {"date": "wrong_type"}
    assert codes("expense", {**VALID["expense"], "date": dt.datetime(2025, 3, 4)}) == {
        "date": "wrong_type"
    }
    assert codes("swot_item", {**VALID["swot_item"], "weight": True}) == {"weight": "wrong_type"}
    assert codes("weekly_task", {**VALID["weekly_task"], "done": 1}) == {"done": "wrong_type"}
    assert codes("goal", {**VALID["goal"], "notes": None}) == {"notes": "wrong_type"}


def test_required_dates_and_parents() -> None:
    assert codes("expense", {"amount_minor": 1}) == {"date": "required"}
    assert codes("measurement", {"goal_id": 1, "date": D(2025, 1, 1)}) == {"value": "required"}
    assert codes("weekly_task", {"description": "x"}) == {"weekly_plan_id": "required"}


def test_self_references() -> None:
    assert codes("person", {"id": 3, "name": "A", "manager_id": 3}) == {
        "manager_id": "self_reference"
    }
    assert codes("tows_option", {"internal_id": 1, "external_id": 1, "text": "x"}) == {
        "external_id": "same_item"
    }


def test_check_score_passed_not_above_total() -> None:
    p = problem("check_score", {**VALID["check_score"], "passed": 10}, "passed")
    assert (p.code, p.params["max"]) == ("out_of_range", 9)


def test_tows_pair_needs_internal_and_external() -> None:
    assert validate_tows_pair("S", "O") == []
    assert validate_tows_pair("W", "T") == []
    assert [(p.field, p.code) for p in validate_tows_pair("O", "S")] == [
        ("internal_id", "not_internal"),
        ("external_id", "not_external"),
    ]
    assert [(p.field, p.code) for p in validate_tows_pair(None, "T")] == [
        ("internal_id", "required")
    ]
    assert tows_kind("S", "T") == "ST"
    assert tows_kind("W", "O") == "WO"
    assert tows_kind("T", "O") is None


_any_value = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=5),
    st.dates(),
    st.datetimes(),
    st.lists(st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None)
@given(table=st.sampled_from(sorted(VALID)), data=st.data())
def test_validate_never_raises(table: str, data: st.DataObject) -> None:
    columns = sorted(COLUMNS[table]) + ["bogus"]
    values = data.draw(st.dictionaries(st.sampled_from(columns), _any_value, max_size=8))
    problems = validate(table, values)
    fields = [p.field for p in problems]
    assert len(fields) == len(set(fields))  # one problem per column
