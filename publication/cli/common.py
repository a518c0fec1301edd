"""What every command shares: loading the project, printing errors the one way."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from publication.pipeline import Publication
from publication.project import Project
from vocabulary.errors import ContentError, ContentErrors, error_lines


def add_config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))


def print_errors(errors: list[ContentError]) -> None:
    """Every error, sorted, one ``fichier:ligne: message`` each, on standard error."""
    print("\n".join(error_lines(errors)), file=sys.stderr)


def rendered_project(config_file: Path) -> tuple[Project, Publication] | None:
    """The project and every page rendered, or None after printing every problem."""
    project = load_project(config_file)
    if project is None:
        return None
    try:
        return project, project.render_valid()
    except ContentErrors as errors:
        print_errors(errors.errors)
        return None


def load_project(config_file: Path) -> Project | None:
    """The project, or None after saying why it cannot be loaded."""
    try:
        return Project.load(config_file)
    except ContentError as error:
        print_errors([error])
        return None
