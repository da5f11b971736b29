"""Refresh the interface translations: extract the strings of src/minutes/ui and the core's messages into the
.ts files, compile the .qm.

    .venv/bin/python tools/update_translations.py            # update every resources/translations/minutes_*.ts
    .venv/bin/python tools/update_translations.py --check    # change nothing; fail if anything is out of date

``pyside6-lupdate`` reads every ``self.tr(...)``, ``QCoreApplication.translate(...)`` and
``QT_TRANSLATE_NOOP(...)`` in src/minutes/ui (all .py files), and the core's messages (context ``Core``,
see :mod:`minutes.messages`: the first argument of each ``raise …Error(...)`` outside the ui, as a template
with ``{…}`` for each value, and each string marked ``N_(...)``, collected here and also written to
resources/translations/core_messages.json), and merges them into each .ts: new strings
arrive as ``type="unfinished"`` for a translator (edit the XML, or open it in ``pyside6-linguist``), and
strings no longer in the code are kept as ``type="vanished"`` (not compiled) so their translation comes back
if the string does; ``--drop-obsolete`` removes them. A string that only moved to another class (another
translation context) keeps its translation: a new message takes the translation of a vanished one with the
same source text, and that vanished one goes. Locations are left out of the .ts so moving code does
not change it. Then ``pyside6-lrelease`` compiles each .ts to the .qm that ships and loads.

``--check`` runs the same steps on copies and exits 1 if the .ts would change, has an unfinished or empty
translation, or its .qm is not what the .ts compiles to (for CI and the tests).
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "src" / "minutes" / "ui"
CORE = ROOT / "src" / "minutes"
TRANSLATIONS = ROOT / "resources" / "translations"
CORE_MESSAGES = TRANSLATIONS / "core_messages.json"


def tool(name: str) -> str:
    """The path of a PySide6 tool: beside this Python (a venv's bin/Scripts) first, then on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.executable).resolve().parent):
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e .) and run this with its Python")
    return found


def sources() -> list[Path]:
    return sorted(SOURCES.rglob("*.py"))


def _template(node: ast.expr) -> str | None:
    """A message template from a string or an f-string (``{expression}`` for each value), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value if "{" not in node.value else None
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            if "{" in value.value or "}" in value.value:
                return None  # literal braces would read as a placeholder
            parts.append(value.value)
        else:
            spec = f":{_template(value.format_spec)}" if value.format_spec is not None else ""
            conversion = f"!{chr(value.conversion)}" if value.conversion != -1 else ""
            parts.append("{" + ast.unparse(value.value) + conversion + spec + "}")
    return "".join(parts)


def _name(node: ast.expr) -> str:
    return node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")


def core_messages() -> list[str]:
    """The templates of the core's messages to users: ``SomeError(message, ...)`` outside the ui for the errors
    of :mod:`minutes.errors` (and their subclasses), and ``N_(message)``. Other exceptions are bugs, whose
    text is for the log."""
    trees = [ast.parse(path.read_text(encoding="utf-8")) for path in sorted(CORE.rglob("*.py"))
             if SOURCES not in path.parents]
    errors = {"MinutesError"}
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    while True:
        more = {c.name for c in classes if any(_name(base) in errors for base in c.bases)} - errors
        if not more:
            break
        errors |= more
    found: set[str] = set()
    for tree in trees:
        for node in ast.walk(tree):
            call = None
            if isinstance(node, ast.Call) and (_name(node.func) in errors or _name(node.func) == "N_"):
                call = node  # raised where it is made, or made by a helper and raised by its caller
            if call is not None and call.args and (template := _template(call.args[0])) and template.strip():
                found.add(template)
    return sorted(found)


def write_core_messages(folder: Path) -> tuple[Path, str]:
    """The core's templates as QT_TRANSLATE_NOOP lines for lupdate (a file in ``folder``), and as JSON."""
    templates = core_messages()
    marked = folder / "core_messages.py"
    marked.write_text("".join(f"QT_TRANSLATE_NOOP({json.dumps('Core')}, {json.dumps(t, ensure_ascii=False)})\n"
                              for t in templates), encoding="utf-8")
    return marked, json.dumps(templates, ensure_ascii=False, indent=0) + "\n"


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("minutes_*.ts"))


def lupdate(ts: Path, *, drop_obsolete: bool = False) -> None:
    with tempfile.TemporaryDirectory() as folder:
        marked, _ = write_core_messages(Path(folder))
        args = [tool("pyside6-lupdate"), *map(str, sources()), str(marked), "-locations", "none", "-ts", str(ts)]
        if drop_obsolete:
            args.insert(-2, "-no-obsolete")
        subprocess.run(args, check=True, cwd=ROOT, capture_output=True, text=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True, capture_output=True, text=True)


