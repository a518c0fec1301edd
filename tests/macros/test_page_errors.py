"""One render of a page reports every failing figure, chart and « Et si… ? » call, each at its
own line with its French hint, and never produces the page (review F1: an editor had to run
``make check`` once per hidden error). The sandbox's bounds still stop a page at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from jinja2.exceptions import SecurityError

from calculators import CalculatorError
from macros import failures
from macros.render import PageErrors, Renderer, page_errors
from tests.helpers import one_line
from tests.macros.test_charts import make_renderer
from vocabulary.errors import ContentError

#: A page whose every call but the first and the last is wrong, one mistake a line (body line 2
#: is file line 12: ten lines of front matter).
BROKEN = """\
Un texte, {{ param("energy") | figure("MWh") }}.
Trois chiffres : {{ param("energi") | figure("MWh") }},
{{ param("energy") | figure("MWhh") }}
et {{ rise() | figure("MWh") }}.

{{ chart("barre", "Deux parts", {"Avant": "share_2013"}) }}

{{ chart("barres", "Deux parts", {"Avant": "share_2031"}, unit="percent") }}

{{ what_if("seed", shows=["rise"]) }}

Fin : {{ param("energy") | figure("MWh") }}.
"""


def errors_of(renderer: Renderer, text: str, offset: int = 10) -> list[str]:
    with pytest.raises(ContentError) as caught:
        renderer.render(text, file="a.md", line_offset=offset)
    return [one_line(error) for error in page_errors(caught.value)]


@pytest.fixture
def renderer(tmp_path: Path) -> Renderer:
    return make_renderer(tmp_path)


def test_every_failing_call_of_a_page_is_reported_at_its_line(renderer: Renderer) -> None:
    found = errors_of(renderer, BROKEN)
    assert [error.split(": ", 1)[0] for error in found] == [
        "a.md:12", "a.md:13", "a.md:14", "a.md:16", "a.md:18", "a.md:20"]
    assert found[0].startswith("a.md:12: « energi » : paramètre inconnu (vouliez-vous dire "
                               "« energy » ?")
    assert found[1] == "a.md:13: unité d’affichage inconnue « MWhh » (vouliez-vous dire " \
                       "« MWh » ?)"
    assert "impossible d’exprimer" in found[2]
    assert found[3].startswith("a.md:16: genre de graphique inconnu : « barre » (vouliez-vous "
                               "dire « barres » ?)")
    assert found[4].startswith("a.md:18: « share_2031 » : paramètre ou calcul inconnu dans le "
                               "graphique")
    assert found[5].startswith("a.md:20: « rise » : « Et si… ? » : « rise » ne dépend pas de "
                               "« seed »")


def test_the_errors_are_those_each_call_gives_alone(renderer: Renderer) -> None:
    """Same message, same hint, same line as when the call is the page's only mistake."""
    lines = BROKEN.splitlines()
    together = errors_of(renderer, BROKEN)
    alone = []
    for index in (1, 2, 3, 5, 7, 9):
        page = "\n".join(line if number == index or "{{" not in line else ""
                         for number, line in enumerate(lines))
        alone += errors_of(renderer, page)
    assert together == alone


def test_several_errors_are_one_content_error_that_reads_as_the_first(
        renderer: Renderer) -> None:
    with pytest.raises(PageErrors) as caught:
        renderer.render(BROKEN, file="a.md", line_offset=10)
    assert caught.value.line == 12 and caught.value.key == "energi"
    assert str(caught.value).count("\n    → ") == 6  # every error, each with its hint


def test_a_value_that_failed_is_one_mistake_however_it_is_used(renderer: Renderer) -> None:
    """Filtered, asked for its label or range, joined to a text: the failed value raises no
    second error (one per line here: the same mistake on two lines is two mistakes)."""
    page = ('{{ param("energi") | figure("MWh") }} {{ param("energi").label }}\n'
            '{% if param("energi").has_range %}oui{% endif %}{{ param("energi") ~ "x" }}')
    found = errors_of(renderer, page)
    assert [e.split(": ", 1)[0] for e in found] == ["a.md:11", "a.md:12"]
    assert all("« energi » : paramètre inconnu" in e for e in found)


def test_an_unknown_name_hides_no_later_error(renderer: Renderer) -> None:
    found = errors_of(renderer, 'Texte.\n{{ inconnu() }} {{ autre }}\n'
                                '{{ param("energy") | figure("MWhh") }}', offset=0)
    assert [e.split(" (")[0] for e in found] == [
        "a.md:2: nom inconnu « inconnu »", "a.md:2: nom inconnu « autre »",
        "a.md:3: unité d’affichage inconnue « MWhh »"]


def test_the_same_mistake_in_a_loop_is_reported_once(renderer: Renderer) -> None:
    found = errors_of(renderer, '{% for i in "abc" %}\n{{ param("energi") }}\n{% endfor %}',
                      offset=0)
    assert len(found) == 1 and found[0].startswith("a.md:2: « energi » : paramètre inconnu")


def test_too_many_mistakes_stop_the_page(renderer: Renderer) -> None:
    page = "".join(f'{{{{ param("x{n}") }}}}\n' for n in range(failures.MAX_FAILURES + 5))
    found = errors_of(renderer, page, offset=0)
    assert len(found) == failures.MAX_FAILURES + 1
    assert found[-1].startswith(f"a.md:{failures.MAX_FAILURES + 1}: plus de "
                                f"{failures.MAX_FAILURES} erreurs dans la page")


def test_the_sandbox_s_bounds_still_stop_the_page(renderer: Renderer) -> None:
    """A runaway loop is stopped, not recorded: its error joins those found before it."""
    page = ('{{ param("energi") }}\n'
            '{% for a in "x" * 200 %}{% for b in "x" * 200 %}{% endfor %}{% endfor %}\n'
            '{{ param("energie") }}')
    found = errors_of(renderer, page, offset=0)
    assert len(found) == 2
    assert found[0].startswith("a.md:1: « energi » : paramètre inconnu")
    assert "boucles trop longues" in found[1]
    with pytest.raises(ContentError, match="opération interdite"):
        renderer.render('{{ param("energi") }} {{ ().__class__ }}', file="a.md")


def test_a_clean_page_still_renders(renderer: Renderer) -> None:
    rendered = renderer.render('Un texte, {{ param("energy") | figure("MWh") }}.', file="a.md")
    assert "MWh" in rendered.text and "calcul-energy" in rendered.figures


def test_outside_a_render_a_guarded_call_raises(renderer: Renderer) -> None:
    """A template rendered on its own (no renderer) keeps Jinja's behaviour: the first error
    is raised, never swallowed into a placeholder."""
    template = renderer.environment.from_string('{{ param("energi") }}')
    with pytest.raises(CalculatorError, match="paramètre inconnu"):
        template.render()
    with pytest.raises(SecurityError):
        renderer.environment.from_string("{{ ().__class__ }}").render()


def test_numbers_typed_in_braces_are_reported_with_the_calls(renderer: Renderer) -> None:
    """Jinja folds ``{{ 552 }}`` into text when it compiles: it is found before, and the render
    still goes on to judge every call."""
    found = errors_of(renderer, '{{ 552 }}\n{{ param("energi") }}\n{{ 3.5 }}', offset=0)
    assert [e.split(" (")[0] for e in found] == [
        "a.md:1: nombre écrit à la main dans l’article", "a.md:2: « energi » : paramètre inconnu",
        "a.md:3: nombre écrit à la main dans l’article"]
