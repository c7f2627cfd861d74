"""The whole-plan JSON document: export -> import -> export is lossless, bad documents are
refused with the first wrong place named and nothing written, big documents import fast."""

from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.domain.tables import (
    ALL_TABLES,
    Action,
    Budget,
    BudgetLine,
    Channel,
    ChannelResult,
    CheckScore,
    ControlCheck,
    ControlPoint,
    Direction,
    Expense,
    FindingDismissal,
    Goal,
    GoalSwotLink,
    Hypothesis,
    Measurement,
    Person,
    Plan,
    Setting,
    SwotItem,
    TowsOption,
    WeeklyMetric,
    WeeklyPlan,
    WeeklyTask,
)
from mktplanner.services import exchange
from mktplanner.services.exchange import ImportProblem, export_json, export_plan, import_json
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

DOCS = Path(__file__).resolve().parents[2] / "docs"
D = dt.date


def full_rows() -> list[Any]:
    """At least one row in every table, with the awkward values a real plan has: Cyrillic,
    nulls, fractions, a refund, managers that point at each other, a goal with two SWOT links."""
    return [
        Plan(
            id=1,
            name="Кофейня «Зерно»",
            company="ООО Зерно",
            mission="Лучший кофе у метро",
            values="честность\nскорость",
            currency="RUB",
            language="ru",
            fiscal_year_start=4,
            default_weekly_hours=37.5,
            plan_share=0.65,
            jump_threshold=3.0,
            tactical_start=D(2025, 1, 1),
            tactical_months=12,
            report_cadence="weekly",
            report_maker="Анна",
            report_reader="Борис",
            report_actor="Борис",
            created=D(2024, 12, 20),
        ),
        Person(id=1, name="Анна", role="маркетолог", active_from=D(2024, 1, 1)),
        Person(id=2, name="Борис", role="директор", weekly_hours=50.0),
        Person(id=3, name="Вера", unplannable_share=0.4, active_to=D(2026, 1, 1)),
        SwotItem(id=1, quadrant="S", text="Свежая обжарка", weight=5, source="clients"),
        SwotItem(id=2, quadrant="O", text="Новый БЦ рядом", note="открытие в марте", position=1),
        SwotItem(id=5, quadrant="T", text="Сетевой конкурент", source="analysis"),
        Goal(
            id=1,
            title="Больше новых клиентов",
            metric="новые клиенты в месяц",
            unit="чел.",
            baseline=30.0,
            target=45.0,
            baseline_date=D(2025, 1, 1),
            deadline=D(2025, 6, 30),
            owner_id=2,
            notes="",
        ),
        Goal(id=2, title="Конверсия сайта", baseline=0.015, target=0.03, position=1),
        GoalSwotLink(goal_id=1, swot_item_id=1),
        GoalSwotLink(goal_id=1, swot_item_id=2),
        TowsOption(id=1, internal_id=1, external_id=2, text="Дегустации в БЦ", goal_id=1),
        TowsOption(id=2, internal_id=1, external_id=5, text="Карта лояльности", position=1),
        Measurement(id=1, goal_id=1, date=D(2025, 2, 1), value=33.0, note="февраль"),
        Direction(id=1, name="Маркетинг", color="#4C78A8"),
        Channel(id=1, name="Контекстная реклама", color="#4C78A8"),
        Channel(id=2, name="Наружная реклама", color="#B279A2", position=1),
        Hypothesis(
            id=1,
            title="Таргет на БЦ",
            channel_id=1,
            test_budget_minor=1_500_000,
            start=D(2025, 2, 1),
            end=D(2025, 3, 31),
            metric="лиды",
            threshold=20.0,
            result=None,
            decision="pending",
            learned="",
        ),
        Action(
            id=1,
            title="Дегустации",
            direction_id=1,
            goal_id=1,
            channel_id=2,
            owner_id=1,
            start=D(2025, 2, 1),
            due=D(2025, 3, 1),
            budget_minor=2_000_000,
            expected_result="+10 клиентов",
            status="in_progress",
            recurrence="weekly",
        ),
        Action(id=2, title="Без бюджета", budget_minor=None, position=1),
        WeeklyPlan(
            id=1,
            person_id=1,
            iso_year=2025,
            iso_week=6,
            state="approved",
            submitted_on=D(2025, 2, 2),
            approved_on=D(2025, 2, 3),
            approved_by_id=2,
            note="первая неделя",
        ),
        WeeklyPlan(id=2, person_id=3, iso_year=2025, iso_week=6),
        WeeklyMetric(
            id=1, weekly_plan_id=1, name="Выручка", kind="money", unit="₽", planned=100000.0
        ),
        WeeklyMetric(id=2, weekly_plan_id=1, name="Договоры", planned=3.0, actual=2.0, position=1),
        WeeklyTask(
            id=1,
            weekly_plan_id=1,
            description="Подготовить дегустацию",
            action_id=1,
            occurrence=D(2025, 2, 5),
            end_product="клиенты задают вопросы",
            est_hours=4.5,
            actual_hours=5.25,
            done=True,
            regular=False,
            unplanned=False,
            carried=True,
        ),
        WeeklyTask(id=2, weekly_plan_id=1, description="План на неделю", regular=True, position=1),
        Budget(id=1, mode="top_down", basis="per_period", total_minor=80_000_00, rollover=True),
        BudgetLine(id=1, month=D(2025, 2, 1), channel_id=1, amount_minor=500_000),
        BudgetLine(id=2, month=D(2025, 2, 1), action_id=1, amount_minor=2_000_000),
        Expense(
            id=1,
            date=D(2025, 2, 10),
            amount_minor=123_456,
            channel_id=1,
            action_id=1,
            hypothesis_id=1,
            payee="Яндекс",
            note="счёт 17",
            import_key="bank:2025-02-10:123456",
        ),
        Expense(id=2, date=D(2025, 2, 12), amount_minor=-10_000, is_refund=True),
        ControlPoint(
            id=1,
            target="channel",
            channel_id=1,
            controller_id=2,
            cadence="weekly",
            limit_minor=150_000,
            next_due=D(2025, 2, 14),
            note="следить за ставками",
        ),
        ControlPoint(id=2, target="budget", limit_minor=800_000),
        ControlCheck(
            id=1,
            control_point_id=1,
            date=D(2025, 2, 7),
            person_id=2,
            plan_minor=150_000,
            actual_minor=-5_000,
            verdict="ok",
            comment="возврат",
        ),
        ChannelResult(
            id=1,
            channel_id=1,
            month=D(2025, 1, 1),
            spend_minor=None,
            impressions=10_000,
            clicks=300,
            leads=12,
            customers=4,
            revenue_minor=4_800_000,
        ),
        Setting(key="csv.mapping.bank", value='{"date": 0, "amount": 3}'),
        Setting(key="z", value=""),
        FindingDismissal(
            id=1,
            code="goal_without_action",
            object_ref="goal:2",
            reason="позже",
            dismissed_on=D(2025, 2, 1),
        ),
        CheckScore(id=1, at="2025-02-01T10:00:00", passed=7, total=9),
    ]


