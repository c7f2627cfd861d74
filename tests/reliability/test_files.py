"""The file survives what happens to real files: a full disk during an edit, an undo, a new
plan, a copy or a backup; a file-size limit hit for real; a crash in the middle of an edit.
Each time the user gets a clear error code (never a traceback), the plan stays valid
(``PRAGMA integrity_check``), holds exactly the committed edits, and the next try works.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import FileState, dump, integrity, make_head_plan, make_v1_plan, pragma
from sqlalchemy import event

import mktplanner
from mktplanner.domain.tables import Goal, Measurement, SwotItem
from mktplanner.services.edits import Composite, DeleteRow, InsertRow, run, undo
from mktplanner.services.plans import new_plan, open_plan
from mktplanner.store import backup as backups
from mktplanner.store import migrate
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

DISK_FULL = "database or disk is full"


@pytest.fixture
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = PlanFile.open(make_head_plan(tmp_path / "cafe.mktplan"), backup=False)
    yield p
    p.close()


def titles(path: Path) -> list[str]:
    return sorted(r[1] for r in dump(path)["goal"])


def fail_commits(plan: PlanFile, monkeypatch: pytest.MonkeyPatch, times: int = 1) -> list[int]:
    """The next ``times`` commits fail as SQLite does when the disk is full."""
    left = [times]
    real = plan.engine.dialect.do_commit

    def do_commit(dbapi_connection: Any) -> None:
        if left[0] > 0:
            left[0] -= 1
            raise sqlite3.OperationalError(DISK_FULL)
        real(dbapi_connection)

    monkeypatch.setattr(plan.engine.dialect, "do_commit", do_commit)
    return left


def fail_statements(plan: PlanFile, starting: str, times: int = 1) -> list[int]:
    """The next ``times`` statements starting with ``starting`` fail with a full disk."""
    left = [times]

    def before(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if left[0] > 0 and statement.lstrip().upper().startswith(starting):
            left[0] -= 1
            raise sqlite3.OperationalError(DISK_FULL)

    event.listen(plan.engine, "before_cursor_execute", before)
    return left


def assert_sound(path: Path) -> None:
    assert integrity(path) == ["ok"]
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    assert not Path(str(path) + "-journal").exists()


# --- a full disk, injected -------------------------------------------------------------------


def test_disk_full_at_commit(plan: PlanFile, monkeypatch: pytest.MonkeyPatch) -> None:
    start = dump(plan.path)
    fail_commits(plan, monkeypatch)
    edit = InsertRow(Goal, {"title": "Open a second café"})
    with pytest.raises(PlanFileError) as err:
        run(plan, edit)
    assert err.value.code == "disk_full"
    assert err.value.path == str(plan.path)
    assert dump(plan.path) == start
    assert_sound(plan.path)

    run(plan, edit)  # space was freed: the same edit is tried again
    assert "Open a second café" in titles(plan.path)
    assert_sound(plan.path)
    undo(plan, edit)
    assert dump(plan.path) == start


def test_disk_full_while_writing_a_row(plan: PlanFile) -> None:
    start = dump(plan.path)
    fail_statements(plan, "INSERT")
    edit = InsertRow(Measurement, {"goal_id": 1, "date": dt.date(2025, 4, 1), "value": 150.0})
    with pytest.raises(PlanFileError) as err:
        run(plan, edit)
    assert err.value.code == "disk_full"
    assert dump(plan.path) == start
    assert_sound(plan.path)
    run(plan, edit)
    assert len(dump(plan.path)["measurement"]) == len(start["measurement"]) + 1


def test_disk_full_in_the_middle_of_a_composite_writes_none_of_it(plan: PlanFile) -> None:
    start = dump(plan.path)
    edit = Composite(
        "swot_and_goal",
        [
            InsertRow(SwotItem, {"quadrant": "W", "text": "No terrace"}),
            DeleteRow(Goal, 2),
            InsertRow(Goal, {"title": "Terrace by summer"}),
        ],
    )
    fail_statements(plan, "INSERT INTO GOAL")
    with pytest.raises(PlanFileError) as err:
        run(plan, edit)
    assert err.value.code == "disk_full"
    assert dump(plan.path) == start
    assert_sound(plan.path)
    run(plan, edit)
    assert titles(plan.path) == ["More regulars", "Terrace by summer"]
    undo(plan, edit)
    assert dump(plan.path) == start


def test_disk_full_during_an_undo(plan: PlanFile, monkeypatch: pytest.MonkeyPatch) -> None:
    start = dump(plan.path)
    edit = DeleteRow(Goal, 1)
    run(plan, edit)
    deleted = dump(plan.path)
    fail_commits(plan, monkeypatch)
    with pytest.raises(PlanFileError) as err:
        undo(plan, edit)
    assert err.value.code == "disk_full"
    assert dump(plan.path) == deleted
    assert_sound(plan.path)
    undo(plan, edit)
    assert dump(plan.path) == start


def test_disk_full_twice_then_success(plan: PlanFile, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_commits(plan, monkeypatch, times=2)
    edit = InsertRow(Goal, {"title": "Persistent"})
    for _ in range(2):
        with pytest.raises(PlanFileError) as err:
            run(plan, edit)
        assert err.value.code == "disk_full"
    run(plan, edit)
    assert titles(plan.path).count("Persistent") == 1
    assert_sound(plan.path)


def test_disk_full_while_creating_a_plan_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(*_a: Any, **_k: Any) -> None:
        raise sqlite3.OperationalError(DISK_FULL)

    monkeypatch.setattr(migrate, "upgrade", full)
    with pytest.raises(PlanFileError) as err:
        new_plan(tmp_path / "new.mktplan", name="X")
    assert err.value.code == "disk_full"
    assert list(tmp_path.iterdir()) == []


def _enospc(*_a: Any, **_k: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_while_saving_a_copy(
    plan: PlanFile, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dest_dir = tmp_path / "outbox"
    dest_dir.mkdir()
    before = FileState.of(plan.path)
    monkeypatch.setattr(os, "fsync", _enospc)
    with pytest.raises(PlanFileError) as err:
        plan.save_copy(dest_dir / "copy.mktplan")
    assert err.value.code == "disk_full"
    assert list(dest_dir.iterdir()) == []  # no half copy, no temporary file
    assert FileState.of(plan.path) == before
    monkeypatch.undo()
    plan.save_copy(dest_dir / "copy.mktplan")
    assert dump(dest_dir / "copy.mktplan") == dump(plan.path)


def test_a_failed_backup_on_open_does_not_keep_the_user_from_the_plan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_head_plan(tmp_path / "cafe.mktplan")
    monkeypatch.setattr(os, "fsync", _enospc)
    p = open_plan(path)
    try:
        assert not p.read_only
        run(p, InsertRow(Goal, {"title": "still editable"}))
    finally:
        p.close()
    assert backups.list_backups(path) == []
    assert not any(f.name.startswith(".~copy") for f in backups.folder_for(path).iterdir())


def test_no_migration_without_a_backup(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_v1_plan(tmp_path / "old.mktplan")
    before = FileState.of(path)
    monkeypatch.setattr(os, "fsync", _enospc)
    with pytest.raises(PlanFileError) as err:
        open_plan(path)
    assert err.value.code == "disk_full"
    assert FileState.of(path) == before
    assert pragma(path, "user_version") == 1
    assert sorted(f.name for f in tmp_path.iterdir()) == ["old.mktplan"]  # lock released


# --- real OS limits and real crashes, in another process --------------------------------------


def _python(code: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["MKTPLANNER_DATA_DIR"] = str(data_dir)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(mktplanner.__file__).resolve().parents[1]), str(Path(__file__).parents[1])]
    )
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


FILE_SIZE_LIMIT = r"""
import json, resource, signal, sys
from pathlib import Path
from mktplanner.domain.tables import Goal
from mktplanner.services.edits import InsertRow, run
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

