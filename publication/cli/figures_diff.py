"""``figures-diff``: the figures two git revisions publish differently, and the formulas and
conventions they declare differently, as Markdown tables in French for reviewers."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publication.cli.common import print_errors
from publication.figures.diff import diff_reports
from publication.figures.revisions import figures_at
from publication.figures.summary import markdown
from vocabulary.errors import ContentError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("figures-diff", help="compare les chiffres de deux révisions "
                                 "git (tableau Markdown)")
    parser.add_argument("before", help="révision de départ, par exemple origin/main")
    parser.add_argument("after", nargs="?", default="HEAD", help="révision d’arrivée (HEAD)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        reports = [figures_at(revision, Path.cwd()) for revision in (args.before, args.after)]
    except ContentError as error:
        print_errors([error])
        return 1
    sys.stdout.write(markdown(diff_reports(*reports)))
    return 0
