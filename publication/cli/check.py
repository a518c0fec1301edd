"""``check``: every problem of the content at once, without building the site.

Each page goes through ``Publication.render_page``, exactly as in a build. Only the files MkDocs
would refuse to read are caught here first, with a French message: a file that is not UTF-8
text.
"""

from __future__ import annotations

import argparse
import sys

from publication.cli.common import add_config_option, load_project, print_errors
from publication.project import Rendering
from vocabulary.errors import count


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="vérifie tout le contenu, sans construire le site")
    add_config_option(parser)
    parser.set_defaults(run=run)


def summary(rendering: Rendering) -> str:
    """The closing line: « Tout est bon : 9 pages vérifiées, dont 7 articles. », or the count
    of errors to fix."""
    pages = rendering.pages
    checked = (f"{count(pages, 'page')} vérifiée{'s' if pages > 1 else ''}, "
               f"dont {count(rendering.articles, 'article')}")
    if not rendering.errors:
        return f"Tout est bon : {checked}."
    return f"{count(len(rendering.errors), 'erreur')} à corriger ({checked})."


def run(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    if project is None:
        return 1
    rendering = project.render_all()
    if not rendering.errors:
        print(summary(rendering))
        return 0
    print_errors(rendering.errors)
    print(f"\n{summary(rendering)}", file=sys.stderr)
    return 1
