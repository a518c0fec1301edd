"""Slugs never cut a word: a title's word (what it writes between spaces) is kept whole or left
out of the slug."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from publication.model.slugs import MAX_LENGTH, slug_problem, slugify


@pytest.mark.parametrize(("title", "slug"), [
    # the cut once fell inside « anti-écologiques » and « consomme-t-il »
    ("Les plateformes de streaming en haute définition sont anti-écologiques ?",
     "les-plateformes-de-streaming-en-haute-definition-sont"),
    ("Le streaming vidéo en haute définition, chez soi, consomme-t-il trop ?",
     "le-streaming-video-en-haute-definition-chez-soi"),
    ("Un réchauffement de 1,5 °C est-il déjà acquis ?",
     "un-rechauffement-de-1-5-c-est-il-deja-acquis"),
])
def test_a_slug_stops_between_words(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert slug_problem(slug) is None


def test_a_first_word_longer_than_the_limit_is_kept_whole() -> None:
    word = "anticonstitutionnellement" * 3
    assert slugify(f"{word.capitalize()} ?") == word


WORDS = st.lists(st.text(alphabet="abcdéèœ’-", min_size=1, max_size=14), min_size=1,
                 max_size=20)


@given(WORDS)
def test_every_slug_is_whole_title_words(words: list[str]) -> None:
    slug = slugify(" ".join(words))
    whole = [slugify(word) for word in words if slugify(word)]
    prefixes = ["-".join(whole[:n]) for n in range(len(whole) + 1)]
    assert slug in prefixes
    assert len(slug) <= MAX_LENGTH or slug == whole[0]
