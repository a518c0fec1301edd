"""What readers browse: the home « Tous les articles », one page per category and per tag.

The plugin builds a ``Listing`` when MkDocs collects the files (``on_files``), from each
article's validated front matter; ``publication.site.pages`` adds one generated page per listing
page, rendered through ``site_overrides/vf-listing.html``. Articles are listed newest first. The
cost is linear in the number of articles, and whatever the size of the corpus a page shows at
most ``PER_PAGE`` cards, a bounded pagination and at most ``RELATED`` related articles.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import islice
from pathlib import Path
from typing import Literal

from publication.model.images import intrinsic_size
from publication.model.schema import CATEGORIES, ArticleMeta
from publication.model.slugs import slugify
from publication.model.verdicts import VERDICTS, Verdict
from publication.views.article import ArticleView
from vocabulary.french import french_spacing, quoted

PER_PAGE = 12
RELATED = 3
#: Cards whose cover is loaded at once: the first ones, above the fold on a phone.
EAGER_CARDS = 2
HOME_TITLE = "Tous les articles"

Kind = Literal["home", "category", "tag"]


def _segment(text: str) -> str:
    """The URL segment of a category or tag: « IA générative » gives ``ia-generative``."""
    return slugify(text) or "autre"


@dataclass(frozen=True)
class Entry:
    """An article as the listing knows it: its file, its URL and its validated front matter."""

    src_uri: str
    url: str
    meta: ArticleMeta


@dataclass(frozen=True)
class Section:
    """A list of articles, newest first, shown on one or more pages under ``base``."""

    kind: Kind
    title: str
    base: str  # site-relative folder: "", "categories/technologie/"
    entries: tuple[Entry, ...]

    @property
    def page_count(self) -> int:
        return max(1, math.ceil(len(self.entries) / PER_PAGE))

    def url(self, number: int) -> str:
        return self.base if number == 1 else f"{self.base}page/{number}/"

    def src_uri(self, number: int) -> str:
        return self.url(number) + "index.md"

    def entries_on(self, number: int) -> tuple[Entry, ...]:
        return self.entries[(number - 1) * PER_PAGE:number * PER_PAGE]


@dataclass(frozen=True)
class ListingPage:
    section: Section
    number: int


@dataclass(frozen=True)
class NavLink:
    title: str
    url: str
    current: bool = False


@dataclass(frozen=True)
class PageLink:
    """One item of the pagination; ``number`` None is an ellipsis."""

    number: int | None
    url: str | None
    current: bool


@dataclass(frozen=True)
class Card:
    """An article as a card: on listing pages and under « On a d’autres articles à vous
    proposer »."""

    url: str
    #: The myth, between guillemets: a card is headed by the claim, not the article's title.
    claim: str
    category: str
    category_url: str
    description: str
    cover: str
    cover_alt: str
    cover_width: int | None
    cover_height: int | None
    reading_minutes: int
    date_iso: str
    date_text: str
    verdict: Verdict
    verdict_label: str | None
    #: The article has been corrected since it was published (a small « corrigé » mark).
    corrected: bool = False
    lazy: bool = True


@dataclass(frozen=True)
class ListingView:
    """Everything ``vf-listing.html`` shows."""

    kind: Kind
    heading: str
    kicker: str | None
    number: int
    page_count: int
    count_text: str
    cards: tuple[Card, ...]
    pages: tuple[PageLink, ...]
    previous_url: str | None
    next_url: str | None
    sections: tuple[NavLink, ...]


@dataclass(frozen=True)
class ScaleStep:
    key: str
    label: str
    current: bool


@dataclass(frozen=True)
class ArticleExtras:
    """What an article page shows beside ``ArticleView``: the claim and labels spaced the French
    way, the verdict scale, the cover's size, and the links to its category, tags and related
    articles."""

    claim: str
    verdict_label: str | None
    scale: tuple[ScaleStep, ...]
    cover_width: int | None
    cover_height: int | None
    category_url: str
    tags: tuple[NavLink, ...]
    related: tuple[Card, ...]


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=lambda e: (-e.meta.date.toordinal(), e.url))


def page_window(current: int, count: int, around: int = 1) -> list[int | None]:
    """Page numbers to show: first, last, and ``around`` pages either side of ``current``."""
    shown = sorted({1, count, *range(max(1, current - around), min(count, current + around) + 1)})
    window: list[int | None] = []
    for number in shown:
        if window and number - (window[-1] or 0) > 1:
            window.append(None)
        window.append(number)
    return window


def _nearest(entries: Sequence[Entry], index: int) -> Iterator[Entry]:
    """The entries of ``entries`` but the one at ``index``, nearest first, older before newer."""
    for step in range(1, len(entries)):
        for position in (index + step, index - step):
            if 0 <= position < len(entries):
                yield entries[position]


class Listing:
    """The sections and pages of the listing, built once per build from the articles."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        ordered = tuple(newest_first(entries))
        self.home = Section("home", HOME_TITLE, "", ordered)
        self.categories: dict[str, Section] = {}
        for name in CATEGORIES:
            group = tuple(e for e in ordered if e.meta.category == name)
            if group:
                self.categories[name] = Section("category", name, f"categories/{_segment(name)}/",
                                                group)
        by_tag: dict[str, list[tuple[str, Entry]]] = {}
        for entry in ordered:
            for tag in dict.fromkeys(entry.meta.tags or ()):
                by_tag.setdefault(_segment(tag), []).append((tag, entry))
        self.tags: dict[str, Section] = {
            slug: Section("tag", min(t for t, _ in tagged), f"etiquettes/{slug}/",
                          tuple({e.src_uri: e for _, e in tagged}.values()))
            for slug, tagged in sorted(by_tag.items())
        }
        self.entries = {entry.src_uri: entry for entry in ordered}
        #: Each article's position in its category, for related articles.
        self._positions = {entry.src_uri: i for section in self.categories.values()
                           for i, entry in enumerate(section.entries)}
        self.pages: dict[str, ListingPage] = {
            section.src_uri(number): ListingPage(section, number)
            for section in (self.home, *self.categories.values(), *self.tags.values())
            for number in range(1, section.page_count + 1)
        }

    def title(self, src_uri: str) -> str:
        """A listing page's title: its section's, and its number after the first."""
        page = self.pages[src_uri]
        title = page.section.title
        return f"{title}, page {page.number}" if page.number > 1 else title

    def view(self, src_uri: str, card: Callable[[Entry], Card]) -> ListingView:
        page = self.pages[src_uri]
        section, number = page.section, page.number
        cards = tuple(replace(card(e), lazy=i >= EAGER_CARDS)
                      for i, e in enumerate(section.entries_on(number)))
        count = section.page_count
        pages = tuple(PageLink(n, section.url(n) if n else None, n == number)
                      for n in page_window(number, count))
        kicker = {"home": None, "category": "Catégorie", "tag": "Étiquette"}[section.kind]
        total = len(section.entries)
        count_text = f"{total} article{'s' if total > 1 else ''}"
        if count > 1:
            count_text += f", page {number} sur {count}"
        return ListingView(
            kind=section.kind, heading=section.title, kicker=kicker, number=number,
            page_count=count, count_text=count_text, cards=cards, pages=pages,
            previous_url=section.url(number - 1) if number > 1 else None,
            next_url=section.url(number + 1) if number < count else None,
            sections=tuple(NavLink(s.title, s.base, s is section)
                           for s in (self.home, *self.categories.values())),
        )

    def related(self, src_uri: str, limit: int = RELATED) -> list[Entry]:
        """Articles to read next: the nearest in date of the same category, then the newest of
        the other categories. Bounded work per article, whatever the size of the corpus."""
        entry = self.entries.get(src_uri)
        if entry is None:
            return []
        same = self.categories[entry.meta.category].entries
        picked = list(islice(_nearest(same, self._positions[src_uri]), limit))
        if len(picked) < limit:
            others = [e for name, section in self.categories.items()
                      if name != entry.meta.category for e in section.entries[:limit]]
            picked += newest_first(others)[:limit - len(picked)]
        return picked

    def article_extras(self, src_uri: str, card: Callable[[Entry], Card],
                       docs_dir: Path) -> ArticleExtras | None:
        entry = self.entries.get(src_uri)
        if entry is None:
            return None
        meta = entry.meta
        size = intrinsic_size(docs_dir / meta.cover)
        return ArticleExtras(
            claim=quoted(meta.claim),
            verdict_label=french_spacing(meta.verdict_label) if meta.verdict_label else None,
            scale=tuple(ScaleStep(v.key, v.label, v.key == meta.verdict)
                        for v in sorted(VERDICTS.values(), key=lambda v: -v.rating)),
            cover_width=size[0] if size else None, cover_height=size[1] if size else None,
            category_url=self.categories[meta.category].base,
            tags=tuple(NavLink(french_spacing(tag), self.tags[_segment(tag)].base)
                       for tag in dict.fromkeys(meta.tags or ())),
            related=tuple(card(e) for e in self.related(src_uri)),
        )


