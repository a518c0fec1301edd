"""Calculators: published values recomputed, units enforced, ranges propagated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog, Figure, Status, UnitMismatchError
from tests.by_name import calculators as chatgpt
from vocabulary.errors import ContentErrors

positive = st.floats(min_value=1e-3, max_value=1e6, allow_nan=False, allow_infinity=False)


def test_training_energy_matches_patterson_within_one_percent(catalog: Catalog) -> None:
    energy = chatgpt.gpt3_training_energy(catalog.bind())
    assert energy.to("MWh").value == pytest.approx(1287, rel=0.01)


def test_training_emissions_match_patterson_within_one_percent(catalog: Catalog) -> None:
    emissions = chatgpt.gpt3_training_emissions(catalog.bind())
    assert emissions.to("tCO2e").value == pytest.approx(552.1, rel=0.01)
    assert emissions.reference is not None
    assert emissions.relative_gap() < 0.01


def test_monthly_inference_is_exactly_25440_tonnes_from_the_seed_inputs(catalog: Catalog) -> None:
    monthly = chatgpt.chatgpt_monthly_inference_emissions(catalog.bind())
    assert monthly.to("tCO2e").value == pytest.approx(25_440, abs=1e-9)
    assert {h.key for h in monthly.hypotheses()} == {
        "chatgpt_daily_users_seed", "queries_per_user_day_seed", "emissions_per_query_seed",
    }


def test_flights_use_ademe_published_figure_not_the_seed_claim(catalog: Catalog) -> None:
    p = catalog.bind()
    assert chatgpt.gpt3_training_flights(p).value == pytest.approx(553.14 / 2.060, rel=1e-3)
    assert chatgpt.gpt3_training_flights_before_2025_10(p).value == \
        pytest.approx(553.14 / 1.770, rel=1e-3)
    assert chatgpt.gpt3_training_flights_no_contrails(p).value == pytest.approx(487, abs=1)
    assert chatgpt.seed_flight_emissions_implied(p).to("tCO2e/round_trip").value == \
        pytest.approx(2.76, rel=0.01)


def test_ademe_factor_times_distance_gives_its_published_round_trip(catalog: Catalog) -> None:
    flight = chatgpt.flight_paris_new_york_emissions(catalog.bind())
    assert flight.to("kgCO2e/round_trip").value == pytest.approx(11_600 * 0.1779)
    assert flight.reference is not None
    assert flight.relative_gap() < 0.005


def test_a_wrong_flight_factor_breaks_the_cross_check_with_ademe(catalog: Catalog) -> None:
    p = catalog.with_values(flight_longhaul_factor_with_contrails=0.152).bind()
    with pytest.raises(CalculatorError, match="valeur publiée") as error:
        chatgpt.flight_paris_new_york_emissions(p)
    assert error.value.key == "flight_paris_new_york_published"


def test_bloom_breakdown_adds_up_to_its_published_total(catalog: Catalog) -> None:
    total = chatgpt.bloom_training_lifecycle_sum(catalog.bind())
    assert total.to("tCO2e").value == pytest.approx(24.69 + 14.6 + 11.2)
    assert total.relative_gap() < 0.01


def test_messages_become_requests_only_through_the_stated_hypothesis(catalog: Catalog) -> None:
    p = catalog.bind()
    growth = chatgpt.usage_growth_since_seed(p)
    assert growth.to("").value == pytest.approx(2.5e9 / 530e6)
    assert "queries_per_message_assumed" in {h.key for h in growth.hypotheses()}
    doubled = catalog.with_values(queries_per_message_assumed=2).bind()
    assert chatgpt.usage_growth_since_seed(doubled).to("").value == pytest.approx(2 * 2.5e9 / 530e6)


def test_time_for_use_to_equal_training_spans_the_published_estimates(catalog: Catalog) -> None:
    time = chatgpt.inference_time_to_match_training_published(catalog.bind())
    training_grams = 553.14e6
    assert time.low.to("day").magnitude == pytest.approx(training_grams / (530e6 * 2.9 * 0.429),
                                                          rel=1e-3)
    assert time.high.to("day").magnitude == pytest.approx(training_grams / (530e6 * 0.03),
                                                           rel=1e-3)


def test_ratio_of_use_to_training(catalog: Catalog) -> None:
    ratio = chatgpt.inference_to_training_ratio(catalog.bind())
    assert ratio.to("").value == pytest.approx(25_440 / 553.14, rel=1e-3)


def test_published_estimates_give_a_range_around_their_median(catalog: Catalog) -> None:
    spread = chatgpt.published_per_query_estimates(catalog.bind())
    assert spread.low.to("gCO2e/query").magnitude == pytest.approx(0.03)
    assert spread.high.to("gCO2e/query").magnitude == pytest.approx(2.9 * 0.429)
    assert spread.low <= spread.quantity <= spread.high


def test_formula_names_the_inputs(catalog: Catalog) -> None:
    energy = chatgpt.gpt3_training_energy(catalog.bind())
    assert energy.formula is not None
    assert "durée de l’entraînement" in energy.formula
    assert [i.key for i in energy.inputs if i.key][:3] == [
        "gpt3_accelerators", "gpt3_power_per_accelerator", "gpt3_training_days"]


def test_adding_grams_to_kilowatt_hours_is_an_error_naming_both(catalog: Catalog) -> None:
    p = catalog.bind()
    with pytest.raises(UnitMismatchError) as error:
        p["emissions_per_query_seed"] + p["gpt3_training_energy_published"]
    assert "émissions par requête" in error.value.message
    assert "énergie de l’entraînement" in error.value.message


def test_a_calculator_result_in_the_wrong_unit_is_an_error(catalog: Catalog) -> None:
    with pytest.raises(UnitMismatchError):
        chatgpt.gpt3_training_emissions(catalog.bind()).to("MWh")


def test_a_negative_user_count_is_refused_naming_the_parameter(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(chatgpt_daily_users_seed=-5)
    assert errors.value.errors[0].key == "chatgpt_daily_users_seed"
    assert "négative" in errors.value.errors[0].message


def test_division_by_zero_names_the_parameter(catalog: Catalog) -> None:
    changed = catalog.with_values(seed_training_flights_claimed=0)
    with pytest.raises(CalculatorError) as error:
        chatgpt.seed_flight_emissions_implied(changed.bind())
    assert error.value.key == "seed_training_flights_claimed"
    assert "division par zéro" in error.value.message


def test_a_drifting_input_breaks_the_cross_check_with_the_published_value(
        catalog: Catalog) -> None:
    changed = catalog.with_values(gpt3_training_days=20)
    with pytest.raises(CalculatorError, match="valeur publiée"):
        chatgpt.gpt3_training_energy(changed.bind())


def test_raw_numbers_are_refused_in_calculators(catalog: Catalog) -> None:
    with pytest.raises(CalculatorError, match="valeur brute"):
        catalog.bind()["gpt3_pue"] * 2  # type: ignore[operator]


@given(users=positive, factor=positive)
def test_monthly_emissions_scale_linearly_with_users(catalog: Catalog, users: float,
                                                     factor: float) -> None:
    base = chatgpt.chatgpt_monthly_inference_emissions(
        catalog.with_values(chatgpt_daily_users_seed=users).bind())
    scaled = chatgpt.chatgpt_monthly_inference_emissions(
        catalog.with_values(chatgpt_daily_users_seed=users * factor).bind())
    assert scaled.value == pytest.approx(base.value * factor, rel=1e-9)


@given(queries=positive)
def test_ratio_to_training_is_proportional_to_queries(catalog: Catalog, queries: float) -> None:
    ratio = chatgpt.inference_to_training_ratio(
        catalog.with_values(queries_per_user_day_seed=queries).bind())
    reference = chatgpt.inference_to_training_ratio(catalog.bind())
    assert ratio.value == pytest.approx(reference.value * queries / 10, rel=1e-9)


def _ranged(value: float, low: float, high: float, unit: str) -> Figure:
    base = Figure.convention(value, unit, "x")
    return Figure(quantity=base.quantity, low=Figure.convention(low, unit, "l").quantity,
                  high=Figure.convention(high, unit, "h").quantity, status=Status.PRIMARY,
                  key="x", label="x")


@given(st.lists(positive, min_size=6, max_size=6), st.sampled_from(["*", "/", "+", "-"]))
def test_interval_arithmetic_keeps_the_value_inside_its_range(numbers: list[float],
                                                              operator: str) -> None:
    a_values = sorted(numbers[:3])
    b_values = sorted(numbers[3:])
    a = _ranged(a_values[1], a_values[0], a_values[2], "kWh")
    b = _ranged(b_values[1], b_values[0], b_values[2], "kWh")
    result = {"*": a * b, "/": a / b, "+": a + b, "-": a - b}[operator]
    tolerance = 1e-9 * abs(result.quantity.magnitude) + 1e-12
    assert result.low.magnitude - tolerance <= result.quantity.magnitude
    assert result.quantity.magnitude <= result.high.magnitude + tolerance
