"""Calculations declared as data: every problem located and reported at once; results named,
checked, guarded by their conditions and callable from articles."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from calculators import CalculatorError, Catalog
from calculators.calculations import MAX_CALCULATIONS
from macros.render import Renderer
from macros.toolbox import Toolbox
from tests.helpers import one_line
from vocabulary.errors import ContentErrors

SOURCES = """\
src:
  authors: [Ada Lovelace]
  title: Notes
  venue: Taylor
  year: 2021
  url: https://example.org
"""


def parameter(key: str, value: float, unit: str, extra: str = "") -> str:
    return (f"{key}:\n  label: {key.replace('_', ' ')}\n  value: {value}\n  unit: \"{unit}\"\n"
            f"  status: primary\n  source: src\n  locator: p. 1\n{extra}")


PARAMETERS = "".join([
    parameter("machines", 10, "accelerator"),
    parameter("power", 300, "W/accelerator", "  low: 200\n  high: 400\n"),
    parameter("days", 15, "day"),
    parameter("pue", 1.1, "dimensionless"),
    parameter("energy_published", 1.19, "MWh"),
    parameter("share_a", 0.25, "dimensionless", "  quote: un quart des cas\n"),
])

CONVENTIONS = """\
heures_par_jour:
  label: heures par jour
  value: 24
  unit: hour/day
"""

ENERGY = """\
energy:
  label: énergie consommée
  formula: machines × power × days × heures_par_jour × pue
  unit: MWh
  published: energy_published
  tolerance: 0.01
"""


def project(tmp_path: Path, calculations: dict[str, str], conventions: str = CONVENTIONS,
            parameters: str = PARAMETERS) -> Path:
    data = tmp_path / "root" / "data"
    (data / "parameters").mkdir(parents=True)
    (data / "calculations").mkdir()
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(parameters, encoding="utf-8")
    (data / "conventions.yml").write_text(conventions, encoding="utf-8")
    for name, text in calculations.items():
        (data / "calculations" / name).write_text(text, encoding="utf-8")
    return data


def errors_of(data: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        Catalog.load(data)
    return [one_line(e) for e in caught.value.errors]


def test_a_calculation_is_named_checked_and_derived(tmp_path: Path) -> None:
    catalog = Catalog.load(project(tmp_path, {"a.yml": ENERGY}))
    spec = catalog.calculations["energy"]
    assert (spec.label, spec.unit, spec.file) == ("énergie consommée", "MWh",
                                                 "root/data/calculations/a.yml")
    result = catalog.bind().calculate("energy")
    assert result.key == "energy" and result.label == "énergie consommée"
    assert result.to("MWh").value == pytest.approx(10 * 300 * 15 * 24 * 1.1 / 1e6)
    assert result.formula == ("machines × power × days × heures par jour × pue")
    assert result.reference is not None and result.reference.key == "energy_published"
    assert (result.low.magnitude, result.high.magnitude) == pytest.approx((0.792, 1.584))
    convention = next(leaf for leaf in result.leaves() if leaf.label == "heures par jour")
    assert convention.key is None and convention.status.value == "convention"


def test_the_published_value_is_enforced(tmp_path: Path) -> None:
    catalog = Catalog.load(project(tmp_path, {"a.yml": ENERGY}))
    with pytest.raises(CalculatorError) as caught:
        catalog.with_values(pue=1.5).bind().calculate("energy")
    assert "s’écarte de" in caught.value.message
    assert caught.value.key == "energy_published"


def test_calculations_read_each_other(tmp_path: Path) -> None:
    text = ENERGY + """\
energy_per_machine:
  label: énergie par machine
  formula: energy ÷ machines
  unit: kWh/accelerator
"""
    catalog = Catalog.load(project(tmp_path, {"a.yml": text}))
    p = catalog.bind()
    assert p.calculate("energy_per_machine").formula == "énergie consommée ÷ machines"
    assert p.calculate("energy_per_machine").inputs[0] is p.calculate("energy")


def test_articles_call_calculations(tmp_path: Path) -> None:
    catalog = Catalog.load(project(tmp_path, {"a.yml": ENERGY}))
    rendered = Renderer(Toolbox(catalog)).render(
        'Environ {{ energy() | figure("MWh") }}.', file="a.md")
    assert "1,19\u202fMWh" in rendered.text
    assert list(rendered.figures) == ["calcul-energy"]


def test_every_problem_is_reported_at_once_with_file_and_line(tmp_path: Path) -> None:
    text = """\
