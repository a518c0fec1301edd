"""``new`` warns when another article already tells the same myth, and still creates the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from publication.__main__ import main
from publication.model.namesakes import Namesake, namesakes, same_words

#: Title and claim of content/mythes/fracture-numerique.md.
TITLE = "Fracture numérique : seulement une affaire de seniors ?"
CLAIM = "La fracture numérique en France, ça ne concerne que les seniors, non ?"


def _article(folder: Path, name: str, title: str, claim: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'---\ntitle: "{title}"\nclaim: "{claim}"\n---\n\nTexte.\n',
                    encoding="utf-8")
    return path


def test_same_words_ignores_case_accents_spaces_and_apostrophes() -> None:
    assert same_words("Le cloud, c’est léger ?") == same_words("le  CLOUD, c'est leger?")
    assert same_words("Le\u202fcloud\u00a0!") == same_words("le cloud!")
    assert same_words("Le cloud, c’est léger ?") != same_words("Le cloud, c’est lourd ?")


def test_namesakes_match_a_title_or_a_claim(tmp_path: Path) -> None:
    by_title = _article(tmp_path, "a.md", "Le cloud, c’est léger ?", "Autre chose.")
    by_claim = _article(tmp_path, "archives/b.md", "Autre titre", "LE CLOUD, C'EST LEGER ?")
    _article(tmp_path, "c.md", "Le cloud, c’est lourd ?", "Le cloud pèse.")
    (tmp_path / "d.md").write_text("---\ntitle: [non fermé\n---\n", encoding="utf-8")
    assert namesakes("le cloud, c’est léger ?", tmp_path) == [
        Namesake(by_title, "title"), Namesake(by_claim, "claim")]
    assert namesakes("Le cloud, c’est lourd", tmp_path) == []
    assert namesakes("Le cloud", tmp_path / "absent") == []


@pytest.mark.parametrize(("title", "field"), [
    (TITLE.upper(), "le même titre"),
    (CLAIM.replace("ç", "c"), "pour idée reçue ce même texte"),
])
def test_new_warns_on_a_duplicate_and_still_creates_the_article(
        title: str, field: str, make_project: Callable[..., Path],
        capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project()
    code = main(["new", title, "--slug", "doublon", "--config-file",
                 str(project / "mkdocs.yml")])
    out, err = capsys.readouterr()
    assert code == 0
    assert (project / "content" / "mythes" / "doublon.md").is_file()
    assert "Article créé : content/mythes/doublon.md" in out
    assert "Attention : content/mythes/fracture-numerique.md a déjà " + field in err


def test_new_does_not_warn_for_a_new_myth(make_project: Callable[..., Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project()
    assert main(["new", "Un mythe inédit ?", "--config-file", str(project / "mkdocs.yml")]) == 0
    assert "Attention" not in capsys.readouterr().err
