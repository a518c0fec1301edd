"""Conditions on calculations (``requires:``): parsed, located, checked on central values, and
refused with the editor's message when they fail."""

from __future__ import annotations

import operator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog, Figure
from calculators.calculations import MAX_REQUIREMENTS
from calculators.formulas import FormulaError, Zero, holds, parse, parse_condition
from calculators.model import Parameter, Status
from publication.views.scenario import requirement
from tests.calculators.test_calculations import CONVENTIONS, ENERGY, errors_of, project

GUARDED = ENERGY.replace("  published: energy_published\n  tolerance: 0.01\n", "") + """\
per_machine:
  label: énergie par machine
  formula: energy ÷ machines
  unit: MWh/accelerator
  requires:
    - that: power <= power_limit
      otherwise: "une puissance au-delà de la limite : vérifiez la fiche technique"
      hint: relisez la page 1
    - that: per_machine > 0
      otherwise: aucune énergie par machine
"""
LIMIT = "power_limit:\n  label: limite\n  value: 350\n  unit: W/accelerator\n"


def guarded(tmp_path: Path, text: str = GUARDED) -> Catalog:
    return Catalog.load(project(tmp_path, {"a.yml": text}, conventions=CONVENTIONS + LIMIT))


# -- the grammar ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "operator_text", "column"), [
    ("a <= b", "<=", 3), ("a ≤ b", "<=", 3), ("a >= b", ">=", 3), ("a ≥ b", ">=", 3),
    ("a < b", "<", 3), ("a>b", ">", 2), ("share(a) × b < c ÷ d", "<", 14),
])
def test_conditions_compare_two_sums(text: str, operator_text: str, column: int) -> None:
    condition = parse_condition(text)
    assert (condition.operator, condition.column) == (operator_text, column)


def test_zero_is_the_one_number_and_stands_alone() -> None:
    assert isinstance(parse_condition("rate > 0").right, Zero)
    assert isinstance(parse_condition("0 < rate").left, Zero)
    with pytest.raises(FormulaError, match="« 0 » dans un calcul"):
        parse_condition("0 × a < b")
    with pytest.raises(FormulaError, match="nombre inattendu « 1 »"):
        parse_condition("a > 1")
    with pytest.raises(FormulaError, match="condition sans nom"):
        parse_condition("0 < 0")
    with pytest.raises(FormulaError, match="nombre inattendu"):
        parse("a + 0")


@pytest.mark.parametrize(("text", "words"), [
    ("a + b", "attendu : une comparaison"),
    ("a < b < c", "une seule comparaison"),
    ("a = b", "pas d’égalité"),
    ("", "condition vide"),
])
def test_malformed_conditions_say_what_is_expected(text: str, words: str) -> None:
    with pytest.raises(FormulaError) as caught:
        parse_condition(text)
    assert words in f"{caught.value.message} {caught.value.hint}"


def test_a_comparison_in_a_formula_points_to_requires() -> None:
    with pytest.raises(FormulaError) as caught:
        parse("a < b")
    assert "requires" in caught.value.hint


def _figure(value: float, unit: str) -> Figure:
    return Figure.from_parameter(Parameter(
        id="x", label="x", value=value, unit=unit, status=Status.HYPOTHESIS, source=None,
        locator=None, low=value / 2, high=value * 2))


@given(a=st.integers(1, 10**6), b=st.integers(1, 10**6),
       comparison=st.sampled_from(["<", ">", "<=", ">="]))
def test_conditions_compare_central_values_in_one_unit(a: int, b: int, comparison: str) -> None:
    """Kilowatt-hours against watt-hours compare as quantities, ranges ignored (whole numbers
    of watt-hours convert exactly, so equal amounts are equal)."""
    figures = {"a": _figure(a, "kWh"), "b": _figure(b * 1000, "Wh")}
    expected = {"<": operator.lt, ">": operator.gt, "<=": operator.le,
                ">=": operator.ge}[comparison](a, b)
    assert holds(parse_condition(f"a {comparison} b"), figures.__getitem__) is expected


def test_a_share_compares_with_a_fraction() -> None:
    figures = {"s": _figure(0.4, "dimensionless"), "half": _figure(0.5, "")}
    assert holds(parse_condition("share(s) < half"), figures.__getitem__)
    assert not holds(parse_condition("share(s) > half"), figures.__getitem__)


# -- in data files -------------------------------------------------------------------------------


def test_conditions_that_hold_let_the_result_through(tmp_path: Path) -> None:
    catalog = guarded(tmp_path)
    [first, second] = catalog.calculations["per_machine"].requires
    assert (first.line, second.line) == (10, 13)
    assert first.otherwise == ("une puissance au-delà de la limite\u00a0: vérifiez la fiche "
                               "technique")
    assert catalog.calculations["per_machine"].reads == ("energy",)
    result = catalog.bind().calculate("per_machine")
    assert result.to("MWh/accelerator").value == pytest.approx(0.119, rel=0.01)


