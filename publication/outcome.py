"""What a build found, written for ``check``: ``check`` runs the build itself (into a throwaway
folder) and prints this, so the two can never disagree.

The plugin writes the file named by the environment variable ``OUTCOME_VARIABLE`` when it is set,
whether the build succeeds or fails: every error (file, line, key, message, hint) and how many
pages and articles were checked.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from vocabulary.errors import ContentError

OUTCOME_VARIABLE = "VRAIOUFAUX_OUTCOME"


@dataclass(frozen=True)
class Outcome:
    errors: list[ContentError]
    pages: int
    articles: int


def write_outcome(errors: Iterable[ContentError], pages: int, articles: int) -> None:
    """Write the outcome where ``check`` asked for it, if it did."""
    target = os.environ.get(OUTCOME_VARIABLE)
    if not target:
        return
    data = {"pages": pages, "articles": articles,
            "errors": [{"file": e.file, "line": e.line, "message": e.message, "hint": e.hint,
                        "key": e.key} for e in errors]}
    Path(target).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def read_outcome(path: Path) -> Outcome | None:
    """The outcome a build wrote, or None if it wrote none (it stopped before our plugin)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    errors = [ContentError(e["file"], e["line"], e["message"], e["hint"], e["key"])
              for e in data["errors"]]
    return Outcome(errors, data["pages"], data["articles"])
