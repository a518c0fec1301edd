"""Each article's « Comment a-t-on calculé ? » page: what its template shows.

An article's derivation blocks are most of its DOM, so they live on a page of their own,
``mythes/<slug>/calcul/`` (``publication.model.paths.calcul_src_uri``), rendered through
``site_overrides/vf-calcul.html`` from the blocks gathered when its article was rendered. The
article's figures link to their block there (plain anchors), and each block links back to its
figure in the article.

A calcul page is not an article: it is not listed, not in the feed, not among related articles,
not in the figures report and not indexed for search.
"""

from __future__ import annotations

from dataclasses import dataclass

from publication.views.article import ArticleView
from publication.views.listing import Entry
from vocabulary.french import NARROW_NBSP, quoted

HEADING = f"Comment a-t-on calculé{NARROW_NBSP}?"


@dataclass(frozen=True)
class CalculView:
    """Everything ``vf-calcul.html`` shows: the article's claim and category, its derivation
    blocks and numbered sources (``article``), and the way back to it."""

    article: ArticleView
    article_url: str  # site-relative
    claim: str
    category_url: str


def calcul_title(entry: Entry) -> str:
    """The calcul page's title: « Comment a-t-on calculé ? — « the claim » »."""
    return f"{HEADING} — {quoted(entry.meta.claim)}"


def calcul_view(entry: Entry, article: ArticleView, category_url: str) -> CalculView:
    return CalculView(article=article, article_url=entry.url, claim=quoted(entry.meta.claim),
                      category_url=category_url)
