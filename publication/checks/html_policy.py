"""Raw HTML in articles: a short allow-list of tags and attributes, and safe addresses only.

Python-Markdown passes raw HTML through to readers, and so does ``attr_list`` for the attributes
it sets (``{: onclick=… }``). An article may use the harmless tags below for structure and
emphasis; no script, frame, form, style or event handler. Links go to http(s), mailto or a page
of the site; images are served by the site itself (no request to another host).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser

from publication.checks.source_text import line_at
from vocabulary.errors import ContentError

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "hr", "i", "img", "ins", "kbd", "li",
    "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "wbr",
})
#: Tags that run code, load other pages or change the page's look: named in the message.
DANGEROUS_TAGS = frozenset({
    "applet", "audio", "base", "button", "canvas", "embed", "form", "frame", "frameset",
    "iframe", "input", "link", "math", "meta", "noscript", "object", "portal", "script",
    "select", "source", "style", "svg", "template", "textarea", "track", "video",
})
GLOBAL_ATTRIBUTES = frozenset({"class", "id", "title", "lang", "dir", "markdown"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang", "rel"}),
    "img": frozenset({"src", "alt", "width", "height", "loading"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "td": frozenset({"colspan", "rowspan"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "ol": frozenset({"start", "reversed"}),
    "time": frozenset({"datetime"}),
    "details": frozenset({"open"}),
}
URL_ATTRIBUTES = frozenset({"href", "src", "cite"})
LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"([a-z][a-z0-9+.-]*):")
_MD_LINK = re.compile(r"(!?)\[([^\]\n]*)\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))*)")
_MD_REFERENCE = re.compile(r"^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:[ \t]*<?(\S*?)>?(?:\s|$)", re.M)
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*=[^{}\n]*)\}")
_ATTR_NAME = re.compile(r"([^\s=#.'\"]+)\s*=")

_NO_SCRIPT = "pas de JavaScript dans un article : les figures et les liens suffisent"


def url_problem(url: str, *, image: bool) -> str | None:
    """Why ``url`` may not be a link (or, if ``image``, an image) of an article, in French."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lower()
    scheme = _SCHEME.match(plain)
    if image and (scheme or plain.startswith("//")):
        return f"image chargée depuis un autre site ou par une adresse interdite : « {url} »"
    if scheme and scheme.group(1) not in LINK_SCHEMES:
        return f"adresse interdite « {url} » : seuls les liens http(s), mailto et relatifs sont " \
               "permis"
    return None


def _attribute_problem(tag: str, name: str, value: str | None) -> ContentError | None:
    shown = f"<{tag}>" if tag else "un élément"
    if name.startswith("on"):
        return ContentError(None, 0, f"attribut interdit « {name} » sur {shown}", _NO_SCRIPT)
    if name == "style":
        return ContentError(None, 0, f"attribut « style » interdit sur {shown}",
                       "la mise en forme vient du thème : demandez une classe CSS aux développeurs")
    allowed = GLOBAL_ATTRIBUTES | TAG_ATTRIBUTES.get(tag, frozenset())
    if tag and name not in allowed:
        return ContentError(None, 0, f"attribut non autorisé « {name} » sur {shown}",
                       "attributs permis : " + ", ".join(sorted(allowed)))
    if name in URL_ATTRIBUTES and value is not None:
        problem = url_problem(value, image=name == "src")
        if problem:
            hint = ("copiez l’image dans content/images/ et donnez son chemin relatif"
                    if name == "src" else _NO_SCRIPT)
            return ContentError(None, 0, problem, hint)
    return None


class _TagReader(HTMLParser):
    """Collects the problems of every start tag, with its line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[ContentError] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        if ":" in tag or "@" in tag:  # a Markdown autolink: <https://…>, <nom@exemple.fr>
            self._add(line, url_problem(self.get_starttag_text()[1:-1], image=False),
                      _NO_SCRIPT)
            return
        if tag in DANGEROUS_TAGS:
            self.problems.append(ContentError(None,
                line, f"balise HTML interdite <{tag}>",
                "pas de script, de cadre, de formulaire ni de style dans un article",
            ))
            return
        if tag not in ALLOWED_TAGS:
            self.problems.append(ContentError(None,
                line, f"balise HTML non autorisée <{tag}>",
                "pour écrire un chevron, tapez &lt; ; balises permises : "
                + ", ".join(sorted(ALLOWED_TAGS)),
            ))
            return
        for name, value in attrs:
            problem = _attribute_problem(tag, name, value)
            if problem:
                self.problems.append(ContentError(None, line, problem.message, problem.hint))

    handle_startendtag = handle_starttag

    def _add(self, line: int, message: str | None, hint: str) -> None:
        if message:
            self.problems.append(ContentError(None, line, message, hint))


def _markdown_problems(prose: str) -> Iterator[ContentError]:
    """Links, images and ``{: attributes }`` written in Markdown rather than HTML."""
    for match in _MD_LINK.finditer(prose):
        image, alt, url = match.group(1) == "!", match.group(2), match.group(3)
        line = line_at(prose, match.start())
        problem = url_problem(url, image=image)
        if problem:
            yield ContentError(None, line, problem, "copiez l’image dans content/images/ et "
                               "donnez son chemin relatif" if image else _NO_SCRIPT)
        if image and not alt.strip():
            yield ContentError(None, line, "image sans texte alternatif : ![](…)",
                          "décrivez l’image entre les crochets : ![Ce que montre l’image](…)")
    for match in _MD_REFERENCE.finditer(prose):
        problem = url_problem(match.group(1), image=False)
        if problem:
            yield ContentError(None, line_at(prose, match.start()), problem, _NO_SCRIPT)
    for match in _ATTR_LIST.finditer(prose):
        for name in _ATTR_NAME.findall(match.group(1)):
            value = re.search(rf"{re.escape(name)}\s*=\s*(\"[^\"]*\"|'[^']*'|\S+)",
                              match.group(1))
            problem = _attribute_problem("", name.lower(),
                                         value.group(1).strip("\"'") if value else None)
            if problem:
                yield ContentError(None, line_at(prose, match.start()), problem.message,
                                   problem.hint)


def violations(prose: str) -> list[ContentError]:
    """Every raw HTML or Markdown construct of ``prose`` outside the allow-list."""
    reader = _TagReader()
    reader.feed(prose)
    reader.close()
    return sorted([*reader.problems, *_markdown_problems(prose)], key=lambda p: p.line)
