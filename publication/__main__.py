"""Command line: ``python -m publication build`` and the editors' and reviewers' commands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build_site
from .editor_commands import add_editor_commands
from .figures_commands import add_figures_commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publication",
                                     description="Vrai ou faux ? — outils de publication")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="construit le site (site/ n’est remplacé "
                                "qu’en cas de succès)")
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    build.set_defaults(run=lambda args: build_site(args.config_file, args.site_dir))
    add_editor_commands(commands)
    add_figures_commands(commands)
    args = parser.parse_args(argv)
    return int(args.run(args))


if __name__ == "__main__":
    sys.exit(main())
