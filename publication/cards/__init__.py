"""Share cards: the 1200 × 630 PNG that social networks show for a shared link (``og:image``),
one per article (claim, verdict, category, cover) and one for the site, drawn at build time from
an SVG we write, rendered by resvg with the fonts shipped in ``fonts/`` (``render``).

May import: ``vocabulary``, ``publication.model``.
"""
