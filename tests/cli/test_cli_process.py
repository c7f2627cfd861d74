"""The command line as a separate process: exit codes, no traceback, a sound file on disk,
and no Qt or matplotlib loaded by the commands that do not draw."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def mktplanner(*argv: str, cwd: Path, timeout: float = 90) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    return subprocess.run(
        [sys.executable, "-m", "mktplanner", *argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_demo_file_seen_by_sqlite(tmp_path: Path) -> None:
    done = mktplanner("demo", "demo.mktplan", "--lang", "en", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, "")
    path = tmp_path / "demo.mktplan"
    sql = "PRAGMA application_id; PRAGMA integrity_check; PRAGMA foreign_key_check;"
    sqlite = shutil.which("sqlite3")
    if sqlite:
        out = subprocess.run([sqlite, str(path), sql], capture_output=True, text=True, check=True)
        assert out.stdout.split() == ["1296782416", "ok"]
    else:  # the module, which every Python has
        import sqlite3

        con = sqlite3.connect(path)
        assert con.execute("PRAGMA application_id").fetchone()[0] == 1296782416
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        con.close()


@pytest.mark.parametrize(
    ("argv", "code", "words"),
    [
        (["summary", "missing.mktplan", "--json"], 2, "does not exist"),
        (["summary"], 2, "Wrong command line"),
        (["new", "existing.mktplan", "--name", "X"], 2, "already exists"),
        (["import-json", "broken.json", "out.mktplan"], 2, "not a valid plan at"),
        (["info", "."], 2, "is a folder"),
    ],
)
def test_failures_exit_with_one_sentence(
    tmp_path: Path, argv: list[str], code: int, words: str
) -> None:
    (tmp_path / "existing.mktplan").write_bytes(b"")
    (tmp_path / "broken.json").write_text("[1, 2", encoding="utf-8")
    done = mktplanner(*argv, cwd=tmp_path)
    assert done.returncode == code
    assert done.stdout == ""
    assert "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and words in lines[0], done.stderr
    assert not (tmp_path / "out.mktplan").exists()


_PROBE = """
import json, sys
from mktplanner.cli import main
light = not any(m.startswith(("sqlalchemy", "sqlmodel")) for m in sys.modules)
codes = [main(argv) for argv in json.loads(sys.argv[1])]
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "matplotlib"))
print(json.dumps({"codes": codes, "heavy": heavy, "light_import": light}))
"""


def test_commands_that_do_not_draw_load_no_qt_or_matplotlib(tmp_path: Path) -> None:
    runs = [
        ["new", "new.mktplan", "--name", "New"],
        ["demo", "demo.mktplan", "--lang", "ru"],
        ["info", "demo.mktplan"],
        ["info", "demo.mktplan", "--json"],
        ["summary", "demo.mktplan"],
        ["summary", "demo.mktplan", "--json"],
        ["export", "demo.mktplan", "--json", "demo.json"],
        ["import-json", "demo.json", "copy.mktplan"],
        ["summary", "missing.mktplan"],
    ]
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(runs)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.splitlines()[-1])
    assert result["codes"] == [0, 0, 0, 0, 0, 0, 0, 0, 2]
    assert result["heavy"] == []
    assert result["light_import"], "importing mktplanner.cli must not load the database layer"


def test_the_gui_starts_and_exits(tmp_path: Path) -> None:
    pytest.importorskip("PySide6")
    if not (REPO / "mktplanner" / "ui" / "app.py").exists():
        pytest.skip("the GUI is not in this tree yet")
    env_note = os.environ.get("QT_QPA_PLATFORM")
    assert env_note == "offscreen"  # set by tests/conftest.py, inherited by the child
    done = mktplanner("--demo", "--exit-after-shown", cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr


def test_console_script() -> None:
    script = shutil.which("mktplanner")
    if script is None:
        pytest.skip("the console script is not installed (pip install -e .)")
    done = subprocess.run([script, "--version"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.startswith("mktplanner ")


def test_a_reader_that_stops_early_is_not_an_error(tmp_path: Path) -> None:
    """`mktplanner summary plan --json | head -2` ends quietly, with no apology on stderr."""
    plan = tmp_path / "d.mktplan"
    assert mktplanner("demo", str(plan), cwd=tmp_path).returncode == 0
    proc = subprocess.Popen(
        [sys.executable, "-m", "mktplanner", "summary", str(plan), "--json"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]),
        },
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before the command has written anything
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=90) == 0
    assert err == ""
