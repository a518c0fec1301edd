"""« Pas beaucoup de femmes dans la tech, mais c’est mieux qu’avant ? »: shares over time.

Figures from ``shared/facts.md`` §3.2: Isabelle Collet on French and Western European computing
schools, Gender Scan on the French digital sector, Eurostat on ICT specialists in the EU-27.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..errors import CalculatorError
from ..figure import Figure
from ._shares import share

# -- Computing schools: a long fall --------------------------------------------------------------


@calculator("recul de la part des femmes dans les écoles d’ingénieurs en informatique", "")
def cs_schools_decline_points(p: Parameters) -> Figure:
    return share(p, "women_share_cs_schools_past") - share(p, "women_share_cs_schools_now")


@calculator("rapport entre la part des femmes d’il y a une trentaine d’années et celle "
            "d’aujourd’hui, écoles d’ingénieurs en informatique", "")
def cs_schools_decline_ratio(p: Parameters) -> Figure:
    return share(p, "women_share_cs_schools_past") / share(p, "women_share_cs_schools_now")


@calculator("écart de part des femmes entre l’ensemble des écoles d’ingénieurs et celles "
            "d’informatique", "")
def cs_schools_gap_with_engineering(p: Parameters) -> Figure:
    return share(p, "women_share_engineering_schools") - share(p, "women_share_cs_schools_now")


@calculator("rapport entre la part des femmes de la fin des années 1980 et celle de 2019, "
            "écoles d’informatique d’Europe de l’Ouest", "")
def europe_schools_decline_ratio(p: Parameters) -> Figure:
    return (share(p, "women_share_informatics_europe_past")
            / share(p, "women_share_informatics_europe_now"))


# -- Jobs: a slow, recent climb ------------------------------------------------------------------


@calculator("écart entre la part des femmes dans les entreprises du numérique et dans ses "
            "métiers techniques", "")
def technical_jobs_gap(p: Parameters) -> Figure:
    return share(p, "women_share_digital_companies") - share(p, "women_share_technical_jobs")


@calculator("hausse de la part des femmes dans le secteur numérique en France, 2018-2020", "")
def digital_sector_rise_2018_2020(p: Parameters) -> Figure:
    return share(p, "women_share_digital_sector_2020") - share(p, "women_share_digital_sector_2018")


def _eu_span() -> Figure:
    return Figure.convention(10, "year", "années écoulées entre 2013 et 2023")


@calculator("hausse de la part des femmes parmi les spécialistes des TIC de l’UE, 2013-2023", "")
def eu_ict_specialists_rise(p: Parameters) -> Figure:
    return (share(p, "women_share_ict_specialists_eu_2023")
            - share(p, "women_share_ict_specialists_eu_2013"))


@calculator("rythme de hausse annuel de la part des femmes parmi les spécialistes des TIC de "
            "l’UE, 2013-2023", "1/year")
def eu_ict_specialists_pace(p: Parameters) -> Figure:
    return eu_ict_specialists_rise(p) / _eu_span()


@calculator("années nécessaires pour atteindre la parité parmi les spécialistes des TIC de "
            "l’UE, si le rythme de 2013-2023 se maintenait", "year")
def eu_years_to_parity(p: Parameters) -> Figure:
    parity = Figure.convention(0.5, "", "part des femmes à la parité")
    latest = share(p, "women_share_ict_specialists_eu_2023")
    pace = eu_ict_specialists_pace(p)
    if pace.quantity.magnitude <= 0:
        raise CalculatorError(
            "la part des femmes ne progresse pas entre 2013 et 2023 : aucune parité à l’horizon",
            hint="vérifiez les deux parts relevées dans Eurostat", key=latest.key,
        )
    if latest.quantity >= parity.quantity:
        raise CalculatorError("la parité est déjà atteinte en 2023", key=latest.key,
                              hint="vérifiez la part relevée dans Eurostat")
    return (parity - latest) / pace
