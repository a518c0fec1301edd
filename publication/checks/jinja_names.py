"""Every name an article's Jinja refers to exists: calculators, parameters, sources, filters.

Rendering goes past a failing call, not past a failing statement (``{% if inconnu %}``); this
reads the whole template first, so that an editor sees every unknown name of a page at once,
each with its « vouliez-vous dire … ? ». The messages are the renderer's own wording, so a
problem found by both is reported once.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import nodes

from macros.render import Renderer
from vocabulary.errors import ContentError
from vocabulary.hints import ADD_PARAMETER, ADD_SOURCE, TEMPLATE_NAMES, suggest

#: Names Jinja defines itself inside templates; the renderer judges their use.
_JINJA_NAMES = frozenset({"loop", "self", "caller", "varargs", "kwargs", "super"})


def _constant_argument(call: nodes.Call) -> str | None:
    if len(call.args) == 1 and isinstance(call.args[0], nodes.Const) \
            and isinstance(call.args[0].value, str):
        return call.args[0].value
    return None


def unknown_names(tree: nodes.Template, renderer: Renderer) -> Iterator[ContentError]:
    """Unknown calculators and names, parameters, sources and filters, with their lines."""
    environment = renderer.environment
    known = [*environment.globals, "article"]
    assigned = {n.name for n in tree.find_all(nodes.Name) if n.ctx != "load"}
    for name in tree.find_all(nodes.Name):
        if name.ctx == "load" and name.name not in known and name.name not in assigned \
                and name.name not in _JINJA_NAMES:
            yield ContentError(None, name.lineno, f"nom inconnu « {name.name} »",
                               suggest(name.name, known) or TEMPLATE_NAMES)
    parameters = renderer.toolbox.parameters
    sources = renderer.toolbox.catalog.sources
    for call in tree.find_all(nodes.Call):
        if not isinstance(call.node, nodes.Name) or call.node.name in assigned:
            continue
        key = _constant_argument(call)
        if key is None:
            continue
        if call.node.name == "param" and key in renderer.toolbox.catalog.invalid:
            yield ContentError(None, call.lineno, "paramètre invalide",
                               "corrigez d’abord l’erreur de son fichier de paramètres", key)
        elif call.node.name == "param" and key not in parameters:
            yield ContentError(None, call.lineno, "paramètre inconnu",
                               suggest(key, parameters) or ADD_PARAMETER, key)
        if call.node.name == "cite" and key not in sources:
            yield ContentError(None, call.lineno, "source inconnue",
                               suggest(key, sources) or ADD_SOURCE, key)
    for used in tree.find_all(nodes.Filter):
        if used.name not in environment.filters:
            yield ContentError(None, used.lineno, f"filtre inconnu « {used.name} »",
                               suggest(used.name, environment.filters)
                               or "filtres disponibles : figure, figure_range")
