"""« Les technologies sont de plus en plus efficaces, donc ça va sauver la planète ? »: rebound.

Figures from ``shared/facts.md`` §3.3 and §2: efficiency gains (Masanet et al. 2020, Google 2025),
ChatGPT's energy per query in 2023 and 2025 against its volume of queries, and the totals that
keep rising (Google, the IEA, ADEME and Arcep).
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..figure import Figure


def _base(label: str) -> Figure:
    return Figure.convention(1, "", label)


# -- Efficiency ----------------------------------------------------------------------------------


@calculator("facteur de baisse de l’énergie par unité de calcul des centres de données, "
            "2010-2018", "")
def datacentre_efficiency_gain_2010_2018(p: Parameters) -> Figure:
    start = _base("niveau de 2010")
    return (start + p["datacentre_compute_growth_2010_2018"]) / (
        start + p["datacentre_energy_growth_2010_2018"])


# -- ChatGPT: less per query, many more queries --------------------------------------------------


@calculator("requêtes adressées à ChatGPT par jour, hypothèses d’Alex de Vries (2023)",
            "query/day")
def chatgpt_daily_queries_2023(p: Parameters) -> Figure:
    return p["chatgpt_daily_users_devries_2023"] * p["queries_per_user_day_devries_2023"]


@calculator("électricité consommée chaque jour par ChatGPT en 2023", "MWh/day")
def chatgpt_daily_energy_2023(p: Parameters) -> Figure:
    energy = chatgpt_daily_queries_2023(p) * p["energy_per_query_devries_2023"]
    return energy.checked_against(p["chatgpt_daily_energy_devries_2023"], tolerance=0.01)


@calculator("électricité consommée chaque jour par ChatGPT en 2025", "MWh/day")
def chatgpt_daily_energy_2025(p: Parameters) -> Figure:
    return p["chatgpt_messages_per_day_2025"] * p["energy_per_query_altman_2025"]


@calculator("facteur de baisse de l’électricité par requête ChatGPT, 2023-2025", "")
def per_query_efficiency_gain(p: Parameters) -> Figure:
    return p["energy_per_query_devries_2023"] / p["energy_per_query_altman_2025"]


@calculator("facteur de hausse du nombre de requêtes quotidiennes à ChatGPT, 2023-2025", "")
def query_volume_growth(p: Parameters) -> Figure:
    return p["chatgpt_messages_per_day_2025"] / chatgpt_daily_queries_2023(p)


@calculator("hausse de l’électricité consommée chaque jour par ChatGPT, 2023-2025", "")
def chatgpt_daily_energy_increase(p: Parameters) -> Figure:
    before = chatgpt_daily_energy_2023(p)
    return (chatgpt_daily_energy_2025(p) - before) / before


# -- Totals that keep rising ---------------------------------------------------------------------


@calculator("émissions totales de Google en 2019", "MtCO2e")
def google_emissions_2019(p: Parameters) -> Figure:
    return p["google_emissions_2023"] / (
        _base("niveau de 2019") + p["google_emissions_growth_2019_2023"])


@calculator("facteur de hausse de l’électricité des centres de données du monde, 2024-2030", "")
def datacentre_electricity_growth_2024_2030(p: Parameters) -> Figure:
    return p["datacentre_electricity_2030"] / p["datacentre_electricity_2024"]


@calculator("empreinte carbone projetée du numérique en France en 2030, sans action", "MtCO2e")
def france_digital_footprint_2030(p: Parameters) -> Figure:
    return p["france_digital_footprint_2020"] * (
        _base("niveau de 2020") + p["france_digital_footprint_growth_2030"])


@calculator("empreinte carbone projetée du numérique en France en 2050, sans action", "MtCO2e")
def france_digital_footprint_2050(p: Parameters) -> Figure:
    return p["france_digital_footprint_2020"] * (
        _base("niveau de 2020") + p["france_digital_footprint_growth_2050"])
