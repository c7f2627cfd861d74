"""Create, open, inspect and migrate ``*.mktplan`` files; own every SQLite connection.

A plan file is an SQLite database in rollback-journal mode, identified by
``PRAGMA application_id = 0x4D4B5450`` ("MKTP") and versioned by ``PRAGMA user_version``
(= the number of the newest Alembic migration applied). Anything else is refused before a
single byte of it is written.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.pool import NullPool
from sqlmodel import Session, create_engine

from mktplanner.store.errors import PlanFileError, ReadOnlyPlan
from mktplanner.store.lock import PlanLock, live_holder

log = logging.getLogger(__name__)

APPLICATION_ID = 0x4D4B5450  # 1296782416, "MKTP"
SQLITE_HEADER = b"SQLite format 3\x00"
EXTENSION = ".mktplan"


def schema_version() -> int:
    """The schema version this build writes (the newest migration's number)."""
    from mktplanner.store.migrate import head_version

    return head_version()


@dataclass(frozen=True)
class FileFacts:
    """What a plan file says about itself, read without changing it."""

    application_id: int
    user_version: int


def _set_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA trusted_schema=OFF")
    cur.execute("PRAGMA synchronous=FULL")
    # Only a writable connection may switch the journal; a read-only one keeps the file's own.
    try:
        cur.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.OperationalError:
        pass
    cur.close()


def _ro_uri(path: Path) -> str:
    from urllib.parse import quote

    return f"file:{quote(str(path.resolve()))}?mode=ro"


def inspect(path: Path) -> FileFacts:
    """Check that ``path`` is a plan this build can open; raise PlanFileError otherwise.

    Opens read-only and never writes (a hot journal of a crashed writer is left to the writer).
    """
    path = Path(path)
    if not path.exists():
        raise PlanFileError("not_found", path)
    if path.is_dir():
        raise PlanFileError("is_directory", path)
    try:
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError as exc:
        raise PlanFileError("io", path, detail=exc.strerror or str(exc)) from exc
    if len(header) < 100 or not header.startswith(SQLITE_HEADER):
        raise PlanFileError("not_sqlite", path)
    try:
        con = sqlite3.connect(_ro_uri(path), uri=True)
    except sqlite3.Error as exc:
        raise PlanFileError("damaged", path, detail=str(exc)) from exc
    # A damaged page can hold any bytes, and quick_check quotes them: never fail on decoding.
    con.text_factory = lambda b: b.decode("utf-8", "replace")
    try:
        app_id = con.execute("PRAGMA application_id").fetchone()[0]
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise PlanFileError("foreign", path)
        supported = schema_version()
        if version > supported:
            raise PlanFileError("newer", path, version=version, supported=supported)
        rows = con.execute("PRAGMA quick_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            raise PlanFileError("damaged", path, detail="; ".join(str(r[0]) for r in rows[:3]))
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if version >= 1 and not {"plan", "alembic_version"} <= names:
            raise PlanFileError("damaged", path, detail="missing tables")
        from mktplanner.store.migrate import missing_schema, unexpected_schema

        # Refused before anything runs on the file: a trigger or view someone added would
        # otherwise act on every edit or read (see unexpected_schema).
        alien = unexpected_schema(lambda sql: con.execute(sql).fetchall())
        if alien:
            raise PlanFileError("damaged", path, detail=f"unexpected {', '.join(alien[:3])}")
        if version == supported:
            gaps = missing_schema(lambda sql: con.execute(sql).fetchall())
            if gaps:
                raise PlanFileError("damaged", path, detail=f"missing: {', '.join(gaps[:5])}")
        return FileFacts(app_id, version)
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        # UnicodeDecodeError: SQLite's own error message quotes a damaged schema's bytes.
        raise PlanFileError("damaged", path, detail=str(exc)) from exc
    finally:
        con.close()


def recover_hot_journal(path: Path) -> bool:
    """Let SQLite roll back the edit a crashed writer left unfinished; True if it did.

    After a crash (power cut, killed process) mid-transaction, a "hot" rollback journal sits
    beside the plan. Only a connection that may write can roll it back, and until then every
    read-only connection (``inspect``) fails with "attempt to write a readonly database": the
    plan would be refused as damaged although SQLite restores its last committed state in a
    moment. This is done for our own files only (the application id in the header), and
    SQLite itself decides whether the journal is hot (no live writer holds the file).
    """
    journal = path.with_name(path.name + "-journal")
    try:
        if not journal.is_file() or journal.stat().st_size == 0:
            return False
        with open(path, "rb") as f:
            header = f.read(100)
    except OSError:
        return False
    if (
        len(header) < 100
        or not header.startswith(SQLITE_HEADER)
        or int.from_bytes(header[68:72], "big") != APPLICATION_ID
        or not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))
    ):
        return False  # not ours, or not ours to write: inspect() decides what to say
    try:
        con = sqlite3.connect(str(path), timeout=5)
        try:
            con.execute("SELECT count(*) FROM sqlite_master").fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        log.exception("could not roll back the unfinished edit in %s", path)
        return False
    recovered = not journal.exists()
    if recovered:
        log.warning("rolled back an unfinished edit left by a crash in %s", path)
    return recovered


