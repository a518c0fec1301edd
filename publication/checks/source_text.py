"""The prose an editor typed: an article body with its Jinja tags, code and comments blanked.

The prose rules (hard-coded figures, raw HTML) read this text. Every line of it stays on its line,
so a problem at line *n* of the text is at line *n* + the front matter's length in the file.
Jinja's own lexer finds the text outside ``{{ }}``, ``{% %}`` and ``{# #}``; a tag is replaced by
one ``TAG`` character, so that the words on either side of it do not run together.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from jinja2 import TemplateSyntaxError

from macros.sandbox import ArticleSandbox

#: What stands where a Jinja tag was.
TAG = "\ufffc"

_LEXER = ArticleSandbox()
_FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\n).)+?)(?<!`)\1(?!`)", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)


def blank(match: re.Match[str]) -> str:
    """The matched text with every character but line breaks turned into a space."""
    return re.sub(r"[^\n]", " ", match.group())


@dataclass(frozen=True)
class Typed:
    """What an editor typed in a body: the text outside Jinja tags, line for line, and the
    string literals inside them with their lines."""

    text: str
    strings: list[tuple[int, str]] = field(default_factory=list)


def split_jinja(body: str) -> Typed:
    """``body`` split by Jinja's own lexer.

    A syntax error stops the lexer: what follows it is left out (the renderer reports the error
    itself). A body whose only tags are plain ``{{ }}`` expressions (most articles) is split
    around them, and each expression is lexed alone, once per distinct text: the same result
    as lexing the whole body (a test compares both), a fraction of the cost.
    """
    if not any(marker in body for marker in ("{{", "{%", "{#")):
        return Typed(body)
    fast = _split_expressions(body) if _has_only_expressions(body) else None
    return fast if fast is not None else split_by_lexer(body)


def split_by_lexer(body: str) -> Typed:
    """``body`` split by lexing it whole (the reference for ``split_jinja``)."""
    parts: list[str] = []
    strings: list[tuple[int, str]] = []
    line = 1
    try:
        for lineno, kind, value in _LEXER.lex(body):
            if kind == "string":
                strings.append((lineno, value))
            if kind != "data":
                if not parts or parts[-1] != TAG:
                    parts.append(TAG)
                continue
            if lineno > line:
                parts.append("\n" * (lineno - line))
                line = lineno
            parts.append(value)
            line += value.count("\n")
    except TemplateSyntaxError:
        pass
    return Typed("".join(parts), strings)


def _has_only_expressions(body: str) -> bool:
    """No statement, comment or whitespace control: the lexer would keep every data character."""
    return not any(marker in body for marker in ("{%", "{#", "{{-", "-}}", "{{+", "\r"))


def _split_expressions(body: str) -> Typed | None:
    """``split_by_lexer(body)`` for a body of data and ``{{ }}`` expressions, or ``None`` when an
    expression does not lex alone (a ``}}`` inside a string, an unclosed tag...)."""
    parts: list[str] = []
    strings: list[tuple[int, str]] = []
    reached = 1  # the line the text in ``parts`` has reached
    end, end_line = 0, 1  # where the previous tag ended, and its line
    for start, stop in _expressions(body):
        expression = body[start:stop]
        data = body[end:start]
        lexed = _expression_strings(expression)
        if "{{" in data or lexed is None:
            return None
        reached = _append_data(parts, data, reached, end_line)
        start_line = end_line + data.count("\n")
        strings.extend((start_line + offset, value) for offset, value in lexed)
        if not parts or parts[-1] != TAG:
            parts.append(TAG)
        end, end_line = stop, start_line + expression.count("\n")
    data = body[end:]
    if "{{" in data:
        return None
    # Jinja drops one newline at the end of a template (keep_trailing_newline is off).
    _append_data(parts, data[:-1] if data.endswith("\n") else data, reached, end_line)
    return Typed("".join(parts), strings)


def _expressions(body: str) -> Iterator[tuple[int, int]]:
    """Where each ``{{ … }}`` of ``body`` starts and stops, found in one pass (a lazy regex
    would try every unclosed ``{{`` against the rest of the page: quadratic)."""
    position = 0
    while (start := body.find("{{", position)) >= 0:
        stop = body.find("}}", start + 2)
        if stop < 0:
            return
        position = stop + 2
        yield start, position


def _append_data(parts: list[str], data: str, reached: int, data_line: int) -> int:
    """Append ``data``, which starts at ``data_line``, after the line breaks that lead to it
    from line ``reached`` (as the lexer-based split does); the line reached after it."""
    if not data:
        return reached
    if data_line > reached:
        parts.append("\n" * (data_line - reached))
    parts.append(data)
    return data_line + data.count("\n")


@lru_cache(maxsize=4096)
def _expression_strings(expression: str) -> tuple[tuple[int, str], ...] | None:
    """The string literals of one ``{{ }}`` expression, with their line within it (0 for the
    first), or ``None`` when the expression does not lex as one tag."""
    found: list[tuple[int, str]] = []
    try:
        for lineno, kind, value in _LEXER.lex(expression):
            if kind == "data":
                return None
            if kind == "string":
                found.append((lineno - 1, value))
    except TemplateSyntaxError:
        return None
    return tuple(found)


def without_code(text: str) -> str:
    """``text`` with fenced code blocks, code spans and HTML comments blanked: they show code
    or nothing, never prose or markup."""
    lines = text.split("\n")
    fence: str | None = None
    for number, line in enumerate(lines):
        opening = _FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)[0] * 3
            lines[number] = ""
        elif fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[number] = ""
    text = "\n".join(lines)
    text = _CODE_SPAN.sub(blank, text)
    return _HTML_COMMENT.sub(blank, text)


def prose_of(body: str) -> Typed:
    """What an editor wrote in ``body``: prose and markup line for line (code blanked), and the
    strings of its Jinja."""
    typed = split_jinja(body)
    return Typed(without_code(typed.text), typed.strings)


def line_at(text: str, index: int) -> int:
    """The 1-based line of character ``index`` in ``text``."""
    return text.count("\n", 0, index) + 1
