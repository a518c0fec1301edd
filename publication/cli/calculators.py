"""``calculators``: what an article may name: calculators, parameters, sources, display units."""

from __future__ import annotations

import argparse

from calculators import Catalog
from macros.units_fr import DISPLAY_UNITS
from publication.cli.common import add_config_option, load_project, print_errors
from vocabulary.errors import ContentErrors


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("calculators",
                                 help="liste les calculateurs, paramètres, sources et unités")
    add_config_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    if project is None:
        return 1
    try:
        catalog = Catalog.load(project.data_dir)
    except ContentErrors as errors:
        print_errors(errors.errors)
        return 1
    lines = ["Calculateurs, à écrire {{ nom() | figure(\"unité\") }} :"]
    lines += [f"  {key}() : {c.label} [{c.unit or 'sans unité'}]"
              for key, c in sorted(catalog.calculations.items())]
    lines += ["", "Paramètres, à écrire {{ param(\"identifiant\") | figure(\"unité\") }} :"]
    lines += [f"  {key} : {p.label} [{p.unit}, {p.status.label_fr}, "
              f"{f'source {p.source.id}' if p.source else 'hypothèse de la rédaction'}]"
              for key, p in sorted(catalog.parameters.items())]
    lines += ["", "Sources, à citer {{ cite(\"identifiant\") }} :"]
    lines += [f"  {key} : {s.short_citation}, « {s.title} »"
              for key, s in sorted(catalog.sources.items())]
    lines += ["", "Unités d’affichage, pour figure(\"…\") :",
              "  " + ", ".join(key for key in DISPLAY_UNITS if key)]
    print("\n".join(lines))
    return 0
