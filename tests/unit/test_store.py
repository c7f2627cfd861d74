"""The plan file: create, reopen, pragmas, identity, migration of an older file, refusals that
leave the file untouched, rolling backups, restore and save-a-copy."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alembic.operations import Operations
from alembic.runtime.migration import MigrationContext
from fixtures.planfiles import (
    SAMPLE_ROWS,
    TABLES_0001,
    FileState,
    dump,
    empty_plan_file,
    integrity,
    make_head_plan,
    make_v1_plan,
    pragma,
)
from sqlalchemy import insert, select, text

from mktplanner.domain.tables import Goal, Plan
from mktplanner.services.plans import new_plan, open_plan
from mktplanner.store import backup as backups
from mktplanner.store import migrate
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import APPLICATION_ID, PlanFile, inspect, schema_version

HEAD = migrate.head_version()


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "client.mktplan"


@pytest.fixture
def plan(plan_path: Path) -> Iterator[PlanFile]:
    p = new_plan(plan_path, name="Кофейня", currency="RUB", language="ru")
    yield p
    p.close()


def _stray_files(folder: Path) -> list[str]:
    return sorted(f.name for f in folder.iterdir() if f.name.endswith(("-wal", "-shm", "-journal")))


# --- create, reopen, pragmas, identity -------------------------------------------------------


def test_create_then_reopen_keeps_the_profile(plan_path: Path) -> None:
    p = new_plan(plan_path, name="Кофейня «Зерно»", currency="EUR", language="en")
    p.close()
    again = open_plan(plan_path)
    try:
        assert not again.read_only
        with again.session() as s:
            profile = s.get(Plan, 1)
        assert profile is not None
        assert (profile.name, profile.currency, profile.language) == (
            "Кофейня «Зерно»",
            "EUR",
            "en",
        )
        assert profile.tactical_start == dt.date.today().replace(day=1)
    finally:
        again.close()


def test_create_refuses_to_overwrite_an_existing_file(plan_path: Path) -> None:
    plan_path.write_text("my notes")
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        new_plan(plan_path, name="X")
    assert err.value.code == "exists"
    assert FileState.of(plan_path) == before
    assert sorted(f.name for f in plan_path.parent.iterdir()) == ["client.mktplan"]


def test_create_in_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as err:
        new_plan(tmp_path / "nope" / "a.mktplan", name="X")
    assert err.value.code == "not_found"


def test_file_identity_application_id_and_version(plan: PlanFile, plan_path: Path) -> None:
    assert APPLICATION_ID == 1296782416
    assert pragma(plan_path, "application_id") == 1296782416
    assert pragma(plan_path, "user_version") == HEAD == schema_version()
    assert inspect(plan_path).user_version == HEAD


def _pragmas(run: Callable[[str], object]) -> dict[str, object]:
    return {
        name: run(f"PRAGMA {name}")
        for name in ("journal_mode", "synchronous", "foreign_keys", "trusted_schema")
    }


EXPECTED_PRAGMAS = {
    "journal_mode": "delete",
    "synchronous": 2,
    "foreign_keys": 1,
    "trusted_schema": 0,
}


def test_pragmas_on_every_session_connection(plan: PlanFile) -> None:
    # Several sessions, some at the same time, so that more than one pooled connection is used.
    with plan.session() as a, plan.session() as b:
        a.execute(select(Goal)).all()
        b.execute(select(Goal)).all()
        for s in (a, b):
            assert _pragmas(lambda sql, s=s: s.execute(text(sql)).scalar()) == EXPECTED_PRAGMAS
    with plan.transaction() as s:
        assert _pragmas(lambda sql: s.execute(text(sql)).scalar()) == EXPECTED_PRAGMAS


def test_pragmas_on_raw_connections(plan: PlanFile) -> None:
    con = plan.raw()
    try:
        assert _pragmas(lambda sql: con.execute(sql).fetchone()[0]) == EXPECTED_PRAGMAS
    finally:
        con.close()


def test_pragmas_on_a_read_only_plan(plan: PlanFile, plan_path: Path) -> None:
    ro = PlanFile.open(plan_path, read_only=True)
    try:
        assert ro.read_only
        with ro.session() as s:
            assert _pragmas(lambda sql: s.execute(text(sql)).scalar()) == EXPECTED_PRAGMAS
        con = ro.raw()
        try:
            assert _pragmas(lambda sql: con.execute(sql).fetchone()[0]) == EXPECTED_PRAGMAS
        finally:
            con.close()
    finally:
        ro.close()


def test_no_wal_or_shm_files_ever(plan: PlanFile, plan_path: Path, tmp_path: Path) -> None:
    folder = plan_path.parent
    assert _stray_files(folder) == []
    for i in range(3):
        with plan.transaction() as s:
            s.execute(
                insert(Goal).values(title=f"goal {i}", metric="", unit="", notes="", position=i)
            )
        assert _stray_files(folder) == []
    ro = PlanFile.open(plan_path, read_only=True)
    with ro.session() as s:
        assert len(s.execute(select(Goal)).all()) == 3
    assert _stray_files(folder) == []
    ro.close()
    plan.save_copy(tmp_path / "copy.mktplan")
    backups.make_backup(plan_path, force=True)
    assert _stray_files(folder) == []
    assert _stray_files(backups.folder_for(plan_path)) == []
    plan.close()
    assert sorted(f.name for f in folder.iterdir()) == ["client.mktplan", "copy.mktplan"]
    assert pragma(plan_path, "journal_mode") == "delete"


def test_a_name_with_url_characters_is_a_plain_file_name(tmp_path: Path) -> None:
    """'#', '?' and '%' are file-name characters, not URL syntax (nothing else is opened)."""
    path = tmp_path / "клиент #1?x=%20.mktplan"
    p = new_plan(path, name="X")
    try:
        with p.transaction() as s:
            s.execute(insert(Goal).values(title="g", metric="", unit="", notes="", position=0))
        newest = backups.make_backup(path, force=True)
        assert newest is not None
        assert dump(newest)["goal"] == dump(path)["goal"] != []
        copy = p.save_copy(tmp_path / "copy #2?.mktplan")
        assert len(dump(copy)["goal"]) == 1
    finally:
        p.close()
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted([path.name, "copy #2?.mktplan"])


def test_new_plan_and_copies_have_ordinary_permissions(
    plan: PlanFile, plan_path: Path, tmp_path: Path
) -> None:
    umask = os.umask(0)
    os.umask(umask)
    expected = 0o666 & ~umask
    assert plan_path.stat().st_mode & 0o777 == expected
    copy = plan.save_copy(tmp_path / "copy.mktplan")
    assert copy.stat().st_mode & 0o777 == expected


# --- an older file is backed up, migrated and keeps every row --------------------------------


def test_a_file_of_schema_0001_is_backed_up_then_migrated_keeping_every_row(
    plan_path: Path,
) -> None:
    make_v1_plan(plan_path)
    assert pragma(plan_path, "user_version") == 1
    before = dump(plan_path)
    assert set(TABLES_0001) <= set(before)
    assert all(before[t] for t in TABLES_0001), "every table of 0001 has rows to keep"
    assert len(before["measurement"]) == 3 and len(before["expense"]) == 3

    p = open_plan(plan_path)
    try:
        assert not p.read_only
        assert pragma(plan_path, "user_version") == HEAD
        after = dump(plan_path)
        for table in TABLES_0001:
            assert len(after[table]) == len(before[table]), table
            assert after[table] == before[table], table
        for table in set(after) - set(before):  # tables added by later migrations start empty
            assert after[table] == []
        # The ORM reads the migrated rows: a goal with its measurements, an action with expenses.
        with p.session() as s:
            goal = s.get(Goal, 1)
            assert goal is not None and goal.title == "More regulars"
        found = backups.list_backups(plan_path)
        assert [b.reason for b in found] == ["before-migration"]
        assert pragma(found[0].path, "user_version") == 1
        assert dump(found[0].path) == before
    finally:
        p.close()
    assert integrity(plan_path) == ["ok"]


def test_migration_of_an_empty_first_version_file(plan_path: Path) -> None:
    make_v1_plan(plan_path, rows=False)
    p = open_plan(plan_path)
    p.close()
    assert pragma(plan_path, "user_version") == HEAD


def test_batch_table_rebuilds_do_not_cascade_delete_children(plan_path: Path) -> None:
    """A migration that rebuilds a parent table (batch mode) keeps the rows that point at it.

    With foreign_keys=ON, dropping the old 'goal' table during the rebuild would delete every
    measurement and goal_swot row (ON DELETE CASCADE) and null every action.goal_id."""
    make_head_plan(plan_path)
    before = dump(plan_path)
    engine = migrate.migration_engine(plan_path)
    try:
        with engine.begin() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
            ops = Operations(MigrationContext.configure(conn))
            for parent in ("goal", "person", "action", "channel", "swot_item"):
                with ops.batch_alter_table(parent, recreate="always") as batch:
                    batch.alter_column(
                        "position" if parent != "person" else "role", existing_nullable=False
                    )
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
    finally:
        engine.dispose()
    after = dump(plan_path)
    for table in (
        "measurement",
        "goal_swot",
        "tows_option",
        "weekly_plan",
        "weekly_task",
        "expense",
        "budget_line",
        "control_point",
        "control_check",
        "action",
        "goal",
    ):
        assert after[table] == before[table], table
    # and the rebuilt file still opens as a sound plan
    PlanFile.open(plan_path).close()


def test_a_failed_migration_rolls_back_and_reports_it(
    plan_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_v1_plan(plan_path)
    before = dump(plan_path)

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("alembic.command.upgrade", broken)
    with pytest.raises(PlanFileError) as err:
        open_plan(plan_path)
    assert err.value.code == "migration_failed"
    assert dump(plan_path) == before
    assert pragma(plan_path, "user_version") == 1
    # the lock was released: once the migration works, the file opens for writing
    monkeypatch.undo()
    p = open_plan(plan_path)
    assert not p.read_only
    p.close()


def test_an_older_file_locked_elsewhere_needs_migration(plan_path: Path) -> None:
    make_v1_plan(plan_path)
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        PlanFile.open(plan_path, read_only=True)
    assert err.value.code == "needs_migration"
    assert err.value.params["version"] == 1
    assert FileState.of(plan_path) == before


# --- refusals leave the file untouched --------------------------------------------------------


def _bytes_of_a_plan(tmp_path: Path) -> bytes:
    src = make_head_plan(tmp_path / "source.mktplan")
    data = src.read_bytes()
    src.unlink()
    return data


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00"))
        + chunk(b"IEND", b"")
    ) * 20


def _foreign_sqlite(path: Path) -> None:
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    con.execute("INSERT INTO notes (body) VALUES ('shopping list')")
    con.commit()
    con.close()


def _foreign_with_a_plan_table(path: Path) -> None:
    """Another app's file that happens to have a 'plan' table (still no application_id)."""
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE plan (id INTEGER PRIMARY KEY, name TEXT)")
    con.execute("PRAGMA user_version=1")
    con.commit()
    con.close()


