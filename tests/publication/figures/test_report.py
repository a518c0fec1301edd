"""The figures report and its diff: changing one parameter reports exactly its dependants."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from calculators import Catalog
from calculators.loading import DATA_DIR
from publication.figures.report import build_report, dump_report
from publication.pipeline import Publication, RenderedPage
from tests.helpers import ROOT

PROJECT_FILES = ("calculators", "macros", "publication", "vocabulary", "content",
                 "site_overrides", "mkdocs.yml")
DEPENDANTS_OF_QUERIES = {
    "queries_per_user_day_seed", "chatgpt_monthly_inference_emissions",
    "inference_to_training_ratio", "inference_time_to_match_training",
    "chatgpt_monthly_inference_emissions_published", "inference_to_training_ratio_published",
    "inference_time_to_match_training_published", "usage_growth_since_seed",
}

MONTHLY_BEFORE = "chatgpt_daily_inference_emissions × jours_dans_un_mois"
MONTHLY_AFTER = "jours_dans_un_mois × chatgpt_daily_inference_emissions"


def git(repository: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repository), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                        "PATH": "/usr/bin:/bin"})


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A git repository of the project with two commits: one parameter changes its value and
    its status (from hypothesis to primary), one formula the order of its operands."""
    repo = tmp_path_factory.mktemp("repo")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, repo / name)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "before")
    parameters = repo / "calculators" / "data" / "parameters" / "chatgpt.yml"
    text = parameters.read_text(encoding="utf-8")
    changed = text.replace("  value: 10\n  unit: query/user/day\n  status: hypothesis",
                           "  value: 20\n  unit: query/user/day\n  status: primary")
    assert changed != text
    parameters.write_text(changed, encoding="utf-8")
    calculations = repo / "calculators" / "data" / "calculations" / "chatgpt.yml"
    text = calculations.read_text(encoding="utf-8")
    changed = text.replace(f"formula: {MONTHLY_BEFORE}\n", f"formula: {MONTHLY_AFTER}\n")
    assert changed != text
    calculations.write_text(changed, encoding="utf-8")
    git(repo, "commit", "-qam", "after")
    return repo


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "publication", *args], cwd=repo,
                          capture_output=True, text=True, check=False)


def test_figures_command_writes_every_published_figure(repository: Path) -> None:
    result = run(repository, "figures", "--output", "-")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    monthly = next(f for f in report["figures"]
                   if f["figure"] == "chatgpt_monthly_inference_emissions")
    assert monthly["article"] == "mythes/chatgpt-magique.md"
    assert monthly["value"] == pytest.approx(50_880)  # the working tree is the second commit
    assert monthly["unit"] == "tCO2e"
    assert {i["id"] for i in monthly["inputs"]} >= {
        "chatgpt_daily_users_seed", "queries_per_user_day_seed", "emissions_per_query_seed"}
    assert all(i.get("source") for i in monthly["inputs"] if i["status"] != "convention")
    lines = [line for line in result.stdout.splitlines() if '"article":' in line]
    assert len(lines) == len(report["figures"]), "one line per figure, for readable diffs"
    assert all(json.loads(line.rstrip(","))["figure"] for line in lines)


def test_diff_of_two_revisions_lists_exactly_the_dependent_figures(repository: Path) -> None:
    result = run(repository, "figures-diff", "HEAD~1", "HEAD")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:3] == ["## Chiffres publiés et formules", "",
                         "8 chiffres publiés changent, 1 formule modifiée."]
    rows = [line for line in lines if line.startswith("| `mythes/")]
    assert {re.search(r"\(`(\w+)`\) \|", row)[1] for row in rows} == DEPENDANTS_OF_QUERIES
    monthly = next(r for r in rows if "(`chatgpt_monthly_inference_emissions`) |" in r)
    assert ("| émissions mensuelles de l’utilisation de ChatGPT "
            "(`chatgpt_monthly_inference_emissions`) | 25\u202f440\u202ft CO₂e (hypothèse) | "
            "50\u202f880\u202ft CO₂e (hypothèse) |") in monthly
    assert ("requêtes par utilisateur et par jour (`queries_per_user_day_seed`)\u00a0: "
            "10\u00a0requêtes par utilisateur et par jour → 20\u00a0requêtes par utilisateur et "
            "par jour\u202f; statut\u00a0: hypothèse → source primaire") in monthly
    assert "chatgpt_daily_users_seed" not in monthly
    assert "| formule modifiée (voir «\u202fFormules\u202f»)<br>" in monthly
    parameter = next(r for r in rows if "| requêtes par utilisateur et par jour (`" in r)
    assert parameter.count("statut") == 1, "a parameter's own status is said once"
    formula = next(line for line in lines if line.startswith("| émissions mensuelles"))
    assert formula.endswith(f"| formule | `{MONTHLY_BEFORE}` (en t CO₂e) | "
                            f"`{MONTHLY_AFTER}` (en t CO₂e) |")


