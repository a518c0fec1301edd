"""Hostile inputs against the sandbox, the YAML loader and the data validation.

Each file of ``tests/hostile/`` is what a stranger's pull request could put in an article body
(``templates/``, rendered as the body of an article whose front matter takes ten lines), in an
article's front matter (``front_matter/``) or in a data file (``data/``: ``sources-*`` become
``sources.yml``, ``parameters-*`` a parameter file). Every one must end in a located French
error, without a traceback, quickly: the time bound is only a guard against a hang.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from calculators.loading import load_data
from macros import sandbox
from macros.render import Renderer
from publication.model.frontmatter import split
from vocabulary.errors import ContentError, ContentErrors

HOSTILE = Path(__file__).parent / "hostile"
#: A hang guard, far above what any case takes (a few milliseconds each).
HANG_GUARD = 5.0
#: The lines before an article body in these tests (its front matter).
OFFSET = 10
ARTICLE = "content/mythes/piege.md"

LOOPS = "boucles trop longues\u00a0: plus de 10\u202f000 tours"
CONCAT = "texte assemblé par «\u202f~\u202f» de plus de 10\u202f000 caractères"
PERCENT = "mise en forme «\u202f%\u202f» d’un texte"
TOO_LONG = "expression trop longue\u00a0: plus de 256 éléments"
BRACKETS = "parenthèses ou crochets imbriqués sur plus de 16 niveaux"
BLOCKS = "blocs {% if %} ou {% for %} imbriqués sur plus de 16 niveaux"
FORBIDDEN = "opération interdite dans un article"
REFUSED = "article refusé"

#: Body file -> (line in the article, what the error says).
TEMPLATES = {
    "concat-in-nested-loops.md": (14, f"{FORBIDDEN} ({LOOPS})"),
    "concat-doubling.md": (15, f"{FORBIDDEN} ({CONCAT})"),
    "escape-growth.md": (13, f"{FORBIDDEN} ({CONCAT})"),
    "plus-on-strings.md": (13, f"{FORBIDDEN} (chaîne trop longue)"),
    "plus-in-a-loop.md": (14, f"{FORBIDDEN} (chaîne trop longue)"),
    "list-repetition.md": (13, f"{FORBIDDEN} (répétition trop longue)"),
    "percent-width.md": (13, f"{FORBIDDEN} ({PERCENT})"),
    "percent-star.md": (13, f"{FORBIDDEN} ({PERCENT})"),
    "three-nested-loops.md": (13, f"{FORBIDDEN} ({LOOPS})"),
    "iteration-over-repeated-string.md": (14, f"{FORBIDDEN} ({LOOPS})"),
    "deep-parentheses.md": (13, f"{REFUSED} ({BRACKETS})"),
    "long-filter-chain.md": (13, f"{REFUSED} ({TOO_LONG})"),
    "not-chain.md": (13, f"{REFUSED} ({TOO_LONG})"),
    "long-plus-chain.md": (13, f"{REFUSED} (expression imbriquée sur plus de 48 niveaux)"),
    "deep-blocks.md": (29, f"{REFUSED} ({BLOCKS})"),
    "set-blocks-nested.md": (29, f"{REFUSED} ({BLOCKS})"),
    "format-filter.md": (13, "filtre inconnu « format »"),
    "join-filter.md": (13, "filtre inconnu « join »"),
    "str-format-method.md": (13, f"{FORBIDDEN} (appel de fonction interdit)"),
    "figure-digits.md": (13, "«\u202fdigits\u202f» doit valoir au plus 12"),
    "long-integer.md": (13, f"{REFUSED} (nombre écrit avec des milliers de chiffres)"),
}

_ANCHOR = ("en-tête YAML invalide : un «\u202f&\u202f» en début de valeur fait une ancre YAML, "
           "interdite ici\u202f;")
#: Article file -> (line, what the error says).
FRONT_MATTER = {
    "alias-bomb.md": (5, _ANCHOR),
    "alias.md": (5, _ANCHOR),
    "python-tag.md": (5, "en-tête YAML invalide : une étiquette YAML «\u202f!…\u202f» refusée"),
    "deep-nesting.md": (5, "en-tête YAML invalide : listes ou blocs imbriqués sur plus de 32 "
                           "niveaux"),
}

_HTML = "contient «\u202f<\u202f»\u00a0: pas de balise HTML dans les données"
_SCHEME = "« url » : l’adresse doit commencer par «\u202fhttps://\u202f» ou «\u202fhttp://\u202f»"
_DOI = "« doi » : le DOI doit avoir la forme 10.1234/identifiant"
_YAML_ANCHOR = ("YAML invalide : un «\u202f&\u202f» en début de valeur fait une ancre YAML, "
                "interdite ici")
_CONTROL = "contient un caractère de contrôle invisible"
_TAG = "étiquette YAML refusée"
#: Data file -> every error it gets: (line, key or None, what the error says).
DATA = {
    "sources-url-schemes.yml": [(6, "script", _SCHEME), (12, "data_url", _SCHEME),
                                (18, "entity", _SCHEME), (24, "entity_start", _SCHEME),
                                (30, "protocol_relative", _SCHEME), (36, "relative", _SCHEME)],
    "sources-url-tricks.yml": [
        (6, "spaces", "« url » : l’adresse contient une espace"),
        (12, "quote", "« url » : l’adresse contient «\u202f\"\u202f»"),
        (18, "userinfo", "« url » : l’adresse contient «\u202f@\u202f» avant le nom du site"),
        (24, "newline", "« url » : l’adresse contient un caractère invisible (U+000A)"),
    ],
    "sources-doi.yml": [(6, "markup", _DOI), (12, "not_a_doi", _DOI)],
    "sources-html-text.yml": [(2, "html", f"«\u202fauthors\u202f» {_HTML}"),
                              (3, "html", f"«\u202ftitle\u202f» {_HTML}"),
                              (4, "html", f"«\u202fvenue\u202f» {_HTML}"),
                              (7, "html", f"«\u202fnote\u202f» {_HTML}"),
                              (8, "html", f"«\u202fcite_as\u202f» {_HTML}")],
    "sources-alias-bomb.yml": [(2, None, _YAML_ANCHOR)],
    "sources-impossible-date.yml": [
        (7, "ancienne", "«\u202fpublished\u202f»\u00a0: date impossible «\u202f2026-13-45\u202f»"),
    ],
    "parameters-html-text.yml": [(2, "gpt3_pue", f"«\u202flabel\u202f» {_HTML}"),
                                 (7, "gpt3_pue", f"«\u202flocator\u202f» {_CONTROL} (U+202E)"),
                                 (8, "gpt3_pue", f"«\u202fnote\u202f» {_HTML}")],
    "parameters-control-characters.yml": [
        (2, "gpt3_pue", f"«\u202flabel\u202f» {_CONTROL} (U+001B)"),
        (7, "gpt3_pue", f"«\u202flocator\u202f» {_CONTROL} (U+0000)"),
    ],
    "parameters-python-tag.yml": [
        (8, "gpt3_pue", f"«\u202fnote\u202f»\u00a0: {_TAG} «\u202f!!python/object/apply:os.system"),
    ],
    "parameters-binary.yml": [
        (2, "gpt3_pue", "«\u202flabel\u202f»\u00a0: donnée binaire illisible"),
    ],
    "parameters-alias.yml": [(3, None, _YAML_ANCHOR)],
    "parameters-huge-integer.yml": [
        (3, "gpt3_pue", "«\u202fvalue\u202f»\u00a0: nombre entier trop long"),
    ],
}

SOURCES = """\
patterson2021:
  authors: [David Patterson]
  title: Carbon Emissions and Large Neural Network Training
  venue: arXiv
  year: 2021
  doi: 10.48550/arXiv.2104.10350
