"""What reviewers read about the figures: the report of every published figure (``report``), its
comparison between two revisions (``diff``, ``revisions``), and freshness warnings
(``freshness``).

May import: ``vocabulary``, ``calculators``, ``macros``, ``publication.model``,
``publication.pipeline``, ``publication.project``.
"""
