"""The whole plan as spreadsheet tables: one XLSX workbook, or one CSV file per table.

``plan_sheets(plan, lang)`` reads every table in one read transaction and returns the sheets
in the order of the planning levels (profile, SWOT, goals, tactical plan, people and weekly
plans, budget and control, results, hypotheses): one sheet per table, named links resolved
(a channel's name, not its id), enum values and headers in the chosen language. Values keep
their types: money is an exact ``Decimal`` in major units, dates are ``datetime.date``,
counts are ``int``, flags are ``bool``.

``export_xlsx`` writes them with openpyxl (no Qt, no QApplication needed): money as numbers
with the currency's number format, dates as real dates with a date format, the header row
frozen and filterable. ``export_csv`` writes ``<table>.csv`` files (UTF-8 with BOM so that
Excel shows Cyrillic, comma-separated, decimal point, ISO dates) that this application's
own CSV import reads back (``expenses.csv``, ``channel_results.csv``).

Formula injection (OWASP "CSV injection"): a TEXT cell beginning with ``=``, ``+``, ``-``,
``@``, a tab or a carriage return never reaches a spreadsheet as a formula. In CSV it is
prefixed with an apostrophe. In XLSX it is written as a string cell with Excel's "quote
prefix" flag, which is exactly how Excel stores a cell typed with a leading apostrophe: it
shows the text as written and keeps it text when edited. Numbers stay numbers (a negative
amount is a number, not text).

Both writers are atomic (a temporary file renamed over the target) and refuse to replace an
existing file unless ``force``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Table, select

from mktplanner.domain.money import minor_digits, to_major
from mktplanner.domain.tables import ALL_TABLES
from mktplanner.services.exchange import write_atomically
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

Row = dict[str, Any]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in XLSX text

# --- texts (en / ru): sheet titles, headers, enum values ------------------------------------

TITLES: dict[str, dict[str, str]] = {
    "en": {
        "plan": "Plan",
        "swot": "SWOT",
        "tows": "TOWS options",
        "goals": "Goals",
        "measurements": "Measurements",
        "directions": "Directions",
        "channels": "Channels",
        "actions": "Actions",
        "people": "People",
        "weekly_plans": "Weekly plans",
        "weekly_metrics": "Weekly metrics",
        "weekly_tasks": "Weekly tasks",
        "budget_lines": "Budget lines",
        "expenses": "Expenses",
        "control_points": "Control points",
        "control_checks": "Control checks",
        "channel_results": "Channel results",
        "hypotheses": "Hypotheses",
    },
    "ru": {
        "plan": "План",
        "swot": "SWOT",
        "tows": "Стратегии TOWS",
        "goals": "Цели",
        "measurements": "Замеры",
        "directions": "Направления",
        "channels": "Каналы",
        "actions": "Мероприятия",
        "people": "Сотрудники",
        "weekly_plans": "Недельные планы",
        "weekly_metrics": "Показатели недели",
        "weekly_tasks": "Задачи недели",
        "budget_lines": "Бюджет",
        "expenses": "Расходы",
        "control_points": "Точки контроля",
        "control_checks": "Проверки",
        "channel_results": "Результаты каналов",
        "hypotheses": "Гипотезы",
    },
}

HEADERS: dict[str, dict[str, str]] = {
    "en": {
        "field": "Field",
        "value": "Value",
        "id": "ID",
        "name": "Name",
        "full_name": "Name",
        "control_target": "Controls",
        "title": "Title",
        "text": "Text",
        "note": "Note",
        "notes": "Notes",
        "quadrant": "Quadrant",
        "weight": "Weight",
        "source": "Source",
        "goals": "Goals",
        "kind": "Kind",
        "internal": "Strength / weakness",
        "external": "Opportunity / threat",
        "goal": "Goal",
        "goal_id": "Goal ID",
        "metric": "Metric",
        "unit": "Unit",
        "baseline": "Baseline",
        "target": "Target",
        "baseline_date": "Baseline date",
        "deadline": "Deadline",
        "owner": "Owner",
        "swot_items": "SWOT items",
        "date": "Date",
        "color": "Colour",
        "direction": "Direction",
        "channel": "Channel",
        "start": "Start",
        "due": "Due",
        "end": "End",
        "budget": "Budget",
        "expected_result": "Expected result",
        "status": "Status",
        "recurrence": "Recurrence",
        "role": "Role",
        "weekly_hours": "Hours a week",
        "unplannable_share": "Unplannable share",
        "manager": "Manager",
        "active_from": "Active from",
        "active_to": "Active to",
        "weekly_plan_id": "Weekly plan ID",
        "person": "Person",
        "iso_year": "Year",
        "iso_week": "Week",
        "state": "State",
        "submitted_on": "Submitted",
        "approved_on": "Approved",
        "approved_by": "Approved by",
        "closed_on": "Closed",
        "planned": "Planned",
        "actual": "Actual",
        "not_measured": "Not measured",
        "description": "Description",
        "action": "Action",
        "occurrence": "Occurrence",
        "end_product": "End product",
        "est_hours": "Estimated hours",
        "actual_hours": "Actual hours",
        "done": "Done",
        "regular": "Regular",
        "unplanned": "Unplanned",
        "carried": "Carried over",
        "month": "Month",
        "amount": "Amount",
        "refund": "Refund",
        "hypothesis": "Hypothesis",
        "payee": "Payee",
        "controller": "Controller",
        "cadence": "Cadence",
        "limit": "Limit",
        "next_due": "Next check",
        "control_point_id": "Control point ID",
        "subject": "Subject",
        "plan_amount": "Plan",
        "actual_amount": "Actual",
        "verdict": "Verdict",
        "comment": "Comment",
        "spend": "Spend",
        "impressions": "Impressions",
        "clicks": "Clicks",
        "leads": "Leads",
        "customers": "Customers",
        "revenue": "Revenue",
        "test_budget": "Test budget",
        "threshold": "Threshold",
        "result": "Result",
        "decision": "Decision",
        "learned": "Learned",
        # the plan's profile (rows of the "Plan" sheet)
        "p.name": "Plan name",
        "p.company": "Company",
        "p.mission": "Mission",
        "p.values": "Values",
        "p.currency": "Currency",
        "p.language": "Language",
        "p.fiscal_year_start": "Fiscal year starts (month)",
        "p.default_weekly_hours": "Default hours a week",
        "p.plan_share": "Share of time that may be planned",
        "p.jump_threshold": "SMART jump threshold",
        "p.tactical_start": "Tactical period starts",
        "p.tactical_months": "Tactical period (months)",
        "p.report_cadence": "Reports: how often",
        "p.report_maker": "Reports: made by",
        "p.report_reader": "Reports: read by",
        "p.report_actor": "Reports: acted on by",
        "p.created": "Created",
        "p.budget_mode": "Budget: mode",
        "p.budget_basis": "Budget: the fixed sum is",
        "p.budget_total": "Budget: fixed sum",
        "p.budget_rollover": "Budget: roll over to the next month",
        "whole_budget": "whole budget",
    },
    "ru": {
        "field": "Поле",
        "value": "Значение",
        "id": "ID",
        "name": "Название",
        "full_name": "Имя",
        "control_target": "Объект контроля",
        "title": "Название",
        "text": "Текст",
        "note": "Примечание",
        "notes": "Заметки",
        "quadrant": "Квадрант",
        "weight": "Вес",
        "source": "Источник",
        "goals": "Цели",
        "kind": "Тип",
        "internal": "Сила / слабость",
        "external": "Возможность / угроза",
        "goal": "Цель",
        "goal_id": "ID цели",
        "metric": "Метрика",
        "unit": "Единица",
        "baseline": "Исходное значение",
        "target": "Целевое значение",
        "baseline_date": "Дата исходного значения",
        "deadline": "Срок",
        "owner": "Ответственный",
        "swot_items": "Пункты SWOT",
        "date": "Дата",
        "color": "Цвет",
        "direction": "Направление",
        "channel": "Канал",
        "start": "Начало",
        "due": "Срок",
        "end": "Конец",
        "budget": "Бюджет",
        "expected_result": "Ожидаемый результат",
        "status": "Статус",
        "recurrence": "Повтор",
        "role": "Роль",
        "weekly_hours": "Часов в неделю",
        "unplannable_share": "Доля незапланируемого",
        "manager": "Руководитель",
        "active_from": "Работает с",
        "active_to": "Работает по",
        "weekly_plan_id": "ID недельного плана",
        "person": "Сотрудник",
        "iso_year": "Год",
        "iso_week": "Неделя",
        "state": "Состояние",
        "submitted_on": "Отправлен",
        "approved_on": "Утверждён",
        "approved_by": "Утвердил",
        "closed_on": "Закрыт",
        "planned": "План",
        "actual": "Факт",
        "not_measured": "Не измерялось",
        "description": "Описание",
        "action": "Мероприятие",
        "occurrence": "Повторение",
        "end_product": "Конечный продукт",
        "est_hours": "Часы (план)",
        "actual_hours": "Часы (факт)",
        "done": "Выполнено",
        "regular": "Регулярная",
        "unplanned": "Внеплановая",
        "carried": "Перенесена",
        "month": "Месяц",
        "amount": "Сумма",
        "refund": "Возврат",
        "hypothesis": "Гипотеза",
        "payee": "Получатель",
        "controller": "Контролёр",
        "cadence": "Периодичность",
        "limit": "Лимит",
        "next_due": "Следующая проверка",
        "control_point_id": "ID точки контроля",
        "subject": "Что контролируется",
        "plan_amount": "План",
        "actual_amount": "Факт",
        "verdict": "Вывод",
        "comment": "Комментарий",
        "spend": "Расход",
        "impressions": "Показы",
        "clicks": "Клики",
        "leads": "Заявки",
        "customers": "Клиенты",
        "revenue": "Выручка",
        "test_budget": "Бюджет теста",
        "threshold": "Порог",
        "result": "Результат",
        "decision": "Решение",
        "learned": "Выводы",
        "p.name": "Название плана",
        "p.company": "Компания",
        "p.mission": "Миссия",
        "p.values": "Ценности",
        "p.currency": "Валюта",
        "p.language": "Язык",
        "p.fiscal_year_start": "Начало финансового года (месяц)",
        "p.default_weekly_hours": "Часов в неделю по умолчанию",
        "p.plan_share": "Доля времени для планирования",
        "p.jump_threshold": "Порог скачка (SMART)",
        "p.tactical_start": "Начало тактического периода",
        "p.tactical_months": "Тактический период (месяцев)",
        "p.report_cadence": "Отчёты: как часто",
        "p.report_maker": "Отчёты: кто составляет",
        "p.report_reader": "Отчёты: кто читает",
        "p.report_actor": "Отчёты: кто принимает меры",
        "p.created": "Создан",
        "p.budget_mode": "Бюджет: способ",
        "p.budget_basis": "Бюджет: фиксированная сумма",
        "p.budget_total": "Бюджет: фиксированная сумма",
        "p.budget_rollover": "Бюджет: переносить остаток",
        "whole_budget": "весь бюджет",
    },
}

VALUES: dict[str, dict[str, str]] = {
    "en": {
        "quadrant.S": "Strength",
        "quadrant.W": "Weakness",
        "quadrant.O": "Opportunity",
        "quadrant.T": "Threat",
        "source.employees": "employees",
        "source.clients": "clients",
        "source.investors": "investors",
        "source.management": "management",
        "source.analysis": "own analysis",
        "status.planned": "planned",
        "status.in_progress": "in progress",
        "status.done": "done",
        "status.cancelled": "cancelled",
        "recurrence.none": "once",
        "recurrence.weekly": "weekly",
        "recurrence.monthly": "monthly",
        "state.draft": "draft",
        "state.submitted": "submitted",
        "state.approved": "approved",
        "state.closed": "closed",
        "kind.count": "count",
        "kind.money": "money",
        "kind.number": "number",
        "cadence.daily": "daily",
        "cadence.weekly": "weekly",
        "cadence.monthly": "monthly",
        "target.budget": "whole budget",
        "target.channel": "channel",
        "target.action": "action",
        "verdict.ok": "ok",
        "verdict.warning": "warning",
        "verdict.over": "over the limit",
        "verdict.overdue": "overdue",
        "verdict.unplanned": "unplanned spend",
        "decision.pending": "pending",
        "decision.scale": "scale",
        "decision.stop": "stop",
        "decision.continue": "continue",
        "mode.bottom_up": "bottom-up (a fixed sum)",
        "mode.top_down": "top-down (the actions' needs)",
        "basis.per_month": "per month",
        "basis.per_period": "for the whole period",
    },
    "ru": {
        "quadrant.S": "Сильная сторона",
        "quadrant.W": "Слабая сторона",
        "quadrant.O": "Возможность",
        "quadrant.T": "Угроза",
        "source.employees": "сотрудники",
        "source.clients": "клиенты",
        "source.investors": "инвесторы",
        "source.management": "руководство",
        "source.analysis": "собственный анализ",
        "status.planned": "запланировано",
        "status.in_progress": "выполняется",
        "status.done": "выполнено",
        "status.cancelled": "отменено",
        "recurrence.none": "однократно",
        "recurrence.weekly": "еженедельно",
        "recurrence.monthly": "ежемесячно",
        "state.draft": "черновик",
        "state.submitted": "отправлен",
        "state.approved": "утверждён",
        "state.closed": "закрыт",
        "kind.count": "количество",
        "kind.money": "деньги",
        "kind.number": "число",
        "cadence.daily": "ежедневно",
        "cadence.weekly": "еженедельно",
        "cadence.monthly": "ежемесячно",
        "target.budget": "весь бюджет",
        "target.channel": "канал",
        "target.action": "мероприятие",
        "verdict.ok": "в норме",
        "verdict.warning": "близко к лимиту",
        "verdict.over": "перерасход",
        "verdict.overdue": "просрочено",
        "verdict.unplanned": "незапланированные траты",
        "decision.pending": "ждёт решения",
        "decision.scale": "масштабировать",
        "decision.stop": "остановить",
        "decision.continue": "продолжить",
        "mode.bottom_up": "снизу (фиксированная сумма)",
        "mode.top_down": "сверху (сумма потребностей мероприятий)",
        "basis.per_month": "в месяц",
        "basis.per_period": "на весь период",
    },
}

YES_NO: dict[str, tuple[str, str]] = {"en": ("yes", "no"), "ru": ("да", "нет")}


# --- sheets ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    key: str  # header key in HEADERS
    kind: str = "auto"  # "month": a date shown as a month; "auto": by the value's type


@dataclass
class Sheet:
    """One table: ``name`` is the CSV file's stem, ``title`` the translated sheet name."""

    name: str
    title: str
    columns: list[Column]
    headers: list[str]
    rows: list[list[Any]] = field(default_factory=list)


