"""The search index, built from documents: shards, postings, weights, metadata files, and the
ranking they give (``ranked`` below follows vf-search.js)."""

from __future__ import annotations

import json
import math
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from publication.search.index import (
    CHUNK,
    MAX_SENTENCE,
    SENTENCES,
    TITLE_WEIGHT,
    Document,
    SearchRecord,
    TagLink,
    documents_of,
    index_files,
    sentences,
    shard_name,
)
from publication.search.synonyms import Synonym
from publication.search.words import MIN_LENGTH, STOP_WORDS, WORD, fold
from publication.views.listing import Entry
from tests.helpers import SEARCH_JS

PREFIX_FACTOR = 0.5  # as vf-search.js (checked below)


def document(number: int, claim: str, body: str) -> Document:
    record = SearchRecord(f"mythes/m{number}/", f"« {claim} »", "Faux", "Technologie",
                          f"Résumé {number}")
    return Document(record, claim, body)


def load(files: dict[str, bytes], path: str) -> object:
    return json.loads(files[path].decode("utf-8"))


def postings(flat: list[int]) -> dict[int, int]:
    """{article number: weight} from ``[gap, weight, sentence, …]``."""
    return {number: weight for number, (weight, _) in located(flat).items()}


def located(flat: list[int]) -> dict[int, tuple[int, int]]:
    """{article number: (weight, sentence)} from ``[gap, weight, sentence, …]``."""
    numbers, number = {}, 0
    for gap, weight, sentence in zip(flat[::3], flat[1::3], flat[2::3], strict=True):
        number += gap
        numbers[number] = (weight, sentence)
    return numbers


def ranked(files: dict[str, bytes], query: str) -> list[int]:
    """Article numbers for ``query``, best first, as vf-search.js ranks them (finished words
    only, the last one matched as a prefix too)."""
    words = [w for w in WORD.findall(fold(query)) if len(w) >= MIN_LENGTH and w not in STOP_WORDS]
    results: dict[int, list[float]] = {}
    for i, word in enumerate(dict.fromkeys(words)):
        path = f"words/{shard_name(word)}.json"
        if path not in files:
            continue
        shard = load(files, path)
        assert isinstance(shard, dict)
        stems = {shard["words"][word]: 1.0} if word in shard["words"] else {}
        if i == len(dict.fromkeys(words)) - 1:
            for other, key in sorted(shard["words"].items()):
                if other.startswith(word):
                    stems.setdefault(key, PREFIX_FACTOR)
        best: dict[int, float] = {}
        for key, factor in stems.items():
            found = postings(shard["stems"][key])
            idf = math.log(1 + shard["articles"] / len(found))
            for number, weight in found.items():
                best[number] = max(best.get(number, 0.0), (1 + math.log(weight)) * idf * factor)
        for number, score in best.items():
            matched, total = results.get(number, [0, 0.0])
            results[number] = [matched + 1, total + score]
    return sorted(results, key=lambda n: (-results[n][0], -results[n][1], n))


CORPUS = [
    document(0, "Le streaming ne consomme rien", "Les serveurs et les réseaux consomment."),
    document(1, "L’IA est sobre", "L’entraînement des modèles émet des émissions. "
             "Les émissions de l’entraînement sont connues."),
    document(2, "Les centres de données", "Le refroidissement des centres de données "
             "demande de l’eau ; une émission de plus."),
]


def test_each_word_goes_to_the_shard_of_its_first_two_characters() -> None:
    files = index_files(CORPUS)
    shard = load(files, "words/em.json")
    assert shard["words"] == {"emet": "emet", "emission": "emiss", "emissions": "emiss"}
    assert shard["articles"] == 3 and shard["chunk"] == CHUNK
    for path, data in files.items():
        if path.startswith("words/"):
            content = json.loads(data)
            name = path.removeprefix("words/").removesuffix(".json")
            assert all(shard_name(word) == name for word in content["words"])
            assert set(content["stems"]) == set(content["words"].values())


def test_postings_count_body_words_and_claim_words_more() -> None:
    files = index_files(CORPUS)
    emissions = postings(load(files, "words/em.json")["stems"]["emiss"])
    assert emissions == {1: 2, 2: 1}  # « émissions » twice, « émission » once
    centres = postings(load(files, "words/ce.json")["stems"]["centr"])
    assert centres == {2: 1 + TITLE_WEIGHT}
    assert load(files, "words/en.json")["words"]["entrainement"] == "entrain"


