"""Helpers the tests share: the project's root, tiny articles, building a site and reading it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from vocabulary.errors import ContentError

ROOT = Path(__file__).resolve().parent.parent
GUIDE = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
#: Where tests put the guide's complete example, as an extra article of the corpus.
GUIDE_EXAMPLE = "mythes/exemple-du-guide.md"
SEARCH_JS = ROOT / "site_overrides" / "assets" / "javascripts" / "vf-search.js"


def run_mkdocs(config: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(config),
         "--site-dir", str(site_dir)],
        capture_output=True, text=True, check=False,
        # A home of its own beside the site: caches (Pint's) never land in the built site.
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "HOME": f"{site_dir}.home"},
    )


def myth(body: str, title: str = "Un mythe d’essai") -> str:
    """A valid article: a complete front matter, then ``body``."""
    return f"""---
title: {title}
claim: Les essais, ça ne sert à rien, non ?
verdict: faux
date: 2026-11-28
author: La rédaction
category: Technologie
description: Un article d’essai.
summary: Un résumé d’essai. Il dit l’essentiel.
cover: images/chatgpt.svg
cover_alt: Une illustration d’essai.
---

{body}
"""


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def replace_in(path: Path, old: str, new: str) -> None:
    """Edit a copied project file; fail if ``old`` is not there (the test would prove nothing)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(project: Path, name: str = "site") -> Path:
    """Build a project copy with ``mkdocs build --strict``; the site folder, once it succeeded."""
    result = run_mkdocs(project / "mkdocs.yml", project / name)
    assert result.returncode == 0, result.stderr
    return project / name


def minimal(body: str) -> str:
    """A valid article whose body is one line of text, then ``body``."""
    return myth(f"Texte.\n{body}")


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder``, by relative path, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def one_line(error: ContentError) -> str:
    """An error on one line, its hint between brackets: easier to compare in tests than the
    printed form, whose hint goes on a line of its own."""
    where = f"{error.file}:{error.line}: " if error.line else f"{error.file}: " if error.file \
        else ""
    key = f"« {error.key} » : " if error.key else ""
    hint = f" ({error.hint})" if error.hint else ""
    return f"{where}{key}{error.message}{hint}"


def guide_example(name: str) -> str:
    """The fenced block that follows the comment ``<!-- name … -->`` in CONTRIBUTING.md."""
    match = re.search(rf"<!-- {name}\b.*?-->\n```\w+\n(.*?)\n```", GUIDE, re.S)
    assert match, name
    return match.group(1) + "\n"
