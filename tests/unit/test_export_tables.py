"""The whole plan as XLSX and as CSV per table, reopened the way a user's spreadsheet (or the
csv module) reads it: numbers are numbers, dates are dates, formula-looking text is inert,
Cyrillic is intact, and existing files are not overwritten without force."""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from mktplanner.domain.tables import Action, ChannelResult, Expense, Goal
from mktplanner.report import tables
from mktplanner.services import budget, queries, views
from mktplanner.services import importers as im
from mktplanner.services.demo import build_demo
from mktplanner.services.edits import InsertRow, run
from mktplanner.services.plans import new_plan
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

D = dt.date
FORMULAS = ['=HYPERLINK("http://evil","click")', "+7 900 123-45-67", "-20% на всё", "@команда"]


@pytest.fixture()
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = new_plan(tmp_path / "plan.mktplan", name="Кофейня «Зерно»", currency="RUB", language="ru")
    seo = views.choices(p).channels[1][0]
    run(p, InsertRow(Goal, {"title": "Больше гостей", "deadline": D(2025, 6, 30)}))
    action = InsertRow(Action, {"title": "Листовки", "budget_minor": 1234567, "channel_id": seo})
    run(p, action)
    rows: list[dict[str, Any]] = [
        {"date": D(2025, 1, 3), "amount_minor": 123456, "channel_id": seo, "payee": FORMULAS[0]},
        {"date": D(2025, 1, 4), "amount_minor": 500, "payee": "Типография", "note": FORMULAS[1]},
        {"date": D(2025, 1, 5), "amount_minor": -20000, "is_refund": True, "note": FORMULAS[2]},
        {"date": D(2025, 1, 6), "amount_minor": 99, "action_id": action.key, "note": FORMULAS[3]},
    ]
    for values in rows:
        run(p, InsertRow(Expense, values))
    run(
        p,
        InsertRow(
            ChannelResult,
            {"channel_id": seo, "month": D(2025, 1, 1), "clicks": 300, "revenue_minor": 4800000},
        ),
    )
    yield p
    p.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def sheet_rows(ws: Any) -> list[list[Any]]:
    return [[c for c in row] for row in ws.iter_rows()]


def test_xlsx_has_real_numbers_dates_and_inert_formula_text(plan: PlanFile, tmp_path: Path) -> None:
    out = tables.export_xlsx(plan, tmp_path / "plan.xlsx", lang="ru")
    wb = load_workbook(out)
    assert wb.sheetnames[:4] == ["План", "SWOT", "Стратегии TOWS", "Цели"]
    assert "Расходы" in wb.sheetnames and "Результаты каналов" in wb.sheetnames

    ws = wb["Расходы"]
    header = [c.value for c in ws[1]]
    assert header[:7] == [
        "Дата",
        "Сумма",
        "Возврат",
        "Канал",
        "Мероприятие",
        "Получатель",
        "Примечание",
    ]
    cells = sheet_rows(ws)[1:]
    dates = [r[0] for r in cells]
    assert all(c.is_date and c.number_format == "dd.mm.yyyy" for c in dates)
    assert [c.value.date() for c in dates] == [
        D(2025, 1, 3),
        D(2025, 1, 4),
        D(2025, 1, 5),
        D(2025, 1, 6),
    ]
    amounts = [r[1] for r in cells]
    assert all(c.data_type == "n" and c.number_format == '#,##0.00 "₽"' for c in amounts)
    assert [Decimal(str(c.value)) for c in amounts] == [
        Decimal("1234.56"),
        Decimal("5"),
        Decimal("-200"),  # a negative NUMBER stays a number
        Decimal("0.99"),
    ]
    assert [r[2].value for r in cells] == [False, False, True, False]
    assert cells[0][3].value == "SEO" and cells[3][4].value == "Листовки"

    # Text that looks like a formula: stored as text exactly, with Excel's quote prefix.
    texts = {c.value: c for row in cells for c in row[5:7] if isinstance(c.value, str) and c.value}
    for formula in FORMULAS:
        cell = texts[formula]
        assert cell.data_type == "s" and cell.quotePrefix, formula
    assert not texts["Типография"].quotePrefix
    for sheet in wb.worksheets:
        for row in sheet.iter_rows():
            assert all(c.data_type != "f" for c in row), sheet.title

    profile = {r[0].value: r[1] for r in sheet_rows(wb["План"])[1:]}
    assert profile["Название плана"].value == "Кофейня «Зерно»"
    assert profile["Валюта"].value == "RUB"
    goals = sheet_rows(wb["Цели"])
    deadline = goals[0].index(next(c for c in goals[0] if c.value == "Срок"))
    assert goals[1][deadline].is_date and goals[1][deadline].value.date() == D(2025, 6, 30)
    actions = sheet_rows(wb["Мероприятия"])
    budget = [c.value for c in actions[0]].index("Бюджет")
    assert actions[1][budget].data_type == "n" and actions[1][budget].value == 12345.67
    results = sheet_rows(wb["Результаты каналов"])
    assert [c.value for c in results[0]][:3] == ["Канал", "Месяц", "Расход"]
    assert results[1][1].value.date() == D(2025, 1, 1) and results[1][1].number_format == "mm.yyyy"
    assert results[1][2].value is None  # spend not typed in: taken from the expenses
    assert results[1][4].value == 300 and results[1][4].data_type == "n"


