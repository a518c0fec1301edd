"""Every page's HTML is judged after Markdown, as readers get it: the sanitiser (nh3) keeps an
allow-list, and everything it removes is an error at the source line that produced it."""

from __future__ import annotations

import markdown
import pytest

from publication.checks.output_html import Sanitised, sanitise, source_line

#: MkDocs' own extensions and the site's (mkdocs.yml).
EXTENSIONS = ["toc", "tables", "fenced_code", "admonition", "attr_list", "md_in_html",
              "footnotes"]


def judged(text: str) -> list[str]:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    return [finding.message for finding in sanitise(html).findings]


ALLOWED = [
    '<div markdown>\n<figure><img src="../images/a.svg" alt="Un schéma">'
    "<figcaption>Légende</figcaption></figure>\n</div>",
    '<abbr title="Power Usage Effectiveness">PUE</abbr>, CO<sub>2</sub>, <br>',
    '<a href="https://exemple.org/" title="x">lien</a> <a href="#source-x">note</a>',
    "<details><summary>Détail</summary>Texte</details>",
    "Écrivez-nous : <contact@exemple.fr> ou <https://exemple.org>",
    "a < b et 3 > 2",
    "`<script>` dans du code",
    "{: #ancre .classe }",
    "![Un schéma](../images/a.svg)",
    "| Gauche | Droite |\n|:--|--:|\n| a | b |",
    "Une note[^1].\n\n[^1]: Le détail.",
    "!!! note \"À savoir\"\n    Un encadré.",
    "```html\n<script>alert(1)</script>\n```",
    "<!-- un commentaire de rédaction -->",
]

REFUSED = [
    ("<script>alert(1)</script>", "balise HTML interdite <script>"),
    ("<SCRIPT SRC=x></SCRIPT>", "balise HTML interdite <script>"),
    ("<style>body{}</style>", "balise HTML interdite <style>"),
    ("<form action=x><input></form>", "balise HTML interdite <form>"),
    ('<img src="a.png" alt="" onerror="alert(1)">', "attribut interdit « onerror » sur <img>"),
    ('<p ONCLICK="x">', "attribut interdit « onclick » sur <p>"),
    ('<span style="color:red">', "attribut « style » interdit sur <span>"),
    ('<a href="javascript:alert(1)">', "adresse interdite « javascript:alert(1) »"),
    ('<a href="jav&#x61;script:alert(1)">', "adresse interdite"),
    ('<a href=" JaVaScRiPt:alert(1)">', "adresse interdite"),
    ('<img src="https://traceur.exemple/p.gif" alt="x">', "image chargée depuis un autre site"),
    ('<img src="//traceur.exemple/p.gif" alt="x">', "image chargée depuis un autre site"),
    ('<img src="data:image/svg+xml,<svg onload=x>" alt="x">', "image chargée depuis un autre"),
    ('<a href="/" target="_blank">', "attribut non autorisé « target » sur <a>"),
    ("<blink>", "balise HTML non autorisée <blink>"),
    ("[x](javascript:alert(1))", "adresse interdite « javascript:alert(1) »"),
    ("[x][r]\n\n[r]: javascript:alert(1)", "adresse interdite « javascript:alert(1) »"),
    ("![](../images/a.svg)", "image sans texte alternatif"),
    ("Un paragraphe.\n{: style=\"display:none\" }", "attribut « style » interdit"),
    # What a regex over the source missed, and the browser does not.
    ("<!-- x --!><script>alert(1)</script>", "balise HTML interdite <script>"),
    ("<!--> <img src=x onerror=alert(1)> -->", "attribut interdit « onerror »"),
    ("[a\nb](javascript:alert(1))", "adresse interdite"),
    ("[x][r]\n\n[r]:\n    javascript:alert(1)", "adresse interdite"),
    ("[[x]](javascript:alert(1))", "adresse interdite"),
    ("[x](&#106;avascript:alert(1))", "adresse interdite"),
    ("[x](JAVASCRIPT:alert(1))", "adresse interdite"),
    ("[x](vbscript:msgbox(1))", "adresse interdite"),
    ("[x](data:text/html;base64,PHNjcmlwdD4=)", "adresse interdite"),
    ("![x][r]\n\n[r]: https://traceur.exemple/p.gif", "image chargée depuis un autre site"),
    ('<details open ontoggle="alert(1)">x</details>', "attribut interdit « ontoggle »"),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', "balise HTML interdite <iframe>"),
    ('<object data="x.swf"></object>', "balise HTML interdite <object>"),
    ('<meta http-equiv="refresh" content="0;url=https://x.exemple">',
     "balise HTML interdite <meta>"),
    ('<base href="https://x.exemple/">', "balise HTML interdite <base>"),
    ('<link rel="stylesheet" href="https://x.exemple/a.css">', "balise HTML interdite <link>"),
    ('<img src="a.png" alt="x" srcset="https://x.exemple/p.gif 2x">',
     "attribut non autorisé « srcset » sur <img>"),
    ('<math><mtext><img src=x onerror=alert(1)></mtext></math>', "balise HTML interdite <math>"),
    ('<div markdown>\n[x](javascript:alert(1))\n</div>', "adresse interdite"),
    ("Un titre\n{: onmouseover=\"alert(1)\" }", "attribut interdit « onmouseover »"),
]


