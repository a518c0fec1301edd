"""The editors' synonyms file: read into synonyms, or refused with a French error at its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from publication.search.synonyms import MAX_SYNONYMS, Synonym, read_synonyms
from tests.helpers import ROOT


def read(tmp_path: Path, text: str) -> tuple[list[Synonym], list[str]]:
    path = tmp_path / "synonymes.yml"
    path.write_text(text, encoding="utf-8")
    synonyms, errors = read_synonyms(path, "synonymes.yml")
    return synonyms, [f"{e.file}:{e.line}: {e.message} ({e.hint})" for e in errors]


def test_each_line_gives_the_words_typed_and_the_words_meant(tmp_path: Path) -> None:
    synonyms, errors = read(tmp_path, "infox: désinformation\n"
                                      "Data Center: [centre de données, datacentre]\n")
    assert errors == []
    assert synonyms == [
        Synonym("infox", ("infox",), "désinformation", ("désinformation",)),
        Synonym("Data Center", ("data", "center"), "centre de données", ("centre", "données")),
        Synonym("Data Center", ("data", "center"), "datacentre", ("datacentre",)),
    ]


def test_no_file_means_no_synonyms(tmp_path: Path) -> None:
    assert read_synonyms(tmp_path / "absent.yml", "absent.yml") == ([], [])


@pytest.mark.parametrize(("text", "line", "words"), [
    ("infox désinformation\n", 1, "liste de lignes"),
    ("infox: désinformation\n  intox: x\n", 2, "YAML invalide"),
    ("infox: désinformation\nInfox: intox\n", 2, "en double (déjà ligne 1)"),
    ("infox:\n", 1, "attendu un mot"),
    ("infox: {a: b}\n", 1, "attendu un mot"),
    ("le: désinformation\n", 1, "aucun mot cherchable"),
    ("infox: [désinformation, de]\n", 1, "« de » : aucun mot cherchable"),
    ("? [a, b]\n: c\n", 1, "doit être un mot"),
    ("infox: &a désinformation\nintox: *a\n", 1, "YAML invalide"),
], ids=["not-a-mapping", "indentation", "duplicate", "empty", "block", "stop-word",
        "stop-word-target", "list-key", "alias"])
def test_a_bad_file_gives_a_french_error_at_its_line(tmp_path: Path, text: str, line: int,
                                                      words: str) -> None:
    _, errors = read(tmp_path, text)
    assert len(errors) == 1 and errors[0].startswith(f"synonymes.yml:{line}: "), errors
    assert words in errors[0]


def test_too_many_synonyms_are_refused(tmp_path: Path) -> None:
    text = "".join(f"mot{i}: terme{i}\n" for i in range(MAX_SYNONYMS + 1))
    _, errors = read(tmp_path, text)
    assert len(errors) == 1 and f"plus de {MAX_SYNONYMS}" in errors[0]


def test_the_projects_synonyms_file_is_valid() -> None:
    synonyms, errors = read_synonyms(ROOT / "synonymes.yml", "synonymes.yml")
    assert errors == [] and any(s.phrase == "infox" for s in synonyms)
