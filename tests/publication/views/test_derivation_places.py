"""Where the reader first saw each figure: the article section above it and its printed text,
read from the rendered Markdown (``derivation.places``)."""

from __future__ import annotations

from publication.views.derivation import Place, places


def link(key: str, text: str, first: bool = True, flag: bool = False) -> str:
    identifier = f' id="texte-calcul-{key}"' if first else ""
    hypothesis = ' <span class="vf-fig__flag">(hypothèse)</span>' if flag else ""
    classes = "vf-fig vf-fig--hypothesis" if flag else "vf-fig"
    return f'<a class="{classes}" href="calcul/#calcul-{key}"{identifier}>{text}{hypothesis}</a>'


def test_each_figure_belongs_to_the_heading_above_its_first_appearance() -> None:
    text = "\n\n".join([
        f"Avant tout titre, {link('a', 'environ 550 tonnes')}.",
        "## Premier temps : *créer* le [modèle](https://exemple.org/) {#premier}",
        f"Puis {link('b', '10&nbsp;000 processeurs', flag=True)} et {link('a', 'x', first=False)}.",
        "### Un sous-titre ne change pas de partie",
        f"Encore {link('c', 'c')}.",
        "## Deuxième temps, non ? ##",
        f"Enfin {link('d', 'd')}.",
    ])
    found = places(text)
    assert found == {
        "calcul-a": Place(None, "environ 550 tonnes"),
        "calcul-b": Place("Premier temps\u00a0: créer le modèle", "10\u00a0000 processeurs"),
        "calcul-c": Place("Premier temps\u00a0: créer le modèle", "c"),
        "calcul-d": Place("Deuxième temps, non\u202f?", "d"),
    }


def test_a_figure_in_a_heading_belongs_to_that_section() -> None:
    assert places(f"## Les {link('a', '3 chiffres')} du jour\n\nTexte.") == {
        "calcul-a": Place("Les 3 chiffres du jour", "3 chiffres")}


def test_no_figure_no_place() -> None:
    assert places("## Un titre\n\nDu texte sans chiffre.") == {}
