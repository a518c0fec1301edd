"""``freshness``: hypotheses in use and sources older than ``freshness_max_age_years``."""

from __future__ import annotations

import argparse
import datetime as dt

from publication.cli.common import add_config_option, rendered_project
from publication.figures.freshness import freshness_warnings
from vocabulary.errors import count


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("freshness", help="liste les hypothèses utilisées et les "
                                 "sources anciennes")
    add_config_option(parser)
    parser.add_argument("--strict", action="store_true",
                        help="échoue s’il y a le moindre avertissement")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = rendered_project(args.config_file)
    if found is None:
        return 1
    project, publication = found
    warnings = freshness_warnings(publication.pages.values(), publication.display_path,
                                  dt.date.today(), project.options.freshness_max_age_years)
    for warning in warnings:
        print(warning)
    print(f"{count(len(warnings), 'avertissement')}.")
    return 1 if args.strict and warnings else 0
