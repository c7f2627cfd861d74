"""Translation workflow: ``python -m tools.i18n update|release|check|todo|fill``.

* ``update``  - run ``lupdate`` over ``mktplanner/**/*.py`` into the ``.ts`` files
  (existing translations are kept, vanished strings dropped), then ``release``.
* ``release`` - compile every ``.ts`` into the ``.qm`` next to it (``lrelease``).
* ``check``   - exit 1 listing unfinished or empty translations, source strings
  missing from (or stale in) the ``.ts``, and ``.qm`` files out of date.
* ``todo [OUT.json] [--lang en]`` - write the untranslated sources as a JSON template.
* ``fill IN.json [--lang en]`` - fill unfinished entries from ``{source: translation}``
  (context-independent; a plural entry takes a list of forms), then ``release``.
  Both default to Russian.

Files (see resources/translations/README.md):

* ``mktplanner_ru.ts`` - every string of the UI in Russian.
* ``mktplanner_en.ts`` - plural forms only (``-pluralonly``): the English source
  strings are the English UI, except ``tr("%n goal(s)", "", n)`` which needs the
  English singular/plural pair.

The Qt tools are taken from the PySide6 package folder (``lupdate``/``lrelease``),
or from ``pyside6-lupdate``/``pyside6-lrelease`` on PATH.
"""

import argparse
import ast
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_DIR = REPO / "mktplanner"
TRANSLATIONS_DIR = REPO / "resources" / "translations"


@dataclass(frozen=True)
class TsSpec:
    """One translation file and how lupdate builds it."""

    language: str
    plural_only: bool

    @property
    def ts(self) -> Path:
        return TRANSLATIONS_DIR / f"mktplanner_{self.language}.ts"

    @property
    def qm(self) -> Path:
        return self.ts.with_suffix(".qm")

    @property
    def target_language(self) -> str:
        return {"ru": "ru_RU", "en": "en"}[self.language]


TS_FILES = (TsSpec("ru", plural_only=False), TsSpec("en", plural_only=True))
RU = TS_FILES[0]


class ToolError(RuntimeError):
    """A Qt tool is missing or failed."""


# --- finding and running the Qt tools ------------------------------------------


def find_tool(name: str) -> Path:
    """``lupdate`` or ``lrelease``: inside the PySide6 package, else ``pyside6-<name>`` on PATH."""
    exe = ".exe" if sys.platform == "win32" else ""
    spec = importlib.util.find_spec("PySide6")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            for candidate in (
                Path(location) / f"{name}{exe}",
                Path(location) / "Qt" / "bin" / name,
            ):
                if candidate.is_file() and os.access(candidate, os.X_OK):
                    return candidate
    on_path = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if on_path:
        return Path(on_path)
    raise ToolError(f"{name} not found: install PySide6-Essentials (pip install -e .)")


