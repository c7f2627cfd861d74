"""The command line: the GUI by default, and commands for batch work and for the tests.

::

    mktplanner [FILE] [--demo] [--exit-after-shown]   the application (Qt)
    mktplanner --version
    mktplanner new FILE --name NAME [--currency CODE] [--lang ru|en] [--force]
    mktplanner demo FILE [--lang ru|en] [--force] [--scale N] [--today DATE]
    mktplanner info FILE [--json]
    mktplanner summary FILE [--json] [--today DATE]
    mktplanner check FILE [--json] [--lang ru|en] [--today DATE]
    mktplanner export FILE --json OUT | --xlsx OUT | --csv DIR [--force] [--lang ru|en]
    mktplanner export FILE --pdf OUT [--lang ru|en] [--sections A,B,C] [--paper a4|letter]
                      [--landscape] [--week YYYY-Www] [--from DATE --to DATE]
                      [--prepared-for TEXT] [--logo PNG] [--force]
    mktplanner import-json IN FILE [--force]
    mktplanner import FILE --expenses CSV | --results CSV [--map FIELD=COLUMN ...]
               [--delimiter D] [--decimal .|,] [--encoding E] [--date-format F]
               [--header-row N] [--valid-only] [--create-channels] [--dry-run]
    mktplanner screenshots DIR [--plan FILE] [--lang ru|en]

Only the commands that draw import Qt or matplotlib, and only when they run: this module
imports nothing heavier than the standard library at load time (the database layer is
imported by the commands that need it). Every command is a function ``cmd_<name>(args,
out) -> int`` registered in :data:`COMMANDS` with its argparse set-up, so a later command
or option (``export --pdf``, ``import FILE --expenses CSV``, ``check FILE``) is one more
entry.

Errors go to stderr as one sentence (English or Russian: ``--lang``, else the locale
environment, ``LC_ALL`` / ``LC_MESSAGES`` / ``LANG`` starting with "ru") and an exit code:
2 for bad usage or bad input (argparse errors, a refused plan file, a value that breaks a
rule, a wrong JSON document with its path), 1 for anything else, after the traceback was
written to the log (the sentence names the log file). A user never sees a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from mktplanner import __version__
from mktplanner.domain.errors import DomainError, Problem
from mktplanner.store.errors import PlanFileError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# --- texts (the GUI translates with Qt; the CLI keeps its few sentences here) -------------

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "usage": "Wrong command line: {detail}. See mktplanner --help.",
        "unexpected": "Something went wrong ({error}); the details are in {log}.",
        "interrupted": "Interrupted.",
        "gui_missing": "The graphical interface is not part of this build; use the commands "
        "(mktplanner --help).",
        "gui_unavailable": "The graphical interface cannot start ({detail}); the commands "
        "still work (mktplanner --help).",
        "screenshots_missing": "Screenshots need the graphical interface, which is not part "
        "of this build.",
        "demo_and_file": "Give either a plan file or --demo, not both.",
        "bad_date": "{value} is not a date; write it as YYYY-MM-DD.",
        "created": "Created {path}.",
        "demo_created": "Created the demo plan {path} ({lang}).",
        "exported": "Exported {path}.",
        "pdf.unknown_section": "There is no section {name} in the meeting pack; choose from "
        "{allowed}.",
        "pdf.no_sections": "Name at least one section of the meeting pack.",
        "pdf.bad_week": "{value} is not a week; write it as YYYY-Www, e.g. 2026-W48.",
        "pdf.bad_period": "The period cannot end ({end}) before it starts ({start}).",
        "pdf.bad_paper": "{value} is not a paper size; use a4 or letter.",
        "pdf.bad_language": "{value} is not a language of the meeting pack; use ru or en.",
        "pdf.logo_unreadable": "The logo {path} cannot be read as an image.",
        "pdf.no_font": "The font for the PDF (DejaVu Sans) was not found; reinstall mktplanner.",
        "pdf.no_gui": "The PDF cannot be drawn in this process (Qt runs without its graphics "
        "module).",
        "imported": "Imported {source} into {path}.",
        "screenshots_done": "Screenshots written to {path}.",
        # plan files
        "file.not_found": "The file {path} does not exist.",
        "file.is_directory": "{path} is a folder, not a plan file.",
        "file.not_sqlite": "{path} is not a plan file (it is not an SQLite database).",
        "file.foreign": "{path} is an SQLite database but not a mktplanner plan.",
        "file.newer": "{path} was made by a newer version of mktplanner (format {version}; "
        "this one reads up to {supported}); please update the application.",
        "file.damaged": "{path} is damaged and cannot be used ({detail}).",
        "file.exists": "{path} already exists; choose another name or add --force.",
        "file.read_only": "{path} cannot be written: the file or its folder is read-only.",
        "file.disk_full": "The disk is full; {path} was not written.",
        "file.io": "{path} could not be read or written ({detail}).",
        "file.needs_migration": "{path} is in an older format; open it in mktplanner once to "
        "upgrade it (a backup is made first).",
        "file.migration_failed": "Upgrading {path} failed and the file was left as it was "
        "({detail}).",
        "file.locked": "{path} is open in another mktplanner ({holder}); close it there first.",
        "file.other": "{path} cannot be used ({code}).",
        # values and documents
        "value": "Invalid value for {field}: {reason}.",
        "document": "The JSON document is not a valid plan at {where}: {reason}.",
        "document.root": "the top level",
        "code.required": "it is required",
        "code.too_long": "it is too long (at most {max} characters)",
        "code.unknown_currency": "{value} is not a known currency code",
        "code.unknown_value": "{value} is not one of {allowed}",
        "code.out_of_range": "{value} is out of range",
        "code.wrong_type": "it has the wrong type (expected {expected})",
        "code.not_a_number": "it is not a number",
        "code.not_an_integer": "{value} is not a whole number",
        "code.not_a_date": "{value} is not a date (YYYY-MM-DD)",
        "code.negative_money": "money cannot be negative",
        "code.not_first_of_month": "a month must be given by its first day",
        "code.end_before_start": "it comes before {start_field}",
        "code.unknown_field": "there is no such field",
        "code.unknown_key": "there is no such key",
        "code.duplicate_key": "the key appears twice",
        "code.duplicate": "it appears twice",
        "code.dangling_reference": "it refers to a row that does not exist",
        "code.not_json": "it is not JSON (line {line}, column {column})",
        "code.too_large": "the file is too large",
        "code.too_deep": "it is nested too deeply",
        "code.not_a_plan_document": "it is not a mktplanner plan document",
        "code.newer_format": "it was written by a newer version (format {version})",
        "code.invalid_text": "it holds text that is not valid Unicode",
    },
    "ru": {
        "usage": "Неверная команда: {detail}. Справка: mktplanner --help.",
        "unexpected": "Что-то пошло не так ({error}); подробности записаны в {log}.",
        "interrupted": "Прервано.",
        "gui_missing": "Графический интерфейс не входит в эту сборку; используйте команды "
        "(mktplanner --help).",
        "gui_unavailable": "Графический интерфейс не запускается ({detail}); команды "
        "по-прежнему работают (mktplanner --help).",
        "screenshots_missing": "Для снимков экрана нужен графический интерфейс, а его нет "
        "в этой сборке.",
        "demo_and_file": "Укажите либо файл плана, либо --demo, но не то и другое сразу.",
        "bad_date": "{value} — не дата; пишите в виде ГГГГ-ММ-ДД.",
        "created": "Создан файл {path}.",
        "demo_created": "Создан демонстрационный план {path} ({lang}).",
        "exported": "Экспортировано в {path}.",
        "pdf.unknown_section": "В пакете к встрече нет раздела {name}; выберите из: {allowed}.",
        "pdf.no_sections": "Укажите хотя бы один раздел пакета к встрече.",
        "pdf.bad_week": "{value} — не неделя; пишите в виде ГГГГ-Wнн, например 2026-W48.",
        "pdf.bad_period": "Период не может закончиться ({end}) раньше, чем начался ({start}).",
        "pdf.bad_paper": "{value} — не формат бумаги; используйте a4 или letter.",
        "pdf.bad_language": "{value} — не язык пакета к встрече; используйте ru или en.",
        "pdf.logo_unreadable": "Логотип {path} не читается как изображение.",
        "pdf.no_font": "Шрифт для PDF (DejaVu Sans) не найден; переустановите mktplanner.",
        "pdf.no_gui": "В этом процессе PDF нарисовать нельзя (Qt работает без графики).",
        "imported": "Файл {source} импортирован в {path}.",
        "screenshots_done": "Снимки экрана сохранены в {path}.",
        "file.not_found": "Файла {path} не существует.",
        "file.is_directory": "{path} — это папка, а не файл плана.",
        "file.not_sqlite": "{path} — не файл плана (это не база SQLite).",
        "file.foreign": "{path} — база SQLite, но не план mktplanner.",
        "file.newer": "Файл {path} создан более новой версией mktplanner (формат {version}, "
        "эта версия читает до {supported}); обновите приложение.",
        "file.damaged": "Файл {path} повреждён и не может быть использован ({detail}).",
        "file.exists": "Файл {path} уже существует; выберите другое имя или добавьте --force.",
        "file.read_only": "Файл {path} нельзя записать: файл или папка только для чтения.",
        "file.disk_full": "Диск заполнен; файл {path} не записан.",
        "file.io": "Не удалось прочитать или записать {path} ({detail}).",
        "file.needs_migration": "Файл {path} в старом формате; откройте его один раз в "
        "mktplanner, чтобы обновить (сначала делается резервная копия).",
        "file.migration_failed": "Обновить {path} не удалось, файл оставлен как был ({detail}).",
        "file.locked": "Файл {path} открыт в другом mktplanner ({holder}); сначала закройте "
        "его там.",
        "file.other": "Файл {path} нельзя использовать ({code}).",
        "value": "Недопустимое значение поля {field}: {reason}.",
        "document": "JSON-документ не является корректным планом в месте {where}: {reason}.",
        "document.root": "верхний уровень",
        "code.required": "поле обязательно",
        "code.too_long": "слишком длинно (не больше {max} символов)",
        "code.unknown_currency": "{value} — неизвестный код валюты",
        "code.unknown_value": "{value} — не одно из {allowed}",
        "code.out_of_range": "{value} вне допустимого диапазона",
        "code.wrong_type": "неверный тип (ожидается {expected})",
        "code.not_a_number": "это не число",
        "code.not_an_integer": "{value} — не целое число",
        "code.not_a_date": "{value} — не дата (ГГГГ-ММ-ДД)",
        "code.negative_money": "сумма не может быть отрицательной",
        "code.not_first_of_month": "месяц задаётся его первым днём",
        "code.end_before_start": "дата раньше, чем {start_field}",
        "code.unknown_field": "такого поля нет",
        "code.unknown_key": "такого ключа нет",
        "code.duplicate_key": "ключ повторяется",
        "code.duplicate": "значение повторяется",
        "code.dangling_reference": "ссылка на несуществующую строку",
        "code.not_json": "это не JSON (строка {line}, столбец {column})",
        "code.too_large": "файл слишком большой",
        "code.too_deep": "слишком глубокая вложенность",
        "code.not_a_plan_document": "это не документ плана mktplanner",
        "code.newer_format": "документ записан более новой версией (формат {version})",
        "code.invalid_text": "текст содержит недопустимые символы",
    },
}


def text(lang: str, key: str, /, **params: Any) -> str:
    """The sentence ``key`` in ``lang`` (English when missing), with ``params`` filled in."""
    template = TEXTS.get(lang, TEXTS["en"]).get(key) or TEXTS["en"].get(key) or key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def locale_language(environ: dict[str, str] | None = None) -> str:
    """ "ru" when the locale environment says Russian (POSIX order), else "en"."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return "ru" if value.lower().startswith("ru") else "en"
    return "en"


