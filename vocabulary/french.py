"""French typography for texts typed with ordinary spaces, and the locale of every date and number.

A narrow no-break space goes before ; ! ? and » and after «, a no-break space before :, so that
« non ? » never breaks before its question mark.
"""

from __future__ import annotations

import re

#: Babel's locale for every number, date and unit the site prints.
LOCALE = "fr_FR"
NARROW_NBSP = "\u202f"
NBSP = "\u00a0"

_SPACE = "[ \u00a0\u202f]"
_RULES = (
    (re.compile(rf"{_SPACE}+([;!?»])"), NARROW_NBSP + r"\1"),
    (re.compile(rf"«{_SPACE}+"), "«" + NARROW_NBSP),
    (re.compile(rf"{_SPACE}+:(?=\s|$)"), NBSP + ":"),
)
#: Texts without any of these need no change: most of them (a quick test, in C).
_PUNCTUATION = re.compile("[;!?»«:]")


def grouped(number: int) -> str:
    """``25440`` → « 25 440 », thousands grouped by narrow no-break spaces."""
    return f"{number:,}".replace(",", NARROW_NBSP)


def french_spacing(text: str) -> str:
    """``text`` with the no-break spaces French typography puts around punctuation."""
    if _PUNCTUATION.search(text) is None:
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def quoted(text: str) -> str:
    """``text`` between French guillemets, with narrow no-break spaces inside."""
    return f"«{NARROW_NBSP}{french_spacing(text)}{NARROW_NBSP}»"
