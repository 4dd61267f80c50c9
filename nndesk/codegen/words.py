"""The words of an exported file in the language it is written for: English or Vietnamese.

The generators write English, once. A file for another language comes from the same code with
its prose swapped, never from a second generator:

- prose the generator composes (the script's header, the notebook's markdown, a plot's labels)
  goes through ``words("English {value}", value=...)``: the template is looked up in the
  language's table, then filled;
- the generated code goes through ``words.code(source)``: each comment, each docstring and each
  string literal with a space in it (a printed message, a help text) is looked up whole and
  replaced; identifiers, numbers and one-word strings (dictionary keys such as "loss") are
  never touched, so the file computes the same numbers.

The tables (``nndesk.codegen.vi``) are keyed by the English text; a comment's or message's
numbers vary with the experiment, so ``PATTERNS`` match those with ``<name>`` wildcards.
English met with no translation is kept and listed in ``missing`` (the tests export every
setting in Vietnamese and require it empty). Fashion's class names and the settings' labels
are the window's, read from its translation file (``nndesk.i18n.ts_translations``).
"""

from __future__ import annotations

import io
import re
import string
import tokenize

from nndesk.errors import ConfigError

#: the languages an export can be written in (``nndesk export-script --lang``)
LANGUAGES = ("en", "vi")
#: a generated line's longest length (the exported files keep to the project's 99 columns)
WIDTH = 99
#: each language's decimal mark and digit-group mark in a file's prose, as the window writes
#: its numbers (the code keeps Python's: ``LR = 0.001``)
MARKS = {"en": (".", ","), "vi": (",", ".")}

#: a pragma at the start of a comment (kept as it is, before the translated rest)
_PRAGMA = re.compile(r"^((?:noqa|type:|fmt:)[^ ]*(?: [A-Z]+\d+,?)*)(\s+|$)")
#: a string's prefix and opening quotes
_OPENING = re.compile(r"^([rRbBuUfF]*)('''|\"\"\"|'|\")")


def _marked(number: str, language: str) -> str:
    """A number as Python writes it ("1,234.5") with ``language``'s marks ("1.234,5")."""
    point, group = MARKS[language]
    return "".join(point if c == "." else group if c == "," else c for c in number)


def _tables(language: str) -> tuple[dict[str, str], list[tuple[re.Pattern, str, str]], frozenset]:
    if language == "en":
        return {}, [], frozenset()
    from nndesk.codegen import vi

    patterns = []
    for key, value in vi.PATTERNS.items():
        regex = re.escape(key)
        regex = re.sub(r"<(\w+)>", lambda m: f"(?P<{m.group(1)}>.+?)", regex)
        patterns.append((re.compile(regex + r"\Z", re.S), key, value))
    return vi.TEXTS, patterns, vi.SAME


