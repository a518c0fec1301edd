"""« La fracture numérique, ça ne concerne que les seniors ? »: illectronisme by age and class.

Figures from ``shared/facts.md`` §3.5 and §3.7: INSEE's illectronisme rates (2019, 2021), turned
into numbers of people with the 2015 census by age and a 2021 estimate of the over-75s. The age
bands and years do not match exactly: the hypothesis parameter ``population_2021_vs_2015_assumed``
carries that assumption into every count that rests on the 2015 census, so readers see it.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..errors import CalculatorError
from ..figure import Figure
from ._shares import share

_BANDS_15_PLUS = ("population_15_19_2015", "population_20_24_2015", "population_25_39_2015",
                  "population_40_54_2015", "population_55_64_2015", "population_65_79_2015",
                  "population_80_plus_2015")

# -- Rates ---------------------------------------------------------------------------------------


@calculator("taux d’illectronisme des 15 ans et plus (2021)", "")
def illectronisme_rate_2021(p: Parameters) -> Figure:
    rate = share(p, "illectronisme_non_use_2021") + share(p, "illectronisme_no_basic_skills_2021")
    return rate.checked_against(p["illectronisme_rate_2021_published"], tolerance=0.01)


@calculator("rapport entre le taux d’illectronisme des ouvriers et celui des cadres (2021)", "")
def workers_to_executives_ratio(p: Parameters) -> Figure:
    return (share(p, "illectronisme_rate_workers_2021")
            / share(p, "illectronisme_rate_executives_2021"))


@calculator("rapport entre le taux d’illectronisme des retraités anciens ouvriers et celui des "
            "retraités anciens cadres (2021)", "")
def retired_workers_to_executives_ratio(p: Parameters) -> Figure:
    return (share(p, "illectronisme_rate_retired_workers_2021")
            / share(p, "illectronisme_rate_retired_executives_2021"))


@calculator("rapport entre la part des personnes sans diplôme et celle de l’ensemble de la "
            "population sans Internet à domicile (2019)", "")
def no_diploma_home_internet_ratio(p: Parameters) -> Figure:
    return share(p, "no_home_internet_no_diploma_2019") / share(p, "no_home_internet_2019")


# -- Populations ---------------------------------------------------------------------------------


def _census_2015_moved_to_2021(p: Parameters, keys: tuple[str, ...]) -> Figure:
    """Census counts of 2015, summed, then moved to 2021 under the stated hypothesis."""
    total = p[keys[0]]
    for key in keys[1:]:
        total = total + p[key]
    return total * p["population_2021_vs_2015_assumed"]


@calculator("personnes de 15 à 24 ans (recensement de 2015 appliqué à 2021)", "person")
def population_15_24(p: Parameters) -> Figure:
    return _census_2015_moved_to_2021(p, ("population_15_19_2015", "population_20_24_2015"))


@calculator("personnes de 15 ans et plus (recensement de 2015 appliqué à 2021)", "person")
def population_15_plus(p: Parameters) -> Figure:
    return _census_2015_moved_to_2021(p, _BANDS_15_PLUS)


@calculator("personnes de 75 ans et plus en France métropolitaine (2021)", "person")
def population_75_plus_2021(p: Parameters) -> Figure:
    return p["population_metro_2021"] * share(p, "share_75_plus_2021")


# -- People -------------------------------------------------------------------------------------


@calculator("personnes de 15 ans et plus en situation d’illectronisme (2021)", "person")
def illectronisme_people(p: Parameters) -> Figure:
    return illectronisme_rate_2021(p) * population_15_plus(p)


@calculator("personnes de 75 ans et plus en situation d’illectronisme (2021)", "person")
def illectronisme_people_75_plus(p: Parameters) -> Figure:
    return share(p, "illectronisme_rate_75_plus_2021") * population_75_plus_2021(p)


@calculator("personnes de 15 à 24 ans en situation d’illectronisme (2021)", "person")
def illectronisme_people_15_24(p: Parameters) -> Figure:
    return share(p, "illectronisme_rate_15_24_2021") * population_15_24(p)


@calculator("personnes de 15 à 74 ans en situation d’illectronisme (2021)", "person")
def illectronisme_people_under_75(p: Parameters) -> Figure:
    everyone = illectronisme_people(p)
    older = illectronisme_people_75_plus(p)
    if older.quantity > everyone.quantity:
        raise CalculatorError(
            "plus de personnes concernées chez les 75 ans et plus que dans toute la population",
            hint="vérifiez les populations et les taux par âge",
        )
    return everyone - older


@calculator("part des moins de 75 ans parmi les personnes en situation d’illectronisme (2021)",
            "")
def illectronisme_share_under_75(p: Parameters) -> Figure:
    return illectronisme_people_under_75(p) / illectronisme_people(p)
