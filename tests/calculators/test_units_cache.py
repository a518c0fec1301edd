"""The unit registry reads Pint's parsed definitions from a disk cache: same units either way."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from calculators.loading import DATA_DIR
from calculators.units import new_registry
from macros.units_fr import DISPLAY_UNITS


def _units_in_use() -> list[str]:
    units = {entry["unit"] for path in sorted((DATA_DIR / "parameters").glob("*.yml"))
             for entry in yaml.safe_load(path.read_text(encoding="utf-8")).values()}
    units.update(display.pint for display in DISPLAY_UNITS.values())
    return sorted(units - {"dimensionless"})


def _in_base_units(registry, units: list[str]) -> list[tuple[float, str]]:
    result = []
    for unit in units:
        base = registry.Quantity(1, unit).to_base_units()
        result.append((round(base.magnitude, 12), str(base.units)))
    return result


UNITS = _units_in_use()


def test_the_data_uses_units_to_compare():
    assert {"kgCO2e/kWh", "query/user/day", "MWh"} <= set(UNITS)


def test_a_cached_registry_has_the_same_units(tmp_path: Path):
    reference = _in_base_units(new_registry(cache_folder=None), UNITS)
    writes = new_registry(cache_folder=tmp_path)
    assert list(tmp_path.glob("*.pickle")), "the first registry fills the cache"
    reads = new_registry(cache_folder=tmp_path)
    assert _in_base_units(writes, UNITS) == reference
    assert _in_base_units(reads, UNITS) == reference


def test_a_broken_cache_file_falls_back_to_parsing(tmp_path: Path):
    new_registry(cache_folder=tmp_path)
    for cached in tmp_path.glob("*.pickle"):
        cached.write_bytes(cached.read_bytes()[:10])  # as if another process were writing it
    registry = new_registry(cache_folder=tmp_path)
    assert registry.Quantity(1, "MWh").to("kWh").magnitude == pytest.approx(1000)


def test_an_unwritable_cache_folder_falls_back_to_parsing(tmp_path: Path):
    not_a_folder = tmp_path / "cache"
    not_a_folder.write_text("a file where the folder would be", encoding="utf-8")
    registry = new_registry(cache_folder=not_a_folder)
    assert registry.Quantity(2, "tCO2e").to("kgCO2e").magnitude == pytest.approx(2000)
