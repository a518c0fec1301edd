"""The article's one-line account of its figures, in French, and where calcul pages live."""

from __future__ import annotations

from dataclasses import replace

import pytest

from calculators import Catalog, Figure, Status
from publication.model.paths import calcul_src_uri
from publication.pipeline import Publication
from publication.views.derivation import DerivationView, status_label, summary, value_text
from tests.helpers import ROOT, minimal


def block(key: str, in_text: bool = True, hypotheses: tuple[str, ...] = ()) -> DerivationView:
    return DerivationView(
        anchor=f"calcul-{key}", label=key, value="1", range=None, status="derived",
        status_label="calculé", formula=None, inputs=(), hypotheses=hypotheses, reference=None,
        source_number=None, source_anchor=None, locator=None, note=None, quote=None,
        text_anchor=f"texte-calcul-{key}" if in_text else None,
    )


H1, H2 = ("utilisateurs par jour",), ("requêtes par utilisateur",)


@pytest.mark.parametrize(("blocks", "expected"), [
    ([], "aucun chiffre"),
    ([block("a")], "1 chiffre, qui ne repose sur aucune hypothèse sans source"),
    ([block("a", hypotheses=H1)], "1 chiffre, qui repose sur une hypothèse sans source"),
    ([block("a", hypotheses=H1 + H2)],
     "1 chiffre, qui repose sur des hypothèses sans source"),
    ([block("a"), block("b")], "2 chiffres, dont aucun ne repose sur une hypothèse sans source"),
    ([block("a", hypotheses=H1), block("b")],
     "2 chiffres, dont 1 repose sur une hypothèse sans source"),
    ([block("a", hypotheses=H1), block("b", hypotheses=H1), block("c")],
     "3 chiffres, dont 2 reposent sur une hypothèse sans source"),
    ([block("a", hypotheses=H1), block("b", hypotheses=H2), block("c")],
     "3 chiffres, dont 2 reposent sur des hypothèses sans source"),
    # Blocks the reader reaches only from another block are not figures of the text.
    ([block("a"), block("b", in_text=False, hypotheses=H1)],
     "1 chiffre, qui ne repose sur aucune hypothèse sans source"),
])
def test_summary_counts_and_agrees_in_french(blocks: list[DerivationView], expected: str
                                              ) -> None:
    assert summary(blocks) == expected


@pytest.mark.parametrize(("article", "calcul"), [
    ("mythes/chatgpt-magique.md", "mythes/chatgpt-magique/calcul.md"),
    ("mythes/ia/un-mythe.md", "mythes/ia/un-mythe/calcul.md"),
])
def test_a_calcul_page_lives_in_its_article_folder(article: str, calcul: str) -> None:
    assert calcul_src_uri(article) == calcul


def test_no_article_may_take_a_calcul_page_name() -> None:
    publication = Publication(ROOT / "content", "mythes", {}, ROOT, ROOT / "calculators" / "data")
    page = calcul_src_uri("mythes/chatgpt-magique.md")
    assert publication.render_page(page, minimal("")) is not None
    assert [e.message for e in publication.errors] == [
        "nom de fichier réservé « calcul.md » : c’est celui de la page des calculs de chaque "
        "article"]


def test_figures_link_to_the_calcul_page() -> None:
    publication = Publication(ROOT / "content", "mythes", {}, ROOT, ROOT / "calculators" / "data")
    src_uri = "mythes/chatgpt-magique.md"
    raw = (ROOT / "content" / src_uri).read_text(encoding="utf-8")
    publication.derivation_urls[src_uri] = "calcul/"
    body = publication.render_page(src_uri, raw)
    assert body is not None and 'href="calcul/#calcul-gpt3-training-emissions"' in body
    assert 'href="#calcul-' not in body


def test_the_newsrooms_hypothesis_is_labelled_apart(catalog: Catalog) -> None:
    """Readers tell a hypothesis some document makes from one the newsroom makes itself."""
    seed = catalog.parameters["queries_per_user_day_seed"]
    assert seed.status is Status.HYPOTHESIS and seed.source is not None
    assert status_label(Figure.from_parameter(seed)) == "hypothèse"
    own = replace(seed, source=None, locator=None, note="Un choix de la rédaction.")
    assert status_label(Figure.from_parameter(own)) == "hypothèse de la rédaction"


def test_an_input_in_a_unit_the_site_does_not_name_reads_in_french(catalog: Catalog) -> None:
    """An editor's new unit (here grams of CO₂e per hour) reads in French on the calcul page,
    not as Pint's symbol."""
    seed = catalog.parameters["queries_per_user_day_seed"]
    streaming = replace(seed, id="streaming", value=55.0, unit="gCO2e/hour")
    assert value_text(Figure.from_parameter(streaming)) == "55\u202fg CO₂e par heure"
