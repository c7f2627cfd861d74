"""Edits: small objects that apply a change to a plan and know how to take it back.

One edit = one transaction = one undo step. Three generic edits cover every table
(insert, update, delete; a delete also remembers the rows that cascade with it and the
references that were set to NULL, so an undo brings everything back with the same ids);
``Composite`` bundles several into one step ("make a goal from a TOWS option").
The UI wraps an edit in a QUndoCommand; tests and the CLI call ``run`` / ``undo`` directly.

Every insert and update is validated by ``domain.rules.validation`` on the whole resulting
row before anything is written: invalid values raise ``DomainError`` and the file is unchanged.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Table, delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel

from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.tables import TABLE_BY_NAME
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # what an SQLite INTEGER holds


@dataclass
class Change:
    """What an edit touched: table name -> ids (rows' primary keys; tuples for link tables)."""

    rows: dict[str, set[Any]] = field(default_factory=dict)

    def add(self, table: str, key: Any) -> None:
        self.rows.setdefault(table, set()).add(key)

    def merge(self, other: Change) -> Change:
        for t, ids in other.rows.items():
            self.rows.setdefault(t, set()).update(ids)
        return self

    @property
    def tables(self) -> frozenset[str]:
        return frozenset(self.rows)


def table_of(model: type[SQLModel] | str) -> Table:
    cls = TABLE_BY_NAME[model] if isinstance(model, str) else model
    return cls.__table__  # type: ignore[attr-defined,no-any-return]


def _key(table: Table, row: Any) -> Any:
    pk = [c.name for c in table.primary_key.columns]
    return row[pk[0]] if len(pk) == 1 else tuple(row[c] for c in pk)


def _where(table: Table, key: Any) -> Any:
    cols = list(table.primary_key.columns)
    if len(cols) == 1:
        return cols[0] == key
    from sqlalchemy import and_

    return and_(*(c == k for c, k in zip(cols, key, strict=True)))


def _key_ok(table: Table, key: Any) -> bool:
    """Whether ``key`` can be a primary key of ``table`` at all (type, arity, SQLite's range):
    anything else is simply not found, rather than a driver error."""
    cols = list(table.primary_key.columns)
    keys = (key,) if len(cols) == 1 else key
    if not isinstance(keys, tuple | list) or len(keys) != len(cols):
        return False
    for col, k in zip(cols, keys, strict=True):
        kind = getattr(col.type, "impl_instance", col.type).python_type
        if kind is int:
            if not isinstance(k, int) or isinstance(k, bool) or not INT64_MIN <= k <= INT64_MAX:
                return False
        elif kind is str:
            if not isinstance(k, str):
                return False
            try:
                k.encode("utf-8")
            except UnicodeEncodeError:
                return False
    return True


def _not_found(table: Table, key: Any) -> DomainError:
    return DomainError([Problem("id", "not_found", {"table": table.name, "id": key})])


def _full_row(model: type[SQLModel], values: Mapping[str, Any]) -> Row:
    """The row as it will be stored: the model's defaults filled in, unknown keys refused."""
    table = table_of(model)
    names = {c.name for c in table.columns}
    unknown = set(values) - names
    if unknown:
        raise DomainError([Problem(sorted(unknown)[0], "unknown_field")])
    obj = model(**values)
    return {c.name: getattr(obj, c.name) for c in table.columns}


def validate_row(table_name: str, row: Row) -> None:
    from mktplanner.domain.rules.validation import validate

    # What SQLite itself cannot store would otherwise surface as OverflowError or
    # UnicodeEncodeError from the driver, past every caller's error handling.
    for k, v in row.items():
        if isinstance(v, float) and not math.isfinite(v):
            raise DomainError([Problem(k, "not_a_number")])
        if isinstance(v, int) and not isinstance(v, bool) and not INT64_MIN <= v <= INT64_MAX:
            raise DomainError(
                [Problem(k, "out_of_range", {"min": INT64_MIN, "max": INT64_MAX, "value": v})]
            )
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate (broken UTF-16 pasted in)
                raise DomainError([Problem(k, "invalid_text")]) from None
    problems = validate(table_name, row)
    if problems:
        raise DomainError(problems)


class Edit(ABC):
    """A reversible change. ``label`` is a code ("add_swot_item") that the UI translates."""

    label: str = "edit"

    @abstractmethod
    def apply(self, s: Session) -> Change: ...

    @abstractmethod
    def revert(self, s: Session) -> Change: ...

    def committed(self) -> None:  # noqa: B027 - a hook; most edits learn nothing to keep
        """The transaction that applied this edit was committed (``run`` calls it)."""

    def rolled_back(self) -> None:  # noqa: B027 - a hook; most edits learn nothing to forget
        """The transaction that applied this edit was rolled back (disk full, a refused
        value): forget what ``apply`` learnt from it, such as an id SQLite handed out, so
        that the same edit object can be run again later (``run`` calls it)."""


class InsertRow(Edit):
    """Insert one row; undo deletes it; redo brings it back under the same id."""

    def __init__(self, model: type[SQLModel], values: Mapping[str, Any], label: str = ""):
        self.model = model
        self.table = table_of(model)
        self.row = _full_row(model, values)
        self.label = label or f"add_{self.table.name}"
        self._new_id = False  # the id came from SQLite in a transaction not committed yet

    @property
    def key(self) -> Any:
        return _key(self.table, self.row)

    def apply(self, s: Session) -> Change:
        validate_row(self.table.name, self.row)
        values = {k: v for k, v in self.row.items() if not (v is None and k in self._auto())}
        result: Any = s.execute(insert(self.table).values(**values))
        if len(self._auto()) == 1 and self.row.get(next(iter(self._auto()))) is None:
            self.row[next(iter(self._auto()))] = result.inserted_primary_key[0]
            self._new_id = True
        ch = Change()
        ch.add(self.table.name, self.key)
        return ch

    def committed(self) -> None:
        self._new_id = False  # from now on the row lives under this id (redo keeps it)

    def rolled_back(self) -> None:
        if self._new_id:
            # Another edit may take that id before this one is tried again.
            self.row[next(iter(self._auto()))] = None
            self._new_id = False

    def _auto(self) -> set[str]:
        pk = [c.name for c in self.table.primary_key.columns]
        return {pk[0]} if len(pk) == 1 and pk[0] == "id" else set()

    def revert(self, s: Session) -> Change:
        s.execute(delete(self.table).where(_where(self.table, self.key)))
        ch = Change()
        ch.add(self.table.name, self.key)
        return ch


class UpdateRow(Edit):
    """Change some columns of one row; undo restores the previous values."""

    def __init__(
        self, model: type[SQLModel], key: Any, changes: Mapping[str, Any], label: str = ""
    ):
        self.model = model
        self.table = table_of(model)
        self.key = key
        self.changes = dict(changes)
        names = {c.name for c in self.table.columns}
        for k in self.changes:
            if k not in names:
                raise DomainError([Problem(k, "unknown_field")])
        self.before: Row | None = None
        self.after_key: Any = key  # differs from ``key`` when a primary-key column changes
        self.label = label or f"edit_{self.table.name}"

    def apply(self, s: Session) -> Change:
        if not _key_ok(self.table, self.key):
            raise _not_found(self.table, self.key)
        current = (
            s.execute(select(self.table).where(_where(self.table, self.key))).mappings().first()
        )
        if current is None:
            raise _not_found(self.table, self.key)
        merged = dict(current)
        merged.update(self.changes)
        # Normalise through the model so that types match what an insert would store.
        merged = _full_row(self.model, merged)
        validate_row(self.table.name, merged)
        self.before = {k: current[k] for k in self.changes}
        self.after_key = _key(self.table, merged)
        s.execute(
            update(self.table)
            .where(_where(self.table, self.key))
            .values(**{k: merged[k] for k in self.changes})
        )
        return self._change()

    def revert(self, s: Session) -> Change:
        assert self.before is not None, "revert before apply"
        # The row is found under its new key if the edit changed a primary-key column (a link
        # moved to another SWOT item, a setting renamed).
        s.execute(
            update(self.table).where(_where(self.table, self.after_key)).values(**self.before)
        )
        return self._change()

    def _change(self) -> Change:
        ch = Change()
        ch.add(self.table.name, self.key)
        ch.add(self.table.name, self.after_key)
        return ch


def _dependents(table: Table) -> list[tuple[Table, str, str]]:
    """(child table, child column, ondelete) for every foreign key that points at ``table``."""
    found = []
    for other in SQLModel.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is table:
                found.append((other, fk.parent.name, (fk.ondelete or "NO ACTION").upper()))
    return found


class DeleteRow(Edit):
    """Delete one row and what cascades with it; undo restores all of it with the same ids
    and puts back the references that SQLite set to NULL."""

    def __init__(self, model: type[SQLModel], key: Any, label: str = ""):
        self.model = model
        self.table = table_of(model)
        self.key = key
        self.snapshot: list[tuple[Table, Row]] = []  # parents before children
        self.nulled: list[tuple[Table, Any, str, Any]] = []  # (table, key, column, old value)
        self.label = label or f"delete_{self.table.name}"

    def _collect(self, s: Session, table: Table, key: Any) -> None:
        # A row can be reached twice (a TOWS option whose internal and external item are the
        # same row, from an import): remember it once, or the undo would insert it twice.
        if any(t is table and _key(t, r) == key for t, r in self.snapshot):
            return
        row = s.execute(select(table).where(_where(table, key))).mappings().first()
        if row is None:
            return
        self.snapshot.append((table, dict(row)))
        if len(list(table.primary_key.columns)) != 1:
            return
        for child, col, rule in _dependents(table):
            rows = s.execute(select(child).where(child.c[col] == key)).mappings().all()
            for r in rows:
                if rule == "CASCADE":
                    if child is table and _key(child, r) == key:
                        continue
                    self._collect(s, child, _key(child, r))
                elif rule == "SET NULL":
                    self.nulled.append((child, _key(child, r), col, key))

    def apply(self, s: Session) -> Change:
        self.snapshot, self.nulled = [], []
        if not _key_ok(self.table, self.key):
            raise _not_found(self.table, self.key)
        self._collect(s, self.table, self.key)
        if not self.snapshot:
            raise _not_found(self.table, self.key)
        s.execute(delete(self.table).where(_where(self.table, self.key)))
        return self._change()

    def revert(self, s: Session) -> Change:
        for table, row in self.snapshot:
            s.execute(insert(table).values(**row))
        for table, key, col, value in self.nulled:
            s.execute(update(table).where(_where(table, key)).values(**{col: value}))
        return self._change()

    def _change(self) -> Change:
        ch = Change()
        for table, row in self.snapshot:
            ch.add(table.name, _key(table, row))
        for table, key, _col, _v in self.nulled:
            ch.add(table.name, key)
        return ch


class Composite(Edit):
    """Several edits as one undo step, applied in order and reverted in reverse order."""

    def __init__(self, label: str, edits: Iterable[Edit]):
        self.label = label
        self.edits = list(edits)

    def apply(self, s: Session) -> Change:
        ch = Change()
        for e in self.edits:
            ch.merge(e.apply(s))
            s.flush()
        return ch

    def revert(self, s: Session) -> Change:
        ch = Change()
        for e in reversed(self.edits):
            ch.merge(e.revert(s))
            s.flush()
        return ch

    def committed(self) -> None:
        for e in self.edits:
            e.committed()

    def rolled_back(self) -> None:
        for e in self.edits:
            e.rolled_back()


class Deferred(Edit):
    """An edit whose parts depend on ids made by earlier parts (e.g. insert a goal, then link
    it): ``build(session, change_so_far)`` returns the inner edit on first apply; redo reuses it."""

    def __init__(self, label: str, first: Edit, build: Any):
        self.label = label
        self.first = first
        self.build = build
        self.second: Edit | None = None
        self._built_now = False  # ``second`` was built in a transaction not committed yet

    def apply(self, s: Session) -> Change:
        ch = self.first.apply(s)
        s.flush()
        if self.second is None:
            self.second = self.build(self.first)
            self._built_now = True
        return ch.merge(self.second.apply(s))

    def committed(self) -> None:
        self.first.committed()
        if self.second is not None:
            self.second.committed()
        self._built_now = False

    def rolled_back(self) -> None:
        self.first.rolled_back()
        if self.second is not None:
            self.second.rolled_back()
        if self._built_now:  # it was built from ids that are gone now
            self.second = None
            self._built_now = False

    def revert(self, s: Session) -> Change:
        assert self.second is not None
        ch = self.second.revert(s)
        s.flush()
        return ch.merge(self.first.revert(s))


def _integrity(exc: IntegrityError) -> DomainError:
    text = str(exc.orig).lower()
    if "foreign key" in text:
        return DomainError([Problem("", "unknown_reference")])
    if "unique" in text:
        col = text.rsplit(".", 1)[-1] if "." in text else ""
        return DomainError([Problem(col, "duplicate")])
    if "not null" in text:
        col = text.rsplit(".", 1)[-1] if "." in text else ""
        return DomainError([Problem(col, "required")])
    return DomainError([Problem("", "constraint", {"detail": text})])


def run(plan: PlanFile, edit: Edit) -> Change:
    """Apply ``edit`` in one transaction. On any error nothing is written, and the same
    edit object can be run again (after the disk has room again, say)."""
    try:
        with plan.transaction() as s:
            change = edit.apply(s)
    except IntegrityError as exc:
        edit.rolled_back()
        raise _integrity(exc) from exc
    except BaseException:
        edit.rolled_back()
        raise
    edit.committed()
    return change


def undo(plan: PlanFile, edit: Edit) -> Change:
    """Revert ``edit`` in one transaction."""
    try:
        with plan.transaction() as s:
            return edit.revert(s)
    except IntegrityError as exc:
        raise _integrity(exc) from exc
