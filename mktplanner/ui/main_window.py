"""The main window: sidebar of pages, menus, status bar; opening, closing and restoring plans.

The window is built without touching the database: pages read their data only once a plan
is open (``Page.load``), and ``store``/``services`` are imported inside the methods that
need them, so the first paint costs little more than a bare Qt window.

A language switch rebuilds the window's widgets in place (menus, sidebar, pages) and keeps
the open plan, its undo history and the current page.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import dialogs, texts, theme
from mktplanner.ui.bus import bus
from mktplanner.ui.welcome import WelcomePage

if TYPE_CHECKING:
    from mktplanner.ui.pages.base import Page
    from mktplanner.ui.undo import Document

log = logging.getLogger(__name__)

MAX_RECENT = 8
SETTINGS_RECENT = "recent_files"
SETTINGS_LAST = "last_plan"
SETTINGS_LANGUAGE = "language"
SETTINGS_PAGE = "page"

# The page that shows each kind of row: where ``MainWindow.show_object`` goes (a finding of
# the plan check, a link of the "Why?" panel). The one place this mapping lives.
PAGE_OF_TABLE: dict[str, str] = {
    "plan": "strategy",
    "swot_item": "strategy",
    "tows_option": "strategy",
    "goal": "goals",
    "goal_swot": "goals",
    "measurement": "goals",
    "action": "tactics",
    "direction": "tactics",
    "person": "weekly",
    "weekly_plan": "weekly",
    "weekly_task": "weekly",
    "weekly_metric": "weekly",
    "budget": "budget",
    "budget_line": "budget",
    "expense": "budget",
    "control_point": "budget",
    "control_check": "budget",
    "channel": "budget",
    "channel_result": "results",
    "hypothesis": "hypotheses",
}


# The pages in sidebar order: id, module, class. A page's module is imported and the page
# built the first time it is shown (``Pages``), so start-up builds none of them.
PAGE_MODULES: tuple[tuple[str, str, str], ...] = (
    ("overview", "mktplanner.ui.pages.overview", "OverviewPage"),
    ("strategy", "mktplanner.ui.pages.strategy", "StrategyPage"),
    ("goals", "mktplanner.ui.pages.goals", "GoalsPage"),
    ("tactics", "mktplanner.ui.pages.tactics", "TacticsPage"),
    ("weekly", "mktplanner.ui.pages.weekly", "WeeklyPage"),
    ("budget", "mktplanner.ui.pages.budget", "BudgetPage"),
    ("results", "mktplanner.ui.pages.results", "ResultsPage"),
    ("hypotheses", "mktplanner.ui.pages.hypotheses", "HypothesesPage"),
    ("check", "mktplanner.ui.pages.check", "CheckPage"),
)
PAGE_ORDER: tuple[str, ...] = tuple(pid for pid, _, _ in PAGE_MODULES)


def page_class(page_id: str) -> type[Page]:
    for pid, module, name in PAGE_MODULES:
        if pid == page_id:
            cls: type[Page] = getattr(importlib.import_module(module), name)
            return cls
    raise KeyError(page_id)


def page_classes() -> list[type[Page]]:
    """The page classes in sidebar order (imports every page's module)."""
    return [page_class(pid) for pid in PAGE_ORDER]


class Pages(Mapping[str, "Page"]):
    """The window's pages by id, in sidebar order; a page is made on first access.

    ``pages["budget"]`` builds the budget page if it is not built yet (iterating over
    ``values()``/``items()`` builds them all); ``built()`` lists only those already made.
    """

    def __init__(self, make: Callable[[str], Page]):
        self._make = make
        self._built: dict[str, Page] = {}

    def __getitem__(self, page_id: str) -> Page:
        page = self._built.get(page_id)
        if page is None:
            if page_id not in PAGE_ORDER:
                raise KeyError(page_id)
            page = self._built[page_id] = self._make(page_id)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(PAGE_ORDER)

    def __len__(self) -> int:
        return len(PAGE_ORDER)

    def __contains__(self, page_id: object) -> bool:
        return page_id in PAGE_ORDER

    def built(self) -> list[Page]:
        return [self._built[pid] for pid in PAGE_ORDER if pid in self._built]


def settings() -> QSettings:
    return QSettings()


def recent_files() -> list[str]:
    value = settings().value(SETTINGS_RECENT, [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in (value or []) if v]


def remember_recent(path: str | Path) -> None:
    p = str(Path(path).resolve())
    items = [x for x in recent_files() if x != p]
    items.insert(0, p)
    s = settings()
    s.setValue(SETTINGS_RECENT, items[:MAX_RECENT])
    s.setValue(SETTINGS_LAST, p)
    s.sync()


def forget_recent(path: str | Path) -> None:
    p = str(Path(path).resolve())
    s = settings()
    s.setValue(SETTINGS_RECENT, [x for x in recent_files() if x != p])
    if s.value(SETTINGS_LAST, "") == p:
        s.remove(SETTINGS_LAST)
    s.sync()


class MainWindow(QMainWindow):
    document_changed = Signal()
    language_changed = Signal(str)

    def __init__(self, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.language = language
        self.doc: Document | None = None
        self.pages = Pages(self._make_page)
        self.setWindowIcon(theme.icon("mktplanner", theme.colors()["accent"], 64))
        self.resize(QSize(1280, 800))
        self.setMinimumSize(QSize(960, 600))
        self._build()
        self.show_welcome()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_actions()
        self._build_menus()
        self._build_central()
        self._build_status()
        self._update_title()
        self._update_actions()

    def _action(
        self, text: str, slot: Any, key: Any = None, icon: str = "", name: str = ""
    ) -> QAction:
        action = QAction(text, self)
        self._actions.append(action)
        if icon:
            action.setIcon(theme.icon(icon))
        if key is not None:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(slot)
        if name:
            action.setObjectName(name)
        return action

    def _build_actions(self) -> None:
        # A rebuild (language switch) must not leave the old actions' shortcuts alive.
        for old in getattr(self, "_actions", []):
            old.setShortcut(QKeySequence())
            old.setEnabled(False)
            old.deleteLater()
        self._actions: list[QAction] = []
        SK = QKeySequence.StandardKey
        self.act_new = self._action(
            self.tr("&New plan…"), self.new_plan_from_menu, SK.New, "new", "act_new"
        )
        self.act_open = self._action(
            self.tr("&Open plan…"), self.open_from_dialog, SK.Open, "open", "act_open"
        )
        self.act_save_copy = self._action(
            self.tr("Save a &copy as…"), self.save_copy, SK.SaveAs, name="act_save_copy"
        )
        self.act_export_json = self._action(
            self.tr("&JSON…"), self.export_json, name="act_export_json"
        )
        self.act_export_pdf = self._action(
            self.tr("&PDF meeting pack…"), self.export_pdf, icon="pdf", name="act_export_pdf"
        )
        self.act_export_xlsx = self._action(
            self.tr("E&xcel workbook (XLSX)…"), self.export_xlsx, name="act_export_xlsx"
        )
        self.act_export_csv = self._action(
            self.tr("&CSV files…"), self.export_csv, name="act_export_csv"
        )
        self.act_print = self._action(
            self.tr("&Print…"), self.print_pack, QKeySequence.StandardKey.Print, name="act_print"
        )
        self.act_restore = self._action(
            self.tr("&Restore from backup…"), self.restore_from_backup, name="act_restore"
        )
        self.act_import_expenses = self._action(
            self.tr("&Expenses from CSV…"),
            lambda: self.import_csv("expenses"),
            name="act_import_expenses",
        )
        self.act_import_results = self._action(
            self.tr("&Channel results from CSV…"),
            lambda: self.import_csv("results"),
            name="act_import_results",
        )
        self.act_close = self._action(
            self.tr("&Close plan"), self.close_plan, SK.Close, name="act_close"
        )
        self.act_quit = self._action(self.tr("&Quit"), self.close, SK.Quit, name="act_quit")
        self.act_quit.setMenuRole(QAction.MenuRole.QuitRole)
        self.act_undo = self._action(self.tr("&Undo"), self.undo, SK.Undo, "undo", "act_undo")
        self.act_redo = self._action(self.tr("&Redo"), self.redo, SK.Redo, "redo", "act_redo")
        self.act_about = self._action(self.tr("&About"), self.about, name="act_about")
        self.act_about.setMenuRole(QAction.MenuRole.AboutRole)
        self.act_location = self._action(
            self.tr("Show plan file &location"), self.show_location, name="act_location"
        )
        # Ctrl+I ("information"; Cmd+I, "Get Info", on macOS): F1 stays free for help.
        self.act_why = self._action(
            self.tr("&Why? (golden thread)"), self.show_why, "Ctrl+I", "why", "act_why"
        )
        self.lang_group = QActionGroup(self)
        self.act_lang: dict[str, QAction] = {}
        for code, name in (("en", "English"), ("ru", "Русский")):
            act = QAction(name, self, checkable=True)
            self._actions.append(act)
            act.setChecked(code == self.language)
            act.triggered.connect(lambda _c=False, code=code: self.set_language(code))
            self.lang_group.addAction(act)
            self.act_lang[code] = act
        self.page_actions: list[QAction] = []

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        m_file = bar.addMenu(self.tr("&File"))
        m_file.addAction(self.act_new)
        m_file.addAction(self.act_open)
        self.menu_recent = m_file.addMenu(self.tr("Open &recent"))
        self.menu_recent.aboutToShow.connect(self._fill_recent_menu)
        self._fill_recent_menu()
        m_file.addSeparator()
        m_file.addAction(self.act_save_copy)
        self.menu_export = m_file.addMenu(self.tr("&Export"))
        self.menu_export.setObjectName("menu_export")
        self.menu_export.addAction(self.act_export_pdf)
        self.menu_export.addAction(self.act_export_xlsx)
        self.menu_export.addAction(self.act_export_csv)
        self.menu_export.addAction(self.act_export_json)
        self.menu_import = m_file.addMenu(self.tr("&Import"))
        self.menu_import.setObjectName("menu_import")
        self.menu_import.addAction(self.act_import_expenses)
        self.menu_import.addAction(self.act_import_results)
        m_file.addAction(self.act_restore)
        m_file.addSeparator()
        m_file.addAction(self.act_print)
        m_file.addSeparator()
        m_file.addAction(self.act_close)
        m_file.addAction(self.act_quit)
        m_edit = bar.addMenu(self.tr("&Edit"))
        m_edit.addAction(self.act_undo)
        m_edit.addAction(self.act_redo)
        m_view = bar.addMenu(self.tr("&View"))
        m_view.addAction(self.act_why)
        m_view.addSeparator()
        m_lang = m_view.addMenu(self.tr("&Language"))
        for act in self.act_lang.values():
            m_lang.addAction(act)
        m_view.addSeparator()
        for i, page_id in enumerate(PAGE_ORDER):
            act = QAction(texts.page_title(page_id).replace("&", "&&"), self)
            self._actions.append(act)
            if i < 9:
                act.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            act.triggered.connect(lambda _c=False, pid=page_id: self.show_page(pid))
            m_view.addAction(act)
            self.page_actions.append(act)
        m_help = bar.addMenu(self.tr("&Help"))
        m_help.addAction(self.act_about)
        m_help.addAction(self.act_location)

    def _fill_recent_menu(self) -> None:
        menu: QMenu = self.menu_recent
        menu.clear()
        items = recent_files()
        for p in items:
            act = menu.addAction(f"{Path(p).name}  —  {p}")
            act.triggered.connect(lambda _c=False, p=p: self.open_path(p))
        if not items:
            empty = menu.addAction(self.tr("No recent plans"))
            empty.setEnabled(False)

    def _build_central(self) -> None:
        self.outer = QStackedWidget()
        self.outer.setObjectName("Outer")
        self.welcome = WelcomePage(self.language)
        self.welcome.new_requested.connect(self.create_plan)
        self.welcome.open_requested.connect(self.open_from_dialog)
        self.welcome.recent_requested.connect(self.open_path)
        self.welcome.demo_requested.connect(self.open_demo)
        self.welcome.back_requested.connect(self.back_to_plan)
        self.welcome.set_recent(recent_files())
        self.outer.addWidget(self.welcome)

        self.opening = QLabel(self.tr("Opening the plan…"))
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.opening.setObjectName("EmptyState")
        self.outer.addWidget(self.opening)

        workspace = QWidget()
        row = QHBoxLayout(workspace)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        side = QWidget()
        side.setObjectName("SidebarPanel")
        side.setFixedWidth(220)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(0)
        self.plan_name = QLabel()
        self.plan_name.setObjectName("PlanName")
        self.plan_name.setWordWrap(True)
        self.plan_file = QLabel()
        self.plan_file.setObjectName("PlanFile")
        self.plan_file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sidebar = QListWidget()
        self.sidebar.setObjectName("Sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.sidebar.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_layout.addWidget(self.plan_name)
        side_layout.addWidget(self.plan_file)
        side_layout.addWidget(self.sidebar, 1)
        side.setStyleSheet(
            f"QWidget#SidebarPanel {{ background: {theme.colors()['sidebar']};"
            f" border-right: 1px solid {theme.colors()['border']}; }}"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("Pages")
        self.pages = Pages(self._make_page)
        for page_id in PAGE_ORDER:
            self.stack.addWidget(QWidget())  # a placeholder until the page is first shown
            item = QListWidgetItem(theme.icon(texts.PAGE_ICONS[page_id]), texts.page_title(page_id))
            item.setData(Qt.ItemDataRole.UserRole, page_id)
            item.setSizeHint(QSize(200, 38))
            self.sidebar.addItem(item)
        self.sidebar.currentRowChanged.connect(self._sidebar_changed)
        row.addWidget(side)
        from mktplanner.ui.widgets.control_alert import WindowControlAlert

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.setSpacing(0)
        self.control_alert = WindowControlAlert(self)  # overspend / overdue checks, on opening
        right_layout.addWidget(self.control_alert)
        right_layout.addWidget(self.stack, 1)
        row.addWidget(right, 1)
        self.workspace = workspace
        self.outer.addWidget(workspace)
        self.setCentralWidget(self.outer)
        self.outer.show()  # at once: a rebuild must not wait for a queued show

    def _build_status(self) -> None:
        status = self.statusBar()
        for w in getattr(self, "_status_widgets", []):
            status.removeWidget(w)
            w.deleteLater()
        self.save_state = QLabel()
        self.save_state.setObjectName("SaveState")
        status.addPermanentWidget(self.save_state)
        self._status_widgets = [self.save_state]
        self._update_save_state()

    def _make_page(self, page_id: str) -> Page:
        """Build a page in place of its placeholder (``Pages`` calls this on first access)."""
        # Made with the stack as parent, so the page never exists as a top-level window
        # (a parentless widget that is reparented after the window was shown loses its
        # window's shortcuts under some platforms).
        page = page_class(page_id)(parent=self.stack)
        if self.doc is not None:
            page.set_document(self.doc)
        index = PAGE_ORDER.index(page_id)
        placeholder = self.stack.widget(index)
        was_current = placeholder is not None and self.stack.currentWidget() is placeholder
        self.stack.insertWidget(index, page)
        if was_current:
            self.stack.setCurrentWidget(page)
        if placeholder is not None and placeholder is not page:
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
        return page

    # --- state ---------------------------------------------------------------------------
    def current_page_id(self) -> str:
        page = self.stack.currentWidget()
        # Pages are imported on first use (start-up): a placeholder has no page_id.
        return str(getattr(page, "page_id", "") or "overview")

    def show_page(self, page_id: str) -> None:
        if page_id not in self.pages:
            return
        if self.doc is None:
            return
        row = list(self.pages).index(page_id)
        self.sidebar.setCurrentRow(row)

    def show_object(self, table: str, ident: int) -> bool:
        """Show the page of ``table``'s rows (``PAGE_OF_TABLE``) and select row ``ident`` there
        (``Page.select_object``). False when there is no such page or the row was not found."""
        page_id = PAGE_OF_TABLE.get(table)
        if page_id is None or page_id not in self.pages or self.doc is None:
            return False
        self.show_page(page_id)
        return bool(self.pages[page_id].select_object(table, ident))

    def current_object(self) -> tuple[str, int] | None:
        """The row selected on the current page (``Page.current_object``), if it says."""
        page = self.stack.currentWidget()
        if self.doc is None or not hasattr(page, "current_object"):
            return None
        result: tuple[str, int] | None = page.current_object()
        return result

    def show_why(self) -> None:
        """Open the "Why?" panel (the golden thread) for the current selection."""
        if self.doc is None:
            return
        from mktplanner.ui.widgets.why_panel import WhyDock

        WhyDock.open_for(self)

    def _sidebar_changed(self, row: int) -> None:
        if row < 0:
            return
        page_id = list(self.pages)[row]
        self.stack.setCurrentWidget(self.pages[page_id])
        settings().setValue(SETTINGS_PAGE, page_id)

    def show_welcome(self) -> None:
        self.welcome.set_recent(recent_files())
        self.welcome.set_back("")
        self.outer.setCurrentWidget(self.welcome)
        self._update_title()
        self._update_actions()

    def show_opening(self) -> None:
        self.outer.setCurrentWidget(self.opening)

    def _update_title(self) -> None:
        app = dialogs.app_title()
        if self.doc is None:
            self.setWindowTitle(app)
            return
        from mktplanner.services import views

        profile = views.plan_profile(self.doc.plan)
        path = Path(self.doc.path)
        suffix = f" [{self.tr('read-only')}]" if self.doc.read_only else ""
        self.setWindowTitle(f"{profile.name} — {path.name}{suffix} — {app}")
        self.plan_name.setText(profile.name)
        self.plan_file.setText(path.name)
        self.plan_file.setToolTip(str(path))

    def _update_actions(self) -> None:
        has = self.doc is not None
        for act in (
            self.act_save_copy,
            self.act_export_json,
            self.act_export_pdf,
            self.act_export_xlsx,
            self.act_export_csv,
            self.act_print,
            self.act_restore,
            self.act_close,
            self.act_location,
            self.act_why,
            *self.page_actions,
        ):
            act.setEnabled(has)
        self.menu_export.setEnabled(has)
        self.menu_import.setEnabled(has and not (self.doc is not None and self.doc.read_only))
        self._update_undo_actions()

    def _update_undo_actions(self, *_: Any) -> None:
        stack = self.doc.stack if self.doc is not None else None
        can_undo = bool(stack and stack.canUndo()) and not (self.doc and self.doc.read_only)
        can_redo = bool(stack and stack.canRedo()) and not (self.doc and self.doc.read_only)
        self.act_undo.setEnabled(can_undo)
        self.act_redo.setEnabled(can_redo)
        self.act_undo.setText(
            self.tr("&Undo: {edit}").format(edit=stack.undoText())
            if can_undo and stack
            else self.tr("&Undo")
        )
        self.act_redo.setText(
            self.tr("&Redo: {edit}").format(edit=stack.redoText())
            if can_redo and stack
            else self.tr("&Redo")
        )

    def _update_save_state(self, saved: bool = False) -> None:
        if self.doc is None:
            self.save_state.setText("")
            self.save_state.setToolTip("")
        elif self.doc.read_only:
            self.save_state.setText(texts.read_only_reason(self.doc.lock_holder))
            self.save_state.setToolTip(str(self.doc.path))
        else:
            self.save_state.setText(self.tr("Saved") if saved else self.tr("All changes are saved"))
            self.save_state.setToolTip(str(self.doc.path))

    # --- documents -----------------------------------------------------------------------
    def set_document(self, doc: Document | None, page_id: str | None = None) -> None:
        old = self.doc
        if old is not None and old is not doc:
            old.close()
            old.deleteLater()
        self.doc = doc
        if doc is not None:
            doc.on_error = self._edit_error
            doc.stack.indexChanged.connect(self._update_undo_actions)
            doc.stack.cleanChanged.connect(self._update_undo_actions)
            doc.saved.connect(self._on_saved)
        for page in self.pages.built():
            page.set_document(doc)
        self.control_alert.attach(doc)
        bus().reset.emit()
        if doc is None:
            self.show_welcome()
        else:
            self.outer.setCurrentWidget(self.workspace)
            target = page_id or str(settings().value(SETTINGS_PAGE, "overview") or "overview")
            if target not in self.pages:
                target = "overview"
            row = list(self.pages).index(target)
            if self.sidebar.currentRow() == row:
                self._sidebar_changed(row)
            else:
                self.sidebar.setCurrentRow(row)
        self._update_title()
        self._update_actions()
        self._update_save_state()
        self.document_changed.emit()

    def _on_saved(self) -> None:
        self._update_save_state(saved=True)
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved"), 3000)

    def _edit_error(self, exc: BaseException, what: str) -> None:
        dialogs.show_edit_error(self, exc, what)

    def _make_document(self, plan: Any) -> Document:
        from mktplanner.ui.undo import Document

        return Document(plan, language=self.language, on_error=self._edit_error, parent=self)

    def open_path(self, path: str | Path, *, page_id: str | None = None) -> bool:
        """Open a plan file; on refusal show why (and offer a backup for a damaged one)."""
        from mktplanner.services.plans import open_plan
        from mktplanner.store.errors import PlanFileError

        path = Path(path)
        if self.doc is not None and Path(self.doc.path) == path.resolve():
            return True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            plan = open_plan(path)
        except PlanFileError as exc:
            QApplication.restoreOverrideCursor()
            if exc.code in ("not_found", "is_directory"):
                forget_recent(path)
            choice = dialogs.show_file_error(self, exc, offer_restore=True)
            if choice == "restore":
                self.restore_file(path)
            elif self.doc is None:
                self.show_welcome()
            return False
        except Exception as exc:  # noqa: BLE001 - an unexpected failure must not end the app
            QApplication.restoreOverrideCursor()
            from mktplanner.logsetup import log_exception

            dialogs.apology(self, log_exception(exc, "open plan"))
            if self.doc is None:
                self.show_welcome()
            return False
        QApplication.restoreOverrideCursor()
        try:
            doc = self._make_document(plan)
        except Exception as exc:  # noqa: BLE001
            plan.close()
            from mktplanner.logsetup import log_exception

            dialogs.apology(self, log_exception(exc, "read plan"))
            return False
        remember_recent(path)
        self.set_document(doc, page_id)
        return True

    def open_from_dialog(self) -> bool:
        folder = str(Path(self.doc.path).parent) if self.doc is not None else ""
        path = dialogs.ask_open_path(self, folder)
        if not path:
            return False
        return self.open_path(path)

    def create_plan(self, name: str, currency: str, language: str) -> bool:
        """Ask where to save a new plan, create it, open it."""
        from mktplanner.domain.errors import DomainError
        from mktplanner.domain.money import is_known_currency
        from mktplanner.services.plans import new_plan
        from mktplanner.store.errors import PlanFileError

        if not is_known_currency(currency):
            dialogs.message(
                self,
                "warning",
                dialogs.app_title(),
                self.tr("Unknown currency"),
                texts.problem_text("unknown_currency", {"value": currency}, "currency"),
            )
            return False
        folder = Path.home() / "Documents"
        if not folder.is_dir():
            folder = Path.home()
        suggested = str(folder / f"{_safe_file_name(name)}.mktplan")
        path = dialogs.ask_save_path(self, self.tr("Save the new plan as"), suggested)
        if not path:
            return False
        if not path.endswith(".mktplan"):
            path += ".mktplan"
        try:
            plan = new_plan(
                path, name=name, currency=currency, language=language, overwrite=Path(path).exists()
            )
        except DomainError as exc:
            dialogs.message(
                self,
                "warning",
                dialogs.app_title(),
                self.tr("The plan was not created"),
                texts.domain_error_text(exc),
            )
            return False
        except PlanFileError as exc:
            dialogs.show_file_error(self, exc)
            return False
        doc = self._make_document(plan)
        remember_recent(path)
        self.set_document(doc, "overview")
        return True

    def new_plan_from_menu(self) -> None:
        """File ▸ New: go to the welcome page's form (the open plan stays open until then)."""
        self.welcome.set_recent(recent_files())
        self.welcome.set_back(self.plan_name.text() if self.doc is not None else "")
        self.outer.setCurrentWidget(self.welcome)
        self.welcome.name.setFocus()

    def back_to_plan(self) -> None:
        if self.doc is not None:
            self.outer.setCurrentWidget(self.workspace)

    def open_demo(self) -> bool:
        """Open the demo plan, writing it into the user's data folder on first use."""
        from mktplanner import paths
        from mktplanner.store.errors import PlanFileError

        path = paths.demo_plan_path()
        if not path.exists():
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                from mktplanner.services.demo import build_demo

                build_demo(path, self.language).close()
            except PlanFileError as exc:
                QApplication.restoreOverrideCursor()
                dialogs.show_file_error(self, exc)
                return False
            except Exception as exc:  # noqa: BLE001
                QApplication.restoreOverrideCursor()
                from mktplanner.logsetup import log_exception

                dialogs.apology(self, log_exception(exc, "build demo"))
                return False
            QApplication.restoreOverrideCursor()
        return self.open_path(path, page_id="overview")

    def close_plan(self) -> None:
        if self.doc is None:
            return
        self.set_document(None)
        s = settings()
        s.remove(SETTINGS_LAST)
        s.sync()

    def save_copy(self) -> bool:
        from mktplanner.store.errors import PlanFileError

        if self.doc is None:
            return False
        src = Path(self.doc.path)
        suggested = str(src.with_name(src.stem + " copy.mktplan"))
        dest = dialogs.ask_save_path(self, self.tr("Save a copy as"), suggested)
        if not dest:
            return False
        if Path(dest).resolve() == src.resolve():
            dialogs.message(
                self,
                "info",
                dialogs.app_title(),
                self.tr("Choose another name: this is the open plan itself."),
            )
            return False
        try:
            self.doc.plan.save_copy(dest)
        except PlanFileError as exc:
            dialogs.show_file_error(self, exc)
            return False
        self.statusBar().showMessage(self.tr("Copy saved: {path}").format(path=dest), 6000)
        return True

    def export_json(self) -> bool:
        from mktplanner.store.errors import PlanFileError

        if self.doc is None:
            return False
        src = Path(self.doc.path)
        dest = dialogs.ask_save_path(
            self,
            self.tr("Export as JSON"),
            str(src.with_suffix(".json")),
            self.tr("JSON files (*.json)"),
        )
        if not dest:
            return False
        try:
            from mktplanner.services.exchange import export_json

            export_json(self.doc.plan, dest)
        except PlanFileError as exc:
            dialogs.show_file_error(self, exc)
            return False
        except OSError as exc:
            from mktplanner.store.planfile import translate_os_error

            dialogs.show_file_error(self, translate_os_error(exc, dest))
            return False
        self.statusBar().showMessage(self.tr("Exported: {path}").format(path=dest), 6000)
        return True

    def export_pdf(self) -> None:
        """File ▸ Export ▸ PDF…: the meeting pack dialog (ui/export_dialog.py)."""
        if self.doc is not None:
            from mktplanner.ui.export_dialog import open_pack_dialog

            open_pack_dialog(self, self.doc, "pdf")

    def print_pack(self) -> None:
        """File ▸ Print…: the meeting pack dialog, printing through Qt's print dialog."""
        if self.doc is not None:
            from mktplanner.ui.export_dialog import open_pack_dialog

            open_pack_dialog(self, self.doc, "print")

    def export_xlsx(self) -> None:
        if self.doc is not None:
            from mktplanner.ui.export_dialog import export_xlsx

            export_xlsx(self, self.doc)

    def export_csv(self) -> None:
        if self.doc is not None:
            from mktplanner.ui.export_dialog import export_csv

            export_csv(self, self.doc)

    def restore_from_backup(self) -> bool:
        if self.doc is None:
            return False
        return self.restore_file(Path(self.doc.path))

    def restore_file(self, path: Path) -> bool:
        """Pick a backup of ``path``, put it in place (the current file is kept), reopen."""
        from mktplanner.store.backup import list_backups, restore_backup
        from mktplanner.store.errors import PlanFileError
        from mktplanner.ui.fmt import Formatter

        path = Path(path).resolve()
        fmt = self.doc.fmt if self.doc is not None else Formatter(self.language)
        chosen = dialogs.choose_backup(self, list_backups(path), fmt)
        if chosen is None:
            return False
        page = self.current_page_id() if self.doc is not None else None
        if self.doc is not None and Path(self.doc.path).resolve() == path:
            self.set_document(None)
        try:
            kept = restore_backup(chosen.path, path)
        except PlanFileError as exc:
            dialogs.show_file_error(self, exc)
            return False
        ok = self.open_path(path, page_id=page)
        if ok:
            note = self.tr("Restored from the backup of {date}.").format(
                date=fmt.datetime(chosen.created)
            )
            if kept is not None:
                note += " " + self.tr("The replaced file was kept as {name}.").format(
                    name=kept.name
                )
            self.statusBar().showMessage(note, 10000)
        return ok

    def import_csv(self, kind: str) -> Any:
        """File ▸ Import: the CSV import wizard (expenses or channel results)."""
        from mktplanner.ui.widgets.import_wizard import open_import

        return open_import(self, self.doc, kind) if self.doc is not None else None

    # --- edit ----------------------------------------------------------------------------
    def undo(self) -> None:
        if self.doc is not None:
            self.doc.undo()

    def redo(self) -> None:
        if self.doc is not None:
            self.doc.redo()

    # --- view ----------------------------------------------------------------------------
    def set_language(self, language: str) -> None:
        """Switch the interface language at once, keeping the plan and the current page."""
        if language == self.language:
            return
        from mktplanner.ui.app import install_translator

        install_translator(language)
        settings().setValue(SETTINGS_LANGUAGE, language)
        self.language = language
        self.retranslate()
        self.language_changed.emit(language)

    def retranslate(self) -> None:
        """Rebuild every widget in the current language (the simplest way that misses nothing)."""
        doc = self.doc
        page = self.current_page_id()
        on_welcome = self.outer.currentWidget() is self.welcome
        self.doc = None
        old_central = self.outer
        for p in self.pages.built():
            try:
                bus().changed.disconnect(p._on_change)
                bus().reset.disconnect(p.mark_dirty)
            except (RuntimeError, TypeError):
                pass
        self._build()
        old_central.deleteLater()
        if doc is not None:
            doc.set_language(self.language)
            for cmd_index in range(doc.stack.count()):
                cmd = doc.stack.command(cmd_index)
                edit = getattr(cmd, "edit", None)
                if edit is not None:
                    cmd.setText(texts.edit_label(edit.label))
            self.doc = None
            self._adopt(doc, page)
            if on_welcome:
                self.show_welcome()
        else:
            self.show_welcome()

    def _adopt(self, doc: Document, page: str) -> None:
        self.doc = doc
        for p in self.pages.built():
            p.set_document(doc)
        self.control_alert.attach(doc)
        self.outer.setCurrentWidget(self.workspace)
        self.sidebar.setCurrentRow(list(self.pages).index(page))
        self._update_title()
        self._update_actions()
        self._update_save_state()

    # --- help ----------------------------------------------------------------------------
    def about(self) -> None:
        from mktplanner import __version__
        from mktplanner.store.planfile import schema_version

        dialogs.about(self, __version__, schema_version())

    def show_location(self) -> None:
        if self.doc is None:
            return
        path = Path(self.doc.path)
        choice = dialogs.message(
            self,
            "info",
            dialogs.app_title(),
            self.tr("The plan file is here:"),
            str(path),
            ("ok",),
            [("open_folder", self.tr("Open folder"))],
        )
        if choice == "open_folder":
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))

    # --- closing -------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.doc is not None:
            settings().setValue(SETTINGS_PAGE, self.current_page_id())
            self.doc.close()
            self.doc = None
        settings().sync()
        super().closeEvent(event)


def _safe_file_name(name: str) -> str:
    bad = '<>:"/\\|?*\n\r\t'
    cleaned = "".join("_" if ch in bad else ch for ch in name).strip(" .")
    return cleaned[:80] or "plan"
