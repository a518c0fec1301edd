"""Fake news: sharing without reading, false news spreading faster, conspiracy beliefs."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError, Catalog
from tests.by_name import calculators as topic
from vocabulary.errors import ContentErrors

fraction = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


def test_most_shared_links_are_never_clicked(catalog: Catalog) -> None:
    assert topic.clicked_links_share(catalog.bind()).value == pytest.approx(0.41)


def test_false_news_is_seventy_percent_more_likely_to_be_retweeted(catalog: Catalog) -> None:
    assert topic.false_news_retweet_ratio(catalog.bind()).value == pytest.approx(1.7)


def test_conspiracy_beliefs(catalog: Catalog) -> None:
    p = catalog.bind()
    assert topic.conspiracy_at_least_one_2019(p).value == pytest.approx(0.65)
    assert topic.conspiracy_young_to_old_ratio(p).value == pytest.approx(0.28 / 0.09)


def test_the_hoax_shares_are_counted_in_shares(catalog: Catalog) -> None:
    shares = catalog.bind()["sciencepost_shares"]
    assert shares.to("social_share").value == 46_000


def test_a_negative_share_count_is_refused(catalog: Catalog) -> None:
    with pytest.raises(ContentErrors) as errors:
        catalog.with_values(sciencepost_shares=-1)
    assert errors.value.errors[0].key == "sciencepost_shares"


def test_a_percentage_instead_of_a_fraction_is_refused_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(gabielkov_never_clicked=59).bind()
    with pytest.raises(CalculatorError) as error:
        topic.clicked_links_share(p)
    assert error.value.key == "gabielkov_never_clicked"


def test_no_older_believer_is_a_division_by_zero_naming_it(catalog: Catalog) -> None:
    p = catalog.with_values(ifop_many_theories_65_plus_2019=0).bind()
    with pytest.raises(CalculatorError) as error:
        topic.conspiracy_young_to_old_ratio(p)
    assert error.value.key == "ifop_many_theories_65_plus_2019"
    assert "division par zéro" in error.value.message


@given(never=fraction)
def test_clicked_and_never_clicked_make_the_whole(catalog: Catalog, never: float) -> None:
    p = catalog.with_values(gabielkov_never_clicked=never).bind()
    assert topic.clicked_links_share(p).value + never == pytest.approx(1.0)
