"""Disk faults, for real where the machine allows it: the plan's folder turns read-only
while the plan is open, and the disk fills up during an edit, an undo, an export, a copy, an
import and a new plan. Each time the user gets the right error code (``read_only``,
``disk_full``), nothing is half written (the file stays a sound plan holding exactly the
committed edits, no partial file appears at any final name, no temporary file is left),
and once the folder is writable / space is freed the very same edit objects run.

How the faults are made:

* read-only folder: ``chmod 555`` for a normal user; root ignores permissions, so as root a
  read-only bind mount of the folder onto itself (``mount -o remount,ro,bind``), as a USB
  stick or network share that turns read-only does. Skipped when neither is possible.
* full disk: a small tmpfs mounted for the test and filled to the last byte (root only;
  skipped elsewhere). Injected variants of the same failures run everywhere; those of the
  plan file itself are in ``test_files.py``, the export's are here.

``test_files.py`` injects SQLite's "database or disk is full" at commit, mid-statement, in a
composite, on undo, on create/copy/backup, and hits a real RLIMIT_FSIZE: not repeated here.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import FileState, dump, make_head_plan

from mktplanner.cli import main
from mktplanner.domain.tables import Goal, Measurement, SwotItem
from mktplanner.services import exchange
from mktplanner.services.edits import Composite, DeleteRow, Edit, InsertRow, UpdateRow, run, undo
from mktplanner.services.plans import new_plan, open_plan
from mktplanner.store.errors import PlanFileError, ReadOnlyPlan
from mktplanner.store.planfile import PlanFile

MECHANISMS: list[str] = []  # which way each fault was made, for the report


def _run(*cmd: str) -> bool:
    return subprocess.run(cmd, capture_output=True, check=False).returncode == 0


def _unmount(target: Path) -> None:
    if not _run("umount", str(target)):
        _run("umount", "-l", str(target))  # something still open through the mount


@contextmanager
def read_only(folder: Path) -> Iterator[str]:
    """Make ``folder`` read-only for this process while the block runs."""
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield "chmod 555"
        finally:
            folder.chmod(mode)
        return
    if not _run("mount", "--bind", str(folder), str(folder)):
        pytest.skip("running as root without the right to mount: no way to make a folder read-only")
    try:
        if not _run("mount", "-o", "remount,ro,bind", str(folder), str(folder)):
            pytest.skip("cannot remount a bind mount read-only here")
        yield "read-only bind mount"
    finally:
        _unmount(folder)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 3 MB file system of its own (tmpfs), unmounted afterwards."""
    disk = tmp_path / "disk"
    disk.mkdir()
    if os.geteuid() != 0 or not _run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(disk)):
        pytest.skip("a real full disk needs a small tmpfs (root with the right to mount)")
    MECHANISMS.append("full disk: 3 MB tmpfs filled to the last byte")
    try:
        yield disk
    finally:
        _unmount(disk)


def fill(disk: Path) -> Path:
    """Take every free byte of ``disk``; deleting the returned file frees the space."""
    filler = disk / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for size in (1 << 20, 1 << 16, 1 << 12, 1 << 9, 1):
            try:
                while True:
                    os.write(fd, b"\0" * size)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


def sound(path: Path) -> None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()
    assert not Path(f"{path}-journal").exists()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def refused(code: str, attempt: Any) -> PlanFileError:
    with pytest.raises(PlanFileError) as err:
        attempt()
    assert err.value.code == code, err.value
    return err.value


def edits_to_try() -> list[Edit]:
    """One of each kind: insert, update, delete with cascades, a composite."""
    return [
        InsertRow(Goal, {"title": "Terrace by summer", "notes": "n" * 3000}),
        UpdateRow(Goal, 1, {"title": "More regulars, faster"}),
        DeleteRow(Goal, 2),  # and its measurement, links and actions' references
        Composite(
            "swot_and_measurement",
            [
                InsertRow(SwotItem, {"quadrant": "W", "text": "No terrace", "note": "x" * 3000}),
                InsertRow(Measurement, {"goal_id": 1, "date": dt.date(2025, 4, 1), "value": 150.0}),
            ],
        ),
    ]


# --- the folder turns read-only while the plan is open ---------------------------------------


