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
    addresses did). The slug stops before the first word that would take it past
    ``MAX_LENGTH`` characters, and never cuts a word: a word is what the title writes between
    spaces, so a compound (« anti-écologique », « consomme-t-il », « 1,5 ») is kept whole or
    left out; the first word is always kept whole, however long.
    """
    text = unicodedata.normalize("NFKD", title.translate(_LIGATURES))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’ʼ]", "", text)
    slug = ""
    for word in text.split():
        part = "-".join(re.findall(r"[a-z0-9]+", word))
        if not part:
            continue
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > MAX_LENGTH and slug:
            break
        slug = candidate
    return slug


def slug_problem(slug: str) -> str | None:
    """Why ``slug`` cannot name an article file, in French, or None."""
    if slug == CALCUL_FOLDER:
        return (f"nom de fichier réservé « {slug}.md » : c’est celui de la page des calculs de "
                "chaque article")
    if SLUG.match(slug):
        return None
    return (f"nom de fichier invalide « {slug}.md » : minuscules sans accent, chiffres et "
            "tirets seulement")