@pytest.fixture
def full_plan(tmp_path: Path) -> Iterator[PlanFile]:
    rows = full_rows()
    (tmp_path / "src").mkdir()
    plan = PlanFile.create(tmp_path / "src" / "full.mktplan", rows[:1])
    with plan.transaction() as s:
        for row in rows[1:]:
            s.add(row)
            s.flush()  # in this order: the ORM does not know the links between the tables
        # Each manages the other: a ring the import must rebuild.
        for pid, manager in ((1, 2), (2, 1)):
            person = s.get(Person, pid)
            assert person is not None
            person.manager_id = manager
            s.add(person)
    yield plan
    plan.close()


@pytest.fixture
def full_doc(full_plan: PlanFile) -> dict[str, Any]:
    return export_plan(full_plan)


def files_in(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


# --- lossless round trip -------------------------------------------------------------------


def test_every_table_is_in_the_document(full_doc: dict[str, Any]) -> None:
    assert list(full_doc) == list(exchange.TOP_KEYS)
    assert full_doc["format"] == "mktplanner-plan" and full_doc["version"] == 1
    for key in exchange.TOP_KEYS[2:]:
        assert full_doc[key], f"{key} is empty: the fixture must fill every table"
    wp = full_doc["weekly_plans"][0]
    assert wp["metrics"] and wp["tasks"]
    assert full_doc["goals"][0]["swot_ids"] == [1, 2]
    assert full_doc["settings"] == {"csv.mapping.bank": '{"date": 0, "amount": 3}', "z": ""}
    # Money in minor units, dates ISO.
    assert full_doc["expenses"][1]["amount_minor"] == -10_000
    assert full_doc["budget"] == {
        "mode": "top_down",
        "basis": "per_period",
        "total_minor": 8_000_000,
        "rollover": True,
    }
    assert full_doc["goals"][0]["deadline"] == "2025-06-30"


def test_export_import_export_is_byte_identical(full_plan: PlanFile, tmp_path: Path) -> None:
    first = export_json(full_plan, tmp_path / "one.json")
    text = first.read_text(encoding="utf-8")
    assert "Кофейня «Зерно»" in text  # UTF-8, not \u escapes
    imported = import_json(first, tmp_path / "copy.mktplan")
    try:
        second = export_json(imported, tmp_path / "two.json")
        assert second.read_bytes() == first.read_bytes()
        # Ids are kept: the copy's rows are the original's rows.
        with imported.session() as s:
            assert s.get(Person, 1).manager_id == 2  # type: ignore[union-attr]
            assert s.get(Person, 2).manager_id == 1  # type: ignore[union-attr]
            assert s.get(SwotItem, 5).text == "Сетевой конкурент"  # type: ignore[union-attr]
    finally:
        imported.close()
    assert files_in(tmp_path) == {"src", "one.json", "copy.mktplan", "two.json"}


def test_export_writes_atomically_and_replaces(full_plan: PlanFile, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    out.write_text("old", encoding="utf-8")
    export_json(full_plan, out)
    assert json.loads(out.read_text(encoding="utf-8"))["plan"]["name"] == "Кофейня «Зерно»"
    assert not [n for n in files_in(tmp_path) if n.startswith(".~")]
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask  # a normal file, not a private temp


def test_export_into_a_missing_folder_is_a_clear_refusal(
    full_plan: PlanFile, tmp_path: Path
) -> None:
    with pytest.raises(PlanFileError) as caught:
        export_json(full_plan, tmp_path / "nowhere" / "plan.json")
    assert caught.value.code == "not_found"


def test_missing_optional_keys_take_the_defaults(tmp_path: Path) -> None:
    doc = {
        "format": "mktplanner-plan",
        "version": 1,
        "plan": {"name": "Minimal"},
        "budget": {},
        "goals": [{"id": 7, "title": "One goal"}],
    }
    src = tmp_path / "min.json"
    src.write_text(json.dumps(doc), encoding="utf-8")
    plan = import_json(src, tmp_path / "min.mktplan")
    try:
        out = export_plan(plan)
    finally:
        plan.close()
    assert out["plan"]["name"] == "Minimal" and out["plan"]["currency"] == "RUB"
    assert out["goals"] == [
        {
            "id": 7,
            "title": "One goal",
            "metric": "",
            "unit": "",
            "baseline": None,
            "target": None,
            "baseline_date": None,
            "deadline": None,
            "owner_id": None,
            "notes": "",
            "position": 0,
            "swot_ids": [],
        }
    ]
    assert out["budget"]["mode"] == "bottom_up" and out["people"] == []


# --- bad documents -------------------------------------------------------------------------


def _set(path: str, value: Any) -> Callable[[dict[str, Any]], None]:
    """A mutation setting the value at ``a.b[2].c`` (the last step may be a new key)."""

    def apply(doc: dict[str, Any]) -> None:
        steps = re.findall(r"[^.\[\]]+|\[\d+\]", path)
        node: Any = doc
        for step in steps[:-1]:
            node = node[int(step[1:-1])] if step.startswith("[") else node[step]
        last = steps[-1]
        if last.startswith("["):
            node[int(last[1:-1])] = value
        else:
            node[last] = value

    return apply


def _drop(path: str) -> Callable[[dict[str, Any]], None]:
    def apply(doc: dict[str, Any]) -> None:
        *head, last = path.split(".")
        node: Any = doc
        for step in head:
            m = re.fullmatch(r"(\w+)\[(\d+)\]", step)
            node = node[m[1]][int(m[2])] if m else node[step]
        del node[last]

    return apply


def _deep(levels: int) -> Any:
    value: Any = "x"
    for _ in range(levels):
        value = [value]
    return value


BAD_DOCS: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    ("unknown format", _set("format", "something-else"), "format", "not_a_plan_document"),
    ("newer version", _set("version", 2), "version", "newer_format"),
    ("version as text", _set("version", "1"), "version", "not_an_integer"),
    ("missing plan", _drop("plan"), "plan", "required"),
    ("missing required key", _drop("goals[1].title"), "goals[1].title", "required"),
    ("missing id", _drop("actions[0].id"), "actions[0].id", "required"),
    (
        "wrong type nested",
        _set("weekly_plans[0].tasks[1].done", "yes"),
        "weekly_plans[0].tasks[1].done",
        "wrong_type",
    ),
    ("section not an array", _set("people", {}), "people", "wrong_type"),
    ("row not an object", _set("swot[1]", "text"), "swot[1]", "wrong_type"),
    ("bad date", _set("goals[1].deadline", "31.12.2025"), "goals[1].deadline", "not_a_date"),
    (
        "impossible date",
        _set("measurements[0].date", "2025-02-30"),
        "measurements[0].date",
        "not_a_date",
    ),
    (
        "negative money",
        _set("actions[0].budget_minor", -1),
        "actions[0].budget_minor",
        "negative_money",
    ),
    ("money as float", _set("budget.total_minor", 10.5), "budget.total_minor", "not_an_integer"),
    (
        "money as text",
        _set("expenses[0].amount_minor", "1234"),
        "expenses[0].amount_minor",
        "not_an_integer",
    ),
    (
        "dangling reference",
        _set("actions[0].goal_id", 99),
        "actions[0].goal_id",
        "dangling_reference",
    ),
    (
        "dangling forward reference",
        _set("tows[1].goal_id", 42),
        "tows[1].goal_id",
        "dangling_reference",
    ),
    (
        "dangling swot link",
        _set("goals[0].swot_ids", [1, 77]),
        "goals[0].swot_ids[1]",
        "dangling_reference",
    ),
    (
        "dangling nested",
        _set("weekly_plans[0].tasks[0].action_id", 5),
        "weekly_plans[0].tasks[0].action_id",
        "dangling_reference",
    ),
    (
        "unknown enum value",
        _set("actions[0].status", "finished"),
        "actions[0].status",
        "unknown_value",
    ),
    ("unknown key", _set("goals[0].colour", "red"), "goals[0].colour", "unknown_key"),
    ("unknown top-level key", _set("extras", []), "extras", "unknown_key"),
    ("duplicate id", _set("channels[1].id", 1), "channels[1].id", "duplicate"),
    (
        "duplicate week",
        _set("weekly_plans[1].person_id", 1),
        "weekly_plans[1].iso_week",
        "duplicate",
    ),
    ("boolean as number", _set("budget.rollover", 1), "budget.rollover", "wrong_type"),
    ("field rule", _set("swot[0].weight", 9), "swot[0].weight", "out_of_range"),
    ("too deep", _set("goals[0].notes", _deep(100)), "goals[0].notes", "too_deep"),
    ("setting not text", _set("settings", {"a": 1}), "settings.a", "wrong_type"),
    ("huge integer", _set("results[0].clicks", 10**30), "results[0].clicks", "out_of_range"),
]


def _write(doc: Any, path: Path) -> Path:
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("mutate", "path", "code"),
    [pytest.param(m, p, c, id=name) for name, m, p, c in BAD_DOCS],
)
def test_bad_document_is_refused_and_nothing_written(
    full_doc: dict[str, Any],
    tmp_path: Path,
    mutate: Callable[[dict[str, Any]], None],
    path: str,
    code: str,
) -> None:
    doc = copy.deepcopy(full_doc)
    mutate(doc)
    folder = tmp_path / "out"
    folder.mkdir()
    src = _write(doc, tmp_path / "bad.json")
    with pytest.raises(ImportProblem) as caught:
        import_json(src, folder / "new.mktplan")
    assert (caught.value.path, caught.value.code) == (path, code), caught.value.problems
    assert str(caught.value).startswith(f"{path}: {code}")
    assert files_in(folder) == set()  # no plan, no temp file, no lock


