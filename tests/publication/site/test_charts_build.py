"""A chart reaches the built article: placed after Markdown, beside « En bref », sanitised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from macros.chart_calls import TOKEN
from tests.helpers import build, myth, soup

CHART = ('{{ chart("barres", "Durée et processeurs", '
         '{"Durée de l’entraînement": "gpt3_training_days"}, unit="day") }}')


def test_the_built_article_shows_its_chart_and_no_token(make_project: Callable[..., Path]
                                                        ) -> None:
    text = myth(f"Texte.\n\n{CHART}\n\nSuite.")
    assert "summary:" in text  # the article has « En bref », rendered apart from the body
    project = make_project(keep_articles=False, articles={"mythes/essai.md": text})
    html = (build(project) / "mythes/essai/index.html").read_text(encoding="utf-8")
    assert TOKEN not in html
    [chart] = soup(project / "site/mythes/essai/index.html").select("figure.vf-chart")
    assert chart.select_one("svg[role=img]") is not None
    assert "Durée et processeurs" in chart.get_text()