def _newer(path: Path) -> None:
    make_head_plan(path)
    con = sqlite3.connect(path)
    con.execute(f"PRAGMA user_version={HEAD + 1}")
    con.commit()
    con.close()


def _missing_table(path: Path) -> None:
    make_head_plan(path)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE measurement")
    con.commit()
    con.close()


def _missing_column(path: Path) -> None:
    make_head_plan(path)
    con = sqlite3.connect(path)
    con.execute("ALTER TABLE goal DROP COLUMN notes")
    con.commit()
    con.close()


def _first_version_missing_a_table(path: Path) -> None:
    make_v1_plan(path, rows=False)
    con = sqlite3.connect(path)
    con.execute("DROP TABLE goal_swot")
    con.commit()
    con.close()


MAKERS: dict[str, tuple[Callable[[Path], None], str]] = {
    "zero-byte file": (lambda p: p.write_bytes(b""), "not_sqlite"),
    "text file": (lambda p: p.write_text("Plan for Monday:\n- coffee\n" * 20), "not_sqlite"),
    "PNG renamed .mktplan": (lambda p: p.write_bytes(_png()), "not_sqlite"),
    "short SQLite header only": (
        lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 20),
        "not_sqlite",
    ),
    "SQLite file of another app": (_foreign_sqlite, "foreign"),
    "another app's file with a plan table": (_foreign_with_a_plan_table, "foreign"),
    "plan from a newer version": (_newer, "newer"),
    "plan with a missing table": (_missing_table, "damaged"),
    "plan with a missing column": (_missing_column, "damaged"),
    "first-version plan with a missing table": (_first_version_missing_a_table, "damaged"),
}


