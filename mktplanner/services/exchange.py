"""The whole plan as one JSON document (the open exchange format) and back.

``export_plan`` / ``export_json`` write every table of a plan; ``import_json`` turns such a
document into a NEW plan file. The format is described in ``docs/plan-format.md`` and
``docs/plan-format.schema.json``; the shape of each object is derived from
``domain/tables.py`` (one source of truth), with these deliberate differences:

- ``plan`` and ``budget`` are single objects without ``id`` (each file holds exactly one, id 1);
- the goal <-> SWOT links are a goal's ``swot_ids`` list instead of a table;
- a weekly plan holds its ``metrics`` and ``tasks`` (without ``weekly_plan_id``);
- ``settings`` is an object mapping each key to its text value.

Import is all or nothing. The whole document is checked first (JSON syntax, structure and
types, enums and field rules through ``domain.rules.validation``, references, uniqueness);
the first wrong place in document order is ``ImportProblem.path`` (``goals[2].deadline``).
Only then is the plan built in a hidden file beside the target and moved into place.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import os
import re
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, Date, Float, Integer, String, Table, bindparam, insert, select
from sqlalchemy import update as sql_update
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect
from sqlalchemy.types import TypeDecorator
from sqlmodel import SQLModel

from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.rules.validation import validate
from mktplanner.domain.tables import ALL_TABLES
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile, translate_os_error

FORMAT = "mktplanner-plan"
VERSION = 1
MAX_BYTES = 200 * 1024 * 1024  # a document larger than this is refused unread
MAX_DEPTH = 64  # deeper nesting than any real document has
MAX_PROBLEMS = 20  # problems collected before the check stops (the first one is what counts)
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1

JSONValue = Any
Row = dict[str, Any]


class ImportProblem(DomainError):
    """A document that cannot become a plan. ``problems`` are in document order; each
    ``Problem.field`` is a path into the document (``goals[2].deadline``, ``""`` for the
    document as a whole). Nothing has been written when this is raised."""

    @property
    def path(self) -> str:
        return self.first.field

    @property
    def code(self) -> str:
        return self.first.code

    @property
    def params(self) -> dict[str, Any]:
        return self.first.params

    @classmethod
    def one(cls, path: str, code: str, **params: Any) -> ImportProblem:
        return cls([Problem(path, code, params)])


# --- the shape of the document, derived from the tables ----------------------------------


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # integer | number | text | boolean | date
    nullable: bool
    required: bool  # must be present in the document
    default: Callable[[], Any]
    target: str | None  # the table a reference points to


@dataclass(frozen=True)
class Shape:
    """One kind of object in the document: a table, minus the columns the layout implies."""

    table: str
    columns: tuple[Column, ...]
    uniques: tuple[tuple[str, ...], ...]  # the id and the table's unique constraints
    keys: tuple[str, ...] = ()  # the object's keys in document order, nested arrays last
    allowed: frozenset[str] = frozenset()
    references: tuple[Column, ...] = ()

    def __post_init__(self) -> None:
        keys = tuple(c.name for c in self.columns) + EXTRA_KEYS.get(self.table, ())
        object.__setattr__(self, "keys", keys)
        object.__setattr__(self, "allowed", frozenset(keys))
        refs = tuple(c for c in self.columns if c.target is not None)
        object.__setattr__(self, "references", refs)


@dataclass(frozen=True)
class Section:
    key: str  # top-level key of the document
    table: str
    single: bool = False  # an object rather than an array of objects


# Top-level keys in document order (after ``format`` and ``version``).
SECTIONS: tuple[Section, ...] = (
    Section("plan", "plan", single=True),
    Section("people", "person"),
    Section("swot", "swot_item"),
    Section("tows", "tows_option"),
    Section("goals", "goal"),
    Section("measurements", "measurement"),
    Section("directions", "direction"),
    Section("channels", "channel"),
    Section("actions", "action"),
    Section("weekly_plans", "weekly_plan"),
    Section("budget", "budget", single=True),
    Section("budget_lines", "budget_line"),
    Section("expenses", "expense"),
    Section("control_points", "control_point"),
    Section("checks", "control_check"),
    Section("results", "channel_result"),
    Section("hypotheses", "hypothesis"),
    Section("settings", "setting", single=True),
    Section("finding_dismissals", "finding_dismissal"),
    Section("check_scores", "check_score"),
)
TOP_KEYS: tuple[str, ...] = ("format", "version", *(s.key for s in SECTIONS))
SECTION_OF_TABLE: dict[str, str] = {s.table: s.key for s in SECTIONS}
SECTION_OF_TABLE.update(
    {"weekly_metric": "weekly_plans[].metrics", "weekly_task": "weekly_plans[].tasks"}
)

# Columns the layout implies, so they are not keys of the objects.
_IMPLIED: dict[str, frozenset[str]] = {
    "plan": frozenset({"id"}),
    "budget": frozenset({"id"}),
    "weekly_metric": frozenset({"weekly_plan_id"}),
    "weekly_task": frozenset({"weekly_plan_id"}),
}
# Keys an object has besides its table's columns (nested arrays, in this order).
EXTRA_KEYS: dict[str, tuple[str, ...]] = {
    "goal": ("swot_ids",),
    "weekly_plan": ("metrics", "tasks"),
}
_TABLES: dict[str, type[SQLModel]] = {t.__tablename__: t for t in ALL_TABLES}  # type: ignore[misc]


def _table(name: str) -> Table:
    return _TABLES[name].__table__  # type: ignore[attr-defined,no-any-return]


def _kind(col: Any) -> str:
    t = col.type
    if isinstance(t, TypeDecorator):  # SQLModel's AutoString wraps String
        t = t.impl_instance
    if isinstance(t, Boolean):
        return "boolean"
    if isinstance(t, Integer):
        return "integer"
    if isinstance(t, Float):
        return "number"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, String):
        return "text"
    raise TypeError(f"no JSON kind for column {col}")  # a new column type needs a decision here


def _same(value: Any) -> Any:
    return value


def _shape(table_name: str) -> Shape:
    model = _TABLES[table_name]
    table = _table(table_name)
    implied = _IMPLIED.get(table_name, frozenset())
    cols = []
    for c in table.columns:
        if c.name in implied:
            continue
        info = model.model_fields[c.name]
        targets = [fk.column.table.name for fk in c.foreign_keys]
        cols.append(
            Column(
                name=c.name,
                kind=_kind(c),
                nullable=bool(c.nullable) and not c.primary_key,
                required=info.is_required() or c.name == "id",
                default=(
                    info.default_factory  # type: ignore[arg-type]
                    if info.default_factory is not None
                    else functools.partial(_same, info.default)
                ),
                target=targets[0] if targets else None,
            )
        )
    uniques: list[tuple[str, ...]] = [("id",)] if "id" not in implied and "id" in table.c else []
    for con in table.constraints:
        names = tuple(c.name for c in getattr(con, "columns", ()))
        if type(con).__name__ == "UniqueConstraint" and names not in uniques:
            uniques.append(names)
    for c in table.columns:
        if c.unique and (c.name,) not in uniques:
            uniques.append((c.name,))
    return Shape(table_name, tuple(cols), tuple(uniques))


SHAPES: dict[str, Shape] = {name: _shape(name) for name in _TABLES if name != "goal_swot"}


def document_keys() -> dict[str, tuple[str, ...]]:
    """The keys of each kind of object, in document order (for the docs and their tests)."""
    out: dict[str, tuple[str, ...]] = {"": TOP_KEYS}
    for name, shape in SHAPES.items():
        if name == "setting":
            continue
        out[name] = shape.keys
    return out


# --- export ------------------------------------------------------------------------------


def _json_value(value: Any) -> JSONValue:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _read_all(plan: PlanFile) -> dict[str, list[Row]]:
    """Every row of every table, ordered by primary key, from one read transaction."""
    out: dict[str, list[Row]] = {}
    with plan.session() as s, s.begin():
        # pysqlite starts no transaction for reads: begin one, or an edit made between two
        # tables' reads (another thread) could leave a link to a row the document lacks.
        s.connection().exec_driver_sql("BEGIN")
        for model in ALL_TABLES:
            table: Table = model.__table__  # type: ignore[attr-defined]
            order = list(table.primary_key.columns)
            result = s.execute(select(table).order_by(*order))
            out[table.name] = [dict(r._mapping) for r in result]
    return out


def _export_row(shape: Shape, row: Mapping[str, Any]) -> Row:
    return {c.name: _json_value(row[c.name]) for c in shape.columns}


def export_plan(plan: PlanFile) -> dict[str, Any]:
    """The whole plan as a JSON-ready dict (rows ordered by id, keys in document order)."""
    rows = _read_all(plan)
    if len(rows["plan"]) != 1:
        raise PlanFileError("damaged", plan.path, detail=f"{len(rows['plan'])} plan rows")
    links: dict[int, list[int]] = {}
    for link in rows["goal_swot"]:
        links.setdefault(link["goal_id"], []).append(link["swot_item_id"])
    children: dict[str, dict[int, list[Row]]] = {"weekly_metric": {}, "weekly_task": {}}
    for name, by_plan in children.items():
        for r in rows[name]:
            by_plan.setdefault(r["weekly_plan_id"], []).append(_export_row(SHAPES[name], r))

    doc: dict[str, Any] = {"format": FORMAT, "version": VERSION}
    for section in SECTIONS:
        shape = SHAPES.get(section.table)
        table_rows = rows[section.table]
        if section.table == "setting":
            doc[section.key] = {r["key"]: r["value"] for r in table_rows}
        elif section.single:
            assert shape is not None
            source = table_rows[0] if table_rows else _defaults(shape)
            doc[section.key] = _export_row(shape, source)
        else:
            assert shape is not None
            out = []
            for r in table_rows:
                obj = _export_row(shape, r)
                if section.table == "goal":
                    obj["swot_ids"] = sorted(links.get(r["id"], []))
                elif section.table == "weekly_plan":
                    obj["metrics"] = children["weekly_metric"].get(r["id"], [])
                    obj["tasks"] = children["weekly_task"].get(r["id"], [])
                out.append(obj)
            doc[section.key] = out
    return doc


def _defaults(shape: Shape) -> Row:
    return {c.name: c.default() for c in shape.columns}


def dumps(doc: Mapping[str, Any]) -> str:
    """The document's text: UTF-8 friendly, indented, keys in document order, newline at end."""
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def export_json(plan: PlanFile, out_path: Path | str) -> Path:
    """Write the plan's JSON document to ``out_path`` atomically (temp file + rename)."""
    text = dumps(export_plan(plan))
    out = Path(out_path)
    write_atomically(out, text.encode("utf-8"))
    return out


