"""Hostile files in ``content/``, as a stranger's pull request would plant them.

For each: ``check`` and the safe build agree (both fail), both name the file in French, neither
prints a traceback, the last good ``site/`` stays byte-identical, and both finish well within a
hang guard. What the sanitiser cleans is tested in ``tests/publication/checks``; here, what must
never reach MkDocs at all.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.helpers import ROOT, build, myth, snapshot, soup

#: Far above what a case takes (about a second for each command).
HANG_GUARD = 60


@dataclass(frozen=True)
class Plant:
    """What a case puts under ``content/``, and what both commands must say about it."""

    path: str
    make: Callable[[Path], None]
    says: str


def text(content: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(content, encoding="utf-8")


def link(target: str) -> Callable[[Path], None]:
    return lambda path: os.symlink(target, path)


SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">{}</svg>'
DEEP_LIST = "".join("  " * depth + "- x\n" for depth in range(60))
DEEP_NOTES = "".join("    " * depth + "!!! note\n" for depth in range(40))

CASES = {
    "link-to-a-file": Plant("images/passwd.png", link("/etc/passwd"),
                            "lien symbolique refusé"),
    "link-to-the-environment": Plant("images/env.png", link("/proc/self/environ"),
                                     "lien symbolique refusé"),
    "link-to-a-device": Plant("images/zero.png", link("/dev/zero"), "lien symbolique refusé"),
    "link-to-a-folder": Plant("images/racine", link("/"), "lien symbolique refusé"),
    "hidden-link-to-a-folder": Plant(".cache", link("/"), "lien symbolique refusé"),
    "linked-page": Plant("mythes/passwd.md", link("/etc/passwd"), "lien symbolique refusé"),
    "pipe": Plant("images/tube.png", os.mkfifo, "fichier spécial refusé"),
    "html-page": Plant("piege.html", text("<script>alert(1)</script>"),
                       "fichier non autorisé"),
    "theme-script-override": Plant("assets/javascripts/vf-share.js", text("alert(1)"),
                                   "fichier non autorisé"),
    "theme-stylesheet-override": Plant("assets/stylesheets/vraioufaux.css",
                                       text("body{display:none}"), "fichier non autorisé"),
    "planted-search-shard": Plant("search/words/ch.json", text('{"words":{}}'),
                                  "fichier non autorisé"),
    "planted-feed": Plant("feed.xml", text("<feed/>"), "fichier non autorisé"),
    "planted-figures": Plant("figures.json", text("{}"), "fichier non autorisé"),
    "page-over-the-404": Plant("404.md", text("---\ntitle: Perdu\n---\nTexte.\n"),
                               "emplacement réservé"),
    "page-over-the-search": Plant("recherche.md", text("---\ntitle: R\n---\nTexte.\n"),
                                  "emplacement réservé"),
    "page-over-a-listing": Plant("categories/technologie/index.md",
                                 text("---\ntitle: T\n---\nTexte.\n"), "emplacement réservé"),
    "image-outside-images": Plant("mythes/photo.png", text("png"), "fichier non autorisé"),
    "svg-script": Plant("images/s.svg", text(SVG.format("<script>alert(1)</script>")),
                        "élément SVG interdit <script>"),
    "svg-event": Plant("images/e.svg", text(SVG.format('<rect onload="alert(1)"/>')),
                       "attribut d’événement interdit « onload »"),
    "svg-foreign-object": Plant("images/f.svg", text(SVG.format(
        "<foreignObject><div>x</div></foreignObject>")), "élément SVG interdit <foreignObject>"),
    "svg-external-image": Plant("images/x.svg", text(SVG.format(
        '<image href="https://traceur.exemple/p.png"/>')), "élément SVG interdit <image>"),
    "svg-external-use": Plant("images/u.svg", text(SVG.format(
        '<use href="https://traceur.exemple/s.svg#a"/>')), "référence hors du fichier"),
    "svg-entities": Plant("images/b.svg", text('<!DOCTYPE svg [<!ENTITY a "aaaa">]>'
                                               + SVG.format("&a;")), "DOCTYPE"),
    # A few bytes of blur over a huge region take resvg minutes on a share card.
    "svg-filter": Plant("images/fl.svg", text(SVG.format(
        '<filter id="f"><feGaussianBlur stdDeviation="5000"/></filter>'
        '<rect width="10" height="10" filter="url(#f)"/>')), "élément SVG interdit <filter>"),
    "svg-prefixed-href": Plant("images/px.svg", text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
        '<use x:href="file:///etc/hostname#a"/></svg>'), "référence hors du fichier"),
    "svg-url-attribute": Plant("images/ua.svg", text(SVG.format(
        '<rect width="10" height="10" fill="url(https://traceur.exemple/p.svg#p)"/>')),
        "« fill » charge une ressource extérieure"),
    "oversized-image": Plant("images/lourde.png", lambda p: p.write_bytes(b"\0" * 2_000_001),
                             "image trop lourde"),
    "bracket-bomb": Plant("mythes/crochets.md", text(myth("[" * 5000)),
                          "plus de 1\u202f000 crochets"),
    "deep-list": Plant("mythes/liste.md", text(myth(DEEP_LIST)), "indentation trop profonde"),
    "deep-admonitions": Plant("mythes/notes.md", text(myth(DEEP_NOTES)),
                              "indentation trop profonde"),
    "template-field": Plant("autre.md", text("---\ntitle: Autre\ntemplate: main.html\n---\nX\n"),
                            "champ inconnu « template »"),
    "script-in-a-page-title": Plant("autre.md", text(
        "---\ntitle: Autre <script>alert(1)</script>\n---\nX\n"), "« title »"),
    "comment-ending-trick": Plant("mythes/commentaire.md", text(myth(
        "<!-- x --!><script>alert(1)</script>")), "balise HTML interdite <script>"),
    "javascript-reference-on-the-next-line": Plant("mythes/reference.md", text(myth(
        "[x][r]\n\n[r]:\n    javascript:alert(1)")), "adresse interdite"),
    "dead-link": Plant("mythes/lien.md", text(myth("[Voir](../absente.md)")),
                       "lien vers une page introuvable"),
}


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The last good site, built once from a copy of the project."""
    project = tmp_path_factory.mktemp("good")
    for name in ("content", "site_overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return build(project)


def run(project: Path, *command: str) -> tuple[subprocess.CompletedProcess[str], float]:
    start = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "publication", *command, "--config-file",
                             str(project / "mkdocs.yml")], cwd=project, capture_output=True,
                            text=True, timeout=HANG_GUARD, check=False)
    return result, time.monotonic() - start


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_check_and_build_refuse_it_alike_and_keep_the_site(
        case: Plant, make_project: Callable[..., Path], good_site: Path) -> None:
    project = make_project()
    site = project / "site"
    shutil.copytree(good_site, site)
    before = snapshot(site)
    planted = project / "content" / case.path
    planted.parent.mkdir(parents=True, exist_ok=True)
    case.make(planted)
    shown = f"content/{case.path}"

    checked, _ = run(project, "check")
    built, _ = run(project, "build", "--site-dir", str(site))

    for result in (checked, built):
        assert result.returncode != 0
        assert "Traceback" not in result.stderr + result.stdout
        lines = [line for line in result.stderr.splitlines() if shown in line]
        assert any(case.says in line for line in lines), (case.says, result.stderr[-2000:])
    assert snapshot(site) == before


