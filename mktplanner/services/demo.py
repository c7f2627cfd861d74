"""The demo plan: a small coffee shop with believable data at every level of the method.

"Кофейня «Зерно»" (Russian, RUB) or "Grain Coffee House" (English, USD). Every date is
relative to ``today`` so the demo always looks current: the tactical period runs from two
months before the current month to three months after it; the weekly plans cover the two
previous ISO weeks (closed), the current one (approved) and the next one (draft).

The demo is built to trigger the app's findings; :data:`FACTS` names the rows behind each
one so that tests (and other parts of the app) can rely on them:

- goal 2 (average check) has no deadline: SMART "T" fails;
- goal 3 (delivery orders) is off track (6 % of the way after more than 40 % of the time);
- action 7 (delivery aggregator) is late: due in the previous month, still in progress;
- action 5 (leaflets) has no owner; action 13 (second espresso machine) serves no goal and
  has no budget;
- Igor, the barista who takes the inbound calls (40 % of his time cannot be planned), has
  a capacity of 40 h x 0.6 x 0.65 = 15.6 h and 19 planned hours this week (over capacity);
- the context-ads control point (monthly limit 250 USD / 25 000 RUB) is over its limit this
  month (330 USD / 33 000 RUB spent, whatever the day); the social-media one is fine (its
  spend follows the month's pace at 55 % of the limit);
- one expense has neither channel nor action (unplanned spend), one is a refund;
- context ads bring leads at about four times the cost of social media (reallocation hint);
- the bottom-up budget is 800 USD (80 000 RUB) a month: the first month's budget lines plan
  exactly 800 (balanced), the fourth (index 3) plans 900 (short by 100), the others 750
  (50 unallocated); the actions need 4 900 against 4 800 for the six months (short by 100;
  one action, the espresso machine, has no budget);
- the first month's spend (870) exceeds its plan (800);
- hypothesis 1 is decided (scale), hypothesis 2 is running (pending).

Amounts are designed in US dollars; the Russian demo uses 100 roubles per dollar, so every
minor-unit amount in RUB is exactly 100 times the USD one.

``build_demo(path, lang, scale=N)`` adds N - 1 extra "branches" of synthetic data
(people, weekly plans, actions, expenses, channels with five years of results), written with
``executemany`` on the plan's raw connection: the performance tests' large plans.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import secrets
import shutil
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.rules.dates import (
    add_months,
    iso_week_of,
    monday_of,
    month_end,
    month_start,
    shift_iso_week,
)
from mktplanner.domain.tables import ALL_TABLES, TABLE_BY_NAME
from mktplanner.store.backup import folder_for as backup_folder_for
from mktplanner.store.errors import PlanFileError
from mktplanner.store.lock import PlanLock
from mktplanner.store.planfile import EXTENSION, PlanFile, translate_db_error, translate_os_error

Row = dict[str, Any]
Rows = dict[str, list[Row]]

LANGUAGES = ("ru", "en")
RUB_PER_USD = 100
MONTHLY_BUDGET_USD = 800
TABLE_ORDER: tuple[str, ...] = tuple(t.__tablename__ for t in ALL_TABLES)  # type: ignore[misc]


@dataclass(frozen=True)
class DemoFacts:
    """Ids of the rows behind the demo's deliberate findings (the same in both languages)."""

    goal_on_track: int = 1
    goal_without_deadline: int = 2
    goal_off_track: int = 3
    tows_option_as_goal: int = 1
    action_late: int = 7
    action_without_owner: int = 5
    action_without_goal: int = 13
    action_recurring: int = 2
    person_manager: int = 1  # Anna: manages the two others
    person_unplannable: int = 2  # Igor: 40 % of his time on inbound calls
    person_part_time: int = 3  # Maria: 30 h a week
    capacity_unplannable: float = 15.6
    capacity_manager: float = 26.0
    capacity_part_time: float = 19.5
    over_capacity_week_hours: float = 19.0  # Igor, current week
    weekly_plan_over_capacity: int = 7  # Igor's current week (ids: 4 weeks per person, in order)
    expense_refund: int = 25
    expense_unplanned: int = 26  # neither channel nor action
    control_over: int = 1  # context ads, monthly, over its limit this month
    control_ok: int = 2  # social media, monthly, on pace
    channel_expensive: int = 1  # context ads: CPL about 4x social media
    channel_cheap: int = 2  # social media
    channel_without_clicks: int = 3  # outdoor: no clicks, so CPC is null (CTR 0)
    hypothesis_decided: int = 1
    hypothesis_running: int = 2
    over_budget_month_index: int = 3  # 0-based month of the tactical period: 900 of 800
    swot_items: int = 10
    goals: int = 3
    actions: int = 14
    people: int = 3
    weekly_plans: int = 12


FACTS = DemoFacts()


def _pick(lang: str, pair: tuple[str, str]) -> str:
    return pair[0] if lang == "ru" else pair[1]


class _Money:
    """Designed in US dollars; RUB minor units are 100x (100 roubles per dollar)."""

    def __init__(self, lang: str):
        self.factor = 100 * (RUB_PER_USD if lang == "ru" else 1)
        self.major_factor = RUB_PER_USD if lang == "ru" else 1

    def __call__(self, usd: float) -> int:
        return int(round(usd * self.factor))

    def major(self, usd: float) -> float:
        """An amount in major units as a float (weekly money metrics, goal values)."""
        return round(usd * self.major_factor, 2)


# --- texts -----------------------------------------------------------------------------

T = tuple[str, str]

PLAN_NAME: T = ("Кофейня «Зерно»: маркетинговый план", "Grain Coffee House: marketing plan")
COMPANY: T = ("Кофейня «Зерно»", "Grain Coffee House")
MISSION: T = (
    "Делать утро района вкуснее: свежая обжарка, быстрый сервис и место, где гостя знают по имени.",
    "Make the neighbourhood's mornings better: freshly roasted coffee, quick service and a place "
    "where guests are known by name.",
)
VALUES: T = (
    "Качество зерна; скорость без суеты; уважение к гостям и команде; честные цены.",
    "Quality beans; speed without fuss; respect for guests and the team; fair prices.",
)
REPORT_MAKER: T = ("Анна Смирнова, управляющая", "Anna Smith, manager")
REPORT_READER: T = ("Олег Смирнов, совладелец", "Oliver Smith, co-owner")
REPORT_ACTOR: T = (
    "Анна Смирнова вместе с командой на планёрке",
    "Anna Smith with the team at the stand-up",
)

PEOPLE: list[dict[str, Any]] = [
    {
        "name": ("Анна Смирнова", "Anna Smith"),
        "role": ("Управляющая", "Manager"),
        "hours": 40.0,
        "unplannable": 0.0,
        "manager": None,
    },
    {
        "name": ("Игорь Петров", "Igor Peters"),
        "role": ("Бариста, приём звонков и заказов", "Barista, inbound calls and orders"),
        "hours": 40.0,
        "unplannable": 0.4,
        "manager": 1,
    },
    {
        "name": ("Мария Кузнецова", "Maria Cooper"),
        "role": ("SMM и контент (30 ч в неделю)", "Social media and content (30 h a week)"),
        "hours": 30.0,
        "unplannable": 0.0,
        "manager": 1,
    },
]

