"""Migrations: a plan made by every earlier schema version opens with today's code, is backed
up before it is migrated, and keeps every row.

The files are ``fixtures/plan_<NNNN>.mktplan``, one per schema version, committed when
that version was the newest (``fixtures/make_fixtures.py``) and never remade: they are the
files users have. Each comes with a manifest (``plan_<NNNN>.json``) of every row it holds.
A new migration without its file fails ``test_every_schema_version_has_its_file``.

A killed migration (the old version or the new one, intact) is in ``test_crash.py``.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import dump
from sqlalchemy import select

from mktplanner.domain.rules.validation import validate
from mktplanner.domain.tables import ALL_TABLES, Goal
from mktplanner.services import exchange
from mktplanner.services.edits import InsertRow, run, undo
from mktplanner.services.plans import new_plan
from mktplanner.store import backup as backups
from mktplanner.store.migrate import head_version, unexpected_schema
from mktplanner.store.planfile import PlanFile, inspect

FIXTURES = Path(__file__).with_name("fixtures")
FILES = sorted(FIXTURES.glob("plan_*.mktplan"))
HEAD = head_version()

# How a row of an old version looks after the migrations that reshaped it:
# {from_version: {table: function(row dict) -> row dict}}. No migration reshapes rows yet.
TRANSFORMS: dict[int, dict[str, Any]] = {}


def version_of(path: Path) -> int:
    return int(path.stem.split("_")[1])


def manifest(path: Path) -> dict[str, Any]:
    return json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def expected_rows(path: Path) -> dict[str, list[dict[str, Any]]]:
    tables = manifest(path)["tables"]
    for version in range(version_of(path), HEAD + 1):
        for table, change in TRANSFORMS.get(version, {}).items():
            tables[table] = [change(r) for r in tables[table]]
    return tables  # type: ignore[no-any-return]


def stored_rows(path: Path, table: str) -> list[dict[str, Any]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in con.execute(f'SELECT * FROM "{table}" ORDER BY rowid')]
    finally:
        con.close()


def schema(path: Path) -> dict[str, Any]:
    """Tables with their columns, foreign keys and indexes, as SQLite describes them."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out: dict[str, Any] = {}
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
        )]  # fmt: skip
        for t in sorted(tables):
            indexes = []
            for idx in con.execute(f'PRAGMA index_list("{t}")'):
                cols = [c[2] for c in con.execute(f'PRAGMA index_info("{idx[1]}")')]
                indexes.append((bool(idx[2]), idx[3], tuple(cols)))
            out[t] = {
                "columns": [tuple(r[1:]) for r in con.execute(f'PRAGMA table_info("{t}")')],
                "foreign_keys": sorted(
                    tuple(r[2:]) for r in con.execute(f'PRAGMA foreign_key_list("{t}")')
                ),
                "indexes": sorted(indexes),
            }
        return out
    finally:
        con.close()


def test_every_schema_version_has_its_file() -> None:
    versions = [version_of(f) for f in FILES]
    assert versions == list(range(1, HEAD + 1)), (
        "a plan file of every schema version is needed: run "
        "tests/reliability/fixtures/make_fixtures.py once when adding a migration"
    )
    for f in FILES:
        assert f.with_suffix(".json").exists()


@pytest.mark.parametrize("fixture", FILES, ids=[f.stem for f in FILES])
def test_the_file_is_what_its_manifest_says(fixture: Path) -> None:
    facts = inspect(fixture)
    assert facts.user_version == version_of(fixture) == manifest(fixture)["schema_version"]
    for table, rows in manifest(fixture)["tables"].items():
        assert stored_rows(fixture, table) == rows, table
    assert sum(len(r) for r in manifest(fixture)["tables"].values()) > 40


