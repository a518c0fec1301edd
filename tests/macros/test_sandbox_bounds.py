"""The sandbox's bounds: what valid templates still do, and how each budget is counted."""

from __future__ import annotations

import pytest
from jinja2 import TemplateSyntaxError

from macros import sandbox
from macros.render import Renderer
from macros.sandbox import ArticleSandbox, LimitExceeded
from vocabulary.errors import ContentError


@pytest.mark.parametrize(("template", "output"), [
    ("{% for x in 'abc' if x != 'b' %}{{ x ~ '!' }}{% else %}rien{% endfor %}", "a!c!"),
    ("{% for x in '' %}{{ x }}{% else %}rien{% endfor %}", "rien"),
    ("{% set s = 'ab' ~ 'cd' %}{{ s ~ '<' }}", "abcd&lt;"),
    ("{{ 'a' + 'b' }}{{ 'x' * 3 }}", "abxxx"),
    ("{% for a in 'ab' %}{% for b in 'cd' %}{{ a ~ b }} {% endfor %}{% endfor %}",
     "ac ad bc bd "),
])
def test_valid_loops_and_concatenations_render_as_before(renderer: Renderer, template: str,
                                                         output: str) -> None:
    assert renderer.render(template, file="x.md").text == output


def test_the_budget_is_per_page(renderer: Renderer) -> None:
    loop = "{% for c in 'abcdefghij' * 700 %}{% endfor %}"  # 7,000 of the 10,000 iterations
    for _ in range(3):
        assert renderer.render(loop, file="x.md").text == ""
    with pytest.raises(ContentError, match="boucles trop longues"):
        renderer.render(loop + "\n" + loop, file="x.md")


def test_expressions_on_the_fast_path_share_one_page_budget(renderer: Renderer) -> None:
    expression = "{{ ('a' * 9999) | first }}\n"  # builds 9,999 characters, prints one
    assert renderer.render(expression * 200, file="x.md").text == "a\n" * 199 + "a"
    with pytest.raises(ContentError) as caught:
        renderer.render(expression * 300, file="x.md", line_offset=2)
    assert caught.value.line == 201 + 2
    assert caught.value.message == ("opération interdite dans un article (la page assemble "
                                    "plus de 2\u202f000\u202f000 caractères)")


def test_a_template_rendered_outside_the_renderer_is_bounded_too() -> None:
    environment = ArticleSandbox()
    template = environment.from_string(
        "{% for a in 'x' * 9999 %}{% for b in 'x' * 9999 %}{% endfor %}{% endfor %}")
    with pytest.raises(LimitExceeded):
        template.render()
    with pytest.raises(LimitExceeded, match="«\u202f~\u202f»"):
        environment.from_string("{{ ('a' * 6000) ~ ('b' * 6000) }}").render()


def test_percent_stays_for_numbers_and_is_refused_for_texts() -> None:
    environment = ArticleSandbox()
    assert environment.from_string("{{ 'pair' if 4 % 2 == 0 else 'impair' }}").render() == "pair"
    with pytest.raises(LimitExceeded):
        environment.from_string("{{ '%s' % 'x' }}").render()


def test_a_refused_source_is_a_syntax_error_for_every_reader_of_the_template() -> None:
    # publication/ parses bodies on its own to list unknown names; it ignores syntax errors,
    # which the renderer reports with their line.
    environment = ArticleSandbox()
    for source in ("{{ " + "(" * 40 + "1" + ")" * 40 + " }}", "x" * (sandbox.MAX_SOURCE + 1),
                   "{{ " + " + ".join(["'a'"] * 60) + " }}"):
        with pytest.raises(TemplateSyntaxError):
            environment.parse(source)


def test_bounds_leave_room_for_real_articles(renderer: Renderer) -> None:
    nested = "{% if true %}" * 16 + "oui" + "{% endif %}" * 16
    parentheses = "{{ " + "(" * 16 + "'oui'" + ")" * 16 + " }}"
    assert renderer.render(nested, file="x.md").text == "oui"
    assert renderer.render(parentheses, file="x.md").text == "oui"
