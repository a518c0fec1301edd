"""The content model: what an article is, independent of any page or build.

Front matter (``frontmatter``: split and parsed with line numbers; ``schema``: validated with
French errors), the verdict scale, slugs, where an article's pages live (``paths``), image
sizes, the new-article template (``scaffold``) and the articles that already tell a new
myth (``namesakes``).

May import: ``vocabulary``, ``calculators`` (YAML helpers), MkDocs' ``config`` API (the schema is
a ``Config``). Nothing else of ``publication``.
"""