@pytest.mark.parametrize(
    ("mutate", "path", "code"),
    [pytest.param(m, p, c, id=name) for name, m, p, c in BAD_DOCS[:6] + BAD_DOCS[-6:]],
)
def test_bad_document_leaves_an_existing_target_untouched_with_force(
    full_doc: dict[str, Any],
    tmp_path: Path,
    mutate: Callable[[dict[str, Any]], None],
    path: str,
    code: str,
) -> None:
    target = PlanFile.create(tmp_path / "old.mktplan", [Plan(id=1, name="Old"), Budget(id=1)])
    target.close()
    before = (tmp_path / "old.mktplan").read_bytes()
    doc = copy.deepcopy(full_doc)
    mutate(doc)
    src = _write(doc, tmp_path / "bad.json")
    with pytest.raises(ImportProblem) as caught:
        import_json(src, tmp_path / "old.mktplan", force=True)
    assert (caught.value.path, caught.value.code) == (path, code)
    assert (tmp_path / "old.mktplan").read_bytes() == before
    assert files_in(tmp_path) == {"src", "old.mktplan", "bad.json"}


def test_the_first_wrong_place_in_document_order_is_named(
    full_doc: dict[str, Any], tmp_path: Path
) -> None:
    doc = copy.deepcopy(full_doc)
    doc["goals"][1]["deadline"] = "soon"
    doc["goals"][1]["title"] = ""  # earlier in the same object
    doc["goals"][0]["swot_ids"] = ["S1"]  # earlier object, last key
    doc["actions"][0]["budget_minor"] = 1.5  # later section
    with pytest.raises(ImportProblem) as caught:
        import_json(_write(doc, tmp_path / "bad.json"), tmp_path / "new.mktplan")
    assert [str(p) for p in caught.value.problems] == [
        "goals[0].swot_ids[0]: not_an_integer (value=S1)",
        "goals[1].title: required",
        "goals[1].deadline: not_a_date (value=soon)",
        "actions[0].budget_minor: not_an_integer (value=1.5)",
    ]


