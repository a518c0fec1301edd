"""``check`` on a newcomer's article full of mistakes: one run lists them all, as the guide
promises (« Étape 5 »), and the build lists the same ones (review F1)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from publication.__main__ import main
from tests.helpers import myth, run_mkdocs

#: Three bad figures, two bad charts, a bad summary, a bad assertion, two bad corrections and a
#: theme class: every id is one no catalog holds.
FRONT = """\
summary: "Il consomme {{ param('inconnu_resume') | figure('MWh') }}. C’est beaucoup."
corrections:
  - date: 2026-13-45
    what: Un chiffre.
    why: Une erreur.
  - date: 2026-11-30
    what: Un autre chiffre.
assertions:
  - text: bien davantage
    figure: inconnu_affirmation
    above: 1
"""
BODY = """\
L’usage émet bien davantage : {{ param("inconnu_un") | figure("MWh") }}.

Puis {{ param("inconnu_deux") }} et {{ calcul_inconnu() | figure("kWh") }}.

{{ chart("barre", "Deux valeurs", {"A": "inconnu_a", "B": "inconnu_b"}) }}

{{ chart("barres", "", {"A": "inconnu_a"}) }}

Session expirée
{: .md-dialog .md-dialog--active }
"""

EXPECTED = [
    (9, "« inconnu_resume » : « summary » : paramètre inconnu"),
    (11, "« corrections » : correction 1 : « date » : « 2026-13-45 » n’est pas une date"),
    (14, "« corrections » : correction 2 : champ obligatoire « why » manquant"),
    (18, "« assertions » : affirmation 1 : « inconnu_affirmation » : chiffre inconnu"),
    (24, "« inconnu_un » : paramètre inconnu"),
    (26, "nom inconnu « calcul_inconnu »"),  # sorted by message, then by key
    (26, "« inconnu_deux » : paramètre inconnu"),
    (28, "genre de graphique inconnu : « barre »"),
    (30, "le titre du graphique est vide"),
    (33, "classe « md-dialog » non autorisée sur <p>"),
    (33, "classe « md-dialog--active » non autorisée sur <p>"),
]


def test_check_lists_every_mistake_of_an_article_in_one_run(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    text = myth(BODY).replace("summary: Un résumé d’essai. Il dit l’essentiel.\n", FRONT)
    project = make_project(keep_articles=False, articles={"mythes/essai.md": text})
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    report = capsys.readouterr().err
    errors = [line for line in report.splitlines() if line.startswith("content/")]
    for (line, message), error in zip(EXPECTED, errors, strict=True):
        assert error.startswith(f"content/mythes/essai.md:{line}: {message}"), error
    assert f"{len(EXPECTED)} erreurs à corriger" in report
    build = run_mkdocs(project / "mkdocs.yml", tmp_path / "site")
    assert build.returncode != 0 and not (tmp_path / "site" / "mythes" / "essai").exists()
    assert all(error in build.stderr for error in errors)
