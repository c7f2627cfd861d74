"""A small page-flow engine for the meeting pack: text, tables and pictures laid out in points.

Everything is measured and placed in PostScript points (1/72 inch) with y growing downward.
Text is typeset once with :class:`QTextLayout` on a 72-dpi measuring image (so one device
unit is one point) with design metrics (no hinting): the same laid-out lines are then drawn
on the PDF writer (also set to 72 dpi) and on preview images (scaled), so the preview shows
exactly the page that is printed.

User text is always plain text: it goes into ``QTextLayout`` as characters and is never
parsed as HTML or Markdown (``<b>``, ``&amp;``, ``**bold**`` come out literally).

The flow works on *blocks*: atomic pieces with a height that are stacked down the frame of
the current page. A block that does not fit starts a new page; a chain of blocks marked
``keep_with_next`` moves as one (a heading never ends a page, a table header never stays
behind its rows); a table row carries its table's header block, which is drawn again at
the top of a page where the table continues. Each page records its drawing as a list of
closures over a :class:`QPainter` (a display list), which is replayed for the PDF and for
each preview image.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPen,
    QTextLayout,
    QTextLine,
    QTextOption,
)

Paint = Callable[[QPainter], None]

DOTS_PER_METRE_72DPI = round(72 / 0.0254)  # 2835: one device pixel per point
LINE_SEPARATOR = "\u2028"  # QTextLayout's forced line break
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@lru_cache(maxsize=1)
def measuring_device() -> QImage:
    """A tiny image at 72 dpi: fonts measured on it have one pixel per point."""
    image = QImage(4, 4, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(DOTS_PER_METRE_72DPI)
    image.setDotsPerMeterY(DOTS_PER_METRE_72DPI)
    return image


def plain(text: object) -> str:
    """User text made safe for a text layout: line breaks kept, control characters dropped.

    Nothing is interpreted: markup characters stay as they are.
    """
    s = "" if text is None else str(text)
    s = s.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    ")
    s = _CONTROL.sub("", s)
    return s.replace("\n", LINE_SEPARATOR)


# --- fonts and styles ------------------------------------------------------------------------


@dataclass(frozen=True)
class TextStyle:
    """How a run of text looks: size in points, weight, colour, line spacing."""

    size: float = 9.5
    bold: bool = False
    italic: bool = False
    color: str = "#262626"
    leading: float = 1.25  # line height as a multiple of the font's height
    family: str = "DejaVu Sans"

    def font(self) -> QFont:
        return make_font(self.family, self.size, self.bold, self.italic)

    def with_(self, **changes: object) -> TextStyle:
        values = {**self.__dict__, **changes}
        return TextStyle(**values)  # type: ignore[arg-type]


@lru_cache(maxsize=64)
def make_font(family: str, size: float, bold: bool = False, italic: bool = False) -> QFont:
    font = QFont(family)
    font.setPointSizeF(size)
    font.setBold(bold)
    font.setItalic(italic)
    font.setKerning(True)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    font.setStyleStrategy(QFont.StyleStrategy.PreferOutline)
    # No ligatures: "ff" drawn as one glyph would be copied and searched as "ﬀ", and a
    # reader's search for "Coffee" in the PDF would not find it.
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def text_width(text: str, style: TextStyle) -> float:
    """The natural width of ``text`` on one line (the widest line if it has breaks)."""
    return max((TextBlock.measure_line(part, style) for part in plain(text).split(LINE_SEPARATOR)),
               default=0.0)  # fmt: skip


# --- laid-out text ---------------------------------------------------------------------------


class TextBlock:
    """Plain text broken into lines at a width; drawn line by line or whole."""

    def __init__(
        self,
        text: object,
        style: TextStyle,
        width: float,
        *,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        max_lines: int = 0,
    ):
        self.style = style
        self.width = max(1.0, width)
        self.align = align
        self.text = plain(text)
        self._layout, self.lines = self._build(self.text)
        if max_lines and len(self.lines) > max_lines:
            self._elide(max_lines)
        self.line_height = QFontMetricsF(style.font(), measuring_device()).height() * style.leading
        self.height = self.line_height * len(self.lines)

    @staticmethod
    def measure_line(text: str, style: TextStyle) -> float:
        layout = QTextLayout(text, style.font(), measuring_device())
        option = QTextOption()
        option.setUseDesignMetrics(True)
        option.setWrapMode(QTextOption.WrapMode.NoWrap)
        layout.setTextOption(option)
        layout.beginLayout()
        line = layout.createLine()
        width = 0.0
        if line.isValid():
            line.setLineWidth(1e6)
            width = line.naturalTextWidth()
        layout.endLayout()
        return width

    def _build(self, text: str) -> tuple[QTextLayout, list[QTextLine]]:
        layout = QTextLayout(text, self.style.font(), measuring_device())
        option = QTextOption()
        option.setUseDesignMetrics(True)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        option.setAlignment(self.align)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        lines: list[QTextLine] = []
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(self.width)
            line.setPosition(QPointF(0, 0))
            lines.append(line)
        layout.endLayout()
        return layout, lines

    def _elide(self, max_lines: int) -> None:
        metrics = QFontMetricsF(self.style.font(), measuring_device())
        room = self.width - metrics.horizontalAdvance("\u2026")
        for _ in range(4):  # re-breaking the shortened text may move a word; converge
            start = self.lines[max_lines - 1].textStart()
            tail = self.text[start:].replace(LINE_SEPARATOR, " ")
            tail = metrics.elidedText(tail, Qt.TextElideMode.ElideRight, room)
            if not tail.endswith("\u2026"):
                tail += "\u2026"
            self.text = self.text[:start] + tail
            self._layout, self.lines = self._build(self.text)
            if len(self.lines) <= max_lines:
                return
            room -= metrics.horizontalAdvance("M")
        self.lines = self.lines[:max_lines]

    @property
    def natural_width(self) -> float:
        return max((line.naturalTextWidth() for line in self.lines), default=0.0)

    def draw_line(self, painter: QPainter, index: int, x: float, top: float) -> None:
        line = self.lines[index]
        # A line is drawn at its own position plus the offset: put its top at ``top``.
        baseline_pad = (self.line_height - line.height()) / 2
        painter.setPen(QColor(self.style.color))
        line.draw(painter, QPointF(x, top + baseline_pad))

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        for i in range(len(self.lines)):
            self.draw_line(painter, i, x, y + i * self.line_height)


# --- blocks ----------------------------------------------------------------------------------


class Block:
    """An atomic piece of the flow: a height and a way to draw itself at (x, y) in a width."""

    height: float = 0.0
    space_before: float = 0.0  # dropped at the top of a page
    keep_with_next: bool = False
    header: Block | None = None  # drawn first when this block opens a page (table header)

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:  # noqa: B027
        """Draw; the default block draws nothing (a spacer)."""


class Spacer(Block):
    def __init__(self, height: float):
        self.height = height


class PageBreak(Block):
    """Start a new page; ``landscape`` None keeps the document's orientation."""

    def __init__(self, landscape: bool | None = None, chrome: bool = True):
        self.landscape = landscape
        self.chrome = chrome


