"""An advisory lock so that a second instance opens a plan read-only and can say who holds it.

The lock is a small JSON file beside the plan (``.~lock.<name>#``, as office suites do) created
atomically with O_EXCL. A lock whose process is gone (same host, PID not alive) is stale and
is taken over. If the plan's folder cannot be written, the lock lives in the user's data folder.
Qt's QLockFile would do the same job but the store layer stays Qt-free.
"""

from __future__ import annotations

import atexit
import getpass
import hashlib
import json
import os
import secrets
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from mktplanner import paths


@dataclass(frozen=True)
class LockInfo:
    pid: int
    host: str
    user: str
    since: float

    def describe(self) -> str:
        return f"{self.user}@{self.host} (pid {self.pid})"


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True


def lock_path_for(plan: Path) -> Path:
    plan = plan.resolve()
    beside = plan.with_name(f".~lock.{plan.name}#")
    if os.access(plan.parent, os.W_OK):
        return beside
    digest = hashlib.sha1(str(plan).encode()).hexdigest()[:16]
    folder = paths.data_dir() / "locks"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{digest}.lock"


def read_lock(lock: Path) -> LockInfo | None:
    try:
        data = json.loads(lock.read_text(encoding="utf-8"))
        return LockInfo(
            int(data["pid"]), str(data["host"]), str(data["user"]), float(data["since"])
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _me() -> LockInfo:
    try:
        user = getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not a reason to fail
        user = "?"
    return LockInfo(os.getpid(), socket.gethostname(), user, time.time())


class PlanLock:
    """Holds the lock of one plan file while it is open for writing."""

    def __init__(self, plan: Path):
        self.plan = plan
        self.path = lock_path_for(plan)
        self.held = False
        self.holder: LockInfo | None = None

    def acquire(self) -> bool:
        """Take the lock; False (with ``holder`` set) when another live process has it.

        The lock file appears with its content in one step (written to a temporary file, then
        hard-linked into place, which fails if a lock exists), so a reader never sees a
        half-written lock. A stale lock is first renamed aside, which only one process can do,
        and is deleted only if what was moved is still the stale lock: two instances that
        start together after a crash cannot both end up holding the plan.
        """
        for _ in range(5):
            me = _me()
            placed = self._place(me)
            if placed is None:
                return False  # cannot create a lock at all (read-only medium): do not pretend
            if placed:
                self.held = True
                self.holder = me
                atexit.register(self.release)  # a normal exit never leaves a lock behind
                return True
            other = read_lock(self.path)
            if other is None and self.path.exists():
                # An old-style lock being written right now, or garbage: give a writer a moment.
                time.sleep(0.05)
                other = read_lock(self.path)
            if other is not None and self._is_live(other):
                self.holder = other
                return False
            if not self._break_stale(other):
                return False
        return False

    def _place(self, me: LockInfo) -> bool | None:
        """Create the lock file holding ``me``: True done, False one exists, None impossible."""
        folder = self.path.parent
        tmp = folder / f"{self.path.name}.{me.pid}.{secrets.token_hex(4)}.tmp"
        try:
            with open(tmp, "x", encoding="utf-8") as f:
                json.dump(me.__dict__, f)
        except OSError:
            return None
        try:
            os.link(tmp, self.path)
            return True
        except FileExistsError:
            return False
        except OSError:
            # No hard links here (FAT, some network shares): create exclusively, then write.
            try:
                fd = os.open(self.path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            except FileExistsError:
                return False
            except OSError:
                return None
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(me.__dict__, f)
            return True
        finally:
            tmp.unlink(missing_ok=True)

    def _break_stale(self, seen: LockInfo | None) -> bool:
        """Remove the stale lock ``seen``; False when that turned out to be a live one."""
        aside = self.path.with_name(f"{self.path.name}.stale.{os.getpid()}.{secrets.token_hex(4)}")
        try:
            os.rename(self.path, aside)
        except FileNotFoundError:
            return True  # somebody else removed it: try again
        except OSError:
            return False
        moved = read_lock(aside)
        if moved is not None and moved != seen and self._is_live(moved):
            # Another instance took the lock between our read and our rename: give it back.
            try:
                os.link(aside, self.path)
            except OSError:
                pass
            aside.unlink(missing_ok=True)
            self.holder = moved
            return False
        aside.unlink(missing_ok=True)
        return True

    @staticmethod
    def _is_live(info: LockInfo) -> bool:
        if info.host != socket.gethostname():
            return True  # another machine: we cannot tell, so respect it
        if info.pid == os.getpid():
            return True  # this very process has it open already
        return _pid_alive(info.pid)

    def release(self) -> None:
        if self.held:
            try:
                mine = read_lock(self.path)
                if mine is not None and mine.pid == os.getpid():
                    self.path.unlink()
            except OSError:
                pass
            self.held = False


def live_holder(plan: Path) -> LockInfo | None:
    """Who holds ``plan`` open for writing right now (this process included), if anyone.

    For callers about to replace the file (overwrite, restore): a process that has it open
    would go on writing into the replaced file, and its edits would be lost."""
    info = read_lock(lock_path_for(Path(plan)))
    if info is None or not PlanLock._is_live(info):
        return None
    return info
