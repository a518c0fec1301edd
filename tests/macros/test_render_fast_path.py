"""The renderer's fast path (each expression compiled once) matches the whole-template path."""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import Catalog
from macros.render import Rendered, Renderer
from macros.toolbox import Toolbox
from publication.model.frontmatter import split
from tests.helpers import ROOT
from vocabulary.errors import ContentError

ARTICLE = ROOT / "content" / "mythes" / "chatgpt-magique.md"
USERS = '{{ param("chatgpt_daily_users_seed") | figure("user", digits=2, long=True) }}'

CASES = [
    "Texte {{ gpt3_training_emissions() | figure('tCO2e', digits=2, long=True) }} fin.\n",
    "a\r\nb {{ gpt3_training_emissions() | figure('tCO2e') }}\r\n\r\n",
    "a\rb {{ cite('patterson2021') }}\r",
    "x {{ article.title }} y\n\n",
    "{{ cite('patterson2021') }}{{ cite('patterson2021') }}{{ cite('luccioni2023') }}",
    "{{ published_per_query_estimates() | figure_range('gCO2e/query') }}\n",
    "}} stray {{ param('gpt3_pue') | figure('times') }} }}",
    "{{ 'a }}' }}",
    "{{ {'a': 1} | length }}",
    "{{ 'x' ~ '}}' }}",
    "texte {{ x",
    "{{}}",
    "{{- param('gpt3_pue') | figure('times') -}}  après",
    "{{+ param('gpt3_pue') | figure('times') }}",
    "{{ param('gpt3_pue') | figure('times') }}{# note #}",
    "{% if true %}{{ param('gpt3_pue') | figure('times') }}{% endif %}",
    "{{ 552 }}",
    "ligne\n\n{{ calculateur_inconnu() }}",
    "{{ param('inconnu') }}",
    "{{ param('gpt3_pue') | figure('kg') }}",
    "{{ gpt3_training_emissions() * 2 }}",
    "{{ 'a' * 100000 }}",
    "{{ ().__class__ }}",
    "{{ article.__class__ }}",
    "{{ title }}",
    "{{ 'x' | upper }} et {{ 'é' }} et {{ '<b>' }}",
    "{{ param('gpt3_pue') }}",
    "sans marqueur } { }",
]


def outcome(render: Callable[..., Rendered], text: str) -> tuple[Any, ...]:
    try:
        rendered = render(text, file="content/mythes/x.md", line_offset=3,
                          article={"title": "Un <titre>"})
    except ContentError as error:
        return ("error", error.file, error.line, error.message, error.hint)
    return ("ok", rendered.text, list(rendered.figures), list(rendered.citations))


def whole(renderer: Renderer) -> Callable[..., Rendered]:
    """The reference: the page compiled as one template."""

    def render(text: str, *, file: str, line_offset: int, article: dict[str, Any]) -> Rendered:
        if not any(marker in text for marker in ("{{", "{%", "{#")):
            return Rendered(text, {}, {}, {})
        return renderer.render_template(text, file=file, line_offset=line_offset,
                                        article_view=MappingProxyType(dict(article)))

    return render


@pytest.mark.parametrize("text", [*CASES, split(ARTICLE.read_text(encoding="utf-8"),
                                                "x").body])
def test_fast_path_matches_the_whole_template(renderer: Renderer, text: str) -> None:
    assert outcome(renderer.render, text) == outcome(whole(renderer), text)


def test_new_expressions_are_compiled_alone_once_they_repeat(
        renderer: Renderer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The real article's thirty-odd new expressions: the first render compiles the page whole,
    the next one compiles each expression alone (they repeat) and takes the fast path."""
    body = split(ARTICLE.read_text(encoding="utf-8"), "x").body
    paths: list[str] = []
    whole_path = renderer.render_template

    def spy(*args: Any, **kwargs: Any) -> Rendered:
        paths.append("whole")
        return whole_path(*args, **kwargs)

    monkeypatch.setattr(renderer, "render_template", spy)
    first = renderer.render(body, file="x.md")
    assert paths == ["whole"] and not renderer.expressions
    second = renderer.render(body, file="x.md")
    assert paths == ["whole"] and renderer.expressions
    assert all(t is not None for t in renderer.expressions.values())
    assert second == first


def test_each_distinct_expression_is_compiled_once(renderer: Renderer,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    compiled: list[Any] = []
    original = renderer.environment.from_string

    def counting(source: Any, *args: Any, **kwargs: Any) -> Any:
        compiled.append(source)
        return original(source, *args, **kwargs)

    monkeypatch.setattr(renderer.environment, "from_string", counting)
    first = renderer.render(f"A {USERS}, {{{{ cite('patterson2021') }}}}.", file="a.md")
    second = renderer.render(f"B {USERS} et encore {USERS}.", file="b.md")
    assert len(compiled) == 2
    assert first.text.startswith("A <a class=")
    assert second.text.count("53\u00a0millions") == 2


def test_figure_links_lead_to_the_derivations_page_on_both_paths(renderer: Renderer) -> None:
    """Figures link to their block on the page ``derivations_url`` names; the first occurrence
    keeps its id for the way back. A cached expression serves pages with another target."""
    text = f"{USERS} puis {USERS}."
    elsewhere = renderer.render(text, file="x.md", derivations_url="calcul/")
    reference = renderer.render_template(text, file="x.md", derivations_url="calcul/")
    assert elsewhere == reference
    assert elsewhere.text.count('href="calcul/#calcul-chatgpt-daily-users-seed"') == 2
    assert elsewhere.text.count('id="texte-calcul-chatgpt-daily-users-seed"') == 1
    here = renderer.render(text, file="x.md")
    assert here.text.count('href="#calcul-chatgpt-daily-users-seed"') == 2


def test_the_cache_is_bound_to_its_catalog(catalog: Catalog) -> None:
    before = Renderer(Toolbox(catalog))
    after = Renderer(Toolbox(catalog.with_values(chatgpt_daily_users_seed=1.2e8)))
    assert "53\u00a0millions" in before.render(USERS, file="x.md").text
    assert "120\u00a0millions" in after.render(USERS, file="x.md").text
    assert "53\u00a0millions" in before.render(USERS, file="x.md").text
    assert not set(map(id, before.expressions.values())) & set(map(id, after.expressions.values()))


FRAGMENTS = st.sampled_from([
    "mot ", "\n", "\r\n", "\r", "{", "}", "-", "+", " ", "'", "{{", "}}", "{%", "%}",
    "{{ cite('patterson2021') }}", USERS, "{{ article.title }}", "{{ 7 }}", "{{ x }}",
    "{{ 'a' ~ 'b' }}", "{{- 'c' }}", "{{ 'd' -}}", "{{ param('gpt3_pue') | figure('times') }}",
])


@settings(max_examples=300, deadline=None)
@given(st.lists(FRAGMENTS, max_size=12).map("".join))
def test_fast_path_matches_on_any_mix(catalog: Catalog, text: str) -> None:
    renderer = Renderer(Toolbox(catalog))
    expected = outcome(whole(renderer), text)
    assert outcome(renderer.render, text) == expected  # new expressions
    assert outcome(renderer.render, text) == expected  # seen: compiled alone
