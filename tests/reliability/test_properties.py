"""Bad input at every entry point: generated values for every service operation and random
damage to every importer's input either succeed with a valid result or are refused with the
operation's own error, never anything else, and a refusal writes nothing.

- ``InsertRow`` / ``UpdateRow`` on every table with generated values (plausible ones, values
  of the wrong type, out-of-range numbers, NaN, lone surrogates, huge integers, ...): success
  leaves a row that passes ``domain.rules.validation`` with SQLite storage classes matching
  the column types, and a sound file; a refusal is ``DomainError`` and the file's bytes are
  unchanged.
- JSON import of a valid exported document mutated at random (keys dropped or added, values
  replaced by junk of any type, rows duplicated, text truncated or bytes flipped): either a
  plan that opens and exports again, or ``ImportProblem``; after a refusal no file is left.
- CSV import (``services/importers.py``: sniff, parse, import_edit, run) of the sample bank
  and ad-account files damaged at random, with odd options: a valid import or the
  importer's own refusal (``CsvProblem``, ``ImportRefused``), the plan unchanged by a refusal.

The stateful machine of random edits, undos and redos lives in ``tests/unit/test_edits.py``
(``EditMachine``). The number of examples run per operation is printed at the end of the
module (and written to ``docs/reliability.md`` by hand).
"""

from __future__ import annotations

import copy
import datetime as dt
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import HEAD_EXTRA_ROWS, SAMPLE_ROWS, FileState, make_head_plan
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlmodel import SQLModel

from mktplanner.domain.errors import DomainError
from mktplanner.domain.rules.validation import validate
from mktplanner.domain.tables import ALL_TABLES
from mktplanner.services import exchange
from mktplanner.services.edits import InsertRow, UpdateRow, run
from mktplanner.store.planfile import PlanFile

EXAMPLES = 40  # per table and operation; the whole module stays well under a minute
RUNS: Counter[str] = Counter()
OUTCOMES: Counter[str] = Counter()

TABLES = {m.__tablename__: m for m in ALL_TABLES}  # type: ignore[attr-defined]


def columns(model: type[SQLModel]) -> list[Any]:
    return list(model.__table__.columns)  # type: ignore[attr-defined]


def kind(col: Any) -> str:
    t = getattr(col.type, "impl_instance", col.type)  # AutoString decorates String
    return {bool: "bool", int: "int", float: "float", dt.date: "date", str: "text"}[t.python_type]


def _python(col: Any, value: Any) -> Any:
    """A sample row's stored value as the service layer takes it."""
    k = kind(col)
    if value is None:
        return None
    if k == "date":
        return dt.date.fromisoformat(value)
    if k == "bool":
        return bool(value)
    return value


SAMPLES: dict[str, list[dict[str, Any]]] = {}
for _table, _values in SAMPLE_ROWS + HEAD_EXTRA_ROWS:
    _cols = {c.name: c for c in columns(TABLES[_table])}
    SAMPLES.setdefault(_table, []).append({k: _python(_cols[k], v) for k, v in _values.items()})

# --- value strategies ----------------------------------------------------------------------

JUNK = st.one_of(
    st.binary(max_size=8),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=1),
    st.decimals(allow_nan=False, places=2, max_value=10**6, min_value=-(10**6)),
    st.just(object()),
    st.just(dt.datetime(2025, 1, 1, 12, 0)),
    st.just(complex(1, 1)),
)
ANY_CHAR = st.characters(blacklist_categories=())  # surrogates and control characters too
TEXT = st.one_of(
    st.text(max_size=20),
    st.text(ANY_CHAR, max_size=20),
    st.builds(
        lambda c, n: c * n, st.sampled_from(["x", "я", "\x00", "\ud800"]), st.integers(0, 5000)
    ),
    st.sampled_from(["", " ", "S", "W", "O", "T", "#4C78A8", "planned", "done", "count", "weekly"]),
)
INTS = st.one_of(
    st.integers(-3, 12),
    st.integers(-(2**70), 2**70),
    st.sampled_from([2**63 - 1, -(2**63), 2**63, 10**18]),
)
FLOATS = st.one_of(st.floats(), st.integers(-(10**20), 10**20), st.sampled_from([0.0, 0.5, 1.0]))
DATES = st.one_of(
    st.dates(),
    st.dates().map(lambda d: d.isoformat()),
    st.datetimes(),
    st.sampled_from(["2025-02-30", "tomorrow", "", "2025-02-01"]),
)
# Valid-looking values of each kind: other rows, other weeks, other months.
NEAR = {
    "int": st.integers(0, 6),
    "float": st.floats(0, 200, allow_nan=False),
    "text": st.text(
        st.characters(codec="utf-8", categories=["L", "N", "Zs"]), min_size=1, max_size=12
    ),
    "bool": st.booleans(),
    "date": st.dates(dt.date(2024, 1, 1), dt.date(2026, 12, 31)).map(
        lambda d: d.replace(day=1) if d.day % 2 else d
    ),
}
BY_KIND = {
    "int": INTS,
    "float": FLOATS,
    "text": TEXT,
    "bool": st.one_of(st.booleans(), st.sampled_from([0, 1, 2, "yes"])),
    "date": DATES,
}