class Words:
    """The texts of one exported file in ``language`` ("en" or "vi")."""

    def __init__(self, language: str = "en"):
        if language not in LANGUAGES:
            raise ConfigError(
                f"exported code is written in {' or '.join(LANGUAGES)}, not {language!r}"
            )
        self.language = language
        self._texts, self._patterns, self._same = _tables(language)
        #: English texts met that have no translation (kept in English)
        self.missing: set[str] = set()
        self._own: set[str] = set()  # texts already in the language (class names, labels)

    @property
    def english(self) -> bool:
        return self.language == "en"

    def __call__(self, text: str, /, **values) -> str:
        """``text`` in the language, ``{name}`` places filled with ``values`` (as given)."""
        if not self.english:
            text = self._find(text)
        text = text.format(**values) if values else text
        self._own.add(text)  # already in the language where ``code`` meets it (a plot's label)
        return text

    def number(self, value: float, spec: str = "g") -> str:
        """``format(value, spec)`` with the language's marks, for prose: a Vietnamese notebook
        wrote "tốc độ học 0.001" in the table whose next rows read "x / 127,5 - 1" (the
        window's label), walk57 D3."""
        return _marked(format(value, spec), self.language)

    def numbers(self, template: str, /, **values) -> str:
        """``template.format(**values)`` with its numbers written by ``number``: a preset's
        description ("Adam {lr:g}") in a Vietnamese notebook read "Adam 0.01"."""
        language = self.language

        class Marked(string.Formatter):
            def format_field(self, value, format_spec):
                text = super().format_field(value, format_spec)
                number = isinstance(value, int | float) and not isinstance(value, bool)
                return _marked(text, language) if number else text

        return Marked().format(template, **values)

    def change(self, change) -> str:
        """A setting changed while training (a ``SettingChange``) as prose says it: "lr 0.0005",
        in Vietnamese as the window writes it, "tốc độ học 0,0005"."""
        if self.english:
            return change.describe()
        return change.said(lambda text: self.window("", text), self.number)

    def same(self, text: str) -> bool:
        """Whether ``text`` reads the same in the language by the tables' choice (a formula,
        a shape, a function's name)."""
        if text in self._same:
            return True
        return any(key == value for p, key, value in self._patterns if p.match(text))

    def command(self, command: str) -> str:
        """How the file was made (a command line, or the window's menu path with the
        language's words beside the English: those alone) in the language."""
        if self.english:
            return command
        missing = set(self.missing)
        found = self._find(command)
        self.missing = missing  # a command line is no English to translate
        return found

    def _find(self, text: str) -> str:
        """The translation of ``text``; ``text`` itself (and noted as missing) if none."""
        found = self._texts.get(text)
        if found is not None:
            return found
        if text in self._same:
            return text
        for pattern, _, value in self._patterns:
            match = pattern.match(text)
            if match:
                return _filled(value, match.groupdict())
        self.missing.add(text)
        return text

    def class_names(self, names: tuple[str, ...]) -> tuple[str, ...]:
        """A dataset's class names as the window shows them in the language (``code`` leaves
        them as they are)."""
        out = tuple(self.window("Classes", name) for name in names)
        self._own.update(out)
        return out

    def origin(self, origin: str) -> str:
        """Where an experiment came from (``Experiment.origin``) in the language: a preset's
        description as the window gives it, the other kinds through the tables."""
        if self.english:
            return origin
        if origin.startswith("preset ") and ": " in origin:
            from nndesk.presets import PRESETS

            name = origin[len("preset ") :].partition(": ")[0]
            preset = PRESETS.get(name)
            if preset is not None and origin == f"preset {name}: {preset.description}":
                template = getattr(preset.description, "template", str(preset.description))
                values = getattr(preset.description, "values", {})
                said = self.numbers(self.window("", template), **values)
                said = said.replace("\u00a0", " ")
                return self("preset {name}: {description}", name=name, description=said)
        return self._find(origin)

    def setting(self, name: str, value: str) -> str:
        """A setting's value for a table a person reads: the window's label with the settings'
        name for it beside it, in English too (walk70 L6: "optimiser | gd", "inputs | unit"
        where the window says "gradient descent (full batch)", "[0, 1] (x / 255)")."""
        from nndesk.settings_schema import BY_NAME

        label = " ".join(self.window("", BY_NAME[name].choice_label(value)).split())
        if label == value:
            return value
        return f"{label}, `{value}`" if label.endswith(")") else f"{label} (`{value}`)"

    def window(self, context: str, text: str) -> str:
        """``text`` as the window's translation file says it (``N_`` marks context "")."""
        if self.english:
            return text
        from nndesk.i18n import ts_translations

        return ts_translations(self.language).get((context, text), text)

    # -- code ------------------------------------------------------------------------------------
    def code(self, source: str) -> str:
        """``source`` (Python) with its comments, docstrings and prose strings in the language.

        Comment lines that follow each other at one indentation are one text (a sentence may
        run over two); a trailing comment is a text of its own."""
        if self.english:
            return source
        starts = [0]
        for line in source.splitlines(keepends=True):
            starts.append(starts[-1] + len(line))
        lines = source.split("\n")
        edits = []
        block: list = []  # the comment lines of one block: (row, col, end_col, text)

        def flush():
            if block:
                row, col, _, _ = block[0]
                end_row, _, end_col, _ = block[-1]
                text = " ".join(text[1:].strip() for _, _, _, text in block)
                new = self._comment("# " + text, indent=" " * col)
                edits.append((starts[row - 1] + col, starts[end_row - 1] + end_col, new))
                block.clear()

        for kind, (row, col), (end_row, end_col), text, depth in _prose_tokens(source):
            own_line = kind == "comment" and not lines[row - 1][:col].strip()
            follows = block and block[-1][0] == row - 1 and block[-1][1] == col
            if not (own_line and follows):
                flush()
            if own_line and not _PRAGMA.match(text[1:].strip()):
                block.append((row, col, end_col, text))
                continue
            if kind == "comment":
                new = self._comment(text)
            else:  # a message inside brackets may go on over more lines: the room it has
                tail = len(lines[end_row - 1]) - end_col
                new = self._string(text, col, WIDTH - tail if depth else 0)
            if new != text:
                edits.append((starts[row - 1] + col, starts[end_row - 1] + end_col, new))
        flush()
        for begin, end, new in reversed(edits):
            source = source[:begin] + new + source[end:]
        return "\n".join(_fit(line) for line in source.split("\n"))

    def _comment(self, text: str, indent: str = "") -> str:
        """A comment in the language; with ``indent``, a block of comment lines, wrapped."""
        body = text[1:].strip()
        match = _PRAGMA.match(body)
        pragma = match.group(1) + "  " if match else ""
        body = body[match.end() :] if match else body
        if not body or not _is_prose(body):
            return text
        rule = re.search(r" -{10,}$", body)  # a section's ruler keeps its length
        if rule:
            lead = "-- " if body.startswith("-- ") else ""
            title = self._find(body[len(lead) : rule.start()])
            return f"# {pragma}{lead}{title} ".ljust(len(text), "-")
        found = self._find(body)
        if indent:
            return _comment_lines(found, indent)[len(indent) :]
        return f"# {pragma}{found}"

    def _string(self, text: str, col: int, room: int = WIDTH) -> str:
        """A string literal in the language; ``room``: the columns it may take up to the end
        of its piece of line, or 0 when it cannot be split (outside brackets)."""
        opening = _OPENING.match(text)
        if opening is None or "b" in opening.group(1).lower():
            return text
        head = opening.group(0)
        quote = opening.group(2)
        body = text[len(head) : len(text) - len(quote)]
        if len(quote) == 3:  # a docstring: prose in paragraphs, wrapped again after translation
            return head + self._docstring(body, col) + quote
        if " " not in body or not _is_prose(body) or body in self._own:
            return text
        return _split_literal(head, self._find(body), quote, col, room)

    def _docstring(self, body: str, col: int) -> str:
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", body.strip())]
        translated = self._find("\n\n".join(paragraphs))
        if translated == "\n\n".join(paragraphs):
            return body
        lines: list[str] = []
        for paragraph in translated.split("\n\n"):
            if lines:
                lines.append("")
            first = WIDTH - col - (3 if not lines else 0)  # the opening quotes share line 1
            lines += _wrap_words(paragraph, first, WIDTH - col)
        indent = " " * col
        text = "\n".join([lines[0]] + [indent + line if line else "" for line in lines[1:]])
        own_line = body.rstrip(" ").endswith("\n")  # the closing quotes had a line of their own
        last = len(lines[-1]) + (col if len(lines) > 1 else col + 3)
        return text + ("\n" + indent if own_line or last + 3 > WIDTH else "")