# key, quadrant, text, note, weight, source
SWOT: list[tuple[str, str, T, T, int, str]] = [
    (
        "S1",
        "S",
        (
            "Собственная обжарка: зерно не старше двух недель",
            "Own roasting: beans never older than two weeks",
        ),
        (
            "Гости называют это главной причиной возвращаться.",
            "Guests name it as the main reason they come back.",
        ),
        5,
        "clients",
    ),
    (
        "S2",
        "S",
        ("Место у бизнес-центра и университета", "Next to a business centre and a university"),
        ("", ""),
        4,
        "analysis",
    ),
    (
        "S3",
        "S",
        (
            "Постоянные гости: 300 карт в программе лояльности",
            "Regulars: 300 cards in the loyalty programme",
        ),
        ("", ""),
        3,
        "management",
    ),
    (
        "W1",
        "W",
        (
            "Маленький зал: 20 мест, очереди с 8 до 9 утра",
            "Small room: 20 seats, queues from 8 to 9 am",
        ),
        ("Часть гостей уходит, не дождавшись заказа.", "Some guests leave before they are served."),
        4,
        "employees",
    ),
    (
        "W2",
        "W",
        ("Нет онлайн-заказа и доставки", "No online ordering or delivery"),
        ("", ""),
        4,
        "clients",
    ),
    (
        "W3",
        "W",
        ("Маркетинг без плана и контроля расходов", "Marketing without a plan or spending control"),
        ("", ""),
        3,
        "management",
    ),
    (
        "O1",
        "O",
        (
            "Доставка через агрегаторы в районе растёт на 30 % в год",
            "Delivery through aggregators grows 30 % a year in the district",
        ),
        ("По данным агрегатора для партнёров.", "From the aggregator's partner report."),
        4,
        "analysis",
    ),
    (
        "O2",
        "O",
        (
            "Рядом сдаётся новый жилой комплекс на 2 000 квартир",
            "A new residential complex with 2,000 flats opens next door",
        ),
        ("", ""),
        5,
        "analysis",
    ),
    (
        "T1",
        "T",
        ("Напротив открывается кофейня сети", "A chain coffee shop opens across the street"),
        (
            "Ответ: свежая обжарка и скорость, а не цена.",
            "Answer: fresh roasting and speed, not price.",
        ),
        5,
        "employees",
    ),
    ("T2", "T", ("Зерно дорожает", "Green coffee prices keep rising"), ("", ""), 3, "investors"),
]

# key, title, metric, unit, baseline_usd_or_count, target, money?, deadline?, owner, swot links,
# measurements (three month-ends)
GOALS: list[dict[str, Any]] = [
    {
        "key": "G1",
        "title": (
            "Привлечь постоянных гостей из нового ЖК",
            "Win regular guests from the new complex",
        ),
        "metric": ("Новые участники программы лояльности в месяц", "New loyalty members per month"),
        "unit": ("чел.", "people"),
        "baseline": 40.0,
        "target": 100.0,
        "money": False,
        "deadline": True,
        "owner": 1,
        "swot": ["S1", "O2"],
        "values": [42.0, 58.0, 76.0],
    },
    {
        "key": "G2",
        "title": ("Поднять средний чек", "Raise the average check"),
        "metric": ("Средний чек", "Average check"),
        "unit": ("₽", "$"),
        "baseline": 3.5,
        "target": 4.2,
        "money": True,
        "deadline": False,
        "owner": 2,
        "swot": ["S3"],
        "values": [3.52, 3.65, 3.71],
    },
    {
        "key": "G3",
        "title": ("Запустить доставку и заказы на вынос", "Launch delivery and take-away orders"),
        "metric": ("Заказы доставки в месяц", "Delivery orders per month"),
        "unit": ("шт.", "orders"),
        "baseline": 120.0,
        "target": 300.0,
        "money": False,
        "deadline": True,
        "owner": 1,
        "swot": ["W2", "O1", "T1"],
        "values": [118.0, 126.0, 131.0],
    },
]

TOWS: list[tuple[str, str, T, str | None]] = [
    (
        "S1",
        "O2",
        (
            "Дегустации свежей обжарки для жителей нового ЖК",
            "Tastings of fresh roasts for the new complex's residents",
        ),
        "G1",
    ),
    (
        "W2",
        "O1",
        (
            "Подключить доставку через агрегатор, пока рынок растёт",
            "Join a delivery aggregator while the market grows",
        ),
        None,
    ),
]

DIRECTIONS: list[tuple[T, str]] = [
    (("Маркетинг", "Marketing"), "#4C78A8"),
    (("Продажи", "Sales"), "#F58518"),
    (("Производство", "Production"), "#B279A2"),
]

CHANNELS: list[tuple[T, str]] = [
    (("Контекстная реклама", "Context ads"), "#4C78A8"),
    (("Соцсети", "Social media"), "#F58518"),
    (("Наружная реклама", "Outdoor"), "#B279A2"),
    (("Дегустации и мероприятия", "Tastings and events"), "#54A24B"),
]
CH_CONTEXT, CH_SOCIAL, CH_OUTDOOR, CH_EVENTS = 1, 2, 3, 4

# number, title, direction, goal, channel, owner, start month, start day, due month, due day
# (None: month end), budget USD, expected result, status, recurrence
ACTIONS: list[dict[str, Any]] = [
    {
        "title": (
            "Контекстная реклама: кофе с собой и доставка",
            "Context ads: take-away and delivery",
        ),
        "dir": 1,
        "goal": "G3",
        "ch": CH_CONTEXT,
        "owner": 3,
        "from": (0, 1),
        "to": (5, None),
        "usd": 1500,
        "status": "in_progress",
        "result": (
            "25 заявок в месяц при цене заявки до 600 ₽",
            "25 leads a month at up to $6 a lead",
        ),
    },
    {
        "title": ("Посты в соцсетях каждую неделю", "Weekly social media posts"),
        "dir": 1,
        "goal": "G1",
        "ch": CH_SOCIAL,
        "owner": 3,
        "from": (0, 1),
        "to": (5, None),
        "usd": 600,
        "status": "in_progress",
        "recurrence": "weekly",
        "result": ("3 поста в неделю, охват 5 000 в неделю", "3 posts a week, 5,000 reach a week"),
    },
    {
        "title": ("Дегустации в холле нового ЖК", "Tastings in the new complex's lobby"),
        "dir": 1,
        "goal": "G1",
        "ch": CH_EVENTS,
        "owner": 1,
        "from": (0, 10),
        "to": (1, None),
        "usd": 300,
        "status": "done",
        "result": ("60 новых участников программы лояльности", "60 new loyalty members"),
    },
    {
        "title": ("Баннер на фасаде и штендер", "Facade banner and A-board"),
        "dir": 1,
        "goal": "G1",
        "ch": CH_OUTDOOR,
        "owner": 2,
        "from": (0, 1),
        "to": (5, None),
        "usd": 900,
        "status": "in_progress",
        "result": ("25 купонов с баннера в месяц", "25 banner coupons redeemed a month"),
    },
    {
        "title": ("Листовки в почтовые ящики ЖК", "Leaflets for the complex's mailboxes"),
        "dir": 1,
        "goal": "G1",
        "ch": CH_EVENTS,
        "owner": None,
        "from": (2, 15),
        "to": (3, 15),
        "usd": 120,
        "status": "planned",
        "result": ("2 000 листовок, 40 купонов погашено", "2,000 leaflets, 40 coupons redeemed"),
    },
    {
        "title": (
            "Таргет в соцсетях на жителей ЖК (тест)",
            "Targeted social ads for the complex (test)",
        ),
        "dir": 1,
        "goal": "G1",
        "ch": CH_SOCIAL,
        "owner": 3,
        "from": (1, 1),
        "to": (3, None),
        "usd": 400,
        "status": "in_progress",
        "result": ("Цена заявки ниже 300 ₽", "Cost per lead below $3"),
    },
    {
        "title": ("Подключить доставку через агрегатор", "Join a delivery aggregator"),
        "dir": 2,
        "goal": "G3",
        "ch": None,
        "owner": 1,
        "from": (0, 1),
        "to": (1, 15),
        "usd": 0,
        "status": "in_progress",
        "result": (
            "Кофейня в приложении, 100 заказов в месяц",
            "Listed in the app, 100 orders a month",
        ),
    },
    {
        "title": (
            "Корпоративные заказы для бизнес-центра",
            "Corporate orders for the business centre",
        ),
        "dir": 2,
        "goal": "G3",
        "ch": None,
        "owner": 2,
        "from": (1, 1),
        "to": (4, None),
        "usd": 200,
        "status": "in_progress",
        "result": ("5 офисов заказывают кофе на встречи", "5 offices order coffee for meetings"),
    },
    {
        "title": ("Карта лояльности: 10-я чашка в подарок", "Loyalty card: the 10th cup is free"),
        "dir": 2,
        "goal": "G2",
        "ch": None,
        "owner": 1,
        "from": (0, 1),
        "to": (1, None),
        "usd": 100,
        "status": "done",
        "result": ("500 карт выдано", "500 cards handed out"),
    },
    {
        "title": ("Комбо «кофе + десерт»", "Coffee + dessert combo"),
        "dir": 2,
        "goal": "G2",
        "ch": None,
        "owner": 2,
        "from": (2, 1),
        "to": (3, None),
        "usd": 50,
        "status": "in_progress",
        "result": ("Комбо в 15 % чеков", "Combo in 15 % of checks"),
    },
    {
        "title": ("Сезонное меню напитков", "Seasonal drinks menu"),
        "dir": 3,
        "goal": "G2",
        "ch": None,
        "owner": 2,
        "from": (3, 1),
        "to": (4, None),
        "usd": 150,
        "status": "planned",
        "result": ("3 сезонных напитка в меню", "3 seasonal drinks on the menu"),
    },
    {
        "title": ("Тренинг бариста по допродажам", "Upselling training for baristas"),
        "dir": 3,
        "goal": "G2",
        "ch": None,
        "owner": 1,
        "from": (2, 1),
        "to": (2, None),
        "usd": 80,
        "status": "planned",
        "result": ("Десерт предлагают в 8 из 10 заказов", "A dessert offered in 8 of 10 orders"),
    },
    {
        "title": (
            "Вторая кофемашина для утреннего пика",
            "A second espresso machine for the morning rush",
        ),
        "dir": 3,
        "goal": None,
        "ch": None,
        "owner": 1,
        "from": (4, 1),
        "to": (5, None),
        "usd": None,
        "status": "planned",
        "result": ("Очередь в 8–9 утра не длиннее 5 минут", "Queue from 8 to 9 am under 5 minutes"),
    },
    {
        "title": ("Онлайн-предзаказ на сайте", "Online pre-ordering on the website"),
        "dir": 2,
        "goal": "G3",
        "ch": None,
        "owner": 3,
        "from": (3, 1),
        "to": (5, None),
        "usd": 500,
        "status": "planned",
        "result": ("20 % заказов на вынос через сайт", "20 % of take-away orders via the website"),
    },
]

