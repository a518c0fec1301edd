"""A failed preview build shows in the browser: a French page listing its errors, served for
every page until the next successful build, which the browser then reloads onto.

The builds run in this process as ``mkdocs serve --dirty`` runs them (``test_preview``); the
server side runs on a ``LiveReloadServer`` that is never bound, its WSGI application called
directly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.livereload import LiveReloadServer

from publication.outcome import OUTCOME_VARIABLE, read_outcome
from publication.site.failure import FAILURE_PAGE, failure_html
from publication.site.server import show_failures
from tests.helpers import replace_in, soup
from tests.publication.site.conftest import EDITED
from vocabulary.errors import ContentError

#: A Jinja call to a parameter that does not exist, quoting markup, in the edited article.
BROKEN = '{{ param("<b>inconnu</b>") }}'
ANCHOR = "Quand on parle de fracture numérique"


def _break_file(path: Path) -> None:
    replace_in(path, ANCHOR, f"{BROKEN} {ANCHOR}")


def _break(session) -> None:
    session.edit(EDITED, ANCHOR, f"{BROKEN} {ANCHOR}")


def _fix(session) -> None:
    session.edit(EDITED, f"{BROKEN} {ANCHOR}", ANCHOR)


def _failing_build(session) -> None:
    with pytest.raises(SystemExit):  # MkDocs' Abort
        session.build()


def test_a_failed_preview_build_writes_the_error_page_and_keeps_the_pages(preview) -> None:
    session = preview()
    session.build()
    before = session.outputs()
    _break(session)
    _failing_build(session)

    page = soup(session.site / FAILURE_PAGE)
    assert page.html["lang"] == "fr"
    assert page.h1.get_text() == "L’aperçu n’a pas pu être construit"
    items = page.select("ul > li")
    assert items, "each error is a list item"
    shown = " ".join(item.get_text() for item in items)
    assert "content/mythes/fracture-numerique.md:" in shown
    assert "<b>inconnu</b>" in shown, "the error quotes the source, as text"
    assert not page.select("b, script, link, img"), "escaped, self-contained"
    assert page.select_one(".vf-hint") is not None, "the hint follows the message"
    after = session.outputs()  # the pages the edit touches were made stale: built again next
    assert after.items() <= before.items(), "the other pages stay, for the next dirty build"
    assert "methode/index.html" in after


def test_the_next_successful_build_removes_the_error_page(preview) -> None:
    session = preview()
    session.build()
    _break(session)
    _failing_build(session)
    assert (session.site / FAILURE_PAGE).is_file()
    _fix(session)
    replace_in(session.project / "content" / EDITED, "ça ne concerne que les seniors",
               "ça ne touche que les seniors")
    session.build()
    assert not (session.site / FAILURE_PAGE).exists()
    assert "ça ne touche que les seniors" in session.page("mythes/fracture-numerique").get_text()


def test_a_failed_plain_build_writes_no_error_page(make_project: Callable[..., Path]) -> None:
    project = make_project()
    _break_file(project / "content" / EDITED)
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(SystemExit):
        build(config)
    assert not list(project.rglob(FAILURE_PAGE))


def test_the_page_escapes_every_part_of_an_error() -> None:
    html = failure_html([ContentError("<i>a</i>.md", 3, "<img src=x>", "<script>x</script>",
                                      key="<u>k</u>"),
                         ContentError(None, None, "\x1b[31mrouge")])
    page = BeautifulSoup(html, "html.parser")
    assert not page.select("i, img, script, u")
    text = page.get_text()
    assert "<i>a</i>.md:3\u00a0: «\u00a0<u>k</u>\u00a0»\u00a0: <img src=x>" in text
    assert "→ <script>x</script>" in text
    assert "\\u001b[31mrouge" in text and "\x1b" not in text
    assert "2 erreurs à corriger" in page.title.get_text()


def _call(server: LiveReloadServer, path: str) -> tuple[str, str]:
    answer: list[str] = []
    body = b"".join(server.get_app()({"PATH_INFO": path, "REQUEST_METHOD": "GET"},
                                     lambda status, headers: answer.append(status)))
    return answer[0], body.decode("utf-8")


class Builds:
    """A scripted builder: each call fails (writing a failure page, as the plugin does) or
    succeeds (removing it, as the plugin does), in the order given."""

    def __init__(self, site: Path, *outcomes: bool) -> None:
        self.site, self.outcomes = site, list(outcomes)

    def __call__(self) -> None:
        if self.outcomes.pop(0):
            (self.site / FAILURE_PAGE).unlink(missing_ok=True)
            return
        (self.site / FAILURE_PAGE).write_text("<html><body><h1>Erreurs</h1></body></html>",
                                              encoding="utf-8")
        raise SystemExit("Aborted with a BuildError!")


def _server(site: Path, builder: Callable[[], None]) -> LiveReloadServer:
    (site / "mythes" / "a").mkdir(parents=True)
    (site / "mythes" / "a" / "index.html").write_text("<html><body>Article</body></html>",
                                                      encoding="utf-8")
    (site / "style.css").write_text("body{}", encoding="utf-8")
    served = LiveReloadServer(builder=builder, host="127.0.0.1", port=0, root=str(site))
    served.watch(str(site))  # as make serve watches: pages get the livereload script
    show_failures(served, str(site))
    return served


def test_the_server_shows_the_error_page_for_every_page_then_the_site(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    site = tmp_path / "served"
    server = _server(site, Builds(site, False, True))
    with caplog.at_level(logging.ERROR):
        server.builder()  # returns: the server moves on to the new epoch and reloads pages
    assert "le navigateur affiche les erreurs" in caplog.text
    for path in ("/mythes/a/", "/mythes/b/", "/", "/mythes/a/index.html"):
        status, body = _call(server, path)
        assert status.startswith("200") and "<h1>Erreurs</h1>" in body, path
        assert "livereload(" in body, "the page reloads itself after the next build"
    assert _call(server, "/style.css") == ("200 OK", "body{}")
    server.builder()  # the fix: a successful build
    assert not (site / FAILURE_PAGE).exists()
    status, body = _call(server, "/mythes/a/")
    assert status.startswith("200") and "Article" in body and "livereload(" in body


def test_a_build_that_stops_before_the_plugin_still_shows_a_page(tmp_path: Path) -> None:
    site = tmp_path / "served"

    def broken_configuration() -> None:
        raise SystemExit("Aborted with 1 configuration errors!")

    server = _server(site, broken_configuration)
    server.builder()
    _, body = _call(server, "/mythes/a/")
    assert "la construction a échoué : Aborted with 1 configuration errors!" in body
    assert 'lang="fr"' in body


def test_a_configuration_failure_shows_its_own_error_not_the_last_builds(
        preview, monkeypatch: pytest.MonkeyPatch) -> None:
    """``on_config`` fails before this build has a publication: the page shows why, not the
    errors of the previous failed build that the plugin object still holds."""
    session = preview()
    session.build()
    _break(session)
    _failing_build(session)
    assert "inconnu" in (session.site / FAILURE_PAGE).read_text(encoding="utf-8")
    _fix(session)

    def unreadable(config_file: Path) -> None:
        raise ContentError(str(config_file), None, "configuration illisible : essai")

    monkeypatch.setattr("publication.site.plugin.Project.load", unreadable)
    _failing_build(session)
    shown = soup(session.site / FAILURE_PAGE).select("li")
    assert [item.get_text() for item in shown] == [
        f"{session.project / 'mkdocs.yml'}\u00a0: configuration illisible : essai"]



def test_a_bug_while_loading_the_data_is_reported_as_itself(
        make_project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """An unexpected exception before the build has a publication is said as it is, not as an
    AttributeError of the plugin's error path (it once read warnings never attached)."""
    project = make_project()

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("essai de panne")

    monkeypatch.setattr("calculators.catalog.Catalog.load_valid", broken)
    monkeypatch.setenv(OUTCOME_VARIABLE, str(tmp_path / "outcome.json"))
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises((SystemExit, RuntimeError)):
        build(config)
    outcome = read_outcome(tmp_path / "outcome.json")
    assert outcome is not None
    assert [e.message for e in outcome.errors] == [
        "la construction a échoué : RuntimeError('essai de panne')"]