def write_atomically(dest: Path, data: bytes) -> None:
    """Write ``data`` to a new file beside ``dest``, flush it to disk, then rename it over."""
    folder = dest.parent if str(dest.parent) else Path(".")
    if dest.is_dir():
        raise PlanFileError("is_directory", dest)
    tmp = folder / f".~{dest.name}.{secrets.token_hex(6)}.tmp"
    try:
        # os.open with 0o666 lets the user's umask decide, as for any file they save.
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as exc:
        raise translate_os_error(exc, dest) from exc
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise translate_os_error(exc, dest) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


# --- reading a document ----------------------------------------------------------------


class _DupDict(dict[str, Any]):
    """A JSON object in which a key appeared more than once (the last value was kept)."""

    duplicates: list[str]


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        dup = _DupDict(d)
        seen: set[str] = set()
        dup.duplicates = []
        for k, _ in pairs:
            if k in seen and k not in dup.duplicates:
                dup.duplicates.append(k)
            seen.add(k)
        return dup
    return d


def _line_col(data: bytes, pos: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, pos) + 1
    col = pos - (data.rfind(b"\n", 0, pos) + 1) + 1
    return line, col


def parse_document(data: bytes) -> Any:
    """Bytes -> JSON value; ``ImportProblem`` (``not_json``, ``too_large``, ``too_deep``)."""
    if len(data) > MAX_BYTES:
        raise ImportProblem.one("", "too_large", size=len(data), max=MAX_BYTES)
    if data.startswith(b"\xef\xbb\xbf"):  # a BOM some editors add
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        raise ImportProblem.one("", "not_json", line=line, column=col, reason="not UTF-8") from None
    try:
        doc = json.loads(text, object_pairs_hook=_pairs)
    except json.JSONDecodeError as exc:
        raise ImportProblem.one(
            "", "not_json", line=exc.lineno, column=exc.colno, reason=exc.msg
        ) from None
    except RecursionError:
        raise ImportProblem.one("", "too_deep", max=MAX_DEPTH) from None
    except ValueError as exc:  # e.g. an integer of thousands of digits
        raise ImportProblem.one("", "not_json", line=0, column=0, reason=str(exc)[:100]) from None
    deep = _too_deep(doc)
    if deep is not None:
        raise ImportProblem.one(deep, "too_deep", max=MAX_DEPTH)
    return doc


