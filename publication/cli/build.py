"""``build``, the safe build: MkDocs builds into a fresh folder, which replaces ``site/`` only on
success.

A failed build therefore never touches the last good site. The swap is two renames in the same
folder, so readers of ``site/`` never see a half-written tree.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

#: Fixed so that two builds of one commit give identical files.
REPRODUCIBLE_ENV = {"PYTHONHASHSEED": "0", "NO_MKDOCS_2_WARNING": "1"}


def source_date_epoch(project: Path) -> str:
    """The build's date, which MkDocs writes in the sitemap (``lastmod``, gzip header).

    ``SOURCE_DATE_EPOCH`` when the caller sets it; else the time of the last commit, the same
    for every build of that commit; else 1970-01-01 (no git, or not a repository).
    """
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project,
                                capture_output=True, text=True, check=False)
    except OSError:
        return "0"
    stamp = result.stdout.strip()
    return stamp if result.returncode == 0 and stamp.isdigit() else "0"


def build_environment(config_file: Path) -> dict[str, str]:
    """The environment of a build (``site`` and ``check`` alike): reproducible, dated."""
    return {**os.environ, **REPRODUCIBLE_ENV,
            "SOURCE_DATE_EPOCH": source_date_epoch(config_file.resolve().parent)}


def build_site(config_file: Path, site_dir: Path, extra_args: list[str] | None = None) -> int:
    """Build with ``mkdocs build --strict`` into a temporary folder, then swap it in."""
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-new-", dir=site_dir.parent))
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
               "--config-file", str(config_file), "--site-dir", str(staging),
               *(extra_args or [])]
    env = build_environment(config_file)
    result = subprocess.run(command, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"\nÉchec de la construction : le site précédent ({site_dir.name}/) est intact.",
              file=sys.stderr)
        return result.returncode
    previous = None
    if site_dir.exists():
        previous = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-old-", dir=site_dir.parent))
        previous.rmdir()
        site_dir.rename(previous)
    staging.rename(site_dir)
    if previous:
        shutil.rmtree(previous, ignore_errors=True)
    print(f"Site construit dans {site_dir.name}/.")
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("build", help="construit le site (site/ n’est remplacé "
                                 "qu’en cas de succès)")
    parser.add_argument("--config-file", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.set_defaults(run=lambda args: build_site(args.config_file, args.site_dir))