@pytest.mark.parametrize("fixture", FILES, ids=[f.stem for f in FILES])
def test_an_old_plan_is_backed_up_then_migrated_keeping_every_row(
    fixture: Path, tmp_path: Path
) -> None:
    path = tmp_path / "client.mktplan"
    shutil.copyfile(fixture, path)
    version = version_of(fixture)
    plan = PlanFile.open(path)
    try:
        assert not plan.read_only
        # still a working plan: an edit and its undo
        edit = InsertRow(Goal, {"title": "after the upgrade"})
        run(plan, edit)
        undo(plan, edit)
        exported = exchange.export_plan(plan)
    finally:
        plan.close()

    # migrated to the newest version, sound, nothing foreign in it
    facts = inspect(path)
    assert facts.user_version == HEAD
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert unexpected_schema(lambda sql: con.execute(sql).fetchall()) == []
    finally:
        con.close()

    # every row of the old file is there, as it was
    for table, rows in expected_rows(fixture).items():
        assert stored_rows(path, table) == rows, table
    assert len(exported["goals"]) == len(manifest(fixture)["tables"]["goal"])

    # the backup taken before migrating is the old file, complete
    made = backups.list_backups(path)
    before = [b for b in made if b.reason == "before-migration"]
    if version < HEAD:
        assert len(before) == 1
        assert inspect(before[0].path).user_version == version
        assert dump(before[0].path) == dump(fixture)
    else:
        assert before == []  # nothing to migrate, so no migration backup


@pytest.mark.parametrize("fixture", FILES, ids=[f.stem for f in FILES])
def test_a_migrated_plan_has_the_schema_of_a_new_plan(fixture: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.mktplan"
    shutil.copyfile(fixture, path)
    PlanFile.open(path).close()
    fresh = new_plan(tmp_path / "new.mktplan", name="New")
    fresh.close()
    assert schema(path) == schema(fresh.path)


@pytest.mark.parametrize("fixture", FILES, ids=[f.stem for f in FILES])
def test_every_row_of_a_migrated_plan_is_valid(fixture: Path, tmp_path: Path) -> None:
    """The rows as the services read them (typed by the tables) pass the domain's field rules:
    the fixtures hold plausible plans, and the migrations did not spoil any value."""
    path = tmp_path / "old.mktplan"
    shutil.copyfile(fixture, path)
    plan = PlanFile.open(path)
    try:
        with plan.session() as s:
            for model in ALL_TABLES:
                table = model.__table__  # type: ignore[attr-defined]
                for row in s.execute(select(table)).mappings():
                    assert validate(table.name, dict(row)) == [], (table.name, dict(row))
    finally:
        plan.close()


def test_the_fixture_script_is_deterministic(tmp_path: Path) -> None:
    """Made twice, the newest version's file is the same bytes; with the SQLite that made
    the committed one, it is those very bytes."""
    import importlib.util
    import sqlite3 as sq

    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    one = module.make(HEAD, tmp_path / "a", quiet=True)
    two = module.make(HEAD, tmp_path / "b", quiet=True)
    assert one.read_bytes() == two.read_bytes()
    committed = FIXTURES / f"plan_{HEAD:04d}.mktplan"
    if manifest(committed)["sqlite"] == sq.sqlite_version:
        assert one.read_bytes() == committed.read_bytes()
        assert (
            json.loads(one.with_suffix(".json").read_text(encoding="utf-8"))["tables"]
            == (manifest(committed)["tables"])
        )


def test_the_edge_values_survive_exactly(tmp_path: Path) -> None:
    """The first version's file holds values at the edges (9e18 minor units, 0.1 + 0.2,
    -0.0, 29 February, emoji and quotes, 4000-character notes): all come back exactly."""
    first = FILES[0]
    path = tmp_path / "edge.mktplan"
    shutil.copyfile(first, path)
    PlanFile.open(path).close()
    plan = PlanFile.open(path, read_only=True)
    try:
        with plan.session() as s:
            goal = s.get(Goal, 3)
            assert goal is not None
            assert goal.baseline == 0.1 + 0.2 and goal.target == 1e-9
            assert goal.baseline_date == dt.date(2024, 2, 29)
            assert len(goal.title) == 200
    finally:
        plan.close()
    expense = [r for r in stored_rows(path, "expense") if r["id"] == 4][0]
    assert expense["amount_minor"] == 9_000_000_000_000_000
    person = [r for r in stored_rows(path, "person") if r["id"] == 4][0]
    assert "🙂" in person["name"] and '"AM"' in person["name"]
