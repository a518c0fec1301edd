"""« La fracture numérique, ça ne concerne que les seniors ? »: what formulas cannot say.

Every other calculation of this myth is data (``calculators/data/calculations/
digital_divide.yml``). This one stays in Python because it refuses a result before computing
it: the formula language has no conditions.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..errors import CalculatorError
from ..figure import Figure


@calculator("personnes de 15 à 74 ans en situation d’illectronisme (2021)", "person")
def illectronisme_people_under_75(p: Parameters) -> Figure:
    # Python, not data: a subtraction would silently give a negative count when the over-75s
    # outnumber everyone; this check names the inconsistency instead.
    everyone = p.calculate("illectronisme_people")
    older = p.calculate("illectronisme_people_75_plus")
    if older.quantity > everyone.quantity:
        raise CalculatorError(
            "plus de personnes concernées chez les 75 ans et plus que dans toute la population",
            hint="vérifiez les populations et les taux par âge",
        )
    return everyone - older
