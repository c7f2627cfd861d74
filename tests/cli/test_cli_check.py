"""``mktplanner check FILE``: the plan check on the command line — what a freelancer reads,
the JSON a script parses, and the exit code a loop over a folder of client plans tests."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mktplanner.cli import main
from mktplanner.services import health
from mktplanner.services.demo import FACTS, build_demo
from mktplanner.services.edits import run as run_edit
from mktplanner.store.planfile import PlanFile

TODAY = "2026-11-18"
REPO = Path(__file__).resolve().parents[2]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("check-demos")
    paths = {}
    for lang in ("en", "ru"):
        path = folder / f"demo-{lang}.mktplan"
        build_demo(path, lang, today=dt.date.fromisoformat(TODAY)).close()
        paths[lang] = path
    return paths


def findings_by_code(data: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(f["code"], f["object_ref"]): f for f in data["findings"]}


def test_text_lists_the_demo_findings_grouped_by_severity(
    demos: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", str(demos["en"]), "--today", TODAY)
    assert err == ""
    assert code == 1  # the control point over its limit is a problem (an error)
    lines = out.splitlines()
    assert lines[0].startswith("Plan check of Nov 18, 2026: ")
    assert "checks passed)" in lines[0]
    heads = [line for line in lines if not line.startswith("  ")]
    assert [h.split(" (")[0] for h in heads[1:]] == ["Problems", "Warnings", "Tips"]
    problems = lines[lines.index(heads[1]) + 1 : lines.index(heads[2])]
    assert problems == [
        "  [Control] Spending is over the limit of a control point. — "
        "Review the spending and the limit."
    ]
    body = "\n".join(lines)
    assert "[Strategy] Goal “Raise the average check” is not SMART: T. — Set a deadline." in body
    assert "Action “Leaflets for the complex's mailboxes” has no owner." in body
    assert "Action “Join a delivery aggregator” was due Oct 15, 2026" in body
    assert (
        f"[Weekly work] Igor Peters, week 47: {FACTS.over_capacity_week_hours:g} h planned, "
        f"capacity {FACTS.capacity_unplannable:g} h." in body
    )
    # one line per finding, plus the score line and the group headings
    plan = PlanFile.open(demos["en"], read_only=True, backup=False)
    try:
        report = health.check(plan, dt.date.fromisoformat(TODAY))
    finally:
        plan.close()
    assert len(lines) == 1 + len(heads[1:]) + len(report.findings)


def test_json_has_the_report_and_sentences_in_both_languages(
    demos: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", str(demos["en"]), "--json", "--today", TODAY)
    assert (code, err) == (1, "")
    data = json.loads(out)
    assert data["language"] == "en" and data["today"] == TODAY
    assert data["has_errors"] is True
    assert 0 < data["score"] < 1 and data["passed"] < data["total"]
    found = findings_by_code(data)
    smart = found[("goal_not_smart", f"goal:{FACTS.goal_without_deadline}")]
    assert smart["params"]["failed"] == ["T"] and smart["next_step"] == "set_goal_deadline"
    assert smart["message"] == "Goal “Raise the average check” is not SMART: T."
    assert smart["next_step_text"] == "Set a deadline."
    late = found[("action_overdue", f"action:{FACTS.action_late}")]
    assert late["object"] == {"table": "action", "id": FACTS.action_late}
    assert found[("action_no_owner", f"action:{FACTS.action_without_owner}")]["severity"] == (
        "warning"
    )
    over = found[("control_over_limit", f"control_point:{FACTS.control_over}")]
    assert over["severity"] == "error" and over["level"] == "control"
    week = found[("week_over_capacity", f"weekly_plan:{FACTS.weekly_plan_over_capacity}")]
    assert week["params"]["person_id"] == FACTS.person_unplannable
    assert all(f["message"] and f["next_step_text"] for f in data["findings"])

    code, out, _ = run(capsys, "check", str(demos["en"]), "--json", "--lang", "ru")
    ru = findings_by_code(json.loads(out))
    assert json.loads(out)["language"] == "ru"
    assert ru[("action_no_owner", f"action:{FACTS.action_without_owner}")]["message"] == (
        "У действия «Leaflets for the complex's mailboxes» нет ответственного."
    )
    assert ru[("goal_not_smart", f"goal:{FACTS.goal_without_deadline}")]["next_step_text"] == (
        "Задайте срок."
    )


def test_a_russian_plan_is_checked_in_russian(
    demos: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "check", str(demos["ru"]), "--today", TODAY)
    assert (code, err) == (1, "")
    lines = out.splitlines()
    assert lines[0].startswith("Проверка плана на 18.11.2026: ")
    assert "Проблемы (1):" in lines and any(line.startswith("Предупреждения (") for line in lines)
    assert (
        "  [Контроль] Расходы превышают лимит точки контроля. — Пересмотрите расходы и лимит."
        in (lines)
    )
    # --lang wins over the plan's language
    code, out, _ = run(capsys, "check", str(demos["ru"]), "--today", TODAY, "--lang", "en")
    assert out.splitlines()[0].startswith("Plan check of Nov 18, 2026")


def test_exit_code_is_0_once_no_problem_is_left_and_dismissed_findings_show_their_reason(
    demos: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "client.mktplan"
    path.write_bytes(demos["en"].read_bytes())
    plan = PlanFile.open(path, backup=False)
    try:
        run_edit(
            plan,
            health.dismiss_edit(
                "control_over_limit", ("control_point", FACTS.control_over), "approved by Oliver"
            ),
        )
    finally:
        plan.close()
    code, out, err = run(capsys, "check", str(path), "--today", TODAY)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert not any(line.startswith("Problems") for line in lines)
    at = lines.index("Dismissed (1):")
    assert lines[at + 1] == (
        "  [Control] Spending is over the limit of a control point. — reason: approved by Oliver"
    )
    code, out, _ = run(capsys, "check", str(path), "--json", "--today", TODAY)
    data = json.loads(out)
    assert code == 0 and data["has_errors"] is False and data["counts"]["dismissed"] == 1
    dismissed = findings_by_code(data)[
        ("control_over_limit", f"control_point:{FACTS.control_over}")
    ]
    assert dismissed["dismissed"] is True and dismissed["dismiss_reason"] == "approved by Oliver"


def test_an_empty_plan_has_a_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "empty.mktplan"
    assert run(capsys, "new", str(path), "--name", "Empty", "--lang", "en")[0] == 0
    code, out, _ = run(capsys, "check", str(path))
    assert code == 1
    assert "  [Strategy] The plan has no goals yet. — Add a measurable goal on the Goals page." in (
        out.splitlines()
    )


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("missing.mktplan", None, "does not exist"),
        ("notes.mktplan", b"just some notes", "is not a plan file"),
    ],
)
def test_a_bad_file_exits_2_with_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: bytes | None, words: str
) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    code, out, err = run(capsys, "check", str(path), "--lang", "en")
    assert (code, out) == (2, "")
    lines = err.splitlines()
    assert len(lines) == 1 and words in lines[0] and "Traceback" not in err


_PROBE = """
import json, sys
from mktplanner.cli import main
codes = [main(argv) for argv in json.loads(sys.argv[1])]
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "matplotlib"))
print(json.dumps({"codes": codes, "loaded": loaded}))
"""


def test_a_folder_of_plans_in_one_process_loads_only_qtcore(
    demos: dict[str, Path], tmp_path: Path
) -> None:
    """A loop over client plans: each check exits 0/1; the sentences need QtCore only."""
    runs = [
        ["check", str(demos["en"]), "--today", TODAY],
        ["check", str(demos["ru"]), "--json", "--today", TODAY],
        ["check", str(tmp_path / "missing.mktplan")],
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
    assert result["codes"] == [1, 1, 2]
    assert "PySide6.QtCore" in result["loaded"]
    assert not [m for m in result["loaded"] if m.startswith(("PySide6.QtWidgets", "PySide6.QtGui"))]
    assert not [m for m in result["loaded"] if m.startswith("matplotlib")]
    assert "Проверка плана" in done.stdout or "Plan check of" in done.stdout