# Budget lines per month: channel -> USD; month 3 plans an extra tasting for the complex's opening.
BUDGET_LINES_USD = {CH_CONTEXT: 250, CH_SOCIAL: 200, CH_OUTDOOR: 150, CH_EVENTS: 150}
OVER_BUDGET_EVENTS_USD = 300
FIRST_MONTH_EVENTS_USD = 100  # month 0 plans exactly 800: 250 + 200 + 150 + 100 + 100 (cards)
LOYALTY_CARDS_USD = 100

# Monthly results per channel (typical month; varied per month below): impressions, clicks,
# leads, customers, revenue USD, spend USD (for the months before the plan's expenses).
RESULTS: dict[int, tuple[int, int, int, int, int, int]] = {
    CH_CONTEXT: (40_000, 800, 20, 8, 420, 250),
    CH_SOCIAL: (60_000, 1_500, 70, 35, 760, 200),
    CH_OUTDOOR: (30_000, 0, 25, 15, 330, 150),
    CH_EVENTS: (600, 0, 45, 30, 480, 120),
}

# Weekly plans: person -> 4 weeks (-2, -1, 0, +1) of tasks:
# (description, end product, action number or None, est, actual, flags)
STANDUP: tuple[T, T] = (
    ("Планёрка с командой", "Team stand-up"),
    ("Протокол с задачами в чате команды", "Minutes with tasks posted in the team chat"),
)
NEXT_PLAN: tuple[T, T] = (
    ("План на следующую неделю", "Next week's plan"),
    (
        "План отправлен на согласование до пятницы 18:00",
        "Plan submitted for approval by Friday 6 pm",
    ),
)
RECONCILE: tuple[T, T] = (
    ("Сверка расходов с выпиской банка", "Reconcile expenses with the bank statement"),
    ("Расходы в плане совпадают с выпиской до рубля", "Expenses in the plan match the statement"),
)

Task = tuple[tuple[T, T], int | None, float, float | None, str]  # texts, action, est, actual, flags


def _t(desc: T, product: T) -> tuple[T, T]:
    return (desc, product)


