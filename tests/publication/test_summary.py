"""« En bref » (front matter ``summary``): required, rendered like the body, its errors at the
line of ``summary:``; a figure only it shows gets its derivation and its way back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from publication.__main__ import main
from publication.model.scaffold import article_text
from publication.model.schema import PLACEHOLDER
from tests.helpers import build, myth, soup

SUMMARY_LINE = 9  # in tests.helpers.myth


def errors_of(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    return [line for line in capsys.readouterr().err.splitlines()
            if line.startswith("content/")]


def with_summary(summary: str) -> str:
    text = myth("Texte.")
    assert text.splitlines()[SUMMARY_LINE - 1].startswith("summary: ")
    return text.replace("summary: Un résumé d’essai. Il dit l’essentiel.", summary)


def test_an_article_without_summary_is_refused_with_a_hint(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    text = myth("Texte.").replace("summary: Un résumé d’essai. Il dit l’essentiel.\n", "")
    project = make_project(keep_articles=False, articles={"mythes/essai.md": text})
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "content/mythes/essai.md:1: champ obligatoire « summary » manquant" in err
    assert "L’en-tête d’un article" in err


@pytest.mark.parametrize(("summary", "gist"), [
    ("summary: Il a émis 552 t de CO₂e. C’est beaucoup.", "chiffre écrit à la main"),
    ('summary: "Soit {{ inconnu() }}. Voilà."', "nom inconnu « inconnu »"),
    ("summary: 'Soit {{ param(\"gpt3_training_days\") | figure(\"tCO2e\") }}.'",
     "impossible d’exprimer"),
    ("summary: Un <script>alert(1)</script> piège.", "ne doit contenir ni « < »"),
    (f"summary: \"{PLACEHOLDER} : deux phrases.\"", f"contient encore « {PLACEHOLDER} »"),
    ("summary: >-\n  Voyez. {{ chart(\"barres\", \"Durée\", {\"Entraînement\": "
     "\"gpt3_training_days\"}) }}", "pas de graphique dans « En bref »"),
])
def test_summary_errors_are_reported_at_its_line(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str], summary: str,
        gist: str) -> None:
    project = make_project(keep_articles=False,
                           articles={"mythes/essai.md": with_summary(summary)})
    errors = errors_of(project, capsys)
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"content/mythes/essai.md:{SUMMARY_LINE}: ") \
        and "summary" in errors[0] and gist in errors[0], errors


def test_summary_text_is_escaped_and_its_figures_join_the_calculations(
        make_project: Callable[..., Path]) -> None:
    summary = ('summary: \'Entraîner GPT-3 a pris {{ param("gpt3_training_days") | '
               'figure("day", long=True) }} & plus ; vraiment.\'')
    project = make_project(keep_articles=False,
                           articles={"mythes/essai.md": with_summary(summary)})
    site = build(project)
    page = soup(site / "mythes/essai/index.html")
    box = page.select_one(".vf-summary p")
    assert "& plus\u202f; vraiment." in box.get_text()
    link = box.select_one("a.vf-fig")
    assert link["href"] == "calcul/#calcul-gpt3-training-days"
    # The body does not show this figure: « En bref » holds the id its derivation leads back to.
    calcul = soup(site / "mythes/essai/calcul/index.html")
    back = calcul.select_one("#calcul-gpt3-training-days a.vf-derivation__back")
    assert back is not None and back["href"] == f"../#{link['id']}"


def test_the_scaffold_asks_for_a_summary() -> None:
    import datetime as dt

    text = article_text("Un mythe ?", "un-mythe", dt.date(2026, 12, 1))
    assert f"summary: >-\n  {PLACEHOLDER}" in text


def test_the_guides_summary_example_passes_check(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    from tests.helpers import guide_example

    block = guide_example("exemple-en-bref")
    assert block.startswith("summary: >-\n")
    text = myth("Texte.").replace("summary: Un résumé d’essai. Il dit l’essentiel.\n", block)
    project = make_project(keep_articles=False, articles={"mythes/essai.md": text})
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 0, \
        capsys.readouterr().err
