"""Markdown for reviewers' tables, from texts pull requests control: every label, formula and
path is escaped, so that a label cannot end a cell, start a line, or bring a link, an image or
HTML into the pull request's summary."""

from __future__ import annotations

import re

#: ASCII punctuation Markdown (GitHub's flavour: tables, strikethrough, maths) gives a meaning
#: to inside a line; CommonMark lets a backslash escape any of it.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$!#])")


def one_line(text: str) -> str:
    """``text`` with every line break (``\\n``, ``\\r``, U+2028…) turned into a space."""
    return " ".join(str(text).splitlines())


def text(value: str) -> str:
    """Plain text inside a table cell: one line, its Markdown punctuation escaped."""
    return _SPECIAL.sub(r"\\\1", one_line(value))


def code(value: str) -> str:
    """Code inside a table cell: a code span long enough to hold the text's own backticks.

    Backslashes are literal in a code span; only the pipe needs escaping, which GitHub's table
    parser removes before the span is read."""
    content = one_line(value)
    longest = max((len(run) for run in re.findall(r"`+", content)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if content.startswith("`") or content.endswith("`") else ""
    return f"{fence}{pad}{content}{pad}{fence}".replace("|", "\\|")


def row(cells: list[str]) -> str:
    """A table row of cells already escaped by ``text`` and ``code``."""
    return "| " + " | ".join(cells) + " |"
