"""The page an editor's browser shows when a preview build fails (``make serve``).

A failed build writes ``FAILURE_PAGE`` into the folder the server serves, and the next
successful build removes it; ``publication.site.server`` answers every page request with it
while it is there. The page is self-contained (inline CSS, no script: the server adds its
livereload script, which reloads the page after the next build), in French, and quotes every
error HTML-escaped: errors quote what pull requests wrote.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from pathlib import Path

from vocabulary.errors import ContentError, count, sort_key, visible

#: The failure page's name in the served folder (never a page of the site).
FAILURE_PAGE = "vf-apercu-en-erreur.html"

_STYLE = """\
body{margin:0;font:1.05rem/1.5 system-ui,sans-serif;color:#1b1b1b;background:#fff8f6}
main{max-width:48rem;margin:2rem auto;padding:0 1rem}
h1{color:#8c1d18;font-size:1.6rem}
li{margin:0 0 1rem;padding:.6rem .8rem;background:#fff;border-left:.3rem solid #8c1d18}
code{font-size:.95rem;word-break:break-all}
.vf-hint{display:block;color:#444}"""


def _text(value: str) -> str:
    """``value`` as HTML text: invisible characters shown by their code, markup escaped."""
    return html.escape(visible(value))


def _item(error: ContentError) -> str:
    where = ""
    if error.file:
        place = f"{error.file}:{error.line}" if error.line else error.file
        where = f"<code>{_text(place)}</code>\u00a0: "
    key = f"«\u00a0{_text(error.key)}\u00a0»\u00a0: " if error.key else ""
    hint = (f'<span class="vf-hint">→ {_text(error.hint)}</span>' if error.hint else "")
    return f"<li>{where}{key}{_text(error.message)}{hint}</li>"


def failure_html(errors: Iterable[ContentError]) -> str:
    """The whole page: a heading, how many errors, and each as ``fichier:ligne : message``
    with its hint."""
    errors = sorted(errors, key=sort_key)
    todo = f"{count(len(errors), 'erreur')} à corriger"
    items = "\n".join(_item(error) for error in errors)
    return (
        '<!doctype html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>Aperçu interrompu : {todo}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n"
        "<body>\n<main>\n<h1>L’aperçu n’a pas pu être construit</h1>\n"
        f"<p>{todo}. Cette page se recharge d’elle-même dès que vous enregistrez la "
        "correction ; les mêmes messages s’affichent dans le terminal et avec "
        "<code>make check</code>.</p>\n"
        f'<ul aria-label="Erreurs à corriger">\n{items}\n</ul>\n</main>\n</body>\n</html>\n')


def write_failure(site_dir: Path, errors: Iterable[ContentError]) -> Path:
    """Write the failure page into the served folder; its path."""
    path = site_dir / FAILURE_PAGE
    site_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(failure_html(errors), encoding="utf-8")
    return path


def clear_failure(site_dir: Path) -> None:
    """The build succeeded: its pages are served again."""
    (site_dir / FAILURE_PAGE).unlink(missing_ok=True)
