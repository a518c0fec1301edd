"""SVG images from pull requests, refused unless they are only drawing.

An SVG file runs its scripts when a reader opens it, with the site's origin, and may load other
hosts' resources. An SVG under ``content/images/`` may hold shapes, text, gradients and internal
references only: no script, no event attribute, no ``foreignObject``, no style sheet, no link
or reference outside the file, no DOCTYPE (so no entity can expand). No filter either: a blur
of a few bytes over a huge region takes resvg minutes to draw on a share card (and a reader's
browser as long), so a cover could hang the build.
"""

from __future__ import annotations

import re
from xml.parsers import expat

from vocabulary.errors import ContentError

ELEMENTS = frozenset({
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "path", "rect", "circle",
    "ellipse", "line", "polyline", "polygon", "text", "tspan", "textPath", "linearGradient",
    "radialGradient", "stop", "clipPath", "mask", "pattern", "marker",
})
_REFERENCES = frozenset({"href", "xlink:href"})
_EXTERNAL_CSS = re.compile(r"url\s*\(\s*['\"]?\s*(?!#)|@import|expression\s*\(", re.I)
_DECLARATION = re.compile(rb"<!(DOCTYPE|ENTITY)", re.I)
_HINT = ("une image SVG ne contient que du dessin : enregistrez-la sans script ni lien "
         "(« SVG optimisé » ou « SVG simple » dans votre logiciel), ou exportez-la en PNG")


def svg_problems(data: bytes, file: str) -> list[ContentError]:
    """Every reason to refuse the SVG ``data`` (the file ``file``), each at its line."""
    problems: list[ContentError] = []
    declaration = _DECLARATION.search(data)
    if declaration:
        line = data.count(b"\n", 0, declaration.start()) + 1
        return [ContentError(file, line, "SVG avec une déclaration DOCTYPE ou ENTITY", _HINT)]
    parser = expat.ParserCreate()

    def refuse(message: str) -> None:
        problems.append(ContentError(file, parser.CurrentLineNumber, message, _HINT))

    def start(name: str, attributes: dict[str, str]) -> None:
        if name not in ELEMENTS:
            refuse(f"élément SVG interdit <{name}>")
        for key, value in attributes.items():
            if key.lower().startswith("on"):
                refuse(f"attribut d’événement interdit « {key} » sur <{name}>")
            elif (key in _REFERENCES or key.endswith(":href")) \
                    and not value.strip().startswith("#"):
                refuse(f"référence hors du fichier interdite : {key}=« {value} »")
            elif _EXTERNAL_CSS.search(value):
                # In a style, and in presentation attributes (fill, filter, mask, clip-path…)
                refuse(f"« {key} » charge une ressource extérieure sur <{name}>")

    def instruction(target: str, data: str) -> None:
        if target.lower() != "xml":
            refuse(f"instruction de traitement interdite <?{target}?>")

    parser.StartElementHandler = start
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except expat.ExpatError as error:
        problems.append(ContentError(file, error.lineno,
                                     f"SVG illisible ({expat.ErrorString(error.code)})", _HINT))
    return problems
