"""Each article's front matter is parsed and checked once per build, and again after an edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.loading import DATA_DIR
from publication import pipeline
from publication.pipeline import Publication
from tests.helpers import ROOT, minimal


def test_front_matter_is_checked_once_until_the_text_changes(
        monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[dict] = []
    validate = pipeline.validate

    def counting(data: dict) -> tuple:
        calls.append(data)
        return validate(data)

    monkeypatch.setattr(pipeline, "validate", counting)
    publication = Publication(ROOT / "content", "mythes", {}, ROOT, DATA_DIR)
    text = minimal("")
    assert publication.article_meta("mythes/essai.md", text) is not None
    assert publication.render_page("mythes/essai.md", text) is not None
    assert len(calls) == 1
    publication.render_page("mythes/essai.md", text.replace("verdict: faux", "verdict: vrai"))
    assert len(calls) == 2
    assert publication.errors == []


def test_the_cache_does_not_hide_a_problem(tmp_path: Path) -> None:
    publication = Publication(ROOT / "content", "mythes", {}, ROOT, DATA_DIR)
    text = minimal("").replace("verdict: faux", "verdict: fau")
    assert publication.article_meta("mythes/essai.md", text) is None
    publication.render_page("mythes/essai.md", text)
    assert any("« verdict »" in e.message for e in publication.errors)