path = Path(sys.argv[1])
plan = PlanFile.open(path, backup=False)
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # get EFBIG from write() instead of dying
resource.setrlimit(resource.RLIMIT_FSIZE, (path.stat().st_size, resource.RLIM_INFINITY))
done, error = [], None
for i in range(50):
    try:
        run(plan, InsertRow(Goal, {"title": f"big {i}", "notes": "x" * 3900}))
        done.append(f"big {i}")
    except PlanFileError as exc:
        error = exc.code
        break
resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
run(plan, InsertRow(Goal, {"title": "after the limit"}))
plan.close()
print(json.dumps({"done": done, "error": error}))
"""


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="POSIX file-size limits")
def test_a_real_file_size_limit_mid_edit(tmp_path: Path, user_data_dir: Path) -> None:
    import json

    path = make_head_plan(tmp_path / "cafe.mktplan")
    start_titles = titles(path)
    result = _python(FILE_SIZE_LIMIT.replace("sys.argv[1]", repr(str(path))), user_data_dir)
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    # SQLite reports a write the OS refuses with EFBIG as an I/O error, ENOSPC as "full".
    assert out["error"] in ("io", "disk_full")
    assert titles(path) == sorted(start_titles + out["done"] + ["after the limit"])
    assert_sound(path)


CRASH_MID_EDIT = r"""
import os, signal, sys
from pathlib import Path
from mktplanner.domain.tables import Goal
from mktplanner.services.edits import InsertRow, run
from mktplanner.store.planfile import PlanFile

