"""The corpus of bad inputs: each file of tests/bad_inputs/ gets a precise French error from
``python -m publication check``, at its file and line, and a non-zero exit.

Each case copies one file of the corpus into a copy of the project (as an article, in place of
the ChatGPT article unless said otherwise), runs ``check`` and compares every error it prints.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from publication.__main__ import main

CORPUS = Path(__file__).parent / "bad_inputs"
DATA_FILE = "data/parameters/chatgpt.yml"
CALCULATIONS_FILE = "data/calculations/chatgpt.yml"


@dataclass(frozen=True)
class Case:
    """A corpus file, where it goes under content/, a parameter to change, what check says.

    Each expected error is (file, line, gist); the parts of a gist separated by « … » must all
    be in the error. A line given as text is the line of the changed parameter's value.
    """

    source: str
    errors: list[tuple[str, int | str, str]]
    destination: str = ""  # under content/; by default mythes/<source>
    keep_articles: bool = False
    parameter: tuple[str, str] | None = None  # (id, new value) in the copied data

    @property
    def target(self) -> str:
        return self.destination or f"mythes/{self.source}"


def article(name: str) -> str:
    return f"content/mythes/{name}"


CASES = [
    Case("malformed-yaml.md", [(article("malformed-yaml.md"), 3,
                                "en-tête YAML invalide : un « : » inattendu ; mettez le texte "
                                "entre guillemets")]),
    Case("unclosed-front-matter.md", [(article("unclosed-front-matter.md"), 1,
                                       "l’en-tête n’est pas fermé")]),
    Case("missing-fields.md", [(article("missing-fields.md"), 1, "champ obligatoire « title »"),
                               (article("missing-fields.md"), 1,
                                "champ obligatoire « verdict »")]),
    Case("wrong-verdict.md", [(article("wrong-verdict.md"), 4,
                               "valeur « fausse » invalide ; valeurs possibles : vrai, "
                               "plutot-vrai, trompeur, plutot-faux, faux (vouliez-vous dire "
                               "« faux » ?)")]),
    Case("wrong-category.md", [(article("wrong-category.md"), 7,
                                "vouliez-vous dire « Technologie » ?")]),
    Case("bad-date.md", [(article("bad-date.md"), 5,
                          "« 2026-13-45 » n’est pas une date valide : écrivez AAAA-MM-JJ")]),
    Case("date-in-words.md", [(article("date-in-words.md"), 5,
                               "« le 28 novembre » n’est pas une date valide")]),
    Case("missing-image.md", [(article("missing-image.md"), 9,
                               "image de couverture introuvable : images/absente.svg")]),
    Case("cover-outside-content.md", [(article("cover-outside-content.md"), 9,
                                       "image de couverture introuvable : ../mkdocs.yml")]),
    Case("missing-alt.md", [(article("missing-alt.md"), 1,
                             "champ obligatoire « cover_alt » manquant")]),
    Case("empty-alt.md", [(article("empty-alt.md"), 10,
                           "« cover_alt » : doit être un texte non vide")]),
    Case("unknown-field.md", [(article("unknown-field.md"), 7,
                               "champ inconnu « titel »\n    → vouliez-vous dire « title » ?")]),
    Case("placeholder.md", [(article("placeholder.md"), 6,
                             "« author » : contient encore « À COMPLÉTER »"),
                            (article("placeholder.md"), 14,
                             "texte encore à compléter (« À COMPLÉTER »)")]),
    Case("unknown-cta.md", [(article("unknown-cta.md"), 7,
                             "appel à l’action inconnu « atelier-ia »")]),
    Case("unknown-based-on.md", [(article("unknown-based-on.md"), 7,
                                  "source inconnue « latitude_chatgpt »\n    → vouliez-vous "
                                  "dire « latitudes_chatgpt » ?")]),
    Case("duplicate-slug.md", [(article("chatgpt-magique.md"), 1,
                                "slug « chatgpt-magique » déjà pris par "
                                "content/mythes/archives/chatgpt-magique.md")],
         destination="mythes/archives/chatgpt-magique.md", keep_articles=True),
    Case("Mon Mythe.md", [(article("Mon Mythe.md"), 1,
                           "nom de fichier invalide « Mon Mythe.md » … → renommez le fichier, "
                           "par exemple mon-mythe.md")]),
    Case("jinja-syntax.md", [(article("jinja-syntax.md"), 16, "syntaxe Jinja invalide")]),
    Case("unknown-calculator.md", [(article("unknown-calculator.md"), 16,
                                    "nom inconnu « gpt3_training_energie »\n    → vouliez-vous "
                                    "dire « gpt3_training_energy » ?")]),
    Case("unknown-parameter.md", [(article("unknown-parameter.md"), 16,
                                   "« gpt3_puee » : paramètre inconnu\n    → vouliez-vous dire "
                                   "« gpt3_pue » ?")]),
    Case("unknown-source.md", [(article("unknown-source.md"), 16,
                                "« paterson2021 » : source inconnue\n    → vouliez-vous dire "
                                "« patterson2021 » ?")]),
    Case("unknown-filter.md", [(article("unknown-filter.md"), 16,
                                "filtre inconnu « figures »\n    → vouliez-vous dire "
                                "« figure » ?")]),
    Case("unit-mismatch.md", [(article("unit-mismatch.md"), 16,
                               "« gpt3_training_emissions » : impossible d’exprimer")]),
    # Every calculation is computed at load: one that fails is reported at its own line, and a
    # page using it says « calcul invalide ».
    Case("division-by-zero.md", [
        (CALCULATIONS_FILE, "entry of gpt3_training_flights",
         "« gpt3_training_flights » : avec les valeurs actuelles, le calcul échoue : division "
         "par zéro"),
        (CALCULATIONS_FILE, "entry of flight_paris_new_york_emissions",
         "la valeur publiée … vaut zéro : impossible de mesurer un écart relatif"),
        (article("division-by-zero.md"), 16, "« gpt3_training_flights » : calcul invalide")],
        parameter=("flight_paris_new_york_published", "0")),
    # A parameter refused in its data file is reported there, and where an article uses it.
    Case("negative-population.md", [(DATA_FILE, "value of chatgpt_daily_users_seed",
                                     "« chatgpt_daily_users_seed » : « value » : la valeur est "
                                     "négative"),
                                    (article("negative-population.md"), 16,
                                     "« chatgpt_daily_users_seed » : paramètre invalide")],
         parameter=("chatgpt_daily_users_seed", "-53000000")),
    Case("hard-coded-figure.md", [(article("hard-coded-figure.md"), 16,
                                   "chiffre écrit à la main : « 552 tonnes »")]),
    Case("hard-coded-percent.md", [(article("hard-coded-percent.md"), 18,
                                    "chiffre écrit à la main : « 1,5 % »")]),
    Case("hard-coded-in-description.md", [(article("hard-coded-in-description.md"), 8,
                                           "« description » : chiffre écrit à la main : "
                                           "« 550 t »")]),
    Case("typed-number-in-macro.md", [(article("typed-number-in-macro.md"), 16,
                                       "nombre écrit à la main dans l’article")]),
    Case("script.md", [(article("script.md"), 16, "balise HTML interdite <script>")]),
    Case("onerror.md", [(article("onerror.md"), 16, "attribut interdit « onerror » sur <img>")]),
    Case("iframe.md", [(article("iframe.md"), 16, "balise HTML interdite <iframe>")]),
    Case("style-attribute.md", [(article("style-attribute.md"), 16,
                                 "attribut « style » interdit sur <p>")]),
    Case("javascript-link.md", [(article("javascript-link.md"), 16,
                                 "adresse interdite « javascript:alert(1) »")]),
    Case("attr-list-handler.md", [(article("attr-list-handler.md"), 17,
                                   "attribut interdit « onclick »")]),
    Case("external-image.md", [(article("external-image.md"), 16,
                                "image chargée depuis un autre site")]),
    Case("autoescape-bypass.md", [(article("autoescape-bypass.md"), 16,
                                   "instruction « {% autoescape %} » interdite dans un article")]),
    Case("sandbox-escape.md", [(article("sandbox-escape.md"), 16,
                                "opération interdite dans un article")]),
    Case("sandbox-escape-globals.md", [(article("sandbox-escape-globals.md"), 16,
                                        "nom inconnu « cycler »")]),
    Case("huge-power.md", [(article("huge-power.md"), 16,
                            "opération interdite dans un article (nombre trop grand)")]),
    Case("enormous-output.md", [(article("enormous-output.md"), 16,
                                 "la page produit plus de 1\u202f000\u202f000 caractères")]),
    Case("empty.md", [(article("empty.md"), 1, "l’article est vide")]),
    Case("binary.md", [(article("binary.md"), 14, "fichier binaire : ce n’est pas un texte")]),
    Case("non-utf8.md", [(article("non-utf8.md"), 15, "le fichier n’est pas en UTF-8")]),
    Case("several-errors.md", [
        (article("several-errors.md"), 4, "valeur « fausse » invalide"),
        (article("several-errors.md"), 16, "chiffre écrit à la main : « 12 % »"),
        (article("several-errors.md"), 16, "« gpt3_puee » : paramètre inconnu"),
        (article("several-errors.md"), 18, "balise HTML interdite <script>"),
        (article("several-errors.md"), 20, "nom inconnu « gpt3_trainin_energy »"),
    ]),
]


def test_the_corpus_is_large_and_every_file_has_a_case() -> None:
    assert len(CASES) >= 25
    assert sorted(c.source for c in CASES) == sorted(p.name for p in CORPUS.iterdir())


def set_parameter(data_file: Path, key: str, value: str) -> int:
    """Change the value of parameter ``key``; return the line of its ``value:``."""
    lines = data_file.read_text(encoding="utf-8").split("\n")
    start = lines.index(f"{key}:")
    line = next(i for i in range(start, len(lines)) if lines[i].startswith("  value:"))
    lines[line] = f"  value: {value}"
    data_file.write_text("\n".join(lines), encoding="utf-8")
    return line + 1


def reported(output: str) -> list[str]:
    """The errors of a report, each with its hint: « file:line: message\\n    → hint »."""
    return re.findall(r"^\S[^\n]*:\d+: [^\n]*(?:\n    → [^\n]*)?", output, re.M)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.source)
def test_bad_input_gets_a_located_french_error(case: Case, make_project: Callable[..., Path],
                                               capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(keep_articles=case.keep_articles, data=case.parameter is not None)
    target = project / "content" / case.target
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes((CORPUS / case.source).read_bytes())
    value_line = None
    if case.parameter:
        value_line = set_parameter(project / DATA_FILE, *case.parameter)

    code = main(["check", "--config-file", str(project / "mkdocs.yml")])

    errors = reported(capsys.readouterr().err)
    assert code == 1
    assert len(errors) == len(case.errors), errors
    for file, line, gist in case.errors:
        if isinstance(line, str) and line.startswith("entry of "):
            entries = (project / file).read_text(encoding="utf-8").split("\n")
            line = entries.index(f"{line.removeprefix('entry of ')}:") + 1
        elif isinstance(line, str):
            line = value_line
        assert any(e.startswith(f"{file}:{line}: ") and all(part in e for part in gist.split(" … "))
                   for e in errors), (file, line, gist, errors)
