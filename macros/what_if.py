"""``what_if()``: the « Et si… ? » box an editor places in an article.

    {{ what_if("queries_per_user_day_seed",
               shows=["chatgpt_monthly_inference_emissions", "inference_to_training_ratio"]) }}

The first id is a parameter the reader may change (a hypothesis, or any parameter the editor
chooses: naming it here makes it adjustable on the calcul page too); ``shows`` are the figures
that follow it, each a calculation that depends on it. The box is closed and hidden in the HTML;
the page's script shows it, and only when the reader opens it does the browser fetch the
scenario script and the article's formula graph (``calcul/scenario.json``,
``publication.views.scenario``). Without JavaScript the page is as if the box were not there.
Every mistake is a French error at the call's line, like any figure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

from markupsafe import Markup, escape

from calculators import CalculatorError, Figure, Parameters
from vocabulary.hints import suggest

from .chart_calls import TOKEN

#: At most this many figures in one box: it makes one point, the calcul page shows the rest.
MAX_SHOWN = 4
#: How a box's HTML begins: the page's blocks (charts and boxes) are told apart by it.
BOX_HTML = '<details class="vf-whatif"'
_EXAMPLE = '{{ what_if("id_du_parametre", shows=["id_d_un_calcul"]) }}'


class WhatIfMaker:
    """The ``what_if`` global, bound to one page's parameters."""

    def __init__(self, parameters: Parameters, known: Iterable[str],
                 show: Callable[[Figure], None],
                 block_html: Callable[[str, str], None]) -> None:
        self.parameters = parameters
        self.known = list(known)
        #: Records a figure the box shows, so the page's graph and calcul page include it.
        self.show = show
        self.block_html = block_html

    def __call__(self, parameter: Any = None, shows: Any = None) -> Markup:
        if not isinstance(parameter, str):
            raise CalculatorError("« Et si… ? » : indiquez entre guillemets l’identifiant du "
                                  "paramètre que le lecteur peut changer",
                                  hint=f"par exemple : {_EXAMPLE}")
        if parameter not in self.parameters:
            raise CalculatorError("« Et si… ? » : paramètre inconnu", key=parameter,
                                  hint=suggest(parameter, self.parameters)
                                  or "seul un paramètre (parameters/) peut être changé")
        if isinstance(shows, str) or not isinstance(shows, list | tuple) or not shows:
            raise CalculatorError("« Et si… ? » : « shows » est la liste des calculs qui "
                                  "suivent le paramètre, entre crochets",
                                  hint=f"par exemple : {_EXAMPLE}")
        if len(shows) > MAX_SHOWN:
            raise CalculatorError(f"« Et si… ? » : {len(shows)} chiffres, au plus {MAX_SHOWN}",
                                  hint="la page de calcul montre tous les autres")
        source = self.parameters[parameter]
        figures = []
        for key in shows:
            if not isinstance(key, str) or key not in self.known:
                raise CalculatorError(
                    "« Et si… ? » : calcul inconnu", key=str(key),
                    hint=(suggest(key, self.known) if isinstance(key, str) else "")
                    or "chaque élément de « shows » est l’identifiant d’un calcul, entre "
                    "guillemets")
            figure = self.parameters.calculate(key)
            if source not in figure.leaves():
                raise CalculatorError(
                    f"« Et si… ? » : « {key} » ne dépend pas de « {parameter} »", key=key,
                    hint="choisissez des calculs que ce paramètre fait bouger")
            figures.append(figure)
        for figure in figures:
            self.show(figure)
        digest = hashlib.sha256(repr((parameter, tuple(shows))).encode()).hexdigest()[:8]
        label = source.label or parameter
        html = Markup(
            '<details class="vf-whatif" data-vf-input="{}" '
            'data-vf-shows="{}" hidden><summary>Et si…{}? Changez «{}{}{}»</summary>'
            '<div class="vf-whatif__body"></div></details>'
        ).format(parameter, " ".join(shows),
                 Markup("&#8239;"), Markup("&#8239;"), escape(label), Markup("&#8239;"))
        # A chart's kind of token (``chart_calls.place_blocks`` places both after Markdown).
        token = f"{TOKEN}{digest}"
        self.block_html(token, str(html))
        return Markup(token)


__all__ = ["BOX_HTML", "MAX_SHOWN", "WhatIfMaker"]