def plausible(table: str, col: Any) -> st.SearchStrategy[Any]:
    """A valid-looking value of the column: a sample row's, or another of the same kind."""
    pool = [r[col.name] for r in SAMPLES[table] if col.name in r]
    near = NEAR[kind(col)]
    return st.one_of(st.sampled_from(pool), near) if pool else near


def anything(table: str, col: Any) -> st.SearchStrategy[Any]:
    """Any value at all: plausible, of the right kind but out of range, None or junk."""
    return st.one_of(plausible(table, col), BY_KIND[kind(col)], st.none(), JUNK)


def changes_for(table: str, *, with_keys: bool) -> st.SearchStrategy[dict[str, Any]]:
    """1 to 4 columns; in half of the examples every value is plausible, in the other half
    any value goes."""
    cols = [
        c for c in columns(TABLES[table]) if with_keys or not (c.primary_key and c.name == "id")
    ]
    chosen = st.lists(st.sampled_from(cols), min_size=1, max_size=4, unique_by=lambda c: c.name)
    return st.one_of(
        chosen.flatmap(lambda cs: st.fixed_dictionaries({c.name: plausible(table, c) for c in cs})),
        chosen.flatmap(lambda cs: st.fixed_dictionaries({c.name: anything(table, c) for c in cs})),
    )


def new_row(table: str) -> st.SearchStrategy[dict[str, Any]]:
    """A row to insert: a sample row with some columns changed (plausibly or not), or a row
    of plausible values in every column (new weeks, months, keys: not only duplicates)."""
    base = {k: v for k, v in SAMPLES[table][-1].items() if k != "id"}
    cols = [c for c in columns(TABLES[table]) if not (c.primary_key and c.name == "id")]
    fresh = st.fixed_dictionaries(
        {c.name: st.one_of(st.just(base[c.name]), plausible(table, c)) for c in cols}
    )
    edited = changes_for(table, with_keys=False).map(lambda ch: {**base, **ch})
    return st.one_of(fresh, edited)


# --- checking what is in the file ----------------------------------------------------------

STORAGE = {
    "int": {"integer"},
    "bool": {"integer"},
    "float": {"real", "integer"},
    "text": {"text"},
    "date": {"text"},
}


def check_row_in_file(plan: PlanFile, model: type[SQLModel], key: Any) -> None:
    """The row under ``key`` is valid for the domain, and SQLite holds each value in the
    storage class of its column (no text in an integer column, no float in a date...)."""
    table = model.__table__  # type: ignore[attr-defined]
    pk = list(table.primary_key.columns)
    where = pk[0] == key if len(pk) == 1 else (pk[0] == key[0]) & (pk[1] == key[1])
    with plan.session() as s:
        row = s.execute(select(table).where(where)).mappings().one()
    assert validate(table.name, dict(row)) == [], (table.name, dict(row))
    con = sqlite3.connect(plan.path)
    try:
        names = [c.name for c in table.columns]
        cond = " AND ".join(f'"{c.name}" = ?' for c in pk)
        keys = (key,) if len(pk) == 1 else tuple(key)
        typeofs = con.execute(
            f"SELECT {', '.join(f'typeof({chr(34)}{n}{chr(34)})' for n in names)} "
            f'FROM "{table.name}" WHERE {cond}',
            keys,
        ).fetchone()
        stored = con.execute(f'SELECT * FROM "{table.name}" WHERE {cond}', keys).fetchone()
    finally:
        con.close()
    for col, storage, value in zip(table.columns, typeofs, stored, strict=True):
        if storage == "null":
            assert col.nullable, (table.name, col.name)
            continue
        assert storage in STORAGE[kind(col)], (table.name, col.name, storage, value)
        if kind(col) == "date":
            dt.date.fromisoformat(value)
        if kind(col) == "bool":
            assert value in (0, 1)
        if kind(col) == "float":
            assert math.isfinite(value)


