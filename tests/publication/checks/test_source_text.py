"""The prose split: lexing expressions one at a time gives what lexing the whole body gives."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from publication.checks.source_text import TAG, split_by_lexer, split_jinja
from publication.model.frontmatter import split
from tests.helpers import ROOT

FRAGMENTS = [
    "Le numérique ", "300 W", " ", "\n", "\n\n", "« cité »", "}}", "{{", '"', "{",
    "{{ x() }}", '{{ f("5 t") | figure("t") }}', '{{ g(\n  "a",\n  "b") }}', '{{ "}}" }}',
    "{{ 'deux' }}", "{% if x %}", "{% endif %}", "{# note #}", "{{- y }}", "\r\n",
]
ARTICLES = sorted((ROOT / "content" / "mythes").glob("*.md"))


@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25))
def test_split_matches_lexing_the_whole_body(fragments: list[str]) -> None:
    body = "{{ a() }}" + "".join(fragments)  # (a body without any tag is returned as is)
    assert split_jinja(body) == split_by_lexer(body)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.stem)
def test_split_of_each_article_matches_lexing_it_whole(path: Path) -> None:
    body = split(path.read_text(encoding="utf-8"), path.name).body
    fast = split_jinja(body)
    assert TAG in fast.text
    assert fast == split_by_lexer(body)


def test_strings_keep_their_lines_across_multiline_expressions() -> None:
    body = 'Un.\n{{ f(\n  "5 t") }}\nTrois {{ "300 W" }}\n'
    assert split_jinja(body).strings == [(3, '"5 t"'), (4, '"300 W"')]
