"""The reviewers' view of a figures diff: French labels, hypotheses, status changes, formulas,
version-1 reports and escaped cells. Reports are built by hand: no corpus, no git."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from publication.figures.diff import diff_reports
from publication.figures.legacy import completed
from publication.figures.summary import NO_CHANGE, markdown
from vocabulary.french import NARROW_NBSP, NBSP

MONTHLY = "émissions mensuelles de l’inférence"


def parameter(key: str, value: float, status: str = "primary", **more: Any) -> dict[str, Any]:
    return {"id": key, "label": "requêtes par utilisateur et par jour", "value": value,
            "low": value, "high": value, "unit": "query/d/user", "status": status,
            "source": "latitudes", **more}


def figure(value: float, *inputs: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"article": "mythes/chatgpt.md", "figure": "monthly", "label": MONTHLY,
            "value": value, "low": value, "high": value, "unit": "tCO2e", "status": "derived",
            "formula": "requêtes × jours", "inputs": list(inputs), **more}


def report(*figures: dict[str, Any], calculations: tuple[dict[str, Any], ...] = (),
           conventions: tuple[dict[str, Any], ...] = ()) -> dict[str, Any]:
    return {"calculations": list(calculations), "conventions": list(conventions),
            "figures": list(figures), "version": 2}


def calculation(key: str, formula: str, unit: str = "tCO2e", label: str = "un calcul"
                ) -> dict[str, Any]:
    return {"id": key, "label": label, "formula": formula, "unit": unit}


def rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| `")]


def cells(row: str) -> list[str]:
    """A table row's cells, split as GitHub splits them: at pipes no backslash escapes."""
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_figures_and_inputs_are_shown_by_their_french_label_with_their_id() -> None:
    before = report(figure(25_440, parameter("queries", 10)))
    after = report(figure(50_880, parameter("queries", 20)))
    [row] = rows(markdown(diff_reports(before, after)))
    article, name, old, new, causes = cells(row)
    assert article == "`mythes/chatgpt.md`"
    assert name == f"{MONTHLY} (`monthly`)"
    assert old == f"25{NARROW_NBSP}440{NARROW_NBSP}t CO₂e"
    assert new == f"50{NARROW_NBSP}880{NARROW_NBSP}t CO₂e"
    assert causes == (f"requêtes par utilisateur et par jour (`queries`){NBSP}: 10{NBSP}requêtes "
                      f"par utilisateur et par jour → 20{NBSP}requêtes par utilisateur et par "
                      "jour")


def test_values_use_a_decimal_comma_and_show_their_range() -> None:
    after = figure(1.5, low=0.25, high=2)
    [row] = rows(markdown(diff_reports(report(figure(1.25)), report(after))))
    assert cells(row)[2:4] == [f"1,25{NARROW_NBSP}t CO₂e",
                               f"1,5{NARROW_NBSP}t CO₂e (entre 0,25 et 2)"]


def test_a_figure_resting_on_a_hypothesis_is_marked() -> None:
    before = report(figure(1, parameter("queries", 10, "hypothesis")))
    after = report(figure(2, parameter("queries", 20, "hypothesis")))
    [row] = rows(markdown(diff_reports(before, after)))
    assert cells(row)[2:4] == [f"1{NARROW_NBSP}t CO₂e (hypothèse)",
                               f"2{NARROW_NBSP}t CO₂e (hypothèse)"]
    assert cells(row)[4].startswith("requêtes par utilisateur et par jour (`queries`) "
                                    f"(hypothèse){NBSP}:")
    sourced = rows(markdown(diff_reports(report(figure(1, parameter("q", 1))),
                                         report(figure(2, parameter("q", 2))))))
    assert "hypothèse" not in sourced[0]


def test_a_status_change_is_said_in_french() -> None:
    before = report(figure(1, parameter("queries", 10, "hypothesis")))
    after = report(figure(1, parameter("queries", 10, "primary", source="openai2025")))
    [row] = rows(markdown(diff_reports(before, after)))
    old, new, causes = cells(row)[2:5]
    assert (old, new) == (f"1{NARROW_NBSP}t CO₂e (hypothèse)", f"1{NARROW_NBSP}t CO₂e"), \
        "the figure no longer rests on a hypothesis"
    assert causes.startswith(f"requêtes par utilisateur et par jour (`queries`){NBSP}:")
    assert f"statut{NBSP}: hypothèse → source primaire" in causes
    assert f"source{NBSP}: `latitudes` → `openai2025`" in causes
    assert "→ 10" not in causes, "the value did not change"


