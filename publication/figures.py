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

from .articles import Publication
from .check import ProjectError, check_project
from .errors import report_errors
from .report import build_report


class FiguresError(Exception):
    """The figures could not be computed; the message is for editors, in French."""


def render_tree(config_file: Path) -> tuple[Any, Publication]:
    """Every page of the tree rendered as a build would, without writing HTML (``check``'s
    pass). Returns the plugin's options and the ``Publication``; raises ``FiguresError`` listing
    every error.
    """
    try:
        result = check_project(config_file)
    except ProjectError as error:
        raise FiguresError(str(error.error)) from error
    if result.errors:
        raise FiguresError(report_errors(result.errors))
    return result.plugin.config, result.publication


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
