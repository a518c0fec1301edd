"""The figures report of any git revision, computed with that revision's own code and data, in a
clean export of it (``figures-diff``). A version-1 report is completed from the export's data
files (``legacy``)."""

from __future__ import annotations

import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path
from typing import Any

from publication.figures.legacy import completed
from vocabulary.errors import ContentError


def _export(revision: str, repository: Path, target: Path) -> None:
    archive = subprocess.run(["git", "-C", str(repository), "archive", "--format=tar", revision],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        raise ContentError(None, None, f"révision git introuvable : {revision} "
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
            raise ContentError(None, None, f"calcul des chiffres impossible pour {revision} :\n"
                               f"{result.stderr.strip() or result.stdout.strip()}")
        return completed(json.loads(result.stdout), tree)
