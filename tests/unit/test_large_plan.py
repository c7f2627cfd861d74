"""The large plan of the benchmarks (``mktplanner demo FILE --scale N``) and what keeps start-up
light: every row of a scale-3 plan, read back from the file, passes the domain's validation
and the plan check runs on it; opening a current plan does not import Alembic; the window's
first paint happens before the database layer is imported; the benchmark hooks end the app.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from mktplanner.cli import main
from mktplanner.domain.rules.validation import validate
from mktplanner.domain.tables import ALL_TABLES
from mktplanner.services.demo import build_demo
from mktplanner.store.planfile import PlanFile

REPO = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 18)


@pytest.fixture(scope="module")
def large(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("large") / "large.mktplan"
    build_demo(path, "en", today=TODAY, scale=3).close()
    return path


def test_every_row_of_a_scale_3_plan_passes_validation(large: Path) -> None:
    plan = PlanFile.open(large, read_only=True, backup=False)
    counted = {}
    try:
        with plan.session() as s:
            for model in ALL_TABLES:
                table = model.__tablename__
                rows = s.exec(select(model)).all()
                counted[table] = len(rows)
                for row in rows:
                    problems = validate(table, row.model_dump())
                    assert problems == [], (table, row.model_dump(), problems)
    finally:
        plan.close()
    # Two extra branches of synthetic rows on top of the demo, in every kind of table.
    assert counted["expense"] > 1000 and counted["weekly_task"] > 100
    assert counted["budget_line"] > 20 and counted["channel_result"] > 30


def test_the_plan_check_runs_on_a_scale_3_plan(
    large: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["check", str(large), "--json", "--today", TODAY.isoformat(), "--lang", "en"])
    out = json.loads(capsys.readouterr().out)
    assert code in (0, 1)  # 1: the plan has problems to fix (the demo's, by design)
    assert out["total"] > 1000  # every row examined
    # The large plan looks kept up to date: its spend is planned, its past actions done.
    codes = [f["code"] for f in out["findings"]]
    assert codes.count("expense_no_budget_line") <= 2
    assert len(codes) < out["total"] // 10


def test_the_scale_3_plan_summarizes(large: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["summary", str(large), "--json", "--today", TODAY.isoformat()]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["counts"]["expense"] > 1000


def test_head_version_is_alembics_head() -> None:
    from alembic.script import ScriptDirectory

    from mktplanner.store import migrate

    head = ScriptDirectory.from_config(migrate._config()).get_current_head()
    assert head is not None and migrate.head_version() == int(head)


def _child(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "MKTPLANNER_DATA_DIR": str(tmp_path / "data"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": str(REPO),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=environ, timeout=180
    )


def test_opening_a_current_plan_does_not_import_alembic(large: Path, tmp_path: Path) -> None:
    done = _child(
        "import sys\n"
        "from mktplanner.store.planfile import PlanFile\n"
        f"PlanFile.open({str(large)!r}, read_only=True).close()\n"
        "print('ALEMBIC', 'alembic' in sys.modules)\n",
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert "ALEMBIC False" in done.stdout


def test_the_first_paint_comes_before_the_database_layer(large: Path, tmp_path: Path) -> None:
    done = _child(
        "import sys\n"
        "from mktplanner.ui.app import run\n"
        f"rc = run({str(large)!r}, lang='en')\n"
        "heavy = [m for m in ('sqlalchemy', 'sqlmodel', 'alembic', 'matplotlib')"
        " if m in sys.modules]\n"
        "print('HEAVY', heavy)\n"
        "raise SystemExit(rc)\n",
        tmp_path,
        MKTPLANNER_EXIT_AFTER="paint",
    )
    assert done.returncode == 0, done.stderr
    assert "HEAVY []" in done.stdout


@pytest.mark.timeout(240)
def test_the_drawn_hook_ends_the_app_once_the_overview_is_drawn(
    large: Path, tmp_path: Path
) -> None:
    done = _child(
        "import sys\n"
        "from mktplanner.ui.app import run\n"
        f"rc = run({str(large)!r}, lang='en')\n"
        "from mktplanner.ui.widgets.chart_view import _VIEWS\n"
        "drawn = [v.name() for v in list(_VIEWS) if v.image is not None]\n"
        "print('DRAWN', len(drawn))\n"
        "raise SystemExit(rc)\n",
        tmp_path,
        MKTPLANNER_EXIT_AFTER="drawn",
    )
    assert done.returncode == 0, done.stderr
    drawn = int(done.stdout.split("DRAWN", 1)[1].split()[0])
    assert drawn >= 4  # the Overview's four charts