class Marker(Block):
    """Remembers the page it lands on (the table of contents reads it)."""

    def __init__(self, key: str, running_title: str | None = None):
        self.key = key
        self.running_title = running_title


class FuncBlock(Block):
    """A block drawn by a function ``draw(painter, x, y, width)``."""

    def __init__(
        self,
        height: float,
        draw: Callable[[QPainter, float, float, float], None],
        *,
        space_before: float = 0.0,
        keep_with_next: bool = False,
    ):
        self.height = height
        self._draw = draw
        self.space_before = space_before
        self.keep_with_next = keep_with_next

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        self._draw(painter, x, y, width)


class LineBlock(Block):
    """One line of a paragraph (paragraphs split between lines)."""

    def __init__(self, text: TextBlock, index: int, indent: float = 0.0):
        self.text = text
        self.index = index
        self.indent = indent
        self.height = text.line_height

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        self.text.draw_line(painter, self.index, x + self.indent, y)


def paragraph(
    text: object,
    style: TextStyle,
    width: float,
    *,
    space_before: float = 0.0,
    space_after: float = 0.0,
    indent: float = 0.0,
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
    keep_with_next: bool = False,
    max_lines: int = 0,
) -> list[Block]:
    """A paragraph as line blocks: no single first or last line is left alone on a page."""
    laid = TextBlock(text, style, width - indent, align=align, max_lines=max_lines)
    blocks: list[Block] = [LineBlock(laid, i, indent) for i in range(len(laid.lines))]
    if not blocks:
        return []
    n = len(blocks)
    for i, b in enumerate(blocks):
        # widows and orphans: the first two and the last two lines stay together
        b.keep_with_next = (i == 0 and n > 1) or (i == n - 2) or (n <= 4 and i < n - 1)
    blocks[0].space_before = space_before
    if keep_with_next:
        blocks[-1].keep_with_next = True
    if space_after:
        blocks.append(Spacer(space_after))
    return blocks


