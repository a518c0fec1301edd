"""« Les fake news, personne n’y croit vraiment ? »: sharing without reading, and believing.

Figures from ``shared/facts.md`` §3.6: the Science Post hoax, Gabielkov et al. on links shared
without being clicked, Vosoughi et al. on how fast false news spreads, and the Ifop survey on
conspiracy beliefs (second wave).
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..figure import Figure
from ._shares import share


def _whole(label: str) -> Figure:
    return Figure.convention(1, "", label)


@calculator("part des liens partagés sur Twitter cliqués au moins une fois", "")
def clicked_links_share(p: Parameters) -> Figure:
    return _whole("ensemble des liens partagés") - share(p, "gabielkov_never_clicked")


@calculator("rapport entre la probabilité d’être retweetée d’une fausse information et celle "
            "d’une vraie", "")
def false_news_retweet_ratio(p: Parameters) -> Figure:
    return _whole("probabilité pour une vraie information (base 1)") + p["vosoughi_retweet_boost"]


@calculator("part des personnes interrogées qui adhèrent à au moins une théorie du complot", "")
def conspiracy_at_least_one_2019(p: Parameters) -> Figure:
    return _whole("ensemble des personnes interrogées") - share(p, "ifop_no_theory_2019")


@calculator("rapport entre la part des 18-24 ans et celle des 65 ans et plus qui adhèrent à au "
            "moins 5 théories du complot", "")
def conspiracy_young_to_old_ratio(p: Parameters) -> Figure:
    return (share(p, "ifop_many_theories_18_24_2019")
            / share(p, "ifop_many_theories_65_plus_2019"))
