"""French spacing in article text: no line break before ? ! ; : » nor after «."""

from __future__ import annotations

import markdown
import pytest

from publication.site.markdown import FrenchTypographyExtension
from vocabulary.french import french_spacing

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(("text", "expected"), [
    ("non ?", f"non{NNBSP}?"),
    ("Faux !", f"Faux{NNBSP}!"),
    ("a ; b", f"a{NNBSP}; b"),
    ("« vrai »", f"«{NNBSP}vrai{NNBSP}»"),
    ("verdict : faux", f"verdict{NBSP}: faux"),
    ("https://example.org", "https://example.org"),
    ("déjà{NNBSP}?".replace("{NNBSP}", NNBSP), f"déjà{NNBSP}?"),
])
def test_spacing(text: str, expected: str) -> None:
    assert french_spacing(text) == expected


def test_markdown_text_is_spaced_but_code_is_not() -> None:
    html = markdown.markdown("Vrai ou faux ? `a ? b`\n\n    code ?", extensions=[
        FrenchTypographyExtension()])
    assert f"Vrai ou faux{NNBSP}?" in html
    assert "<code>a ? b</code>" in html
    assert "code ?" in html
