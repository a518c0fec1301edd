"""The one error type editors see: a file, a line in that file, what is wrong, how to fix it.

Every room raises ``ContentError`` or one of its subclasses; ``ContentErrors`` carries several at
once (a build reports every problem of the run together), and ``error_lines`` writes them in the
one format that ``check`` and the build share.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

#: Characters a terminal or an editor would act on rather than show: C0 and C1 controls (line
#: breaks and tabs aside) and bidirectional overrides.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every invisible control character written as its code (``\\u001b``), so
    that an error quoting hostile input cannot drive the terminal or CI log showing it."""
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


@dataclass
class ContentError(Exception):
    """A problem in what editors write (a page, a data file, an option), located when known.

    ``line`` counts from the top of ``file``. ``key`` names the record of a data file (a
    parameter, a source) or the calculator the problem is in. ``located`` is False while the
    line still counts from the start of an article's body (the renderer adds the front matter).
    """

    file: str | None
    line: int | None
    message: str
    hint: str = ""
    key: str | None = None
    located: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = (f"{self.file}:{self.line}" if self.line else self.file) + ": "
        key = f"« {self.key} » : " if self.key else ""
        hint = f"\n    → {self.hint}" if self.hint else ""
        return visible(f"{where}{key}{self.message}{hint}")

    def at(self, file: str, line: int | None = None) -> ContentError:
        """This error placed in ``file`` (at ``line``, unless it already has one)."""
        if not self.file:
            self.file = file
        if self.line is None:
            self.line = line
        self.located = True
        self.args = (str(self),)
        return self


class ContentErrors(Exception):
    """Every error found by one pass (loading the data, checking a page), raised together."""

    def __init__(self, errors: Iterable[ContentError]) -> None:
        self.errors = list(errors)
        super().__init__("\n".join(str(e) for e in self.errors))


def sort_key(error: ContentError) -> tuple[str, int, str]:
    return (error.file or "", error.line or 0, error.message)


def error_lines(errors: Iterable[ContentError]) -> list[str]:
    """The errors sorted by file and line, one ``fichier:ligne: message`` each (and its hint)."""
    return [str(error) for error in sorted(errors, key=sort_key)]


def count(number: int, noun: str) -> str:
    """« 1 erreur », « 3 erreurs »: a count and its noun, plural from 2 as in French."""
    return f"{number} {noun}{'s' if number >= 2 else ''}"