def _read_all(plan: PlanFile) -> dict[str, list[Row]]:
    """Every row of every table, ordered by primary key, from one read transaction."""
    out: dict[str, list[Row]] = {}
    with plan.session() as s, s.begin():
        s.connection().exec_driver_sql("BEGIN")  # pysqlite begins none for reads
        for model in ALL_TABLES:
            table: Table = model.__table__  # type: ignore[attr-defined]
            result = s.execute(select(table).order_by(*table.primary_key.columns))
            out[table.name] = [dict(r._mapping) for r in result]
    return out


class _Builder:
    def __init__(self, data: dict[str, list[Row]], lang: str):
        self.data = data
        self.lang = lang if lang in HEADERS else "en"
        plan = data["plan"][0] if data["plan"] else {}
        self.currency: str = plan.get("currency") or "RUB"
        self.names: dict[str, dict[int, str]] = {}
        for table, col in (
            ("person", "name"),
            ("goal", "title"),
            ("channel", "name"),
            ("direction", "name"),
            ("action", "title"),
            ("hypothesis", "title"),
            ("swot_item", "text"),
        ):
            self.names[table] = {r["id"]: r[col] for r in data[table]}
        self.weeks = {r["id"]: r for r in data["weekly_plan"]}

    def name(self, table: str, key: int | None) -> str | None:
        return None if key is None else self.names[table].get(key)

    def money(self, minor: int | None) -> Decimal | None:
        return None if minor is None else to_major(minor, self.currency)

    def value(self, group: str, code: str | None) -> str | None:
        if code is None:
            return None
        return VALUES[self.lang].get(f"{group}.{code}", code)

    def sheet(
        self,
        name: str,
        columns: Sequence[str | Column],
        rows: Iterable[Row],
        cells: Callable[[Row], list[Any]],
    ) -> Sheet:
        cols = [c if isinstance(c, Column) else Column(c) for c in columns]
        headers = [HEADERS[self.lang][c.key] for c in cols]
        sheet = Sheet(name, TITLES[self.lang][name], cols, headers)
        sheet.rows = [cells(r) for r in rows]
        return sheet


