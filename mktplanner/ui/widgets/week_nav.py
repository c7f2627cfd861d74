"""Moving between ISO weeks: previous / next, this week, and a jump to any date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QWidget

from mktplanner.ui.fmt import Formatter


class WeekNavigator(QWidget):
    """◀ Week 48 · Nov 23 – 29 2026 ▶  [This week]  Go to [date]. ``changed(year, week)``."""

    changed = Signal(int, int)

    def __init__(self, fmt: Callable[[], Formatter], parent: QWidget | None = None):
        super().__init__(parent)
        self._fmt = fmt
        today = dt.date.today().isocalendar()
        self._year, self._week = today.year, today.week
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous week (Alt+Left)"))
        self.prev_button.setShortcut(QKeySequence("Alt+Left"))
        self.prev_button.setAccessibleName(self.tr("Previous week"))
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.label = QLabel()
        self.label.setObjectName("WeekLabel")
        self.label.setStyleSheet("font-weight: 600; font-size: 11pt;")
        self.label.setMinimumWidth(190)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.year_label = QLabel()
        self.year_label.setObjectName("Muted")
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next week (Alt+Right)"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.next_button.setAccessibleName(self.tr("Next week"))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button = QPushButton(self.tr("This week"))
        self.today_button.clicked.connect(self.go_today)
        jump = QLabel(self.tr("Go to"))
        jump.setObjectName("Muted")
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setToolTip(self.tr("Jump to the week of a date"))
        self.date_edit.setAccessibleName(self.tr("Jump to the week of a date"))
        self.date_edit.dateChanged.connect(self._date_picked)
        jump.setBuddy(self.date_edit)
        for w in (self.prev_button, self.label, self.next_button):
            layout.addWidget(w)
        layout.addWidget(self.year_label)
        layout.addSpacing(8)
        layout.addWidget(self.today_button)
        layout.addSpacing(8)
        layout.addWidget(jump)
        layout.addWidget(self.date_edit)
        self._show()

    def week(self) -> tuple[int, int]:
        return self._year, self._week

    def set_week(self, year: int, week: int, *, emit: bool = False) -> None:
        changed = (year, week) != (self._year, self._week)
        self._year, self._week = year, week
        self._show()
        if emit and changed:
            self.changed.emit(year, week)

    def step(self, weeks: int) -> None:
        monday = dt.date.fromisocalendar(self._year, self._week, 1) + dt.timedelta(weeks=weeks)
        iso = monday.isocalendar()
        self.set_week(iso.year, iso.week, emit=True)

    def go_today(self) -> None:
        iso = dt.date.today().isocalendar()
        self.set_week(iso.year, iso.week, emit=True)

    def go_date(self, day: dt.date) -> None:
        iso = day.isocalendar()
        self.set_week(iso.year, iso.week, emit=True)

    def _date_picked(self, value: QDate) -> None:
        if value.isValid():
            self.go_date(dt.date(value.year(), value.month(), value.day()))

    def _show(self) -> None:
        fmt = self._fmt()
        self.label.setText(fmt.week(self._year, self._week))
        self.year_label.setText(str(self._year))
        monday = dt.date.fromisocalendar(self._year, self._week, 1)
        with QSignalBlocker(self.date_edit):
            self.date_edit.setDate(QDate(monday.year, monday.month, monday.day))
        iso = dt.date.today().isocalendar()
        self.today_button.setEnabled((iso.year, iso.week) != (self._year, self._week))
