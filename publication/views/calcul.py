"""Each article's « Comment a-t-on calculé ? » page: what its template shows.

An article's derivation blocks are most of its DOM, so they live on a page of their own,
``mythes/<slug>/calcul/`` (``publication.model.paths.calcul_src_uri``), rendered through
``site_overrides/vf-calcul.html`` from the blocks gathered when its article was rendered. The
article's figures link to their block there (plain anchors), and each block links back to its
figure in the article.

The page opens on a table of contents grouped by the article's sections (the ``##`` heading
under which each figure first appears), and shows the blocks in those groups.

A calcul page is not an article: it is not listed, not in the feed, not among related articles,
not in the figures report and not indexed for search.
"""

from __future__ import annotations

from dataclasses import dataclass

from publication.views.article import ArticleView
from publication.views.derivation import DerivationView
from publication.views.listing import Entry
from vocabulary.french import NARROW_NBSP, quoted

HEADING = f"Comment a-t-on calculé{NARROW_NBSP}?"
#: The group of the figures that appear before the article's first section heading.
OPENING = "En introduction"


@dataclass(frozen=True)
class SectionView:
    """One of the article's sections on the calcul page: its heading, the id of that heading
    on the page, and its blocks (those the reader saw first, then those they lead to)."""

    title: str
    anchor: str
    blocks: tuple[DerivationView, ...]

    @property
    def in_text(self) -> tuple[DerivationView, ...]:
        """The blocks of figures the reader saw: the table of contents lists these."""
        return tuple(block for block in self.blocks if block.text_anchor)


def sections(blocks: list[DerivationView]) -> tuple[SectionView, ...]:
    """The blocks grouped by section, sections in the article's order."""
    groups: dict[str | None, list[DerivationView]] = {}
    for block in blocks:
        groups.setdefault(block.section, []).append(block)
    ordered = sorted(groups.items(), key=lambda item: item[0] is not None)  # stable
    return tuple(SectionView(title or OPENING, f"partie-{n}", tuple(group))
                 for n, (title, group) in enumerate(ordered, start=1))


@dataclass(frozen=True)
class CalculView:
    """Everything ``vf-calcul.html`` shows: the article's claim and category, its derivation
    blocks and numbered sources (``article``), and the way back to it."""

    article: ArticleView
    article_url: str  # site-relative
    claim: str
    category_url: str
    sections: tuple[SectionView, ...] = ()


def calcul_title(entry: Entry) -> str:
    """The calcul page's title: « Comment a-t-on calculé ? — « the claim » »."""
    return f"{HEADING} — {quoted(entry.meta.claim)}"


def calcul_view(entry: Entry, article: ArticleView, category_url: str) -> CalculView:
    return CalculView(article=article, article_url=entry.url, claim=quoted(entry.meta.claim),
                      category_url=category_url, sections=sections(article.derivations))
