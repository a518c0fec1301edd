"""Issue 15, part C, in the built HTML: our own icons (no Material default), the one-line hint
about figure links near the top of an article, and « vous » in what templates say."""

from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

from tests.helpers import ROOT, build, myth, soup

BODY = "Il faut {{ param(\"gpt3_accelerators\") | figure(\"accelerator\", long=True) }}."


def test_every_page_has_our_icon_and_touch_icon(make_project: Callable[..., Path]) -> None:
    site = build(make_project(articles={"mythes/essai.md": myth(BODY)}, keep_articles=False))
    pages = [*site.rglob("index.html"), site / "404.html"]
    assert len(pages) > 5
    ours = (ROOT / "site_overrides" / "assets" / "images" / "vf-favicon.svg").read_text(
        encoding="utf-8").strip()
    for path in pages:
        page = soup(path)
        icons = page.select('link[rel~="icon"]')
        assert len(icons) == 1, path
        assert icons[0]["type"] == "image/svg+xml"
        assert unquote(icons[0]["href"].removeprefix("data:image/svg+xml,")) == ours, path
        touch = page.select_one('link[rel="apple-touch-icon"]')
        assert touch["sizes"] == "180x180"
        target = (path.parent / touch["href"]).resolve() if not touch["href"].startswith("/") \
            else site / touch["href"].lstrip("/")
        png = target.read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (180, 180)
        assert "favicon.png" not in str(page.head)


def test_an_article_with_figures_says_where_they_lead(make_project: Callable[..., Path]) -> None:
    site = build(make_project(articles={"mythes/essai.md": myth(BODY),
                                        "mythes/sans.md": myth("Sans chiffre.", title="Sans")},
                              keep_articles=False))
    page = soup(site / "mythes" / "essai" / "index.html")
    hint = page.select_one(".vf-fig-hint")
    assert hint is not None
    assert hint.get_text() == ("Chaque chiffre souligné mène à son calcul\u202f: sa formule, "
                               "ses données et leurs sources.")
    # Near the top: before the body, after the verdict.
    assert hint.find_next_sibling(class_="vf-body") is not None
    assert soup(site / "mythes" / "sans" / "index.html").select_one(".vf-fig-hint") is None


def test_templates_say_vous_not_tu() -> None:
    words = (" te ", " tu ", " toi ", " ton ", " ta ", " tes ", "t’as")
    for path in [*(ROOT / "site_overrides").rglob("*.html"), ROOT / "mkdocs.yml"]:
        text = path.read_text(encoding="utf-8").lower()
        found = [word for word in words if word in text]
        assert not found, f"{path.relative_to(ROOT)}: {found}"
