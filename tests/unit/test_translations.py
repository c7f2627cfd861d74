"""The Russian UI is complete and the compiled translations match their sources.

If one of the first three tests fails, run ``python -m tools.i18n update``, translate
what it reports (``todo`` / ``fill``, see resources/translations/README.md) and
commit the .ts and .qm files.
"""

import json
import textwrap
from pathlib import Path

import pytest

from tools import i18n


@pytest.mark.parametrize("spec", i18n.TS_FILES, ids=lambda s: s.language)
def test_every_entry_is_translated(spec: i18n.TsSpec) -> None:
    untranslated = [f"[{e.context}] {e.source!r}" for e in i18n.unfinished_entries(spec)]
    assert untranslated == [], f"{spec.ts.name} has untranslated entries"


@pytest.mark.parametrize("spec", i18n.TS_FILES, ids=lambda s: s.language)
def test_ts_holds_exactly_the_strings_of_the_code(spec: i18n.TsSpec) -> None:
    missing, stale = i18n.source_drift(spec)
    assert sorted(missing) == [], f"strings in the code but not in {spec.ts.name}"
    assert sorted(stale) == [], f"strings in {spec.ts.name} but gone from the code"


@pytest.mark.parametrize("spec", i18n.TS_FILES, ids=lambda s: s.language)
def test_qm_is_what_lrelease_makes_of_the_ts(spec: i18n.TsSpec) -> None:
    assert spec.qm.is_file(), f"{spec.qm.name} is missing"
    assert i18n.qm_is_current(spec), f"{spec.qm.name} is out of date"


def test_no_tr_call_gets_an_f_string() -> None:
    assert i18n.formatted_tr_calls() == []


# --- the workflow itself, on a throwaway project -----------------------------------


@pytest.fixture()
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    source = tmp_path / "mktplanner"
    source.mkdir()
    (source / "page.py").write_text(
        textwrap.dedent(
            """
            from PySide6.QtCore import QCoreApplication
            from PySide6.QtWidgets import QWidget


            class GoalsPage(QWidget):
                def build(self, n: int) -> None:
                    self.setWindowTitle(self.tr("Strategic goals"))
                    self.tr("%n goal(s)", "", n)


            def status() -> str:
                return QCoreApplication.translate("Budget", "Over budget")
            """
        ),
        encoding="utf-8",
    )
    translations = tmp_path / "resources" / "translations"
    translations.mkdir(parents=True)
    monkeypatch.setattr(i18n, "REPO", tmp_path)
    monkeypatch.setattr(i18n, "SOURCE_DIR", source)
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", translations)
    return tmp_path


def test_update_fill_release_round_trip(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert i18n.main(["update"]) == 0
    ru = i18n.RU
    assert {e.source for e in i18n.read_entries(ru.ts)} == {
        "Strategic goals",
        "%n goal(s)",
        "Over budget",
    }
    en_sources = [e.source for e in i18n.read_entries(i18n.TS_FILES[1].ts)]
    assert en_sources == ["%n goal(s)"]  # English needs only the plural forms

    problems = i18n.check()
    assert any("untranslated: [GoalsPage] 'Strategic goals'" in p for p in problems)

    assert i18n.main(["todo", str(project / "todo.json")]) == 0
    template = json.loads((project / "todo.json").read_text(encoding="utf-8"))
    assert template == {"Strategic goals": "", "%n goal(s)": ["", "", ""], "Over budget": ""}

    filled = {
        "Strategic goals": "Стратегические цели",
        "%n goal(s)": ["%n цель", "%n цели", "%n целей"],
        "Over budget": "Перерасход",
        "Not in the code": "Нет в коде",
    }
    (project / "ru.json").write_text(json.dumps(filled, ensure_ascii=False), encoding="utf-8")
    assert i18n.main(["fill", str(project / "ru.json")]) == 0
    (project / "en.json").write_text(json.dumps({"%n goal(s)": ["%n goal", "%n goals"]}))
    assert i18n.main(["fill", "--lang", "en", str(project / "en.json")]) == 0
    capsys.readouterr()

    assert i18n.check() == []
    assert i18n.main(["check"]) == 0
    by_source = {e.source: e.translations for e in i18n.read_entries(ru.ts)}
    assert by_source["Strategic goals"] == ("Стратегические цели",)
    assert by_source["%n goal(s)"] == ("%n цель", "%n цели", "%n целей")

    # Translations survive a later update, and a new string shows up as work to do.
    page = project / "mktplanner" / "page.py"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n\nLABEL = QCoreApplication.translate("Budget", "Plan")\n',
        encoding="utf-8",
    )
    missing, _ = i18n.source_drift(ru)
    assert missing == {("Budget", "Plan", "")}
    assert i18n.main(["update"]) == 0
    assert [e.source for e in i18n.unfinished_entries(ru)] == ["Plan"]
    assert i18n.main(["check"]) == 1
    assert "untranslated: [Budget] 'Plan'" in capsys.readouterr().out


def test_fill_refuses_a_single_string_for_a_plural_entry(project: Path) -> None:
    i18n.main(["update"])
    filled, warnings = i18n.fill({"%n goal(s)": "%n целей", "Over budget": "Перерасход"})
    assert filled == 1
    assert warnings == ["[GoalsPage] '%n goal(s)': plural entry needs 3 forms"]


def test_check_notices_a_stale_qm(project: Path) -> None:
    i18n.main(["update"])
    i18n.fill({"Over budget": "Перерасход"})  # .ts changed, .qm not recompiled
    assert not i18n.qm_is_current(i18n.RU)
    assert "mktplanner_ru.qm: out of date (run: python -m tools.i18n release)" in i18n.check()


def test_check_flags_tr_of_an_f_string(project: Path) -> None:
    page = project / "mktplanner" / "page.py"
    page.write_text(
        page.read_text(encoding="utf-8")
        + '\n\ndef hello(w, name):\n    return w.tr(f"Hello {name}")\n',
        encoding="utf-8",
    )
    line = (
        page.read_text(encoding="utf-8").splitlines().index('    return w.tr(f"Hello {name}")') + 1
    )
    assert i18n.formatted_tr_calls() == [f"mktplanner/page.py:{line}"]
    where = f"mktplanner/page.py:{line}: tr() of an f-string"
    assert any(p.startswith(where) for p in i18n.check())
