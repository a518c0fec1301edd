"""Errors raised by the calculators and their data: ``ContentError`` with the location as keywords.

A calculation fails before anyone knows which page asked for it, so ``CalculatorError`` takes its
file and line as keywords; the renderer places it in the page (``ContentError.at``).
"""

from __future__ import annotations

from vocabulary.errors import ContentError


class CalculatorError(ContentError):
    """A calculation, a formatting option or a piece of parameter data is wrong.

    ``message`` says what is wrong and ``hint`` how to fix it, both in French: editors read them.
    ``key`` names the parameter, source or calculator at fault.
    """

    def __init__(self, message: str, *, hint: str = "", file: str | None = None,
                 key: str | None = None, line: int | None = None) -> None:
        super().__init__(file, line, message, hint, key, located=line is not None)


class DataError(CalculatorError):
    """The parameter or source data files are invalid."""


class UnitMismatchError(CalculatorError):
    """Two quantities whose units do not fit were combined."""
