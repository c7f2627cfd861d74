"""Helper processes of the reliability tests: the app's work done in a process that the test
can kill at any moment.

``python _child.py server`` imports the application once, then serves one JSON request per
line on stdin: it forks a worker for the request, answers ``{"pid": ...}`` at once and
``{"signal": n}`` / ``{"exit": n}`` when the worker has ended (killed or done). Forking a
ready process takes milliseconds where starting Python and importing SQLAlchemy takes a
second: that is what lets the crash test try dozens of kill points in a few seconds.

A worker reports progress by appending lines to its ``log`` file with ``os.write`` (no
buffering, so what was written survives a SIGKILL): ``?+7`` before edit 7 starts, ``+7``
once ``run`` has returned (the transaction is committed), ``?-7`` / ``-7`` around its undo,
``done`` at the end of a one-shot task.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import traceback
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from mktplanner.domain.tables import Goal, Plan
from mktplanner.services.edits import Change, Composite, Edit, InsertRow, UpdateRow, run, undo
from mktplanner.store import backup as backups
from mktplanner.store import migrate
from mktplanner.store.planfile import PlanFile

BATCH = 30  # goals per edit: a Composite big enough to spill to the file before its commit
NOTES = 1500  # characters of notes per goal


class Log:
    def __init__(self, path: str):
        self.fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)

    def __call__(self, line: str) -> None:
        os.write(self.fd, (line + "\n").encode())


class Pause(Edit):
    """A moment inside the transaction (as a slow disk or a big edit gives), so that kills
    land between the first writes of an edit and its commit."""

    label = "pause"

    def __init__(self, seconds: float):
        self.seconds = seconds

    def apply(self, s: Session) -> Change:
        time.sleep(self.seconds)
        return Change()

    def revert(self, s: Session) -> Change:
        time.sleep(self.seconds)
        return Change()


def batch_edit(n: int, pause: float) -> Composite:
    """Edit ``n``: BATCH goals titled ``b<n>-<i>`` and the plan's mission set to ``batch <n>``,
    all or nothing."""
    goals: list[Edit] = [
        InsertRow(Goal, {"title": f"b{n}-{i}", "notes": f"{n}:{i}:" + "x" * NOTES})
        for i in range(BATCH)
    ]
    half = BATCH // 2
    return Composite(
        "batch",
        [*goals[:half], Pause(pause), *goals[half:], UpdateRow(Plan, 1, {"mission": f"batch {n}"})],
    )


def small_cache(plan: PlanFile) -> None:
    """A few pages of cache: SQLite writes changed pages into the plan file long before the
    commit, so a kill mid-edit leaves a file that only the journal can put right."""

    @event.listens_for(plan.engine, "connect")
    def _connect(dbapi_conn: Any, _rec: Any) -> None:
        dbapi_conn.execute("PRAGMA cache_size=8")


def task_edits(
    plan: str, log: str, first: int, seed: int, pause_ms: int = 20, seconds: float = 0.0
) -> None:
    """Edits for ever (or for ``seconds``): a new batch, or (one time in four) the undo of
    the newest batch this process made."""
    say = Log(log)
    p = PlanFile.open(plan, backup=False)
    small_cache(p)
    rng = random.Random(seed)
    stack: list[tuple[int, Edit]] = []
    n = first
    stop = time.monotonic() + seconds if seconds else float("inf")
    say(f"open {p.read_only}")
    while time.monotonic() < stop:
        pause = rng.uniform(0, pause_ms / 1000)
        if stack and rng.random() < 0.25:
            m, edit = stack.pop()
            for part in getattr(edit, "edits", []):
                if isinstance(part, Pause):
                    part.seconds = pause
            say(f"?-{m}")
            undo(p, edit)
            say(f"-{m}")
        else:
            edit = batch_edit(n, pause)
            say(f"?+{n}")
            run(p, edit)
            say(f"+{n}")
            stack.append((n, edit))
            n += 1
    p.close()
    say("done")


def task_migrate(plan: str, log: str, pause_ms: int = 15) -> None:
    """Open an old plan (backup, then migration), every migration statement slowed a little
    so that kills land inside the migration's transaction as well as around it."""
    say = Log(log)
    real = migrate.migration_engine

    def slow_engine(path: Any) -> Any:
        engine = real(path)

        @event.listens_for(engine, "before_cursor_execute")
        def _slow(*_args: Any) -> None:
            time.sleep(pause_ms / 1000)

        return engine

    migrate.migration_engine = slow_engine  # type: ignore[assignment]
    p = PlanFile.open(plan)
    p.close()
    say("done")


def task_backup(plan: str, log: str) -> None:
    say = Log(log)
    backups.make_backup(plan, force=True)  # type: ignore[arg-type]
    say("done")


def task_save_copy(plan: str, log: str, dest: str) -> None:
    say = Log(log)
    p = PlanFile.open(plan, backup=False)
    p.save_copy(dest)
    p.close()
    say("done")


TASKS = {
    "edits": task_edits,
    "migrate": task_migrate,
    "backup": task_backup,
    "save_copy": task_save_copy,
}


def serve() -> None:
    while True:
        line = sys.stdin.readline()
        if not line:
            return
        request = json.loads(line)
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                TASKS[request["task"]](**request["args"])
            except BaseException:  # noqa: BLE001 - reported to the test through stderr
                traceback.print_exc()
                sys.stderr.flush()
                code = 1
            os._exit(code)
        print(json.dumps({"pid": pid}), flush=True)
        _, status = os.waitpid(pid, 0)
        if os.WIFSIGNALED(status):
            print(json.dumps({"signal": os.WTERMSIG(status)}), flush=True)
        else:
            print(json.dumps({"exit": os.WEXITSTATUS(status)}), flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["server"]:
        serve()
    else:
        raise SystemExit(f"usage: {sys.argv[0]} server")