def test_a_content_file_never_replaces_a_theme_or_generated_file(
        make_project: Callable[..., Path]) -> None:
    """Even left in place (the build fails), a planted file is never what the site would
    serve: the refused files are out of the build before MkDocs copies anything."""
    project = make_project()
    planted = {
        "assets/javascripts/vf-share.js": "alert('planté')",
        "search/words/ch.json": '{"planté": true}',
        "feed.xml": "<feed>planté</feed>",
    }
    for path, content in planted.items():
        target = project / "content" / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")
    staging = project / "essai"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict",
                             "--config-file", str(project / "mkdocs.yml"), "--site-dir",
                             str(staging)], capture_output=True, text=True, check=False,
                            timeout=HANG_GUARD)
    assert result.returncode != 0
    for path in planted:
        copied = staging / path
        assert not copied.exists() or "planté" not in copied.read_text(encoding="utf-8")


def test_a_page_title_is_escaped_in_every_template(make_project: Callable[..., Path]) -> None:
    """A string that reached a template unescaped (the header printed ``page.meta.title``)
    would run: with autoescape, a title shows as text wherever it is printed."""
    project = make_project()
    page = project / "content" / "methode.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Notre méthode", "title: Notre méthode & la vôtre"), encoding="utf-8")
    html = soup(build(project) / "methode" / "index.html")
    assert "Notre méthode & la vôtre" in html.get_text()
    assert "&amp; la vôtre" in (project / "site" / "methode" / "index.html").read_text(
        encoding="utf-8")


@pytest.mark.parametrize("command", [["figures", "--output", "-"], ["freshness"]])
def test_the_commands_without_html_read_content_as_the_build_does(
        command: list[str], make_project: Callable[..., Path]) -> None:
    """``figures`` (which ``figures-diff`` runs on a pull request's revision) and ``freshness``
    read the content folder without following links too: a link to ``/`` is refused at once,
    never walked."""
    project = make_project()
    os.symlink("/", project / "content" / "images" / "racine")
    result, seconds = run(project, *command)
    assert result.returncode == 1 and seconds < HANG_GUARD
    assert "content/images/racine: lien symbolique refusé" in result.stderr
    assert "Traceback" not in result.stderr
