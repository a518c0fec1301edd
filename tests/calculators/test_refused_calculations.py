"""One wrong calculation is reported once: the others stay usable, and pages using it (or a
calculation reading it) say « calcul invalide » instead of « nom inconnu »."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators import CalculatorError, Catalog
from macros.render import Renderer
from macros.toolbox import Toolbox
from tests.calculators.test_calculations import ENERGY, project
from tests.helpers import one_line

CHAIN = ENERGY + """\
per_day:
  label: énergie par jour
  formula: energy ÷ dayz
  unit: MWh/day
per_day_and_machine:
  label: énergie par jour et par machine
  formula: per_day ÷ machines
  unit: MWh/day/accelerator
fine:
  label: jours et demi
  formula: days × pue
  unit: day
"""


def test_a_wrong_calculation_and_its_readers_are_refused_the_rest_stays(tmp_path: Path
                                                                       ) -> None:
    catalog, errors = Catalog.load_valid(project(tmp_path, {"a.yml": CHAIN}))
    assert [one_line(e) for e in errors] == [
        "root/data/calculations/a.yml:9: « per_day » : formule : nom inconnu « dayz », "
        "colonne 10 (vouliez-vous dire « days » ?)"]
    assert set(catalog.calculations) == {"energy", "fine"}
    assert catalog.refused == {"per_day", "per_day_and_machine"}
    assert catalog.bind().calculate("fine").to("day").value == pytest.approx(16.5)
    with pytest.raises(CalculatorError, match="calcul invalide") as caught:
        catalog.bind().calculate("per_day_and_machine")
    assert "calculators/data/calculations" in caught.value.hint


def test_a_page_says_calcul_invalide_where_it_uses_one(tmp_path: Path) -> None:
    catalog, _ = Catalog.load_valid(project(tmp_path, {"a.yml": CHAIN}))
    renderer = Renderer(Toolbox(catalog))
    assert "16,5" in renderer.render('{{ fine() | figure("day") }}', file="a.md").text
    with pytest.raises(CalculatorError, match="calcul invalide"):
        renderer.render('Texte.\n{{ per_day_and_machine() | figure("MWh/day/accelerator") }}',
                        file="a.md")


def test_a_file_yaml_cannot_read_declares_its_ids(tmp_path: Path) -> None:
    broken = "lost:\n  label: perdu\n  formula: days\n   unit: day\nother: [\n"
    catalog, errors = Catalog.load_valid(project(tmp_path, {"a.yml": ENERGY, "b.yml": broken}))
    assert len(errors) == 1 and "YAML invalide" in errors[0].message
    assert {"lost", "other"} <= catalog.refused and "lost" in catalog.names
    with pytest.raises(CalculatorError, match="calcul invalide"):
        catalog.bind().calculate("lost")


def test_a_calculation_failing_with_the_current_values_is_reported_at_its_line(
        tmp_path: Path) -> None:
    text = ENERGY + """\
guarded:
  label: gardé
  formula: days
  unit: day
  requires:
    - that: days > pue × days
      otherwise: les jours ne dépassent pas leur propre multiple
reader:
  label: lecteur
  formula: guarded × pue
  unit: day
"""
    catalog, errors = Catalog.load_valid(project(tmp_path, {"a.yml": text}))
    assert [one_line(e) for e in errors] == [
        "root/data/calculations/a.yml:7: « guarded » : avec les valeurs actuelles, le calcul "
        "échoue : les jours ne dépassent pas leur propre multiple (condition « days > pue × "
        "days » (root/data/calculations/a.yml, ligne 12))"]
    assert catalog.refused == {"guarded", "reader"} and "energy" in catalog.calculations


def test_charts_and_boxes_say_calcul_invalide_too(tmp_path: Path) -> None:
    catalog, _ = Catalog.load_valid(project(tmp_path, {"a.yml": CHAIN}))
    toolbox = Toolbox(catalog)
    assert "per_day" in toolbox.globals and "per_day" in catalog.names
    renderer = Renderer(toolbox)
    for call in ('{{ what_if("days", shows=["per_day"]) }}',
                 '{{ chart("barres", "T", {"A": "per_day", "B": "per_day_and_machine"}) }}'):
        with pytest.raises(Exception) as caught:
            renderer.render(f"Texte.\n\n{call}\n", file="a.md")
        assert "calcul invalide" in str(caught.value) and "inconnu" not in str(caught.value)


def test_a_calculation_reading_a_refused_parameter_adds_no_error_of_its_own(
        tmp_path: Path) -> None:
    from tests.calculators.test_calculations import PARAMETERS
    broken = PARAMETERS.replace("  value: 300\n", "  value: trois cents\n", 1)
    catalog, errors = Catalog.load_valid(project(tmp_path, {"a.yml": CHAIN}, parameters=broken))
    assert [e.key for e in errors] == ["power", "per_day"]
    assert "energy" in catalog.refused and "fine" in catalog.calculations


def test_an_arithmetic_failure_no_check_foresaw_is_located_at_its_calculation(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def overflowing(calculation: object, p: object) -> None:
        raise ValueError("math domain error")

    monkeypatch.setattr("calculators.catalog._run", overflowing)
    catalog, errors = Catalog.load_valid(project(tmp_path, {"a.yml": ENERGY}))
    assert [one_line(e) for e in errors] == [
        "root/data/calculations/a.yml:1: « energy » : avec les valeurs actuelles, le calcul est "
        "impossible (math domain error) (vérifiez les valeurs des paramètres qu’il lit)"]
    assert catalog.refused == {"energy"}