def test_diff_of_identical_revisions_says_so(repository: Path) -> None:
    result = run(repository, "figures-diff", "HEAD", "HEAD")
    assert result.stdout == "## Chiffres publiés et formules\n\nAucun chiffre publié ne change.\n"


def test_unknown_revision_is_a_french_error(repository: Path) -> None:
    result = run(repository, "figures-diff", "nulle-part")
    assert result.returncode == 1
    assert "révision git introuvable : nulle-part" in result.stderr


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog.load(DATA_DIR)


@pytest.fixture(scope="module")
def pages() -> list[RenderedPage]:
    publication = Publication(ROOT / "content", "mythes", {}, ROOT, DATA_DIR)
    for src_uri in ("mythes/chatgpt-magique.md", "mythes/fake-news.md", "index.md"):
        assert publication.render_page(src_uri, (ROOT / "content" / src_uri).read_text()), \
            publication.errors
    return list(publication.pages.values())


def fresh(pages: list[RenderedPage]) -> list[RenderedPage]:
    """The same pages without the report work kept on them."""
    return [RenderedPage(p.src_uri, p.rendered, p.article) for p in pages]


def test_the_report_text_reads_back_as_the_report(pages: list[RenderedPage],
                                                  catalog: Catalog) -> None:
    report = build_report(fresh(pages), catalog)
    assert json.loads(dump_report(fresh(pages), catalog)) == report
    assert len(report["figures"]) > 2 and report["version"] == 2


def test_a_report_without_figures_is_valid_json() -> None:
    assert json.loads(dump_report([], Catalog({}, {}))) == {
        "calculations": [], "conventions": [], "figures": [], "version": 2}


def test_the_report_names_figures_and_lists_formulas(pages: list[RenderedPage],
                                                  catalog: Catalog) -> None:
    """Version 2: French labels on figures and inputs, the calculations and conventions."""
    report = build_report(fresh(pages), catalog)
    monthly = next(f for f in report["figures"]
                   if f["figure"] == "chatgpt_monthly_inference_emissions")
    assert monthly["label"] == catalog.calculations[monthly["figure"]].label
    queries = next(i for i in monthly["inputs"] if i["id"] == "queries_per_user_day_seed")
    assert queries["label"] == catalog.parameters["queries_per_user_day_seed"].label
    calculations = {c["id"]: c for c in report["calculations"]}
    assert calculations["gpt3_training_emissions"] == {
        "id": "gpt3_training_emissions", "label": "émissions de l’entraînement de GPT-3 "
        "(électricité seule)", "formula": "gpt3_training_energy × us_grid_intensity",
        "unit": "tCO2e"}
    assert [c["id"] for c in report["calculations"]] == sorted(calculations)
    conventions = {c["id"]: c for c in report["conventions"]}
    assert conventions["jours_par_semaine"] == {
        "id": "jours_par_semaine", "label": "jours par semaine", "value": 7, "unit": "day/week"}


def test_the_report_text_is_deterministic(pages: list[RenderedPage], catalog: Catalog) -> None:
    """``figures.json`` is published: the same pages and catalog give the same bytes, one
    calculation or convention per line."""
    text = dump_report(fresh(pages), catalog)
    assert dump_report(fresh(list(reversed(pages))), catalog) == text
    lines = text.splitlines()
    assert sum(1 for line in lines if line.startswith('{"formula":')) == \
        len(catalog.calculations)


def test_each_page_keeps_its_report_lines(pages: list[RenderedPage], catalog: Catalog) -> None:
    """A page carried over by the preview is not encoded again; a page rendered again is."""
    first = fresh(pages)
    text = dump_report(first, catalog)
    kept = first[0].report_lines
    assert kept is not None and all(line in text for line in kept)
    again = [first[0], *fresh(pages[1:])]
    assert dump_report(again, catalog) == text
    assert again[0].report_lines is kept
    assert again[1].report_lines is not first[1].report_lines
