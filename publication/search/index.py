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
  Postings are ``[gap, weight, sentence, gap, weight, sentence…]``: ``sentence`` is one plus the
  number of the first sentence of the body holding the stem, 0 when only the claim, tags,
  category or verdict hold it. ``also`` maps a word that only a synonym brings (« infox ») to the
  words of what it stands for (``desinformation``), which the page highlights.
- ``articles/<k>.json``: what a result shows of articles ``k × CHUNK`` to ``k × CHUNK + CHUNK − 1``,
  each as ``[url, claim, verdict, category, teaser, tags]``, so showing ten results loads at most
  ten small files whatever the size of the corpus.
- ``text/<n>/<k>.json``: sentences ``k × SENTENCES`` to ``k × SENTENCES + SENTENCES − 1`` of
  article ``n``'s body (each at most ``MAX_SENTENCE`` characters), from which the page cuts the
  excerpt around the words found: a result loads one such file.
- ``facets.json``: the verdict labels and categories, ``chunk`` as in the shards, each article's
  verdict and category as numbers (``of``: ``[verdict, category, …]`` by article), and the most
  used tags ``[name, url, articles]``: the filters, and what the page suggests when nothing is
  found.

Articles are numbered in the listing's order, newest first. An article's *weight* for a stem is
how many times the stem occurs in its body plus ``TITLE_WEIGHT`` times in its claim, tags,
category and verdict label. A synonym (``synonyms.py``: « infox » for « désinformation ») gives
its words the postings of the articles holding every word it stands for; a word of a synonym
that no article holds gets a stem of its own, ``=`` and the folded word, so that « data » never
meets the articles holding « date ».

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
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from string import ascii_lowercase, digits

from publication.search.synonyms import Synonym
from publication.search.words import count_words, fold, stem
from publication.views.listing import Card, Entry
from vocabulary.french import french_spacing

#: The index's folder in the site.
INDEX_DIR = "search"
#: Articles per metadata file: the ten results shown first load at most ten such files.
CHUNK = 10
#: A word of the claim (or tags, category, verdict) counts as this many words of the body.
TITLE_WEIGHT = 5
#: Sentences per text file: a result's excerpt loads one file of about 1 KB.
SENTENCES = 8
#: A longer sentence is cut at a space into pieces of at most this many characters.
MAX_SENTENCE = 280
#: Tags suggested when nothing is found.
SUGGESTED_TAGS = 12
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
_SPACES = re.compile(r"[ \t\r\n]+")
_PLAIN = frozenset(ascii_lowercase + digits)


@dataclass(frozen=True)
class SearchRecord:
    """What a search result shows of an article (texts as the site shows them)."""

    url: str  # relative to the site's root
    claim: str
    verdict: str
    category: str
    teaser: str
    tags: tuple[str, ...] = ()

    @classmethod
    def from_card(cls, card: Card, tags: Sequence[str] = ()) -> SearchRecord:
        return cls(card.url, card.claim, card.verdict.label, card.category, card.description,
                   tuple(tags))


@dataclass(frozen=True)
class Document:
    """An article as indexed: its record, and the texts searched (claim and body; tags,
    category and verdict come from the record)."""

    record: SearchRecord
    claim: str
    body: str

    @property
    def fields(self) -> str:
        """What counts as much as the claim: tags, category and verdict label."""
        return " ; ".join((*self.record.tags, self.record.category, self.record.verdict))


@dataclass(frozen=True)
class TagLink:
    name: str
    url: str
    articles: int


def sentences(body: str) -> list[str]:
    """The body's sentences, spaces collapsed (no-break spaces kept), none longer than
    ``MAX_SENTENCE`` characters."""
    found: list[str] = []
    for sentence in _SENTENCE_END.split(_SPACES.sub(" ", body).strip()):
        while len(sentence) > MAX_SENTENCE:
            cut = sentence.rfind(" ", 0, MAX_SENTENCE)
            cut = cut if cut > 0 else MAX_SENTENCE
            found.append(sentence[:cut])
            sentence = sentence[cut:].lstrip()
        if sentence:
            found.append(sentence)
    return found


def shard_name(word: str) -> str:
    """The file name (without ``.json``) of the shard holding the folded ``word``."""
    return "".join(c if c in _PLAIN else f"_{ord(c):x}_" for c in word[:2])


