"""CSV import of expenses and channel results: what lands in the plan, what is refused and
why (line, column, code), and that a refused import leaves the plan file's bytes alone."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mktplanner.domain.errors import DomainError
from mktplanner.domain.tables import Action
from mktplanner.services import budget, views
from mktplanner.services import importers as im
from mktplanner.services.edits import InsertRow, run, undo
from mktplanner.services.importers import BadRow, CsvOptions, CsvProblem, ImportRefused
from mktplanner.services.plans import new_plan
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

D = dt.date


@pytest.fixture()
def plan(tmp_path: Path) -> Iterator[PlanFile]:
    p = new_plan(tmp_path / "plan.mktplan", name="Кофейня", currency="RUB", language="ru")
    run(p, InsertRow(Action, {"title": "Листовки у метро"}))
    yield p
    p.close()


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def expenses(plan: PlanFile) -> list[dict[str, Any]]:
    return sorted(budget.expense_rows(plan), key=lambda r: r["id"])


def results(plan: PlanFile) -> dict[tuple[str, dt.date], dict[str, Any]]:
    return {(r["channel_name"], r["month"]): r for r in result_rows(plan)}


def result_rows(plan: PlanFile) -> list[dict[str, Any]]:
    """Every stored result row (channel × month), as the Results page reads them."""
    from mktplanner.services import budget

    return [
        {**r.as_row(), "month": month}
        for month in budget.result_months(plan)
        for r in budget.result_rows(plan, month).rows
        if r.result_id is not None
    ]


def do_import(
    plan: PlanFile, path: Path, kind: str = "expenses", valid_only: bool = False, **changes: Any
) -> im.ImportEdit:
    options = im.sniff(path).options(kind)
    for k, v in changes.items():
        setattr(options, k, v)
    parsed = im.parse(path, options, kind, plan=plan)
    edit = im.import_edit(plan, parsed, valid_only=valid_only)
    run(plan, edit)
    return edit


CLEAN = (
    "date,amount,channel,payee,note\n"
    "2025-01-03,1500.00,SEO,Yandex,January SEO\n"
    "2025-01-10,250.50,соцсети,VK Ads,\n"
    "2025-02-01,99,,Printer,flyers\n"
)


# --- a clean file ---------------------------------------------------------------------------


def test_clean_file_imports_every_row_as_one_undo_step(plan: PlanFile, tmp_path: Path) -> None:
    path = write(tmp_path, "clean.csv", CLEAN)
    sniffed = im.sniff(path)
    assert (sniffed.encoding, sniffed.delimiter, sniffed.decimal) == ("utf-8", ",", ".")
    assert sniffed.date_format == "%Y-%m-%d" and sniffed.header_row == 1
    assert sniffed.header == ["date", "amount", "channel", "payee", "note"]
    assert sniffed.rows[0] == ["2025-01-03", "1500.00", "SEO", "Yandex", "January SEO"]
    options = sniffed.options("expenses")
    assert options.mapping == {
        "date": "date",
        "amount": "amount",
        "channel": "channel",
        "payee": "payee",
        "note": "note",
    }
    parsed = im.parse(path, options, "expenses", plan=plan)
    assert parsed.ok and parsed.lines_read == 3 and parsed.count("new") == 3
    edit = im.import_edit(plan, parsed)
    change = run(plan, edit)
    assert edit.added == 3 and edit.skipped == 0
    rows = expenses(plan)
    assert [
        (r["date"], r["amount_minor"], r["channel_name"], r["payee"], r["note"]) for r in rows
    ] == [
        (D(2025, 1, 3), 150000, "SEO", "Yandex", "January SEO"),
        (D(2025, 1, 10), 25050, "Соцсети", "VK Ads", ""),  # channel found case-insensitively
        (D(2025, 2, 1), 9900, None, "Printer", "flyers"),
    ]
    assert change.rows["expense"] == {r["id"] for r in rows}
    ids = [r["id"] for r in rows]

    undo(plan, edit)
    assert expenses(plan) == []
    assert im.load_options(plan, "expenses") is None
    run(plan, edit)  # redo: the same rows under the same ids
    assert [r["id"] for r in expenses(plan)] == ids


def test_mapping_is_remembered_per_plan(plan: PlanFile, tmp_path: Path) -> None:
    path = write(tmp_path, "bank.csv", "Когда;Сколько\n03.01.2025;10,5\n", "utf-8")
    assert im.load_mapping(plan, "expenses") == {}
    options = CsvOptions(
        delimiter=";",
        decimal=",",
        date_format="%d.%m.%Y",
        mapping={"date": "Когда", "amount": "Сколько"},
    )
    parsed = im.parse(path, options, "expenses", plan=plan)
    run(plan, im.import_edit(plan, parsed))
    assert im.load_mapping(plan, "expenses") == {"date": "Когда", "amount": "Сколько"}
    remembered = im.load_options(plan, "expenses")
    assert remembered == options
    assert im.load_options(plan, "results") is None

    other = CsvOptions(mapping={"channel": "Канал", "month": "Месяц"})
    edit = im.save_mapping_edit("results", other)
    run(plan, edit)
    assert im.load_mapping(plan, "results") == {"channel": "Канал", "month": "Месяц"}
    undo(plan, edit)
    assert im.load_options(plan, "results") is None


# --- bad rows: all or nothing ------------------------------------------------------------------


def test_bad_date_refuses_the_whole_file_and_changes_nothing(
    plan: PlanFile, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "bad-date.csv",
        "date,amount,payee\n2025-01-03,100,A\n2025-02-30,200,B\n2025-01-05,300,C\n",
    )
    before = digest(plan.path)
    parsed = im.parse(path, im.sniff(path).options(), "expenses", plan=plan)
    assert parsed.bad_rows == [
        BadRow(3, "date", "bad_date", {"value": "2025-02-30", "format": "%Y-%m-%d"})
    ]
    with pytest.raises(ImportRefused) as caught:
        im.import_edit(plan, parsed)
    assert caught.value.bad_rows == parsed.bad_rows
    assert caught.value.first.params["line"] == 3
    assert expenses(plan) == [] and digest(plan.path) == before

    # The explicit "import the valid rows only".
    edit = do_import(plan, path, valid_only=True)
    assert edit.added == 2
    assert [r["payee"] for r in expenses(plan)] == ["A", "C"]


def test_bad_amount_names_line_and_column(plan: PlanFile, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad-amount.csv",
        "Дата;Сумма;Получатель\n"
        "03.01.2025;1 234,56;А\n"
        "04.01.2025;12,345;Б\n"  # sub-kopeck precision
        "05.01.2025;сто рублей;В\n"
        "06.01.2025;;Г\n"
        "07.01.2025;-5,00;Д\n",  # negative, and the file does not say it is a refund
    )
    before = digest(plan.path)
    options = im.sniff(path).options()
    assert (options.delimiter, options.decimal, options.date_format) == (";", ",", "%d.%m.%Y")
    parsed = im.parse(path, options, "expenses", plan=plan)
    assert [(b.line, b.column, b.code) for b in parsed.bad_rows] == [
        (3, "Сумма", "too_precise"),
        (4, "Сумма", "bad_amount"),
        (5, "Сумма", "required"),
        (6, "Сумма", "negative_amount"),
    ]
    assert parsed.bad_rows[1].params["value"] == "сто рублей"
    with pytest.raises(ImportRefused):
        im.import_edit(plan, parsed)
    assert digest(plan.path) == before
    assert [r.values["amount_minor"] for r in parsed.rows] == [123456]


def test_unknown_channel_is_a_bad_row_unless_channels_may_be_created(
    plan: PlanFile, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "channels.csv",
        "date,amount,channel,action\n"
        "2025-01-03,10,TikTok,\n"
        "2025-01-04,20,tiktok,листовки у метро\n"
        "2025-01-05,30,SEO,No such action\n",
    )
    parsed = im.parse(path, im.sniff(path).options(), "expenses", plan=plan)
    assert [(b.line, b.column, b.code, b.params) for b in parsed.bad_rows] == [
        (2, "channel", "unknown_channel", {"value": "TikTok"}),
        (3, "channel", "unknown_channel", {"value": "tiktok"}),
        (4, "action", "unknown_action", {"value": "No such action"}),
    ]
    channels_before = [name for _id, name in views.choices(plan).channels]
    options = im.sniff(path).options()
    options.create_channels = True
    parsed = im.parse(path, options, "expenses", plan=plan)
    assert parsed.new_channels == ["TikTok"]
    assert [b.code for b in parsed.bad_rows] == ["unknown_action"]
    edit = im.import_edit(plan, parsed, valid_only=True)
    run(plan, edit)
    assert edit.channels_created == ["TikTok"]
    rows = expenses(plan)
    assert [(r["channel_name"], r["action_title"]) for r in rows] == [
        ("TikTok", None),
        ("TikTok", "Листовки у метро"),
    ]
    undo(plan, edit)
    assert [name for _id, name in views.choices(plan).channels] == channels_before


# --- encodings -----------------------------------------------------------------------------


def test_windows_1251_with_decimal_commas_and_a_bank_preamble(
    plan: PlanFile, tmp_path: Path
) -> None:
    text = (
        "Выписка по счёту 40702810000000000001\n"
        "Период: 01.01.2025 - 31.01.2025\n"
        "\n"
        "Дата операции;Сумма, руб.;Контрагент;Назначение платежа;Канал\n"
        "03.01.2025 10:15;1\u00a0234,56;ООО «Ромашка»;Оплата по счёту №5;Соцсети\n"
        "04.01.2025;12 000,00 р.;Яндекс;Реклама в Директе;Контекстная реклама\n"
        "05.01.2025;0,01;Банк;Комиссия;\n"
    )
    path = write(tmp_path, "bank-1251.csv", text, "cp1251")
    sniffed = im.sniff(path)
    assert sniffed.encoding == "cp1251"
    assert (sniffed.delimiter, sniffed.decimal, sniffed.date_format) == (";", ",", "%d.%m.%Y")
    assert sniffed.header_row == 4
    assert sniffed.header[0] == "Дата операции"
    options = sniffed.options("expenses")
    assert options.mapping == {
        "date": "Дата операции",
        "amount": "Сумма, руб.",
        "channel": "Канал",
        "payee": "Контрагент",
        "note": "Назначение платежа",
    }
    edit = do_import(plan, path)
    assert edit.added == 3
    rows = expenses(plan)
    assert [(r["date"], r["amount_minor"], r["payee"], r["channel_name"]) for r in rows] == [
        (D(2025, 1, 3), 123456, "ООО «Ромашка»", "Соцсети"),
        (D(2025, 1, 4), 1200000, "Яндекс", "Контекстная реклама"),
        (D(2025, 1, 5), 1, "Банк", None),
    ]


def test_utf8_bom_is_not_part_of_the_first_header(plan: PlanFile, tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf" + "Дата;Сумма\n2025-03-01;10\n".encode())
    sniffed = im.sniff(path)
    assert sniffed.encoding == "utf-8-sig" and sniffed.header == ["Дата", "Сумма"]
    assert sniffed.options().mapping == {"date": "Дата", "amount": "Сумма"}
    # Also read right when the user picks plain UTF-8 for a file with a BOM.
    options = sniffed.options()
    options.encoding = "utf-8"
    parsed = im.parse(path, options, "expenses", plan=plan)
    assert parsed.ok and parsed.rows[0].values["amount_minor"] == 1000


def test_preview_follows_the_chosen_options(tmp_path: Path) -> None:
    path = write(tmp_path, "p.csv", "Банк\nДата;Сумма\n01.01.2025;5\n\n02.01.2025;6\n", "cp1251")
    options = CsvOptions(encoding="cp1251", delimiter=";", header_row=2)
    assert im.preview(path, options) == (
        ["Дата", "Сумма"],
        [["01.01.2025", "5"], ["02.01.2025", "6"]],
    )
    options.header_row = 0
    header, rows = im.preview(path, options, limit=2)
    assert header == ["1", "2"] and rows == [["Банк"], ["Дата", "Сумма"]]
    options.encoding = "utf-8"
    with pytest.raises(CsvProblem) as caught:
        im.preview(path, options)
    assert caught.value.first.code == "bad_encoding"


def test_wrong_encoding_names_the_line(plan: PlanFile, tmp_path: Path) -> None:
    path = write(
        tmp_path, "cp.csv", "date,amount,note\n2025-01-01,1,ok\n2025-01-02,2,ещё\n", "cp1251"
    )
    options = CsvOptions(mapping={"date": "date", "amount": "amount", "note": "note"})
    with pytest.raises(CsvProblem) as caught:
        im.parse(path, options, "expenses", plan=plan)
    assert caught.value.first.code == "bad_encoding"
    assert caught.value.first.params == {"encoding": "utf-8", "line": 3}
    options.encoding = "windows-1251"
    assert im.parse(path, options, "expenses", plan=plan).rows[1].values["note"] == "ещё"


def test_empty_file_and_header_only(plan: PlanFile, tmp_path: Path) -> None:
    empty = write(tmp_path, "empty.csv", "")
    with pytest.raises(CsvProblem) as caught:
        im.sniff(empty)
    assert caught.value.first.code == "empty_file"
    options = CsvOptions(mapping={"date": "date", "amount": "amount"})
    with pytest.raises(CsvProblem) as caught:
        im.parse(empty, options, "expenses", plan=plan)
    assert caught.value.first.code == "empty_file"
    header_only = write(tmp_path, "header.csv", "date,amount\n\n")
    with pytest.raises(CsvProblem) as caught:
        im.parse(header_only, options, "expenses", plan=plan)
    assert caught.value.first.code == "no_rows"


def test_file_level_problems(plan: PlanFile, tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", CLEAN)
    cases: list[tuple[CsvOptions, str, str]] = [
        (CsvOptions(mapping={"date": "date"}), "amount", "not_mapped"),
        (CsvOptions(mapping={"date": "date", "amount": "Sum"}), "amount", "unknown_column"),
        (
            CsvOptions(mapping={"date": "date", "amount": "amount", "colour": "x"}),
            "colour",
            "unknown_field",
        ),
        (
            CsvOptions(mapping={"date": "date", "amount": "amount"}, delimiter=";;"),
            "delimiter",
            "bad_option",
        ),
        (
            CsvOptions(mapping={"date": "date", "amount": "amount"}, decimal=","),
            "decimal",
            "bad_option",
        ),
        (
            CsvOptions(mapping={"date": "date", "amount": "amount"}, encoding="klingon"),
            "encoding",
            "unknown_encoding",
        ),
        (
            CsvOptions(mapping={"date": "date", "amount": "amount"}, header_row=99),
            "header_row",
            "no_header",
        ),
    ]
    for options, field_name, code in cases:
        with pytest.raises(CsvProblem) as caught:
            im.parse(path, options, "expenses", plan=plan)
        assert (caught.value.first.field, caught.value.first.code) == (field_name, code)
    with pytest.raises(PlanFileError) as missing:
        im.parse(
            tmp_path / "missing.csv",
            CsvOptions(mapping={"date": "date", "amount": "amount"}),
            plan=plan,
        )
    assert missing.value.code == "not_found"


# --- re-import -----------------------------------------------------------------------------


def test_reimport_adds_nothing_and_identical_payments_both_count(
    plan: PlanFile, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "twice.csv",
        "date,amount,payee,note\n"
        "2025-01-03,500,Yandex,clicks\n"
        "2025-01-03,500,Yandex,clicks\n"  # a genuinely second, identical payment
        "2025-01-04,700,VK,\n",
    )
    first = do_import(plan, path)
    assert first.added == 3
    parsed = im.parse(path, im.sniff(path).options(), "expenses", plan=plan)
    assert parsed.count("present") == 3 and parsed.count("new") == 0
    again = do_import(plan, path)
    assert (again.added, again.skipped) == (0, 3)
    assert len(expenses(plan)) == 3

    # A later, longer statement of the same account: only the new payment is added.
    longer = write(
        tmp_path,
        "longer.csv",
        "date,amount,payee,note\n"
        "2025-01-03,500,Yandex,clicks\n"
        "2025-01-03,500,Yandex,clicks\n"
        "2025-01-04,700,VK,\n"
        "2025-01-05,800,VK,\n",
    )
    edit = do_import(plan, longer)
    assert (edit.added, edit.skipped) == (1, 3)
    assert sorted(r["amount_minor"] for r in expenses(plan)) == [50000, 50000, 70000, 80000]


def test_formula_looking_cells_are_stored_as_text(plan: PlanFile, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "formula.csv",
        'date,amount,payee,note\n2025-01-03,10,"=HYPERLINK(""http://x"",""y"")",=1+2\n'
        "2025-01-04,=2+3,x,\n",
    )
    parsed = im.parse(path, im.sniff(path).options(), "expenses", plan=plan)
    assert [(b.line, b.code, b.params["value"]) for b in parsed.bad_rows] == [
        (3, "bad_amount", "=2+3")
    ]
    run(plan, im.import_edit(plan, parsed, valid_only=True))
    (row,) = expenses(plan)
    assert row["payee"] == '=HYPERLINK("http://x","y")'
    assert row["note"] == "=1+2"


# --- refunds and signs ------------------------------------------------------------------------


def test_refunds_only_when_the_file_says_so(plan: PlanFile, tmp_path: Path) -> None:
    with_column = write(
        tmp_path,
        "refunds.csv",
        "Дата;Сумма;Возврат\n01.02.2025;100,00;нет\n02.02.2025;40,00;да\n03.02.2025;-10,00;возврат\n",
    )
    options = im.sniff(with_column).options()
    assert options.mapping["refund"] == "Возврат"
    run(plan, im.import_edit(plan, im.parse(with_column, options, plan=plan)))
    assert [(r["amount_minor"], r["is_refund"]) for r in expenses(plan)] == [
        (10000, False),
        (-4000, True),
        (-1000, True),
    ]

    signed = write(tmp_path, "signed.csv", "date,amount\n2025-03-01,-25.00\n2025-03-02,30\n")
    parsed = im.parse(signed, im.sniff(signed).options(), plan=plan)
    assert [b.code for b in parsed.bad_rows] == ["negative_amount"]
    edit = do_import(plan, signed, negative_refunds=True)
    assert edit.added == 2
    assert (-2500, True) in [(r["amount_minor"], r["is_refund"]) for r in expenses(plan)]


def test_bank_statement_with_spending_written_negative(plan: PlanFile, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "statement.csv",
        "date,amount,payee\n2025-04-01,-1200.00,Yandex\n2025-04-02,200.00,Yandex refund\n",
    )
    edit = do_import(plan, path, spend_negative=True, negative_refunds=True)
    assert edit.added == 2
    assert [(r["amount_minor"], r["is_refund"]) for r in expenses(plan)] == [
        (120000, False),
        (-20000, True),
    ]


# --- channel results ----------------------------------------------------------------------


RESULTS = (
    "Канал;Месяц;Расход;Показы;Клики;Заявки;Клиенты;Выручка\n"
    "SEO;01.2025;10 000,00;5 000;300;20;4;48 000,00\n"
    "Соцсети;2025-01;5 000;10 000;150;10;2;12 000\n"
)


def test_results_import_and_reimport_overwrites_without_duplicates(
    plan: PlanFile, tmp_path: Path
) -> None:
    path = write(tmp_path, "results.csv", RESULTS)
    options = im.sniff(path).options("results")
    assert options.mapping == {
        "channel": "Канал",
        "month": "Месяц",
        "spend": "Расход",
        "impressions": "Показы",
        "clicks": "Клики",
        "leads": "Заявки",
        "customers": "Клиенты",
        "revenue": "Выручка",
    }
    first = do_import(plan, path, "results")
    assert first.added == 2
    seo = results(plan)[("SEO", D(2025, 1, 1))]
    assert (seo["spend_minor"], seo["impressions"], seo["leads"], seo["revenue_minor"]) == (
        1000000,
        5000,
        20,
        4800000,
    )
    same = do_import(plan, path, "results")
    assert (same.added, same.updated, same.skipped) == (0, 0, 2)

    corrected = write(
        tmp_path,
        "corrected.csv",
        "Канал;Месяц;Заявки\nseo;01.2025;25\n",  # only leads: the rest stays
    )
    edit = do_import(plan, corrected, "results")
    assert (edit.added, edit.updated) == (0, 1)
    seo = results(plan)[("SEO", D(2025, 1, 1))]
    assert (seo["leads"], seo["spend_minor"], seo["clicks"]) == (25, 1000000, 300)
    assert len(result_rows(plan)) == 2
    undo(plan, edit)
    assert results(plan)[("SEO", D(2025, 1, 1))]["leads"] == 20


def test_daily_results_are_summed_per_month(plan: PlanFile, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "daily.csv",
        "channel,day,spend,clicks,leads\n"
        "SEO,2025-05-01,100.10,10,1\n"
        "SEO,2025-05-02,200.20,20,0\n"
        "SEO,2025-06-01,50,5,1\n",
    )
    options = im.sniff(path).options("results")
    options.mapping["month"] = "day"
    parsed = im.parse(path, options, "results", plan=plan)
    assert [r.lines for r in parsed.rows] == [[2, 3], [4]]
    run(plan, im.import_edit(plan, parsed))
    may = results(plan)[("SEO", D(2025, 5, 1))]
    assert (may["spend_minor"], may["clicks"], may["leads"]) == (30030, 30, 1)


def test_results_bad_rows(plan: PlanFile, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad-results.csv",
        "channel,month,clicks,spend\n"
        "SEO,2025-13,1,1\n"
        "Radio,2025-01,1,1\n"
        "SEO,2025-01,1.5,1\n"
        "SEO,2025-02,-3,1\n",
    )
    parsed = im.parse(path, im.sniff(path).options("results"), "results", plan=plan)
    assert [(b.line, b.column, b.code) for b in parsed.bad_rows] == [
        (2, "month", "bad_month"),
        (3, "channel", "unknown_channel"),
        (4, "clicks", "not_whole_number"),
        (5, "clicks", "out_of_range"),
    ]


# --- speed ------------------------------------------------------------------------------------


def test_thousands_of_rows_import_fast_as_one_step(plan: PlanFile, tmp_path: Path) -> None:
    lines = ["date;amount;payee;note"]
    lines += [
        f"{1 + i % 28:02d}.01.2025;" + f"{i * 1001:,}".replace(",", " ") + f",50;Payee {i % 7};n"
        for i in range(1, 5001)
    ]
    path = write(tmp_path, "big.csv", "\n".join(lines) + "\n")
    start = time.perf_counter()
    options = im.sniff(path).options()
    parsed = im.parse(path, options, plan=plan)
    edit = im.import_edit(plan, parsed)
    statements = plan.statements
    run(plan, edit)
    elapsed = time.perf_counter() - start
    assert parsed.ok and edit.added == 5000
    assert plan.statements - statements < 50  # bulk statements (keys looked up 500 at a time)
    assert elapsed < 10, elapsed
    assert len(expenses(plan)) == 5000
    undo(plan, edit)
    assert expenses(plan) == []


# --- amounts ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "decimal", "minor"),
    [
        ("1 234,56", ",", 123456),
        ("1\u00a0234,56", ",", 123456),
        ("1\u202f234,56", ",", 123456),
        ("1.234,56", ",", 123456),
        ("-12.30", ".", -1230),
        ("$1,234.56", ".", 123456),
        ("-$12.30", ".", -1230),
        ("(45.00)", ".", -4500),
        ("1 234,56 руб.", ",", 123456),
        ("₽ 99", ",", 9900),
        ("USD 12.5", ".", 1250),
        ("\u22127,10", ",", -710),
        ("0", ".", 0),
    ],
)
def test_amounts_are_exact(cell: str, decimal: str, minor: int) -> None:
    assert im.parse_amount(cell, decimal, "RUB") == minor


@pytest.mark.parametrize(
    ("cell", "decimal"),
    [
        ("12,5", "."),  # a decimal comma read with a decimal point: refused, not 125
        ("1234.56", ","),
        ("12.345.678", "."),
        ("=1+2", "."),
        ("12abc", "."),
        ("1e5", "."),
        ("12.", "."),
        ("", "."),
        ("--5", "."),
    ],
)
def test_amounts_that_are_refused(cell: str, decimal: str) -> None:
    with pytest.raises(DomainError) as caught:
        im.parse_amount(cell, decimal, "RUB")
    assert caught.value.first.code == "bad_amount"


def test_amount_precision_follows_the_currency() -> None:
    assert im.parse_amount("1 500", ",", "JPY") == 1500
    with pytest.raises(DomainError) as caught:
        im.parse_amount("1,5", ",", "JPY")
    assert caught.value.first.code == "too_precise"
    assert im.parse_amount("1.234", ".", "KWD") == 1234