def plan_sheets(plan: PlanFile, lang: str = "en") -> list[Sheet]:
    """Every sheet of the plan, in the order of the planning levels."""
    return build_sheets(_read_all(plan), lang)


def build_sheets(data: dict[str, list[Row]], lang: str = "en") -> list[Sheet]:
    b = _Builder(data, lang)
    n, v, money = b.name, b.value, b.money
    quadrant_order = {"S": 0, "W": 1, "O": 2, "T": 3}
    goal_swot: dict[int, list[int]] = {}
    swot_goals: dict[int, list[int]] = {}
    for link in data["goal_swot"]:
        goal_swot.setdefault(link["goal_id"], []).append(link["swot_item_id"])
        swot_goals.setdefault(link["swot_item_id"], []).append(link["goal_id"])

    def joined(table: str, keys: list[int]) -> str:
        return "; ".join(str(n(table, k)) for k in sorted(keys))

    def week_cells(weekly_plan_id: int) -> list[Any]:
        w = b.weeks.get(weekly_plan_id, {})
        return [
            weekly_plan_id,
            n("person", w.get("person_id")),
            w.get("iso_year"),
            w.get("iso_week"),
        ]

    sheets = [_profile_sheet(b)]
    sheets.append(
        b.sheet(
            "swot",
            ["id", "quadrant", "text", "note", "weight", "source", "goals"],
            sorted(
                data["swot_item"],
                key=lambda r: (quadrant_order.get(r["quadrant"], 9), r["position"], r["id"]),
            ),
            lambda r: [
                r["id"],
                v("quadrant", r["quadrant"]),
                r["text"],
                r["note"],
                r["weight"],
                v("source", r["source"]),
                joined("goal", swot_goals.get(r["id"], [])),
            ],
        )
    )
    swot = {r["id"]: r for r in data["swot_item"]}
    sheets.append(
        b.sheet(
            "tows",
            ["id", "kind", "internal", "external", "text", "goal"],
            sorted(data["tows_option"], key=lambda r: (r["position"], r["id"])),
            lambda r: [
                r["id"],
                swot.get(r["internal_id"], {}).get("quadrant", "?")
                + swot.get(r["external_id"], {}).get("quadrant", "?"),
                n("swot_item", r["internal_id"]),
                n("swot_item", r["external_id"]),
                r["text"],
                n("goal", r["goal_id"]),
            ],
        )
    )
    sheets.append(
        b.sheet(
            "goals",
            [
                "id",
                "title",
                "metric",
                "unit",
                "baseline",
                "target",
                "baseline_date",
                "deadline",
                "owner",
                "swot_items",
                "notes",
            ],
            sorted(data["goal"], key=lambda r: (r["position"], r["id"])),
            lambda r: [
                r["id"],
                r["title"],
                r["metric"],
                r["unit"],
                r["baseline"],
                r["target"],
                r["baseline_date"],
                r["deadline"],
                n("person", r["owner_id"]),
                joined("swot_item", goal_swot.get(r["id"], [])),
                r["notes"],
            ],
        )
    )
    sheets.append(
        b.sheet(
            "measurements",
            ["goal_id", "goal", "date", "value", "note"],
            sorted(data["measurement"], key=lambda r: (r["goal_id"], r["date"], r["id"])),
            lambda r: [r["goal_id"], n("goal", r["goal_id"]), r["date"], r["value"], r["note"]],
        )
    )
    for name, table in (("directions", "direction"), ("channels", "channel")):
        sheets.append(
            b.sheet(
                name,
                ["id", "name", "color"],
                sorted(data[table], key=lambda r: (r["position"], r["id"])),
                lambda r: [r["id"], r["name"], r["color"]],
            )
        )
    sheets.append(
        b.sheet(
            "actions",
            [
                "id",
                "title",
                "goal",
                "direction",
                "channel",
                "owner",
                "start",
                "due",
                "budget",
                "expected_result",
                "status",
                "recurrence",
            ],
            sorted(data["action"], key=lambda r: (r["position"], r["id"])),
            lambda r: [
                r["id"],
                r["title"],
                n("goal", r["goal_id"]),
                n("direction", r["direction_id"]),
                n("channel", r["channel_id"]),
                n("person", r["owner_id"]),
                r["start"],
                r["due"],
                money(r["budget_minor"]),
                r["expected_result"],
                v("status", r["status"]),
                v("recurrence", r["recurrence"]),
            ],
        )
    )
    sheets.append(
        b.sheet(
            "people",
            [
                "id",
                "full_name",
                "role",
                "weekly_hours",
                "unplannable_share",
                "manager",
                "active_from",
                "active_to",
            ],
            data["person"],
            lambda r: [
                r["id"],
                r["name"],
                r["role"],
                r["weekly_hours"],
                r["unplannable_share"],
                n("person", r["manager_id"]),
                r["active_from"],
                r["active_to"],
            ],
        )
    )
    sheets.append(
        b.sheet(
            "weekly_plans",
            [
                "id",
                "person",
                "iso_year",
                "iso_week",
                "state",
                "submitted_on",
                "approved_on",
                "approved_by",
                "closed_on",
                "note",
            ],
            sorted(data["weekly_plan"], key=lambda r: (r["iso_year"], r["iso_week"], r["id"])),
            lambda r: [
                r["id"],
                n("person", r["person_id"]),
                r["iso_year"],
                r["iso_week"],
                v("state", r["state"]),
                r["submitted_on"],
                r["approved_on"],
                n("person", r["approved_by_id"]),
                r["closed_on"],
                r["note"],
            ],
        )
    )
    week_cols = ["weekly_plan_id", "person", "iso_year", "iso_week"]
    sheets.append(
        b.sheet(
            "weekly_metrics",
            [*week_cols, "name", "kind", "unit", "planned", "actual", "not_measured"],
            sorted(
                data["weekly_metric"], key=lambda r: (r["weekly_plan_id"], r["position"], r["id"])
            ),
            lambda r: [
                *week_cells(r["weekly_plan_id"]),
                r["name"],
                v("kind", r["kind"]),
                r["unit"],
                r["planned"],
                r["actual"],
                bool(r["not_measured"]),
            ],
        )
    )
    sheets.append(
        b.sheet(
            "weekly_tasks",
            [
                *week_cols,
                "description",
                "action",
                "occurrence",
                "end_product",
                "est_hours",
                "actual_hours",
                "done",
                "regular",
                "unplanned",
                "carried",
            ],
            sorted(
                data["weekly_task"], key=lambda r: (r["weekly_plan_id"], r["position"], r["id"])
            ),
            lambda r: [
                *week_cells(r["weekly_plan_id"]),
                r["description"],
                n("action", r["action_id"]),
                r["occurrence"],
                r["end_product"],
                r["est_hours"],
                r["actual_hours"],
                bool(r["done"]),
                bool(r["regular"]),
                bool(r["unplanned"]),
                bool(r["carried"]),
            ],
        )
    )
    sheets.append(
        b.sheet(
            "budget_lines",
            [Column("month", "month"), "channel", "action", "amount"],
            sorted(data["budget_line"], key=lambda r: (r["month"], r["id"])),
            lambda r: [
                r["month"],
                n("channel", r["channel_id"]),
                n("action", r["action_id"]),
                money(r["amount_minor"]),
            ],
        )
    )
    # The first columns are those the CSV import maps by default (a round trip works).
    sheets.append(
        b.sheet(
            "expenses",
            ["date", "amount", "refund", "channel", "action", "payee", "note", "hypothesis", "id"],
            sorted(data["expense"], key=lambda r: (r["date"], r["id"])),
            lambda r: [
                r["date"],
                money(r["amount_minor"]),
                bool(r["is_refund"]),
                n("channel", r["channel_id"]),
                n("action", r["action_id"]),
                r["payee"],
                r["note"],
                n("hypothesis", r["hypothesis_id"]),
                r["id"],
            ],
        )
    )

    def subject(r: Row) -> str | None:
        if r["channel_id"] is not None:
            return n("channel", r["channel_id"])
        if r["action_id"] is not None:
            return n("action", r["action_id"])
        return HEADERS[b.lang]["whole_budget"]

    points = {r["id"]: r for r in data["control_point"]}
    sheets.append(
        b.sheet(
            "control_points",
            [
                "id",
                "control_target",
                "subject",
                "controller",
                "cadence",
                "limit",
                "next_due",
                "note",
            ],
            data["control_point"],
            lambda r: [
                r["id"],
                v("target", r["target"]),
                subject(r),
                n("person", r["controller_id"]),
                v("cadence", r["cadence"]),
                money(r["limit_minor"]),
                r["next_due"],
                r["note"],
            ],
        )
    )
    sheets.append(
        b.sheet(
            "control_checks",
            [
                "control_point_id",
                "subject",
                "date",
                "person",
                "plan_amount",
                "actual_amount",
                "verdict",
                "comment",
            ],
            sorted(data["control_check"], key=lambda r: (r["date"], r["id"])),
            lambda r: [
                r["control_point_id"],
                subject(points[r["control_point_id"]]) if r["control_point_id"] in points else None,
                r["date"],
                n("person", r["person_id"]),
                money(r["plan_minor"]),
                money(r["actual_minor"]),
                v("verdict", r["verdict"]),
                r["comment"],
            ],
        )
    )
    channel_order = {r["id"]: (r["position"], r["id"]) for r in data["channel"]}
    sheets.append(
        b.sheet(
            "channel_results",
            [
                "channel",
                Column("month", "month"),
                "spend",
                "impressions",
                "clicks",
                "leads",
                "customers",
                "revenue",
            ],
            sorted(
                data["channel_result"],
                key=lambda r: (r["month"], channel_order.get(r["channel_id"], (0, 0))),
            ),
            lambda r: [
                n("channel", r["channel_id"]),
                r["month"],
                money(r["spend_minor"]),  # empty: the month's spend comes from the expenses
                r["impressions"],
                r["clicks"],
                r["leads"],
                r["customers"],
                money(r["revenue_minor"]),
            ],
        )
    )
    sheets.append(
        b.sheet(
            "hypotheses",
            [
                "id",
                "title",
                "channel",
                "test_budget",
                "start",
                "end",
                "metric",
                "threshold",
                "result",
                "decision",
                "learned",
            ],
            data["hypothesis"],
            lambda r: [
                r["id"],
                r["title"],
                n("channel", r["channel_id"]),
                money(r["test_budget_minor"]),
                r["start"],
                r["end"],
                r["metric"],
                r["threshold"],
                r["result"],
                v("decision", r["decision"]),
                r["learned"],
            ],
        )
    )
    return sheets


