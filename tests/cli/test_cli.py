"""The command line run in-process: what a user reads on stdout and stderr, and the exit code."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path
from typing import Any

import pytest

import mktplanner
from mktplanner.cli import COMMANDS, main
from mktplanner.services.demo import FACTS
from mktplanner.store.planfile import APPLICATION_ID, schema_version

TODAY = "2026-11-18"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


@pytest.fixture()
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "demo.mktplan"
    code, out, err = run(capsys, "demo", str(path), "--lang", "en", "--today", TODAY)
    assert (code, err) == (0, "")
    assert out.strip() == f"Created the demo plan {path} (en)."
    return path


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.strip() == f"mktplanner {mktplanner.__version__}"
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for name in COMMANDS:
        assert name in out
    code, out, _ = run(capsys, "summary", "--help")
    assert code == 0 and "--json" in out and "--today" in out


def test_info(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "info", str(demo), "--json")
    assert (code, err) == (0, "")
    info = json.loads(out)
    assert info["application_id"] == APPLICATION_ID == 1296782416
    assert info["schema_version"] == schema_version()
    assert info["profile"]["name"] == "Grain Coffee House: marketing plan"
    assert info["counts"]["action"] == FACTS.actions and info["counts"]["person"] == 3
    code, out, _ = run(capsys, "info", str(demo))
    assert code == 0
    assert "Application id: 1296782416 (0x4D4B5450)" in out
    assert "weekly_task" in out and "Grain Coffee House: marketing plan" in out


def test_summary_json_has_every_figure(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summary", str(demo), "--json", "--today", TODAY)
    assert (code, err) == (0, "")
    s = json.loads(out)
    for section in ("profile", "goals", "capacity", "tactical", "budget", "control_points",
                    "channels", "reallocation", "hypotheses", "golden_thread"):  # fmt: skip
        assert s[section], section
    goals = {g["id"]: g for g in s["goals"]}
    assert "T" in goals[FACTS.goal_without_deadline]["smart"]["failed"]
    assert goals[FACTS.goal_off_track]["off_track"] is True
    points = {p["id"]: p for p in s["control_points"]}
    assert points[FACTS.control_over]["status"] == "over"
    assert points[FACTS.control_ok]["status"] == "ok"
    assert points[FACTS.control_ok]["pace"]["daily_allowance_minor"] > 0
    igor = [c for c in s["capacity"] if c["person_id"] == FACTS.person_unplannable]
    assert {c["capacity_hours"] for c in igor} == {15.6}
    assert any(c["level"] == "red" for c in igor)
    assert all(c["goal_share"] is not None for c in s["capacity"])
    assert s["budget"]["gap"]["short_by_minor"] == 10_000
    assert [m["plan_minor"] for m in s["budget"]["months"]][:4] == [80_000, 75_000, 75_000, 90_000]
    assert s["budget"]["channels"][0]["variance_minor"] is not None
    channels = {c["id"]: c for c in s["channels"]}
    for key in ("ctr", "cpc_minor", "cpl_minor", "conversion", "cac_minor", "romi", "spend_share"):
        assert key in channels[1]
    assert channels[FACTS.channel_without_clicks]["cpc_minor"] is None
    assert [h["state"] for h in s["hypotheses"]] == ["decided", "running"]
    assert 0 < s["golden_thread"]["hours_share"] < 1
    assert s["tactical"]["months"][0]["planned_budget_minor"] > 0
    assert s["currency"] == "USD"


def test_summary_text(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "summary", str(demo), "--today", TODAY)
    assert (code, err) == (0, "")
    assert "Grain Coffee House: marketing plan" in out
    assert "SMAR-" in out and "OFF TRACK" in out
    assert "over capacity: Igor Peters, 19 h of 15.6 h" in out
    assert "Context ads: OVER, spent $330.00 of $250.00 this month" in out
    assert "short by $100.00" in out
    code, out, _ = run(capsys, "summary", str(demo), "--today", TODAY, "--lang", "ru")
    assert code == 0 and "ПЕРЕРАСХОД" in out and "ОТСТАЁТ" in out


def test_russian_demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "ru.mktplan"
    code, out, _ = run(capsys, "demo", str(path), "--lang", "ru")
    assert code == 0 and "Создан демонстрационный план" in out
    code, out, _ = run(capsys, "summary", str(path), "--json")
    s = json.loads(out)
    assert s["currency"] == "RUB" and s["profile"]["company"] == "Кофейня «Зерно»"
    assert s["budget"]["total_minor"] == 8_000_000


def test_new_refuses_an_existing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "client.mktplan"
    code, out, err = run(capsys, "new", str(path), "--name", "Client", "--lang", "en")
    assert (code, err) == (0, "") and out.strip() == f"Created {path}."
    before = path.read_bytes()
    code, out, err = run(capsys, "new", str(path), "--name", "Other")
    assert code == 2 and out == ""
    assert one_line(err) == (
        f"mktplanner: {path} already exists; choose another name or add --force."
    )
    assert path.read_bytes() == before
    code, _, _ = run(capsys, "new", str(path), "--name", "Other", "--force", "--currency", "EUR")
    assert code == 0
    code, out, _ = run(capsys, "info", str(path), "--json")
    info = json.loads(out)
    assert (info["profile"]["name"], info["profile"]["currency"]) == ("Other", "EUR")


def test_new_with_bad_values(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "x.mktplan"
    code, _, err = run(capsys, "new", str(path), "--name", "X", "--currency", "XYZ1")
    assert code == 2
    assert (
        one_line(err)
        == "mktplanner: Invalid value for currency: XYZ1 is not a known currency code."
    )
    code, _, err = run(capsys, "new", str(path), "--name", "   ")
    assert code == 2 and "name" in one_line(err)
    assert not path.exists()


def test_export_and_import_json(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "plan.json"
    code, out, err = run(capsys, "export", str(demo), "--json", str(doc))
    assert (code, err) == (0, "") and out.strip() == f"Exported {doc}."
    copy = tmp_path / "copy.mktplan"
    code, out, err = run(capsys, "import-json", str(doc), str(copy))
    assert (code, err) == (0, "") and out.strip() == f"Imported {doc} into {copy}."
    summaries = []
    for path in (demo, copy):
        code, out, _ = run(capsys, "summary", str(path), "--json", "--today", TODAY)
        summaries.append(json.loads(out))
    assert summaries[0] == summaries[1]

    before = copy.read_bytes()
    code, out, err = run(capsys, "import-json", str(doc), str(copy))
    assert code == 2 and out == ""
    assert "already exists" in one_line(err) and "--force" in err
    assert copy.read_bytes() == before
    code, _, err = run(capsys, "import-json", str(doc), str(copy), "--force")
    assert (code, err) == (0, "")


def test_export_needs_a_format(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "export", str(demo))
    assert code == 2 and "--json" in one_line(err)


def test_bad_documents_name_the_place(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "new.mktplan"
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "mktplanner-plan",\n "version": 1,,}', encoding="utf-8")
    code, _, err = run(capsys, "import-json", str(broken), str(target))
    assert code == 2
    assert one_line(err).startswith("mktplanner: The JSON document is not a valid plan at ")
    assert "line 2" in err
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "mktplanner-plan", "version": 1, "plan": 5}', encoding="utf-8")
    code, _, err = run(capsys, "import-json", str(wrong), str(target))
    assert code == 2
    assert one_line(err) == (
        "mktplanner: The JSON document is not a valid plan at plan: "
        "it has the wrong type (expected object)."
    )
    missing = tmp_path / "missing.json"
    code, _, err = run(capsys, "import-json", str(missing), str(target))
    assert code == 2 and one_line(err) == f"mktplanner: The file {missing} does not exist."
    assert not target.exists()


def test_bad_plan_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.mktplan"
    code, out, err = run(capsys, "summary", str(missing), "--json")
    assert (code, out) == (2, "")
    assert one_line(err) == f"mktplanner: The file {missing} does not exist."
    text_file = tmp_path / "notes.mktplan"
    text_file.write_text("not a plan", encoding="utf-8")
    code, _, err = run(capsys, "info", str(text_file))
    assert code == 2 and "is not a plan file" in one_line(err)
    code, _, err = run(capsys, "info", str(tmp_path))
    assert code == 2 and "is a folder" in one_line(err)


@pytest.mark.parametrize(
    "argv",
    [
        ["summary"],
        ["demo", "x.mktplan", "--scale", "0"],
        ["demo", "x.mktplan", "--lang", "de"],
        ["summary", "x.mktplan", "--today", "2026-02-30"],
        ["info", "a.mktplan", "b.mktplan"],
        ["a.mktplan", "b.mktplan"],
    ],
)
def test_usage_errors(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *argv)
    assert (code, out) == (2, "")
    line = one_line(err)
    assert line.startswith("mktplanner: Wrong command line: ")
    assert line.endswith("See mktplanner --help.")


def test_messages_in_russian(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    missing = tmp_path / "nope.mktplan"
    code, _, err = run(capsys, "info", str(missing), "--lang", "ru")
    assert code == 2 and one_line(err) == f"mktplanner: Файла {missing} не существует."
    monkeypatch.setenv("LC_ALL", "ru_RU.UTF-8")
    code, _, err = run(capsys, "summary")
    assert code == 2 and one_line(err).startswith("mktplanner: Неверная команда: ")
    code, _, err = run(capsys, "info", str(missing), "--lang", "en")
    assert one_line(err) == f"mktplanner: The file {missing} does not exist."


def test_unexpected_failure_is_logged_not_shown(
    demo: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    user_data_dir: Path,
) -> None:  # fmt: skip
    import mktplanner.services.summary as summary

    def boom(*_args: Any, **_kwargs: Any) -> Any:
        raise RuntimeError("boom in the summary")

    monkeypatch.setattr(summary, "summarize", boom)
    code, out, err = run(capsys, "summary", str(demo), "--json")
    assert (code, out) == (1, "")
    line = one_line(err)
    log = user_data_dir / "logs" / "mktplanner.log"
    assert line == f"mktplanner: Something went wrong (RuntimeError); the details are in {log}."
    logged = log.read_text(encoding="utf-8")
    assert "Traceback" in logged and "boom in the summary" in logged


class _FakeGui:
    def __init__(self) -> None:
        self.calls: list[tuple[Any, dict[str, Any]]] = []

    def run(self, path: str | None, *, demo: bool = False, exit_after_shown: bool = False,
            lang: str | None = None) -> int:  # fmt: skip
        self.calls.append(
            (path, {"demo": demo, "exit_after_shown": exit_after_shown, "lang": lang})
        )
        return 0


@pytest.fixture()
def fake_gui(monkeypatch: pytest.MonkeyPatch) -> _FakeGui:
    import mktplanner.ui

    gui = _FakeGui()
    module = types.ModuleType("mktplanner.ui.app")
    module.run = gui.run  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "mktplanner.ui.app", module)
    monkeypatch.setattr(mktplanner.ui, "app", module, raising=False)
    return gui


def test_the_gui_gets_the_file_and_options(
    fake_gui: _FakeGui, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(capsys, "client.mktplan", "--exit-after-shown") == (0, "", "")
    assert run(capsys, "--demo", "--lang", "ru") == (0, "", "")
    assert run(capsys) == (0, "", "")
    assert fake_gui.calls == [
        ("client.mktplan", {"demo": False, "exit_after_shown": True, "lang": None}),
        (None, {"demo": True, "exit_after_shown": False, "lang": "ru"}),
        (None, {"demo": False, "exit_after_shown": False, "lang": None}),
    ]
    code, _, err = run(capsys, "client.mktplan", "--demo")
    assert code == 2 and one_line(err) == "mktplanner: Give either a plan file or --demo, not both."
    assert len(fake_gui.calls) == 3


def test_without_the_gui_one_sentence(capsys: pytest.CaptureFixture[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    import mktplanner.ui

    monkeypatch.setitem(sys.modules, "mktplanner.ui.app", None)
    monkeypatch.delattr(mktplanner.ui, "app", raising=False)
    code, out, err = run(capsys, "--demo")
    assert (code, out) == (1, "")
    assert one_line(err) == (
        "mktplanner: The graphical interface is not part of this build; "
        "use the commands (mktplanner --help)."
    )
    monkeypatch.setitem(sys.modules, "mktplanner.ui.screenshots", None)
    monkeypatch.delattr(mktplanner.ui, "screenshots", raising=False)
    code, _, err = run(capsys, "screenshots", "shots")
    assert code == 1 and "graphical interface" in one_line(err)
