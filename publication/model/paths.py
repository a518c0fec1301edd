"""Where the pages of an article live, and which files may illustrate it."""

from __future__ import annotations

from pathlib import PurePosixPath

#: Image files an article may use as cover or in its body.
IMAGE_SUFFIXES = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")
#: The folder, inside an article's folder, of the page holding its derivations.
CALCUL_FOLDER = "calcul"


def calcul_src_uri(article_src_uri: str) -> str:
    """``mythes/chatgpt-magique.md`` → ``mythes/chatgpt-magique/calcul.md``."""
    return f"{PurePosixPath(article_src_uri).with_suffix('')}/{CALCUL_FOLDER}.md"


def article_slug(src_uri: str) -> str:
    """An article's slug: its file name without ``.md``."""
    return PurePosixPath(src_uri).stem