def _profile_sheet(b: _Builder) -> Sheet:
    p = b.data["plan"][0] if b.data["plan"] else {}
    budget = b.data["budget"][0] if b.data["budget"] else {}
    rows: list[tuple[str, Any]] = [
        ("name", p.get("name")),
        ("company", p.get("company")),
        ("mission", p.get("mission")),
        ("values", p.get("values")),
        ("currency", p.get("currency")),
        ("language", p.get("language")),
        ("fiscal_year_start", p.get("fiscal_year_start")),
        ("default_weekly_hours", p.get("default_weekly_hours")),
        ("plan_share", p.get("plan_share")),
        ("jump_threshold", p.get("jump_threshold")),
        ("tactical_start", p.get("tactical_start")),
        ("tactical_months", p.get("tactical_months")),
        ("report_cadence", b.value("cadence", p.get("report_cadence") or None)),
        ("report_maker", p.get("report_maker")),
        ("report_reader", p.get("report_reader")),
        ("report_actor", p.get("report_actor")),
        ("created", p.get("created")),
        ("budget_mode", b.value("mode", budget.get("mode"))),
        ("budget_basis", b.value("basis", budget.get("basis"))),
        ("budget_total", b.money(budget.get("total_minor"))),
        ("budget_rollover", None if not budget else bool(budget.get("rollover"))),
    ]
    return b.sheet(
        "plan",
        ["field", "value"],
        [{"k": k, "v": val} for k, val in rows],
        lambda r: [
            HEADERS[b.lang][f"p.{r['k']}"],
            r["v"],
        ],
    )