def test_stop_words_are_not_indexed() -> None:
    files = index_files(CORPUS)
    words = {w for path, data in files.items() if path.startswith("words/")
             for w in json.loads(data)["words"]}
    assert not words & STOP_WORDS
    assert "words/le.json" not in files  # « le », « les » only


def test_accented_spellings_share_one_entry() -> None:
    files = index_files([document(0, "Ça marche", "On marche au marché, au marché.")])
    shard = load(files, "words/ma.json")
    assert list(shard["words"]) == ["marche"]  # « marche » and « marché » fold alike
    assert postings(shard["stems"][shard["words"]["marche"]]) == {0: 3 + TITLE_WEIGHT}


def test_metadata_files_hold_chunk_articles_in_order() -> None:
    corpus = [document(i, f"Mythe {i}", "Un texte.") for i in range(CHUNK * 2 + 3)]
    files = index_files(corpus)
    chunks = sorted(p for p in files if p.startswith("articles/"))
    assert chunks == ["articles/0.json", "articles/1.json", "articles/2.json"]
    last = load(files, "articles/2.json")
    assert isinstance(last, list) and len(last) == 3
    assert last[0] == [f"mythes/m{2 * CHUNK}/", f"« Mythe {2 * CHUNK} »", "Faux", "Technologie",
                       f"Résumé {2 * CHUNK}", []]


def test_an_empty_corpus_has_no_files() -> None:
    assert index_files([]) == {}


def test_ranking_puts_articles_matching_every_word_first() -> None:
    files = index_files(CORPUS)
    assert ranked(files, "émission") == [1, 2]  # the singular finds the plural; twice first
    assert ranked(files, "émissions refroidissement") == [2, 1]  # both words beat two émissions
    assert ranked(files, "l’entraînement") == [1]
    assert ranked(files, "entraî") == [1]  # an unfinished word
    assert ranked(files, "de la") == []


def test_a_word_of_the_claim_outranks_the_same_word_in_a_body() -> None:
    files = index_files([document(0, "Autre chose", "Le streaming, le streaming, le streaming."),
                         document(1, "Le streaming", "Autre chose.")])
    assert ranked(files, "streaming") == [1, 0]


def test_file_names_escape_other_characters() -> None:
    assert shard_name("emission") == "em"
    assert shard_name("5g") == "5g"
    assert shard_name("ßx") == "_df_x"
    files = index_files([document(0, "Straße", "Die Straße")])
    assert "words/st.json" in files and "words/di.json" in files


def test_two_builds_write_the_same_bytes_whatever_the_order_of_sets() -> None:
    assert index_files(CORPUS) == index_files(list(CORPUS))
    for data in index_files(CORPUS).values():
        assert data == json.dumps(json.loads(data), ensure_ascii=False, sort_keys=True,
                                  separators=(",", ":")).encode("utf-8")


words = st.sampled_from(["émission", "émissions", "numérique", "données", "centres", "eau",
                         "refroidissement", "l’entraînement", "réseaux", "Écrans", "sobriété"])
bodies = st.lists(words, min_size=1, max_size=12).map(" ".join)


@given(st.lists(bodies, min_size=1, max_size=8))
def test_searching_any_word_of_an_article_finds_it(texts: list[str]) -> None:
    corpus = [document(i, "Mythe", text) for i, text in enumerate(texts)]
    files = index_files(corpus)
    for number, text in enumerate(texts):
        for word in WORD.findall(text):
            if fold(word) not in STOP_WORDS and len(word) >= MIN_LENGTH:
                assert number in ranked(files, word), (word, text)
    for path, data in files.items():
        if path.startswith("words/"):
            for flat in json.loads(data)["stems"].values():
                assert set(postings(flat)) <= set(range(len(texts)))
                assert all(weight > 0 for weight in postings(flat).values())


def test_the_reference_ranking_weighs_prefixes_as_the_browser_does() -> None:
    assert f"const PREFIX_FACTOR = {PREFIX_FACTOR};" in SEARCH_JS.read_text(encoding="utf-8")


def test_an_article_without_body_text_fails_the_index_loudly() -> None:
    """An index written without an article would drop it from search without a word (a full
    build once did just that)."""
    entries = [Entry(f"mythes/{slug}.md", f"mythes/{slug}/",
                     SimpleNamespace(claim="Vrai ?", tags=["désinformation"]))
               for slug in ("un", "deux")]

    def card(entry: Entry) -> SimpleNamespace:
        return SimpleNamespace(url=entry.url, claim="« Vrai ? »", category="Technologie",
                               description="Un essai.", verdict=SimpleNamespace(label="Faux"))

    found = documents_of(entries, card, {"mythes/un.md": "Texte.", "mythes/deux.md": "Autre."})
    assert [d.body for d in found] == ["Texte.", "Autre."]
    assert found[0].record.tags == ("désinformation",)
    with pytest.raises(LookupError, match=r"mythes/deux\.md"):
        documents_of(entries, card, {"mythes/un.md": "Texte."})