def test_xlsx_headers_follow_the_language_and_money_the_currency(tmp_path: Path) -> None:
    p = new_plan(tmp_path / "jp.mktplan", name="Tokyo", currency="JPY", language="en")
    try:
        run(p, InsertRow(Expense, {"date": D(2025, 2, 1), "amount_minor": 1500}))
        out = tables.export_xlsx(p, tmp_path / "jp.xlsx", lang="en")
    finally:
        p.close()
    ws = load_workbook(out)["Expenses"]
    assert [c.value for c in ws[1]][:3] == ["Date", "Amount", "Refund"]
    assert ws["B2"].value == 1500 and ws["B2"].number_format == '"¥"#,##0'
    assert ws["A2"].number_format == "yyyy-mm-dd"


def test_every_row_of_the_plan_is_in_the_workbook(tmp_path: Path) -> None:
    demo = build_demo(tmp_path / "demo.mktplan", "en", today=D(2026, 11, 18))
    try:
        counts = queries.table_counts(demo)
        out = tables.export_xlsx(demo, tmp_path / "demo.xlsx")
    finally:
        demo.close()
    wb = load_workbook(out, read_only=True)
    sheet_of = {
        "swot_item": "SWOT",
        "tows_option": "TOWS options",
        "goal": "Goals",
        "measurement": "Measurements",
        "direction": "Directions",
        "channel": "Channels",
        "action": "Actions",
        "person": "People",
        "weekly_plan": "Weekly plans",
        "weekly_metric": "Weekly metrics",
        "weekly_task": "Weekly tasks",
        "budget_line": "Budget lines",
        "expense": "Expenses",
        "control_point": "Control points",
        "control_check": "Control checks",
        "channel_result": "Channel results",
        "hypothesis": "Hypotheses",
    }
    for table, title in sheet_of.items():
        assert wb[title].max_row - 1 == counts[table], table
        assert counts[table] > 0, table  # the demo fills every level


