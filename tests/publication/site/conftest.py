"""The editor's preview as ``mkdocs serve --dirty`` runs it: a session fixture shared by the
preview's tests and the error page's."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from tests.helpers import GUIDE_EXAMPLE, guide_example, replace_in, soup

SERVE_URL = "http://127.0.0.1:8000/"
EDITED = "mythes/fracture-numerique.md"
OLD_CLAIM = "ça ne concerne que les seniors"
NEW_CLAIM = "ça ne touche que les seniors"


class Preview:
    """A project built the way ``mkdocs serve --dirty`` builds it."""

    def __init__(self, project: Path) -> None:
        self.project = project
        self.site = project / "served"
        self.started = False

    def build(self) -> None:
        config = load_config(str(self.project / "mkdocs.yml"), site_dir=str(self.site))
        assert config.strict, "the preview keeps strict mode"
        if not self.started:
            config.plugins.on_startup(command="serve", dirty=True)
            self.started = True
        build(config, serve_url=SERVE_URL, dirty=True)
        config.plugins["vraioufaux"].preview.wait_for_index()  # written in the background

    def outputs(self) -> dict[str, int]:
        """Each page's modification time, in nanoseconds."""
        return {str(p.relative_to(self.site)): p.stat().st_mtime_ns
                for p in self.site.rglob("index.html")}

    def edit(self, src_uri: str, old: str, new: str) -> None:
        """Change a source, and date it after every output (as a later save would be)."""
        path = self.project / "content" / src_uri
        replace_in(path, old, new)
        later = max(self.outputs().values()) + 1_000_000_000
        os.utime(path, ns=(later, later))

    def page(self, url: str):
        return soup(self.site / url / "index.html")


@pytest.fixture(params=["contenu", "contenu et exemple du guide"])
def preview(request: pytest.FixtureRequest, make_project: Callable[..., Path]
            ) -> Iterator[Callable[..., Preview]]:
    """Preview sessions of the corpus as it is, and with one more article (the guide's
    complete example): adding an article must not change what an edit rebuilds."""
    made: list[Preview] = []
    extra = {GUIDE_EXAMPLE: guide_example("exemple-complet")} if request.param != "contenu" \
        else {}

    def start(**options: bool) -> Preview:
        session = Preview(make_project(articles=extra, **options))
        made.append(session)
        return session

    yield start
    for session in made:  # the plugin object outlives the test: end the serve session
        config = load_config(str(session.project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)


