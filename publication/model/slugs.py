"""Article slugs: the ASCII file name that becomes the article's address (mythes/<slug>/)."""

from __future__ import annotations

import re
import unicodedata

from publication.model.paths import CALCUL_FOLDER

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_LENGTH = 60
#: Letters that Unicode decomposition does not turn into ASCII.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae", "ß": "ss"})


def slugify(title: str) -> str:
    """« L’IA consomme autant qu’un pays ? » → ``lia-consomme-autant-quun-pays``.

    Accents are dropped, apostrophes glue the elided word to the next (as the original site's
    addresses did), and the slug is cut at a word boundary after ``MAX_LENGTH`` characters.
    """
    text = unicodedata.normalize("NFKD", title.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’ʼ]", "", text)
    words = re.findall(r"[a-z0-9]+", text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > MAX_LENGTH and slug:
            break
        slug = candidate
    return slug[:MAX_LENGTH]


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot name an article file, in French, or None."""
    if slug == CALCUL_FOLDER:
        return (f"nom de fichier réservé « {slug}.md » : c’est celui de la page des calculs de "
                "chaque article")
    if SLUG.match(slug):
        return None
    return (f"nom de fichier invalide « {slug}.md » : minuscules sans accent, chiffres et "
            "tirets seulement")
