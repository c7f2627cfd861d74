"""File ▸ Export ▸ PDF… / File ▸ Print…: the meeting pack dialog; File ▸ Export ▸ XLSX… / CSV….

``PackDialog`` picks what goes into the pack (sections, the week of the weekly plans, the
period), how it looks (paper, orientation, language, a logo, a "prepared for" line) and
shows a preview of the pages. Everything slow runs in a worker thread through
``report.job.MeetingPackJob``: laying the pack out for the preview (restarted, the old run
cancelled, shortly after each change of an option) and writing the PDF (with a progress bar
and a Cancel button; the engine writes the file atomically, so a cancel leaves nothing).
The preview images are painted a page per turn of the event loop, so the dialog stays
responsive. Print reuses the laid-out pack of the preview (``ui.print``).

A file is replaced only when the user said so: the save dialog asks before it returns an
existing file's name, and only then is the engine told ``overwrite=True`` (a name the dialog
did not see, because ".pdf" was appended, is asked about here).

matplotlib keeps its style in process-wide settings: a pack job holds
``chart_view.render_lock()`` while it runs, so that a chart drawn for the Overview at the same
moment cannot leave its dark theme in the PDF (``lock=render_lock()``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDate, QSettings, QSize, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mktplanner.report.job import MeetingPackJob
from mktplanner.ui import dialogs, theme
from mktplanner.ui.widgets.chart_view import render_lock

if TYPE_CHECKING:
    from mktplanner.report.meeting_pack import MeetingPack, PackOptions
    from mktplanner.ui.undo import Document

SECTIONS: tuple[str, ...] = (
    "cover",
    "contents",
    "summary",
    "swot",
    "goals",
    "timeline",
    "weekly",
    "budget",
    "results",
    "hypotheses",
    "check",
)
PREVIEW_DELAY_MS = 600  # after the last change of an option
THUMB = QSize(146, 206)  # the preview's page images fit this box


def section_label(name: str) -> str:
    return {
        "cover": QCoreApplication.translate("PackDialog", "Cover"),
        "contents": QCoreApplication.translate("PackDialog", "Contents"),
        "summary": QCoreApplication.translate("PackDialog", "Strategy on one page"),
        "swot": QCoreApplication.translate("PackDialog", "SWOT analysis"),
        "goals": QCoreApplication.translate("PackDialog", "Goals and progress"),
        "timeline": QCoreApplication.translate("PackDialog", "Tactical timeline"),
        "weekly": QCoreApplication.translate("PackDialog", "Weekly plans"),
        "budget": QCoreApplication.translate("PackDialog", "Budget and control"),
        "results": QCoreApplication.translate("PackDialog", "Results by channel"),
        "hypotheses": QCoreApplication.translate("PackDialog", "Hypotheses"),
        "check": QCoreApplication.translate("PackDialog", "Plan check"),
    }.get(name, name)


def pack_error_text(exc: Any) -> str:
    """A ``report.meeting_pack.PackError`` as one sentence."""
    p = {k: str(v) for k, v in getattr(exc, "params", {}).items()}
    code = getattr(exc, "code", "")
    if code == "unknown_section":
        return QCoreApplication.translate(
            "PackDialog", "The pack has no section named {name}."
        ).format(name=p.get("name", ""))
    if code == "no_sections":
        return QCoreApplication.translate("PackDialog", "Choose at least one section.")
    if code == "bad_week":
        return QCoreApplication.translate("PackDialog", "{value} is not a week.").format(
            value=p.get("value", "")
        )
    if code == "bad_period":
        return QCoreApplication.translate("PackDialog", "The period ends before it starts.")
    if code == "bad_paper":
        return QCoreApplication.translate("PackDialog", "{value} is not a paper size.").format(
            value=p.get("value", "")
        )
    if code == "bad_language":
        return QCoreApplication.translate(
            "PackDialog", "{value} is not a language of the pack."
        ).format(value=p.get("value", ""))
    if code == "logo_unreadable":
        return QCoreApplication.translate(
            "PackDialog", "The logo cannot be read as an image: {path}"
        ).format(path=p.get("path", ""))
    if code == "no_font":
        return QCoreApplication.translate(
            "PackDialog",
            "The font for the PDF (DejaVu Sans) was not found. Please reinstall the app.",
        )
    return QCoreApplication.translate("PackDialog", "The meeting pack could not be made.")


def _strings(value: object) -> list[str]:
    """A QSettings list (a lone string when it held one item, None when empty)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return []


