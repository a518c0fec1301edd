"""The HTML a page ends up with, judged and cleaned by a maintained sanitiser (``nh3``, the binding
to Rust's ammonia), on an allow-list of tags, attributes and URL schemes.

Regexes over Markdown source lose to the parser and the browser (comment endings such as ``--!>``,
nested brackets, line breaks in link text, reference definitions, entity-encoded schemes), so a
page's HTML is judged after Markdown, as readers get it. ``sanitise`` returns the clean HTML,
which is what the site serves, and what the cleaning removed, which the build reports as errors
at the source line, so editors see them in ``make check`` too.

To tell removals from the sanitiser's rewriting (attribute quoting, void elements, implied
``tbody``), the page goes through ammonia twice: once allowing every tag, attribute and scheme it
holds, which only normalises it, and once on the allow-list. Any difference is a removal.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from typing import Any

import nh3

from vocabulary.french import NBSP

#: What Markdown, our figure links and the editors' allowed raw HTML produce.
TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd",
    "del", "details", "dfn", "div", "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3",
    "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s",
    "samp", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
    "th", "thead", "time", "tr", "u", "ul", "var", "wbr",
})
#: The charts' inline SVG (``charts.svg``), and nothing else of SVG: no <a>, <use>, <image>,
#: <foreignObject>, <style>, <script> or <animate>.
SVG_TAGS = frozenset({"svg", "title", "desc", "g", "rect", "line", "path", "circle", "text"})
ATTRIBUTES = {
    "*": {"class", "id", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "blockquote": {"cite"}, "q": {"cite"}, "del": {"cite", "datetime"},
    "ins": {"cite", "datetime"},
    "td": {"colspan", "rowspan", "style"}, "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start", "reversed", "type"}, "time": {"datetime"}, "details": {"open"},
    "abbr": {"title"},
    # The charts' inline SVG (``charts.svg``): shapes and texts, styled by class only. No
    # href, no style, no presentation attribute (fill="url(…)" would load another site's
    # resource), and each value is checked by ``_SVG_VALUES``.
    "svg": {"viewBox", "role", "aria-labelledby"},
    "rect": {"x", "y", "width", "height"}, "line": {"x1", "y1", "x2", "y2"},
    "circle": {"cx", "cy", "r"}, "path": {"d"}, "text": {"x", "y"},
}
#: The classes an editor's HTML may carry, however written (``{: .classe }``, ``<span
#: class=…>``): Markdown's admonitions (``!!! note``, Material's types) and footnotes, and the
#: renderer's own inline links (figures, citations), which reach the page inside the editor's
#: text. Nothing else: a theme class lays out the page (Material's « md-dialog
#: md-dialog--active » made a paragraph cover it). The blocks the renderer places (charts,
#: « Et si… ? » boxes) are cleaned apart and keep theirs.
EDITOR_CLASSES = frozenset({
    "admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question",
    "warning", "failure", "danger", "bug", "example", "quote",
    "footnote", "footnote-ref", "footnote-backref",
    "vf-fig", "vf-fig--hypothesis", "vf-fig__flag", "vf-cite",
})
#: A fenced code block's language (```` ```python ````), which no style of the theme reads.
_CODE_LANGUAGE = re.compile(r"language-[a-z0-9+#-]{1,30}")


def editor_class(tag: str, name: str) -> bool:
    """Whether an editor's HTML may carry the class ``name`` on ``tag``."""
    return name in EDITOR_CLASSES or (tag == "code" and bool(_CODE_LANGUAGE.fullmatch(name)))
#: Table cells may carry their alignment (Markdown's tables write it as a style).
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_ABSOLUTE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:|//|\\\\)", re.I)


_NUMBER = r"-?\d{1,6}(?:\.\d{1,3})?"
#: What each SVG attribute may hold: numbers, a path of straight segments, ids. Nothing that
#: names a resource, a script or a style.
_SVG_VALUES = {
    **dict.fromkeys(("x", "y", "width", "height", "x1", "y1", "x2", "y2", "cx", "cy", "r"),
                    re.compile(_NUMBER)),
    "viewBox": re.compile(rf"{_NUMBER}(?: {_NUMBER}){{3}}"),
    # A path of straight segments: commands and numbers only (one flat class: linear time).
    "d": re.compile(r"[MLHVZmlhvz][MLHVZmlhvz0-9 .,-]{0,20000}"),
    "role": re.compile(r"img"),
    "aria-labelledby": re.compile(r"[a-z0-9_-]{1,80}(?: [a-z0-9_-]{1,80}){0,3}"),
}
_SVG_TAGS = frozenset({"svg", "rect", "line", "circle", "path", "text"})


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """An image is served by the site itself: no other host learns who reads the page. An SVG
    attribute holds only what ``_SVG_VALUES`` allows it."""
    if tag == "img" and attribute == "src" and _ABSOLUTE.match(value):
        return None
    if tag in _SVG_TAGS:
        allowed = _SVG_VALUES.get(attribute)
        if allowed is not None and not allowed.fullmatch(value):
            return None
    return value


