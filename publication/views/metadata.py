"""What a page says about itself to machines and to sharing: title, OpenGraph and Twitter meta,
JSON-LD ``Article`` + ``ClaimReview``, and the share links of an article. An article's calcul
page is a ``WebPage`` about that article, with no review of its own.

Everything is prepared here as plain data; ``main.html`` escapes and lays it out (JSON-LD through
``tojson``). Share links are plain links: no third-party script, no widget, no tracker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from calculators import Source
from publication.model.verdicts import VERDICTS
from publication.views.article import ArticleView
from vocabulary.french import LOCALE, french_spacing

FEED = "feed.xml"
BEST_RATING = max(v.rating for v in VERDICTS.values())
WORST_RATING = min(v.rating for v in VERDICTS.values())


@dataclass(frozen=True)
class Identity:
    """Who publishes and on what terms (``mkdocs.yml``, ``identity:``)."""

    organisation: str = ""
    organisation_url: str = ""
    contact_email: str = ""
    contact_url: str = ""
    texts_licence: str = ""
    texts_licence_url: str = ""
    data_licence: str = ""
    data_licence_url: str = ""


@dataclass(frozen=True)
class TrustLinks:
    """Site-relative URLs of the pages that say who publishes and how, for the footer and the
    verdict box."""

    about: str = "a-propos/"
    contact: str = "contact/"
    scale: str = "grille-des-verdicts/"
    licence: str = "licence/"


#: Authors that are the newsroom, not a person: an ``Organization`` in JSON-LD.
NEWSROOM = ("la rédaction",)


@dataclass(frozen=True)
class Site:
    name: str
    url: str  # absolute, ends with "/"; empty if the site has no URL
    description: str
    docs_dir: Path
    identity: Identity = Identity()
    trust: TrustLinks = TrustLinks()

    def absolute(self, url: str) -> str:
        """The absolute URL of a site-relative ``url`` (urljoin is slow for thousands of
        pages, and site URLs are plain folders)."""
        return self.url + url.lstrip("/") if self.url else ""


@dataclass(frozen=True)
class MetaTag:
    attribute: str  # "property" (OpenGraph) or "name"
    key: str
    content: str


@dataclass(frozen=True)
class HeadView:
    title: str
    description: str
    author: str | None
    tags: tuple[MetaTag, ...]
    json_ld: dict[str, Any] | None
    feed_url: str


#: The share card of an article, in its folder, and the site's, at the site's root
#: (``publication.cards`` draws them; the plugin writes them after the build).
CARD_FILE = "carte.png"
CARD_WIDTH, CARD_HEIGHT = 1200, 630


@dataclass(frozen=True)
class SocialImage:
    """The image announced to social networks (``og:image``): a share card."""

    url: str  # relative to the site's root
    alt: str
    width: int = CARD_WIDTH
    height: int = CARD_HEIGHT
    type: str = "image/png"


def card_url(page_url: str) -> str:
    """Where an article's share card is, next to its page (``mythes/slug/carte.png``)."""
    return page_url + CARD_FILE


def article_card_alt(site_name: str, claim: str, verdict: str) -> str:
    return french_spacing(f"« {claim} » — Verdict : {verdict} ({site_name})")


def site_card(site: Site) -> SocialImage:
    return SocialImage(CARD_FILE, french_spacing(f"{site.name} — {site.description}"))


def _image_tags(site: Site, image: SocialImage) -> list[MetaTag]:
    absolute = site.absolute(image.url)
    return [MetaTag("property", "og:image", absolute),
            MetaTag("property", "og:image:type", image.type),
            MetaTag("property", "og:image:width", str(image.width)),
            MetaTag("property", "og:image:height", str(image.height)),
            MetaTag("property", "og:image:alt", image.alt)]


@dataclass(frozen=True)
class ShareLink:
    network: str  # CSS class and icon key
    label: str
    href: str


@dataclass(frozen=True)
class ShareView:
    url: str
    links: tuple[ShareLink, ...]


def _title(site: Site, title: str | None) -> str:
    name = french_spacing(site.name)
    return f"{french_spacing(title)} – {name}" if title and title != site.name else name


