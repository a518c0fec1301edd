"""« Pas beaucoup de femmes dans la tech, mais c’est mieux qu’avant ? »: what formulas cannot say.

Every other calculation of this myth is data (``calculators/data/calculations/
women_in_tech.yml``). This one stays in Python because it refuses a result before computing it:
the formula language has no conditions.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..errors import CalculatorError
from ..figure import Figure
from ._shares import share


@calculator("années nécessaires pour atteindre la parité parmi les spécialistes des TIC de "
            "l’UE, si le rythme de 2013-2023 se maintenait", "year")
def eu_years_to_parity(p: Parameters) -> Figure:
    # Python, not data: with no progress, or parity already reached, the division would give an
    # infinite or negative number of years; these checks say why there is no answer instead.
    parity = p.convention("parite")
    latest = share(p, "women_share_ict_specialists_eu_2023")
    pace = p.calculate("eu_ict_specialists_pace")
    if pace.quantity.magnitude <= 0:
        raise CalculatorError(
            "la part des femmes ne progresse pas entre 2013 et 2023 : aucune parité à l’horizon",
            hint="vérifiez les deux parts relevées dans Eurostat", key=latest.key,
        )
    if latest.quantity >= parity.quantity:
        raise CalculatorError("la parité est déjà atteinte en 2023", key=latest.key,
                              hint="vérifiez la part relevée dans Eurostat")
    return (parity - latest) / pace
