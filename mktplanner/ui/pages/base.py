"""What every page of the main window is, and the helpers pages build on.

A page is a ``Page`` subclass with:

* ``page_id`` (one of ``texts.PAGE_IDS``) and ``tables``: the names of the tables whose
  changes it shows. The page is refreshed when the bus reports a change in one of them
  (at once when visible, otherwise the next time it is shown).
* ``build()``: make the widgets (no database access: pages are built before the plan is
  loaded, so start-up stays fast). Put them into ``self.body`` (a QVBoxLayout).
* ``load()``: read what the page shows through ``mktplanner.services.views`` (import it
  inside the method) and fill the widgets. Called with ``self.doc`` set.

What a page gets: ``self.doc`` (the ``undo.Document``: ``.plan`` the open ``PlanFile``),
``self.fmt`` (the ``Formatter``: ``fmt.money(minor)``, ``fmt.date(d)``...),
``self.read_only``, ``self.push(edit) -> bool`` (every change goes through it and so onto
the one undo stack), and the shortcuts ``insert_row``/``update_row``/``delete_rows`` for the generic
row edits. ``TableBlock`` wires a ``RowTableModel`` + ``DataTable`` + ``TableSection``
to a database table so a page only lists its columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from mktplanner.ui import texts, theme
from mktplanner.ui.bus import bus, tables_of
from mktplanner.ui.fmt import Formatter, ParseError
from mktplanner.ui.models.table import Col, Row, RowTableModel
from mktplanner.ui.widgets.table import CellDelegate, DataTable, TableSection

if TYPE_CHECKING:
    from mktplanner.services.edits import Edit
    from mktplanner.ui.undo import Document


class Page(QWidget):
    page_id: ClassVar[str] = ""
    tables: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"page_{self.page_id}")
        self.doc: Document | None = None
        self._dirty = True
        self._blocks: list[TableBlock] = []
        self._fallback_fmt = Formatter()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 20, 24, 16)
        outer.setSpacing(14)
        head = QVBoxLayout()
        head.setSpacing(2)
        # Parented at once: a parentless label made visible would flash up as a window of
        # its own and take the activation from the main window (its shortcuts then die).
        self.title_label = QLabel(texts.page_title(self.page_id), self)
        self.title_label.setObjectName("PageTitle")
        head.addWidget(self.title_label)
        self.subtitle_label = QLabel(self.subtitle(), self)
        self.subtitle_label.setObjectName("PageSubtitle")
        self.subtitle_label.setWordWrap(True)
        self.subtitle_label.setVisible(bool(self.subtitle()))
        head.addWidget(self.subtitle_label)
        outer.addLayout(head)
        self.banner = Banner()
        self.banner.hide()
        outer.addWidget(self.banner)
        self.body = QVBoxLayout()
        self.body.setSpacing(16)
        outer.addLayout(self.body, 1)
        self.build()
        bus().changed.connect(self._on_change)
        bus().reset.connect(self.mark_dirty)

    # --- for subclasses ------------------------------------------------------------------
    def subtitle(self) -> str:
        """One sentence under the title saying what the page is for."""
        return ""

    def build(self) -> None:
        """Create the page's widgets inside ``self.body``."""

    def load(self) -> None:
        """Read the plan through ``services.views`` and fill the widgets."""

    # --- the shell's hooks ---------------------------------------------------------------
    def current_object(self) -> tuple[str, int] | None:
        """The row the user has selected, as ``(table, id)`` (the shell's "Why?" explains
        it); None when nothing is selected or the page does not say."""
        return None

    def select_object(self, table: str, ident: int) -> bool:
        """Select the row ``ident`` of ``table`` (the shell shows this page first, e.g. when
        a finding of the plan check is opened). The default looks for it in the page's table
        blocks of that table; pages with master/detail views override it."""
        if self._dirty and self.doc is not None:
            self.refresh()
        for block in self._blocks:
            if block.table == table and block.view.select_id(ident):
                block.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    # --- what a page has -------------------------------------------------------------------
    @property
    def fmt(self) -> Formatter:
        return self.doc.fmt if self.doc is not None else self._fallback_fmt

    @property
    def read_only(self) -> bool:
        return self.doc is None or self.doc.read_only

    def push(self, edit: Edit) -> bool:
        """Run an edit through the document's undo stack; False when it was refused."""
        if self.doc is None:
            return False
        return self.doc.push(edit)

    def insert_row(self, table: str, values: dict[str, Any], label: str = "") -> Any:
        """Insert a row; returns its id, or None when refused."""
        from mktplanner.domain.tables import TABLE_BY_NAME
        from mktplanner.services.edits import InsertRow

        edit = InsertRow(TABLE_BY_NAME[table], values, label=label)
        return edit.key if self.push(edit) else None

    def update_row(self, table: str, key: Any, changes: dict[str, Any], label: str = "") -> bool:
        from mktplanner.domain.tables import TABLE_BY_NAME
        from mktplanner.services.edits import UpdateRow

        return self.push(UpdateRow(TABLE_BY_NAME[table], key, changes, label=label))

    def delete_rows(self, table: str, keys: Sequence[Any], label: str = "") -> bool:
        from mktplanner.domain.tables import TABLE_BY_NAME
        from mktplanner.services.edits import Composite, DeleteRow

        model = TABLE_BY_NAME[table]
        if not keys:
            return False
        if len(keys) == 1:
            return self.push(DeleteRow(model, keys[0], label=label))
        edits = [DeleteRow(model, k) for k in keys]
        return self.push(Composite(label or f"delete_{table}", edits))

    def parse_error(self, col: Col, exc: ParseError) -> None:
        from mktplanner.ui import dialogs

        dialogs.show_parse_error(self.window(), col.field or col.key, exc.code, exc.params)

    def table_block(self, table: str, columns: Sequence[Col], **kwargs: Any) -> TableBlock:
        block = TableBlock(self, table, columns, **kwargs)
        self._blocks.append(block)
        return block

    # --- life cycle ----------------------------------------------------------------------
    def set_document(self, doc: Document | None) -> None:
        self.doc = doc
        for block in self._blocks:
            block.section.set_read_only(self.read_only)
            if doc is None:
                block.model.set_rows([])
        if doc is not None and doc.read_only:
            self.banner.set_text(texts.read_only_reason(doc.lock_holder))
            self.banner.show()
        else:
            self.banner.hide()
        self.mark_dirty()

    def mark_dirty(self) -> None:
        self._dirty = True
        if self.isVisible():
            QTimer.singleShot(0, self._refresh_if_dirty)

    def _refresh_if_dirty(self) -> None:
        if self._dirty and self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        """Reload now (pages call this after changing their own selection-dependent parts)."""
        self._dirty = False
        if self.doc is None:
            return
        self.load()

    def _on_change(self, change: Any) -> None:
        if self.tables & tables_of(change):
            self._dirty = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()