def sound(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    finally:
        con.close()


# --- fixtures ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return make_head_plan(tmp_path_factory.mktemp("tpl") / "tpl.mktplan").read_bytes()


@pytest.fixture
def plan(template: bytes, tmp_path: Path) -> Iterator[PlanFile]:
    path = tmp_path / "fuzz.mktplan"
    path.write_bytes(template)
    p = PlanFile.open(path, backup=False)
    yield p
    p.close()


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    if tr is None:
        return
    tr.write_line("")
    tr.write_line("Hypothesis examples run per operation (ok / refused):")
    for name in sorted(RUNS):
        tr.write_line(
            f"  {name:32} {RUNS[name]:5}  ({OUTCOMES[name + ':ok']} / {OUTCOMES[name + ':refused']})"
        )
    tr.write_line(f"  {'total':32} {sum(RUNS.values()):5}")


FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)


def _attempt(plan: PlanFile, name: str, make: Any) -> Any:
    """Run the edit ``make()`` builds: success or DomainError, and a refusal writes nothing."""
    RUNS[name] += 1
    before = FileState.of(plan.path)
    try:
        edit = make()
        run(plan, edit)
    except DomainError:
        OUTCOMES[name + ":refused"] += 1
        assert FileState.of(plan.path) == before
        return None
    OUTCOMES[name + ":ok"] += 1
    return edit


# --- every table: inserts and updates --------------------------------------------------------

INSERTABLE = sorted(t for t in TABLES if t not in ("plan", "budget"))  # one row each, by design


@pytest.mark.parametrize("table", INSERTABLE)
def test_insert_with_generated_values(plan: PlanFile, table: str) -> None:
    model = TABLES[table]

    @FUZZ
    @given(values=new_row(table))
    def attempt(values: dict[str, Any]) -> None:
        edit = _attempt(plan, f"insert {table}", lambda: InsertRow(model, values))
        if edit is not None:
            check_row_in_file(plan, model, edit.key)

    attempt()
    sound(plan.path)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_update_with_generated_values(plan: PlanFile, table: str) -> None:
    model = TABLES[table]
    pk = [c.name for c in model.__table__.primary_key.columns]  # type: ignore[attr-defined]
    keys = [r[pk[0]] if len(pk) == 1 else tuple(r[c] for c in pk) for r in SAMPLES[table]]

    @FUZZ
    @given(
        which=st.integers(0, 9),
        live=st.integers(0, 100),
        other=st.one_of(INTS, JUNK),
        changes=changes_for(table, with_keys=True),
    )
    def attempt(which: int, live: int, other: Any, changes: dict[str, Any]) -> None:
        # Mostly a row in the file now (an update may change a key), sometimes anything.
        key = keys[live % len(keys)] if which < 7 else other
        edit = _attempt(plan, f"update {table}", lambda: UpdateRow(model, key, changes))
        if edit is not None:
            check_row_in_file(plan, model, edit.after_key)
            keys[keys.index(key)] = edit.after_key

    attempt()
    sound(plan.path)


# --- the JSON importer -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def document(template: bytes, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    path = tmp_path_factory.mktemp("doc") / "doc.mktplan"
    path.write_bytes(template)
    p = PlanFile.open(path, backup=False)
    try:
        return exchange.export_plan(p)
    finally:
        p.close()


def _places(doc: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield path
    if isinstance(doc, dict):
        for k, v in doc.items():
            yield from _places(v, (*path, k))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            yield from _places(v, (*path, i))


JSON_JUNK = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(ANY_CHAR.filter(lambda c: not 0xD800 <= ord(c) <= 0xDFFF), max_size=10),
        st.sampled_from(["", "2025-02-30", "2025-01-01", "S", "#FFFFFF", "planned"]),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=6,
)


