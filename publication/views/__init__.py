"""What readers see, prepared as plain data for the templates: no MkDocs, no HTML.

The article (``article``), its derivation blocks and sources (``derivation``), the calcul page
(``calcul``), the listing pages and cards (``listing``), head metadata and share links
(``metadata``), and the Atom feed (``feed``).

May import: ``vocabulary``, ``calculators``, ``macros``, ``publication.model``.
"""
