"""Schema migrations (Alembic, batch mode), applied in code with no alembic.ini.

Follows the SQLite traps in DESIGN.md: a separate NullPool engine, ``foreign_keys=OFF`` set
before ``BEGIN`` (a batch table rebuild would otherwise cascade-delete child rows), explicit
BEGIN so that DDL is transactional too (a crash mid-migration leaves the old file intact),
``PRAGMA foreign_key_check`` before commit, then dispose the engine.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, create_engine, event, text
from sqlalchemy.pool import NullPool

from mktplanner.store.errors import PlanFileError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^revision\s*=\s*[\"'](\d+)[\"']", re.MULTILINE)


def _config() -> Config:
    # Alembic is imported only to migrate (about 0.7 s): opening a current plan, ``check``
    # and ``summary`` never need it.
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@functools.cache
def head_version() -> int:
    """The newest migration's number (revision ids are zero-padded integers: "0001", "0002"),
    read from the scripts themselves without importing Alembic; the migrations are a straight
    line (each revises the one before), which tests/unit/test_schema.py keeps true."""
    numbers = [
        int(m.group(1))
        for script in (MIGRATIONS / "versions").glob("*.py")
        if (m := _REVISION.search(script.read_text(encoding="utf-8")))
    ]
    assert numbers, f"no migration scripts in {MIGRATIONS}"
    return max(numbers)


def migration_engine(path: Path) -> Any:
    # URL.create: a '?' or '#' in the file name must not be read as URL syntax.
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: sqlite3.Connection, _rec: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (DDL included)
        dbapi_conn.execute("PRAGMA foreign_keys=OFF")
        dbapi_conn.execute("PRAGMA trusted_schema=OFF")
        dbapi_conn.execute("PRAGMA synchronous=FULL")
        dbapi_conn.execute("PRAGMA journal_mode=DELETE")

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def missing_schema(fetch: Callable[[str], list[Any]]) -> list[str]:
    """What the newest schema has and the file lacks: "table" or "table.column" entries.

    ``fetch(sql)`` runs a query on the file and returns its rows (sqlite3 or SQLAlchemy).
    The expected schema is ``SQLModel.metadata`` (domain/tables.py), which a test keeps
    equal to what the migrations create.
    """
    from sqlmodel import SQLModel

    import mktplanner.domain.tables  # noqa: F401  (registers the tables)

    present = {r[0] for r in fetch("SELECT name FROM sqlite_master WHERE type='table'")}
    gaps: list[str] = []
    for table in SQLModel.metadata.sorted_tables:
        if table.name not in present:
            gaps.append(table.name)
            continue
        columns = {r[1] for r in fetch(f'PRAGMA table_info("{table.name}")')}
        gaps.extend(f"{table.name}.{c.name}" for c in table.columns if c.name not in columns)
    return gaps


# Tables and indexes that an older schema version had and a later migration dropped or
# renamed: a file of that version must still open (and be migrated). Empty so far; the
# fixture files of every version (tests/reliability/fixtures) fail the tests if it is not kept.
RETIRED_OBJECTS: frozenset[tuple[str, str]] = frozenset()


def unexpected_schema(fetch: Callable[[str], list[Any]]) -> list[str]:
    """Objects in the file that no migration of ours creates: "trigger name", "view name",
    "table name", "virtual table name", "index name".

    A plan file can come from anyone (a mail attachment, a shared folder). SQLite runs a
    file's triggers on every edit and its views' SQL on every read of them, and
    ``trusted_schema=OFF`` only stops the *unsafe* functions inside them, not an INSERT or
    DELETE a trigger does: so a plan must hold nothing but what our migrations create.
    """
    from sqlmodel import SQLModel

    import mktplanner.domain.tables  # noqa: F401  (registers the tables)

    tables = {t.name for t in SQLModel.metadata.sorted_tables} | {"alembic_version"}
    indexes = {i.name for t in SQLModel.metadata.sorted_tables for i in t.indexes}
    found: list[str] = []
    for kind, name, sql in fetch("SELECT type, name, sql FROM sqlite_master ORDER BY rowid"):
        name = str(name)
        if (kind, name) in RETIRED_OBJECTS:
            continue
        internal = name.startswith("sqlite_")  # sqlite_sequence, sqlite_stat1, autoindexes
        if kind == "table":
            if str(sql or "").lstrip().upper().startswith("CREATE VIRTUAL"):
                found.append(f"virtual table {name}")
            elif name not in tables and not internal:
                found.append(f"table {name}")
        elif kind == "index":
            if name not in indexes and not internal:
                found.append(f"index {name}")
        else:  # trigger, view: none of ours
            found.append(f"{kind} {name}")
    return found


def upgrade(path: Path, revision: str = "head") -> None:
    """Bring the file at ``path`` to ``revision`` in one transaction."""
    from alembic import command

    cfg = _config()
    engine = migration_engine(path)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if problems:
                raise PlanFileError("damaged", path, detail=f"foreign key check: {problems[:3]}")
            current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            if int(current) == head_version():
                # A file that lost a table before the upgrade must not come out as a sound plan.
                gaps = missing_schema(lambda sql: list(conn.exec_driver_sql(sql).fetchall()))
                if gaps:
                    raise PlanFileError("damaged", path, detail=f"missing: {', '.join(gaps[:5])}")
            conn.exec_driver_sql(f"PRAGMA user_version={int(current)}")
    finally:
        engine.dispose()
