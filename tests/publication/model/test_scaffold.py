"""``new``: a complete article to fill in, which ``check`` refuses until it is filled."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from publication.__main__ import main
from publication.model.scaffold import new_article
from publication.model.schema import FIELDS, PLACEHOLDER
from vocabulary.errors import ContentError

TODAY = dt.date(2026, 12, 1)
TITLE = "Le cloud, c’est léger ?"

#: What an editor writes in place of each placeholder line.
FILLED = {
    "claim": 'claim: "Le cloud, c’est immatériel, non ?"',
    "verdict": "verdict: faux",
    "author": "author: La rédaction",
    "category": "category: Technologie",
    "tags": "tags: [cloud, centres de données]",
    "description": "description: >-\n  Des serveurs bien réels, et leur électricité.",
    "cover": "cover: images/chatgpt.svg",
    "cover_alt": 'cover_alt: "Une bulle reliée à des serveurs."',
}


def fill(text: str) -> str:
    """The scaffold as an editor completes it: every placeholder replaced, one figure added."""
    for key, line in FILLED.items():
        text = re.sub(rf"^{key}:.*(?:\n  .*)*$", line, text, count=1, flags=re.M)
    body = ("L’entraînement de GPT-3 a duré "
            "{{ param(\"gpt3_training_days\") | figure(\"day\", long=True) }}.")
    return text.replace(f"{PLACEHOLDER} : l’accroche, en deux ou trois phrases.", body) \
        .replace(f"{PLACEHOLDER} : un intertitre", "Les serveurs") \
        .replace(PLACEHOLDER, "Du texte.")


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["check", "--config-file", str(project / "mkdocs.yml")])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_the_scaffold_has_every_field_and_today(tmp_path: Path) -> None:
    path = new_article(TITLE, tmp_path / "mythes", TODAY)
    assert path == tmp_path / "mythes" / "le-cloud-cest-leger.md"
    text = path.read_text(encoding="utf-8")
    required = [key for key in FIELDS
                if key not in ("verdict_label", "cta", "based_on", "corrections", "assertions",
                               "template")]
    for key in required:
        assert re.search(rf"^{key}:", text, re.M), key
    assert 'title: "Le cloud, c’est léger ?"' in text
    assert "date: 2026-12-01" in text


def test_check_refuses_the_scaffold_until_it_is_filled(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(keep_articles=False)
    path = new_article(TITLE, project / "content" / "mythes", TODAY)

    code, output = check(project, capsys)
    assert code == 1
    lines = path.read_text(encoding="utf-8").split("\n")
    file = "content/mythes/le-cloud-cest-leger.md"
    for key in ("claim", "verdict", "author", "category", "tags", "description", "cover_alt"):
        line = next(n for n, text in enumerate(lines, 1) if text.startswith(f"{key}:"))
        assert f"{file}:{line}: « {key} » :" in output, key
    assert "image de couverture introuvable : images/le-cloud-cest-leger.svg" in output
    for line, text in enumerate(lines, 1):
        if text.startswith(PLACEHOLDER):
            assert f"{file}:{line}: texte encore à compléter" in output

    path.write_text(fill(path.read_text(encoding="utf-8")), encoding="utf-8")
    code, output = check(project, capsys)
    pages = len(list((project / "content").rglob("*.md")))  # the article and the other pages
    assert (code, output.strip()) == (0, f"Tout est bon : {pages} pages vérifiées, dont 1 article.")


def test_new_never_overwrites(make_project: Callable[..., Path],
                              capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project()
    article = project / "content" / "mythes" / "chatgpt-magique.md"
    before = article.read_bytes()
    code = main(["new", "ChatGPT magique ?", "--slug", "chatgpt-magique",
                 "--config-file", str(project / "mkdocs.yml")])
    assert code == 1
    assert "Article non créé : le fichier content/mythes/chatgpt-magique.md existe déjà" in \
        capsys.readouterr().err
    assert article.read_bytes() == before


def test_new_refuses_a_slug_taken_in_a_subfolder(tmp_path: Path) -> None:
    (tmp_path / "mythes" / "archives").mkdir(parents=True)
    (tmp_path / "mythes" / "archives" / "le-cloud-cest-leger.md").write_text("x")
    with pytest.raises(ContentError, match="existe déjà"):
        new_article(TITLE, tmp_path / "mythes", TODAY)
    assert not (tmp_path / "mythes" / "le-cloud-cest-leger.md").exists()


@pytest.mark.parametrize(("title", "slug", "message"), [
    ("???", None, "ce titre ne donne aucun nom de fichier"),
    ("Le « cloud » ?", "Le Cloud", "nom de fichier invalide"),
    ('Le "cloud" ?', None, "ni guillemets droits"),
    ("", None, "doit être un texte non vide"),
])
def test_new_explains_a_title_or_slug_it_cannot_use(tmp_path: Path, title: str,
                                                     slug: str | None, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        new_article(title, tmp_path, TODAY, slug=slug)
    assert list(tmp_path.iterdir()) == []


def test_the_command_line_creates_the_file_with_todays_date(
        make_project: Callable[..., Path]) -> None:
    project = make_project(keep_articles=False)
    result = subprocess.run(
        [sys.executable, "-m", "publication", "new", TITLE, "--config-file",
         str(project / "mkdocs.yml")],
        capture_output=True, text=True, check=False, cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert "Article créé : content/mythes/le-cloud-cest-leger.md" in result.stdout
    text = (project / "content" / "mythes" / "le-cloud-cest-leger.md").read_text()
    assert re.search(r"^date: \d{4}-\d{2}-\d{2}$", text, re.M)
