"""What a reader's browser does with the site: pages at phone and desktop widths, navigation,
« Copier le lien », accessibility (axe-core), and no request to another host. The search page
has its own tests (test_search_browser.py)."""

from __future__ import annotations

import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from .conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PAGES = {
    "home": "",
    "category": "categories/technologie/",
    "article": "mythes/chatgpt-magique/",
}
WIDTHS = (375, 1280)
#: axe impact levels that fail the test.
BLOCKING = ("serious", "critical")
AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_page_renders_accessibly_without_other_hosts(visit, site_url: str, axe_source: str,
                                                     name: str, width: int) -> None:
    v = visit(width)
    response = v.page.goto(site_url + PAGES[name])
    assert response is not None and response.ok
    v.page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"{name}-{width}.png", full_page=True)
    scroll_width = v.page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{name} scrolls sideways at {width} px"
    v.page.add_script_tag(content=axe_source)
    violations = v.page.evaluate(AXE_RUN)
    blocking = [x for x in violations if x["impact"] in BLOCKING]
    assert not blocking, "\n".join(f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
                                   for x in blocking)
    assert not v.foreign_requests()
    # Material fetches sitemap.xml for each link[rel=alternate]; it grows with the corpus.
    assert not [url for url in v.requests if url.endswith("sitemap.xml")]


def test_reading_needs_no_javascript(visit, site_url: str) -> None:
    v = visit(375, java_script_enabled=False)
    v.page.goto(site_url + PAGES["article"])
    expect(v.page.locator("h1.vf-claim")).to_contain_text("Chat-GPT, c’est magique")
    expect(v.page.locator(".vf-verdict__badge")).to_have_text("Faux")
    expect(v.page.locator(".vf-calcul-summary")).to_be_visible()
    expect(v.page.get_by_role("button", name="Copier le lien")).to_be_hidden()
    expect(v.page.get_by_role("link", name="Partager sur LinkedIn")).to_be_visible()


def test_card_leads_to_the_article_and_back(visit, site_url: str) -> None:
    v = visit(375)
    v.page.goto(site_url)
    card = v.page.locator(".vf-card").filter(has_text="Chat-GPT, c’est magique")
    card.locator(".vf-card__link").click()
    expect(v.page).to_have_url(site_url + PAGES["article"])
    expect(v.page.locator("h1")).to_contain_text("Chat-GPT, c’est magique")
    v.page.get_by_role("link", name="‹ Tous les articles").first.click()
    expect(v.page).to_have_url(site_url)
    v.page.get_by_role("link", name="Technologie", exact=True).first.click()
    expect(v.page).to_have_url(site_url + PAGES["category"])
    expect(v.page.locator("h1")).to_have_text("Technologie")
    assert not v.foreign_requests()


def test_copy_link_puts_the_article_url_on_the_clipboard(visit, site_url: str) -> None:
    v = visit(1280, permissions=["clipboard-read", "clipboard-write"])
    v.page.goto(site_url + PAGES["article"])
    canonical = v.page.locator('link[rel="canonical"]').get_attribute("href")
    button = v.page.get_by_role("button", name="Copier le lien")
    expect(button).to_be_visible()
    button.click()
    expect(v.page.locator(".vf-share__status")).to_have_text("Lien copié\u202f!")
    assert v.page.evaluate("navigator.clipboard.readText()") == canonical
    assert canonical.endswith("/mythes/chatgpt-magique/")


def search_requests(requests: list[str]) -> list[str]:
    """Requests for search: our index, Pagefind's bundle, or Material's lunr index and worker."""
    return [url for url in requests
            if any(part in urlparse(url).path for part in ("/pagefind/", "/search/", "lunr"))]


@pytest.mark.parametrize("name", list(PAGES))
def test_other_pages_load_nothing_for_search(visit, site_url: str, name: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + PAGES[name])
    v.page.wait_for_load_state("networkidle")
    search_link = v.page.locator(".md-header").get_by_role("link", name="Rechercher")
    expect(search_link).to_have_attribute("href", re.compile(r"recherche/$"))
    assert not search_requests(v.requests)
