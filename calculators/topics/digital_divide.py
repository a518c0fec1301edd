"""« La fracture numérique, ça ne concerne que les seniors ? »: what formulas cannot say.

Every other calculation of this myth is data (``calculators/data/calculations/
digital_divide.yml``). These stay in Python because they refuse a result before computing it:
the formula language has no conditions.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..errors import CalculatorError
from ..figure import Figure
from ._shares import share


@calculator("personnes de 60 ans et plus en situation d’illectronisme (2021)", "person")
def illectronisme_people_60_plus(p: Parameters) -> Figure:
    # Python, not data: the 60-74 band is the 60+ share minus the 75+ share, which would silently
    # give a negative population if the shares were swapped; and INSEE publishes only « plus
    # d'une personne de 60 ans ou plus sur trois », which the estimate must respect.
    older_share = share(p, "share_75_plus_2021")
    seniors_share = share(p, "share_60_plus_2021")
    if older_share.quantity > seniors_share.quantity:
        raise CalculatorError(
            "plus de 75 ans et plus que de 60 ans et plus dans la population",
            hint="vérifiez les deux parts de la population par âge", key=older_share.key,
        )
    population = p["population_metro_2021"]
    young_seniors = population * (seniors_share - older_share)
    people = (share(p, "illectronisme_rate_60_74_2021") * young_seniors
              + p.calculate("illectronisme_people_75_plus"))
    floor = share(p, "illectronisme_rate_60_plus_2021_floor")
    if (people / p.calculate("population_60_plus_2021")).quantity < floor.quantity:
        raise CalculatorError(
            "notre estimation donne moins d’une personne de 60 ans ou plus sur trois en situation "
            "d’illectronisme, alors que l’Insee en compte plus",
            hint="vérifiez le taux des 60-74 ans et les parts de la population par âge",
        )
    return people


@calculator("personnes de 15 à 59 ans en situation d’illectronisme (2021)", "person")
def illectronisme_people_under_60(p: Parameters) -> Figure:
    # Python, not data: a subtraction would silently give a negative count when the over-60s
    # outnumber everyone; this check names the inconsistency instead.
    everyone = p.calculate("illectronisme_people")
    older = p.calculate("illectronisme_people_60_plus")
    if older.quantity > everyone.quantity:
        raise CalculatorError(
            "plus de personnes concernées chez les 60 ans et plus que dans toute la population",
            hint="vérifiez les populations et les taux par âge",
        )
    return everyone - older