syntax:
  label: x
  formula: machines × × power
  unit: W
unknown:
  label: x
  formula: machine × power
  unit: W
wrong_unit:
  label: x
  formula: machines × power
  unit: MWh
sum:
  label: x
  formula: days + power
  unit: day
"""
    errors = errors_of(project(tmp_path, {"a.yml": text}))
    assert errors == [
        "root/data/calculations/a.yml:3: « syntax » : formule : « × » inattendu, colonne 12 "
        "(attendu : un nom ou « ( »)",
        "root/data/calculations/a.yml:7: « unknown » : formule : nom inconnu « machine », "
        "colonne 1 (vouliez-vous dire « machines » ?)",
        "root/data/calculations/a.yml:12: « wrong_unit » : la formule donne des « W », pas des "
        "« MWh » (unité déclarée) (corrigez l’unité déclarée, ou la formule (une "
        "multiplication ou une division manque-t-elle ?))",
        "root/data/calculations/a.yml:15: « sum » : formule : impossible d’additionner des "
        "« day » et des « W/accelerator », colonne 6 (les deux termes doivent mesurer la même "
        "grandeur)",
    ]


def test_parameter_and_formula_errors_come_together(tmp_path: Path) -> None:
    broken = PARAMETERS.replace('unit: "day"', 'unit: "dayz"')
    text = "x:\n  label: x\n  formula: days × nothing\n  unit: day\n"
    errors = errors_of(project(tmp_path, {"a.yml": text}, parameters=broken))
    assert len(errors) == 2
    assert "unité inconnue « dayz »" in errors[0]
    # « days » exists (it failed to load): only the truly unknown name is reported.
    assert "nom inconnu « nothing »" in errors[1]


def test_cycles_are_found(tmp_path: Path) -> None:
    text = """\
a:
  label: a
  formula: b × pue
  unit: ""
b:
  label: b
  formula: c
  unit: ""
c:
  label: c
  formula: a ÷ pue
  unit: ""
own:
  label: own
  formula: own
  unit: ""
"""
    errors = errors_of(project(tmp_path, {"a.yml": text}))
    assert errors == [
        "root/data/calculations/a.yml:3: « a » : calcul circulaire : a → b → c → a "
        "(un calcul ne peut pas dépendre de lui-même)",
        "root/data/calculations/a.yml:15: « own » : calcul circulaire : own → own "
        "(un calcul ne peut pas dépendre de lui-même)",
    ]


def test_ids_are_unique_across_parameters_conventions_and_calculations(tmp_path: Path) -> None:
    conventions = CONVENTIONS + "pue:\n  label: x\n  value: 1\n  unit: \"\"\n"
    first = "twice:\n  label: x\n  formula: pue\n  unit: \"\"\n"
    second = first + "days:\n  label: x\n  formula: pue\n  unit: \"\"\n"
    errors = errors_of(project(tmp_path, {"a.yml": first, "b.yml": second},
                               conventions=conventions))
    assert errors == [
        "root/data/conventions.yml:5: « pue » : identifiant déjà défini dans "
        "root/data/parameters/p.yml:24 (renommez la convention)",
        "root/data/calculations/b.yml:1: « twice » : identifiant déjà défini dans "
        "root/data/calculations/a.yml:1 (renommez le calcul)",
        "root/data/calculations/b.yml:5: « days » : identifiant déjà défini dans "
        "root/data/parameters/p.yml:17 (renommez le calcul)",
    ]


def test_fields_published_and_tolerance_are_checked(tmp_path: Path) -> None:
    text = """\
a:
  label: a
  formula: days
  unit: day
  published: energy_published
b:
  label: b
  formula: days
  unit: day
  tolerance: 0.5
c:
  label: c
  formula: days
  unit: day
  published: energy_publishd
  tolerance: 2
d:
  label: d
  formula: 3
  units: day
