"""Freshness: hypotheses in use and old sources are reported; strict mode fails the build."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from publication.figures.freshness import freshness_warnings
from publication.pipeline import Publication
from publication.project import Project
from tests.helpers import ROOT, replace_in, run_mkdocs


@pytest.fixture(scope="module")
def publication() -> Publication:
    return Project.load(ROOT / "mkdocs.yml").render_valid()


def messages(publication: Publication, today: dt.date, years: int) -> list[str]:
    """The warnings about the ChatGPT article."""
    page = publication.pages["mythes/chatgpt-magique.md"]
    return [w.message for w in freshness_warnings([page], publication.display_path, today, years)]


def test_every_hypothesis_of_the_chatgpt_article_is_reported(publication: Publication) -> None:
    found = messages(publication, dt.date(2026, 11, 28), 50)
    assert found == [
        f"utilise l’hypothèse « {key} », sans source publiée"
        for key in ("lifecycle_multiplier_seed", "chatgpt_daily_users_seed",
                    "queries_per_user_day_seed", "emissions_per_query_seed",
                    "queries_per_message_assumed")
    ]


def test_sources_older_than_the_limit_are_reported(publication: Publication) -> None:
    recent = messages(publication, dt.date(2026, 11, 28), 6)
    old = messages(publication, dt.date(2026, 11, 28), 5)
    assert not any("source de plus de" in m for m in recent)
    assert any("source de plus de 5 ans : Patterson et al., 2021" in m for m in old)
    later = messages(publication, dt.date(2030, 6, 1), 5)
    assert any("Luccioni et al., 2023" in m for m in later)


def test_strict_freshness_fails_the_build(make_project: Callable[..., Path]) -> None:
    project = make_project()
    config = project / "mkdocs.yml"
    replace_in(config, "      articles_dir: mythes\n",
               "      articles_dir: mythes\n      freshness_strict: true\n")
    result = run_mkdocs(config, project / "site")
    assert result.returncode != 0
    assert "content/mythes/chatgpt-magique.md: utilise l’hypothèse « chatgpt_daily_users_seed »" \
        in result.stderr
    assert not (project / "site" / "index.html").exists()
