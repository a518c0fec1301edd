"""Issue 15, part A, in a reader's browser at phone and desktop widths: the verdict and « En
bref » on the first screen, « Aller au contenu » leading to the title, the footer reaching the
trust pages, and axe-core on the new pages."""

from __future__ import annotations

import pytest

from .conftest import ARTIFACTS
from .test_reader_browser import AXE_RUN, BLOCKING

pytestmark = pytest.mark.browser

WIDTHS = (375, 1280)
ARTICLE = "mythes/chatgpt-magique/"
TRUST_PAGES = {"À propos": "a-propos/", "Contact": "contact/",
               "Grille des verdicts": "grille-des-verdicts/",
               "Licence et réutilisation": "licence/"}
#: The bottom of ``selector``'s box, in CSS pixels from the top of the page.
BOTTOM = "selector => document.querySelector(selector).getBoundingClientRect().bottom"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_verdict_is_on_the_first_screen(visit, site_url: str, width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + ARTICLE)
    height = v.page.viewport_size["height"]
    assert v.page.evaluate("window.scrollY") == 0
    badge = v.page.locator(".vf-verdict__badge")
    assert badge.is_visible() and badge.inner_text().strip().lower() == "faux"
    assert v.page.evaluate(BOTTOM, ".vf-verdict__line") <= height
    # The claim, the verdict and the start of « En bref » come before the cover.
    assert v.page.evaluate(BOTTOM, ".vf-verdict") \
        < v.page.evaluate(BOTTOM, ".vf-cover")
    assert v.page.evaluate(
        "document.querySelector('.vf-summary').getBoundingClientRect().top") < height
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"article-first-screen-{width}.png")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_skip_link_leads_to_the_title(visit, site_url: str, width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + ARTICLE)
    v.page.keyboard.press("Tab")
    skip = v.page.locator("a.md-skip")
    assert v.page.evaluate("document.activeElement.classList.contains('md-skip')")
    assert skip.get_attribute("href") == "#vf-title"
    v.page.keyboard.press("Enter")
    v.page.wait_for_function("location.hash === '#vf-title'")
    assert v.page.evaluate("document.activeElement.id") == "vf-title"
    assert v.page.evaluate("document.activeElement.tagName") == "H1"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_footer_reaches_every_trust_page(visit, site_url: str, width: int) -> None:
    v = visit(width)
    for label, path in TRUST_PAGES.items():
        v.page.goto(site_url + ARTICLE)
        v.page.locator("footer.vf-footer").get_by_role("link", name=label, exact=True).click()
        v.page.wait_for_url(site_url + path)
        assert v.page.locator("h1").first.inner_text().strip() == label


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", list(TRUST_PAGES.values()))
def test_trust_pages_are_accessible(visit, site_url: str, axe_source: str, path: str,
                                    width: int) -> None:
    v = visit(width)
    response = v.page.goto(site_url + path)
    assert response is not None and response.ok
    assert v.page.evaluate("document.documentElement.scrollWidth") <= width
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"{path.strip('/')}-{width}.png", full_page=True)
    v.page.add_script_tag(content=axe_source)
    blocking = [x for x in v.page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]
    assert not blocking, "\n".join(f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
                                   for x in blocking)