#: What only a block the renderer placed may carry: the « Et si… ? » box (``macros.what_if``),
#: hidden until the page's script shows it; the ids it names are only looked up in the
#: article's own graph, never fetched or printed as HTML. An editor cannot type them.
PLACED_ATTRIBUTES = {"details": {"hidden", "data-vf-input", "data-vf-shows"}}


def _editor_attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """``_attribute_filter``, and an editor's classes kept only when ``editor_class`` allows
    them. (ammonia's ``allowed_classes`` takes exact names only: a code block's language
    varies.)"""
    if attribute == "class":
        kept = " ".join(name for name in value.split() if editor_class(tag, name))
        return kept or None
    return _attribute_filter(tag, attribute, value)


def _cleaner(tags: frozenset[str], placed: bool) -> nh3.Cleaner:
    attributes = {k: set(v) for k, v in ATTRIBUTES.items() if k in tags or k == "*"}
    if placed:
        for tag, names in PLACED_ATTRIBUTES.items():
            attributes[tag] = attributes.get(tag, set()) | names
    return nh3.Cleaner(tags=set(tags), attributes=attributes,
                       url_schemes=set(URL_SCHEMES), link_rel=None, strip_comments=True,
                       filter_style_properties=set(STYLE_PROPERTIES),
                       attribute_filter=_attribute_filter if placed
                       else _editor_attribute_filter)


#: What an editor's HTML may hold: no SVG at all (a drawing typed by hand could cover the page
#: or hide a figure); charts are drawn by ``chart()`` and judged with ``CHARTS``.
_STRICT = _cleaner(TAGS, placed=False)
#: What a block the renderer drew (a chart, an « Et si… ? » box) may hold: the HTML allow-list,
#: the charts' SVG subset and the box's attributes.
_CHARTS = _cleaner(TAGS | SVG_TAGS, placed=True)


#: What ``_normalised`` lets through: every tag, attribute, scheme and style property named
#: anywhere in the text. A superset found by plain patterns, since what hides them from one
#: parser (``<!-->``, say) does not hide them from the browser's, which ammonia follows.
_NAMED_TAG = re.compile(r"<\s*([a-zA-Z][\w:-]*)")
_NAMED_ATTRIBUTE = re.compile(r"([a-zA-Z_:@][\w:.@-]*)\s*=")
_NAMED_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*)\s*:")


def _normalised(html: str) -> str:
    """``html`` as ammonia writes it when it may keep everything it holds."""
    text = f"{html} {unescape(html)}"  # « jav&#x61;script: » names javascript
    tags = {t.lower() for t in _NAMED_TAG.findall(text)} | TAGS | SVG_TAGS
    attributes = {a.lower() for a in _NAMED_ATTRIBUTE.findall(text)}
    named = {n.lower() for n in _NAMED_SCHEME.findall(text)}
    options: dict[str, Any] = {}
    if "style" not in tags:  # ammonia filters style attributes, not style sheets
        options["filter_style_properties"] = named | STYLE_PROPERTIES
    try:
        return nh3.clean(html, tags=tags, clean_content_tags=set(),
                         attributes={"*": attributes}, link_rel=None,
                         url_schemes=named | URL_SCHEMES, strip_comments=True, **options)
    except BaseException:  # an ammonia panic: judge the page against its text as it is
        return html


@dataclass(frozen=True)
class Finding:
    """A problem of a page's HTML (something the allow-list removed, an image without text):
    what, how to fix it, and what to look for in the source to find its line."""

    message: str
    hint: str
    clue: str


@dataclass(frozen=True)
class Sanitised:
    """A page's HTML once cleaned, and its problems."""

    html: str
    findings: tuple[Finding, ...]


_TOKEN = re.compile(r"<[^>]*>|[^<]+")
_NO_SCRIPT = "pas de JavaScript dans une page : les figures et les liens suffisent"
_ALLOWED = ("balises permises : " + ", ".join(sorted(TAGS)) + " ; pour écrire un chevron, "
            "tapez &lt;")
_DRAW_WITH_CHART = ("pas de SVG écrit à la main dans un article : un graphique s’écrit avec "
                    "chart() (CONTRIBUTING.md, « Les graphiques »), un dessin se met dans "
                    "content/images/")
_LOCAL_IMAGE = "copiez l’image dans content/images/ et donnez son chemin relatif"
#: Tags named as such in errors: they run code, load other pages or change the page's look.
DANGEROUS_TAGS = frozenset({
    "applet", "audio", "base", "button", "canvas", "embed", "form", "frame", "frameset",
    "iframe", "input", "link", "math", "meta", "noscript", "object", "portal", "script",
    "select", "source", "style", "svg", "template", "textarea", "track", "video",
})


def _tag(token: str) -> tuple[str, dict[str, str]] | None:
    """The name and attributes of a start tag token, or None for anything else."""
    found: list[tuple[str, dict[str, str]]] = []

    class Reader(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, {k: v or "" for k, v in attrs}))

        handle_startendtag = handle_starttag

    reader = Reader(convert_charrefs=True)
    reader.feed(token)
    reader.close()
    return found[0] if found else None