TASKS: dict[int, list[list[Task]]] = {
    1: [  # Anna, capacity 26 h
        [
            (STANDUP, None, 1.5, 1.5, "regular done"),
            (NEXT_PLAN, None, 1.0, 1.0, "regular done"),
            (
                _t(
                    ("Договор с агрегатором доставки", "Contract with the delivery aggregator"),
                    ("Договор подписан обеими сторонами", "Contract signed by both sides"),
                ),
                7,
                5.0,
                7.0,
                "done",
            ),
            (
                _t(
                    (
                        "Согласовать дегустацию с управляющей компанией ЖК",
                        "Agree a tasting with the complex's management",
                    ),
                    ("Дата и место подтверждены письмом", "Date and place confirmed in writing"),
                ),
                3,
                3.0,
                2.5,
                "done",
            ),
            (RECONCILE, None, 2.0, 2.0, "done"),
            (
                _t(
                    ("Заказать карты лояльности", "Order loyalty cards"),
                    ("500 карт получены из типографии", "500 cards delivered by the printer"),
                ),
                9,
                2.0,
                2.0,
                "done",
            ),
        ],
        [
            (STANDUP, None, 1.5, 1.5, "regular done"),
            (NEXT_PLAN, None, 1.0, 1.0, "regular done"),
            (
                _t(
                    ("Загрузить меню в кабинет агрегатора", "Upload the menu to the aggregator"),
                    (
                        "Меню с фото опубликовано, тестовый заказ прошёл",
                        "Menu with photos is live and a test order went through",
                    ),
                ),
                7,
                4.0,
                6.0,
                "",
            ),
            (
                _t(
                    (
                        "Подготовка к дегустации: зерно, стойка, листовки",
                        "Tasting preparation: beans, stand, leaflets",
                    ),
                    (
                        "Чек-лист подготовки выполнен накануне",
                        "Preparation checklist done the day before",
                    ),
                ),
                3,
                3.0,
                3.0,
                "done",
            ),
            (
                _t(
                    ("Провести дегустацию в холле ЖК", "Run the tasting in the complex's lobby"),
                    (
                        "40+ гостей и 30+ анкет в программу лояльности",
                        "40+ guests and 30+ loyalty sign-ups",
                    ),
                ),
                3,
                6.0,
                6.5,
                "done",
            ),
            (RECONCILE, None, 2.0, 1.5, "done"),
        ],
        [
            (STANDUP, None, 1.5, None, "regular"),
            (NEXT_PLAN, None, 1.0, None, "regular"),
            (
                _t(
                    ("Загрузить меню в кабинет агрегатора", "Upload the menu to the aggregator"),
                    (
                        "Меню с фото опубликовано, тестовый заказ прошёл",
                        "Menu with photos is live and a test order went through",
                    ),
                ),
                7,
                3.0,
                None,
                "carried",
            ),
            (
                _t(
                    ("Тренинг бариста по допродажам", "Upselling training for baristas"),
                    (
                        "Десерт предлагают в 8 из 10 заказов (проверка по чекам)",
                        "A dessert offered in 8 of 10 orders (checked on receipts)",
                    ),
                ),
                12,
                4.0,
                None,
                "",
            ),
            (
                _t(
                    (
                        "Комбо «кофе + десерт»: цены и ценники",
                        "Coffee + dessert combo: prices and tags",
                    ),
                    ("Комбо в кассе и на меню-борде", "Combo in the till and on the menu board"),
                ),
                10,
                3.0,
                None,
                "",
            ),
            (
                _t(
                    ("Проверить контрольные точки бюджета", "Check the budget control points"),
                    (
                        "Проверка записана, перерасход объяснён",
                        "Check recorded, overspend explained",
                    ),
                ),
                None,
                1.0,
                None,
                "",
            ),
            (
                _t(
                    ("Вторая кофемашина: три предложения", "Second espresso machine: three quotes"),
                    ("Таблица сравнения трёх предложений", "A table comparing three quotes"),
                ),
                13,
                3.0,
                None,
                "",
            ),
        ],
        [
            (STANDUP, None, 1.5, None, "regular"),
            (NEXT_PLAN, None, 1.0, None, "regular"),
            (
                _t(
                    ("Заказать листовки для ЖК", "Order leaflets for the complex"),
                    ("Макет утверждён, заказ оплачен", "Layout approved and the order paid"),
                ),
                5,
                2.0,
                None,
                "",
            ),
            (
                _t(
                    (
                        "Подготовка к встрече с офис-менеджером БЦ",
                        "Prepare the meeting with the business centre's office manager",
                    ),
                    (
                        "Прайс, образцы и презентация на одной странице",
                        "Price list, samples and a one-page presentation",
                    ),
                ),
                8,
                1.5,
                None,
                "",
            ),
            (
                _t(
                    (
                        "Встреча с офис-менеджером БЦ",
                        "Meeting with the business centre's office manager",
                    ),
                    (
                        "Офис-менеджер задал вопросы об условиях и попросил предложение",
                        "The office manager asked about the terms and requested an offer",
                    ),
                ),
                8,
                2.0,
                None,
                "",
            ),
            (
                _t(
                    ("Сезонное меню: дегустация в команде", "Seasonal menu: team tasting"),
                    (
                        "Выбраны 3 напитка, посчитана себестоимость",
                        "3 drinks chosen, costs calculated",
                    ),
                ),
                11,
                3.0,
                None,
                "",
            ),
            (RECONCILE, None, 2.0, None, ""),
        ],
    ],
    2: [  # Igor, capacity 15.6 h (40 % on inbound calls)
        [
            (STANDUP, None, 1.5, 1.5, "regular done"),
            (NEXT_PLAN, None, 0.5, 0.5, "regular done"),
            (
                _t(
                    ("Обзвон арендаторов бизнес-центра", "Call the business centre's tenants"),
                    (
                        "Список 20 офисов с контактами и ответом «да/нет»",
                        "A list of 20 offices with contacts and a yes/no answer",
                    ),
                ),
                8,
                4.0,
                5.0,
                "done",
            ),
            (
                _t(
                    ("Себестоимость десертов", "Dessert costs"),
                    ("Таблица себестоимости 6 десертов", "A cost table of 6 desserts"),
                ),
                10,
                3.0,
                3.0,
                "done",
            ),
            (
                _t(
                    ("Инвентаризация склада", "Stock take"),
                    ("Акт инвентаризации подписан", "Stock-take report signed"),
                ),
                None,
                3.0,
                4.0,
                "done",
            ),
        ],
        [
            (STANDUP, None, 1.5, 1.5, "regular done"),
            (NEXT_PLAN, None, 0.5, 0.5, "regular done"),
            (
                _t(
                    (
                        "Коммерческое предложение для офисов БЦ",
                        "An offer for the business centre's offices",
                    ),
                    ("Предложение отправлено 10 офисам", "Offer sent to 10 offices"),
                ),
                8,
                4.0,
                4.0,
                "done",
            ),
            (
                _t(
                    ("Пробные наборы в 3 офиса", "Sample boxes for 3 offices"),
                    (
                        "3 набора доставлены, отзывы записаны",
                        "3 boxes delivered, feedback written down",
                    ),
                ),
                8,
                3.0,
                4.0,
                "done",
            ),
            (
                _t(
                    ("Стойка заказов на вынос", "A take-away order counter"),
                    (
                        "Стойка у входа, заказ без очереди в зал",
                        "Counter at the door, no queueing in the room",
                    ),
                ),
                None,
                4.0,
                5.0,
                "done",
            ),
        ],
        [
            (STANDUP, None, 1.5, None, "regular"),
            (NEXT_PLAN, None, 0.5, None, "regular"),
            (
                _t(
                    (
                        "Подготовка к переговорам: прайс и образцы",
                        "Prepare the talks: price list and samples",
                    ),
                    (
                        "Прайс и 3 образца готовы накануне",
                        "Price list and 3 samples ready the day before",
                    ),
                ),
                8,
                2.0,
                None,
                "",
            ),
            (
                _t(
                    (
                        "Переговоры с 3 офисами о корпоративных заказах",
                        "Talks with 3 offices about corporate orders",
                    ),
                    ("Два офиса согласовали пробный месяц", "Two offices agreed to a trial month"),
                ),
                8,
                5.0,
                None,
                "",
            ),
            (
                _t(
                    ("Обучить смену продаже комбо", "Teach the shift to sell the combo"),
                    (
                        "Каждый бариста называет комбо без подсказки",
                        "Every barista offers the combo unprompted",
                    ),
                ),
                10,
                3.0,
                None,
                "",
            ),
            (
                _t(
                    ("Сиропы для сезонного меню", "Syrups for the seasonal menu"),
                    ("Три поставщика, цены в таблице", "Three suppliers, prices in a table"),
                ),
                11,
                3.0,
                None,
                "",
            ),
            (
                _t(
                    ("Инвентаризация склада", "Stock take"),
                    ("Акт инвентаризации подписан", "Stock-take report signed"),
                ),
                None,
                4.0,
                None,
                "",
            ),
        ],
        [
            (STANDUP, None, 1.5, None, "regular"),
            (NEXT_PLAN, None, 0.5, None, "regular"),
            (
                _t(
                    (
                        "График доставки корпоративных заказов",
                        "Delivery schedule for corporate orders",
                    ),
                    ("График согласован с двумя офисами", "Schedule agreed with both offices"),
                ),
                8,
                4.0,
                None,
                "",
            ),
            (
                _t(
                    ("Рецептуры сезонных напитков", "Recipes of the seasonal drinks"),
                    ("Техкарты трёх напитков", "Recipe cards of three drinks"),
                ),
                11,
                4.0,
                None,
                "",
            ),
            (
                _t(("Резерв на внеплановые задачи", "Reserve for unplanned work"), ("", "")),
                None,
                2.0,
                None,
                "unplanned",
            ),
        ],
    ],
    3: [  # Maria, 30 h a week, capacity 19.5 h
        [
            (STANDUP, None, 1.5, 1.5, "regular done"),
            (NEXT_PLAN, None, 1.0, 1.0, "regular done"),
            (
                _t(
                    ("Посты недели: 3 публикации", "This week's posts: 3 publications"),
                    (
                        "3 поста по контент-плану, охват не меньше 5 000",
                        "3 posts as planned, reach of at least 5,000",
                    ),
                ),
                2,
                6.0,
                7.0,
                "done",
            ),
            (
                _t(
                    ("Отчёт по контекстной рекламе", "Context ads report"),
                    (
                        "Расход, клики, заявки; 2 дорогих запроса отключены",
                        "Spend, clicks, leads; 2 expensive keywords switched off",
                    ),
                ),
                1,
                2.0,
                2.0,
                "done",
            ),
            (
                _t(
                    (
                        "Настроить таргет на жителей ЖК",
                        "Set up targeted ads for the complex's residents",
                    ),
                    (
                        "Кампания запущена, аудитория не меньше 3 000 человек",
                        "Campaign live with an audience of at least 3,000",
                    ),
                ),
                6,
                4.0,
                5.0,
                "done",
            ),
        ],
        [
            (STANDUP, None, 1.5, 1.5, "regular done"),
            (NEXT_PLAN, None, 1.0, 1.0, "regular done"),
            (
                _t(
                    ("Посты недели: 3 публикации", "This week's posts: 3 publications"),
                    (
                        "3 поста по контент-плану, охват не меньше 5 000",
                        "3 posts as planned, reach of at least 5,000",
                    ),
                ),
                2,
                6.0,
                6.0,
                "done",
            ),
            (
                _t(
                    ("Таргет: 2 новых креатива", "Targeted ads: 2 new creatives"),
                    ("Цена заявки снизилась на 10 %", "Cost per lead down by 10 %"),
                ),
                6,
                3.0,
                3.0,
                "done",
            ),
            (
                _t(
                    ("Отчёт по контекстной рекламе", "Context ads report"),
                    (
                        "Расход, клики, заявки; выводы для планёрки",
                        "Spend, clicks, leads; notes for the stand-up",
                    ),
                ),
                1,
                2.0,
                2.0,
                "done",
            ),
            (
                _t(
                    ("Техзадание на онлайн-предзаказ", "Brief for online pre-ordering"),
                    (
                        "Техзадание на 2 страницы согласовано с Анной",
                        "A 2-page brief approved by Anna",
                    ),
                ),
                14,
                4.0,
                5.0,
                "done",
            ),
        ],
        [
            (STANDUP, None, 1.5, None, "regular"),
            (NEXT_PLAN, None, 1.0, None, "regular"),
            (
                _t(
                    ("Посты недели: 3 публикации", "This week's posts: 3 publications"),
                    (
                        "3 поста по контент-плану, охват не меньше 5 000",
                        "3 posts as planned, reach of at least 5,000",
                    ),
                ),
                2,
                6.0,
                None,
                "",
            ),
            (
                _t(
                    ("Таргет: ставки и аудитории", "Targeted ads: bids and audiences"),
                    ("Цена заявки не выше 300 ₽", "Cost per lead at most $3"),
                ),
                6,
                3.0,
                None,
                "",
            ),
            (
                _t(
                    ("Отчёт по контекстной рекламе", "Context ads report"),
                    (
                        "Расход, клики, заявки; выводы для планёрки",
                        "Spend, clicks, leads; notes for the stand-up",
                    ),
                ),
                1,
                2.0,
                None,
                "",
            ),
            (
                _t(
                    ("Выбрать подрядчика для сайта", "Choose a contractor for the website"),
                    ("Три сметы, выбор обоснован", "Three quotes and a reasoned choice"),
                ),
                14,
                4.0,
                None,
                "",
            ),
        ],
        [
            (STANDUP, None, 1.5, None, "regular"),
            (NEXT_PLAN, None, 1.0, None, "regular"),
            (
                _t(
                    ("Посты недели: 3 публикации", "This week's posts: 3 publications"),
                    (
                        "3 поста по контент-плану, охват не меньше 5 000",
                        "3 posts as planned, reach of at least 5,000",
                    ),
                ),
                2,
                6.0,
                None,
                "",
            ),
            (
                _t(
                    ("Итоги теста таргета", "Results of the targeted ads test"),
                    (
                        "Решение по гипотезе: масштабировать или остановить",
                        "A decision on the hypothesis: scale or stop",
                    ),
                ),
                6,
                2.0,
                None,
                "",
            ),
            (
                _t(
                    ("Макет листовки для ЖК", "Leaflet layout for the complex"),
                    ("Макет с купоном утверждён", "Layout with a coupon approved"),
                ),
                5,
                3.0,
                None,
                "",
            ),
        ],
    ],
}

