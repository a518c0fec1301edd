"""An article's calculations page in a reader's browser: from a figure to its block and back,
with or without JavaScript, accessible (axe-core) and never wider than the screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS
from .test_reader_browser import AXE_RUN, BLOCKING, WIDTHS

pytestmark = pytest.mark.browser

ARTICLE = "mythes/chatgpt-magique/"
CALCUL = ARTICLE + "calcul/"
FIGURE = "calcul-chatgpt-monthly-inference-emissions"


@pytest.mark.parametrize("javascript", [True, False])
def test_a_figure_leads_to_its_block_and_back(visit, site_url: str, javascript: bool) -> None:
    v = visit(375, java_script_enabled=javascript)
    v.page.goto(site_url + ARTICLE)
    figure = v.page.locator(f'a.vf-fig[href="calcul/#{FIGURE}"]').first
    figure_id = figure.get_attribute("id")
    figure.scroll_into_view_if_needed()
    figure.click()
    expect(v.page).to_have_url(f"{site_url}{CALCUL}#{FIGURE}")
    block = v.page.locator(f"#{FIGURE}")
    expect(block).to_be_in_viewport()
    block.get_by_role("link", name="↩ Revenir au texte").click()
    expect(v.page).to_have_url(f"{site_url}{ARTICLE}#{figure_id}")
    expect(v.page.locator(f"#{figure_id}")).to_be_in_viewport()
    assert not v.foreign_requests()


def test_the_article_links_to_all_its_calculations(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + ARTICLE)
    v.page.get_by_role("link", name="Voir tous les calculs").click()
    expect(v.page).to_have_url(site_url + CALCUL)
    expect(v.page.locator("h1")).to_have_text("Comment a-t-on calculé\u202f?")
    v.page.get_by_role("link", name="‹ Revenir à l’article").first.click()
    expect(v.page).to_have_url(site_url + ARTICLE)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_calcul_page_renders_accessibly(visit, site_url: str, axe_source: str,
                                            width: int) -> None:
    v = visit(width)
    response = v.page.goto(site_url + CALCUL)
    assert response is not None and response.ok
    v.page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"calcul-{width}.png", full_page=True)
    assert v.page.evaluate("document.documentElement.scrollWidth") <= width, \
        f"the calcul page scrolls sideways at {width} px"
    v.page.add_script_tag(content=axe_source)
    blocking = [x for x in v.page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]
    assert not blocking, "\n".join(f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
                                   for x in blocking)
    assert not v.foreign_requests()


def test_the_article_has_no_image_below_the_fold(visit, site_url: str) -> None:
    """Related articles are text cards: scrolled to the bottom, the article's only image is its
    cover, and it has loaded no other."""
    v = visit(1280)
    v.page.goto(site_url + ARTICLE)
    v.page.locator(".vf-related").scroll_into_view_if_needed()
    v.page.wait_for_load_state("networkidle")
    sources = v.page.evaluate("[...document.images].map(image => image.src)")
    assert sources == [site_url + "images/chatgpt.svg"]
    assert [url for url in v.requests if url.startswith(site_url + "images/")] == sources