@pytest.mark.parametrize(
    ("text", "path", "code", "params"),
    [
        (
            '{"format": "mktplanner-plan",\n  "version": 1,\n  "plan": {,}}',
            "",
            "not_json",
            {"line": 3, "column": 12},
        ),
        ("", "", "not_json", {"line": 1, "column": 1}),
        ("[1, 2, 3]", "", "not_a_plan_document", {"found": "array"}),
        ('"a plan"', "", "not_a_plan_document", {"found": "text"}),
        ('{"version": 1}', "format", "not_a_plan_document", {}),
        ("[" * 100_000 + "]" * 100_000, "", "too_deep", {"max": 64}),
        ('{"format": "mktplanner-plan", "format": "x"}', "format", "not_a_plan_document", {}),
    ],
    ids=["syntax", "empty", "array", "string", "no format", "very deep", "duplicate key"],
)
def test_not_a_plan_document(
    tmp_path: Path, text: str, path: str, code: str, params: dict[str, Any]
) -> None:
    src = tmp_path / "in.json"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        import_json(src, tmp_path / "new.mktplan")
    assert (caught.value.path, caught.value.code) == (path, code)
    assert params.items() <= caught.value.params.items()
    assert files_in(tmp_path) == {"in.json"}


def test_not_utf8_names_line_and_column(tmp_path: Path) -> None:
    src = tmp_path / "in.json"
    src.write_bytes(b'{\n "format": "\xff"}')
    with pytest.raises(ImportProblem) as caught:
        import_json(src, tmp_path / "new.mktplan")
    assert caught.value.code == "not_json"
    assert (caught.value.params["line"], caught.value.params["column"]) == (2, 13)


