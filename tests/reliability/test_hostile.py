"""Damaged, foreign and hostile files: nothing lost, nothing let in.

1. Every damaged or foreign file (empty, text, PNG, another app's SQLite, truncated at
   several offsets, flipped bytes in b-tree pages, newer schema, missing table) and every
   hostile plan (a trigger, a view, an extra table or index, a virtual table) is refused by
   the command line (``info``, ``summary``, ``export``) with one sentence on stderr and exit
   code 2, no traceback, the file's bytes unchanged and nothing new beside it. A damaged plan
   comes back from its backup.
2. A plan's schema may hold only what our migrations create (``migrate.unexpected_schema``,
   checked by ``inspect`` before anything runs on the file): SQLite runs a file's triggers on
   every edit, and ``trusted_schema=OFF`` stops only *unsafe* functions inside them. Both
   layers are tested: the refusal, and the pragma on a trigger slipped in after opening.
3. Huge values: a 10 MB text in a plan opens, summarises and exports with bounded memory
   (measured in a child process); hostile JSON documents (10 MB text, NaN, 1e999, huge
   integers, 200 000 unknown keys, half a million junk rows) are refused quickly. Deep
   nesting and 100 000 goals are tested in ``tests/unit/test_exchange.py``.
4. No code from data: no ``eval``/``exec``/``pickle``/``marshal``/``shelve``/``yaml.load``/
   ``os.system``/``shell=True``/SQLite extension loading anywhere in ``mktplanner/``.

The store-level refusals of damaged files are in ``tests/unit/test_store.py``.
"""

from __future__ import annotations

import ast
import hashlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from fixtures.planfiles import FileState, dump, make_head_plan, make_v1_plan

import mktplanner
from mktplanner.cli import main
from mktplanner.domain.tables import Goal
from mktplanner.services import exchange
from mktplanner.services.edits import InsertRow, run
from mktplanner.services.plans import open_plan
from mktplanner.store import backup as backups
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile, inspect

PAGE = 4096
TALLY: Counter[str] = Counter()

# --- the files -------------------------------------------------------------------------------


_HEAD: list[bytes] = []


def _plan_bytes(tmp: Path) -> bytes:
    """The bytes of the sample plan at the newest version (made once per session)."""
    if not _HEAD:
        src = make_head_plan(tmp / ".source.mktplan")
        _HEAD.append(src.read_bytes())
        src.unlink()
    return _HEAD[0]


def _png() -> bytes:
    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + body))
        return struct.pack(">I", len(body)) + kind + body + crc

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IEND", b"") + b"\0" * 200


def _sql(path: Path, *statements: str) -> None:
    con = sqlite3.connect(path)
    for s in statements:
        con.execute(s)
    con.commit()
    con.close()


