"""Errors raised by the calculators and their data, worded in French for editors."""

from __future__ import annotations

import re

#: Characters a terminal or an editor would act on rather than show: C0 and C1 controls (line
#: breaks and tabs aside) and bidirectional overrides.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """``text`` with every invisible control character written as its code (``\\u001b``), so
    that an error quoting hostile input cannot drive the terminal or CI log showing it."""
    return _INVISIBLE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


class CalculatorError(Exception):
    """A calculation or a piece of parameter data is wrong.

    ``message`` says what is wrong and ``hint`` how to fix it, both in French: editors read them.
    ``file`` and ``key`` locate the fault in a data file when there is one.
    """

    def __init__(
        self, message: str, *, hint: str = "", file: str | None = None, key: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.file = file
        self.key = key
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line else "") + ": "
        key = f"« {self.key} » : " if self.key else ""
        hint = f" ({self.hint})" if self.hint else ""
        return visible(f"{where}{key}{self.message}{hint}")


class DataError(CalculatorError):
    """The parameter or source data files are invalid."""


class UnitMismatchError(CalculatorError):
    """Two quantities whose units do not fit were combined."""


class DataErrors(Exception):
    """Every error found while loading the data files, reported together."""

    def __init__(self, errors: list[CalculatorError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors
