"""Loading the parameter and source files: every problem named with its file, line and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators.loading import load_data
from vocabulary.errors import ContentErrors

SOURCES = """\
patterson2021:
  authors: [David Patterson]
  title: Carbon Emissions and Large Neural Network Training
  venue: arXiv
  year: 2021
  doi: 10.48550/arXiv.2104.10350
"""

GOOD = """\
gpt3_pue:
  label: PUE
  value: 1.1
  unit: dimensionless
  status: primary
  source: patterson2021
  locator: tableau 4
"""


def write(tmp_path: Path, parameters: dict[str, str], sources: str = SOURCES) -> Path:
    data = tmp_path / "data"
    (data / "parameters").mkdir(parents=True)
    (data / "sources.yml").write_text(sources, encoding="utf-8")
    for name, text in parameters.items():
        (data / "parameters" / name).write_text(text, encoding="utf-8")
    return data


def errors_of(data: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        load_data(data, root=data.parent)
    return [str(e) for e in caught.value.errors]


def test_the_project_data_loads(catalog) -> None:
    assert "gpt3_pue" in catalog.parameters
    assert catalog.parameters["gpt3_pue"].source.id == "patterson2021"


def test_a_good_file_loads(tmp_path: Path) -> None:
    _, parameters = load_data(write(tmp_path, {"a.yml": GOOD}), root=tmp_path)
    assert parameters["gpt3_pue"].value == 1.1


def test_unknown_unit(tmp_path: Path) -> None:
    data = write(tmp_path, {"a.yml": GOOD.replace("dimensionless", "kWhh")})
    [error] = errors_of(data)
    assert error.startswith("data/parameters/a.yml:4: « gpt3_pue » : unité inconnue « kWhh »")


def test_missing_and_unknown_source(tmp_path: Path) -> None:
    missing = GOOD.replace("  source: patterson2021\n", "")
    unknown = GOOD.replace("gpt3_pue", "other").replace("patterson2021", "paterson2021")
    errors = errors_of(write(tmp_path, {"a.yml": missing, "b.yml": unknown}))
    assert "data/parameters/a.yml:1: « gpt3_pue » : champ obligatoire « source » manquant" in \
        errors
    assert any(e.startswith("data/parameters/b.yml:6: « other » : source inconnue") and
               "vouliez-vous dire « patterson2021 »" in e for e in errors)


def test_duplicate_id_in_one_file_and_across_files(tmp_path: Path) -> None:
    errors = errors_of(write(tmp_path, {"a.yml": GOOD + "\n" + GOOD, "b.yml": GOOD}))
    assert any(e.startswith("data/parameters/a.yml:9: « gpt3_pue » : identifiant en double")
               for e in errors)
    assert any(e.startswith("data/parameters/b.yml:1: « gpt3_pue » : identifiant déjà défini "
                            "dans data/parameters/a.yml:1") for e in errors)


def test_bad_status_suggests_the_closest(tmp_path: Path) -> None:
    [error] = errors_of(write(tmp_path, {"a.yml": GOOD.replace("primary", "primry")}))
    assert "statut inconnu « primry »" in error and "« primary »" in error


def test_negative_and_non_numeric_values(tmp_path: Path) -> None:
    negative = GOOD.replace("value: 1.1", "value: -3")
    text = GOOD.replace("gpt3_pue", "other").replace("value: 1.1", "value: beaucoup")
    errors = errors_of(write(tmp_path, {"a.yml": negative, "b.yml": text}))
    assert any(":3: « gpt3_pue » : « value » : la valeur est négative" in e for e in errors)
    assert any(":3: « other » : « value » : la valeur doit être un nombre" in e for e in errors)


def test_every_error_of_every_file_is_reported(tmp_path: Path) -> None:
    errors = errors_of(write(tmp_path, {
        "a.yml": GOOD.replace("primary", "primry"),
        "b.yml": GOOD.replace("gpt3_pue", "x").replace("dimensionless", "furlongs_per_zork"),
        "c.yml": "gpt3_pue: [oops",
    }))
    assert len(errors) == 3
    assert any(e.startswith("data/parameters/c.yml:") and "YAML invalide" in e for e in errors)


def test_source_without_address(tmp_path: Path) -> None:
    sources = SOURCES.replace("  doi: 10.48550/arXiv.2104.10350\n", "")
    errors = errors_of(write(tmp_path, {"a.yml": GOOD}, sources))
    assert any("data/sources.yml:1: « patterson2021 » : une source doit avoir une adresse" in e
               for e in errors)


def test_unknown_field_is_a_typo_with_a_suggestion(tmp_path: Path) -> None:
    [error] = errors_of(write(tmp_path, {"a.yml": GOOD + "  lcoator: page 3\n"}))
    assert ":8: « gpt3_pue » : champ inconnu « lcoator »" in error
    assert "« locator »" in error


@pytest.mark.parametrize(("text", "french"), [
    ("a: [1, 2", "un crochet « [ » n’est pas refermé"),
    ('a: "x', "un guillemet ou un crochet n’est pas refermé"),
    ("a:\n\tb: 1", "une tabulation"),
    ("a: 1\n b: 2", "un « : » inattendu"),
])
def test_yaml_problems_are_explained_in_french(tmp_path: Path, text: str, french: str) -> None:
    [error] = errors_of(write(tmp_path, {"a.yml": text}))
    assert "YAML invalide : " in error and french in error


@pytest.mark.parametrize(("field", "gist"), [
    ('url: "javascript:alert(1)"',
     "«\u202furl\u202f»\u00a0: l’adresse doit commencer par «\u202fhttps://\u202f»"),
    ('url: "//example.org/x"',
     "«\u202furl\u202f»\u00a0: l’adresse doit commencer par «\u202fhttps://\u202f»"),
    ('url: "https://exemple.fr@example.org/"',
     "«\u202furl\u202f»\u00a0: l’adresse contient «\u202f@\u202f» avant le nom du site"),
    ("doi: 10.48550 arXiv", "«\u202fdoi\u202f»\u00a0: le DOI doit avoir la forme"),
    ("title: Le <b>titre</b>", "«\u202ftitle\u202f» contient «\u202f<\u202f»"),
    ('venue: "Revue\\u0007"', "«\u202fvenue\u202f» contient un caractère de contrôle invisible"),
    ('venue: "Re\\u200bvue"', "«\u202fvenue\u202f» contient un caractère de contrôle invisible"),
    ('venue: "Revue\\ufeff"', "«\u202fvenue\u202f» contient un caractère de contrôle invisible"),
])
def test_a_source_field_the_site_cannot_print_safely_is_refused(tmp_path: Path, field: str,
                                                                 gist: str) -> None:
    name = field.split(":", 1)[0]
    lines = [line for line in SOURCES.splitlines() if not line.startswith(f"  {name}:")]
    sources = "\n".join([*lines, f"  {field}", ""])
    [error] = errors_of(write(tmp_path, {}, sources))
    assert error.startswith(f"data/sources.yml:{len(lines) + 1}: « patterson2021 » : {gist}"), \
        error


def test_valid_addresses_dois_and_texts_load(tmp_path: Path) -> None:
    sources = SOURCES + ("  url: https://www.insee.fr/fr/statistiques/3569148?geo=METRO-1&"
                         "sommaire=3569168\n  note: R&D, « entre » 3 et 4\n")
    data = write(tmp_path, {"a.yml": GOOD.replace("tableau 4", "tableau 4, « PUE »")}, sources)
    loaded_sources, _ = load_data(data, root=tmp_path)
    assert loaded_sources["patterson2021"].url.startswith("https://www.insee.fr/")


def test_a_parameter_label_with_markup_is_refused(tmp_path: Path) -> None:
    [error] = errors_of(write(tmp_path, {"a.yml": GOOD.replace("label: PUE",
                                                                "label: <i>PUE</i>")}))
    assert error.startswith("data/parameters/a.yml:2: « gpt3_pue » : «\u202flabel\u202f» "
                            "contient «\u202f<\u202f»\u00a0: pas de balise HTML"), error


NEWSROOM = """\
soiree_heures:
  label: durée d’une soirée de séries
  value: 3
  unit: hour
  status: hypothesis
  note: Une soirée type choisie par la rédaction, pas une mesure.