def test_duplicate_key_in_a_row(full_doc: dict[str, Any], tmp_path: Path) -> None:
    text = json.dumps(full_doc, ensure_ascii=False)
    text = text.replace('"title": "Конверсия сайта"', '"title": "A", "title": "B"')
    src = tmp_path / "in.json"
    src.write_text(text, encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        import_json(src, tmp_path / "new.mktplan")
    assert (caught.value.path, caught.value.code) == ("goals[1].title", "duplicate_key")


def test_too_large_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, full_doc: dict[str, Any]
) -> None:
    src = _write(full_doc, tmp_path / "in.json")
    monkeypatch.setattr(exchange, "MAX_BYTES", 1000)
    with pytest.raises(ImportProblem) as caught:
        import_json(src, tmp_path / "new.mktplan")
    assert caught.value.code == "too_large"
    assert caught.value.params == {"size": src.stat().st_size, "max": 1000}


def test_refuses_to_overwrite_without_force(full_doc: dict[str, Any], tmp_path: Path) -> None:
    src = _write(full_doc, tmp_path / "in.json")
    target = tmp_path / "old.mktplan"
    target.write_bytes(b"precious")
    with pytest.raises(PlanFileError) as caught:
        import_json(src, target)
    assert caught.value.code == "exists"
    assert target.read_bytes() == b"precious"