def _filled(template: str, parts: dict[str, str]) -> str:
    """A pattern's translation with its ``<name>`` places filled from the English."""

    def place(m: re.Match) -> str:
        return parts.get(m.group(1), m.group(0))

    return re.sub(r"<(\w+)>", place, template)


def _wrap_words(text: str, first: int, room: int) -> list[str]:
    """``text`` in lines of at most ``first`` characters, then ``room``."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > (room if lines else first):
            lines.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    return [*lines, current]


def _is_prose(text: str) -> bool:
    """Whether a comment or string is words a person reads (not code, a key or a number)."""
    bare = re.sub(r"\{[^{}]*\}", " ", text)
    return bool(re.search(r"[A-Za-z]{2,}", bare))


def _prose_tokens(source: str):
    """(kind, start, end, text, bracket depth) of each comment and string literal of
    ``source``; an f-string is one literal on every Python (3.12 splits it into parts)."""
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    fstring_start = getattr(tokenize, "FSTRING_START", None)
    fstring_end = getattr(tokenize, "FSTRING_END", None)
    lines = source.splitlines(keepends=True)
    depth, brackets, start = 0, 0, None
    for tok in tokens:
        if tok.type == tokenize.COMMENT and depth == 0:
            yield "comment", tok.start, tok.end, tok.string, brackets
        elif tok.type == tokenize.STRING and depth == 0:
            yield "string", tok.start, tok.end, tok.string, brackets
        elif tok.type == tokenize.OP and depth == 0 and tok.string in "([{":
            brackets += 1
        elif tok.type == tokenize.OP and depth == 0 and tok.string in ")]}":
            brackets -= 1
        elif fstring_start is not None and tok.type == fstring_start:
            if depth == 0:
                start = tok.start
            depth += 1
        elif fstring_end is not None and tok.type == fstring_end:
            depth -= 1
            if depth == 0 and start is not None:
                yield "string", start, tok.end, _between(lines, start, tok.end), brackets


def _split_literal(head: str, body: str, quote: str, col: int, room: int) -> str:
    """``head + body + quote`` starting at column ``col``, broken into adjacent literals on
    lines of their own at spaces outside ``{...}`` when it would pass column ``room`` (0: never
    broken)."""
    pieces: list[str] = []
    limit = room - col - len(head) - len(quote)
    while room and len(body) > limit > 20:
        depth, cut = 0, -1
        for i, ch in enumerate(body[:limit]):
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if ch == " " and depth == 0:
                cut = i + 1
        if cut <= 0:
            break
        pieces.append(body[:cut])
        body = body[cut:]
    pieces.append(body)
    prefix = head[: -len(quote)]
    out = []
    for piece in pieces:
        plain = prefix.replace("f", "").replace("F", "") if "{" not in piece else prefix
        out.append(plain + quote + piece + quote)
    return ("\n" + " " * col).join(out)


def _between(lines: list[str], start: tuple[int, int], end: tuple[int, int]) -> str:
    (row, col), (end_row, end_col) = start, end
    if row == end_row:
        return lines[row - 1][col:end_col]
    middle = "".join(lines[row : end_row - 1])
    return lines[row - 1][col:] + middle + lines[end_row - 1][:end_col]


def _fit(line: str) -> str:
    """A line a translation made longer than ``WIDTH``: its trailing comment moves to lines of
    its own above it, a comment line is wrapped; code and strings are left as they are (the
    tables keep messages short enough)."""
    if len(line) <= WIDTH:
        return line
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)]
    if stripped.startswith("# "):
        return _comment_lines(stripped[2:], indent)
    code, sep, comment = line.partition("  # ")
    if not sep or _in_string(code):
        return line
    return _comment_lines(comment, indent) + "\n" + code


def _comment_lines(text: str, indent: str) -> str:
    room = WIDTH - len(indent) - 2
    return "\n".join(f"{indent}# {piece}" for piece in _wrap_words(text, room, room))


def _in_string(code: str) -> bool:
    """Whether "  # " at the end of ``code`` would sit inside a string (an odd quote count)."""
    return code.count('"') % 2 == 1 or code.count("'") % 2 == 1
