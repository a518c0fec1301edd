"""The folder tree is the architecture: imports run one way, and only ``publication.site`` talks
to MkDocs' plugin and structure APIs. Read from the source with ``ast``, so a new module is
checked the day it is added."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

#: Each room, and the rooms of the project it may import (itself always allowed). The most
#: specific prefix of a module's name decides.
ALLOWED: dict[str, set[str]] = {
    "publication": set(),  # its __init__ only: a docstring
    "vocabulary": set(),
    "calculators": {"vocabulary"},
    "charts": {"vocabulary"},
    "macros": {"vocabulary", "calculators", "charts"},
    "publication.model": {"vocabulary", "calculators"},
    "publication.checks": {"vocabulary", "calculators", "macros", "publication.model"},
    "publication.views": {"vocabulary", "calculators", "macros", "publication.model"},
    "publication.pipeline": {"vocabulary", "calculators", "macros", "publication.model",
                             "publication.checks", "publication.views"},
    "publication.search": {"vocabulary", "calculators", "publication.views"},
    "publication.cards": {"vocabulary", "publication.model"},
    "publication.settings": {"publication.views"},
    "publication.project": {"vocabulary", "calculators", "publication.model",
                            "publication.pipeline", "publication.settings"},
    "publication.outcome": {"vocabulary"},
    "publication.figures": {"vocabulary", "calculators", "macros", "publication.model",
                            "publication.pipeline"},
    "publication.site": {"vocabulary", "calculators", "macros", "publication.model",
                         "publication.checks", "publication.views", "publication.pipeline",
                         "publication.search", "publication.figures", "publication.settings",
                         "publication.project", "publication.outcome", "publication.cards"},
    "publication.cli": {"vocabulary", "calculators", "macros", "publication.model",
                        "publication.checks", "publication.views", "publication.pipeline",
                        "publication.search", "publication.figures", "publication.settings",
                        "publication.project", "publication.outcome"},
    "publication.__main__": {"publication.cli"},
}
FIRST_PARTY = ("vocabulary", "calculators", "charts", "macros", "publication")
#: MkDocs' APIs for plugins and pages; its ``config`` API (``Config`` classes) is for anyone.
MKDOCS_SITE_APIS = ("mkdocs.plugins", "mkdocs.structure", "mkdocs.commands", "mkdocs.utils",
                    "mkdocs.exceptions", "mkdocs.livereload", "mkdocs.config.defaults")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0 or path.name == "__init__.py" or node.module is None or \
                not node.module.startswith(FIRST_PARTY), "absolute imports between rooms"
            base = module_name(path).rsplit(".", node.level)[0] if node.level else ""
            module = ".".join(p for p in (base, node.module or "") if p)
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def room(module: str) -> str | None:
    """The most specific room of ``ALLOWED`` that holds ``module``."""
    matches = [r for r in ALLOWED if module == r or module.startswith(r + ".")]
    return max(matches, key=len) if matches else None


SOURCES = sorted(p for package in FIRST_PARTY for p in (ROOT / package).rglob("*.py"))


def test_every_module_belongs_to_a_room() -> None:
    assert [str(p) for p in SOURCES if room(module_name(p)) is None] == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_imports_run_one_way(path: Path) -> None:
    own = room(module_name(path))
    assert own is not None
    allowed = ALLOWED[own] | {own}
    upward = sorted(
        name for name in imports(path)
        if name.startswith(FIRST_PARTY) and (target := room(name)) is not None
        and target not in allowed and not any(target.startswith(a + ".") for a in allowed)
    )
    assert upward == [], f"{module_name(path)} may not import {upward}"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: module_name(p))
def test_only_the_site_adapter_uses_mkdocs_plugin_apis(path: Path) -> None:
    if room(module_name(path)) == "publication.site":
        return
    used = sorted(n for n in imports(path) if n.startswith(MKDOCS_SITE_APIS))
    assert used == [], f"{module_name(path)} uses {used}"


def test_every_package_says_what_it_holds_and_may_import() -> None:
    for init in (ROOT / p / "__init__.py" for p in (
            "vocabulary", "charts", "publication/model", "publication/checks", "publication/views",
            "publication/search", "publication/figures", "publication/site", "publication/cli",
            "publication/cards")):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "import" in doc, f"{init.relative_to(ROOT)}: say what it may import"


#: What a command that needs no build must not load: our MkDocs adapter, MkDocs' pages and
#: builder. (``mkdocs.plugins`` itself comes with MkDocs' ``Config`` classes.)
PROBE = """
import sys
from publication.cli import main
code = main(sys.argv[1:])
loaded = sorted(m for m in sys.modules if m.startswith("publication.site") or m in {
    "mkdocs.structure.pages", "mkdocs.commands.build"})
print("LOADED", loaded)
sys.exit(code)
"""


@pytest.mark.parametrize("command", [["calculators"], ["figures", "--output", "-"],
                                     ["freshness"], ["new", "Le test, c’est utile ?"]])
def test_commands_that_need_no_build_never_load_the_plugin(command: list[str],
                                                           tmp_path: Path) -> None:
    config = ROOT / "mkdocs.yml"
    if command[0] == "new":  # writes a file: into a copy of the configuration and content
        (tmp_path / "content").mkdir()
        (tmp_path / "mkdocs.yml").write_text(config.read_text(encoding="utf-8"),
                                             encoding="utf-8")
        config = tmp_path / "mkdocs.yml"
    result = subprocess.run([sys.executable, "-c", PROBE, *command, "--config-file", str(config)],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "LOADED []" in result.stdout