# --- tables ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """A table cell: plain text and how to show it."""

    text: str = ""
    color: str | None = None
    bold: bool = False
    italic: bool = False
    fill: str | None = None
    align: str | None = None  # overrides the column's
    note: str = ""  # a second, smaller and muted paragraph under the text


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # share of the width left after the fixed columns
    align: str = "left"  # left | right | center
    fit: bool = False  # as wide as its widest value (numbers, dates), never wrapped if possible
    max_lines: int = 12


@dataclass(frozen=True)
class TableStyle:
    body: TextStyle = field(default_factory=lambda: TextStyle(size=8.3, leading=1.2))
    head: TextStyle = field(
        default_factory=lambda: TextStyle(size=7.8, bold=True, color="#FFFFFF", leading=1.15)
    )
    note: TextStyle = field(
        default_factory=lambda: TextStyle(size=7.3, color="#6B7280", leading=1.15)
    )
    head_fill: str = "#1F3A5F"
    zebra: str = "#F4F6FA"
    rule: str = "#D5DCE6"
    pad_x: float = 4.5
    pad_y: float = 3.2


_ALIGN = {
    "left": Qt.AlignmentFlag.AlignLeft,
    "right": Qt.AlignmentFlag.AlignRight,
    "center": Qt.AlignmentFlag.AlignHCenter,
}

RowSpec = Sequence["Cell | str"]


def _cell(value: Cell | str) -> Cell:
    return value if isinstance(value, Cell) else Cell(str(value))


def column_widths(
    columns: Sequence[Column], rows: Sequence[RowSpec], width: float, style: TableStyle
) -> list[float]:
    """Fitted columns take their widest value; the others share the rest by weight."""
    pad = 2 * style.pad_x
    fitted: dict[int, float] = {}
    floor: dict[int, float] = {}  # a fitted column shrinks at most to its longest word
    for i, col in enumerate(columns):
        if not col.fit:
            continue
        content = max(
            [text_width(_cell(r[i]).text, style.body.with_(bold=True)) for r in rows]
            + [text_width(_cell(r[i]).note, style.note) for r in rows]
            + [0.0]
        )
        whole = text_width(col.title, style.head)
        word = max((text_width(w, style.head) for w in col.title.split()), default=0.0)
        # a short header stays on one line; a long one wraps at its words
        head = whole if whole <= max(content * 1.5, 56.0) else word
        fitted[i] = max(content, head) + pad + 1.0
        floor[i] = max(word, _longest_word(col, rows, i, style, bold=True)) + pad + 1.0
    share = 0.86 if len(fitted) == len(columns) else 0.74
    fixed_total = sum(fitted.values())
    if len(fitted) == len(columns):
        extra = (width - fixed_total) / max(1, len(fitted))
        return [fitted[i] + extra for i in range(len(columns))]
    if fixed_total > share * width:  # numbers would crowd out the text: give up their slack
        slack = sum(fitted[i] - floor[i] for i in fitted)
        excess = fixed_total - share * width
        take = min(1.0, excess / slack) if slack > 0 else 0.0
        fitted = {i: w - (w - floor[i]) * take for i, w in fitted.items()}
        fixed_total = sum(fitted.values())
    flexible = [i for i in range(len(columns)) if i not in fitted]
    rest = max(width - fixed_total, 0.2 * width)
    # every flexible column is at least as wide as its longest word (no word cut in two),
    # as far as the width allows; the rest is shared by weight
    least = {i: min(_longest_word(columns[i], rows, i, style) + pad + 1.0, rest * 0.45)
             for i in flexible}  # fmt: skip
    widths: dict[int, float] = {}
    free = list(flexible)
    while free:
        room = rest - sum(widths.values())
        weights = sum(columns[i].weight for i in free) or 1.0
        short = [i for i in free if room * columns[i].weight / weights < least[i]]
        if not short:
            for i in free:
                widths[i] = room * columns[i].weight / weights
            break
        for i in short:
            widths[i] = least[i]
            free.remove(i)
    return [fitted[i] if i in fitted else widths[i] for i in range(len(columns))]


def _words(text: str) -> list[str]:
    """Words as a line may break them: at spaces, not at no-break spaces (1 000 ₽)."""
    return [w for w in re.split(r"[ \u2028\n\t]+", text) if w]


