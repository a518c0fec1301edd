"""The verdict scale: one list, used by the badge, the listing, « Grille des verdicts » and the
ClaimReview rating. Each step carries its definition, which readers see next to the verdict."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Verdict:
    key: str
    label: str
    rating: int  # ClaimReview ratingValue, 1 (faux) to 5 (vrai)
    #: What the step means, as the verdict box and « Grille des verdicts » say it.
    definition: str


VERDICTS: dict[str, Verdict] = {
    v.key: v
    for v in (
        Verdict("vrai", "Vrai", 5,
                "Les chiffres et les sources confirment l’idée reçue, telle qu’on l’entend."),
        Verdict("plutot-vrai", "Plutôt vrai", 4,
                "L’idée reçue tient pour l’essentiel, mais elle exagère, simplifie ou oublie "
                "une nuance importante."),
        Verdict("trompeur", "Trompeur", 3,
                "Les faits cités peuvent être exacts, mais la conclusion qu’on en tire ne "
                "tient pas : il manque le contexte, l’ordre de grandeur ou la comparaison qui "
                "changent tout."),
        Verdict("plutot-faux", "Plutôt faux", 2,
                "L’idée reçue contient une part de vrai, mais les chiffres et les sources la "
                "contredisent pour l’essentiel."),
        Verdict("faux", "Faux", 1,
                "Les chiffres et les sources contredisent l’idée reçue."),
    )
}