def page_head(site: Site, title: str | None, url: str, description: str | None = None,
              image: SocialImage | None = None) -> HeadView:
    """Head of a page that is not an article: listing pages, the method page; its shared
    image is ``image``, by default the site's share card. The home page is announced by the
    site's name, not by its navigation label (« Accueil »)."""
    if url.strip("/") == "":
        title = None
    description = french_spacing(description or site.description)
    absolute = site.absolute(url)
    tags = [MetaTag("property", "og:type", "website"),
            MetaTag("property", "og:site_name", site.name),
            MetaTag("property", "og:locale", LOCALE),
            MetaTag("property", "og:title", title or site.name),
            MetaTag("property", "og:description", description),
            MetaTag("name", "twitter:card", "summary")]
    if absolute:
        tags.insert(3, MetaTag("property", "og:url", absolute))
        image = image or site_card(site)
        tags[-1:] = [*_image_tags(site, image),
                     MetaTag("name", "twitter:card", "summary_large_image"),
                     MetaTag("name", "twitter:image:alt", image.alt)]
    return HeadView(_title(site, title), description, None, tuple(tags), None, FEED)


def calcul_head(site: Site, title: str, url: str, article: ArticleView, article_url: str
                ) -> HeadView:
    """Head of an article's calcul page: a plain page (OpenGraph ``website``) whose JSON-LD
    says it is about the article; the ``ClaimReview`` stays on the article alone."""
    description = french_spacing(
        f"Le détail des calculs de l’article « {article.meta.title} » : chaque chiffre, sa "
        "formule, les données qu’il utilise, leur statut et leurs sources.")
    head = page_head(site, title, url, description)
    absolute = site.absolute(url)
    if not absolute:
        return head
    article_absolute = site.absolute(article_url)
    graph = {
        "@context": "https://schema.org", "@type": "WebPage", "@id": absolute, "url": absolute,
        "name": title, "description": description, "inLanguage": "fr",
        "isPartOf": {"@type": "WebSite", "name": site.name, "url": site.url},
        "about": {"@type": "Article", "@id": f"{article_absolute}#article",
                  "url": article_absolute, "headline": article.meta.title},
    }
    return replace(head, json_ld=graph)


def article_head(site: Site, article: ArticleView, url: str) -> HeadView:
    """Head of an article: OpenGraph ``article`` with its share card, Twitter card and JSON-LD.
    The shared title and description lead with the verdict (« Faux : … »)."""
    meta = article.meta
    absolute = site.absolute(url)
    card = SocialImage(card_url(url),
                       article_card_alt(site.name, meta.claim, article.verdict.label))
    image = site.absolute(card.url)
    description = french_spacing(meta.description)
    shared_title = french_spacing(f"{article.verdict.label} : {meta.title}")
    shared_description = french_spacing(f"Verdict : {article.verdict.label}. {meta.description}")
    tags = [MetaTag("property", "og:type", "article"),
            MetaTag("property", "og:site_name", site.name),
            MetaTag("property", "og:locale", LOCALE),
            MetaTag("property", "og:url", absolute),
            MetaTag("property", "og:title", shared_title),
            MetaTag("property", "og:description", shared_description),
            *_image_tags(site, card)]
    tags += [MetaTag("property", "article:published_time", meta.date.isoformat()),
             MetaTag("property", "article:author", meta.author),
             MetaTag("property", "article:section", meta.category)]
    tags += [MetaTag("property", "article:tag", tag) for tag in meta.tags or ()]
    # X reads og:title, og:description and og:image when its own tags are missing: repeating
    # them would cost three elements on every article (decision 40). It has no fallback for
    # the card type and the image's text alternative.
    tags += [MetaTag("name", "twitter:card", "summary_large_image"),
             MetaTag("name", "twitter:image:alt", card.alt)]
    if not absolute:
        tags = [t for t in tags if t.content]
    return HeadView(_title(site, meta.title), description, meta.author, tuple(tags),
                    json_ld(site, article, absolute, image), FEED)