@pytest.mark.parametrize("case", list(MAKERS))
def test_refusals_leave_the_file_untouched(case: str, plan_path: Path, user_data_dir: Path) -> None:
    make, code = MAKERS[case]
    make(plan_path)
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        open_plan(plan_path)
    assert err.value.code == code, err.value
    assert FileState.of(plan_path) == before
    assert sorted(f.name for f in plan_path.parent.iterdir()) == [plan_path.name], (
        "no lock or journal left"
    )
    if code == "newer":
        assert err.value.params == {"version": HEAD + 1, "supported": HEAD}
    # a refused file is never opened for writing, read-only or not
    with pytest.raises(PlanFileError):
        PlanFile.open(plan_path, read_only=True)
    assert FileState.of(plan_path) == before


@pytest.mark.parametrize("cut", ["0", "50", "99", "100", "4096", "half", "last page"])
def test_a_truncated_plan_is_refused_untouched(cut: str, tmp_path: Path, plan_path: Path) -> None:
    data = _bytes_of_a_plan(tmp_path)
    page = 4096
    offset = {
        "0": 0,
        "50": 50,
        "99": 99,
        "100": 100,
        "4096": page,
        "half": (len(data) // page // 2) * page,
        "last page": len(data) - page,
    }[cut]
    plan_path.write_bytes(data[:offset])
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        open_plan(plan_path)
    assert err.value.code == ("not_sqlite" if offset < 100 else "damaged")
    assert FileState.of(plan_path) == before
    assert sorted(f.name for f in tmp_path.iterdir()) == [plan_path.name]


@pytest.mark.parametrize(
    "where", ["page 1 b-tree header", "schema page", "table page header", "index page header"]
)
def test_a_plan_with_flipped_bytes_in_a_page_is_refused_untouched(
    where: str, tmp_path: Path, plan_path: Path
) -> None:
    data = bytearray(_bytes_of_a_plan(tmp_path))
    page = 4096
    offset = {
        "page 1 b-tree header": 100,
        "schema page": 100 + 3,
        "table page header": 5 * page,
        "index page header": 12 * page,
    }[where]
    for i in range(8):
        data[offset + i] ^= 0xFF
    plan_path.write_bytes(bytes(data))
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        open_plan(plan_path)
    assert err.value.code == "damaged"
    assert err.value.params["detail"]
    assert FileState.of(plan_path) == before


def test_a_damaged_page_full_of_garbage_bytes_is_reported_not_crashed(
    tmp_path: Path, plan_path: Path
) -> None:
    """Damage that makes SQLite quote undecodable bytes in its message is still 'damaged'."""
    data = bytearray(_bytes_of_a_plan(tmp_path))
    page = 4096
    refused = 0
    for n in range(1, len(data) // page):
        for pos in (8, 2000):
            spoilt = bytearray(data)
            for i in range(8):
                spoilt[n * page + pos + i] ^= 0xFF
            plan_path.write_bytes(bytes(spoilt))
            try:
                inspect(plan_path)
            except PlanFileError as exc:
                assert exc.code == "damaged"
                refused += 1
    assert refused > 0


def test_a_directory_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "plans.mktplan"
    folder.mkdir()
    with pytest.raises(PlanFileError) as err:
        open_plan(folder)
    assert err.value.code == "is_directory"
    assert list(folder.iterdir()) == []


def test_a_missing_file_is_refused_and_not_created(tmp_path: Path) -> None:
    path = tmp_path / "gone.mktplan"
    with pytest.raises(PlanFileError) as err:
        open_plan(path)
    assert err.value.code == "not_found"
    assert err.value.path == str(path.resolve())
    assert list(tmp_path.iterdir()) == []


# --- backups ---------------------------------------------------------------------------------


def test_opening_makes_a_rolling_backup_with_the_backup_api(plan_path: Path) -> None:
    p = new_plan(plan_path, name="X")
    with p.transaction() as s:
        s.execute(insert(Goal).values(title="committed", metric="", unit="", notes="", position=0))
    made = backups.make_backup(plan_path, force=True)  # while the plan is open
    p.close()
    assert made is not None
    assert [g[1] for g in dump(made)["goal"]] == ["committed"]
    assert pragma(made, "application_id") == APPLICATION_ID
    assert integrity(made) == ["ok"]
    assert inspect(made).user_version == HEAD


def test_rolling_backups_at_most_one_per_ten_minutes_and_ten_kept(plan_path: Path) -> None:
    make_head_plan(plan_path)
    t0 = dt.datetime.now() + dt.timedelta(days=1)
    first = backups.make_backup(plan_path, now=t0)
    assert first is not None
    assert backups.make_backup(plan_path, now=t0 + dt.timedelta(minutes=9, seconds=59)) is None
    assert len(backups.list_backups(plan_path)) == 1
    made = [first]
    for i in range(1, 15):
        b = backups.make_backup(plan_path, now=t0 + dt.timedelta(minutes=10 * i))
        assert b is not None
        made.append(b)
    kept = backups.list_backups(plan_path)
    assert len(kept) == backups.KEEP == 10
    assert [k.path for k in kept] == list(reversed(made))[:10], "newest first, oldest dropped"
    assert [k.created for k in kept] == sorted((k.created for k in kept), reverse=True)
    assert all(not m.exists() for m in made[:5])
    assert all(k.reason == "" and k.size == plan_path.stat().st_size for k in kept)
    # forced backups ignore the interval and carry their reason
    forced = backups.make_backup(
        plan_path,
        force=True,
        reason="before-migration",
        now=t0 + dt.timedelta(minutes=140, seconds=1),
    )
    assert forced is not None
    assert backups.list_backups(plan_path)[0].reason == "before-migration"


def test_a_backup_in_the_future_does_not_stop_backups(plan_path: Path) -> None:
    make_head_plan(plan_path)
    now = dt.datetime.now()
    assert backups.make_backup(plan_path, now=now + dt.timedelta(hours=5)) is not None
    assert backups.make_backup(plan_path, now=now) is not None


def test_backups_of_two_plans_with_the_same_name_never_mix(tmp_path: Path) -> None:
    a = make_head_plan((tmp_path / "a").mkdir() or tmp_path / "a" / "client.mktplan")
    b = make_head_plan((tmp_path / "b").mkdir() or tmp_path / "b" / "client.mktplan", rows=False)
    backups.make_backup(a, force=True)
    backups.make_backup(b, force=True)
    assert len(backups.list_backups(a)) == len(backups.list_backups(b)) == 1
    assert backups.list_backups(a)[0].path != backups.list_backups(b)[0].path
    assert dump(backups.list_backups(a)[0].path)["goal"] != []
    assert dump(backups.list_backups(b)[0].path)["goal"] == []


def _goal_titles(path: Path) -> list[str]:
    return sorted(r[1] for r in dump(path)["goal"])


def test_restore_puts_the_backup_in_place_and_keeps_the_replaced_file(plan_path: Path) -> None:
    p = new_plan(plan_path, name="X")
    with p.transaction() as s:
        s.execute(insert(Goal).values(title="old goal", metric="", unit="", notes="", position=0))
    made = backups.make_backup(plan_path, force=True)
    assert made is not None
    with p.transaction() as s:
        s.execute(insert(Goal).values(title="new goal", metric="", unit="", notes="", position=1))
    p.close()
    replaced = FileState.of(plan_path)

    kept = backups.restore_backup(made, plan_path)
    assert kept is not None and kept.parent == plan_path.parent and kept.exists()
    assert kept.name.startswith("client.before-restore-") and kept.suffix == ".mktplan"
    assert FileState.of(kept).sha256 == replaced.sha256
    assert _goal_titles(plan_path) == ["old goal"]
    assert _goal_titles(kept) == ["new goal", "old goal"]
    again = open_plan(plan_path)
    assert not again.read_only
    again.close()

    # a second restore at once keeps the first kept file too
    second = backups.restore_backup(made, plan_path)
    assert second is not None and second != kept
    assert kept.exists() and second.exists()
    assert FileState.of(kept).sha256 == replaced.sha256


def test_restoring_a_non_plan_is_refused_and_nothing_moves(plan_path: Path, tmp_path: Path) -> None:
    make_head_plan(plan_path)
    before = FileState.of(plan_path)
    fake = tmp_path / "fake-backup.mktplan"
    fake.write_text("not a plan")
    foreign = tmp_path / "foreign.mktplan"
    _foreign_sqlite(foreign)
    for bad, code in (
        (fake, "not_sqlite"),
        (foreign, "foreign"),
        (tmp_path / "none.mktplan", "not_found"),
    ):
        with pytest.raises(PlanFileError) as err:
            backups.restore_backup(bad, plan_path)
        assert err.value.code == code
    assert FileState.of(plan_path) == before
    assert sorted(f.name for f in tmp_path.iterdir()) == sorted(
        ["client.mktplan", "fake-backup.mktplan", "foreign.mktplan"]
    )


def test_save_copy_while_open_has_committed_data_and_nothing_uncommitted(
    plan: PlanFile, tmp_path: Path
) -> None:
    with plan.transaction() as s:
        s.execute(insert(Goal).values(title="committed", metric="", unit="", notes="", position=0))
    copy = tmp_path / "for-the-client.mktplan"
    with plan.transaction() as s:
        s.execute(insert(Goal).values(title="in flight", metric="", unit="", notes="", position=1))
        plan.save_copy(copy)
    assert _goal_titles(copy) == ["committed"]
    assert _goal_titles(plan.path) == ["committed", "in flight"]
    assert integrity(copy) == ["ok"]
    assert pragma(copy, "application_id") == APPLICATION_ID
    assert pragma(copy, "user_version") == HEAD
    assert pragma(copy, "journal_mode") == "delete"
    other = open_plan(copy)
    try:
        assert not other.read_only
        with other.session() as s:
            assert [g.title for g in s.execute(select(Goal)).scalars()] == ["committed"]
    finally:
        other.close()
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".~copy")] == []