def test_force_replaces_the_target_after_success(full_doc: dict[str, Any], tmp_path: Path) -> None:
    src = _write(full_doc, tmp_path / "in.json")
    old = PlanFile.create(tmp_path / "old.mktplan", [Plan(id=1, name="Old"), Budget(id=1)])
    old.close()
    plan = import_json(src, tmp_path / "old.mktplan", force=True)
    try:
        assert export_plan(plan) == full_doc
    finally:
        plan.close()


def test_force_refuses_a_plan_open_elsewhere(full_doc: dict[str, Any], tmp_path: Path) -> None:
    src = _write(full_doc, tmp_path / "in.json")
    other = PlanFile.create(tmp_path / "open.mktplan", [Plan(id=1, name="Open"), Budget(id=1)])
    try:
        before = (tmp_path / "open.mktplan").read_bytes()
        with pytest.raises(PlanFileError) as caught:
            import_json(src, tmp_path / "open.mktplan", force=True)
        assert caught.value.code == "locked"
        assert (tmp_path / "open.mktplan").read_bytes() == before
    finally:
        other.close()
    assert not [n for n in files_in(tmp_path) if n.startswith(".~import")]


def test_missing_input_file(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as caught:
        import_json(tmp_path / "nope.json", tmp_path / "new.mktplan")
    assert caught.value.code == "not_found"


def test_import_leaves_no_backup_of_its_staging_file(
    full_doc: dict[str, Any], tmp_path: Path, user_data_dir: Path
) -> None:
    src = _write(full_doc, tmp_path / "in.json")
    import_json(src, tmp_path / "new.mktplan").close()
    backups = user_data_dir / "backups"
    names = {p.name for p in backups.iterdir()} if backups.exists() else set()
    assert {n.split("-")[0] for n in names} <= {"full", "new"}, names


# --- big documents -------------------------------------------------------------------------


def _many_goals(n: int) -> dict[str, Any]:
    return {
        "format": "mktplanner-plan",
        "version": 1,
        "plan": {"name": "Big"},
        "budget": {},
        "swot": [{"id": 1, "quadrant": "S", "text": "s"}],
        "goals": [
            {
                "id": i,
                "title": f"Goal {i}",
                "baseline": 1.0,
                "target": 2.0,
                "deadline": "2025-12-31",
                "position": i,
                "swot_ids": [1],
            }
            for i in range(1, n + 1)
        ],
    }


def _import_many(n: int, tmp_path: Path, limit_s: float) -> None:
    src = _write(_many_goals(n), tmp_path / "big.json")
    started = time.perf_counter()
    plan = import_json(src, tmp_path / "big.mktplan")
    elapsed = time.perf_counter() - started
    try:
        with plan.session() as s:
            assert s.get(Goal, n).title == f"Goal {n}"  # type: ignore[union-attr]
        doc = export_plan(plan)
    finally:
        plan.close()
    assert len(doc["goals"]) == n and doc["goals"][-1]["swot_ids"] == [1]
    assert elapsed < limit_s, f"{n} goals took {elapsed:.1f} s"


def test_ten_thousand_goals_import_quickly(tmp_path: Path) -> None:
    _import_many(10_000, tmp_path, limit_s=10.0)


@pytest.mark.slow
def test_hundred_thousand_goals_import_in_seconds(tmp_path: Path) -> None:
    _import_many(100_000, tmp_path, limit_s=60.0)


# --- the documentation's schema ------------------------------------------------------------


def test_every_table_has_a_place_in_the_document() -> None:
    placed = {s.table for s in exchange.SECTIONS} | {"goal_swot", "weekly_metric", "weekly_task"}
    assert placed == {t.__tablename__ for t in ALL_TABLES}  # type: ignore[attr-defined]


# A validator for the part of JSON Schema (draft 2020-12) the format's schema uses. Any other
# keyword in the schema fails the test, so the validator never silently skips a rule.
_ANNOTATIONS = {"$schema", "$defs", "title", "description"}
_KEYWORDS = {
    "$ref", "type", "const", "enum", "properties", "required", "additionalProperties",
    "items", "uniqueItems", "minimum", "maximum", "pattern", "maxLength", "propertyNames",
}  # fmt: skip
_TYPES: dict[str, Callable[[Any], bool]] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}


