"""`mktplanner import FILE --expenses/--results CSV` and `mktplanner export FILE --xlsx/--csv`:
what the user reads, the exit codes, and what lands in the files."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mktplanner.cli import main
from mktplanner.services import budget
from mktplanner.services.plans import open_plan

TODAY = "2026-11-18"


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture()
def plan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "plan.mktplan"
    code, _, err = run(capsys, "new", path, "--name", "Test", "--lang", "en")
    assert (code, err) == (0, "")
    return path


@pytest.fixture()
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.mktplan"
    code, _, err = run(capsys, "demo", path, "--lang", "en", "--today", TODAY)
    assert (code, err) == (0, "")
    return path


def expenses(path: Path) -> list[dict[str, object]]:
    p = open_plan(path, read_only=True)
    try:
        return sorted(budget.expense_rows(p), key=lambda r: r["id"])
    finally:
        p.close()


# --- export --------------------------------------------------------------------------------


def test_export_xlsx(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "plan.xlsx"
    code, stdout, err = run(capsys, "export", demo, "--xlsx", out)
    assert (code, err) == (0, "")
    assert stdout.strip() == f"Exported {out}."
    wb = load_workbook(out)
    assert wb.sheetnames[0] == "Plan" and "Expenses" in wb.sheetnames  # the plan's language
    assert wb["Expenses"]["A2"].is_date and wb["Expenses"]["B2"].data_type == "n"

    before = digest(out)
    code, stdout, err = run(capsys, "export", demo, "--xlsx", out, "--lang", "ru")
    assert code == 2 and stdout == ""
    assert (
        err.strip()
        == f"mktplanner: Файл {out} уже существует; выберите другое имя или добавьте --force."
    )
    assert digest(out) == before

    code, _, err = run(capsys, "export", demo, "--xlsx", out, "--lang", "ru", "--force")
    assert (code, err) == (0, "")
    assert load_workbook(out).sheetnames[0] == "План"


def test_export_csv(demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "tables"
    code, stdout, err = run(capsys, "export", demo, "--csv", folder)
    assert (code, err) == (0, "") and stdout.strip() == f"Exported {folder}."
    with open(folder / "expenses.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and set(rows[0]) >= {"Date", "Amount", "Refund", "Channel", "Payee", "Note"}
    code, _, err = run(capsys, "export", demo, "--csv", folder)
    assert code == 2 and "already exists" in err and "--force" in err
    code, _, err = run(capsys, "export", demo, "--csv", folder, "--force")
    assert (code, err) == (0, "")


def test_export_usage_errors(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "export", demo, "--xlsx", tmp_path / "a.xlsx", "--csv", tmp_path)
    assert code == 2 and err.startswith("mktplanner: Wrong command line")
    code, _, err = run(
        capsys, "export", tmp_path / "missing.mktplan", "--xlsx", tmp_path / "a.xlsx"
    )
    assert code == 2 and "does not exist" in err
    assert not (tmp_path / "a.xlsx").exists()


# --- import --------------------------------------------------------------------------------


CLEAN = "date,amount,channel,payee,note\n2025-01-03,1500.00,SEO,Yandex,=1+2\n2025-01-10,250.50,social media,VK,\n"


def test_import_expenses_and_reimport(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "выписка.csv"
    csv_path.write_text(CLEAN, encoding="utf-8")
    code, stdout, err = run(capsys, "import", plan, "--expenses", csv_path)
    assert (code, err) == (0, "")
    assert (
        stdout.strip()
        == f"Expenses from {csv_path} imported into {plan}: added 2, already there 0."
    )
    rows = expenses(plan)
    assert [(r["amount_minor"], r["channel_name"], r["note"]) for r in rows] == [
        (150000, "SEO", "=1+2"),
        (25050, "Social media", ""),
    ]
    code, stdout, err = run(capsys, "import", plan, "--expenses", csv_path)
    assert (code, err) == (0, "")
    assert (
        stdout.strip()
        == f"Expenses from {csv_path} imported into {plan}: added 0, already there 2."
    )
    assert len(expenses(plan)) == 2


def test_import_with_bad_rows_exits_2_and_lists_them(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv_path = tmp_path / "bad.csv"
    csv_path.write_text(
        "date,amount,channel\n2025-01-03,10,SEO\n2025-02-30,20,SEO\n2025-01-05,1O,Radio\n",
        encoding="utf-8",
    )
    before = digest(plan)
    code, stdout, err = run(capsys, "import", plan, "--expenses", csv_path)
    assert code == 2 and stdout == ""
    assert err.splitlines() == [
        f"mktplanner: Bad rows in {csv_path}: 2; nothing was imported. Fix them, or add "
        "--valid-only to import the other rows (1):",
        "  line 3, column «date»: 2025-02-30 is not a date in the format YYYY-MM-DD",
        "  line 4, column «amount»: 1O is not an amount (check --decimal)",
    ]
    assert digest(plan) == before and expenses(plan) == []

    code, stdout, err = run(capsys, "import", plan, "--expenses", csv_path, "--dry-run")
    assert code == 2 and "new expenses 1," in stdout and "nothing was written" in stdout
    assert digest(plan) == before

    code, stdout, err = run(capsys, "import", plan, "--expenses", csv_path, "--valid-only")
    assert (code, err) == (0, "")
    assert "added 1," in stdout and "bad rows left out 2." in stdout
    assert [r["amount_minor"] for r in expenses(plan)] == [1000]


def test_import_mapping_options_and_memory(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = tmp_path / "jan.csv"
    first.write_bytes("Когда;Сколько;Кому\n03.01.2025;1 234,56;Яндекс\n".encode("cp1251"))
    code, stdout, err = run(capsys, "import", plan, "--expenses", first, "--lang", "ru")
    assert code == 2 and stdout == ""
    assert err.strip() == (
        "mktplanner: В каком столбце date? Добавьте --map date=СТОЛБЕЦ "
        "(столбцы: 'Когда', 'Сколько', 'Кому')."
    )
    code, stdout, err = run(
        capsys,
        "import",
        plan,
        "--expenses",
        first,
        "--map",
        "date=Когда",
        "--map",
        "amount=Сколько",
        "--map",
        "payee=Кому",
        "--lang",
        "ru",
    )
    assert (code, err) == (0, "")
    assert stdout.startswith(f"Расходы из {first} импортированы в {plan}: добавлено 1,")
    # The next statement of the same bank: the remembered mapping is used.
    second = tmp_path / "feb.csv"
    second.write_bytes("Когда;Сколько;Кому\n03.02.2025;99,90;ВК\n".encode("cp1251"))
    code, stdout, err = run(capsys, "import", plan, "--expenses", second)
    assert (code, err) == (0, "")
    assert [(r["amount_minor"], r["payee"]) for r in expenses(plan)] == [
        (123456, "Яндекс"),
        (9990, "ВК"),
    ]
    code, _, err = run(capsys, "import", plan, "--expenses", second, "--map", "date")
    assert code == 2 and "--map takes FIELD=COLUMN" in err
    code, _, err = run(capsys, "import", plan, "--expenses", second, "--encoding", "utf-8")
    assert code == 2 and "is not utf-8 text (line 1)" in err


def test_import_results_and_file_problems(
    plan: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    results = tmp_path / "ads.csv"
    results.write_text(
        "Channel,Month,Spend,Clicks,Leads\nSEO,2025-01,100.00,10,1\nTikTok,2025-01,50,5,0\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "import", plan, "--results", results)
    assert code == 2
    assert "line 3, column «Channel»: the plan has no channel named TikTok" in err
    code, stdout, err = run(capsys, "import", plan, "--results", results, "--create-channels")
    assert (code, err) == (0, "")
    assert stdout.strip() == (
        f"Results from {results} imported into {plan}: months added 2, updated 0, "
        "unchanged 0, new channels: TikTok."
    )
    code, stdout, _ = run(capsys, "import", plan, "--results", results)
    assert code == 0 and "months added 0, updated 0, unchanged 2." in stdout

    empty = tmp_path / "empty.csv"
    empty.write_text("")
    code, stdout, err = run(capsys, "import", plan, "--expenses", empty)
    assert (code, stdout, err.strip()) == (2, "", f"mktplanner: {empty} is empty.")
    code, _, err = run(capsys, "import", plan, "--expenses", tmp_path / "nope.csv")
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, "import", plan)
    assert code == 2 and "Wrong command line" in err


_PROBE = """
import json, sys
from mktplanner.cli import main
codes = [main(a) for a in json.loads(sys.argv[1])]
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "matplotlib"))
print(json.dumps({"codes": codes, "heavy": heavy}))
"""


def test_import_and_table_exports_load_no_qt_or_matplotlib(tmp_path: Path) -> None:
    (tmp_path / "e.csv").write_text(CLEAN, encoding="utf-8")
    runs = [
        ["new", "p.mktplan", "--name", "P", "--lang", "en"],
        ["import", "p.mktplan", "--expenses", "e.csv"],
        ["export", "p.mktplan", "--xlsx", "p.xlsx"],
        ["export", "p.mktplan", "--csv", "tables"],
    ]
    env = dict(os.environ)
    repo = Path(__file__).resolve().parents[2]
    env["PYTHONPATH"] = os.pathsep.join([str(repo), env.get("PYTHONPATH", "")])
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
    assert result == {"codes": [0, 0, 0, 0], "heavy": []}
