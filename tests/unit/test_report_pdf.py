"""The PDF meeting pack as a user gets it: real files read back with poppler's tools.

``pdfinfo`` (pages and their sizes), ``pdffonts`` (every font embedded) and ``pdftotext``
(what a reader sees: section titles, the demo's figures, user text printed literally) check
the files; the command line is run in-process for its exit codes and one-sentence errors, and
once in a child process with no system fonts at all.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from mktplanner.cli import main
from mktplanner.domain.tables import Goal
from mktplanner.report.meeting_pack import (
    SECTIONS,
    ExportCancelled,
    PackError,
    PackOptions,
    build_meeting_pack,
    parse_sections,
    parse_week,
    prepare_meeting_pack,
    render_preview_pages,
)
from mktplanner.services.demo import FACTS, build_demo
from mktplanner.services.edits import InsertRow, run
from mktplanner.services.plans import new_plan
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile

pytestmark = pytest.mark.usefixtures("qapp")

TODAY = dt.date(2026, 11, 18)  # a Wednesday of ISO week 47; the tactical period is Sep..Feb
A4, LETTER = (595, 842), (612, 792)

TITLES = {
    "en": {
        "contents": "Contents",
        "summary": "Strategy on a page",
        "swot": "SWOT analysis",
        "goals": "Strategic goals",
        "timeline": "Tactical plan",
        "weekly": "Weekly plans",
        "budget": "Budget and control",
        "results": "Results by channel",
        "hypotheses": "Hypotheses",
        "check": "Plan check",
    },
    "ru": {
        "contents": "Содержание",
        "summary": "Стратегия на одной странице",
        "swot": "SWOT-анализ",
        "goals": "Стратегические цели",
        "timeline": "Тактический план",
        "weekly": "Недельные планы",
        "budget": "Бюджет и контроль",
        "results": "Результаты по каналам",
        "hypotheses": "Гипотезы",
        "check": "Проверка плана",
    },
}


# --- poppler ------------------------------------------------------------------------------------


def pdf_text(
    path: Path, first: int | None = None, last: int | None = None, *, layout: bool = True
) -> str:
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    out = subprocess.run([*args, str(path), "-"], capture_output=True, check=True).stdout
    # babel puts no-break spaces between digit groups; a reader sees spaces
    return re.sub(r"[\u00a0\u202f]", " ", out.decode("utf-8"))


def page_sizes(path: Path) -> list[tuple[int, int]]:
    out = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(path)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out, re.M)
    return [(round(float(w)), round(float(h))) for w, h in sizes]


def fonts(path: Path) -> list[list[str]]:
    out = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return [line.split() for line in out[2:] if line.strip()]


def assert_fonts_embedded(path: Path) -> None:
    rows = fonts(path)
    assert rows, "the PDF has no fonts: its text would be missing"
    for row in rows:
        # name type... encoding emb sub uni object ID: "emb" is the fifth column from the end
        assert row[-5] == "yes", f"font not embedded: {row}"


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# --- plans ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("demos")
    paths = {}
    for lang in ("en", "ru"):
        paths[lang] = folder / f"demo-{lang}.mktplan"
        build_demo(paths[lang], lang, today=TODAY).close()
    return paths


def open_plan(path: Path) -> PlanFile:
    return PlanFile.open(path, read_only=True, backup=False)


@pytest.fixture(scope="module")
def full_packs(
    demos: dict[str, Path], tmp_path_factory: pytest.TempPathFactory, qapp: Any
) -> dict[str, Path]:
    """Every section of the demo, in English and in Russian (made once)."""
    folder = tmp_path_factory.mktemp("packs")
    out = {}
    for lang, path in demos.items():
        plan = open_plan(path)
        try:
            out[lang] = build_meeting_pack(
                plan,
                folder / f"pack-{lang}.pdf",
                PackOptions(language=lang, today=TODAY, prepared_for="Ромашка & Co"),
            )
        finally:
            plan.close()
    return out


def demo_goal_title(path: Path, goal_id: int) -> str:
    plan = open_plan(path)
    try:
        with plan.session() as s:
            goal = s.get(Goal, goal_id)
            assert goal is not None
            return goal.title
    finally:
        plan.close()


# --- the demo in both languages -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_every_section_and_the_demo_figures_are_in_the_text(
    lang: str, full_packs: dict[str, Path], demos: dict[str, Path]
) -> None:
    path = full_packs[lang]
    text = pdf_text(path)
    flat = " ".join(text.split())
    for key, title in TITLES[lang].items():
        assert title in text, f"section {key} missing"
    # the cover: plan name, the client, the period
    assert "Ромашка & Co" in text
    # the over-limit control point: 330 USD / 33 000 RUB spent of 250 USD / 25 000 RUB
    if lang == "en":
        assert "$330" in flat and "$250" in flat and "Overspent" in flat
        assert "Page 3 of" in text
    else:
        assert "33 000 ₽" in flat and "25 000 ₽" in flat and "Перерасход" in flat
        assert "Стр. 3 из" in text
    for goal_id in (FACTS.goal_on_track, FACTS.goal_off_track):
        title = demo_goal_title(demos[lang], goal_id)
        assert " ".join(title.split()) in flat
    # the demo's over-capacity week: Igor, 19 h planned against 15.6 h
    assert ("15.6 h" if lang == "en" else "15,6 ч") in flat


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_pages_fonts_and_contents(lang: str, full_packs: dict[str, Path]) -> None:
    path = full_packs[lang]
    assert_fonts_embedded(path)
    sizes = page_sizes(path)
    assert len(sizes) >= 12
    assert sizes[0] == A4
    # the tactical timeline is the only landscape part of a portrait pack
    assert set(sizes) == {A4, (842, 595)}
    text = pdf_text(path, 2, 2)  # the contents: each section with its page
    for title in list(TITLES[lang].values())[1:]:
        m = re.search(re.escape(title) + r"[ .]*?(\d+)\s*$", text, re.M)
        assert m, f"{title} not listed with a page number"
        page = int(m.group(1))
        assert title in pdf_text(path, page, page)


def test_options_sizes_and_orientation(demos: dict[str, Path], tmp_path: Path) -> None:
    plan = open_plan(demos["en"])
    try:
        cases = {
            "a4-portrait": (PackOptions(paper="a4", sections=("cover", "check")), A4),
            "letter-portrait": (PackOptions(paper="letter", sections=("cover", "check")), LETTER),
            "a4-landscape": (
                PackOptions(paper="a4", landscape=True, sections=("cover", "check")),
                (842, 595),
            ),
            "letter-landscape": (
                PackOptions(paper="letter", landscape=True, sections=("cover", "summary")),
                (792, 612),
            ),
        }
        for name, (options, size) in cases.items():
            out = build_meeting_pack(plan, tmp_path / f"{name}.pdf", options)
            sizes = page_sizes(out)
            assert sizes and set(sizes) == {size}, name
        # landscape: the strategy still fits its one page, and the contents lists it
        out = build_meeting_pack(
            plan,
            tmp_path / "landscape.pdf",
            PackOptions(landscape=True, paper="letter", language="en",
                        sections=("cover", "contents", "summary", "check")),
        )  # fmt: skip
        contents = pdf_text(out, 2, 2)
        assert re.search(r"Strategy on a page\s+3\s", contents)
        assert re.search(r"Plan check\s+4\s", contents)
        assert "Plan check" in pdf_text(out, 4, 4)
        # a chosen subset: only those sections, and no contents page for one section
        out = build_meeting_pack(
            plan, tmp_path / "check.pdf", PackOptions(sections=("check",), language="en")
        )
        text = pdf_text(out)
        assert "Plan check" in text and "Contents" not in text and "Strategic goals" not in text
    finally:
        plan.close()


def test_week_and_period_options(demos: dict[str, Path], tmp_path: Path) -> None:
    plan = open_plan(demos["en"])
    try:
        year, week = TODAY.isocalendar()[:2]
        previous = PackOptions(
            sections=("weekly",), week=(year, week - 1), today=TODAY, language="en"
        )
        text = pdf_text(build_meeting_pack(plan, tmp_path / "week.pdf", previous))
        assert f"Week {week - 1} (" in text
        empty = PackOptions(sections=("weekly",), week=(2020, 10), today=TODAY, language="en")
        text = pdf_text(build_meeting_pack(plan, tmp_path / "none.pdf", empty))
        assert "Nobody has a plan for week 10 yet." in " ".join(text.split())
        months = PackOptions(
            sections=("budget",),
            period_from=dt.date(2026, 10, 1),
            period_to=dt.date(2026, 11, 30),
            today=TODAY,
            language="en",
        )
        text = pdf_text(build_meeting_pack(plan, tmp_path / "period.pdf", months))
        assert "October 2026" in text and "November 2026" in text
        assert "September 2026" not in text and "December 2026" not in text
    finally:
        plan.close()


# --- user text, literally ----------------------------------------------------------------------

MARKUP = "<b>Кофе</b> &amp; **bold** $5 and $10 <i>"


def test_user_text_comes_out_literally(tmp_path: Path) -> None:
    plan = new_plan(tmp_path / "markup.mktplan", name=f"План {MARKUP}", language="ru")
    try:
        run(plan, InsertRow(Goal, {"title": f"Цель {MARKUP}", "metric": "A & B < C"}))
        out = build_meeting_pack(
            plan,
            tmp_path / "markup.pdf",
            PackOptions(sections=("cover", "summary", "goals"), prepared_for="<script>&nbsp;"),
        )
    finally:
        plan.close()
    text = " ".join(pdf_text(out, layout=False).split())
    assert f"План {MARKUP}" in text
    assert f"Цель {MARKUP}" in text  # the chart's title, in vector text
    assert text.count("Цель <b>Кофе</b> &amp;") >= 3  # and in the two goal tables
    # (pdftotext reads the narrow gaps around "&" and "<" in small print as no space)
    assert re.search(r"A ?& ?B ?< ?C", text)
    assert "<script>&nbsp;" in text
    assert_fonts_embedded(out)


# --- cancel, atomic output, overwrite -----------------------------------------------------------


def test_cancel_midway_leaves_no_file(demos: dict[str, Path], tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        assert total == 100 and 0 <= done <= 100
        seen.append(done)

    plan = open_plan(demos["en"])
    try:
        with pytest.raises(ExportCancelled):
            build_meeting_pack(
                plan,
                folder / "pack.pdf",
                PackOptions(today=TODAY),
                progress=progress,
                cancelled=lambda: len(seen) > 4,
            )
        assert list(folder.iterdir()) == []  # neither the PDF nor a temporary file
        # cancelled while the PDF is being written (the last phase): still nothing
        pack = prepare_meeting_pack(plan, PackOptions(sections=("cover", "check"), today=TODAY))
        calls = iter(range(10_000))
        with pytest.raises(ExportCancelled):
            pack.save(folder / "pack.pdf", cancelled=lambda: next(calls) >= 2)
        assert list(folder.iterdir()) == []
        # progress goes up to 100 and never back
        seen.clear()
        build_meeting_pack(
            plan, folder / "pack.pdf", PackOptions(sections=("cover", "check")), progress=progress
        )
        assert seen == sorted(seen) and seen[-1] == 100
        assert [p.name for p in folder.iterdir()] == ["pack.pdf"]
        before = (folder / "pack.pdf").read_bytes()
        with pytest.raises(PlanFileError) as refused:
            build_meeting_pack(plan, folder / "pack.pdf", PackOptions(), overwrite=False)
        assert refused.value.code == "exists"
        assert (folder / "pack.pdf").read_bytes() == before
    finally:
        plan.close()


# --- preview images ----------------------------------------------------------------------------


def test_preview_pages_are_the_printed_pages(demos: dict[str, Path]) -> None:
    plan = open_plan(demos["ru"])
    try:
        options = PackOptions(sections=("cover", "contents", "timeline"), today=TODAY)
        pack = prepare_meeting_pack(plan, options)
        images = render_preview_pages(plan, options, dpi=36)
    finally:
        plan.close()
    assert len(images) == pack.page_count >= 3
    cover, timeline = images[0], images[2]
    assert (cover.width(), cover.height()) == (math.ceil(595 * 0.5), math.ceil(842 * 0.5))
    assert timeline.width() > timeline.height()  # the timeline's landscape page
    # the cover's band is dark blue, its lower half white paper
    assert cover.pixelColor(10, 10).blue() > cover.pixelColor(10, 10).red()
    assert cover.pixelColor(5, cover.height() - 5).lightness() == 255


def test_logo_on_the_cover(demos: dict[str, Path], tmp_path: Path) -> None:
    from PySide6.QtGui import QColor, QImage

    logo = QImage(120, 60, QImage.Format.Format_ARGB32)
    logo.fill(QColor("#E15759"))
    assert logo.save(str(tmp_path / "logo.png"))
    plan = open_plan(demos["en"])
    try:
        out = build_meeting_pack(
            plan,
            tmp_path / "logo.pdf",
            PackOptions(sections=("cover",), logo=tmp_path / "logo.png"),
        )
        (tmp_path / "bad.png").write_bytes(b"not an image")
        with pytest.raises(PackError) as bad:
            build_meeting_pack(plan, tmp_path / "bad.pdf", PackOptions(logo=tmp_path / "bad.png"))
        assert bad.value.code == "logo_unreadable"
        assert not (tmp_path / "bad.pdf").exists()
    finally:
        plan.close()
    listing = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(listing) == 1 and listing[0].split()[3:5] == ["120", "60"]  # full resolution


def test_parsing_options() -> None:
    assert parse_sections("goals, budget cover") == ("cover", "goals", "budget")
    assert parse_week("2026-W05") == (2026, 5) == parse_week("2026w5")
    for bad, code in (("goals,foo", "unknown_section"), (" , ", "no_sections")):
        with pytest.raises(PackError) as e:
            parse_sections(bad)
        assert e.value.code == code
    for week in ("2026-W54", "2026-48", "W48"):
        with pytest.raises(PackError):
            parse_week(week)
    with pytest.raises(PackError) as e:
        PackOptions(period_from=dt.date(2026, 5, 1), period_to=dt.date(2026, 4, 1)).validated()
    assert e.value.code == "bad_period"
    assert set(TITLES["en"]) | {"cover"} == set(SECTIONS)


# --- the command line ----------------------------------------------------------------------------


@pytest.fixture()
def cli_demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.mktplan"
    build_demo(path, "en").close()
    return path


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_pdf(cli_demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "pack.pdf"
    base = ["export", str(cli_demo), "--pdf", str(out)]
    args = [*base, "--sections", "cover,check", "--lang", "ru", "--paper", "letter",
            "--landscape", "--prepared-for", "ООО «Ромашка»"]  # fmt: skip
    code, stdout, err = cli(capsys, *args)
    assert (code, err) == (0, "")
    assert stdout.strip() == f"Экспортировано в {out}."
    assert set(page_sizes(out)) == {(792, 612)}
    text = pdf_text(out)
    assert "Проверка плана" in text and "ООО «Ромашка»" in text

    before = out.read_bytes()
    code, _, err = cli(capsys, *args)
    assert code == 2
    assert one_line(err) == (
        f"mktplanner: Файл {out} уже существует; выберите другое имя или добавьте --force."
    )
    assert out.read_bytes() == before
    code, _, err = cli(capsys, *args, "--force")
    assert (code, err) == (0, "")

    refusals = {
        ("--sections", "goals,foo"): "There is no section foo in the meeting pack",
        ("--week", "2026-W60"): "2026-W60 is not a week; write it as YYYY-Www",
        ("--from", "2026-05-01", "--to", "2026-04-01"): "The period cannot end (2026-04-01)",
        ("--logo", str(tmp_path / "missing.png")): "cannot be read as an image",
        ("--from", "someday"): "Wrong command line",
    }
    for extra, words in refusals.items():
        code, _, err = cli(capsys, *base, "--lang", "en", "--force", *extra)
        assert code == 2, extra
        assert words in one_line(err), err
    code, _, err = cli(capsys, "export", str(cli_demo), "--json", str(tmp_path / "x.json"),
                       "--landscape", "--lang", "en")  # fmt: skip
    assert code == 2 and "go with --pdf" in one_line(err)
    code, _, err = cli(capsys, "export", str(tmp_path / "nope.mktplan"), "--pdf",
                       str(tmp_path / "n.pdf"), "--lang", "en")  # fmt: skip
    assert code == 2 and "does not exist" in one_line(err)
    assert not (tmp_path / "n.pdf").exists()


def test_cli_without_any_system_font(cli_demo: Path, tmp_path: Path) -> None:
    """With no fonts installed, Qt would silently write a PDF without text: the pack brings
    its own DejaVu Sans and embeds it."""
    conf = tmp_path / "fonts.conf"
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    conf.write_text(
        textwrap.dedent(
            f"""\
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>{empty}</dir><cachedir>{tmp_path / "cache"}</cachedir></fontconfig>
            """
        )
    )
    env = {
        **os.environ,
        "FONTCONFIG_FILE": str(conf),
        "QT_QPA_PLATFORM": "offscreen",
        "QT_QPA_FONTDIR": str(empty),
    }
    out = tmp_path / "nofonts.pdf"
    probe = "from PySide6.QtGui import QGuiApplication, QFontDatabase; a = QGuiApplication([]); "
    probe += "print('|'.join(QFontDatabase.families()))"
    families = subprocess.run([sys.executable, "-c", probe], env=env, capture_output=True,
                              text=True, check=True).stdout  # fmt: skip
    # only fontconfig's generic aliases are left, with no font behind them
    assert set(families.strip().split("|")) <= {"", "Monospace", "Sans Serif", "Serif"}
    result = subprocess.run(
        [sys.executable, "-m", "mktplanner", "export", str(cli_demo), "--pdf", str(out),
         "--sections", "cover,check", "--lang", "ru"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert_fonts_embedded(out)
    assert {row[0].split("+")[-1] for row in fonts(out)} >= {"DejaVuSans", "DejaVuSans-Bold"}
    assert "Проверка плана" in pdf_text(out)


# --- off the GUI thread -------------------------------------------------------------------------


def test_job_writes_in_a_worker_and_can_be_cancelled(
    demos: dict[str, Path], tmp_path: Path, qtbot: Any
) -> None:
    from mktplanner.report.job import MeetingPackJob

    plan = open_plan(demos["en"])
    try:
        job = MeetingPackJob(
            plan, PackOptions(sections=("cover", "goals"), today=TODAY), tmp_path / "job.pdf"
        )
        steps: list[int] = []
        job.progress.connect(lambda done, total: steps.append(done))
        with qtbot.waitSignal(job.finished, timeout=60_000) as written:
            job.start()
        assert written.args == [str(tmp_path / "job.pdf")]
        assert steps and steps[-1] == 100
        assert "Strategic goals" in pdf_text(tmp_path / "job.pdf")

        preview = MeetingPackJob(plan, PackOptions(sections=("cover",), today=TODAY))
        with qtbot.waitSignal(preview.prepared, timeout=60_000) as ready:
            preview.start()
        assert ready.args[0].page_count == 1

        stopped = MeetingPackJob(plan, PackOptions(today=TODAY), tmp_path / "stopped.pdf")
        stopped.progress.connect(lambda done, total: stopped.cancel())
        with qtbot.waitSignal(stopped.cancelled, timeout=60_000):
            stopped.start()
        assert stopped.wait(10)
        assert sorted(p.name for p in tmp_path.iterdir()) == ["job.pdf"]
    finally:
        plan.close()


def test_job_holds_the_lock_it_is_given_while_it_draws(
    demos: dict[str, Path], tmp_path: Path, qtbot: Any
) -> None:
    """The GUI passes its chart render lock: while a chart of a page is being drawn (the lock
    is held), the pack waits, and it writes its file once the lock is let go."""
    import threading

    from mktplanner.report.job import MeetingPackJob

    lock = threading.RLock()
    plan = open_plan(demos["en"])
    try:
        out = tmp_path / "locked.pdf"
        job = MeetingPackJob(plan, PackOptions(sections=("cover",), today=TODAY), out, lock=lock)
        held = threading.Event()
        release = threading.Event()

        def hold() -> None:
            with lock:
                held.set()
                release.wait(30)

        holder = threading.Thread(target=hold)
        holder.start()
        assert held.wait(10)
        job.start()
        assert not job.wait(1.0)  # blocked on the lock
        assert not out.exists()
        with qtbot.waitSignal(job.finished, timeout=60_000):
            release.set()
        holder.join(10)
        assert "Grain Coffee House" in pdf_text(out)
    finally:
        plan.close()
