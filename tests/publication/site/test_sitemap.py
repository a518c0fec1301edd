"""What crawlers read besides the pages: robots.txt, each page's lastmod from git (or from the
article's own dates outside git), and the French 404 page, generated with valid links."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from publication.site.sitemap import Lastmod, git_dates, robots_txt
from tests.helpers import build, myth, soup

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def git(folder: Path, *args: str, date: str = "2025-01-02T10:00:00+00:00") -> None:
    subprocess.run(["git", "-c", "user.name=Essai", "-c", "user.email=essai@example.org",
                    "-c", "commit.gpgsign=false", *args], cwd=folder, check=True,
                   capture_output=True,
                   env={"PATH": "/usr/bin:/bin", "GIT_AUTHOR_DATE": date,
                        "GIT_COMMITTER_DATE": date, "HOME": str(folder)})


def commit(folder: Path, date: str, *paths: str) -> None:
    git(folder, "add", *paths, date=date)
    git(folder, "commit", "-q", "-m", "essai", date=date)


def test_git_dates_are_the_last_commit_touching_each_file(tmp_path: Path) -> None:
    git(tmp_path, "init", "-q")
    (tmp_path / "content").mkdir()
    for name in ("a.md", "b.md", "é.md"):
        (tmp_path / "content" / name).write_text("1", encoding="utf-8")
    commit(tmp_path, "2025-01-02T23:30:00+00:00", "content")
    (tmp_path / "content" / "b.md").write_text("2", encoding="utf-8")
    commit(tmp_path, "2025-03-04T08:00:00+00:00", "content/b.md")
    (tmp_path / "outside.md").write_text("3", encoding="utf-8")
    commit(tmp_path, "2025-05-06T08:00:00+00:00", "outside.md")
    assert git_dates(tmp_path / "content") == {"a.md": "2025-01-02", "b.md": "2025-03-04",
                                               "é.md": "2025-01-02"}


def test_outside_git_there_are_no_git_dates(tmp_path: Path) -> None:
    assert git_dates(tmp_path) == {}
    assert git_dates(tmp_path / "missing") == {}


def test_a_page_is_as_recent_as_its_source_and_the_articles_it_shows() -> None:
    lastmod = Lastmod(git={"a.md": "2025-06-01", "methode.md": "2025-02-01"},
                      articles={"a.md": dt.date(2025, 1, 1), "b.md": dt.date(2025, 7, 1)})
    assert lastmod.of("a.md") == "2025-06-01"  # committed after its front matter date
    assert lastmod.of("b.md") == "2025-07-01"  # not in git: its own date
    assert lastmod.of("categories/x.md", ["a.md"]) == "2025-06-01"
    assert lastmod.of("index.md", ["a.md", "b.md"]) == "2025-07-01"
    assert lastmod.of("methode.md") == "2025-02-01"
    assert lastmod.of("autre.md") == "2025-07-01"  # nothing known: the latest article's
    assert Lastmod(git={}, articles={}).of("autre.md") is None  # MkDocs' own date stays


def test_robots_txt_allows_everything_and_names_the_sitemap() -> None:
    assert robots_txt("https://exemple.org/sitemap.xml") == (
        "User-agent: *\nAllow: /\n\nSitemap: https://exemple.org/sitemap.xml\n")
    assert "Sitemap" not in robots_txt(None)


def lastmods(site: Path) -> dict[str, str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return {url.findtext(f"{SITEMAP}loc"): url.findtext(f"{SITEMAP}lastmod")
            for url in root.iter(f"{SITEMAP}url")}


def test_the_sitemap_dates_pages_from_git(make_project: Callable[..., Path]) -> None:
    project = make_project(articles={"mythes/essai.md": myth("Texte.")}, keep_articles=False)
    git(project, "init", "-q")
    commit(project, "2025-04-05T12:00:00+00:00", "content/mythes/essai.md")
    commit(project, "2025-08-09T12:00:00+00:00", "content/methode.md")
    site = build(project)
    dates = lastmods(site)
    base = "http://127.0.0.1:8000/"
    # The article's front matter says 2026-11-28, after its commit: the later one wins.
    assert dates[base + "mythes/essai/"] == "2026-11-28"
    assert dates[base + "methode/"] == "2025-08-09"
    assert dates[base] == "2026-11-28"  # the home page shows the article
    assert dates[base + "categories/technologie/"] == "2026-11-28"
    assert set(dates.values()) <= {"2026-11-28", "2025-08-09"}, dates
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert robots.endswith(f"Sitemap: {base}sitemap.xml\n")


def test_without_git_the_sitemap_dates_articles_by_their_corrections(
        make_project: Callable[..., Path]) -> None:
    corrected = myth("Texte.").replace(
        "cover_alt: Une illustration d’essai.\n",
        "cover_alt: Une illustration d’essai.\ncorrections:\n  - date: 2026-11-30\n"
        "    what: Un chiffre corrigé.\n    why: La source a été mise à jour.\n")
    project = make_project(articles={"mythes/essai.md": corrected}, keep_articles=False)
    site = build(project)
    dates = lastmods(site)
    assert dates["http://127.0.0.1:8000/mythes/essai/"] == "2026-11-30"
    assert set(dates.values()) == {"2026-11-30"}, dates  # every other page: the latest article


def test_the_404_page_is_french_with_search_and_the_latest_articles(
        make_project: Callable[..., Path]) -> None:
    project = make_project(articles={"mythes/essai.md": myth("Texte.", title="Un essai")},
                           keep_articles=False)
    site = build(project)
    page = soup(site / "404.html")
    assert page.html["lang"] == "fr"
    assert page.h1.get_text() == "Cette page est introuvable"
    assert "Not found" not in page.get_text()
    form = page.select_one("form[role=search]")
    assert form["action"] == "/recherche/" and form.select_one("input[name=q]")
    assert form.select_one("label").get_text() == "Rechercher dans les articles"
    latest = [a["href"] for a in page.select(".vf-notfound .vf-card__link")]
    assert latest == ["/mythes/essai/"]
    # Served at any depth: every link starts from the site's root, and leads to a file.
    for element in page.select("[href], [src], [action]"):
        url = element.get("href") or element.get("src") or element.get("action")
        if re.match(r"[a-z]+:", url) or url.startswith("#"):
            continue
        assert url.startswith("/"), url
        path = site / url.lstrip("/").split("#")[0]
        assert path.is_file() or (path / "index.html").is_file(), url
