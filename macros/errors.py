"""The one error type editors see: a file, a line in that file, what is wrong, how to fix it."""

from __future__ import annotations

from dataclasses import dataclass, field

from calculators.errors import visible


@dataclass
class ContentError(Exception):
    """A problem in an article, located in its source file (front matter lines included)."""

    file: str
    line: int | None
    message: str
    hint: str = ""
    #: True once ``line`` counts from the top of the source file (front matter included).
    located: bool = field(default=True, compare=False, repr=False)

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        hint = f"\n    → {self.hint}" if self.hint else ""
        return visible(f"{where}: {self.message}{hint}")
