"""``chart()``: a chart of parameters and calculations, written by editors in an article.

    {{ chart("barres", "Titre", {"Libellé court": "identifiant", …}, unit="%") }}
    {{ chart("courbes", "Titre", {"Nom de la série": ["id_2013", "id_2023"]}, unit="%") }}
    {{ chart("comparaison", "Titre", {"Un mois d’usage": "id_a", "L’entraînement": "id_b"}) }}

Values are ids, never numbers: each is computed as ``param()`` or a calculator would be, converted
to the chart's one unit, formatted like the ``figure`` filter and linked (in the chart's data
table) to its derivation, so the calcul page lists it. A point of a line sits at its parameter's
``year:``. Every size is bounded, and every mistake is a French error at the call's line.
"""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from jinja2 import Undefined
from markupsafe import Markup

from calculators import CalculatorError, Figure, Parameters
from charts.model import Chart, Kind, Mark, Series
from charts.svg import SHAPES, render
from vocabulary.hints import suggest

from .formatting import display_unit, format_number, format_quantity

#: The kinds editors write, and what they draw.
KINDS: dict[str, Kind] = {"barres": "bars", "courbes": "lines", "comparaison": "compare"}
MAX_BARS = 12
MAX_SERIES = len(SHAPES)
MAX_POINTS = 12
MAX_LABEL = 48
MAX_TITLE = 120
MAX_DESCRIPTION = 400

#: What stands for a chart in a page's text until Markdown has run: letters and digits only,
#: which neither Markdown nor the typography touch.
TOKEN = "vfgraphique"
_TOKENS = re.compile(rf"<p>({TOKEN}[0-9a-f]{{8}})</p>|({TOKEN}[0-9a-f]{{8}})")

_EXAMPLE = ('{{ chart("barres", "Titre", {"Libellé": "identifiant"}, unit="%") }}')


def _text(value: Any, what: str, limit: int, *, required: bool = True) -> str:
    if not isinstance(value, str):
        raise CalculatorError(f"{what} doit être un texte entre guillemets",
                              hint=f"par exemple : {_EXAMPLE}")
    text = " ".join(value.split())
    if required and not text:
        raise CalculatorError(f"{what} est vide", hint="écrivez ce que le graphique montre")
    if len(text) > limit:
        raise CalculatorError(f"{what} est trop long ({len(text)} caractères, au plus {limit})",
                              hint="raccourcissez-le ; le détail va dans le texte de l’article")
    return text