def _attribute_removal(tag: str, name: str, value: str) -> Finding:
    if name.startswith("on"):
        return Finding(f"attribut interdit « {name} » sur <{tag}>", _NO_SCRIPT, name)
    if name == "style":
        return Finding(f"attribut « style » interdit sur <{tag}>",
                       "la mise en forme vient du thème : demandez une classe CSS aux "
                       "développeurs", "style")
    if name == "src" and tag == "img":
        return Finding(f"image chargée depuis un autre site ou par une adresse interdite : "
                       f"« {value} »", _LOCAL_IMAGE, value or name)
    if name in ("href", "src", "cite"):
        return Finding(f"adresse interdite « {value} » : seuls les liens http(s), mailto et "
                       "relatifs sont permis", _NO_SCRIPT, value or name)
    allowed = sorted(ATTRIBUTES["*"] | ATTRIBUTES.get(tag, set()))
    return Finding(f"attribut non autorisé « {name} » sur <{tag}>",
                   "attributs permis : " + ", ".join(allowed), name)


def _class_removals(tag: str, value: str) -> list[Finding]:
    """A finding for each class of ``value`` an editor's HTML may not carry."""
    return [Finding(f"classe « {name} » non autorisée sur <{tag}>",
                    "la mise en page vient du thème : ses classes (md-…) et les autres ne "
                    "s’écrivent pas dans un article ; classes permises : "
                    + ", ".join(sorted(EDITOR_CLASSES)), name)
            for name in dict.fromkeys(value.split()) if not editor_class(tag, name)]


def _removals(before: list[str], after: list[str], allowed: frozenset[str],
              placed: bool = False) -> list[Finding]:
    """What the clean tokens ``after`` lack of the normalised tokens ``before``; ``placed``:
    HTML the renderer drew, whose classes are all its own."""
    removals: list[Finding] = []
    kept = [t for t in (_tag(token) for token in after) if t is not None]
    for token in before:
        parsed = _tag(token)
        if parsed is None:
            continue
        tag, attributes = parsed
        if tag not in allowed:
            kind = "interdite" if tag in DANGEROUS_TAGS else "non autorisée"
            hint = _DRAW_WITH_CHART if tag in SVG_TAGS else _ALLOWED
            removals.append(Finding(f"balise HTML {kind} <{tag}>", hint, "<" + tag))
            continue
        clean = next((attrs for name, attrs in kept if name == tag), {})
        if not placed and "class" in attributes:  # judged class by class
            removals += _class_removals(tag, attributes.pop("class"))
        removals += [_attribute_removal(tag, name, value) for name, value in attributes.items()
                     if name not in clean]
    return removals


def sanitise(html: str, charts: bool = False) -> Sanitised:
    """The clean HTML of a page, and each thing the allow-list removed from it; ``charts``:
    the HTML of a block the renderer drew (a chart, an « Et si… ? » box), which may hold the
    charts' SVG subset and the box's attributes."""
    allowed = TAGS | SVG_TAGS if charts else TAGS
    try:
        # ammonia writes U+00A0 as an entity; French typography puts many: keep the character.
        clean = (_CHARTS if charts else _STRICT).clean(html).replace("&nbsp;", NBSP)
    except BaseException:  # an ammonia panic: nothing of the page is served
        return Sanitised("", (Finding("HTML que le nettoyage ne sait pas lire",
                                      "simplifiez le HTML de la page", "<"),))
    if "<" not in html:
        return Sanitised(clean, ())
    findings = _images_without_text(clean)
    if clean == html:  # most pages: nothing to tell apart, and the second pass costs 3 ms
        return Sanitised(clean, tuple(findings))
    normal = _normalised(html).replace("&nbsp;", NBSP)
    if normal != clean:
        before, after = _TOKEN.findall(normal), _TOKEN.findall(clean)
        matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
        for operation, start, end, after_start, after_end in matcher.get_opcodes():
            if operation in ("delete", "replace"):
                findings += _removals(before[start:end], after[after_start:after_end],
                                      allowed, placed=charts)
    return Sanitised(clean, tuple(findings))


_IMAGE = re.compile(r"<img\b[^>]*>", re.I)


def _images_without_text(html: str) -> list[Finding]:
    """Every image without a text for readers who do not see it."""
    findings = []
    for match in _IMAGE.finditer(html):
        parsed = _tag(match.group())
        if parsed is not None and not parsed[1].get("alt", "").strip():
            source = parsed[1].get("src", "")
            findings.append(Finding(
                "image sans texte alternatif",
                "décrivez l’image entre les crochets : ![Ce que montre l’image](…)",
                source or "<img"))
    return findings


def source_line(clue: str, source: str) -> int | None:
    """The first line of ``source`` (the page as the editor typed it) that holds ``clue``."""
    index = source.lower().find(clue.lower())
    return source.count("\n", 0, index) + 1 if index >= 0 else None