"""
    errors = errors_of(project(tmp_path, {"a.yml": text}))
    assert errors == [
        "root/data/calculations/a.yml:20: « d » : champ inconnu « units » (vouliez-vous dire "
        "« unit » ?)",
        "root/data/calculations/a.yml:17: « d » : champ obligatoire « unit » manquant "
        "(écrivez unit: \"\" pour un nombre sans unité)",
        "root/data/calculations/a.yml:19: « d » : la formule doit être un texte",
        "root/data/calculations/a.yml:15: « c » : valeur publiée inconnue « energy_publishd » "
        "(vouliez-vous dire « energy_published » ?)",
        "root/data/calculations/a.yml:5: « a » : la valeur publiée « energy_published » est en "
        "« MWh », pas en « day » (comparez des grandeurs de même nature)",
        "root/data/calculations/a.yml:10: « b » : « tolerance » sans « published » : à quoi "
        "comparer ? (ajoutez la valeur publiée (published))",
        "root/data/calculations/a.yml:16: « c » : « tolerance » doit être une fraction entre 0 et "
        "1 (0.01 pour 1 %)",
    ]


def test_conventions_are_checked(tmp_path: Path) -> None:
    conventions = """\
jours:
  label: jours
  value: -30
  unit: dayz
Mois:
  label: mois
  value: 12
  unit: ""
"""
    errors = errors_of(project(tmp_path, {}, conventions=conventions))
    assert errors[0].startswith("root/data/conventions.yml:3: « jours » : « value » : la "
                                "valeur est négative")
    assert errors[1].startswith("root/data/conventions.yml:4: « jours » : unité inconnue « dayz »")
    assert errors[2].startswith("root/data/conventions.yml:5: « Mois » : identifiant invalide")


def test_the_number_of_calculations_is_bounded(tmp_path: Path) -> None:
    text = "".join(f"c{i}:\n  label: c\n  formula: pue\n  unit: \"\"\n"
                   for i in range(MAX_CALCULATIONS + 1))
    [error] = errors_of(project(tmp_path, {"a.yml": text}))
    assert error == f"root/data/calculations: trop de calculs ({MAX_CALCULATIONS + 1}, au plus " \
        f"{MAX_CALCULATIONS})"


def test_a_long_chain_loads_and_computes_without_deep_recursion(tmp_path: Path) -> None:
    count = 1500
    text = "c0:\n  label: c0\n  formula: pue\n  unit: \"\"\n" + "".join(
        f"c{i}:\n  label: c{i}\n  formula: c{i - 1} × pue\n  unit: \"\"\n"
        for i in range(1, count))
    start = time.perf_counter()
    catalog = Catalog.load(project(tmp_path, {"a.yml": text}))
    assert time.perf_counter() - start < 30
    result = catalog.bind().calculate(f"c{count - 1}")
    assert result.value == pytest.approx(1.1 ** count)


def test_the_project_calculations_load(catalog: Catalog) -> None:
    assert catalog.calculations, "the project declares calculations as data"
    assert all(c.id == key for key, c in catalog.calculations.items())


def test_derivations_are_those_the_python_calculators_wrote(catalog: Catalog) -> None:
    """Two calculators as they were written in Python, against their YAML successors."""
    p = catalog.bind()
    energy = (
        p["gpt3_accelerators"] * p["gpt3_power_per_accelerator"] * p["gpt3_training_days"]
        * p.convention("heures_par_jour") * p["gpt3_pue"]
    ).checked_against(p["gpt3_training_energy_published"], tolerance=0.01)
    level = p.convention("niveau_2010")
    gain = (level + p["datacentre_compute_growth_2010_2018"]) / (
        level + p["datacentre_energy_growth_2010_2018"])
    for key, python in (("gpt3_training_energy", energy),
                        ("datacentre_efficiency_gain_2010_2018", gain)):
        spec = catalog.calculations[key]
        expected = python.named(key, spec.label, spec.unit)
        data = p.calculate(key)
        assert data.formula == expected.formula
        assert (data.quantity, data.low, data.high) == \
            (expected.quantity, expected.low, expected.high)
        assert [i.describe() for i in data.inputs] == [i.describe() for i in expected.inputs]
    formula = p.calculate("datacentre_efficiency_gain_2010_2018").formula or ""
    assert formula.startswith("(niveau de 2010 + ") and ") ÷ (niveau de 2010 + " in formula


def test_a_unit_mismatch_names_the_formulas_unit_simplified(tmp_path: Path) -> None:
    """« kWh × MWh/kWh » is MWh: the message speaks of what the formula gives, simplified,
    as an editor would write it, not of Pint's unreduced product."""
    ratio = ENERGY.replace("machines × power × days × heures_par_jour × pue",
                           "energy_published / energy_published × days").replace(
        "  published: energy_published\n  tolerance: 0.01\n", "")
    [error] = errors_of(project(tmp_path, {"a.yml": ratio}))
    assert "la formule donne des « day », pas des « MWh »" in error, error
