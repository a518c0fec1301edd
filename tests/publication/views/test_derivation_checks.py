"""A calculation's conditions, as its derivation block shows them to readers."""

from __future__ import annotations

from pathlib import Path

from publication.views import derivation
from tests.calculators.test_requirements import GUARDED, guarded


def test_readers_see_each_condition_met_with_its_values(tmp_path: Path) -> None:
    """The calcul page's block says which conditions the published figure met, and with which
    values; the result's own id reads as its label."""
    text = GUARDED.replace("per_machine > 0", "per_machine >= 0")
    figure = guarded(tmp_path, text).bind().calculate("per_machine")
    [block] = [b for b in derivation.build({"calcul-per-machine": figure}, [])[0]
               if b.anchor == "calcul-per-machine"]
    assert block.checks == (
        "power (300\u202fW par processeur) ≤ limite (350\u202fW par processeur)",
        "énergie par machine (0,1188\u202fMWh par processeur) ≥ 0",
    )
    assert guarded(tmp_path / "b", GUARDED).bind().calculate("energy").checks == ()


def test_a_fraction_compared_with_a_percentage_reads_as_one(tmp_path: Path) -> None:
    text = GUARDED + ("quarter:\n  label: un quart\n  formula: share(share_a)\n  unit: percent\n"
                      "  requires:\n    - that: share(share_a) < pue\n      otherwise: non\n")
    figure = guarded(tmp_path, text).bind().calculate("quarter")
    assert [derivation.check_text(check) for check in figure.checks] == [
        "share a (25\u00a0%) < pue (110\u00a0%)"]
