"""The Atom feed of the articles, newest first, written from the listing after the build.

Deterministic: entries and the feed's ``updated`` come from the articles' dates (an entry's
``updated`` is its latest correction's, else its publication's), never from the clock, so two
builds of one commit give the same file. It carries the ``FEED_SIZE`` newest articles, by
publication: a feed announces what is new, the listing pages keep the archive.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence

from publication.views.article import updated
from publication.views.listing import Entry
from publication.views.metadata import FEED, Site
from vocabulary.french import french_spacing, quoted

ATOM = "http://www.w3.org/2005/Atom"
FEED_SIZE = 50


def _timestamp(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attributes)
    element.text = text
    return element


def atom(site: Site, entries: Sequence[Entry], verdicts: dict[str, str]) -> bytes:
    """The feed of ``entries`` (newest first); ``verdicts`` maps each src_uri to its verdict."""
    shown = entries[:FEED_SIZE]
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "fr"})
    _add(feed, "title", french_spacing(site.name))
    _add(feed, "subtitle", site.description)
    _add(feed, "link", href=site.absolute(FEED), rel="self", type="application/atom+xml")
    _add(feed, "link", href=site.url, rel="alternate", type="text/html")
    _add(feed, "id", site.url)
    newest = max((updated(e.meta) for e in shown), default=dt.date(1970, 1, 1))
    _add(feed, "updated", _timestamp(newest))
    for entry in shown:
        meta = entry.meta
        url = site.absolute(entry.url)
        item = _add(feed, "entry")
        _add(item, "title", french_spacing(meta.title))
        _add(item, "link", href=url, rel="alternate", type="text/html")
        _add(item, "id", url)
        _add(item, "published", _timestamp(meta.date))
        _add(item, "updated", _timestamp(updated(meta)))
        _add(_add(item, "author"), "name", meta.author)
        _add(item, "category", term=meta.category)
        summary = f"{quoted(meta.claim)} Verdict : {verdicts[entry.src_uri]}. {meta.description}"
        _add(item, "summary", french_spacing(summary))
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
