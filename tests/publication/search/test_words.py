"""Words of the search index: folding, cutting, stop words and French stems; and the text of an
article body. The browser folds and cuts queries the same way (vf-search.js)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from publication.search.text import html_text
from publication.search.words import MIN_LENGTH, STOP_WORDS, WORD, count_words, fold, stem
from tests.helpers import ROOT, SEARCH_JS

FRENCH = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿœæ"
#: French text, with its capitals, digits, apostrophes, hyphens, spaces and signs.
french_text = st.text(alphabet=FRENCH + FRENCH.upper() + "0123456789’'- \u202f\u00a0.,;:!?«»()",
                      max_size=80)


def test_folding_removes_accents_case_and_ligatures() -> None:
    assert fold("Entraînement") == "entrainement"
    assert fold("ÉMISSIONS") == "emissions"
    assert fold("Œuvre à l’Écran") == "oeuvre a l’ecran"
    assert fold("Cæcum") == "caecum"
    assert fold("CO₂") == "co2"
    assert fold("e\u0301te\u0301") == "ete"  # decomposed accents too


def test_apostrophes_and_hyphens_cut_words() -> None:
    assert dict(count_words("l’entraînement d'un Chat-GPT")) == {
        "entraînement": 1, "chat": 1, "gpt": 1}


def test_stop_words_and_short_words_are_left_out() -> None:
    counts = count_words("Le numérique, c’est la 5G et les données à 3 euros")
    assert set(counts) == {"numérique", "5g", "données", "euros"}


def test_words_are_counted_lower_case_and_accented() -> None:
    assert count_words("Émissions, émissions et Émission") == {"émissions": 2, "émission": 1}


def test_singular_and_plural_share_a_folded_stem() -> None:
    assert stem("émission") == stem("émissions") == "emiss"
    assert stem("entraînement") == stem("entraînements") == stem("entraîner") == "entrain"
    assert stem("numérique") == stem("numériques")
    assert stem("refroidissement") != stem("numérique")


def test_stop_words_are_folded_lower_case_words() -> None:
    assert all(fold(word) == word and WORD.fullmatch(word) for word in STOP_WORDS)
    assert all(len(word) >= MIN_LENGTH for word in STOP_WORDS)


def test_the_browser_knows_the_same_stop_words_and_minimum_length() -> None:
    script = SEARCH_JS.read_text(encoding="utf-8")
    listed = re.search(r"STOP_WORDS = new Set\(\((.*?)\)\.split", script, re.S)
    assert listed is not None
    words = "".join(re.findall(r'"([^"]*)"', listed.group(1))).split(" ")
    assert sorted(words) == sorted(STOP_WORDS)
    assert f"const MIN_LENGTH = {MIN_LENGTH};" in script


@given(french_text)
def test_every_counted_word_is_one_searchable_folded_word(text: str) -> None:
    for word in count_words(text):
        folded = fold(word)
        assert WORD.fullmatch(folded) and len(folded) >= MIN_LENGTH
        assert folded not in STOP_WORDS
        assert stem(word)  # never empty


@given(french_text)
def test_a_text_and_its_folded_query_give_the_same_words(text: str) -> None:
    # What the browser searches for (the folded query, cut into words) is what was indexed.
    indexed = {fold(word) for word in count_words(text)}
    searched = {word for word in WORD.findall(fold(text))
                if len(word) >= MIN_LENGTH and word not in STOP_WORDS}
    assert indexed == searched


def test_body_text_drops_tags_comments_and_scripts() -> None:
    markup = ('<p>Les <strong>émissions</strong> de <a class="vf-fig" href="#x" title="a > b">'
              "550&nbsp;tonnes</a></p><!-- caché --><script>var x = 1;</script>"
              "<table><tr><td>un</td><td>deux</td></tr></table>")
    text = html_text(markup)
    assert "émissions" in text and "550\u00a0tonnes" in text
    assert "caché" not in text and "var" not in text and "a > b" not in text
    assert "un" in text.split() and "deux" in text.split()  # cells never run together


def test_a_charts_drawing_is_not_indexed_twice() -> None:
    text = html_text('<figure class="vf-chart"><figcaption>Émissions</figcaption><svg><title>'
                     'Émissions</title><text x="1" y="2">graduation</text></svg><table><tr><td>'
                     "valeur</td></tr></table></figure>")
    assert text.split() == ["Émissions", "valeur"]


def test_the_c_stemmer_gives_the_pure_python_stems() -> None:
    """PyStemmer (pinned) is what snowballstemmer uses: the same stems as its pure-Python French
    stemmer, for every word of the real articles."""
    import snowballstemmer
    from snowballstemmer.french_stemmer import FrenchStemmer

    stemmer = snowballstemmer.stemmer("french")
    assert type(stemmer).__module__ == "Stemmer", "PyStemmer is not installed"
    words = sorted({word for path in (ROOT / "content").rglob("*.md")
                    for word in WORD.findall(path.read_text(encoding="utf-8").lower())})
    assert len(words) > 1000
    reference = FrenchStemmer()
    assert [stemmer.stemWord(w) for w in words] == [reference.stemWord(w) for w in words]
