"""The text of an article's rendered body, for the search index.

The plugin receives each page's HTML from Markdown (``on_page_content``): for an article, that is
exactly its body, without the header, derivations, sources or related articles the template adds
around it. Tags become spaces, so words of two paragraphs or two table cells never run together;
comments, scripts and styles are dropped, and so is a chart's SVG, whose texts (axis ticks,
labels, values) its caption and data table already hold; entities are decoded.
"""

from __future__ import annotations

import html
import re

#: What a reader does not read: comments, and scripts and styles with their content; and what
#: the index does not need twice: a chart's drawing.
_HIDDEN = re.compile(r"<!--.*?-->|<(script|style|svg)\b.*?</\1\s*>", re.S | re.I)
#: A tag; quoted attribute values may hold ``>``.
_TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")


def html_text(markup: str) -> str:
    """The text a reader sees in ``markup``, with a space wherever a tag was."""
    return html.unescape(_TAG.sub(" ", _HIDDEN.sub(" ", markup)))
