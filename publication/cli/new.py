"""``new``: a new article to complete, from the template of ``publication.model.scaffold``."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from publication.cli.common import add_config_option, load_project
from publication.model.namesakes import Namesake, namesakes
from publication.model.scaffold import new_article
from vocabulary.errors import ContentError


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("new", help="crée un article à compléter")
    parser.add_argument("title", help="le mythe, par exemple « Le cloud, c’est léger ? »")
    parser.add_argument("--slug", help="le nom du fichier, sans .md (par défaut, tiré du titre)")
    add_config_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    project = load_project(args.config_file)
    if project is None:
        return 1
    docs_dir = project.docs_dir

    def shown(path: Path) -> str:
        try:
            return str(path.resolve().relative_to(project.root))
        except ValueError:
            return str(path)

    others = namesakes(args.title, docs_dir / project.options.articles_dir)
    try:
        path = new_article(args.title, docs_dir / project.options.articles_dir,
                           dt.date.today(), slug=args.slug, display=shown)
    except ContentError as error:
        print(f"Article non créé : {error.message}", file=sys.stderr)
        return 1
    cover = shown(docs_dir / "images" / f"{path.stem}.svg")
    print(f"Article créé : {shown(path)}\n"
          "Ensuite :\n"
          "  1. remplacez chaque « À COMPLÉTER » ;\n"
          f"  2. ajoutez l’image de couverture {cover} (ou une autre, à indiquer dans "
          "« cover ») ;\n"
          "  3. vérifiez avec make check, prévisualisez avec make serve.")
    for other in others:
        print(warning(shown(other.path), other), file=sys.stderr)
    return 0


def warning(shown: str, other: Namesake) -> str:
    """The warning about an article that already tells the same myth."""
    what = "le même titre" if other.field == "title" else "pour idée reçue ce même texte"
    return (f"Attention : {shown} a déjà {what}. Vérifiez que ce mythe n’est pas déjà "
            "traité ; sinon, distinguez les titres.")
