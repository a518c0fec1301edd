"""The search index: small static JSON files, built from the articles once every page is rendered,
that the search page (``/recherche/``) fetches only once the reader types.

Files under ``search/`` (UTF-8 JSON, sorted keys, no spaces, so two builds write the same bytes):

- ``words/<shard>.json``, one per first two characters of the folded words (``em.json`` holds
  « émission », « emploi »…; a character other than ``a``–``z`` and ``0``–``9`` is written
  ``_<hex code>_``). ``words`` maps each such word of the corpus to its stem, ``stems`` maps each
  of those stems to its postings, ``articles`` is how many articles are indexed and ``chunk`` how
  many each metadata file holds. A query word thus loads one shard, and the browser needs no
  stemmer. Postings list the articles holding the stem, by number, ascending, as a flat list
  ``[gap, weight, gap, weight…]`` where each gap is the difference from the previous number (the
  first from 0): small repeated numbers, which gzip compresses well.
- ``articles/<k>.json``: what a result shows of articles ``k × CHUNK`` to ``k × CHUNK + CHUNK − 1``,
  each as ``[url, claim, verdict, category, teaser]``, so showing ten results loads at most ten
  small files whatever the size of the corpus.

Articles are numbered in the listing's order, newest first. An article's *weight* for a stem is
how many times the stem occurs in its body plus ``TITLE_WEIGHT`` times in its claim.

Ranking, in the browser (``vf-search.js``): each query word matches a set of stems (the last
word, which the reader may still be typing, also matches every word of its shard that it
begins). An article scores, for a query word, ``(1 + ln weight) × ln(1 + articles / df)`` for
the best of its stems (``df``: how many articles hold that stem), times ``PREFIX_FACTOR`` in
``vf-search.js`` when the stem only comes from a word the query word begins. Articles matching
every query word come first, then those matching fewer; within each group, the highest sum of
scores first, then the newest.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from string import ascii_lowercase, digits

from publication.search.words import count_words, fold, stem
from publication.views.listing import Card, Entry

#: The index's folder in the site.
INDEX_DIR = "search"
#: Articles per metadata file: the ten results shown first load at most ten such files.
CHUNK = 10
#: A word of the claim counts as this many words of the body.
TITLE_WEIGHT = 5
_PLAIN = frozenset(ascii_lowercase + digits)


@dataclass(frozen=True)
class SearchRecord:
    """What a search result shows of an article (texts as the site shows them)."""

    url: str  # relative to the site's root
    claim: str
    verdict: str
    category: str
    teaser: str

    @classmethod
    def from_card(cls, card: Card) -> SearchRecord:
        return cls(card.url, card.claim, card.verdict.label, card.category, card.description)


@dataclass(frozen=True)
class Document:
    """An article as indexed: its record, and the texts searched (claim and body)."""

    record: SearchRecord
    claim: str
    body: str


def shard_name(word: str) -> str:
    """The file name (without ``.json``) of the shard holding the folded ``word``."""
    return "".join(c if c in _PLAIN else f"_{ord(c):x}_" for c in word[:2])


def index_files(documents: Sequence[Document]) -> dict[str, bytes]:
    """Every file of the index, by path under ``INDEX_DIR``, for ``documents`` in their order."""
    claims = [count_words(d.claim) for d in documents]
    bodies = [count_words(d.body) for d in documents]
    totals: Counter[str] = Counter()
    for counts in (*claims, *bodies):
        totals.update(counts)
    folded = {word: fold(word) for word in totals}
    # Accented spellings that fold alike (« marche », « marché ») get one stem: the most
    # frequent spelling's, so that a folded word always leads to a single stem.
    stem_of: dict[str, str] = {}
    for word, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        stem_of.setdefault(folded[word], stem(word))
    key_of = {word: stem_of[folded[word]] for word in totals}

    postings: dict[str, dict[int, int]] = {}
    for number, (claim, body) in enumerate(zip(claims, bodies, strict=True)):
        weights: Counter[str] = Counter()
        for counts, factor in ((body, 1), (claim, TITLE_WEIGHT)):
            for word, count in counts.items():
                weights[key_of[word]] += factor * count
        for key, weight in weights.items():
            postings.setdefault(key, {})[number] = weight

    shards: dict[str, dict[str, str]] = {}
    for word, key in stem_of.items():
        shards.setdefault(shard_name(word), {})[word] = key
    files = {
        f"words/{name}.json": _json({
            "articles": len(documents), "chunk": CHUNK, "words": words,
            "stems": {key: _gaps(postings[key]) for key in set(words.values())},
        })
        for name, words in shards.items()
    }
    for start in range(0, len(documents), CHUNK):
        files[f"articles/{start // CHUNK}.json"] = _json(
            [astuple(d.record) for d in documents[start:start + CHUNK]])
    return dict(sorted(files.items()))


def _gaps(weights: Mapping[int, int]) -> list[int]:
    """Postings as ``[gap, weight, …]``, article numbers ascending."""
    flat, previous = [], 0
    for number in sorted(weights):
        flat += [number - previous, weights[number]]
        previous = number
    return flat


def _json(value: object) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def documents_of(entries: Iterable[Entry], card: Callable[[Entry], Card],
                 bodies: Mapping[str, str]) -> list[Document]:
    """The listed articles as documents, in the listing's order.

    Raises ``LookupError`` naming an article whose body text is missing: an index written
    without it would drop the article from search without a word.
    """
    documents = []
    for entry in entries:
        if entry.src_uri not in bodies:
            raise LookupError(f"no body text to index for {entry.src_uri}")
        documents.append(Document(SearchRecord.from_card(card(entry)), entry.meta.claim,
                                  bodies[entry.src_uri]))
    return documents


def write_index(site_dir: Path, documents: Sequence[Document]) -> None:
    """Write the index of ``documents`` under ``site_dir / INDEX_DIR``."""
    for name, data in index_files(documents).items():
        path = site_dir / INDEX_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