def _too_deep(doc: Any) -> str | None:
    """The path (first three steps) to the first place nested deeper than MAX_DEPTH, or None.

    Iterative, so a hostile document cannot exhaust the stack; the quick pass keeps no paths."""
    if not isinstance(doc, dict | list):
        return None
    stack: list[tuple[Any, int]] = [(doc, 1)]
    while stack:
        node, depth = stack.pop()
        for child in node.values() if isinstance(node, dict) else node:
            if isinstance(child, dict | list):
                if depth >= MAX_DEPTH:
                    return _deep_path(doc)
                stack.append((child, depth + 1))
    return None


def _deep_path(doc: Any) -> str:
    stack: list[tuple[Any, int, tuple[str | int, ...]]] = [(doc, 1, ())]
    while stack:
        node, depth, path = stack.pop()
        if depth > MAX_DEPTH:
            return _path(*path[:3])
        items = list(node.items()) if isinstance(node, dict) else list(enumerate(node))
        for key, child in reversed(items):
            if isinstance(child, dict | list):
                stack.append((child, depth + 1, path if len(path) >= 3 else (*path, key)))
    return ""


def load_document(in_path: Path | str) -> Any:
    """Read and parse a JSON file (size-limited); PlanFileError for a file that cannot be read."""
    path = Path(in_path)
    try:
        if path.is_dir():
            raise PlanFileError("is_directory", path)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise ImportProblem.one("", "too_large", size=size, max=MAX_BYTES)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as exc:
        raise translate_os_error(exc, path) from exc
    return parse_document(data)


