"""The rebound effect: efficiency per query against growth in volume, recomputed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog
from tests.by_name import calculators as topic
from vocabulary.errors import ContentErrors

positive = st.floats(min_value=1e-3, max_value=1e4, allow_nan=False, allow_infinity=False)


def test_de_vries_daily_energy_is_recomputed_and_cross_checked(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.chatgpt_daily_queries_2023(p).to("query/day").value == pytest.approx(195e6)
    energy = topic.chatgpt_daily_energy_2023(p)
    assert energy.to("MWh/day").value == pytest.approx(195e6 * 2.9 / 1e6)
    assert energy.reference is not None
    assert energy.relative_gap() == pytest.approx(abs(565.5 - 564) / 564)


def test_less_per_query_but_more_in_total(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.per_query_efficiency_gain(p).value == pytest.approx(2.9 / 0.34)
    assert topic.query_volume_growth(p).value == pytest.approx(2.5e9 / 195e6)
    assert topic.chatgpt_daily_energy_2025(p).to("MWh/day").value == pytest.approx(850)
    # Against de Vries's published 564 MWh, not the 565.5 recomputed from his rounded 2.9 Wh.
    assert topic.chatgpt_daily_energy_ratio_2025_2023(p).value == pytest.approx(850 / 564)


def test_messages_count_as_requests_only_through_the_stated_hypothesis(catalog: Catalog) -> None:
    growth = topic.query_volume_growth(catalog.bind())
    assert "queries_per_message_assumed" in {h.key for h in growth.hypotheses()}


def test_totals(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.datacentre_efficiency_gain_2010_2018(p).value == pytest.approx(6.5 / 1.06)
    assert topic.google_emissions_2019(p).to("MtCO2e").value == pytest.approx(14.3 / 1.48)
    assert topic.datacentre_electricity_growth_2024_2030(p).value == pytest.approx(945 / 415)
    assert topic.france_digital_footprint_2030(p).to("MtCO2e").value == pytest.approx(17.2 * 1.45)
    assert topic.france_digital_footprint_2050(p).to("MtCO2e").value == pytest.approx(17.2 * 2.87)


def test_a_wrong_de_vries_input_breaks_the_cross_check(catalog: Catalog) -> None:
    p = catalog.with_values(queries_per_user_day_devries_2023=10).bind()
    with pytest.raises(CalculatorError, match="valeur publiée") as error:
        topic.chatgpt_daily_energy_2023(p)
    assert error.value.key == "chatgpt_daily_energy_devries_2023"


def test_a_negative_energy_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(energy_per_query_altman_2025=-0.34)
    assert errors.value.errors[0].key == "energy_per_query_altman_2025"


def test_a_zero_energy_per_query_is_a_division_by_zero_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(energy_per_query_altman_2025=0).bind()
    with pytest.raises(CalculatorError) as error:
        topic.per_query_efficiency_gain(p)
    assert error.value.key == "energy_per_query_altman_2025"
    assert "division par zéro" in error.value.message


def test_zero_users_in_2023_is_a_division_by_zero_in_the_volume_growth(catalog: Catalog) -> None:
    p = catalog.with_values(chatgpt_daily_users_devries_2023=0).bind()
    with pytest.raises(CalculatorError) as error:
        topic.query_volume_growth(p)
    assert error.value.key == "chatgpt_daily_queries_2023"


@given(energy=positive, messages=positive)
def test_the_rebound_identity(catalog: Catalog, energy: float, messages: float) -> None:
    """Energy ratio 2025/2023 = volume growth ÷ efficiency gain, whatever the inputs, up to the
    gap between de Vries's published 564 MWh and the 565.5 his rounded inputs give."""
    p = catalog.with_values(energy_per_query_altman_2025=energy,
                            chatgpt_messages_per_day_2025=messages * 1e6).bind()
    ratio = topic.chatgpt_daily_energy_ratio_2025_2023(p).value
    expected = topic.query_volume_growth(p).value / topic.per_query_efficiency_gain(p).value
    assert ratio == pytest.approx(expected * 565.5 / 564, rel=1e-9)