def _longest_word(
    column: Column, rows: Sequence[RowSpec], index: int, style: TableStyle, *, bold: bool = False
) -> float:
    words = [(w, style.head) for w in _words(column.title)]
    for r in rows:
        cell = _cell(r[index])
        look = style.body.with_(bold=True) if (cell.bold or bold) else style.body
        words += [(w, look) for w in _words(cell.text)]
    longest: dict[str, TextStyle] = {}
    for word, look in words:  # measure each distinct word once
        longest.setdefault(word, look)
    return max((text_width(w, look) for w, look in longest.items()), default=0.0)


class TableRow(Block):
    def __init__(
        self,
        cells: list[tuple[TextBlock, TextBlock | None]],
        specs: list[Cell],
        widths: list[float],
        style: TableStyle,
        *,
        fill: str | None,
        is_header: bool = False,
    ):
        self.cells = cells
        self.specs = specs
        self.widths = widths
        self.style = style
        self.fill = fill
        self.is_header = is_header
        self.height = (
            max((t.height + (n.height + 1.0 if n else 0.0) for t, n in cells), default=0.0)
            + 2 * style.pad_y
        )

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        s = self.style
        total = sum(self.widths)
        if self.fill:
            painter.fillRect(QRectF(x, y, total, self.height), QColor(self.fill))
        cx = x
        for (laid, note), spec, w in zip(self.cells, self.specs, self.widths, strict=True):
            if spec.fill:
                painter.fillRect(QRectF(cx, y, w, self.height), QColor(spec.fill))
            laid.draw(painter, cx + s.pad_x, y + s.pad_y)
            if note is not None:
                note.draw(painter, cx + s.pad_x, y + s.pad_y + laid.height + 1.0)
            cx += w
        if not self.is_header:
            painter.setPen(QPen(QColor(s.rule), 0.5))
            painter.drawLine(QPointF(x, y + self.height), QPointF(x + total, y + self.height))


def table(
    columns: Sequence[Column],
    rows: Sequence[RowSpec],
    width: float,
    *,
    style: TableStyle | None = None,
    space_before: float = 6.0,
    row_fills: Sequence[str | None] | None = None,
    bold_rows: Iterable[int] = (),
) -> list[Block]:
    """A table as blocks: the header, then one block per row, each row able to repeat the
    header at the top of a new page."""
    style = style or TableStyle()
    widths = column_widths(columns, rows, width, style)
    bold = set(bold_rows)
    inner = [max(4.0, w - 2 * style.pad_x) for w in widths]
    head_specs = [Cell(c.title) for c in columns]
    head_cells: list[tuple[TextBlock, TextBlock | None]] = [
        (TextBlock(c.title, style.head, w, align=_ALIGN[c.align], max_lines=3), None)
        for c, w in zip(columns, inner, strict=True)
    ]
    header = TableRow(head_cells, head_specs, widths, style, fill=style.head_fill, is_header=True)
    header.space_before = space_before
    header.keep_with_next = True
    blocks: list[Block] = [header]
    for r, row in enumerate(rows):
        specs = [_cell(v) for v in row]
        cells: list[tuple[TextBlock, TextBlock | None]] = []
        for spec, col, w in zip(specs, columns, inner, strict=True):
            look = style.body.with_(
                bold=spec.bold or r in bold,
                italic=spec.italic,
                color=spec.color or style.body.color,
            )
            align = _ALIGN[spec.align or col.align]
            text = TextBlock(spec.text, look, w, align=align, max_lines=col.max_lines)
            note = (
                TextBlock(spec.note, style.note, w, align=align, max_lines=col.max_lines)
                if spec.note
                else None
            )
            cells.append((text, note))
        if row_fills is not None and r < len(row_fills) and row_fills[r]:
            fill = row_fills[r]
        else:
            fill = style.zebra if r % 2 == 1 else None
        block = TableRow(cells, specs, widths, style, fill=fill)
        block.header = header
        blocks.append(block)
    if len(blocks) > 2:
        blocks[1].keep_with_next = True  # at least two rows under a header
    return blocks


# --- pictures --------------------------------------------------------------------------------


class PictureBlock(Block):
    """Anything drawn into a rectangle (an SVG chart, an image), centred in the width."""

    def __init__(
        self,
        width: float,
        height: float,
        draw: Callable[[QPainter, QRectF], None],
        *,
        space_before: float = 8.0,
    ):
        self.pic_width = width
        self.height = height
        self._draw = draw
        self.space_before = space_before

    def paint(self, painter: QPainter, x: float, y: float, width: float) -> None:
        left = x + max(0.0, (width - self.pic_width) / 2)
        painter.save()
        self._draw(painter, QRectF(left, y, self.pic_width, self.height))
        painter.restore()