def translate_db_error(exc: BaseException, path: object) -> PlanFileError:
    """Map SQLite's failures on write to the few situations a user can act on."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "disk is full" in text or "disk full" in text:
        return PlanFileError("disk_full", path)
    if "readonly" in text or "read-only" in text or "read only" in text:
        return PlanFileError("read_only", path)
    if "malformed" in text or "not a database" in text:
        return PlanFileError("damaged", path, detail=text)
    if "unable to open" in text and _cannot_write(path):
        # The rollback journal is created beside the plan at the first write of each edit:
        # a folder that became read-only (permissions, a medium remounted read-only) fails
        # there, with SQLite's CANTOPEN, before the file itself is touched.
        return PlanFileError("read_only", path)
    return PlanFileError("io", path, detail=text)


def _cannot_write(path: object) -> bool:
    p = Path(str(path))
    folder = p.parent if str(p.parent) else Path(".")
    return not os.access(folder, os.W_OK) or (p.exists() and not os.access(p, os.W_OK))


class PlanFile:
    """One open plan: its engine, its lock, and short sessions for reads and edits."""

    def __init__(self, path: Path, engine: Engine, read_only: bool, lock: PlanLock | None):
        self.path = path
        self.engine = engine
        self.read_only = read_only
        self.lock = lock
        self.lock_holder: str = ""
        if lock is not None and lock.holder is not None and not lock.held:
            self.lock_holder = lock.holder.describe()
        self.statements = 0  # executed SQL statements, for N+1 tests and benchmarks
        event.listen(engine, "before_cursor_execute", self._count)

    def _count(self, *_args: Any) -> None:
        self.statements += 1

    # --- opening -------------------------------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path | str,
        rows: list[Any],
        *,
        overwrite: bool = False,
    ) -> PlanFile:
        """Create a new plan file holding ``rows`` (atomically: complete or not at all).

        The services layer decides what a new plan starts with (``services/plans.py``).
        """
        from mktplanner.store.migrate import upgrade

        path = Path(path)
        if path.exists():
            if not overwrite:
                raise PlanFileError("exists", path)
            holder = live_holder(path)
            if holder is not None:
                raise PlanFileError("locked", path, holder=holder.describe())
        folder = path.parent if str(path.parent) else Path(".")
        try:
            fd, tmp_name = new_temp_file(folder, ".~new.")
        except FileNotFoundError as exc:
            raise PlanFileError("not_found", folder) from exc
        except PermissionError as exc:
            raise PlanFileError("read_only", folder) from exc
        except OSError as exc:
            raise translate_os_error(exc, folder) from exc
        os.close(fd)
        tmp = Path(tmp_name)
        try:
            con = sqlite3.connect(tmp)
            con.execute(f"PRAGMA application_id={APPLICATION_ID}")
            con.execute("PRAGMA journal_mode=DELETE")
            con.commit()
            con.close()
            upgrade(tmp)
            engine = _engine(tmp, read_only=False, pool=False)
            try:
                with Session(engine) as s:
                    # Flushed one by one, in the order given: the unit of work does not sort
                    # rows of different tables by their foreign keys.
                    for row in rows:
                        s.add(row)
                        s.flush()
                    s.commit()
            finally:
                engine.dispose()
            os.replace(tmp, path)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise translate_os_error(exc, path) from exc
        except (sqlite3.Error, DBAPIError) as exc:
            tmp.unlink(missing_ok=True)
            raise translate_db_error(exc, path) from exc
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return cls.open(path, backup=False)  # nothing to back up in a brand-new plan

    @classmethod
    def open(cls, path: Path | str, *, read_only: bool = False, backup: bool = True) -> PlanFile:
        """Open an existing plan: check it, back it up, migrate it if older, lock it."""
        from mktplanner.store import backup as backups
        from mktplanner.store.migrate import upgrade

        path = Path(path).resolve()
        recover_hot_journal(path)
        facts = inspect(path)
        lock: PlanLock | None = None
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        if not read_only:
            lock = PlanLock(path)
            if not lock.acquire():
                read_only = True
            elif not writable:
                read_only = True
                lock.release()
        current = schema_version()
        if facts.user_version < current:
            if read_only:
                if lock:
                    lock.release()
                raise PlanFileError("needs_migration", path, version=facts.user_version)
            try:
                backups.make_backup(path, force=True, reason="before-migration")
                upgrade(path)
            except PlanFileError:
                if lock:
                    lock.release()
                raise
            except Exception as exc:
                if lock:
                    lock.release()
                log.exception("migration failed for %s", path)
                raise PlanFileError("migration_failed", path, detail=str(exc)) from exc
        elif backup and not read_only:
            try:
                backups.make_backup(path)
            except Exception:  # a failed backup must not keep the user from their plan
                log.exception("backup on open failed for %s", path)
        engine = _engine(path, read_only=read_only, pool=True)
        plan = cls(path, engine, read_only, lock)
        if read_only and not plan.lock_holder and not writable:
            plan.lock_holder = ""
        return plan

    # --- sessions ------------------------------------------------------------------------
    def session(self) -> Session:
        """A short session for reading (and for the service layer's edits)."""
        return Session(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One edit = one transaction: commits at the end, rolls back on any error.

        A constraint violation (``IntegrityError``) is a problem of the values, not of the file:
        it is re-raised as is for the service layer to turn into a ``DomainError``; other
        database errors become a ``PlanFileError`` (disk full, read-only, damaged, I/O).
        """
        if self.read_only:
            raise ReadOnlyPlan(self.path, self.lock_holder)
        s = Session(self.engine, expire_on_commit=False)
        try:
            yield s
            s.commit()
        except IntegrityError:
            s.rollback()
            raise
        except DBAPIError as exc:
            s.rollback()
            raise translate_db_error(exc, self.path) from exc
        except BaseException:
            s.rollback()
            raise
        finally:
            s.close()

    def raw(self) -> sqlite3.Connection:
        """A plain sqlite3 connection (read-only when the plan is) for bulk reads/writes in store/."""
        con = sqlite3.connect(
            _ro_uri(self.path) if self.read_only else str(self.path), uri=self.read_only
        )
        _set_pragmas(con, None)
        return con

    def save_copy(self, dest: Path | str) -> Path:
        """Write a consistent copy with SQLite's backup API, atomically (temp file + rename)."""
        from mktplanner.store.backup import backup_to

        return backup_to(self.path, Path(dest))

    def close(self) -> None:
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()

    def __enter__(self) -> PlanFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def new_temp_file(folder: Path, prefix: str) -> tuple[int, str]:
    """Like ``tempfile.mkstemp`` but with the permissions of any file the user creates
    (0666 minus the umask): mkstemp's 0600 would make a new plan or a saved copy private."""
    import secrets

    for _ in range(100):
        # The process id in the name tells a temporary file a crash left behind (its writer
        # is gone) from one being written (store.backup.prune removes the former).
        name = os.path.join(folder, f"{prefix}{os.getpid()}.{secrets.token_hex(6)}{EXTENSION}")
        try:
            return os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666), name
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(folder))


def translate_os_error(exc: OSError, path: object) -> PlanFileError:
    if exc.errno == errno.ENOSPC:
        return PlanFileError("disk_full", path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return PlanFileError("read_only", path)
    if exc.errno == errno.ENOENT:
        return PlanFileError("not_found", path)
    return PlanFileError("io", path, detail=exc.strerror or str(exc))


def _engine(path: Path, *, read_only: bool, pool: bool) -> Engine:
    if read_only:
        engine = create_engine(
            "sqlite://",
            creator=lambda: sqlite3.connect(_ro_uri(path), uri=True, check_same_thread=False),
            poolclass=NullPool,
        )
    else:
        kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
        if not pool:
            kwargs["poolclass"] = NullPool
        # URL.create keeps the file name as is; a URL string would read '?' / '#' / '%' in a
        # user's file name as URL syntax and open another (new, empty) file.
        engine = create_engine(URL.create("sqlite", database=str(path)), **kwargs)
    event.listen(engine, "connect", _set_pragmas)
    return engine
