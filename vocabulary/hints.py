"""« Vouliez-vous dire … ? » suggestions, and the French hints several rooms give."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: Where a new source goes.
ADD_SOURCE = "ajoutez-la dans calculators/data/sources.yml"
#: Where a new parameter goes.
ADD_PARAMETER = "ajoutez-le dans calculators/data/parameters/"
#: What an article's Jinja may name.
TEMPLATE_NAMES = ("les noms disponibles sont les calculateurs (liste : make calculators), "
                  "param(), cite() et article")


def suggest(word: str, choices: Iterable[str]) -> str:
    """A French « vouliez-vous dire … ? » hint, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"vouliez-vous dire « {close[0]} » ?" if close else ""
