"""The site's own static search: words and stems (``words``), the text of a rendered body
(``text``), the editors' synonyms (``synonyms``), and the sharded JSON index the search page
fetches (``index``).

May import: ``vocabulary``, ``calculators`` (its YAML loader), ``publication.views`` (cards).
"""
