"""One source of schema truth: the migrations create exactly what ``domain/tables.py`` describes.

Alembic's ``compare_metadata`` diffs a migrated file against ``SQLModel.metadata``: tables,
columns, types, nullability, indexes, unique constraints and foreign keys with their ON DELETE
rule. Only one kind of noise is ignored: SQLModel's ``AutoString`` against the migrations'
``String`` (the same VARCHAR in SQLite). Negative controls prove that real differences fail.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fixtures.planfiles import empty_plan_file
from sqlalchemy import MetaData, create_engine
from sqlalchemy.engine import Connection
from sqlmodel import SQLModel
from sqlmodel.sql.sqltypes import AutoString

from mktplanner.domain.tables import ALL_TABLES, TABLE_BY_NAME
from mktplanner.store import migrate


def _ignore_autostring(
    _context: Any,
    _inspected_column: Any,
    _metadata_column: Any,
    inspected_type: sa.types.TypeEngine[Any],
    metadata_type: sa.types.TypeEngine[Any],
) -> bool | None:
    """False (no difference) for AutoString vs String of the same length; None: alembic decides."""
    if isinstance(metadata_type, AutoString) and isinstance(inspected_type, sa.String):
        return getattr(metadata_type, "length", None) != getattr(inspected_type, "length", None)
    return None


def _diff(conn: Connection, metadata: MetaData) -> list[Any]:
    ctx = MigrationContext.configure(
        conn,
        opts={"compare_type": _ignore_autostring, "compare_server_default": True},
    )
    return list(compare_metadata(ctx, metadata)) + _unique_diff(conn, metadata)


def _unique_diff(conn: Connection, metadata: MetaData) -> list[Any]:
    """Alembic skips SQLite's unnamed UNIQUE constraints, so compare them here: the sets of
    column groups that must be unique, per table (primary keys excluded)."""

    def in_file(table: str) -> set[tuple[str, ...]]:
        found = set()
        for idx in conn.exec_driver_sql(f'PRAGMA index_list("{table}")'):
            if idx[2] and idx[3] in ("u", "c"):  # a UNIQUE constraint or a unique index
                cols = conn.exec_driver_sql(f'PRAGMA index_info("{idx[1]}")').fetchall()
                found.add(tuple(c[2] for c in sorted(cols)))
        return found

    def described(table: sa.Table) -> set[tuple[str, ...]]:
        found = {
            tuple(c.name for c in con.columns)
            for con in table.constraints
            if isinstance(con, sa.UniqueConstraint)
        }
        found |= {(c.name,) for c in table.columns if c.unique}
        found |= {tuple(c.name for c in i.columns) for i in table.indexes if i.unique}
        return found

    diff: list[Any] = []
    for table in metadata.sorted_tables:
        have, want = in_file(table.name), described(table)
        if have != want:
            diff.append(("unique", table.name, sorted(have), sorted(want)))
    return diff


@pytest.fixture(scope="module")
def migrated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Connection]:
    path = empty_plan_file(tmp_path_factory.mktemp("schema") / "schema.mktplan")
    migrate.upgrade(path)
    engine = create_engine(sa.URL.create("sqlite", database=str(path)))
    with engine.connect() as conn:
        yield conn
    engine.dispose()


def test_migrations_create_exactly_the_schema_of_domain_tables(migrated: Connection) -> None:
    assert _diff(migrated, SQLModel.metadata) == []


def test_every_table_class_is_registered_and_migrated(migrated: Connection) -> None:
    in_file = set(sa.inspect(migrated).get_table_names()) - {"alembic_version"}
    assert in_file == set(TABLE_BY_NAME) == {t.__tablename__ for t in ALL_TABLES}  # type: ignore[attr-defined]
    assert set(SQLModel.metadata.tables) >= in_file


def test_migrating_step_by_step_equals_migrating_at_once(
    tmp_path: Path, migrated: Connection
) -> None:
    path = empty_plan_file(tmp_path / "steps.mktplan")
    for rev in range(1, migrate.head_version() + 1):
        migrate.upgrade(path, f"{rev:04d}")
    engine = create_engine(sa.URL.create("sqlite", database=str(path)))
    try:
        with engine.connect() as conn:
            assert _diff(conn, SQLModel.metadata) == []
            steps = conn.exec_driver_sql(
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
            ).fetchall()
    finally:
        engine.dispose()
    at_once = migrated.exec_driver_sql(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
    ).fetchall()
    assert steps == at_once


# --- negative controls: a real difference must be reported ----------------------------------


def _copy() -> MetaData:
    md = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(md)
    return md


def _change_ondelete(md: MetaData) -> None:
    fk = next(iter(md.tables["measurement"].c.goal_id.foreign_keys))
    fk.ondelete = "SET NULL"
    fk.constraint.ondelete = "SET NULL"


def _change_type(md: MetaData) -> None:
    md.tables["expense"].c.amount_minor.type = sa.Float()


def _change_string_length(md: MetaData) -> None:
    md.tables["goal"].c.title.type = AutoString(length=20)


def _change_nullable(md: MetaData) -> None:
    md.tables["goal"].c.notes.nullable = True


def _add_column(md: MetaData) -> None:
    md.tables["goal"].append_column(sa.Column("colour", sa.String(), nullable=True))


def _drop_index(md: MetaData) -> None:
    table = md.tables["action"]
    table.indexes.discard(next(i for i in table.indexes if i.name == "ix_action_goal_id"))


def _add_table(md: MetaData) -> None:
    sa.Table("extra", md, sa.Column("id", sa.Integer, primary_key=True))


def _drop_unique(md: MetaData) -> None:
    table = md.tables["weekly_plan"]
    table.constraints.discard(
        next(c for c in table.constraints if isinstance(c, sa.UniqueConstraint))
    )


@pytest.mark.parametrize(
    "spoil",
    [
        _change_ondelete,
        _change_type,
        _change_string_length,
        _change_nullable,
        _add_column,
        _drop_index,
        _add_table,
        _drop_unique,
    ],
)
def test_a_real_difference_is_reported(migrated: Connection, spoil: Any) -> None:
    md = _copy()
    assert _diff(migrated, md) == []  # the copy itself is faithful
    spoil(md)
    assert _diff(migrated, md) != []
