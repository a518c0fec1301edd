"""The search's synonyms: what readers type, and what the articles say instead.

Editors keep them in a YAML file (``synonymes.yml`` beside ``mkdocs.yml``, the plugin's
``search_synonyms`` option), one line each, what readers type first::

    infox: désinformation
    data center: centre de données
    fake news: [désinformation, fausses informations]

A reader who searches « infox » then finds the articles that hold « désinformation », with that
word highlighted (``index.py``). Each side must hold at least one searchable word; a bad file
stops the build with a French error at its line, like a data file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from calculators.yamlfile import SAFE_LOADER, yaml_problem
from publication.search.words import WORD, count_words
from vocabulary.errors import ContentError

#: More would be a thesaurus, not a list editors can read through.
MAX_SYNONYMS = 500
MAX_LENGTH = 80
_HINT = ("une ligne par synonyme, « ce que tapent les lecteurs: ce que disent les articles », "
         "par exemple « infox: désinformation »")


@dataclass(frozen=True)
class Synonym:
    """``words`` (what readers type) stand for every word of one of the articles' phrases."""

    phrase: str
    words: tuple[str, ...]
    target: str
    target_words: tuple[str, ...]


def _words(text: str) -> tuple[str, ...]:
    """The searchable words of ``text``, lower-case, in order (stop words left out)."""
    counts = count_words(text)
    return tuple(dict.fromkeys(w for w in WORD.findall(text.lower()) if w in counts))


def read_synonyms(path: Path, display: str) -> tuple[list[Synonym], list[ContentError]]:
    """The synonyms of ``path`` (none if it does not exist), and every problem found."""
    if not path.is_file():
        return [], []
    try:
        loader = SAFE_LOADER(path.read_text(encoding="utf-8"))
        root = loader.get_single_node()
    except UnicodeDecodeError:
        return [], [ContentError(display, None, "le fichier n’est pas en UTF-8",
                                 "enregistrez-le en UTF-8")]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [ContentError(display, mark.line + 1 if mark else None,
                                 f"YAML invalide : {yaml_problem(error)}", _HINT)]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [ContentError(display, 1, "le fichier doit être une liste de lignes "
                                 "« mot: synonyme »", _HINT)]
    if len(root.value) > MAX_SYNONYMS:
        return [], [ContentError(display, 1, f"plus de {MAX_SYNONYMS} synonymes",
                                 "gardez les synonymes que les lecteurs tapent vraiment")]
    synonyms: list[Synonym] = []
    errors: list[ContentError] = []
    seen: dict[str, int] = {}
    for key, value in root.value:
        line = key.start_mark.line + 1
        if not isinstance(key, yaml.ScalarNode) or not isinstance(key.value, str) \
                or not key.value.strip():
            errors.append(ContentError(display, line, "ce qui précède « : » doit être un mot "
                                       "ou une expression", _HINT))
            continue
        phrase = key.value.strip()
        if phrase.lower() in seen:
            errors.append(ContentError(display, line, f"« {phrase} » en double (déjà ligne "
                                       f"{seen[phrase.lower()]})", "gardez-en une seule ligne"))
            continue
        seen[phrase.lower()] = line
        targets = value.value if isinstance(value, yaml.SequenceNode) else [value]
        if not targets or not all(isinstance(t, yaml.ScalarNode) and t.value.strip()
                                  for t in targets):
            errors.append(ContentError(display, line, f"« {phrase} » : après « : », attendu un "
                                       "mot, une expression ou une liste [a, b]", _HINT))
            continue
        words = _words(phrase)
        if not words or len(phrase) > MAX_LENGTH:
            errors.append(ContentError(display, line, f"« {phrase} » : aucun mot cherchable ou "
                                       f"plus de {MAX_LENGTH} caractères",
                                       "un mot d’au moins deux lettres qui ne soit pas un mot "
                                       "outil (« le », « de »…)"))
            continue
        for target_node in targets:
            target = str(target_node.value).strip()
            target_words = _words(target)
            if not target_words or len(target) > MAX_LENGTH:
                errors.append(ContentError(display, target_node.start_mark.line + 1,
                                           f"« {target} » : aucun mot cherchable ou plus de "
                                           f"{MAX_LENGTH} caractères",
                                           "un mot d’au moins deux lettres qui ne soit pas un "
                                           "mot outil (« le », « de »…)"))
                continue
            synonyms.append(Synonym(phrase, words, target, target_words))
    return synonyms, errors
