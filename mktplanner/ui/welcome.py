"""The welcome page: start a new plan, open one, reopen a recent one, or try the demo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import theme

# The currencies offered first; any ISO code can be typed in.
CURRENCIES = ("RUB", "USD", "EUR", "KZT", "BYN", "UAH", "GBP", "CNY", "TRY", "AED")


class WelcomePage(QWidget):
    new_requested = Signal(str, str, str)  # name, currency, language
    open_requested = Signal()
    recent_requested = Signal(str)
    demo_requested = Signal()
    back_requested = Signal()

    def __init__(self, language: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("WelcomePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.setSpacing(0)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        panel = QFrame()
        panel.setObjectName("WelcomePanel")
        panel.setMaximumWidth(980)
        row.addWidget(panel, 8)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        layout = QVBoxLayout(panel)
        layout.setContentsMargins(36, 32, 36, 32)
        layout.setSpacing(18)
        head = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(theme.icon("mktplanner", theme.colors()["accent"], 48).pixmap(48, 48))
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(4)
        title = QLabel(self.tr("Marketing Planner"))
        title.setObjectName("WelcomeTitle")
        subtitle = QLabel(
            self.tr(
                "From SWOT to goals, actions, weekly plans and a budget under control. "
                "One plan is one file, saved after every change."
            )
        )
        subtitle.setObjectName("PageSubtitle")
        subtitle.setWordWrap(True)
        titles.addWidget(title)
        titles.addWidget(subtitle)
        head.addLayout(titles, 1)
        self.back_button = QPushButton()
        self.back_button.setObjectName("BackButton")
        self.back_button.clicked.connect(self.back_requested)
        self.back_button.hide()
        head.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        layout.addLayout(columns, 1)

        # New plan
        left = QVBoxLayout()
        left.setSpacing(10)
        caption = QLabel(self.tr("New plan"))
        caption.setObjectName("SectionTitle")
        left.addWidget(caption)
        form = QFormLayout()
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(10)
        self.name = QLineEdit()
        self.name.setObjectName("NewPlanName")
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(self.tr("e.g. Coffee house 2026"))
        self.currency = QComboBox()
        self.currency.setObjectName("NewPlanCurrency")
        self.currency.setEditable(True)
        self.currency.addItems(list(CURRENCIES))
        self.currency.setCurrentText(_default_currency(language))
        self.language = QComboBox()
        self.language.setObjectName("NewPlanLanguage")
        self.language.addItem("English", "en")
        self.language.addItem("Русский", "ru")
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Currency"), self.currency)
        form.addRow(self.tr("Language of the plan"), self.language)
        left.addLayout(form)
        self.create_button = QPushButton(theme.icon("new", "#FFFFFF"), self.tr("Create plan…"))
        self.create_button.setObjectName("Primary")
        self.create_button.setEnabled(False)
        self.create_button.clicked.connect(self._create)
        self.name.textChanged.connect(lambda t: self.create_button.setEnabled(bool(t.strip())))
        self.name.returnPressed.connect(self._create)
        left.addWidget(self.create_button, 0, Qt.AlignmentFlag.AlignLeft)
        left.addSpacing(12)
        self.open_button = QPushButton(theme.icon("open"), self.tr("Open plan…"))
        self.open_button.setObjectName("WelcomeAction")
        self.open_button.clicked.connect(self.open_requested)
        self.demo_button = QPushButton(theme.icon("overview"), self.tr("Open the demo plan"))
        self.demo_button.setObjectName("WelcomeAction")
        self.demo_button.setToolTip(self.tr("A small coffee house with a complete plan to explore"))
        self.demo_button.clicked.connect(self.demo_requested)
        left.addWidget(self.open_button)
        left.addWidget(self.demo_button)
        left.addStretch(1)
        columns.addLayout(left, 1)

        # Recent plans
        right = QVBoxLayout()
        right.setSpacing(10)
        recent_caption = QLabel(self.tr("Open recent"))
        recent_caption.setObjectName("SectionTitle")
        right.addWidget(recent_caption)
        self.recent = QListWidget()
        self.recent.setObjectName("Recent")
        self.recent.setMinimumHeight(220)
        self.recent.itemActivated.connect(self._recent)
        self.recent.itemDoubleClicked.connect(self._recent)
        right.addWidget(self.recent, 1)
        self.no_recent = QLabel(self.tr("Plans you open will be listed here."))
        self.no_recent.setObjectName("Muted")
        right.addWidget(self.no_recent)
        columns.addLayout(right, 1)

    def set_back(self, plan_name: str) -> None:
        """Offer a way back to the open plan (File ▸ New while a plan is open)."""
        self.back_button.setVisible(bool(plan_name))
        if plan_name:
            self.back_button.setText(self.tr("Back to “{plan}”").format(plan=plan_name))

    def set_recent(self, paths: list[str]) -> None:
        self.recent.clear()
        for p in paths:
            path = Path(p)
            item = QListWidgetItem(theme.icon("open"), f"{path.stem}\n{path}")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.recent.addItem(item)
        self.recent.setVisible(bool(paths))
        self.no_recent.setVisible(not paths)

    def _create(self) -> None:
        name = self.name.text().strip()
        if not name:
            return
        currency = self.currency.currentText().strip().upper()
        self.new_requested.emit(name, currency, self.language.currentData())

    def _recent(self, item: QListWidgetItem) -> None:
        self.recent_requested.emit(item.data(Qt.ItemDataRole.UserRole))


def _default_currency(language: str) -> str:
    code = QLocale.system().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    if code in CURRENCIES:
        return code
    return "RUB" if language == "ru" else "USD"
