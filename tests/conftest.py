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
from tests.helpers import ROOT, run_mkdocs

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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with ``mkdocs build --strict``."""
    site = tmp_path_factory.mktemp("site")
    result = run_mkdocs(ROOT / "mkdocs.yml", site)
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
        if not keep_articles:
            for article in (project / "content" / "mythes").glob("*.md"):
                article.unlink()
        for name, text in (articles or {}).items():
            path = project / "content" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return project

    return make