def _run(args: list[str | Path]) -> str:
    result = subprocess.run(
        [str(a) for a in args], cwd=REPO, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise ToolError(f"{Path(str(args[0])).name} failed:\n{result.stdout}{result.stderr}")
    return result.stdout + result.stderr


def source_files() -> list[Path]:
    """Every Python file of the app, as paths relative to the repository."""
    return sorted(p.relative_to(REPO) for p in SOURCE_DIR.rglob("*.py"))


def run_lupdate(spec: TsSpec, ts_path: Path | None = None) -> str:
    """Merge the strings of the code into ``ts_path`` (default: the committed file)."""
    target = ts_path or spec.ts
    args: list[str | Path] = [
        find_tool("lupdate"),
        "-silent",
        "-no-obsolete",
        "-locations",
        "none",
        "-source-language",
        "en",
        "-target-language",
        spec.target_language,
    ]
    if spec.plural_only:
        args.append("-pluralonly")
    args += [*source_files(), "-ts", target]
    return _run(args)


def run_lrelease(ts_path: Path, qm_path: Path) -> str:
    # -nounfinished: a guess lupdate made from a similar string is never shown.
    return _run([find_tool("lrelease"), "-silent", "-nounfinished", ts_path, "-qm", qm_path])


# --- reading and writing .ts files ----------------------------------------------


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    unfinished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def done(self) -> bool:
        return not self.unfinished and bool(self.translations) and all(self.translations)


def _live_messages(root: ET.Element) -> list[tuple[str, ET.Element]]:
    """(context name, <message>) pairs, skipping obsolete and vanished entries."""
    found = []
    for context in root.iter("context"):
        name = context.findtext("name", default="")
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else ""
            if kind in ("obsolete", "vanished"):
                continue
            found.append((name, message))
    return found


def read_entries(ts_path: Path) -> list[Entry]:
    root = ET.parse(ts_path).getroot()
    entries = []
    for context, message in _live_messages(root):
        translation = message.find("translation")
        numerus = message.get("numerus") == "yes"
        if translation is None:
            texts: tuple[str, ...] = ()
            unfinished = True
        else:
            if numerus:
                texts = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                texts = (translation.text or "",)
            unfinished = translation.get("type") == "unfinished"
        entries.append(
            Entry(
                context=context,
                source=message.findtext("source", default=""),
                comment=message.findtext("comment", default=""),
                numerus=numerus,
                translations=texts,
                unfinished=unfinished,
            )
        )
    return entries


def _write_ts(root: ET.Element, ts_path: Path) -> None:
    # Same header as lupdate writes; the next `update` normalises the rest.
    body = ET.tostring(root, encoding="unicode")
    text = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n"
    ts_path.write_text(text, encoding="utf-8")


# --- the checks (shared with tests/unit/test_translations.py) ----------------------


def unfinished_entries(spec: TsSpec) -> list[Entry]:
    return [e for e in read_entries(spec.ts) if not e.done]


def source_drift(spec: TsSpec) -> tuple[set[tuple[str, str, str]], set[tuple[str, str, str]]]:
    """(in the code but not in the .ts, in the .ts but gone from the code)."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / spec.ts.name
        shutil.copyfile(spec.ts, fresh)
        run_lupdate(spec, fresh)
        in_code = {e.key for e in read_entries(fresh)}
    committed = {e.key for e in read_entries(spec.ts)}
    return in_code - committed, committed - in_code


def qm_is_current(spec: TsSpec) -> bool:
    """True when the committed .qm is byte for byte what lrelease makes of the .ts."""
    if not spec.qm.is_file():
        return False
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / spec.qm.name
        run_lrelease(spec.ts, fresh)
        return fresh.read_bytes() == spec.qm.read_bytes()


def formatted_tr_calls() -> list[str]:
    """``tr(f"...")`` calls: lupdate stores the template, the running app asks for the result.

    Such a string is never translated. Returns "file:line" for each.
    """
    found = []
    for rel in source_files():
        path = REPO / rel
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            texts = node.args[:1] if name == "tr" else node.args[1:2] if name == "translate" else []
            if any(isinstance(arg, ast.JoinedStr) for arg in texts):
                found.append(f"{rel.as_posix()}:{node.lineno}")
    return found


def _describe(key: tuple[str, str, str]) -> str:
    context, source, comment = key
    return f"[{context}] {source!r}" + (f" ({comment})" if comment else "")


def check() -> list[str]:
    """Every problem found, as lines for a developer; empty when all is in order."""
    problems = [
        f'{where}: tr() of an f-string is never translated; use tr("... {{name}}").format(name=...)'
        for where in formatted_tr_calls()
    ]
    for spec in TS_FILES:
        if not spec.ts.is_file():
            problems.append(f"{spec.ts.name}: missing (run: python -m tools.i18n update)")
            continue
        missing, stale = source_drift(spec)
        for key in sorted(missing):
            problems.append(f"{spec.ts.name}: not in the .ts yet: {_describe(key)}")
        for key in sorted(stale):
            problems.append(f"{spec.ts.name}: no longer in the code: {_describe(key)}")
        for entry in unfinished_entries(spec):
            problems.append(f"{spec.ts.name}: untranslated: {_describe(entry.key)}")
        if not qm_is_current(spec):
            problems.append(f"{spec.qm.name}: out of date (run: python -m tools.i18n release)")
    return problems


# --- bulk translation ---------------------------------------------------------------


def todo(spec: TsSpec = RU) -> dict[str, str | list[str]]:
    """Unfinished sources as a fill template: "" for a plain entry, a list for plural forms."""
    template: dict[str, str | list[str]] = {}
    for entry in unfinished_entries(spec):
        if entry.numerus:
            template[entry.source] = list(entry.translations) or [""] * 3
        else:
            template[entry.source] = entry.translations[0] if entry.translations else ""
    return template


def fill(translations: dict[str, str | list[str]], spec: TsSpec = RU) -> tuple[int, list[str]]:
    """Fill unfinished entries of ``spec``'s .ts whose source is a key of ``translations``.

    Returns (entries filled, warnings). Finished entries are never overwritten;
    empty values are skipped; a plural entry needs a list with one string per form.
    """
    tree = ET.parse(spec.ts)
    filled = 0
    warnings: list[str] = []
    for context, message in _live_messages(tree.getroot()):
        source = message.findtext("source", default="")
        value = translations.get(source)
        if not value:
            continue
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation", {"type": "unfinished"})
        if translation.get("type") != "unfinished" and (
            translation.text or list(translation.iter("numerusform"))
        ):
            continue
        if message.get("numerus") == "yes":
            forms = list(translation.iter("numerusform"))
            count = len(forms) or 3
            if not isinstance(value, list) or len(value) != count or not all(value):
                warnings.append(f"[{context}] {source!r}: plural entry needs {count} forms")
                continue
            for form in forms:
                translation.remove(form)
            translation.text = "\n            "
            for text in value:
                form = ET.SubElement(translation, "numerusform")
                form.text = text
                form.tail = "\n            "
        else:
            if not isinstance(value, str):
                warnings.append(f"[{context}] {source!r}: expected one string, got a list")
                continue
            translation.text = value
        translation.attrib.pop("type", None)
        filled += 1
    if filled:
        _write_ts(tree.getroot(), spec.ts)
    return filled, warnings


# --- command line ---------------------------------------------------------------------


def release() -> None:
    for spec in TS_FILES:
        run_lrelease(spec.ts, spec.qm)
        print(f"compiled {spec.qm.relative_to(REPO)}")


def update() -> None:
    TRANSLATIONS_DIR.mkdir(parents=True, exist_ok=True)
    for spec in TS_FILES:
        run_lupdate(spec)
        todo_count = len(unfinished_entries(spec))
        print(f"updated {spec.ts.relative_to(REPO)}: {todo_count} to translate")
    release()


def _spec(language: str) -> TsSpec:
    return next(s for s in TS_FILES if s.language == language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.i18n", description=__doc__.split("\n")[0]
    )
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("update", help="extract strings from the code into the .ts files, then release")
    sub.add_parser("release", help="compile .ts into .qm")
    sub.add_parser("check", help="fail on untranslated, missing or stale strings and old .qm")
    todo_parser = sub.add_parser("todo", help="write untranslated Russian sources as JSON")
    todo_parser.add_argument("out", nargs="?", help="output file (default: stdout)")
    fill_parser = sub.add_parser("fill", help="fill Russian translations from a JSON file")
    fill_parser.add_argument("json_file", type=Path)
    for p in (todo_parser, fill_parser):
        p.add_argument(
            "--lang",
            choices=[s.language for s in TS_FILES],
            default="ru",
            help="which .ts file (default: ru; en holds the English plural forms only)",
        )
    args = parser.parse_args(argv)

    try:
        if args.command == "update":
            update()
        elif args.command == "release":
            release()
        elif args.command == "check":
            problems = check()
            for line in problems:
                print(line)
            if problems:
                print(f"{len(problems)} translation problem(s)", file=sys.stderr)
                return 1
            print("translations are complete and compiled")
        elif args.command == "todo":
            spec = _spec(args.lang)
            text = json.dumps(todo(spec), ensure_ascii=False, indent=2) + "\n"
            if args.out:
                Path(args.out).write_text(text, encoding="utf-8")
                print(f"wrote {args.out}")
            else:
                sys.stdout.write(text)
        elif args.command == "fill":
            data = json.loads(args.json_file.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                print("the JSON file must hold one object {source: translation}", file=sys.stderr)
                return 2
            spec = _spec(args.lang)
            filled, warnings = fill(data, spec)
            for line in warnings:
                print(f"skipped {line}", file=sys.stderr)
            print(f"filled {filled} entr{'y' if filled == 1 else 'ies'} in {spec.ts.name}")
            release()
            left = len(unfinished_entries(spec))
            print(f"{left} still to translate")
    except ToolError as exc:
        print(exc, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
