"""Load a page in headless Chromium and record what EcoIndex counts: requests, bytes, DOM.

Bytes are what crossed the network: Playwright's ``Request.sizes()`` (response body as encoded
on the wire plus response headers; Chromium reports them from CDP ``Network.loadingFinished``
``encodedDataLength``), as EcoIndex's scraper sums the HAR ``_transferSize``. Playwright's page
events include the requests of the page's workers (Material's search worker and the scripts it
imports), which a CDP session on the page alone misses. The DOM count is every element minus the
descendants of ``<svg>`` elements, as EcoIndex counts it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urlparse

from ecoindex.compute import compute_ecoindex
from playwright.sync_api import Browser, Page, Playwright
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Request as PWRequest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--disable-quic"]
#: EcoIndex's scraper window.
VIEWPORT = {"width": 1920, "height": 1080}
DOM_COUNT = """() => document.getElementsByTagName('*').length - document.evaluate(
    "count(//*[local-name()='svg']//*)", document, null, XPathResult.NUMBER_TYPE, null
).numberValue"""
#: Parts of a page whose elements are counted apart (the first match of each selector).
SECTIONS = {"head": "head", "Material header": "header.md-header",
            "navigation": ".md-sidebar--primary", "table of contents": ".md-sidebar--secondary",
            "article header": ".vf-header", "body": ".vf-body",
            "calcul summary": ".vf-calcul-summary", "calcul contents": ".vf-toc",
            "derivations": ".vf-derivations", "sources": ".vf-sources",
            "call to action": ".vf-cta", "share": ".vf-share", "corrections": ".vf-corrections",
            "related": ".vf-related", "footer": "footer.md-footer"}
_SECTION_COUNT = """(selectors) => Object.fromEntries(Object.entries(selectors).map(([name, s]) => {
  const el = document.querySelector(s);
  return [name, el ? el.getElementsByTagName('*').length + 1 - el.querySelectorAll('svg *').length
                   : 0];
}))"""


@dataclass
class Request:
    url: str
    kind: str = ""
    status: int = 0
    transfer: int = 0  # bytes on the wire, headers included
    body: int = 0  # decoded bytes
    done: bool = False
    from_server: bool = False  # body bytes taken from the server (Chromium reported none)

    @property
    def path(self) -> str:
        parsed = urlparse(self.url)
        return parsed.path + (f"?{parsed.query}" if parsed.query else "")


@dataclass
class PageLoad:
    label: str
    url: str
    requests: list[Request] = field(default_factory=list)
    dom: int = 0
    sections: dict[str, int] = field(default_factory=dict)  # DOM elements per part

    @property
    def transfer_kb(self) -> float:
        return sum(r.transfer for r in self.requests) / 1000

    @property
    def body_kb(self) -> float:
        return sum(r.body for r in self.requests) / 1000

    def ecoindex(self) -> tuple[float, str]:
        """EcoIndex score and grade from ``ecoindex-compute`` (size in kB, as its scraper)."""
        return ecoindex(self.dom, self.transfer_kb, len(self.requests))


def ecoindex(dom: int, kb: float, requests: int) -> tuple[float, str]:
    result = asyncio.run(compute_ecoindex(nodes=dom, size=kb, requests=requests))
    grade = result.grade.value if result.grade is not None else "?"
    return float(result.score or 0), str(grade)


def max_dom_for_grade_a(kb: float, requests: int) -> int:
    """The most DOM elements a page of this weight and request count may have for grade A."""
    low, high = 0, 100_000  # the score falls as the DOM grows
    while low < high:
        middle = (low + high + 1) // 2
        if ecoindex(middle, kb, requests)[0] > 80:
            low = middle
        else:
            high = middle - 1
    return low


class Recorder:
    """Every request of a page and of its workers, and which ones are still in flight."""

    def __init__(self, page: Page) -> None:
        self.requests: list[PWRequest] = []
        self.done: set[int] = set()
        page.on("request", self._sent)
        page.on("requestfinished", self._done)
        page.on("requestfailed", self._done)

    def _sent(self, request: PWRequest) -> None:
        if not request.url.startswith("data:"):
            self.requests.append(request)

    def _done(self, request: PWRequest) -> None:
        self.done.add(id(request))

    def pending(self) -> int:
        return sum(1 for r in self.requests if id(r) not in self.done)

    def records(self, sent: Mapping[str, int] | None = None) -> list[Request]:
        """Sizes are read once loading is over (Playwright's ``sizes`` waits for the end).

        Chromium reports no body size for a worker's own script; ``sent`` (the body bytes the
        server sent for each path) fills that gap.
        """
        records = []
        for request in self.requests:
            record = Request(request.url, request.resource_type)
            response = request.response() if id(request) in self.done else None
            if response is not None:
                sizes = request.sizes()
                record.status = response.status
                body_size = sizes["responseBodySize"]
                try:
                    record.body = len(response.body())
                except PlaywrightError:
                    record.body = 0
                if body_size == 0 and record.body and sent and record.path in sent:
                    body_size = sent[record.path]
                    record.from_server = True
                record.transfer = body_size + sizes["responseHeadersSize"]
                record.done = True
            records.append(record)
        return records


def launch(playwright: Playwright) -> Browser:
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


def settle(page: Page, recorder: Recorder, timeout: float) -> None:
    """Wait until no request is pending for half a second (bounded by ``timeout``)."""
    deadline = time.monotonic() + timeout
    quiet_since = time.monotonic()
    while time.monotonic() < deadline:
        page.wait_for_timeout(100)
        if recorder.pending():
            quiet_since = time.monotonic()
        elif time.monotonic() - quiet_since >= 0.5:
            return


def load_page(browser: Browser, label: str, url: str, sent: Mapping[str, int] | None = None,
              timeout: float = 30) -> PageLoad:
    """A first visit (fresh context, empty cache) of ``url``, scrolled down as EcoIndex does."""
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        recorder = Recorder(page)
        page.goto(url, wait_until="load", timeout=timeout * 1000)
        settle(page, recorder, timeout)
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        settle(page, recorder, timeout)
        load = PageLoad(label, url, recorder.records(sent))
        load.dom = int(page.evaluate(DOM_COUNT))
        load.sections = {k: int(v) for k, v in page.evaluate(_SECTION_COUNT, SECTIONS).items()}
        return load
    finally:
        context.close()
