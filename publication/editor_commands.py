"""The editors' commands of ``python -m publication``: ``check``, ``new`` and ``calculators``.

Everything printed is French, for editors; exit codes: 0 when all is well, 1 when the content
(or the request) has a problem to fix.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from calculators import calculators
from macros.units_fr import DISPLAY_UNITS

from .check import ProjectError, check_project, format_report, load_project
from .scaffold import ScaffoldError, new_article


def add_editor_commands(commands: argparse._SubParsersAction) -> None:
    """Register the editors' subcommands; each sets ``run`` to its function."""
    check = commands.add_parser("check", help="vérifie tout le contenu, sans construire le site")
    check.set_defaults(run=run_check)
    new = commands.add_parser("new", help="crée un article à compléter")
    new.add_argument("title", help="le mythe, par exemple « Le cloud, c’est léger ? »")
    new.add_argument("--slug", help="le nom du fichier, sans .md (par défaut, tiré du titre)")
    new.set_defaults(run=run_new)
    listing = commands.add_parser("calculators",
                                  help="liste les calculateurs, paramètres, sources et unités")
    listing.set_defaults(run=run_calculators)
    for parser in (check, new, listing):
        parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))


def run_check(args: argparse.Namespace) -> int:
    try:
        result = check_project(args.config_file)
    except ProjectError as error:
        print(error.error, file=sys.stderr)
        return 1
    report = format_report(result.errors, result.pages, result.articles)
    print(report, file=sys.stderr if result.errors else sys.stdout)
    return 1 if result.errors else 0


def run_new(args: argparse.Namespace) -> int:
    try:
        config, plugin = load_project(args.config_file)
        articles_dir = Path(config.docs_dir) / plugin.config.articles_dir
        docs_dir = Path(config.docs_dir)
        path = new_article(
            args.title, articles_dir, dt.date.today(), slug=args.slug,
            display=lambda p: plugin.publication.display_path(p.relative_to(docs_dir).as_posix()),
        )
    except ProjectError as error:
        print(error.error, file=sys.stderr)
        return 1
    except ScaffoldError as error:
        print(f"Article non créé : {error}", file=sys.stderr)
        return 1
    publication = plugin.publication
    shown = publication.display_path(path.relative_to(config.docs_dir).as_posix())
    cover = publication.display_path(f"images/{path.stem}.svg")
    print(f"Article créé : {shown}\n"
          "Ensuite :\n"
          "  1. remplacez chaque « À COMPLÉTER » ;\n"
          f"  2. ajoutez l’image de couverture {cover} (ou une autre, à indiquer dans "
          "« cover ») ;\n"
          "  3. vérifiez avec make check, prévisualisez avec make serve.")
    return 0


def run_calculators(args: argparse.Namespace) -> int:
    try:
        _, plugin = load_project(args.config_file)
    except ProjectError as error:
        print(error.error, file=sys.stderr)
        return 1
    publication = plugin.publication
    if publication.renderer is None:
        print("\n".join(str(e) for e in publication.errors), file=sys.stderr)
        return 1
    toolbox = publication.renderer.toolbox
    lines = ["Calculateurs, à écrire {{ nom() | figure(\"unité\") }} :"]
    lines += [f"  {key}() : {spec.label} [{spec.unit or 'sans unité'}]"
              for key, spec in sorted(calculators().items())]
    lines += ["", "Paramètres, à écrire {{ param(\"identifiant\") | figure(\"unité\") }} :"]
    lines += [f"  {key} : {p.label} [{p.unit}, {p.status.label_fr}, source {p.source.id}]"
              for key, p in sorted(toolbox.catalog.parameters.items())]
    lines += ["", "Sources, à citer {{ cite(\"identifiant\") }} :"]
    lines += [f"  {key} : {s.short_citation}, « {s.title} »"
              for key, s in sorted(toolbox.catalog.sources.items())]
    lines += ["", "Unités d’affichage, pour figure(\"…\") :",
              "  " + ", ".join(key for key in DISPLAY_UNITS if key)]
    print("\n".join(lines))
    return 0