def json_ld(site: Site, article: ArticleView, url: str, image: str) -> dict[str, Any]:
    """schema.org ``Article`` and ``ClaimReview`` of one myth, as one JSON-LD graph.

    ``reviewRating.alternateName`` is the verdict on the fixed scale (« Faux »), which fact-check
    readers compare across publishers; the article's own wording goes in ``ratingExplanation``.
    ``dateModified`` is the latest correction's date, else the publication date.
    """
    meta = article.meta
    modified = article.updated.isoformat()
    publisher = organisation(site)
    rating: dict[str, Any] = {
        "@type": "Rating", "ratingValue": article.verdict.rating, "bestRating": BEST_RATING,
        "worstRating": WORST_RATING, "alternateName": article.verdict.label,
    }
    if meta.verdict_label:
        rating["ratingExplanation"] = meta.verdict_label
    return {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article", "@id": f"{url}#article", "url": url,
                "mainEntityOfPage": url, "headline": meta.title, "description": meta.description,
                "image": image, "datePublished": meta.date.isoformat(), "dateModified": modified,
                "inLanguage": "fr",
                "articleSection": meta.category, "keywords": list(meta.tags or ()),
                "author": author(site, meta.author, publisher), "publisher": publisher,
            },
            {
                "@type": "ClaimReview", "@id": f"{url}#claimreview", "url": url,
                "claimReviewed": meta.claim, "datePublished": meta.date.isoformat(),
                "dateModified": modified, "inLanguage": "fr", "author": publisher,
                "reviewRating": rating,
                "itemReviewed": claim(meta.claim, article.based_on),
            },
        ],
    }


def organisation(site: Site) -> dict[str, Any]:
    """The publisher: the organisation of ``mkdocs.yml``'s identity, else the site itself."""
    identity = site.identity
    node: dict[str, Any] = {"@type": "Organization",
                            "name": identity.organisation or site.name}
    url = identity.organisation_url or site.url
    if url:
        node["url"] = url
    if identity.contact_email:
        node["email"] = identity.contact_email
    return node


def author(site: Site, name: str, publisher: dict[str, Any]) -> dict[str, Any]:
    """An article's author: a person, or the newsroom (« La rédaction »), which is the
    publication's team, an ``Organization`` within the publisher."""
    if name.strip().lower() not in NEWSROOM:
        return {"@type": "Person", "name": name}
    node: dict[str, Any] = {"@type": "Organization", "name": f"{name} – {site.name}"}
    if site.url:
        node["url"] = site.url
    if publisher.get("name") != site.name:
        node["parentOrganization"] = publisher
    return node


def claim(text: str, based_on: Source | None) -> dict[str, Any]:
    """The reviewed ``Claim``; where the article knows the text the claim first appeared in
    (``based_on``), its ``firstAppearance`` with that text's authors. The claim itself has no
    ``author``: a myth is held by no one in particular, and the text that first quoted it in
    these words (our series' seed article) was written to refute it, not to make it."""
    node: dict[str, Any] = {"@type": "Claim", "name": text}
    if based_on is None:
        return node
    authors = [{"@type": "Person", "name": name} for name in based_on.authors]
    work: dict[str, Any] = {"@type": "CreativeWork", "name": based_on.title}
    if based_on.url:
        work["url"] = based_on.url
    if authors:
        work["author"] = authors if len(authors) > 1 else authors[0]
    if based_on.published:
        work["datePublished"] = based_on.published.isoformat()
        node["datePublished"] = based_on.published.isoformat()
    if based_on.venue:
        work["isPartOf"] = {"@type": "CreativeWork", "name": based_on.venue}
    node["firstAppearance"] = work
    node["appearance"] = work
    return node


def share_view(url: str, title: str) -> ShareView:
    """Plain share links to LinkedIn, X and Facebook for the absolute ``url``."""
    encoded = quote(url, safe="")
    return ShareView(url, (
        ShareLink("linkedin", "LinkedIn",
                  f"https://www.linkedin.com/sharing/share-offsite/?url={encoded}"),
        ShareLink("x", "X", "https://x.com/intent/post?" + urlencode({"text": title, "url": url})),
        ShareLink("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={encoded}"),
    ))