class ChartMaker:
    """The ``chart`` global of one toolbox."""

    def __init__(self, parameters: Parameters, known: Sequence[str],
                 filters: Mapping[str, Callable[..., Markup]],
                 default_unit: Callable[[Figure], str],
                 block: Callable[[str, str], None]) -> None:
        """``filters``: the toolbox's ``figure`` and ``figure_range``, which write (and record
        for the calcul page) each value's link; ``default_unit``: the ``figure`` filter's;
        ``block``: keeps a block of HTML for the page, placed after Markdown."""
        self.parameters = parameters
        self.known = known
        self.filters = filters
        self.default_unit = default_unit
        self.block = block

    def _figure(self, key: Any) -> Figure:
        if isinstance(key, Undefined):
            str(key)  # raises the undefined name's own error: « nom inconnu »
        if not isinstance(key, str):
            raise CalculatorError(f"{key!r} n’est pas un identifiant",
                                  hint="un graphique ne montre que des paramètres ou des calculs, "
                                  "écrits entre guillemets : \"identifiant\"")
        try:
            return self.parameters.resolve(key)
        except CalculatorError as error:
            if error.key == key and error.message in ("paramètre inconnu",
                                                      "calculateur inconnu"):
                raise CalculatorError("paramètre ou calcul inconnu dans le graphique", key=key,
                                      hint=suggest(key, self.known) or "déclarez-le dans "
                                      "calculators/data/") from None
            raise

    def __call__(self, kind: Any = None, title: Any = None, values: Any = None, *,
                 unit: Any = None, description: Any = "", digits: Any = 3) -> Markup:
        if kind not in KINDS:
            raise CalculatorError(f"genre de graphique inconnu : « {kind} »",
                                  hint=(suggest(kind, KINDS) if isinstance(kind, str) else "")
                                  or "genres possibles : " + ", ".join(KINDS))
        drawn = KINDS[kind]
        title = _text(title, "le titre du graphique", MAX_TITLE)
        description = _text(description, "la description du graphique", MAX_DESCRIPTION,
                            required=False)
        if not isinstance(digits, int) or isinstance(digits, bool) or not 1 <= digits <= 6:
            raise CalculatorError("« digits » doit être un nombre entier de 1 à 6")
        groups = self._groups(drawn, values)
        figures = [f for _, keys in groups for f in keys]
        unit_key = unit if unit is not None else self.default_unit(figures[0][1])
        shown = display_unit(unit_key)
        series = tuple(
            Series(name, tuple(self._mark(drawn, name, key, figure, unit_key, shown, digits)
                               for key, figure in keys))
            for name, keys in groups)
        if drawn == "lines":
            for one in series:
                years = [m.x for m in one.marks]
                if len(set(years)) != len(years):
                    raise CalculatorError(f"deux valeurs de la série « {one.name} » ont la même "
                                          "année", hint="une courbe a une valeur par année")
        digest = hashlib.sha256(repr((kind, title, values, unit, digits, description)).encode()
                                ).hexdigest()[:8]
        drawn_chart = Chart(drawn, f"graphique-{digest}", title, description,
                            shown.short, series)
        # The page's text holds a token, and the chart's HTML replaces it once Markdown has
        # run (``place_blocks``): Python-Markdown would otherwise parse every tag of it as a raw
        # HTML block, which cost more than drawing it. The sanitiser sees the placed HTML.
        token = f"{TOKEN}{digest}"
        try:
            html = render(drawn_chart, format_number)
        except (ArithmeticError, ValueError):  # 1e-323 has no log; 1e308 no Decimal tick
            raise CalculatorError(
                "valeurs trop petites ou trop grandes pour être dessinées",
                hint="changez l’unité du graphique (« unit= ») pour des nombres entre un "
                     "millième et un milliard") from None
        self.block(token, html)
        return Markup(token)

    def _groups(self, drawn: Kind, values: Any) -> list[tuple[str, list[tuple[str, Figure]]]]:
        """(label or series name, [(id, figure)…]) pairs, checked and bounded."""
        if not isinstance(values, Mapping) or not values:
            shape = ('{"Nom de la série": ["id_2013", "id_2023"]}' if drawn == "lines"
                     else '{"Libellé court": "identifiant", …}')
            raise CalculatorError("les valeurs d’un graphique s’écrivent entre accolades",
                                  hint=f"par exemple : {shape}")
        most = {"bars": MAX_BARS, "compare": 2, "lines": MAX_SERIES}[drawn]
        if len(values) > most:
            what = "séries" if drawn == "lines" else "valeurs"
            raise CalculatorError(f"trop de {what} dans le graphique ({len(values)}, au plus "
                                  f"{most})", hint="gardez l’essentiel, ou faites deux "
                                  "graphiques")
        if drawn == "compare" and len(values) != 2:
            raise CalculatorError("une comparaison met côte à côte exactement deux valeurs",
                                  hint="pour une seule valeur ou davantage, utilisez "
                                  "\"barres\"")
        groups = []
        for label, keys in values.items():
            label = _text(label, "un libellé du graphique", MAX_LABEL)
            if drawn == "lines":
                if isinstance(keys, str) or not isinstance(keys, Sequence) or not keys:
                    raise CalculatorError(f"la série « {label} » doit être une liste "
                                          "d’identifiants", hint='par exemple : ["id_2013", '
                                          '"id_2023"]')
                if len(keys) > MAX_POINTS:
                    raise CalculatorError(f"trop de points dans la série « {label} » "
                                          f"({len(keys)}, au plus {MAX_POINTS})")
                groups.append((label, [(k, self._figure(k)) for k in keys]))
            else:
                groups.append((label, [(keys, self._figure(keys))]))
        return groups

    def _mark(self, drawn: Kind, label: str, key: str, figure: Figure, unit_key: str,
              shown: Any, digits: int) -> Mark:
        try:
            converted = figure.to(shown.pint)
        except CalculatorError:
            raise CalculatorError(
                f"unités incompatibles dans un même graphique : « {key} » est en "
                f"{figure.unit:~P}, le graphique en {shown.short or unit_key}", key=key,
                hint="un graphique compare des grandeurs de même nature ; faites deux "
                "graphiques, ou changez unit=…") from None
        value, low, high = (float(q.magnitude) * shown.scale
                            for q in (converted.quantity, converted.low, converted.high))
        if not all(math.isfinite(v) for v in (value, low, high)) or low < 0:
            raise CalculatorError("valeur négative ou infinie : un graphique part de zéro",
                                  key=key)
        year = None
        if drawn == "lines":
            year = figure.parameter.year if figure.parameter is not None else None
            if year is None:
                raise CalculatorError(
                    "une courbe place chaque valeur à son année, et celle-ci n’en a pas",
                    key=key, hint="ajoutez « year: » à ce paramètre dans "
                    "calculators/data/parameters/, ou montrez-le avec \"barres\"")
        text = format_quantity(converted.value, shown, digits=digits)
        cell = self.filters["figure"](figure, unit_key, digits=digits)
        range_cell = self.filters["figure_range"](figure, unit_key) if figure.has_range else ""
        return Mark(label, value, low, high, text, str(cell), bool(figure.hypotheses()),
                    year, str(range_cell))


def place_blocks(html: str, blocks: Mapping[str, str]) -> str:
    """``html`` with each chart's token replaced by its HTML: the token's paragraph when it is
    one on its own (as the guide asks), else the token alone. A token the page did not make
    stays as it is."""
    if not blocks or TOKEN not in html:
        return html

    def place(match: re.Match[str]) -> str:
        token = match.group(1) or match.group(2)
        return blocks.get(token, match.group(0))

    return _TOKENS.sub(place, html)


__all__ = ["KINDS", "TOKEN", "ChartMaker", "place_blocks"]