def untranslated(ts: Path) -> list[str]:
    """The source texts of current messages in ``ts`` that have no finished, non-empty translation."""
    missing = []
    for message in re.findall(r"<message>.*?</message>", ts.read_text(encoding="utf-8"), flags=re.DOTALL):
        if 'type="vanished"' in message or 'type="obsolete"' in message:
            continue
        translation = re.search(r"<translation([^>]*)>(.*?)</translation>", message, flags=re.DOTALL)
        source = re.search(r"<source>(.*?)</source>", message, flags=re.DOTALL)
        if translation is None or "unfinished" in translation.group(1) or not translation.group(2).strip():
            missing.append(source.group(1) if source else message)
    return missing


MESSAGE = re.compile(r"<message>.*?</message>", flags=re.DOTALL)
SOURCE = re.compile(r"<source>(.*?)</source>", flags=re.DOTALL)


def carry_over(ts: Path) -> int:
    """Give each untranslated message the translation of a vanished message with the same source text (code
    moved to another class), and drop that vanished message; returns how many were carried over.

    (lupdate itself proposes such a translation, but marks it unfinished.)"""
    text = ts.read_text(encoding="utf-8")
    vanished = {}
    for message in MESSAGE.findall(text):
        if 'type="vanished"' in message and (source := SOURCE.search(message)):
            vanished.setdefault(source.group(1), message)
    used: set[str] = set()

    def fill(match: re.Match[str]) -> str:
        message = match.group(0)
        source = SOURCE.search(message)
        unfinished = re.search(r'<translation type="unfinished">.*?</translation>', message, flags=re.DOTALL)
        if unfinished is None or source is None:
            return message
        old = vanished.get(source.group(1))
        if old is None or "<numerusform" in old:
            return message
        used.add(source.group(1))
        translation = re.search(r"<translation[^>]*>(.*?)</translation>", old, flags=re.DOTALL).group(1)
        return message.replace(unfinished.group(0), f"<translation>{translation}</translation>")

    text = MESSAGE.sub(fill, text)
    text = MESSAGE.sub(lambda m: "" if m.group(0) in [vanished[s] for s in used] else m.group(0), text)
    text = re.sub(r"\n\s*\n(\s*<message>|\s*</context>)", r"\n\1", text)
    ts.write_text(text, encoding="utf-8")
    return len(used)


def update(*, drop_obsolete: bool = False) -> int:
    with tempfile.TemporaryDirectory() as folder:
        CORE_MESSAGES.write_text(write_core_messages(Path(folder))[1], encoding="utf-8")
    for ts in ts_files():
        lupdate(ts, drop_obsolete=drop_obsolete)
        if carry_over(ts):
            lupdate(ts, drop_obsolete=drop_obsolete)  # lupdate's own layout again, and emptied contexts gone
        lrelease(ts, ts.with_suffix(".qm"))
        missing = untranslated(ts)
        print(f"{ts.relative_to(ROOT)}: {len(missing)} message(s) to translate")
        for source in missing:
            print(f"    {source}")
    return 0


def check() -> int:
    problems = []
    with tempfile.TemporaryDirectory() as folder:
        if not CORE_MESSAGES.is_file() or CORE_MESSAGES.read_text(encoding="utf-8") != write_core_messages(
                Path(folder))[1]:
            problems.append(f"{CORE_MESSAGES.name} is not up to date with the code: run tools/update_translations.py")
        for ts in ts_files():
            copy = Path(folder) / ts.name
            shutil.copyfile(ts, copy)
            lupdate(copy)
            if copy.read_bytes() != ts.read_bytes():
                problems.append(f"{ts.name} is not up to date with the code: run tools/update_translations.py")
            missing = untranslated(ts)
            if missing:
                problems.append(f"{ts.name} has {len(missing)} untranslated message(s), e.g. {missing[0]!r}")
            compiled = Path(folder) / ts.with_suffix(".qm").name
            lrelease(ts, compiled)
            qm = ts.with_suffix(".qm")
            if not qm.is_file() or qm.read_bytes() != compiled.read_bytes():
                problems.append(f"{qm.name} is not compiled from {ts.name}: run tools/update_translations.py")
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if anything is out of date")
    parser.add_argument("--drop-obsolete", action="store_true",
                        help="remove translations of strings no longer in the code")
    args = parser.parse_args(argv)
    return check() if args.check else update(drop_obsolete=args.drop_obsolete)


if __name__ == "__main__":
    sys.exit(main())
