"""``check``: every problem of the content at once, found by the build itself.

``check`` runs the same build as ``make site`` (``python -m mkdocs build --strict``) into a
throwaway folder, and prints what the plugin found (``publication.outcome``): so ``check`` and
the build can never disagree. ``site/`` is never touched.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from publication.cli.build import build_environment
from publication.cli.common import add_config_option, load_project, print_errors
from publication.outcome import OUTCOME_VARIABLE, Outcome, read_outcome
from vocabulary.errors import ContentError, count


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help="vérifie tout le contenu en construisant le site "
                                 "dans un dossier jetable")
    add_config_option(parser)
    parser.set_defaults(run=run)


def summary(outcome: Outcome) -> str:
    """The closing line: « Tout est bon : 9 pages vérifiées, dont 7 articles. », or the count
    of errors to fix."""
    checked = (f"{count(outcome.pages, 'page')} vérifiée{'s' if outcome.pages > 1 else ''}, "
               f"dont {count(outcome.articles, 'article')}")
    if not outcome.errors:
        return f"Tout est bon : {checked}."
    errors = f"{count(len(outcome.errors), 'erreur')} à corriger"
    return f"{errors} ({checked})." if outcome.pages else f"{errors}."


def check(config_file: Path) -> tuple[int, Outcome]:
    """Build into a throwaway folder; the build's exit code and what it found."""
    with tempfile.TemporaryDirectory(prefix="vraioufaux-check-") as folder:
        outcome_file = Path(folder) / "outcome.json"
        env = {**build_environment(config_file), OUTCOME_VARIABLE: str(outcome_file)}
        # Not --quiet: it silences MkDocs' warnings, which strict mode then no longer counts.
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict",
             "--config-file", str(config_file), "--site-dir", str(Path(folder) / "site")],
            env=env, capture_output=True, text=True, check=False)
        outcome = read_outcome(outcome_file)
    if outcome is None:  # stopped before the plugin could say anything
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        outcome = Outcome([ContentError(str(config_file), None, "la construction a échoué : "
                                        + (lines[-1] if lines else "raison inconnue"),
                                        "ce fichier relève des développeurs")], 0, 0)
    elif result.returncode != 0 and not outcome.errors:
        outcome = Outcome([ContentError(None, None, "la construction a échoué : "
                                        + result.stderr.strip()[-500:])],
                          outcome.pages, outcome.articles)
    return result.returncode, outcome


def run(args: argparse.Namespace) -> int:
    if load_project(args.config_file) is None:  # says why, in French
        return 1
    code, outcome = check(args.config_file)
    if code == 0 and not outcome.errors:
        print(summary(outcome))
        return 0
    print_errors(outcome.errors)
    print(f"\n{summary(outcome)}", file=sys.stderr)
    return 1