def _lang_from_argv(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif arg.startswith("--lang="):
            value = arg.split("=", 1)[1]
        else:
            continue
        if value in ("ru", "en"):
            return value
    return None


def problem_text(lang: str, problem: Problem, *, document: bool = False) -> str:
    """One sentence for a structured problem (a field rule or a place in a JSON document)."""
    params = {
        k: (", ".join(map(str, v)) if isinstance(v, list) else v) for k, v in problem.params.items()
    }
    reason = text(lang, f"code.{problem.code}", **params)
    if reason == f"code.{problem.code}":
        reason = problem.code
    if document:
        where = problem.field or text(lang, "document.root")
        return text(lang, "document", where=where, reason=reason)
    return text(lang, "value", field=problem.field or "?", reason=reason)


def file_error_text(lang: str, exc: PlanFileError) -> str:
    params = {"detail": "", "version": "?", "supported": "?", "holder": "?", **exc.params}
    key = f"file.{exc.code}"
    if key not in TEXTS["en"]:
        return text(lang, "file.other", path=exc.path, code=exc.code)
    return text(lang, key, path=exc.path, **params)


# --- output --------------------------------------------------------------------------------


def _write(stream: IO[str], message: str) -> None:
    """Write a line; a console that cannot encode it gets UTF-8 bytes instead of a crash."""
    try:
        stream.write(message + "\n")
    except UnicodeEncodeError:
        stream.flush()
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            buffer.write((message + "\n").encode("utf-8"))
            buffer.flush()
        else:
            stream.write(message.encode("ascii", "backslashreplace").decode("ascii") + "\n")
    stream.flush()


@dataclass
class Out:
    """Where a command writes: its result on stdout, its one-sentence errors on stderr."""

    lang: str
    stdout: IO[str]
    stderr: IO[str]

    def say(self, key: str, /, **params: Any) -> None:
        _write(self.stdout, text(self.lang, key, **params))

    def print(self, message: str) -> None:
        _write(self.stdout, message)

    def error(self, message: str) -> None:
        _write(self.stderr, f"mktplanner: {message}")


# --- argparse --------------------------------------------------------------------------------


class UsageError(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as an exception (one sentence, exit code 2)."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        raise UsageError(message)


def _date_arg(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value!r} must be 1 or more")
    return number


Handler = Callable[[argparse.Namespace, Out], int]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    setup: Callable[[argparse.ArgumentParser], None]
    run: Handler


COMMANDS: dict[str, Command] = {}


def command(
    name: str, help: str, setup: Callable[[argparse.ArgumentParser], None]
) -> Callable[[Handler], Handler]:
    """Register a command: its name, one line of help, its options and its handler."""

    def register(func: Handler) -> Handler:
        COMMANDS[name] = Command(name, help, setup, func)
        return func

    return register


def build_parser() -> argparse.ArgumentParser:
    """The parser of the commands (the GUI's own options are in :func:`build_gui_parser`)."""
    parser = _Parser(
        prog="mktplanner",
        description="Marketing planning for small businesses. Without a command, "
        "'mktplanner [FILE]' opens the application (--demo: the demo plan).",
        epilog="Run 'mktplanner COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"mktplanner {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for cmd in COMMANDS.values():
        p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.help)
        cmd.setup(p)
        p.set_defaults(handler=cmd.run)
    return parser


def build_gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="mktplanner", add_help=False)
    parser.add_argument("file", nargs="?", type=Path)
    parser.add_argument("--demo", action="store_true")
    parser.add_argument("--exit-after-shown", action="store_true")
    parser.add_argument("--lang", choices=("ru", "en"), default=None)
    parser.add_argument("--version", action="version", version=f"mktplanner {__version__}")
    return parser


# --- the commands --------------------------------------------------------------------------------


def _lang_option(p: argparse.ArgumentParser, help: str) -> None:
    p.add_argument("--lang", choices=("ru", "en"), help=help)


def _setup_new(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--name", required=True, help="the plan's name")
    p.add_argument(
        "--currency", default=None, help="ISO 4217 code (default: RUB for Russian, USD for English)"
    )
    _lang_option(p, "the plan's language (default: from the locale)")
    p.add_argument("--force", action="store_true", help="replace an existing file")


@command("new", "Create an empty plan file.", _setup_new)
def cmd_new(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services.plans import new_plan

    lang = args.lang or locale_language()
    currency = args.currency or ("RUB" if lang == "ru" else "USD")
    plan = new_plan(
        args.file, name=args.name, currency=currency, language=lang, overwrite=args.force
    )
    plan.close()
    out.say("created", path=args.file)
    return EXIT_OK


def _setup_demo(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    _lang_option(p, "Russian (RUB) or English (USD); default: from the locale")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    p.add_argument(
        "--scale",
        type=_positive_int,
        default=1,
        metavar="N",
        help="N times the data, for performance work (100: about five years)",
    )
    p.add_argument(
        "--today",
        type=_date_arg,
        default=None,
        metavar="DATE",
        help="build the demo as if today were DATE (YYYY-MM-DD)",
    )


@command("demo", "Write the demo plan (a small coffee shop) to a file.", _setup_demo)
def cmd_demo(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services.demo import build_demo

    lang = args.lang or locale_language()
    plan = build_demo(args.file, lang, today=args.today, scale=args.scale, overwrite=args.force)
    plan.close()
    out.say("demo_created", path=args.file, lang=lang)
    return EXIT_OK


def _open_read_only(path: Path) -> Any:
    from mktplanner.store.planfile import PlanFile

    return PlanFile.open(path, read_only=True, backup=False)


def _setup_info(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print JSON")
    _lang_option(p, "language of the text (default: from the locale)")


@command("info", "Show a plan file's profile, format and row counts.", _setup_info)
def cmd_info(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services import queries
    from mktplanner.store.planfile import APPLICATION_ID, inspect, schema_version

    facts = inspect(args.file)
    plan = _open_read_only(args.file)
    try:
        profile = queries.profile(plan)
        counts = queries.table_counts(plan)
    finally:
        plan.close()
    info: dict[str, Any] = {
        "path": str(Path(args.file).resolve()),
        "application_id": facts.application_id,
        "application_id_ok": facts.application_id == APPLICATION_ID,
        "schema_version": facts.user_version,
        "supported_schema_version": schema_version(),
        "size_bytes": Path(args.file).stat().st_size,
        "profile": {
            "name": profile.name,
            "company": profile.company,
            "currency": profile.currency,
            "language": profile.language,
            "tactical_start": _iso(profile.tactical_start),
            "tactical_months": profile.tactical_months,
            "created": _iso(profile.created),
        },
        "counts": counts,
    }
    if args.json:
        out.print(json.dumps(info, ensure_ascii=False, indent=2))
        return EXIT_OK
    ru = (args.lang or out.lang) == "ru"
    labels = _INFO_RU if ru else _INFO_EN
    p = info["profile"]
    out.print(f"{labels['file']}: {info['path']}")
    out.print(f"{labels['plan']}: {p['name']}" + (f" — {p['company']}" if p["company"] else ""))
    out.print(f"{labels['currency']}: {p['currency']}; {labels['language']}: {p['language']}")
    out.print(f"{labels['app_id']}: {facts.application_id} (0x{facts.application_id:08X})")
    out.print(
        f"{labels['schema']}: {facts.user_version} ({labels['supported']}: "
        f"{info['supported_schema_version']})"
    )
    out.print(f"{labels['rows']}:")
    width = max(len(name) for name in counts)
    for name, count in counts.items():
        out.print(f"  {name:<{width}}  {count:>8}")
    return EXIT_OK


_INFO_EN = {
    "file": "File",
    "plan": "Plan",
    "currency": "Currency",
    "language": "language",
    "app_id": "Application id",
    "schema": "Schema version",
    "supported": "this version writes",
    "rows": "Rows",
}
_INFO_RU = {
    "file": "Файл",
    "plan": "План",
    "currency": "Валюта",
    "language": "язык",
    "app_id": "Идентификатор приложения",
    "schema": "Версия схемы",
    "supported": "эта версия пишет",
    "rows": "Строк в таблицах",
}


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


def _setup_summary(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print every figure as JSON")
    p.add_argument(
        "--today",
        type=_date_arg,
        default=None,
        metavar="DATE",
        help="compute as of DATE (YYYY-MM-DD)",
    )
    _lang_option(p, "language of the text (default: the plan's)")


@command("summary", "Print the computed summary of a plan.", _setup_summary)
def cmd_summary(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services.summary import summarize

    plan = _open_read_only(args.file)
    try:
        data = summarize(plan, args.today)
    finally:
        plan.close()
    if args.json:
        out.print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        for line in summary_text(data, args.lang or data["profile"]["language"]):
            out.print(line)
    return EXIT_OK


def _setup_check(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    _lang_option(p, "language of the findings (default: the plan's)")
    p.add_argument(
        "--today",
        type=_date_arg,
        default=None,
        metavar="DATE",
        help="check as of DATE (YYYY-MM-DD)",
    )


_CHECK_TEXTS = {
    "en": {
        "score": "Plan check of {date}: {score} ({passed} of {total} checks passed)",
        "error": "Problems ({n}):",
        "warning": "Warnings ({n}):",
        "info": "Tips ({n}):",
        "dismissed": "Dismissed ({n}):",
        "no_findings": "Nothing to report: the plan passes every check.",
        "reason": "reason: {reason}",
    },
    "ru": {
        "score": "Проверка плана на {date}: {score} (пройдено {passed} из {total} проверок)",
        "error": "Проблемы ({n}):",
        "warning": "Предупреждения ({n}):",
        "info": "Советы ({n}):",
        "dismissed": "Отклонённые ({n}):",
        "no_findings": "Замечаний нет: план проходит все проверки.",
        "reason": "причина: {reason}",
    },
}


@command(
    "check",
    "Check a plan: its findings and score; exit code 1 when a finding is a problem.",
    _setup_check,
)
def cmd_check(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services import health, queries

    plan = _open_read_only(args.file)
    try:
        report = health.check(plan, args.today)
        profile = queries.profile(plan)
    finally:
        plan.close()
    lang = args.lang or (profile.language if profile.language in _CHECK_TEXTS else out.lang)
    # The findings' sentences are the GUI's (ui/texts.py, Qt's translation of QtCore only).
    from PySide6.QtCore import QCoreApplication, QTranslator

    from mktplanner import paths
    from mktplanner.ui import texts
    from mktplanner.ui.fmt import Formatter

    # A QCoreApplication made here is shut down after use, so that a caller in the same
    # process (a test, a script) can still make its own QApplication later.
    made = QCoreApplication.instance() is None
    app = QCoreApplication.instance() or QCoreApplication([sys.argv[0] if sys.argv else "x"])
    translator = QTranslator()
    installed = lang != "en" and translator.load(
        f"mktplanner_{lang}", str(paths.translations_dir())
    )
    if installed:
        app.installTranslator(translator)
    try:
        fmt = Formatter(lang, profile.currency)
        words = [
            (
                f,
                texts.finding_text(f.code, dict(f.params), fmt),
                texts.next_step_text(f.next_step),
                texts.level_label(f.level.value),
            )
            for f in report.findings
        ]
    finally:
        if installed:
            app.removeTranslator(translator)
        if made:
            app.shutdown()
    if args.json:
        data = health.report_to_dict(report)
        data["language"] = lang
        for item, (_f, message, step, _level) in zip(data["findings"], words, strict=True):
            item["message"] = message
            item["next_step_text"] = step
        out.print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        t = _CHECK_TEXTS[lang]
        out.print(
            t["score"].format(
                date=fmt.date(report.today),
                score=fmt.percent(report.score),
                passed=report.passed,
                total=report.total,
            )
        )
        if not report.active:
            out.print(t["no_findings"])
        for key in ("error", "warning", "info", "dismissed"):
            group = [
                w
                for w in words
                if (w[0].dismissed if key == "dismissed" else not w[0].dismissed)
                and (key == "dismissed" or w[0].severity.value == key)
            ]
            if not group:
                continue
            out.print(t[key].format(n=len(group)))
            for f, message, step, level in group:
                after = t["reason"].format(reason=f.dismiss_reason or "—") if f.dismissed else step
                out.print(f"  [{level}] {message}" + (f" — {after}" if after else ""))
    return EXIT_FAILURE if report.has_errors else EXIT_OK


def _setup_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    _lang_option(
        p,
        "language of the messages (default: from the locale), of the tables' headers and of "
        "the PDF (default: the plan's language)",
    )
    formats = p.add_mutually_exclusive_group(required=True)
    # One option per format; --pdf, --xlsx, --csv join this group.
    formats.add_argument(
        "--json", type=Path, metavar="OUT", help="write the whole plan as a JSON document to OUT"
    )
    formats.add_argument(
        "--xlsx",
        type=Path,
        metavar="OUT",
        help="write the whole plan as an Excel workbook (a sheet per table) to OUT",
    )
    formats.add_argument(
        "--csv", type=Path, metavar="DIR", help="write one CSV file per table into the folder DIR"
    )
    formats.add_argument(
        "--pdf", type=Path, metavar="OUT", help="write the meeting pack (a PDF) to OUT"
    )
    p.add_argument(
        "--force", action="store_true", help="replace existing --xlsx / --csv / --pdf output"
    )
    _pdf_options(p)


def _pdf_options(p: argparse.ArgumentParser) -> None:
    """Options of ``export --pdf`` (the PDF's language is --lang, else the plan's language)."""
    pdf = p.add_argument_group("PDF meeting pack (--pdf)")
    pdf.add_argument(
        "--sections",
        metavar="A,B,C",
        help="sections to include, from: cover, contents, summary, swot, goals, timeline, "
        "weekly, budget, results, hypotheses, check (default: all)",
    )
    pdf.add_argument("--paper", choices=("a4", "letter"), default=None, help="default: a4")
    pdf.add_argument("--landscape", action="store_true", help="landscape pages")
    pdf.add_argument(
        "--week", metavar="YYYY-Www", help="week of the weekly plans (default: this week)"
    )
    pdf.add_argument("--from", dest="period_from", type=_date_arg, metavar="DATE",
                     help="first day of the period (default: the tactical period's)")  # fmt: skip
    pdf.add_argument("--to", dest="period_to", type=_date_arg, metavar="DATE",
                     help="last day of the period (default: the tactical period's)")  # fmt: skip
    pdf.add_argument("--prepared-for", metavar="TEXT", help="the client named on the cover")
    pdf.add_argument("--logo", type=Path, metavar="PNG", help="a logo for the cover")


_PDF_ONLY = ("sections", "paper", "landscape", "week", "period_from", "period_to",
             "prepared_for", "logo")  # fmt: skip


def _export_pdf(args: argparse.Namespace, out: Out) -> int:
    """export FILE --pdf OUT: the meeting pack (report/meeting_pack.py)."""
    from mktplanner.report import meeting_pack as mp

    try:
        options = mp.PackOptions(
            sections=mp.parse_sections(args.sections) if args.sections else mp.SECTIONS,
            language=args.lang,
            paper=args.paper or "a4",
            landscape=args.landscape,
            week=mp.parse_week(args.week) if args.week else None,
            period_from=args.period_from,
            period_to=args.period_to,
            prepared_for=args.prepared_for or "",
            logo=args.logo,
        ).validated()
        if not args.force and args.pdf.exists():
            raise PlanFileError("exists", args.pdf)
        plan = _open_read_only(args.file)
        made = mp.ensure_gui()
        try:
            written = mp.build_meeting_pack(plan, args.pdf, options, overwrite=args.force)
        finally:
            plan.close()
            if made:
                mp.release_gui()
    except mp.PackError as exc:
        out.error(text(out.lang, f"pdf.{exc.code}", **{k: str(v) for k, v in exc.params.items()}))
        return EXIT_USAGE
    out.say("exported", path=written)
    return EXIT_OK


@command("export", "Export a plan to another format.", _setup_export)
def cmd_export(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services.exchange import export_json

    if getattr(args, "pdf", None) is not None:
        return _export_pdf(args, out)
    if any(getattr(args, name, None) not in (None, False) for name in _PDF_ONLY):
        raise UsageError("--sections, --paper, --landscape, --week, --from, --to, "
                         "--prepared-for and --logo go with --pdf")  # fmt: skip
    if getattr(args, "xlsx", None) is not None or getattr(args, "csv", None) is not None:
        return _export_tables(args, out)
    plan = _open_read_only(args.file)
    try:
        written = export_json(plan, args.json)
    finally:
        plan.close()
    out.say("exported", path=written)
    return EXIT_OK


def _setup_import_json(p: argparse.ArgumentParser) -> None:
    p.add_argument("source", type=Path, metavar="IN")
    p.add_argument("file", type=Path, metavar="FILE")
    p.add_argument("--force", action="store_true", help="replace an existing FILE")
    _lang_option(p, "language of the messages (default: from the locale)")


@command("import-json", "Make a new plan file from a JSON document.", _setup_import_json)
def cmd_import_json(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services.exchange import import_json

    plan = import_json(args.source, args.file, force=args.force)
    plan.close()
    out.say("imported", source=args.source, path=args.file)
    return EXIT_OK


def _export_tables(args: argparse.Namespace, out: Out) -> int:
    """--xlsx OUT / --csv DIR (report/tables.py); headers in --lang, else the plan's language."""
    from mktplanner.report import tables
    from mktplanner.services.queries import profile

    plan = _open_read_only(args.file)
    try:
        lang = args.lang or profile(plan).language
        if args.xlsx is not None:
            written = tables.export_xlsx(plan, args.xlsx, lang=lang, force=args.force)
        else:
            tables.export_csv(plan, args.csv, lang=lang, force=args.force)
            written = args.csv
    finally:
        plan.close()
    out.say("exported", path=written)
    return EXIT_OK


# --- CSV import (services/importers.py) -------------------------------------------------------

_CSV_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "done.expenses": "Expenses from {source} imported into {path}: added {added}, "
        "already there {skipped}{left_out}{channels}.",
        "done.results": "Results from {source} imported into {path}: months added {added}, "
        "updated {updated}, unchanged {skipped}{left_out}{channels}.",
        "dry.expenses": "{source}: new expenses {new}, already in {path} {present}, "
        "bad rows {bad}; nothing was written (--dry-run).",
        "dry.results": "{source}: new months {new}, to update {update}, unchanged {present}, "
        "bad rows {bad}; nothing was written (--dry-run).",
        "left_out": ", bad rows left out {n}",
        "channels": ", new channels: {names}",
        "refused": "Bad rows in {source}: {n}; nothing was imported. Fix them, or add "
        "--valid-only to import the other rows ({good}):",
        "bad_row": "  line {line}{column}: {reason}",
        "column": ", column «{column}»",
        "bad_map": "--map takes FIELD=COLUMN, for example --map date=Date (not {value!r})",
        # bad rows
        "row.required": "the cell is empty",
        "row.bad_date": "{value} is not a date in the format {format}",
        "row.bad_month": "{value} is not a month (like {format}, 2025-01 or 01.2025)",
        "row.bad_amount": "{value} is not an amount (check --decimal)",
        "row.too_precise": "{value} has more than {digits} decimal places",
        "row.negative_amount": "{value} is negative; if it is a refund, add --negative-refunds "
        "or map a refund column",
        "row.unknown_channel": "the plan has no channel named {value} (--create-channels "
        "creates it)",
        "row.ambiguous_channel": "the plan has several channels named {value}",
        "row.unknown_action": "the plan has no action named {value}",
        "row.ambiguous_action": "the plan has several actions named {value}",
        "row.bad_flag": "{value} is neither yes nor no",
        "row.not_a_number": "{value} is not a number",
        "row.not_whole_number": "{value} is not a whole number",
        "row.out_of_range": "{value} is out of range",
        "row.negative_money": "an amount cannot be negative here",
        "row.too_long": "the text is too long (at most {max} characters)",
        "row.other": "it is not valid ({code})",
        # the file as a whole
        "csv.empty_file": "{source} is empty.",
        "csv.no_rows": "{source} has a header but no rows.",
        "csv.too_large": "{source} is too large to import.",
        "csv.bad_encoding": "{source} is not {encoding} text (line {line}); try --encoding "
        "cp1251 or utf-8.",
        "csv.unknown_encoding": "{value} is not a known encoding.",
        "csv.bad_csv": "{source} cannot be read as CSV (line {line}: {detail}).",
        "csv.bad_option": "--{option} {value!r} cannot be used here.",
        "csv.unknown_field": "{value} is not a field of this import; fields: {fields}.",
        "csv.not_mapped": "Which column holds the {field}? Add --map {field}=COLUMN "
        "(the columns: {columns}).",
        "csv.unknown_column": "{source} has no column {column!r} (the columns: {columns}).",
        "csv.no_header": "{source} has no header on line {line} (see --header-row).",
        "csv.other": "{source} cannot be imported ({code}).",
    },
    "ru": {
        "done.expenses": "Расходы из {source} импортированы в {path}: добавлено {added}, "
        "уже были {skipped}{left_out}{channels}.",
        "done.results": "Результаты из {source} импортированы в {path}: добавлено месяцев "
        "{added}, обновлено {updated}, без изменений {skipped}{left_out}{channels}.",
        "dry.expenses": "{source}: новых расходов {new}, уже есть в {path} {present}, "
        "ошибочных строк {bad}; ничего не записано (--dry-run).",
        "dry.results": "{source}: новых месяцев {new}, к обновлению {update}, без изменений "
        "{present}, ошибочных строк {bad}; ничего не записано (--dry-run).",
        "left_out": ", пропущено ошибочных строк {n}",
        "channels": ", новые каналы: {names}",
        "refused": "Ошибочных строк в {source}: {n}; ничего не импортировано. Исправьте их "
        "или добавьте --valid-only, чтобы импортировать остальные строки ({good}):",
        "bad_row": "  строка {line}{column}: {reason}",
        "column": ", столбец «{column}»",
        "bad_map": "--map задаётся как ПОЛЕ=СТОЛБЕЦ, например --map date=Дата (а не {value!r})",
        "row.required": "ячейка пуста",
        "row.bad_date": "{value} — не дата в формате {format}",
        "row.bad_month": "{value} — не месяц (пишите как {format}, 2025-01 или 01.2025)",
        "row.bad_amount": "{value} — не сумма (проверьте --decimal)",
        "row.too_precise": "в {value} больше {digits} знаков после запятой",
        "row.negative_amount": "{value} — отрицательная сумма; если это возврат, добавьте "
        "--negative-refunds или укажите столбец возврата",
        "row.unknown_channel": "в плане нет канала «{value}» (--create-channels создаст его)",
        "row.ambiguous_channel": "в плане несколько каналов «{value}»",
        "row.unknown_action": "в плане нет мероприятия «{value}»",
        "row.ambiguous_action": "в плане несколько мероприятий «{value}»",
        "row.bad_flag": "{value} — ни «да», ни «нет»",
        "row.not_a_number": "{value} — не число",
        "row.not_whole_number": "{value} — не целое число",
        "row.out_of_range": "{value} вне допустимого диапазона",
        "row.negative_money": "сумма здесь не может быть отрицательной",
        "row.too_long": "текст слишком длинный (не больше {max} символов)",
        "row.other": "значение недопустимо ({code})",
        "csv.empty_file": "Файл {source} пуст.",
        "csv.no_rows": "В {source} есть заголовок, но нет строк.",
        "csv.too_large": "Файл {source} слишком большой для импорта.",
        "csv.bad_encoding": "{source} — не текст в кодировке {encoding} (строка {line}); "
        "попробуйте --encoding cp1251 или utf-8.",
        "csv.unknown_encoding": "{value} — неизвестная кодировка.",
        "csv.bad_csv": "{source} не читается как CSV (строка {line}: {detail}).",
        "csv.bad_option": "--{option} {value!r} здесь не подходит.",
        "csv.unknown_field": "{value} — не поле этого импорта; поля: {fields}.",
        "csv.not_mapped": "В каком столбце {field}? Добавьте --map {field}=СТОЛБЕЦ "
        "(столбцы: {columns}).",
        "csv.unknown_column": "В {source} нет столбца {column!r} (столбцы: {columns}).",
        "csv.no_header": "В {source} нет заголовка в строке {line} (см. --header-row).",
        "csv.other": "{source} нельзя импортировать ({code}).",
    },
}


def _csv_text(lang: str, key: str, /, **params: Any) -> str:
    table = _CSV_TEXTS.get(lang, _CSV_TEXTS["en"])
    template = table.get(key) or _CSV_TEXTS["en"].get(key) or key
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return template


def _human_date_format(fmt: str, lang: str) -> str:
    parts = {"%d": "DD", "%m": "MM", "%Y": "YYYY", "%y": "YY"}
    if lang == "ru":
        parts = {"%d": "ДД", "%m": "ММ", "%Y": "ГГГГ", "%y": "ГГ"}
    for k, v in parts.items():
        fmt = fmt.replace(k, v)
    return fmt


def _delimiter_arg(value: str) -> str:
    named = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
    return named.get(value.lower(), value)


def _setup_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, metavar="FILE")
    kind = p.add_mutually_exclusive_group(required=True)
    kind.add_argument("--expenses", type=Path, metavar="CSV", help="import expenses from CSV")
    kind.add_argument(
        "--results", type=Path, metavar="CSV", help="import channel results (per month) from CSV"
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="which column holds a field (expenses: date, amount, channel, action, payee, note, "
        "refund; results: channel, month, spend, impressions, clicks, leads, customers, "
        "revenue); default: the plan's remembered mapping, else guessed from the header",
    )
    p.add_argument("--delimiter", type=_delimiter_arg, help="';', ',', 'tab' or '|' (guessed)")
    p.add_argument("--decimal", choices=(".", ","), help="decimal point or comma (guessed)")
    p.add_argument("--encoding", help="utf-8, utf-8-sig or cp1251 (guessed)")
    p.add_argument("--date-format", help="strptime format, e.g. %%d.%%m.%%Y (guessed)")
    p.add_argument("--header-row", type=int, metavar="N", help="line of the header (0: none)")
    for name, help_text in (
        ("negative-refunds", "a negative amount is a refund"),
        ("spend-negative", "the file writes spending as negative amounts (bank statements)"),
        ("create-channels", "create the channels the plan does not have"),
    ):
        p.add_argument(f"--{name}", action=argparse.BooleanOptionalAction, help=help_text)
    p.add_argument(
        "--valid-only", action="store_true", help="import the valid rows, leave out the bad ones"
    )
    p.add_argument("--dry-run", action="store_true", help="check and count, write nothing")
    _lang_option(p, "language of the messages (default: from the locale)")


@command("import", "Import expenses or channel results from a CSV file.", _setup_import)
def cmd_import(args: argparse.Namespace, out: Out) -> int:
    from mktplanner.services import importers
    from mktplanner.services.edits import run
    from mktplanner.store.planfile import PlanFile

    kind = "expenses" if args.expenses is not None else "results"
    source: Path = args.expenses if args.expenses is not None else args.results
    mapping: dict[str, str] = {}
    for item in args.map:
        name, sep, column = item.partition("=")
        if not sep or not name.strip() or not column.strip():
            raise UsageError(_csv_text(out.lang, "bad_map", value=item))
        mapping[name.strip()] = column.strip()

    plan = PlanFile.open(args.file)
    try:
        if plan.read_only and not args.dry_run:
            if plan.lock_holder:
                raise PlanFileError("locked", plan.path, holder=plan.lock_holder)
            raise PlanFileError("read_only", plan.path)
        sniffed = None
        try:
            sniffed = importers.sniff(source)
            options = _import_options(importers, plan, kind, sniffed, args, mapping)
            parsed = importers.parse(source, options, kind, plan=plan)
        except importers.CsvProblem as exc:
            out.error(_csv_problem_text(out.lang, exc, source, kind, sniffed))
            return EXIT_USAGE
        if args.dry_run:
            out.print(
                _csv_text(
                    out.lang,
                    f"dry.{kind}",
                    source=source,
                    path=args.file,
                    new=parsed.count("new"),
                    present=parsed.count("present"),
                    update=parsed.count("update"),
                    bad=len(parsed.bad_lines),
                )
            )
            _print_bad_rows(out, parsed, source, header=False)
            return EXIT_USAGE if parsed.bad_rows else EXIT_OK
        if parsed.bad_rows and not args.valid_only:
            _print_bad_rows(out, parsed, source, header=True)
            return EXIT_USAGE
        edit = importers.import_edit(plan, parsed, valid_only=args.valid_only)
        run(plan, edit)
    finally:
        plan.close()
    bad = len(parsed.bad_lines)
    out.print(
        _csv_text(
            out.lang,
            f"done.{kind}",
            source=source,
            path=args.file,
            added=edit.added,
            updated=edit.updated,
            skipped=edit.skipped,
            left_out=_csv_text(out.lang, "left_out", n=bad) if bad else "",
            channels=_csv_text(out.lang, "channels", names=", ".join(edit.channels_created))
            if edit.channels_created
            else "",
        )
    )
    return EXIT_OK


def _import_options(
    importers: Any,
    plan: Any,
    kind: str,
    sniffed: Any,
    args: argparse.Namespace,
    mapping: dict[str, str],
) -> Any:
    """Explicit options first, then the plan's remembered ones when they fit this file's
    header, then what was guessed from the file."""
    options = sniffed.options(kind)
    remembered = importers.load_options(plan, kind)
    header = set(sniffed.header)
    if remembered is not None and remembered.mapping:
        if set(remembered.mapping.values()) <= header or remembered.header_row == 0:
            options = remembered
    for name in ("delimiter", "decimal", "encoding", "date_format", "header_row"):
        value = getattr(args, name)
        if value is not None:
            setattr(options, name, value)
    for name in ("negative_refunds", "spend_negative", "create_channels"):
        value = getattr(args, name)
        if value is not None:
            setattr(options, name, value)
    if mapping:
        options.mapping = {**options.mapping, **mapping}
    return options


def _print_bad_rows(out: Out, parsed: Any, source: Path, *, header: bool) -> None:
    if not parsed.bad_rows:
        return
    if header:
        good = len(parsed.rows)
        out.error(_csv_text(out.lang, "refused", source=source, n=len(parsed.bad_lines), good=good))
    for bad in parsed.bad_rows:
        params = dict(bad.params)
        if "format" in params:
            params["format"] = _human_date_format(str(params["format"]), out.lang)
        reason = _csv_text(out.lang, f"row.{bad.code}", code=bad.code, **params)
        if reason == f"row.{bad.code}":
            reason = _csv_text(out.lang, "row.other", code=bad.code)
        column = _csv_text(out.lang, "column", column=bad.column) if bad.column else ""
        _write(
            out.stderr, _csv_text(out.lang, "bad_row", line=bad.line, column=column, reason=reason)
        )


def _csv_problem_text(lang: str, exc: DomainError, source: Path, kind: str, sniffed: Any) -> str:
    from mktplanner.services.importers import FIELDS

    p = exc.first
    columns = ", ".join(repr(h) for h in (sniffed.header if sniffed is not None else [])) or "—"
    params: dict[str, Any] = {"line": "?", "detail": "", "encoding": "", "value": "", **p.params}
    params.update(
        source=source,
        option=p.field.replace("_", "-"),
        columns=columns,
        fields=", ".join(FIELDS[kind]),
    )
    key = f"csv.{p.code}"
    if key not in _CSV_TEXTS["en"]:
        return _csv_text(lang, "csv.other", source=source, code=p.code)
    return _csv_text(lang, key, **params)


def _setup_screenshots(p: argparse.ArgumentParser) -> None:
    p.add_argument("folder", type=Path, metavar="DIR")
    p.add_argument(
        "--plan",
        type=Path,
        metavar="FILE",
        default=None,
        help="the plan to show (default: the demo)",
    )
    _lang_option(p, "interface language (default: from the locale)")


@command(
    "screenshots", "Render every page of the application to PNG files in DIR.", _setup_screenshots
)
def cmd_screenshots(args: argparse.Namespace, out: Out) -> int:
    try:
        from mktplanner.ui import screenshots
    except ModuleNotFoundError as exc:
        if exc.name in ("mktplanner.ui.screenshots", "mktplanner.ui"):
            out.error(text(out.lang, "screenshots_missing"))
            return EXIT_FAILURE
        return _gui_unavailable(exc, out)
    except ImportError as exc:
        return _gui_unavailable(exc, out)
    code = screenshots.main(args.folder, plan=args.plan, lang=args.lang)
    if not code:
        out.say("screenshots_done", path=args.folder)
    return int(code or 0)


# --- the GUI ---------------------------------------------------------------------------------


def _gui_unavailable(exc: BaseException, out: Out) -> int:
    from mktplanner.logsetup import log_exception

    log_exception(exc, "start the graphical interface")
    out.error(text(out.lang, "gui_unavailable", detail=str(exc) or type(exc).__name__))
    return EXIT_FAILURE


def run_gui(argv: Sequence[str], out: Out) -> int:
    args, extra = build_gui_parser().parse_known_args(list(argv))
    # Qt's own options pass through (``-platform offscreen``); a stray word is a usage error.
    unknown = [
        a
        for i, a in enumerate(extra)
        if not a.startswith("-")
        and not (i and extra[i - 1].startswith("-") and "=" not in extra[i - 1])
    ]
    if unknown:
        raise UsageError(f"unrecognized arguments: {' '.join(unknown)}")
    if args.demo and args.file is not None:
        out.error(text(out.lang, "demo_and_file"))
        return EXIT_USAGE
    try:
        from mktplanner.ui import app
    except ModuleNotFoundError as exc:
        if exc.name in ("mktplanner.ui.app", "mktplanner.ui"):
            out.error(text(out.lang, "gui_missing"))
            return EXIT_FAILURE
        return _gui_unavailable(exc, out)
    except ImportError as exc:  # e.g. Qt's shared libraries missing
        return _gui_unavailable(exc, out)
    wanted = {
        "demo": args.demo,
        "exit_after_shown": args.exit_after_shown,
        "lang": args.lang,
        "extra_args": list(extra),
    }
    # Pass what this build's GUI takes (its options grow with it; Qt's own go in extra_args).
    import inspect

    accepted = inspect.signature(app.run).parameters
    kwargs = {k: v for k, v in wanted.items() if k in accepted}
    path = None if args.file is None else str(args.file)
    return int(app.run(path, **kwargs) or 0)


# --- main ------------------------------------------------------------------------------------


def main(
    argv: Sequence[str] | None = None,
    *,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
) -> int:
    """Run the command line; returns the exit code (never raises, never shows a traceback)."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    lang = _lang_from_argv(args_list) or locale_language()
    out = Out(lang, stdout or sys.stdout, stderr or sys.stderr)
    try:
        first = args_list[0] if args_list else ""
        if first in COMMANDS or first in ("-h", "--help"):
            args = build_parser().parse_args(args_list)
            return int(args.handler(args, out))
        return run_gui(args_list, out)
    except SystemExit as exc:  # --help and --version print and exit
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_FAILURE)
    except UsageError as exc:
        out.error(text(lang, "usage", detail=exc.message.rstrip(".")))
        return EXIT_USAGE
    except PlanFileError as exc:
        out.error(file_error_text(lang, exc))
        return EXIT_USAGE
    except DomainError as exc:
        out.error(problem_text(lang, exc.first, document=_is_import_problem(exc)))
        return EXIT_USAGE
    except KeyboardInterrupt:
        out.error(text(lang, "interrupted"))
        return 130
    except BrokenPipeError:
        # The reader went away (`mktplanner check plan | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain.
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 - the last line of defence: log, one sentence
        from mktplanner.logsetup import log_exception

        log = log_exception(exc, "mktplanner " + " ".join(args_list[:1]))
        out.error(text(lang, "unexpected", error=type(exc).__name__, log=log))
        return EXIT_FAILURE


def _is_import_problem(exc: DomainError) -> bool:
    module = sys.modules.get("mktplanner.services.exchange")
    cls = getattr(module, "ImportProblem", None) if module else None
    return cls is not None and isinstance(exc, cls)


# --- the summary as text --------------------------------------------------------------------------

_SUMMARY_EN: dict[str, Any] = {
    "period": "Tactical period {start} – {end} ({months} months), currency {currency}",
    "goals": "Goals: {n}",
    "goal": "  [{id}] {title}: {letters}, progress {progress} (expected {expected}), {track}",
    "week": "Week {week}: {planned} h planned of {capacity} h capacity",
    "over": "  over capacity: {name}, {planned} h of {capacity} h",
    "budget": "Budget: plan {plan}, spent {actual}, variance {variance}",
    "gap": "  bottom-up: {status} (actions need {needed} of {fixed})",
    "control": "Control point {subject}: {status}, spent {spent} of {limit} this {cadence}",
    "channel": "  {name}: CPL {cpl}, ROMI {romi}, spend share {share}",
    "channels": "Channels:",
    "hint": "  hint: leads from {cheap} cost {ratio}× less than from {expensive}",
    "hypotheses": "Hypotheses: {decided} decided, {running} running, {other} other",
    "thread": "Golden thread: {hours} of this week's hours and {spend} of spend trace to a goal",
    "budget_all": "the whole budget",
    "track": {
        "on_track": "on track",
        "off_track": "OFF TRACK",
        "reached": "reached",
        "unknown": "track unknown",
    },
    "status": {
        "ok": "ok",
        "warning": "warning",
        "over": "OVER",
        "overdue": "overdue",
        "unplanned": "unplanned spend",
        "short": "short by {amount}",
        "unallocated": "{amount} unallocated",
        "balanced": "balanced",
    },
    "cadence": {"daily": "day", "weekly": "week", "monthly": "month"},
}
_SUMMARY_RU: dict[str, Any] = {
    "period": "Тактический период {start} – {end} ({months} мес.), валюта {currency}",
    "goals": "Цели: {n}",
    "goal": "  [{id}] {title}: {letters}, прогресс {progress} (ожидается {expected}), {track}",
    "week": "Неделя {week}: запланировано {planned} ч при ёмкости {capacity} ч",
    "over": "  перегрузка: {name}, {planned} ч при ёмкости {capacity} ч",
    "budget": "Бюджет: план {plan}, потрачено {actual}, отклонение {variance}",
    "gap": "  снизу: {status} (мероприятиям нужно {needed} из {fixed})",
    "control": "Точка контроля {subject}: {status}, потрачено {spent} из {limit} за {cadence}",
    "channel": "  {name}: цена заявки {cpl}, ROMI {romi}, доля расходов {share}",
    "channels": "Каналы:",
    "hint": "  подсказка: заявки из «{cheap}» в {ratio} раза дешевле, чем из «{expensive}»",
    "hypotheses": "Гипотезы: решено {decided}, идёт {running}, прочие {other}",
    "thread": "Золотая нить: к целям ведут {hours} часов этой недели и {spend} расходов",
    "budget_all": "весь бюджет",
    "track": {
        "on_track": "по плану",
        "off_track": "ОТСТАЁТ",
        "reached": "достигнута",
        "unknown": "оценить нельзя",
    },
    "status": {
        "ok": "в норме",
        "warning": "близко к лимиту",
        "over": "ПЕРЕРАСХОД",
        "overdue": "проверка просрочена",
        "unplanned": "незапланированные траты",
        "short": "не хватает {amount}",
        "unallocated": "не распределено {amount}",
        "balanced": "сходится",
    },
    "cadence": {"daily": "день", "weekly": "неделю", "monthly": "месяц"},
}


def summary_text(data: dict[str, Any], lang: str) -> list[str]:
    """A short readable summary (the figures of :func:`summarize`) in ``lang``."""
    from babel.numbers import format_currency, format_percent

    from mktplanner.domain.money import to_major

    t: dict[str, Any] = _SUMMARY_RU if lang == "ru" else _SUMMARY_EN
    locale = "ru_RU" if lang == "ru" else "en_US"
    currency = data["currency"]

    def money(minor: int | None) -> str:
        if minor is None:
            return "—"
        return format_currency(to_major(minor, currency), currency, locale=locale)

    def pct(value: float | None) -> str:
        return "—" if value is None else format_percent(value, locale=locale)

    def num(value: float | None) -> str:
        return "—" if value is None else f"{value:g}"

    p = data["profile"]
    lines = [p["name"] + (f" — {p['company']}" if p["company"] else "")]
    lines.append(
        t["period"].format(
            start=p["tactical_start"],
            end=p["tactical_end"],
            months=p["tactical_months"],
            currency=currency,
        )
    )
    lines.append(t["goals"].format(n=len(data["goals"])))
    for g in data["goals"]:
        lines.append(
            t["goal"].format(
                id=g["id"],
                title=g["title"],
                letters=g["smart"]["letters"],
                progress=pct(g["progress"]),
                expected=pct(g["expected"]),
                track=t["track"].get(g["track"], g["track"]),
            )
        )
    week = data["golden_thread"]["week"]
    this_week = [c for c in data["capacity"] if c["week"] == week]
    if this_week:
        planned = sum(c["planned_hours"] for c in this_week)
        capacity = sum(c["capacity_hours"] for c in this_week)
        lines.append(
            t["week"].format(
                week=week, planned=num(round(planned, 1)), capacity=num(round(capacity, 1))
            )
        )
        for c in this_week:
            if c["level"] == "red":
                lines.append(
                    t["over"].format(
                        name=c["person"],
                        planned=num(c["planned_hours"]),
                        capacity=num(c["capacity_hours"]),
                    )
                )
    b = data["budget"]
    lines.append(
        t["budget"].format(
            plan=money(b["plan_minor"]),
            actual=money(b["actual_minor"]),
            variance=money(b["variance_minor"]),
        )
    )
    gap = b["gap"]
    if gap["status"] is not None:
        amount = money(
            gap["short_by_minor"] if gap["status"] == "short" else gap["unallocated_minor"]
        )
        status = t["status"][gap["status"]].format(amount=amount)
        lines.append(
            t["gap"].format(
                status=status, needed=money(gap["needed_minor"]), fixed=money(gap["fixed_minor"])
            )
        )
    for cp in data["control_points"]:
        lines.append(
            t["control"].format(
                subject=cp["subject"] or t["budget_all"],
                status=t["status"].get(cp["status"], cp["status"]),
                spent=money(cp["spent_minor"]),
                limit=money(cp["limit_minor"]),
                cadence=t["cadence"].get(cp["cadence"], cp["cadence"]),
            )
        )
    with_results = [c for c in data["channels"] if c["months"]]
    if with_results:
        lines.append(t["channels"])
        for c in with_results:
            lines.append(
                t["channel"].format(
                    name=c["name"],
                    cpl=money(c["cpl_minor"]),
                    romi=pct(c["romi"]),
                    share=pct(c["spend_share"]),
                )
            )
    if data["reallocation"]:
        h = data["reallocation"][0]
        lines.append(
            t["hint"].format(cheap=h["cheap"], expensive=h["expensive"], ratio=f"{h['ratio']:.1f}")
        )
    states = [h["state"] for h in data["hypotheses"]]
    if states:
        decided, running = states.count("decided"), states.count("running")
        lines.append(
            t["hypotheses"].format(
                decided=decided, running=running, other=len(states) - decided - running
            )
        )
    gt = data["golden_thread"]
    lines.append(t["thread"].format(hours=pct(gt["hours_share"]), spend=pct(gt["spend_share"])))
    return lines


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
