"""« Grille des verdicts »: each step of the verdict scale, its definition, and the latest
articles that received it, taken from the corpus so the page never names a missing article."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from publication.model.verdicts import VERDICTS, Verdict
from publication.views.listing import Card, Entry, Listing

#: Examples shown under each step: the latest articles with that verdict.
EXAMPLES = 2
TITLE = "Grille des verdicts"
DESCRIPTION = ("Les cinq verdicts de nos articles, de « Vrai » à « Faux » : ce que chacun veut "
               "dire, avec des exemples.")


@dataclass(frozen=True)
class ScaleStep:
    """One step of the scale as the page shows it."""

    verdict: Verdict
    #: How many articles carry this verdict.
    count: int
    examples: tuple[Card, ...]


def scale_steps(listing: Listing, card: Callable[[Entry], Card]) -> tuple[ScaleStep, ...]:
    """Every step, from « Vrai » to « Faux », with its latest articles (linear in the corpus)."""
    by_verdict: dict[str, list[Entry]] = {key: [] for key in VERDICTS}
    for entry in listing.home.entries:  # newest first
        by_verdict[entry.meta.verdict].append(entry)
    return tuple(ScaleStep(verdict, len(by_verdict[verdict.key]),
                           tuple(card(e) for e in by_verdict[verdict.key][:EXAMPLES]))
                 for verdict in sorted(VERDICTS.values(), key=lambda v: -v.rating))
