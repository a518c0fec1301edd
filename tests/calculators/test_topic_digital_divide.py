"""The digital divide: illectronisme rates by age and class, turned into numbers of people."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog
from tests.by_name import calculators as topic
from vocabulary.errors import ContentErrors

CENSUS_15_PLUS = (3_889_075 + 3_716_644 + 11_795_729 + 13_010_487 + 8_103_626 + 8_231_299
                  + 3_841_793)


def test_the_published_rate_is_the_sum_of_its_two_parts(catalog: Catalog) -> None:
    rate = topic.illectronisme_rate_2021(catalog.bind())
    assert rate.value == pytest.approx(0.154)
    assert rate.reference is not None
    assert rate.relative_gap() == pytest.approx(0, abs=1e-12)


def test_populations(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.population_15_24(p).to("person").value == 3_889_075 + 3_716_644
    assert topic.population_15_plus(p).to("person").value == CENSUS_15_PLUS
    assert topic.population_75_plus_2021(p).to("person").value == pytest.approx(65.2e6 * 0.095)
    assert topic.population_60_plus_2021(p).to("person").value == pytest.approx(65.2e6 * 0.268)


def test_people_in_illectronisme(catalog: Catalog) -> None:
    p = catalog.bind()
    everyone = topic.illectronisme_people(p).to("person").value
    older = topic.illectronisme_people_75_plus(p).to("person").value
    assert everyone == pytest.approx(0.154 * CENSUS_15_PLUS)
    assert older == pytest.approx(0.62 * 65.2e6 * 0.095)
    assert topic.illectronisme_people_15_24(p).to("person").value == \
        pytest.approx(0.02 * (3_889_075 + 3_716_644))
    seniors = topic.illectronisme_people_60_plus(p).to("person").value
    assert seniors == pytest.approx(0.24 * 65.2e6 * (0.268 - 0.095) + older)
    assert topic.illectronisme_people_under_60(p).to("person").value == \
        pytest.approx(everyone - seniors)


def test_people_aged_60_and_over_are_most_of_those_affected(catalog: Catalog) -> None:
    # The errata's hand computation (docs/errata-research.md, 6.1): 80.8 % of the people
    # affected, and a 60+ rate of 37.5 %, above INSEE's « plus d'une … sur trois ».
    p = catalog.bind()
    assert topic.illectronisme_share_60_plus(p).value == pytest.approx(0.808, abs=0.001)
    assert topic.illectronisme_rate_60_plus(p).value == pytest.approx(0.375, abs=0.001)


def test_counts_resting_on_the_2015_census_carry_the_hypothesis(catalog: Catalog) -> None:
    p = catalog.bind()
    for function in (topic.illectronisme_people, topic.illectronisme_people_15_24,
                     topic.illectronisme_people_under_60, topic.illectronisme_share_60_plus):
        assert [h.key for h in function(p).hypotheses()] == ["population_2021_vs_2015_assumed"]
    assert topic.illectronisme_people_75_plus(p).hypotheses() == []
    assert topic.illectronisme_people_60_plus(p).hypotheses() == []


def test_class_ratios(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.workers_to_executives_ratio(p).value == pytest.approx(4.5)
    assert topic.retired_workers_to_executives_ratio(p).value == pytest.approx(5.3)
    assert topic.no_diploma_home_internet_ratio(p).value == pytest.approx(0.34 / 0.12)


def test_a_negative_population_is_refused_naming_it(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(population_20_24_2015=-3_716_644)
    assert errors.value.errors[0].key == "population_20_24_2015"
    assert "négative" in errors.value.errors[0].message


def test_a_drifting_part_breaks_the_cross_check_with_the_published_rate(catalog: Catalog) -> None:
    p = catalog.with_values(illectronisme_non_use_2021=0.2).bind()
    with pytest.raises(CalculatorError, match="valeur publiée"):
        topic.illectronisme_rate_2021(p)


def test_a_zero_rate_for_executives_is_a_division_by_zero_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(illectronisme_rate_executives_2021=0).bind()
    with pytest.raises(CalculatorError) as error:
        topic.workers_to_executives_ratio(p)
    assert error.value.key == "illectronisme_rate_executives_2021"
    assert "division par zéro" in error.value.message


def test_no_population_at_all_is_a_division_by_zero(catalog: Catalog) -> None:
    zeros = {key: 0 for key in catalog.parameters if key.endswith("_2015")
             and key.startswith("population_")}
    p = catalog.with_values(**zeros, population_metro_2021=0).bind()
    with pytest.raises(CalculatorError, match="division par zéro"):
        topic.illectronisme_share_60_plus(p)


def test_more_older_people_than_everyone_is_refused(catalog: Catalog) -> None:
    p = catalog.with_values(population_metro_2021=2e9).bind()
    with pytest.raises(CalculatorError, match="plus de personnes concernées") as error:
        topic.illectronisme_people_under_60(p)
    assert error.value.key == "illectronisme_people_under_60"


def test_more_people_over_75_than_over_60_is_refused_naming_the_condition(
        catalog: Catalog) -> None:
    p = catalog.with_values(share_75_plus_2021=0.3).bind()
    with pytest.raises(CalculatorError, match="plus de 75 ans et plus que de 60 ans") as error:
        topic.illectronisme_people_60_plus(p)
    assert error.value.key == "illectronisme_people_60_plus"
    assert "share_75_plus_2021 <= share_60_plus_2021" in error.value.hint
    assert "digital_divide.yml, ligne" in error.value.hint


def test_a_60_plus_rate_below_insee_one_in_three_is_refused(catalog: Catalog) -> None:
    # With 10 % of the 60-74-year-olds affected, the 60+ rate falls to about 28 %: INSEE says
    # « plus d'une personne de 60 ans ou plus sur trois », so the estimate is refused.
    p = catalog.with_values(illectronisme_rate_60_74_2021=0.10).bind()
    with pytest.raises(CalculatorError, match="moins d’une personne de 60 ans ou plus sur trois"):
        topic.illectronisme_people_60_plus(p)


@given(factor=st.floats(min_value=0.5, max_value=2.0, allow_nan=False))
def test_counts_scale_with_the_assumed_population_change(catalog: Catalog, factor: float) -> None:
    base = topic.illectronisme_people_15_24(catalog.bind()).value
    scaled = topic.illectronisme_people_15_24(
        catalog.with_values(population_2021_vs_2015_assumed=factor).bind()).value
    assert scaled == pytest.approx(base * factor, rel=1e-9)
