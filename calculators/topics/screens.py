"""« L’addiction aux écrans, c’est un truc de jeunes ? »: screen time and dependence by age.

Figures from ``shared/facts.md`` §3.4: the Baromètre du numérique, Médiamétrie's TV audiences,
the MILDECA barometer, and self-reported dependence (Institut Rafaël, Elabe, BVA). None of them
measures addiction in the clinical sense; the article says so.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..figure import Figure, spread
from ._shares import share

# -- Screen time for everyone --------------------------------------------------------------------


@calculator("temps passé devant les écrans par jour, personnes de 12 ans et plus (2022)",
            "hour/day")
def daily_screen_time_2022(p: Parameters) -> Figure:
    days = Figure.convention(7, "day/week", "jours par semaine")
    daily = p["screen_time_weekly_2022"] / days
    return daily.checked_against(p["screen_time_daily_published_2022"], tolerance=0.01)


@calculator("temps d’écran quotidien selon trois enquêtes (2018-2022)", "hour/day")
def daily_screen_time_estimates(p: Parameters) -> Figure:
    return spread([
        daily_screen_time_2022(p),
        p["screen_time_daily_elabe_2019"],
        p["screen_time_daily_bva_2018"],
    ])


# -- Television: the screen of older people ------------------------------------------------------


@calculator("rapport entre l’écoute de la télévision des 50 ans et plus et la moyenne (2018)", "")
def tv_time_ratio_50_plus_2018(p: Parameters) -> Figure:
    return p["tv_time_50_plus_2018"] / p["tv_time_all_2018"]


@calculator("télévision regardée en plus chaque jour par les 50 ans et plus (2018)", "minute/day")
def tv_extra_time_50_plus_2018(p: Parameters) -> Figure:
    return p["tv_time_50_plus_2018"] - p["tv_time_all_2018"]


@calculator("rapport entre l’écoute de la télévision des seniors et celle des 15-24 ans (2009)",
            "")
def tv_time_ratio_seniors_2009(p: Parameters) -> Figure:
    return p["tv_time_seniors_2009"] / p["tv_time_15_24_2009"]


# -- Social networks and smartphones: the screens of younger people ------------------------------


@calculator("rapport entre la part des 15-24 ans et celle de tous les Français qui passent plus "
            "de 3 heures par jour sur les réseaux sociaux (2025)", "")
def social_media_ratio_young_2025(p: Parameters) -> Figure:
    return (share(p, "social_media_heavy_users_15_24_2025")
            / share(p, "social_media_heavy_users_all_2025"))


@calculator("écart entre les 17-39 ans et les 60-89 ans qui prennent leur smartphone dès le "
            "réveil", "")
def phone_at_waking_gap(p: Parameters) -> Figure:
    return share(p, "phone_at_waking_17_39") - share(p, "phone_at_waking_60_89")


# -- Feeling of dependence -----------------------------------------------------------------------


@calculator("part des répondants qui disent passer trop de temps devant les écrans, selon "
            "l’âge (échantillon non représentatif)", "")
def too_much_screen_time_by_age(p: Parameters) -> Figure:
    return spread([share(p, key) for key in (
        "too_much_screen_time_17_39", "too_much_screen_time_40_59", "too_much_screen_time_60_89")])


@calculator("part des personnes qui se sentent dépendantes aux écrans, selon deux sondages", "")
def feel_dependent_surveys(p: Parameters) -> Figure:
    return spread([share(p, "feel_dependent_elabe_2019"), share(p, "feel_dependent_bva_2018")])
