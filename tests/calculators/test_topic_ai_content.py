"""AI-generated content: trust (Capgemini) and detection (Nightingale & Farid), recomputed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog
from tests.by_name import calculators as topic
from vocabulary.errors import ContentErrors

fraction = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def test_trust_among_all_respondents_under_the_afp_reading(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.trusting_share_of_all_respondents(p).value == pytest.approx(0.85 * 0.73)
    # A head count would give the uncertain base a precision it does not have (issue 14).
    assert "trusting_respondents" not in catalog.calculations


def test_faces_are_told_apart_less_often_than_by_chance(catalog: Catalog) -> None:
    p = catalog.bind()
    gap = topic.accuracy_gap_to_chance(p)
    assert gap.value == pytest.approx(0.018)
    # The whole 95 % confidence interval lies below chance.
    assert gap.low.magnitude == pytest.approx(0.008)
    assert gap.high.magnitude == pytest.approx(0.029)
    assert topic.error_rate_untrained(p).value == pytest.approx(0.518)


def test_training_helps_but_errors_remain(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.training_gain(p).value == pytest.approx(0.59 - 0.482)
    errors = topic.error_rate_trained(p)
    assert errors.value == pytest.approx(0.41)
    # The paper's 95 % interval (57.7 %-60.4 %) keeps trained participants above chance.
    assert errors.low.magnitude == pytest.approx(1 - 0.604)
    assert errors.high.magnitude == pytest.approx(1 - 0.577)


def test_conventions_are_named_in_the_formula(catalog: Catalog) -> None:
    formula = topic.accuracy_gap_to_chance(catalog.bind()).formula or ""
    assert formula.startswith("taux de bonnes réponses au hasard (pile ou face) − ")


def test_a_negative_respondent_count_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(capgemini_respondents=-10_000)
    assert errors.value.errors[0].key == "capgemini_respondents"
    assert "négative" in errors.value.errors[0].message


def test_a_share_written_as_a_percentage_is_refused_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(capgemini_trust_genai_content=73).bind()
    with pytest.raises(CalculatorError) as error:
        topic.trusting_share_of_all_respondents(p)
    assert error.value.key == "capgemini_trust_genai_content"
    assert "0.73" in error.value.hint


@given(aware=fraction, trust=fraction)
def test_trusting_share_never_exceeds_either_factor(catalog: Catalog, aware: float,
                                                    trust: float) -> None:
    p = catalog.with_values(capgemini_aware_genai=aware, capgemini_trust_genai_content=trust).bind()
    result = topic.trusting_share_of_all_respondents(p).value
    assert 0 <= result <= min(aware, trust) + 1e-12


@given(accuracy=fraction)
def test_accuracy_and_error_rate_add_up_to_one(catalog: Catalog, accuracy: float) -> None:
    p = catalog.with_values(nightingale_accuracy=accuracy).bind()
    total = topic.error_rate_untrained(p).value + accuracy
    assert total == pytest.approx(1.0)
