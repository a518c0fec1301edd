"""« Ça se voit tout de suite si c’est un contenu généré par une IA ? »: trust and detection.

Figures from ``shared/facts.md`` §3.1: the Capgemini survey on trust in generative AI, the Acsel
barometer, and Nightingale & Farid's experiment on telling real faces from generated ones.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..figure import Figure
from ._shares import share


def _everyone() -> Figure:
    return Figure.convention(1, "", "ensemble des réponses")


# -- Trust (Capgemini, 2023) ---------------------------------------------------------------------


@calculator("part de toutes les personnes interrogées qui connaissent l’IA générative et font "
            "confiance à ses contenus", "")
def trusting_share_of_all_respondents(p: Parameters) -> Figure:
    return share(p, "capgemini_aware_genai") * share(p, "capgemini_trust_genai_content")


@calculator("personnes interrogées par Capgemini qui font confiance aux contenus de l’IA "
            "générative", "person")
def trusting_respondents(p: Parameters) -> Figure:
    return p["capgemini_respondents"] * trusting_share_of_all_respondents(p)


# -- Detection (Nightingale & Farid, 2022) -------------------------------------------------------


@calculator("écart entre le hasard et le taux de bonnes réponses, sans formation", "")
def accuracy_gap_to_chance(p: Parameters) -> Figure:
    chance = Figure.convention(0.5, "", "taux de bonnes réponses au hasard (pile ou face)")
    return chance - share(p, "nightingale_accuracy")


@calculator("taux d’erreur pour distinguer un vrai visage d’un visage généré, sans formation", "")
def error_rate_untrained(p: Parameters) -> Figure:
    return _everyone() - share(p, "nightingale_accuracy")


@calculator("gain de bonnes réponses apporté par la formation", "")
def training_gain(p: Parameters) -> Figure:
    return share(p, "nightingale_accuracy_trained") - share(p, "nightingale_accuracy")


@calculator("taux d’erreur après formation", "")
def error_rate_trained(p: Parameters) -> Figure:
    return _everyone() - share(p, "nightingale_accuracy_trained")
