"""Articles that already tell the same myth: ``new`` warns when the new title matches another
article's title or claim, compared as an editor reads them (``same_words``)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from publication.model.frontmatter import split
from vocabulary.errors import ContentError

#: What the comparison leaves out: spaces of every width, and the apostrophe's spellings.
_IGNORED = re.compile(r"[\s'’ʼ]+")


def same_words(text: str) -> str:
    """``text`` without case, accents or spaces: « Le cloud, c’est léger ? » and
    « le  Cloud, c'est leger? » give the same key."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _IGNORED.sub("", letters.casefold())


@dataclass(frozen=True)
class Namesake:
    """An existing article whose ``field`` (title or claim) reads as the new title."""

    path: Path
    field: str


def namesakes(title: str, articles_dir: Path) -> list[Namesake]:
    """The articles under ``articles_dir`` whose title or claim is ``title``, up to case,
    accents and spaces; an article whose front matter cannot be read is skipped (``check``
    reports it)."""
    wanted = same_words(title)
    found = []
    for path in sorted(articles_dir.rglob("*.md")) if articles_dir.is_dir() else []:
        try:
            meta = split(path.read_text(encoding="utf-8"), str(path)).meta
        except (ContentError, OSError, UnicodeDecodeError):
            continue
        for field in ("title", "claim"):
            value = meta.get(field)
            if isinstance(value, str) and same_words(value) == wanted:
                found.append(Namesake(path, field))
                break
    return found
