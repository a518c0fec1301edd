"""The figures of a tree without building HTML, and their comparison between two git revisions.

``figures_of_tree`` renders every page through the same ``Publication`` the build uses, so the
report is what would be published. ``figures_at`` does so for any git revision, in a clean export
of that revision, running that revision's own code.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from .articles import Publication
from .errors import report_errors
from .report import build_report

PLUGIN = "vraioufaux"


class FiguresError(Exception):
    """The figures could not be computed; the message is for editors, in French."""


def render_tree(config_file: Path) -> tuple[Any, Publication]:
    """Every page of the tree rendered as a build would, without writing HTML.

    Returns the plugin's configuration and the ``Publication``; raises ``FiguresError`` listing
    every error.
    """
    config = load_config(str(config_file))
    plugin = config.plugins[PLUGIN]
    publication: Publication = plugin.new_publication(config)  # type: ignore[attr-defined]
    docs = Path(config.docs_dir)
    for path in sorted(docs.rglob("*.md")):
        publication.render_page(path.relative_to(docs).as_posix(),
                                path.read_text(encoding="utf-8"))
    if publication.errors:
        raise FiguresError(report_errors(publication.errors))
    return plugin.config, publication


def figures_of_tree(config_file: Path) -> dict[str, Any]:
    """The figures report of the working tree described by ``config_file``."""
    _, publication = render_tree(config_file)
    return build_report(publication.pages.values())


def _export(revision: str, repository: Path, target: Path) -> None:
    archive = subprocess.run(["git", "-C", str(repository), "archive", "--format=tar", revision],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise FiguresError(f"révision git introuvable : {revision} "
                           f"({archive.stderr.decode(errors='replace').strip()})")
    with tarfile.open(fileobj=BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")


def figures_at(revision: str, repository: Path) -> dict[str, Any]:
    """The figures report of ``revision``, computed with that revision's own code and data."""
    with tempfile.TemporaryDirectory(prefix="figures-") as folder:
        tree = Path(folder)
        _export(revision, repository, tree)
        result = subprocess.run(
            [sys.executable, "-m", "publication", "figures", "--output", "-"],
            cwd=tree, capture_output=True, text=True, check=False,
        )
    if result.returncode != 0:
        raise FiguresError(f"calcul des chiffres impossible pour {revision} :\n"
                           f"{result.stderr.strip() or result.stdout.strip()}")
    return json.loads(result.stdout)
