"""``check`` on whole projects, and the same rules in the build."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from publication.__main__ import main
from tests.helpers import ROOT, minimal, run_mkdocs


def test_the_project_content_passes_check() -> None:
    result = subprocess.run([sys.executable, "-m", "publication", "check"], cwd=ROOT,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Tout est bon : ")


def test_check_reports_every_file_in_one_run_sorted(make_project: Callable[..., Path],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(articles={
        "mythes/b.md": minimal("Soit 3 kg.\n<script></script>"),
        "mythes/a.md": minimal("{{ inconnu() }}").replace("verdict: faux",
                                                                       "verdict: vrai ?"),
        "methode.md": "# Méthode\n\n<iframe src=x></iframe>\n",
    })
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    report = capsys.readouterr().err
    located = [line.split(": ")[0] for line in report.splitlines()
               if line.startswith("content/")]
    assert located == [
        "content/methode.md:3", "content/mythes/a.md:4", "content/mythes/a.md:15",
        "content/mythes/b.md:15", "content/mythes/b.md:16",
    ]
    pages = len(list((project / "content").rglob("*.md")))
    articles = len(list((project / "content" / "mythes").glob("*.md")))
    assert report.rstrip().endswith(
        f"5 erreurs à corriger ({pages} pages vérifiées, dont {articles} articles).")


def test_a_project_whose_configuration_is_broken_is_reported(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    assert main(["check", "--config-file", str(tmp_path / "mkdocs.yml")]) == 1
    assert "configuration illisible" in capsys.readouterr().err


@pytest.mark.parametrize(("body", "message"), [
    ("Il a émis 552 t de CO₂e.", "content/mythes/essai.md:15: chiffre écrit à la main : « 552 t »"),
    ("<script>alert(1)</script>", "content/mythes/essai.md:15: balise HTML interdite <script>"),
    ('<img src="images/chatgpt.svg" alt="x" onerror="alert(1)">',
     "content/mythes/essai.md:15: attribut interdit « onerror » sur <img>"),
])
def test_the_build_fails_on_the_same_rules(make_project: Callable[..., Path], body: str,
                                           message: str) -> None:
    project = make_project(articles={"mythes/essai.md": minimal(body)})
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert message in result.stderr
    assert "1 erreur à corriger" in result.stderr