# --- escaping ---------------------------------------------------------------------------------


def looks_like_formula(text: str) -> bool:
    return text.startswith(FORMULA_START)


def escape_text(text: str) -> str:
    """A text cell made safe for a spreadsheet that reads CSV: a leading apostrophe when it
    would otherwise be taken for a formula (OWASP CSV injection)."""
    return "'" + text if looks_like_formula(text) else text


# --- writing ------------------------------------------------------------------------------


def _refuse_existing(path: Path, force: bool, plan: PlanFile | None = None) -> None:
    if path.is_dir():
        raise PlanFileError("is_directory", path)
    if plan is not None and path.exists() and path.resolve() == Path(plan.path).resolve():
        raise PlanFileError("exists", path)  # never over the plan itself, --force or not
    if path.exists() and not force:
        raise PlanFileError("exists", path)


def _locale(lang: str) -> str:
    return "ru_RU" if lang == "ru" else "en_US"


def money_format(currency: str, lang: str = "en") -> str:
    """An Excel number format for amounts in ``currency`` (its minor digits, its symbol)."""
    from babel.numbers import get_currency_symbol

    digits = minor_digits(currency)
    number = "#,##0" + ("." + "0" * digits if digits else "")
    symbol = get_currency_symbol(currency, locale=_locale(lang)).replace('"', "")
    return f'{number} "{symbol}"' if lang == "ru" else f'"{symbol}"{number}'


