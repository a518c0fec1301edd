"""``python -m publication``: one module per command.

Printed text is French, for editors; exit code 0 when all is well, 1 when something needs
fixing. No command module imports the MkDocs plugin: the commands that need no HTML load the
project with ``publication.project``, and ``build`` runs MkDocs in a child process.

May import: everything in ``publication`` but ``site``.
"""

from __future__ import annotations

import argparse

from publication.cli import (
    build,
    calculators,
    check,
    figures,
    figures_diff,
    freshness,
    new,
)

COMMANDS = (build, check, new, calculators, figures, figures_diff, freshness)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m publication",
                                     description="Vrai ou faux ? — outils de publication")
    subcommands = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        command.register(subcommands)
    args = parser.parse_args(argv)
    return int(args.run(args))