# --- pages and the flow ----------------------------------------------------------------------


@dataclass(frozen=True)
class PageGeometry:
    """A page size in points and its margins; the frame is where the flow goes."""

    width: float
    height: float
    left: float = 50.0
    right: float = 50.0
    top: float = 62.0
    bottom: float = 58.0

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def rotated(self) -> PageGeometry:
        return PageGeometry(self.height, self.width, self.left, self.right, self.top, self.bottom)

    @property
    def frame(self) -> QRectF:
        return QRectF(
            self.left,
            self.top,
            self.width - self.left - self.right,
            self.height - self.top - self.bottom,
        )


@dataclass
class Page:
    geometry: PageGeometry
    running_title: str = ""
    chrome: bool = True  # running header and footer
    ops: list[Paint] = field(default_factory=list)

    def paint(self, painter: QPainter) -> None:
        for op in self.ops:
            painter.save()
            op(painter)
            painter.restore()


class Flow:
    """Stacks blocks down the frames of successive pages."""

    def __init__(self, portrait: PageGeometry, landscape: PageGeometry, default_landscape: bool):
        self.portrait = portrait
        self.landscape = landscape
        self.default_landscape = default_landscape
        self.pages: list[Page] = []
        self.markers: dict[str, int] = {}
        self._y = 0.0
        self._running = ""
        self._current_landscape = default_landscape
        self._last_header: Block | None = None

    # geometry of the page being filled
    @property
    def page(self) -> Page:
        return self.pages[-1]

    @property
    def frame(self) -> QRectF:
        return self.page.geometry.frame

    def frame_for(self, landscape: bool | None = None) -> QRectF:
        flag = self.default_landscape if landscape is None else landscape
        return (self.landscape if flag else self.portrait).frame

    def new_page(self, landscape: bool | None = None, chrome: bool = True) -> None:
        flag = self.default_landscape if landscape is None else landscape
        self._current_landscape = flag
        geometry = self.landscape if flag else self.portrait
        self.pages.append(Page(geometry, self._running, chrome))
        self._y = geometry.frame.top()

    @property
    def _at_top(self) -> bool:
        return bool(self.pages) and self._y <= self.frame.top() + 0.01

    def _room(self) -> float:
        return self.frame.bottom() - self._y

    def _place(self, block: Block) -> None:
        if not self.pages:
            self.new_page()
        gap = 0.0 if self._at_top else block.space_before
        if gap + block.height > self._room() + 0.01 and not self._at_top:
            self.new_page(self._current_landscape)
            gap = 0.0
        if self._at_top and block.header is not None:
            self._draw(block.header)
            self._y += block.header.height
        self._y += gap
        self._draw(block)
        self._y += block.height

    def _draw(self, block: Block) -> None:
        x, y, w = self.frame.left(), self._y, self.frame.width()

        def paint(p: QPainter) -> None:
            block.paint(p, x, y, w)

        self.page.ops.append(paint)

    def add(self, blocks: Iterable[Block]) -> None:
        items = list(blocks)
        i = 0
        while i < len(items):
            block = items[i]
            if isinstance(block, PageBreak):
                self.new_page(block.landscape, block.chrome)
                i += 1
                continue
            if isinstance(block, Marker):
                if not self.pages:
                    self.new_page()
                if block.running_title is not None:
                    self._running = block.running_title
                    if self._at_top:
                        self.page.running_title = block.running_title
                self.markers[block.key] = len(self.pages) - 1
                i += 1
                continue
            # the chain of blocks that must stay on one page with this one
            j = i
            while (
                j < len(items) - 1
                and items[j].keep_with_next
                and not isinstance(items[j + 1], PageBreak | Marker)
            ):
                j += 1
            chain = items[i : j + 1]
            if len(chain) > 1 and self.pages and not self._at_top:
                height = chain[0].height + sum(b.space_before + b.height for b in chain[1:])
                height += chain[0].space_before
                full = self.frame.height()
                if height > self._room() and height <= full:
                    self.new_page(self._current_landscape)
            for b in chain:
                self._place(b)
            i = j + 1

    def room_left(self) -> float:
        """Height left on the current page (the whole frame when no page is open)."""
        if not self.pages:
            return self.frame_for().height()
        return self._room()
