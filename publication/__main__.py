"""Command line: ``python -m publication build`` (and the editors' commands)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .build import build_site
from .editor_commands import COMMANDS as EDITOR_COMMANDS
from .editor_commands import add_editor_commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publication",
                                     description="Vrai ou faux ? — outils de publication")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="construit le site (site/ n’est remplacé "
                                "qu’en cas de succès)")
    build.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    build.add_argument("--site-dir", type=Path, default=Path("site"))
    add_editor_commands(commands)
    args = parser.parse_args(argv)
    if args.command == "build":
        return build_site(args.config_file, args.site_dir)
    if args.command in EDITOR_COMMANDS:
        return args.run(args)
    return 2


if __name__ == "__main__":
    sys.exit(main())
