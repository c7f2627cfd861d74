"""Rolling backups of plan files with SQLite's online backup API, and restoring one.

Backups live in the user's data folder, one subfolder per plan (its stem plus a short hash of
its full path, so two ``client.mktplan`` in different folders never mix). The last
``KEEP`` are kept, and at most one is made per ``MIN_INTERVAL`` unless forced (before a
migration, before a restore).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from mktplanner import paths
from mktplanner.store.errors import PlanFileError

KEEP = 10
MIN_INTERVAL = dt.timedelta(minutes=10)
_STAMP = "%Y%m%d-%H%M%S-%f"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6}-\d{6})(?:-(?P<reason>[a-z-]+))?\.mktplan$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    reason: str  # "" for the rolling backup on open, "before-migration", "before-restore"
    size: int


def folder_for(plan: Path) -> Path:
    plan = Path(plan).resolve()
    digest = hashlib.sha1(str(plan).encode("utf-8")).hexdigest()[:8]
    return paths.backups_dir() / f"{plan.stem}-{digest}"


def list_backups(plan: Path) -> list[BackupInfo]:
    """Backups of ``plan``, newest first."""
    folder = folder_for(plan)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for f in folder.iterdir():
        m = _NAME.match(f.name)
        if not m:
            continue
        try:
            created = dt.datetime.strptime(m["stamp"], _STAMP)
            size = f.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(BackupInfo(f, created, m["reason"] or "", size))
    found.sort(key=lambda b: b.created, reverse=True)
    return found


def backup_to(src: Path, dest: Path) -> Path:
    """Copy ``src`` into ``dest`` consistently (backup API) and atomically (temp + rename)."""
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    from mktplanner.store.planfile import new_temp_file

    try:
        fd, tmp_name = new_temp_file(folder, ".~copy.")
    except OSError as exc:
        from mktplanner.store.planfile import translate_os_error

        raise translate_os_error(exc, dest) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        from mktplanner.store.planfile import _ro_uri

        # Quoted URI: a name with '#' or '?' ("client #1.mktplan") would otherwise open (and
        # create) another file and back up an empty database.
        source = sqlite3.connect(_ro_uri(Path(src)), uri=True)
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
            target.execute("PRAGMA journal_mode=DELETE")
        finally:
            target.close()
            source.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except sqlite3.Error as exc:
        tmp.unlink(missing_ok=True)
        from mktplanner.store.planfile import translate_db_error

        raise translate_db_error(exc, dest) from exc
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        from mktplanner.store.planfile import translate_os_error

        raise translate_os_error(exc, dest) from exc
    return dest


def make_backup(
    plan: Path, *, force: bool = False, reason: str = "", now: dt.datetime | None = None
) -> Path | None:
    """Make a rolling backup of ``plan``; None when the last one is younger than MIN_INTERVAL."""
    now = now or dt.datetime.now()
    existing = list_backups(plan)
    # A newest backup "in the future" (the clock was set back) must not stop backups until
    # the clock catches up: only a recent one in the past counts.
    if not force and existing and dt.timedelta(0) <= now - existing[0].created < MIN_INTERVAL:
        return None
    folder = folder_for(plan)
    folder.mkdir(parents=True, exist_ok=True)
    suffix = f"-{reason}" if reason else ""
    dest = folder / f"{Path(plan).stem}-{now.strftime(_STAMP)}{suffix}.mktplan"
    backup_to(plan, dest)
    prune(plan)
    return dest


def prune(plan: Path, keep: int = KEEP) -> None:
    """Keep the newest ``keep`` backups, and remove what a crashed backup left behind."""
    for old in list_backups(plan)[keep:]:
        try:
            old.path.unlink()
        except OSError:
            pass
    remove_orphans(folder_for(plan))


_TEMP = re.compile(r"^\.~(?:copy|new)\.(?P<pid>\d+)\.[0-9a-f]+\.mktplan(?:-journal)?$")


def remove_orphans(folder: Path) -> list[Path]:
    """Delete the temporary copies (and their journals) whose writing process is gone: a
    backup killed halfway leaves a hidden file as large as the plan, which nothing else
    would ever remove. Only for the backups folder: it is this user's, on this machine,
    so a process id there means a process here."""
    from mktplanner.store.lock import _pid_alive

    removed: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return removed
    for f in entries:
        m = _TEMP.match(f.name)
        if m is None or int(m["pid"]) == os.getpid() or _pid_alive(int(m["pid"])):
            continue
        try:
            f.unlink()
            removed.append(f)
        except OSError:
            pass
    return removed


def restore_backup(backup: Path, plan: Path) -> Path | None:
    """Put ``backup`` in place of ``plan``. The file it replaces is kept beside it, renamed
    ``<name>.before-restore-<time>.mktplan`` (nothing is ever lost); that name is returned.
    Refused with ``locked`` while ``plan`` is open for writing (close it first)."""
    from mktplanner.store.planfile import inspect

    inspect(Path(backup))  # refuse to restore something that is not a sound plan
    plan = Path(plan)
    from mktplanner.store.lock import live_holder

    holder = live_holder(plan)
    if holder is not None:  # whoever has it open would go on writing into the replaced file
        raise PlanFileError("locked", plan, holder=holder.describe())
    kept: Path | None = None
    if plan.exists():
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = plan.with_name(f"{plan.stem}.before-restore-{stamp}.mktplan")
        n = 1
        while kept.exists():  # two restores in one second must not overwrite the first kept file
            n += 1
            kept = plan.with_name(f"{plan.stem}.before-restore-{stamp}-{n}.mktplan")
        try:
            os.replace(plan, kept)
        except OSError as exc:
            from mktplanner.store.planfile import translate_os_error

            raise translate_os_error(exc, plan) from exc
    try:
        backup_to(Path(backup), plan)
    except PlanFileError:
        if kept is not None:
            os.replace(kept, plan)
        raise
    return kept
