"""The verdict scale: one list, used by the badge, the listing and the ClaimReview rating."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    key: str
    label: str
    rating: int  # ClaimReview ratingValue, 1 (faux) to 5 (vrai)


VERDICTS: dict[str, Verdict] = {
    v.key: v
    for v in (
        Verdict("vrai", "Vrai", 5),
        Verdict("plutot-vrai", "Plutôt vrai", 4),
        Verdict("trompeur", "Trompeur", 3),
        Verdict("plutot-faux", "Plutôt faux", 2),
        Verdict("faux", "Faux", 1),
    )
}