def test_folder_turns_read_only_while_the_plan_is_open(tmp_path: Path) -> None:
    folder = tmp_path / "client"
    folder.mkdir()
    path = make_head_plan(folder / "cafe.mktplan")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    plan = open_plan(path)
    try:
        done = InsertRow(Goal, {"title": "committed before"})
        run(plan, done)
        start = dump(path)
        todo = edits_to_try()
        with read_only(folder) as how:
            MECHANISMS.append(f"read-only folder: {how}")
            for edit in todo:
                refused("read_only", lambda e=edit: run(plan, e))
            refused("read_only", lambda: undo(plan, done))
            refused("read_only", lambda: plan.save_copy(folder / "copy.mktplan"))
            refused("read_only", lambda: exchange.export_json(plan, folder / "cafe.json"))
            assert dump(path) == start
            sound(path)
            # the plan can still be read and copied somewhere else
            plan.save_copy(elsewhere / "rescue.mktplan")
            assert dump(elsewhere / "rescue.mktplan") == start
            assert names(folder) == [".~lock.cafe.mktplan#", "cafe.mktplan"]
        # writable again: the same edit objects go through
        for edit in todo:
            run(plan, edit)
        undo(plan, done)
    finally:
        plan.close()
    titles = sorted(r[1] for r in dump(path)["goal"])
    assert titles == ["More regulars, faster", "Terrace by summer"]
    sound(path)
    assert names(folder) == ["cafe.mktplan"]


def test_a_plan_in_a_read_only_folder_opens_read_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    path = make_head_plan(folder / "old.mktplan")
    before = FileState.of(path)
    with read_only(folder):
        plan = open_plan(path)
        try:
            assert plan.read_only
            with pytest.raises(ReadOnlyPlan):
                run(plan, InsertRow(Goal, {"title": "x"}))
        finally:
            plan.close()
        assert main(["info", str(path)]) == 0
        assert main(["summary", str(path), "--json"]) == 0
        assert names(folder) == ["old.mktplan"]
    capsys.readouterr()
    assert FileState.of(path) == before


# --- a disk that fills up ---------------------------------------------------------------------


