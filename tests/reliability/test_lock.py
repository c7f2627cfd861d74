"""The lock between processes: a second instance opens read-only and names the holder; an
edit there is refused and writes nothing; a stale lock is taken over; closing releases it;
two processes writing in turn lose nothing.

The other process is a real one: ``python -c WORKER`` that takes commands on stdin and
answers one JSON line each.
"""

from __future__ import annotations

import getpass
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import FileState, dump, integrity

import mktplanner
from mktplanner.domain.tables import Goal
from mktplanner.services.edits import InsertRow, run
from mktplanner.services.plans import new_plan, open_plan
from mktplanner.store.errors import ReadOnlyPlan
from mktplanner.store.lock import lock_path_for, read_lock

WORKER = r"""
import json, os, sys
from mktplanner.domain.tables import Goal
from mktplanner.services.edits import InsertRow, run
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

plan = None
print(json.dumps({"pid": os.getpid()}), flush=True)
for line in sys.stdin:
    cmd, _, arg = line.rstrip("\n").partition(" ")
    try:
        if cmd == "open":
            plan = PlanFile.open(arg)
            out = {"read_only": plan.read_only, "lock_holder": plan.lock_holder}
        elif cmd == "insert":
            edit = InsertRow(Goal, {"title": arg})
            run(plan, edit)
            out = {"id": edit.key}
        elif cmd == "titles":
            from sqlalchemy import select
            with plan.session() as s:
                out = {"titles": sorted(s.execute(select(Goal.title)).scalars())}
        elif cmd == "close":
            plan.close()
            plan = None
            out = {"closed": True}
        elif cmd == "quit":
            break
        else:
            out = {"unknown": cmd}
    except PlanFileError as exc:
        out = {"error": exc.code, "type": type(exc).__name__, "params": exc.params}
    print(json.dumps(out), flush=True)
"""