"""


def test_the_newsrooms_own_hypothesis_needs_its_reasoning_not_a_source(tmp_path: Path) -> None:
    _, parameters = load_data(write(tmp_path, {"a.yml": NEWSROOM}), root=tmp_path)
    parameter = parameters["soiree_heures"]
    assert parameter.source is None and parameter.locator is None
    assert parameter.note and "rédaction" in parameter.note


def test_a_sourceless_parameter_must_be_a_hypothesis_with_a_note(tmp_path: Path) -> None:
    errors = errors_of(write(tmp_path, {
        "a.yml": NEWSROOM.replace("  note: Une soirée type choisie par la rédaction, pas une "
                                  "mesure.\n", ""),
        "b.yml": NEWSROOM.replace("soiree_heures", "autre").replace("hypothesis", "primary"),
    }))
    assert "data/parameters/a.yml:1: « soiree_heures » : champ obligatoire « note » manquant" \
        in errors
    assert any(e.startswith("data/parameters/b.yml:1: « autre » : champ obligatoire « source »")
               for e in errors)


def test_a_parameter_citing_a_refused_source_is_told_so(tmp_path: Path) -> None:
    sources = SOURCES.replace("  doi: 10.48550/arXiv.2104.10350\n", "")
    errors = errors_of(write(tmp_path, {"a.yml": GOOD}, sources))
    assert any(e.startswith("data/parameters/a.yml:6: « gpt3_pue » : source invalide "
                            "« patterson2021 »") for e in errors), errors
    assert not any("source inconnue" in e for e in errors)