class Banner(QFrame):
    """A yellow strip with one sentence (read-only plans)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Banner")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        icon = QLabel()
        icon.setPixmap(theme.icon("info").pixmap(18, 18))
        layout.addWidget(icon)
        self.label = QLabel()
        self.label.setObjectName("BannerText")
        self.label.setWordWrap(True)
        layout.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)


class TableBlock:
    """One database table shown and edited on a page: model, view, section, generic edits.

    ``new_row()`` returns the values of a row made by the Add button (None: nothing to add,
    e.g. a message was shown instead); cells are edited through ``UpdateRow`` of their
    ``Col.field``; Delete removes the selected rows as one undo step.
    """

    def __init__(
        self,
        page: Page,
        table: str,
        columns: Sequence[Col],
        *,
        title: str,
        hint: str = "",
        empty: str = "",
        add_text: str = "",
        delete_text: str = "",
        new_row: Callable[[], dict[str, Any] | None] | None = None,
        on_edit: Callable[[Row, Col, Any], bool] | None = None,
    ):
        self.page = page
        self.table = table
        self.new_row = new_row
        self.model = self._make_model(columns, on_edit or self._edit)
        self.view = DataTable(self.model)
        self.view.setItemDelegate(
            CellDelegate(self.model, lambda: page.fmt, page.parse_error, self.view)
        )
        self.view.set_empty_text(empty)
        self.section = TableSection(
            title,
            hint,
            self.view,
            add_text=add_text if new_row is not None else "",
            delete_text=delete_text,
        )
        self.section.add_clicked.connect(self.add)
        self.section.delete_clicked.connect(self.delete_selected)

    def _make_model(
        self, columns: Sequence[Col], on_edit: Callable[[Row, Col, Any], bool]
    ) -> RowTableModel:
        """The block's model (a subclass may make another kind, e.g. grouped rows)."""
        return RowTableModel(
            columns, fmt=lambda: self.page.fmt, on_edit=on_edit, dark=theme.is_dark
        )

    def set_rows(self, rows: Sequence[Row]) -> None:
        current = self.view.current_row()
        column = self.view.currentIndex().column()
        self.model.set_rows(rows)
        if current is not None:
            self.view.select_id(current.get("id"), column)

    def _edit(self, row: Row, col: Col, value: Any) -> bool:
        if col.field is None:
            return False
        return self.page.update_row(self.table, row["id"], {col.field: value})

    def add(self) -> Any:
        if self.new_row is None or self.page.read_only:
            return None
        values = self.new_row()
        if values is None:
            return None
        new_id = self.page.insert_row(self.table, values)
        if new_id is not None:
            self.page.refresh()
            first = next((i for i, c in enumerate(self.model.columns) if c.editable), 0)
            if self.view.select_id(new_id, first):
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        return new_id

    def delete_selected(self) -> bool:
        if self.page.read_only:
            return False
        ids = [r["id"] for r in self.view.selected_rows() if r.get("id") is not None]
        return self.page.delete_rows(self.table, ids)


def label(column: str) -> Callable[[], str]:
    """A column title from texts.field_label, translated when the header is drawn."""
    return lambda: texts.field_label(column)


def ref_choices(page: Page, attr: str) -> Callable[[], list[tuple[int, str]]]:
    """Combo-box choices of a ref column from the page's cached ``views.Choices``."""

    def get() -> list[tuple[int, str]]:
        choices = getattr(page, "choices", None)
        return list(getattr(choices, attr, [])) if choices is not None else []

    return get