# Weekly metrics per person: name, kind, unit, [(planned, actual, not_measured)] x 4 weeks.
# Money metrics are in USD here and converted to major units of the plan's currency.
METRICS: dict[int, list[tuple[T, str, T, list[tuple[float, float | None, bool]]]]] = {
    1: [
        (
            ("Выручка кофейни", "Café revenue"),
            "money",
            ("₽", "$"),
            [
                (2000.0, 2045.0, False),
                (2065.0, 1998.0, False),
                (2020.0, None, False),
                (2040.0, None, False),
            ],
        ),
        (
            ("Новые участники программы лояльности", "New loyalty members"),
            "count",
            ("чел.", "people"),
            [(15, 18, False), (18, 41, False), (20, None, False), (20, None, False)],
        ),
    ],
    2: [
        (
            ("Корпоративные заказы", "Corporate orders"),
            "count",
            ("шт.", "orders"),
            [(2, 1, False), (2, 2, False), (3, None, False), (4, None, False)],
        ),
        (
            ("Средний чек", "Average check"),
            "money",
            ("₽", "$"),
            [(3.6, 3.65, False), (3.69, None, True), (3.7, None, False), (3.74, None, False)],
        ),
    ],
    3: [
        (
            ("Публикации", "Posts published"),
            "count",
            ("шт.", "posts"),
            [(3, 3, False), (3, 3, False), (3, None, False), (3, None, False)],
        ),
        (
            ("Заявки из соцсетей", "Leads from social media"),
            "count",
            ("шт.", "leads"),
            [(16, 17, False), (17, 19, False), (19, None, False), (19, None, False)],
        ),
    ],
}

WEEK_STATES = ("closed", "closed", "approved", "draft")


# --- building the rows -------------------------------------------------------------------