"""


def timed(action: Callable[[], Any]) -> tuple[BaseException, float]:
    """The exception ``action`` raises, and how long it took to raise it."""
    start = time.perf_counter()
    try:
        action()
    except Exception as error:  # the test judges its type
        return error, time.perf_counter() - start
    pytest.fail("no error raised")


def assert_french_and_located(error: BaseException, file: str, line: int, gist: str) -> None:
    assert isinstance(error, ContentError), repr(error)
    assert (error.file, error.line) == (file, line), str(error)
    assert gist in error.message, str(error)
    assert "Traceback" not in str(error) and "Error" not in str(error)


def test_the_corpus_has_a_case_for_every_file() -> None:
    assert sorted(p.name for p in (HOSTILE / "templates").iterdir()) == sorted(TEMPLATES)
    assert sorted(p.name for p in (HOSTILE / "front_matter").iterdir()) == sorted(FRONT_MATTER)
    assert sorted(p.name for p in (HOSTILE / "data").iterdir()) == sorted(DATA)
    assert len(TEMPLATES) + len(FRONT_MATTER) + len(DATA) >= 30


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_a_hostile_body_gets_a_located_french_error(renderer: Renderer, name: str) -> None:
    line, gist = TEMPLATES[name]
    body = (HOSTILE / "templates" / name).read_text(encoding="utf-8")
    error, seconds = timed(lambda: renderer.render(body, file=ARTICLE, line_offset=OFFSET))
    assert_french_and_located(error, ARTICLE, line, gist)
    assert error.hint
    assert seconds < HANG_GUARD


@pytest.mark.parametrize("name", sorted(FRONT_MATTER))
def test_hostile_front_matter_gets_a_located_french_error(name: str) -> None:
    line, gist = FRONT_MATTER[name]
    text = (HOSTILE / "front_matter" / name).read_text(encoding="utf-8")
    error, seconds = timed(lambda: split(text, ARTICLE))
    assert_french_and_located(error, ARTICLE, line, gist)
    assert seconds < HANG_GUARD


def data_dir(tmp_path: Path, *names: str) -> Path:
    """A data folder holding the hostile files ``names``, with valid sources otherwise."""
    data = tmp_path / "data"
    (data / "parameters").mkdir(parents=True)
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    for name in names:
        target = data / ("sources.yml" if name.startswith("sources-") else f"parameters/{name}")
        shutil.copyfile(HOSTILE / "data" / name, target)
    return data


@pytest.mark.parametrize("name", sorted(DATA))
def test_a_hostile_data_file_gets_every_error_located_in_french(tmp_path: Path,
                                                                name: str) -> None:
    data = data_dir(tmp_path, name)
    error, seconds = timed(lambda: load_data(data, root=tmp_path))
    assert isinstance(error, ContentErrors), repr(error)
    display = "data/sources.yml" if name.startswith("sources-") else f"data/parameters/{name}"
    expected = DATA[name]
    assert len(error.errors) == len(expected), [str(e) for e in error.errors]
    for found, (line, key, gist) in zip(error.errors, expected, strict=True):
        assert (found.file, found.line, found.key) == (display, line, key), str(found)
        assert gist in str(found), str(found)
        assert "Traceback" not in str(found)
    assert seconds < HANG_GUARD


def test_the_errors_of_every_data_file_come_at_once(tmp_path: Path) -> None:
    data = data_dir(tmp_path, "parameters-html-text.yml")
    shutil.copyfile(HOSTILE / "data" / "parameters-alias.yml", data / "parameters" / "b.yml")
    with (data / "sources.yml").open("a", encoding="utf-8") as sources:
        sources.write((HOSTILE / "data" / "sources-doi.yml").read_text(encoding="utf-8"))
    error, _ = timed(lambda: load_data(data, root=tmp_path))
    assert isinstance(error, ContentErrors)
    files = {found.file for found in error.errors}
    assert files == {"data/sources.yml", "data/parameters/parameters-html-text.yml",
                     "data/parameters/b.yml"}
    assert len(error.errors) == 2 + 3 + 1


def test_a_template_larger_than_the_bound_is_refused_at_the_line_it_crosses(
        renderer: Renderer) -> None:
    body = "{{ param('gpt3_pue') | figure('times') }}\n" + "Du texte.\n" * 25_000
    error, seconds = timed(lambda: renderer.render(body, file=ARTICLE, line_offset=OFFSET))
    # The first line has 43 characters, the others 10: character 200 000 is on line 19 997.
    assert_french_and_located(error, ARTICLE, 19_997 + OFFSET,
                              "article refusé (article trop long\u00a0: plus de 200\u202f000 "
                              "caractères)")
    assert seconds < HANG_GUARD


@pytest.mark.parametrize("body", ["Texte.\n\n" + "{{" * 90_000, "{{ 'a' }}" + "{{" * 90_000])
def test_unclosed_expressions_are_refused_without_quadratic_work(renderer: Renderer,
                                                                  body: str) -> None:
    error, seconds = timed(lambda: renderer.render(body, file=ARTICLE, line_offset=OFFSET))
    assert isinstance(error, ContentError) and error.line is not None
    assert seconds < HANG_GUARD


def test_a_page_over_its_time_budget_is_stopped_in_its_loop(renderer: Renderer,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    monkeypatch.setattr(sandbox, "MAX_SECONDS", 0.0)
    body = "Texte.\n{% for c in 'abc' %}\n{{ c }}\n{% endfor %}\n"
    error, _ = timed(lambda: renderer.render(body, file=ARTICLE, line_offset=OFFSET))
    assert_french_and_located(error, ARTICLE, 12,
                              f"{FORBIDDEN} (la page met plus de 0 seconde à s’afficher)")


FRONT = (HOSTILE.parent / "publication" / "cli" / "bad_inputs" / "huge-power.md").read_text(
    encoding="utf-8")
FRONT = FRONT[:FRONT.index("---", 3) + 4]  # the corpus' valid front matter: 12 lines


@pytest.mark.parametrize(("name", "line", "gist"), [
    ("templates/deep-parentheses.md", 15, BRACKETS),
    ("templates/three-nested-loops.md", 15, LOOPS),
    ("front_matter/alias-bomb.md", 5, _ANCHOR),
])
def test_check_reports_a_hostile_article_once_at_its_line(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str], name: str,
        line: int, gist: str) -> None:
    from publication.__main__ import main

    text = (HOSTILE / name).read_text(encoding="utf-8")
    if name.startswith("templates/"):
        text = FRONT + text
    project = make_project({"mythes/piege.md": text}, keep_articles=False)
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    errors = [e for e in capsys.readouterr().err.splitlines() if e.startswith("content/")]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"content/mythes/piege.md:{line}: ") and gist in errors[0]


def test_check_reports_every_error_of_a_hostile_data_file(
        make_project: Callable[..., Path], capsys: pytest.CaptureFixture[str]) -> None:
    from publication.__main__ import main

    project = make_project(data=True)
    sources = project / "data" / "sources.yml"
    hostile = (HOSTILE / "data" / "sources-url-schemes.yml").read_text(encoding="utf-8")
    sources.write_text(sources.read_text(encoding="utf-8") + "\n" + hostile, encoding="utf-8")
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    errors = [e for e in capsys.readouterr().err.splitlines() if "«\u202furl\u202f»" in e]
    assert len(errors) == 6, errors
    assert all(e.startswith("data/sources.yml:") for e in errors), errors


def test_errors_quoting_hostile_input_carry_no_terminal_escape(renderer: Renderer,
                                                               tmp_path: Path) -> None:
    escape = "\x1b]0;pwned\x07\x1b[2J"
    error, _ = timed(lambda: renderer.render('{{ param("\\x1b]0;pwned\\x07\\x1b[2J") }}',
                                             file=ARTICLE))
    assert isinstance(error, ContentError) and escape in f"{error.key} {error.message}"
    assert "\x1b" not in str(error) and "\x07" not in str(error)
    assert "« \\u001b]0;pwned\\u0007\\u001b[2J »" in str(error)

    data = data_dir(tmp_path)
    (data / "parameters" / "a.yml").write_text('p:\n  "\\e[2J\\u202e": x\n', encoding="utf-8")
    error, _ = timed(lambda: load_data(data, root=tmp_path))
    assert isinstance(error, ContentErrors)
    shown = "\n".join(str(found) for found in error.errors)
    assert "\x1b" not in shown and "\u202e" not in shown and "\\u001b[2J\\u202e" in shown
