"""The editor's preview (``mkdocs serve --dirty``) rebuilds what an edit touches, and only that.

The builds run in this process, as ``mkdocs serve`` runs them: one plugin object for the whole
session (MkDocs keeps a plugin that has ``on_startup``), a dirty build after each change.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

from publication.site.preview import Preview as PreviewState
from tests.helpers import replace_in
from tests.publication.site.conftest import EDITED, NEW_CLAIM, OLD_CLAIM, Preview


def _related_to(session: Preview, url: str) -> set[str]:
    """The articles whose « other articles » cards link to ``url``."""
    return {uri.split("/")[1] for uri in session.outputs()
            if uri.startswith("mythes/")
            and session.page(uri.removesuffix("/index.html"))
            .select(f'.vf-related a[href$="{url.split("/")[-1]}/"]')}


def test_an_edit_rebuilds_its_page_and_the_pages_that_show_it(preview) -> None:
    session = preview()
    session.build()
    before = session.outputs()
    shown_in = _related_to(session, "mythes/fracture-numerique")
    assert shown_in, "the edited article appears among other articles' cards"

    session.edit(EDITED, OLD_CLAIM, NEW_CLAIM)
    session.build()
    after = session.outputs()

    rewritten = {uri for uri in after if after[uri] != before.get(uri)}
    pages_showing_it = {"index.html", "mythes/fracture-numerique/index.html",
                        "mythes/fracture-numerique/calcul/index.html",
                        "categories/technologie/index.html",
                        "etiquettes/inclusion-numerique/index.html",
                        "etiquettes/illectronisme/index.html",
                        "etiquettes/inegalites/index.html",
                        *(f"mythes/{slug}/index.html" for slug in shown_in)}
    assert pages_showing_it <= rewritten
    for uri in pages_showing_it:
        assert NEW_CLAIM in session.page(uri.removesuffix("index.html")).get_text(), uri
    untouched = {"etiquettes/egalite/index.html", "etiquettes/ecrans/index.html",
                 "methode/index.html", "mythes/chatgpt-magique/calcul/index.html"}
    assert not untouched & rewritten
    assert len(rewritten) < len(after) / 2, "a preview rebuilds a part of the site"


def _search_records(site: Path) -> list[list[str]]:
    return [record for path in sorted((site / "search" / "articles").glob("*.json"))
            for record in json.loads(path.read_text(encoding="utf-8"))]


def test_pages_carried_over_stay_in_the_report_and_the_search_index(preview) -> None:
    session = preview()
    session.build()
    first = json.loads((session.site / "figures.json").read_text(encoding="utf-8"))
    session.edit(EDITED, OLD_CLAIM, NEW_CLAIM)
    session.build()
    second = json.loads((session.site / "figures.json").read_text(encoding="utf-8"))
    assert second == first
    articles = len(list((session.project / "content" / "mythes").glob("*.md")))
    assert len({f["article"] for f in second["figures"]}) == articles
    records = _search_records(session.site)
    assert len(records) == articles
    assert any(NEW_CLAIM in record[1] for record in records)


def test_a_parameter_change_rebuilds_every_page(preview) -> None:
    session = preview(data=True)
    session.build()
    before = session.outputs()
    text = session.page("mythes/chatgpt-magique").get_text()
    replace_in(session.project / "data" / "parameters" / "chatgpt.yml",
               "label: requêtes par utilisateur et par jour\n  value: 10",
               "label: requêtes par utilisateur et par jour\n  value: 20")
    session.build()
    after = session.outputs()
    assert all(after[uri] != before[uri] for uri in before)
    assert session.page("mythes/chatgpt-magique").get_text() != text


def test_a_dirty_preview_build_gives_no_warning(preview, caplog) -> None:
    session = preview()
    session.build()
    session.edit(EDITED, OLD_CLAIM, NEW_CLAIM)
    with caplog.at_level(logging.WARNING):
        session.build()
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_an_index_that_fails_in_the_background_is_reported(caplog) -> None:
    state = PreviewState()

    def fail() -> None:
        raise OSError("disque plein")

    with caplog.at_level(logging.ERROR):
        state.index_later(fail)
        state.wait_for_index()
    assert "L’index de recherche de l’aperçu n’a pas pu être écrit" in caplog.text
    assert "disque plein" in caplog.text


def test_the_served_plugin_never_empties_another_folder(preview) -> None:
    """MkDocs keeps a serve session's plugin object for the whole process: a later
    configuration of the same project (``check``, a build of another folder) gets the same
    object. Neither its ``on_config`` nor another build's ``on_pre_build`` may touch a folder
    the server does not serve (``begin`` once emptied ``site_dir`` from ``on_config``)."""
    session = preview()
    session.build()
    other = session.project / "ailleurs"
    other.mkdir()
    (other / "garde.txt").write_text("à garder", encoding="utf-8")
    config = load_config(str(session.project / "mkdocs.yml"), site_dir=str(other))
    plugin = config.plugins["vraioufaux"]
    assert plugin.preview is not None, "the serve session's object, as MkDocs shares it"
    config = config.plugins.on_config(config)
    plugin.on_pre_build(config=config)
    assert (other / "garde.txt").read_text(encoding="utf-8") == "à garder"
    assert not plugin.previewing
    session.build()  # the served folder is still a preview
    assert plugin.previewing


def test_freshness_notes_show_once_per_preview_session(preview, caplog) -> None:
    """A parameter change renders every article again; its notes were already shown."""
    session = preview(data=True)
    with caplog.at_level(logging.INFO):
        session.build()
    first = [r.getMessage() for r in caplog.records if r.getMessage().startswith("À vérifier")]
    assert first, "the project has hypotheses in use or old sources"
    caplog.clear()
    replace_in(session.project / "data" / "parameters" / "chatgpt.yml",
               "label: requêtes par utilisateur et par jour\n  value: 10",
               "label: requêtes par utilisateur et par jour\n  value: 20")
    with caplog.at_level(logging.INFO):
        session.build()
    assert "Documentation built" in caplog.text, "the second build ran and logged"
    assert "À vérifier" not in caplog.text


def test_a_plain_build_shows_every_freshness_note(make_project, caplog) -> None:
    project = make_project()
    for _ in range(2):  # the same plugin object, as in one process
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
        config.plugins.on_startup(command="build", dirty=False)
        caplog.clear()
        with caplog.at_level(logging.INFO):
            build(config)
        assert "À vérifier" in caplog.text
