"""CSV import of expenses and of channel results (bank statements, ad-account exports).

The import is split into steps so that a wizard can show each one and the command line can
run them in a row:

1. ``sniff(path) -> CsvSniff``: guesses the encoding (UTF-8 with or without BOM, Windows-1251),
   the delimiter, the decimal separator, the date format and the header line, and returns the
   header and the first rows. ``guess_mapping(header, kind)`` proposes which column is which.
2. ``parse(path, options, kind, plan) -> ParsedImport``: reads the whole file with the chosen
   ``CsvOptions`` and turns every line into a row of the plan's table, or into a ``BadRow``
   (line number, column, code, params). Channel and action names are looked up in the plan
   (case-insensitive); every row goes through ``domain.rules.validation``. Nothing is written.
3. ``import_edit(plan, parsed, valid_only=False) -> ImportEdit``: ONE reversible edit (one undo
   step, one transaction, bulk statements) to hand to ``services.edits.run``. All or nothing:
   with bad rows it raises ``ImportRefused`` unless ``valid_only`` is given.

Decisions (also in ``docs/csv-import.md``):

- Expenses carry an ``import_key``: a hash of the row's normalised content (date, amount, payee,
  note) plus its occurrence index among identical rows of the same file, so two genuinely
  identical payments in one file both import, and importing the file again adds nothing.
- Channel results are keyed by (channel, month). Rows of one file with the same channel and
  month are added together (a daily ad-account export becomes one month). A re-import
  OVERWRITES the mapped figures of an existing month (the newer export is the truth: a month
  exported while it was running gets its final numbers); columns that are not mapped keep their
  values; a month whose figures are already equal is left alone. Never a duplicate row.
- A channel name that the plan does not have is a bad row (``unknown_channel``) unless
  ``CsvOptions.create_channels``: then the channel is created by the same edit.
- A negative amount is a refund only when the file says so: a mapped ``refund`` column with a
  yes-like value, or ``CsvOptions.negative_refunds``. Bank statements that write spending as
  negative numbers are read with ``CsvOptions.spend_negative`` (every amount's sign is flipped).
- Text cells are stored exactly as written; a cell beginning with ``=`` is text, never evaluated.

The remembered options (mapping and file format) of each kind live in the plan's ``setting``
table under ``csv_mapping.<kind>`` as JSON: ``load_options`` / ``load_mapping`` read them,
``save_mapping_edit`` writes them (``import_edit`` does it too, in the same undo step).
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import datetime as dt
import functools
import hashlib
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlmodel import Session

from mktplanner.domain.errors import DomainError, Problem
from mktplanner.domain.money import is_known_currency, to_minor
from mktplanner.domain.rules.validation import validate
from mktplanner.domain.tables import Action, Channel, ChannelResult, Expense, Plan, Setting
from mktplanner.services.edits import Change, Edit, table_of, validate_row
from mktplanner.store.errors import PlanFileError
from mktplanner.store.planfile import PlanFile, translate_os_error

Kind = Literal["expenses", "results"]
KINDS: tuple[str, ...] = ("expenses", "results")

MAX_BYTES = 100 * 1024 * 1024  # a CSV larger than this is refused unread
SNIFF_BYTES = 1024 * 1024  # how much of the file sniff() looks at
PREVIEW_ROWS = 20
SETTING_PREFIX = "csv_mapping."

ENCODINGS: tuple[str, ...] = ("utf-8", "utf-8-sig", "cp1251")
DELIMITERS: tuple[str, ...] = (";", ",", "\t", "|")
DATE_FORMATS: tuple[str, ...] = (
    "%Y-%m-%d",
    "%d.%m.%Y",
    "%d.%m.%y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%Y/%m/%d",
    "%d-%m-%Y",
    "%Y.%m.%d",
)

# The fields each kind can map, in the order a wizard shows them; required ones first.
FIELDS: dict[str, tuple[str, ...]] = {
    "expenses": ("date", "amount", "channel", "action", "payee", "note", "refund"),
    "results": (
        "channel",
        "month",
        "spend",
        "impressions",
        "clicks",
        "leads",
        "customers",
        "revenue",
    ),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "expenses": ("date", "amount"),
    "results": ("channel", "month"),
}

# The table column a field ends up in (for naming the CSV column of a validation problem).
_COLUMN_OF_FIELD: dict[str, dict[str, str]] = {
    "expenses": {
        "date": "date",
        "amount": "amount_minor",
        "channel": "channel_id",
        "action": "action_id",
        "payee": "payee",
        "note": "note",
        "refund": "is_refund",
    },
    "results": {
        "channel": "channel_id",
        "month": "month",
        "spend": "spend_minor",
        "impressions": "impressions",
        "clicks": "clicks",
        "leads": "leads",
        "customers": "customers",
        "revenue": "revenue_minor",
    },
}

# Header names (normalised: lower case, "ё" as "е", without a unit after a comma or in
# brackets) that ``guess_mapping`` recognises, English and Russian, including the headers of
# this application's own CSV export (report/tables.py).
_SYNONYM_TEXT: dict[str, str] = {
    "date": "date|дата|дата операции|дата платежа|дата списания|дата проводки|transaction date|"
    "operation date|payment date|day|день",
    "amount": "amount|sum|total|сумма|сумма операции|сумма платежа|сумма списания|"
    "сумма в валюте счета|payment amount",
    "channel": "channel|канал|source|источник|канал продвижения",
    "action": "action|мероприятие|activity",
    "payee": "payee|получатель|контрагент|counterparty|vendor|поставщик|merchant|продавец",
    "note": "note|notes|примечание|комментарий|описание|назначение платежа|назначение|"
    "description|comment|details",
    "refund": "refund|возврат|is refund",
    "month": "month|месяц|period|период",
    "spend": "spend|cost|расход|расходы|затраты|стоимость",
    "impressions": "impressions|показы|views|просмотры",
    "clicks": "clicks|клики|переходы",
    "leads": "leads|заявки|лиды|conversions|конверсии",
    "customers": "customers|клиенты|покупатели|new customers|новые клиенты",
    "revenue": "revenue|выручка|доход|income|sales|продажи",
}
SYNONYMS: dict[str, tuple[str, ...]] = {k: tuple(v.split("|")) for k, v in _SYNONYM_TEXT.items()}

_YES = frozenset("1 yes y true x + да д истина refund возврат returned".split() + ["✓", "✔"])
_NO = frozenset("0 no n false - нет н ложь".split() + [""])


# --- options and results ------------------------------------------------------------------


@dataclass
class CsvOptions:
    """How to read a file and which column holds which field.

    ``mapping`` maps a field of ``FIELDS[kind]`` to a column's header text (with
    ``header_row=0``, a file without a header, to the column's number "1", "2", ...).
    ``header_row`` is the 1-based line of the header; lines above it are skipped (banks put
    their account details there)."""

    encoding: str = "utf-8"
    delimiter: str = ","
    decimal: str = "."
    date_format: str = "%Y-%m-%d"
    header_row: int = 1
    mapping: dict[str, str] = field(default_factory=dict)
    negative_refunds: bool = False  # a negative amount is a refund (else a bad row)
    spend_negative: bool = False  # the file writes spending as negative numbers (bank style)
    create_channels: bool = False  # unknown channel names become new channels

    def to_json(self) -> str:
        return json.dumps(dataclasses.asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CsvOptions:
        """Options from stored JSON; unknown or ill-typed entries are ignored."""
        base = cls()
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            if f.name not in data:
                continue
            value, default = data[f.name], getattr(base, f.name)
            if f.name == "mapping":
                if isinstance(value, dict):
                    values["mapping"] = {
                        str(k): str(v) for k, v in value.items() if isinstance(v, str) and v
                    }
            elif type(value) is type(default):
                values[f.name] = value
        return cls(**values)


@dataclass(frozen=True)
class CsvSniff:
    """What ``sniff`` guessed about a file, and its first rows for a preview."""

    encoding: str
    delimiter: str
    decimal: str
    date_format: str | None  # None: no column looked like dates
    header_row: int
    header: list[str]
    rows: list[list[str]]  # the first data rows after the header
    truncated: bool  # only the first SNIFF_BYTES were looked at

    def options(self, kind: str = "expenses") -> CsvOptions:
        """Options built from the guesses, with the mapping proposed by ``guess_mapping``."""
        return CsvOptions(
            encoding=self.encoding,
            delimiter=self.delimiter,
            decimal=self.decimal,
            date_format=self.date_format or "%Y-%m-%d",
            header_row=self.header_row,
            mapping=guess_mapping(self.header, kind),
        )


@dataclass(frozen=True)
class BadRow:
    """A line that cannot be imported: its 1-based line number in the file, the CSV column
    (header text; "" when the line as a whole is wrong), a code and its parameters."""

    line: int
    column: str
    code: str
    params: dict[str, Any] = field(default_factory=dict)


@dataclass
class ParsedRow:
    """A row ready to insert. ``values`` are the table's columns (no id); for expenses
    ``values["import_key"]`` is set. ``new_channel`` names a channel the import will create
    (then ``channel_id`` is None until the edit runs). ``status``: "new", "present" (already
    in the plan: an expense imported before, or a month with equal figures) or "update" (a
    month whose mapped figures the import will overwrite)."""

    line: int
    values: dict[str, Any]
    status: str = "new"
    new_channel: str | None = None
    lines: list[int] = field(default_factory=list)  # results: every line summed into this row


@dataclass
class ParsedImport:
    kind: str
    options: CsvOptions
    source: Path
    header: list[str]
    currency: str
    rows: list[ParsedRow]
    bad_rows: list[BadRow]
    lines_read: int  # data lines (blank lines not counted)
    new_channels: list[str]  # names of channels the import will create

    @property
    def ok(self) -> bool:
        return not self.bad_rows

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r.status == status)

    @property
    def bad_lines(self) -> list[int]:
        return sorted({b.line for b in self.bad_rows})


class CsvProblem(DomainError):
    """The file as a whole cannot be read with these options (nothing was imported).

    Codes (``Problem.field`` names the option or field concerned): ``empty_file``,
    ``no_rows``, ``too_large`` {max_bytes}, ``bad_encoding`` {encoding, line},
    ``unknown_encoding`` {value}, ``bad_csv`` {line, detail}, ``bad_option`` {value},
    ``unknown_field`` {value}, ``not_mapped`` {field}, ``unknown_column`` {column},
    ``no_header`` {line}."""

    @classmethod
    def one(cls, field_name: str, code: str, **params: Any) -> CsvProblem:
        return cls([Problem(field_name, code, params)])


class ImportRefused(DomainError):
    """The file has bad rows and the import is all or nothing (nothing was written).

    ``bad_rows`` lists each one; ``problems`` carries the same as ``Problem(column, code,
    {"line": n, **params})``."""

    def __init__(self, bad_rows: list[BadRow]):
        self.bad_rows = bad_rows
        super().__init__(
            [Problem(b.column, b.code, {"line": b.line, **b.params}) for b in bad_rows]
        )


# --- reading the file -----------------------------------------------------------------------


def _read_bytes(path: Path, limit: int | None) -> tuple[bytes, bool]:
    """The file's bytes (at most ``limit``) and whether it was cut."""
    if path.is_dir():
        raise PlanFileError("is_directory", path)
    try:
        with open(path, "rb") as f:
            size = f.seek(0, io.SEEK_END)
            f.seek(0)
            if limit is None:
                if size > MAX_BYTES:
                    raise CsvProblem.one("", "too_large", max_bytes=MAX_BYTES)
                return f.read(), False
            return f.read(limit), size > limit
    except OSError as exc:
        raise translate_os_error(exc, path) from exc


