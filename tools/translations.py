"""Update the window's translations from the sources, and compile them.

    python -m tools.translations            # lupdate: new strings into nndesk/i18n/nndesk_*.ts,
                                            # then lrelease: nndesk_*.ts -> nndesk_*.qm
    python -m tools.translations --check    # changes nothing; lists what is missing, exit 1

The workflow for a new string in the window: write it as ``translate("Context", "text")`` (or
``QT_TRANSLATE_NOOP("Context", "text")`` in a Qt-free module), run this command, fill its
``<translation>`` in ``nndesk/i18n/nndesk_vi.ts`` (Qt Linguist or any text editor; remove the
``type="unfinished"`` attribute), and run the command again to compile the ``.qm``.

The ``.ts`` files carry no line numbers and their messages are sorted, so two people adding
strings to different places rarely touch the same lines.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from nndesk.i18n import qm_path, translated_languages, ts_path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "nndesk"
COMMAND = "python -m tools.translations"
#: placeholders a translation must keep: Python's {name} / {0} / {n:.1f} and Qt's %1 / %n
PLACEHOLDER = re.compile(r"\{[A-Za-z_0-9]*(?:[:!][^{}]*)?\}|%(?:n|L?[1-9][0-9]?)")


@dataclass(frozen=True)
class Message:
    """One source string of a .ts file and its translation."""

    context: str
    source: str
    comment: str
    translation: str
    unfinished: bool  # type="unfinished": not translated yet, or its source changed

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    def describe(self) -> str:
        comment = f" (comment {self.comment!r})" if self.comment else ""
        return f"context {self.context!r}: {self.source!r}{comment}"


def qt_tool(name: str) -> str:
    """The path of Qt's ``lupdate`` / ``lrelease`` as PySide6 ships it."""
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    for candidate in (folder / name, folder / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(f"pyside6-{name}")
    if found is None:
        raise SystemExit(
            f"{name} not found: it ships with PySide6 (pip install PySide6-Essentials)"
        )
    return found


def source_files(sources: Path = SOURCES) -> list[Path]:
    """Every Python module under ``sources`` (the package), in a stable order."""
    return sorted(p for p in sources.rglob("*.py") if "__pycache__" not in p.parts)


#: one line of a ``#:`` comment, which lupdate reads as a note for the translator
NOTE_LINE = re.compile(r"^(\s*)#:")
#: a call that marks a message for translation (nndesk's and Qt's names for it)
MESSAGE_CALL = re.compile(r"\b(?:translate|QT_TRANSLATE_NOOP|QT_TR_NOOP|N_|tr)\s*\(")


def notes_only_above_messages(text: str) -> str:
    """``text`` (a module) with each ``#:`` comment made a plain ``#`` one unless its block
    sits right above a line that marks a message.

    ``#:`` documents a constant in nndesk's modules (close to 400 of them), and lupdate reads
    every ``#:`` comment as a translator's note that it keeps until the next message in the
    file, however far below, and glues them all onto that one: "{file}: the image is blank"
    carried NEARLY_EMPTY_SIDE's note, "cannot be read ({reason})" five notes on settings files.
    Only a note right above a message's line is about that message.
    """
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        end = i
        while end < len(lines) and NOTE_LINE.match(lines[end]):
            end += 1
        if end == i:
            i += 1
            continue
        if end == len(lines) or not MESSAGE_CALL.search(lines[end]):
            for k in range(i, end):
                lines[k] = NOTE_LINE.sub(r"\1# ", lines[k], count=1)
        i = end
    return "".join(lines)


def lupdate(ts: Path, sources: Path = SOURCES) -> None:
    """Merge the strings of the sources into ``ts`` (created if missing); drop vanished ones.

    lupdate reads copies of the sources whose ``#:`` notes are kept only right above a message
    (``notes_only_above_messages``); the .ts has no file names or lines, so nothing else
    changes."""
    code = ts.stem.split("_", 1)[1]
    options = ["-locations", "none", "-sort-messages", "-no-obsolete", "-silent"]
    options += ["-tr-function-alias", "QT_TR_NOOP+=N_"]  # nndesk.i18n.N_, context ""
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for path in source_files(sources):
            copy = Path(tmp) / path.relative_to(sources)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(notes_only_above_messages(path.read_text(encoding="utf-8")), "utf-8")
            files.append(str(copy))
        command = [qt_tool("lupdate"), *options, "-target-language", code, *files]
        command += ["-ts", str(ts.resolve())]
        done = subprocess.run(command, cwd=tmp, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise SystemExit(f"lupdate failed: {done.stderr.strip() or done.stdout.strip()}")


def lrelease(ts: Path, qm: Path) -> None:
    """Compile ``ts`` into ``qm`` (finished translations only), written beside it and renamed
    into place: Qt maps a loaded ``.qm`` into memory, and rewriting it in place killed the test
    workers reading it meanwhile with SIGBUS (fixI, s68)."""
    fresh = qm.with_name(qm.name + ".new")
    command = [qt_tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)]
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        fresh.unlink(missing_ok=True)
        raise SystemExit(f"lrelease failed: {done.stderr.strip() or done.stdout.strip()}")
    os.replace(fresh, qm)


def read_ts(ts: Path) -> list[Message]:
    """The messages of a .ts file, obsolete and vanished ones left out."""
    messages = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            forms = translation.findall("numerusform") if translation is not None else []
            text = (
                " | ".join(f.text or "" for f in forms)
                if forms
                else (translation.text or "" if translation is not None else "")
            )
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    translation=text,
                    unfinished=kind == "unfinished",
                )
            )
    return messages


