"""Two errata guards on the data files. A sourced share or rate carries the sentence that gives
it (« 75 % des femmes travaillent dans des fonctions support » reversed a source that said
women are 75 % of support staff); a dataset or a repository says which version was read (ADEME's
Paris–New York round trip went from 1 770 to 2 060 kg in one commit)."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.loading import QUOTE_HINT, VERSION_HINT, is_share, read_data
from calculators.units import parse_written_unit
from tests.helpers import one_line

SOURCE = """\
src:
  authors: [Syntec Numérique]
  title: Les femmes dans le numérique
  venue: Syntec
  year: 2018
  url: https://example.org/etude
"""


def share(status: str = "secondary", value: float = 0.75, unit: str = "dimensionless",
          extra: str = "") -> str:
    return (f"women_in_support_roles:\n  label: part des femmes parmi les fonctions support\n"
            f"  value: {value}\n  unit: {unit}\n  status: {status}\n  source: src\n"
            f"  locator: entretien\n{extra}")


def load(tmp_path: Path, parameters: str = "", sources: str = SOURCE
         ) -> tuple[dict, dict, list[str]]:
    data = tmp_path / "data"
    (data / "parameters").mkdir(parents=True, exist_ok=True)
    (data / "sources.yml").write_text(sources, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(parameters, encoding="utf-8")
    found_sources, parameters_found, errors = read_data(data, root=tmp_path)
    return found_sources, parameters_found, [one_line(e) for e in errors]


def test_a_sourced_share_without_its_sentence_is_refused_at_its_line(tmp_path: Path) -> None:
    _, parameters, errors = load(tmp_path, "# Une part.\n" + share())
    assert errors == ["data/parameters/p.yml:2: « women_in_support_roles » : part ou taux sans "
                      f"la phrase de la source qui le donne ({QUOTE_HINT})"]
    # Reported, not refused: the figures that use it are still checked.
    assert "women_in_support_roles" in parameters


def test_the_quoted_share_loads_with_its_sentence(tmp_path: Path) -> None:
    sentence = "les femmes représentent 75 % des effectifs des fonctions support"
    _, parameters, errors = load(tmp_path, share(extra=f"  quote: {sentence}\n"))
    assert errors == []
    assert parameters["women_in_support_roles"].quote == sentence


@pytest.mark.parametrize(("status", "value", "unit"), [
    ("hypothesis", 0.75, "dimensionless"),  # an assumption has no sentence to quote
    ("primary", 1.1, "dimensionless"),  # a PUE is no share
    ("primary", 4, "dimensionless"),  # nor is a multiplier
    ("primary", 0.75, "hour/day"),  # nor a duration
    ("primary", 120, "percent"),  # a growth of 120 % is no part of a whole
])
def test_what_is_not_a_sourced_share_needs_no_quote(tmp_path: Path, status: str, value: float,
                                                    unit: str) -> None:
    assert load(tmp_path, share(status, value, unit))[2] == []


@pytest.mark.parametrize(("value", "unit", "expected"), [
    (0.0, "dimensionless", True), (1.0, "dimensionless", True), (73, "percent", True),
    (1.01, "dimensionless", False), (0.5, "kWh", False), (0.5, "not_a_unit", False),
])
def test_a_share_is_a_pure_number_from_0_to_1(value: float, unit: str, expected: bool) -> None:
    assert is_share(value, unit) is expected


def test_a_quote_is_plain_text_and_short(tmp_path: Path) -> None:
    errors = load(tmp_path, share(extra="  quote: une <b>phrase</b>\n"))[2]
    assert len(errors) == 1 and "quote\u202f» contient «\u202f<" in errors[0]
    errors = load(tmp_path, share(extra=f"  quote: {'mot ' * 200}\n"))[2]
    assert len(errors) == 1 and "« quote » trop longue (799 caractères, au plus 600)" in errors[0]


@pytest.mark.parametrize(("url", "kind", "what"), [
    ("https://github.com/incubateur-ademe/impactco2", "", "un dépôt (d’après son adresse)"),
    ("https://gitlab.com/equipe/donnees", "", "un dépôt (d’après son adresse)"),
    ("https://ec.europa.eu/eurostat/databrowser/view/isoc_sks_itsps/default/table", "",
     "un jeu de données (d’après son adresse)"),
    ("https://www.data.gouv.fr/fr/datasets/barometre/", "", "un jeu de données (d’après son "
     "adresse)"),
    ("https://example.org/donnees.csv", "  kind: dataset\n", "un jeu de données"),
])
def test_a_dataset_or_repository_without_its_version_is_refused(tmp_path: Path, url: str,
                                                                kind: str, what: str) -> None:
    sources = SOURCE.replace("https://example.org/etude", url) + kind
    found, _, errors = load(tmp_path, sources=sources)
    assert errors == [f"data/sources.yml:1: « src » : cette source est {what}, mais ne dit pas "
                      f"quelle version a été lue ({VERSION_HINT})"]
    assert "src" in found  # reported, not refused


def test_the_version_read_is_kept(tmp_path: Path) -> None:
    sources = SOURCE.replace("https://example.org/etude",
                             "https://github.com/incubateur-ademe/impactco2")
    found, _, errors = load(tmp_path, sources=sources + "  version: commit 8076a48 du "
                                                        "2026-07-01\n")
    assert errors == []
    assert (found["src"].kind, found["src"].version) == ("repository", "commit 8076a48 du "
                                                                      "2026-07-01")


def test_an_ordinary_page_needs_no_version_and_an_unknown_kind_is_named(tmp_path: Path) -> None:
    assert load(tmp_path)[2] == []
    errors = load(tmp_path, sources=SOURCE + "  kind: datset\n")[2]
    assert errors == ["data/sources.yml:7: « src » : « kind » inconnu « datset » (vouliez-vous "
                      "dire « dataset » ?)"]


def test_a_share_whose_sentence_cannot_be_read_again_says_why(tmp_path: Path) -> None:
    reason = "la page où la valeur a été relevée n’est plus en ligne"
    _, parameters, errors = load(tmp_path, share(extra=f"  no_quote: {reason}\n"))
    assert errors == [] and parameters["women_in_support_roles"].no_quote == reason
    errors = load(tmp_path, share(extra=f"  quote: une phrase\n  no_quote: {reason}\n"))[2]
    assert errors == ["data/parameters/p.yml:9: « women_in_support_roles » : « quote » et "
                      "« no_quote » à la fois (gardez la phrase lue (« quote ») et retirez "
                      "« no_quote »)"]


@pytest.mark.parametrize("unit", ["10**10**8", "kWh/0", "kWh^2", "2 kWh"])
def test_a_unit_with_arithmetic_is_refused_before_pint_computes_it(unit: str) -> None:
    """Review of 2026-12-01: Pint computes « 10**10**8 » before refusing it (minutes)."""
    with pytest.raises(ValueError, match="sans nombre ni puissance"):
        parse_written_unit(unit)
    assert parse_written_unit("kgCO2e/round_trip") and parse_written_unit("1/year")
