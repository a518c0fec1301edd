"""Issue 15, part B, in a reader's browser at 375 and 1280 px: a tag word finds its articles with
an excerpt and the words highlighted, the filters keep only what they say, nothing found
suggests tags and the latest articles, the page does not move while it loads, and the share
card is a 1200 × 630 PNG. The tag searched is read from the built index (``facets.json``), so
no test depends on which article carries which tag."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from publication.search.words import fold as fold_text

from .test_reader_browser import AXE_RUN, BLOCKING, WIDTHS
from .test_search_browser import SEARCH, WAIT_MS, result_urls

pytestmark = pytest.mark.browser

NNBSP = "\u202f"


def facets(page: Page, site_url: str) -> dict[str, list]:
    response = page.request.get(site_url + "search/facets.json")
    assert response.ok
    return json.loads(response.text())


def axe_blocking(page: Page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    return [f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
            for x in page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]


@pytest.mark.parametrize("width", WIDTHS)
def test_a_tag_word_finds_its_articles_with_excerpt_and_highlight(visit, site_url: str,
                                                                  axe_source: str,
                                                                  width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + SEARCH)
    name, _, count = facets(v.page, site_url)["tags"][0]
    v.page.get_by_role("searchbox").press_sequentially(name)
    result_urls(v.page)
    results = v.page.locator(".vf-search__result")
    # Every article carrying the tag is found (the first ten shown), its tag highlighted.
    tagged = results.filter(has=v.page.locator(".vf-search__tag--tag mark"))
    expect(tagged).to_have_count(min(count, 10), timeout=WAIT_MS)
    for i in range(results.count()):
        expect(results.nth(i).locator(".vf-search__excerpt")).not_to_be_empty()
    words = set(re.findall(r"\w+", fold_text(name)))
    marks = {fold_text(m) for m in v.page.locator(".vf-search__result mark").all_text_contents()}
    assert marks & words, (marks, words)
    expect(v.page.get_by_role("status")).to_have_text(re.compile(r"^\d+ articles? trouvés?$"))
    assert v.page.evaluate("document.documentElement.scrollWidth") <= width
    v.page.screenshot(path=f"/tmp/i15b-search-tag-{width}.png", full_page=True)
    assert not (blocking := axe_blocking(v.page, axe_source)), "\n".join(blocking)


@pytest.mark.parametrize("width", WIDTHS)
def test_a_body_word_shows_the_sentence_that_holds_it(visit, site_url: str,
                                                      width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + SEARCH + "?q=entra%C3%AEnement")
    result_urls(v.page)
    first = v.page.locator(".vf-search__result").first
    excerpt = first.locator(".vf-search__excerpt")
    expect(excerpt.locator("mark").first).to_be_visible()
    assert fold_text(excerpt.locator("mark").first.text_content() or "").startswith("entrain")
    # The excerpt is the index's text, as text: no markup of the article reaches the page.
    assert excerpt.evaluate("e => [...e.children].every(c => c.tagName === 'MARK')")


@pytest.mark.parametrize("width", WIDTHS)
def test_filters_keep_only_the_verdict_and_category_chosen(visit, site_url: str,
                                                           width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + SEARCH)
    v.page.get_by_role("searchbox").press_sequentially("numérique")
    result_urls(v.page)
    status = v.page.get_by_role("status")
    verdict = v.page.locator(".vf-search__tag--verdict").first.text_content() or ""
    label = verdict.split(":", 1)[1].strip()
    v.page.get_by_label("Verdict", exact=True).select_option(label)
    expect(status).to_contain_text(f"verdict «{NNBSP}{label}{NNBSP}»", timeout=WAIT_MS)
    verdicts = v.page.locator(".vf-search__tag--verdict").all_text_contents()
    assert verdicts and {v_.split(":", 1)[1].strip() for v_ in verdicts} == {label}
    expect(v.page).to_have_url(re.compile(r"verdict="))
    # A category too; with no word, the filters alone list their articles, newest first.
    category = v.page.locator(".vf-search__result .vf-search__tag:not(.vf-search__tag--verdict)"
                              ).first.text_content() or ""
    v.page.get_by_label("Catégorie", exact=True).select_option(category)
    v.page.get_by_role("button", name="Effacer").click()
    expect(status).to_have_text(re.compile(r"^\d+ articles? trouvés? \(verdict .*catégorie"),
                                timeout=WAIT_MS)
    shown = v.page.locator(".vf-search__result")
    assert shown.count() >= 1
    for i in range(shown.count()):
        expect(shown.nth(i).locator(".vf-search__tag--verdict")).to_have_text(
            f"Verdict\u00a0: {label}")
    # A link keeps the filters.
    v.page.reload()
    expect(v.page.get_by_label("Verdict", exact=True)).to_have_value(label)
    expect(v.page.get_by_label("Catégorie", exact=True)).to_have_value(category)


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_found_suggests_tags_and_the_latest_articles(visit, site_url: str,
                                                             axe_source: str,
                                                             width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + SEARCH)
    v.page.get_by_role("searchbox").press_sequentially("zzzyqx ")
    expect(v.page.get_by_role("status")).to_have_text(
        f"Aucun article ne correspond à «{NNBSP}zzzyqx{NNBSP}»", timeout=WAIT_MS)
    suggest = v.page.locator("#vf-search-suggest")
    expect(suggest).to_be_visible()
    tags = suggest.locator(".vf-search__suggest-tag")
    latest = suggest.locator(".vf-search__suggest-link")
    expect(tags.first).to_be_visible()
    assert 1 <= latest.count() <= 5
    assert not (blocking := axe_blocking(v.page, axe_source)), "\n".join(blocking)
    v.page.screenshot(path=f"/tmp/i15b-search-none-{width}.png", full_page=True)
    tags.first.click()
    expect(v.page).to_have_url(re.compile(r"/etiquettes/[^/]+/$"))


def test_a_synonym_finds_what_it_stands_for(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + SEARCH)
    tags = {fold_text(t[0]) for t in facets(v.page, site_url)["tags"]}
    if "desinformation" not in tags:
        pytest.skip("no article is tagged « désinformation » in this corpus")
    v.page.get_by_role("searchbox").press_sequentially("infox")
    result_urls(v.page)
    marks = {fold_text(m) for m in v.page.locator(".vf-search__result mark").all_text_contents()}
    assert "desinformation" in marks


def test_the_page_does_not_move_while_it_loads(visit, site_url: str) -> None:
    v = visit(375)
    v.page.add_init_script("""
        window.__shifts = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
        }).observe({ type: "layout-shift", buffered: true });
    """)
    v.page.goto(site_url + SEARCH + "?q=num%C3%A9rique")
    result_urls(v.page)
    v.page.wait_for_load_state("networkidle")
    assert v.page.evaluate("window.__shifts") < 0.05


def test_the_share_card_is_a_1200_by_630_png(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + "mythes/chatgpt-magique/")
    image = v.page.locator('meta[property="og:image"]').get_attribute("content") or ""
    path = urlparse(image).path
    response = v.page.request.get(site_url.rstrip("/") + path)
    assert response.ok and response.headers["content-type"] == "image/png"
    v.page.goto(site_url.rstrip("/") + path)
    size = v.page.evaluate("[document.images[0].naturalWidth, document.images[0].naturalHeight]")
    assert size == [1200, 630]