def test_save_copy_replaces_an_existing_copy_atomically(plan: PlanFile, tmp_path: Path) -> None:
    dest = tmp_path / "copy.mktplan"
    dest.write_text("old copy")
    plan.save_copy(dest)
    assert inspect(dest).user_version == HEAD
    assert [f.name for f in tmp_path.iterdir() if f.name.startswith(".~copy")] == []


def test_sample_rows_cover_every_first_version_table() -> None:
    assert {t for t, _ in SAMPLE_ROWS} == set(TABLES_0001)


def test_an_empty_plan_file_with_the_id_is_migrated_from_nothing(plan_path: Path) -> None:
    empty_plan_file(plan_path)
    p = open_plan(plan_path)
    p.close()
    assert pragma(plan_path, "user_version") == HEAD


def test_a_new_plan_cannot_replace_a_plan_that_is_open(plan: PlanFile, plan_path: Path) -> None:
    """Overwriting an open plan would leave its window writing into a deleted file."""
    with plan.transaction() as s:
        s.execute(insert(Goal).values(title="kept", metric="", unit="", notes="", position=0))
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        new_plan(plan_path, name="Other", overwrite=True)
    assert err.value.code == "locked"
    assert f"(pid {os.getpid()})" in err.value.params["holder"]
    assert FileState.of(plan_path) == before
    plan.close()
    replaced = new_plan(plan_path, name="Other", overwrite=True)
    try:
        assert not replaced.read_only
        with replaced.session() as s:
            assert s.get(Plan, 1).name == "Other"  # type: ignore[union-attr]
    finally:
        replaced.close()


def test_a_backup_cannot_be_restored_over_a_plan_that_is_open(
    plan: PlanFile, plan_path: Path
) -> None:
    made = backups.make_backup(plan_path, force=True)
    assert made is not None
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        backups.restore_backup(made, plan_path)
    assert err.value.code == "locked"
    assert FileState.of(plan_path) == before
    assert sorted(f.name for f in plan_path.parent.iterdir()) == [
        ".~lock.client.mktplan#",
        "client.mktplan",
    ]
    plan.close()
    assert backups.restore_backup(made, plan_path) is not None
