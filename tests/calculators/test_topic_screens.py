"""Screen time and dependence by age, recomputed from the sourced parameters."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog
from tests.by_name import calculators as topic
from vocabulary.errors import ContentErrors

minutes = st.floats(min_value=1, max_value=1440, allow_nan=False)


def test_weekly_screen_time_gives_the_published_daily_figure(catalog: Catalog) -> None:
    daily = topic.daily_screen_time_2022(catalog.bind())
    assert daily.to("hour/day").value == pytest.approx(32 / 7)
    assert daily.reference is not None
    assert daily.relative_gap() is not None and daily.relative_gap() < 0.01


def test_young_adults_spend_half_as_much_again_on_phones_and_computers(
        catalog: Catalog) -> None:
    # BVA's 6 h 28 for 18-34-year-olds against 4 h 22 for all internet users aged 18 and over.
    ratio = topic.phone_computer_time_ratio_18_34_2018(catalog.bind())
    assert ratio.value == pytest.approx(388 / 262)


def test_television_of_older_people(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.tv_time_ratio_50_plus_2018(p).value == pytest.approx(313 / 226)
    assert topic.tv_extra_time_50_plus_2018(p).to("minute/day").value == pytest.approx(87)
    assert topic.tv_time_ratio_seniors_2009(p).value == pytest.approx(266 / 105)


def test_social_networks_and_smartphones_of_younger_people(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.social_media_ratio_young_2025(p).value == pytest.approx(0.56 / 0.21)
    assert topic.phone_at_waking_gap(p).value == pytest.approx(0.708 - 0.414)


def test_dependence_is_reported_at_every_age(catalog: Catalog) -> None:
    p = catalog.bind()
    by_age = topic.too_much_screen_time_by_age(p)
    assert (by_age.low.magnitude, by_age.high.magnitude) == pytest.approx((0.977, 0.986))
    surveys = topic.feel_dependent_surveys(p)
    assert (surveys.low.magnitude, surveys.high.magnitude) == pytest.approx((0.34, 0.67))


def test_a_drifting_weekly_time_breaks_the_cross_check(catalog: Catalog) -> None:
    p = catalog.with_values(screen_time_weekly_2022=40).bind()
    with pytest.raises(CalculatorError, match="valeur publiée"):
        topic.daily_screen_time_2022(p)


def test_a_negative_duration_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(tv_time_all_2018=-226)
    assert errors.value.errors[0].key == "tv_time_all_2018"


def test_zero_minutes_of_tv_is_a_division_by_zero_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(tv_time_15_24_2009=0).bind()
    with pytest.raises(CalculatorError) as error:
        topic.tv_time_ratio_seniors_2009(p)
    assert error.value.key == "tv_time_15_24_2009"
    assert "division par zéro" in error.value.message


def test_a_share_above_one_is_refused(catalog: Catalog) -> None:
    p = catalog.with_values(too_much_screen_time_40_59=97.7).bind()
    with pytest.raises(CalculatorError) as error:
        topic.too_much_screen_time_by_age(p)
    assert error.value.key == "too_much_screen_time_40_59"


@given(older=minutes, everyone=minutes)
def test_extra_time_and_ratio_agree(catalog: Catalog, older: float, everyone: float) -> None:
    p = catalog.with_values(tv_time_50_plus_2018=older, tv_time_all_2018=everyone).bind()
    extra = topic.tv_extra_time_50_plus_2018(p).to("minute/day").value
    ratio = topic.tv_time_ratio_50_plus_2018(p).value
    assert extra == pytest.approx(everyone * (ratio - 1), rel=1e-9, abs=1e-9)