#: The charts' HTML (drawn by the renderer, judged with ``charts=True``): the SVG subset only
#: (shapes, texts, ids, classes), each value checked.
CHART_REFUSED = [
    ("<svg onload=alert(1)>", "attribut interdit « onload » sur <svg>"),
    # SVG: the charts' subset only (shapes, texts, ids, classes), each value checked.
    ('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', "adresse interdite"),
    ('<svg><use href="https://x.exemple/s.svg#a"></use></svg>', "balise HTML non autorisée <use>"),
    ('<svg><image href="https://traceur.exemple/p.gif"></image></svg>', "balise HTML"),
    ('<svg><script>alert(1)</script></svg>', "balise HTML interdite <script>"),
    ('<svg><style>rect{fill:url(https://x.exemple/a)}</style></svg>',
     "balise HTML interdite <style>"),
    ('<svg><rect style="fill:url(https://x.exemple/a)"></rect></svg>',
     "attribut « style » interdit sur <rect>"),
    ('<svg><rect fill="url(https://x.exemple/a)"></rect></svg>',
     "attribut non autorisé « fill » sur <rect>"),
    ('<svg><rect x="url(https://x.exemple/a)"></rect></svg>',
     "attribut non autorisé « x » sur <rect>"),
    ('<svg><path d="M0 0 url(https://x.exemple/a)"></path></svg>',
     "attribut non autorisé « d » sur <path>"),
    ('<svg><path d="M' + "1" * 30000 + 'x"></path></svg>', "attribut non autorisé « d »"),
    ('<svg><text onclick="alert(1)">x</text></svg>', "attribut interdit « onclick » sur <text>"),
    ('<svg role="presentation" aria-labelledby="a b c d e"></svg>', "attribut non autorisé"),
]


@pytest.mark.parametrize(("text", "message"), CHART_REFUSED)
def test_a_chart_holds_only_the_svg_subset(text: str, message: str) -> None:
    found = [finding.message for finding in sanitise(text, charts=True).findings]
    assert any(message in m for m in found), (text, found)


HAND_DRAWN = ('<svg viewBox="0 0 10 10" class="md-dialog md-dialog--active"><rect x="0" y="0" '
              'width="10" height="10" class="vf-chart__mark"></rect><text x="1" y="5">Session '
              "expirée, reconnectez-vous</text></svg>")


def test_svg_typed_in_an_article_is_refused_whole() -> None:
    """A hand-drawn SVG with the theme's classes covered the whole page (review of
    2026-12-01): an editor's HTML holds no SVG; charts come from chart()."""
    result = sanitise(HAND_DRAWN)
    assert "<svg" not in result.html and "<rect" not in result.html
    messages = [finding.message for finding in result.findings]
    assert "balise HTML interdite <svg>" in messages
    assert any("chart()" in finding.hint for finding in result.findings)


@pytest.mark.parametrize("text", ALLOWED)
def test_allowed_html_passes(text: str) -> None:
    assert judged(text) == []


@pytest.mark.parametrize(("text", "message"), REFUSED)
def test_forbidden_html_is_refused(text: str, message: str) -> None:
    found = judged(text)
    assert any(message in m for m in found), (text, found)


@pytest.mark.parametrize(("text", "_"), REFUSED)
def test_what_the_site_serves_holds_nothing_that_runs(text: str, _: str) -> None:
    html = sanitise(markdown.Markdown(extensions=EXTENSIONS).convert(text)).html.lower()
    for marker in ("<script", "javascript:", "vbscript:", "data:", " on", "<iframe", "<use",
                   "<image", "<foreignobject", "<animate", "<set", "url(", "x.exemple",
                   "<style", "<meta", "<base", "<link", "//traceur", "<object", "<math"):
        if marker == " on":
            assert not any(f" on{event}=" in html for event in ("error", "load", "click",
                                                                "toggle", "mouseover")), html
        else:
            assert marker not in html, (marker, html)


#: SVG that ammonia drops whole even when told to keep every tag it names (foreign namespaces,
#: animation elements): no finding, and nothing of it is served.
SVG_DROPPED = [
    '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
    '<svg><animate attributeName="href" to="javascript:alert(1)"></animate></svg>',
    '<svg><set attributeName="onmouseover" to="alert(1)"></set></svg>',
    '<svg><foreignObject><iframe src="https://x.exemple/"></iframe></foreignObject></svg>',
]


@pytest.mark.parametrize("text", SVG_DROPPED)
def test_svg_that_could_run_or_load_is_never_served(text: str) -> None:
    html = sanitise(text).html.lower()
    for marker in ("javascript:", "alert", "<animate", "<set", "<foreignobject", "<iframe",
                   "x.exemple", "xlink"):
        assert marker not in html, (marker, html)


