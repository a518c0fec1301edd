"""Unit tests of the reader-facing models: listing, pagination window, related articles,
French spacing, cover sizes and the Atom feed. No build, no MkDocs."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from publication.model.images import intrinsic_size
from publication.model.schema import validate
from publication.views.feed import ATOM, FEED_SIZE, atom
from publication.views.listing import PER_PAGE, Entry, Listing, page_window, slugify
from publication.views.metadata import Site, share_view
from vocabulary.french import french_spacing, quoted

NNBSP = "\u202f"


def entry(name: str, date: str, category: str = "Technologie",
          tags: list[str] | None = None) -> Entry:
    meta, problems = validate({
        "title": f"Titre {name}", "claim": f"Le mythe {name}, non ?", "verdict": "faux",
        "date": dt.date.fromisoformat(date), "author": "La rédaction", "category": category,
        "tags": tags or [], "description": f"Résumé {name}.", "summary": "En bref.",
        "cover": "images/chatgpt.svg", "cover_alt": "Une illustration.",
    })
    assert not problems
    return Entry(f"mythes/{name}.md", f"mythes/{name}/", meta)


def test_slugs_are_ascii() -> None:
    assert slugify("Communauté") == "communaute"
    assert slugify("IA générative") == "ia-generative"
    assert slugify("Centres de données !") == "centres-de-donnees"


def test_page_window_is_bounded() -> None:
    assert page_window(1, 1) == [1]
    assert page_window(1, 3) == [1, 2, 3]
    assert page_window(5, 84) == [1, None, 4, 5, 6, None, 84]
    assert page_window(84, 84) == [1, None, 83, 84]
    assert max(len(page_window(n, 1000)) for n in range(1, 1001)) == 7


def test_listing_is_newest_first_and_paginated() -> None:
    entries = [entry(f"m{i:02d}", f"2026-01-{1 + i:02d}") for i in range(PER_PAGE + 2)]
    listing = Listing(reversed(entries))
    assert [e.src_uri for e in listing.home.entries][:2] == ["mythes/m13.md", "mythes/m12.md"]
    assert listing.home.page_count == 2
    assert set(listing.pages) == {"index.md", "page/2/index.md",
                                  "categories/technologie/index.md",
                                  "categories/technologie/page/2/index.md"}
    assert len(listing.home.entries_on(2)) == 2


def test_only_categories_with_articles_get_pages() -> None:
    listing = Listing([entry("a", "2026-01-01", "Communauté")])
    assert list(listing.categories) == ["Communauté"]
    assert listing.categories["Communauté"].base == "categories/communaute/"


def test_tags_merge_spellings_with_the_same_slug() -> None:
    listing = Listing([entry("a", "2026-01-02", tags=["IA", "énergie"]),
                       entry("b", "2026-01-01", tags=["ia"])])
    assert [e.src_uri for e in listing.tags["ia"].entries] == ["mythes/a.md", "mythes/b.md"]
    assert listing.tags["energie"].title == "énergie"


def test_related_prefers_the_nearest_articles_of_the_same_category() -> None:
    listing = Listing([
        entry("t1", "2026-01-05"), entry("t2", "2026-01-04"), entry("t3", "2026-01-03"),
        entry("t4", "2026-01-02"), entry("c1", "2026-01-06", "Communauté"),
        entry("e1", "2026-01-01", "Entreprenariat"),
    ])
    assert [e.src_uri for e in listing.related("mythes/t2.md")] == [
        "mythes/t3.md", "mythes/t1.md", "mythes/t4.md"]


def test_related_fills_up_with_the_newest_of_other_categories() -> None:
    listing = Listing([
        entry("t1", "2026-01-05"), entry("t2", "2026-01-04"),
        entry("c1", "2026-01-06", "Communauté"), entry("c2", "2026-01-01", "Communauté"),
        entry("e1", "2026-01-03", "Entreprenariat"),
    ])
    assert [e.src_uri for e in listing.related("mythes/t1.md")] == [
        "mythes/t2.md", "mythes/c1.md", "mythes/e1.md"]
    assert listing.related("mythes/inconnu.md") == []


def test_french_spacing() -> None:
    assert french_spacing("Vrai ou faux ? Oui : non ; si !") == (
        f"Vrai ou faux{NNBSP}? Oui\u00a0: non{NNBSP}; si{NNBSP}!")
    assert quoted("C’est magique, non ?") == f"«{NNBSP}C’est magique, non{NNBSP}?{NNBSP}»"
    assert french_spacing("déjà bon") == "déjà bon"


@pytest.mark.parametrize(("name", "data", "size"), [
    ("a.svg", b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 420"/>', (800, 420)),
    ("b.svg", b'<svg width="640px" height="360" viewBox="0 0 1 1"/>', (640, 360)),
    ("c.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x04\xb0\0\0\x02v", (1200, 630)),
    ("d.txt", b"nothing", None),
])
def test_cover_sizes(tmp_path: Path, name: str, data: bytes, size: tuple[int, int] | None
                     ) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert intrinsic_size(path) == size
    assert intrinsic_size(tmp_path / "missing.svg") is None


def test_share_links_encode_the_url() -> None:
    view = share_view("https://example.org/mythes/a/", "Un titre & plus")
    hrefs = {link.network: link.href for link in view.links}
    assert hrefs["linkedin"].endswith("?url=https%3A%2F%2Fexample.org%2Fmythes%2Fa%2F")
    assert hrefs["facebook"].endswith("?u=https%3A%2F%2Fexample.org%2Fmythes%2Fa%2F")
    assert "text=Un+titre+%26+plus" in hrefs["x"]


def test_feed_is_deterministic_and_bounded(tmp_path: Path) -> None:
    site = Site("Vrai ou faux ?", "https://example.org/", "Description.", tmp_path)
    entries = [entry(f"m{i:03d}", "2026-01-01") for i in range(FEED_SIZE + 5)]
    verdicts = {e.src_uri: "Faux" for e in entries}
    first = atom(site, entries, verdicts)
    assert first == atom(site, entries, verdicts)
    feed = ET.fromstring(first)
    items = feed.findall(f"{{{ATOM}}}entry")
    assert len(items) == FEED_SIZE
    assert feed.findtext(f"{{{ATOM}}}updated") == "2026-01-01T00:00:00Z"
    assert items[0].findtext(f"{{{ATOM}}}id") == "https://example.org/mythes/m000/"


