"""Synthetic French myths, and temporary projects that build them two ways.

``ours`` is a copy of the real project (mkdocs.yml, site_overrides/, content/) plus N synthetic
articles whose figures are real calculator and parameter calls through the real renderer.
``plain`` is the baseline "plain Material without our features": the same pages, each macro
replaced by the text it renders to (links unwrapped), built by Material with its search plugin,
the same Markdown extensions and nav, and neither our plugin nor our templates.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import shutil
from pathlib import Path
from typing import Literal

ROOT = Path(__file__).resolve().parent.parent
ARTICLES_DIR = "mythes"
Variant = Literal["ours", "plain"]

#: Figure macros as editors write them; every one calls a real calculator or parameter.
FIGURES = (
    '{{ gpt3_training_emissions() | figure("tCO2e", digits=2, long=True) }}',
    '{{ gpt3_training_energy() | figure("MWh", digits=2, long=True) }}',
    '{{ gpt3_training_flights() | figure("round_trip", digits=2, long=True) }}',
    '{{ gpt3_lifecycle_emissions() | figure("tCO2e", digits=2, long=True) }}',
    '{{ param("chatgpt_daily_users_seed") | figure("user", digits=2, long=True) }}',
    '{{ param("gpt3_accelerators") | figure("accelerator", long=True) }}',
    '{{ param("emissions_per_query_seed") | figure("gCO2e/query", long=True) }}',
    '{{ chatgpt_monthly_inference_emissions() | figure("tCO2e", digits=2, rounding="down", '
    'long=True) }}',
    '{{ inference_to_training_ratio() | figure("times", digits=2) }}',
    '{{ inference_time_to_match_training() | figure("hour", digits=2, long=True) }}',
    '{{ flight_paris_new_york_emissions() | figure("tCO2e/round_trip", digits=2, long=True) }}',
    '{{ bloom_lifecycle_multiplier() | figure("times", digits=2) }}',
    '{{ published_per_query_estimates() | figure_range("gCO2e/query") }}',
    '{{ chatgpt_monthly_inference_emissions_published() | figure_range("tCO2e") }}',
    '{{ usage_growth_since_seed() | figure("times", digits=2) }}',
)
CITATIONS = ("patterson2021", "impactco2_ademe", "luccioni2023", "devries2023", "epoch2025",
             "jegham2025", "google2025", "mistral2025", "chatterji2025")
#: With ``charts="new"``, each synthetic myth has one of these (issue 16), after its first
#: paragraph: values the article does not show elsewhere, so each adds derivations to its calcul
#: page (the worst case; every chart of the seven real articles shows figures of its text).
CHARTS = (
    '{{ chart("comparaison", "Un mois d’utilisation contre tout l’entraînement", '
    '{"Entraînement de GPT-3": "gpt3_training_emissions", "Un mois d’utilisation": '
    '"chatgpt_monthly_inference_emissions"}, unit="tCO2e", digits=2) }}',
    '{{ chart("barres", "Émissions d’une requête", {"Hypothèse d’origine": '
    '"emissions_per_query_seed", "Estimations publiées": "published_per_query_estimates"}, '
    'unit="gCO2e/query", digits=2) }}',
    '{{ chart("courbes", "La part des femmes remonte", {"Union européenne": '
    '["women_share_ict_specialists_eu_2013", "women_share_ict_specialists_eu_2023"], '
    '"France": ["women_share_digital_sector_2018", "women_share_digital_sector_2020"]}, '
    'unit="percent", digits=3) }}',
    '{{ chart("barres", "L’illectronisme selon le métier", {"Ouvriers": '
    '"illectronisme_rate_workers_2021", "Cadres": "illectronisme_rate_executives_2021", '
    '"Anciens ouvriers": "illectronisme_rate_retired_workers_2021", "Anciens cadres": '
    '"illectronisme_rate_retired_executives_2021"}, unit="percent", digits=2) }}',
)
FIGURES_PER_ARTICLE = 6
CITATIONS_PER_ARTICLE = 2

_SUBJECTS = ("le streaming vidéo", "l’IA générative", "le cloud", "les objets connectés",
             "la 5G", "les cryptomonnaies", "le courriel", "les centres de données",
             "le télétravail", "les smartphones", "les réseaux sociaux", "le jeu vidéo en ligne",
             "la visioconférence", "les imprimantes 3D", "la blockchain",
             "les écrans publicitaires")
_CLAIMS = ("ne consomme presque rien", "est forcément plus écologique que le papier",
           "n’a aucun impact social", "pollue moins qu’un trajet en voiture",
           "sera bientôt neutre en carbone", "ne dépend d’aucune mine",
           "fonctionne grâce à une énergie cent pour cent renouvelable",
           "ne coûte rien à la planète si l’on éteint la box la nuit")
_FIGURE_FRAMES = (
    "D’après nos calculs, on arrive à {fig}, un ordre de grandeur qui surprend souvent.",
    "Si l’on refait le compte à partir des sources, on obtient {fig}.",
    "Un chiffre résume bien l’enjeu : {fig}, et il ne tient pas compte de la fabrication.",
    "Les estimations publiées donnent {fig} selon la méthode retenue.",
    "À titre de comparaison, retenons {fig} pour le même périmètre.",
    "Ce n’est pas rien : {fig}, à rapporter à l’usage quotidien de millions de personnes.",
)
_SENTENCES = (
    "On se représente volontiers le numérique comme quelque chose d’immatériel, sans poids ni "
    "odeur, qui flotterait quelque part au-dessus de nos têtes.",
    "Pourtant, chaque service en ligne repose sur des infrastructures bien réelles : des câbles, "
    "des antennes, des serveurs et des bâtiments entiers qu’il faut refroidir.",
    "Les impacts les plus lourds viennent de la fabrication des appareils, qui demande des métaux "
    "extraits de mines souvent situées à l’autre bout du monde.",
    "Il faut distinguer deux moments : la fabrication du matériel, puis son utilisation pendant "
    "plusieurs années, parfois bien moins que ce que permettrait sa durée de vie.",
    "Les chiffres qui circulent dans la presse mélangent souvent ces deux moments, ce qui rend les "
    "comparaisons hasardeuses.",
    "Nous avons donc repris les sources une par une, en notant pour chaque donnée si elle vient "
    "d’une étude publiée, d’une reprise dans la presse ou d’une simple hypothèse.",
    "Quand une donnée manque, nous le disons, et nous montrons ce que change une autre "
    "hypothèse raisonnable.",
    "Le mix électrique du pays où tournent les serveurs compte beaucoup : un même calcul peut "
    "varier d’un facteur dix entre un réseau au charbon et un réseau bas carbone.",
    "Les effets rebond sont rarement comptés : quand un service devient plus efficace, on "
    "s’en sert davantage, et la consommation totale augmente.",
    "Derrière l’écran, il y a aussi des personnes : celles qui extraient les minerais, celles qui "
    "assemblent les appareils, celles qui modèrent les contenus.",
    "Les entreprises publient de plus en plus de rapports, mais leurs périmètres changent d’une "
    "année sur l’autre et rendent les tendances difficiles à suivre.",
    "Prolonger la durée de vie d’un appareil reste, de loin, le geste le plus efficace pour en "
    "réduire l’empreinte.",
    "Réparer, reconditionner, mutualiser : ces pratiques existent déjà et méritent d’être "
    "soutenues par les collectivités comme par les entreprises.",
    "Les réglementations européennes commencent à exiger des informations sur la réparabilité et "
    "la consommation des équipements.",
    "Une partie du problème tient à la façon dont les services sont conçus : vidéos en lecture "
    "automatique, notifications incessantes, pages toujours plus lourdes.",
    "La sobriété numérique ne consiste pas à renoncer au numérique, mais à choisir les usages qui "
    "comptent vraiment.",
    "Les centres de données consomment aussi de l’eau pour leur refroidissement, une ressource "
    "qui manque déjà dans plusieurs régions.",
    "Les réseaux mobiles de nouvelle génération promettent des gains d’efficacité, mais "
    "supposent de renouveler une grande partie des équipements.",
    "Les estimations varient selon les hypothèses : durée de vie, taux d’utilisation, "
    "répartition des serveurs entre les services.",
    "C’est pourquoi chaque chiffre de cet article renvoie à sa formule et à ses sources, pour que "
    "chacun puisse refaire le calcul.",
    "Les écarts entre études ne sont pas un défaut : ils disent l’incertitude, et l’incertitude "
    "est une information.",
    "Il serait tentant de chercher un coupable unique, mais l’empreinte du numérique est la somme "
    "de milliards de petits gestes et de quelques très gros choix industriels.",
    "Les collectivités ont un rôle à jouer, en commandant du matériel reconditionné et en "
    "formant leurs équipes.",
    "Dans les écoles, les ateliers de sensibilisation montrent que les élèves s’approprient vite "
    "ces ordres de grandeur.",
)
_HEADINGS = ("D’où vient cette idée ?", "Ce que disent les chiffres", "Et l’usage, alors ?",
             "Ce qu’on oublie souvent", "Les limites de ces estimations", "Alors, que faire ?")
_VERDICTS = ("vrai", "plutot-vrai", "trompeur", "plutot-faux", "faux")
_CATEGORIES = ("Technologie", "Communauté", "Entreprenariat")
_TAGS = ("énergie", "IA générative", "centres de données", "matériel", "réseaux", "eau",
         "métaux", "sobriété", "réparation", "vidéo")
_FIRST_DATE = dt.date(2024, 1, 1)


def _paragraph(rng: random.Random, figures: list[str], citations: list[str]) -> str:
    sentences = rng.sample(_SENTENCES, 4)
    if figures:
        sentences.insert(rng.randrange(1, 4), rng.choice(_FIGURE_FRAMES).format(
            fig=figures.pop()))
    if citations:
        sentences[-1] = sentences[-1][:-1] + f" {{{{ cite(\"{citations.pop()}\") }}}}."
    return "\n".join(_wrap(" ".join(sentences)))


def _wrap(text: str, width: int = 98) -> list[str]:
    """Lines of at most ``width`` characters; a macro is never split (it may be longer)."""
    lines, line = [], ""
    for word in re.findall(r"\{\{.*?\}\}[^\s]*|\S+", text):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def _distinct(macro: str, number: int) -> str:
    """``macro`` with inert spaces that make its text unique for each ``number`` < 10,000."""
    a, b, c, d = (number // 10**k % 10 + 1 for k in range(4))
    return (macro.replace("{{ ", "{{" + " " * a, 1).replace(" | ", " " * b + "|" + " " * c, 1)
            .replace(" }}", " " * d + "}}", 1))


_CALL = re.compile(r'\{\{\s*(?:param\("(\w+)"\)|(\w+)\(\))\s*\|\s*figure(?:_range)?\("([^"]*)"')


def own_chart(figures: list[str]) -> str:
    """Bars of the article's own figures that share a unit (the largest such group), as an
    editor charts what the text discusses: no value the article does not already show."""
    groups: dict[str, list[str]] = {}
    for call in figures:
        match = _CALL.search(call)
        if match:
            groups.setdefault(match.group(3), []).append(match.group(1) or match.group(2))
    unit, keys = max(groups.items(), key=lambda item: (len(item[1]), item[0]))
    bars = ", ".join(f'"Valeur {chr(65 + i)}": "{key}"' for i, key in enumerate(keys))
    return (f'{{{{ chart("barres", "Les chiffres de l’article", {{{bars}}}, unit="{unit}", '
            'digits=2) }}')


def article(index: int, seed: int = 0, distinct: bool = False, charts: str = "") -> str:
    """The Markdown of synthetic myth ``index``: about 600 words and six figure macros; with
    ``charts``, the same text and one chart as a paragraph of its own: ``"own"``, bars of its
    own figures (``own_chart``); ``"new"``, one of ``CHARTS``.

    With ``distinct``, every macro's text differs from every other article's (inert spaces), as
    in a corpus where no two articles write the same call: caches keyed by text do not help.
    """
    rng = random.Random(seed * 1_000_003 + index)
    subject = rng.choice(_SUBJECTS)
    claim = rng.choice(_CLAIMS)
    figures = rng.sample(FIGURES, FIGURES_PER_ARTICLE)
    if distinct:
        figures = [_distinct(f, index * FIGURES_PER_ARTICLE + slot)
                   for slot, f in enumerate(figures)]
    citations = rng.sample(CITATIONS, CITATIONS_PER_ARTICLE)
    date = _FIRST_DATE + dt.timedelta(days=index % 900)
    tags = ", ".join(rng.sample(_TAGS, 3))
    front = "\n".join((
        "---",
        f"title: \"Mythe n° {index} : {subject} {claim} ?\"",
        f"claim: \"{subject[0].upper()}{subject[1:]} {claim}, non ?\"",
        f"verdict: {rng.choice(_VERDICTS)}",
        f"date: {date.isoformat()}",
        "author: La rédaction",
        f"category: {rng.choice(_CATEGORIES)}",
        f"tags: [{tags}]",
        f"description: \"Ce que disent vraiment les chiffres sur {subject} (mythe n° {index}).\"",
        f"summary: \"En bref, sur {subject} : entraîner GPT-3 a émis "
        "{{ gpt3_training_emissions() | figure('tCO2e', digits=2, long=True) }}. "
        "Les chiffres disent le reste.\"",
        "cover: images/chatgpt.svg",
        "cover_alt: \"Illustration : une bulle de conversation reliée à des serveurs.\"",
        "---",
    ))
    chart = (own_chart(figures) if charts == "own" else CHARTS[index % len(CHARTS)]) \
        if charts else ""  # before the paragraphs, which take the figures they write
    blocks = []
    for heading in rng.sample(_HEADINGS, 3):
        blocks.append(f"## {heading}")
        blocks.extend(_paragraph(rng, figures, citations) for _ in range(2))
    if chart:
        blocks.insert(2, _distinct(chart, index) if distinct else chart)
    return front + "\n\n" + "\n\n".join(blocks) + "\n"


# -- projects -------------------------------------------------------------------------------------


_VF_LINK = re.compile(r'<a class="vf-(?:fig|cite)[^"]*" href="[^"]*"(?: id="[^"]*")?>(.*?)</a>',
                      re.S)
_VF_FLAG = re.compile(r'<span class="vf-fig__flag">(.*?)</span>', re.S)


class PlainText:
    """Pages with every macro replaced by the plain text it renders to (for the baseline)."""

    def __init__(self) -> None:
        from calculators import Catalog
        from macros.render import Renderer
        from macros.toolbox import Toolbox
        from publication.model.frontmatter import split

        self._renderer = Renderer(Toolbox(Catalog.load()))
        self._split = split

    def convert(self, raw: str, file: str) -> str:
        source = self._split(raw, file)
        if source.body_offset == 0:
            head = ""
        else:
            head = "\n".join(raw.splitlines()[:source.body_offset]) + "\n"
        body = self._renderer.render(source.body, file=file).text
        return head + _VF_FLAG.sub(r"\1", _VF_LINK.sub(r"\1", body))


def _section(config: str, key: str) -> str:
    """A top-level section of a YAML file (``key:`` and its indented lines), as text."""
    match = re.search(rf"^{key}:.*?(?=^\S|\Z)", config, re.S | re.M)
    return match.group(0) if match else ""


def plain_config(config: str) -> str:
    """The baseline mkdocs.yml: Material with search, the same Markdown extensions and nav."""
    return "\n".join((
        "site_name: Vrai ou faux ?",
        "site_url: http://127.0.0.1:8000/",
        "docs_dir: content",
        "site_dir: site",
        "strict: true",
        "use_directory_urls: true",
        "theme:",
        "  name: material",
        "  language: fr",
        "  font: false",
        "  features:",
        "    - navigation.sections",
        "    - search.suggest",
        "plugins:",
        "  - search:",
        "      lang: fr",
        _section(config, "markdown_extensions").rstrip(),
        _section(config, "nav").rstrip(),
        "",
    ))


def make_project(dest: Path, n: int, variant: Variant, seed: int = 0, distinct: bool = False,
                 plain: PlainText | None = None, charts: str = "",
                 drop_calls: tuple[str, ...] = ()) -> Path:
    """A project in ``dest`` with the real content plus ``n`` synthetic myths; its mkdocs.yml.
    ``drop_calls``: macros whose one-line calls are left out of the real content (a baseline
    revision that predates them would refuse them)."""
    dest.mkdir(parents=True, exist_ok=True)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    shutil.copytree(ROOT / "content", dest / "content")
    for page in sorted((dest / "content").rglob("*.md")) if drop_calls else ():
        lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
        page.write_text("".join(line for line in lines if not any(
            line.startswith("{{ " + name + "(") for name in drop_calls)), encoding="utf-8")
    folder = dest / "content" / ARTICLES_DIR
    folder.mkdir(exist_ok=True)
    for i in range(1, n + 1):
        text = article(i, seed, distinct, charts)
        (folder / f"mythe-synthetique-{i:05d}.md").write_text(text, encoding="utf-8")
    if variant == "ours":
        shutil.copytree(ROOT / "site_overrides", dest / "site_overrides")
        (dest / "mkdocs.yml").write_text(config, encoding="utf-8")
    else:
        plain = plain or PlainText()
        for page in sorted((dest / "content").rglob("*.md")):
            file = str(page.relative_to(dest))
            page.write_text(plain.convert(page.read_text(encoding="utf-8"), file),
                            encoding="utf-8")
        (dest / "mkdocs.yml").write_text(plain_config(config), encoding="utf-8")
    return dest / "mkdocs.yml"