def test_a_chart_svg_is_served_as_it_was() -> None:
    chart = ('<figure class="vf-chart" id="graphique-1"><svg class="vf-chart__svg" '
             'viewBox="0 0 400 140" role="img" aria-labelledby="graphique-1-titre">'
             '<title id="graphique-1-titre">T</title><desc>D</desc>'
             '<rect x="8" y="27" width="187.2" height="16" class="vf-chart__mark"></rect>'
             '<line x1="8" y1="8" x2="8" y2="100" class="vf-chart__grid"></line>'
             '<circle cx="1" cy="2" r="4.5" class="m"></circle>'
             '<path d="M1 2L3 4Z" class="m"></path>'
             '<text x="8" y="21" class="vf-chart__label">A &lt;b&gt;</text></svg></figure>')
    assert sanitise(chart, charts=True) == Sanitised(chart, ())
    assert "<svg" not in sanitise(chart).html  # not from an editor's hand


def test_a_removal_is_found_at_its_source_line() -> None:
    source = "---\ntitle: x\n---\n\nTexte.\n\n<p onclick=\"x()\">Un</p>\n"
    [finding] = sanitise('<p>Texte.</p>\n<p onclick="x()">Un</p>').findings
    assert source_line(finding.clue, source) == 7


def test_the_clean_html_keeps_every_allowed_thing_as_it_was() -> None:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(
        "## Titre {: #ancre }\n\nUn <abbr title=\"x\">PUE</abbr>\u00a0: [lien](../a/) "
        "<a class=\"vf-fig\" href=\"calcul/#calcul-x\" id=\"texte-calcul-x\">3 t</a>.")
    assert sanitise(html).html == html


def test_the_what_if_box_attributes_are_the_renderers_only() -> None:
    """An editor cannot type a box the page's script would read; the renderer's box keeps
    them."""
    box = ('<details class="vf-whatif" data-vf-input="x" data-vf-shows="y" hidden="">'
           "<summary>Et si… ?</summary></details>")
    typed = sanitise(box)
    assert "data-vf-input" not in typed.html and "data-vf-shows" not in typed.html
    assert "attribut non autorisé « data-vf-input » sur <details>" in [
        finding.message for finding in typed.findings]
    assert sanitise(box, charts=True) == Sanitised(box, ())


#: The theme's classes, however an editor writes them (review of 2026-12-01: « md-dialog
#: md-dialog--active » made an element cover the page).
THEME_CLASSES = [
    ('<div class="md-dialog md-dialog--active">Session expirée</div>', "div"),
    ("Session expirée\n{: .md-dialog .md-dialog--active }", "p"),
    ('<span class="note md-typeset__table">x</span>', "span"),
]


@pytest.mark.parametrize(("text", "tag"), THEME_CLASSES)
def test_an_editor_s_theme_classes_are_refused_each_by_name(text: str, tag: str) -> None:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    result = sanitise(html)
    assert "md-" not in result.html
    refused = [f for f in result.findings if f.message.startswith("classe ")]
    names = [f.clue for f in refused]
    assert names == [name for name in ("md-dialog", "md-dialog--active", "md-typeset__table")
                     if name in text]
    assert refused[0].message == f"classe « {names[0]} » non autorisée sur <{tag}>"
    assert "admonition" in refused[0].hint
    source = f"Titre\n\n{text}"
    line = next(n for n, row in enumerate(source.splitlines(), 1) if names[0] in row)
    assert source_line(refused[0].clue, source) == line


@pytest.mark.parametrize("text", [
    '!!! note "Une hypothèse de calcul"\n\n    Le détail.',
    "!!! warning\n\n    Attention.",
    "```python\nprint(1)\n```",
    '<a class="vf-fig vf-fig--hypothesis" href="calcul/#calcul-x">3 MWh <span '
    'class="vf-fig__flag">(hypothèse)</span></a> <a class="vf-cite" href="#source-x">(x)</a>',
])
def test_the_classes_markdown_and_figure_links_write_are_kept(text: str) -> None:
    html = markdown.Markdown(extensions=EXTENSIONS).convert(text)
    result = sanitise(html)
    assert result.findings == () and result.html == html


def test_the_blocks_the_renderer_places_keep_their_classes() -> None:
    """A chart or an « Et si… ? » box is cleaned apart (``charts=True``): its own classes
    stay; the same HTML typed by an editor is refused."""
    box = ('<details class="vf-whatif" data-vf-input="x" data-vf-shows="y" hidden><summary>'
           'Et si</summary><div class="vf-whatif__body"></div></details>')
    placed = sanitise(box, charts=True)
    assert placed.findings == ()
    assert 'class="vf-whatif"' in placed.html and 'class="vf-whatif__body"' in placed.html
    typed = sanitise(box)
    assert 'class="vf-whatif"' not in typed.html
    assert "classe « vf-whatif » non autorisée sur <details>" in [
        f.message for f in typed.findings]