plan = PlanFile.open(Path(sys.argv[1]), backup=False)
run(plan, InsertRow(Goal, {"title": "committed before the crash"}))
con = plan.raw()
con.execute("PRAGMA cache_size=5")  # spill to the file long before the commit
con.execute("BEGIN")
for i in range(300):
    con.execute(
        "INSERT INTO goal (title, metric, unit, notes, position) VALUES (?, '', '', ?, 0)",
        (f"in flight {i}", "x" * 3000),
    )
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_crash_in_the_middle_of_an_edit_loses_only_that_edit(
    tmp_path: Path, user_data_dir: Path
) -> None:
    path = make_head_plan(tmp_path / "cafe.mktplan")
    start_titles = titles(path)
    result = _python(CRASH_MID_EDIT.replace("sys.argv[1]", repr(str(path))), user_data_dir)
    assert result.returncode == -signal.SIGKILL
    journal = Path(str(path) + "-journal")
    assert journal.exists() and journal.stat().st_size > 0, "the crash left a hot journal"

    p = open_plan(path)  # the dead process's lock is stale, the journal is rolled back
    try:
        assert not p.read_only
        run(p, InsertRow(Goal, {"title": "after the crash"}))
    finally:
        p.close()
    assert titles(path) == sorted(start_titles + ["committed before the crash", "after the crash"])
    assert_sound(path)
    assert sorted(f.name for f in tmp_path.iterdir()) == ["cafe.mktplan"]


def test_a_foreign_file_with_a_hot_journal_is_left_alone(
    tmp_path: Path, user_data_dir: Path
) -> None:
    path = tmp_path / "other.mktplan"
    con = sqlite3.connect(path)
    con.execute(
        "CREATE TABLE goal (id INTEGER PRIMARY KEY, title TEXT, metric TEXT, unit TEXT, notes TEXT, position INT)"
    )
    con.commit()
    con.close()
    # the same crash, in another application's file (no application id)
    code = CRASH_MID_EDIT.split("plan = PlanFile.open")[0] + (
        "import sqlite3\ncon = sqlite3.connect(sys.argv[1])\n"
        + CRASH_MID_EDIT.split("con = plan.raw()\n")[1]
    )
    result = _python(code.replace("sys.argv[1]", repr(str(path))), user_data_dir)
    assert result.returncode == -signal.SIGKILL
    journal = Path(str(path) + "-journal")
    before, journal_before = FileState.of(path), FileState.of(journal)
    with pytest.raises(PlanFileError):
        open_plan(path)
    assert FileState.of(path) == before
    assert FileState.of(journal) == journal_before
