"""French spacing for the short texts of the front matter shown around an article.

Editors type ordinary spaces; French typography wants a narrow no-break space before « ; : ! ? »
and inside guillemets, so that « non ? » never breaks before its question mark.
"""

from __future__ import annotations

import re

from macros.formatting import NARROW_NBSP

_BEFORE = re.compile(r"[ \u00a0]+([;:!?»])")
_AFTER = re.compile(r"(«)[ \u00a0]+")


def french_spacing(text: str) -> str:
    """``text`` with narrow no-break spaces where French typography puts them."""
    text = _BEFORE.sub(NARROW_NBSP + r"\1", text)
    return _AFTER.sub(r"\1" + NARROW_NBSP, text)


def quoted(text: str) -> str:
    """``text`` between French guillemets, with narrow no-break spaces inside."""
    return f"«{NARROW_NBSP}{french_spacing(text)}{NARROW_NBSP}»"