DATE_FORMATS = {"en": "yyyy-mm-dd", "ru": "dd.mm.yyyy"}
MONTH_FORMATS = {"en": "yyyy-mm", "ru": "mm.yyyy"}


def workbook_bytes(sheets: list[Sheet], currency: str, lang: str = "en") -> bytes:
    """The sheets as an XLSX file's bytes.

    A normal (not write-only) workbook: only it records each sheet's dimension, which
    read-only readers (pandas, openpyxl's read-only mode) rely on."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    lang = lang if lang in HEADERS else "en"
    wb = Workbook()
    wb.remove(wb.active)
    bold = Font(bold=True)
    fmt_money = money_format(currency, lang)
    used: set[str] = set()
    for sheet in sheets:
        ws = wb.create_sheet(_sheet_title(sheet.title, used))
        ws.freeze_panes = "A2"
        widths = [len(h) for h in sheet.headers]
        for col, h in enumerate(sheet.headers, start=1):
            cell = ws.cell(row=1, column=col)
            cell.value = _text(h)
            cell.data_type = "s"
            cell.font = bold
        for r, row in enumerate(sheet.rows, start=2):
            for col, (column, value) in enumerate(zip(sheet.columns, row, strict=True), start=1):
                _fill(ws.cell(row=r, column=col), value, column, fmt_money, lang)
                widths[col - 1] = max(widths[col - 1], _width(value))
        for col, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 8), 60)
        if sheet.headers:
            last = get_column_letter(len(sheet.headers))
            ws.auto_filter.ref = f"A1:{last}{len(sheet.rows) + 1}"
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _sheet_title(title: str, used: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", " ", title)[:31] or "Sheet"
    name, i = base, 2
    while name.casefold() in used:
        suffix = f" ({i})"
        name, i = base[: 31 - len(suffix)] + suffix, i + 1
    used.add(name.casefold())
    return name


def _width(value: Any) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    if isinstance(value, bool):
        return 5
    text = str(value)
    return max((len(line) for line in text.splitlines()), default=0)


def _text(value: str) -> str:
    return _ILLEGAL_XML.sub("", value)


def _fill(cell: Any, value: Any, column: Column, fmt_money: str, lang: str) -> None:
    if isinstance(value, str):
        text = _text(value)
        cell.value = text
        # Always a string cell: openpyxl would store "=..." as a formula. A formula-looking
        # text also gets Excel's quote prefix (the typed apostrophe), so it stays text on edit.
        cell.data_type = "s"
        if looks_like_formula(text):
            cell.quotePrefix = True
        return
    cell.value = value
    if isinstance(value, Decimal):
        cell.number_format = fmt_money
    elif isinstance(value, dt.date):
        fmt = MONTH_FORMATS if column.kind == "month" else DATE_FORMATS
        cell.number_format = fmt[lang]


def _csv_value(value: Any, column: Column, lang: str) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date) and column.kind == "month":
        return f"{value.year:04d}-{value.month:02d}"
    if isinstance(value, bool):
        return YES_NO[lang][0 if value else 1]
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float):
        return repr(value) if value != int(value) else str(int(value))
    if isinstance(value, int):
        return str(value)
    return escape_text(str(value))


def csv_bytes(sheet: Sheet, lang: str = "en") -> bytes:
    """One sheet as CSV: UTF-8 with BOM, comma, decimal point, ISO dates, escaped formulas."""
    lang = lang if lang in YES_NO else "en"
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([escape_text(h) for h in sheet.headers])
    for row in sheet.rows:
        writer.writerow([_csv_value(v, c, lang) for c, v in zip(sheet.columns, row, strict=True)])
    return buffer.getvalue().encode("utf-8-sig")


def _plan_currency(sheets_data: dict[str, list[Row]]) -> str:
    return (sheets_data["plan"][0]["currency"] if sheets_data["plan"] else None) or "RUB"


def export_xlsx(plan: PlanFile, out: Path | str, *, lang: str = "en", force: bool = False) -> Path:
    """Write the whole plan to the workbook ``out`` (atomically); refuses an existing file
    unless ``force`` (``PlanFileError("exists")``)."""
    out = Path(out)
    _refuse_existing(out, force, plan)
    data = _read_all(plan)
    sheets = build_sheets(data, lang)
    write_atomically(out, workbook_bytes(sheets, _plan_currency(data), lang))
    return out


def export_csv(
    plan: PlanFile, folder: Path | str, *, lang: str = "en", force: bool = False
) -> list[Path]:
    """Write one ``<table>.csv`` per sheet into ``folder`` (made if missing; its parent must
    exist). Refuses when any of these files exists already, unless ``force``; nothing is
    written then."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise PlanFileError("exists", folder)
    sheets = plan_sheets(plan, lang)
    targets = [folder / f"{s.name}.csv" for s in sheets]
    if folder.is_dir():
        for path in targets:
            _refuse_existing(path, force)
    else:
        try:
            folder.mkdir()
        except FileNotFoundError as exc:
            raise PlanFileError("not_found", folder.parent) from exc
        except OSError as exc:
            from mktplanner.store.planfile import translate_os_error

            raise translate_os_error(exc, folder) from exc
    for sheet, path in zip(sheets, targets, strict=True):
        write_atomically(path, csv_bytes(sheet, lang))
    return targets