def _date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _settings_key(path: Path, name: str) -> str:
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"export/plan-{digest}/{name}"


class PackDialog(QDialog):
    """The meeting pack's options, its preview, and Save PDF… (``mode="pdf"``) or Print…
    (``mode="print"``)."""

    def __init__(
        self,
        doc: Document,
        mode: str = "pdf",
        parent: QWidget | None = None,
        *,
        today: dt.date | None = None,
    ):
        super().__init__(parent)
        self.doc = doc
        self.mode = mode
        self.today = today
        self.pack: MeetingPack | None = None  # laid out for ``pack_options``
        self.pack_options: PackOptions | None = None
        self.written: Path | None = None  # the PDF written (mode "pdf")
        self.printed = 0  # pages printed (mode "print")
        self._preview_job: MeetingPackJob | None = None
        self._export_job: MeetingPackJob | None = None
        self._jobs: set[MeetingPackJob] = set()  # alive until their final signal
        self._thumbs: list[int] = []  # pages still to paint into the preview
        self._print_when_ready = False
        self._loading = True
        self.setWindowTitle(
            self.tr("Export the meeting pack (PDF)")
            if mode == "pdf"
            else self.tr("Print the meeting pack")
        )
        self.setObjectName("PackDialog")
        self.resize(1040, 700)
        self.setMinimumSize(860, 560)
        self._build()
        self._load()
        self._loading = False
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.timeout.connect(self.start_preview)
        self._thumb_timer = QTimer(self)
        self._thumb_timer.setSingleShot(True)
        self._thumb_timer.timeout.connect(self._paint_next_thumb)
        self._update_state()

    # --- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        c = theme.colors()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(18, 16, 18, 14)
        outer.setSpacing(12)
        columns = QHBoxLayout()
        columns.setSpacing(18)
        outer.addLayout(columns, 1)

        # Left: the options, scrollable on a small screen.
        options = QWidget()
        form_box = QVBoxLayout(options)
        form_box.setContentsMargins(0, 0, 8, 0)
        form_box.setSpacing(10)
        head = QHBoxLayout()
        title = QLabel(self.tr("Sections"))
        title.setObjectName("SectionTitle")
        head.addWidget(title)
        head.addStretch(1)
        self.all_button = self._link(self.tr("All"), lambda: self._check_all(True))
        self.none_button = self._link(self.tr("None"), lambda: self._check_all(False))
        head.addWidget(self.all_button)
        head.addWidget(self.none_button)
        form_box.addLayout(head)
        grid = QGridLayout()
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(6)
        self.section_boxes: dict[str, QCheckBox] = {}
        for i, name in enumerate(SECTIONS):
            box = QCheckBox(section_label(name))
            box.setObjectName(f"section_{name}")
            box.toggled.connect(self._options_changed)
            self.section_boxes[name] = box
            grid.addWidget(box, i // 2, i % 2)
        form_box.addLayout(grid)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setStyleSheet(f"color: {c['border']};")
        form_box.addWidget(line)

        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.week = QComboBox()
        self.week.currentIndexChanged.connect(self._options_changed)
        form.addRow(self.tr("Week of the weekly plans"), self.week)
        self.whole_period = QCheckBox(self.tr("The whole tactical period"))
        self.whole_period.toggled.connect(self._period_toggled)
        form.addRow(self.tr("Period"), self.whole_period)
        dates = QHBoxLayout()
        dates.setSpacing(6)
        self.period_from = QDateEdit()
        self.period_to = QDateEdit()
        for edit in (self.period_from, self.period_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd.MM.yyyy" if self.doc.fmt.language == "ru" else "MMM d, yyyy")
            edit.dateChanged.connect(self._options_changed)
        dates.addWidget(self.period_from, 1)
        dash = QLabel("–")
        dates.addWidget(dash)
        dates.addWidget(self.period_to, 1)
        form.addRow("", dates)
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("Letter", "letter")
        self.paper.currentIndexChanged.connect(self._options_changed)
        form.addRow(self.tr("Paper"), self.paper)
        self.orientation = QComboBox()
        self.orientation.addItem(self.tr("Portrait"), False)
        self.orientation.addItem(self.tr("Landscape"), True)
        self.orientation.currentIndexChanged.connect(self._options_changed)
        form.addRow(self.tr("Orientation"), self.orientation)
        self.language = QComboBox()
        self.language.addItem("English", "en")
        self.language.addItem("Русский", "ru")
        self.language.currentIndexChanged.connect(self._options_changed)
        form.addRow(self.tr("Language"), self.language)
        self.prepared_for = QLineEdit()
        self.prepared_for.setMaxLength(200)
        self.prepared_for.setPlaceholderText(self.tr("e.g. the client's company"))
        self.prepared_for.textChanged.connect(self._options_changed)
        form.addRow(self.tr("Prepared for"), self.prepared_for)
        logo_row = QHBoxLayout()
        logo_row.setSpacing(6)
        self.logo_label = QLabel()
        self.logo_label.setObjectName("Muted")
        self.logo_label.setMinimumWidth(80)
        self.logo_path: Path | None = None
        self.logo_choose = QPushButton(self.tr("Choose…"))
        self.logo_choose.clicked.connect(self.choose_logo)
        self.logo_remove = QPushButton(self.tr("Remove"))
        self.logo_remove.clicked.connect(lambda: self.set_logo(None))
        logo_row.addWidget(self.logo_label, 1)
        logo_row.addWidget(self.logo_choose)
        logo_row.addWidget(self.logo_remove)
        form.addRow(self.tr("Logo"), logo_row)
        form_box.addLayout(form)
        form_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(options)
        # As wide as the options need in the language shown (no clipped label or button).
        scroll.setMinimumWidth(max(400, options.sizeHint().width() + 12))
        scroll.setMaximumWidth(max(470, options.sizeHint().width() + 12))
        columns.addWidget(scroll, 0)

        # Right: the preview.
        right = QVBoxLayout()
        right.setSpacing(6)
        head = QHBoxLayout()
        preview_title = QLabel(self.tr("Preview"))
        preview_title.setObjectName("SectionTitle")
        self.pages_label = QLabel()
        self.pages_label.setObjectName("Muted")
        head.addWidget(preview_title)
        head.addStretch(1)
        head.addWidget(self.pages_label)
        right.addLayout(head)
        self.preview = QListWidget()
        self.preview.setObjectName("PackPreview")
        self.preview.setViewMode(QListView.ViewMode.IconMode)
        self.preview.setIconSize(THUMB)
        self.preview.setGridSize(QSize(THUMB.width() + 18, THUMB.height() + 30))
        self.preview.setResizeMode(QListView.ResizeMode.Adjust)
        self.preview.setMovement(QListView.Movement.Static)
        self.preview.setUniformItemSizes(True)
        self.preview.setSpacing(4)
        self.preview.setWordWrap(False)
        self.preview.setStyleSheet(
            f"QListWidget#PackPreview {{ background: {c['alt']}; border: 1px solid {c['border']};"
            " border-radius: 8px; padding: 8px; }"
            f"QListWidget#PackPreview::item {{ color: {c['muted']}; border-radius: 6px; }}"
            f"QListWidget#PackPreview::item:selected {{ background: {c['sidebar_sel']};"
            f" color: {c['text']}; }}"
        )
        self.preview.itemDoubleClicked.connect(self._show_page)
        self.preview.setToolTip(self.tr("Double-click a page to see it larger."))
        right.addWidget(self.preview, 1)
        columns.addLayout(right, 1)

        # Bottom: progress, status, buttons.
        bottom = QHBoxLayout()
        bottom.setSpacing(10)
        status_box = QVBoxLayout()
        status_box.setSpacing(4)
        self.status = QLabel()
        self.status.setObjectName("Muted")
        self.status.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setTextVisible(False)
        self.progress.setFixedHeight(8)
        policy = self.progress.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.progress.setSizePolicy(policy)
        self.progress.hide()
        status_box.addWidget(self.status)
        status_box.addWidget(self.progress)
        bottom.addLayout(status_box, 1)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self._close_or_cancel)
        self.primary = QPushButton(
            theme.icon("pdf" if self.mode == "pdf" else "export"),
            self.tr("Save PDF…") if self.mode == "pdf" else self.tr("Print…"),
        )
        self.primary.setObjectName("Primary")
        self.primary.setDefault(True)
        self.primary.clicked.connect(self.save if self.mode == "pdf" else self.print_)
        bottom.addWidget(self.close_button)
        bottom.addWidget(self.primary)
        outer.addLayout(bottom)
        self.option_widgets: list[QWidget] = [
            *self.section_boxes.values(),
            self.all_button,
            self.none_button,
            self.week,
            self.whole_period,
            self.period_from,
            self.period_to,
            self.paper,
            self.orientation,
            self.language,
            self.prepared_for,
            self.logo_choose,
            self.logo_remove,
        ]

    def _link(self, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setStyleSheet(
            f"QPushButton {{ border: none; background: transparent;"
            f" color: {theme.colors()['accent']}; padding: 2px 4px; }}"
            f"QPushButton:disabled {{ color: {theme.colors()['muted']}; }}"
        )
        button.clicked.connect(slot)
        return button

    # --- the options ------------------------------------------------------------------------
    def _load(self) -> None:
        """Fill the options from the plan and from what was chosen last time."""
        from mktplanner.domain.rules.budget import period_end
        from mktplanner.domain.rules.dates import iso_week_of
        from mktplanner.services import views

        plan = self.doc.plan
        fmt = self.doc.fmt
        profile = views.plan_profile(plan)
        today = self.today or dt.date.today()
        s = QSettings()
        chosen = _strings(s.value("export/sections", list(SECTIONS))) or list(SECTIONS)
        for name, box in self.section_boxes.items():
            box.setChecked(name in chosen)
        this = iso_week_of(today)
        weeks = {(int(r["iso_year"]), int(r["iso_week"])) for r in views.weekly_plans(plan)}
        weeks.add((this.year, this.week))
        for year, week in sorted(weeks, reverse=True):
            text = fmt.week(year, week)
            if (year, week) == (this.year, this.week):
                text = self.tr("{week} (this week)").format(week=text)
            self.week.addItem(text, f"{year}-W{week:02d}")
        self.week.setCurrentIndex(max(0, self.week.findData(f"{this.year}-W{this.week:02d}")))
        start = profile.tactical_start or today.replace(day=1)
        end = period_end(start, max(1, profile.tactical_months))
        self.period_from.setDate(QDate(start.year, start.month, start.day))
        self.period_to.setDate(QDate(end.year, end.month, end.day))
        self.whole_period.setChecked(True)
        self._period_toggled(True)
        paper = str(s.value("export/paper", "a4"))
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        landscape = str(s.value("export/landscape", "false")).lower() == "true"
        self.orientation.setCurrentIndex(1 if landscape else 0)
        lang = profile.language if profile.language in ("en", "ru") else self.doc.fmt.language
        self.language.setCurrentIndex(max(0, self.language.findData(lang)))
        path = Path(self.doc.path)
        self.prepared_for.setText(str(s.value(_settings_key(path, "prepared_for"), "") or ""))
        logo = str(s.value(_settings_key(path, "logo"), "") or "")
        self.set_logo(Path(logo) if logo and Path(logo).is_file() else None, quiet=True)

    def _remember(self) -> None:
        s = QSettings()
        s.setValue("export/sections", [n for n, b in self.section_boxes.items() if b.isChecked()])
        s.setValue("export/paper", self.paper.currentData())
        s.setValue("export/landscape", "true" if self.orientation.currentData() else "false")
        path = Path(self.doc.path)
        s.setValue(_settings_key(path, "prepared_for"), self.prepared_for.text().strip())
        s.setValue(_settings_key(path, "logo"), str(self.logo_path or ""))

    def sections(self) -> tuple[str, ...]:
        return tuple(n for n in SECTIONS if self.section_boxes[n].isChecked())

    def set_sections(self, names: Any) -> None:
        wanted = set(names)
        for name, box in self.section_boxes.items():
            box.setChecked(name in wanted)

    def options(self) -> PackOptions:
        from mktplanner.report.meeting_pack import PackOptions

        period_from = period_to = None
        if not self.whole_period.isChecked():
            period_from = _date(self.period_from.date())
            period_to = _date(self.period_to.date())
        from mktplanner.report.meeting_pack import parse_week

        key = self.week.currentData()
        week = parse_week(key) if key else None
        return PackOptions(
            sections=self.sections(),
            language=self.language.currentData(),
            paper=self.paper.currentData() or "a4",
            landscape=bool(self.orientation.currentData()),
            week=week,
            period_from=period_from,
            period_to=period_to,
            prepared_for=self.prepared_for.text().strip(),
            logo=self.logo_path,
            today=self.today,
        )

    def _check_all(self, on: bool) -> None:
        self._loading = True
        for box in self.section_boxes.values():
            box.setChecked(on)
        self._loading = False
        self._options_changed()

    def _period_toggled(self, whole: bool) -> None:
        self.period_from.setEnabled(not whole and not self.busy)
        self.period_to.setEnabled(not whole and not self.busy)
        self._options_changed()

    def choose_logo(self) -> None:
        path = ask_logo_path(self)
        if path:
            self.set_logo(Path(path))

    def set_logo(self, path: Path | None, *, quiet: bool = False) -> None:
        if path is not None:
            image = QImage(str(path))
            if image.isNull():
                if not quiet:
                    dialogs.message(
                        self,
                        "warning",
                        dialogs.app_title(),
                        self.tr("This file cannot be used as a logo."),
                        self.tr("Choose a PNG, JPEG or SVG image."),
                    )
                return
        self.logo_path = path
        self.logo_label.setText(path.name if path is not None else self.tr("No logo"))
        self.logo_label.setToolTip(str(path) if path is not None else "")
        self.logo_remove.setEnabled(path is not None and not self.busy)
        self._options_changed()

    def _options_changed(self, *_: Any) -> None:
        if self._loading:
            return
        self._update_state()
        if not self.sections():
            self._cancel_preview()
            self._clear_preview()
            self._working(False)
            self.status.setText(self.tr("Choose at least one section."))
            return
        if self.isVisible():
            self._preview_timer.start(PREVIEW_DELAY_MS)

    # --- state ------------------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """An export is running (the options are locked, Close cancels it)."""
        return self._export_job is not None

    def _update_state(self) -> None:
        busy = self.busy
        for w in self.option_widgets:
            w.setEnabled(not busy)
        whole = self.whole_period.isChecked()
        self.period_from.setEnabled(not busy and not whole)
        self.period_to.setEnabled(not busy and not whole)
        self.week.setEnabled(not busy and self.section_boxes["weekly"].isChecked())
        self.logo_remove.setEnabled(not busy and self.logo_path is not None)
        self.primary.setEnabled(not busy and bool(self.sections()))
        self.close_button.setText(self.tr("Cancel") if busy else self.tr("Close"))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self.pack is None and self._preview_job is None and self.sections():
            self._preview_timer.start(0)

    # --- preview ----------------------------------------------------------------------------
    def _start_job(self, out: Path | None, overwrite: bool = False) -> MeetingPackJob:
        job = MeetingPackJob(
            self.doc.plan, self.options(), out, overwrite=overwrite, lock=render_lock(), parent=None
        )
        self._jobs.add(job)
        job.progress.connect(self._on_progress)
        job.prepared.connect(self._on_prepared)
        job.finished.connect(self._on_written)
        job.failed.connect(self._on_failed)
        job.cancelled.connect(self._on_cancelled)
        for signal in (job.prepared, job.finished, job.failed, job.cancelled):
            signal.connect(lambda *_a, j=job: self._jobs.discard(j))
        job.start()
        return job

    def start_preview(self) -> None:
        """Lay the pack out for the preview in the background (an older run is cancelled)."""
        if self.busy or not self.sections():
            return
        self._cancel_preview()
        self._working(True)
        self.status.setText(self.tr("Preparing the preview…"))
        self._preview_job = self._start_job(None)

    def _working(self, on: bool) -> None:
        self.progress.setValue(0)
        self.progress.setVisible(on)

    def _cancel_preview(self) -> None:
        if self._preview_job is not None:
            self._preview_job.cancel()
            self._preview_job = None

    def _on_progress(self, done: int, total: int) -> None:
        job = self.sender()
        if job is self._export_job or job is self._preview_job:
            self.progress.setValue(int(done * 100 / max(1, total)))

    def _on_prepared(self, pack: Any) -> None:
        job = self.sender()
        if job is not self._preview_job:
            return  # an older run finished after all
        self._preview_job = None
        self.pack = pack
        self.pack_options = job.options  # type: ignore[union-attr]
        self._working(False)
        self._clear_preview()
        self.pages_label.setText(self.tr("%n page(s)", "", pack.page_count))
        self.status.setText(self.tr("The preview shows the pages as they will be printed."))
        for i in range(pack.page_count):
            item = QListWidgetItem(self.tr("Page {n}").format(n=i + 1))
            item.setSizeHint(self.preview.gridSize())
            item.setTextAlignment(Qt.AlignmentFlag.AlignHCenter)
            self.preview.addItem(item)
        self._thumbs = list(range(pack.page_count))
        self._thumb_timer.start(0)
        if self._print_when_ready:
            self._print_when_ready = False
            QTimer.singleShot(0, self.print_)

    def _clear_preview(self) -> None:
        self._thumbs = []
        self.preview.clear()
        self.pages_label.setText("")

    def _paint_next_thumb(self) -> None:
        if not self._thumbs or self.pack is None:
            return
        index = self._thumbs.pop(0)
        item = self.preview.item(index)
        if item is not None:
            item.setIcon(QIcon(self._thumbnail(self.pack, index)))
        if self._thumbs:
            self._thumb_timer.start(0)

    def _thumbnail(self, pack: MeetingPack, index: int) -> QPixmap:
        size = pack.page_size(index)
        ratio = self.devicePixelRatioF() or 1.0
        scale = min(THUMB.width() / size.width(), THUMB.height() / size.height())
        image = pack.render_page(index, 72.0 * scale * ratio)
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(ratio)
        return pixmap

    @property
    def preview_ready(self) -> bool:
        """The preview shows every page of a pack laid out for the current options."""
        return (
            self.pack is not None
            and self._preview_job is None
            and not self._thumbs
            and self.pack_options == self.options()
        )

    def preview_images(self) -> list[QPixmap]:
        """The page images shown so far (tests look at them)."""
        out = []
        for i in range(self.preview.count()):
            icon = self.preview.item(i).icon()
            if not icon.isNull():
                out.append(icon.pixmap(THUMB))
        return out

    def _show_page(self, item: QListWidgetItem) -> None:
        if self.pack is None:
            return
        index = self.preview.row(item)
        view = QDialog(self)
        view.setWindowTitle(self.tr("Page {n}").format(n=index + 1))
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        label = QLabel()
        ratio = self.devicePixelRatioF() or 1.0
        pixmap = QPixmap.fromImage(self.pack.render_page(index, 110 * ratio))
        pixmap.setDevicePixelRatio(ratio)
        label.setPixmap(pixmap)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        scroll.setWidget(label)
        scroll.setWidgetResizable(True)
        layout.addWidget(scroll)
        view.resize(min(1000, int(pixmap.width() / ratio) + 40), 760)
        view.exec()

    # --- save and print ---------------------------------------------------------------------
    def save(self) -> bool:
        """Ask where to save the PDF and write it in the background. False: not started."""
        if self.busy or not self.sections():
            return False
        suggested = self._suggested_path()
        path = dialogs.ask_save_path(
            self, self.tr("Save the meeting pack as"), str(suggested), self.tr("PDF files (*.pdf)")
        )
        if not path:
            return False
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
            if target.exists() and not self._confirm_replace(target):
                return False
        if target.is_dir():
            from mktplanner.store.errors import PlanFileError

            dialogs.show_file_error(self, PlanFileError("is_directory", target))
            return False
        # The save dialog asked before returning an existing file: only then replace it.
        overwrite = target.exists()
        self._remember()
        self._cancel_preview()
        self._working(True)
        self.status.setText(self.tr("Writing {name}…").format(name=target.name))
        self._export_job = self._start_job(target, overwrite)
        self._update_state()
        return True

    def _confirm_replace(self, target: Path) -> bool:
        answer = dialogs.message(
            self,
            "question",
            dialogs.app_title(),
            self.tr("{name} already exists. Replace it?").format(name=target.name),
            str(target.parent),
            ("yes", "no"),
        )
        return answer == "yes"

    def _suggested_path(self) -> Path:
        plan_path = Path(self.doc.path)
        last = str(QSettings().value("export/folder", "") or "")
        folder = Path(last) if last and Path(last).is_dir() else plan_path.parent
        return folder / f"{plan_path.stem} — {self.tr('meeting pack')}.pdf"

    def cancel_export(self) -> None:
        if self._export_job is not None:
            self._export_job.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _on_written(self, path: str) -> None:
        if self.sender() is not self._export_job:
            return
        self._export_job = None
        self.written = Path(path)
        QSettings().setValue("export/folder", str(self.written.parent))
        self._working(False)
        self.status.setText(self.tr("Saved: {path}").format(path=path))
        self._update_state()
        choice = dialogs.message(
            self,
            "info",
            dialogs.app_title(),
            self.tr("The meeting pack was saved."),
            path,
            ("ok",),
            [("open", self.tr("Open the PDF"))],
        )
        if choice == "open":
            QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        self.accept()

    def _on_cancelled(self) -> None:
        job = self.sender()
        if job is self._export_job:
            self._export_job = None
            self._working(False)
            self.status.setText(self.tr("Export cancelled. No file was written."))
            self._update_state()

    def _on_failed(self, exc: Any) -> None:
        job = self.sender()
        if job is self._preview_job:
            self._preview_job = None
            self._working(False)
            self.status.setText(self._failure_text(exc, "preview meeting pack"))
            return
        if job is not self._export_job:
            return
        self._export_job = None
        self._working(False)
        self._update_state()
        from mktplanner.report.meeting_pack import PackError
        from mktplanner.store.errors import PlanFileError

        if isinstance(exc, PlanFileError):
            self.status.setText(self.tr("The PDF was not saved."))
            dialogs.show_file_error(self, exc)
        elif isinstance(exc, PackError):
            self.status.setText(pack_error_text(exc))
            dialogs.message(
                self,
                "warning",
                dialogs.app_title(),
                self.tr("The PDF was not saved."),
                pack_error_text(exc),
            )
        else:
            from mktplanner.logsetup import log_exception

            self.status.setText(self.tr("The PDF was not saved."))
            dialogs.apology(self, log_exception(exc, "export meeting pack"))

    def _failure_text(self, exc: Any, what: str) -> str:
        from mktplanner.report.meeting_pack import PackError

        if isinstance(exc, PackError):
            return pack_error_text(exc)
        from mktplanner.logsetup import log_exception

        path = log_exception(exc, what)
        return self.tr("The preview could not be made. The details are in the log: {path}").format(
            path=path
        )

    def print_(self) -> int:
        """Print the pack (laid out for the preview) through Qt's print dialog."""
        if self.busy or not self.sections():
            return 0
        if self.pack is None or self.pack_options != self.options():
            # The preview is not ready for these options yet: print when it is.
            self._print_when_ready = True
            if self._preview_job is None:
                self.start_preview()
            self.status.setText(self.tr("Preparing the pages to print…"))
            return 0
        from mktplanner.ui import print as printing

        self._remember()
        printed = printing.print_pack(self, self.pack)
        self.printed = printed
        if printed:
            self.status.setText(self.tr("%n page(s) sent to the printer.", "", printed))
            self.accept()
        return printed

    # --- closing ----------------------------------------------------------------------------
    def _close_or_cancel(self) -> None:
        if self.busy:
            self.cancel_export()
        else:
            self.reject()

    def done(self, result: int) -> None:
        """Closing stops every run; they stop at their next step and write nothing."""
        self._preview_timer.stop()
        self._thumb_timer.stop()
        self._print_when_ready = False
        self._cancel_preview()
        if self._export_job is not None and result != QDialog.DialogCode.Accepted:
            self._export_job.cancel()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            for job in list(self._jobs):
                job.cancel()
                job.wait(30)
        finally:
            QApplication.restoreOverrideCursor()
        self._export_job = None
        super().done(result)

    def sizeHint(self) -> QSize:
        return QSize(1040, 700)


# --- entry points of the File menu -----------------------------------------------------------


def ask_logo_path(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("PackDialog", "Choose a logo"),
        "",
        QCoreApplication.translate("PackDialog", "Images (*.png *.jpg *.jpeg *.svg *.bmp)"),
    )
    return path or None


def ask_folder(parent: QWidget | None, title: str, folder: str) -> str | None:
    path = QFileDialog.getExistingDirectory(parent, title, folder)
    return path or None


def open_pack_dialog(parent: QWidget | None, doc: Document, mode: str = "pdf") -> PackDialog:
    """Show the meeting pack dialog (modal) and return it once closed."""
    dialog = PackDialog(doc, mode, parent)
    dialog.exec()
    return dialog


def _export_error(parent: QWidget | None, exc: BaseException, dest: Path, what: str) -> None:
    from mktplanner.store.errors import PlanFileError

    if isinstance(exc, PlanFileError):
        dialogs.show_file_error(parent, exc)
    elif isinstance(exc, OSError):
        from mktplanner.store.planfile import translate_os_error

        dialogs.show_file_error(parent, translate_os_error(exc, dest))
    else:
        from mktplanner.logsetup import log_exception

        dialogs.apology(parent, log_exception(exc, what))


def export_xlsx(parent: QWidget | None, doc: Document) -> Path | None:
    """File ▸ Export ▸ XLSX…: the whole plan as one workbook (report.tables)."""
    from mktplanner.report.tables import export_xlsx as write_xlsx

    src = Path(doc.path)
    path = dialogs.ask_save_path(
        parent, QCoreApplication.translate("PackDialog", "Export as an Excel workbook"), str(src.with_suffix(".xlsx")),
        QCoreApplication.translate("PackDialog", "Excel workbooks (*.xlsx)"),
    )  # fmt: skip
    if not path:
        return None
    dest = Path(path)
    if dest.suffix.lower() != ".xlsx":
        dest = dest.with_name(dest.name + ".xlsx")
        if dest.exists() and (
            dialogs.message(
                parent,
                "question",
                dialogs.app_title(),
                QCoreApplication.translate(
                    "PackDialog", "{name} already exists. Replace it?"
                ).format(name=dest.name),
                str(dest.parent),
                ("yes", "no"),
            )
            != "yes"  # fmt: skip
        ):
            return None
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = write_xlsx(doc.plan, dest, lang=doc.fmt.language, force=dest.exists())
    except Exception as exc:  # noqa: BLE001 - worded for the user, details logged
        QApplication.restoreOverrideCursor()
        _export_error(parent, exc, dest, "export xlsx")
        return None
    QApplication.restoreOverrideCursor()
    dialogs.message(
        parent,
        "info",
        dialogs.app_title(),
        QCoreApplication.translate("PackDialog", "The plan was exported to an Excel workbook."),
        str(written),
    )
    return written


def export_csv(parent: QWidget | None, doc: Document) -> list[Path] | None:
    """File ▸ Export ▸ CSV…: one CSV file per table into a chosen folder (report.tables)."""
    from mktplanner.report.tables import export_csv as write_csv
    from mktplanner.store.errors import PlanFileError

    src = Path(doc.path)
    folder = ask_folder(
        parent,
        QCoreApplication.translate("PackDialog", "Choose a folder for the CSV files"),
        str(src.parent),
    )
    if not folder:
        return None
    dest = Path(folder)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        try:
            written = write_csv(doc.plan, dest, lang=doc.fmt.language)
        except PlanFileError as exc:
            if exc.code != "exists" or not dest.is_dir():
                raise
            QApplication.restoreOverrideCursor()
            answer = dialogs.message(
                parent,
                "question",
                dialogs.app_title(),
                QCoreApplication.translate(
                    "PackDialog", "This folder already holds CSV files of an export. Replace them?"
                ),
                str(dest),
                ("yes", "no"),
            )
            if answer != "yes":
                return None
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            written = write_csv(doc.plan, dest, lang=doc.fmt.language, force=True)
    except Exception as exc:  # noqa: BLE001 - worded for the user, details logged
        QApplication.restoreOverrideCursor()
        _export_error(parent, exc, dest, "export csv")
        return None
    QApplication.restoreOverrideCursor()
    count = len(written)
    dialogs.message(
        parent,
        "info",
        dialogs.app_title(),
        QCoreApplication.translate("PackDialog", "CSV files written: {n}.").format(n=count),
        str(dest),
    )
    return written