class Worker:
    """Another process of the app, driven line by line."""

    def __init__(self, data_dir: Path):
        env = dict(os.environ)
        env["MKTPLANNER_DATA_DIR"] = str(data_dir)
        env["PYTHONPATH"] = str(Path(mktplanner.__file__).resolve().parents[1])
        self.proc = subprocess.Popen(
            [sys.executable, "-c", WORKER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        self.pid = self._read()["pid"]

    def _read(self) -> dict[str, Any]:
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline()
        assert line, f"worker died (exit code {self.proc.poll()})"
        return json.loads(line)  # type: ignore[no-any-return]

    def ask(self, command: str) -> dict[str, Any]:
        assert self.proc.stdin is not None
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._read()

    def quit(self) -> None:
        if self.proc.poll() is None:
            try:
                assert self.proc.stdin is not None
                self.proc.stdin.write("quit\n")
                self.proc.stdin.flush()
                self.proc.wait(timeout=10)
            except (OSError, subprocess.TimeoutExpired):
                self.proc.kill()
                self.proc.wait()


@pytest.fixture
def worker(user_data_dir: Path) -> Iterator[Worker]:
    w = Worker(user_data_dir)
    yield w
    w.quit()


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    new_plan(tmp_path / "shared.mktplan", name="Shared").close()
    return tmp_path / "shared.mktplan"


def me() -> str:
    return f"{getpass.getuser()}@{socket.gethostname()} (pid {os.getpid()})"


def goal_titles(path: Path) -> list[str]:
    return sorted(r[1] for r in dump(path)["goal"])


def test_a_second_process_opens_read_only_and_names_the_holder(
    plan_path: Path, worker: Worker
) -> None:
    mine = open_plan(plan_path)
    try:
        assert not mine.read_only
        run(mine, InsertRow(Goal, {"title": "mine"}))
        before = FileState.of(plan_path)

        answer = worker.ask(f"open {plan_path}")
        assert answer == {"read_only": True, "lock_holder": me()}
        # The read-only opener still sees the plan as it is...
        assert worker.ask("titles") == {"titles": ["mine"]}
        # ...but cannot change it, and nothing is written.
        refused = worker.ask("insert theirs")
        assert refused["type"] == "ReadOnlyPlan"
        assert refused["error"] == "read_only"
        assert refused["params"] == {"holder": me()}
        assert FileState.of(plan_path) == before
        assert goal_titles(plan_path) == ["mine"]
        assert worker.ask("close") == {"closed": True}
        # The holder's lock survives the other process's open and close.
        assert read_lock(lock_path_for(plan_path)) is not None
        run(mine, InsertRow(Goal, {"title": "mine again"}))
    finally:
        mine.close()
    assert goal_titles(plan_path) == ["mine", "mine again"]


def test_this_process_opens_read_only_while_another_holds_the_plan(
    plan_path: Path, worker: Worker
) -> None:
    assert worker.ask(f"open {plan_path}") == {"read_only": False, "lock_holder": ""}
    other = open_plan(plan_path)
    try:
        assert other.read_only
        host_user = f"{getpass.getuser()}@{socket.gethostname()}"
        assert other.lock_holder == f"{host_user} (pid {worker.pid})"
        before = FileState.of(plan_path)
        with pytest.raises(ReadOnlyPlan) as err:
            run(other, InsertRow(Goal, {"title": "refused"}))
        assert err.value.params["holder"] == other.lock_holder
        assert FileState.of(plan_path) == before
    finally:
        other.close()
    # closing the read-only copy does not remove the holder's lock
    assert read_lock(lock_path_for(plan_path)).pid == worker.pid  # type: ignore[union-attr]
    assert "id" in worker.ask("insert theirs")


def test_closing_releases_the_lock(plan_path: Path, worker: Worker) -> None:
    mine = open_plan(plan_path)
    lock = lock_path_for(plan_path)
    assert read_lock(lock).pid == os.getpid()  # type: ignore[union-attr]
    mine.close()
    assert not lock.exists()
    assert worker.ask(f"open {plan_path}") == {"read_only": False, "lock_holder": ""}
    assert worker.ask("close") == {"closed": True}
    assert not lock.exists()


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def _write_lock(plan_path: Path, **info: Any) -> Path:
    lock = lock_path_for(plan_path)
    lock.write_text(json.dumps(info), encoding="utf-8")
    return lock


def test_a_stale_lock_of_a_dead_process_is_taken_over(plan_path: Path) -> None:
    lock = _write_lock(
        plan_path,
        pid=_dead_pid(),
        host=socket.gethostname(),
        user="ghost",
        since=time.time() - 3600,
    )
    p = open_plan(plan_path)
    try:
        assert not p.read_only and p.lock_holder == ""
        assert read_lock(lock).pid == os.getpid()  # type: ignore[union-attr]
        run(p, InsertRow(Goal, {"title": "after a crash"}))
    finally:
        p.close()
    assert not lock.exists()
    assert goal_titles(plan_path) == ["after a crash"]


def test_a_garbage_lock_file_is_taken_over(plan_path: Path) -> None:
    lock = lock_path_for(plan_path)
    lock.write_bytes(b"\x00\x01 not json")
    p = open_plan(plan_path)
    try:
        assert not p.read_only
    finally:
        p.close()
    assert not lock.exists()


def test_a_lock_from_another_machine_is_respected(plan_path: Path) -> None:
    lock = _write_lock(plan_path, pid=12345, host="laptop-of-anna", user="anna", since=time.time())
    before = FileState.of(plan_path)
    p = open_plan(plan_path)
    try:
        assert p.read_only
        assert p.lock_holder == "anna@laptop-of-anna (pid 12345)"
        with pytest.raises(ReadOnlyPlan):
            run(p, InsertRow(Goal, {"title": "refused"}))
    finally:
        p.close()
    assert lock.exists() and read_lock(lock).host == "laptop-of-anna"  # type: ignore[union-attr]
    assert FileState.of(plan_path) == before


def test_a_killed_holder_leaves_a_stale_lock_that_is_taken_over(
    plan_path: Path, worker: Worker
) -> None:
    assert worker.ask(f"open {plan_path}")["read_only"] is False
    assert "id" in worker.ask("insert before the crash")
    worker.proc.send_signal(signal.SIGKILL)
    worker.proc.wait()
    assert read_lock(lock_path_for(plan_path)).pid == worker.pid  # type: ignore[union-attr]
    p = open_plan(plan_path)
    try:
        assert not p.read_only
        run(p, InsertRow(Goal, {"title": "after the crash"}))
    finally:
        p.close()
    assert goal_titles(plan_path) == ["after the crash", "before the crash"]
    assert integrity(plan_path) == ["ok"]


def test_two_processes_writing_in_turn_lose_nothing(plan_path: Path, worker: Worker) -> None:
    expected = []
    for turn in range(3):
        mine = open_plan(plan_path)
        assert not mine.read_only
        assert worker.ask(f"open {plan_path}")["read_only"] is True
        run(mine, InsertRow(Goal, {"title": f"here {turn}"}))
        expected.append(f"here {turn}")
        # the read-only process sees each committed edit at once
        assert worker.ask("titles") == {"titles": sorted(expected)}
        worker.ask("close")
        mine.close()

        assert worker.ask(f"open {plan_path}")["read_only"] is False
        theirs = open_plan(plan_path)
        assert theirs.read_only
        assert "id" in worker.ask(f"insert there {turn}")
        expected.append(f"there {turn}")
        with theirs.session() as s:
            from sqlalchemy import select

            assert sorted(s.execute(select(Goal.title)).scalars()) == sorted(expected)
        theirs.close()
        worker.ask("close")
    assert goal_titles(plan_path) == sorted(expected)
    assert integrity(plan_path) == ["ok"]
    assert not lock_path_for(plan_path).exists()


def test_instances_starting_together_on_a_stale_lock_get_one_writer(
    plan_path: Path, user_data_dir: Path
) -> None:
    """After a crash, several instances opening at the same moment: exactly one may write."""
    workers = [Worker(user_data_dir) for _ in range(3)]
    try:
        for _trial in range(10):
            _write_lock(
                plan_path, pid=_dead_pid(), host=socket.gethostname(), user="ghost", since=0.0
            )
            for w in workers:  # send all the commands first, then read the answers
                assert w.proc.stdin is not None
                w.proc.stdin.write(f"open {plan_path}\n")
            for w in workers:
                assert w.proc.stdin is not None
                w.proc.stdin.flush()
            answers = [w._read() for w in workers]
            writers = [w.pid for w, a in zip(workers, answers, strict=True) if not a["read_only"]]
            assert len(writers) == 1, answers
            holder = read_lock(lock_path_for(plan_path))
            assert holder is not None and holder.pid == writers[0]
            for a in answers:
                if a["read_only"]:
                    assert a["lock_holder"].endswith(f"(pid {writers[0]})")
            for w in workers:
                w.ask("close")
            assert not lock_path_for(plan_path).exists()
        assert sorted(p.name for p in plan_path.parent.iterdir()) == [plan_path.name]
    finally:
        for w in workers:
            w.quit()


def test_a_plan_open_in_another_process_is_neither_overwritten_nor_restored(
    plan_path: Path, worker: Worker
) -> None:
    from mktplanner.store import backup as backups
    from mktplanner.store.errors import PlanFileError

    made = backups.make_backup(plan_path, force=True)
    assert made is not None
    assert worker.ask(f"open {plan_path}")["read_only"] is False
    assert "id" in worker.ask("insert theirs")
    before = FileState.of(plan_path)
    holder = f"{getpass.getuser()}@{socket.gethostname()} (pid {worker.pid})"
    for attempt in (
        lambda: new_plan(plan_path, name="Mine", overwrite=True),
        lambda: backups.restore_backup(made, plan_path),
    ):
        with pytest.raises(PlanFileError) as err:
            attempt()
        assert (err.value.code, err.value.params) == ("locked", {"holder": holder})
        assert FileState.of(plan_path) == before
    assert "id" in worker.ask("insert theirs again")
    worker.ask("close")
    assert goal_titles(plan_path) == ["theirs", "theirs again"]
