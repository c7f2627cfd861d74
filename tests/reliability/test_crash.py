"""Crash safety: a process of the app is killed (SIGKILL, no chance to clean up) at random
moments while it edits, migrates an old plan, makes a backup or saves a copy; each time
the file is opened again as the app does and must be sound, hold every acknowledged edit
and nothing of a half one. And a second process reading while the first writes never sees
half an edit.

The work runs in forks of ``_child.py server`` (see there): a worker writes ``+7`` to its
log only after ``run`` returned for edit 7, so every ``+n`` in the log is an acknowledged,
committed edit. An edit here is a Composite of 30 goals (``b<n>-<i>``), a pause and the
plan's mission (``batch <n>``); with an 8-page cache SQLite writes into the plan file long
before the commit, so a kill mid-edit leaves a plan that only the rollback journal repairs.

What is checked after every kill:

* ``PRAGMA integrity_check`` is ok, no foreign key is broken, no journal is left;
* edits: the goals and the mission are exactly those of the acknowledged edits and undos,
  plus possibly the one in flight (committed but not yet acknowledged), never part of one;
* migration: the file is at the old version with every row, or at the new one with every
  row; the backup made before it, if it has its final name, is a complete old plan;
* backup / save a copy: the destination is absent or a complete plan (the old copy or the
  new one), never a half file at the final name.

The number of kill points tried and survived is printed at the end.
"""

from __future__ import annotations

import json
import os
import random
import re
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import FileState, dump, make_head_plan, make_v1_plan, pragma

import mktplanner
from mktplanner.store import backup as backups
from mktplanner.store.lock import lock_path_for, read_lock
from mktplanner.store.migrate import head_version
from mktplanner.store.planfile import PlanFile

CHILD = Path(__file__).with_name("_child.py")
BATCH = 30
KILLS = {"edits": 30, "migrate": 10, "backup": 10, "save_copy": 10}
TALLY: Counter[str] = Counter()
RNG = random.Random(int(os.environ.get("MKTPLANNER_CRASH_SEED", "20261123")))