def test_csv_per_table_is_readable_and_escaped(plan: PlanFile, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    written = tables.export_csv(plan, folder, lang="ru")
    assert {p.name for p in written} >= {"expenses.csv", "channel_results.csv", "goals.csv"}
    for path in written:
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        assert rows and all(len(r) == len(rows[0]) for r in rows), path.name
    with open(folder / "expenses.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["Сумма"] for r in rows] == ["1234.56", "5.00", "-200.00", "0.99"]
    assert [r["Дата"] for r in rows] == ["2025-01-03", "2025-01-04", "2025-01-05", "2025-01-06"]
    assert [r["Возврат"] for r in rows] == ["нет", "нет", "да", "нет"]
    assert rows[0]["Получатель"] == "'" + FORMULAS[0]
    assert [r["Примечание"] for r in rows[1:]] == ["'" + f for f in FORMULAS[1:]]
    assert rows[1]["Получатель"] == "Типография"
    with open(folder / "channel_results.csv", encoding="utf-8-sig", newline="") as f:
        (result,) = list(csv.DictReader(f))
    assert result["Месяц"] == "2025-01" and result["Клики"] == "300" and result["Расход"] == ""
    assert result["Выручка"] == "48000.00"


def test_csv_export_imports_back_losslessly(plan: PlanFile, tmp_path: Path) -> None:
    folder = tmp_path / "csv"
    tables.export_csv(plan, folder, lang="en")
    other = new_plan(tmp_path / "other.mktplan", name="Other", currency="RUB", language="ru")
    try:
        run(other, InsertRow(Action, {"title": "Листовки"}))
        for kind, name in (("expenses", "expenses.csv"), ("results", "channel_results.csv")):
            path = folder / name
            options = im.sniff(path).options(kind)
            parsed = im.parse(path, options, kind, plan=other)
            assert parsed.ok, parsed.bad_rows
            run(other, im.import_edit(other, parsed))

        def expense_facts(p: PlanFile) -> list[tuple[Any, ...]]:
            return sorted(
                (
                    r["date"],
                    r["amount_minor"],
                    r["is_refund"],
                    r["channel_name"],
                    r["action_title"],
                    r["payee"],
                    r["note"],
                )
                for r in budget.expense_rows(p)
            )

        assert expense_facts(other) == expense_facts(plan)
        (result,) = result_rows(other)
        assert (result["channel_name"], result["month"], result["clicks"]) == (
            "SEO",
            D(2025, 1, 1),
            300,
        )
        assert result["spend_entered_minor"] is None and result["revenue_minor"] == 4800000
    finally:
        other.close()


def test_existing_files_are_not_overwritten_without_force(plan: PlanFile, tmp_path: Path) -> None:
    out = tmp_path / "plan.xlsx"
    out.write_bytes(b"keep me")
    with pytest.raises(PlanFileError) as caught:
        tables.export_xlsx(plan, out)
    assert caught.value.code == "exists" and out.read_bytes() == b"keep me"
    tables.export_xlsx(plan, out, force=True)
    assert load_workbook(out).sheetnames[0] == "Plan"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []

    before = digest(plan.path)
    with pytest.raises(PlanFileError):
        tables.export_xlsx(plan, plan.path, force=True)  # never over the plan itself
    assert digest(plan.path) == before

    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "expenses.csv").write_text("mine")
    (folder / "unrelated.txt").write_text("also mine")
    with pytest.raises(PlanFileError) as caught:
        tables.export_csv(plan, folder)
    assert caught.value.code == "exists"
    assert sorted(p.name for p in folder.iterdir()) == ["expenses.csv", "unrelated.txt"]
    tables.export_csv(plan, folder, force=True)
    assert (folder / "expenses.csv").read_text(encoding="utf-8-sig").startswith("Date,Amount")
    assert (folder / "unrelated.txt").read_text() == "also mine"

    with pytest.raises(PlanFileError) as caught:
        tables.export_csv(plan, tmp_path / "missing" / "csv")
    assert caught.value.code == "not_found"


def test_escape_text() -> None:
    assert [tables.escape_text(t) for t in ["=1+2", "+1", "-x", "@a", "\tx", "ok", "", "1-2"]] == [
        "'=1+2",
        "'+1",
        "'-x",
        "'@a",
        "'\tx",
        "ok",
        "",
        "1-2",
    ]


def result_rows(plan: PlanFile) -> list[dict[str, Any]]:
    """Every stored result row (channel × month), as the Results page reads them."""
    from mktplanner.services import budget

    return [
        {**r.as_row(), "month": month}
        for month in budget.result_months(plan)
        for r in budget.result_rows(plan, month).rows
        if r.result_id is not None
    ]