def _truncated(at: Callable[[int], int]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = _plan_bytes(path.parent)
        path.write_bytes(data[: at(len(data))])

    return make


def _flipped(page: Callable[[int], int]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        data = bytearray(_plan_bytes(path.parent))
        index = page(len(data) // PAGE)
        start = index * PAGE + (100 if index == 0 else 0)  # page 1 starts after the header
        for i in range(8):  # the page's b-tree header
            data[start + i] ^= 0xFF
        path.write_bytes(bytes(data))

    return make


def _head_with(*statements: str) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        path.write_bytes(_plan_bytes(path.parent))
        _sql(path, *statements)

    return make


DAMAGED: dict[str, tuple[Callable[[Path], None], str]] = {
    "zero bytes": (lambda p: p.write_bytes(b""), "not_sqlite"),
    "text file": (lambda p: p.write_text("Plan for Monday\n" * 50, encoding="utf-8"), "not_sqlite"),
    "PNG renamed .mktplan": (lambda p: p.write_bytes(_png()), "not_sqlite"),
    "SQLite file of another app": (
        lambda p: _sql(p, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)"),
        "foreign",
    ),
    "truncated at 50 bytes": (_truncated(lambda n: 50), "not_sqlite"),
    "truncated after the header": (_truncated(lambda n: 100), "damaged"),
    "truncated at one page": (_truncated(lambda n: PAGE), "damaged"),
    "truncated at half": (_truncated(lambda n: n // PAGE // 2 * PAGE), "damaged"),
    "truncated by one page": (_truncated(lambda n: n - PAGE), "damaged"),
    "truncated mid-page": (_truncated(lambda n: n - PAGE // 2), "damaged"),
    "flipped bytes on page 1": (_flipped(lambda n: 0), "damaged"),
    "flipped bytes on page 6": (_flipped(lambda n: 5), "damaged"),
    "flipped bytes on page 13": (_flipped(lambda n: 12), "damaged"),
    "flipped bytes on the last page": (_flipped(lambda n: n - 1), "damaged"),
    "newer schema version": (_head_with("PRAGMA user_version=999"), "newer"),
    "missing table": (_head_with("DROP TABLE measurement"), "damaged"),
}

MARKER = "INSERT INTO setting (key, value) VALUES ('hostile', 'ran')"
HOSTILE: dict[str, tuple[Callable[[Path], None], str]] = {
    "trigger on insert into goal": (
        _head_with(f"CREATE TRIGGER spy AFTER INSERT ON goal BEGIN {MARKER}; END"),
        "trigger spy",
    ),
    "trigger that wipes expenses": (
        _head_with("CREATE TRIGGER wipe AFTER UPDATE ON goal BEGIN DELETE FROM expense; END"),
        "trigger wipe",
    ),
    "trigger with an unsafe function": (
        _head_with(
            "CREATE TRIGGER tok BEFORE DELETE ON goal BEGIN "
            "SELECT fts3_tokenizer('simple', x'4141414141414141'); END"
        ),
        "trigger tok",
    ),
    "view calling functions": (
        _head_with("CREATE VIEW v_goal AS SELECT randomblob(1000000000) AS b, title FROM goal"),
        "view v_goal",
    ),
    "view in place of a table": (
        _head_with(
            "DROP TABLE check_score",
            "CREATE VIEW check_score AS SELECT 1 AS id, '' AS at, 0 AS passed, 0 AS total",
        ),
        "view check_score",
    ),
    "extra table": (_head_with("CREATE TABLE exfil (data BLOB)"), "table exfil"),
    "extra expression index": (
        _head_with("CREATE INDEX ix_spy ON goal (length(notes) * 2)"),
        "index ix_spy",
    ),
    "virtual table": (
        _head_with("CREATE VIRTUAL TABLE notes_fts USING fts4(body)"),
        "virtual table notes_fts",
    ),
    "first-version plan with a trigger": (
        lambda p: (
            make_v1_plan(p),
            _sql(p, "CREATE TRIGGER old_spy AFTER INSERT ON goal BEGIN DELETE FROM plan; END"),
        ),
        "trigger old_spy",
    ),
}

ALL_BAD = {**{k: v[1] for k, v in DAMAGED.items()}, **{k: "damaged" for k in HOSTILE}}


def make_bad(case: str, path: Path) -> None:
    (DAMAGED[case][0] if case in DAMAGED else HOSTILE[case][0])(path)


WORDS = {
    "not_sqlite": "is not a plan file",
    "foreign": "is an SQLite database but not a mktplanner plan",
    "newer": "was made by a newer version of mktplanner",
    "damaged": "is damaged and cannot be used",
}


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


# --- 1. the command line refuses them all, in one sentence, touching nothing ----------------------


@pytest.mark.parametrize("command", ["info", "summary", "export"])
@pytest.mark.parametrize("case", list(ALL_BAD))
def test_the_command_line_refuses_bad_files_in_one_sentence(
    case: str, command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    path = folder / "client.mktplan"
    make_bad(case, path)
    before = folder_state(folder)
    argv = {
        "info": ["info", str(path)],
        "summary": ["summary", str(path), "--json"],
        "export": ["export", str(path), "--json", str(folder / "client.json")],
    }[command]
    TALLY["cli tried"] += 1
    code = main(argv)
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert (code, out) == (2, ""), err
    assert len(lines) == 1 and "Traceback" not in err
    assert lines[0].startswith("mktplanner: ") and lines[0].endswith(".")
    assert WORDS[ALL_BAD[case]] in lines[0], lines[0]
    if case in HOSTILE:
        assert HOSTILE[case][1] in lines[0]  # says what was found
    assert folder_state(folder) == before  # bytes unchanged, no lock, journal or export
    TALLY["cli refused untouched"] += 1


@pytest.mark.parametrize("case", ["trigger on insert into goal"])
def test_a_real_process_says_one_sentence_too(case: str, tmp_path: Path) -> None:
    path = tmp_path / "client.mktplan"
    make_bad(case, path)
    before = FileState.of(path)
    env = {**os.environ, "PYTHONPATH": str(Path(mktplanner.__file__).resolve().parents[1])}
    done = subprocess.run(
        [sys.executable, "-m", "mktplanner", "summary", str(path)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and "Traceback" not in done.stderr
    assert FileState.of(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["client.mktplan"]


@pytest.mark.parametrize("case", list(HOSTILE))
def test_hostile_plans_are_refused_before_anything_runs(case: str, tmp_path: Path) -> None:
    path = tmp_path / "gift.mktplan"
    make_bad(case, path)
    before = FileState.of(path)
    TALLY["store tried"] += 1
    for attempt in (
        lambda: inspect(path),
        lambda: open_plan(path),
        lambda: PlanFile.open(path, read_only=True),
    ):
        with pytest.raises(PlanFileError) as err:
            attempt()
        assert err.value.code == "damaged"
        assert HOSTILE[case][1] in err.value.params["detail"]
    assert FileState.of(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["gift.mktplan"]
    TALLY["store refused untouched"] += 1


def test_a_hostile_backup_is_not_restored(tmp_path: Path) -> None:
    plan_path = make_head_plan(tmp_path / "cafe.mktplan")
    gift = tmp_path / "backup-from-a-stranger.mktplan"
    HOSTILE["trigger on insert into goal"][0](gift)
    before = FileState.of(plan_path)
    with pytest.raises(PlanFileError) as err:
        backups.restore_backup(gift, plan_path)
    assert err.value.code == "damaged"
    assert FileState.of(plan_path) == before


def test_our_own_plans_hold_nothing_unexpected(tmp_path: Path) -> None:
    """The guard does not refuse what we make: a new plan, the demo, a first-version plan
    (before and after its migration), an imported plan."""
    from mktplanner.services.demo import build_demo
    from mktplanner.services.plans import new_plan
    from mktplanner.store.migrate import unexpected_schema

    made = [
        new_plan(tmp_path / "new.mktplan", name="New").path,
        build_demo(tmp_path / "demo.mktplan", "en").path,
        make_v1_plan(tmp_path / "v1.mktplan"),
    ]
    for path in made:
        con = sqlite3.connect(path)
        try:
            assert unexpected_schema(lambda sql, c=con: c.execute(sql).fetchall()) == []
        finally:
            con.close()
        inspect(path)
    open_plan(made[-1]).close()  # migrated
    inspect(made[-1])


# --- 2. trusted_schema=OFF, the second layer ------------------------------------------------------


def test_trusted_schema_off_stops_a_trigger_added_after_opening(tmp_path: Path) -> None:
    """A trigger that appears while the plan is open (written by another program) is not
    caught by the check at opening. Every connection of ours has trusted_schema=OFF, so a
    trigger that reaches for a virtual table (or a function of the application) fails and
    takes the edit with it; a plain connection would have run it."""
    path = make_head_plan(tmp_path / "cafe.mktplan")
    plan = PlanFile.open(path, backup=False)
    try:
        with plan.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA trusted_schema").scalar() == 0
        _sql(
            path,
            "CREATE VIRTUAL TABLE loot USING fts4(body)",
            "CREATE TRIGGER grab AFTER INSERT ON goal BEGIN "
            f"INSERT INTO loot VALUES (new.notes); {MARKER}; END",
        )
        start = dump(path)
        with pytest.raises(PlanFileError) as err:
            run(plan, InsertRow(Goal, {"title": "x", "notes": "the client's secret"}))
        assert 'unsafe use of virtual table "loot"' in err.value.params["detail"]
        assert dump(path) == start
    finally:
        plan.close()
    con = sqlite3.connect(path)  # trusted_schema is ON by default
    try:
        con.execute(
            "INSERT INTO goal (title, metric, unit, notes, position) VALUES ('x','','','s',0)"
        )
        assert con.execute("SELECT value FROM setting WHERE key='hostile'").fetchone() == ("ran",)
    finally:
        con.rollback()
        con.close()
    with pytest.raises(PlanFileError) as refused:  # and the next opening refuses the file
        open_plan(path)
    assert "virtual table loot" in refused.value.params["detail"]


# --- 3. huge values ------------------------------------------------------------------------------

# The child's own peak: on Linux ru_maxrss survives exec (the child would report pytest's
# peak), so the memory's high-water mark of the process image is read from /proc first.
_MEASURE = r"""
import contextlib, io, json, resource, sys
from mktplanner.cli import main

def peak_kb():
    try:
        with open("/proc/self/status") as f:
            return int(next(l for l in f if l.startswith("VmHWM:")).split()[1])
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

codes = []
for argv in json.loads(sys.argv[1]):
    with contextlib.redirect_stdout(io.StringIO()):
        codes.append(main(argv))
print(json.dumps({"codes": codes, "peak_kb": peak_kb()}))
"""


def _peak_kb(path: Path, out: Path, data_dir: Path) -> dict[str, Any]:
    argv = [
        ["info", str(path)],
        ["summary", str(path), "--json"],
        ["summary", str(path)],
        ["export", str(path), "--json", str(out)],
    ]
    env = {
        **os.environ,
        "MKTPLANNER_DATA_DIR": str(data_dir),
        "PYTHONPATH": str(Path(mktplanner.__file__).resolve().parents[1]),
    }
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, json.dumps(argv)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def test_a_10_mb_text_opens_summarises_and_exports_in_bounded_memory(
    tmp_path: Path, user_data_dir: Path
) -> None:
    small = make_head_plan(tmp_path / "small.mktplan")
    big = make_head_plan(tmp_path / "big.mktplan")
    huge = "Заметка " * (10_000_000 // 8)  # 10 M characters, ~18 MB of UTF-8
    con = sqlite3.connect(big)
    con.execute("UPDATE goal SET notes = ? WHERE id = 1", (huge,))
    con.commit()
    con.close()
    before = FileState.of(big)
    base = _peak_kb(small, tmp_path / "small.json", user_data_dir)
    heavy = _peak_kb(big, tmp_path / "big.json", user_data_dir)
    assert base["codes"] == heavy["codes"] == [0, 0, 0, 0]
    growth_mb = (heavy["peak_kb"] - base["peak_kb"]) / 1024
    TALLY["10 MB text: extra peak memory (MB)"] = round(growth_mb)
    assert growth_mb < 200, f"{growth_mb:.0f} MB more for one 10 M-character text"
    assert FileState.of(big) == before
    doc = json.loads((tmp_path / "big.json").read_text(encoding="utf-8"))
    assert doc["goals"][0]["notes"] == huge
    # ...and such a text does not come back in through an import: it breaks the field's limit
    with pytest.raises(exchange.ImportProblem) as err:
        exchange.import_json(tmp_path / "big.json", tmp_path / "again.mktplan")
    assert (err.value.path, err.value.code) == ("goals[0].notes", "too_long")
    assert not (tmp_path / "again.mktplan").exists()


def _doc(**goal: Any) -> str:
    return json.dumps(
        {
            "format": "mktplanner-plan",
            "version": 1,
            "plan": {"name": "X"},
            "budget": {},
            "goals": [{"id": 1, "title": "g", "baseline": 1.0, "target": 2.0, **goal}],
        }
    )


HOSTILE_JSON: dict[str, tuple[Callable[[], str], str, str]] = {
    "NaN": (lambda: _doc().replace('"baseline": 1.0', '"baseline": NaN'), "goals[0].baseline", "not_a_number"),
    "1e999": (lambda: _doc().replace('"baseline": 1.0', '"baseline": 1e999'), "goals[0].baseline", "not_a_number"),
    "-Infinity": (lambda: _doc().replace('"target": 2.0', '"target": -Infinity'), "goals[0].target", "not_a_number"),
    "integer of 5000 digits": (lambda: _doc().replace('"baseline": 1.0', '"baseline": 1' + "0" * 5000), "", "not_json"),
    "10 MB text": (lambda: _doc(notes="x" * 10_000_000), "goals[0].notes", "too_long"),
    "lone surrogate": (lambda: _doc(notes="\ud800"), "goals[0].notes", "invalid_text"),
    "200 000 unknown keys": (
        lambda: json.dumps({"format": "mktplanner-plan", "version": 1, "plan": {"name": "X"},
                            "junk": {f"k{i}": i for i in range(200_000)}}),
        "junk", "unknown_key",
    ),
    "half a million junk rows": (
        lambda: json.dumps({"format": "mktplanner-plan", "version": 1, "plan": {"name": "X"},
                            "budget": {}, "goals": [1] * 500_000}),
        "goals[0]", "wrong_type",
    ),
    "version 1e400": (lambda: '{"format": "mktplanner-plan", "version": 1e400}', "version", "not_an_integer"),
}  # fmt: skip


@pytest.mark.parametrize("case", list(HOSTILE_JSON))
def test_hostile_json_documents_are_refused_quickly(case: str, tmp_path: Path) -> None:
    import time

    make, where, code = HOSTILE_JSON[case]
    src = tmp_path / "in.json"
    src.write_text(make(), encoding="utf-8", errors="surrogatepass")
    started = time.perf_counter()
    TALLY["json tried"] += 1
    with pytest.raises(exchange.ImportProblem) as err:
        exchange.import_json(src, tmp_path / "out.mktplan")
    assert time.perf_counter() - started < 10
    assert (err.value.path, err.value.code) == (where, code)
    assert [p.name for p in tmp_path.iterdir()] == ["in.json"]
    TALLY["json refused, nothing written"] += 1


# --- 4. no code from data ----------------------------------------------------------------------

BANNED_CALLS = {"eval", "exec", "compile", "__import__", "breakpoint", "input"}
BANNED_MODULES = {"pickle", "cPickle", "_pickle", "dill", "cloudpickle", "marshal", "shelve",
                  "jsonpickle", "yaml", "ctypes"}  # fmt: skip
BANNED_ATTRS = {
    ("os", "system"),
    ("os", "popen"),
    ("os", "execv"),
    ("os", "execvp"),
    ("os", "spawnv"),
    ("pickle", "loads"),
    ("pickle", "load"),
    ("marshal", "loads"),
    ("yaml", "load"),
    ("yaml", "unsafe_load"),
    ("shelve", "open"),
}


def _violations(tree: ast.AST) -> Iterator[tuple[int, str]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in BANNED_MODULES:
                    yield node.lineno, f"import {alias.name}"
        elif isinstance(node, ast.ImportFrom):
            if (node.module or "").split(".")[0] in BANNED_MODULES:
                yield node.lineno, f"from {node.module} import"
        elif isinstance(node, ast.Call):
            f = node.func
            if isinstance(f, ast.Name) and f.id in BANNED_CALLS:
                yield node.lineno, f"{f.id}()"
            if isinstance(f, ast.Attribute):
                if f.attr in ("enable_load_extension", "load_extension"):
                    yield node.lineno, f".{f.attr}()"
                if isinstance(f.value, ast.Name) and (f.value.id, f.attr) in BANNED_ATTRS:
                    yield node.lineno, f"{f.value.id}.{f.attr}()"
            for kw in node.keywords:
                if kw.arg == "shell" and not (
                    isinstance(kw.value, ast.Constant) and kw.value.value is False
                ):
                    yield node.lineno, "shell=True"


def test_no_code_is_ever_made_from_data() -> None:
    root = Path(mktplanner.__file__).parent
    files = sorted(root.rglob("*.py"))
    assert len(files) > 30
    found = [
        f"{path.relative_to(root.parent)}:{line}: {what}"
        for path in files
        for line, what in _violations(ast.parse(path.read_text(encoding="utf-8"), str(path)))
    ]
    assert found == []


def test_the_scan_would_see_them() -> None:
    sample = (
        "import pickle\nfrom marshal import loads\nimport yaml\neval('1')\nexec('x=1')\n"
        "os.system('ls')\nsubprocess.run('ls', shell=True)\ncon.enable_load_extension(True)\n"
        "__import__('os')\nqt_dialog.exec()\nre.compile('x')\n"
    )
    found = [what for _line, what in _violations(ast.parse(sample))]
    assert found == [
        "import pickle",
        "from marshal import",
        "import yaml",
        "eval()",
        "exec()",
        "os.system()",
        "shell=True",
        ".enable_load_extension()",
        "__import__()",
    ]


# --- a damaged plan comes back from its backup ---------------------------------------------------


def test_a_damaged_plan_is_restored_from_its_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = make_head_plan(tmp_path / "cafe.mktplan")
    plan = open_plan(path)  # the rolling backup of the plan as it was opened
    plan.close()
    good = dump(path)
    DAMAGED["flipped bytes on page 6"][0](path)
    damaged_bytes = path.read_bytes()
    assert main(["info", str(path)]) == 2
    assert "is damaged" in capsys.readouterr().err
    found = backups.list_backups(path)
    assert len(found) == 1
    kept = backups.restore_backup(found[0].path, path)
    assert kept is not None and kept.read_bytes() == damaged_bytes  # nothing is thrown away
    assert dump(path) == good
    assert main(["info", str(path)]) == 0
    capsys.readouterr()
    plan = open_plan(path)
    try:
        run(plan, InsertRow(Goal, {"title": "back at work"}))
    finally:
        plan.close()


# --- the GUI's dialog, for a hostile file ------------------------------------------------------------


def test_the_window_shows_one_dialog_for_a_hostile_plan(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("PySide6.QtWidgets")
    from mktplanner.ui import app as app_mod
    from mktplanner.ui import dialogs
    from mktplanner.ui.main_window import MainWindow

    app_mod.application()
    app_mod.install_translator("en")
    shown: list[tuple[str, str, list[str]]] = []

    def message(_parent: Any, kind: str, _title: str, text: str, informative: str = "",
                buttons: Any = ("ok",), extra: Any = ()) -> str:  # fmt: skip
        shown.append((kind, text + "\n" + informative, [k for k, _ in extra]))
        return "ok"

    monkeypatch.setattr(dialogs, "message", message)
    path = tmp_path / "gift.mktplan"
    HOSTILE["trigger on insert into goal"][0](path)
    before = FileState.of(path)
    win = MainWindow("en")
    qtbot.addWidget(win)
    assert not win.open_path(path)
    assert len(shown) == 1
    kind, text, extra = shown[0]
    assert kind == "error" and "damaged" in text and "Traceback" not in text
    assert extra == ["restore"]
    assert win.doc is None
    assert FileState.of(path) == before


@pytest.fixture(scope="module", autouse=True)
def report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    tr = request.config.pluginmanager.get_plugin("terminalreporter")
    if tr is not None and TALLY:
        tr.write_line("")
        for k, v in TALLY.items():
            tr.write_line(f"  {k}: {v}")
