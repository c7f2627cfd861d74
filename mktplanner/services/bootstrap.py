"""The rows a brand-new plan starts with: its profile, budget settings, directions, channels."""

from __future__ import annotations

import datetime as dt

from sqlmodel import SQLModel

from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.money import check_currency
from mktplanner.domain.tables import Budget, Channel, Direction, Plan

# Stored as codes; the UI shows translated names for these codes until the user renames them.
DEFAULT_DIRECTIONS: tuple[tuple[str, str], ...] = (
    ("Marketing", "#4C78A8"),
    ("Sales", "#F58518"),
    ("Finance", "#54A24B"),
    ("Production", "#B279A2"),
    ("HR", "#E45756"),
)
DEFAULT_DIRECTIONS_RU: tuple[str, ...] = (
    "Маркетинг",
    "Продажи",
    "Финансы",
    "Производство",
    "Персонал",
)

DEFAULT_CHANNELS: tuple[tuple[str, str, str], ...] = (
    ("Context ads", "Контекстная реклама", "#4C78A8"),
    ("SEO", "SEO", "#72B7B2"),
    ("Social media", "Соцсети", "#F58518"),
    ("E-mail", "E-mail", "#54A24B"),
    ("Content", "Контент", "#EECA3B"),
    ("Outdoor", "Наружная реклама", "#B279A2"),
    ("Events", "Мероприятия", "#FF9DA6"),
    ("PR", "PR", "#9D755D"),
    ("Partners", "Партнёры", "#BAB0AC"),
    ("Offline", "Офлайн", "#E45756"),
)


def first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def initial_rows(*, name: str, currency: str, language: str) -> list[SQLModel]:
    name = (name or "").strip()
    problems = []
    if not name:
        problems.append(Problem("name", "required"))
    elif len(name) > 200:
        problems.append(Problem("name", "too_long", {"max": 200}))
    if language not in ("ru", "en"):
        problems.append(Problem("language", "unknown_value", {"value": language}))
    if problems:
        raise DomainError(problems)
    check_currency(currency)
    ru = language == "ru"
    rows: list[SQLModel] = [
        Plan(
            id=1,
            name=name,
            currency=currency,
            language=language,
            tactical_start=first_of_month(dt.date.today()),
        ),
        Budget(id=1),
    ]
    for i, (en_name, color) in enumerate(DEFAULT_DIRECTIONS):
        rows.append(
            Direction(name=DEFAULT_DIRECTIONS_RU[i] if ru else en_name, color=color, position=i)
        )
    for i, (en_name, ru_name, color) in enumerate(DEFAULT_CHANNELS):
        rows.append(Channel(name=ru_name if ru else en_name, color=color, position=i))
    return rows
