"""The reviewers' commands of ``python -m publication``: ``figures``, ``figures-diff`` and
``freshness``. Printed text is French; exit code 1 when something needs fixing."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .figures import FiguresError, figures_at, figures_of_tree, render_tree
from .figures_diff import diff_reports, markdown_table
from .freshness import freshness_warnings
from .report import dump_report


def add_figures_commands(commands: argparse._SubParsersAction) -> None:
    """Register the subcommands; each sets ``run`` to its function."""
    figures = commands.add_parser("figures", help="calcule tous les chiffres publiés, sans "
                                  "construire le site, et les écrit en JSON")
    figures.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    figures.add_argument("--output", default="figures.json", help="fichier, ou - pour la sortie")
    figures.set_defaults(run=run_figures)
    diff = commands.add_parser("figures-diff", help="compare les chiffres de deux révisions git "
                               "(tableau Markdown)")
    diff.add_argument("before", help="révision de départ, par exemple origin/main")
    diff.add_argument("after", nargs="?", default="HEAD", help="révision d’arrivée (HEAD)")
    diff.set_defaults(run=run_figures_diff)
    fresh = commands.add_parser("freshness", help="liste les hypothèses utilisées et les "
                                "sources anciennes")
    fresh.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    fresh.add_argument("--strict", action="store_true",
                       help="échoue s’il y a le moindre avertissement")
    fresh.set_defaults(run=run_freshness)


def run_figures(args: argparse.Namespace) -> int:
    try:
        report = figures_of_tree(args.config_file)
    except FiguresError as error:
        print(error, file=sys.stderr)
        return 1
    if args.output == "-":
        sys.stdout.write(dump_report(report))
    else:
        Path(args.output).write_text(dump_report(report), encoding="utf-8")
    return 0


def run_figures_diff(args: argparse.Namespace) -> int:
    try:
        reports = [figures_at(revision, Path.cwd()) for revision in (args.before, args.after)]
    except FiguresError as error:
        print(error, file=sys.stderr)
        return 1
    sys.stdout.write(markdown_table(diff_reports(*reports)))
    return 0


def run_freshness(args: argparse.Namespace) -> int:
    try:
        options, publication = render_tree(args.config_file)
    except FiguresError as error:
        print(error, file=sys.stderr)
        return 1
    warnings = freshness_warnings(publication.pages.values(), publication.display_path,
                                  dt.date.today(), options.freshness_max_age_years)
    for warning in warnings:
        print(warning)
    noun = "avertissement" if len(warnings) < 2 else "avertissements"
    print(f"{len(warnings)} {noun}.")
    return 1 if args.strict and warnings else 0
