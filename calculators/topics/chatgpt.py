"""« ChatGPT, c’est magique et ça ne consomme pas grand-chose ? »: training and use of the model.

Figures from ``shared/facts.md`` §1 and §2: Patterson et al. 2021 for the training of GPT-3,
ADEME's long-haul flight factors for the comparison, the seed article's usage hypotheses, and the
per-query estimates published from 2023 to 2025.
"""

from __future__ import annotations

from ..catalog import Parameters, calculator
from ..figure import Figure, spread

# -- Training (Patterson et al. 2021, table 4) ------------------------------------------------


@calculator("énergie consommée par l’entraînement de GPT-3", "MWh")
def gpt3_training_energy(p: Parameters) -> Figure:
    hours_per_day = Figure.convention(24, "hour/day", "heures par jour")
    energy = (
        p["gpt3_accelerators"] * p["gpt3_power_per_accelerator"] * p["gpt3_training_days"]
        * hours_per_day * p["gpt3_pue"]
    )
    return energy.checked_against(p["gpt3_training_energy_published"], tolerance=0.01)


@calculator("émissions de l’entraînement de GPT-3 (électricité seule)", "tCO2e")
def gpt3_training_emissions(p: Parameters) -> Figure:
    emissions = gpt3_training_energy(p) * p["us_grid_intensity"]
    return emissions.checked_against(p["gpt3_training_emissions_published"], tolerance=0.01)


@calculator("multiplicateur « cycle de vie » d’après l’ACV de BLOOM", "")
def bloom_lifecycle_multiplier(p: Parameters) -> Figure:
    return p["bloom_training_lifecycle_emissions"] / p["bloom_training_dynamic_emissions"]


@calculator("multiplicateur « toutes les expériences » d’après BLOOM", "")
def bloom_experiments_multiplier(p: Parameters) -> Figure:
    return p["bloom_all_experiments_dynamic_emissions"] / p["bloom_training_dynamic_emissions"]


@calculator("multiplicateur maximal (cycle de vie × expériences) d’après BLOOM", "")
def bloom_full_multiplier(p: Parameters) -> Figure:
    return bloom_lifecycle_multiplier(p) * bloom_experiments_multiplier(p)


@calculator("émissions de GPT-3 avec fabrication et essais (hypothèse ×4)", "tCO2e")
def gpt3_lifecycle_emissions(p: Parameters) -> Figure:
    return gpt3_training_emissions(p) * p["lifecycle_multiplier_seed"]


# -- Flights (ADEME, Impact CO2) ---------------------------------------------------------------


@calculator("émissions d’un aller-retour Paris–New York par passager (avec traînées)",
            "tCO2e/round_trip")
def flight_paris_new_york_emissions(p: Parameters) -> Figure:
    return p["flight_paris_new_york_distance"] * p["flight_longhaul_factor_with_contrails"]


@calculator("émissions d’un aller-retour Paris–New York par passager (sans traînées)",
            "tCO2e/round_trip")
def flight_paris_new_york_emissions_no_contrails(p: Parameters) -> Figure:
    return p["flight_paris_new_york_distance"] * p["flight_longhaul_factor_without_contrails"]


@calculator("allers-retours Paris–New York équivalents à l’entraînement de GPT-3",
            "round_trip")
def gpt3_training_flights(p: Parameters) -> Figure:
    return gpt3_training_emissions(p) / flight_paris_new_york_emissions(p)


@calculator("allers-retours Paris–New York équivalents, sans les traînées de condensation",
            "round_trip")
def gpt3_training_flights_no_contrails(p: Parameters) -> Figure:
    return gpt3_training_emissions(p) / flight_paris_new_york_emissions_no_contrails(p)


@calculator("émissions d’un aller-retour Paris–New York implicites dans l’article original",
            "tCO2e/round_trip")
def seed_flight_emissions_implied(p: Parameters) -> Figure:
    return p["gpt3_training_emissions_published"] / p["seed_training_flights_claimed"]


# -- Use (inference) ---------------------------------------------------------------------------


@calculator("requêtes adressées à ChatGPT par jour (hypothèses)", "query/day")
def chatgpt_daily_queries(p: Parameters) -> Figure:
    return p["chatgpt_daily_users_seed"] * p["queries_per_user_day_seed"]


@calculator("émissions quotidiennes de l’utilisation de ChatGPT", "tCO2e/day")
def chatgpt_daily_inference_emissions(p: Parameters) -> Figure:
    return chatgpt_daily_queries(p) * p["emissions_per_query_seed"]


@calculator("émissions mensuelles de l’utilisation de ChatGPT", "tCO2e")
def chatgpt_monthly_inference_emissions(p: Parameters) -> Figure:
    days = Figure.convention(30, "day", "jours dans un mois")
    return chatgpt_daily_inference_emissions(p) * days


@calculator("rapport entre un mois d’utilisation et l’entraînement de GPT-3", "")
def inference_to_training_ratio(p: Parameters) -> Figure:
    return chatgpt_monthly_inference_emissions(p) / gpt3_training_emissions(p)


@calculator("durée d’utilisation qui émet autant que l’entraînement de GPT-3", "hour")
def inference_time_to_match_training(p: Parameters) -> Figure:
    return gpt3_training_emissions(p) / chatgpt_daily_inference_emissions(p)


# -- Published per-query estimates, 2023-2025 ---------------------------------------------------


def _from_energy(p: Parameters, energy_key: str) -> Figure:
    return p[energy_key] * p["us_grid_intensity"]


@calculator("émissions par requête d’après de Vries (2023), réseau électrique américain",
            "gCO2e/query")
def per_query_devries_2023(p: Parameters) -> Figure:
    return _from_energy(p, "energy_per_query_devries_2023")


@calculator("émissions par requête d’après Epoch AI (2025), réseau électrique américain",
            "gCO2e/query")
def per_query_epoch_2025(p: Parameters) -> Figure:
    return _from_energy(p, "energy_per_query_epoch_2025")


@calculator("émissions par requête d’après Jegham et al. (2025), réseau électrique américain",
            "gCO2e/query")
def per_query_jegham_2025(p: Parameters) -> Figure:
    return _from_energy(p, "energy_per_query_jegham_2025")


@calculator("estimations publiées des émissions par requête (2023-2025)", "gCO2e/query")
def published_per_query_estimates(p: Parameters) -> Figure:
    return spread([
        p["emissions_per_query_google_2025"],
        per_query_epoch_2025(p),
        per_query_jegham_2025(p),
        p["emissions_per_query_mistral_2025"],
        per_query_devries_2023(p),
    ])


@calculator("émissions mensuelles avec les estimations publiées par requête", "tCO2e")
def chatgpt_monthly_inference_emissions_published(p: Parameters) -> Figure:
    days = Figure.convention(30, "day", "jours dans un mois")
    return chatgpt_daily_queries(p) * published_per_query_estimates(p) * days


@calculator("rapport entre un mois d’utilisation (estimations publiées) et l’entraînement", "")
def inference_to_training_ratio_published(p: Parameters) -> Figure:
    return chatgpt_monthly_inference_emissions_published(p) / gpt3_training_emissions(p)


@calculator("croissance des requêtes entre l’hypothèse de l’article d’origine et 2025", "")
def usage_growth_since_seed(p: Parameters) -> Figure:
    return p["chatgpt_messages_per_day_2025"] / chatgpt_daily_queries(p)
