"""SWOT & strategy: the mission and values as the page's header, the SWOT board, and the
strategic options (TOWS) that pair its cards and can become goals.

Every change is an edit of ``services.strategy`` pushed onto the one undo stack. A change
the domain refuses is not sent: the page asks ``strategy.problems_of_update`` first and shows
the reason in a strip above the board (never a dialog).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from mktplanner.ui import texts, theme
from mktplanner.ui.pages.base import Page
from mktplanner.ui.widgets.fields import TextField
from mktplanner.ui.widgets.notice import Notice
from mktplanner.ui.widgets.swot_board import SwotBoard
from mktplanner.ui.widgets.tows_list import TowsPanel


class StrategyPage(Page):
    page_id = "strategy"
    tables = frozenset({"plan", "swot_item", "tows_option", "goal", "goal_swot"})

    def subtitle(self) -> str:
        return self.tr(
            "Where the business stands: strengths and weaknesses inside, opportunities and "
            "threats outside, and what to do about them."
        )

    def build(self) -> None:
        self._rows: list[dict[str, Any]] = []
        self.body.addWidget(self._build_header())

        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        bar = QHBoxLayout()
        bar.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        title = QLabel(self.tr("SWOT analysis"))
        title.setObjectName("SectionTitle")
        titles.addWidget(title)
        self.keys_hint = QLabel(self.tr("Enter adds · F2 edits · Ctrl+arrows move"))
        self.keys_hint.setObjectName("SectionHint")
        self.keys_hint.setWordWrap(True)
        self.keys_hint.setToolTip(
            self.tr(
                "On a card: Enter adds a card to its quadrant, F2 edits it in place, "
                "Delete deletes it, 1–5 set its weight, Ctrl+arrows move it (or drag it). "
                "Right-click for more."
            )
        )
        titles.addWidget(self.keys_hint)
        bar.addLayout(titles, 1)
        source_label = QLabel(texts.field_label("source"))
        source_label.setObjectName("Muted")
        bar.addWidget(source_label, 0, Qt.AlignmentFlag.AlignBottom)
        self.source_filter = QComboBox()
        self.source_filter.addItem(self.tr("All sources"), None)
        for value, label in texts.enum_choices("source"):
            self.source_filter.addItem(label, value)
        self.source_filter.setToolTip(self.tr("Show only the cards from one source"))
        self.source_filter.currentIndexChanged.connect(self._filter_changed)
        source_label.setBuddy(self.source_filter)
        bar.addWidget(self.source_filter, 0, Qt.AlignmentFlag.AlignBottom)
        column.addLayout(bar)
        self.notice = Notice()
        column.addWidget(self.notice)
        self.board = SwotBoard()
        self.board.on_add = self._add_item
        self.board.on_edit = self._edit_item
        self.board.on_delete = self._delete_items
        self.board.on_move = self._move_items
        self.board.focused_item.connect(self._card_focused)
        column.addWidget(self.board, 1)

        self.tows = TowsPanel()
        self.tows.on_add = self._add_option
        self.tows.on_edit = self._edit_option
        self.tows.on_delete = self._delete_options
        self.tows.on_make_goal = self._make_goal
        self.tows.on_open_goal = self._open_goal

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(self.tows)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([640, 370])
        left.setMinimumWidth(420)
        self.tows.setMinimumWidth(300)
        self.splitter = splitter
        self.body.addWidget(splitter, 1)

    def _build_header(self) -> QFrame:
        """Mission and values as the page's header, edited where they are shown."""
        frame = QFrame()
        frame.setObjectName("MissionHeader")
        colors = theme.colors()
        frame.setStyleSheet(
            f"""
            QFrame#MissionHeader {{ background: {colors["card"]}; border: 1px solid
                {colors["border"]}; border-radius: 10px; }}
            QLabel#HeaderCaption {{ color: {colors["muted"]}; font-size: 8.5pt; font-weight: 600;
                letter-spacing: 1px; background: transparent; border: none; }}
            QPlainTextEdit#HeaderText {{ background: transparent; border: 1px solid transparent;
                border-radius: 6px; padding: 2px 4px; font-size: 10pt; color: {colors["text"]}; }}
            QPlainTextEdit#HeaderText:hover {{ border-color: {colors["border"]}; }}
            QPlainTextEdit#HeaderText:focus {{ border-color: {colors["accent"]};
                background: {colors["base"]}; }}
            """
        )
        grid = QGridLayout(frame)
        grid.setContentsMargins(14, 10, 14, 8)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(0)
        self.mission = TextField(self._save_profile("mission"), max_length=4000, lines=2)
        self.values = TextField(self._save_profile("values"), max_length=4000, lines=2)
        self.mission.setPlaceholderText(
            self.tr("Mission: what the company does, for whom, and why. Click to write it.")
        )
        self.values.setPlaceholderText(
            self.tr("Values: what the company will and will not do. Click to write them.")
        )
        for column, (caption, field) in enumerate(
            (
                (texts.field_label("mission"), self.mission),
                (texts.field_label("values"), self.values),
            )
        ):
            field.setObjectName("HeaderText")
            field.setAccessibleName(caption)
            field.setToolTip(
                self.tr("Click to edit; the change is saved when you leave the field.")
            )
            label = QLabel(caption.upper())
            label.setObjectName("HeaderCaption")
            label.setBuddy(field)
            grid.addWidget(label, 0, column)
            grid.addWidget(field, 1, column)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        return frame

    def _save_profile(self, column: str) -> Any:
        def save(value: str) -> bool:
            return self.update_row("plan", 1, {column: value}, label="edit_plan")

        return save

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not getattr(self, "_split_done", False) and self.splitter.width() > 0:
            # The first time the page is shown at its real size: the board gets the room.
            self._split_done = True
            total = sum(self.splitter.sizes())
            tows = min(420, max(320, int(total * 0.37)))
            self.splitter.setSizes([total - tows, tows])

    # --- life cycle ---------------------------------------------------------------------------
    def set_document(self, doc: Any) -> None:
        super().set_document(doc)
        self.mission.setReadOnly(self.read_only)
        self.values.setReadOnly(self.read_only)
        self.board.set_read_only(self.read_only)
        self.tows.set_read_only(self.read_only)
        self.keys_hint.setVisible(not self.read_only)
        self.notice.hide()

    def load(self) -> None:
        from mktplanner.services import views

        assert self.doc is not None
        plan = self.doc.plan
        profile = views.plan_profile(plan)
        self.mission.set_value(profile.mission)
        self.values.set_value(profile.values)
        self._rows = views.swot_items(plan)
        self.board.set_items(self._rows)
        internal = [
            (int(r["id"]), str(r["quadrant"]), str(r["text"]))
            for r in self._rows
            if r["quadrant"] in ("S", "W")
        ]
        external = [
            (int(r["id"]), str(r["quadrant"]), str(r["text"]))
            for r in self._rows
            if r["quadrant"] in ("O", "T")
        ]
        self.tows.set_items(views.tows_options(plan), internal, external)

    def _filter_changed(self, _index: int) -> None:
        self.board.set_source_filter(self.source_filter.currentData())

    def _card_focused(self, quadrant: str, ident: Any) -> None:
        self.tows.prefill(quadrant, ident)

    # --- the shell's hooks --------------------------------------------------------------------
    def current_object(self) -> tuple[str, int] | None:
        card = self.board.current()
        if card is not None:
            return "swot_item", card[1]
        option = self.tows.view.current_option()
        if option is not None and self.tows.view.hasFocus():
            return "tows_option", int(option["id"])
        return None

    def select_object(self, table: str, ident: int) -> bool:
        if self._dirty and self.doc is not None:
            self.refresh()
        if table == "swot_item":
            if self.board.quadrant_of(ident) is None and self.source_filter.currentIndex() > 0:
                self.source_filter.setCurrentIndex(0)  # the card may be filtered out
            return self.board.select(ident)
        if table == "tows_option":
            return self.tows.select(ident)
        if table == "plan":
            self.mission.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False

    # --- edits ------------------------------------------------------------------------------------
    def _refuse(self, problems: list[Any]) -> bool:
        p = problems[0]
        self.notice.show_text(texts.problem_text(p.code, p.params, p.field))
        return False

    def _push(self, edit: Any) -> bool:
        done = self.push(edit)
        if done:
            self.notice.hide()
        return done

    def _add_item(self, quadrant: str, text: str) -> Any:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import strategy

        if self.doc is None:
            return None
        try:
            edit = strategy.add_swot_item(self.doc.plan, quadrant, text)
        except DomainError as exc:
            self._refuse(exc.problems)
            return None
        problems = strategy.problems_of_insert("swot_item", edit.row)
        if problems:
            self._refuse(problems)
            return None
        return edit.key if self._push(edit) else None

    def _edit_item(self, ident: int, changes: dict[str, Any]) -> bool:
        from mktplanner.services import strategy

        if self.doc is None:
            return False
        problems = strategy.problems_of_update(self.doc.plan, "swot_item", ident, changes)
        if problems:
            return self._refuse(problems)
        return self._push(strategy.edit_swot_item(ident, changes))

    def _delete_items(self, ids: list[int]) -> bool:
        from mktplanner.services import strategy

        return self._push(strategy.delete_swot_items(ids))

    def _move_items(self, ids: list[int], quadrant: str, before: int | None) -> bool:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import strategy

        if self.doc is None:
            return False
        try:
            edit = strategy.move_swot_items(self.doc.plan, ids, quadrant, before)
        except DomainError as exc:
            return self._refuse(exc.problems)
        if edit is None:
            return True  # dropped where the cards already are
        return self._push(edit)

    def _add_option(self, internal: int, external: int, text: str) -> Any:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import strategy

        if self.doc is None:
            return None
        try:
            edit = strategy.add_tows_option(self.doc.plan, internal, external, text)
        except DomainError as exc:
            self._refuse(exc.problems)
            return None
        return edit.key if self._push(edit) else None

    def _edit_option(self, ident: int, changes: dict[str, Any]) -> bool:
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import strategy

        if self.doc is None:
            return False
        problems = strategy.problems_of_update(self.doc.plan, "tows_option", ident, changes)
        if problems:
            return self._refuse(problems)
        try:
            edit = strategy.edit_tows_option(self.doc.plan, ident, changes)
        except DomainError as exc:
            return self._refuse(exc.problems)
        return self._push(edit)

    def _delete_options(self, ids: list[int]) -> bool:
        return self.delete_rows("tows_option", ids, label="delete_tows_option")

    def _make_goal(self, ident: int) -> Any:
        """Turn an option into a goal linked to both of its SWOT items (one undo step)."""
        from mktplanner.domain.errors import DomainError
        from mktplanner.services import strategy

        if self.doc is None:
            return None
        try:
            edit = strategy.tows_to_goal(self.doc.plan, ident)
        except DomainError as exc:
            self._refuse(exc.problems)
            return None
        if not self._push(edit):
            return None
        goal = strategy.goal_of(edit)
        self.tows.select(ident)
        return goal

    def _open_goal(self, goal_id: int) -> None:
        window = self.window()
        show = getattr(window, "show_object", None)
        if callable(show):
            show("goal", goal_id)
