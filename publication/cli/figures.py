"""``figures``: every published figure with its inputs and sources, as JSON, without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publication.cli.common import add_config_option, load_project, print_errors
from publication.figures.report import dump_report
from vocabulary.errors import ContentErrors


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("figures", help="calcule tous les chiffres publiés, sans "
                                 "construire le site, et les écrit en JSON")
    add_config_option(parser)
    parser.add_argument("--output", default="figures.json", help="fichier, ou - pour la sortie")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    if project is None:
        return 1
    try:
        publication = project.render_valid()
    except ContentErrors as errors:
        print_errors(errors.errors)
        return 1
    text = dump_report(publication.pages.values(), publication.catalog)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0