def test_added_and_removed_figures_and_inputs() -> None:
    before = report(figure(1, parameter("old", 1)), {**figure(4), "figure": "gone"})
    after = report(figure(1, parameter("new", 2)),
                   {**figure(3, parameter("new", 2)), "figure": "other"})
    table = markdown(diff_reports(before, after))
    gone, monthly, other = rows(table)
    assert f"(`new`){NBSP}: ajouté (2{NBSP}requêtes par" in cells(monthly)[4]
    assert f"(`old`){NBSP}: retiré (valait 1{NBSP}requête par" in cells(monthly)[4]
    assert cells(other)[2:5] == ["—", f"3{NARROW_NBSP}t CO₂e", "chiffre ajouté"]
    assert cells(gone)[2:5] == [f"4{NARROW_NBSP}t CO₂e", "—", "chiffre retiré"]


def test_formulas_added_changed_and_removed_show_both_texts() -> None:
    before = report(calculations=(calculation("kept", "a × b"), calculation("gone", "a ÷ b"),
                                  calculation("renamed", "a", label="ancien nom")))
    after = report(calculations=(calculation("kept", "b × a", unit="kgCO2e"),
                                 calculation("new", "a + b", unit=""),
                                 calculation("renamed", "a", label="nouveau nom")))
    table = markdown(diff_reports(before, after))
    assert table.splitlines()[2] == ("Aucun chiffre publié ne change, 1 formule ajoutée, "
                                     "2 formules modifiées, 1 formule retirée.")
    assert "### Formules (4)" in table
    by_id = {re.search(r"\(`(\w+)`\)", row)[1]: cells(row) for row in table.splitlines()
             if row.startswith("| ") and "`)" in row}
    assert by_id["kept"][1:] == ["formule, unité", "`a × b` (en t CO₂e)", "`b × a` (en kg CO₂e)"]
    assert by_id["new"][1:] == ["ajoutée", "—", "`a + b` (sans unité)"]
    assert by_id["gone"][1:] == ["retirée", "`a ÷ b` (en t CO₂e)", "—"]
    assert by_id["renamed"][0] == "nouveau nom (`renamed`)"
    assert by_id["renamed"][1] == (f"libellé{NBSP}: «{NARROW_NBSP}ancien nom{NARROW_NBSP}» → "
                                   f"«{NARROW_NBSP}nouveau nom{NARROW_NBSP}»")


def test_changed_conventions_and_the_summary_of_everything() -> None:
    before = report(figure(1), calculations=(calculation("c", "a"),),
                    conventions=({"id": "jours", "label": "jours dans un mois", "value": 30,
                                  "unit": "day"},))
    after = report(figure(2), calculations=(calculation("c", "a × a"),),
                   conventions=({"id": "jours", "label": "jours dans un mois", "value": 31,
                                 "unit": "day"},))
    table = markdown(diff_reports(before, after))
    assert table.splitlines()[:3] == ["## Chiffres publiés et formules", "",
                                      "1 chiffre publié change, 1 formule modifiée, "
                                      "1 convention modifiée."]
    assert "### Chiffres publiés modifiés (1)" in table and "### Conventions (1)" in table
    row = next(line for line in table.splitlines() if "(`jours`)" in line)
    assert cells(row) == ["jours dans un mois (`jours`)", "valeur", f"30{NARROW_NBSP}j",
                          f"31{NARROW_NBSP}j"]


def test_identical_reports_say_so() -> None:
    same = report(figure(1, parameter("q", 1)), calculations=(calculation("c", "a"),))
    assert markdown(diff_reports(same, same)) == NO_CHANGE


def version_1(new: dict[str, Any]) -> dict[str, Any]:
    """``new`` as a report written before labels, calculations and conventions."""
    def bare(record: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in record.items() if k != "label"}
    return {"figures": [{**bare(f), "inputs": [bare(i) for i in f["inputs"]]}
                        for f in new["figures"]], "version": 1}


