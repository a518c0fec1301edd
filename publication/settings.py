"""The plugin's options in ``mkdocs.yml`` (``plugins: - vraioufaux: …``), as MkDocs ``Config``
classes: MkDocs validates them for the plugin, ``publication.project`` for the command line."""

from __future__ import annotations

from mkdocs.config import base
from mkdocs.config import config_options as c

from publication.views.article import CallToAction

#: The plugin's name in ``mkdocs.yml`` (its entry point in ``pyproject.toml``).
PLUGIN_NAME = "vraioufaux"


class CallToActionConfig(base.Config):
    title = c.Type(str)
    text = c.Type(str)
    link_text = c.Type(str)
    link = c.Type(str)


class IdentityConfig(base.Config):
    """Who publishes the site and on what terms: the footer, the trust pages and the JSON-LD
    publisher all read it here, never from a template."""

    #: The organisation that publishes the site (schema.org ``Organization``).
    organisation = c.Type(str, default="")
    organisation_url = c.Type(str, default="")
    #: Where readers write to the newsroom; empty until the publisher has one to give, and
    #: then the contact page sends readers to ``contact_url``.
    contact_email = c.Type(str, default="")
    contact_url = c.Type(str, default="")
    #: The licence of the texts, and that of the figures and data (``figures.json``).
    texts_licence = c.Type(str, default="CC BY 4.0")
    texts_licence_url = c.Type(str, default="https://creativecommons.org/licenses/by/4.0/deed.fr")
    data_licence = c.Type(str, default="Licence Ouverte 2.0")
    data_licence_url = c.Type(
        str, default="https://www.etalab.gouv.fr/licence-ouverte-open-licence/")


class TrustPagesConfig(base.Config):
    """The pages under content/ that say who publishes and how (linked from every footer and
    from the verdict box); the verdict scale is generated (``site.pages.ScalePage``)."""

    about = c.Type(str, default="a-propos.md")
    contact = c.Type(str, default="contact.md")
    licence = c.Type(str, default="licence.md")


class PublicationConfig(base.Config):
    articles_dir = c.Type(str, default="mythes")
    series_banner = c.Type(str, default="")
    calls_to_action = c.DictOfItems(c.SubConfig(CallToActionConfig), default={})
    identity = c.SubConfig(IdentityConfig)
    trust_pages = c.SubConfig(TrustPagesConfig)
    figures_report = c.Type(str, default="figures.json")
    #: Parameters and sources; by default the calculators package's own data.
    data_dir = c.Optional(c.Dir(exists=True))
    #: Sources older than this are reported; hypotheses in use are always reported.
    freshness_max_age_years = c.Type(int, default=5)
    #: Turn those reports into errors that fail the build.
    freshness_strict = c.Type(bool, default=False)
    #: The search's synonyms (``publication/search/synonyms.py``), beside ``mkdocs.yml``;
    #: none if the file does not exist.
    search_synonyms = c.Type(str, default="synonymes.yml")

    def calls(self) -> dict[str, CallToAction]:
        """The calls to action by key, as articles name them (``cta:``)."""
        return {key: CallToAction(cta.title, cta.text, cta.link_text, cta.link)
                for key, cta in self.calls_to_action.items()}