@st.composite
def mutated(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    places = [p for p in _places(doc) if p]
    for _ in range(draw(st.integers(1, 3))):
        place = draw(st.sampled_from(places))
        parent: Any = doc
        try:
            for step in place[:-1]:
                parent = parent[step]
            last = place[-1]
            parent[last]  # noqa: B018 - still there after an earlier mutation?
        except (KeyError, IndexError, TypeError):
            continue
        op = draw(st.sampled_from(["drop", "replace", "add key", "duplicate", "copy value"]))
        if op == "drop":
            del parent[last]
        elif op == "replace":
            parent[last] = draw(JSON_JUNK)
        elif op == "add key" and isinstance(parent, dict):
            parent[draw(st.text(min_size=1, max_size=8))] = draw(JSON_JUNK)
        elif op == "duplicate" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        elif op == "copy value":
            other = draw(st.sampled_from(places))
            value: Any = doc
            try:
                for step in other:
                    value = value[step]
            except (KeyError, IndexError, TypeError):
                continue
            parent[last] = copy.deepcopy(value)
    return doc


def _import(src: bytes, folder: Path, name: str) -> None:
    """Import ``src``; success must give a sound plan that exports again, a refusal must
    leave nothing behind."""
    RUNS[name] += 1
    source = folder / "in.json"
    source.write_bytes(src)
    target = folder / "out.mktplan"
    try:
        plan = exchange.import_json(source, target)
    except exchange.ImportProblem as problem:
        OUTCOMES[name + ":refused"] += 1
        assert problem.problems and problem.code
        assert sorted(p.name for p in folder.iterdir()) == ["in.json"]
        return
    OUTCOMES[name + ":ok"] += 1
    try:
        again = exchange.export_plan(plan)
    finally:
        plan.close()
    sound(target)
    assert again["format"] == "mktplanner-plan"
    target.unlink()


def test_import_of_mutated_documents(document: dict[str, Any], tmp_path: Path) -> None:
    @settings(FUZZ, max_examples=2 * EXAMPLES)
    @given(doc=mutated(document))
    def attempt(doc: dict[str, Any]) -> None:
        _import(
            json.dumps(doc, ensure_ascii=False).encode("utf-8"), tmp_path, "import-json document"
        )

    attempt()


def test_import_of_damaged_json_text(document: dict[str, Any], tmp_path: Path) -> None:
    text = exchange.dumps(document).encode("utf-8")

    @settings(FUZZ, max_examples=2 * EXAMPLES)
    @given(
        cuts=st.lists(st.integers(0, len(text) - 1), max_size=3),
        flips=st.lists(st.tuples(st.integers(0, len(text) - 1), st.integers(1, 255)), max_size=4),
        end=st.integers(0, len(text)),
    )
    def attempt(cuts: list[int], flips: list[tuple[int, int]], end: int) -> None:
        data = bytearray(text)
        for pos, bits in flips:
            data[pos] ^= bits
        for pos in sorted(cuts, reverse=True):
            del data[pos : pos + 7]
        _import(bytes(data[: max(end, len(data) // 2)]), tmp_path, "import-json text")

    attempt()


# --- the defects the generated values found, pinned --------------------------------------------


@pytest.mark.parametrize(
    ("make", "code"),
    [
        (lambda: InsertRow(TABLES["goal"], {"title": "x", "position": 2**63}), "out_of_range"),
        (lambda: InsertRow(TABLES["measurement"], {"goal_id": -(2**64), "date": dt.date(2025, 1, 1),
                                                   "value": 1.0}), "out_of_range"),
        (lambda: InsertRow(TABLES["goal"], {"title": "broken \ud800 paste"}), "invalid_text"),
        (lambda: UpdateRow(TABLES["goal"], 1, {"notes": "\udfff"}), "invalid_text"),
        (lambda: UpdateRow(TABLES["goal"], 2**64, {"title": "x"}), "not_found"),
        (lambda: UpdateRow(TABLES["goal"], [], {"title": "x"}), "not_found"),
        (lambda: UpdateRow(TABLES["goal_swot"], 1, {"goal_id": 2}), "not_found"),
        (lambda: UpdateRow(TABLES["setting"], 5, {"value": "x"}), "not_found"),
    ],
    ids=["int64 overflow", "negative overflow in a reference", "lone surrogate",
         "lone surrogate on update", "key too large", "key of the wrong type",
         "one key for a two-column key", "number for a text key"],
)  # fmt: skip
def test_values_sqlite_cannot_hold_are_domain_errors(plan: PlanFile, make: Any, code: str) -> None:
    """Found by the generated values: these raised OverflowError, UnicodeEncodeError or a
    driver error (shown to the user as an I/O problem) instead of a refusal of the value."""
    before = FileState.of(plan.path)
    with pytest.raises(DomainError) as err:
        run(plan, make())
    assert err.value.first.code == code
    assert FileState.of(plan.path) == before


# --- the CSV importers (services/importers.py) ---------------------------------------------------

EXPENSES_CSV = (
    "Дата операции;Сумма;Получатель;Канал;Назначение платежа;Возврат\n"
    "03.02.2025;12 345,67;VK Ads;Соцсети;Stories;\n"
    "04.02.2025;500,00;Print shop;Наружная реклама;Banner;\n"
    "05.02.2025;-120,00;VK Ads;Соцсети;refund;да\n"
    '06.02.2025;"1 000,00";"Studio ""Nord""";Соцсети;"=1+2";\n'
)
RESULTS_CSV = (
    "channel,month,spend,impressions,clicks,leads,customers,revenue\n"
    "Соцсети,2025-02-01,1500.50,12000,340,25,9,31500\n"
    "Наружная реклама,2025-03-01,4500,5000,50,5,2,7000\n"
    "Соцсети,2025-02-01,10,100,3,1,0,0\n"
)
CSV_JUNK = st.sampled_from(
    [b";", b",", b'"', b'""', b"\n", b"\r\n", b"\r", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf",
     "я".encode("cp1251"), "€".encode(), b"=cmd|'/c calc'!A1", b"1e309", b"-0", b"99999999999999999999",
     b"31.02.2025", b"\t", b"NaN", b"  "]
)  # fmt: skip


@st.composite
def csv_bytes(draw: st.DrawFn, text: str) -> bytes:
    """The sample file, re-encoded perhaps, with junk inserted, bytes changed or cut."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1251"]))
    data = bytearray(text.encode(encoding, errors="replace"))
    for _ in range(draw(st.integers(0, 4))):
        pos = draw(st.integers(0, len(data)))
        op = draw(st.sampled_from(["insert", "flip", "cut", "duplicate line"]))
        if op == "insert":
            data[pos:pos] = draw(st.one_of(CSV_JUNK, st.binary(max_size=6)))
        elif op == "flip" and pos < len(data):
            data[pos] ^= draw(st.integers(1, 255))
        elif op == "cut":
            del data[pos : pos + draw(st.integers(1, 30))]
        else:
            lines = bytes(data).split(b"\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i])
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _csv_round(plan: PlanFile, folder: Path, data: bytes, kind: str, tweak: dict[str, Any]) -> None:
    """sniff -> parse -> import_edit -> run, as the wizard does: every step either works or
    says why with the importer's own errors; a refusal writes nothing; a success leaves valid
    rows in a sound file."""
    from mktplanner.services import importers

    name = f"csv {kind}"
    RUNS[name] += 1
    src = folder / "in.csv"
    src.write_bytes(data)
    before = FileState.of(plan.path)
    try:
        sniffed = importers.sniff(src)
        options = sniffed.options(kind)
        for key, value in tweak.items():
            setattr(options, key, value)
        parsed = importers.parse(src, options, kind, plan=plan)
        edit = importers.import_edit(plan, parsed, valid_only=True)
        run(plan, edit)
    except DomainError:  # CsvProblem, ImportRefused, a rule of a row
        OUTCOMES[name + ":refused"] += 1
        assert FileState.of(plan.path) == before
        return
    OUTCOMES[name + ":ok"] += 1
    sound(plan.path)
    table = TABLES["expense" if kind == "expenses" else "channel_result"]
    with plan.session() as s:
        for row in s.execute(select(table.__table__)).mappings():  # type: ignore[attr-defined]
            assert validate(table.__tablename__, dict(row)) == [], dict(row)  # type: ignore[attr-defined]


OPTION_TWEAKS = st.fixed_dictionaries(
    {},
    optional={
        "delimiter": st.sampled_from([";", ",", "\t", "|", "", "ab", "\n", '"']),
        "decimal": st.sampled_from([".", ",", "", ";"]),
        "date_format": st.sampled_from(["%d.%m.%Y", "%Y-%m-%d", "%Q", "", "%d"]),
        "header_row": st.integers(-2, 8),
        "encoding": st.sampled_from(["utf-8", "cp1251", "utf-16", "no-such-codec", ""]),
        "negative_refunds": st.booleans(),
        "spend_negative": st.booleans(),
        "create_channels": st.booleans(),
        "mapping": st.dictionaries(
            st.sampled_from(["date", "amount", "channel", "month", "payee", "bogus", ""]),
            st.sampled_from(["Сумма", "1", "0", "-1", "999", "Дата операции", "channel", "", "x"]),
            max_size=4,
        ),
    },
)


@pytest.mark.parametrize("kind", ["expenses", "results"])
def test_csv_import_of_damaged_files_and_odd_options(
    plan: PlanFile, tmp_path: Path, kind: str
) -> None:
    pytest.importorskip("mktplanner.services.importers")
    text = EXPENSES_CSV if kind == "expenses" else RESULTS_CSV

    @settings(FUZZ, max_examples=2 * EXAMPLES)
    @given(data=csv_bytes(text), tweak=st.one_of(st.just({}), OPTION_TWEAKS))
    def attempt(data: bytes, tweak: dict[str, Any]) -> None:
        _csv_round(plan, tmp_path, data, kind, tweak)

    attempt()