def test_a_version_1_base_takes_labels_from_the_head_and_compares_no_formula() -> None:
    before = version_1(report(figure(1, parameter("queries", 10))))
    after = report(figure(2, parameter("queries", 20)),
                   calculations=(calculation("monthly", "a × b"),))
    table = markdown(diff_reports(before, after))
    [row] = rows(table)
    assert cells(row)[1] == f"{MONTHLY} (`monthly`)"
    assert "libellé" not in row, "a label missing from the base is not a changed label"
    assert table.splitlines()[2] == "1 chiffre publié change."
    assert f"Formules non comparées{NBSP}: une des deux révisions ne les décrit pas." in table
    unchanged = markdown(diff_reports(version_1(after), after)).splitlines()
    assert unchanged[2] == "Aucun chiffre publié ne change."
    assert unchanged[4].startswith("Formules non comparées"), unchanged


def test_a_version_1_base_reads_its_formulas_from_its_data_files(tmp_path: Path) -> None:
    data = tmp_path / "calculators" / "data"
    (data / "calculations").mkdir(parents=True)
    (data / "calculations" / "chatgpt.yml").write_text(
        "monthly:\n  label: émissions mensuelles\n  formula: a × b\n  unit: tCO2e\n",
        encoding="utf-8")
    (data / "conventions.yml").write_text(
        "jours:\n  label: jours dans un mois\n  value: 30\n  unit: day\n", encoding="utf-8")
    before = completed(version_1(report(figure(1))), tmp_path)
    assert before["calculations"] == [calculation("monthly", "a × b",
                                                  label="émissions mensuelles")]
    after = report(figure(1), calculations=(calculation("monthly", "b × a",
                                                        label="émissions mensuelles"),),
                   conventions=({"id": "jours", "label": "jours dans un mois", "value": 30.0,
                                 "unit": "day"},))
    table = markdown(diff_reports(before, after))
    assert table.splitlines()[2] == "Aucun chiffre publié ne change, 1 formule modifiée."
    assert "| `a × b` (en t CO₂e) | `b × a` (en t CO₂e) |" in table
    assert "Conventions" not in table


def test_a_revision_without_calculations_as_data_stays_without(tmp_path: Path) -> None:
    old = version_1(report(figure(1)))
    assert completed(old, tmp_path) == old
    assert completed(report(figure(1)), tmp_path) == report(figure(1))


def test_labels_get_french_spacing() -> None:
    label = "multiplicateur « cycle de vie » : vrai ?"
    [row] = rows(markdown(diff_reports(report(figure(1, label=label)),
                                       report(figure(2, label=label)))))
    assert cells(row)[1] == (f"multiplicateur «{NARROW_NBSP}cycle de vie{NARROW_NBSP}»{NBSP}: "
                             f"vrai{NARROW_NBSP}? (`monthly`)")


def test_cells_are_escaped() -> None:
    """Labels come from pull requests: a pipe, a line break, HTML, a link or a backtick stays
    text inside its cell."""
    hostile = "a | b\nc <img src=x> [lien](http://x) `code` $x$"
    before = report(figure(1, parameter("q", 1, label=hostile)), calculations=(
        calculation("c", "a | b ` c", label=hostile),))
    after = report(figure(2, parameter("q", 2, label=hostile), label=hostile),
                   calculations=(calculation("c", "a | b ` d", label=hostile),))
    table = markdown(diff_reports(before, after))
    table_rows = [line for line in table.splitlines() if line.startswith("|")]
    assert len(table_rows) == 6, "a label's line break must not end its row"
    assert [len(cells(row)) for row in table_rows] == [5, 5, 5, 4, 4, 4]
    assert not re.search(r"(?<!\\)[<>]", table.replace("<br>", "")), "no HTML but ours"
    assert not re.search(r"(?<!\\)\]\(", table), "no link"
    assert "\\<img src=x\\> \\[lien\\](http://x) \\`code\\` \\$x\\$" in table
    assert "a \\| b \\` d" not in table
    assert "``a \\| b ` d``" in table, "a code span longer than the backticks it holds"