# --- checking a document ---------------------------------------------------------------

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _path(*steps: str | int) -> str:
    out = ""
    for s in steps:
        if isinstance(s, int):
            out += f"[{s}]"
        elif _IDENT.fullmatch(s):
            out += f".{s}" if out else s
        else:
            out += f"[{json.dumps(s, ensure_ascii=False)}]"
    return out


def _join(base: str, step: str | int) -> str:
    if isinstance(step, int):
        return f"{base}[{step}]"
    if _IDENT.fullmatch(step):
        return f"{base}.{step}" if base else step
    return f"{base}[{json.dumps(step, ensure_ascii=False)}]"


def _show(value: Any) -> Any:
    """A short, JSON-safe rendering of a wrong value for a problem's parameters."""
    if value is None or isinstance(value, bool | int | float):
        if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 10**18:
            return str(value)[:40]
        if isinstance(value, float) and not math.isfinite(value):
            return str(value)
        return value
    if isinstance(value, str):
        return value if len(value) <= 60 else value[:57] + "..."
    if isinstance(value, dict):
        return "{...}"
    if isinstance(value, list):
        return "[...]"
    return str(value)[:60]


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "array"
    return "object"


class _Full(Exception):
    """Enough problems collected."""


@dataclass
class _Sink:
    problems: list[Problem] = field(default_factory=list)

    def extend(self, items: list[Problem]) -> None:
        for p in items:
            self.problems.append(p)
            if len(self.problems) >= MAX_PROBLEMS:
                raise _Full


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _convert(col: Column, value: Any) -> tuple[Any, tuple[str, dict[str, Any]] | None]:
    """JSON value -> Python value of the column, or a (code, params) problem."""
    if value is None:
        if col.nullable:
            return None, None
        if col.required:
            return None, ("required", {})
        return None, _wrong(col, value)
    kind = col.kind
    if kind == "integer":
        if not _is_int(value):
            return None, _wrong(col, value)
        if not INT64_MIN <= value <= INT64_MAX:
            return None, (
                "out_of_range",
                {"min": INT64_MIN, "max": INT64_MAX, "value": _show(value)},
            )
        return value, None
    if kind == "number":
        if not isinstance(value, int | float) or isinstance(value, bool):
            return None, _wrong(col, value)
        try:
            number = float(value)
        except OverflowError:
            return None, ("not_a_number", {"value": _show(value)})
        if not math.isfinite(number):
            return None, ("not_a_number", {"value": _show(value)})
        return number, None
    if kind == "text":
        if not isinstance(value, str):
            return None, _wrong(col, value)
        if not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:  # a lone surrogate from a "\ud800" escape
                return None, ("invalid_text", {})
        return value, None
    if kind == "boolean":
        if not isinstance(value, bool):
            return None, _wrong(col, value)
        return value, None
    if kind == "date":
        if isinstance(value, str) and _DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value), None
            except ValueError:
                pass
        return None, ("not_a_date", {"value": _show(value)})
    raise AssertionError(kind)


