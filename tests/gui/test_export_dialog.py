"""The meeting pack dialog (File ▸ Export ▸ PDF…, File ▸ Print…) and the XLSX / CSV exports,
on the demo plan: real files, checked with poppler and openpyxl."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from gui.helpers import sha256

pytestmark = pytest.mark.timeout(180)

QUICK = ("cover", "goals", "budget")  # sections that lay out fast


def _dialog(opened: Any, qtbot: Any, mode: str = "pdf", sections: Any = QUICK) -> Any:
    from mktplanner.ui.export_dialog import PackDialog

    dialog = PackDialog(opened.doc, mode, opened)
    qtbot.addWidget(dialog)
    dialog.set_sections(sections)
    return dialog


def _pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in out.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _wait_preview(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=120_000)


def test_the_file_menu_offers_pdf_xlsx_csv_and_print(opened: Any) -> None:
    exports = [a.objectName() for a in opened.menu_export.actions()]
    assert exports[:3] == ["act_export_pdf", "act_export_xlsx", "act_export_csv"]
    assert opened.act_export_pdf.text() == "&PDF meeting pack…"
    assert opened.act_print.isEnabled() and opened.act_export_pdf.isEnabled()
    file_menu = opened.menu_export.parentWidget()
    assert opened.act_print in file_menu.actions()
    opened.set_document(None)
    assert not opened.act_print.isEnabled() and not opened.act_export_pdf.isEnabled()


def test_export_writes_a_pdf_with_the_chosen_sections(
    opened: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    dialog = _dialog(opened, qtbot)
    dialog.prepared_for.setText("Northwind Ltd")
    target = tmp_path / "pack.pdf"
    dialogs.save_paths.append(str(target))
    assert dialog.save()
    assert dialog.busy and not dialog.primary.isEnabled()
    assert dialog.close_button.text() == "Cancel"
    assert dialog._export_job.overwrite is False  # a new file: the engine may not replace one
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=120_000)
    assert dialog.written == target
    assert _pdf_pages(target) > 1
    text = _pdf_text(target)
    assert "Strategic goals" in text and "Budget and control" in text
    assert "Prepared for Northwind Ltd" in text
    assert "SWOT analysis" not in text and "Tactical plan" not in text
    assert dialogs.messages[-1]["text"] == "The meeting pack was saved."
    assert dialogs.messages[-1]["informative"] == str(target)
    assert not list(tmp_path.glob("*.tmp*"))  # written atomically, nothing left beside it


def test_the_preview_shows_the_pages(opened: Any, qtbot: Any) -> None:
    from PySide6.QtGui import QColor

    dialog = _dialog(opened, qtbot)
    dialog.show()
    _wait_preview(qtbot, dialog)
    pack = dialog.pack
    assert pack.page_count > 1
    assert dialog.pages_label.text() == f"{pack.page_count} pages"
    images = dialog.preview_images()
    assert len(images) == pack.page_count == dialog.preview.count()
    cover = images[0].toImage()
    assert cover.width() > 100 and cover.height() > 150
    # The cover's dark band at the top: the page is really drawn, not blank.
    assert QColor(cover.pixel(cover.width() // 2, 10)).lightness() < 120
    white = QColor("#FFFFFF").rgb()
    inner = images[1].toImage()
    assert any(
        inner.pixel(x, y) != white
        for x in range(0, inner.width(), 4)
        for y in range(0, inner.height(), 4)
    )
    assert dialog.preview.item(0).text() == "Page 1"
    # A change of option lays the pack out again: landscape pages are wider than tall.
    dialog.orientation.setCurrentIndex(1)
    _wait_preview(qtbot, dialog)
    size = dialog.pack.page_size(0)
    assert size.width() > size.height()


def test_cancel_leaves_no_file(opened: Any, qtbot: Any, dialogs: Any, tmp_path: Path) -> None:
    dialog = _dialog(opened, qtbot, sections=("cover", "goals", "timeline", "budget", "results"))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "cancelled.pdf"
    dialogs.save_paths.append(str(target))
    assert dialog.save()
    dialog.close_button.click()  # "Cancel" while the export runs
    qtbot.waitUntil(lambda: not dialog.busy, timeout=60_000)
    assert dialog.status.text() == "Export cancelled. No file was written."
    assert dialog.written is None
    assert not target.exists()
    assert list(folder.iterdir()) == []  # no temporary file either
    assert dialog.primary.isEnabled() and dialog.close_button.text() == "Close"


def test_an_existing_file_is_replaced_only_when_confirmed(
    opened: Any, qtbot: Any, dialogs: Any, tmp_path: Path
) -> None:
    old = tmp_path / "pack.pdf"
    old.write_bytes(b"%PDF-1.4 old")
    before = sha256(old)
    dialog = _dialog(opened, qtbot, sections=("cover",))
    # Typed without ".pdf": the save dialog did not see "pack.pdf", so we ask; "no" keeps it.
    dialogs.save_paths.append(str(tmp_path / "pack"))
    dialogs.answers.append("no")
    assert not dialog.save()
    assert dialogs.messages[-1]["text"] == "pack.pdf already exists. Replace it?"
    assert sha256(old) == before
    # Chosen in the save dialog (which asked): the engine is told to replace it.
    dialogs.save_paths.append(str(old))
    assert dialog.save()
    assert dialog._export_job.overwrite is True
    qtbot.waitUntil(lambda: dialog.written is not None, timeout=120_000)
    assert sha256(old) != before and _pdf_pages(old) >= 1


def test_no_section_no_export(opened: Any, qtbot: Any) -> None:
    dialog = _dialog(opened, qtbot, sections=())
    dialog.show()
    assert not dialog.primary.isEnabled()
    assert dialog.status.text() == "Choose at least one section."
    dialog.all_button.click()
    assert dialog.sections() == tuple(dialog.section_boxes)
    assert dialog.primary.isEnabled()


def test_print_sends_the_same_pages_to_the_printer(
    opened: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from mktplanner.ui import print as printing

    out = tmp_path / "printed.pdf"
    asked: list[Any] = []

    def ask_printer(parent: Any, printer: QPrinter) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(printing, "ask_printer", ask_printer)
    dialog = _dialog(opened, qtbot, "print", sections=("cover", "timeline", "budget"))
    assert dialog.primary.text() == "Print…"
    dialog.show()
    dialog.primary.click()  # before the preview is ready: prints once it is
    qtbot.waitUntil(lambda: dialog.printed > 0, timeout=120_000)
    pack = dialog.pack
    assert len(asked) == 1 and asked[0].docName() == pack.title
    assert dialog.printed == pack.page_count == _pdf_pages(out)
    text = _pdf_text(out)
    assert "Tactical plan" in text and "Budget and control" in text
    # The landscape timeline pages come out on landscape paper.
    info = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", str(pack.page_count), str(out)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    sizes = [line for line in info.splitlines() if line.startswith("Page") and "size" in line]
    landscape = [i for i, p in enumerate(pack.pages) if p.geometry.landscape]
    assert landscape
    for i in landscape:
        w, h = (float(v) for v in sizes[i].split("size:")[1].split("pts")[0].split(" x "))
        assert w > h


def test_export_xlsx_and_csv(
    opened: Any, dialogs: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import openpyxl

    from mktplanner.ui import export_dialog

    target = tmp_path / "plan.xlsx"
    dialogs.save_paths.append(str(target))
    opened.act_export_xlsx.trigger()
    assert dialogs.messages[-1]["text"] == "The plan was exported to an Excel workbook."
    with zipfile.ZipFile(target) as z:
        assert "xl/workbook.xml" in z.namelist()
    book = openpyxl.load_workbook(target, read_only=True)
    assert "Goals" in book.sheetnames and "Expenses" in book.sheetnames
    book.close()

    folder = tmp_path / "csv"
    folder.mkdir()
    monkeypatch.setattr(export_dialog, "ask_folder", lambda *a: str(folder))
    opened.act_export_csv.trigger()
    written = sorted(p.name for p in folder.glob("*.csv"))
    assert "expenses.csv" in written
    assert dialogs.messages[-1]["text"] == f"CSV files written: {len(written)}."
    # Again into the same folder: asked first; "no" changes nothing.
    before = sha256(folder / "expenses.csv")
    dialogs.answers.append("no")
    opened.act_export_csv.trigger()
    assert "Replace them?" in dialogs.messages[-1]["text"]
    assert sha256(folder / "expenses.csv") == before


def test_export_failure_is_one_clear_message(opened: Any, dialogs: Any, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "plan.xlsx"
    dialogs.save_paths.append(str(missing))
    opened.act_export_xlsx.trigger()
    shown = dialogs.messages[-1]
    assert shown["kind"] == "error"
    assert "Traceback" not in shown["text"] + shown["informative"]
    assert not missing.exists()


def test_the_dialog_in_russian(opened: Any, qtbot: Any) -> None:
    from mktplanner.ui.export_dialog import PackDialog

    opened.set_language("ru")
    dialog = PackDialog(opened.doc, "pdf", opened)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Экспорт пакета к встрече (PDF)"
    assert dialog.section_boxes["summary"].text() == "Стратегия на одной странице"
    assert dialog.primary.text() == "Сохранить PDF…"
    assert "(эта неделя)" in dialog.week.currentText()
