"""Issue 15, part C, in a reader's browser: the dark palette (system preference and the
header's button) with contrast checked by axe-core, the print version (what it hides, that no
page is blank and no card is cut), the smallest text on a phone, and the French 404."""

from __future__ import annotations

import re
import zlib

import pytest
from playwright.sync_api import Page, expect

from .conftest import ARTIFACTS
from .test_reader_browser import AXE_RUN, BLOCKING, WIDTHS

pytestmark = pytest.mark.browser

ARTICLE = "mythes/chatgpt-magique/"
PAGES = {"home": "", "article": ARTICLE, "calcul": ARTICLE + "calcul/",
         "404": "404.html"}
#: What a reader must be able to read on a phone: nothing smaller (issue 15).
MIN_TEXT_PX = 14


def load(page: Page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def blocking(page: Page, axe_source: str) -> list[str]:
    page.add_script_tag(content=axe_source)
    return [f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
            for x in page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]


def luminance(css: str) -> float:
    """Relative luminance (WCAG) of an ``rgb(…)``/``rgba(…)`` colour."""
    r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", css)[:3])

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(PAGES))
def test_the_dark_palette_follows_the_system_and_keeps_contrast(
        visit, site_url: str, axe_source: str, name: str, width: int) -> None:
    v = visit(width, color_scheme="dark")
    load(v.page, site_url + PAGES[name])
    expect(v.page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    colours = v.page.evaluate("""() => {
      const t = getComputedStyle(document.querySelector('.md-typeset h1'));
      return [getComputedStyle(document.body).backgroundColor, t.color];
    }""")
    background, text = (luminance(c) for c in colours)
    assert background < 0.05 and text > 0.6, colours
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"dark-{name}-{width}.png", full_page=True)
    problems = blocking(v.page, axe_source)
    assert not problems, "\n".join(problems)


def test_the_header_button_switches_the_palette(visit, site_url: str) -> None:
    v = visit(1280)
    load(v.page, site_url + ARTICLE)
    body = v.page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    v.page.get_by_title("Passer au thème sombre").click()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    v.page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")  # remembered
    v.page.get_by_title("Passer au thème clair").click()
    expect(body).to_have_attribute("data-md-color-scheme", "default")


SMALL_TEXT = """(min) => {
  const small = [];
  const walker = document.createTreeWalker(document.querySelector('.md-main'),
                                           NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode, element = node.parentElement;
    if (!node.textContent.trim() || !element.checkVisibility()) continue;
    // A chart's SVG text scales with its drawing (decision 35); its values are also in its
    // data table, which this rule covers.
    if (element.closest('svg')) continue;
    const size = parseFloat(getComputedStyle(element).fontSize);
    if (size < min - 0.01) small.push(`${size}px ${element.className || element.tagName}: `
                                      + node.textContent.trim().slice(0, 30));
  }
  return small;
}"""


@pytest.mark.parametrize("name", ["home", "article", "calcul"])
def test_no_text_under_14_px_on_a_phone(visit, site_url: str, name: str) -> None:
    v = visit(375)
    load(v.page, site_url + PAGES[name])
    small = v.page.evaluate(SMALL_TEXT, MIN_TEXT_PX)
    assert not small, "\n".join(small)


def pdf_pages(pdf: bytes) -> list[bytes]:
    """Each page's drawing operators, in page order, from a PDF Chromium wrote."""
    objects = {int(m[1]): m[2] for m in re.finditer(
        rb"(?s)(\d+) 0 obj\s*(.*?)\s*endobj", pdf)}
    kids = re.search(rb"/Type /Pages.*?/Kids \[([^\]]*)\]", pdf, re.S)
    assert kids, "no page tree"
    pages = []
    for number in re.findall(rb"(\d+) 0 R", kids[1]):
        contents = re.search(rb"/Contents (\d+) 0 R", objects[int(number)])
        stream = objects[int(contents[1])]
        data = stream.split(b"stream", 1)[1].rsplit(b"endstream", 1)[0].strip(b"\r\n")
        pages.append(zlib.decompress(data) if b"FlateDecode" in stream else data)
    return pages


@pytest.mark.parametrize("name", ["article", "calcul"])
def test_the_print_version_is_the_text_figures_and_sources(visit, site_url: str,
                                                           name: str) -> None:
    v = visit(1280)
    load(v.page, site_url + PAGES[name])
    v.page.emulate_media(media="print")
    hidden = [".md-header", ".md-sidebar--primary", ".vf-footer", ".vf-back", ".vf-share",
              ".vf-related", ".vf-cta", ".vf-toc", ".vf-derivation__back", ".md-button"]
    for selector in hidden:
        for element in v.page.locator(selector).all():
            expect(element).to_be_hidden()
    for selector in ["h1", ".vf-sources", ".vf-body a.vf-fig" if name == "article"
                     else ".vf-derivation__value"]:
        expect(v.page.locator(selector).first).to_be_visible()
    kept = v.page.evaluate("""() => [...document.querySelectorAll(
        '.vf-card, .vf-derivation, .vf-verdict, .vf-sources__list > li')]
        .map(e => getComputedStyle(e).breakInside)""")
    assert kept and set(kept) == {"avoid"}, kept
    pdf = v.page.pdf(format="A4", print_background=True)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"print-{name}.pdf").write_bytes(pdf)
    pages = pdf_pages(pdf)
    blank = [n for n, page in enumerate(pages, start=1) if b"Tj" not in page
             and b"TJ" not in page]
    assert not blank, f"blank pages {blank} of {len(pages)}"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_404_page_is_french_and_leads_somewhere(visit, site_url: str, axe_source: str,
                                                    width: int) -> None:
    v = visit(width)
    response = v.page.goto(site_url + "404.html")
    assert response is not None and response.ok
    expect(v.page.locator("h1")).to_have_text("Cette page est introuvable")
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"404-{width}.png", full_page=True)
    problems = blocking(v.page, axe_source)
    assert not problems, "\n".join(problems)
    assert v.page.evaluate("document.documentElement.scrollWidth") <= width
    v.page.get_by_label("Rechercher dans les articles").fill("désinformation")
    v.page.get_by_role("button", name="Rechercher").click()
    expect(v.page).to_have_url(re.compile(r"/recherche/\?q=d%C3%A9sinformation$"))
    v.page.go_back()
    v.page.locator(".vf-notfound .vf-card__link").first.click()
    expect(v.page.locator("h1.vf-claim")).to_be_visible()