def tagged(number: int, claim: str, body: str, tags: tuple[str, ...] = (),
           verdict: str = "Faux", category: str = "Technologie") -> Document:
    record = SearchRecord(f"mythes/m{number}/", f"« {claim} »", verdict, category,
                          f"Résumé {number}", tags)
    return Document(record, claim, body)


def test_tags_category_and_verdict_are_searched_like_the_claim() -> None:
    corpus = [tagged(0, "Les réseaux sociaux", "Rien sur le sujet.", ("désinformation",),
                     "Plutôt faux", "Société"),
              tagged(1, "Le streaming", "Le streaming consomme.")]
    files = index_files(corpus)
    assert ranked(files, "désinformation") == [0]
    assert ranked(files, "société") == [0]
    assert ranked(files, "plutôt") == [0]
    assert ranked(files, "technologie") == [1]
    found = located(load(files, "words/de.json")["stems"]["desinform"])
    assert found == {0: (TITLE_WEIGHT, 0)}  # no sentence of the body holds it


def test_postings_point_to_the_first_sentence_holding_the_stem() -> None:
    body = ("Première phrase sans rien. " * 3 + "Les centres de données chauffent. "
            + "Encore une phrase. " * 6 + "Des centres partout.")
    files = index_files([tagged(0, "Titre", body)])
    weight, sentence = located(load(files, "words/ce.json")["stems"]["centr"])[0]
    assert (weight, sentence) == (2, 4)  # the fourth sentence, counted from 1
    first = load(files, "text/0/0.json")
    assert isinstance(first, list) and len(first) == SENTENCES
    assert first[3] == "Les centres de données chauffent."
    assert load(files, "text/0/1.json") == ["Encore une phrase."] * 2 + ["Des centres partout."]


def test_sentences_are_cut_and_keep_no_break_spaces() -> None:
    found = sentences("Un mot\u202f! Puis   un autre\n\nmot. " + "long " * 100)
    assert found[:2] == ["Un mot\u202f!", "Puis un autre mot."]
    assert all(len(s) <= MAX_SENTENCE for s in found) and len(found) == 4


def test_a_synonym_finds_the_articles_holding_what_it_stands_for() -> None:
    corpus = [tagged(0, "Les infox", "La désinformation circule."),
              tagged(1, "Le cloud", "Les centres de données chauffent. Un centre de données."),
              tagged(2, "Une date", "La date est passée.")]
    synonyms = [Synonym("infox", ("infox",), "désinformation", ("désinformation",)),
                Synonym("data center", ("data", "center"), "centre de données",
                        ("centre", "données"))]
    files = index_files(corpus, synonyms)
    assert ranked(files, "infox") == [0]
    assert ranked(files, "data center") == [1]
    assert ranked(files, "data") == [1]  # not the article holding « date »
    assert load(files, "words/da.json")["also"] == {"data": ["centre", "donnees"]}
    shard = load(files, "words/ce.json")
    weight, sentence = located(shard["stems"][shard["words"]["center"]])[1]
    assert (weight, sentence) == (2, 1)  # « centre de données » twice, first in sentence 1
    # a synonym whose words no article holds adds nothing
    files = index_files(corpus, [Synonym("fake", ("fake",), "licorne", ("licorne",))])
    assert "words/fa.json" not in files or "fake" not in load(files, "words/fa.json")["words"]


def test_facets_give_each_articles_verdict_and_category_and_the_top_tags() -> None:
    corpus = [tagged(0, "A", "Texte.", verdict="Faux", category="Société"),
              tagged(1, "B", "Texte.", verdict="Vrai", category="Environnement"),
              tagged(2, "C", "Texte.", verdict="Faux", category="Environnement")]
    tags = [TagLink("sobriété", "etiquettes/sobriete/", 1),
            TagLink("désinformation", "etiquettes/desinformation/", 2)]
    facets = load(index_files(corpus, tags=tags), "facets.json")
    assert facets == {"verdicts": ["Faux", "Vrai"], "categories": ["Environnement", "Société"],
                      "of": [0, 1, 1, 0, 0, 0], "chunk": CHUNK,
                      "tags": [["désinformation", "etiquettes/desinformation/", 2],
                               ["sobriété", "etiquettes/sobriete/", 1]]}