def extracted(ts: Path, sources: Path = SOURCES) -> list[Message]:
    """The messages lupdate finds in ``sources`` today, merged into a copy of ``ts`` (which is
    not touched)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / ts.name
        if ts.is_file():
            shutil.copyfile(ts, copy)
        lupdate(copy, sources)
        return read_ts(copy)


def placeholders(text: str) -> list[str]:
    """The placeholders in ``text``, sorted (a translation may reorder them)."""
    return sorted(PLACEHOLDER.findall(text))


def _shown(path: Path) -> Path:
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def problems(ts: Path, sources: Path = SOURCES) -> list[str]:
    """Everything that keeps the translation ``ts`` of ``sources`` from being complete, one line
    each: strings not extracted yet or gone, untranslated, or with other placeholders."""
    rel = _shown(ts)
    committed = read_ts(ts) if ts.is_file() else []
    have = {m.key for m in committed}
    fresh = extracted(ts, sources)
    out = []
    new = [m for m in fresh if m.key not in have]
    gone = {m.key for m in committed} - {m.key for m in fresh}
    for m in new:
        out.append(f"not in {rel} yet: {m.describe()}")
    for key in sorted(gone):
        out.append(f"in {rel} but no longer in the sources: context {key[0]!r}: {key[1]!r}")
    for m in committed:
        if m.unfinished or not m.translation.strip():
            out.append(f"not translated in {rel}: {m.describe()}")
        elif placeholders(m.source) != placeholders(m.translation):
            out.append(
                f"placeholders differ in {rel}: {m.describe()} has {placeholders(m.source)}, "
                f"its translation {m.translation!r} has {placeholders(m.translation)}"
            )
    return out


def how_to_fix(code: str) -> str:
    rel = ts_path(code).relative_to(ROOT)
    return (
        f"run `{COMMAND}`, fill each <translation> it lists in {rel} (and delete its "
        f'type="unfinished"), then run `{COMMAND}` again to compile '
        f"{qm_path(code).relative_to(ROOT)}; the terms are in docs/glossary-{code}.md"
    )


def update(code: str) -> None:
    lupdate(ts_path(code))
    lrelease(ts_path(code), qm_path(code))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog=COMMAND, description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing, list what is missing")
    args = parser.parse_args(argv)
    status = 0
    for code in translated_languages():
        if not args.check:
            update(code)
        found = problems(ts_path(code))
        for line in found:
            print(line)
        if found:
            status = 1
            print(f"{len(found)} to do for {code}: {how_to_fix(code)}")
        else:
            total = len(read_ts(ts_path(code)))
            print(f"{code}: {total} strings, all translated")
    return status


if __name__ == "__main__":
    sys.exit(main())
