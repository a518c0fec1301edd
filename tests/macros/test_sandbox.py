"""The renderer runs untrusted articles: escape attempts fail loudly and execute nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from macros.render import Renderer
from vocabulary.errors import ContentError

PAYLOADS = [
    "{{ ().__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.popen('touch {sentinel}').read() }}",
    "{{ param.__globals__['os'].system('touch {sentinel}') }}",
    "{{ gpt3_training_emissions().__class__.__init__.__globals__ }}",
    "{{ param('gpt3_pue') | attr('__class__') }}",
    "{{ '{{0.__class__}}'.format(1) }}",
    "{{ 'a' | format('b') }}",
    "{{ range(10**9) | length }}",
    "{{ ('a' * 10**9) | length }}",
    "{{ 'a' * 100000 }}",
    "{{ 10 ** 10 ** 10 }}",
    "{% for x in 'abcdefghij' * 999 %}{% for y in 'abcdefghij' * 999 %}x{% endfor %}{% endfor %}",
    "{{ lipsum(10**6) }}",
    "{{ self.__init__.__globals__ }}",
    "{{ param('gpt3_pue').parameter.source }}",
    "{{ param('gpt3_pue').quantity._REGISTRY }}",
    "{{ param('gpt3_pue') * param('gpt3_pue') }}",
    "{{ article.__class__ }}",
    "{{ article.items() }}",
    "{{ config }}",
    "{% include '/etc/passwd' %}",
    "{% import 'x' as y %}",
    "{% autoescape false %}{{ '<script>' }}{% endautoescape %}",
    "{% macro m() %}x{% endmacro %}",
    "{% filter upper %}x{% endfilter %}",
    "{% with a = 1 %}{% endwith %}",
    "{% extends 'base.html' %}",
]


def test_refusals_are_explained_in_french(renderer: Renderer) -> None:
    with pytest.raises(ContentError) as error:
        renderer.render("{{ ().__class__ }}", file="x.md")
    assert error.value.message == ("opération interdite dans un article "
                                   "(accès interdit à l’attribut « __class__ »)")
    with pytest.raises(ContentError) as error:
        renderer.render("x\n{% autoescape false %}y{% endautoescape %}", file="x.md",
                        line_offset=4)
    assert (error.value.line, error.value.message) == (
        6, "instruction « {% autoescape %} » interdite dans un article")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_refused_and_runs_nothing(renderer: Renderer, payload: str,
                                             tmp_path: Path) -> None:
    sentinel = tmp_path / "pwned"
    text = payload.replace("{sentinel}", str(sentinel))
    with pytest.raises(ContentError) as error:
        renderer.render(text, file="content/mythes/x.md", line_offset=3,
                        article={"title": "t"})
    assert error.value.file == "content/mythes/x.md"
    assert error.value.line == 4
    assert not sentinel.exists()


def test_front_matter_cannot_shadow_a_calculator(renderer: Renderer) -> None:
    # Two digits, as the article shows it: three (553) would not give the published 552.
    rendered = renderer.render("{{ gpt3_training_emissions() | figure('tCO2e', digits=2) }}",
                               file="x.md", article={"gpt3_training_emissions": "faux"})
    assert "550" in rendered.text


def test_front_matter_is_reachable_under_article_only(renderer: Renderer) -> None:
    assert renderer.render("{{ article.title }}", file="x.md",
                           article={"title": "Un <titre>"}).text == "Un &lt;titre&gt;"
    with pytest.raises(ContentError, match="nom inconnu « title »"):
        renderer.render("{{ title }}", file="x.md", article={"title": "t"})


def test_output_size_is_bounded(renderer: Renderer) -> None:
    loop = "{% for a in 'x' * 9999 %}{% for b in 'x' * 9999 %}aaaaaaaaaa{% endfor %}{% endfor %}"
    with pytest.raises(ContentError, match="plus de 1"):
        renderer.render(loop, file="x.md")
