"""Women in tech: shares over time, recomputed from the sourced parameters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog, Status
from tests.by_name import calculators as topic
from vocabulary.errors import ContentErrors

share = st.floats(min_value=0.01, max_value=0.49, allow_nan=False)


def test_computing_schools_lost_about_eighteen_points(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.cs_schools_decline_points(p).value == pytest.approx(0.333 - 0.15)
    assert topic.cs_schools_decline_ratio(p).value == pytest.approx(0.333 / 0.15)
    assert topic.cs_schools_gap_with_engineering(p).value == pytest.approx(0.28 - 0.15)
    assert topic.europe_schools_decline_ratio(p).value == pytest.approx(2.5)


def test_jobs_figures(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.digital_sector_rise_2018_2020(p).value == pytest.approx(0.05)


def test_no_gap_is_computed_between_figures_of_different_sources(catalog: Catalog) -> None:
    # Syntec's French 2018 figure and Collet's undated Western order of magnitude are shown side
    # by side (issue 14): no calculator subtracts one from the other.
    assert "technical_jobs_gap" not in catalog.calculations


def test_eurostat_pace_and_years_to_parity(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.eu_ict_specialists_rise(p).value == pytest.approx(0.027)
    assert topic.eu_ict_specialists_pace(p).to("1/year").value == pytest.approx(0.0027)
    years = topic.eu_years_to_parity(p)
    assert years.to("year").value == pytest.approx((0.5 - 0.194) / 0.0027)
    assert "part des femmes à la parité" in (years.formula or "")
    conventions = [leaf.label for leaf in years.leaves() if leaf.status is Status.CONVENTION]
    assert conventions == ["part des femmes à la parité", "années écoulées entre 2013 et 2023"]


def test_sourced_figures_carry_no_hypothesis(catalog: Catalog) -> None:
    p = catalog.bind()
    for function in (topic.cs_schools_decline_ratio, topic.eu_years_to_parity):
        assert function(p).hypotheses() == []


def test_a_negative_share_is_refused_naming_the_parameter(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(women_share_cs_schools_now=-0.1)
    assert errors.value.errors[0].key == "women_share_cs_schools_now"


def test_a_zero_share_today_is_a_division_by_zero_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(women_share_cs_schools_now=0).bind()
    with pytest.raises(CalculatorError) as error:
        topic.cs_schools_decline_ratio(p)
    assert error.value.key == "women_share_cs_schools_now"
    assert "division par zéro" in error.value.message


def test_no_parity_date_when_the_share_does_not_rise(catalog: Catalog) -> None:
    p = catalog.with_values(women_share_ict_specialists_eu_2023=0.15).bind()
    with pytest.raises(CalculatorError, match="ne progresse pas") as error:
        topic.eu_years_to_parity(p)
    assert error.value.key == "eu_years_to_parity"
    assert "« eu_ict_specialists_pace > 0 »" in error.value.hint


def test_no_parity_date_when_parity_is_reached(catalog: Catalog) -> None:
    p = catalog.with_values(women_share_ict_specialists_eu_2023=0.6).bind()
    with pytest.raises(CalculatorError, match="déjà atteinte"):
        topic.eu_years_to_parity(p)


@given(start=share, rise=st.floats(min_value=0.001, max_value=0.2))
def test_years_to_parity_times_pace_closes_the_gap(catalog: Catalog, start: float,
                                                   rise: float) -> None:
    end = min(start + rise, 0.499)
    if end <= start:
        return
    p = catalog.with_values(women_share_ict_specialists_eu_2013=start,
                            women_share_ict_specialists_eu_2023=end).bind()
    years = topic.eu_years_to_parity(p).to("year").value
    pace = topic.eu_ict_specialists_pace(p).to("1/year").value
    assert years > 0
    assert years * pace == pytest.approx(0.5 - end, rel=1e-9)


def test_a_share_written_as_a_percentage_is_refused(catalog: Catalog) -> None:
    p = catalog.with_values(women_share_engineering_schools=28).bind()
    with pytest.raises(CalculatorError, match="dépasse 1") as error:
        topic.cs_schools_gap_with_engineering(p)
    assert error.value.key == "women_share_engineering_schools"