def schema_errors(
    value: Any, schema: dict[str, Any], root: dict[str, Any], at: str = ""
) -> list[str]:
    unknown = set(schema) - _KEYWORDS - _ANNOTATIONS
    assert not unknown, f"the test validator does not know {unknown}"
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return schema_errors(value, root["$defs"][name], root, at)
    errors: list[str] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_TYPES[t](value) for t in types):
            return [f"{at}: not {types}"]
    if "const" in schema and value != schema["const"]:
        errors.append(f"{at}: not {schema['const']!r}")
    if "enum" in schema and value not in schema["enum"]:
        errors.append(f"{at}: {value!r} not in enum")
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            errors.append(f"{at}: below minimum")
        if "maximum" in schema and value > schema["maximum"]:
            errors.append(f"{at}: above maximum")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            errors.append(f"{at}: does not match {schema['pattern']}")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            errors.append(f"{at}: too long")
    if isinstance(value, dict):
        props = schema.get("properties", {})
        errors += [f"{at}.{k}: required" for k in schema.get("required", []) if k not in value]
        for k, v in value.items():
            if "propertyNames" in schema:
                errors += schema_errors(k, schema["propertyNames"], root, f"{at}.{k} (name)")
            if k in props:
                errors += schema_errors(v, props[k], root, f"{at}.{k}")
            elif schema.get("additionalProperties") is False:
                errors.append(f"{at}.{k}: not allowed")
            elif isinstance(schema.get("additionalProperties"), dict):
                errors += schema_errors(v, schema["additionalProperties"], root, f"{at}.{k}")
    if isinstance(value, list):
        if "items" in schema:
            for i, item in enumerate(value):
                errors += schema_errors(item, schema["items"], root, f"{at}[{i}]")
        if schema.get("uniqueItems") and len({json.dumps(v) for v in value}) != len(value):
            errors.append(f"{at}: items not unique")
    return errors


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DOCS / "plan-format.schema.json").read_text("utf-8"))
    return data