def index_files(documents: Sequence[Document], synonyms: Sequence[Synonym] = (),
                tags: Sequence[TagLink] = ()) -> dict[str, bytes]:
    """Every file of the index, by path under ``INDEX_DIR``, for ``documents`` in their order."""
    texts = [sentences(d.body) for d in documents]
    claims = [count_words(f"{d.claim} ; {d.fields}") for d in documents]
    parts = [[count_words(sentence) for sentence in text] for text in texts]
    totals: Counter[str] = Counter()
    for counts in (*claims, *(c for p in parts for c in p)):
        totals.update(counts)
    folded = {word: fold(word) for word in totals}
    # Accented spellings that fold alike (« marche », « marché ») get one stem: the most
    # frequent spelling's, so that a folded word always leads to a single stem.
    stem_of: dict[str, str] = {}
    for word, _ in sorted(totals.items(), key=lambda item: (-item[1], item[0])):
        stem_of.setdefault(folded[word], stem(word))
    key_of = {word: stem_of[folded[word]] for word in totals}

    postings: dict[str, dict[int, tuple[int, int]]] = {}
    for number, (claim, body) in enumerate(zip(claims, parts, strict=True)):
        weights: Counter[str] = Counter()
        first: dict[str, int] = {}
        for position, counts in enumerate(body):
            for word, count in counts.items():
                weights[key_of[word]] += count
                first.setdefault(key_of[word], position + 1)
        for word, count in claim.items():
            weights[key_of[word]] += TITLE_WEIGHT * count
        for key, weight in weights.items():
            postings.setdefault(key, {})[number] = (weight, first.get(key, 0))

    also: dict[str, list[str]] = {}
    for synonym in synonyms:
        wanted = [stem_of.get(fold(w)) for w in synonym.target_words]
        if not wanted or None in wanted:
            continue  # no article holds every word it stands for
        holders = set.intersection(*(set(postings[k]) for k in wanted))  # type: ignore[index]
        for word in synonym.words:
            # A word no article holds gets a stem of its own (« data » must not meet « date »).
            key = stem_of.setdefault(fold(word), f"={fold(word)}")
            if key in wanted:
                continue
            also.setdefault(fold(word), [])
            also[fold(word)] = sorted({*also[fold(word)], *(fold(w) for w in synonym.target_words)})
            table = postings.setdefault(key, {})
            for number in holders:
                weight = min(postings[k][number][0] for k in wanted)  # type: ignore[index]
                sentence = postings[wanted[0]][number][1]  # type: ignore[index]
                if table.get(number, (0, 0))[0] < weight:
                    table[number] = (weight, sentence)

    shards: dict[str, dict[str, str]] = {}
    for word, key in stem_of.items():
        shards.setdefault(shard_name(word), {})[word] = key
    files = {}
    for name, words in shards.items():
        shard: dict[str, object] = {
            "articles": len(documents), "chunk": CHUNK, "words": words,
            "stems": {key: _gaps(postings[key]) for key in set(words.values())},
        }
        extra = {w: also[w] for w in words if w in also}
        if extra:
            shard["also"] = extra
        files[f"words/{name}.json"] = _json(shard)
    for start in range(0, len(documents), CHUNK):
        files[f"articles/{start // CHUNK}.json"] = _json(
            [astuple(d.record) for d in documents[start:start + CHUNK]])
    for number, text in enumerate(texts):
        for start in range(0, len(text), SENTENCES):
            files[f"text/{number}/{start // SENTENCES}.json"] = _json(text[start:start + SENTENCES])
    if documents:
        files["facets.json"] = _json(_facets(documents, tags))
    return dict(sorted(files.items()))


def _facets(documents: Sequence[Document], tags: Sequence[TagLink]) -> dict[str, object]:
    verdicts = list(dict.fromkeys(d.record.verdict for d in documents))
    categories = sorted({d.record.category for d in documents})
    verdict_number = {v: i for i, v in enumerate(verdicts)}
    category_number = {c: i for i, c in enumerate(categories)}
    of: list[int] = []
    for d in documents:
        of += [verdict_number[d.record.verdict], category_number[d.record.category]]
    top = sorted(tags, key=lambda t: (-t.articles, fold(t.name), t.name))[:SUGGESTED_TAGS]
    return {"verdicts": verdicts, "categories": categories, "of": of, "chunk": CHUNK,
            "tags": [[t.name, t.url, t.articles] for t in top]}


def _gaps(weights: Mapping[int, tuple[int, int]]) -> list[int]:
    """Postings as ``[gap, weight, sentence, …]``, article numbers ascending."""
    flat, previous = [], 0
    for number in sorted(weights):
        flat += [number - previous, *weights[number]]
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
        tags = [french_spacing(t) for t in dict.fromkeys(entry.meta.tags or ())]
        documents.append(Document(SearchRecord.from_card(card(entry), tags), entry.meta.claim,
                                  bodies[entry.src_uri]))
    return documents


def write_index(site_dir: Path, documents: Sequence[Document], synonyms: Sequence[Synonym] = (),
                tags: Sequence[TagLink] = ()) -> None:
    """Write the index of ``documents`` under ``site_dir / INDEX_DIR``."""
    for name, data in index_files(documents, synonyms, tags).items():
        path = site_dir / INDEX_DIR / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
