"""Command line: ``python -m publication build`` (and the editors' commands)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .build import build_site
from .figures import FiguresError, figures_at, figures_of_tree, render_tree
from .figures_diff import diff_reports, markdown_table
from .freshness import freshness_warnings
from .report import dump_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publication",
                                     description="Vrai ou faux ? — outils de publication")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="construit le site (site/ n’est remplacé "
                                "qu’en cas de succès)")
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    figures = commands.add_parser("figures", help="calcule tous les chiffres publiés, sans "
                                  "construire le site, et les écrit en JSON")
    figures.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    figures.add_argument("--output", default="figures.json", help="fichier, ou - pour la sortie")
    diff = commands.add_parser("figures-diff", help="compare les chiffres de deux révisions git "
                               "(tableau Markdown)")
    diff.add_argument("before", help="révision de départ, par exemple origin/main")
    diff.add_argument("after", nargs="?", default="HEAD", help="révision d’arrivée (HEAD)")
    fresh = commands.add_parser("freshness", help="liste les hypothèses utilisées et les "
                                "sources anciennes")
    fresh.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    fresh.add_argument("--strict", action="store_true",
                       help="échoue s’il y a le moindre avertissement")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build_site(args.config_file, args.site_dir)
    if args.command == "figures":
        return write_figures(args.config_file, args.output)
    if args.command == "figures-diff":
        return print_figures_diff(args.before, args.after)
    if args.command == "freshness":
        return print_freshness(args.config_file, args.strict)
    return 2


def write_figures(config_file: Path, output: str) -> int:
    try:
        report = figures_of_tree(config_file)
    except FiguresError as error:
        print(error, file=sys.stderr)
        return 1
    if output == "-":
        sys.stdout.write(dump_report(report))
    else:
        Path(output).write_text(dump_report(report), encoding="utf-8")
    return 0


def print_figures_diff(before: str, after: str) -> int:
    try:
        reports = [figures_at(revision, Path.cwd()) for revision in (before, after)]
    except FiguresError as error:
        print(error, file=sys.stderr)
        return 1
    sys.stdout.write(markdown_table(diff_reports(*reports)))
    return 0




def print_freshness(config_file: Path, strict: bool) -> int:
    try:
        options, publication = render_tree(config_file)
    except FiguresError as error:
        print(error, file=sys.stderr)
        return 1
    warnings = freshness_warnings(publication.pages.values(), publication.display_path,
                                  dt.date.today(), options.freshness_max_age_years)
    for warning in warnings:
        print(warning)
    noun = "avertissement" if len(warnings) < 2 else "avertissements"
    print(f"{len(warnings)} {noun}.")
    return 1 if strict and warnings else 0


if __name__ == "__main__":
    sys.exit(main())
