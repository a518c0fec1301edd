"""A failed build exits non-zero and leaves the previous ``site/`` exactly as it was."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from publication.cli.build import build_site
from tests.helpers import minimal, snapshot


def test_a_failed_build_leaves_the_previous_site_byte_identical(
        make_project: Callable[..., Path], capfd: pytest.CaptureFixture[str]) -> None:
    project = make_project()
    config, site = project / "mkdocs.yml", project / "site"
    assert build_site(config, site) == 0
    before = snapshot(site)
    assert "mythes/chatgpt-magique/index.html" in before

    broken = minimal("Il a émis 552 t.\n\n<script>alert(1)</script>")
    (project / "content" / "mythes" / "casse.md").write_text(broken, encoding="utf-8")
    (project / "content" / "methode.md").write_text("# Méthode\n\nAutre texte.\n",
                                                    encoding="utf-8")
    capfd.readouterr()
    assert build_site(config, site) != 0

    output = capfd.readouterr().err
    assert "content/mythes/casse.md:15: chiffre écrit à la main : « 552 t »" in output
    assert "content/mythes/casse.md:17: balise HTML interdite <script>" in output
    assert "Échec de la construction : le site précédent (site/) est intact." in output
    assert snapshot(site) == before
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


def test_a_good_build_replaces_the_site_and_leaves_no_staging_folder(
        make_project: Callable[..., Path]) -> None:
    project = make_project()
    site = project / "site"
    site.mkdir()
    (site / "ancienne-page.html").write_text("obsolète", encoding="utf-8")
    assert build_site(project / "mkdocs.yml", site) == 0
    assert not (site / "ancienne-page.html").exists()
    assert (site / "mythes" / "chatgpt-magique" / "index.html").is_file()
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []
