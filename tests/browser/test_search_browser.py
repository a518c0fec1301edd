"""The search page in a reader's browser: nothing loads until the reader types, French words are
found whatever their ending or accents, ``?q=`` links to a search, results are accessible, and
no request leaves 127.0.0.1 (the ``visit`` fixture checks it)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.helpers import ROOT, build

from .conftest import ARTIFACTS, serving
from .test_reader_browser import AXE_RUN, BLOCKING, WIDTHS, search_requests

pytestmark = pytest.mark.browser

SEARCH = "recherche/"
CHATGPT = "mythes/chatgpt-magique/"
REBOUND = "mythes/efficacite-effet-rebond/"
NNBSP = "\u202f"
#: A bound on waiting for results, not a check of speed.
WAIT_MS = 30_000


def result_urls(page: Page) -> list[str]:
    links = page.locator(".vf-search__result .vf-search__link")
    expect(links.first).to_be_visible(timeout=WAIT_MS)
    return list(links.evaluate_all("links => links.map(a => a.href)"))


def index_requests(requests: list[str]) -> list[str]:
    return [url for url in requests if urlparse(url).path.startswith("/search/")]


def test_search_finds_the_article_from_a_french_word(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url)
    v.page.locator(".md-header").get_by_role("link", name="Rechercher").click()
    expect(v.page).to_have_url(site_url + SEARCH)
    query = v.page.get_by_role("searchbox", name="Rechercher dans les articles")
    expect(query).to_be_visible()
    expect(query).to_be_focused()
    v.page.wait_for_load_state("networkidle")
    assert not index_requests(v.requests)  # nothing of the index before the reader types
    query.press_sequentially("entraînement")
    assert site_url + CHATGPT in result_urls(v.page)
    chatgpt = v.page.locator(".vf-search__result").filter(has_text="Chat-GPT, c’est magique")
    expect(chatgpt.locator(".vf-search__tag").first).to_have_text("Verdict\u00a0: Faux")
    expect(v.page.get_by_role("status")).to_have_text(re.compile(r"^\d+ articles? trouvés?$"))
    expect(v.page).to_have_url(re.compile(r"\?q=entra%C3%AEnement$"))
    # One shard for the word, one metadata file for the few results, and at most one text file
    # per result for its excerpt: nothing else.
    loaded = {urlparse(url).path for url in index_requests(v.requests)}
    texts = {path for path in loaded if path.startswith("/search/text/")}
    assert loaded - texts == {"/search/words/en.json", "/search/articles/0.json"}, loaded
    assert 0 < len(texts) <= v.page.locator(".vf-search__result").count()


def test_the_singular_finds_the_plural(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + SEARCH)
    v.page.get_by_role("searchbox").press_sequentially("émission")
    urls = result_urls(v.page)
    # The rebound article only writes « émissions », in the plural.
    assert site_url + REBOUND in urls and site_url + CHATGPT in urls


def test_an_unfinished_word_finds_the_article(visit, site_url: str) -> None:
    v = visit(375)
    v.page.goto(site_url + SEARCH)
    v.page.get_by_role("searchbox").press_sequentially("entraî")
    assert site_url + CHATGPT in result_urls(v.page)


def test_a_link_with_q_shows_its_search(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + SEARCH + "?q=l%E2%80%99entra%C3%AEnement")
    expect(v.page.get_by_role("searchbox")).to_have_value("l’entraînement")
    assert site_url + CHATGPT in result_urls(v.page)


def test_no_result_is_said_in_french_and_clearing_empties_the_page(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + SEARCH)
    query = v.page.get_by_role("searchbox")
    query.press_sequentially("zzzyqx ")
    expect(v.page.get_by_role("status")).to_have_text(
        f"Aucun article ne correspond à «{NNBSP}zzzyqx{NNBSP}»", timeout=WAIT_MS)
    expect(v.page.locator(".vf-search__result")).to_have_count(0)
    v.page.get_by_role("button", name="Effacer").click()
    expect(query).to_have_value("")
    expect(query).to_be_focused()
    expect(v.page.locator("#vf-search-status")).to_be_empty()
    expect(v.page).to_have_url(site_url + SEARCH)


@pytest.mark.parametrize("width", WIDTHS)
def test_search_page_renders_accessibly(visit, site_url: str, axe_source: str,
                                        width: int) -> None:
    v = visit(width)
    v.page.goto(site_url + SEARCH)
    v.page.get_by_role("searchbox", name="Rechercher dans les articles").press_sequentially(
        "numérique")
    result_urls(v.page)
    v.page.wait_for_load_state("networkidle")
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.screenshot(path=ARTIFACTS / f"search-{width}.png", full_page=True)
    assert v.page.evaluate("document.documentElement.scrollWidth") <= width
    v.page.add_script_tag(content=axe_source)
    blocking = [x for x in v.page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]
    assert not blocking, "\n".join(f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
                                   for x in blocking)


def test_search_page_without_javascript_points_to_all_articles(visit, site_url: str) -> None:
    v = visit(375, java_script_enabled=False)
    v.page.goto(site_url + SEARCH)
    expect(v.page.get_by_role("searchbox")).to_be_hidden()
    message = v.page.locator(".vf-search__nojs")
    expect(message).to_be_visible()
    expect(message).to_contain_text("La recherche a besoin de JavaScript")
    message.get_by_role("link", name="Tous les articles").click()
    expect(v.page).to_have_url(site_url)
    # Stylesheets load without JavaScript; no script and nothing of the index does.
    assert not [url for url in search_requests(v.requests) if not url.endswith(".css")]


MORE = 12  # copies of an article: more results than the first page shows


@pytest.fixture(scope="module")
def larger_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site plus ``MORE`` copies of the fake-news article, each with its own claim."""
    project = tmp_path_factory.mktemp("larger")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    source = (ROOT / "content" / "mythes" / "fake-news.md").read_text(encoding="utf-8")
    claim = "claim: \"De toute façon, les fake news, personne n’y croit vraiment, non ?\""
    assert claim in source
    for i in range(MORE):
        text = source.replace(claim, f"claim: \"Copie {i} : les fake news, personne n’y croit ?\"")
        (project / "content" / "mythes" / f"copie-{i}.md").write_text(text, encoding="utf-8")
    with serving(build(project)) as url:
        yield url


def test_more_results_load_on_demand(visit, larger_site_url: str) -> None:
    v = visit(1280)
    v.page.goto(larger_site_url + SEARCH + "?q=lorem")
    results = v.page.locator(".vf-search__result")
    expect(v.page.get_by_role("status")).to_have_text(f"{MORE + 1} articles trouvés",
                                                      timeout=WAIT_MS)
    expect(results).to_have_count(10)
    more = v.page.get_by_role("button", name="Voir plus")
    more.click()
    expect(results).to_have_count(MORE + 1)
    expect(more).to_be_hidden()
    expect(results.nth(10).locator("a")).to_be_focused()  # the first new result
    urls = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert len(set(urls)) == MORE + 1 and larger_site_url + "mythes/fake-news/" in urls
    # Nineteen articles: their metadata is in two files, each fetched once.
    loaded = {urlparse(url).path for url in index_requests(v.requests)
              if not urlparse(url).path.startswith("/search/text/")}
    assert loaded == {"/search/words/lo.json", "/search/articles/0.json",
                      "/search/articles/1.json"}, loaded