def normal_encoding(name: str) -> str:
    """A codec name as Python knows it ("windows-1251" -> "cp1251"); refuses an unknown one."""
    try:
        info = codecs.lookup(name)
    except (LookupError, TypeError):
        raise CsvProblem.one("encoding", "unknown_encoding", value=str(name)) from None
    return info.name


def _decode(data: bytes, encoding: str, *, final: bool = True) -> str:
    encoding = normal_encoding(encoding)
    if encoding == "utf-8" and data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"  # a BOM is never part of the first header
    decoder = codecs.getincrementaldecoder(encoding)("strict")
    try:
        return decoder.decode(data, final=final)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CsvProblem.one("encoding", "bad_encoding", encoding=encoding, line=line) from None


def _guess_encoding(data: bytes, truncated: bool) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    try:
        _decode(data, "utf-8", final=not truncated)
        return "utf-8"
    except CsvProblem:
        pass
    try:
        _decode(data, "cp1251")
        return "cp1251"
    except CsvProblem:
        return "utf-8"  # parse() will name the line that is not valid text


def _records(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for every record, blank lines included."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    start = 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise CsvProblem.one("", "bad_csv", line=reader.line_num, detail=str(exc)) from None
        yield start, cells
        start = reader.line_num + 1


def _blank(cells: Sequence[str]) -> bool:
    return not any(c.strip() for c in cells)


def _check_options(options: CsvOptions) -> None:
    if len(options.delimiter) != 1 or options.delimiter in '"\r\n':
        raise CsvProblem.one("delimiter", "bad_option", value=options.delimiter)
    if options.decimal not in (".", ","):
        raise CsvProblem.one("decimal", "bad_option", value=options.decimal)
    if options.decimal == options.delimiter:
        raise CsvProblem.one("decimal", "bad_option", value=options.decimal)
    if not options.date_format or "%" not in options.date_format:
        raise CsvProblem.one("date_format", "bad_option", value=options.date_format)
    if options.header_row < 0:
        raise CsvProblem.one("header_row", "bad_option", value=options.header_row)
    normal_encoding(options.encoding)


# --- guessing ---------------------------------------------------------------------------------


def sniff(path: Path | str) -> CsvSniff:
    """Guess how to read ``path`` from its first megabyte; raises ``CsvProblem("empty_file")``
    for a file with no text, ``PlanFileError`` when it cannot be read."""
    path = Path(path)
    data, truncated = _read_bytes(path, SNIFF_BYTES)
    encoding = _guess_encoding(data, truncated)
    try:
        text = _decode(data, encoding, final=not truncated)
    except CsvProblem:
        text = data.decode(encoding, errors="replace")
    if truncated and "\n" in text:
        text = text[: text.rindex("\n") + 1]  # drop the cut last line
    if not text.strip():
        raise CsvProblem.one("", "empty_file")
    lines = text.splitlines(keepends=True)[:200]
    delimiter = _guess_delimiter(lines)
    records = [
        (line, cells)
        for line, cells in _safe_records("".join(lines), delimiter)
        if not _blank(cells)
    ]
    width = Counter(len(c) for _, c in records).most_common(1)[0][0] if records else 1
    header_row, header = 1, records[0][1] if records else []
    for line, cells in records:
        if len(cells) == width and any(c.strip() and not _numberish(c) for c in cells):
            header_row, header = line, cells
            break
    rows = [c for line, c in records if line > header_row][:PREVIEW_ROWS]
    decimal = _guess_decimal(rows, delimiter)
    date_format = _guess_date_format(rows)
    return CsvSniff(
        encoding=encoding,
        delimiter=delimiter,
        decimal=decimal,
        date_format=date_format,
        header_row=header_row,
        header=[h.strip() for h in header],
        rows=rows,
        truncated=truncated,
    )


def _safe_records(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    out = []
    try:
        for rec in _records(text, delimiter):
            out.append(rec)
    except CsvProblem:
        pass
    return out


def _guess_delimiter(lines: list[str]) -> str:
    best, best_score = ",", (False, 0, 0)
    sample = "".join(lines[:60])
    for d in DELIMITERS:
        counts = [len(c) for _, c in _safe_records(sample, d) if not _blank(c)]
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        score = (width > 1, freq, width)
        if score > best_score:
            best, best_score = d, score
    return best


def _numberish(cell: str) -> bool:
    return bool(re.fullmatch(r"[\s\d.,:/\-+−%]+", cell.strip()))


def _guess_decimal(rows: list[list[str]], delimiter: str) -> str:
    votes = Counter[str]()
    for row in rows:
        for cell in row:
            if not re.search(r"\d[.,]\d", cell):
                continue
            comma = _try_amount(cell, ",")
            point = _try_amount(cell, ".")
            if comma is not None and point is None:
                votes[","] += 1
            elif point is not None and comma is None:
                votes["."] += 1
    if votes[","] != votes["."]:
        return "," if votes[","] > votes["."] else "."
    return "," if delimiter != "," else "."


def _guess_date_format(rows: list[list[str]]) -> str | None:
    """The format under which one column parses best (every non-empty cell of it)."""
    best: tuple[int, int] = (0, 0)
    found: str | None = None
    columns = max((len(r) for r in rows), default=0)
    for rank, fmt in enumerate(DATE_FORMATS):
        for col in range(columns):
            cells = [r[col].strip() for r in rows if col < len(r) and r[col].strip()]
            if not cells:
                continue
            good = sum(1 for c in cells if _parse_date(c, fmt) is not None)
            if good == len(cells) and (good, -rank) > best:
                best, found = (good, -rank), fmt
    return found


def _norm_header(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е").strip()
    t = re.split(r"[,(\[]", t, maxsplit=1)[0]
    return re.sub(r"\s+", " ", t).strip(" .:;*")


def guess_mapping(header: Sequence[str], kind: str = "expenses") -> dict[str, str]:
    """Which column is which field, from the header's words (English and Russian)."""
    _check_kind(kind)
    mapping: dict[str, str] = {}
    used: set[int] = set()
    normal = [_norm_header(h) for h in header]
    for name in FIELDS[kind]:
        for i, h in enumerate(normal):
            if i not in used and h and h in SYNONYMS[name]:
                mapping[name] = header[i].strip()
                used.add(i)
                break
    return mapping


# --- cells ------------------------------------------------------------------------------------


_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_PLAIN_NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def _parse_date(cell: str, fmt: str) -> dt.date | None:
    cell = cell.strip()
    if fmt == "%Y-%m-%d" and (m := _ISO_DAY.fullmatch(cell)):  # fast path, same result
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    try:
        return dt.datetime.strptime(cell, fmt).date()
    except ValueError:
        pass
    # A timestamp ("03.01.2025 12:34", "2025-01-03T12:34:00"): the date part decides.
    head = re.split(r"[ T]", cell, maxsplit=1)[0]
    if head != cell:
        try:
            return dt.datetime.strptime(head, fmt).date()
        except ValueError:
            return None
    return None


_MONTH_FORMATS = ("%Y-%m", "%Y.%m", "%m.%Y", "%m/%Y", "%Y/%m", "%m-%Y")


def _parse_month(cell: str, date_format: str) -> dt.date | None:
    day = _parse_date(cell, date_format)
    if day is None:
        for fmt in _MONTH_FORMATS:
            try:
                day = dt.datetime.strptime(cell.strip(), fmt).date()
                break
            except ValueError:
                continue
    return None if day is None else day.replace(day=1)


_SPACES = " \u00a0\u202f\u2009\u2007"


_CURRENCY_WORDS = frozenset("руб р rub rur грн тг usd eur".split())


def _affix_ok(text: str) -> bool:
    """A currency sign or code around a number: "₽", "$", "руб.", "RUB", "USD"... or nothing."""
    text = text.strip(_SPACES)
    if text.endswith("."):
        text = text[:-1]
    if not text or all(unicodedata.category(ch) == "Sc" for ch in text):
        return True
    return text.casefold() in _CURRENCY_WORDS or is_known_currency(text)


def _try_amount(cell: str, decimal: str) -> Decimal | None:
    """A strict reading of a number as a bank or an ad account writes it, or None.

    Accepts digit groups separated by spaces (also no-break and thin), apostrophes or the
    separator that is not the decimal one, a sign before or after a currency sign, a number
    in brackets as a negative one, and a currency sign or code before or after it. Groups
    must have three digits, so "12,5" is not read as 125 when the decimal sign is a point."""
    s = cell.strip(_SPACES).replace("\u2212", "-").replace("\u2013", "-")
    if not s:
        return None
    if _PLAIN_NUMBER.fullmatch(s) and (decimal in s or ("," not in s and "." not in s)):
        return Decimal(s.replace(",", "."))  # fast path: "1234", "-12.30", "12,5"
    negative = False
    if s.startswith("(") and s.endswith(")"):
        negative, s = True, s[1:-1].strip(_SPACES)
    m = re.fullmatch(
        r"(?P<sign1>[-+]?)(?P<pre>[^\d\-+.,]*?)(?P<sign2>[-+]?)[" + _SPACES + r"]*"
        r"(?P<num>\d[\d" + _SPACES + r"'.,]*?)"
        r"(?P<post>[^\d]*)",
        s,
    )
    if m is None or not _affix_ok(m["pre"]) or not _affix_ok(m["post"]):
        return None
    if m["sign1"] and m["sign2"]:
        return None
    if m["post"].strip(_SPACES).startswith((".", ",")):
        return None
    if "-" in (m["sign1"], m["sign2"]):
        if negative:
            return None
        negative = True
    group = "." if decimal == "," else ","
    num = m["num"]
    if num.count(decimal) > 1:
        return None
    whole, _, frac = num.partition(decimal)
    if frac and not frac.isdigit():
        return None
    parts = re.split(r"[" + _SPACES + "'" + re.escape(group) + r"]", whole)
    if len(parts) > 1:
        if not (1 <= len(parts[0]) <= 3) or any(len(p) != 3 for p in parts[1:]):
            return None
    digits = "".join(parts)
    if not digits.isdigit():
        return None
    if num.endswith(decimal):
        return None
    try:
        value = Decimal(digits + ("." + frac if frac else ""))
    except InvalidOperation:
        return None
    return -value if negative else value


def parse_amount(cell: str, decimal: str, currency: str) -> int:
    """A money cell -> integer minor units, exactly; raises ``DomainError`` (``bad_amount``,
    ``too_precise``)."""
    value = _try_amount(cell, decimal)
    if value is None:
        raise DomainError([Problem("amount", "bad_amount", {"value": cell.strip()})])
    return to_minor(value, currency)


def _parse_count(cell: str, decimal: str) -> int:
    value = _try_amount(cell, decimal)
    if value is None:
        raise DomainError([Problem("", "not_a_number", {"value": cell.strip()})])
    if value != value.to_integral_value():
        raise DomainError([Problem("", "not_whole_number", {"value": cell.strip()})])
    return int(value)


def _parse_flag(cell: str) -> bool:
    value = cell.strip().casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise DomainError([Problem("", "bad_flag", {"value": cell.strip()})])


_ESCAPED_FORMULA = ("'=", "'+", "'-", "'@", "'\t", "'\r")


def _text_cell(cell: str | None) -> str:
    """A text cell as stored: trimmed; the apostrophe that a spreadsheet export (this
    application's own included) puts before a formula-looking text is taken off again."""
    text = (cell or "").strip()
    return text[1:] if text.startswith(_ESCAPED_FORMULA) else text


def _norm_text(value: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", value)).strip().casefold()


def import_key(date: dt.date, amount_minor: int, payee: str, note: str, occurrence: int) -> str:
    """The stable key of an imported expense: its normalised content and its occurrence."""
    content = "\x1f".join(
        ("expense", date.isoformat(), str(amount_minor), _norm_text(payee), _norm_text(note))
    )
    digest = hashlib.sha256(content.encode("utf-8")).hexdigest()[:32]
    return f"csv1:{digest}:{occurrence}"


# --- the plan's side ------------------------------------------------------------------------


@dataclass
class _Names:
    """Names of the plan's channels and actions (case-insensitive) and its currency."""

    currency: str
    channels: dict[str, list[int]]
    actions: dict[str, list[int]]


def _fold(name: str) -> str:
    return _norm_text(name).replace("ё", "е")


def _plan_names(s: Session) -> _Names:
    plan = s.execute(select(table_of(Plan).c.currency).limit(1)).scalar()
    channels: dict[str, list[int]] = {}
    ch = table_of(Channel)
    for cid, name in s.execute(select(ch.c.id, ch.c.name).order_by(ch.c.position, ch.c.id)):
        channels.setdefault(_fold(name), []).append(int(cid))
    actions: dict[str, list[int]] = {}
    ac = table_of(Action)
    for aid, title in s.execute(select(ac.c.id, ac.c.title).order_by(ac.c.position, ac.c.id)):
        actions.setdefault(_fold(title), []).append(int(aid))
    return _Names(plan or "RUB", channels, actions)


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise CsvProblem.one("kind", "bad_option", value=kind)


# --- parsing ------------------------------------------------------------------------------


def preview(
    path: Path | str, options: CsvOptions, limit: int = PREVIEW_ROWS
) -> tuple[list[str], list[list[str]]]:
    """The header and the first ``limit`` data rows as read with ``options`` (the wizard's
    table after the user changed the encoding, delimiter or header line). The mapping is not
    used; raises ``CsvProblem`` like ``parse``."""
    _check_options(options)
    data, truncated = _read_bytes(Path(path), SNIFF_BYTES)
    text = _decode(data, options.encoding, final=not truncated)
    if truncated and "\n" in text:
        text = text[: text.rindex("\n") + 1]
    if not text.strip():
        raise CsvProblem.one("", "empty_file")
    header: list[str] = []
    rows: list[list[str]] = []
    for line, cells in _safe_records(text, options.delimiter):
        if line < options.header_row or _blank(cells):
            continue
        if line == options.header_row:
            header = [c.strip() for c in cells]
        elif len(rows) < limit:
            rows.append(cells)
    if options.header_row and not header:
        raise CsvProblem.one("header_row", "no_header", line=options.header_row)
    if not options.header_row:
        width = max((len(r) for r in rows), default=0)
        header = [str(i) for i in range(1, width + 1)]
    return header, rows


def parse(
    path: Path | str, options: CsvOptions, kind: str = "expenses", *, plan: PlanFile
) -> ParsedImport:
    """Read the whole file with ``options`` into rows of the plan (nothing is written).

    The plan gives the currency (minor digits), the channel and action names, and what was
    imported before (so the preview can say "already in the plan"). Raises ``CsvProblem`` when
    the file as a whole cannot be read; a wrong line becomes a ``BadRow``."""
    _check_kind(kind)
    _check_options(options)
    path = Path(path)
    for name in options.mapping:
        if name not in FIELDS[kind]:
            raise CsvProblem.one(name, "unknown_field", value=name)
    for name in REQUIRED[kind]:
        if not options.mapping.get(name):
            raise CsvProblem.one(name, "not_mapped", field=name)
    data, _ = _read_bytes(path, None)
    text = _decode(data, options.encoding)
    if not text.strip():
        raise CsvProblem.one("", "empty_file")

    with plan.session() as s:
        names = _plan_names(s)
    records = _records(text, options.delimiter)
    header: list[str] = []
    if options.header_row:
        for line, cells in records:
            if line == options.header_row:
                header = [c.strip() for c in cells]
                break
            if line > options.header_row:
                raise CsvProblem.one("header_row", "no_header", line=options.header_row)
        else:
            raise CsvProblem.one("header_row", "no_header", line=options.header_row)
    columns: dict[str, int] = {}
    for name, column in options.mapping.items():
        if not column:
            continue
        index = _column_index(header, column, bool(options.header_row))
        if index is None:
            raise CsvProblem.one(name, "unknown_column", column=column)
        columns[name] = index

    reader = _Reader(kind, options, columns, names)
    lines_read = 0
    for line, cells in records:
        if _blank(cells):
            continue
        lines_read += 1
        reader.read(line, cells)
    if lines_read == 0:
        raise CsvProblem.one("", "no_rows")
    rows = reader.finish()
    parsed = ParsedImport(
        kind=kind,
        options=options,
        source=path,
        header=header,
        currency=names.currency,
        rows=rows,
        bad_rows=reader.bad,
        lines_read=lines_read,
        new_channels=reader.new_channels,
    )
    with plan.session() as s:
        _mark_status(s, parsed)
    return parsed


def _column_index(header: list[str], column: str, has_header: bool) -> int | None:
    if has_header:
        wanted = column.strip()
        for i, h in enumerate(header):
            if h == wanted:
                return i
        for i, h in enumerate(header):
            if h.casefold() == wanted.casefold():
                return i
        return None
    if column.strip().isdigit() and int(column) >= 1:
        return int(column) - 1
    return None


class _Reader:
    """Turns data lines into rows of the plan, collecting bad rows."""

    def __init__(
        self, kind: str, options: CsvOptions, columns: dict[str, int], names: _Names
    ) -> None:
        self.kind = kind
        self.options = options
        self.columns = columns
        self.names = names
        self.bad: list[BadRow] = []
        self.rows: list[ParsedRow] = []
        self.new_channels: list[str] = []
        self._new_folded: dict[str, str] = {}
        self._seen: Counter[str] = Counter()  # expenses: identical content -> occurrences
        self._months: dict[tuple[str, dt.date], ParsedRow] = {}  # results: summed per month

    # cells
    def cell(self, cells: list[str], name: str) -> str | None:
        """The cell of a mapped field (None: not mapped; "" when the line is short)."""
        index = self.columns.get(name)
        if index is None:
            return None
        return cells[index] if index < len(cells) else ""

    def column(self, name: str) -> str:
        return self.options.mapping.get(name, name)

    def fail(self, line: int, name: str, code: str, **params: Any) -> None:
        self.bad.append(BadRow(line, self.column(name) if name else "", code, params))

    def read(self, line: int, cells: list[str]) -> None:
        try:
            if self.kind == "expenses":
                self._expense(line, cells)
            else:
                self._result(line, cells)
        except _Bad:
            pass

    def _need(self, line: int, cells: list[str], name: str) -> str:
        value = (self.cell(cells, name) or "").strip()
        if not value:
            self.fail(line, name, "required")
            raise _Bad
        return value

    def _date(self, line: int, value: str) -> dt.date:
        day = _parse_date(value, self.options.date_format)
        if day is None:
            self.fail(line, "date", "bad_date", value=value, format=self.options.date_format)
            raise _Bad
        return day

    def _money(self, line: int, name: str, value: str) -> int:
        try:
            return parse_amount(value, self.options.decimal, self.names.currency)
        except DomainError as exc:
            p = exc.first
            code = "bad_amount" if p.code in ("bad_amount", "not_a_number") else p.code
            self.fail(line, name, code, **{"value": value.strip(), **p.params})
            raise _Bad from None

    def _channel(self, line: int, value: str) -> tuple[int | None, str | None]:
        folded = _fold(value)
        ids = self.names.channels.get(folded, [])
        if len(ids) == 1:
            return ids[0], None
        if len(ids) > 1:
            self.fail(line, "channel", "ambiguous_channel", value=value)
            raise _Bad
        if not self.options.create_channels:
            self.fail(line, "channel", "unknown_channel", value=value)
            raise _Bad
        problems = validate("channel", {"name": value.strip()})
        if problems:
            self.fail(line, "channel", problems[0].code, value=value, **problems[0].params)
            raise _Bad
        if folded not in self._new_folded:
            self._new_folded[folded] = value.strip()
            self.new_channels.append(value.strip())
        return None, self._new_folded[folded]

    def _validate(self, line: int, table: str, values: dict[str, Any]) -> None:
        check = dict(values)
        if check.get("channel_id") is None and table == "channel_result":
            check["channel_id"] = 0  # a channel the import creates: its id comes later
        problems = validate(table, check)
        if problems:
            p = problems[0]
            name = _field_of_column(self.kind, p.field)
            self.fail(line, name or "", p.code, **p.params)
            raise _Bad

    def _expense(self, line: int, cells: list[str]) -> None:
        day_text = self._need(line, cells, "date")
        amount_text = self._need(line, cells, "amount")
        day = self._date(line, day_text)
        amount = self._money(line, "amount", amount_text)
        if self.options.spend_negative:
            amount = -amount
        refund = False
        flag = self.cell(cells, "refund")
        if flag is not None:
            try:
                refund = _parse_flag(flag)
            except DomainError:
                self.fail(line, "refund", "bad_flag", value=flag.strip())
                raise _Bad from None
        if refund:
            amount = -abs(amount)
        elif amount < 0:
            if not self.options.negative_refunds:
                self.fail(line, "amount", "negative_amount", value=amount_text)
                raise _Bad
            refund = True
        values: dict[str, Any] = {"date": day, "amount_minor": amount, "is_refund": refund}
        new_channel = None
        channel = (self.cell(cells, "channel") or "").strip()
        if channel:
            values["channel_id"], new_channel = self._channel(line, channel)
        action = (self.cell(cells, "action") or "").strip()
        if action:
            ids = self.names.actions.get(_fold(action), [])
            if len(ids) != 1:
                code = "ambiguous_action" if ids else "unknown_action"
                self.fail(line, "action", code, value=action)
                raise _Bad
            values["action_id"] = ids[0]
        # Text is stored exactly as written (a leading "=" included): never evaluated.
        values["payee"] = _text_cell(self.cell(cells, "payee"))
        values["note"] = _text_cell(self.cell(cells, "note"))
        content = import_key(day, amount, values["payee"], values["note"], 0)
        occurrence = self._seen[content]  # identical rows before this one (good ones only)
        values["import_key"] = import_key(day, amount, values["payee"], values["note"], occurrence)
        self._validate(line, "expense", values)
        self._seen[content] += 1
        self.rows.append(ParsedRow(line, values, new_channel=new_channel, lines=[line]))

    def _result(self, line: int, cells: list[str]) -> None:
        channel = self._need(line, cells, "channel")
        month_text = self._need(line, cells, "month")
        month = _parse_month(month_text, self.options.date_format)
        if month is None:
            self.fail(line, "month", "bad_month", value=month_text, format=self.options.date_format)
            raise _Bad
        channel_id, new_channel = self._channel(line, channel)
        values: dict[str, Any] = {"channel_id": channel_id, "month": month}
        for name in ("spend", "revenue"):
            text = self.cell(cells, name)
            if text is None:
                continue
            if not text.strip():
                values[f"{name}_minor"] = None if name == "spend" else 0
                continue
            values[f"{name}_minor"] = self._money(line, name, text)
        for name in ("impressions", "clicks", "leads", "customers"):
            text = self.cell(cells, name)
            if text is None:
                continue
            if not text.strip():
                values[name] = 0
                continue
            try:
                values[name] = _parse_count(text, self.options.decimal)
            except DomainError as exc:
                self.fail(line, name, exc.first.code, **exc.first.params)
                raise _Bad from None
        self._validate(line, "channel_result", values)
        key = (_fold(channel), month)
        earlier = self._months.get(key)
        if earlier is None:
            row = ParsedRow(line, values, new_channel=new_channel, lines=[line])
            self._months[key] = row
            self.rows.append(row)
            return
        earlier.lines.append(line)
        for name, value in values.items():
            if name in ("channel_id", "month") or value is None:
                continue
            before = earlier.values.get(name)
            earlier.values[name] = value if before is None else before + value

    def finish(self) -> list[ParsedRow]:
        if self.kind == "results" and self.bad:
            # A month with a bad line would be summed from only part of its lines.
            bad_lines = {b.line for b in self.bad}
            bad_months = {
                k for k, r in self._months.items() if any(n in bad_lines for n in r.lines)
            }
            self.rows = [r for k, r in self._months.items() if k not in bad_months]
        return self.rows


class _Bad(Exception):
    """The current line is bad (already recorded)."""


def _field_of_column(kind: str, column: str) -> str | None:
    for name, col in _COLUMN_OF_FIELD[kind].items():
        if col == column:
            return name
    return None


def _mark_status(s: Session, parsed: ParsedImport) -> None:
    """What each row would do to the plan as it is now (for the preview and the counts)."""
    if parsed.kind == "expenses":
        present = _existing_keys(s, [r.values["import_key"] for r in parsed.rows])
        for r in parsed.rows:
            r.status = "present" if r.values["import_key"] in present else "new"
    else:
        existing = _existing_results(s, parsed.rows)
        for r in parsed.rows:
            old = existing.get((r.values["channel_id"], r.values["month"]))
            if old is None:
                r.status = "new"
            else:
                changes = _result_changes(old, r.values)
                r.status = "update" if changes else "present"


def _existing_keys(s: Session, keys: list[str]) -> set[str]:
    ex = table_of(Expense)
    found: set[str] = set()
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        found.update(
            k for (k,) in s.execute(select(ex.c.import_key).where(ex.c.import_key.in_(chunk)))
        )
    return found


def _existing_results(s: Session, rows: list[ParsedRow]) -> dict[tuple[int, dt.date], dict]:
    ids = sorted({r.values["channel_id"] for r in rows if r.values["channel_id"] is not None})
    cr = table_of(ChannelResult)
    out: dict[tuple[int, dt.date], dict] = {}
    for i in range(0, len(ids), 500):
        for row in s.execute(select(cr).where(cr.c.channel_id.in_(ids[i : i + 500]))).mappings():
            out[(row["channel_id"], row["month"])] = dict(row)
    return out


def _result_changes(old: Mapping[str, Any], values: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in values.items() if k not in ("channel_id", "month") and old.get(k) != v}


# --- the edit ---------------------------------------------------------------------------------


class ImportEdit(Edit):
    """One CSV import as one undo step: new channels, new expenses or new / updated monthly
    results, and the remembered options, written with bulk statements in one transaction.

    The first ``apply`` decides against the plan as it is (rows already imported are skipped,
    months already there are updated); ``revert`` takes exactly that back, and a redo replays
    it with the same ids. After ``apply``: ``added``, ``updated``, ``skipped`` and
    ``channels_created`` say what it did."""

    def __init__(
        self,
        kind: str,
        rows: list[ParsedRow],
        options: CsvOptions | None,
    ) -> None:
        self.kind = kind
        self.rows = rows
        self.options = options
        self.label = f"import_{kind}"
        self._planned = False
        self.channel_rows: list[dict[str, Any]] = []
        self.insert_rows: list[dict[str, Any]] = []
        self.updates: list[tuple[int, dict[str, Any], dict[str, Any]]] = []  # id, before, after
        self.setting_before: str | None = None
        self.setting_after: str | None = None
        self.skipped = 0

    @property
    def added(self) -> int:
        return len(self.insert_rows)

    @property
    def updated(self) -> int:
        return len(self.updates)

    @property
    def channels_created(self) -> list[str]:
        return [r["name"] for r in self.channel_rows]

    @property
    def _table(self) -> Any:
        return table_of(Expense if self.kind == "expenses" else ChannelResult)

    def _plan(self, s: Session) -> None:
        """Decide what to write, with ids, against the plan as it is now."""
        names = _plan_names(s)
        ch = table_of(Channel)
        next_channel = (s.execute(select(func.max(ch.c.id))).scalar() or 0) + 1
        position = (s.execute(select(func.max(ch.c.position))).scalar() or 0) + 1
        created: dict[str, int] = {}
        for r in self.rows:
            if r.new_channel is None:
                continue
            folded = _fold(r.new_channel)
            if folded in created:
                continue
            same_name = names.channels.get(folded)
            if same_name:  # made meanwhile by hand: use it
                created[folded] = same_name[0]
                continue
            row = {"id": next_channel, "name": r.new_channel, "color": "#4C78A8"}
            row["position"] = position
            validate_row("channel", row)
            self.channel_rows.append(row)
            created[folded] = next_channel
            next_channel += 1
            position += 1

        table = self._table
        next_id = (s.execute(select(func.max(table.c.id))).scalar() or 0) + 1
        full: list[dict[str, Any]] = []
        for r in self.rows:
            values = dict(r.values)
            if r.new_channel is not None:
                values["channel_id"] = created[_fold(r.new_channel)]
            full.append(values)
        if self.kind == "expenses":
            present = _existing_keys(s, [v["import_key"] for v in full])
            for values in full:
                if values["import_key"] in present:
                    self.skipped += 1
                    continue
                row = _with_defaults(Expense, values, next_id)
                validate_row("expense", row)
                self.insert_rows.append(row)
                next_id += 1
        else:
            rows = [ParsedRow(0, v) for v in full]
            existing = _existing_results(s, rows)
            for values in full:
                old = existing.get((values["channel_id"], values["month"]))
                if old is None:
                    row = _with_defaults(ChannelResult, values, next_id)
                    validate_row("channel_result", row)
                    self.insert_rows.append(row)
                    next_id += 1
                    continue
                changes = _result_changes(old, values)
                if not changes:
                    self.skipped += 1
                    continue
                validate_row("channel_result", {**old, **changes})
                before = {k: old[k] for k in changes}
                self.updates.append((old["id"], before, changes))

        if self.options is not None:
            key = SETTING_PREFIX + self.kind
            st = table_of(Setting)
            self.setting_before = s.execute(
                select(st.c.value).where(st.c.key == key)
            ).scalar_one_or_none()
            self.setting_after = self.options.to_json()
            validate_row("setting", {"key": key, "value": self.setting_after})
        self._planned = True

    def apply(self, s: Session) -> Change:
        if not self._planned:
            self._plan(s)
        table = self._table
        if self.channel_rows:
            s.execute(insert(table_of(Channel)), self.channel_rows)
        if self.insert_rows:
            s.execute(insert(table), self.insert_rows)
        for rid, _before, after in self.updates:
            s.execute(update(table).where(table.c.id == rid).values(**after))
        self._write_setting(s, self.setting_after)
        return self._change()

    def revert(self, s: Session) -> Change:
        table = self._table
        self._write_setting(s, self.setting_before)
        for rid, before, _after in self.updates:
            s.execute(update(table).where(table.c.id == rid).values(**before))
        if self.insert_rows:
            s.execute(
                delete(table).where(table.c.id == bindparam("rid")),
                [{"rid": r["id"]} for r in self.insert_rows],
            )
        if self.channel_rows:
            ch = table_of(Channel)
            s.execute(
                delete(ch).where(ch.c.id == bindparam("rid")),
                [{"rid": r["id"]} for r in self.channel_rows],
            )
        return self._change()

    def _write_setting(self, s: Session, value: str | None) -> None:
        if self.options is None or self.setting_before == self.setting_after:
            return
        st = table_of(Setting)
        key = SETTING_PREFIX + self.kind
        s.execute(delete(st).where(st.c.key == key))
        if value is not None:
            s.execute(insert(st).values(key=key, value=value))

    def _change(self) -> Change:
        ch = Change()
        name = self._table.name
        for r in self.insert_rows:
            ch.add(name, r["id"])
        for rid, _b, _a in self.updates:
            ch.add(name, rid)
        for r in self.channel_rows:
            ch.add("channel", r["id"])
        if self.options is not None and self.setting_before != self.setting_after:
            ch.add("setting", SETTING_PREFIX + self.kind)
        return ch


def _with_defaults(model: type, values: Mapping[str, Any], new_id: int) -> dict[str, Any]:
    """The full row as an insert stores it (the model's defaults filled in), without building
    a model object per row: that costs more than everything else of a bulk import."""
    row = dict(_defaults(model))
    row.update(values)
    row["id"] = new_id
    return row


@functools.cache
def _defaults(model: type) -> dict[str, Any]:
    out: dict[str, Any] = {}
    fields = model.model_fields  # type: ignore[attr-defined]
    for c in table_of(model).columns:
        info = fields.get(c.name)
        if info is not None and not info.is_required():
            out[c.name] = info.get_default(call_default_factory=True)
    return out


def import_edit(
    plan: PlanFile, parsed: ParsedImport, valid_only: bool = False, *, remember: bool = True
) -> ImportEdit:
    """The edit that imports ``parsed`` (run it with ``services.edits.run``; one undo step).

    All or nothing: a file with bad rows raises ``ImportRefused`` (listing them) unless
    ``valid_only``, which imports the good rows and leaves the bad ones out. With ``remember``
    the options are saved as the plan's mapping for this kind in the same step."""
    del plan  # the edit decides against the plan inside its own transaction
    if parsed.bad_rows and not valid_only:
        raise ImportRefused(parsed.bad_rows)
    return ImportEdit(parsed.kind, parsed.rows, parsed.options if remember else None)


# --- remembered mappings ------------------------------------------------------------------


def load_options(plan: PlanFile, kind: str) -> CsvOptions | None:
    """The options remembered for ``kind`` in this plan (None when none or unreadable)."""
    _check_kind(kind)
    st = table_of(Setting)
    with plan.session() as s:
        value = s.execute(
            select(st.c.value).where(st.c.key == SETTING_PREFIX + kind)
        ).scalar_one_or_none()
    if not value:
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    return CsvOptions.from_dict(data) if isinstance(data, dict) else None


def load_mapping(plan: PlanFile, kind: str) -> dict[str, str]:
    """The column mapping remembered for ``kind`` (empty when none)."""
    options = load_options(plan, kind)
    return dict(options.mapping) if options else {}


class SaveOptions(Edit):
    """Remember the options of ``kind`` (insert or replace the setting; undo restores)."""

    def __init__(self, kind: str, options: CsvOptions):
        _check_kind(kind)
        self.key = SETTING_PREFIX + kind
        self.value = options.to_json()
        self.before: str | None = None
        self.label = "save_csv_mapping"

    def apply(self, s: Session) -> Change:
        st = table_of(Setting)
        self.before = s.execute(select(st.c.value).where(st.c.key == self.key)).scalar_one_or_none()
        validate_row("setting", {"key": self.key, "value": self.value})
        self._write(s, self.value)
        return self._change()

    def revert(self, s: Session) -> Change:
        self._write(s, self.before)
        return self._change()

    def _write(self, s: Session, value: str | None) -> None:
        st = table_of(Setting)
        s.execute(delete(st).where(st.c.key == self.key))
        if value is not None:
            s.execute(insert(st).values(key=self.key, value=value))

    def _change(self) -> Change:
        ch = Change()
        ch.add("setting", self.key)
        return ch


def save_mapping_edit(kind: str, options: CsvOptions) -> Edit:
    """The edit that remembers ``options`` (mapping and file format) for ``kind``."""
    return SaveOptions(kind, options)
