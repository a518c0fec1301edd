"""``figures``: every published figure with its inputs and sources, as JSON, without building."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publication.cli.common import add_config_option, rendered_project
from publication.figures.report import dump_report


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("figures", help="calcule tous les chiffres publiés, sans "
                                 "construire le site, et les écrit en JSON")
    add_config_option(parser)
    parser.add_argument("--output", default="figures.json", help="fichier, ou - pour la sortie")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    found = rendered_project(args.config_file)
    if found is None:
        return 1
    _, publication = found
    text = dump_report(publication.pages.values(), publication.catalog)
    if args.output == "-":
        sys.stdout.write(text)
    else:
        Path(args.output).write_text(text, encoding="utf-8")
    return 0