def test_a_full_disk_refuses_edits_exports_copies_and_imports_then_recovers(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_head_plan(small_disk / "cafe.mktplan")
    plan = open_plan(path)
    try:
        done = InsertRow(Goal, {"title": "committed before"})
        run(plan, done)
        start = dump(path)
        document = exchange.export_plan(plan)
        source = tmp_path / "doc.json"
        source.write_text(exchange.dumps(document), encoding="utf-8")
        filler = fill(small_disk)
        before = names(small_disk)
        todo = edits_to_try()
        for edit in todo:
            refused("disk_full", lambda e=edit: run(plan, e))
        refused("disk_full", lambda: exchange.export_json(plan, small_disk / "cafe.json"))
        refused("disk_full", lambda: plan.save_copy(small_disk / "copy.mktplan"))
        refused("disk_full", lambda: exchange.import_json(source, small_disk / "new.mktplan"))
        refused("disk_full", lambda: new_plan(small_disk / "other.mktplan", name="Other"))
        # what the command line says
        code = main(["export", str(path), "--json", str(small_disk / "cli.json")])
        err = capsys.readouterr().err.strip().splitlines()
        assert code == 2 and err == [
            f"mktplanner: The disk is full; {small_disk / 'cli.json'} was not written."
        ]
        assert dump(path) == start
        sound(path)
        assert names(small_disk) == before  # no half file, no temporary file, nothing new

        filler.unlink()  # space is freed: the same objects go through
        for edit in todo:
            run(plan, edit)
        undo(plan, todo[-1])
        run(plan, todo[-1])
        exchange.export_json(plan, small_disk / "cafe.json")
        plan.save_copy(small_disk / "copy.mktplan")
        exchange.import_json(source, small_disk / "new.mktplan").close()
    finally:
        plan.close()
    sound(path)
    assert dump(small_disk / "copy.mktplan") == dump(path)
    assert dump(small_disk / "new.mktplan") == start
    titles = sorted(r[1] for r in dump(path)["goal"])
    assert titles == ["More regulars, faster", "Terrace by summer", "committed before"]


def test_a_disk_that_fills_during_a_stream_of_edits(small_disk: Path) -> None:
    """Edits until the disk is full: each one is all in or all out; the first refused one
    is disk_full; after space is freed, the refused edit itself is run."""
    path = make_head_plan(small_disk / "cafe.mktplan")
    (small_disk / "ballast.bin").write_bytes(b"\0" * (2 << 20))  # leave well under 1 MB free
    plan = open_plan(path)
    committed: list[str] = []
    try:
        failed: Edit | None = None
        for i in range(400):
            edit = Composite(
                "two_goals",
                [InsertRow(Goal, {"title": f"g{i}a", "notes": "x" * 3900}),
                 InsertRow(Goal, {"title": f"g{i}b", "notes": "y" * 3900})],
            )  # fmt: skip
            try:
                run(plan, edit)
            except PlanFileError as exc:
                assert exc.code == "disk_full"
                failed = edit
                break
            committed += [f"g{i}a", f"g{i}b"]
        assert failed is not None, "the disk never filled up"
        sound(path)
        assert sorted(r[1] for r in dump(path)["goal"] if r[1].startswith("g")) == sorted(committed)
        (small_disk / "ballast.bin").unlink()
        run(plan, failed)
    finally:
        plan.close()
    sound(path)
    assert len([r for r in dump(path)["goal"] if r[1].startswith("g")]) == len(committed) + 2


# --- injected, on any machine -------------------------------------------------------------------


def _enospc(*_a: Any, **_k: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_disk_full_during_an_export_keeps_the_previous_export(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = make_head_plan(tmp_path / "cafe.mktplan")
    out = tmp_path / "exports"
    out.mkdir()
    plan = PlanFile.open(path, backup=False)
    try:
        exchange.export_json(plan, out / "cafe.json")
        previous = FileState.of(out / "cafe.json")
        run(plan, InsertRow(Goal, {"title": "new since the last export"}))
        for where in ("write", "fsync", "replace"):
            with monkeypatch.context() as m:
                if where == "write":
                    m.setattr(os, "fdopen", lambda *_a, **_k: _Full())
                else:
                    m.setattr(os, where, _enospc)
                refused("disk_full", lambda: exchange.export_json(plan, out / "cafe.json"))
            assert FileState.of(out / "cafe.json") == previous, where
            assert names(out) == ["cafe.json"], where
        exchange.export_json(plan, out / "cafe.json")
    finally:
        plan.close()
    assert "new since the last export" in (out / "cafe.json").read_text(encoding="utf-8")


class _Full:
    """A file whose writes fail as on a full disk."""

    def __enter__(self) -> _Full:
        return self

    def __exit__(self, *_exc: object) -> None:
        return None

    def write(self, _data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    if tr is not None and MECHANISMS:
        tr.write_line("")
        for line in sorted(set(MECHANISMS)):
            tr.write_line(f"disk faults made with: {line}")


def _fail_next_commit(plan: PlanFile, monkeypatch: pytest.MonkeyPatch) -> None:
    real = plan.engine.dialect.do_commit
    left = [1]

    def do_commit(dbapi_connection: Any) -> None:
        if left[0]:
            left[0] -= 1
            raise sqlite3.OperationalError("database or disk is full")
        real(dbapi_connection)

    monkeypatch.setattr(plan.engine.dialect, "do_commit", do_commit)


@pytest.mark.parametrize("kind", ["insert", "composite", "deferred"])
def test_a_refused_edit_runs_later_even_after_other_edits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """The edit that met a full disk is run again after the user did other things: it must
    not insist on the id SQLite gave it in the transaction that was rolled back."""
    from mktplanner.domain.tables import GoalSwotLink
    from mktplanner.services.edits import Deferred

    plan = PlanFile.open(make_head_plan(tmp_path / "cafe.mktplan"), backup=False)
    try:
        first = InsertRow(Goal, {"title": "refused at first"})
        edit: Edit = {
            "insert": first,
            "composite": Composite("two", [first, InsertRow(Goal, {"title": "second part"})]),
            "deferred": Deferred(
                "goal_for_swot",
                first,
                lambda f: InsertRow(GoalSwotLink, {"goal_id": f.key, "swot_item_id": 1}),
            ),
        }[kind]
        _fail_next_commit(plan, monkeypatch)
        refused("disk_full", lambda: run(plan, edit))
        other = InsertRow(Goal, {"title": "done meanwhile"})
        run(plan, other)  # takes the id the refused edit had been given
        run(plan, edit)
        assert first.key != other.key
        goals = {r[0]: r[1] for r in dump(plan.path)["goal"]}
        assert goals[first.key] == "refused at first" and goals[other.key] == "done meanwhile"
        if kind == "deferred":
            assert (first.key, 1) in dump(plan.path)["goal_swot"]
        undo(plan, edit)  # and it is still one undo step that takes back exactly itself
        assert first.key not in {r[0] for r in dump(plan.path)["goal"]}
        run(plan, edit)  # redo: the same id again
        assert {r[0]: r[1] for r in dump(plan.path)["goal"]}[first.key] == "refused at first"
    finally:
        plan.close()
    sound(plan.path)