def _wrong(col: Column, value: Any) -> tuple[str, dict[str, Any]]:
    if col.kind == "integer":
        return "not_an_integer", {"value": _show(value)}
    if col.kind == "date":
        return "not_a_date", {"value": _show(value)}
    return "wrong_type", {"expected": col.kind, "found": _type_name(value)}


@dataclass
class Prepared:
    """A checked document as rows ready to insert: table name -> rows (all columns)."""

    rows: dict[str, list[Row]]

    def count(self) -> int:
        return sum(len(r) for r in self.rows.values())


class _Checker:
    def __init__(self, doc: dict[str, Any]):
        self.doc = doc
        self.sink = _Sink()
        self.rows: dict[str, list[Row]] = {t: [] for t in _TABLES}
        self.ids: dict[str, set[int]] = {t: set() for t in _TABLES}
        self.seen: dict[tuple[str, tuple[str, ...]], dict[tuple[Any, ...], str]] = {}

    # The ids every reference may point to, gathered before the walk so that a reference may
    # point forward in the document (tows -> goals).
    def gather_ids(self) -> None:
        for section in SECTIONS:
            value = self.doc.get(section.key)
            if section.single or not isinstance(value, list):
                continue
            for obj in value:
                if not isinstance(obj, dict):
                    continue
                if _is_int(obj.get("id")):
                    self.ids[section.table].add(obj["id"])
                if section.table == "weekly_plan":
                    for key, table in (("metrics", "weekly_metric"), ("tasks", "weekly_task")):
                        kids = obj.get(key)
                        if isinstance(kids, list):
                            for kid in kids:
                                if isinstance(kid, dict) and _is_int(kid.get("id")):
                                    self.ids[table].add(kid["id"])

    def run(self) -> None:
        keys = list(self.doc)
        position = {k: i for i, k in enumerate(keys)}
        problems: list[tuple[int, Problem]] = []
        for key in keys:
            if key not in TOP_KEYS:
                problems.append((position[key], Problem(_path(key), "unknown_key")))
        if isinstance(self.doc, _DupDict):
            for key in self.doc.duplicates:
                problems.append((position[key], Problem(_path(key), "duplicate_key")))
        for sec in SECTIONS:
            if sec.key not in self.doc and sec.single and sec.table != "setting":
                problems.append((len(keys), Problem(_path(sec.key), "required")))
        # Top-level problems sit in the document's key order among the sections' own.
        pending = sorted(problems, key=lambda p: p[0])
        by_key = {s.key: s for s in SECTIONS}
        for key in keys:
            while pending and pending[0][0] <= position[key]:
                self.sink.extend([pending.pop(0)[1]])
            section = by_key.get(key)
            if section is None:
                continue
            self.section(section, self.doc[key])
        self.sink.extend([p for _, p in pending])

    def section(self, section: Section, value: Any) -> None:
        path = _path(section.key)
        if section.table == "setting":
            self.settings(value, path)
            return
        if section.single:
            if not isinstance(value, dict):
                self.sink.extend([Problem(path, "wrong_type", {"expected": "object"})])
                return
            self.row(SHAPES[section.table], value, path, implied={"id": 1})
            return
        if not isinstance(value, list):
            self.sink.extend([Problem(path, "wrong_type", {"expected": "array"})])
            return
        shape = SHAPES[section.table]
        for i, obj in enumerate(value):
            self.row(shape, obj, f"{path}[{i}]")

    def settings(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            self.sink.extend([Problem(path, "wrong_type", {"expected": "object"})])
            return
        dups = value.duplicates if isinstance(value, _DupDict) else []
        for key, text in value.items():
            where = _join(path, key)
            if key in dups:
                self.sink.extend([Problem(where, "duplicate_key")])
                continue
            if not isinstance(text, str):
                self.sink.extend(
                    [Problem(where, "wrong_type", {"expected": "text", "found": _type_name(text)})]
                )
                continue
            found = validate("setting", {"key": key, "value": text})
            if found:
                self.sink.extend([Problem(where, found[0].code, found[0].params)])
                continue
            self.rows["setting"].append({"key": key, "value": text})

    def row(
        self,
        shape: Shape,
        obj: Any,
        path: str,
        implied: dict[str, Any] | None = None,
    ) -> None:
        if not isinstance(obj, dict):
            self.sink.extend([Problem(path, "wrong_type", {"expected": "object"})])
            return
        found: list[tuple[str, Problem]] = []  # (the key it belongs to, the problem)
        bad: set[str] = set()
        values: Row = dict(implied) if implied else {}
        for col in shape.columns:
            name = col.name
            if name not in obj:
                if col.required:
                    found.append((name, Problem(_join(path, name), "required")))
                    bad.add(name)
                else:
                    values[name] = col.default()
                continue
            value, problem = _convert(col, obj[name])
            if problem is None:
                values[name] = value
            else:
                found.append((name, Problem(_join(path, name), *problem)))
                bad.add(name)
        if not shape.allowed.issuperset(obj):
            for key in obj:
                if key not in shape.allowed:
                    found.append((key, Problem(_join(path, key), "unknown_key")))
        if isinstance(obj, _DupDict):
            for key in obj.duplicates:
                found.append((key, Problem(_join(path, key), "duplicate_key")))

        # The field rules, on the columns that have their types (wrong ones are reported).
        checked = {k: v for k, v in values.items() if k not in bad} if bad else values
        for p in validate(shape.table, checked):
            if p.field in bad or (p.code == "required" and p.field not in checked):
                continue
            bad.add(p.field)
            found.append((p.field, Problem(_join(path, p.field), p.code, p.params)))

        # References and uniqueness.
        for col in shape.references:
            ref = values.get(col.name)
            if ref is not None and col.name not in bad and ref not in self.ids[col.target or ""]:
                params = {"id": ref, "target": SECTION_OF_TABLE[col.target or ""]}
                found.append(
                    (col.name, Problem(_join(path, col.name), "dangling_reference", params))
                )
                bad.add(col.name)
        for names in shape.uniques:
            key = tuple(values.get(n) for n in names)
            if None in key or (bad and not bad.isdisjoint(names)):
                continue  # SQLite lets NULLs repeat in a unique constraint
            seen = self.seen.setdefault((shape.table, names), {})
            first = seen.setdefault(key, path)
            if first is not path:
                found.append(
                    (names[-1], Problem(_join(path, names[-1]), "duplicate", {"first": first}))
                )

        # Nested arrays are walked at their own key's place in the object.
        nested: list[tuple[str, Callable[[], None]]] = []
        if shape.table == "goal" and "swot_ids" in obj:
            nested.append(
                ("swot_ids", functools.partial(self.swot_ids, obj["swot_ids"], path, values))
            )
        elif shape.table == "weekly_plan":
            for key, table in (("metrics", "weekly_metric"), ("tasks", "weekly_task")):
                if key in obj:
                    walk = functools.partial(
                        self.children, SHAPES[table], obj[key], _join(path, key), values.get("id")
                    )
                    nested.append((key, walk))
        if not found:
            for _, step in nested:
                step()
            self.rows[shape.table].append(values)
            return
        # Problems in the order of the object's keys (a missing key counts as the last).
        position = {k: i for i, k in enumerate(obj)}
        end = len(position)
        items: list[tuple[int, int, Problem | Callable[[], None]]] = [
            (position.get(k, end), 0, p) for k, p in found
        ]
        items += [(position[k], 1, step) for k, step in nested]
        items.sort(key=lambda item: (item[0], item[1]))
        for _, _, item in items:
            if isinstance(item, Problem):
                self.sink.extend([item])
            else:
                item()

    def swot_ids(self, value: Any, path: str, goal: Row) -> None:
        where = _join(path, "swot_ids")
        if not isinstance(value, list):
            self.sink.extend([Problem(where, "wrong_type", {"expected": "array"})])
            return
        seen: dict[int, str] = {}
        for i, ref in enumerate(value):
            at = f"{where}[{i}]"
            if not _is_int(ref):
                self.sink.extend([Problem(at, "not_an_integer", {"value": _show(ref)})])
            elif ref not in self.ids["swot_item"]:
                self.sink.extend([Problem(at, "dangling_reference", {"id": ref, "target": "swot"})])
            elif ref in seen:
                self.sink.extend([Problem(at, "duplicate", {"first": seen[ref]})])
            else:
                seen[ref] = at
                if _is_int(goal.get("id")):
                    self.rows["goal_swot"].append({"goal_id": goal["id"], "swot_item_id": ref})

    def children(self, shape: Shape, value: Any, path: str, parent_id: Any) -> None:
        if not isinstance(value, list):
            self.sink.extend([Problem(path, "wrong_type", {"expected": "array"})])
            return
        for i, obj in enumerate(value):
            # A weekly plan with a wrong id is reported already; 0 keeps its children checkable.
            parent = parent_id if _is_int(parent_id) else 0
            self.row(shape, obj, f"{path}[{i}]", implied={"weekly_plan_id": parent})


def check_document(doc: Any) -> Prepared:
    """Check a parsed document completely; the rows to insert, or ``ImportProblem``."""
    if not isinstance(doc, dict):
        raise ImportProblem.one("", "not_a_plan_document", found=_type_name(doc))
    if doc.get("format") != FORMAT:
        raise ImportProblem.one("format", "not_a_plan_document", value=_show(doc.get("format")))
    version = doc.get("version")
    if "version" not in doc:
        raise ImportProblem.one("version", "required")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportProblem.one("version", "not_an_integer", value=_show(version))
    if version > VERSION:
        raise ImportProblem.one("version", "newer_format", version=version, supported=VERSION)
    if version < 1:
        raise ImportProblem.one("version", "out_of_range", min=1, max=VERSION, value=version)
    checker = _Checker(doc)
    checker.gather_ids()
    try:
        checker.run()
    except _Full:
        pass
    if checker.sink.problems:
        raise ImportProblem(checker.sink.problems)
    return Prepared(checker.rows)


# --- writing the new plan --------------------------------------------------------------


def _insert_all(plan: PlanFile, prepared: Prepared) -> None:
    """All rows in one transaction, parents before children (the tables' order).

    The rows are checked already, so they go to SQLite's executemany directly: the ORM's
    per-row bookkeeping would make a 100 000-goal document take many times longer."""
    dialect = sqlite_dialect(paramstyle="qmark")
    with plan.transaction() as s:
        con = s.connection()
        for model in ALL_TABLES:
            table: Table = model.__table__  # type: ignore[attr-defined]
            rows = prepared.rows[table.name]
            if not rows:
                continue
            names = [c.name for c in table.columns]
            later: list[tuple[Any, Any]] = []
            if table.name == "person":
                # A manager may come later in the list (or managers may form a ring): insert
                # everyone first, then set the links.
                later = [(r["manager_id"], r["id"]) for r in rows if r["manager_id"] is not None]
                rows = [{**r, "manager_id": None} for r in rows]
            sql = str(insert(table).compile(dialect=dialect))
            con.exec_driver_sql(sql, [tuple(_db_value(r[n]) for n in names) for r in rows])
            if later:
                stmt = sql_update(table).where(table.c.id == bindparam("pid"))
                sql = str(stmt.values(manager_id=bindparam("mid")).compile(dialect=dialect))
                con.exec_driver_sql(sql, later)


def _db_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def _forget_backups(path: Path) -> None:
    """Opening the hidden staging file made a rolling backup of it; it is no plan of the user's."""
    from mktplanner.store.backup import folder_for, list_backups

    for b in list_backups(path):
        b.path.unlink(missing_ok=True)
    try:
        folder_for(path).rmdir()
    except OSError:
        pass


def import_document(doc: Any, out_path: Path | str, *, force: bool = False) -> PlanFile:
    """Make a new plan file at ``out_path`` from a parsed document (see ``import_json``)."""
    out = Path(out_path)
    _check_target(out, force)
    prepared = check_document(doc)
    folder = out.parent if str(out.parent) else Path(".")
    staging = folder / f".~import.{secrets.token_hex(6)}{out.suffix or '.mktplan'}"
    staged: PlanFile | None = None
    try:
        staged = PlanFile.create(staging, [])
        _insert_all(staged, prepared)
        staged.close()
        staged = None
        _check_target(out, force)
        lock = None
        if out.exists():
            from mktplanner.store.lock import PlanLock

            lock = PlanLock(out.resolve())
            if not lock.acquire():
                holder = lock.holder.describe() if lock.holder else ""
                raise PlanFileError("locked", out, holder=holder)
        try:
            os.replace(staging, out)
        except OSError as exc:
            raise translate_os_error(exc, out) from exc
        finally:
            if lock is not None:
                lock.release()
    finally:
        if staged is not None:
            staged.close()
        staging.unlink(missing_ok=True)
        Path(f"{staging}-journal").unlink(missing_ok=True)
        _forget_backups(staging)
    return PlanFile.open(out)


def _check_target(out: Path, force: bool) -> None:
    if out.is_dir():
        raise PlanFileError("is_directory", out)
    if out.exists() and not force:
        raise PlanFileError("exists", out)


def import_json(in_path: Path | str, out_path: Path | str, *, force: bool = False) -> PlanFile:
    """Make a NEW plan file at ``out_path`` from the JSON document ``in_path``; it is returned open.

    Refuses an existing ``out_path`` unless ``force`` (``PlanFileError("exists")``); with force
    the old file is replaced only after the new one is complete, and not while another
    instance holds it (``locked``). A bad document raises ``ImportProblem`` naming the first
    wrong place; a failed import writes nothing and leaves no file behind.
    """
    out = Path(out_path)
    _check_target(out, force)
    return import_document(load_document(in_path), out, force=force)
