"""A ``primary`` parameter is one read in the source itself: a locator or a note that says it
was read in a write-up, a press article or a re-publication is refused (errata: three
parameters read in the Labo Société Numérique's write-up of an Insee study)."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.loading import RELAY_HINT, RELAY_PATTERN, RELAY_WORDS, load_data
from tests.helpers import one_line
from vocabulary.errors import ContentErrors

SOURCES = """\
insee2019:
  authors: [Insee]
  title: Une personne sur six n’utilise pas Internet
  venue: Insee Première
  year: 2019
  url: https://www.insee.fr/fr/statistiques/4241397
"""


def parameter(status: str, locator: str, note: str = "") -> str:
    return ("no_home_internet_2019:\n  label: part des personnes sans accès à Internet\n"
            f"  value: 0.12\n  unit: dimensionless\n  status: {status}\n  source: insee2019\n"
            f"  locator: {locator}\n  quote: une phrase du document lu\n"
            + (f"  note: {note}\n" if note else ""))


def load(tmp_path: Path, text: str) -> list[str]:
    """The errors of a data folder holding one parameter file (none when it loads)."""
    data = tmp_path / "data"
    (data / "parameters").mkdir(parents=True, exist_ok=True)
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(text, encoding="utf-8")
    try:
        load_data(data, root=tmp_path)
    except ContentErrors as caught:
        return [one_line(e) for e in caught.errors]
    return []


def test_the_errata_case_is_refused_at_the_status_line(tmp_path: Path) -> None:
    assert load(tmp_path, parameter("primary", "présentation du Labo Société Numérique")) == [
        "data/parameters/p.yml:5: « no_home_internet_2019 » : statut « primary », mais "
        "« locator » dit « présentation du » : la valeur a été lue dans une reprise "
        f"({RELAY_HINT})"]
    assert "son statut est « secondary »" in RELAY_HINT


def test_the_fixed_status_loads(tmp_path: Path) -> None:
    assert load(tmp_path, parameter("secondary", "présentation du Labo Société Numérique")) \
        == []


@pytest.mark.parametrize(("locator", "note", "said"), [
    ("tableau 2", "Chiffre Cité  Par Le Monde.", "« note » dit « Cité Par »"),
    ("d'après une dépêche AFP", "", "« locator » dit « d’après »"),
    ("figure 3, reported by Reuters", "", "« locator » dit « reported by »"),
    ("repris par francetvinfo.fr", "", "« locator » dit « repris »"),
    ("via le site de l’ADEME", "", "« locator » dit « via »"),
])
def test_relay_words_are_found_in_french_and_english(tmp_path: Path, locator: str, note: str,
                                                     said: str) -> None:
    [error] = load(tmp_path, parameter("primary", f'"{locator}"', note))
    assert said in error


@pytest.mark.parametrize("locator", [
    "résumé de l’article",  # the paper's abstract is the paper
    "synthèse du rapport, p. 3",  # so is a report's executive summary
    "tableau 4 de l’article de Patterson et al.",
    "billet de blog d’Epoch AI",
    "viande et vianney, p. 12",  # « via » only as a word
])
def test_words_that_also_name_the_source_itself_are_not_relays(tmp_path: Path,
                                                                locator: str) -> None:
    assert load(tmp_path, parameter("primary", f'"{locator}"')) == []


def test_other_statuses_may_say_where_they_were_read(tmp_path: Path) -> None:
    for status in ("secondary", "derived", "hypothesis"):
        assert load(tmp_path, parameter(status, "reprise de Boursier.com")) == []


def test_every_word_of_the_list_is_found() -> None:
    assert all(RELAY_PATTERN.fullmatch(word) for word in RELAY_WORDS)
