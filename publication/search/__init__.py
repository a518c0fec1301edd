"""The site's own static search: words and stems (``words``), the text of a rendered body
(``text``), and the sharded JSON index the search page fetches (``index``).

May import: ``vocabulary``, ``publication.views`` (cards).
"""
