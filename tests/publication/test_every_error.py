"""A newcomer's article with many mistakes: one run reports them all, each at its own line
(review F1: ten runs of ``make check``, each revealing what the previous one hid)."""

from __future__ import annotations

from pathlib import Path

from publication.pipeline import Publication
from tests.helpers import one_line
from tests.macros.test_charts import SOURCES, parameter

ARTICLE = """\
---
title: Un mythe d’essai
claim: Les essais, ça ne sert à rien, non ?
verdict: faux
date: 2026-11-28
author: La rédaction
category: Technologie
description: Un article d’essai.
summary: "L’essai consomme {{ param('energi') | figure('MWh') }}. C’est beaucoup."
cover: images/essai.svg
cover_alt: Une illustration d’essai.
corrections:
  - date: 2026-11-30
    what: Un chiffre est corrigé.
    why: Une erreur de lecture.
  - date: 2026-13-45
    what: Un autre chiffre.
    why: Une autre erreur.
  - date: 2026-11-29
    what: Un lien <b>ici</b>.
assertions:
  - text: bien davantage
    figure: energie
    above: 1
  - text: une phrase disparue
    figure: energy
    above: 1
---

L’essai émet bien davantage : {{ param("energi") | figure("MWh") }},
{{ param("energy") | figure("MWhh") }}, {{ param("energy") | figure("km") }}.

{{ chart("barre", "Deux parts", {"Avant": "share"}) }}

{{ chart("barres", "Deux parts", {"Avant": "shar"}) }}
"""


def publish(tmp_path: Path, text: str) -> tuple[str | None, list[str]]:
    """The page's body, if the renderer gave one (the build fails on any error all the same),
    and the errors, in line order."""
    data = tmp_path / "data"
    (data / "parameters").mkdir(parents=True)
    (data / "calculations").mkdir()
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(
        parameter("energy", 3.0, "MWh") + parameter("share", 0.2), encoding="utf-8")
    docs = tmp_path / "content"
    (docs / "images").mkdir(parents=True)
    (docs / "images" / "essai.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    publication = Publication(docs, "mythes", {}, tmp_path, data)
    body = publication.render_page("mythes/essai.md", text)
    return body, sorted((one_line(e) for e in publication.errors),
                        key=lambda e: int(e.split(":")[1]))


def test_one_run_reports_every_mistake_of_the_article_at_its_line(tmp_path: Path) -> None:
    body, found = publish(tmp_path, ARTICLE)
    assert body is None
    where = [(int(e.split(":")[1]), e.split(": ", 1)[1]) for e in found]
    assert [(line, text.split(" (")[0]) for line, text in where] == [
        (9, "« energi » : « summary » : paramètre inconnu"),
        (16, "« corrections » : correction 2 : « date » : « 2026-13-45 » n’est pas une date "
             "valide : écrivez AAAA-MM-JJ, par exemple 2026-11-28"),
        (19, "« corrections » : correction 3 : champ obligatoire « why » manquant"),
        (20, "« corrections » : correction 3 : « what » : ne doit contenir ni « < », ni « > », "
             "ni guillemets droits \" : utilisez les guillemets français « »"),
        (23, "« assertions » : affirmation 1 : « energie » : chiffre inconnu"),
        (25, "« assertions » : affirmation 2 : « une phrase disparue » ne figure pas dans "
             "l’article"),
        (30, "« energi » : paramètre inconnu"),
        (31, "unité d’affichage inconnue « MWhh »"),
        (31, "« energy » : impossible d’exprimer « energy »"),
        (33, "genre de graphique inconnu : « barre »"),
        (35, "« shar » : paramètre ou calcul inconnu dans le graphique"),
    ]


def test_a_wrong_field_does_not_hide_the_summary_nor_the_assertions(tmp_path: Path) -> None:
    """With a clean body and a wrong correction, « En bref » and the checked sentences are
    still judged: an editor fixing the correction would otherwise meet them on the next run."""
    text = ARTICLE.split("\n---\n")[0] + "\n---\n\nL’essai émet bien davantage.\n"
    _, found = publish(tmp_path, text)
    assert any(":9: « energi » : « summary » : paramètre inconnu" in e for e in found)
    assert any(":23: « assertions » : affirmation 1 : « energie » : chiffre inconnu" in e
               for e in found)
    assert any(":25: « assertions » : affirmation 2 :" in e for e in found)
