"""The rules a page's body must follow besides rendering, shared by ``check`` and the build.

``prose_problems`` reads what the editor typed: hard-coded figures, text left to complete, raw
HTML. ``jinja_problems`` lists every unknown name of the page's Jinja, for a page the renderer
refused (it stops at the first). ``output_problems`` reads what Jinja produced: the same HTML
allow-list, which nothing in an article may get around.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from jinja2 import TemplateSyntaxError

from macros.render import Renderer
from publication.checks import html_policy, jinja_names, prose
from publication.checks.source_text import prose_of, without_code
from vocabulary.errors import ContentError

#: Marks the errors ``output_problems`` adds, which ``prose_problems`` may already have found.
OUTPUT_PREFIX = "le code Jinja produit du HTML refusé : "


def _located(problems: Iterable[ContentError], file: str, offset: int) -> list[ContentError]:
    ordered = sorted(problems, key=lambda p: p.line)
    unique = dict.fromkeys((p.line + offset, p.message, p.hint) for p in ordered)
    return [ContentError(file, line, message, hint) for line, message, hint in unique]


def prose_problems(body: str, file: str, offset: int) -> list[ContentError]:
    """What the editor typed in an article body (``offset``: the lines before it in the file):
    hard-coded figures, in prose or in Jinja strings, text left to complete, raw HTML."""
    typed = prose_of(body)
    return _located([*prose.typed_figures(typed.text),
                     *prose.typed_figures_in_strings(typed.strings),
                     *prose.placeholders(typed.text), *html_policy.violations(typed.text)],
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


def output_problems(rendered: str, typed: Iterable[ContentError], file: str,
                    offset: int) -> list[ContentError]:
    """Forbidden HTML that Jinja itself produced (say, under ``{% autoescape false %}``).

    What the editor typed is already among ``typed`` (the page's ``prose_problems``); only what
    is left over is reported, at the line the output has it: the source line, unless a Jinja tag
    above it spans several lines.
    """
    known = Counter(error.message for error in typed)
    problems = []
    for problem in html_policy.violations(without_code(rendered)):
        if known[problem.message]:
            known[problem.message] -= 1
            continue
        problems.append(ContentError(None, problem.line, OUTPUT_PREFIX + problem.message,
                                     problem.hint))
    return _located(problems, file, offset)