class Server:
    """``_child.py server``: forks workers on request."""

    def __init__(self, data_dir: Path):
        env = dict(os.environ)
        env["MKTPLANNER_DATA_DIR"] = str(data_dir)
        root = str(Path(mktplanner.__file__).resolve().parents[1])
        env["PYTHONPATH"] = os.pathsep.join([root, str(Path(__file__).parents[1])])
        self.proc = subprocess.Popen(
            [sys.executable, str(CHILD), "server"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            bufsize=0,
            env=env,
        )
        self.buffer = b""

    def _read(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next answer, or None when none came within ``timeout`` seconds."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer:
            wait = None if deadline is None else max(0.0, deadline - time.monotonic())
            ready, _, _ = select.select([fd], [], [], wait)
            if not ready:
                return None
            chunk = os.read(fd, 4096)
            assert chunk, f"the server died ({self.proc.poll()})"
            self.buffer += chunk
        line, _, self.buffer = self.buffer.partition(b"\n")
        return json.loads(line)  # type: ignore[no-any-return]

    def start(self, task: str, **args: Any) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps({"task": task, "args": args}) + "\n").encode())
        self.proc.stdin.flush()
        answer = self._read()
        assert answer is not None
        return int(answer["pid"])

    def ended(self, timeout: float | None = None) -> dict[str, Any] | None:
        return self._read(timeout)

    def kill_after(self, task: str, delay: float, **args: Any) -> tuple[bool, float]:
        """Run ``task`` and SIGKILL it ``delay`` s later unless it ended before; (killed?,
        how long it ran)."""
        started = time.perf_counter()
        pid = self.start(task, **args)
        end = self.ended(timeout=delay)
        if end is None:
            os.kill(pid, signal.SIGKILL)
            end = self.ended()
            assert end is not None
        ran = time.perf_counter() - started
        if end.get("exit", 0) != 0:
            raise AssertionError(f"the worker failed: {end}")
        return end.get("signal") == signal.SIGKILL, ran

    def close(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("crash-data")


@pytest.fixture(scope="module")
def server(data_dir: Path) -> Iterator[Server]:
    s = Server(data_dir)
    yield s
    s.close()


@pytest.fixture(autouse=True)
def same_data_dir(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test looks for backups where the workers make them."""
    monkeypatch.setenv("MKTPLANNER_DATA_DIR", str(data_dir))


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    if tr is None:
        return
    tr.write_line("")
    tr.write_line("Kill points (SIGKILL) survived / tried:")
    for task in KILLS:
        tr.write_line(
            f"  {task:10} {TALLY[task + ' survived']:3} / {TALLY[task + ' tried']:3}"
            f"   (landed while running: {TALLY[task + ' landed']}, with a hot journal:"
            f" {TALLY[task + ' journal']}, temporary files left: {TALLY[task + ' temp left']})"
        )
    total_s = sum(TALLY[t + " survived"] for t in KILLS)
    total_t = sum(TALLY[t + " tried"] for t in KILLS)
    tr.write_line(f"  {'total':10} {total_s:3} / {total_t:3}")
    tr.write_line(
        f"  kills inside a transaction (a journal beside the plan): edits"
        f" {TALLY['edits inside its transaction']}, migration"
        f" {TALLY['migrate inside its transaction']}; killed while opening:"
        f" {TALLY['edits killed while opening']}; cold journals seen: {TALLY['cold journal seen']}"
    )
    if TALLY["reader reads"]:
        tr.write_line(
            f"Concurrent reader: {TALLY['reader reads']} consistent reads while the writer "
            f"acknowledged {TALLY['writer edits']} edits and undos"
        )


def sound(path: Path) -> None:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
        assert con.execute("PRAGMA application_id").fetchone() == (0x4D4B5450,)
    finally:
        con.close()
    journal = Path(f"{path}-journal")
    if journal.exists():
        # A kill before the journal was synced leaves it with a zeroed header: SQLite never
        # touched the plan in that case, treats such a journal as cold and drops it at the
        # next write. It must never be a hot one (that would mean a rollback was skipped).
        # A kill right after the journal file was created leaves it empty: cold as well.
        assert not any(journal.read_bytes()[:8]), "a hot journal is left"
        TALLY["cold journal seen"] += 1


def hot_journal(path: Path) -> bool:
    journal = Path(f"{path}-journal")
    return journal.exists() and journal.stat().st_size > 0 and journal.read_bytes()[:8] != bytes(8)


# --- edits --------------------------------------------------------------------------------------


def read_state(path: Path) -> tuple[dict[int, int], str]:
    """(batch -> number of its goals in the file, the plan's mission)."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        counts: Counter[int] = Counter()
        for (title,) in con.execute("SELECT title FROM goal WHERE title LIKE 'b%-%'"):
            m = re.fullmatch(r"b(\d+)-\d+", title)
            if m:
                counts[int(m[1])] += 1
        mission = con.execute("SELECT mission FROM plan").fetchone()[0]
        return dict(counts), mission
    finally:
        con.close()


def expected_states(log: list[str], present: set[int], mission: str) -> list[tuple[set[int], str]]:
    """What the file may hold after the logged work: the acknowledged state, and that state
    plus the edit or undo in flight (committed, killed before it was acknowledged)."""
    batches = set(present)
    stack: list[int] = []

    def mission_now() -> str:
        return f"batch {stack[-1]}" if stack else mission

    flight: str | None = None
    for line in log:
        if line.startswith("?"):
            flight = line[1:]
        elif line[0] in "+-":
            n = int(line[1:])
            if line[0] == "+":
                batches.add(n)
                stack.append(n)
            else:
                batches.discard(n)
                assert stack.pop() == n
            flight = None
    states = [(set(batches), mission_now())]
    if flight is not None:
        n = int(flight[1:])
        if flight[0] == "+":
            states.append((batches | {n}, f"batch {n}"))
        else:
            rest = stack[:-1]
            states.append((batches - {n}, f"batch {rest[-1]}" if rest else mission))
    return states


def test_edits_killed_at_random_moments(server: Server, tmp_path: Path) -> None:
    path = make_head_plan(tmp_path / "cafe.mktplan")
    present: set[int] = set()
    mission = read_state(path)[1]
    first = 1
    for trial in range(KILLS["edits"]):
        log = tmp_path / f"edits-{trial}.log"
        delay = RNG.uniform(0.03, 0.6)
        TALLY["edits tried"] += 1
        killed, _ = server.kill_after(
            "edits", delay, plan=str(path), log=str(log), first=first, seed=trial
        )
        TALLY["edits landed"] += killed
        if Path(f"{path}-journal").exists():
            TALLY["edits inside its transaction"] += 1
        lines = log.read_text().split() if log.exists() else []  # killed while opening?
        if lines:
            assert lines[:2] == ["open", "False"], lines[:2]  # the dead one's lock was taken over
        else:
            TALLY["edits killed while opening"] += 1
        if hot_journal(path):
            TALLY["edits journal"] += 1
        # Open it as the app does: the hot journal is rolled back, the dead lock taken over.
        plan = PlanFile.open(path, backup=False)
        assert not plan.read_only
        plan.close()
        sound(path)
        counts, now_mission = read_state(path)
        assert all(c == BATCH for c in counts.values()), f"half an edit: {counts}"
        states = expected_states(lines[2:], present, mission)
        assert (set(counts), now_mission) in states, (trial, lines[-3:], sorted(counts), states)
        present, mission = set(counts), now_mission
        first = max([first, *[int(x[2:]) + 1 for x in lines if x.startswith("?+")]])
        TALLY["edits survived"] += 1
    assert sum(1 for _ in present) > 0
    assert not lock_path_for(path).exists() or read_lock(lock_path_for(path)) is None


def rows(d: dict[str, list[Any]], tables: Any) -> dict[str, list[Any]]:
    """The rows of ``tables`` (the old version's), without the migrations' bookkeeping."""
    return {t: d[t] for t in tables if t != "alembic_version"}


# --- migration ----------------------------------------------------------------------------------


def test_a_migration_killed_at_random_moments(
    server: Server, tmp_path: Path, data_dir: Path
) -> None:
    old = make_v1_plan(tmp_path / "template.mktplan")
    original = dump(old)
    data = old.read_bytes()
    # How long an undisturbed migration takes here, to spread the kills over it.
    probe = tmp_path / "probe.mktplan"
    probe.write_bytes(data)
    _, took = server.kill_after("migrate", 30.0, plan=str(probe), log=str(tmp_path / "probe.log"))
    assert pragma(probe, "user_version") == head_version()
    for trial in range(KILLS["migrate"]):
        folder = tmp_path / f"m{trial}"
        folder.mkdir()
        path = folder / "old.mktplan"
        path.write_bytes(data)
        TALLY["migrate tried"] += 1
        killed, _ = server.kill_after(
            "migrate", RNG.uniform(0, took), plan=str(path), log=str(folder / "log")
        )
        TALLY["migrate landed"] += killed
        if hot_journal(path):
            TALLY["migrate journal"] += 1
        if Path(f"{path}-journal").exists():
            TALLY["migrate inside its transaction"] += 1
        # Every backup with its final name is a complete plan of the old version.
        for b in backups.list_backups(path):
            sound(b.path)
            assert pragma(b.path, "user_version") == 1
            assert dump(b.path) == original
        left = [
            f
            for f in backups.folder_for(path).glob("*")
            if f not in {b.path for b in backups.list_backups(path)}
        ] if backups.folder_for(path).exists() else []  # fmt: skip
        TALLY["migrate temp left"] += len(left)
        # The next opening finds the old version or the new one, every row kept, and
        # finishes the job.
        recovered = Path(f"{path}-journal").exists()
        if recovered:
            con = sqlite3.connect(path)  # what PlanFile.open does first
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
            con.close()
        sound(path)
        version = pragma(path, "user_version")
        assert version in (1, head_version())
        now = dump(path)
        if version == 1:
            assert now == original
        else:
            assert rows(now, original) == rows(original, original)
        plan = PlanFile.open(path)
        plan.close()
        # ...and the new backup made before migrating swept away what the killed one left.
        assert [f.name for f in backups.folder_for(path).glob(".~*")] == []
        assert pragma(path, "user_version") == head_version()
        assert rows(dump(path), original) == rows(original, original)
        TALLY["migrate survived"] += 1


# --- backup and save a copy ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def big_plan(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 20 MB: long enough to copy that kills land in the middle."""
    path = make_head_plan(tmp_path_factory.mktemp("big") / "big.mktplan")
    con = sqlite3.connect(path)
    con.executemany(
        "INSERT INTO goal (title, metric, unit, notes, position) VALUES (?, '', '', ?, 0)",
        ((f"filler {i}", f"{i}" + "z" * 3990) for i in range(5000)),
    )
    con.commit()
    con.close()
    return path


def fingerprint(path: Path) -> tuple[int, int, str]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT count(*), sum(length(notes)), max(title) FROM goal").fetchone()
        return int(row[0]), int(row[1] or 0), str(row[2])
    finally:
        con.close()


def test_a_backup_killed_at_random_moments(server: Server, big_plan: Path, tmp_path: Path) -> None:
    source = tmp_path / "client.mktplan"
    source.write_bytes(big_plan.read_bytes())
    expected = fingerprint(source)
    before = FileState.of(source)
    _, took = server.kill_after("backup", 60.0, plan=str(source), log=str(tmp_path / "probe"))
    for b in backups.list_backups(source):
        b.path.unlink()
    seen: set[Path] = set()
    for _trial in range(KILLS["backup"]):
        TALLY["backup tried"] += 1
        killed, _ = server.kill_after(
            "backup", RNG.uniform(0, took * 0.9), plan=str(source), log=str(tmp_path / "log")
        )
        TALLY["backup landed"] += killed
        listed = {b.path for b in backups.list_backups(source)}
        for p in listed:
            sound(p)
            assert fingerprint(p) == expected
        folder = backups.folder_for(source)
        others = {f for f in folder.iterdir() if f not in listed}
        assert all(f.name.startswith(".~copy.") for f in others), others
        TALLY["backup temp left"] += len(others - seen)
        seen |= others
        assert FileState.of(source) == before
        TALLY["backup survived"] += 1
    # The next backup removes what the killed ones left (their processes are gone).
    backups.make_backup(source, force=True)
    assert [f.name for f in backups.folder_for(source).glob(".~*")] == []


def test_save_a_copy_killed_at_random_moments(
    server: Server, big_plan: Path, tmp_path: Path
) -> None:
    source = tmp_path / "client.mktplan"
    source.write_bytes(big_plan.read_bytes())
    new = fingerprint(source)
    out = tmp_path / "outbox"
    out.mkdir()
    dest = out / "for-the-meeting.mktplan"
    make_head_plan(dest)  # last week's copy, to be replaced
    old = fingerprint(dest)
    _, took = server.kill_after(
        "save_copy", 60.0, plan=str(source), log=str(tmp_path / "probe"), dest=str(tmp_path / "p")
    )
    for _trial in range(KILLS["save_copy"]):
        TALLY["save_copy tried"] += 1
        killed, _ = server.kill_after(
            "save_copy",
            RNG.uniform(0, took * 0.9),
            plan=str(source),
            log=str(tmp_path / "log"),
            dest=str(dest),
        )
        TALLY["save_copy landed"] += killed
        sound(dest)
        assert fingerprint(dest) in (old, new)
        others = [f for f in out.iterdir() if f != dest]
        assert all(f.name.startswith(".~copy.") for f in others), others
        TALLY["save_copy temp left"] += len(others)
        for f in others:
            f.unlink()
        if (
            fingerprint(dest) == new
        ):  # start again from the old copy, so both outcomes stay possible
            make_head_plan(dest.with_name("old.tmp"))
            os.replace(dest.with_name("old.tmp"), dest)
        sound(source)
        TALLY["save_copy survived"] += 1


# --- a reader while a writer works --------------------------------------------------------------


def test_a_reader_process_never_sees_half_an_edit(server: Server, tmp_path: Path) -> None:
    """A writer process edits for three seconds; this process has the plan open read-only
    (and is told who holds it) and reads all the while: every read shows whole edits and a
    mission that matches them; at the end every acknowledged edit is in the file."""
    path = make_head_plan(tmp_path / "shared.mktplan")
    start_mission = read_state(path)[1]
    log = tmp_path / "writer.log"
    pid = server.start("edits", plan=str(path), log=str(log), first=1, seed=7, seconds=3.0)
    deadline = time.monotonic() + 10
    while not (log.exists() and log.read_text().startswith("open")):
        assert time.monotonic() < deadline
        time.sleep(0.01)
    reader = PlanFile.open(path)
    try:
        assert reader.read_only
        assert reader.lock_holder.endswith(f"(pid {pid})")
        con = reader.raw()
        reads = 0
        seen: set[int] = set()
        while "done" not in log.read_text():
            con.execute("BEGIN")
            titles = [r[0] for r in con.execute("SELECT title FROM goal WHERE title LIKE 'b%'")]
            mission = con.execute("SELECT mission FROM plan").fetchone()[0]
            con.execute("COMMIT")
            counts = Counter(int(re.fullmatch(r"b(\d+)-\d+", t)[1]) for t in titles)  # type: ignore[index]
            assert all(c == BATCH for c in counts.values()), counts
            assert mission == (f"batch {max(counts)}" if counts else start_mission)
            seen |= set(counts)
            reads += 1
        con.close()
    finally:
        reader.close()
    end = server.ended(timeout=30)
    assert end == {"exit": 0}, end
    lines = log.read_text().split()
    (batches, mission), *_ = expected_states(lines[2:-1], set(), start_mission)
    counts, now_mission = read_state(path)
    assert set(counts) == batches and now_mission == mission
    assert all(c == BATCH for c in counts.values())
    sound(path)
    assert reads > 10 and len(seen) >= 2, (reads, seen)  # it did read while edits went on
    TALLY["reader reads"] += reads
    TALLY["writer edits"] += sum(1 for x in lines if x[0] in "+-")


def test_orphans_of_dead_backups_are_removed_live_ones_kept(tmp_path: Path) -> None:
    plan = make_head_plan(tmp_path / "cafe.mktplan")
    folder = backups.folder_for(plan)
    folder.mkdir(parents=True)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    gone = int(dead.stdout)
    orphan = folder / f".~copy.{gone}.0123456789ab.mktplan"
    orphan_journal = folder / f".~copy.{gone}.0123456789ab.mktplan-journal"
    live = folder / f".~copy.{os.getppid()}.0123456789ab.mktplan"  # a process that runs
    unrelated = folder / "notes.txt"
    for f in (orphan, orphan_journal, live, unrelated):
        f.write_bytes(b"x" * 100)
    made = backups.make_backup(plan, force=True)
    assert made is not None
    assert sorted(f.name for f in folder.iterdir()) == sorted([made.name, live.name, "notes.txt"])