def test_a_failed_condition_refuses_the_result_with_the_editors_words(tmp_path: Path) -> None:
    good = guarded(tmp_path)
    catalog = good.with_values(power=400)
    with pytest.raises(CalculatorError) as caught:
        catalog.bind().calculate("per_machine")
    error = caught.value
    assert error.key == "per_machine"
    assert error.message.startswith("une puissance au-delà de la limite")
    assert error.hint == ("relisez la page 1 ; condition « power <= power_limit » "
                          "(root/data/calculations/a.yml, ligne 10)")
    assert good.with_values(power=350).bind().calculate("per_machine")


def test_a_condition_may_name_its_own_result_without_a_cycle(tmp_path: Path) -> None:
    text = GUARDED.replace("power <= power_limit", "per_machine × machines <= energy")
    assert guarded(tmp_path, text).bind().calculate("per_machine")
    looped = text + "loop:\n  label: l\n  formula: pue\n  unit: \"\"\n  requires:\n" \
        "    - that: loop_back > 0\n      otherwise: x\n" \
        "loop_back:\n  label: lb\n  formula: loop\n  unit: \"\"\n"
    assert any("calcul circulaire : loop → loop_back → loop" in error
               for error in errors_of(project(tmp_path / "b", {"a.yml": looped},
                                              conventions=CONVENTIONS + LIMIT)))


def test_every_problem_of_every_condition_is_at_its_own_line(tmp_path: Path) -> None:
    text = ENERGY + """\
bad:
  label: b
  formula: energy
  unit: MWh
  requires:
    - that: enrgy > 0
      otherwise: a
    - that: energy > days
      otherwise: b
    - that: energy >
      otherwise: c
    - otherwise: d
    - that: energy > 0
      otherwise: <b>gras</b>
      hnt: x
    - énergie positive
"""
    errors = errors_of(project(tmp_path, {"a.yml": text}))
    assert errors == [
        "root/data/calculations/a.yml:16: « bad » : condition : la fin de la condition "
        "inattendu, colonne 9 (attendu : un nom ou « ( »)",
        "root/data/calculations/a.yml:18: « bad » : condition : champ obligatoire « that » "
        "manquant (« that » est la condition, « otherwise » ce que lisent la rédaction et les "
        "lecteurs quand elle n’est pas remplie)",
        "root/data/calculations/a.yml:21: « bad » : condition : champ inconnu « hnt » "
        "(vouliez-vous dire « hint » ?)",
        "root/data/calculations/a.yml:20: « bad » : condition, « otherwise » : contient "
        "«\u202f<\u202f»\xa0: pas de balise HTML dans les données (le site affiche ce texte tel "
        "quel\u202f; écrivez «\u202finférieur à\u202f» ou «\u202fmoins de\u202f» plutôt que "
        "«\u202f<\u202f», et retirez toute balise)",
        "root/data/calculations/a.yml:22: « bad » : une condition a deux champs, « that » et "
        "« otherwise » (par exemple :\n  requires:\n    - that: part_des_75_ans <= "
        "part_des_60_ans\n      otherwise: plus de 75 ans que de 60 ans dans la population)",
        "root/data/calculations/a.yml:12: « bad » : condition : nom inconnu « enrgy », "
        "colonne 1 (vouliez-vous dire « energy » ?)",
        "root/data/calculations/a.yml:14: « bad » : condition : impossible de comparer des "
        "« MWh » et des « day », colonne 8 (les deux côtés doivent mesurer la même grandeur)",
    ]


def test_requires_is_a_short_list(tmp_path: Path) -> None:
    many = "".join(f"    - that: energy > 0\n      otherwise: n{i}\n"
                   for i in range(MAX_REQUIREMENTS + 1))
    text = ENERGY + "a:\n  label: a\n  formula: energy\n  unit: MWh\n  requires:\n" + many
    text += "b:\n  label: b\n  formula: energy\n  unit: MWh\n  requires: energy > 0\n"
    assert errors_of(project(tmp_path, {"a.yml": text})) == [
        f"root/data/calculations/a.yml:11: « a » : {MAX_REQUIREMENTS + 1} conditions, au plus "
        f"{MAX_REQUIREMENTS} (gardez celles qui protègent vraiment le calcul)",
        "root/data/calculations/a.yml:34: « b » : « requires » est une liste de conditions "
        "(par exemple :\n  requires:\n    - that: part_des_75_ans <= part_des_60_ans\n"
        "      otherwise: plus de 75 ans que de 60 ans dans la population)",
    ]


def test_the_browser_gets_each_condition_as_data(tmp_path: Path) -> None:
    [first, second] = guarded(tmp_path).calculations["per_machine"].requires
    assert requirement(first) == [
        "<=", "power", "power_limit",
        "une puissance au-delà de la limite\u00a0: vérifiez la fiche technique"]
    assert requirement(second) == [">", "per_machine", 0, "aucune énergie par machine"]