def test_schema_is_draft_2020_12(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_an_exported_plan_validates_against_the_schema(
    full_doc: dict[str, Any], schema: dict[str, Any]
) -> None:
    assert schema_errors(full_doc, schema, schema) == []


def test_the_schema_validator_sees_bad_documents(
    full_doc: dict[str, Any], schema: dict[str, Any]
) -> None:
    doc = copy.deepcopy(full_doc)
    doc["goals"][0]["deadline"] = "31.12.2025"
    doc["weekly_plans"][0]["tasks"][0]["done"] = "yes"
    doc["budget"]["total_minor"] = -1
    doc["actions"][1]["colour"] = "red"
    del doc["swot"][0]["text"]
    assert sorted(schema_errors(doc, schema, schema)) == sorted(
        [
            ".goals[0].deadline: does not match ^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            ".weekly_plans[0].tasks[0].done: not ['boolean']",
            ".budget.total_minor: below minimum",
            ".actions[1].colour: not allowed",
            ".swot[0].text: required",
        ]
    )


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema["$defs"][node["$ref"].removeprefix("#/$defs/")]
    return node


_JSON_TYPE = {"integer": "integer", "number": "number", "text": "string", "boolean": "boolean"}


def test_the_schema_describes_exactly_what_the_exporter_writes(schema: dict[str, Any]) -> None:
    """Fails when a column is added to the tables but not to the schema (or the other way)."""
    assert list(schema["properties"]) == list(exchange.TOP_KEYS)
    for section in exchange.SECTIONS:
        node = _resolve(schema, schema["properties"][section.key])
        if section.table == "setting":
            assert node["additionalProperties"] == {"type": "string"}
            continue
        if not section.single:
            node = _resolve(schema, node["items"])
        objects = [(section.table, node)]
        if section.table == "weekly_plan":
            for key, table in (("metrics", "weekly_metric"), ("tasks", "weekly_task")):
                objects.append((table, _resolve(schema, node["properties"][key]["items"])))
        for table, obj in objects:
            shape = exchange.SHAPES[table]
            assert tuple(obj["properties"]) == shape.keys, table
            assert obj["required"] == [c.name for c in shape.columns if c.required], table
            assert obj["additionalProperties"] is False
            for col in shape.columns:
                prop = _resolve(schema, obj["properties"][col.name])
                types = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
                wanted = "string" if col.kind == "date" else _JSON_TYPE[col.kind]
                assert types[0] == wanted, (table, col.name)
                assert ("null" in types) == col.nullable, (table, col.name)


def test_the_documentation_names_every_key() -> None:
    text = (DOCS / "plan-format.md").read_text("utf-8")
    for table, keys in exchange.document_keys().items():
        for key in keys:
            assert f"`{key}`" in text, (table, key)
    for model in ALL_TABLES:
        assert f"`{model.__tablename__}`" in text  # type: ignore[attr-defined]
