"""The rules a page's source must follow besides rendering.

``prose_problems`` reads what the editor typed: hard-coded figures and text left to complete.
``jinja_problems`` lists every unknown name of the page's Jinja, for a page the renderer refused
(a failing ``{% if %}`` or ``{% for %}`` stops it). HTML is judged on the output, once Markdown
has run (``output_html``), not here: regexes over the source lose to the parser and the browser.
"""

from __future__ import annotations

from collections.abc import Iterable

from jinja2 import TemplateSyntaxError

from macros.render import Renderer
from publication.checks import jinja_names, prose
from publication.checks.source_text import prose_of
from vocabulary.errors import ContentError


def _located(problems: Iterable[ContentError], file: str, offset: int) -> list[ContentError]:
    ordered = sorted(problems, key=lambda p: p.line)
    unique = dict.fromkeys((p.line + offset, p.message, p.hint, p.key) for p in ordered)
    return [ContentError(file, line, message, hint, key) for line, message, hint, key in unique]


def prose_problems(body: str, file: str, offset: int) -> list[ContentError]:
    """What the editor typed in an article body (``offset``: the lines before it in the file):
    hard-coded figures, in prose or in Jinja strings, and text left to complete."""
    typed = prose_of(body)
    return _located([*prose.typed_figures(typed.text),
                     *prose.typed_figures_in_strings(typed.strings),
                     *prose.placeholders(typed.text), *prose.reserved_words(body)],
                    file, offset)


def jinja_problems(body: str, file: str, offset: int, renderer: Renderer) -> list[ContentError]:
    """Every unknown calculator, name, parameter, source and filter of the body's Jinja.

    A syntax error gives none: the renderer reports it, with its line.
    """
    try:
        tree = renderer.environment.parse(body)
    except TemplateSyntaxError:
        return []
    return _located(jinja_names.unknown_names(tree, renderer), file, offset)
