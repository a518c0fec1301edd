"""Doubled qualifiers: a rounding word next to a figure that already shows one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import Catalog
from macros.render import Renderer
from macros.toolbox import Toolbox
from publication.checks.qualifiers import doubled_qualifiers
from publication.pipeline import Publication
from tests.helpers import ROOT

NNBSP = "\u202f"
#: 1 287 MWh: three digits round it (« environ 1 290 MWh »), four show it exactly.
FIGURE = "param('gpt3_training_energy_published') | figure('MWh'{options})"
HINT = ("le chiffre dit déjà « {} » : supprimez le mot {} lui ; l’arrondi du chiffre "
        "choisit lui-même « environ », « plus de » ou « moins de »")


@pytest.fixture(scope="module")
def renderer(catalog: Catalog) -> Renderer:
    """One renderer for the module, as a build keeps one for every page (Hypothesis reuses it)."""
    return Renderer(Toolbox(catalog))


def rendered(renderer: Renderer, body: str, **options: object) -> str:
    """``body`` rendered, ``{x}`` standing for the figure with ``options``."""
    extra = "".join(f", {k}={v!r}" for k, v in options.items())
    return renderer.render(body.replace("{x}", "{{ " + FIGURE.format(options=extra) + " }}"),
                           file="x.md").text


@pytest.mark.parametrize(("body", "seen"), [
    ("Il faut environ {x}.", "environ environ 1 290 MWh"),
    ("Environ {x} par an.", "Environ environ 1 290 MWh"),
    ("soit plus de {x}", "plus de environ 1 290 MWh"),
    ("moins de {x}", "moins de environ 1 290 MWh"),
    ("près de {x}", "près de environ 1 290 MWh"),
    ("près d’{x}", "près d’environ 1 290 MWh"),
    ("quelque {x}", "quelque environ 1 290 MWh"),
    ("presque **{x}**", "presque environ 1 290 MWh"),
    ("au moins {x}", "au moins environ 1 290 MWh"),
    ("au&nbsp;plus {x}", "au plus environ 1 290 MWh"),
    ("à peu près {x}", "à peu près environ 1 290 MWh"),
])
def test_a_rounding_word_before_a_rounded_figure_is_flagged(renderer: Renderer, body: str,
                                                           seen: str) -> None:
    [error] = doubled_qualifiers(rendered(renderer, body))
    assert (error.file, error.line) == (None, 1)
    assert error.message == f"qualificatif en double : « {seen} »"
    assert error.hint == HINT.format("environ", "avant")


@pytest.mark.parametrize(("rounding", "qualifier"), [("down", "plus de"), ("up", "moins de")])
def test_the_hint_names_the_figures_own_word(renderer: Renderer, rounding: str,
                                             qualifier: str) -> None:
    [error] = doubled_qualifiers(rendered(renderer, "environ {x}", rounding=rounding, digits=2))
    assert error.hint == HINT.format(qualifier, "avant")


def test_a_rounding_word_after_a_rounded_figure_is_flagged(renderer: Renderer) -> None:
    [error] = doubled_qualifiers(rendered(renderer, "Un.\nsoit {x}\nenviron, dit-on."))
    assert error.line == 3
    assert error.message == "qualificatif en double : « environ 1 290 MWh environ »"
    assert error.hint == HINT.format("environ", "après")


@pytest.mark.parametrize("body", [
    "environ {x}",  # exact: « 1 287 MWh » has no qualifier of its own
    "{x} environ",
])
def test_an_exact_figure_takes_any_word(renderer: Renderer, body: str) -> None:
    text = rendered(renderer, body, digits=4)
    assert f"1{NNBSP}287" in text
    assert doubled_qualifiers(text) == []


@pytest.mark.parametrize("body", [
    "quelques {x}", "l’environ {x}", "environ deux fois {x}", "Il en faut environ.\n\n{x}",
    "{x} dans notre environnement", "{x}, environ", "`environ` {x}x",
])
def test_other_words_next_to_a_rounded_figure_are_allowed(renderer: Renderer,
                                                          body: str) -> None:
    assert doubled_qualifiers(rendered(renderer, body)) == []


@given(word=st.sampled_from(["environ", "plus de", "moins de", "près de", "quelque", "presque",
                             "au moins", "au plus"]),
       space=st.sampled_from([" ", "\u00a0", "\n", "  ", "&nbsp;"]),
       rounding=st.sampled_from(["nearest", "down", "up"]),
       lines=st.integers(min_value=0, max_value=5))
def test_every_rounding_word_is_found_at_its_line(renderer: Renderer, word: str, space: str,
                                                 rounding: str, lines: int) -> None:
    body = "Texte.\n" * lines + word.replace(" ", space) + space + "{x}."
    [error] = doubled_qualifiers(rendered(renderer, body, rounding=rounding, digits=2))
    assert error.line == lines + 1


def test_the_page_is_reported_at_the_source_line(tmp_path: Path) -> None:
    publication = Publication(tmp_path, "mythes", {}, ROOT, ROOT / "calculators" / "data")
    text = ("---\ntitle: Notre méthode\n---\nUn.\n\nIl faut environ {{ "
            + FIGURE.format(options="") + " }}.\n")
    assert publication.render_page("methode.md", text) is not None
    [error] = publication.errors
    assert (error.file, error.line) == (str(tmp_path / "methode.md"), 6)
    assert error.message == "qualificatif en double : « environ environ 1 290 MWh »"


@pytest.mark.parametrize("unit", [
    "quelques <a class=\"vf-fig\" href=\"#x\">environ 5</a> ",
    "environ <a class=\"vf-fig\" href=\"#x\">environ ",
    "<a class=\"vf-fig\" href=\"",
    "environ <a class=\"vf-fig\" href=\"#x\">environ 5 <span class=\"vf-fig__flag\">",
    "environ&nbsp; ",
])
def test_the_rule_stays_linear(unit: str) -> None:
    """64,000 repetitions of near misses and unclosed links, each looked at once."""
    text = unit * 64_000
    start = time.perf_counter()
    assert doubled_qualifiers(text) == []
    assert time.perf_counter() - start < 1
