"""Words of the search index: how a French text becomes the words a reader can search for.

A text is cut into words (runs of letters and digits: apostrophes, hyphens and spaces separate
them, so « l’entraînement » gives « l » and « entraînement »). Each word is lower-cased and
*folded*, accents and ligatures removed (« Entraînement » → ``entrainement``), because readers do
not always type accents; words shorter than ``MIN_LENGTH`` and the stop words below are left out.

Each word's *stem* comes from the Snowball French stemmer (``snowballstemmer``), applied to the
accented word (the algorithm reads accents) and then folded: « émission » and « émissions » share
the stem ``emiss``. The browser has no stemmer: the index gives, for each folded word of the
corpus, its stem (``site_overrides/assets/javascripts/vf-search.js`` folds and cuts the query the
same way as ``fold`` and ``WORD`` here).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter

import snowballstemmer

#: A word: a run of letters and digits (Python's ``\w`` without the underscore).
WORD = re.compile(r"[^\W_]+")
#: Shorter words are not indexed, and a query word must have as many characters.
MIN_LENGTH = 2
#: Frequent French words that say nothing of an article's subject (folded, as searched): articles,
#: pronouns, prepositions, conjunctions, and the most common forms of « être » and « avoir ». A
#: query made only of them finds nothing. Kept short on purpose: a word missing here only costs a
#: few bytes of index, a word wrongly here can never be found.
_STOP_WORDS = """
    au aux avec ca ce ces cet cette dans de des du elle elles en est et eu il ils je la le les
    leur leurs lui ma mais me mes moi mon ne ni nos notre nous on ont ou par pas pour qu que qui sa
    se ses si son sont sur ta te tes toi ton tu un une vos votre vous
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})
_STEMMER = snowballstemmer.stemmer("french")


def fold(text: str) -> str:
    """``text`` lower-cased without accents (compatibility decomposition, marks removed) and with
    « œ » and « æ » spelled out: « Œuvre à l’Écran » → ``oeuvre a l’ecran``."""
    decomposed = unicodedata.normalize("NFKD", text).lower()
    return "".join(c for c in decomposed
                   if not unicodedata.category(c).startswith("M")).translate(_LIGATURES)


@functools.cache
def stem(word: str) -> str:
    """The folded Snowball stem of a lower-case ``word`` (cached: the vocabulary is small and
    PyStemmer's C stemmer takes about 2 µs a word, the pure-Python one 60 µs)."""
    return fold(_STEMMER.stemWord(word)) or fold(word)


@functools.lru_cache(maxsize=8192)
def count_words(text: str) -> Counter[str]:
    """How often each searchable word occurs in ``text``, keyed by the lower-case, accented
    word (the stemmer's input); ``fold`` gives the word as searched. Cached by text, for the
    preview, which indexes every article again after each edit: do not modify the result."""
    counts = Counter(WORD.findall(unicodedata.normalize("NFC", text).lower()))
    return Counter({word: n for word, n in counts.items() if _searchable(word)})


@functools.cache
def _searchable(word: str) -> bool:
    """Long enough, not a stop word, and still one word once folded (« ½ » folds to ``1⁄2``)."""
    folded = fold(word)
    return (len(folded) >= MIN_LENGTH and folded not in STOP_WORDS
            and WORD.fullmatch(folded) is not None)