class _Builder:
    def __init__(self, lang: str, today: dt.date):
        if lang not in LANGUAGES:
            raise DomainError(
                [Problem("language", "unknown_value", {"value": lang, "allowed": list(LANGUAGES)})]
            )
        self.lang = lang
        self.today = today
        self.money = _Money(lang)
        self.rows: Rows = {name: [] for name in TABLE_ORDER}
        self.this_month = month_start(today)
        self.start = add_months(self.this_month, -2)  # the tactical period's first month

    def tr(self, pair: T) -> str:
        return _pick(self.lang, pair)

    def month(self, index: int) -> dt.date:
        return add_months(self.start, index)

    def add(self, table: str, **values: Any) -> int:
        rows = self.rows[table]
        if "id" in TABLE_BY_NAME[table].__table__.columns:  # type: ignore[attr-defined]
            values = {"id": len(rows) + 1, **values}
        rows.append(values)
        return int(values.get("id", 0))

    # each level of the method
    def build(self) -> Rows:
        self.profile()
        self.people()
        self.swot()
        self.goals()
        self.tactics()
        self.hypotheses()
        self.weekly()
        self.budget()
        self.expenses()
        self.control()
        self.results()
        return self.rows

    def profile(self) -> None:
        self.add(
            "plan",
            name=self.tr(PLAN_NAME),
            company=self.tr(COMPANY),
            mission=self.tr(MISSION),
            values=self.tr(VALUES),
            currency="RUB" if self.lang == "ru" else "USD",
            language=self.lang,
            fiscal_year_start=1,
            default_weekly_hours=40.0,
            plan_share=0.65,
            jump_threshold=3.0,
            tactical_start=self.start,
            tactical_months=6,
            report_cadence="weekly",
            report_maker=self.tr(REPORT_MAKER),
            report_reader=self.tr(REPORT_READER),
            report_actor=self.tr(REPORT_ACTOR),
            created=self.start - dt.timedelta(days=10),
        )

    def people(self) -> None:
        for p in PEOPLE:
            self.add(
                "person",
                name=self.tr(p["name"]),
                role=self.tr(p["role"]),
                weekly_hours=p["hours"],
                unplannable_share=p["unplannable"],
                manager_id=p["manager"],
                active_from=add_months(self.start, -14),
                active_to=None,
            )

    def swot(self) -> None:
        self.swot_ids: dict[str, int] = {}
        position: dict[str, int] = {}
        for key, quadrant, text, note, weight, source in SWOT:
            pos = position.get(quadrant, 0)
            position[quadrant] = pos + 1
            self.swot_ids[key] = self.add(
                "swot_item",
                quadrant=quadrant,
                text=self.tr(text),
                note=self.tr(note),
                weight=weight,
                source=source,
                position=pos,
            )

    def goals(self) -> None:
        self.goal_ids: dict[str, int] = {}
        baseline_date = add_months(self.start, -1)
        deadline = month_end(add_months(self.start, 5))
        for pos, g in enumerate(GOALS):
            conv = self.money.major if g["money"] else float
            goal_id = self.add(
                "goal",
                title=self.tr(g["title"]),
                metric=self.tr(g["metric"]),
                unit=self.tr(g["unit"]),
                baseline=conv(g["baseline"]),
                target=conv(g["target"]),
                baseline_date=baseline_date,
                deadline=deadline if g["deadline"] else None,
                owner_id=g["owner"],
                notes="",
                position=pos,
            )
            self.goal_ids[g["key"]] = goal_id
            for key in g["swot"]:
                self.add("goal_swot", goal_id=goal_id, swot_item_id=self.swot_ids[key])
            for i, value in enumerate(g["values"]):
                self.add(
                    "measurement",
                    goal_id=goal_id,
                    date=month_end(add_months(baseline_date, i)),
                    value=conv(value),
                    note="",
                )
        for pos, (internal, external, text, goal) in enumerate(TOWS):
            self.add(
                "tows_option",
                internal_id=self.swot_ids[internal],
                external_id=self.swot_ids[external],
                text=self.tr(text),
                goal_id=self.goal_ids[goal] if goal else None,
                position=pos,
            )

    def tactics(self) -> None:
        for pos, (name, color) in enumerate(DIRECTIONS):
            self.add("direction", name=self.tr(name), color=color, position=pos)
        for pos, (name, color) in enumerate(CHANNELS):
            self.add("channel", name=self.tr(name), color=color, position=pos)
        self.actions: list[Row] = []
        for pos, a in enumerate(ACTIONS):
            (m0, d0), (m1, d1) = a["from"], a["to"]
            start = self.month(m0).replace(day=d0)
            due = month_end(self.month(m1)) if d1 is None else self.month(m1).replace(day=d1)
            self.add(
                "action",
                title=self.tr(a["title"]),
                direction_id=a["dir"],
                goal_id=self.goal_ids[a["goal"]] if a["goal"] else None,
                channel_id=a["ch"],
                owner_id=a["owner"],
                start=start,
                due=due,
                budget_minor=None if a["usd"] is None else self.money(a["usd"]),
                expected_result=self.tr(a["result"]),
                status=a["status"],
                recurrence=a.get("recurrence", "none"),
                position=pos,
            )
            self.actions.append(self.rows["action"][-1])

    def hypotheses(self) -> None:
        m = self.money
        self.add(
            "hypothesis",
            title=self.tr(
                (
                    "Дегустации в ЖК дают 30+ новых участников программы лояльности за месяц",
                    "Tastings in the complex bring 30+ new loyalty members a month",
                )
            ),
            channel_id=CH_EVENTS,
            test_budget_minor=m(150),
            start=self.month(0),
            end=month_end(self.month(0)),
            metric=self.tr(("Новые участники программы лояльности", "New loyalty members")),
            threshold=30.0,
            result=42.0,
            decision="scale",
            learned=self.tr(
                (
                    "Работает: 42 анкеты за две дегустации. Лучше всего в субботу утром; "
                    "повторять раз в месяц до конца заселения ЖК.",
                    "It works: 42 sign-ups from two tastings. Saturday mornings work best; "
                    "repeat monthly until the complex is fully occupied.",
                )
            ),
        )
        self.add(
            "hypothesis",
            title=self.tr(
                (
                    "Таргет на жителей ЖК приводит заявки дешевле 300 ₽",
                    "Targeted ads for the complex bring leads under $3",
                )
            ),
            channel_id=CH_SOCIAL,
            test_budget_minor=m(300),
            start=self.month(1),
            end=month_end(self.month(3)),
            metric=self.tr(("Цена заявки", "Cost per lead")),
            threshold=m.major(3.0),
            result=None,
            decision="pending",
            learned="",
        )

    def weekly(self) -> None:
        current = iso_week_of(self.today)
        for person in (1, 2, 3):
            for i, offset in enumerate((-2, -1, 0, 1)):
                year, week = shift_iso_week(current.year, current.week, offset)
                monday = monday_of(year, week)
                state = WEEK_STATES[i]
                submitted = monday - dt.timedelta(days=3) if state != "draft" else None
                approved = (
                    monday - dt.timedelta(days=1) if state in ("approved", "closed") else None
                )
                plan_id = self.add(
                    "weekly_plan",
                    person_id=person,
                    iso_year=year,
                    iso_week=week,
                    state=state,
                    submitted_on=submitted,
                    approved_on=approved,
                    approved_by_id=1 if approved and person != 1 else None,
                    closed_on=monday + dt.timedelta(days=4) if state == "closed" else None,
                    note="",
                )
                for pos, (name, kind, unit, weeks) in enumerate(METRICS[person]):
                    planned, actual, not_measured = weeks[i]
                    conv = self.money.major if kind == "money" else float
                    self.add(
                        "weekly_metric",
                        weekly_plan_id=plan_id,
                        name=self.tr(name),
                        kind=kind,
                        unit=self.tr(unit),
                        planned=conv(planned),
                        actual=None if actual is None else conv(actual),
                        not_measured=not_measured,
                        position=pos,
                    )
                for pos, ((desc, product), action, est, actual_h, flags) in enumerate(
                    TASKS[person][i]
                ):
                    self.add(
                        "weekly_task",
                        weekly_plan_id=plan_id,
                        description=self.tr(desc),
                        action_id=action,
                        occurrence=self._occurrence(action, monday),
                        end_product=self.tr(product),
                        est_hours=est,
                        actual_hours=actual_h,
                        done="done" in flags,
                        regular="regular" in flags,
                        unplanned="unplanned" in flags,
                        carried="carried" in flags,
                        position=pos,
                    )

    def _occurrence(self, action: int | None, monday: dt.date) -> dt.date | None:
        """The date of a weekly action's occurrence inside the week (start + 7k)."""
        if action is None or self.actions[action - 1]["recurrence"] != "weekly":
            return None
        start: dt.date = self.actions[action - 1]["start"]
        return monday + dt.timedelta(days=(start - monday).days % 7)

    def budget(self) -> None:
        self.add(
            "budget",
            mode="bottom_up",
            basis="per_month",
            total_minor=self.money(MONTHLY_BUDGET_USD),
            rollover=False,
        )
        for i in range(6):
            for channel, usd in BUDGET_LINES_USD.items():
                if channel == CH_EVENTS and i == FACTS.over_budget_month_index:
                    usd = OVER_BUDGET_EVENTS_USD
                elif channel == CH_EVENTS and i == 0:
                    usd = FIRST_MONTH_EVENTS_USD
                self.add(
                    "budget_line",
                    month=self.month(i),
                    channel_id=channel,
                    action_id=None,
                    amount_minor=self.money(usd),
                )
        # The loyalty cards (action 9, no channel) are planned on the action itself.
        self.add(
            "budget_line",
            month=self.month(0),
            channel_id=None,
            action_id=9,
            amount_minor=self.money(LOYALTY_CARDS_USD),
        )

    def expenses(self) -> None:
        m = self.money
        payee = {
            CH_CONTEXT: ("Яндекс Директ", "Google Ads"),
            CH_SOCIAL: ("VK Реклама", "Meta Ads"),
            CH_OUTDOOR: ("ООО «Фасад-Медиа»", "Facade Media Ltd"),
            CH_EVENTS: ("ИП Орлова (кейтеринг)", "Orlova Catering"),
        }

        def add(
            day: dt.date,
            usd: float,
            channel: int | None,
            action: int | None,
            note: T,
            *,
            refund: bool = False,
            who: T | None = None,
        ) -> None:
            self.add(
                "expense",
                date=day,
                amount_minor=m(usd),
                is_refund=refund,
                channel_id=channel,
                action_id=action,
                hypothesis_id=self._hypothesis_for(channel, action, day),
                payee=self.tr(who) if who else (self.tr(payee[channel]) if channel else ""),
                note=self.tr(note),
                import_key=None,
            )

        topup: T = ("Пополнение рекламного кабинета", "Ad account top-up")
        boost: T = ("Продвижение поста", "Boosted post")
        rent: T = ("Аренда места под баннер", "Banner space rent")
        for i in (0, 1):  # two complete months
            first = self.month(i)
            for day in (2, 9, 16, 23):
                add(first.replace(day=day), 60, CH_CONTEXT, 1, topup)
            for day in (5, 12, 19):
                add(first.replace(day=day), 40, CH_SOCIAL, 2, boost)
            add(first, 150, CH_OUTDOOR, 4, rent)
        first = self.month(0)
        add(
            first.replace(day=3),
            50,
            CH_CONTEXT,
            1,
            ("Настройка кампании фрилансером", "Campaign set-up by a freelancer"),
            who=("Фрилансер С. Волков", "S. Wolf, freelancer"),
        )
        add(
            first.replace(day=14),
            80,
            CH_SOCIAL,
            2,
            ("Фотосессия напитков для постов", "Drinks photo shoot for the posts"),
            who=("Фотограф Е. Лис", "E. Fox, photographer"),
        )
        add(
            first.replace(day=18),
            40,
            CH_EVENTS,
            3,
            ("Печать анкет и листовок", "Forms and flyers printing"),
            who=("Типография «Оттиск»", "Imprint Printers"),
        )
        add(
            first.replace(day=20),
            90,
            CH_EVENTS,
            3,
            ("Дегустация: десерты и посуда", "Tasting: desserts and cups"),
        )
        add(
            first.replace(day=6),
            100,
            None,
            9,
            ("Карты лояльности, 500 шт.", "Loyalty cards, 500 pcs"),
            who=("Типография «Оттиск»", "Imprint Printers"),
        )
        second = self.month(1)
        for day in (8, 22):
            add(
                second.replace(day=day),
                50,
                CH_SOCIAL,
                6,
                ("Таргет на жителей ЖК", "Targeted ads for the complex"),
            )
        add(second.replace(day=17), 110, CH_EVENTS, 3, ("Вторая дегустация", "Second tasting"))
        add(
            second.replace(day=25),
            -15,
            CH_CONTEXT,
            1,
            ("Возврат за недействительные клики", "Refund for invalid clicks"),
            refund=True,
        )
        add(
            second.replace(day=27),
            35,
            None,
            None,
            ("Печать нового меню", "New menu printing"),
            who=("Типография «Оттиск»", "Imprint Printers"),
        )
        # The current month, dated no later than today: context ads over the control point's
        # limit whatever the day (330 of 250), social media on pace at 55 % of its limit.
        this = self.this_month
        elapsed = self.today.day
        days = month_end(this).day
        for k in range(3):
            add(this.replace(day=1 + (elapsed - 1) * k // 3), 110, CH_CONTEXT, 1, topup)
        social_usd = max(1, round(200 * 0.55 * elapsed / days))
        parts = min(3, social_usd)
        base, rest = divmod(social_usd, parts)
        for k in range(parts):
            add(
                this.replace(day=1 + (elapsed - 1) * k // parts),
                base + (1 if k < rest else 0),
                CH_SOCIAL,
                2,
                boost,
            )
        add(this, 150, CH_OUTDOOR, 4, rent)

    def _hypothesis_for(self, channel: int | None, action: int | None, day: dt.date) -> int | None:
        if action == 3 and day <= month_end(self.month(0)):
            return 1
        if action == 6:
            return 2
        return None

    def control(self) -> None:
        m = self.money
        next_due = month_end(self.this_month)
        self.add(
            "control_point",
            target="channel",
            channel_id=CH_CONTEXT,
            action_id=None,
            controller_id=1,
            cadence="monthly",
            limit_minor=m(250),
            next_due=next_due,
            note=self.tr(
                (
                    "Проверять расход кабинета раз в месяц; при перерасходе снижать ставки.",
                    "Check the ad account monthly; lower the bids on overspend.",
                )
            ),
        )
        self.add(
            "control_point",
            target="channel",
            channel_id=CH_SOCIAL,
            action_id=None,
            controller_id=1,
            cadence="monthly",
            limit_minor=m(200),
            next_due=next_due,
            note="",
        )
        for i in (0, 1):
            day = month_end(self.month(i))
            context = 290 if i == 0 else 225
            social = 200 if i == 0 else 220
            self.add(
                "control_check",
                control_point_id=1,
                date=day,
                person_id=1,
                plan_minor=m(250),
                actual_minor=m(context),
                verdict="over" if context > 250 else "ok",
                comment=self.tr(
                    (
                        "Разовая настройка кампании фрилансером.",
                        "One-off campaign set-up by a freelancer.",
                    )
                )
                if i == 0
                else "",
            )
            self.add(
                "control_check",
                control_point_id=2,
                date=day,
                person_id=1,
                plan_minor=m(200),
                actual_minor=m(social),
                verdict="warning" if social > 200 else "ok",
                comment=self.tr(("Тест таргета, согласовано.", "Targeted ads test, agreed."))
                if social > 200
                else "",
            )

    def results(self) -> None:
        """Six complete months of results; the last two take their spend from the expenses."""
        m = self.money
        wobble = (0.92, 1.05, 0.97, 1.1, 0.95, 1.02)
        for channel, (imp, clicks, leads, customers, revenue, spend) in RESULTS.items():
            for k in range(6):
                month = add_months(self.this_month, k - 6)
                f = wobble[(k + channel) % 6]
                from_expenses = month >= self.start
                self.add(
                    "channel_result",
                    channel_id=channel,
                    month=month,
                    spend_minor=None if from_expenses else m(round(spend * f)),
                    impressions=int(imp * f),
                    clicks=int(clicks * f),
                    leads=int(round(leads * f)),
                    customers=int(round(customers * f)),
                    revenue_minor=m(round(revenue * f)),
                )


def demo_rows(lang: str = "ru", *, today: dt.date | None = None) -> Rows:
    """Every row of the demo as plain dicts per table (parents before children), with ids."""
    return _Builder(lang, today or dt.date.today()).build()


def validate_rows(rows: Rows) -> None:
    """Run every row through ``domain.rules.validation``; raise DomainError on the first bad one."""
    from mktplanner.domain.rules.validation import validate

    for table, table_rows in rows.items():
        for i, row in enumerate(table_rows):
            problems = validate(table, row)
            if problems:
                raise DomainError(
                    [Problem(f"{table}[{i}].{p.field}", p.code, p.params) for p in problems]
                )


def build_demo(
    path: Path | str,
    lang: str = "ru",
    *,
    today: dt.date | None = None,
    scale: int = 1,
    overwrite: bool = False,
    seed: int = 7,
) -> PlanFile:
    """Write the demo plan to ``path`` and return it open.

    The plan is built in a temporary file beside ``path`` (the demo's rows in one
    transaction, one bulk insert per table; with ``scale`` > 1 the synthetic rows of
    :func:`scale_rows` in a second one, with ``executemany`` on the raw connection), then
    renamed over ``path``: the file is complete or not there at all. Refuses an existing file
    unless ``overwrite`` (``PlanFileError("exists")``) and a file another instance holds open
    (``PlanFileError("locked", holder=...)``).
    """
    if isinstance(scale, bool) or not isinstance(scale, int) or scale < 1:
        raise DomainError(
            [Problem("scale", "out_of_range", {"min": 1, "max": None, "value": scale})]
        )
    path = Path(path)
    if path.is_dir():
        raise PlanFileError("is_directory", path)
    if path.exists() and not overwrite:
        raise PlanFileError("exists", path)
    today = today or dt.date.today()
    rows = demo_rows(lang, today=today)
    validate_rows(rows)
    extra = scale_rows(rows, scale, today=today, seed=seed) if scale > 1 else None

    folder = path.parent if str(path.parent) else Path(".")
    tmp = folder / f".~demo.{secrets.token_hex(6)}{EXTENSION}"
    try:
        plan = PlanFile.create(tmp, [], overwrite=True)
        try:
            with plan.transaction() as s:
                for table in TABLE_ORDER:
                    if rows[table]:
                        s.execute(insert(TABLE_BY_NAME[table].__table__), rows[table])  # type: ignore[attr-defined]
            if extra is not None:
                _insert_raw(plan, extra)
        finally:
            plan.close()
            shutil.rmtree(backup_folder_for(tmp), ignore_errors=True)
        lock = PlanLock(path)
        if not lock.acquire():
            holder = lock.holder.describe() if lock.holder else ""
            raise PlanFileError("locked", path, holder=holder)
        try:
            os.replace(tmp, path)
        except OSError as exc:
            raise translate_os_error(exc, path) from exc
        finally:
            lock.release()
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}-journal").unlink(missing_ok=True)
    return PlanFile.open(path)


# --- scale: synthetic volume for performance work ------------------------------------------


def _sql_value(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def _insert_many(con: sqlite3.Connection, table: str, rows: Iterable[Mapping[str, Any]]) -> int:
    rows = list(rows)
    if not rows:
        return 0
    columns = list(rows[0])
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    sql = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'
    con.executemany(sql, ([_sql_value(r[c]) for c in columns] for r in rows))
    return len(rows)


def scale_rows(base: Rows, scale: int, *, today: dt.date, seed: int = 7) -> Rows:
    """Synthetic rows for ``scale`` (N): N - 1 extra branches on top of the demo.

    Sized so that N = 100 gives about 50 people, 13,000 person-weeks, 150,000 tasks,
    1,200 actions, 50,000 expenses (each month's spend of a channel planned by a budget
    line) and 60 channels x 60 months of results over five years. Ids continue after the
    demo's own.
    """
    rng = random.Random(seed)
    lang = base["plan"][0]["language"]
    money = _Money(lang)
    out: Rows = {name: [] for name in TABLE_ORDER}
    next_id = {t: len(base[t]) + 1 for t in TABLE_ORDER}

    def add(table: str, **values: Any) -> int:
        new_id = next_id[table]
        next_id[table] = new_id + 1
        out[table].append({"id": new_id, **values})
        return new_id

    extra = scale - 1
    this_month = month_start(today)
    months = min(60, 6 + extra)  # N = 100: five years
    first_month = add_months(this_month, -(months - 1))
    weeks = min(260, 4 + extra * 3)  # N = 100: five years of weeks
    n_people = min(50, 3 + (extra * 47 + 98) // 99)
    n_channels = min(60, 4 + (extra * 56 + 98) // 99)
    n_actions = extra * 12
    n_expenses = extra * 505
    directions = [d["id"] for d in base["direction"]]
    goals = [g["id"] for g in base["goal"]]
    task_word = _pick(lang, ("Задача", "Task"))
    product = _pick(lang, ("Отчёт", "Report"))

    channels = [c["id"] for c in base["channel"]]
    for k in range(len(channels), n_channels):
        channels.append(
            add(
                "channel",
                name=f"{_pick(lang, ('Канал', 'Channel'))} {k + 1}",
                color=f"#{rng.randrange(0x1000000):06X}",
                position=k,
            )
        )
    people = [p["id"] for p in base["person"]]
    for k in range(len(people), n_people):
        people.append(
            add(
                "person",
                name=f"{_pick(lang, ('Сотрудник', 'Employee'))} {k + 1}",
                role="",
                weekly_hours=40.0,
                unplannable_share=rng.choice((0.0, 0.0, 0.2, 0.4)),
                manager_id=1,
                active_from=first_month,
                active_to=None,
            )
        )
    actions: list[int] = []
    span_days = (today - first_month).days + 180
    for k in range(n_actions):
        start = first_month + dt.timedelta(days=rng.randrange(max(1, span_days - 30)))
        due = start + dt.timedelta(days=rng.randrange(14, 120))
        # As in a plan kept up to date: what ended is done (a few are late), what runs is
        # under way, what is ahead is planned.
        if due < today:
            status = "in_progress" if rng.random() < 0.03 else "done"
        elif start <= today:
            status = rng.choice(("in_progress", "in_progress", "done"))
        else:
            status = "planned"
        actions.append(
            add(
                "action",
                title=f"{_pick(lang, ('Мероприятие', 'Action'))} {k + 1}",
                direction_id=rng.choice(directions),
                goal_id=rng.choice(goals + [None]),
                channel_id=rng.choice(channels + [None]),
                owner_id=rng.choice(people + [None]),
                start=start,
                due=due,
                budget_minor=money(rng.randrange(50, 2000)),
                expected_result="",
                status=status,
                recurrence="none",
                position=len(base["action"]) + k,
            )
        )
    all_actions = [a["id"] for a in base["action"]] + actions
    current = iso_week_of(today)
    taken = {(w["person_id"], w["iso_year"], w["iso_week"]) for w in base["weekly_plan"]}
    for person in people:
        for offset in range(-weeks + 2, 2):
            year, week = shift_iso_week(current.year, current.week, offset)
            if (person, year, week) in taken:
                continue
            monday = monday_of(year, week)
            past = offset < 0
            plan_id = add(
                "weekly_plan",
                person_id=person,
                iso_year=year,
                iso_week=week,
                state="closed" if past else ("approved" if offset == 0 else "draft"),
                submitted_on=monday - dt.timedelta(days=3),
                approved_on=monday - dt.timedelta(days=1) if offset <= 0 else None,
                approved_by_id=1 if offset <= 0 else None,
                closed_on=monday + dt.timedelta(days=4) if past else None,
                note="",
            )
            add(
                "weekly_metric",
                weekly_plan_id=plan_id,
                name=_pick(lang, ("Заявки", "Leads")),
                kind="count",
                unit="",
                planned=float(rng.randrange(5, 30)),
                actual=float(rng.randrange(3, 35)) if past else None,
                not_measured=False,
                position=0,
            )
            for pos in range(rng.randrange(10, 14)):
                est = rng.choice((0.5, 1.0, 1.5, 2.0, 3.0))
                add(
                    "weekly_task",
                    weekly_plan_id=plan_id,
                    description=f"{task_word} {pos + 1}",
                    action_id=rng.choice(all_actions) if rng.random() < 0.7 else None,
                    occurrence=None,
                    end_product=product if rng.random() < 0.95 else "",
                    est_hours=est,
                    actual_hours=round(est * rng.uniform(0.7, 1.5), 1) if past else None,
                    done=past,
                    regular=pos < 2,
                    unplanned=False,
                    carried=False,
                    position=pos,
                )
    day_span = max(1, (today - first_month).days + 1)
    for k in range(n_expenses):
        channel = rng.choice(channels)
        add(
            "expense",
            date=first_month + dt.timedelta(days=rng.randrange(day_span)),
            amount_minor=money(rng.randrange(5, 300)),
            is_refund=False,
            channel_id=channel,
            action_id=rng.choice(all_actions) if rng.random() < 0.5 else None,
            hypothesis_id=None,
            payee="",
            note="",
            import_key=f"scale-{k}",
        )
    # A plan kept for years has its spending planned: a budget line of each channel for each
    # month it spends in, a little above what it spent (the demo's own lines stay as they
    # are). Without them every synthetic expense would be a finding of the plan check.
    planned = {(r["month"], r["channel_id"]) for r in base["budget_line"] if r["action_id"] is None}
    spend: dict[tuple[dt.date, int], int] = {}
    for e in out["expense"]:
        key = (month_start(e["date"]), e["channel_id"])
        spend[key] = spend.get(key, 0) + e["amount_minor"]
    for (month, channel), amount in sorted(spend.items()):
        if (month, channel) not in planned:
            add(
                "budget_line",
                month=month,
                channel_id=channel,
                action_id=None,
                amount_minor=amount * rng.randrange(100, 125) // 100,
            )
    for i in range(months):
        month = add_months(first_month, i)
        for channel in channels:
            impressions = rng.randrange(1_000, 100_000)
            clicks = impressions * rng.randrange(5, 40) // 1000
            leads = clicks * rng.randrange(2, 10) // 100
            add(
                "channel_result",
                channel_id=channel,
                month=month,
                spend_minor=money(rng.randrange(50, 500)),
                impressions=impressions,
                clicks=clicks,
                leads=leads,
                customers=leads * rng.randrange(10, 60) // 100,
                revenue_minor=money(rng.randrange(0, 1500)),
            )
    # The demo's own channels already have results for their last six months.
    own = {(r["channel_id"], r["month"]) for r in base["channel_result"]}
    out["channel_result"] = [
        r for r in out["channel_result"] if (r["channel_id"], r["month"]) not in own
    ]
    return out


def _insert_raw(plan: PlanFile, rows: Rows) -> None:
    """Insert ``rows`` in one transaction with ``executemany`` (fast for large volumes)."""
    con = plan.raw()
    try:
        con.execute("BEGIN")
        for table in TABLE_ORDER:
            _insert_many(con, table, rows.get(table, ()))
        con.commit()
    except sqlite3.Error as exc:
        con.rollback()
        raise translate_db_error(exc, plan.path) from exc
    finally:
        con.close()


__all__ = [
    "FACTS",
    "DemoFacts",
    "build_demo",
    "demo_rows",
    "scale_rows",
    "validate_rows",
]
