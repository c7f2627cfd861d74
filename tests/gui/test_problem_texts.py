"""Every reason an edit can be refused for reaches the user as a sentence of their language.

The codes are read from the code that raises them (the domain's rules and the generic
edits), so a new refusal without a sentence fails here rather than showing the user
"this value is not accepted (some_code)".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mktplanner.ui import texts
from mktplanner.ui.app import install_translator

PACKAGE = Path(texts.__file__).resolve().parents[1]
# What raises a DomainError on an edit typed in the window. Codes that are not edits'
# refusals have their own texts elsewhere: the SMART letters (goals page), the weekly
# confirmations (week editor), the CSV import (wizard) and the JSON exchange (command line).
SOURCES = [
    "domain/rules/validation.py",
    "domain/rules/budget.py",
    "domain/rules/control.py",
    "domain/rules/goals.py",
    "domain/rules/dates.py",
    "services/edits.py",
    "services/tactics.py",
    "services/weekly.py",
    "services/strategy.py",
    "services/budget.py",
]
CODE = re.compile(r'Problem\(\s*[^,()]+(?:\([^)]*\))?\s*,\s*"([a-z_]+)"')


def _codes() -> list[str]:
    found: set[str] = set()
    for name in SOURCES:
        path = PACKAGE / name
        if path.is_file():
            found.update(CODE.findall(path.read_text(encoding="utf-8")))
    return sorted(found - {"over_capacity", "task_without_end_product"})


def test_the_scan_finds_the_refusals() -> None:
    codes = _codes()
    assert {"required", "invalid_text", "negative_money"} <= set(codes)


@pytest.mark.parametrize("code", _codes())
def test_each_refusal_has_its_sentence_in_english_and_russian(code: str) -> None:
    try:
        english = texts.problem_text(code, {}, "title")
        install_translator("ru")
        russian = texts.problem_text(code, {}, "title")
    finally:
        install_translator("en")
    assert f"({code})" not in english
    assert f"({code})" not in russian
    # the field's name ("Название") is translated anyway: look at the sentence after it
    sentence = russian.split(":", 1)[-1]
    assert re.search("[а-яА-Я]", sentence), russian
