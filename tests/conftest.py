"""Shared fixtures: the real catalog, a renderer bound to it, and tiny sites built in tmp_path."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from calculators import Catalog
from macros.render import Renderer
from macros.toolbox import Toolbox
from tests.helpers import GUIDE_EXAMPLE, ROOT, guide_example, run_mkdocs

# Property tests are part of a deterministic suite: the same examples on every run, no example
# database, and no wall-clock deadline (a loaded CI machine must not turn speed into failures).
settings.register_profile("deterministic", derandomize=True, database=None, deadline=None)
settings.load_profile("deterministic")


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return Catalog.load()


@pytest.fixture
def renderer(catalog: Catalog) -> Renderer:
    return Renderer(Toolbox(catalog))


#: Every test of the built site runs on the corpus as it is, and with one more article (the
#: guide's complete example): adding an article must never break a test.
CORPORA = {"contenu": {}, "contenu et exemple du guide": {GUIDE_EXAMPLE: "exemple-complet"}}


@pytest.fixture(scope="session", params=CORPORA, ids=CORPORA)
def built_site(request: pytest.FixtureRequest,
               tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with ``mkdocs build --strict``, from the
    corpus as it is and from the corpus with one more article."""
    extra = CORPORA[request.param]
    config = ROOT / "mkdocs.yml"
    if extra:
        project = tmp_path_factory.mktemp("project")
        for name in ("content", "site_overrides"):
            shutil.copytree(ROOT / name, project / name)
        shutil.copy(config, project / "mkdocs.yml")
        shutil.copy(ROOT / "synonymes.yml", project / "synonymes.yml")
        for path, block in extra.items():
            (project / "content" / path).write_text(guide_example(block), encoding="utf-8")
        config = project / "mkdocs.yml"
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs(config, site)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def make_project(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the project's site configuration and content in ``tmp_path``, to alter freely."""

    def make(articles: dict[str, str] | None = None, keep_articles: bool = True,
             data: bool = False) -> Path:
        """``articles`` maps paths under content/ to texts; ``data`` copies the parameter data
        into the project (as ``data/``) so that a test may change it."""
        project = tmp_path / "project"
        shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
        shutil.copytree(ROOT / "content", project / "content")
        config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
        if data:
            shutil.copytree(ROOT / "calculators" / "data", project / "data")
            config = config.replace("      articles_dir: mythes\n",
                                    "      articles_dir: mythes\n      data_dir: data\n")
        (project / "mkdocs.yml").write_text(config, encoding="utf-8")
        shutil.copy(ROOT / "synonymes.yml", project / "synonymes.yml")
        if not keep_articles:
            for article in (project / "content" / "mythes").glob("*.md"):
                article.unlink()
        for name, text in (articles or {}).items():
            path = project / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return project

    return make