class CardMaker:
    """Makes each article's card once, from its entry and its rendered view."""

    def __init__(self, listing: Listing, articles: Callable[[str], ArticleView | None],
                 docs_dir: Path) -> None:
        self.listing = listing
        self.articles = articles
        self.docs_dir = docs_dir
        self._cards: dict[str, Card] = {}

    def __call__(self, entry: Entry) -> Card:
        if entry.src_uri not in self._cards:
            self._cards[entry.src_uri] = self._make(entry)
        return self._cards[entry.src_uri]

    def _make(self, entry: Entry) -> Card:
        meta = entry.meta
        view = self.articles(entry.src_uri)
        if view is None:
            raise LookupError(f"{entry.src_uri} was listed but not rendered")
        size = intrinsic_size(self.docs_dir / meta.cover)
        return Card(
            url=entry.url, claim=quoted(meta.claim), category=meta.category,
            category_url=self.listing.categories[meta.category].base,
            description=french_spacing(meta.description), cover=meta.cover,
            cover_alt=meta.cover_alt, cover_width=size[0] if size else None,
            cover_height=size[1] if size else None, reading_minutes=view.reading_minutes,
            date_iso=meta.date.isoformat(), date_text=view.date_text, verdict=view.verdict,
            verdict_label=french_spacing(meta.verdict_label) if meta.verdict_label else None,
            corrected=bool(meta.corrections),
        )
