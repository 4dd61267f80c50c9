"""Keeping an exported script's lines within 99 characters: generated code lines (a comment that
does not fit moves above, a long call breaks after its commas), the header's prose, and list
literals such as the class names."""

from __future__ import annotations


def fit_line(line: str, width: int = 99) -> str:
    """A generated line kept within ``width`` characters: a comment that does not fit moves to
    its own line above, code too long is broken after commas inside its first bracket."""
    if len(line) <= width:
        return line
    code, _, comment = line.partition("  # ")
    indent = code[: len(code) - len(code.lstrip())]
    above = f"{indent}# {comment}\n" if comment and len(indent) + 2 + len(comment) <= width else ""
    if len(code) <= width:
        return above + code
    return above + _break_at_commas(code, width)


def _break_at_commas(code: str, width: int) -> str:
    """Break ``code`` after the top-level commas of its first bracket, aligned under it."""
    start = code.find(" = ") + 3 if " = " in code else 0
    open_at = min((i for i in (code.find("(", start), code.find("{", start)) if i >= 0), default=-1)
    if open_at < 0:
        return code
    pieces, depth, last = [], 0, open_at + 1
    for i in range(open_at + 1, len(code)):
        ch = code[i]
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            pieces.append(code[last : i + 1])
            last = i + 2  # skip the space after the comma
    pieces.append(code[last:])
    indent = " " * (open_at + 1)
    lines, current = [], code[: open_at + 1]
    for piece in pieces:
        if len(current) + len(piece) + 1 > width and current.strip():
            lines.append(current.rstrip())
            current = indent
        current += piece + " "
    lines.append(current.rstrip())
    return "\n".join(lines)


def wrap_prose(line: str, width: int = 99) -> str:
    """Break a long header line at spaces, each piece flush left as a docstring's prose is (the
    header is prose; code lines are never wrapped)."""
    if len(line) <= width:
        return line
    out, current = [], ""
    for word in line.split(" "):
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    out.append(current)
    return "\n".join(out)


def wrapped_list(items: tuple[str, ...], indent: int) -> str:
    """A list literal starting ``indent`` characters in, on as few lines of at most 99
    characters as it takes."""
    lines: list[str] = []
    current = "["
    for item in items:
        text = repr(item) + ", "
        if len(current) + len(text) + (indent if not lines else 0) > 97:
            lines.append(current.rstrip())
            current = "    "
        current += text
    lines.append(current.rstrip(", ") + "]")
    return "\n".join(lines)
