"""CONTRIBUTING.md stays true: its examples pass ``check``, its sections exist where hints say."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from publication.__main__ import main
from tests.helpers import GUIDE, ROOT, build, guide_example, soup


def check(project: Path, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["check", "--config-file", str(project / "mkdocs.yml")])
    output = capsys.readouterr()
    assert code == 0, output.err
    return output.out


def test_the_complete_example_passes_check(make_project: Callable[..., Path],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    example = guide_example("exemple-complet")
    project = make_project(articles={"mythes/entrainer-une-ia.md": example})
    articles = len(list((project / "content" / "mythes").glob("*.md")))
    assert f"dont {articles} articles" in check(project, capsys)


def test_the_source_and_parameter_examples_work(make_project: Callable[..., Path],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(data=True, articles={"mythes/parametres.md": guide_example(
        "exemple-complet").replace(
        "## Alors, verdict ?",
        'GPT-3 compte {{ param("gpt3_parameters") | figure("", long=True) }} de paramètres '
        '{{ cite("brown2020") }}. Une soirée dure '
        '{{ param("soiree_series_heures") | figure("hour", long=True) }}.'
        '\n\n## Alors, verdict ?')})
    data = project / "data"
    for path, name in ((data / "sources.yml", "exemple-source"),
                       (data / "parameters" / "chatgpt.yml", "exemple-parametre"),
                       (data / "parameters" / "chatgpt.yml", "exemple-hypothese")):
        path.write_text(path.read_text(encoding="utf-8") + "\n" + guide_example(name),
                        encoding="utf-8")
    check(project, capsys)


def test_the_calculation_example_loads(make_project: Callable[..., Path],
                                       capsys: pytest.CaptureFixture[str]) -> None:
    block = guide_example("exemple-calcul")
    assert block.startswith("gpt3_training_energy:\n")
    renamed = block.replace("gpt3_training_energy:", "gpt3_training_energy_exemple:", 1)
    article = guide_example("exemple-complet").replace(
        "## Alors, verdict ?",
        '{{ gpt3_training_energy_exemple() | figure("MWh") }}.\n\n## Alors, verdict ?')
    project = make_project(data=True, articles={"mythes/exemple-calcul.md": article})
    (project / "data" / "calculations" / "exemple.yml").write_text(renamed, encoding="utf-8")
    check(project, capsys)


def test_the_condition_example_loads_and_refuses_what_it_says(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    block = guide_example("exemple-condition")
    assert block.startswith("eu_years_to_parity:\n")
    renamed = block.replace("eu_years_to_parity:", "eu_years_to_parity_exemple:", 1)
    article = guide_example("exemple-complet").replace(
        "## Alors, verdict ?",
        '{{ eu_years_to_parity_exemple() | figure("year") }}.\n\n## Alors, verdict ?')
    project = make_project(data=True, articles={"mythes/exemple-condition.md": article})
    (project / "data" / "calculations" / "exemple.yml").write_text(renamed, encoding="utf-8")
    check(project, capsys)
    parameters = project / "data" / "parameters" / "women_in_tech.yml"
    text = parameters.read_text(encoding="utf-8")
    value = re.search(r"^women_share_ict_specialists_eu_2023:\n(?:  .*\n)*?  value: (.*)$",
                      text, re.M)
    assert value is not None
    parameters.write_text(text[:value.start(1)] + "0.6" + text[value.end(1):], encoding="utf-8")
    code = main(["check", "--config-file", str(project / "mkdocs.yml")])
    output = capsys.readouterr()
    assert code == 1
    assert "la parité est déjà atteinte en 2023" in output.err
    assert "condition « share(women_share_ict_specialists_eu_2023) < parite »" in output.err


def test_the_chart_example_passes_check_and_draws_a_chart(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    article = guide_example("exemple-complet").replace(
        "## Alors, verdict ?", guide_example("exemple-graphique") + "\n## Alors, verdict ?")
    project = make_project(articles={"mythes/graphique.md": article})
    check(project, capsys)
    page = soup(build(project) / "mythes" / "graphique" / "index.html")
    chart = page.select_one("figure.vf-chart--compare")
    assert chart is not None and chart.select_one("svg[role=img] title") is not None
    assert len(chart.select("table a.vf-fig")) == 2


def test_every_section_a_message_points_to_exists() -> None:
    headings = set(re.findall(r"^#+ (.+)$", GUIDE, re.M))
    sources = [p.read_text(encoding="utf-8")
               for folder in ("publication", "macros", "calculators")
               for p in (ROOT / folder).rglob("*.py")]
    pointed = {name for text in sources
               for name in re.findall(r"CONTRIBUTING\.md, « ([^»]+) »", text)}
    assert pointed and pointed <= headings, pointed - headings


def test_links_inside_the_guide_reach_a_heading() -> None:
    def anchor(heading: str) -> str:  # GitHub's: lower case, punctuation dropped, accents kept
        return re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-")

    anchors = {anchor(h) for h in re.findall(r"^#+ (.+)$", GUIDE, re.M)}
    links = set(re.findall(r"\]\(#([^)]+)\)", GUIDE))
    assert links and links <= anchors, links - anchors


def test_the_walk_through_publishes_a_myth_with_its_own_calculations(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    """The guide's « pas à pas »: three new calculations declared in YAML, new units named in
    the article, no Python file touched; check passes, and the built pages show each figure in
    French with its formula on the calcul page."""
    calculations = guide_example("exemple-mythe-calculs")
    article = guide_example("exemple-complet").replace(
        "## Alors, verdict ?", guide_example("exemple-mythe-article") + "\n## Alors, verdict ?")
    project = make_project(data=True, articles={"mythes/heures-de-chatgpt.md": article})
    (project / "data" / "calculations" / "heures-de-chatgpt.yml").write_text(
        calculations, encoding="utf-8")
    check(project, capsys)
    site = build(project)
    def plain(text: str) -> str:
        return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())

    page = soup(site / "mythes" / "heures-de-chatgpt" / "index.html")
    shown = {plain(a.get_text(" ")) for a in page.select("a.vf-fig")}
    assert any("millions de kilomètres" in text for text in shown), shown
    assert any("d’équivalent CO₂ par heure" in text for text in shown), shown
    assert any(" heures" in text for text in shown), shown
    calcul = plain(soup(site / "mythes" / "heures-de-chatgpt" / "calcul" / "index.html")
                   .get_text(" "))
    labels = re.findall(r"^  label: (.+)$", calculations, re.M)
    assert len(labels) == 3
    for label in labels:
        assert label[1:] in calcul, label


def test_the_assertion_example_checks_the_complete_examples_words(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    block = guide_example("exemple-affirmation")
    article = guide_example("exemple-complet").replace("\n---\n", "\n" + block + "---\n", 1)
    project = make_project(articles={"mythes/exemple.md": article})
    check(project, capsys)
    # Two weeks less a day, and the same words no longer hold.
    (project / "content" / "mythes" / "exemple.md").write_text(
        article.replace("at_least: 14", "at_least: 15"), encoding="utf-8")
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    assert "« pendant des semaines » : les chiffres ne le soutiennent plus" \
        in capsys.readouterr().err


def test_the_what_if_example_passes_check_and_places_a_hidden_box(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    article = guide_example("exemple-complet").replace(
        "## Alors, verdict ?", guide_example("exemple-et-si") + "\n## Alors, verdict ?")
    project = make_project(articles={"mythes/et-si.md": article})
    check(project, capsys)
    site = build(project)
    box = soup(site / "mythes" / "et-si" / "index.html").select_one("details.vf-whatif")
    assert box is not None and box.has_attr("hidden")
    assert box["data-vf-input"] == "queries_per_user_day_seed"
    graph = json.loads((site / "mythes" / "et-si" / "calcul" / "scenario.json").read_text())
    assert "queries_per_user_day_seed" in graph["in"]
